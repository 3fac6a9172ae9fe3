"""Parallel extraction on Dask gives exactly the events of the single-process ingest.

Three clusters on 127.0.0.1: a LocalCluster of two worker processes, a cluster of
one ``dask scheduler`` and two ``dask worker`` processes started here, and that
same cluster with one worker killed mid-run (its nanny restarts it; the
scheduler reruns its partition).  The corpus is a dozen short articles written
for this test, some happenings reported by two outlets so the cross-article
merge is exercised.  Plus the Parquet reader and the Parquet-only backfill.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.store import Store

SRC = str(Path(__file__).resolve().parent.parent / "src")

# (published, outlet, text): written for this test.
STORIES = [
    ("2021-03-02", "Daily Wire A", "KANO, Nigeria - Gunmen attacked a cattle market in Kano on Monday, killing seven traders, police said."),
    ("2021-03-02", "Herald B", "Seven traders were killed when gunmen stormed a cattle market in Kano on Monday, a police spokesman said."),
    ("2021-03-05", "Daily Wire A", "MOGADISHU - A car bomb exploded near a hotel in Mogadishu on Thursday, killing four people, officials said."),
    ("2021-03-05", "Coast Post", "Four people died on Thursday when a car bomb went off outside a hotel in Mogadishu, officials said."),
    ("2021-03-09", "Herald B", "Hundreds of teachers marched through Nairobi on Tuesday to demand unpaid wages, organisers said."),
    ("2021-03-11", "Valley News", "ALEPPO, Syria - Government forces clashed with rebels near Aleppo on Wednesday, leaving nine fighters dead, a monitor said."),
    ("2021-03-11", "Coast Post", "Nine fighters were killed in clashes between government forces and rebels near Aleppo on Wednesday, a war monitor said."),
    ("2021-03-15", "Valley News", "KABUL - Police arrested twelve protesters in Kabul on Sunday after a rally against fuel prices, witnesses said."),
    ("2021-03-18", "Daily Wire A", "Gunmen abducted fifteen students from a school in Zamfara on Wednesday, the state governor said."),
    ("2021-03-20", "Herald B", "MOSUL, Iraq - An air strike hit a compound near Mosul on Friday, killing three militants, the army said."),
    ("2021-03-22", "Coast Post", "The council approved a new budget for road repairs on Monday, the mayor said."),
    ("2021-03-24", "Valley News", "GAO, Mali - Militants ambushed an army convoy near Gao on Tuesday, killing five soldiers, the army said."),
]


def _write_jsonl(path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for i, (pub, outlet, text) in enumerate(STORIES, start=1):
            fh.write(json.dumps({"id": f"t{i:02d}", "published": pub, "source": outlet, "text": text,
                                 "title": text.split(" - ")[-1][:40]}) + "\n")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _write_jsonl(tmp_path_factory.mktemp("dask") / "stories.jsonl")


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory, nlp):
    """The store the single-process ingest writes."""
    from eventwire.store.ingest import ingest

    db = tmp_path_factory.mktemp("ref") / "ref.db"
    with Store(db) as store:
        stats = ingest([str(corpus)], store)
        assert not stats.errors
        dump = store.dump()
        events = store.counts()["events"]
    assert events >= 6  # the corpus does produce events, and some merge across outlets
    return dump


def _dump(db) -> list:
    with Store(db, readonly=True) as s:
        return s.dump()


def test_inline_parquet_backfill_matches_store(corpus, reference, tmp_path, nlp):
    """Parquet in, Parquet out, no store, no Dask: the same events as the store holds."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from eventwire import scale

    rows = [json.loads(line) for line in corpus.read_text().splitlines()]
    src = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(rows), src)
    out = tmp_path / "out"
    stats = scale.run([str(src)], out=str(out), partition_size=5)
    assert stats.stored == len(STORIES) and not stats.errors
    events = pq.read_table(out / "events.parquet").to_pylist()
    stored_ids = [r[0] for r in reference if isinstance(r[1], int)]  # event rows: (id, seq, ...)
    assert [e["event_id"] for e in events] == stored_ids
    mentions = pq.read_table(out / "mentions").to_pylist()  # the partitions read as one dataset
    assert len(mentions) == stats.mentions
    assert {e["event_id"] for e in events} <= {m["event_id"] for m in mentions}
    assert not (out / ".merge-index.sqlite").exists()


def test_parquet_missing_column_is_one_line_error(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from eventwire.readers import ReadError, read

    bad = tmp_path / "bad.parquet"
    pq.write_table(pa.Table.from_pylist([{"body": "x", "published": "2021-01-01"}]), bad)
    items = list(read(str(bad)))
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert str(bad) in str(items[0]) and "'text'" in str(items[0]) and "\n" not in str(items[0])


def test_cli_parquet_missing_column_exits_2_naming_the_file(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    bad = tmp_path / "bad.parquet"
    pq.write_table(pa.Table.from_pylist([{"body": "x"}]), bad)
    r = subprocess.run([sys.executable, "-m", "eventwire.cli", "ingest", str(bad), "--db", str(tmp_path / "x.db"),
                        "--no-progress"], env=dict(os.environ, PYTHONPATH=SRC), capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 2
    line = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(line) == 1 and str(bad) in line[0] and "'text'" in line[0]


def test_help_does_not_import_spacy():
    code = "import sys; import eventwire.cli, eventwire; print('spacy' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=SRC), capture_output=True,
                       text=True, timeout=60)
    assert r.stdout.strip() == "False", r.stderr


def test_annotated_doc_serialises(nlp, annotate):
    """Docs with eventwire's annotations survive to_bytes/from_bytes (what nlp.pipe(n_process=N) does)."""
    from spacy.tokens import Doc

    doc = annotate("KANO - Gunmen attacked a market in Kano on Monday, killing seven traders, police said.",
                   published="2021-03-02")
    assert doc._.mentions
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.article == doc._.article
    assert back._.mentions == doc._.mentions
    assert back._.dateline is not None and back._.dateline.text == doc._.dateline.text
    for group in ("ew_toponyms", "ew_timex", "ew_triggers"):
        assert [(s.start, s.end) for s in back.spans[group]] == [(s.start, s.end) for s in doc.spans[group]]
        for a, b in zip(doc.spans[group], back.spans[group]):
            assert (a._.place, a._.timex) == (b._.place, b._.timex)
            assert a._.event_type == (tuple(b._.event_type) if b._.event_type else None)  # msgpack: tuple -> list


def test_unsafe_pickle_in_doc_bytes_is_refused():
    import pickle

    from eventwire.nlp.extensions import _TAG, decode_value

    with pytest.raises(pickle.UnpicklingError):
        decode_value({_TAG: pickle.dumps(os.system)})


distributed = pytest.importorskip("distributed")


def test_local_cluster_gives_the_single_process_events(corpus, reference, tmp_path):
    from eventwire import scale

    db = tmp_path / "local.db"
    stats = scale.run([str(corpus)], db=str(db), workers=2, partition_size=3)
    assert stats.stored == len(STORIES) and not stats.errors
    assert _dump(db) == reference


@pytest.fixture(scope="module")
def external_cluster(tmp_path_factory):
    """One `dask scheduler` and two `dask worker` processes on 127.0.0.1 (ports chosen by the OS)."""
    d = tmp_path_factory.mktemp("cluster")
    sched_file = d / "scheduler.json"
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    common = ["--no-dashboard"]
    procs = [subprocess.Popen([sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--scheduler-file", str(sched_file), *common],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    deadline = time.time() + 60
    while not sched_file.exists() and time.time() < deadline:
        time.sleep(0.2)
    assert sched_file.exists(), "dask scheduler did not start"
    for _ in range(2):
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "dask", "worker", "--scheduler-file", str(sched_file), "--host", "127.0.0.1",
             "--nworkers", "1", "--nthreads", "1", *common],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    address = json.loads(sched_file.read_text())["address"]
    client = distributed.Client(address, timeout="60s")
    client.wait_for_workers(2, timeout=120)
    yield address, client
    client.close()
    for p in reversed(procs):
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()


def test_external_cluster_gives_the_single_process_events(corpus, reference, external_cluster, tmp_path):
    """The CLI with --scheduler tcp://...: the same store."""
    address, _client = external_cluster
    db = tmp_path / "ext.db"
    r = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--db", str(db), "--scheduler", address,
         "--partition-size", "4", "--no-progress"],
        env=dict(os.environ, PYTHONPATH=SRC), capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert _dump(db) == reference


def test_killing_a_worker_mid_run_changes_nothing(corpus, reference, external_cluster, tmp_path):
    from eventwire import scale

    address, client = external_cluster
    client.wait_for_workers(2, timeout=120)
    from eventwire.scale.partition import PLUGIN_NAME, PipelinePlugin

    client.register_plugin(PipelinePlugin(None), name=PLUGIN_NAME)
    pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]
    killed = []

    def on_partition(summary):
        if not killed:  # after the first partition: the others are queued or running
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    db = tmp_path / "killed.db"
    stats = scale.run([str(corpus)], db=str(db), client=client, partition_size=2, on_partition=on_partition)
    assert killed and not stats.errors
    assert stats.stored == len(STORIES)
    assert _dump(db) == reference
    client.wait_for_workers(2, timeout=120)  # the nanny restarted it
    assert victim not in client.run(os.getpid).values()
