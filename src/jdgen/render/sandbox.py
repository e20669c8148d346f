"""The sandbox that renders a catalog's templates, with every way to grow a value or loop bounded.

Jinja's ``SandboxedEnvironment`` keeps a template away from Python internals; it does not
stop ``'x' * 10**10``, ``"{:>1000000000}".format(x)``, a macro that calls itself twice per
level, or three nested loops over a long list. :class:`BoundedSandbox` charges all of them
to the rendering's budget (:mod:`jdgen.render.bounds`), at the places Jinja gives for it:

* operators (``intercepted_binops``/``call_binop``) and calls (``call``), where methods of
  text that pad, repeat or join are estimated before they run;
* ``str.format`` and ``format_map`` (``wrap_str_format``), field by field;
* every filter and test, wrapped when it is registered (:mod:`jdgen.render.bounded_filters`);
* the compiled template itself (:class:`BoundedCodeGenerator`): each loop turn, and the
  template and each block as they start, pay for the code and text they run; ``~`` and
  slices pay per character, comparisons and mapping keys for what they read;
* text joined from output (``concat``: the page, macros, ``{% set %}`` blocks) is
  bounded in length, the page stopping at the line that pushes it over.

``lipsum()`` is gone: it is random (outputs must be reproducible) and sized by its caller.
Compiled templates are never cached where a run writes or a catalog could plant them
(:mod:`jdgen.render.env` says why), so code compiled without these bounds, or planted, is
never loaded. The shipped templates' compiled form is part of the package, written by this
code generator and used only while this module is unchanged (:mod:`jdgen.render.precompiled`).
"""

from __future__ import annotations

from functools import update_wrapper
from types import BuiltinMethodType, GeneratorType, MethodType
from typing import Any, Callable, Iterable

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, operators, optimizeconst
from jinja2.runtime import LoopContext, Macro, markup_join, str_join
from jinja2.sandbox import SandboxedEnvironment, SandboxedFormatter
from jinja2.utils import Namespace
from markupsafe import EscapeFormatter, Markup

from . import bounds
from .bounded_filters import bounded_filter, bounded_test
from .bounds import (MAX_TEXT, BoundExceeded, check_made, check_read, made, percent_size, replace_size, show,
                     spec_size, spend, spend_text, weight)

# Steps for operations that take much longer than a loop turn, so that no step takes more than
# about half a microsecond (measured): the whole budget is a fraction of a second.
CALL_STEPS = 24
MACRO_STEPS = 40
PRINT_STEPS = 12
OPERATOR_STEPS = 6
CONCAT_STEPS = 8
INCLUDE_STEPS = 64
LOOKUP_STEPS = 4
CODE_BYTES_PER_STEP = 16
_SCALARS = frozenset({int, float, bool, type(None)})


class BoundedCodeGenerator(CodeGenerator):
    """Compiles templates so that the work Jinja does without calling back into the environment is charged too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._hooks: dict[int, tuple[nodes.Node, str, str]] = {}

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        # Jinja allows no node types of one's own, so an expression is put through a check
        # (written as environment.<hook>(..., more)) by remembering the node until it is written.
        hooked = self._hooks.get(id(node))
        if hooked is None:
            return super().visit(node, *args, **kwargs)
        self.write(f"environment.{hooked[1]}(")
        super().visit(node, *args, **kwargs)
        self.write(f"{hooked[2]})")

    def _through(self, hook: str, node: nodes.Expr, frame: Frame) -> None:
        self.write(f"environment.{hook}(")
        self.visit(node, frame)
        self.write(")")

    def pull_dependencies(self, body: Iterable[nodes.Node]) -> None:
        # Called where the template's root function and each block's function begin:
        # their code and text are paid for there, once per run.
        super().pull_dependencies(body)
        self.writeline(f"environment.jdgen_step({_code_cost(body, nodes.EvalContext(self.environment, self.name))})")

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        # Each turn costs a step, and the code and text of the loop's body (and its condition).
        turn = 1 + _code_cost([*node.body, *([node.test] if node.test else [])], frame.eval_ctx)
        self._hooks[id(node.iter)] = (node.iter, "jdgen_loop", f", {turn}")
        super().visit_For(node, frame)

    def visit_Include(self, node: nodes.Include, frame: Frame) -> None:
        self.writeline(f"environment.jdgen_step({INCLUDE_STEPS})")
        super().visit_Include(node, frame)

    def visit_Import(self, node: nodes.Import, frame: Frame) -> None:
        self.writeline(f"environment.jdgen_step({INCLUDE_STEPS})")
        super().visit_Import(node, frame)

    def visit_FromImport(self, node: nodes.FromImport, frame: Frame) -> None:
        self.writeline(f"environment.jdgen_step({INCLUDE_STEPS})")
        super().visit_FromImport(node, frame)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            escaping = "context.eval_ctx.autoescape"
        else:
            escaping = repr(bool(frame.eval_ctx.autoescape))
        self.write("environment.jdgen_concat((")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write(f"), {escaping})")

    @optimizeconst
    def visit_Compare(self, node: nodes.Compare, frame: Frame) -> None:
        self.write("(")
        self._read_whole(node.expr, frame)
        for operand in node.ops:
            self.write(f" {operators[operand.op]} ")
            self._read_whole(operand.expr, frame)
        self.write(")")

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self.write("{")
        for index, pair in enumerate(node.items):
            if index:
                self.write(", ")
            self._read_whole(pair.key, frame)  # a key is hashed, which reads all of a tuple
            self.write(": ")
            self.visit(pair.value, frame)
        self.write("}")

    @optimizeconst
    def visit_Getitem(self, node: nodes.Getitem, frame: Frame) -> None:
        if isinstance(node.arg, nodes.Slice):  # Jinja slices without asking the environment
            self.write("environment.jdgen_made(")
            super().visit_Getitem(node, frame)
            self.write(")")
        else:
            super().visit_Getitem(node, frame)

    def _read_whole(self, node: nodes.Expr, frame: Frame) -> None:
        if isinstance(node, (nodes.Const, nodes.TemplateData)):
            self.visit(node, frame)
        else:
            self._through("jdgen_read", node, frame)


def _code_cost(body: Iterable[nodes.Node], eval_ctx: nodes.EvalContext) -> int:
    """Steps one run of ``body`` costs beyond what it pays as it goes (calls, filters, operators):
    a step per expression or statement, four per attribute or item lookup, and its fixed text
    (template text, and expressions Jinja works out while compiling, such as
    ``{{ 'x' | center(900) }}``) at 16 characters a step.

    Loops pay for their bodies per turn, blocks when they run, macros and call blocks when
    called (see BoundedCodeGenerator and BoundedSandbox.call).
    """
    steps = text = 0
    stack = list(body)
    while stack:
        node = stack.pop()
        steps += LOOKUP_STEPS if isinstance(node, (nodes.Getattr, nodes.Getitem)) else 1
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if isinstance(child, nodes.TemplateData):
                    text += len(child.data)
                    continue
                try:
                    text += len(str(child.as_const(eval_ctx)))
                except Exception:  # worked out while rendering, and paid for when printed
                    stack.append(child)
        elif isinstance(node, nodes.For):
            stack.append(node.iter)
            stack.extend(node.else_)  # runs at most once, here
        elif isinstance(node, nodes.CallBlock):
            stack.append(node.call)
        elif not isinstance(node, (nodes.Macro, nodes.Block)):
            stack.extend(node.iter_child_nodes())
    return steps + text // bounds.CHARS_PER_STEP


def _function_cost(function: Any) -> int:
    """Steps one run of a compiled macro or loop body costs, from the size of its code."""
    code = getattr(function, "__code__", None)
    return len(code.co_code) // CODE_BYTES_PER_STEP if code is not None else 0


class BoundedFormatter(SandboxedFormatter):
    """``str.format`` for templates: every field is measured before it is formatted."""

    def vformat(self, format_string: str, args: Any, kwargs: Any) -> str:
        self._made = len(format_string)
        spend_text(len(format_string))
        return super().vformat(format_string, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> Any:
        self._made += spec_size(value, format_spec)
        check_made(self._made, "str.format")
        spend(1)
        return super().format_field(value, format_spec)


class BoundedEscapeFormatter(BoundedFormatter, EscapeFormatter):
    """``Markup.format``: measured like ``str.format``, then escaped."""


class BoundedSandbox(SandboxedEnvironment):
    """The sandbox, with the size of every value, the output and the total work bounded."""

    code_generator_class = BoundedCodeGenerator
    intercepted_binops = frozenset({"+", "-", "*", "//", "%", "**"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters = _Wrapping(bounded_filter, self.filters)
        self.tests = _Wrapping(bounded_test, self.tests)
        self.globals["range"] = bounds.bounded_range
        self.globals.pop("lipsum", None)
        if self.finalize is not None:
            self.finalize = _bounded_finalize(self.finalize)

    # -- what Jinja asks the environment --

    def compile(self, *args: Any, **kwargs: Any) -> Any:
        # Jinja works out constant expressions while compiling; that is not the rendering's
        # work (a template compiles once, then comes from the cache), so it is not charged.
        outside = bounds.current.set(None)
        try:
            return super().compile(*args, **kwargs)
        finally:
            bounds.current.reset(outside)

    @staticmethod
    def concat(pieces: Iterable[str]) -> str:
        """Output joined into text: the page, a macro's result, a ``{% set %}`` block.

        The page arrives as Jinja's generator: it is read piece by piece and, once too
        long, stopped where it stands, so that the error names the line being printed.
        """
        if type(pieces) is list:
            check_made(sum(map(len, pieces)), "the output of a macro or {% set %} block")
            return "".join(pieces)
        kept: list[str] = []
        keep = kept.append
        total = 0
        for piece in pieces:
            total += len(piece)
            if total > MAX_TEXT:
                error = BoundExceeded(f"the template's output would be longer than {MAX_TEXT:,} characters")
                if isinstance(pieces, GeneratorType):
                    pieces.throw(error)
                raise error
            keep(piece)
        return "".join(kept)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        spend(OPERATOR_STEPS)
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, bytes, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_TEXT:
                    raise BoundExceeded(f"repeating a value {times} times would make more than {MAX_TEXT:,} "
                                        f"{bounds.unit(seq)}")
        elif operator == "**":
            if (isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1
                    and bounds.log10_size(left, right) > bounds.MAX_DIGITS):
                raise BoundExceeded(f"{show(left)} ** {show(right)} would have more than {bounds.MAX_DIGITS:,} digits")
        elif operator == "%":
            if isinstance(left, (str, bytes)):
                check_made(percent_size(left, right), "formatting with %", bounds.unit(left))
        elif operator == "+":
            if isinstance(left, (str, bytes, list, tuple)) and isinstance(right, (str, bytes, list, tuple)):
                check_made(len(left) + len(right), "adding with +", bounds.unit(left))
        result = self.binop_table[operator](left, right)
        return made(result, f"{show(left)} {operator} {show(right)}")

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        spread = len(args) + len(kwargs)  # f(*items) hands over every item as an argument
        if isinstance(obj, Macro):  # macros and caller(): their body runs
            spend(MACRO_STEPS + spread + _function_cost(obj._func))
        else:
            spend(CALL_STEPS + spread)
        what = _Called(obj)
        for value in args:
            _read(value, what)
        for key, value in kwargs.items():
            if key not in ("_loop_vars", "_block_vars"):  # Jinja's own, not the template's
                _read(value, what)
        owner = obj.__self__ if isinstance(obj, (BuiltinMethodType, MethodType)) else None
        if isinstance(owner, (str, bytes, int)):
            _read(owner, what)
            estimate = _METHODS.get(obj.__name__)
            if estimate is not None:
                args = estimate(owner, *args, **kwargs) or args
        elif isinstance(owner, list) and obj.__name__ in ("index", "count", "remove", "sort"):
            check_read(owner, what)  # they compare items with each other or with the argument
        elif isinstance(obj, LoopContext) and args:  # loop(children) in a recursive loop: more turns
            args = (self.jdgen_loop(args[0], 1 + _function_cost(obj._recurse)), *args[1:])
        result = super().call(context, obj, *args, **kwargs)
        if isinstance(owner, (list, dict, set)):  # append, extend, update... may have grown it
            check_made(len(owner), what, "items")
        return made(result, what)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # The same answer as Jinja's for a namespace (no internal attributes, nothing that
        # starts with "_"), without Jinja's type checks, which are slow on a namespace
        # because it answers every attribute lookup, even __class__, in Python.
        if type(obj) is Namespace:
            return not attr.startswith("_")
        return super().is_safe_attribute(obj, attr, value)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if type(argument) not in _SCALARS and type(argument) is not str:
            check_read(argument, "looking up a key")  # a tuple key is hashed whole
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        if (not isinstance(value, (MethodType, BuiltinMethodType)) or value.__name__ not in ("format", "format_map")
                or not isinstance(value.__self__, str)):
            return None
        template = value.__self__
        kind = type(template)
        if isinstance(template, Markup):
            formatter: BoundedFormatter = BoundedEscapeFormatter(self, escape=template.escape)
        else:
            formatter = BoundedFormatter(self)
        if value.__name__ == "format_map":
            def format_map(mapping: Any) -> str:
                return kind(formatter.vformat(template, (), mapping))
            return update_wrapper(format_map, value)

        def format(*args: Any, **kwargs: Any) -> str:
            return kind(formatter.vformat(template, args, kwargs))
        return update_wrapper(format, value)

    # -- what the compiled template calls (see BoundedCodeGenerator) --

    @staticmethod
    def jdgen_loop(items: Any, turn: int = 1) -> Any:
        """What a ``{% for %}`` goes over: each turn costs ``turn`` steps, paid up front when the length is known."""
        try:
            turns = len(items)
        except TypeError:
            return bounds.counted(items, "a loop", turn)
        spend(turns * turn)
        return items

    @staticmethod
    def jdgen_step(steps: int) -> None:
        spend(steps)

    @staticmethod
    def jdgen_concat(parts: tuple[Any, ...], escaping: bool) -> str:
        """``a ~ b ~ c``: measured before joining (a list joined in prints whole)."""
        size = 0
        for part in parts:
            size += len(part) if type(part) is str else weight(check_read(part, "joining with ~"))
        check_made(size, "joining with ~")
        spend(CONCAT_STEPS + size // bounds.CHARS_PER_STEP)
        return markup_join(parts) if escaping else str_join(parts)

    @staticmethod
    def jdgen_read(value: Any) -> Any:
        """An operand of a comparison or a mapping key: read whole by ``==``, ``in`` or hashing."""
        if type(value) in _SCALARS:
            return value
        return check_read(value, "a comparison or mapping key")

    @staticmethod
    def jdgen_made(value: Any) -> Any:
        return made(value, "a slice")


class _Wrapping(dict):
    """Filters or tests: each one bounded as it is registered, including any added later."""

    def __init__(self, wrap: Callable[[str, Callable[..., Any]], Callable[..., Any]], functions: dict) -> None:
        super().__init__()
        self._wrap = wrap
        self.update(functions)

    def __setitem__(self, name: str, function: Callable[..., Any]) -> None:
        super().__setitem__(name, self._wrap(name, function))

    def update(self, *args: Any, **kwargs: Any) -> None:
        for name, function in dict(*args, **kwargs).items():
            self[name] = function


def _bounded_finalize(finalize: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Every printed value costs a few steps, and its text what escaping it costs."""
    current = bounds.current

    def bounded(value: Any) -> Any:
        if type(value) is str and len(value) <= 256:  # nearly every value: checked inline, it is the hot path
            budget = current.get()
            if budget is not None:
                budget.steps -= PRINT_STEPS + len(value)
                if budget.steps < 0:
                    spend(0)
        elif isinstance(value, Markup):  # already safe: printed as it is
            check_made(len(value), "printing a value")
            spend(PRINT_STEPS + len(value) // bounds.CHARS_PER_STEP)
        elif isinstance(value, str):
            size, steps = bounds.escaping(value)
            check_made(size, "printing a value")
            spend(PRINT_STEPS + steps)
        else:
            if type(value) in _SCALARS:
                spend(PRINT_STEPS)
            else:
                size = weight(value)
                check_made(size, "printing a value")
                spend(PRINT_STEPS + size // bounds.CHARS_PER_STEP)
        return finalize(value)

    return bounded


class _Called:
    """How a message names a called thing (``center()``, ``m()``), worked out only when a message needs it."""

    __slots__ = ("obj",)

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    def __str__(self) -> str:
        try:
            name = getattr(self.obj, "__name__", None) or getattr(self.obj, "name", None)
        except Exception:  # an undefined value raises for any attribute
            name = None
        return f"{name}()" if isinstance(name, str) else "a call"


def _read(value: Any, what: Any) -> None:
    kind = type(value)
    if kind in _SCALARS or (kind is str and len(value) <= 256):
        return
    check_read(value, what)


# --- Methods of text (and numbers) that can make far more than they are given ---------------

def _index(value: Any) -> int | None:
    """``value`` as Python would take it for a width or count, or None where Python would refuse it."""
    return value if isinstance(value, int) else None


# Each takes the arguments of the method it measures; what Python would refuse is left for
# the method itself to refuse, in its own words.

def _padded(text: Any, width: Any = 0, *rest: Any, **_: Any) -> None:
    width = _index(width)
    if width is not None:
        check_made(max(len(text), width), "padding", bounds.unit(text))


def _expandtabs(text: Any, tabsize: Any = 8, **_: Any) -> None:
    tabsize = _index(tabsize)
    if tabsize is not None:
        tab = b"\t" if isinstance(text, bytes) else "\t"
        check_made(len(text) + text.count(tab) * max(tabsize, 0), "expandtabs()", bounds.unit(text))


def _replace(text: Any, old: Any = None, new: Any = None, count: Any = -1, **_: Any) -> None:
    if isinstance(old, type(text)) and isinstance(new, type(text)) and _index(count) is not None:
        check_made(replace_size(text, old, new, count), "replace()", bounds.unit(text))


def _join(text: Any, items: Any = None, **_: Any) -> tuple[Any] | None:
    if items is None:
        return None
    items = bounds.listed(items, "join()")  # read once here: the method gets the list
    size = sum(len(item) for item in items if isinstance(item, (str, bytes)))
    check_made(size + len(text) * max(len(items) - 1, 0), "join()", bounds.unit(text))
    return (items,)


def _translate(text: Any, table: Any = None, **_: Any) -> None:
    if isinstance(text, str) and isinstance(table, (dict, list, tuple)):
        replacements = table.values() if isinstance(table, dict) else table
        spend(len(replacements))
        longest = max((len(r) for r in replacements if isinstance(r, str)), default=1)
        check_made(len(text) * max(longest, 1), "translate()")


def _encode(text: Any, encoding: Any = "utf-8", *rest: Any, **_: Any) -> None:
    # Punycode (and IDNA, which uses it) take time that grows with the square of the text.
    if isinstance(encoding, str) and encoding.lower().replace("-", "").replace("_", "") in ("punycode", "idna"):
        spend(len(text) * len(text) // bounds.CHARS_PER_STEP)


def _to_bytes(number: Any, length: Any = 1, *rest: Any, **_: Any) -> None:
    length = _index(length)
    if length is not None:
        check_made(length, "to_bytes()", "bytes")


_METHODS: dict[str, Callable[..., Any]] = {
    "center": _padded, "ljust": _padded, "rjust": _padded, "zfill": _padded,
    "expandtabs": _expandtabs, "replace": _replace, "join": _join, "translate": _translate,
    "encode": _encode, "decode": _encode, "to_bytes": _to_bytes,
}
