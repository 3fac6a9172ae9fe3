"""eventwire_mentions: ``Doc._.mentions`` (list of records.EventMention).

One mention per trigger in ``doc.spans["ew_triggers"]`` that is not background
and whose confidence reaches ``MIN_CONFIDENCE``.  Each mention gathers, from
the other components' annotations:

- roles: actor1 is the initiator (subject of an active trigger, "by X" of a
  passive one or of an event noun), actor2 the target or victims; an actor is
  the ``ew_actors`` span at that word, else a plain actor built from the noun
  phrase when its head names a party (soldiers, militants, protesters...);
  protests and riots take the demonstrators as actor1 and the forces as actor2;
- date: ``temporal.event_date``; a trigger the temporal component calls
  background makes no mention;
- place: ``toponyms.event_location``;
- fatalities and counts: the quantities of the sentence that belong to this
  happening (a "killed" number governed by one of the happening's words);
  conjoined victims add up ("30 militants and four soldiers were killed" = 34);
  the dead and wounded the sentence leaves untold come from the sentences
  after it that tell no happening of their own ("She is in stable
  condition."); a toll the text pools over several attacks is none's;
- modality, attribution (the ``ew_attributions`` span whose scope covers the
  trigger) and the source sentence with its character span.

Each group may be empty (a stub component, a plain text without date): the
mention is then made from what there is.

The parts live in their own modules: ``mention_words`` (casualty words, numbers,
sentence helpers), ``mention_actors`` (who did it), ``mention_counts`` (how many) and
``mention_coref`` (whether a trigger tells a happening of its own); this module
assembles them into mentions and registers the component.
"""
from __future__ import annotations

import bisect
import logging
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import Actor, DateRange, EventMention, Source
from ..taxonomy import event_type_of
from . import events as ev
from . import extensions  # noqa: F401
from .quantities import INFLICT_VERBS, doer_claims_toll
from .actors import branch_in, load_table
from .toponyms import demonym_country
from .mention_words import (
    MIN_CONFIDENCE,
    PROTEST_SEVERITY,
    _TRIG_SENTS_KEY,
    _article_source,
    _attribution,
    _num_value,
    _sentence_span,
    _set_background,
    own_quantities,
)
from .mention_actors import (
    ACT_NOUNS,
    FORCE_ACTS,
    VIOLENT_TYPES,
    _as_police,
    _arresting_force,
    _no_doer_told,
    _as_rioters,
    _claimed_by,
    _doers,
    _first_actor,
    _generic_armed,
    _in_country,
    _in_dateline,
    _in_forces_country,
    _lookup,
    _opponents,
    _other_side,
    _told_doer,
    _unknown_doer_told,
    _unknown_identity,
    _unnamed_armed,
    _unseen_layer,
    actor_at,
    lem_l,
)
from .mention_coref import (
    DATELINE_PLACE_NOTE,
    ONE_HAPPENING_PLURALS,
    _body_count,
    _context_statement,
    _course_of_told,
    _dateline_place_only,
    _deal_in_force,
    _found_body,
    _older_context,
    _past_of_a_party,
    _refers_back_if_undated,
    _retold_happening,
    _seized_in_course,
    _set_aside_as_furniture,
    _setting_of_another,
    _subject_of,
    _tally,
    _taken_in_the_fight,
    _judged_against_deal,
)
from .mention_counts import _one_target, _quantities, _toll_of_the_act


log = logging.getLogger(__name__)


def _call(fn, *args, default):
    try:
        return fn(*args)
    except Exception:  # noqa: BLE001 - a component that is not ready must not lose the mention
        log.debug("%s failed", getattr(fn, "__name__", fn), exc_info=True)
        return default


def _event_date(doc: Doc, trig: Span):
    from . import temporal

    def fallback():
        pub = doc._.published
        if pub is None:
            return DateRange.unknown(), False, "undated"
        prec = doc._.published_precision if doc._.published_precision in ("day", "month", "year") else "day"
        return DateRange(pub, pub, prec), False, "undated"

    res = _call(temporal.dated_by, doc, trig, default=None)
    if res is not None and res[2] == "sentence" and not res[1] and _dates_only_descriptions(doc, trig):
        # "thousands had gathered at a rally called by the Party, which accuses the government of rigging
        # last year's election": the sentence's only date is of what a relative clause tells of a named
        # party, not of the trigger's happening; the trigger has no day of its own: the story's
        sd = _call(temporal.story_date, doc, default=None)
        return (sd, False, "story") if sd is not None else fallback()
    return res if res is not None else fallback()


def _dates_only_descriptions(doc: Doc, trig: Span) -> bool:
    """Does every date expression of the trigger's sentence sit, at any depth, in a relative clause about
    a named party, place or thing that does not hold the trigger ("the Party, which accuses the government
    of rigging last year's vote", "Kiir, whose forces took the town in 2016")?  Such a clause describes
    the name, not the happening (temporal's own check looks at the expression's nearest clause only)."""
    head = doc[(trig._.event_args or {}).get("head", trig.start)]
    sent = head.sent
    spans = [sp for sp in doc.spans.get("ew_timex", []) if sent.start <= sp.start < sent.end
             and not (sp.start <= head.i < sp.end)]
    if not spans:
        return False
    for sp in spans:
        t, described = sp.root, False
        for _ in range(40):  # up to the sentence's root; a bound keeps an odd parse from looping
            if t.dep_ == "relcl":
                x = t.head
                if not (t.left_edge.i <= head.i <= t.right_edge.i) and x.i != head.i and (
                        x.pos_ == "PROPN" or x.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "FAC", "LOC")):
                    described = True
                break
            if t.head.i == t.i:
                break
            t = t.head
        if not described:
            return False
    return True


def _event_location(doc: Doc, trig: Span):
    from . import toponyms

    res = _call(toponyms.event_location, doc, trig, default=None)
    return res if res is not None else (doc._.dateline_place, None)


def build_mentions(doc: Doc, min_confidence: float = MIN_CONFIDENCE) -> list[EventMention]:
    if "ew_triggers" not in doc.spans:
        return []
    for key in (_TRIG_SENTS_KEY, "_ew_pooled_tolls"):  # computed afresh for this run (triggers, counts may differ)
        doc.user_data.pop(key, None)
    src = _article_source(doc)
    triggers = [t for t in doc.spans["ew_triggers"] if not t._.background and (t._.event_confidence or 0) >= min_confidence]
    triggers = [t for t in triggers if not _set_aside_as_furniture(doc, t)]
    triggers = [t for t in triggers if not _setting_of_another(doc, t, triggers)]
    sents = list(doc.sents)
    starts = [s.start for s in sents]

    def sent_of(sp: Span) -> Span:
        return sents[bisect.bisect_right(starts, sp.start) - 1]

    per_sent: dict[int, int] = {}
    for t in triggers:
        st = sent_of(t).start
        per_sent[st] = per_sent.get(st, 0) + 1
    out: list[EventMention] = []
    for trig in triggers:
        args = trig._.event_args or {}
        et, sub = trig._.event_type
        date, bg, dated_how = _event_date(doc, trig)
        if bg:
            _set_background(doc, trig, " [background: time]")
            continue
        head_of = doc[args.get("head", trig.start)]
        why = _deal_in_force(doc, trig, head_of) or _judged_against_deal(doc, trig, head_of)
        if why:
            # a deal already in force, or happenings only judged against one: nothing reached or done here
            _set_background(doc, trig, f" [background: {why}]")
            continue
        location, destination = _event_location(doc, trig)
        sent = sent_of(trig)
        if _dateline_place_only(doc, sent, location) and DATELINE_PLACE_NOTE not in (trig._.event_rule or ""):
            # the merge weighs no place against it: where the reporter files from is no happening's place
            trig._.event_rule = (trig._.event_rule or "") + DATELINE_PLACE_NOTE
        agent = _doers(doc, trig, args)
        patient = [doc[i] for i in args.get("patient", []) if not _in_dateline(doc, doc[i])]
        demonym_forces = None
        # the subject may be the act or weapon itself ("Israeli strikes killed 20"): its nationality counts too
        # (an act or a weapon, not people: "Israeli settlers" are no army)
        mods = [x for c in agent if c.pos_ == "NOUN" and lem_l(c) in ACT_NOUNS and ev.kind_of(doc, c) is None
                for x in c.children if x.dep_ in ("amod", "compound") and x.i < c.i]
        for c in [*agent, *mods]:
            # "a Russian strike", "Israeli air strikes": a nationality modifying the act names
            # that country's military as its doer (used only when no named actor is found)
            if c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound") and c.head.pos_ == "NOUN":
                cc = demonym_country(c.text)
                demonym_forces = _lookup("army", cc) if cc else None
                break
        if et in ("Protests", "Riots") and sub != "Mob violence":
            crowd = [t for t in sent if t.pos_ in ("NOUN", "PROPN") and ev.kind_of(doc, t) in ("protester", "rioter")]
            crowd.sort(key=lambda t: (t.lemma_.lower() in ("crowd", "mob"), t.i))
            actor1, assoc = _first_actor(doc, crowd)
            if actor1 is None or actor1.kind not in ("protesters", "rioters") or actor1.name.lower() in ("crowd", "mob", "crowds"):
                actor1 = Actor("Protesters", "rioters" if et == "Riots" else "protesters")
            actor1 = _crowd_as(actor1, et)
            # (the dateline names where the reporter files from, never a party: "N'DJAMENA (AFP) - Chadian police")
            # (a place name the sentence merely mentions, "along the Hamdallaye-Bambeto axis", "towards the
            # centre of Conakry", is where the crowd was, never the force: a place acts only as a verb's doer)
            forces = [t for t in [*agent, *patient, *sent] if t.pos_ in ("NOUN", "PROPN") and ev.kind_of(doc, t) == "state"
                      and not _in_dateline(doc, t) and (t in agent or t.ent_type_ not in ("GPE", "LOC", "FAC"))]
            actor2, _ = _first_actor(doc, forces)
            assoc = []
            actor1, actor2 = _protest_sides(actor1, actor2, sub)
        else:
            actor1, assoc = _first_actor(doc, agent, prefer=("state forces", "rebel group", "political militia", "identity militia"))
            if (actor1 is None or actor1.kind == "civilians") and et != "Riots" \
                    and (et in VIOLENT_TYPES or sub == "Looting/property destruction"):
                actor1 = _unknown_identity(doc, agent) or actor1
            actor1 = _as_rioters(actor1, et)
            if actor1 is None and et == "Riots":
                # "a man was beaten to death by a mob", "two suspects were lynched": a riot's doers are, by
                # ACLED's definition of the type, rioters, named or not
                actor1 = Actor("Rioters", "rioters")
            if actor1 is None and demonym_forces is not None:
                actor1 = demonym_forces
            if actor1 is None and not agent and et in VIOLENT_TYPES:
                actor1 = _told_doer(doc, doc[args.get("head", trig.start)])
            actor2, _ = _first_actor(doc, [p for p in patient if actor1 is None or actor_at(doc, p) != actor1])
            if actor1 is not None and actor1.kind in ("civilians",):
                actor1, actor2 = None, actor2 or actor1
            if et == "Battles":
                # "clashed with X", "fighting against X": X is the other side
                foes = [a for a in (actor_at(doc, g) for g in ev.with_conj(_opponents(doc[args.get("head", trig.start)])))
                        if a is not None and a != actor1]
                assoc = foes + [a for a in assoc if a not in foes]
            actor2, assoc = _other_side(et, actor1, actor2, assoc)
            # (a weapon as the subject, "a roadside bomb ripped through a minibus", names no doer either)
            if et in VIOLENT_TYPES and (actor1 is None or _unnamed_armed(actor1) or _generic_armed(actor1)):
                actor1 = _claimed_by(doc, trig) or actor1 or _unknown_doer_told(doc, trig)
                actor1 = _unseen_layer(doc, trig, et, sub, actor1)
            if et in VIOLENT_TYPES and actor1 is not None and actor1.kind == "state forces" \
                    and actor1.name.startswith("Government of ") and actor1.country:
                actor1 = _lookup("army", actor1.country) or actor1  # "the junta bombed": its military
        if sub in FORCE_ACTS:
            actor1, actor2 = _as_police(actor1), _as_police(actor2)
            if sub == "Arrests":
                actor1 = _arresting_force(doc, agent, actor1)
        actor1 = _no_doer_told(doc, trig, et, actor1)
        place_cc = getattr(location, "country", None)
        if _dateline_place_only(doc, sent, location) and et not in VIOLENT_TYPES:
            # "ALMATY (Reuters) - Uzbek authorities detained 11 activists": the dateline is where the reporter
            # files; a government or its police act at home, so their country is the happening's
            place_cc = next((a.country for a in (actor1, actor2) if a is not None and a.kind == "state forces"
                             and a.country and a.name.startswith(("Police Forces of", "Government of"))), place_cc)
        # (a parent group where one of its branches operates is that branch: the Islamic State in Congo is ISCAP)
        actor1 = branch_in(_in_forces_country(doc, _in_country(actor1, place_cc), place_cc), place_cc)
        actor2 = branch_in(_in_forces_country(doc, _in_country(actor2, place_cc), place_cc), place_cc)
        assoc = [branch_in(_in_forces_country(doc, _in_country(a, place_cc), place_cc), place_cc) for a in assoc]
        if _tally(doc[args.get("head", trig.start)], date, dated_how):
            trig._.background = True  # a count of happenings over a month or a year: none is told
            trig._.event_rule = (trig._.event_rule or "") + " [background: tally]"
            continue
        members = set(args.get("members", [])) | {args.get("head", trig.start)}
        fatalities, counts = _quantities(doc, sent, members, alone=per_sent.get(sent.start, 0) == 1)
        if fatalities is None and not counts and (_older_context(doc, sent, date, dated_how, location)
                                                  or _past_of_a_party(doc, doc[args.get("head", trig.start)], date, dated_how)):
            # (a toll or count of its own tells a specific happening: "in 2014, rebels attacked the town,
            # killing 20", "nine soldiers who were kidnapped in 2014")
            trig._.background = True
            trig._.event_rule = (trig._.event_rule or "") + " [background: older context]"
            continue
        head_tok = doc[args.get("head", trig.start)]
        # (a count of its own sentence tells a specific happening; one borrowed from a sentence before does not)
        if not own_quantities(sent) and _context_statement(doc, sent, head_tok, date, dated_how):
            trig._.background = True
            trig._.event_rule = (trig._.event_rule or "") + " [background: context statement]"
            continue
        plural = (head_tok.tag_ in ("NNS", "NNPS") or (
            head_tok.pos_ != "VERB" and head_tok.lower_ != head_tok.lemma_.lower() and head_tok.lower_ in (head_tok.lemma_.lower() + "s", head_tok.lemma_.lower() + "es")
        )) and head_tok.lemma_.lower() not in ONE_HAPPENING_PLURALS
        if args.get("role") != "effect" and (plural or any(c.dep_ == "nummod" and (_num_value(c) or 0) > 1 for c in head_tok.children)) \
                and not _toll_of_the_act(doc, sent, head_tok.i) and not (plural and _one_target(head_tok)):
            fatalities = None  # "the toll from two bomb attacks": not one event's toll
            counts.pop("killed", None)
        if et in ("Strategic developments",) and sub not in ("Looting/property destruction",):
            fatalities = None
            counts.pop("killed", None)
        body_back = _found_body(head_tok, dated_how) if sub == "Other" else ""
        if body_back and _body_count(head_tok):
            # the dead the found bodies count, for the happening they fold into (an "Other" keeps no toll)
            counts["killed"] = _body_count(head_tok)
        text, span = _sentence_span(sent, trig)
        source = Source(sentence=text, span=span, attributed_to=_attribution(doc, trig), **src)
        out.append(
            EventMention(
                event_type=et,
                sub_event_type=sub,
                date=date,
                source=source,
                actor1=actor1,
                actor2=actor2,
                associated_actors=assoc,
                location=location,
                destination=destination,
                fatalities=fatalities,
                counts=counts,
                modality=trig._.modality or "asserted",
                confidence=float(trig._.event_confidence or 0.0),
                trigger=trig.text,
                trigger_span=(trig.start_char, trig.end_char),
                rule=trig._.event_rule or "",
                refers_back=body_back or _course_of_told(doc, trig, head_tok, dated_how) or \
                _refers_back_if_undated(doc, trig, head_tok, dated_how) or \
                _retold_happening(doc, trig, head_tok, date, dated_how, out) or (
                    _seized_in_course(head_tok, dated_how) if sub == "Disrupted weapons use" else "") or (
                    _taken_in_the_fight(doc, head_tok, dated_how, [
                        (t._.event_args or {}).get("head", t.start) for t in triggers
                        if sent_of(t).start == sent.start and t._.event_type[0] in VIOLENT_TYPES])
                    if sub == "Looting/property destruction" else ""),
                date_how=dated_how or "",
                fatalities_claimed=fatalities is not None and (doer_claims_toll(sent) or _own_fighters_claim(sent)),
                doer_by_convention=load_table().state_forces(location.country, "police")
                if sub == "Arrests" and actor1 is None and location is not None and location.country else None,
            )
        )
    _harmonize_protests(out)
    return out


# Possessives by which a speaker names its own side ("its fighters", "our men").
OWN_SIDE_POSS = frozenset({"its", "their", "our"})


def _own_fighters_claim(sent: Span) -> bool:
    """Whether the sentence's toll is what a party says its own fighters inflicted ("the front says its
    fighters attacked a checkpoint, killing nine"): the doer's claim, as ``doer_claims_toll`` reads
    "it killed 30", here through the participle that shares its verb's subject and a possessive subject."""
    for v in sent:
        if v.pos_ != "VERB" or v.lemma_.lower() not in INFLICT_VERBS or any(
                c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
            continue
        doer = _subject_of(v)
        if doer is None or not any(c.dep_ == "poss" and c.lower_ in OWN_SIDE_POSS for c in doer.children):
            continue
        clause = v.head if v.dep_ == "advcl" and v.tag_ == "VBG" else v
        say = clause.head if clause.dep_ in ("ccomp", "xcomp") else None
        if say is not None and say.lemma_.lower() in ("say", "claim", "state", "announce", "report") and any(
                c.dep_ == "nsubj" for c in say.children):
            return True
    return False


def _harmonize_protests(mentions: list[EventMention]) -> None:
    """One demonstration is coded by its gravest feature: tear gas in one sentence
    and petrol bombs in the next make the whole march a violent demonstration."""
    prot = [m for m in mentions if m.sub_event_type in PROTEST_SEVERITY]
    for m in prot:
        # the same demonstration: same day and same place (a march in Nairobi and a riot in
        # Kisumu the same day are two)
        peers = [o for o in prot if o.date.overlaps(m.date) and _same_place(o.location, m.location)]
        top = max(peers, key=lambda o: PROTEST_SEVERITY[o.sub_event_type])
        if PROTEST_SEVERITY[top.sub_event_type] > PROTEST_SEVERITY[m.sub_event_type]:
            crowd, force = _crowd_and_force(m.actor1, m.actor2, m.sub_event_type)
            m.sub_event_type = top.sub_event_type
            m.event_type = event_type_of(top.sub_event_type)
            m.actor1, m.actor2 = _protest_sides(_crowd_as(crowd, m.event_type), force, m.sub_event_type)


def _protest_sides(crowd: Actor | None, force: Actor | None, sub: str) -> tuple[Actor | None, Actor | None]:
    """(actor1, actor2) of a demonstration: ACLED codes the crowd as actor1 of a protest, riot or
    intervention, but excessive force against protesters is the force's act: its user is actor1,
    the protesters actor2 (unknown user: no actor1)."""
    if sub == "Excessive force against protesters":
        return force, crowd
    return crowd, force


def _crowd_and_force(actor1: Actor | None, actor2: Actor | None, sub: str) -> tuple[Actor | None, Actor | None]:
    return (actor2, actor1) if sub == "Excessive force against protesters" else (actor1, actor2)


def _same_place(a, b) -> bool:
    if a is None or b is None:
        return True
    ga, gb = getattr(a, "geonameid", None), getattr(b, "geonameid", None)
    if ga is not None and gb is not None:
        return ga == gb
    return getattr(a, "name", None) == getattr(b, "name", None)


def _crowd_as(a: Actor | None, et: str) -> Actor | None:
    """ACLED names a crowd by what it did: the demonstrators of a violent demonstration are
    "Rioters (Kenya)", those of a protest "Protesters (Kenya)", whatever noun the story used."""
    if a is None or a.kind not in ("protesters", "rioters") or et not in ("Protests", "Riots"):
        return a
    kind, label = ("rioters", "Rioters") if et == "Riots" else ("protesters", "Protesters")
    name = re.sub(r"^(Protesters|Rioters)\b", label, a.name)
    return Actor(name, kind, a.country)


@Language.factory("eventwire_mentions")
def make_mentions(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        try:
            doc._.mentions = build_mentions(doc)
        except Exception:  # noqa: BLE001
            log.exception("mention assembly failed")
            doc._.mentions = []
        return doc

    return component
