"""``jdgen render``: compose postings and render them to Markdown, HTML, JSON-LD and DOCX.

One posting is rendered in this order, each format from the one before where it can:
Markdown from the Jinja template; HTML and the JSON-LD description from that Markdown;
DOCX from the same Markdown's syntax tree. The wording therefore cannot drift between
formats.
"""

from __future__ import annotations

import os
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..compose.posting import Posting, compose, is_approved
from ..errors import UsageError

if TYPE_CHECKING:
    from ..catalog.company_models import Company
    from ..catalog.loading import Loaded
    from ..catalog.root import Catalog
    from ..filesystem.writing import Destination

FORMATS = ("md", "html", "jsonld", "docx")
EXTENSIONS = {"md": ".md", "html": ".html", "jsonld": ".jsonld", "docx": ".docx"}
# What a file name says about its format, for `-o posting.html` without -f.
FORMAT_OF_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".jsonld": "jsonld",
                    ".json": "jsonld", ".docx": "docx"}
# Catalog sources: a posting written over one would destroy it (`-o companies/northwind.yaml`).
SOURCE_SUFFIXES = (".yaml", ".yml", ".toml", ".j2")


def format_from_name(output: str | None) -> str | None:
    """The format a single output file's name asks for, if any."""
    if output in (None, "-") or output.endswith(("/", os.sep)):
        return None
    return FORMAT_OF_SUFFIX.get(os.path.splitext(output)[1].lower())


def parse_formats(given: Iterable[str]) -> tuple[str, ...]:
    """Every format named by every ``-f`` value (``md,docx``), in order, without repeats."""
    from ..diagnostics import quoted, suggestion_hint

    chosen: list[str] = []
    for value in given:
        for part in value.split(","):
            name = part.strip().lower()
            if not name:
                raise UsageError(f"--format {quoted(value)} has an empty format",
                                 hint="separate formats with single commas, e.g. -f md,html")
            if name not in FORMATS:
                raise UsageError(f"--format {quoted(part.strip())} is not one of: {', '.join(FORMATS)}",
                                 hint=suggestion_hint(part.strip(), FORMATS))
            if name not in chosen:
                chosen.append(name)
    return tuple(chosen)


def output_name(code: str, slug: str | None, fmt: str) -> str:
    return f"{code}.{slug}{EXTENSIONS[fmt]}" if slug else f"{code}{EXTENSIONS[fmt]}"


@dataclass
class Rendered:
    posting: Posting
    outputs: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    dropped: list = field(default_factory=list)   # jdgen.render.links.Dropped items: what the outputs left out
    draft_status: str | None = None               # the profile's status when it is not approved

    def name(self, fmt: str) -> str:
        return output_name(self.posting.code, self.posting.slug, fmt)


def _company(catalog: "Catalog", slug: str | None) -> "Loaded[Company] | None":
    """The company file ``slug`` names; None for a generic posting, which imports no company-file code."""
    if not slug:
        return None
    from ..catalog.companies import find_company

    return find_company(catalog, slug)


def build_posting(catalog: "Catalog", code: str, company: str | None, when: date) -> Posting:
    loaded = catalog.profile(code)
    return compose(catalog, loaded, _company(catalog, company), when)


def render(catalog: "Catalog", posting: Posting, formats: Iterable[str], *, jsonld_drafts: bool = False) -> Rendered:
    """Render one posting to the requested formats (bytes, UTF-8 for text formats).

    ``jsonld_drafts`` lets a profile that is not approved have JSON-LD (see
    :func:`jdgen.render.jsonld.refusal`); asking for ``jsonld`` of a posting that may not
    have it is a usage error.
    """
    from ..render.draft import draft_notice, mark_markdown
    from ..render.markdown import render_markdown
    from ..render.printed import check_printed

    formats = tuple(formats)
    templates = catalog.templates_dir
    result = Rendered(posting)
    notice = draft_notice(posting)
    if notice:
        result.draft_status = posting.profile.status
    markdown = render_markdown(posting, templates)
    check_printed(markdown, templates)
    if "md" in formats:
        result.outputs["md"] = mark_markdown(markdown, notice).encode("utf-8")
    if set(formats) - {"md"}:
        from ..render.links import collecting

        with collecting() as dropped:
            _render_parsed(catalog, posting, formats, markdown, result, notice, jsonld_drafts)
        result.dropped = dropped
        result.warnings += [item.warning(_template_path(templates, item.template), posting_label(posting))
                            for item in dropped]
    return result


def posting_label(posting: Posting) -> str:
    """How a warning names a posting: its role code, and the company it is for."""
    return f"{posting.code} for {posting.slug}" if posting.slug else posting.code


def _template_path(templates, name: str) -> str:
    from ..catalog.yaml_source import display_path

    own = templates / name if templates is not None else None
    return display_path(own) if own is not None and own.is_file() else f"built-in {name}"


def _render_parsed(catalog: "Catalog", posting: Posting, formats: tuple[str, ...], markdown: str,
                   result: Rendered, notice: str | None = None, jsonld_drafts: bool = False) -> None:
    """The formats made from the Markdown's syntax tree; ``notice``, the draft marker, is added to each
    page (HTML: banner and noindex; DOCX: first paragraph and header), not to the JSON-LD."""
    from ..render.draft import docx_markdown, mark_html

    templates = catalog.templates_dir
    if "jsonld" in formats or "html" in formats:
        from ..render.jsonld import build_jsonld, dumps, refusal

        refused = refusal(posting, drafts=jsonld_drafts)
        if refused and "jsonld" in formats:
            raise UsageError(refused[0], hint=refused[1])
        jsonld = None if refused else build_jsonld(posting, markdown)
        if "jsonld" in formats:
            result.outputs["jsonld"] = dumps(jsonld).encode("utf-8")
        if "html" in formats:
            from ..render.html import render_html
            from ..render.printed import check_printed

            html = render_html(posting, markdown, jsonld, templates)
            check_printed(html, templates)
            result.outputs["html"] = mark_html(html, notice).encode("utf-8")
    if "docx" in formats:
        from ..render.docx.posting_docx import render_docx

        result.outputs["docx"] = render_docx(catalog, posting, docx_markdown(markdown, notice),
                                             result.warnings.append)


def batch(catalog: "Catalog", companies: list[str | None], when: date,
          codes: Iterable[str] | None = None) -> Iterator[Posting]:
    """Every posting of the catalog for the given companies (None = generic), in a stable order."""
    loaded_companies = [_company(catalog, slug) for slug in companies]
    for code in (list(codes) if codes is not None else catalog.codes):
        profile = catalog.profile(code)
        for company in loaded_companies:
            yield compose(catalog, profile, company, when)



@dataclass
class RenderRequest:
    """What `jdgen render` was asked to do, independent of the command line."""

    query: str | None = None            # code or title; None with all_roles
    company: str | None = None
    all_roles: bool = False
    all_companies: bool = False
    formats: tuple[str, ...] = ("md",)
    output: str | None = None           # None: stdout for one text posting, else the working folder
    when: date | None = None
    check: bool = False                 # compare with the files in `output` instead of writing
    jsonld_drafts: bool = False         # JSON-LD also for profiles that are not approved
    allow_errors: bool = False          # write a company posting even when the gate finds lint errors


@dataclass
class Delivery:
    """Where each rendered output went."""

    stdout: bytes = b""
    written: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)      # with check: one diff or note per stale output
    orphans: list[str] = field(default_factory=list)    # with check: postings the catalog no longer produces
    findings: list = field(default_factory=list)        # the gate's lint findings (Diagnostic), in posting order
    held: list[str] = field(default_factory=list)       # postings not written because of them (posting_label)
    drafts: dict[str, str] = field(default_factory=dict)  # code -> status of each profile not approved, in order


def plan(catalog: "Catalog", request: RenderRequest) -> tuple[list[str], list[str | None]]:
    """The codes and companies a request covers."""
    if request.all_roles and request.query:
        raise UsageError("give a role or --all, not both")
    if not request.all_roles and not request.query:
        raise UsageError("name a role code or title, or pass --all", hint="e.g. jdgen render AIMLAM.GEN.P4")
    if request.company is not None and not request.company.strip():
        raise UsageError("--company is empty", hint="give a company slug, e.g. --company northwind")
    if request.all_companies and request.company:
        raise UsageError("give --company or --all-companies, not both")
    codes = catalog.codes if request.all_roles else [_code_of(catalog, request.query)]
    if request.all_companies:
        from ..catalog.companies import company_files

        companies: list[str | None] = sorted(company_files(catalog))
        if not companies:
            raise UsageError("the catalog has no companies/ files", hint="add companies/<slug>.yaml")
    else:
        companies = [request.company]
    return codes, companies


def _code_of(catalog: "Catalog", query: str) -> str:
    """The role code ``query`` names: itself (any case), else what its title resolves to."""
    key = query.strip().upper()
    if key in catalog.profile_files:
        return key
    from ..architecture.resolve import title_code

    return title_code(catalog, query)


def _check_jsonld(catalog: "Catalog", request: RenderRequest, codes: list[str], companies: list[str | None]) -> None:
    """Refuse ``-f jsonld`` for a generic posting or, without the flag, an unapproved profile."""
    from ..catalog.companies import company_files
    from ..render.jsonld import generic_refusal, unapproved_refusal

    if None in companies:
        message, hint = generic_refusal(next(iter(sorted(company_files(catalog))), None))
        raise UsageError(message, hint=hint)
    if request.jsonld_drafts:
        return
    unapproved = [code for code in codes if not is_approved(catalog.profile(code).model.status)]
    if unapproved:
        message, hint = unapproved_refusal(unapproved[0], catalog.profile(unapproved[0]).model.status)
        if len(unapproved) > 1:
            message = f"{message}; so are {len(unapproved) - 1} more of the {len(codes)} roles"
        raise UsageError(message, hint=hint)


def _stale_as_of_its_date(catalog: "Catalog", posting: Posting, shown: str, committed: bytes, fmt: str,
                          diff: str, jsonld_drafts: bool = False) -> str | None:
    """``diff``, unless the committed file matches this posting rendered as of the date it carries."""
    from dataclasses import replace

    from .staleness import committed_date, stale_diff

    dated = committed_date(committed, fmt)
    if dated is None or dated == posting.date_posted:
        return diff
    again = render(catalog, replace(posting, date_posted=dated), (fmt,), jsonld_drafts=jsonld_drafts)
    return stale_diff(shown, committed, None, again.outputs[fmt], fmt)


# What the render gate sees: a composed company posting in, its error-level lint findings out.
Gate = Callable[[Posting], list]
# What makes it: called with the catalog in each process that renders (a worker builds its own).
# The CLI passes a module-level function, so that a spawned worker can be given it too.
GateFactory = Callable[["Catalog"], Gate]


@dataclass
class Outcome:
    """What rendering one posting produced, in this process or a worker: applied in posting order."""

    code: str
    slug: str | None
    outputs: dict[str, bytes] = field(default_factory=dict)   # when writing: format -> bytes
    stale: list[str] = field(default_factory=list)            # when checking: one diff or note per stale output
    warnings: list[str] = field(default_factory=list)
    findings: list = field(default_factory=list)
    held: str | None = None                                   # posting_label when the gate held it back
    draft_status: str | None = None                           # the profile's status when it is not approved


@dataclass
class Job:
    """What every posting of one run shares, as plain values, so that a worker process can be given it."""

    request: RenderRequest
    companies: list[str | None]
    when: date
    folder: str | None                  # the output folder, None for one file or stdout
    dates_are_free: bool                # with --check and no --date: compare as of each file's own date
    gate: GateFactory | None = None


def render_one(catalog: "Catalog", posting: Posting, job: Job, gate: Gate | None,
               destination: "Destination | None") -> Outcome:
    """Gate, render and (with --check) compare one posting; nothing is written here.

    The same code runs in this process and in workers, so the outcome cannot depend on
    where it ran. ``destination`` is only read, for --check.
    """
    from pathlib import Path

    request = job.request
    outcome = Outcome(posting.code, posting.slug)
    if gate is not None and posting.company is not None and _held(posting, gate, request, outcome):
        return outcome
    rendered = render(catalog, posting, request.formats, jsonld_drafts=request.jsonld_drafts)
    outcome.warnings.extend(rendered.warnings)
    outcome.draft_status = rendered.draft_status
    for fmt in request.formats:
        data = rendered.outputs[fmt]
        if not request.check:
            outcome.outputs[fmt] = data
            continue
        from .staleness import read_committed, stale_diff
        from ..filesystem.writing import safe_child

        path = safe_child(Path(job.folder), rendered.name(fmt)) if job.folder is not None else Path(request.output)
        old, problem = read_committed(destination, path)
        diff = stale_diff(str(path), old, problem, data, fmt)
        if diff and job.dates_are_free and old is not None:
            diff = _stale_as_of_its_date(catalog, posting, str(path), old, fmt, diff, request.jsonld_drafts)
        if diff:
            outcome.stale.append(diff)
    return outcome


def deliver(catalog: "Catalog", request: RenderRequest, progress=None, gate: GateFactory | None = None,
            jobs: int | None = None) -> Delivery:
    """Render everything a request covers and write it where it asks.

    ``gate`` makes (per catalog, so per process) the check the CLI runs on every company
    posting before it is rendered: the lint engine's posting check, which this folder cannot
    import since lint imports it. When it returns findings, the posting is held back:
    nothing is written or compared for it, its findings go into :attr:`Delivery.findings`
    and its label into :attr:`Delivery.held`, and the other postings carry on. With
    ``allow_errors`` it is written anyway and its findings come back as warnings. Generic
    postings are not gated: the laws and sections the posting rules check are the
    company's to provide.

    ``jobs``: worker processes for a run into a folder (:mod:`.parallel`); None chooses by
    the catalog's size, 1 renders here. Whatever the number, the files, the lists in the
    :class:`Delivery` and their order are the same; only this process writes.
    """
    from pathlib import Path

    from ..compose.posting import posting_date

    when = request.when or posting_date()
    codes, companies = plan(catalog, request)
    total = len(codes) * len(companies)
    if total > 1:
        from ..collector import batch_begins

        batch_begins()  # many postings: the collector runs again (jdgen/collector.py)
    many = total > 1 or len(request.formats) > 1 or request.all_roles or request.all_companies
    target = request.output
    if target == "-" and many:
        raise UsageError("-o - writes one file to stdout; this run makes several",
                         hint="pass -o DIR to write them to a folder")
    to_stdout = target == "-" or (target is None and not many and request.formats[0] != "docx")
    if request.check and target in (None, "-"):
        raise UsageError("--check compares with files on disk; it needs -o PATH", hint="e.g. jdgen render --all --check -o out/")
    if target in (None, "-") and (total > 1 or request.all_roles or request.all_companies):
        raise UsageError("rendering several postings needs -o DIR", hint="e.g. jdgen render --all -o out/")
    if not to_stdout:  # a posting for standard output needs no output folder
        from ..filesystem.writing import Destination, is_folder_target, safe_child
    result = Delivery()
    folder = Path(target) if target not in (None, "-") and is_folder_target(target, many=many) else None
    if folder is None and target not in (None, "-"):
        if target.lower().endswith(SOURCE_SUFFIXES):
            raise UsageError(f"refusing to write a posting to {target}: that name is for catalog files",
                             hint=f"name the output after its format, e.g. -o posting{EXTENSIONS[request.formats[0]]}")
        named = format_from_name(target)
        if named is not None and named != request.formats[0]:
            result.warnings.append(f"writing {request.formats[0]} to {target}, whose name says {named} "
                                   f"(pass -f {named}, or name the file *{EXTENSIONS[request.formats[0]]})")
    if target is None and not to_stdout:
        folder = Path.cwd()
    if folder is not None and folder.exists() and not folder.is_dir():
        count = total * len(request.formats)
        raise UsageError(f"-o {target} is a file, but this run writes {count} files into a folder",
                         hint=f"pass a folder instead, e.g. -o {folder.stem or 'out'}/")
    if "jsonld" in request.formats:  # a posting that may not have JSON-LD fails before the first file is written
        _check_jsonld(catalog, request, codes, companies)
    # A company's language without template translations, or a broken catalog .po, is a configuration
    # error: it must fail (exit 2) before the first file is written and before the lint gate, whose
    # findings (a missing role translation, JD801) would otherwise be reported in its place.
    first = catalog.profile(codes[0]) if codes else None
    for slug in companies if first is not None else ():
        if not slug and "docx" not in request.formats:
            continue  # a generic posting has no company language, nor brand assets to check
        head = compose(catalog, first, _company(catalog, slug), when)
        if slug:
            from ..render.language import posting_translations

            posting_translations(head)
        if "docx" in request.formats:  # a broken brand asset must fail before the first file is written
            from ..render.docx.posting_docx import check_assets

            check_assets(catalog, head)

    # Without an explicit date, a committed file is compared as of the date it carries.
    dates_are_free = request.check and request.when is None and not os.environ.get("SOURCE_DATE_EPOCH")
    job = Job(request, companies, when, str(folder) if folder is not None else None, dates_are_free, gate)

    workers = 0
    if folder is not None and len(codes) > 1 and jobs != 1:   # one posting: no worker module to import
        from .parallel import workers_for

        workers = workers_for(jobs, len(codes))
    expected: set[str] = set()
    with nullcontext() if to_stdout else Destination(folder, catalog.root, check=request.check) as destination:
        if workers:
            from .parallel import in_workers

            stream = in_workers(catalog, job, codes, workers, render_one)
        else:
            made = gate(catalog) if gate is not None else None
            stream = (render_one(catalog, posting, job, made, destination)
                      for posting in batch(catalog, companies, when, codes))
        try:
            for outcome in stream:
                result.warnings.extend(outcome.warnings)
                if outcome.draft_status is not None:
                    result.drafts.setdefault(outcome.code, outcome.draft_status)
                result.findings.extend(outcome.findings)
                result.stale.extend(outcome.stale)
                if outcome.held is not None:
                    result.held.append(outcome.held)
                for fmt in request.formats:
                    name = output_name(outcome.code, outcome.slug, fmt)
                    expected.add(name)  # a held posting's too: a committed copy is not "no longer produced"
                    data = outcome.outputs.get(fmt)
                    if data is None:
                        continue
                    if to_stdout:
                        result.stdout += data
                        continue
                    path = safe_child(folder, name) if folder is not None else Path(target)
                    destination.write(path, data)
                    result.written.append(str(path))
                if progress is not None:
                    progress(1)
        finally:
            stream.close()  # workers: stop handing out chunks, wait for the running ones
        if request.check and folder is not None and (request.all_roles or request.all_companies):
            from .staleness import orphans

            extensions = {EXTENSIONS[fmt] for fmt in request.formats}
            result.orphans = orphans(folder, destination.entries(), expected, extensions)
            result.stale += [f"{name}: no longer produced by the catalog (delete it)\n" for name in result.orphans]
    return result


def _held(posting: Posting, gate: Gate, request: RenderRequest, outcome: Outcome) -> bool:
    """Whether the gate holds ``posting`` back; its findings are added to ``outcome`` either way."""
    from dataclasses import replace

    errors = gate(posting)
    if not errors:
        return False
    if request.allow_errors:
        outcome.findings += [replace(finding, severity="warning") for finding in errors]
        return False
    outcome.findings += errors
    outcome.held = posting_label(posting)
    return True
