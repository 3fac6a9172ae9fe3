#!/usr/bin/env python3
"""Load benchmark of ``eventwire serve`` over a store of generated events (a benchmark, not a test).

    python benchmarks/serve_load.py                    # 1,000,000 events, 200 requests per endpoint
    python benchmarks/serve_load.py --events 100000 --requests 50 --db /tmp/ew-bench.db --keep

Writes synthetic rows straight into SQLite (the store's schema and indexes, from
``eventwire.store.Store``; no extraction), starts ``eventwire serve`` on 127.0.0.1,
and times bounded, sequential request loops over loopback: the table JSON, its
country and date filters, the facet page and facet JSON, the map page, the
GeoJSON endpoint and the timeline.  Each endpoint is asked for several distinct
URLs (countries, months) in turn; the first request of every distinct URL is
reported apart ("cold": the query cache is empty for it).  Goal: p99 < 100 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# (code, lat, lon, weight): where the generated events happen
COUNTRIES = [
    ("SY", 35.0, 38.5, 12), ("YE", 15.5, 47.5, 9), ("SO", 5.2, 46.2, 8), ("NG", 9.1, 8.7, 8), ("AF", 33.9, 67.7, 8),
    ("UA", 48.4, 31.2, 10), ("IQ", 33.2, 43.7, 6), ("ML", 17.6, -4.0, 5), ("BF", 12.2, -1.6, 5), ("CD", -4.0, 21.8, 6),
    ("SD", 12.9, 30.2, 5), ("ET", 9.1, 40.5, 4), ("MM", 21.9, 95.9, 6), ("PK", 30.4, 69.3, 4), ("IN", 20.6, 79.0, 5),
    ("MX", 23.6, -102.6, 4), ("CO", 4.6, -74.3, 3), ("BR", -14.2, -51.9, 3), ("PS", 31.9, 35.2, 4), ("LB", 33.9, 35.9, 3),
    ("LY", 26.3, 17.2, 3), ("CM", 7.4, 12.4, 3), ("NE", 17.6, 8.1, 2), ("TD", 15.5, 18.7, 2), ("KE", -0.02, 37.9, 2),
    ("SS", 6.9, 31.3, 2), ("CF", 6.6, 20.9, 2), ("MZ", -18.7, 35.5, 2), ("PH", 12.9, 121.8, 3), ("US", 37.1, -95.7, 3),
    ("HK", 22.3, 114.2, 1), ("FR", 46.2, 2.2, 1), ("IR", 32.4, 53.7, 2), ("TR", 39.0, 35.2, 2), ("EG", 26.8, 30.8, 1),
    ("VE", 6.4, -66.6, 1), ("HT", 18.97, -72.3, 1), ("BD", 23.7, 90.4, 1), ("TH", 15.9, 100.99, 1), ("LK", 7.9, 80.8, 1),
]
START, DAYS = date(2015, 1, 1), 11 * 365


def generate(path: str, n: int, seed: int = 13) -> None:
    from eventwire.store import Store
    from eventwire.taxonomy import TAXONOMY

    if os.path.exists(path):
        os.remove(path)
    Store(path).close()  # the schema, its indexes and migrations
    rnd = random.Random(seed)
    subs = [(et, sub) for et, ss in TAXONOMY.items() for sub in ss]
    sub_w = [5 if et in ("Battles", "Explosions/Remote violence", "Protests") else 2 for et, _ in subs]
    codes = [c for c in COUNTRIES]
    c_w = [c[3] for c in COUNTRIES]
    actors = [f"Armed Group {i}" for i in range(1500)] + [f"Military Forces of {c[0]}" for c in COUNTRIES] + [f"Protesters ({c[0]})" for c in COUNTRIES]
    a_w = [1.0 / (i + 1) for i in range(len(actors))]
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    idx = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='events' AND sql IS NOT NULL").fetchall()
    for name, _ in idx:
        conn.execute(f'DROP INDEX "{name}"')
    t0 = time.perf_counter()
    batch = []
    conn.execute("BEGIN")
    for i in range(n):
        et, sub = rnd.choices(subs, sub_w)[0]
        code, lat, lon, _ = rnd.choices(codes, c_w)[0]
        la, lo = round(lat + rnd.gauss(0, 2.0), 5), round(lon + rnd.gauss(0, 2.0), 5)
        day = (START + timedelta(days=rnd.randrange(DAYS))).isoformat() if rnd.random() > 0.01 else None
        a1 = rnd.choices(actors, a_w)[0]
        fat = rnd.choice([0, 0, 0, 1, 2, 3, 5, 10, None])
        nsrc = rnd.choice([1, 1, 1, 2, 2, 3, 5])
        eid = f"ew-{i:016x}"
        town = f"Town {rnd.randrange(5000)}"
        summary = f"On {day or 'an unknown date'}, {a1}: {sub.lower()} in {town} ({code})" + (f"; {fat} killed." if fat else ".")
        rec = {
            "event_id": eid, "event_type": et, "sub_event_type": sub, "date": day, "date_precision": "day" if day else "unknown",
            "actor1": {"name": a1, "kind": "rebel group", "country": code}, "actor2": None, "associated_actors": [],
            "location": {"name": town, "country": code, "admin1": None, "lat": la, "lon": lo, "geonameid": None, "precision": "town"},
            "destination": None, "fatalities": fat, "counts": {"killed": fat} if fat else {}, "modality": "asserted",
            "summary": summary, "sources": [],
        }
        batch.append((
            eid, i + 1, day, day, "day" if day else "unknown", et, sub, a1, None, code, None, town, la, lo, "town",
            fat, nsrc, nsrc, summary, json.dumps(rec, separators=(",", ":")), "{}",
        ))
        if len(batch) == 20000:
            conn.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
            batch = []
    if batch:
        conn.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
    conn.execute("COMMIT")
    t1 = time.perf_counter()
    for _, sql in idx:
        conn.execute(sql)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(f"generated {n:,} events in {t1 - t0:.0f} s, indexes in {time.perf_counter() - t1:.0f} s: {path} "
          f"({os.path.getsize(path) / 1e6:.0f} MB)", flush=True)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = min(len(xs) - 1, max(0, int(round(p / 100 * len(xs) + 0.5)) - 1))
    return xs[k]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=200, help="timed requests per endpoint (after the cold ones)")
    ap.add_argument("--db", help="store to write (default: a temporary file)")
    ap.add_argument("--reuse", action="store_true", help="use --db as it is when it exists")
    ap.add_argument("--keep", action="store_true", help="keep the generated store")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    import httpx

    tmp = None
    db = args.db
    if not db:
        tmp = tempfile.mkdtemp(prefix="ew-serve-load-")
        db = os.path.join(tmp, "bench.db")
    if not (args.reuse and os.path.exists(db)):
        generate(db, args.events)
    name = Path(db).stem
    port = _free_port()
    host = "127.0.0.1"  # loopback only
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""), EVENTWIRE_TILE_URL="")
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", db, "--host", host, "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://{host}:{port}"
    results = {}
    try:
        client = httpx.Client(base_url=base, timeout=60)
        t0 = time.perf_counter()
        for _ in range(600):
            if proc.poll() is not None:
                print(proc.stderr.read(), file=sys.stderr)
                return 2
            try:
                if client.get("/").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        print(f"server answering after {time.perf_counter() - t0:.1f} s", flush=True)
        t = time.perf_counter()  # the startup warm-up (table facets, timeline) and what it left to the background
        time.sleep(2.0)
        while time.perf_counter() - t < 300 and client.get("/-/eventwire/cache.json").json().get("pending"):
            time.sleep(0.5)
        print(f"warm-up done after {time.perf_counter() - t:.0f} s", flush=True)
        countries = [c[0] for c in COUNTRIES[:20]]
        months = [f"{y}-{m:02d}" for y in range(2016, 2025) for m in (1, 4, 7, 10)]

        def month_range(mo):
            y, m = int(mo[:4]), int(mo[5:])
            nxt = f"{y + (m == 12)}-{(m % 12) + 1:02d}"
            return f"event_date__gte={mo}-01&event_date__lt={nxt}-01"

        endpoints = {
            "table JSON": [f"/{name}/events.json?_shape=array&_size=50"],
            "table JSON, country filter": [f"/{name}/events.json?_shape=array&_size=50&country={c}" for c in countries],
            "table JSON, date filter": [f"/{name}/events.json?_shape=array&_size=50&{month_range(m)}" for m in months],
            "facet page (HTML)": [f"/{name}/events"],
            "facet JSON": [f"/{name}/events.json"],
            "facet page, country filter": [f"/{name}/events?country={c}" for c in countries],
            "map page": ["/-/eventwire/map"],
            "GeoJSON (1,000 newest located)": ["/-/eventwire/events.geojson?_located=1&_size=1000"],
            "GeoJSON, country filter": [f"/-/eventwire/events.geojson?_located=1&_size=1000&country={c}" for c in countries],
            "GeoJSON, since filter": [f"/-/eventwire/events.geojson?_located=1&_size=1000&since={m}-01" for m in months],
            "timeline (month)": ["/-/eventwire/timeline"],
            "timeline, country filter": [f"/-/eventwire/timeline?by=week&country={c}" for c in countries],
        }
        print(f"{'endpoint (ms)':34} {'cold mean':>10} {'cold max':>9} {'p50':>8} {'p99':>8} {'max':>8}  bytes")
        for label, urls in endpoints.items():
            cold, warm, size, bad = [], [], 0, 0
            for u in urls:  # the first request of each distinct URL
                t = time.perf_counter()
                r = client.get(u)
                cold.append((time.perf_counter() - t) * 1000)
                bad += r.status_code != 200
                size = len(r.content)
            # queries stopped by the time limit finish in the background (facets over the whole store):
            # wait for them, at most 5 minutes, and say how long that took
            t = time.perf_counter()
            while time.perf_counter() - t < 300 and client.get("/-/eventwire/cache.json").json().get("pending"):
                time.sleep(0.5)
            settle = time.perf_counter() - t
            for i in range(args.requests):  # bounded loop
                u = urls[i % len(urls)]
                t = time.perf_counter()
                r = client.get(u)
                warm.append((time.perf_counter() - t) * 1000)
                bad += r.status_code != 200
            results[label] = {
                "cold_mean_ms": statistics.mean(cold), "cold_max_ms": max(cold),
                "p50_ms": pct(warm, 50), "p99_ms": pct(warm, 99), "max_ms": max(warm),
                "bytes": size, "non_200": bad, "urls": len(urls), "background_s": settle,
            }
            x = results[label]
            print(f"{label:34} {x['cold_mean_ms']:10.1f} {x['cold_max_ms']:9.1f} {x['p50_ms']:8.1f} {x['p99_ms']:8.1f} "
                  f"{x['max_ms']:8.1f}  {size}{'  NON-200: ' + str(bad) if bad else ''}"
                  f"{f'  (background {settle:.0f} s)' if settle >= 1 else ''}", flush=True)
        client.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if tmp and not args.keep:
            for f in os.listdir(tmp):
                os.remove(os.path.join(tmp, f))
            os.rmdir(tmp)
    if args.json:
        Path(args.json).write_text(json.dumps({"events": args.events, "results": results}, indent=1))
    worst = max(x["p99_ms"] for x in results.values())
    print(f"worst p99: {worst:.1f} ms (goal < 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
