"""Write ``compose/anchor_facts.json``: what :class:`jdgen.compose.anchors.Anchored` reads off
each pattern jdgen ships, so that a lint does not parse them again on every start.

    python -m jdgen.lint.analyse_shipped

Run it after changing a word list's rows, a rule's pattern or ``compose/anchors.py``;
tests/lint/test_anchor_facts.py fails until then (and jdgen reads the changed patterns on each
start, as it would without the table). The patterns are those a lint of the built-in catalog
makes matchers for (every word list, every rule, English and German postings) and those made
when jdgen's modules are imported; a pattern missing here is read when first used.
"""

from __future__ import annotations

import json
import os
from datetime import date

from ..compose import anchors
from ..resources import builtin_catalog


def made_patterns() -> list:
    """(key, pattern) of every pattern the built-in catalog's lint makes a matcher for."""
    from ..catalog.root import Catalog
    from .engine import lint

    lint(Catalog(builtin_catalog()), as_of=date(2026, 1, 1), jobs=1, cache=False)
    return sorted(anchors.MADE.items())


def generated() -> str:
    """The text the table must have: one pattern a line, so that a change reads as a small diff."""
    rows = [f"    {json.dumps(key)}: {json.dumps(list(anchors.facts(pattern)), ensure_ascii=False)}"
            for key, pattern in made_patterns()]
    return ('{\n  "written_by": "python -m jdgen.lint.analyse_shipped",\n'
            f'  "code_digest": {json.dumps(anchors.code_digest())},\n'
            '  "facts": {\n' + ",\n".join(rows) + "\n  }\n}\n")


def main() -> None:
    # Whole or not at all: a lint started meanwhile reads the old table or the new one.
    partial = anchors.FACTS_FILE.with_suffix(".json.partial")
    partial.write_text(generated(), encoding="utf-8", newline="\n")
    os.replace(partial, anchors.FACTS_FILE)
    print(f"wrote {anchors.FACTS_FILE}")


if __name__ == "__main__":
    main()
