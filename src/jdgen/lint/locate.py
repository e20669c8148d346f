"""Where a fragment of a value is written in its file: the line and column a finding points at.

A text rule finds a word in a value's text; the finding should point at the word, not only
at the value. The word is looked for from the value's start, on the value's first dozen
lines (a folded value spans several), and its N-th place there is the answer for the word's
N-th place in the text (a word written three times is three findings, each at its own
column). None means "not found as written" (an escape, a fold), and the finding points at
the value.

Files are untrusted and may be a megabyte of one line, so the search is bounded three ways,
each keeping the answers people see on ordinary files:

* line offsets are worked out once per file, not by splitting the whole file per finding;
* the search stops where the next key or value of the file starts: a fragment not written as
  such in its own value (``"\\x61ggressive"``) is not hunted for through the rest of the line
  once per list item;
* answers are kept, the N-th place of a fragment is looked for from where its (N-1)-th was
  found, and each value may search at most :data:`SEARCH_FACTOR` times its own length in all: a few hundred different words in one value are each found where they are
  written; past that (tens of thousands of them in a 1 MB line), findings point at the value.
"""

from __future__ import annotations

import re
from array import array
from itertools import accumulate
from operator import add
from bisect import bisect_right

from ..catalog.yaml_source import SourceDoc

LINES_SEARCHED = 12
SEARCH_FACTOR = 256
_SEARCH_SLACK = 4096  # so that short values are never cut short
# The line breaks str.splitlines() knows, so line numbers agree with every other reader of the text.
_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_COLUMN = 1 << 32  # (line, column) packed into one integer, ordered as the pair is


def find(doc: SourceDoc, line: int, col: int, fragment: str, nth: int = 0) -> tuple[int, int] | None:
    """The 1-based (line, column) of ``fragment``'s ``nth`` place (0: the first) from (line, col)
    within its value, or None."""
    index = doc.__dict__.get("_lint_positions")
    if index is None:
        index = doc.__dict__["_lint_positions"] = _Index(doc)
    return index.find(line, col, fragment, nth)


class _Index:
    def __init__(self, doc: SourceDoc):
        text = self.text = doc.text
        # Where each line starts and its text ends, from str.splitlines (which knows the same line
        # breaks as _BREAK) with and without the breaks: worked out in C, once per file.
        starts = array("q", accumulate(map(len, text.splitlines(keepends=True)), initial=0))
        starts.pop()  # the offset after the last line starts no line
        self.starts, self.ends = starts, array("q", map(add, starts, map(len, text.splitlines())))
        positions = {line * _COLUMN + col for line, col in doc.value_positions.values()}
        positions.update(line * _COLUMN + col for line, col in doc.key_positions.values())
        self.positions = array("q", sorted(positions))
        # (line, col, fragment) -> [the places found so far, the offset to go on from (-1: no more)]
        self.answers: dict[tuple[int, int, str], list] = {}
        self.regions: dict[tuple[int, int], list[int]] = {}

    def find(self, line: int, col: int, fragment: str, nth: int = 0) -> tuple[int, int] | None:
        key = (line, col, fragment)
        state = self.answers.get(key)
        if state is None:
            state = self.answers[key] = [[], None]
        found = state[0]
        if nth < len(found):
            return found[nth]
        if state[1] == -1:
            return None
        region = self.regions.get((line, col))
        if region is None:
            region = self.regions[(line, col)] = self._region(line, col)
        end = region[1]
        at = region[0] if state[1] is None else state[1]
        # A fragment is looked for on single lines; one holding a line break is never found.
        while len(found) <= nth and region[2] > 0 and not _BREAK.search(fragment):
            place = self.text.find(fragment, at, end)
            region[2] -= (place + len(fragment) if place >= 0 else end) - at
            if place < 0:
                break
            number = bisect_right(self.starts, place)
            found.append((number, place - self.starts[number - 1] + 1))
            at = place + len(fragment)
        if len(found) > nth:
            state[1] = at
            return found[nth]
        state[1] = -1  # not written (again) within the value, or its allowance is spent
        return None

    def _region(self, line: int, col: int) -> list[int]:
        """[start offset, end offset, search allowance left] of the value written at (line, col):
        from there to the next key or value, and to the end of its twelfth line at most."""
        last = min(line + LINES_SEARCHED - 1, len(self.ends))
        start = min(self.starts[line - 1] + col - 1, self.ends[line - 1])
        end = self.ends[last - 1]
        after = bisect_right(self.positions, line * _COLUMN + col)
        if after < len(self.positions):
            stop_line, stop_col = divmod(self.positions[after], _COLUMN)
            if stop_line <= last:
                end = min(end, self.starts[stop_line - 1] + stop_col - 1)
        end = max(start, end)
        return [start, end, SEARCH_FACTOR * (end - start) + _SEARCH_SLACK]
