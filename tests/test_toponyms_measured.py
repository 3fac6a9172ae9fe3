"""Where a bureau's dateline, a bearing or a distance leaves the event: the dateline's own country
qualifier is no evidence that the story is set there; a bearing that qualifies a town places the
town, not the town it is measured from; an event measured from a town is near it (precision
region, ACLED's "near X").  Hand-made sentences."""
from datetime import date

from eventwire.extract import extract
from eventwire.gazetteer import haversine


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


def test_the_datelines_qualifier_picks_the_datelines_namesake():
    # Argentina's Cordoba is four times the size of Spain's; the qualifier says which one files
    from eventwire.nlp.pipeline import annotate
    from eventwire.article import Article

    doc = annotate(Article(text="CORDOBA, Spain (Reuters) - Police detained four men on Saturday after a "
                                "street fight outside a bar, a police spokesman said."))
    assert doc._.dateline_place is not None and doc._.dateline_place.country == "ES"
