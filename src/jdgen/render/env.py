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

import sys
import traceback
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from ..diagnostics import Location
from ..errors import TemplateError, os_reason
from ..resources import shipped
from ..catalog.yaml_source import display_path
from . import bounds
from .bounds import BoundExceeded
from .filters import FILTERS, md_escape, printable
from .loader import ContainedLoader
from .sandbox import BoundedSandbox


@lru_cache(maxsize=16)
def environment(kind: str, search_path: tuple[str, ...]) -> SandboxedEnvironment:
    # No bytecode_cache: Jinja's stores compiled code that it runs when loaded, and the cache
    # folder is writable by whoever shapes a CI workspace. Compiling costs ~25 ms per run.
    env = BoundedSandbox(
        loader=ContainedLoader(search_path),
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
    budget = bounds.begin()
    try:
        template = env.get_template(name)
        return template.render(context)
    except jinja2.TemplateSyntaxError as exc:
        file = display_path(exc.filename or name)
        from .blocks import open_block_behind  # the error path only: keeps its regexes off every start-up

        block = open_block_behind(env, exc)
        if block is not None and block.cut_by is None:
            raise TemplateError(f"template syntax error: {{% {block.tag} %}} is never closed",
                                location=Location(file, block.line, block.col),
                                hint=f"add {{% end{block.tag} %}} where the block should end") from None
        if block is not None:
            raise TemplateError(f"template syntax error: {{% {block.tag} %}} is not closed before the "
                                f"{{% {block.cut_by} %}} on line {block.cut_line}",
                                location=Location(file, block.line, block.col),
                                hint=f"add {{% end{block.tag} %}} before it") from None
        raise TemplateError(f"template syntax error: {exc.message}", location=Location(file, exc.lineno or 1, 1),
                            hint="check the {{ }} and {% %} tags on this line") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template {exc.name!r} not found in {', '.join(map(display_path, env.loader.searchpath))}",
                            hint="name a template that exists, or add it to the catalog's templates/ folder") from None
    except BoundExceeded as exc:
        raise TemplateError(f"template exceeds a limit: {exc}", location=_template_line(name), hint=_BOUNDS_HINT) from None
    except SecurityError as exc:
        raise TemplateError(f"template tried something the sandbox forbids: {str(exc).rstrip('.')}", location=_template_line(name),
                            hint="templates may only format the posting's values") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"template uses an undefined value: {exc.message}", location=_template_line(name),
                            hint="check the spelling against the variables listed in templates/README.md") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template error: {exc}", location=_template_line(name)) from None
    except RecursionError:
        raise TemplateError("template recursion does not end: a template includes, extends or calls itself",
                            location=_template_line(name),
                            hint="stop the include, extends or macro call from reaching itself again") from None
    except UnicodeDecodeError as exc:
        before = exc.object[:exc.start]
        line, col = before.count(b"\n") + 1, exc.start - (before.rfind(b"\n") + 1) + 1
        raise TemplateError(f"template is not UTF-8 text: byte 0x{exc.object[exc.start]:02x} cannot be read",
                            location=Location(_template_file(env, name), line, col),
                            hint="save the template as UTF-8") from None
    except OSError as exc:
        raise TemplateError(f"cannot read template {exc.filename or name}: {os_reason(exc)}",
                            hint="check the file and its permissions") from None
    except (ArithmeticError, AttributeError, LookupError, RuntimeError, TypeError, ValueError) as exc:
        # What an expression in a catalog's template can get wrong at run time: 1/0, a
        # number added to text, a filter given the wrong kind of value, a mapping changed
        # while a loop goes over it.
        raise TemplateError(f"template failed: {exc} ({type(exc).__name__})", location=_template_line(name),
                            hint="check the expression on this line") from None
    finally:
        bounds.end(budget)


_BOUNDS_HINT = "a posting needs far less; the limits are listed under Templates in the README"


def _template_file(env: SandboxedEnvironment, name: str) -> str:
    """The file the loader reads for ``name``: the first folder of the search path that has it."""
    for folder in env.loader.searchpath:
        candidate = Path(folder) / name
        if candidate.is_file():
            return display_path(candidate)
    return name


def _template_line(name: str) -> Location | None:
    """The innermost template frame of the exception being handled, as file:line."""
    tb = sys.exc_info()[2]
    found = None
    for frame, lineno in traceback.walk_tb(tb):
        filename = frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = Location(display_path(filename), lineno, 1)
    return found or Location(name, 1, 1)
