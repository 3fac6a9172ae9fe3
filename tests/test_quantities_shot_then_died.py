"""The dead among those shot, told by a partitive in the same sentence ("three men were shot ...; two of
them died"): the partitive names the shot as its whole, so the wounded are the rest however the parser
hung the two clauses (hand-written text)."""
import pytest

from eventwire import extract

PUB = "2024-05-20"


def _one(text):
    evs = [e for e in extract(text, published=PUB) if e.event_type == "Violence against civilians"
           or e.event_type == "Battles"]
    assert len(evs) == 1
    return evs[0]


@pytest.mark.parametrize("text,dead,hurt", [
    # semicolon, "them", the shooting parsed as a complement of the death
    ("Three men were shot in Camden on Friday night; two of them died.", 2, 1),
    # "stabbed", "the victims", a place after the death
    ("Seven people were stabbed at a bus station in Leeds on Sunday; three of the victims died in hospital.", 3, 4),
    # a colon, "the victims"
    ("Five people were shot at a barbecue in Omaha on Sunday: two of the victims died at the hospital.", 2, 3),
    # active voice, the doers named, "later"
    ("Gunmen shot four farmers near Makurdi on Tuesday; two of them later died.", 2, 2),
    # one of them, "at the scene"
    ("Three teenagers were shot near a park in Gary on Monday night; one of them died at the scene.", 1, 2),
])
def test_dead_told_by_a_partitive_leave_the_shot(text, dead, hurt):
    ev = _one(text)
    assert ev.fatalities == dead
    assert ev.counts.get("wounded") == hurt


@pytest.mark.parametrize("text,dead,hurt", [
    # already linked by the parse: taken apart once, not twice
    ("Five people were shot outside a club in Tulsa on Sunday, and one of them died at the scene.", 1, 4),
    ("Police said five people were shot at a house party in Flint early Sunday and that two of the victims "
     "later died at a hospital.", 2, 3),
    ("Gunmen shot six villagers near Jos on Monday, three of whom died on the way to hospital.", 3, 3),
])
def test_deaths_the_parse_linked_are_taken_apart_once(text, dead, hurt):
    ev = _one(text)
    assert ev.fatalities == dead
    assert ev.counts.get("wounded") == hurt


@pytest.mark.parametrize("text,dead,hurt", [
    # a headline's tally, digits, "dead"
    ("6 shot, 2 dead in Toledo nightclub shooting. A gunman opened fire inside a nightclub in Toledo on "
     "Saturday night, police said.", 2, 4),
    # words, "killed"
    ("Five shot, two killed at Omaha house party. Gunmen opened fire at a house party in Omaha on Saturday "
     "night, police said.", 2, 3),
    # "stabbed", a place after
    ("3 stabbed, 1 dead after fight at Leeds bus station. A fight broke out at a bus station in Leeds on "
     "Sunday, police said.", 1, 2),
])
def test_a_headline_tally_lists_the_dead_among_the_shot(text, dead, hurt):
    evs = [e for e in extract(text, published=PUB) if e.event_type in ("Violence against civilians", "Battles")]
    assert len(evs) == 1
    assert evs[0].fatalities == dead
    assert evs[0].counts.get("wounded") == hurt


def test_killed_and_injured_are_two_counts():
    # "injured" are not "shot": the dead are not among them
    evs = [e for e in extract("2 killed, 3 injured in Dayton shooting. A gunman opened fire outside a bar in "
                              "Dayton on Saturday night, police said.", published=PUB)
           if e.event_type in ("Violence against civilians", "Battles")]
    assert len(evs) == 1
    assert evs[0].fatalities == 2
    assert evs[0].counts.get("wounded") == 3
