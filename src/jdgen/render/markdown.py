"""The Markdown posting: the Jinja template's output, tidied into clean CommonMark."""

from __future__ import annotations

import re
from pathlib import Path

from ..compose.posting import Posting
from .context import build_context
from .env import render_template
from .language import posting_translations

TEMPLATE = "posting.md.j2"
_BLANK_RUNS = re.compile(r"\n{3,}")


def tidy_markdown(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, no leading blank lines, one final newline.

    Templates are easier to read with generous blank lines around their tags; the
    output should not depend on how carefully a template author trimmed them.
    """
    lines = [line.rstrip() for line in text.splitlines()]
    tidy = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
    return tidy + "\n"


def render_markdown(posting: Posting, catalog_templates: Path | None = None) -> str:
    translations = posting_translations(posting)
    context = build_context(posting, translations)
    return tidy_markdown(render_template(TEMPLATE, "md", context, catalog_templates, translations))
