"""The ends of a road the text names by them ("the highway linking A and B", "the road between A
and B", "the road from A to B") are not where a happening on it took place; a village we lack falls
back to the division the text names (issue #11).  Hand-made sentences."""
from place_reading import places as _places


def test_highway_between_two_towns_falls_back_to_the_named_department():
    ps = _places("BOGOTA - Truckers clashed with riot police on the highway between Cali and Buenaventura "
                 "at the settlement of La Yerbita, in Valle del Cauca department, on Tuesday.")
    assert ps
    assert all(name == "Valle del Cauca" and prec == "region" for name, _, prec in ps), ps


def test_highway_linking_two_cities_is_at_neither_city():
    ps = _places("LA PAZ - Police clashed with farmers who had blocked the highway linking Oruro and Potosi "
                 "at the village of Qhatu Jaqi, in the department of Potosi, on Friday.")
    assert ps
    assert all(name != "Oruro" and prec == "region" for name, _, prec in ps), ps


def test_road_from_one_town_to_another_is_the_county_not_its_start():
    ps = _places("NAIROBI - Bandits ambushed a bus on the road from Garissa to Mandera near the village of "
                 "Elwak Dudu in Mandera county on Sunday, killing two passengers.")
    assert ps
    assert all(name != "Garissa" for name, _, _ in ps), ps


def test_a_connector_cut_name_is_the_division_the_gazetteer_knows():
    ps = _places("Dissidents attacked a police post in Valle del Cauca on Monday, killing a patrolman.")
    assert ps
    assert all(cc == "CO" for _, cc, _ in ps), ps
