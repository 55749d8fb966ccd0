"""`parkgraph curate`: an analyst's corrections of the graph, kept in the store and replayed after every
load and retraction (`parkgraph.curation`).

Bad input (an unknown or ambiguous entity, a type the schema lacks, a relation it does not allow) is
one line on standard error and exit status 2, with nothing written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

curate_app = typer.Typer(
    help="Correct the graph: merge, split, rename, retype, delete; drop or add relations; undo.",
    no_args_is_help=True,
)
"""Made before `parkgraph.cli` is imported, since that module registers it: either may be imported first."""

from parkgraph import curation  # noqa: E402
from parkgraph.cli import DataOpt, JsonOpt, StoreOpt, err, fail, opened, out  # noqa: E402
from parkgraph.graph.corrections import Correction, in_force, refused_pairs  # noqa: E402
from parkgraph.loaders.lexicon import Lexicon, load_lexicon  # noqa: E402

NoteOpt = Annotated[str, typer.Option("--note", help="why: kept with the correction")]
AuthorOpt = Annotated[str, typer.Option("--author", help="who (default: your user name)")]


def report_stale(stale: Sequence[Correction]) -> None:
    """Corrections whose target is gone are said, never silently dropped."""
    for c in stale:
        err.print(
            f"[yellow]warning:[/yellow] correction {c.seq} acts on nothing now, its target is gone: "
            f"{curation.describe(c)}",
            highlight=False,
        )


def _lexicon() -> Lexicon:
    return load_lexicon()


def _record(correction: Correction, store: str | None, data: Path | None) -> None:
    with opened(store, data) as graph:
        try:
            made, stale = curation.correct(graph, correction, _lexicon())
        except curation.CorrectionError as exc:
            raise fail(str(exc)) from None
    out.print(f"correction {made.seq}: {curation.describe(made)}", highlight=False)
    report_stale(stale)


@curate_app.command()
def merge(
    keep: Annotated[str, typer.Argument(help="the entity kept (id or unambiguous name)")],
    other: Annotated[str, typer.Argument(help="the entity merged into it")],
    note: NoteOpt = "",
    author: AuthorOpt = "",
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Merge OTHER into KEEP: one entity with KEEP's id and name, OTHER's names as aliases."""
    _record(Correction(kind="merge", entity=keep, other=other, note=note, author=author), store, data)


@curate_app.command()
def split(
    entity: Annotated[str, typer.Argument(help="id or unambiguous name")],
    alias: Annotated[str, typer.Argument(help="one of its aliases, which names another entity")],
    note: NoteOpt = "",
    author: AuthorOpt = "",
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Split ALIAS off ENTITY into an entity of its own (its mentions under that name go with it)."""
    _record(Correction(kind="split", entity=entity, name=alias, note=note, author=author), store, data)


@curate_app.command()
def rename(
    entity: Annotated[str, typer.Argument(help="id or unambiguous name")],
    name: Annotated[str, typer.Argument(help="its canonical name from now on")],
    note: NoteOpt = "",
    author: AuthorOpt = "",
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Give ENTITY a new canonical name; its id and old names (as aliases) stay."""
    _record(Correction(kind="rename", entity=entity, name=name, note=note, author=author), store, data)


@curate_app.command()
def retype(
    entity: Annotated[str, typer.Argument(help="id or unambiguous name")],
    type_: Annotated[
        str, typer.Argument(metavar="TYPE", help="an entity type of the schema, e.g. Committee")
    ],
    note: NoteOpt = "",
    author: AuthorOpt = "",
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Make ENTITY an entity of another TYPE."""
    _record(Correction(kind="retype", entity=entity, type=type_, note=note, author=author), store, data)


@curate_app.command()
def delete(
    entity: Annotated[str, typer.Argument(help="id or unambiguous name")],
    note: NoteOpt = "",
    author: AuthorOpt = "",
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Delete a false entity and its relations, from every document that mentions it."""
    _record(Correction(kind="delete", entity=entity, note=note, author=author), store, data)


@curate_app.command("drop-relation")
def drop_relation(
    head: Annotated[str, typer.Argument(help="id or unambiguous name")],
    type_: Annotated[str, typer.Argument(metavar="TYPE", help="relation type, e.g. SUBORDINATE_TO")],
    tail: Annotated[str, typer.Argument(help="id or unambiguous name")],
    note: NoteOpt = "",
    author: AuthorOpt = "",
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Drop the TYPE relations from HEAD to TAIL, whatever document states them."""
    correction = Correction(kind="drop-relation", head=head, type=type_, tail=tail, note=note, author=author)
    _record(correction, store, data)


@curate_app.command("add-relation")
def add_relation(
    head: Annotated[str, typer.Argument(help="id or unambiguous name")],
    type_: Annotated[str, typer.Argument(metavar="TYPE", help="relation type, e.g. COVERS")],
    tail: Annotated[str, typer.Argument(help="id or unambiguous name")],
    evidence: Annotated[str, typer.Option("--evidence", help="why: shown as the relation's evidence")],
    title: Annotated[str, typer.Option("--title", help="the post's title, for HOLDS_POST")] = "",
    note: NoteOpt = "",
    author: AuthorOpt = "",
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Add a TYPE relation from HEAD to TAIL that no document states, with your evidence."""
    correction = Correction(
        kind="add-relation",
        head=head,
        type=type_,
        tail=tail,
        evidence=evidence,
        title=title,
        note=note,
        author=author,
    )
    _record(correction, store, data)


@curate_app.command()
def undo(
    seq: Annotated[int | None, typer.Argument(help="the correction (default: the latest in force)")] = None,
    note: NoteOpt = "",
    author: AuthorOpt = "",
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Undo a correction: the graph is rebuilt as if it had never been made."""
    with opened(store, data) as graph:
        try:
            made, stale = curation.undo(graph, _lexicon(), seq, author, note)
        except curation.CorrectionError as exc:
            raise fail(str(exc)) from None
    out.print(f"correction {made.seq}: undo {made.target}", highlight=False)
    report_stale(stale)


def _status(c: Correction, force: set[int], stale: set[int]) -> str:
    if c.kind in ("undo", "reject"):
        return ""
    if c.seq not in force:
        return "undone"
    return "no target" if c.seq in stale else "in force"


@curate_app.command("log")
def show_log(store: StoreOpt = None, data: DataOpt = None, as_json: JsonOpt = False) -> None:
    """Every correction, with who made it, when, why, and whether it is in force or acts on nothing."""
    with opened(store, data) as graph:
        log = graph.corrections()
        stale = {c.seq for c in curation.stale(graph, _lexicon())} if log else set()
    force = {c.seq for c in in_force(log)}
    if as_json:
        rows = [{**c.model_dump(), "status": _status(c, force, stale)} for c in log]
        out.print_json(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(title=f"{len(log)} corrections")
    for column in ("seq", "status", "correction", "author", "time", "note"):
        table.add_column(column)
    for c in log:
        table.add_row(str(c.seq), _status(c, force, stale), curation.describe(c), c.author, c.time, c.note)
    out.print(table)


@curate_app.command("export")
def export_log(
    file: Annotated[Path, typer.Argument(help="JSON lines file to write")],
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Write the whole log to FILE, one correction a line, for `curate import` elsewhere."""
    with opened(store, data) as graph:
        lines = curation.export_lines(graph)
    try:
        file.write_text(lines, encoding="utf-8")
    except OSError as exc:
        raise fail(f"cannot write {file}: {exc.strerror}") from None
    out.print(f"{lines.count(chr(10))} corrections written to {file}", highlight=False)


@curate_app.command("import")
def import_log(
    file: Annotated[Path, typer.Argument(help="JSON lines file written by `curate export`")],
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Apply a log exported elsewhere: entities by id or unambiguous name; all of it or, on a bad
    entry, nothing."""
    try:
        entries = curation.parse_lines(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise fail(f"cannot read {file}: {exc.strerror}") from None
    except (UnicodeDecodeError, curation.CorrectionError) as exc:
        raise fail(f"{file}: {exc}") from None
    with opened(store, data) as graph:
        try:
            stale = curation.import_entries(graph, entries, _lexicon())
        except curation.CorrectionError as exc:
            raise fail(f"{file}: {exc}; nothing imported") from None
    out.print(f"{len(entries)} corrections imported from {file}", highlight=False)
    report_stale(stale)


@curate_app.command()
def suggest(
    limit: Annotated[int, typer.Option("--limit", min=1, help="how many to list")] = 10,
    store: StoreOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Likely duplicates, best first, with their evidence: accept one with `curate merge KEEP OTHER`,
    reject it with `curate reject KEEP OTHER` (remembered, so it is not suggested again)."""
    from parkgraph.loaders.duplicates import suggest_merges

    with opened(store, data) as graph:
        found = suggest_merges(graph, refused_pairs(graph.corrections()), limit, _lexicon())
    if as_json:
        rows = [
            {
                "keep": s.keep.model_dump(),
                "other": s.other.model_dump(),
                "score": s.score,
                "evidence": list(s.evidence),
            }
            for s in found
        ]
        out.print_json(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(title=f"{len(found)} suggested merges")
    for column in ("score", "keep", "other", "evidence"):
        table.add_column(column)
    for s in found:
        table.add_row(
            f"{s.score:g}",
            f"{s.keep.name} ({s.keep.id})",
            f"{s.other.name} ({s.other.id})",
            "; ".join(s.evidence),
        )
    out.print(table)


@curate_app.command()
def reject(
    first: Annotated[str, typer.Argument(help="id or unambiguous name")],
    second: Annotated[str, typer.Argument(help="id or unambiguous name")],
    note: NoteOpt = "",
    author: AuthorOpt = "",
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Say two entities are not one: `curate suggest` will not suggest merging them again."""
    _record(Correction(kind="reject", entity=first, other=second, note=note, author=author), store, data)
