"""A nationality adjective inside a counted phrase is not a place that ends the phrase.

The parser sometimes tags "Angolan" or "Malian" as a place name (PROPN, GPE) compounded
with the noun: "Two Angolan soldiers were killed" then lost its count, while "Two Kenyan
soldiers" (tagged NORP) kept it. A word the demonym table lists names a nationality.
"""
import pytest

from eventwire.nlp.quantities import totals


@pytest.mark.parametrize("sentence,expected", [
    ("Two Angolan soldiers were killed when rebels ambushed an army patrol on Sunday.", {"killed": 2}),
    ("Three Angolan policemen were wounded when gunmen fired on their post near the border.", {"wounded": 3}),
    ("Jihadists killed four Nigerien gendarmes in an attack on their post in Tillaberi region.", {"killed": 4}),
    ("Six Nigerien soldiers were killed and nine wounded in an ambush near the Malian border.", {"killed": 6, "wounded": 9}),
    # tagged as nationality adjectives already: must stay counted
    ("Four Malian soldiers died when their vehicle hit a mine on Tuesday.", {"killed": 4}),
    ("Five Kenyan soldiers were killed in a roadside bombing, the army said.", {"killed": 5}),
])
def test_a_nationality_in_the_counted_phrase_keeps_the_count(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_a_place_before_the_noun_still_ends_the_phrase(annotate):
    # an address-like number before a place name is no count of people
    doc = annotate("The blast hit 7 Kabul Street on Monday, police said.")
    assert totals(doc.spans["ew_quantities"]).get("killed") is None
