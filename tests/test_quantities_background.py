"""A death the happening answered ("marched over the death of", "rioted after a detainee died") is its
background, not its toll; the happening's own dead still count (hand-written sentences)."""
import pytest

from eventwire.nlp.quantities import told_as_cause


def fatalities(doc):
    return [m.fatalities for m in doc._.mentions]


@pytest.mark.parametrize("sentence", [
    "Hundreds of people marched through Lyons on Saturday over a court's acquittal of a former "
    "constable in the 2020 death of a cyclist during a road check.",
    "Angry villagers rioted in Kabwe on Sunday after a young man held for theft died in a cell.",
    "Students rallied outside the ministry in Harare on Monday to protest the killing of a classmate by a guard.",
])
def test_the_death_a_happening_answered_is_no_toll_of_it(annotate, sentence):
    doc = annotate(sentence)
    # (the death may be told as a happening of its own, with its own toll: not the march's or the riot's)
    own = [m for m in doc._.mentions if m.event_type in ("Protests", "Riots")]
    assert own
    assert all(m.fatalities is None for m in own)


@pytest.mark.parametrize("sentence,expected", [
    # the doers' own earlier step (a gerund, a pronoun subject) stays their toll
    ("Gunmen stormed the army post near Tera on Thursday after killing two guards at the gate.", 2),
    ("Militants raided the village of Dumba on Friday after they shot dead three herders.", 3),
    # the deaths in the main clause, the cause after "after": the main clause's toll
    ("Two protesters were killed in Kisumu on Tuesday after police opened fire on a march.", 2),
    # the happening itself inside the "after" phrase: its own dead
    ("A teenager is fighting for her life after a double stabbing that left one woman dead in Dayton on Sunday.", 1),
    # a result clause after a comma is the trigger's, even when the parse hangs it on the cause
    ("Soldiers fired on Friday on a crowd protesting the killing of a street vendor in Bamenda, "
     "a city in the west, killing between three and five people, witnesses said.", 3),
])
def test_the_happenings_own_dead_still_count(annotate, sentence, expected):
    doc = annotate(sentence)
    assert expected in fatalities(doc)


def test_told_as_cause_reads_the_link_to_the_trigger(nlp):
    doc = nlp("Crowds rioted in Goma after a taxi driver died in police custody.")
    rioted = next(t for t in doc if t.lower_ == "rioted")
    died = next(t for t in doc if t.lower_ == "died")
    assert told_as_cause(died, rioted)
    assert not told_as_cause(rioted, died)  # the other way round: no cause link
    doc = nlp("Crowds rioted in Goma after they beat a taxi driver to death.")
    rioted = next(t for t in doc if t.lower_ == "rioted")
    beat = next(t for t in doc if t.lower_ == "beat")
    assert not told_as_cause(beat, rioted)  # a pronoun subject: the rioters' own deed


def test_a_comma_set_result_clause_is_no_cause_whatever_its_parse():
    # the misparse by hand: "killing three people" hung on the cause noun "killing" (of "protesting the
    # killing of a vendor"); it is still the firing's result, so no cause of it
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["Troops", "fired", "on", "a", "crowd", "protesting", "the", "killing", "of", "a", "vendor", ",",
             "killing", "three", "people", "."]
    heads = [1, 1, 1, 4, 2, 4, 7, 5, 7, 10, 8, 12, 7, 14, 12, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "acl", "det", "dobj", "prep", "det", "pobj", "punct",
            "acl", "nummod", "dobj", "punct"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", "VBG", "DT", "NN", "IN", "DT", "NN", ",", "VBG", "CD", "NNS", "."]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB",
           "NUM", "NOUN", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[5], lemmas[1] = "protest", "fire"
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    fired = doc[1]
    assert told_as_cause(doc[7], fired)  # the vendor's killing: what the crowd protested
    assert not told_as_cause(doc[12], fired)  # ", killing three people": the firing's own toll


def test_the_dead_of_clashes_in_one_place_are_that_battles_toll():
    from eventwire.extract import extract

    # "clashes" at one post is one battle in news English; "two clashes" are two happenings
    text = "Five soldiers and two gunmen were killed in clashes at a border post near Zahedan on Monday."
    assert [e.fatalities for e in extract(text, published="2024-11-14")] == [7]
    text = "Two clashes near the border killed nine soldiers last week, the army said."
    assert all(e.fatalities is None for e in extract(text, published="2024-11-14"))


@pytest.mark.parametrize("text", [
    # the death the riot answered, named again in the next sentence: still no toll of the riot
    "Hundreds of youths rioted in Mwanza on Saturday after a motorcycle taxi driver died in custody. "
    "They had gathered at the station when word came that the 27-year-old had died.",
    "Residents set fire to the police station in Kasese on Monday after a fisherman held by marine police died. "
    "Relatives said the man died after he was beaten during questioning.",
    "Angry traders clashed with police in Thika on Friday, after a hawker arrested in a crackdown died in a cell. "
    "He died of head wounds, his brother said.",
])
def test_the_answered_death_told_again_is_no_toll(annotate, text):
    doc = annotate(text, published="2025-05-12")
    # (the death may be told as a happening of its own: not the crowd's)
    own = [m for m in doc._.mentions if m.trigger.lower() not in ("died", "death")]
    assert own
    assert all(m.fatalities is None for m in own)


def test_a_recent_follow_up_death_still_counts(annotate):
    doc = annotate("Police fired on rioters in Kasese on Monday. A man who was shot in the chest died "
                   "in hospital on Tuesday.", published="2025-05-14")
    assert 1 in fatalities(doc)
