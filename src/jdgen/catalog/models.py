"""Typed, immutable views of catalog files.

The JSON Schemas in ``schemas/`` are the published contract (editors and CI use them);
these pydantic models are what the code uses. They are also the fast path of
validation: pydantic-core checks a profile in ~0.06 ms where jsonschema needs ~3 ms,
so a file is checked by its model first and handed to jsonschema only when the model
refuses it, to produce the line-numbered messages. That only works if both accept
exactly the same data, so the models are strict (no coercion) and repeat every
constraint of the schemas; ``tests/test_schemas.py`` proves the two agree on fields and
required sets, and ``tests/test_schema_model_equivalence.py`` that they give the same
verdict on every single-value mutation of the shipped files and on random combinations.

Optional fields are written ``name: Text = None`` rather than ``Text | None``: the
schemas do not allow an explicit ``null``, and pydantic does not validate defaults, so
this is how "may be absent, but never null" is said to both.

Company files have their models in :mod:`~jdgen.catalog.company_models` and translations in
:mod:`~jdgen.catalog.translation_models`, made only when a command reads one: a render of a
generic posting defines neither (about 4 ms of pydantic class building).

No ``from __future__ import annotations`` here: pydantic reads every field's annotation
when a class is made, and as strings it evaluates each one again (about 240 ``eval``
calls, ~5 ms of every cold start that loads a catalog file).
"""

import re
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints, model_validator

from .addresses import is_email_address, is_web_address


def _whole_number(value):
    """JSON Schema counts 1.0 as an integer and true as no number; say the same to pydantic."""
    if isinstance(value, bool):
        raise ValueError("expected a number, not true/false")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _address(check, kind: str):
    """A validator for one kind of address: the schemas' pattern, run by Python's re as jsonschema runs it."""

    def validate(value: str) -> str:
        if not check(value):
            raise ValueError(f"not a {kind} address")
        return value

    return AfterValidator(validate)


def _not_blank(value: str) -> str:
    # The schemas say this with the pattern \S, which jsonschema runs through Python's re,
    # where \s means exactly str.isspace(). The same pattern here would run in pydantic's
    # Rust regex, which counts \x1c-\x1f as printable: the model would pass what the schema refuses.
    if value.isspace():
        raise ValueError("text is blank")
    return value


T = TypeVar("T")
# Containers accept YAML lists (lax) while their items stay strict.
Items = Annotated[tuple[T, ...], Strict(False)]
Text = Annotated[str, StringConstraints(min_length=1)]
# Text a posting prints where a reader expects words: a heading, a bullet, a name.
Printed = Annotated[str, StringConstraints(min_length=1), AfterValidator(_not_blank)]
Unit = Annotated[float, Field(ge=0, le=1)]
# The shapes of a role code and a company slug, also used to recognise output file names.
ROLE_CODE = r"[A-Z][A-Z0-9]{1,11}\.[A-Z][A-Z0-9]{1,11}\.[A-Z][1-9]"
SLUG = r"[a-z0-9][a-z0-9-]{0,62}"
RoleCode = Annotated[str, StringConstraints(min_length=1, pattern=f"^{ROLE_CODE}$")]
TaxonCode = Annotated[str, StringConstraints(min_length=1, pattern=r"^[A-Z][A-Z0-9]{1,11}$")]
LevelCode = Annotated[str, StringConstraints(min_length=1, pattern=r"^[A-Z][1-9]$")]
TrackCode = Annotated[str, StringConstraints(min_length=1, pattern=r"^[A-Z]$")]
Currency = Annotated[str, StringConstraints(min_length=1, pattern=r"^[A-Z]{3}$")]
Amount = Annotated[float, Field(ge=0)]
Whole = Annotated[int, BeforeValidator(_whole_number)]
SchemaVersion = Annotated[Literal[1], BeforeValidator(_whole_number)]
# Addresses a posting links to; the rule and its reasons are in jdgen.catalog.addresses.
WebAddress = Annotated[str, StringConstraints(min_length=1), _address(is_web_address, "web")]
EmailAddress = Annotated[str, StringConstraints(min_length=1), _address(is_email_address, "email")]

Band = Literal["low", "medium", "high"]
Prevalence = Literal["common", "occasional", "rare"]
Scope = Literal["level", "family", "function"]
Priority = Literal["required", "preferred"]
PayBasis = Literal["year", "month", "week", "day", "hour"]


class Frozen(BaseModel):
    # defer_build: a command pays for building only the validators it uses (~10 ms each).
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


# --- role profile ---------------------------------------------------------------

class Taxon(Frozen):
    code: TaxonCode
    name: Text


class Component(Frozen):
    text: Printed
    # The catalog keeps ``text`` as recorded (seed items word for word); ``posting`` is how
    # a posting says it to an applicant, and ``in_posting: false`` keeps it out of postings.
    posting: Printed = None
    in_posting: bool = True
    # An essential function (ADA): JD503 accepts its physical wording and asks for the accommodation line.
    essential: bool = False
    prevalence: Prevalence = "common"
    scope: Scope = "level"
    priority: Priority = "required"


class Qualification(Component):
    kind: Literal["experience", "education", "certification", "other"] = None


class Problem(Frozen):
    external: Text = None
    internal: Text = None
    why_it_matters: Text = None


class Story(Frozen):
    who: Text = None
    problem: Problem = None
    plan: Items[Text] = ()
    stakes: Text = None
    success: Text = None


class TitleAlias(Frozen):
    title: Printed
    type: Literal["canonical", "common", "variant", "legacy", "internal"] = "common"
    confidence: Unit = None
    confidence_band: Band = None
    approved: bool = False


class Classification(Frozen):
    system: Literal["onet_soc", "soc", "isco", "esco"]
    code: Text
    title: Text = None
    # "inferred" is the canon's word when it does not say what the inference started from.
    source: Literal["manual", "inferred", "inferred_from_superfunction", "inferred_from_title", "crosswalk"] = None
    review_status: Literal["needs_review", "reviewed", "approved"] = None

    @model_validator(mode="after")
    def _code_fits_system(self):
        pattern = CLASSIFICATION_PATTERNS.get(self.system)
        if pattern and not re.match(pattern, self.code):
            raise ValueError(f"{self.system} code {self.code!r} is not in the expected form")
        return self


class MarketPay(Frozen):
    currency: Currency
    basis: PayBasis
    median: Amount = None
    min: Amount = None
    max: Amount = None
    region: Text = None
    as_of: Text = None
    source: Text = None
    # How far the figures are the role's own: "inherited" from its function, or a national
    # base while the function's pricing is reviewed. Shown with the figures, never in postings.
    qualifier: Text = None


class AdjacentRole(Frozen):
    # The canon names neighbours outside any one catalog by title only, so either will do.
    code: RoleCode = None
    title: Printed = None
    distance: Unit = None
    band: Literal["close", "near", "far"] = None

    @model_validator(mode="after")
    def _names_a_role(self):
        if self.code is None and self.title is None:
            raise ValueError("give a code or a title")
        return self


class Demand(Frozen):
    signal: Text = None                 # the publisher's word, e.g. "hot"
    growth_percent: float = None        # projected employment growth, e.g. 33.5
    region: Text = None
    as_of: Text = None
    source: Text = None


DescriptorName = Literal["scope", "autonomy", "complexity", "impact", "decision_rights", "leadership"]


class CanonDescriptors(Frozen):
    scope: Text = None
    autonomy: Text = None
    complexity: Text = None
    impact: Text = None
    decision_rights: Text = None
    leadership: Text = None


class CanonYears(Frozen):
    min: Annotated[Whole, Field(ge=0)]
    max: Annotated[Whole, Field(ge=0)]


class Canon(Frozen):
    """What a public canon record says that a profile has no field for, kept for review.

    One typed block, never read by compose or render: a posting prints the catalog's own
    fields only, so canon wording cannot reach an applicant by accident.
    """

    code: Annotated[str, StringConstraints(min_length=1, pattern=f"^{ROLE_CODE}$")] = None
    url: WebAddress = None
    retrieved: Annotated[str, StringConstraints(min_length=1, pattern=r"^\d{4}-\d{2}-\d{2}$")] = None
    level_name: Text = None
    years: CanonYears = None
    descriptors: CanonDescriptors = None
    # Descriptors the canon page leaves unknown, said explicitly rather than by absence.
    unknown_descriptors: Items[DescriptorName] = ()
    notes: Items[Text] = ()


class Source(Frozen):
    title: Text
    url: WebAddress = None
    note: Text = None


class Profile(Frozen):
    schema_version: SchemaVersion
    code: RoleCode
    title: Printed
    function: Taxon
    focus: Taxon
    level: LevelCode
    status: Literal["draft", "review", "approved", "retired"]
    confidence: Unit = None
    confidence_band: Band = None
    region: Text = None
    version: Annotated[Whole, Field(ge=1)]
    summary: Printed
    opening: Printed = None
    story: Story = None
    responsibilities: Items[Component]
    tasks: Items[Component] = ()
    skills: Items[Component] = ()
    knowledge: Items[Component] = ()
    competencies: Items[Component] = ()
    qualifications: Items[Qualification]
    tools: Items[Component] = ()
    core_outputs: Items[Component] = ()
    title_aliases: Items[TitleAlias] = ()
    classifications: Items[Classification] = ()
    market_pay: Literal["pending"] | MarketPay = None
    adjacent_roles: Items[AdjacentRole] = ()
    demand: Demand = None
    sources: Items[Source] = ()
    canon: Canon = None


CLASSIFICATION_PATTERNS = {"onet_soc": r"^\d{2}-\d{4}(\.\d{2})?$", "soc": r"^\d{2}-\d{4}$", "isco": r"^\d{1,4}$"}

COMPONENT_LISTS = ("responsibilities", "tasks", "skills", "knowledge", "competencies", "qualifications", "tools", "core_outputs")


# --- level ladder -----------------------------------------------------------------

class Track(Frozen):
    code: TrackCode
    name: Text
    description: Text = None


class Years(Frozen):
    min: Annotated[Whole, Field(ge=0)]
    max: Annotated[Whole, Field(ge=0)]


class Descriptors(Frozen):
    """The six dimensions of a level; each must be written, and None means the source leaves it unknown.

    Required-but-nullable rather than optional: a ladder that follows a published canon
    (the JobFrame canon has no complexity or leadership for P7 and P8) says "unknown"
    instead of inventing words, while a key left out by mistake is still an error.
    """

    scope: Text | None
    autonomy: Text | None
    complexity: Text | None
    impact: Text | None
    decision_rights: Text | None
    leadership: Text | None


class Level(Frozen):
    code: LevelCode
    track: TrackCode
    rank: Annotated[Whole, Field(ge=1)]
    name: Text
    summary: Text
    years: Years
    typical_experience: Text = None
    descriptors: Descriptors

    @property
    def years_text(self) -> str:
        return f"{self.years.min}\u2013{self.years.max} yrs"


class TitleWord(Frozen):
    word: Text
    aliases: Items[Text] = ()
    levels: Annotated[Items[LevelCode], Field(min_length=1)]


class Ladder(Frozen):
    schema_version: SchemaVersion
    tracks: Annotated[Items[Track], Field(min_length=1)]
    levels: Annotated[Items[Level], Field(min_length=1)]
    title_words: Items[TitleWord] = ()

    def level(self, code: str) -> Level | None:
        for level in self.levels:
            if level.code == code:
                return level
        return None


# --- taxonomy ---------------------------------------------------------------------

class Focus(Frozen):
    code: TaxonCode
    name: Text
    description: Text = None


class Function(Frozen):
    code: TaxonCode
    name: Text
    description: Text = None
    focuses: Items[Focus] = ()


class SuperFunction(Frozen):
    code: TaxonCode
    name: Text
    description: Text = None
    functions: Annotated[Items[TaxonCode], Field(min_length=1)]


class Taxonomy(Frozen):
    schema_version: SchemaVersion
    super_functions: Items[SuperFunction] = ()
    functions: Annotated[Items[Function], Field(min_length=1)]

    def super_function_of(self, function: str) -> str | None:
        """The code of the super-function that lists ``function``; None when none does."""
        return next((s.code for s in self.super_functions if function in s.functions), None)
