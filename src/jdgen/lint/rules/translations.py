"""Translations of profile text: missing, stale and orphaned entries (see :mod:`jdgen.compose.translation`).

JD801 and JD802 check postings, so that ``jdgen render`` holds back a posting in another
language whose profile text is not (or no longer) translated, as it holds back any posting
with a lint error. A posting in a language only finds what that posting prints; JD802 also
runs on each profile's generic posting, where it checks every translation of the profile,
so that a translation nobody publishes yet (German, while no company writes German) cannot
go stale unnoticed: there it warns, since no posting prints it yet, and an edit to the
English need not wait for its translators. JD803 checks the catalog as a whole: a file
whose profile is gone has no posting to be found through.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from ...catalog.translations import translation_files, load_translation, text_hash
from ...compose.translation import Pairing, pair, printed_slots
from ...diagnostics import quoted
from ...errors import JdgenError
from ..registry import Example, Hit, hit_at, rule


QUOTE = 160  # the English a message quotes: enough to recognise an opening paragraph by


def _refresh(code: str, language: str) -> str:
    return f"jdgen translate {code} --language {language}"


@rule("JD801", "translation-missing", severity="error", target="posting",
      summary="A posting is in another language than English, and a text it prints from the profile has no "
              "translation into it: no translation file, no entry for the text, or an entry without its text yet.",
      why="A company whose `locale.language` is `de` publishes German postings; a profile text without a German "
          "translation would be printed in English in the middle of them. The finding names the file to create or "
          "the entry to complete, and `jdgen translate CODE --language LANGUAGE` starts or refreshes the file. "
          "Texts the company writes itself (its title, opening, added items) are the company's to write in its "
          "language and are not checked.",
      bad=Example(company="company:\n  locale:\n    language: nl\n",
                  note="Northwind publishes in Dutch; AIMLAM.GEN.P4 has no translations/nl/AIMLAM.GEN.P4.yaml"),
      good=Example(company="company:\n  locale:\n    language: de\n",
                   note="every text Northwind prints from AIMLAM.GEN.P4 is in translations/de/AIMLAM.GEN.P4.yaml"))
def translation_missing(ctx, posting, options) -> Iterator[Hit]:
    use = posting.translation
    if use is None or not use.untranslated:
        return
    refresh = _refresh(use.code, use.language)
    if use.doc is None:
        yield hit_at(posting.profile_doc, ("code",),
                     f"{use.code} has no translation into '{use.language}', the language "
                     f"{posting.slug}'s postings are written in",
                     f"start one with `{refresh}`, which writes {use.file}")
        return
    for pairing in use.untranslated:
        slot = pairing.slot
        if pairing.state == "missing":
            location = posting.provenance[slot.path]
            yield Hit(location, f"{use.file} has no entry for this text of {slot.field}, which postings in "
                                f"'{use.language}' print: {quoted(slot.text, QUOTE)}",
                      f"run `{refresh}` to add one, then write its text",
                      posting.profile_doc, (location.line,))
        elif pairing.state == "untranslated":
            yield hit_at(use.doc, pairing.at + ("source",),
                         f"untranslated entry of {slot.field}: it has no text yet, so postings in "
                         f"'{use.language}' would print the English {quoted(slot.text, QUOTE)}",
                         "write the translation below source:, as text: ...")


@rule("JD802", "translation-stale", severity="error", target="posting", severities=("warning",),
      summary="A translation entry was made for an older version of its English text: the hash in `source:` is "
              "not the text's hash any more.",
      why="When the English of a profile changes (other years, a new tool, a reworded duty), its translations "
          "still say the old thing. Postings print the current English instead of a stale translation, and this "
          "finding says what the English reads now and which hash to record once the translation says the same. "
          "Every translation of a profile is checked: an error where a company of the catalog publishes in its "
          "language, a warning in a language no company publishes in yet, so that English can change ahead of "
          "its translators without stopping CI, and they see what to update before a company needs it.",
      bad=Example(profile="title: Senior AI/ML Engineer and Tech Lead\n",
                  note="the German and French titles translate 'Senior AI/ML Engineer / Tech Lead'"),
      good=Example(profile="summary: P4 is the catalog's senior engineering level.\n",
                    note="the catalog summary is not printed (the profile has an opening), so no translation of it "
                         "is needed"))
def translation_stale(ctx, posting, options) -> Iterator[Hit]:
    if posting.company is None:
        yield from _stale_in_every_language(ctx, posting)
        return
    use = posting.translation
    if use is not None and use.doc is not None:
        for pairing in use.untranslated:
            if pairing.state == "stale":
                yield _stale(use.doc, pairing, use.code, use.language)


def _stale_in_every_language(ctx, posting) -> Iterator[Hit]:
    """Every stale entry of every translation of a generic posting's profile."""
    code = posting.profile.code
    slots = None
    for path in _translations_of(ctx.catalog, code.upper()):
        try:
            loaded = load_translation(path, ctx.catalog)
        except JdgenError:
            continue  # an invalid translation file is reported as JD001
        if slots is None:
            slots = printed_slots(posting.profile_doc.data)
        pairings, _ = pair(slots, loaded.model)
        language = loaded.model.language
        severity = None if language in published_languages(ctx.catalog) else "warning"
        for pairing in pairings:
            if pairing.state == "stale":
                yield _stale(loaded.doc, pairing, code, language, severity)


def _translations_of(catalog, code: str) -> list:
    """The translation files of the profile ``code``, in language order (the folder is listed once a run)."""
    index = catalog.__dict__.get("_translations_by_code")
    if index is None:
        try:
            files = translation_files(catalog)
        except JdgenError:
            files = {}  # a listing problem is validate's to report (JD001)
        index = {}
        for (_, file_code), path in sorted(files.items()):
            index.setdefault(file_code, []).append(path)
        catalog.__dict__["_translations_by_code"] = index
    return index.get(code, [])


def published_languages(catalog) -> frozenset[str]:
    """The languages the catalog's companies publish in (a company that does not load counts for none)."""
    cached = catalog.__dict__.get("_published_languages")
    if cached is None:
        from ...catalog.companies import company_files, load_company
        from ...compose.translation import posting_language

        found = set()
        try:
            paths = list(company_files(catalog).values())
        except JdgenError:
            paths = []  # validate reports what is wrong with companies/
        for path in paths:
            try:
                found.add(posting_language(load_company(path, catalog).model))
            except JdgenError:
                continue
        cached = catalog.__dict__["_published_languages"] = frozenset(found)
    return cached


def _stale(doc, pairing: Pairing, code: str, language: str, severity: str | None = None) -> Hit:
    slot = pairing.slot
    hit = hit_at(doc, pairing.at + ("source",),
                 f"stale translation of {slot.field}: the English changed since it was translated and now reads "
                 f"{quoted(slot.text, QUOTE)}",
                 f"translate it again, then set source: {text_hash(slot.text)}; `{_refresh(code, language)}` "
                 "shows the new English above the entry")
    return replace(hit, severity=severity)


@rule("JD803", "translation-orphan", severity="warning", target="catalog",
      summary="A translation entry whose English text the profile no longer prints, or a translation file whose "
              "profile the catalog no longer has.",
      why="An orphan is harmless to postings but misleads translators and reviewers, who keep translating and "
          "reviewing text nobody prints. It is usually left behind when an item is removed or a profile is "
          "renamed; `jdgen translate CODE --language LANGUAGE` drops orphaned entries.",
      bad=Example(profile="knowledge:\n  - text: Emerging AI/ML trends\n",
                  note="the translations of 'AI/ML ethics and governance' have no item left to translate"),
      good=Example(note="translations that match their profiles entry for entry, as the shipped ones do"))
def translation_orphan(ctx, profiles, options) -> Iterator[Hit]:
    catalog = ctx.catalog
    try:
        files = translation_files(catalog)
        codes = set(catalog.profile_files)
    except JdgenError:
        return  # listing problems are validate's to report (JD001)
    loaded_profiles = {p.model.code.upper(): p for p in profiles}
    for (language, code), path in sorted(files.items()):
        try:
            translation = load_translation(path, catalog)
        except JdgenError:
            continue  # reported as JD001
        if code not in codes:
            yield hit_at(translation.doc, ("code",),
                         f"orphan translation: the catalog has no role profile {translation.model.code}",
                         "delete this file, or rename it (and its code) after the profile's new code")
            continue
        profile = loaded_profiles.get(code)
        if profile is None:
            continue  # an invalid profile: its own problems come first
        _, orphans = pair(printed_slots(profile.doc.data), translation.model)
        for at, entry in orphans:
            field = ".".join(at[:-1] if isinstance(at[-1], int) else at)
            yield hit_at(translation.doc, at + ("source",),
                         f"orphan translation of {field}: {profile.model.code} no longer prints the English this "
                         f"entry translates (source {entry.source})",
                         f"delete the entry, or run `{_refresh(profile.model.code, translation.model.language)}`, "
                         "which drops it")
