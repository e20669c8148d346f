"""The rules, one module per topic: importing this package registers every rule (see :mod:`jdgen.lint.ruleset`)."""

from . import inclusion, language, level, pay, readability, review, sections, structure, templates, translations  # noqa: F401
