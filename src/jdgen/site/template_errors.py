"""A catalog's site templates rendered in the sandbox, their failures worded as one line.

A site built with a catalog's own templates can fail where the shipped ones cannot: a
syntax error, a misspelt value, something the sandbox refuses, a limit reached. Each
becomes a :class:`~jdgen.errors.TemplateError` naming the template file and line (exit 2),
never a traceback; the posting templates' messages (:mod:`jdgen.render.env`) are the model.
"""

from __future__ import annotations

import sys
import traceback

import jinja2
from jinja2.sandbox import SecurityError

from ..catalog.yaml_source import display_path
from ..diagnostics import Location
from ..errors import TemplateError
from ..render import bounds
from ..render.bounds import BoundExceeded

_VALUES_HINT = "the values each site page offers are those the shipped templates/site/ pages use"


def render_guarded(env: jinja2.Environment, name: str, context: dict) -> str:
    budget = bounds.begin()
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"site template syntax error: {exc.message}",
                            location=Location(display_path(exc.filename or name), exc.lineno or 1, 1),
                            hint="check the {{ }} and {% %} tags on this line") from None
    except jinja2.TemplateNotFound as exc:
        missing = str(exc.name).removeprefix("site/")  # the loader's name for it; the author wrote the rest
        raise TemplateError(f"site template {missing!r} not found in the catalog's templates/site/ nor among jdgen's",
                            hint="name a template that exists, or add it to the catalog's templates/site/ folder") from None
    except BoundExceeded as exc:
        raise TemplateError(f"site template exceeds a limit: {exc}", location=_line(name),
                            hint="the limits are those of posting templates, listed under Templates in the README") from None
    except SecurityError as exc:
        raise TemplateError(f"site template tried something the sandbox forbids: {str(exc).rstrip('.')}",
                            location=_line(name), hint="templates may only lay out the page's values") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"site template uses an undefined value: {exc.message}", location=_line(name),
                            hint=_VALUES_HINT) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"site template error: {exc}", location=_line(name)) from None
    except RecursionError:
        raise TemplateError("site template recursion does not end: a template includes, extends or calls itself",
                            location=_line(name)) from None
    except UnicodeDecodeError:
        raise TemplateError(f"site template {name} is not UTF-8 text", hint="save the template as UTF-8") from None
    except OSError as exc:
        raise TemplateError(f"cannot read site template {name}: {exc.strerror or exc}",
                            hint="check the file and its permissions") from None
    except (ArithmeticError, AttributeError, LookupError, RuntimeError, TypeError, ValueError) as exc:
        raise TemplateError(f"site template failed: {exc} ({type(exc).__name__})", location=_line(name),
                            hint="check the expression on this line") from None
    finally:
        bounds.end(budget)


def _line(name: str) -> Location:
    """The innermost template frame of the exception being handled, as file:line."""
    found = None
    for frame, lineno in traceback.walk_tb(sys.exc_info()[2]):
        if frame.f_code.co_filename.endswith(".j2"):
            found = Location(display_path(frame.f_code.co_filename), lineno, 1)
    return found or Location(name, 1, 1)
