"""A party's claim of its own kills yields to a toll others give (hand-written sentences)."""
from datetime import date

from eventwire.merge import merge_mentions
from eventwire.nlp.quantities import doer_claims_toll
from eventwire.records import DateRange, EventMention, Place, Source

PLACE = Place(name="Kadugli", country="SD", lat=11.01, lon=29.72, precision="town", admin1="South Kordofan")


def _sent(nlp, text):
    return next(iter(nlp(text).sents))


def test_doer_claims_toll_reads_who_says_who_killed():
    from eventwire.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    assert doer_claims_toll(_sent(nlp, "The group said it had killed 25 policemen."))
    assert doer_claims_toll(_sent(nlp, "The rebels claimed responsibility, saying it killed 40 troops."))
    assert doer_claims_toll(_sent(nlp, "The militia claimed to have killed 18 soldiers."))
    # officials counting the dead, or a speaker naming a third party
    assert not doer_claims_toll(_sent(nlp, "Officials said 12 policemen were killed."))
    assert not doer_claims_toll(_sent(nlp, "Police said he killed his neighbour."))
    assert not doer_claims_toll(_sent(nlp, "Gunmen killed seven farmers on Monday."))


def _m(start, sentence, killed, claimed):
    return EventMention("Battles", "Armed clash", DateRange(date(2019, 3, 9), date(2019, 3, 9)),
                        Source(article_id="a1", sentence=sentence, span=(start, start + len(sentence)),
                               published="2019-03-11"),
                        location=PLACE, fatalities=killed, fatalities_claimed=claimed)


def test_the_officials_toll_stands_against_the_doers_claim_in_either_order():
    official = _m(0, "Rebels attacked a base near Kadugli on Saturday, killing 7 soldiers.", 7, False)
    claim = _m(100, "The rebels said they had killed 40 soldiers in the battle near Kadugli on Saturday.", 40, True)
    again = _m(200, "The rebels added that 40 soldiers they had killed were left near Kadugli on Saturday.", 40, True)
    for order in ([official, claim, again], [claim, again, official]):
        events = merge_mentions(order)
        assert len(events) == 1 and events[0].fatalities == 7
    # the claim alone is the only toll there is
    assert merge_mentions([claim])[0].fatalities == 40
