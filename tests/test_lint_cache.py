"""The findings cache: an unchanged profile is not checked again, and nothing in the cache is trusted.

Which profiles a run checks afresh is seen by counting calls of the unit that checks one
(``per_profile.Unit.run``); the output must be the same bytes either way.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _scale_catalog import AS_OF, scale_catalog
from conftest import edit

PROFILES = 12


@pytest.fixture
def scaled(tmp_path):
    return scale_catalog(tmp_path / "catalog")


@pytest.fixture
def checked(monkeypatch):
    """The names of the profile files each run checks (rather than reads from the cache)."""
    from jdgen.lint import per_profile

    names: list[str] = []
    real = per_profile.Unit.run

    def counted(self, path):
        names.append(path.name)
        return real(self, path)

    monkeypatch.setattr(per_profile.Unit, "run", counted)
    return names


@pytest.fixture
def lint(run, scaled, tmp_path, checked):
    """Run ``jdgen lint`` on the catalog with a cache of its own; returns (result, files checked afresh)."""
    env = {"JDGEN_CACHE_DIR": str(tmp_path / "cache")}

    def _lint(*args: str):
        checked.clear()
        result = run("lint", "--jobs", "1", *AS_OF, *args, cwd=scaled, env=env)
        return result, sorted(checked)

    return _lint


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "findings").glob("*/*.json"))


def test_a_second_run_reads_every_profile_from_the_cache_and_prints_the_same(lint, run, scaled):
    first, checked = lint()
    assert first.code == 1 and len(checked) == PROFILES
    again, checked = lint()
    assert (again.code, again.out, again.err) == (first.code, first.out, first.err)
    assert checked == []
    uncached = run("lint", "--jobs", "1", *AS_OF, cwd=scaled, env={"JDGEN_CACHE_DIR": ""})
    assert (uncached.code, uncached.out, uncached.err) == (first.code, first.out, first.err)


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_a_cache_hit_prints_the_same_in_every_format(lint, fmt):
    first, _ = lint("-f", fmt)
    again, checked = lint("-f", fmt)
    assert (again.code, again.out) == (first.code, first.out) and checked == []


def test_editing_a_profile_checks_that_profile_again_and_no_other(lint, scaled, tmp_path):
    lint()
    before = set(entries(tmp_path))
    edit(scaled / "roles" / "AIMLAM.GEN.P5.yaml", "status:", "# a comment\nstatus:")
    result, checked = lint()
    assert checked == ["AIMLAM.GEN.P5.yaml"]
    after = set(entries(tmp_path))
    assert len(after) == PROFILES and len(before - after) == 1  # the old entry of P5 is gone
    assert result.code == 1


@pytest.mark.parametrize("change", ["company", "ladder", "taxonomy", "template", "config", "new profile",
                                    "translation", "message catalog"])
def test_editing_what_every_posting_reads_checks_every_profile_again(lint, scaled, change):
    lint()
    if change == "company":
        edit(scaled / "companies" / "lindenhof.yaml", "benefits:\n", "benefits:\n  - A rockstar bonus\n")
    elif change in ("ladder", "taxonomy"):
        path = scaled / f"{change}.yaml"
        path.write_text("# reviewed\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    elif change == "template":
        from jdgen.resources import shipped

        (scaled / "templates").mkdir()
        (scaled / "templates" / "posting.md.j2").write_text(
            (shipped("templates") / "posting.md.j2").read_text(encoding="utf-8") + "\n{# ours #}\n", encoding="utf-8")
    elif change == "translation":
        path = scaled / "translations" / "de" / "AIMLAM.GEN.P4.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# started\n", encoding="utf-8")
    elif change == "message catalog":
        path = scaled / "locales" / "es" / "LC_MESSAGES" / "jdgen.po"
        path.parent.mkdir(parents=True)
        path.write_text('msgid "What you will do"\nmsgstr "Tus funciones"\n', encoding="utf-8")
    elif change == "config":
        (scaled / "jdgen.toml").write_text((scaled / "jdgen.toml").read_text(encoding="utf-8")
                                           + "\n[lint.options.JD601]\nmax_words = 2000\n", encoding="utf-8")
    else:
        (scaled / "roles" / "AIMLAM.GEN.P7.yaml").write_text(
            (scaled / "roles" / "AIMLAM.GEN.P6.yaml").read_text(encoding="utf-8")
            .replace("AIMLAM.GEN.P6", "AIMLAM.GEN.P7").replace("level: P6", "level: P7"), encoding="utf-8")
    result, checked = lint()
    assert len(checked) == PROFILES + (change == "new profile")
    assert result.code == 1


@pytest.mark.parametrize("args", [("--select", "JD5"), ("--ignore", "JD601"), ("--as-of", "2027-02-01"),
                                  ("--strict",)])
def test_another_selection_or_date_is_another_cache(lint, args):
    lint()
    _, checked = lint(*args)
    assert len(checked) == (0 if args == ("--strict",) else PROFILES)  # --strict only changes the exit code
    _, checked = lint(*args)
    assert checked == []


def _tamper(path: Path, how: str, other: Path) -> None:
    if how == "not json":
        path.write_bytes(b"\x80 not json")
    elif how == "wrong shape":
        entry = json.loads(path.read_text(encoding="utf-8"))
        entry["record"]["calls"] = [[0, [["x", 1, 1, 0, -1, -1, 0]]]]
        path.write_text(json.dumps(entry), encoding="utf-8")
    elif how == "unknown rule":
        entry = json.loads(path.read_text(encoding="utf-8"))
        entry["record"]["strings"].append("JD999")
        entry["record"]["calls"] = [[len(entry["record"]["strings"]) - 1, []]]
        path.write_text(json.dumps(entry), encoding="utf-8")
    elif how == "wrong key":  # another profile's entry, copied under this name
        path.write_bytes(other.read_bytes())
    elif how == "huge":
        path.write_bytes(b'{"key": "' + b"a" * 17_000_000 + b'"}')
    elif how == "no findings":  # a well-formed entry whose key is wrong (the name was copied from elsewhere)
        entry = json.loads(other.read_text(encoding="utf-8"))
        entry["record"]["calls"] = []
        path.write_text(json.dumps(entry), encoding="utf-8")
    else:  # a link to the real entry of another profile
        path.unlink()
        path.symlink_to(other)


@pytest.mark.parametrize("how", ["not json", "wrong shape", "unknown rule", "wrong key", "huge", "no findings", "link"])
def test_a_tampered_entry_is_a_miss_and_the_output_is_the_same(lint, tmp_path, how):
    first, _ = lint()
    stored = entries(tmp_path)
    for path, other in zip(stored, stored[1:] + stored[:1]):
        _tamper(path, how, other)
    again, checked = lint()
    assert (again.code, again.out, again.err) == (first.code, first.out, first.err)
    assert len(checked) == PROFILES
    _, checked = lint()  # each was overwritten with a good entry
    assert checked == []


def test_an_empty_cache_dir_setting_turns_the_cache_off(run, scaled, tmp_path, checked):
    for _ in range(2):
        result = run("lint", "--jobs", "1", *AS_OF, cwd=scaled, env={"JDGEN_CACHE_DIR": ""})
    assert result.code == 1 and len(checked) == 2 * PROFILES


def test_workers_read_and_write_the_same_cache(run, scaled, tmp_path):
    env = {"JDGEN_CACHE_DIR": str(tmp_path / "cache")}
    first = run("lint", "--jobs", "2", *AS_OF, cwd=scaled, env=env)
    assert len(entries(tmp_path)) == PROFILES
    again = run("lint", "--jobs", "1", *AS_OF, cwd=scaled, env=env)
    assert (again.code, again.out, again.err) == (first.code, first.out, first.err)


def test_linting_named_files_leaves_the_cache_alone(lint, run, scaled, tmp_path):
    lint()
    before = {path: path.stat().st_mtime_ns for path in entries(tmp_path)}
    run("lint", "roles/AIMLAM.GEN.P3.yaml", *AS_OF, cwd=scaled, env={"JDGEN_CACHE_DIR": str(tmp_path / "cache")})
    assert {path: path.stat().st_mtime_ns for path in entries(tmp_path)} == before


def test_the_used_keys_a_run_remembers_answer_for_the_entries_it_used_and_no_other():
    import hashlib

    from jdgen.lint.result_cache import UsedKeys

    used = UsedKeys()
    keys = [hashlib.sha256(str(n).encode()).hexdigest() for n in range(50)]  # as result_cache.key makes them
    for key in keys[::2]:
        used.add(key)
    used.add(None)  # a run without a cache key for a profile
    assert all(key in used for key in keys[::2])
    assert not any(key in used for key in keys[1::2])
    assert "README" not in used and ".json" not in used and "" not in used  # names the cache never writes
    used.add(keys[1])  # added after a lookup: looked up again
    assert keys[1] in used
