"""``jdgen import``: read each posting, draft its profile, check it, then write every draft.

Design choices:

* All or nothing: every posting is read, mapped, given a code and checked before the first
  file is written, so a bad posting or an existing file stops the run with nothing half done.
* Drafts go to ``-o DIR`` (default: the catalog's ``roles/``) as ``CODE.yaml``. The company's
  text goes beside it as ``CODE.company.yaml.draft``: not ``.yaml``, because every YAML file
  under ``roles/`` is read as a role profile, and a company file there would break
  ``jdgen validate``; a person moves its keys into ``companies/<slug>.yaml``.
* A draft is checked as the catalog checks a profile file (schema, model, code against the
  file name, level, taxonomy) before it is written. The one check let through is a function
  or focus the proposal made up: the taxonomy must gain it, which the summary says.
* The YAML text is parsed again and compared with the values meant; a difference is a bug.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from ..diagnostics import Location
from ..errors import InvalidInputError, OutputError, UsageError
from .codes import CODE, Proposal, propose
from .mapping import Mapped, map_document
from .yaml_text import Commented, dump

if TYPE_CHECKING:
    from ..catalog.root import Catalog
    from ..documents import Document

MODELINE = "# yaml-language-server: $schema=../../schemas/profile.schema.json"


@dataclass
class Draft:
    source: str
    code: str
    profile: str
    company: str | None
    report: str
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    written: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def import_postings(catalog: "Catalog", sources: list[tuple[str, bytes | None]], *, output: str | None = None,
                    code: str | None = None, level: str | None = None, force: bool = False) -> ImportResult:
    """Draft a profile from each ``(name, data)`` (a path, or standard input's bytes as ``("-", data)``)."""
    from ..collector import batch_begins

    batch_begins()  # a batch: the collector runs again (jdgen/collector.py)
    from ..documents import read_document, read_document_bytes
    from ..filesystem.writing import OutputFolder

    ladder = catalog.ladder
    if level is not None and ladder.level(level) is None:
        raise UsageError(f"--level {level!r} is not a level of the ladder",
                         hint=f"use one of {', '.join(lv.code for lv in ladder.levels)}")
    if code is not None:
        code = _checked_code(catalog, code, level, len(sources))
    if output is None and catalog.fallback:
        raise UsageError("no catalog to import into: no jdgen.toml in this folder or above",
                         hint="pass -o DIR for the drafts, or --catalog DIR")
    folder = Path(output) if output is not None else catalog.roles_dir
    taken = set(catalog.codes)
    drafts: list[Draft] = []
    problems: list = []   # every posting that is not usable, reported together: nothing is written then
    imported = _imported_from(catalog)
    for name, data in sources:
        try:
            document = read_document_bytes(data, name) if data is not None else read_document(name)
        except InvalidInputError as exc:
            problems += exc.diagnostics()
            continue
        # With --force, the codes of drafts an earlier import made from this same posting are free
        # again, so importing it twice overwrites its draft instead of filing a second one.
        own = imported.get(_same_path(name), set()) if data is None else set()
        if own and not force and code is None:
            raise OutputError(f"{name} was imported before, as {', '.join(sorted(own))}",
                              hint="pass --force to draft it again over that file, or --code to file another draft")
        try:
            draft = _draft(catalog, document, folder, code, level, taken - own)
        except InvalidInputError as exc:
            problems += exc.diagnostics()
            continue
        taken.add(draft.code)
        drafts.append(draft)
    if problems:
        raise InvalidInputError(problems)
    names = [(f"{d.code}.yaml", d.profile) for d in drafts]
    names += [(f"{d.code}.company.yaml.draft", d.company) for d in drafts if d.company is not None]
    result = ImportResult()
    with OutputFolder.open(folder, create=True, catalog_root=catalog.root) as opened:
        for file_name, _ in names:
            found, other = opened.read(file_name, 0)
            if (found is not None or other is not None) and not force:
                raise OutputError(f"{_shown(folder, file_name)} already exists",
                                  hint="pass --force to overwrite it, or --code to file the draft under another code")
        for file_name, text in names:
            opened.write(file_name, text.encode("utf-8"), _shown(folder, file_name))
            result.written.append(_shown(folder, file_name))
    for draft in drafts:
        result.reports.append(draft.report)
        result.notes += draft.notes
    return result


_DRAFTED = re.compile(r"^# Drafted by jdgen import from (.+?): check every item")


def _imported_from(catalog: "Catalog") -> dict[str, set[str]]:
    """Posting path -> codes of the catalog's profiles whose header says jdgen import drafted them
    from it; each profile's first lines are read once per run."""
    found: dict[str, set[str]] = {}
    for code, path in catalog.profile_files.items():
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                head = handle.read(2048)
        except OSError:
            continue
        for line in head.splitlines()[:3]:
            drafted = _DRAFTED.match(line)
            if drafted:
                found.setdefault(_same_path(drafted.group(1)), set()).add(code)
    return found


def _same_path(name: str) -> str:
    """A posting's path as typed, written one way: "./postings//a.md" and "postings/a.md" name the
    same file, so importing it again is noticed however it was typed."""
    return os.path.normpath(name).replace(os.sep, "/")


def _shown(folder: Path, name: str) -> str:
    from ..catalog.yaml_source import display_path

    return display_path(Path(folder) / name)


def _checked_code(catalog: "Catalog", code: str, level: str | None, count: int) -> str:
    if count != 1:
        raise UsageError(f"--code names one profile, and {count} postings were given",
                         hint="import one posting at a time with --code, or leave it out to have codes proposed")
    wanted = code.strip().upper()
    if not CODE.match(wanted):
        raise UsageError(f"--code {code!r} is not a role code",
                         hint="write FUNCTION.FOCUS.LEVEL, e.g. AIMLAM.NLP.P4")
    function, focus, code_level = wanted.split(".")
    if catalog.ladder.level(code_level) is None:
        raise UsageError(f"--code {wanted}: level {code_level!r} is not a level of the ladder",
                         hint=f"use one of {', '.join(lv.code for lv in catalog.ladder.levels)}")
    if level is not None and level != code_level:
        raise UsageError(f"--code {wanted} is at level {code_level}, and --level says {level}",
                         hint="give one of them, or make them agree")
    taxonomy = catalog.taxonomy
    if taxonomy is not None:
        functions = {f.code: f for f in taxonomy.functions}
        if function not in functions:
            raise UsageError(f"--code {wanted}: function {function!r} is not in the taxonomy",
                             hint=f"add it to taxonomy.yaml first, or use one of {', '.join(functions)}")
        if focus not in {f.code for f in functions[function].focuses}:
            raise UsageError(f"--code {wanted}: focus {focus!r} is not in the taxonomy under {function}",
                             hint=f"add it under {function} in taxonomy.yaml first, or use one of "
                                  f"{', '.join(f.code for f in functions[function].focuses)}")
    if wanted in catalog.codes:
        path = catalog.profile_files[wanted]
        from ..catalog.yaml_source import display_path

        raise UsageError(f"--code {wanted} is already in the catalog ({display_path(path)})",
                         hint="choose a code the catalog does not have, or leave --code out to have one proposed")
    return wanted


def _level(catalog: "Catalog", document: "Document", mapped: Mapped, given: str | None) -> tuple[str, str]:
    """(level code, how it was chosen)."""
    if given is not None:
        return given, "--level"
    from ..architecture.title_level import levels_in_title
    from ..compose.experience import find_years_claims, years_amount

    years = [claim.min_years for item in mapped.lists["qualifications"] if item.get("priority") != "preferred"
             for claim in find_years_claims(item["text"]) if claim.role == "total"]
    least = min(years) if years else None
    named = levels_in_title(catalog, mapped.title)
    if named.code is not None:
        return named.levels[0].code, f"the title matches {named.matched!r} of {named.code}"
    if len(named.levels) == 1:
        return named.levels[0].code, f"the title says {named.spelling!r}"
    if named.levels:
        spans = " or ".join(lv.code for lv in named.levels)
        if least is not None:
            fits = [lv for lv in named.levels if lv.years.min <= least < lv.years.max]
            chosen = fits[0] if fits else min(named.levels, key=lambda lv: abs(lv.years.min - least))
            return chosen.code, (f"the title says {named.spelling!r} ({spans}) and the posting asks for "
                                 f"{years_amount(least)}")
        return named.levels[0].code, f"the title says {named.spelling!r} ({spans}) and no years: the lower"
    if least is not None:
        fits = [lv for lv in catalog.ladder.levels if lv.code.startswith("P") and lv.years.min <= least < lv.years.max]
        if fits:
            return fits[0].code, f"the posting asks for {years_amount(least)}"
    where = document.title.location if document.title is not None else Location(document.path)
    raise UsageError(f"{where.file}: no level for the draft: the title names none and the posting states no years",
                     hint="pass --level, e.g. --level P3")


def _draft(catalog: "Catalog", document: "Document", folder: Path, code: str | None, level: str | None,
           taken: set[str]) -> Draft:
    mapped = map_document(document)
    if not mapped.title:
        where = Location(document.path, 1, 1)
        raise InvalidInputError([_diag(where, "the posting has no title, so the draft would have none",
                                       "start it with the job title as a heading")])
    level_code, how = _level(catalog, document, mapped, code.split(".")[-1] if code else level)
    if code is not None:
        taxonomy = catalog.taxonomy
        function, focus = code.split(".")[:2]
        names = {f.code: (f.name, {x.code: x.name for x in f.focuses}) for f in (taxonomy.functions if taxonomy else ())}
        function_name, focuses = names.get(function, (function, {}))
        proposal = Proposal(code, (function, function_name), (focus, focuses.get(focus, focus)), why="--code")
        how = "--code"
    else:
        proposal = propose(mapped.title, level_code, catalog.taxonomy, catalog.ladder, taken)
    data = _profile_data(proposal, level_code, mapped, document.path)
    header = [MODELINE, f"Drafted by jdgen import from {document.path}: check every item, then raise the status."]
    if not mapped.opening:
        data["summary"] = Commented(data["summary"], ["The posting has no opening paragraph: the summary is its title."])
    trailer = []
    if mapped.kept:
        trailer = [f"Not mapped to a field, kept from {document.path} so that nothing is lost:"]
        trailer += [f"{k.where}: {k.text}" for k in mapped.kept]
    text = dump(data, header, trailer)
    path = folder / f"{proposal.code}.yaml"
    _check(catalog, text, path, proposal, _plain(data))
    notes = []
    if proposal.new_function:
        notes.append(f"note: {proposal.code} has a new function {proposal.function[0]} ({proposal.function[1]}) "
                     f"and focus GEN: add them to taxonomy.yaml before the catalog accepts the draft")
    elif proposal.new_focus:
        notes.append(f"note: {proposal.code} has a new focus {proposal.focus[0]} ({proposal.focus[1]}): add it "
                     f"under {proposal.function[0]} in taxonomy.yaml before the catalog accepts the draft")
    company = _company_text(mapped, proposal.code, level_code, document.path)
    return Draft(document.path, proposal.code, text, company, _report(document.path, proposal, level_code, how,
                                                                       mapped, company is not None), notes)


def _diag(where, message, hint):
    from ..diagnostics import Diagnostic
    return Diagnostic(where, message, hint)


def _profile_data(proposal: Proposal, level: str, mapped: Mapped, source: str) -> dict:
    summary = mapped.opening[0] if mapped.opening else mapped.title
    data: dict = {
        "schema_version": 1, "code": proposal.code, "title": mapped.title,
        "function": {"code": proposal.function[0], "name": proposal.function[1]},
        "focus": {"code": proposal.focus[0], "name": proposal.focus[1]},
        "level": level, "status": "draft", "version": 1, "summary": summary,
    }
    if mapped.opening:
        data["opening"] = " ".join(mapped.opening)
    data["responsibilities"] = mapped.lists["responsibilities"]
    if mapped.lists["skills"]:
        data["skills"] = mapped.lists["skills"]
    data["qualifications"] = mapped.lists["qualifications"]
    data["title_aliases"] = [{"title": mapped.title, "type": "common", "approved": False}]
    data["sources"] = [{"title": f"Posting imported from {PurePath(source).name if source != '-' else 'standard input'}"}]
    return data


def _plain(data):
    if isinstance(data, Commented):
        return _plain(data.value)
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return data


def _check(catalog: "Catalog", text: str, path: Path, proposal: Proposal, meant: dict) -> None:
    from ..catalog.loading import check_profile
    from ..catalog.yaml_source import parse_yaml

    doc = parse_yaml(text, str(path), what="role profile")
    if doc.data != meant:  # the writer's promise; a difference is jdgen's bug, not the posting's
        raise RuntimeError(f"the draft for {proposal.code} does not load back to the values written")
    try:
        check_profile(doc, path, catalog.ladder, catalog.taxonomy)
    except InvalidInputError as exc:
        made_up = [f"function {proposal.function[0]!r} is not in the taxonomy" if proposal.new_function else None,
                   f"focus {proposal.focus[0]!r} is not in the taxonomy" if proposal.new_focus else None]
        left = [d for d in exc.diagnostics() if not any(m and d.message.startswith(m) for m in made_up)]
        if left:
            raise InvalidInputError(left) from None


def _company_text(mapped: Mapped, code: str, level: str, source: str) -> str | None:
    parts = mapped.company
    if not parts:
        return None
    data: dict = {}

    def texts(key):
        return [k.text for k in parts.get(key, [])]

    company: dict = {}
    if mapped.company_name:
        company["name"] = mapped.company_name
    if parts.get("about"):
        company["about"] = " ".join(texts("about"))
    if company:
        data["company"] = company
    if parts.get("benefits"):
        data["benefits"] = texts("benefits")
    if parts.get("eeo"):
        eeo = texts("eeo")
        data["eeo"] = {"statement": eeo[0], **({"additional": eeo[1:]} if eeo[1:] else {})}
    if parts.get("apply"):
        data["apply"] = {"instructions": " ".join(texts("apply"))}
    if parts.get("hiring_process"):
        data["hiring_process"] = texts("hiring_process")
    if parts.get("team"):
        data["roles"] = {code: {"team": {"about": " ".join(texts("team"))}}}
    header = [f"Company text from {source}: the employer's, not the role's, so it is kept out of {code}.yaml.",
              "jdgen does not read this file. Move what applies into companies/<slug>.yaml (the keys are",
              "the company file's), then delete it."]
    trailer = []
    for key, label in (("pay", f"Pay (for pay_bands.{level} or the role's pay):"),
                       ("location", "Location (for locations):")):
        if parts.get(key):
            trailer += [label] + [f"{k.where}: {k.text}" for k in parts[key]]
    return dump(data, header, trailer)


def _count(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + ('es' if word.endswith('s') else 's')}"


def _report(source: str, proposal: Proposal, level: str, how: str, mapped: Mapped, company: bool) -> str:
    lists = mapped.lists
    experience = sum(1 for q in lists["qualifications"] if q.get("kind") == "experience")
    preferred = sum(1 for q in lists["qualifications"] if q.get("priority") == "preferred")
    parts = [f"{len(lists['responsibilities'])} responsibilities" if len(lists['responsibilities']) != 1
             else "1 responsibility",
             f"{len(lists['qualifications'])} qualifications ({experience} experience, {preferred} preferred)",
             f"{len(lists['skills'])} skills", f"{len(mapped.kept)} kept as comments"]
    if company:
        parts.append(f"{sum(len(v) for v in mapped.company.values())} company texts to "
                     f"{proposal.code}.company.yaml.draft")
    return (f"{source}: {proposal.code} (level {level}: {how}; code: {proposal.why}): " + ", ".join(parts))
