"""A rendered posting, checked for what the YAML loader refuses in values.

The loader refuses control characters, characters that can disguise text and GitHub
Actions workflow commands in every value of a catalog file (:mod:`jdgen.catalog.yaml_source`), but a
catalog's templates are text a posting prints too, and a posting printed in a CI job's
log (``jdgen render`` writes one to standard output) must not act there. Checking the
rendered text covers every template, and whatever it includes, in one place. What is
found here came from a template, since the values were checked when they were loaded, so
the message points into the catalog's templates folder where the text is written as itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from ..diagnostics import Location
from ..errors import TemplateError
from ..catalog.hidden_characters import find_hidden
from ..catalog.yaml_source import describe_control, display_path
from ..terminal_text import workflow_command

# Tab and line feed are layout; every other control character is something no posting shows.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MAX_TEMPLATE_BYTES = 1_000_000


def check_printed(text: str, catalog_templates: Path | None) -> None:
    """Raise :class:`TemplateError` when ``text`` holds a control character, a character that can disguise
    text, or a workflow command."""
    control = _CONTROL.search(text)
    hidden = find_hidden(text) if control is None else None
    command = workflow_command(text) if control is None and hidden is None else None
    if control is not None:
        char = control.group()
        what, hint = f"holds the control character {describe_control(char)}, which a posting cannot show", "remove it"
        locate: Callable[[str], int | None] = lambda t: _index(t, char)  # noqa: E731
    elif hidden is not None:
        what, hint = f"holds {hidden.describe()}, which can disguise text", "remove it"
        locate = lambda t: _index(t, hidden.char)  # noqa: E731
    elif command is not None:
        # Said in words: the message itself must not hold the sequence it warns about.
        what = ("holds '##' followed by '['" if command[1] == "##[" else "starts a line with '::'") + \
            ", which GitHub Actions runs as a workflow command when a CI log shows the posting"
        hint, locate = "reword it", _command_index
    else:
        return
    raise TemplateError(f"template text {what}", location=_written_at(locate, catalog_templates), hint=hint)


def _index(text: str, char: str) -> int | None:
    at = text.find(char)
    return None if at < 0 else at


def _command_index(text: str) -> int | None:
    found = workflow_command(text)
    return None if found is None else found[0]


def _written_at(locate: Callable[[str], int | None], folder: Path | None) -> Location | None:
    """The first place in the catalog's templates where ``locate`` finds the text; None when they write it
    another way (an escape in an expression) or it is made of a template's text and a value."""
    if folder is None or not folder.is_dir():
        return None
    for path in sorted(folder.rglob("*")):
        try:
            # Regular files of template size only: a named pipe would wait forever.
            if not path.is_file() or path.stat().st_size > MAX_TEMPLATE_BYTES:
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        at = locate(text)
        if at is not None:
            line = text.count("\n", 0, at) + 1
            return Location(display_path(path), line, at - (text.rfind("\n", 0, at) + 1) + 1)
    return None
