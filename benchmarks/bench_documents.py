"""Reading hostile or huge posting files: every case must end, read or refused, in well under a second.

    python benchmarks/bench_documents.py

Each case is a file of up to 1 MB (the limit for text formats): one huge paragraph,
bullets, headings, HTML nested 10,000 levels deep (closed, and left unclosed), entities,
and a long .docx, each once at the structure limits (jdgen.documents.source: 2,000 lines,
8,000 HTML tags, 10,000 Markdown marks, 2,000 .docx paragraphs) and once far beyond them (100,000 bullets, 50,000
headings), where the file is refused before it is parsed. Prints one row per case (best of
three, in-process); exits 1 when a case takes a second or more.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

from jdgen.documents import read_document
from jdgen.errors import JdgenError


def cases() -> dict[str, tuple[str, bytes]]:
    word = "lorem ipsum dolor sit amet "
    paragraph = (word * (990_000 // len(word))).encode()
    out: dict[str, tuple[str, bytes]] = {}
    for ext in ("md", "txt"):
        out[f"{ext}: one 1 MB paragraph"] = (ext, paragraph)
        out[f"{ext}: 2,000 bullets"] = (ext, b"- item\n" * 1_999)
        out[f"{ext}: 2,500 headings"] = (ext, (b"## Skills\nx\n" if ext == "md" else b"SKILLS\nx\n") * 2_499)
        out[f"{ext}: 100,000 bullets (refused)"] = (ext, b"- item\n" * 100_000)
        out[f"{ext}: 50,000 headings (refused)"] = (ext, b"SKILLS\nx\n" * 50_000)
    out["md: 10,000 marks of emphasis and links"] = ("md", b"**a** *b* [c](d) &amp; " * 1_249)
    out["md: 1 MB of emphasis (refused)"] = ("md", b"**a** *b* [c](d) &amp; " * 40_000)
    out["html: one 1 MB paragraph"] = ("html", b"<p>" + paragraph + b"</p>")
    out["html: 9,999 bullets"] = ("html", b"<ul>" + b"<li>item</li>" * 9_999 + b"</ul>")
    out["html: 100,000 bullets (refused)"] = ("html", b"<ul>" + b"<li>item</li>" * 100_000 + b"</ul>")
    out["html: 2,000 headings"] = ("html", b"<h2>Skills</h2><p>x</p>" * 1_999)
    out["html: 10,000 levels, closed"] = ("html", b"<div>" * 9_999 + b"deep" + b"</div>" * 9_999)
    out["html: 6,000 levels, unclosed"] = ("html", b"<div><span>" * 6_000 + b"deep" + b"</i>" * 1_000)
    out["html: 1 MB of entities"] = ("html", b"<p>" + b"&amp;&#8217;x " * 70_000 + b"</p>")
    out["docx: 2,000 paragraphs"] = ("docx", docx_bytes(2_000))
    out["docx: 20,000 paragraphs (refused)"] = ("docx", docx_bytes(20_000))
    return out


def docx_bytes(paragraphs: int) -> bytes:
    import docx

    document = docx.Document()
    for n in range(paragraphs):
        document.add_paragraph(f"Paragraph {n} of a long posting", style="List Bullet" if n % 2 else None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> int:
    worst = 0.0
    print(f"{'case':40} {'bytes':>10} {'pieces':>8} {'seconds':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for n, (name, (ext, data)) in enumerate(cases().items()):
            path = Path(folder) / f"case{n}.{ext}"
            path.write_bytes(data)
            best, pieces = float("inf"), "refused"
            for _ in range(3):
                start = time.perf_counter()
                try:
                    pieces = f"{sum(1 for _ in read_document(path).pieces()):,}"
                except JdgenError:
                    pieces = "refused"
                best = min(best, time.perf_counter() - start)
            worst = max(worst, best)
            print(f"{name:40} {len(data):>10,} {pieces:>8} {best:>8.3f}", flush=True)
    return 1 if worst >= 1.0 else 0


if __name__ == "__main__":
    sys.exit(main())
