"""benchmarks/agreement.py counts two readings' agreement right, and the second readings are well-formed.

The script is the measure of how far two reviewers agree (on the fifth and fourteenth held-out
sets, now the tuning corpus's postings 198-241 and 2401-2628, and on the set in heldout/), so its counting is pinned on a
made-up pair of readings small enough to count by hand. Each second reading itself is checked
as the corpus test checks the first: it judges every excerpt it covers once, names only
excerpts that exist, quotes them exactly and follows the guideline's years arithmetic.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "benchmarks" / "quality"


def _load_script():
    spec = importlib.util.spec_from_file_location("_jdgen_agreement", REPO / "benchmarks" / "agreement.py")
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is being built
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


agreement = _load_script()

EXCERPT = (
    "# Ninja Wanted\n\n"
    "We want a rockstar ninja. Young and dynamic team. Beer fridge.\n"
    "Young and dynamic team again.\n\n"
    "- 5+ years of Python\n"
    "- 2 years of Go\n"
)

READING_A = [{
    "file": "001-ninja.md", "level": "P5",
    "language": [
        {"phrase": "rockstar ninja", "family": "jargon"},
        {"phrase": "Young and dynamic team", "family": "age"},
        {"phrase": "Beer fridge", "family": "alcohol"},
    ],
    "language_ok": ["Ninja Wanted"],
    "experience": [
        {"phrase": "5+ years of Python", "min_years": 5, "fits_level": False},
        {"phrase": "2 years of Go", "min_years": 2, "fits_level": False},
    ],
}]

READING_B = [{
    "file": "001-ninja.md", "level": "P4",
    "language": [
        # overlaps A's "rockstar ninja", under another family
        {"phrase": "rockstar", "family": "other"},
        # the second occurrence of A's wording: the same phrase, read in another place
        {"phrase": "dynamic team again", "family": "age"},
        # A read the title and left it
        {"phrase": "Ninja Wanted", "family": "jargon"},
    ],
    "language_ok": ["Beer fridge"],
    "experience": [
        {"phrase": "years of Python", "min_years": 4, "fits_level": False},
    ],
}]


@pytest.fixture
def pair(tmp_path):
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "001-ninja.md").write_text(EXCERPT, encoding="utf-8")
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(yaml.safe_dump(READING_A), encoding="utf-8")
    b.write_text(yaml.safe_dump(READING_B), encoding="utf-8")
    return a, b


def test_spans_cover_every_occurrence_of_the_wording():
    assert agreement.spans_of("ab ab", "ab") == ((0, 2), (3, 5))
    assert agreement.spans_of("aaa", "aa") == ((0, 2), (1, 3))
    assert agreement.spans_of("abc", "x") == ()


def test_touching_spans_do_not_overlap_but_sharing_a_character_does():
    left = agreement.Phrase("f", "ab", None, ((0, 2),))
    assert not left.overlaps(agreement.Phrase("f", "cd", None, ((2, 4),)))
    assert left.overlaps(agreement.Phrase("f", "bc", None, ((1, 3),)))
    assert not left.overlaps(agreement.Phrase("g", "ab", None, ((0, 2),)))


def test_the_made_up_pair_counts_exactly(pair, capsys):
    a, b = pair
    assert agreement.main([str(a), str(b)]) == 0
    assert capsys.readouterr().out == (
        "A = a.yaml, B = b.yaml; 1 postings in both\n"
        "\n"
        "Language\n"
        "\n"
        "| family | A phrases | B phrases | B agreeing | A agreeing | precision of B vs A | recall of B vs A |\n"
        "|---|---|---|---|---|---|---|\n"
        "| jargon | 1 | 1 | 0 | 1 | 0.00 | 1.00 |\n"
        "| age | 1 | 1 | 1 | 1 | 1.00 | 1.00 |\n"
        "| alcohol | 1 | 0 | 0 | 0 | — | 0.00 |\n"
        "| other | 0 | 1 | 1 | 0 | 1.00 | — |\n"
        "| all | 3 | 3 | 2 | 2 | 0.67 | 0.67 |\n"
        "\n"
        "Precision of A against B = 0.67, recall of A against B = 0.67.\n"
        "B's agreeing phrases given the same family as A's: 1 of 2.\n"
        "Read and left as a near miss by the other: 1 of A's flags (in B's language_ok), "
        "1 of B's flags (in A's language_ok).\n"
        "\n"
        "Experience\n"
        "\n"
        "| years statements | count |\n"
        "|---|---|\n"
        "| in A | 2 |\n"
        "| in B | 1 |\n"
        "| in both (overlapping) | 1 |\n"
        "| same min_years | 0 of 1 |\n"
        "| same fits_level | 1 of 1 |\n"
        "| \"does not fit\": A / B / both | 2 / 1 / 1 |\n"
        "\n"
        "\"Does not fit\" of B against A: precision 1.00, recall 0.50.\n"
        "Level read from the title: the same in 0 of 1 postings.\n"
    )


def test_show_lists_each_disagreement(pair, capsys):
    a, b = pair
    assert agreement.main([str(a), str(b), "--show"]) == 0
    out = capsys.readouterr().out
    assert out.split("Disagreements\n\n", 1)[1] == (
        "001-ninja.md: A only [alcohol] 'Beer fridge' (the other listed it as a near miss)\n"
        "001-ninja.md: B only [jargon] 'Ninja Wanted' (the other listed it as a near miss)\n"
        "001-ninja.md: family A jargon / B other: 'rockstar ninja'\n"
        "001-ninja.md: level A P5 / B P4\n"
        "001-ninja.md: years A only '2 years of Go' (2, fits False)\n"
        "001-ninja.md: years '5+ years of Python': A 5/False, B 4/False\n"
    )


def test_the_readings_swapped_swap_precision_and_recall(pair, capsys):
    a, b = pair
    agreement.main([str(b), str(a), "--postings", str(a.parent / "postings")])
    assert "| all | 3 | 3 | 2 | 2 | 0.67 | 0.67 |" in capsys.readouterr().out


def test_shared_leaves_out_postings_only_one_reading_judged(pair, capsys):
    a, b = pair
    (a.parent / "postings" / "002-other.md").write_text("# Other\n\nA guru.\n", encoding="utf-8")
    a.write_text(yaml.safe_dump(READING_A + [{
        "file": "002-other.md", "level": None,
        "language": [{"phrase": "guru", "family": "jargon"}], "language_ok": [], "experience": [],
    }]), encoding="utf-8")
    assert agreement.main([str(a), str(b)]) == 0
    whole = capsys.readouterr().out
    assert "In one reading only (their phrases count as unmatched): 002-other.md" in whole
    assert "| all | 4 | 3 | 2 | 2 | 0.67 | 0.50 |" in whole
    assert agreement.main([str(a), str(b), "--shared"]) == 0
    shared = capsys.readouterr().out
    assert "In one reading only" not in shared
    assert "| all | 3 | 3 | 2 | 2 | 0.67 | 0.67 |" in shared


@pytest.mark.parametrize(("content", "message"), [
    (None, "{b}: cannot read (No such file or directory)"),
    ("- file: [unclosed\n", "{b}:2:1: not valid YAML (check the quoting on that line)"),
    ("file: 001-ninja.md\n", "{b}: expected a list of postings, each with a 'file' (see benchmarks/quality/README.md)"),
    ("- file: 002-missing.md\n", "{b}: 002-missing.md: no such excerpt in {postings} (check the file name)"),
    ("- file: 001-ninja.md\n  language: [{phrase: samurai, family: jargon}]\n",
     "{b}: 001-ninja.md: language phrase 'samurai' is not in the excerpt (quote it character for character)"),
])
def test_unusable_reading_is_one_line_and_exit_2(pair, capsys, content, message):
    a, b = pair
    if content is None:
        b.unlink()
    else:
        b.write_text(content, encoding="utf-8")
    assert agreement.main([str(a), str(b)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == message.format(b=b, postings=a.parent / "postings") + "\n"


# The second readings: of the fifth and the fourteenth to twenty-seventh held-out sets, moved with them into
# the tuning corpus as postings 198-241 and 2401-4804 (benchmarks/quality/second_reading.yaml), and of the set
# in benchmarks/quality/heldout/ when it has one (heldout/second_reading.yaml, every excerpt there), and of
# the set being collected in benchmarks/quality/incoming/ when it has one.
READINGS = {
    # the fifth set (198-241), the fourteenth (2401-2628; 2436 and 2437 were never in it), the fifteenth
    # (2629-2827), the sixteenth (2828-3072), the seventeenth (3073-3204),
    # the eighteenth (3205-3453), the nineteenth (3454-3661), the twentieth (3662-3811), the
    # twenty-first (3812-4000), the twenty-second (4001-4100), the twenty-third (4101-4191), the
    # twenty-fourth (4192-4302), the twenty-fifth (4303-4434), the twenty-sixth (4435-4627), the
    # twenty-seventh (4628-4804), the twenty-eighth (4805-4942), the twenty-ninth (4943-5153),
    # the thirtieth (5154-5282), the thirty-first (5283-5453), the thirty-second (5454-5567), the
    # thirty-third (5568-5711), the thirty-fourth (5712-5852), the thirty-fifth (5853-5965), the
    # thirty-sixth (5966-6127), the thirty-seventh (6128-6258), the thirty-eighth (6259-6355), the
    # thirty-ninth (6356-6510), the fortieth (6511-6602), the forty-first (6603-6744), the
    # forty-second (6745-6811), the forty-third (6812-6943), the forty-fourth (6944-7036), the
    # forty-fifth (7037-7128), the forty-sixth (7129-7219), the forty-seventh (7220-7312), the
    # forty-eighth (7313-7406), the forty-ninth (7407-7512), the fiftieth (7513-7640), the
    # fifty-first (7641-7716), the fifty-second (7717-7855), the fifty-third (7856-7946), the
    # fifty-fourth (7947-8051), the fifty-fifth (8052-8184), the fifty-sixth (8185-8318), the
    # fifty-seventh (8319-8377), the fifty-eighth (8378-8449), the fifty-ninth (8450-8508), the
    # sixtieth (8509-8577), the sixty-first (8578-8649), the sixty-second (8650-8726), the
    # sixty-third (8727-8812), the sixty-fourth (8813-8866), the sixty-fifth (8867-8908), the
    # sixty-sixth (8909-8979), the sixty-seventh (8980-9048), the sixty-eighth (9049-9115),
    # the sixty-ninth (9116-9180), the seventieth (9181-9266), the
    # seventy-first (9267-9361), the seventy-second (9362-9439), the
    # seventy-third (9440-9513), the seventy-fourth (9514-9624), the
    # seventy-fifth (9625-9697), the seventy-sixth (9698-9774), the
    # seventy-seventh (9775-9855), the seventy-eighth (9856-9911), the
    # seventy-ninth (9912-9980), the eightieth (9981-10040), the
    # eighty-first (10041-10094), the eighty-second (10095-10164) and
    # the eighty-third (10165-10228)
    "tuning": (CORPUS, set(range(198, 242)) | set(range(2401, 2629)) - {2436, 2437} | set(range(2629, 10229))),
    "heldout": (CORPUS / "heldout", None),
    "incoming": (CORPUS / "incoming", None),
}
SECOND = [(folder, entry) for folder, _ in READINGS.values() if (folder / "second_reading.yaml").exists()
          for entry in yaml.safe_load((folder / "second_reading.yaml").read_text(encoding="utf-8"))]
SECOND_IDS = [f"{folder.name}/{entry['file']}" for folder, entry in SECOND]
LEVEL_YEARS = {
    "P1": (0, 2), "P2": (1, 3), "P3": (3, 5), "P4": (5, 8),
    "P5": (8, 12), "P6": (12, 18), "P7": (15, 22), "P8": (18, 30),
}


@pytest.mark.parametrize("name", sorted(READINGS))
def test_second_reading_judges_every_excerpt_it_covers_once(name):
    folder, numbers = READINGS[name]
    if not (folder / "second_reading.yaml").exists():
        pytest.skip(f"no second reading in {folder.name}/")
    files = [entry["file"] for where, entry in SECOND if where == folder]
    covered = sorted(p.name for p in (folder / "postings").glob("*.md")
                     if numbers is None or int(p.name.split("-")[0]) in numbers)
    assert numbers is None or len(covered) == len(numbers)  # every posting of the ranges is there
    assert sorted(files) == covered
    assert len(files) == len(set(files))


@pytest.mark.parametrize(("folder", "entry"), SECOND, ids=SECOND_IDS)
def test_second_reading_quotes_its_excerpt_exactly(folder, entry):
    excerpt = (folder / "postings" / entry["file"]).read_text(encoding="utf-8")
    for item in entry["language"]:
        assert item["family"] in agreement.FAMILIES, item
        assert item["phrase"] in excerpt, item["phrase"]
    for phrase in entry["language_ok"]:
        assert phrase in excerpt, phrase
    for item in entry["experience"]:
        assert item["phrase"] in excerpt, item["phrase"]


@pytest.mark.parametrize(("folder", "entry"), SECOND, ids=SECOND_IDS)
def test_second_reading_follows_the_years_arithmetic(folder, entry):
    assert entry["level"] is None or entry["level"] in LEVEL_YEARS
    if entry["level"] is None:
        assert entry["level_note"]
    for item in entry["experience"]:
        if entry["level"] is None:
            assert item["fits_level"] is None
        else:
            low, high = LEVEL_YEARS[entry["level"]]
            assert item["fits_level"] is (low - 1 <= item["min_years"] < high), item
