"""Skip NER and eventwire's components for an article that cannot give an event (issue #14).

An event mention comes only from a trigger in ``doc.spans["ew_triggers"]``, and a trigger
comes from one of two places:

* ``eventwire_events``: a candidate is a token whose lemma or lower-case form (or an
  inflected form) is a word of the trigger lexicon, or the start of a lexicon phrase, and
  whose part of speech the lexicon entry allows (``find_candidates``); every later test
  only drops candidates;
* ``eventwire_event_classifier``: a sentence of ``min_tokens``..``max_tokens`` words whose
  best sub-type reaches the threshold (its other tests only drop sentences).

Both read only what the pipeline has written by the lemmatizer (tokens, sentences, POS,
lemmas): nothing of the NER or of eventwire's own components. So after the parser and the
lemmatizer, an article with no lexicon candidate and no sentence the classifier is sure of
gives no mention, whatever NER finds: the rest of the pipeline is skipped for it and its
``Doc._.mentions`` is ``[]``, as the full pipeline would leave it.  The test here is a
superset of the components' own (a phrase is matched over the whole doc, not within each
sentence; the classifier's sentences are all scored, with a margin below its threshold), so
the events are the same (``benchmarks/output_identity.py``).

This is for the extraction path only (``annotate_many(..., events_only=True)``): a doc that
was skipped carries no entities, places or times, so callers that read those run the full
pipeline.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .extensions import doc_lemmas, doc_lowers, drop_caches

GATE_AFTER = "lemmatizer"  # the last pipe whose output the test reads (POS, lemmas; the parser's sentences)
EVENTS = "eventwire_events"
CLASSIFIER = "eventwire_event_classifier"
# Scores the classifier reads from the same model may differ in the last digits with another batch
# of sentences (and it rounds them to 4): a sentence this close to the threshold keeps its article.
MARGIN = 0.01
SKIPPED_KEY = "ew_no_event_possible"  # doc.user_data: True on a doc the rest of the pipeline skipped


def may_have_trigger(doc: Doc, events) -> bool:
    """Whether ``eventwire_events`` could find a candidate trigger in ``doc`` (a superset of its test)."""
    from .events import _pos_ok

    lex, phrases = events.lex, events.matcher
    for _key, words, head, entry in phrases(doc, 0, len(doc)):
        hi = words[min(int(head), len(words) - 1)]
        if _pos_ok(doc[hi], entry["pos"]) or _pos_ok(doc[words[-1]], entry["pos"]):
            return True
    words, forms = lex["words"], lex["forms"]
    lowers, lemmas = doc_lowers(doc), doc_lemmas(doc)
    for i in range(len(doc)):
        # the same keys as find_candidates: the lemma, the lower-case form, an inflected form
        entries = (words.get(lemmas[i]) or []) + (words.get(lowers[i]) or []) + (forms.get(lowers[i]) or [])
        if entries:
            t = doc[i]
            if any(_pos_ok(t, e["pos"]) for e in entries):
                return True
    return False


def classifier_may_fire(docs: list[Doc], clf) -> list[bool]:
    """Per doc: whether the classifier could add a trigger (some sentence near its threshold)."""
    from ..taxonomy import EVENT_TYPE_OF
    from .classifier import features_text, fits_length, score_texts

    if not docs:
        return []
    sents = [(k, s) for k, d in enumerate(docs) if d.has_annotation("SENT_START") for s in d.sents
             if fits_length(s, clf.min_tokens, clf.max_tokens)]
    out = [False] * len(docs)
    if not sents:
        return out
    scores = score_texts([features_text(s) for _, s in sents], clf.model_path)
    for (k, _), sc in zip(sents, scores):
        if max(sc.get(sub, 0.0) for sub in EVENT_TYPE_OF) >= clf.threshold - MARGIN:
            out[k] = True
    return out


def needs_rest(nlp: Language, docs: list[Doc]) -> list[bool]:
    """Per doc (annotated up to ``GATE_AFTER``): whether the rest of the pipeline could give an event."""
    events = nlp.get_pipe(EVENTS)
    keep = [may_have_trigger(d, events) for d in docs]
    if CLASSIFIER in nlp.pipe_names:
        rest = [d for d, k in zip(docs, keep) if not k]
        fire = iter(classifier_may_fire(rest, nlp.get_pipe(CLASSIFIER)))
        keep = [k or next(fire) for k in keep]
    return keep


def can_gate(nlp: Language) -> bool:
    names = nlp.pipe_names
    return EVENTS in names and GATE_AFTER in names and "parser" in names and names.index(GATE_AFTER) < names.index(EVENTS) \
        and names.index("parser") < names.index(GATE_AFTER)


def pipe_for_events(nlp: Language, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
    """``nlp.pipe(docs)`` for a caller that reads only ``Doc._.mentions``: the same docs in the same
    order, where a doc that cannot give an event stops after ``GATE_AFTER``."""
    if not can_gate(nlp):
        yield from nlp.pipe(docs, batch_size=batch_size)
        return
    names = nlp.pipe_names
    cut = names.index(GATE_AFTER) + 1
    early, late = names[:cut], names[cut:]
    for batch in minibatch(nlp.pipe(docs, batch_size=batch_size, disable=late), size=batch_size):
        keep = needs_rest(nlp, batch)
        done = iter(nlp.pipe([d for d, k in zip(batch, keep) if k], batch_size=batch_size, disable=early))
        for doc, k in zip(batch, keep):
            if k:
                yield next(done)
            else:
                doc._.mentions = []
                doc.user_data[SKIPPED_KEY] = True
                yield drop_caches(doc)
