"""Every internal link and resource of a built site resolves: the file exists inside the site,
and a #fragment names an element of that page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.links.append((tag, value))


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def broken_links(site: Path) -> tuple[list[str], int]:
    """Every internal link that does not resolve (as 'page: link (why)'), and how many links were checked."""
    pages = {p.relative_to(site).as_posix(): parse(p) for p in sorted(site.rglob("*.html"))}
    problems, checked = [], 0
    for name, page in pages.items():
        for tag, link in page.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue  # the catalog's sources and --source-url: outside the site
            checked += 1
            if parts.scheme or parts.netloc:
                problems.append(f"{name}: {link} (a {parts.scheme or 'network'} link)")
                continue
            target = PurePosixPath(name).parent / unquote(parts.path) if parts.path else PurePosixPath(name)
            resolved = PurePosixPath(*[p for p in _normalise(target.parts)])
            if ".." in resolved.parts or not (site / resolved).is_file():
                problems.append(f"{name}: {link} (no file {resolved})")
                continue
            if parts.fragment:
                ids = pages[resolved.as_posix()].ids if resolved.as_posix() in pages else set()
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{name}: {link} (no id {parts.fragment!r} in {resolved})")
    return problems, checked


def _normalise(parts):
    out = []
    for part in parts:
        if part == "..":
            if out:
                out.pop()
            else:
                out.append("..")
        elif part not in (".", ""):
            out.append(part)
    return out


@pytest.mark.parametrize("options", [[], ["-c", "northwind", "--source-url", "https://github.com/acme/roles/blob/main/profiles"]])
def test_no_broken_internal_link(run, tmp_path, options):
    site = tmp_path / "site"
    assert run("site", "-o", str(site), *options).code == 0
    problems, checked = broken_links(site)
    assert problems == []
    assert checked > 300  # the check did look at the links (nav, breadcrumbs, tables, assets, skip links)


def test_the_checker_finds_a_broken_file_and_a_broken_fragment(tmp_path):
    (tmp_path / "roles").mkdir()
    (tmp_path / "index.html").write_text('<a id="top" href="roles/a.html#x">a</a><a href="#top">t</a>'
                                         '<a href="gone.html">g</a><a href="../outside.html">o</a>'
                                         '<script src="assets/s.js"></script><a href="javascript:x">j</a>')
    (tmp_path / "roles" / "a.html").write_text('<p id="y"><a href="../index.html#top">i</a></p>')
    problems, _ = broken_links(tmp_path)
    assert problems == ["index.html: roles/a.html#x (no id 'x' in roles/a.html)",
                        "index.html: gone.html (no file gone.html)",
                        "index.html: ../outside.html (no file ../outside.html)",
                        "index.html: assets/s.js (no file assets/s.js)",
                        "index.html: javascript:x (a javascript link)"]
