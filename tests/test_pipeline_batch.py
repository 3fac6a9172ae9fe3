"""An article gives the same events alone, after other articles, and at any batch size: nothing one
document leaves behind (a memo, a cache, a mutable default) changes the next one's events."""
import json
import subprocess
import sys

from conftest import ROOT

# Hand-made; the others name places, agencies and groups that a leaking memo could carry forward.
ARTICLES = [
    ("2017-01-16", "Gunmen shot and killed two men outside a bar in Riverside on Sunday night, police said. "
                   "A third man was wounded and taken to a hospital in Moreno Valley."),
    ("2019-03-04", "KADUNA, March 4 (Reuters) - Bandits attacked the village of Kajuru on Saturday, killing 16 "
                   "people, the state police said. Residents blamed herders for the attack."),
    ("2018-07-10", "Protesters blocked roads with burning tyres in Goma on Monday. Police fired tear gas to "
                   "disperse them and arrested 12 people, a local official said."),
    ("2017-01-18", "A security guard accidentally shot himself in the foot on Wednesday while on duty at a federal "
                   "building downtown, the Department of Homeland Security said. He was in stable condition."),
]

SCRIPT = r"""
import json, sys
from datetime import date
from eventwire.article import Article
from eventwire.extract import extract_with
from eventwire.nlp.pipeline import load_pipeline

rows = json.loads(sys.argv[1])
nlp = load_pipeline()

def run(batch, batch_size):
    arts = [Article(text=t, published=date.fromisoformat(p), published_precision="day", external_id=str(i))
            for i, (p, t) in batch]
    return {a.external_id: [e.to_record() for e in evs] for a, evs in extract_with(arts, nlp, batch_size=batch_size)}

last = len(rows) - 1
out = {"alone_first": run([(last, rows[last])], 1)}  # before any other document went through
out["batch_1"] = run(list(enumerate(rows)), 1)
out["batch_16"] = run(list(enumerate(rows)), 16)
out["reversed_2"] = run(list(enumerate(rows))[::-1], 2)
out["alone_after"] = run([(last, rows[last])], 1)
print(json.dumps(out, sort_keys=True, default=str))
"""


def test_same_events_alone_after_others_and_at_any_batch_size():
    r = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(ARTICLES)], capture_output=True, text=True,
                       cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    out = json.loads(r.stdout.strip().splitlines()[-1])
    last = str(len(ARTICLES) - 1)
    assert out["alone_first"][last], "the last article gives an event"
    assert out["batch_1"][last] == out["alone_first"][last]
    assert out["batch_16"][last] == out["alone_first"][last]
    assert out["alone_after"][last] == out["alone_first"][last]
    assert out["batch_16"] == out["batch_1"] == out["reversed_2"]
