"""Every module of jdgen compiles without a warning.

An invalid escape in a plain string ("\\d" in a docstring) is a DeprecationWarning on Python 3.11
and a SyntaxWarning from 3.12, printed to a user's terminal the first time the module is compiled;
this test makes it an error here instead.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "jdgen"
MODULES = sorted(PACKAGE.rglob("*.py"))


def compile_warnings(source: str, name: str) -> list[str]:
    """The warnings compiling ``source`` gives, as text."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(source, name, "exec", dont_inherit=True)
    return [f"{name}:{w.lineno}: {w.category.__name__}: {w.message}" for w in caught]


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_module_compiles_without_warnings(path):
    assert compile_warnings(path.read_text(encoding="utf-8"), str(path)) == []


def test_an_invalid_escape_in_a_docstring_is_caught():
    found = compile_warnings('"""Matches \\d digits."""\n', "bad.py")
    assert len(found) == 1 and "invalid escape sequence" in found[0]
    assert compile_warnings('r"""Matches \\d digits."""\n', "good.py") == []
