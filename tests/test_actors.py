"""eventwire_actors: canonical actors from hand-made sentences."""
import pytest

from eventwire.nlp.actors import load_table, lookup_actor, main_armed_group, main_country


def actors(doc):
    return [(sp.text, sp._.actor.name, sp._.actor.kind, sp._.actor.country) for sp in doc.spans["ew_actors"]]


def names(doc):
    return [sp._.actor.name for sp in doc.spans["ew_actors"]]


def test_data_is_versioned_and_covers_every_country():
    t = load_table()
    assert t.version
    assert len(t.countries) >= 240
    assert t.state_forces("SY").name == "Military Forces of Syria"
    assert t.state_forces("HK", "police").name == "Police Forces of China (Hong Kong)"
    assert t.state_forces("SA", "government").name == "Government of Saudi Arabia"
    assert len(t.groups) >= 40


@pytest.mark.parametrize("text,name", [
    ("ISIS", "Islamic State (ISIS)"),
    ("Daesh", "Islamic State (ISIS)"),
    ("ISIL", "Islamic State (ISIS)"),
    ("Hizballah", "Hezbollah"),
    ("Hizbullah", "Hezbollah"),
    ("al-Shabab", "Al Shabaab"),
    ("Al Shabaab", "Al Shabaab"),
    ("the Taliban", "Taliban"),
    ("Ansar Allah", "Houthi Movement"),
    ("ISWAP", "Islamic State West Africa Province (ISWAP)"),
    ("Lebanese soldiers", "Military Forces of Lebanon"),
    ("the Syrian army", "Military Forces of Syria"),
    ("Nigerian police", "Police Forces of Nigeria"),
    ("Somali security forces", "Military Forces of Somalia"),
    ("Kenya's military", "Military Forces of Kenya"),
    ("Saudi-led coalition", "Military Forces of Saudi Arabia"),
])
def test_lookup_actor_names(text, name):
    a = lookup_actor(text)
    assert a is not None and a.name == name


def test_lookup_actor_uses_country_hint_for_bare_nouns():
    assert lookup_actor("troops", "ML").name == "Military Forces of Mali"
    assert lookup_actor("police", "KE").name == "Police Forces of Kenya"
    assert lookup_actor("villagers", "NE") == lookup_actor("Civilians (Niger)")
    assert lookup_actor("villagers", "NE").kind == "civilians"
    assert lookup_actor("gunmen", "BF").name == "Unidentified Armed Group (Burkina Faso)"
    assert lookup_actor("troops").country is None  # stays generic
    assert lookup_actor("weather") is None
    # a misspelled transliteration still resolves
    assert lookup_actor("Hizbolah").name == "Hezbollah"


def test_named_groups_with_member_nouns(annotate):
    doc = annotate("Fighters loyal to the Taliban ambushed a convoy, while Islamic State-linked militants "
                   "and Hizballah fighters clashed near the border with Iraq.")
    got = actors(doc)
    assert ("Fighters loyal to the Taliban", "Taliban", "rebel group", "AF") in got
    assert any(t == "Islamic State-linked militants" and n == "Islamic State (ISIS)" for t, n, _, _ in got)
    assert any(t == "Hizballah fighters" and n == "Hezbollah" for t, n, _, _ in got)


def test_acronym_is_case_sensitive(annotate):
    doc = annotate("The situation is tense after IS attacked the town, officials said.")
    spans = doc.spans["ew_actors"]
    assert [sp.text for sp in spans if sp._.actor.name == "Islamic State (ISIS)"] == ["IS"]


def test_demonym_and_force_nouns(annotate):
    doc = annotate("Kenyan troops and the Ugandan army pushed north, and Ethiopian police arrested two men.")
    n = names(doc)
    assert "Military Forces of Kenya" in n
    assert "Military Forces of Uganda" in n
    assert "Police Forces of Ethiopia" in n


def test_bare_forces_take_main_country(annotate):
    doc = annotate("Heavy fighting broke out in Mali on Friday. Troops fired on a convoy near the Malian "
                   "town, and police closed the roads. Mali has been at war for a decade.")
    assert main_country(doc) == "ML"
    got = {t: n for t, n, _, _ in actors(doc)}
    assert got["Troops"] == "Military Forces of Mali"
    assert got["police"] == "Police Forces of Mali"


def test_bare_forces_stay_generic_without_country(annotate):
    doc = annotate("Troops opened fire on the crowd.")
    sp = [s for s in doc.spans["ew_actors"] if s.text == "Troops"][0]
    assert sp._.actor.kind == "state forces" and sp._.actor.country is None


def test_modifier_nouns_are_not_actors(annotate):
    doc = annotate("A police station and several civilian areas in Kenya were hit; rebel forces were blamed.")
    texts = [sp.text for sp in doc.spans["ew_actors"]]
    assert "police" not in texts and "civilian" not in texts
    assert not any(sp._.actor.kind == "state forces" for sp in doc.spans["ew_actors"])


def test_victims_and_crowds(annotate):
    doc = annotate("In Kenya, protesters and demonstrators marched, rioters torched cars, and gunmen "
                   "shot three villagers. Kenya's police said students were among the wounded.")
    n = names(doc)
    assert "Protesters (Kenya)" in n
    assert "Rioters (Kenya)" in n
    assert "Unidentified Armed Group (Kenya)" in n
    assert "Civilians (Kenya)" in n
    assert "Police Forces of Kenya" in n


def test_main_armed_group(annotate):
    doc = annotate("Boko Haram fighters attacked a village in Borno, Nigeria. The militants burned homes. "
                   "Boko Haram has waged an insurgency for years.")
    assert main_armed_group(doc).name == "Boko Haram"
    # "the militants" alone is unidentified, as coders record it
    assert "Unidentified Armed Group (Nigeria)" in names(doc)


def test_led_coalition_and_the_group(annotate):
    doc = annotate("A strike by the Emirati-led military coalition hit a truck in Yemen. Elsewhere, Ansar Dine "
                   "fighters raided a post in Mali, and the jihadist group later claimed the raid.")
    got = {t: n for t, n, _, _ in actors(doc)}
    assert got.get("Emirati-led military coalition") == "Military Forces of the United Arab Emirates"
    assert got.get("jihadist group") == "Ansar Dine"


def test_the_group_without_a_named_group_is_not_an_actor(annotate):
    doc = annotate("The group of villagers walked to the market in Kenya.")
    assert not any(sp.text.endswith("group") for sp in doc.spans["ew_actors"])


def test_linked_group_phrases_name_the_described_group(annotate):
    doc = annotate("Raids in Mali are often the work of al-Qaeda-linked jihadist group Ansar Dine. "
                   "Ansar Dine, an al Qaeda-allied group, denied it. The al Qaeda-linked group later "
                   "attacked Niger state's government offices in Nigeria near Kano.")
    got = [(t, n) for t, n, _, _ in actors(doc)]
    assert ("al-Qaeda-linked jihadist group Ansar Dine", "Ansar Dine") in got
    assert ("al Qaeda-allied group", "Ansar Dine") in got
    assert ("al Qaeda-linked group", "Ansar Dine") in got
    assert "Government of Niger" not in [n for _t, n in got]


def test_sponsors_peoples_and_identity_militias(annotate):
    doc = annotate("In northern Syria, Iranian-backed militiamen shelled a village, killing four Syrians, "
                   "while Fulani militia attacked herders near the Syrian border.")
    got = {t: n for t, n, _, _ in actors(doc)}
    assert got["Iranian-backed militiamen"] == "Unidentified Armed Group (Syria)"  # Iran is the sponsor
    assert got["Syrians"] == "Civilians (Syria)"
    assert got["Fulani militia"] == "Fulani Ethnic Militia (Syria)"


def test_state_forces_names_with_article():
    assert lookup_actor("U.S. troops").name == "Military Forces of the United States"
    assert lookup_actor("Military Forces of United States").name == "Military Forces of the United States"
    assert lookup_actor("Congolese soldiers").name == "Military Forces of the Democratic Republic of Congo"


@pytest.mark.parametrize("text,name", [
    ("Islamic State (Syria)", "Islamic State (ISIS)"),
    ("Islamic State", "Islamic State (ISIS)"),
    ("Al Shabaab (Somalia)", "Al Shabaab"),
    ("Military Forces of Somalia (2017-2022)", "Military Forces of Somalia"),
    ("Police Forces of Kenya (2013-)", "Police Forces of Kenya"),
    ("Police Forces of China (Hong Kong)", "Police Forces of China (Hong Kong)"),
])
def test_lookup_accepts_acled_suffixes(text, name):
    assert lookup_actor(text).name == name


def test_two_groups_on_one_span_resolve_to_the_first_listed_whatever_the_input_order():
    from itertools import permutations

    from eventwire.nlp.actors import _longest

    items = [(4, 6, 6), (4, 6, 1), (0, 3, 7), (5, 7, 2)]  # a set orders (4, 6, 6) first
    outs = {tuple(_longest(list(p))) for p in permutations(items)}
    assert outs == {((0, 3, 7), (4, 6, 1))}
