"""bench_quality.py counts what it says, on postings small enough to count by hand.

Where a held-out folder has a second reading, the scorer also reports precision with a finding
right when either reader flagged its wording, and recall over the phrases both readers flagged;
and a finding whose quotation runs past a line break reaches the phrase on the next line.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]


def _load_script():
    spec = importlib.util.spec_from_file_location("_jdgen_bench_quality", REPO / "benchmarks" / "bench_quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


quality = _load_script()

TEXT = "# Ninja\n\nWe want a rockstar ninja. Young and dynamic team. Beer fridge.\n"


def _finding(line: int, col: int, quoted: str):
    return SimpleNamespace(location=SimpleNamespace(line=line, col=col), message=f"'{quoted}': a reason")


def _spans(phrases):
    return [({"phrase": p}, quality.span_of(TEXT, p)) for p in phrases]


def test_a_finding_either_reader_flagged_is_right_and_recall_counts_phrases_both_flagged():
    first = _spans(["rockstar", "Young and dynamic team"])
    second = [{"phrase": "rockstar ninja"}, {"phrase": "Beer fridge"}]
    findings = [
        _finding(3, 11, "rockstar"),     # both readers
        _finding(3, 51, "Beer fridge"),  # the second reader only
        _finding(3, 27, "Young"),        # the first reader only
        _finding(3, 4, "want"),          # neither
    ]
    counts = {"postings": 0, "right": 0, "findings": 0, "found": 0, "phrases": 0}
    quality.two_readers(counts, TEXT, first, second, findings)
    assert counts == {"postings": 1, "right": 3, "findings": 4, "found": 1, "phrases": 1}


def test_a_phrase_only_one_reader_flagged_is_not_counted_for_recall():
    counts = {"postings": 0, "right": 0, "findings": 0, "found": 0, "phrases": 0}
    quality.two_readers(counts, TEXT, _spans(["Young and dynamic team"]), [{"phrase": "Beer fridge"}], [])
    assert counts == {"postings": 1, "right": 0, "findings": 0, "found": 0, "phrases": 0}


def test_a_folder_without_a_second_reading_has_none(tmp_path):
    assert quality.second_reading(tmp_path) == {}
    (tmp_path / "second_reading.yaml").write_text("- file: 001-a.md\n  language:\n  - {phrase: guys, family: gendered_address}\n",
                                                  encoding="utf-8")
    assert quality.second_reading(tmp_path) == {"001-a.md": [{"phrase": "guys", "family": "gendered_address"}]}


def test_a_finding_quoting_across_a_line_break_reaches_the_phrase_on_the_next_line():
    text = "# Deputy Manager\n\nAge Limit:\nMust not exceed 35 years as on 01-Sep-2025\n"
    span = quality.span_of(text, "Must not exceed 35 years as on 01-Sep-2025")
    # 'Age Limit: Must not exceed 35 years' starts on line 3 and ends on line 4
    assert quality.reach(text, 3, 1, len("Age Limit: Must not exceed 35 years")) == (4, 24)
    assert span.holds(text, 3, 1, len("Age Limit: Must not exceed 35 years"))
    assert not span.holds(text, 3, 1, len("Age Limit:"))


def test_a_years_finding_whose_quotation_runs_past_a_line_break_covers_the_next_line():
    text = "# Team Leader\n\nMinimum of\n2–3 years of experience as a Team Leader\n"
    finding = SimpleNamespace(location=SimpleNamespace(line=3, col=1),
                              message="asks for 2–3+ years ('Minimum of 2–3 years'), below P5's 8–12 years")
    assert quality.years_reach(text, finding) == (3, 4)
    one_line = SimpleNamespace(location=SimpleNamespace(line=4, col=1), message="asks for 2–3 years ('2–3 years'), below")
    assert quality.years_reach(text, one_line) == (4, 4)
    span = quality.span_of(text, "2–3 years of experience as a Team Leader")
    assert quality.years_on(text, span, [finding], [span])


def _years_finding(text: str, quote: str):
    line = next(n for n, row in enumerate(text.splitlines(), 1) if quote in row)
    col = text.splitlines()[line - 1].index(quote) + 1
    return SimpleNamespace(location=SimpleNamespace(line=line, col=col),
                           message=f"asks for some years ('{quote}'), below the level's band")


def test_a_years_finding_speaks_only_of_the_statement_it_quotes_on_a_shared_line():
    text = "# Golang Engineer (Senior/Middle)\n\n5+ years for seniors; we expect middles with 1 - 3 years experience\n"
    seniors = quality.span_of(text, "5+ years for seniors")
    middles = quality.span_of(text, "we expect middles with 1 - 3 years experience")
    finding = _years_finding(text, "1 - 3 years")
    assert quality.years_on(text, middles, [finding], [seniors, middles])
    assert not quality.years_on(text, seniors, [finding], [seniors, middles])


def test_a_years_finding_quoting_no_judged_statement_speaks_of_the_statements_on_its_line():
    text = "# Crew Leader\n\nA minimum of one year as a custodian and three years of high school courses\n\nMore text\n"
    statement = quality.span_of(text, "A minimum of one year as a custodian")
    finding = _years_finding(text, "three years")
    assert quality.years_on(text, statement, [finding], [statement])
    elsewhere = SimpleNamespace(location=SimpleNamespace(line=5, col=1), message="asks for 3 years ('More'), below")
    assert not quality.years_on(text, statement, [elsewhere], [statement])

def test_a_years_finding_on_no_judged_statement_counts_against_precision(tmp_path, monkeypatch):
    postings = tmp_path / "postings"
    postings.mkdir()
    (postings / "001-senior.md").write_text(
        "# Senior Data Engineer\n\nThe appointment is for 20 years.\n\n"
        "- 9+ years of experience building pipelines\n", encoding="utf-8")
    (tmp_path / "judgements.yaml").write_text(
        "- file: 001-senior.md\n  level: P4\n  language: []\n  experience:\n"
        "  - phrase: 9+ years of experience building pipelines\n    min_years: 9\n    fits_level: false\n",
        encoding="utf-8")

    def jd301(line, col, quoted):
        return SimpleNamespace(code="JD301", severity="error", location=SimpleNamespace(line=line, col=col),
                               message=f"asks for years ('{quoted}'), but P4 means 5–8 years")

    monkeypatch.setattr(quality, "findings_for", lambda path, level: [jd301(3, 27, "20 years"),
                                                                     jd301(5, 3, "9+ years")])
    result = quality.score(tmp_path)
    # the reader's statement is found; the contract's 20 years is a finding on no statement
    assert result["  years findings on no statement"] == 1
    assert (result["experience recall"], result["experience precision"]) == (1.0, 0.5)
    assert result["experience statements"] == 1


def test_a_finding_on_a_later_copy_of_a_flagged_phrase_is_right():
    """A reviewer records a wording once; a notice repeats its age limit under each post, and a
    finding on the second copy lands on the same wording as the flagged first."""
    text = ("# Notice\n\n- AGE LIMIT : Candidates should be 45 years of age or below, or older on contract\n"
            "- AGE LIMIT : Candidates should be 45 years of age or below\n- Salary: Rs 20,000\n")
    flagged = [({"phrase": "Candidates should be 45 years of age or below"},
                quality.span_of(text, "Candidates should be 45 years of age or below"))]
    on_the_copy = _finding(4, 3, "AGE LIMIT : Candidates should be 45 years")
    elsewhere = _finding(5, 3, "Salary")
    assert quality.agrees_with(text, on_the_copy, flagged)
    assert not quality.agrees_with(text, elsewhere, flagged)
    assert [copy.start for copy in quality.copies_of(text, "Candidates should be 45 years of age or below")] == [(4, 15)]
