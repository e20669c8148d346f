"""constraints.txt, the lock the test command installs from, agrees with pyproject.toml.

The suite runs on the versions it last passed with (see README, "Set up"), while users
who ``pip install .`` get pyproject's ranges. The two drift apart silently unless a test
says so: every declared dependency (runtime, the ``test`` extra and the build backend)
must be pinned, and pinned inside its declared range.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)$")


def parse_lock(text: str) -> tuple[dict[str, Version], list[str]]:
    """Pinned versions by canonical name, and one problem per line that is not a plain pin."""
    pins: dict[str, Version] = {}
    problems = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        if not match:
            problems.append(f"line {number}: {line!r} is not `name==version`")
            continue
        name = canonicalize_name(match.group(1))
        if name in pins:
            problems.append(f"line {number}: {match.group(1)} is pinned twice")
        pins[name] = Version(match.group(2))
    return pins, problems


def declared(pyproject: dict) -> list[Requirement]:
    """Every requirement the test install depends on: runtime, the test extra, the build backend."""
    project = pyproject["project"]
    texts = [*project["dependencies"], *project.get("optional-dependencies", {}).get("test", []),
             *pyproject.get("build-system", {}).get("requires", [])]
    return [Requirement(text) for text in texts]


def disagreements(pyproject: dict, lock_text: str) -> list[str]:
    pins, problems = parse_lock(lock_text)
    environment = default_environment()
    for requirement in declared(pyproject):
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        pinned = pins.get(canonicalize_name(requirement.name))
        if pinned is None:
            problems.append(f"{requirement.name} is declared in pyproject.toml but missing from the lock")
        elif not requirement.specifier.contains(pinned, prereleases=True):
            problems.append(f"{requirement.name}=={pinned} is outside pyproject.toml's range "
                            f"{requirement.specifier or '(any)'}")
    return problems


def load_pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_lock_agrees_with_pyproject():
    assert disagreements(load_pyproject(), (ROOT / "constraints.txt").read_text(encoding="utf-8")) == []


def test_lock_holds_every_package_its_pins_require():
    """A pin's own dependencies are pinned too, or pip would pick them on the day.

    Checked for the pins installed at exactly their locked version, which is all of them
    under the README's test command (the scheduled newest-versions run installs others).
    """
    pins, _ = parse_lock((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    environment = {**default_environment(), "extra": ""}
    missing = set()
    for name, version in pins.items():
        try:
            installed = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if Version(installed.version) != version:
            continue
        for text in installed.requires or []:
            requirement = Requirement(text)
            if requirement.marker is not None and not requirement.marker.evaluate(environment):
                continue
            if canonicalize_name(requirement.name) not in pins:
                missing.add(f"{requirement.name} (needed by {name})")
    assert sorted(missing) == []


PYPROJECT = {
    "build-system": {"requires": ["hatchling>=1.21"]},
    "project": {"dependencies": ["pyyaml>=6.0", "jinja2>=3.1"],
                "optional-dependencies": {"test": ["pytest>=8"]}},
}
GOOD_LOCK = "# comment\nPyYAML==6.0.4\nJinja2==3.1.6\npytest==9.2.0\nhatchling==1.33.0\n"


def test_the_check_accepts_a_lock_that_agrees():
    assert disagreements(PYPROJECT, GOOD_LOCK) == []


@pytest.mark.parametrize("lock, problem", [
    (GOOD_LOCK.replace("PyYAML==6.0.4", "PyYAML==5.4.1"), "pyyaml==5.4.1 is outside pyproject.toml's range >=6.0"),
    (GOOD_LOCK.replace("Jinja2==3.1.6\n", ""), "jinja2 is declared in pyproject.toml but missing from the lock"),
    (GOOD_LOCK.replace("pytest==9.2.0\n", ""), "pytest is declared in pyproject.toml but missing from the lock"),
    (GOOD_LOCK.replace("hatchling==1.33.0", "hatchling==1.0"), "hatchling==1.0 is outside pyproject.toml's range >=1.21"),
    (GOOD_LOCK + "pyyaml==6.0.3\n", "line 6: pyyaml is pinned twice"),
    (GOOD_LOCK + "lxml>=6\n", "line 6: 'lxml>=6' is not `name==version`"),
])
def test_the_check_names_each_disagreement(lock, problem):
    assert problem in disagreements(PYPROJECT, lock)
