"""Write ``compose/anchor_facts.json``: what :class:`jdgen.compose.anchors.Anchored` reads off
each pattern jdgen ships, so that a lint does not parse them again on every start; and
``lint/parsed/*.json``, each shipped list already parsed (:mod:`jdgen.lint.data` says why).

    python -m jdgen.lint.analyse_shipped

Run it after changing a word list's rows, a rule's pattern or ``compose/anchors.py``;
tests/lint/test_anchor_facts.py and tests/lint/test_parsed_lists.py fail until then (and jdgen
reads the changed patterns and lists on each start, as it would without the tables). The patterns are those a lint of the built-in catalog
makes matchers for (every word list, every rule, English and German postings) and those made
when jdgen's modules are imported; a pattern missing here is read when first used.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path

from ..compose import anchors
from ..resources import builtin_catalog
from . import data


def made_patterns() -> list:
    """(key, pattern) of every pattern the built-in catalog's lint makes a matcher for."""
    from ..catalog.root import Catalog
    from .engine import lint

    lint(Catalog(builtin_catalog()), as_of=date(2026, 1, 1), jobs=1, cache=False)
    return sorted(anchors.MADE.items())


def generated() -> str:
    """The text the table must have: one pattern a line, so that a change reads as a small diff."""
    rows = [f"    {json.dumps(key)}: {json.dumps(list(anchors.facts(pattern)), ensure_ascii=False)}"
            for key, pattern in made_patterns()]
    return ('{\n  "written_by": "python -m jdgen.lint.analyse_shipped",\n'
            f'  "code_digest": {json.dumps(anchors.code_digest())},\n'
            '  "facts": {\n' + ",\n".join(rows) + "\n  }\n}\n")


def parsed_copies() -> dict[str, str]:
    """The text each list's parsed copy must have, by file name: its YAML's digest and data, one
    value a line (``indent=0``), so that a changed row reads as a small diff."""
    copies = {}
    for path in sorted(data.DATA.glob("*.yaml")):
        raw = path.read_bytes()
        parsed = data.parse_yaml(raw)
        try:
            text = json.dumps({"written_by": "python -m jdgen.lint.analyse_shipped",
                               "sha256": hashlib.sha256(raw).hexdigest(), "data": parsed},
                              ensure_ascii=False, indent=0)
            survives = json.loads(text)["data"] == parsed
        except TypeError:   # a date, or a key JSON cannot hold
            survives = False
        if not survives:    # a number or a YAML 1.1 boolean ("NO") as a key comes back a string
            raise SystemExit(f"{path.name}: its data does not survive JSON; quote the value")
        copies[data.parsed_name(path.name)] = text + "\n"
    return copies


def _write(path: Path, text: str) -> None:
    # Whole or not at all: a lint started meanwhile reads the old file or the new one.
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8", newline="\n")
    os.replace(partial, path)


def main() -> None:
    copies = parsed_copies()
    data.PARSED.mkdir(exist_ok=True)
    for name, text in copies.items():
        _write(data.PARSED / name, text)
    for stale in set(path.name for path in data.PARSED.glob("*.json")) - set(copies):
        (data.PARSED / stale).unlink()
    print(f"wrote {len(copies)} lists in {data.PARSED}")
    # The facts after the copies: the lint that finds the patterns reads the lists as shipped.
    _write(anchors.FACTS_FILE, generated())
    print(f"wrote {anchors.FACTS_FILE}")


if __name__ == "__main__":
    main()
