"""Reading postings in each format: title, section kinds, piece texts and exact locations."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from jdgen.diagnostics import Location
from jdgen.documents import FORMATS, Document, read_document, read_document_bytes


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return str(path)


def outline(document: Document) -> list:
    """(heading text or None, kind, [(piece kind, text, line, col)]) per section."""
    return [(s.heading.text if s.heading else None, s.kind,
             [(p.kind, p.text, p.location.line, p.location.col) for p in s.pieces]) for s in document.sections]


def test_formats_name_every_extension_jdgen_reads():
    assert FORMATS == {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
                       ".html": "html", ".htm": "html", ".docx": "docx"}


MARKDOWN = """
# Senior Data Engineer

Acme builds **tools** for [farmers](https://x.example) &amp; growers.

## What you'll do

- Build pipelines
- Own the data model,
  end to end
  1. nested step

## Perks
Lunch on Fridays.
"""


def test_markdown_posting(tmp_path):
    document = read_document(write(tmp_path, "posting.md", MARKDOWN))
    assert document.format == "markdown"
    assert document.path == str(tmp_path / "posting.md")
    assert (document.title.text, document.title.kind, document.title.location.line, document.title.location.col) == \
        ("Senior Data Engineer", "heading", 1, 3)
    assert outline(document) == [
        (None, None, [("paragraph", "Acme builds tools for farmers & growers.", 3, 1)]),
        ("What you'll do", "responsibilities", [
            ("item", "Build pipelines", 7, 3),
            ("item", "Own the data model, end to end", 8, 3),
            ("item", "nested step", 10, 6),
        ]),
        ("Perks", "benefits", [("paragraph", "Lunch on Fridays.", 13, 1)]),
    ]
    assert [p.text for p in document.pieces()][:3] == ["Senior Data Engineer", "Acme builds tools for farmers & growers.",
                                                       "What you'll do"]


def test_markdown_setext_and_bold_line_headings(tmp_path):
    document = read_document(write(tmp_path, "ats.markdown", """
        Data Engineer
        =============

        About Acme
        ----------
        We grow things.

        **Requirements:**
        - Python

        **What we offer**
        Good pay and
        a garden.

        **This bold sentence is not a heading because it is long.**
        """))
    assert document.title.text == "Data Engineer"
    assert (document.title.location.line, document.title.location.col) == (1, 1)
    assert outline(document) == [
        ("About Acme", "about_company", [("paragraph", "We grow things.", 6, 1)]),
        ("Requirements:", "requirements", [("item", "Python", 9, 3)]),
        ("What we offer", "benefits", [
            ("paragraph", "Good pay and a garden.", 12, 1),
            ("paragraph", "This bold sentence is not a heading because it is long.", 15, 3),
        ]),
    ]
    heading = document.sections[1].heading
    assert (heading.kind, heading.location.line, heading.location.col) == ("heading", 8, 3)


def test_markdown_locate_maps_through_markup_entities_escapes_and_wraps(tmp_path):
    path = write(tmp_path, "posting.md", """
        Work with **Python** and [our *data* team](https://x.example/a-b) &amp; \\*friends\\*,
          then wrap onto a `second` line.
        """)
    piece = read_document(path).sections[0].pieces[0]
    assert piece.text == "Work with Python and our data team & *friends*, then wrap onto a second line."
    lines = Path(path).read_text(encoding="utf-8").splitlines()

    def where(fragment: str) -> tuple[int, int]:
        start = piece.text.index(fragment)
        location = piece.locate(start, start + len(fragment))
        assert location.file == path
        return location.line, location.col

    assert where("Python") == (1, lines[0].index("Python") + 1)
    assert where("data team") == (1, lines[0].index("data*") + 1)
    assert where("team") == (1, lines[0].index("team") + 1)
    assert where("&") == (1, lines[0].index("&amp;") + 1)
    assert where("*friends") == (1, lines[0].index("\\*friends") + 1)
    assert where("friends") == (1, lines[0].index("friends") + 1)
    assert where("then wrap") == (2, 3)
    assert where("second") == (2, lines[1].index("second") + 1)
    assert piece.locate(len(piece.text) + 5, len(piece.text) + 9) == piece.location


TEXT = """
SENIOR DATA ENGINEER

We are hiring
in Denver.

Responsibilities:
- Build pipelines
  and models
• Own the roadmap
1) Mentor people

Benefits
Health care for all.
Key facts: we are small
"""


def test_plain_text_posting(tmp_path):
    document = read_document(write(tmp_path, "posting.txt", TEXT))
    assert document.format == "text"
    assert (document.title.text, document.title.location.line) == ("SENIOR DATA ENGINEER", 1)
    assert outline(document) == [
        (None, None, [("paragraph", "We are hiring in Denver.", 3, 1)]),
        ("Responsibilities:", "responsibilities", [
            ("item", "Build pipelines and models", 7, 3),
            ("item", "Own the roadmap", 9, 3),
            ("item", "Mentor people", 10, 4),
        ]),
        ("Benefits", "benefits", [("paragraph", "Health care for all. Key facts: we are small", 13, 1)]),
    ]
    item = document.sections[1].pieces[0]
    start = item.text.index("models")
    assert item.locate(start, start + 6) == Location(document.path, 8, 7)


def test_plain_text_first_line_is_the_title_only_when_it_stands_alone(tmp_path):
    document = read_document(write(tmp_path, "notitle.text", "We are hiring a data engineer\nto build things.\n"))
    assert document.title is None
    assert outline(document) == [(None, None, [("paragraph", "We are hiring a data engineer to build things.", 1, 1)])]


HTML = """
<!doctype html>
<html><head><title>Data Engineer | Acme</title>
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style></head>
<body><nav><ul><li>Home</li></ul></nav><header><p>Acme careers</p></header>
<main>
<h1>Data Engineer</h1>
<p>Acme &amp; friends build <a href="/x">tools</a>
for growers&nbsp;everywhere.</p>
<p><strong>What we&rsquo;re looking for</strong></p>
<ul><li>Python</li><li>SQL <b>and</b> Spark</li></ul>
<h2>Benefits</h2><template><p>hidden</p></template><noscript>Enable JS</noscript>
<p><b>Pay:</b><br>USD 100,000 to 120,000</p>
</main>
<footer>Copyright</footer>
</body></html>
"""


def test_html_posting_reads_only_main(tmp_path):
    document = read_document(write(tmp_path, "posting.html", HTML))
    assert document.format == "html"
    assert (document.title.text, document.title.location.line, document.title.location.col) == ("Data Engineer", 6, 5)
    assert outline(document) == [
        (None, None, [("paragraph", "Acme & friends build tools for growers everywhere.", 7, 4)]),
        ("What we’re looking for", "requirements", [("item", "Python", 10, 9), ("item", "SQL and Spark", 10, 24)]),
        ("Benefits", "benefits", []),
        ("Pay:", "compensation", [("paragraph", "USD 100,000 to 120,000", 12, 19)]),
    ]
    piece = document.sections[0].pieces[0]
    for fragment, expected in (("friends", (7, 15)), ("tools", (7, 42)), ("everywhere", (8, 18)), ("&", (7, 9))):
        start = piece.text.index(fragment)
        assert piece.locate(start, start + len(fragment)) == Location(document.path, *expected)


def test_html_without_main_skips_nav_header_and_footer_and_falls_back_to_title(tmp_path):
    document = read_document(write(tmp_path, "page.htm", """
        <html><head><title>Data &amp; AI Engineer</title></head><body>
        <header>Acme</header><nav>Jobs</nav>
        <div>We build tools.<div>Nested <em>text</em> here</div></div>
        <h3>Skills</h3><p>Python</p>
        <footer>Imprint</footer></body></html>
        """))
    assert (document.title.text, document.title.location.line, document.title.location.col) == ("Data & AI Engineer", 1, 20)
    assert outline(document) == [
        (None, None, [("paragraph", "We build tools.", 3, 6), ("paragraph", "Nested text here", 3, 26)]),
        ("Skills", "skills", [("paragraph", "Python", 4, 19)]),
    ]
    assert [p.text for p in document.pieces()] == ["Data & AI Engineer", "We build tools.", "Nested text here",
                                                   "Skills", "Python"]


def make_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Senior Data Engineer", style="Title")
    document.add_paragraph("Acme builds tools for farmers and growers across the whole of Europe.")
    document.add_heading("What you'll do", level=1)
    document.add_paragraph("Build pipelines", style="List Bullet")
    document.add_paragraph("Own the model", style="List Number")
    bold = document.add_paragraph()
    bold.add_run("Benefits").bold = True
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Health care"
    table.cell(0, 1).text = "Pension"
    document.add_paragraph("")
    document.add_paragraph("Apply today.")
    document.save(str(path))


def test_docx_posting(tmp_path):
    make_docx(tmp_path / "posting.docx")
    document = read_document(tmp_path / "posting.docx")
    assert document.format == "docx"
    assert (document.title.text, document.title.location.line, document.title.quote) == \
        ("Senior Data Engineer", 1, "Senior Data Engineer")
    assert outline(document) == [
        (None, None, [("paragraph", "Acme builds tools for farmers and growers across the whole of Europe.", 2, 1)]),
        ("What you'll do", "responsibilities", [("item", "Build pipelines", 4, 1), ("item", "Own the model", 5, 1)]),
        ("Benefits", "benefits", [("paragraph", "Health care", 7, 1), ("paragraph", "Pension", 8, 1),
                                  ("paragraph", "Apply today.", 10, 1)]),
    ]
    intro = document.sections[0].pieces[0]
    assert intro.quote == "Acme builds tools for farmers and…"
    assert intro.locate(30, 37) == Location(str(tmp_path / "posting.docx"), 2, 1)


def test_stdin_bytes_are_sniffed(tmp_path):
    make_docx(tmp_path / "posting.docx")
    docx_document = read_document_bytes((tmp_path / "posting.docx").read_bytes(), "-")
    assert (docx_document.format, docx_document.path, docx_document.title.text) == ("docx", "-", "Senior Data Engineer")
    html = read_document_bytes(b"\xef\xbb\xbf  \n<h1>Data Engineer</h1><p>Hi</p>", "-")
    assert (html.format, html.title.text, html.title.location) == ("html", "Data Engineer", Location("-", 2, 5))
    markdown = read_document_bytes("# Data Engineer\n\nHi <b>there</b>\n".encode("utf-16"), "-")
    assert (markdown.format, markdown.title.text) == ("markdown", "Data Engineer")
    assert markdown.sections[0].pieces[0].text == "Hi there"


@pytest.mark.parametrize("heading", ["Responsibilities", "Overview"])
def test_a_recognised_title_stays_the_heading_of_its_section_and_is_given_once(tmp_path, heading):
    document = read_document(write(tmp_path, "posting.md", f"## {heading}\n\nText.\n"))
    assert document.title.text == heading
    assert [s.heading for s in document.sections] == [document.title]
    assert [p.text for p in document.pieces()] == [heading, "Text."]
