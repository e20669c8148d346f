"""Translation files: where they live, how they load, and the hash that ties a text to its English.

A profile is written in English (:data:`SOURCE_LANGUAGE`); what its postings print can be
given in another language in ``translations/LANGUAGE/CODE.yaml``, e.g.
``translations/de/AIMLAM.GEN.P4.yaml``. Why a file of its own per profile and language,
rather than a block inside the profile:

* translators and reviewers own a language, not a role: a CODEOWNERS line for
  ``translations/de/`` gives the German reviewers every German text and nothing else;
* a change to a profile's diff touches no translation, and a translation's diff touches no
  profile, so each is reviewed by the people who can judge it;
* a language a profile lacks is a file that is missing, which lint can name and
  ``jdgen translate`` can start;
* the English profile stays as readable as it is today, however many languages it has.

Each entry names the English text it translates by :func:`text_hash`: the first 10 hex
digits of the SHA-256 of the text with its runs of white space collapsed to one space (so
re-folding a paragraph changes nothing). Ten hex digits are 40 bits: two different texts
of one profile share a hash with a chance of about one in a trillion. A hash rather than a
copy of the English keeps each English sentence in one place, the profile; the copy for the
translator to read is a comment above the entry, which ``jdgen translate`` rewrites. How
entries are matched to the profile's texts is :mod:`jdgen.compose.translation`'s business.

A translation file is untrusted input like every catalog file: the same YAML loader and
limits, the schema (``schemas/translation.schema.json``) with positions, no code. Beyond the
schema: the code is the file's name, the language its folder's, the language is not the
source language, and one list does not translate one text twice.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Location
from ..errors import InvalidInputError
from .listing import YAML_SUFFIXES, check_listing
from .loading import Loaded, load_checked
from .translation_models import Translation
from .yaml_source import SourceDoc, display_path

if TYPE_CHECKING:
    from .root import Catalog

SOURCE_LANGUAGE = "en"      # the language role profiles are written in
FOLDER = "translations"
LISTS = ("responsibilities", "qualifications", "skills", "knowledge", "tools")
HASH_LENGTH = 10


def text_hash(text: str) -> str:
    """The short hash an entry records for the English ``text`` it translates."""
    collapsed = " ".join(text.split())
    return hashlib.sha256(collapsed.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def translation_path(catalog: "Catalog", code: str, language: str) -> Path:
    """Where the translation of ``code`` into ``language`` is (whether or not it exists)."""
    return catalog.root / FOLDER / language / f"{code}.yaml"


def shown_path(catalog: "Catalog", code: str, language: str) -> str:
    """The translation's path as messages name it: relative to the catalog, as people create it."""
    return f"{FOLDER}/{language}/{code}.yaml"


def translation_files(catalog: "Catalog") -> dict[tuple[str, str], Path]:
    """Every translation file of the catalog, by (language folder, upper-case code).

    Files sit in one folder per language: a YAML file directly in translations/ or deeper
    than its language folder would never be read, so it is reported, not passed over.
    """
    cached = catalog.__dict__.get("_translation_files")
    if cached is not None:
        return cached  # lint asks once per profile: list the folder once per run
    folder = catalog.root / FOLDER
    catalog.refuse_leaving(folder)
    if not folder.is_dir():
        return {}
    problems = check_listing(folder, recursive=True, root=catalog.root)
    found: dict[tuple[str, str], Path] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if path.suffix not in YAML_SUFFIXES or any(part.startswith(".") for part in relative) or not path.is_file():
            continue
        if len(relative) != 2:
            problems.append(Diagnostic(Location(display_path(path), 1, 1),
                                       "this translation file is never read: translation files sit in "
                                       f"{FOLDER}/LANGUAGE/, one folder per language",
                                       f"move it to {FOLDER}/<language>/{path.name}, e.g. {FOLDER}/de/{path.name}"))
            continue
        found[(relative[0], path.stem.upper())] = path
    if problems:
        raise InvalidInputError(problems)
    catalog.__dict__["_translation_files"] = found
    return found


def load_translation(path: Path, catalog: "Catalog | None" = None) -> Loaded[Translation]:
    """Load and check one translation file; with ``catalog``, once per catalog (compose asks for
    each posting of each company, lint for every profile)."""
    cache = catalog.__dict__.setdefault("_translations", {}) if catalog is not None else {}
    key = str(path)
    loaded = cache.get(key)
    if loaded is None:
        loaded = cache[key] = load_checked(path, "translation", Translation, lambda doc: translation_checks(doc, path))
    return loaded


def find_translation(catalog: "Catalog", code: str, language: str) -> Loaded[Translation] | None:
    """The translation of ``code`` into ``language``, or None when the catalog has none."""
    path = translation_path(catalog, code, language)
    catalog.refuse_leaving(path)
    if not path.is_file():
        return None
    return load_translation(path, catalog)


def translation_checks(doc: SourceDoc, path: Path) -> list[Diagnostic]:
    """What the schema cannot say: the file's name and folder, the language, one entry per text."""
    data = doc.data
    problems: list[Diagnostic] = []
    code, language = data["code"], data["language"]
    if path.stem != code:
        problems.append(Diagnostic(doc.where(("code",)), f"code {code!r} does not match the file name {path.name!r}",
                                   f"rename the file to {code}.yaml, or correct the code"))
    if language == SOURCE_LANGUAGE:
        problems.append(Diagnostic(doc.where(("language",)),
                                   f"language {language!r} is the language profiles are written in, so there is "
                                   "nothing to translate", "delete this file: postings in English print the profile"))
    elif path.parent.name != language:
        problems.append(Diagnostic(doc.where(("language",)),
                                   f"language {language!r} does not match the folder {path.parent.name!r}",
                                   f"move the file to {FOLDER}/{language}/, or correct the language"))
    for name in LISTS:
        first: dict[str, int] = {}
        for index, entry in enumerate(data.get(name) or ()):
            seen = first.setdefault(entry["source"], index)
            if seen != index:
                line = doc.where((name, seen, "source")).line
                problems.append(Diagnostic(doc.where((name, index, "source")),
                                           f"{name} translates source {entry['source']} twice (first at line {line})",
                                           "keep one entry per text: delete one of them"))
    return problems
