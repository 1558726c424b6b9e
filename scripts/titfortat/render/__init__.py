"""Render: planned pages through their Jinja templates to Markdown text (templates/)."""
