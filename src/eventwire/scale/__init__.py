"""Parallel extraction: the same pipeline on a local Dask cluster or on an existing one.

    eventwire ingest articles/ --db events.db --workers 2              # LocalCluster on 127.0.0.1
    eventwire ingest articles.parquet --db events.db --scheduler tcp://HOST:8786
    eventwire ingest articles.parquet --out backfill/ --workers 8      # Parquet -> Parquet, no store

One code path (``run``), whatever runs the partitions:

1. This process reads the inputs (every reader, errors reported here), skips the
   articles the store already holds and cuts the rest into partitions of
   ``partition_size`` articles, in input order.  At most a few partitions per
   worker are in flight, so the input is streamed, not held.
2. Each partition is a task: ``partition.extract_partition``, a pure function of
   its articles, run with the pipeline each worker loaded once
   (``PipelinePlugin``, a Dask worker plugin: a restarted worker loads it again)
   in a single-threaded extraction process the worker starts (``scale.child``:
   spaCy runs slower in a process that has had a second thread, and a Dask
   worker has several), to which the task hands its articles and waits.
   It writes ``OUT/articles/part-N.parquet`` and ``OUT/mentions/part-N.parquet``.
   A partition retried after a worker died writes the same files again.
3. The loader (``load.load_partition``) upserts the partitions into the store,
   in input order, as soon as each one and those before it are done; the
   store's merge blocks by country and week, so no process holds all mentions.
   The events are exactly those of the single-process ``eventwire ingest``.
4. With ``out`` and no store, the merge index is a scratch SQLite file inside
   ``OUT`` that is removed at the end; ``OUT/events.parquet`` holds the events
   (the columns of ``eventwire events --format parquet``).  A rerun into the
   same ``OUT`` first removes the earlier ``part-*.parquet`` files.

Without ``workers`` or ``scheduler`` the partitions run in this process (the
same functions, no Dask needed).  With ``scheduler``, the workers must see
``OUT`` (a shared file system) and have eventwire and the spaCy model installed.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import deque
from contextlib import contextmanager
from datetime import date
from typing import Callable, Iterator

from .partition import PLUGIN_NAME, PipelinePlugin, article_to_row, extract_partition

__all__ = ["run", "PipelinePlugin", "extract_partition", "cluster_client", "DEFAULT_PARTITION"]

DEFAULT_PARTITION = 64  # articles per task: a multiple of the nlp.pipe batch (16)
IN_FLIGHT_PER_WORKER = 2


# How the local cluster's workers are started (their nanny passes this configuration on):
LOCAL_WORKER_CONFIG = {
    # No statistical profiler: it samples the task thread's stack every 10 ms (deep in spaCy) for
    # a dashboard that a local run does not open (a worker's CPU outside its tasks: 12 -> 6 ms/article).
    "distributed.worker.profile.enabled": False,
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 for its workers (and, for a local cluster, in
    # this process's environment); a fixed trim threshold also fixes glibc's mmap threshold at
    # 128 KiB, so every larger array spaCy's models allocate is a fresh mmap: ~4,000 page faults
    # and ~7 CPU ms of system time per article.  None: glibc's own adaptive thresholds.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # Housekeeping at the pace a local run needs (measured idle: 13.5 -> 2.5 CPU ms per second per
    # worker, 26.5 -> 6.6 for this process's scheduler and nannies): the system monitor samples
    # psutil for the dashboard (500 ms), the event-loop health check only logs a stall (20 ms),
    # and the memory monitor (spill, pause, kill at the memory limit) now looks each second, not
    # ten times a second: a worker grows by far less than its limit in a second (~410 MB of 1.5 GB).
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class DaskMissingError(ImportError):
    pass


def _import_distributed():
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise DaskMissingError(
            "--workers/--scheduler need Dask: pip install 'eventwire[dask]' (dask[dataframe] and distributed)"
        ) from None
    return distributed


@contextmanager
def cluster_client(workers: int | None = None, scheduler: str | None = None, model: str | None = None,
                   isolate: bool = False):
    """A ``distributed.Client`` with the pipeline plugin registered: a LocalCluster of ``workers``
    processes bound to 127.0.0.1, or the cluster at ``scheduler``.  ``isolate``: each worker
    extracts in a single-threaded process of its own (``scale.child``) rather than in its task
    thread; off by default, because on a quiet 2-core machine it cost more CPU than it saved
    (360 articles: 111 against 90 CPU ms/article, README "Speed and memory")."""
    distributed = _import_distributed()
    import dask

    cluster = None
    if scheduler:
        client = distributed.Client(scheduler, timeout="30s")
    else:
        with dask.config.set(LOCAL_WORKER_CONFIG):
            cluster = distributed.LocalCluster(
                n_workers=int(workers or 1),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=40,  # logging.ERROR
            )
        client = distributed.Client(cluster)
    try:
        client.register_plugin(PipelinePlugin(model, isolate=isolate), name=PLUGIN_NAME)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class _Inline:
    """Runs partitions in this process, one at a time: the path without Dask."""

    def submit(self, part, rows, out_dir, model):
        return extract_partition(part, rows, out_dir, model)


def _split_tail(rows: list[dict], size: int, workers: int) -> list[list[dict]]:
    """The last articles of the input, cut so that the workers finish together: about two pieces
    per worker (none above ``size``, none under one nlp.pipe batch unless ``size`` is), so no worker
    idles while another runs a whole partition, and the loader stores the first pieces while the
    workers extract the last ones."""
    from .partition import BATCH_SIZE

    n = len(rows)
    pieces = max(-(-n // size), min(2 * workers, n // min(BATCH_SIZE, size)), 1)
    bounds = [round(i * n / pieces) for i in range(pieces + 1)]
    return [rows[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def _partitions(paths, published, store, size, stats, on_error, workers: int = 1) -> Iterator[list[dict]]:
    """Partitions of ``size`` articles in input order.  With several workers one partition more is
    read ahead, so the input's last articles (fewer than two partitions, known only once read) are
    cut by ``_split_tail``; reading ahead delays the first task by reading one partition (JSON Lines:
    ~0.02 ms an article)."""
    ahead = size if workers > 1 else 0
    batch: list[dict] = []
    for row in _rows(paths, published, store, stats, on_error):
        batch.append(row)
        if len(batch) >= size + ahead:
            yield batch[:size]
            batch = batch[size:]
    if batch:
        yield from (_split_tail(batch, size, workers) if ahead else [batch])


def _rows(paths, published, store, stats, on_error) -> Iterator[dict]:
    from ..readers import ReadError, iter_paths, read

    for path in iter_paths(paths):
        stats.files += 1
        for item in read(path, published=published):
            if isinstance(item, ReadError):
                stats.errors.append(str(item))
                if on_error:
                    on_error(str(item))
                continue
            stats.articles += 1
            if store is not None and store.has_article(item.id):
                stats.skipped += 1
                continue
            yield article_to_row(item)


def run(
    paths: list[str],
    db: str | None = None,
    out: str | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    model: str | None = None,
    published: date | None = None,
    partition_size: int = DEFAULT_PARTITION,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable | None = None,
    on_partition: Callable[[dict], None] | None = None,
    client=None,
):
    """Ingest ``paths`` through partitions (see the module docstring); returns ``IngestStats``.

    ``db``: the store to update (None with ``out``: Parquet only).  ``client``: an existing
    ``distributed.Client`` (its cluster must have ``PipelinePlugin`` registered, or each worker
    loads the pipeline at its first partition).  ``on_partition(summary)`` after each partition.
    """
    from ..store import Store
    from ..store.ingest import IngestStats
    from .load import export_events, load_partition

    if not db and not out:
        raise ValueError("give a store (db) or an output folder (out), or both")
    stats = IngestStats()
    t0 = time.perf_counter()
    scratch_db = None
    work_dir = out
    if out:
        os.makedirs(out, exist_ok=True)
        for sub in ("articles", "mentions"):  # a previous run's partitions would be read as this run's
            folder = os.path.join(out, sub)
            if os.path.isdir(folder):
                for name in os.listdir(folder):
                    if name.startswith("part-") and ".parquet" in name:
                        os.remove(os.path.join(folder, name))
    else:
        work_dir = tempfile.mkdtemp(prefix="eventwire-parts-")
    if not db:
        scratch_db = os.path.join(out, ".merge-index.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(scratch_db + suffix):
                os.remove(scratch_db + suffix)
    store = Store(db or scratch_db)
    try:
        with (_maybe_client(workers, scheduler, model, client)) as ex:
            _run_parts(ex, paths, published, store, partition_size, stats, work_dir, model,
                       on_error, on_progress, on_partition, load_partition)
        if out:
            export_events(store, os.path.join(out, "events.parquet"))
    finally:
        store.close()
        if scratch_db:
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(scratch_db + suffix):
                    os.remove(scratch_db + suffix)
        if not out:
            shutil.rmtree(work_dir, ignore_errors=True)
    stats.seconds = time.perf_counter() - t0
    return stats


@contextmanager
def _maybe_client(workers, scheduler, model, client):
    if client is not None:
        yield client
    elif workers or scheduler:
        with cluster_client(workers, scheduler, model) as c:
            yield c
    else:
        yield _Inline()


def _run_parts(ex, paths, published, store, size, stats, work_dir, model, on_error, on_progress, on_partition, load):
    import uuid

    token = uuid.uuid4().hex[:12]
    inline = isinstance(ex, _Inline)
    if inline:
        n_workers = 1
    else:
        n_workers = max(1, len(ex.scheduler_info().get("workers", {})))
    limit = IN_FLIGHT_PER_WORKER * n_workers + 1
    pending: deque = deque()  # (part, future) in input order
    done_parts: dict[int, dict] = {}

    def finish(part: int, summary: dict) -> None:
        from .partition import part_name

        path = os.path.join(work_dir, "mentions", part_name(part))
        if not os.path.exists(path):
            raise OSError(f"{path}: a worker wrote this partition where this machine cannot read it; "
                          f"give --out on storage that the workers and this machine share")
        load(work_dir, part, store, stats, on_error)
        if on_partition:
            on_partition(summary)
        if on_progress:
            on_progress(stats)

    def drain(block_until: int) -> None:
        # Load, in order, every finished partition at the head; wait while more than block_until are in flight.
        while pending:
            part, fut = pending[0]
            if len(pending) <= block_until and not (inline or fut.done()):
                return
            summary = fut if inline else fut.result()
            pending.popleft()
            finish(part, summary)

    for part, rows in enumerate(_partitions(paths, published, store, size, stats, on_error, n_workers)):
        if inline:
            pending.append((part, ex.submit(part, rows, work_dir, model)))
        else:
            fut = ex.submit(extract_partition, part, rows, work_dir, model,
                            key=f"eventwire-extract-{token}-{part}", pure=False, retries=2)
            pending.append((part, fut))
        drain(limit)
    drain(0)
