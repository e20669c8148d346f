"""Typed, immutable views of company files (``companies/SLUG.yaml``).

Split from :mod:`jdgen.catalog.models`, whose rules they follow (strict, in step with
``schemas/company.schema.json``): pydantic defines these fifteen classes only when a
command loads a company, not in every render of a generic posting.

No ``from __future__ import annotations`` here, for the reason given in
:mod:`jdgen.catalog.models`.
"""

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from .models import (SLUG, Amount, Component, Currency, EmailAddress, Frozen, Items, LevelCode, PayBasis, Printed,
                     Qualification, RoleCode, SchemaVersion, Text, WebAddress, Whole)

# --- company overrides --------------------------------------------------------------

Slug = Annotated[str, StringConstraints(min_length=1, pattern=f"^{SLUG}$")]
Country = Annotated[str, StringConstraints(min_length=1, pattern=r"^[A-Z]{2}$")]
RegionCode = Annotated[str, StringConstraints(min_length=1, pattern=r"^[A-Z0-9]{1,3}$")]
# The shape of an IANA name; whether tzdata has it is checked in jdgen.catalog.companies.
TimeZoneName = Annotated[str, StringConstraints(min_length=1, pattern=r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$")]
DateText = Annotated[str, StringConstraints(min_length=1, pattern=r"^\d{4}-\d{2}-\d{2}$")]
EmploymentType = Literal["full_time", "part_time", "contractor", "temporary", "intern", "volunteer", "per_diem", "other"]


LanguageCode = Annotated[str, StringConstraints(min_length=1, pattern=r"^[a-z]{2}$")]


class Locale(Frozen):
    language: LanguageCode
    region: Country = None


class CompanyInfo(Frozen):
    name: Printed
    slug: Slug
    about: Text = None
    website: WebAddress = None
    size: Annotated[Whole, Field(ge=1)] = None
    industry: Text = None
    locale: Locale = None
    logo: Text = None
    logo_url: WebAddress = None         # `logo` is a local file for DOCX; job search needs an address
    reference_docx: Text = None


class Area(Frozen):
    country: Country
    region: RegionCode = None


class Place(Frozen):
    id: Annotated[str, StringConstraints(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")]
    city: Text = None
    region: RegionCode = None
    county: Text = None
    country: Country
    postal_code: Text = None
    street: Text = None
    work_model: Literal["onsite", "hybrid", "remote"]
    language: LanguageCode = None       # which one a posting uses: jdgen.render.language
    timezone: TimeZoneName = None
    remote_eligibility: Annotated[Items[Area], Field(min_length=1)] = None


class Statement(Frozen):
    text: Text
    language: LanguageCode


class TaggedText(str):
    """A statement's text that also knows its language (``additional: [{text, language}]``).

    A str, so that everything that reads a company's statements as text (lint's rules, the
    templates) reads a tagged one as it reads a plain one; only the writers that can mark a
    language (HTML ``lang``, DOCX ``w:lang``) look at :attr:`language`.
    """

    language: str

    def __new__(cls, text: str, language: str) -> "TaggedText":
        made = super().__new__(cls, text)
        made.language = language
        return made


def _tagged(value):
    return value if isinstance(value, str) else TaggedText(value.text, value.language)


class Eeo(Frozen):
    statement: Text = None
    accommodation: Text = None
    # Plain text is in the posting's language; {text, language} is a statement in another.
    additional: Items[Annotated[Text | Statement, AfterValidator(_tagged)]] = ()


class Apply(Frozen):
    url: WebAddress = None
    posting_url: WebAddress = None      # a template: placeholders are checked in jdgen.catalog.companies
    direct_apply: bool = None
    email: EmailAddress = None
    deadline: DateText = None
    instructions: Text = None

    @model_validator(mode="after")
    def _somewhere_to_apply(self):
        if self.url is None and self.email is None:
            raise ValueError("give a url or an email")
        return self


class PayBand(Frozen):
    currency: Currency
    min: Amount
    max: Amount
    period: PayBasis


class Team(Frozen):
    about: Printed
    reports_to: Printed = None


class Section(Frozen):
    text: Printed
    body: Text = None
    items: Items[Text] = ()


def _ops(item):
    """A model for the list operators over items of type ``item``."""

    class Ops(Frozen):
        replace: Items[item] = None
        remove: Items[Text] = None
        prepend: Items[item] = None
        append: Items[item] = None

        @model_validator(mode="after")
        def _not_empty(self):
            if not self.model_fields_set:
                raise ValueError("name at least one of replace, remove, prepend, append")
            return self

    Ops.__name__ = Ops.__qualname__ = f"{item.__name__}ListOps"
    return Ops


ComponentOps = _ops(Component)
QualificationOps = _ops(Qualification)
SectionOps = _ops(Section)
ComponentChange = Items[Component] | ComponentOps
QualificationChange = Items[Qualification] | QualificationOps
SectionChange = Items[Section] | SectionOps


class RoleOverride(Frozen):
    title: Printed = None
    title_suffix: Printed = None
    summary: Printed = None
    opening: Printed = None
    responsibilities: ComponentChange = None
    tasks: ComponentChange = None
    skills: ComponentChange = None
    knowledge: ComponentChange = None
    competencies: ComponentChange = None
    tools: ComponentChange = None
    qualifications: QualificationChange = None
    sections: SectionChange = None
    pay: PayBand = None
    locations: Annotated[Items[Text], Field(min_length=1)] = None
    employment_type: EmploymentType = None
    requisition_id: Text = None
    team: Team = None


class Company(Frozen):
    schema_version: SchemaVersion
    company: CompanyInfo
    locations: Annotated[Items[Place], Field(min_length=1)]
    employment_type: EmploymentType = None
    benefits: Items[Text] = ()
    other_compensation: Items[Text] = ()
    eeo: Eeo = None
    apply: Apply = None
    hiring_process: Items[Printed] = ()
    apply_anyway: Printed = None
    pay_bands: dict[LevelCode, PayBand] = None
    defaults: RoleOverride = None
    roles: dict[RoleCode, RoleOverride] = None
