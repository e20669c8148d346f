"""Filters and tests for the bounded sandbox: all charged; those that can make far more than they get, estimated first.

Every filter is wrapped the same way: its arguments are measured as read whole (a filter
may print, compare or walk them), it costs a few steps, and its result is checked as made
(a generator result per item). Filters whose output can dwarf their input (``center``,
``indent``, ``replace``, ``join``, ``wordwrap``, ``format``, ``urlize``, ``batch``,
``sum`` over lists, ``pprint``, ``tojson`` with an indent) also get an estimate with the
filter's own signature, run before the filter: with the same parameters, a call Jinja
would accept reaches the estimate with the same values.
"""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable

from jinja2.filters import make_attrgetter

from . import bounds
from .bounds import check_made, check_read, check_readable, made, percent_size, replace_size, shape, spend, weight

FILTER_STEPS = 6
TEST_STEPS = 8


def bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    what = f"the {name} filter"
    estimate = _ESTIMATES.get(name)
    # Jinja passes the context, evaluation context or environment first to the filters that ask for it.
    skip = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0

    # Estimates that measure the filter's value themselves (tojson, pprint, join, sum) spare a second walk.
    read_from = skip + 1 if name in _READING else skip

    @wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        spend(FILTER_STEPS + len(args) + len(kwargs))
        for value in args[read_from:]:
            _read(value, what)
        for value in kwargs.values():
            _read(value, what)
        if estimate is not None:
            value = estimate(*args, **kwargs)
            if value is not None:  # the estimate read an iterator into a list: the filter gets the list
                args = (*args[:skip], value, *args[skip + 1:])
        return made(function(*args, **kwargs), what)

    return bounded


def bounded_test(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    what = f"the {name} test"
    skip = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0

    @wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        spend(TEST_STEPS + len(args) + len(kwargs))
        for value in args[skip:]:
            check_read(value, what)
        for value in kwargs.values():
            check_read(value, what)
        return function(*args, **kwargs)

    return bounded


def _read(value: Any, what: str) -> None:
    # Text filters (escaping, title case, stripping tags) work in Python character by
    # character or word by word: text they read costs a step per character.
    if isinstance(value, str):
        spend(len(value))
    else:
        check_read(value, what)


# --- Estimates, with the signatures of Jinja's filters -----------------------------------------


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def _center(value: Any, width: Any = 80) -> None:
    if isinstance(width, int):
        check_made(max(weight(value), width), "the center filter")


def _indent(s: Any, width: Any = 4, first: Any = False, blank: Any = False) -> None:
    if isinstance(s, str):
        indentation = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
        check_made(len(s) + (s.count("\n") + 2) * max(indentation, 0), "the indent filter")


def _replace(eval_ctx: Any, s: Any, old: Any, new: Any, count: Any = None) -> None:
    new_text = _text(new)
    growth = 6 if eval_ctx.autoescape else 1  # escaping may turn one character into six
    if count is None or isinstance(count, int):
        check_made(replace_size(_text(s), _text(old), new_text * growth, -1 if count is None else count),
                   "the replace filter")


def _join(eval_ctx: Any, value: Any, d: Any = "", attribute: Any = None) -> list[Any]:
    items = bounds.listed(value, "the join filter")
    parts = items if attribute is None else [make_attrgetter(eval_ctx.environment, attribute)(i) for i in items]
    size = sum(weight(part) for part in parts) + weight(d) * max(len(parts) - 1, 0)
    check_made(size, "the join filter")
    return items


def _wordwrap(environment: Any, s: Any, width: Any = 79, break_long_words: Any = True, wrapstring: Any = None,
              break_on_hyphens: Any = True) -> None:
    if isinstance(s, str) and isinstance(width, int):
        lines = len(s) // max(width, 1) + s.count("\n") + 1
        spend(lines)  # textwrap works line by line in Python
        joint = wrapstring if wrapstring is not None else environment.newline_sequence
        check_made(len(s) + lines * len(_text(joint)), "the wordwrap filter")


def _format(value: Any, *args: Any, **kwargs: Any) -> None:
    check_made(percent_size(_text(value), kwargs or args), "the format filter")


def _urlize(eval_ctx: Any, value: Any, trim_url_limit: Any = None, nofollow: Any = False, target: Any = None,
            rel: Any = None, extra_schemes: Any = None) -> None:
    text = _text(value)
    words = len(text.split())
    spend(words)  # each word is matched in Python
    per_link = len(_text(target or "")) + len(_text(rel or "")) + 80
    check_made(2 * len(text) + words * per_link, "the urlize filter")


def _batch(value: Any, linecount: Any, fill_with: Any = None) -> None:
    if isinstance(linecount, int) and fill_with is not None:
        check_made(linecount, "the batch filter", "items")


def _sum(environment: Any, iterable: Any, attribute: Any = None, start: Any = 0) -> list[Any]:
    items = bounds.listed(iterable, "the sum filter")
    if not isinstance(start, (int, float)):  # adding up lists or tuples copies the total so far at every item
        parts = items if attribute is None else [make_attrgetter(environment, attribute)(i) for i in items]
        total = copied = len(start) if hasattr(start, "__len__") else 0
        for part in parts:
            total += len(part) if hasattr(part, "__len__") else 0
            copied += total
        check_made(total, "the sum filter", "items")
        spend(copied // bounds.CHARS_PER_STEP)
    return items


def _md(value: Any) -> None:
    if isinstance(value, str):
        size, steps = bounds.escaping(value)
        check_made(size, "the md filter")
        spend(steps)


def _pprint(value: Any) -> None:
    size, depth = shape(value)
    check_readable(size, "the pprint filter")
    check_made(size * (depth + 1), "the pprint filter")  # every line indented by its depth


def _tojson(eval_ctx: Any, value: Any, indent: Any = None) -> None:
    size, depth = shape(value)
    check_readable(size, "the tojson filter")
    step = len(indent) if isinstance(indent, str) else indent if isinstance(indent, int) else 0
    check_made(size + size * depth * max(step, 0), "the tojson filter")


_READING = frozenset({"tojson", "pprint", "join", "sum"})
_ESTIMATES: dict[str, Callable[..., Any]] = {
    "center": _center, "indent": _indent, "replace": _replace, "join": _join, "wordwrap": _wordwrap,
    "format": _format, "md": _md, "urlize": _urlize, "batch": _batch, "sum": _sum, "pprint": _pprint, "tojson": _tojson,
}
