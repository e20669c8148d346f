"""Option and argument values checked as they were typed, before typer converts them.

Conversion loses what a person typed: an empty ``--date`` reads as "no date" and so
today, an empty path becomes ".", and a wrong choice or number comes back in pydantic's
words. The command classes here check every option and argument of every command once,
in jdgen's words; :mod:`jdgen.cli.app` uses them for each command.
"""

from __future__ import annotations

import re

from typer.core import TyperCommand, TyperGroup

from ..diagnostics import quoted, suggestion_hint
from ..errors import UsageError

# How to fill in each option or argument when it was given empty, by the name a message uses.
_HOW_TO_FILL = {
    "--catalog": "name a catalog folder, or leave --catalog out to use the nearest one",
    "--company": "give a company slug, e.g. --company northwind",
    "--format": "use md, html, jsonld or docx",
    "--output": "name a file or folder, or - for standard output",
    "--date": "write it as YYYY-MM-DD",
    "--as-of": "write it as YYYY-MM-DD",
    "--fail-on": "use error, warning or info",
    "--select": "name the rules to run, e.g. --select JD5, or leave --select out to run every rule",
    "--ignore": "name a rule to skip, e.g. --ignore JD601",
    "--level": "give a level, e.g. --level P4",
    "--function": "give a function code, e.g. --function AIMLAM",
    "--status": "use draft, review, approved or retired",
    "--limit": "give a whole number, e.g. --limit 5",
    "--source-url": "give the web address of the catalog folder, e.g. https://github.com/ORG/REPO/blob/main/profiles",
    "--jobs": "give a number of processes, e.g. --jobs 2, or leave --jobs out to use every core",
    "PATHS": "name a file or folder, or leave PATHS out to check the whole catalog",
    "DIR": "name a folder, or . for this one",
    "CODE_OR_TITLE": 'give a role code like AIMLAM.GEN.P4 or a title like "Sr. Machine Learning"',
    "CODE": "give a role code, e.g. AIMLAM.GEN.P4",
    "TITLE": 'give a job title, e.g. "Sr. Machine Learning"',
    "FUNCTION.FOCUS": "write FUNCTION.FOCUS, e.g. AIMLAM.GEN",
    "NAME": "use profile, ladder, taxonomy or company",
    "RULE": "give a rule code or name, e.g. JD301, or leave RULE out to list every rule",
}

def not_one_of(option: str, value: str, valid: list[str] | tuple[str, ...], what: str | None = None) -> UsageError:
    """A value outside a fixed or catalog-given set, worded the same for every option."""
    if what is None:
        return UsageError(f"{option} {quoted(value)} is not one of: {', '.join(valid)}",
                          hint=suggestion_hint(value, valid))
    listing = f"use one of: {', '.join(valid)}"
    close = suggestion_hint(value, valid)
    return UsageError(f"{option} {quoted(value)} is not {what}", hint=f"{close} {listing}" if close else listing)


class _ReadsTypedValues:
    """Check each value as it was typed, before typer converts it.

    Conversion loses what a person typed: an empty --date reads as "no date" and so today,
    an empty path becomes ".", and a wrong choice or number comes back in pydantic's words.
    One check here covers every option and argument of every command.
    """

    def parse_args(self, ctx, args):
        if not ctx.resilient_parsing:  # shell completion parses half-typed lines: let it
            typed, _, _ = self.make_parser(ctx).parse_args(args=list(args))
            for param in self.get_params(ctx):
                _check_typed(param, typed.get(param.name))
        return super().parse_args(ctx, args)


class CheckedGroup(_ReadsTypedValues, TyperGroup):
    pass


class CheckedCommand(_ReadsTypedValues, TyperCommand):
    pass


def _label(param) -> str:
    """How messages name a parameter: its long option, or its argument's metavar."""
    longs = [name for name in getattr(param, "opts", ()) if name.startswith("--")]
    if param.param_type_name == "option":
        return longs[0] if longs else param.opts[0]
    return (param.metavar or param.name.upper()).split()[0]


def _check_typed(param, raw) -> None:
    for value in raw if isinstance(raw, (list, tuple)) else (raw,):
        if not isinstance(value, str):  # a flag, or not given
            continue
        label = _label(param)
        described = label if label.startswith("-") else f"the {label} argument"
        kind = getattr(param, "type_descriptor", None)
        choices = [str(getattr(c, "value", c)) for c in kind.choices] if kind is not None and kind.is_choice else []
        if not value.strip():
            how = f"use one of: {', '.join(choices)}" if choices else \
                _HOW_TO_FILL.get(label, f"give a value, or leave {label} out")
            raise UsageError(f"{described} is {'empty' if not value else 'blank'}", hint=how)
        if choices:
            fold = (lambda s: s) if kind.case_sensitive else str.casefold
            if fold(value) not in map(fold, choices):
                raise not_one_of(label, value, choices)
        elif kind is not None and kind.annotation is int and not re.fullmatch(r"\s*[+-]?\d+\s*", value):
            raise UsageError(f"{described} {quoted(value)} is not a whole number", hint=f"e.g. {label} 5")
