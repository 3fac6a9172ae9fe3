"""Happenings whose text tells no doer at all (hand-written sentences): ACLED's conventions for
who did them.  An attack on civilians by no one named is the country's "Unidentified Armed Group";
an arrest by no one named is the country's police (who arrest, absent anything else told)."""

import pytest

from eventwire.merge import build_event


def _read(annotate, text):
    doc = annotate(text, published="2024-06-03")
    return [(m.event_type, m.sub_event_type, m.actor1.name if m.actor1 else None) for m in doc._.mentions]


def _of(got, et):
    return [a for t, _, a in got if t == et]


@pytest.mark.parametrize("text, label", [
    # a passive with no "by": only the victim is told
    ("A shopkeeper was shot dead outside his store in Kisumu, Kenya, on Tuesday night, police said.",
     "Unidentified Armed Group (Kenya)"),
    # the weapon's noise as the subject, the victims as its outcome
    ("Gunfire erupted at a wedding reception in Memphis, Tennessee, late Saturday, killing one guest and "
     "wounding three others, police said.", "Unidentified Armed Group (United States)"),
    # another verb, another country, the victims as the subject
    ("Three farmers were hacked to death in their fields near Makurdi in Benue state, Nigeria, on Wednesday, "
     "residents said.", "Unidentified Armed Group (Nigeria)"),
    # an abduction told by its victims alone
    ("Two aid workers were kidnapped on the road between Gao and Ansongo in Mali on Friday, their "
     "organisation said.", "Unidentified Armed Group (Mali)"),
])
def test_an_attack_on_civilians_with_no_doer_told_is_an_unidentified_armed_group(annotate, text, label):
    got = _read(annotate, text)
    assert _of(got, "Violence against civilians") and _of(got, "Violence against civilians")[0] == label, got


def test_a_told_doer_is_kept(annotate):
    got = _read(annotate, "Police shot dead a shopkeeper outside his store in Kisumu, Kenya, on Tuesday night, "
                          "witnesses said.")
    assert got and got[0][2] == "Police Forces of Kenya", got


def test_a_strike_with_no_doer_told_is_no_unidentified_group(annotate):
    # an air or drone strike is a state's or a named group's weapon: no default layer for it
    got = _read(annotate, "An air strike hit a crowded market in Idlib, Syria, on Monday, killing 12 people, "
                          "rescuers said.")
    assert got and not any((a or "").startswith("Unidentified") for _, _, a in got), got


@pytest.mark.parametrize("text, police", [
    ("Fourteen opposition activists were detained in Hrodna, Belarus, on Tuesday, a rights group said.",
     "Police Forces of Belarus"),
    ("At least 30 men have been arrested in Kano, Nigeria, in a crackdown on illegal gambling dens, a "
     "local newspaper reported.", "Police Forces of Nigeria"),
    ("A prominent blogger was taken into custody at his home in Hanoi, Vietnam, on Thursday, his family said.",
     "Police Forces of Vietnam"),
])
def test_an_arrest_with_no_doer_told_is_the_countrys_police(annotate, text, police):
    doc = annotate(text, published="2024-06-03")
    arrests = [m for m in doc._.mentions if m.sub_event_type == "Arrests"]
    assert arrests, [(m.sub_event_type, m.actor1) for m in doc._.mentions]
    # the report itself names no doer; the event, once merged, takes ACLED's convention
    assert arrests[0].actor1 is None
    ev = build_event(arrests)
    assert ev.actor1 is not None and ev.actor1.name == police, ev.actor1


def test_the_police_convention_survives_the_store_and_needs_no_pipeline(annotate):
    """The store and the Dask loader merge mentions read back from JSON: the convention travels with the
    mention (the merge does not import the pipeline to look the police up)."""
    import ast
    import inspect

    import eventwire.merge
    from eventwire.store.serialize import mention_from_json, mention_to_json

    doc = annotate("Six students were detained in Mandalay, Myanmar, on Friday, a rights group said.",
                   published="2024-06-03")
    arrests = [m for m in doc._.mentions if m.sub_event_type == "Arrests"]
    assert arrests and arrests[0].actor1 is None, [(m.sub_event_type, m.actor1) for m in doc._.mentions]
    back = [mention_from_json(mention_to_json(m)) for m in arrests]
    assert build_event(back).actor1.name == "Police Forces of Myanmar"
    # an arrest read back from a store written before the field existed keeps no doer rather than fail
    old = mention_to_json(arrests[0])
    del old["doer_by_convention"]
    assert build_event([mention_from_json(old)]).actor1 is None
    tree = ast.parse(inspect.getsource(eventwire.merge))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [m for m in imported if m.startswith("nlp")], imported


def test_an_arrest_event_keeps_a_doer_one_report_tells(annotate):
    told = annotate("Soldiers arrested five suspected militants in a raid near Maiduguri, Nigeria, on Monday, "
                    "the army said.", published="2024-06-03")
    bare = annotate("Five suspected militants were arrested in a raid near Maiduguri, Nigeria, on Monday, "
                    "residents said.", published="2024-06-03")
    ms = [m for d in (bare, told) for m in d._.mentions if m.sub_event_type == "Arrests"]
    assert len(ms) == 2, ms
    assert build_event(ms).actor1.name == "Military Forces of Nigeria"


def test_an_arrest_by_soldiers_stays_theirs(annotate):
    got = _read(annotate, "Soldiers arrested five suspected militants in a raid near Maiduguri, Nigeria, on "
                          "Monday, the army said.")
    arrests = [a for _, s, a in got if s == "Arrests"]
    assert arrests and arrests[0] == "Military Forces of Nigeria", got


@pytest.mark.parametrize("text, doer", [
    # the parser makes the participle the verb and the act a clause hanging on it
    ("On Tuesday, troops moving out of the base set fire to about 60 houses in Gangaw, Myanmar, residents said.",
     "Military Forces of Myanmar"),
    ("On Thursday, militiamen coming down from the hills burned a school near Djugu, Congo, a local official "
     "said.", "Unidentified Armed Group (Democratic Republic of Congo)"),
    # the same reading when the parser gets it right (the participle as the subject's modifier)
    ("On Sunday, soldiers pulling back from the front line torched dozens of homes near Hpakant, Myanmar, "
     "residents said.", "Military Forces of Myanmar"),
    ("On Wednesday, police officers leaving the station opened fire on a crowd of traders in Kisumu, Kenya, "
     "witnesses said.", "Police Forces of Kenya"),
])
def test_who_did_the_act_is_the_subject_of_the_participle_before_it(annotate, text, doer):
    got = _read(annotate, text)
    assert got and got[0][2] == doer, got


@pytest.mark.parametrize("text", [
    "A cashier was shot dead at a store in Dayton, Ohio, on Friday. Police said Tyrone Willis, 19, shot her "
    "during a robbery.",
    "A nurse was stabbed to death in Durban, South Africa, on Sunday. Police said Sipho Ndlovu had stabbed her "
    "after an argument.",
])
def test_a_doer_told_by_name_is_not_made_unidentified(annotate, text):
    got = _read(annotate, text)
    assert got and not any((a or "").startswith("Unidentified") for _, _, a in got), got
