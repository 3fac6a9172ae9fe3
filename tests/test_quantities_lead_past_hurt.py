"""The lead's toll reaches a happening told later when the sentences between tell only the victims' hurt
("found several people suffering from gunshot wounds", a trigger set aside): the lead's dead are not lost
because a later sentence's count of the wounded tells the happening (hand-written text)."""
import pytest

from eventwire import extract

PUB = "2024-05-20"


@pytest.mark.parametrize("text,killed,wounded", [
    ("Three people are dead and five others were hurt after shots rang out at a wedding in Kano on Saturday "
     "night, police said. Officers arrived at the hall shortly after midnight and found several guests suffering "
     "from bullet wounds. Police first said three people had been wounded, but two more victims later arrived at "
     "a clinic, bringing the number of injured to five.", 3, 5),
    ("Two men are dead and seven other people were hurt after gunfire erupted outside a nightclub in Durban early "
     "Friday, a police spokesman said. Paramedics found several people with gunshot wounds in the car park. "
     "Police initially said five people had been wounded, but two more victims later went to a hospital on their "
     "own, bringing the number of injured to seven.", 2, 7),
    ("One student is dead and four others were hurt after gunfire broke out at a school dance in Cali late "
     "Saturday, police said. Teachers found several pupils bleeding from gunshot wounds in the hall. Police "
     "earlier said two people had been injured, but two more students later came to a clinic by themselves, "
     "bringing the number of injured to four.", 1, 4),
])
def test_the_leads_dead_stay_past_a_sentence_of_wounds(text, killed, wounded):
    evs = [e for e in extract(text, published=PUB) if e.event_type == "Violence against civilians"]
    assert len(evs) == 1
    assert evs[0].fatalities == killed
    assert evs[0].counts == {"killed": killed, "wounded": wounded}
