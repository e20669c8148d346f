"""Where the shipped schemas, templates and built-in catalog are.

In the repository they sit at the top level, where people edit them; in a wheel they
are packed into ``jdgen/_data/`` (see ``[tool.hatch.build.targets.wheel.force-include]``
in pyproject.toml). Looking in the package first and the checkout second makes both an
installed jdgen and an editable install find the same files.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def shipped(kind: str) -> Path:
    """The folder of shipped ``kind`` files: 'schemas', 'templates' or 'profiles'."""
    packed = _PACKAGE_DIR / "_data" / kind
    if packed.is_dir():
        return packed
    checkout = _PACKAGE_DIR.parents[1] / kind
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"jdgen is installed without its {kind}/ folder; reinstall jdgen")


def builtin_catalog() -> Path:
    return shipped("profiles")


def schema_path(name: str) -> Path:
    return shipped("schemas") / f"{name}.schema.json"
