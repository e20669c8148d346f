"""Profile + level + company → :class:`~jdgen.compose.posting.Posting`, the one input of every renderer.

:mod:`~jdgen.compose.merge` holds the rules by which a company's overrides go onto a role
profile, remembering where every value came from; :mod:`~jdgen.compose.posting` applies
them and builds the posting. ``jdgen validate`` runs the same merge to report a broken
override before any render does.
"""
