"""eventwire_temporal and event_date on hand-made sentences.

Publication date 2017-08-28 is a Monday unless a test says otherwise.
"""
from datetime import date

import pytest

from eventwire.nlp.temporal import annotate_doc, event_date
from eventwire.records import DateRange

D = date


def timexes(doc):
    return {sp.text: sp for sp in doc.spans["ew_timex"]}


def value(doc, text):
    tx = timexes(doc)
    assert text in tx, f"{text!r} not recognized; found {list(tx)}"
    return tx[text]._.timex.value


def day(y, m, d):
    return DateRange(D(y, m, d), D(y, m, d), "day")


def dated(doc, word):
    """event_date of the first token ``word``."""
    tok = next(t for t in doc if t.text == word)
    return event_date(doc, doc[tok.i: tok.i + 1])


# ---------------------------------------------------------------- weekdays and tense


def test_weekday_past_is_on_or_before_publication(annotate):
    doc = annotate("Rebels attacked the village on Sunday and shelled the town on Monday.")
    assert value(doc, "Sunday") == day(2017, 8, 27)
    assert value(doc, "Monday") == day(2017, 8, 28)  # the publication day itself


def test_weekday_future_is_on_or_after_publication(annotate):
    doc = annotate("The two ministers will meet on Thursday in Geneva.")
    assert value(doc, "Thursday") == day(2017, 8, 31)
    doc = annotate("Opposition parties are holding a rally on Friday.")
    assert value(doc, "Friday") == day(2017, 9, 1)


def test_weekday_forms(annotate):
    doc = annotate("Sunday's attack killed four people.")
    assert value(doc, "Sunday") == day(2017, 8, 27)
    doc = annotate("Gunmen opened fire late on Friday near the market.")
    assert value(doc, "late on Friday") == day(2017, 8, 25)
    doc = annotate("The convoy was ambushed last Monday.")
    assert value(doc, "last Monday") == day(2017, 8, 21)
    doc = annotate("Talks are set to resume next Monday.")
    assert value(doc, "next Monday") == day(2017, 9, 4)


def test_weekday_with_time_of_day(annotate):
    doc = annotate("Police said the blast happened on Saturday night.")
    sp = timexes(doc)["Saturday night"]
    assert sp._.timex.value == day(2017, 8, 26)
    assert sp._.timex3 == "2017-08-26TNI"


# ---------------------------------------------------------------- relative spans


def test_day_words(annotate):
    doc = annotate("Two soldiers died yesterday, officials said today, and talks resume tomorrow.")
    assert value(doc, "yesterday") == day(2017, 8, 27)
    assert value(doc, "today") == day(2017, 8, 28)
    assert value(doc, "tomorrow") == day(2017, 8, 29)
    doc = annotate("Heavy clashes were reported overnight and last night in the north.")
    assert value(doc, "overnight") == day(2017, 8, 28)
    assert value(doc, "last night") == day(2017, 8, 27)


def test_last_week_and_earlier_this_month(annotate):
    doc = annotate("The rebels seized the town last week. Earlier this month, the army shelled it.")
    assert value(doc, "last week") == DateRange(D(2017, 8, 21), D(2017, 8, 27), "week")
    v = value(doc, "Earlier this month")
    assert (v.start, v.end, v.precision) == (D(2017, 8, 1), D(2017, 8, 27), "month")


def test_ago(annotate):
    doc = annotate("A car bomb exploded three days ago and a mine went off two weeks ago.")
    assert value(doc, "three days ago") == day(2017, 8, 25)
    v = value(doc, "two weeks ago")
    assert v.precision == "week" and v.start <= D(2017, 8, 14) <= v.end
    doc = annotate("Fourteen days past five people were killed in a raid.")
    assert value(doc, "Fourteen days past") == day(2017, 8, 14)
    doc = annotate("The militia was formed three years ago.")
    assert value(doc, "three years ago") == DateRange(D(2014, 1, 1), D(2014, 12, 31), "year")


def test_past_24_hours_is_a_duration_ending_at_publication(annotate):
    doc = annotate("Twelve people have died in the past 24 hours.")
    sp = timexes(doc)["the past 24 hours"]
    assert sp._.timex.kind == "duration"
    assert sp._.timex.value.end == D(2017, 8, 28)
    assert sp._.timex.value.start == D(2017, 8, 27)


def test_hours_later_is_the_day_of_the_previous_event(annotate):
    doc = annotate("A truck bomb exploded on Saturday in the capital. About two hours later, a second blast "
                   "struck the market.")
    assert dated(doc, "struck") == (day(2017, 8, 26), False)


def test_week_after_x_resolves_x_first(annotate):
    doc = annotate("The army recaptured the town nearly a week after the August 14 offensive began.")
    v = value(doc, "nearly a week")
    assert v.precision == "week"
    assert v.start <= D(2017, 8, 21) and v.end <= D(2017, 8, 21) and v.start >= D(2017, 8, 15)


def test_day_after_x(annotate):
    doc = annotate("Troops arrived a day after the attack on Saturday.")
    assert value(doc, "a day") == day(2017, 8, 27)


def test_the_next_day(annotate):
    doc = annotate("Fighters entered the city on 3 August. The next day they took the airport.")
    assert value(doc, "The next day") == day(2017, 8, 4)


# ---------------------------------------------------------------- explicit dates and year inference


@pytest.mark.parametrize("text,expr", [
    ("The attack took place on Aug. 19, officials said.", "Aug. 19"),
    ("The attack took place on 19 August 2017.", "19 August 2017"),
    ("The attack took place on August 19th.", "August 19th"),
    ("The attack took place on 8/19/2017.", "8/19/2017"),
    ("The attack took place on Saturday, Aug. 19.", "Saturday, Aug. 19"),
    ("The attack took place on 2017-08-19.", "2017-08-19"),
    ("The attack took place on 19.08.2017.", "19.08.2017"),
])
def test_explicit_day_forms(annotate, text, expr):
    doc = annotate(text)
    assert value(doc, expr) == day(2017, 8, 19)


def test_day_range(annotate):
    doc = annotate("Heavy fighting raged on Aug. 19-20 around the airport.")
    assert value(doc, "Aug. 19-20") == DateRange(D(2017, 8, 19), D(2017, 8, 20), "week")


def test_month_day_takes_the_year_of_publication(annotate):
    doc = annotate("On February 15, fighters seized the base.")
    assert value(doc, "February 15") == day(2017, 2, 15)


def test_year_boundary_past(annotate):
    doc = annotate("The bombing on December 28 killed dozens.", published="2018-01-02")
    assert value(doc, "December 28") == day(2017, 12, 28)


def test_year_boundary_future(annotate):
    doc = annotate("The vote will be held on January 5.", published="2017-12-28")
    assert value(doc, "January 5") == day(2018, 1, 5)


def test_months_by_tense(annotate):
    doc = annotate("In October, protests erupted in the capital.")
    assert value(doc, "October") == DateRange(D(2016, 10, 1), D(2016, 10, 31), "month")
    doc = annotate("Elections will be held in October.")
    assert value(doc, "October") == DateRange(D(2017, 10, 1), D(2017, 10, 31), "month")
    doc = annotate("The siege began in October 2017.", published="2018-03-01")
    assert value(doc, "October 2017") == DateRange(D(2017, 10, 1), D(2017, 10, 31), "month")


def test_may_the_verb_is_not_a_month(annotate):
    doc = annotate("Officials said the death toll may rise.")
    assert "may" not in timexes(doc)
    doc = annotate("Clashes broke out in May.")
    assert value(doc, "May") == DateRange(D(2017, 5, 1), D(2017, 5, 31), "month")


def test_years_and_seasons(annotate):
    doc = annotate("The town was captured in 2014 and retaken last summer.")
    assert value(doc, "2014") == DateRange(D(2014, 1, 1), D(2014, 12, 31), "year")
    v = value(doc, "last summer")
    assert (v.start, v.end) == (D(2016, 6, 1), D(2016, 8, 31))


def test_counts_are_not_years(annotate):
    doc = annotate("The floods displaced 2000 people and 1500 soldiers were deployed.")
    assert not [sp for sp in doc.spans["ew_timex"] if sp.text in ("2000", "1500")]


# ---------------------------------------------------------------- event dating


def test_event_takes_the_expression_attached_to_its_trigger_not_the_nearest(annotate):
    # "Monday" is two tokens from "repelled" but belongs to the relative clause.
    doc = annotate("Soldiers who arrived on Monday repelled the attack on Wednesday.", published="2017-08-31")
    assert dated(doc, "repelled") == (day(2017, 8, 30), False)
    assert dated(doc, "arrived") == (day(2017, 8, 28), False)


def test_event_noun_trigger(annotate):
    doc = annotate("Dozens were killed in an airstrike on Thursday.", published="2018-08-10")
    assert dated(doc, "airstrike") == (day(2018, 8, 9), False)
    assert dated(doc, "killed") == (day(2018, 8, 9), False)


def test_background_clause(annotate):
    doc = annotate("The group has been fighting the government since 2013.")
    rng, background = dated(doc, "fighting")
    assert background is True
    assert rng.start == D(2013, 1, 1)
    sp = timexes(doc)["2013"]
    assert sp._.timex.background is True


def test_since_on_a_noun_does_not_make_the_event_background(annotate):
    doc = annotate("A bomb killed 20 people on Friday, the deadliest attack since 2015.")
    assert dated(doc, "killed") == (day(2017, 8, 25), False)


def test_undated_sentence_takes_the_story_day_else_publication(annotate):
    doc = annotate("Gunmen stormed a school on Sunday. Police arrested five men.")
    assert dated(doc, "arrested") == (day(2017, 8, 27), False)
    # Nothing in the article dates it: the day of publication or the day before, not a made-up day.
    doc = annotate("Police arrested five men in the capital.")
    assert dated(doc, "arrested") == (DateRange(D(2017, 8, 27), D(2017, 8, 28), "week"), False)


def test_byline_and_dateline_dates_do_not_date_events(annotate):
    doc = annotate("Gunmen kill six in raid on village\nAugust 28, 2017 - Gunmen killed six villagers on Saturday "
                   "in a raid on a farming community.")
    assert dated(doc, "kill") == (day(2017, 8, 26), False)
    doc = annotate("By a staff reporter\nAugust 28, 2017\nSoldiers repelled an attack on an army base.")
    assert dated(doc, "repelled") == (DateRange(D(2017, 8, 27), D(2017, 8, 28), "week"), False)


def test_hours_later_ignores_dates_after_publication_in_past_clauses(annotate):
    doc = annotate("Officials posted photos. - Aid Group (@aidgroup) August 30, 2017\n"
                   "A second blast struck the port two hours later.")
    rng, _bg = dated(doc, "struck")
    assert rng.end <= D(2017, 8, 28)


# ---------------------------------------------------------------- partial or missing publication date


def test_month_publication_gives_an_honest_range(annotate):
    doc = annotate("A truck bomb exploded on Saturday in the capital.", published="2019-12")
    rng, _bg = dated(doc, "exploded")
    assert rng.precision in ("week", "month")
    assert rng.start >= D(2019, 11, 30) and rng.end <= D(2019, 12, 31)
    assert rng.start != rng.end


def test_month_publication_without_expression(annotate):
    doc = annotate("A truck bomb exploded in the capital.", published="2019-12")
    assert dated(doc, "exploded") == (DateRange(D(2019, 12, 1), D(2019, 12, 31), "month"), False)


def test_no_publication_date(annotate):
    doc = annotate("A truck bomb exploded on Saturday in the capital.", published=None)
    assert dated(doc, "exploded") == (DateRange.unknown(), False)
    doc = annotate("The town was captured in 2014.", published=None)
    assert value(doc, "2014") == DateRange(D(2014, 1, 1), D(2014, 12, 31), "year")
    assert dated(doc, "captured")[0] == DateRange(D(2014, 1, 1), D(2014, 12, 31), "year")
    doc = annotate("The bombing in October 2017 killed hundreds.", published=None)
    assert value(doc, "October 2017").precision == "month"


# ---------------------------------------------------------------- tense cues


def test_scheduled_and_planned_are_future(annotate):
    doc = annotate("The summit is scheduled for Aug. 30.", published="2017-09-01")
    assert value(doc, "Aug. 30") == day(2017, 8, 30)  # within the slack: not next year
    doc = annotate("The government plans to hold elections in March.")
    assert value(doc, "March") == DateRange(D(2018, 3, 1), D(2018, 3, 31), "month")
    doc = annotate("The match was postponed until Saturday.")
    assert value(doc, "Saturday") == day(2017, 9, 2)
    doc = annotate("The talks were moved to Friday.")
    assert value(doc, "Friday") == day(2017, 9, 1)


def test_set_fire_to_is_a_past_deed_not_a_date_set(annotate):
    # "set ... to" puts off a date only when the day is what it is set to; "set fire to the
    # barns on Sunday" is a burning told in the past (published Monday 2017-08-28).
    doc = annotate("Soldiers set fire to the barns of the hamlet on Sunday.")
    assert value(doc, "Sunday") == day(2017, 8, 27)
    doc = annotate("Raiders set fire to two shops in the market on Saturday after looting them.")
    assert value(doc, "Saturday") == day(2017, 8, 26)


# ---------------------------------------------------------------- component properties


def test_timex3_values_and_kinds(annotate):
    doc = annotate("The ceasefire lasted three days. Aid is delivered every week.")
    tx = timexes(doc)
    assert tx["three days"]._.timex3 == "P3D" and tx["three days"]._.timex.kind == "duration"
    assert tx["every week"]._.timex.kind == "set"


def test_component_is_fast_and_deterministic(annotate):
    import time

    text = ("Gunmen attacked a village on Sunday, killing 12 people, officials said on Monday. "
            "The attack came two days after clashes in the north. Last week, troops retook the town, "
            "which rebels had held since 2014. Elections will be held in October. ") * 8
    doc = annotate(text)
    first = [(s.start_char, s.end_char, s._.timex3) for s in doc.spans["ew_timex"]]
    # CPU time of this process, best of five: wall time measured the other jobs sharing the
    # 2 cores (it failed at 37-56 ms under load; about 7 ms of CPU on an idle machine)
    runs = []
    for _ in range(5):
        t0 = time.process_time()
        annotate_doc(doc)
        runs.append(time.process_time() - t0)
    ms = min(runs) * 1000
    assert [(s.start_char, s.end_char, s._.timex3) for s in doc.spans["ew_timex"]] == first
    assert ms < 30, f"{ms:.1f} ms per article"


def test_x_of_after_is_dated_from_the_main_clause(annotate):
    # "A came nearly a week after X": X is about a week before A.
    doc = annotate("The convoy left on Monday. The withdrawal comes nearly a week after the army launched "
                   "an offensive in the hills.")
    rng, bg = dated(doc, "launched")
    assert not bg and rng.precision == "week"
    assert D(2017, 8, 21) <= rng.start and rng.end <= D(2017, 8, 24)
    assert dated(doc, "comes")[0] == day(2017, 8, 28)


def test_shortly_afterward_is_the_day_of_the_previous_event(annotate):
    doc = annotate("Fighters left on Monday. On Sunday, both sides declared a truce. Shortly afterward, "
                   "the bodies of three hostages were found.")
    assert dated(doc, "found") == (day(2017, 8, 27), False)


def test_conjoined_days_give_their_range(annotate):
    doc = annotate("Troops killed ten militants in fighting on Saturday and Sunday, the army said.")
    assert dated(doc, "fighting") == (DateRange(D(2017, 8, 26), D(2017, 8, 27), "week"), False)


def test_page_header_date_with_weekday_abbreviation_is_a_dateline(annotate):
    doc = annotate("Mon Aug 28, 2017\nGunmen seize 12 traders on highway\n\nGunmen seized twelve traders "
                   "on a highway late on Sunday, police said.")
    tx = timexes(doc)
    assert tx["Mon Aug 28, 2017"]._.timex_ref is True
    assert dated(doc, "seize")[0] == day(2017, 8, 27)


def test_habits_and_long_stretches_are_background(annotate):
    doc = annotate("Protesters gather every Friday in the main square.")
    assert dated(doc, "gather")[1] is True
    doc = annotate("Over the past decade, the militia has killed hundreds of villagers.")
    assert dated(doc, "killed")[1] is True
    doc = annotate("The rebels have controlled the area for years.")
    assert dated(doc, "controlled")[1] is True


def test_recent_stretch_dates_the_event(annotate):
    doc = annotate("Six people were killed in clashes in the past three days.")
    assert dated(doc, "killed") == (DateRange(D(2017, 8, 25), D(2017, 8, 28), "week"), False)


def test_quarters_in_business_news(annotate):
    doc = annotate("The company reported a third-quarter loss, compared with a profit a year earlier.",
                   published="2017-10-30")
    tx = timexes(doc)
    assert tx["third-quarter"]._.timex3 == "2017-Q3"
    assert tx["a year earlier"]._.timex3 == "2016-Q3"


def test_modal_and_deadline_cues(annotate):
    # published on a Thursday
    doc = annotate("Relatives could not be located Wednesday in their home town.", published="2017-08-31")
    assert value(doc, "Wednesday") == day(2017, 8, 30)
    doc = annotate("The court has given the family until Tuesday to respond.", published="2017-08-31")
    assert value(doc, "Tuesday") == day(2017, 9, 5)


def test_later_that_year_refers_to_the_year_mentioned_before(annotate):
    doc = annotate("He fled the country in June 2009 and returned later that year.", published="2017-08-28")
    assert value(doc, "later that year").start.year == 2009


def test_verbless_lines_terminate(annotate):
    # a date that is its own sentence root (a byline) must not trap the head-climbing loops
    doc = annotate("October 15, 2017\n\nLate Friday\n\nGunmen attacked a village on Saturday.")
    for tok in doc:
        rng, _bg = event_date(doc, doc[tok.i: tok.i + 1])
        assert rng.precision in ("day", "week", "month", "year", "unknown")


def test_reaction_verb_time_is_not_the_event_time(annotate, nlp):
    from datetime import date

    from eventwire.nlp.temporal import event_date

    doc = annotate("The minister condemned on Friday the bombing of the market, which killed 12 people on Wednesday.", published="2019-03-08")
    trig = next(t for t in doc if t.lemma_ == "bombing")
    rng, _bg = event_date(doc, trig)
    assert rng.start != date(2019, 3, 8)


def test_a_date_of_another_event_in_the_sentence_is_not_borrowed(annotate):
    from datetime import date

    from eventwire.nlp.temporal import event_date

    doc = annotate("The release of the prisoners is part of a deal to settle the fate of hostages who were kidnapped by the rebels in 2015.",
                   published="2019-06-10")
    trig = next(t for t in doc if t.lemma_ == "release")
    rng, _bg = event_date(doc, trig)
    assert rng.start is None or rng.start.year == 2019


def test_weekday_on_an_event_noun_under_a_progressive_is_past(annotate):
    from datetime import date

    from eventwire.nlp.temporal import event_date

    # Published on a Monday: "Saturday" is two days before, not five days ahead.
    doc = annotate("A teenager is recovering after an accidental shooting Saturday, police said.", published="2015-10-26")
    trig = next(t for t in doc if t.lower_ == "shooting")
    rng, _bg = event_date(doc, trig)
    assert rng.start == date(2015, 10, 24)
    doc2 = annotate("The leaders are meeting on Thursday to discuss the truce.", published="2015-10-26")
    values = [sp._.timex.value.start for sp in doc2.spans["ew_timex"]]
    assert date(2015, 10, 29) in values


def test_address_block_number_is_not_a_year(annotate):
    doc = annotate("A boy was shot in the 1900 block of West Main Street on Friday night.", published="2016-05-14")
    assert not any(sp._.timex.value.precision == "year" for sp in doc.spans["ew_timex"])


# ---------------------------------------------------------------- report and aftermath times


def test_reporting_verb_time_is_not_the_event_time(annotate):
    # Published on a Tuesday; the report came Monday, the happening Sunday night.
    doc = annotate("Officials said Monday that a fisherman was stabbed Sunday night near the harbour.",
                   published="2018-05-15")
    assert dated(doc, "stabbed")[0] == day(2018, 5, 13)
    # Only the report is dated: the happening came that day or the day before, not a made-up day.
    doc = annotate("A fisherman was stabbed near the harbour, officials said Monday.", published="2018-05-15")
    assert dated(doc, "stabbed")[0] == DateRange(D(2018, 5, 13), D(2018, 5, 14), "week")


def test_aftermath_time_is_not_the_event_time(annotate):
    doc = annotate("A farmer was charged with murder on Thursday after the killing of his neighbour.",
                   published="2019-02-08")
    assert dated(doc, "murder")[0] != day(2019, 2, 7)
    doc = annotate("The victim of the stabbing was identified Wednesday as a local teacher.", published="2019-02-08")
    assert dated(doc, "stabbing")[0] != day(2019, 2, 6)


def test_story_day_skips_report_and_aftermath_dates(annotate):
    # The first dated sentence is the report; the happening's day comes later in the story.
    doc = annotate("A pharmacist was charged Friday with attempted murder, police said.\n\n"
                   "Just after 10 p.m. Wednesday, officers found a customer bleeding in the store.\n\n"
                   "The customer had been stabbed twice.", published="2019-02-09")
    assert dated(doc, "stabbed")[0] == day(2019, 2, 6)


def test_date_fronted_in_a_reported_clause_is_the_happening(annotate):
    doc = annotate("The mayor says around 11 p.m. on Saturday, a crowd set fire to two buses.",
                   published="2019-02-11")
    assert dated(doc, "fire")[0] == day(2019, 2, 9)


def test_date_before_a_comma_and_the_reporting_verb_is_the_happening(annotate):
    doc = annotate("Two guards were wounded in a raid on the depot shortly before dawn Sunday, a spokesman said.",
                   published="2019-02-11")
    assert dated(doc, "raid")[0] == day(2019, 2, 10)


def test_passive_report_is_the_time_of_the_happening(annotate):
    doc = annotate("The explosion was reported at 4 a.m. Tuesday near the market.", published="2019-02-13")
    assert dated(doc, "explosion")[0] == day(2019, 2, 12)


def test_page_update_line_and_bracketed_date_are_datelines(annotate):
    doc = annotate("Updated: Tuesday, March 5, 2019 @ 9:10 AM\n\nA bakery was robbed Saturday evening.",
                   published="2019-03-05")
    assert timexes(doc)["Tuesday, March 5, 2019"]._.timex_ref is True
    doc = annotate("(03/05/19) - A bakery owner was shot and wounded, police say.", published="2019-03-05")
    assert timexes(doc)["03/05/19"]._.timex_ref is True


def test_abbreviated_weekday_ending_a_name_is_no_date(annotate):
    doc = annotate("He told The Chicago Sun. that the raid went wrong.", published="2019-03-05")
    assert "Sun." not in timexes(doc)
    doc = annotate("The market reopens Sat. after the storm.", published="2019-03-05")
    assert "Sat." in timexes(doc)


def test_charged_in_a_shooting_dated_inside_its_noun_phrase(annotate):
    # "Saturday night" modifies the shooting, not the charging, though the parser hangs it low.
    doc = annotate("Police have charged a man in connection with the fatal shooting of a teenager Saturday night.",
                   published="2019-02-11")
    assert dated(doc, "shooting")[0] == day(2019, 2, 9)
    doc = annotate("Prosecutors charged a woman in connection with Monday night's stabbing of her cousin.",
                   published="2019-02-13")
    assert dated(doc, "stabbing")[0] == day(2019, 2, 11)


def test_court_appearance_does_not_date_the_shooting(annotate):
    doc = annotate("A man appeared in court Tuesday morning to answer charges over the shooting of his nephew.",
                   published="2019-02-13")
    assert dated(doc, "shooting")[0] != day(2019, 2, 12)


def test_report_occasion_noun_dates_the_report(annotate):
    doc = annotate("The general said during a news conference Thursday afternoon that the gunman acted alone.\n\n"
                   "The shooting began late Wednesday at the base.", published="2019-02-15")
    assert dated(doc, "acted")[0] != day(2019, 2, 14)


def test_calendar_date_of_a_happening_told_in_the_past_is_past(annotate):
    # Published on 30 September: "the Oct. 13 shooting" led to things already, so it is last year's.
    doc = annotate("The Oct. 13 shooting led to a string of reprisals.", published="2016-09-30")
    assert value(doc, "Oct. 13") == day(2015, 10, 13)
    # A plain noun keeps the nearest reading.
    doc = annotate("Shareholders received a dividend payable Oct. 13.", published="2016-09-30")
    assert value(doc, "Oct. 13") == day(2016, 10, 13)


def test_story_day_prefers_a_date_of_the_happening_to_a_holiday_occasion(annotate):
    doc = annotate("A Halloween party ended in gunfire.\n\nThe shooting happened around 2 a.m. on Sunday.\n\n"
                   "Five people were wounded.", published="2016-10-31")
    assert dated(doc, "wounded")[0] == day(2016, 10, 30)


def test_datelines_with_a_time_or_in_brackets_are_the_reports(annotate):
    doc = annotate("March 4, 2019 10:02 AM\n\nA guard was shot Sunday night.", published="2019-03-04")
    tx = timexes(doc)
    assert tx["March 4, 2019"]._.timex_ref is True
    assert tx["10:02 AM"]._.timex_ref is True and tx["10:02 AM"]._.timex3 == "2019-03-04T10:02"
    doc = annotate("SPRINGFIELD, Ill. (March 4, 2019)— A guard was shot by a colleague.", published="2019-03-04")
    assert timexes(doc)["March 4, 2019"]._.timex_ref is True
    doc = annotate("Update, 9:15 a.m., March 4:\n\nTwo guards were hurt.\n\nOriginal story, 1:05 a.m., March 3:\n\n"
                   "Shots were fired at the prison late Saturday.", published="2019-03-04")
    tx = timexes(doc)
    assert tx["March 4"]._.timex_ref is True and tx["9:15 a.m."]._.timex_ref is True
    assert dated(doc, "hurt")[0] == day(2019, 3, 2)
    # a bracketed date inside a sentence is no dateline
    doc = annotate("Police said the raid (on March 1) was planned for weeks.", published="2019-03-04")
    assert timexes(doc)["March 1"]._.timex_ref is False


def test_bare_daytime_clock_in_a_story_without_days_is_the_publication_day(annotate):
    doc = annotate("At 3:40 p.m., firefighters found a man who had been stabbed in a stairwell.", published="2019-03-06")
    assert dated(doc, "stabbed")[0] == day(2019, 3, 6)
    # late evening may be the night before a morning edition: the two days stay open
    doc = annotate("At 10:40 p.m., firefighters found a man who had been stabbed in a stairwell.", published="2019-03-06")
    assert dated(doc, "stabbed")[0] == DateRange(D(2019, 3, 5), D(2019, 3, 6), "week")
    # a day named elsewhere in the story still dates the clock
    doc = annotate("A man was stabbed in a stairwell late Monday.\n\nFirefighters arrived at 3:40 p.m.",
                   published="2019-03-06")
    assert value(doc, "3:40 p.m.") == day(2019, 3, 4)


def test_period_narrowed_to_the_day_the_story_tells(annotate):
    doc = annotate("A woman was wounded during a robbery last month.\n\n"
                   "Two masked men robbed the jewellery store on March 6 and shot the owner.", published="2019-04-12")
    assert dated(doc, "wounded")[0] == day(2019, 3, 6)
    # two days told within the month: which one is unknown, the month stays
    doc = annotate("A woman was wounded during a robbery last month.\n\n"
                   "Two men robbed a store on March 6 and shot the owner. Another shopkeeper was shot on March 20.",
                   published="2019-04-12")
    assert dated(doc, "wounded")[0].precision == "month"


def test_follow_up_story_dates_undated_mentions_by_the_day_it_follows_up(annotate):
    doc = annotate("A man pleaded guilty Tuesday to a shooting that killed a girl.\n\n"
                   "The girl was shot in the head on July 18 while she played outside.\n\n"
                   "He said he did not know he had hit anyone.", published="2017-02-14")
    assert dated(doc, "hit")[0] == day(2016, 7, 18)


def test_a_date_after_the_reported_clause_is_the_clauses(annotate):
    doc = annotate("The suspect told detectives he fired at the car on Sunday.", published="2019-04-12")
    assert dated(doc, "fired")[0] == day(2019, 4, 7)


def test_surrender_and_report_occasion_are_aftermath(annotate):
    doc = annotate("A man wanted in a quadruple shooting turned himself in to police Wednesday, officials said.\n\n"
                   "The shooting happened Monday afternoon at a birthday party.", published="2015-06-17")
    assert dated(doc, "shooting")[0] == day(2015, 6, 15)
    doc = annotate("In a Facebook post on Monday, his sister said he had been shot.", published="2015-06-17")
    assert dated(doc, "shot")[0] == DateRange(D(2015, 6, 14), D(2015, 6, 15), "week")


def test_noun_trigger_under_a_passive_report_keeps_its_date(annotate):
    doc = annotate("The stabbing was reported near the station on Tuesday afternoon.", published="2015-06-17")
    assert dated(doc, "stabbing")[0] == day(2015, 6, 16)


def test_bracketed_published_stamp_is_a_dateline(annotate):
    doc = annotate("Two men were hurt in a brawl, officials said. (Published Wednesday, June 17, 2015)",
                   published="2015-06-17")
    assert timexes(doc)["Wednesday, June 17, 2015"]._.timex_ref is True


def test_court_and_reported_aftermath_dates_are_not_the_happening(annotate):
    doc = annotate("A judge on Thursday accepted a guilty plea from a man whose son was shot.", published="2015-03-23")
    assert dated(doc, "shot")[0] != day(2015, 3, 19)
    doc = annotate("Officials said the boy was arrested March 20.\n\nA teen had been shot dead at his home.",
                   published="2015-03-23")
    assert dated(doc, "shot")[0] != day(2015, 3, 20)


def test_date_inside_a_noun_triggers_phrase_beats_the_report_occasion(annotate):
    doc = annotate("Police held a news conference Tuesday on Friday's deadly shooting at the casino.",
                   published="2016-01-26")
    assert dated(doc, "shooting")[0] == day(2016, 1, 22)


def test_story_day_skips_times_counted_from_a_report(annotate):
    # "20 minutes later" counts from the charging; "earlier this evening" is the publication's
    doc = annotate("A man was charged late Tuesday night with murder.\n\nA witness got a call 20 minutes later.\n\n"
                   "The victim had been shot in the chest.", published="2016-08-03")
    assert dated(doc, "shot")[0] != day(2016, 8, 2)
    doc = annotate("November 29, 2014 10:10 PM\n\nIt happened earlier this evening.\n\nA child shot his brother.",
                   published="2014-11-29")
    assert dated(doc, "shot")[0] == day(2014, 11, 29)


def test_weekday_before_a_page_stamp_date_is_the_stamps(annotate):
    doc = annotate("Published: Sunday, 2/22/2015 - Updated: 9 months ago\n\nA girl was shot Saturday afternoon.",
                   published="2015-02-22")
    tx = timexes(doc)
    assert tx["Sunday"]._.timex_ref is True and tx["2/22/2015"]._.timex_ref is True


def test_weekday_under_an_ongoing_investigation_is_past(annotate):
    # Published on a Monday: what police are investigating happened on the Saturday before.
    doc = annotate("Police are investigating a string of robberies Saturday in the west end.", published="2016-09-19")
    assert value(doc, "Saturday") == day(2016, 9, 17)
    doc = annotate("The two leaders are meeting Saturday in Geneva.", published="2016-09-19")
    assert value(doc, "Saturday") == day(2016, 9, 24)


def test_a_past_happening_is_not_dated_after_publication(annotate):
    # Published the day before Halloween: the party was before it.
    doc = annotate("Four people were shot during a Halloween party.", published="2016-10-30")
    assert dated(doc, "shot")[0].end <= D(2016, 10, 30)


def test_headline_with_posted_and_updated_stamps(annotate):
    doc = annotate("Boy dies in accidental shooting Posted: Wednesday, March 12, 2014 8:04 AM EST "
                   "Updated: Wednesday, March 12, 2014 5:25 PM EST\n\nA boy died after an accidental shooting "
                   "Tuesday night.", published="2014-03-12")
    assert all(sp._.timex_ref for sp in doc.spans["ew_timex"] if "2014" in sp.text)
    assert dated(doc, "shooting")[0] == day(2014, 3, 11)


def test_first_court_appearance_is_aftermath(annotate):
    doc = annotate("A man whose son accidentally shot his brother made his first court appearance Wednesday.\n\n"
                   "The shooting happened around 5:20 p.m. Monday.", published="2015-03-12")
    assert dated(doc, "shot")[0] == day(2015, 3, 9)


def test_a_relative_clause_about_a_speaker_does_not_date_the_happening(annotate):
    # "who took office last month" dates a named person's taking office, not the attack he condemned
    doc = annotate("Rebels attacked an army post near the river on Saturday.\n\n"
                   "Governor Amos Keter, who took office last month, condemned the attack in a statement.")
    assert dated(doc, "attack")[0].precision == "day"
    # a relative clause that holds the trigger still dates it
    doc = annotate("Villagers described the raid, which happened last month, to reporters.")
    assert dated(doc, "happened")[0] == DateRange(D(2017, 7, 1), D(2017, 7, 31), "month")


@pytest.mark.parametrize("text", [
    # a group's background, told in a relative clause about its name, is no day of the happening
    "Soldiers abducted four farmers near the village on Friday. Among those abducted from their fields was a "
    "teacher, said the Farmers Alliance, which Maria Lopez founded in 1998.",
    "Security agents detained eleven activists in the city of Gomel on Thursday. Among those detained in the dawn "
    "raids were two students and a priest, said Vyasna, whose founder won the Nobel Peace Prize in 2022.",
    "Police arrested nine opposition members in the northern town on Monday. Those arrested in the raids included "
    "a lawyer, according to the Civic Union, which won the presidential election in 2019.",
    "Troops seized twelve fishermen off the coast on Sunday. The men taken away by the troops were members of "
    "Kivu Peche, which the European Union has funded since 2015, the cooperative said.",
])
def test_a_relative_clause_about_a_named_group_does_not_date_the_happening(annotate, text):
    doc = annotate(text)
    ms = doc._.mentions
    assert len(ms) >= 2, [m.trigger for m in ms]
    assert all(m.date.known and m.date.start.year == 2017 for m in ms), [(m.trigger, m.date) for m in ms]


def test_a_relative_clause_that_tells_the_happening_at_a_named_place_still_dates_it(annotate):
    # the clause about the name is itself the happening: its day stays
    doc = annotate("Residents fled Kalemie, which rebels shelled on Tuesday.")
    assert dated(doc, "shelled")[0] == day(2017, 8, 22)
