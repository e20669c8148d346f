"""The language a posting is written in, as one BCP 47 tag for HTML ``lang`` and DOCX ``w:lang``.

From the company's ``locale``: its language, with its region only where that pair is a
variety of the language that word processors check spelling in (``en-US``, ``de-AT``).
An English posting of a German company is English, not "English as spoken in Germany":
``en-DE`` has no spelling dictionary in Word or LibreOffice, so it would leave the
posting unchecked. Without a company or locale the posting is English (``en``), which is
what the built-in templates write.
"""

from __future__ import annotations

from ..compose.posting import Posting

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


def posting_language(posting: Posting) -> str:
    company = posting.company
    locale = company.company.locale if company is not None else None
    if locale is None or not locale.language:
        return "en"
    language = locale.language
    region = (locale.region or "").upper()
    return f"{language}-{region}" if region in VARIETIES.get(language.lower(), ()) else language
