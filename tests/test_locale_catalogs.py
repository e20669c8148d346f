"""The message catalogs: every fixed string of the shipped templates and of the render code is in
the committed .pot, translated in every shipped language, and compiled into an up-to-date .mo;
a catalog's own PO file adds or rewords a language and is checked as untrusted data."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from conftest import REPO, edit

LOCALES = REPO / "src" / "jdgen" / "locales"
SHIPPED = ("de", "fr")
CODE = "AIMLAM.GEN.P4"
DATE = "2026-11-23"


def extracted() -> set[str]:
    """What `pybabel extract -F src/jdgen/locales/babel.cfg` finds, run from the repository."""
    with open(LOCALES / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    return {message[2] if isinstance(message[2], str) else message[2][0]
            for message in extract_from_dir(str(REPO), method_map, options_map, keywords={"_": None, "N_": None,
                                                                                          "gettext": None})}


def catalog_of(path: Path):
    with open(path, "rb") as handle:
        return read_po(handle)


def test_the_committed_template_has_every_string_and_no_other():
    """A string added to a template or to the render code and not extracted fails here: run the
    pybabel commands in README.md ("Postings in other languages")."""
    found = extracted()
    assert {"About the role", "%(amount)s per year", "DRAFT — not approved for publication",
            "Page %(page)s of %(pages)s", "Reference %(reference)s"} <= found
    assert {m.id for m in catalog_of(LOCALES / "jdgen.pot") if m.id} == found


@pytest.mark.parametrize("language", SHIPPED)
def test_every_string_is_translated_in_every_shipped_language(language):
    po = catalog_of(LOCALES / language / "LC_MESSAGES" / "jdgen.po")
    translated = {m.id for m in po if m.id and m.string and not m.fuzzy}
    assert extracted() - translated == set()


@pytest.mark.parametrize("language", SHIPPED)
def test_the_committed_mo_is_what_its_po_compiles_to(language):
    folder = LOCALES / language / "LC_MESSAGES"
    compiled = io.BytesIO()
    write_mo(compiled, catalog_of(folder / "jdgen.po"))
    assert compiled.getvalue() == (folder / "jdgen.mo").read_bytes(), \
        f"run: pybabel compile -d src/jdgen/locales -D jdgen ({language}'s .mo is older than its .po)"


@pytest.mark.parametrize("language", SHIPPED)
def test_translations_keep_the_placeholders_of_their_message(language):
    from jdgen.render.translations import _placeholder_problem, _PLACEHOLDER

    for message in catalog_of(LOCALES / language / "LC_MESSAGES" / "jdgen.po"):
        if message.id:
            names = {name for name in _PLACEHOLDER.findall(message.id) if name}
            assert _placeholder_problem(message.string, names) is None, message.id


# -- a catalog's own PO file ------------------------------------------------------------------

PO_HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {lang}\\n"\n\n'


def write_po(catalog: Path, language: str, body: str) -> Path:
    path = catalog / "locales" / language / "LC_MESSAGES" / "jdgen.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PO_HEAD.format(lang=language) + body, encoding="utf-8")
    return path


def render(run, catalog: Path, company: str = "lindenhof"):
    return run("--catalog", str(catalog), "render", CODE, "-c", company, "--date", DATE, cwd=catalog.parent)


def in_spanish(catalog: Path) -> None:
    edit(catalog / "companies" / "lindenhof.yaml", "    language: de\n", "    language: es\n")


def test_a_catalog_adds_a_language_without_python(run, catalog):
    in_spanish(catalog)
    write_po(catalog, "es", 'msgid "What you will do"\nmsgstr "Tus funciones"\n\n'
                            'msgid "%(amount)s per year"\nmsgstr "%(amount)s brutos al año"\n')
    # The role's text has no Spanish translation (JD801 holds the posting back): written anyway, in English.
    result = run("--catalog", str(catalog), "render", CODE, "-c", "lindenhof", "--date", DATE, "--allow-errors",
                 cwd=catalog.parent)
    assert result.code == 0, result.err
    assert "JD801 warning AIMLAM.GEN.P4 has no translation into 'es'" in result.err   # --allow-errors: a warning
    assert "\n## Tus funciones\n" in result.out
    assert "80.000\u00a0€ – 98.000\u00a0€ brutos al año" in result.out     # CLDR es for the money
    assert "\n## About the role\n" in result.out                          # untranslated: the English id


def test_a_catalog_rewords_a_shipped_language(run, catalog):
    """An employer that says "du": its own de catalog comes first, jdgen's fills the rest."""
    write_po(catalog, "de", 'msgid "What you will do"\nmsgstr "Deine Aufgaben"\n\n'
                            '#, fuzzy\nmsgid "Your team"\nmsgstr "Dein Täm"\n')
    out = render(run, catalog).out
    assert "\n## Deine Aufgaben\n" in out and "\n## Ihr Team\n" in out   # a fuzzy entry is not used
    assert "\n## Über die Stelle\n" in out


@pytest.mark.parametrize("body, line, message", [
    ('msgid "About %(name)s"\nmsgstr "Sobre %(nombre)s"\n', 6,
     "the translation of 'About %(name)s' uses %(nombre)s, which its msgid does not have"),
    ('msgid "What you will do"\nmsgstr "%(name)999999999s"\n', 6,
     "the translation of 'What you will do' has a % that is neither %(name)s nor %%"),
    ('msgid "What you will do"\nmsgstr "100 %"\n', 6,
     "the translation of 'What you will do' has a % that is neither %(name)s nor %%"),
    ('msgid "What you will do"\nmsgstr "Tus funciones\n', 7,
     "catalog/locales/es/LC_MESSAGES/jdgen.po is not a PO file: this line is not a keyword and a quoted string "
     "(write msgid \"...\", msgstr \"...\" or a \"...\" continuation, quotes closed)"),
    ('msgid "Skills"\n\nmsgid "Tools"\nmsgstr "Herramientas"\n', 6,
     "catalog/locales/es/LC_MESSAGES/jdgen.po is not a PO file: missing msgstr for msgid 'Skills' "
     "(check the msgid and msgstr entries around this line)"),
])
def test_a_broken_catalog_po_is_one_line_at_its_line(run, catalog, body, line, message):
    in_spanish(catalog)
    write_po(catalog, "es", body)
    result = render(run, catalog)
    assert result.code == 2 and result.out == ""
    first = result.err.splitlines()[0]
    assert first.startswith(f"catalog/locales/es/LC_MESSAGES/jdgen.po:{line}:1: {message}"), first
    assert len(result.err.splitlines()) == 1


def test_a_catalog_po_that_is_not_utf8_or_too_large(run, catalog):
    in_spanish(catalog)
    path = write_po(catalog, "es", 'msgid "Skills"\nmsgstr "Habilidades"\n')
    path.write_bytes(path.read_bytes() + b'\nmsgid "Tools"\nmsgstr "Herramientas \xe9"\n')
    result = render(run, catalog)
    assert result.code == 2
    assert result.err == ("catalog/locales/es/LC_MESSAGES/jdgen.po:10:1: catalog/locales/es/LC_MESSAGES/jdgen.po "
                          "is not UTF-8: byte 0xe9 cannot be read (save the file as UTF-8)\n")
    path.write_text(PO_HEAD.format(lang="es") + "#" * 1_000_001 + "\n", encoding="utf-8")
    result = render(run, catalog)
    assert result.code == 2
    assert result.err == ("catalog/locales/es/LC_MESSAGES/jdgen.po:1:1: catalog/locales/es/LC_MESSAGES/jdgen.po is "
                          "larger than 1 MB (a translation of the posting templates needs a few kilobytes)\n")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_catalog_po_may_not_lead_out_of_the_catalog(run, catalog, tmp_path):
    in_spanish(catalog)
    outside = tmp_path / "elsewhere.po"
    outside.write_text(PO_HEAD.format(lang="es"), encoding="utf-8")
    path = catalog / "locales" / "es" / "LC_MESSAGES" / "jdgen.po"
    path.parent.mkdir(parents=True)
    path.symlink_to(outside)
    result = render(run, catalog)
    assert result.code == 2 and result.out == ""
    assert result.err == ("catalog/locales/es/LC_MESSAGES/jdgen.po: is a symbolic link that leads outside the "
                          "catalog (jdgen reads only files inside the catalog folder: copy the file in, or remove "
                          "the link)\n")


def test_a_folder_named_like_the_po_file(run, catalog):
    in_spanish(catalog)
    (catalog / "locales" / "es" / "LC_MESSAGES" / "jdgen.po").mkdir(parents=True)
    result = render(run, catalog)
    assert result.code == 2
    assert result.err == ("catalog/locales/es/LC_MESSAGES/jdgen.po: is a folder, not a file (jdgen reads only "
                          "regular files: remove it, or replace it with a file)\n")


def test_generic_postings_need_no_catalog(run, catalog):
    shutil.rmtree(catalog / "companies")
    (catalog / "companies").mkdir()
    result = run("--catalog", str(catalog), "render", CODE, "--date", DATE, cwd=catalog.parent)
    assert result.code == 0 and "\n## About the role\n" in result.out


def test_a_catalogs_own_template_is_translated_too(run, catalog):
    (catalog / "templates").mkdir()
    (catalog / "templates" / "posting.md.j2").write_text(
        # trim_blocks eats the line break after {% endtrans %}: one more keeps the blank line
        "# {{ title }}\n\n{% trans %}What you\n  will do{% endtrans %}\n\n\n"
        "{% trans name=company.name %}About {{ name }}{% endtrans %}\n\n\n{{ _('Our own words') }}\n",
        encoding="utf-8")
    result = render(run, catalog)
    assert result.code == 0, result.err
    assert result.out.split("\n\n")[2:] == ["Ihre Aufgaben", "Über Lindenhof Logistik GmbH", "Our own words\n"]
