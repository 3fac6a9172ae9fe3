"""A country whose capital bears its name (Djibouti, Kuwait, Singapore): the country unless the text
names the town; "the country's north" refers back to the country last named. Hand-made sentences."""
from eventwire.nlp.toponyms import event_location


def token(doc, word):
    return next(t for t in doc if t.text == word)


def place_of(doc, text, nth=0):
    return [s._.place for s in doc.spans["ew_toponyms"] if s.text == text][nth]


def test_compass_part_of_the_country_is_the_country_though_a_town_near_the_capital_is_named(annotate):
    doc = annotate("ADDIS ABABA (Reuters) - Government troops clashed with rebels in northern Djibouti on "
                   "Saturday, killing five fighters. The fighting took place near the town of Tadjourah.")
    assert place_of(doc, "Djibouti").precision == "country"
    loc, _ = event_location(doc, token(doc, "clashed"))
    assert loc is not None and loc.country == "DJ" and loc.name.startswith("Tadjour")


def test_possessive_country_is_the_country(annotate):
    doc = annotate("CAIRO (Reuters) - Gunmen opened fire on a police post in Djibouti's south on Tuesday, "
                   "wounding three officers near Ali Sabieh.")
    assert place_of(doc, "Djibouti").precision == "country"


def test_across_the_country_then_the_capital_named_as_such(annotate):
    doc = annotate("NAIROBI (AP) - Protesters blocked roads across Djibouti on Monday, witnesses said. "
                   "In the capital Djibouti, police detained at least 20 people.")
    assert place_of(doc, "Djibouti", 0).precision == "country"
    assert place_of(doc, "Djibouti", 1).precision == "town"


def test_the_city_of_names_the_town(annotate):
    doc = annotate("Riot police dispersed a crowd of dockers in the city of Djibouti on Wednesday.")
    assert place_of(doc, "Djibouti").precision == "town"


def test_a_dateline_is_the_capital_even_when_only_its_country_bears_the_name_as_main(annotate):
    doc = annotate("KUWAIT (Reuters) - Security forces arrested 14 people suspected of plotting attacks "
                   "on mosques, the interior ministry said on Sunday.")
    dl = doc._.dateline_place
    assert dl is not None and dl.precision == "town" and dl.country == "KW"
    doc = annotate("DJIBOUTI (AFP) - Police fired tear gas at opposition supporters who marched through "
                   "the city on Friday.")
    assert doc._.dateline_place.precision == "town"


def test_the_countrys_north_takes_the_country_named_before_not_the_far_bureau(annotate):
    doc = annotate("NAIROBI, Oct 2 (Reuters) - An air strike by Djibouti's army killed four herders in the "
                   "country's arid north, officials said. The strike hit a camp west of the town of Obock.")
    loc, _ = event_location(doc, token(doc, "killed"))
    assert loc is not None and loc.country == "DJ"


def test_the_country_with_no_country_named_before_changes_nothing(annotate):
    doc = annotate("ABUJA (Reuters) - Bandits killed nine villagers in the country's northwest on Sunday.")
    loc, _ = event_location(doc, token(doc, "killed"))
    assert loc is not None and loc.country == "NG"


def test_story_abroad_whose_bureau_country_is_never_named(annotate):
    doc = annotate("NAIROBI (Reuters) - Soldiers shot dead three smugglers on Monday, the army said. "
                   "The men were stopped near Obock. Djibouti has stepped up patrols. Drones bought "
                   "from Turkey watch the coast, and Afar elders in Ethiopia condemned the deaths.")
    loc, _ = event_location(doc, token(doc, "shot"))
    assert loc is not None and loc.country == "DJ"


def test_a_country_named_in_an_earlier_sentence_is_no_antecedent(annotate):
    doc = annotate("SAN SALVADOR, 3 May (ACAN-EFE) - The president returned from Mexico on Sunday. "
                   "Rebels blew up two power pylons in the country's east overnight, the army said.")
    loc, _ = event_location(doc, token(doc, "blew"))
    assert loc is not None and loc.country == "SV"
