"""Loading Jinja templates without leaving the catalog.

Jinja's ``FileSystemLoader`` refuses ``..`` in a template name but opens whatever a
name leads to, so ``templates/x.j2 -> /etc/passwd`` plus ``{% include "x.j2" %}`` would
print the machine's files into a posting. This loader looks each name up the same way
(first folder of the search path that has it) but walks the path with
:mod:`jdgen.filesystem.containment`: a folder of the search path is confined to its parent, which
for a catalog's ``templates/`` is the catalog itself. A link to another file of the
catalog is followed (a shared partial); a link that leaves the catalog is refused
before anything outside is looked at; only regular files are read.

The choice of the parent rather than the folder itself: a catalog that keeps shared
text next to its templates (``partials/``) and links to it is doing nothing unsafe.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import Callable, Sequence

import jinja2
from jinja2.loaders import split_template_path

from ..filesystem.containment import confine, lexical_shown, not_a_file_error, read_regular


class ContainedLoader(jinja2.BaseLoader):
    """Templates from ``searchpath`` folders, each confined to its parent folder."""

    def __init__(self, searchpath: Sequence[str]):
        self.searchpath = [os.fspath(p) for p in searchpath]

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses '..' and separators inside a piece, as Jinja does
        for folder in self.searchpath:
            # posixpath even on Windows: a "C:" or UNC piece must not step out of the folder.
            filename = posixpath.join(folder, *pieces)
            root = Path(folder).parent
            real = confine(root, Path(filename), lexical_shown)
            try:
                got = read_regular(real, None)
            except (FileNotFoundError, NotADirectoryError):
                continue
            if isinstance(got, str):
                if got == "a folder":
                    continue  # as Jinja: a folder of that name is no template; the next folder may have one
                raise not_a_file_error(lexical_shown(filename), got)
            data, _ = got
            mtime = os.stat(real).st_mtime_ns

            def uptodate(real: Path = real, mtime: int = mtime) -> bool:
                try:
                    return os.stat(real).st_mtime_ns == mtime
                except OSError:
                    return False

            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                # The error keeps its bytes, which the caller turns into a line and column; the
                # file is named here because it may be one the rendered template includes.
                exc.template_file = lexical_shown(filename)
                raise
            return text, os.path.normpath(filename), uptodate
        raise jinja2.TemplateNotFound(template)
