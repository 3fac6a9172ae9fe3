"""The rules that ask whether a sentence names a place or a day read its entities through
``extensions.span_ents`` (the doc's entities built once), not ``Span.ents``, which builds a Span for
every entity of the whole doc on each call (about 14 calls per article: ~0.5 CPU ms).  Same answers."""
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "nlp"


def test_no_component_builds_a_sentences_entities_anew():
    # ``<span>.ents`` on a sentence or span: every entity of the doc is made again on each call
    offenders = []
    for path in sorted(p for p in SRC.glob("*.py") if p.name != "extensions.py"):  # it defines span_ents
        for n, line in enumerate(path.read_text().splitlines(), 1):
            code = line.split("#", 1)[0]
            if re.search(r"\b(?!doc\b)\w+\.ents\b", code) and "extensions." not in code:
                offenders.append(f"{path.name}:{n}: {line.strip()}")
    assert offenders == [], offenders


def _trigger_token(doc, lemma):
    return next(t for t in doc if t.lemma_.lower() == lemma)


@pytest.mark.parametrize("text,lemma,spread", [
    # a wave over places nobody names
    ("Riots broke out in several cities last year after the vote was annulled.", "riot", True),
    ("Protesters marched across the country on Friday against the new tax.", "march", True),
    ("Clashes erupted in many towns as the curfew began.", "clash", True),
    # the sentence names a place: not the unnamed wave
    ("Riots broke out in several cities of Kenya last year after the vote was annulled.", "riot", False),
    ("Protesters marched through Lagos on Friday against the new tax.", "march", False),
    ("Clashes erupted in many towns near Aleppo as the curfew began.", "clash", False),
])
def test_spread_over_unnamed_places_reads_the_sentences_entities(annotate, text, lemma, spread):
    from eventwire.nlp.events import _spread_unnamed
    from eventwire.nlp.extensions import span_ents

    doc = annotate(text)
    t = _trigger_token(doc, lemma)
    places = [e for e in span_ents(t.sent) if e.label_ in ("GPE", "LOC", "FAC")]
    assert [(e.start, e.end) for e in places] == [(e.start, e.end) for e in t.sent.ents
                                                  if e.label_ in ("GPE", "LOC", "FAC")]
    if spread:
        assert not places
    assert _spread_unnamed(t) is (spread and not places)
