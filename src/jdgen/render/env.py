"""The Jinja environments: sandboxed, strict, and able to say which template line failed.

* ``SandboxedEnvironment``: a catalog's own templates are data from a repository, so
  they must not reach Python internals (``''.__class__.__mro__`` is refused).
* ``StrictUndefined``: a misspelt variable is an error, not an empty string.
* ``keep_trailing_newline``: outputs end with the newline their templates end with.
* HTML autoescapes; Markdown escapes through ``finalize`` (see :mod:`jdgen.render.filters`).
* A catalog's ``templates/`` folder comes first in the search path, so a file there
  replaces the built-in template of the same name.
"""

from __future__ import annotations

import sys
import traceback
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from ..diagnostics import Location
from ..errors import TemplateError, os_reason
from ..resources import shipped
from ..sources import display_path
from .filters import FILTERS, md_escape, printable
from .loader import ContainedLoader


# A posting is a few kilobytes; these bounds only stop a template that would otherwise run
# for hours or exhaust memory in CI ('x' * 10**10, two nested range(100000) loops).
MAX_TEXT = 1_000_000  # characters (or items) one `*` may produce
MAX_RANGE_ITEMS = 1_000_000  # range() items one rendering may ask for, all loops together
_range_budget: ContextVar[list[int]] = ContextVar("jdgen_range_budget")


class BoundedSandbox(SandboxedEnvironment):
    """The sandbox, with repetition and range() bounded so that a template cannot hang a run."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_TEXT:
                    raise SecurityError(f"repeating a value {times} times would make more than {MAX_TEXT:,} items")
        elif isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 10_000:
            raise SecurityError(f"{left} ** {right} is too large a number")
        return super().call_binop(context, operator, left, right)


def _bounded_range(*args: int) -> range:
    steps = range(*args)
    budget = _range_budget.get(None)
    if budget is not None:
        budget[0] -= len(steps)
        if budget[0] < 0:
            raise SecurityError(f"the template's loops ask for more than {MAX_RANGE_ITEMS:,} range() steps")
    return steps


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
    )
    env.filters.update(FILTERS)
    env.globals["range"] = _bounded_range
    return env


def search_path(catalog_templates: Path | None) -> tuple[str, ...]:
    paths = []
    if catalog_templates is not None and catalog_templates.is_dir():
        paths.append(str(catalog_templates))
    paths.append(str(shipped("templates")))
    return tuple(paths)


def render_template(name: str, kind: str, context: dict[str, Any], catalog_templates: Path | None) -> str:
    env = environment(kind, search_path(catalog_templates))
    budget = _range_budget.set([MAX_RANGE_ITEMS])
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
    except (ArithmeticError, LookupError, TypeError, ValueError) as exc:
        # What an expression in a catalog's template can get wrong at run time: 1/0, a
        # number added to text, range(10**9), a filter given the wrong kind of value.
        raise TemplateError(f"template failed: {exc} ({type(exc).__name__})", location=_template_line(name),
                            hint="check the expression on this line") from None
    finally:
        _range_budget.reset(budget)


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
