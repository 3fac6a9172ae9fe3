"""Typing by the taxonomy's definitions, read from the sentence's structure (hand-made sentences)."""


def subs(doc):
    return [m.sub_event_type for m in doc._.mentions]


def test_a_base_attacked_is_no_base_established(annotate):
    # "opened fire" is a verb with its own object: it does not set up the base
    doc = annotate("The rebels attacked the army outpost near the river and then opened fire on the guards on Tuesday.")
    assert "Headquarters or base established" not in subs(doc)
    doc = annotate("The rebels built and fortified a new base near the river last month.")
    assert "Headquarters or base established" in subs(doc)