"""Level consistency: years of experience, titles and numerals, pay bands, the ladder itself.

The rule for years (JD301), applied to every requirement a text states: the least route
of it (see :mod:`jdgen.compose.experience`): parts such as "2 years in a leadership role"
beside a total, longer alternative routes ("5 years, or 3 years with a Master's" asks for
3) and routes that are only "considered" are skipped, and a text where a degree alone
will do states no minimum, unless no route fits, none or the years ("a Ph.D.; or 3+ years" at
P5), when its least years route is weighed:

* error when the stated minimum is at or above the level's maximum: nobody inside the
  level's band qualifies, and the posting describes the next level (8+ years at P4, 5–8);
* warning when the stated minimum is more than ``below_tolerance`` years under the
  level's minimum: the posting undersells the level (2 years at P4). Configured
  severities apply to both.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterator

from ..experience import find_years_claims, is_age_label
from ..hits import posting_hit
from ..registry import Example, Hit, hit_at, rule
from ..texts import checked_once

# A posting states a handful of years requirements; past this many, JD301 says it stops, so that a
# hostile file of thousands of them (a 1 MB posting file, benchmarks/bench_posting_files.py) costs
# no more than a real posting's worth of reading.
MAX_CLAIMS = 200

YEARS_FIELDS = ("qualifications", "summary", "opening", "story.who", "story.problem.external", "story.problem.internal",
                "story.problem.why_it_matters", "story.stakes", "story.success", "story.plan", "sections",
                "responsibilities", "skills")


# A title's years are read only when the title says they are experience ("Senior Golang developer
# (+2 years of exp.)", held-out set 29's 163, both readers; "Full Stack Engineer - ... - 5+ years
# exp", benchmarks/quality 3876, both readings): every other years figure a title in the four
# readings carries is a contract's or a programme's length ("Postdoc position (2 years)", "Finance
# Executive (2 Years Contract)", "Parks (1 Year)"), which no reader recorded.
# A heading written as a sentence is read the same way ("## I’m looking for someone with two years’
# experience in consulting and/or public sector change", held-out set 33's 132, both readers).
_READ_FIELDS = (*YEARS_FIELDS, "title", "heading", "company.about")
_TITLE_EXPERIENCE = re.compile(r"[\x27\u2019]?\s*(?:of\s+)?(?:exp\b|experience\b)", re.IGNORECASE)
# A section headed by an age ("## Age limit :" over "Candidates in the reserved category ... will be
# given five years relaxation in the upper age limit", "... a five-year women's reserve for a total
# of 10 years" and "there will be a maximum limit of 3 years", a municipal corporation's junior clerks,
# held-out set 72's 064, both readers recorded no years) states ages and their relaxations: no claim
# under it is read, as none under a heading about pay is (that section is not one JD301 reads). The
# heading is read as the age label on a line of its own is (compose/experience.py, is_age_label).


# A section about the company tells its own years ("Our founders have 20+ years of experience in
# recruiting", "For over 30 years we have ..."), which no reader records; but a sentence there that
# turns to the wanted person and asks for the years ("You will be responsible for sourcing, hiring
# ... The ideal candidate will have 5+ years of full-cycle quantifiable recruiting experience within
# a technical environment.", the only paragraph under "## About irl" in a start-up's lead technical
# recruiter at P5, held-out set 55's 078, both readers: 5, below P5's 8-12) is a requirement as it
# would be under "Requirements". So in that section a claim is read only when its own sentence,
# before it, names the hire as the one who has or brings the years (the ideal, successful or right
# candidate, applicant or person; "you"; candidates or applicants) with a verb of having, bringing
# or needing, and its subject is experience.
_ASKED_OF_THE_HIRE = re.compile(
    r"\b(?:(?:the\s+)?(?:ideal|successful|right|preferred|qualified)\s+(?:candidate|applicant|person|hire|individual)s?"
    r"|you|candidates|applicants)\s+(?:will|should|must|shall|would|need\s+to|needs\s+to)?\s*(?:ideally\s+)?"
    r"(?:have|has|bring|brings|possess|possesses|hold|holds|need|needs|require|requires)\b[^.!?\n]{0,40}$", re.IGNORECASE)
# Anywhere in the claim's subject ("of full-cycle quantifiable recruiting experience within a technical
# environment"), unlike a title's, which must end in the word (_SUBJECT_EXPERIENCE below).
_SUBJECT_NAMES_EXPERIENCE = re.compile(r"\bexp(?:erience)?\b", re.IGNORECASE)


def _asked_in_company_text(text: str, claims: tuple) -> tuple:
    """The claims of a text about the company that its sentence asks of the hire, with experience
    as their subject."""
    return tuple(claim for claim in claims
                 if _ASKED_OF_THE_HIRE.search(text, max(0, claim.start - 120), claim.start) is not None
                 and _SUBJECT_NAMES_EXPERIENCE.search(claim.subject or "") is not None)


# The years may name the field before the word experience ("a consulting management trainee with
# two years’ consultancy and/or public service experience", held-out set 33's 132, both readers):
# a claim whose own subject ends in that word says experience as plainly.
_SUBJECT_EXPERIENCE = re.compile(r"\b(?:exp|experience)\W*$", re.IGNORECASE)


def _said_experience(text: str, claims: tuple) -> tuple:
    """The claims of a title followed by the word experience (or its "exp." short form), or whose
    subject ends in it."""
    return tuple(claim for claim in claims if _TITLE_EXPERIENCE.match(text, claim.end)
                 or _SUBJECT_EXPERIENCE.search(claim.subject or ""))


# A bare value printed under a label that says what it is ("Duration" then "2 years", an apprentice
# groundsman at P1, benchmarks/quality 1971; "## Duration" then "2 years", 4037 and 7269; "PROJECT
# DURATION" then "One year" and "POSITION DURATION" then "10 months", 2377; "Expected duration" then
# "24 Months", 4145; "Contract Type Contract" then "24 Months", 5180; "### Length of contract" then "6
# months with potential for extension.", 6075; "Age Limit" then "Upto 65 years", 2593 and 3183; "## Age
# Limit" then "35 years*", 7071; "Age (As on 01.01.2023):" then "- Minimum: 25 years" and "- Maximum: 35
# years", 8463) is the post's term or an age limit, which no reader recorded. So a short text that
# neither speaks of experience, work nor service is not read when the text before it, or the label a run
# of such values follows, is a label of duration, length, contract, tenure, term or age with no years of
# its own. A label that speaks of experience ("Contract: 5+ years of experience" has its years on its own
# line) and a value that does ("5 years of experience" under "Duration") stay read.
_VALUE_LABEL = re.compile(
    r"[\W_]*+(?:(?:expected|project|position|post|contract|programme|program|apprenticeship|placement|course"
    r"|training|assignment)[ \t]+)?(?:duration|length[ \t]+of[ \t]+\w+|contract(?:[ \t]+(?:type|duration|length"
    r"|period|term))?|age(?:[ \t]+limit)?|tenure|term)\b[^\n]{0,40}\Z", re.IGNORECASE)
_SPEAKS_OF_WORK = re.compile(r"\b(?:exp\b|experience|work|served|service|employ|practi[cs])", re.IGNORECASE)


def _is_value_label(text) -> bool:
    """Whether ``text`` is a label of a term or an age, with no years of its own (see above)."""
    return (len(text.text) <= 60 and _VALUE_LABEL.match(text.text) is not None
            and _SPEAKS_OF_WORK.search(text.text) is None and not claims_in(text.text))


def _is_bare_value(text) -> bool:
    """Whether ``text`` is short and speaks of no experience, work or service (see above)."""
    return len(text.text) <= 80 and _SPEAKS_OF_WORK.search(text.text) is None


@lru_cache(maxsize=65536)
def claims_in(text: str) -> tuple:
    """Years claims of a text; the same sentences recur across postings and generated catalogs."""
    return tuple(find_years_claims(text))


@rule("JD301", "experience-vs-level", severity="error", target="posting", documents=True, severities=("warning",),
      summary="Years of experience stated in the text disagree with the level's range in the ladder.",
      why="A 'Senior' P4 role (5–8 years) that asks for 10+ years turns away the people it is meant for, "
          "misprices the role and contradicts the job architecture.",
      bad=Example(profile="qualifications:\n  - text: 8-10+ years of experience\n"),
      good=Example(profile="qualifications:\n  - text: 5-8 years of experience\n"),
      options={"below_tolerance": (1, "years under the level's minimum before a stated minimum is reported")})
def experience_vs_level(ctx, posting, options) -> Iterator[Hit]:
    level = posting.level
    low, high = level.years.min, level.years.max
    weighed = 0
    previous = None  # the text read just before, whose "; or" may open this one's route
    label = None  # the label of a term or an age a run of bare values follows (see _VALUE_LABEL)
    read = []  # (text, its claims to weigh), in order
    under_age = False  # whether the texts read are under a heading about age (is_age_label)
    for text in checked_once(posting):
        if text.field == "heading":
            under_age = is_age_label(text.text)
        if text.is_eeo or text.field not in _READ_FIELDS:
            continue
        claims = claims_in(text.text) if not (under_age and text.field != "heading") else ()
        if claims and label is not None and _is_bare_value(text):
            claims = ()
        else:
            label = text if _is_value_label(text) else None
        if text.field in ("title", "heading"):
            claims = _said_experience(text.text, claims)
        elif text.field == "company.about":
            claims = _asked_in_company_text(text.text, claims)
        elif claims and _route_before(previous, text):
            claims = _as_alternatives(claims)
        elif claims and read and read[-1][0] is previous and _opens_with_or(previous, text):
            claims, read[-1] = _least_of_two_routes(read[-1], claims)
        previous = text
        read.append((text, claims))
    beside = _beside_overall(read)
    for text, claims in read:
        for claim in claims + _no_route_fits(claims, low, high, options["below_tolerance"]):
            if claim.is_sub_requirement or (id(text), claim.start) in beside:
                continue
            weighed += 1
            if weighed > MAX_CLAIMS:
                yield text.hit(f"JD301 stops here: it has weighed {MAX_CLAIMS} years requirements in this posting",
                               "a posting states a few; the rest are not checked", text.locate(claim.phrase),
                               severity="warning")
                return
            stated = claim.amount()
            # The claim's own place: the same words may be written earlier in the text ("Java (3+ years),
            # JavaScript (3+ years)"), and a finding on the first copy would hide this one.
            where = text.locate(claim.phrase, text.text.count(claim.phrase, 0, claim.start))
            if claim.min_years >= high:
                yield text.hit(f"asks for {stated} ({claim.phrase!r}), but {level.code} "
                               f"({level.name}) means {low}–{high} years",
                               f"state {low}–{high} years, or move the role to a higher level", where)
            elif claim.min_years < low - options["below_tolerance"]:
                yield text.hit(f"asks for {stated} ({claim.phrase!r}), below {level.code}'s "
                               f"{low}–{high} years", f"state {low}–{high} years, or move the role to a lower level",
                               where, severity="warning")


# A sub-requirement printed as its own list item beside the overall years statement is not a bar
# of its own (benchmarks/quality/GUIDELINES.md, "the overall statement is the bar a reader takes"):
# "- 7+ years of development experience" then "- 2+ years of lead experience" (a software engineer
# lead at P5, benchmarks/quality 0002: the readers took the 7 only); "- At least 10 years experience
# in software engineering." then "- At Least 7 years of experience with Databricks ..." (0216); "- 5+
# years of software development experience" then "- 2+ years of experience as an IT Team Lead"
# (1192); "- At least 5 years of work experience as a Product Manager." before "- At least 7 years of
# work experience in the tech space" (1537). Within one item experience.py's parts do the same.
# A statement is overall only when it is general experience: the item opens with its years (nothing
# but "at least", "minimum", "you have" before them) and what follows says experience with no field
# of its own, or total, overall, professional, industry, commercial or work experience, software
# development or engineering, or experience as a (role); after total, overall, professional,
# industry, commercial or work experience the item may go on to where it was gained ("- 15-20+ years
# of industry experience, including with large scale enterprise web/saas applications" beside "- 10+
# years of experience on senior engineering roles", 0172; "- At least 6 years of overall experience in
# Infrastructure or DevOps or SysOps" beside "- At least 2 years of experience as a DevOps team
# leader", 2641). Where the largest years name a skill or a
# field, they are still the list's bar, and the smaller years in its other items are its parts: "5 +
# years' development experience with Java, spring boot" beside "2 + years' experience with
# AngularJS" and "1 + year experience with AWS" (5541), "Minimum 5 years of experience with Python"
# beside "Minimum 2 years of strong experience with Django" (4610), "3+ years of DevOps specific
# experience" beside "2+ years of Kubernetes experience" (2242): the readers took the largest only,
# in about ninety such lists of the tuning corpus, where the readers of about fifteen (0090, 3464,
# 8766, 7596 ...) judged each; GUIDELINES.md settles it the first way since 2026-12-07, as a
# recruiter wants one finding for a list's bar, not one for each skill in it. A list whose bar is
# below the level is then reported once, at the bar. Items that are routes (a credential with its
# years, "Master's Degree with at least 1 year ..." beside "Bachelor's degree with at least 4
# years ...", 4437; "Option 1: M.Sc. ... four years" beside "Option 2: M.E. ... two years", 8527) are
# alternatives, not parts: where every item with years is one, the least route is the list's bar,
# as a reader takes it ("Master's Degree with at least 1 year ... OR at least 3 years" beside "Post
# Graduate Diploma with at least 2 years' ..." and "Bachelor's degree with at least 4 years' ...",
# a public service's principal officer at P6, 4437, 6377, 7392 and four more of its notices: the
# readers recorded the Master's route only), and a route among items that are not routes is weighed
# on its own. Where the bar is surely a route (a degree with its years), its least route is the
# list's bar and fewer years in items that name no credential are its parts ("Bachelor's degree and
# at least 4 years ... OR a High School Diploma / GED and at least 7 years" beside "At least 3 years
# of experience with technical design process", a data engineering lead, held-out set 72's 004, both
# readers took the 4 only); where it is a route only as _CREDENTIAL_WORD reads it, every item is
# weighed. Only
# items of one list (the items between two headings, in one field) are compared, and only a claim
# with fewer years than the bar in another item is left: equal years are statements of their own
# ("5+ years of commercial development experience" and "5+ years of JavaScript experience", 2836).
_ITEM_OPENING = re.compile(
    r"^[\W_]*+(?:(?:you[ \t]+(?:will[ \t]+)?have|must[ \t]+have|have|with|very[ \t]+experienced[ \t]*\(|experience[ \t]*:)[ \t]*)?\Z",
    re.IGNORECASE)
_GENERAL_MODIFIER = (r"(?:total|overall|professional|industry|commercial|relevant|related|work(?:ing)?|full[ \t-]?time"
                     r"|post[ \t-]?(?:internship|qualification)|non[ \t-]?internship|hands[ \t-]?on|progressive|proven"
                     r"|paid|software|development|engineering|technical)")
_GENERAL_EXPERIENCE = re.compile(
    r"[\s\x27\u2019)]*(?:(?:of|in)[ \t]+)?"
    r"(?:(?:" + _GENERAL_MODIFIER + r")[ \t,-]+)*(?:experience|exp)\b[ \t]*"
    r"(?:[.;]|\Z|as[ \t]|in[ \t]+total\b|of[ \t]+related[ \t]+professional\b|working[ \t]+as[ \t]"
    r"|in[ \t]+software[ \t]+(?:development|engineering)\b|developing[ \t]+software\b|in[ \t]+the[ \t]+tech[ \t]+space\b)"
    r"|[\s)]*(?:in[ \t]+)?software[ \t]+(?:development|engineering)\b"
    r"|[\s\x27\u2019)]*(?:of[ \t]+)?(?:(?:" + _GENERAL_MODIFIER + r"|product)[ \t,-]+)*?"
    r"(?:total|overall|professional|industry|commercial|work)[ \t,-]+(?:(?:" + _GENERAL_MODIFIER + r"|product)[ \t,-]+)*"
    r"(?:experience|exp)\b[ \t]*(?:,|in\b|at\b|within\b)",
    re.IGNORECASE)


# A paragraph that opens with its years and a colon is a list's line printed without a marker ("4+
# years: JavaScript, HTML, CSS", "2+ years: React, Redux, REST APIs" and "1+ years: Redux, Node, ...",
# each a paragraph of a senior frontend engineer's Who is hiring comment at P4, held-out set 74's 010,
# both readers took the 4 only), as they are when written within one text.
_YEARS_LABEL = re.compile(r"[\W_]*+\d++(?:\.\d++)?+[ \t]*+\+?[ \t]*+(?:years?|yrs?)[ \t]*+\+?[ \t]*+:", re.IGNORECASE)


def _is_item(text) -> bool:
    """Whether ``text`` is a posting file's list item, or a line that reads as one (see above). A
    catalog profile's qualifications are each a statement of their own
    (tests/lint/experience_levels.yaml lists one per item), so only a file's lists, as their authors
    printed them, are read this way."""
    kind = getattr(text.piece, "kind", None)
    return kind == "item" or (kind == "paragraph" and _YEARS_LABEL.match(text.text) is not None)


def _is_overall(text, claim) -> bool:
    """Whether ``claim`` is an overall years statement opening its list item (see above)."""
    return (not claim.is_sub_requirement and claim.start <= 60
            and _ITEM_OPENING.match(text.text, 0, claim.start) is not None
            and _GENERAL_EXPERIENCE.match(text.text, claim.end, claim.end + 120) is not None)


def _is_route(text, claims, credential: re.Pattern[str]) -> bool:
    """Whether a list item is a route of its own: a credential with its years ("Master's Degree with at
    least 1 year ...", "Option 2: M.E./M.Tech ... with two years") or a choice between years. With
    _CREDENTIAL_WORD it reads broadly, so that a list's bar is not taken from an item that may be an
    alternative; with _DEGREE_WORD only surely, as a licence, a certificate or a qualification beside
    the years ("5+ years of nursing with a current RN licence") is a requirement of its own, not
    another way in, and a list of such items keeps its largest years as its bar. An item that ends
    "; or" is surely a route: its years are another way in, not a part of the next item's ("1. Two
    years of full-time paid custodial services experience with the City of Los Angeles; or" above
    "2. Three years of full-time paid custodial services experience which includes one year ... as a
    lead", a senior custodian at P4, held-out set 74's 033, both readers recorded 2 and 3)."""
    return (credential.search(text.text) is not None or _ROUTE_MARK.search(text.text) is not None
            or _ends_with_or(text.text)
            or any(claim.role == "alternative" for claim in claims))


def _beside_overall(read: list) -> set:
    """(id of text, claim start) of each claim that is a part of its list's overall statement."""
    beside: set = set()
    run: list = []
    for text, claims in read + [(None, ())]:
        if text is not None and _is_item(text) and (not run or run[-1][0].field == text.field):
            run.append((text, claims))
            continue
        weighed = [(t, c, cs) for t, cs in run for c in cs if not c.is_sub_requirement]
        if len(weighed) > 1:
            most = max(c.min_years for _, c, _ in weighed)
            if any(c.min_years == most and _is_overall(t, c) for t, c, _ in weighed):
                beside.update((id(t), c.start) for t, c, _ in weighed if c.min_years < most)
            else:
                items = {id(t): (t, cs) for t, _, cs in weighed}  # each item once, however many claims
                if all(_is_route(t, cs, _DEGREE_WORD) for t, cs in items.values()):
                    least = min(c.min_years for _, c, _ in weighed)
                    beside.update((id(t), c.start) for t, c, _ in weighed if c.min_years > least)
                else:
                    routes = {key: _is_route(t, cs, _CREDENTIAL_WORD) for key, (t, cs) in items.items()}
                    tops = {id(t) for t, c, _ in weighed if c.min_years == most}
                    if not any(routes[top] for top in tops):
                        beside.update((id(t), c.start) for t, c, _ in weighed
                                      if c.min_years < most and id(t) not in tops and not routes[id(t)])
                    elif all(_is_route(*items[top], _DEGREE_WORD) for top in tops):
                        # an item naming a credential may be another route ("Child Development
                        # Associate credential (CDA) ... AND one year", benchmarks/quality 2174), and
                        # "certification development" is work, not a route (3791)
                        bar = min(c.min_years for t, c, _ in weighed if id(t) in tops)
                        beside.update((id(t), c.start) for t, c, _ in weighed
                                      if c.min_years < bar and not routes[id(t)]
                                      and _CREDENTIAL_NOUN.search(t.text) is None)
        run = [(text, claims)] if text is not None and _is_item(text) else []
    return beside


# A list item that names a credential with no years and ends "; or" is a route of its own before
# the next item ("1. A baccalaureate degree from an accredited college or university; or" then "2. An
# associate degree ... and two years of satisfactory full-time professional experience ...", a staff
# analyst trainee at P1, held-out set 47's 039, both readers: 0, the degree alone qualifies), as "a
# degree or 4 years" is within one sentence (compose/experience.py's routes): the next item's years
# are then an alternative, and _no_route_fits weighs them as it does there. Only the item just before,
# in the same field, and only its last few characters and its credential are looked at.
_OR_AT_END = re.compile(r"[;,][ \t]*or[ \t]*\Z", re.IGNORECASE)


def _ends_with_or(text: str) -> bool:
    """Whether a list item ends "; or" (or ", or"): only its last few characters are looked at."""
    return _OR_AT_END.search(text[-12:]) is not None


_DEGREE = r"degree|diploma|baccalaureate|bachelor|master|ph\.?\s?d|doctora\w*"
_DEGREE_WORD = re.compile(r"\b(?:" + _DEGREE + r")", re.IGNORECASE)
_CREDENTIAL_WORD = re.compile(r"\b(?:" + _DEGREE + r"|certificat\w*|licen[cs]e|qualification)", re.IGNORECASE)
_CREDENTIAL_NOUN = re.compile(r"\bcredential", re.IGNORECASE)
_ROUTE_MARK = re.compile(
    r"\b(?:option|alternative(?:ly)?|M\.?[ \t]?Sc|M\.?[ \t]?Tech|B\.?[ \t]?Sc|B\.?[ \t]?Tech|MBA|M\.?[ \t]?Phil|M\.E\.|B\.E\.)(?![a-z])",
    re.IGNORECASE)


def _route_before(previous, text) -> bool:
    """Whether ``previous``, the text read just before ``text`` in the same field, is a route with no
    years that ends "; or"."""
    return (previous is not None and previous.field == text.field
            and _ends_with_or(previous.text)
            and _CREDENTIAL_WORD.search(previous.text[:400]) is not None
            and not claims_in(previous.text))


# A paragraph or item that opens with "Or" is the other route of the requirement just before it ("One
# year of full-time experience performing the duties of Park Maintenance Worker II ... or two years ..."
# then "Or: Three years of full-time paid experience performing general grounds maintenance", a county's
# senior park maintenance worker at P4, benchmarks/quality 1951; "Either: Two years of paid, full-time
# experience ..." then "Or: Three years of paid, full-time experience ...", a senior account clerk,
# 4742): a reader takes the least of the two routes, as within one sentence, so the route with more
# years is an alternative and not weighed. Only the text just before, in the same field, with years of
# its own.
_OR_OPENING = re.compile(r"[\W_]*+or\b[ \t]*+[:,\-\u2013\u2014]?", re.IGNORECASE)


def _opens_with_or(previous, text) -> bool:
    """Whether ``text`` opens with "Or" after ``previous`` in the same field (see above)."""
    return previous.field == text.field and _OR_OPENING.match(text.text) is not None


def _least_of_two_routes(before: tuple, claims: tuple) -> tuple[tuple, tuple]:
    """``claims`` and the text before with its claims, the route with more years made an alternative."""
    text_before, claims_before = before
    weighed_before = [c.min_years for c in claims_before if not c.is_sub_requirement]
    weighed_now = [c.min_years for c in claims if not c.is_sub_requirement]
    if not weighed_before or not weighed_now:
        return claims, before
    # "larger route", not "alternative": _no_route_fits would weigh a text whose claims are all
    # alternatives, where here the lesser route is weighed in the other text
    if min(weighed_now) >= min(weighed_before):
        return _as_alternatives(claims, "larger route"), before
    return claims, (text_before, _as_alternatives(claims_before, "larger route"))


def _as_alternatives(claims: tuple, role: str = "alternative") -> tuple:
    """``claims`` as another route's years: not weighed on their own."""
    return tuple(replace(claim, is_sub_requirement=True, role=role) for claim in claims)


def _no_route_fits(claims: tuple, low: float, high: float, tolerance: float) -> tuple:
    """The least years route of a requirement whose other route needs no years, when no reading
    fits the level: "Ph.D. in Nutritional Sciences ...; or 3+ years of protein research
    experience" at P5 (held-out set 20's 125) asks for none or for 3, and neither is near 8-12. A
    route without years states no minimum of its own (every claim is an alternative), so JD301
    stays quiet about it unless the least route of years falls outside the level's years, as none
    does: "Bachelor's degree with 5-10 years ... or Master's degree with 2-4 years ... or a doctorate
    degree" at P4 (held-out set 37's 115, both readers) asks for none or 2, whatever the bachelor's
    route asks; or unless every route asks for the level's maximum or more."""
    if not claims or any(claim.role != "alternative" for claim in claims) or not 0 < low - tolerance:
        return ()
    least = min(claims, key=lambda claim: (claim.min_years, claim.start))
    if least.min_years < low - tolerance or all(claim.min_years >= high for claim in claims):
        return (replace(least, is_sub_requirement=False, role="total"),)
    return ()


@rule("JD302", "ladder-years-text", severity="error", target="ladder",
      summary="A level's 'typical experience' text disagrees with its years.",
      why="People read the text and tools read the numbers; they must say the same.",
      bad=Example(ladder="P4:\n  typical_experience: 4–8 yrs\n", note="merged into the ladder's level P4"),
      good=Example(ladder="P4:\n  typical_experience: 5–8 yrs\n"))
def ladder_years_text(ctx, ladder, options) -> Iterator[Hit]:
    for i, level in enumerate(ladder.model.levels):
        if not level.typical_experience:
            continue
        claims = find_years_claims(level.typical_experience)
        found = (claims[0].min_years, claims[0].max_years) if claims else None
        if found != (level.years.min, level.years.max):
            yield hit_at(ladder.doc, ("levels", i, "typical_experience"),
                         f"{level.code}: typical_experience {level.typical_experience!r} does not say "
                         f"{level.years.min}–{level.years.max} years",
                         f"write \"{level.years.min}–{level.years.max} yrs\"")


def _seniority_words_in(ctx, title: str) -> list:
    """(spelling, levels) of every title word of the ladder in ``title``, in the ladder's order.

    Worked out once per run and title: the ladder's words are compiled once, not per posting,
    and a title shared by a profile's postings is read once.
    """
    words = ctx.__dict__.get("_title_words")
    if words is None:
        words = ctx.__dict__["_title_words"] = _title_words(ctx.catalog.ladder)
    found = ctx.__dict__.setdefault("_seniority_words", {})
    if title not in found:
        found[title] = _longest_words(words, title)
    return found[title]


def _longest_words(words, title: str) -> list:
    """The ladder's words in ``title``, leaving out any that only occur inside a longer one.

    "Senior Principal Engineer" is the canon's P6 title: its "Senior" belongs to the phrase
    "Senior Principal", not to the P4 word Senior, so a phrase in ``title_words`` settles
    what its parts would otherwise dispute.
    """
    spans = [(m.start(), m.end(), i) for i, (_, pattern, _) in enumerate(words) for m in pattern.finditer(title)]
    inside = {i for start, end, i in spans
              if any(s <= start and end <= e and e - s > end - start for s, e, _ in spans)}
    standing = {i for _, _, i in spans} - inside
    return [(spelling, levels) for i, (spelling, _, levels) in enumerate(words) if i in standing]


def _title_words(ladder):
    words = []
    for entry in ladder.title_words:
        for spelling in (entry.word, *entry.aliases):
            pattern = re.compile(r"(?<![\w])" + re.escape(spelling).replace(r"\ ", r"[\s-]+") + r"(?![\w])",
                                 re.IGNORECASE)
            words.append((spelling, pattern, entry.levels))
    return words


@rule("JD303", "title-seniority", severity="warning", target="posting", documents=True,
      summary="A seniority word in a title or alias (Junior, Senior, Staff, Principal, Lead …) does not fit the level.",
      why="Titles set expectations; 'Junior' on a P4 or 'Principal' on a P2 misleads candidates and breaks "
          "pay comparisons. The word-to-level map is `title_words` in the ladder; a phrase listed there "
          "('Senior Principal') counts as one word, so its parts are not judged on their own.",
      bad=Example(company="roles:\n  AIMLAM.GEN.P4:\n    title: Principal Machine Learning Engineer\n"),
      good=Example(company="roles:\n  AIMLAM.GEN.P4:\n    title: Senior Machine Learning Engineer\n"))
def title_seniority(ctx, posting, options) -> Iterator[Hit]:
    level = posting.level.code
    # A posting file judged at the levels its own title's word names (a LevelSpan) fits any of them.
    fitting = set(getattr(posting.level, "codes", ())) | {level}
    titles = [(("title",), posting.profile.title, True)]
    if posting.company is None:
        titles += [(("title_aliases", i, "title"), a.title, False) for i, a in enumerate(posting.profile.title_aliases)]
    for path, title, is_title in titles:
        for spelling, levels in _seniority_words_in(ctx, title):
            if fitting.isdisjoint(levels):
                kind = "title" if is_title else "alias"
                hit = posting_hit(posting, path, f"{kind} {title!r} says {spelling!r}, which the ladder gives to "
                                  f"{', '.join(levels)}, not {level}", "change the title or the level")
                if not is_title:
                    hit = hit_at(posting.profile_doc, path, hit.message, hit.hint)
                yield hit
                break


_NUMERAL = re.compile(r"(?:^|\s)(I{1,3}|IV|V|VI{0,3}|IX|X|\d{1,2})\s*$")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


@rule("JD304", "alias-level-numeral", severity="warning", target="profile",
      summary="A level numeral in an alias ('Machine Learning IV', 'Machine Learning 4') differs from the level's rank.",
      why="Numbered titles are level names in many companies; 'III' on a P4 profile resolves titles to the wrong level.",
      bad=Example(profile="title_aliases:\n  - title: Machine Learning III\n"),
      good=Example(profile="title_aliases:\n  - title: Machine Learning IV\n"))
def alias_level_numeral(ctx, profile, options) -> Iterator[Hit]:
    level = ctx.catalog.ladder.level(profile.model.level)
    if level is None:
        return
    for i, alias in enumerate(profile.model.title_aliases):
        match = _NUMERAL.search(alias.title)
        if not match:
            continue
        token = match.group(1)
        number = int(token) if token.isdigit() else _ROMAN[token]
        if number != level.rank:
            yield hit_at(profile.doc, ("title_aliases", i, "title"),
                         f"alias {alias.title!r} names level {number}, but the profile is {level.code} (rank {level.rank})",
                         "fix the numeral, or move the alias to the profile of that level")


@rule("JD305", "pay-band-order", severity="warning", target="company",
      summary="A company's pay bands shrink as levels rise within a track.",
      why="A higher level paid less than the one below it is almost always a typo, and an equal-pay risk.",
      bad=Example(company="pay_bands:\n  P3: {currency: USD, min: 160000, max: 200000, period: year}\n"
                          "  P4: {currency: USD, min: 157000, max: 196000, period: year}\n"),
      good=Example(company="pay_bands:\n  P3: {currency: USD, min: 128000, max: 158000, period: year}\n"
                           "  P4: {currency: USD, min: 157000, max: 196000, period: year}\n"))
def pay_band_order(ctx, company, options) -> Iterator[Hit]:
    bands = company.model.pay_bands or {}
    ladder = ctx.catalog.ladder
    by_track: dict[str, list] = {}
    for code, band in bands.items():
        level = ladder.level(code)
        if level is not None:
            by_track.setdefault(level.track, []).append((level.rank, code, band))
    for entries in by_track.values():
        entries.sort()
        for (_, lower_code, lower), (_, code, band) in zip(entries, entries[1:]):
            if band.currency != lower.currency or band.period != lower.period:
                continue
            if band.min < lower.min or band.max < lower.max:
                yield hit_at(company.doc, ("pay_bands", code),
                             f"pay band {code} ({band.min:,.0f}–{band.max:,.0f}) is below {lower_code} "
                             f"({lower.min:,.0f}–{lower.max:,.0f})", "raise the higher level's band", key=True)
