"""``jdgen init``: a new catalog that validates, lints and renders from the first minute.

The scaffold copies the built-in ladder, one example profile and one example company,
and the JSON Schemas into ``schemas/`` so that every YAML file's
``# yaml-language-server: $schema=...`` modeline resolves without a network and editors
complete keys offline. Files are written atomically; an existing, non-empty folder is
refused unless ``--force``. With ``--force`` the scaffold's files are written over
whatever has their names, and each file whose content that changes is reported:
a role someone edited and then lost to a second ``init`` should at least be noticed.
The refusal names those files in advance, so that ``--force`` is never a guess.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from ..errors import UsageError
from ..filesystem.writing import write_file
from ..resources import builtin_catalog, shipped
from .yaml_source import display_path

EXAMPLE_PROFILE = "AIMLAM.GEN.P4"
EXAMPLE_COMPANY = "northwind"
_MODELINE = re.compile(r"^# yaml-language-server: \$schema=\S+\n")

JDGEN_TOML = """\
# This folder is a jdgen catalog: jdgen finds it from here and from any folder below.
[catalog]
name = "{name}"

# Lint settings (see `jdgen rules`); uncomment to use.
[lint]
# ignore = ["JD601"]
# fail-on = "error"
# [lint.options.JD605]
# max_required = 6
"""

README = """\
# {name}

A job-architecture catalog for [jdgen](https://pypi.org/project/jdgen/).

| path | what it holds |
|---|---|
| `ladder.yaml` | the level ladder (copied from jdgen's built-in one; edit freely) |
| `taxonomy.yaml` | the functions and focus codes role codes may use |
| `roles/CODE.yaml` | one role profile per file |
| `companies/SLUG.yaml` | one company's facts, pay bands and changes to roles |
| `schemas/` | the JSON Schemas the files' modelines point at (refresh with `jdgen schema NAME`) |

```bash
jdgen validate                       # check every file
jdgen lint                           # check every posting, as CI does
jdgen render --all --all-companies -f md,docx -o out/
```
"""


# Sentences of the shipped files that point into jdgen's own repository, which a new
# catalog does not have, each with what the scaffold says instead.
_REPOSITORY_ONLY = {
    "the verbatim record lives in tests/fixtures/seed/ and lint flags it there.":
        "the verbatim seed record is not part of this catalog.",
}


def init_catalog(target: Path, *, force: bool = False,
                 overwrote: Callable[[Path], None] | None = None) -> list[Path]:
    """Write a new catalog into ``target``; returns the files written.

    ``overwrote`` is told of every existing file whose content the scaffold changes, so
    that the command line can name each one.
    """
    if target.exists() and not target.is_dir():
        raise UsageError(f"{display_path(target)} is a file, not a folder")
    files = _scaffold(target)
    if target.is_dir() and any(target.iterdir()) and not force:
        raise UsageError(f"{display_path(target)} is not empty", hint=_force_hint(_changed(files)))
    changed = set(_changed(files))
    for path, data in files.items():
        write_file(path, data)
        if path in changed:
            if overwrote is not None:
                overwrote(path)
    return list(files)


def _changed(files: dict[Path, bytes]) -> list[Path]:
    """The scaffold's files that exist already with other content."""
    changed = []
    for path, data in files.items():
        if path.is_file():
            try:
                if path.read_bytes() == data:
                    continue
            except OSError:
                pass  # unreadable: writing over it changes it, as far as anyone can tell
        elif not path.exists():
            continue
        changed.append(path)
    return changed


def _force_hint(changed: list[Path]) -> str:
    if not changed:
        return "choose a new folder, or pass --force to add the catalog's files to it; no file there would change"
    names = [display_path(p) for p in changed]
    if len(names) > 4:
        shown = ", ".join(names[:3]) + f" and {len(names) - 3} more"
    else:
        shown = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]
    return f"choose a new folder, or pass --force to add the catalog's files to it, overwriting {shown}"


def _scaffold(target: Path) -> dict[Path, bytes]:
    """Every file of a new catalog in ``target``, with its bytes."""
    source = builtin_catalog()
    name = target.resolve().name or "catalog"
    files: dict[Path, bytes] = {
        target / "jdgen.toml": JDGEN_TOML.format(name=name).encode(),
        target / "README.md": README.format(name=name).encode(),
        target / "ladder.yaml": _with_modeline(source / "ladder.yaml", "schemas/ladder.schema.json"),
        target / "taxonomy.yaml": _with_modeline(source / "taxonomy.yaml", "schemas/taxonomy.schema.json"),
        target / "roles" / f"{EXAMPLE_PROFILE}.yaml": _with_modeline(
            source / "roles" / f"{EXAMPLE_PROFILE}.yaml", "../schemas/profile.schema.json"),
        target / "companies" / f"{EXAMPLE_COMPANY}.yaml": _with_modeline(
            source / "companies" / f"{EXAMPLE_COMPANY}.yaml", "../schemas/company.schema.json"),
    }
    assets = source / "companies" / "assets"
    if assets.is_dir():
        for asset in sorted(assets.iterdir()):
            if asset.name.startswith(EXAMPLE_COMPANY):
                files[target / "companies" / "assets" / asset.name] = asset.read_bytes()
    for schema in sorted(shipped("schemas").glob("*.schema.json")):
        files[target / "schemas" / schema.name] = schema.read_bytes()
    return files


def _with_modeline(path: Path, schema: str) -> bytes:
    """The file's text with its modeline pointing at the catalog's own copy of the schema."""
    text = path.read_text(encoding="utf-8")
    text = _MODELINE.sub("", text, count=1)
    for sentence, instead in _REPOSITORY_ONLY.items():
        text = text.replace(sentence, instead)
    return f"# yaml-language-server: $schema={schema}\n{text}".encode()
