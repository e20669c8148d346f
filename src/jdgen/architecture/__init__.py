"""The job architecture across roles: which code a title means, and how roles relate.

:mod:`~jdgen.architecture.resolve` turns a title such as "Sr. Machine Learning" into a
role code (``jdgen resolve``, and ``render`` when given a title);
:mod:`~jdgen.architecture.relations` measures the distance between roles and builds the
``adjacent``, ``compare`` and ``ladder`` views; :mod:`~jdgen.architecture.pay` words pay
the same way for ``show``, ``compare`` and ``ladder``.
"""
