"""The shipped posting templates run from the compiled form jdgen ships, not compiled on every start.

Jinja turns a template into Python source and Python turns that into code: about 15 ms of
a cold ``jdgen render``, every run, for the same two files. :mod:`jdgen.render.compiled`
holds Jinja's Python source of each shipped template, made by
:mod:`jdgen.render.compile_shipped`; Python keeps its bytecode beside jdgen's own modules
(``__pycache__``), as it does for any module of the package.

The compiled form is used only for a template whose text is byte for byte the text it was
made from, under the Jinja version and the jdgen code (sandbox, filters, environment) it
was made with; anything else, a catalog's own template above all, is compiled as before.
It runs in the same sandboxed environment as a template compiled now: every attribute,
call and operator goes through the environment at run time, and the code generator that
wrote the bounds checks into it is jdgen's (:class:`jdgen.render.sandbox.BoundedCodeGenerator`).

Nothing is read from the cache folder or the catalog: there, compiled code could be planted
(see :mod:`jdgen.render.env`). What runs is what the package itself holds.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any, MutableMapping, Sequence

import jinja2

from . import compiled
from .loader import ContainedLoader

# The modules whose code decides what Jinja writes for a template: the code generator and
# its step costs, the environment's options, and the filters (Jinja checks each filter, and
# how it is called, while compiling).
SHAPED_BY = ("sandbox.py", "bounds.py", "env.py", "filters.py", "bounded_filters.py")


@cache
def code_digest() -> str:
    """What the compiled form depends on in jdgen itself, so that an edit there without
    regenerating falls back to compiling instead of running code the edit would not write."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in SHAPED_BY:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def source_digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


def shipped_code(kind: str, name: str, source: str, index: ModuleType = compiled) -> CodeType | None:
    """The shipped compiled code of template ``name`` for a ``kind`` environment, or None
    when there is none for exactly this ``source``, Jinja and jdgen."""
    entry = index.TEMPLATES.get((kind, name))
    if entry is None or index.JINJA_VERSION != jinja2.__version__:
        return None
    module, made_from = entry
    if made_from != source_digest(source) or index.CODE_DIGEST != code_digest():
        return None
    spec = importlib.util.find_spec(f"{index.__name__}.{module}")
    if spec is None or spec.loader is None:
        return None
    return spec.loader.get_code(spec.name)


class PrecompiledLoader(ContainedLoader):
    """:class:`ContainedLoader` that takes a template's shipped compiled code when it has the same source."""

    def __init__(self, searchpath: Sequence[str], kind: str, index: ModuleType = compiled):
        super().__init__(searchpath)
        self.kind = kind
        self.index = index

    def load(self, environment: jinja2.Environment, name: str,
             globals: MutableMapping[str, Any] | None = None) -> jinja2.Template:
        source, filename, uptodate = self.get_source(environment, name)
        code = shipped_code(self.kind, name, source, self.index)
        if code is None:
            code = environment.compile(source, name, filename)
        template = environment.template_class.from_code(environment, code, {} if globals is None else globals,
                                                        uptodate)
        # Errors name the template file read, not the module: Jinja rewrites tracebacks to this name.
        template.filename = filename
        return template
