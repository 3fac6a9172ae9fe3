"""Event typing measured on CASE 2021 Task 2 (ACLED-labelled snippets and non-ACLED news).

    python -m eventwire.evaluation.case2021 /path/to/case2021_task2_dev [--half study|holdout|all] [--errors [study|holdout|all]] [--json]

The folder holds ``docs.jsonl`` (``id``, ``text``; ``published`` is null: snippets carry no
date, so none is passed) and ``gold.jsonl`` (``doc``, ``type``, ``sub_event_type``,
``orig_type``): one label per snippet, an ACLED sub-event type or ``type`` null for the
organisers' non-ACLED news (disasters, organised crime, diplomacy, attribution statements).

Each snippet goes through the default extraction path (``extract_articles``: the pipeline,
then the merge of the article's mentions).  Scores:

- event found: an ACLED-labelled snippet yields at least one event, of any modality
  ("any"), and at least one read as asserted ("asserted");
- type / sub-type accuracy, over all ACLED-labelled snippets (a snippet with no event is
  wrong): of the snippet's best event, the event whose sub-type matches the gold one, else
  the first event;
- non-ACLED news left alone: the share of null-type snippets with no event (any modality)
  and with no asserted event;
- per sub-type: n, found (any), sub-type right.

Halves: a snippet is in the study half when the md5 of its id, read as a number, is even,
in the holdout half otherwise.  Rules are tuned on the study half; both are reported.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from .split import half_of, read_jsonl


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file (not a case2021_task2_dev folder)")
    return read_jsonl(path)


def load_items(folder: str | Path, half: str = "all") -> list[dict]:
    """Snippets joined with their gold label: id, text, type, sub (None for non-ACLED), orig."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: not a folder")
    docs = {d["id"]: d for d in _read_jsonl(folder / "docs.jsonl")}
    items = []
    for g in _read_jsonl(folder / "gold.jsonl"):
        d = docs.get(g.get("doc"))
        if d is None:
            raise ValueError(f"{folder / 'gold.jsonl'}: gold row for unknown doc {g.get('doc')!r}")
        h = half_of(d["id"])
        if half != "all" and h != half:
            continue
        items.append({"id": d["id"], "text": d.get("text") or "", "type": g.get("type"), "sub": g.get("sub_event_type"),
                      "orig": g.get("orig_type"), "half": h})
    return items


def predict(items: list[dict], model: str | None = None) -> list[list[tuple[str, str, str]]]:
    """Per snippet: the (event_type, sub_event_type, modality) of each extracted event, in order."""
    from ..article import Article
    from ..extract import extract_articles

    arts = [Article(text=it["text"], published=None, published_precision="unknown") for it in items]
    return [[(e.event_type, e.sub_event_type, e.modality) for e in evs] for _, evs in extract_articles(arts, model)]


def best_event(events: list[tuple[str, str, str]], sub: str | None):
    """The event whose sub-type matches the gold one, else the first (None when there is none)."""
    for e in events:
        if e[1] == sub:
            return e
    return events[0] if events else None


def score(items: list[dict], preds: list[list[tuple[str, str, str]]]) -> dict:
    pos = [(it, p) for it, p in zip(items, preds) if it["sub"]]
    neg = [(it, p) for it, p in zip(items, preds) if not it["sub"]]

    def ratio(a, b):
        return round(a / b, 3) if b else None

    found = sum(bool(p) for _, p in pos)
    found_asserted = sum(any(e[2] == "asserted" for e in p) for _, p in pos)
    type_ok = sub_ok = 0
    per: dict[str, dict] = defaultdict(lambda: {"n": 0, "found": 0, "sub_ok": 0})
    for it, p in pos:
        b = best_event(p, it["sub"])
        row = per[it["sub"]]
        row["n"] += 1
        row["found"] += bool(p)
        if b is not None and b[0] == it["type"]:
            type_ok += 1
        if b is not None and b[1] == it["sub"]:
            sub_ok += 1
            row["sub_ok"] += 1
    per_neg: dict[str, dict] = defaultdict(lambda: {"n": 0, "left_alone": 0})
    for it, p in neg:
        per_neg[it["orig"] or "?"]["n"] += 1
        per_neg[it["orig"] or "?"]["left_alone"] += not p
    return {
        "snippets": len(items),
        "acled": len(pos),
        "non_acled": len(neg),
        "found_any": ratio(found, len(pos)),
        "found_asserted": ratio(found_asserted, len(pos)),
        "type_accuracy": ratio(type_ok, len(pos)),
        "sub_type_accuracy": ratio(sub_ok, len(pos)),
        "left_alone": ratio(sum(not p for _, p in neg), len(neg)),
        "left_alone_asserted": ratio(sum(not any(e[2] == "asserted" for e in p) for _, p in neg), len(neg)),
        "per_sub_type": dict(sorted(per.items())),
        "per_non_acled": dict(sorted(per_neg.items())),
    }


def errors(items: list[dict], preds) -> list[str]:
    out = []
    for it, p in zip(items, preds):
        got = ", ".join(f"{e[1]}{'' if e[2] == 'asserted' else ' (' + e[2] + ')'}" for e in p) or "no event"
        if it["sub"]:
            b = best_event(p, it["sub"])
            if b is not None and b[1] == it["sub"]:
                continue
            out.append(f"{it['id']} [{it['sub']}] -> {got}\n    {it['text'][:300]}")
        elif p:
            out.append(f"{it['id']} [non-ACLED {it['orig']}] -> {got}\n    {it['text'][:300]}")
    return out


def _print(name: str, s: dict) -> None:
    print(f"== {name}: {s['snippets']} snippets ({s['acled']} ACLED-labelled, {s['non_acled']} non-ACLED)")
    print(f"event found (>= 1 event, any modality)     {s['found_any']}")
    print(f"event found (>= 1 asserted event)          {s['found_asserted']}")
    print(f"type accuracy (best event)                 {s['type_accuracy']}")
    print(f"sub-type accuracy (best event)             {s['sub_type_accuracy']}")
    print(f"non-ACLED left alone (no event)            {s['left_alone']}")
    print(f"non-ACLED left alone (no asserted event)   {s['left_alone_asserted']}")
    print(f"\n{'sub-event type':<40}{'n':>5}{'found':>8}{'sub ok':>8}")
    for sub, r in s["per_sub_type"].items():
        print(f"{sub:<40}{r['n']:>5}{r['found']:>8}{r['sub_ok']:>8}")
    print(f"\n{'non-ACLED kind':<40}{'n':>5}{'alone':>8}")
    for k, r in s["per_non_acled"].items():
        print(f"{k:<40}{r['n']:>5}{r['left_alone']:>8}")
    print()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Score eventwire's event detection and typing on CASE 2021 Task 2 snippets.")
    ap.add_argument("folder", help="the case2021_task2_dev folder (docs.jsonl + gold.jsonl)")
    ap.add_argument("--half", choices=("study", "holdout", "all"), default="all",
                    help="study (md5 of the id even), holdout (odd) or all, each half scored apart (default)")
    ap.add_argument("--errors", nargs="?", const="all", choices=("study", "holdout", "all"),
                    help="list the snippets typed wrong and the non-ACLED news read as an event, of one half "
                         "(study: look at these only, so the holdout stays unseen) or of all (the default)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--model", help="spaCy pipeline name (default: eventwire's)")
    args = ap.parse_args(argv)
    try:
        items = load_items(args.folder, args.half)
    except (FileNotFoundError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    preds = predict(items, args.model)
    halves = ["study", "holdout"] if args.half == "all" else [args.half]
    res = {}
    for h in halves:
        sel = [(it, p) for it, p in zip(items, preds) if it["half"] == h]
        res[h] = score([x for x, _ in sel], [p for _, p in sel])
    if args.half == "all":
        res["all"] = score(items, preds)
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        for h, s in res.items():
            _print(h, s)
    if args.errors:
        sel = [(it, p) for it, p in zip(items, preds) if args.errors == "all" or it["half"] == args.errors]
        print("\n".join(errors([x for x, _ in sel], [p for _, p in sel])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
