"""What holds for any correct dataset, whatever its records say: the real data is held by these
(tests/test_real_data.py), never by its bytes, so an editor who adds a correct record or
changes a note gets a green ``make test`` without touching tests/.

Each invariant takes a :class:`Built` site (a checked dataset, its views and its generated
files) and raises AssertionError, naming every record it finds at fault. None names a record
of the real data or counts them.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from sitecheck import Page
from titfortat.model import answers, vocab
from titfortat.model.dataset import Dataset
from titfortat.model.inbrief import link_parts
from titfortat.model.quotes import normalise
from titfortat.model.records import COLLECTIONS, Record, When
from titfortat.model.references import linked_texts
from titfortat.pipeline import DEFAULT_SITE, build_files
from titfortat.plan import urls
from titfortat.plan.views import Views

SITE = replace(DEFAULT_SITE, repo_blob_url="https://github.com/example/tit-for-tat/blob/main/")


def _target(page_url: str, link: str) -> str | None:
    """Where a relative link on a page leads, as a site-relative address without its
    fragment ("claims/x/"); None for links to other hosts."""
    if re.match(r"^[a-z]+:", link):
        return None
    path = link.split("#", 1)[0]
    if not path:
        return page_url
    resolved = posixpath.normpath(posixpath.join("/", page_url, path)).lstrip("/")
    if resolved in ("", "."):
        return ""
    return resolved + "/" if path.endswith("/") else resolved


@dataclass
class Built:
    """A checked dataset and every file generated from it."""

    dataset: Dataset
    files: Mapping[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.files:
            self.files = build_files(self.dataset, SITE)

    @cached_property
    def views(self) -> Views:
        return Views.build(self.dataset)

    def has(self, url: str) -> bool:
        return urls.source_path(url) in self.files

    def markdown(self, url: str) -> str:
        return self.files[urls.source_path(url)].decode("utf-8")

    def page(self, url: str) -> Page:
        return Page(self.markdown(url))

    def text(self, url: str) -> str:
        return self.page(url).text

    def targets(self, url: str) -> set[str]:
        """Every page the page at ``url`` links to (site-relative, no fragments)."""
        found = {_target(url, link) for link in self.page(url).links}
        return {t for t in found if t is not None}

    def parts(self, base: str) -> list[str]:
        """The pages of a listing split over ``base``, ``base/2/``..."""
        found: list[str] = []
        while self.has(urls.part_url(base, len(found) + 1)):
            found.append(urls.part_url(base, len(found) + 1))
        return found

    def table(self, name: str) -> list[dict[str, str]]:
        text = self.files[f"{urls.DOWNLOADS}csv/{name}.csv"].decode("utf-8")
        return list(csv.DictReader(io.StringIO(text, newline="")))


def statement_url(statement_id: str) -> str:
    return urls.record_url("statements", statement_id)


def _problems(found: Iterable[str]) -> None:
    problems = list(found)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])


# -- pages -----------------------------------------------------------------------------------


def every_record_has_its_page(site: Built) -> None:
    """A page for every statement, actor, place, event, source and exchange, and a row for
    every statement in the claims table."""
    missing = [
        f"{kind}/{record_id}"
        for kind in COLLECTIONS
        for record_id in getattr(site.dataset, kind)
        if not site.has(urls.record_url(kind, record_id))
    ]
    _problems(missing)
    listed: set[str] = set()
    for index in [urls.CLAIMS, *(t for t in site.targets(urls.CLAIMS) if "claims-by" in t)]:
        for part in site.parts(index):
            listed |= site.targets(part)
    _problems(
        f"{s} is not in the claims table"
        for s in site.dataset.statements
        if statement_url(s) not in listed
    )


def every_quote_is_on_its_statement_page(site: Built) -> None:
    """Each report's quotes, and the words of its states, answers and framing, on the
    statement's page; each report's source credited there."""
    problems = []
    for statement in site.dataset.statements.values():
        text = site.text(statement_url(statement.id))
        for _, evidence in statement.quotes():
            if normalise(evidence.quote) not in text:
                problems.append(f"{statement.id}: {evidence.quote!r}")
        targets = site.targets(statement_url(statement.id))
        for source_id in statement.sources():
            if urls.record_url("sources", source_id) not in targets:
                problems.append(f"{statement.id}: no link to its source {source_id}")
    _problems(problems)


def every_sentence_attributes_what_it_says(site: Built) -> None:
    """The sentence names who said it before what was said, credits every source that gives
    the whole, and says of those that give part only that they report it in part."""
    problems = []
    for view in site.views.statements.values():
        text = view.text
        said = text.find(" that ")
        frame = text[:said] if said >= 0 else ""
        who = site.dataset.actors[view.by_id].name.lower()
        if said < 0 or who not in frame.lower():
            problems.append(f"{view.id}: {text!r} does not say who said it first")
        for report in view.reports:
            if report.source.text not in (frame if report.whole else text):
                problems.append(f"{view.id}: {report.source.text!r} not credited")
        if view.partial_sources and not text.endswith("the same statement in part."):
            problems.append(f"{view.id}: a report in part is credited with the whole")
        page = site.text(view.url)
        if normalise(text) not in page:
            problems.append(f"{view.id}: its sentence is not on its page")
    _problems(problems)


def each_statement_is_once_on_the_timeline(site: Built) -> None:
    """Every statement, however many sources report it, is one entry of the timeline (on
    its one page, or on the pages of a split one); every dated event too."""
    anchors: Counter[str] = Counter()
    pages = [urls.TIMELINE, *(t for t in site.targets(urls.TIMELINE) if t.startswith("timeline"))]
    seen_pages: set[str] = set()
    for base in pages:
        for part in site.parts(base) if base != urls.TIMELINE else [urls.TIMELINE]:
            if part in seen_pages:
                continue
            seen_pages.add(part)
            for tag, attrs in site.page(part).tags:
                values = dict(attrs)
                if tag == "li" and "tft-entry" in (values.get("class") or ""):
                    anchors[str(values.get("id"))] += 1
    expected = [f"claim-{s}" for s in site.dataset.statements]
    expected += [f"event-{e}" for e, event in site.dataset.events.items() if event.date]
    _problems(f"{a} is on the timeline {anchors[a]} times" for a in expected if anchors[a] != 1)


def the_matrix_counts_each_accusation_once(site: Built) -> None:
    """Who accuses whom lists each accusation once, in its pair (or links to the rest of a
    long pair), and nothing else: no answer, position or author's own sentence; the key
    figures count the same."""
    views = site.views
    accusations = {s.id for s in views.accusations}
    pairs_pages = [urls.MATRIX]
    pairs_pages += [t for t in site.targets(urls.MATRIX) if t.startswith("matrix-by-accuser")]
    counted: Counter[str] = Counter()
    more: set[str] = set()
    for base in pairs_pages:
        for part in site.parts(base):
            markdown = site.markdown(part)
            if "## Pairs" in markdown:
                markdown = markdown.split("## Pairs", 1)[1]
            for item in markdown.split('<li class="tft-claim-item"')[1:]:
                link = Page(item.split("</li>", 1)[0]).links
                found = {_target(part, x) for x in link}
                for statement_id in views.statements:
                    if statement_url(statement_id) in found:
                        counted[statement_id] += 1
            more |= {t for t in site.targets(part) if t.endswith("/statements/")}
    problems = [f"{s} is in the pairs {counted[s]} times" for s in counted if counted[s] > 1]
    problems += [
        f"{s} is no accusation but is in the pairs" for s in counted if s not in accusations
    ]
    for statement_id in accusations - set(counted):
        view = views.statements[statement_id]
        full = urls.record_list(urls.record_url("actors", view.by_id))
        if full not in more:
            problems.append(f"{statement_id} is not in the pairs, nor linked from them")
    home = site.text(urls.HOME)
    figure = f"{len(accusations)} accusations, each counted once"
    if figure not in home:
        problems.append(f"the key figures do not say {figure!r}")
    _problems(problems)


def no_state_rests_on_an_untied_answer(site: Built) -> None:
    """Every answered state is set by an answer whose record ties it to that statement (by
    name, with quoted words, or by meeting it); standing positions and related denials set
    none; the downloads and the key figures say the same."""
    dataset, views = site.dataset, site.views
    problems = []
    answering = answers.answers_to(dataset)
    for view in views.statements.values():
        for step in view.history:
            if not step.state.answered:
                continue
            if step.answer_id is None or step.tie is None:
                problems.append(f"{view.id}: '{step.state}' with no answer behind it")
                continue
            answer = dataset.statements[step.answer_id]
            ties = [a for a in answer.answers if a.statement == view.id and a.state is step.state]
            if not ties:
                problems.append(f"{view.id}: {step.answer_id} does not tie itself to it")
            if ties and ties[0].tie is vocab.Tie.NAMED and not ties[0].evidence:
                problems.append(f"{view.id}: {step.answer_id} is tied by name with no words")
            if answer.kind is vocab.StatementKind.STANDING_POSITION:
                problems.append(f"{view.id}: a standing position set its state")
        for denial in views.related_denials(view.id):
            if denial.answer_id in {s.answer_id for s in view.history}:
                problems.append(f"{view.id}: the related denial {denial.answer_id} is a state")
        for entry in dataset.statements[view.id].status:
            if entry.state.answered:
                problems.append(f"{view.id}: '{entry.state}' written as a status")
    rows = {r["id"]: r for r in site.table("statements")}
    for statement in dataset.statements.values():
        current = answers.current(statement, dataset, answering)
        row = rows[statement.id]
        if (row["current_state"], row["current_as_of"]) != (current.state.value, current.as_of):
            problems.append(f"{statement.id}: the CSV's current state is not the pages'")
        if views.statements[statement.id].status is not current.state:
            problems.append(f"{statement.id}: its view's state is not model.answers'")
    answered = sum(1 for s in views.accusations if s.answered)
    tied = sum(len(s.answers) for s in dataset.statements.values())
    home = site.text(urls.HOME)
    for figure in (
        f"{answered} of them answered, in an answer a source ties to them",
        f"{tied} answers tied to the statements they answer",
    ):
        if figure not in home:
            problems.append(f"the key figures do not say {figure!r}")
    _problems(problems)


def _whens(record: object) -> Iterable[tuple[str, str]]:
    """Every (source, wording) a record's dates give, nested records included."""
    if isinstance(record, When):
        if record.source is not None and record.wording is not None:
            yield record.source, record.wording
        return
    if not isinstance(record, Record):
        return
    for name in type(record).model_fields:
        value = getattr(record, name)
        for item in value if isinstance(value, list) else [value]:
            yield from _whens(item)


def worded_blocks(dataset: Dataset) -> dict[str, set[int | str]]:
    """Per source, the blocks of its excerpt that hold words the data checks against it:
    the wording of a date, and a report's own wording (the accused, the speaker, a group)."""
    found: dict[str, set[int | str]] = {}
    wordings: list[tuple[str, str]] = []
    for kind in COLLECTIONS:
        for record in getattr(dataset, kind).values():
            wordings += list(_whens(record))
    for statement in dataset.statements.values():
        for report in statement.reports:
            own = [report.accused_as, report.speaker_as, *report.groups_as]
            wordings += [(report.source, words) for words in own if words]
    for source_id, words in wordings:
        paragraphs = dataset.paragraphs.get(source_id)
        if paragraphs is not None:
            found.setdefault(source_id, set()).update(paragraphs.blocks_with(words))
    return found


def every_paragraph_is_used_or_in_a_ledger(site: Built) -> None:
    """Each stored source accounts for every paragraph of its original: stored and used (a
    quote cites it, or it holds words the data checks, such as a date's), or in its ledger
    with the reason, never both; its page shows the ledger, a row for every paragraph."""
    views = site.views
    worded = worded_blocks(site.dataset)
    problems = []
    for source_id, paragraphs in site.dataset.paragraphs.items():
        source = site.dataset.sources[source_id]
        stored = set(paragraphs.cited)
        listed = [n for item in source.ledger for n in item.paragraphs]
        if source.original_paragraphs is None:
            problems.append(f"{source_id}: no original_paragraphs")
            continue
        if sorted(stored | set(listed)) != list(range(1, source.original_paragraphs + 1)):
            problems.append(f"{source_id}: paragraphs neither stored nor in the ledger")
        if stored & set(listed) or len(listed) != len(set(listed)):
            problems.append(f"{source_id}: a paragraph stored and in the ledger, or twice")
        quoted = views.quotes_by_paragraph.get(source_id, {})
        for number in stored:
            if not quoted.get(number) and number not in worded.get(source_id, set()):
                problems.append(f"{source_id}: paragraph {number} is stored but never used")
        rows = ledger_rows(site, source_id)
        if rows is None:
            problems.append(f"{source_id}: its page shows no ledger")
            continue
        shown: list[int] = []
        reasons = {item.reason.label for item in source.ledger}
        for cells in rows:
            first, _, last = cells[0].partition("-")
            shown += list(range(int(first), int(last or first) + 1))
            if cells[1] == "not coded" and not any(r in cells[2] for r in reasons):
                problems.append(f"{source_id}: a ledger row without its reason: {cells}")
        if shown != list(range(1, source.original_paragraphs + 1)):
            problems.append(f"{source_id}: its page's ledger rows are {shown}")
    _problems(problems)


def ledger_rows(site: Built, source_id: str) -> list[list[str]] | None:
    """The rows of a source page's ledger, as the text of their cells (None: no ledger)."""
    markdown = site.markdown(urls.record_url("sources", source_id))
    if "{ #ledger" not in markdown:
        return None
    table = markdown.split("{ #ledger", 1)[1].split("</table>", 1)[0]
    return [
        [Page(cell.split("</td>", 1)[0]).text for cell in row.split("<td>")[1:]]
        for row in table.split("<tr>")[2:]
    ]


def paragraphs_said_to_be_quoted_without_a_quote(site: Built) -> list[str]:
    """The ledger rows that say a paragraph is stored and quoted when no quote cites it."""
    found = []
    for source_id in site.dataset.paragraphs:
        for cells in ledger_rows(site, source_id) or []:
            if cells[1] == "stored and quoted" and cells[2].startswith("0 "):
                found.append(f"{source_id}: paragraph {cells[0]}")
    return found


# -- lists that are capped --------------------------------------------------------------------


def _listed(site: Built, url: str) -> set[str]:
    """What a record page links to, and, when it links to the record's full list, what every
    page of that list links to."""
    found = site.targets(url)
    full = urls.record_list(url)
    if full in found:
        for part in site.parts(full):
            found |= site.targets(part)
    return found


def record_page_lists(site: Built) -> dict[str, tuple[set[str], set[str]]]:
    """For every actor, place, event and source page: the statements and the events it
    names (each must be reachable from it)."""
    views = site.views
    found: dict[str, tuple[set[str], set[str]]] = {}
    for actor_id in site.dataset.actors:
        statements = {
            *views.said_by.get(actor_id, []),
            *views.voiced_by.get(actor_id, []),
            *views.spoken_about.get(actor_id, []),
            *views.named_backer.get(actor_id, []),
            *(
                s
                for s in views.about_group.get(actor_id, [])
                if views.statements[s].allegation.shelters
            ),
        }
        events = set(views.events_by_actor.get(actor_id, []))
        found[urls.record_url("actors", actor_id)] = (statements, events)
    for place_id in site.dataset.places:
        statements = set(views.at_place.get(place_id, []))
        for inner in views.descendants(place_id):
            statements |= set(views.at_place.get(inner, []))
        events = set(views.events_by_place.get(place_id, []))
        found[urls.record_url("places", place_id)] = (statements, events)
    for event_id in site.dataset.events:
        found[urls.record_url("events", event_id)] = (set(views.at_event.get(event_id, [])), set())
    for source_id in site.dataset.sources:
        statements = {*views.reported_in.get(source_id, []), *views.dated_by.get(source_id, [])}
        events = set(views.events_by_source.get(source_id, []))
        found[urls.record_url("sources", source_id)] = (statements, events)
    return found


def hidden_records(site: Built, url: str, statements: set[str], events: set[str]) -> list[str]:
    """The statements and events a record page names but neither shows nor links the rest
    of (its full list of statements, the events index)."""
    reachable = _listed(site, url)
    hidden = [f"{url}: {s}" for s in sorted(statements) if statement_url(s) not in reachable]
    direct = site.targets(url)
    for event_id in sorted(events):
        if urls.record_url("events", event_id) not in direct and urls.EVENTS not in direct:
            hidden.append(f"{url}: event {event_id}")
    return hidden


def no_list_hides_a_record(site: Built) -> None:
    """A record page that shows only the first of a list links to the rest: every statement
    and event it names is on it or one link away."""
    _problems(
        problem
        for url, (statements, events) in record_page_lists(site).items()
        for problem in hidden_records(site, url, statements, events)
    )


# -- notes -----------------------------------------------------------------------------------


def note_text(site: Built, text: str) -> str:
    """A note as its page shows it: links as their words, or the record's name."""
    shown = ""
    for part in link_parts(text):
        if part.collection is None or part.record_id is None:
            shown += part.text
        else:
            shown += part.text or site.views.record_name(part.collection, part.record_id)
    return normalise(shown)


def notes_not_on_their_pages(site: Built) -> list[str]:
    """Every note of every record (its own, its reports', states', answers', framing's,
    ledger's, aliases' and posts') that is not on the record's page, as "kind/id field"."""
    missing = []
    for kind in COLLECTIONS:
        records: Mapping[str, Record] = getattr(site.dataset, kind)
        for record_id, record in records.items():
            url = urls.record_url(kind, record_id)
            text = site.text(url)
            for loc, note in linked_texts(record):
                if note_text(site, note) not in text:
                    where = ".".join(str(step) for step in loc)
                    missing.append(f"{url} {where}")
    return missing


def every_note_reaches_its_page(site: Built) -> None:
    """Every note is on its record's page, its links as links."""
    _problems(notes_not_on_their_pages(site))


# -- the In brief and the exchanges -----------------------------------------------------------


def summaries_cite_pages_that_exist(site: Built) -> None:
    """The In brief and every exchange's summary link the statements they cite; each exchange
    page cites its statements, and each of those links back to it."""
    problems = []
    if site.dataset.in_brief is not None:
        home = site.targets(urls.HOME)
        for statement_id in site.dataset.in_brief.cited_statements():
            if statement_url(statement_id) not in home:
                problems.append(f"the In brief does not link {statement_id}")
    for exchange_id, exchange in site.dataset.exchanges.items():
        url = urls.record_url("exchanges", exchange_id)
        targets = site.targets(url)
        for statement_id in exchange.statements:
            if statement_url(statement_id) not in targets:
                problems.append(f"{url} does not link {statement_id}")
            if url not in site.targets(statement_url(statement_id)):
                problems.append(f"{statement_id} does not link its exchange {exchange_id}")
        if url not in site.targets(urls.EXCHANGES):
            problems.append(f"the exchanges index does not link {exchange_id}")
    _problems(problems)


INVARIANTS: tuple[Callable[[Built], None], ...] = (
    every_record_has_its_page,
    every_quote_is_on_its_statement_page,
    every_sentence_attributes_what_it_says,
    each_statement_is_once_on_the_timeline,
    the_matrix_counts_each_accusation_once,
    no_state_rests_on_an_untied_answer,
    every_paragraph_is_used_or_in_a_ledger,
    no_list_hides_a_record,
    every_note_reaches_its_page,
    summaries_cite_pages_that_exist,
)
"""Every invariant of the real data, in the order tests/test_real_data.py runs them."""
