"""``jdgen translate CODE --language LANGUAGE``: start a profile's translation file, or refresh it.

The file (``translations/LANGUAGE/CODE.yaml``, see :mod:`jdgen.catalog.translations`) gets
one entry for every text the profile's postings print, in the order a posting prints them,
each under a comment holding the English it translates and with that English's hash as
``source``. A new file has no ``text`` yet: lint reports each such entry until it is
written (JD801), so a half-done translation cannot be published by accident.

Refreshing keeps what the translator wrote and brings the rest up to the profile:

* an entry whose English is unchanged keeps its text;
* an entry whose English changed (stale) keeps its old text *and* its old hash, so lint
  keeps reporting it until someone translates it again and records the new hash; the
  comment above it shows the English as it reads now and the hash to record;
* a text with no entry gets one without ``text``;
* an entry whose English the profile no longer prints is dropped and named on the way out
  (the history of the file keeps it).

The file is rewritten as a whole in one layout (like a formatter), so refreshing a file that
is up to date changes no byte, and comments other than jdgen's own are not kept.
"""

from __future__ import annotations

import os
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..catalog.translations import LISTS, SOURCE_LANGUAGE, find_translation, translation_path
from ..compose.translation import pair, printed_slots
from ..diagnostics import quoted
from ..errors import UsageError
from .yaml_text import Commented, dump

if TYPE_CHECKING:
    from ..catalog.root import Catalog

_LANGUAGE = re.compile(r"[a-z]{2}")
COMMENT_WIDTH = 80  # the English above an entry, wrapped: the entries stay easy to find between them


@dataclass
class Refreshed:
    """What ``jdgen translate`` did to one file."""

    path: Path
    shown: str                                   # the file's path as messages show it
    written: bool                                # False: the file was up to date
    counts: dict[str, int] = field(default_factory=dict)   # by state: current, untranslated, stale, missing
    dropped: list[str] = field(default_factory=list)       # a line for each orphaned entry dropped

    def summary(self) -> str:
        total = sum(self.counts.values())
        parts = [f"{self.counts.get('current', 0)} translated"]
        todo = self.counts.get("untranslated", 0) + self.counts.get("missing", 0)
        if todo:
            parts.append(f"{todo} to translate")
        if self.counts.get("stale"):
            parts.append(f"{self.counts['stale']} changed since translated")
        state = "written" if self.written else "up to date"
        return f"{self.shown} {state}: {total} text{'s' if total != 1 else ''}, {', '.join(parts)}"


def refresh_translation(catalog: "Catalog", code: str, language: str) -> Refreshed:
    """Start or refresh the translation of ``code`` into ``language``, writing it when it changed."""
    from ..catalog.yaml_source import display_path, parse_yaml
    from ..filesystem.writing import write_file

    language = language.strip()
    if not _LANGUAGE.fullmatch(language):
        raise UsageError(f"--language {quoted(language)} is not a language code",
                         hint="give the two-letter ISO 639-1 code in lower case, as in a company's locale, e.g. de")
    if language == SOURCE_LANGUAGE:
        raise UsageError(f"--language {language} is the language profiles are written in",
                         hint="give the language postings should be translated into, e.g. de or fr")
    profile = catalog.profile(code)
    code = profile.model.code
    path = translation_path(catalog, code, language)
    shown = display_path(path)
    existing = find_translation(catalog, code, language)
    pairings, orphans = pair(printed_slots(profile.doc.data), existing.model if existing is not None else None)
    data: dict[str, Any] = {"schema_version": 1, "code": code, "language": language}
    counts: dict[str, int] = {}
    written_sources: set[tuple[str, str]] = set()
    for pairing in pairings:
        slot, entry = pairing.slot, pairing.entry
        source = entry.source if entry is not None else slot.hash
        if slot.is_item and (slot.key[0], source) in written_sources:
            continue  # an item printed twice in the profile's lists has one translation
        written_sources.add((slot.key[0], source))
        counts[pairing.state] = counts.get(pairing.state, 0) + 1
        value: dict[str, Any] = {"source": source}
        if entry is not None and entry.text is not None:
            value["text"] = entry.text
        comments = textwrap.wrap("en: " + " ".join(slot.text.split()), COMMENT_WIDTH, subsequent_indent="    ",
                                 break_long_words=False, break_on_hyphens=False)
        if pairing.state == "stale":
            comments.append(f"changed since translated: translate it again, then set source: {slot.hash}")
        _place(data, slot.key, Commented(value, comments))
    dropped = [f"dropped {'.'.join(str(p) for p in at if not isinstance(p, int))} entry "
               f"{quoted(entry.text or entry.source)}: {code} no longer prints the English it translates"
               for at, entry in orphans]
    modeline = _modeline(catalog, path, existing.doc.text if existing is not None else "", profile)
    text = dump(data, header=[modeline, *_header(code, language, profile.path, catalog.root)])
    _check_round_trip(text, shown, data, parse_yaml)
    current = existing.doc.text if existing is not None else None
    written = current != text
    if written:
        write_file(path, text.encode("utf-8"), catalog_root=catalog.root)
    return Refreshed(path, shown, written, counts, dropped)


def _place(data: dict[str, Any], key: tuple, value: Commented) -> None:
    """Put ``value`` at ``key`` of ``data``: a list's entries are appended, the others set."""
    if len(key) == 1 and key[0] in LISTS:
        data.setdefault(key[0], []).append(value)
        return
    node = data
    for part in key[:-1]:
        node = node.setdefault(part, {})
    node[key[-1]] = value


def _modeline(catalog: "Catalog", path: Path, current: str, profile) -> str:
    """The editor's pointer to the schema: the file's own (whoever set it knew where the schema is);
    else beside the schema the profile's own modeline points at, so the catalog's files agree; else
    the catalog's copy of the schemas (``jdgen init`` writes one), else the shipped one."""
    from ..resources import shipped

    prefix = "# yaml-language-server: $schema="
    first = current.lstrip("\ufeff").split("\n", 1)[0]
    if first.startswith(prefix):
        return first
    own = profile.doc.text.lstrip("\ufeff").split("\n", 1)[0]
    if own.startswith(prefix) and own.endswith("/profile.schema.json"):
        target = (profile.path.parent / own.removeprefix(prefix)).parent / "translation.schema.json"
    elif (catalog.root / "schemas" / "translation.schema.json").is_file():
        target = catalog.root / "schemas" / "translation.schema.json"
    else:
        target = shipped("schemas") / "translation.schema.json"
    relative = os.path.relpath(os.path.normpath(target), path.parent).replace(os.sep, "/")
    return prefix + relative


def _header(code: str, language: str, profile_path: Path, root: Path) -> list[str]:
    try:
        source = profile_path.relative_to(root).as_posix()
    except ValueError:
        source = profile_path.name
    return [f"What {code} ({source}) prints in postings in '{language}'.",
            "Above each entry is the English it translates; `source` is that English's hash and",
            "`text` the translation (an entry without text is still to be translated). After the",
            f"profile changes, run `jdgen translate {code} --language {language}`; `jdgen lint`",
            "says which entries need it."]


def _check_round_trip(text: str, shown: str, data: dict[str, Any], parse_yaml) -> None:
    """The written text must load back to the data it was made from; anything else is a bug of the writer."""
    if parse_yaml(text, shown).data != _plain(data):
        raise RuntimeError(f"the text written for {shown} does not load back to the same entries")


def _plain(value: Any) -> Any:
    if isinstance(value, Commented):
        return _plain(value.value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value
