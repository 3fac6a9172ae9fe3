"""actor1 measured on the MUC-4 answer templates (perpetrators), per half.

    python scripts/muc4_actors.py /path/to/muc4_dev [--half study|held|both] [--limit N] [--details]

MUC-4 gives, per incident template, the perpetrators (``attacker``: organisations and
individuals, as written in the text) but no trigger or offset, so the score is per
document: a template counts as *found* when some event extracted from its document has
an actor1 that one of the template's perpetrator names stands for (the name itself, or
the actor ``lookup_actor`` gives for it with the template's country). Only templates
with at least one perpetrator name that ``lookup_actor`` resolves are scored for
recall (a template whose perpetrator is a person, "PABLO ESCOBAR", cannot be told
from the actor table); the share of all templates is printed too.  *Precision* is over
the events extracted from documents that have templates: an event with an actor1 is
right when it stands for a perpetrator of any template of the document (a victim or
a third party as actor1 is wrong); ``actor1 empty`` counts the events without one.
``actor1_precision_unknown_as_uag`` also counts right an "Unidentified Armed Group" in a document with
a template whose perpetrator MUC-4 leaves blank or gives as unknown ("UNIDENTIFIED PERSONS"): ACLED's
name for a doer no one identified (the plain figure counts it wrong there).

The texts are upper case; they are true-cased first (``truecase``, a statistical
true-caser from PyPI, used only here) so the parser sees ordinary text.
Documents split by the parity of md5(doc id): even = study half (tune there), odd =
held-out half.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path


def half_of(doc_id: str) -> str:
    return "study" if int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "held"


_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\S")


def _group_acronyms() -> set[str]:
    from eventwire.nlp.actors import load_table

    return {a for a in load_table().acronym_to_group if len(a) >= 3 and a.isupper()}


def truecase_text(text: str) -> str:
    """Upper-case text in ordinary case; unknown words and acronyms stay as they are."""
    from eventwire.truecase import load_caser

    tc = load_caser()  # the package's model with fixed tie-breaking (its own varies with PYTHONHASHSEED)
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    words = [w for _, _, w in toks]
    cased: list[str] = []
    start = 0
    for i, w in enumerate(words):  # per sentence, so each sentence start is capitalised as the model expects
        if w in (".", "!", "?") or i == len(words) - 1:
            cased.extend(tc.get_true_case_from_tokens(words[start:i + 1], out_of_vocabulary_token_option="as-is"))
            start = i + 1
    # acronyms: a word the text gives in brackets somewhere ("[ELN]"), one without vowels ("FMLN"), or
    # an armed group's acronym that is no English word ("FARC", "MRTA"; not "FACT"): news prints them so
    bracketed = set(re.findall(r"[\[(]([A-Z][A-Z-]{1,7})[\])]", text))
    buf, pos = [], 0
    for (s, e, w), c in zip(toks, cased):
        buf.append(text[pos:s])
        known = w in _group_acronyms() and w.lower() not in tc.word_casing_lookup.get(w.lower(), set())
        keep = w.isupper() and len(w) >= 2 and (w in bracketed or not re.search(r"[AEIOUY]", w) or known)
        buf.append(w if keep else c)
        pos = e
    buf.append(text[pos:])
    return "".join(buf)


# a perpetrator MUC-4 gives as not identified: "UNIDENTIFIED PERSONS", "UNKNOWN INDIVIDUALS"
_UNKNOWN = re.compile(r"\b(UNIDENTIFIED|UNKNOWN|UNNAMED)\b", re.I)


def doer_unknown(template: dict) -> bool:
    """Does the template leave its perpetrator blank, or give it as not identified?"""
    names = [n for n in (template.get("attacker") or []) if n and n != "\\"]
    return not names or any(_UNKNOWN.search(n) for n in names)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--half", choices=["study", "held", "both"], default="both")
    ap.add_argument("--limit", type=int, default=0, help="documents per half (0: all)")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    for name in ("docs.jsonl", "gold.jsonl"):
        if not (args.path / name).is_file():
            print(f"{args.path / name}: not found (expected the muc4_dev folder)", file=sys.stderr)
            return 2
    try:
        import truecase  # noqa: F401
    except ImportError:
        print("muc4_actors: needs the truecase package (pip install -e '.[truecase]')", file=sys.stderr)
        return 2
    from eventwire.extract import extract
    from eventwire.nlp.actors import load_table, lookup_actor, normalize

    table = load_table()
    docs = {}
    for line in (args.path / "docs.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        docs[r["id"]] = r
    templates = defaultdict(list)
    for line in (args.path / "gold.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["doc"] in docs:
            templates[r["doc"]].append(r)

    def cc_of(country: str | None) -> str | None:
        return table.name_to_cc.get(normalize(country or "")) if country else None

    def stands_for(name: str, actor, cc) -> bool:
        if normalize(name) == normalize(actor.name):
            return True
        a = lookup_actor(name.title() if name.isupper() else name, cc) or lookup_actor(name, cc)
        return a is not None and (a.name == actor.name or (
            a.name.startswith("Unidentified Armed Group") and actor.name.startswith("Unidentified Armed Group")
            and (a.country is None or actor.country is None or a.country == actor.country)))

    halves = ["study", "held"] if args.half == "both" else [args.half]
    report = {}
    for half in halves:
        ids = sorted(d for d in templates if half_of(d) == half)
        if args.limit:
            ids = ids[: args.limit]
        n_t = n_res = found = 0
        ev_with = ev_right = ev_empty = ev_right_uag = 0
        for k, doc_id in enumerate(ids):
            d = docs[doc_id]
            events = extract(truecase_text(d["text"]), published=d.get("published"))
            temps = templates[doc_id]
            for tpl in temps:
                names = [n for n in (tpl.get("attacker") or []) if n and n != "\\"]
                if not names:
                    continue
                n_t += 1
                cc = cc_of(tpl.get("country"))
                resolvable = any(lookup_actor(n.title(), cc) or lookup_actor(n, cc) for n in names)
                if not resolvable:
                    continue
                n_res += 1
                hit = any(e.actor1 is not None and any(stands_for(n, e.actor1, cc) for n in names) for e in events)
                found += hit
                if args.details and not hit:
                    print(f"MISS {doc_id} gold={names} got={[e.actor1.name if e.actor1 else None for e in events]}")
            for e in events:
                if e.actor1 is None:
                    ev_empty += 1
                    continue
                ev_with += 1
                ok = any(stands_for(n, e.actor1, cc_of(t.get("country")))
                         for t in temps for n in (t.get("attacker") or []) if n and n != "\\")
                ev_right += ok
                ev_right_uag += ok or e.actor1.name.startswith("Unidentified Armed Group") and any(map(doer_unknown, temps))
                if args.details and not ok:
                    print(f"WRONG {doc_id} actor1={e.actor1.name!r} gold={[t.get('attacker') for t in temps]} "
                          f"| {e.sources[0].sentence[:160] if e.sources else ''}")
            if (k + 1) % 50 == 0:
                print(f"  {half}: {k + 1}/{len(ids)} documents", file=sys.stderr)
        res = {
            "documents": len(ids),
            "templates_with_perpetrator": n_t,
            "templates_resolvable": n_res,
            "actor1_recall_resolvable": round(found / n_res, 3) if n_res else None,
            "actor1_recall_all": round(found / n_t, 3) if n_t else None,
            "events_with_actor1": ev_with,
            "events_without_actor1": ev_empty,
            "actor1_precision": round(ev_right / ev_with, 3) if ev_with else None,
            "actor1_precision_unknown_as_uag": round(ev_right_uag / ev_with, 3) if ev_with else None,
        }
        report[half] = res
        print(half, json.dumps(res))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
