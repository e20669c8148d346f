"""The built site in real tools: the Nu HTML Checker, headless Chromium, and axe-core.

Run in CI by .ci/run, which installs them; see conftest.py for what happens without them.
Screenshots go to $JDGEN_SCREENSHOTS when set (to look at), else to the test's tmp folder.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from .conftest import WCAG_TAGS

pytestmark = pytest.mark.browser


def test_every_page_passes_the_nu_html_checker(site, vnu_jar):
    """One run over the whole site: every page, the CSS (--also-check-css) and the inline SVG."""
    done = subprocess.run(["java", "-jar", str(vnu_jar), "--skip-non-html", "--also-check-css", "--format", "gnu",
                           "--Werror", str(site)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr or done.stdout
    pages = sum(1 for _ in site.rglob("*.html"))
    assert pages == 25


def _url(site: Path, name: str) -> str:
    return (site / name).as_uri()


def _wait(driver, condition, seconds: int = 20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(condition)


def test_search_finds_a_role_by_its_alias_and_the_result_opens_it(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(_url(site, "index.html"))
    field = browser.find_element(By.ID, "search-input")
    assert field.is_displayed()  # the script un-hides the form
    field.send_keys("senior machine learning")
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    assert [r.text for r in results] == [
        "Senior AI/ML Engineer / Tech Lead (P4 Senior Professional, AIMLAM.GEN.P4) also known as Senior Machine Learning"]
    assert browser.find_element(By.ID, "search-status").text == "1 role matches."
    results[0].find_element(By.TAG_NAME, "a").click()
    _wait(browser, lambda d: d.current_url.endswith("/roles/AIMLAM.GEN.P4.html"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Senior AI/ML Engineer / Tech Lead"


def test_search_says_when_nothing_matches(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(_url(site, "index.html") + "?q=astronaut")
    _wait(browser, lambda d: d.find_element(By.ID, "search-status").text)
    assert browser.find_element(By.ID, "search-status").text == "No role matches."
    assert browser.find_elements(By.CSS_SELECTOR, "#search-results li") == []


def _shot(browser, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("JDGEN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(max(height, 800), 6000))
    path = folder / f"{name}.png"
    assert browser.save_screenshot(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 20_000
    browser.set_window_size(1280, 1000)
    return path


@pytest.mark.parametrize("name, page", [("index", "index.html"), ("role", "roles/AIMLAM.GEN.P4.html"),
                                        ("ladder", "ladders/AIMLAM.GEN.html"),
                                        ("compare", "compare/AIMLAM.GEN.P3--AIMLAM.GEN.P4.html")])
def test_screenshots(site, browser, tmp_path, name, page):
    browser.get(_url(site, page))
    _shot(browser, name, tmp_path)


def test_the_ladder_chart_is_drawn(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(_url(site, "ladders/AIMLAM.GEN.html"))
    chart = browser.find_element(By.CSS_SELECTOR, "figure.chart svg.pay-chart")
    size = chart.size
    widths = browser.execute_script("return [window.innerWidth, document.querySelector('figure.chart').clientWidth]")
    assert size["width"] > 300 and size["height"] > 100, (size, widths)
    box = browser.execute_script("return arguments[0].getBBox()", chart)
    assert box["width"] > 0 and box["height"] > 0
    assert len(chart.find_elements(By.CSS_SELECTOR, 'rect[fill="#1f5f99"]')) == 6


@pytest.mark.parametrize("page", ["index.html", "roles/AIMLAM.GEN.P4.html", "ladders/AIMLAM.GEN.html",
                                  "compare/AIMLAM.GEN.P3--AIMLAM.GEN.P4.html", "roles/AIMLAM.APP.P1.html"])
def test_no_wcag_21_a_or_aa_violation(site, browser, axe_source, page):
    browser.get(_url(site, page))
    browser.execute_script(axe_source)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        "  .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        "      nodes: v.nodes.map(n => n.target.join(' '))})), passes: r.passes.length}))"
        "  .catch(e => done({error: String(e)}));", WCAG_TAGS)
    assert "error" not in result, result
    assert result["violations"] == []
    assert result["passes"] > 10  # axe ran its rules
