"""What a site build is asked for, besides the catalog: kept apart from :mod:`.pages` so that
the build can take it before the page modules are imported (they load while the workers parse)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SiteOptions:
    company: str | None = None     # a company slug: its pay bands and name
    source_url: str | None = None  # checked --source-url, without its trailing slash
