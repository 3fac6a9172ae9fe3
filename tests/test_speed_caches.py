"""The per-doc caches that make extraction faster give what the spaCy attributes they stand for give,
are rebuilt for another doc, and leave no trace on the finished doc (it still serialises)."""
import dataclasses
import json
import subprocess
import sys

from spacy.tokens import Doc

from conftest import ROOT

TEXT = (
    "Gunmen shot dead three villagers in Kafr Nabl on Tuesday, the Syrian Observatory said.\n\n"
    "Two more men were wounded near Maarat al-Numan. Local officials in Idlib province blamed "
    "the Nusra Front.\n\nThe death toll from the two attacks rose to 5, Ahmed Karim told reporters."
)


def test_token_lists_match_the_token_attributes(annotate):
    from eventwire.nlp.extensions import doc_lemmas, doc_lowers, doc_texts

    doc = annotate(TEXT)
    assert doc_lowers(doc) == [t.lower_ for t in doc]
    assert doc_lemmas(doc) == [t.lemma_.lower() for t in doc]
    assert doc_texts(doc) == [t.text for t in doc]


def test_token_lists_are_rebuilt_for_a_doc_of_another_length(annotate):
    from eventwire.nlp.extensions import doc_lowers

    doc = annotate(TEXT)
    doc.user_data["_ew_lowers"] = ["stale"] * (len(doc) + 1)  # a list left by another doc
    assert doc_lowers(doc) == [t.lower_ for t in doc]


def test_sentence_of_a_token_is_spacys(annotate):
    from eventwire.nlp.mention_words import _sent_at

    doc = annotate(TEXT)
    assert len(list(doc.sents)) >= 3
    for tok in doc:
        mine, theirs = _sent_at(doc, tok.i), tok.sent
        assert (mine.start, mine.end) == (theirs.start, theirs.end)


def test_entity_of_a_token_is_the_first_entity_holding_it(annotate):
    from eventwire.nlp.quantities import _ent_at

    doc = annotate(TEXT)
    assert doc.ents
    for tok in doc:
        want = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        got = _ent_at(doc, tok.i)
        assert (got is None and want is None) or (got.start, got.end, got.label_) == (want.start, want.end, want.label_)


def test_capitalisation_list_is_is_cap(annotate):
    from eventwire.nlp.toponyms import _doc_caps, _is_cap

    doc = annotate(TEXT)
    caps = _doc_caps(doc)
    assert caps == [_is_cap(t) for t in doc]
    assert caps[0] and not caps[1]  # "Gunmen shot"


def test_finished_doc_has_no_private_cache_and_serialises(annotate):
    doc = annotate(TEXT)
    assert doc._.mentions
    assert not [k for k in doc.user_data if isinstance(k, str) and k.startswith("_ew_") and k != "_ew_dateline"]
    again = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert [m.sub_event_type for m in again._.mentions] == [m.sub_event_type for m in doc._.mentions]


def test_fuzzy_actor_memo_gives_the_unmemoised_answer_and_follows_new_aliases():
    from rapidfuzz import fuzz, process

    from eventwire.nlp.actors import _fuzzy_group, load_table

    table = dataclasses.replace(load_table(), alias_to_group=dict(load_table().alias_to_group), fuzzy_memo=[])
    for key in ("hezbolah", "islamic stat", "al shabab", "qwxzv plorg"):
        hit = process.extractOne(key, list(table.alias_to_group), scorer=fuzz.ratio, score_cutoff=90)
        assert _fuzzy_group(key, table) == (table.alias_to_group[hit[0]] if hit else None)
    assert _fuzzy_group("qwxzv plorg", table) is None
    table.alias_to_group["qwxzv plorgs"] = 0  # a new alias: the memo is refilled
    assert _fuzzy_group("qwxzv plorg", table) == 0


def test_output_identity_diff(tmp_path):
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    row = {"set": "dev", "id": "x", "events": [{"fatalities": 3}], "mentions": []}
    a.write_text(json.dumps(row) + "\n")
    b.write_text(json.dumps(row) + "\n")
    c.write_text(json.dumps(dict(row, events=[{"fatalities": 4}])) + "\n")
    script = str(ROOT / "benchmarks" / "output_identity.py")
    same = subprocess.run([sys.executable, script, "diff", str(a), str(b)], capture_output=True, text=True)
    assert same.returncode == 0 and "identical: 1 articles" in same.stdout
    other = subprocess.run([sys.executable, script, "diff", str(a), str(c)], capture_output=True, text=True)
    assert other.returncode == 1 and "DIFFERS: dev x" in other.stdout and '"fatalities": 4' in other.stdout


def test_span_text_is_spans_text(annotate):
    from eventwire.nlp.extensions import span_text

    doc = annotate(TEXT + "\n\n  Residents fled.  ")
    spans = [*doc.sents, *doc.ents, doc[0:0], doc[2:5], doc[len(doc) - 3:]]
    assert any(s.text.endswith(" ") is False and doc[s.end - 1].whitespace_ for s in doc.sents if len(s))
    for sp in spans:
        assert span_text(sp) == sp.text


def test_trigger_sentences_follow_a_trigger_set_aside(annotate):
    from eventwire.nlp.mention_words import _sent_at, _set_background
    from eventwire.nlp.mention_counts import _trigger_sentences

    doc = annotate("Rebels attacked an army post near Goma on Monday. Residents said the town was calm on Tuesday.")
    trig = doc.spans["ew_triggers"][0]
    own = _sent_at(doc, trig.start).start
    trig._.event_confidence, trig._.background = 0.0, False  # a weak trigger, not background
    doc.user_data.pop("_ew_trigger_sentences", None)
    assert own not in _trigger_sentences(doc)
    _set_background(doc, trig, " [test]")
    assert trig._.background and trig._.event_rule.endswith(" [test]")
    assert own in _trigger_sentences(doc)  # the cached set was forgotten and found again
