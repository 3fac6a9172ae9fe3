"""eventwire on Latin American wire and radio reports: the MUC-3/MUC-4 terrorism corpus.

    python -m eventwire.evaluation.muc4 DIR [--half study|holdout|all] [--limit N] [--truecase]
                                           [--errors] [--json scores.json]

DIR holds ``docs.jsonl`` (id, text, published: full messages, all upper case, published on the
day of their dateline) and ``gold.jsonl`` (one answer template per row: ACLED type and sub-type
by a heuristic map of the MUC incident type, date when the key gives one day, place
"COUNTRY: CITY (CITY): ...", attacker, victim, killed, wounded).  A message with no template
reports no relevant incident.  MUC's answer keys are per message, not per sentence, so the scores
are per message and per template:

- relevant messages that yield an event; irrelevant messages that yield none (MUC's "irrelevant"
  also covers army-against-guerrilla fighting, which ACLED codes, so this share is a floor);
- per template, the message's event that fits it best (type, date, place), and whether it has
  the template's type and sub-type, its date (exact day), its place (within 25 km of the gold
  place, resolved with eventwire's own gazetteer; where the gold names only a country, and for
  all templates, the country), its perpetrator (actor1 sharing the gold attacker's name or
  acronym), its deaths (exact; none reported = 0).

Templates marked optional in the key and those with no ACLED type (threats only) are left out.
The messages split in two halves by the parity of md5(message id): ``study`` (even) is the half
to look at and tune on, ``holdout`` (odd) the half to report.  ``--truecase`` gives the text its
likely casing before the pipeline (``eventwire extract --truecase`` does the same for a user).
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

from ..article import Article
from ..evaluate import haversine_km
from .split import half_of, print_scores, read_jsonl

HALVES = ("study", "holdout", "all")


def _read_jsonl(path: Path) -> list[dict]:
    try:
        return read_jsonl(path)
    except ValueError as e:
        raise SystemExit(str(e)) from None


def load(dir_: Path, half: str = "study", limit: int | None = None) -> list[tuple[dict, list[dict], bool]]:
    """[(doc, scored templates, relevant)] of one half, in md5 order of the ids.

    ``relevant`` is None for a message whose only templates are optional or untyped (left out of
    the message-level shares)."""
    for name in ("docs.jsonl", "gold.jsonl"):
        if not (dir_ / name).exists():
            raise SystemExit(f"{dir_ / name}: no such file")
    docs = _read_jsonl(dir_ / "docs.jsonl")
    gold: dict[str, list[dict]] = defaultdict(list)
    for row in _read_jsonl(dir_ / "gold.jsonl"):
        gold[str(row.get("doc"))].append(row)
    out = []
    for d in sorted(docs, key=lambda d: hashlib.md5(str(d.get("id")).encode("utf-8")).hexdigest()):
        did = str(d.get("id"))
        if not d.get("text") or (half != "all" and half_of(did) != half):
            continue
        rows = gold.get(did, [])
        scored = [r for r in rows if not r.get("optional") and r.get("type")]
        relevant: bool | None = bool(scored) if (scored or not rows) else None
        out.append((d, scored, relevant))
        if limit and len(out) >= limit:
            break
    return out


# ------------------------------------------------------------------ gold places

_PART = re.compile(r"^\s*(?P<name>.*?)\s*(?:\((?P<kind>[A-Z ]+)\))?\s*$")
_TOWN_KINDS = {"CITY", "TOWN", "VILLAGE", "NEIGHBORHOOD", "URBAN ZONE", "HAMLET", "PORT"}
_REGION_KINDS = {"DEPARTMENT", "PROVINCE", "STATE", "REGION", "DISTRICT", "MUNICIPALITY", "JURISDICTION"}


def gold_place(text: str | None, gaz, cache: dict | None = None):
    """(country code, most specific gazetteer entry below the country or None) of a MUC place.

    "PERU: AREQUIPA (DEPARTMENT): ANDAHUA (TOWN)": the deepest part the gazetteer knows in that
    country (a town of the same division first), else its division.  Alternatives ("X (CITY) -
    Y (CITY)", "X / Y") take the first."""
    if not text:
        return None, None
    cache = cache if cache is not None else {}
    if text in cache:
        return cache[text]
    alt = re.split(r"\)\s*/\s*\(", text.strip())[0].strip()
    if alt.startswith("(") and alt.count("(") > alt.count(")"):
        alt = alt[1:]
    parts = alt.split(":")
    country = parts[0].split("/")[0].split(" - ")[0].strip()
    cands = [e for e, main in gaz.lookup(country.title()) if e.is_country]
    cc = cands[0].cc if cands else None
    best = None
    admin1 = None
    if cc:
        for raw in parts[1:]:
            raw = raw.split("/")[0].split(" - ")[0]
            m = _PART.match(raw)
            name, kind = (m.group("name"), m.group("kind") or "") if m else (raw.strip(), "")
            if not name:
                continue
            entries = [e for e, main in gaz.lookup(name.title()) if e.cc == cc and not e.is_country]
            if not entries and name.endswith(" CITY"):  # "SOYAPANGO CITY (CITY)"
                entries = [e for e, main in gaz.lookup(name[:-5].title()) if e.cc == cc and not e.is_country]
            kind = kind.split("/")[0].strip()
            if kind in _REGION_KINDS:
                entries = [e for e in entries if e.is_admin1 or e.fclass == "A"] or entries
            elif kind in _TOWN_KINDS:
                entries = [e for e in entries if e.fclass == "P"] or entries
            if admin1 is not None:
                entries = [e for e in entries if gaz.admin1_name(e) == admin1] or entries
            if entries:
                e = max(entries, key=lambda e: e.population)
                best = e
                if e.is_admin1:
                    admin1 = gaz.admin1_name(e)
    cache[text] = (cc, best)
    return cc, best


# ------------------------------------------------------------------ actors

_STOP = {"THE", "OF", "A", "AN", "AND", "IN", "FOR", "S", "MEMBERS", "GROUP", "GROUPS", "UNIT", "UNITS", "OTHER"}


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Z0-9]+", text.upper().replace("'S", "")) if w not in _STOP]


_STATE = re.compile(r"\b(?:ARMY|ARMED FORCES|SOLDIERS?|TROOPS|MILITARY|AIR FORCE|NAVY|NATIONAL GUARD|POLICE(?:MEN)?|"
                    r"POLICE ?OFFICERS?|BATTALION|BRIGADE|PATROL|SECURITY FORCES|TREASURY POLICE|COLONEL|LIEUTENANT|"
                    r"SERGEANT|CAPTAIN|MEN IN UNIFORM|UNIFORMED)\b")
_NAMELESS = re.compile(r"\b(?:INDIVIDUALS?|MEN|MAN|PERSONS?|PEOPLE|UNIDENTIFIED|UNKNOWN|GUNMEN|ASSAILANTS?|ATTACKERS?|"
                       r"TERRORISTS?|MURDERERS?|CRIMINALS?|KILLERS?|HIRED ASSASSINS?|COMMANDOS?|SUBVERSIVES?|"
                       r"GUERRILLAS?|REBELS?|EXTREMISTS?|KIDNAPPERS?|BANDITS?|THUGS?|SICARIOS?|DEATH SQUADS?)\b")


def actor_matches(name: str | None, attackers: list[str]) -> bool:
    """actor1 names the gold attacker: an acronym of the other's words, or the gold attacker's
    distinctive words (all of them, at most the first three) in actor1's name; state forces for
    an army, its soldiers or officers; an unidentified armed group where the key names no group."""
    if not name or not attackers:
        return False
    up = name.upper()
    if up.startswith(("MILITARY FORCES OF", "POLICE FORCES OF")) and any(_STATE.search(g.upper()) for g in attackers):
        return True
    if up.startswith("UNIDENTIFIED") and all(_NAMELESS.search(g.upper()) and not _STATE.search(g.upper())
                                             for g in attackers):
        return True
    ours = _words(name)
    acro_ours = "".join(w[0] for w in ours)
    for g in attackers:
        gw = _words(g)
        if not gw:
            continue
        acro_g = "".join(w[0] for w in gw)
        if (len(gw) == 1 and (gw[0] in ours or gw[0] == acro_ours)) or (len(ours) == 1 and ours[0] == acro_g):
            return True
        if len(gw) > 1 and all(w in ours for w in gw[:3]):
            return True
        # "GUERRILLAS" and "Guerrilla forces": the same word, singular or plural
        if len(gw) == 1 and any(w.rstrip("S") == gw[0].rstrip("S") and len(w) > 3 for w in ours):
            return True
    return False


# ------------------------------------------------------------------ scoring

def _near(place, lat, lon, km=25.0) -> bool:
    return place is not None and place.lat is not None and haversine_km(place.lat, place.lon, lat, lon) <= km


def _fit(ev, t: dict, target) -> tuple:
    gd = date.fromisoformat(t["date"]) if t.get("date") else None
    return (
        ev.event_type == t["type"],
        bool(gd and ev.date.known and ev.date.start <= gd <= ev.date.end),
        bool(target is not None and _near(ev.location, target.lat, target.lon)),
        ev.sub_event_type == t.get("sub_event_type"),
    )


def evaluate(dir_: Path, half: str = "study", limit: int | None = None, model: str | None = None,
             truecase: bool = False, errors: bool = False) -> dict:
    from .. import gazetteer
    from ..extract import extract_articles

    items = load(dir_, half, limit)
    if truecase:
        from ..truecase import truecase as tc
    arts = []
    by_id = {}
    for d, templates, relevant in items:
        pub = date.fromisoformat(d["published"]) if d.get("published") else None
        text = tc(d["text"]) if truecase else d["text"]
        art = Article(text=text, published=pub, published_precision="day" if pub else "unknown",
                      external_id=str(d["id"]), title=d.get("title"))
        arts.append(art)
        by_id[art.external_id] = (d, templates, relevant)
    gaz = gazetteer.load()
    cache: dict = {}
    flags: dict[str, list[bool]] = defaultdict(list)
    n_events = 0
    for art, events in extract_articles(arts, model):
        d, templates, relevant = by_id[art.external_id]
        n_events += len(events)
        if relevant is True:
            flags["relevant_with_event"].append(bool(events))
        elif relevant is False:
            flags["irrelevant_left_alone"].append(not events)
        for t in templates:
            cc, target = gold_place(t.get("place"), gaz, cache)
            if not events:
                for k in ("type", "sub_event_type", "country"):
                    flags[k].append(False)
                if target is not None:
                    flags["place_25km"].append(False)
                if t.get("date"):
                    flags["date_exact"].append(False)
                if t.get("attacker"):
                    flags["actor1"].append(False)
                if t.get("killed") is not None:
                    flags["fatalities"].append(False)
                continue
            best = max(events, key=lambda e: _fit(e, t, target))
            flags["type"].append(best.event_type == t["type"])
            flags["sub_event_type"].append(best.sub_event_type == t.get("sub_event_type"))
            if cc:
                flags["country"].append(best.location is not None and best.location.country == cc)
            wrong = []
            if target is not None:
                ok = _near(best.location, target.lat, target.lon)
                flags["place_25km"].append(ok)
                if not ok:
                    wrong.append("place")
            if t.get("date"):
                gd = date.fromisoformat(t["date"])
                ok = best.date.precision == "day" and best.date.start == gd
                flags["date_exact"].append(ok)
                if not ok:
                    wrong.append("date")
            if t.get("attacker"):
                ok = actor_matches(best.actor1.name if best.actor1 else None, t["attacker"])
                flags["actor1"].append(ok)
                if not ok:
                    wrong.append("actor1")
            if t.get("killed") is not None:
                ok = best.fatalities == t["killed"] or (best.fatalities is None and t["killed"] == 0)
                flags["fatalities"].append(ok)
                if not ok:
                    wrong.append("killed")
            if best.event_type != t["type"]:
                wrong.append("type")
            if errors and wrong:
                loc = best.location
                print(f"MISS {art.external_id}#{t.get('template')} {','.join(wrong)}: gold {t['type']}/"
                      f"{t.get('sub_event_type')} {t.get('date')} {t.get('place')!r} by {t.get('attacker')} killed "
                      f"{t.get('killed')} | ours {best.event_type}/{best.sub_event_type} {best.date.start} "
                      f"({best.date.precision}) {loc.name if loc else None} [{loc.precision if loc else ''}] by "
                      f"{best.actor1.name if best.actor1 else None} killed {best.fatalities} | "
                      f"{best.sources[0].sentence[:140]!r}", file=sys.stderr)
        if errors and relevant is False and events:
            print(f"SPURIOUS {art.external_id}: {len(events)} events, first {events[0].sub_event_type} | "
                  f"{events[0].sources[0].sentence[:140]!r}", file=sys.stderr)

    def share(v):
        return round(sum(v) / len(v), 3) if v else None

    n_templates = sum(len(t) for _, t, _ in items)
    out = {"half": half, "truecase": truecase, "messages": len(items), "templates": n_templates,
           "events_per_message": round(n_events / len(items), 2) if items else 0.0}
    for k in ("relevant_with_event", "irrelevant_left_alone", "type", "sub_event_type", "place_25km", "country",
              "date_exact", "actor1", "fatalities"):
        out[k] = share(flags.get(k, []))
        out[f"n_{k}"] = len(flags.get(k, []))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--half", choices=HALVES, default="study")
    ap.add_argument("--limit", type=int, default=None, help="the first N messages of the half (in md5 order)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--truecase", action="store_true", help="truecase the text before the pipeline")
    ap.add_argument("--errors", action="store_true", help="print each template the best event gets wrong (stderr)")
    ap.add_argument("--json", dest="json_out", default=None)
    args = ap.parse_args(argv)
    if not args.dir.is_dir():
        sys.exit(f"{args.dir}: not a directory")
    scores = evaluate(args.dir, args.half, args.limit, args.model, args.truecase, args.errors)
    print_scores(scores, args.json_out)


if __name__ == "__main__":
    main()
