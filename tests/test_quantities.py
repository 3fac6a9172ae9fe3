"""eventwire_quantities: numbers, what they count, and how exactly."""
import pytest

from eventwire.nlp.quantities import counts_in, sum_counted, totals


def quants(doc):
    return [(sp.text, sp._.quantity.value, sp._.quantity.counted) for sp in doc.spans["ew_quantities"]]


def q_of(doc, text):
    return next(sp._.quantity for sp in doc.spans["ew_quantities"] if sp.text == text)


@pytest.mark.parametrize("sentence,expected", [
    ("Eight people have been killed and at least 12 others wounded in a bombing, police said.",
     {"killed": 8, "wounded": 12}),
    ("At least 40 were killed and 65 injured when the market was hit.", {"killed": 40, "wounded": 65}),
    ("The blast killed more than 30 people and wounded over 80.", {"killed": 30, "wounded": 80}),
    ("The death toll has climbed to 153, officials said.", {"killed": 153}),
    ("Twelve rebels and three policemen were killed in the fighting.", {"killed": 15}),
    ("Medics evacuated 18 injured soldiers from the front.", {"wounded": 18}),
    ("Police arrested 23 protesters on Sunday.", {"arrested": 23}),
    ("The attack left 11 dead and 20 wounded.", {"killed": 11, "wounded": 20}),
    ("Officials said 42 students and one teacher were kidnapped.", {"abducted": 43}),
    ("The bodies of six fighters killed in the clashes were handed over.", {"killed": 6}),
    ("Nineteen villagers lost their lives in the raid.", {"killed": 19}),
    ("No one was killed in the attack, but two guards were hurt.", {"killed": 0, "wounded": 2}),
])
def test_casualty_counts(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_nouns_counted_and_vague_amounts(annotate):
    doc = annotate("Nearly three dozen trucks and 9 ambulances left the camp, and dozens of houses burned. "
                   "A total of 250 militants were moved in 17 buses.")
    got = quants(doc)
    assert ("Nearly three dozen", 36, "trucks") in got
    assert ("9", 9, "ambulances") in got
    assert ("dozens", 24, "houses") in got
    assert ("17", 17, "buses") in got
    assert any(v == 250 and c == "militants" for _, v, c in got)
    dz = q_of(doc, "dozens")
    assert (dz.low, dz.high, dz.approximate) == (24, 99, True)
    nearly = q_of(doc, "Nearly three dozen")
    assert nearly.high == 36 and nearly.approximate


def test_hedges_set_bounds(annotate):
    doc = annotate("At least 14 soldiers died, and about 300 families and hundreds of residents fled.")
    q = q_of(doc, "At least 14")
    assert (q.value, q.low, q.approximate, q.counted) == (14, 14, True, "killed")
    assert q_of(doc, "about 300").approximate
    h = q_of(doc, "hundreds")
    assert (h.low, h.high) == (200, 999)


def test_not_counted(annotate):
    doc = annotate("The attack happened in 2014 and again on May 3, 2015, at 2 a.m., about 180 km north of "
                   "the capital. About 60 percent of homes cost $40,000. Children between 6 and 14 years old "
                   "and a 55-year-old man were hurt; it was the second attack in two days.")
    values = [sp._.quantity.value for sp in doc.spans["ew_quantities"]]
    for v in (2014, 2015, 3, 2, 180, 60, 40000, 6, 14, 55):
        assert v not in values


def test_counts_in_and_sum(annotate):
    doc = annotate("Troops said 25 insurgents and five soldiers were killed. Separately, 7 people were hurt.")
    first, second = list(doc.sents)
    in_first = counts_in(first)
    assert [sp._.quantity.value for sp in in_first] == [25, 5]
    assert sum_counted(in_first, "killed") == 30
    assert sum_counted(counts_in(second), "killed") is None
    assert totals(counts_in(second)) == {"wounded": 7}


@pytest.mark.parametrize("sentence,expected", [
    ("At least 45 pupils were killed, along with five of their teachers, the spokesman said.", {"killed": 50}),
    ("The group is known for the abduction of more than 200 schoolgirls in 2014.", {"abducted": 200}),
    ("Two weeks ago five guards were murdered when gunmen stormed a hotel.", {"killed": 5}),
    ("Officials said 42 people, including 27 students, were kidnapped.", {"abducted": 42, "students": 27}),
])
def test_more_casualty_shapes(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_more_shapes_and_non_counts(annotate):
    doc = annotate("Ambulances carried 25 IS wounded fighters and a dozen civilians out of the city at 2 a.m. "
                   "near Route 6. The 4th battalion lost 7 men, and some 1.5 million people have fled.")
    got = quants(doc)
    assert ("25", 25, "wounded") in got
    assert ("a dozen", 12, "civilians") in got
    assert ("7", 7, "killed") in got
    assert ("some 1.5 million", 1_500_000, "displaced") in got
    assert not any(v in (2, 4, 6) for _t, v, _c in got)


def test_one_as_a_determiner_is_not_a_count(annotate):
    doc = annotate("On one side of the river, one soldier stood guard; at one point one day later, one child died.")
    got = quants(doc)
    assert ("one", 1, "soldiers") in got
    assert ("one", 1, "killed") in got
    assert not any(c in ("sides", "points", "days") for _t, _v, c in got)


def test_ranges_and_written_numbers(annotate):
    doc = annotate("Twenty-five soldiers and one hundred and twenty civilians were killed. "
                   "Between 10 and 15 people were wounded, while 30-40 others were arrested.")
    assert sum_counted(counts_in(list(doc.sents)[0]), "killed") == 145
    q = q_of(doc, "Between 10 and 15")
    assert (q.value, q.low, q.high, q.counted) == (10, 10, 15, "wounded")
    q = q_of(doc, "30-40")
    assert (q.low, q.high, q.counted) == (30, 40, "arrested")


def test_components_run_in_a_blank_pipeline():
    import spacy

    from eventwire.nlp import actors, attribution, quantities  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    for name in ("eventwire_actors", "eventwire_quantities", "eventwire_attribution"):
        nlp.add_pipe(name)
    doc = nlp("Police said 12 Somali soldiers were killed by al-Shabaab in 2019.")
    assert [sp._.quantity.value for sp in doc.spans["ew_quantities"]] == [12]
    assert "Military Forces of Somalia" in [sp._.actor.name for sp in doc.spans["ew_actors"]]
    assert list(doc.spans["ew_attributions"]) == []  # needs a parser
