"""One presentation of pay for `jdgen show`, `compare` and `ladder`.

A role's market pay and a company's pay band are read into a :class:`PayView` and printed
from it, so the three commands cannot drift apart again (``show`` once printed the median
with no label while ``compare`` dropped it).

Design choices:

* Three states, kept apart: ``recorded`` (the profile gives figures), ``pending`` (the
  profile says ``market_pay: pending``: a pay model is known to be missing) and
  ``not_recorded`` (the profile has no ``market_pay`` at all). Printing "pending" for a
  profile that never mentioned pay claimed work was under way when nobody had said so.
* Text: the figures first, then what they mean —
  ``median $231,230 (range $181,651–$294,340) USD per year; region US; national base;
  source X; as of 2026-01``. Semicolons, because sources hold commas ("AiPathly, Lead
  Machine Learning Architect, US 2024") and a comma list would blur where one ends. The currency code always follows the figures once, also when
  a symbol leads them, so "$" is never the only word for which dollar.
* JSON: numbers stay numbers (whole amounts as integers) and every field has its own key;
  a formatted string in JSON makes a consumer parse our English back into numbers.
* Qualifiers ("inherited", "national base (function pricing in review)") are read with
  ``getattr`` from ``qualifier`` or ``qualifiers``, so the view works whether or not the
  profile model carries them yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

RECORDED, PENDING, NOT_RECORDED = "recorded", "pending", "not_recorded"
_STATE_TEXT = {PENDING: "pending", NOT_RECORDED: "not recorded"}


@dataclass(frozen=True)
class PayView:
    status: str
    currency: str | None = None
    basis: str | None = None
    median: float | None = None
    min: float | None = None
    max: float | None = None
    region: str | None = None
    qualifiers: tuple[str, ...] = ()
    source: str | None = None
    as_of: str | None = None

    def figures(self) -> str:
        """The amounts with currency and basis, or the state's words when there are none."""
        if self.status != RECORDED:
            return _STATE_TEXT[self.status]
        parts = []
        if self.median is not None:
            parts.append(f"median {self._money(self.median)}")
        span = self._span()
        if span:
            parts.append(f"({span})" if parts else span)
        unit = f"{self.currency} per {self.basis}"
        return " ".join(parts + [unit]) if parts else f"{unit}, no amounts recorded"

    def details(self) -> str:
        """Region, qualifiers, source and as-of date: what the figures stand for ("" when none)."""
        parts = [f"region {self.region}" if self.region else None, *self.qualifiers,
                 f"source {self.source}" if self.source else None, f"as of {self.as_of}" if self.as_of else None]
        return "; ".join(p for p in parts if p)

    def text(self) -> str:
        return "; ".join(p for p in (self.figures(), self.details()) if p)

    def as_dict(self) -> dict[str, Any]:
        if self.status != RECORDED:
            return {"status": self.status}
        data: dict[str, Any] = {"status": self.status}
        for key in ("median", "min", "max"):
            value = getattr(self, key)
            data[key] = int(value) if value is not None and float(value).is_integer() else value
        data.update(currency=self.currency, basis=self.basis, region=self.region,
                    qualifiers=list(self.qualifiers), source=self.source, as_of=self.as_of)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PayView":
        """The view back from :meth:`as_dict` (compare keeps JSON-ready rows and prints from them)."""
        return cls(**{**data, "qualifiers": tuple(data.get("qualifiers") or ())})

    def _span(self) -> str:
        low, high = self.min, self.max
        if low is not None and high is not None:
            return f"range {self._money(low)}" if low == high else f"range {self._money(low)}–{self._money(high)}"
        if low is not None:
            return f"from {self._money(low)}"
        return f"up to {self._money(high)}" if high is not None else ""

    def _money(self, amount: float) -> str:
        from ..render.cldr import currency_symbol, money, number

        # Where English has no symbol but the code ("CHF"), the figures go bare: the code follows them anyway.
        return number(amount) if currency_symbol(self.currency) == self.currency else money(amount, self.currency)


def market_pay(profile: Any) -> PayView:
    """A profile's ``market_pay`` as a view: recorded, pending, or not recorded."""
    pay = profile.market_pay
    if pay is None:
        return PayView(NOT_RECORDED)
    if pay == "pending":
        return PayView(PENDING)
    return PayView(RECORDED, currency=pay.currency, basis=pay.basis, median=pay.median, min=pay.min, max=pay.max,
                   region=pay.region, qualifiers=_qualifiers(pay), source=pay.source, as_of=pay.as_of)


def company_band(band: Any, company: str) -> PayView:
    """A company's pay band for a level, presented like market pay, its source the company."""
    return PayView(RECORDED, currency=band.currency, basis=band.period, min=band.min, max=band.max,
                   source=f"{company} pay band")


def _qualifiers(pay: Any) -> tuple[str, ...]:
    found: list[str] = []
    for name in ("qualifier", "qualifiers"):
        value = getattr(pay, name, None)
        if isinstance(value, str):
            found.append(value)
        elif value:
            found.extend(str(v) for v in value)
    return tuple(dict.fromkeys(v for v in found if v.strip()))
