"""Event detection and typing measured on the PLOVER gold standard records.

    python -m eventwire.evaluation.plover /path/to/plover_gsr [--thresholds 0.5,0.7,0.8,0.9] [--json]
    python -m eventwire.evaluation.plover --gold /path/to/gold/dev [--thresholds ...]

The first form scores, per sentence of ``gold_standard_records/PLOVER_GSR_CAMEO.txt``,
(a) the rules alone (the default pipeline; a sentence counts as detected when it yields
a mention read as asserted: threats and demands come out as planned or hypothetical
events, which a user counting happenings leaves out), (b) the statistical classifier alone
(``Span._.event_scores`` of eventwire_event_classifier) and (c) both together (the
default pipeline with the classifier added after the rules), at each threshold.
The second form runs ``eventwire evaluate``'s scoring on an ACLED-coded gold set with
and without the classifier component.

PLOVER is another taxonomy; a record is scored only where its ACLED reading is clear.
The map (``acled_reading``) gives, per record, either

- a *positive*: a set of ACLED event types any of which counts as right (sub-types are
  not scored: PLOVER's modes are too coarse for them), or an empty set when the record
  is certainly an ACLED event but its type is not clear (counts for detection only);
- a *negative*: verbal or non-violent interactions that ACLED does not code; or
- ``None``: unclear, left out.

Decisions:

| PLOVER (mode) | ACLED reading |
|---|---|
| PROTEST (demo-*, strike-*, obstruct, riot) | Protests or Riots |
| PROTEST (riot-spon) | Riots |
| ASSAULT (explosives, suicide-attack) | Explosions/Remote violence |
| ASSAULT (sexual, beat, torture, primitive) | Violence against civilians |
| ASSAULT (assassinate, other) | an event, type unscored |
| FIGHT (heavy-weapons) | Battles or Explosions/Remote violence (the GSR's FIGHT holds shelling and air raids, which ACLED codes as remote violence, as well as captures of territory) |
| FIGHT (explosives) | Explosions/Remote violence |
| FIGHT (firearms) | an event, type unscored (gun battles, and fire on demonstrators) |
| FIGHT (other, deport, none) | left out (ethnic cleansing in general, forced displacement, border closures) |
| COERCE (arrest) | Strategic developments (Arrests) |
| COERCE (destroy) | an event, type unscored (property destruction or a bombing of it) |
| COERCE (detain, confiscate, others: bans, curfews, censorship, deportation) | left out |
| AGREE whose coded event text says ceasefire / truce | Strategic developments (Agreement) |
| RETREAT (military) | Strategic developments (withdrawals, surrenders, demobilisation, declared ceasefires) |
| MOBILIZE | left out (deployments are sometimes "Change to group/activity", alerts and training are not) |
| AGREE (other), CONSULT, SUPPORT, COOPERATE, AID, CONCEDE, RETREAT (non-military), DEMAND, DISAPPROVE, REJECT, THREATEN, SANCTION, INVESTIGATE | negative, unless the sentence also reports violence (a killing, a bombing, fighting...) that PLOVER left uncoded: then left out |

A sentence coded by several records is positive when any of them is (their type sets
joined), negative when all of them are.  Detection: a sentence is detected when the
system emits at least one event from it (rules and combined: ``doc._.mentions``;
classifier alone: best sub-type probability >= threshold, the component's gate, and
also "P(event)": 1 - P(none) >= threshold, typed by the best sub-type).  Type accuracy: over detected positives with a
type set, the share whose event type (the most confident mention) is in the set.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

GSR_FILE = Path("gold_standard_records") / "PLOVER_GSR_CAMEO.txt"

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

NEGATIVE_EVENTS = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "DEMAND", "DISAPPROVE",
    "REJECT", "THREATEN", "SANCTION", "INVESTIGATE", "RETREAT",
}
# words that show a sentence coded with a non-violent PLOVER event also reports violence
VIOLENCE = re.compile(
    r"\b(kill\w*|dead|death|died|wound\w*|injur\w*|shell\w*|bomb\w*|attack\w*|fight\w*|clash\w*|battle\w*|"
    r"riot\w*|gunfire|gunmen|shot|shoot\w*|fire[ds]?|explo\w*|massacre\w*|violence|violent|war|"
    r"raid\w*|rocket\w*|missile\w*|invasion|invad\w*|coup|offensive|hostilities|insurgen\w*|terror\w*|"
    r"kidnap\w*|hostage\w*|seiz\w*|captur\w*|arrest\w*|detain\w*|destroy\w*|burn\w*|torture\w*)\b",
    re.I,
)
CEASEFIRE = re.compile(r"cease-?fire|truce|cessation of hostilities|armistice", re.I)

Reading = tuple[str, frozenset] | None  # ("pos", types) | ("neg", ∅) | None


def _modes(rec: dict) -> set[str]:
    m = rec.get("mode") or ""
    return {x.strip().lower() for x in re.split(r"[,\s]+", m) if x.strip()}


def acled_reading(rec: dict) -> Reading:
    """The ACLED reading of one PLOVER record (see the module docstring)."""
    ev = rec.get("event")
    text = rec.get("text") or ""
    modes = _modes(rec)
    etext = rec.get("eventText") or ""
    pos = lambda *types: ("pos", frozenset(types))  # noqa: E731
    if ev == "PROTEST":
        if "riot-spon" in modes:
            return pos(RIOTS)
        return pos(PROTESTS, RIOTS)
    if ev == "ASSAULT":
        if modes & {"explosives", "suicide-attack"}:
            return pos(REMOTE)
        if modes & {"sexual", "beat", "torture", "primitive"}:
            return pos(VAC)
        return pos()
    if ev == "FIGHT":
        if "heavy-weapons" in modes:
            return pos(BATTLES, REMOTE)
        if "explosives" in modes:
            return pos(REMOTE)
        if "firearms" in modes:
            return pos()
        return None
    if ev == "COERCE":
        if "arrest" in modes:
            return pos(STRATEGIC)
        if "destroy" in modes:
            return pos()
        return None
    if ev == "AGREE" and CEASEFIRE.search(etext):
        return pos(STRATEGIC)
    if ev == "RETREAT" and "military" in (rec.get("context") or "").lower():
        return pos(STRATEGIC)
    if ev in NEGATIVE_EVENTS:
        if VIOLENCE.search(text) or CEASEFIRE.search(text):
            return None
        return ("neg", frozenset())
    return None  # MOBILIZE, DOCUMENT, anything new


def load_items(folder: str | Path) -> list[dict]:
    """One item per distinct sentence: text, reading ("pos"/"neg"), types, PLOVER events."""
    folder = Path(folder)
    path = folder / GSR_FILE if (folder / GSR_FILE).exists() else folder
    if path.is_dir() or not path.exists():
        raise FileNotFoundError(f"{folder}: no {GSR_FILE} (not the plover_gsr folder)")
    recs = json.loads(path.read_text(encoding="utf-8"))
    by_text: dict[str, list[tuple[dict, Reading]]] = defaultdict(list)
    for r in recs:
        t = (r.get("text") or "").strip()
        if not t or r.get("language", "en") != "en":
            continue
        by_text[t].append((r, acled_reading(r)))
    items = []
    for t, rs in by_text.items():
        readings = [x for _, x in rs]
        plover = sorted({r["event"] for r, _ in rs})
        if any(x is not None and x[0] == "pos" for x in readings):
            types = frozenset().union(*(x[1] for x in readings if x is not None and x[0] == "pos"))
            items.append({"text": t, "gold": "pos", "types": types, "plover": plover})
        elif readings and all(x is not None and x[0] == "neg" for x in readings):
            items.append({"text": t, "gold": "neg", "types": frozenset(), "plover": plover})
    return items


def _pipeline(with_classifier: bool, threshold: float = 0.8, model: str | None = None):
    """The cached default pipeline with (or without) the classifier after the rules.

    ``load_pipeline()`` and ``load_pipeline(None)`` are two entries of its cache (the
    extraction path uses the second), so both are set the same way."""
    from ..nlp import classifier  # noqa: F401 - registers the factory
    from ..nlp.pipeline import load_pipeline

    name = "eventwire_event_classifier"
    pipes = [load_pipeline(model), load_pipeline()] if model is None else [load_pipeline(model)]
    for nlp in pipes:
        if with_classifier:
            if name not in nlp.pipe_names:
                nlp.add_pipe(name, after="eventwire_events", config={"threshold": threshold})
            nlp.get_pipe(name).threshold = threshold
        elif name in nlp.pipe_names:
            nlp.remove_pipe(name)
    return pipes[0]


def _docs(nlp, items):
    from ..article import Article
    from ..nlp.pipeline import make_doc

    arts = [Article(text=it["text"], published=None, published_precision="unknown") for it in items]
    return list(nlp.pipe((make_doc(nlp, a) for a in arts), batch_size=32))


def _from_mentions(doc) -> str | None:
    # a happening: threats, demands and denials come out with their modality (planned,
    # hypothetical, denied), and a user counting events filters them out as ACLED would
    ms = [m for m in (doc._.mentions or []) if m.modality == "asserted"]
    if not ms:
        return None
    return max(ms, key=lambda m: m.confidence).event_type


def _from_scores(doc, threshold: float) -> str | None:
    from ..taxonomy import event_type_of

    best, prob = None, 0.0
    for s in doc.sents:
        for sub, p in (s._.event_scores or {}).items():
            if p > prob:
                best, prob = sub, p
    return event_type_of(best) if best is not None and prob >= threshold else None


def _from_event_prob(doc, threshold: float) -> str | None:
    """Detection by P(some event) = 1 - P(none), typed by the best sub-type of that sentence."""
    from ..taxonomy import event_type_of

    best, prob = None, 0.0
    for s in doc.sents:
        sc = s._.event_scores or {}
        tot = sum(sc.values())
        if sc and tot > prob:
            best, prob = max(sc, key=sc.get), tot
    return event_type_of(best) if best is not None and prob >= threshold else None


def score(items: list[dict], preds: list[str | None]) -> dict:
    pos = [(it, p) for it, p in zip(items, preds) if it["gold"] == "pos"]
    neg = [(it, p) for it, p in zip(items, preds) if it["gold"] == "neg"]
    tp = sum(p is not None for _, p in pos)
    fp = sum(p is not None for _, p in neg)
    typed = [(it, p) for it, p in pos if p is not None and it["types"]]
    per_type: dict[str, dict] = {}
    for t in sorted({t for it, _ in pos for t in it["types"]}):
        grp = [(it, p) for it, p in pos if t in it["types"]]
        det = [(it, p) for it, p in grp if p is not None]
        per_type[t] = {
            "gold": len(grp),
            "detected": len(det),
            "recall": round(len(det) / len(grp), 3) if grp else None,
            "type_ok": sum(p in it["types"] for it, p in det),
        }
    rec = tp / len(pos) if pos else 0.0
    prec = tp / (tp + fp) if tp + fp else 0.0
    return {
        "positives": len(pos),
        "negatives": len(neg),
        "detected": tp,
        "false_alarms": fp,
        "recall": round(rec, 3),
        "precision": round(prec, 3),
        "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0,
        "type_accuracy": round(sum(p in it["types"] for it, p in typed) / len(typed), 3) if typed else None,
        "typed_detected": len(typed),
        "per_type": per_type,
    }


def evaluate_plover(folder: str | Path, thresholds=(0.5, 0.7, 0.8, 0.9)) -> dict:
    items = load_items(folder)
    out: dict = {"sentences": len(items), "positives": sum(i["gold"] == "pos" for i in items), "negatives": sum(i["gold"] == "neg" for i in items)}
    rules_docs = _docs(_pipeline(False), items)
    out["rules"] = score(items, [_from_mentions(d) for d in rules_docs])
    # classifier alone: the scores written on the sentences (they do not depend on the threshold)
    cls_docs = _docs(_pipeline(True, threshold=1.01), items)
    out["classifier"] = {str(t): score(items, [_from_scores(d, t) for d in cls_docs]) for t in thresholds}
    out["classifier_p_event"] = {str(t): score(items, [_from_event_prob(d, t) for d in cls_docs]) for t in thresholds}
    out["combined"] = {}
    for t in thresholds:
        docs = _docs(_pipeline(True, threshold=t), items)
        out["combined"][str(t)] = score(items, [_from_mentions(d) for d in docs])
    _pipeline(False)  # leave the cached default pipeline as it was
    return out


def compare_gold(gold_dir: str | Path, thresholds=(0.5, 0.7, 0.8, 0.9)) -> dict:
    """``eventwire evaluate``'s scores on an ACLED gold set, without and with the classifier."""
    from ..evaluate import evaluate_dir

    keep = ("emitted_events", "matched", "recall", "precision", "f1", "event_type", "sub_event_type")
    out = {}
    _pipeline(False)
    out["rules"] = {k: evaluate_dir(gold_dir)["scores"][k] for k in keep}
    for t in thresholds:
        _pipeline(True, threshold=t)
        rep = evaluate_dir(gold_dir)
        out[f"combined@{t}"] = {k: rep["scores"][k] for k in keep}
    _pipeline(False)
    return out


def _print(res: dict) -> None:
    cols = ("detected", "false_alarms", "recall", "precision", "f1", "type_accuracy")
    print(f"sentences scored: {res['sentences']} ({res['positives']} ACLED events, {res['negatives']} clear non-events)")
    print(f"{'system':<24}" + "".join(f"{c:>14}" for c in cols))

    def row(name, s):
        print(f"{name:<24}" + "".join(f"{'-' if s[c] is None else s[c]!s:>14}" for c in cols))

    row("rules", res["rules"])
    for t, s in res["classifier"].items():
        row(f"classifier >= {t}", s)
    for t, s in res.get("classifier_p_event", {}).items():
        row(f"cls P(event) >= {t}", s)
    for t, s in res["combined"].items():
        row(f"combined (cls >= {t})", s)
    print("\nper ACLED type (recall = detected / gold; type_ok = detected with an accepted type)")
    types = list(res["rules"]["per_type"])
    best_t = list(res["combined"])[-2] if len(res["combined"]) > 1 else list(res["combined"])[0]
    print(f"{'type':<28}{'gold':>6}   {'rules':>12}   {'classifier@' + best_t:>16}   {'combined@' + best_t:>16}")
    for t in types:
        r = res["rules"]["per_type"][t]
        c = res["classifier"][best_t]["per_type"][t]
        m = res["combined"][best_t]["per_type"][t]
        f = lambda d: f"{d['detected']}/{d['type_ok']}"  # noqa: E731
        print(f"{t:<28}{r['gold']:>6}   {f(r):>12}   {f(c):>16}   {f(m):>16}")
    print("(cells: detected/type_ok)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Score eventwire's event detection on PLOVER GSR, rules / classifier / combined.")
    ap.add_argument("folder", nargs="?", help="the plover_gsr folder (or the GSR JSON file)")
    ap.add_argument("--gold", help="an ACLED gold folder (articles.jsonl + gold.jsonl): compare evaluate's scores without and with the classifier")
    ap.add_argument("--thresholds", default="0.5,0.7,0.8,0.9")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    ths = tuple(float(x) for x in args.thresholds.split(","))
    if not args.folder and not args.gold:
        ap.error("give the plover_gsr folder or --gold DIR")
    try:
        if args.folder:
            res = evaluate_plover(args.folder, ths)
            if args.json:
                print(json.dumps(res, indent=1, default=sorted))
            else:
                _print(res)
        if args.gold:
            res = compare_gold(args.gold, ths)
            if args.json:
                print(json.dumps(res, indent=1))
            else:
                keys = list(next(iter(res.values())))
                print(f"\n{'gold set':<22}" + "".join(f"{k:>16}" for k in keys))
                for name, s in res.items():
                    print(f"{name:<22}" + "".join(f"{s[k]!s:>16}" for k in keys))
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
