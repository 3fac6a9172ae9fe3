"""The per-doc reads added for speed give what spaCy gives: span_group is the span group's spans
(read again when the group is set anew or grows; a ``._`` value set later shows through), doc_attr
is each token's attribute, and the title-case test that reads flag arrays says what the Token
reads said."""
from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_TITLE, IS_UPPER, LENGTH, LOWER

TEXT = (
    "MOMBASA, Kenya (AP) - Suspected al-Shabaab fighters ambushed a police convoy near Lamu on Tuesday, "
    "killing three officers, the county commander said.\n\n"
    "Residents of Mpeketoni said a second bomb went off later at a market. Police arrested four men."
)


def _key(spans):
    return [(s.start, s.end, s.label_) for s in spans]


def test_span_group_is_the_group_and_kept(annotate):
    from eventwire.nlp.extensions import span_group

    doc = annotate(TEXT)
    for name in ("ew_triggers", "ew_quantities", "ew_toponyms"):
        assert name in doc.spans, name
        got = span_group(doc, name)
        assert _key(got) == _key(doc.spans[name])
        assert span_group(doc, name) is got  # not rebuilt
    assert span_group(doc, "no_such_group") == ()


def test_span_group_follows_a_group_set_anew_or_grown(annotate):
    from eventwire.nlp.extensions import span_group

    doc = annotate(TEXT)
    first = span_group(doc, "ew_triggers")
    doc.spans["ew_triggers"] = [doc[0:1]]
    assert _key(span_group(doc, "ew_triggers")) == [(0, 1, "")]
    doc.spans["ew_triggers"].append(doc[2:4])
    assert _key(span_group(doc, "ew_triggers")) == [(0, 1, ""), (2, 4, "")]
    assert len(first) >= 1  # the old read is left alone


def test_span_group_shows_values_set_after_the_read(annotate):
    from eventwire.nlp.extensions import span_group

    doc = annotate(TEXT)
    spans = span_group(doc, "ew_triggers")
    assert spans
    target = doc.spans["ew_triggers"][0]  # a fresh Span over the same tokens
    target._.event_rule = "set after the read"
    assert spans[0]._.event_rule == "set after the read"


def test_doc_attr_is_each_tokens_attribute(annotate):
    from eventwire.nlp.extensions import doc_attr

    doc = annotate(TEXT + " THE UN CONDEMNED IT.")
    assert doc_attr(doc, IS_ALPHA) == [int(t.is_alpha) for t in doc]
    assert doc_attr(doc, LENGTH) == [len(t) for t in doc]
    assert doc_attr(doc, ENT_TYPE) == [t.ent_type for t in doc]
    assert doc_attr(doc, IS_TITLE) == [int(t.is_title) for t in doc]
    assert doc_attr(doc, IS_UPPER) == [int(t.is_upper) for t in doc]
    assert doc_attr(doc, LOWER) == [t.lower for t in doc]
    assert any(doc_attr(doc, IS_UPPER)) and any(doc_attr(doc, ENT_TYPE))


def _title_cased_by_tokens(sent):
    words = [t for t in sent[1:] if t.is_alpha and len(t) > 3 and not t.ent_type_]
    return bool(words) and sum(t.is_title or t.is_upper for t in words) > 0.6 * len(words)


def test_title_case_test_reads_as_the_tokens_do(annotate):
    from eventwire.nlp.events import _title_cased

    for text, expected in (
        ("Rebels Storm Army Base Outside Provincial Capital After Night Of Heavy Fighting", True),
        ("POLICE DISPERSE STUDENTS MARCHING THROUGH THE CAPITAL", True),
        ("Troops shelled rebel positions east of Goma on Friday, residents said.", False),
        ("A car bomb killed six people in a crowded market, officials said.", False),
    ):
        doc = annotate(text)
        for sent in doc.sents:
            assert _title_cased(sent) == _title_cased_by_tokens(sent), sent.text
        assert _title_cased(next(iter(doc.sents))) is expected, text


def test_dateline_span_kept_and_follows_a_new_value(nlp):
    from eventwire.article import Article
    from eventwire.nlp.pipeline import make_doc

    doc = nlp(make_doc(nlp, Article(text="GAROWE, Somalia - Militants attacked a checkpoint in Galkayo on Monday.")))
    dl = doc._.dateline
    assert dl is not None and dl.text == "GAROWE"
    assert doc._.dateline is dl  # made once per stored value
    doc._.dateline = doc[2:3]
    assert doc._.dateline.text == "Somalia"
    doc._.dateline = None
    assert doc._.dateline is None


def test_story_dates_and_event_dates_unchanged_by_the_kept_groups(annotate):
    """Three wordings of a dated happening: the date each mention gets is the same whether the
    timex group is read once (span_group) or afresh per trigger."""
    from eventwire.nlp import extensions
    from eventwire.nlp.temporal import dated_by

    for text in (
        "Gunmen killed four villagers in Zamfara on Sunday, police said on Tuesday.",
        "On Sunday, four villagers were shot dead by gunmen in Zamfara, police said Tuesday.",
        "Police said Tuesday that four villagers had been killed when gunmen raided Zamfara on Sunday.",
    ):
        doc = annotate(text, published="2021-03-09")
        trigs = extensions.span_group(doc, "ew_triggers")
        assert trigs, text
        kept = [dated_by(doc, t)[0] for t in trigs]
        doc.user_data.pop("_ew_group_ew_timex", None)
        assert [dated_by(doc, t)[0] for t in trigs] == kept
        assert any(str(d.start) == "2021-03-07" for d in kept), (text, kept)
