"""The happening's own place when the gazetteer is thin (issue #11): a village whose only namesake
lies in another division of the country than the one the text puts it in, and spellings GeoNames
lacks ("y" for "i", "-ah" for "-a"). Hand-made sentences."""
import pytest

from eventwire import gazetteer as gz
from place_reading import places


def _toponyms(doc):
    return {s.text: s._.place for s in doc.spans["ew_toponyms"]}


# ---- a far namesake in another division of the same country

@pytest.mark.parametrize("text, division", [
    # the gazetteer's only Kindamba lies in the Pool region, hundreds of km south of Likouala
    ("Gunmen stormed the village of Kindamba in Congo's northern Likouala region on Sunday, killing four "
     "fishermen, a local official said.", "Likouala"),
    # an uncued name the tagger misses, as the object of a raid: its only Gwoza is in Borno, not Ogun
    ("Four farmers were killed when bandits raided Gwoza in Nigeria's Ogun state overnight, police said.", "Ogun"),
    # an apposition that puts the village in a division, the country named after it
    ("Militiamen torched homes in Damboa, a village in the Sokoto state of Nigeria, on Friday, residents said.",
     "Sokoto"),
])
def test_a_village_told_in_a_division_is_not_its_far_namesake(text, division):
    ps = places(text)
    assert ps
    assert all(precision == "region" and name == division for name, _, precision in ps), ps


def test_the_town_in_its_own_told_division_stays_the_town():
    ps = places("Gunmen stormed the village of Kindamba in Congo's Pool region on Sunday, killing four "
                "fishermen, a local official said.")
    assert ps
    assert all(name == "Kindamba" and precision == "town" for name, _, precision in ps), ps


def test_a_division_picks_the_country_of_an_ambiguous_country_name(annotate):
    # "Congo" is two countries; "Likouala" is a division of one of them, so the town's namesake in
    # the other division of that country is no reading
    doc = annotate("Soldiers clashed with militiamen at Kindamba in Congo's Likouala region on Monday.")
    p = _toponyms(doc).get("Kindamba")
    assert p is None or (p.precision == "region" and p.admin1 == "Likouala")


# ---- spellings: "y" as the vowel "i", the Arabic feminine ending

@pytest.mark.parametrize("a, b", [("Kasy", "Kasi"), ("Tarmiyya", "Tarmiya"), ("Awamiyah", "Awamiya"),
                                  ("Hodeidah", "Hodeida")])
def test_spellings_share_a_translit_key(a, b):
    assert gz.translit_key(gz.fold(a)) == gz.translit_key(gz.fold(b))


@pytest.mark.parametrize("a, b", [("Yala", "Iala"), ("Hama", "Ham"), ("Yola", "Iola")])
def test_a_consonant_y_and_a_consonant_h_stay(a, b):
    # "y" before a vowel is a consonant; an "h" after a consonant is a letter of the name
    assert gz.translit_key(gz.fold(a)) != gz.translit_key(gz.fold(b))


@pytest.mark.parametrize("text", [
    "VIENTIANE - Gunmen opened fire on a minibus in Kasy district on Tuesday, killing a driver, a provincial "
    "official said.",
    "Unknown gunmen shot dead two traders near Kasy town in Laos on Monday, a provincial official said.",
    "Officials in Laos said attackers had torched two trucks outside Kasy town late on Saturday.",
])
def test_kasy_is_the_lao_town_kasi(annotate, text):
    p = _toponyms(annotate(text)).get("Kasy")
    assert p is not None and p.country == "LA" and p.geonameid is not None, p


def test_a_spelling_guess_needs_the_story_country(annotate):
    doc = annotate("Fans waited for hours outside Kasy town hall in France on Saturday.")
    p = _toponyms(doc).get("Kasy")
    assert p is None or p.country != "LA"


@pytest.mark.parametrize("text", [
    "BRAZZAVILLE - Soldiers fired mortars at militia camps near the village of Kindamba in Congo's Likouala "
    "region on Sunday, killing four people. Troops later entered Impfondo without a fight. Impfondo had been "
    "held by the militia for a month.",
    "ABUJA - Bandits raided the village of Gwoza in Nigeria's Ogun state on Sunday, killing six farmers. Police "
    "said they arrested two suspects in Abeokuta. Abeokuta residents protested the arrests.",
    "Rebels shelled the town of Damboa in the Sokoto state of Nigeria on Friday, witnesses said. Later, soldiers "
    "reached Wurno. Traders in Wurno closed their shops.",
])
def test_the_division_standing_for_a_lacked_village_is_not_its_one_named_town(text):
    # the story's other town of that division is another place, however often it is named
    ps = places(text)
    assert ps
    assert ps[0][2] == "region", ps
