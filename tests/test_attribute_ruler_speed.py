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


def test_the_rows_cached_from_one_doc_give_the_matchers_matches_in_the_next(plain, monkeypatch):
    # The first token's patterns are kept per (TAG, LOWER, DEP, IS_SPACE): the same words in other
    # sentences (other neighbours for the two-token exceptions), and a cache emptied when full.
    import eventwire.nlp.attribute_ruler as ar

    ruler = plain.get_pipe("attribute_ruler")
    fast = FastMatch(ruler)
    again = ["They say it wo n't end; we ca n't say y'all did it to them.",
             "The army said there were rockets fired at the base, and it returned fire on Sunday.",
             "Let 's go.  gon na see what they do n't say."]
    with plain.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(plain.pipe(TEXTS + again))
    for doc in docs:
        assert fast(doc) == type(ruler).match(ruler, doc)
    assert fast._first_cache
    monkeypatch.setattr(ar, "_FIRST_CACHE_MAX", 5)
    small = FastMatch(ruler)
    for doc in docs:
        assert small(doc) == type(ruler).match(ruler, doc)
    assert 0 < len(small._first_cache) <= 5


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


# ---------------------------------------------------------------- the rule lemmatizer's array path (nlp/lemmatizer.py)

def test_the_array_lemmatizer_gives_spacys_lemmas(nlp, plain):
    from eventwire.nlp.lemmatizer import FastRuleLemmatizer

    assert type(nlp.get_pipe("lemmatizer")) is FastRuleLemmatizer
    assert type(plain.get_pipe("lemmatizer")) is not FastRuleLemmatizer
    # one word, two lemmas by POS ("saw": see / saw; "left": leave / left): the memo is per (text, POS, morph)
    for text in TEXTS + ["Soldiers were killed; troops had fled; the mortars hit houses and wounded children.",
                         "He saw the saw. They left the left bank."]:
        assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in plain(text)]
    doc = nlp("Rebels were shelling the villages.")
    # rule lemmas, and an exception the attribute ruler set ("were" -> "be") kept
    assert [t.lemma_ for t in doc] == ["rebel", "be", "shell", "the", "village", "."]


def test_the_array_lemmatizer_keeps_a_lemma_already_set(plain):
    from eventwire.nlp.lemmatizer import FastRuleLemmatizer

    with plain.select_pipes(disable=["lemmatizer", "ner"]):
        doc = plain("Gunmen attacked two villages.")
    doc[0].lemma_ = "gunman-set-before"
    lem = plain.get_pipe("lemmatizer")
    fast = FastRuleLemmatizer.__new__(FastRuleLemmatizer)
    fast.__dict__.update(lem.__dict__)
    fast.__dict__.pop("_ew_lemma_ids", None)
    fast(doc)
    assert [t.lemma_ for t in doc] == ["gunman-set-before", "attack", "two", "village", "."]
