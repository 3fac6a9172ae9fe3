"""Where the source speaks ("police in X said", "officials in X told", "told AFP in X", "according to
police in X") is not where the happening was, when the sentence names another place for it (issue
#11).  Hand-made sentences."""
import pytest

from place_reading import places as _places


@pytest.mark.parametrize("text,town", [
    ("In the town of Kindia, troops fired live rounds at a crowd of opposition youths on Monday, killing one, "
     "a doctor told AFP in Conakry.", "Kindia"),
    ("Officials in Maiduguri told reporters on Tuesday that insurgents had stormed Dikwa overnight, killing "
     "nine farmers.", "Dikwa"),
    ("Gunmen shot dead four traders at a market in Gwoza on Sunday, according to police in Maiduguri.", "Gwoza"),
    ("According to a spokesman in Baidoa, al Shabaab fighters raided Burhakaba on Friday and killed three "
     "elders.", "Buurhakaba"),
])
def test_the_sources_place_yields_to_the_happenings(text, town):
    got = _places(text)
    assert got and got[0][0] == town, got


def test_the_sources_place_stays_when_the_sentence_names_no_other():
    # nothing nearer: the source's town is the best the sentence gives
    got = _places("Police in Maiduguri said gunmen shot dead six farmers on Tuesday.")
    assert got and got[0][0] == "Maiduguri", got


def test_a_place_in_the_reported_clause_is_no_source():
    from eventwire.nlp.pipeline import annotate
    from eventwire.article import Article
    from eventwire.nlp.toponyms import _source_place
    doc = annotate(Article(text="Police said gunmen killed six farmers in Dikwa on Tuesday."))
    k = next(t.i for t in doc if t.text == "Dikwa")
    trig = next(t for t in doc if t.text == "killed")
    assert not _source_place(doc, doc[k], trig)
    doc = annotate(Article(text="Gunmen killed six farmers on Tuesday, police in Maiduguri said."))
    k = next(t.i for t in doc if t.text == "Maiduguri")
    trig = next(t for t in doc if t.text == "killed")
    assert _source_place(doc, doc[k], trig)
