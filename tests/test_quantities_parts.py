"""A count of some of the dead told with the whole is a part of the toll, not more dead: after
"including"/"among them" in the toll's own sentence, or in a later clause that brings no doer, place or day
of its own (hand-made sentences)."""
import pytest

from eventwire import extract


@pytest.mark.parametrize("text,toll", [
    ("Gunmen shot dead 11 villagers, among them four women, in Zamfara state on Sunday.", 11),
    ("Police killed nine people, including two teenagers, in a raid on a slum in Lagos on Friday.", 9),
    ("An air strike on a market in Idlib on Monday killed 14 civilians, including three children and a nurse.", 14),
    ("Eighteen people, among whom five soldiers, died when a bomb exploded at a checkpoint in Kidal on Monday.", 18),
])
def test_a_part_named_after_including_or_among_them_is_not_added(text, toll):
    events = extract(text, published="2026-06-10")
    assert [e.fatalities for e in events] == [toll]



@pytest.mark.parametrize("text,toll", [
    # the told doer again, by a bare plural of its members
    ("KAMPALA, June 9 (Reuters) - At least eight people, including a policeman, were killed on Monday when police "
     "raided a mosque in Kasese.\n\nThe police said officers had shot dead five suspects and recovered guns.", 8),
    # an intransitive death in the happening told again
    ("DHAKA, June 9 (AP) - Clashes between police and protesters in Dhaka killed at least 12 people on Tuesday."
     "\n\nPolice said three officers died in the violence.", 12),
    # the speaker's own doing, by a pronoun
    ("PORT-AU-PRINCE, June 9 (Reuters) - Nine people, including a bystander, were killed on Thursday when police "
     "raided a gang stronghold in Martissant.\n\nPolice said they had killed four gang members during the "
     "operation.", 9),
])
def test_a_later_count_of_one_kind_is_part_of_the_told_toll(text, toll):
    events = [e for e in extract(text, published="2026-06-10") if e.event_type != "Strategic developments"]
    assert [e.fatalities for e in events] == [toll]


@pytest.mark.parametrize("sentence,part", [
    ("Officers had shot dead five suspects.", True),
    ("They killed four gang members.", True),
    ("Three officers died in the violence.", True),
    ("Four suspects were killed.", True),
    # a doer, a death or a happening of its own
    ("Unidentified gunmen killed four soldiers.", False),
    ("Al Shabaab fighters killed two soldiers.", False),
    ("Militants also killed three soldiers.", False),
    ("Three policemen died in a separate attack.", False),
    ("Gunmen killed four soldiers in an ambush.", False),
    ("Four soldiers were killed by a roadside bomb.", False),
])
def test_which_clauses_bring_no_doer_of_their_own(nlp, sentence, part):
    from eventwire.nlp.mention_counts import _dead_of_no_new_doer

    doc = nlp(sentence)
    noun = next(sp.root.head for sp in doc.spans["ew_quantities"] if sp._.quantity.counted == "killed")
    assert _dead_of_no_new_doer(noun) is part
