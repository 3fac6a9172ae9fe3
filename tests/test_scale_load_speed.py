"""The loader reads a partition's two Parquet files without pyarrow's dataset layer, so a loader
process does not import pyarrow.dataset and pandas for it (about 0.2 CPU s and up to a second of wall
time, paid inside the first partition's load)."""
import json
import os
import subprocess
import sys
from datetime import date

from conftest import ROOT

READ = r"""
import json, sys
from eventwire.scale.load import read_partition
got = list(read_partition(sys.argv[1], 0))
print(json.dumps({"rows": [[r["article_id"], r["title"], r["published"], len(evs)] for r, evs in got],
                  "dataset": "pyarrow.dataset" in sys.modules, "pandas": "pandas" in sys.modules}))
"""


def test_reading_a_partition_needs_neither_pyarrow_dataset_nor_pandas(tmp_path):
    import pyarrow as pa

    from eventwire.article import Article
    from eventwire.scale.partition import _schemas, _write, article_to_row, part_name

    art_schema, men_schema = _schemas()
    a = Article(text="Police said two men were hurt in a quarrel at a market in the town.",
                published=date(2021, 3, 4), published_precision="day", title="A made-up story")
    row = {"part": 0, "article_pos": 0, "article_id": a.id, **article_to_row(a), "n_mentions": 0,
           "n_events": 0, "error": None}
    _write(pa.Table.from_pylist([row], schema=art_schema), str(tmp_path / "articles" / part_name(0)))
    _write(pa.Table.from_pylist([], schema=men_schema), str(tmp_path / "mentions" / part_name(0)))
    # A fresh process, as the loader is: writing above imported pandas in this one.
    res = subprocess.run([sys.executable, "-c", READ, str(tmp_path)], capture_output=True, text=True, cwd=ROOT,
                         timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert res.returncode == 0, res.stderr
    got = json.loads(res.stdout.strip().splitlines()[-1])
    assert got["rows"] == [[a.id, "A made-up story", "2021-03-04", 0]]
    assert got["dataset"] is False
    assert got["pandas"] is False
