"""Limits on what one rendering of a template may build and do, and the budget that keeps them.

A catalog's templates come with its pull requests, so a template must not be able to fill the
memory of the machine that renders it or keep it busy for hours. Each rendering gets a
:class:`Budget`; the sandbox (:mod:`jdgen.render.sandbox`) charges it for what the template
asks for and refuses, with :class:`BoundExceeded`, anything past these limits:

* any one value a template makes (text, bytes, a list or mapping) and the output itself:
  :data:`MAX_TEXT` characters, bytes or items; a value read whole may also nest at most
  :data:`MAX_DEPTH` levels deep;
* any one whole number: :data:`MAX_DIGITS` digits;
* all the work of one rendering: :data:`MAX_STEPS` steps, where a loop turn costs a step
  plus the size of its body's code and text, a call, a filter, an operator or a printed
  value a few steps, and every 16 characters made or read one more; and
  :data:`MAX_RANGE_ITEMS` numbers from ``range()``.

Design choices:

* An operation that can make far more than it is given (repetition, padding widths,
  ``replace`` counts, joins, format widths) is estimated *before* it runs. Anything else is
  checked after: it made at most a few times its inputs, which were bounded already.
* A value handed to something that reads it whole (printing, ``~``, comparing, a filter, a
  call) is measured deep, counting a shared item every time it appears, because that is how
  it prints and compares: a list holding the same long list a thousand times is small in
  memory but enormous as text. Measuring stops at the limit and costs steps.
* Steps are counted, never timed, so whether a template passes does not depend on the
  machine or its load, and the same catalog gives the same result everywhere.

The limits are far above anything a posting needs (the built-in template makes ~5 KB of
text in a few thousand steps); they only stop templates written to exhaust the machine.
"""

from __future__ import annotations

import math
import re
from collections import abc
from contextvars import ContextVar, Token
from functools import cache
from typing import Any, Iterable, Iterator

from jinja2.runtime import Undefined
from jinja2.sandbox import SecurityError
from jinja2.utils import Namespace

MAX_TEXT = 1_000_000  # characters, bytes or items in any one value, and in the output
MAX_DIGITS = 1_000  # digits of any one whole number
MAX_DEPTH = 100  # levels of lists, tuples and mappings inside each other in a value read whole
MAX_STEPS = 500_000  # steps of work in one rendering
MAX_RANGE_ITEMS = 1_000_000  # numbers range() may hand out in one rendering, all loops together
CHARS_PER_STEP = 16  # characters (or items) made or read that cost one step

_INT_LIMIT = 10 ** MAX_DIGITS
_CONTAINERS = (list, tuple, set, frozenset, dict)
_FLAT = frozenset({int, float, bool, type(None)})


class BoundExceeded(SecurityError):
    """A template asked for more than a limit allows; the message says what and which limit."""


class Budget:
    """What is left of one rendering's work and range() numbers."""

    __slots__ = ("steps", "numbers")

    def __init__(self) -> None:
        self.steps = MAX_STEPS
        self.numbers = MAX_RANGE_ITEMS


current: ContextVar[Budget | None] = ContextVar("jdgen_template_budget", default=None)


def begin() -> Token:
    """Start a rendering's budget (in this thread or task); hand the token to :func:`end`."""
    return current.set(Budget())


def end(token: Token) -> None:
    current.reset(token)


def spend(steps: int) -> None:
    """Charge the current rendering; outside a rendering (compiling a template alone) nothing is counted."""
    budget = current.get()
    if budget is not None:
        budget.steps -= steps
        if budget.steps < 0:
            raise BoundExceeded(f"the template takes more than {MAX_STEPS:,} steps "
                                "(loop turns, calls and filters, and text made or read)")


def spend_text(length: int) -> None:
    spend(1 + length // CHARS_PER_STEP)


# Characters that escaping (jdgen's Markdown escaping, in Python, and HTML's) writes as two or more.
_ESCAPED = "\\`*_[]<>#&"


def escaping(text: str) -> tuple[int, int]:
    """``(length after Markdown escaping, steps)`` of printing ``text``: escaping in Python costs per escaped character.

    Short text costs a step per character; long text is counted instead (ten passes in C).
    """
    if len(text) <= 256:
        return len(text), len(text)
    escaped = sum(map(text.count, _ESCAPED))
    return len(text) + escaped, len(text) // CHARS_PER_STEP + 2 * escaped


def bounded_range(*args: int) -> range:
    """``range()`` for templates: all the ranges of one rendering together hand out a bounded number of items."""
    steps = range(*args)
    budget = current.get()
    if budget is not None:
        budget.numbers -= len(steps)
        if budget.numbers < 0:
            raise BoundExceeded(f"the template's loops ask for more than {MAX_RANGE_ITEMS:,} range() steps")
    return steps


# --- Sizes ---------------------------------------------------------------------------------


def digits(number: int) -> int:
    """About how many digits ``number`` has (never fewer), without printing it."""
    return int(number.bit_length() * 0.30103) + 1


def weight(value: Any, limit: int = MAX_TEXT) -> int:
    """About how long ``value`` is as text, counting a shared item every time it appears.

    Text counts its characters, bytes their bytes, a number its digits, a list, tuple,
    set, mapping or namespace one per item plus its items' weights. Counting stops once
    past ``limit`` (so a list that holds itself is "too long", not endless), and once the
    rendering cannot pay for more: every value looked at costs two steps.
    """
    kind = type(value)
    if kind is str or kind is bytes:
        return len(value)
    if kind in _FLAT or not _nested(value):
        return _scalar_weight(value)
    return shape(value, limit)[0]


def shape(value: Any, limit: int = MAX_TEXT) -> tuple[int, int]:
    """``(weight, levels of nesting)`` of ``value``; see :func:`weight`. Walks level by level."""
    budget = current.get()
    affordable = budget.steps // 2 if budget is not None else limit
    total = depth = looked = 0
    level = [value]
    while level:
        below: list[Any] = []
        looked += len(level)
        for item in level:
            kind = type(item)
            if kind is list or kind is tuple:
                total += len(item)
                if total > limit:
                    break
                below.extend(item)
            elif kind is str or kind is bytes:
                total += len(item)
            elif kind is int:
                total += int(item.bit_length() * 0.30103) + 1
            elif kind in _FLAT:
                total += _scalar_weight(item)
            elif isinstance(item, dict):
                total += len(item)
                if total > limit:
                    break
                below.extend(item.keys())
                below.extend(item.values())
            elif isinstance(item, Namespace):
                below.append(item._Namespace__attrs)
            elif isinstance(item, (str, bytes)):
                total += len(item)
            elif _nested(item):
                total += len(item)
                if total > limit:
                    break
                below.extend(item)
            else:
                total += _scalar_weight(item)
        if total > limit or looked > affordable or not below:
            break
        depth += 1
        level = below
    spend(2 * looked + total // CHARS_PER_STEP)
    return total, depth


def _nested(value: Any) -> bool:
    return isinstance(value, _CONTAINERS) or isinstance(value, (Namespace, abc.MappingView))


def _scalar_weight(value: Any) -> int:
    kind = type(value)
    if kind is int:
        return digits(value)
    if kind is float or value is None or isinstance(value, Undefined):
        return 24
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, int):
        return digits(value)
    try:  # dates, loop and macro objects print short; an imported template prints its whole text
        return len(str(value))
    except Exception:
        return 24


def unit(value: Any) -> str:
    if isinstance(value, str):
        return "characters"
    return "bytes" if isinstance(value, (bytes, bytearray)) else "items"


def show(value: Any) -> str:
    """A short description of an operand for a message: small numbers as themselves."""
    if isinstance(value, bool) or value is None:
        return str(value).lower()
    if isinstance(value, int):
        return str(value) if value.bit_length() <= 64 else f"a {digits(value):,}-digit number"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (str, bytes, list, tuple, dict)):
        kind = {str: "a text", bytes: "bytes", dict: "a mapping"}.get(type(value), "a list")
        return f"{kind} of {len(value):,} {unit(value)}"
    return f"a {type(value).__name__}"


# --- Checks --------------------------------------------------------------------------------


def check_made(size: int, what: str, kind: str = "characters") -> None:
    """Refuse before making a value of ``size`` (an estimate, never too small)."""
    if size > MAX_TEXT:
        raise BoundExceeded(f"{what} would make more than {MAX_TEXT:,} {kind}")


def check_read(value: Any, what: str) -> Any:
    """``value``, about to be read whole by ``what``: refused when it is too long as text or too deeply nested.

    Nesting matters because hashing a tuple (a mapping key, ``in``) recurses in C with
    nothing to stop it: a tuple nested 400,000 deep crashes the interpreter.
    """
    kind = type(value)
    if kind is str:
        if len(value) > 256:
            spend_text(len(value))
        return value
    if kind in _FLAT or not _nested(value):
        return value
    size, depth = shape(value)
    check_readable(size, what)
    if depth > MAX_DEPTH:
        raise BoundExceeded(f"{what} would read a value nested more than {MAX_DEPTH:,} levels deep")
    return value


def check_readable(size: int, what: str) -> None:
    """Refuse to hand ``what`` a value of weight ``size`` (see :func:`weight`)."""
    if size > MAX_TEXT:
        raise BoundExceeded(f"{what} would read a value of more than {MAX_TEXT:,} characters or items "
                            "(a repeated item counts every time)")


def check_number(value: int, what: str) -> int:
    if not -_INT_LIMIT < value < _INT_LIMIT:
        raise BoundExceeded(f"{what} would have more than {MAX_DIGITS:,} digits")
    return value


def made(value: Any, what: str) -> Any:
    """``value``, just made by the template's ``what``: checked against the limits and charged.

    Results that come out one by one (filters such as map and select give generators) are
    checked and charged per item as they are taken.
    """
    kind = type(value)
    if kind is str:
        length = len(value)
        if length > 64:
            check_made(length, what)
            spend(length // CHARS_PER_STEP)
        return value
    if kind is int:
        return check_number(value, what)
    if kind in _FLAT:
        return value
    if isinstance(value, (str, bytes, bytearray, list, tuple, dict, set, frozenset)):
        length = len(value)
        check_made(length, what, unit(value))
        spend(length // CHARS_PER_STEP)
        return value
    if isinstance(value, int):
        return check_number(value, what)
    if isinstance(value, abc.Iterator) and not isinstance(value, abc.Sized):
        return counted(value, what)
    return value


def listed(items: Iterable[Any], what: str) -> list[Any]:
    """``items`` as a new list, two steps an item."""
    if isinstance(items, (list, tuple)):
        spend(2 * len(items))
        return list(items)
    return list(counted(items, what))


def counted(items: Iterable[Any], what: str, steps: int = 2) -> Iterator[Any]:
    """``items``, ``steps`` each, every item checked as made."""
    for item in items:
        spend(steps)
        yield made(item, what)


# --- Estimates -----------------------------------------------------------------------------

@cache
def _percent() -> re.Pattern[str]:
    """One %-conversion: %(key)-08.3f, %*d, %%. The conversion character is taken whatever it
    is, so that an invalid one still consumes its argument as Python's % would try to.
    (Compiled when first needed: most templates never format with %.)"""
    return re.compile(r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?P<width>\*|\d+)?(?:\.(?P<precision>\*|\d*))?[hlL]?"
                      r"(?P<conversion>.?)", re.S)


@cache
def _spec() -> re.Pattern[str]:
    """The standard format specification: [[fill]align][sign][z][#][0][width][grouping][.precision][type]."""
    return re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[_,]?(?:\.(?P<precision>\d+))?[a-zA-Z%]?", re.S)


_FLOAT_TEXT = 330  # '%f' of the largest float is 316 characters


def _count(text: str | None) -> int:
    """A width or precision written in a format; a number too long to read is simply too large."""
    if not text:
        return 0
    return int(text) if len(text) <= 9 else MAX_TEXT + 1


def _as_count(value: Any) -> int:
    return abs(value) if isinstance(value, int) else 0


def percent_size(template: str | bytes, values: Any) -> int:
    """At least the length of ``template % values``: its text plus, per conversion, the larger
    of its width and what its value prints as (numbers padded to their precision)."""
    percent = b"%" if isinstance(template, bytes) else "%"
    if percent not in template:
        return len(template)
    text = template.decode("latin-1") if isinstance(template, bytes) else template
    positional = values if isinstance(values, tuple) else (values,)
    position = 0

    def next_value() -> Any:
        nonlocal position
        position += 1
        return positional[position - 1] if position <= len(positional) else None

    total = len(text)
    for match in _percent().finditer(text):
        conversion = match["conversion"]
        if conversion == "%":
            continue
        width = _as_count(next_value()) if match["width"] == "*" else _count(match["width"])
        precision = _as_count(next_value()) if match["precision"] == "*" else _count(match["precision"])
        if match["key"] is not None:
            try:
                value = values[match["key"]]
            except Exception:  # Python's % reports a missing key itself
                value = None
        else:
            value = next_value()
        if conversion in "sr" or conversion == "a":
            size = weight(value) * (1 if conversion == "s" else 10)  # repr and ascii escape characters
            if match["precision"] is not None:
                size = min(size, precision)
        elif conversion in "eEfFgG":
            size = _FLOAT_TEXT + precision
        else:  # d i o u x X c: a number, zero-padded to its precision
            size = (_FLOAT_TEXT if isinstance(value, float) else weight(value)) + precision
        total += max(width, size)
        if total > MAX_TEXT:
            break
    return total


def spec_size(value: Any, spec: str) -> int:
    """At least the length of ``format(value, spec)``."""
    size = weight(value)
    match = _spec().fullmatch(spec)
    if match is None:  # a type's own format language, such as a date's strftime codes
        return size + 16 * len(spec)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        size = max(size, _FLOAT_TEXT) + _count(match["precision"])
    return max(_count(match["width"]), size)


def replace_size(text: str | bytes, old: str | bytes, new: str | bytes, count: int = -1) -> int:
    """The length of ``text.replace(old, new, count)``, counted before replacing."""
    if len(new) <= len(old):
        return len(text)
    found = len(text) + 1 if not old else text.count(old)
    if count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))


def log10_size(base: int, exponent: int) -> float:
    """About how many digits ``base ** exponent`` has."""
    return exponent * math.log10(abs(base))
