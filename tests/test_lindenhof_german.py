"""Lindenhof, the shipped Munich employer, publishes in German: one render of its Senior ML Engineer
posting in Markdown, HTML and DOCX is German throughout, and tagged German for spelling and screen
readers."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

DATE = "2026-11-23"
STEM = "AIMLAM.GEN.P4.lindenhof"


def test_lindenhofs_posting_is_german_in_every_format(run, tmp_path: Path):
    out = tmp_path / "out"
    result = run("render", "AIMLAM.GEN.P4", "-c", "lindenhof", "-f", "md,html,docx", "-o", f"{out}/",
                 "--date", DATE, cwd=tmp_path)
    assert result.code == 0, result.err
    assert sorted(path.name for path in out.iterdir()) == [f"{STEM}.docx", f"{STEM}.html", f"{STEM}.md"]

    md = (out / f"{STEM}.md").read_text(encoding="utf-8")
    lines = md.splitlines()
    assert lines[0] == "# Senior Machine Learning Engineer (m/w/d)"
    assert lines[4] == ("Lindenhof Logistik GmbH · München, Deutschland / Remote (Deutschland) · Hybrid / Remote · "
                        "Vollzeit · 80.000\u00a0€ – 98.000\u00a0€ brutto pro Jahr")
    assert re.findall(r"^## (.+)$", md, flags=re.M) == [
        "Über die Stelle", "Ihr Team", "Ihre Aufgaben", "Woran wir Erfolg messen", "Ihr Profil", "Vergütung",
        "Über Lindenhof Logistik GmbH", "Unser Auswahlprozess", "So bewerben Sie sich",
        "Chancengleichheit und Barrierefreiheit"]
    assert "Bewerbungsschluss ist der 31. Dezember 2026." in lines
    # the profile's text from its German translation, Lindenhof's own text as it wrote it
    assert "- KI/ML-Projekte oder einen wichtigen Produktbereich verantworten, von der ersten Idee bis zum " \
           "Produktivbetrieb" in lines
    assert "- 5–8 Jahre Berufserfahrung im Machine Learning oder in einem verwandten Engineering-Bereich" in lines
    assert "- Verhandlungssicheres Englisch; Deutschkenntnisse sind von Vorteil" in lines
    assert "- 30 Tage bezahlter Urlaub" in lines and lines[-1] == "Kennziffer: LH-2026-042"
    for english in ("About the role", "What you will do", "Full-time", "per year", "December", "Reference",
                    "years of relevant experience", "You own", "Own AI/ML projects", "days of paid holiday"):
        assert english not in md, english

    html = (out / f"{STEM}.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in html and "<h2>Über die Stelle</h2>" in html

    with zipfile.ZipFile(out / f"{STEM}.docx") as document:
        styles = document.read("word/styles.xml").decode("utf-8")
        core = document.read("docProps/core.xml").decode("utf-8")
    assert re.search(r'<w:docDefaults><w:rPrDefault><w:rPr>.*?<w:lang w:val="de-DE"[ /]', styles)
    assert not re.search(r'<w:lang w:val="en', styles)
    assert "<dc:language>de-DE</dc:language>" in core


def test_german_money_in_the_meta_line_and_the_compensation_section(run, tmp_path: Path):
    """The P3 band (68,000-82,000 EUR) as German writes it: dot for thousands, the euro sign after
    the amount with a no-break space; the Compensation section names it again as base pay."""
    result = run("render", "AIMLAM.GEN.P3", "-c", "lindenhof", "--date", DATE, cwd=tmp_path)
    assert result.code == 0, result.err
    pay = "68.000\u00a0€ – 82.000\u00a0€ brutto pro Jahr"
    lines = result.out.splitlines()
    assert lines[4].endswith(f" · Vollzeit · {pay}")
    section = result.out.split("## Vergütung\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert section[0] == f"- Grundgehalt: {pay}"
