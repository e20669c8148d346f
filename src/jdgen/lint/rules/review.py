"""What a posting reviewer checks before a posting goes out: catalog notes and internal codes in the
text, the same item under two headings, years that disagree, headings with nothing under them,
responsibilities that do not say what the person does, and pay missing from the first screen.

Every rule judges what the posting prints, not the catalog record behind it: the opening the
posting chose (not a summary it does not print), the ``posting:`` wording of an item that has one,
and no item the posting leaves out (``in_posting: false``, or dropped as a repeat); findings point
at the YAML value that holds the printed wording. The word lists are in ``jdgen/data/review.yaml`` (sources there). Every rule here is one pass over
the posting's texts or its rendered Markdown, with dictionaries instead of pairwise comparison, so
each stays linear in its input.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Iterator

from ..anchors import Anchored, AnchoredList
from ..data import _load
from ..experience import YearsClaim, find_years_claims
from ..hits import company_hit, posting_hit
from ..jurisdictions import applicable_laws
from ..registry import Example, Hit, rule
from ..rendered import own_page_template, rendered_markdown
from ..texts import Text, printed_items, printed_once, printed_texts

# The lists a posting prints, in the order it prints them (tasks and competencies are not printed).
PRINTED_LISTS = ("responsibilities", "qualifications", "skills", "knowledge", "tools")
# Printed texts where a years requirement is stated: the opening (whichever text the posting opens
# with), the lists and the company's sections.
YEARS_FIELDS = frozenset({"summary", "opening", "story.problem.external", "story.problem.why_it_matters",
                          "qualifications", "skills", "knowledge", "responsibilities", "sections"})


@cache
def _table() -> dict:
    return _load("review.yaml")


# --- JD207 ---------------------------------------------------------------------------------------

@cache
def _commentary() -> tuple[AnchoredList, tuple[str, ...]]:
    rows = _table()["commentary"]
    return (AnchoredList([re.compile(row["pattern"], re.IGNORECASE) for row in rows]),
            tuple(" ".join(row["message"].split()) for row in rows))


# A whole role code (FUNCTION.FOCUS.LEVEL, as the schema spells codes), anywhere.
_ROLE_CODE = re.compile(r"(?<![\w.])[A-Z][A-Z0-9]{1,9}\.[A-Z][A-Z0-9]{1,9}\.[A-Z]\d{1,2}(?![\w])")
# What every role code holds, found with no look-behind at each character: texts without it are skipped.
_ROLE_CODE_DOT = re.compile(r"[A-Z0-9]\.[A-Z]")


def _level_code_pattern(ctx) -> Anchored | None:
    """The ladder's level codes where they are used as levels ("Level P4", "P4 represents"): alone,
    "S3" or "M1" is as likely a storage service or a chip, so a code needs a level word beside it."""
    found = ctx.__dict__.get("_review_level_codes", False)
    if found is False:
        # Longest first, so that P1 does not take the start of P10; then by code, so that the
        # pattern is the same in every process (and found in compose/anchor_facts.json).
        codes = sorted({level.code for level in ctx.catalog.ladder.levels}, key=lambda code: (-len(code), code))
        found = None
        if codes:
            alternatives = "|".join(map(re.escape, codes))
            found = Anchored(re.compile(
                rf"(?i:level|grade|band|rung)\s+(?P<after>{alternatives})\b"
                rf"|\b(?P<before>{alternatives})\s+(?i:level|grade|band|rung|represents|means|roles?|positions?|titles?)\b"))
        ctx.__dict__["_review_level_codes"] = found
    return found


@rule("JD207", "catalog-commentary", severity="warning", target="posting", documents=True,
      summary="Candidate-facing text talks about the catalog or the level ('P4 represents ...', 'often aligns "
              "with a Senior ... title', 'This level ...'), or prints an internal code (AIMLAM.GEN.P4, 'Level P4').",
      why="A level note is written for the people who keep the job architecture; in a posting it tells the "
          "candidate nothing about the work and shows them an internal grade they cannot map to anything. The "
          "canonical seed record's summary is such a note ('P4 represents an advanced level of expertise and "
          "often aligns with a Senior ... title'). Only what the posting prints is read: its opening (the "
          "`opening`, else the story's problem and why it matters, else the summary, which is then printed), "
          "the printed wording of the items it prints (`posting:` when given), and the company's texts; a "
          "summary the posting does not print is the catalog's business. Role codes are always reported; a "
          "level code only beside a level word ('Level P4', 'P4 represents'), since alone 'S3' or 'M1' is as "
          "likely a product name. Phrases and sources: jdgen/data/review.yaml. The generic posting's own "
          "'Level P4' meta line is the template's, not the text's, and is not read.",
      bad=Example(profile="opening: P4 represents an advanced level of expertise and often aligns with a Senior "
                          "Machine Learning Engineer title or technical lead position.\n"),
      good=Example(profile="opening: You will lead the machine-learning work behind one of our products, from "
                           "the first prototype to the model in production.\n"))
def catalog_commentary(ctx, posting, options) -> Iterator[Hit]:
    matchers, messages = _commentary()
    level_codes = _level_code_pattern(ctx)
    for text in printed_once(posting):
        if text.is_eeo:
            continue
        for index, match in matchers.search_each(text.text):
            phrase = match.group(0)
            yield text.hit(f"{text.field} {messages[index]}: {phrase!r}",
                           "say what the person will do and why it matters; keep level notes in the ladder or "
                           "a YAML comment", text.locate(phrase))
        code = (_ROLE_CODE_DOT.search(text.text) and _ROLE_CODE.search(text.text)) or \
            (level_codes.search(text.text) if level_codes else None)
        if code:
            name = code.group(0) if code.re is _ROLE_CODE else code["after"] or code["before"]
            yield text.hit(f"{text.field} prints the internal code {name!r}",
                           "leave internal codes out of what candidates read; a reference for applicants goes "
                           "in requisition_id", text.locate(code.group(0)))


# --- JD107 ---------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:\+\+|#)?")  # keeps C++ and C# apart from C
_SEPARATORS = re.compile(r"[,;/&()]|\b(?:or|and)\b", re.IGNORECASE)
_FILLER = frozenset({"etc", "e", "g", "eg", "similar", "other", "others", "equivalent", "related", "the", "a", "an"})


@lru_cache(maxsize=65536)
def _key(text: str) -> frozenset[str]:
    """An item's words, any case and order (JD101's idea, with C++ and C# kept whole)."""
    return frozenset(_TOKEN.findall(text.casefold()))  # one casefold for the text, not one per word


@cache
def _lead_ins() -> tuple[str, ...]:
    return tuple(sorted((" ".join(p.split()).casefold() for p in _table()["lead_in"]), key=len, reverse=True))


@lru_cache(maxsize=65536)
def _terms(text: str) -> tuple[frozenset[str], ...]:
    """The things an item names: "Programming in R, Java or C++" names R, Java and C++."""
    folded = " ".join(text.split()).casefold()
    for lead in _lead_ins():
        if folded.startswith(lead + " "):
            folded = folded[len(lead) + 1:]
            break
    terms = []
    for part in _SEPARATORS.split(folded):
        key = frozenset(_key(part) - _FILLER)
        if key:
            terms.append(key)
    return tuple(terms)


# An item that names things ("R, Java or C++", "Python and SQL") is short; a sentence is not a
# list of names, and splitting every long one word by word made long lists slow to lint.
MAX_NAMING_WORDS = 16


def _named_terms(text: str) -> tuple[frozenset[str], ...]:
    return _terms(text) if text.count(" ") < MAX_NAMING_WORDS else ()


def _heading(name: str, item) -> str:
    return f"{name} (nice to have)" if item.priority == "preferred" and name != "responsibilities" else name


@rule("JD107", "item-in-two-lists", severity="warning", target="posting", documents=True,
      summary="The same item (same words, any order or case) is printed under two headings, or a nice-to-have "
              "names only things another list already requires.",
      why="Candidates read 'Advanced AI/ML techniques' under Skills and again under Knowledge as padding, and "
          "'Programming in R, Java or C++' as nice to have beside R, Java and C++ as required tools as a "
          "contradiction: is it required or not? JD101 and JD106 find repeats within one list; this rule "
          "compares the lists a posting prints (responsibilities, qualifications, skills, knowledge, tools, "
          "and the nice-to-haves drawn from them) as printed: each item's `posting:` wording when it has one, "
          "and no item left out with `in_posting: false` or dropped as an exact repeat. Lead-in words "
          "('Experience with', 'Programming in') are in jdgen/data/review.yaml.",
      bad=Example(profile="knowledge:\n  - text: Advanced AI/ML techniques\n  - text: AI/ML ethics and governance\n"
                          "tools:\n  - text: R\n  - text: Java\n  - text: C++\n"
                          "  - text: Programming in R, Java or C++\n    priority: preferred\n"),
      good=Example(profile="knowledge:\n  - text: AI/ML ethics and governance\n"
                           "tools:\n  - text: R\n  - text: Java\n  - text: C++\n"
                           "  - text: Experience with Kubernetes\n    priority: preferred\n"))
def item_in_two_lists(ctx, posting, options) -> Iterator[Hit]:
    first: dict[frozenset[str], object] = {}
    required: dict[frozenset[str], str] = {}
    preferred = []
    for entry in printed_items(posting):
        name, item, text = entry.name, entry.item, entry.text
        key = _key(text.text)
        if not key:
            continue
        earlier = first.get(key)
        if earlier is None:
            first[key] = entry
        elif earlier.name != name:
            where, here = earlier.text.location, text.location
            at = f" (line {where.line})" if here.file == where.file else f" ({where.file}:{where.line})"
            yield text.hit(f"{text.text!r} is printed under {_heading(name, item)} and again under "
                           f"{_heading(earlier.name, earlier.item)}{at}"
                           + (" as a requirement" if earlier.item.priority == "required"
                              and item.priority == "preferred" else ""),
                           "keep it in the one list where it belongs")
            continue
        if item.priority == "required":
            for term in (key, *_named_terms(text.text)):
                required.setdefault(term, name)
        elif name != "responsibilities":
            preferred.append(text)
    for text in preferred:
        terms = _named_terms(text.text)
        if len(terms) < 2 or not all(term in required for term in terms):
            continue  # one term equal to a required item is the repeat reported above
        lists = sorted({required[term] for term in terms}, key=PRINTED_LISTS.index)
        yield text.hit(f"nice to have {text.text!r} names only what the posting already requires",
                          f"it is required under {' and '.join(lists)}: drop the nice-to-have, or make those "
                          f"items preferred")


# --- JD306 ---------------------------------------------------------------------------------------

# Words that leave a years requirement about experience in general ("5 years of relevant experience").
_GENERAL_WORDS = frozenset(
    "experience experiences relevant related professional work working industry total overall hands on practical "
    "of in the a an this similar role field full time paid post graduate".split())


def _subject(claim: YearsClaim) -> frozenset[str]:
    return frozenset(_key(claim.subject or "") - _GENERAL_WORDS)


def _disagree(a: YearsClaim, b: YearsClaim) -> bool:
    if a.min_years != b.min_years:
        return True
    return a.max_years is not None and b.max_years is not None and a.max_years != b.max_years


@lru_cache(maxsize=65536)
def _claims(text: str) -> tuple[YearsClaim, ...]:
    return tuple(c for c in find_years_claims(text) if not c.is_sub_requirement)


def _template_states_level(ctx, posting, texts: list[tuple[Text, YearsClaim]]) -> bool:
    """Whether the rendered page prints the level's years more often than the texts state them: the
    template's own years line (under Qualifications, or the generic posting's meta line)."""
    page = rendered_markdown(ctx, posting)
    if page is None:
        return False
    low, high = posting.level.years.min, posting.level.years.max
    # Only a line naming both numbers can state the range; reading years off every line is the slow part.
    both = re.compile(rf"(?<![\d.]){low:g}(?![\d.]).{{0,12}}?(?<![\d.]){high:g}(?![\d.])")
    on_page = sum(1 for line in page.splitlines() if both.search(line)
                  for c in _claims(line) if (c.min_years, c.max_years) == (low, high))
    in_texts = sum(1 for _, c in texts if (c.min_years, c.max_years) == (low, high))
    return on_page > in_texts


@rule("JD306", "conflicting-experience", severity="warning", target="posting",
      summary="Two years-of-experience statements of one posting disagree: two totals, a single skill needing "
              "more years than the total, or one subject stated with two different years.",
      why="A candidate who reads '5–8 years of relevant experience' and, two lines down, '8-10+ years of "
          "experience' cannot tell which applies, and the careful ones (who meet the first) drop out. JD301 "
          "compares each statement with the level; this rule compares the statements the page prints with "
          "each other, including the level's years line the template adds when no qualification is of kind "
          "'experience'. A statement about experience in general, or a qualification of kind 'experience', is "
          "a total; '5 years of software development ... 3 years of testing' states a total and a narrower "
          "part, which agree (a part may need fewer years, not more). A total at or above the level's maximum "
          "is not compared with the level's line: JD301 reports it as an error already.",
      bad=Example(profile="qualifications:\n  - text: 5-8 years of experience in machine learning\n    kind: experience\n"
                          "  - text: 10+ years of Python\n"),
      good=Example(profile="qualifications:\n  - text: 5-8 years of experience in machine learning\n    kind: experience\n"
                           "  - text: 3+ years of Python\n"))
def conflicting_experience(ctx, posting, options) -> Iterator[Hit]:
    experience_items = {id(entry.text) for entry in printed_items(posting)
                        if entry.name == "qualifications" and entry.item.kind == "experience"}
    found: list[tuple[Text, YearsClaim]] = [
        (text, claim) for text in printed_texts(posting)
        if text.field in YEARS_FIELDS and not text.is_eeo for claim in _claims(text.text)]
    if not found:
        return
    years = posting.level.years
    level: tuple[str, YearsClaim] | None = None
    # Whether the page prints the level's line is asked only when a statement disagrees with it:
    # the answer renders the whole posting, which for a long one costs more than the rest of the rule.
    as_level = YearsClaim(years.min, years.max, False, 0, 0, "", None)
    if any(_disagree(claim, as_level) for _, claim in found) and _template_states_level(ctx, posting, found):
        level = (f"the level's {years.min}–{years.max} years the posting prints", as_level)
    # The first total the text states is the reference; the template's level line is one only when
    # it agrees with that, so one disagreement gives one finding whichever posting shows it.
    total: tuple[str, YearsClaim] | None = None
    by_subject: dict[frozenset[str], tuple[Text, YearsClaim]] = {}
    specific = []
    for text, claim in found:
        subject = _subject(claim)
        if not subject or id(text) in experience_items:
            # A total at or above the level's maximum is JD301's error against the level already;
            # comparing it with the level's printed line too would report one problem twice.
            other = total if total is not None and _disagree(claim, total[1]) else \
                level if level is not None and _disagree(claim, level[1]) \
                and claim.min_years < posting.level.years.max else None
            if total is None:
                total = (f"{claim.amount()} ({claim.phrase!r}) at line {text.location.line}", claim)
            if other is not None:
                yield text.hit(f"states {claim.amount()} ({claim.phrase!r}), but the posting also states "
                               f"{other[0]}", "state the total years once", text.locate(claim.phrase))
            continue
        specific.append((text, claim))
        earlier = by_subject.setdefault(subject, (text, claim))
        if earlier[1] is not claim and _disagree(claim, earlier[1]):
            yield text.hit(f"asks for {claim.amount()} of {claim.subject}, but line {earlier[0].location.line} "
                           f"asks for {earlier[1].amount()}", "state the years for it once",
                           text.locate(claim.phrase))
    total = total or level
    if total is None or total[1].max_years is None:
        return
    for text, claim in specific:
        if claim.min_years > total[1].max_years:
            yield text.hit(f"asks for {claim.amount()} of {claim.subject}, more than {total[0]} in total",
                           "a part of the experience cannot need more years than the whole",
                           text.locate(claim.phrase))


# --- JD208 ---------------------------------------------------------------------------------------

_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t#]*$")
_EMPTY_CONTENT = frozenset({"-", "*", "+", "1.", ">"})
# Where to point for a heading of the shipped template that prints a list or text of the profile.
_HEADING_PATHS = {"about the role": ("summary",), "what you will do": ("responsibilities",),
                  "what you will bring": ("qualifications",), "qualifications": ("qualifications",),
                  "skills": ("skills",), "knowledge": ("knowledge",), "tools": ("tools",),
                  "nice to have": ("qualifications",)}


def _empty_headings(page: str) -> Iterator[str]:
    """Headings followed by no content before the next heading of the same or a higher level."""
    open_: list[list] = []  # [level, text, has content], at most six deep
    for line in page.splitlines():
        heading = _HEADING.fullmatch(line)
        if heading:
            level = len(heading[1])
            while open_ and open_[-1][0] >= level:
                closed = open_.pop()
                if not closed[2]:
                    yield closed[1]
            open_.append([level, heading[2].replace("\\", ""), False])
        elif line.strip() and line.strip() not in _EMPTY_CONTENT:
            for entry in open_:
                entry[2] = True
    for closed in open_:
        if not closed[2]:
            yield closed[1]


@rule("JD208", "empty-heading", severity="warning", target="posting",
      summary="The rendered posting prints a heading with nothing under it (e.g. 'What you will do' after a "
              "company removed every responsibility).",
      why="A heading with nothing under it reads as a broken page, and job boards show it as it is. It happens "
          "when a company's `remove` empties a list the template prints a heading for, or a catalog template "
          "prints a heading unconditionally. The rendered Markdown is read (with the catalog's own templates), "
          "so whatever the template prints is judged; a company section without body or items is JD204's.",
      bad=Example(company="roles:\n  AIMLAM.GEN.P4:\n    responsibilities: []\n",
                  note="with a catalog templates/posting.md.j2 that prints 'What you will do' even when the list "
                       "is empty (the shipped template leaves the heading out)"),
      good=Example(company="roles:\n  AIMLAM.GEN.P4:\n    responsibilities:\n      append:\n"
                           "        - text: Own the demand-forecasting models that plan inventory for 3,000 stores\n"))
def empty_heading(ctx, posting, options) -> Iterator[Hit]:
    if not own_page_template(ctx):
        return  # the built-in template prints no heading without content
    page = rendered_markdown(ctx, posting)
    if page is None:
        return
    sections = {" ".join(s.text.split()).casefold() for s in posting.sections}
    for heading in _empty_headings(page):
        key = " ".join(heading.split()).casefold()
        if key in sections:
            continue  # JD204 reports a company section with nothing in it, at its own line
        path = _HEADING_PATHS.get(key, ("title",))
        yield posting_hit(posting, path, f"the {posting.code} posting prints the heading {heading!r} with nothing "
                          f"under it", "add what belongs there, or leave the heading out")


# --- JD606 ---------------------------------------------------------------------------------------

@cache
def _nominal_starts() -> dict[str, tuple[tuple[str, str], ...]]:
    """First word → (noun phrase, verb), longest phrase first."""
    table: dict[str, list[tuple[str, str]]] = {}
    for row in _table()["nominal_starts"]:
        noun = " ".join(row["noun"].split()).casefold()
        table.setdefault(noun.split()[0], []).append((noun, row["verb"]))
    return {word: tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True)) for word, rows in table.items()}


_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
_NOMINAL = re.compile(r"([^\W\d_]+(?:tion|sion|ment|ship|ance|ence))\s+(?:of|for)\b", re.IGNORECASE)


def _rewrite(text: str) -> tuple[str, str | None] | None:
    """(what the item starts with, the mechanical rewrite or None), or None for a verb-led item."""
    stripped = text.strip()
    article = _ARTICLE.match(stripped)
    body = stripped[article.end():] if article else stripped
    words = body[:80].split(maxsplit=6)
    if not words:
        return None
    folded = " ".join(words).casefold()
    for noun, verb in _nominal_starts().get(words[0].casefold(), ()):
        if folded == noun or folded.startswith(noun + " "):
            size = len(noun.split())
            parts = body.split(maxsplit=size)
            rest = " " + parts[size] if len(parts) > size else ""
            return " ".join(parts[:size]), verb[:1].upper() + verb[1:] + rest
    generic = _NOMINAL.match(body)
    if generic:
        return generic.group(0), None
    return None


@rule("JD606", "responsibility-not-verb-led", severity="warning", target="posting", documents=True,
      summary="A responsibility names an activity ('Ownership of ...', 'Development of ...') instead of saying "
              "what the person does; the rewrite is given where it is mechanical.",
      why="Responsibilities tell a candidate what they will do; 'Own X' reads as a job, 'Ownership of X' as an "
          "org chart. Writing guides for job descriptions ask for each bullet to start with a strong verb "
          "(VoltEdge, 'How To Write A Job Description'). The noun-to-verb table is in jdgen/data/review.yaml; "
          "other '-tion/-ment/-ship/-ance of' openings are reported without a rewrite. Verbs in '-ing' "
          "('Leading ...') are verb-led and pass. The wording a posting prints is read: an item's `posting:` "
          "wording when it has one (seed `text` may stay as the record gives it), and no item left out.",
      bad=Example(profile="responsibilities:\n  - text: Ownership of entire AI/ML projects\n"
                          "  - text: Development of AI/ML strategies\n  - text: Management of the model review board\n"),
      good=Example(profile="responsibilities:\n  - text: Own entire AI/ML projects\n"
                           "  - text: Develop AI/ML strategies\n  - text: Run the model review board\n"))
def responsibility_not_verb_led(ctx, posting, options) -> Iterator[Hit]:
    for text in printed_once(posting):
        if text.field != "responsibilities":
            continue
        found = _rewrite(text.text)
        if found is None:
            continue
        start, rewrite = found
        yield text.hit(f"responsibility {text.text[:80]!r} starts with {start!r}, not with what the person does",
                       f"write {rewrite!r}" if rewrite else "start with a verb: what will the person do?",
                       text.locate(start))


# --- JD408 ---------------------------------------------------------------------------------------

_MONEY = re.compile(r"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CAD|CHF|AUD)\b)\s?\d|\d[\d.,]*\s?(?:[kK]\b\s?)?(?:€|£|\b(?:USD|EUR|GBP|CAD|CHF|AUD)\b)")


def _applicable(ctx, posting) -> tuple:
    """applicable_laws, once per company and set of places: a company's postings share their places,
    and a company of thousands of locations read once per posting would make lint quadratic."""
    answers = ctx.__dict__.setdefault("_review_laws", {})
    key = (id(posting.company), tuple(map(id, posting.places)))
    found = answers.get(key)
    if found is None or found[0] is not posting.company:
        found = answers[key] = (posting.company, tuple(applicable_laws(posting, ctx.as_of)))
    return found[1]


def first_screen(page: str, words: int) -> str:
    """The title, the lines up to the first level-2 heading (the meta line), and the page's first ``words`` words."""
    lines = page.splitlines()
    taken, count, seen_section = [], 0, False
    for line in lines:
        seen_section = seen_section or line.startswith("## ")
        if seen_section and count >= words:
            break
        taken.append(line)
        count += len(line.split())
    return "\n".join(taken)


@rule("JD408", "pay-below-first-screen", severity="warning", target="posting",
      summary="A posting under a pay-transparency law in force shows no pay in its first screen (the lines "
              "under the title and its first words).",
      why="The laws JD401 checks only require the range somewhere in the posting; candidates decide in the "
          "first screen, and readers spend most of their time there (Nielsen Norman Group, 'Scrolling and "
          "Attention', 2018: 57% of viewing time above the fold, 74% in the first two screenfuls). Where the law "
          "puts pay in the posting, putting it under the title costs nothing and answers the first question. "
          "The rendered Markdown is read, so a catalog template that prints pay in its meta line passes. "
          "Which laws apply is decided as for JD401 (jdgen/data/pay_transparency.yaml).",
      bad=Example(company="pay_bands:\n  P4: {currency: USD, min: 157000, max: 196000, period: year}\n",
                  note="with a catalog templates/posting.md.j2 that prints pay only under Compensation, far "
                       "below the first screen"),
      good=Example(company="pay_bands:\n  P4: {currency: USD, min: 157000, max: 196000, period: year}\n",
                   note="the shipped template prints the pay in the line under the title"),
      options={"first_words": (100, "words of the rendered posting that count as its first screen, besides the "
                                    "lines under the title")})
def pay_below_first_screen(ctx, posting, options) -> Iterator[Hit]:
    if posting.company is None or posting.pay is None:
        return  # without pay, JD401 reports the law
    laws = [law for law in _applicable(ctx, posting)
            if law.law["id"] != "eu" and law.in_force and law.requires.get("range")]
    if not laws or not own_page_template(ctx):
        return  # the built-in template prints the pay in the line under the title
    page = rendered_markdown(ctx, posting)
    if page is None or _MONEY.search(first_screen(page, options["first_words"])):
        return
    law = laws[0]
    yield company_hit(posting, ("locations", law.place_index),
                      f"{law.name} requires pay in the posting, and the posting shows none in its first screen "
                      f"(the lines under the title and its first {options['first_words']} words)",
                      "print the pay range in the line under the title (a catalog template can)")


# --- JD210 ---------------------------------------------------------------------------------------

@cache
def _wanted_person() -> re.Pattern[str]:
    rows = _table()["wanted_person"]
    return re.compile("|".join(f"(?:{row['pattern']})" for row in rows), re.IGNORECASE)


# A sentence ends at . ! or ? followed by a space, so "3.5" does not split one; a clause after a
# semicolon belongs to its sentence, whose start decides.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def only_the_wanted_person(text: str) -> bool:
    """Whether every sentence of ``text`` describes the person wanted ("We are looking for …",
    "The ideal candidate …", "You thrive …") and none the work; one sentence about the work is
    enough for an opening to pass."""
    sentences = [part.strip(" \t\n\"'“‘-–—") for part in _SENTENCE_END.split(text.strip())]
    sentences = [part for part in sentences if part]
    pattern = _wanted_person()
    return bool(sentences) and all(pattern.match(part) for part in sentences)


@rule("JD210", "opening-without-problem", severity="warning", target="posting",
      summary="A company posting opens without saying what problem the role solves: with the catalog "
              "summary (the profile has neither an `opening` nor a story problem), or with an opening that only "
              "describes the person wanted ('We are looking for a passionate …', 'The ideal candidate …').",
      why="Candidates read the first paragraph to decide whether the work is worth their time; a paragraph "
          "about the problem and why it matters answers that, a catalog summary ('P4 represents an advanced "
          "level ...') or a list of traits does not. A posting opens with `opening:` (the company's, else the "
          "profile's), else the story's external problem and why it matters, and only without either with the "
          "summary. The rule reports that last case, and an opening (or a company's rewritten summary) whose "
          "every sentence starts by describing the person wanted (the starts are in jdgen/data/review.yaml, "
          "`wanted_person`); one sentence about the work is enough to pass. Generic postings are not checked: "
          "the opening is a company's to get right before it publishes.",
      bad=Example(profile="opening: We are looking for a passionate, driven engineer. The ideal candidate thrives "
                          "under pressure.\n",
                  note="every sentence describes the person wanted, none the work"),
      good=Example(profile="opening: null\n",
                   note="no opening, but the story's problem and why it matters open the posting"))
def opening_without_problem(ctx, posting, options) -> Iterator[Hit]:
    if posting.company is None:
        return
    opening = [t for t in printed_texts(posting) if t.field in _OPENING_FIELDS]
    name = f"the {posting.code} posting for {posting.company.company.name}"
    if opening and opening[0].field == "summary" and not opening[0].from_company:
        yield posting_hit(posting, ("summary",), f"{name} opens with the catalog summary: the profile has no "
                          f"opening and no story problem",
                          "add `opening:` (the problem the role solves and why it matters, written to the applicant), "
                          "or a story with problem.external and problem.why_it_matters")
        return
    if opening and only_the_wanted_person(" ".join(t.text for t in opening)):
        yield opening[0].hit(f"{name} opens by describing the person wanted, not the problem the role solves",
                             "start with the problem the team works on and why it matters; the traits belong in "
                             "'What you will bring'")


_OPENING_FIELDS = frozenset({"opening", "summary", "story.problem.external", "story.problem.why_it_matters"})
