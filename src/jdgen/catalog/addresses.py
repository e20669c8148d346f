"""What a web or email address in catalog data may be, and what to say when it is not.

A company's ``apply.url`` is printed into a Markdown link and so into every HTML and
DOCX posting; a line break in it would start new Markdown (a second link, to anywhere).
So an address is one absolute ``https://`` or ``http://`` URL, or one plain email
address (jdgen writes the ``mailto:``), with no spaces, line breaks, control characters
or invisible characters anywhere, and no ``user@`` before the host (which makes
``https://bank.example@evil.example`` look like the bank's).

The rule is one regular expression per kind, written verbatim into the JSON Schemas as
``pattern`` and run by the models with Python's ``re``, the engine jsonschema uses: the
two cannot disagree. :func:`address_problem` explains a refused value in words, since a
regex means nothing to the person who wrote the address.
"""

from __future__ import annotations

import re
from functools import cache

# Controls, every kind of space, and invisible format characters (zero-width, bidi controls, BOM).
_UNSEEN = r"\x00-\x20\x7f-\xa0\xad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff"
# Characters no URL carries unencoded, which Markdown, HTML or a terminal would read as syntax.
_SYNTAX = r'\\<>"`'
WEB_ADDRESS = rf"^https?://[^/?#@:{_SYNTAX}{_UNSEEN}][^/?#@{_SYNTAX}{_UNSEEN}]*(?:[/?#][^{_SYNTAX}{_UNSEEN}]*)?$"
# One addr-spec, without the characters a mailto: URL would read as its own syntax (?, #, %, :).
_NOT_IN_EMAIL = rf'@()<>\[\],;:"?#/%\\`{_UNSEEN}'
EMAIL_ADDRESS = rf"^[^{_NOT_IN_EMAIL}]+@[^{_NOT_IN_EMAIL}]+\.[^{_NOT_IN_EMAIL}]+$"

WEB_HINT = "write one full address starting with https://, e.g. https://example.com/jobs"
EMAIL_HINT = "write one address such as jobs@example.com; jdgen adds the mailto: itself"

_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@cache
def _compiled(pattern: str) -> re.Pattern:
    # Compiled on first use: the wide character classes cost milliseconds every start-up.
    return re.compile(pattern)


def is_web_address(value: str) -> bool:
    return bool(_compiled(WEB_ADDRESS).match(value))


def is_email_address(value: str) -> bool:
    return bool(_compiled(EMAIL_ADDRESS).match(value))


def address_problem(kind: str, value: str) -> str:
    """What is wrong with ``value`` as a ``web`` or ``email`` address, as the end of a sentence."""
    unseen = re.search(f"[{_UNSEEN}]", value)
    if unseen:
        char = unseen.group()
        if char in _LINE_BREAKS:
            return "contains a line break"
        if char.isspace():
            return "contains a space"
        return f"contains the invisible character U+{ord(char):04X}"
    if kind == "email":
        if value.lower().startswith("mailto:"):
            return "starts with mailto:"
        bad = re.search(r'[()<>\[\],;:"?#/%\\`]', value)
        if bad:
            return f"contains {bad.group()!r}, which email addresses here may not"
        return "is not an email address like name@example.com"
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.\-]{0,31}):", value)
    if scheme is None:
        return "does not start with https:// or http://"
    if scheme.group(1).lower() not in ("http", "https"):
        return f"uses {scheme.group(1).lower()}:, not https:// or http://"
    if not value.startswith(("https://", "http://")):
        return "must start with https:// or http:// in lower case, with both slashes"
    bad = re.search(f"[{_SYNTAX}]", value)
    if bad:
        return f"contains {bad.group()!r}, which web addresses may not"
    authority = re.split(r"[/?#]", value.split("://", 1)[1], maxsplit=1)[0]
    if "@" in authority:
        return "names a user before its host (user@host), which hides where the link goes"
    return "has no host name after ://"
