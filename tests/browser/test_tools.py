"""A missing browser tool skips with its reason on a developer machine, and fails under .ci/run."""

from __future__ import annotations

import pytest

from .conftest import need


def test_a_missing_tool_skips_with_what_is_missing_and_how_to_get_it(monkeypatch):
    monkeypatch.delenv("JDGEN_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"^chromedriver is missing: apt-get install chromium-driver$"):
        need(None, "chromedriver", "apt-get install chromium-driver")


def test_under_ci_a_missing_tool_fails(monkeypatch):
    monkeypatch.setenv("JDGEN_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match=r"^chromedriver is missing: apt-get install chromium-driver "
                                                    r"\(JDGEN_REQUIRE_BROWSER=1: \.ci/run installs it"):
        need(None, "chromedriver", "apt-get install chromium-driver")


def test_a_tool_that_is_there_is_returned(monkeypatch):
    monkeypatch.setenv("JDGEN_REQUIRE_BROWSER", "1")
    assert need("/usr/bin/chromedriver", "chromedriver", "...") == "/usr/bin/chromedriver"
