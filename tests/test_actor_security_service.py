"""A state's security or intelligence service is its police (hand-written sentences): it arrests
and detains as the police do, and ACLED codes the FSB-style services under the country's police."""

from actor_reading import actor1s, actor_spans


def test_a_possessed_federal_security_service_is_the_police(annotate):
    got = actor_spans(annotate, "Belarus's State Security Service arrested two bloggers in Grodno on Monday.")
    assert "Police Forces of Belarus" in got.values(), got


def test_a_demonym_intelligence_service_is_the_police(annotate):
    got = actor_spans(annotate, "Three recruiters were detained in Garissa by the Kenyan National Intelligence "
                                "Service on Friday.")
    assert "Police Forces of Kenya" in got.values(), got


def test_a_security_service_in_lower_case_is_the_police(annotate):
    got = actor_spans(annotate, "Journalists were held overnight in Kharkiv by the Ukrainian security service, "
                                "their editor said.")
    assert "Police Forces of Ukraine" in got.values(), got


def test_a_service_that_says_it_detained_is_actor1_not_the_dateline(annotate):
    # the parser hangs the dateline on "said" too; the dateline is no speaker
    got = actor1s(annotate, "MINSK (Reuters) - Belarus's State Security Service said on Tuesday it had detained "
                            "five men suspected of planning an arson attack in Brest.")
    assert got and got[0] == "Police Forces of Belarus", got
