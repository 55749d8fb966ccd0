"""The `parkgraph` command: normalize, extract, load, query, export, serve.

Errors are one line on standard error and a non-zero exit status, never a trace.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from parkgraph.config import Settings
from parkgraph.graph.errors import NotFound, StoreError
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.model import Entity, Reach
from parkgraph.graph.store import Store
from parkgraph.loaders.lexicon import LexiconError, load_lexicon
from parkgraph.loaders.normalize import normalize
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.roster import RosterDocument, with_rosters
from parkgraph.loaders.sources import SourceError, read_document
from parkgraph.loading import LoadReport, collect_documents, load_files
from parkgraph.ontology.vocab import load_vocabulary
from parkgraph.stores import open_store

if TYPE_CHECKING:
    # the `neo4j` commands import it themselves: it brings the driver and the exports, a quarter of a
    # second that every other command (a load, a query) would wait for at start
    from parkgraph import neo4j_server
    from parkgraph.loaders.evaluation import Scores
    from parkgraph.loaders.training import CrossValidation, Example

app = typer.Typer(help="A knowledge graph of industrial-park Party-building.", no_args_is_help=True)
query_app = typer.Typer(help="Ask the graph the analysts' headline questions.", no_args_is_help=True)
app.add_typer(query_app, name="query")
neo4j_app = typer.Typer(
    help="Run the bundled Neo4j server (needs Java 17+ and Maven; folder: $PARKGRAPH_NEO4J_HOME).",
    no_args_is_help=True,
)
app.add_typer(neo4j_app, name="neo4j")
out = Console()
err = Console(stderr=True, soft_wrap=True)

StoreOpt = Annotated[
    str | None, typer.Option("--store", help="embedded or neo4j (default: $PARKGRAPH_STORE)")
]
DataOpt = Annotated[
    Path | None, typer.Option("--data", help="embedded store file (default: $PARKGRAPH_DATA)")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON instead of a table")]
ConfidenceOpt = Annotated[
    float,
    typer.Option("--min-confidence", min=0.0, max=1.0, help="walk only relations at least this confident"),
]


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


class ExportFormat(StrEnum):
    turtle = "turtle"
    json_ld = "json-ld"
    graphml = "graphml"
    csv = "csv"


def warn(source: str, message: str) -> None:
    """A document read with something dropped (mojibake): said on stderr, the rest still used."""
    err.print(f"[yellow]warning:[/yellow] {source}: {message}", highlight=False)


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


def settings_for(store: str | None, data: Path | None) -> Settings:
    overrides: dict[str, object] = {}
    if store:
        overrides["store"] = store
    if data:
        overrides["data"] = data
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}" for e in exc.errors()
        )
        raise fail(f"bad settings: {problems}") from None


@contextmanager
def opened(store: str | None, data: Path | None) -> Iterator[Store]:
    """The configured store; its errors become one line and exit status 2."""
    try:
        graph = open_store(settings_for(store, data))
    except StoreError as exc:
        raise fail(str(exc)) from None
    try:
        yield graph
    except (StoreError, NotFound) as exc:
        raise fail(str(exc)) from None
    finally:
        graph.close()


@app.command("normalize")
def normalize_command(file: Path) -> None:
    """Print a document's normalized text (the text extraction offsets index; a roster's rows as lines)."""
    try:
        raw = read_document(file, with_rosters(load_lexicon()))
    except (SourceError, LexiconError) as exc:
        raise fail(str(exc)) from None
    if isinstance(raw, RosterDocument):
        sys.stdout.write(raw.text)
        return
    normalized = normalize(raw.text)
    for message in normalized.warnings:
        warn(raw.source, message)
    sys.stdout.write(normalized.text)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="document files or folders")],
    format: Annotated[ExtractFormat, typer.Option("--format", help="jsonl: one document per line")] = (
        ExtractFormat.jsonl
    ),
) -> None:
    """Print the entities and relations of each document (SCHEMA.md interchange format)."""
    report = LoadReport()
    try:
        pipeline = Pipeline(warn=warn)
    except LexiconError as exc:
        raise fail(str(exc)) from None
    documents = []
    for path in collect_documents(files, report):
        for where, facts in pipeline.extract_all(path):
            if isinstance(facts, Exception):
                report.fail(where, facts)
            else:
                documents.append(facts.interchange())
    if format is ExtractFormat.jsonl:
        for doc in documents:
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(documents, ensure_ascii=False, indent=1) + "\n")
    _report_failures(report)
    if not report.ok:
        raise typer.Exit(1)


def _report_failures(report: LoadReport) -> None:
    for path, message in report.failures:
        err.print(f"[red]skipped[/red] {path}: {message}", highlight=False)


@contextmanager
def stopping_signals() -> Iterator[Callable[[], str]]:
    """SIGTERM and SIGINT noted instead of ending the process: the work in hand finishes and commits.

    Yields a function saying which signal came (empty while none has); a second signal acts as usual.
    """
    caught: list[str] = []
    if threading.current_thread() is not threading.main_thread():
        yield lambda: ""
        return
    previous = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}

    def note(number: int, frame: object) -> None:
        caught.append(signal.Signals(number).name)
        for restored, handler in previous.items():
            signal.signal(restored, handler)

    for number in previous:
        signal.signal(number, note)
    try:
        yield lambda: caught[0] if caught else ""
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def load_into(graph: Store, paths: list[Path], console: Console, jobs: int | None = None) -> LoadReport:
    """Load documents with a progress bar; returns what loaded, what was unchanged and what failed.

    SIGTERM or SIGINT stops it after the document in hand, which is committed like those before.
    `jobs` worker processes extract (see `load_files`).
    """
    report = LoadReport()
    files = collect_documents(paths, report)
    with (
        stopping_signals() as stop,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("loading", total=len(files))
        load_files(
            graph,
            files,
            report,
            on_file=lambda _: progress.advance(task),
            stop=stop,
            jobs=jobs,
            warn=warn,
        )
    for result in report.results:
        for message in result.warnings:
            warn(result.source, f"{result.status}, but {message}")
    return report


@app.command()
def load(
    paths: Annotated[list[Path], typer.Argument(help="document files or folders")],
    store: StoreOpt = None,
    data: DataOpt = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="processes extracting at once while one loads (default: one per core for inputs"
            " of 256 KiB or more; 1: all in this process)",
        ),
    ] = None,
) -> None:
    """Extract documents and load them into the graph; exit status 1 if any could not be loaded."""
    with opened(store, data) as graph:
        report = load_into(graph, paths, err, jobs)
        loaded = sum(r.status == "loaded" for r in report.results)
        unchanged = len(report.results) - loaded
        empty = sum(bool(r.warnings) for r in report.results)
        _report_failures(report)
        out.print(
            f"{loaded} loaded, {unchanged} unchanged, {len(report.failures)} failed"
            + (f", {empty} with no facts found" if empty else "")
            + (f"; stopped by {report.stopped}, the rest not tried" if report.stopped else ""),
            highlight=False,
        )
    if report.stopped:
        raise typer.Exit(STOPPED_EXIT)
    if not report.ok:
        raise typer.Exit(1)


STOPPED_EXIT = 3
"""`parkgraph load`'s exit status when a signal stopped it before its last file."""


@app.command()
def migrate(
    source: Annotated[Path, typer.Argument(help="a JSON store of an earlier parkgraph (graph.json)")],
    target: Annotated[
        Path | None, typer.Argument(help="the new SQLite store (default: SOURCE with the suffix .db)")
    ] = None,
) -> None:
    """Convert a JSON store of an earlier version into a SQLite store; the JSON file is left as it was."""
    from parkgraph.graph.embedded import json_migration_target, migrate_json

    target = target or json_migration_target(source)
    if target.exists():
        raise fail(f"{target} exists already; give a new file to convert {source} into")
    try:
        documents = migrate_json(source, target)
    except StoreError as exc:
        raise fail(str(exc)) from None
    out.print(f"{documents} documents converted into {target}; use it with --data {target}", highlight=False)


CANDIDATES_SHOWN = 20
"""Most candidates an ambiguous name lists; a name matching more should be made longer."""


def resolve_entity(graph: Store, ref: str) -> Entity:
    """An entity by id, or by a name or alias that picks out one entity.

    A name that picks out several is not guessed at: the candidates are listed on stderr, one line each with
    id, type and documents, and the command ends with one line and exit status 2."""
    found = graph.entity(ref)
    if found:
        return found
    hits = graph.search(ref, limit=CANDIDATES_SHOWN + 1)
    named = [e for e in hits if e.name == ref]
    if len(named) == 1:
        return named[0]
    exact = [e for e in hits if ref in (e.name, *e.aliases)]
    if len(exact) == 1 or (len(hits) == 1 and not exact):
        return (exact or hits)[0]
    if not hits:
        raise fail(f"no entity is named {ref!r}")
    candidates = exact or hits
    shown = candidates[:CANDIDATES_SHOWN]
    err.print(_candidate_table(graph, shown, f"entities matching {ref}"))
    many = f"more than {len(shown)}" if len(candidates) > len(shown) else str(len(shown))
    raise fail(f"{ref!r} matches {many} entities (listed above): give one of their ids")


def _candidate_table(graph: Store, entities: list[Entity], title: str) -> Table:
    """One line per entity with the documents it comes from, so a person can tell same-named ones apart."""
    table = Table(title=title)
    table.add_column("id", no_wrap=True)
    for col in ("type", "name", "aliases", "documents"):
        table.add_column(col, overflow="fold")
    for e in entities:
        sources = [info.source for doc_id in e.documents if (info := graph.document(doc_id)) is not None]
        table.add_row(e.id, "/".join(e.labels), e.name, "、".join(e.aliases), ", ".join(sources))
    return table


def _entity_table(entities: list[Entity], title: str) -> Table:
    table = Table(title=title)
    for col in ("id", "type", "name", "aliases"):
        table.add_column(col)
    for e in entities:
        table.add_row(e.id, "/".join(e.labels), e.name, "、".join(e.aliases))
    return table


def _reach_output(reaches: list[Reach], title: str, as_json: bool) -> None:
    if as_json:
        out.print_json(json.dumps([r.model_dump() for r in reaches], ensure_ascii=False))
        return
    table = Table(title=title)
    for col in ("depth", "type", "name", "via", "evidence"):
        table.add_column(col)
    for r in reaches:
        last = r.path[-1] if r.path else None
        evidence = last.evidence[0].text if last and last.evidence else ""
        table.add_row(str(r.depth), r.entity.type, r.entity.name, last.type if last else "", evidence)
    out.print(table)


@query_app.command("search")
def query_search(
    text: str,
    type_: Annotated[str | None, typer.Option("--type", help="entity type, e.g. Committee")] = None,
    limit: int = 20,
    store: StoreOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Entities whose name or alias contains TEXT (traditional or simplified)."""
    vocabulary = load_vocabulary()
    known = [*vocabulary.entity_types, *vocabulary.extra_labels]
    if type_ is not None and type_ not in known:
        raise fail(f"unknown type {type_!r}; one of {', '.join(known)}")
    with opened(store, data) as graph:
        try:
            hits = graph.search(text, type_=type_, limit=limit)
        except ValueError as exc:
            raise fail(str(exc)) from None
        if as_json:
            out.print_json(json.dumps([e.model_dump() for e in hits], ensure_ascii=False))
        else:
            out.print(_entity_table(hits, f"entities matching {text}"))


@query_app.command("enterprises")
def query_enterprises(
    entity: str,
    min_confidence: ConfidenceOpt = 0.0,
    store: StoreOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Which enterprises fall under an organization (a joint branch, a committee), with evidence."""
    with opened(store, data) as graph:
        org = resolve_entity(graph, entity)
        _reach_output(
            graph.enterprises_under(org.id, min_confidence), f"enterprises under {org.name}", as_json
        )


@query_app.command("hierarchy")
def query_hierarchy(
    entity: str,
    min_confidence: ConfidenceOpt = 0.0,
    store: StoreOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """What is above an organization: the chain it reports to or is part of."""
    with opened(store, data) as graph:
        org = resolve_entity(graph, entity)
        _reach_output(graph.hierarchy_above(org.id, min_confidence), f"above {org.name}", as_json)


@query_app.command("subtree")
def query_subtree(
    entity: str,
    depth: int = 3,
    min_confidence: ConfidenceOpt = 0.0,
    store: StoreOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """What is below an organization, to a depth."""
    with opened(store, data) as graph:
        org = resolve_entity(graph, entity)
        _reach_output(graph.subtree_below(org.id, depth, min_confidence), f"below {org.name}", as_json)


@query_app.command("path")
def query_path(
    source: str,
    target: str,
    max_length: int = 6,
    min_confidence: ConfidenceOpt = 0.0,
    store: StoreOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """How two entities are connected: the shortest path and the relations on it."""
    with opened(store, data) as graph:
        a, b = resolve_entity(graph, source), resolve_entity(graph, target)
        path = graph.shortest_path(a.id, b.id, max_length, min_confidence=min_confidence)
        if path is None:
            raise fail(f"no path of at most {max_length} relations between {a.name} and {b.name}", code=1)
        if as_json:
            out.print_json(path.model_dump_json())
            return
        names = {e.id: e.name for e in path.entities}
        for rel in path.relations:
            evidence = rel.evidence[0].text if rel.evidence else ""
            out.print(
                f"{names[rel.head]} -[{rel.type}]-> {names[rel.tail]}   [dim]{evidence}[/dim]",
                highlight=False,
            )


@query_app.command("posts")
def query_posts(
    entity: str,
    min_confidence: ConfidenceOpt = 0.0,
    store: StoreOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The posts a person holds, or who holds which post in an organization or park, with evidence."""
    from parkgraph.api.queries import posts_of

    with opened(store, data) as graph:
        found = resolve_entity(graph, entity)
        posts = posts_of(graph, found.id, min_confidence)
    if as_json:
        out.print_json(json.dumps([post.model_dump() for post in posts], ensure_ascii=False))
        return
    table = Table(title=f"posts of {found.name}")
    for col in ("holder", "title", "organization", "evidence", "source"):
        table.add_column(col)
    for post in posts:
        evidence = post.relation.evidence[0] if post.relation.evidence else None
        table.add_row(
            post.holder.name,
            post.title,
            post.organization.name,
            evidence.text if evidence else "",
            evidence.source if evidence else "",
        )
    out.print(table)


@query_app.command("stats")
def query_stats(store: StoreOpt = None, data: DataOpt = None) -> None:
    """How many documents, entities and relations of each type the graph holds."""
    with opened(store, data) as graph:
        out.print_json(graph.counts().model_dump_json())


@app.command("documents")
def documents_command(store: StoreOpt = None, data: DataOpt = None, as_json: JsonOpt = False) -> None:
    """The documents loaded, in load order: id (for `retract`), source, title, and how many entities
    each mentions and relations it supports."""
    with opened(store, data) as graph:
        held = graph.documents()
        entities, relations = _facts_per_document(graph)
    rows = [
        {**info.model_dump(), "entities": entities[info.id], "relations": relations[info.id]} for info in held
    ]
    if as_json:
        out.print_json(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} documents")
    for col in ("id", "source", "title"):
        table.add_column(col, overflow="fold")
    for col in ("entities", "relations"):
        table.add_column(col, justify="right")
    for row in rows:
        table.add_row(row["id"], row["source"], row["title"], str(row["entities"]), str(row["relations"]))
    out.print(table)


def _facts_per_document(graph: Store) -> tuple[Counter[str], Counter[str]]:
    """Entities mentioned and relations supported per document id, counted in one pass over the graph
    rather than by reading every document's facts (which walks the graph once per document)."""
    entities = Counter(doc_id for entity in graph.iter_entities() for doc_id in entity.documents)
    relations = Counter(
        doc_id
        for relation in graph.iter_relations()
        for doc_id in dict.fromkeys(item.document for item in relation.evidence)
    )
    return entities, relations


def _server_line(state: neo4j_server.ServerStatus) -> str:
    if not state.running:
        return f"Neo4j is {state.note or 'not running'} (folder {state.home})"
    return (
        f"Neo4j {state.note or 'is running'} (pid {state.pid}): {state.bolt_uri}, "
        f"Browser {state.browser_url}, folder {state.home}"
    )


@neo4j_app.command("start")
def neo4j_start(
    wait: Annotated[float, typer.Option(help="seconds to wait for Bolt to answer")] = 120,
) -> None:
    """Start the bundled Neo4j in the background; the first start fetches Neo4j with Maven.

    User neo4j's password is NEO4J_PASSWORD, set at the first start of the server folder.
    """
    from parkgraph import neo4j_server

    try:
        with err.status("starting Neo4j"):
            state = neo4j_server.start(settings_for(None, None), wait=wait)
    except neo4j_server.ServerError as exc:
        raise fail(str(exc)) from None
    out.print(_server_line(state), highlight=False, soft_wrap=True)


@neo4j_app.command("stop")
def neo4j_stop(
    wait: Annotated[float, typer.Option(help="seconds to wait after SIGTERM before SIGKILL")] = 60,
) -> None:
    """Stop the bundled Neo4j cleanly (SIGTERM; SIGKILL only if it does not end in time)."""
    from parkgraph import neo4j_server

    try:
        state = neo4j_server.stop(settings_for(None, None), wait=wait)
    except neo4j_server.ServerError as exc:
        raise fail(str(exc)) from None
    out.print(_server_line(state), highlight=False, soft_wrap=True)


@neo4j_app.command("import")
def neo4j_import(
    archive: Annotated[
        Path, typer.Argument(help="a zip from `parkgraph export --format csv` or GET /api/export?format=csv")
    ],
    replace: Annotated[
        bool, typer.Option("--replace", help="replace the graph the database holds (default: refuse)")
    ] = False,
    wait: Annotated[float, typer.Option(help="seconds to wait for Bolt to answer after the import")] = 120,
) -> None:
    """Bulk-load a CSV export into the bundled Neo4j with `neo4j-admin database import full`.

    The server stops for the import and starts again; then its schema (constraints, full-text index)
    is created and the import finished as the Neo4j store does, so the database answers at once.
    """
    from parkgraph import neo4j_server

    settings = settings_for(None, None)
    try:
        with err.status("importing into Neo4j"):
            summary = neo4j_server.import_csv(settings, archive, replace=replace, wait=wait)
    except neo4j_server.ServerError as exc:
        raise fail(str(exc)) from None
    out.print(summary, highlight=False, soft_wrap=True)
    with err.status("creating the indexes"), opened("neo4j", None) as graph:
        graph.check()
        counts = graph.counts()
    entities, relations = sum(counts.entities.values()), sum(counts.relations.values())
    out.print(f"{counts.documents} documents, {entities} entities, {relations} relations", highlight=False)
    out.print(_server_line(neo4j_server.status(settings)), highlight=False, soft_wrap=True)


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Whether the bundled Neo4j runs, and where; exit status 1 when it does not."""
    from parkgraph import neo4j_server

    try:
        state = neo4j_server.status(settings_for(None, None))
    except neo4j_server.ServerError as exc:
        raise fail(str(exc)) from None
    out.print(_server_line(state), highlight=False, soft_wrap=True)
    if not state.running:
        raise typer.Exit(1)


@app.command()
def retract(
    document: Annotated[str, typer.Argument(help="document id (sha256, see `query stats` / the API)")],
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Remove a document and everything only it supported; the corrections in force are replayed."""
    from parkgraph.curate import report_stale
    from parkgraph.curation import retract as retract_and_replay
    from parkgraph.loaders.lexicon import load_lexicon

    with opened(store, data) as graph:
        result, stale = retract_and_replay(graph, document, load_lexicon)
    out.print(
        f"retracted {result.source}: removed {result.entities_removed} entities, "
        f"{result.relations_removed} relations and {result.evidence_removed} evidence sentences",
        highlight=False,
    )
    report_stale(stale)


GoldOpt = Annotated[
    list[Path], typer.Option("--gold", help="folder of gold .json files (SCHEMA.md format); repeatable")
]


def _extracted(files: list[Path], pipeline: Pipeline) -> tuple[list[DocumentFacts], LoadReport]:
    """Facts of every document under `files`; unreadable ones are reported on stderr and noted."""
    report = LoadReport()
    predictions = []
    for path in collect_documents(files, report):
        try:
            predictions.append(pipeline.extract_path(path))
        except SourceError as exc:
            report.fail(path, exc)
    _report_failures(report)
    return predictions, report


def _annotated(files: list[Path], gold: list[Path]) -> tuple[list[Example], LoadReport]:
    """What the rules alone find in each annotated document, paired with its gold."""
    from parkgraph.loaders.evaluation import GoldError, load_gold_folders
    from parkgraph.loaders.extractor import Extractor
    from parkgraph.loaders.training import Example

    try:
        gold_docs = load_gold_folders(gold)
        pipeline = Pipeline(Extractor(rules_only=True), warn=warn)
    except (GoldError, LexiconError) as exc:
        raise fail(str(exc)) from None
    facts, report = _extracted(files, pipeline)
    by_source = {Path(f.document.source).name: f for f in facts}
    for source in sorted(by_source.keys() - gold_docs.keys()):
        err.print(f"[yellow]no gold for[/yellow] {source}[yellow], not used[/yellow]", highlight=False)
    for source in sorted(gold_docs.keys() - by_source.keys()):
        err.print(f"[yellow]no document given for gold file of[/yellow] {source}", highlight=False)
    return [Example(by_source[s], gold_docs[s]) for s in sorted(gold_docs.keys() & by_source.keys())], report


def _summary(scores: Scores) -> dict[str, dict[str, dict[str, float | int]]]:
    return {
        kind: {
            type_: {
                "precision": t.precision,
                "recall": t.recall,
                "f1": t.f1,
                "tp": t.tp,
                "fp": t.fp,
                "fn": t.fn,
            }
            for type_, t in {"all": scores.total(by_type), **dict(sorted(by_type.items()))}.items()
        }
        for kind, by_type in (("entities", scores.entities), ("relations", scores.relations))
    }


def _print_scores(scores: Scores, caption: str = "") -> None:
    for kind, by_type in _summary(scores).items():
        table = Table(title=f"{kind}{caption}")
        for col in ("type", "precision", "recall", "F1", "tp", "fp", "fn"):
            table.add_column(col, justify="left" if col == "type" else "right")
        for type_, t in by_type.items():
            table.add_row(
                type_,
                f"{t['precision']:.3f}",
                f"{t['recall']:.3f}",
                f"{t['f1']:.3f}",
                str(t["tp"]),
                str(t["fp"]),
                str(t["fn"]),
            )
        out.print(table)


def _fold_f1s(scores: Scores) -> dict[str, float]:
    return {
        "entities_f1": scores.total(scores.entities).f1,
        "relations_f1": scores.total(scores.relations).f1,
    }


def _print_cross_validation(cv: CrossValidation, as_json: bool) -> None:
    folds = [
        {"documents": len(fold.sources), **_fold_f1s(fold.filtered)}
        | {f"rules_only_{k}": v for k, v in _fold_f1s(fold.rules_only).items()}
        for fold in cv.folds
    ]
    if as_json:
        summary = {**_summary(cv.filtered), "rules_only": _summary(cv.rules_only), "folds": folds}
        out.print_json(json.dumps(summary, ensure_ascii=False))
        return
    _print_scores(cv.filtered, f" (held out, {len(folds)} folds)")
    table = Table(title="F1 per held-out fold (rules only → with the fact filter)")
    for col in ("fold", "documents", "entities", "relations"):
        table.add_column(col, justify="right")
    for i, fold in enumerate(folds, 1):
        table.add_row(
            str(i),
            str(fold["documents"]),
            f"{fold['rules_only_entities_f1']:.3f} → {fold['entities_f1']:.3f}",
            f"{fold['rules_only_relations_f1']:.3f} → {fold['relations_f1']:.3f}",
        )
    out.print(table)


def _evaluate_folds(files: list[Path], gold: list[Path], k: int, as_json: bool) -> tuple[Scores, LoadReport]:
    """k-fold held-out scores: each fold by a filter trained on the others."""
    from parkgraph.loaders.lexicon import load_lexicon
    from parkgraph.loaders.training import cross_validate

    examples, report = _annotated(files, gold)
    try:
        cv = cross_validate(examples, k, load_lexicon())
    except ValueError as exc:
        raise fail(str(exc)) from None
    _print_cross_validation(cv, as_json)
    return cv.filtered, report


def _evaluate_extractor(
    files: list[Path], gold: list[Path], rules_only: bool, as_json: bool
) -> tuple[Scores, LoadReport]:
    """Scores of the extractor as configured (with its fact filter unless `rules_only`)."""
    from parkgraph.loaders.evaluation import GoldError, load_gold_folders, score
    from parkgraph.loaders.extractor import Extractor

    try:
        gold_docs = load_gold_folders(gold)
        pipeline = Pipeline(Extractor(rules_only=rules_only), warn=warn)
    except (GoldError, LexiconError) as exc:
        raise fail(str(exc)) from None
    predictions, report = _extracted(files, pipeline)
    scores = score(gold_docs, predictions)
    for source in scores.unmatched_documents:
        err.print(f"[yellow]no document given for gold file of[/yellow] {source}", highlight=False)
    if as_json:
        out.print_json(json.dumps(_summary(scores), ensure_ascii=False))
    else:
        _print_scores(scores)
    return scores, report


@app.command("eval")
def evaluate(
    files: Annotated[list[Path], typer.Argument(help="annotated documents (files or folders)")],
    gold: GoldOpt,
    details: Annotated[bool, typer.Option("--details", help="list every miss and false hit")] = False,
    folds: Annotated[
        int | None,
        typer.Option(
            "--folds", min=2, help="k-fold: train the fact filter on k-1 folds, score the held-out one"
        ),
    ] = None,
    rules_only: Annotated[bool, typer.Option("--rules-only", help="without the fact filter")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Score the extractor on your own annotated documents: precision, recall and F1 per type."""
    if folds is not None and rules_only:
        raise fail("--folds already scores the rules alone beside the filter; leave out --rules-only")
    if folds is not None:
        scores, report = _evaluate_folds(files, gold, folds, as_json)
    else:
        scores, report = _evaluate_extractor(files, gold, rules_only, as_json)
    if details:
        sys.stdout.writelines(f"{miss.source}\t{miss.kind}\t{miss.text}\n" for miss in scores.misses)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def train(
    files: Annotated[list[Path], typer.Argument(help="annotated documents (files or folders)")],
    gold: GoldOpt,
    output: Annotated[Path, typer.Option("-o", "--output", help="model file to write")],
) -> None:
    """Train the fact filter on annotated documents and write its model (same input, same file);
    PARKGRAPH_MODEL=FILE applies it."""
    from parkgraph.loaders.lexicon import load_lexicon
    from parkgraph.loaders.training import ADD_NONE
    from parkgraph.loaders.training import train as train_filter

    examples, report = _annotated(files, gold)
    if not examples:
        raise fail("no annotated documents to train on")
    model = train_filter(examples, load_lexicon())
    target = output
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(model.to_json(), encoding="utf-8")
    except OSError as exc:
        raise fail(f"cannot write {target}: {exc}") from None
    seen = model.trained_on
    out.print(
        f"trained on {seen['documents']} documents from {', '.join(str(g) for g in gold)}: "
        f"{seen['entities']['right']} right and {seen['entities']['wrong']} wrong entities, "
        f"{seen['relations']['right']} right and {seen['relations']['wrong']} wrong relations",
        highlight=False,
    )
    proposals = model.proposals.threshold if model.proposals else ADD_NONE
    out.print(
        f"thresholds: entities {model.entities.threshold:.2f}, relations {model.relations.threshold:.2f}, "
        f"proposals {'none added' if proposals >= ADD_NONE else f'{proposals:.2f}'}; "
        f"wrote {target}",
        highlight=False,
    )
    if not report.ok:
        raise typer.Exit(1)


def _exported(graph: Store, format: ExportFormat) -> bytes:
    """The graph as RDF checked against the SHACL shapes, or GraphML (the csv zip is `_write_csv`'s)."""
    from parkgraph.graph.exports import graphml
    from parkgraph.ontology.export import ExportError, serialize

    if format is ExportFormat.graphml:
        return graphml(graph)
    try:
        return serialize(graph, format.value).encode("utf-8")
    except ExportError as exc:
        raise fail(str(exc)) from None


def _write_csv(graph: Store, output: Path | None) -> None:
    """The zip of import CSVs, written as it is made (`write_csv_zip`), never held whole: 387 MiB at a
    million entities. A file the export leaves half-written by an error is removed (a regular file
    only: `-o /dev/null` is not ours to remove)."""
    from parkgraph.graph.exports import write_csv_zip

    if output is None:
        write_csv_zip(graph, sys.stdout.buffer)
        sys.stdout.flush()
        return
    try:
        target = output.open("wb")
    except OSError as exc:
        raise fail(f"cannot write {output}: {exc.strerror}") from None
    try:
        with target:
            write_csv_zip(graph, target)
    except BaseException as exc:
        if output.is_file():
            output.unlink()
        if isinstance(exc, OSError):
            raise fail(f"cannot write {output}: {exc.strerror}") from None
        raise


@app.command()
def export(
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="turtle/json-ld: RDF; graphml: for Gephi and yEd; "
            "csv: a zip of CSV files for `parkgraph neo4j import` (`neo4j-admin database import full`)",
        ),
    ] = ExportFormat.turtle,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="file to write (default: stdout)")
    ] = None,
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Write the graph as RDF (checked against the SHACL shapes), GraphML, or Neo4j import CSV files."""
    if format is ExportFormat.csv and output is None and sys.stdout.isatty():
        raise fail("the csv export is a zip file: give --output FILE.zip")
    with opened(store, data) as graph:
        if format is ExportFormat.csv:
            _write_csv(graph, output)
            return
        body = _exported(graph, format)
    if output:
        try:
            output.write_bytes(body)
        except OSError as exc:
            raise fail(f"cannot write {output}: {exc.strerror}") from None
    else:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    seed: Annotated[bool, typer.Option(help="load the bundled sample corpus into an empty graph")] = True,
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Serve the web explorer (/) and the HTTP API (docs at /docs); loads the sample corpus on first start."""
    import uvicorn

    from parkgraph.api.main import create_app
    from parkgraph.corpus import sample_dirs

    settings = settings_for(store, data)
    with opened(store, data) as graph:
        if seed and graph.counts().documents == 0:
            report = load_into(graph, sample_dirs(), err)
            _report_failures(report)
            err.print(f"loaded the sample corpus: {len(report.results)} documents", highlight=False)
            if report.stopped:
                raise typer.Exit(STOPPED_EXIT)
        err.print(
            f"explorer on http://{host}:{port}/ , API docs at http://{host}:{port}/docs", highlight=False
        )
        if settings.api_token is None:
            err.print("read-only: set PARKGRAPH_API_TOKEN to allow uploads and deletions", highlight=False)
        with _exiting_on_sigterm():
            uvicorn.run(create_app(graph, settings), host=host, port=port, log_level="warning")


@contextmanager
def _exiting_on_sigterm() -> Iterator[None]:
    """SIGTERM ends the process by `SystemExit`, so the store is closed on the way out.

    uvicorn stops serving on SIGTERM, then raises the signal again with the handler it found; with
    Python's default one the process would die there, leaving SQLite's write-ahead log behind.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def leave(number: int, frame: object) -> None:
        raise SystemExit(0)

    previous = signal.signal(signal.SIGTERM, leave)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


from parkgraph.curate import curate_app  # noqa: E402  (it uses the helpers above)

app.add_typer(curate_app, name="curate")
