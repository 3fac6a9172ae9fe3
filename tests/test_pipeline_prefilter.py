"""The extraction path skips NER and eventwire's components for an article that cannot give an
event (nlp/prefilter.py, issue #14): the same events as the full pipeline, in the same order."""
from types import SimpleNamespace

import pytest

from eventwire.article import Article
from eventwire.extract import events_from_doc, extract_with
from eventwire.nlp.pipeline import annotate_many, load_pipeline
from eventwire.nlp.prefilter import SKIPPED_KEY, classifier_may_fire, needs_rest

# made-up articles with no possible trigger: business, culture, sport, weather, science
QUIET = [
    "The central bank kept its main lending rate at 4.5 percent on Thursday, saying inflation had eased "
    "more slowly than expected in the spring.",
    "A restored 1920s cinema in the old quarter of Porto reopens next month with a season of silent films "
    "and live piano accompaniment.",
    "Shares in the Norwegian shipping company climbed 3 percent in Oslo after quarterly profits exceeded forecasts.",
    "Forecasters expect light rain over the coast on Saturday, with temperatures near 18 degrees.",
    "Researchers at a university in Kyoto said the new battery design stores twice as much energy as "
    "current models.",
]
# made-up conflict reports told in different ways: active, passive, a noun headline, another country's naming
LOUD = [
    "Armed men ambushed an army convoy near the town of Gao on Tuesday, killing four soldiers, officials said.",
    "Four soldiers were killed when their convoy was ambushed outside Gao, the defence ministry said on Tuesday.",
    "Mortar fire on Aleppo market\nShells struck a crowded market in Aleppo on Friday, wounding at least 12 people.",
    "Police in Dhaka detained 30 opposition supporters who had blocked a highway to demand new elections.",
    "Hundreds of farmers rallied outside parliament in Nairobi on Monday against a new land tax.",
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _events(pairs):
    return [[ev.to_record() for ev in evs] for _, evs in pairs]


def test_quiet_articles_skip_the_rest_and_lose_nothing(nlp):
    arts = [Article(text=t) for t in QUIET]
    full = [list(d._.mentions or []) for _, d in annotate_many(arts, nlp)]
    for (a, doc), before in zip(annotate_many(arts, nlp, events_only=True), full):
        assert doc.user_data.get(SKIPPED_KEY) is True, a.text
        assert doc._.mentions == [] and before == []
        assert not doc.ents  # NER did not run


def test_conflict_articles_run_everything_with_the_same_mentions(nlp):
    arts = [Article(text=t) for t in LOUD]
    full = [d for _, d in annotate_many(arts, nlp)]
    gated = [d for _, d in annotate_many(arts, nlp, events_only=True)]
    for f, g in zip(full, gated):
        assert not g.user_data.get(SKIPPED_KEY)
        assert g._.mentions, g.text  # each of them reports an event
        assert [repr(m) for m in g._.mentions] == [repr(m) for m in f._.mentions]


def test_mixed_batches_keep_order_and_events(nlp):
    # quiet and conflict articles interleaved, in batches that mix both, and alone
    texts = [x for pair in zip(QUIET, LOUD) for x in pair]
    arts = [Article(text=t) for t in texts]
    full = _events((a, events_from_doc(d)) for a, d in annotate_many(arts, nlp))
    for bs in (1, 3, 16):
        pairs = list(extract_with([Article(text=t) for t in texts], nlp, batch_size=bs))
        assert [a.text for a, _ in pairs] == texts
        assert _events(pairs) == full
        assert [bool(evs) for _, evs in pairs] == [False, True] * len(QUIET)


def test_gate_is_a_superset_of_the_trigger_rules(nlp):
    # every sentence in which the full pipeline finds any trigger (background ones too) keeps its doc
    probes = LOUD + [
        "The rebels had shelled the village every night for a month.",  # habitual: a background trigger
        "Talks on a ceasefire are planned for next week in Geneva.",
        "The minister denied that troops had opened fire on the crowd.",
        "A roadside bomb went off near a checkpoint in Kandahar province.",
        "Settlers set fire to olive groves near Nablus overnight.",
    ]
    for text in probes:
        doc = nlp(text)
        has = "ew_triggers" in doc.spans and len(doc.spans["ew_triggers"]) > 0
        early = nlp.make_doc(text)
        with nlp.select_pipes(enable=[n for n in nlp.pipe_names[: nlp.pipe_names.index("lemmatizer") + 1]]):
            early = nlp(early)
        assert has and needs_rest(nlp, [early]) == [True], text


def test_a_sure_classifier_keeps_an_article_without_lexicon_words(nlp):
    # the classifier may add a trigger where the lexicon has none: a sentence it is sure of keeps the doc
    names = nlp.pipe_names[: nlp.pipe_names.index("lemmatizer") + 1]
    with nlp.select_pipes(enable=names):
        doc = nlp(QUIET[0])
    real = nlp.get_pipe("eventwire_event_classifier")
    sure = SimpleNamespace(min_tokens=real.min_tokens, max_tokens=real.max_tokens, threshold=0.0,
                           model_path=real.model_path)
    unsure = SimpleNamespace(min_tokens=real.min_tokens, max_tokens=real.max_tokens, threshold=1.5,
                             model_path=real.model_path)
    assert classifier_may_fire([doc], sure) == [True]
    assert classifier_may_fire([doc], unsure) == [False]
    # too short for the classifier: it never reads the sentence
    short = SimpleNamespace(min_tokens=50, max_tokens=80, threshold=0.0, model_path=real.model_path)
    assert classifier_may_fire([doc], short) == [False]


def test_the_full_pipeline_still_annotates_everything(nlp):
    # annotate_many without events_only (a caller reading places, times, entities) skips nothing
    for _, doc in annotate_many([Article(text=QUIET[2])], nlp):
        assert SKIPPED_KEY not in doc.user_data
        assert doc.ents
