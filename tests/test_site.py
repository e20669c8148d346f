"""`jdgen site`: what the pages say, what is written where, --check, and every error path."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import shipped_p4_with
from jdgen.resources import builtin_catalog

ROLES = sorted(p.stem for p in (builtin_catalog() / "roles").glob("*.yaml"))
FAMILIES = ["AIMLAM.APP", "AIMLAM.ARC", "AIMLAM.GEN", "AIMLAM.MMR", "AIMLAM.NLP"]
COMPARES = ["AIMLAM.APP.P1--AIMLAM.APP.P3", "AIMLAM.APP.P3--AIMLAM.APP.P4", "AIMLAM.GEN.P1--AIMLAM.GEN.P2",
            "AIMLAM.GEN.P2--AIMLAM.GEN.P3", "AIMLAM.GEN.P3--AIMLAM.GEN.P4", "AIMLAM.GEN.P4--AIMLAM.GEN.P5",
            "AIMLAM.GEN.P5--AIMLAM.GEN.P6"]
FILES = sorted([".jdgen-site", "index.html", "assets/search-index.js", "assets/search.js", "assets/site.css",
                *(f"roles/{code}.html" for code in ROLES), *(f"ladders/{f}.html" for f in FAMILIES),
                *(f"compare/{c}.html" for c in COMPARES)])


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def page(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """The page's words, tags dropped and spaces folded, to compare sentences exactly."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" ,", ",").replace(" .", ".")


@pytest.fixture
def built(run, tmp_path):
    out = tmp_path / "site"
    result = run("site", "-o", str(out))
    assert result.code == 0, result.err
    return out, result


# --- what is built ----------------------------------------------------------------------

def test_the_shipped_catalog_builds_every_page(built):
    out, result = built
    assert sorted(files_of(out)) == FILES
    assert result.out == f"{out}/index.html\n"
    assert result.err == f"site built in {out}: {len(FILES)} files written, 0 unchanged, 0 deleted (no longer produced)\n"
    assert page(out, ".jdgen-site").splitlines()[1:] == [f for f in FILES if f != ".jdgen-site"]


def test_a_role_page_shows_story_level_lists_aliases_classification_paths_and_source(built):
    out, _ = built
    html = page(out, "roles/AIMLAM.GEN.P4.html")
    words = text_of(html)
    assert "<h1>Senior AI/ML Engineer / Tech Lead</h1>" in html
    assert ("Draft. This role profile has the catalog status “draft” and is not approved for publication."
            in words)
    assert '<meta name="robots" content="noindex">' in html
    assert "<h2>Level P4: Senior Professional</h2>" in html
    assert "<dt>Scope</dt><dd>A system or set of related features</dd>" in html
    assert '<h3 id="list-responsibilities">Responsibilities</h3>' in html
    assert "<li>Ownership of entire AI/ML projects or significant product areas</li>" in html
    assert "Who does the work" in html and "What success looks like" in html
    assert "Next level up: Staff AI/ML Engineer AIMLAM.GEN.P5 Draft, level P5 Expert Professional (distance 0.1, close)." in words
    # the adjacent table is `jdgen adjacent`'s list, in its order, with its distances and bands
    rows = re.findall(r'<tr><td><a href="\.\./roles/([A-Z0-9.]+)\.html">.*?<td class="number">([0-9.]+)</td><td>(\w+)</td></tr>',
                      html.split("<h3>Adjacent roles</h3>")[1])
    assert rows == [("AIMLAM.GEN.P3", "0.1", "close"), ("AIMLAM.GEN.P5", "0.1", "close"),
                    ("AIMLAM.APP.P4", "0.125", "close"), ("AIMLAM.MMR.P4", "0.125", "close"),
                    ("AIMLAM.GEN.P2", "0.2", "near")]
    lateral = html.split("<h3>Lateral moves at level P4</h3>")[1].split("</table>")[0]
    assert re.findall(r'roles/([A-Z0-9.]+)\.html', lateral) == ["AIMLAM.APP.P4", "AIMLAM.MMR.P4"]
    assert '<a href="../compare/AIMLAM.GEN.P3--AIMLAM.GEN.P4.html">Compare with AI/ML Engineer III (P3)</a>' in html
    assert "<h2>Also known as</h2>" in html and "<h2>Classification</h2>" in html
    assert "<li><code>roles/AIMLAM.GEN.P4.yaml</code></li>" in html  # the source, as text without --source-url
    assert "<h2>Pay</h2>" not in html  # market_pay: pending: no figures, so no pay section


def test_the_index_lists_every_role_by_function_and_focus_and_offers_search(built):
    out, _ = built
    html = page(out, "index.html")
    assert '<html lang="en">' in html
    assert re.findall(r'<a href="roles/([A-Z0-9.]+)\.html">', html) == [
        "AIMLAM.APP.P1", "AIMLAM.APP.P3", "AIMLAM.APP.P4", "AIMLAM.ARC.P5", "AIMLAM.GEN.P1", "AIMLAM.GEN.P2",
        "AIMLAM.GEN.P3", "AIMLAM.GEN.P4", "AIMLAM.GEN.P5", "AIMLAM.GEN.P6", "AIMLAM.MMR.P4", "AIMLAM.NLP.P3"]
    assert re.findall(r'<a href="ladders/([A-Z0-9.]+)\.html">', html) == FAMILIES
    assert "12 roles in 5 job families, by function and focus." in text_of(html)
    # without JavaScript the search form stays hidden and a note says why; every role is listed anyway
    assert '<form id="role-search" class="search" role="search" action="index.html" hidden>' in html
    assert "<noscript><p>Search needs JavaScript. Every role is listed below by function and focus.</p></noscript>" in html
    assert '<script src="assets/search-index.js"></script>' in html
    index = page(out, "assets/search-index.js")
    assert index.startswith("// jdgen site search index")
    assert '["AIMLAM.GEN.P4","Senior AI/ML Engineer / Tech Lead","P4 Senior Professional","roles/AIMLAM.GEN.P4.html",[' in index
    assert '"Senior Machine Learning Engineer"' in index  # an alias


def test_pay_only_where_the_catalog_has_figures(built):
    out, _ = built
    gen = page(out, "ladders/AIMLAM.GEN.html")  # every GEN profile says market_pay: pending
    assert "<svg" not in gen and "Market pay</th>" not in gen and "$0" not in gen
    assert "<p>No pay figures are recorded for this family.</p>" in gen
    app = page(out, "ladders/AIMLAM.APP.html")  # P1 has figures, P3 and P4 are pending
    assert app.count("<svg") == 1 and app.count('<rect x="') == 2  # the background and P1's bar
    assert "<td><span class=\"muted\">no figures recorded</span></td>" in app
    assert "<h2>Pay</h2>" in page(out, "roles/AIMLAM.APP.P1.html")


def test_with_a_company_pay_is_its_bands(run, tmp_path):
    out = tmp_path / "site"
    assert run("site", "-c", "northwind", "-o", str(out)).code == 0
    gen = page(out, "ladders/AIMLAM.GEN.html")
    assert "<th scope=\"col\">Northwind Analytics, Inc. pay band</th>" in gen
    assert "<td>$157,000–$196,000 USD per year</td>" in gen
    svg = gen.split("<svg", 1)[1].split("</svg>")[0]
    assert '<title id="chart-1-title">Northwind Analytics, Inc. pay band by level, AIMLAM.GEN: USD per year</title>' in svg
    assert "P4 Senior Professional: range $157,000–$196,000 USD per year;" in svg
    assert svg.count('fill="#1f5f99"') == 6  # one bar per level
    role = text_of(page(out, "roles/AIMLAM.GEN.P4.html"))
    assert "Pay Northwind Analytics, Inc. pay band: $157,000–$196,000 USD per year" in role
    assert "Northwind Analytics, Inc. career framework" in page(out, "index.html")


def test_source_links_with_source_url(run, tmp_path):
    out = tmp_path / "site"
    base = "https://github.com/acme/roles/blob/main/profiles/"
    assert run("site", "-o", str(out), "--source-url", base).code == 0
    html = page(out, "roles/AIMLAM.GEN.P4.html")
    assert ('<li><a href="https://github.com/acme/roles/blob/main/profiles/roles/AIMLAM.GEN.P4.yaml">'
            "<code>roles/AIMLAM.GEN.P4.yaml</code></a></li>") in html
    ladder = page(out, "ladders/AIMLAM.GEN.html")
    assert "profiles/ladder.yaml\"><code>ladder.yaml</code></a>" in ladder


def test_a_compare_page_puts_two_neighbouring_levels_side_by_side(built):
    out, _ = built
    html = page(out, "compare/AIMLAM.GEN.P3--AIMLAM.GEN.P4.html")
    assert "<h1>Compare AI/ML Engineer III and Senior AI/ML Engineer / Tech Lead</h1>" in html
    assert "<tr><th scope=\"row\">Typical years</th><td>3–5 yrs</td><td>5–8 yrs</td></tr>" in html
    assert "<h3>Only Senior AI/ML Engineer / Tech Lead (P4)</h3>" in html
    assert "Market pay" not in html  # neither role has figures


# --- untrusted catalogs -----------------------------------------------------------------

HOSTILE = '<script>alert(1)</script> & "Engineer" <img src=x onerror=alert(2)>'


def test_a_hostile_title_is_text_everywhere(run, tmp_path):
    catalog = shipped_p4_with(tmp_path, ("\ntitle: Senior AI/ML Engineer / Tech Lead\n", f"\ntitle: '{HOSTILE}'\n"))
    out = tmp_path / "site"
    result = run("--catalog", str(catalog), "site", "-o", str(out))
    assert result.code == 0, result.err
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;Engineer&#34; &lt;img src=x onerror=alert(2)&gt;"
    for name in ("roles/AIMLAM.GEN.P4.html", "index.html", "ladders/AIMLAM.GEN.html",
                 "compare/AIMLAM.GEN.P3--AIMLAM.GEN.P4.html", "roles/AIMLAM.GEN.P5.html"):
        html = page(out, name)
        assert escaped in html, name
        assert "<script>alert" not in html and "<img" not in html, name
    index = page(out, "assets/search-index.js")
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\\"Engineer\\\"" in index
    assert "<" not in index.split("\n", 1)[1]


@pytest.mark.parametrize("value", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>",
                                   "vbscript:x", "//evil.example/x", "/etc/passwd", "https://a.example/x y"])
def test_only_web_addresses_become_links(value):
    from jdgen.site.names import web_link

    assert web_link(value) is None
    assert web_link("https://example.com/a?b=c") == "https://example.com/a?b=c"


@pytest.mark.parametrize("text, stem", [
    ("AIMLAM.GEN.P4", "AIMLAM.GEN.P4"), ("../../etc/passwd", "_._etc_passwd"), ("..", "_"), ("", "_"),
    ("a/b\\c", "a_b_c"), (".hidden", "hidden"), ("x..y", "x.y"), ("ünï cödé", "_n__c_d_")])
def test_codes_become_safe_file_names(text, stem):
    from jdgen.site.names import file_stem

    assert file_stem(text) == stem


def test_two_codes_that_clean_to_one_name_get_distinct_files():
    from jdgen.site.names import unique_stems

    assert unique_stems(["A/B", "A_B", "a_b"]) == {"A/B": "A_B", "A_B": "A_B-2", "a_b": "a_b-3"}


# --- determinism, rebuilds, the manifest ------------------------------------------------

def test_same_input_same_bytes_and_a_rebuild_changes_nothing(run, tmp_path, built):
    out, _ = built
    again = tmp_path / "again"
    assert run("site", "-o", str(again)).code == 0
    assert files_of(again) == files_of(out)
    result = run("site", "-o", str(out))
    assert result.err == f"site built in {out}: 0 files written, {len(FILES)} unchanged, 0 deleted (no longer produced)\n"


def test_workers_build_the_same_bytes_as_one_process(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from _common import generate_catalog
    from jdgen.catalog.root import Catalog
    from jdgen.site.build import site_files
    from jdgen.site.pages import SiteOptions

    import gc
    import multiprocessing

    root = generate_catalog(tmp_path / "catalog", 30)
    one = site_files(Catalog(root), SiteOptions(), jobs=1)
    two = site_files(Catalog(root), SiteOptions(), jobs=2)
    assert len(one) == 1 + 30 + 5 + 25 + 3 and one == two
    # The build leaves no worker behind and gives the garbage collector back everything it held off.
    assert multiprocessing.active_children() == [] and gc.get_freeze_count() == 0


def test_workers_report_a_broken_catalog_as_one_process_does(run, tmp_path, monkeypatch):
    """Profiles loaded by workers: a broken one stops the build with the messages, order and exit
    code of a load in one process, and no folder is made."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from _common import generate_catalog

    monkeypatch.setenv("JDGEN_CACHE_DIR", str(tmp_path / "cache"))
    root = generate_catalog(tmp_path / "catalog", 30)
    roles = sorted((root / "roles").glob("*.yaml"))
    for broken in (roles[3], roles[21]):
        broken.write_text(broken.read_text(encoding="utf-8").replace("\nlevel: ", "\nlevel: Q", 1), encoding="utf-8")
    results = [run("--catalog", str(root), "site", "-o", str(tmp_path / f"site{jobs}"), "--jobs", str(jobs))
               for jobs in (1, 2, 2)]  # the last with the valid profiles' parses cached
    assert results[0].code == 1 and results[0].err.count(".yaml:15:8: level 'QP") == 2
    assert results[1] == results[0] and results[2] == results[0]
    assert not (tmp_path / "site1").exists() and not (tmp_path / "site2").exists()


def test_a_page_no_longer_produced_is_deleted_and_other_files_are_kept(run, tmp_path):
    catalog = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), catalog)
    out = tmp_path / "site"
    assert run("--catalog", str(catalog), "site", "-o", str(out)).code == 0
    (out / "CNAME").write_text("careers.example.com\n")
    (out / "roles" / "notes.html").write_text("mine")
    (catalog / "roles" / "AIMLAM.NLP.P3.yaml").unlink()
    result = run("--catalog", str(catalog), "site", "-o", str(out))
    assert result.code == 0, result.err
    assert result.err.endswith(", 2 deleted (no longer produced)\n")  # the role page and the family's ladder
    assert not (out / "roles" / "AIMLAM.NLP.P3.html").exists() and not (out / "ladders" / "AIMLAM.NLP.html").exists()
    assert (out / "CNAME").read_text() == "careers.example.com\n" and (out / "roles" / "notes.html").read_text() == "mine"
    assert "roles/AIMLAM.NLP.P3.html" not in page(out, ".jdgen-site")


def test_a_manifest_cannot_point_a_deletion_outside_the_site(run, tmp_path, built):
    out, _ = built
    outside = tmp_path / "outside.html"
    outside.write_text("keep")
    (out / "assets" / "keep.js").write_text("keep")
    (out / ".jdgen-site").write_text(page(out, ".jdgen-site") + "../outside.html\nroles/../../outside.html\n"
                                     "/etc/x.html\nassets/keep.js.bak\n")
    assert run("site", "-o", str(out)).code == 0
    assert outside.read_text() == "keep" and (out / "assets" / "keep.js").read_text() == "keep"


def test_a_file_jdgen_did_not_write_is_never_overwritten(run, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>our own page</p>")
    result = run("site", "-o", str(out))
    assert result.code == 2
    assert result.err == (f"cannot build the site in {out}: {out}/index.html exists and was not written by jdgen "
                          "site (move it away or build into an empty folder; jdgen only replaces files its manifest "
                          ".jdgen-site lists)\n")
    assert sorted(os.listdir(out)) == ["index.html"] and (out / "index.html").read_text() == "<p>our own page</p>"


def test_a_link_in_the_site_folder_is_not_followed(run, tmp_path):
    out = tmp_path / "site"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out.mkdir()
    (out / "roles").symlink_to(elsewhere)
    result = run("site", "-o", str(out))
    assert result.code == 2
    assert result.err == (f"cannot use {out}/roles: it is a symbolic link (jdgen never writes or reads through links "
                          "in the output folder: remove the link, or choose another -o)\n")
    assert os.listdir(elsewhere) == []


def test_a_link_where_a_page_goes_is_refused(run, tmp_path, built):
    out, _ = built
    target = tmp_path / "target.html"
    target.write_text("untouched")
    page_path = out / "ladders" / "AIMLAM.GEN.html"
    page_path.unlink()
    page_path.symlink_to(target)
    result = run("site", "-o", str(out))
    assert result.code == 2
    assert result.err.startswith(f"cannot write {out}/ladders/AIMLAM.GEN.html: it is a symbolic link")
    assert target.read_text() == "untouched"


# --- --check ----------------------------------------------------------------------------

def test_check_passes_on_a_current_site(run, built):
    out, _ = built
    result = run("site", "-o", str(out), "--check")
    assert (result.code, result.out, result.err) == (0, "", f"the site in {out} is up to date ({len(FILES)} files)\n")


def test_check_fails_on_a_stale_site_with_a_diff_summary_and_the_command(run, tmp_path):
    catalog = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), catalog)
    out = tmp_path / "site"
    assert run("--catalog", str(catalog), "site", "-o", str(out)).code == 0
    before = files_of(out)
    (catalog / "roles" / "AIMLAM.NLP.P3.yaml").write_text(
        (catalog / "roles" / "AIMLAM.NLP.P3.yaml").read_text().replace("title: NLP Research Scientist",
                                                                       "title: Language Research Scientist", 1))
    result = run("--catalog", str(catalog), "site", "-o", str(out), "--check")
    assert result.code == 1
    stale = re.findall(r"^\+\+\+ (\S+) \(rendered now\)$", result.out, re.M)
    # its own page, the index, its ladder, the search index, and the pages that list it as a lateral move
    assert stale == [f"{out}/{name}" for name in ("assets/search-index.js", "index.html", "ladders/AIMLAM.NLP.html",
                                                  "roles/AIMLAM.APP.P3.html", "roles/AIMLAM.GEN.P3.html",
                                                  "roles/AIMLAM.NLP.P3.html")]
    assert "+<h1>Language Research Scientist</h1>" in result.out
    assert result.err == (f"6 of {len(FILES)} site files are stale; rebuild with: "
                          f"jdgen --catalog {catalog} site -o {out}\n")
    assert files_of(out) == before  # a check writes nothing


def test_check_reports_missing_and_no_longer_produced_files(run, tmp_path, built):
    out, _ = built
    (out / "roles" / "AIMLAM.GEN.P1.html").unlink()
    (out / "roles" / "OLD.ROLE.P1.html").write_text("old")
    (out / ".jdgen-site").write_text(page(out, ".jdgen-site") + "roles/OLD.ROLE.P1.html\n")
    result = run("site", "-o", str(out), "--check")
    assert result.code == 1
    assert f"--- {out}/roles/AIMLAM.GEN.P1.html (missing)\n" in result.out
    assert f"{out}/roles/OLD.ROLE.P1.html: no longer produced by the catalog (the next build deletes it)\n" in result.out
    assert f"{out}/.jdgen-site (committed)" in result.out
    assert result.err.startswith(f"3 of {len(FILES)} site files are stale;")


def test_check_of_a_missing_folder_creates_nothing(run, tmp_path):
    out = tmp_path / "nowhere"
    result = run("site", "-o", str(out), "--check")
    assert result.code == 1 and not out.exists()
    assert result.err.startswith(f"{len(FILES)} of {len(FILES)} site files are stale;")


def test_a_long_diff_is_cut(run, tmp_path, built):
    out, _ = built
    (out / "roles" / "AIMLAM.GEN.P4.html").write_text("")
    result = run("site", "-o", str(out), "--check")
    assert result.code == 1
    assert re.search(r"^\.\.\. \d+ more diff lines$", result.out, re.M)


# --- errors -----------------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["site"], "Missing option '--output' / '-o'. (see `jdgen site --help`)"),
    (["site", "-o", ""], "--output is empty (name a file or folder, or - for standard output)"),
    (["site", "-o", "x", "-c", "nope"],
     "no company 'nope' in the built-in catalog (companies: lindenhof, northwind)"),
    (["site", "-o", "x", "--source-url", "javascript:alert(1)"],
     "--source-url 'javascript:alert(1)' is not a web address a page can link to (give the address of the catalog "
     "folder at a revision, e.g. https://github.com/ORG/REPO/blob/main/profiles)"),
    (["site", "-o", "x", "--source-url", ""],
     "--source-url is empty (give the web address of the catalog folder, e.g. "
     "https://github.com/ORG/REPO/blob/main/profiles)"),
    (["site", "-o", "x", "--jobs", "0"], "--jobs 0 is not a number of processes (give 1 or more, e.g. --jobs 2)"),
])
def test_usage_errors(run, tmp_path, args, message):
    result = run(*args, cwd=tmp_path)
    assert (result.code, result.err) == (2, message + "\n")
    assert not (tmp_path / "x").exists()


def test_output_that_is_a_file(run, tmp_path):
    (tmp_path / "site.html").write_text("x")
    result = run("site", "-o", "site.html", cwd=tmp_path)
    assert (result.code, result.err) == (2, "-o site.html is a file, but a site is a folder of pages "
                                            "(name a folder instead, e.g. -o site-site/)\n")


def test_an_invalid_catalog_writes_nothing(run, tmp_path):
    catalog = shipped_p4_with(tmp_path, ("level: P4", "level: P9"))
    out = tmp_path / "site"
    result = run("--catalog", str(catalog), "site", "-o", str(out))
    assert result.code == 1
    assert re.match(r"^\S*roles/AIMLAM\.GEN\.P4\.yaml:\d+:\d+: level 'P9' ", result.err)
    assert not out.exists()


def test_site_templates_read_dict_values_as_jinja_does():
    """The site's shortcut for ``a.b`` on a dict answers what Jinja's own lookup answers."""
    import jinja2

    from jdgen.site.templates import environment

    ours, theirs = environment(), jinja2.Environment(undefined=jinja2.StrictUndefined)
    data = {"title": "Data engineer", "items": [1], "get": "a key named like a method", 3: "three"}
    for obj, name in [(data, "title"), (data, "items"), (data, "get"), (data, "keys"), (data, "missing"),
                      ({}, "title"), ([1, 2], "title"), ("text", "upper"), (data, "__class__")]:
        mine, jinja = ours.getattr(obj, name), theirs.getattr(obj, name)
        if isinstance(jinja, jinja2.Undefined):
            assert isinstance(mine, jinja2.StrictUndefined), name
        else:
            assert mine == jinja, name
    template = ours.from_string("{{ d.title }} {{ d['items'][0] }} {{ d.items is callable }}")
    assert template.render(d=data) == "Data engineer 1 True"
    with pytest.raises(jinja2.UndefinedError):
        ours.from_string("{{ d.missing }}").render(d=data)
