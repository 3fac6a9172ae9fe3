"""The look-up match of the attribute ruler (nlp/attribute_ruler.py) finds exactly what spaCy's
Matcher finds, so POS, morphology and lemmas do not change; a ruler it cannot cover keeps its Matcher."""
import pytest
import spacy

from eventwire.nlp.attribute_ruler import FastMatch, speed_up
from eventwire.nlp.pipeline import _load_model, model_name

# Hand-made: the tag map, the word exceptions (contractions, "gon na", "y'all", "nothin'"),
# pronoun cases by dependency, expletive "there", auxiliaries, whitespace tokens and capitals.
TEXTS = [
    "Militants fired two rockets at the base on Sunday, and the army said it had returned fire.",
    "I ai n't gon na lie, y'all: we were nothin' but scared when they came for you and me.",
    "There were 12 wounded.  Did the police do it?\n\nLet 's see what it does to them.",
    "POLICE SAID THE GUNMEN HAD FLED TOWARD THE BORDER AFTER THE ATTACK ON THE CONVOY.",
    "What happened?  \t \n They ca n't say; it wo n't end, he 'd said, and gets worse.",
]


@pytest.fixture(scope="module")
def plain():
    # A pipeline of its own: the lookup is installed per ruler, this one keeps spaCy's Matcher.
    return _load_model(model_name())


def test_the_lookup_finds_the_matchers_matches(plain):
    ruler = plain.get_pipe("attribute_ruler")
    fast = FastMatch(ruler)
    with plain.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(plain.pipe(TEXTS))
    total = 0
    for doc in docs:
        want = type(ruler).match(ruler, doc)
        assert fast(doc) == want
        total += len(want)
    assert total > sum(len(d) for d in docs)  # most tokens match the tag map, some an exception too


def test_the_pipeline_writes_the_same_pos_morph_and_lemmas(nlp, plain):
    assert isinstance(nlp.get_pipe("attribute_ruler").match, FastMatch)
    assert not isinstance(plain.get_pipe("attribute_ruler").match, FastMatch)
    for text in TEXTS:
        ours = nlp(text)
        theirs = plain(text)
        assert [(t.pos_, str(t.morph), t.lemma_, t.dep_, t.tag_) for t in ours] == \
               [(t.pos_, str(t.morph), t.lemma_, t.dep_, t.tag_) for t in theirs]
    doc = nlp("Did they attack?")
    assert doc[0].pos_ == "AUX" and doc[0].lemma_ == "do"  # an exception set by the ruler, not the tag map


def test_a_pattern_the_lookup_cannot_cover_keeps_the_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"POS": "ADV"})
    assert speed_up(nlp) is False
    assert not isinstance(ruler.match, FastMatch)


def test_a_ruler_changed_afterwards_falls_back_to_the_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "blast"}]], {"LEMMA": "explosion"})
    assert speed_up(nlp) is True
    assert [t.lemma_ for t in nlp("a blast hit")] == ["", "explosion", ""]
    ruler.add([[{"LOWER": "hit"}]], {"LEMMA": "strike"})  # the look-up was built without this rule
    assert [t.lemma_ for t in nlp("a blast hit")] == ["", "explosion", "strike"]
