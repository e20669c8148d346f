"""DOCX postings: the posting's Markdown written onto a reference document, without python-docx at run time.

:mod:`~jdgen.render.docx.posting_docx` picks a posting's brand (the company's reference
document and logo, paper size) and hands its Markdown to :mod:`~jdgen.render.docx.writer`,
which writes WordprocessingML around :class:`~jdgen.render.docx.reference.Reference`, a
reference document parsed once for every posting. Below them: :mod:`~jdgen.render.docx.opc`
(packaging plumbing), :mod:`~jdgen.render.docx.deterministic_zip` (reproducible archives),
:mod:`~jdgen.render.docx.package` (reading an untrusted .docx within limits),
:mod:`~jdgen.render.docx.carry` (what of a reference reaches a posting),
:mod:`~jdgen.render.docx.logo` and :mod:`~jdgen.render.docx.readback` (a .docx read back
as text, for ``--check`` and tests). :mod:`~jdgen.render.docx.make_reference` is the tool
that generates the shipped reference documents; nothing at run time imports it.
"""
