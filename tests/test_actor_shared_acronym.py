"""A state security service known by an acronym several countries use (hand-written sentences):
the story's country picks whose it is (ACLED codes such services as that state's police), and a
story of another country leaves the acronym to that country."""

import pytest

from actor_reading import actor1s


@pytest.mark.parametrize("text, police", [
    # the country from the place alone
    ("The KGB detained three journalists at their office in Minsk on Monday, their employer said.",
     "Police Forces of Belarus"),
    # the acronym as a prepositional object, the country named
    ("Agents of the DSS arrested a popular activist at his home in Abuja, Nigeria, on Friday, his lawyer said.",
     "Police Forces of Nigeria"),
    # one acronym, two countries: South Sudan's and Armenia's National Security Service
    ("NSS agents arrested two journalists in Juba, South Sudan, on Wednesday, their colleagues said.",
     "Police Forces of South Sudan"),
    ("Three opposition activists were arrested by the NSS in Yerevan, Armenia, on Thursday, their "
     "party said.", "Police Forces of Armenia"),
])
def test_a_shared_security_acronym_is_the_storys_country_police(annotate, text, police):
    got = actor1s(annotate, text)
    assert got and got[0] == police, got


def test_the_acronym_in_another_countrys_story_is_not_that_service(annotate):
    got = actor1s(annotate, "The DSS arrested two protesters outside a consulate in Chicago, Illinois, on "
                            "Tuesday, officials said.")
    assert got and got[0] != "Police Forces of Nigeria", got
