"""Load one catalog file all the way: YAML, schema, cross-checks, typed model.

Each kind of file (profile, ladder, taxonomy, company) goes through the same steps;
every problem found on the way is collected so that a person sees all of them at once.
"""

from __future__ import annotations

import os

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from ..diagnostics import Diagnostic, Location, suggestion_hint
from ..errors import InvalidInputError, JdgenError
from .ladder_checks import ladder_checks
from .models import Ladder, Profile, Taxonomy
from . import parse_cache as cache
from .yaml_source import SourceDoc, decode, display_path, expect_mapping, parse_yaml, read_bytes
from .taxonomy_checks import taxonomy_checks

M = TypeVar("M", bound=BaseModel)

KIND_TITLES = {"profile": "role profile", "ladder": "level ladder", "taxonomy": "taxonomy", "company": "company file",
               "translation": "translation file"}


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A file's typed model together with its source positions."""

    path: Path
    doc: SourceDoc
    model: M


def kind_of(path: Path | str) -> str:
    """What a YAML file holds, from where it sits: ladder.yaml, taxonomy.yaml, companies/*,
    translations/LANGUAGE/*, else a profile. A path as text is read as text (no Path made)."""
    folder, name = os.path.split(os.fspath(path))
    name = name.lower()
    if name in ("ladder.yaml", "ladder.yml"):
        return "ladder"
    if name in ("taxonomy.yaml", "taxonomy.yml"):
        return "taxonomy"
    parent, folder_name = os.path.split(folder)
    if folder_name == "companies":
        return "company"
    if os.path.basename(parent) == "translations":
        return "translation"
    return "profile"


# The keys that give each kind of file away, whatever its name or folder says: enough
# to tell a company file dropped into roles/ from a profile with a few mistakes.
SIGNATURES = {
    "company": ("company", "locations"),
    "profile": ("code", "level", "responsibilities"),
    "ladder": ("levels", "tracks"),
    "taxonomy": ("functions",),
    "translation": ("code", "language"),
}


def shape_of(data: object) -> str | None:
    """The kind of catalog file ``data`` clearly is by its top-level keys, or None."""
    if not isinstance(data, dict):
        return None
    for kind, keys in SIGNATURES.items():
        if all(key in data for key in keys):
            return kind
    return None


def looks_like_catalog_data(data: object) -> bool:
    """False for a mapping whose keys are mostly foreign to every kind of catalog file.

    A profile with a few misspelt keys still shares most of its keys with the schema and
    deserves the schema's messages; a mkdocs.yml or a CI workflow shares almost none, and
    a wall of "unknown key" lines about it would only bury the real mistake (its path).
    """
    if not isinstance(data, dict) or not data:
        return True
    from .schemas import SCHEMA_NAMES, load_schema

    known = {key for name in SCHEMA_NAMES for key in load_schema(name).get("properties", {})}
    return 2 * sum(1 for key in data if key in known) >= len(data)


_ARTICLES = {"profile": "a role profile", "company": "a company file", "ladder": "a level ladder",
             "taxonomy": "a taxonomy", "translation": "a translation file"}
_HOMES = {"profile": "move it to roles/", "company": "move it to companies/",
          "ladder": "move it to ladder.yaml at the catalog root",
          "taxonomy": "move it to taxonomy.yaml at the catalog root",
          "translation": "move it to translations/LANGUAGE/, e.g. translations/de/"}
_FOLDERS = {"profile": "roles/", "company": "companies/", "translation": "translations/LANGUAGE/"}


def misplaced_problem(path: Path, expected: str, doc: SourceDoc) -> Diagnostic | None:
    """One line for a file that failed to load as ``expected`` because it is another kind of
    file, or no catalog file at all; None when it is what its place says, only broken.

    Its schema errors would describe the wrong file: a company file in roles/ breaks the
    profile schema at every key, and none of those lines says the one thing to do.
    """
    data = doc.data
    shape = shape_of(data)
    if shape == expected or not isinstance(data, dict):
        return None
    where = Location(doc.file, 1, 1)
    if shape is not None:
        folder = display_path(path.parent)
        if expected in ("ladder", "taxonomy") or (folder == "." and shape in ("ladder", "taxonomy")):
            place = f"it is named {path.name}"  # the ladder and taxonomy are known by name, not by folder
        elif folder == ".":
            place = f"it is not in {_FOLDERS[shape]}"
        else:
            place = f"it is in {folder}/"
        return Diagnostic(where, f"this looks like {_ARTICLES[shape]}, but {place}", _HOMES[shape])
    if looks_like_catalog_data(data):
        return None
    folders = path.resolve().parent.parts
    if expected == "profile" and "roles" in folders:
        hint = "move it out of roles/: every YAML file there is read as a role profile"
    elif expected == "company":
        hint = "move it out of companies/: every YAML file directly in it is read as a company file"
    else:
        hint = "check only catalog files and folders; without paths, jdgen checks the whole catalog"
    return Diagnostic(where, "not a jdgen catalog file: its keys are not those of a role profile, company file, "
                             "ladder or taxonomy", hint)


def peek(path: Path) -> object | None:
    """The data of a YAML file, or None when it cannot be read or parsed (the loader says why)."""
    shown = display_path(path)
    try:
        return parse_yaml(decode(read_bytes(path, shown), shown), shown).data
    except JdgenError:
        return None


def load_checked(path: Path, kind: str, model_type: type[M],
                 extra_checks: Callable[[SourceDoc], list[Diagnostic]] | None = None,
                 depends_on: bytes = b"") -> Loaded[M]:
    """Load ``path`` as ``kind``; raise :class:`InvalidInputError` with every problem found.

    The strict model is the fast check; jsonschema runs only on files the model refuses,
    to say where and why (see :mod:`jdgen.catalog.models`). The parse of a valid file is cached by
    content (:mod:`jdgen.catalog.parse_cache`); ``depends_on`` names what ``extra_checks`` read besides
    the file. A cached parse passes the same model and checks as a fresh one: the cache
    folder is not trusted, so an entry that fails them is a miss, never a message.
    """
    shown = display_path(path)
    raw = read_bytes(path, shown)
    # No folder, no key: working it out first reads jdgen's schemas and sources (~1-4 ms a process).
    digest = cache.key(kind, shown, str(path.resolve()), raw, depends_on) if cache.cache_dir() is not None else None
    text = decode(raw, shown)
    stored = cache.load_parse(digest, shown, text.removeprefix("\ufeff"))  # parse_yaml drops a BOM too
    if stored is not None:
        loaded = _passes(path, stored, model_type, extra_checks)
        if loaded is not None:
            return loaded
    doc = parse_yaml(text, shown, what=KIND_TITLES[kind])
    loaded = _checked(path, doc, kind, model_type, extra_checks)
    cache.store_parse(digest, doc)
    return loaded


def _passes(path: Path, doc: SourceDoc, model_type: type[M],
            extra_checks: Callable[[SourceDoc], list[Diagnostic]] | None) -> Loaded[M] | None:
    """A cached parse as loaded when the model and checks accept it; None (a miss) otherwise.

    No message is worded for a refused entry: it is not the file, and the fresh parse
    that follows says what is wrong with the file, if anything.
    """
    try:
        model = model_type.model_validate(doc.data)
        if extra_checks is not None and extra_checks(doc):
            return None
    except (ValidationError, JdgenError):  # whatever a check raises, the fresh parse raises about the file
        return None
    return Loaded(path, doc, model)


def _checked(path: Path, doc: SourceDoc, kind: str, model_type: type[M],
             extra_checks: Callable[[SourceDoc], list[Diagnostic]] | None) -> Loaded[M]:
    expect_mapping(doc, KIND_TITLES[kind])
    try:
        model = model_type.model_validate(doc.data)
    except ValidationError as exc:
        from .schema_messages import schema_diagnostics  # a file the model refuses: the schema words why

        misplaced = misplaced_problem(path, kind, doc)
        if misplaced is not None:
            raise InvalidInputError([misplaced]) from None
        raise InvalidInputError(schema_diagnostics(doc, kind) or _model_diagnostics(exc, doc)) from None
    problems = extra_checks(doc) if extra_checks is not None else []
    if problems:
        raise InvalidInputError(problems)
    return Loaded(path, doc, model)


def _model_diagnostics(error: ValidationError, doc: SourceDoc) -> list[Diagnostic]:
    """Messages straight from the model, for the rare rule only the model states (e.g. cross-field checks)."""
    from .schema_messages import dotted

    return [Diagnostic(doc.where(tuple(e["loc"])), f"{dotted(e['loc'])}: {e['msg']}") for e in error.errors()]


def load_ladder(path: Path) -> Loaded[Ladder]:
    return load_checked(path, "ladder", Ladder, ladder_checks)


def load_taxonomy(path: Path) -> Loaded[Taxonomy]:
    return load_checked(path, "taxonomy", Taxonomy, taxonomy_checks)


def load_profile(path: Path, ladder: Ladder, taxonomy: Taxonomy | None, depends_on: bytes = b"") -> Loaded[Profile]:
    """``depends_on``: the ladder's and taxonomy's bytes (or a digest of them), for the cache key."""
    return load_checked(path, "profile", Profile, lambda doc: profile_checks(doc, path, ladder, taxonomy), depends_on)


def profile_checks(doc: SourceDoc, path: Path, ladder: Ladder, taxonomy: Taxonomy | None) -> list[Diagnostic]:
    """What a schema cannot say: the code agrees with the file name, its own fields, the ladder and taxonomy."""
    data = doc.data
    code: str = data["code"]
    problems: list[Diagnostic] = []
    if path.stem != code:
        problems.append(Diagnostic(
            doc.where(("code",)), f"code {code!r} does not match the file name {path.name!r}",
            f"rename the file to {code}.yaml, or correct the code",
        ))
    function, focus, level = code.split(".")
    for field, part, actual in (("function", function, data["function"]["code"]),
                                ("focus", focus, data["focus"]["code"])):
        if part != actual:
            problems.append(Diagnostic(
                doc.where((field, "code")), f"{field}.code {actual!r} does not match the code's {field} part {part!r}",
                f"make them the same: {code} says {part}",
            ))
    if data["level"] != level:
        problems.append(Diagnostic(
            doc.where(("level",)), f"level {data['level']!r} does not match the code's level part {level!r}",
            f"make them the same: {code} says {level}",
        ))
    if ladder.level(data["level"]) is None:
        known = [lv.code for lv in ladder.levels]
        # A level the canon has and this ladder lacks (an imported P8) is added, not renamed:
        # the hint says how, after any near spelling.
        near = suggestion_hint(data["level"], known)
        problems.append(Diagnostic(
            doc.where(("level",)), f"level {data['level']!r} is not in the level ladder",
            (f"{near} " if near else "") + f"add code: {data['level']} under levels: in the catalog's ladder.yaml, "
            f"or use one of {', '.join(known)}",
        ))
    if taxonomy is not None:
        problems.extend(_taxonomy_checks(doc, taxonomy))
    pay = data.get("market_pay")
    if isinstance(pay, dict):
        from .currencies import currency_problem

        problem = currency_problem(doc, ("market_pay", "currency"), pay["currency"])
        if problem:
            problems.append(problem)
        low, high = pay.get("min"), pay.get("max")
        if low is not None and high is not None and low > high:
            problems.append(Diagnostic(doc.where(("market_pay", "min")),
                                       f"market pay min {low:,} is above its max {high:,}",
                                       "swap min and max"))
    return problems


def _taxonomy_checks(doc: SourceDoc, taxonomy: Taxonomy) -> list[Diagnostic]:
    functions = {f.code: f for f in taxonomy.functions}
    function_code = doc.data["function"]["code"]
    function = functions.get(function_code)
    if function is None:
        return [Diagnostic(doc.where(("function", "code")), f"function {function_code!r} is not in the taxonomy",
                           suggestion_hint(function_code, functions) or "add it to taxonomy.yaml")]
    focus_code = doc.data["focus"]["code"]
    if focus_code not in {f.code for f in function.focuses}:
        return [Diagnostic(doc.where(("focus", "code")),
                           f"focus {focus_code!r} is not in the taxonomy under {function_code}",
                           suggestion_hint(focus_code, [f.code for f in function.focuses])
                           or f"add it under {function_code} in taxonomy.yaml")]
    return []


def check_profile(doc: SourceDoc, path: Path, ladder: Ladder, taxonomy: Taxonomy | None) -> Loaded[Profile]:
    """A profile not yet on disk (``jdgen import``'s draft), checked as ``load_profile`` checks a file at ``path``."""
    return _checked(path, doc, "profile", Profile, lambda d: profile_checks(d, path, ladder, taxonomy))
