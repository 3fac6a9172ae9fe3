"""What extensions builds once per doc is what spaCy gives: the entities (doc_ents / span_ents are
doc.ents and span.ents, and a doc whose entities are set anew, by the dateline before the NER, gets
new ones), the dependency labels and heads (doc_deps / doc_heads), the dateline's Span."""
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


def test_deps_and_heads_are_the_tokens(annotate):
    from eventwire.nlp.extensions import doc_deps, doc_heads

    doc = annotate(TEXT)
    assert doc_deps(doc) == [t.dep_ for t in doc]
    assert doc_heads(doc) == [t.head.i for t in doc]
    assert any(h < i for i, h in enumerate(doc_heads(doc))) and any(h > i for i, h in enumerate(doc_heads(doc)))
    assert doc_deps(annotate("Rebels attacked a convoy.")) == ["nsubj", "ROOT", "det", "dobj", "punct"]



def test_token_strings_from_arrays_are_the_tokens_own(annotate, nlp):
    from eventwire.nlp.extensions import doc_lemmas, doc_lowers, doc_texts

    doc = annotate("ÇA VA: Gunmen KILLED 3 in Kano's market on Monday , police said .\n\nU.S.-backed forces")
    assert doc_texts(doc) == [t.text for t in doc]
    assert doc_lowers(doc) == [t.lower_ for t in doc]
    assert doc_lemmas(doc) == [t.lemma_.lower() for t in doc]
    assert "kill" in doc_lemmas(doc) and "killed" in doc_lowers(doc)
    bare = nlp.make_doc("Rebels fled")  # no lemmatizer run: spaCy's empty lemma
    assert doc_lemmas(bare) == [t.lemma_.lower() for t in bare] == ["", ""]
    assert doc_texts(nlp.make_doc("")) == []
