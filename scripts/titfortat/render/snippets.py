"""Generated pieces that hand-written pages include (with pymdownx.snippets)."""

from __future__ import annotations

from jinja2 import Environment

from titfortat.model import vocab
from titfortat.model.dataset import Dataset

SNIPPET_FOLDER = "snippets"
"""Inside the generated folder; excluded from the site as pages of its own."""


def render_snippets(environment: Environment, dataset: Dataset) -> dict[str, bytes]:
    """The vocabulary tables of the method page and the citation block."""
    vocabularies = environment.get_template("snippets/vocabularies.md.j2").render(
        vocabularies=vocab.VOCABULARIES, page_url="method/"
    )
    citation = environment.get_template("snippets/citation.md.j2").render(
        info=dataset.info, page_url="method/"
    )
    return {
        f"{SNIPPET_FOLDER}/vocabularies.md": vocabularies.encode("utf-8"),
        f"{SNIPPET_FOLDER}/citation.md": citation.encode("utf-8"),
    }
