"""What a posting's section heading means: "What you'll do" opens the responsibilities.

The phrases live in ``jdgen/data/posting_headings.yaml`` (sources there), so that adding a
heading seen in the wild is a data change. Headings are matched whole after one
normalisation, applied the same way to the table and to the heading, instead of by
keyword search: "Requirements" is a section, while "Requirements for the on-call rota"
(a sentence-like heading) is better left without a kind than given a wrong one, since an
unrecognised section is still read and checked, only not by rules about that kind.

The table is read once, on first use: reading a posting that has no headings, and
``import jdgen.documents``, cost nothing for it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parents[1] / "data" / "posting_headings.yaml"

KINDS = ("about_role", "responsibilities", "requirements", "nice_to_have", "skills", "benefits", "compensation",
         "about_company", "team", "location", "hiring_process", "how_to_apply", "eeo", "essential_functions",
         "physical_demands", "work_environment")

_APOSTROPHES = re.compile(r"['\u2019\u2018\u02bc`´]")
_NOT_WORD = re.compile(r"[^\w]+|_")
_LEADING = re.compile(r"^(?:the|your|our) ")
_PARENTHESIS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
# Where a heading's own name ends and a tagline starts: "Benefits – what we offer", "Skills: Python".
_SEPARATOR = re.compile(r"\s+[-\u2013\u2014|]\s+|:\s+|\s+[\u2013\u2014|]|\s*\|\s*")


def normalise(heading: str) -> str:
    """The form headings and table phrases are compared in: "What You’ll Do:" → "what youll do"."""
    text = _APOSTROPHES.sub("", heading.casefold()).replace("&", " and ").replace("+", " and ")
    text = " ".join(_NOT_WORD.sub(" ", text).split())
    return _LEADING.sub("", text)


@cache
def table() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised phrase → kind, first word → kind), read once from the data file."""
    import yaml  # only when a posting has a heading to look up

    with TABLE.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    phrases = {normalise(phrase): kind for kind, rows in data["kinds"].items() for phrase in rows}
    return phrases, dict(data.get("prefixes") or {})


@lru_cache(maxsize=1024)  # postings repeat their headings; a file of thousands of them should not redo the work
def heading_kind(heading: str) -> str | None:
    """The kind of section ``heading`` opens (one of :data:`KINDS`), or None when it is not known.

    Tried in turn: the heading whole; without its parentheses; its part before a colon or
    a dash; the words after a prefix ("About what we are looking for" is the requirements, as
    "What we are looking for" is); then its first word against the prefixes ("About Acme").
    """
    phrases, prefixes = table()
    candidates = [heading, _PARENTHESIS.sub("", heading)]
    head = _SEPARATOR.split(heading.strip(), maxsplit=1)[0]
    candidates += [head, _PARENTHESIS.sub("", head)]
    for candidate in candidates:
        kind = phrases.get(normalise(candidate))
        if kind:
            return kind
    words = normalise(heading).split()
    if len(words) >= 2 and words[0] in prefixes:
        return phrases.get(normalise(" ".join(words[1:]))) or prefixes[words[0]]
    return None
