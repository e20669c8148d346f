"""The Markdown a posting renders to, for the rules that judge what a candidate sees.

Most rules read the posting's texts (:mod:`.texts`), which point at YAML lines. A few
questions are only answered by the page itself: which headings are printed with nothing
under them, what the first screen shows, which years line the template adds. Those rules
ask here. The page is rendered once per posting with the catalog's own templates (so a
catalog that moves pay under the title is judged by where it put it) and kept on the
posting, since several rules ask. A template that fails to render gives None: JD701
reports it, and the rules that need the page stay quiet rather than guess.
"""

from __future__ import annotations

from ..compose.posting import Posting
from ..errors import JdgenError


def own_page_template(ctx) -> bool:
    """Whether the catalog brings its own ``templates/posting.md.j2``.

    Rendering a posting costs more than all the other rules on it when its lists are long,
    and the answers the page gives are known for the built-in template: it prints no heading
    without content and puts the pay in the line under the title (tests/test_posting_voice.py
    checks both on every shipped posting and on a profile without responsibilities). So the
    rules that read the page read it only for a catalog's own template.
    """
    own = ctx.__dict__.get("_own_page_template")
    if own is None:  # asked for every posting by two rules: looked up once per run
        own = ctx.__dict__["_own_page_template"] = (ctx.catalog.templates_dir / "posting.md.j2").is_file()
    return own


def rendered_markdown(ctx, posting: Posting) -> str | None:
    """The posting's Markdown as ``jdgen render`` writes it, or None when its template fails."""
    cache = posting.__dict__  # frozen dataclass: kept beside the fields, as texts.posting_texts does
    if "_lint_markdown" not in cache:
        from ..render.markdown import render_markdown

        try:
            cache["_lint_markdown"] = render_markdown(posting, ctx.catalog.templates_dir)
        except JdgenError:
            cache["_lint_markdown"] = None
    return cache["_lint_markdown"]
