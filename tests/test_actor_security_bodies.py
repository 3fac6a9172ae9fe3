"""A state's security or intelligence body under any head noun or by its acronym is the state's police
(hand-written sentences): ACLED codes security services as state forces, the police branch; the state
comes from the possessive, the demonym, or the story's place."""

from actor_reading import actor1s, actor_spans


def test_a_possessed_security_committee_is_the_police(annotate):
    got = actor1s(annotate, "Kazakhstan's National Security Committee detained four bloggers in Shymkent on Friday.")
    assert got == ["Police Forces of Kazakhstan"], got


def test_a_committee_named_for_what_it_guards_is_the_police(annotate):
    got = actor1s(annotate, "Officers of Tajikistan's State Committee for National Security arrested a journalist "
                            "in Khujand on Monday.")
    assert got == ["Police Forces of Tajikistan"], got


def test_a_security_service_named_alone_is_the_story_states(annotate):
    got = actor1s(annotate, "Two opposition members were detained in Baku by the State Security Service on "
                            "Wednesday.")
    assert got == ["Police Forces of Azerbaijan"], got


def test_a_service_known_by_its_acronym(annotate):
    got = actor1s(annotate, "ALMATY - The KNB arrested three activists in Almaty on Tuesday, their lawyer said.")
    assert got == ["Police Forces of Kazakhstan"], got


def test_a_french_service_by_its_acronym(annotate):
    got = actor1s(annotate, "PARIS - The DGSI detained two men suspected of plotting an attack in Lyon, "
                            "prosecutors said.")
    assert got == ["Police Forces of France"], got


def test_a_russian_service_acronym_acts_abroad_as_russias(annotate):
    got = actor_spans(annotate, "FSB officers detained a Ukrainian teacher in Melitopol on Sunday, "
                                "local officials said.")
    assert "Police Forces of Russia" in got.values(), got


def test_the_security_council_is_no_police(annotate):
    got = actor_spans(annotate, "Egypt's National Security Council met in Cairo on Monday.")
    assert "Police Forces of Egypt" not in got.values(), got
