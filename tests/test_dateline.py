import pytest

from eventwire.nlp.dateline import find_dateline


@pytest.mark.parametrize(
    "text,place",
    [
        ("Tal Afar - Iraqi forces entered the old city on Sunday.", "Tal Afar"),
        ("BAMAKO, Mali — Gunmen attacked a hotel.", "BAMAKO"),
        ("Headline of the story\n\nGAO (Reuters) - Soldiers were killed.", "GAO"),
        ("Site menu\nJUBA: Fighting erupted near the airport.", "JUBA"),
    ],
)
def test_dateline_found(text, place):
    span = find_dateline(text)
    assert span is not None and text[span[0]:span[1]] == place


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers clashed with rebels near the border on Monday.",
        "Menu\nBREAKING: Death toll rises to 40",
        "Menu\nAnalysis: Why the ceasefire failed - and what comes next",
        "The army said - without giving details - that the town was retaken.",
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_dateline_becomes_a_place_entity_before_ner(annotate):
    doc = annotate("Tal Afar - Militants and their families left the city on Monday.")
    assert doc._.dateline is not None and doc._.dateline.text == "Tal Afar"
    assert any(e.text == "Tal Afar" and e.label_ == "GPE" for e in doc.ents)
    # The story's first words are not glued onto the dateline entity.
    assert not any("Militants" in e.text and "Tal Afar" in e.text for e in doc.ents)


def test_wire_dateline_inside_a_flattened_page():
    from eventwire.nlp.dateline import find_dateline

    text = "Watch the video above  HARLAN -- A man was shot on Tuesday, police said."
    s, e = find_dateline(text)
    assert text[s:e] == "HARLAN"
    text = "County drops its assessors . DANIELSVILLE - Commissioners voted on Monday to end the contract."
    s, e = find_dateline(text)
    assert text[s:e] == "DANIELSVILLE"
    # title-case words mid-line are a sentence, not a dateline; so are page labels in capitals
    assert find_dateline("Two men were hurt. Police said - as ever - little.") is None
    assert find_dateline("Read more.  UPDATE - The suspect was arrested on Friday.") is None
