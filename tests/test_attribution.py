"""eventwire_attribution: who reported it, and which text that covers."""
from eventwire.nlp.attribution import attribution_for


def attrs(doc):
    return [(sp.text, sp._.source_name) for sp in doc.spans["ew_attributions"]]


def test_sentence_final_source(annotate):
    text = "Six people died and at least 9 others were hurt in a blast in the port city, officials and medics said."
    doc = annotate(text)
    assert attrs(doc) == [("officials and medics", "officials and medics")]
    sp = doc.spans["ew_attributions"][0]
    assert sp._.scope == (0, len(text))


def test_media_source_drops_demonym(annotate):
    doc = annotate("Egyptian Nile TV reported that about 300 fighters were in the convoy.")
    assert attrs(doc) == [("Egyptian Nile TV", "Nile TV")]


def test_apposition_is_not_part_of_the_name(annotate):
    doc = annotate("The toll has risen to 88, said Captain Omar Farah, a spokesman for the regional police.")
    assert ("Captain Omar Farah", "Captain Omar Farah") in attrs(doc)
    doc = annotate("The Central Security Office, a body run by the interior ministry, said buses carried the men away.")
    assert [n for _t, n in attrs(doc)] == ["the Central Security Office"]


def test_according_to_and_told(annotate):
    doc = annotate("At least 40 were killed, according to health officials and aid agencies. "
                   "Local residents told Reuters that gunmen arrived at dawn. The Interior Ministry says 12 died.")
    names = [n for _t, n in attrs(doc)]
    assert names == ["health officials and aid agencies", "Local residents", "the Interior Ministry"]


def test_pronoun_resolves_to_last_person(annotate):
    doc = annotate("Dr. Ahmed Yusuf, the hospital director, arrived later. He told reporters 20 were wounded.")
    assert [n for _t, n in attrs(doc)] == ["Ahmed Yusuf"]


def test_clause_scope_when_sources_differ(annotate):
    text = "Police said two men were arrested, while the rebels claimed they had shot down a helicopter."
    doc = annotate(text)
    by_name = {sp._.source_name: sp._.scope for sp in doc.spans["ew_attributions"]}
    assert set(by_name) == {"Police", "the rebels"}
    heli = text.index("helicopter")
    assert by_name["the rebels"][0] <= heli < by_name["the rebels"][1]
    assert not (by_name["Police"][0] <= heli < by_name["Police"][1])
    trig = doc.char_span(heli, heli + len("helicopter"))
    assert attribution_for(trig)._.source_name == "the rebels"


def test_not_attribution(annotate):
    doc = annotate("They said goodbye to their families before leaving. The attack was reported by local media.")
    assert attrs(doc) == []


def test_titles_and_ages_around_names(annotate):
    doc = annotate("The bridge was destroyed, said regional spokesman Ali Hassan Warsame. "
                   "A 42-year-old Fatima Noor said she saw the blast. "
                   "The wall fell, said Captain Abdi Farah of the police.")
    names = [sp._.source_name for sp in doc.spans["ew_attributions"]]
    assert "Ali Hassan Warsame" in names
    assert "Fatima Noor" in names
    assert "Captain Abdi Farah" in names


def test_hyphenated_source(annotate):
    doc = annotate("The Saudi-led coalition said its jets struck a depot.")
    assert [sp._.source_name for sp in doc.spans["ew_attributions"]] == ["the Saudi-led coalition"]


def test_acts_are_not_reports(annotate):
    doc = annotate("On Sunday, the army, on one side, and the rebels on another, declared separate cease-fires.")
    assert attrs(doc) == []
    doc = annotate("State television reported the deaths of three guards.")
    assert [n for _t, n in attrs(doc)] == ["State television"]
