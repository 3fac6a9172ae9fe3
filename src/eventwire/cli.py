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
    table = Table(show_lines=False)
    for col in ("date", "type / sub-type", "actor1", "actor2", "location", "fatalities", "counts", "modality"):
        table.add_column(col)
    for r in rows:
        loc = r["location"]
        table.add_row(
            f"{r['date'] or '?'} ({r['date_precision']})",
            f"{r['event_type']} / {r['sub_event_type']}",
            (r["actor1"] or {}).get("name", ""),
            (r["actor2"] or {}).get("name", ""),
            f"{loc['name']} ({loc['country']})" if loc else "",
            "" if r["fatalities"] is None else str(r["fatalities"]),
            ", ".join(f"{k}={v}" for k, v in r["counts"].items()),
            r["modality"],
        )
    Console().print(table)


@app.command()
def extract(
    files: List[str] = typer.Argument(..., help="Article files (crawl text, plain text, JSON Lines)."),
    format: Optional[Format] = typer.Option(None, "--format", "-f", help="table (default on a terminal), jsonl or json."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for files that carry none."),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline name (default: EVENTWIRE_SPACY_MODEL or en_core_web_sm)."),
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


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
