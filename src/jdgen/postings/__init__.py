"""``jdgen render``: which postings a command asks for, rendering them, and writing or checking the files.

:mod:`~jdgen.postings.batch` plans a batch (roles × companies × formats), composes and
renders each posting (Markdown first, every other format from it) and delivers the
files through :mod:`jdgen.filesystem.writing`; :mod:`~jdgen.postings.staleness` is
``--check``: are the committed files what the catalog renders now?
"""
