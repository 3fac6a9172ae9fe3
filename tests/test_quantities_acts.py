"""A toll told by a result participle ("..., killing two") counts for the act that participle hangs on,
even when the trigger found is another, plural word of the sentence ("as demonstrations spread")
(hand-written sentences)."""
import pytest


def tolls(doc):
    return [m.fatalities for m in doc._.mentions]


@pytest.mark.parametrize("sentence,expected", [
    ("Soldiers opened fire on a crowd of marchers in Gulu on Monday, killing four, "
     "as protests over fuel prices spread across the north.", 4),
    ("Security forces shot at demonstrators in Kano on Friday, leaving five people dead, "
     "as rallies against the election result grew.", 5),
    ("Riot police fired tear gas and live rounds into a crowd in Mombasa on Tuesday, killing three people, "
     "while demonstrations over the cost of bread spread to other towns.", 3),
])
def test_the_acts_participle_toll_survives_a_plural_trigger(annotate, sentence, expected):
    doc = annotate(sentence, published="2025-08-13")
    assert expected in tolls(doc)


def test_the_dead_of_several_named_acts_stay_unassigned(annotate):
    # the plural is what the act did: several happenings, no one toll
    doc = annotate("Gunmen carried out attacks on three villages in Zamfara on Sunday, killing 20 people.",
                   published="2025-08-13")
    assert 20 not in tolls(doc)


@pytest.mark.parametrize("text,expected", [
    ("Police shot dead two protesters in Eldoret on Monday. Another man succumbed to his wounds "
     "at the district hospital overnight, raising the death toll to three.", 3),
    ("Gunmen killed four villagers near Bama on Sunday, an official said. The death of a wounded woman "
     "at a clinic on Monday took the toll to five.", 5),
    ("Fighters shelled the market in Sake on Friday, killing six people. Rescuers pulled two more bodies "
     "from the rubble on Saturday, which brought the number of dead to eight.", 8),
])
def test_a_toll_brought_up_by_a_later_death_is_the_happenings(annotate, text, expected):
    from eventwire.extract import events_from_doc

    doc = annotate(text, published="2025-08-13")
    assert expected in [e.fatalities for e in events_from_doc(doc)]


def test_a_raised_toll_is_recognised_as_a_toll(annotate):
    from eventwire.nlp.quantities import counts_in, revised_toll

    doc = annotate("Two more patients died on Sunday, bringing the death toll from the blast to nine.")
    tolls = [sp for sp in counts_in(doc) if sp._.quantity.value == 9]
    assert tolls and tolls[0]._.quantity.counted == "killed" and revised_toll(tolls[0])


@pytest.mark.parametrize("sentence,expected", [
    # several strikes on one place on one day are one ACLED event: the toll is that event's
    ("Ugandan forces carried out air strikes on a rebel camp near the village of Kasindi on Sunday, "
     "killing nine fighters.", 9),
    ("Twelve militants were killed in airstrikes on their hideout outside Kismayo on Monday.", 12),
    ("Warplanes launched raids against an insurgent base in Marib province on Tuesday, leaving 14 fighters dead.", 14),
    ("Drones conducted strikes on a weapons depot at Bani Walid overnight, killing five guards.", 5),
])
def test_plural_strikes_on_one_target_keep_the_toll(annotate, sentence, expected):
    doc = annotate(sentence, published="2025-08-13")
    assert expected in tolls(doc)


@pytest.mark.parametrize("sentence,toll", [
    ("Jets carried out strikes on three villages in Idlib on Sunday, killing 30 people.", 30),
    ("Militants staged repeated attacks on the town of Bama on Sunday, killing 11 people.", 11),
    ("Gunmen launched several attacks on the village of Dapchi on Sunday, killing 16 people.", 16),
])
def test_plural_acts_on_several_targets_or_repeated_keep_no_one_toll(annotate, sentence, toll):
    doc = annotate(sentence, published="2025-08-13")
    assert toll not in tolls(doc)
