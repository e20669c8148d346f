"""jdgen.toml values that TOML accepts but jdgen cannot use: shown as TOML writes them, at their key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import edit

AS_OF = ["--as-of", "2026-11-23"]


@pytest.mark.parametrize("toml, message", [
    ('[lint]\nfail-on = 2026-01-01\n',
     "jdgen.toml:2:1: lint.fail-on: 2026-01-01 is not a severity (use one of error, warning, info)"),
    ('[lint]\nfail-on = "x\\ny"\n',
     'jdgen.toml:2:1: lint.fail-on: "x\\ny" is not a severity (use one of error, warning, info)'),
    ('[lint.severity]\nJD501 = 10:30:00\n',
     "jdgen.toml:2:1: lint.severity.JD501: 10:30:00 is not a severity (use one of error, warning, info)"),
    ('[lint.severity]\nJD501 = true\n',
     "jdgen.toml:2:1: lint.severity.JD501: true is not a severity (use one of error, warning, info)"),
    ('[lint]\nignore = ["JD99"]\n',
     'jdgen.toml:2:1: lint.ignore: no rule matches "JD99" (did you mean \'JD509\'?)'),
    ('[lint.per-file-ignores]\n"" = ["JD5"]\n',
     'jdgen.toml:2:1: lint.per-file-ignores."": the file pattern is empty '
     '(name the files, e.g. "roles/legacy/*.yaml" = ["JD5"])'),
    ('[lint.per-file-ignores]\n"  " = ["JD5"]\n',
     'jdgen.toml:2:1: lint.per-file-ignores."  ": the file pattern is empty '
     '(name the files, e.g. "roles/legacy/*.yaml" = ["JD5"])'),
    ('[lint.per-file-ignores]\n"roles/[*.yaml" = ["JD5"]\n',
     'jdgen.toml:2:8: lint.per-file-ignores."roles/[*.yaml": the [ at character 7 of the pattern is never closed '
     '(close it with ], or write [[] to match a literal "[")'),
    ("[lint.per-file-ignores]\n'roles/[!]*.yaml' = [\"JD5\"]\n",
     'jdgen.toml:2:8: lint.per-file-ignores."roles/[!]*.yaml": the [ at character 7 of the pattern is never closed '
     '(close it with ], or write [[] to match a literal "[")'),
    ('[lint]\nper-file-ignores = { "a[b]/c[" = ["JD5"] }\n',
     'jdgen.toml:2:29: lint.per-file-ignores."a[b]/c[": the [ at character 7 of the pattern is never closed '
     '(close it with ], or write [[] to match a literal "[")'),
    # An escape makes the key's characters and columns differ: the key's own column is given.
    ('[lint.per-file-ignores]\n"\\u0072oles/[x" = ["JD5"]\n',
     'jdgen.toml:2:1: lint.per-file-ignores."roles/[x": the [ at character 7 of the pattern is never closed '
     '(close it with ], or write [[] to match a literal "[")'),
    ('[lint.options.JD605]\nmax_required = -5\n',
     "jdgen.toml:2:1: lint.options.JD605.max_required: must be 0 or more, not -5 (e.g. max_required = 7, the default)"),
    ('[lint.options]\nJD301 = { below_tolerance = -1 }\n',
     "jdgen.toml:2:11: lint.options.JD301.below_tolerance: must be 0 or more, not -1 "
     "(e.g. below_tolerance = 1, the default)"),
])
def test_unusable_value_is_a_configuration_error(run, catalog, toml, message):
    (catalog / "jdgen.toml").write_text(toml)
    result = run("lint", *AS_OF, cwd=catalog)
    assert (result.code, result.out, result.err) == (2, "", message + "\n")


@pytest.mark.parametrize("toml", [
    '[lint.options.JD605]\nmax_required = 0\n',
    '[lint.per-file-ignores]\n"roles/[AB]*.yaml" = ["JD5"]\n',
    '[lint.per-file-ignores]\n"roles/[[]x.yaml" = ["JD5"]\n',
])
def test_edge_values_that_work_are_accepted(run, catalog, toml):
    (catalog / "jdgen.toml").write_text(toml)
    assert run("lint", *AS_OF, cwd=catalog).code in (0, 1)


def test_command_line_selectors_are_quoted_as_typed(run, tmp_path):
    result = run("lint", "--select", "JD999", *AS_OF, cwd=tmp_path)
    assert (result.code, result.err) == (2, "--select: no rule matches 'JD999' (did you mean 'JD509'?)\n")


def test_per_file_ignores_match_the_same_files_from_any_working_folder(run, catalog, tmp_path):
    """Patterns are relative to the config file's folder, not to where jdgen runs."""
    for code in ("AIMLAM.GEN.P4", "AIMLAM.APP.P4"):
        edit(catalog / "roles" / f"{code}.yaml", "\nsummary: ", "\nsummary: We want a rockstar. ")
    (catalog / "jdgen.toml").write_text('[lint.per-file-ignores]\n"roles/AIMLAM.GEN.*.yaml" = ["JD5"]\n',
                                        encoding="utf-8")
    args = ("lint", "--select", "JD502", "--format", "json", *AS_OF)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for result in (run(*args, cwd=catalog), run("--catalog", str(catalog), *args, cwd=elsewhere)):
        files = {Path(f["file"]).name for f in json.loads(result.out)["findings"]}
        assert files == {"AIMLAM.APP.P4.yaml"}, result


def test_a_byte_order_mark_in_jdgen_toml_is_accepted(run, catalog):
    (catalog / "jdgen.toml").write_bytes(b"\xef\xbb\xbf[lint]\nfail-on = \"warning\"\n")
    result = run("lint", "--select", "JD604", "--as-of", "2026-11-23", cwd=catalog)
    assert result.code in (0, 1), result
    assert "not valid TOML" not in result.err
