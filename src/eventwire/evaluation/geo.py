"""Toponym resolution on public geoparsing corpora (GeoWebNews, LGL, TR-News).

    python -m eventwire.evaluation.geo /work/shared/data/public/geoparsing_milangritta [--limit N]
        [--gold ../shared/gold/dev] [--json scores.json]

For each corpus: the gold toponyms (with coordinates) are resolved in the
context of their article by eventwire's resolver (the same code the pipeline
runs, with the article's own recognised places as context), and scored as in
Gritta et al.: accuracy within 161 km (100 miles) and mean error in km (an
unresolved toponym counts as 20,039 km, half the Earth's circumference).  The
ceiling is the share of gold toponyms for which the gazetteer holds some entry of
that name within 161 km of the gold point: no resolver over the same index can
do better.  Also
with the fallback for names the gazetteer lacks (the nearest place named in the
sentence, else the article's focal town).  Also
reported: recognition recall (share of gold toponyms that the component finds
on its own) and the time the component takes per article.  ``--gold DIR``
also scores ``event_location`` on a gold set (within 25 km of the gold event
point, per evidence sentence) and the component's share of pipeline time.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

CORPORA = {
    "GeoWebNews": "data/GWN.xml",
    "LGL": "data/Corpora/lgl.xml",
    "TR-News": "data/Corpora/TR-News.xml",
}


def _align(text: str, s: int, e: int, phrase: str) -> tuple[int, int]:
    """Some corpora's offsets drift by a few characters: find the phrase nearest the given start."""
    if not phrase or text[s:e] == phrase:
        return s, e
    best = None
    for cand in range(max(0, s - 40), min(len(text), s + 40)):
        if text.startswith(phrase, cand) and (best is None or abs(cand - s) < abs(best - s)):
            best = cand
    return (best, best + len(phrase)) if best is not None else (s, e)


def read_corpus(path: Path) -> list[tuple[str, list[tuple[int, int, str, float, float]]]]:
    """[(text, [(start, end, phrase, lat, lon), ...]), ...] for GWN.xml and the lgl/TR-News format."""
    root = ET.parse(path).getroot()
    out = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            start, end = t.findtext("start"), t.findtext("end")
            lat = t.findtext("latitude") or t.findtext("gaztag/lat")
            lon = t.findtext("longitude") or t.findtext("gaztag/lon")
            phrase = t.findtext("extractedName") or t.findtext("phrase") or ""
            if t.findtext("nonLocational") == "Yes":
                continue
            if not (start and end and lat and lon):
                continue
            try:
                s, e = int(start), int(end)
                tops.append((*_align(text, s, e, phrase.strip()), phrase, float(lat), float(lon)))
            except ValueError:
                continue
        if tops:
            out.append((text, tops))
    return out


def evaluate_corpus(nlp, docs, limit: int | None = None) -> dict:
    from ..gazetteer import haversine
    from ..nlp.toponyms import demonym_country, resolve_given

    errors: list[float] = []
    reachable = 0
    fb_errors: list[float] = []
    found = total = unresolved = 0
    comp_time = 0.0
    n_docs = 0
    comp = nlp.get_pipe("eventwire_toponyms")
    for text, tops in docs[:limit] if limit else docs:
        n_docs += 1
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name == "eventwire_toponyms":
                t = time.perf_counter()
                doc = proc(doc)
                comp_time += time.perf_counter() - t
            else:
                doc = proc(doc)
        spans = [(s, e) for s, e, *_ in tops]
        places = resolve_given(doc, spans, comp.gaz)
        fb_places = resolve_given(doc, spans, comp.gaz, fallback=True)
        ours = [(s.start_char, s.end_char) for s in doc.spans.get("ew_toponyms", [])]
        for (s, e, phrase, lat, lon), p, fp in zip(tops, places, fb_places):
            total += 1
            # the gazetteer's ceiling: some entry of that name (or the country of that demonym) lies within 161 km
            name = text[s:e].strip()
            entries = [x for x, _ in comp.gaz.lookup(name)]
            cc = demonym_country(name)
            if cc and comp.gaz.country(cc) is not None:
                entries.append(comp.gaz.country(cc))
            reachable += any(haversine(x.lat, x.lon, lat, lon) <= 161 for x in entries) or (
                p is not None and p.lat is not None and haversine(p.lat, p.lon, lat, lon) <= 161)
            fb_errors.append(haversine(fp.lat, fp.lon, lat, lon) if fp is not None and fp.lat is not None else 20039.0)
            if any(a < e and s < b for a, b in ours):
                found += 1
            if p is None or p.lat is None:
                unresolved += 1
                errors.append(20039.0)  # half the Earth's circumference: the worst possible error
            else:
                errors.append(haversine(p.lat, p.lon, lat, lon))
    acc = sum(1 for d in errors if d <= 161) / len(errors) if errors else 0.0
    resolved = [d for d in errors if d < 20039.0]
    return {
        "articles": n_docs,
        "toponyms": total,
        "acc161": round(acc, 4),
        "ceiling161": round(reachable / total, 4) if total else None,
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "unresolved": unresolved,
        "mean_error_resolved_km": round(statistics.fmean(resolved), 1) if resolved else None,
        "acc161_with_fallback": round(sum(1 for d in fb_errors if d <= 161) / len(fb_errors), 4) if fb_errors else None,
        "mean_error_with_fallback_km": round(statistics.fmean(fb_errors), 1) if fb_errors else None,
        "recognition_recall": round(found / total, 4) if total else None,
        "component_ms_per_article": round(1000 * comp_time / max(1, n_docs), 2),
    }


REPORTING = {"say", "tell", "report", "confirm", "add", "state", "announce", "claim"}


def _words(s: str) -> set[str]:
    import re

    return set(re.sub(r"\W+", " ", s).lower().split())


def evaluate_gold_locations(gold_dir: Path) -> dict:
    """Event location on a gold set: for each gold evidence sentence, ``event_location`` at the
    sentence's main verb (the reported clause under "said"), scored within 25 km of the gold point.
    Also times each pipeline component per article."""
    import re

    from ..article import Article, parse_published
    from ..gazetteer import haversine
    from ..nlp import load_pipeline
    from ..nlp.pipeline import make_doc
    from ..nlp.toponyms import event_location

    nlp = load_pipeline()
    arts = {}
    for line in open(gold_dir / "articles.jsonl", encoding="utf-8"):
        a = json.loads(line)
        arts[a["id"]] = a
    docs = {}
    times: dict[str, float] = {}
    for aid, a in sorted(arts.items()):
        text = (gold_dir / f"{aid}.txt").read_text(encoding="utf-8")
        published = a.get("published")
        m = re.match(r"^ date (\S+) ", text)
        if m:
            published, text = published or m.group(1), text[m.end():]
        pub, prec = parse_published(published)
        doc = make_doc(nlp, Article(text=text, published=pub, published_precision=prec))
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            times[name] = times.get(name, 0.0) + time.perf_counter() - t
        docs[aid] = doc
    n = ok = 0
    rows = []
    for line in open(gold_dir / "gold.jsonl", encoding="utf-8"):
        g = json.loads(line)
        if g.get("lat") is None or g.get("optional") or g["article"] not in docs:
            continue
        doc = docs[g["article"]]
        for ev in g["evidence"]:
            w = _words(ev)
            sent = max(doc.sents, key=lambda s: len(_words(s.text) & w))
            root = sent.root
            if root.lemma_ in REPORTING:
                comp = [c for c in root.children if c.dep_ in ("ccomp", "xcomp")]
                root = comp[0] if comp else root
            loc, _ = event_location(doc, root)
            d = haversine(loc.lat, loc.lon, g["lat"], g["lon"]) if loc is not None and loc.lat is not None else None
            n += 1
            ok += d is not None and d <= 25
            rows.append((g["article"], g["location"], loc.name if loc else None, loc.precision if loc else None,
                         None if d is None else round(d, 1)))
    total = sum(times.values())
    return {
        "sentences": n,
        "within_25km": round(ok / n, 4) if n else None,
        "pipeline_ms_per_article": round(1000 * total / max(1, len(docs)), 1),
        "toponyms_share_of_pipeline": round(times.get("eventwire_toponyms", 0.0) / total, 4) if total else None,
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", help="geoparsing_milangritta folder")
    ap.add_argument("--limit", type=int, help="articles per corpus")
    ap.add_argument("--corpus", action="append", help="only these corpora (GeoWebNews, LGL, TR-News)")
    ap.add_argument("--json", help="write the scores to this file")
    ap.add_argument("--gold", help="also score event locations on a gold set folder (e.g. shared/gold/dev)")
    a = ap.parse_args(argv)

    from ..nlp import dateline, toponyms  # noqa: F401  (register the factories)
    from ..nlp.pipeline import DEFAULT_MODEL, _load_model, model_name

    nlp = _load_model(model_name(None) or DEFAULT_MODEL)
    nlp.add_pipe("eventwire_dateline", before="ner")
    nlp.add_pipe("eventwire_toponyms")
    t = time.perf_counter()
    nlp.get_pipe("eventwire_toponyms").gaz  # noqa: B018  (load the gazetteer)
    load_s = time.perf_counter() - t
    results = {"gazetteer_load_s": round(load_s, 3)}
    for name, rel in CORPORA.items():
        if a.corpus and name not in a.corpus:
            continue
        path = Path(a.folder) / rel
        if not path.exists():
            print(f"{name}: {path} not found", file=sys.stderr)
            continue
        r = evaluate_corpus(nlp, read_corpus(path), a.limit)
        results[name] = r
        print(f"{name:11s} articles {r['articles']:4d} toponyms {r['toponyms']:5d}  acc@161km {r['acc161']:.3f}  "
              f"(gazetteer ceiling {r['ceiling161']:.3f})  "
              f"mean error {r['mean_error_km']:7.1f} km  median {r['median_error_km']:6.1f} km  "
              f"unresolved {r['unresolved']:4d} (mean error of the resolved {r['mean_error_resolved_km']:.0f} km)  "
              f"with fallback: acc@161km {r['acc161_with_fallback']:.3f} mean {r['mean_error_with_fallback_km']:.0f} km  "
              f"recognised {r['recognition_recall']:.3f}  "
              f"component {r['component_ms_per_article']:.1f} ms/article", flush=True)
    print(f"gazetteer load {load_s:.3f} s")
    if a.gold:
        r = evaluate_gold_locations(Path(a.gold))
        results["gold_event_location"] = {k: v for k, v in r.items() if k != "rows"}
        for row in r["rows"]:
            if row[4] is None or row[4] > 25:
                print("  miss:", row)
        print(f"gold event location within 25 km: {r['within_25km']:.3f} of {r['sentences']} sentences; "
              f"pipeline {r['pipeline_ms_per_article']:.1f} ms/article, toponyms "
              f"{100 * r['toponyms_share_of_pipeline']:.1f}% of it")
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
