"""The command line, run as a user runs it (a real subprocess)."""
import json
import subprocess
import sys


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_bad_inputs_fail_with_one_line_each_and_others_still_run(tmp_path, example_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa not utf8")
    r = run("extract", str(tmp_path / "missing.txt"), str(empty), str(bad), str(example_path), "--format", "jsonl")
    assert r.returncode == 2
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert len(lines) == 3
    assert any("missing.txt" in l and "no such file" in l for l in lines)
    assert any("empty.txt" in l and "empty file" in l for l in lines)
    assert any("bad.txt" in l and "UTF-8" in l for l in lines)
    # The good file was still processed: every stdout line is an event record of it.
    for line in r.stdout.splitlines():
        rec = json.loads(line)
        assert rec["sources"][0]["path"] == str(example_path)


def test_extract_json_is_a_list(example_path):
    r = run("extract", str(example_path), "--format", "json")
    assert r.returncode == 0, r.stderr
    assert isinstance(json.loads(r.stdout), list)


def test_evaluate_reports_scores(gold_dev, tmp_path):
    out = tmp_path / "scores.json"
    r = run("evaluate", str(gold_dev), "--no-details", "--json", str(out))
    assert r.returncode == 0, r.stderr
    scores = json.loads(out.read_text())
    assert scores["gold_mentions"] > 0
    assert 0.0 <= scores["recall"] <= 1.0 and 0.0 <= scores["precision"] <= 1.0


def test_table_format_shows_each_event(example_path):
    r = run("extract", str(example_path), "--format", "table")
    assert r.returncode == 0, r.stderr
    jsonl = run("extract", str(example_path), "--format", "jsonl")
    n = len(jsonl.stdout.splitlines())
    assert n > 0
    assert r.stdout.count("\u251c") == n - 1  # one row separator between events
    assert "2017-08-28" in r.stdout
