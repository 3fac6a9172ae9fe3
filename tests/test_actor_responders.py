"""Who goes to a happening or comes after it answers it and is not its doer (hand-written sentences;
issue #11)."""

from actor_reading import actor1s


def test_police_who_respond_to_a_shooting_did_not_shoot(annotate):
    got = actor1s(annotate, "Police officers responded to a shooting at an apartment complex in Dayton, Ohio, on "
                            "Saturday.")
    assert got and got[0] != "Police Forces of the United States", got


def test_police_who_rush_to_a_stabbing_did_not_stab(annotate):
    got = actor1s(annotate, "Police rushed to the stabbing at a gas station in Tulsa, Oklahoma, on Friday night, "
                            "the sheriff said.")
    assert got and got[0] != "Police Forces of the United States", got


def test_soldiers_who_arrive_after_a_bombing_did_not_bomb(annotate):
    doc = annotate("Soldiers arrived after the bombing at a market in Peshawar, Pakistan, on Monday.",
                   published="2024-06-03")
    bomb = [m for m in doc._.mentions if m.event_type == "Explosions/Remote violence"]
    assert bomb and all(m.actor1 is None or m.actor1.name != "Military Forces of Pakistan" for m in bomb), \
        [(m.trigger, m.actor1) for m in bomb]


def test_a_force_that_acts_in_an_offensive_still_carries_it_out(annotate):
    got = actor1s(annotate, "Troops pushed east in an offensive against al-Shabaab near Afgoye, Somalia, on "
                            "Monday.")
    assert got and got[0] == "Military Forces of Somalia", got


def test_who_agrees_to_a_truce_is_its_party(annotate):
    got = actor1s(annotate, "Colombia's military and a dissident guerrilla faction agreed on Friday to a "
                            "two-week truce in Cauca province, the defence ministry said.")
    assert got and got[0] == "Military Forces of Colombia", got
