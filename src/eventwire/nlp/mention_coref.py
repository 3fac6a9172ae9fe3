"""Is this trigger a happening of its own? (part of ``eventwire_mentions``)

A trigger that refers back to a happening already told (a recap, a quote, a
definite "the attack"), that tells only its toll, a found body or a seizure
made in its course, or that sets older context (background years, a party's
past, a statement's setting) makes no mention of its own.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from ..records import DateRange, EventMention
from . import events as ev
from . import extensions  # noqa: F401
from .extensions import doc_text
from .attribution import REPORT_VERBS
from .mention_words import (
    ADDED_WORDS,
    DEATH_VERBS,
    DEFINITE_DETS,
    DOER_NOUNS,
    FOLLOW_UP_SENTENCES,
    GENERIC_HAPPENINGS,
    MIN_CONFIDENCE,
    NOT_BACK_MODS,
    WOUND_WORDS,
    _given,
    _num_value,
    _sent_at,
    _sentences,
    _set_background,
)
from .mention_actors import VIOLENT_TYPES, _definite, _in_dateline


# Verbs of violence that any violent happening involves ("killed", "attacked"), as against a kind of
# its own ("abducted", "shelled"): a clause of given participants with one of them may tell more of a
# happening the article typed otherwise.
GENERIC_VIOLENCE_VERBS = {
    "attack", "assault", "storm", "raid", "fight", "clash", "kill", "wound", "injure", "hit", "strike", "shoot",
    "fire", "target",
}
# "the deal follows a campaign", "after an offensive": a clause that recalls a happening told before.
RECAP_VERBS = {"follow", "end", "cap", "culminate", "conclude", "halt", "pause", "suspend", "interrupt"}
RECAP_PREPS = {"after", "following", "since", "amid", "amidst"}
# Plurals news uses for one battle ("four soldiers were killed in clashes at the post"): unlike "the toll
# from two bomb attacks", their toll is one happening's, unless a number says several ("two clashes").
ONE_HAPPENING_PLURALS = {"clash", "skirmish", "hostility", "gunfight"}
TIME_ANCHOR_PREPS = {"after", "before", "following", "since", "amid", "amidst", "during", "until", "till"}
# Nouns of the time after a happening: "in the wake of the clash", "in the aftermath of the raid".
TIME_ANCHOR_NOUNS = {"wake", "aftermath"}


def _inside_quote(doc: Doc, tok: Token) -> bool:
    """Is ``tok`` inside quotation marks of its sentence (an odd number of quote marks before it)?"""
    sent = tok.sent
    text = doc_text(doc)[sent.start_char: tok.idx]
    opens = text.count("“") + text.count("«")
    closes = text.count("”") + text.count("»")
    straight = text.count('"')
    return opens > closes or straight % 2 == 1


def refers_back(doc: Doc, trig: Span, head: Token) -> str:
    """Why a trigger with no date of its own refers back to a happening told earlier in the article, or "".

    - a definite singular noun phrase ("the offensive", "this attack", "the army's assault", "its campaign")
      with no ordinal or "another"/"own"/"previous" and no place, event name or date of its own;
    - a recap: the happening recalled by "follows", "ends", "after", "amid" ("the deal follows a military
      campaign to drive out the group");
    - a quote: the happening told in a quotation ("'they attacked our positions,' he said").

    "generic" marks a noun for a violent happening of any kind ("attack", "offensive"), which may refer back
    to one the article typed otherwise (a bombing, a battle); "anchor" a phrase that dates another clause
    ("after the blast")."""
    host = _happening_noun_of(doc, head) if head.pos_ == "VERB" else None
    if host is not None:
        # "the strike hit the market", "the strike, which the army said targeted militants, struck the
        # market": what a happening noun did is that happening, referring back as the noun does
        why = refers_back(doc, trig, host)
        if why.startswith(("definite", "recap")):
            return why
    if head.pos_ == "VERB" and head.dep_ == "relcl" and head.head.pos_ == "NOUN" and _given(head.head):
        # "the person who shot him", "the man who was killed": a definite description by the act
        # presupposes the act, told before
        return f"definite: {head.head.text} who {head.text}"
    if head.pos_ in ("NOUN", "PROPN"):
        if head.tag_ in ("NNS", "NNPS") and head.lower_ not in GENERIC_HAPPENINGS:
            return ""  # "the attacks": several happenings
        kids = list(head.children)
        if any(c.lower_ in NOT_BACK_MODS or c.dep_ == "nummod" for c in kids):
            return ""
        for c in kids:
            if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and (
                    c.ent_type_ in ("FAC", "EVENT", "DATE", "TIME") or
                    (c.pos_ == "PROPN" and c.ent_type_ not in ("NORP", "ORG", "PERSON", "GPE", "LOC"))):
                return ""  # "the Westgate attack", "the 2014 offensive": a happening of its own name
        generic = " generic" if head.lemma_.lower() in GENERIC_HAPPENINGS else ""
        if head.dep_ == "pobj" and (head.head.lower_ in TIME_ANCHOR_PREPS or (
                head.head.lower_ == "of" and head.head.head.lemma_.lower() in TIME_ANCHOR_NOUNS)):
            generic += " anchor"  # "broke out after the blast": it dates another happening of the sentence
        if _suffered_in(head):
            generic += " victims"  # "two soldiers died in the ambush": its subject is a victim, not a doer
        if any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in kids) or any(c.dep_ == "poss" for c in kids):
            return f"definite{generic}: {' '.join(t.text for t in head.subtree if t.i <= head.i)[-60:]}"
        gov = head.head
        if (head.dep_ in ("dobj", "nsubjpass") and gov.lemma_.lower() in RECAP_VERBS) or (
                head.dep_ == "pobj" and gov.lower_ in RECAP_PREPS):
            return f"recap{generic}: {gov.text} {head.text}"
    verb = _clause_verb(head)
    subj = _subject_of(verb) if verb is not None else None
    if subj is not None and _given(subj):
        # "the man had already been killed", "it said it had killed 30 soldiers": a clause about
        # participants the article has already told tells more of a happening already told; a verb
        # of violence of any kind may tell a happening typed otherwise ("attacked ... with a car bomb")
        generic = " generic" if verb.lemma_.lower() in GENERIC_VIOLENCE_VERBS else ""
        # (the told crowd of a riot, "the crowd then set fire to the building": what it does is part of
        # the riot, a burning in its course; "the gunmen" keep the plain reading, whose fold keeps the
        # host's toll)
        doer = " doer" if _crowd_noun(subj) else ""
        return f"given{doer}{generic}: {subj.text} {verb.text}"
    if _inside_quote(doc, head):
        return "quote"
    return ""


# Verbs whose subject dies of a happening: "died in the attack", "lost their lives in the raid"; "kill"
# only in the passive ("was killed during the assault").  (Not the wounded: "three were wounded in the
# shooting" joins as a report of its own, whose count of the wounded the merged event weighs; folded as
# a reference it would give its count only where the happening told none: GVA offset 600, wounded
# 0.597 -> 0.593.)
SUFFER_VERBS = frozenset({"die", "perish", "succumb", "lose"})
HARM_VERBS = frozenset({"kill"})


def _suffered_in(head: Token) -> bool:
    """Is the happening noun where the subject of its clause suffered ("X and Y died in the attack, while
    others are recovering in Lima")?  Such a clause tells the victims of the happening the noun names: its
    subject is no doer, and a place the rest of the sentence names (where survivors are treated) is not
    the happening's.  Not a noun with a place of its own ("died in the attack on the market in Gao")."""
    if head.dep_ != "pobj" or head.head.lower_ not in ("in", "during"):
        return False
    verb = head.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lem = verb.lemma_.lower()
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if lem not in SUFFER_VERBS and not (lem in HARM_VERBS and passive):
        return False
    return not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in head.subtree if t.i != head.i)


def _happening_noun_of(doc: Doc, verb: Token) -> Token | None:
    """The happening noun (another trigger's head) a verb trigger tells the act of: its subject ("the
    strike hit the market"), or the noun whose clause holds it (a relative clause, or the fragment a
    parser makes of a subject with a long relative clause: "The strike, which X said targeted
    'terrorists', struck ..." parsed with "strike" as the root)."""
    heads = {(c._.event_args or {}).get("head", c.start) for c in extensions.span_group(doc, "ew_triggers")}
    heads.discard(verb.i)
    subj = _subject_of(verb)
    if subj is not None and subj.i in heads and subj.pos_ == "NOUN":
        return subj
    t = verb
    for _ in range(4):  # a relative clause and a clause of speech inside it
        if t.head.i == t.i or t.dep_ not in ("relcl", "acl", "ccomp", "conj"):
            return None
        t = t.head
        if t.pos_ == "NOUN" and t.i in heads:
            return t
    return None


# Prepositions whose object is the means of a clause's act ("attacked the base with a car bomb").
INSTRUMENT_PREPS = {"with", "by", "using"}


def _clause_verb(head: Token) -> Token | None:
    """The verb whose clause the trigger tells: the trigger itself, or the verb it is the means of."""
    if head.pos_ in ("VERB", "AUX"):
        return head
    if head.dep_ == "pobj" and head.head.lower_ in INSTRUMENT_PREPS and head.head.head.pos_ == "VERB":
        return head.head.head
    return None


def _subject_of(verb: Token) -> Token | None:
    """The subject of ``verb`` (of the first verb of its coordination when it has none of its own; of
    the verb a participle clause hangs from, whose subject it shares: "the attackers raided homes,
    shooting residents")."""
    v = verb
    for _ in range(8):  # a coordination is short; a bound keeps an odd parse from looping
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or v.head.i == v.i:
            return subj
        if not (v.dep_ == "conj" or (v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.pos_ in ("VERB", "AUX")) or (
                # "beat them, then set fire to the building": a finite verb of a sequence the parser
                # left unattached shares the subject of the verb it follows
                v.dep_ == "dep" and v.tag_ in ("VBD", "VBZ", "VBP") and v.head.pos_ == "VERB" and v.head.i < v.i)):
            return None
        v = v.head
    return None


def _crowd_noun(t: Token) -> bool:
    """A noun for the crowd of a riot ("the mob", "the crowd", "the rioters"): the doer of what it did as one."""
    return t.pos_ == "NOUN" and ev.kind_of(t.doc, t) in ("protester", "rioter")


def _doer_noun(t: Token) -> bool:
    """A noun that names the doers of a happening by it: "the attackers", "the abductors", or a riot's crowd."""
    return t.pos_ == "NOUN" and (t.lemma_.lower() in DOER_NOUNS or _crowd_noun(t))


def _told_doers(head: Token) -> str:
    """Why a trigger tells more of a happening already told, whatever date its clause gives: the trigger
    is a definite noun for that happening's doers ("the abductors had yet to contact the families as of
    Monday": the date is of the waiting, the abduction was told), or its clause's subject is one ("the
    attackers set fire to houses late Monday": burning in the course of the attack).  "dated" asks the
    merge to check the clause's date against the happening's; a doer noun's own clause dates no act."""
    if head.pos_ == "NOUN" and head.lemma_.lower() in DOER_NOUNS and _given(head):
        return f"given doer: {head.text}"
    verb = _clause_verb(head)
    subj = _subject_of(verb) if verb is not None else None
    if subj is not None and _doer_noun(subj) and _given(subj):
        generic = " generic" if verb.lemma_.lower() in GENERIC_VIOLENCE_VERBS else ""
        return f"given dated{generic}: {subj.text} {verb.text}"
    # the passive's agent: "six children had been abducted by the attackers"; coordinated passives share
    # it ("homes were looted and burned by the assailants")
    agent = next((g for x in _clause_chain(verb) for c in verb.doc[x].children if c.dep_ == "agent"
                  for g in c.children if g.dep_ == "pobj"), None) if verb is not None else None
    if agent is not None and _doer_noun(agent) and _given(agent):
        generic = " generic" if verb.lemma_.lower() in GENERIC_VIOLENCE_VERBS else ""
        return f"given dated{generic}: {verb.text} by {agent.text}"
    return ""


def _later_death(head: Token) -> str:
    """Why a death clause is the toll of a happening told before, whatever its own day: "the man died on
    Sunday" (a victim already told: "given"), "a woman who was also shot died Monday at the hospital"
    (another victim of the same wounds: "new").  Not a death with a doer or a cause of its own ("died
    in an air strike", "was killed by", "died when gunmen opened fire")."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in DEATH_VERBS:
        return ""
    subj = _subject_of(head)
    if subj is None:
        return ""
    for c in head.children:
        if c.dep_ in ("advcl", "agent"):
            return ""
        if c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if any(g.lemma_.lower() in GENERIC_HAPPENINGS or g.ent_type_ in ("EVENT",) or
                   ev.kind_of(g.doc, g) is not None for g in objs) and not any(
                    g.lower_ in WOUND_WORDS for g in objs):
                return ""
    if _given(subj):
        return f"died given: {subj.text} {head.text}"
    told = _wounded_in_told(subj)
    if told is not None:
        # "two soldiers who were wounded in Friday's raid died at the hospital": victims the clause
        # defines by a happening already told, however many
        return f"died given: {subj.text} wounded in the {told.text}"
    hurt = _hurt_before(subj)
    if hurt is not None:
        # "two injured residents died in hospital", "three wounded soldiers succumbed overnight": the
        # adjective presupposes the hurt, told before; they die of the happening that hurt them (its
        # toll, revised, counts them), however many: no death of its own, no death added
        return f"died given: {hurt.text} {subj.text}"
    if subj.pos_ == "NOUN" and not any(c.dep_ == "nummod" for c in subj.children) and any(
            t.lower_ in WOUND_WORDS for t in head.subtree):
        return f"died new: {subj.text} {head.text}"
    if subj.pos_ == "PROPN" and subj.ent_type_ == "PERSON" and any(
            t.lower_ in WOUND_WORDS for t in head.subtree if t.i > head.i):
        # "Sergeant Koffi died of his wounds at the hospital in X": a person the text names for the first
        # time dying of wounds, with no doer or cause of their own, is a victim of the happening told (its
        # toll already counts or counts them: no death added), not a killing of its own
        return f"died given: {subj.text} {head.text}"
    return ""


# Participles that describe a person as already hurt ("the injured man", "two wounded soldiers").
HURT_ADJECTIVES = frozenset({"injured", "wounded"})


def _hurt_before(subj: Token) -> Token | None:
    """The participle by which a noun subject is described as already hurt ("two injured residents",
    "three wounded soldiers"), or None: a victim of a happening told before, not of a new one."""
    if subj.pos_ != "NOUN":
        return None
    return next((c for c in subj.children if c.dep_ in ("amod", "compound") and c.i < subj.i
                 and c.lower_ in HURT_ADJECTIVES), None)


def _wounded_in_told(subj: Token) -> Token | None:
    """The definite happening noun by which a relative clause of ``subj`` defines its victims ("soldiers
    who were wounded in the attack", "two men injured during Friday's raid"), or None."""
    for c in subj.children:
        if c.dep_ not in ("relcl", "acl") or c.lemma_.lower() not in ("wound", "injure", "hurt", "shoot"):
            continue
        for p in c.children:
            if p.dep_ != "prep" or p.lower_ not in ("in", "during"):
                continue
            for o in p.children:
                if o.dep_ == "pobj" and _definite(o) and (
                        o.lemma_.lower() in GENERIC_HAPPENINGS or ev.kind_of(o.doc, o) is not None):
                    return o
    return None


def _defines_victims(head: Token) -> str:
    """Why a happening noun that only defines a participant ("soldiers who were wounded in Friday's
    raid died at the hospital") is the happening already told, whatever its own day."""
    if head.pos_ != "NOUN" or head.dep_ != "pobj":
        return ""
    clause = head.head.head
    told = _wounded_in_told(clause.head) if clause.dep_ in ("relcl", "acl") else None
    if told is not None and told.i == head.i:
        return f"definite: wounded in the {head.text}"
    return ""


def _claim_content(head: Token) -> str:
    """Why a trigger is the content of a claim of a happening already told: its clause is what a verb of
    speech says ("saying its fighters had killed 30 soldiers and seized weapons") in the sentence of a
    verb of reaction whose object is a definite happening noun ("the group claimed the attack"): the
    claimant's account of that happening, dated by the statement, not a happening of its own."""
    from .temporal import REACTION_VERBS

    v = head if head.pos_ in ("VERB", "AUX") else _clause_verb(head)
    for _ in range(4):
        if v is None or v.dep_ != "conj" or v.head.i == v.i:
            break
        v = v.head
    else:
        return ""
    if v is not None and v.dep_ != "ccomp":
        return _in_claim_of_told(head)
    if v is None or v.head.lemma_.lower() not in ("say", "add", "state"):
        return ""
    speech = v.head
    if speech.dep_ != "advcl" or speech.head.lemma_.lower() not in REACTION_VERBS:
        return ""
    obj = next((c for c in speech.head.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in GENERIC_HAPPENINGS or not any(
            c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in obj.children):
        return ""
    return f"claimed: {speech.head.text} {obj.text}"


def _in_claim_of_told(head: Token) -> str:
    """Why a trigger is in a claim of responsibility for a happening already told, coordinated with it:
    "the group claimed responsibility for the attack and put the number of soldiers killed at 28" (the
    claimant's toll of that attack, which ACLED weighs against the others, not a happening of its own)."""
    v = head
    for _ in range(8):  # up to the clause verb the trigger hangs under
        if v.head.i == v.i or (v.pos_ == "VERB" and v.dep_ in ("conj", "ROOT")):
            break
        v = v.head
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    if v.lemma_.lower() != "claim" or v.i == head.i:
        return ""
    for c in v.children:
        obj = c
        if c.dep_ == "dobj" and c.lower_ == "responsibility":
            obj = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "for"
                        for g in p.children if g.dep_ == "pobj"), None)
            if obj is None:
                continue
        elif c.dep_ != "dobj":
            continue
        if obj.lemma_.lower() in GENERIC_HAPPENINGS and _definite(obj):
            return f"claimed: {v.text} {obj.text}"
    return ""


def _told_effect(trig: Span, head: Token) -> str:
    """Why a death or wound with no act of its own is the toll of a happening told before: the typing
    tied the effect to that happening ("->refers to"), and its clause names no doer ("The FLA said 21
    civilians had been killed": another party's account of the strike's toll, not a new happening;
    ACLED keeps one event, with the conservative figure).  Only for a clause the text does not date
    itself; the merge checks that the happening was told earlier, and a place of its own."""
    args = trig._.event_args or {}
    if args.get("role") != "effect" or "->refers to" not in (trig._.event_rule or "") or args.get("agent"):
        return ""
    if head.pos_ != "VERB" or any(c.dep_ in ("agent", "nsubj") for c in head.children):
        return ""  # "were killed by soldiers", "gunmen killed 21": a doer of its own
    return f"effect: {head.text}"


# Verbs of harm whose passive tells a happening's victims: "12 officers were wounded".
WOUND_VERBS = frozenset({"wound", "injure", "hurt"})


def _untied_harm(doc: Doc, trig: Span, head: Token) -> str:
    """Why a passive wound clause with no doer, cause, day or place of its own ("police said 12 officers
    were wounded and 60 people were detained") counts the victims of a happening told before, where the
    typing tied it to none: it tells no act, only who was harmed, so it is no happening of its own (the
    merge folds it only into an earlier violent happening; with none, it stays).  Not a clause that adds
    ("also", "elsewhere") nor one with a happening noun of its own ("wounded in an ambush")."""
    args = trig._.event_args or {}
    if args.get("role") != "effect" or args.get("agent") or head.pos_ != "VERB" \
            or head.lemma_.lower() not in WOUND_VERBS:
        return ""
    if not any(c.dep_ == "nsubjpass" for c in head.children) or any(
            c.dep_ in ("agent", "nsubj", "advcl") for c in head.children):
        return ""
    sent = head.sent
    if any(e.label_ in ("GPE", "LOC", "FAC", "DATE", "TIME") for e in extensions.span_ents(sent)):
        return ""  # a place or day of its own: it may be another happening
    if any(t.lower_ in ADDED_WORDS for t in sent):
        return ""
    for p in head.children:
        if p.dep_ == "prep" and any(g.dep_ == "pobj" and not _definite(g) and (
                g.lemma_.lower() in GENERIC_HAPPENINGS or ev.kind_of(doc, g) is not None) for g in p.children):
            return ""  # "wounded in an ambush": a happening told anew
    return f"effect reported: {head.text}"


# Nouns of a dead person's remains: "the body of one of the hostages was found".
BODY_NOUNS = frozenset({"body", "bodies", "remains", "corpse", "corpses"})


def _found_body(head: Token, dated_how: str) -> str:
    """Why a found body is the toll of a happening told before, not a discovery of its own: the body is
    of a victim the article has told ("the body of one of the hostages", "the man's body": a given
    participant, or one of given ones), or the clause gives it no day of its own ("police said they had
    recovered 14 bodies": the bodies of the story's happening).  The merge folds it into the nearest
    earlier violent happening at its place, in the weeks after it, as a death of that happening."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in BODY_NOUNS:
        return ""
    owners = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    owners += [c for c in head.children if c.dep_ == "poss"]
    if _added_to_told(head):
        return f"body given: more {head.text}"
    for o in owners:
        # "one of the nurses", "some of the victims": part of a given group
        part = [g for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if _given(o) or any(_given(g) for g in part) or _added_to_told(o):
            return f"body given: {head.text} of {o.text}"
    if dated_how in ("story", "undated") and not owners:
        return f"body: {head.text}"
    if not owners and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in head.children):
        # "the body was found by a patrol on Monday": a definite body with no owner of its own is one
        # the article told; the day its clause gives is the finding's, not a death of its own
        return f"body given: {head.text}"
    return ""


def _added_to_told(noun: Token) -> bool:
    """An ordinal or "more"/"another" on a noun adds to a count told before ("the body of a fifth
    smuggler", "the bodies of two more soldiers", "another victim's body"): one of the told happening's
    victims, not a discovery of its own."""
    for c in noun.children:
        if c.dep_ in ("amod", "det") and (c.ent_type_ == "ORDINAL" or c.lower_ == "another"):
            return True
        if c.dep_ in ("amod", "nummod") and (c.lower_ == "more" or any(g.lower_ == "more" for g in c.children)):
            return True
    return False


def _body_count(head: Token) -> int:
    """How many dead a found-body noun counts: its number, else one for a singular noun."""
    n = next((_num_value(c) for c in head.children if c.dep_ == "nummod"), None)
    if n:
        return n
    return 1 if head.tag_ == "NN" else 0


def _reported_toll(trig: Span, head: Token) -> str:
    """Why a bare death the text does not date is a party's toll of a happening told before: "a rights
    group said seven people had died in X" (what a speaker says of deaths with no doer, no cause and no
    day of their own) counts the dead of the happening the article told at that place, not a new one.
    The merge folds it only into an earlier violent happening whose place agrees; the host's toll stays."""
    args = trig._.event_args or {}
    if args.get("role") != "effect" or head.pos_ != "VERB" or head.lemma_.lower() not in DEATH_VERBS:
        return ""
    if head.dep_ != "ccomp" or head.head.lemma_.lower() not in TALK_VERBS:
        return ""
    for c in head.children:
        if c.dep_ in ("advcl", "agent"):
            return ""  # "died when gunmen opened fire": a cause of its own
        if c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if any(g.lemma_.lower() in GENERIC_HAPPENINGS or (ev.kind_of(g.doc, g) is not None and g.ent_type_ not in
                                                              ("GPE", "LOC", "FAC")) for g in objs):
                return ""  # "died in an air strike", "died at the hands of soldiers" (not "died in X")
    return f"effect reported: {head.text}"


SEIZE_VERBS = frozenset({"seize", "confiscate", "recover", "impound"})

# Verbs of taking property: the looting reading of "Looting/property destruction".
TAKE_VERBS = frozenset({"seize", "take", "steal", "loot", "capture", "grab", "confiscate", "carry", "cart"})
# Links by which one verb continues another's clause with the same doers ("killed ... and seized",
# "attacked ..., killing ... and seizing"): one act told in steps.
_SAME_ACT_DEPS = frozenset({"conj", "advcl", "xcomp"})


def _clause_chain(v: Token) -> set[int]:
    """The verbs that ``v``'s clause continues or is continued by (conjuncts, participle clauses)."""
    seen, todo = {v.i}, [v]
    while todo:
        x = todo.pop()
        nxt = [c for c in x.children if c.dep_ in _SAME_ACT_DEPS and c.pos_ in ("VERB", "AUX")]
        if x.dep_ in _SAME_ACT_DEPS and x.head.pos_ in ("VERB", "AUX"):
            nxt.append(x.head)
        for y in nxt:
            if y.i not in seen:
                seen.add(y.i)
                todo.append(y)
    return seen


def _taken_in_the_fight(doc: Doc, head: Token, dated_how: str, violent_heads: list[int]) -> str:
    """Why property taken in the clause of a violent act of the same doers ("killed 15 soldiers and
    seized their weapons", "attacked the post, killing four and seizing ammunition") is part of that act:
    the taxonomy's Looting is property seized "without a clash".  Only a taking the text does not date
    itself; burning after a battle is ACLED's own event and stays apart."""
    if dated_how not in ("story", "undated") or head.pos_ != "VERB" or head.lemma_.lower() not in TAKE_VERBS:
        return ""
    chain = _clause_chain(head)
    return f"taken in fight: {head.text}" if any(i in chain for i in violent_heads if i != head.i) else ""


def _seized_in_course(head: Token, dated_how: str) -> str:
    """Why a seizure of weapons the text does not date itself ("officers seized a pistol and bomb
    parts") is part of an arrest or raid told before: what the forces took while arresting is noted in
    the arrest (one happening, one event).  The merge folds it only into an earlier arrest of the same
    doers at its place; a defused bomb or an intercepted drone is no seizure and stays its own."""
    if dated_how not in ("story", "undated") or head.pos_ != "VERB" or head.lemma_.lower() not in SEIZE_VERBS:
        return ""
    return f"seized: {head.text}"


def _refers_back_if_undated(doc: Doc, trig: Span, head: Token, dated_how: str) -> str:
    """``refers_back`` for a trigger the text does not date itself (dated by the story or the publication;
    a recap also when only its sentence's main clause gives a date); for any trigger, the doers of a
    happening told before (``_told_doers``) and a later death of its victim (``_later_death``)."""
    died = _later_death(head) or _claim_content(head) or _defines_victims(head)
    if died:
        return died
    if dated_how not in ("story", "undated"):
        told = _told_doers(head)
        if told:
            return told
    if dated_how in ("own", "sentence"):
        why = refers_back(doc, trig, head)
        if why.startswith("definite") and _subject_of_no_act(doc, head):
            # "the assault began at dawn", "the attack took place after 11 p.m., police said on Sunday",
            # "the shooting followed a quarrel": when or why the told happening ran, of any violent type
            kind, _, rest = why.partition(":")
            return f"{kind if 'generic' in kind else kind + ' generic'}:{rest}"
    if dated_how in ("story", "undated"):
        if trig._.event_type[1] == "Looting/property destruction":
            # "the attackers also burned houses": looting or burning by the told doers is done in the
            # course of their attack (ACLED codes it as that attack), which the merge folds it into only
            # as the doers' clause (a plain given subject joins only a happening of its own type)
            told = _told_doers(head)
            if told:
                return told
        # (a clause of the told doers that the story dates: theirs still, "abducted by the attackers")
        return refers_back(doc, trig, head) or _told_doers(head) or _told_effect(trig, head) or _reported_toll(trig, head) \
            or _untied_harm(doc, trig, head)
    if dated_how == "sentence":
        reported = _reported_toll(trig, head)
        if reported:
            return reported  # "a member of the group claimed on Wednesday that seven soldiers had died": the
            # sentence's day is outside the told deaths' clause, so it dates the statement, not the deaths
        why = refers_back(doc, trig, head)
        if why.startswith("definite") and _talked_about(head):
            return why  # "blamed the group for the abduction in a statement on Monday": the talk's day
        if why.startswith("definite") and _described_now(head):
            return why  # "the fighting pits two clans who have feuded since a killing last year": the
            # present clause describes the happening told; the date is of another clause's happening
        return why if why.startswith("recap") else ""
    return ""


# Verbs of forces moving: "reinforcements arrived", "the army deployed more troops", "rushed soldiers".
MOVER_VERBS = frozenset({"arrive", "deploy", "redeploy", "dispatch", "send", "rush", "reinforce", "move", "mass"})


def _course_of_told(doc: Doc, trig: Span, head: Token, dated_how: str) -> str:
    """Why forces moving that the text does not date ("reinforcements arrived from X", "the army had
    deployed more soldiers along the border") just after a violent happening told in the same or the
    sentences before is that happening's course or response, not a change of group of its own (ACLED
    codes the clash, and no event for the troops sent to it).  The merge folds it only into a violent
    happening; with none, it stays."""
    if dated_how not in ("story", "undated") or trig._.event_type[1] != "Change to group/activity":
        return ""
    if head.pos_ != "VERB" or head.lemma_.lower() not in MOVER_VERBS:
        return ""
    sents, spans = _sentences(doc)
    k = bisect.bisect_right(sents, head.i) - 1
    near = {spans[j].start for j in range(max(0, k - FOLLOW_UP_SENTENCES), k + 1)}
    for t in extensions.span_group(doc, "ew_triggers"):
        if t.start >= trig.start or t._.background or (t._.event_confidence or 0) < MIN_CONFIDENCE:
            continue
        if t._.event_type[0] in VIOLENT_TYPES and _sent_at(doc, t.start).start in near:
            return f"course: {head.text}"
    return ""


# Words of a clock time: "at around 4 a.m.", "shortly before 10pm", "at 21:30 GMT".
CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "hours", "hrs", "h", "o'clock",
                         "midnight", "noon", "midday", "local", "time", "around", "about", "at", "shortly", "just",
                         "before", "after", "some", "approximately", "roughly", ":"})
# Words that tell a clause's happening is a further one ("also", "elsewhere", "in another attack").
FURTHER_WORDS = frozenset({"also", "separately", "meanwhile", "elsewhere", "another", "separate"})
# A follow-up's story day this many days after the happening it retells.
RETOLD_WITHIN_DAYS = 14


def _bare_clock(sp: Span) -> bool:
    """A time expression that names only a time of day ("at around 4 a.m."): it gives no day; the
    resolver borrows one from the text before it."""
    words = [t for t in sp if not t.is_punct or t.text == ":"]
    return bool(words) and any(t.like_num for t in words) and all(
        t.like_num or t.lower_ in CLOCK_WORDS or re.fullmatch(r"\d{1,2}(?::\d\d)?(?:am|pm|h)?", t.lower_) for t in words) \
        or (len(words) == 1 and words[0].lower_ in ("midnight", "noon", "midday"))


def _day_not_told(doc: Doc, sent: Span, dated_how: str) -> bool:
    """Does the clause give its happening no day of its own: dated by the story or the publication, or
    its sentence names only a time of day (whose day the resolver took from an earlier sentence)?"""
    if dated_how in ("story", "undated"):
        return True
    if dated_how not in ("own", "sentence"):
        return False
    spans = [sp for sp in doc.spans.get("ew_timex", []) if sent.start <= sp.start < sent.end]
    return bool(spans) and all(_bare_clock(sp) for sp in spans)


def _retold_happening(doc: Doc, trig: Span, head: Token, date: DateRange, dated_how: str,
                      told: list[EventMention]) -> str:
    """Why a violent clause with no day of its own retells a happening the article told with its day,
    in a story of a later day (a follow-up: "a fourth soldier died on Tuesday of wounds from Sunday's
    attack ... Three of his comrades were killed on the spot when gunmen stormed the post"): the story's
    later day (or a bare clock time resolved to it) is not the happening's, and nothing in the clause
    says it is a further one.  The merge folds it into the nearest earlier violent happening whose place
    agrees."""
    if trig._.event_type[0] not in VIOLENT_TYPES or date.start is None or date.precision != "day":
        return ""
    sent = head.sent
    if not _day_not_told(doc, sent, dated_how) or any(t.lower_ in FURTHER_WORDS for t in sent):
        return ""
    violent = [m for m in told if m.event_type in VIOLENT_TYPES and m.date.start is not None]
    if any(m.date.precision == "day" and m.date.start == date.start and not m.refers_back.startswith("died")
           for m in violent):
        return ""  # the story's day has a violent happening of its own (not a victim's later death): the
        # clause may be its report
    for m in violent:
        if m.date_how in ("own", "relative") and m.date.precision == "day" \
                and 0 < (date.start - m.date.start).days <= RETOLD_WITHIN_DAYS:
            return f"retold generic: {head.text}"
    return ""


# Words of a part of the day: a clause timed by one ("at dawn", "until the afternoon") gives no day.
DAY_PART_WORDS = frozenset({"dawn", "dusk", "daybreak", "sunrise", "sunset", "morning", "afternoon", "evening",
                            "night", "overnight", "nightfall", "noon", "midday", "midnight", "the", "early", "late",
                            "until", "till", "by", "in", "on", "during", "through"})
# Clause boundaries: a time phrase below one dates another clause ("a quarrel among men who met after the
# festival"), not the verb's own (whose phrases may hang from its object: "took place on 24 March").
_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "csubj", "csubjpass"})


def _subject_of_no_act(doc: Doc, head: Token) -> bool:
    """Is the happening noun the subject of a verb that tells no act ("the assault began at dawn", "the
    attack took place shortly after 11 p.m.", "the clash was sparked by a land dispute", "the shooting
    followed a quarrel"), whose clause gives no day of its own?  The verb tells when, how long or why the
    happening the noun names ran; a time of day is of that happening's day, and a date in another clause
    (the statement's "police said on Sunday", a relative clause in an argument) is not the clause's."""
    if head.pos_ != "NOUN" or head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    v = head.head
    if v.pos_ not in ("VERB", "AUX") or _trigger_head(v):
        return False
    verbs = {v.i} | {c.i for c in v.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")}
    for sp in doc.spans.get("ew_timex", []):
        if not v.sent.start <= sp.start < v.sent.end:
            continue
        t, own = sp.root, False
        for _ in range(12):
            if t.i in verbs:
                own = True
                break
            if t.dep_ in _CLAUSE_DEPS or t.head.i == t.i:
                break
            t = t.head
        if own and not _time_of_day(sp):
            return False  # "the fighting resumed on Saturday": a day of its own
    return True


def _time_of_day(sp: Span) -> bool:
    """A time expression of a part of the day or a clock time only ("at dawn", "until the afternoon",
    "9:30 p.m."): no day of its own."""
    return _bare_clock(sp) or all(
        w.is_punct or w.lower_ in DAY_PART_WORDS or w.lower_ in CLOCK_WORDS
        or re.fullmatch(r"\d{1,2}(?::\d\d)?(?:am|pm|h)?", w.lower_) for w in sp)


def _described_now(head: Token) -> bool:
    """Is the happening noun the subject of a present-tense verb of no act ("the fighting pits the A
    and the B", "the violence involves herders")?  Such a clause describes a happening already under
    way, told before; a date in its sentence cannot be that happening's."""
    if head.pos_ != "NOUN" or head.dep_ != "nsubj":
        return False
    v = head.head
    if v.pos_ != "VERB" or v.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return False
    return not _trigger_head(v)  # ("the fighting spreads", "the attack kills": tells an act)


def _trigger_head(t: Token) -> bool:
    return any((sp._.event_args or {}).get("head", sp.start) == t.i for sp in t.doc.spans.get("ew_triggers", []))


def _talked_about(head: Token) -> bool:
    """Is the happening noun what a verb of talk is about ("blamed the group for the abduction",
    "condemned the attack", "the attack was condemned")?  A date in its sentence is then the talk's
    (the statement's), not the happening's."""
    if head.pos_ != "NOUN":
        return False
    gov = head.head
    if head.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    elif head.dep_ not in ("dobj", "nsubjpass"):
        return False
    return gov.pos_ == "VERB" and gov.lemma_.lower() in TALK_VERBS


def _set_aside_as_furniture(doc: Doc, trig: Span) -> bool:
    """A trigger in a line that is not the story (another story's headline, a caption, a share box)
    makes no mention; its rule says why."""
    from .furniture import in_furniture

    why = in_furniture(doc, trig.start_char, trig.end_char)
    if why:
        _set_background(doc, trig, f" [furniture: {why}]")
    return bool(why)


# Nouns of a site a specific happening takes place at.
SITE_NOUNS = frozenset("""town village city base camp market checkpoint outpost barracks hospital school mosque
    church district neighbourhood neighborhood compound airport port bridge home house apartment store shop
    street block road restaurant bar club park station hotel office""".split())
# A date of its own this much older than the publication is not the story's time.
OLDER_CONTEXT_DAYS = 28


def _older_context(doc: Doc, sent: Span, date: DateRange, dated_how: str, location) -> bool:
    """A sentence that recalls an older war or campaign by month or year ("Russia launched its
    full-scale invasion in February 2022", "the war that began in April") is context, not a happening
    to code: its own date is coarse (no day) and ended weeks before publication, and it names no town
    of its own.  A happening told with its day, at a named town or a site ("the same town", "their
    home"), of a named person, or with a toll or count of its own stays (with its older date)."""
    pub = doc._.published
    if pub is None or dated_how not in ("own", "sentence", "statement") or not date.known:
        return False
    if date.precision in ("day", "week") or date.end is None:
        return False
    if (pub - date.end).days <= OLDER_CONTEXT_DAYS:
        return False
    if any(t.lemma_.lower() in SITE_NOUNS and t.pos_ == "NOUN" for t in sent):
        return False  # "attacked the same town", "overran a base": a place of its own, told
    if any(e.label_ == "PERSON" for e in extensions.span_ents(sent)):
        return False  # "X was shot and killed in 2012": a named person's happening, not a war's
    # A place named in the sentence below a region's level (a town the gazetteer knows, or a name it
    # does not know: "attacked Talodi in 2016") is a happening's own place; a country or a region
    # ("its invasion of Ukraine", "the war in Tigray") is a war's.
    places = [sp for sp in doc.spans.get("ew_toponyms", []) if sent.start <= sp.start < sent.end]
    for sp in places:
        pl = getattr(sp._, "place", None)
        if pl is not None and pl.precision == "town":
            return False
    for ent in extensions.span_ents(sent):
        if ent.label_ in ("GPE", "LOC", "FAC") and not any(sp.start < ent.end and ent.start < sp.end for sp in places):
            return False
    return True


# Nouns whose "of" object is what they count: "the 2024 total of 48 kidnappings".
COUNT_NOUNS = frozenset({"total", "number", "tally", "count", "toll", "rate"})
# A stretch this many days long or longer is no happening's day: a tally's.
TALLY_MIN_DAYS = 28


def _tally(head: Token, date: DateRange, dated_how: str) -> bool:
    """A plural happening noun counted over a stretch of a month or more ("recorded more than 600 murders
    in 2024", "the 2024 total of 48 kidnappings", "registered 310 killings last year"), or a rank in a
    series over such a stretch ("the third councillor killed this year"), is a tally of many happenings,
    none of them told (the told one is ranked, not told again): ACLED codes each happening on its day, so a tally is no event.  Only a
    count the clause itself dates with a coarse time (a month, a year); a count told with its day ("two
    bombs killed 12 on Tuesday") tells those happenings."""
    if dated_how not in ("own", "sentence") or not date.known or date.start is None or date.end is None:
        return False
    if date.precision in ("day", "week") or (date.end - date.start).days + 1 < TALLY_MIN_DAYS:
        return False
    # a rank in a series over the stretch: "the third councillor killed in the district this year", "the
    # second such attack this month" (the noun the act defines, or the act's noun, carries the ordinal)
    ranked = head.head if head.pos_ == "VERB" and head.dep_ == "acl" else head
    if ranked.pos_ == "NOUN" and any(c.ent_type_ == "ORDINAL" and c.dep_ in ("amod", "nummod") for c in ranked.children):
        return True
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or head.lemma_.lower() in ONE_HAPPENING_PLURALS:
        return False
    if any(c.dep_ == "nummod" and (_num_value(c) or 0) > 1 for c in head.children):
        return True
    # "the total of 48 kidnappings": the number is on the noun that counts
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in COUNT_NOUNS:
        return True
    return False


def _past_of_a_party(doc: Doc, head: Token, date: DateRange, dated_how: str) -> bool:
    """A relative clause that tells what a person or group did years ago ("X, who fought the army in
    1998-99 and 2016-17", "the movement, whose forces battled the government from 2013 to 2018")
    describes its antecedent: background, not a happening to code.  Only a clause dated by its own
    coarse time (a year or a span of years, no day) that ended long before publication; a named place,
    a person or a site in the sentence does not make it a happening, as it does for a main clause."""
    pub = doc._.published
    if pub is None or dated_how != "own" or not date.known or date.end is None:
        return False
    if date.precision in ("day", "week") or (pub - date.end).days <= OLDER_CONTEXT_DAYS:
        return False
    v = head if head.pos_ in ("VERB", "AUX") else head.head
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    return v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN") and v.tag_ != "VBG"


# Tense and aspect of a clause, by its auxiliaries.
PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})
PRESENT_BE = frozenset({"is", "are", "am", "'re", "’re"})
PAST_MARKS = frozenset({"was", "were", "had", "did", "'d", "’d"})
# A stretch of time up to now: "since 2022", "for a decade", "over the past year", "in recent months".
STRETCH = re.compile(r"\b(?:since|for\s+(?:years|months|decades|weeks|a\s+decade|the\s+past|more\s+than|over)|"
                     r"over\s+the\s+(?:past|last)|in\s+recent\s+(?:years|months|weeks))\b", re.I)
# Verbs whose object is a happening talked about, not told: the happening's own sentence decides.
TALK_VERBS = frozenset(REPORT_VERBS) | {"say", "condemn", "denounce", "blame", "claim", "investigate", "mourn",
                                        "deny", "report", "confirm", "describe", "call", "suspect", "believe",
                                        "fear", "think", "allege", "accuse", "suggest", "show", "indicate"}


NOMINAL_DEPS = frozenset({"pobj", "pcomp", "nsubj", "nsubjpass", "dobj", "attr", "appos", "conj"})


def _aspect(head: Token) -> tuple[str, Token | None]:
    """("perfect" | "present" | "past" | "", verb) of the finite clause the trigger tells: the trigger's own
    verb, or the verb its noun hangs from, climbing from an infinitive or participle to the verb that
    carries it ("is helping the police fight gangs": present)."""
    v = head
    for _ in range(6):
        if v.pos_ in ("VERB", "AUX") and v.dep_ not in ("aux", "auxpass") and not (
                v.tag_ == "VBG" and v.dep_ in NOMINAL_DEPS):  # "wracked by fighting": a gerund is a noun
            break
        if v.head.i == v.i:
            return "", None
        v = v.head
    else:
        return "", None
    for _ in range(4):
        auxes = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if auxes & PAST_MARKS or v.tag_ == "VBD":
            return "past", v
        if auxes & PERFECT_AUX:
            return "perfect", v
        if auxes & PRESENT_BE or v.tag_ in ("VBZ", "VBP"):
            return "present", v
        if auxes or v.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or v.head.i == v.i:
            return "", v
        v = v.head
    return "", v


# Verbs of lending a hand: "is helping the police fight gangs" tells a role, not a happening.
HELP_VERBS = frozenset({"help", "assist", "support", "aid", "back"})


def _carried_as_setting(head: Token, v: Token) -> bool:
    """The trigger is the agent of a present passive ("the east is wracked by fighting") or what a
    present verb of lending a hand helps someone do ("is helping the police fight gangs")."""
    t = head
    while t.dep_ in ("pcomp", "pobj", "conj") and t.head.i != t.i and t.head.i != v.i:
        t = t.head
    if t.dep_ == "agent" and t.head.i == v.i:
        return True
    if head.pos_ == "VERB" and head.dep_ in ("xcomp", "ccomp") and head.head.i == v.i and v.lemma_.lower() in HELP_VERBS:
        return True
    return False


def _context_statement(doc: Doc, sent: Span, head: Token, date: DateRange, dated_how: str) -> bool:
    """A statement about a state of affairs, not a happening: "Congo's east is also wracked by fighting
    between the army and M23 rebels", "a mission that is helping the police fight gangs" (present, no
    date of its own), "militants have stepped up attacks since 2023" (perfect over a stretch of time up
    to now).  A fresh happening told in the perfect ("gunmen have abducted 31 people") names no stretch
    and stays; so does a headline (present by convention), a quote, and what a clause of speech says of
    a happening ("police say ...": that clause's own verb decides)."""
    if _perfect_to_now(doc, sent, head, date, dated_how):
        return True
    if dated_how not in ("story", "undated", "sentence") or (dated_how == "sentence" and date.precision in ("day", "week")):
        return False
    text = (sent.text or "").rstrip()
    if not text.endswith((".", "!", "?")) or _inside_quote(doc, head):
        return False
    aspect, v = _aspect(head)
    if v is None or v.lemma_.lower() in TALK_VERBS:
        return False
    if aspect == "present":
        # only a happening the present clause carries as its setting or its aim ("is wracked by
        # fighting", "is helping the police fight gangs"): a trigger that is the present clause's own
        # verb is a live report or a headline's present ("protesters are throwing rolls", "two bombers
        # blow themselves up"), and one it follows on is what the state is after ("a man is in
        # hospital after a shooting")
        if dated_how == "sentence" or v.i == head.i:
            return False
        return _carried_as_setting(head, v)
    if aspect == "perfect":
        return bool(STRETCH.search(text))
    return False


def _perfect_to_now(doc: Doc, sent: Span, head: Token, date: DateRange, dated_how: str) -> bool:
    """A perfect clause whose only time is a month or year that runs up to publication ("jihadists have
    seized 40 villages this year", "the army has regained ground in the north this month") sums up what
    happened over that stretch: a tally, not a happening of its own day (ACLED codes each happening on
    its day).  The perfect with no such time ("gunmen have abducted 31 people") tells a fresh happening."""
    pub = doc._.published
    if pub is None or dated_how not in ("own", "sentence") or not date.known or date.end is None:
        return False
    if date.precision not in ("month", "year") or not date.start <= pub <= date.end:
        return False
    if not (sent.text or "").rstrip().endswith((".", "!", "?")) or _inside_quote(doc, head):
        return False
    aspect, v = _aspect(head)
    return aspect == "perfect" and v is not None and v.lemma_.lower() not in TALK_VERBS


SETTING_PREPS = frozenset({"in", "during", "through"})
# Happenings that are a way of acting (a raid, a sweep), as against one that may be the crime an
# arrest is for ("arrested in the shooting of ..." is the shooting's own event).
SETTING_NOUNS = frozenset({"raid", "operation", "sweep", "crackdown", "swoop", "search", "patrol", "offensive"})


def _setting_of_another(doc: Doc, trig: Span, triggers: list[Span]) -> bool:
    """A generic happening noun that is only the setting of another trigger's act ("police arrested
    14 people in overnight raids", "seized weapons during an operation") is that act, told with its
    manner: no second mention.  Not where the setting has a victim or doer clause of its own
    ("in raids that killed two")."""
    args = trig._.event_args or {}
    if args.get("role") != "generic":
        return False
    h = doc[args.get("head", trig.start)]
    if h.dep_ != "pobj" or h.head.lower_ not in SETTING_PREPS or h.lemma_.lower() not in SETTING_NOUNS:
        return False
    # the verb the phrase hangs from, through a participle on its object ("arrested 14 people
    # suspected of links in raids": the parser often hangs the phrase on "suspected")
    governors = {h.head.head.i}
    g = h.head.head
    for _ in range(4):
        if g.dep_ not in ("acl", "dobj", "pobj", "prep", "appos") or g.head == g:
            break
        g = g.head
        governors.add(g.i)
    for other in triggers:
        if other is trig:
            continue
        oa = other._.event_args or {}
        if oa.get("role") in ("specific", "generic") and doc[oa.get("head", other.start)].i in governors \
                and oa.get("family") != args.get("family"):
            if any(c.dep_ in ("relcl", "acl") for c in h.children):
                return False
            trig._.background = True
            trig._.event_rule = (trig._.event_rule or "") + f" [setting of: {other.text}]"
            return True
    return False


# The note on a mention's rule whose place is only the dateline's (see merge._dateline_placed).
DATELINE_PLACE_NOTE = " [place: dateline]"


def _dateline_place_only(doc: Doc, sent: Span, location) -> bool:
    """Is the place a mention got only the dateline's, its sentence naming no place of its own ("the
    ministry said the militants had been neutralised in an air operation on Friday" in an Istanbul
    wire about a strike in Hakkari)?  Where a wire is filed from says nothing of where that happened."""
    dl_place = doc._.dateline_place
    if location is None or dl_place is None or location != dl_place:
        return False
    dl = doc._.dateline
    countries: set[int] = set()
    passed_over: set[int] = set()  # places the sentence names that resolved, yet are not the mention's
    for sp in doc.spans.get("ew_toponyms", []):
        if not sent.start <= sp.start < sent.end:
            continue
        place = getattr(sp._, "place", None)
        if getattr(place, "precision", None) == "country":
            countries.update(range(sp.start, sp.end))
        elif place is not None and place != dl_place and place.name != dl_place.name:
            passed_over.update(range(sp.start, sp.end))
    for t in sent:
        if t.ent_type_ in ("GPE", "LOC", "FAC") and t.i not in countries and not _in_dateline(doc, t) and (
                dl is None or t.i >= dl.end) and t.i not in passed_over and not _statement_place(t):
            return False  # a place the sentence names (the dateline's own town again, or another), not a
            # country's name ("Turkey uses the word 'neutralised' ...": a party, or the whole story's scene)
    # (a town the gazetteer knows that the place step passed over, "evacuated to the hospital in Bouna",
    # is where the wounded were taken, not where the happening was: the mention's place is still only
    # the dateline's; so is the town of the statement, "police said in a statement in Monrovia")
    return True


def _statement_place(t: Token) -> bool:
    """Is ``t`` in a phrase of a verb of speech itself, not of what it reports ("said in a statement in
    Monrovia", "told reporters in Kigali")?  That is where the statement was made."""
    x, steps = t, 0
    while x.head.i != x.i and steps < 8:
        dep, x, steps = x.dep_, x.head, steps + 1
        if x.pos_ in ("VERB", "AUX"):
            return dep in ("prep", "pobj", "npadvmod", "dobj") and x.lemma_.lower() in REPORT_VERBS \
                and dep != "ccomp"
    return False


# Prepositions whose object is a deal already in force: "despite a truce agreed in November" presupposes the
# truce, it does not tell it being reached (ACLED's Agreement is a deal reached).
DEAL_PRESUPPOSED_PREPS = frozenset({"despite", "notwithstanding"})
# Determiners of a phrase for happenings as a kind or as those already told ("the strikes", "such attacks").
KIND_DETS = frozenset({"the", "these", "those", "such", "this", "that"})


def _deal_noun(t: Token) -> Token:
    """The noun a deal word modifies or names ("the ceasefire agreement", "the peace accord")."""
    x = t
    for _ in range(4):
        if x.dep_ not in ("compound", "amod", "nmod") or x.head.i == x.i:
            break
        x = x.head
    return x


def _deal_in_force(doc: Doc, trig: Span, head: Token) -> str:
    """Why an agreement trigger names a deal already in force, not one reached: the deal is what the
    happening went ahead despite ("in the latest attack despite a truce agreed in November", "fighting
    continued in spite of the ceasefire").  The deal is presupposed; its reaching is told elsewhere or not
    at all."""
    if (trig._.event_type or (None, None))[1] != "Agreement":
        return ""
    x = _deal_noun(head)
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
    if x.dep_ != "pobj":
        return ""
    p = x.head
    if p.lower_ in DEAL_PRESUPPOSED_PREPS:
        return f"despite: {p.text} {x.text}"
    if p.lower_ == "of" and p.head.lower_ == "spite" and p.head.head.lower_ == "in":
        return f"despite: in spite of {x.text}"
    return ""


def _judged_against_deal(doc: Doc, trig: Span, head: Token) -> str:
    """Why a violent happening noun is only judged against a deal, not told: it is the subject of a
    verb of breaking a deal whose object is an agreement ("the strikes violate the ceasefire agreement",
    "such attacks breach the accord", "the raids undermine the truce signed in Algiers").  The clause
    characterises happenings as a kind or as told before; a place or date in it is the deal's.  Only a
    plural or a kind ("the", "such") with no number, place or date of its own."""
    if head.pos_ != "NOUN" or head.dep_ not in ("nsubj", "nsubjpass"):
        return ""
    verb = head.head
    if verb.lemma_.lower() not in ev.DEAL_BROKEN:
        return ""
    deals = [c for c in verb.children if c.dep_ == "dobj"]
    agreement_heads = set()
    for t in extensions.span_group(doc, "ew_triggers"):
        if (t._.event_type or (None, None))[1] == "Agreement":
            agreement_heads.add(_deal_noun(doc[(t._.event_args or {}).get("head", t.start)]).i)
    if not any(d.i in agreement_heads for d in deals):
        return ""
    kids = list(head.children)
    if any(c.dep_ == "nummod" or c.like_num for c in kids):
        return ""
    if head.tag_ not in ("NNS", "NNPS") and not any(c.dep_ in ("det", "amod") and c.lower_ in ("such",) for c in kids):
        return ""
    if not any(c.lower_ in KIND_DETS for c in kids if c.dep_ in ("det", "amod", "predet")):
        return ""
    own = [t for t in head.subtree if t.i != head.i]
    if any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") for t in own):
        return ""
    return f"judged against a deal: {head.text} {verb.text}"
