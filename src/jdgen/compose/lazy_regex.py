"""Regular expressions compiled when first used, not when their module is imported.

The years reader (:mod:`jdgen.compose.experience`) holds some thirty large patterns;
compiling them all cost about 7 ms of every cold ``jdgen render``, which reads one or two
short qualifications and needs fewer than half of them. A :class:`LazyPattern` compiles on
its first use and then keeps the compiled pattern's methods as its own attributes, so that
later calls cost what they cost on the compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any

_KEPT = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "pattern", "flags",
         "groups", "groupindex")


class LazyPattern:
    """``re.compile(pattern, flags)``, done when an attribute is first asked for."""

    def __init__(self, pattern: str, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only called for what is not kept yet
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for kept in _KEPT:
            setattr(self, kept, getattr(compiled, kept))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that compiles on first use; typed as the compiled pattern it stands for."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
