"""Score extraction against a gold set in the layout of shared/gold/README.md.

Matching follows that README: an emitted event matches a gold mention of the
same article when one of its source sentences overlaps one of the gold
evidence sentences; each gold mention takes the best-fitting matching event
(same sub-type first, then type, then date).  Precision counts (event, article)
pairs; an event no gold mention takes is spurious.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .article import Article, parse_published
from .gazetteer import haversine as haversine_km
from .readers.text import split_header
from .records import Event

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _norm_with_map(text: str) -> tuple[str, list[int]]:
    """Whitespace-collapsed, quote-folded, lower-cased text and a map back to original offsets."""
    out: list[str] = []
    idx: list[int] = []
    prev_space = True
    for i, ch in enumerate(text):
        ch = unicodedata.normalize("NFKC", ch).translate(_QUOTES)
        if ch.isspace():
            if prev_space:
                continue
            ch = " "
            prev_space = True
        else:
            prev_space = False
        for c in ch.lower():
            out.append(c)
            idx.append(i)
    return "".join(out), idx


def _norm(text: str) -> str:
    return _norm_with_map(text)[0].strip()


def locate(evidence: str, text: str, normed: tuple[str, list[int]] | None = None) -> tuple[int, int] | None:
    """Character span of an evidence sentence in the article text, matched loosely."""
    norm_text, idx = normed or _norm_with_map(text)
    needle = _norm(evidence)
    if not needle:
        return None
    pos = norm_text.find(needle)
    if pos < 0:
        # Evidence copied with a few characters changed: anchor on its first and last 40 chars.
        head, tail = needle[:40], needle[-40:]
        p1, p2 = norm_text.find(head), norm_text.find(tail)
        if p1 < 0 or p2 < p1:
            return None
        return idx[p1], idx[p2 + len(tail) - 1] + 1
    return idx[pos], idx[pos + len(needle) - 1] + 1


def _as_list(v) -> list:
    if v is None:
        return []
    return list(v) if isinstance(v, (list, tuple)) else [v]


@dataclass
class GoldMention:
    article: str
    row: dict
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def optional(self) -> bool:
        return bool(self.row.get("optional"))


def load_gold(gold_dir: str | Path):
    gold_dir = Path(gold_dir)
    for name in ("articles.jsonl", "gold.jsonl"):
        if not (gold_dir / name).exists():
            raise FileNotFoundError(f"{gold_dir / name}: missing (not a gold set folder)")
    articles = [json.loads(l) for l in (gold_dir / "articles.jsonl").read_text().splitlines() if l.strip()]
    gold = [json.loads(l) for l in (gold_dir / "gold.jsonl").read_text().splitlines() if l.strip()]
    return articles, gold


def _article_for(gold_dir: Path, row: dict) -> Article:
    path = gold_dir / f"{row['id']}.txt"
    header, body = split_header(path.read_text(encoding="utf-8"))
    pub, prec = parse_published(header or row.get("published"))
    return Article(
        text=body.rstrip(),
        published=pub,
        published_precision=prec,
        title=row.get("title"),
        url=row.get("url"),
        path=str(path),
        external_id=row["id"],
    )


def _date_ok(ev: Event, g: dict) -> bool:
    gp = g.get("date_precision")
    gd = g.get("date")
    if gp == "unknown" or not gd:
        # The text gives nothing to resolve against: an honest "unknown" is right,
        # and so is a range that holds the true date.
        if not ev.date.known:
            return True
    if not ev.date.known or not gd:
        return False
    gdate = date.fromisoformat(gd if len(gd) == 10 else (gd + "-01" if len(gd) == 7 else gd + "-01-01"))
    if gp == "day":
        return ev.date.start == gdate
    return ev.date.start <= gdate <= ev.date.end


def _actor_ok(ev: Event, g: dict) -> bool | None:
    names = _as_list(g.get("actor1"))
    if not names:
        return None
    if ev.actor1 is None:
        return False
    # ACLED appends the government period to state forces ("Military Forces of Lebanon (2017-)"):
    # a name with and without it is the same actor
    def plain(n: str) -> str:
        return re.sub(r"\s*\(\d{4}\s*-\s*(\d{4})?\)\s*$", "", n.strip()).lower()

    mine = plain(ev.actor1.name)
    wanted = {plain(n) for n in names}
    if mine in wanted:
        return True
    # Aliases: a gold name that the actor dictionary maps to the emitted canonical actor.
    try:
        from .nlp.actors import lookup_actor
    except ImportError:  # pragma: no cover
        return False
    for n in names:
        try:
            a = lookup_actor(n, ev.actor1.country)
        except Exception:  # noqa: BLE001 - a lookup failure is a non-match
            a = None
        if a is not None and plain(a.name) == mine:
            return True
    return False


def _fit(ev: Event, g: dict) -> tuple:
    subs = _as_list(g.get("acled_sub_event_type"))
    types = _as_list(g.get("acled_event_type"))
    return (ev.sub_event_type in subs, ev.event_type in types, _date_ok(ev, g))


def _bcubed(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """pairs: (gold cluster, predicted cluster) per item."""
    if not pairs:
        return 0.0, 0.0, 0.0
    by_pred = defaultdict(list)
    by_gold = defaultdict(list)
    for g, p in pairs:
        by_pred[p].append(g)
        by_gold[g].append(p)
    prec = sum(Counter(by_pred[p])[g] / len(by_pred[p]) for g, p in pairs) / len(pairs)
    rec = sum(Counter(by_gold[g])[p] / len(by_gold[g]) for g, p in pairs) / len(pairs)
    f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f


def _article_bcubed(gold: list[GoldMention], events_by_article: dict[str, list[Event]]) -> tuple[tuple, int, int]:
    """B-cubed, within each article, of how the sentences read as events group: an item is one
    source sentence of an emitted event that overlaps the evidence of a required gold mention;
    its gold cluster is that mention, its predicted cluster the event.  A happening told in four
    sentences that became four events scores recall 1/4 on its items; two happenings folded into
    one event lose precision.  Sentences of no gold mention are no items (precision counts them).
    Returns ((P, R, F1), items, evidence sentences no event was read from)."""
    pairs: list[tuple[str, str]] = []
    covered: set[tuple[str, tuple[int, int]]] = set()
    by_article: dict[str, list[GoldMention]] = defaultdict(list)
    for gm in gold:
        if not gm.optional:
            by_article[gm.article].append(gm)
    for aid, evs in events_by_article.items():
        for i, ev in enumerate(evs):
            for src in ev.sources:
                for gm in by_article.get(aid, []):
                    hit = [(a, b) for a, b in gm.spans if src.span[0] < b and a < src.span[1]]
                    if hit:
                        covered.update((aid, sp) for sp in hit)
                        pairs.append((f"{aid}|{gm.row['cluster']}", f"{aid}|{i}"))
    uncovered = sum(1 for gms in by_article.values() for gm in gms for sp in gm.spans if (gm.article, sp) not in covered)
    return _bcubed(pairs), len(pairs), uncovered


def _cross_article_clusters(events_by_article: dict[str, list[Event]]) -> dict[tuple[str, int], str]:
    """(article id, index of its event) -> id of the merged cross-article event."""
    from . import merge

    fn = getattr(merge, "merge_across", None)
    out: dict[tuple[str, int], str] = {}
    if fn is None:
        for aid, evs in events_by_article.items():
            for i, ev in enumerate(evs):
                out[(aid, i)] = f"{aid}:{i}"
        return out
    merged = fn([ev for evs in events_by_article.values() for ev in evs])
    owner: dict[tuple[str, tuple[int, int]], str] = {}
    for m_ev in merged:
        for s in m_ev.sources:
            owner[(s.article_id, tuple(s.span))] = m_ev.event_id
    for aid, evs in events_by_article.items():
        for i, ev in enumerate(evs):
            keys = [(s.article_id, tuple(s.span)) for s in ev.sources]
            out[(aid, i)] = next((owner[k] for k in keys if k in owner), f"{aid}:{i}")
    return out


def evaluate_dir(gold_dir: str | Path, model: str | None = None) -> dict:
    from .extract import extract_articles

    gold_dir = Path(gold_dir)
    arows, grows = load_gold(gold_dir)
    articles = [_article_for(gold_dir, r) for r in arows]
    by_ext = {a.external_id: a for a in articles}

    events_by_article: dict[str, list[Event]] = {}
    for art, events in extract_articles(articles, model):
        events_by_article[art.external_id] = events

    gold: list[GoldMention] = []
    normed = {a.external_id: _norm_with_map(a.text) for a in articles}
    unlocated = []
    for r in grows:
        art = by_ext.get(r["article"])
        if art is None:
            continue
        gm = GoldMention(r["article"], r)
        for ev_text in r.get("evidence", []):
            sp = locate(ev_text, art.text, normed[art.external_id])
            if sp:
                gm.spans.append(sp)
            else:
                unlocated.append((r["article"], ev_text))
        gold.append(gm)

    def overlaps_span(ev: Event, a: int, b: int) -> bool:
        return any(s.span[0] < b and a < s.span[1] for s in ev.sources)

    def overlaps(ev: Event, gm: GoldMention) -> bool:
        return any(overlaps_span(ev, a, b) for a, b in gm.spans)

    taken: dict[tuple[str, int], GoldMention] = {}
    matches: list[tuple[GoldMention, Event, int]] = []
    missed: list[GoldMention] = []
    # Required mentions choose first, so an optional one never steals their event.
    for gm in sorted(gold, key=lambda g: g.optional):
        cands = [(i, ev) for i, ev in enumerate(events_by_article.get(gm.article, [])) if overlaps(ev, gm)]
        if not cands:
            if not gm.optional:
                missed.append(gm)
            continue
        i, ev = max(cands, key=lambda c: ((gm.article, c[0]) not in taken, *_fit(c[1], gm.row), -c[0]))
        taken.setdefault((gm.article, i), gm)
        matches.append((gm, ev, i))

    required = [g for g in gold if not g.optional]
    req_matches = [(g, e, i) for g, e, i in matches if not g.optional]
    n_emitted = sum(len(v) for v in events_by_article.values())
    spurious = [
        (aid, ev) for aid, evs in events_by_article.items() for i, ev in enumerate(evs) if (aid, i) not in taken
    ]

    def share(flags: list[bool]) -> float | None:
        flags = [f for f in flags if f is not None]
        return round(sum(flags) / len(flags), 3) if flags else None

    loc_flags, dists = [], []
    for g, ev, _ in req_matches:
        if g.row.get("lat") is None:
            continue
        if ev.location is None or ev.location.lat is None:
            loc_flags.append(False)
            continue
        d = haversine_km(ev.location.lat, ev.location.lon, g.row["lat"], g.row["lon"])
        dists.append(d)
        loc_flags.append(d <= 25)

    art_bc, art_items, art_uncovered = _article_bcubed(gold, events_by_article)
    clusters = _cross_article_clusters(events_by_article)
    bc = _bcubed([(g.row["cluster"], clusters[(g.article, i)]) for g, _, i in req_matches])

    recall = len(req_matches) / len(required) if required else 0.0
    precision = len(taken) / n_emitted if n_emitted else 0.0
    per_type: dict[str, dict] = {}
    for et in sorted({t for g in required for t in _as_list(g.row["acled_event_type"])[:1]} | {e.event_type for evs in events_by_article.values() for e in evs}):
        g_n = sum(1 for g in required if _as_list(g.row["acled_event_type"])[0] == et)
        g_hit = sum(1 for g, _, _ in req_matches if _as_list(g.row["acled_event_type"])[0] == et)
        e_n = sum(1 for evs in events_by_article.values() for e in evs if e.event_type == et)
        e_hit = sum(1 for (aid, i) in taken for e in [events_by_article[aid][i]] if e.event_type == et)
        r = g_hit / g_n if g_n else None
        p = e_hit / e_n if e_n else None
        f = 2 * p * r / (p + r) if p and r else (0.0 if (p is not None and r is not None) else None)
        per_type[et] = {"gold": g_n, "emitted": e_n, "recall": r and round(r, 3), "precision": p and round(p, 3), "f1": f and round(f, 3)}

    # Which part found each event: the trigger rules or the trained classifier (DESIGN: report both).
    def part(ev: Event) -> str:
        return "classifier" if all(m.rule == "classifier" for m in ev.mentions) else "rules"

    by_part: dict[str, dict] = {}
    for aid, evs in events_by_article.items():
        for i, ev in enumerate(evs):
            d = by_part.setdefault(part(ev), {"emitted": 0, "matched": 0})
            d["emitted"] += 1
            d["matched"] += (aid, i) in taken
    for d in by_part.values():
        d["precision"] = round(d["matched"] / d["emitted"], 3) if d["emitted"] else None

    scores = {
        "gold_mentions": len(required),
        "optional_mentions": len(gold) - len(required),
        "emitted_events": n_emitted,
        "matched": len(req_matches),
        "recall": round(recall, 3),
        "precision": round(precision, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "event_type": share([e.event_type in _as_list(g.row["acled_event_type"]) for g, e, _ in req_matches]),
        "sub_event_type": share([e.sub_event_type in _as_list(g.row["acled_sub_event_type"]) for g, e, _ in req_matches]),
        "date": share([_date_ok(e, g.row) for g, e, _ in req_matches]),
        "date_day_exact": share([_date_ok(e, g.row) for g, e, _ in req_matches if g.row.get("date_precision") == "day"]),
        "location_25km": share(loc_flags),
        "location_median_km": round(sorted(dists)[len(dists) // 2], 1) if dists else None,
        "actor1": share([_actor_ok(e, g.row) for g, e, _ in req_matches]),
        "fatalities": share([e.fatalities == g.row.get("fatalities") for g, e, _ in req_matches]),
        "fatalities_given": share([e.fatalities == g.row["fatalities"] for g, e, _ in req_matches if g.row.get("fatalities") is not None]),
        # every gold mention is a happening the article reports as such: its event should be asserted
        "modality_asserted": share([e.modality == "asserted" for g, e, _ in req_matches]),
        # within each article: do the sentences that tell one happening end in one event?
        "article_bcubed_p": round(art_bc[0], 3),
        "article_bcubed_r": round(art_bc[1], 3),
        "article_bcubed_f1": round(art_bc[2], 3),
        "article_bcubed_sentences": art_items,
        "evidence_sentences_without_event": art_uncovered,
        "merge_bcubed_p": round(bc[0], 3),
        "merge_bcubed_r": round(bc[1], 3),
        "merge_bcubed_f1": round(bc[2], 3),
        "per_type": per_type,
        "by_part": by_part,
    }
    return {
        "scores": scores,
        "missed": missed,
        "spurious": spurious,
        "matches": req_matches,
        "unlocated_evidence": unlocated,
        "events_by_article": events_by_article,
        "gold": gold,
    }


def print_report(report: dict, details: bool = True) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console()
    s = report["scores"]
    t = Table(title="eventwire evaluate", show_header=True)
    t.add_column("score")
    t.add_column("value", justify="right")
    for k, v in s.items():
        if k not in ("per_type", "by_part"):
            t.add_row(k, "-" if v is None else str(v))
    con.print(t)
    pt = Table(title="per event type")
    for c in ("event type", "gold", "emitted", "recall", "precision", "F1"):
        pt.add_column(c)
    for et, d in s["per_type"].items():
        pt.add_row(et, str(d["gold"]), str(d["emitted"]), *("-" if d[k] is None else str(d[k]) for k in ("recall", "precision", "f1")))
    con.print(pt)
    bp = Table(title="events by the part that found them")
    for c in ("part", "emitted", "matched", "precision"):
        bp.add_column(c)
    for name, d in sorted(s["by_part"].items()):
        bp.add_row(name, str(d["emitted"]), str(d["matched"]), "-" if d["precision"] is None else str(d["precision"]))
    con.print(bp)
    if not details:
        return
    for g, ev, _ in report["matches"]:
        wrong = []
        r = g.row
        if ev.sub_event_type not in _as_list(r["acled_sub_event_type"]):
            wrong.append(f"sub-type {ev.sub_event_type!r} != {r['acled_sub_event_type']!r}")
        if not _date_ok(ev, r):
            wrong.append(f"date {ev.date.start}/{ev.date.precision} != {r.get('date')}/{r.get('date_precision')}")
        if _actor_ok(ev, r) is False:
            wrong.append(f"actor1 {ev.actor1.name if ev.actor1 else None!r} not in {r['actor1']!r}")
        if ev.fatalities != r.get("fatalities"):
            wrong.append(f"fatalities {ev.fatalities} != {r.get('fatalities')}")
        if r.get("lat") is not None:
            if ev.location is None or ev.location.lat is None:
                wrong.append(f"no location (gold {r.get('location')})")
            else:
                d = haversine_km(ev.location.lat, ev.location.lon, r["lat"], r["lon"])
                if d > 25:
                    wrong.append(f"location {ev.location.name} is {d:.0f} km from {r.get('location')}")
        if wrong:
            con.print(f"[yellow]WRONG[/yellow] {g.article} {r['cluster']}: " + "; ".join(wrong), highlight=False, soft_wrap=True)
    for g in report["missed"]:
        con.print(f"[red]MISSED[/red] {g.article} {g.row['cluster']} ({g.row['acled_sub_event_type']}): {g.row['evidence'][0][:160]!r}", highlight=False, soft_wrap=True)
    for aid, ev in report["spurious"]:
        sent = re.sub(r"\s+", " ", ev.sources[0].sentence)[:160] if ev.sources else ""
        con.print(f"[magenta]SPURIOUS[/magenta] {aid} {ev.sub_event_type}: {sent!r}", highlight=False, soft_wrap=True)
    for aid, text in report["unlocated_evidence"]:
        con.print(f"[dim]evidence not found in {aid}: {text[:80]!r}[/dim]", highlight=False, soft_wrap=True)
