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


def test_villagers_who_lynch_are_rioters_not_civilians(annotate):
    # ACLED codes the doers of mob violence as rioters; civilians are never the doers of violence
    ms = mentions(annotate, "Villagers lynched a suspected goat thief near Katsina, Nigeria, on Wednesday.")
    mob = [m for m in ms if m.event_type == "Riots"]
    assert mob and mob[0].actor1 is not None and mob[0].actor1.name == "Rioters (Nigeria)"


def test_only_a_riots_doer_becomes_rioters():
    from eventwire.nlp.mention_actors import _as_rioters
    from eventwire.records import Actor

    civ = Actor("Civilians (Kenya)", "civilians", "KE")
    assert _as_rioters(civ, "Riots").name == "Rioters (Kenya)"
    assert _as_rioters(civ, "Violence against civilians") == civ


def test_a_crowd_that_beats_two_men_is_rioters_not_protesters(annotate):
    ms = mentions(annotate, "In Mombasa, Kenya, an angry crowd beat two men accused of stealing a phone on Monday.")
    mob = [m for m in ms if m.sub_event_type == "Mob violence"]
    assert mob and mob[0].actor1 is not None and mob[0].actor1.name == "Rioters (Kenya)", [m.actor1 for m in mob]


def test_a_cheering_crowd_is_no_doer(annotate):
    ms = mentions(annotate, "A cheering crowd gathered in the main square of Nakuru, Kenya, on Tuesday to greet the "
                            "new governor.")
    assert all(m.actor1 is None or not m.actor1.name.startswith("Rioters") for m in ms)
