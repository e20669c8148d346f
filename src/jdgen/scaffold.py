"""``jdgen init``: a new catalog that validates, lints and renders from the first minute.

The scaffold copies the built-in ladder, one example profile and one example company,
and the JSON Schemas into ``schemas/`` so that every YAML file's
``# yaml-language-server: $schema=...`` modeline resolves without a network and editors
complete keys offline. Files are written atomically; an existing, non-empty folder is
refused unless ``--force``.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import UsageError
from .outputs import write_atomic
from .resources import builtin_catalog, shipped
from .sources import display_path

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


def init_catalog(target: Path, *, force: bool = False) -> list[Path]:
    """Write a new catalog into ``target``; returns the files written."""
    if target.exists() and not target.is_dir():
        raise UsageError(f"{display_path(target)} is a file, not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise UsageError(f"{display_path(target)} is not empty", hint="choose a new folder, or pass --force to add the files anyway")
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
    for path, data in files.items():
        write_atomic(path, data)
    return list(files)


def _with_modeline(path: Path, schema: str) -> bytes:
    """The file's text with its modeline pointing at the catalog's own copy of the schema."""
    text = path.read_text(encoding="utf-8")
    text = _MODELINE.sub("", text, count=1)
    return f"# yaml-language-server: $schema={schema}\n{text}".encode()
