"""One victim told wounded and then dead is one dead, not one wounded and one dead: the sentence after
the happening names the wounded one again (the same noun with "the", a name given with the victim, or
"she"/"he") and tells the death, whatever the happening's sentence told of the wound ("in the leg")
(hand-written text)."""
import pytest

from eventwire import extract

PUB = "2024-05-20"


def _one(text):
    evs = [e for e in extract(text, published=PUB) if e.event_type in ("Violence against civilians", "Battles")]
    assert len(evs) == 1
    return evs[0]


@pytest.mark.parametrize("text", [
    "Gunmen shot a village chief in the leg near Bamenda on Tuesday, residents said. The chief, Paul Nji, died "
    "of blood loss before reaching a clinic.",
    "A shopkeeper was shot in the arm during a robbery in Accra on Friday, police said. The shopkeeper, Kwame "
    "Mensah, died in hospital on Sunday.",
    "A woman was shot in the hand during a robbery at a bakery in Recife on Friday, police said. She died of "
    "blood loss before reaching a hospital.",
    "A farmer was shot in the thigh by cattle raiders near Isiolo on Sunday, elders said. The farmer, Ali Guyo, "
    "died of his wounds before reaching a clinic.",
])
def test_the_wounded_one_who_died_is_counted_dead_only(text):
    ev = _one(text)
    assert ev.fatalities == 1
    assert ev.counts == {"killed": 1}


def test_someone_else_dying_leaves_the_wounded():
    ev = _one("A guard was shot in the leg during a raid on a bank in Goma on Monday, police said. Another guard "
              "died of a heart attack during the raid.")
    assert ev.counts.get("wounded") == 1
