"""The format of a parse-cache entry: a parse as plain JSON, and back.

An entry holds the data, and the (line, column) of every value and key in the order the
parse placed them, packed as one base64 string of 32-bit numbers per kind: a cold run
stores an entry for every file it reads, and a JSON list of a thousand numbers costs
more to write (and read) than the data itself. The paths those positions belong to are
not stored where walking the data gives them back in the same order, which is every
parse in which no YAML alias repeats a list or mapping (the copy's values have no
positions of their own); such a parse has its paths written out.

Decoding trusts nothing (see :mod:`jdgen.catalog.parse_cache`): fields, types and counts
are checked, and anything else is :class:`Unusable`, a miss.
"""

from __future__ import annotations

import base64
import json
import sys
from array import array
from itertools import chain
from typing import Any, Iterable

from .yaml_source import JsonPath, SourceDoc, could_be_parsed

FORMAT = 2
_UINT32 = next(code for code in "IL" if array(code).itemsize == 4)
_BIG_ENDIAN = sys.byteorder == "big"


class Unusable(Exception):
    """An entry that is not a parse this jdgen stored: treated as a miss."""


def encode(doc: SourceDoc) -> bytes:
    """The entry of ``doc``'s parse; ValueError, TypeError or OverflowError for one that cannot be stored."""
    return json.dumps(_entry(doc), ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def _entry(doc: SourceDoc) -> dict[str, Any]:
    """The entry as JSON values: the paths are written out only for a parse that repeats a list or mapping."""
    positions, key_positions = doc.value_positions, doc.key_positions
    if doc.repeats:
        paths = list(positions)
        index = dict(zip(paths, range(len(paths))))
        keyed = [path for path in key_positions if path in index]  # a parse places every key's value too
        paths_field, key_field = paths, list(map(index.__getitem__, keyed))
        keys = chain.from_iterable(map(key_positions.__getitem__, keyed))
    else:
        paths_field = key_field = None
        keys = chain.from_iterable(key_positions.values())
    return {
        "format": FORMAT,
        "data": doc.data,
        "paths": paths_field,
        "key_paths": key_field,
        "values": _pack(chain.from_iterable(positions.values())),
        "keys": _pack(keys),
        "hash_spans": _pack(chain.from_iterable(doc.hash_spans)),
    }


def _walk(data: Any) -> list[JsonPath]:
    """The path of every value in ``data``, each before its children: the order a parse places them in."""
    paths: list[JsonPath] = [()]
    add = paths.append

    def visit(value: Any, path: JsonPath) -> None:
        for part, child in (value.items() if type(value) is dict else enumerate(value)):
            below = path + (part,)
            add(below)
            if type(child) is dict or type(child) is list:
                visit(child, below)

    if type(data) is dict or type(data) is list:
        visit(data, ())
    return paths


def _key_paths(paths: list[JsonPath]) -> list[JsonPath]:
    """The paths of a parse's keys, in its order: every value a mapping holds has its key placed."""
    return [path for path in paths if path and type(path[-1]) is str]


def _pack(numbers: Iterable[int]) -> str:
    """Line and column numbers as one base64 string of 32-bit little-endian numbers."""
    packed = array(_UINT32, list(numbers))
    if _BIG_ENDIAN:
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def _unpack(text: object, count: int | None) -> list[int]:
    """The numbers :func:`_pack` packed: ``count`` of them (any number for None), none below 1."""
    if type(text) is not str:
        raise Unusable("positions are not packed numbers")
    packed = array(_UINT32)
    packed.frombytes(base64.b64decode(text, validate=True))  # a length that is no multiple of 4: ValueError
    if _BIG_ENDIAN:
        packed.byteswap()
    if (count is not None and len(packed) != count) or (packed and min(packed) < 1):
        raise Unusable("positions are not line and column numbers")
    return packed.tolist()


def _refuse_constant(name: str) -> Any:
    raise Unusable(f"{name} is not a number a catalog holds")


_FIELDS = {"format", "data", "paths", "values", "key_paths", "keys", "hash_spans"}


def decode(payload: bytes, shown: str, text: str) -> SourceDoc:
    entry = json.loads(payload, parse_constant=_refuse_constant)
    if type(entry) is not dict or entry.keys() != _FIELDS or entry["format"] != FORMAT:
        raise Unusable("not an entry of this format")
    data = entry["data"]
    if type(data) is not dict or not could_be_parsed(data):
        raise Unusable("data the YAML loader could not have built")
    paths = entry["paths"]
    if paths is None:
        paths = _walk(data)
    elif type(paths) is not list or not set(map(type, paths)) <= {list}:
        raise Unusable("paths are not lists")
    else:
        paths = list(map(tuple, paths))
        if not set(map(type, chain.from_iterable(paths))) <= {str, int}:
            raise Unusable("a path holds something other than keys and indexes")
    key_index = entry["key_paths"]
    if key_index is None:
        key_paths = _key_paths(paths)
    elif (type(key_index) is not list or not set(map(type, key_index)) <= {int}
          or (key_index and min(key_index) < 0)):
        raise Unusable("key paths are not indexes of paths")
    else:
        key_paths = list(map(paths.__getitem__, key_index))
    values = _unpack(entry["values"], 2 * len(paths))
    keys = _unpack(entry["keys"], 2 * len(key_paths))
    spans = _unpack(entry["hash_spans"], None)
    if len(spans) % 4:
        raise Unusable("hash spans are not four numbers each")
    doc = SourceDoc(shown, data, text, dict(zip(paths, zip(values[::2], values[1::2]))),
                    dict(zip(key_paths, zip(keys[::2], keys[1::2]))))
    doc.hash_spans = list(zip(*[iter(spans)] * 4))
    return doc
