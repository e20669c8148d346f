"""Templates a catalog ships: they must compile and render every posting."""

from __future__ import annotations

from typing import Iterator

from ...errors import InvalidInputError, JdgenError, SourceError
from ..registry import Example, Hit, rule


@rule("JD701", "template-error", severity="error", target="catalog",
      summary="A catalog template fails to compile or to render a posting (syntax, undefined variable, sandbox).",
      why="A broken template stops every render; catching it in lint keeps CI ahead of the recruiters.",
      bad=Example(note="templates/posting.md.j2 containing {{ compnay.name }}"),
      good=Example(note="no templates/ folder, or templates that render"))
def template_error(ctx, profiles, options) -> Iterator[Hit]:
    from ...companies import company_files, load_company
    from ...compose import compose
    from ...postings import render

    catalog = ctx.catalog
    if not catalog.templates_dir.is_dir() or not profiles:
        return
    companies = [None]
    for path in company_files(catalog).values():
        try:
            companies.append(load_company(path, catalog))
        except InvalidInputError:
            pass
    seen: set[str] = set()
    for company in companies:
        try:
            posting = compose(catalog, profiles[0], company, ctx.as_of)
        except InvalidInputError:  # a merge problem, reported as JD001 with the posting: not a template's
            continue
        try:
            render(catalog, posting, ("md", "html"))
        except SourceError:
            raise  # a template that cannot be read (or is refused) stops the run, as a catalog file would
        except JdgenError as exc:
            if exc.message not in seen:
                seen.add(exc.message)
                yield Hit(exc.location, exc.message, exc.hint)
