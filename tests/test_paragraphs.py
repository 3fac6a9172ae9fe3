from eventwire.nlp.paragraphs import mark_paragraphs


def _starts(nlp, text):
    doc = mark_paragraphs(nlp.make_doc(text))
    return [t.text for t in doc if t.is_sent_start and t.i > 0]


def test_headline_line_starts_a_new_sentence(nlp):
    assert _starts(nlp, "Rebels seize border town\nRebels seized the town on Monday.") == ["Rebels"]


def test_blank_line_always_breaks(nlp):
    assert _starts(nlp, "Photo: a street in the capital\n\nthe police said nothing.") == ["the"]


def test_hard_wrapped_sentence_stays_whole(nlp):
    text = "Gunmen abducted dozens of people from a village in\nNorthern Province on Monday and\nfled."
    assert _starts(nlp, text) == []


def test_parser_keeps_headline_apart_from_story(annotate):
    doc = annotate("Army retakes northern town\nSoldiers recaptured the town of Example from insurgents on Tuesday.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Army retakes northern town"
