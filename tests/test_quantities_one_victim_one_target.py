"""Two ways a single happening's toll was lost (hand-written sentences):

- one victim named by a singular noun no list of person nouns holds: a people's member ("a Pakistani
  shepherd") killed is one dead (the patient of a verb of killing is a living being); a noun in "-man"
  names a person ("a fisherman");
- a plural weapon noun that is the subject of its impact verb ("rockets slammed into a market", "shells
  struck a hospital"): several rounds on one target on one day are one ACLED event, so the sentence's
  toll is that event's (several targets stay several happenings)."""
import pytest


def tolls(doc):
    from eventwire.extract import events_from_doc

    return [e.fatalities for e in events_from_doc(doc)]


@pytest.mark.parametrize("sentence", [
    "A Pakistani shepherd was killed and two of his relatives were wounded when Indian artillery shells "
    "hit their home near Kotli on Tuesday, police said.",
    "A fisherman was killed when Eritrean mortar shells struck his boat off Assab on Sunday, officials said.",
    "Soldiers shot dead a porter near Kupwara on Sunday, the police said.",
    "Militants killed a tribesman in Bajaur on Monday, police said.",
    "Taliban fighters killed an Afghan interpreter in Kunduz on Monday, officials said.",
])
def test_one_victim_told_by_a_singular_noun(annotate, sentence):
    assert tolls(annotate(sentence, published="2025-08-13")) == [1]


@pytest.mark.parametrize("sentence,expected", [
    ("An elderly woman was killed and five other residents were hurt as rockets slammed into a market "
     "in Sderot on Friday.", 1),
    ("Missiles struck a hospital in Kharkiv on Tuesday, killing four patients, the governor said.", 4),
    ("Two children died when mortar bombs crashed onto a school in Mogadishu on Monday.", 2),
])
def test_plural_rounds_on_one_target_keep_the_toll(annotate, sentence, expected):
    assert expected in tolls(annotate(sentence, published="2025-08-13"))


@pytest.mark.parametrize("sentence,toll", [
    ("Shells fell on several villages in Idlib province on Monday, killing nine people.", 9),
    ("Artillery shells rained down on towns across Donetsk province on Monday, killing eleven people.", 11),
])
def test_rounds_on_several_targets_give_no_one_toll(annotate, sentence, toll):
    assert toll not in tolls(annotate(sentence, published="2025-08-13"))


@pytest.mark.parametrize("sentence", [
    "The council killed a proposal to widen the road on Monday.",
    "Senators killed the bill in committee on Tuesday, and the governor killed a plan to raise taxes.",
])
def test_a_killed_plan_is_no_death(annotate, sentence):
    from eventwire.nlp.quantities import totals

    doc = annotate(sentence)
    assert "killed" not in totals(doc.spans["ew_quantities"])


@pytest.mark.parametrize("sentence,expected", [
    # plural gatherings at one town on one day: one ACLED event, whose dead the sentence counts
    ("At least three people were killed on Monday when soldiers fired live rounds during protests in Bouake, "
     "witnesses said.", 3),
    ("Two men were shot dead during riots in Kisumu on Friday, police said.", 2),
    ("Officers killed four demonstrators as marches in Gulu turned violent on Sunday.", 4),
])
def test_plural_gatherings_at_one_town_keep_the_toll(annotate, sentence, expected):
    assert expected in tolls(annotate(sentence, published="2025-08-13"))


@pytest.mark.parametrize("sentence,toll", [
    ("Three people were killed during protests in Bouake and Korhogo on Monday, police said.", 3),
    ("Two protesters were shot dead during demonstrations in Oromia region on Friday.", 2),
])
def test_plural_gatherings_at_several_towns_or_a_region_give_no_one_toll(annotate, sentence, toll):
    assert toll not in tolls(annotate(sentence, published="2025-08-13"))
