"""Profile + level + company → :class:`Posting`, the single input of every renderer.

The company's ``defaults`` block and then its ``roles.<CODE>`` block are merged onto
the profile (rules in :mod:`jdgen.compose.merge`); every merged value keeps the file:line it
came from, so lint can point at the YAML a person edits, not at rendered output. A company
that publishes in another language than English gets the profile's text from its
translation (:mod:`jdgen.compose.translation`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from ..catalog.loading import Loaded
from ..errors import UsageError
from .merge import LazyProvenance, Layer, Provenance, merge_layers, provenance_of
from ..catalog.models import Level, Profile
from ..catalog.yaml_source import JsonPath, SourceDoc
from ..diagnostics import Location

if TYPE_CHECKING:
    from ..catalog.company_models import Company, PayBand, Place, Section, Team
    from ..catalog.root import Catalog
    from .translation import TranslationUse

# Keys a company may set for a role that are not part of a profile.
POSTING_KEYS = ("sections", "pay", "locations", "employment_type", "requisition_id", "title_suffix", "team")


@dataclass(frozen=True)
class Posting:
    """Everything one job posting says, with where each value came from."""

    profile: Profile                    # the merged role: company title, lists and summary applied
    level: Level
    date_posted: date
    company: Company | None = None
    places: tuple[Place, ...] = ()
    pay: PayBand | None = None
    sections: tuple[Section, ...] = ()
    employment_type: str = "full_time"
    requisition_id: str | None = None
    team: Team | None = None            # the company's team section for this role
    provenance: Mapping[JsonPath, Location] = field(default_factory=dict, repr=False)  # read-only
    profile_doc: SourceDoc | None = field(default=None, repr=False)
    company_doc: SourceDoc | None = field(default=None, repr=False)
    # How the profile's text got into the posting's language; None for a posting in English.
    translation: TranslationUse | None = field(default=None, repr=False)

    @property
    def translation_doc(self) -> SourceDoc | None:
        return self.translation.doc if self.translation is not None else None

    @property
    def code(self) -> str:
        return self.profile.code

    @property
    def slug(self) -> str | None:
        return self.company.company.slug if self.company else None

    @property
    def valid_through(self) -> str | None:
        apply = self.company.apply if self.company else None
        return apply.deadline if apply else None

    @property
    def is_draft(self) -> bool:
        """True unless the profile is approved: see :func:`is_approved`."""
        return not is_approved(self.profile.status)


def is_approved(status: str) -> bool:
    """Whether a profile of this status may be published.

    Only ``approved`` may: ``review`` is not yet cleared and ``retired`` no longer is, so
    both are drafts as far as a posting is concerned, like ``draft`` itself. The draft
    marker, the render warning, the JSON-LD refusal and the template's ``is_draft`` all ask
    this one function, so they cannot disagree about a status.
    """
    return status == "approved"


def posting_date(value: str | None = None, environ: dict[str, str] | None = None) -> date:
    """The posting date: ``--date``, else ``SOURCE_DATE_EPOCH``, else today (UTC)."""
    import re

    from ..diagnostics import quoted

    environ = os.environ if environ is None else environ
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"--date {quoted(value)} is not a date", hint="write it as YYYY-MM-DD") from None
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        # int() alone cannot tell "12x" from a whole number too large for a date (or for int()).
        if not re.fullmatch(r"\s*[+-]?\d+\s*", epoch):
            raise UsageError(f"SOURCE_DATE_EPOCH {quoted(epoch)} is not a whole number of seconds",
                             hint="unset it or set it to e.g. 1767225600")
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH {quoted(epoch)} is out of range",
                             hint="give seconds since 1970-01-01, up to 253402300799 for the end of year 9999") from None
    return datetime.now(tz=timezone.utc).date()


def company_layers(company: Loaded[Company], code: str, cache: dict | None = None) -> list[Layer]:
    """What a company merges onto role ``code``, in order: its defaults, then the role's own block.

    ``cache`` keeps the defaults layer between roles of one company (validate merges every role).
    """
    raw = company.doc.data
    layers = []
    if raw.get("defaults"):
        key = ("defaults", company.path)
        layer = cache.get(key) if cache is not None else None
        if layer is None:
            layer = Layer(raw["defaults"], provenance_of(company.doc, root=("defaults",)), "defaults")
            if cache is not None:
                cache[key] = layer
        layers.append(layer)
    block = (raw.get("roles") or {}).get(code)
    if block:
        layers.append(Layer(block, provenance_of(company.doc, root=("roles", code)), f"roles.{code}"))
    return layers


def compose(catalog: "Catalog", profile: Loaded[Profile], company: Loaded[Company] | None, when: date) -> Posting:
    level = catalog.level_of(profile.model)
    if company is None:
        return Posting(profile=profile.model, level=level, date_posted=when,
                       provenance=LazyProvenance(profile.doc), profile_doc=profile.doc)
    from ..catalog.company_models import PayBand, Section, Team

    base = {**profile.doc.data, "sections": []}
    # The profile has no sections; an empty list starts at the top of the profile.
    base_provenance = {**provenance_of(profile.doc), ("sections",): profile.doc.where(())}
    layers = company_layers(company, profile.model.code)
    merged, provenance = merge_layers(base, base_provenance, layers)
    # A company that rewrote the summary wrote it for its applicants: it opens the posting,
    # ahead of the profile's opening, unless the company also gave an opening of its own.
    if any("summary" in layer.data for layer in layers) and not any("opening" in layer.data for layer in layers):
        merged = {**merged, "opening": merged["summary"]}
        provenance = {**provenance, ("opening",): provenance[("summary",)]}
    merged, provenance, translation = _in_language(catalog, profile, company, merged, provenance)
    extras: dict[str, Any] = {key: merged.pop(key) for key in POSTING_KEYS if key in merged}
    model = company.model
    place_ids = extras.get("locations")
    chosen = None if place_ids is None else set(place_ids)  # a set: a role may list thousands of ids
    places = tuple(p for p in model.locations if chosen is None or p.id in chosen)
    pay = extras.get("pay")
    band = PayBand.model_validate(pay) if pay else (model.pay_bands or {}).get(level.code)
    suffix = extras.get("title_suffix")
    if suffix and not merged["title"].rstrip().endswith(suffix.strip()):
        merged["title"] = f"{merged['title'].rstrip()} {suffix.strip()}"
    # A company that changes none of the profile's own fields (its defaults hold only pay, places
    # and the like, popped above) posts the profile as loaded: the models are frozen, so the
    # loaded one serves, and validating the same data again would give its equal.
    validated = profile.model if merged == profile.doc.data else Profile.model_validate(merged)
    return Posting(
        profile=validated,
        level=level,
        date_posted=when,
        company=model,
        places=places,
        pay=band,
        sections=tuple(Section.model_validate(s) for s in extras.get("sections", ())),
        employment_type=extras.get("employment_type") or model.employment_type or "full_time",
        requisition_id=extras.get("requisition_id"),
        team=Team.model_validate(extras["team"]) if extras.get("team") else None,
        provenance=provenance,
        profile_doc=profile.doc,
        company_doc=company.doc,
        translation=translation,
    )


def _in_language(catalog: "Catalog", profile: Loaded[Profile], company: Loaded[Company], merged: dict[str, Any],
                 provenance: Provenance) -> tuple[dict[str, Any], Provenance, TranslationUse | None]:
    """The merged profile in the company's language: unchanged for English."""
    from ..catalog.translations import SOURCE_LANGUAGE, find_translation, shown_path
    from .translation import posting_language, translate

    language = posting_language(company.model)
    if language == SOURCE_LANGUAGE:
        return merged, provenance, None
    code = profile.model.code
    return translate(merged, provenance, profile.doc.file, language, code, shown_path(catalog, code, language),
                     find_translation(catalog, code, language))
