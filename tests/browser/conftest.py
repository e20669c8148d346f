"""Tools the browser and validator tests need, found or explained.

On a developer machine a missing tool skips its tests with the reason and how to get it.
Under ``.ci/run`` (``JDGEN_REQUIRE_BROWSER=1``) a missing tool fails them instead: CI
installs every one, so a skip there would only hide that the site went unchecked.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / ".ci" / "node_modules"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def need(found, what: str, how: str):
    """``found``, or skip (fail under JDGEN_REQUIRE_BROWSER=1) saying what is missing and how to get it."""
    if found:
        return found
    message = f"{what} is missing: {how}"
    if os.environ.get("JDGEN_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message} (JDGEN_REQUIRE_BROWSER=1: .ci/run installs it, so this run must have it)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    need(shutil.which("java"), "java", "apt-get install default-jre-headless")
    jar = Path(os.environ.get("JDGEN_VNU_JAR", NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"))
    return need(jar if jar.is_file() else None, "the Nu HTML Checker (vnu.jar)", "run `npm ci` in .ci/")


@pytest.fixture(scope="session")
def axe_source() -> str:
    path = NODE_MODULES / "axe-core" / "axe.min.js"
    need(path.is_file(), "axe-core", "run `npm ci` in .ci/")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The shipped catalog's site, for Northwind (its pay bands give every GEN level a bar), with source links."""
    from jdgen.catalog.root import discover
    from jdgen.resources import builtin_catalog
    from jdgen.site.build import SiteRequest, build_site

    out = tmp_path_factory.mktemp("browser") / "site"
    build_site(discover(builtin_catalog()), SiteRequest(output=str(out), company="northwind",
                                                        source_url="https://github.com/acme/roles/blob/main/profiles"))
    return out


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium driven by Debian's chromedriver, with a fresh profile and no network chatter."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        need(None, "selenium", "pip install -c constraints.txt -e '.[test]'")
    chromium = need(shutil.which("chromium") or shutil.which("chromium-browser"), "Chromium",
                    "apt-get install chromium chromium-driver")
    driver_path = need(shutil.which("chromedriver") or (Path("/usr/bin/chromedriver").is_file() and "/usr/bin/chromedriver"),
                       "chromedriver", "apt-get install chromium-driver")
    profile = tempfile.mkdtemp(prefix="jdgen-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
