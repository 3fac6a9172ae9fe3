"""Cross-document merge on ECB+: do reports of one seminal event become one event?

    python -m eventwire.evaluation.ecbplus DIR [--split study|test] [--all-topics] [--json scores.json]

DIR is the ECB+ corpus folder (``ECB+_LREC2014/ECB+/<topic>/<topic>_<n>ecb.xml`` and
``..ecbplus.xml``; the folder above it also works).  Each topic holds two seminal events:
the ECB documents report one, the ECB+ documents another of the same kind (two bombings,
two riots), which is what makes the set a test of the merge: same kind, often the same
words, different happening.  A document's gold cluster is its (topic, ECB or ECB+) half.

Each document is extracted alone, with the publication day it gives itself (a date in its URL
or a dateline in its first lines; ECB+ has no other, and most ECB documents give none); its
lead event (the first, the story's happening) is scored; ``merge_across`` then merges all
the documents' events, and B-cubed compares the merged event holding each lead event with
the gold halves.  Only conflict-like topics count: those where most documents yield a
violent, riot or protest event (decided by eventwire's output, not by reading the topics).
The standard split is kept: topics 36-45 are the test split (``--split test``, figures
only), 1-35 the study split (default).
"""
from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from ..article import Article
from ..evaluate import _bcubed
from .split import print_scores

CONFLICT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"})
TEST_TOPICS = frozenset(range(36, 46))
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}'](?:\s|$)|n't|'s|'re|'ll|'ve|'d)")


def _corpus_dir(d: Path) -> Path:
    for cand in (d, d / "ECB+", d / "ECB+_LREC2014" / "ECB+"):
        if cand.is_dir() and any(p.is_dir() and p.name.isdigit() for p in cand.iterdir()):
            return cand
    raise FileNotFoundError(f"{d}: no ECB+ topic folders")


_MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
_URL_DATE = re.compile(r"\b((?:19|20)\d\d) / (\d\d?|[a-z]{3})[a-z]* / (\d\d?)\b")
_LINE_DATE = re.compile(r"^\s*(?:[A-Z][a-z]+day,? )?([A-Z][a-z]{2})[a-z]*\.? (\d{1,2}),? ((?:19|20)\d\d)\b")


def doc_date(path: Path):
    """The publication day the document itself gives, if any: a date in its URL ("2010 / 05 / 05")
    or a dateline of its first lines ("May 5, 2010").  ECB+ has no other."""
    from datetime import date

    root = ET.parse(path).getroot()
    sents: dict[int, list[str]] = defaultdict(list)
    for tok in root.iter("token"):
        k = int(tok.get("sentence", 0))
        if k <= 3:
            sents[k].append(tok.text or "")
    lines = [" ".join(sents[k]) for k in sorted(sents)]
    for i, line in enumerate(lines):
        m = _URL_DATE.search(line.lower()) if i == 0 and line.lower().startswith("http") else None
        if m:
            y, mo, d = m.groups()
            mo = int(mo) if mo.isdigit() else _MONTHS.get(mo[:3])
        else:
            m = _LINE_DATE.match(line.replace(" ,", ","))
            if not m:
                continue
            mo_s, d, y = m.groups()
            mo = _MONTHS.get(mo_s.lower()[:3])
        try:
            return date(int(y), int(mo), int(d)) if mo else None
        except (TypeError, ValueError):
            continue
    return None


def doc_text(path: Path) -> str:
    """The document's text from its tokens, one line per sentence, without the leading URL line."""
    root = ET.parse(path).getroot()
    sents: dict[int, list[str]] = defaultdict(list)
    for tok in root.iter("token"):
        sents[int(tok.get("sentence", 0))].append(tok.text or "")
    lines = []
    for k in sorted(sents):
        line = " ".join(sents[k])
        line = _NO_SPACE_BEFORE.sub(r"\1", line).replace("`` ", '"').replace(" ''", '"').replace("( ", "(")
        lines.append(line)
    if lines and lines[0].lower().startswith("http"):
        # ECB+ documents open with their URL tokenised as a sentence ("http : / / www . x . com / ...")
        lines = lines[1:]
    return "\n\n".join(l for l in lines if l)


def load(dir_: Path, split: str = "study") -> list[tuple[Article, str, int]]:
    """(article, gold cluster, topic) for every document of the split, in a fixed order."""
    root = _corpus_dir(dir_)
    out = []
    for tdir in sorted((p for p in root.iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: int(p.name)):
        topic = int(tdir.name)
        if (topic in TEST_TOPICS) != (split == "test"):
            continue
        for f in sorted(tdir.glob("*.xml")):
            half = "ecbplus" if f.name.endswith("ecbplus.xml") else "ecb"
            pub = doc_date(f)
            art = Article(text=doc_text(f), published=pub, published_precision="day" if pub else "unknown",
                          external_id=f.stem, path=str(f))
            out.append((art, f"{topic}/{half}", topic))
    return out


def evaluate(dir_: Path, split: str = "study", all_topics: bool = False, model: str | None = None,
             errors: bool = False) -> dict:
    from ..extract import extract_articles
    from ..merge import merge_across

    docs = load(dir_, split)
    gold_of = {a.id: g for a, g, _t in docs}
    topic_of = {a.id: t for a, _g, t in docs}
    lead: dict[str, object] = {}
    events = []
    conflict_docs: dict[int, list[bool]] = defaultdict(list)
    for art, evs in extract_articles([a for a, _g, _t in docs], model):
        conflict = [e for e in evs if e.event_type in CONFLICT_TYPES]
        conflict_docs[topic_of[art.id]].append(bool(conflict))
        if conflict:
            lead[art.id] = conflict[0]
            events.extend(conflict)
    topics = sorted(t for t, flags in conflict_docs.items() if all_topics or sum(flags) * 2 > len(flags))
    owner = {}
    for ev in merge_across([e for e in events if topic_of[e.sources[0].article_id] in topics]):
        for s in ev.sources:
            owner[(s.article_id, tuple(s.span))] = ev.event_id
    pairs = []
    for aid, ev in lead.items():
        if topic_of[aid] not in topics:
            continue
        key = (ev.sources[0].article_id, tuple(ev.sources[0].span))
        pairs.append((gold_of[aid], owner.get(key, ev.event_id)))
    if errors:
        by_pred = defaultdict(list)
        for g, p in pairs:
            by_pred[p].append(g)
        for p, gs in sorted(by_pred.items()):
            if len(set(gs)) > 1:
                print(f"JOINED {p}: {sorted(gs)}", file=sys.stderr)
    p, r, f = _bcubed(pairs)
    n_docs = sum(len(conflict_docs[t]) for t in topics)
    return {
        "split": split,
        "topics": ",".join(map(str, topics)),
        "documents": n_docs,
        "documents_with_event": len(pairs),
        "gold_clusters": len({g for g, _p in pairs}),
        "merged_events": len({p for _g, p in pairs}),
        "merge_bcubed_p": round(p, 3),
        "merge_bcubed_r": round(r, 3),
        "merge_bcubed_f1": round(f, 3),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--split", choices=("study", "test"), default="study",
                    help="study: topics 1-35 (default); test: topics 36-45 (print the figures only)")
    ap.add_argument("--all-topics", action="store_true", help="every topic, not only the conflict-like ones")
    ap.add_argument("--model", default=None)
    ap.add_argument("--json", dest="json_out", default=None)
    ap.add_argument("--errors", action="store_true", help="list merged events that join two gold halves (study only)")
    args = ap.parse_args(argv)
    if args.errors and args.split == "test":
        sys.exit("--errors lists the study split only (the test split stays unseen)")
    scores = evaluate(args.dir, args.split, args.all_topics, args.model, args.errors)
    print_scores(scores, args.json_out)


if __name__ == "__main__":
    main()
