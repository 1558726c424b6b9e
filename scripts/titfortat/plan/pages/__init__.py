"""The site's pages, one module per family (home, timeline, claims, actors...)."""
