"""`jdgen site`: pinned adjacent roles on role pages, and a catalog's own site templates."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import shipped_p4_with

PINNED = ("adjacent_roles:\n  - code: AIMLAM.NLP.P3\n  - code: AIMLAM.ZZZ.P3\n  - title: Data Scientist\n"
          "  - code: AIMLAM.GEN.P5\n  - code: AIMLAM.NLP.P3\n  - code: AIMLAM.GEN.P4\n")


def pinned_catalog(tmp_path: Path) -> Path:
    return shipped_p4_with(tmp_path, ("\nstatus:", f"\n{PINNED}status:"))


def section(html: str, heading: str) -> str:
    """The table under the <h3> ``heading``."""
    start = html.index(f"<h3>{heading}</h3>")
    return html[start:html.index("</table>", start)]


def codes_in(html: str) -> list[str]:
    return re.findall(r'<span class="code">([A-Z0-9.]+)</span>', html)


def test_pinned_roles_come_first_then_the_computed_ones_without_repeats(run, tmp_path):
    catalog = pinned_catalog(tmp_path)
    out = tmp_path / "site"
    result = run("--catalog", str(catalog), "site", "-o", str(out))
    assert result.code == 0, result.err
    html = (out / "roles" / "AIMLAM.GEN.P4.html").read_text(encoding="utf-8")
    pinned = section(html, "Next steps chosen by the catalog")
    # in the profile's order; the unknown code, the repeat and the role itself are left out
    assert codes_in(pinned) == ["AIMLAM.NLP.P3", "AIMLAM.GEN.P5"]
    assert "Data Scientist <span class=\"muted\">(not in this catalog)</span>" in pinned
    assert "AIMLAM.ZZZ.P3" not in html
    # distance and band as `jdgen adjacent` measures them
    assert re.search(r'AIMLAM\.GEN\.P5</span>.*?<td class="number">0\.1</td><td>close</td>', pinned)
    others = section(html, "Other adjacent roles")
    assert codes_in(others) and not set(codes_in(others)) & {"AIMLAM.NLP.P3", "AIMLAM.GEN.P5", "AIMLAM.GEN.P4"}
    assert html.index("Next steps chosen by the catalog") < html.index("Other adjacent roles")


def test_without_pinned_roles_the_page_shows_the_computed_ones_alone(run, tmp_path):
    out = tmp_path / "site"
    assert run("site", "-o", str(out)).code == 0
    html = (out / "roles" / "AIMLAM.GEN.P4.html").read_text(encoding="utf-8")
    assert "chosen by the catalog" not in html
    assert len(codes_in(section(html, "Adjacent roles"))) == 5


def test_the_pinned_roles_match_jdgen_adjacent_distances(tmp_path):
    from jdgen.architecture.relations import distance
    from jdgen.catalog.root import Catalog
    from jdgen.site.neighbours import Neighbourhood

    catalog = Catalog(pinned_catalog(tmp_path))
    pinned = Neighbourhood(catalog).pinned("AIMLAM.GEN.P4")
    me = catalog.profile("AIMLAM.GEN.P4").model
    assert [n if isinstance(n, str) else n.code for n in pinned] == ["AIMLAM.NLP.P3", "Data Scientist", "AIMLAM.GEN.P5"]
    for n in pinned:
        if not isinstance(n, str):
            other = catalog.profile(n.code).model
            assert n.distance == distance(me, other, catalog.level_of(me), catalog.level_of(other), catalog.taxonomy)


HEADER = """<header class="site-header">
<p class="site-name"><a href="{{ root }}index.html"><img src="https://example.com/logo.svg" alt="Northwind"> careers</a></p>
</header>
"""


def with_site_template(tmp_path: Path, name: str, text: str) -> Path:
    catalog = tmp_path / "catalog"
    if not catalog.exists():
        from jdgen.resources import builtin_catalog

        shutil.copytree(builtin_catalog(), catalog)
    folder = catalog / "templates" / "site"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return catalog


def test_a_catalog_header_replaces_the_shipped_one_on_every_page(run, tmp_path):
    catalog = with_site_template(tmp_path, "_header.html.j2", HEADER)
    out = tmp_path / "site"
    result = run("--catalog", str(catalog), "site", "-o", str(out))
    assert result.code == 0, result.err
    pages = [p for p in out.rglob("*.html")]
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        root = "" if path.parent == out else "../"
        assert f'<a href="{root}index.html"><img src="https://example.com/logo.svg" alt="Northwind"> careers</a>' in html
        assert 'aria-label="Site"' not in html  # the shipped header's navigation is gone
        assert '<main id="main"' in html  # the rest of the frame is jdgen's
    # the same bytes on a second build
    again = tmp_path / "again"
    assert run("--catalog", str(catalog), "site", "-o", str(again)).code == 0
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == {
        p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}


def test_a_catalog_role_page_template_autoescapes_catalog_values(run, tmp_path):
    catalog = shipped_p4_with(tmp_path, ("\ntitle: Senior AI/ML Engineer / Tech Lead\n", "\ntitle: '<b>Lead</b>'\n"))
    with_site_template(tmp_path, "role.html.j2",
                       '{% extends "base.html.j2" %}{% block main %}<h1>{{ role.title }}</h1>'
                       '{% for n in pinned + adjacent %}<p>{{ n.title }}</p>{% endfor %}{% endblock %}\n')
    out = tmp_path / "site"
    assert run("--catalog", str(catalog), "site", "-o", str(out)).code == 0
    html = (out / "roles" / "AIMLAM.GEN.P4.html").read_text(encoding="utf-8")
    assert "<h1>&lt;b&gt;Lead&lt;/b&gt;</h1>" in html and "<b>" not in html


def test_check_sees_a_change_in_a_catalog_template(run, tmp_path):
    catalog = with_site_template(tmp_path, "_header.html.j2", HEADER)
    out = tmp_path / "site"
    assert run("--catalog", str(catalog), "site", "-o", str(out)).code == 0
    assert run("--catalog", str(catalog), "site", "-o", str(out), "--check").code == 0
    with_site_template(tmp_path, "_header.html.j2", HEADER.replace("careers", "jobs"))
    result = run("--catalog", str(catalog), "site", "-o", str(out), "--check")
    assert result.code == 1
    assert "+<p class=\"site-name\"><a href=\"index.html\"><img src=\"https://example.com/logo.svg\" alt=\"Northwind\"> jobs</a></p>" in result.out
    assert "index.html" in result.err or "stale" in result.err


@pytest.mark.parametrize("template, message", [
    ("{% if %}", r"^\S*templates/site/_header\.html\.j2:1:1: site template syntax error: "),
    ("{{ ''.__class__.__mro__ }}", r"^\S*templates/site/_header\.html\.j2:1:1: site template tried something the sandbox forbids"),
    ("{{ company_logo }}", r"^\S*templates/site/_header\.html\.j2:1:1: site template uses an undefined value: 'company_logo' is undefined"),
    ("{{ 'x' * 10000000 }}", r"^\S*templates/site/_header\.html\.j2:1:1: site template exceeds a limit"),
    ("{% include 'missing.html.j2' %}", r"^site template 'missing\.html\.j2' not found"),
    ("{{ 1 // 0 }}", r"^\S*templates/site/_header\.html\.j2:1:1: site template failed: integer division or modulo by zero"),
    ("<p>\n{% if true %}x", r"^\S*templates/site/_header\.html\.j2:2:1: site template syntax error: \{% if %\} is never closed"),
    ("{% include '_header.html.j2' %}", r"^\S*templates/site/_header\.html\.j2:1:1: site template recursion does not end"),
])
def test_a_failing_catalog_template_is_one_line_and_exit_2(run, tmp_path, template, message):
    catalog = with_site_template(tmp_path, "_header.html.j2", template)
    result = run("--catalog", str(catalog), "site", "-o", str(tmp_path / "site"))
    assert result.code == 2
    assert re.match(message, result.err), result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err


def test_a_site_template_that_is_not_utf8_is_named_with_its_byte(run, tmp_path):
    catalog = with_site_template(tmp_path, "_header.html.j2", HEADER)
    (catalog / "templates" / "site" / "_header.html.j2").write_bytes(b"<p>\ncaf\xe9</p>\n")
    result = run("--catalog", str(catalog), "site", "-o", str(tmp_path / "site"))
    assert result.code == 2
    assert re.match(r"^\S*templates/site/_header\.html\.j2:2:4: site template is not UTF-8 text: byte 0xe9 "
                    r"cannot be read \(save the template as UTF-8\)", result.err), result.err
    assert "Traceback" not in result.err


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_catalog_template_linking_outside_the_catalog_is_not_read(run, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    catalog = with_site_template(tmp_path, "_header.html.j2", "{% include 'leak.html.j2' %}")
    try:
        os.symlink(secret, catalog / "templates" / "site" / "leak.html.j2")
    except OSError:
        pytest.skip("cannot make symbolic links here")
    out = tmp_path / "site"
    result = run("--catalog", str(catalog), "site", "-o", str(out))
    assert result.code == 2 and "TOP SECRET" not in result.err + result.out
    assert "leak.html.j2: is a symbolic link that leads outside the catalog" in result.err
    assert "Traceback" not in result.err
    assert not any("TOP SECRET" in p.read_text(encoding="utf-8") for p in out.rglob("*.html")) if out.exists() else True


def test_a_catalog_template_may_include_a_shared_file_of_the_catalog(run, tmp_path):
    catalog = with_site_template(tmp_path, "_header.html.j2", "{% include 'brand.html.j2' %}")
    (catalog / "partials").mkdir()
    (catalog / "partials" / "brand.html").write_text('<header class="site-header"><p>Northwind brand</p></header>\n',
                                                     encoding="utf-8")
    try:
        os.symlink(catalog / "partials" / "brand.html", catalog / "templates" / "site" / "brand.html.j2")
    except OSError:
        pytest.skip("cannot make symbolic links here")
    out = tmp_path / "site"
    result = run("--catalog", str(catalog), "site", "-o", str(out))
    assert result.code == 0, result.err
    assert "<p>Northwind brand</p>" in (out / "index.html").read_text(encoding="utf-8")
