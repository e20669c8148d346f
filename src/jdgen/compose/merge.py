"""Company overrides merged onto role profiles, remembering where every value came from.

A role profile is company-neutral. A company file has a ``defaults`` block, applied to
every role, then one block per role code; :func:`merge_layers` applies them in that
order, each onto the result of the one before, by these rules:

1. **Mappings deep-merge.** Each key of the override is merged into the base's value
   for that key; keys only in the base are kept. An empty mapping (``{}``) changes
   nothing, except that under a key the base lacks it adds an empty mapping.
2. **Single values replace.** A text, number, true/false or empty value replaces a
   single value. A mapping may also replace a single value (``market_pay: pending``
   can become figures), and a missing or empty (``~``) base value takes anything.
3. **Lists are replaced** by an override list, unless the override uses operators.
4. **List operators.** A mapping whose keys are all among ``replace``, ``remove``,
   ``prepend`` and ``append`` edits the list. They apply in this fixed order, however
   they are written: ``replace`` (a list: start from it instead of the base list),
   ``remove`` (a list of texts: drop every item whose text equals one of them),
   ``prepend`` (a list: put these items first, in order), ``append`` (a list: add these
   items at the end). An item's text is the item itself if it is a text, else its
   ``text`` key, else its ``title`` key (title aliases). Texts are compared exactly,
   case-sensitively, after stripping surrounding spaces. ``remove`` sees the list as
   ``replace`` left it, before anything is prepended or appended. A missing or empty
   (``~``) base counts as an empty list.
5. **Errors** are reported at the override line that causes them; every error of a
   merge is reported, then the merge fails. It is an error:

   * to replace a list or a mapping with a single value, a list with a mapping that is
     not operators, a mapping or a single value with a list: almost always a mistake
     in indentation or in ``- item`` lines;
   * to mix operators and other keys in one mapping;
   * to give an operator something other than a list;
   * to use operators on a single value or a mapping (``title is not a list, so
     'append' cannot apply to it``);
   * to remove a text the list does not have (``cannot remove 'Xyz' from skills: no
     such item``), with a "did you mean" that also catches a difference in case only.

   A key cannot be deleted: give it a new value, or ``[]`` for a list.

   When the layers go onto a role profile (:func:`merge_layers` on a base with a
   ``code``), messages name the role as well (``skills of AIMLAM.GEN.P4``): a company's
   ``defaults`` meet every role, and an error at the defaults' line says nothing about
   which posting it broke unless the message does.
6. **Inputs are never changed.** Where something changes, the result has new mappings
   and lists; untouched parts are shared with the inputs, so nobody may change the
   result in place either.
7. **Provenance.** Every value in the result, at every path, has the location it was
   written at: values from the base keep the base's location, values from an override
   get the override's, and a mapping merged into keeps its own. A list built by
   operators is located at the operator mapping; each of its items, with everything
   inside it, keeps the location it was written at, wherever it moved to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Sequence

from ..diagnostics import Diagnostic, Location, suggestion_hint
from ..errors import InvalidInputError
from ..catalog.yaml_source import JsonPath, SourceDoc

Provenance = dict[JsonPath, Location]

OPERATORS = ("replace", "remove", "prepend", "append")  # also the order they apply in
_OPERATOR_SET = frozenset(OPERATORS)
_MISSING: Any = object()  # the base has no such key
_NOWHERE = Location("<merged>", 1, 1)
_ANCHOR = re.compile(r"&(?<![^\s\[{,]&)[^\s\[\]{},]")  # a YAML anchor such as `&shared`
_FIX = {
    "list": "write `- item` lines, or change it with replace, remove, prepend or append",
    "mapping": "write the keys to change below {name}, indented",
    "single value": "write the new value directly: {name}: ...",
}


def is_operator(value: Any) -> bool:
    """True for a non-empty mapping whose keys are all list operators."""
    return isinstance(value, dict) and bool(value) and _OPERATOR_SET.issuperset(value)


def provenance_of(doc: SourceDoc, *, prefix: JsonPath = (), root: JsonPath = ()) -> Provenance:
    """Locations of every value in doc.data[root] (paths re-rooted under ``prefix``).

    A value the loader has no position for (inside a YAML alias) gets its parent's.

    Kept on the document, one per (root, prefix): a profile is composed generic and once per
    company, and a company's defaults meet every profile, so each would otherwise walk every
    position of its file once per posting. The result is shared, so nobody may change it in
    place (rule 6 of the module docstring asks that of every merge result already).
    """
    root, prefix = tuple(root), tuple(prefix)
    kept = doc.__dict__.setdefault("_provenance", {})
    found = kept.get((root, prefix))
    if found is None:
        found = kept[(root, prefix)] = _provenance_of(doc, prefix, root)
    return found


class LazyProvenance(Mapping):
    """:func:`provenance_of` a whole document, worked out when first read.

    A generic posting's provenance is its profile's, and rendering never reads it: only
    lint and error messages point into the file. Building it (a Location for every value
    of the file) was most of composing a generic posting, so ``jdgen render --all`` paid
    for it on every profile. Read, it is the very mapping :func:`provenance_of` returns.
    """

    __slots__ = ("_doc", "_found")

    def __init__(self, doc: SourceDoc):
        self._doc = doc
        self._found: Provenance | None = None

    def _all(self) -> Provenance:
        if self._found is None:
            self._found = provenance_of(self._doc)
        return self._found

    def __getitem__(self, path: JsonPath) -> Location:
        return self._all()[path]

    def get(self, path: JsonPath, default: Any = None) -> Any:
        return self._all().get(path, default)

    def __contains__(self, path: object) -> bool:
        return path in self._all()

    def __iter__(self) -> Iterator[JsonPath]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _provenance_of(doc: SourceDoc, prefix: JsonPath, root: JsonPath) -> Provenance:
    data = doc.data
    for part in root:
        data = data[part]
    n, file = len(root), doc.file
    out = {prefix + path[n:]: Location(file, *pos) for path, pos in doc.value_positions.items()
           if path[:n] == root}
    if not doc.text or _ANCHOR.search(doc.text):  # values inside an alias have no position
        _copy(data, out, prefix, out, prefix, doc.where(root))
    return out


@dataclass(frozen=True)
class Layer:
    """One override: the mapping, its provenance (paths relative to ``data``), a label."""

    data: Any
    provenance: Provenance
    label: str = ""  # e.g. "companies/acme.yaml roles.AIMLAM.GEN.P4"; for people reading


def merge(base: Any, base_provenance: Provenance, override: Any, override_provenance: Provenance,
          *, path: JsonPath = ()) -> tuple[Any, Provenance]:
    """Merge one override onto a base; returns the new value and its complete provenance.

    Both provenances are keyed relative to their own value, as is the result's; ``path``
    says where the values sit in the document and is only used to name things in messages.
    """
    problems: list[Diagnostic] = []
    result = _merge(base, base_provenance, override, override_provenance, tuple(path), problems)
    if problems:
        raise InvalidInputError(problems)
    return result


def merge_layers(base: Any, base_provenance: Provenance, layers: Sequence[Layer],
                 *, subject: str | None = None) -> tuple[Any, Provenance]:
    """Apply layers in order (e.g. defaults, then the role's own block).

    Every layer is merged even after an error in an earlier one, so all errors are reported.
    ``subject`` names what the layers change in messages; by default a base's ``code``.
    """
    if subject is None and isinstance(base, dict) and isinstance(base.get("code"), str):
        subject = base["code"]
    problems: list[Diagnostic] = []
    for layer in layers:
        base, base_provenance = _merge(base, base_provenance, layer.data, layer.provenance, (), problems, subject)
    if problems:
        raise InvalidInputError(problems)
    return base, base_provenance


def _merge(base: Any, base_prov: Provenance, override: Any, over_prov: Provenance,
           prefix: JsonPath, problems: list[Diagnostic], subject: str | None = None) -> tuple[Any, Provenance]:
    if isinstance(override, dict) and not override:
        return base, base_prov  # the identity, without a copy
    merger = _Merger(base_prov, over_prov, prefix, problems, subject)
    return merger.value(base, override, ()), merger.out


class _Merger:
    """One merge: walks the override, building the result and editing a copy of the base provenance."""

    def __init__(self, base_prov: Provenance, over_prov: Provenance, prefix: JsonPath, problems: list,
                 subject: str | None = None):
        self.base_prov, self.over_prov, self.prefix, self.problems = base_prov, over_prov, prefix, problems
        self.subject = subject
        self.out: Provenance = dict(base_prov)

    def value(self, base: Any, override: Any, rel: JsonPath) -> Any:
        """The merged value at ``rel`` (``_MISSING`` to leave the key out); updates ``self.out``."""
        if is_operator(override):
            return self.operators(base, override, rel)
        if isinstance(override, dict):
            return self.mapping(base, override, rel)
        if base is not _MISSING and base is not None:
            kind = _kind(base)
            if kind == "mapping" or (kind == "list") != isinstance(override, list):
                new = "a list" if isinstance(override, list) else "a single value"
                return self.fail(base, rel, f"cannot replace the {kind} {self.name(rel)} with {new}",
                                 _FIX[kind].format(name=self.path(rel)))
            if kind == "list":
                _drop(base, self.out, rel)
        _copy(override, self.over_prov, rel, self.out, rel, self.where(rel))
        return override

    def mapping(self, base: Any, override: dict, rel: JsonPath) -> Any:
        name = self.name(rel)
        ops = [k for k in override if k in _OPERATOR_SET]
        others = [str(k) for k in override if k not in _OPERATOR_SET]
        if not override and base is not _MISSING:
            return base  # an empty mapping changes nothing
        if ops:
            return self.fail(base, rel, f"{name} mixes list operators ({', '.join(ops)}) with other keys "
                             f"({', '.join(others)})", suggestion_hint(others[0], OPERATORS)
                             or "move the other keys out, or use only replace, remove, prepend and append")
        if isinstance(base, list):
            return self.fail(base, rel, f"{name} is a list, so it cannot take the keys {', '.join(others)}",
                             suggestion_hint(others[0], OPERATORS) or _FIX["list"])
        if not isinstance(base, dict):  # missing, empty or a single value: a new mapping
            _drop(base, self.out, rel)
            self.out[rel] = self.where(rel)
            base = {}
        result = dict(base)
        for key, sub in override.items():
            new = self.value(base.get(key, _MISSING), sub, rel + (key,))
            if new is not _MISSING:
                result[key] = new
        return result

    def operators(self, base: Any, override: dict, rel: JsonPath) -> Any:
        name = self.name(rel)
        if base is not _MISSING and base is not None and not isinstance(base, list):
            written = " and ".join(f"'{op}'" for op in OPERATORS if op in override)
            return self.fail(base, rel, f"{name} is not a list, so {written} cannot apply to it",
                             _FIX[_kind(base)].format(name=self.path(rel)))
        bad = [op for op in OPERATORS if op in override and not isinstance(override[op], list)]
        if bad:
            from ..catalog.schema_messages import describe_value
        for op in bad:
            self.problem(rel + (op,), f"'{op}' for {name} takes a list, found {describe_value(override[op])}",
                         "write it as `- item` lines")
        if bad:
            return base
        base_items = base if isinstance(base, list) else []
        # Each result item with where it was written: (value, provenance, path there, index in base or -1).
        if "replace" in override:
            items = [(v, self.over_prov, rel + ("replace", i), -1) for i, v in enumerate(override["replace"])]
        else:
            items = [(v, self.base_prov, rel + (i,), i) for i, v in enumerate(base_items)]
        if "remove" in override and (items := self.remove(items, override["remove"], rel)) is None:
            return base
        prepended = [(v, self.over_prov, rel + ("prepend", i), -1) for i, v in enumerate(override.get("prepend", ()))]
        appended = [(v, self.over_prov, rel + ("append", i), -1) for i, v in enumerate(override.get("append", ()))]
        items = prepended + items + appended
        # Base items still at their index keep their entries; every other item's subtree is rewritten.
        stays = {i for i, item in enumerate(items) if item[3] == i}
        for i, item in enumerate(base_items):
            if i not in stays:
                _drop(item, self.out, rel + (i,))
        where = self.out[rel] = self.where(rel)
        for i, (item, prov, src, _) in enumerate(items):
            if i not in stays:
                _copy(item, prov, src, self.out, rel + (i,), where)
        return [item[0] for item in items]

    def remove(self, items: list, removals: list, rel: JsonPath) -> list | None:
        """``items`` without those whose text is removed; None after reporting a problem."""
        texts = [_text(item[0]) for item in items]
        known = [t for t in texts if t is not None]
        present = {t.strip() for t in known}
        ok = True
        for i, entry in enumerate(removals):
            if not isinstance(entry, str):
                from ..catalog.schema_messages import describe_value

                ok = self.problem(rel + ("remove", i), f"'remove' for {self.name(rel)} takes texts, found "
                                  f"{describe_value(entry)}", "write the text of the item to remove")
            elif entry.strip() not in present:
                listed = ", ".join(map(repr, known[:3])) + (f", ... ({len(known)} items)" if len(known) > 3 else "")
                hint = suggestion_hint(entry.strip(), known) or (f"the list has: {listed}" if known
                                                                  else "the list is empty")
                ok = self.problem(rel + ("remove", i),
                                  f"cannot remove {entry.strip()!r} from {self.name(rel)}: no such item", hint)
        if not ok:
            return None
        gone = {entry.strip() for entry in removals}
        return [item for item, text in zip(items, texts) if text is None or text.strip() not in gone]

    def name(self, rel: JsonPath) -> str:
        """How a message names the value at ``rel``: its path, and the role it belongs to if known."""
        path = self.path(rel)
        return f"{path} of {self.subject}" if self.subject else path

    def path(self, rel: JsonPath) -> str:
        """The bare path, for hints that tell a person what to write under which key."""
        from ..catalog.schema_messages import dotted  # a company's merge only: a generic posting imports none

        return dotted(self.prefix + rel)

    def where(self, rel: JsonPath) -> Location:
        """The override's location for ``rel``, or its nearest ancestor's."""
        while (loc := self.over_prov.get(rel)) is None and rel:
            rel = rel[:-1]
        return loc or _NOWHERE

    def problem(self, rel: JsonPath, message: str, hint: str | None) -> bool:
        self.problems.append(Diagnostic(self.where(rel), message, hint))
        return False

    def fail(self, base: Any, rel: JsonPath, message: str, hint: str | None) -> Any:
        self.problem(rel, message, hint)
        return base  # unchanged, or _MISSING which leaves the key out


def _kind(value: Any) -> str:
    return "list" if isinstance(value, list) else "mapping" if isinstance(value, dict) else "single value"


def _text(item: Any) -> str | None:
    """What ``remove`` knows an item by: the item if it is a text, else its ``text`` or ``title``."""
    if isinstance(item, dict):
        item = item.get("text") if isinstance(item.get("text"), str) else item.get("title")
    return item if isinstance(item, str) else None


def _copy(value: Any, src: Provenance, src_path: JsonPath, dst: Provenance, dst_path: JsonPath,
          fallback: Location) -> None:
    """Set the locations of ``value``'s whole subtree at ``dst_path`` from those at ``src_path``."""
    stack = [(value, (), fallback)]
    while stack:
        node, sub, parent = stack.pop()
        loc = dst[dst_path + sub] = src.get(src_path + sub) or parent
        if isinstance(node, dict):
            stack.extend((child, sub + (key,), loc) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend((child, sub + (i,), loc) for i, child in enumerate(node))


def _drop(value: Any, dst: Provenance, path: JsonPath) -> None:
    """Forget the locations of ``value``'s whole subtree at ``path``."""
    stack = [(value, path)]
    while stack:
        node, here = stack.pop()
        dst.pop(here, None)
        if isinstance(node, dict):
            stack.extend((child, here + (key,)) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend((child, here + (i,)) for i, child in enumerate(node))
