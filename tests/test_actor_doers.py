"""Who did it, from syntax (hand-written sentences): the by-agent of a doing verb on the event
noun; a group that only arrested suspects afterwards is not the bomber."""


from actor_reading import actor1s


# -- "claimed by", "carried out by": the by-agent of the act ------------------------------------


def test_claimed_by_in_a_relative_clause_is_the_doer(annotate):
    got = actor1s(annotate, "The bombing, which was claimed by Katiba Macina, killed nine shoppers at a market in "
                            "Gao, Mali, on Tuesday.")
    assert got and got[0] == "Katiba Macina"


def test_condemned_by_is_not_the_doer(annotate):
    got = actor1s(annotate, "The bombing, which was condemned by Katiba Macina, killed nine shoppers at a market "
                            "in Gao, Mali, on Tuesday.")
    assert "Katiba Macina" not in got


def test_the_arrest_after_a_bombing_names_no_bomber(annotate):
    got = actor1s(annotate, "A bomb tore through a bus station in Kandahar on Saturday, killing seven people.\n"
                            "Taliban fighters detained four men on Sunday in connection with the bombing.")
    violent = [a for a in got if a != "Taliban"]
    assert len(violent) < len(got)  # the arrest is theirs
    doc = annotate("A bomb tore through a bus station in Kandahar on Saturday, killing seven people.\n"
                   "Taliban fighters detained four men on Sunday in connection with the bombing.",
                   published="2024-06-03")
    bomb = [m for m in doc._.mentions if m.event_type == "Explosions/Remote violence"]
    assert bomb and all(m.actor1 is None or m.actor1.name != "Taliban" for m in bomb)


def test_what_blew_up_is_not_the_doer(annotate):
    # the parser may hang the subject on "parked" and conjoin "exploded": the car is still the device
    got = actor1s(annotate, "A Toyota parked near the Interior Ministry in Kabul exploded on Sunday morning, "
                            "wounding three guards.")
    assert got and all(a is None or "Toyota" not in a for a in got)


def test_a_group_that_detonates_is_the_doer(annotate):
    got = actor1s(annotate, "Al Shabaab militants detonated a car bomb outside a hotel in Mogadishu on Monday, "
                            "killing four people.")
    assert got and got[0] == "Al Shabaab"


def test_nationality_of_the_act_subject_names_its_forces(annotate):
    # the subject is the strikes themselves, not the Hamas spokesman who reports them
    got = actor1s(annotate, "A Hamas spokesman said Israeli strikes killed 20 people in Khan Younis on Tuesday.")
    assert got and got[0] == "Military Forces of Israel"


def test_nationality_of_people_is_no_army(annotate):
    got = actor1s(annotate, "Israeli settlers attacked a Palestinian village near Nablus on Friday, burning cars.")
    assert "Military Forces of Israel" not in got


def test_who_disappears_undergoes_it(annotate):
    from eventwire.nlp.mention_actors import _undergoes

    doc = annotate("The union leader disappeared in Guatemala City on Monday.", published="2024-06-03")
    subj = [t for t in doc if t.dep_ == "nsubj"]
    assert subj and _undergoes(subj[0])


def test_a_later_claim_names_the_unidentified_bomber(annotate):
    from eventwire.extract import events_from_doc

    doc = annotate("A suicide bomber killed 30 worshippers at a mosque in Kunduz, Afghanistan, on Friday. "
                   "The Islamic State's Afghan affiliate claimed the bombing.", published="2024-06-03")
    evs = [e for e in events_from_doc(doc) if e.event_type == "Explosions/Remote violence"]
    assert evs and evs[0].actor1 is not None
    assert evs[0].actor1.name == "Islamic State Khorasan Province (ISKP)"


def test_forces_of_a_speaking_group_are_its_own(annotate):
    # "their forces" of the armed group that speaks, not the state whose drone it was
    got = actor1s(annotate, "The Houthis said their forces downed an American drone over Saada on Tuesday.")
    assert got and got[0] == "Houthi Movement"


def test_a_bare_claim_after_the_happening_names_its_doer(annotate):
    text = "A roadside bomb killed four soldiers near Miranshah in North Waziristan, Pakistan, on Monday. {}"
    got = actor1s(annotate, text.format("The Pakistani Taliban claimed responsibility."))
    assert got and got[0] == "Tehrik-i-Taliban Pakistan (TTP)"
    for other in ("No group claimed responsibility.", "The Pakistani Taliban denied responsibility."):
        got = actor1s(annotate, text.format(other))
        assert "Tehrik-i-Taliban Pakistan (TTP)" not in got


def test_a_group_held_responsible_after_the_blast_is_its_doer(annotate):
    got = actor1s(annotate, "A bomb wrecked two lorries outside a cement depot in Mubi, Nigeria, on Monday night. "
                            "Nobody was hurt in the blast, for which Boko Haram fighters are being held responsible.")
    assert got and got[0] == "Boko Haram", got


def test_a_group_held_responsible_for_something_else_is_not(annotate):
    got = actor1s(annotate, "A bomb wrecked two lorries outside a cement depot in Mubi, Nigeria, on Monday night. "
                            "Boko Haram fighters are held responsible for a string of kidnappings on the highway.")
    assert not got or not (got[0] or "").startswith("Boko Haram"), got


def test_who_stages_the_attacks_does_them(annotate):
    # the event noun is the object of a doing verb: its subject is the doer
    got = actor1s(annotate, "Police said that overnight militants staged two bomb attacks against mobile phone "
                            "masts near Quetta, Pakistan.")
    assert got and got[0] == "Unidentified Armed Group (Pakistan)", got


def test_who_condemns_the_attack_does_not_do_it(annotate):
    # the bomb's layer is unknown (ACLED: an unidentified armed group), never the army that condemned it
    got = actor1s(annotate, "The army condemned the bomb attack on a mobile phone mast near Quetta, Pakistan.")
    assert got and got[0] == "Unidentified Armed Group (Pakistan)", got


def test_an_inflected_staging_verb_is_read_back_to_its_lemma(annotate):
    from eventwire.nlp.mention_actors import STAGING_VERBS, _is_verb_of

    doc = annotate("They staged raids, carried out ambushes and are launching attacks.", published="2024-06-03")
    forms = {t.lower_: _is_verb_of(t, STAGING_VERBS) for t in doc if t.pos_ == "VERB"}
    assert forms.get("staged") and forms.get("carried") and forms.get("launching"), forms
