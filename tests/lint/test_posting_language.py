"""A posting file in a language jdgen has no word lists for is not reported clean: the wording
rules say, in one info line, that they were skipped and why; `--language en` checks it anyway."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdgen.documents.text_language import MIN_WORDS, guess_language

AS_OF = ["--as-of", "2026-12-04"]

# Written for these tests: the same short posting in several languages, each over MIN_WORDS words.
PORTUGUESE = """# Desenvolvedor Back-end

## Sobre a vaga

Procuramos uma pessoa para fazer parte do nosso time de produto. Você vai trabalhar com o time de
dados e com as pessoas de design para criar serviços que são usados por milhares de clientes todos
os dias. Temos Happy Hour com cerveja toda sexta e um escritório perto do metrô.

## Requisitos

- Experiência com Python e bancos de dados relacionais
- Vontade de aprender e de ensinar o que sabe para o time
"""
ENGLISH = """# Backend Developer

## About the role

We are looking for a person to join our product team. You will work with the data team and with
our designers to build services that are used by thousands of customers every day. There is a
happy hour with free beer every Friday and an office close to the station.

## Requirements

- Experience with Python and relational databases
- A wish to learn and to teach what you know to the team
"""
GERMAN = """Wir suchen eine Person für unser Produktteam. Sie arbeiten mit dem Datenteam und mit unseren
Designerinnen und Designern an Diensten, die jeden Tag von Tausenden Kundinnen und Kunden genutzt
werden. Das Büro ist nah am Bahnhof, und wir haben flexible Arbeitszeiten für alle, die bei uns
arbeiten wollen."""
FRENCH = """Nous cherchons une personne pour rejoindre notre équipe produit. Vous travaillerez avec
l'équipe des données et avec nos designers pour construire des services qui sont utilisés par des
milliers de clients tous les jours. Le bureau est près de la gare et les horaires sont souples pour
tous ceux qui travaillent avec nous."""
SPANISH = """Buscamos una persona para formar parte de nuestro equipo de producto. Vas a trabajar con
el equipo de datos y con las personas de diseño para crear servicios que son usados por miles de
clientes todos los días. La oficina está cerca de la estación y los horarios son flexibles para
todos los que trabajan con nosotros."""
VIETNAMESE = """Công ty chúng tôi cần tuyển nhân viên phát triển phần mềm làm việc tại văn phòng Hà Nội.
Mô tả công việc: tham gia xây dựng sản phẩm cùng đội ngũ kỹ sư, viết mã nguồn, kiểm thử và bảo trì
hệ thống. Yêu cầu: có kinh nghiệm lập trình, chăm chỉ, chịu khó học hỏi, giao tiếp tốt với đồng nghiệp
và khách hàng trong nước và nước ngoài."""


@pytest.mark.parametrize(("text", "language"), [
    (ENGLISH, "en"), (GERMAN, "de"), (FRENCH, "fr"), (SPANISH, "es"),
    (PORTUGUESE, "pt"), (VIETNAMESE, None)])
def test_a_text_is_read_as_the_language_its_commonest_words_belong_to(text, language):
    guessed, words = guess_language([text])
    assert (guessed, words >= MIN_WORDS) == (language, True)


# Written for these tests: an English court notice naming its posts in Tamil too, and the same
# notice's post names alone, which are mostly Tamil.
ENGLISH_WITH_TAMIL_NAMES = """Principal District Court - vacancies in its offices.

Examiner (நகல் பரிசோதகர்) - 2 Posts; Salary - Basic Pay Rs.19500/- plus allowances; Qualification - SSLC Pass.
Reader (நகல் வாசிப்பாளர்) - 1 Post; Salary - Basic Pay Rs.19500/- plus allowances; Qualification - SSLC Pass.
Senior Bailiff (முதுநிலை கட்டளை நிறைவேற்றுநர்) - 1 Post; Salary - Basic Pay Rs.19500/-.
Junior Bailiff (இளநிலை கட்டளை நிறைவேற்றுநர்) - 3 Posts; Salary - Basic Pay Rs.19000/-.
Office Assistant (அலுவலக உதவியாளர்) - 24 Posts; Night Watchman (இரவு காவலர்) - 7 Posts.
Copies of certificates should reach the office by post.
"""
TAMIL_NAMES = """நகல் பரிசோதகர் நகல் வாசிப்பாளர் முதுநிலை கட்டளை நிறைவேற்றுநர் இளநிலை கட்டளை நிறைவேற்றுநர்
அலுவலக உதவியாளர் இரவு காவலர் - Examiner, Reader, Senior Bailiff, Junior Bailiff of the court"""


def test_words_in_another_script_neither_make_nor_unmake_an_english_text():
    """Post names in Tamil letters are no language's function words: the notice around them is
    still English; a text mostly in Tamil letters reads as none of jdgen's languages."""
    assert guess_language([ENGLISH_WITH_TAMIL_NAMES])[0] == "en"
    guessed, words = guess_language([TAMIL_NAMES])
    assert (guessed, words >= MIN_WORDS) == (None, True)


def test_a_text_too_short_to_tell_is_not_guessed():
    assert guess_language(["Wir suchen eine Person."]) == ("", 4)


def test_a_posting_in_another_language_says_its_wording_rules_were_skipped(run, tmp_path):
    (tmp_path / "vaga.md").write_text(PORTUGUESE, encoding="utf-8")
    result = run("lint", "vaga.md", "--ignore", "JD601", *AS_OF, cwd=tmp_path)
    assert result.code == 0
    skipped = [line for line in result.out.splitlines() if " JD5" in line or " JD606" in line]
    assert skipped == [
        "vaga.md:1:3: JD501 info JD501, JD502, JD503, JD505, JD506, JD507, JD508, JD509, JD510, JD606 skipped: "
        "its words read as Portuguese; these rules read English only (JD501 and JD505 also German) "
        "(pass --language en to check it as English anyway)"]


def test_a_level_rule_skipped_for_the_language_is_named_once_and_only_when_the_level_is_known(run, tmp_path):
    (tmp_path / "vaga.md").write_text(PORTUGUESE, encoding="utf-8")
    at_p4 = run("lint", "vaga.md", "--level", "P4", "--select", "JD301,JD509", *AS_OF, cwd=tmp_path)
    assert at_p4.out.splitlines()[0] == (
        "vaga.md:1:3: JD301 info JD301, JD509 skipped: its words read as Portuguese; these rules read English only "
        "(pass --language en to check it as English anyway)")
    unknown = run("lint", "vaga.md", "--select", "JD301,JD509", *AS_OF, cwd=tmp_path)
    assert [line.split(" info ")[1].split(" skipped")[0] for line in unknown.out.splitlines() if " info " in line] == [
        "JD301", "JD509"]


def test_language_en_checks_such_a_posting_against_the_english_lists(run, tmp_path):
    (tmp_path / "vaga.md").write_text(PORTUGUESE, encoding="utf-8")
    result = run("lint", "vaga.md", "--language", "en", "--select", "JD509", *AS_OF, cwd=tmp_path)
    assert "skipped" not in result.out
    assert [line.split(" JD509 ")[0] for line in result.out.splitlines()] == ["vaga.md:7:16:"]


def test_the_same_posting_in_english_is_checked_without_a_skip_line(run, tmp_path):
    (tmp_path / "role.md").write_text(ENGLISH, encoding="utf-8")
    result = run("lint", "role.md", "--select", "JD509", *AS_OF, cwd=tmp_path)
    assert "skipped" not in result.out
    assert [line.split(" JD509 ")[0] for line in result.out.splitlines()] == ["role.md:7:1:", "role.md:7:17:"]


def test_text_of_no_known_language_is_named_as_such_for_the_one_rule_selected(run, tmp_path):
    (tmp_path / "tuyen-dung.md").write_text(f"# Nhân viên phát triển phần mềm\n\n{VIETNAMESE}\n", encoding="utf-8")
    result = run("lint", "tuyen-dung.md", "--select", "JD509", *AS_OF, cwd=tmp_path)
    assert (result.code, result.out.splitlines()[0]) == (0, (
        "tuyen-dung.md:1:3: JD509 info JD509 skipped: its commonest words are not those of English, German, "
        "French, Spanish, Portuguese, Italian or Dutch; this rule reads English only "
        "(pass --language en to check it as English anyway)"))


def test_a_german_posting_keeps_the_german_gender_coded_list_and_skips_the_english_ones(run, tmp_path):
    (tmp_path / "stelle.md").write_text(f"# Entwickler (m/w/d)\n\n{GERMAN} Wir suchen eine durchsetzungsstarke "
                                        "Person.\n", encoding="utf-8")
    result = run("lint", "stelle.md", "--select", "JD501,JD509", *AS_OF, cwd=tmp_path)
    lines = result.out.splitlines()
    assert lines[0] == ("stelle.md:1:3: JD509 info JD509 skipped: its words read as German; this rule reads "
                        "English only (pass --language en to check it as English anyway)")
    assert "'durchsetzungsstarke' is masculine-coded" in lines[1]


def test_only_the_first_words_are_read_so_a_huge_file_costs_no_more_than_a_long_one():
    from jdgen.documents.text_language import MAX_WORDS

    english = "We are looking for a person who will work with the team and the data. " * 20_000
    assert guess_language([english]) == ("en", MAX_WORDS)
    assert guess_language([english, VIETNAMESE * 10_000]) == ("en", MAX_WORDS)


def test_every_real_posting_of_the_quality_corpus_is_read_in_the_language_its_reviewer_recorded():
    """Real postings nobody wrote for jdgen: the tuning corpus is English, the held-out set and
    the set waiting in incoming/ record each excerpt's language (their judgements.yaml)."""
    import yaml

    corpus = Path(__file__).resolve().parents[2] / "benchmarks" / "quality"
    read = {}
    for folder in (corpus, corpus / "heldout", corpus / "incoming"):
        if not (folder / "judgements.yaml").exists():
            continue
        for entry in yaml.safe_load((folder / "judgements.yaml").read_text(encoding="utf-8")):
            text = (folder / "postings" / entry["file"]).read_text(encoding="utf-8")
            expected = entry.get("text_language", "en")
            guessed = guess_language([text])[0]
            read[entry["file"]] = (expected, guessed if guessed in ("en", "pt") else "other")
    wrong = {name: pair for name, pair in read.items()
             if pair[1] != (pair[0] if pair[0] in ("en", "pt") else "other")}
    assert len(read) > 400 and not wrong
