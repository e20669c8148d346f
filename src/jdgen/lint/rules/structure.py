"""Structure: invalid files, suppressions, duplicate items (in a profile, and in a posting after a company's
edits), empty sections, confidence bands, alias claims, pinned adjacent roles."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterator

from ...catalog.models import COMPONENT_LISTS
from ...diagnostics import suggestion_hint
from ..registry import Example, Hit, hit_at, rule

_WORDS = re.compile(r"[^\W_]+")
SUGGESTED_CODES = 100


@rule("JD001", "invalid-file", severity="error", target="catalog",
      summary="A file breaks its JSON Schema or the catalog's rules.",
      why="Everything else reads these files; a schema error, a code that does not match its file name or "
          "fields, a level missing from the ladder, a code outside the taxonomy or one code in two files "
          "stops the catalog from meaning one thing. Text that can disguise itself (a bidi control such as "
          "U+202E, an invisible character) or that a CI log would run as a GitHub Actions workflow command "
          "is refused here too, with the character or the command named.",
      bad=Example(profile="status: finished\n"), good=Example(profile="status: review\n"))
def invalid_file(ctx, profiles, options) -> Iterator[Hit]:
    return iter(())  # the engine reports validation problems under this code


@rule("JD002", "suppression-without-reason", severity="warning", target="catalog",
      summary="A `# jdgen: ignore[...]` comment gives no reason.",
      why="A silenced finding should say why, so the next reviewer can judge whether it still holds.",
      bad=Example(profile="title: Senior AI/ML Engineer / Tech Lead  # jdgen: ignore[JD604]\n"),
      good=Example(profile="title: Senior AI/ML Engineer / Tech Lead\n"))
def suppression_without_reason(ctx, profiles, options) -> Iterator[Hit]:
    return iter(())  # reported by the engine's suppression pass


@rule("JD003", "unused-suppression", severity="warning", target="catalog",
      summary="A suppression comment silences nothing.",
      why="Stale suppressions hide future problems on the same line; remove them when the problem is gone.",
      bad=Example(profile="title: Senior AI/ML Engineer / Tech Lead  # jdgen: ignore[JD604] long on purpose\n"),
      good=Example(profile="title: Senior AI/ML Engineer / Tech Lead\n"))
def unused_suppression(ctx, profiles, options) -> Iterator[Hit]:
    return iter(())


@rule("JD004", "invalid-suppression", severity="warning", target="catalog",
      summary="A `# jdgen:` comment that cannot work: its bracket is not closed, or it names no known rule.",
      why="A suppression that does not parse, or names no rule, silences nothing, and the finding it was "
          "meant for stays with no word why; a misspelt rule code would otherwise read as a stale suppression.",
      bad=Example(profile="title: Senior AI/ML Engineer / Tech Lead  # jdgen: ignore[JD6040] long on purpose\n"),
      good=Example(profile="title: Senior AI/ML Engineer / Tech Lead\n"))
def invalid_suppression(ctx, profiles, options) -> Iterator[Hit]:
    return iter(())  # reported by the engine's suppression pass


@lru_cache(maxsize=65536)
def _fingerprint(text: str) -> frozenset[str]:
    """The words of a text, any case and order; the same items are compared in every posting, so cached."""
    return frozenset(_WORDS.findall(text.casefold()))  # one casefold for the text, not one per word


@rule("JD101", "duplicate-item", severity="warning", target="profile",
      summary="A list holds the same item twice, or two items with the same words in another order.",
      why="Repeats make a posting longer without saying more, and usually mean two edits collided.",
      bad=Example(profile="tasks:\n  - text: Lead AI/ML projects\n  - text: lead AI/ML projects.\n  - text: Drive strategic initiatives\n"),
      good=Example(profile="tasks:\n  - text: Lead AI/ML projects\n  - text: Drive strategic initiatives\n"))
def duplicate_item(ctx, profile, options) -> Iterator[Hit]:
    doc = profile.doc
    for name in COMPONENT_LISTS:
        first_seen: dict[frozenset[str], int] = {}
        for i, item in enumerate(getattr(profile.model, name)):
            key = _fingerprint(item.text)  # hashing, not pairwise comparison: linear in list size
            if key in first_seen:
                first = first_seen[key]
                yield hit_at(doc, (name, i, "text"), f"{name}[{i}] repeats {name}[{first}] ({item.text!r})",
                             f"remove one of them (line {doc.where((name, first, 'text')).line})")
            else:
                first_seen[key] = i


@rule("JD106", "duplicate-posting-item", severity="warning", target="posting",
      summary="A company's addition to a list repeats an item the posting already has (the same words, in any order).",
      why="A company's `append`, `prepend` or `replace` is merged onto the profile's list, so an item the profile "
          "(or the company's defaults) already holds prints twice in that posting. JD101 reads each profile on "
          "its own and cannot see it.",
      bad=Example(company="roles:\n  AIMLAM.GEN.P4:\n    responsibilities:\n      append:\n"
                          "        - text: Driving strategic AI initiatives\n"),
      good=Example(company="roles:\n  AIMLAM.GEN.P4:\n    responsibilities:\n      append:\n"
                           "        - text: Own the demand-forecasting models that plan inventory for 3,000 stores\n"))
def duplicate_posting_item(ctx, posting, options) -> Iterator[Hit]:
    doc = posting.company_doc
    if doc is None:
        return
    lists = [(name, (name,), [item.text for item in getattr(posting.profile, name)], ("text",))
             for name in COMPONENT_LISTS]
    lists += [(f"section {s.text!r}", ("sections", i, "items"), list(s.items), ())
              for i, s in enumerate(posting.sections)]
    for label, path, texts, tail in lists:
        places = [posting.provenance.get((*path, i, *tail)) or posting.provenance.get((*path, i))
                  for i in range(len(texts))]
        if not any(where is not None and where.file == doc.file for where in places):
            continue  # the profile's list as it is: JD101 has read it
        first_seen: dict[frozenset[str], tuple[str, object]] = {}
        for text, where in zip(texts, places):
            key = _fingerprint(text)
            if not key or where is None:
                continue  # a blank item is JD204's; an item without provenance cannot be placed
            if key not in first_seen:
                first_seen[key] = (text, where)
                continue
            earlier_text, earlier = first_seen[key]
            later_ours, earlier_ours = where.file == doc.file, earlier.file == doc.file
            if not (later_ours or earlier_ours):
                continue  # both from the profile: JD101 reports it once, not in every posting
            # Point at what the company wrote, which is what the company can change.
            (at, said), other = ((where, text), earlier) if later_ours else ((earlier, earlier_text), where)
            same_file = other.file == at.file
            yield Hit(at, f"{label}: {said!r} in the {posting.code} posting repeats the item at "
                          f"{f'line {other.line}' if same_file else f'{other.file}:{other.line}'}",
                      "remove one of them" if same_file else "drop it from the company file; the profile has it",
                      doc, (at.line,))


POSTED_LISTS = ("responsibilities", "qualifications", "skills", "knowledge", "tasks", "competencies", "tools")


@rule("JD102", "empty-section", severity="warning", target="profile",
      summary="A component list that postings use is present but empty.",
      why="An empty list renders as a heading with nothing under it, or silently drops a section.",
      bad=Example(profile="skills: []\n"), good=Example(profile="skills:\n  - text: Project ownership\n"))
def empty_section(ctx, profile, options) -> Iterator[Hit]:
    from ...catalog.schemas import load_schema

    required = set(load_schema("profile").get("required", ()))
    for name in POSTED_LISTS:
        if name in profile.doc.data and not profile.doc.data[name]:
            # Removing a required key only trades this warning for a validation error.
            fix = "add items; every profile needs this key" if name in required else \
                f"add items, or remove the `{name}:` key"
            yield hit_at(profile.doc, (name,), f"{name} is empty", fix, key=True)


def band_of(score: float) -> str:
    return "high" if score >= 0.8 else "medium" if score >= 0.5 else "low"


@rule("JD103", "confidence-band", severity="warning", target="profile",
      summary="A confidence band does not match its score (low < 0.5 <= medium < 0.8 <= high).",
      why="Reviewers filter on the band; a band that disagrees with the score hides weak profiles or aliases.",
      bad=Example(profile="confidence: 0.9\nconfidence_band: medium\n"),
      good=Example(profile="confidence: 0.9\nconfidence_band: high\n"))
def confidence_band(ctx, profile, options) -> Iterator[Hit]:
    p, doc = profile.model, profile.doc
    if p.confidence is not None and p.confidence_band and p.confidence_band != band_of(p.confidence):
        yield hit_at(doc, ("confidence_band",), f"confidence {p.confidence} is {band_of(p.confidence)}, "
                     f"but the band says {p.confidence_band}", f"set confidence_band: {band_of(p.confidence)}")
    for i, alias in enumerate(p.title_aliases):
        if alias.confidence is not None and alias.confidence_band and alias.confidence_band != band_of(alias.confidence):
            yield hit_at(doc, ("title_aliases", i, "confidence_band"),
                         f"alias {alias.title!r}: confidence {alias.confidence} is {band_of(alias.confidence)}, "
                         f"but the band says {alias.confidence_band}", f"set confidence_band: {band_of(alias.confidence)}")


@rule("JD104", "alias-claimed-twice", severity="warning", target="catalog",
      summary="Two profiles claim the same title alias.",
      why="Title resolution must know which code a title means; a shared alias makes `jdgen resolve` ambiguous.",
      bad=Example(profile="title_aliases:\n  - title: Senior AI/ML Engineer / Tech Lead\n  - title: Northwind Engineer\n",
                  note="the catalog holds a second profile with the alias 'Northwind Engineer'"),
      good=Example(profile="title_aliases:\n  - title: Senior AI/ML Engineer / Tech Lead\n"))
def alias_claimed_twice(ctx, profiles, options) -> Iterator[Hit]:
    from ...architecture.resolve import normalise_title

    claims: dict[str, list[tuple]] = defaultdict(list)
    for loaded in profiles:
        for i, alias in enumerate(loaded.model.title_aliases):
            claims[normalise_title(alias.title)].append((loaded, i, alias.title))
    for entries in claims.values():
        codes = sorted({loaded.model.code for loaded, _, _ in entries})
        if len(codes) < 2:
            continue
        for loaded, i, title in entries:
            yield hit_at(loaded.doc, ("title_aliases", i, "title"),
                         f"alias {title!r} is also claimed by {_some(codes, loaded.model.code)}",
                         "keep it on one profile, or make the titles more specific")


@rule("JD105", "adjacent-role-unknown", severity="warning", target="profile",
      summary="A pinned adjacent role names a code the catalog lacks, the profile itself, or a code already listed.",
      why="Pinned adjacent roles record which roles reviewers chose as this one's neighbours. An entry that "
          "names no role of the catalog, the role itself, or a role already listed pins nothing; it is usually a "
          "typo, a code renamed since, or a list copied from another profile. An entry with a title and no code names "
          "a role outside the catalog (as canon records do) and is not checked.",
      bad=Example(profile="adjacent_roles:\n  - code: AIMLAM.GEN.P5\n  - code: AIMLAM.GEM.P3\n"
                          "  - code: AIMLAM.GEN.P4\n  - code: AIMLAM.GEN.P5\n",
                  note="the catalog holds AIMLAM.GEN.P3 and AIMLAM.GEN.P5"),
      good=Example(profile="adjacent_roles:\n  - code: AIMLAM.GEN.P5\n  - code: AIMLAM.GEN.P3\n  - title: Data Scientist\n",
                   note="the catalog holds AIMLAM.GEN.P3 and AIMLAM.GEN.P5"))
def adjacent_role_unknown(ctx, profile, options) -> Iterator[Hit]:
    own = profile.model.code
    others: list[str] | None = None
    suggested = 0
    first_seen: dict[str, int] = {}
    for i, entry in enumerate(profile.model.adjacent_roles):
        if entry.code is None:
            continue  # a role outside the catalog, named by its title: nothing to look up
        where = ("adjacent_roles", i, "code")
        if entry.code in first_seen:
            # What is wrong with the code itself was said at its first entry.
            line = profile.doc.where(("adjacent_roles", first_seen[entry.code], "code")).line
            yield hit_at(profile.doc, where, f"adjacent role {entry.code} is listed twice, first at line {line}",
                         "remove one of them")
            continue
        first_seen[entry.code] = i
        if entry.code == own:
            yield hit_at(profile.doc, where, f"adjacent role {entry.code} is this profile itself",
                         "remove the entry; a role is not its own neighbour")
        elif entry.code not in ctx.catalog.profile_files:
            hint = None
            # "Did you mean" compares with every code of the catalog: offered for the first 100
            # unknown codes of a profile, so thousands of made-up entries cost a lookup each.
            if suggested < SUGGESTED_CODES:
                if others is None:  # a role is no neighbour of itself, so it is no "did you mean" either
                    others = [code for code in ctx.catalog.profile_files if code != own]
                suggested += 1
                hint = suggestion_hint(entry.code, others)
            yield hit_at(profile.doc, where, f"adjacent role {entry.code} is not in the catalog",
                         hint or "run `jdgen list` to see the codes")


def _some(codes: list[str], mine: str, shown: int = 3) -> str:
    """The other codes, at most ``shown`` of them named: messages stay short in big catalogs.

    ``codes`` holds ``mine`` once; only its head is read, so an alias claimed by thousands of
    profiles costs each of them a few steps, not a pass over all the others.
    """
    others = [c for c in codes[:shown + 1] if c != mine][:shown]
    named = ", ".join(others)
    return named if len(codes) - 1 <= shown else f"{named} and {len(codes) - 1 - shown} more"
