"""jdgen: job-description generator and validator.

The Python API mirrors the command line::

    import jdgen
    catalog = jdgen.discover()                 # --catalog / $JDGEN_CATALOG / jdgen.toml / built-in
    report = jdgen.validate(catalog)           # jdgen validate
    profile = catalog.profile("AIMLAM.GEN.P4") # jdgen show

Names are imported on first use so that ``import jdgen`` stays cheap for the CLI.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "discover": "jdgen.catalog.root",
    "Catalog": "jdgen.catalog.root",
    "validate": "jdgen.lint.validate",
    "ValidationReport": "jdgen.lint.validate",
    "JdgenError": "jdgen.errors",
    "Diagnostic": "jdgen.diagnostics",
    "Location": "jdgen.diagnostics",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'jdgen' has no attribute {name!r}")
    return getattr(import_module(module), name)
