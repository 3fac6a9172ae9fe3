"""A Dask worker loads everything a partition needs when it starts (``PipelinePlugin`` ->
``partition._load``), so its first partition costs what its others do: before, the first one
also loaded the language identifier's model, imported pandas (pyarrow's first array) and the
Parquet writer, about 1 CPU s of a 3 s partition of 60 articles."""
import json
import os
import subprocess
import sys

from conftest import ROOT

PROBE = r"""
import json, sys, tempfile
from eventwire.language import _identifier
from eventwire.scale.partition import _load, extract_partition, article_to_row
from eventwire.article import Article
from datetime import date

_load(None)
loaded = _identifier.cache_info().currsize
before = set(sys.modules)
texts = [
    "Police said three men were wounded when a gang attacked a bus depot in the port city on Friday.",
    # Few of the common English words: not plainly English, so the language identifier reads it.
    "Casualty list, northern districts: Kunduz province, Chahar Dara district, four dead, six injured; "
    "Baghlan province, Pul-e Khumri district, two dead; Takhar province, Taloqan city, one injured; "
    "Badakhshan province, Faizabad city, no casualties; Samangan province, Aybak city, three injured; "
    "Balkh province, Mazar city, two dead, five injured.",
]
rows = [article_to_row(Article(text=t, published=date(2022, 7, 1), published_precision="day")) for t in texts]
summary = extract_partition(0, rows, tempfile.mkdtemp())
print(json.dumps({"loaded": loaded, "new": sorted(set(sys.modules) - before), "articles": summary["articles"],
                  "errors": summary["errors"]}))
"""


def test_a_worker_s_first_partition_loads_nothing_new():
    res = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert res.returncode == 0, res.stderr
    got = json.loads(res.stdout.strip().splitlines()[-1])
    assert got["articles"] == 2 and not got["errors"]
    assert got["loaded"] == 1  # the language identifier, at start-up
    # No module imported inside the partition; unidecode loads a table of 256 characters (~1 ms)
    # the first time a gazetteer name holds one of them, as any text may do at any time.
    assert [m for m in got["new"] if not m.startswith("unidecode.")] == []
