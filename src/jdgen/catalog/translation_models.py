"""Typed, immutable views of translation files (``translations/LANGUAGE/CODE.yaml``).

Split from :mod:`jdgen.catalog.models`, whose rules they follow (strict, in step with
``schemas/translation.schema.json``): pydantic defines these classes only when a command
reads a translation, not in every render of a posting in English.

No ``from __future__ import annotations`` here, for the reason given in
:mod:`jdgen.catalog.models`.
"""

from typing import Annotated

from pydantic import StringConstraints

from .models import Frozen, Items, Printed, RoleCode, SchemaVersion

# --- translations ----------------------------------------------------------------------

SourceHash = Annotated[str, StringConstraints(min_length=1, pattern=r"^[0-9a-f]{10}$")]


class TranslatedText(Frozen):
    """One text of a profile in another language, with the hash of the English text it translates.

    ``text`` may be absent: ``jdgen translate`` writes an entry for every printed text, and
    an entry without text is one the translator has still to write.
    """

    source: SourceHash
    text: Printed = None


class TranslatedProblem(Frozen):
    external: TranslatedText = None
    why_it_matters: TranslatedText = None


class TranslatedStory(Frozen):
    problem: TranslatedProblem = None
    success: TranslatedText = None


class Translation(Frozen):
    """translations/LANGUAGE/CODE.yaml: what a profile prints, in one other language (see
    :mod:`jdgen.catalog.translations`)."""

    schema_version: SchemaVersion
    code: RoleCode
    language: Annotated[str, StringConstraints(min_length=1, pattern=r"^[a-z]{2}$")]
    title: TranslatedText = None
    opening: TranslatedText = None
    summary: TranslatedText = None
    story: TranslatedStory = None
    responsibilities: Items[TranslatedText] = ()
    qualifications: Items[TranslatedText] = ()
    skills: Items[TranslatedText] = ()
    knowledge: Items[TranslatedText] = ()
    tools: Items[TranslatedText] = ()
