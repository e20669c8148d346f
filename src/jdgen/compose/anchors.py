r"""Word-list patterns, tried only where a match can start.

The word lists (masculine-coded words, exclusionary and physical phrases, the words that
tell an experience claim from a company's age) are case-insensitive patterns of dozens of
alternatives. Python's ``re`` tries every alternative at every character: about a
microsecond a character, which made these patterns most of lint's time on ordinary texts
and several seconds on a 1 MB value.

Nearly every such pattern starts with a word ("rock", "lift", "young"), so a match can only
start where one of those words is written. :class:`Anchored` reads the words off the
pattern once (with the parser ``re`` itself uses), finds them with ``str.find`` in a
lower-cased copy of the text, and runs the pattern only there, with ``match(text, pos)``,
which sees the characters around ``pos`` as ``search`` does. The matches are the ones the
pattern's own ``search`` and ``finditer`` return; a pattern whose start cannot be read this
way is simply run as it is.

Two starts that are not words are read too, because a pattern run as it is costs a scan of
every text: ``^`` (the match starts where a line does, so only there is it tried: an eligibility
line written "- Be a citizen of ...") and ``\d`` (tried at the ten ASCII digits; a text that
holds another script's digit, which ``\d`` also matches, has such a pattern run as it is).
On the hostile 1 MB inputs of benchmarks/bench_adversarial.py the five rows that were run as
they are took about a quarter of lint's time (2026-12-04: finding-per-item 1.94 -> 1.48 s).

Reading the words off a pattern means parsing it again in Python, and for the few hundred
patterns jdgen ships that was about a third of a cold ``jdgen lint`` of the built-in catalog
(0.36 of 1.08 s, 2026-12-06). So what this module reads off each shipped pattern is written
down once, in ``compose/anchor_facts.json`` (by ``python -m jdgen.lint.analyse_shipped``),
and looked up by the pattern's text and flags. A pattern not there (a catalog's own level
codes, an edited row) is read as before; the table is ignored whole when this module's code
differs from the code that wrote it, so a change here can never run on answers it would not give.

The same table says where each shipped row's top-level alternatives end and which words each
starts with (:func:`alternatives`), so that at a place only the alternatives that can start there
are tried, each compiled when first tried: a row of forty phrases seen in a posting needs one or
two of them, and compiling whole rows was half of a cold lint of one posting.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Iterator

from .lazy_regex import lazy

try:  # CPython's regex parser; private, so anything unexpected only turns the shortcut off
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre = _sre_parse = None

_MAX_WORDS = 128  # beyond this, the pattern's start is too vague to be worth it
_MAX_REQUIRED = 12  # words one of which a text must hold, asked one by one before the pattern runs
# Under re.IGNORECASE an ASCII letter also matches these: İ (i), ı (i) and ſ (s); the Kelvin
# sign (k) lower-cases to k by itself. İ is also the one character whose lower case is two.
_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s"}
# Stands for "a line starts here" among a pattern's leading words: a match of a pattern that
# begins with ^ starts at the text's start or after a line break, whatever the characters are
# (a bullet, spaces, a word). Never looked for as text.
LINE_START = "\x00^"
# \d matches the digits of every script; a pattern read as starting with 0-9 is run as it is on
# the rare text that holds another script's digit, so that its matches stay the same.
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def _has_other_digits(text: str) -> bool:
    return not text.isascii() and _OTHER_DIGIT.search(text) is not None


def fold(text: str) -> str:
    """``text`` lower-cased character for character, such that wherever a case-insensitive
    pattern matches an ASCII letter, the folded text holds that letter in lower case."""
    if not text.isascii():
        text = text.translate(_FOLD)
    return text.lower()


# What Anchored reads off a pattern: its leading words (None: run it as it is), the words one of
# which every match holds (Anchored.required), those each leading word needs after it
# (Anchored.required_after) and its alternatives with their own leading words (Alternatives).
Facts = tuple["dict[str, bool] | None", "tuple[str, ...]", "dict[str, tuple[str, ...]]",
              "list[tuple[int, tuple[str, ...]]] | None"]

# Every pattern an Anchored or AnchoredLater was made for in this process, by its key: what
# jdgen.lint.analyse_shipped writes down after a lint of the built-in catalog (a few hundred).
MADE: dict[str, re.Pattern[str]] = {}


def pattern_key(pattern: re.Pattern[str]) -> str:
    # The flags as compiling gives them (re.UNICODE added unless re.ASCII): a lazily compiled row
    # (compose/lazy_regex.py) shows the flags it was given until it compiles.
    flags = pattern.flags | (0 if pattern.flags & re.ASCII else re.UNICODE)
    return hashlib.sha256(f"{flags}\x00{pattern.pattern}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


@cache
def code_digest() -> str:
    """This module's code, which decides every answer the table of shipped facts holds."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


# JSON, not a Python module: without bytecode kept (PYTHONDONTWRITEBYTECODE) compiling a module
# of this size took 40 ms a start; reading the JSON takes about one.
FACTS_FILE = Path(__file__).resolve().with_name("anchor_facts.json")


@cache
def _shipped() -> dict[str, Facts]:
    """The shipped table, or nothing (every pattern is then read as it is made): before the table
    was first written, under other code, or when the file is not the table the writer writes."""
    try:
        table = json.loads(FACTS_FILE.read_text(encoding="utf-8"))
        if table["code_digest"] != code_digest():
            return {}
        return {key: (words, tuple(required), {word: tuple(needs) for word, needs in after.items()},
                      None if split is None else [(end, tuple(starts)) for end, starts in split])
                for key, (words, required, after, split) in table["facts"].items()}
    except (OSError, ValueError, LookupError, TypeError, AttributeError):
        return {}


def facts(pattern: re.Pattern[str]) -> Facts:
    """What :class:`Anchored` reads off ``pattern``, read now (not looked up)."""
    anchored = Anchored(pattern, shipped=False)
    split = alternatives(pattern) if anchored.words is not None else None
    return anchored.words, anchored.required, anchored.required_after, split


def alternatives(pattern: re.Pattern[str]) -> list[tuple[int, tuple[str, ...]]] | None:
    """Where each of the pattern's top-level alternatives ends in its source, with the words one
    of which its match starts with; None when it has one, or one whose start cannot be read, or
    when splitting could change a match: groups (their numbers would change), verbose syntax and
    comments (a ``|`` in them is no alternative).

    ``A|B|C`` matched at a place gives the first of A, B and C that matches there, and an
    alternative cannot match where none of its leading words starts; so :class:`Alternatives`
    may try only the alternatives whose words start there, each compiled on its own when first
    tried. Compiling a row whole cost more than running it: a lint of one posting of the built-in
    catalog compiled 88 row patterns in 0.5 of its 1.0 s (the 10 kB body-size row alone 78 ms),
    and 86 of them matched nothing (2026-12-07, the 2-core VM)."""
    source = pattern.pattern
    if pattern.flags & re.VERBOSE or "(?#" in source or re.search(r"\(\?[a-zA-Z-]*x", source):
        return None
    if re.compile(source, pattern.flags).groups:
        return None
    ends = _bars(source) + [len(source)]
    if len(ends) < 2:
        return None
    split, begin = [], 0
    for end in ends:
        words = leading_words(_Source(source[begin:end], pattern.flags))
        if not words:
            return None
        split.append((end, tuple(sorted(words))))
        begin = end + 1
    return split


class _Source:
    """A pattern's source and flags, as :func:`leading_words` reads them, not compiled."""

    def __init__(self, pattern: str, flags: int):
        self.pattern, self.flags = pattern, flags


def _bars(source: str) -> list[int]:
    """Where the source holds a ``|`` outside every group and set: the ends of its top-level
    alternatives, but the last."""
    bars: list[int] = []
    depth, at, in_set = 0, 0, False
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            at += 1
            # a "]" first in a set (after "^", if any) is one of its characters
            at += source.startswith("^", at)
            at += source.startswith("]", at)
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and not depth:
            bars.append(at)
        at += 1
    return bars


def _parsed(pattern: re.Pattern[str]) -> list | None:
    """The pattern as re's parser reads it, or None where that parser is not there or differs."""
    if _sre_parse is None:
        return None
    try:
        return list(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001  (a parser of another Python version: no shortcut, same results)
        return None


def leading_words(pattern: re.Pattern[str], tree: list | None = None) -> dict[str, bool] | None:
    r"""The lower-case ASCII words one of which every match of ``pattern`` starts with, each
    with whether the match must also start a word (a ``\b`` or ``(?<![\w-])`` before it); or None."""
    tree = _parsed(pattern) if tree is None else tree
    try:
        words = _leading(tree, False) if tree is not None else None
    except Exception:  # noqa: BLE001
        return None
    if not words:
        return None
    # A word that starts with another one adds no place to look: "decision" covers "decision-making".
    return {word: bounded for word, bounded in sorted(words.items())
            if not any(word != other and word.startswith(other) and (bounded or not words[other])
                       for other in words)}


# A leading word shorter than this is extended into the branch after it, where there is one.
_SHORT = 3


def _leading(items: list, bounded: bool) -> dict[str, bool] | None:
    for i, (op, av) in enumerate(items):
        if op is _sre.AT:
            if av in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING):
                return {LINE_START: False}
            bounded = bounded or av is _sre.AT_BOUNDARY
            continue  # takes no characters
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            bounded = bounded or av[0] == -1 and (op is _sre.ASSERT_NOT and _is_not_after_word(av[1])
                                                  or op is _sre.ASSERT and _ends_off_word(list(av[1])))
            continue
        rest = items[i + 1:]
        if op is _sre.LITERAL:
            word = ""
            for next_op, next_av in items[i:]:
                if next_op is not _sre.LITERAL or not _foldable(chr(next_av)):
                    break
                word += chr(next_av)
            if not word:
                return None
            after = items[i + len(word):]
            if len(word) < _SHORT and after and after[0][0] in (_sre.BRANCH, _sre.SUBPATTERN, _sre.ATOMIC_GROUP):
                # re's parser writes "his|her" as "h(?:is|er)": a one-letter word would be tried at
                # every 'h' of the text, so the branch's words are joined to it ("his", "her").
                longer = _leading(after, False)
                if longer:
                    return {(word + rest).lower(): bounded and _is_word(word[0]) for rest in longer}
            return {word.lower(): bounded and _is_word(word[0])}
        if op is _sre.IN:  # a small set of characters, as in [ab]: each is a word of one
            chars = _characters(av)
            return {char: bounded and _is_word(char) for char in chars} if chars else None
        if op is _sre.SUBPATTERN:
            return _leading(list(av[-1]) + rest, bounded)
        if op is _sre.ATOMIC_GROUP:
            return _leading(list(av) + rest, bounded)
        if op is _sre.BRANCH:
            return _either([_leading(list(alternative) + rest, bounded) for alternative in av[1]])
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, high, repeated = av
            first = _leading(list(repeated), bounded) if high else None
            # With no repetition at all, the match starts with what follows.
            return first if low else _either([first, _leading(rest, bounded)])
        return None
    return None  # only zero-width items: an empty match could start anywhere


def required_words(pattern: re.Pattern[str], tree: list | None = None,
                   memo: dict | None = None) -> tuple[str, ...] | None:
    """Lower-case words one of which every match of ``pattern`` holds somewhere, or None: the
    most selective set that one required part of the pattern gives (the units of a years claim).
    ``memo`` keeps the answers for the parts of ``tree`` while it lives (see :func:`_required`)."""
    tree = _parsed(pattern) if tree is None else tree
    try:
        words = _required(tree, memo) if tree is not None else None
    except Exception:  # noqa: BLE001
        return None
    return tuple(sorted(words)) if words else None


def _required(items: list, memo: dict | None = None) -> set[str] | None:
    """The words of :func:`required_words` for a sequence of parsed items. ``memo`` (keyed by the
    identity of a group's, a branch's or a repeat's items in one parsed tree) keeps each part's
    answer: the phrases of :func:`required_after` share their groups, and reading each again was
    about a tenth of a lint process on bench_adversarial.py's item inputs."""
    best: set[str] | None = None
    i = 0
    while i < len(items):
        op, av = items[i]
        found: set[str] | None = None
        if op is _sre.LITERAL and _foldable(chr(av)):
            word = ""
            while i < len(items) and items[i][0] is _sre.LITERAL and _foldable(chr(items[i][1])):
                word += chr(items[i][1])
                i += 1
            found = {word.lower()}
            i -= 1
        elif op is _sre.SUBPATTERN:
            found = _required_of(av[-1], memo)
        elif op is _sre.ATOMIC_GROUP:
            found = _required_of(av, memo)
        elif op is _sre.BRANCH:
            found = _required_of(av[1], memo, either=True)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _required_of(av[2], memo)
        if found and len(found) <= _MAX_WORDS and (best is None or _says_more(found, best)):
            best = found
        i += 1
    return best


# Words nearly every posting holds: a required set of them lets a row run at every number of a
# text with years in it. "at least 5 years" holds "year", and so would a row's "30 years old"
# that asked only for it; asking for "old" or "age" instead, both equally required, skipped that
# row on bench_adversarial.py's one-line-years input. "least" and "for" likewise: a height row's
# "at least ... tall" that needed "least" ran at every "at least" of that input (13.1 G
# instructions, 9.2 G once it needed "tall" or "height"; callgrind, 2026-12-07).
_COMMON = frozenset({"year", "yr", "least", "for", "and", "or", "of", "the", "to", "a", "in", "+", "-"})


def _says_more(found: set[str], best: set[str]) -> bool:
    """Whether required set ``found`` tells more texts apart than ``best``: one without a common
    word beats one with, then the set whose shortest word is longer."""
    common_found, common_best = bool(found & _COMMON), bool(best & _COMMON)
    if common_found != common_best:
        return common_best
    return min(map(len, found)) > min(map(len, best))


def _required_of(part, memo: dict | None, either: bool = False) -> set[str] | None:
    """:func:`_required` of a group's items, or with ``either`` of a branch's alternatives (the
    words of all of them, when each has some), kept in ``memo``."""
    key = id(part)
    if memo is not None and key in memo:
        return memo[key]
    if either:
        alternatives = [_required(list(alternative), memo) for alternative in part]
        found = set().union(*alternatives) if all(alternatives) else None
    else:
        found = _required(list(part), memo)
    if memo is not None:
        memo[key] = found
    return found


def required_after(pattern: re.Pattern[str], words: dict[str, bool], tree: list | None = None,
                   memo: dict | None = None) -> dict[str, tuple[str, ...]]:
    """For a leading word of ``pattern``, the words one of which every match starting with it
    holds after it, where that says more than :func:`required_words`: a row of a word list is
    an alternation of phrases, which share no word, so the row as a whole needs none; but its
    phrase that starts with "team" needs "fit" ("team fit"), and one that starts with "a" needs
    "person". A leading word missing from the answer carries no such condition.

    Each phrase (the pattern's alternatives, and those of a group it starts with, spelled out)
    gives its leading words and the words its rest holds; a row's word that begins a phrase's
    word (``words`` keeps "tea" for a phrase starting "team") gathers that phrase's words, and
    a phrase with none takes the condition off the word."""
    tree = _parsed(pattern) if tree is None else tree
    try:
        phrases = _phrases(tree) if tree is not None else None
        gathered: dict[str, set[str] | None] = {}
        for phrase in phrases or ():
            starts = _leading(phrase, False)
            if not starts:
                return {}
            needs = _required(_after_first_word(phrase), memo)
            for start in starts:
                owners = [word for word in words if start.startswith(word)]
                if not owners:
                    return {}  # read differently from the whole pattern: no condition at all
                for word in owners:
                    if needs is None or gathered.get(word, set()) is None:
                        gathered[word] = None
                    else:
                        gathered[word] = gathered.get(word, set()) | needs
    except Exception:  # noqa: BLE001
        return {}
    shortest = {word: _shortest(needs) for word, needs in gathered.items() if needs}
    return {word: needs for word, needs in shortest.items() if len(needs) <= _MAX_AFTER}


def _shortest(words: set[str]) -> tuple[str, ...]:
    """``words`` without those holding another of them: each is looked for as a part of the
    text, so "taller" is there only where "tall" is, and asking for both says no more."""
    return tuple(sorted(word for word in words if not any(other != word and other in word for other in words)))


# More words than this, each an ``in`` test of the text, cost more than they save; the tests are
# shared by a list's rows (``known``). 32, not 24: body-size-gate's "a" needs one of 25 words.
_MAX_AFTER = 32
_MAX_PHRASES = 256


def _phrases(items: list) -> list[list] | None:
    """The alternatives of ``items`` as whole sequences: where the first item that takes characters
    is a branch or a group, one sequence for each of its alternatives, and so on; None when
    they are too many to be worth it."""
    done: list[list] = []
    waiting = [items]
    while waiting:
        sequence = waiting.pop()
        for i, (op, av) in enumerate(sequence):
            if op is _sre.AT or op in (_sre.ASSERT, _sre.ASSERT_NOT):
                continue
            if op is _sre.BRANCH:
                waiting += [sequence[:i] + list(alternative) + sequence[i + 1:] for alternative in reversed(av[1])]
            elif op is _sre.SUBPATTERN:
                waiting.append(sequence[:i] + list(av[-1]) + sequence[i + 1:])
            else:
                done.append(sequence)
            break
        else:
            done.append(sequence)
        if len(done) + len(waiting) > _MAX_PHRASES:
            return None
    return done


def _after_first_word(phrase: list) -> list:
    """The phrase without the run of letters it starts with (after its zero-width items), so that
    the words it requires are not its leading word again."""
    for i, (op, av) in enumerate(phrase):
        if op is _sre.AT or op in (_sre.ASSERT, _sre.ASSERT_NOT):
            continue
        end = i
        while end < len(phrase) and phrase[end][0] is _sre.LITERAL:
            end += 1
        return phrase[end:]
    return []


def _either(choices: list[dict[str, bool] | None]) -> dict[str, bool] | None:
    """Words of alternatives: a word needs a word start only if it does in every alternative."""
    words: dict[str, bool] = {}
    for choice in choices:
        if not choice:
            return None
        for word, bounded in choice.items():
            words[word] = words.get(word, True) and bounded
    return words if len(words) <= _MAX_WORDS else None


def _is_not_after_word(items: list) -> bool:
    r"""Whether a look-behind's content is one set that holds every word character, as [\w-]."""
    return (len(items) == 1 and items[0][0] is _sre.IN
            and any(op is _sre.CATEGORY and av is _sre.CATEGORY_WORD for op, av in items[0][1]))


def _ends_off_word(items: list) -> bool:
    r"""Whether whatever a look-behind's content matches ends where a word cannot go on: with a
    character that is not a word character (``(?<=\bsuch\sas\s)``, ``(?<=[.!?]\s)``), or at a
    line start (``(?<=^)``). The place after it then starts a word, as after ``\b``; read as
    anywhere instead, "he" of "(?<=[.!?]\s)he" was tried inside every "the" of a text."""
    if not items:
        return False
    op, av = items[-1]
    if op is _sre.AT:
        return av in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING)
    if op is _sre.LITERAL:
        return _off_word(chr(av))
    if op is _sre.IN:
        return all(_set_item_off_word(item) for item in av)
    if op is _sre.BRANCH:
        return all(_ends_off_word(list(alternative)) for alternative in av[1])
    if op is _sre.SUBPATTERN:
        return _ends_off_word(list(av[-1]))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        return av[0] >= 1 and _ends_off_word(list(av[2]))
    return False


def _set_item_off_word(item: tuple) -> bool:
    op, av = item
    if op is _sre.LITERAL:
        return _off_word(chr(av))
    if op is _sre.RANGE:
        return av[1] - av[0] < 256 and all(_off_word(chr(code)) for code in range(av[0], av[1] + 1))
    return op is _sre.CATEGORY and av in (_sre.CATEGORY_SPACE, _sre.CATEGORY_NOT_WORD)


def _off_word(char: str) -> bool:
    """Not a word character, and no other character a case-insensitive pattern takes for it is one."""
    return not _is_word(char) and (char.isascii() or char.lower() == char.upper())


def _is_word(char: str) -> bool:
    r"""A word character as re's \w and \b see it (str patterns, without re.ASCII)."""
    return char.isalnum() or char == "_"


def _is_ascii_word(char: str) -> bool:
    r"""A word character as re's \w and \b see it with re.ASCII."""
    return char.isascii() and (char.isalnum() or char == "_")


def _foldable(char: str) -> bool:
    """Whether fold() leaves every character a pattern's ``char`` matches as ``char`` in lower case:
    ASCII, or a character without case (€, £, –), which matches only itself."""
    return char.isascii() or char.lower() == char.upper() == char.casefold() == char


def _characters(items: list) -> str | None:
    chars = ""
    for op, av in items:
        if op is _sre.LITERAL and _foldable(chr(av)):
            chars += chr(av)
        elif op is _sre.RANGE and av[1] < 128 and av[1] - av[0] < 16:
            chars += "".join(map(chr, range(av[0], av[1] + 1)))
        elif op is _sre.CATEGORY and av is _sre.CATEGORY_DIGIT:
            chars += "0123456789"  # and other scripts' digits: see Anchored.digit_guard
        else:
            return None
    return "".join(sorted(set(chars.lower()))) if len(chars) <= 16 else None


class Anchored:
    """A compiled pattern with the same ``search`` and ``finditer``, run only where a match can start."""

    def __init__(self, pattern: re.Pattern[str], shipped: bool = True):
        self.pattern = pattern
        key = pattern_key(pattern)
        MADE.setdefault(key, pattern)
        known = _shipped().get(key) if shipped else None
        # Only a shipped pattern is tried an alternative at a time: reading where its alternatives
        # end and what they start with is done by jdgen.lint.analyse_shipped, not on every start.
        self._split: list[tuple[int, tuple[str, ...]]] | None = None
        self._alternatives: Alternatives | None = None
        if known is None:
            tree = _parsed(pattern)
            self.words = leading_words(pattern, tree)
            self._required: tuple[str, ...] | None = None
            self._after: dict[str, tuple[str, ...]] | None = None
        else:
            tree = None
            self.words, self._required, self._after, self._split = known
        self.is_word = _is_ascii_word if pattern.flags & re.ASCII else _is_word
        self.longest_word = max((len(word) for word in self.words or () if word != LINE_START), default=0)
        self.multiline = bool(pattern.flags & re.MULTILINE)
        self.digit_guard = (self.words is not None and not pattern.flags & re.ASCII
                            and any(word[:1].isdigit() for word in self.words))
        self._tree = tree
        self._memo: dict = {}  # _required's answers for the parts of the tree, while it is kept

    # The two answers below are read when first asked, from the parse kept until both are: most
    # rows' words are not in a given posting's texts, and reading every row's took about 0.2 s a
    # process on the 2-core VM (2026-12-06), a tenth of bench_adversarial.py's target.

    @property
    def required(self) -> tuple[str, ...]:
        """:func:`required_words` where it is worth a check of its own: short, and saying more
        than the leading words do. Twelve, not eight: a row whose branches each need one of a few
        words can reach eleven (JD506's sex-as-qualification row, once it read "Gender
        Requirements Male"), and without the check it was tried at every "the" of a text."""
        if self._required is None:
            required = required_words(self.pattern, self._tree, self._memo) if self.words is not None else None
            self._required = (required if required and len(required) <= _MAX_REQUIRED
                              and set(required) != set(self.words) else ())
            self._forget_tree()
        return self._required

    @property
    def required_after(self) -> dict[str, tuple[str, ...]]:
        """:func:`required_after` of the pattern."""
        if self._after is None:
            self._after = required_after(self.pattern, self.words, self._tree, self._memo) if self.words is not None else {}
            self._forget_tree()
        return self._after

    def _forget_tree(self) -> None:
        if self._required is not None and self._after is not None:
            self._tree = None
            self._memo = {}

    def holds(self, folded: str, known: dict[str, bool] | None = None) -> bool:
        """False when the text cannot hold a match: none of the words every match contains is there.
        ``known``: the words already looked for in this text (:class:`AnchoredList` shares it)."""
        return _any_in(self.required, folded, {} if known is None else known)

    def holds_after(self, word: str, folded: str, known: dict[str, bool] | None = None) -> bool:
        """False when no match starting with ``word`` fits the text: none of the words every such
        match holds after it is there (:func:`required_after`)."""
        return _any_in(self.required_after.get(word), folded, {} if known is None else known)

    def plain(self, text: str, other_digits: bool | None = None) -> bool:
        """Whether the pattern is run as it is on ``text``: its start could not be read, or it
        starts with a digit and the text holds a digit the leading words do not name
        (``other_digits``, when the caller has already looked)."""
        return self.words is None or self.digit_guard and (
            _has_other_digits(text) if other_digits is None else other_digits)

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        if self.plain(text):
            return self.pattern.search(text)
        folded = fold(text) if folded is None else folded
        if not self.holds(folded):
            return None
        for start in self._starts(text, folded):
            found = self.match_at(text, folded, start)
            if found:
                return found
        return None

    def match_at(self, text: str, folded: str, start: int) -> re.Match[str] | None:
        """The pattern's ``match(text, start)``, where ``start`` is one of :meth:`starts`."""
        if self._split is None:
            return self.pattern.match(text, start)
        if self._alternatives is None:
            self._alternatives = Alternatives(self.pattern, self._split)
        return self._alternatives.match(text, folded, start)

    def finditer(self, text: str, folded: str | None = None,
                 starts: list[int] | None = None) -> Iterator[re.Match[str]]:
        """The pattern's ``finditer(text)``; ``starts`` as :meth:`starts` gave them, when known."""
        if self.plain(text):
            yield from self.pattern.finditer(text)
            return
        folded = fold(text) if folded is None else folded
        if starts is None:
            starts = self.starts(text, folded)
        end = 0
        for start in starts:
            if start < end:
                continue  # inside the previous match, as finditer goes on from its end
            found = self.match_at(text, folded, start)
            if found:  # never empty: it holds one of the words
                yield found
                end = found.end()

    def starts(self, text: str, folded: str, end: int | None = None) -> list[int]:
        """The places a match could start, in order (for a pattern with leading words); with
        ``end``, only those before it, found in the part of the text that can hold their words."""
        if end is None:
            return self._starts(text, folded) if self.holds(folded) else []
        return [at for at in self._starts(text, folded[:end + self.longest_word], whole=folded) if at < end]

    def _starts(self, text: str, folded: str, present: list[str] | None = None, whole: str | None = None) -> list[int]:
        """Where each leading word present in ``folded`` starts (``whole``: all of the folded
        text, where ``folded`` is only its beginning, for the words a match holds after its start)."""
        starts = []
        for word in [word for word in self.words if word in folded or word == LINE_START] if present is None else present:
            if not self.holds_after(word, folded if whole is None else whole):
                continue
            if word == LINE_START:
                starts += _line_starts(folded) if self.multiline else [0]
                continue
            bounded = self.words[word]
            at = folded.find(word)
            while at >= 0:
                if not (bounded and at and self.is_word(text[at - 1])):
                    starts.append(at)
                at = folded.find(word, at + 1)
        return sorted(set(starts)) if len(starts) > 1 else starts


class Alternatives:
    """A pattern's top-level alternatives (:func:`alternatives`), each compiled when first tried."""

    def __init__(self, pattern: re.Pattern[str], split: list[tuple[int, tuple[str, ...]]]):
        source, flags = pattern.pattern, pattern.flags
        self.patterns: list[re.Pattern[str]] = []
        self.by_first: dict[str, list[tuple[str, int]]] = {}  # first letter -> (word, alternative)
        self.at_line: list[int] = []  # the alternatives that start where a line does
        begin = 0
        for index, (end, words) in enumerate(split):
            self.patterns.append(lazy(source[begin:end], flags))
            begin = end + 1
            for word in words:
                if word == LINE_START:
                    self.at_line.append(index)
                else:
                    self.by_first.setdefault(word[0], []).append((word, index))

    def match(self, text: str, folded: str, start: int) -> re.Match[str] | None:
        """The whole pattern's ``match(text, start)``: the first alternative, in the pattern's order,
        that matches there, of those whose leading words start there (no other can)."""
        tried = {index for word, index in self.by_first.get(folded[start:start + 1], ()) if folded.startswith(word, start)}
        if self.at_line and (start == 0 or folded[start - 1] == "\n"):
            tried.update(self.at_line)
        for index in sorted(tried):
            found = self.patterns[index].match(text, start)
            if found:
                return found
        return None


def _line_starts(folded: str) -> list[int]:
    """Where each line of the text begins: where a pattern anchored with ``^`` under re.MULTILINE
    may match."""
    starts = [0]
    at = folded.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = folded.find("\n", at + 1)
    return starts


def _trie(words: list[str]) -> str:
    """A pattern matching the longest of ``words`` that starts where it is tried: the words'
    common beginnings written once, each branch on its next character, the longer way first.
    As one alternation of the words, ``re`` would try each word in turn at every place."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def written(node: dict) -> str:
        branches = [re.escape(char) + written(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        either = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + either + ")?"
        return either

    return written(root)


class ScanGroup:
    """The leading words of several :class:`AnchoredList` that read the same texts, found in
    one scan of a text for all of them (the language rules' seven word lists each read every
    text of a posting).

    The scan is ``re`` tried at every place of the text: about 70 ns a character whatever the
    number of words, where ``word in folded`` costs about 0.5 ns a character for each word, so
    one list's words (50-290) are found faster one by one; a scan for each list made
    bench_adversarial's finding-per-item slower (1.97 -> 2.2 s), one scan for the seven
    lists' 840 words made it faster (1.99 -> 1.77 s). A scan is kept for the last 4096 texts:
    a rule reads all of a posting's texts (up to 2,000 items) before the next rule does.

    The scan says which words a text holds (``findall``, in C), not where: the places of a
    word are found with ``str.find`` only when a row starting with it may match there (the
    text holds the words the row needs, :meth:`Anchored.holds_after`). Most places a scan
    stops at are "a", "the", "an" and "team", whose rows each need a rarer word; recording
    every place in Python was a third of the language rules' time on bench_adversarial.py's
    item inputs (2026-12-06)."""

    def __init__(self) -> None:
        self.words: dict[str, bool] = {}  # word -> whether some list's row takes it inside a word
        self.generation = 0
        self._scan: list[re.Pattern[str]] | None = None
        self._found = lru_cache(maxsize=4096)(self._scanned)

    def add(self, words: dict[str, bool]) -> None:
        """Words of another list, each with whether one of its rows takes the word inside a word."""
        changed = False
        for word, loose in words.items():
            if word not in self.words or loose and not self.words[word]:
                self.words[word] = self.words.get(word, False) or loose
                changed = True
        if changed:
            self.generation += 1
            self._scan = None

    def found(self, text: str, folded: str) -> tuple[frozenset[str], dict[str, tuple[list[int], list[int]]], dict[str, bool]]:
        """The words of the group that are longest where they start in the folded text (inside
        a word, the longest that some row takes there), a store for :meth:`places`, and one for
        whether the text holds a word (the rows' required words: the lists share many)."""
        return self._found(self.generation, text, folded)

    def _scanned(self, generation: int, text: str,
                 folded: str) -> tuple[frozenset[str], dict[str, tuple[list[int], list[int]]], dict[str, bool]]:
        if self._scan is None:
            # Inside a word (after a letter, digit or _ of the folded text, which is a word
            # character of the original text too) only the words some row takes there are looked
            # for: most places a scan of every word stopped at were an 'a', 's' or 'u' inside a word.
            # Two scans, not one pattern with both branches: each place then tries one lookbehind
            # and one trie, and bench_adversarial.py's item texts scanned in 0.14 s, not 0.22 s.
            loose = [word for word, takes in self.words.items() if takes]
            self._scan = [re.compile(f"(?<![0-9a-z_])(?=({_trie(list(self.words))}))")]
            if loose:
                self._scan.append(re.compile(f"(?<=[0-9a-z_])(?=({_trie(loose)}))"))
        return frozenset(word for scan in self._scan for word in scan.findall(folded)), {}, {}

    @staticmethod
    def places(word: str, text: str, folded: str,
               store: dict[str, tuple[list[int], list[int]]]) -> tuple[list[int], list[int]]:
        """Every place ``word`` starts in the folded text, and those of them that start a word
        of ``text`` (not after a letter, digit or _), kept in ``store`` (the text's, from
        :meth:`found`) for the other lists."""
        known = store.get(word)
        if known is None:
            places, word_starts = [], []
            at = folded.find(word)
            while at >= 0:
                places.append(at)
                before = text[at - 1] if at else " "
                if not (before.isalnum() or before == "_"):  # _is_word, written out: called at every place
                    word_starts.append(at)
                at = folded.find(word, at + 1)
            known = store[word] = (places, word_starts)
        return known


class AnchoredList:
    """Several patterns searched in one text: which of their words it holds is found once for all."""

    def __init__(self, patterns: list[re.Pattern[str]], group: ScanGroup | None = None):
        self.matchers = [Anchored(pattern) for pattern in patterns]
        self.words: dict[str, list[int]] = {}  # word -> the patterns that start with it
        self.unanchored = [index for index, matcher in enumerate(self.matchers) if matcher.words is None]
        self.line_anchored = [index for index, matcher in enumerate(self.matchers) if LINE_START in (matcher.words or ())]
        self.digit_guarded = [index for index, matcher in enumerate(self.matchers) if matcher.digit_guard]
        for index, matcher in enumerate(self.matchers):
            for word in matcher.words or ():
                if word != LINE_START:
                    self.words.setdefault(word, []).append(index)
        self._at: dict[str, tuple] = {}
        self._required: list[tuple[str, ...] | None] = [None] * len(self.matchers)  # None: not read yet
        self._after: list[dict[str, tuple[str, ...]] | None] = [None] * len(self.matchers)
        self.group = group if group is not None else ScanGroup()
        self.group.add({word: any(not self.matchers[index].words[word] or self.matchers[index].is_word is not _is_word
                                  for index in indexes)
                        for word, indexes in self.words.items()})

    def _rows_at(self, longest: str) -> tuple:
        """What a scan's word says of this list's rows: each row one of whose words it begins
        with, as (row, ((that word, its word-start test: None where the row takes the word
        anywhere), ...))."""
        rows = self._at.get(longest)
        if rows is None:
            words: dict[int, list[tuple[str, object]]] = {}
            # The list's words it begins with, looked up by its beginnings: a startswith of each
            # list word for each scanned word cost about 0.03 s a lint process.
            for word in (longest[:length] for length in range(1, len(longest) + 1)):
                for index in self.words.get(word, ()):
                    matcher = self.matchers[index]
                    words.setdefault(index, []).append((word, matcher.is_word if matcher.words[word] else None))
            rows = self._at[longest] = tuple((index, tuple(found)) for index, found in sorted(words.items()))
        return rows

    def _present(self, folded: str, other_digits: bool = False) -> dict[int, list[str]]:
        """The patterns that may match the folded text, each with its leading words found there;
        the patterns without leading words are always candidates, and so are those that start
        with a digit when the text holds another script's digit (they are run as they are)."""
        present: dict[int, list[str]] = {index: [] for index in self.unanchored}
        if other_digits:
            present.update((index, []) for index in self.digit_guarded)
        for index in self.line_anchored:
            present[index] = [LINE_START]
        for word in [word for word in self.words if word in folded]:
            for index in self.words[word]:
                present.setdefault(index, []).append(word)
        return present

    def search_each(self, text: str) -> list[tuple[int, re.Match[str]]]:
        """(index, match) of each pattern whose ``search(text)`` finds something, in the patterns' order."""
        folded = fold(text)
        other_digits = _has_other_digits(text)
        present = self._present(folded, other_digits)
        found = []
        for index in sorted(present):
            matcher = self.matchers[index]
            if matcher.plain(text, other_digits):
                match = matcher.pattern.search(text)
            elif not matcher.holds(folded):
                continue
            else:
                match = None
                for start in matcher._starts(text, folded, present[index]):
                    match = matcher.match_at(text, folded, start)
                    if match:
                        break
            if match:
                found.append((index, match))
        return found

    def _candidates(self, text: str, folded: str, other_digits: bool) -> dict[int, list[int] | None]:
        """Each pattern that may match, with the places its match may start (as
        :meth:`Anchored._starts` gives them), or None for a pattern run as it is; a pattern
        that does not :meth:`Anchored.holds` the text is left out.

        Which words the text holds comes from the group's one scan (:class:`ScanGroup`), not
        from an ``in`` test for each word (:meth:`_present`): those tests, about 840 a text
        over the seven word lists, were most of the language rules' time on
        bench_adversarial.py's item inputs (finding-per-item 1.99 -> 1.77 s). The scan gives
        at each place the longest word starting there; every shorter word of the list that
        starts there is a prefix of it (``_rows_at``), so the words found are those the ``in``
        tests find, less words found only inside other words where no row takes them (which
        the word-start test would drop), and their places and word-start tests are those of
        :meth:`Anchored._starts`."""
        candidates: dict[int, list[int] | None] = {index: None for index in self.unanchored}
        if other_digits:
            candidates.update((index, None) for index in self.digit_guarded)
        holds: dict[int, bool] = {}
        if self.words:
            found, store, held = self.group.found(text, folded)
            rows: dict[int, set[tuple[str, object]]] = {}
            for longest in found:
                for index, listed in self._rows_at(longest):
                    rows.setdefault(index, set()).update(listed)
            places = self.group.places
            for index, listed in rows.items():
                if candidates.get(index, ()) is None or not self._holds(index, folded, holds, held):
                    continue
                after = self._required_after(index)
                starts: list[int] = []
                for word, check in listed:
                    if not _any_in(after.get(word), folded, held):
                        continue
                    at, word_starts = places(word, text, folded, store)
                    if check is None:
                        starts += at
                    elif check is _is_word:
                        starts += word_starts
                    else:
                        starts += [start for start in at if not (start and check(text[start - 1]))]
                if starts:
                    candidates[index] = starts
        else:
            held = {}
        lines = None
        for index in self.line_anchored:
            if candidates.get(index, ()) is None or not self._holds(index, folded, holds, held):
                continue
            if not _any_in(self._required_after(index).get(LINE_START), folded, held):
                continue
            if lines is None:
                lines = _line_starts(folded)
            candidates.setdefault(index, []).extend(lines if self.matchers[index].multiline else (0,))
        for index, starts in candidates.items():
            if starts is not None and len(starts) > 1:
                candidates[index] = sorted(set(starts))
        return candidates

    # Each row's required words, read off its matcher once a list: the property, the method and
    # the helper behind Anchored.holds were three calls a row a text, about 100,000 calls on
    # bench_adversarial.py's item inputs.

    def _holds(self, index: int, folded: str, known: dict[int, bool], words: dict[str, bool]) -> bool:
        """:meth:`Anchored.holds`, asked once a text for each row; ``words``: the text's store
        of which words it holds (:meth:`ScanGroup.found`)."""
        held = known.get(index)
        if held is None:
            required = self._required[index]
            if required is None:
                required = self._required[index] = self.matchers[index].required
            held = known[index] = _any_in(required, folded, words)
        return held

    def _required_after(self, index: int) -> dict[str, tuple[str, ...]]:
        after = self._after[index]
        if after is None:
            after = self._after[index] = self.matchers[index].required_after
        return after

    def finditer_each(self, text: str) -> list[tuple[int, int, re.Match[str]]]:
        """(start, index, match) of every match of every pattern, as each pattern's ``finditer``
        finds them, in text order (ties in the patterns' order)."""
        folded = fold(text)
        other_digits = _has_other_digits(text)
        found = []
        for index, starts in sorted(self._candidates(text, folded, other_digits).items()):
            matcher = self.matchers[index]
            matches = matcher.pattern.finditer(text) if starts is None else matcher.finditer(text, folded, starts)
            found += [(match.start(), index, match) for match in matches]
        return sorted(found, key=lambda item: item[:2])


def _any_in(words: tuple[str, ...] | None, folded: str, known: dict[str, bool]) -> bool:
    """Whether the folded text holds one of ``words`` (True for none at all), each looked for
    once: ``known`` is the text's."""
    if not words:
        return True
    for word in words:
        held = known.get(word)
        if held is None:
            held = known[word] = word in folded
        if held:
            return True
    return False


class AnchoredLater:
    """:class:`Anchored`, built only once a process has used the pattern enough to pay for building it.

    Reading a pattern's words takes 1-6 ms (the years pattern is the slowest); a command that
    reads a few short texts, such as ``jdgen render`` with one posting's qualifications, spent
    more on that than the pattern itself takes on them (15-40 µs a text). So the pattern runs
    as it is, with the same matches (see :class:`Anchored`), on the first ``after`` texts of
    at most ``short`` characters; a longer text, where the pattern alone would take about a
    microsecond a character, has it built at once.
    """

    def __init__(self, pattern: re.Pattern[str], after: int = 128, short: int = 1000):
        self.pattern = pattern
        MADE.setdefault(pattern_key(pattern), pattern)
        self._left = after
        self._short = short
        self._anchored: Anchored | None = None

    def _built(self, text: str) -> Anchored | None:
        if self._anchored is None:
            self._left -= 1
            if self._left >= 0 and len(text) <= self._short:
                return None
            self._anchored = Anchored(self.pattern)
        return self._anchored

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        anchored = self._built(text)
        return self.pattern.search(text) if anchored is None else anchored.search(text, folded)

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        anchored = self._built(text)
        return self.pattern.finditer(text) if anchored is None else anchored.finditer(text, folded)
