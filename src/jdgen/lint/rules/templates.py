"""Templates a catalog ships: they must compile, render every posting, and link only where postings may."""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Location
from ...errors import InvalidInputError, JdgenError, SourceError
from ..registry import Example, Hit, rule


def _sample_postings(ctx, profiles) -> Iterator:
    """The first profile, generic and with each company that loads: what the templates are tried on."""
    from ...catalog.companies import company_files, load_company
    from ...compose.posting import compose

    catalog = ctx.catalog
    companies = [None]
    for path in company_files(catalog).values():
        try:
            companies.append(load_company(path, catalog))
        except InvalidInputError:
            pass
    for company in companies:
        try:
            yield compose(catalog, profiles[0], company, ctx.as_of)
        except InvalidInputError:  # a merge problem, reported as JD001 with the posting: not a template's
            continue


@rule("JD701", "template-error", severity="error", target="catalog",
      summary="A catalog template fails to compile or to render a posting (syntax, undefined variable, sandbox).",
      why="A broken template stops every render; catching it in lint keeps CI ahead of the recruiters.",
      bad=Example(note="templates/posting.md.j2 containing {{ compnay.name }}"),
      good=Example(note="no templates/ folder, or templates that render"))
def template_error(ctx, profiles, options) -> Iterator[Hit]:
    from ...postings.batch import render

    if not ctx.catalog.templates_dir.is_dir() or not profiles:
        return
    seen: set[str] = set()
    for posting in _sample_postings(ctx, profiles):
        try:
            render(ctx.catalog, posting, ("md", "html"))
        except SourceError:
            raise  # a template that cannot be read (or is refused) stops the run, as a catalog file would
        except JdgenError as exc:
            if exc.message not in seen:
                seen.add(exc.message)
                yield Hit(exc.location, exc.message, exc.hint)


@rule("JD702", "template-link", severity="error", target="catalog",
      summary="A catalog template writes a link postings do not carry (ms-msdt:, javascript:, file:, data:, "
              "relative), raw HTML that would link or run, or a script, frame or form into its page.",
      why="Postings link only to https, http and mailto addresses, and jdgen drops anything else from HTML "
          "and DOCX. Such a link is a mistake that silently disappears, or an attempt to publish a phishing "
          "or exploit link under the company's name; either way a person should look at it.",
      bad=Example(note="templates/posting.md.j2 containing [Verify your account](ms-msdt:/id%20PCWDiagnostic)"),
      good=Example(note="templates whose links go to https://, http:// or mailto: addresses"))
def template_link(ctx, profiles, options) -> Iterator[Hit]:
    from ...postings.batch import render

    folder = ctx.catalog.templates_dir
    if not folder.is_dir() or not profiles:
        return
    seen: set[tuple[str, str]] = set()
    for posting in _sample_postings(ctx, profiles):
        try:
            dropped = render(ctx.catalog, posting, ("html",)).dropped
        except JdgenError:  # JD701's to report
            continue
        for item in dropped:
            if (item.template, item.what) not in seen:
                seen.add((item.template, item.what))
                yield Hit(_place(folder / item.template, item.needle), f"{item.what} {item.outcome}", item.hint)


def _place(path, needle: str) -> Location:
    """The first line and column where ``needle`` appears in the template (any case), else its start."""
    from ...catalog.yaml_source import display_path

    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    at = text.lower().find(needle.lower()) if needle else -1
    if at < 0:
        return Location(display_path(path), 1, 1)
    line = text.count("\n", 0, at) + 1
    return Location(display_path(path), line, at - (text.rfind("\n", 0, at) + 1) + 1)
