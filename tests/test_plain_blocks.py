"""The quick parse of plain posting Markdown gives markdown-it's tokens exactly, or steps aside.

Every shipped posting (each profile, generic and for each company, as of a fixed date)
must take the quick path and give the very tokens markdown-it gives; generated
documents mixing plain lines with the constructs the quick path leaves to markdown-it
must either match too or be refused (None); and the DOCX and HTML of a posting whose
Markdown is refused are what markdown-it's tokens make.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from jdgen.render.links import markdown_parser
from jdgen.render.plain_blocks import plain_tokens

WHEN = date(2026, 11, 23)


def shipped_postings() -> list[tuple[str, str]]:
    from jdgen.catalog.companies import company_files
    from jdgen.catalog.root import Catalog
    from jdgen.postings.batch import batch
    from jdgen.render.markdown import render_markdown
    from jdgen.resources import builtin_catalog

    catalog = Catalog(builtin_catalog())
    companies = [None, *sorted(company_files(catalog))]
    return [(f"{posting.code}.{posting.slug or 'generic'}", render_markdown(posting, catalog.templates_dir))
            for posting in batch(catalog, companies, WHEN)]


def test_every_shipped_posting_takes_the_quick_path_with_markdown_its_tokens():
    """The Markdown of each shipped posting, and the one its DOCX is made from (a draft's notice in bold)."""
    from jdgen.render.draft import docx_markdown

    parser = markdown_parser()
    postings = shipped_postings()
    assert len(postings) == 36
    for name, markdown in postings:
        for text in (markdown, docx_markdown(markdown, "DRAFT — not approved for publication (profile status: draft)")):
            quick = plain_tokens(text)
            assert quick is not None, f"{name} left the quick path"
            assert quick == parser.parse(text), name


PLAIN = ["# Senior Engineer", "## About the role", "### Skills", "###### Six", "", "", "",
         "Level P4 · Senior Professional · 5–8 years of experience", "Zweite Zeile · München",
         "2026 is when it starts", "- Own the roadmap", "- Ship (and measure) it", "1. A first call",
         "2. A second call", "7. Seven", "> DRAFT — not approved for publication",
         "Apply at [careers.example](https://careers.example/jobs?id=4#apply).",
         "- Mail [jobs@example.com](mailto:jobs@example.com) or [us](http://Example.COM/%7Ehr)",
         "Straße [Wörter](https://bücher.example/ä ö)", "Text with C# inside", "Price 5 € (net)", "01. Leading zero",
         "**DRAFT — not approved for publication (profile status: draft)**"]
RICHER = ["*emphasis*", "**bold** and more", "** spaced**", "**a*b**", "***", "a **b** c", "- **b**: c",
          "**[a](https://x.example)**", "__strong__", "`code`", "[relative](/jobs)", "![logo](https://x.example/l.png)",
          "[no link]", "<b>raw</b>", "&amp; entity", "    indented code", "  two spaces", "trailing  ",
          "tab\there", "- ", "-", ">", "> ", "---", "===", "* star item", "+ plus item", "1) paren",
          "1234567890. too long", "####### seven", "# closing #", "#nospace", "  - nested",
          "Line\\", "Text\u00a0", "\u3000ideographic", "[a](https://x.example) [b]", "[a]( https://x.example)",
          "[a](https://x.example \"title\")", "[ a ](https://x.example)", "line\r", "- - nested"]


@pytest.mark.parametrize("seed", range(4))
def test_generated_documents_match_markdown_it_or_are_refused(seed):
    parser = markdown_parser()
    chance = random.Random(seed)
    quick_taken = 0
    for _ in range(2500):
        pool = PLAIN if chance.random() < 0.6 else PLAIN + RICHER
        text = "\n".join(chance.choice(pool) for _ in range(chance.randint(1, 14)))
        if chance.random() < 0.5:
            text += "\n"
        quick = plain_tokens(text)
        if quick is not None:
            quick_taken += 1
            assert quick == parser.parse(text), repr(text)
    assert quick_taken > 200   # the comparison ran on many documents, not only on refusals


@pytest.mark.parametrize("text", RICHER)
def test_richer_markdown_is_left_to_markdown_it(text):
    assert plain_tokens(f"# Title\n\n{text}\n") is None


def test_a_posting_with_richer_markdown_renders_as_markdown_it_parses_it():
    """The DOCX and HTML of a Markdown the quick path refuses come from markdown-it's tokens."""
    from datetime import datetime, timezone

    from jdgen.render import html
    from jdgen.render.docx.writer import DocxOptions, markdown_to_docx

    markdown = "# Role\n\nSome *emphasis* and `code`.\n\n- One\n- Two\n"
    assert plain_tokens(markdown) is None
    options = DocxOptions(title="Role", subject="X", author="jdgen", keywords=(),
                          created=datetime(2026, 11, 23, tzinfo=timezone.utc))
    document = part(markdown_to_docx(markdown, options), "word/document.xml")
    assert b'<w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">emphasis</w:t>' in document
    header, sections = html.split_markdown(markdown)
    assert header == markdown_parser().parse(markdown)


def part(data: bytes, name: str) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


# --- the DOCX writer reads the blocks directly --------------------------------------------------


def writers() -> list:
    """The writer of jdgen's default reference and of each shipped company's own."""
    from jdgen.catalog.companies import company_files, find_company
    from jdgen.catalog.root import Catalog
    from jdgen.postings.batch import build_posting
    from jdgen.render.docx.posting_docx import docx_options
    from jdgen.render.docx.writer import writer_for
    from jdgen.resources import builtin_catalog

    catalog = Catalog(builtin_catalog())
    found = {writer_for(None)}
    for slug in sorted(company_files(catalog)):
        find_company(catalog, slug)
        found.add(writer_for(docx_options(catalog, build_posting(catalog, catalog.codes[0], slug, WHEN)).reference))
    return sorted(found, key=lambda writer: str(writer.reference))


def same_body(writer, text: str, languages: dict[str, str]) -> str:
    """The writer's paragraphs, links and numbering for ``text`` from the blocks, as from markdown-it's tokens."""
    from jdgen.render.plain_blocks import plain_blocks

    quick_links, quick_nums, token_links, token_nums = {}, [], {}, []
    quick = writer._plain_body(plain_blocks(text), quick_links, quick_nums, languages)
    tokens = writer._body(markdown_parser().parse(text), token_links, token_nums, languages)
    assert (quick, quick_links, quick_nums) == (tokens, token_links, token_nums), repr(text)
    return quick


def test_docx_from_the_blocks_is_docx_from_markdown_its_tokens_for_every_shipped_posting():
    from jdgen.render.draft import docx_markdown

    postings = shipped_postings()
    for writer in writers():
        for name, markdown in postings:
            text = docx_markdown(markdown, "DRAFT — not approved for publication (profile status: draft)")
            assert same_body(writer, text, {}), name


@pytest.mark.parametrize("seed", range(3))
def test_docx_from_the_blocks_is_docx_from_markdown_its_tokens_for_generated_documents(seed):
    """Headings, lists, quotes, bold lines, links and lines that read as headings ("Benefits:"),
    some paragraphs in another language, on each shipped reference document."""
    from jdgen.render.language import words
    from jdgen.render.plain_blocks import plain_blocks

    chance = random.Random(seed)
    pool = PLAIN + ["Benefits:", "What we offer:", "Zweite Zeile · München", "[Only a link](https://x.example)",
                    "A paragraph ending in a colon that is far too long to be read as a heading, surely:"]
    foreign = {words("Zweite Zeile · München"): "de-DE", words("Straße Wörter"): "de"}
    bodies = []
    for writer in writers():
        for _ in range(800):
            lines = [chance.choice(pool) for _ in range(chance.randint(1, 14))]
            text = "".join(line + chance.choice(("\n", "\n\n")) for line in lines)
            if plain_blocks(text) is not None:
                bodies.append(same_body(writer, text, foreign if chance.random() < 0.5 else {}))
    # many documents compared, with every feature the blocks carry among them
    assert len(bodies) > 200
    for feature in ("<w:lang ", "<w:hyperlink ", "<w:numPr>", "<w:b/>", 'w:val="Heading1"'):
        assert sum(feature in body for body in bodies) > 10, feature
