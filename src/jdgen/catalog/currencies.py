"""Currency codes, checked wherever pay appears (company bands, profile market pay).

A code is accepted when the Unicode CLDR data Babel ships records it as in use today in some
country (legal tender or not, so fund codes such as BOV and CLF count): that is ISO 4217's
list of current codes as CLDR keeps it, updated with each Babel release and pinned with it in
constraints.txt. Withdrawn currencies (DEM, a pay band in Deutsche Mark) are refused, though
CLDR still names them. jdgen keeps no list of its own.

Babel is imported only when a file states a currency; its currency table is read once.
The check runs on every load, a cached parse included (see :mod:`jdgen.catalog.parse_cache`),
so a Babel upgrade that retires a currency is noticed without clearing the cache.
"""

from __future__ import annotations

from functools import cache

from ..diagnostics import Diagnostic, suggestion_hint
from .yaml_source import JsonPath, SourceDoc


@cache
def currencies_in_use() -> frozenset[str]:
    from babel.core import get_global

    return frozenset(code for spans in get_global("territory_currencies").values()
                     for code, _start, end, _tender in spans if end is None)


def currency_problem(doc: SourceDoc, path: JsonPath, code: str) -> Diagnostic | None:
    if code in currencies_in_use():
        return None
    return Diagnostic(doc.where(path), f"currency {code!r} is not an ISO 4217 code",
                      suggestion_hint(code, currencies_in_use()) or "use a code such as USD, EUR or GBP")
