"""A name that qualifies a kin or armed group ("the Hamar clan", "Afar militiamen") names the group,
not a place (issue #11).  Hand-made sentences."""
import pytest

from eventwire.nlp import toponyms
from eventwire.nlp.pipeline import annotate
from eventwire.article import Article
from place_reading import places as _places


def _mention_names(text):
    doc = annotate(Article(text=text))
    return [(m[2], m[4].country if m[4] else None) for m in toponyms._mentions(doc) if m[4] is not None]


@pytest.mark.parametrize("text", [
    "Fighters of the Hamar clan attacked a police post outside Beledweyne on Sunday, killing three officers.",
    "Hamar clansmen clashed with rival gunmen near Beledweyne overnight, leaving four dead, elders said.",
    "Two people were killed near Beledweyne when a Hamar militia raided a cattle market on Friday.",
    "Beledweyne police said on Monday that members of the Hamar tribe had ambushed a convoy, killing two.",
])
def test_a_clan_named_like_a_foreign_town_is_no_place(text):
    # Hamar is also a Norwegian town; here it names the group, and the event stays in Somalia
    names = _mention_names(text)
    assert all(cc != "NO" for _, cc in names), names
    ps = _places(text)
    assert ps and all(cc == "SO" for _, cc, _ in ps), ps


def test_a_region_named_group_is_not_read_as_the_region():
    names = _mention_names("Afar militiamen attacked Issa herders near Gewane on Tuesday, killing six, "
                           "local officials said.")
    assert ("Afar", "ET") not in names, names


def test_a_place_followed_by_other_nouns_stays_a_place():
    # the guard is the group noun itself: "Hamar police", "Hamar residents" leave the name alone
    names = _mention_names("Gunmen shot dead two men in Hamar on Saturday, Hamar police said.")
    assert ("Hamar", "NO") in names, names
