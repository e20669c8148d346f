"""The ``jdgen`` command: a thin shell over the Python API.

Each command parses options, calls the API, prints, and returns an exit code. Errors
become exit codes in exactly one place, :func:`main`, through
:func:`jdgen.errors.exit_code_for`.

No ``from __future__ import annotations`` here: typer reads every command's annotations
to build the command line, and as strings it evaluates each one again on every start
(about 300 ``eval`` calls, a tenth of ``jdgen --help``).
"""

import gc
import os
import shlex
import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .. import __version__
from .options import CheckedCommand, CheckedGroup, not_one_of
from ..diagnostics import quoted, suggestion_hint
from ..errors import (EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_USAGE, JdgenError, OutputError, UsageError,
                     exit_code_for, from_os_error, os_reason)
from ..terminal_text import block, json_document, line, one_line, table

app = typer.Typer(
    cls=CheckedGroup,
    name="jdgen",
    help="Generate job postings from a role-profile catalog, and check them.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _State:
    catalog: Optional[Path] = None
    debug: bool = False
    argv: list[str] = []


STATE = _State()


def _catalog():
    from ..catalog.root import discover

    return discover(STATE.catalog)


def _note_fallback(catalog) -> None:
    """Say so when a check runs on the built-in catalog because no jdgen.toml was found.

    A check that passes on the built-in catalog proves nothing about the user's own, which
    may simply sit in a folder below this one (a pre-commit hook run from the repository root).
    """
    if catalog.fallback:
        _err("note: no jdgen.toml in this folder or above, so this checks the built-in catalog "
             "(pass --catalog DIR, or run jdgen init)")


def _out(text: str) -> None:
    """Write to standard output. Every line passes :func:`block`, so nothing a catalog wrote acts on the
    terminal or a CI log; a posting goes out as bytes instead, its text checked when it was rendered."""
    stream = _stdout()
    try:
        stream.write(block(text))
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _stdout_failed(exc) from None


def _stdout():
    """Standard output, or a clear error when the shell closed it (``jdgen list >&-``)."""
    if sys.stdout is None:
        raise OutputError("standard output is closed", hint="redirect it to a file or to /dev/null")
    return sys.stdout


def _flush_stdout(data: bytes = b"") -> None:
    """Write ``data`` and flush now, so that a full disk is reported here, not by the interpreter on exit."""
    if sys.stdout is None:
        return
    try:
        if data:
            sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _stdout_failed(exc) from None


def _stdout_failed(exc: OSError) -> OutputError:
    return OutputError(f"cannot write to standard output: {os_reason(exc)}")


def _err(message: str) -> None:
    """One line on standard error: a line break or control character that got into ``message`` is escaped."""
    sys.stderr.write(line(message.rstrip("\n")) + "\n")


def _version(value: bool) -> None:
    if value:
        _out(f"jdgen {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    catalog: Optional[Path] = typer.Option(
        None, "--catalog", metavar="DIR",
        help="Catalog folder to use (default: $JDGEN_CATALOG, else the nearest jdgen.toml upward, else the built-in catalog).",
    ),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback for internal errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    STATE.catalog = catalog
    STATE.debug = debug


class ListFormat(str, Enum):
    table = "table"
    json = "json"


_JOBS_HELP = "Worker processes (default: one per usable core, for a catalog of 200 profiles or more; 1: this process)."


def _jobs(jobs: Optional[int]) -> Optional[int]:
    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs {jobs} is not a number of processes", hint="give 1 or more, e.g. --jobs 2")
    return jobs


@app.command(cls=CheckedCommand)
def validate(paths: Optional[List[Path]] = typer.Argument(None, metavar="PATHS", help="Files or folders; default: the whole catalog."),
             jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", help=_JOBS_HELP)) -> None:
    """Check files against their JSON Schemas and the catalog's rules."""
    from ..lint.catalog_validate import validate_catalog
    from ..lint.validate import validate as run

    jobs = _jobs(jobs)
    catalog = _catalog()
    _note_fallback(catalog)
    report = run(catalog, paths) if paths else validate_catalog(catalog, jobs)
    for diagnostic in report.diagnostics:
        _out(diagnostic.format() + "\n")
    files = len(report.files)
    if report.ok:
        _err(f"{files} file{'s' if files != 1 else ''} valid")
        return
    count = len(report.diagnostics)
    _err(f"{count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''} checked")
    raise typer.Exit(EXIT_INVALID)


@app.command("list", cls=CheckedCommand)
def list_(
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
    level: Optional[str] = typer.Option(None, "--level", help="Only this level, e.g. P4."),
    function: Optional[str] = typer.Option(None, "--function", help="Only this function code, e.g. AIMLAM."),
    status: Optional[str] = typer.Option(None, "--status", help="Only this status: draft, review, approved or retired."),
) -> None:
    """List the catalog's role profiles: code, title, level, years and status."""
    from .views import list_json, list_rows, list_text

    catalog = _catalog()
    rows = list_rows(catalog, catalog.profiles())
    # A filter that names nothing the catalog has is a typo, not a question with no answer.
    wanted = {}
    if level is not None:
        levels = [lv.code for lv in catalog.ladder.levels]
        wanted["level"] = _one_of("--level", level, levels, f"a level in {catalog.described}")
    if function is not None:
        taxonomy = catalog.taxonomy
        functions = sorted({f.code for f in (taxonomy.functions if taxonomy else ())} | {r["function"] for r in rows})
        wanted["function"] = _one_of("--function", function, functions, f"a function in {catalog.described}")
    if status is not None:
        wanted["status"] = _one_of("--status", status, ["draft", "review", "approved", "retired"], "a status")
    rows = [r for r in rows if all(r[key] == value for key, value in wanted.items())]
    _out(list_json(rows) if format is ListFormat.json else list_text(rows))
    if wanted and not rows:
        _err("no profiles match " + " ".join(f"--{key} {value}" for key, value in wanted.items()))


def _one_of(option: str, value: str, valid: list[str], what: str) -> str:
    """The catalog's spelling of ``value`` (compared ignoring case), or a usage error."""
    for candidate in valid:
        if candidate.casefold() == value.strip().casefold():
            return candidate
    raise not_one_of(option, value, valid, what)


@app.command(cls=CheckedCommand)
def show(code: str = typer.Argument(..., metavar="CODE", help="Role code, e.g. AIMLAM.GEN.P4 (any case)."),
         format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table (text) or json.")) -> None:
    """Show one role profile with its level's descriptors and years, every section it has."""
    from .views import show_json, show_text
    from ..catalog.yaml_source import display_path

    catalog = _catalog()
    loaded = catalog.profile(code)
    view = show_json if format is ListFormat.json else show_text
    _out(view(loaded.model, catalog.level_of(loaded.model), display_path(loaded.path)))


@app.command(cls=CheckedCommand)
def schema(name: str = typer.Argument(..., metavar="NAME", help="profile, ladder, taxonomy, company or translation.")) -> None:
    """Print a JSON Schema (the published contract of a catalog file)."""
    from ..catalog.schemas import available_schemas, schema_path

    known = available_schemas()
    if name not in known:
        raise UsageError(f"no schema named {quoted(name)}", hint=suggestion_hint(name, known) or f"use one of {', '.join(known)}")
    _out(schema_path(name).read_text(encoding="utf-8"))


# Drafts named one per line, then counted: a catalog of thousands of drafts would otherwise bury the
# run's other warnings under one line each.
DRAFTS_NAMED = 5


def _warn_drafts(drafts: dict[str, str]) -> None:
    for code, status in list(drafts.items())[:DRAFTS_NAMED]:
        _err(f"warning: {code} is not approved (status: {status}); its posting is marked as a draft: "
             "review it before publishing")
    more = len(drafts) - DRAFTS_NAMED
    if more > 0:
        _err(f"warning: {more} more {'profile is' if more == 1 else 'profiles are'} not approved; their postings "
             "are marked as drafts too (`jdgen list` shows each profile's status)")


@app.command(cls=CheckedCommand)
def render(
    role: Optional[str] = typer.Argument(None, metavar="CODE_OR_TITLE", help="Role code (any case) or a title alias, e.g. \"Sr. Machine Learning\"."),
    company: Optional[str] = typer.Option(None, "--company", "-c", metavar="SLUG", help="Render for this company (companies/SLUG.yaml)."),
    all_roles: bool = typer.Option(False, "--all", help="Render every role of the catalog."),
    all_companies: bool = typer.Option(False, "--all-companies", help="Render for every company of the catalog."),
    format: Optional[List[str]] = typer.Option(None, "--format", "-f", metavar="FORMATS", help="md (default), html, jsonld or docx; several with commas (md,html) or by repeating -f (-f md -f html)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="PATH", help="A file, a folder, or - for stdout. Default: stdout for one text posting, else the working folder."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD", help="datePosted (default: $SOURCE_DATE_EPOCH, else today), for reproducible output."),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 with a diff when the files in -o differ from a fresh render (as of the date each file carries, unless --date is given)."),
    jsonld_drafts: bool = typer.Option(False, "--jsonld-drafts", help="Emit JSON-LD (-f jsonld, and the HTML page's script) also for profiles not yet approved (draft, review, retired), e.g. for a staging site."),
    allow_errors: bool = typer.Option(False, "--allow-errors", help="Write a company posting even when lint finds errors in it (they are printed as warnings)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", help=_JOBS_HELP),
) -> None:
    """Render job postings: Markdown, HTML, JSON-LD or DOCX.

    A company posting with error-level lint findings is not written: the findings are
    printed as ``jdgen lint`` prints them and the exit code is 1.
    """
    from ..compose.posting import posting_date
    from ..postings.batch import RenderRequest, deliver, format_from_name, parse_formats, plan

    jobs = _jobs(jobs)
    catalog = _catalog()
    request = RenderRequest(query=role, company=company, all_roles=all_roles, all_companies=all_companies,
                            formats=parse_formats(format or [format_from_name(output) or "md"]), output=output,
                            when=posting_date(date) if date is not None else None,
                            check=check, jsonld_drafts=jsonld_drafts, allow_errors=allow_errors)
    codes, companies = plan(catalog, request)
    total = len(codes) * len(companies)
    gate = _render_gate if any(companies) else None
    if total > 1 and sys.stderr.isatty():
        with typer.progressbar(length=total, label="Rendering", file=sys.stderr) as bar:
            delivery = deliver(catalog, request, progress=bar.update, gate=gate, jobs=jobs)
    else:
        delivery = deliver(catalog, request, gate=gate, jobs=jobs)
    if delivery.findings:
        from ..lint import LintResult
        from ..lint.report import text as findings_text

        shown = LintResult(findings=list(dict.fromkeys(delivery.findings)))
        sys.stderr.write(findings_text(shown, colour=False))
    _warn_drafts(delivery.drafts)
    for warning in dict.fromkeys(delivery.warnings):
        _err(f"warning: {warning}")
    if delivery.stdout:
        _stdout()
        _flush_stdout()  # text written before the bytes must come first
        _flush_stdout(delivery.stdout)
    for path in delivery.written:
        _out(one_line(path) + "\n")
    if check and delivery.stale:
        for diff in delivery.stale:
            _out(diff)
        command = shlex.join(["jdgen", *[a for a in STATE.argv if a != "--check"]])
        removal = " (and delete the files no longer produced)" if delivery.orphans else ""
        _err(f"{len(delivery.stale)} rendered posting{'s are' if len(delivery.stale) != 1 else ' is'} stale; "
             f"regenerate with: {command}{removal}")
    elif check and not delivery.held:
        _err("rendered postings are up to date")
    if delivery.held:
        errors = sum(1 for f in dict.fromkeys(delivery.findings) if f.severity == "error")
        held = delivery.held
        names = ", ".join(held) if len(held) <= 3 else f"{', '.join(held[:3])} and {len(held) - 3} more"
        _err(f"not {'checked' if check else 'written'}: {names}, with {errors} lint error{'s' if errors != 1 else ''} "
             f"(fix {'them' if errors != 1 else 'it'}, or pass --allow-errors to write "
             f"{'them' if len(held) != 1 else 'it'} anyway)")
    if delivery.held or (check and delivery.stale):
        raise typer.Exit(EXIT_INVALID)


def _render_gate(catalog):
    """The posting check ``jdgen render`` runs before it writes a company posting: the lint
    engine's posting rules under the catalog's ``[lint]`` configuration, keeping the errors.

    Laws are judged as of the posting's own date (``--date``), the day it says it is
    published, so the same command gives the same verdict on any day. Render calls this
    in each process that renders (a module-level function, so a spawned worker can too).
    """
    from ..lint import load_config
    from ..lint.engine import lint_posting

    config = load_config(catalog.root)

    def gate(posting):
        return lint_posting(catalog, posting, config=config, as_of=posting.date_posted, severities=("error",))

    return gate


@app.command("resolve", cls=CheckedCommand)
def resolve_(
    title: str = typer.Argument(..., metavar="TITLE", help="A job title, e.g. \"Sr. Deep Learning\"."),
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
) -> None:
    """Show which role code a title resolves to, and why."""
    from ..architecture.resolve import candidates, normalise_title, resolve_title

    catalog = _catalog()
    best = resolve_title(catalog, title)
    others = [m for m in candidates(catalog, title) if m.code != best.code]
    if format is ListFormat.json:
        _out(json_document({"version": 1, "title": title, "normalised": normalise_title(title),
                            "match": best.as_dict(), "others": [m.as_dict() for m in others]}))
        return
    _out(f"{best.code}  {one_line(best.title)}\n")
    compared = "" if best.kind == "code" else f"; compared as {normalise_title(title)!r}"
    _out(f"  matched {best.kind} {best.matched!r}{_match_facts(best)}{compared}\n")
    for match in others:
        _out(f"  also: {match.code} via {match.kind} {match.matched!r}{_match_facts(match)}\n")


def _match_facts(match) -> str:
    """An alias's stated confidence and approval; nothing for a code or a role's own title,
    which need neither (and no confidence where the profile states none)."""
    if match.kind != "alias":
        return ""
    facts = ([] if match.confidence is None else [f"confidence {match.confidence:.2f}"]) + \
        ["approved" if match.approved else "not approved"]
    return f" ({', '.join(facts)})"


@app.command(cls=CheckedCommand)
def init(
    folder: Path = typer.Argument(Path("."), metavar="DIR", help="Where to create the catalog (default: here)."),
    force: bool = typer.Option(False, "--force", help="Write into a folder that is not empty."),
) -> None:
    """Create a new catalog: jdgen.toml, ladder, taxonomy, an example role and company, schemas."""
    from ..catalog.scaffold import init_catalog
    from ..catalog.yaml_source import display_path

    written = init_catalog(folder, force=force, overwrote=lambda path: _err(f"overwrote {display_path(path)}"))
    for path in written:
        _out(one_line(display_path(path)) + "\n")
    shown = display_path(folder)
    _err(f"created a catalog in {shown}: try `cd {shlex.quote(shown)} && jdgen lint`")


class CompareFormat(str, Enum):
    table = "table"
    md = "md"
    json = "json"


@app.command(cls=CheckedCommand)
def adjacent(
    code: str = typer.Argument(..., metavar="CODE", help="Role code, e.g. AIMLAM.GEN.P4."),
    limit: int = typer.Option(5, "--limit", "-n", help="How many roles to list."),
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
) -> None:
    """The nearest roles by level and taxonomy, with distance (0-1) and band."""
    from ..architecture.relations import adjacent as nearest

    catalog = _catalog()
    found = nearest(catalog, code, limit)
    if format is ListFormat.json:
        _out(json_document({"version": 1, "code": catalog.lookup(code), "adjacent": [n.as_dict() for n in found]}))
        return
    _out(table(["CODE", "TITLE", "LEVEL", "DISTANCE", "BAND"],
               [[n.code, n.title, n.level, f"{n.distance:.2f}", n.band] for n in found]))


@app.command(cls=CheckedCommand)
def compare(
    codes: List[str] = typer.Argument(..., metavar="CODE CODE [CODE [CODE]]", help="Two to four role codes."),
    format: CompareFormat = typer.Option(CompareFormat.table, "--format", "-f", help="table, md or json."),
) -> None:
    """Compare roles side by side: level, years, scope, pay, and what each list shares."""
    from ..architecture.relations import compare as run, compare_markdown, compare_text

    data = run(_catalog(), codes)
    if format is CompareFormat.json:
        _out(json_document(data))
    elif format is CompareFormat.md:
        _out(compare_markdown(data))
    else:
        _out(compare_text(data))


@app.command(cls=CheckedCommand)
def ladder(
    family: str = typer.Argument(..., metavar="FUNCTION.FOCUS", help="A job family, e.g. AIMLAM.GEN."),
    company: Optional[str] = typer.Option(None, "--company", "-c", metavar="SLUG", help="Show this company's pay bands."),
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
) -> None:
    """A family's career ladder: each level's code, title, years and (with a company) pay band."""
    from ..architecture.relations import ladder_rows, ladder_table

    rows = ladder_rows(_catalog(), family, company)
    if format is ListFormat.json:
        _out(json_document({"version": 1, "family": family.upper(), "company": company, "levels": rows}))
        return
    _out(ladder_table(rows, company))


@app.command(cls=CheckedCommand)
def site(
    output: str = typer.Option(..., "--output", "-o", metavar="DIR", help="The folder to build the site in."),
    company: Optional[str] = typer.Option(None, "--company", "-c", metavar="SLUG", help="Show this company's name and pay bands instead of market pay."),
    source_url: Optional[str] = typer.Option(None, "--source-url", metavar="BASE", help="Link each page's source file to BASE/PATH, e.g. https://github.com/ORG/REPO/blob/main/profiles."),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 with a diff when the site in -o differs from a fresh build."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", help="Worker processes for the pages (default: one per usable core, for 300 roles or more)."),
) -> None:
    """Build a static career site: roles, ladders with pay charts, comparisons and search."""
    from ..site.build import SiteRequest, build_site

    jobs = _jobs(jobs)
    outcome = build_site(_catalog(), SiteRequest(output=output, company=company, source_url=source_url,
                                                 check=check, jobs=jobs))
    if check:
        for diff in outcome.stale:
            _out(diff)
        if outcome.stale:
            command = shlex.join(["jdgen", *[a for a in STATE.argv if a != "--check"]])
            count = len(outcome.stale)
            _err(f"{count} of {outcome.total} site file{'s are' if count != 1 else ' is'} stale; "
                 f"rebuild with: {command}")
            raise typer.Exit(EXIT_INVALID)
        _err(f"the site in {output} is up to date ({outcome.total} files)")
        return
    for name in outcome.kept:
        _err(f"note: {one_line(os.path.join(output, name))} is no longer produced, but is no regular file now; "
             "left as it is")
    _out(one_line(os.path.join(output, "index.html")) + "\n")
    _err(f"site built in {output}: {len(outcome.written)} file{'s' if len(outcome.written) != 1 else ''} written, "
         f"{outcome.unchanged} unchanged, {len(outcome.deleted)} deleted (no longer produced)")


class LintFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


@app.command(cls=CheckedCommand)
def lint(
    paths: Optional[List[Path]] = typer.Argument(None, metavar="PATHS", help="Files or folders; default: the whole catalog."),
    format: LintFormat = typer.Option(LintFormat.text, "--format", "-f", help="text, json, github or sarif."),
    select: Optional[List[str]] = typer.Option(None, "--select", metavar="RULE", help="Only these rules (code, name or prefix); repeatable."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", metavar="RULE", help="Skip these rules (code, name or prefix); repeatable."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too (same as --fail-on warning)."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", metavar="LEVEL", help="error (default), warning or info."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="YYYY-MM-DD", help="Judge which laws are in force on this date (default: today)."),
    level: Optional[str] = typer.Option(None, "--level", metavar="LEVEL", help="For posting files: judge them at this level (e.g. P4)."),
    location: Optional[str] = typer.Option(None, "--location", metavar="PLACE", help="For posting files: where the job is (e.g. 'Denver, CO'), for the pay laws."),
    language: Optional[str] = typer.Option(None, "--language", metavar="LANG", help="For posting files: the language they are written in (e.g. de); default: an HTML page's own, else en."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", help=_JOBS_HELP),
) -> None:
    """Check the catalog and every posting it renders, or posting files (.md .txt .html .docx, - for stdin)."""
    from datetime import date as Date

    from ..lint import lint as run, load_config
    from ..lint import report
    from ..lint.config import parse_config

    jobs = _jobs(jobs)
    catalog = _catalog()
    # With no catalog around (posting files on their own), the configuration is the working folder's.
    config = load_config(None if catalog.fallback else catalog.root)
    overrides = {}
    if select is not None:
        overrides["select"] = [s for item in select for s in item.split(",") if s.strip()]
    if ignore:
        overrides["ignore"] = config.ignore + [s for item in ignore for s in item.split(",") if s]
    if overrides:
        checked = parse_config(overrides, None, prefix="--")
        config.select = checked.select if select is not None else config.select
        config.ignore = checked.ignore if ignore else config.ignore
    threshold = "warning" if strict else (fail_on or config.fail_on)
    if threshold not in ("error", "warning", "info"):
        raise UsageError(f"--fail-on {quoted(threshold)} is not a severity", hint="use error, warning or info")
    try:
        when = Date.fromisoformat(as_of) if as_of is not None else None
    except ValueError:
        raise UsageError(f"--as-of {quoted(as_of)} is not a date", hint="write it as YYYY-MM-DD") from None
    from ..lint.posting_files import STDIN_LIMIT, lint_posting_files, split_paths

    catalog_paths, posting_paths, passed_over = split_paths(paths or (), catalog.root)
    if passed_over:
        _err(f"note: {len(passed_over)} posting file{'s' if len(passed_over) != 1 else ''} in a catalog folder "
             f"{'were' if len(passed_over) != 1 else 'was'} not linted, e.g. {one_line(passed_over[0])} "
             "(name a posting file to lint it)")
    result = None
    if catalog_paths or not posting_paths:
        _note_fallback(catalog)
        result = run(catalog, catalog_paths, config=config, as_of=when, jobs=jobs, cache=True)
    if posting_paths:
        sources = [(name, sys.stdin.buffer.read(STDIN_LIMIT + 1) if name == "-" else None) for name in posting_paths]
        files = lint_posting_files(catalog, sources, level=level, location=location, language=language,
                                   config=config, as_of=when)
        result = files if result is None else result.merged(files)
    if format is LintFormat.text:
        pieces = report.text_pieces(result, colour=report.use_colour(sys.stdout))
    else:
        pieces = report.PIECES[format.value](result)
    _out("")  # even with nothing to print, standard output is tried: a full disk is reported
    for piece in pieces:  # written as made: a catalog's worth of findings is never one string
        _out(piece)
    if format is LintFormat.text:
        _err(report.summary(result))
    ranks = {"info": 0, "warning": 1, "error": 2}
    if any(ranks[f.severity] >= ranks[threshold] for f in result.findings):
        raise typer.Exit(EXIT_INVALID)


@app.command("import", cls=CheckedCommand)
def import_(
    files: List[str] = typer.Argument(..., metavar="FILE...", help="Postings (.md .txt .html .docx), or - for standard input."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="DIR", help="Folder for the drafts (default: the catalog's roles/)."),
    code: Optional[str] = typer.Option(None, "--code", metavar="CODE", help="File the draft under this code (one posting only)."),
    level: Optional[str] = typer.Option(None, "--level", metavar="LEVEL", help="The drafts' level, e.g. P4 (default: from the title and the years asked for)."),
    force: bool = typer.Option(False, "--force", help="Overwrite drafts that already exist in the output folder."),
) -> None:
    """Draft role profiles (status: draft) from postings you already have."""
    from ..importing.run import import_postings
    from ..lint.posting_files import STDIN_LIMIT

    catalog = _catalog()
    sources = [(name, sys.stdin.buffer.read(STDIN_LIMIT + 1) if name == "-" else None) for name in files]
    result = import_postings(catalog, sources, output=output, code=code, level=level, force=force)
    for path in result.written:
        _out(one_line(path) + "\n")
    for report in result.reports:
        _err(report)
    for note in result.notes:
        _err(note)


@app.command(cls=CheckedCommand)
def translate(
    code: str = typer.Argument(..., metavar="CODE", help="Role code, e.g. AIMLAM.GEN.P4 (any case)."),
    language: str = typer.Option(..., "--language", "-l", metavar="LANGUAGE", help="Two-letter language code, as in a company's locale, e.g. de."),
) -> None:
    """Start or refresh a profile's translation: translations/LANGUAGE/CODE.yaml."""
    from ..importing.translations import refresh_translation

    result = refresh_translation(_catalog(), code, language)
    if result.written:
        _out(one_line(result.shown) + "\n")
    for dropped in result.dropped:
        _err(dropped)
    _err(result.summary())


@app.command(cls=CheckedCommand)
def rules(code: Optional[str] = typer.Argument(None, metavar="RULE", help="A rule code or name to explain.")) -> None:
    """List the lint rules, or explain one."""
    from ..lint.explain import explain, rule_table

    _out(explain(code) if code else rule_table())


def main(argv: Optional[list[str]] = None) -> int:
    """Run the CLI and return its exit code; the only place exceptions become exit codes.

    Without ``argv`` this is the process's own command (the console script, ``python -m
    jdgen``), which exits next: the objects it made are then frozen out of the garbage
    collector. Python's shutdown walks every tracked object in its final collections, about
    30 ms after a cold ``jdgen render`` that is over; frozen, they are still freed as
    shutdown clears the modules, and nothing is left to write (standard output is flushed,
    files are closed, worker pools are done).
    """
    code = _run(argv)
    if argv is None:
        gc.freeze()
    return code


def _run(argv: Optional[list[str]]) -> int:
    command = typer.main.get_command(app)
    STATE.argv = list(sys.argv[1:] if argv is None else argv)
    # jdgen uses no pydantic plugins; looking for them scans every installed package (~15 ms).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        result = command.main(args=argv, prog_name="jdgen", standalone_mode=False)
        _flush_stdout()
        return result if isinstance(result, int) else EXIT_OK
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        _err("jdgen: aborted")
        return 130
    except JdgenError as exc:
        for diagnostic in exc.diagnostics():
            _err(diagnostic.format())
        return exc.exit_code
    except typer.TyperException as exc:  # usage errors found by the option parser: one line, then where to look
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        context = getattr(exc, "ctx", None)
        where = context.command_path if context is not None else "jdgen"
        _err(f"{message} (see `{where} --help`)")
        return getattr(exc, "exit_code", EXIT_USAGE)
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # the machine's state (disk full, permissions), worded where it was not already
        error = from_os_error(exc)
        _err(error.diagnostics()[0].format())
        return exit_code_for(exc)
    except KeyboardInterrupt as exc:
        return exit_code_for(exc)
    except Exception as exc:  # a bug: one line, not a traceback, unless asked
        if STATE.debug:
            traceback.print_exc()
        else:
            _err(f"jdgen: internal error: {type(exc).__name__}: {exc} (this is a bug; rerun with --debug for the traceback)")
        return EXIT_INTERNAL
