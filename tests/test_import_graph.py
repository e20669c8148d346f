"""The import graph of src/jdgen: no cycle, and no import the code map does not allow.

The code map in jdgen's package docstring says, for each folder, what it does and which
folders its modules may import. This test reads that table from the docstring, so the
documentation and the check cannot drift apart, and builds the import graph from the
source with ``ast``: absolute and relative imports, at module level, inside functions and
under ``if TYPE_CHECKING``. An edge goes to the module imported (``from . import cache``
names the module ``cache``; ``from .cache import key`` names ``cache`` too). Then:

* every import names a module that exists (a path gone stale after a move is reported);
* the graph has no cycle (the test prints one);
* every import stays in the importer's folder, goes to the top level, or to a folder the
  importer's line names (a folder named includes its sub-folders);
* the table names every folder that holds modules, and has no cycle of its own;
* the top level holds at most eight modules;
* no folder holds two modules whose names are the same words in another order
  (``docx_reference`` and ``reference_docx``);
* no rule module imports another: what rules share lives in ``lint/``.

Each check is a function of plain data (names, paths, sets), and the tests at the end feed
each one a graph or a file list that breaks its rule, so every check is shown to fail.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Iterable, Mapping

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "jdgen"
README = PACKAGE.parents[1] / "README.md"
MAX_TOP_LEVEL = 8
RULES_PACKAGE = "jdgen.lint.rules"

Graph = Mapping[str, Iterable[str]]
CodeMap = Mapping[str, "tuple[str, ...] | None"]  # place → places it may use (None: every one)


# -- reading the package ------------------------------------------------------------------

def module_files(package: Path) -> dict[str, str]:
    """Every module by dotted name, with its path relative to the package (a package is its __init__.py)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path.relative_to(package).as_posix()
    return found


def import_statements(name: str, is_package: bool, source: str) -> list[tuple[str, list[str]]]:
    """Each import of a module's source, anywhere in it: the module it names and the dotted
    names it brings in (``from x import y``: ``("x", ["x.y"])``; ``import x.y``: ``("x.y", ["x.y"])``)."""
    here = name.split(".") if is_package else name.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name, [alias.name]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            origin = node.module or ""
            if node.level:
                origin = ".".join(here[:len(here) - node.level + 1] + ([node.module] if node.module else []))
            found.append((origin, [f"{origin}.{alias.name}" for alias in node.names]))
    return found


def imports_of(name: str, is_package: bool, source: str, modules: Iterable[str]) -> set[str]:
    """The modules of ``name``'s own top-level package that its source imports."""
    modules = set(modules)
    found: set[str] = set()
    for origin, names in import_statements(name, is_package, source):
        if origin.split(".")[0] != name.split(".")[0]:
            continue
        for target in names:  # `from x import y`: y is a module of its own when there is one, else a name in x
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target:
                found.add(target)
    found.discard(name)
    return found


def missing_modules(name: str, is_package: bool, source: str, modules: Iterable[str]) -> list[str]:
    """Modules of the package that the source imports from but that do not exist (a path gone stale)."""
    modules = set(modules)
    return sorted({origin for origin, names in import_statements(name, is_package, source)
                   if origin.split(".")[0] == name.split(".")[0] and origin not in modules
                   and not any(n in modules for n in names)})


def import_graph(package: Path) -> dict[str, set[str]]:
    files = module_files(package)
    return {name: imports_of(name, path.endswith("__init__.py"), (package / path).read_text(encoding="utf-8"), files)
            for name, path in files.items()}


# -- the code map -------------------------------------------------------------------------

MAP_LINE = re.compile(r"^ {4}(?P<place>\(top level\)|\S+)\s+(?P<what>\S.*?)\s{2,}uses (?P<uses>\S.*)$")


def code_map(docstring: str) -> dict[str, tuple[str, ...] | None]:
    """The code map's table: each place (a folder such as ``render/docx``, ``""`` for the top
    level, or a top-level module's file name) → the places its modules may import."""
    table: dict[str, tuple[str, ...] | None] = {}
    for line in map_lines(docstring):
        match = MAP_LINE.match(line)
        place = "" if match["place"] == "(top level)" else match["place"].rstrip("/")
        uses = match["uses"].split()
        table[place] = None if uses == ["*"] else tuple(use.rstrip("/") for use in uses if use != "-")
    return table


def map_lines(text: str) -> list[str]:
    """The table's lines as written, after the words "Code map"."""
    return [line.rstrip() for line in text.split("Code map", 1)[1].splitlines() if MAP_LINE.match(line.rstrip())]


def place_of(path: str, table: CodeMap) -> str | None:
    """The place a module file belongs to: its own line, else the nearest folder with a line
    (None for a module in a folder that no line covers)."""
    if path in table:
        return path
    folder = path.rpartition("/")[0]
    if not folder:
        return ""
    while folder:
        if folder in table:
            return folder
        folder = folder.rpartition("/")[0]
    return None


def may_use(importer: str, imported: str, table: CodeMap) -> bool:
    if imported in ("", importer):
        return True
    uses = table[importer]
    return uses is None or any(imported == use or imported.startswith(use + "/") for use in uses)


def unmapped_modules(files: Mapping[str, str], table: CodeMap) -> list[str]:
    return sorted(path for path in files.values() if place_of(path, table) is None)


def forbidden_imports(graph: Graph, files: Mapping[str, str], table: CodeMap) -> list[str]:
    problems = []
    for importer, imported in sorted((a, b) for a, targets in graph.items() for b in targets):
        here, there = place_of(files[importer], table), place_of(files[imported], table)
        if here is not None and there is not None and not may_use(here, there, table):
            problems.append(f"{importer} imports {imported}, but {shown(here)} may not use {shown(there)}")
    return problems


def shown(place: str) -> str:
    return "the top level" if not place else place if place.endswith(".py") else place + "/"


def map_graph(table: CodeMap) -> dict[str, set[str]]:
    """The places as a graph: each place → every place it may use (a folder with its sub-folders)."""
    folders = [place for place in table if place and not place.endswith(".py")]
    graph: dict[str, set[str]] = {}
    for place, uses in table.items():
        targets = folders if uses is None else [
            folder for folder in folders for use in uses if folder == use or folder.startswith(use + "/")]
        graph[place] = {target for target in targets if target != place}
    return graph


# -- the other rules ----------------------------------------------------------------------

def find_cycle(graph: Graph) -> list[str] | None:
    """One cycle of the graph, as a path that ends where it starts, or None."""
    state: dict[str, str] = {}
    for start in sorted(graph):
        if start in state:
            continue
        path, stack = [start], [iter(sorted(graph.get(start, ())))]
        state[start] = "open"
        while stack:
            child = next(stack[-1], None)
            if child is None:
                state[path.pop()] = "done"
                stack.pop()
            elif state.get(child) == "open":
                return path[path.index(child):] + [child]
            elif child not in state:
                state[child] = "open"
                path.append(child)
                stack.append(iter(sorted(graph.get(child, ()))))
    return None


def top_level_modules(files: Mapping[str, str]) -> list[str]:
    return sorted(path for path in files.values() if "/" not in path)


def reordered_names(files: Mapping[str, str]) -> list[tuple[str, str]]:
    """Pairs of modules in one folder whose names are the same words in another order."""
    seen: dict[tuple[str, tuple[str, ...]], str] = {}
    pairs = []
    for path in sorted(files.values()):
        folder, _, file = path.rpartition("/")
        stem = file.removesuffix(".py")
        if stem == "__init__":
            continue
        key = (folder, tuple(sorted(stem.split("_"))))
        if key in seen:
            pairs.append((seen[key], path))
        seen.setdefault(key, path)
    return pairs


def sibling_imports(graph: Graph, package: str) -> list[str]:
    """Imports from one module of ``package`` to another module of it (the package itself aside)."""
    def inside(name: str) -> bool:
        return name.rpartition(".")[0] == package
    return sorted(f"{a} imports {b}" for a, targets in graph.items() if inside(a) for b in targets if inside(b))


# -- jdgen itself -------------------------------------------------------------------------

def jdgen_docstring() -> str:
    return ast.get_docstring(ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8")))


def test_jdgen_has_no_import_cycle():
    cycle = find_cycle(import_graph(PACKAGE))
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_every_import_names_a_module_that_exists():
    files = module_files(PACKAGE)
    missing = {name: missing_modules(name, path.endswith("__init__.py"), (PACKAGE / path).read_text(encoding="utf-8"),
                                     files) for name, path in files.items()}
    assert {name: gone for name, gone in missing.items() if gone} == {}


def test_every_import_is_one_the_code_map_allows():
    table = code_map(jdgen_docstring())
    files = module_files(PACKAGE)
    assert forbidden_imports(import_graph(PACKAGE), files, table) == []


def test_the_code_map_covers_every_folder_and_has_no_cycle():
    table = code_map(jdgen_docstring())
    assert {"", "catalog", "compose", "render", "lint", "cli"} <= set(table)
    assert unmapped_modules(module_files(PACKAGE), table) == []
    assert all(use in table for uses in table.values() if uses for use in uses), table
    cycle = find_cycle(map_graph(table))
    assert cycle is None, "the code map lets folders use each other: " + " -> ".join(cycle)


def test_names_imported_on_first_use_resolve():
    """jdgen, jdgen.lint and jdgen.cli import their public names by module path when first
    used, which the graph above cannot see; each one must still be there."""
    import jdgen
    import jdgen.cli
    import jdgen.lint

    for package in (jdgen, jdgen.lint):
        for name in package.__all__:
            assert getattr(package, name) is not None, f"{package.__name__}.{name}"
    assert callable(jdgen.cli.main)


def test_the_readme_shows_the_same_code_map():
    assert map_lines(README.read_text(encoding="utf-8")) == map_lines(jdgen_docstring())


def test_at_most_eight_modules_at_the_top_level():
    top = top_level_modules(module_files(PACKAGE))
    assert len(top) <= MAX_TOP_LEVEL, top


def test_no_folder_holds_the_same_words_in_another_order():
    assert reordered_names(module_files(PACKAGE)) == []


def test_no_rule_module_imports_another():
    graph = import_graph(PACKAGE)
    assert RULES_PACKAGE in graph
    assert sibling_imports(graph, RULES_PACKAGE) == []


# -- each check fails when its rule is broken ---------------------------------------------

def write_package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / "pkg" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "pkg" / name).write_text(text, encoding="utf-8")
    return root / "pkg"


def test_the_graph_has_relative_absolute_function_and_type_checking_imports(tmp_path):
    package = write_package(tmp_path, {
        "__init__.py": "",
        "base.py": "VALUE = 1\n",
        "low/__init__.py": "",
        "low/one.py": "from .. import base\n",
        "low/two.py": "from .one import x\nfrom ..base import VALUE as V\n",
        "high/__init__.py": "",
        "high/three.py": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..low import two\n"
                          "def f():\n    import pkg.low.one\n    from pkg import base\n    import json\n"),
    })
    assert import_graph(package) == {
        "pkg": set(), "pkg.base": set(), "pkg.low": set(), "pkg.high": set(),
        "pkg.low.one": {"pkg.base"},
        "pkg.low.two": {"pkg.low.one", "pkg.base"},
        "pkg.high.three": {"pkg.low.two", "pkg.low.one", "pkg.base"},
    }


def test_an_import_of_a_module_that_is_gone_is_found():
    modules = {"pkg", "pkg.low", "pkg.low.one", "pkg.base"}
    source = "from ..base import VALUE\nfrom .. import base\nfrom ..gone import x\nimport pkg.low.two\nimport json\n"
    assert missing_modules("pkg.low.one", False, source, modules) == ["pkg.gone", "pkg.low.two"]


def test_a_cycle_is_found_and_shown():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"a"}}) == ["a", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


DOC = """Some package.

Code map, as jdgen writes it::

    (top level)    shared pieces                 uses -
    __main__.py    the entry point               uses app
    low/           the bottom stage              uses -
    mid/           the middle stage, which uses  uses low
    mid/deep/      a part of it                  uses low mid
    app/           the front                     uses *
"""


def test_the_code_map_is_read_from_a_docstring():
    assert code_map(DOC) == {"": (), "__main__.py": ("app",), "low": (), "mid": ("low",), "mid/deep": ("low", "mid"),
                             "app": None}


def test_an_import_the_code_map_does_not_allow_is_reported():
    table = code_map(DOC)
    files = {"pkg": "__init__.py", "pkg.__main__": "__main__.py", "pkg.errors": "errors.py",
             "pkg.low.a": "low/a.py", "pkg.mid.b": "mid/b.py", "pkg.mid.deep.c": "mid/deep/c.py",
             "pkg.mid.more.d": "mid/more/d.py", "pkg.app.e": "app/e.py"}
    allowed = {"pkg.__main__": {"pkg.app.e"}, "pkg.low.a": {"pkg.errors", "pkg"}, "pkg.mid.b": {"pkg.low.a"},
               "pkg.mid.deep.c": {"pkg.mid.b", "pkg.low.a"}, "pkg.mid.more.d": {"pkg.mid.b"},
               "pkg.app.e": {"pkg.mid.deep.c", "pkg.low.a"}}
    assert forbidden_imports(allowed, files, table) == []
    assert forbidden_imports({"pkg.low.a": {"pkg.mid.b"}}, files, table) == [
        "pkg.low.a imports pkg.mid.b, but low/ may not use mid/"]
    assert forbidden_imports({"pkg.mid.b": {"pkg.mid.deep.c"}}, files, table) == [
        "pkg.mid.b imports pkg.mid.deep.c, but mid/ may not use mid/deep/"]
    assert forbidden_imports({"pkg.errors": {"pkg.low.a"}}, files, table) == [
        "pkg.errors imports pkg.low.a, but the top level may not use low/"]


def test_a_folder_without_a_line_is_reported():
    table = code_map(DOC)
    assert unmapped_modules({"pkg.new.x": "new/x.py", "pkg.low.y": "low/y.py", "pkg.z": "z.py"}, table) == ["new/x.py"]


def test_a_code_map_that_lets_folders_use_each_other_is_reported():
    assert find_cycle(map_graph(code_map(DOC))) is None
    looping = DOC.replace("low/           the bottom stage              uses -",
                          "low/           the bottom stage              uses app")
    assert find_cycle(map_graph(code_map(looping))) == ["app", "low", "app"]


def test_too_many_top_level_modules_are_counted():
    files = {f"pkg.m{i}": f"m{i}.py" for i in range(MAX_TOP_LEVEL + 1)} | {"pkg.sub.x": "sub/x.py"}
    assert len(top_level_modules(files)) == MAX_TOP_LEVEL + 1


def test_the_same_words_in_another_order_are_reported():
    files = {"a": "render/docx_reference.py", "b": "render/reference_docx.py", "c": "render/writer.py",
             "d": "other/reference_docx.py", "e": "render/__init__.py"}
    assert reordered_names(files) == [("render/docx_reference.py", "render/reference_docx.py")]


def test_a_rule_module_importing_another_is_reported():
    graph = {"jdgen.lint.rules.pay": {"jdgen.lint.rules.sections", "jdgen.lint.hits"},
             "jdgen.lint.rules": {"jdgen.lint.rules.pay"}, "jdgen.lint.rules.sections": {"jdgen.lint.registry"}}
    assert sibling_imports(graph, RULES_PACKAGE) == ["jdgen.lint.rules.pay imports jdgen.lint.rules.sections"]
