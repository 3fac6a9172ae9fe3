"""actor1 as ACLED codes it by sub-type and by where the group operates (issue #11; hand-made text)."""


def mentions(annotate, text, published="2024-03-12"):
    return annotate(text, published=published)._.mentions


def test_excessive_force_is_the_forces_act(annotate):
    ms = mentions(annotate, "Soldiers shot dead five protesters during a march in Omdurman, Sudan on Thursday.")
    ex = [m for m in ms if m.sub_event_type == "Excessive force against protesters"]
    assert ex, [(m.sub_event_type, m.actor1) for m in ms]
    assert all(m.actor1 is not None and m.actor1.kind == "state forces" and m.actor1.country == "SD" for m in ex)
    assert all(m.actor2 is not None and m.actor2.kind == "protesters" for m in ex)


def test_intervention_keeps_the_crowd_as_actor1(annotate):
    ms = mentions(annotate, "Police fired tear gas to disperse hundreds of nurses who marched through Kisumu, Kenya "
                            "on Wednesday demanding unpaid wages.")
    iv = [m for m in ms if m.sub_event_type == "Protest with intervention"]
    assert iv and all(m.actor1.kind == "protesters" and m.actor2 is not None and m.actor2.kind == "state forces" for m in iv)


def test_local_name_of_a_far_group_is_the_local_insurgency(annotate):
    ms = mentions(annotate, "Insurgents known locally as al-Shabab raided a fishing village in Cabo Delgado province, "
                            "Mozambique on Saturday, beheading three men.")
    assert ms and ms[0].actor1 is not None and ms[0].actor1.country == "MZ", [m.actor1 for m in ms]
    assert ms[0].actor1.name != "Al Shabaab"


def test_the_same_name_in_somalia_is_al_shabaab(annotate):
    ms = mentions(annotate, "Al-Shabaab militants ambushed an army convoy near Afgoye, Somalia on Saturday, "
                            "killing four soldiers.")
    assert ms and ms[0].actor1 is not None and ms[0].actor1.name == "Al Shabaab", [m.actor1 for m in ms]


def test_lookup_prefers_the_local_name_only_in_its_country():
    from eventwire.nlp.actors import lookup_actor

    assert lookup_actor("al-Shabaab", "MZ").country == "MZ"
    assert lookup_actor("al-Shabaab", "SO").name == "Al Shabaab"
    assert lookup_actor("al-Shabaab").name == "Al Shabaab"
