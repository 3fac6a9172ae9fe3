"""eventwire_event_classifier: the statistical part of event classification.

A small spaCy ``textcat`` (exclusive classes: the 25 ACLED sub-event types and
``none``), trained by ``scripts/train_event_classifier.py`` on the project's own
sentences (``data/training/``), scores every sentence of the doc:

    Span._.event_scores   on each sentence span (``doc.sents``): dict sub-event type -> probability
                          (the 25 sub-types; what is left to 1.0 is the probability of "no event");
                          the model runs over a sentence the component may add a trigger to, and
                          over the others only when their scores are first read (a getter)

The rules (``eventwire_events``) keep precedence.  Only in a sentence where they
found no trigger at all (not even a background one) does this component add a
trigger to ``doc.spans["ew_triggers"]``, when the best sub-type's probability
reaches ``threshold``:

    Span._.event_type        (event_type, sub_event_type)
    Span._.event_confidence  the probability
    Span._.event_rule        "classifier"
    Span._.event_args        head / agent / patient token indices, as eventwire_mentions reads them

The trigger span is the sentence's root verb (the reported clause's verb under "said",
"announced"...), else its best event noun; a negated, modal or bare-infinitive anchor
("did not attack", "will attack", "could attack", an imperative) or a bare statement
adds nothing.

Add it after the rules::

    nlp.add_pipe("eventwire_event_classifier", after="eventwire_events",
                 config={"threshold": 0.9})

The classifier reads lemmas (the tagger/lemmatizer of the main pipeline must run
before it); ``features_text`` is the one place that turns tokens into its input,
used by training and inference alike.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..taxonomy import EVENT_TYPE_OF, event_type_of, names_weapon_of
from . import extensions  # noqa: F401
from .events import ARMED_BODIES, MILITARY_MOVERS, kind_of, lem, nonviolent_cause, with_conj

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "event_classifier"
NONE_LABEL = "none"
RULE_NAME = "classifier"
DEFAULT_THRESHOLD = 0.9

_SCORES_KEY = "_ew_event_scores"  # doc.user_data: (start, end) of a sentence -> scores (a cache)
_MODEL_KEY = "ew_event_classifier"  # doc.user_data: the model path the component ran with ("" = default)


def _sentence_scores(span: Span) -> dict[str, float] | None:
    """``Span._.event_scores``: computed on first read, for all the doc's sentences at once, so the
    component only runs the model over the sentences it may add a trigger to."""
    doc = span.doc
    if _MODEL_KEY not in doc.user_data:
        return None  # the component did not run on this doc
    cache = doc.user_data.get(_SCORES_KEY)
    if cache is None:
        cache = doc.user_data[_SCORES_KEY] = {}
    key = (span.start, span.end)
    if key not in cache:
        todo = [s for s in doc.sents if (s.start, s.end) not in cache]
        if key not in {(s.start, s.end) for s in todo}:
            return None  # not a sentence
        _score_into(cache, todo, doc.user_data[_MODEL_KEY] or None)
    return cache[key]


def _score_into(cache: dict, sents: list[Span], model_path: str | None) -> None:
    model = load_model(model_path)
    for sent, cats in zip(sents, _predict(model, [features_text(s) for s in sents])):
        cache[(sent.start, sent.end)] = {sub: round(float(cats.get(sub, 0.0)), 4) for sub in EVENT_TYPE_OF}


if not Span.has_extension("event_scores"):
    Span.set_extension("event_scores", getter=_sentence_scores)
if not Span.has_extension("event_args"):
    Span.set_extension("event_args", default=None)

# family names as eventwire_events writes them in Span._.event_args
FAMILY = {
    "Armed clash": "battle",
    "Government regains territory": "battle",
    "Non-state actor overtakes territory": "battle",
    "Chemical weapon": "remote",
    "Air/drone strike": "remote",
    "Suicide bomb": "remote",
    "Shelling/artillery/missile attack": "remote",
    "Remote explosive/landmine/IED": "remote",
    "Grenade": "remote",
    "Sexual violence": "sexual",
    "Attack": "violence",
    "Abduction/forced disappearance": "abduction",
    "Peaceful protest": "protest",
    "Protest with intervention": "protest",
    "Excessive force against protesters": "protest",
    "Violent demonstration": "protest",
    "Mob violence": "protest",
    "Agreement": "agreement",
    "Arrests": "arrest",
    "Change to group/activity": "group",
    "Disrupted weapons use": "disrupted",
    "Headquarters or base established": "base",
    "Looting/property destruction": "property",
    "Non-violent transfer of territory": "transfer",
    "Other": "other",
}

# nouns that name a happening: the anchor when the sentence has no verbal root
EVENT_NOUNS = {
    "attack", "strike", "airstrike", "raid", "bombing", "bomb", "blast", "explosion", "shelling", "clash",
    "fighting", "battle", "ambush", "offensive", "assault", "shooting", "killing", "massacre", "kidnapping",
    "abduction", "rape", "protest", "demonstration", "rally", "march", "riot", "strike", "sit-in", "lynching",
    "arrest", "detention", "ceasefire", "truce", "deal", "agreement", "withdrawal", "handover", "surrender",
    "seizure", "capture", "looting", "grave", "remains", "grenade", "mine", "landmine", "missile", "rocket",
    "mortar", "drone", "gas", "takeover", "recapture", "base", "camp", "merger", "deployment",
}


class ModelMissingError(FileNotFoundError):
    """The classifier's model directory is absent or incomplete."""


def features_text(tokens: Iterable[Token]) -> str:
    """The classifier's input for a run of tokens: lower-cased lemmas, no punctuation."""
    out = []
    for t in tokens:
        if t.is_punct or t.is_space:
            continue
        out.append((t.lemma_ or t.text).lower())
    return " ".join(out)


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> Language:
    """The trained textcat pipeline (cached). ``ModelMissingError`` names the fix when absent."""
    p = Path(path) if path else MODEL_DIR
    if not (p / "config.cfg").exists() or not (p / "textcat").is_dir():
        raise ModelMissingError(
            f"event classifier model not found at {p}: train it with "
            f"'python scripts/train_event_classifier.py' (or pass model_path to the component)"
        )
    model = spacy.load(p)
    if "textcat" not in model.pipe_names:
        raise ModelMissingError(f"{p}: not an event classifier (no textcat component)")
    return model


def score_texts(texts: list[str], path: str | None = None) -> list[dict[str, float]]:
    """Scores for already-featurized texts (``features_text``): label -> probability, ``none`` included."""
    model = load_model(path)
    return list(_predict(model, texts))


def _predict(model: Language, texts: list[str]):
    """label -> probability per text; an empty text (a sentence of punctuation) scores 0 everywhere
    (the model's max-pooling needs at least one token)."""
    live = [i for i, t in enumerate(texts) if t.strip()]
    cats = {i: dict(d.cats) for i, d in zip(live, model.pipe([texts[i] for i in live]))}
    empty = {label: 0.0 for label in model.get_pipe("textcat").labels}
    for i in range(len(texts)):
        yield cats.get(i, empty)


# "X said / announced / warned that ...": the happening is the reported clause
SPEECH = {
    "say", "tell", "announce", "state", "report", "claim", "add", "confirm", "declare", "warn", "threaten",
    "urge", "demand", "deny", "accuse", "allege", "insist", "note", "explain", "write", "reveal", "vow",
    "pledge", "promise", "predict", "believe", "fear", "expect", "estimate", "suggest", "argue", "call",
}
MODALS = {"will", "would", "could", "may", "might", "should", "shall", "must", "can", "'ll", "wo", "ca"}


def fits_length(sent: Span, min_tokens: int, max_tokens: int) -> bool:
    """A sentence the classifier reads: ``min_tokens``..``max_tokens`` words (punctuation and spaces
    not counted)."""
    n_words = sum(1 for t in sent if not t.is_punct and not t.is_space)
    return min_tokens <= n_words <= max_tokens


def _anchor(sent: Span) -> Token:
    root = sent.root
    if root.pos_ == "VERB" and root.lemma_.lower() in SPEECH:
        comp = [c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
        if comp:
            return comp[0]
    if root.pos_ == "VERB":
        return root
    nouns = [t for t in sent if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in EVENT_NOUNS]
    if nouns:
        # the event noun nearest the root in the tree, then the first
        def depth(t: Token) -> int:
            d = 0
            while t.head.i != t.i and d < 50:
                t, d = t.head, d + 1
            return d

        return min(nouns, key=lambda t: (depth(t), t.i))
    verbs = [t for t in sent if t.pos_ == "VERB"]
    return verbs[0] if verbs else root


def _not_a_report(tok: Token) -> str:
    """Why the anchor cannot be a reported happening ("" when it can): a negated verb, or a
    bare infinitive (imperatives, "will attack", "to attack") - plans and orders, not events."""
    if any(c.dep_ == "neg" for c in tok.children):
        return "negated"
    if tok.pos_ in ("VERB", "AUX") and tok.tag_ == "VB":
        return "bare infinitive"
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
        return "modal"
    if tok.dep_ == "ROOT" and tok.lemma_.lower() in SPEECH:
        return "a statement"
    return ""


def _arguments(tok: Token) -> tuple[list[Token], list[Token]]:
    """(agents, patients) of the anchor; the rules' helpers when they are importable."""
    try:
        from . import events as ev

        return list(ev.agents(tok)), list(ev.patients(tok))
    except Exception:  # noqa: BLE001 - a simple reading below
        pass
    agents: list[Token] = []
    patients: list[Token] = []
    for c in tok.children:
        if c.dep_ == "nsubj":
            agents.append(c)
        elif c.dep_ == "agent":
            agents.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in ("dobj", "nsubjpass"):
            patients.append(c)
    return with_conj(agents), with_conj(patients)


def _in(group: str, doc: Doc, sent: Span) -> bool:
    return group in doc.spans and any(sent.start <= sp.start < sent.end for sp in doc.spans[group])


def _has_participants(doc: Doc, sent: Span) -> bool:
    """A reported happening names who took part and at least one of where, when or how many.

    Without it the model's confident guesses on captions, quotes and small talk
    ("Image 5 of 8", "Everybody was running around") become events.  Only
    enforced when the annotating components ran (their span groups exist).
    """
    if "ew_actors" not in doc.spans:
        return True
    return _in("ew_actors", doc, sent) and (
        _in("ew_toponyms", doc, sent) or _in("ew_timex", doc, sent) or _in("ew_quantities", doc, sent)
    )


# Sub-types whose definition names an armed or state group as the one that acts (TAXONOMY.md: a
# group forms, splits, moves forces; sets up a base; hands over territory). Without such a group
# in the sentence, movement is migrants crossing or residents leaving, not a conflict development.
ARMED_GROUP_SUBS = {"Change to group/activity", "Headquarters or base established", "Non-violent transfer of territory"}


def _armed_group_in(doc: Doc, sent: Span) -> bool:
    for t in sent:
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        if lem(t) in MILITARY_MOVERS or lem(t) in ARMED_BODIES or t.lower_ in MILITARY_MOVERS:
            return True
        if kind_of(doc, t, ner=False) in ("state", "nonstate"):
            return True
    return False


def definition_met(sub: str, sent: Span) -> bool:
    """Whether the sentence can meet ``sub``'s definition: a weapon-defined sub-type needs its weapon named
    (taxonomy.WEAPON_WORDS). Without it, "three men got out of a car and fired at people" scored Suicide
    bomb 0.99: the model had learnt the scene, not the definition."""
    return names_weapon_of(sub, ((t.lemma_, t.lower_) for t in sent))


class EventClassifier:
    def __init__(self, nlp: Language, name: str, threshold: float = DEFAULT_THRESHOLD, model_path: str | None = None,
                 min_tokens: int = 4, max_tokens: int = 80, require_participants: bool = True):
        self.name = name
        self.model_path = model_path
        self.require_participants = require_participants
        self.threshold = float(threshold)
        self.model_path = model_path
        self.min_tokens = min_tokens
        self.max_tokens = max_tokens
        self.model = load_model(model_path)  # fails at construction, with the fix in the message
        labels = set(self.model.get_pipe("textcat").labels)
        missing = set(EVENT_TYPE_OF) - labels
        if missing:
            raise ModelMissingError(f"event classifier model lacks labels {sorted(missing)}")

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("SENT_START"):
            return doc
        doc.user_data[_MODEL_KEY] = self.model_path or ""
        cache = doc.user_data[_SCORES_KEY] = {}
        sents = list(doc.sents)
        existing = list(doc.spans["ew_triggers"]) if "ew_triggers" in doc.spans else []
        covered = set()
        for sp in existing:
            covered.add(sp.sent.start)
        # The cheap tests first: the model runs only over the sentences that pass them
        # (Span._.event_scores of the others is computed when read).
        candidates = []
        for sent in sents:
            if sent.start in covered:
                continue  # the rules spoke here (an event or a background reading): they win
            if not fits_length(sent, self.min_tokens, self.max_tokens):
                continue
            if self.require_participants and not _has_participants(doc, sent):
                continue
            candidates.append(sent)
        _score_into(cache, candidates, self.model_path)
        added: list[Span] = []
        for sent in candidates:
            scores = cache[(sent.start, sent.end)]
            sub = max(scores, key=scores.get)
            prob = scores[sub]
            if prob < self.threshold:
                continue
            if sub in ARMED_GROUP_SUBS and not _armed_group_in(doc, sent):
                continue
            if not definition_met(sub, sent):
                continue
            tok = _anchor(sent)
            if _not_a_report(tok):
                continue
            agents, patients = _arguments(tok)
            if nonviolent_cause(doc, tok, agents):
                # "toxic fumes from a plant sickened hundreds": every ACLED event is some actor's act;
                # a hazard's harm is none, whatever the sentence sounds like
                continue
            sp = Span(doc, tok.i, tok.i + 1, label=sub)
            sp._.event_type = (event_type_of(sub), sub)
            sp._.event_confidence = round(prob, 3)
            sp._.event_rule = RULE_NAME
            sp._.background = False
            sp._.event_args = {
                "head": tok.i,
                "agent": [t.i for t in agents if sent.start <= t.i < sent.end],
                "patient": [t.i for t in patients if sent.start <= t.i < sent.end],
                "members": [tok.i],
                "family": FAMILY[sub],
                "role": "specific",
                "embedded": False,
            }
            added.append(sp)
        if added or "ew_triggers" in doc.spans:
            doc.spans["ew_triggers"] = sorted(existing + added, key=lambda s: (s.start, s.end))
        return doc


@Language.factory(
    "eventwire_event_classifier",
    default_config={"threshold": DEFAULT_THRESHOLD, "model_path": None, "min_tokens": 4, "max_tokens": 80,
                    "require_participants": True},
)
def make_event_classifier(nlp: Language, name: str, threshold: float, model_path: str | None, min_tokens: int, max_tokens: int,
                          require_participants: bool):
    return EventClassifier(nlp, name, threshold=threshold, model_path=model_path, min_tokens=min_tokens, max_tokens=max_tokens,
                           require_participants=require_participants)
