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
"""
from __future__ import annotations

import bisect
import hashlib
import logging
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import Actor, DateRange, EventMention, Quantity, Source
from ..taxonomy import event_type_of
from . import events as ev
from . import extensions  # noqa: F401
from .extensions import doc_text, span_text
from .attribution import REPORT_VERBS
from .quantities import (
    INFLICT_VERBS, ORDINAL_VALUES, REFLEXIVES, RISE_VERBS, TOLL_WORDS, UNREALIZED, WAR_WORDS, doer_claims_toll, doer_death,
    revised_toll, surely_survived, told_as_cause, vague_range, word_number,
)
from .actors import branch_in
from .toponyms import demonym_country

log = logging.getLogger(__name__)

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


# --------------------------------------------------------------------------- numbers


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
        if _counted_key(cur) and cur is not t:
            return cur
        # "10 others wounded", "students abducted": the modifier of the counted noun
        for c in cur.children:
            if c.dep_ in ("acl", "amod", "relcl") and _counted_key(c) and c is not t:
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


# --------------------------------------------------------------------------- actors


def _np_name(t: Token) -> str:
    doc = t.doc
    for ent in extensions.doc_ents(doc):
        if ent.start <= t.i < ent.end and ent.label_ in ("ORG", "NORP", "GPE", "PERSON"):
            return ent.text
    for c in t.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ == "ORG":
            for ent in extensions.doc_ents(doc):
                if ent.start <= c.i < ent.end:
                    return ent.text
    left = [c for c in t.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.pos_ != "NUM"]
    toks = []
    for c in left:
        toks.extend(x for x in c.subtree if x.i < t.i and x.pos_ not in ("DET", "NUM", "PUNCT") and x.dep_ not in ("quantmod", "nummod", "advmod"))
    toks.append(t)
    # "MANILA - Armed rebels ...": the parser may hang the dateline on the first noun phrase; it is
    # where the reporter files from, never part of a party's name
    toks = sorted({x for x in toks if x.i == t.i or not _in_dateline(doc, x)}, key=lambda x: x.i)
    name = " ".join(x.text for x in toks).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    return name[:1].upper() + name[1:]


GENERIC_PREFIX = ("unidentified", "civilians", "protesters", "rioters", "unknown")


def _np_tokens(t: Token) -> list[Token]:
    """The noun phrase of ``t`` without relative clauses and participles."""
    out = []
    stack = [t]
    while stack:
        x = stack.pop()
        out.append(x)
        for c in x.children:
            if c.dep_ in ("relcl", "acl", "advcl", "punct", "cc") and x is t:
                continue
            if c.dep_ in ("relcl", "acl", "advcl"):
                continue
            stack.append(c)
    return sorted((x for x in out if x.i == t.i or not _in_dateline(t.doc, x)), key=lambda x: x.i)


def _span_actor(doc: Doc, t: Token) -> Actor | None:
    """The ew_actors actor for the phrase headed by ``t``: a named group inside the
    phrase ("fighters from the Islamic State West Africa Province") beats the
    generic noun at its head."""
    spans, at = ev.actor_index(doc)
    if not spans:
        return None
    np = {x.i for x in _np_tokens(t)}
    own = None
    inner = []
    near = {at[i] for i in np if i in at} | ({at[t.i]} if t.i in at else set())
    for sp in sorted(near, key=lambda sp: sp.start):
        a = getattr(sp._, "actor", None)
        if a is None:
            continue
        if sp.start <= t.i < sp.end:
            own = a
        elif all(i in np for i in range(sp.start, sp.end)):
            inner.append((sp, a))
    named = [(sp, a) for sp, a in inner if not a.name.lower().startswith(GENERIC_PREFIX)]
    if named and (own is None or own.name.lower().startswith(GENERIC_PREFIX) or own.name.islower()):
        return max(named, key=lambda x: (len(x[1].name), len(x[0])))[1]
    if own is not None:
        # a more specific name inside the phrase: "fighters from the IS-aligned <branch name>"
        base = re.sub(r"\s*\(.*\)$", "", own.name)  # "Islamic State (ISIS)" -> its branch "Islamic State West Africa..."
        finer = [a for _, a in named if base in a.name and len(a.name) > len(own.name) and a.name != own.name]
        if finer:
            return max(finer, key=lambda a: len(a.name))
        if own.country is None and own.kind in ("state forces", "external/other"):
            better = _lookup_variants(t)
            if better is not None and better.country:
                return better
        return own
    return inner[0][1] if inner and t.dep_ != "pobj" else None


def _lookup_variants(t: Token, cc: str | None = None) -> Actor | None:
    """Try the phrase, then its named words with the head ("Saudi Arabian-led military
    coalition" -> "Saudi Arabian-led coalition" -> "Saudi coalition")."""
    toks = [x for x in _np_tokens(t) if x.i <= t.i and x.pos_ not in ("DET", "NUM") and x.dep_ != "poss"]
    if t.dep_ in ("compound", "amod"):
        # "Saudi coalition airstrike": the modifiers before it belong to it
        sib = [x for x in t.head.children if x.i < t.i and x.dep_ in ("compound", "amod", "nmod")]
        toks = sorted({*toks, *[y for x in sib for y in x.subtree]}, key=lambda x: x.i)
    named = [x for x in toks if x.ent_type_ in ("NORP", "GPE", "ORG") or x.pos_ == "PROPN"]
    variants = [" ".join(x.text for x in toks)]
    keep = [x for x in toks if x in named or x.text in ("-", "led", "backed") or x is t]
    variants.append(" ".join(x.text for x in keep))
    if named:
        variants.append(f"{named[-1].text} {t.text}")
        variants.append(named[-1].text)
    for v in variants:
        v = v.replace(" - ", "-").replace(" -", "-").replace("- ", "-").strip()
        if not v:
            continue
        a = _lookup(v, cc)
        if a is not None and not a.name.islower():
            return a
    return None


def _lookup(text: str, cc: str | None) -> Actor | None:
    try:
        from .actors import lookup_actor
    except ImportError:  # pragma: no cover
        return None
    try:
        return lookup_actor(text, cc)
    except Exception:  # noqa: BLE001
        return None


def _main_country(doc: Doc) -> str | None:
    key = "_ew_main_cc"
    if key not in doc.user_data:
        try:
            from .toponyms import main_country

            doc.user_data[key] = main_country(doc)
        except Exception:  # noqa: BLE001
            doc.user_data[key] = None
    return doc.user_data[key]


def _place_country(doc: Doc, t: Token) -> str | None:
    if "ew_toponyms" in doc.spans:
        for sp in doc.spans["ew_toponyms"]:
            if sp.start <= t.i < sp.end and getattr(sp._, "place", None) is not None:
                return sp._.place.country
    return None


ANAPHORS = {"group", "militant", "insurgent", "jihadist", "rebel", "extremist", "militia", "organization", "organisation",
            "movement", "faction", "outfit", "guerrilla", "guerilla", "subversive",
            # "the gunmen", "the attackers": a definite description of a party told before
            "gunman", "attacker", "assailant", "fighter", "kidnapper", "abductor", "terrorist"}
# Nouns for the members of an insurgency: "the Salvadoran guerrillas" in a story of one rebel group are that group's.
INSURGENT_NOUNS = {"rebel", "guerrilla", "guerilla", "insurgent", "subversive"}
ARMED_KINDS = ("rebel group", "political militia", "identity militia")


def _named_armed(a: Actor | None) -> bool:
    return a is not None and a.kind in ARMED_KINDS and not a.name.lower().startswith(GENERIC_PREFIX)


def _antecedent(doc: Doc, t: Token) -> Actor | None:
    """"the group", "the militants": the last named armed group mentioned before.

    "the Salvadoran guerrillas": the story's named rebel group of that country, mentioned
    before or after (a wire names the group once and then speaks of "the guerrillas")."""
    if lem_l(t) not in ANAPHORS:
        return None
    definite = any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in t.children)
    if t.dep_ in ("compound", "amod") and t.head.pos_ == "NOUN":
        # "the rebel attack": the article makes the rebels a party already known
        definite = definite or any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in t.head.children)
    spans, _ = ev.actor_index(doc)
    mods = [c for c in t.children if c.dep_ in ("compound", "amod")]
    demonym_cc = None
    if lem_l(t) in INSURGENT_NOUNS:
        from .actors import load_table, normalize

        table = load_table()
        for c in mods:
            demonym_cc = demonym_cc or table.demonym_to_cc.get(normalize(c.text))
    if not definite and demonym_cc is None:
        return None
    if any((c.ent_type_ in ("ORG", "NORP") or c.pos_ == "PROPN") and not demonym_cc for c in mods):
        return None
    best = None
    for sp in spans:
        a = getattr(sp._, "actor", None)
        if sp.end <= t.i and _named_armed(a):
            best = a
    if demonym_cc is not None and (best is None or best.country != demonym_cc):
        best = None
        rebels = [getattr(sp._, "actor", None) for sp in spans]
        rebels = [a for a in rebels if _named_armed(a) and a.kind == "rebel group" and a.country == demonym_cc]
        if rebels:
            best = max(set(rebels), key=lambda a: (rebels.count(a), -rebels.index(a)))
    return best


def lem_l(t: Token) -> str:
    return t.lemma_.lower()


def _doc_country(doc: Doc) -> str | None:
    """The article's main country as the actors component read it, else the toponyms'."""
    try:
        from .actors import main_country
    except ImportError:  # pragma: no cover
        return _main_country(doc)
    return main_country(doc) or _main_country(doc)


def _labelled(label: str, kind: str, doc: Doc) -> Actor:
    """ACLED's "Civilians (Nigeria)", "Unidentified Armed Group (Mali)": the article's country."""
    cc = _doc_country(doc)
    try:
        from .actors import load_table

        name = load_table().label(cc)
    except Exception:  # noqa: BLE001
        name = None
    return Actor(f"{label} ({name})" if name else label, kind, cc if name else None)


# Heads of a unit of a state's forces: "the 6th Brigade", "Atlacatl Battalion troops".
STATE_UNIT_NOUNS = {"brigade", "battalion", "division", "regiment", "detachment", "garrison", "command", "unit",
                    "company", "platoon", "squadron", "patrol", "troop", "soldier", "force", "helicopter",
                    "warplane", "jet", "aircraft", "gunship", "drone", "artillery", "tank", "army", "military",
                    "guard", "gendarmerie", "gendarme", "navy", "police", "policeman", "officer", "agent"}
POLICE_UNIT_NOUNS = {"police", "policeman", "officer", "agent", "gendarmerie", "gendarme"}


# A formation named by number or name ("the 7th Division", "the Atlacatl Battalion") is a state's.
UNIT_HEADS = {"brigade", "battalion", "division", "regiment", "detachment", "garrison", "squadron", "corps"}


def _report_verb_above(t: Token, steps: int | None = None) -> Token | None:
    """The report verb ("said", "told") that ``t``'s clause hangs on, climbing at most ``steps``
    heads (the root ends the climb either way)."""
    v, n = t, 0
    while v.head.i != v.i and not (v.lemma_.lower() in REPORT_VERBS and v.pos_ in ("VERB", "AUX")):
        if steps is not None and n >= steps:
            break
        v, n = v.head, n + 1
    return v if v.lemma_.lower() in REPORT_VERBS else None


def _speaker_country(doc: Doc, t: Token) -> str | None:
    """"The Russian defence ministry said its aircraft struck...": the country of whoever
    speaks in the sentence, for a possessive pronoun that points back to the speaker."""
    from .actors import load_table, normalize

    table = load_table()
    v = _report_verb_above(t)
    if v is None:
        return None
    for subj in (c for c in v.children if c.dep_ == "nsubj"):
        for x in subj.subtree:
            k = normalize(x.text)
            cc = table.demonym_to_cc.get(k) or table.name_to_cc.get(k) or table.name_to_cc.get(k.removesuffix("'s"))
            if cc:
                return cc
    return None


def _modifier_chain(t: Token) -> list[Token]:
    """The compounds and adjectives before ``t`` and theirs in turn: "a police bomb disposal unit" hangs
    "police" on "bomb", not on "unit", and the force it names is still the unit's."""
    out, stack = [], [t]
    while stack:
        x = stack.pop()
        for c in x.children:
            if c.dep_ in ("compound", "amod") and c.i < x.i:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda x: x.i)


def _bare_unit(doc: Doc, t: Token) -> Actor | None:
    """A state's unit named without its country ("the 4th Infantry Brigade", "its warplanes"): the
    military of the article's country (of the speaker, for "its"); "a military post", "an army
    convoy": the force the modifier names."""
    words = [t, *_modifier_chain(t)]
    from .actors import _NOT_STATE

    if any(w.lower_ in _NOT_STATE or w.lower_ == "coalition" for w in words):
        return None  # "coalition forces", "rebel units": not the article's state
    units = [w for w in words if lem_l(w) in STATE_UNIT_NOUNS or w.lower_ in STATE_UNIT_NOUNS or lem_l(w) in UNIT_HEADS]
    if not units:
        return None
    from .actors import load_table, normalize

    table = load_table()
    # "Israeli army bulldozers": the phrase's own country first
    cc = next((table.demonym_to_cc.get(normalize(w.text)) or table.name_to_cc.get(normalize(w.text))
               for w in words if w is not t and (table.demonym_to_cc.get(normalize(w.text))
                                                  or table.name_to_cc.get(normalize(w.text)))), None)
    if cc is None and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in t.children):
        cc = _speaker_country(doc, t)
    cc = cc or _doc_country(doc)
    if not cc:
        return None
    police = any(lem_l(w) in POLICE_UNIT_NOUNS or w.lower_ in POLICE_UNIT_NOUNS for w in units)
    return _lookup("police" if police else "army", cc)


def _formation(doc: Doc, t: Token) -> Actor | None:
    if lem_l(t) not in UNIT_HEADS:
        return None
    named = t.pos_ == "PROPN" or any(
        c.dep_ in ("compound", "amod", "nummod") and (c.pos_ in ("PROPN", "NUM") or c.tag_ == "JJ" and c.text[:1].isdigit())
        for c in t.children)
    if not named:
        return None
    cc = _doc_country(doc)
    return _lookup("army", cc) if cc else None


# Specialists and teams that act for a force: "army explosives experts", "a bomb disposal squad".
TEAM_NOUNS = {"squad", "team", "expert", "specialist", "technician", "personnel", "sapper", "deminer", "diver", "engineer"}
# A team named by its work with explosives and by no force: bomb squads are police units in most
# countries (Pakistan's BDS, India's BDDS, the US's); sappers and deminers are soldiers.
BOMB_WORDS = {"bomb", "disposal", "explosive", "explosives", "ordnance", "eod", "anti-explosive", "counter-ied"}
MILITARY_TEAMS = {"sapper", "deminer", "engineer"}
MILITARY_WORDS = {"army", "military", "navy", "naval", "marine", "soldier", "troop", "defence", "defense"}


def _force_team(doc: Doc, t: Token) -> Actor | None:
    """"Army explosives experts destroyed the mines", "a bomb disposal squad defused the device": a team
    of specialists is the force its modifiers name (the nearer compound chain, "army explosives
    experts"), else, named only by its work with explosives, the police (soldiers for sappers)."""
    if lem_l(t) not in TEAM_NOUNS or t.pos_ != "NOUN":
        return None
    mods = [x for x in t.subtree if x.i < t.i and x.dep_ in ("compound", "amod", "nmod")]
    words = {lem_l(x) for x in mods} | {x.lower_ for x in mods}
    from .actors import load_table, normalize

    table = load_table()
    cc = next((table.demonym_to_cc.get(normalize(x.text)) or table.name_to_cc.get(normalize(x.text)) for x in mods
               if table.demonym_to_cc.get(normalize(x.text)) or table.name_to_cc.get(normalize(x.text))), None)
    cc = cc or _doc_country(doc)
    if not cc:
        return None
    if words & POLICE_UNIT_NOUNS:
        return _lookup("police", cc)
    if words & MILITARY_WORDS or lem_l(t) in MILITARY_TEAMS - {"engineer"}:
        return _lookup("army", cc)
    if words & BOMB_WORDS and lem_l(t) != "engineer":
        return _lookup("police", cc)
    return None


DENY_VERBS = {"deny", "reject", "dismiss", "refute", "disown"}


def _speakers_own(doc: Doc, t: Token) -> Actor | None:
    """"X said its fighters had carried out the ambush": "its"/"their" members are those of the
    named armed group that speaks (the subject of the report verb above)."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in t.children):
        return None
    v = _report_verb_above(t, steps=8)
    if v is None or lem_l(v) in DENY_VERBS or _negated(v):
        return None  # "X denied that its fighters had attacked the village": X does not own the act
    for subj in (c for c in v.children if c.dep_ == "nsubj" and c.pos_ != "PRON"):
        a = _span_actor(doc, subj)
        if _named_armed(a):
            return a
    return None


def _belongs_to(doc: Doc, t: Token) -> Actor | None:
    """"gunmen who police said belonged to the X Army", "attackers who were members of X": the
    named armed group a relative clause on an unnamed doer puts it in."""
    for rel in (c for c in t.children if c.dep_ == "relcl"):
        for v in rel.subtree:
            if v.pos_ not in ("VERB", "AUX") or _negated(v):
                continue
            if v.lemma_.lower() == "belong":
                heads = [g for c in v.children if c.dep_ == "prep" and c.lower_ == "to"
                         for g in c.children if g.dep_ == "pobj"]
            elif v.lemma_.lower() == "be":
                heads = [g for a in v.children if a.dep_ == "attr" and a.lemma_.lower() in ("member", "fighter", "militant")
                         for c in a.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            else:
                continue
            for g in heads:
                a = _span_actor(doc, g)
                if _named_armed(a):
                    return a
    return None


# Nouns for people who serve a body, named by it: "agents of the intelligence ministry".
SERVING_NOUNS = {"agent", "member", "officer", "operative", "official", "personnel", "element", "man", "fighter",
                 "commando", "guard", "chief", "commander", "commandant", "head"}
# The heads of a state's forces: "the Chief of (General/Army/Defence) Staff" heads its military.
STAFF_HEADS = {"chief", "head"}


def _staff_chief(doc: Doc, t: Token) -> Actor | None:
    """"The Chief of General Staff opened a base", "Nigeria's Chief of Army Staff", "the chief of the
    defence staff": the office that heads a state's armed forces acts for its military (of the title's
    own country, "Nigeria's", else the article's)."""
    if t.pos_ not in ("NOUN", "PROPN") or lem_l(t) not in STAFF_HEADS:
        return None
    if not any(g.dep_ == "pobj" and lem_l(g) == "staff" for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children):
        return None
    from .actors import load_table, normalize

    table = load_table()
    own = [normalize(c.text).removesuffix("'s") for c in t.children if c.dep_ in ("poss", "compound", "amod")]
    cc = next((table.name_to_cc.get(k) or table.demonym_to_cc.get(k) for k in own
               if table.name_to_cc.get(k) or table.demonym_to_cc.get(k)), None) or _doc_country(doc)
    return _lookup("army", cc) if cc else None


def _serving_body(doc: Doc, t: Token) -> Actor | None:
    """"agents of the intelligence ministry", "members of the security services", "officers from the
    state security service": people named by the body they serve ("of"/"from") are that body's
    force, as "intelligence agents" are; the body's own name decides (the table's state-force nouns),
    else a state body with a police-like noun ("agents", "officers") is the country's police."""
    if t.pos_ != "NOUN" or lem_l(t) not in SERVING_NOUNS:
        return None
    bodies = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
              for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and g.ent_type_ != "GPE"]
    for g in bodies:
        a = actor_at(doc, g)
        if a is not None and a.kind in SIDE_KINDS:
            return a  # "members of the army's 3rd battalion", "fighters of the X Front"
        mods = [x for x in _modifier_chain(g) if x.pos_ in ("NOUN", "ADJ", "PROPN")]
        if ev.kind_of(doc, g) != "state" and not mods:
            continue
        cc = _doc_country(doc)
        if not cc:
            continue
        from .actors import load_table

        # read as the article's country's body ("Belarus intelligence services"): the table's force nouns
        # after a country name ("intelligence services", "security agents") then name the force
        country = load_table().label(cc)
        words = " ".join(x.text for x in mods)
        for v in (f"{country} {words} {g.text}", f"{country} {words} {t.text}"):
            a = _lookup(" ".join(v.split()), cc)
            if a is not None and a.kind == "state forces" and a.country:
                return a
        if ev.kind_of(doc, g) == "state" and lem_l(t) in POLICE_UNIT_NOUNS | {"operative"}:
            return _lookup("police", cc)
    return None


def _loyal_to(doc: Doc, t: Token) -> Actor | None:
    """"forces loyal to eastern commander Khalifa Haftar", "fighters loyal to renegade general X": the
    men of a leader are the group the table knows by his name ("Haftar forces", "Assad's forces"),
    whatever title the text gives him."""
    if t.pos_ not in ("NOUN", "PROPN") or ev.kind_of(doc, t) not in ("state", "nonstate"):
        return None
    loyal = [c for c in t.children if c.lower_ == "loyal"]
    if not loyal:
        return None
    # the parser hangs the name on "to", or as an apposition of the head noun, or (a long title before it)
    # makes the name the clause's subject: the words right after "loyal to" are his title and name
    words = [*loyal[0].subtree, *(x for c in t.children if c.dep_ == "appos" and c.i > loyal[0].i for x in c.subtree)]
    k = loyal[0].i + 1
    if k < len(doc) and doc[k].lower_ == "to":
        for x in doc[k + 1:k + 8]:
            if x.pos_ not in ("PROPN", "NOUN", "ADJ", "DET") and x.text != "-":
                break
            words.append(x)
    names = sorted({x for x in words if x.pos_ == "PROPN" and x.text[:1].isupper() and x.is_alpha}, key=lambda x: x.i)
    _, at = ev.actor_index(doc)
    if not names or any(x.i in at for x in names):
        return None  # loyal to a named group ("the Islamic State"): the group's own name decides, elsewhere
    last = names[-1].text
    full = " ".join(x.text for x in names[-2:])
    cc = _main_country(doc)
    for v in (f"{last} forces", f"{last}'s forces", f"forces loyal to {full}", f"forces loyal to {last}"):
        a = _lookup(v, cc)
        if a is not None and a.kind in SIDE_KINDS and not a.name.islower():
            return a
    return None


# Words by which a text says it cannot tell who the people are: "unidentified individuals", "masked youths";
# or that they bear arms and no name: "heavily armed individuals" (ACLED's unidentified armed group either way).
UNKNOWN_IDENTITY = {"unidentified", "unknown", "masked", "hooded", "anonymous", "unnamed", "armed"}


BAND_NOUNS = {"group", "band", "gang"}


def _unknown_identity(doc: Doc, agent: list[Token]) -> Actor | None:
    """"unidentified individuals set fire to the office", "the bus was burned by masked persons", "a group
    of unknown youths attacked": people the text says it cannot identify, doing the violence, are
    ACLED's Unidentified Armed Group (as doers only: "two unidentified men were found shot" are victims)."""
    for t in agent:
        if t.dep_ in ("nsubjpass", "dobj"):
            continue  # "two unidentified men were found shot": the passive's subject undergoes it
        people = [t, *(g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj")]  # "a group of unknown youths"
        for p in people:
            if p.pos_ == "NOUN" and ev.kind_of(doc, p) in ("civilian", None) \
                    and any(c.dep_ in ("amod", "compound") and c.lower_ in UNKNOWN_IDENTITY for c in p.children):
                return _labelled("Unidentified Armed Group", "political militia", doc)
        if lem_l(t) in BAND_NOUNS and any(ev.kind_of(doc, p) == "civilian" for p in people[1:]):
            # "a band of men abducted two aid workers", "a gang of youths stabbed": people banded together to
            # do violence, with no name, are an armed group the text cannot name
            return _labelled("Unidentified Armed Group", "political militia", doc)
    return None


def _unit_antecedent(doc: Doc, t: Token) -> Actor | None:
    """"the X Army's 9th brigade entered the town ... the brigade set up its command": a bare definite
    unit ("the brigade") is the unit told before by the same noun, and is whose that one was (not the
    article's state's, which a unit with no owner would be)."""
    if lem_l(t) not in UNIT_HEADS or t.pos_ != "NOUN":
        return None
    if not any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in t.children) \
            or any(c.dep_ in ("compound", "amod", "nummod", "poss", "nmod") for c in t.children):
        return None
    for j in range(t.i - 1, max(-1, t.i - 400), -1):
        x = doc[j]
        if x.pos_ not in ("NOUN", "PROPN") or lem_l(x) != lem_l(t):
            continue
        # its owner: "the X Army's brigade", "a brigade of X", "its 15th battalion" (the group that speaks)
        owners = [c for c in x.children if c.dep_ == "poss"] + [
            g for c in x.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not owners:
            continue
        a = next((a for a in (_speakers_own(doc, x) if o.pos_ == "PRON" else actor_at(doc, o) for o in owners)
                  if a is not None), None)
        return a if a is not None and a.kind in SIDE_KINDS else None  # the nearest unit told with its owner decides
    return None


# Verbs a group names itself with: "a group calling itself X", "an outfit that styles itself X"
SELF_NAMING_VERBS = {"call", "style", "dub", "name"}
REFLEXIVES = {"itself", "themselves", "himself"}


def _self_named(doc: Doc, t: Token) -> Actor | None:
    """The name a group gives itself ("a group calling itself the X Brigade", "a militia known as X"):
    the group of that name, a new armed group when the actor table does not know it."""
    start = None
    for c in t.children:
        if c.dep_ not in ("acl", "relcl") or c.pos_ != "VERB":
            continue
        lem = c.lemma_.lower()
        if lem in SELF_NAMING_VERBS:
            refl = next((x for x in c.children if x.dep_ == "dobj" and x.lower_ in REFLEXIVES), None)
            start = refl.i + 1 if refl is not None else None
        elif lem == "know":
            as_ = next((x for x in c.children if x.dep_ == "prep" and x.lower_ == "as"), None)
            start = as_.i + 1 if as_ is not None and as_.i == c.i + 1 else None
        if start is not None:
            break
    if start is None:
        return None
    i = start + (start < len(doc) and doc[start].lower_ == "the")
    end = i
    # the name: its run of proper words ("Jaish al-Ghazab", "the Sahel Liberation Front")
    while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].ent_type_ in ("ORG", "PERSON", "NORP", "GPE")
                              and doc[end].text[:1].isupper() or doc[end].text in ("-", "al", "el", "ad", "ash")
                              and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()):
        end += 1
    if end == i or not doc[i].text[:1].isupper():
        return None
    name = doc[i:end].text
    a = _lookup(name, _main_country(doc))
    if a is not None and a.kind in ARMED_KINDS:
        return a
    if a is not None:
        return None  # a state's or a people's name is not a new group's
    return Actor(name, "political militia", None)


def actor_at(doc: Doc, t: Token) -> Actor | None:
    if t.pos_ == "NOUN":
        a = _self_named(doc, t)
        if a is not None:
            return a
    a = _antecedent(doc, t) or _unit_antecedent(doc, t)
    if a is not None:
        return a
    a = _loyal_to(doc, t) or _serving_body(doc, t) or _staff_chief(doc, t)
    if a is not None:
        return a
    if lem_l(t) in UNIDENTIFIED:
        a = _belongs_to(doc, t)
        if a is not None:
            return a
    if ev.kind_of(doc, t) in ("nonstate", "state"):  # "the Houthis said their forces downed a drone"
        a = _speakers_own(doc, t)
        if a is not None:
            return a
    a = _span_actor(doc, t)
    if a is not None:
        if a.name in ("Civilians", "Unidentified Armed Group") and a.country is None:
            return _labelled(a.name, a.kind, doc)
        return a
    kind = ev.kind_of(doc, t)
    if t.lower_ in UNKNOWN_DOERS and t.dep_ == "nsubj" and t.head.pos_ == "VERB":
        # "someone opened fire at a party": a doer the text does not know is ACLED's unidentified armed
        # actor (only as the one who acts: "they shot someone" names no victim group)
        return _labelled("Unidentified Armed Group", "political militia", doc)
    if kind is None and t.pos_ != "PRON":
        return _formation(doc, t) or _force_team(doc, t)
    if kind is None or t.pos_ == "PRON":
        return None
    # the object of a place preposition is where it happened, not who did it: "fired on protesters in
    # Kibera, a slum of the capital" (a neighbourhood the gazetteer may not know is still no party)
    # (a country keeps its reading below: "strikes on Iran" are on its state)
    if kind == "state" and t.ent_type_ in ("GPE", "LOC", "FAC") and t.dep_ == "pobj" \
            and t.head.lower_ in PLACE_PREPS and not _names_country(t):
        return None
    # a country as the doer of a military act: its military ("Somalia recaptured the town")
    if kind == "state" and t.ent_type_ == "GPE":
        cc = _place_country(doc, t)
        if cc:
            a = _lookup("army", cc)
            if a is not None:
                return a
    a = _lookup_variants(t, _main_country(doc))
    if a is not None:
        return a
    if kind == "civilian" and t.lemma_.lower() in ("school", "market", "hospital", "church", "mosque", "hotel", "village", "home", "house", "camp", "bus"):
        return _labelled("Civilians", "civilians", doc)
    kind_name = {
        "state": "state forces",
        "nonstate": "political militia" if t.lemma_.lower() in UNIDENTIFIED else "rebel group",
        "civilian": "civilians",
        "protester": "protesters",
        "rioter": "rioters",
    }.get(kind, "external/other")
    if kind == "civilian":
        return _labelled("Civilians", "civilians", doc)
    if kind in ("protester", "rioter"):
        return Actor("Protesters" if kind == "protester" else "Rioters", kind_name)
    if kind == "nonstate" and t.lemma_.lower() in UNIDENTIFIED:
        return _labelled("Unidentified Armed Group", kind_name, doc)
    if kind == "state":
        a = _bare_unit(doc, t)
        if a is not None:
            return a
    # a name built from the phrase only when it names someone ("Karen guerrillas"):
    # "coalition forces" or "the troops" alone would read as a different party
    np = [x for x in _np_tokens(t) if x.i <= t.i]  # "a post in Usulutan": the place is not the party's name
    if not any(x.pos_ == "PROPN" or x.ent_type_ in ("NORP", "ORG", "GPE") for x in np):
        # an unnamed armed group is ACLED's "Unidentified Armed Group"; unnamed forces stay unknown
        return _labelled("Unidentified Armed Group", "political militia", doc) if kind == "nonstate" else None
    if kind == "nonstate" and lem_l(t) in INSURGENT_NOUNS | UNIDENTIFIED | {"militant", "fighter", "terrorist", "column"}:
        # "Salvadoran guerrillas", "Guerrilla columns" (capitalised at a sentence start): no group's name
        from .actors import load_table, normalize

        table = load_table()
        names = [x for x in np if x.pos_ == "PROPN" or x.ent_type_ in ("NORP", "ORG", "GPE")]
        ccs = {table.demonym_to_cc.get(normalize(x.text)) or table.name_to_cc.get(normalize(x.text)) for x in names}
        if all(x.is_sent_start or x.i == t.i for x in names) or (ccs and None not in ccs and len(ccs) == 1):
            cc = next(iter(ccs)) if ccs and None not in ccs else None
            a = _labelled("Unidentified Armed Group", "political militia", doc)
            return _in_country(a, cc) if cc else a
    return Actor(_np_name(t), kind_name)


LABELS = ("Unidentified Armed Group", "Civilians", "Protesters", "Rioters")


def _names_country(t: Token) -> bool:
    """Is the token, or its noun phrase, a country's name ("Iran")?"""
    from .actors import load_table, normalize

    table = load_table()
    return any(normalize(x) in table.name_to_cc for x in (t.text, _np_name(t)))


# Prepositions whose object is a place: "in Kibera", "near Goma" ("from", "by", "with" may name a side).
PLACE_PREPS = {"in", "near", "at", "outside", "inside", "around", "across", "along", "through", "throughout",
               "within", "into", "toward", "towards", "to", "on"}


def _in_country(a: Actor | None, cc: str | None) -> Actor | None:
    """ACLED labels unnamed parties by the country the event happened in: "Civilians (Peru)" for
    a story of a Lima bombing that also names Spain and the United States."""
    if a is None or not cc:
        return a
    label = next((lab for lab in LABELS if a.name == lab or a.name.startswith(lab + " (")), None)
    if label is None or a.country == cc:
        return a
    try:
        from .actors import load_table

        name = load_table().label(cc)
    except Exception:  # noqa: BLE001
        return a
    return Actor(f"{label} ({name})", a.kind, cc)


def _bureau_country(doc: Doc) -> str | None:
    """The dateline's country when the body never names it (no place of it, no demonym, no force
    qualified by it): a regional bureau's ("DAKAR (AFP) - ... soldiers fired on marchers in Labe"),
    which files its neighbours' news and is no party to them."""
    key = "_ew_bureau_cc"
    if key in doc.user_data:
        return doc.user_data[key]
    dl = doc._.dateline_place
    cc = getattr(dl, "country", None)
    if cc:
        dspan = doc._.dateline
        body = dspan.end if dspan is not None else 0
        for sp in doc.spans.get("ew_toponyms", []) if "ew_toponyms" in doc.spans else []:
            if sp.start >= body and getattr(sp._.place, "country", None) == cc:
                cc = None
                break
        if cc and any(t.i >= body and t.text[:1].isupper() and demonym_country(t.text) == cc for t in doc):
            cc = None
        if cc:
            from .actors import lookup_actor

            for sp in doc.spans.get("ew_actors", []) if "ew_actors" in doc.spans else []:
                own = lookup_actor(sp.text)
                if sp.start >= body and own is not None and own.country == cc:
                    cc = None
                    break
    doc.user_data[key] = cc
    return cc


def _in_forces_country(doc: Doc, a: Actor | None, cc: str | None) -> Actor | None:
    """A state force named without its country took the article's, which a foreign dateline can
    outvote: when that country is only the bureau's, the force is the happening's country's."""
    if a is None or not cc or a.kind != "state forces" or not a.country or a.country == cc:
        return a
    if a.country != _bureau_country(doc):
        return a
    from .actors import BRANCH_PREFIX, load_table

    table = load_table()
    branch = next((b for b, pre in BRANCH_PREFIX.items() if a.name == table.state_forces(a.country, b).name), None)
    return table.state_forces(cc, branch) if branch else a


# Verbs whose subject undergoes the happening: "a soldier died in the clash" names a victim.
UNDERGO_VERBS = {"die", "perish", "suffer", "survive", "flee", "escape", "lose", "sustain", "succumb", "remain", "be",
                 "get", "become", "fall", "disappear", "vanish"}  # "the party leader disappeared": its victim


def _undergoes(t: Token) -> bool:
    return t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX") and (
        t.head.lemma_.lower() in UNDERGO_VERBS - {"be"} or _gapped_passive(t.head))


def _gapped_passive(v: Token) -> bool:
    """"Two soldiers were killed and five others wounded": a bare participle conjoined to a passive
    verb shares its auxiliary, so it is passive too and its parsed subject is a victim."""
    return v.tag_ == "VBN" and v.dep_ == "conj" and any(c.dep_ == "auxpass" for c in v.head.children) \
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in v.children)


def _speaker_of(doc: Doc, pron: Token) -> Token:
    """"X said they had targeted...": the pronoun subject of a reported clause is the party that
    reports it (whatever the NER calls it), when that subject is a party."""
    # "X said its fighters had killed 12 soldiers": the members a reporting party calls its own are its own
    own = pron.pos_ == "NOUN" and pron.dep_ == "nsubj" and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in pron.children)
    if not own and (pron.pos_ != "PRON" or pron.lower_ not in ("it", "they", "we")):
        return pron
    v = pron.head
    if not own and v.dep_ in ("advcl", "conj") and v.head.pos_ in ("VERB", "AUX"):
        # "the rebels failed when they attacked the base": the clause's subject goes on
        subj = [c for c in v.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if subj and ev.kind_of(doc, subj[0]) in ("state", "nonstate"):
            return subj[0]
    if v.dep_ not in ("ccomp", "parataxis") or v.head.lemma_.lower() not in REPORT_VERBS | {"claim", "announce", "admit"}:
        return pron
    if own and (v.head.lemma_.lower() in DENY_VERBS or _negated(v.head)):
        return pron  # "X denied that its fighters had attacked": no claim
    # (the parser may hang the dateline on the verb too, "MOSCOW ... - Russia's security service said":
    # a dateline is where the story was filed, never who speaks)
    dl = doc._.dateline
    subj = [c for c in v.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"
            and not (dl is not None and dl.start <= c.i < dl.end)]
    # (a state body telling of "its aircraft" or "its troops" speaks of its forces, which are read as such)
    kinds = ("nonstate",) if own else ("state", "nonstate")
    return subj[0] if subj and ev.kind_of(doc, subj[0]) in kinds else pron


# Participles that tie members to a group: "fighters linked to the Islamic State", "militants loyal to X".
TIE_PARTICIPLES = {"link", "affiliate", "ally", "align", "tie", "connect", "belong", "loyal", "inspire", "back"}


def _tied_subject(v: Token) -> list[Token]:
    """"Fighters linked to the Islamic State killed nine soldiers": the small parser makes "linked"
    the sentence's verb and hangs the finite "killed" under it (or under the group's name), so
    "killed" has no subject.  A past-tense verb that acts on an object has one: the noun that the
    tie participle describes ("Fighters"), its subject when it is the root, its head when a
    post-modifier ("Rebels linked to X killed ...")."""
    if v.pos_ != "VERB" or v.tag_ != "VBD" or ev.subject_of(v) or not any(c.dep_ == "dobj" for c in v.children):
        return []
    cur = v
    for _ in range(5):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.tag_ in ("VBN", "VBD") and cur.lemma_.lower() in TIE_PARTICIPLES | {"linked", "allied", "backed"}:
            if cur.dep_ == "ROOT":
                return [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                return [cur.head]
            break
        if cur.dep_ not in ("pobj", "prep", "acl", "advcl", "dep", "compound") and cur.pos_ not in ("NOUN", "PROPN", "ADP"):
            break
    return []


# Verbs that do the happening their object names ("staged an attack"), unlike those that only speak
# of it ("condemned the attack", "claimed the attack": a claim is read apart, in _claimed_by).
STAGING_VERBS = {"stage", "carry", "conduct", "perpetrate", "launch", "mount", "commit", "execute", "unleash"}
# Verbs that make what their object names: "the army said it inaugurated a base", "troops set up a
# checkpoint": who opens a base establishes it (ACLED's actor1 of "Headquarters or base established";
# only for that type: "the armed forces will establish a truce" is read as an agreement elsewhere).
MAKING_VERBS = {"establish", "open", "inaugurate", "build", "set", "erect", "construct", "install", "commission"}


def _is_verb_of(v: Token, lemmas: set[str]) -> bool:
    """The lemma, or the inflected form read back to it (the small model lemmatizes "staged" as "stag")."""
    w = v.lower_
    return v.lemma_.lower() in lemmas or any(
        base in lemmas for base in (w[:-1], w[:-2], w[:-3], w[:-3] + "e", w[:-3] + "y") if w.endswith(("s", "d", "ing")))


# Prepositions that put a happening after or before its subject's own act (or make it its topic),
# never the act itself; and the verbs of going to or answering a happening ("respond to", "rush to").
RESPONSE_PREPS = {"after", "following", "over", "about", "into", "since", "before"}
ANSWERING_VERBS = {"respond", "react", "rush", "race", "hurry", "speed", "arrive", "attend", "dispatch", "send",
                   "call", "summon", "deploy"}


def _purpose_subject(v: Token) -> list[Token]:
    """"The army chief travelled to X to open a base", "troops moved in to set up a camp": an infinitive
    of purpose is done by the subject of the verb it tells the purpose of."""
    if v.dep_ != "advcl" or v.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return []
    return ev.subject_of(v.head)


def _carrier_subject(doc: Doc, trig: Span, args: dict) -> list[Token]:
    """An event noun in a phrase of a verb ("troops pushed east in an offensive against X",
    "the army, in a dawn raid, seized..."): the verb's subject carries it out.  Not through a
    report verb: whoever "said" it is a source."""
    head = doc[args.get("head", trig.start)]
    doing = STAGING_VERBS | (MAKING_VERBS if (trig._.event_type or ("", ""))[1] == "Headquarters or base established"
                             else set())
    if head.pos_ == "NOUN" and head.dep_ == "dobj" and _is_verb_of(head.head, doing) \
            and not _negated(head.head):
        # "terrorists staged three bomb attacks", "the army carried out an airstrike": who stages it does it
        subj = [_speaker_of(doc, c) for c in ev.subject_of(head.head) or _purpose_subject(head.head)]
        return [c for c in subj if c.pos_ != "PRON" and c.i not in set(args.get("patient", []))]
    if head.pos_ != "NOUN" or head.dep_ != "pobj" or head.head.dep_ != "prep":
        return []
    verb = head.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() in REPORT_VERBS or verb.lemma_.lower() in UNDERGO_VERBS:
        return []
    if head.head.lower_ in RESPONSE_PREPS or head.head.lower_ in ("to", "at") and _is_verb_of(verb, ANSWERING_VERBS):
        # "officers responded to the shooting", "deputies rushed to the stabbing", "medics arrived after the
        # blast": who goes to a happening or comes after it answers it ("agreed to a ceasefire" is one's own)
        return []
    patient = set(args.get("patient", []))
    # "X attacked the town, engaging soldiers in a gun battle": the subject of a participle is its clause's
    # "the Houthis said they had targeted a ship with missiles": "they" is the group that speaks
    subj = [_speaker_of(doc, c) for c in ev.subject_of(verb)] or _tied_subject(verb)
    return [c for c in subj if c.i not in patient and c.pos_ != "PRON"]


DATELINE_END = {"—", "–", "-", "--", ":"}


def _in_dateline(doc: Doc, t: Token) -> bool:
    """Is ``t`` in the dateline header ("KYIV, Ukraine (AP) —")?  The place a wire was filed
    from is where the reporter sits, never a party to the story; the parser often makes
    it the subject of the first verb."""
    dl = doc._.dateline
    if dl is None or t.i < dl.start or t.i >= dl.end + 12:
        return False
    end = next((k for k in range(dl.end, min(dl.end + 12, len(doc))) if doc[k].text in DATELINE_END), None)
    return end is not None and t.i < end


def _instrument_user(doc: Doc, t: Token) -> Token:
    """"A drone launched by X struck...", "a bomb planted by X exploded": the weapon is the
    grammatical subject, the by-agent of its participle is who used it."""
    if ev.kind_of(doc, t) is not None or t.pos_ not in ("NOUN", "PROPN"):
        return t
    for c in t.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            for a in c.children:
                if a.dep_ == "agent":
                    by = [g for g in a.children if g.dep_ == "pobj"]
                    if by:
                        return by[0]
    return t


# Acts and weapons that stand for the forces using them: "Israeli strikes killed 20".
ACT_NOUNS = {"strike", "airstrike", "shelling", "bombardment", "missile", "rocket", "drone", "shell", "artillery",
             "fire", "gunfire", "attack", "raid", "bomb", "bombing", "jet", "warplane", "aircraft", "helicopter",
             "barrage", "offensive", "assault", "operation", "mortar", "airstrikes", "strikes"}
# Verbs whose intransitive subject is the device or the place that blew up, never who set it off:
# "a Volkswagen parked near the embassy exploded", "a car bomb went off outside the bank".
BURST_VERBS = {"explode", "detonate", "burst", "go", "blow"}
BOMBER_LEMMAS = {"bomber", "attacker", "assailant", "militant", "insurgent", "terrorist", "man", "woman", "fighter",
                 "jihadist", "guerrilla", "rebel", "gunman", "soldier", "boy", "girl", "teenager", "youth"}


def _device_subject(a: Token, v: Token) -> bool:
    """Is ``a``, an agent of the verb ``v``, the thing that blew up rather than who blew it up?
    (The subject may hang on a conjoined verb: "a car parked near the embassy exploded".)"""
    if a.dep_ != "nsubj" or v.pos_ != "VERB" or v.lemma_.lower() not in BURST_VERBS:
        return False
    if any(c.dep_ in ("dobj", "dative") for c in v.children):
        return False  # "the bomber detonated his vest": a doer
    if v.lemma_.lower() in ("go", "blow") and not any(c.dep_ == "prt" and c.lower_ in ("off", "up") for c in v.children):
        return False
    return a.lemma_.lower() not in BOMBER_LEMMAS and a.pos_ != "PRON"


def _under_phrase(doc: Doc, head: Token) -> bool:
    """Is the happening told in an "under" phrase ("came under heavy fire", "was under attack",
    "came under shelling")?  Whoever is under it is its target, whatever verb carries the phrase."""
    k = head.left_edge.i - 1
    return k >= 0 and doc[k].lower_ == "under" and doc[k].dep_ == "prep" and doc[k].head.i != head.i


def _under_doers(doc: Doc, head: Token) -> list[Token]:
    """"came under fire from X", "under shelling by X": the doer is told only in a from/by phrase
    after the happening (on the noun, or on the verb the parser hangs it on)."""
    return [g for x in (head, doc[head.left_edge.i - 1].head) for c in x.children
            if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") and c.i > head.i
            for g in c.children if g.dep_ == "pobj"]


def _reporter_of_other_doer(a: Token, agent: list[Token]) -> bool:
    """Is ``a`` the subject of a reporting verb whose reported clause has another of the agents as a
    (non-pronoun) subject?  "Gunmen killed four people when they opened fire, police said": the pronoun
    was taken for the speaker, but the clause it hangs on names its own doer; the police only tell it.
    ("The group said it had killed 30 soldiers": the reported clause's subject is the pronoun, the
    speaker stays.)"""
    v = a.head
    if a.dep_ != "nsubj" or v.pos_ != "VERB" or v.lemma_.lower() not in REPORT_VERBS:
        return False
    told = [c for c in v.children if c.dep_ in ("ccomp", "parataxis")]
    if not told and v.dep_ in ("ccomp", "parataxis"):
        told = [v.head]  # "Gunmen killed four, police said": the parse may hang the report on the told verb
    return any(o is not a and o.pos_ != "PRON" and o.dep_ == "nsubj" and any(
        o.head == x or o.head in x.subtree for x in told) and o.head != v for o in agent)


def _doers(doc: Doc, trig: Span, args: dict) -> list[Token]:
    """The tokens that carry out the happening: the trigger's agents (the subject of "died" or
    "was wounded" undergoes it, it does not carry it out), else the subject of the verb an
    event noun hangs on; never the dateline; a weapon stands for whoever used it."""
    head = doc[args.get("head", trig.start)]
    if _under_phrase(doc, head):
        return [_instrument_user(doc, a) for a in _under_doers(doc, head)]
    agent = []
    for a in (doc[i] for i in args.get("agent", []) if not _undergoes(doc[i])):
        if _in_dateline(doc, a):
            # "MAIDUGURI, Nigeria — Fighters of X attacked": the story's subject hangs on the dateline
            # (the appos may hang on the dateline's country: "TRIPOLI, Libya - The X Army shelled")
            agent.extend(c for x in a.subtree if _in_dateline(doc, x)
                         for c in x.children if c.dep_ == "appos" and not _in_dateline(doc, c) and c not in agent)
        elif a not in agent:
            agent.append(a)
    # "the army blamed X for the bombing": X, not the accuser the parse makes the subject
    head = doc[args.get("head", trig.start)]
    agent = [a for a in agent if not _device_subject(a, head)]
    agent = [a for a in agent if not _reporter_of_other_doer(a, agent)]
    agent = _held_responsible(head) or agent or _carrier_subject(doc, trig, args) or _done_by(head) \
        or _tied_subject(head) or _when_clause_doer(doc, head, set(args.get("patient", [])))
    if not agent:
        # "Ukrainian drones attacked": the trigger takes in the doer's own words
        spans, _ = ev.actor_index(doc)
        patient = set(args.get("patient", []))
        agent = [sp.root for sp in spans if sp.start < trig.end and sp.end > trig.start and sp.root.i not in patient
                 and getattr(sp._.actor, "kind", None) in SIDE_KINDS]
    return [_instrument_user(doc, _speaker_of(doc, a)) for a in agent]


def _suffered(v: Token) -> bool:
    """Is the verb told of those it befell (a passive, "were killed and two others wounded", or "died")?"""
    return v.pos_ == "VERB" and (any(c.dep_ == "auxpass" for c in v.children) or _gapped_passive(v)
                                 or v.lemma_.lower() in UNDERGO_VERBS - {"be"}
                                 or (v.tag_ == "VBN" and v.dep_ in ("acl", "conj") and not any(
                                     c.dep_ in ("aux", "dobj") for c in v.children)))


def _when_clause_doer(doc: Doc, head: Token, patient: set[int]) -> list[Token]:
    """"Three soldiers were killed and four others injured when artillery fired from X hit their
    camp": a happening told by those it befell, with no by-agent, is done by the acting subject of
    the sentence's when/as clause (the parser hangs that clause anywhere: on the verb, on "others")."""
    if not _suffered(head):
        return []
    sent = head.sent
    for v in sent:
        if v.i == head.i or v.pos_ != "VERB" or not any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as")
                                                       and c.i < v.i for c in v.children):
            continue
        if v.lemma_.lower() in REPORT_VERBS or _suffered(v) or _negated(v):
            continue
        subj = [c for c in v.children if c.dep_ == "nsubj" and c.i not in patient and c.pos_ != "PRON"]
        for a in subj:
            a = _instrument_user(doc, a)
            if _device_subject(a, v) or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in a.children):
                continue  # "when a bomb exploded", "when their patrol struck a mine": no doer told
            # a party, or a weapon whose words name its side ("Somali artillery", "tanks firing from X"),
            # not the victims' own side ("soldiers were killed when troops stormed the camp")
            found = actor_at(doc, a)
            if found is not None and found.kind in SIDE_KINDS \
                    and found not in {actor_at(doc, doc[p]) for p in patient}:
                return [a]
    return []


# Verbs whose subject does not act on anyone: "the ELN has been in peace talks", "X denied it".
NOT_ACTS = {"be", "have", "seem", "remain", "deny", "reject", "want", "need", "hope", "continue", "plan", "threaten",
            "vow", "call", "urge", "demand", "agree", "negotiate", "talk", "meet", "hold", "sign"}
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _acting_subject(t: Token, other: set[int] = frozenset()) -> bool:
    """Is ``t`` (or the phrase it sits in: "Rebels of X") the subject of a verb that acts (and not
    one of the ``other`` words, which tell a happening of another kind)?"""
    for _ in range(4):
        if t.dep_ in ("pobj", "prep", "appos", "compound", "conj", "poss"):
            t = t.head
            continue
        break
    v = t.head
    if v.i in other:
        return False
    return t.dep_ == "nsubj" and v.pos_ == "VERB" and v.lemma_.lower() not in REPORT_VERBS | NOT_ACTS | UNDERGO_VERBS \
        and not any(c.dep_ == "neg" for c in v.children)


def _nonviolent_words(doc: Doc) -> set[int]:
    """Token indices of the words (triggers and their members) of the happenings told in the doc that
    are neither violent nor destructive: arrests, agreements, protests."""
    out: set[int] = set()
    for c in extensions.span_group(doc, "ew_triggers"):
        et, sub = c._.event_type or ("", "")
        if et in VIOLENT_TYPES or sub == "Looting/property destruction":  # "blew up a pipeline"
            continue
        args = c._.event_args or {}
        out.update(range(c.start, c.end))
        out.update(args.get("members", []))
        if "head" in args:
            out.add(args["head"])
    return out


def _told_doer(doc: Doc, head: Token) -> Actor | None:
    """"Rebels of X blew up a pipeline ... The explosion spilled crude": a definite happening noun
    with no doer of its own is the happening just told; its doer is the named armed group that was
    the acting subject in that sentence or the one before (never a bare state: "police said")."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in head.children):
        return None
    sents = list(doc.sents)
    here = next(k for k, s in enumerate(sents) if s.start <= head.i < s.end)
    lo = sents[max(0, here - 1)].start
    spans, _ = ev.actor_index(doc)
    other = _nonviolent_words(doc)
    best = None
    for sp in spans:
        if sp.start < lo:
            continue
        if sp.start >= head.i:
            break
        a = getattr(sp._, "actor", None)
        if head.dep_ == "dobj" and sp.root.dep_ == "nsubj" and sp.root.head.i == head.head.i:
            continue  # "X condemned the airstrike", "X denounced the murder": the subject speaks of the happening
        # the subject of the act ("X blew up a pipeline"), not of the arrest that followed it
        # ("Taliban forces arrested two suspects in connection with the bombing")
        if _named_armed(a) and _acting_subject(sp.root, other):
            best = a
    return best


def _negated(v: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not") for c in v.children)


def _held_responsible(head: Token) -> list[Token]:
    """Whom the text holds responsible for an event noun: "X is responsible for the massacre",
    "blamed X for the murder", "accused X of the attack", "attributed the attack to X", "the
    murder is attributed to X" (not when the verb is negated: "X denied it carried out ...")."""
    out: list[Token] = []
    gov = head.head
    if head.dep_ == "pobj" and gov.dep_ == "prep":
        pred = gov.head
        if gov.lower_ == "for" and pred.lower_ == "responsible" and not _negated(pred.head):
            v = pred.head if pred.dep_ in ("acomp", "amod", "oprd") else pred
            # "the police hold X responsible for the attack": X, the object, not the police
            role = ("dobj",) if v.lemma_.lower() in ("hold", "consider", "deem", "find", "declare") else ("nsubj", "nsubjpass")
            subj = [c for c in v.children if c.dep_ in role] or (
                [v.head] if pred.dep_ == "amod" else [])
            out = [c for c in subj if c.lower_ not in ("who", "that", "those", "nobody", "none")]
        elif (gov.lower_, pred.lemma_.lower()) in (("for", "blame"), ("for", "hold"), ("of", "accuse")) \
                and not _negated(pred):
            out = [c for c in pred.children if c.dep_ == "dobj"]
    elif head.dep_ in ("dobj", "nsubjpass") and gov.lemma_.lower() in ("attribute", "blame", "ascribe", "pin") \
            and not _negated(gov):
        out = [g for c in gov.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "on")
               for g in c.children if g.dep_ == "pobj"]
    return [t for t in out if t.pos_ != "PRON"]


# Verbs whose by-agent is the one who did the happening they take as patient: "the blast, which
# was claimed by X", "an ambush carried out by X", "the attack was staged by X" (not "condemned by").
DONE_BY_VERBS = {"claim", "carry", "conduct", "perpetrate", "launch", "stage", "mount", "orchestrate", "commit",
                 "execute", "mastermind", "plan", "order"}


def _done_by(head: Token) -> list[Token]:
    """The by-agent of a doing verb whose patient is the event noun: a relative or participle
    clause on it ("the blast, which was claimed by X") or its passive verb ("the attack was
    carried out by X")."""
    if head.pos_ != "NOUN":
        return []
    verbs = [c for c in head.children if c.dep_ in ("relcl", "acl") and c.tag_ in ("VBN", "VBD")]
    if head.dep_ == "nsubjpass":
        verbs.append(head.head)
    out: list[Token] = []
    for v in verbs:
        if v.lemma_.lower() not in DONE_BY_VERBS or _negated(v):
            continue
        out.extend(g for a in v.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
    return [t for t in out if t.pos_ != "PRON"]


SIDE_KINDS = ("state forces", "rebel group", "political militia", "identity militia")


def _unnamed_armed(a: Actor | None) -> bool:
    return a is not None and a.name.startswith("Unidentified Armed Group")


def _generic_armed(a: Actor | None) -> bool:
    """An armed side named only by a label of its country ("Separatist Ethnic Militia (Angola)" for
    "separatist rebels"): it names no group, so a named group's claim names the doer."""
    if a is None or a.kind not in ARMED_KINDS or not a.country:
        return False
    from .actors import load_table

    return a.name.endswith(f"({load_table().label(a.country)})")


# Determiners that bring in a happening not told before: "a second bomb", "another attack".
NEW_HAPPENING_DETS = {"a", "an", "another"}
CLAIM_REACH = 6  # sentences: a wire tells the happening, its details, then the claim


def _new_happening_in(doc: Doc, sent: Span, trig: Span) -> bool:
    """Does ``sent`` bring in a violent happening other than ``trig``'s: an event noun with an
    indefinite or 'another' determiner ("Later, a second bomb exploded")?  A retelling is definite
    ("The blast struck...", "the bomb was buried") and keeps to the same happening."""
    for c in extensions.span_group(doc, "ew_triggers"):
        if not (sent.start <= c.start < sent.end) or c.start == trig.start or c._.background:
            continue
        et, _ = c._.event_type or ("", "")
        head = doc[(c._.event_args or {}).get("head", c.start)]
        if et in VIOLENT_TYPES and head.pos_ == "NOUN" and any(
                d.dep_ == "det" and d.lower_ in NEW_HAPPENING_DETS for d in head.children):
            return True
    return False


def _definite(t: Token) -> bool:
    """"the attack", "Sunday's bombing", "it": a happening already told, not a new one."""
    return t.lower_ in ("it", "this", "that") or any(
        d.dep_ == "poss" or d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in t.children)


def _has_words(sent: Span) -> bool:
    """A sentence of words, not a stray line of punctuation the parser split off (it counts toward the reach)."""
    return any(t.is_alpha for t in sent)


@lru_cache(maxsize=1)
def _violent_words() -> frozenset[str]:
    """The words of the trigger lexicon's violent happenings ("attack", "killing", "ambush", "massacre")."""
    return frozenset(w for w, entries in ev.load_lexicon()["words"].items()
                     if any(event_type_of(e["sub"]) in VIOLENT_TYPES for e in entries))


def _happening_again(t: Token) -> bool:
    """A violent happening named again: "the killings", "Saturday's attack", "it"."""
    return _definite(t) and (t.pos_ == "PRON" or t.pos_ == "NOUN" and (
        t.lemma_.lower() in _violent_words() or t.lower_ in _violent_words()))


def _claimed_by(doc: Doc, trig: Span) -> Actor | None:
    """"A suicide bomber killed 20 ... The Pakistani Taliban claimed responsibility for the attack": a
    named group's claim, in the happening's sentence or the ones after it that still tell the same
    happening (up to one that brings in a new one: "a second bomb"), names its unidentified doer.
    The army blaming a named group ("The army blamed dissidents of X, who it said had planted the
    explosive") names it the same way."""
    here = trig.sent
    nxt = [here]
    while sum(map(_has_words, nxt)) < CLAIM_REACH and nxt[-1].end < len(doc):
        s = doc[nxt[-1].end].sent
        if _new_happening_in(doc, s, trig):
            break
        nxt.append(s)
    lo, hi = here.start, nxt[-1].end
    for c in extensions.span_group(doc, "ew_triggers"):
        if not (lo <= c.start < hi) or "claim of responsibility" not in (c._.event_rule or ""):
            continue
        claimed = doc[(c._.event_args or {}).get("head", c.start)]
        if c.start >= here.end and not _definite(claimed):
            continue  # a later "claimed responsibility for a string of attacks" is not for this one
        for t in ev._responsible(claimed):
            a = actor_at(doc, _speaker_of(doc, t))
            if _named_armed(a):
                return a
    # "... The FLEC-FAC said its fighters had killed 12 soldiers", "X said in a video that its men carried
    # out the attack": a named group telling, after the happening, of its own members' violent act claims it
    for c in extensions.span_group(doc, "ew_triggers"):
        if not (trig.end <= c.start < hi) or (c._.event_type or ("",))[0] not in VIOLENT_TYPES:
            continue
        h = doc[(c._.event_args or {}).get("head", c.start)]
        # (a happening noun told again, "carried out the attack", "killed 10 soldiers in the attack": its verb)
        verb = h if h.pos_ == "VERB" else (
            h.head if h.dep_ == "dobj" and _definite(h) and _is_verb_of(h.head, STAGING_VERBS) else
            h.head.head if h.dep_ == "pobj" and _definite(h) and h.head.head.pos_ == "VERB" else None)
        if verb is None or _negated(verb):
            continue
        for subj in (x for x in verb.children if x.dep_ == "nsubj"):
            speaker = _speaker_of(doc, subj)
            a = actor_at(doc, speaker) if speaker is not subj else None
            if _named_armed(a):
                return a
    # "... The Pakistani Taliban claimed responsibility.": a claim with no object is for what was just told
    # (only after the happening: a bare claim before it is about something else)
    # "X claimed the ambush": a claim whose object is the happening told again (definite) is one too
    heads = {(c._.event_args or {}).get("head", c.start) for c in extensions.span_group(doc, "ew_triggers")}
    # array reads first (these loops run over the sentences after every trigger): no Token per word
    deps, head_of, lemmas = extensions.doc_deps(doc), extensions.doc_heads(doc), extensions.doc_lemmas(doc)
    for i in range(trig.end, hi):
        if deps[i] != "dobj" or lemmas[head_of[i]] not in ("claim", "take", "accept", "assume", "admit"):
            continue
        tok = doc[i]
        v = tok.head
        if _negated(v):
            continue
        if tok.lemma_.lower() in ("responsibility", "credit"):
            # "responsibility for a string of attacks" is said of something else; "for the attack", "in a
            # statement" still of the happening just told
            fors = [g for c in (*tok.children, *v.children) if c.dep_ == "prep" and c.lower_ == "for"
                    for g in c.children if g.dep_ == "pobj"]
            if any(not _definite(g) for g in fors):
                continue
        elif not (v.lemma_.lower() == "claim" and _definite(tok) and (tok.i in heads or _act_noun(tok))):
            continue
        for subj in (c for c in v.children if c.dep_ == "nsubj"):
            if any(d.lower_ in ("no", "none") for d in subj.children) or subj.lower_ in ("nobody", "none", "no-one"):
                continue
            a = actor_at(doc, _speaker_of(doc, subj))
            if _named_armed(a):
                return a
    # "... The army blamed dissidents of the former FARC, who it said had planted the explosive": a bare
    # blame after the happening (no "for" naming something else) is for what was just told
    for i in range(trig.end, hi):
        if lemmas[i] != "blame":
            continue
        v = doc[i]
        if v.pos_ != "VERB" or _negated(v):
            continue
        # "blamed X for the killings", "blamed Saturday's killings on X", "the massacre was blamed on X": the
        # happening told again (definite, a violent happening's word) names its doer; "blamed X for the
        # shortages" is said of something else
        preps = {c.lower_: [g for g in c.children if g.dep_ == "pobj"] for c in v.children if c.dep_ == "prep"}
        objs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if "on" in preps:
            who = preps["on"] if any(_happening_again(o) for o in objs) else []
        elif "for" in preps:
            who = [o for o in objs if o.dep_ == "dobj"] if all(_happening_again(g) for g in preps["for"]) else []
        else:
            who = [o for o in objs if o.dep_ == "dobj"]
        for obj in who:
            for x in (obj, *(p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                             for p in c.children if p.dep_ == "pobj")):
                a = actor_at(doc, x)
                if _named_armed(a):
                    return a
    # "... no casualties were reported in this incident, for which the FMLN guerrillas are being held
    # responsible": held responsible after the happening, for it ("for which"/"for the attack") or bare
    for i in range(trig.end, hi):
        if lemmas[i] not in ("hold", "consider", "deem"):
            continue
        v = doc[i]
        if v.pos_ != "VERB" or _negated(v) \
                or not any(c.lower_ == "responsible" and c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") for c in v.children):
            continue
        resp = [c for c in v.children if c.lower_ == "responsible"]
        fors = [g for x in (v, *resp) for c in x.children if c.dep_ == "prep" and c.lower_ == "for"
                for g in c.children if g.dep_ == "pobj"]
        if any(not (_definite(g) or g.lower_ in ("which", "what")) for g in fors):
            continue  # "held responsible for a string of kidnappings": something else
        role = "nsubjpass" if any(c.dep_ == "auxpass" for c in v.children) else "dobj"
        for who in (c for c in v.children if c.dep_ == role):
            a = actor_at(doc, who)
            if _named_armed(a):
                return a
    covered = {i for c in extensions.span_group(doc, "ew_triggers") for i in range(c.start, c.end)} | heads
    # "... Boko Haram said it was responsible for the blast", "the group was behind Sunday's massacre, its
    # spokesman said", "X is believed to be behind the shelling": a party said to be behind, or responsible
    # for, the happening told again (definite) is its doer; "it"/"the group" is the party that says so
    for i in range(trig.end, hi):
        if deps[i] != "pobj" or not (i in covered or _happening_again(doc[i])) or not _definite(doc[i]):
            continue
        for subj in _behind_or_responsible(doc[i]):
            a = _party_said(doc, subj)
            if _named_armed(a):
                return a
    # "... Islamic Jihad said it had fired the rocket", "Hezbollah claimed the launch", "X said its fighters
    # sent the drone": a doing verb whose definite object is a word of the happening's own telling (its
    # weapon, its act) tells it again, and its subject (or the group speaking for it) is the doer
    told = _told_words(doc, trig)
    for i in range(trig.end, hi):
        if deps[i] != "dobj" or lemmas[i] not in told or lemmas[head_of[i]] not in DOING_VERBS:
            continue
        tok = doc[i]
        if not _definite(tok) or _negated(tok.head) or tok.head.pos_ != "VERB":
            continue
        for subj in (c for c in tok.head.children if c.dep_ == "nsubj"):
            # ("the armed wing of X said it had fired the rockets": the speaker the parser's entity misses)
            a = actor_at(doc, _speaker_of(doc, subj))
            a = a if _named_armed(a) else _party_said(doc, subj)
            if _named_armed(a):
                return a
    # "... According to the army, the ambush was carried out by a column of X": a passive whose subject
    # is the happening told again (definite) names its doer in the by-agent, whatever the verb
    for i in range(trig.end, hi):
        if deps[i] != "nsubjpass" or i not in covered:
            continue
        tok = doc[i]
        if not _definite(tok) or _negated(tok.head):
            continue
        for g in (g for c in tok.head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"):
            # "a column of X", "members of X": the group the unit belongs to
            for x in (g, *(p for c in g.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                           for p in c.children if p.dep_ == "pobj")):
                a = actor_at(doc, x)
                if _named_armed(a):
                    return a
    # "... Officials said the victims were hacked with machetes and shot by fighters of X": a passive
    # whose subject is the told happening's victims (definite) names its doer the same way (the
    # by-agent may hang on a conjoined participle that shares the subject)
    for i in range(trig.end, hi):
        if deps[i] != "agent":
            continue
        v = doc[i].head
        subj = [c for x in (v, v.head if v.dep_ == "conj" else v) for c in x.children if c.dep_ == "nsubjpass"]
        if not subj or _negated(v) or not _definite(subj[0]) or lem_l(subj[0]) not in VICTIM_NOUNS:
            continue
        for g in (g for g in doc[i].children if g.dep_ == "pobj"):
            for x in (g, *(p for c in g.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                           for p in c.children if p.dep_ == "pobj")):
                a = actor_at(doc, x)
                if _named_armed(a):
                    return a
    return None


def _behind_or_responsible(noun: Token) -> list[Token]:
    """Who a clause says is behind, or responsible for, the happening ``noun`` names: the subject of the
    copula or verb the "behind"/"responsible for" phrase hangs on ("X was behind the attack", "X is
    believed to be behind it", "X said it was responsible for the blast"), pronouns kept (the caller
    reads them as the party speaking); none when negated ("X denied it was behind the attack" is read
    as a denial: the report verb is checked by ``_party_said``)."""
    gov = noun.head
    if noun.dep_ != "pobj" or gov.dep_ != "prep":
        return []
    if gov.lower_ == "behind":
        pred = gov.head
    elif gov.lower_ == "for" and gov.head.lower_ == "responsible" and gov.head.dep_ in ("acomp", "oprd"):
        pred = gov.head.head
    else:
        return []
    if pred.pos_ not in ("AUX", "VERB") or _negated(pred) or (gov.lower_ == "behind" and pred.lemma_.lower() != "be"):
        return []
    # "X is believed/thought/suspected to be behind it": the raising verb holds the subject
    if pred.dep_ == "xcomp" and pred.head.pos_ == "VERB" and not _negated(pred.head):
        pred = pred.head
    return [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")
            and c.lower_ not in ("who", "that", "nobody", "none", "no-one")
            and not any(d.lower_ in ("no", "none") for d in c.children)]


def _party_said(doc: Doc, subj: Token) -> Actor | None:
    """The party ``subj`` stands for: itself when named, else (a pronoun, or a bare "the group", "the
    militants") the party whose report the clause is, unless that report denies it."""
    a = actor_at(doc, subj)
    if _named_armed(a):
        return a
    if subj.pos_ != "PRON" and not (_definite(subj) and (a is None or _unnamed_armed(a) or _generic_armed(a))):
        return a
    v = subj.head
    while v.dep_ in ("xcomp", "conj") and v.head.pos_ in ("VERB", "AUX"):
        v = v.head
    if v.dep_ not in ("ccomp", "parataxis") or v.head.lemma_.lower() not in REPORT_VERBS | {"admit"} \
            or v.head.lemma_.lower() in DENY_VERBS or _negated(v.head):
        return a
    rep = v.head
    # the reporting party: its subject, or whom "a spokesman for X" speaks for
    for s in (c for c in rep.children if c.dep_ == "nsubj" and c.pos_ != "PRON" and not _in_dateline(doc, c)):
        for x in (s, *(g for c in s.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                       for g in c.children if g.dep_ == "pobj"),
                  *(c for c in s.children if c.dep_ in ("appos", "compound"))):
            b = actor_at(doc, x)
            if _named_armed(b):
                return b
    return a


def _act_noun(t: Token) -> bool:
    """A noun naming the act itself: a violent happening's word ("the attack", "the killing") or the
    noun of a verb of staging or using a weapon ("the launch", "the firing", "the shooting"): what one
    claims, unlike "claimed the town" or "claimed victory"."""
    w = lem_l(t)
    return t.pos_ == "NOUN" and (w in _violent_words() or t.lower_ in _violent_words()
                                 or w in STAGING_VERBS | WEAPON_VERBS or t.lower_ in ("firing", "shooting", "launching"))


def _told_words(doc: Doc, trig: Span) -> set[str]:
    """Lemmas (common words, no names) that tell ``trig``'s happening: its trigger's words, the words
    hanging on its head ("a mortar shell launched from ..."), and its head's subject or object ("a
    drone struck ...", "rockets were fired ...")."""
    head = doc[(trig._.event_args or {}).get("head", trig.start)]
    heads = [head]
    if head.dep_ in ("advcl", "conj") and head.head.pos_ == "VERB":
        heads.append(head.head)  # "a drone hit a post, killing one": the act the killing came of
    toks = [*trig, *heads]
    for h in heads:
        toks += [*h.children, *(g for c in h.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                               for g in c.children if g.dep_ in ("compound", "acl", "amod"))]
    if head.dep_ in ("nsubj", "nsubjpass", "dobj"):
        toks.append(head.head)  # "a rocket fired from Gaza struck": the act done with it
    words = {t.lemma_.lower() for t in toks if t.pos_ in ("NOUN", "VERB") and not t.ent_type_}
    # a common noun opening the sentence the small parser tags as a name ("Rockets were fired ..."): its
    # word, singular too, as its lemma is the capitalised surface
    return words | {w for t in toks if t.pos_ == "PROPN" and not t.ent_type_ and t.i == t.sent.start
                    for w in (t.lower_, t.lower_[:-1] if t.lower_.endswith("s") else t.lower_)}


# The ones a happening befell, told again: "the victims", "the dead", "the bodies".
VICTIM_NOUNS = {"victim", "dead", "deceased", "body", "casualty"}


# Verbs of using a weapon on people: "someone opened fire", "somebody fired shots", "began shooting".
WEAPON_VERBS = {"fire", "shoot", "stab", "spray"}

# Verbs of doing an act or using its weapon: "fired the rocket", "launched the drone", "claimed the launch".
DOING_VERBS = DONE_BY_VERBS | STAGING_VERBS | WEAPON_VERBS | {"send", "plant", "detonate", "drop", "throw", "fly"}


def _uses_weapon(v: Token) -> bool:
    """Is ``v``, or a verb chained to it ("pulled out a gun and started firing"), a weapon's use?"""
    for x in (v, *(c for c in v.children if c.dep_ in ("conj", "xcomp")),
              *(g for c in v.children if c.dep_ in ("conj", "xcomp") for g in c.children if g.dep_ in ("xcomp", "conj"))):
        if x.pos_ != "VERB":
            continue
        if _is_verb_of(x, WEAPON_VERBS) or x.lemma_.lower() == "open" and any(
                c.dep_ == "dobj" and c.lower_ == "fire" for c in x.children):
            return True
    return False


def _unknown_doer_told(doc: Doc, trig: Span) -> Actor | None:
    """"Two people died in a shooting at a party ... police said someone opened fire": a doer the story
    tells as unknown ("someone", "somebody"), using a weapon in the happening's sentence or the ones
    after it that still tell it (up to one that brings in a new happening), is ACLED's unidentified
    armed actor of that happening."""
    sents = [trig.sent]  # as far as a claim is looked for: the happening, its details, then its doer
    while sum(map(_has_words, sents)) < CLAIM_REACH and sents[-1].end < len(doc):
        s = doc[sents[-1].end].sent
        if _new_happening_in(doc, s, trig):
            break
        sents.append(s)
    deps, lowers = extensions.doc_deps(doc), extensions.doc_lowers(doc)  # arrays: a Token only for candidates
    for i in range(sents[0].start, sents[-1].end):
        if deps[i] != "nsubj" or lowers[i] not in UNKNOWN_DOERS:
            continue
        t = doc[i]
        if not _negated(t.head) and _uses_weapon(t.head):
            # "someone opened fire", "somebody fired shots" (not "a man fired": measured, it names doers MUC-4
            # knows by name more often than unknown ones)
            return _labelled("Unidentified Armed Group", "political militia", doc)
    # "... Witnesses said the shooter fled", "police are searching for the gunman": a doer noun the actor
    # table reads as an unidentified armed actor, told in any role in the story of the same happening,
    # is its doer ("the attackers" told after "ADF rebels killed ...": the named group it refers back to)
    lo, hi = sents[0].start, sents[-1].end
    for sp in extensions.span_group(doc, "ew_actors"):
        # (a noun that names doers by the act, "the shooter", or one using a weapon in the story, "armed
        # men burst in shooting"; "rebels" merely told of in the background are not this happening's doers)
        r = sp.root
        if lo <= sp.start < hi and not sp[-1].ent_type_ and _unnamed_armed(sp._.actor) and not _in_dateline(doc, r) \
                and (r.lemma_.lower() in DOER_NOUNS or r.dep_ == "nsubj" and not _negated(r.head) and _uses_weapon(r.head)):
            a = actor_at(doc, sp.root)
            return a if a is not None and a.kind in ARMED_KINDS else sp._.actor
    return None


# Sub-event types whose act leaves its layer unseen: a mine or a roadside bomb goes off with nobody
# in sight, and ACLED codes its unknown layer as "Unidentified Armed Group (Country)".
UNSEEN_LAYER_SUBS = {"Remote explosive/landmine/IED"}


def _unseen_layer(doc: Doc, trig: Span, et: str, sub: str, actor1: Actor | None) -> Actor | None:
    """The doer of a device that went off with no one named or claiming it: an unidentified armed
    group (a named rebel group active nearby is coded only when the text attributes the blast)."""
    if actor1 is not None or et != "Explosions/Remote violence" or sub not in UNSEEN_LAYER_SUBS:
        return actor1
    # "... X said its fighters had carried out the attack": a named group doing the happening told
    # again (definite) in the sentences after it attributes it
    sents = [trig.sent]
    while len(sents) < 4 and sents[-1].end < len(doc):
        sents.append(doc[sents[-1].end].sent)
    for v in doc[trig.end:sents[-1].end]:
        if v.pos_ != "VERB" or v.lemma_.lower() not in DONE_BY_VERBS or _negated(v):
            continue
        if not any(c.dep_ == "dobj" and _definite(c) for c in v.children):
            continue
        for subj in (c for c in v.children if c.dep_ == "nsubj"):
            a = actor_at(doc, _speaker_of(doc, subj))
            if _named_armed(a):
                return a
    return _labelled("Unidentified Armed Group", "political militia", doc)


def _opponents(head: Token) -> list[Token]:
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "against")
            for g in c.children if g.dep_ == "pobj"]


def _other_side(et: str, actor1: Actor | None, actor2: Actor | None, assoc: list[Actor]):
    """A battle's actor2 is the other side: "clashes between the army and X" names both as doers,
    and X, not the civilians caught in it, is who the army fought."""
    if et != "Battles" or actor1 is None or (actor2 is not None and actor2.kind in SIDE_KINDS):
        return actor2, assoc
    side = next((a for a in assoc if a.kind in SIDE_KINDS and a != actor1), None)
    if side is None:
        return actor2, assoc
    rest = [a for a in assoc if a != side]
    return side, ([actor2] if actor2 is not None else []) + rest


def _as_rioters(a: Actor | None, et: str) -> Actor | None:
    """The doer of a riot is "Rioters (X)" (ACLED's name for a mob, whatever the story calls it:
    "villagers lynched a suspect", "a crowd beat two men"); never civilians, whom ACLED does not
    code as the doers of violence."""
    if a is None or et != "Riots" or a.kind not in ("civilians", "protesters", "rioters"):
        return a
    name = re.sub(r"^(Civilians|Protesters|Rioters)\b", "Rioters", a.name)
    return Actor(name if name != a.name or name.startswith("Rioters") else "Rioters", "rioters", a.country)


# Acts ACLED codes to the forces that carry them out, never to a government as a body: a detention, a
# crowd's dispersal ("the authorities detained 11 activists" is the police's act).
FORCE_ACTS = {"Arrests", "Protest with intervention", "Excessive force against protesters"}


def _as_police(a: Actor | None) -> Actor | None:
    if a is None or a.kind != "state forces" or not a.country or not a.name.startswith("Government of "):
        return a
    return _lookup("police", a.country) or a


def _first_actor(doc: Doc, toks: list[Token], prefer: tuple = ()) -> tuple[Actor | None, list[Actor]]:
    found: list[Actor] = []
    for t in toks:
        a = actor_at(doc, t)
        if a is not None and a not in found:
            found.append(a)
    # canonical actors (with a country) before names built from the phrase
    found.sort(key=lambda a: (a.kind not in prefer if prefer else False, a.country is None))
    return (found[0] if found else None), found[1:]


# --------------------------------------------------------------------------- assembly


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


FIRST_TOLD = ("earlier", "initially", "previously", "originally")


def _pooled_toll_above(cur: Token) -> bool:
    """Above a conjunct clause, only a toll word pooling several happenings still holds its count."""
    for _ in range(6):
        if cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() == "toll":
            return _superseded_or_pooled(cur)
    return False


def _told_at_first(root: Token) -> bool:
    """The count is the first report's, told as such ("initially police said one man was killed")."""
    cur = root
    for _ in range(6):
        if any(c.dep_ == "advmod" and c.lower_ in FIRST_TOLD for c in cur.children):
            return True
        if cur.head == cur or (cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX")):
            return False
        cur = cur.head
    return False


def _superseded_or_pooled(root: Token) -> bool:
    """A toll for several happenings ("the toll from two attacks", "blasts death toll") or a
    figure the text says was superseded ("had earlier been reported as 61")."""
    cur = root
    for _ in range(6):
        if any(c.dep_ == "advmod" and c.lower_ in FIRST_TOLD for c in cur.children):
            return True
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
            # "initially police said one was killed, but one of the wounded died": the conjunct clause
            # is news of its own, not under the first report's "initially"
            return _pooled_toll_above(cur)
        if cur.lemma_.lower() == "toll":
            for c in cur.children:
                src = [c] if c.dep_ in ("compound", "nmod") else [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("from", "of", "in") else []
                for x in src:
                    if x.tag_ in ("NNS", "NNPS") or (x.lower_.endswith("s") and x.lower_ != x.lemma_.lower()):
                        return True
                    if any(n.dep_ == "nummod" and (_num_value(n) or 0) > 1 for n in x.children):
                        return True
        if cur.head == cur:
            break
        cur = cur.head
    return False


def _toll_subject_pooled(root: Token) -> bool:
    v = root
    for _ in range(4):
        if v.pos_ in ("VERB", "AUX"):
            break
        v = v.head
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() == "toll":
            return _superseded_or_pooled(c)
    return False


def _pooled_tolls(doc: Doc) -> set[int]:
    """Tolls the text gives for several happenings at once ("the death toll from two bomb attacks has
    risen to 276"): the same figure repeated elsewhere ("Mogadishu death toll now at 276") is that pooled
    toll too, not one attack's.  Found once per doc (the quantities do not change after their component)."""
    cached = doc.user_data.get("_ew_pooled_tolls")
    if cached is None:
        cached = doc.user_data["_ew_pooled_tolls"] = _find_pooled_tolls(doc)
    return cached


def _find_pooled_tolls(doc: Doc) -> set[int]:
    out = set()
    for sp in doc.spans["ew_quantities"] if "ew_quantities" in doc.spans else []:
        q = getattr(sp._, "quantity", None)
        if q is not None and q.counted == "killed" and q.value > 1 and (
                _superseded_or_pooled(sp.root) or _toll_subject_pooled(sp.root)):
            out.add(q.value)
    return out


def _partial_or_open(sp: Span, raised: bool = False) -> bool:
    """"more than 20", "over 70" (an open bound) or "counted 13 dead" (a witness's part).  With ``raised``,
    a toll the sentence raises ("bringing the toll to four") is the whole, not what one place brought in."""
    doc = sp.doc
    if _superseded_or_pooled(sp.root) or _toll_subject_pooled(sp.root):
        return True
    before = {doc[i].lower_ for i in range(max(sp.sent.start, sp.start - 2), sp.start)} | {t.lower_ for t in sp}
    if ({"than", "over"} & before) and "least" not in before:
        return True
    if raised and _toll_raised_here(sp):
        return False
    cur = sp.root
    if cur.dep_ == "nummod":
        cur = cur.head
    for _ in range(4):
        if cur.lemma_.lower() in PARTIAL_COUNT:
            return True
        if cur.head == cur:
            break
        cur = cur.head
    return False


PERSON_NOUNS = {
    "man", "woman", "boy", "girl", "teen", "teenager", "child", "person", "victim", "soldier", "officer",
    "civilian", "student", "resident", "journalist", "farmer", "worker", "policeman", "policewoman", "driver",
    "commander", "leader", "fighter", "militant", "rebel", "guard", "villager", "teacher", "priest", "imam",
    "doctor", "nurse", "official", "activist", "protester", "demonstrator", "passenger", "pilot", "trooper",
    "gendarme", "soldier", "infant", "baby", "toddler", "youth", "security guard", "chief", "mayor", "judge",
    "lawmaker", "politician", "candidate", "businessman", "shopkeeper", "trader", "herder", "pupil",
}
# Victims told by kinship ("his father, his aunt and his cousin were gunned down"): one person each.
KIN_NOUNS = {"father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "uncle", "aunt",
             "cousin", "nephew", "niece", "grandfather", "grandmother", "grandson", "granddaughter", "relative",
             "child", "parent", "sibling", "stepfather", "stepmother", "in-law"}
FATAL_VERBS = {"kill", "murder", "slay", "execute", "behead", "assassinate", "lynch", "massacre"}


def _single_victims(sent: Span, members: set[int]) -> list[tuple[Token, int]]:
    """"a soldier was killed", "X and his son were shot dead": one death per named or
    singular victim when the text gives no number; with a singular victim, a counted group joined
    to it ("a journalist and his two brothers were gunned down") adds its number."""
    out: list[tuple[Token, int]] = []
    for i in members:
        if not (sent.start <= i < sent.end):
            continue
        v = sent.doc[i]
        l = v.lemma_.lower()
        fatal = l in FATAL_VERBS or (l in ("shoot", "stab", "gun") and any(c.lower_ in ("dead", "fatally", "death") for c in v.children)) \
            or (l == "gun" and any(c.dep_ == "prt" and c.lower_ == "down" for c in v.children))  # "gunned down": shot dead
        fatal = fatal or any(c.lemma_.lower() in FATAL_VERBS for c in v.conjuncts if c.tag_ == "VBN")
        if not fatal or v.pos_ != "VERB":
            continue
        if v.dep_ in ("xcomp", "pcomp") and v.head.lemma_.lower() in UNREALIZED:
            continue  # "planned to kill", "missed killing": nobody died
        if any(c.dep_ == "neg" for c in v.children):
            continue
        if _before_the_happening(sent.doc, v.i, members):
            continue
        vict = [c for c in v.children if c.dep_ == "nsubjpass"] or [c for c in v.children if c.dep_ == "dobj"]
        if not vict and v.dep_ == "conj":
            vict = [c for c in v.head.children if c.dep_ == "nsubjpass"]
        for p in vict:
            group = [p, *p.conjuncts]
            for a in [c for c in p.children if c.dep_ == "appos" and c.lemma_.lower() in KIN_NOUNS]:
                group += [a, *a.conjuncts]  # "his father, his aunt and his cousin": a list parsed as apposition
            singles = [x for x in group if x.ent_type_ == "PERSON" or (
                x.lemma_.lower() in PERSON_NOUNS and x.tag_ not in ("NNS", "NNPS"))]
            for x in group:
                nums = [c for c in x.children if c.dep_ == "nummod"]
                if singles and x.tag_ in ("NNS", "NNPS") and len(nums) == 1 and _num_value(nums[0]) \
                        and x.lemma_.lower() in PERSON_NOUNS | KIN_NOUNS:
                    out.append((x, _num_value(nums[0])))  # "and his two brothers", by a victim told singly
                    continue
                if x.tag_ in ("NNS", "NNPS") or nums or x.lower_ in ("no", "none", "nobody"):
                    return []  # a plural or a number: the quantities decide
                if any(c.dep_ == "det" and c.lower_ == "no" for c in x.children):
                    return []
                if x.ent_type_ == "PERSON" or x.lemma_.lower() in PERSON_NOUNS:
                    out.append((x, 1))
        if out:
            return out
    return out


ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr"}


def _toll_of_the_act(doc: Doc, sent: Span, head: int) -> bool:
    """The sentence's dead are counted by a comma-set result participle ("..., killing two people",
    "..., leaving five dead") that hangs on an act of its own, not on the happening's word: "police fired
    on protesters, killing two, as demonstrations spread".  That act is one happening whatever the number
    of the noun the trigger found (a plural "demonstrations" or "rallies"), unless the noun is what the
    act did ("carried out attacks on three villages, killing 20": several happenings' pooled dead)."""
    if "ew_quantities" not in doc.spans:
        return False
    found = False
    for sp in doc.spans["ew_quantities"]:
        q = getattr(sp._, "quantity", None)
        if q is None or q.counted != "killed" or not (sent.start <= sp.start and sp.end <= sent.end):
            continue
        g = sp._.quantity_governor
        if g is None:
            continue
        part = doc[g]
        if not (part.tag_ == "VBG" and part.dep_ in ("advcl", "xcomp", "conj") and part.i > 0 and doc[part.i - 1].text == ","):
            return False
        act = part.head
        if head in (part.i, act.i) or act.pos_ not in ("VERB", "AUX") or any(
                c.i == head for c in act.children if c.dep_ in ARG_DEPS) or any(
                o.i == head for c in act.children if c.dep_ in ("prep", "dative") for o in c.children if o.dep_ == "pobj"):
            return False
        found = True
    return found


TARGET_PREPS = {"on", "against", "at", "into", "onto", "upon"}
SEVERAL_WORDS = {"several", "multiple", "repeated", "numerous", "many", "dozens", "series", "wave", "string", "spate"}


def _one_target(head: Token) -> bool:
    """A plural happening noun aimed at one target ("air strikes on a rebel camp", "raids against an
    insurgent base"): ACLED codes several strikes on one place on one day as one event, so the toll the
    sentence gives is that event's.  The target is the object of "on"/"against"/"at" hung on the noun or
    on the verb that carried it out; one target is a singular noun with no conjunct and no number above
    one, and the noun is not told as several ("attacks on three villages", "repeated attacks on the town"
    stay several happenings)."""
    if head.pos_ not in ("NOUN", "PROPN") or any(
            c.lower_ in SEVERAL_WORDS or (c.dep_ == "nummod" and (_num_value(c) or 0) > 1) for c in head.children):
        return False
    if head.head.lower_ in ("series", "wave", "string", "spate") or any(
            c.lower_ in SEVERAL_WORDS for c in head.head.children if head.dep_ == "pobj"):
        return False
    holders = [head] + ([head.head] if head.dep_ in ("dobj", "nsubjpass", "nsubj") and head.head.pos_ == "VERB" else [])
    targets = [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
               for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]
    if head.dep_ == "nsubj" and head.head.pos_ == "VERB":
        # the noun is what hit ("rockets slammed into a market", "missiles struck a hospital"): the
        # verb's object is the target as much as a preposition's
        targets += [c for c in head.head.children if c.dep_ == "dobj"]
    if not targets:
        # "riots in Koidu", "protests in Bouake": ACLED codes one event per place and day, so plural
        # happenings told at one town (the gazetteer's, not a region's) are one event
        targets = [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
                   for o in c.children if o.dep_ == "pobj" and _town_at(o)]
    if len(targets) != 1:
        return False
    t = targets[0]
    return (t.tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in t.children)
            and not any(c.dep_ == "nummod" and (_num_value(c) or 0) > 1 for c in t.children))


def _town_at(t: Token) -> bool:
    """Is the token inside a place name the gazetteer resolved to a town?"""
    for sp in extensions.span_group(t.doc, "ew_toponyms"):
        if sp.start <= t.i < sp.end:
            pl = getattr(sp._, "place", None)
            return pl is not None and pl.precision == "town"
    return False


def _before_the_happening(doc: Doc, gov: int | None, members: set[int]) -> bool:
    """The casualty word is told as what one of the happening's words answered (``told_as_cause``); the
    word may be among the happening's own ("death" of "marched over the death of a man") all the same."""
    if gov is None:
        return False
    return any(told_as_cause(doc[gov], doc[m], members) for m in members if m != gov and 0 <= m < len(doc))


def _quantities(doc: Doc, sent: Span, members: set[int], alone: bool) -> tuple[int | None, dict]:
    """Fatalities and counts of the happening whose words are ``members``: its sentence's, and for the
    dead and wounded it leaves untold, those of the sentences after it that tell no happening of their own
    ("A girl was shot on Sunday. She is in stable condition.")."""
    fatalities, counts = _sentence_quantities(doc, sent, members, alone)
    nth = _ordinal_victim(doc, sent) if fatalities == 1 else None
    if nth:
        # "a fifth soldier has died of his wounds": five dead, the deaths told after it among them
        fatalities = counts["killed"] = nth
    followed = False
    for key, value in _follow_up_casualties(doc, sent, _cause_deaths(doc, sent, members)).items():
        if key == "killed" and fatalities is None:
            fatalities = counts["killed"] = value
            followed = True
            if value == 1 and counts.get("wounded") == 1 and _shot_one(doc, sent):
                del counts["wounded"]  # "A man was shot on Oak Street. He died at the scene.": the same one
        elif key == "wounded" and "wounded" not in counts:
            counts["wounded"] = value
    revision = _toll_revision(doc, sent, fatalities)
    if revision is not None:
        revised, rev_end = revision
        # the wounded who died raised the toll: they are wounded no more (at most the rise)
        died = min(_wounded_who_died(doc, sent.end, rev_end), revised - fatalities)
        if died and counts.get("wounded", 0) >= died:
            counts["wounded"] -= died
        fatalities = counts["killed"] = revised
    elif fatalities and not nth and not _toll_already_revised(doc, sent):
        later, of_wounded = _later_deaths_of_wounds(doc, sent, fatalities, parts=not followed)
        if later:
            fatalities = counts["killed"] = fatalities + later
        if of_wounded and counts.get("wounded", 0) >= of_wounded:
            counts["wounded"] -= of_wounded  # the wounded who died are counted among the dead now
    if fatalities is not None and _part_of_told_total(doc, sent, fatalities):
        fatalities = None  # a count of some of the dead told before is no toll of its own
        counts.pop("killed", None)
    return fatalities, counts


# Words that set an ordinal victim in a tally beyond the happening ("the third journalist killed this year").
TALLY_WORDS = frozenset({"year", "month", "since", "decade", "week"})


def _ordinal_victim(doc: Doc, sent: Span) -> int | None:
    """The sentence's one dead is told by an ordinal ("a fifth soldier died of his wounds", "a third
    policeman has succumbed"): the text counts that death as the Nth of the happening, so its toll is N.
    Only an indefinite victim noun that is the subject of "die"/"succumb": a death of wounds counted on
    from the happening's dead ("a fourth protester was shot dead" may be a fourth killing of its own, and
    an ordinal of a definite noun or of a tally over a period names a rank, not a toll)."""
    for sp in extensions.span_group(doc, "ew_quantities"):
        q = getattr(sp._, "quantity", None)
        if q is None or q.counted != "killed" or q.value != 1 or not (sent.start <= sp.start and sp.end <= sent.end):
            continue
        noun = sp.root
        if noun.pos_ != "NOUN" or noun.dep_ != "nsubj" or noun.head.lemma_.lower() not in DEATH_VERBS or not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
            continue
        if any(t.lemma_.lower() in TALLY_WORDS for t in sent):
            continue
        nth = [ORDINAL_VALUES.get(c.lower_) for c in noun.children if c.dep_ == "amod" and c.ent_type_ == "ORDINAL"]
        if len(nth) == 1 and nth[0] and nth[0] > 1:
            if any(_later_death(v).startswith("died new") for v in doc[sent.end:]):
                return None  # the text tells the later death itself, and the merge adds it to the told toll
            return nth[0]
    return None


# Nouns that count the dead whoever they were: a toll of "people" takes in every side's dead.
INCLUSIVE_VICTIMS = {"people", "person", "individual", "life"}


def _victim_noun(doc: Doc, sp: Span) -> Token | None:
    root = sp.root
    return root.head if root.dep_ == "nummod" and root.head.pos_ in ("NOUN", "PROPN") else None


def _toll_already_revised(doc: Doc, sent: Span) -> bool:
    """The sentence's toll is itself the latest figure ("the toll has risen to 11"): deaths of the wounded
    told after it ("three of the wounded died during the night") are what raised it, not more."""
    own = [sp for sp in extensions.span_group(doc, "ew_quantities") if sent.start <= sp.start
           and sp.end <= sent.end and getattr(sp._, "quantity", None) is not None and sp._.quantity.counted == "killed"]
    if any(revised_toll(sp) for sp in own):
        return True
    # "the toll ... has risen to at least 11 dead": the count hangs on "dead", the toll word still rose
    for t in sent:
        if t.lemma_.lower() in TOLL_WORDS and t.dep_ in ("nsubj", "nsubjpass") \
                and t.head.lemma_.lower() in RISE_VERBS:
            verb = t.head
            if any(verb.is_ancestor(sp.root) for sp in own):
                return True
    return False


def _part_of_told_total(doc: Doc, sent: Span, value: int) -> bool:
    """The sentence's dead are a part of a toll told before: a smaller count of one kind of victim
    ("four suspects were killed") after a count of the dead of every kind ("at least seven people,
    including a soldier, were killed"), told in a clause with no doer, place or day of its own.  The
    kind's dead are among the people's, so the happening's toll is the larger, inclusive one (ACLED
    counts every side's dead), not a competing lower figure."""
    if "ew_quantities" not in doc.spans or any(e.label_ in ("GPE", "LOC", "FAC", "DATE") for e in extensions.span_ents(sent)):
        return False
    spans = [sp for sp in doc.spans["ew_quantities"] if getattr(sp._, "quantity", None) is not None
             and sp._.quantity.counted == "killed"]
    own = [sp for sp in spans if sent.start <= sp.start and sp.end <= sent.end and sp._.quantity.value == value]
    if len(own) != 1:
        return False
    noun = _victim_noun(doc, own[0])
    if noun is None or noun.lemma_.lower() in INCLUSIVE_VICTIMS or not _dead_of_no_new_doer(noun):
        return False
    for sp in spans:
        if sp.end > sent.start:
            continue
        n = _victim_noun(doc, sp)
        if n is not None and n.lemma_.lower() in INCLUSIVE_VICTIMS and sp._.quantity.value > value:
            return True
    return False


# Words that tell a clause's dead as more than those told before ("also", "separately", "a second attack").
ADDED_WORDS = {"also", "separately", "meanwhile", "elsewhere", "another", "separate", "second", "further", "more"}
PART_DOER_DETS = {"the", "its", "their", "his", "her", "our", "these", "those"}


def _dead_of_no_new_doer(noun: Token) -> bool:
    """The victims' clause brings no doer of its own: "four suspects were killed" (no agent), "three
    officers died in the violence" (an intransitive death), or "officers shot dead five suspects", "it
    killed six militants" (a doer already told: a pronoun, a definite or possessive phrase, or a bare
    common plural, not a name nor "a"/"some" new party).  Nor does it add ("also", "in a separate attack")."""
    verb = noun.head
    if any(w.lower_ in ADDED_WORDS for w in verb.subtree if w.dep_ in ("advmod", "amod", "det")):
        return False
    doc = noun.doc
    triggers = {t.i for sp in doc.spans["ew_triggers"] for t in sp} if "ew_triggers" in doc.spans else set()
    for p in verb.children:
        if p.dep_ == "prep" and any(g.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in ("a", "an")
                                                             for d in g.children)
                                    and (g.i in triggers or g.lemma_.lower() in GENERIC_HAPPENINGS)
                                    for g in p.children):
            return False  # "killed in an ambush": a happening of its own, told anew
    if noun.dep_ == "nsubjpass":
        return not any(c.dep_ in ("agent", "nsubj") for c in verb.children)
    if noun.dep_ == "nsubj":
        return verb.lemma_.lower() in ("die", "perish", "succumb")
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in INFLICT_VERBS | {"shoot"}:
        return False
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is None or doer.pos_ == "PRON":
        return True
    if doer.ent_type_ or doer.pos_ == "PROPN":
        return False
    dets = [c for c in doer.children if c.dep_ in ("det", "poss")]
    if dets:
        return all(d.lower_ in PART_DOER_DETS or d.dep_ == "poss" for d in dets)
    return doer.tag_ == "NNS" and not any(c.dep_ in ("amod", "compound") for c in doer.children)


def _revised_toll_after(doc: Doc, sent: Span, fatalities: int | None) -> int | None:
    """A later sentence that revises this happening's toll upward ("the death toll had risen to 11"):
    ACLED keeps the most recent figure.  Only a toll the happening already has is revised, and only by
    the text's next toll: a sentence in between that tells a happening with its own dead ends the search."""
    found = _toll_revision(doc, sent, fatalities)
    return found[0] if found else None


def _toll_revision(doc: Doc, sent: Span, fatalities: int | None) -> tuple[int, int] | None:
    """``_revised_toll_after``'s figure and the end of the sentence that gives it."""
    if fatalities is None or "ew_quantities" not in doc.spans:
        return None
    trig_sents = _trigger_sentences(doc)
    pooled = _pooled_tolls(doc)
    later: dict[int, list] = {}
    for sp in doc.spans["ew_quantities"]:
        q = getattr(sp._, "quantity", None)
        if sp.start >= sent.end and q is not None and q.counted == "killed":
            later.setdefault(_sent_at(doc, sp.start).start, []).append(sp)
    for start in sorted(later):
        spans = later[start]
        revisions = [sp for sp in spans if revised_toll(sp) and sp._.quantity.value not in pooled
                     and not _superseded_or_pooled(sp.root) and not (start in trig_sents and _raised_by(sp))]
        if revisions:
            value = max(sp._.quantity.value for sp in revisions)
            return (value, _sent_at(doc, start).end) if value > fatalities else None
        if start in trig_sents:
            return None  # another happening's dead come first
    return None


def _wounded_who_died(doc: Doc, start: int, end: int) -> int:
    """How many of the told wounded the text says died between ``start`` and ``end`` ("one of the
    injured died in hospital", "two of the wounded later succumbed"): a death verb whose subject is a
    part of the definite wounded (``_part_of_the_wounded``)."""
    died = 0
    for v in doc[start:end]:
        if v.lemma_.lower() not in DEATH_VERBS or _negated(v):
            continue
        died += sum(_part_of_the_wounded(c) for c in v.children if c.dep_ == "nsubj")
    return died


FOLLOW_UP_SENTENCES = 3

# Signs that a death came of wounds, after the happening: treated, in hospital, later.
LATER_DEATH_SIGNS = frozenset({"hospital", "wound", "injury", "treat", "later", "succumb", "clinic"})


def _new_single_victim(doc: Doc, subj: Token, toll: int) -> bool:
    """Is the subject of a death clause one person beyond the told dead?  "a third officer", "another
    soldier" (counted on from them), or a person named
    for the first time where the told dead are several (one told dead, named now, is that one)."""
    if subj.tag_ not in ("NN", "NNP") or any(c.dep_ == "nummod" for c in subj.children):
        return False
    if any(c.ent_type_ == "ORDINAL" or c.lower_ == "another" for c in subj.children):
        return True
    person = [t for t in subj.subtree if t.ent_type_ == "PERSON"]
    if not person or toll < 2:
        return False
    before = doc[:subj.sent.start].text.lower()
    return not any(t.lower_ in before for t in person if t.pos_ == "PROPN")


# The told wounded named as a whole: "of the wounded", "of the injured", "of those hurt".
WOUNDED_WHOLE = frozenset({"wounded", "injured", "injure", "wound", "hurt"})


def _part_of_the_wounded(subj: Token) -> int:
    """How many of the happening's told wounded a death clause's subject counts ("two of the injured",
    "one of the wounded", "three of those hurt"): a number with a partitive "of" the definite wounded.
    They were counted as wounded, so each is a death beyond the told toll."""
    value = word_number(subj.lower_)
    if not value or subj.tag_ not in ("CD", "NN", "PRP"):
        return 0
    for p in subj.children:
        if p.dep_ != "prep" or p.lower_ != "of":
            continue
        for g in p.children:
            words = [g, *(c for c in g.children if c.dep_ in ("acl", "amod"))]
            if g.dep_ == "pobj" and any(w.lower_ in WOUNDED_WHOLE or w.lemma_.lower() in WOUNDED_WHOLE
                                        for w in words) \
                    and any(c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in g.children):
                return value
    return 0


def _counted_on(subj: Token, toll: int) -> bool:
    """The death clause's subject is an ordinal with no noun of its own that counts on from the told
    dead ("a third" after two killed): one more victim of the same happening, whatever the sign."""
    if subj.ent_type_ != "ORDINAL" or any(c.dep_ in ("compound", "amod", "nummod") for c in subj.children):
        return False
    ordinal = ORDINAL_VALUES.get(subj.lower_)
    return ordinal is not None and ordinal == toll + 1


def _later_deaths_of_wounds(doc: Doc, sent: Span, toll: int, parts: bool = True) -> tuple[int, int]:
    """How many victims of the happening told in ``sent`` died of their wounds in the sentences after
    it that tell no other happening ("Sergeant A, 31, died on Monday at the hospital, where he had been
    treated"): each raises the told toll by one (ACLED: the latest figure).  A death with a doer or a
    cause of its own ("died in a crash", "was killed when ...") is not one; nor a victim already told."""
    trig_sents = _trigger_sentences(doc)
    confident = {_sent_at(doc, t.start).start for t in extensions.span_group(doc, "ew_triggers")
                 if not t._.background and (t._.event_confidence or 0) >= MIN_CONFIDENCE}
    added = of_wounded = 0
    nxt = sent.end
    for _ in range(FOLLOW_UP_SENTENCES):
        if nxt >= len(doc):
            break
        s2 = _sent_at(doc, nxt)
        nxt = s2.end
        if s2.start in confident:
            break  # a happening of its own (a death it tells is its mention's, folded by the merge)
        for v in s2:
            if v.pos_ != "VERB" or v.lemma_.lower() not in DEATH_VERBS or _negated(v):
                continue
            if any(c.dep_ in ("advcl", "agent") for c in v.children):
                continue
            objs = [g for p in v.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            if any((g.lemma_.lower() in GENERIC_HAPPENINGS or ev.kind_of(doc, g) is not None)
                   and g.lower_ not in WOUND_WORDS for g in objs):
                continue  # "died in a car crash", "died in the ambush" (no later death)
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            # (not when the toll is itself a follow-up's "one of the wounded has died": counted once)
            part = _part_of_the_wounded(subj) if subj is not None and parts else 0
            if part:
                added += part
                of_wounded += part  # "two of the injured later died": the told wounded are the sign themselves
                continue
            if subj is not None and _counted_on(subj, toll + added):
                added += 1  # "a third died overnight" after two dead: counted on from the told toll
                continue
            if not any(t.lemma_.lower() in LATER_DEATH_SIGNS for t in v.subtree):
                continue
            if subj is not None and not _given(subj) and _new_single_victim(doc, subj, toll):
                added += 1
        if s2.start in trig_sents and not added:
            break
    return added, of_wounded


def _raised_by(sp: Span) -> bool:
    """The toll is the object of what raised it ("..., bringing the toll to three"): in a sentence that
    tells a happening of its own (a later death, a second attack), that happening adds its own dead, so
    the figure is no revision of the earlier toll (the merge adds a later death to it)."""
    gov = sp._.quantity_governor
    return gov is not None and sp.doc[gov].dep_ == "dobj"


def _shot_one(doc: Doc, sent: Span) -> bool:
    """The sentence's wounded is one person told as "shot" only, who may yet have died."""
    wounded = [sp for sp in doc.spans["ew_quantities"] if sent.start <= sp.start and sp.end <= sent.end
               and sp._.quantity is not None and sp._.quantity.counted == "wounded"]
    return bool(wounded) and all(sp._.quantity.value == 1 and not surely_survived(doc, sp._.quantity_governor)
                                 for sp in wounded)


_TRIG_SENTS_KEY = "_ew_trigger_sentences"


def _trigger_sentences(doc: Doc) -> set[int]:
    """Starts of the sentences with a confident or background trigger; found once per doc and
    forgotten whenever a trigger is set aside as background (``_set_background``)."""
    cached = doc.user_data.get(_TRIG_SENTS_KEY)
    if cached is None:
        cached = doc.user_data[_TRIG_SENTS_KEY] = {
            _sent_at(doc, t.start).start for t in extensions.span_group(doc, "ew_triggers")
            if t._.background or (t._.event_confidence or 0) >= MIN_CONFIDENCE}
    return cached


def _set_background(doc: Doc, trig: Span, why: str) -> None:
    trig._.background = True
    trig._.event_rule = (trig._.event_rule or "") + why
    doc.user_data.pop(_TRIG_SENTS_KEY, None)


def _cause_deaths(doc: Doc, sent: Span, members: set[int]) -> int:
    """How many dead the happening's sentence tells as what it answered ("rioted after a detainee died")."""
    if "ew_quantities" not in doc.spans:
        return 0
    return sum(sp._.quantity.value for sp in doc.spans["ew_quantities"]
               if sent.start <= sp.start and sp.end <= sent.end and getattr(sp._, "quantity", None) is not None
               and sp._.quantity.counted == "killed" and _before_the_happening(doc, sp._.quantity_governor, members))


def _told_again(sp: Span) -> bool:
    """The dead are named as someone already told: "the 22-year-old", "the man", "he", "its two
    soldiers" (a possessive is as definite as "the")."""
    first = sp[0]
    return first.lower_ in DEFINITE_DETS or first.pos_ == "PRON" or (
        first.dep_ == "nummod" and any((c.dep_ == "det" and c.lower_ in DEFINITE_DETS) or c.dep_ == "poss"
                                       for c in first.head.children))


def _follow_up_casualties(doc: Doc, sent: Span, cause_dead: int = 0) -> dict[str, int]:
    """Dead and wounded counted in the sentences right after ``sent`` that hold no trigger (a confident
    one or one set aside as background): the same story going on; for the text's first happening, the
    lead sentences before it too.  The first sentence to count a key gives it; a sentence with a trigger
    of its own ends the run.  Not the dead the happening answered (``cause_dead`` of them in its sentence)
    named again ("... after a detainee died. ... when news spread that the 22-year-old had died")."""
    if "ew_quantities" not in doc.spans or "ew_triggers" not in doc.spans:
        return {}
    trig_sents = _trigger_sentences(doc)
    pooled = _pooled_tolls(doc)
    out: dict[str, int] = {}
    # before the first happening the text tells, its lead sentences ("A man is dead after a shooting.")
    lead = [] if any(st < sent.start for st in trig_sents) else [s for s in _sentences(doc)[1] if s.end <= sent.start]
    after = []
    nxt = sent.end
    for _ in range(FOLLOW_UP_SENTENCES):
        if nxt >= len(doc) or (_sent_at(doc, nxt).start in trig_sents and not _only_wounds_told(doc, _sent_at(doc, nxt))):
            break
        after.append(_sent_at(doc, nxt))
        nxt = _sent_at(doc, nxt).end
    for s2 in [*lead[:FOLLOW_UP_SENTENCES], *after]:
        found: dict[str, dict] = {}
        for sp in extensions.span_group(doc, "ew_quantities"):
            q = getattr(sp._, "quantity", None)
            if q is None or q.counted not in ("killed", "wounded") or not (s2.start <= sp.start and sp.end <= s2.end):
                continue
            if vague_range(q, sp) or _partial_or_open(sp) \
                    or (q.counted == "killed" and q.value in pooled):
                continue
            gov = sp._.quantity_governor
            if q.counted == "killed" and cause_dead and q.value <= cause_dead and _told_again(sp):
                continue
            by_gov = found.setdefault(q.counted, {})
            g = gov if gov is not None else ("solo", sp.start)
            by_gov[g] = by_gov.get(g, 0) + q.value  # numbers on one word add up
        for key, groups in found.items():
            out.setdefault(key, max(groups.values()))
    return out


# Nouns for the hurt a person carries ("taken to hospital with gunshot wounds"), not for what hurt them.
HURT_NOUNS = frozenset({"wound", "injury"})


def _only_wounds_told(doc: Doc, s2: Span) -> bool:
    """Every trigger of the sentence is the wound of the people it counts as wounded ("two others were
    taken to hospital with gunshot wounds", "a woman was treated for a wound to the leg"): the hurt of
    the story's victims, which tells no happening of its own."""
    govs = [doc[sp._.quantity_governor] for sp in extensions.span_group(doc, "ew_quantities")
            if s2.start <= sp.start and sp.end <= s2.end and getattr(sp._, "quantity", None) is not None
            and sp._.quantity.counted == "wounded" and sp._.quantity_governor is not None]
    trigs = [t for t in extensions.span_group(doc, "ew_triggers") if s2.start <= t.start and t.end <= s2.end]
    return bool(govs) and bool(trigs) and all(
        t.root.pos_ == "NOUN" and t.root.lemma_.lower() in HURT_NOUNS and any(g.is_ancestor(t.root) for g in govs)
        for t in trigs)


def _competing_accounts(doc: Doc, killed: list[tuple[Token, int, int | None]]) -> int | None:
    """The lowest of the tolls that different speakers in one sentence give for the same kind of dead
    ("three soldiers were killed, the army said, while the militants claimed 12 soldiers had died"):
    accounts of one toll, not parts of it, and ACLED keeps the most conservative figure.  None unless
    every count hangs on a verb of speech, at least two of them differ, and all count one victim noun
    (or "people", which takes in any)."""
    by_verb: dict[int, int] = {}
    nouns: set[str] = set()
    for t, v, gov in killed:
        verb = _report_verb_above(doc[gov] if gov is not None else t)
        if verb is None:
            return None
        noun = t.head if t.dep_ == "nummod" else t
        if noun.pos_ != "NOUN":
            return None
        if noun.lemma_.lower() not in INCLUSIVE_VICTIMS:
            nouns.add(noun.lemma_.lower())
        by_verb[verb.i] = max(by_verb.get(verb.i, 0), v)
    if len(by_verb) < 2 or len(nouns) > 1:
        return None
    return min(by_verb.values())


def _toll_of_members(gov: Token, members: set[int]) -> bool:
    """The count is a toll whose victims are named by the happening's own word ("the number of protesters
    killed in the crackdown has risen to five", "the toll of those shot"): that toll is the happening's,
    unless it spans a war or a period ("the number killed since 2019")."""
    if gov.lemma_.lower() not in TOLL_WORDS:
        return False
    sub = list(gov.subtree)
    return any(t.i in members for t in sub) and not any(
        t.lower_ == "since" or t.lemma_.lower() in WAR_WORDS for t in sub)


# A city's tally of separate killings ("bringing the number of homicides this weekend to 30").
CITY_TALLY = frozenset({"weekend", "homicide", "murder", "shooting", "so", "total"})


def _toll_raised_here(sp: Span) -> bool:
    """The happening's sentence raises a toll ("a guard wounded in Friday's raid died on Sunday, bringing the
    number of dead to four"): ACLED keeps the latest figure, and a toll the sentence raises counts the dead
    of the happening it tells, not of a war or a period (``revised_toll``) nor a city's tally of killings."""
    if not revised_toll(sp):
        return False
    if any(_later_death(v).startswith("died new") for v in sp.sent):
        return False  # a new victim's death: the merge adds it to the told toll, whatever the sentence's figure
    toll = sp.doc[sp._.quantity_governor]
    return not any(t.lemma_.lower() in CITY_TALLY for t in [*toll.subtree, *toll.head.subtree])


def _sentence_quantities(doc: Doc, sent: Span, members: set[int], alone: bool) -> tuple[int | None, dict]:
    """Fatalities and counts the happening's own sentence gives."""
    items: list[tuple[Token, int, str]] = []  # (number head token, value, key)
    first_told: list[int] = []
    group = [s for s in extensions.span_group(doc, "ew_quantities") if s.start >= sent.start and s.end <= sent.end]
    if group:
        pooled = _pooled_tolls(doc)
        for sp in group:
            q: Quantity | None = getattr(sp._, "quantity", None)
            if q is None:
                continue
            if vague_range(q, sp):
                continue  # "dozens": no number to report ("between 10 and 15": 10, the lowest)
            if q.counted == "killed" and _told_at_first(sp.root):
                first_told.append(q.value)  # kept aside: a later "one of the wounded died" adds to it
            if _partial_or_open(sp, raised=True) or (q.counted == "killed" and q.value in pooled):
                continue
            gov = _governor(sp.root) or (sp.root if _counted_key(sp.root) else None)
            qg = sp._.quantity_governor
            if gov is None and q.counted == "killed" and qg is not None and (
                    _toll_of_members(doc[qg], members) or _toll_raised_here(sp)):
                gov = doc[qg]  # "the number of protesters killed ... has risen to five": the toll word governs
            if gov is not None and gov.i not in members and not alone and not (
                    q.counted == "killed" and (sp.root.lower_ in REFLEXIVES or _toll_of_members(gov, members)
                                               or _toll_raised_here(sp))):
                continue  # (the attacker's suicide, "then the gunman killed himself", is no happening of its own)
            if gov is None and not alone:
                continue
            if q.counted in ("killed", "wounded") and _before_the_happening(doc, sp._.quantity_governor, members):
                continue  # the death the protest was over: background, not this happening's toll
            items.append((sp.root, q.value, q.counted, sp._.quantity_governor))
    elif "ew_quantities" not in doc.spans:
        # Only without the quantities component: when it ran and found nothing, the numbers
        # here are addresses, roads, ages or times it rejected ("on Route 35").
        for t, v, key, gov in own_quantities(sent):
            if gov.i not in members and not (alone and gov.pos_ in ("VERB", "ADJ", "NOUN")):
                continue
            if _superseded_or_pooled(t) or _toll_subject_pooled(t):
                continue
            items.append((t, v, key, None))
    if not any(k == "killed" for _, _, k, _ in items):
        items.extend((t, n, "killed", None) for t, n in _single_victims(sent, members))
    fatalities = None
    # the attacker's own death is told apart from the victims' ("four shot to death, then the gunman killed
    # himself"): ACLED sums the dead of both sides, so it is added below, not compared with the victims
    doers = [(t, v, gov) for t, v, k, gov in items if k == "killed" and doer_death(t)]
    items = [it for it in items if not (it[2] == "killed" and doer_death(it[0]))]
    killed = [(t, v) for t, v, k, _ in items if k == "killed"]
    if killed:
        heads = [t.head if t.dep_ == "nummod" else t for t, _ in killed]
        def related(h, h2):
            if h2.dep_ == "appos" and h2.head == h or h.dep_ == "appos" and h.head == h2:
                return True  # "his father, his aunt and his cousin": a list parsed as apposition
            return h2 in h.conjuncts or any(a.lower_ in ("along", "with", "plus") for a in h2.ancestors if h.i < a.i < h2.i)

        coordinated = len(killed) > 1 and all(
            any(related(h, h2) or related(h2, h) for h2 in heads if h2 is not h) for h in heads
        )
        values = [v for _, v in killed]
        fatalities = sum(values) if coordinated else max(values)
        # deaths on one casualty word add up too: "killed his three sons before killing himself" = 4
        by_gov: dict[int, int] = {}
        for _t, v, k, gov in items:
            if k == "killed" and gov is not None:
                by_gov[gov] = by_gov.get(gov, 0) + v
        fatalities = max([fatalities, *by_gov.values()])
        if not coordinated:
            told = _competing_accounts(doc, [(t, v, gov) for t, v, k, gov in items if k == "killed"])
            if told is not None:
                fatalities = told
    # the told wounded who died ("one of the wounded died") are dead beyond the others told, not a
    # competing figure for them: they add to the sentence's other dead, or to the first report's
    parts = [v for t, v, k, _ in items if k == "killed" and _part_of_the_wounded(t)]
    if parts:
        others = [v for t, v, k, _ in items if k == "killed" and not _part_of_the_wounded(t)
                  and not doer_death(t)] or first_told
        if others:
            fatalities = max(others) + sum(parts)
    if doers:
        # a doer's death on the same word as the victims' ("killed four people and then herself") adds up
        # there too; counted once either way
        fatalities = (fatalities or 0) + sum(v for _, v, _ in doers)
    # numbers on one casualty word add up ("three men and one woman were shot" = 4), else the largest
    groups: dict[tuple, int] = {}
    for t, v, k, gov in items:
        if k == "killed" or k in NOT_COUNTED:
            continue
        key = (k, gov) if gov is not None else (k, "conj", t.head.i) if t.dep_ == "conj" else (k, "solo", t.i)
        groups[key] = groups.get(key, 0) + v
    counts: dict[str, int] = {}
    for (k, *_), v in groups.items():
        counts[k] = max(counts.get(k, 0), v)
    if parts and counts.get("wounded", 0) >= sum(parts):
        counts["wounded"] -= sum(parts)  # now among the dead
    if fatalities is not None:
        counts["killed"] = fatalities
    return fatalities, counts


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
    return res if res is not None else fallback()


def _event_location(doc: Doc, trig: Span):
    from . import toponyms

    res = _call(toponyms.event_location, doc, trig, default=None)
    return res if res is not None else (doc._.dateline_place, None)


# Nouns that name a happening of any violent kind: "the attack" may refer back to a bombing or a battle.
GENERIC_HAPPENINGS = {
    "attack", "assault", "offensive", "operation", "campaign", "fighting", "violence", "incident", "raid", "battle",
    "clash", "onslaught", "push", "advance", "assaults", "unrest", "attacks", "operations",
}
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
DEFINITE_DETS = {"the", "this", "that"}
# Plurals news uses for one battle ("four soldiers were killed in clashes at the post"): unlike "the toll
# from two bomb attacks", their toll is one happening's, unless a number says several ("two clashes").
ONE_HAPPENING_PLURALS = {"clash", "skirmish", "hostility", "gunfight"}
TIME_ANCHOR_PREPS = {"after", "before", "following", "since", "amid", "amidst", "during", "until", "till"}
# Nouns of the time after a happening: "in the wake of the clash", "in the aftermath of the raid".
TIME_ANCHOR_NOUNS = {"wake", "aftermath"}
# "another attack", "a second blast", "their own offensive", "the first explosion", "a previous raid":
# a further (or a particular earlier) happening, not a reference back to the last one told.
NOT_BACK_MODS = {
    "another", "second", "third", "fourth", "fifth", "separate", "new", "fresh", "further", "other", "own", "first",
    "earlier", "previous", "prior", "last", "past", "next", "similar", "latter", "former", "same-day", "later",
}


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
# Pronouns that name a participant told before.
ANAPHORIC_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them"}


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
    # the passive's agent: "six children had been abducted by the attackers"
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                 None) if verb is not None else None
    if agent is not None and _doer_noun(agent) and _given(agent):
        generic = " generic" if verb.lemma_.lower() in GENERIC_VIOLENCE_VERBS else ""
        return f"given dated{generic}: {verb.text} by {agent.text}"
    return ""


# Verbs of a death that tell no act of their own: the victim of a happening already told dying of it.
DEATH_VERBS = frozenset({"die", "succumb"})
# Words that tie a death to the wounds of a happening told: "died at the hospital", "of his injuries".
WOUND_WORDS = frozenset({"hospital", "wound", "wounds", "injury", "injuries", "also"})


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
    if dated_how in ("story", "undated"):
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
    while v.dep_ == "conj" and v.head is not v:
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
