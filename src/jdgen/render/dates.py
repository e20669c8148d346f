"""Dates as people write them in a posting's language: "31 December 2026", "31. Dezember 2026".

ISO dates ("2026-12-31") are for machines (JSON-LD ``validThrough``); prose gets the day,
the month's name and the year in the order the language uses. Two languages need only a
month table, so jdgen carries one rather than Babel: English and German month names as in
the Unicode CLDR (cldr-json 44, ``main/en`` and ``main/de`` ``ca-gregorian`` wide format
months), with CLDR's long date patterns ``d MMMM y`` (en-GB; en-US writes ``MMMM d, y``)
and ``d. MMMM y`` (de). A posting in any other language gets the English form.
"""

from __future__ import annotations

from datetime import date

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
}


def long_date(value: str | date, language: str = "en") -> str:
    """``value`` (a date or YYYY-MM-DD) in words: day, month name, year.

    English uses the day-first form for every region: it cannot be misread, and a US reader
    understands "31 December 2026" as readily as "December 31, 2026".
    """
    day = value if isinstance(value, date) else date.fromisoformat(value)
    if language == "de":
        return f"{day.day}. {MONTHS['de'][day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS['en'][day.month - 1]} {day.year}"
