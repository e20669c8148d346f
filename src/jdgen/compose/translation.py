"""The profile's text in the posting's language: which texts need translating, and which entry translates each.

A posting is written in its company's language (``company.locale.language``). When that is
not the language profiles are written in (English), each text the posting prints *from the
profile* is replaced by its translation from ``translations/LANGUAGE/CODE.yaml``
(:mod:`jdgen.catalog.translations`). Text the company wrote (its title, opening, added
items, sections) is the company's own and is printed as written: a company publishing in
German writes its overrides in German.

**What is translated** is what a posting prints from a profile (:func:`printed_slots`): the
title, the opening paragraph as render chooses it (the opening, else the story's external
problem and why it matters, else the summary), the story's success, and every item of the
printed lists (responsibilities, qualifications, skills, knowledge, tools) that is not
``in_posting: false``, in the wording render prints (its ``posting:`` wording when it has
one, else its ``text``). The seed's items are no exception: their source stays verbatim in
the profile, their translation is the translation of what the posting prints. Nothing else
of a profile reaches a posting, so nothing else is asked for.

**How entries are matched to texts.** A text with one place in the profile (title, opening,
summary, story parts) has one place in the translation file too, so its entry is found by
place, and a hash that differs means the English changed since it was translated: the
entry is *stale*. Items of a list are matched by hash, whatever their order: moving an item
up, or a company removing one, changes nothing. What is left over in a list after that is
paired in order, entry to text: an item whose English was edited in place leaves one of
each, which is the usual case, and the pair is reported as stale with the new English.
Entries still left are *orphans* (their text is gone from the profile) and texts still left
are *missing*. Pairing leftovers by order can pair an entry with the wrong text when one
change removes an item and edits another, but what to do is then the same: translate the
text as it reads now.

**What a posting prints.** Only *current* entries (hash equal to the text's, with a text)
are used. A stale translation may state a requirement the English no longer makes (other
years, another degree), so the posting prints the English instead, as it does for a text
with no entry, and lint reports both as errors (JD801, JD802), which keeps ``jdgen render``
from writing such a posting unless ``--allow-errors`` is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..catalog.loading import Loaded
from ..catalog.translation_models import TranslatedText, Translation
from ..catalog.translations import LISTS, SOURCE_LANGUAGE, text_hash
from ..catalog.yaml_source import JsonPath, SourceDoc

# Texts with one place in a profile, in the order a posting prints them.
SINGLES: tuple[JsonPath, ...] = (("title",), ("opening",), ("story", "problem", "external"),
                                 ("story", "problem", "why_it_matters"), ("summary",), ("story", "success"))


@dataclass(frozen=True)
class Slot:
    """One text of a profile that postings print."""

    path: JsonPath      # where the text is in the profile's data, e.g. ("responsibilities", 2, "posting")
    key: JsonPath       # where its entry is in a translation file: ("title",), ("story", "success"), ("skills",)
    text: str

    @property
    def hash(self) -> str:
        return text_hash(self.text)

    @property
    def is_item(self) -> bool:
        return self.key[0] in LISTS

    @property
    def field(self) -> str:
        """How messages name it: ``title``, ``story.success``, ``responsibilities``."""
        return ".".join(self.key)

    @property
    def printed_at(self) -> JsonPath:
        """Where compose puts the translation: an item's ``posting`` wording, else the text's own place."""
        return self.path[:2] + ("posting",) if self.is_item else self.path


@dataclass(frozen=True)
class Pairing:
    """A printed text and the entry that translates it (None: no entry), at ``at`` in the file."""

    slot: Slot
    entry: TranslatedText | None = None
    at: JsonPath | None = None

    @property
    def state(self) -> str:
        """``current``, ``untranslated`` (an entry with no text yet), ``stale`` or ``missing``."""
        if self.entry is None:
            return "missing"
        if self.entry.source != self.slot.hash:
            return "stale"
        return "current" if self.entry.text is not None else "untranslated"


@dataclass(frozen=True)
class TranslationUse:
    """How a posting in another language got its profile text, for lint to report on."""

    language: str
    code: str
    file: str                        # the translation's path in the catalog, e.g. translations/de/X.yaml
    doc: SourceDoc | None            # None: the catalog has no such file
    pairings: tuple[Pairing, ...]    # one per text the posting prints from the profile

    @property
    def untranslated(self) -> tuple[Pairing, ...]:
        return tuple(p for p in self.pairings if p.state != "current")


def printed_slots(data: dict[str, Any]) -> list[Slot]:
    """Every text of profile ``data`` that a posting prints, as render chooses them (see the module docstring)."""
    slots = []
    if _text(data.get("title")):
        slots.append(Slot(("title",), ("title",), data["title"]))
    story = data.get("story") if isinstance(data.get("story"), dict) else {}
    if _text(data.get("opening")):
        slots.append(Slot(("opening",), ("opening",), data["opening"]))
    else:
        problem = story.get("problem") if isinstance(story.get("problem"), dict) else {}
        told = [key for key in ("external", "why_it_matters") if _text(problem.get(key))]
        slots += [Slot(("story", "problem", key), ("story", "problem", key), problem[key]) for key in told]
        if not told and _text(data.get("summary")):
            slots.append(Slot(("summary",), ("summary",), data["summary"]))
    if _text(story.get("success")):
        slots.append(Slot(("story", "success"), ("story", "success"), story["success"]))
    for name in LISTS:
        for index, item in enumerate(data.get(name) or ()):
            if not isinstance(item, dict) or item.get("in_posting") is False:
                continue
            key = "posting" if _text(item.get("posting")) else "text"
            if _text(item.get(key)):
                slots.append(Slot((name, index, key), (name,), item[key]))
    return slots


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def pair(slots: list[Slot], translation: Translation | None) -> tuple[list[Pairing], list[tuple[JsonPath, TranslatedText]]]:
    """Each slot with its entry, and the entries no slot has (orphans, with their paths in the file)."""
    if translation is None:
        return [Pairing(slot) for slot in slots], []
    found: dict[Slot, Pairing] = {}
    orphans: list[tuple[JsonPath, TranslatedText]] = []
    for key in SINGLES:
        entry = _entry(translation, key)
        slot = next((s for s in slots if s.key == key), None)
        if entry is not None and slot is not None:
            found[slot] = Pairing(slot, entry, key)
        elif entry is not None:
            orphans.append((key, entry))
    for name in LISTS:
        entries = getattr(translation, name)
        by_hash: dict[str, int] = {}
        for index, entry in enumerate(entries):
            by_hash.setdefault(entry.source, index)
        used: set[int] = set()
        left: list[Slot] = []
        for slot in (s for s in slots if s.key == (name,)):
            index = by_hash.get(slot.hash)
            if index is None:
                left.append(slot)
            else:
                used.add(index)
                found[slot] = Pairing(slot, entries[index], (name, index))
        spare = [index for index in range(len(entries)) if index not in used]
        for slot, index in zip(left, spare):
            found[slot] = Pairing(slot, entries[index], (name, index))
        orphans += [((name, index), entries[index]) for index in spare[len(left):]]
    return [found.get(slot) or Pairing(slot) for slot in slots], orphans


def _entry(translation: Translation, key: JsonPath) -> TranslatedText | None:
    node: Any = translation
    for part in key:
        node = getattr(node, part, None) if node is not None else None
    return node


def posting_language(company) -> str:
    """The language a company's postings are written in: its ``locale.language``, else English."""
    locale = company.company.locale if company is not None else None
    return locale.language if locale is not None and locale.language else SOURCE_LANGUAGE


def translate(merged: dict[str, Any], provenance: dict, profile_file: str, language: str, code: str,
              file: str, translation: Loaded[Translation] | None) -> tuple[dict[str, Any], dict, TranslationUse]:
    """``merged`` with every text from the profile file that has a current translation replaced by it.

    Returns new data and provenance (the inputs are not changed): a replaced text is located
    at its entry's ``text`` in the translation file, so findings about the words a posting
    prints point where those words are written.
    """
    slots = [slot for slot in printed_slots(merged)
             if (where := provenance.get(slot.path)) is not None and where.file == profile_file]
    pairings, _ = pair(slots, translation.model if translation is not None else None)
    out, located = merged, dict(provenance)
    for pairing in pairings:
        if pairing.state != "current":
            continue
        place = pairing.slot.printed_at
        out = _set(out, place, pairing.entry.text)
        located[place] = translation.doc.where(pairing.at + ("text",))
    use = TranslationUse(language, code, file, translation.doc if translation is not None else None, tuple(pairings))
    return out, located, use


def _set(data: Any, path: JsonPath, value: str) -> Any:
    """A copy of ``data`` with ``value`` at ``path``; only the containers on the way are copied."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, list):
        copy = list(data)
        copy[head] = _set(copy[head], rest, value)
        return copy
    copy = dict(data)
    copy[head] = _set(copy.get(head), rest, value)
    return copy
