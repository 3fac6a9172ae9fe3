#!/usr/bin/env python
"""Benchmark the store and the merge: ingest N synthetic articles into a fresh store.

    python scripts/benchmark_ingest.py                 # 10,000 articles of synthetic mentions
    python scripts/benchmark_ingest.py -n 2000 --db /tmp/bench.db --keep
    python scripts/benchmark_ingest.py -n 200 --pipeline   # made-up text through the real spaCy pipeline

A benchmark, not a test.  Synthetic mode makes articles and their mentions
directly (no NLP), then runs the real code path from there: ``merge_mentions``
per article, then ``Store.add_article`` (blocking, cross-article merge, one
transaction per article).  The stream moves forward in time like a news feed:
happenings in 20 countries, each reported by 1-4 outlets within a few days
(3% undated, 20% week, 5% month precision), some articles also mentioning an
older happening in passing.

Reports articles/s, the merge+store time per article around 1k/5k/10k/50k/100k/200k stored
articles (it should stay flat as the store grows), the store's size and the
peak RSS.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta

from eventwire.article import Article
from eventwire.merge import merge_mentions
from eventwire.records import Actor, DateRange, EventMention, Place, Source
from eventwire.store import Store

KINDS = [
    ("Battles", "Armed clash", "fighters clashed with soldiers in"),
    ("Battles", "Government regains territory", "the army retook"),
    ("Explosions/Remote violence", "Air/drone strike", "an air strike hit"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "a roadside bomb exploded near"),
    ("Violence against civilians", "Attack", "gunmen attacked villagers in"),
    ("Violence against civilians", "Abduction/forced disappearance", "gunmen abducted residents of"),
    ("Protests", "Peaceful protest", "hundreds marched through"),
    ("Riots", "Violent demonstration", "protesters clashed with police in"),
    ("Strategic developments", "Arrests", "police arrested suspects in"),
]
ACTORS = ["Northern Front", "River Brigade", "Hill Movement", "Coastal Army", None, None]


def make_world(rng: random.Random):
    countries = ["NG", "SO", "YE", "SY", "IQ", "AF", "ML", "BF", "CD", "SD", "ET", "KE", "MZ", "CM", "NE", "LY", "PK", "MM", "UA", "CO"]
    towns = []
    for ci, cc in enumerate(countries):
        for t in range(12):
            towns.append(Place(f"Town{ci:02d}{t:02d}", cc, -10 + ci * 2.5 + rng.uniform(0, 2), 10 + t * 1.5 + rng.uniform(0, 1),
                               admin1=f"{cc}-R{t % 4}", precision="town"))
    return towns


def synthetic_stream(n_articles: int, seed: int = 42):
    """(Article, [EventMention], [happening id of each mention]) in publication order."""
    rng = random.Random(seed)
    towns = make_world(rng)
    day0 = date(2022, 1, 1)
    happenings = []
    produced = 0
    h = 0
    while produced < n_articles:
        # About 12 happenings a day across the world.
        day = day0 + timedelta(days=h // 12)
        town = rng.choice(towns)
        et, sub, verb = rng.choice(KINDS)
        actor = rng.choice(ACTORS)
        toll = rng.choice([None, rng.randrange(1, 40)])
        happenings.append((day, town, et, sub, verb, actor, toll))
        hid = len(happenings) - 1
        for r in range(rng.choice([1, 1, 2, 2, 3, 4])):
            if produced >= n_articles:
                break
            produced += 1
            pub = day + timedelta(days=rng.choice([0, 0, 1, 1, 2, 3]))
            lines = [f"{town.name} - Report {produced}: {verb} {town.name}, officials said."]
            ms = []
            prec = rng.random()
            if prec < 0.03:
                dr = DateRange.unknown()  # no publication date to resolve against
            elif prec < 0.75:
                dr = DateRange(day, day, "day")
            elif prec < 0.95:
                monday = day - timedelta(days=day.weekday())
                dr = DateRange(monday, monday + timedelta(days=6), "week")
            else:
                dr = DateRange(day.replace(day=1), day.replace(day=28), "month")
            fat = None if toll is None else toll + rng.choice([0, 0, 0, 1, 3])
            ms.append((0, et, sub, dr, town, actor, fat))
            labels = [hid]
            if rng.random() < 0.4:
                lines.append(f"At least {fat or 'several'} people were hurt in {town.name}.")
                ms.append((1, et, sub, DateRange(day, day, "day"), None, None, fat))
                labels.append(hid)
            if rng.random() < 0.15 and len(happenings) > 50:
                old = rng.randrange(len(happenings) - 50)
                od, otown, oet, osub, overb, oactor, _ = happenings[old]
                labels.append(old)
                lines.append(f"In {od.strftime('%B %Y')}, {overb} {otown.name}.")
                ms.append((len(lines) - 1, oet, osub, DateRange(od.replace(day=1), od.replace(day=28), "month"), otown, oactor, None))
            if rng.random() < 0.2:
                lines.append("Residents said the situation remained tense.")
            text = "\n".join(lines)
            art = Article(text=text, published=pub, published_precision="day", outlet=f"Outlet {rng.randrange(40)}",
                          url=f"https://news.example/{produced}", path=f"synthetic/{produced}.txt")
            offsets = []
            pos = 0
            for line in lines:
                offsets.append((pos, pos + len(line)))
                pos += len(line) + 1
            mentions = [
                EventMention(
                    event_type=et_, sub_event_type=sub_, date=dr_,
                    source=Source(article_id=art.id, sentence=lines[li], span=offsets[li]),
                    actor1=Actor(a_, "rebel group") if a_ else None,
                    location=pl_, fatalities=f_, counts={"killed": f_} if f_ is not None else {},
                )
                for li, et_, sub_, dr_, pl_, a_, f_ in ms
            ]
            yield art, mentions, labels
        h += 1


def _bcubed(pairs):
    from collections import Counter, defaultdict

    by_pred, by_gold = defaultdict(list), defaultdict(list)
    for g, p in pairs:
        by_pred[p].append(g)
        by_gold[g].append(p)
    prec = sum(Counter(by_pred[p])[g] / len(by_pred[p]) for g, p in pairs) / len(pairs)
    rec = sum(Counter(by_gold[g])[p] / len(by_gold[g]) for g, p in pairs) / len(pairs)
    return prec, rec, 2 * prec * rec / (prec + rec)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=10_000, help="articles to ingest (default 10,000)")
    ap.add_argument("--db", help="store path (default: a temporary file)")
    ap.add_argument("--keep", action="store_true", help="keep the store")
    ap.add_argument("--pipeline", action="store_true", help="made-up text through the real extraction (slow)")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    tmpdir = None
    db = args.db
    if db is None:
        tmpdir = tempfile.mkdtemp(prefix="ew-bench-")
        db = os.path.join(tmpdir, "bench.db")
    elif os.path.exists(db):
        print(f"{db} exists; give a new path", file=sys.stderr)
        return 2
    store = Store(db)
    marks = sorted({m for m in (1000, 5000, 10_000, 50_000, 100_000, 200_000, args.n) if m <= args.n})
    per_article: list[float] = []
    per_article_cpu: list[float] = []  # CPU time: steadier than wall time on a shared machine
    t_start = time.perf_counter()
    gen_time = 0.0
    extract_time = 0.0
    report = []

    stream = synthetic_stream(args.n, args.seed)
    if args.pipeline:
        from eventwire.extract import extract_articles

        def with_pipeline():
            arts = [a for a, _, _ in stream]
            for a, evs in extract_articles(arts):
                yield a, evs

        source = with_pipeline()
    else:
        truth: dict[tuple[str, int], int] = {}

        def synthetic():
            for a, ms, labels in stream:
                for m, lab in zip(ms, labels):
                    truth[(a.id, m.source.span[0])] = lab
                yield a, merge_mentions(ms)

        source = synthetic()

    i = 0
    while True:
        t0 = time.perf_counter()
        try:
            art, events = next(source)
        except StopIteration:
            break
        t1 = time.perf_counter()
        extract_time += t1 - t0
        c1 = time.process_time()
        store.add_article(art, events)
        per_article.append(time.perf_counter() - t1)
        per_article_cpu.append(time.process_time() - c1)
        i += 1
        if i in marks:
            window = per_article[max(0, i - 500):i]
            cpu = per_article_cpu[max(0, i - 500):i]
            c = store.counts()
            report.append((i, 1000 * statistics.mean(window), 1000 * statistics.median(window),
                           1000 * sorted(window)[int(0.95 * (len(window) - 1))], 1000 * statistics.mean(cpu),
                           c["events"], peak_rss_mb()))
    total = time.perf_counter() - t_start
    counts = store.counts()
    bcubed = None
    if not args.pipeline:
        pairs = [
            (truth[(aid, start)], eid)
            for aid, start, eid in store.conn.execute(
                "SELECT m.article_id, m.span_start, l.event_id FROM mentions m JOIN event_mentions l ON l.mention_id = m.id"
            )
        ]
        bcubed = _bcubed(pairs)
        n_happenings = len({g for g, _ in pairs})
    store.close()
    size_mb = sum(os.path.getsize(p) for p in (db, db + "-wal") if os.path.exists(p)) / 1e6

    mode = "real pipeline" if args.pipeline else "synthetic mentions (merge_mentions + Store.add_article)"
    print(f"eventwire ingest benchmark: {args.n} articles, {mode}")
    print(f"  total {total:.1f} s = {args.n / total:.0f} articles/s  (store+merge {sum(per_article):.1f} s, "
          f"{'extraction' if args.pipeline else 'generation+within-article merge'} {extract_time:.1f} s)")
    print(f"  store: {counts['articles']} articles, {counts['mentions']} mentions, {counts['events']} events, {size_mb:.1f} MB")
    if bcubed:
        print(f"  merge quality on the synthetic truth: {n_happenings} happenings; B-cubed P {bcubed[0]:.3f} "
              f"R {bcubed[1]:.3f} F1 {bcubed[2]:.3f} (mentions into events)")
    print("  merge+store per article over the last 500 articles:")
    print("    stored   mean ms  median ms  p95 ms  CPU ms   events  peak RSS MB")
    for n, mean, med, p95, cpu, nev, rss in report:
        print(f"    {n:6d}  {mean:8.2f}  {med:9.2f}  {p95:6.2f}  {cpu:6.2f}  {nev:7d}  {rss:10.0f}")
    print(f"  peak RSS {peak_rss_mb():.0f} MB")
    if tmpdir and not args.keep:
        for p in (db, db + "-wal", db + "-shm"):
            if os.path.exists(p):
                os.remove(p)
        os.rmdir(tmpdir)
    elif args.keep or args.db:
        print(f"  store kept at {db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
