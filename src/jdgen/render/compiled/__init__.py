"""Jinja's compiled form of the shipped posting templates; see :mod:`jdgen.render.precompiled`.

Written by ``python -m jdgen.render.compile_shipped``: do not edit.
"""

JINJA_VERSION = '3.1.6'
CODE_DIGEST = '72d0f3e46af158673e74fb8236a007ded79bf60d47c4d4b49d5b887c999ef76f'
# (environment kind, template name): (module here, sha256 of the template's text)
TEMPLATES = {
    ('md', 'posting.md.j2'): ('posting_md', '4652ed991de6852205fe75477ddb82a04fb9a24a7e3b68423179c4caa2ce8fc7'),
    ('html', 'posting.html.j2'): ('posting_html', '39283e1f997499ebb6c410b485ec408d00836e99aedc5207942b6e3c2146a906'),
}
