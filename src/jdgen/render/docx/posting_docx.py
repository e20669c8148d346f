"""DOCX postings: the Markdown posting's syntax tree written onto a reference document.

Brand comes from the company's ``reference_docx`` and ``logo`` (paths relative to the
company file), else the neutral ``templates/reference.docx``. Letter paper when any of
the posting's locations is in the US, A4 otherwise (generic postings use A4).
"""

from __future__ import annotations

from datetime import datetime, time, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ...compose.posting import Posting
from ...errors import JdgenError, SourceError
from ..translations import N_

if TYPE_CHECKING:
    from ...catalog.root import Catalog


def docx_options(catalog: "Catalog", posting: Posting):
    from .writer import DocxOptions

    from ..draft import content_status, draft_line, draft_notice
    from ..language import foreign_texts, posting_language, posting_translations

    company = posting.company
    reference = logo = None
    header: tuple[str, ...] = ()
    if company is not None:
        base = Path(posting.company_doc.file).parent if posting.company_doc else catalog.companies_dir
        info = company.company
        reference = _asset(catalog.root, base, info.reference_docx, "reference_docx", posting)
        logo = _asset(catalog.root, base, info.logo, "logo", posting)
        if reference is None:  # a brand document brings its own header line; without one, the company's name
            header = (info.name,)
    if draft_notice(posting):
        header += (draft_line(posting),)
    gettext = posting_translations(posting).gettext
    level = posting.level
    p = posting.profile
    return DocxOptions(
        title=p.title,
        subject=f"{p.code} · {level.code} {level.name}",
        author=company.company.name if company else "jdgen",
        keywords=(p.code, level.code, p.function.code),
        created=datetime.combine(posting.date_posted, time(0, 0), tzinfo=timezone.utc),
        paper="letter" if any(place.country == "US" for place in posting.places) else "a4",
        footer_text=footer_text(posting, gettext),
        page_words=page_words(gettext),
        language=posting_language(posting),
        languages=tuple(foreign_texts(posting).items()),
        reference=reference,
        logo=logo,
        header_text=header,
        content_status=content_status(posting),
    )


def page_words(gettext: Callable[[str], str]) -> tuple[str, str, str]:
    """The footer's words before the page number, between it and the page count, and after."""
    label = gettext(N_("Page %(page)s of %(pages)s"))
    if label.count("%(page)s") != 1 or label.count("%(pages)s") != 1 or label.index("%(page)s") > label.index("%(pages)s"):
        label = "Page %(page)s of %(pages)s"   # a translation that reorders or drops them cannot take the fields
    before, rest = label.split("%(page)s")
    between, after = rest.split("%(pages)s")
    return before.replace("%%", "%"), between.replace("%%", "%"), after.replace("%%", "%")


def footer_text(posting: Posting, gettext: Callable[[str], str] = lambda message: message) -> str:
    """What the footer says before "Page X of Y".

    A company posting goes to candidates, who know it by its requisition reference (the
    company's ``requisition_id`` for the role), else by its title; the internal role code
    and profile version mean nothing to them. A generic posting is an internal document,
    so it keeps the code and version.
    """
    if posting.company is None:
        return f"{posting.code} · version {posting.profile.version}"
    if posting.requisition_id:
        return gettext(N_("Reference %(reference)s")) % {"reference": posting.requisition_id}
    return posting.profile.title


def _asset(root: Path, base: Path, value: str | None, key: str, posting: Posting) -> Path | None:
    """The company's asset file, which must lie inside the catalog ``root`` and be a regular file.

    A path that leaves the catalog, as written (``/etc/x.png``, ``../../x.png``) or through
    a link, is refused with the same words whether or not anything is there, so that a
    catalog cannot embed a file of the machine nor probe which files it has.
    """
    if not value:
        return None
    import os
    import stat

    from ...filesystem.containment import Loop, kind_of_entry, real_inside
    from ...errors import UnsafePathError

    try:
        path, link = real_inside(root, Path(os.path.abspath(base / value)))
    except Loop:
        path, link = (base / value), None
    if link is not None:
        raise UnsafePathError(f"company {key} {value!r} leads outside the catalog",
                              hint=f"keep the file inside the catalog, e.g. in companies/assets/, and give {key} "
                                   "as a path relative to the company file", location=_where(posting, key))
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None
    if mode is None or not stat.S_ISREG(mode):
        problem = f"is {kind_of_entry(mode)}, not a file" if mode is not None else "not found"
        raise SourceError(f"company {key} {value!r} {problem} (looked for {path})",
                          hint=f"give {key} as a path relative to the company file", location=_where(posting, key))
    return path


def _where(posting: Posting, key: str):
    return posting.company_doc.where(("company", key)) if posting.company_doc else None


def check_assets(catalog: "Catalog", posting: Posting) -> None:
    """Fail before anything is written when a company's reference document or logo is unusable."""
    from .logo import load_logo
    from .writer import writer_for

    options = docx_options(catalog, posting)
    for key, path, check in (("reference_docx", options.reference, writer_for), ("logo", options.logo, load_logo)):
        if path is None:
            continue
        try:
            check(path)
        except JdgenError as exc:
            if exc.location is not None or posting.company_doc is None:
                raise
            # The asset's own message, at the company file's line that names it.
            raise type(exc)(exc.message, hint=exc.hint, location=_where(posting, key)) from None


def render_docx(catalog: "Catalog", posting: Posting, markdown: str, warn: Callable[[str], None]) -> bytes:
    from .writer import markdown_to_docx

    return markdown_to_docx(markdown, docx_options(catalog, posting), warn=warn)
