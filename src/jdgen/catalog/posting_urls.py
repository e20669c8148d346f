"""A company's ``apply.posting_url``: the address of each posting's own page, as a template.

``https://careers.example.com/jobs/{requisition_id}`` gives every posting the address of
its page, which JSON-LD needs as ``url`` (Google wants the page of this job, not the list
of all jobs). The placeholders are a closed set, checked when the company file loads, so a
typo (``{requisition}``) is a ``file:line:col`` error rather than a broken link on every
posting. A literal brace is written doubled (``{{``), as in Python's ``str.format``.
"""

from __future__ import annotations

from string import Formatter
from urllib.parse import quote

# What a posting knows about itself, by placeholder name.
FIELDS = ("requisition_id", "code", "slug")


def template_problem(template: str) -> tuple[str, str] | None:
    """What is wrong with ``template`` and how to fix it, or None."""
    try:
        parts = list(Formatter().parse(template))
    except ValueError:
        return ("has a brace without its partner",
                "write placeholders as {requisition_id}, and a literal brace twice ({{ or }})")
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in FIELDS or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            return (f"has an unknown placeholder {shown}", f"use {', '.join('{' + f + '}' for f in FIELDS)}")
    return None


def fields_of(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


def fill(template: str, values: dict[str, str | None]) -> str | None:
    """The address for one posting, or None when it needs a value the posting lacks."""
    needed = fields_of(template)
    if any(not values.get(name) for name in needed):
        return None
    return template.format(**{name: quote(values[name], safe="") for name in needed})
