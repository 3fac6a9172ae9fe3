"""Where victims are treated, recover or are buried ("while four others are recovering in X", "the
bodies were buried in X", "remain in hospital in X") is not where the happening was (issue #11).
Hand-made sentences."""
import pytest

from place_reading import places as _places


@pytest.mark.parametrize("text,town,elsewhere", [
    # a coordinate while-clause with its own subject
    ("HUANCAYO - Rebels ambushed an army patrol near Satipo on Sunday. Two soldiers died in the ambush, "
     "while three others are being treated in Lima.", "Satipo", "Lima"),
    # an and-clause, active verb of recovery, the source's verb after it
    ("KANO - Bandits stormed a village near Gusau on Monday. Six villagers were killed in the raid and four "
     "more are recovering in Kaduna, a police spokesman said.", "Gusau", "Kaduna"),
    # a state verb with a care noun beside the place, after a semicolon
    ("QUETTA - A roadside bomb struck a police van outside Turbat on Tuesday. Three policemen lost their "
     "lives in the blast; two injured constables remain in hospital in Karachi.", "Quetta", "Karachi"),
    # passive burial, the trigger inside the subject
    ("KANO - Gunmen attacked a police post near Gusau on Friday. The bodies of the two officers killed in "
     "the assault were buried in Sokoto on Saturday.", "Gusau", "Sokoto"),
])
def test_the_victims_aftermath_is_not_the_happenings_place(text, town, elsewhere):
    got = _places(text)
    names = [g[0] for g in got]
    assert town in names and elsewhere not in names, got


@pytest.mark.parametrize("text,town", [
    # the care noun is the trigger's own object: the happening is there
    ("Gunmen attacked a hospital in Kunduz on Monday, killing three nurses.", "Kunduz"),
    # where people were evacuated from is where they were
    ("Residents were evacuated from Gwoza after militants shelled the town on Sunday.", "Gwoza"),
])
def test_a_care_place_on_the_triggers_own_branch_stays(text, town):
    got = _places(text)
    assert got and got[0][0] == town, got


def test_the_aftermath_reading_by_the_parse():
    from eventwire.article import Article
    from eventwire.nlp.pipeline import annotate
    from eventwire.nlp.toponyms import _aftermath_place
    doc = annotate(Article(text="Two soldiers died in the ambush, while three others are being treated in Lima."))
    k = next(t.i for t in doc if t.text == "Lima")
    trig = next(t for t in doc if t.text == "died")
    assert _aftermath_place(doc, doc[k], trig)
    doc = annotate(Article(text="Two soldiers died in an ambush in Lima while three others were wounded."))
    k = next(t.i for t in doc if t.text == "Lima")
    trig = next(t for t in doc if t.text == "died")
    assert not _aftermath_place(doc, doc[k], trig)


def test_forces_operating_somewhere_are_no_aftermath():
    got = _places("Troops operating in Kidal killed five militants on Sunday.")
    assert got and got[0][0] == "Kidal", got
