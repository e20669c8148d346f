"""Renderers: Markdown and HTML through Jinja templates, JSON-LD from the posting, DOCX from the Markdown."""
