"""Merge: one event per happening, within an article and across articles (hand-made mentions)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from eventwire.merge import (
    Profile,
    block_keys,
    build_event,
    event_id_for,
    merge_across,
    merge_into,
    merge_mentions,
)
from eventwire.records import Actor, DateRange, EventMention, Place, Source

TOWN_A = Place("Harbortown", "KE", -1.00, 37.00, precision="town")
TOWN_A_NEAR = Place("Harbortown East", "KE", -1.10, 37.15, precision="town")  # ~20 km
TOWN_FAR = Place("Hilltown", "KE", 0.50, 36.00, precision="town")  # ~200 km
TOWN_OTHER_COUNTRY = Place("Border Post", "UG", -1.00, 37.05, precision="town")
REGION = Place("Coast Province", "KE", -1.5, 38.0, admin1="Coast", precision="region")
COUNTRY = Place("Kenya", "KE", 0.0, 38.0, precision="country")

_span = [0]


def day(d: str) -> DateRange:
    x = date.fromisoformat(d)
    return DateRange(x, x, "day")


def week(d: str) -> DateRange:
    x = date.fromisoformat(d)
    return DateRange(x, x + timedelta(days=6), "week")


def m(
    article="art1",
    sub="Armed clash",
    et="Battles",
    when="2022-03-05",
    place=TOWN_A,
    actor1=None,
    actor2=None,
    sentence="Fighters clashed with soldiers near the market.",
    fatalities=None,
    counts=None,
    published="2022-03-06",
    date_range=None,
) -> EventMention:
    _span[0] += 100
    return EventMention(
        event_type=et,
        sub_event_type=sub,
        date=date_range or (day(when) if when else DateRange.unknown()),
        source=Source(article_id=article, sentence=sentence, span=(_span[0], _span[0] + len(sentence)), published=published),
        actor1=Actor(actor1, "rebel group") if actor1 else None,
        actor2=Actor(actor2, "state forces") if actor2 else None,
        location=place,
        fatalities=fatalities,
        counts=counts or {},
    )


# --------------------------------------------------------------------------- within an article


def test_one_happening_in_several_sentences_is_one_event():
    ms = [
        m(sentence="Gunmen stormed a school in Harbortown on Saturday.", sub="Abduction/forced disappearance", et="Violence against civilians"),
        m(sentence="They took 42 pupils and teachers.", sub="Abduction/forced disappearance", et="Violence against civilians", counts={"abducted": 42}),
        m(sentence="One student was shot dead during the raid.", sub="Attack", et="Violence against civilians", fatalities=1, place=None),
    ]
    evs = merge_mentions(ms)
    assert len(evs) == 1
    ev = evs[0]
    assert ev.sub_event_type == "Abduction/forced disappearance"
    assert ev.fatalities == 1 and ev.counts == {"abducted": 42}
    assert len(ev.sources) == 3
    assert ev.event_id == event_id_for(ms[0])


def test_different_days_types_places_or_actors_stay_apart():
    base = m()
    assert len(merge_mentions([base, m(when="2022-03-01")])) == 2  # other day
    assert len(merge_mentions([base, m(sub="Peaceful protest", et="Protests")])) == 2  # other type
    assert len(merge_mentions([base, m(place=TOWN_FAR)])) == 2  # 200 km away
    assert len(merge_mentions([base, m(place=TOWN_OTHER_COUNTRY)])) == 2  # other country
    a = m(actor1="Northern Front")
    b = m(actor1="Coast Brigade")
    assert len(merge_mentions([a, b])) == 2  # conflicting named actors
    c = m(actor1="Unidentified Armed Group (Kenya)")
    assert len(merge_mentions([a, c])) == 1  # a generic actor does not conflict


def test_a_second_blast_is_a_second_event():
    sub, et = "Remote explosive/landmine/IED", "Explosions/Remote violence"
    ms = [
        m(sub=sub, et=et, sentence="A truck bomb exploded at the main junction, killing seven."),
        m(sub=sub, et=et, sentence="About two hours later, a second blast struck the old district."),
        m(sub=sub, et=et, sentence="The junction blast destroyed several buildings."),
    ]
    evs = merge_mentions(ms)
    assert len(evs) == 2
    assert [len(e.mentions) for e in evs] == [2, 1]


def test_background_reference_with_coarse_date_is_not_merged():
    # "In 2019 the group bombed ..." inside a report dated to the day.
    sub, et = "Remote explosive/landmine/IED", "Explosions/Remote violence"
    ms = [
        m(sub=sub, et=et, sentence="A bomb went off at a checkpoint on Saturday."),
        m(sub=sub, et=et, sentence="The deadliest attack was in 2019 when a truck exploded.",
          date_range=DateRange(date(2019, 1, 1), date(2019, 12, 31), "year")),
    ]
    assert len(merge_mentions(ms)) == 2


def test_merge_mentions_is_deterministic_and_pure():
    ms = [m(), m(place=TOWN_A_NEAR), m(when="2022-03-09")]
    a = [e.to_record() for e in merge_mentions(ms)]
    b = [e.to_record() for e in merge_mentions(ms)]
    assert a == b
    assert len(a) == 2


def test_merged_date_is_the_intersection_and_place_the_most_precise():
    ms = [
        m(date_range=week("2022-03-01"), place=COUNTRY),
        m(when="2022-03-05", place=REGION),
        m(when=None, place=TOWN_A),
    ]
    ev = build_event(ms)
    assert ev.date == DateRange(date(2022, 3, 5), date(2022, 3, 5), "day")
    assert ev.location == TOWN_A


# --------------------------------------------------------------------------- across articles


def test_reports_from_different_outlets_join_one_event_and_keep_its_id():
    first = merge_mentions([m(article="a", fatalities=5, published="2022-03-05")])
    second = merge_mentions([m(article="b", place=TOWN_A_NEAR, date_range=week("2022-03-02"), fatalities=7, published="2022-03-06")])
    third = merge_mentions([m(article="c", fatalities=7, published="2022-03-07")])
    merged = merge_across([*first, *second, *third])
    assert len(merged) == 1
    ev = merged[0]
    assert ev.event_id == first[0].event_id
    rec = ev.to_record()
    assert rec["fatalities"] == 7  # the most reported
    assert rec["fatalities_range"] == [5, 7]
    assert {s["article_id"] for s in rec["sources"]} == {"a", "b", "c"}
    assert rec["date"] == "2022-03-05" and rec["date_precision"] == "day"


def test_no_single_most_reported_value_takes_the_median_of_the_latest_reports():
    evs = []
    for art, n, pub in (("a", 20, "2022-03-05"), ("b", 90, "2022-03-07"), ("c", 70, "2022-03-07")):
        evs += merge_mentions([m(article=art, counts={"killed": n}, fatalities=n, published=pub)])
    (ev,) = merge_across(evs)
    assert ev.fatalities == 70  # median of the two latest reports (70, 90): the lower one
    assert ev.count_ranges == {"killed": [20, 90]}


def test_two_events_of_one_article_never_collapse_across_articles():
    sub, et = "Remote explosive/landmine/IED", "Explosions/Remote violence"
    a = merge_mentions([
        m(article="a", sub=sub, et=et, sentence="A truck bomb exploded at the junction near the hotel."),
        m(article="a", sub=sub, et=et, sentence="A second blast struck the market district two hours later."),
    ])
    b = merge_mentions([
        m(article="b", sub=sub, et=et, sentence="Police said the truck bomb exploded outside the hotel at the junction."),
        m(article="b", sub=sub, et=et, sentence="A separate blast struck the market district two hours later."),
    ])
    assert len(a) == 2 and len(b) == 2
    merged = merge_across([*a, *b])
    assert len(merged) == 2
    by_id = {e.event_id: e for e in merged}
    hotel = by_id[a[0].event_id]
    assert {s.sentence for s in hotel.sources} == {a[0].sources[0].sentence, b[0].sources[0].sentence}


def test_undated_report_needs_strong_evidence_to_join():
    dated = merge_mentions([m(article="a", sentence="Gunmen attacked the police station in Harbortown.")])
    unrelated = merge_mentions([m(article="b", when=None, sentence="Clashes were reported somewhere else entirely.")])
    same = merge_mentions([m(article="c", when=None, sentence="Gunmen attacked the police station in Harbortown, police said.")])
    merged = merge_across([*dated, *unrelated, *same])
    assert len(merged) == 2


def test_merge_into_returns_new_list_and_keeps_inputs():
    existing = merge_mentions([m(article="a")])
    new = merge_mentions([m(article="b")]) + merge_mentions([m(article="b", sub="Peaceful protest", et="Protests")])
    out = merge_into(existing, new)
    assert len(existing[0].mentions) == 1  # input unchanged
    assert [len(e.mentions) for e in out] == [2, 1]
    assert out[0].event_id == existing[0].event_id


def test_blocks_cover_the_weeks_an_event_touches():
    p = Profile.of(build_event([m(date_range=week("2022-03-02"))]))
    weeks = [w for _, w in block_keys(p)]
    assert len(weeks) >= 2 and weeks == sorted(weeks)
    undated = Profile.of(build_event([m(when=None)]))
    assert block_keys(undated) == [("KE", None)]


def test_profile_round_trips_through_json():
    p = Profile.of(build_event([m(actor1="Northern Front")]))
    assert Profile.from_json(p.to_json()) == p
    # With other places and other days.
    p = Profile.of(build_event([
        m(article="a", when="2022-03-05", sentence="Gunmen shot Amina Odhiambo in Harbortown."),
        m(article="a", when="2022-03-06", place=TOWN_A_NEAR, sentence="Amina Odhiambo died on Sunday."),
    ]))
    assert p.alt_days and p.alt_places
    assert Profile.from_json(p.to_json()) == p


# --------------------------------------------------------------------------- noisy extraction


def test_headline_dated_by_publication_joins_the_body_a_day_earlier():
    ms = [
        m(when="2022-03-06", published="2022-03-06", sentence="Deadly clash rocks Harbortown"),
        m(when="2022-03-05", published="2022-03-06", sentence="Fighters clashed with soldiers in Harbortown on Saturday."),
    ]
    (ev,) = merge_mentions(ms)
    assert ev.date.start == date(2022, 3, 5)  # the date the text gave, not the fallback
    # Without the publication-day fallback, two days are two events.
    ms2 = [m(when="2022-03-06", published="2022-03-08"), m(when="2022-03-05", published="2022-03-08")]
    assert len(merge_mentions(ms2)) == 2


def test_same_day_same_subtype_far_apart_joins_within_an_article_only():
    far = Place("Inland Town", "KE", -1.0, 38.2, precision="town")  # ~130 km from Harbortown
    ms = [m(article="x", place=TOWN_A), m(article="x", place=far)]
    assert len(merge_mentions(ms)) == 1
    a = merge_mentions([m(article="a", place=TOWN_A)])
    b = merge_mentions([m(article="b", place=far)])
    assert len(merge_across([*a, *b])) == 2
    # An event that reports both places meets either.
    c = merge_mentions([m(article="c", place=far)])
    assert len(merge_across([*merge_mentions(ms), *c])) == 1


def test_bombing_and_battle_join_only_with_a_shared_named_actor():
    bomb = dict(sub="Suicide bomb", et="Explosions/Remote violence")
    ms = [m(actor1="Northern Front", sentence="Northern Front fighters stormed the base."),
          m(actor1="Northern Front", sentence="They used a car bomb to breach the gate.", **bomb)]
    assert len(merge_mentions(ms)) == 1
    ms = [m(sentence="Fighters stormed the base."), m(sentence="A car bomb went off at the gate.", **bomb)]
    assert len(merge_mentions(ms)) == 2


def test_outlets_naming_different_perpetrators_join_only_when_all_else_agrees():
    a = merge_mentions([m(article="a", actor1="Northern Front")])
    b = merge_mentions([m(article="b", actor1="Coast Brigade")])
    assert len(merge_across([*a, *b])) == 1  # same sub-type, day and town
    c = merge_mentions([m(article="c", actor1="Coast Brigade", when="2022-03-06")])
    assert len(merge_across([*a, *c])) == 2  # a day apart: two happenings
    d = merge_mentions([m(article="d", actor1="Coast Brigade", sub="Government regains territory")])
    assert len(merge_across([*a, *d])) == 2


def test_event_ids_are_the_first_mentions_and_match_records_stable_id():
    from eventwire.records import Event

    first, second = m(article="a"), m(article="b")
    assert Event(mentions=[first]).event_id == event_id_for(first)
    assert Event(mentions=[first, second]).stable_id() == event_id_for(first)  # a joining source keeps the id
    (ev,) = merge_across([*merge_mentions([first]), *merge_mentions([second])])
    assert ev.event_id == event_id_for(first) == ev.stable_id()


def test_within_an_article_a_country_level_fallback_or_a_nearby_region_does_not_split():
    strike = dict(sub="Air/drone strike", et="Explosions/Remote violence")
    foreign = Place("Farland", "UG", 1.0, 32.0, precision="country")
    ms = [m(place=TOWN_A, **strike), m(place=foreign, sentence="The coalition led by Farland denied it.", **strike)]
    assert len(merge_mentions(ms)) == 1
    a = merge_mentions([m(article="a", place=TOWN_A, **strike)])
    b = merge_mentions([m(article="b", place=foreign, **strike)])
    assert len(merge_across([*a, *b])) == 2  # across outlets the country must agree
    town = Place("Harbortown", "KE", -1.0, 37.0, admin1="Harbor", precision="town")
    region = Place("Hill Region", "KE", -1.5, 37.5, admin1="Hill", precision="region")  # ~80 km
    assert len(merge_mentions([m(place=town), m(place=region)])) == 1
    assert len(merge_mentions([m(place=town), m(place=region, when="2022-03-04")])) == 2


def test_a_month_dated_report_joins_a_day_dated_event_only_with_some_support():
    sub, et = "Remote explosive/landmine/IED", "Explosions/Remote violence"
    month = DateRange(date(2022, 3, 1), date(2022, 3, 31), "month")
    day_ev = merge_mentions([m(article="a", sub=sub, et=et, sentence="A truck bomb exploded at the market junction.")])
    unrelated = merge_mentions([m(article="b", sub=sub, et=et, date_range=month,
                                  sentence="The deadliest attack blamed on the group came in March.")])
    assert len(merge_across([*day_ev, *unrelated])) == 2
    worded = merge_mentions([m(article="c", sub=sub, et=et, date_range=month,
                               sentence="In March a truck bomb exploded at a market junction.")])
    assert len(merge_across([*day_ev, *worded])) == 1


def test_headline_joins_the_body_event_of_the_same_type():
    from datetime import date as _date

    from eventwire.merge import is_headline, merge_mentions
    from eventwire.records import Actor, DateRange, EventMention, Place, Source

    def mention(sentence, span, sub, when, place):
        et = "Violence against civilians"
        return EventMention(et, sub, when, Source("art", sentence=sentence, span=span),
                            actor2=Actor("Civilians (Nigeria)", "civilians", "NG"), location=place)

    town = Place("Exampletown", "NG", 10.0, 7.0, 1, precision="town")
    country = Place("Nigeria", "NG", 9.0, 8.0, 2, precision="country")
    head = mention("Gunmen storm school, kidnap pupils", (0, 34), "Attack",
                   DateRange(_date(2021, 2, 16), _date(2021, 2, 17), "week"), country)
    body = mention("Gunmen abducted 40 pupils from a school in Exampletown late on Tuesday.", (36, 108),
                   "Abduction/forced disappearance", DateRange(_date(2021, 2, 16), _date(2021, 2, 16), "day"), town)
    assert is_headline(head) and not is_headline(body)
    (ev,) = merge_mentions([head, body])
    assert len(ev.sources) == 2
    assert ev.location.precision == "town"  # the body's town, not the headline's country


def test_headline_of_another_type_stays_apart():
    from datetime import date as _date

    from eventwire.merge import merge_mentions
    from eventwire.records import DateRange, EventMention, Place, Source

    d = DateRange(_date(2021, 2, 16), _date(2021, 2, 16), "day")
    place = Place("Exampletown", "NG", 10.0, 7.0, 1, precision="town")
    head = EventMention("Protests", "Peaceful protest", d, Source("art", sentence="Thousands march in capital", span=(0, 26)), location=place)
    body = EventMention("Battles", "Armed clash", d, Source("art", sentence="Troops clashed with rebels in the north on Tuesday.", span=(28, 80)), location=place)
    assert len(merge_mentions([head, body])) == 2


def test_town_taken_and_retaken_are_two_events():
    from datetime import date as _date

    from eventwire.merge import merge_mentions
    from eventwire.records import DateRange, EventMention, Place, Source

    place = Place("Exampletown", "SO", 2.0, 45.0, 1, precision="town")
    taken = EventMention("Battles", "Government regains territory", DateRange(_date(2016, 4, 30), _date(2016, 4, 30)),
                         Source("a", sentence="Troops took the town on Saturday.", span=(0, 33)), location=place)
    retaken = EventMention("Battles", "Non-state actor overtakes territory", DateRange(_date(2016, 5, 1), _date(2016, 5, 1)),
                           Source("a", sentence="Insurgents retook the town on Sunday.", span=(35, 72)), location=place)
    assert len(merge_mentions([taken, retaken])) == 2


def test_merged_day_is_the_one_most_reports_give():
    from datetime import date as _date

    from eventwire.merge import merge_mentions
    from eventwire.records import DateRange, EventMention, Place, Source

    place = Place("Exampletown", "SO", 2.0, 45.0, 1, precision="town")
    pub = "2016-05-01"

    def m(i, day):
        return EventMention("Battles", "Armed clash", DateRange(day, day), Source("a", published=pub, sentence=f"s{i}", span=(i * 10, i * 10 + 5)), location=place)

    ev = merge_mentions([m(0, _date(2016, 5, 1)), m(1, _date(2016, 5, 1)), m(2, _date(2016, 4, 30))])
    assert [e.date.start for e in ev] == [_date(2016, 5, 1)]


def test_a_person_introduced_with_another_is_not_a_new_happening():
    sub, et = "Attack", "Violence against civilians"
    ms = [
        m(sub=sub, et=et, sentence="Gunmen opened fire on a crowd outside a bar in Harbortown early Sunday."),
        m(sub=sub, et=et, sentence="A witness saw another man, who had been shot in the arm, run across the street."),
        m(sub=sub, et=et, sentence="Police found a third shooting victim a block away."),
        m(sub=sub, et=et, sentence="Hours later, another shooting wounded two men near the bus station."),
        m(sub=sub, et=et, sentence="In a separate incident, a shopkeeper was shot dead."),
    ]
    evs = merge_mentions(ms)
    assert [len(e.mentions) for e in evs] == [3, 1, 1]


def test_attack_and_armed_clash_reports_of_one_shooting_join_on_same_day_and_town():
    atk = dict(sub="Attack", et="Violence against civilians", sentence="A man opened fire at a party, wounding five.")
    clash = dict(sub="Armed clash", et="Battles", sentence="Officers exchanged fire with a suspect at a house party.")
    (ev,) = merge_across([*merge_mentions([m(article="a", **atk)]), *merge_mentions([m(article="b", **clash)])])
    assert len(ev.sources) == 2
    # Within one article too (as in ACLED's coding, people shot in the course of an exchange
    # of fire are part of that battle) ...
    assert len(merge_mentions([m(article="c", **atk), m(article="c", **clash)])) == 1
    assert len(merge_mentions([m(article="c", **atk), m(article="c", when="2022-03-06", **clash)])) == 2
    # Another day, or a town 20 km away: two happenings.
    assert len(merge_across([*merge_mentions([m(article="a", **atk)]),
                             *merge_mentions([m(article="b", when="2022-03-06", **clash)])])) == 2
    assert len(merge_across([*merge_mentions([m(article="a", **atk)]),
                             *merge_mentions([m(article="b", place=TOWN_A_NEAR, **clash)])])) == 2


def test_outlets_dating_one_shooting_two_days_apart_join_in_the_same_town_on_shared_words():
    atk = dict(sub="Attack", et="Violence against civilians")
    story = "Five people were shot at a costume party on Elm Street after a fight broke out."
    other = "A shopkeeper was shot dead during a robbery at a petrol station downtown."
    first = merge_mentions([m(article="a", when="2022-03-05", sentence=story, **atk)])

    def joined(when, sentence, place=TOWN_A):
        second = merge_mentions([m(article="b", when=when, sentence=sentence, place=place, published=when, **atk)])
        return len(merge_across([*first, *second])) == 1

    assert joined("2022-03-07", "Police said five people were shot at the costume party on Elm Street.")
    assert not joined("2022-03-07", other)  # another shooting in the same town
    assert not joined("2022-03-07", story, place=TOWN_A_NEAR)  # 20 km away
    assert not joined("2022-03-09", story)  # four days apart
    assert not joined("2022-03-12", story)  # a week apart


def test_a_report_with_no_place_joins_the_placed_event_only_when_it_names_the_town():
    placed = merge_mentions([m(article="a", sentence="Fighters clashed with soldiers near the market in Harbortown.")])
    # Same day and kind, no place read, but the evidence names the town: the same happening.
    naming = merge_mentions([m(article="b", place=None, sentence="Soldiers fought gunmen at the Harbortown market on Saturday.")])
    # Same day and kind, no place, no town named: could be any clash that day.
    silent = merge_mentions([m(article="c", place=None, sentence="Fighters clashed with soldiers near the market.")])
    # Names the town but on another day: a different clash.
    other_day = merge_mentions([m(article="d", place=None, when="2022-03-09",
                                  sentence="Fighters clashed with soldiers near the market in Harbortown.")])
    merged = merge_across([*placed, *naming, *silent, *other_day])
    by_id = {e.event_id: {s.article_id for s in e.sources} for e in merged}
    assert by_id[placed[0].event_id] == {"a", "b"}
    assert len(merged) == 3  # c and d stay apart (from a; c and d disagree on the day)
    # Order does not matter: the placed report may come second.
    merged = merge_across([*naming, *placed])
    assert len(merged) == 1


def test_a_report_with_no_place_does_not_join_an_event_in_another_town_it_does_not_name():
    far = merge_mentions([m(article="a", place=TOWN_FAR, sentence="Fighters clashed with soldiers near the market in Hilltown.")])
    unplaced = merge_mentions([m(article="b", place=None, sentence="Fighters clashed with soldiers at the Harbortown market.")])
    country = merge_mentions([m(article="c", place=COUNTRY, sentence="Fighters clashed with soldiers in Kenya.")])
    unplaced_kenya = merge_mentions([m(article="d", place=None, sentence="Kenya: fighters clashed with soldiers.")])
    merged = merge_across([*far, *unplaced, *country, *unplaced_kenya])
    # Only the two unplaced reports could meet (no place either side: the old rule).
    assert not any({"a", "b"} <= {s.article_id for s in e.sources} for e in merged)
    assert not any({"c", "d"} <= {s.article_id for s in e.sources} for e in merged)  # a country's name is no town


def test_a_day_the_first_report_also_gives_lets_a_later_report_join():
    # One article: the night's shooting (Saturday) and, dated by the publication day, its toll.
    first = merge_mentions([
        m(article="a", when="2022-03-05", published="2022-03-06", sentence="Gunmen attacked the bus depot on Saturday night."),
        m(article="a", when="2022-03-06", published="2022-03-06", sentence="Four passengers died in the attack."),
    ])
    assert len(first) == 1 and first[0].date.start == date(2022, 3, 5)
    # An outlet dates it by the Sunday; another a day after that, in other words.
    sunday = merge_mentions([m(article="b", when="2022-03-07", published="2022-03-08",
                               sentence="Travellers were caught in gunfire, officials confirmed.")])
    later = merge_mentions([m(article="c", when="2022-03-08", published="2022-03-09",
                              sentence="Travellers were caught in gunfire, officials confirmed.")])
    # On that Sunday, but 200 km away, or a protest in the town: other happenings.
    far = merge_mentions([m(article="d", when="2022-03-07", published="2022-03-08", place=TOWN_FAR,
                            sentence="Travellers were caught in gunfire, officials confirmed.")])
    protest = merge_mentions([m(article="e", when="2022-03-07", published="2022-03-08", sub="Peaceful protest",
                                et="Protests", sentence="Residents marched to the bus depot.")])
    merged = merge_across([*first, *sunday, *later, *far, *protest])
    groups = sorted(sorted(s.article_id for s in e.sources) for e in merged)
    # b agrees with a day the first report gives; c only with b's day, which adds none.
    assert groups == [["a", "a", "b"], ["c"], ["d"], ["e"]]


def test_forces_named_by_a_common_noun_do_not_split_an_event():
    a = m(sub="Air/drone strike", et="Explosions/Remote violence", actor1="Military Forces of Saudi Arabia",
          sentence="A coalition airstrike hit a bus at the market on Thursday.")
    b = m(sub="Air/drone strike", et="Explosions/Remote violence", actor1="Coalition forces",
          sentence="The UN condemned the airstrike by the coalition forces on the market.")
    events = merge_mentions([a, b])
    assert len(events) == 1 and events[0].actor1.name == "Military Forces of Saudi Arabia"
    # two named, different initiators still stay apart
    c = m(sub="Air/drone strike", et="Explosions/Remote violence", actor1="Military Forces of Iran",
          sentence="Another air force bombed a camp.")
    assert len(merge_mentions([a, c])) == 2


def test_tactic_told_before_its_attackers_joins_the_battle_it_opened():
    battle = m(sub="Non-state actor overtakes territory", actor1="Al Shabaab", actor2="Military Forces of Kenya",
               sentence="Insurgents killed 15 soldiers on Sunday and retook the town.")
    told = m(sub="Suicide bomb", et="Explosions/Remote violence",
             sentence="The attack happened early on Sunday morning in the town, a captain said.")
    named = m(sub="Suicide bomb", et="Explosions/Remote violence", actor1="Al Shabaab",
              sentence="An officer said the insurgents used a suicide car bomb to enter the base.")
    events = merge_mentions([battle, told, named])
    assert len(events) == 1 and len(events[0].sources) == 3
    # an explosion elsewhere by no one named stays its own event
    far = m(sub="Suicide bomb", et="Explosions/Remote violence", place=TOWN_FAR,
            sentence="A suicide bomber struck a checkpoint in another town.")
    assert len(merge_mentions([battle, far])) == 2


# --------------------------------------------------------------------------- merged type: outcome before method


def _with_conf(x: EventMention, conf: float, modality: str = "asserted") -> EventMention:
    x.confidence = conf
    x.modality = modality
    return x


def test_territory_taken_outranks_the_method_that_took_it():
    # ACLED: a town taken by a car bomb and a fight is "overtakes territory", however confident
    # and numerous the reports of the bomb are.
    ms = [
        _with_conf(m(sentence="Insurgents seized the river town of Harbortown on Tuesday.", sub="Non-state actor overtakes territory"), 0.6),
        _with_conf(m(sentence="A suicide bomber rammed a truck into the barracks gate.", sub="Suicide bomb", et="Explosions/Remote violence"), 0.9),
        _with_conf(m(sentence="The truck bomb went off at the gate at dawn.", sub="Suicide bomb", et="Explosions/Remote violence"), 0.9),
    ]
    ev = build_event(ms)
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Non-state actor overtakes territory")


def test_a_capture_only_feared_does_not_outrank_the_attack_told():
    ms = [
        _with_conf(m(sentence="A suicide bomber rammed a truck into the barracks gate.", sub="Suicide bomb", et="Explosions/Remote violence"), 0.9),
        _with_conf(m(sentence="Officials feared the insurgents could seize Harbortown.", sub="Non-state actor overtakes territory"), 0.6, "hypothetical"),
    ]
    ev = build_event(ms)
    assert ev.sub_event_type == "Suicide bomb"


def test_without_a_territorial_outcome_the_weighted_majority_decides():
    ms = [
        _with_conf(m(sentence="Gunmen and soldiers exchanged fire in Harbortown.", sub="Armed clash"), 0.5),
        _with_conf(m(sentence="A roadside bomb hit the patrol.", sub="Remote explosive/landmine/IED", et="Explosions/Remote violence"), 0.8),
    ]
    assert build_event(ms).sub_event_type == "Remote explosive/landmine/IED"


def test_burning_by_the_told_attackers_on_the_day_of_the_attack_is_that_attack():
    attack = m(sentence="Gunmen killed nine villagers in Harbortown on Saturday.", sub="Attack",
               et="Violence against civilians", fatalities=9)
    burning = m(sentence="The attackers also set fire to a clinic on Saturday.", sub="Looting/property destruction",
                et="Strategic developments")
    burning.refers_back = "given dated: attackers set"
    evs = merge_mentions([attack, burning])
    assert len(evs) == 1 and evs[0].sub_event_type == "Attack" and len(evs[0].sources) == 2
    # a day of its own that is not the attack's: another happening of the same doers
    later = m(sentence="The attackers set fire to a clinic on Tuesday.", sub="Looting/property destruction",
              et="Strategic developments", when="2022-03-08")
    later.refers_back = "given dated: attackers set"
    assert len(merge_mentions([attack, later])) == 2
    # houses burnt after a battle are ACLED's own event
    battle = m(sentence="Rebels clashed with soldiers in Harbortown on Saturday.")
    burning2 = m(sentence="The attackers also set fire to a clinic on Saturday.", sub="Looting/property destruction",
                 et="Strategic developments")
    burning2.refers_back = "given dated: attackers set"
    assert len(merge_mentions([battle, burning2])) == 2


def test_force_on_a_crowd_that_rioted_is_the_riot():
    riot = m(sentence="A mob burned shops in Harbortown on Saturday.", sub="Mob violence", et="Riots")
    force = m(sentence="Police fired tear gas to disperse the crowd.", sub="Excessive force against protesters",
              et="Protests")
    force2 = m(sentence="Police beat the crowd with batons.", sub="Excessive force against protesters", et="Protests")
    evs = merge_mentions([riot, force, force2])
    assert len(evs) == 1 and (evs[0].event_type, evs[0].sub_event_type) == ("Riots", "Mob violence")


def test_a_crowd_dispersed_that_one_sentence_calls_a_mob_is_the_riot():
    # the intervention reading is surer than the riot's, and outnumbers it: the crowd still rioted
    riot = m(sentence="A mob burned shops in Harbortown on Saturday.", sub="Mob violence", et="Riots")
    riot.confidence = 0.6
    dispersed = m(sentence="Police fired tear gas to disperse the crowd.", sub="Protest with intervention", et="Protests")
    dispersed.confidence = 0.8
    dispersed2 = m(sentence="Officers fired tear gas again at the crowd.", sub="Protest with intervention", et="Protests")
    evs = merge_mentions([riot, dispersed, dispersed2])
    assert len(evs) == 1 and (evs[0].event_type, evs[0].sub_event_type) == ("Riots", "Mob violence")


def test_burning_told_of_a_pronoun_is_not_folded_into_the_attack():
    # "leaflets stating that they burned a bus in reprisal": a pronoun does not show the attack's doers
    attack = m(sentence="Gunmen killed nine villagers in Harbortown on Saturday.", sub="Attack",
               et="Violence against civilians", fatalities=9)
    burning = m(sentence="Leaflets said they burned a bus in reprisal.", sub="Looting/property destruction",
                et="Strategic developments")
    burning.refers_back = "given: they burned"
    assert len(merge_mentions([attack, burning])) == 2


def test_the_side_leaving_and_the_side_entering_a_town_that_day_are_one_transfer():
    sub, et = "Non-violent transfer of territory", "Strategic developments"
    entered = m(sub=sub, et=et, actor1="Northern Front", sentence="Northern Front fighters entered Harbortown on Sunday.")
    left = m(sub=sub, et=et, actor1="Kenya Defence Forces", sentence="hours after the army withdrew from Harbortown.")
    events = merge_mentions([entered, left])
    assert len(events) == 1 and events[0].actor1.name == "Northern Front"
    # other days, or other named sides of another kind of happening, stay apart
    later = m(sub=sub, et=et, actor1="Kenya Defence Forces", when="2022-03-08", sentence="The army withdrew from Harbortown.")
    assert len(merge_mentions([entered, later])) == 2
    clash = m(actor1="Northern Front", sentence="Northern Front fighters clashed with police in Harbortown.")
    other = m(actor1="Coast Brigade", sentence="Coast Brigade fighters clashed with police in Harbortown.")
    assert len(merge_mentions([clash, other])) == 2


def test_undated_reports_of_one_kind_in_one_town_join_on_the_words_of_one_story():
    from eventwire.merge import ACROSS, Profile, jaccard, pair_score

    s1 = "A dismissed clerk opened fire at a warehouse Christmas party in Harbortown, killing two co-workers and wounding a manager."
    s2 = ("Prosecutors charged the former clerk with murder after the shooting at the Christmas party in Harbortown, "
          "where colleagues were gathered.")
    a = merge_mentions([m(article="a", sub="Attack", et="Violence against civilians", when=None, sentence=s1)])
    b = merge_mentions([m(article="b", sub="Attack", et="Violence against civilians", when=None, sentence=s2)])
    sim = jaccard(Profile.of(a[0]).words, Profile.of(b[0]).words)
    assert 0.15 <= sim < 0.25  # the words of one story, as reports a day apart in one town share
    assert len(merge_across([*a, *b])) == 1
    # the same words in a town 20 km away, or of another sub-type, are not enough without a date
    c = merge_mentions([m(article="c", sub="Attack", et="Violence against civilians", when=None, sentence=s2,
                          place=TOWN_A_NEAR)])
    assert pair_score(Profile.of(a[0]), Profile.of(c[0]), ACROSS) is None
    d = merge_mentions([m(article="d", sub="Armed clash", when=None, sentence=s2)])
    assert len(merge_across([*a, *d])) == 2


# --------------------------------------------------------------------------- retellings (round 7)

CAPITAL = Place("Capital City", "KE", -1.29, 36.82, precision="town")  # ~250 km from Hilltown


def _dateline(mention: EventMention) -> EventMention:
    from dataclasses import replace

    return replace(mention, rule=mention.rule + " [place: dateline]")


def test_a_mention_placed_only_by_the_dateline_joins_the_happening_of_its_day_and_kind():
    lead = m(place=TOWN_FAR, sentence="Troops clashed with rebels near Hilltown on Saturday.")
    back = _dateline(m(place=CAPITAL, sentence="The ministry said the rebels were neutralised in the operation."))
    evs = merge_mentions([lead, back])
    assert len(evs) == 1
    assert evs[0].location.name == "Hilltown" and evs[0].date.start == date(2022, 3, 5)
    # the same mention placed by its own sentence is a happening in the capital
    own = m(place=CAPITAL, sentence="Troops clashed with rebels in Capital City.")
    assert len(merge_mentions([lead, own])) == 2
    # another day, another kind, or a conflicting named actor: no retelling, whatever its place
    assert len(merge_mentions([lead, _dateline(m(place=CAPITAL, when="2022-03-02"))])) == 2
    assert len(merge_mentions([lead, _dateline(m(place=CAPITAL, sub="Peaceful protest", et="Protests"))])) == 2
    named = m(place=TOWN_FAR, actor1="Northern Front")
    assert len(merge_mentions([named, _dateline(m(place=CAPITAL, actor1="Coast Brigade"))])) == 2


def test_a_dateline_placed_retelling_gives_the_happening_neither_place_nor_day():
    lead = m(place=TOWN_FAR, date_range=week("2022-03-01"), sentence="Rebels attacked Hilltown last week.")
    back = _dateline(m(place=CAPITAL, when="2022-03-06", sentence="The attack was repelled, the army said."))
    evs = merge_mentions([lead, back])
    assert len(evs) == 1
    assert evs[0].location.name == "Hilltown"
    assert evs[0].date.precision == "week"  # the statement's day does not narrow the happening's


# --------------------------------------------------------------------------- arrests at a demonstration


def test_arrests_at_a_riot_or_protest_on_its_day_and_in_its_town_are_that_event():
    # ACLED's Arrests are detentions outside a demonstration; those made at it are its intervention
    riot = m(sentence="Youths stoned police and burned tyres in Harbortown on Saturday.",
             sub="Violent demonstration", et="Riots", actor1="Rioters (Kenya)")
    held = m(sentence="Police said 40 people had been detained for looting.", sub="Arrests",
             et="Strategic developments", actor1=None)
    evs = merge_mentions([riot, held])
    assert len(evs) == 1 and evs[0].sub_event_type == "Violent demonstration"
    march = m(sentence="Teachers marched peacefully through Harbortown on Saturday.", sub="Peaceful protest",
              et="Protests", actor1="Protesters (Kenya)")
    evs = merge_mentions([march, held])
    assert len(evs) == 1 and evs[0].sub_event_type == "Protest with intervention"
    # another day, or a town far off, is an arrest of its own
    assert len(merge_mentions([riot, m(sentence=held.source.sentence, sub="Arrests", et="Strategic developments",
                                       when="2022-03-07")])) == 2
    assert len(merge_mentions([riot, m(sentence=held.source.sentence, sub="Arrests", et="Strategic developments",
                                       place=TOWN_FAR)])) == 2


# --------------------------------------------------------------------------- one outlet's toll


def _told(x: EventMention, speaker: str | None) -> EventMention:
    from dataclasses import replace as _r
    return _r(x, source=_r(x.source, attributed_to=speaker))


@pytest.mark.parametrize("first, second, speakers, want", [
    # the lead's total, then one victim described: one outlet's figures, the figure told first stands
    (4, 1, (None, None), 4),
    (3, 1, ("the sheriff", None), 3),
    (5, 2, ("police", "Police"), 5),
    (6, 121, ("authorities", None), 6),
    # two speakers' counts conflict: the conservative figure (ACLED)
    (1, 3, ("a doctor", "the teachers' union"), 1),
    (5, 2, ("the opposition", "the health ministry"), 2),
])
def test_one_articles_tied_figures_give_its_lead_toll_unless_two_speakers_disagree(first, second, speakers, want):
    a = _told(m(sub="Attack", et="Violence against civilians", fatalities=first,
                sentence="Several people were shot dead in Harbortown on Saturday."), speakers[0])
    b = _told(m(sub="Attack", et="Violence against civilians", fatalities=second,
                sentence="Gunmen opened fire on a bar in Harbortown on Saturday."), speakers[1])
    assert build_event([a, b]).fatalities == want


def test_figures_of_two_outlets_that_tie_keep_the_vote_across_articles():
    a = m(article="o1", sub="Attack", et="Violence against civilians", fatalities=4, published="2022-03-06")
    b = m(article="o2", sub="Attack", et="Violence against civilians", fatalities=1, published="2022-03-06")
    assert build_event([a, b]).fatalities == 1


# ---- a region's happening retold in one of its towns (issue #11)

_COAST_TOWN = Place("Saltbay", "KE", -1.6, 38.1, admin1="Coast", precision="town")
_INLAND_TOWN = Place("Dryhill", "KE", -0.4, 36.9, admin1="Central", precision="town")


def test_a_clash_told_in_a_region_and_retold_in_its_town_as_an_attack_is_one_event():
    lead = m(place=REGION, fatalities=3, sentence="Three suspected smugglers died in a shootout with soldiers in Coast Province on Tuesday.")
    detail = m(place=_COAST_TOWN, fatalities=2, sub="Attack", et="Violence against civilians", actor1="Military Forces of Kenya",
               sentence="The army said a patrol was fired on in Saltbay on Tuesday and responded, killing two.")
    evs = merge_mentions([lead, detail])
    assert len(evs) == 1
    ev = evs[0]
    assert ev.sub_event_type == "Armed clash" and ev.fatalities == 3
    assert ev.location.name == "Saltbay"  # the finer place the retelling tells


def test_an_attack_told_in_a_region_and_retold_as_an_exchange_of_fire_in_its_town_is_one_event():
    lead = m(place=REGION, fatalities=4, sub="Attack", et="Violence against civilians",
             sentence="Police killed four men in the Coast region on Tuesday, officials said.")
    detail = m(place=_COAST_TOWN, fatalities=4,
               sentence="According to a police statement, officers traded fire with the men outside Saltbay on Tuesday, and all four were shot.")
    evs = merge_mentions([lead, detail])
    assert len(evs) == 1 and evs[0].sub_event_type == "Attack" and evs[0].fatalities == 4


def test_a_bombing_told_in_a_region_and_its_victims_told_in_a_town_is_one_event():
    lead = m(place=REGION, fatalities=6, sub="Remote explosive/landmine/IED", et="Explosions/Remote violence",
             sentence="A roadside bomb killed six people in Coast Province on Tuesday.")
    detail = m(place=_COAST_TOWN, fatalities=5, sub="Attack", et="Violence against civilians",
               sentence="Five of the dead were farmers from Saltbay travelling on Tuesday to market, a local official said.")
    evs = merge_mentions([lead, detail])
    assert len(evs) == 1 and evs[0].event_type == "Explosions/Remote violence"


def test_a_town_happening_with_more_dead_another_day_or_another_region_stays_apart():
    lead = lambda: m(place=REGION, fatalities=2, sentence="Two suspected smugglers died in a shootout with soldiers in Coast Province on Tuesday.")
    def attack(place=_COAST_TOWN, when="2022-03-05", fatalities=1, sentence="Gunmen shot dead a shopkeeper in Saltbay on Tuesday."):
        return m(place=place, when=when, fatalities=fatalities, sub="Attack", et="Violence against civilians", sentence=sentence)
    # more dead than the told toll: not a retelling of it
    assert len(merge_mentions([lead(), attack(fatalities=5, sentence="Gunmen shot dead five drinkers at a bar in Saltbay on Tuesday.")])) == 2
    assert len(merge_mentions([lead(), attack(when="2022-03-04")])) == 2  # another day
    assert len(merge_mentions([lead(), attack(place=_INLAND_TOWN, sentence="Gunmen shot dead a shopkeeper in Dryhill on Tuesday.")])) == 2
    # a separate happening told as such
    assert len(merge_mentions([lead(), attack(sentence="In a separate attack, gunmen shot dead a shopkeeper in Saltbay on Tuesday.")])) == 2


# ---- property a riot's crowd destroys in the riot's own sentence (issue #11)

def _same_sentence(a: EventMention, b: EventMention) -> EventMention:
    from dataclasses import replace as _replace
    return _replace(b, source=a.source)


@pytest.mark.parametrize("sentence, looter", [
    ("Hundreds of youths gathered outside the station in Harbortown, hurling stones at officers and setting fire to two vehicles.", None),
    ("Angry traders threw rocks at police in Harbortown and torched the market office.", "Rioters (Kenya)"),
    ("In Harbortown, demonstrators pelted officers with bricks while others set buses alight.", None),
])
def test_property_destroyed_in_the_sentence_of_a_riot_is_that_riot(sentence, looter):
    riot = m(sub="Violent demonstration", et="Riots", actor1="Rioters (Kenya)", sentence=sentence)
    burn = _same_sentence(riot, m(sub="Looting/property destruction", et="Strategic developments"))
    if looter:
        from dataclasses import replace as _replace
        burn = _replace(burn, actor1=Actor(looter, "rioters"))
    evs = merge_mentions([riot, burn])
    assert len(evs) == 1 and evs[0].event_type == "Riots"


def test_property_destroyed_by_soldiers_or_in_another_sentence_or_town_stays_apart():
    from dataclasses import replace as _replace
    riot = m(sub="Violent demonstration", et="Riots", actor1="Rioters (Kenya)",
             sentence="Rioters stoned police in Harbortown while soldiers burned huts in Hilltown.")
    burn = _same_sentence(riot, m(sub="Looting/property destruction", et="Strategic developments"))
    assert len(merge_mentions([riot, _replace(burn, actor1=Actor("Military Forces of Kenya", "state forces"))])) == 2
    assert len(merge_mentions([riot, _replace(burn, location=TOWN_FAR)])) == 2
    later = m(sub="Looting/property destruction", et="Strategic developments",
              sentence="A week later, unknown people burned the market office in Harbortown.")
    assert len(merge_mentions([riot, later])) == 2
