"""What can go wrong while a template renders, each worded as one :class:`TemplateError` line.

Posting templates (:mod:`jdgen.render.env`) and a catalog's site templates
(:mod:`jdgen.site.template_errors`) fail in the same ways: a syntax error, a misspelt value,
something the sandbox refuses, a limit reached, a file that cannot be read, an expression
that goes wrong at run time. One translation serves both so that a person meets the same
message for the same mistake; only the nouns and hints differ (:class:`TemplateWording`).
Every failure becomes exit 2 with the template's file and line, never a traceback.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2.sandbox import SecurityError

from ..catalog.yaml_source import display_path
from ..diagnostics import Location
from ..errors import TemplateError, os_reason
from . import bounds
from .bounds import BoundExceeded


@dataclass(frozen=True)
class TemplateWording:
    """The words that tell a posting template's failures from a site template's."""

    noun: str  # "template", "site template"
    sandbox_hint: str
    undefined_hint: str
    bounds_hint: str
    #: (message, hint) for a template the loader cannot find, given its name as Jinja reports it
    not_found: Callable[[jinja2.Environment, str], tuple[str, str]]


@contextmanager
def template_failures(env: jinja2.Environment, name: str, wording: TemplateWording) -> Iterator[None]:
    """Render inside this block: any failure leaves it as a one-line TemplateError.

    The block also holds the rendering's work budget (:mod:`jdgen.render.bounds`).
    """
    noun = wording.noun
    budget = bounds.begin()
    try:
        yield
    except jinja2.TemplateSyntaxError as exc:
        raise _syntax_error(env, name, exc, noun) from None
    except jinja2.TemplateNotFound as exc:
        message, hint = wording.not_found(env, str(exc.name))
        raise TemplateError(message, hint=hint) from None
    except BoundExceeded as exc:
        raise TemplateError(f"{noun} exceeds a limit: {exc}", location=_template_line(name),
                            hint=wording.bounds_hint) from None
    except SecurityError as exc:
        raise TemplateError(f"{noun} tried something the sandbox forbids: {str(exc).rstrip('.')}",
                            location=_template_line(name), hint=wording.sandbox_hint) from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{noun} uses an undefined value: {exc.message}", location=_template_line(name),
                            hint=wording.undefined_hint) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{noun} error: {exc}", location=_template_line(name)) from None
    except RecursionError:
        raise TemplateError(f"{noun} recursion does not end: a template includes, extends or calls itself",
                            location=_template_line(name),
                            hint="stop the include, extends or macro call from reaching itself again") from None
    except UnicodeDecodeError as exc:
        before = exc.object[:exc.start]
        line, col = before.count(b"\n") + 1, exc.start - (before.rfind(b"\n") + 1) + 1
        raise TemplateError(f"{noun} is not UTF-8 text: byte 0x{exc.object[exc.start]:02x} cannot be read",
                            location=Location(getattr(exc, "template_file", None) or _template_file(env, name),
                                              line, col),
                            hint="save the template as UTF-8") from None
    except OSError as exc:
        raise TemplateError(f"cannot read {noun} {display_path(exc.filename or name)}: {os_reason(exc)}",
                            hint="check the file and its permissions") from None
    except (ArithmeticError, AttributeError, LookupError, RuntimeError, TypeError, ValueError) as exc:
        # What an expression in a catalog's template can get wrong at run time: 1/0, a
        # number added to text, a filter given the wrong kind of value, a mapping changed
        # while a loop goes over it.
        raise TemplateError(f"{noun} failed: {exc} ({type(exc).__name__})", location=_template_line(name),
                            hint="check the expression on this line") from None
    finally:
        bounds.end(budget)


def _syntax_error(env: jinja2.Environment, name: str, exc: jinja2.TemplateSyntaxError, noun: str) -> TemplateError:
    file = display_path(exc.filename or name)
    from .blocks import open_block_behind  # the error path only: keeps its regexes off every start-up

    block = open_block_behind(env, exc)
    if block is not None and block.cut_by is None:
        return TemplateError(f"{noun} syntax error: {{% {block.tag} %}} is never closed",
                             location=Location(file, block.line, block.col),
                             hint=f"add {{% end{block.tag} %}} where the block should end")
    if block is not None:
        return TemplateError(f"{noun} syntax error: {{% {block.tag} %}} is not closed before the "
                             f"{{% {block.cut_by} %}} on line {block.cut_line}",
                             location=Location(file, block.line, block.col),
                             hint=f"add {{% end{block.tag} %}} before it")
    return TemplateError(f"{noun} syntax error: {exc.message}", location=Location(file, exc.lineno or 1, 1),
                         hint="check the {{ }} and {% %} tags on this line")


def _template_file(env: jinja2.Environment, name: str) -> str:
    """The file the loader reads for ``name``: the first folder of the search path that has it."""
    for folder in getattr(env.loader, "searchpath", ()):
        candidate = Path(folder) / name
        if candidate.is_file():
            return display_path(candidate)
    return name


def _template_line(name: str) -> Location:
    """The innermost template frame of the exception being handled, as file:line."""
    found = None
    for frame, lineno in traceback.walk_tb(sys.exc_info()[2]):
        if frame.f_code.co_filename.endswith(".j2"):
            found = Location(display_path(frame.f_code.co_filename), lineno, 1)
    return found or Location(name, 1, 1)
