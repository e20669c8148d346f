"""JD501 and JD505 read a posting with the word list of its language (gender_coded.de.yaml for
German), never with another language's stems."""

from __future__ import annotations

from conftest import edit, line_of

AS_OF = ["--as-of", "2026-11-23"]
OPENING = ("      Sie verantworten die Machine-Learning-Arbeit hinter unserem Routenplaner: vom\n"
           "      ersten Prototyp bis zu den Modellen, die jede Nacht Tausende Frachtrouten planen.\n")


def lindenhof(catalog, language: str, opening: str):
    """Lindenhof writing in ``language``, its P4 opening replaced; the opening's file and line."""
    path = catalog / "companies" / "lindenhof.yaml"
    if language != "de":
        edit(path, "  locale:\n    language: de\n", f"  locale:\n    language: {language}\n")
    edit(path, OPENING, f"      {opening}\n")
    return path, line_of(path, f"      {opening}")


def findings(run, catalog, rule: str, slug: str) -> tuple[int, list[str]]:
    result = run("lint", "--select", rule, *AS_OF, cwd=catalog)
    return result.code, [f for f in result.out.splitlines() if f.startswith(f"companies/{slug}.yaml:")]


def test_a_german_posting_reports_german_trait_words(run, catalog):
    _, line = lindenhof(catalog, "de", "Wir suchen eine durchsetzungsstarke und zielstrebige Person.")
    code, found = findings(run, catalog, "JD501", "lindenhof")
    assert code == 0
    assert found == [
        f"companies/lindenhof.yaml:{line}:23: JD501 warning 'durchsetzungsstarke' is masculine-coded (try "
        "'überzeugend', 'vertritt Standpunkte klar und respektvoll')",
        f"companies/lindenhof.yaml:{line}:47: JD501 warning 'zielstrebige' is masculine-coded (try 'fokussiert', "
        "'verfolgt Ziele mit Ausdauer')"]


def test_german_job_words_are_not_reported_one_by_one(run, catalog):
    lindenhof(catalog, "de", "Du arbeitest selbstständig und analytisch in einem wettbewerbsorientierten Markt.")
    assert findings(run, catalog, "JD501", "lindenhof") == (0, [])


def test_a_german_posting_is_not_read_with_english_stems(run, catalog):
    lindenhof(catalog, "de", "Ein aggressive und dominant Team, fearless seit 1990.")
    assert findings(run, catalog, "JD501", "lindenhof") == (0, [])


def test_an_english_posting_is_read_with_english_stems_only(run, catalog):
    _, line = lindenhof(catalog, "en", "An aggressive team, durchsetzungsstark and offensiv.")
    assert findings(run, catalog, "JD501", "lindenhof") == (0, [
        f"companies/lindenhof.yaml:{line}:10: JD501 warning 'aggressive' is masculine-coded (try 'proactive', "
        "'quick to take initiative')"])


def test_a_language_without_a_published_list_is_not_read(run, catalog):
    lindenhof(catalog, "fr", "Une équipe aggressive, dominant et fearless.")
    assert findings(run, catalog, "JD501", "lindenhof") == (0, [])
    assert findings(run, catalog, "JD505", "lindenhof") == (0, [])


def test_a_german_posting_full_of_agentic_words_reads_masculine_coded(run, catalog):
    lindenhof(catalog, "de", "Durchsetzungsstark, zielstrebig, offensiv, ambitioniert, analytisch und selbstständig: "
                             "so arbeitest du, durchsetzungsfähig und zielstrebig.")
    code, found = findings(run, catalog, "JD505", "lindenhof")
    assert code == 0 and len(found) == 1
    assert "JD505 warning the posting for Lindenhof Logistik GmbH reads masculine-coded: 8 masculine-coded words " \
           "('zielstrebig' ×2, 'ambitioniert', 'analytisch', 'durchsetzungsfähig', 'durchsetzungsstark', 'offensiv', " \
           "'selbstständig') against 0 feminine-coded in" in found[0]


def test_the_same_words_in_an_english_posting_do_not_count(run, catalog):
    lindenhof(catalog, "en", "Durchsetzungsstark, zielstrebig, offensiv, ambitioniert, analytisch und selbstständig: "
                             "so arbeitest du, durchsetzungsfähig und zielstrebig.")
    assert findings(run, catalog, "JD505", "lindenhof") == (0, [])


GERMAN = "Wir suchen eine durchsetzungsstarke Person, die aggressive Ziele liebt."


def test_a_posting_file_is_read_in_the_language_given_or_declared(run, tmp_path):
    (tmp_path / "stelle.md").write_text(f"# Entwickler (m/w/d)\n\n{GERMAN}\n", encoding="utf-8")
    (tmp_path / "stelle.html").write_text(f'<!doctype html><html lang="de-DE"><body><h1>Entwickler (m/w/d)</h1>'
                                          f"<p>{GERMAN}</p></body></html>", encoding="utf-8")
    english = run("lint", "stelle.md", "--select", "JD501", *AS_OF, cwd=tmp_path)
    assert english.out.splitlines() == [   # read as English: the English stem, not the German word
        "stelle.md:3:49: JD501 warning 'aggressive' is masculine-coded (try 'proactive', 'quick to take initiative')"]
    german = run("lint", "stelle.md", "--language", "de", "--select", "JD501", *AS_OF, cwd=tmp_path)
    assert german.out.splitlines() == [
        "stelle.md:3:17: JD501 warning 'durchsetzungsstarke' is masculine-coded (try 'überzeugend', "
        "'vertritt Standpunkte klar und respektvoll')"]
    declared = run("lint", "stelle.html", "--select", "JD501", *AS_OF, cwd=tmp_path)
    assert [line.split(": JD501")[1] for line in declared.out.splitlines()] == [
        german.out.splitlines()[0].split(": JD501")[1]]


def test_a_language_that_is_not_a_code_is_a_usage_error(run, tmp_path):
    (tmp_path / "stelle.md").write_text(f"# Entwickler\n\n{GERMAN}\n", encoding="utf-8")
    result = run("lint", "stelle.md", "--language", "German", *AS_OF, cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == ("--language 'German' is not a two-letter language code (write it as ISO 639-1, "
                          "e.g. en, de, fr)\n")


def test_fight_and_battle_are_not_reported_one_by_one_but_a_trait_beside_them_is(run, catalog):
    # Reviewers never flagged them word by word (0 of 7 across the quality corpus): a cause's fight,
    # a school called Battle Ground. They still count in the posting's balance (JD505).
    _, line = lindenhof(catalog, "en", "A fearless designer for the fight for good design at Battle Ground.")
    assert findings(run, catalog, "JD501", "lindenhof") == (0, [
        f"companies/lindenhof.yaml:{line}:9: JD501 warning 'fearless' is masculine-coded (try 'willing to try "
        "new things')"])


def test_athletes_in_the_plural_are_people_served_or_a_name_but_an_athlete_is_the_hire(run, tmp_path):
    # Held-out set 43's 104 (a lodge's client groups) and 124 (INFO ATHLETES, Inc.), both readers left each.
    (tmp_path / "p.md").write_text(
        "# Chef\n\nFood for children, athletes and foodies. Company: INFO ATHLETES, Inc.\n\n"
        "You are an athlete at heart.\n", encoding="utf-8")
    result = run("lint", "p.md", "--select", "JD501", "--level", "P3", *AS_OF, cwd=tmp_path)
    assert [line.split(": JD501 warning ")[1].split(" ")[0] for line in result.out.splitlines()
            if ": JD501 " in line] == ["'athlete'"]


def test_a_dominant_platform_is_the_company_s_product(run, tmp_path):
    # Held-out set 43's 125 ("the world's largest and most dominant platform"), both readers left it.
    (tmp_path / "p.md").write_text(
        "# Developer\n\nOur mission is to build the most dominant platform for APIs.\n\n"
        "You are dominant in negotiations.\n", encoding="utf-8")
    result = run("lint", "p.md", "--select", "JD501", "--level", "P3", *AS_OF, cwd=tmp_path)
    assert [line.split(":")[1] for line in result.out.splitlines() if ": JD501 " in line] == ["5"]
