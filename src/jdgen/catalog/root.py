"""Find a catalog and look things up in it.

A catalog is a folder::

    jdgen.toml        marks the catalog root (may be empty)
    ladder.yaml       the level ladder (optional: the built-in one is used when absent)
    taxonomy.yaml     functions and focus codes (optional)
    roles/            one role profile per file, named CODE.yaml (subfolders allowed)
    companies/        one company override per file, named SLUG.yaml
    templates/        templates that replace the built-in ones by name (optional)

Which catalog: ``--catalog DIR``, else ``$JDGEN_CATALOG``, else the nearest folder with a
``jdgen.toml`` from the working directory upward, else the built-in catalog. A marker
file, rather than any folder called ``profiles/``, keeps jdgen from adopting an unrelated
folder by accident.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterator

from ..diagnostics import Diagnostic, Location, did_you_mean, quoted
from .loading import Loaded, load_ladder, load_profile, load_taxonomy
from ..errors import InvalidInputError, NotAFileError, NotFoundError, SourceError
from .listing import check_listing, not_a_file, not_a_file_problem
from .models import Ladder, Profile, Taxonomy
from ..resources import builtin_catalog
from .yaml_source import display_path, iter_yaml_files

MARKER = "jdgen.toml"


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a catalog loads.

    Loading allocates hundreds of thousands of small, acyclic containers (positions,
    values, models) that all stay alive; each young-generation collection rescans them,
    which measured at 60% of load time on a 2,000-profile catalog. Reference counting
    still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
ENV_VAR = "JDGEN_CATALOG"


def discover(explicit: str | Path | None = None, *, cwd: Path | None = None,
             environ: dict[str, str] | None = None) -> "Catalog":
    """The catalog to use, by the precedence described in the module docstring."""
    environ = os.environ if environ is None else environ
    chosen = explicit or environ.get(ENV_VAR) or None
    if chosen:
        root = Path(chosen).expanduser()
        if not root.is_dir():
            origin = "--catalog" if explicit else ENV_VAR
            problem = "is a file, not a folder" if root.exists() else "does not exist"
            raise SourceError(f"catalog folder {str(root)!r} (from {origin}) {problem}",
                              hint="pass the folder that holds jdgen.toml and roles/")
        return Catalog(root.resolve(), builtin=False)
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return Catalog(folder, builtin=folder == builtin_catalog().resolve())
    return Catalog(builtin_catalog().resolve(), builtin=True, fallback=True)


@dataclass
class Catalog:
    root: Path
    builtin: bool = False
    fallback: bool = False  # chosen because no jdgen.toml was found: checks should say so
    _profiles: dict[str, Loaded[Profile]] = field(default_factory=dict, repr=False)

    @property
    def described(self) -> str:
        """How messages name this catalog: "the built-in catalog", "the catalog at roles-repo"."""
        if self.builtin:
            return "the built-in catalog"
        shown = display_path(self.root)
        return "the current folder's catalog" if shown == "." else f"the catalog at {shown}"

    # --- files -------------------------------------------------------------------
    @property
    def roles_dir(self) -> Path:
        return self.root / "roles"

    @property
    def companies_dir(self) -> Path:
        return self.root / "companies"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def ladder_path(self) -> Path:
        own = self._own_file("ladder.yaml")
        return own if own is not None else builtin_catalog() / "ladder.yaml"

    @property
    def taxonomy_path(self) -> Path | None:
        return self._own_file("taxonomy.yaml")

    def _own_file(self, name: str) -> Path | None:
        """The catalog's own ``name``, None when it has none; a non-file of that name is an error.

        Falling back to the built-in ladder because ladder.yaml is a folder or a dead link
        would give every profile levels the author never wrote.
        """
        own = self.root / name
        self.refuse_leaving(own)
        if own.is_file():
            return own
        if not os.path.lexists(own):
            return None
        instead = "the built-in ladder" if name == "ladder.yaml" else "no taxonomy"
        raise NotAFileError([not_a_file_problem(own, not_a_file(own) or "missing", hint=(
            f"put the {name.removesuffix('.yaml')} there as a YAML file, or remove it to use {instead}"))])

    def refuse_leaving(self, path: Path) -> None:
        """Raise when ``path`` (in the catalog) is, or is reached through, a link that leaves the catalog."""
        from ..filesystem.containment import confine

        confine(self.root, path)

    @cached_property
    def profile_files(self) -> "ProfileFiles":
        """Role profile files by upper-case code (the file name). Two files, one code: an error."""
        self.refuse_leaving(self.roles_dir)
        if not self.roles_dir.is_dir():
            raise SourceError(f"{display_path(self.root)} has no roles/ folder, so no role profiles",
                              hint="put role profiles in roles/CODE.yaml, or point --catalog at a catalog")
        index: dict[str, str] = {}
        problems = check_listing(self.roles_dir, recursive=True, root=self.root)
        for path in iter_yaml_files(self.roles_dir):
            key = path.stem.upper()
            if key in index:
                problems.append(Diagnostic(Location(display_path(path), 1, 1),
                                           f"code {path.stem} is also defined in {display_path(index[key])}",
                                           "one code, one file: remove or rename one of them"))
                continue
            index[key] = str(path)
        if problems:
            raise InvalidInputError(sorted(problems, key=Diagnostic.sort_key))
        if not index:
            raise SourceError(f"no role profiles in {display_path(self.roles_dir)}",
                              hint="add one file per role, named CODE.yaml")
        return ProfileFiles(index)

    @property
    def codes(self) -> list[str]:
        return sorted(self.profile_files)

    # --- loading -----------------------------------------------------------------
    @cached_property
    def ladder(self) -> Ladder:
        return load_ladder(self.ladder_path).model

    @cached_property
    def taxonomy(self) -> Taxonomy | None:
        path = self.taxonomy_path
        return load_taxonomy(path).model if path else None

    @cached_property
    def context_digest(self) -> bytes:
        """What profile and company checks read besides the file itself: the ladder and taxonomy."""
        parts = [self.ladder_path.read_bytes()]
        if self.taxonomy_path:
            parts.append(self.taxonomy_path.read_bytes())
        return hashlib.sha256(b"\0".join(parts)).digest()

    @cached_property
    def codes_digest(self) -> bytes:
        """A digest of every profile code: what a company's checks read of the profiles (its role
        overrides must name one), for the company's cache key, joined and hashed once per catalog."""
        return hashlib.sha256("\n".join(self.codes).encode()).digest()

    def profile(self, code: str) -> Loaded[Profile]:
        key = self.lookup(code)
        loaded = self._profiles.get(key)
        if loaded is None:
            loaded = load_profile(self.profile_files[key], self.ladder, self.taxonomy, self.context_digest)
            self._profiles[key] = loaded
        return loaded

    def profiles(self) -> list[Loaded[Profile]]:
        """Every profile, in code order; raises with every problem of every file."""
        from ..collector import batch_begins

        batch_begins()  # every profile: the collector runs again (jdgen/collector.py)
        problems: list[Diagnostic] = []
        loaded: list[Loaded[Profile]] = []
        # Every profile is checked against the ladder and taxonomy: load them first, so that a
        # broken ladder raises its own problems once instead of once for every profile.
        self.ladder, self.taxonomy, self.context_digest
        with paused_gc():
            for code in self.codes:
                try:
                    loaded.append(self.profile(code))
                except InvalidInputError as exc:
                    problems.extend(exc.diagnostics())
        if problems:
            raise InvalidInputError(problems)
        return loaded

    # --- lookup ------------------------------------------------------------------
    def lookup(self, code: str) -> str:
        """The catalog's key for ``code``, compared case-insensitively."""
        key = code.strip().upper()
        if key in self.profile_files:
            return key
        close = did_you_mean(key, self.profile_files, limit=5)
        hint = ("did you mean " + ", ".join(close) + "?") if close else "run `jdgen list` to see the codes"
        raise NotFoundError(f"no role profile with code {quoted(code)} in {self.described}", hint=hint)

    def level_of(self, profile: Profile):
        level = self.ladder.level(profile.level)
        if level is None:  # load_profile checks this; a bug if it happens
            raise RuntimeError(f"level {profile.level} vanished from the ladder")
        return level


class ProfileFiles(Mapping):
    """The catalog's profile files by upper-case code, read as a dict of ``Path``.

    The paths are kept as text and a ``Path`` is made when one is asked for: a ``Path`` holds
    its text, its parts and their list (about 400 bytes), and a catalog of 25,000 profiles
    kept 10 MB of them for the whole run in every process that listed it. A whole-catalog
    lint reads :meth:`texts` and makes none.
    """

    __slots__ = ("_texts",)

    def __init__(self, texts: dict[str, str]) -> None:
        self._texts = texts

    def __getitem__(self, key: str) -> Path:
        return Path(self._texts[key])

    def __contains__(self, key: object) -> bool:
        return key in self._texts

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def texts(self) -> list[str]:
        """Every profile file's path as text, in file order."""
        return list(self._texts.values())

    def text_items(self):
        """(code, path as text) of every profile file, in file order."""
        return self._texts.items()


def display_names(folder: Path):
    """A function giving :func:`display_path` of a path text below ``folder`` (as the catalog's
    listing writes them: the folder's text, a separator, the rest), working it out once.

    A whole-catalog run names every profile; asking the working directory and normalising the
    whole path for each of 25,000 files was a visible share of a warm re-lint. When the folder's
    own name is the plain relative one, a file's is that name and the rest of its path; otherwise
    each file is named as before.
    """
    base = os.fspath(folder)
    shown = display_path(folder)
    here = os.getcwd()
    plain = here != os.sep and os.path.abspath(base).startswith(here + os.sep) and \
        shown == os.path.abspath(base)[len(here) + 1:]

    def name(text: str) -> str:
        if plain and text.startswith(base + os.sep):
            return shown + text[len(base):]
        return display_path(text)

    return name
