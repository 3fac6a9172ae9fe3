"""The entities built once per doc (extensions.doc_ents / span_ents) are spaCy's own doc.ents and
span.ents, and a doc whose entities are set anew (the dateline before the NER) gets new ones."""
from spacy.tokens import Span

TEXT = (
    "KANO, Nigeria, March 3 (Reuters) - Gunmen from Boko Haram killed 12 farmers near Maiduguri on "
    "Sunday, Governor Babagana Zulum said. Amnesty International condemned the killings in Borno State.\n\n"
    "Two soldiers were wounded in Bama, a military spokesman said on Monday."
)


def _key(spans):
    return [(e.start, e.end, e.label_) for e in spans]


def test_doc_ents_are_spacys_and_built_once(annotate):
    from eventwire.nlp.extensions import doc_ents

    doc = annotate(TEXT)
    assert len(doc.ents) >= 5
    first = doc_ents(doc)
    assert _key(first) == _key(doc.ents)
    assert doc_ents(doc) is first  # the same tuple: not rebuilt


def test_span_ents_are_spacys_for_every_sentence_and_odd_spans(annotate):
    from eventwire.nlp.extensions import span_ents

    doc = annotate(TEXT)
    spans = list(doc.sents) + [doc[0:3], doc[2:9], doc[5:len(doc) - 4], doc[len(doc) - 1:len(doc)], doc[0:0]]
    for sp in spans:
        assert _key(span_ents(sp)) == _key(sp.ents), sp.text
    # an entity cut by the span's end stops the list, as spaCy's does
    ent = max(doc.ents, key=len)
    assert len(ent) >= 2
    cut = doc[max(0, ent.start - 2):ent.end - 1]
    assert _key(span_ents(cut)) == _key(cut.ents)


def test_entities_set_anew_are_read_anew(annotate):
    from eventwire.nlp.extensions import doc_ents

    doc = annotate(TEXT)
    doc_ents(doc)
    doc.set_ents([Span(doc, 0, 1, label="GPE")], default="outside")
    doc.user_data.pop("_ew_ents", None)  # as the dateline does after set_ents
    assert _key(doc_ents(doc)) == [(0, 1, "GPE")]


def test_dateline_drops_entities_built_before_it(nlp):
    from eventwire.article import Article, parse_published
    from eventwire.nlp.extensions import doc_ents
    from eventwire.nlp.pipeline import make_doc

    pub, prec = parse_published("2019-03-04")
    doc = make_doc(nlp, Article(text=TEXT, published=pub, published_precision=prec))
    for name, proc in nlp.pipeline:
        if name == "eventwire_dateline":
            doc_ents(doc)  # empty before the dateline
            doc = proc(doc)
            assert _key(doc_ents(doc)) == _key(doc.ents) != []
            break
        doc = proc(doc)
