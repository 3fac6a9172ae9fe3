"""eventwire_events: event triggers typed with the ACLED sub-event type.

Writes ``doc.spans["ew_triggers"]``: one span per reported happening (a
sentence that reports two happenings gives two spans), with

    Span._.event_type        (event_type, sub_event_type)
    Span._.event_confidence  float
    Span._.event_rule        str: which lexicon entry and rules decided it
    Span._.background        True for habitual, generic, negated, purpose or
                             question clauses: kept for inspection, no mention
    Span._.event_args        dict of token indices (agent, patient, members...),
                             read by eventwire_mentions

How it works (the lexicon and the typing rules are data: data/triggers.yaml):

1. words and phrases of the lexicon become candidate triggers when the parse
   satisfies the entry's constraints (an object that is a place, a weapon that
   is fired, a deal that is signed...);
2. each candidate is checked for background: negation, questions, habitual
   adverbs, present-simple generic statements, perfect progressive ("has been
   fighting since"), bare plurals ("carries out attacks"), predicative use ("is
   the deadliest attack"), purpose infinitives ("entered the war to fight");
3. per sentence, candidates of one family form one happening; effects ("killed",
   "wounded") and generic words ("attack") fold into a specific trigger of the
   same sentence; a trigger inside a noun modifier ("soldiers who were kidnapped")
   is kept only when it is alone or carries its own time;
4. each happening gets its sub-type from the family's refine rules, using the
   initiator and target kinds (actors component, else the head noun);
5. across the article, a generic or effect-only happening ("the attack struck
   a bus", "50 were killed") takes the sub-type of the specific happening it
   refers back to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_TITLE, IS_UPPER, LENGTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from ..taxonomy import event_type_of, names_weapon_of
from . import extensions  # noqa: F401
from .extensions import doc_lemmas, doc_lowers, doc_text, span_text
from . import temporal
from .quantities import word_number

DATA = Path(__file__).resolve().parent.parent / "data" / "triggers.yaml"

# A line break the parser did not take as a sentence end: a paragraph break, or a new
# line that starts like a new sentence (a wrapped line goes on in lower case).
LINE_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[A-Z0-9\"“'‘(#@-])")

if not Span.has_extension("event_args"):
    Span.set_extension("event_args", default=None)

REF_WINDOW = 6  # sentences a generic mention may reach back to find what it refers to
PROTEST_SEVERITY = {
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    "Excessive force against protesters": 2,
    "Violent demonstration": 3,
}
GUN_WORDS = {"shoot", "shooting", "shot", "gunfire", "gunshot", "shootout"}
VIOLENT_FAMILIES = ("remote", "battle", "abduction", "sexual", "violence", "protest")
ROLE_RANK = {"specific": 0, "generic": 1, "effect": 2}
KILL_LEMMAS = {"kill", "killing", "slay", "die", "dead", "death", "murder", "massacre", "execute", "behead", "fatality"}
ABSTRACT_AGENTS = {
    "war", "conflict", "insurgency", "uprising", "violence", "crisis", "unrest", "rebellion",
    "jihad", "terrorism", "instability", "revolution", "civil",
}
VAGUE_MANY = {"thousand", "thousands", "hundreds", "millions", "million", "tens", "scores"}
COMPOUND_OK_HEADS = {"toll", "victim", "survivor", "site", "scene", "aftermath", "casualty", "attack", "wounded"}
DEMAND_WORDS = {
    "demand", "urge", "call", "propose", "proposal", "reject", "refuse", "ask", "request", "appeal", "press",
    "insist", "seek", "plea", "offer", "suggest", "recommend", "advocate", "want",
    # called off or not allowed: it did not take place
    "postpone", "cancel", "ban", "prohibit", "forbid", "delay", "suspend", "outlaw",
}
ORG_SPEAKERS = {"group", "organization", "organisation", "ministry", "government", "embassy", "committee", "council", "agency", "office", "party", "watchdog", "commission"}
# bodies whose "protest" is a statement, not a crowd in the street
STATEMENT_MAKERS = ORG_SPEAKERS | {"charity", "ngo", "association", "foundation", "department", "church"}
PLAN_NOUNS = {"permission", "plan", "call", "right", "bid", "attempt", "threat", "order", "licence", "license", "approval", "request", "application", "calls", "plans", "appeal"}
SUPPORT_VERBS = {
    "launch", "carry", "conduct", "stage", "mount", "claim", "perpetrate", "commit", "execute", "use", "unleash", "begin",
    "start", "lead", "declare", "order", "wage", "make",
    # weapons: "tanks fired shells", "militants planted a bomb", "protesters hurled petrol bombs"
    "fire", "throw", "hurl", "lob", "plant", "detonate", "drop", "set",
}
PLAN_VERBS = {"plan", "intend", "expect", "set", "schedule", "prepare", "threaten", "vow", "aim", "pledge", "agree", "decide", "want", "seek", "hope", "order", "urge", "call", "due", "propose", "promise", "attempt", "try", "permit", "permission", "allow"}
ASPECT_VERBS = {"begin", "start", "continue", "resume", "manage", "keep", "finish", "proceed", "go", "come"}
FIRE_VERBS = {"attack", "assault", "fire", "launch", "lob", "hurl", "throw", "hit", "strike", "land", "rain", "slam", "pound", "explode", "detonate", "use", "shoot", "target", "kill", "injure", "wound", "destroy", "damage", "fall", "crash", "blast"}
SERIES_NOUNS = {"series", "line", "wave", "spate", "string", "number", "history", "campaign", "pattern", "cycle", "string"}
# ways into a place that, with nobody hurt, are only how arrests or seizures were made
RAID_ENTRIES = {"raid", "storm", "enter"}
# meetings where a deal is discussed: what they are "on" is their subject, not an agreement reached
TALK_NOUNS = {"talk", "talks", "negotiation", "negotiations", "discussion", "dialogue", "meeting", "summit", "consultation",
              "conference", "round", "parley", "mediation"}
# things that burst by accident: an explosion of one of these is no explosive device
ACCIDENT_BURSTS = {
    "plant", "factory", "tank", "tanker", "furnace", "boiler", "warehouse", "container", "cylinder", "pipeline", "pipe",
    "reactor", "refinery", "gas", "chemical", "firework", "fireworks", "transformer", "kiln", "oven", "stove", "battery",
    "mill", "depot", "workshop", "coal", "dust", "methane", "propane", "fuel", "oil", "cooker", "heater",
    "generator", "engine", "substation", "facility", "pit", "silo", "vat", "kitchen", "restaurant", "lab", "laboratory",
}
DEVICE_WORDS = {"bomb", "device", "ied", "grenade", "landmine", "explosive", "explosives", "shell", "rocket", "missile", "mortar",
                "vest", "belt", "bomber", "suicide", "attacker", "militant", "terrorist", "insurgent", "gunman", "gunmen"}
# holding someone to answer a charge, and the words that name its grounds
CUSTODY_VERBS = {"arrest", "detain", "book", "charge", "jail", "hold", "cite", "indict", "remand", "imprison", "convict"}
GROUNDS_NOUNS = {"suspicion", "charge", "count", "allegation", "accusation"}
# causes of death that are nobody's act: a killing by one of these is no political violence
DISASTER_CAUSES = {
    "earthquake", "quake", "tremor", "flood", "flooding", "storm", "cyclone", "hurricane", "typhoon", "tornado", "tsunami",
    "landslide", "mudslide", "avalanche", "fire", "blaze", "wildfire", "inferno", "leak", "collapse", "crash", "accident",
    "stampede", "drought", "heatwave", "heat", "lightning", "eruption", "virus", "disease", "outbreak", "pandemic", "epidemic",
    "covid", "covid-19", "cholera", "rain", "rains", "snow", "cold", "famine", "derailment", "capsize",
    "wreck", "smoke", "fume", "fumes", "poisoning", "electrocution", "drowning", "storm", "winds", "wind",
    "floodwater", "floodwaters", "flash-flood", "deluge", "downpour", "gale", "blizzard", "hailstorm", "sandstorm", "monsoon",
    "snowstorm", "rainstorm", "thunderstorm", "snowfall", "frost", "dzud",
}
# containers and counts that stand between a verb and what it acts on: "a cache of rifles", "dozens of shops"
THROUGH_NOUNS = {"number", "dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand", "thousands", "stash", "cache",
                 "haul", "batch", "lot", "lots", "quantity", "consignment", "stockpile", "arsenal", "pile", "range", "several",
                 "series", "barrage", "salvo", "volley", "couple", "handful", "round", "rounds", "piece", "pieces", "box", "boxes",
                 "crate", "crates", "shipment", "shipments", "cargo", "truckload", "kilogram", "kilograms", "kg", "tonne", "tonnes", "ton", "tons", "consignments", "variety", "assortment", "array", "total", "some", "all"}
# bodies of armed men: what a group change forms and a redeployment moves
ARMED_BODIES = {"militia", "brigade", "battalion", "regiment", "division", "corps", "unit", "wing", "faction", "army", "force",
                "squad", "cell", "guard", "legion", "front", "entity", "network", "paramilitary", "commando"}
MILITARY_MOVERS = {"troop", "troops", "soldier", "force", "forces", "army", "tank", "unit", "battalion", "brigade", "reinforcement",
                   "militiaman", "militiamen", "fighter", "military", "warship", "jet", "aircraft", "marine", "paratrooper",
                   "convoy", "contingent", "division", "regiment", "artillery", "armour", "armor", "peacekeeper"}
LOCATIVE_PREPS = {"in", "near", "along", "outside", "around", "inside", "across", "beside", "at", "above", "below", "behind",
                  "between", "within", "overlooking", "close"}
TERRAIN_NOUNS = {"forest", "hill", "hills", "mountain", "mountains", "bush", "desert", "canal", "river", "outskirts", "airstrip",
                 "jungle", "coast", "lake", "plain", "ridge", "farm", "school", "building", "compound", "airfield", "south",
                 "north", "east", "west", "countryside", "bank", "side", "edge", "entrance"}
ARMED_MODIFIERS = {"armed", "militant", "rebel", "jihadist", "paramilitary", "self-defence", "self-defense", "insurgent", "military", "vigilante"}
GENERIC_AMODS = {"frequent", "regular", "repeated", "recent", "similar", "previous", "past", "numerous", "occasional", "sporadic", "periodic", "countless", "further", "future", "other", "such", "daily", "constant", "persistent", "ongoing"}


@lru_cache(maxsize=1)
def load_lexicon(path: str | None = None) -> dict:
    with open(path or DATA, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    words: dict[str, list[dict]] = {}
    phrases: list[tuple[str, list[str], int, dict]] = []
    for n, entry in enumerate(data["triggers"]):
        entry = dict(entry)
        entry.setdefault("role", "specific")
        entry.setdefault("needs", {})
        entry.setdefault("conf", 0.7)
        entry["pos"] = set(entry.get("pos") or ["NOUN", "VERB"])
        entry["id"] = n
        event_type_of(entry["sub"])  # fails loudly on a misspelled sub-type
        for w in entry.get("words", []) or []:
            words.setdefault(w.lower(), []).append(entry)
            if "-" in w:
                # the tokenizer splits "sit-in" into "sit - in": a hyphenated word is found as a
                # phrase of its parts, headed by its last part (the noun)
                toks = w.lower().split("-")
                phrases.append((w.lower(), toks, len(toks) - 1, entry))
        for ph in entry.get("phrases", []) or []:
            toks = ph.lower().split()
            phrases.append((ph.lower(), toks, int(entry.get("head", len(toks) - 1)), entry))
    forms: dict[str, list[dict]] = {}
    for w, entries in words.items():
        for f in _forms(w):
            if f not in words:
                forms.setdefault(f, [])
                for e in entries:
                    if e not in forms[f]:
                        forms[f].append(e)
    for fam, rules in data["refine"].items():
        for r in rules:
            event_type_of(r["sub"])
    an = {k: {w.lower() for w in v} for k, v in data["actor_nouns"].items()}
    return {
        "words": words,
        "forms": forms,  # inflected forms the lemmatizer may miss ("raped" -> "rap")
        "phrases": phrases,
        "refine": data["refine"],
        "absorb": data.get("absorb", {}),
        "actor_nouns": an,
        "actor_multi": {k: [w for w in v if " " in w] for k, v in an.items()},
        "place_nouns": {w.lower() for w in data["place_nouns"]},
        "habitual": {w.lower() for w in data["habitual_adverbs"]},
        "generic_det": {w.lower() for w in data["generic_determiners"]},
        "reporting": {w.lower() for w in data["reporting_verbs"]},
    }


def _forms(word: str) -> list[str]:
    out = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        out.add(word[:-1] + "ing")
    if word.endswith("y"):
        out.update({word[:-1] + "ies", word[:-1] + "ied"})
    if len(word) > 2 and word[-1] not in "aeiouywx" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        out.update({word + word[-1] + "ed", word + word[-1] + "ing"})
    return sorted(out)


class PhraseIndex:
    """Multi-word triggers found by their first word: a dict lookup per token, then a
    comparison of the next few words (inflected forms, hyphens skipped).  Same results
    as a spaCy ``Matcher`` over the same patterns (``build_matcher``), a few times faster."""

    def __init__(self, lex: dict):
        self.first: dict[str, list] = {}
        for key, toks, head, entry in lex["phrases"]:
            forms = [set(_forms(t)) for t in toks]
            for f in forms[0]:
                self.first.setdefault(f, []).append((key, forms, head, entry))

    def __call__(self, doc: Doc, start: int, end: int):
        lowers = doc_lowers(doc)
        first = self.first
        for i in range(start, end):
            cands = first.get(lowers[i])
            if not cands:
                continue
            for key, forms, head, entry in cands:
                j, k, words = i + 1, 1, [i]
                while k < len(forms) and j < end:
                    w = lowers[j]
                    if w in ("-", "–"):
                        j += 1
                        continue
                    if w not in forms[k]:
                        break
                    words.append(j)
                    j += 1
                    k += 1
                if k == len(forms):
                    yield key, words, head, entry


def build_matcher(vocab, lex: dict) -> Matcher:
    m = Matcher(vocab)
    for key, toks, head, entry in lex["phrases"]:
        pat = []
        for j, t in enumerate(toks):
            if j:
                pat.append({"ORTH": {"IN": ["-", "–"]}, "OP": "?"})
            pat.append({"LOWER": {"IN": _forms(t)}})
        m.add(f"{entry['id']}|{head}|{key}", [pat])
    return m


# --------------------------------------------------------------------------- helpers


def lem(t: Token) -> str:
    return t.lemma_.lower()


def _pos_ok(t: Token, allowed: set) -> bool:
    p = t.pos_
    if p == "PROPN" or p == "X":
        p = "NOUN"
    if p == "AUX":
        p = "VERB"
    if p in allowed:
        return True
    # headline capitalisation and participles confuse the tagger
    if p == "ADJ" and t.tag_ in ("VBN", "VBD", "JJ") and "VERB" in allowed and t.text.lower().endswith(("ed", "en")):
        return True
    if p == "NOUN" and t.tag_.startswith("VB") and "VERB" in allowed:
        return True
    if p in ("NOUN", "VERB") and "ADJ" in allowed:
        return True
    return False


def clause_head(t: Token) -> Token:
    """The verb that heads the clause a token belongs to (climbing through xcomp)."""
    cur = t
    guard = 0
    while cur.pos_ not in ("VERB", "AUX") and cur.head != cur and guard < 12:
        cur = cur.head
        guard += 1
    guard = 0
    while cur.dep_ == "xcomp" and cur.head != cur and guard < 6:
        cur = cur.head
        guard += 1
    return cur


def governor_verb(t: Token) -> Token | None:
    """For a noun trigger: the verb it is the subject/object of (through prepositions)."""
    cur = t
    for _ in range(4):
        if cur.head == cur:
            return None
        if cur.dep_ in ("compound", "amod", "conj", "appos"):
            cur = cur.head
            continue
        h = cur.head
        if h.pos_ in ("VERB", "AUX"):
            return h
        if h.pos_ == "ADP":
            cur = h
            continue
        return None
    return None


def subject_of(v: Token) -> list[Token]:
    """Active subject of a verb, inherited through conj / xcomp / participial advcl."""
    cur = v
    for _ in range(5):
        subs = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
        if not subs and cur != v and cur.tag_ == "VBN":
            # "the fighters are set to leave": the raised subject of a passive
            subs = [c for c in cur.children if c.dep_ == "nsubjpass"]
        if subs:
            return subs
        if cur.dep_ == "xcomp" and lem(cur.head) != "promise":
            # object control: "prompting locals to burn the depot", "forced the villagers to flee": the
            # one who does the infinitive is the governing verb's object, not its subject
            objs = [c for c in cur.head.children if c.dep_ == "dobj"]
            if objs:
                return objs
        if cur.dep_ in ("conj", "xcomp") or (cur.dep_ == "advcl" and cur.tag_ == "VBG"):
            cur = cur.head
            continue
        if cur.dep_ in ("acl", "relcl") and cur.tag_ == "VBG":
            return [cur.head]
        break
    return []


def with_conj(toks: list[Token]) -> list[Token]:
    out = []
    for t in toks:
        out.append(t)
        out.extend(c for c in t.conjuncts if c not in out)
    return out


def is_passive(v: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
        return True
    # "were killed or injured": the second verb shares the passive
    if v.dep_ == "conj" and v.tag_ == "VBN" and v.head != v and not any(c.dep_ in ("aux", "nsubj") for c in v.children):
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.head.children):
            return True
    # reduced relative: "students abducted by gunmen"
    return v.tag_ == "VBN" and v.dep_ in ("acl", "amod") and not any(c.dep_ in ("aux", "nsubj") for c in v.children)


def sentence_context(sent: Span) -> tuple[set, str]:
    cache = sent.doc.user_data.setdefault("_ew_sent_ctx", {})
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = _sentence_context(sent)
    return cache[key]


MONTH_PREPS = {"in", "since", "until", "by", "of", "early", "late", "mid", "last", "next", "this", "on", "through"}


def _is_month_word(t: Token) -> bool:
    """"in March": a month, not a march."""
    return t.text in ("March", "MARCH") and t.i > 0 and (t.ent_type_ == "DATE" or t.nbor(-1).lower_ in MONTH_PREPS)


def _sentence_context(sent: Span) -> tuple[set, str]:
    doc = sent.doc
    lowers, lems = doc_lowers(doc), doc_lemmas(doc)
    lemmas = set()
    for i in range(sent.start, sent.end):
        # _is_month_word needs the token only for "March" (its lower form is "march")
        if lowers[i] == "march" and _is_month_word(doc[i]):
            continue
        if i >= sent.start + 2 and lowers[i - 1] == "-" and lowers[i - 2] in ("anti", "counter"):
            continue  # "anti-aircraft guns", "anti-tank missile": a weapon against the thing, not the thing
        lemmas.add(lems[i])
        lemmas.add(lowers[i])
    text = " " + " ".join(lems[sent.start:sent.end]) + " " + span_text(sent).lower() + " "
    return lemmas, text


def doc_context(doc: Doc) -> tuple[set, str]:
    key = "_ew_doc_ctx"
    cached = doc.user_data.get(key)
    if cached is None:
        lowers, lems = doc_lowers(doc), doc_lemmas(doc)
        months = {i for i, w in enumerate(lowers) if w == "march" and _is_month_word(doc[i])}
        months |= {i for i in range(2, len(lowers)) if lowers[i - 1] == "-" and lowers[i - 2] in ("anti", "counter")}
        lemmas = {w for i, w in enumerate(lems) if i not in months} | {w for i, w in enumerate(lowers) if i not in months}
        cached = (lemmas, " " + doc_text(doc).lower() + " ")
        doc.user_data[key] = cached
    return cached


def ctx_has(words, lemmas: set, text: str) -> bool:
    for w in words:
        w = w.lower()
        if " " in w:
            if " " + w in text:
                return True
        elif w in lemmas:
            return True
    return False


# --------------------------------------------------------------------------- arguments


@dataclass
class Cand:
    tok: Token  # syntactic head of the trigger
    start: int
    end: int
    entry: dict
    key: str  # lemma or phrase that fired
    members: list = field(default_factory=list)  # other candidates folded in
    background: str = ""  # reason, "" when not
    embedded: bool = False
    own_time: str = ""
    purpose: bool = False

    @property
    def family(self) -> str:
        return self.entry["family"]

    @property
    def role(self) -> str:
        return self.entry["role"]

    def keys(self) -> set:
        out = {self.key, lem(self.tok)}
        for m in self.members:
            out |= m.keys()
        return out

    def all(self) -> list["Cand"]:
        out = [self]
        for m in self.members:
            out.extend(m.all())
        return out


def agents(t: Token) -> list[Token]:
    """The initiator of the happening at trigger token ``t``."""
    out: list[Token] = []
    if lem(t) == "fall" or t.lower_ in ("fell", "fallen", "falls"):
        # "the town fell to the rebels": the taker is the object of "to"
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                return with_conj([g for g in c.children if g.dep_ == "pobj"])
    if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
        if is_passive(t):
            for c in t.children:
                if c.dep_ == "agent":
                    out.extend(g for g in c.children if g.dep_ == "pobj")
            if not out and t.dep_ in ("conj",):
                for c in t.head.children:
                    if c.dep_ == "agent":
                        out.extend(g for g in c.children if g.dep_ == "pobj")
        else:
            out = subject_of(t)
            if t.dep_ in ("acl", "relcl") and not out and t.tag_ == "VBG":
                out = [t.head]
    else:
        # noun trigger: "by X", possessive, actor-like modifiers, subject of a support verb
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                out.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "poss" and c.pos_ != "PRON":
                out.append(c)
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                for a in c.children:
                    if a.dep_ == "agent":
                        out.extend(g for g in a.children if g.dep_ == "pobj")
        if not out:
            # "clashes between X and Y", "a firefight breaking out between X and Y"
            for host in (t, t.head):
                for c in host.children:
                    if c.dep_ == "prep" and c.lower_ == "between":
                        out.extend(g for g in c.children if g.dep_ == "pobj")
                if out or host == t.head and t.dep_ not in ("compound", "nsubj"):
                    break
        if not out:
            for c in t.children:
                if c.dep_ in ("compound", "amod", "nmod") and (c.ent_type_ in ("NORP", "ORG", "GPE") or (c.pos_ in ("NOUN", "PROPN") and _noun_kind(c))):
                    if lem(c) not in ("suicide", "car", "truck", "roadside", "air", "drone"):
                        out.append(c)
        if not out:
            gv = governor_verb(t)
            if gv is not None and t.dep_ in ("dobj", "attr") and lem(gv) in SUPPORT_VERBS:
                out = subject_of(gv)
            if gv is not None and t.head == gv or (gv is not None and t.head.dep_ == "prep"):
                # "killed in an airstrike by X": agent on the governing verb
                for c in gv.children:
                    if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                        out.extend(g for g in c.children if g.dep_ == "pobj")
    if not out:
        out = _responsible(t)
    if not out and t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" and t.head.lower_ == "in":
        # "forces were engaged in ethnic cleansing", "militants took part in the attack"
        gv = t.head.head
        if gv.pos_ == "VERB" and lem(gv) in ("engage", "involve", "participate", "take", "join"):
            out = [c for c in gv.children if c.dep_ in ("nsubj", "nsubjpass")]
    out = [_speaker_for(_one_of(a)) for a in out]
    return [a for a in with_conj(out) if a.pos_ != "NUM" or a.ent_type_ in ("ORG", "NORP")]


def _one_of(a: Token) -> Token:
    """"one of its buses", "two of the gunmen": the doers are what the number counts."""
    if a.pos_ == "NUM" and a.ent_type_ not in ("ORG", "NORP"):
        for c in a.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN"):
                        return o
    return a


def _speaker_for(a: Token) -> Token:
    """"the group said it had killed 32 soldiers": "it" is the group that speaks."""
    if a.pos_ != "PRON" or a.lower_ not in ("it", "they", "we"):
        return a
    cur = a.head
    for _ in range(5):
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.pos_ == "VERB":
            rv = cur.head
            if lem(rv) in load_lexicon()["reporting"] or lem(rv) in ("claim", "announce", "admit", "boast"):
                subj = [c for c in rv.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
                if subj and (_noun_kind(subj[0]) in ("state", "nonstate") or subj[0].ent_type_ in ("ORG", "NORP")):
                    return subj[0]
            return a
        if cur.head == cur:
            break
        cur = cur.head
    return a


def _responsible(t: Token) -> list[Token]:
    """Who the text holds responsible: "the attack blamed on X", "X claimed responsibility
    for the bombing", "X has not claimed responsibility for attacks such as the bombing"."""
    for c in t.children:
        if c.dep_ in ("acl", "relcl") and lem(c) in ("blame", "attribute"):
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("on", "to"):
                    return [g for g in p.children if g.dep_ == "pobj"]
    cur = t
    for _ in range(7):
        if cur.head == cur:
            break
        if cur.dep_ not in ("pobj", "prep", "conj", "appos", "amod", "dobj", "compound", "acl", "relcl", "nsubj") and cur != t:
            break
        cur = cur.head
        if lem(cur) == "claim" and cur.pos_ == "VERB":
            return [c for c in cur.children if c.dep_ == "nsubj" and not any(d.lower_ in ("no", "none") for d in c.children) and c.lower_ not in ("nobody", "none", "no-one")]
    return []


def patients(t: Token) -> list[Token]:
    """The target / victims of the happening at trigger token ``t``."""
    out: list[Token] = []
    if lem(t) == "fall" or t.lower_ in ("fell", "fallen", "falls"):
        # "the town fell to the rebels": the rebels are the taker (agents), not the target
        return []
    if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
        if is_passive(t):
            out = [c for c in t.children if c.dep_ == "nsubjpass"]
            if not out and t.dep_ in ("acl", "amod"):
                out = [t.head]
            if not out and t.dep_ == "relcl":
                out = [t.head]
        else:
            out = [c for c in t.children if c.dep_ in ("dobj", "nsubj") and t.lemma_.lower() in ("die",)]
            out = out or [c for c in t.children if c.dep_ == "dobj"]
            if lem(t) == "open" and [lem(o) for o in out] == ["fire"]:
                # "opened fire on the teahouse": the target hangs on "fire" or on the verb
                out = [g for x in (t, out[0]) for c in x.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "into")
                       for g in c.children if g.dep_ == "pobj"]
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "at") and not out:
                out.extend(g for g in c.children if g.dep_ == "pobj")
    elif t.pos_ == "ADJ" and t.dep_ == "oprd" and lem(t.head) == "leave":
        # "leaving two men dead", "left five dead": the dead are what the happening left so
        out = [c for c in t.head.children if c.dep_ == "dobj"]
    else:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "at", "targeting"):
                out.extend(g for g in c.children if g.dep_ == "pobj")
        if not out:
            # "were engaged in ethnic cleansing against the population": the target hangs on the verb
            gv = governor_verb(t)
            if gv is not None:
                for c in gv.children:
                    if c.dep_ == "prep" and c.lower_ in ("against", "on", "targeting"):
                        out.extend(g for g in c.children if g.dep_ == "pobj")
    # numbers: "50 were killed", "five of their teachers" -> the counted noun
    res = []
    for p in with_conj(out):
        if p.pos_ == "NUM" or lem(p) in ("one", "dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand", "thousands"):
            of = [g for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            res.extend(of or [p])
        else:
            res.append(p)
    return res


def _noun_kind(t: Token) -> str | None:
    lex = load_lexicon()
    an = lex["actor_nouns"]
    l, low = lem(t), t.lower_
    for kind in ("protester", "rioter", "state", "nonstate", "civilian"):
        if l in an[kind] or low in an[kind]:
            return kind
    return None


ACTOR_KIND_MAP = {
    "state forces": "state",
    "rebel group": "nonstate",
    "political militia": "nonstate",
    "identity militia": "nonstate",
    "rioters": "rioter",
    "protesters": "protester",
    "civilians": "civilian",
    "external/other": "other",
}


def actor_index(doc: Doc) -> tuple[list, dict]:
    """(spans in order, token index -> span) of the ew_actors group, built once per doc."""
    key = "_ew_actor_index"
    idx = doc.user_data.get(key)
    n = len(doc.spans["ew_actors"]) if "ew_actors" in doc.spans else 0
    if idx is None or idx[0] != n:
        spans = list(doc.spans["ew_actors"]) if n else []
        at: dict[int, Span] = {}
        for sp in spans:
            for i in range(sp.start, sp.end):
                at.setdefault(i, sp)
        idx = (n, spans, at)
        doc.user_data[key] = idx
    return idx[1], idx[2]


def actor_span_at(doc: Doc, t: Token) -> Span | None:
    spans, at = actor_index(doc)
    if not spans:
        return None
    if t.i in at:
        return at[t.i]
    # the head noun of a phrase whose modifier is the actor ("Al Shabaab insurgents")
    for c in t.children:
        if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i in at:
            return at[c.i]
    return None


POLITICAL_ARREST = [
    "activist", "journalist", "opposition", "politician", "lawmaker", "leader", "dissident", "militant", "rebel",
    "insurgent", "jihadist", "terror", "terrorist", "terrorism", "plot", "bomb", "attack", "protest", "protester",
    "demonstrator", "demonstration", "rally", "strike", "union", "blogger", "critic", "cleric", "separatist",
    "extremist", "fighter", "militia", "commander", "coup", "treason", "sedition", "insurrection", "election",
    "candidate", "party", "member", "supporter", "student", "human rights", "spy", "espionage", "gunmen", "gunman",
]
# ordinary crime: ACLED leaves out violence and policing with personal or purely criminal motives
CRIME_WORDS = [
    "robber", "robbery", "thief", "theft", "steal", "stole", "stolen", "burglar", "burglary", "smuggle", "smuggler",
    "smuggling", "trafficking", "trafficker", "drug", "narcotic", "narcotics", "cocaine", "heroin", "methamphetamine",
    "marijuana", "cannabis", "counterfeit", "fraud", "fraudster", "poacher", "poaching", "cartel", "gang", "extortion",
    "carjacking", "bootlegger", "contraband",
]
# what makes an arrest political even among criminals (not "member" or "leader": gangs have those too)
POLITICAL_ARREST_STRONG = [w for w in POLITICAL_ARREST if w not in (
    "member", "leader", "supporter", "commander", "party", "gunmen", "gunman", "attack", "bomb", "plot", "student")]
PEOPLE_WORDS = {"people", "person", "one", "other", "others", "victim", "dozen", "dozens", "hundreds", "thousands", "scores", "all", "many", "some", "body", "bodies"}
QUANTITY_NOUNS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "scores", "tens", "million", "millions", "group", "number", "crowd"}


def kind_of(doc: Doc, t: Token, ner: bool = True) -> str | None:
    sp = actor_span_at(doc, t)
    if sp is not None and getattr(sp._, "actor", None) is not None:
        k = ACTOR_KIND_MAP.get(sp._.actor.kind)
        if k:
            return k
    if lem(t) in QUANTITY_NOUNS or t.pos_ == "NUM":
        # "hundreds of protesters", "thousands of people": the people counted
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        k = kind_of(doc, g, ner)
                        if k:
                            return k
    k = _noun_kind(t)
    if k:
        return k
    if lem(t) in load_lexicon()["place_nouns"]:
        return None  # "a military base" is a place, not a party
    # "Al Shabaab insurgents": the head decides, else a named modifier
    for c in t.children:
        if c.dep_ in ("compound", "amod"):
            k = _noun_kind(c)
            if k in ("state", "nonstate"):
                return k
    if t.pos_ in ("NOUN", "PROPN") and t.n_lefts:
        phrase = " ".join(x.lower_ for x in t.subtree if x.i <= t.i)
        for kind in ("nonstate", "state"):
            if any(w in phrase for w in load_lexicon()["actor_multi"][kind]):
                return kind
    if not ner:
        return None
    if t.ent_type_ == "GPE":
        return "state"  # "Somalia recaptures town", "Lebanon launched a campaign"
    if t.ent_type_ == "NORP" and t.tag_ in ("NNPS", "NNS"):
        return "civilian"  # "Palestinians", "young Algerians": people
    if t.ent_type_ == "NORP" and t.dep_ in ("nsubj", "pobj"):
        return "state"
    if t.ent_type_ == "ORG":
        return None if _civic_org(doc, t) else "nonstate"
    return None


# Words that make an organisation's name one that reports, campaigns, monitors, treats or
# administers: ACLED's actors are armed or state forces, crowds and civilians, never these
# ("the International Campaign to Ban Landmines", "the Observatory for Human Rights").
CIVIC_ORG_WORDS = {
    "campaign", "observatory", "watch", "monitor", "monitors", "agency", "news", "organisation", "organization",
    "ministry", "commission", "institute", "foundation", "fund", "programme", "program", "federation", "network",
    "society", "association", "centre", "center", "bank", "university", "hospital", "company", "radio", "television",
    "tv", "press", "amnesty", "rights", "crescent", "cross", "tribunal", "court", "unicef", "unhcr", "doctors",
}


def _civic_org(doc: Doc, t: Token) -> bool:
    """Is the ORG entity at ``t`` named as a civic body: a civic word in its name, or a name that
    states a purpose ("Committee to Protect Journalists", "Campaign to Ban Landmines")?"""
    ent = next((e for e in extensions.doc_ents(doc) if e.start <= t.i < e.end), None)
    if ent is None:
        return False
    words = [x.lower_ for x in ent]
    if any(w in CIVIC_ORG_WORDS for w in words):
        return True
    return any(x.lower_ == "to" and x.i + 1 < ent.end and doc[x.i + 1].tag_ == "VB" for x in ent)


def kinds(doc: Doc, toks: list[Token]) -> set:
    return {k for k in (kind_of(doc, t) for t in toks) if k}


def has_place_object(t: Token, lex: dict) -> bool:
    pl = lex["place_nouns"]

    def placey(x: Token) -> bool:
        return lem(x) in pl or x.lower_ in pl or x.ent_type_ in ("GPE", "LOC", "FAC")

    objs: list[Token] = []
    direct = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    # "weapons were seized in the town": the town is where, the weapons are what was taken
    thing_taken = any(not placey(o) and o.pos_ in ("NOUN", "PROPN") and lem(o) not in ("part", "parts", "most", "much", "control", "area", "areas", "section", "half", "ground")
                      for o in with_conj(direct))
    for c in t.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            objs.append(c)
        if c.dep_ == "prep" and c.lower_ in (("of", "over") if thing_taken else ("of", "over", "in", "on", "into", "from", "through")):
            objs.extend(g for g in c.children if g.dep_ == "pobj")
        if c.dep_ == "prt":
            for cc in c.children:
                if cc.dep_ == "pobj":
                    objs.append(cc)
    if t.dep_ in ("acl", "relcl") or (t.dep_ == "amod" and t.tag_ == "VBN"):
        objs.append(t.head)
    # "the town fell to X": the subject is the place
    if t.lower_ in ("fell", "fall", "fallen", "falls"):
        objs.extend(c for c in t.children if c.dep_ == "nsubj")
    if t.dep_ == "compound":  # "seizure" in "town seizure"
        objs.append(t.head)
    # "captured part of a stronghold", "took control of the town", "regained control of parts of the town"
    share = ("part", "parts", "most", "much", "control", "area", "areas", "section", "half")
    frontier = list(objs)
    for _ in range(3):
        frontier = [g for o in frontier if lem(o) in share for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
        objs += frontier
    for o in with_conj(objs):
        if placey(o):
            return True
        if o.pos_ == "PRON" and o.lower_ in ("it",):
            return True
        # "gained ground", "ground was regained": ground won or lost in fighting
        if lem(o) == "ground" and lem(t) in ("gain", "regain", "capture", "seize", "retake", "recapture", "take", "win", "lose"):
            return True
    return False


def weapon_used(t: Token) -> bool:
    if t.pos_ == "VERB" or lem(t) in ("shelling", "bombardment", "barrage", "bombard", "shell") and t.tag_.startswith("VB"):
        return True
    if lem(t) in ("shelling", "bombardment"):
        return True
    if t.dep_ in ("compound", "amod"):
        # "fired mortar rounds" is use; "missile launchers" is not
        if lem(t.head) in ("round", "shell", "fire", "strike", "barrage", "salvo", "volley") and t.head.head.pos_ in ("VERB", "AUX") and lem(t.head.head) in FIRE_VERBS:
            return True
        return False
    cur = t
    for c in t.children:
        if c.dep_ == "compound" and lem(c) in ("launcher",):
            return False
    for _ in range(3):
        h = cur.head
        if h.i == cur.i:
            break
        if h.pos_ in ("VERB", "AUX") and lem(h) in FIRE_VERBS:
            return True
        if h.pos_ == "ADP" and h.lower_ in ("by", "with", "from"):
            cur = h
            continue
        if h.pos_ == "ADP" and h.lower_ == "of" and (lem(h.head) in THROUGH_NOUNS or h.head.pos_ == "NUM"):
            cur = h.head  # "fired a number of missiles", "a barrage of rockets"
            continue
        if cur.dep_ == "conj":
            cur = h
            continue
        break
    return False


def objects_of(t: Token) -> list[Token]:
    objs = []
    for c in t.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr"):
            objs.append(c)
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "over", "to", "at", "with"):
            objs.extend(g for g in c.children if g.dep_ == "pobj")
    if t.dep_ in ("acl", "amod") and t.tag_ == "VBN":
        objs.append(t.head)  # "a stash of rifles found near the dam"
    objs = with_conj(objs)
    for o in list(objs):
        if lem(o) in THROUGH_NOUNS or o.lower_ in THROUGH_NOUNS or o.pos_ == "NUM":
            objs.extend(with_conj([g for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]))
    more = []
    for o in objs:
        more.extend(c for c in o.children if c.dep_ == "compound")
    return objs + more


def _holds_other(o: Token, want: set[str]) -> bool:
    """``o`` is a container or measure ("a haul of", "a cache of", "two tonnes of") whose contents the
    text names as one plain substance that is none of ``want``: "a haul of cannabis" is no cache of
    arms.  Contents told in the plural, by name or with a number ("a cache of AK-47s") leave the
    container's word to decide, as before."""
    if not (lem(o) in THROUGH_NOUNS or o.lower_ in THROUGH_NOUNS):
        return False
    contents = [g for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    contents = with_conj(contents)
    if not contents or any(lem(g) in want or g.lower_ in want for g in contents):
        return False
    # (a lower-case word the tagger calls a proper noun, "marijuana", is still a common one)
    return all(g.pos_ in ("NOUN", "PROPN") and g.tag_ not in ("NNS", "NNPS") and g.is_lower
               and not any(ch.like_num for ch in g.subtree) for g in contents)


def _modifies_target(o: Token, lex: dict) -> bool:
    """``o`` only modifies a physical target: "attacked government positions" hit positions (the
    government's), unlike "attacked the government" (words); a compound is no object of its own there."""
    if o.dep_ != "compound":
        return False
    h = lem(o.head)
    return h in lex["place_nouns"] or h in MILITARY_MOVERS or h in ARMED_BODIES or o.head.lower_ in MILITARY_MOVERS


def armed_party(doc: Doc, t: Token) -> bool:
    if t.pos_ in ("VERB", "AUX"):
        # the movers themselves: "militants began to evacuate", "buses carried the fighters"
        toks = [*agents(t), *patients(t)]
        toks += [g for x in list(toks) for c in x.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        toks += [c for x in list(toks) for c in x.children if c.dep_ in ("compound", "amod")]
        toks = with_conj(toks)
        return any(kind_of(doc, x, ner=False) in ("state", "nonstate") for x in toks if x.pos_ in ("NOUN", "PROPN"))
    head = clause_head(t)
    toks = list(head.subtree) if head is not None else list(t.sent)
    for x in toks:
        k = kind_of(doc, x, ner=False) if x.pos_ in ("NOUN", "PROPN") else None
        if k in ("state", "nonstate"):
            return True
    return False


def _burst_things(t: Token) -> list[Token]:
    """What an explosion trigger says burst: the subject of "exploded", the modifiers and the
    "of"/"at"/"in" object of "an explosion" ("a gas explosion", "an explosion at the plant")."""
    out: list[Token] = []
    if t.pos_ in ("VERB", "AUX"):
        out = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        out = [c for c in t.children if c.dep_ in ("compound", "amod", "nmod")]
        out += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "in", "inside", "on") for g in c.children if g.dep_ == "pobj"]
        if t.dep_ in ("nsubj",) and t.head.pos_ in ("VERB", "AUX"):
            out += [g for c in t.head.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "inside", "through") for g in c.children if g.dep_ == "pobj"]
    out = with_conj(out)
    out += [c for o in list(out) for c in o.children if c.dep_ in ("compound", "amod")]
    return out


def accidental_burst(doc: Doc, t: Token) -> bool:
    """An explosion of a plant, a tank, a gas container or fireworks: an accident, no device.
    A definite "the explosion" in an article that already told such an accident is the same one."""
    things = _burst_things(t)
    words = {lem(x) for x in things} | {x.lower_ for x in things}
    if words & DEVICE_WORDS:
        return False
    seg = {lem(x) for x in t.sent} | {x.lower_ for x in t.sent}
    if words & ACCIDENT_BURSTS:
        doc.user_data.setdefault("_ew_accidents", set()).add(t.sent.start)
        return True
    if doc.user_data.get("_ew_accidents") and not (seg & DEVICE_WORDS) and any(
            d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in t.children):
        doc.user_data["_ew_accidents"].add(t.sent.start)
        return True
    return False


# things that go wrong by themselves: a death they cause is an accident
ROAD_VEHICLES = {"truck", "lorry", "car", "bus", "vehicle", "van", "minibus", "taxi", "motorcycle", "motorbike", "train",
                 "tanker", "jeep", "pickup", "suv", "tractor", "trailer", "convoy"}
GUNFIRE_WORDS = {"shoot", "shot", "gun", "gunman", "gunmen", "gunfire", "gunshot", "firearm", "pistol", "rifle", "bullet"}
RAMMING = {"ram", "plough", "plow", "mow", "deliberately", "attack", "attacker", "terror", "terrorist"}
MISHAP_VERBS = {"collapse", "capsize", "crash", "sink", "derail", "plunge", "overturn", "topple", "cave", "skid", "veer",
                "swerve", "flip", "leak", "erupt", "collide"}


def _has_agent(v: Token) -> bool:
    """A mishap verb made someone's act: "the militants collapsed the tunnel", "was sunk by a mine"."""
    return any(c.dep_ in ("dobj", "agent") for c in v.children)


# nouns that name violence itself, beside the lexicon's triggers of a violent family
VIOLENCE_NOUNS = GUN_WORDS | {"violence", "unrest", "gunbattle", "firefight", "exchange"}


def _violent_subject(v: Token) -> bool:
    """A mishap verb whose subject names violence is no mishap: "when gunfire erupted", "after fighting broke out"."""
    words = load_lexicon()["words"]
    for s in (c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")):
        for x in with_conj([s]):
            if lem(x) in VIOLENCE_NOUNS or x.lower_ in VIOLENCE_NOUNS:
                return True
            # (a noun that is violence only under some verbs, "struck a mine", is none under others: "a mine collapsed")
            if x.pos_ == "NOUN" and any(e.get("family") in VIOLENT_FAMILIES and e.get("role") != "effect"
                                        and lem(v) in (e.get("needs") or {}).get("governed_by", [lem(v)])
                                        for e in words.get(lem(x), []) + words.get(x.lower_, [])):
                return True
    return False


def named_hazard(a: Token) -> bool:
    """A hazard named as storms are: "Cyclone Freddy", "Hurricane Ian" (the common noun as the name's title)."""
    return a.pos_ == "PROPN" and any(
        c.dep_ == "compound" and lem(c) in DISASTER_CAUSES and lem(c) not in ("fire", "crash", "accident") for c in a.children)


def nonviolent_cause(doc: Doc, t: Token, agents_: list[Token]) -> bool:
    """A death or injury whose cause is nobody's act: "the quake killed", "killed when a plant exploded"."""
    # "a wildfire that destroyed 200 homes": the relative pronoun stands for the noun the clause hangs on
    if t.dep_ == "relcl":
        agents_ = [t.head if a.lower_ in ("that", "which") else a for a in agents_]
    if any(named_hazard(a) for a in agents_):
        return True
    # "a police truck ran over and killed a cyclist", "was knocked down and killed by an army vehicle": a
    # road death, the vehicle its doer (a vehicle rammed or driven into people is someone's act: left alone)
    # (a story that tells of gunfire is left alone: a chase or a drive-by, no plain road death)
    if any(lem(a) in ROAD_VEHICLES for a in agents_) and not any(
            lem(x) in RAMMING for v in (t, *t.conjuncts) for x in v.subtree) and not any(
            lem(x) in GUNFIRE_WORDS or x.lower_ in GUNFIRE_WORDS for x in doc):
        return True
    # ("returned fire, killing one": fire is a disaster only as the killer itself)
    if any((lem(a) in DISASTER_CAUSES or lem(a) in ACCIDENT_BURSTS) and not (lem(a) == "fire" and a.dep_ != "nsubj") for a in agents_):
        return True
    # "Floods triggered by heavy rains killed 25": the parser hangs the verb on the cause as a
    # participle; a participle on a disaster noun with victims of its own is that disaster's doing
    if t.dep_ == "acl" and lem(t.head) in DISASTER_CAUSES and lem(t.head) != "fire" and any(
            c.dep_ in ("dobj", "advmod", "npadvmod") or c.pos_ == "NUM" for c in t.subtree if c.i != t.i):
        return True
    sent = t.sent
    if sent.start in doc.user_data.get("_ew_accidents", set()):
        return True
    if any(lem(x) in ("explode", "explosion", "blast", "blow", "burst") and accidental_burst(doc, x) for x in sent):
        return True
    # "when the building collapsed", "in a fire": the cause named in the clause or a phrase of the effect
    # (the clause may hang on a coordinated predicate: "14 were killed and three are missing after landslides
    # buried houses" tells one cause for both)
    for c in [c for v in (t, *t.conjuncts) for c in v.children]:
        if c.dep_ == "advcl" and any(lem(x) in DISASTER_CAUSES for x in c.children if x.dep_ in ("nsubj", "nsubjpass")):
            return True
        # "killed when a mine collapsed", "died when the ferry capsized": a mishap, nobody's act
        if c.dep_ == "advcl" and lem(c) in MISHAP_VERBS and not _has_agent(c) and not _violent_subject(c):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "by", "from", "after") and any(lem(g) in DISASTER_CAUSES or named_hazard(g) for g in c.children if g.dep_ == "pobj"):
            return True
    # "a bus plunged into a ravine, killing 17", "the roof caved in, killing eight": the effect of a mishap
    if t.dep_ in ("advcl", "conj", "xcomp") and lem(t.head) in MISHAP_VERBS and not _has_agent(t.head) and not _violent_subject(t.head):
        return True
    return False


def _own_object(v: Token, t: Token) -> bool:
    """``v`` has a direct object that is not ``t`` (nor holds it): "opened fire" governs the fire."""
    return any(c.dep_ == "dobj" and t not in c.subtree for c in v.children)


# who strikes tells which strike: workers walk out, weapons and armed forces hit something
STRIKERS = {"worker", "union", "employee", "teacher", "doctor", "nurse", "driver", "staff", "miner", "trader",
            "labourer", "laborer", "pilot", "lecturer", "docker", "trucker", "transporter", "unionist", "striker"}
STRIKING_WEAPONS = {"drone", "uav", "missile", "rocket", "shell", "mortar", "bomb", "aircraft", "airstrike", "jet",
                    "warplane", "plane", "helicopter", "gunship", "bomber", "artillery", "projectile", "munition",
                    "warship", "howitzer"}


def strike_sense(doc: Doc, t: Token) -> str | None:
    """"labour" or "attack" for "strike" read from its arguments, None when they do not tell:
    "Russian drones struck port infrastructure" (a weapon or an armed party striking something) is an
    attack whoever the victims were; "dock workers struck for a third day", "went on strike",
    "a general strike" are a walkout."""
    if lem(t) != "strike":
        return None
    if t.pos_ == "VERB":
        if is_passive(t):
            doers = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        else:
            doers = subject_of(t)
        for d in with_conj(doers):
            if lem(d) in STRIKERS or d.lower_ in STRIKERS:
                return "labour"
            if lem(d) in STRIKING_WEAPONS or kind_of(doc, d) in ("state", "nonstate"):
                return "attack"
        return None
    mods = {lem(c) for c in t.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & {"air", "drone", "missile", "rocket", "artillery", "aerial", "precision", "military"}:
        return "attack"
    if mods & {"general", "hunger", "labour", "labor", "nationwide", "wildcat", "sympathy", "teacher", "worker"}:
        return "labour"
    if t.dep_ == "pobj" and t.head.lower_ == "on" and lem(t.head.head) in ("go", "be", "remain", "stay", "come"):
        return "labour"
    return None


STATE_STRIKERS = {"coalition", "government", "regime", "army", "military", "nato"}


def state_strikes(doc: Doc, t: Token, lex: dict) -> bool:
    """"Israeli strikes killed 20", "US strikes on militia bases": the noun "strike" owned by a state
    (a nationality, a country, a coalition) that hits someone or somewhere is a strike by its air
    force or missiles, whatever else the sentence says; "French strikes paralysed the railways" hits
    nothing and stays a walkout."""
    if lem(t) != "strike" or t.pos_ != "NOUN":
        return False
    if not any(c.dep_ in ("amod", "compound", "nmod", "poss") and (c.ent_type_ in ("NORP", "GPE") or lem(c) in STATE_STRIKERS)
               for c in t.children):
        return False
    if t.dep_ == "nsubj" and (lem(t.head) in FIRE_VERBS or lem(t.head) in KILL_LEMMAS or lem(t.head) in ("leave", "flatten", "raze")):
        return True
    pl = lex["place_nouns"]
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against", "in", "near", "across") and any(
        g.ent_type_ in ("GPE", "LOC", "FAC") or lem(g) in pl or kind_of(doc, g) in ("state", "nonstate")
        for g in c.children if g.dep_ == "pobj") for c in t.children)


# counted as many though no figure is given: "dozens of rifles", "several grenades"
MANY_WORDS = {"dozens", "hundreds", "several"}


def _count(t: Token) -> int:
    """The number a noun is counted with ("seven revolvers", "85 rounds"): 0 when none."""
    for c in t.children:
        if c.dep_ == "nummod":
            if c.lower_ in MANY_WORDS:
                return 3
            return word_number(c.lower_) or 0
    return 0


def weapons_in_number(t: Token, weapons: set) -> bool:
    """What was seized is weapons in number, an armoury rather than one piece of evidence: several
    kinds of weapon ("seven revolvers, a rifle and a carbine") or one kind counted in threes or more."""
    found = [o for o in objects_of(t) if lem(o) in weapons or o.lower_ in weapons]
    return len({lem(o) for o in found}) >= 2 or any(_count(o) >= 3 for o in found)


# where a quarrel is held: "clashed during a televised debate", "attacked the plan in an interview"
# (not "post" or "assembly": "clashes at the border post" are a fight at a place)
SPEECH_SETTINGS = {"debate", "interview", "speech", "hearing", "broadcast", "podcast", "column", "editorial", "op-ed",
                   "tweet", "programme", "program", "letter", "radio", "television", "tv", "twitter", "session",
                   "parliament", "senate", "congress", "conference", "panel"}
SPEECH_MEDIA = {"twitter", "radio", "television", "tv", "show", "programme", "program", "broadcast", "podcast", "x", "facebook"}
# what a quarrel is about: "clashed over tax policy", "an attack on the budget"
MATTER_PREPS = {"over", "about"}
# force or harm told in the sentence: then the clash or attack is physical
HARM_WORDS = ["kill", "killed", "dead", "death", "die", "wound", "wounded", "injure", "injured", "hurt", "hospital",
              "gun", "gunfire", "gunmen", "gunman", "weapon", "knife", "machete", "stone", "rock", "shoot", "shot",
              "bomb", "blast", "stab", "beaten", "blood", "bloody", "arrest", "tear gas", "teargas", "armed",
              "troops", "soldier", "police", "militant", "rebel", "fighter", "militia", "violence", "violent", "riot"]
SCORE_RE = re.compile(r"^\d{1,2}[-–]\d{1,2}$")


def _match_score(sent: Span) -> bool:
    """A game's score in the sentence: "3-1", "2 - 2" (a number, a dash, a number, both small)."""
    toks = list(sent)
    for i, x in enumerate(toks):
        if SCORE_RE.match(x.text):
            return True
        if x.text.isdigit() and len(x.text) <= 2 and i + 2 < len(toks) and toks[i + 1].text in ("-", "–") and toks[i + 2].text.isdigit() and len(toks[i + 2].text) <= 2:
            return True
    return False


def spoken_sense(doc: Doc, t: Token) -> bool:
    """A clash or an attack in words or in a game, no force: "the candidates clashed over taxes during a
    debate", "launched a blistering attack on the budget", "Lyon attacked and won 3-1".  ACLED's armed
    clash is organised armed groups fighting, its attack armed or physical force, so the reading needs
    none of the parties to be armed, state, protesting or rioting and no force or harm told in the
    sentence, and then a place of speech, a matter quarrelled over, or a match score."""
    sent = t.sent
    lemmas = {lem(x) for x in sent} | {x.lower_ for x in sent}
    text = " " + " ".join(x.lower_ for x in sent) + " "
    if ctx_has(HARM_WORDS, lemmas, text):
        return False
    gv = governor_verb(t) if t.pos_ in ("NOUN", "PROPN") else None
    hosts = [t] + ([gv] if gv is not None and t.dep_ in ("dobj", "nsubj", "nsubjpass") else [])
    parties = list(agents(t))
    for h in hosts:
        parties.extend(subject_of(h) if h.pos_ in ("VERB", "AUX") else [])
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between", "against"):
                parties.extend(with_conj([g for g in c.children if g.dep_ == "pobj"]))
            if c.dep_ == "dobj" and h.i == t.i:
                parties.extend(with_conj([c]))
    pk = {kind_of(doc, p, ner=False) for p in parties}
    if pk & {"state", "nonstate", "protester", "rioter"}:
        return False
    if _match_score(sent):
        return True  # a match report: "beat Nantes 3-1"
    own = [c for h in hosts for c in h.children if c.dep_ == "prep"]
    # the place of speech may hang lower: "an attack on the budget in parliament"
    for c in own + [x for x in t.subtree if x.dep_ == "prep" and x not in own]:
        objs = [g for g in c.children if g.dep_ == "pobj"]
        # ("on" only for a medium: "an attack on parliament" is on the building)
        where = SPEECH_SETTINGS if c.lower_ in ("during", "in", "at") else SPEECH_MEDIA if c.lower_ == "on" else ()
        if any(lem(g) in where or g.lower_ in where for g in objs):
            return True
        # a matter, not a party or a ground: "clashed over tax policy" (not "over the border post");
        # villagers or herders who clash over something fight for it
        if c in own and c.lower_ in MATTER_PREPS and objs and "civilian" not in pk and not any(
                g.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "NORP") or kind_of(doc, g, ner=False) or lem(g) in load_lexicon()["place_nouns"]
                for g in objs):
            return True
    return False


def to_death(t: Token) -> bool:
    """"beat four men to death", "were stoned to death": the verb's own "to death" phrase."""
    return t.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(x.lower_ == "death" for x in c.children) for c in t.children)


# what is "set on fire" only in a figure of speech, and people set alight (self-immolation is a protest)
FIGURATIVE_FIRES = {"fire", "ablaze", "alight", "internet", "media", "world", "stage", "imagination", "debate", "dancefloor",
                    "record", "screen", "pitch", "field", "league", "crowd", "audience", "heart", "hearts", "mood", "tone"}


def _burnt_thing(t: Token) -> bool:
    """"set fire to a bus depot", "set eleven trucks ablaze": some thing (not a person, not a figure of speech) burnt."""
    # what was set alight: the object, the passive subject, or what fire was set to (not "with 20 goals")
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    objs += [g for o in objs if lem(o) in THROUGH_NOUNS or o.pos_ == "NUM"
             for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for o in with_conj(objs):
        if o.pos_ not in ("NOUN", "PROPN") or o.ent_type_ in ("PERSON", "NORP") or lem(o) in FIGURATIVE_FIRES or o.lower_ in FIGURATIVE_FIRES:
            continue
        if lem(o) in PEOPLE_WORDS or lem(o) in ("man", "woman", "child", "boy", "girl", "himself", "herself", "themselves"):
            continue
        return True
    return False


HURT_WORDS = {"wounded", "injured", "hurt", "sick", "casualty", "casualties", "injury", "wound"}
CARE_PLACES = {"hospital", "clinic", "infirmary", "medical", "treatment", "care"}


def moves_the_hurt(t: Token) -> bool:
    """The wounded or sick carried to care ("wounded soldiers were evacuated to the capital", "the
    evacuation of the injured to a hospital"): people moved, no ground given up."""
    moved = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    moved += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if t.dep_ in ("acl", "relcl") and t.tag_ == "VBN":
        moved.append(t.head)
    for m in with_conj(moved):
        if lem(m) in HURT_WORDS or m.lower_ in HURT_WORDS or any(
                a.dep_ in ("amod", "compound") and (a.lower_ in HURT_WORDS or lem(a) in HURT_WORDS) for a in m.children):
            return True
    # carried "to a hospital", "for treatment"
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "for") and any(
                lem(x) in CARE_PLACES for g in c.children if g.dep_ == "pobj" for x in g.subtree):
            return True
    return False


def needs_ok(doc: Doc, c: Cand, lex: dict, ctx: tuple[set, str]) -> bool:
    t = c.tok
    needs = c.entry["needs"]
    lemmas, text = ctx
    if needs.get("object_place") and not has_place_object(t, lex):
        return False
    if needs.get("not_hurt_moved") and moves_the_hurt(t):
        return False
    if needs.get("to_death") and not to_death(t):
        return False
    if needs.get("set_alight") and not any(
            c.lower_ in ("ablaze", "alight") or c.dep_ == "prep" and c.lower_ == "on" and any(x.lower_ == "fire" for x in c.children)
            for c in t.children):
        return False
    if needs.get("object_thing") and not _burnt_thing(t):
        return False
    if needs.get("not_beside_object"):
        # "set fire to a police post", "built a wall around the base": the verb acts on its own object;
        # the noun behind a preposition is only where it acted, not what it set up
        gv = governor_verb(t)
        if gv is not None and t.dep_ == "pobj" and _own_object(gv, t):
            return False
    if "context_any" in needs and not ctx_has(needs["context_any"], lemmas, text) and not (
            "doc_context_any" in needs and ctx_has(needs["doc_context_any"], *doc_context(doc))
            or needs.get("strike_sense") == "attack" and state_strikes(doc, t, lex)
            or needs.get("or_weapons_in_number") and weapons_in_number(t, {w.lower() for w in needs.get("object_any", ())})):
        return False
    sense = strike_sense(doc, t) if "strike_sense" in needs else None
    if sense is not None and sense != needs["strike_sense"]:
        return False
    # the arguments told the sense: words elsewhere in the sentence (the victims were dock workers) do not undo it
    if "not_context" in needs and ctx_has(needs["not_context"], lemmas, text) and sense is None:
        return False
    # a phrasal verb of another sense: "carried out the bombing" (performed it) is no carrying of anyone
    # (the parser tags some particles as adverbs: "took them back", "took 30 migrants aboard")
    # ("carried fighters out of the town": "out of" names a way, no particle)
    if "not_particle" in needs and any((c.dep_ == "prt" or c.dep_ == "advmod" and not any(r.lower_ == "of" for r in c.rights))
                                       and c.lower_ in needs["not_particle"]
                                       for c in t.children):
        return False
    if "object_any" in needs:
        want = {w.lower() for w in needs["object_any"]}
        objs = objects_of(t)
        if not any((lem(o) in want or o.lower_ in want) and not _holds_other(o, want) for o in objs):
            return False
    if "not_object_any" in needs:
        bad = {w.lower() for w in needs["not_object_any"]}
        if any(lem(o) in bad or o.lower_ in bad for o in objects_of(t) if not _modifies_target(o, lex)):
            return False
    if "governed_by" in needs:
        want = {w.lower() for w in needs["governed_by"]}
        gv = governor_verb(t)
        heads = []
        if gv is not None:
            heads.append(gv)
            # "set up and fortified a base" shares the object; "attacked the base and then
            # opened fire" does not: a conjunct verb with an object of its own governs that object
            heads.extend(x for x in gv.conjuncts if not _own_object(x, t))
            if gv.dep_ in ("xcomp", "conj", "advcl", "relcl", "acl") and not (gv.dep_ == "conj" and _own_object(gv.head, t)):
                heads.append(gv.head)
        heads.extend(x for x in t.children if x.dep_ == "acl")
        if t.pos_ == "VERB":
            heads.append(t)
        if not any(lem(h) in want or h.lower_ in want for h in heads):
            # a broken parse ("The bodies ... were handed over" with the noun as root):
            # a governing verb close behind the noun in the same sentence
            if gv is None or t.dep_ == "ROOT":
                near = [x for x in t.sent if t.i < x.i <= t.i + 14 and x.pos_ == "VERB" and not _own_object(x, t)]
                if not any(lem(x) in want for x in near):
                    return False
            else:
                return False
    if "not_agent_kind" in needs and kinds(doc, agents(t)) & set(needs["not_agent_kind"]):
        return False
    if "agent_kind" in needs and not (kinds(doc, agents(t)) & set(needs["agent_kind"])):
        return False
    if "patient_kind" in needs and not (kinds(doc, patients(t)) & set(needs["patient_kind"])):
        return False
    if needs.get("active") and is_passive(t):
        return False
    if needs.get("out_of_place"):
        outs = [c for c in t.children if c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ("out", "from", "back", "away")]
        grounds = [g for o in outs for g in (o.children if o.lower_ != "from" else o.children)]
        grounds = [g for g in grounds if g.dep_ == "pobj"] + [g for o in outs for p in o.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        grounds += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "out") for g in c.children if g.dep_ == "pobj"]
        pl = lex["place_nouns"] | {"pocket", "pockets", "remnant", "stronghold", "bastion", "hideout"}
        grounds += [g for x in list(grounds) for c in x.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not any(lem(g) in pl or g.ent_type_ in ("GPE", "LOC", "FAC") for g in grounds):
            return False
    if "not_modifier" in needs:
        bad = {w.lower() for w in needs["not_modifier"]}
        if any(c.dep_ in ("compound", "amod", "nmod") and (lem(c) in bad or c.lower_ in bad) for c in t.children):
            return False
        if t.i > 0 and (lem(t.nbor(-1)) in bad or t.nbor(-1).lower_ in bad):
            return False
    if needs.get("weapon_use") and not weapon_used(t):
        return False
    if needs.get("not_accident") and accidental_burst(doc, t):
        return False
    if needs.get("not_spoken") and spoken_sense(doc, t):
        return False
    if needs.get("object_armed"):
        objs = [o for o in objects_of(t) if o.dep_ != "compound" or o.head.dep_ in ("dobj", "nsubjpass")]
        if t.dep_ in ("acl", "relcl"):
            objs.append(t.head)

        def armed_body(o: Token) -> bool:
            if lem(o) in ARMED_BODIES or o.lower_ in ARMED_BODIES or o.lower_.rstrip("s") in ARMED_BODIES:
                return True
            if o.pos_ == "PROPN" and actor_span_at(doc, o) is not None and kind_of(doc, o) == "nonstate":
                return True  # a named armed group: "joined the Islamic State"
            if lem(o) in ("group", "organisation", "organization", "movement", "alliance", "coalition"):
                return any(lem(c) in ARMED_MODIFIERS for c in o.children if c.dep_ in ("amod", "compound")) or kind_of(doc, o) == "nonstate" and actor_span_at(doc, o) is not None or (
                    # an alliance that armed groups form is an armed alliance: "two rebel factions formed a coalition"
                    lem(o) in ("alliance", "coalition") and any(lem(a) in ARMED_BODIES or kind_of(doc, a) == "nonstate" for a in subject_of(t)))
            return False

        if not any(armed_body(o) for o in objs):
            return False
    if needs.get("protester_subject"):
        subj = subject_of(t) if not is_passive(t) else []
        subj = with_conj(subj)
        subj += [g for o in list(subj) if lem(o) in THROUGH_NOUNS or o.pos_ == "NUM" for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not any(lem(x) in CROWD_PEOPLE - {"crowd"} or x.lower_.rstrip("s") in CROWD_PEOPLE - {"crowd"} or lem(x) == "activist" for x in subj):
            # a crowd is a demonstration only where the sentence says what it wants
            if not (any(lem(x) == "crowd" for x in subj) and ctx_has(
                    ["demand", "slogan", "chant", "banner", "placard", "protest", "rally", "against", "denounce", "condemn"], lemmas, text)):
                return False
    if needs.get("not_crowd_leaving") and _crowd_leaving(doc, t):
        return False
    if needs.get("aimed_at_forces"):
        # "threw projectiles at police", "hurled stones at the soldiers"
        aims = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "toward", "towards") for g in c.children if g.dep_ == "pobj"]
        if not any(kind_of(doc, a) == "state" for a in with_conj(aims)):
            return False
    if needs.get("object_military"):
        objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        if t.dep_ in ("acl",) and t.tag_ == "VBN":
            objs.append(t.head)
        objs = with_conj(objs)
        objs += [g for o in list(objs) if lem(o) in THROUGH_NOUNS or o.pos_ == "NUM" for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not any(lem(o) in MILITARY_MOVERS or o.lower_ in MILITARY_MOVERS for o in objs):
            return False
        # moved somewhere: "to the border", "into the region", "near the town"
        # (the parser makes "sent fighters to the valley" a dative "to")
        if not any(c.dep_ in ("prep", "advmod", "dative") and c.lower_ in ("to", "into", "towards", "toward", "near", "along", "across", "onto") for c in t.children):
            return False
    if needs.get("located"):
        # set up somewhere ("camps in the hills", "positions along the canal"), not "positions on the new law"
        gv = governor_verb(t)
        hosts = [t] + ([gv] if gv is not None else [])
        pl = set(lex["place_nouns"]) | TERRAIN_NOUNS
        if not any(c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS and any(
                lem(g) in pl or g.lower_ in pl or g.ent_type_ in ("GPE", "LOC", "FAC") for g in c.children if g.dep_ == "pobj")
                for h in hosts for c in h.children):
            return False
    if "not_object_of" in needs:
        # "recovered two hand grenades", "a roadside bomb was defused": the weapon was taken out of use, not used
        bad = {w.lower() for w in needs["not_object_of"]}
        x = t.head if t.dep_ == "conj" else t
        if x.dep_ in ("dobj", "nsubjpass") and lem(x.head) in bad:
            return False
    if "object_of" in needs:
        # "moved its headquarters to X": the very object of the verb, not a place someone went to
        want = {w.lower() for w in needs["object_of"]}
        if not (t.dep_ in ("dobj", "nsubjpass") and lem(t.head) in want):
            return False
    if needs.get("made_into"):
        # "turned the school into a base": what a place was made into
        if not (t.dep_ == "pobj" and t.head.lower_ == "into" and lem(t.head.head) in ("turn", "convert", "transform", "make")):
            return False
    if needs.get("mover_subject"):
        subj = with_conj(subject_of(t))
        subj += [g for o in list(subj) if lem(o) in THROUGH_NOUNS or o.pos_ == "NUM" or lem(o) in ("batch", "contingent", "detachment")
                 for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not any(lem(o) in MILITARY_MOVERS or o.lower_ in MILITARY_MOVERS for o in subj):
            return False
    if needs.get("armed_party") and not armed_party(doc, t):
        return False
    if needs.get("march_protest"):
        l = lem(t)
        if l == "rally" and ctx_has(["stock", "share", "index", "investor", "dollar", "currency", "bond", "earnings", "price", "nasdaq", "dow"], lemmas, text):
            return False
        if l == "march" and t.ent_type_ == "DATE":
            return False
        if l == "march" and t.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.children):
            return False  # "marched the hostages into the bush": made others walk, no one protested
        if l in ("march", "rally", "vigil", "demonstrate", "demonstration"):
            # "cases demonstrate that...", "a demonstration of force": only people protesting
            if not ctx_has(["protester", "demonstrator", "protest", "crowd", "thousands", "hundreds", "supporter", "opposition", "activist", "anti-government", "slogan", "banner", "demand", "marcher", "participant", "people", "student", "resident", "against", "organiser", "organizer", "rally" if l != "rally" else "protest", "march" if l != "march" else "protest"], lemmas, text):
                return False
            if t.pos_ == "VERB" and kinds(doc, subject_of(t)) & {"state", "nonstate"}:
                return False
            if l == "demonstrate" and any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in t.children):
                return False  # "the cases demonstrate that ...", "demonstrated its resolve"
        if l == "protest" and t.pos_ == "VERB" and any(
                lem(x) in STATEMENT_MAKERS and not any(c.dep_ in ("compound", "amod") and lem(c) in ("student", "worker", "youth")
                                                   for c in x.children)
                for x in [*subject_of(t), *([t.head] if t.dep_ in ("acl", "relcl") else [])]
                if not any(c.dep_ == "prep" and c.lower_ == "of" for c in x.children)):  # "a group of students"
            return False  # "the ministry protested the arrest", "a rights group protested that ...": a statement
    return True


# --------------------------------------------------------------------------- background


def _has_timex(doc: Doc, toks) -> str:
    idx = {t.i for t in toks}
    if not idx:
        return ""
    lo, hi = min(idx), max(idx)
    group = doc.spans["ew_timex"] if "ew_timex" in doc.spans else []
    for sp in group:
        if sp.start >= lo and sp.end - 1 <= hi and all(i in idx for i in range(sp.start, sp.end)):
            return sp.text
    for ent in extensions.doc_ents(doc):
        if ent.label_ in ("DATE", "TIME") and all(i in idx for i in range(ent.start, ent.end)):
            if ent.text.lower() in ("today", "now", "day", "the day"):
                continue
            return ent.text
    return ""


# a span of months or weeks, not a day: "in the first nine months of the year", "over the past two weeks",
# "so far this year", "since the start of the year"
PERIOD_RE = re.compile(
    r"\b(?:(?:first|past|last|previous|preceding)\s+(?:[\w-]+\s+)?(?:months|weeks|years)"
    r"|(?:the|over|during|in)\s+(?:past|last)\s+(?:year|twelve months|12 months)"
    r"|so far (?:this|in) (?:year|month)"
    r"|since the (?:start|beginning) of (?:the|this) year"
    r"|(?:first|second) (?:half|quarter) of (?:the|this|last) year)\b")


DAY_RE = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight)\b")


def _tally_period(v: Token) -> bool:
    """The clause of ``v`` (not a reporting clause or a clause of its own) spans a period."""
    skip: set[int] = set()
    for c in v.children:
        if c.dep_ in ("ccomp", "parataxis", "relcl", "advcl", "acl", "appos"):
            skip.update(x.i for x in c.subtree)
    words = " ".join(x.lower_ for x in v.subtree if x.i not in skip)
    # a clause that gives its own day tells one happening ("killed two on Monday, the third in two weeks")
    return bool(PERIOD_RE.search(words)) and not DAY_RE.search(words)


def is_headline(sent: Span) -> bool:
    txt = span_text(sent).strip()
    if not txt:
        return False
    if txt[-1] in ".?!\"'”’":
        return False
    return len(sent) <= 25


# what ends or breaks a deal, as noun or verb ("a breach of the truce", "violated the ceasefire")
DEAL_BROKEN = {"breach", "violation", "violate", "break", "end", "collapse", "breakdown", "expiry", "expire", "abandon",
               "abandonment", "scrap", "suspend", "suspension", "abrogate", "abrogation", "renounce", "repudiate", "termination",
               "terminate", "rupture", "infringement", "infringe", "flout", "undermine", "jeopardise", "jeopardize", "threaten"}
# places named only as many ("in several cities", "in many towns")
SPREAD_PLACES = {"city", "town", "village", "province", "region", "district", "state", "county", "country", "area",
                 "neighbourhood", "neighborhood", "part", "locality", "township"}
SPREAD_QUANT = {"several", "many", "various", "numerous", "multiple", "some", "other", "few", "dozens", "scores"}
# a base opened at a ceremony on a visit (see background_reason's purpose infinitives)
CEREMONY_VERBS = {"open", "inaugurate", "commission", "unveil"}
VISIT_VERBS = {"travel", "fly", "go", "come", "visit", "arrive", "head", "journey", "return"}
# a deal that holds, lasts or survives is a standing deal: its state told, no deal reached that day
DEAL_STANDING = {"hold", "last", "endure", "survive", "persist", "remain", "stay", "stand"}
RAISING_VERBS = {"appear", "seem", "continue", "look"}
TALK_VERBS = {"talk", "negotiate", "confer", "meet", "deliberate", "bargain"}
REMEMBRANCE_NOUNS = {"anniversary", "commemoration", "memory", "remembrance", "memorial", "centenary", "centennial", "jubilee"}


# spans of time long enough to hold many happenings ("months of fighting"); a day or an hour of it is one
LONG_SPANS = {"week", "month", "year", "decade", "century"}
# prepositions that set a happening as the backdrop of another clause's
BACKDROP_PREPS = {"after", "following", "since", "amid", "amidst", "despite", "throughout", "during"}


def _backdrop(doc: Doc, t: Token) -> str:
    """A happening named only as the backdrop of another clause ("reopened after months of fighting",
    "has been calm since a 2019 truce"): TAXONOMY's events are single happenings, and a span of weeks or
    years of one, or the point a state of affairs is counted from, tells none of its own ("" otherwise)."""
    # (a gerund the parser makes a verb under the preposition, "years of shelling", counts as the noun)
    if t.pos_ not in ("NOUN", "PROPN") and not (t.tag_ == "VBG" and t.dep_ == "pcomp"):
        return ""
    w = t
    while w.dep_ == "conj" and w.head.i != w.i:
        w = w.head
    if w.dep_ not in ("pobj", "pcomp"):
        return ""
    prep = w.head
    # "after months of fighting", "amid a week of arrests"; as the subject, "years of shelling wrecked
    # the houses": a span that long is many happenings told as one backdrop or tally
    if prep.lower_ == "of" and lem(prep.head) in LONG_SPANS and (
            prep.head.dep_ == "pobj" and prep.head.head.lower_ in BACKDROP_PREPS or prep.head.dep_ in ("nsubj", "nsubjpass")):
        return "backdrop (a span of time)"
    # "since a 2019 truce", "for the first time since the peace deal": the start of a state of affairs
    # (since a recent day, "since Monday's ambush", the happening is news)
    if prep.lower_ == "since" and not temporal.since_recent_day(doc, prep):
        return "backdrop (since)"
    return ""


def _characterised(t: Token) -> bool:
    """The trigger is the definite subject of "be" whose complement classes or ranks it ("the attack was
    the second such raid", "Thursday's shelling was among the deadliest"), or that complement itself."""
    # "among the deadliest attacks", "one of the worst massacres": the complement's own noun
    x = t
    while x.dep_ == "pobj" and x.head.lower_ in ("of", "among") and x.head.head.pos_ in ("NOUN", "NUM", "PRON", "AUX", "VERB"):
        if lem(x.head.head) == "be":
            x = x.head  # stands as the complement itself
            break
        x = x.head.head
    if x.i != t.i:
        if not (x.dep_ == "attr" or x.dep_ == "prep" and x.lower_ == "among"):
            return False
        t = x if x.dep_ == "attr" else t
        if t.dep_ != "attr":
            subj = [c for c in x.head.children if c.dep_ == "nsubj"]
            return bool(subj) and subj[0].pos_ == "NOUN" and any(d.dep_ in ("det", "poss") for d in subj[0].children)
    be = t.head
    if lem(be) != "be" or be.pos_ not in ("AUX", "VERB"):
        return False
    comp = [c for c in be.children if c.dep_ in ("attr", "acomp") or c.dep_ == "prep" and c.lower_ == "among"]
    if not comp:
        return False
    def definite(n: Token) -> bool:
        return n.pos_ == "NOUN" and any(
            d.dep_ in ("det", "poss") and (d.lower_ in ("the", "this", "that", "its", "their") or d.dep_ == "poss") for d in n.children)
    if t.dep_ == "nsubj":
        return definite(t)
    if t.dep_ == "attr":
        subj = [c for c in be.children if c.dep_ == "nsubj"]
        if subj and t.lower_ == "one" and (subj[0].pos_ == "PROPN" or subj[0].ent_type_ in ("GPE", "LOC", "FAC")):
            # "Hrodna was one of the centres of the protests": a named place ranked among several places
            # of a happening is that place's class, told as background, not the happening's report
            return True
        return bool(subj) and definite(subj[0]) and lem(subj[0]) != lem(t)
    return False


def _spread_unnamed(t: Token) -> bool:
    """``t`` (or the verb that carries it) happened "in several cities", "in many towns", "across the country"
    and its sentence names no place: a wave over places nobody names, which ACLED cannot code as one event
    at one place ("Riots broke out in several cities in 2019 after ...": a story's background)."""
    sent = t.sent
    if any(e.label_ in ("GPE", "LOC", "FAC") for e in extensions.span_ents(sent)):  # sent.ents builds every Span
        return False
    heads = [t]
    gv = governor_verb(t) if t.pos_ not in ("VERB", "AUX") else None
    if gv is not None and t.dep_ in ("nsubj", "nsubjpass"):
        heads.append(gv)
    for h in heads:
        for p in h.children:
            if p.dep_ != "prep" or p.lower_ not in ("in", "across", "throughout"):
                continue
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                if lem(o) in SPREAD_PLACES and o.tag_ == "NNS" and any(
                        d.dep_ in ("amod", "det", "nummod") and d.lower_ in SPREAD_QUANT for d in o.children):
                    return True
                if p.lower_ in ("across", "throughout") and lem(o) in ("country", "nation", "region"):
                    return True
    return False


def background_reason(doc: Doc, c: Cand, lex: dict, headline: bool) -> str:
    t = c.tok
    sent = t.sent
    if span_text(sent).strip().endswith("?"):
        return "question"
    # "The ambush was the third deadly incident on the road", "the bombing was among the deadliest":
    # a told happening characterised (ranked, counted, classed), no new happening
    if _characterised(t):
        return "characterisation"
    # "X claimed responsibility for the attack": a statement about a happening, not its report
    # ("those responsible for the shooting" names the perpetrators; it is no claim)
    for a in list(t.ancestors)[:4]:
        if (lem(a) in ("responsibility", "credit") and a.pos_ == "NOUN" and lem(a.head) in ("claim", "accept", "take", "admit", "assume")
                or lem(a) == "responsible" and a.dep_ == "acomp"):
            return "claim of responsibility"
    # a sexual crime someone is wanted or sought over is a warrant's grounds ("wanted over an alleged sexual
    # assault", "sought by police over the abuse of a girl"): a court matter, no event (charges are left
    # alone: CASE codes "charged with raping" as the crime's report)
    if c.family == "sexual":
        for a in list(t.ancestors)[:5]:
            if a.lower_ in ("wanted", "sought") and a.tag_ == "VBN" or lem(a) == "warrant":
                return "grounds of a warrant"
    # "arrested on charges of organising a protest", "suspected of throwing stones", "booked on suspicion of
    # aggravated assault": the grounds of a charge name an alleged crime, not a new happening
    # (a specific killing or bombing named as the grounds may be one the article reports: left to the
    # article's own sentences only for the generic words: assault, attack, raid)
    if c.family == "protest" or c.family == "violence" and c.role == "generic" and t.pos_ == "NOUN" and lem(t) in ("assault", "attack", "battery"):
        for a in list(t.ancestors)[:6]:
            if lem(a) in ("charge", "accusation", "suspicion", "allegation", "accuse", "convict", "sentence", "prosecute", "suspect") or (
                    a.dep_ == "prep" and a.lower_ == "for" and lem(a.head) in ("arrest", "detain", "jail", "imprison", "sentence", "charge", "convict", "fine", "punish", "prosecute")):
                return "grounds of a charge"
            # a list of charges the parser breaks up ("booked on suspicion of trespass, resisting an officer and
            # assault" hangs the last counts on the booking verb): the verb that holds people on stated grounds
            # governs every count of the list
            if lem(a) in CUSTODY_VERBS and any(
                    c.dep_ == "prep" and c.lower_ in ("on", "for") and any(lem(g) in GROUNDS_NOUNS for g in c.children if g.dep_ == "pobj")
                    for c in a.children):
                return "grounds of a charge"
    # "were due to meet for talks on a peace treaty", "held talks on a ceasefire deal": the subject of talks,
    # not an agreement reached (ACLED's Agreement is a deal agreed)
    if c.family == "agreement":
        x = t
        while x.dep_ in ("compound", "amod", "nmod") and x.head.i != x.i:
            x = x.head
        # (the matter may hang on the verb of the talking: "held talks in Doha on a prisoner exchange",
        # "negotiated for hours over a peace deal", "met to talk about a truce")
        talker = x.head.head if x.dep_ == "pobj" else None
        if talker is not None and talker.dep_ == "pobj" and lem(talker) in ("hour", "day", "week", "month", "night"):
            talker = talker.head.head  # "negotiated for hours over a deal": the span of time the parser hung it on
        if (talker is not None and x.head.lower_ in ("on", "about", "over", "for", "toward", "towards", "regarding")
                and (lem(talker) in TALK_NOUNS or lem(talker) in TALK_VERBS
                     or talker.pos_ == "VERB" and any(c.dep_ == "dobj" and lem(c) in TALK_NOUNS for c in talker.children))) \
                or (x.dep_ == "dobj" and lem(x.head) in ("discuss", "negotiate", "debate")):
            return "topic of talks"
        # "a clear breach of the truce", "declared the end of the ceasefire", "violated the accord": a deal
        # broken or ended is no deal made (ACLED's Agreement is one reached)
        # ("the truce collapsed" is left alone: CASE codes a deal's collapse as news of the deal)
        # (a deal named second, "a violation of its borders and of the ceasefire", "broke the pact and the
        # truce": the conjunct hangs on the first one, which hangs on the breaking word)
        while x.dep_ == "conj" and x.head.i != x.i:
            x = x.head
        of = x.head if x.dep_ == "pobj" else None
        while of is not None and of.dep_ == "conj" and of.head.lower_ == "of":
            of = of.head
        if (of is not None and of.lower_ == "of" and lem(of.head) in DEAL_BROKEN) or (
                x.dep_ in ("dobj", "nsubjpass") and lem(x.head) in DEAL_BROKEN):
            return "a deal broken or ended"
        # "the truce has largely held despite violations", "the ceasefire is still holding", "the accord has
        # survived": the deal is the subject of a verb of lasting with no object of its own (ACLED's Agreement
        # is a deal reached; "held talks" has an object and another subject)
        # ("the ceasefire appears to be holding", "the truce seemed to hold": the deal is the subject the
        # raising verb lends to its complement)
        lasting = [x.head] + [c for c in x.head.children if c.dep_ == "xcomp" and lem(x.head) in RAISING_VERBS]
        if x.dep_ == "nsubj" and any(lem(v) in DEAL_STANDING and not any(
                ch.dep_ in ("dobj", "attr", "acomp") for ch in v.children) for v in lasting):
            return "a deal standing"
    # "a test of a hydrogen bomb", "its missile programme": weapons held or tested, none used
    if t.dep_ == "pobj" and t.head.lower_ == "of" and lem(t.head.head) in (
            "test", "testing", "trial", "programme", "program", "development", "stockpile", "production", "possession", "arsenal"):
        return "weapons test or programme"
    # "days before the anniversary of the 2019 unrest", "a vigil in memory of the massacre": a past
    # happening remembered, the date of the remembering no date of its own
    w = t
    while w.dep_ == "pobj" and w.head.lower_ == "of" and w.head.head.pos_ in ("NOUN", "PROPN"):
        w = w.head.head
        if lem(w) in REMEMBRANCE_NOUNS:
            return "remembered"
    if _spread_unnamed(t):
        return "many places, none named"
    backdrop = _backdrop(doc, t)
    if backdrop:
        return backdrop
    chain = [t]
    gv = governor_verb(t) if t.pos_ not in ("VERB", "AUX") else None
    if gv is not None:
        chain.append(gv)
    # negation on the trigger or on the verb that carries it
    for x in chain:
        for ch in x.children:
            if ch.dep_ == "neg":
                return "negated"
            if ch.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                ch.lower_ in ("nobody", "none", "nothing") or any(d.lower_ == "no" and d.dep_ == "det" for d in ch.children)
            ):
                if x.i == t.i:
                    return "negated"
    if any(d.dep_ == "det" and d.lower_ == "no" for d in t.children):
        return "negated"
    # "handed over the base without a fight", "took the town without any fighting": what did not happen
    # ("without any exchange of fire": the phrase's head noun is what "without" takes)
    w = t
    while w.dep_ == "pobj" and w.head.lower_ == "of" and w.head.head.pos_ in ("NOUN", "PROPN"):
        w = w.head.head
    if w.pos_ in ("NOUN", "PROPN", "VERB") and w.dep_ in ("pobj", "pcomp") and w.head.lower_ == "without":
        return "negated"
    if gv is not None and lem(gv) in ("deny",) and False:
        return "denied"
    # verb the clause turns on
    v = t if t.pos_ in ("VERB", "AUX") else gv
    if v is not None:
        auxes = [ch for ch in v.children if ch.dep_ in ("aux", "auxpass")]
        aux_l = [lem(a) for a in auxes]
        # has been fighting since ...: ongoing
        if v.tag_ == "VBG" and "be" in aux_l and "have" in aux_l and not any(
                ch.lower_ == "since" and temporal.since_recent_day(doc, ch) for ch in v.children):
            return "ongoing (perfect progressive)"
        for ch in v.children:
            if ch.lower_ == "since" and ch.dep_ in ("prep", "mark") and not temporal.since_recent_day(doc, ch):
                return "ongoing (since)"  # (since a recent day: the happening, dated from that day)
        # "fighting has continued", "clashes persist": a state of affairs
        if t.pos_ in ("NOUN", "PROPN") and gv is not None and lem(gv) in ("continue", "persist", "rage", "drag", "go") and t.dep_ in ("nsubj",) and (
            gv.tag_ in ("VBZ", "VBP", "VBG") or "have" in aux_l
        ):
            return "ongoing (continues)"
        # "is battling to rebuild", "are fighting": a state of affairs
        # (forces being moved somewhere are the movement itself: "is sending troops to the border")
        if v.tag_ == "VBG" and any(a.lower_ in ("is", "are", "am", "'re", "'s") for a in auxes) and not (
                c.family == "group" and c.entry["needs"].get("object_military") or c.family == "base"):
            tx = _has_timex(doc, list(v.subtree)).lower()
            if not tx or any(w in tx for w in ("decade", "years", "months", "since")):
                return "ongoing (progressive)"
        # "troops fighting the jihadists": a participle that describes a noun
        if v.i == t.i and v.tag_ == "VBG" and v.dep_ == "acl" and not _has_timex(doc, list(v.subtree)):
            return "descriptive participle"
        # habitual adverbs anywhere up the clause
        x = v
        for _ in range(3):
            if any(ch.dep_ == "advmod" and ch.lower_ in lex["habitual"] for ch in x.children):
                return "habitual"
            if x.dep_ in ("xcomp", "conj") and x.head != x:
                x = x.head
            else:
                break
        # "have been known to carry out"
        if v.dep_ == "xcomp" and lem(v.head) in ("know", "tend", "use") and v.head.tag_ in ("VBN", "VBP", "VBZ"):
            return "habitual"
        # purpose infinitives: "entered the war to fight", "permission to march"
        if any(a.lower_ == "to" and a.tag_ == "TO" for a in auxes) and not (
            # "used tear gas to disperse the crowd", "used force to break up the rally": the means and the act are one
            c.family == "protest" and v.dep_ in ("advcl", "xcomp") and lem(v.head) in ("use", "fire", "deploy") and v.head.tag_ == "VBD"
        ) and not (
            # "hundreds gathered outside parliament to protest": the gathering is the protest
            c.family == "protest" and v.dep_ == "advcl" and v.head.pos_ == "VERB" and lem(v.head) not in PLAN_VERBS | DEMAND_WORDS
            and not any(ch.dep_ == "aux" and ch.lower_ in ("will", "would", "could", "may", "might") for ch in v.head.children)
        ) and not (
            # "the army chief travelled to Gao to open a new base", "flew to Diffa to inaugurate a camp": a
            # ceremony is what the finished journey was for and is told as held (an attack aimed at stays an aim)
            c.family == "base" and v.dep_ in ("advcl", "xcomp") and lem(v) in CEREMONY_VERBS and lem(v.head) in VISIT_VERBS
            and v.head.tag_ == "VBD"
        ):
            head_l = lem(v.head)
            if v.dep_ in ("advcl", "acl", "relcl", "ccomp", "npadvmod") or (v.dep_ == "xcomp" and head_l not in ASPECT_VERBS | PLAN_VERBS):
                if not (v.dep_ == "xcomp" and head_l in ASPECT_VERBS):
                    c.purpose = True
                    return "purpose"
        # present simple without auxiliary: generic / habitual unless a headline
        if v.tag_ in ("VBP", "VBZ") and not aux_l and not headline and v.i == t.i and not _past_twin(doc, v) and v.lower_ not in PAST_ONLY:
            subj = subject_of(v)
            if v.dep_ == "relcl" or any(s.tag_ == "NNS" and not any(d.dep_ in ("det", "nummod") for d in s.children) for s in subj):
                return "generic present"
        if v.tag_ in ("VBP", "VBZ") and not aux_l and not headline and gv is not None and v.i == gv.i and lem(v) in SUPPORT_VERBS:
            return "generic present"
        # "has killed thousands": a running total, not one happening
        if "have" in aux_l and c.role == "effect" and any(lem(x) in VAGUE_MANY or x.lower_ in VAGUE_MANY for p in patients(v) for x in [p, *p.children]):
            return "running total"
        # "were killed in mob attacks in the first nine months of the year", "over the past three weeks":
        # a count over a period is a tally of many happenings, none with its own day and place
        if _tally_period(v):
            return "tally over a period"
        # an abstract agent over a long span: "the war has killed thousands"
        subj = subject_of(v) if not is_passive(v) else []
        # "decades of civil war destroyed the roads", "months of air strikes flattened the old city": the
        # doer is a span of weeks or years, a summary of many happenings
        if subj and all(lem(s) in LONG_SPANS and s.tag_ in ("NNS", "NNPS") for s in subj):
            return "summary of a period"
        if subj and all(lem(s) in ABSTRACT_AGENTS for s in subj) and ("have" in aux_l or v.tag_ in ("VBP", "VBZ")):
            return "summary of a conflict"
        # "a rights group protested": a statement, not a demonstration
        if c.family == "protest" and t.pos_ == "VERB" and lem(t) in ("protest", "condemn"):
            subj = subject_of(t)
            if subj and all((lem(x) in ORG_SPEAKERS or x.ent_type_ in ("ORG", "GPE")) and x.tag_ not in ("NNS", "NNPS") for x in subj):
                return "statement of protest"
        # "attacks will continue until a ceasefire is signed": the condition of a future, not a report
        if v.dep_ == "advcl" and any(ch.dep_ == "mark" and ch.lower_ in ("until", "unless", "till") for ch in v.children) and any(
                ch.dep_ == "aux" and ch.lower_ in ("will", "would", "shall", "'ll", "wo", "could", "may", "might", "must", "should")
                for ch in v.head.children):
            return "condition of a future"
        # "demanded a truce", "called for the withdrawal", "rejected a proposal for a ceasefire":
        # asked for, not reported as happening
        x = t
        for _ in range(5):
            if x.head == x:
                break
            if x.dep_ in ("ccomp",) and lem(x.head) in lex["reporting"]:
                break
            x = x.head
            if lem(x) in DEMAND_WORDS and x.i != t.i:
                return "demanded, not reported"
            if x.pos_ in ("VERB", "AUX") and x.dep_ in ("ROOT",):
                break
    if t.pos_ in ("NOUN", "PROPN"):
        dets = [d for d in t.children if d.dep_ in ("det", "predet")]
        det_l = {d.lower_ for d in dets}
        amods = {lem(d) for d in t.children if d.dep_ == "amod"}
        num = any(d.dep_ == "nummod" for d in t.children) or any(d.lower_ in ("both",) for d in dets)
        if det_l & lex["generic_det"] and not num:
            return "generic determiner"
        if amods & GENERIC_AMODS and not num and "the" not in det_l:
            return "generic plural"
        counted = t.dep_ == "pobj" and t.head.lower_ == "of" and (lem(t.head.head) in THROUGH_NOUNS or t.head.head.pos_ == "NUM")
        if t.tag_ in ("NNS", "NNPS") and not num and not det_l and not counted and not any(d.dep_ == "poss" for d in t.children):
            # "carries out attacks", "kidnappings are common": a kind of happening;
            # "declared ceasefires on Sunday", "clashes erupted": happenings
            specific_verb = gv is not None and (
                gv.tag_ == "VBD" or (gv.tag_ == "VBN" and any(a.lower_ in ("was", "were") for a in gv.children if a.dep_ == "auxpass"))
            ) and not any(ch.dep_ == "advmod" and ch.lower_ in lex["habitual"] for ch in gv.children)
            if not specific_verb and c.family in ("protest", "base") and gv is not None and gv.tag_ == "VBN" and any(
                a.lower_ in ("have", "has") for a in gv.children if a.dep_ == "aux"
            ) and not any(ch.dep_ == "advmod" and ch.lower_ in lex["habitual"] for ch in gv.children):
                specific_verb = True  # "have staged rallies in the city", "have set up positions near the crossing"
            if not specific_verb and gv is not None and not any(ch.dep_ == "advmod" and ch.lower_ in lex["habitual"] for ch in gv.children):
                # "airstrikes have killed 12 people in the town on Monday": a dated report
                tx = _has_timex(doc, [x for x in gv.subtree]).lower()
                if tx and not any(w in tx for w in ("since", "years", "decade", "months", "weeks", "past", "recent", "daily", "every")):
                    specific_verb = True
            if not headline and not specific_verb and lem(t) not in ("remains", "ied", "ieds", "casualty"):
                return "bare plural"
        if t.dep_ == "pobj" and t.head.head is not None and lem(t.head.head) in SERIES_NOUNS and t.tag_ in ("NNS", "NNPS") and not (
                lem(t.head.head) == "number" and t.head.head.head.tag_ == "VBD"):  # "fired a number of missiles": one salvo
            return "series"
        if t.dep_ == "attr" and gv is not None and lem(gv) == "be" and not (
                # "there were scuffles": a happening; "there were two bombs" tells of weapons, not their use
                any(ch.dep_ == "expl" for ch in gv.children) and c.family in ("protest", "battle")):
            return "predicative"
        if lem(t) == "protest" and (gv is not None and lem(gv) in ("lodge", "file", "send", "issue", "deliver", "register", "voice", "summon")
                                    or amods & {"official", "formal", "diplomatic", "strong", "written"}):
            return "diplomatic protest"
        if lem(t) == "siege" and t.head.lower_ == "of" and lem(t.head.head) == "state":
            return "state of siege"
        if t.dep_ == "pobj" and t.head.lower_ == "to" and lem(t.head.head) in PLAN_NOUNS:
            c.purpose = True
            return "purpose"
        # "part of a deal", "under an agreement": the frame, not a new happening
        if t.dep_ == "pobj" and t.head.lower_ in ("of", "under") and lem(t.head.head) in ("part", "term", "framework", "condition"):
            return "frame"
        if t.dep_ == "pobj" and t.head.lower_ == "under" and c.family == "agreement":
            return "frame"
    return ""


# verbs whose past tense is spelt as their present ("villagers beat", "shells hit"): the tagger may read
# a plural subject's past as a present (English morphology, not a list of phrases)
PAST_TWINS = {"beat", "hit", "set", "cut", "shut", "put", "burst", "spread", "hurt", "let", "cast", "thrust", "shed", "split", "slit", "upset"}


# irregular past forms that are never a present tense, whatever tag the small model gives them
# ("Troops retook the town" tagged VBP is no generic present)
PAST_ONLY = {"retook", "overran", "overtook", "took", "shot", "fought", "struck", "drove", "blew", "threw", "fled", "stole",
             "broke", "withdrew", "overthrew", "began", "ran", "seized", "stormed", "captured", "recaptured", "killed"}


def _past_twin(doc: Doc, v: Token) -> bool:
    """"Villagers beat a man to death on Sunday": a verb of PAST_TWINS tagged present with a dated,
    non-recurring time in its own clause is the past tense."""
    if v.tag_ != "VBP" or v.lower_ not in PAST_TWINS:
        return False
    tx = _has_timex(doc, list(v.subtree)).lower()
    return bool(tx) and not any(w in tx for w in ("every", "daily", "each", "since", "years", "months", "weeks", "recent"))


# --------------------------------------------------------------------------- typing


def refine(doc: Doc, fam: str, keys: set, agent_k: set, patient_k: set, target_lemmas: set, ctx, lex, default: str | None = None,
           agent_lemmas: set = frozenset(), modifiers: set = frozenset(), entry_subs: set = frozenset()) -> tuple[str, str]:
    lemmas, text = ctx
    rules = lex["refine"].get(fam, [])
    for n, r in enumerate(rules):
        if "trigger_in" in r and not ({w.lower() for w in r["trigger_in"]} & keys):
            continue
        if "trigger_in2" in r and not ({w.lower() for w in r["trigger_in2"]} & keys):
            continue
        # the sub-type one of the happening's trigger entries names by its own words and needs
        if "entry_sub" in r and r["entry_sub"] not in entry_subs:
            continue
        if "context_any" in r and not ctx_has(r["context_any"], lemmas, text):
            continue
        if "context_any2" in r and not ctx_has(r["context_any2"], lemmas, text):
            continue
        if "not_context_any" in r and ctx_has(r["not_context_any"], lemmas, text):
            continue
        if "doc_any" in r and not ctx_has(r["doc_any"], *(doc_context(doc))):
            continue
        if "not_doc_any" in r and ctx_has(r["not_doc_any"], *(doc_context(doc))):
            continue
        if "agent_kind" in r and not (set(r["agent_kind"]) & agent_k):
            continue
        if "patient_kind" in r and not (set(r["patient_kind"]) & patient_k):
            continue
        if "not_agent_kind" in r and set(r["not_agent_kind"]) & agent_k:
            continue
        if "patient_only" in r and not (patient_k and patient_k <= set(r["patient_only"])):
            continue
        if "agent_any" in r and not ({w.lower() for w in r["agent_any"]} & agent_lemmas):
            continue
        if "modifier_any" in r and not ({w.lower() for w in r["modifier_any"]} & modifiers):
            continue
        if "target_place_any" in r and not ({w.lower() for w in r["target_place_any"]} & target_lemmas):
            continue
        return r["sub"], f"{fam}#{n}"
    return default or (rules[-1]["sub"] if rules else "Other"), f"{fam}#default"


def _anaphoric(doc: Doc, c: Cand, ag: list[Token]) -> bool:
    if c.own_time:
        return False
    t = c.tok
    if t.pos_ in ("NOUN", "PROPN"):
        dets = {d.lower_ for d in t.children if d.dep_ in ("det", "poss")}
        if dets & {"the", "this", "that", "its", "their", "his", "her"} or not ag:
            return True
        return False
    if not ag:
        return True
    for a in ag:
        if a.pos_ == "PRON":
            return True
        if any(d.dep_ == "det" and d.lower_ in ("the", "these", "those") for d in a.children) and lem(a) in (
            "attacker", "gunman", "gunmen", "assailant", "militant", "fighter", "group", "insurgent", "kidnapper", "abductor", "bomber", "jihadist",
        ):
            return True
    return False


@dataclass
class Happening:
    cand: Cand
    sub: str
    rule: str
    conf: float
    agent: list
    patient: list
    weak: bool


NAME_LABELS = {"ORG", "FAC", "LAW", "WORK_OF_ART", "PRODUCT"}
NAME_PREPS = {"for", "to", "of", "against", "on"}


def _title_cased(sent: Span) -> bool:
    """Most content words capitalised: a headline in title case, where capitals mark no name."""
    doc = sent.doc  # (flag arrays: no Token per word)
    alpha, length, ent = (extensions.doc_attr(doc, a) for a in (IS_ALPHA, LENGTH, ENT_TYPE))
    words = [i for i in range(sent.start + 1, sent.end) if alpha[i] and length[i] > 3 and not ent[i]]  # names are capitalised anyway
    title, upper = extensions.doc_attr(doc, IS_TITLE), extensions.doc_attr(doc, IS_UPPER)
    return bool(words) and sum(1 for i in words if title[i] or upper[i]) > 0.6 * len(words)


def name_tokens(sent: Span) -> set[int]:
    """Capitalised words inside the name of an organisation, a building, a law or a work: "the
    International Campaign to Ban Landmines", "the Movement for Democratic Change". A word there
    names the body, it reports no happening."""
    if _title_cased(sent):
        return set()
    out = set()
    for e in extensions.span_ents(sent):
        if e.label_ in NAME_LABELS and len(e) >= 2:
            # the cause a body is named for follows a preposition inside the name ("Campaign to Ban
            # Landmines", "Movement for Democratic Change", "Committee against Torture"); a headline
            # the tagger reads as one name ("Iraqi Army Recaptures Town") has none
            preps = [t.i for t in e if t.lower_ in NAME_PREPS and t.i > e.start]
            if preps:
                out.update(t.i for t in e if t.i > preps[0] and t.is_title)
    return out


def find_candidates(doc: Doc, sent: Span, lex: dict, matcher: "PhraseIndex") -> list[Cand]:
    ctx = sentence_context(sent)
    cands: dict[int, Cand] = {}
    names = name_tokens(sent)
    for i in names:
        cands[i] = None  # inside a name: no trigger
    # phrases first: they are the more specific reading
    for key, words, head, entry in matcher(doc, sent.start, sent.end):
        hi = words[min(int(head), len(words) - 1)]
        if hi in names:
            continue
        tok = doc[hi]
        if not _pos_ok(tok, entry["pos"]) and not _pos_ok(doc[words[-1]], entry["pos"]):
            continue
        c = Cand(tok, words[0], words[-1] + 1, entry, key)
        if not needs_ok(doc, c, lex, ctx):
            continue
        prev = cands.get(hi)
        if prev is None or (prev.end - prev.start) < (c.end - c.start):
            cands[hi] = c
        for i in words:
            if i != hi and i not in cands:
                cands[i] = None  # covered by the phrase
    lowers, lems = doc_lowers(doc), doc_lemmas(doc)
    words, forms = lex["words"], lex["forms"]
    for i in range(sent.start, sent.end):
        if i in cands:
            continue
        # Speed: most words are in neither lexicon; the Token is built only for one that is.
        if not (words.get(lems[i]) or words.get(lowers[i]) or forms.get(lowers[i])):
            continue
        t = doc[i]
        for key in (lem(t), t.lower_, "\x00" + t.lower_):
            entries = lex["words"].get(key) if not key.startswith("\x00") else lex["forms"].get(key[1:])
            if not entries:
                continue
            done = False
            for entry in entries:
                if not _pos_ok(t, entry["pos"]):
                    continue
                if entry["role"] == "effect" and lem(t) == "die" and t.pos_ != "VERB":
                    continue  # a headline's capitalised "Dies" read as a noun
                if t.dep_ == "amod" and (entry["role"] == "effect" or t.tag_ in ("VBN", "VBD", "JJ")):
                    continue  # "wounded fighters", "the Israeli-occupied West Bank", "a besieged town": a description
                if t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN") and lem(t.head) not in lex["words"] and lem(t.head) not in COMPOUND_OK_HEADS and t.head.i not in cands and not t.head.lower_.endswith("ing"):
                    continue  # "combat equipment", "missile launchers", "riot police"
                c = Cand(t, t.i, t.i + 1, entry, key)
                if needs_ok(doc, c, lex, ctx):
                    cands[t.i] = c
                    done = True
                    break
            if done:
                break
    out = [c for c in cands.values() if c is not None]
    # a trigger that only modifies another ("bomb attacks", "suicide bombing") joins it
    by_i = {}
    for c in out:
        for i in range(c.start, c.end):
            by_i[i] = c
    joined = []
    for c in sorted(out, key=lambda c: c.tok.i):
        h = c.tok.head
        if c.tok.dep_ in ("compound", "amod", "nmod") and h.i in by_i and by_i[h.i] is not c:
            host = by_i[h.i]
            if ROLE_RANK[c.role] < ROLE_RANK[host.role] or (ROLE_RANK[c.role] == ROLE_RANK[host.role] and c.family == host.family and c.entry["conf"] > host.entry["conf"]):
                # the modifier names the happening: it takes the host's place in the tree
                new = Cand(host.tok, min(c.start, host.start), max(c.end, host.end), c.entry, c.key, [host])
                new.members.extend(host.members)
                host.members = []
                by_i[h.i] = new
                for i in range(new.start, new.end):
                    by_i[i] = new
                joined.append(c)
                joined.append(host)
                out.append(new)
            else:
                host.members.append(c)
                joined.append(c)
    out = [c for c in out if c not in joined] if joined else out
    # "destroyed several IEDs", "defused a bomb": the weapon is the object, not a blast
    dis = [c for c in out if c.family == "disrupted"]
    if dis:
        # "foiled an attack", "thwarted a bombing": the happening prevented is the disruption's object
        for c in list(out):
            if c in dis or c.family not in ("violence", "battle", "remote", "abduction"):
                continue
            for d in dis:
                if c.tok in objects_of(d.tok):
                    d.members.append(c)
                    out.remove(c)
                    break
        for c in list(out):
            if c.family == "remote" and c not in dis and c.tok.dep_ not in ("nsubj", "nsubjpass") and lem(c.tok) not in ("explode", "detonate", "blast"):
                anc = list(c.tok.ancestors)[:4]
                plural = c.tok.tag_ in ("NNS", "NNPS") or (c.tok.lower_.endswith("s") and c.tok.pos_ != "VERB") or c.tok.tag_ == "VBZ"
                for d in sorted(dis, key=lambda d: (d.tok not in anc, abs(d.tok.i - c.tok.i))):
                    if d.tok in anc or (plural and abs(d.tok.i - c.tok.i) < 12):
                        d.members.append(c)
                        out.remove(c)
                        break
    return out


def _segments(sent: Span):
    """token -> index of the line segment of ``sent`` it lies in."""
    text = span_text(sent)
    cuts = [sent.start_char + m.end() for m in LINE_BREAK.finditer(text)]

    def seg(tok: Token) -> int:
        n = 0
        for c in cuts:
            if tok.idx >= c:
                n += 1
        return n

    return seg


def sentence_happenings(doc: Doc, sent: Span, lex: dict, matcher: "PhraseIndex") -> list[tuple[Happening, bool]]:
    cands = find_candidates(doc, sent, lex, matcher)
    if not cands:
        return []
    headline = is_headline(sent)
    ctx = sentence_context(sent)
    for c in cands:
        c.background = background_reason(doc, c, lex, headline)
        anc = list(c.tok.ancestors)
        path = [c.tok, *anc]
        c.embedded = any(x.dep_ in ("relcl", "acl") for x in path[:-1] if x.i != sent.root.i) and not (
            c.tok.dep_ == "acl" and c.tok.head.i in {o.tok.i for o in cands}
        )
        c.own_time = _has_timex(doc, list(c.tok.subtree)) if c.embedded else ""
    # what a wave over unnamed places is told with ("after a man died in custody", "following the death of a
    # detainee") has no more place than the wave: the clauses under its verb go with it
    for w in [c for c in cands if c.background == "many places, none named"]:
        v = w.tok if w.tok.pos_ in ("VERB", "AUX") else (governor_verb(w.tok) or w.tok)
        under = {x.i for x in v.subtree}
        for c in cands:
            if not c.background and c.tok.i in under:
                c.background = "told with a wave over unnamed places"
    generic_bg = ("habitual", "generic", "series", "bare plural", "ongoing", "generic plural", "generic determiner", "generic present", "summary of a conflict", "running total", "tally")
    main_bg = [c for c in cands if not c.embedded and c.background.startswith(generic_bg)]
    main_live = [c for c in cands if not c.embedded and not c.background]
    if main_bg and not main_live:
        for c in cands:
            if c.embedded and not c.background and not c.own_time:
                c.background = "inside a background clause"
    # "a mob torched shops after the body of a trader was found": remains found, told in a clause of
    # time or cause of another happening, are why it happened, not a development of their own
    for c in cands:
        if c.family == "other" and not c.background and _cause_clause_of_another(c, cands):
            c.background = "cause of another happening"
    live = [c for c in cands if not c.background]
    dead = [c for c in cands if c.background]
    # purpose infinitives refine a same-family trigger ("operation to recapture the town")
    for c in dead:
        if c.purpose:
            for o in live:
                if o.family == c.family:
                    o.members.append(c)
    main = [c for c in live if not c.embedded]
    if main:
        live = [c for c in live if not c.embedded or c.own_time]
    # group by family
    # (a trigger in a clause that dates the reported act by another, "retook the town a day after the
    # militants overran it", tells the earlier act: the main clause's trigger leads the family)
    live.sort(key=lambda c: (ROLE_RANK[c.role], _in_time_clause(c.tok), -c.entry["conf"], c.tok.i))
    # lines the parser glued together (headline, byline, first sentence) stay apart
    seg = _segments(sent)
    groups: list[Cand] = []
    for c in live:
        host = None
        for g in groups:
            if seg(g.tok) != seg(c.tok):
                continue
            if g.family == c.family and not (c.own_time and c.own_time != g.own_time) and not (g.own_time and not c.own_time and c.embedded is False and g.embedded):
                host = g
                break
        if host is None:
            groups.append(c)
        else:
            host.members.append(c)
    # "the bomb exploded and led to a fierce fight": the blast opened the battle
    for g in list(groups):
        if g.family != "battle":
            continue
        opener = [a for a in g.tok.ancestors if a.pos_ == "VERB" and lem(a) in ("lead", "spark", "trigger", "prompt", "ignite", "start", "cause")][:1]
        if not opener:
            continue
        for r in list(groups):
            op = opener[0]
            if r.family == "remote" and r is not g and any(
                m.tok == op.head or op in m.tok.children or (op.head == m.tok.head and m.tok.dep_ != "ROOT") or m.tok.head == op for m in r.all()
            ):
                g.members.append(r)
                groups.remove(r)
    # generic / effect families fold into specific ones
    absorb = lex["absorb"]
    final: list[Cand] = []
    folded: set[int] = set()
    for g in groups:
        if g.role == "effect" and all(m.role == "effect" for m in g.all()) and nonviolent_cause(doc, g.tok, agents(g.tok)):
            # "after one of its buses hit and killed a girl": a road death or a hazard's is nobody's act; it
            # stays apart (and is dropped), lending its dead to no riot or attack told beside it
            final.append(g)
            continue
        if g.role != "specific" or g.family in ("arrest", "transfer"):
            targets = [h for h in groups if h is not g and seg(h.tok) == seg(g.tok) and h.family in absorb.get(g.family, []) and (h.role == "specific" or g.role == "effect")]
            if g.family == "transfer" and not targets:
                # "troops entered the village after the rebels withdrew": the entry (a generic word) took the
                # ground the withdrawal gave up; one handover, typed by the battle rules (fought or not)
                targets = [h for h in groups if h is not g and seg(h.tok) == seg(g.tok) and h.family == "battle"
                           and h.entry["sub"] in TERRITORY_SUBS]
            if g.family == "arrest" and targets:
                # "rounded up the organisers of last year's protests", "detained activists over the march":
                # a protest named in the arrested people's phrase or as the arrest's reason is no protest
                # at that place and time, and the arrests are not its intervention
                targets = [h for h in targets if not (h.family == "protest" and _protest_named_by_arrest(g, h))]
            if g.family == "transfer" and targets and any(lem(m.tok) in ("evacuate", "evacuation", "transfer") for m in g.all()):
                targets = []  # an agreed evacuation stays its own happening
            if g.family == "violence" and not targets:
                targets = [h for h in groups if h is not g and seg(h.tok) == seg(g.tok) and h.family in absorb.get("violence", []) and h.role != "effect"]
            if g.family in ("violence", "battle") and not targets and all(lem(m.tok) in RAID_ENTRIES for m in g.all()):
                # a raid that made arrests or seized weapons and hurt nobody is how the arrests or the
                # seizure were made, no attack; troops who entered a village to detain people took no
                # ground from anyone (ACLED's regained territory is ground retaken from a non-state group)
                targets = [h for h in groups if h is not g and seg(h.tok) == seg(g.tok) and h.family in ("arrest", "disrupted")]
            if targets:
                targets.sort(key=lambda h: abs(h.tok.i - g.tok.i))
                if g.family == "violence" and targets[0].family == "property" and _people_hurt(doc, g):
                    # ACLED's property destruction is property hit with nobody hurt: where the same deed
                    # killed or hurt people ("killed nine villagers and burned homes"), the burning is part
                    # of the attack, typed by its victims
                    g.members.append(targets[0])
                    folded.add(id(targets[0]))
                    final.append(g)
                    continue
                targets[0].members.append(g)
                continue
        final.append(g)
    final = [g for g in final if id(g) not in folded]
    out = []
    for g in final:
        out.append((type_happening(doc, g, ctx, lex), False))
    for c in dead:
        out.append((type_happening(doc, c, ctx, lex), True))
    return out


def _same_time(doc: Doc, a: Token, b: Token) -> bool:
    """The dates told for two triggers can be one time: unknown, or overlapping ranges ("arrested on
    Tuesday" and "last year's protests" cannot)."""
    ra, _bg = temporal.event_date(doc, a)
    rb, _bg = temporal.event_date(doc, b)
    if not (ra.known and rb.known):
        return True
    return ra.start <= rb.end and rb.start <= ra.end


def _protest_named_by_arrest(g: Cand, h: Cand) -> bool:
    """The protest trigger ``h`` lies in the phrase of the people arrested by ``g`` ("the organisers of
    the protests", "activists who led the march") or in the arrest's reason ("for", "over", "on charges
    of"): the arrest tells of that protest, it was not made at it."""
    where = {m.tok.i for m in h.all()}
    for m in g.all():
        for p in patients(m.tok):
            if where & {x.i for x in p.subtree if x.i != p.i}:
                return True
        for c in m.tok.children:
            if c.dep_ in ("prep", "advcl") and c.lower_ in ("for", "over", "on", "about", "after") and where & {x.i for x in c.subtree}:
                return True
    return False


HURT_VERBS = {"kill", "shoot", "wound", "injure", "massacre", "murder", "behead", "stab", "hack", "slaughter", "execute"}


def _people_hurt(doc: Doc, g: "Cand") -> bool:
    """A killing or wounding verb of ``g`` that has people as its victims."""
    for m in g.all():
        if lem(m.tok) in HURT_VERBS:
            pa = patients(m.tok)
            if kinds(doc, pa) & {"civilian", "state", "nonstate", "protester"} or any(p.like_num or p.pos_ == "NUM" for p in pa):
                return True
    return False


CAUSE_MARKS = {"after", "when", "as", "since", "because", "following"}


def _cause_clause_of_another(c: "Cand", cands: list) -> bool:
    """``c`` sits in an "after"/"when"/"following" clause whose host clause holds another happening."""
    for a in c.tok.ancestors:
        if a.dep_ == "prep" and a.lower_ in ("after", "following", "over"):
            clause = a
        elif a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CAUSE_MARKS for m in a.children):
            clause = a
        else:
            continue
        host = clause.head
        inner = {x.i for x in clause.subtree}
        return any(o is not c and not o.background and o.family in (*VIOLENT_FAMILIES, "property")
                   and o.tok.i not in inner and (o.tok.i == host.i or o.tok in host.subtree) for o in cands)
    return False


GRIEVANCE_PREPS = {"for", "over", "against", "about", "following", "after"}
GRIEVANCE_DEMANDS = {"demand", "urge", "call", "ask", "request", "appeal", "insist", "press", "seek", "petition"}


def _crowd_leaving(doc: Doc, t: Token) -> bool:
    """"the marchers dispersed peacefully", "rallied and dispersed without incident": "disperse" with no
    object, active, and no forces as its subject is the crowd going home, no force acting on it."""
    return lem(t) == "disperse" and t.pos_ == "VERB" and not is_passive(t) \
        and not any(c.dep_ == "dobj" for c in t.children) \
        and not any(kind_of(doc, x) == "state" for x in with_conj(subject_of(t)))


def _without_grievance(doc: Doc, g: Cand, members: list, ctx):
    """The sentence's context less what the demonstrators protest about: "marched to demand justice
    for a teenager shot dead by police", "rallied against the arrest of an imam", "gathered over the
    death of a man in custody".  A killing or an arrest told as the grievance is no force used on the crowd."""
    aside: set[int] = set()
    for m in members:
        gv = governor_verb(m.tok) if m.tok.pos_ in ("NOUN", "PROPN") else None
        hosts = [m.tok] + ([gv] if gv is not None else [])
        for h in hosts:
            for c in h.children:
                # (a clause of time is no grievance: "the rally was cut short after police fired tear gas")
                if c.dep_ in ("xcomp", "advcl") and any(a.tag_ == "TO" for a in c.children):
                    aside.update(x.i for x in c.subtree)
            # "rallied against the killing", "gathered outside the court over the death of a man"
            for x in h.subtree:
                if x.i in aside or x.dep_ != "prep" or x.lower_ not in GRIEVANCE_PREPS or (x.head.i != h.i and x.head.pos_ not in ("NOUN", "PROPN")):
                    continue
                if not any(lem(y) in PROTEST_WORDS or y.lower_ in PROTEST_WORDS for y in x.subtree):
                    aside.update(y.i for y in x.subtree)
    # what the demonstrators demand, wherever the parser hangs it ("handed over a petition demanding that the
    # killers be arrested", "rallied, urging police to detain the officials"): asked for, not done to them
    above = {a.i for m in members for a in m.tok.ancestors} | {m.tok.i for m in members}
    for x in g.tok.sent:
        if x.pos_ == "VERB" and lem(x) in GRIEVANCE_DEMANDS and x.dep_ != "ROOT" and x.i not in above:
            aside.update(y.i for y in x.subtree)
    # a crowd dispersing of itself is no intervention (TAXONOMY: force, arrests or dispersal by others)
    aside.update(x.i for x in g.tok.sent if _crowd_leaving(doc, x))
    # an intervention told as not done ("police did not intervene", "no one was detained", "no arrests were
    # made", "did not use tear gas") is none: TAXONOMY's intervention is force, arrests or dispersal done
    own = {m.tok.i for m in members}
    for x in g.tok.sent:
        if x.i not in own and _negated_act(x):
            aside.add(x.i)
            if x.pos_ in ("VERB", "AUX"):
                aside.update(y.i for c in x.children if c.dep_ == "dobj" for y in c.subtree)
    if not aside:
        return ctx
    sent = g.tok.sent
    keep = [t for t in sent if t.i not in aside]
    lemmas = {lem(t) for t in keep if not _is_month_word(t)} | {t.lower_ for t in keep if not _is_month_word(t)}
    text = " " + " ".join(lem(t) for t in keep) + " " + " ".join(t.lower_ for t in keep) + " "
    return lemmas, text


def _negated_act(x: Token) -> bool:
    """``x`` is told as not done: a negated verb ("did not intervene", "never fired"), a noun with
    "no" ("no arrests"), or a verb whose subject or object is nobody ("no one was detained")."""
    for c in x.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "det" and c.lower_ == "no" and x.pos_ in ("NOUN", "PROPN"):
            return True
        if x.pos_ in ("VERB", "AUX") and c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                c.lower_ in ("nobody", "none", "no-one") or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)):
            return True
    return False


LETHAL_FORCE = {"fire", "shoot", "kill", "gun", "open", "spray"}
# verbs that say people were demonstrating ("supporters demonstrating", "villagers who were marching",
# "students chanting slogans")
PROTEST_VERBS = {"demonstrate", "protest", "march", "rally", "picket", "chant"}


def _demonstrating(t: Token) -> bool:
    """``t`` says people were demonstrating; chanting only when slogans are chanted (fans chant songs)."""
    return lem(t) in PROTEST_VERBS and (lem(t) != "chant" or any(lem(c) == "slogan" for c in t.children if c.dep_ == "dobj"))


def _demonstrators_aimed_at(t: Token) -> Token | None:
    """The protest verb is a participle or relative clause on the people a firing verb acts on
    ("fired on villagers who were demonstrating", "shot at a crowd of mourners who were protesting":
    the people of a crowd are the crowd fired on); returns that verb."""
    if t.dep_ not in ("acl", "relcl") or t.pos_ != "VERB" or not _demonstrating(t):
        return None
    n = t.head
    if n.dep_ == "pobj" and n.head.lower_ == "of" and lem(n.head.head) in GATHERING_NOUNS:
        n = n.head.head
    v = _aimed_by(n, ("on", "at", "into", "upon"))
    return v if v is not None and lem(v) in LETHAL_FORCE else None


def _less_lethal(v: Token) -> bool:
    """What ``v`` fires is tear gas, water cannon or rubber bullets ("shot rubber bullets at")."""
    return any(lem(x) in LESS_LETHAL or x.lower_ in LESS_LETHAL for c in v.children if c.dep_ == "dobj" for x in c.subtree)


def _demonstrators_fired_on(t: Token) -> bool:
    """Lethal force aimed at the people the protest verb ``t`` describes ("shot dead five people marching")."""
    v = _demonstrators_aimed_at(t)
    return v is not None and not _less_lethal(v)


def _aimed_by(n: Token, preps: tuple[str, ...]) -> Token | None:
    """The verb that ``n`` is the target of: "fired on/at/into n", "shot n", "n was fired upon";
    "opened fire on n" gives "opened", the phrase's verb."""
    if n.dep_ == "pobj" and n.head.lower_ in preps:
        v = n.head.head
    elif n.dep_ in ("dobj", "nsubjpass"):
        v = n.head
    else:
        return None
    if lem(v) == "fire" and v.pos_ == "NOUN":
        v = v.head
    return v


# nouns that name a protest by themselves, and gatherings that do so only when said to be one
PROTEST_NOUNS = {"protest", "demonstration", "rally", "march", "sit-in", "picket", "vigil"}
GATHERING_NOUNS = {"procession", "crowd", "gathering", "convoy", "column", "group"}
PROTEST_QUALIFIERS = {"peaceful", "striking", "protesting", "demonstrating", "marching", "protest", "unarmed"}
# what is fired at a crowd without lethal force: tear gas, water cannon, rubber bullets
LESS_LETHAL = {"gas", "teargas", "tear", "cannon", "canister", "rubber", "pellet", "water", "baton", "stun", "flash", "smoke", "warning"}


def _names_protest(n: Token) -> bool:
    """The noun itself names a protest ("a march of teachers", "a sit-in") or a gathering said to
    be one ("a peaceful procession of striking miners", "a crowd of demonstrators")."""
    if n.lower_ == "in" and any(c.lower_ == "sit" for c in n.children):
        return True  # "sit-in", split by the tokenizer
    if lem(n) in PROTEST_NOUNS or n.lower_ in PROTEST_NOUNS:
        return lem(n) != "march" or not any(c.lower_ in ("forced", "death") for c in n.children)
    if lem(n) not in GATHERING_NOUNS:
        return False
    for c in n.children:
        if c.dep_ in ("amod", "compound") and (lem(c) in PROTEST_QUALIFIERS or c.lower_ in PROTEST_QUALIFIERS):
            return True
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj" and (lem(o) in CROWD_PEOPLE or lem(o) in PROTEST_NOUNS
                                         or any(lem(a) in PROTEST_QUALIFIERS for a in o.children if a.dep_ in ("amod", "compound"))):
                    return True
        if c.dep_ in ("acl", "relcl") and _demonstrating(c):
            return True
    return False


def _protest_fired_on(n: Token) -> Token | None:
    """A protest the target of lethal force: "opened fire on a march", "shot into a demonstration",
    "a crowd of demonstrators was fired upon"; returns the firing verb."""
    if not _names_protest(n):
        return None
    v = _aimed_by(n, ("on", "at", "into", "upon"))
    if v is None or lem(v) not in LETHAL_FORCE:
        return None
    if lem(v) == "open" and not any(c.dep_ == "dobj" and lem(c) == "fire" for c in v.children):
        return None
    # tear gas or rubber bullets fired at a march are an intervention, not lethal force
    if _less_lethal(v):
        return None
    return v


FIRE_WEAPONS = {"petrol bomb", "molotov cocktail", "fire bomb", "gasoline bomb", "firebomb"}


def _fire_weapon_at_building(doc: Doc, g: Cand, members: list, agent_k: set) -> bool:
    """A fire-bomb thrown at a building by people not said to be demonstrating: every protest trigger is
    a fire weapon, its target (what it is thrown at) a building, and no demonstration named around it."""
    own = [m for m in members if m.family == "protest"]
    if not own or any(m.key not in FIRE_WEAPONS for m in own) or agent_k & {"protester", "rioter", "state"}:
        return False
    sent = g.tok.sent
    if any(lem(x) in PROTEST_WORDS or x.lower_ in PROTEST_WORDS or lem(x) in PROTEST_VERBS for x in sent):
        return False
    buildings = set(load_lexicon()["words"]["loot"][0]["needs"]["object_any"])
    for m in own:
        v = m.tok.head if m.tok.dep_ in ("dobj", "nsubjpass") else m.tok
        targets = [o for c in v.children if c.dep_ == "prep" and c.lower_ in ("at", "into", "on")
                   for o in c.children if o.dep_ == "pobj"]
        if v.i == m.tok.i and m.tok.pos_ == "VERB":
            # the weapon as a verb ("petrol-bombed the office", "the office was firebombed"): its object is the target
            targets += [o for o in v.children if o.dep_ in ("dobj", "nsubjpass")]
        if any(lem(o) in buildings or o.lower_ in buildings for o in with_conj(targets)):
            return True
    return False


DONE_WITH_TO = ASPECT_VERBS | {"able", "succeed", "fail"}


EXPLOSIVE_DEVICES = {"bomb", "device", "ied", "landmine", "mine", "explosive", "explosives", "shell", "grenade"}
DETONATING = {"detonate", "explode", "blow", "destroy", "neutralise", "neutralize"}
HARMED = KILL_LEMMAS | {"wound", "wounded", "injure", "injured", "hurt", "casualty", "victim"}


def _state_detonates(doc: Doc, t: Token) -> bool:
    """``t`` (a detonating verb, or the device it takes) tells of a device set off or destroyed by state
    forces: the device is the verb's object or passive subject and the doers are the state's alone."""
    if t.pos_ == "VERB":
        v, devs = t, [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    elif t.dep_ in ("dobj", "nsubjpass"):
        v, devs = t.head, [t]
    else:
        return False
    if lem(v) not in DETONATING or (lem(v) == "blow" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children)):
        return False
    if not any(lem(d) in EXPLOSIVE_DEVICES or d.lower_ in EXPLOSIVE_DEVICES for d in devs):
        return False
    ag = agents(v)
    # (a team named by its work with explosives, "bomb disposal experts", "sappers", works for a force)
    return kinds(doc, ag) == {"state"} or bool(ag) and all(_bomb_team(a) for a in ag)


BOMB_TEAMS = {"squad", "team", "unit", "expert", "specialist", "technician", "sapper", "deminer"}
BOMB_WORK = {"bomb", "disposal", "explosive", "explosives", "ordnance", "eod", "demining"}


def _bomb_team(a: Token) -> bool:
    """"bomb disposal experts", "an explosives squad", "sappers": specialists whose work is making bombs safe."""
    if lem(a) in ("sapper", "deminer"):
        return True
    return lem(a) in BOMB_TEAMS and any(lem(x) in BOMB_WORK or x.lower_ in BOMB_WORK for x in a.subtree if x.i < a.i)


TIME_CLAUSE_MARKS = {"after", "before", "since", "until", "till"}


def _in_time_clause(t: Token) -> bool:
    """``t`` stands in an adverbial clause of time that places the reported act before or after
    another ("a day after the militants overran it", "before troops arrived"); "when" clauses tell
    the act itself and do not count."""
    x = t
    for _ in range(12):
        if x.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_CLAUSE_MARKS for c in x.children):
            return True
        if x.head.i == x.i:
            break
        x = x.head
    return False


def _purpose_only(t: Token) -> bool:
    """``t`` is a to-infinitive of aim ("an attack to capture", "in a bid to seize"), not one that says
    the act was done ("managed to capture", "were able to take")."""
    return (t.pos_ == "VERB" and t.dep_ in ("acl", "advcl", "xcomp", "relcl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and lem(t.head) not in DONE_WITH_TO)


def type_happening(doc: Doc, g: Cand, ctx, lex) -> Happening:
    members = sorted(g.all(), key=lambda m: (ROLE_RANK[m.role], m.tok.i))
    ag: list[Token] = []
    pa: list[Token] = []
    for m in members:
        for a in agents(m.tok):
            if a not in ag:
                ag.append(a)
        for p in patients(m.tok):
            if p not in pa:
                pa.append(p)
    own = {i for m in members for i in range(m.start, m.end)}
    ag = [a for a in ag if a.i not in own]
    pa = [p for p in pa if p.i not in own]
    agent_k = kinds(doc, ag)
    if g.family == "battle" and g.entry["sub"] in TERRITORY_SUBS:
        # who took the ground is the taking verb's own doer ("rebels took control after troops withdrew"),
        # not the doers of the withdrawal or the fighting folded into it
        own_ag = [a for a in agents(g.tok) if a.i not in {i for m in members for i in range(m.start, m.end)}]
        if kinds(doc, own_ag):
            agent_k = kinds(doc, own_ag)
    patient_k = kinds(doc, pa)
    # "killed 15 soldiers": victims of an effect folded in count as targets
    target_lemmas = {lem(p) for p in pa} | {lem(c) for p in pa for c in p.children if c.dep_ == "compound"}
    keys = g.keys()
    fam = g.family
    if fam == "battle":
        # "an attack to capture the town was fended off", "a push to overrun the base": ground meant to be
        # taken, an aim and no taking, so it does not type the fight
        keys = keys - {k for m in members if m is not g and m.family == fam and _purpose_only(m.tok) for k in (m.key, lem(m.tok))}
    agent_lemmas = {lem(a) for a in ag} | {a.lower_ for a in ag} | {a.lower_[:-1] for a in ag if a.lower_.endswith("s")} | {lem(c) for a in ag for c in a.children if c.dep_ in ("compound", "conj", "prep")} | {
        lem(g2) for a in ag for c in a.children if c.dep_ == "prep" for g2 in c.children}
    # ("non-violent" comes as "non", "-", "violent": a negated adjective says the opposite)
    # (a "violent dispersal", a "brutal crackdown" tells of the forces' violence, not the demonstrators':
    # the modifiers of an intervention's own words say nothing of the demonstration)
    mods = {lem(c) for m in members if m.entry["sub"] not in INTERVENTION_SUBS
            for c in m.tok.children if c.dep_ == "amod" and not (c.i >= 1 and doc[c.i - 1].text in ("-", "non", "non-"))}
    rctx = _without_grievance(doc, g, members, ctx) if fam == "protest" else ctx
    sub, rule = refine(doc, fam, keys, agent_k, patient_k, target_lemmas, rctx, lex, default=g.entry["sub"], agent_lemmas=agent_lemmas,
                       modifiers=mods, entry_subs={m.entry["sub"] for m in members if m.family == fam})
    if fam == "protest" and sub == "Peaceful protest" and any(_demonstrators_fired_on(m.tok) for m in members if m.family == fam):
        # "opened fire on supporters demonstrating", "shot dead five people marching": the protest verb
        # describes the very people fired on, so the force was used against the demonstrators
        sub, rule = "Excessive force against protesters", f"{rule}->the demonstrators fired on"
    if fam == "violence" and sub == "Attack" and any(
            _demonstrators_fired_on(doc[i]) for i in range(g.tok.sent.start, g.tok.sent.end) if extensions.doc_lemmas(doc)[i] in PROTEST_VERBS):
        # "shot dead when forces opened fire on supporters demonstrating": the people fired on were
        # demonstrating, so the killing is force used against demonstrators, not an attack on civilians
        sub, rule = "Excessive force against protesters", f"{rule}->the demonstrators fired on"
    if fam in ("violence", "protest") and sub in ("Attack", "Peaceful protest"):
        # the target of the shooting names a protest ("fired on a peaceful procession of striking
        # miners", "shot into a demonstration"): force used against demonstrators (TAXONOMY), not an
        # attack on civilians, and no peaceful protest left alone; the firing must be this happening's
        seg = _segments(g.tok.sent)
        mine = {m.tok.i for m in members} | {m.tok.head.i for m in members}
        for x in g.tok.sent:
            v = _protest_fired_on(x) if seg(x) == seg(g.tok) else None
            if v is not None and (fam == "violence" or x.i in mine or v.i in mine):
                sub, rule = "Excessive force against protesters", f"{rule}->a protest fired on"
                break
    if fam in ("violence", "protest") and sub in ("Excessive force against protesters", "Peaceful protest", "Attack") \
            and not (KILL_LEMMAS & ctx[0]):
        # tear gas, water cannon or rubber bullets fired at the demonstrators, nobody killed: force that
        # disperses, not lethal force (TAXONOMY: protest with intervention)
        aimed = [v for x in g.tok.sent if lem(x) in PROTEST_VERBS for v in [_demonstrators_aimed_at(x)] if v is not None]
        if aimed and all(_less_lethal(v) for v in aimed):
            sub, rule = "Protest with intervention", f"{rule}->less-lethal force at the demonstrators"
    if fam == "remote" and sub == "Remote explosive/landmine/IED" and not (HARMED & ctx[0]) and any(
            _state_detonates(doc, m.tok) for m in members):
        # a bomb the state's own forces set off, nobody hurt ("sappers safely detonated a device found near
        # a school", "police blew up an IED planted under a bridge"): a bomb made safe, a weapon's use
        # disrupted (TAXONOMY: bombs defused), not an explosion aimed at anyone
        sub, rule = "Disrupted weapons use", f"{rule}->a bomb destroyed by the state, nobody hurt"
    if fam == "protest" and sub in ("Violent demonstration", "Peaceful protest", "Mob violence") and _fire_weapon_at_building(doc, g, members, agent_k):
        # petrol bombs thrown at a party's office, nobody demonstrating: property attacked (TAXONOMY:
        # a demonstration needs demonstrators), not a riot
        sub, rule = "Looting/property destruction", f"{rule}->a building fire-bombed, no demonstration"
    if fam == "battle" and sub == "Non-violent transfer of territory" and g.entry["sub"] in TERRITORY_SUBS:
        # ground taken without a fight has one actor, the taker: the side that withdrew did nothing to it
        own_ag = [a for a in agents(g.tok) if a.i not in own]
        if kinds(doc, own_ag):
            ag = own_ag
    if fam == "transfer" and sub == "Non-violent transfer of territory" and all(
            lem(m.tok) in MOVE_LEMMAS and not any(c.dep_ == "prep" and c.lower_ in ("from", "out") for c in m.tok.children) for m in members):
        # forces moved somewhere, no ground named as given up ("redeployed two battalions to the front"):
        # a group moving its forces (TAXONOMY: change to group/activity), no territory changing hands
        sub, rule = "Change to group/activity", f"{rule}->forces moved, no ground left"
    if fam == "battle" and sub == "Armed clash":
        # a happening that is only typed as fighting but whose victims are civilians
        if patient_k == {"civilian"} and not (agent_k & {"state"} and False):
            pass
    conf = max(m.entry["conf"] for m in members if m.family == fam) if any(m.family == fam for m in members) else g.entry["conf"]
    weak = g.role != "specific" and _anaphoric(doc, g, ag)
    if fam == "violence" and not pa and not weak:
        conf = min(conf, 0.45)  # "police opened fire": no target, no happening to code
    if fam == "arrest" and sub == "Protest with intervention" and not _arrest_at_protest(doc, g, pa):
        sub, rule = "Arrests", f"{rule}->arrested for a protest, not at one"
    if fam == "arrest" and sub == "Arrests":
        # ACLED records arrests that matter politically: of fighters, demonstrators, activists,
        # journalists, or over an attack or plot; a suspect held for a robbery is no conflict event
        military = any(lem(a) in ("soldier", "troop", "army", "military", "force", "militia", "militant", "rebel") for a in ag)
        mass = any(c.like_num and (c.text.replace(",", "").isdigit() and int(c.text.replace(",", "")) >= 10 or c.lower_ in ("hundreds", "thousands", "dozens", "scores"))
                   for p in pa for c in [p, *p.subtree])
        political = patient_k & {"nonstate", "protester", "rioter"} or military or mass or ctx_has(POLITICAL_ARREST, *ctx)
        # a gang, a cartel's men, smugglers or robbers arrested for their crimes: policing, not a conflict event
        criminal = ctx_has(CRIME_WORDS, *ctx) and not ctx_has(POLITICAL_ARREST_STRONG, *ctx)
        if not political or criminal:
            conf = min(conf, 0.45)
    if fam == "battle" and all(m.role == "generic" and lem(m.tok) in ("operation", "campaign") for m in members if m.family == fam) \
            and ctx_has(DRUG_WORDS, *ctx) and not ctx_has(OPERATION_HARM, *ctx):
        # an operation told only by drugs seized or crops destroyed, nobody fighting or hurt: drug
        # eradication, which ACLED leaves out (no battle without two armed sides exchanging fire)
        conf = min(conf, 0.45)
    if fam == "property" and all(m.family == "property" for m in members) and any(
            nonviolent_cause(doc, v, agents(v)) for v in [g.tok, *(c for c in g.tok.children if c.dep_ == "conj")]):
        # "houses destroyed by the storm", "damaged when a quake struck": the hazard's damage, nobody's act
        conf = min(conf, 0.35)
        weak = False
    if g.role == "effect" and all(m.role == "effect" for m in members):
        # "she died in hospital", "he was injured in the storm": a death or an injury is a
        # conflict event only with a violent cause or a killer
        violent = {"kill", "murder", "slay", "massacre", "execute", "behead"} & keys
        seg = _segments(g.tok.sent)
        own = [x for x in g.tok.sent if seg(x) == seg(g.tok)]
        ctx = ({lem(x) for x in own} | {x.lower_ for x in own}, " " + " ".join(x.lower_ for x in own) + " ")
        cause = ctx_has(["shot", "shoot", "gunfire", "gunshot", "gunman", "gunmen", "bomb", "blast", "explosion",
                         "violence", "clash", "fighting", "stab", "stabbed", "beaten", "killed", "attacker", "militant",
                         "soldier", "police", "airstrike", "shelling", "rocket", "mortar", "riot", "protest", "war"], *ctx)
        if not violent and not cause:
            conf = min(conf, 0.35)
            weak = False
        elif nonviolent_cause(doc, g.tok, ag):
            conf = min(conf, 0.35)  # the quake, the fire, the plant that exploded: nobody's act
            weak = False
        # "Democracy dies in darkness": the one who died must be someone
        if not violent and pa and not patient_k and not any(p.ent_type_ in ("PERSON", "NORP", "CARDINAL") or p.pos_ == "NUM" or lem(p) in PEOPLE_WORDS for p in pa):
            conf = min(conf, 0.35)
            weak = False
    return Happening(g, sub, f"{g.key}:{rule}", conf, ag, pa, weak)


TERRITORY_SUBS = {"Government regains territory", "Non-state actor overtakes territory"}
DRUG_WORDS = ["drug", "narcotic", "narcotics", "cocaine", "heroin", "methamphetamine", "marijuana", "cannabis", "opium",
              "poppy", "coca", "hashish", "hemp", "anti-drug", "counternarcotics", "counter-narcotics"]
# a fight or harm told beside the operation: then it is no mere eradication
OPERATION_HARM = ["kill", "killing", "dead", "die", "death", "wound", "injure", "clash", "fight", "fighting", "shootout",
              "gunfight", "exchange", "attack", "ambush", "shoot", "shot", "gunfire", "casualty", "battle"]
MOVE_LEMMAS = {"redeploy", "redeployment", "relocate", "relocation"}
INTERVENTION_SUBS = ("Protest with intervention", "Excessive force against protesters")
PROTEST_WORDS = {"protest", "demonstration", "rally", "march", "sit-in", "vigil", "gathering", "protester", "protestor",
                 "demonstrator", "marcher", "crowd", "strike", "picket", "riot", "rioter"}
CROWD_PEOPLE = {"protester", "protestor", "demonstrator", "marcher", "rioter", "crowd", "picketer", "striker"}


def _arrest_at_protest(doc: Doc, g: Cand, pa: list[Token]) -> bool:
    """Arrests are a protest's intervention when made at the protest ("arrested 30 demonstrators",
    "dozens were detained during the rally"); an organiser arrested later for a protest, or people
    detained "who organise demonstrations", are arrests."""
    if any(lem(p) in CROWD_PEOPLE or p.lower_.rstrip("s") in CROWD_PEOPLE for p in pa):
        return True
    sent = g.tok.sent
    words = [x for x in sent if lem(x) in PROTEST_WORDS or x.lower_ in PROTEST_WORDS]
    if not words:
        return True  # the rule that chose the intervention read the article, not this sentence
    aside: set[int] = set()
    for p in pa:
        for c in p.children:
            if c.dep_ in ("relcl", "acl", "prep", "appos"):
                aside.update(x.i for x in c.subtree)
        if lem(p) in CROWD_PEOPLE:
            continue
    for x in sent:
        # "on charges of organising a protest", "for taking part in the march", "over a rally last month"
        if x.dep_ == "prep" and x.lower_ in ("for", "over", "on", "against", "about") or lem(x) in ("charge", "accuse", "relate", "suspicion", "organise", "organize", "organiser", "organizer", "lead", "call", "incite"):
            aside.update(y.i for y in x.subtree)
        # "before the anniversary of the 2018 protests": a protest remembered is no protest now
        if lem(x) in REMEMBRANCE_NOUNS:
            aside.update(y.i for y in x.subtree)
    return any(w.i not in aside for w in words)


# hazards a story may name as the cause of damage told later without a doer (a fire is read apart, by
# _story_hazard: "opened fire", "set fire to" are someone's act)
STORY_HAZARDS = DISASTER_CAUSES - {"fire", "blaze", "inferno", "smoke", "crash", "accident", "collapse", "virus", "disease",
                                   "outbreak", "pandemic", "epidemic", "covid", "covid-19", "cholera", "cold", "heat"}


ARMED_MEN = {"army", "soldier", "troop", "military", "militia", "militiaman", "gunman", "gunmen", "fighter", "rebel", "militant",
             "insurgent", "jihadist", "bandit", "attacker", "assailant"}


# Nouns of the dead found ("recovered the bodies"): the "other" family's discovery of a death.
FOUND_DEAD = {"body", "remains", "remain", "corpse"}


def _story_hazard(t: Token) -> bool:
    """``t`` names a hazard that does damage by itself: a flood, a quake; a fire only as what broke out or
    burned ("a fire broke out", "the blaze gutted"), never the fire of guns ("opened fire")."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    if lem(t) in ("fire", "blaze", "inferno"):
        return t.dep_ in ("nsubj", "nsubjpass") or lem(t) != "fire" and t.dep_ != "compound"
    return lem(t) in STORY_HAZARDS


def _hazard_damage(doc: Doc, h: "Happening", happenings: list, sents: list, sno) -> bool:
    """``h`` is damage or death with no doer (no agent; only property words and deaths or injuries told
    as effects) in a story that names a hazard at or before its sentence and tells of no violent happening."""
    c = h.cand
    # (bodies found are dead with no doer told, whoever finds them: "rescuers recovered four bodies" after
    # a flood are its toll)
    def found(m):
        return m.family == "other" and lem(m.tok) in FOUND_DEAD

    if (h.agent and not found(c)) or not (c.family in ("property", "violence") or found(c)):
        return False
    if any(not (m.family == "property" or found(m) or m.family == "violence" and m.role == "effect") for m in c.all()):
        return False
    if kinds(doc, h.patient) & {"state", "nonstate", "protester", "rioter"}:
        return False  # soldiers or demonstrators dead: told in a conflict, not of a storm
    if any(a.dep_ == "agent" for m in c.all() for a in m.tok.children):
        return False  # "destroyed by militants" (an agent the actor reading missed is still a doer)
    if any(x is not h and not xbg and x.cand.family in VIOLENT_FAMILIES and x.conf >= 0.5
           and (x.cand.role == "specific" or x.agent) for x, xbg in happenings):
        return False
    here = sno(c.tok)
    told = sents[max(0, here - REF_WINDOW): here + 1]
    # (who finds the dead, the subject or agent of the finding, is no doer: "soldiers dug out the remains")
    finders = {t.i for x in c.tok.head.children if x.dep_ in ("nsubj", "agent") for t in x.subtree} if found(c) else set()
    if (c.family == "violence" or found(c)) and any(t.i not in finders and t.pos_ in ("NOUN", "PROPN") and (lem(t) in ARMED_MEN or _noun_kind(t) == "nonstate")
                                      for st in told for t in st):
        # deaths in a story that speaks of armed men ("rains slowed the army's advance ... five civilians
        # were killed") may be theirs: only damage is read as the hazard's there
        return False
    return any(_story_hazard(t) for st in told for t in st)


# strategic families whose words also tell a disaster's aftermath: bodies found, forces sent, people moved out
RELIEF_FAMILIES = ("other", "group", "transfer")


def _hazard_relief(h: "Happening", happenings: list, sents: list, sno) -> bool:
    """``h`` is the response to a disaster, not a conflict development ("soldiers evacuated 4,000 villagers",
    "the government sent troops with hay", "rescuers recovered six bodies"): a strategic happening of
    RELIEF_FAMILIES in a story that names a hazard at or before its sentence and tells of no violent
    happening anywhere (ACLED codes no disaster, nor its relief)."""
    if h.cand.family not in RELIEF_FAMILIES:
        return False
    if any(x is not h and not xbg and x.cand.family in VIOLENT_FAMILIES and x.conf >= 0.5
           and (x.cand.role == "specific" or x.agent) for x, xbg in happenings):
        return False
    here = sno(h.cand.tok)
    return any(_story_hazard(t) for st in sents[: here + 1] for t in st)


# what makes a raid an attack: someone harmed ("raided the village, killing five", "beat the residents")
HARM_LEMMAS = {"kill", "die", "dead", "death", "wound", "injure", "hurt", "shoot", "shot", "fire", "beat", "torture",
               "rape", "burn", "loot", "destroy", "abduct", "kidnap", "clash", "gunfire", "casualty", "body"}


def _search_raid(doc: Doc, h: "Happening", happenings: list) -> bool:
    """``h`` is a raid by state forces on premises with nobody harmed: a search ("police raided a warehouse
    and confiscated fake goods", "officers raided several homes linked to the network"), no physical
    attack on civilians (ACLED's Attack needs harm; what the search yields, arrests or arms, is typed by
    its own words).  A raid with a clash, a killing or any harm told in its sentence stays violence."""
    c = h.cand
    if c.family != "violence" or h.sub != "Attack" or any(lem(m.tok) != "raid" for m in c.all()):
        return False
    # the raid's own doer: its subject, its "by" agent or its modifier ("a police raid"), not one a
    # conjoined verb lends it ("the government joined talks after the rebels raided a town")
    heads = {m.tok.i for m in c.all()}
    own = [a for a in h.agent if a.head.i in heads or a.head.dep_ == "agent" and a.head.head.i in heads]
    ak = kinds(doc, own)
    if "state" not in ak or ak - {"state"}:
        return False
    if kinds(doc, h.patient) & {"state", "nonstate", "protester", "rioter"}:
        return False
    sent = c.tok.sent
    if any(lem(t) in HARM_LEMMAS or t.lower_ in HARM_LEMMAS for t in sent):
        return False
    return not any(x is not h and not xbg and x.cand.family in VIOLENT_FAMILIES and x.cand.tok.sent == sent
                   for x, xbg in happenings)


# words that tell of fighting in the withdrawal's own sentence ("returned fire", "after a gunfight")
FIGHT_LEMMAS = {"fire", "gunfight", "firefight", "shootout", "clash", "fight", "fighting", "battle", "exchange", "attack",
                "ambush", "repel", "repulse", "gunfire", "assault", "skirmish"}


def _retreat_after_fight(h: "Happening", fought_before: bool = False) -> bool:
    """``h`` is armed men falling back somewhere ("withdrew into the forest", "pulled back to the
    mountains", "retreated towards the border") in a sentence that tells of fighting, with no ground
    named as left (no "from", "out of" or object): the end of the fight, no territory handed over
    without one (TAXONOMY: a non-violent transfer is territory changing hands without fighting).
    ``fought_before``: the fight was told just before ("Gunmen attacked a post. ... the attackers
    retreated into the forest")."""
    c = h.cand
    if c.family != "transfer" or h.sub != "Non-violent transfer of territory":
        return False
    for m in c.all():
        if any(x.dep_ in ("dobj", "nsubjpass") or x.dep_ in ("prep", "prt") and x.lower_ in ("from", "out", "of")
               for x in m.tok.children):
            return False
        if m.tok.pos_ != "VERB":
            return False
    sent = c.tok.sent
    own = {i for m in c.all() for i in range(m.start, m.end)}

    def negated(x: Token) -> bool:
        return any(a.lower_ == "without" for a in [x, *list(x.ancestors)[:3]]) or any(ch.dep_ == "neg" for ch in x.children)

    return fought_before or any(lem(x) in FIGHT_LEMMAS and x.i not in own and not negated(x) for x in sent)


def _pluperfect(h: "Happening") -> bool:
    t = h.cand.tok
    v = t if t.pos_ in ("VERB", "AUX") else governor_verb(t)
    return v is not None and any(a.lower_ == "had" for a in v.children if a.dep_ == "aux")


def _by_hand(doc: Doc, sent: Span, sub: str) -> bool:
    """The sentence cannot meet ``sub``'s weapon-defined definition (it names none of its weapons) and
    names armed men ("troops", "militiamen") who did it: damage told with no doer ("houses were burnt")
    may still be the weapon's."""
    if names_weapon_of(sub, ((x.lemma_, x.lower_) for x in sent)):
        return False
    return any(x.pos_ in ("NOUN", "PROPN") and kind_of(doc, x, ner=False) in ("state", "nonstate") for x in sent)


def _pick_reference(doc: Doc, h: "Happening", prior: list) -> "Happening | None":
    """The specific happening a generic one refers back to: the latest before it, but one
    whose initiator is of the same kind beats one whose initiator is not, and a
    past-of-the-past aside ("a day after it had fallen to X") is a poor referent."""
    if not prior:
        return None
    mine = kinds(doc, h.agent)

    def score(item):
        n, x = item
        theirs = kinds(doc, x.agent)
        s = 0.0
        if mine and theirs:
            s += 2 if mine & theirs else -2
        if _pluperfect(x):
            s -= 1
        return (s, n)

    return max(enumerate(prior), key=score)[1]


# --------------------------------------------------------------------------- component


class EventTriggers:
    def __init__(self, nlp: Language, lexicon_path: str | None = None):
        self.lex = load_lexicon(lexicon_path)
        self.matcher = PhraseIndex(self.lex)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        happenings: list[tuple[Happening, bool]] = []
        for sent in doc.sents:
            happenings.extend(self._safe(doc, sent))
        # article level: generic and effect-only happenings refer back to a specific one
        specific = [(h.cand.tok.i, h) for h, bg in happenings if not bg and h.cand.role == "specific" and h.cand.family in VIOLENT_FAMILIES]
        sents = list(doc.sents)
        sent_no = {}
        for n, st in enumerate(sents):
            sent_no[st.start] = n

        def sno(tok) -> int:
            return sent_no.get(tok.sent.start, 0)
        for h, bg in happenings:
            if bg or h.cand.role == "specific" or h.cand.family not in ("violence", "battle", "protest", "property"):
                continue
            own_type = event_type_of(h.sub)
            here = sno(h.cand.tok)
            # a reference reaches back a few sentences, not across the whole page
            prior = [x for i, x in specific if i < h.cand.tok.i and here - sno(x.cand.tok) <= REF_WINDOW]
            later = [x for i, x in specific if i > h.cand.tok.i and sno(x.cand.tok) - here <= 2]
            if h.cand.family == "violence":
                # violence reads as part of a demonstration only near protest words or against the forces
                near = " ".join(st.text.lower() for st in sents[max(0, here - 1): here + 1])
                protestish = any(w in near for w in ("protest", "demonstrat", "rally", "march", "riot", "crowd")) or "state" in kinds(doc, h.patient)
                if not protestish:
                    # a mob's killing is told as violence, not as a demonstration: mob violence stays a referent
                    prior = [x for x in prior if x.cand.family != "protest" or x.sub == "Mob violence"]
                    later = [x for x in later if x.cand.family != "protest" or x.sub == "Mob violence"]
            if lem(h.cand.tok) in GUN_WORDS:
                # "the shooting" names its weapon: it is no earlier kidnapping, rocket or bombing
                prior = [x for x in prior if x.cand.family in ("violence", "battle", "protest")]
                later = [x for x in later if x.cand.family in ("violence", "battle", "protest")]
            ref = None
            if h.weak:
                ref = _pick_reference(doc, h, prior) or (later[0] if later else None)
            elif h.cand.family == "property":
                ref = None
            else:
                same = [x for x in prior if event_type_of(x.sub) == own_type]
                ref = _pick_reference(doc, h, same)
            if ref is not None and h.cand.family == "property" and _by_hand(doc, h.cand.tok.sent, ref.sub):
                # "soldiers set fire to homes" after a shelling: armed men burning or looting do it by
                # hand, and a sub-type defined by a weapon (shelling, air strike, grenade ...) needs that
                # weapon in the sentence (TAXONOMY.md); the deed stays property destruction of its own
                ref = None
            if ref is not None and ref.cand.family in VIOLENT_FAMILIES:
                sub = ref.sub
                if h.cand.family == "protest" and PROTEST_SEVERITY.get(h.sub, -1) > PROTEST_SEVERITY.get(sub, -1):
                    sub = h.sub
                if ref.cand.family == "protest":
                    pk = kinds(doc, h.patient)
                    if h.cand.family == "violence":
                        ak = kinds(doc, h.agent)
                        if "protester" in pk:
                            # force against the demonstrators: its own reading (batons: intervention; killings: excessive)
                            sub = h.sub if h.sub in PROTEST_SEVERITY else "Protest with intervention"
                        elif not (ak & {"protester", "rioter"}) and ("state" in ak or not pk and h.agent and all(a.pos_ == "PRON" for a in h.agent)):
                            # a violent demonstration is the demonstrators' own violence: shots fired by the
                            # forces, or by "they" at "us" in a demonstrator's words, are force used on the crowd
                            sub = h.sub if h.sub in PROTEST_SEVERITY else "Protest with intervention"
                        else:
                            sub = "Violent demonstration"
                        if "civilian" in pk and "state" not in pk:
                            sub = ref.sub
                h.sub = sub
                h.rule += f"->refers to '{ref.cand.key}'"
                h.conf = max(h.conf, min(0.7, ref.conf))
            elif h.cand.role == "effect" and not h.patient:
                h.conf = min(h.conf, 0.4)
        # "floods swept the province ... 96 houses were destroyed", "a fire broke out ... twelve workers were
        # killed": damage or death told with nobody doing it, in a story whose only named cause is a hazard,
        # is the hazard's (ACLED codes no disaster, natural or man-made)
        for h, bg in happenings:
            if not bg and _hazard_damage(doc, h, happenings, sents, sno):
                h.conf = min(h.conf, 0.35)
                h.rule += "->damage by the story's hazard"
        for h, bg in happenings:
            if not bg and _hazard_relief(h, happenings, sents, sno):
                h.conf = min(h.conf, 0.35)
                h.rule += "->relief after the story's hazard"
        for h, bg in happenings:
            here = sno(h.cand.tok)
            fought = any(not xbg and x.cand.family in ("battle", "violence", "remote") and x.cand.tok.i < h.cand.tok.i
                         and here - sno(x.cand.tok) <= 2 for x, xbg in happenings)
            if not bg and _retreat_after_fight(h, fought):
                h.conf = min(h.conf, 0.35)
                h.rule += "->a retreat at the end of a fight"
        for h, bg in happenings:
            if not bg and _search_raid(doc, h, happenings):
                h.conf = min(h.conf, 0.35)
                h.rule += "->a search by the forces, nobody harmed"
        # "the bombing", "the bomber", "the blast" with no cue of their own: the kind of
        # explosion already reported ("a suicide bomber ... the bombing")
        remote_seen: list = []
        for h, bg in happenings:
            if bg or h.cand.family != "remote":
                continue
            c = h.cand
            definite = any(d.dep_ in ("det", "poss") and d.lower_ in ("the", "this", "that", "its", "their", "his") for d in c.tok.children) or c.tok.pos_ == "VERB" and not h.agent
            if h.rule.endswith("#default") and definite and remote_seen:
                here = sno(c.tok)
                near = [x for x in remote_seen if here - sno(x.cand.tok) <= REF_WINDOW]
                if near and near[-1].sub != h.sub:
                    h.rule += f"->same explosion as '{near[-1].cand.key}'"
                    h.sub = near[-1].sub
            remote_seen.append(h)
        # "X claimed responsibility for the bombing": no new happening, but X is the initiator of
        # the bombing told before, when the text named none
        for h, bg in happenings:
            if not (bg and h.cand.background == "claim of responsibility"):
                continue
            claimants = [a for a in _responsible(h.cand.tok) if a.pos_ != "PRON"]
            if not claimants:
                continue
            here = sno(h.cand.tok)
            told = [x for x, xbg in happenings if not xbg and x.cand.tok.i < h.cand.tok.i and here - sno(x.cand.tok) <= REF_WINDOW
                    and x.cand.family == h.cand.family and not x.agent]
            if told:
                told[-1].agent = claimants
                told[-1].rule += "->claimed by the group"
        # arrests reported right after a demonstration: the police intervention in it
        protests = [h for h, bg in happenings if not bg and h.cand.family == "protest" and h.sub != "Mob violence"]
        for h, bg in happenings:
            if bg or h.cand.family != "arrest" or h.sub != "Arrests" or not protests:
                continue
            here = sno(h.cand.tok)
            if any(0 <= here - sno(p.cand.tok) <= 2 and not _protest_named_by_arrest(h.cand, p.cand)
                   and _same_time(doc, h.cand.tok, p.cand.tok) for p in protests):
                h.sub = "Protest with intervention"
                h.rule += "->arrests at the demonstration"
        for h, bg in happenings:
            c = h.cand
            toks = [m.tok.i for m in c.all() if not m.background or m is c]
            start, end = c.start, c.end
            sp = Span(doc, start, end, label=h.sub)
            sp._.event_type = (event_type_of(h.sub), h.sub)
            sp._.event_confidence = round(h.conf if not bg else min(h.conf, 0.3), 3)
            sp._.event_rule = h.rule + (f" [background: {c.background}]" if bg else "")
            sp._.background = bool(bg)
            sp._.event_args = {
                "head": c.tok.i,
                "agent": [t.i for t in h.agent],
                "patient": [t.i for t in h.patient],
                "members": sorted(set(toks)),
                "family": c.family,
                "role": c.role,
                "embedded": c.embedded,
            }
            spans.append(sp)
        doc.spans["ew_triggers"] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc

    def _safe(self, doc, sent):
        try:
            return sentence_happenings(doc, sent, self.lex, self.matcher)
        except Exception:  # noqa: BLE001 - one odd parse must not lose the article
            import logging

            logging.getLogger(__name__).exception("trigger detection failed on a sentence")
            return []


@Language.factory("eventwire_events")
def make_events(nlp: Language, name: str):
    return EventTriggers(nlp)
