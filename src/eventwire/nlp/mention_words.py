"""The words and sentence helpers every part of a mention reads.

The casualty words (killed, wounded, abducted, arrested), the number a token
gives, the quantities a sentence holds of its own, and the sentence spans and
attribution a mention's source records.  The other mention modules
(``mention_actors``, ``mention_counts``, ``mention_coref``) and the component
(``mentions``) build on these; this module imports none of them.
"""
from __future__ import annotations

import bisect
import hashlib

from spacy.tokens import Doc, Span, Token

from . import events as ev
from . import extensions  # noqa: F401
from .extensions import span_text


MIN_CONFIDENCE = 0.5

KILLED = {"kill", "killing", "slay", "die", "dead", "death", "murder", "massacre", "execute", "behead", "fatality", "toll", "life", "lose", "body"}
WOUNDED = {"wound", "injure", "injury", "hurt", "maim", "injured", "wounded"}
ABDUCTED = {"kidnap", "abduct", "abduction", "kidnapping", "hostage", "take", "seize"}
ARRESTED = {"arrest", "detain", "detention", "apprehend", "nab"}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
VAGUE = {"dozens", "scores", "hundreds", "thousands", "several", "many", "numerous", "some", "few", "tens", "millions"}
PROTEST_SEVERITY = {
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    "Excessive force against protesters": 2,
    "Violent demonstration": 3,
}
NOT_COUNTED = {
    "side", "sides", "time", "times", "day", "days", "year", "years", "hour", "hours", "week", "weeks", "month",
    "months", "percent", "km", "kilometres", "kilometers", "miles", "mile", "meters", "metres", "minute", "minutes",
    "round", "rounds", "point", "points", "stop", "age",
}
PARTIAL_COUNT = {"count", "see", "receive", "treat", "admit", "bring"}
UNIDENTIFIED = {"gunman", "gunmen", "attacker", "assailant", "bandit", "kidnapper", "abductor"}
# Indefinite pronouns for a doer nobody names ("someone opened fire").
UNKNOWN_DOERS = {"someone", "somebody", "unknown"}


def _num_value(t: Token) -> int | None:
    txt = t.text.lower().replace(",", "")
    if txt.isdigit():
        v = int(txt)
        return v if v < 10_000_000 else None
    if txt in NUMBER_WORDS:
        return NUMBER_WORDS[txt]
    if "-" in txt:
        parts = txt.split("-")
        if all(p in NUMBER_WORDS for p in parts):
            return sum(NUMBER_WORDS[p] for p in parts)
    return None


def _counted_key(gov: Token) -> str | None:
    l = gov.lemma_.lower()
    if l in KILLED:
        return "killed"
    if l in WOUNDED or gov.lower_ in WOUNDED:
        return "wounded"
    if l in ABDUCTED:
        return "abducted"
    if l in ARRESTED:
        return "arrested"
    if l in ("evacuate",):
        return "evacuated"
    if l in ("displace",):
        return "displaced"
    return None


def _governor(t: Token, stop: set[int] | None = None) -> Token | None:
    """The effect word ("killed", "dead", "death of") a number or counted noun depends on."""
    cur = t
    for _ in range(6):
        if _counted_key(cur) and cur.i != t.i:
            return cur
        # "10 others wounded", "students abducted": the modifier of the counted noun
        for c in cur.children:
            if c.dep_ in ("acl", "amod", "relcl") and _counted_key(c) and c.i != t.i:
                return c
        if cur.head == cur:
            return None
        if cur.dep_ in ("nummod", "quantmod", "conj", "pobj", "prep", "nsubjpass", "nsubj", "dobj", "appos", "amod", "compound", "advmod", "npadvmod", "cc", "attr", "oprd"):
            nxt = cur.head
            # "counted 13 dead": a witness's partial count, not the toll
            if nxt.lemma_.lower() in PARTIAL_COUNT and _counted_key(cur) is None:
                return None
            cur = nxt
            continue
        if cur.dep_ in ("ccomp", "relcl", "advcl", "ROOT"):
            return None
        cur = cur.head
    return None


def own_quantities(sent: Span) -> list[tuple[Token, int, str, Token]]:
    """(number token, value, counted key, governing word) read from the parse."""
    out = []
    for t in sent:
        if not (t.like_num or t.lower_ in NUMBER_WORDS):
            continue
        if t.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL") or t.lower_ in VAGUE:
            continue
        v = _num_value(t)
        if v is None:
            continue
        # "more than 20", "over 70": an open bound is no count
        mods = {c.lower_ for c in t.children if c.dep_ in ("quantmod", "advmod")} | {c.lower_ for c in t.lefts}
        if {"than", "over"} & mods and not ({"least"} & mods):
            continue
        if t.i > sent.start and t.nbor(-1).lower_ in ("a",) and t.lower_ == "dozen" and t.i > sent.start + 1 and t.nbor(-2).lower_ in ("than", "over"):
            continue
        base = t.head if t.dep_ == "nummod" else t
        gov = _governor(base)
        if gov is None and _counted_key(base):
            gov = base
        if gov is None:
            continue
        key = _counted_key(gov)
        if key:
            out.append((t, v, key, gov))
    return out


def _article_source(doc: Doc) -> dict:
    art = doc._.article
    if art is None:
        return {"article_id": hashlib.sha1(doc.text.encode("utf-8")).hexdigest()[:16]}
    return {
        "article_id": art.id,
        "path": art.path,
        "url": art.url,
        "outlet": art.outlet,
        "published": art.published_iso,
    }


_BREAK = ev.LINE_BREAK


def _sentence_span(sent: Span, trig: Span | None = None) -> tuple[str, tuple[int, int]]:
    """The sentence the trigger is in, as character offsets into the article.

    The parser does not split at line breaks, so a headline, a byline and the first
    sentence can come as one "sentence"; the source is then narrowed to the line (or
    paragraph) that holds the trigger.  A line wrapped inside a sentence (the next
    line starts in lower case) is not a break."""
    text = span_text(sent)
    start, end = 0, len(text)
    if trig is not None and "\n" in text.strip():
        rel = trig.start_char - sent.start_char
        for m in _BREAK.finditer(text):
            if m.end() <= rel:
                start = m.end()
            elif m.start() >= rel + len(trig.text):
                end = m.start()
                break
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg.rstrip())
    return seg.strip(), (sent.start_char + start + lead, sent.start_char + start + trail)


def _sentences(doc: Doc) -> tuple[list[int], list[Span]]:
    """The doc's sentences and their start tokens, listed once per doc (``Span.sent`` walks the
    tokens on each call; the sentence of a span is the one holding its first token, as there)."""
    cached = doc.user_data.get("_ew_sentences")
    if cached is None or cached[0] != len(doc):
        sents = list(doc.sents)
        cached = doc.user_data["_ew_sentences"] = (len(doc), [s.start for s in sents], sents)
    return cached[1], cached[2]


def _sent_at(doc: Doc, i: int) -> Span:
    """``doc[i].sent``, from the per-doc list."""
    starts, sents = _sentences(doc)
    return sents[bisect.bisect_right(starts, i) - 1]


def _attribution(doc: Doc, trig: Span) -> str | None:
    if "ew_attributions" not in doc.spans:
        return None
    best, width = None, None
    for sp in extensions.span_group(doc, "ew_attributions"):
        scope = getattr(sp._, "scope", None)
        if not scope:
            sent = _sent_at(doc, sp.start)
            scope = (sent.start_char, sent.end_char)
        if scope[0] <= trig.start_char < scope[1]:
            w = scope[1] - scope[0]
            if width is None or w < width:
                best, width = sp._.source_name or sp.text, w
    return best


# Words that tell a clause's dead as more than those told before ("also", "separately", "a second attack").
ADDED_WORDS = {"also", "separately", "meanwhile", "elsewhere", "another", "separate", "second", "further", "more"}


FOLLOW_UP_SENTENCES = 3


_TRIG_SENTS_KEY = "_ew_trigger_sentences"


def _set_background(doc: Doc, trig: Span, why: str) -> None:
    trig._.background = True
    trig._.event_rule = (trig._.event_rule or "") + why
    doc.user_data.pop(_TRIG_SENTS_KEY, None)


# Nouns that name a happening of any violent kind: "the attack" may refer back to a bombing or a battle.
GENERIC_HAPPENINGS = {
    "attack", "assault", "offensive", "operation", "campaign", "fighting", "violence", "incident", "raid", "battle",
    "clash", "onslaught", "push", "advance", "assaults", "unrest", "attacks", "operations",
}
DEFINITE_DETS = {"the", "this", "that"}
# "another attack", "a second blast", "their own offensive", "the first explosion", "a previous raid":
# a further (or a particular earlier) happening, not a reference back to the last one told.
NOT_BACK_MODS = {
    "another", "second", "third", "fourth", "fifth", "separate", "new", "fresh", "further", "other", "own", "first",
    "earlier", "previous", "prior", "last", "past", "next", "similar", "latter", "former", "same-day", "later",
}
# Pronouns that name a participant told before.
ANAPHORIC_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them"}


def _given(t: Token) -> bool:
    """A participant the article has already told: a personal pronoun, or a definite noun phrase of a
    common noun with no number or "another" ("the man", "the militants"); not a name ("the Islamic
    State") nor a relative pronoun (the happening's own sentence introduces it)."""
    if t.tag_ == "PRP":
        return t.lower_ in ANAPHORIC_PRONOUNS
    if t.pos_ != "NOUN":
        return False
    kids = list(t.children)
    if any(c.lower_ in NOT_BACK_MODS or c.dep_ == "nummod" or c.pos_ == "PROPN" or c.ent_type_ for c in kids):
        return False
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS | {"these", "those"} for c in kids)


# Nouns that name the doers of a happening by the happening ("the attackers", "the abductors"): with a
# definite article they presuppose that happening, told before.
DOER_NOUNS = UNIDENTIFIED | {"raider", "captor", "perpetrator", "shooter", "bomber"}


# Verbs of a death that tell no act of their own: the victim of a happening already told dying of it.
DEATH_VERBS = frozenset({"die", "succumb"})
# Words that tie a death to the wounds of a happening told: "died at the hospital", "of his injuries".
WOUND_WORDS = frozenset({"hospital", "wound", "wounds", "injury", "injuries", "also"})
