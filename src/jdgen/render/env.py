"""The Jinja environments: sandboxed, strict, and able to say which template line failed.

* ``SandboxedEnvironment``: a catalog's own templates are data from a repository, so
  they must not reach Python internals (``''.__class__.__mro__`` is refused), nor fill
  memory or run for hours: :mod:`jdgen.render.sandbox` bounds every value, the output and
  the work of one rendering (limits in :mod:`jdgen.render.bounds`).
* ``StrictUndefined``: a misspelt variable is an error, not an empty string.
* ``keep_trailing_newline``: outputs end with the newline their templates end with.
* HTML autoescapes; Markdown escapes through ``finalize`` (see :mod:`jdgen.render.filters`).
* A catalog's ``templates/`` folder comes first in the search path, so a file there
  replaces the built-in template of the same name.
* Jinja's ``i18n`` extension, with new-style gettext and trimmed ``{% trans %}`` blocks: the
  shipped templates mark their fixed words, and :func:`render_template` hands the posting
  language's ``gettext`` to each rendering in its context (:mod:`jdgen.render.translations`).
  Through the context rather than the environment's globals, so one compiled template
  serves every language. A translation is formatted with the values the template passes
  and then printed like any value: escaped for Markdown, autoescaped in HTML.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ..resources import shipped
from ..catalog.yaml_source import display_path
from .filters import FILTERS, md_escape, printable
from .precompiled import PrecompiledLoader
from .sandbox import BoundedSandbox
from .template_failures import TemplateWording, template_failures


@lru_cache(maxsize=16)
def environment(kind: str, search_path: tuple[str, ...]) -> SandboxedEnvironment:
    # No bytecode_cache: Jinja's stores compiled code that it runs when loaded, and the cache
    # folder is writable by whoever shapes a CI workspace. The shipped templates come
    # compiled with the package instead (jdgen.render.precompiled); others compile each run.
    env = BoundedSandbox(
        loader=PrecompiledLoader(search_path, kind),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=kind == "html",
        finalize=md_escape if kind == "md" else printable,
        auto_reload=False,
        extensions=["jinja2.ext.i18n"],
    )
    env.policies["ext.i18n.trimmed"] = True
    env.install_null_translations(newstyle=True)  # English, for any rendering not given a language
    env.filters.update(FILTERS)
    return env


def gettext_callables(translations) -> dict[str, Any]:
    """``gettext`` and ``ngettext`` for a template context, behaving as Jinja's new-style ones:
    the translation is a format string filled with the keyword values, escaped when autoescaping."""

    @jinja2.pass_context
    def gettext(__context, __string: str, **variables: Any) -> str:
        text = translations.gettext(__string)
        if __context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    @jinja2.pass_context
    def ngettext(__context, __singular: str, __plural: str, __num: int, **variables: Any) -> str:
        variables.setdefault("num", __num)
        text = translations.ngettext(__singular, __plural, __num)
        if __context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    # "_" too: Jinja's global "_" would look "gettext" up again on every call.
    return {"gettext": gettext, "ngettext": ngettext, "_": gettext}


def search_path(catalog_templates: Path | None) -> tuple[str, ...]:
    paths = []
    if catalog_templates is not None and catalog_templates.is_dir():
        paths.append(str(catalog_templates))
    paths.append(str(shipped("templates")))
    return tuple(paths)


def render_template(name: str, kind: str, context: dict[str, Any], catalog_templates: Path | None,
                    translations=None) -> str:
    """``name`` rendered with ``context``; ``translations`` (gettext) translate its marked words."""
    env = environment(kind, search_path(catalog_templates))
    if translations is not None:
        context = {**context, **gettext_callables(translations)}
    with template_failures(env, name, POSTING_TEMPLATE):
        return env.get_template(name).render(context)


def _not_found(env: jinja2.Environment, name: str) -> tuple[str, str]:
    return (f"template {name!r} not found in {', '.join(map(display_path, env.loader.searchpath))}",
            "name a template that exists, or add it to the catalog's templates/ folder")


POSTING_TEMPLATE = TemplateWording(
    noun="template",
    sandbox_hint="templates may only format the posting's values",
    undefined_hint="check the spelling against the variables listed in templates/README.md",
    bounds_hint="a posting needs far less; the limits are listed under Templates in the README",
    not_found=_not_found,
)
