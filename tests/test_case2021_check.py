"""The CASE 2021 check: halves, scores and its command line, on small made-up snippets."""
import json

from eventwire.evaluation import case2021


def _write(tmp_path, rows):
    docs = [{"id": i, "text": t, "published": None, "title": None} for i, t, _ in rows]
    gold = [{"doc": i, "type": None if sub is None else case2021_type(sub), "sub_event_type": sub,
             "orig_type": "NATURAL_DISASTER" if sub is None else "X"} for i, _, sub in rows]
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    return tmp_path


def case2021_type(sub):
    from eventwire.taxonomy import event_type_of

    return event_type_of(sub)


def test_halves_are_deterministic_and_split_the_set():
    ids = [f"doc-{n}" for n in range(200)]
    halves = [case2021.half_of(i) for i in ids]
    assert halves == [case2021.half_of(i) for i in ids]
    assert 60 < halves.count("study") < 140


def test_score_counts_best_event_and_left_alone():
    items = [
        {"id": "a", "text": "", "type": "Battles", "sub": "Armed clash", "orig": "X", "half": "study"},
        {"id": "b", "text": "", "type": "Protests", "sub": "Peaceful protest", "orig": "X", "half": "study"},
        {"id": "c", "text": "", "type": None, "sub": None, "orig": "DIPLO", "half": "study"},
        {"id": "d", "text": "", "type": None, "sub": None, "orig": "DIPLO", "half": "study"},
    ]
    preds = [
        # the matching event counts even when it is not the first
        [("Explosions/Remote violence", "Air/drone strike", "asserted"), ("Battles", "Armed clash", "asserted")],
        # right type, wrong sub-type; a planned event counts as found, not as asserted
        [("Protests", "Protest with intervention", "planned")],
        [],
        [("Battles", "Armed clash", "hypothetical")],
    ]
    s = case2021.score(items, preds)
    assert s["found_any"] == 1.0 and s["found_asserted"] == 0.5
    assert s["type_accuracy"] == 1.0 and s["sub_type_accuracy"] == 0.5
    assert s["left_alone"] == 0.5 and s["left_alone_asserted"] == 1.0
    assert s["per_sub_type"]["Peaceful protest"] == {"n": 1, "found": 1, "sub_ok": 0}


def test_command_runs_on_a_folder(tmp_path, capsys, nlp):
    folder = _write(tmp_path, [
        ("s1", "Police defused a roadside bomb near the town on Monday.", "Disrupted weapons use"),
        ("s2", "Heavy rain flooded the valley on Sunday.", None),
    ])
    assert case2021.main([str(folder), "--json", "--errors"]) == 0
    out = capsys.readouterr().out
    res = json.loads(out[: out.rindex("}") + 1])
    assert res["all"]["acled"] == 1 and res["all"]["non_acled"] == 1
    assert res["all"]["sub_type_accuracy"] == 1.0 and res["all"]["left_alone"] == 1.0


def test_bad_folder_is_one_line_error(tmp_path, capsys):
    assert case2021.main([str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error:") and "missing" in err and "\n" not in err
    (tmp_path / "docs.jsonl").write_text("{not json\n")
    (tmp_path / "gold.jsonl").write_text("")
    assert case2021.main([str(tmp_path)]) == 2
    assert "docs.jsonl#1" in capsys.readouterr().err


def test_errors_of_one_half_only(tmp_path, capsys, nlp):
    ids = [f"doc-{n}" for n in range(40)]
    study = next(i for i in ids if case2021.half_of(i) == "study")
    holdout = next(i for i in ids if case2021.half_of(i) == "holdout")
    text = "Gunmen shot dead four farmers in the village on Monday."
    folder = _write(tmp_path, [(study, text, None), (holdout, text, None)])  # both read as an event: errors
    assert case2021.main([str(folder), "--json", "--errors", "study"]) == 0
    out = capsys.readouterr().out
    assert f"{study} [non-ACLED" in out and f"{holdout} [" not in out
    assert case2021.main([str(folder), "--json", "--errors"]) == 0
    out = capsys.readouterr().out
    assert f"{study} [non-ACLED" in out and f"{holdout} [non-ACLED" in out
