"""Loading many documents into a store: each one on its own, so one bad file stops nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.model import LoadResult
from parkgraph.graph.store import Store
from parkgraph.loaders.pipeline import Pipeline, Warn
from parkgraph.loaders.resolve import resolve_keys
from parkgraph.loaders.sources import SourceError, iter_document_paths
from parkgraph.workers import Extracted, extracted, start_fork_server, use_pool


@dataclass
class LoadReport:
    results: list[LoadResult] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    stopped: str = ""
    """Why loading stopped before the last file (a signal's name), or empty when every file was tried."""

    def fail(self, path: Path | str, exc: Exception) -> None:
        """Note a file that could not be loaded, by its path and what is wrong with it."""
        problem = exc.problem if isinstance(exc, SourceError) else str(exc)
        self.failures.append((str(path), problem))

    @property
    def ok(self) -> bool:
        return not self.failures


def collect_documents(paths: Iterable[Path], report: LoadReport) -> list[Path]:
    """The document files under `paths`; a missing path is noted in `report` and skipped."""
    files: list[Path] = []
    for top in paths:
        try:
            files.extend(iter_document_paths([top]))
        except SourceError as exc:
            report.fail(top, exc)
    return files


NO_FACTS = "no facts found: no entity was recognised in the text"


def load_facts(store: Store, facts: DocumentFacts, pipeline: Pipeline) -> LoadResult:
    """Load one document's facts, its entities first resolved against what the store holds.

    A document in which nothing was recognised still loads (it is held, and not read again), but
    the result says so: an empty page or an unreadable layout should not pass for a loaded article.
    The facts as extracted are kept with it, so that corrections can rebuild the graph.
    """
    result = store.load(resolve_keys(store, facts, pipeline.extractor.lexicon), extracted=facts)
    if not facts.entities:
        result.warnings.append(NO_FACTS)
    return result


def _load_document(store: Store, document: Extracted, pipeline: Pipeline, report: LoadReport) -> None:
    if document.facts is None:
        report.fail(document.where, SourceError(document.problem))
        return
    try:
        report.results.append(load_facts(store, document.facts, pipeline))
    except (SourceError, ValueError) as exc:
        report.fail(document.where, exc)


def load_files(
    store: Store,
    files: Iterable[Path],
    report: LoadReport | None = None,
    pipeline: Pipeline | None = None,
    on_file: Callable[[Path], None] | None = None,
    stop: Callable[[], str] | None = None,
    jobs: int | None = 1,
    warn: Warn | None = None,
) -> LoadReport:
    """Extract and load each document of each file, in the order given (a ZIP archive gives each
    document in it); failures are collected in the report, not raised. Without a `pipeline`, one is
    made, telling `warn` what normalization noticed.

    With `jobs` above 1, that many worker processes extract while this process loads (`None`: one per
    core, when the input is large enough to repay starting them; see `workers`). Before each document
    `stop` is asked whether to go on: a non-empty answer (why) ends the run there, with every
    document before it committed.
    """
    report = report if report is not None else LoadReport()
    files = list(files)
    workers = use_pool(files, jobs)
    if workers:
        start_fork_server()  # it starts up while this process reads the lexicon
    pipeline = pipeline or Pipeline(warn=warn)
    found = extracted(files, pipeline, workers, pipeline.warn)

    def stopped() -> bool:
        report.stopped = stop() if stop is not None else ""
        return bool(report.stopped)

    with store.batch(), closing(found):
        for path, documents in found:
            while not stopped() and (document := next(documents, None)) is not None:
                _load_document(store, document, pipeline, report)
            if report.stopped:
                break
            if on_file:
                on_file(path)
    return report
