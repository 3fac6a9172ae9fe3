"""eventwire on unseen real news: the SemEval-2018 Task 5 Gun Violence Archive set.

    python -m eventwire.evaluation.gva DIR [--limit 300] [--offset 0] [--errors] [--json scores.json]

DIR holds ``gva_news_docs.jsonl`` (news text with its publication date) and
``gva_incidents.jsonl`` (date, city, state, killed, injured per incident).  No
sentence-level labels exist, so the scores are per document: does eventwire
find an event, and does the event that fits the incident best carry its date,
fatalities, wounded count and place; are events of one incident reported by
several outlets merged into one (B-cubed over documents; use ``--multi`` to
sample whole incidents that several outlets reported)?  The documents are a
deterministic sample (by hash of the document or incident id); ``--offset N``
skips the first N of that order, so rules can be studied on one slice (say
``--offset 300``) and reported on another (the first 300), and ``--errors``
prints each document whose best event misses the incident's date or counts.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from ..article import Article
from ..evaluate import _bcubed, haversine_km
from ..records import Event
from .split import print_scores


def _incident_date(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip(), "%B %d, %Y").date()
    except ValueError:
        return None


def load(dir_: Path, limit: int, multi: bool = False, offset: int = 0) -> tuple[list[tuple[Article, dict]], int]:
    incidents = {}
    for line in (dir_ / "gva_incidents.jsonl").open():
        row = json.loads(line)
        d = _incident_date(row.get("date") or "")
        if d and row.get("city_or_county") and row.get("num_killed") is not None:
            row["_date"] = d
            incidents[str(row["incident_uri"])] = row
    docs = []
    for line in (dir_ / "gva_news_docs.jsonl").open():
        row = json.loads(line)
        inc = incidents.get(str(row.get("incident_id")))
        if inc is None or not (row.get("content") or "").strip() or not row.get("dct"):
            continue
        docs.append((row, inc))
    if multi:
        # Whole incidents reported by several outlets, so the merge is put to the test.
        by_inc: dict[str, list] = {}
        for d in docs:
            by_inc.setdefault(str(d[1]["incident_uri"]), []).append(d)
        docs = []
        for key in sorted((k for k, v in by_inc.items() if len(v) >= 2), key=lambda k: hashlib.sha1(k.encode()).hexdigest()):
            docs.extend(sorted(by_inc[key], key=lambda p: p[0]["doc_id"]))
        picked = docs[offset:offset + limit]
    else:
        docs.sort(key=lambda p: hashlib.sha1(p[0]["doc_id"].encode()).hexdigest())
        picked = docs[offset:offset + limit]
    out = []
    for row, inc in picked:
        pub = date.fromisoformat(row["dct"][:10])
        art = Article(text=row["content"], published=pub, published_precision="day", title=row.get("title"),
                      url=row.get("uri"), external_id=row["doc_id"])
        out.append((art, inc))
    return out, len(docs)


def _place_of(inc: dict, cache: dict):
    """The incident's city from eventwire's own gazetteer (US, same state)."""
    key = (inc["city_or_county"], inc.get("state"))
    if key in cache:
        return cache[key]
    from .. import gazetteer

    gz = gazetteer.load()
    # The state by its code, not its name: GVA says "District of Columbia" where the gazetteer's
    # division is "Washington, D.C." (the gazetteer knows both names of the one division)
    state = inc.get("state")
    divs = sorted((e for e, _ in gz.lookup(state) if e.cc == "US" and e.fclass == "A" and e.admin1),
                  key=lambda e: e.fcode != "ADM1") if state else []
    code = divs[0].admin1 if divs else None
    best = None
    for entry, _exact in gz.lookup(inc["city_or_county"]):
        if entry.cc != "US" or entry.is_country:
            continue
        if code is not None and entry.admin1 not in (code, None):
            continue
        if code is None and state and gz.admin1_name(entry) not in (state, None):
            continue
        if best is None or entry.population > best.population:
            best = entry
    cache[key] = best
    return best


def _fit(ev: Event, inc: dict) -> tuple:
    d = inc["_date"]
    return (
        ev.date.known and ev.date.start <= d <= ev.date.end,
        ev.fatalities == inc["num_killed"],
        ev.event_type in ("Violence against civilians", "Battles", "Explosions/Remote violence"),
    )


def evaluate(dir_: Path, limit: int, model: str | None = None, multi: bool = False, offset: int = 0,
             errors: bool = False) -> dict:
    from ..extract import extract_articles
    from ..merge import merge_across

    pairs, available = load(dir_, limit, multi, offset)
    incident_of = {a.id: inc for a, inc in pairs}
    n_docs = len(pairs)
    found = 0
    n_events = 0
    flags = defaultdict(list)
    best_by_doc: dict[str, Event] = {}
    all_events: list[Event] = []
    cache: dict = {}
    for art, events in extract_articles([a for a, _ in pairs], model):
        inc = incident_of[art.id]
        n_events += len(events)
        all_events.extend(events)
        if not events:
            for k in ("date_exact", "fatalities", "wounded", "place_25km"):
                flags[k].append(False)
            continue
        found += 1
        best = max(events, key=lambda e: _fit(e, inc))
        best_by_doc[art.id] = best
        flags["date_exact"].append(best.date.precision == "day" and best.date.start == inc["_date"])
        flags["date_in_range"].append(bool(best.date.known and best.date.start <= inc["_date"] <= best.date.end))
        flags["fatalities"].append(best.fatalities == inc["num_killed"] or (best.fatalities is None and inc["num_killed"] == 0))
        flags["modality_asserted"].append(best.modality == "asserted")  # each incident happened
        wounded = best.counts.get("wounded")
        flags["wounded"].append(wounded == inc["num_injured"] or (wounded is None and inc["num_injured"] == 0))
        place = _place_of(inc, cache)
        placed = place is not None
        if placed:
            ok = best.location is not None and best.location.lat is not None and haversine_km(
                best.location.lat, best.location.lon, place.lat, place.lon) <= 25
            flags["place_25km"].append(ok)
        if errors:
            # This document's flags only: an incident the gazetteer cannot place adds no place flag,
            # and the list's last one is then the previous document's.
            keys = ("date_exact", "fatalities", "wounded") + (("place_25km",) if placed else ())
            wrong = [k for k in keys if not flags[k][-1]]
            if wrong:
                print(f"MISS {art.external_id} {','.join(wrong)}: incident {inc['_date']} killed {inc['num_killed']} "
                      f"injured {inc['num_injured']} {inc['city_or_county']}, {inc.get('state')} | ours "
                      f"{best.date.start}..{best.date.end} ({best.date.precision}) killed {best.fatalities} "
                      f"wounded {best.counts.get('wounded')} {best.location.name if best.location else None} | "
                      f"published {art.published} | {best.sources[0].sentence[:160]!r}", file=sys.stderr)
    # Merge: documents of the same incident should share one merged event.
    owner = {}
    for ev in merge_across(all_events):
        for s in ev.sources:
            owner[(s.article_id, tuple(s.span))] = ev.event_id
    merge_pairs = []
    for aid, ev in best_by_doc.items():
        key = (ev.sources[0].article_id, tuple(ev.sources[0].span))
        merge_pairs.append((str(incident_of[aid]["incident_uri"]), owner.get(key, ev.event_id)))
    bp, br, bf = _bcubed(merge_pairs)

    def share(v):
        return round(sum(v) / len(v), 3) if v else None

    return {
        "documents": n_docs,
        "documents_available": available,
        "with_event": share([True] * found + [False] * (n_docs - found)),
        "events_per_document": round(n_events / n_docs, 2) if n_docs else 0.0,
        **{k: share(v) for k, v in flags.items()},
        "merge_bcubed_p": round(bp, 3),
        "merge_bcubed_r": round(br, 3),
        "merge_bcubed_f1": round(bf, 3),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--model", default=None)
    ap.add_argument("--json", dest="json_out", default=None)
    ap.add_argument("--multi", action="store_true", help="only incidents reported by 2+ documents (tests the merge)")
    ap.add_argument("--offset", type=int, default=0, help="skip this many documents of the sample order")
    ap.add_argument("--errors", action="store_true", help="print each document the best event gets wrong (stderr)")
    args = ap.parse_args(argv)
    if not (args.dir / "gva_news_docs.jsonl").exists():
        sys.exit(f"{args.dir}: no gva_news_docs.jsonl")
    scores = evaluate(args.dir, args.limit, args.model, args.multi, args.offset, args.errors)
    print_scores(scores, args.json_out)


if __name__ == "__main__":
    main()
