"""A demonym two countries share names the state of the story's country: "Congolese troops" in a
Brazzaville story are the Republic of Congo's, "Sudanese" in a South Sudan story South Sudan's.
Hand-made sentences."""
from datetime import date

from eventwire.extract import extract
from eventwire.nlp.actors import load_table, shared_demonym


def _actor1(text):
    return [e.actor1.name if e.actor1 else None for e in extract(text, published=date(2026, 5, 3))]


def test_table_knows_the_shared_demonyms():
    t = load_table()
    assert set(t.demonym_ccs["congolese"]) == {"CD", "CG"}
    assert set(t.demonym_ccs["sudanese"]) == {"SD", "SS"}
    assert {"GN", "GW", "GQ"} <= set(t.demonym_ccs["guinean"])
    assert "somali" not in t.demonym_ccs
    assert shared_demonym(t, "Congolese", "CD", "CG") == "CG"
    assert shared_demonym(t, "Congolese", "CD", "FR") == "CD"  # a third country's story keeps the default


def test_congolese_troops_in_a_brazzaville_story():
    assert _actor1("BRAZZAVILLE, May 2 - Congolese troops clashed with Ninja militiamen near Kinkala on "
                   "Friday, leaving four dead.") == ["Military Forces of the Republic of Congo"]


def test_congolese_police_in_the_republic_placed_by_its_towns():
    a = _actor1("Congolese police beat two traders to death at a market in Pointe-Noire on Thursday, "
                "residents of Dolisie and Pointe-Noire said.")
    assert a and a[0] == "Police Forces of the Republic of Congo"


def test_congolese_soldiers_in_kinshasa_stay_the_democratic_republics():
    a = _actor1("KINSHASA, May 2 - Congolese soldiers attacked a camp of rebels near Bunia on Friday, "
                "killing six.")
    assert a and a[0] == "Military Forces of the Democratic Republic of Congo"


def test_sudanese_soldiers_in_a_south_sudan_story():
    a = _actor1("JUBA, May 2 - Sudanese soldiers opened fire on cattle keepers near Torit on Friday, "
                "killing three herders.")
    assert a and a[0] == "Military Forces of South Sudan"


def test_sudanese_soldiers_in_khartoum_stay_sudans():
    a = _actor1("KHARTOUM, May 2 - Sudanese soldiers opened fire on protesters in Omdurman on Friday, "
                "killing three.")
    assert a and a[0] == "Military Forces of Sudan"


def test_guinean_soldiers_in_equatorial_guinea():
    a = _actor1("MALABO, May 2 - Guinean soldiers beat and detained a group of traders in Bata on "
                "Friday, witnesses said.")
    assert a and a[0] == "Military Forces of Equatorial Guinea"
