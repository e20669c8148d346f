"""The time zone of a company location: named in the file, or derived from where it is.

A location may name its IANA zone (``timezone: America/Chicago``); otherwise the zone
comes from ``jdgen/data/time_zones.yaml``, which lists only US states and countries that
keep one clock everywhere (its header gives the sources). Anything else has no zone, and
the caller asks the author for ``timezone`` rather than guessing: a wrong guess shifts a
deadline by hours without anyone noticing.

Zones are read from the ``tzdata`` package, never from the machine's
``/usr/share/zoneinfo``: jdgen pins tzdata, so one jdgen install computes the same
offsets on every machine and a posting renders to the same bytes in CI and on a laptop.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

TABLE = Path(__file__).resolve().parents[1] / "data" / "time_zones.yaml"


@cache
def known_zones() -> frozenset[str]:
    """Every zone name the pinned tzdata has."""
    from importlib.resources import files

    return frozenset(files("tzdata").joinpath("zones").read_text(encoding="utf-8").split())


@cache
def zone(name: str) -> "ZoneInfo":
    """The zone ``name`` from tzdata; ``name`` must be in :func:`known_zones`."""
    from importlib.resources import files
    from zoneinfo import ZoneInfo

    if name not in known_zones():  # also keeps a name from walking out of tzdata's folder
        raise KeyError(name)
    with files("tzdata.zoneinfo").joinpath(*name.split("/")).open("rb") as handle:
        return ZoneInfo.from_file(handle, key=name)


@cache
def _table() -> dict[str, dict[str, str]]:
    import yaml

    with TABLE.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def derived_zone(country: str, region: str | None = None) -> str | None:
    """The one zone of a US state or a country, or None where there is more than one (or no row)."""
    table = _table()
    if country == "US":
        return table["us_states"].get(region) if region else None
    return table["countries"].get(country)
