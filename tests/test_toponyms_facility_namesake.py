"""A name ending in a facility noun ("... Park", "... Square") that GeoNames also holds as a small town
abroad is, in a story whose towns all lie in another country, the park or square of the story's own
town, never that town abroad. Hand-made sentences, three countries and three wordings."""
import pytest

from eventwire.nlp.toponyms import event_location


def token(doc, word):
    return next(t for t in doc if t.text == word)


def places(doc):
    return {s.text: s._.place for s in doc.spans["ew_toponyms"]}


@pytest.mark.parametrize("text, name, verb, cc", [
    ("NAIROBI (AFP) - Teachers protested in Kampala, Uganda on Thursday over unpaid wages. "
     "They marched from Centennial Park to the education ministry, police said.", "Centennial Park", "marched", "UG"),
    ("ACCRA (Reuters) - Opposition supporters rallied in Lagos, Nigeria on Saturday. The crowd gathered at "
     "Victoria Park before walking to the governor's office.", "Victoria Park", "gathered", "NG"),
    ("LONDON (AP) - Nurses demonstrated in Harare, Zimbabwe on Monday against low pay. Riot police "
     "dispersed the nurses with batons near Queens Park in the afternoon.", "Queens Park", "dispersed", "ZW"),
    ("PARIS (AFP) - Doctors went on strike in Dakar, Senegal on Tuesday. Police detained several union leaders "
     "near Hyde Park later that day, a union official said.", "Hyde Park", "detained", "SN"),
    ("BANGKOK (Reuters) - Farmers blocked roads in Manila, Philippines on Wednesday. Police clashed with "
     "farmers at Lincoln Park in the evening, witnesses said.", "Lincoln Park", "clashed", "PH"),
])
def test_a_park_is_the_story_towns(annotate, text, name, verb, cc):
    doc = annotate(text)
    p = places(doc).get(name)
    assert p is None or p.country == cc
    loc, _ = event_location(doc, token(doc, verb))
    assert loc is not None and loc.country == cc


def test_a_park_town_of_the_story_country_stays(annotate):
    # the story's own country holds a town of that name: it is a place of the story
    doc = annotate("SYDNEY (Reuters) - Police arrested a man after a brawl in Victoria Park, Perth, on Sunday.")
    p = places(doc).get("Victoria Park")
    assert p is not None and p.country == "AU"
