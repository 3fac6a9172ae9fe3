"""A mention with no place of its own in a story filed from a bureau far away, in another division:
the town the lede ties the happening to, when the gazetteer holds that name for no other place.
Hand-made sentences, worded three ways."""
from eventwire.nlp.toponyms import event_location


def token(doc, word):
    return next(t for t in doc if t.text == word)


def test_later_burning_goes_to_the_lede_town_not_the_bureau(annotate):
    doc = annotate("LAGOS (Reuters) - Gunmen attacked a police station in Damaturu on Saturday night, "
                   "killing four policemen, police said. Two other officers were wounded in the assault. "
                   "Residents said the attackers also burned a school before fleeing.")
    loc, _ = event_location(doc, token(doc, "burned"))
    assert loc is not None and loc.name == "Damaturu"


def test_passive_lede_and_a_later_death(annotate):
    doc = annotate("JOHANNESBURG - Four people were shot dead at a tavern in Nqutu late on Friday. Police "
                   "said the gunmen fled on foot. A fifth victim died of his injuries on Saturday.")
    loc, _ = event_location(doc, token(doc, "died"))
    assert loc is not None and loc.name == "Nqutu"


def test_village_named_after_near_and_a_later_looting(annotate):
    doc = annotate("ABIDJAN (AFP) - Jihadists on motorbikes raided an army post in the village of Tehini "
                   "on Sunday, killing three soldiers. Later the assailants looted shops and set a lorry on fire, "
                   "the army said.")
    loc, _ = event_location(doc, token(doc, "looted"))
    assert loc is not None and loc.country == "CI" and loc.name != "Abidjan"


def test_a_name_of_many_towns_is_no_far_lede_town(annotate):
    # a name the gazetteer holds for many towns ("Englewood"): in a US city's story one of its
    # neighbourhoods, never a namesake in another state
    doc = annotate("CHICAGO - Two men were shot in Englewood on Sunday night, police said. A third man was "
                   "later arrested.")
    loc, _ = event_location(doc, token(doc, "arrested"))
    assert loc is not None and loc.admin1 == "Illinois"
