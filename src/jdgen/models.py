"""Typed, immutable views of catalog files.

The JSON Schemas in ``schemas/`` are the published contract (editors and CI use them);
these pydantic models are what the code uses. Models are built only from data that has
already passed its schema, so a pydantic error here is a bug in jdgen, not bad input.
``tests/test_schema_model_agreement.py`` proves both describe the same fields and the
same required sets.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Band = Literal["low", "medium", "high"]
Prevalence = Literal["common", "occasional", "rare"]
Scope = Literal["level", "family", "function"]
Priority = Literal["required", "preferred"]
PayBasis = Literal["year", "month", "week", "day", "hour"]


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- role profile ---------------------------------------------------------------

class Taxon(Frozen):
    code: str
    name: str


class Component(Frozen):
    text: str
    prevalence: Prevalence = "common"
    scope: Scope = "level"
    priority: Priority = "required"


class Qualification(Component):
    kind: Literal["experience", "education", "certification", "other"] | None = None


class Problem(Frozen):
    external: str | None = None
    internal: str | None = None
    why_it_matters: str | None = None


class Story(Frozen):
    who: str | None = None
    problem: Problem | None = None
    plan: tuple[str, ...] = ()
    stakes: str | None = None
    success: str | None = None


class TitleAlias(Frozen):
    title: str
    type: Literal["canonical", "common", "variant", "legacy", "internal"] = "common"
    confidence: float | None = None
    confidence_band: Band | None = None
    approved: bool = False


class Classification(Frozen):
    system: Literal["onet_soc", "soc", "isco", "esco"]
    code: str
    title: str | None = None
    source: Literal["manual", "inferred_from_superfunction", "inferred_from_title", "crosswalk"] | None = None
    review_status: Literal["needs_review", "reviewed", "approved"] | None = None


class MarketPay(Frozen):
    currency: str
    basis: PayBasis
    median: float | None = None
    min: float | None = None
    max: float | None = None
    region: str | None = None
    as_of: str | None = None
    source: str | None = None


class AdjacentRole(Frozen):
    code: str
    distance: float | None = None
    band: Literal["close", "near", "far"] | None = None


class Source(Frozen):
    title: str
    url: str | None = None
    note: str | None = None


class Profile(Frozen):
    schema_version: Literal[1]
    code: str
    title: str
    function: Taxon
    focus: Taxon
    level: str
    status: Literal["draft", "review", "approved", "retired"]
    confidence: float | None = None
    confidence_band: Band | None = None
    region: str | None = None
    version: int
    summary: str
    story: Story | None = None
    responsibilities: tuple[Component, ...]
    tasks: tuple[Component, ...] = ()
    skills: tuple[Component, ...] = ()
    knowledge: tuple[Component, ...] = ()
    competencies: tuple[Component, ...] = ()
    qualifications: tuple[Qualification, ...]
    tools: tuple[Component, ...] = ()
    core_outputs: tuple[Component, ...] = ()
    title_aliases: tuple[TitleAlias, ...] = ()
    classifications: tuple[Classification, ...] = ()
    market_pay: Literal["pending"] | MarketPay | None = None
    adjacent_roles: tuple[AdjacentRole, ...] = ()
    sources: tuple[Source, ...] = ()


COMPONENT_LISTS = ("responsibilities", "tasks", "skills", "knowledge", "competencies", "qualifications", "tools", "core_outputs")


# --- level ladder -----------------------------------------------------------------

class Track(Frozen):
    code: str
    name: str
    description: str | None = None


class Years(Frozen):
    min: int
    max: int


class Descriptors(Frozen):
    scope: str
    autonomy: str
    complexity: str
    impact: str
    decision_rights: str
    leadership: str


class Level(Frozen):
    code: str
    track: str
    rank: int
    name: str
    summary: str
    years: Years
    typical_experience: str | None = None
    descriptors: Descriptors

    @property
    def years_text(self) -> str:
        return f"{self.years.min}\u2013{self.years.max} yrs"


class TitleWord(Frozen):
    word: str
    aliases: tuple[str, ...] = ()
    levels: tuple[str, ...]


class Ladder(Frozen):
    schema_version: Literal[1]
    tracks: tuple[Track, ...]
    levels: tuple[Level, ...]
    title_words: tuple[TitleWord, ...] = ()

    def level(self, code: str) -> Level | None:
        for level in self.levels:
            if level.code == code:
                return level
        return None


# --- taxonomy ---------------------------------------------------------------------

class Focus(Frozen):
    code: str
    name: str
    description: str | None = None


class Function(Frozen):
    code: str
    name: str
    description: str | None = None
    focuses: tuple[Focus, ...] = Field(default=())


class Taxonomy(Frozen):
    schema_version: Literal[1]
    functions: tuple[Function, ...]
