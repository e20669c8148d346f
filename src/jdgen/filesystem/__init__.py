"""The file system, as jdgen touches it: reads stay inside the catalog, writes inside the chosen folder.

:mod:`~jdgen.filesystem.containment` walks every catalog input from the catalog root
without following a link out and reads only bounded regular files;
:mod:`~jdgen.filesystem.writing` writes outputs atomically, by name inside the folder the
user chose, never through a link. Every stage that reads or writes a file uses these two.
"""
