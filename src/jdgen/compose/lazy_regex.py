"""Regular expressions compiled when first used, not when their module is imported.

The years reader (:mod:`jdgen.compose.experience`) holds some thirty large patterns;
compiling them all cost about 7 ms of every cold ``jdgen render``, which reads one or two
short qualifications and needs fewer than half of them. The word lists' ~200 row patterns and
~120 conditions (:func:`jdgen.lint.data.phrases`) cost about 0.45 s of every lint process to
compile (2026-12-06, the 2-core VM), while a posting's texts run a few dozen of them: a row runs
only where its leading words are written (:mod:`jdgen.compose.anchors`), a condition only once its
row has matched.

A :class:`LazyPattern` compiles on its first use and then keeps the compiled pattern's methods as
its own attributes, so that later calls cost what they cost on the compiled pattern. Its
``pattern`` and ``flags`` are there from the start and never compile it (until it compiles, the
flags are the ones given, without the ``re.UNICODE`` that compiling adds): the anchored search
reads a row's leading words from them without running the row.
"""

from __future__ import annotations

import re
from typing import Any

_KEPT = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "pattern", "flags",
         "groups", "groupindex")


class LazyPattern:
    """``re.compile(pattern, flags)``, done when an attribute other than ``pattern`` and
    ``flags`` is first asked for."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:  # only called for what is not kept yet
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for kept in _KEPT:
            setattr(self, kept, getattr(compiled, kept))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that compiles on first use; typed as the compiled pattern it stands for."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
