"""Write :mod:`jdgen.render.compiled`: Jinja's compiled form of each shipped posting template.

    python -m jdgen.render.compile_shipped

Run it after changing a shipped posting template, Jinja's version, or the modules listed in
:data:`jdgen.render.precompiled.SHAPED_BY`; tests/test_precompiled_templates.py fails until
then (and jdgen compiles the template on each start, as it would without the compiled form).
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..resources import shipped
from .env import environment
from .precompiled import code_digest, source_digest

# (environment kind, template name) of each shipped template a posting renders with.
SHIPPED = (("md", "posting.md.j2"), ("html", "posting.html.j2"))
FOLDER = Path(__file__).resolve().parent / "compiled"

_INDEX = '''"""Jinja's compiled form of the shipped posting templates; see :mod:`jdgen.render.precompiled`.

Written by ``python -m jdgen.render.compile_shipped``: do not edit.
"""

JINJA_VERSION = {jinja!r}
CODE_DIGEST = {code!r}
# (environment kind, template name): (module here, sha256 of the template's text)
TEMPLATES = {{
{entries}}}
'''

# At the end, not the top: the code's line numbers are what Jinja maps back to template lines.
_FOOTER = "# Written by `python -m jdgen.render.compile_shipped` from templates/{name}: do not edit.\n"


def generated() -> dict[str, str]:
    """Each file of the compiled folder by name, with the text it must have."""
    templates = str(shipped("templates"))
    files: dict[str, str] = {}
    entries = []
    for kind, name in SHIPPED:
        env = environment(kind, (templates,))
        source, filename, _ = env.loader.get_source(env, name)
        module = name.removesuffix(".j2").replace(".", "_")
        files[f"{module}.py"] = env.compile(source, name, filename, raw=True).rstrip("\n") + "\n" + \
            _FOOTER.format(name=name)
        entries.append(f"    ({kind!r}, {name!r}): ({module!r}, {source_digest(source)!r}),\n")
    files["__init__.py"] = _INDEX.format(jinja=jinja2.__version__, code=code_digest(), entries="".join(entries))
    return files


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    for name, text in generated().items():
        (FOLDER / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {FOLDER / name}")


if __name__ == "__main__":
    main()
