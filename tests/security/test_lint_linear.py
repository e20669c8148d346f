"""Lint on hostile shapes: the results stay right at scale (the timings are benchmarks/bench_adversarial.py).

Each test is a scaled-down copy of an input of the benchmark: a catalog file a pull request
could send that once made a scanner quadratic (a long run of spaces in a suppression comment,
thousands of suppressions, thousands of findings in one file, a huge line, quoted '#',
escaped words, aliases, a huge jdgen.toml). They check what lint reports and where, that the
refusals read as one line with their exit code, and that lint writes nothing anywhere.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import line_of

AS_OF = ["--as-of", "2026-11-23"]
P4 = "roles/AIMLAM.GEN.P4.yaml"
TITLE = "\ntitle: Senior AI/ML Engineer / Tech Lead\n"
LONG_TITLE = "title: Senior AI/ML Engineer / Tech Lead for Forecasting and Inventory Planning"  # > 60 characters
LONG_TASK = " ".join(["word"] * 35)  # more words than JD603 allows in one printed bullet (a skill)


def replace_block(text: str, key: str, block: str) -> str:
    """``text`` with its top-level ``key:`` block (and the lines under it) replaced by ``block``."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(key + ":"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "\n", "#")), len(lines))
    return "".join(lines[:start]) + block + "".join(lines[end:])


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def hostile(tmp_path, catalog, p4_text):
    """Write the profile (and a sentinel outside the catalog); after the test, nothing has changed."""
    sentinel = tmp_path / "outside"
    sentinel.mkdir()
    (sentinel / "keep.txt").write_text("untouched\n")

    def write(profile: str | None = None, config: str | None = None) -> Path:
        if profile is not None:
            (catalog / P4).write_text(profile, encoding="utf-8")
        if config is not None:
            (catalog / "jdgen.toml").write_text(config, encoding="utf-8")
        state["before"] = snapshot(tmp_path)
        return catalog / P4

    state: dict = {}
    yield write
    assert snapshot(tmp_path) == state["before"], "lint changed a file"


def lint_json(run, catalog: Path, *select: str) -> tuple[int, list[dict]]:
    args = ["lint", P4, "--format", "json", *AS_OF] + (["--select", ",".join(select)] if select else [])
    result = run(*args, cwd=catalog)
    assert result.code in (0, 1), result
    return result.code, json.loads(result.out)["findings"]


def where(findings: list[dict], code: str) -> list[tuple[int, int]]:
    return [(f["line"], f["column"]) for f in findings if f["code"] == code]


# --- suppression comments -------------------------------------------------------------------


def test_a_suppression_after_a_long_run_of_spaces_still_applies(run, hostile, catalog, p4_text):
    path = hostile(p4_text.replace(TITLE, f"\n{LONG_TITLE}" + " " * 50_000 + "\n", 1))
    assert where(lint_json(run, catalog, "JD604")[1], "JD604") == [(line_of(path, LONG_TITLE), 8)]  # the title is too long
    hostile(p4_text.replace(TITLE, f"\n{LONG_TITLE}" + " " * 50_000 + "# jdgen: ignore[JD604] long on purpose\n", 1))
    assert lint_json(run, catalog, "JD604", "JD002", "JD003", "JD004", "JD501") == (0, [])


def test_a_reason_holding_a_long_run_of_spaces_is_a_reason(run, hostile, catalog, p4_text):
    hostile(p4_text.replace(TITLE, f"\n{LONG_TITLE}  # jdgen: ignore[JD604] long" + " " * 50_000 + "on purpose\n", 1))
    assert lint_json(run, catalog, "JD604", "JD002", "JD003", "JD004", "JD501") == (0, [])


def test_a_line_of_unclosed_suppressions_is_one_finding_at_the_first(run, hostile, catalog, p4_text):
    path = hostile(p4_text.replace(TITLE, TITLE.rstrip("\n") + "  " + "# jdgen: ignore[ " * 5_000 + "\n", 1))
    line = line_of(path, "# jdgen: ignore[ ")
    result = run("lint", P4, "--select", "JD004", *AS_OF, cwd=catalog)
    assert (result.code, result.out) == (0, f"{P4}:{line}:43: JD004 warning suppression comment is not closed "
                                            "(write # jdgen: ignore[#] reason)\n")


def test_thousands_of_item_suppressions_each_silence_their_own_line(run, hostile, catalog, p4_text):
    items = []
    for i in range(1_800):  # all but one in forty are silenced, by a comment at their end or on the line above
        if i % 40 == 39:
            items.append(f"  - text: {LONG_TASK} {i}\n")
        elif i % 2 == 0:
            items.append(f"  - text: {LONG_TASK} {i}  # jdgen: ignore[JD603] long on purpose\n")
        else:
            items.append(f"  # jdgen: ignore[JD603] long on purpose\n  - text: {LONG_TASK} {i}\n")
    path = hostile(replace_block(p4_text, "skills", "skills:\n" + "".join(items)))
    code, findings = lint_json(run, catalog, "JD603", "JD003", "JD501")
    lines = path.read_text(encoding="utf-8").splitlines()
    unsilenced = [(n, 11) for n, line in enumerate(lines, 1) if line.startswith("  - text: word")
                  and "#" not in line and not lines[n - 2].lstrip().startswith("#")]
    assert len(unsilenced) == 45
    assert (code, where(findings, "JD603"), where(findings, "JD003")) == (0, unsilenced, [])


def test_a_stack_of_comments_speaks_for_the_next_line_of_yaml(run, hostile, catalog, p4_text):
    stack = "  # jdgen: ignore[JD603] long on purpose\n" * 3_000
    path = hostile(replace_block(p4_text, "skills", f"skills:\n{stack}  - text: {LONG_TASK} a\n"
                                                   f"  - text: {LONG_TASK} b\n")
                   + "# jdgen: ignore[JD603] nothing follows\n")
    code, findings = lint_json(run, catalog, "JD603", "JD003", "JD501")
    assert where(findings, "JD603") == [(line_of(path, f"{LONG_TASK} b"), 11)]
    assert where(findings, "JD003") == [(line_of(path, "nothing follows"), 1)]


def test_thousands_of_whole_file_suppressions_are_all_used(run, hostile, catalog, p4_text):
    items = "".join(f"  # jdgen: ignore-file[JD501] r\n  - text: An aggressive owner {i}\n" for i in range(1_000))
    hostile(replace_block(p4_text, "responsibilities", "responsibilities:\n" + items))
    assert lint_json(run, catalog, "JD501", "JD003") == (0, [])


def test_a_marker_inside_quoted_text_is_text_among_thousands_of_quoted_hashes(run, hostile, catalog, p4_text):
    items = [f'  - text: "C# and F# {LONG_TASK} {i}"  # jdgen: ignore[JD603] long on purpose\n' for i in range(1_800)]
    items += [f'  - text: "{LONG_TASK} {i} # jdgen: ignore[JD603] quoted"\n' for i in range(3)]
    path = hostile(replace_block(p4_text, "skills", "skills:\n" + "".join(items)))
    code, findings = lint_json(run, catalog, "JD603", "JD003", "JD004", "JD501")
    quoted = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "quoted" in line]
    assert (code, [(f["code"], f["line"], f["column"]) for f in findings]) == (0, [("JD603", n, 11) for n in quoted])


def test_past_a_hundred_unknown_names_the_hint_points_at_jdgen_rules(run, hostile, catalog, p4_text):
    """Two files of 55 made-up names each (a comment may name 50): each name is one finding,
    and only the first hundred of the run are compared with every rule's code and name."""
    names = [f"JD{6040 + i}" for i in range(110)]
    comments = [f"# jdgen: ignore[{', '.join(names[i:i + 25])}] r\n" for i in range(0, 110, 25)]
    other = catalog / "roles" / "AIMLAM.GEN.P1.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "".join(comments[3:]), encoding="utf-8")
    path = hostile(p4_text.replace(TITLE, "\n" + "".join(comments[:3]) + TITLE.lstrip("\n"), 1))
    result = run("lint", P4, "roles/AIMLAM.GEN.P1.yaml", "--format", "json", "--select", "JD004", *AS_OF, cwd=catalog)
    findings = json.loads(result.out)["findings"]
    first = line_of(path, "JD6040")
    assert [(f["file"], f["line"], f["column"], f["message"]) for f in findings if f["file"] == P4] == [
        (P4, first + i // 25, 1, f"no rule {name}") for i, name in enumerate(names[:75])]
    assert sorted(f["message"] for f in findings) == sorted(f"no rule {n}" for n in names)
    hints = {f["message"]: f["hint"] for f in findings}
    assert hints["no rule JD6040"] == "did you mean JD604 or JD601 or JD602?"
    assert sum(hint.startswith("did you mean ") for hint in hints.values()) == 100
    assert sum(hint == "run `jdgen rules` for the codes and names" for hint in hints.values()) == 10


def test_a_suppression_naming_more_than_fifty_rules_is_refused_whole(run, hostile, catalog, p4_text):
    names = ", ".join(["JD604"] + [f"JD{7000 + i}" for i in range(50)])
    path = hostile(p4_text.replace(TITLE, f"\n{LONG_TITLE}  # jdgen: ignore[{names}] long on purpose\n", 1))
    code, findings = lint_json(run, catalog, "JD004", "JD604")
    line = line_of(path, LONG_TITLE)
    assert [(f["code"], f["line"], f["column"], f["message"], f["hint"]) for f in findings] == [
        ("JD604", line, 8, "the title has 72 characters, more than 60",  # not silenced
         "keep the title to the role and level; put the rest in the opening"),
        ("JD004", line, len(LONG_TITLE) + 3, "suppression names 51 rules, more than the 50 jdgen reads",
         "name a code prefix instead, e.g. # jdgen: ignore[JD5] reason")]


# --- findings and where they point ------------------------------------------------------------


def test_a_rule_stops_after_a_hundred_findings_in_one_file(run, hostile, catalog, p4_text):
    """Each finding points at its own line; the 101st place says the rule stopped there, and
    a suppression further down, which the rule never reached, is not called unused."""
    items = "".join(f"  - text: An aggressive owner of area {i}\n" for i in range(1_800))
    items = items.replace("area 1500\n", "area 1500  # jdgen: ignore[JD501] quoted from a contract\n")
    path = hostile(replace_block(p4_text, "responsibilities", "responsibilities:\n" + items))
    code, findings = lint_json(run, catalog, "JD501", "JD003")
    first = line_of(path, "An aggressive owner of area 0")
    assert (code, where(findings, "JD501")) == (0, [(first + i, 14) for i in range(101)])
    assert findings[99]["message"] == "'aggressive' is masculine-coded"
    assert (findings[100]["message"], findings[100]["hint"], findings[100]["severity"]) == (
        "JD501 stops here: it has reported 100 findings in this file", "fix those and lint again; the rest are not shown",
        "warning")
    assert where(findings, "JD003") == []


def test_findings_on_a_huge_line_point_at_their_columns(run, hostile, catalog, p4_text):
    padding = "steady " * 30_000
    summary = f"summary: {padding}aggressive work, and {padding}10+ years of experience\n"
    path = hostile(replace_block(p4_text, "summary", summary))
    code, findings = lint_json(run, catalog, "JD501", "JD301")
    line = line_of(path, "summary: steady")
    word = summary.index("aggressive") + 1
    claim = summary.index("10+ years") + 1
    assert (code, [(f["code"], f["line"], f["column"]) for f in findings]) == (1, [("JD501", line, word),
                                                                               ("JD301", line, claim)])


def test_different_words_on_one_line_each_point_at_their_own_column(run, hostile, catalog, p4_text):
    words = [f"aggressive{i}" for i in range(90)]
    summary = "summary: " + " ".join(words) + "\n"
    path = hostile(replace_block(p4_text, "summary", summary))
    code, findings = lint_json(run, catalog, "JD501")
    line = line_of(path, "summary: aggressive0")
    columns = {f"'{w}' is masculine-coded": summary.index(w + " " if w != words[-1] else w) + 1 for w in words}
    assert sorted((f["line"], f["column"], f["message"]) for f in findings) == \
        sorted((line, column, message) for message, column in columns.items())


def test_a_word_written_with_escapes_points_at_its_own_value(run, hostile, catalog, p4_text):
    """Not found as written, the word is not hunted for in the items after it: each points at its value."""
    flow = "responsibilities: [" + ", ".join(['{text: "\\x61ggressive"}'] * 90 + ["{text: aggressive}"]) + "]\n"
    path = hostile(replace_block(p4_text, "responsibilities", flow))
    code, findings = lint_json(run, catalog, "JD501")
    line = line_of(path, "responsibilities: [")
    values = [i + 1 for i in range(len(flow)) if flow.startswith('"\\x61', i)] + [flow.index("aggressive}") + 1]
    assert (code, where(findings, "JD501")) == (0, [(line, column) for column in values])


# --- aliases ------------------------------------------------------------------------------------


def test_aliases_that_repeat_far_more_than_the_file_holds_are_refused_at_the_anchor(run, hostile, catalog, p4_text):
    text = " ".join(f"word{i}" for i in range(2_000))
    block = f"responsibilities:\n  - &item {{text: {text}}}\n" + "  - *item\n" * 100
    path = hostile(replace_block(p4_text, "responsibilities", block))
    line = line_of(path, "&item")
    limit = 4 * len(path.read_text(encoding="utf-8"))
    message = (f"{P4}:{line}:5: JD001 error YAML aliases repeat the value anchored here until the file stands for "
               f"more than {limit:,} characters of values (the most jdgen allows: 4x the file's size, at least 100,000) "
               f"(write repeated values out, or alias only small values such as a list of locations)")
    result = run("lint", P4, "--select", "JD001", *AS_OF, cwd=catalog)
    assert (result.code, result.out) == (1, message + "\n")
    result = run("validate", P4, cwd=catalog)
    assert (result.code, result.out) == (1, message.replace(" JD001 error", "") + "\n")


def test_a_few_aliases_still_work(run, hostile, catalog, p4_text):
    block = "responsibilities:\n  - &item {text: Lead projects}\n  - *item\n  - *item\n"
    path = hostile(replace_block(p4_text, "responsibilities", block))
    code, findings = lint_json(run, catalog, "JD101", "JD001")
    line = line_of(path, "&item")
    assert [(f["code"], f["line"]) for f in findings] == [("JD101", line), ("JD101", line)]


# --- jdgen.toml ----------------------------------------------------------------------------------


def test_a_config_larger_than_256_kb_is_refused(run, hostile, catalog):
    hostile(config="[catalog]\nname = 'x'\n# " + "x" * 256_000 + "\n")
    result = run("lint", P4, *AS_OF, cwd=catalog)
    assert (result.code, result.out, result.err) == (
        2, "", "jdgen.toml: file is larger than the 256 kB jdgen reads as configuration "
               "(a lint table is a few lines; check that this is the right file)\n")


def test_a_dotted_key_of_thousands_of_parts_is_refused_before_it_is_parsed(run, hostile, catalog):
    hostile(config="[catalog]\nname = 'x'\n[lint]\n" + "options." * 5_000 + "x = 1\n")
    result = run("lint", P4, *AS_OF, cwd=catalog)
    assert (result.code, result.out, result.err) == (
        2, "", "jdgen.toml:4:1: not valid TOML for jdgen: a dotted key has more than 64 parts "
               "(a lint table needs only a few levels)\n")


def test_more_than_a_hundred_file_patterns_are_refused(run, hostile, catalog):
    patterns = "".join(f'"roles/x{i}/*.yaml" = ["JD5"]\n' for i in range(101))
    hostile(config="[lint.per-file-ignores]\n" + patterns)
    result = run("lint", P4, *AS_OF, cwd=catalog)
    assert (result.code, result.out, result.err) == (
        2, "", 'jdgen.toml:1:7: lint.per-file-ignores: has 101 file patterns, more than the 100 jdgen reads '
               '(match many files with one wildcard, e.g. "roles/legacy/*.yaml" = ["JD5"])\n')


def test_a_file_pattern_longer_than_200_characters_is_refused_and_cut_in_the_message(run, hostile, catalog):
    pattern = "roles/" + "*a" * 150
    hostile(config=f'[lint.per-file-ignores]\n"{pattern}" = ["JD5"]\n')
    result = run("lint", P4, *AS_OF, cwd=catalog)
    shown = json.dumps(pattern[:60] + "…", ensure_ascii=False)
    assert (result.code, result.out, result.err) == (
        2, "", f"jdgen.toml:2:1: lint.per-file-ignores.{shown}: the file pattern is 306 characters long, "
               'more than 200 (shorten it with a wildcard, e.g. "roles/legacy/*.yaml")\n')


def test_a_config_of_thousands_of_selectors_selects_what_it_names(run, hostile, catalog, p4_text):
    selectors = ", ".join(['"JD5"'] * 20_000)
    severity = "".join(f'{json.dumps(" " * i + "JD501")} = "error"\n' for i in range(300))
    items = "".join(f"  - text: An aggressive owner of area {i}\n" for i in range(90))
    hostile(replace_block(p4_text, "responsibilities", "responsibilities:\n" + items),
            config=f"[lint]\nselect = [{selectors}]\n[lint.severity]\n{severity}")
    result = run("lint", P4, "--format", "json", *AS_OF, cwd=catalog)
    findings = json.loads(result.out)["findings"]
    assert result.code == 1 and len(findings) >= 90
    assert {(f["code"][:3], f["severity"]) for f in findings if f["code"] == "JD501"} == {("JD5", "error")}
    assert {f["code"][:3] for f in findings} == {"JD5"}


def test_a_mistake_after_deeply_nested_arrays_is_reported_without_a_position(run, hostile, catalog):
    """tomllib reads arrays nested 400 deep; the position scanner takes more frames per level and stops."""
    hostile(config="[lint.options.JD504]\nmarkers = " + "[" * 400 + "]" * 400 + "\ncountries = 5\n")
    result = run("lint", P4, *AS_OF, cwd=catalog)
    assert (result.code, result.out, result.err) == (
        2, "", 'jdgen.toml: lint.options.JD504.countries: must be a list, not a whole number (5) '
               '(e.g. countries = ["DE", "AT"], the default)\n')


def test_a_value_nested_hundreds_deep_is_shown_cut_short(run, hostile, catalog):
    hostile(config="[lint.options.JD601]\nmax_words = " + "[" * 450 + "]" * 450 + "\n")
    result = run("lint", P4, *AS_OF, cwd=catalog)
    assert (result.code, result.out, result.err) == (
        2, "", "jdgen.toml:2:1: lint.options.JD601.max_words: must be a whole number, not a list "
               f"({'[' * 39}…) (e.g. max_words = 1000, the default)\n")


def test_a_hundred_and_fifty_unknown_adjacent_roles_are_a_hundred_findings_and_a_stop(run, hostile, catalog,
                                                                                      p4_text):
    entries = "".join(f"  - code: AIMLAM.G{i:03d}.P4\n" for i in range(150))
    path = hostile(p4_text + "adjacent_roles:\n" + entries)
    code, findings = lint_json(run, catalog, "JD105")
    first = line_of(path, "AIMLAM.G000.P4")
    assert [(f["line"], f["message"]) for f in findings] == [
        (first + i, f"adjacent role AIMLAM.G{i:03d}.P4 is not in the catalog") for i in range(100)] + [
        (first + 100, "JD105 stops here: it has reported 100 findings in this file")]
    assert findings[99]["hint"].startswith("did you mean ")


# --- a company of thousands of locations ---------------------------------------------------------

NORTHWIND = "companies/northwind.yaml"


def test_a_company_of_thousands_of_locations_lints_with_every_profile(run, hostile, catalog):
    path = catalog / NORTHWIND
    text = path.read_text(encoding="utf-8")
    places = "".join(f"  - {{id: loc{i}, city: Denver, region: CO, country: US, work_model: onsite}}\n"
                     for i in range(1_900))
    path.write_text(text.replace("locations:\n", "locations:\n" + places + "  - {id: loc7, city: Boulder, region: CO, "
                                 "country: US, work_model: onsite}\n", 1), encoding="utf-8")
    hostile()
    result = run("lint", NORTHWIND, "--format", "json", *AS_OF, cwd=catalog)
    findings = json.loads(result.out)["findings"]
    duplicate = line_of(path, "id: loc7, city: Boulder")
    assert (result.code, [(f["code"], f["line"], f["message"]) for f in findings]) == (
        1, [("JD001", duplicate, "location id 'loc7' is used twice")])


def test_past_a_hundred_unknown_location_ids_the_hint_lists_twenty(run, hostile, catalog):
    path = catalog / NORTHWIND
    text = path.read_text(encoding="utf-8")
    places = "".join(f"  - {{id: loc{i}, city: Denver, region: CO, country: US, work_model: onsite}}\n"
                     for i in range(300))
    unknown = "".join(f"      - loc{i}x\n" for i in range(150))  # each close to an id: "did you mean" has an answer
    text = text.replace("locations:\n", "locations:\n" + places, 1)
    text = text.replace("    requisition_id: NW-2026-118\n", "    requisition_id: NW-2026-118\n    locations:\n" + unknown, 1)
    path.write_text(text, encoding="utf-8")
    hostile()
    result = run("validate", NORTHWIND, cwd=catalog)
    lines = result.out.splitlines()
    first = line_of(path, "- loc0x")
    ids = [place["id"] for place in yaml.safe_load(text)["locations"]]
    assert (result.code, len(lines)) == (1, 150)
    assert lines[99].startswith(f"{NORTHWIND}:{first + 99}:9: no location with id 'loc99x' (did you mean 'loc99'")
    assert lines[100] == (f"{NORTHWIND}:{first + 100}:9: no location with id 'loc100x' "
                          f"(use one of {', '.join(ids[:20])} and {len(ids) - 20:,} more)")
