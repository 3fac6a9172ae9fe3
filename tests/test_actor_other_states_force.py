"""A force's name after the name of a country other than its group's home is that country's own army
("the Tanzania People's Defence Force" is no Myanmar PDF; hand-written sentences; issue #11)."""

from actor_reading import actor_spans


def _names(annotate, text):
    return set(actor_spans(annotate, text).values())


def test_tanzanias_peoples_defence_force_is_its_military(annotate):
    names = _names(annotate, "The Tanzania People's Defence Force opened a new camp in Nanyamba town on Tuesday "
                             "evening.")
    assert "Military Forces of Tanzania" in names and "PDF - People's Defense Force" not in names, names


def test_ugandas_peoples_defence_forces_are_its_military(annotate):
    names = _names(annotate, "Soldiers of the Uganda People's Defence Forces killed five rebels near Kasese on "
                             "Monday, an army spokesman said.")
    assert "Military Forces of Uganda" in names and "PDF - People's Defense Force" not in names, names


def test_a_force_named_after_a_country_in_a_claim(annotate):
    names = _names(annotate, "Rebels said they had ambushed a convoy of the Uganda People's Defence Force near "
                             "Bundibugyo on Friday.")
    assert "Military Forces of Uganda" in names and "PDF - People's Defense Force" not in names, names


def test_the_groups_own_country_keeps_the_group(annotate):
    names = _names(annotate, "The Myanmar People's Defence Force attacked a police station in Sagaing on Tuesday.")
    assert "PDF - People's Defense Force" in names, names
