"""The posting's fixed words ("About the role", "per year") in its language, through gettext.

Every fixed string of the shipped templates and of :mod:`jdgen.render.context` is an English
message id; a message catalog per language translates it. Two places hold catalogs:

* **Shipped** (``src/jdgen/locales/<lang>/LC_MESSAGES/jdgen.mo``, compiled from the ``.po``
  beside it and committed): read with the standard library's ``gettext``, which costs 1.5 ms.
  Compiling the ``.po`` at every start instead would cost about 80 ms on every German or
  French render (Babel's PO reader: 45-52 ms to import, 32-37 ms to parse and compile, on the
  development VM); ``tests/test_locale_catalogs.py`` fails when a
  committed ``.mo`` is not what its ``.po`` compiles to, so the two cannot drift.
* **A catalog's own** (``<catalog>/locales/<lang>/LC_MESSAGES/jdgen.po``): a catalog adds a
  language, or rewords a shipped one (a company that addresses applicants as "du" rather
  than "Sie"), without touching Python. Only the ``.po`` is read, never a ``.mo``: the source
  is what reviewers read in a pull request, and a binary beside it could say something else.
  It is parsed with Babel's PO reader and compiled in memory; its messages come first, the
  shipped catalog of the language fills the rest, English the remainder.

A catalog's PO file comes with its pull requests, so it is untrusted data: at most 1 MB of
UTF-8; fuzzy entries are skipped (as ``msgfmt`` does); a translation may use only the
``%(name)s`` placeholders of its message id (so it can neither pad a value to a gigabyte with
``%(name)999999999s`` nor fail at render time on a name the template does not pass), and
``%%`` for a percent sign. PO files hold no code; the one expression they carry, the
``Plural-Forms`` header, is read by the standard library's ``gettext``, which accepts only
arithmetic on ``n``. Every problem is one line at the PO file's line (exit 2).

A posting in a language that neither jdgen nor the catalog translates stops with an error
naming the file to add: its headings would be English under a ``lang`` tag that says otherwise.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..diagnostics import Location
from ..errors import ConfigError, os_reason
from ..filesystem.containment import confine, lexical_shown, not_a_file_error, read_regular

DOMAIN = "jdgen"
SHIPPED = Path(__file__).resolve().parents[1] / "locales"
MAX_PO_BYTES = 1_000_000
_PLACEHOLDER = re.compile(r"%(?:%|\((\w+)\)s)")
_PO_LINE = re.compile(r'\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*')


def N_(message: str) -> str:
    """Marks ``message`` for extraction into the message catalogs; it is translated where it is printed."""
    return message


def shipped_languages() -> tuple[str, ...]:
    """The languages jdgen translates itself: English (the message ids) and every shipped catalog."""
    return ("en", *sorted(p.name for p in SHIPPED.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()))


def catalog_po(root: Path | None, language: str) -> Path | None:
    """The catalog's PO file for ``language`` (``root`` is the catalog's folder), if it names one."""
    if root is None:
        return None
    path = root / "locales" / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    return path if os.path.lexists(path) else None


def translations(language: str, root: Path | None = None,
                 where: Callable[[], Location | None] | None = None) -> _gettext.NullTranslations:
    """The translations of ``language``: the catalog's PO file (``root`` is the catalog's folder),
    then jdgen's own catalog, then the English message ids.

    ``where`` names the company-file line that chose the language, for the error when there
    is no catalog for it (a callable: finding the line is left for when it is needed).
    """
    stamp = _catalog_stamp(root, language)
    if stamp is None and language != "en" and _shipped(language) is None:
        folder = lexical_shown(root / "locales") if root is not None else "locales"
        raise ConfigError(f"no translation of the posting templates into {language!r} (jdgen ships "
                          f"{', '.join(shipped_languages())})",
                          location=where() if where is not None else None,
                          hint=f"add {folder}/{language}/LC_MESSAGES/{DOMAIN}.po to the catalog, "
                               "translated from jdgen's locales/jdgen.pot")
    return _combined(language, stamp)


@lru_cache(maxsize=64)
def _catalog_stamp(root: Path | None, language: str) -> tuple[str, str, int, int] | None:
    """Which PO file of the catalog translates ``language`` (its real path, how messages name it,
    mtime and size), or None. Looked up once per process, as templates are compiled once."""
    po = catalog_po(root, language)
    if po is None:
        return None
    real = confine(root, po)   # a link in the catalog may lead elsewhere in it, never out of it
    try:
        stat = os.stat(real)
    except OSError as exc:
        raise ConfigError(f"cannot read {lexical_shown(po)}: {os_reason(exc)}",
                          hint="check the file and its permissions") from None
    return str(real), lexical_shown(po), stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=16)
def _shipped(language: str) -> _gettext.NullTranslations | None:
    path = SHIPPED / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if language == "en" or not path.is_file():
        return None
    with open(path, "rb") as handle:
        return _gettext.GNUTranslations(handle)


@lru_cache(maxsize=16)
def _combined(language: str, stamp: tuple[str, str, int, int] | None) -> _gettext.NullTranslations:
    shipped = _shipped(language)
    if stamp is None:
        return shipped or _gettext.NullTranslations()
    own = read_catalog_po(Path(stamp[0]), stamp[1])
    if shipped is not None:
        own.add_fallback(shipped)
    return own


def read_catalog_po(path: Path, shown: str) -> _gettext.GNUTranslations:
    """A catalog's PO file (``shown`` in messages) as translations, checked as the module docstring says."""
    try:
        got = read_regular(path, MAX_PO_BYTES)
    except OSError as exc:
        raise ConfigError(f"cannot read {shown}: {os_reason(exc)}", hint="check the file and its permissions") from None
    if isinstance(got, str):
        raise not_a_file_error(shown, got)
    data, _ = got
    if len(data) > MAX_PO_BYTES:
        raise ConfigError(f"{shown} is larger than 1 MB", location=Location(shown, 1, 1),
                          hint="a translation of the posting templates needs a few kilobytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ConfigError(f"{shown} is not UTF-8: byte 0x{data[exc.start]:02x} cannot be read",
                          location=Location(shown, line, 1), hint="save the file as UTF-8") from None
    for number, line in enumerate(text.splitlines(), 1):
        # Babel's reader forgives a missing closing quote by dropping the last character; say it instead.
        if line.strip() and not line.lstrip().startswith("#") and not _PO_LINE.fullmatch(line):
            raise ConfigError(f"{shown} is not a PO file: this line is not a keyword and a quoted string",
                              location=Location(shown, number, 1),
                              hint='write msgid "...", msgstr "..." or a "..." continuation, quotes closed') from None
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    try:
        catalog = read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:
        raise ConfigError(f"{shown} is not a PO file: {str(exc).rsplit(' on ', 1)[0]}",
                          location=Location(shown, (exc.lineno or 0) + 1, 1),
                          hint="check the msgid and msgstr entries around this line") from None
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{shown} is not a PO file: {exc}", location=Location(shown, 1, 1),
                          hint="check the header entry (msgid \"\")") from None
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        allowed = {name for msgid in ids for name in _PLACEHOLDER.findall(msgid) if name}
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        for string in strings:
            problem = _placeholder_problem(string or "", allowed)
            if problem:
                raise ConfigError(f"the translation of {ids[0]!r} {problem}",
                                  location=Location(shown, message.lineno or 1, 1),
                                  hint="use only the %(name)s placeholders of the msgid, and %% for a percent sign")
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    try:
        return _gettext.GNUTranslations(buffer)
    except (ValueError, SyntaxError, RecursionError, OSError) as exc:
        # The one expression a PO file holds: gettext refuses anything but arithmetic on n.
        raise ConfigError(f"{shown} has a Plural-Forms header gettext cannot use ({exc})",
                          location=Location(shown, 1, 1),
                          hint="write it as in GNU gettext's manual, e.g. nplurals=2; plural=(n != 1);") from None


def _placeholder_problem(string: str, allowed: set[str]) -> str | None:
    """Why ``string`` cannot be formatted with the msgid's values, or None."""
    used = 0
    for match in _PLACEHOLDER.finditer(string):
        if match.group(1) and match.group(1) not in allowed:
            return f"uses %({match.group(1)})s, which its msgid does not have"
        used += 2 if match.group(0) == "%%" else 1
    if string.count("%") != used:
        return "has a % that is neither %(name)s nor %%"
    return None
