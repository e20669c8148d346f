"""The one exception tree of jdgen and the one map from exceptions to exit codes.

Exit codes are a contract with CI scripts:

====  =======================================================

0     success, nothing at error level
1     the input is invalid, or lint found error-level problems
2     usage, configuration or I/O error (the command could not run)
3     internal error: a bug in jdgen, reported in one line
====  =======================================================


Only :func:`exit_code_for` turns an exception into a number; the CLI calls it and
nothing else decides.
"""

from __future__ import annotations

from typing import Sequence

from .diagnostics import Diagnostic, Location

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class JdgenError(Exception):
    """Base of every error jdgen raises on purpose. Printed as one line, never a traceback."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, hint: str | None = None, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.location = location

    def diagnostics(self) -> Sequence[Diagnostic]:
        return [Diagnostic(self.location, self.message, self.hint)]

    def __str__(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics())


class UsageError(JdgenError):
    """The command line asks for something that cannot be done as written."""


class ConfigError(JdgenError):
    """A configuration file (jdgen.toml, pyproject.toml, a reference DOCX) is wrong."""


class SourceError(JdgenError):
    """A path is missing, unreadable, or not what it should be."""


class NotFoundError(JdgenError):
    """A role code, alias, company or template that the catalog does not have."""


class TemplateError(JdgenError):
    """A Jinja template failed to compile or render; the location names the template line."""


class OutputError(JdgenError):
    """An output could not be written."""


class NotAFileError(SourceError):
    """Entries named like catalog files that are no regular files: folders, dead or looping links, pipes.

    Silently passing over them would hide a role or company the author believes is in
    the catalog, and reading a named pipe would wait forever. They are I/O problems
    (exit 2), like a file that cannot be read, and all of them are named at once.
    """

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(diagnostics[0].message, hint=diagnostics[0].hint)
        self._diagnostics = diagnostics

    def diagnostics(self) -> list[Diagnostic]:
        return self._diagnostics


class InvalidInputError(JdgenError):
    """One or more input files break the contract. Carries every problem found, not only the first."""

    exit_code = EXIT_INVALID

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        first = diagnostics[0] if diagnostics else Diagnostic(None, "invalid input")
        super().__init__(first.message, hint=first.hint, location=first.location)
        self._diagnostics = list(diagnostics)

    def diagnostics(self) -> Sequence[Diagnostic]:
        return self._diagnostics


def os_reason(error: OSError) -> str:
    """What the system said went wrong, as the end of a jdgen sentence: 'no space left on device'."""
    reason = (error.strerror or str(error) or type(error).__name__).rstrip(".")
    return reason[:1].lower() + reason[1:]


def from_os_error(error: OSError) -> JdgenError:
    """An operating-system error that escaped the places that word their own, as one line.

    The file system, a full disk or a closed pipe are the machine's state, not a bug in
    jdgen: they are I/O errors (exit 2) naming the path when the system gave one.
    """
    reason = os_reason(error)
    if error.filename is not None:
        return SourceError(f"cannot use {error.filename}: {reason}", hint="check the path and its permissions")
    return OutputError(f"I/O error: {reason}")


def exit_code_for(error: BaseException) -> int:
    """The exit code for any exception that reaches the command line."""
    if isinstance(error, JdgenError):
        return error.exit_code
    if isinstance(error, OSError):
        return from_os_error(error).exit_code
    if isinstance(error, KeyboardInterrupt):
        return 130
    return EXIT_INTERNAL


class UnreadableDocxError(SourceError):
    """A .docx that jdgen will not read: broken, encrypted, oversized, or shaped like an attack.

    ``reason`` is the part of the message after the file's name, so that ``render --check``
    can say why a committed document counts as stale without repeating its path.
    """

    def __init__(self, message: str, *, hint: str | None = None, location: Location | None = None,
                 reason: str = ""):
        super().__init__(message, hint=hint, location=location)
        self.reason = reason or message


class UnsafePathError(SourceError):
    """A catalog input that leads outside the catalog through a symbolic link: refused, never read.

    An I/O problem (exit 2) like any file jdgen cannot use; its message names the file
    in the catalog and never what lies outside.
    """
