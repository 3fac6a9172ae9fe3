"""actor1 measured on the PLOVER gold standard records (violent and coercive events), per half.

    python scripts/plover_actors.py /path/to/plover_gsr [--details]

Each PLOVER record codes its source actor with a country (ISO 3166 alpha-3) and a sector
(MIL, GOV, COP: the state; REB, INS, UAF, OPP...: not the state; CVL: civilians).  For the
ASSAULT, FIGHT and COERCE records whose source has a country, the sentence is run through
the pipeline and the first mention's actor1 is right when it is on the same side (state
forces of that country for a state sector; a non-state armed actor for REB/INS/UAF) and,
for the state, of the same country.  A sentence with no mention is counted apart
(detection is scored by ``eventwire.evaluation.plover``).  Records split by the parity of
md5(record id): even = study half, odd = held-out half.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

STATE = {"MIL", "GOV", "COP", "SPY", "JUD"}
ARMED = {"REB", "INS", "UAF", "SEP", "MILITIA"}
EVENTS = {"ASSAULT", "FIGHT", "COERCE"}


def half_of(rid: str) -> str:
    return "study" if int(hashlib.md5(rid.encode()).hexdigest(), 16) % 2 == 0 else "held"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args(argv)
    f = args.path / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt" if args.path.is_dir() else args.path
    try:
        records = json.loads(f.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"{f}: cannot read ({e})", file=sys.stderr)
        return 2
    import pycountry

    from eventwire.extract import extract

    out = {}
    for half in ("study", "held"):
        n = right = none = 0
        for r in records:
            if r.get("event") not in EVENTS or half_of(r["id"]) != half or not r.get("text"):
                continue
            src = (r.get("source") or [{}])[0]
            code, sector = src.get("code") or "", (src.get("sector") or "")[:3]
            c = pycountry.countries.get(alpha_3=code[:3]) if len(code) >= 3 else None
            if c is None or not (sector in STATE or sector in ARMED):
                continue
            evs = extract(r["text"], published=r.get("date"))
            if not evs:
                none += 1
                continue
            n += 1
            a = evs[0].actor1
            if sector in STATE:
                ok = a is not None and a.kind == "state forces" and a.country == c.alpha_2
            else:
                ok = a is not None and a.kind in ("rebel group", "political militia", "identity militia")
            right += ok
            if args.details and not ok:
                print(f"{'OK  ' if ok else 'MISS'} {r['id']} {code}/{sector} -> {a.name if a else None} | {r['text'][:140]}")
        out[half] = {"records_with_event": n, "no_event": none, "actor1_side_right": round(right / n, 3) if n else None}
        print(half, json.dumps(out[half]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
