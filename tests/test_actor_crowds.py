"""A crowd is named by what it did (ACLED): rioters in a violent demonstration, protesters in a
protest; two demonstrations in two towns on one day keep their own sub-types (hand-made text)."""


def mentions(annotate, text, published="2024-07-09"):
    return annotate(text, published=published)._.mentions


def test_demonstrators_who_riot_are_rioters(annotate):
    ms = mentions(annotate, "In the port city of Mombasa, Kenya, demonstrators hurled stones at police, set tyres "
                            "alight and looted shops on Tuesday.")
    riots = [m for m in ms if m.event_type == "Riots"]
    assert riots and all(m.actor1.name == "Rioters (Kenya)" and m.actor1.kind == "rioters" for m in riots)


def test_a_march_elsewhere_the_same_day_stays_a_protest(annotate):
    ms = mentions(annotate, "Police fired tear gas on Tuesday to disperse hundreds of teachers who marched through "
                            "Nakuru, Kenya, demanding higher pay.\nIn the port city of Mombasa, demonstrators hurled "
                            "stones at police, set tyres alight and looted shops.")
    nakuru = [m for m in ms if m.location is not None and m.location.name == "Nakuru"]
    assert nakuru and all(m.event_type == "Protests" for m in nakuru)
    assert all(m.actor1.name.startswith("Protesters") for m in nakuru)


def test_the_force_at_a_demonstration_is_not_the_dateline_city(annotate):
    # the parse makes the dateline the lead's subject; it names where the reporter files from, not a party
    ms = mentions(annotate, "BAMAKO, May 29 (AFP) - Malian police fired live rounds on Tuesday to disperse hundreds of "
                            "opposition supporters protesting in the southern city of Sikasso, killing three people, a "
                            "hospital source said.")
    forces = {a.name for m in ms if m.event_type == "Protests" for a in (m.actor1, m.actor2) if a is not None and a.kind == "state forces"}
    assert forces == {"Police Forces of Mali"}, forces
