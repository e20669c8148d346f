"""``jdgen rules``: the rule table, and one rule's documentation with its examples."""

from __future__ import annotations

from ..diagnostics import suggestion_hint
from ..errors import NotFoundError
from ..terminal_text import table
from .ruleset import all_rules


def rule_table() -> str:
    rows = [(r.code, r.name, r.severity, r.target, r.summary) for r in sorted(all_rules().values(), key=lambda r: r.code)]
    return table(["CODE", "NAME", "SEVERITY", "CHECKS", "SUMMARY"], rows)


def explain(selector: str) -> str:
    rules = all_rules()
    found = rules.get(selector.upper()) or next((r for r in rules.values() if r.name == selector), None)
    if found is None:
        names = [*rules, *(r.name for r in rules.values())]
        raise NotFoundError(f"no rule {selector!r}", hint=suggestion_hint(selector, names) or "run `jdgen rules`")
    r = found
    checks = f"each {r.target}" + (" and posting files (.md .txt .html .docx)" if r.documents else "")
    out = [f"{r.code} {r.name}", f"  severity: {r.severity}    checks: {checks}", "", r.summary, "", "Why:", f"  {r.why}"]
    if r.options:
        out += ["", "Options (set in [lint.options." + r.code + "]):"]
        out += [f"  {name} = {value!r}    {r.option_help.get(name, '')}".rstrip() for name, value in r.options.items()]
    for label, example in (("Bad", r.bad), ("Good", r.good)):
        out += ["", f"{label} example:"]
        for part, text in (("profile", example.profile), ("company", example.company), ("ladder", example.ladder)):
            if text:
                where = {"profile": "in roles/AIMLAM.GEN.P4.yaml", "company": "in companies/northwind.yaml",
                         "ladder": "in ladder.yaml, under the level"}[part]
                out.append(f"  # {where}")
                out += [f"  {line}" for line in text.rstrip().splitlines()]
        if example.note:
            out.append(f"  # {example.note}")
        if not (example.profile or example.company or example.ladder or example.note):
            out.append("  # the built-in catalog as shipped")
    if r.word_list:
        from .data import phrases

        listed = phrases(r.word_list)
        out += ["", f"Rows ({r.word_list}; leave one out with ignore = [\"{r.code}:ROW\"] in [lint], "
                    f"or --ignore {r.code}:ROW):"]
        width = max(len(p.id) for p in listed)
        out += [f"  {p.id:<{width}}  {p.message}" for p in listed]
    out += ["", f"Silence one finding with a comment on its line: # jdgen: ignore[{r.code}] <reason>"]
    return "\n".join(out) + "\n"
