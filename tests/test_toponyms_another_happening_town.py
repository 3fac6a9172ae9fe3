"""A later sentence that tells another happening of its own ("Meanwhile, ... in Nis on Tuesday") places
that happening; it does not make the capital bureau remote for the lede's happening, and a town
named after a part of it ("the centre of X", "the streets of X") is cued as a town (issue #11).
Hand-made sentences."""
from place_reading import places as _places


def test_meanwhile_town_places_its_own_march_not_the_lede():
    ps = _places("BELGRADE, Serbia (AP) - Thousands protested outside parliament on Monday. Meanwhile, about "
                 "3,000 students marched through the centre of Nis on Tuesday evening.")
    assert [n for n, _, _ in ps] == ["Belgrade", "Nis"], ps


def test_diacritic_spelling_and_another_day():
    ps = _places("BUCHAREST, Romania (AP) - Pensioners protested outside the government building on Friday. On "
                 "Saturday, some 2,000 dock workers clashed with riot police in the streets of Brăila.")
    assert [n for n, _, _ in ps] == ["Bucharest", "Braila"], ps


def test_elsewhere_riot_in_a_named_town():
    ps = _places("TIRANA, Albania (Reuters) - Opposition supporters hurled petrol bombs at the prime minister's "
                 "office on Saturday. Elsewhere, hundreds of protesters rioted in the heart of Shkodër on Sunday.")
    assert [n for n, _, _ in ps] == ["Tirana", "Shkoder"], ps


def test_a_later_sentence_about_the_same_attack_still_moves_it():
    # the second sentence refers back to the told happening: its town is that happening's place
    ps = _places("NAIROBI, Kenya (AP) - Gunmen killed six people on Monday, police said. The attack in "
                 "Mandera happened at dawn.")
    assert ps
    assert ps[0][0] == "Mandera", ps
