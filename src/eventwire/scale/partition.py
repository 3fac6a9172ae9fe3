"""One partition of articles -> two Parquet files: a pure function, run where the workers are.

``extract_partition(part, rows, out_dir)`` annotates the articles with the
pipeline loaded once per worker (``PipelinePlugin``), merges each article's
mentions into its events (``merge_mentions``, as the single-process path does)
and writes

    OUT/articles/part-PPPPPP.parquet   one row per article: its fields, id, counts, error
    OUT/mentions/part-PPPPPP.parquet   one row per mention: article id, event index and id,
                                       the mention's main fields as columns, ``data`` (lossless JSON)

Nothing else is read or written, so a partition that runs twice (a worker died
and the scheduler retried it) writes the same bytes to the same names; each
file is written under a temporary name and renamed into place.
"""
from __future__ import annotations

import json
import os
import time
from datetime import date
from typing import Iterable

from ..article import Article

PLUGIN_NAME = "eventwire-pipeline"

ARTICLE_FIELDS = ("text", "published", "published_precision", "title", "url", "outlet", "lang", "path", "external_id")


def article_to_row(a: Article) -> dict:
    return {
        "text": a.text,
        "published": a.published.isoformat() if a.published else None,
        "published_precision": a.published_precision,
        "title": a.title,
        "url": a.url,
        "outlet": a.outlet,
        "lang": a.lang,
        "path": a.path,
        "external_id": a.external_id,
    }


def article_from_row(r: dict) -> Article:
    pub = r.get("published")
    return Article(
        text=r["text"],
        published=date.fromisoformat(pub) if pub else None,
        published_precision=r.get("published_precision") or "unknown",
        title=r.get("title"),
        url=r.get("url"),
        outlet=r.get("outlet"),
        lang=r.get("lang") or "en",
        path=r.get("path"),
        external_id=r.get("external_id"),
    )


# ------------------------------------------------------------------ the pipeline, once per worker

try:  # distributed is an optional extra: the plugin base class only where it is installed
    from distributed.diagnostics.plugin import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - without the [dask] extra
    _PluginBase = object


class PipelinePlugin(_PluginBase):
    """Loads the spaCy pipeline (and warms the gazetteer) when a worker starts.

    With ``isolate`` the pipeline lives in a single-threaded extraction process that the worker
    starts (``scale.child``) and hands each partition to: a Dask worker runs several threads, and
    spaCy's NER and parser run slower in any process that has had a second thread.  It is off by
    default: on a quiet machine the pipes and the second process's page faults cost more than the
    threads did (README "Speed and memory").  If that process cannot start, the worker loads the
    pipeline itself.

    The scheduler keeps registered plugins and runs them on every worker that joins, so a worker
    restarted by its nanny loads the pipeline (and starts its extraction process) again.
    """

    name = PLUGIN_NAME

    def __init__(self, model: str | None = None, isolate: bool = False):
        self.model = model
        self.isolate = isolate
        self.nlp = None
        self.child = None

    def setup(self, worker=None):
        if self.isolate:
            from .child import ExtractionProcess

            try:
                self.child = ExtractionProcess(self.model)
                return
            except Exception as e:  # noqa: BLE001 - the in-process pipeline still works
                import logging

                logging.getLogger(__name__).warning("eventwire: no extraction process (%s); extracting in the "
                                                    "worker's own thread", e)
                self.child = None
        self.nlp = _load(self.model)

    def teardown(self, worker=None):
        if self.child is not None:
            self.child.close()
            self.child = None
        self.nlp = None

    def extraction_process(self):
        """The live extraction process (started again if it died), or None where the worker extracts."""
        if not self.isolate:
            return None
        if self.child is None or not self.child.alive():
            if self.child is not None:
                self.child.close()
            self.child = None
            self.setup()
        return self.child


# Made up for the warm-up: an event with a toll, a place, a day, a crowd and an arrest.
WARM_UP_TEXT = (
    "KABUL, Afghanistan - Gunmen attacked a village near Kabul on Monday, killing three farmers "
    "and wounding five others, police said.\n\n"
    "Hundreds of students marched in Herat on Tuesday to protest against the killings, and police "
    "arrested two men, a local official told reporters."
)


def _load(model: str | None):
    """The worker's pipeline, with every lazily loaded piece a partition needs already loaded, so that
    a worker's first partition costs what its others do (it paid ~1 CPU s more: the language
    identifier's model, pyarrow's import of pandas, the Parquet writer, first look-ups)."""
    import pyarrow as pa

    from ..language import _identifier
    from ..nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    # Read for any article that is not plainly English (one in 17 of the dev set): ~0.5 CPU s to load.
    _identifier()
    # One made-up article through the partition's own path (extraction, merge, rows, Parquet into memory).
    a = Article(text=WARM_UP_TEXT, published=date(2020, 1, 1), published_precision="day")
    results = _extract([a], model, nlp=nlp)
    rows = [_mention_row(a.id, 0, ei, ev, mi, m) for _, evs, _ in results for ei, ev in enumerate(evs or [])
            for mi, m in enumerate(ev.mentions)]
    _art_schema, men_schema = _schemas()
    _write_to(pa.Table.from_pylist(rows, schema=men_schema), pa.BufferOutputStream())
    return nlp


_LOADED: dict = {}  # model -> pipeline, in an extraction process (``use_pipeline``)


def use_pipeline(nlp, model: str | None) -> None:
    """The pipeline this process extracts with for ``model`` (an extraction process, after ``_load``)."""
    _LOADED[model] = nlp


def _worker_plugin():
    try:
        from distributed import get_worker

        plugin = get_worker().plugins.get(PLUGIN_NAME)
    except (ImportError, ValueError):  # not on a Dask worker: the in-process path
        return None
    return plugin


def _pipeline(model: str | None):
    if model in _LOADED:
        return _LOADED[model]
    plugin = _worker_plugin()
    if plugin is not None and getattr(plugin, "model", None) == model:
        if plugin.nlp is None:
            plugin.nlp = _load(model)
        return plugin.nlp
    from ..nlp.pipeline import load_pipeline

    return load_pipeline(model)


# ------------------------------------------------------------------ extraction

BATCH_SIZE = 16  # nlp.pipe batch, as the single-process ingest


def _extract(articles: list[Article], model: str | None, nlp=None):
    """(article, events or None, error or None) per article, in order; one failing article
    does not lose the others (as ``store.ingest`` does)."""
    from ..extract import extract_with

    nlp = nlp or _pipeline(model)
    try:
        return [(a, evs, None) for a, evs in extract_with(articles, nlp, batch_size=BATCH_SIZE)]
    except Exception:  # noqa: BLE001 - retried one by one below
        out = []
        for a in articles:
            try:
                out += [(a, evs, None) for a, evs in extract_with([a], nlp)]
            except Exception as e:  # noqa: BLE001 - reported by the loader
                out.append((a, None, f"{a.path or a.id}: extraction failed ({type(e).__name__}: {e})"))
        return out


def _mention_row(aid: str, pos: int, ei: int, ev, mi: int, m) -> dict:
    from ..merge import mention_id
    from ..store.serialize import mention_to_json

    loc = m.location
    return {
        "article_id": aid,
        "article_pos": pos,
        "event_index": ei,
        "event_id": ev.event_id,
        "event_summary": ev.summary or "",
        "mention_index": mi,
        "mention_id": mention_id(m),
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "date_start": m.date.start.isoformat() if m.date.start else None,
        "date_end": m.date.end.isoformat() if m.date.end else None,
        "date_precision": m.date.precision,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "location": loc.name if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "actor1": m.actor1.name if m.actor1 else None,
        "actor2": m.actor2.name if m.actor2 else None,
        "fatalities": m.fatalities,
        "modality": m.modality,
        "confidence": float(m.confidence),
        "sentence": m.source.sentence,
        "span_start": m.source.span[0],
        "span_end": m.source.span[1],
        "data": json.dumps(mention_to_json(m), ensure_ascii=False, sort_keys=True),
    }


def _schemas():
    import pyarrow as pa

    s, i, f = pa.string(), pa.int64(), pa.float64()
    articles = pa.schema(
        [("part", i), ("article_pos", i), ("article_id", s)]
        + [(name, s) for name in ARTICLE_FIELDS]
        + [("n_mentions", i), ("n_events", i), ("error", s)]
    )
    mentions = pa.schema(
        [("article_id", s), ("article_pos", i), ("event_index", i), ("event_id", s), ("event_summary", s),
         ("mention_index", i), ("mention_id", s), ("event_type", s), ("sub_event_type", s), ("date_start", s),
         ("date_end", s), ("date_precision", s), ("country", s), ("admin1", s), ("location", s), ("latitude", f),
         ("longitude", f), ("actor1", s), ("actor2", s), ("fatalities", i), ("modality", s), ("confidence", f),
         ("sentence", s), ("span_start", i), ("span_end", i), ("data", s)]
    )
    return articles, mentions


def part_name(part: int) -> str:
    return f"part-{part:06d}.parquet"


def _write_to(table, where) -> None:
    import pyarrow.parquet as pq

    pq.write_table(table, where)


def _write(table, path: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.tmp-{os.getpid()}"
    _write_to(table, tmp)
    os.replace(tmp, path)


def extract_partition(part: int, rows: Iterable[dict], out_dir: str, model: str | None = None) -> dict:
    """Extract one partition and write its two Parquet files; returns a small summary.

    On a Dask worker with an extraction process (``PipelinePlugin``) the partition runs there,
    else here."""
    plugin = _worker_plugin()
    if plugin is not None and getattr(plugin, "model", None) == model and hasattr(plugin, "extraction_process"):
        child = plugin.extraction_process()
        if child is not None:
            return child.extract_partition(part, rows, out_dir, model)
    return extract_partition_here(part, rows, out_dir, model)


def extract_partition_here(part: int, rows: Iterable[dict], out_dir: str, model: str | None = None) -> dict:
    """``extract_partition`` in this process."""
    import pyarrow as pa

    t0, c0 = time.perf_counter(), time.thread_time()
    articles = [article_from_row(r) for r in rows]
    results = _extract(articles, model)
    t_extract = time.perf_counter() - t0
    art_rows, men_rows, errors = [], [], []
    for pos, (a, events, error) in enumerate(results):
        aid = a.id
        n_m = 0
        if error:
            errors.append(error)
        for ei, ev in enumerate(events or []):
            for mi, m in enumerate(ev.mentions):
                men_rows.append(_mention_row(aid, pos, ei, ev, mi, m))
                n_m += 1
        art_rows.append({"part": part, "article_pos": pos, "article_id": aid, **article_to_row(a),
                         "n_mentions": n_m, "n_events": len(events or []), "error": error})
    art_schema, men_schema = _schemas()
    _write(pa.Table.from_pylist(art_rows, schema=art_schema), os.path.join(out_dir, "articles", part_name(part)))
    _write(pa.Table.from_pylist(men_rows, schema=men_schema), os.path.join(out_dir, "mentions", part_name(part)))
    return {
        "part": part,
        "articles": len(art_rows),
        "mentions": len(men_rows),
        "errors": errors,
        "extract_seconds": t_extract,
        "seconds": time.perf_counter() - t0,
        "cpu_seconds": time.thread_time() - c0,  # this task's thread only, not the worker's others
        "pid": os.getpid(),
    }
