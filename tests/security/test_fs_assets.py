"""A company's logo and reference document must lie inside the catalog.

``logo: /any/path.png``, ``logo: ../../x.png`` or a link inside the catalog that points
out used to be embedded in the DOCX, and the error for a missing one told whether an
outside path exists. Now each is refused at the company file's line with one message
that is the same whether or not the outside file exists, and nothing is written.
"""

from __future__ import annotations

import re
import shutil

import pytest

from fs_sandbox import DATE, outside, snapshot

P4 = "AIMLAM.GEN.P4"
COMPANY = "companies/northwind.yaml"


def _set(catalog, key: str, value: str) -> int:
    """Point the company's ``key`` at ``value``; returns the line it is on."""
    path = catalog / COMPANY
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines, 1):
        if re.match(rf"^  {key}: ", line):
            lines[number - 1] = f"  {key}: {value}\n"
            path.write_text("".join(lines), encoding="utf-8")
            return number
    raise AssertionError(f"no {key} line in {path}")


def _refused(key: str, value: str, line: int) -> str:
    return (f"{COMPANY}:{line}:{len(key) + 5}: company {key} '{value}' leads outside the catalog (keep the file "
            f"inside the catalog, e.g. in companies/assets/, and give {key} as a path relative to the company file)\n")


@pytest.mark.parametrize("key, name", [("logo", "logo.png"), ("reference_docx", "brand.docx")])
@pytest.mark.parametrize("form", ["absolute", "dotdot"])
@pytest.mark.parametrize("exists", [True, False], ids=["exists", "missing"])
def test_an_asset_path_outside_the_catalog_is_refused_alike_whether_or_not_it_exists(
        run, catalog, tmp_path, key, name, form, exists):
    sentinel = outside(tmp_path)
    if exists:
        shutil.copy(catalog / "companies" / "assets" / ("northwind-logo.png" if key == "logo"
                                                         else "northwind-reference.docx"), sentinel / name)
    before = snapshot(sentinel)
    value = str(sentinel / name) if form == "absolute" else f"../../outside/{name}"
    line = _set(catalog, key, value)
    result = run("render", P4, "-c", "northwind", "-f", "docx", "--date", DATE, "-o", "out/", cwd=catalog)
    assert (result.code, result.out, result.err) == (2, "", _refused(key, value, line))
    assert not (catalog / "out").exists()
    assert snapshot(sentinel) == before


@pytest.mark.parametrize("exists", [True, False], ids=["exists", "missing"])
def test_an_asset_link_that_leads_out_is_refused(run, catalog, tmp_path, exists):
    sentinel = outside(tmp_path)
    if exists:
        shutil.copy(catalog / "companies" / "assets" / "northwind-logo.png", sentinel / "logo.png")
    (catalog / "companies" / "assets" / "link.png").symlink_to(sentinel / "logo.png")
    line = _set(catalog, "logo", "assets/link.png")
    result = run("render", P4, "-c", "northwind", "-f", "docx", "--date", DATE, "-o", "out/", cwd=catalog)
    assert (result.code, result.out, result.err) == (2, "", _refused("logo", "assets/link.png", line))
    assert not (catalog / "out").exists()


def test_an_asset_link_within_the_catalog_is_followed(run, catalog):
    (catalog / "companies" / "assets" / "link.png").symlink_to("northwind-logo.png")
    _set(catalog, "logo", "assets/link.png")
    result = run("render", P4, "-c", "northwind", "-f", "docx", "--date", DATE, "-o", "out/", cwd=catalog)
    assert result.code == 0, result
    assert (catalog / "out" / f"{P4}.northwind.docx").read_bytes().startswith(b"PK")


def test_an_asset_that_is_a_pipe_is_refused(run, catalog):
    import os

    os.mkfifo(catalog / "companies" / "assets" / "pipe.png")
    line = _set(catalog, "logo", "assets/pipe.png")
    result = run("render", P4, "-c", "northwind", "-f", "docx", "--date", DATE, "-o", "out/", cwd=catalog)
    looked = (catalog / "companies" / "assets" / "pipe.png").resolve()
    assert (result.code, result.err) == (
        2, f"{COMPANY}:{line}:9: company logo 'assets/pipe.png' is a named pipe, not a file (looked for {looked}) "
           "(give logo as a path relative to the company file)\n")
