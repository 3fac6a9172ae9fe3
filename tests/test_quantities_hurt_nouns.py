"""The wound a counted person carries ("taken to hospital with gunshot wounds") names their hurt, not a
happening: a sentence whose only trigger is that wound still gives the story's wounded.  Hand-written."""
import pytest

from eventwire import extract

PUB = "2024-03-11"


@pytest.mark.parametrize("text,toll,wounded", [
    ("A shopkeeper was shot dead in a robbery in Soweto on Sunday. Two customers were rushed to a hospital "
     "with gunshot wounds.", 1, 2),
    ("Soldiers fired on a crowd of traders in Conakry on Tuesday, killing one man. Five others were taken to "
     "hospital with bullet wounds.", 1, 5),
    ("Bandits shot dead a herder near Gusau on Wednesday. His three sons were carried to a clinic in Tsafe "
     "with serious wounds, residents said.", 1, 3),
    ("Gunmen killed two farmers outside Makurdi on Friday. Four villagers were driven to a "
     "hospital in Otukpo with machete injuries.", 2, 4),
])
def test_the_wounded_told_with_their_wounds_after_the_happening(text, toll, wounded):
    evs = extract(text, published=PUB)
    assert evs and evs[0].fatalities == toll
    assert evs[0].counts.get("wounded") == wounded


@pytest.mark.parametrize("text", [
    # another happening told in the sentence: its wounded are its own
    "A man was killed in a shooting on Elm Street in Toledo on Friday. Two other men were wounded in a "
    "separate shooting on Oak Street on Saturday.",
    "Police shot dead a robber in Lusaka on Monday. In another incident, three women were stabbed in a "
    "market in Ndola.",
])
def test_a_sentence_with_a_happening_of_its_own_keeps_its_wounded(text):
    evs = extract(text, published=PUB)
    assert evs and evs[0].fatalities == 1
    assert evs[0].counts.get("wounded") is None
