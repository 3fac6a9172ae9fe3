"""A place a protest sentence names is where the crowd was, never the force facing it (hand-written
sentences): neither a neighbourhood on a road's name nor a city after "the centre of" is a party."""



def _sides(annotate, text):
    doc = annotate(text, published="2024-06-03")
    return [(m.actor1.name if m.actor1 else None, m.actor2.name if m.actor2 else None) for m in doc._.mentions]


def test_a_neighbourhood_in_a_roads_name_is_no_force(annotate):
    got = _sides(annotate, "Hundreds of protesters had gathered along the Hamdallaye-Bambeto axis in Ratoma on Tuesday.")
    assert got and got[0][1] is None, got


def test_the_city_whose_centre_they_marched_to_is_no_army(annotate):
    got = _sides(annotate, "Several thousand demonstrators marched down the Bambeto-Cosa road towards the centre "
                           "of Conakry on Thursday.")
    assert got and got[0][1] is None, got


def test_a_citys_district_is_no_army(annotate):
    got = _sides(annotate, "Thousands of opposition supporters rallied in Kampala's Kololo district on Saturday.")
    assert got and got[0][1] is None, got


def test_marching_from_a_campus_to_a_city(annotate):
    got = _sides(annotate, "Hundreds of students marched from the Makerere campus to the centre of Kampala on "
                           "Monday, chanting slogans.")
    assert got and got[0] == ("Protesters (Uganda)", None), got


def test_the_police_that_fired_stay_the_force(annotate):
    got = _sides(annotate, "Riot police fired tear gas at hundreds of students who marched from Makerere to the "
                           "centre of Kampala on Monday.")
    assert got and got[0] == ("Protesters (Uganda)", "Police Forces of Uganda"), got
