"""Who did it: actor1 and actor2 of a trigger (part of ``eventwire_mentions``).

actor1 is the initiator (subject of an active trigger, "by X" of a passive one
or of an event noun, a named group that claims the act, a unit told by its
state), actor2 the target or victims; an actor is the ``ew_actors`` span at
that word, else a plain actor built from the noun phrase when its head names a
party (soldiers, militants, protesters...).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..records import Actor
from ..taxonomy import event_type_of
from . import events as ev
from . import extensions  # noqa: F401
from .attribution import REPORT_VERBS
from .toponyms import demonym_country
from .mention_words import DEFINITE_DETS, DOER_NOUNS, UNIDENTIFIED, UNKNOWN_DOERS


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
    spans, at = ev.actor_index(doc)
    own = getattr(at[t.i]._, "actor", None) if t.i in at else None
    if _named_armed(own):
        # "the Al-Qaeda-linked Group for the Support of Islam (JNIM)", "the Islamic State group": the
        # phrase names its own group, it refers back to none
        return None
    definite = any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in t.children)
    if t.dep_ in ("compound", "amod") and t.head.pos_ == "NOUN":
        # "the rebel attack": the article makes the rebels a party already known
        definite = definite or any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in t.head.children)
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
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    # the title parsed the other way round, "Staff" heading its "Chief of Defence": "Ghana's Chief of Defence Staff"
    title = [c for c in t.children if c.dep_ in ("nmod", "compound") and lem_l(c) in STAFF_HEADS
             and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)] if lem_l(t) == "staff" else []
    if lem_l(t) not in STAFF_HEADS and not title:
        return None
    if not title and not any(g.dep_ == "pobj" and lem_l(g) == "staff" for c in t.children
                             if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
        return None
    # the force whose staff it heads, when it is named as the possessor: "the defence forces' chief of staff"
    for c in t.children:
        if c.dep_ == "poss":
            a = actor_at(doc, c)
            if a is not None and a.kind == "state forces" and a.country:
                return _lookup("army", a.country)
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
            if a.name.startswith("Unidentified Armed Group"):
                # "members of the X gang": the body is only a generic noun; the name the phrase gives wins
                own = _span_actor(doc, t)
                if own is not None and own.kind in SIDE_KINDS and not own.name.startswith(LABELS):
                    return own
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


MEMBER_NOUNS = {"member", "man", "fighter", "element", "gunman"}
ARMED_BANDS = {"gang", "militia", "cartel"}


def _story_group(doc: Doc) -> Actor | None:
    """The one named armed group the story tells of (none when it names two or more)."""
    spans, _ = ev.actor_index(doc)
    named = {a for a in (getattr(sp._, "actor", None) for sp in spans) if _named_armed(a)}
    return named.pop() if len(named) == 1 else None


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
        if t.pos_ == "NOUN" and lem_l(t) in MEMBER_NOUNS \
                and any(c.dep_ in ("compound", "amod") and lem_l(c) in ARMED_BANDS for c in t.children):
            # "gang members set fire to 20 houses", "militia men looted the market": members of a band
            # the story does not name here are the one armed group it names, or one it cannot name
            return _story_group(doc) or _labelled("Unidentified Armed Group", "political militia", doc)
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
# (the reflexives a group or a person names itself with; quantities.REFLEXIVES holds every person)
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
        # the header runs to its dash: "NAIROBI, Kenya (AFP) -" names the bureau's country, not the story's
        while body < len(doc) and body < (dspan.end + 12 if dspan is not None else 0) and _in_dateline(doc, doc[body]):
            body += 1
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


# Verbs whose subject takes part in the fight their object names: "police exchanged fire with X",
# "troops traded gunfire with X" (only for battles: "exchanged prisoners" is no fight).
EXCHANGE_VERBS = {"exchange", "trade"}


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
    et, sub = trig._.event_type or ("", "")
    doing = STAGING_VERBS | (MAKING_VERBS if sub == "Headquarters or base established" else set()) \
        | (EXCHANGE_VERBS if et == "Battles" else set())
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
    # (the told clause's own verbs, and those joined to them, not a clause under them: "the army said it
    # regained the town a week after jihadists seized it" tells the army's act, the jihadists' only its time)
    own = {y.i for x in told for y in _joined_verbs(x)}
    return any(o is not a and o.pos_ != "PRON" and o.dep_ == "nsubj" and o.head.i in own and o.head != v for o in agent)


def _joined_verbs(x: Token) -> list[Token]:
    """``x`` and the verbs coordinated or chained to it ("stormed the village and killed four")."""
    out, todo = [], [x]
    while todo:
        y = todo.pop()
        out.append(y)
        todo.extend(c for c in y.children if c.dep_ in ("conj", "xcomp", "ccomp", "parataxis"))
    return out


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
        or _tied_subject(head) or _when_clause_doer(doc, head, set(args.get("patient", []))) \
        or _participle_subject(head)
    if not agent and (trig._.event_type or ("", ""))[0] == "Battles":
        # a fight has two sides and its words are symmetric: "X were killed in a shootout with soldiers",
        # "two troops died in a firefight with rebels": whoever it was "with" fought it too
        patient = set(args.get("patient", []))
        # (only "with": "an offensive against X" has X as its target, not its doer)
        # (the parser may hang "with X" on the verb the fight's phrase tells: "killed in a shootout with troops")
        # ("an exchange of fire with police": the phrase's head noun holds the "with")
        fight = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN" \
            else head
        holders = [fight] + ([fight.head.head] if fight.dep_ == "pobj" and fight.head.lower_ in ("in", "during")
                             and fight.head.head.pos_ == "VERB" else [])
        # (or the other way: the death is the trigger and the fight the phrase it happened "in": "six
        # rebels were killed in an encounter with security forces")
        holders += [g for c in fight.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
                    for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
        agent = [g for g in ev.with_conj([_member_of(doc, o) for h in holders for o in _opponents(h) if o.head.lower_ == "with"])
                 if g.i not in patient and not _in_dateline(doc, g)
                 and getattr(actor_at(doc, g), "kind", None) in SIDE_KINDS]
        # ACLED puts the state first only when it started the fight: "guerrillas killed in a clash with
        # troops" leads with the guerrillas (who undergo it), the troops are the other side
        if agent and all(getattr(actor_at(doc, g), "kind", None) == "state forces" for g in agent):
            armed = [doc[i] for i in args.get("patient", []) if not _in_dateline(doc, doc[i])
                     and getattr(actor_at(doc, doc[i]), "kind", None) in ARMED_KINDS]
            agent = armed[:1] + agent  # (the state, after it, is the other side)
        if not agent:
            # "Police said three militants were killed in an encounter": a fight told by a state force, its
            # other side the armed group it tells dead, with no one else told fighting them, is the force's
            # own fight (a force tells its operations; a fight between two groups names them both)
            armed = [doc[i] for i in args.get("patient", []) if not _in_dateline(doc, doc[i])
                     and getattr(actor_at(doc, doc[i]), "kind", None) in ARMED_KINDS]
            v = _report_verb_above(head)
            tellers = [c for c in v.children if c.dep_ == "nsubj" and not _in_dateline(doc, c)
                       and getattr(actor_at(doc, c), "kind", None) == "state forces"
                       and not actor_at(doc, c).name.startswith("Government of ")] if v is not None and not _negated(v) else []
            if armed and tellers:
                agent = armed[:1] + tellers[:1]
    if not agent:
        # "Ukrainian drones attacked": the trigger takes in the doer's own words
        spans, _ = ev.actor_index(doc)
        patient = set(args.get("patient", []))
        agent = [sp.root for sp in spans if sp.start < trig.end and sp.end > trig.start and sp.root.i not in patient
                 and getattr(sp._.actor, "kind", None) in SIDE_KINDS]
    return [_instrument_user(doc, _speaker_of(doc, a)) for a in agent]


def _participle_subject(v: Token) -> list[Token]:
    """"Troops moving out of the base set fire to 60 houses": the parser makes the participle the
    clause's verb and the act a clause hanging on it; the act has no subject of its own, and the
    participle's subject, told before it, is who did the act (not a reporting verb's speaker, not
    one who underwent the participle)."""
    h = v.head
    if v.dep_ != "advcl" or v.pos_ != "VERB" or h.tag_ != "VBG" or h.i > v.i or _negated(v) \
            or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "agent") for c in v.children):
        return []
    return [c for c in h.children if c.dep_ == "nsubj" and c.i < h.i and c.pos_ in ("NOUN", "PROPN")]


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
        # "someone pulled a gun", "a man drew a knife": a hand weapon drawn on people is its use
        if x.lemma_.lower() in DRAWING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in HAND_WEAPONS
                                                     for c in x.children):
            return True
    return False


DRAWING_VERBS = {"pull", "draw", "brandish", "wield", "whip", "produce"}
HAND_WEAPONS = {"gun", "handgun", "pistol", "revolver", "rifle", "shotgun", "firearm", "weapon", "knife", "machete"}


def _telling_sents(doc: Doc, trig: Span) -> list[Span]:
    """The sentences that still tell the happening: as far as a claim is looked for (its details, then
    its doer), up to one that brings in a new happening."""
    sents = [trig.sent]
    while sum(map(_has_words, sents)) < CLAIM_REACH and sents[-1].end < len(doc):
        s = doc[sents[-1].end].sent
        if _new_happening_in(doc, s, trig):
            break
        sents.append(s)
    return sents


def _unknown_doer_told(doc: Doc, trig: Span) -> Actor | None:
    """"Two people died in a shooting at a party ... police said someone opened fire": a doer the story
    tells as unknown ("someone", "somebody"), using a weapon in the happening's sentence or the ones
    after it that still tell it (up to one that brings in a new happening), is ACLED's unidentified
    armed actor of that happening."""
    sents = _telling_sents(doc, trig)
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


# Sub-event types whose act leaves its layer unseen: a mine, a roadside bomb or a grenade goes off with
# nobody in sight, and ACLED codes its unknown layer as "Unidentified Armed Group (Country)".
UNSEEN_LAYER_SUBS = {"Remote explosive/landmine/IED", "Grenade"}


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


def _member_of(doc: Doc, g: Token) -> Token:
    """"a joint team of the DRG and CRPF", "a unit of the border guard": a body no actor of its own,
    made "of" a named force, is that force."""
    if actor_at(doc, g) is not None:
        return g
    return next((x for c in g.children if c.dep_ == "prep" and c.lower_ == "of"
                 for x in c.children if x.dep_ == "pobj" and actor_at(doc, x) is not None), g)


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


def _arresting_force(doc: Doc, agent: list[Token], a: Actor | None) -> Actor | None:
    """ACLED codes an arrest to the country's police: "security forces arrested nine people" names no
    branch (the table reads "security forces" as the military for fighting), so a force told by its
    security role alone, with no military word in its phrase, arrests as the police; "soldiers" or
    "army troops" keep the military."""
    if a is None or a.kind != "state forces" or not a.country or not a.name.startswith("Military Forces of "):
        return a
    for t in agent:
        words = {w.lemma_.lower() for w in _np_tokens(t)} | {t.lemma_.lower()}
        if "security" in words and not words & MILITARY_WORDS and actor_at(doc, t) == a:
            return _lookup("police", a.country) or a
    return a


# ACLED's convention for an attack on civilians whose text tells no doer at all (no subject, no "by",
# no claim): VAC is violence by an organised armed actor, and one not named is the country's
# "Unidentified Armed Group (X)".  Not battles (two sides are told or there is no battle), nor strikes
# or shelling (a state's weapons as often as a group's: no default layer).  (An arrest told with no
# doer is the police's, but only once the merge has seen every report of it: merge.py.)
NO_DOER_TYPES = {"Violence against civilians"}


def _no_doer_told(doc: Doc, trig: Span, et: str, actor1: Actor | None) -> Actor | None:
    """actor1, or ACLED's unidentified armed group for violence against civilians told with none
    (labelled with the story's country here, relabelled to the happening's place's after)."""
    if actor1 is not None or et not in NO_DOER_TYPES or _person_used_weapon(doc, trig):
        return actor1
    return _labelled("Unidentified Armed Group", "political militia", doc)


def _person_used_weapon(doc: Doc, trig: Span) -> bool:
    """"Police said John Miller, 41, fired a rifle from his porch": a doer told by name, whom the actor
    table cannot code, is no unidentified one."""
    return any(t.dep_ == "nsubj" and t.ent_type_ == "PERSON" and not _negated(t.head) and _uses_weapon(t.head)
               for s in _telling_sents(doc, trig) for t in s)


def _first_actor(doc: Doc, toks: list[Token], prefer: tuple = ()) -> tuple[Actor | None, list[Actor]]:
    found: list[Actor] = []
    for t in toks:
        a = actor_at(doc, t)
        if a is not None and a not in found:
            found.append(a)
    # canonical actors (with a country) before names built from the phrase
    found.sort(key=lambda a: (a.kind not in prefer if prefer else False, a.country is None))
    return (found[0] if found else None), found[1:]
