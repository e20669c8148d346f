"""Characters that can disguise what a text says, which catalog text may not hold.

A bidi control (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) changes the order in which
text is shown, so a title or a pay figure can read differently in a review diff, a
terminal and a posting than its characters say. An invisible format character (zero-width
space, word joiner, soft hyphen, U+FEFF inside a text, tag characters) hides inside a
word, where it slips the word past a lint rule that looks for it, and can carry text no
reader sees to whatever reads the posting next. A job posting needs none of them, so text
holding one is refused, with the code point named; the YAML loader applies this to every
value of every catalog file, and rendering to every posting (for a template's own text).

Allowed, because real text needs them and they cannot hide anything there:

* the zero-width joiner and non-joiner (U+200D, U+200C) and the Mongolian vowel separator
  (U+180E) between two letters, marks or symbols outside ASCII and the Latin, Greek and
  Cyrillic alphabets: they build emoji (👩‍💻) and shape Persian and Indic words. Next to
  ASCII, a space or a Latin letter, at either end of a text, or doubled, they are refused;
* tag characters inside a subdivision flag (🏴 followed by tag letters and a cancel tag);
* the format characters that show as visible marks: the Arabic, Syriac and Kaithi number
  signs (U+0600-U+0605, U+06DD, U+070F, U+0890, U+0891, U+08E2, U+110BD, U+110CD) and the
  Egyptian hieroglyph format controls (U+13430-U+1343F);
* one variation selector after a character (❤️); a second one in a row is refused, since
  chains of them are a known way to hide data in a text.

Also refused: the Hangul fillers U+3164 and U+FFA0, letters that show as nothing.
"""

from __future__ import annotations

import re
from functools import cache

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_ALWAYS = (BIDI_CONTROLS + "\u00ad\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\u3164\uffa0"
           "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001")
_IN_CONTEXT = "\u180e\u200c\u200d\U000e0020-\U000e007f"
# Format characters that show as marks of their scripts: never refused.
VISIBLE_FORMAT = "\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd\U00013430-\U0001343f"
_SELECTORS = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
_FLAG = "\U0001f3f4[\U000e0030-\U000e0039\U000e0061-\U000e007a]+\U000e007f"
_TAGS = "[\U000e0020-\U000e007f]"
_NON_JOINING_ALPHABETS = ("LATIN", "GREEK", "CYRILLIC")


class Hidden:
    """A character that can disguise text: where it is in the text, and why it is refused."""

    __slots__ = ("index", "char", "kind")

    def __init__(self, index: int, char: str, kind: str):
        self.index = index
        self.char = char
        self.kind = kind  # "a bidi control", "an invisible character", ...

    def describe(self) -> str:
        """``U+202E (RIGHT-TO-LEFT OVERRIDE), a bidi control``."""
        import unicodedata

        name = unicodedata.name(self.char, "")
        return f"U+{ord(self.char):04X}" + (f" ({name})" if name else "") + f", {self.kind}"


def find_hidden(text: str) -> Hidden | None:
    """The first character in ``text`` that can disguise it, or None.

    None is the usual answer, and quick: every candidate is outside ASCII, and one regex
    search of a character class rules out the rest.
    """
    if text.isascii() or _candidate().search(text) is None:
        return None
    flags = [m.span() for m in re.finditer(_FLAG, text)] if re.search(_TAGS, text) else []
    selector, bidi = re.compile(f"[{_SELECTORS}]"), re.compile(f"[{BIDI_CONTROLS}]")  # the rare path: re caches
    for match in _candidate().finditer(text):
        start, char = match.start(), match.group()
        if selector.match(char):
            if start > 0 and selector.match(text[start - 1]):
                return Hidden(start, char, "a second variation selector in a row")
            continue
        if bidi.match(char):
            return Hidden(start, char, "a bidi control")
        if char in "\u180e\u200c\u200d":
            if _joins(text, start):
                continue
            return Hidden(start, char, "a joiner outside the emoji or script it joins")
        if re.match(_TAGS, char):
            if any(begin < start < end for begin, end in flags):
                continue
            return Hidden(start, char, "an invisible tag character")
        return Hidden(start, char, "an invisible character")
    return None


def may_hide(text: str) -> bool:
    """Whether ``text`` holds any character :func:`find_hidden` looks at: when not, no part of it can hide anything."""
    return not text.isascii() and _candidate().search(text) is not None


@cache
def _candidate() -> re.Pattern:
    # One character class, no alternation, so the engine tests each character against a table;
    # compiled on first use (about a millisecond), which a run served from the cache never needs.
    return re.compile(f"[{_ALWAYS}{_IN_CONTEXT}{_SELECTORS}]")


def _joins(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and _joinable(text[index - 1]) and _joinable(text[index + 1])


def _joinable(char: str) -> bool:
    import unicodedata

    if char.isascii() or char.isspace():
        return False
    category = unicodedata.category(char)
    if category[0] not in "LMS":  # letters, combining marks, symbols (emoji and their modifiers)
        return False
    return not (category[0] == "L" and unicodedata.name(char, "").startswith(_NON_JOINING_ALPHABETS))
