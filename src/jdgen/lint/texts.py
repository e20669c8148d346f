"""The prose of a posting, each piece with the YAML line it came from.

Text rules (placeholders, experience, inclusive language, length) read these pieces
instead of the rendered posting, so a finding points at the line a person edits — in
the profile, or in the company file that added or changed the text.

:func:`posting_texts` is everything the posting's records hold, seed text and story included;
:func:`printed_texts` is the part a candidate reads: the opening the posting chose, each printed
item's printed wording (its ``posting:`` wording when it has one), and the company's printed
fields. Rules that judge the posting as a reader would (the review rules) read the latter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from ..compose.posting import Posting
from ..diagnostics import Location
from ..catalog.models import COMPONENT_LISTS
from ..catalog.yaml_source import JsonPath, SourceDoc
from .locate import find
from .registry import Hit


@dataclass(frozen=True)
class Text:
    text: str
    field: str              # e.g. "qualifications", "summary", "story.who", "benefits", "eeo.statement"
    location: Location
    doc: SourceDoc | None
    lines: tuple[int, ...]
    from_company: bool = False
    is_eeo: bool = False
    # A posting file's text (lint/posting_files.py): the documents.Piece it was read from, which
    # maps an offset in the text back to the file; a catalog text is found in its YAML instead.
    piece: Any = None

    def hit(self, message: str, hint: str | None = None, location: Location | None = None,
            severity: str | None = None) -> Hit:
        return Hit(location or self.location, message, hint, self.doc, self.lines, severity)

    def locate(self, fragment: str, nth: int = 0) -> Location:
        """Where the ``nth`` place (0: the first) of ``fragment`` in this text is written: its own line
        and column when it can be found in the value as written (see :mod:`.locate`), else the
        value's position."""
        if self.piece is not None and fragment:
            start = -1
            for _ in range(nth + 1):
                start = self.text.find(fragment, start + 1)
                if start < 0:
                    return self.location
            return self.piece.locate(start, start + len(fragment))
        if self.doc is None or not fragment:
            return self.location
        found = find(self.doc, self.location.line, self.location.col, fragment, nth)
        return Location(self.location.file, *found) if found else self.location

    def places(self) -> "Places":
        return Places(self)


class Places:
    """Locates matches in one :class:`Text` by their offsets, each at its own place as written.

    A match at offset N of fragment F is F's k-th place, k being how often F is written before N.
    Matches come in offset order, so each count goes on from where the last one of the same
    fragment stopped: every match located costs time for the text between it and the one before,
    not for the whole text again.
    """

    def __init__(self, text: Text):
        self.text = text
        self._counted: dict[str, tuple[int, int]] = {}  # fragment -> (counted up to, places before it)

    def at(self, start: int, fragment: str) -> Location:
        piece = self.text.piece
        if piece is not None and fragment:
            # A posting file's text maps offsets to the file itself: no counting, and no search
            # from the start for the k-th place, which made a long text's matches quadratic.
            return piece.locate(start, start + len(fragment))
        upto, count = self._counted.get(fragment, (0, 0))
        if start < upto:  # out of order (overlapping matches): count again from the start
            upto, count = 0, 0
        count += self.text.text.count(fragment, upto, start)
        self._counted[fragment] = (start + len(fragment), count + 1)
        return self.text.locate(fragment, count)


STORY_FIELDS = (("who",), ("problem", "external"), ("problem", "internal"), ("problem", "why_it_matters"),
                ("stakes",), ("success",))


def posting_texts(posting: Posting) -> tuple[Text, ...]:
    """Every piece of prose in the posting, profile first, then what the company adds.

    Built once per posting and kept on it: a dozen rules read the same texts.
    """
    cached = posting.__dict__.get("_lint_texts")
    if cached is None:
        cached = tuple(text for text in _collect(posting) if text is not None)
        posting.__dict__["_lint_texts"] = cached  # frozen dataclass: cache beside the fields, not through them
    return cached


def checked_once(posting: Posting) -> tuple[Text, ...]:
    """The texts a text rule needs to read in this posting: in a company's posting only what the
    company wrote, because the profile's own text is read in its generic posting.

    Kept on the posting as posting_texts is: half a dozen rules ask, and a company's posting of a
    profile with thousands of items would otherwise be walked through once per rule.
    """
    return _company_written(posting, "_lint_checked", posting_texts)


# Fields of posting_texts that a posting prints as they are (the shipped template, and the context
# it is given, print each of them); the opening and the list items are chosen in printed_texts.
PRINTED_AS_IS = frozenset({"title", "story.success", "sections", "team.about", "team.reports_to", "hiring_process",
                           "apply_anyway", "company.about", "benefits", "other_compensation",
                           "apply.instructions", "eeo.statement", "eeo.accommodation", "eeo.additional"})


@dataclass(frozen=True)
class PrintedItem:
    """A list item the posting prints, with the Text of the wording it prints."""
    name: str
    index: int
    item: object
    text: Text


def printed_items(posting: Posting) -> tuple[PrintedItem, ...]:
    """The list items the posting prints, in the order it prints them (render's own choice, so an
    item with ``in_posting: false`` or one dropped as a repeat is not here), each located at the
    YAML value that holds its printed wording: ``posting:`` when it has one, else ``text``."""
    cached = posting.__dict__.get("_lint_printed_items")
    if cached is None:
        from ..render.context import printed_items as render_order

        found = []
        for name, index, item, _ in render_order(posting.profile):
            key = "posting" if item.posting else "text"
            text = _merged(posting, (name, index, key), name, item.posting or item.text)
            if text is not None:
                found.append(PrintedItem(name, index, item, text))
        cached = posting.__dict__["_lint_printed_items"] = tuple(found)
    return cached


def _opening(posting: Posting) -> Iterator[Text | None]:
    """The texts the posting opens with, chosen as render.context.opening chooses."""
    p = posting.profile
    if p.opening:
        yield _merged(posting, ("opening",), "opening", p.opening)
        return
    problem = p.story.problem if p.story and p.story.problem else None
    parts = [(key, getattr(problem, key)) for key in ("external", "why_it_matters")] if problem else []
    told = [(key, value) for key, value in parts if value and value.strip()]
    if not told:
        yield _merged(posting, ("summary",), "summary", p.summary)
    for key, value in told:
        yield _merged(posting, ("story", "problem", key), f"story.problem.{key}", value)


def printed_texts(posting: Posting) -> tuple[Text, ...]:
    """What a candidate reads in the posting: the title, the opening, the printed wording of the
    printed items, and the other texts the posting prints; kept on the posting like posting_texts."""
    cached = posting.__dict__.get("_lint_printed")
    if cached is None:
        texts = posting_texts(posting)
        found = [t for t in texts if t.field == "title"]
        found += [t for t in _opening(posting) if t is not None]
        found += [entry.text for entry in printed_items(posting)]
        found += [t for t in texts if t.field in PRINTED_AS_IS and t.field != "title"]
        cached = posting.__dict__["_lint_printed"] = tuple(found)
    return cached


def printed_once(posting: Posting) -> tuple[Text, ...]:
    """printed_texts as checked_once narrows posting_texts: in a company's posting only what the
    company wrote, since the profile's own printed text is read in its generic posting."""
    return _company_written(posting, "_lint_printed_once", printed_texts)


def _company_written(posting: Posting, key: str, texts_of) -> tuple[Text, ...]:
    """``texts_of(posting)``, in a company's posting only the texts the company wrote; kept on the
    posting under ``key``."""
    cached = posting.__dict__.get(key)
    if cached is None:
        texts = texts_of(posting)
        cached = texts if posting.company is None else tuple(text for text in texts if text.from_company)
        posting.__dict__[key] = cached
    return cached


def _collect(posting: Posting) -> Iterator[Text | None]:
    p = posting.profile
    yield _merged(posting, ("title",), "title", p.title)
    yield _merged(posting, ("summary",), "summary", p.summary)
    if p.opening:
        yield _merged(posting, ("opening",), "opening", p.opening)
    if p.story:
        for path in STORY_FIELDS:
            node = p.story
            for part in path:
                node = getattr(node, part, None) if node is not None else None
            if isinstance(node, str):
                yield _merged(posting, ("story", *path), "story." + ".".join(path), node)
        for i, step in enumerate(p.story.plan):
            yield _merged(posting, ("story", "plan", i), "story.plan", step)
    for name in COMPONENT_LISTS:
        yield from _list_items(posting, name, getattr(p, name))
    for i, section in enumerate(posting.sections):
        yield _merged(posting, ("sections", i, "text"), "sections", section.text)
        if section.body:
            yield _merged(posting, ("sections", i, "body"), "sections", section.body)
        for j, point in enumerate(section.items):
            yield _merged(posting, ("sections", i, "items", j), "sections", point)
    company, doc = posting.company, posting.company_doc
    if company is None or doc is None:
        return
    if posting.team:
        for key in ("about", "reports_to"):
            value = getattr(posting.team, key)
            if value:
                yield _merged(posting, ("team", key), f"team.{key}", value)
    for i, step in enumerate(company.hiring_process):
        yield _own(doc, ("hiring_process", i), "hiring_process", step)
    if company.apply_anyway:
        yield _own(doc, ("apply_anyway",), "apply_anyway", company.apply_anyway)
    if company.company.about:
        yield _own(doc, ("company", "about"), "company.about", company.company.about)
    for key in ("benefits", "other_compensation"):
        for i, text in enumerate(getattr(company, key)):
            yield _own(doc, (key, i), key, text)
    if company.apply and company.apply.instructions:
        yield _own(doc, ("apply", "instructions"), "apply.instructions", company.apply.instructions)
    if company.eeo:
        for key in ("statement", "accommodation"):
            value = getattr(company.eeo, key)
            if value:
                yield _own(doc, ("eeo", key), f"eeo.{key}", value, is_eeo=True)
        for i, text in enumerate(company.eeo.additional):
            yield _own(doc, ("eeo", "additional", i), "eeo.additional", text, is_eeo=True)


def source_doc(posting: Posting, file: str) -> SourceDoc | None:
    """The document of the posting that ``file`` names: the company's, the translation's
    (a posting in another language prints the profile's text from there), else the profile's."""
    for doc in (posting.company_doc, getattr(posting, "translation_doc", None)):
        if doc is not None and doc.file == file:
            return doc
    return posting.profile_doc


# Texts are remembered on the documents they come from, and handed out again to the next posting
# that holds the very same pieces: a profile is composed generic and once per company, and each of
# those postings holds the profile's Location objects and strings themselves (merge copies
# references), so all but the company's own texts repeat; a company's own texts repeat in every
# profile's posting. A remembered Text is reused only when every input it was built from is the
# same object (its location, its text, its document, the item's start, from_company), so the
# result is the Text that building it again would give. Each list kind (list items, merged paths,
# company-owned texts) has its own memo: rules compare texts by identity within one posting
# (review.py's conflicting_experience), and a list item must stay a different object from the
# printed item that has the same place, as it was.
_ITEMS, _MERGED = "_lint_item_texts", "_lint_merged_texts"


def _memo(doc: SourceDoc | None, kind: str) -> dict:
    if doc is None:
        return {}
    found = doc.__dict__.get(kind)
    if found is None:
        found = doc.__dict__[kind] = {}
    return found


def _list_items(posting: Posting, name: str, items: list) -> Iterator[Text]:
    """_merged for (name, i, "text") of every item, written out: profiles may list thousands."""
    provenance, company_doc, profile_doc = posting.provenance, posting.company_doc, posting.profile_doc
    company_file = company_doc.file if company_doc else None
    memo = _memo(profile_doc, _ITEMS)
    for i, item in enumerate(items):
        location = provenance.get((name, i, "text"))
        if location is None:
            continue
        doc = company_doc if location.file == company_file else profile_doc
        start = provenance.get((name, i))
        known = memo.get(id(location))
        if known is not None and known[0] is start and _same(known[1], item.text, name, location, doc, company_doc):
            yield known[1]
        else:
            lines = (location.line,)
            if start is not None and start.file == location.file and start.line != location.line:
                lines = (start.line, location.line) if start.line < location.line else (location.line, start.line)
            made = Text(item.text, name, location, doc, lines, from_company=doc is company_doc)
            memo[id(location)] = (start, made)
            yield made
        # The wording postings print in place of the text is read as the same list's prose.
        wording = provenance.get((name, i, "posting")) if item.posting else None
        if wording is not None:
            doc = source_doc(posting, wording.file)
            known = memo.get(id(wording))
            if known is not None and known[0] is None and _same(known[1], item.posting, name, wording, doc, company_doc):
                yield known[1]
            else:
                made = Text(item.posting, name, wording, doc, (wording.line,), from_company=doc is company_doc)
                memo[id(wording)] = (None, made)
                yield made


def _same(known: Text, text: str, field: str, location, doc, company_doc) -> bool:
    """Whether ``known`` is the Text these inputs would build (identity, not equality, of each)."""
    return (known.text is text and known.location is location and known.doc is doc and known.field == field
            and known.from_company == (doc is company_doc))


def _merged(posting: Posting, path: JsonPath, field: str, text: str) -> Text | None:
    provenance = posting.provenance
    location = provenance.get(path)
    if location is None:
        return None
    doc = source_doc(posting, location.file)
    item = None
    for depth in range(len(path), 0, -1):
        if isinstance(path[depth - 1], int):
            item = provenance.get(path[:depth])
            break
    memo = _memo(posting.profile_doc, _MERGED)
    known = memo.get(id(location))
    if known is not None and known[0] is item and _same(known[1], text, field, location, doc, posting.company_doc):
        return known[1]
    lines = {location.line}
    if item is not None and item.file == location.file:
        lines.add(item.line)
    made = Text(text, field, location, doc, tuple(sorted(lines)), from_company=doc is posting.company_doc)
    memo[id(location)] = (item, made)
    return made


def _own(doc: SourceDoc, path: JsonPath, field: str, text: str, *, is_eeo: bool = False) -> Text:
    memo = _memo(doc, "_lint_own_texts")
    known = memo.get(path)
    if known is not None and known.text is text and known.field == field and known.is_eeo == is_eeo:
        return known
    location = doc.where(path)
    lines = {location.line}
    if isinstance(path[-1], int):
        lines.add(location.line)
    made = memo[path] = Text(text, field, location, doc, tuple(sorted(lines)), from_company=True, is_eeo=is_eeo)
    return made
