"""eventwire_modality: ``Span._.modality`` for every trigger in ``doc.spans["ew_triggers"]``.

    denied        "the army denied attacking the village", "rejected claims that it shelled"
    hypothetical  "could", "might", "may", "would" (outside reported plans), "if"/"unless" clauses
    planned       "will", "is set to leave", "plans to", "expected to", "are due to", "upcoming rally"
    asserted      everything else

The decision walks from the trigger up to its clause head (a noun trigger
takes the verb it is the subject or object of) and stops at a reporting verb,
so "officials said the militants will leave" is planned and "the army said
it had retaken the town" stays asserted.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import extensions  # noqa: F401

DENY = {"deny", "reject", "refute", "dismiss", "disavow"}
PLAN = {"plan", "intend", "schedule", "prepare", "threaten", "vow", "aim", "pledge", "expect", "promise", "propose", "mull", "consider", "announce"}
PLAN_ADJ = {"planned", "upcoming", "scheduled", "proposed", "expected", "imminent", "forthcoming", "future", "impending", "threatened", "would-be"}
HYPO_ADJ = {"possible", "potential", "likely", "feared", "hypothetical", "eventual"}
HYPO_MD = {"could", "might", "may", "can", "should", "must"}
FUTURE_MD = {"will", "shall", "'ll", "wo"}
FACT_MARKS = {"after", "when", "since", "because", "as", "while", "once", "following", "before"}
REPORT = {"say", "tell", "report", "add", "state", "claim", "confirm", "announce", "accord", "tweet", "write", "note", "explain"}


def _chain(t: Token) -> list[Token]:
    """The trigger and the verbs above it, up to (not past) a reporting verb."""
    out = [t]
    cur = t
    for _ in range(8):
        if cur.head == cur:
            break
        nxt = cur.head
        if nxt.lemma_.lower() in REPORT and cur.dep_ in ("ccomp", "parataxis"):
            break
        # "vowed an inquiry after seven people were killed": what the clause of time or cause
        # tells happened; the plan is the main clause's
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in FACT_MARKS for c in cur.children):
            break
        out.append(nxt)
        if cur.dep_ in ("ccomp", "advcl", "relcl", "acl") and nxt.pos_ in ("VERB", "AUX") and nxt.lemma_.lower() not in DENY | PLAN | {"set", "due", "go", "begin", "start", "agree", "decide", "order", "want", "seek", "hope", "try", "attempt", "continue", "resume", "fail"}:
            break
        cur = nxt
    return out


def modality_of(t: Token) -> str:
    chain = _chain(t)
    for x in chain:
        lx = x.lemma_.lower()
        if lx in DENY and x.i != t.i:
            return "denied"
        if x.lower_ in ("denial", "denials"):
            return "denied"
    for x in chain:
        for c in x.children:
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return "hypothetical"
            if c.dep_ == "aux" and c.lower_ in HYPO_MD:
                return "hypothetical"
            if c.dep_ == "amod" and c.lower_ in HYPO_ADJ and x.pos_ in ("NOUN", "PROPN"):
                return "hypothetical"
    for x in chain:
        lx = x.lemma_.lower()
        for c in x.children:
            if c.dep_ == "aux" and c.lower_ in FUTURE_MD:
                return "planned"
            if c.dep_ == "aux" and c.lower_ == "would":
                # "said it would withdraw": a reported plan; otherwise a conditional
                return "planned" if any(a.lemma_.lower() in REPORT for a in x.ancestors) else "hypothetical"
            if c.dep_ == "amod" and c.lower_ in PLAN_ADJ and x.pos_ in ("NOUN", "PROPN"):
                return "planned"
        if x.i != t.i and lx in PLAN and x.pos_ in ("VERB", "NOUN", "ADJ"):
            return "planned"
        if x.i != t.i and lx in ("set", "due", "poise", "go") and any(c.lower_ == "to" for c in x.children) | any(c.dep_ == "xcomp" for c in x.children):
            # "are set to leave", "are due to sign", "is going to attack"
            if lx != "go" or x.tag_ == "VBG":
                return "planned"
        # (spaCy makes a new Token object on each access: the verb below is compared by index, not identity)
        if x.i != t.i and lx in ("agree", "decide", "order", "call", "urge") and any(c.i == chain[chain.index(x) - 1].i and c.dep_ == "xcomp" for c in x.children):
            return "planned"
        if x.pos_ in ("VERB", "AUX") and x.i != t.i and x.dep_ == "ROOT":
            break
    return "asserted"


class Modality:
    def __call__(self, doc: Doc) -> Doc:
        for sp in doc.spans.get("ew_triggers", []) if "ew_triggers" in doc.spans else []:
            try:
                args = getattr(sp._, "event_args", None) or {}
                tok = doc[args["head"]] if "head" in args else sp.root
                sp._.modality = modality_of(tok)
            except Exception:  # noqa: BLE001
                sp._.modality = "asserted"
        return doc


@Language.factory("eventwire_modality")
def make_modality(nlp: Language, name: str):
    return Modality()
