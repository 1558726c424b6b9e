"""Generated pieces that hand-written pages include (with pymdownx.snippets)."""

from __future__ import annotations

from jinja2 import Environment

from titfortat.model import vocab
from titfortat.model.dataset import Dataset
from titfortat.plan import urls


def render_snippets(environment: Environment, dataset: Dataset) -> dict[str, bytes]:
    """The vocabulary tables of the method page and the citation block."""
    vocabularies = environment.get_template("snippets/vocabularies.md.j2").render(
        vocabularies=vocab.VOCABULARIES, page_url=urls.METHOD
    )
    citation = environment.get_template("snippets/citation.md.j2").render(
        info=dataset.info, page_url=urls.METHOD
    )
    return {
        f"{urls.SNIPPETS}vocabularies.md": vocabularies.encode("utf-8"),
        f"{urls.SNIPPETS}citation.md": citation.encode("utf-8"),
    }
