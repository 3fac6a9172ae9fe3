"""The ends of a road named by them ("the highway linking A and B", "the road between A and B",
"the route from A to B") are not where a happening on that road was, when the sentence also names
the place on the road ("at the town of C", "near the village of Z, in the department of W")
(issue #11).  Hand-made sentences."""
from place_reading import places as _places


def test_blockade_between_two_cities_at_a_town():
    ps = _places("LA PAZ - Hundreds of miners protesting against fuel prices blocked the road between Oruro "
                 "and Potosi at the town of Challapata on Monday.")
    assert ps
    assert all(name == "Challapata" for name, _, _ in ps), ps


def test_highway_linking_passive_near_a_town():
    ps = _places("LIMA - Farmers blocking the highway linking Cusco and Puno near the town of Sicuani were "
                 "dispersed by riot police on Tuesday.")
    assert ps
    assert all(name == "Sicuani" for name, _, _ in ps), ps


def test_road_from_one_city_to_another_cut_at_a_town():
    ps = _places("QUITO - Indigenous protesters cut the road from Quito to Latacunga at the town of Machachi "
                 "on Wednesday, blocking traffic for hours.")
    assert ps
    assert all(name == "Machachi" for name, _, _ in ps), ps


def test_village_we_lack_in_a_named_department_is_that_department_not_a_road_end():
    ps = _places("LA PAZ - Police clashed with miners who had blocked the road between Oruro and Sucre near "
                 "the village of Kzumbrani, in the department of Potosi, on Monday.")
    assert ps
    assert all(name not in ("Oruro", "Sucre", "La Paz") for name, _, _ in ps), ps


def test_road_ends_alone_still_place_the_happening_in_the_country():
    # nothing else named: the road's ends are all the text gives, so it keeps them
    ps = _places("LA PAZ - Miners blocked the road between Oruro and Potosi on Monday, demanding higher "
                 "mineral prices.")
    assert ps
    assert all(country == "BO" for _, country, _ in ps), ps
