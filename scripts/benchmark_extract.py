"""Extraction speed and memory: articles/s, ms per article per pipeline component, peak RSS.

    python scripts/benchmark_extract.py [FILE_OR_DIR ...] [--repeat N]

Without paths it uses the example article and, when present, the dev gold
articles (../shared/gold/dev).  Each component is timed by wrapping it, so the
figures say where the time goes.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_paths() -> list[str]:
    paths = [str(ROOT / "examples")]
    gold = ROOT.parent / "shared" / "gold" / "dev"
    if gold.exists():
        paths.append(str(gold))
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=5, help="passes over the articles")
    ap.add_argument("--model", default=None)
    args = ap.parse_args()

    from eventwire.extract import events_from_doc
    from eventwire.nlp.pipeline import load_pipeline, make_doc
    from eventwire.readers import ReadError, iter_paths, read

    t0 = time.perf_counter()
    nlp = load_pipeline(args.model)
    load_s = time.perf_counter() - t0

    articles = [a for p in iter_paths(args.paths or default_paths()) for a in read(p) if not isinstance(a, ReadError)]
    if not articles:
        sys.exit("no articles to benchmark")
    timing: dict[str, float] = defaultdict(float)
    n_events = 0
    # Warm-up pass so lazy loading (gazetteer, lexicons) is not counted per article.
    for a in articles[:2]:
        events_from_doc(nlp(make_doc(nlp, a)))
    start = time.perf_counter()
    for _ in range(args.repeat):
        for a in articles:
            doc = make_doc(nlp, a)
            for name, proc in nlp.pipeline:
                t = time.perf_counter()
                doc = proc(doc)
                timing[name] += time.perf_counter() - t
            t = time.perf_counter()
            n_events += len(events_from_doc(doc))
            timing["(merge+summary)"] += time.perf_counter() - t
    total = time.perf_counter() - start
    n = len(articles) * args.repeat
    words = sum(len(a.text.split()) for a in articles) * args.repeat
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pipeline load: {load_s:.2f} s")
    print(f"articles: {n} ({len(articles)} x {args.repeat}), {words / n:.0f} words each on average")
    print(f"throughput: {n / total:.1f} articles/s, {words / total:.0f} words/s, {1000 * total / n:.1f} ms/article")
    print(f"events: {n_events / n:.2f} per article")
    print(f"peak RSS: {peak_mb:.0f} MB")
    print("ms per article by component:")
    for name, secs in sorted(timing.items(), key=lambda kv: -kv[1]):
        print(f"  {name:24s} {1000 * secs / n:7.2f}  ({100 * secs / total:4.1f}%)")


if __name__ == "__main__":
    main()
