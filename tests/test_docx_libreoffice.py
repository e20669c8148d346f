"""Every shipped posting opens in a real word processor: LibreOffice converts each DOCX to PDF.

For each profile of the built-in catalog, generic and with each shipped company, the
DOCX from ``jdgen render --all [--all-companies] -f docx`` is converted by
``soffice --headless --convert-to pdf`` (all files in one invocation, with a private
user profile so that parallel runs do not clash), and the PDF's text, read back with
``pdftotext -layout``, must contain the posting's title and every responsibility.

Needs LibreOffice (``soffice``) and poppler (``pdftotext``); skipped with a reason
without them. ``.ci/run`` installs both.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from jdgen.resources import builtin_catalog

SOFFICE, PDFTOTEXT = shutil.which("soffice"), shutil.which("pdftotext")
pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                       reason="needs LibreOffice (soffice) and poppler (pdftotext) on PATH; "
                              "apt-get install libreoffice-writer-nogui poppler-utils"),
]
DATE = "2026-11-23"
TIMEOUT = 120


def shipped_postings() -> list[tuple[str, str | None]]:
    """(code, company slug or None) of every shipped posting, in a stable order."""
    root = builtin_catalog()
    codes = sorted(path.stem for path in (root / "roles").rglob("*.yaml"))
    slugs = sorted(path.stem for path in (root / "companies").glob("*.yaml"))
    return [(code, slug) for code in codes for slug in (None, *slugs)]


POSTINGS = shipped_postings()


def stem(code: str, slug: str | None) -> str:
    return f"{code}.{slug}" if slug else code


def expected_texts(code: str, slug: str | None) -> tuple[str, list[str], str | None]:
    """The posting's title, its responsibilities and the page-header text of its brand (if any)."""
    from jdgen.catalog.root import Catalog
    from jdgen.postings.batch import build_posting

    posting = build_posting(Catalog(builtin_catalog()), code, slug, date.fromisoformat(DATE))
    profile = posting.profile
    header = None
    if posting.company is not None and posting.company.company.reference_docx:
        import docx

        reference = Path(posting.company_doc.file).parent / posting.company.company.reference_docx
        header = "\n".join(p.text for p in docx.Document(str(reference)).sections[0].header.paragraphs).strip()
    return profile.title, [item.posting or item.text for item in profile.responsibilities if item.in_posting], header or None


def footer_lead(code: str, slug: str | None) -> str:
    """What the footer says before "Page X of Y": the requisition, else the title (the code when generic)."""
    from jdgen.catalog.root import Catalog
    from jdgen.postings.batch import build_posting
    from jdgen.render.docx.posting_docx import footer_text
    from jdgen.render.language import posting_translations

    posting = build_posting(Catalog(builtin_catalog()), code, slug, date.fromisoformat(DATE))
    return footer_text(posting, posting_translations(posting).gettext)   # in the posting's language


def page_words(slug: str | None) -> tuple[str, str]:
    """The footer's "Page" and "of": Lindenhof publishes in German."""
    return ("Seite", "von") if slug == "lindenhof" else ("Page", "of")


def normalise(text: str) -> str:
    """Compare text as words: compatibility forms folded, soft hyphens and zero-width spaces dropped,
    a word wrapped after its own hyphen joined again, any run of whitespace one space."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").replace("\u200b", "")
    text = re.sub(r"(?<=\w)-[ \t]*\n\s*(?=\w)", "-", text)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> Path:
    """Render every shipped posting to DOCX, then convert them all with ONE soffice run."""
    root = tmp_path_factory.mktemp("libreoffice")
    docs, out = root / "docx", root / "pdf"
    env = {**os.environ, "JDGEN_CACHE_DIR": ""}
    env.pop("JDGEN_CATALOG", None)
    base = [sys.executable, "-m", "jdgen", "render", "--all", "-f", "docx", "-o", str(docs), "--date", DATE]
    for extra in ([], ["--all-companies"]):
        done = subprocess.run(base + extra, cwd=root, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    files = sorted(str(path) for path in docs.glob("*.docx"))
    assert len(files) == len(POSTINGS)
    profile_dir = root / "soffice-profile"
    command = [SOFFICE, f"-env:UserInstallation={profile_dir.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out), *files]
    try:
        done = subprocess.run(command, cwd=root, env={**os.environ, "HOME": str(root)}, capture_output=True,
                              text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"soffice did not convert {len(files)} files within {TIMEOUT} s")
    assert done.returncode == 0, f"soffice failed ({done.returncode}): {done.stderr or done.stdout}"
    return out


def pdf_text(pdf: Path) -> str:
    done = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("code, slug", POSTINGS, ids=[stem(c, s) for c, s in POSTINGS])
def test_libreoffice_converts_the_posting_with_all_its_text(pdfs, code, slug):
    pdf = pdfs / f"{stem(code, slug)}.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 1000, f"LibreOffice wrote no PDF for {pdf.stem}.docx"
    raw = pdf_text(pdf)
    pages = raw.count("\f") or 1
    title, responsibilities, header = expected_texts(code, slug)
    # page furniture is removed first, so that an item split across a page break still reads whole
    page, of = page_words(slug)
    footer = re.compile(rf"^\s*{re.escape(footer_lead(code, slug))} · {page} (\d+) {of} (\d+)\s*$", re.M)
    numbers = footer.findall(raw)
    assert numbers and numbers[0] == ("1", numbers[0][1]), "no 'Page 1 of N' footer"
    assert all(total == numbers[0][1] for _, total in numbers)
    body = footer.sub("", raw)
    if header:
        assert normalise(header) in normalise(raw), "the brand's header line is missing"
        body = "\n".join(line for line in body.splitlines() if normalise(line) != normalise(header))
    text = normalise(body)
    assert normalise(title) in text
    missing = [item for item in responsibilities if normalise(item) not in text]
    assert not missing, f"{len(missing)} responsibilities missing from the PDF of {pdf.stem}: {missing}"
    assert len(numbers) == int(numbers[0][1]) <= pages + 1


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="needs pdfimages (poppler-utils)")
@pytest.mark.parametrize("code, slug", POSTINGS, ids=[stem(c, s) for c, s in POSTINGS])
def test_logo_appears_only_for_companies_that_have_one(pdfs, code, slug):
    from jdgen.catalog.root import Catalog
    from jdgen.catalog.companies import find_company

    has_logo = bool(slug) and bool(find_company(Catalog(builtin_catalog()), slug).model.company.logo)
    listing = subprocess.run(["pdfimages", "-list", str(pdfs / f"{stem(code, slug)}.pdf")], capture_output=True,
                             text=True, timeout=60, check=True).stdout
    images = [line for line in listing.splitlines()[2:] if line.strip()]
    assert bool(images) == has_logo, listing


# ------------------------------------------------------------------------ how the pages fall

COMPANY_POSTINGS = [(code, slug) for code, slug in POSTINGS if slug]
DRAFT_LINE = "DRAFT — not approved for publication"
# Fewer lines than this alone on a page is a tail nobody would send.
MIN_LINES = 3


def pages(pdf: Path) -> list[list[str]]:
    """The non-blank lines of each page, as pdftotext lays them out."""
    text = pdf_text(pdf)
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f") if page.strip()]


def body_lines(page: list[str], furniture: set[str], footer: re.Pattern) -> list[str]:
    return [line for line in page if normalise(line) not in furniture and not footer.fullmatch(line)]


@pytest.mark.parametrize("code, slug", COMPANY_POSTINGS, ids=[stem(c, s) for c, s in COMPANY_POSTINGS])
def test_company_pages_read_as_a_recruiter_would_send_them(pdfs, code, slug):
    """On every page the footer names the requisition (else the title), never the role code;
    the title is one line of the first page; no page holds only a tail of a line or two."""
    pdf = pdfs / f"{stem(code, slug)}.pdf"
    laid_out = pages(pdf)
    lead = footer_lead(code, slug)
    page, of = page_words(slug)
    footer = re.compile(rf"{re.escape(lead)} · {page} (\d+) {of} {len(laid_out)}")
    title, _, header = expected_texts(code, slug)
    for number, page in enumerate(laid_out, 1):
        found = [footer.fullmatch(line) for line in page]
        assert [m.group(1) for m in found if m] == [str(number)], f"page {number}'s footer: {page[-1]!r}"
        assert not any(code in line for line in page), f"page {number} shows the role code"
    first = [normalise(line) for line in laid_out[0]]
    assert normalise(title) in first, f"the title is not one line of page 1: {first[:6]}"
    from jdgen.catalog.root import Catalog
    from jdgen.catalog.companies import find_company

    company = find_company(Catalog(builtin_catalog()), slug).model.company
    furniture = {normalise(DRAFT_LINE)} | ({normalise(header)} if header else {normalise(company.name)})
    for number, page in enumerate(laid_out, 1):
        lines = body_lines(page, furniture, footer)
        assert len(lines) >= MIN_LINES, f"page {number} of {pdf.stem} holds only {lines}"
