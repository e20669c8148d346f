"""Importing this package registers every rule (see :mod:`jdgen.lint.registry`)."""

from . import language, level, pay, readability, sections, structure, templates  # noqa: F401
