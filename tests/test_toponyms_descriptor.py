"""A town noun in apposition before a name ("the commercial hub Manzini", "the mining town
Chingola") makes the name a town, whatever the tagger took it for (issue #11).  Hand-made sentences."""
from place_reading import places as _places


def test_commercial_hub_apposition_beats_a_foreign_dateline():
    ps = _places("JOHANNESBURG - Police opened fire on a march in the commercial hub Manzini on Friday, "
                 "wounding four people.")
    assert ps
    assert all(name == "Manzini" for name, _, _ in ps), ps


def test_mining_town_apposition_with_a_hyphenated_modifier():
    ps = _places("LUSAKA - Riot police fired tear gas at striking miners in the copper-mining town "
                 "Chingola on Thursday.")
    assert ps
    assert all(name == "Chingola" for name, _, _ in ps), ps


def test_apposition_as_the_subject_side_of_a_passive():
    ps = _places("LILONGWE - Vendors protesting in the commercial capital Blantyre were dispersed with tear "
                 "gas by police on Monday.")
    assert ps
    assert all(name == "Blantyre" for name, _, _ in ps), ps


def test_town_noun_before_an_official_title_adds_no_place():
    # "the town Mayor" is a person's title: the dateline still places the protest
    ps = _places("MBABANE - Hundreds of traders marched on Monday to protest against the town Mayor "
                 "Sipho Dlamini over new levies.")
    assert all(name == "Mbabane" for name, _, _ in ps), ps
