"""Where a bureau's dateline, a bearing or a distance leaves the event: the dateline's own country
qualifier is no evidence that the story is set there; a bearing that qualifies a town places the
town, not the town it is measured from; an event measured from a town is near it (precision
region, ACLED's "near X").  Hand-made sentences."""
from datetime import date

from eventwire.extract import extract
from eventwire.gazetteer import haversine
from eventwire.nlp.pipeline import load_pipeline
from eventwire.nlp.toponyms import _measured_from


def _events(text):
    return [e for e in extract(text, published=date(2026, 5, 3)) if e.location is not None]


def test_the_datelines_country_qualifier_does_not_keep_a_story_abroad_at_the_bureau():
    # "KAMPALA, Uganda" names Uganda to say which Kampala; the story names only Congo's places
    evs = _events("KAMPALA, Uganda (AP) — Rebels attacked a farming village in eastern Congo on Sunday, "
                  "killing eleven civilians, a local official said.\n\n"
                  "The raid took place about 15 kilometers (9 miles) from Beni, the official said. "
                  "Beni has seen repeated attacks this year, and residents of Beni fled to Butembo.")
    assert evs
    for ev in evs:
        assert ev.location.country == "CD" and ev.location.name != "Kampala"


def test_a_capital_named_in_apposition_beats_a_foreign_bureau_with_a_country_qualifier():
    # Istanbul is no capital, so only the story's own places can move the event from the bureau
    evs = _events("ISTANBUL, Turkey (AP) — Militiamen detained seven journalists in raids on their offices in "
                  "the capital, Baghdad, on Tuesday, colleagues said.\n\n"
                  "Protesters later rallied in Basra against the arrests. Police in Baghdad declined to comment.")
    first = [ev for ev in evs if ev.event_type == "Strategic developments"]
    assert first
    assert first[0].location.country == "IQ"
    assert haversine(first[0].location.lat, first[0].location.lon, 33.34, 44.40) < 25  # Baghdad


def test_a_bearing_after_a_town_places_that_town_not_the_one_it_is_measured_from():
    evs = _events("BEIRUT (Reuters) - Kurdish fighters withdrew from the town of Tal Rifaat north of Aleppo "
                  "on Sunday and handed it to government forces, both sides said.")
    assert evs
    lat, lon = evs[0].location.lat, evs[0].location.lon
    assert haversine(lat, lon, 36.47, 37.10) < 10  # Tell Rifaat, not Aleppo 35 km south
    assert evs[0].location.precision == "town"


def test_an_event_measured_from_a_town_is_near_it():
    near = _events("A roadside bomb killed four soldiers about 30 kilometres (19 miles) north of Kidal on "
                   "Tuesday, a Malian army officer said.")
    inside = _events("A roadside bomb killed four soldiers in Kidal on Tuesday, a Malian army officer said.")
    assert near and inside
    # near Kidal, not in it: at the stated 30 km north of it (place16: was "within 10 km of Kidal")
    assert 25 < haversine(near[0].location.lat, near[0].location.lon, 18.44, 1.41) < 35
    assert near[0].location.lat > 18.6
    assert near[0].location.precision == "region"  # ACLED's "near X" (geo-precision 2)
    assert inside[0].location.precision == "town"


def test_what_counts_as_measured_from():
    nlp = load_pipeline()

    def at(text, name):
        doc = nlp(text)
        return _measured_from(doc, [t.i for t in doc if t.text == name][0])

    assert at("The blast was 40 km from Gao.", "Gao") is not None
    assert at("The camp lies 480 km to the northeast of Gao.", "Gao") is not None
    assert at("Fighting raged just south of the town of Gao.", "Gao") is not None
    assert at("The convoy came from Gao.", "Gao") is None  # an origin, not a distance
    assert at("The convoy drove north from Gao.", "Gao") is None  # a heading
    assert at("He is the mayor of Gao.", "Gao") is None


def test_a_town_the_gazetteer_lacks_is_no_mid_sized_namesake_abroad():
    # every other place is Honduran; the gazetteer has no Honduran San Mateo, only namesakes of
    # 100,000 people in the Philippines and California: a place we lack, not a far city
    evs = _events("TEGUCIGALPA, 4 May (Radio America) -- Gunmen killed three farmers in San Mateo, a hamlet "
                  "near Comayagua, on Saturday night, police said.\n\n"
                  "The police chief in Comayagua said troops from Siguatepeque were sent to San Mateo. "
                  "Similar killings were reported last month near Choluteca and La Esperanza.")
    assert evs
    for ev in evs:
        assert ev.location.country == "HN"


def test_a_bearing_in_an_apposition_describes_the_town_before_it():
    evs = _events("SAN MIGUEL, 4 May (Radio) -- In Chinameca, a small town some 15 km west of San Miguel, "
                  "guerrillas burned two buses on Sunday, police said.")
    assert evs
    assert evs[0].location.name == "Chinameca" and evs[0].location.precision == "town"


def test_the_datelines_qualifier_picks_the_datelines_namesake():
    # Argentina's Cordoba is four times the size of Spain's; the qualifier says which one files
    from eventwire.nlp.pipeline import annotate
    from eventwire.article import Article

    doc = annotate(Article(text="CORDOBA, Spain (Reuters) - Police detained four men on Saturday after a "
                                "street fight outside a bar, a police spokesman said."))
    assert doc._.dateline_place is not None and doc._.dateline_place.country == "ES"
