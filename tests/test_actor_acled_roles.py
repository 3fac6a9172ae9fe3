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


def test_a_campaigning_or_monitoring_body_is_never_actor1(annotate):
    for text in ("The International Campaign to Ban Landmines said the mine killed three herders near Kunduz, "
                 "Afghanistan on Tuesday.",
                 "The International Campaign to Ban Landmines said a landmine wounded a boy near Mosul, Iraq on Sunday.",
                 "The Alliance to Protect Herders said a landmine killed two boys near Gao, Mali on Friday.",
                 "The Sahel Observatory for Civil Liberties said an explosion killed four traders in Gao, Mali on Friday."):
        ms = mentions(annotate, text)
        assert ms, text
        assert all(m.actor1 is None or m.actor1.kind in ("state forces", "rebel group", "political militia",
                                                          "identity militia") and "Campaign" not in m.actor1.name
                   and "Alliance" not in m.actor1.name and "Observatory" not in m.actor1.name for m in ms), \
            (text, [m.actor1 for m in ms])


def test_an_armed_organisation_name_stays_a_party(annotate):
    ms = mentions(annotate, "The Northern Liberation Front attacked an army post near Kidal, Mali on Monday.")
    assert ms and ms[0].actor1 is not None and ms[0].actor1.kind in ("rebel group", "political militia"), \
        [m.actor1 for m in ms]


def test_civic_org_reads_the_name():
    import spacy
    from spacy.tokens import Span

    from eventwire.nlp.events import _civic_org

    nlp = spacy.blank("en")
    doc = nlp("The Alliance to Protect Herders said it")
    doc[3].tag_ = "VB"
    doc.ents = [Span(doc, 1, 5, label="ORG")]
    assert _civic_org(doc, doc[1])
    doc2 = nlp("The Northern Liberation Front said it")
    doc2.ents = [Span(doc2, 1, 4, label="ORG")]
    assert not _civic_org(doc2, doc2[1])
