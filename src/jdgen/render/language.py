"""The language a posting is written in: which catalog translates it, how CLDR formats it, how it is tagged.

**Which language.** A company's ``locale.language`` (``de`` for a Munich employer), unless
the posting's locations say otherwise: a location may set its own ``language`` (``fr`` for
Montréal), and when *every* location of a posting sets the same one, that language wins.
When they disagree, or only some set one, the company's language stays: a posting is one
text, and a posting open in Montréal and in Toronto is written in the company's language
rather than in whichever location happens to come first. Without a company or locale the
posting is English (``en``), the language the built-in templates are written in.

**Which region.** The company's ``locale.region`` when the language is the company's; the
locations' common country when the language comes from the locations (a French posting for
Montréal is ``fr-CA``). The region chooses CLDR's conventions for dates and numbers
(en-US "December 31, 2026", en-GB "31 December 2026") through :attr:`PostingLocale.cldr`.

**The tag** (HTML ``lang``, DOCX ``w:lang`` and ``dc:language``, JSON-LD ``inLanguage``) is
the language, with the region only where that pair is a variety of the language that word
processors check spelling in (``en-US``, ``de-AT``). An English posting of a German company
is English, not "English as spoken in Germany": ``en-DE`` has no spelling dictionary in Word
or LibreOffice, so it would leave the posting unchecked.

**Web pages get the short tag** (:func:`web_tag`): HTML ``lang`` and JSON-LD ``inLanguage``
drop a region that CLDR's likely subtags already imply for the language, so a Munich
posting is ``lang="de"`` and a New York one ``lang="en"``, while ``fr-CA`` and ``de-AT``
keep the region that tells them apart. That is the W3C's advice for ``lang`` (the shortest
tag that says what matters), and ``:lang(de)`` selectors and screen readers treat both
forms alike. Word processors are different: they choose the spelling dictionary by the
full pair, so DOCX keeps ``de-DE``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..compose.posting import Posting
from ..diagnostics import Location

# Language -> regions whose variety Word and LibreOffice ship proofing tools for.
VARIETIES = {
    "en": {"US", "GB", "CA", "AU", "NZ", "IE", "IN", "ZA", "SG"},
    "de": {"DE", "AT", "CH", "LU", "LI"},
    "fr": {"FR", "CA", "BE", "CH", "LU"},
    "es": {"ES", "MX", "US", "AR", "CO", "CL"},
    "pt": {"PT", "BR"},
    "nl": {"NL", "BE"},
    "it": {"IT", "CH"},
}


@dataclass(frozen=True)
class PostingLocale:
    language: str               # ISO 639-1: which message catalog translates the posting
    region: str | None = None   # ISO 3166-1 alpha-2: CLDR's conventions for dates and numbers

    @property
    def tag(self) -> str:
        """The BCP 47 tag for lang attributes (see the module docstring)."""
        return tag(self.language, self.region)

    @property
    def cldr(self) -> str:
        """The CLDR locale Babel formats with: ``de_DE``, ``en_US``; the language alone when
        CLDR has no data for the pair (Babel loads its data only when a posting needs it)."""
        return _cldr(self.language, self.region)


ENGLISH = PostingLocale("en")


def tag(language: str, region: str | None = None) -> str:
    region = (region or "").upper()
    return f"{language}-{region}" if region in VARIETIES.get(language.lower(), ()) else language


@cache
def web_tag(full_tag: str) -> str:
    """``full_tag`` without a region its language implies (``de-DE`` -> ``de``; ``fr-CA`` stays)."""
    language, _, region = full_tag.partition("-")
    if not region:
        return full_tag
    from babel.core import get_global  # CLDR's likely-subtags table, loaded once

    likely = get_global("likely_subtags").get(language.lower(), "")
    return language if likely.split("_")[-1] == region.upper() else full_tag


@cache
def _cldr(language: str, region: str | None) -> str:
    if region:
        from babel.localedata import exists  # a file lookup; the data itself loads on first format

        if exists(f"{language}_{region}"):
            return f"{language}_{region}"
    return language


def posting_locale(posting: Posting) -> PostingLocale:
    """The language and region of ``posting`` (see the module docstring for the rule)."""
    company = posting.company
    if company is None:
        return ENGLISH
    places = posting.places
    chosen = {place.language for place in places}
    if places and len(chosen) == 1 and None not in chosen:
        countries = {place.country for place in places}
        return PostingLocale(chosen.pop(), countries.pop() if len(countries) == 1 else None)
    locale = company.company.locale
    if locale is None:
        return ENGLISH
    return PostingLocale(locale.language, locale.region)


def posting_language(posting: Posting) -> str:
    """The BCP 47 tag of ``posting``'s language: HTML ``lang``, DOCX ``w:lang``, JSON-LD ``inLanguage``."""
    return posting_locale(posting).tag


def language_source(posting: Posting) -> Location | None:
    """The company-file line that chose ``posting``'s language: a location's ``language``, else ``locale.language``."""
    doc, company = posting.company_doc, posting.company
    if doc is None or company is None:
        return None
    language = posting_locale(posting).language
    for index, place in enumerate(company.locations):
        if place in posting.places and place.language == language:
            return doc.where(("locations", index, "language"))
    return doc.where(("company", "locale", "language")) if company.company.locale else None


def posting_translations(posting: Posting):
    """The gettext translations ``posting`` is worded with: its catalog's ``locales/`` (the folder
    beside ``companies/``), then jdgen's own catalogs (see :mod:`jdgen.render.translations`).

    The catalog is found through the company file, which sits directly in ``companies/``, so that
    every writer (Markdown, HTML, DOCX, the draft marker) finds the same catalog without being
    handed its folder. A generic posting is English and needs none.
    """
    from .translations import translations

    root = Path(os.path.abspath(posting.company_doc.file)).parent.parent if posting.company_doc else None
    return translations(posting_locale(posting).language, root, where=lambda: language_source(posting))


def words(text: str) -> str:
    """``text`` with its runs of whitespace as one space: how a paragraph is matched to a statement."""
    return " ".join(text.split())


def inline_words(children) -> str:
    """The :func:`words` a markdown-it inline token's ``children`` show, the text of links included."""
    return words("".join(" " if c.type in ("softbreak", "hardbreak") else c.content for c in children
                         if c.type in ("text", "text_special", "code_inline", "softbreak", "hardbreak")))


def foreign_texts(posting: Posting) -> dict[str, str]:
    """The company's statements written in another language than the posting's, by their
    :func:`words`, with the tag each gets (``lang="de"`` in HTML, ``w:lang`` in DOCX).

    A statement says its language in the company file (``eeo.additional: [{text, language}]``).
    Markdown has no way to mark a paragraph's language, so the writers that can find the
    paragraph by its text: the statement is printed as a paragraph of its own, whole.
    """
    company = posting.company
    if company is None or company.eeo is None:
        return {}
    locale = posting_locale(posting)
    return {words(text): tag(text.language, locale.region) for text in company.eeo.additional
            if getattr(text, "language", locale.language) != locale.language}
