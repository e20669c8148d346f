"""Money, dates, lists and country names as the posting's language writes them, from CLDR through Babel.

jdgen keeps no tables of its own for these: the Unicode CLDR data Babel ships (pinned in
constraints.txt, so the same version gives the same bytes everywhere) knows that German
writes "68.000 €", French "68 000 €" (with CLDR's narrow no-break space) and US English
"$120,000"; that a US reader expects "December 31, 2026" and a British one "31 December 2026";
that German joins "A, B und C"; and what Germany is called in French. Each function takes a
CLDR locale id (:attr:`jdgen.render.language.PostingLocale.cldr`, e.g. ``de_DE``).

Choices on top of CLDR:

* **Whole amounts have no decimals** ("68.000 €", not "68.000,00 €"): pay bands are whole
  figures, and ",00" on a salary reads as accounting. Other amounts keep the currency's digits.
* **A range** is the two amounts joined by an en dash, closed up when the amounts have no
  spaces ("$157,000–$196,000") and with spaces around it when they do ("68.000 € – 84.000 €"),
  as German and French typography set a dash between multi-word terms.
* **A currency written with letters** ("CHF") is kept apart from the figures by a no-break space, "CHF 68,000": CLDR's ``currencySpacing``
  rule from its root locale, which every locale jdgen ships inherits and Babel 2.19 does
  not apply.
* Babel is imported inside each function, never at module level: ``jdgen render`` of a
  generic posting never pays its import (~40 ms) and a company posting pays it once.
  Results are cached: a batch prints the same bands, dates and places in posting after
  posting, and Babel looks its locale up again on every call.
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache


@cache
def _whole_pattern(locale: str):
    from babel import Locale
    from babel.numbers import parse_pattern

    pattern = parse_pattern(Locale.parse(locale).currency_formats["standard"].pattern)
    pattern.frac_prec = (0, 0)
    return pattern


@lru_cache(maxsize=4096)
def money(amount: float, currency: str, locale: str = "en") -> str:
    """``amount`` of ``currency`` (ISO 4217) as ``locale`` writes it: "$157,000", "68.000 €"."""
    from babel.numbers import format_currency, get_currency_symbol

    if float(amount).is_integer():
        text = _whole_pattern(locale).apply(int(amount), locale, currency=currency, currency_digits=False)
    else:
        text = format_currency(amount, currency, locale=locale)
    return _spaced(text, get_currency_symbol(currency, locale=locale))


def _spaced(text: str, symbol: str) -> str:
    """CLDR's currencySpacing: a no-break space between a digit and a symbol's letter."""
    if text.startswith(symbol) and text[len(symbol):][:1].isdigit() and not _is_symbol(symbol[-1]):
        return f"{symbol}\u00a0{text[len(symbol):]}"
    if text.endswith(symbol) and text[:-len(symbol)][-1:].isdigit() and not _is_symbol(symbol[0]):
        return f"{text[:-len(symbol)]}\u00a0{symbol}"
    return text


def _is_symbol(char: str) -> bool:
    from unicodedata import category

    return category(char).startswith(("S", "Z"))


@lru_cache(maxsize=4096)
def money_range(low: float, high: float, currency: str, locale: str = "en") -> str:
    """Two amounts as one range (see the module docstring); one amount when they are equal."""
    first, last = money(low, currency, locale), money(high, currency, locale)
    if low == high:
        return first
    dash = " \u2013 " if any(c.isspace() for c in first + last) else "\u2013"
    return f"{first}{dash}{last}"


def number(amount: float, locale: str = "en") -> str:
    """An amount without its currency, with ``locale``'s separators: "231,230", "1.234,50"."""
    from babel import Locale
    from babel.numbers import parse_pattern

    pattern = parse_pattern(Locale.parse(locale).decimal_formats[None].pattern)
    pattern.frac_prec = (0, 0) if float(amount).is_integer() else (2, 2)
    return pattern.apply(amount, locale)


@lru_cache(maxsize=4096)
def currency_symbol(currency: str, locale: str = "en") -> str:
    """What ``locale`` writes for ``currency``: "$", "€", or the code itself ("CHF")."""
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(currency, locale=locale)


@lru_cache(maxsize=4096)
def long_date(value: str | date, locale: str = "en") -> str:
    """``value`` (a date or YYYY-MM-DD) in CLDR's long form: "31. Dezember 2026", "December 31, 2026"."""
    from babel.dates import format_date

    day = value if isinstance(value, date) else date.fromisoformat(value)
    return format_date(day, "long", locale=locale)


def join(items: list[str], locale: str = "en", style: str = "standard") -> str:
    """``items`` as one phrase: "A, B und C" (``standard``), "A, B oder C" (``or``)."""
    return _join(tuple(items), locale, style)


@lru_cache(maxsize=4096)
def _join(items: tuple[str, ...], locale: str, style: str) -> str:
    from babel.lists import format_list

    return format_list(list(items), style=style, locale=locale)


@lru_cache(maxsize=4096)
def territory(code: str, locale: str = "en") -> str:
    """The name of ISO 3166 country ``code`` in ``locale``'s language ("Deutschland"); the code when CLDR has none."""
    from babel import Locale

    return Locale.parse(locale).territories.get(code, code)


@cache
def territory_codes() -> dict[str, str]:
    """ISO 3166 country code by name, as English, German and French write it ("germany",
    "deutschland", "allemagne"), case folded; the countries only, not CLDR's regions ("001")."""
    from babel import Locale

    found: dict[str, str] = {}
    for locale in ("en", "de", "fr"):
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK"):
                found.setdefault(name.casefold(), code)
    return found
