"""A country told only as the source of a thing (its maker, seller, broker or sender) gives the story
no country, so it never names the unnamed doers or the crowd (hand-written sentences)."""

from actor_reading import actor_spans


def test_a_country_that_brokered_a_deal_does_not_name_protesters(annotate):
    got = actor_spans(annotate, "Hundreds of protesters denounced the American-brokered deal outside parliament in "
                                "Baghdad on Sunday.")
    assert got.get("protesters") == "Protesters (Iraq)", got


def test_a_broker_told_by_its_agent_phrase(annotate):
    got = actor_spans(annotate, "Protesters rejecting a truce brokered by Qatar rallied in Khartoum on Friday.")
    assert got.get("Protesters") == "Protesters (Sudan)", got


def test_weapons_smuggled_from_a_country_do_not_name_the_militants(annotate):
    got = actor_spans(annotate, "Militants armed with weapons smuggled in from Libya killed six soldiers near "
                                "Agadez on Sunday.")
    assert got.get("Militants") == "Unidentified Armed Group (Niger)", got
    assert got.get("soldiers") == "Military Forces of Niger", got


def test_a_country_that_is_the_place_still_counts(annotate):
    got = actor_spans(annotate, "Gunmen attacked a bus in Nigeria on Sunday, killing five passengers.")
    assert got.get("Gunmen") == "Unidentified Armed Group (Nigeria)", got
