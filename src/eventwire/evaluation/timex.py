"""Score eventwire's temporal expressions on TempEval-3 TimeML.

    python -m eventwire.evaluation.timex /work/shared/data/public/tempeval3 [--errors N] [--limit N]

For each sub-corpus (TE3-platinum, TimeBank, AQUAINT): recognition precision,
recall and F1 (strict: same character extent; relaxed: overlapping extents),
and normalization: value accuracy over relaxed matches and value F1 (a match
counts when its TIMEX3 value string equals the gold one, as in TempEval-3).
The document creation time (DCT) is the publication date; the DCT itself is not
scored.  Only the statistical model and ``eventwire_temporal`` run.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

SUBCORPORA = (
    ("TE3-platinum", "data/TempEval3/Evaluation/te3-platinum"),
    ("TimeBank", "data/TempEval3/Training/TBAQ-cleaned/TimeBank"),
    ("AQUAINT", "data/TempEval3/Training/TBAQ-cleaned/AQUAINT"),
)

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, date | None, list[tuple[int, int, str, str, str]]]:
    """(text, DCT, [(start, end, value, type, gold text)]) of one TimeML file's TEXT part."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if m:
        v = dict(_ATTR.findall(m.group(1))).get("value", "")
        try:
            dct = date.fromisoformat(v[:10])
        except ValueError:
            dct = None
    body_start = raw.find("<TEXT>")
    body_end = raw.find("</TEXT>")
    body = raw[body_start + len("<TEXT>"): body_end]
    out: list[str] = []
    pos = 0
    n = 0
    open_tx: list[tuple[int, dict]] = []
    gold = []
    for tm in _TAG.finditer(body):
        chunk = html.unescape(body[pos: tm.start()])
        out.append(chunk)
        n += len(chunk)
        pos = tm.end()
        closing, name = tm.group(1), tm.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_tx.append((n, dict(_ATTR.findall(tm.group(3)))))
        elif open_tx:
            s, attrs = open_tx.pop()
            gold.append((s, n, attrs.get("value", ""), attrs.get("type", "")))
    chunk = html.unescape(body[pos:])
    out.append(chunk)
    text = "".join(out)
    gold = [(s, e, v, t, text[s:e]) for s, e, v, t in gold]
    return text, dct, gold


def build_nlp(model: str | None = None):
    import spacy

    from ..nlp import temporal  # noqa: F401  (registers the factory)
    from ..nlp.pipeline import model_name

    nlp = spacy.load(model_name(model))
    nlp.add_pipe("eventwire_temporal")
    return nlp


def predict(nlp, docs: list[tuple[str, date | None]]):
    """Predicted (start, end, value, type, text) per document."""
    def make(t, d):
        doc = nlp.make_doc(t)
        doc._.published = d
        doc._.published_precision = "day" if d else "unknown"
        return doc

    from ..nlp.temporal import annotate_doc

    out = []
    spent = 0.0
    with nlp.select_pipes(disable=["eventwire_temporal"]):
        parsed = list(nlp.pipe((make(t, d) for t, d in docs), batch_size=8))
    for doc in parsed:
        best = float("inf")
        for _ in range(3):  # the best of three: the machine may be shared
            t0 = time.perf_counter()
            annotate_doc(doc)
            best = min(best, time.perf_counter() - t0)
        spent += best
        out.append([(sp.start_char, sp.end_char, sp._.timex3 or "", sp._.timex_type or "", sp.text)
                    for sp in doc.spans.get("ew_timex", [])])
    predict.last_ms_per_doc = spent * 1000 / max(len(parsed), 1)
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(golds, preds, texts=None, dcts=None) -> dict:
    n_gold = n_pred = strict = relaxed = val_ok = type_ok = 0
    errors = []
    for k, (gold, pred) in enumerate(zip(golds, preds)):
        n_gold += len(gold)
        n_pred += len(pred)
        used = set()
        for g in gold:
            best = None
            for j, p in enumerate(pred):
                if j in used:
                    continue
                if p[0] < g[1] and g[0] < p[1]:
                    if best is None or (p[0], p[1]) == (g[0], g[1]):
                        best = j
            if best is None:
                errors.append(("missed", g, None, k))
                continue
            used.add(best)
            p = pred[best]
            relaxed += 1
            if (p[0], p[1]) == (g[0], g[1]):
                strict += 1
            if p[2] == g[2]:
                val_ok += 1
            else:
                errors.append(("value", g, p, k))
            if p[3] == g[3]:
                type_ok += 1
        for j, p in enumerate(pred):
            if j not in used:
                errors.append(("spurious", None, p, k))
    rp = relaxed / n_pred if n_pred else 0.0
    rr = relaxed / n_gold if n_gold else 0.0
    sp_ = strict / n_pred if n_pred else 0.0
    sr = strict / n_gold if n_gold else 0.0
    vp = val_ok / n_pred if n_pred else 0.0
    vr = val_ok / n_gold if n_gold else 0.0
    return {
        "gold": n_gold, "predicted": n_pred,
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": _f1(rp, rr),
        "strict_p": sp_, "strict_r": sr, "strict_f1": _f1(sp_, sr),
        "value_accuracy": val_ok / relaxed if relaxed else 0.0,
        "value_f1": _f1(vp, vr),
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
        "errors": errors,
    }


REPORTING = {"say", "tell", "report", "claim", "confirm", "announce", "state", "add", "accord"}


def _main_verb(doc, start: int, end: int):
    """The main verb of the evidence sentence at [start, end): its root, or the clause a reporting verb governs."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = span[0].sent
    root = sent.root
    if root.lemma_ in REPORTING:
        for c in root.children:
            if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX"):
                return c
    return root


def _date_ok(rng, gold_date: str | None, gold_prec: str | None) -> bool:
    """The check of ``eventwire evaluate``: exact day for day-precision gold, else within the range."""
    if gold_prec == "unknown" or not gold_date:
        if not rng.known:
            return True
    if not rng.known or not gold_date:
        return False
    gd = gold_date if len(gold_date) == 10 else (gold_date + "-01" if len(gold_date) == 7 else gold_date + "-01-01")
    g = date.fromisoformat(gd)
    if gold_prec == "day":
        return rng.start == g
    return rng.start <= g <= rng.end


def dev_gold_dating(gold_dir: Path, nlp, verbose: bool = False) -> dict:
    """For each gold mention: does ``event_date`` of each evidence sentence's main verb give the gold date?"""
    from ..evaluate import _article_for, load_gold, locate
    from ..nlp.temporal import event_date

    arows, grows = load_gold(gold_dir)
    docs = {}
    for row in arows:
        art = _article_for(gold_dir, row)
        doc = nlp.make_doc(art.text)
        doc._.published = art.published
        doc._.published_precision = art.published_precision
        docs[row["id"]] = nlp(doc)
    per = {"mentions": 0, "first_ok": 0, "any_ok": 0, "sentences": 0, "sentences_ok": 0,
           "day_mentions": 0, "day_first_ok": 0, "day_any_ok": 0, "day_sentences": 0, "day_sentences_ok": 0,
           "background_flagged": 0}
    for g in grows:
        if g.get("optional"):
            continue
        doc = docs[g["article"]]
        oks = []
        for ev in g.get("evidence") or []:
            loc = locate(ev, doc.text)
            if loc is None:
                continue
            verb = _main_verb(doc, *loc)
            if verb is None:
                continue
            rng, bg = event_date(doc, doc[verb.i: verb.i + 1])
            ok = _date_ok(rng, g.get("date"), g.get("date_precision"))
            oks.append(ok)
            per["background_flagged"] += bool(bg)
            if verbose:
                mark = "ok " if ok else "BAD"
                print(f"  {mark} {g['article']} gold {g.get('date')}/{g.get('date_precision')} "
                      f"got {rng.start}..{rng.end}/{rng.precision}{' bg' if bg else ''} <{verb.text}> "
                      f"{' '.join(ev.split())[:110]}")
        if not oks:
            continue
        day = g.get("date_precision") == "day"
        per["mentions"] += 1
        per["first_ok"] += oks[0]
        per["any_ok"] += any(oks)
        per["sentences"] += len(oks)
        per["sentences_ok"] += sum(oks)
        if day:
            per["day_mentions"] += 1
            per["day_first_ok"] += oks[0]
            per["day_any_ok"] += any(oks)
            per["day_sentences"] += len(oks)
            per["day_sentences_ok"] += sum(oks)
    return per


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eventwire.evaluation.timex", description=__doc__.split("\n")[0])
    ap.add_argument("root", type=Path, nargs="?", default=Path("/work/shared/data/public/tempeval3"),
                    help="the tempeval3 folder")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors per sub-corpus")
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per sub-corpus")
    ap.add_argument("--only", default=None, help="one sub-corpus by name")
    ap.add_argument("--model", default=None)
    ap.add_argument("--context", type=int, default=0, help="with --errors: characters of context to show")
    ap.add_argument("--gold", type=Path, default=None,
                    help="also check event dating on a gold set folder (e.g. shared/gold/dev)")
    ap.add_argument("-v", "--verbose", action="store_true", help="with --gold: one line per evidence sentence")
    args = ap.parse_args(argv)
    nlp = build_nlp(args.model)
    if args.gold:
        r = dev_gold_dating(args.gold, nlp, args.verbose)

        def pct(a, b):
            return f"{r[a]}/{r[b]} = {r[a] / r[b]:.3f}" if r[b] else "n/a"

        print(f"gold dating ({args.gold}): event_date of each evidence sentence's main verb")
        print(f"  mentions, first evidence sentence right: {pct('first_ok', 'mentions')}; "
              f"any evidence sentence right: {pct('any_ok', 'mentions')}; sentences: {pct('sentences_ok', 'sentences')}")
        print(f"  day-precision mentions, first right: {pct('day_first_ok', 'day_mentions')}; "
              f"any right: {pct('day_any_ok', 'day_mentions')}; sentences: {pct('day_sentences_ok', 'day_sentences')}")
        print(f"  evidence sentences flagged background: {r['background_flagged']}")
        if args.only == "gold":
            return 0
    print(f"{'corpus':<14}{'docs':>5}{'gold':>6}{'pred':>6}  {'strict P/R/F1':<20}{'relaxed P/R/F1':<20}"
          f"{'value acc':>10}{'value F1':>10}{'type acc':>10}{'ms/doc':>8}  (ms/doc: eventwire_temporal alone)")
    for name, rel in SUBCORPORA:
        if args.only and args.only.lower() != name.lower():
            continue
        folder = args.root / rel
        files = sorted(folder.glob("*.tml"))
        if args.limit:
            files = files[: args.limit]
        if not files:
            print(f"{name:<14} no .tml files under {folder}", file=sys.stderr)
            continue
        data = [read_tml(f) for f in files]
        preds = predict(nlp, [(t, d) for t, d, _g in data])
        ms = predict.last_ms_per_doc  # eventwire_temporal alone, parse excluded
        s = score([g for _t, _d, g in data], preds)
        words = sum(len(t.split()) for t, _d, _g in data) / len(data)
        print(f"{name:<14}{len(files):>5}{s['gold']:>6}{s['predicted']:>6}  "
              f"{s['strict_p']:.3f}/{s['strict_r']:.3f}/{s['strict_f1']:.3f}  "
              f"{s['relaxed_p']:.3f}/{s['relaxed_r']:.3f}/{s['relaxed_f1']:.3f}  "
              f"{s['value_accuracy']:>8.3f}{s['value_f1']:>10.3f}{s['type_accuracy']:>10.3f}{ms:>8.2f}  ({words:.0f} words/doc)")
        if args.errors:
            kinds = Counter(e[0] for e in s["errors"])
            print(f"  errors: {dict(kinds)}")
            for kind in ("value", "missed", "spurious"):
                shown = [e for e in s["errors"] if e[0] == kind][: args.errors]
                for _k, g, p, k in shown:
                    gs = f"{g[4]!r}={g[2]}/{g[3]}" if g else ""
                    ps = f"{p[4]!r}={p[2]}/{p[3]}" if p else ""
                    print(f"  {kind:<9} gold {gs:<45} pred {ps}")
                    if args.context:
                        x = (g or p)[0]
                        text, dct = data[k][0], data[k][1]
                        snippet = " ".join(text[max(0, x - args.context): x + args.context].split())
                        print(f"            [{files[k].name} DCT {dct} {date.weekday(dct) if dct else ''}] {snippet}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
