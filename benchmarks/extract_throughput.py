#!/usr/bin/env python
"""Extraction throughput: eventwire end to end against raw spaCy ``nlp.pipe``, in one run.

    python benchmarks/extract_throughput.py                  # 120 articles, 1 process, then 2 Dask workers
    python benchmarks/extract_throughput.py -n 400 --workers 0 --json bench.json
    python benchmarks/extract_throughput.py --profile        # + pyinstrument over eventwire's components after the NER

A benchmark, not a test (about 2-3 minutes on 2 idle cores with the defaults).

Corpus: N articles made from the dev gold texts (``$EVENTWIRE_SHARED/gold/dev``,
else ``../shared/gold/dev``, else the examples folder) and generated
variations of them: variation k moves the publication date k*9 days on and
rotates the paragraphs after the headline by k, so every article is new text
(a new content id) of the same kind and length.  ``--corpus mixed``: TempEval-3
articles, CASE 2021 snippets and GVA documents in turn, news that is mostly not
about conflict, where more articles can give no event and skip NER
(``nlp/prefilter.py``).

Measured, over the same articles, the same spaCy pipeline (the model eventwire
loads) and the same batch size (16):

* raw: ``spacy.load(model).pipe(texts, batch_size=16)`` - spaCy's own limit;
* eventwire: reading the JSON Lines file, ``annotate_many`` (spaCy + eventwire's
  components, batch 16) and the per-article merge (``events_from_doc``); the
  store (``Store.add_article``: cross-article merge + SQLite) is timed apart.

eventwire's pipeline runs spaCy's attribute ruler and rule lemmatizer through
look-up equivalents (``nlp/attribute_ruler.py``, ``nlp/lemmatizer.py``: the same
matches and lemmas, about 5.7 CPU ms/article less); the raw pipeline keeps
spaCy's own, so the ratio compares eventwire with spaCy as it ships.

Raw and eventwire runs alternate chunk by chunk (32 articles), so a change in
the machine's load touches both alike.  Wall time and this process's CPU time
are both reported; on a machine shared with other work, the CPU-time ratio is
the one to trust.  A second, component-by-component pass (same batches) gives
the per-stage times.  With ``--workers N`` (default 2) the corpus then goes
through ``eventwire.scale.run`` on a LocalCluster of N processes: words/s end
to end (extraction, Parquet, loader, store; cluster start-up reported apart),
the CPU time of each worker and of this process (reader, scheduler, loader,
store) and the peak RSS of each worker, set against raw spaCy's
``nlp.pipe(n_process=N)`` over the same texts, run just before.
"""
from __future__ import annotations

import argparse
import inspect
import json
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = 16
CHUNK = 32


EVENTS_ONLY: dict = {}


def gold_dir() -> Path | None:
    for p in (os.environ.get("EVENTWIRE_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if p and (Path(p) / "gold" / "dev" / "articles.jsonl").exists():
            return Path(p) / "gold" / "dev"
    return None


def base_articles() -> list[dict]:
    g = gold_dir()
    rows = []
    if g:
        for line in (g / "articles.jsonl").read_text().splitlines():
            if line.strip():
                r = json.loads(line)
                r["text"] = (g / f"{r['id']}.txt").read_text(encoding="utf-8")
                rows.append(r)
    else:
        for p in sorted((ROOT / "examples").glob("*.txt")):
            from eventwire.readers.text import split_header

            header, body = split_header(p.read_text())
            rows.append({"id": p.stem, "text": body, "published": (header or "")[:10] or None})
    return rows


def variation(r: dict, k: int) -> dict:
    paras = [p for p in r["text"].split("\n\n")]
    if k and len(paras) > 2:
        head, rest = paras[:1], paras[1:]
        j = k % len(rest)
        paras = head + rest[j:] + rest[:j]
    out = dict(r, id=f"{r['id']}-v{k}", text="\n\n".join(paras))
    pub = r.get("published")
    if k:  # a new publication date (and so a new content id) even where the paragraphs cannot move
        start = date.fromisoformat(pub[:10]) if pub and len(pub) >= 10 else date(2017, 6, 1)
        out["published"] = (start + timedelta(days=9 * k)).isoformat()
    return out


def mixed_articles() -> list[dict]:
    """News as a crawl brings it, mostly not about conflict: TempEval-3 articles (business, politics,
    science), CASE 2021 snippets and GVA documents (US local news), taken in turn."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import output_identity as oi
    from eventwire.evaluation.gva import load

    sources = [arts for name, arts in oi.mixed_articles() if name in ("tempeval3", "case_study")]
    gva = oi.shared_dir() / "data" / "public" / "semeval2018t5_gva"
    if gva.is_dir():
        sources.append([a for a, _ in load(gva, 300)[0]])
    rows = []
    for k in range(max(len(s) for s in sources)):
        for s in sources:
            if k < len(s):
                a = s[k]
                rows.append({"id": f"mixed-{len(rows)}", "text": a.text,
                             "published": a.published.isoformat() if a.published else None})
    return rows


def build_corpus(n: int, path: Path, kind: str = "dev") -> Path:
    base = base_articles() if kind == "dev" else mixed_articles()
    if not base:
        sys.exit("no articles to build the corpus from (dev gold set or examples/)")
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(variation(base[i % len(base)], i // len(base)), ensure_ascii=False) + "\n")
    return path


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    def __init__(self):
        self.wall = 0.0
        self.cpu = 0.0

    def __enter__(self):
        self._w, self._c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall += time.perf_counter() - self._w
        self.cpu += time.process_time() - self._c


def staged_pass(nlp, articles, make_doc, events_from_doc) -> dict[str, float]:
    """CPU seconds per component, running the pipeline component by component over the same batches."""
    cpu: dict[str, float] = defaultdict(float)
    for i in range(0, len(articles), BATCH):
        batch = articles[i : i + BATCH]
        t = time.process_time()
        docs = [make_doc(nlp, a) for a in batch]
        cpu["tokenizer"] += time.process_time() - t
        for name, proc in nlp.pipeline:
            t = time.process_time()
            docs = list(proc.pipe(docs, batch_size=BATCH)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            cpu[name] += time.process_time() - t
        t = time.process_time()
        for d in docs:
            events_from_doc(d)
        cpu["(per-article merge + summary)"] += time.process_time() - t
    return dict(cpu)


def raw_multiprocess_pass(raw, texts: list[str], n_process: int) -> dict:
    """Raw spaCy over the same texts with ``nlp.pipe(n_process=N)``: what N processes of spaCy
    alone give on this machine (process start included; CPU of this process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t, c = time.perf_counter(), time.process_time()
    n = sum(1 for _ in raw.pipe(texts, batch_size=BATCH, n_process=n_process))
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"n_process": n_process, "articles": n, "wall_s": wall, "cpu_s": cpu + children,
            "parent_cpu_s": cpu, "children_cpu_s": children}


def _cpu_now() -> tuple[float, int]:
    """CPU seconds and minor page faults of this process and its live children (a Dask worker's
    extraction process, ``eventwire.scale.child``)."""
    cpu, faults = time.process_time(), resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    try:
        import psutil
    except ImportError:
        return cpu, faults
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
            cpu += t.user + t.system
            with open(f"/proc/{child.pid}/stat") as fh:
                faults += int(fh.read().rsplit(")", 1)[1].split()[7])  # minflt
        except (psutil.Error, OSError, IndexError, ValueError):
            pass
    return cpu, faults


def _vm_hwm_mb(pid: int | str = "self") -> float:
    """Peak RSS from /proc (VmHWM): unlike ``ru_maxrss`` it starts again at exec, so a Dask worker
    (spawned: fork + exec of a process that may hold two pipelines) shows its own peak."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _peak_rss_mb() -> tuple[float, float]:
    """Peak RSS of this process and the largest peak of its live children (MB; 0 without any)."""
    own = _vm_hwm_mb() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        import psutil

        pids = [c.pid for c in psutil.Process().children(recursive=True)]
    except ImportError:
        pids = []
    return own, max((_vm_hwm_mb(pid) for pid in pids), default=0.0)


def _threads_cpu() -> dict[str, float]:
    """CPU seconds of this process's threads: the main thread (reader, loader, store) and the rest
    (Dask's event loop: the local scheduler, the nannies, the comms), or {} without psutil."""
    try:
        import psutil
    except ImportError:
        return {}
    import threading

    main = threading.main_thread().native_id
    out = {"main": 0.0, "other": 0.0}
    for t in psutil.Process().threads():
        out["main" if t.id == main else "other"] += t.user_time + t.system_time
    return out


def dask_pass(corpus: Path, workers: int, model: str | None, tmp: Path, partition: int | None,
              isolate: bool = False) -> dict:
    from eventwire import scale

    t = time.perf_counter()
    with scale.cluster_client(workers=workers, model=model, isolate=isolate) as client:
        client.wait_for_workers(workers)
        client.run(lambda: None)
        started = time.perf_counter() - t
        # CPU of every process that does the work: the workers, and this one (reader, scheduler, loader, store).
        w0 = client.run(_cpu_now)
        th0 = _threads_cpu()
        t, c = time.perf_counter(), time.process_time()
        kw = {"partition_size": partition} if partition else {}
        db = tmp / f"dask-{time.monotonic_ns()}.db"  # a store of its own per pass
        task_cpu = []
        stats = scale.run([str(corpus)], db=str(db), client=client,
                          on_partition=lambda summary: task_cpu.append(summary["cpu_seconds"]), **kw)
        seconds, main_cpu = time.perf_counter() - t, time.process_time() - c
        th1 = _threads_cpu()
        w1 = client.run(_cpu_now)
        rss = client.run(_peak_rss_mb)
    worker_cpu = sorted(w1[k][0] - w0[k][0] for k in w1 if k in w0)
    faults = sum(w1[k][1] - w0[k][1] for k in w1 if k in w0)
    return {"workers": workers, "startup_s": started, "seconds": seconds, "stored": stats.stored,
            "errors": len(stats.errors), "worker_peak_rss_mb": sorted(v[0] for v in rss.values()),
            "extraction_process_peak_rss_mb": sorted(v[1] for v in rss.values()),
            "worker_cpu_s": worker_cpu, "task_cpu_s": sum(task_cpu), "worker_page_faults": faults,
            "main_cpu_s": main_cpu, "main_threads_cpu_s": {k: th1[k] - th0[k] for k in th1 if k in th0},
            "partition_size": partition or f"{scale.DEFAULT_PARTITION} (default)",
            "extraction": "extraction process" if isolate else "worker thread"}


def _isolation(choice: str) -> list[bool]:
    return {"process": [True], "thread": [False], "both": [False, True]}[choice]


def print_parallel(res: dict, raw_mp: dict | None, dasks: list[dict], words: int, n: int) -> None:
    wps_raw = None
    if raw_mp:
        wps_raw = words / raw_mp["wall_s"]
        print(f"raw nlp.pipe(n_process={raw_mp['n_process']}): {raw_mp['wall_s']:.1f} s, {wps_raw:.0f} words/s "
              f"(process start included); CPU {1000 * raw_mp['cpu_s'] / n:.1f} ms/article over all processes")
        raw_mp["words_per_s"] = wps_raw
    for dask in dasks:
        wps = words / dask["seconds"]
        cpu_total = sum(dask["worker_cpu_s"]) + dask["main_cpu_s"]
        print(f"Dask LocalCluster, {dask['workers']} workers, tasks of {dask['partition_size']} articles, "
              f"extraction in the {dask.get('extraction', 'extraction process')}: "
              f"{dask['seconds']:.1f} s for {dask['stored']} articles "
              f"= {dask['stored'] / dask['seconds']:.1f} articles/s, {wps:.0f} words/s end to end "
              f"(read, extract, Parquet, load, merge, store; start-up {dask['startup_s']:.1f} s apart); "
              f"worker peak RSS {', '.join(f'{x:.0f}' for x in dask['worker_peak_rss_mb'])} MB"
              + (f", their extraction processes {', '.join(f'{x:.0f}' for x in dask['extraction_process_peak_rss_mb'])} MB"
                 if any(dask.get("extraction_process_peak_rss_mb") or []) else ""))
        print(f"  CPU ms/article: workers {' + '.join(f'{1000 * x / n:.1f}' for x in dask['worker_cpu_s'])}, "
              f"(with their extraction processes; of which the tasks' own threads {1000 * dask['task_cpu_s'] / n:.1f}), "
              f"this process (reader, scheduler, loader, store) {1000 * dask['main_cpu_s'] / n:.1f}; "
              f"all {1000 * cpu_total / n:.1f}; worker page faults {dask['worker_page_faults'] / n:.0f}/article")
        th = dask.get("main_threads_cpu_s") or {}
        if th:
            # the main thread's share is the reading, the loader and the store; the event loop's grows
            # with the wall time (the scheduler's and nannies' housekeeping, ~7 CPU ms a second)
            print(f"  this process by thread, CPU ms/article: main (reader, loader, store) {1000 * th['main'] / n:.1f}, "
                  f"event loop (scheduler, nannies, comms) {1000 * th['other'] / n:.1f}")
        dask["words_per_s"] = wps
        if raw_mp:
            print(f"  Dask / raw nlp.pipe(n_process={raw_mp['n_process']}): {wps / wps_raw:.2f} (wall), "
                  f"{raw_mp['cpu_s'] / cpu_total:.2f} (CPU)")
    res["dask_passes"] = dasks


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=120, help="articles in the corpus (default 120)")
    ap.add_argument("--workers", type=int, default=2, help="Dask workers for the parallel pass (0: skip)")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: eventwire's)")
    ap.add_argument("--partition", default="0",
                    help="articles per Dask task (0: eventwire.scale's default); a comma list runs one Dask pass each")
    ap.add_argument("--extraction", choices=("process", "thread", "both"), default="thread",
                    help="where a Dask worker extracts: its task thread (default), its single-threaded "
                         "extraction process (eventwire.scale.child, opt-in), or both, one pass each")
    ap.add_argument("--parallel-only", action="store_true",
                    help="only raw nlp.pipe(n_process=N) and the Dask pass (no single-process figures)")
    ap.add_argument("--profile", action="store_true", help="pyinstrument over eventwire's components")
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument("--corpus", choices=("dev", "mixed"), default="dev",
                    help="dev: the dev gold texts and variations (conflict news); mixed: TempEval-3, CASE 2021 "
                         "and GVA documents in turn (mostly not conflict news, as a crawl brings it)")
    args = ap.parse_args()

    from eventwire.extract import events_from_doc
    from eventwire.nlp.pipeline import _load_model, annotate_many, load_pipeline, make_doc, model_name
    from eventwire.readers import ReadError, read
    from eventwire.store import Store

    # (an older checkout's annotate_many has no events_only: the same script measures the code before)
    global EVENTS_ONLY
    EVENTS_ONLY = {"events_only": True} if "events_only" in inspect.signature(annotate_many).parameters else {}
    tmp = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    corpus = build_corpus(args.n, tmp / "corpus.jsonl", args.corpus)

    t = time.perf_counter()
    nlp = load_pipeline(args.model)
    load_ew = time.perf_counter() - t
    raw = _load_model(model_name(args.model))  # the same spaCy pipeline, without eventwire's components
    raw_names = [n for n in raw.pipe_names]
    assert all(n in nlp.pipe_names for n in raw_names), "raw and eventwire pipelines differ"

    read_clock = Clock()
    with read_clock:
        articles = [a for a in read(str(corpus)) if not isinstance(a, ReadError)]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    if args.parallel_only:
        raw_mp = raw_multiprocess_pass(raw, texts, args.workers or 2)
        dasks = [dask_pass(corpus, args.workers or 2, args.model, tmp, int(x) or None, iso)
                 for x in str(args.partition).split(",") for iso in _isolation(args.extraction)]
        n = len(articles)
        print(f"{n} articles, {words} words; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        res = {"articles": n, "words": words, "raw_nlp_pipe_multiprocess": raw_mp, "load": os.getloadavg()}
        print_parallel(res, raw_mp, dasks, words, n)
        if args.json:
            Path(args.json).write_text(json.dumps(res, indent=2))
        return 0
    # Warm-up: lazy data (gazetteer, lexicons, the classifier) is not counted.
    for a in articles[:2]:
        events_from_doc(nlp(make_doc(nlp, a)))
    list(raw.pipe(texts[:2]))

    raw_clock, ew_clock, merge_clock = Clock(), Clock(), Clock()
    tokens = 0
    n_events = 0
    per_article_events = []
    for i in range(0, len(articles), CHUNK):
        chunk = articles[i : i + CHUNK]
        with raw_clock:
            for doc in raw.pipe([a.text for a in chunk], batch_size=BATCH):
                tokens += len(doc)
        with ew_clock:
            # the extraction path (extract_with): an article that cannot give an event skips NER
            for a, doc in annotate_many(chunk, nlp, batch_size=BATCH, **EVENTS_ONLY):
                evs = events_from_doc(doc)
                per_article_events.append((a, evs))
                n_events += len(evs)
    store_clock = Clock()
    with Store(tmp / "single.db") as store, store_clock:
        for a, evs in per_article_events:
            store.add_article(a, evs)
    single_rss = rss_mb()
    # A process that ever had a second thread stays slower in spaCy's C code (NER ~20%): count them.
    threads = len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else None

    stages = staged_pass(nlp, articles, make_doc, events_from_doc)
    profile_text = None
    if args.profile:
        from pyinstrument import Profiler

        # The docs as they leave the last spaCy component (eventwire's paragraph, furniture and
        # dateline components run before the parser and the NER, so they are not profiled here).
        last = max(nlp.pipe_names.index(n) for n in raw_names)
        with nlp.select_pipes(enable=nlp.pipe_names[: last + 1]):
            docs = [nlp(make_doc(nlp, a)) for a in articles[: min(60, len(articles))]]
        prof = Profiler(interval=0.0005)
        prof.start()
        for d in docs:
            for name, proc in nlp.pipeline[last + 1:]:
                d = proc(d)
            events_from_doc(d)
        prof.stop()
        profile_text = prof.output_text(unicode=False, color=False, show_all=False)

    raw_mp, dasks = None, []
    if args.workers:
        # Raw spaCy in as many processes as Dask has workers, just before the Dask pass: the limit
        # of that many cores on this machine, to set the Dask figure against.
        raw_mp = raw_multiprocess_pass(raw, texts, args.workers)
        for size in [int(x) for x in str(args.partition).split(",")]:
            for iso in _isolation(args.extraction):
                dasks.append(dask_pass(corpus, args.workers, args.model, tmp, size or None, iso))
    dask = dasks[0] if dasks else None

    n = len(articles)
    res = {
        "articles": n,
        "words": words,
        "tokens": tokens,
        "model": model_name(args.model),
        "batch_size": BATCH,
        "pipeline_load_s": load_ew,
        "reading_s": read_clock.wall,
        "raw_nlp_pipe": {"wall_s": raw_clock.wall, "cpu_s": raw_clock.cpu,
                         "articles_per_s": n / raw_clock.wall, "words_per_s": words / raw_clock.wall,
                         "tokens_per_s": tokens / raw_clock.wall},
        "eventwire": {"wall_s": ew_clock.wall, "cpu_s": ew_clock.cpu,
                      "articles_per_s": n / ew_clock.wall, "words_per_s": words / ew_clock.wall,
                      "tokens_per_s": tokens / ew_clock.wall, "events": n_events},
        "ratio_wall": raw_clock.wall / ew_clock.wall,
        "ratio_cpu": raw_clock.cpu / ew_clock.cpu,
        "store_s": store_clock.wall,
        "store_cpu_s": store_clock.cpu,
        "ratio_cpu_with_store": raw_clock.cpu / (ew_clock.cpu + store_clock.cpu),
        "stages_cpu_s": stages,
        "peak_rss_mb": single_rss,
        "threads": threads,
        "load": os.getloadavg(),
        "cpus": os.cpu_count(),
        "raw_nlp_pipe_multiprocess": raw_mp,
        "dask": dask,
    }
    print(f"eventwire extraction benchmark: {n} articles, {words} words ({words / n:.0f} per article), "
          f"{tokens} tokens; model {res['model']}, batch {BATCH}")
    print(f"machine: {os.cpu_count()} CPUs, load average {' '.join(f'{x:.1f}' for x in res['load'])} "
          f"(other work on the machine slows wall-clock figures)")
    print(f"pipeline load {load_ew:.1f} s; reading {n} articles {1000 * read_clock.wall:.0f} ms")
    print("                      wall s   CPU s   articles/s   words/s   tokens/s")
    for label, key in (("raw nlp.pipe", "raw_nlp_pipe"), ("eventwire", "eventwire")):
        r = res[key]
        print(f"  {label:18s} {r['wall_s']:7.1f} {r['cpu_s']:7.1f}  {r['articles_per_s']:10.1f}  "
              f"{r['words_per_s']:8.0f}  {r['tokens_per_s']:9.0f}")
    print(f"  eventwire / raw throughput: {res['ratio_wall']:.2f} (wall), {res['ratio_cpu']:.2f} (CPU)")
    print(f"  store (cross-article merge + SQLite): {1000 * store_clock.wall / n:.1f} ms/article "
          f"({1000 * store_clock.cpu / n:.1f} CPU); eventwire with the store / raw: "
          f"{raw_clock.cpu / (ew_clock.cpu + store_clock.cpu):.2f} (CPU; the Dask pass below includes the store)")
    print(f"  peak RSS (one process, both pipelines loaded): {single_rss:.0f} MB; threads in this process: "
          f"{threads} (OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')})")
    total = sum(stages.values())
    print("CPU ms per article by stage (component-by-component pass):")
    for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
        own = "" if name in raw_names or name == "tokenizer" else "  eventwire"
        print(f"  {name:32s} {1000 * secs / n:7.1f}  {100 * secs / total:5.1f}%{own}")
    print_parallel(res, raw_mp, dasks, words, n)
    if profile_text:
        print(profile_text)
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
