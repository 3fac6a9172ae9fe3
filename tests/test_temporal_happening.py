"""The happening's date, not the report's: hand-made sentences (issue #11).

2017-08-29 is a Tuesday, 2017-09-01 a Friday.
"""
from datetime import date

from eventwire.nlp.temporal import event_date
from eventwire.records import DateRange


def timexes(doc):
    return {sp.text: sp for sp in doc.spans["ew_timex"]}


def value(doc, text):
    tx = timexes(doc)
    assert text in tx, f"{text!r} not recognized; found {list(tx)}"
    return tx[text]._.timex.value


def day(y, m, d):
    return DateRange(date(y, m, d), date(y, m, d), "day")


def dated(doc, word, nth=0):
    tok = [t for t in doc if t.text == word][nth]
    return event_date(doc, doc[tok.i: tok.i + 1])[0]


def _parsed(vocab, words, heads, deps, tags, pos, lemmas):
    from spacy.tokens import Doc

    return Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def test_a_day_parsed_inside_set_fire_to_is_the_deeds_not_a_postponement(nlp, annotate):
    from eventwire.nlp.temporal import FUTURE, PAST, clause_tense

    # the parser sometimes hangs the day on the last thing burnt: "set fire to [cars and a home
    # late Monday]"; the day is still the deed's, not where something was put off to
    doc = _parsed(nlp.vocab, ["Settlers", "set", "fire", "to", "cars", "and", "a", "home", "late", "Monday"],
                  [1, 1, 1, 1, 3, 4, 7, 4, 9, 7],
                  ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "det", "conj", "amod", "npadvmod"],
                  ["NNS", "VBD", "NN", "IN", "NNS", "CC", "DT", "NN", "JJ", "NNP"],
                  ["NOUN", "VERB", "NOUN", "ADP", "NOUN", "CCONJ", "DET", "NOUN", "ADJ", "PROPN"],
                  ["settler", "set", "fire", "to", "car", "and", "a", "home", "late", "Monday"])
    assert clause_tense(doc[9]) == PAST
    doc = _parsed(nlp.vocab, ["They", "moved", "the", "hearing", "to", "Monday"], [1, 1, 3, 1, 1, 4],
                  ["nsubj", "ROOT", "det", "dobj", "prep", "pobj"], ["PRP", "VBD", "DT", "NN", "IN", "NNP"],
                  ["PRON", "VERB", "DET", "NOUN", "ADP", "PROPN"], ["they", "move", "the", "hearing", "to", "Monday"])
    assert clause_tense(doc[5]) == FUTURE
    # a day that is what "until" takes stays the day the thing was put off to
    doc = annotate("The court postponed the hearing until Monday.", published="2017-08-29")
    assert value(doc, "Monday") == day(2017, 9, 4)


def test_late_and_early_last_week(annotate):
    doc = annotate("Gunmen robbed a bus on the highway late last week, drivers said.", published="2017-08-29")
    assert value(doc, "late last week") == DateRange(date(2017, 8, 25), date(2017, 8, 27), "week")
    doc = annotate("Gunmen robbed a bus on the highway early last week, drivers said.", published="2017-08-29")
    assert value(doc, "early last week") == DateRange(date(2017, 8, 21), date(2017, 8, 23), "week")
    # a month's thirds are unchanged
    doc = annotate("Rebels shelled the port in late June, officials said.", published="2017-08-29")
    assert value(doc, "late June") == DateRange(date(2017, 6, 21), date(2017, 6, 30), "week")


def test_a_part_of_a_period_is_not_narrowed_to_another_happenings_day(annotate):
    doc = annotate("Fighters looted shops in a village late last week, residents said.\n\n"
                   "On Sunday, the fighters set up a camp in an empty school.", published="2017-08-29")
    rng = dated(doc, "looted")
    assert rng.precision == "week" and rng.start == date(2017, 8, 25)
    assert dated(doc, "set") == day(2017, 8, 27)


def test_overnight_takes_the_day_its_sentence_names(annotate):
    doc = annotate("Police detained nine men in overnight raids in the capital on Thursday, a spokesman said.",
                   published="2017-09-01")
    assert value(doc, "overnight") == day(2017, 8, 31)
    assert dated(doc, "detained") == day(2017, 8, 31)
    # alone, it is still the night before the report
    doc = annotate("Police detained nine men in overnight raids in the capital, a spokesman said.",
                   published="2017-09-01")
    assert value(doc, "overnight") == day(2017, 9, 1)


def test_a_denial_dates_the_denial_not_the_happening(annotate):
    doc = annotate("The army denied Tuesday that rebels burned a coffee farm.\n\n"
                   "Farm workers said the sheds burned on Sunday.", published="2017-08-30")
    assert dated(doc, "burned") == day(2017, 8, 27)


def test_the_day_a_source_was_reached_is_the_reports(annotate):
    # 2017-09-01 is a Friday: the source was reached on Friday, the ambush was on Tuesday
    doc = annotate("TOWNVILLE - Eleven soldiers were killed in an ambush near the river crossing, according to "
                   "an officer reached by our reporter on Friday.\n\n"
                   "The convoy was hit on Tuesday afternoon, the officer said.", published="2017-09-01")
    assert dated(doc, "killed") != day(2017, 9, 1)
    doc = annotate("Gunmen torched a clinic in the valley, a nurse contacted by phone on Thursday said.",
                   published="2017-09-01")
    assert dated(doc, "torched") != day(2017, 8, 31)
    # reaching a place is a deed: its day is the happening's
    doc = annotate("The rebels reached the town on Wednesday and looted the market.", published="2017-09-01")
    assert dated(doc, "looted") == day(2017, 8, 30)
