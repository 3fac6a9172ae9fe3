"""eventwire_quantities: numbers in the text, what they count and how exactly.

Writes ``doc.spans["ew_quantities"]``: one span per number expression ("at
least 10", "nearly two dozen", "dozens", "no one"), with
``Span._.quantity = records.Quantity(value, counted, low, high, approximate)``.

``counted`` is a normalized key when the number is tied to a casualty or
event word (``killed``, ``wounded``, ``abducted``, ``arrested``,
``evacuated``, ``displaced``, ``released``, ``rescued``, ``missing``,
``casualties``), else the plural of the noun counted ("buses",
"militants").  Numbers with nothing to count and years, times, ages,
distances, percentages, money and ordinals are left out.

News wording handled beyond plain "N <noun> were killed":

- numbers that name rather than count are skipped: addresses ("the 4200 block of", "618 Elm Road",
  "817 S. Clay Ave."), labels after a name or a unit word ("Interstate 24", "Route 9", "Apt. 4",
  "Channel 4", "Section 8", "Gate 3"), phone numbers, clock times and video timestamps, numeric dates,
  scores ("won 3-1"), ages ("the 20-year-old", "Jones, 34,", "ages 13, 17 and 19", "both 16");
- "shot"/"stabbed" without a death is ``wounded``; "shot dead", "shot to death", "fatally shot",
  "shot and killed" are ``killed``; "N shot, M fatally", "..., killing M", "M dead after N were shot",
  "M of the victims died" (a later sentence) leave N-M wounded (the span keeps its text, its value
  is the rest);
- other wounded wordings: "suffered/sustained injuries", "with gunshot wounds", "hospitalized",
  "taken/sent/rushed to (the) hospital", "were treated"; other deaths: "claimed N lives", "N bodies",
  "succumbed", "took his own life", "turned the gun on himself";
- alive and hurt: "in critical (stable...) condition", "(is) at a hospital", "suffering from a gunshot
  wound", "recovering", "shot in the leg"; dead after all: "... and was pronounced dead", "taken to a
  hospital, where he died", "a dead woman who had been shot", "..., killing him", "the fatal shooting of a
  teen", "a double homicide"; "a triple shooting" counts those hit, less the dead its sentence tells;
  "a fatal shooting" in a text that gives no toll at all is one death;
- what did not happen counts nobody: "planned to kill", "missed killing"; "two of the four victims died"
  does not kill the four;
- victims named without a number count one each: "a woman was shot and wounded" (span "a woman"),
  "a man and his son were shot dead" (2), "three men and a teenager were hurt" (3 + 1, same
  governor), "the suspect was killed" (the perpetrator's death is in the toll); the subject of an
  active casualty verb with an object is the doer, not a victim ("two gunmen killed five people"),
  except reflexives ("a boy accidentally shot himself in the foot": wounded); "the victim", "her son",
  named people and he/she count where the word says they died, or lived ("the boy was wounded", "she is
  in stable condition"), not on a bare "shot"; "another" / "the other" add to the count before them;
- across the text: once a group of victims is counted, victims then told one by one are of that group
  (not more); a bare "shot" of one who is then told dead alike ("a 17-year-old boy", or "he" for a boy) is
  that death, not a wounded.

Also sets ``Span._.quantity_governor`` (registered here): the token index of
the casualty word the number hangs on, shared by coordinated numbers ("30
militants and four soldiers were killed"), so ``totals()`` can sum them.

Helpers: ``counts_in(span)``, ``sum_counted(spans, key)``, ``totals(spans)``.
"""
from __future__ import annotations

import math
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import Quantity
from . import extensions  # noqa: F401
from .attribution import REPORT_VERBS
from .dateline import DATELINE
from .extensions import doc_lowers, doc_text
from .toponyms import demonym_country

GROUP = "ew_quantities"

if not Span.has_extension("quantity_governor"):
    Span.set_extension("quantity_governor", default=None)

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague amounts: word -> (value, low, high)
VAGUE = {
    "dozens": (24, 24, 99), "scores": (40, 40, 99), "hundreds": (200, 200, 999),
    "thousands": (2000, 2000, 9999), "millions": (2_000_000, 2_000_000, 9_999_999),
    "tens": (20, 20, 99),
}
# Hedges before a number: phrase -> (bound, approximate); bound: low | high | None
HEDGES = {
    "at least": ("low", True), "more than": ("low", True), "over": ("low", True), "upwards of": ("low", True),
    "no fewer than": ("low", True), "not less than": ("low", True), "in excess of": ("low", True),
    "just over": ("low", True), "well over": ("low", True), "some": (None, True), "about": (None, True),
    "around": (None, True), "approximately": (None, True), "roughly": (None, True), "an estimated": (None, True),
    "estimated": (None, True), "nearly": ("high", True), "almost": ("high", True), "up to": ("high", True),
    "as many as": ("high", True), "fewer than": ("high", True), "less than": ("high", True),
    "close to": ("high", True), "just under": ("high", True), "under": ("high", True),
    "a total of": (None, False), "an additional": (None, False), "another": (None, False),
}
_HEDGE_TOKENS = sorted((h.split() for h in HEDGES), key=len, reverse=True)

# Casualty and event words -> counted key.
VERB_KEYS = {
    "kill": "killed", "die": "killed", "murder": "killed", "slay": "killed", "execute": "killed",
    "behead": "killed", "massacre": "killed", "assassinate": "killed", "perish": "killed", "lynch": "killed",
    "slaughter": "killed", "succumb": "killed", "wound": "wounded", "injure": "wounded", "hurt": "wounded", "maim": "wounded",
    "kidnap": "abducted", "abduct": "abducted", "arrest": "arrested", "detain": "arrested",
    "apprehend": "arrested", "evacuate": "evacuated", "displace": "displaced", "uproot": "displaced",
    "flee": "displaced", "release": "released", "free": "released", "rescue": "rescued",
}
ADJ_KEYS = {"dead": "killed", "killed": "killed", "wounded": "wounded", "injured": "wounded",
            "hurt": "wounded", "missing": "missing", "kidnapped": "abducted", "abducted": "abducted",
            "arrested": "arrested", "detained": "arrested", "displaced": "displaced", "evacuated": "evacuated"}
NOUN_KEYS = {"death": "killed", "fatality": "killed", "dead": "killed", "fatalities": "killed",
             "deaths": "killed", "casualty": "casualties", "casualties": "casualties", "injury": "wounded",
             "injuries": "wounded", "injured": "wounded", "wounded": "wounded", "hostage": "abducted",
             "hostages": "abducted", "abductee": "abducted", "arrest": "arrested", "arrests": "arrested",
             "detainee": "arrested", "evacuee": "evacuated", "evacuees": "evacuated", "body": "killed",
             "bodies": "killed", "corpse": "killed", "corpses": "killed"}
EVENT_NOUN_KEYS = {"abduction": "abducted", "kidnapping": "abducted", "kidnap": "abducted", "killing": "killed",
                   "murder": "killed", "massacre": "killed", "death": "killed", "execution": "killed",
                   "arrest": "arrested", "detention": "arrested", "evacuation": "evacuated",
                   "displacement": "displaced", "release": "released", "rescue": "rescued",
                   "wounding": "wounded", "injury": "wounded", "assassination": "killed", "slaying": "killed",
                   "beheading": "killed", "lynching": "killed"}
# manners of doing someone to death (not "sentenced to death", "scared to death")
TO_DEATH_VERBS = {"beat", "club", "hack", "stone", "burn", "bludgeon", "batter", "kick", "hammer", "whip", "flog", "lash",
                  "strangle", "trample", "knife", "chop", "cut", "torch", "lynch", "crush", "torture", "set"}
TOLL_WORDS = {"toll", "tally", "number", "count", "figure"}
PERSON_NOUNS = {"people", "person", "persons", "civilians", "civilian", "students", "student", "children",
                "child", "villagers", "residents", "women", "men", "girls", "boys", "passengers", "soldiers",
                "soldier", "workers", "others", "fishermen", "farmers", "teachers", "journalists", "tourists",
                "foreigners", "nationals", "members", "worshippers", "pupils", "schoolgirls", "schoolchildren",
                "officers", "policemen", "troops", "fighters", "militants", "hostages", "staff", "crew",
                "guards", "teachers", "doctors", "nurses", "officials", "employees", "pilgrims", "traders",
                "policemen", "gunmen", "attackers", "rebels", "insurgents", "jihadists", "civilians", "victims"}
# verbs by which something else takes a toll up to a figure ("bringing the toll to three")
RAISE_VERBS = {"bring", "raise", "take", "push", "lift", "increase", "drive", "send"}
ROSE_VERBS = {"rise", "climb", "reach", "increase", "jump", "stand", "hit", "grow", "mount", "surge", "go",
              "soar", "top", "exceed", "pass", "be"}

SKIP_AFTER = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
    "minutes", "second", "seconds", "decade", "decades", "century", "km", "kilometres", "kilometers",
    "kilometre", "kilometer", "mile", "miles", "metre", "metres", "meter", "meters", "m", "ft", "feet",
    "percent", "per", "%", "a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "hrs", "kg",
    "kilograms", "tons", "tonnes", "ton", "block", "blk", "mph", "caliber", "calibre", "yards", "yard", "lb",
    "lbs", "ounces", "grams", "gram", "inch", "foot", "storey", "story", "yr", "yrs", "yo", "dollars", "dollar", "euros", "euro", "pounds", "naira", "shillings",
    "rupees", "yuan", "dinars", "riyals", "usd", "times", "square", "sq", "km2", "acres", "hectares", "liters",
    "litres", "mm", "cm", "inches", "degrees", "points", "votes", "seats", "bn", "mln", "rounds",
}
SKIP_BEFORE = {"$", "£", "€", "us$", "aged", "age", "ages", "no.", "number", "resolution", "article", "route",
               "highway", "flight", "page", "chapter", "section", "km", "kilometre", "kilometer", "mile", "at",
               "younger", "older", "than", "rs", "n", "sh", "ksh", "usd", "eur", "gbp"}
AGE_WORDS = {"younger", "older", "age", "aged", "ages", "under"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
          "nov", "dec"}
MONTHS |= {m + "." for m in MONTHS if len(m) <= 4}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues",
            "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
SKIP_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
# A number right after one of these names a thing, it does not count it: "Interstate 24", "Route 9",
# "Apt. 4", "Channel 4", "Section 8", "Building 7", "Gate 3", "Room 12", "Exit 5", "Camp 2".
LABEL_BEFORE = {
    "interstate", "i", "highway", "hwy", "route", "rt", "rte", "road", "rd", "street", "st", "avenue", "ave",
    "state", "county", "sr", "cr", "fm", "sh", "channel", "ch", "section", "building", "bldg", "gate",
    "apt", "apartment", "unit", "suite", "ste", "room", "rm", "floor", "level", "lot", "pier", "terminal",
    "platform", "exit", "marker", "district", "ward", "precinct", "station", "zone", "sector", "block", "camp",
    "phase", "grade", "class", "category", "type", "stage", "title", "code", "case", "docket", "model",
    "version", "episode", "season", "volume", "vol", "p", "pp", "amendment", "proposition", "prop", "measure",
    "bill", "act", "item", "box", "cell", "hall", "line", "bay", "hangar", "dock", "berth", "lane", "ext",
    "extension", "ext.", "tel", "phone", "fax", "pin", "ch", "id", "#", "no", "nos", "number", "numbers",
    "image", "photo", "picture", "slide", "video", "gallery",
}
# Road and address words: "618 Henson Road", "the 4200 block of", "2 Main St."
ROAD_WORDS = {
    "road", "rd", "street", "st", "drive", "dr", "avenue", "ave", "lane", "ln", "boulevard", "blvd", "court",
    "ct", "way", "place", "pl", "circle", "cir", "highway", "hwy", "trail", "parkway", "pkwy", "terrace",
    "pike", "route", "block", "blk", "square", "plaza", "crescent", "close", "alley", "expressway", "freeway",
    "turnpike", "interstate",
}
# Who one "a"/"an" names when that person is wounded: "a woman was shot and wounded" -> wounded 1.
PERSON_SINGULAR = {
    "man", "woman", "boy", "girl", "teen", "teenager", "person", "child", "victim", "officer", "student",
    "resident", "driver", "passenger", "bystander", "toddler", "baby", "infant", "employee", "clerk", "guard",
    "worker", "youth", "juvenile", "male", "female", "soldier", "policeman", "civilian", "customer", "deputy",
    "trooper", "teacher", "cashier", "motorist", "pedestrian", "neighbor", "neighbour", "relative", "friend",
    "security", "journalist", "nurse", "doctor", "pupil", "kid", "adult", "patron", "shopkeeper", "farmer",
    "father", "mother", "son", "daughter", "brother", "sister", "husband", "wife", "grandmother", "grandfather",
    "grandson", "granddaughter", "uncle", "aunt", "cousin", "nephew", "niece", "boyfriend", "girlfriend",
    "fiance", "fiancee", "toddler", "newborn", "senior", "veteran", "sergeant", "constable", "agent", "ranger",
    "marshal", "sheriff", "homeowner", "tenant", "owner", "manager", "guest", "visitor", "tourist",
    "prisoner", "inmate", "detainee", "hostage", "protester", "militant", "fighter", "rebel", "insurgent",
    "miner", "pilot", "commander", "official", "priest", "imam", "pastor", "chief", "leader", "activist",
    "cyclist", "jogger", "hunter", "teammate", "classmate", "roommate", "coworker", "co-worker", "stepson",
    "stepdaughter", "stepfather", "stepmother", "grandchild", "passerby", "shopper", "fan", "dancer", "rapper",
    "musician", "player", "coach", "mom", "dad", "man", "lady", "gentleman", "preteen", "tween", "youngster",
    *{"suspect", "gunman", "shooter", "attacker", "robber", "intruder", "burglar", "assailant", "bomber"},
}
# The perpetrator's own death counts in the event's toll: "the suspect was killed", "the gunman died"
PERPETRATORS = {"suspect", "gunman", "shooter", "attacker", "robber", "intruder", "burglar", "assailant", "bomber",
                "carjacker", "hijacker", "kidnapper"}
HOSPITAL_VERBS = {"take", "send", "rush", "transport", "airlift", "fly", "carry", "admit", "bring", "drive",
                  "hospitalize"}
SUFFER_VERBS = {"suffer", "sustain", "receive", "survive", "have"}
WOUND_NOUNS = {"injury", "injuries", "wound", "wounds", "burns", "burn", "fracture", "fractures"}
FATAL_ADVS = {"fatally", "mortally"}
BULLET_WORDS = {"bullet", "gunfire", "round", "shot", "pellet", "shrapnel", "gunshot", "fire", "crossfire"}
LIFE_VERBS = {"claim", "take", "cost", "lose", "end"}
# "in critical condition", "in stable but serious condition": someone hurt and alive
CONDITION_WORDS = {"critical", "serious", "stable", "fair", "good", "grave", "guarded", "satisfactory", "poor",
                   "life-threatening", "non-life-threatening"}


def _in_condition(v: Token) -> bool:
    """``v`` has "in critical (serious, stable...) condition" below it, or is "be/remain in hospital": the
    one it tells of lives, hurt."""
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at") and v.lemma_.lower() in ("be", "remain", "stay") and any(
                w.dep_ == "pobj" and w.lemma_.lower() == "hospital" for w in c.children):
            return True  # "three more people are at a hospital", "two remain in hospital"
        if c.dep_ == "prep" and c.lower_ == "in":
            for w in c.children:
                if w.dep_ == "pobj" and w.lemma_.lower() == "condition" and any(
                        x.lower_ in CONDITION_WORDS or x.lower_.split("-")[-1] in CONDITION_WORDS
                        for x in w.subtree if x.i < w.i):
                    return True
    return False


# "shot in the leg": a wound one lives through
LIMBS = {"leg", "legs", "arm", "arms", "foot", "feet", "hand", "hands", "thigh", "thighs", "knee", "knees",
         "ankle", "ankles", "shoulder", "shoulders", "buttocks", "buttock", "hip", "hips", "elbow", "wrist",
         "finger", "fingers", "toe", "toes", "calf", "shin", "forearm", "heel", "butt", "backside", "arm."}


def surely_survived(doc: Doc, gov: int | None) -> bool:
    """The word a single victim hangs on says they lived: "wounded", "injured", "in critical condition",
    "taken to hospital", "recovering", "shot in the leg" (a bare "shot" may be told of one who died)."""
    if gov is None:
        return False
    g = doc[gov]
    lemma = g.lemma_.lower()
    if lemma in ("shoot", "stab", "strike", "hit", "graze"):
        return any(c.dep_ == "prep" and c.lower_ in ("in", "on") and any(
            w.dep_ == "pobj" and w.lower_ in LIMBS for w in c.children) for c in g.children) or _in_condition(g)
    return not _then_died(g)


def _then_died(v: Token) -> bool:
    """A death coordinated after ``v``: "suffered a gunshot wound and died", "was shot and pronounced dead"."""
    for c in v.children:
        if c.dep_ != "conj" or any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children) or not any(
                x.dep_ == "cc" and v.i < x.i < c.i for x in v.children):
            continue
        lemma = c.lemma_.lower()
        if lemma in ("die", "succumb", "perish"):
            return True
        if lemma in ("pronounce", "declare", "find") and any(x.lower_ == "dead" for x in c.children):
            return True
        if lemma in HOSPITAL_VERBS and _died_there(c):
            return True  # "was shot and taken to a hospital, where he died"
    return False


def _died_there(v: Token) -> bool:
    """A death told in a place clause below ``v``: "taken to a hospital, where he died"."""
    return any(x.lemma_.lower() in ("die", "succumb") or x.lower_ == "dead" for c in v.children
               if c.dep_ == "prep" for x in c.subtree)
_PATTERN_SKIPS = re.compile(
    r"(?:\+?1[\s.-])?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"  # phone numbers: 252-972-1411, (252) 972-1411
    r"|\b1-8\d\d-[A-Z0-9-]{7,}"  # 1-800-CALL-NOW
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # clock times and timestamps: 6:18, 12:05:30
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"  # dates: 6/18, 6/18/2015
)
IRREGULAR_PLURALS = {"person": "people", "man": "men", "woman": "women", "child": "children",
                     "policeman": "policemen", "gunman": "gunmen", "militiaman": "militiamen",
                     "fisherman": "fishermen", "serviceman": "servicemen", "bus": "buses",
                     "people": "people", "police": "police", "staff": "staff", "personnel": "personnel",
                     "aircraft": "aircraft", "livestock": "livestock", "cattle": "cattle", "sheep": "sheep"}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$|^\d+\.\d+$")


def pluralize(word: str) -> str:
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if re.search(r"(s|sh|ch|x|z)$", w):
        return w + "es"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    return w + "s"


# No count in a news report is larger (the world has about 8 billion people); a bigger
# number is an id, a sum of money or noise, and beyond 2**63 it cannot even be stored.
MAX_COUNT = 10_000_000_000


def _parse_number(tokens: list[Token]) -> tuple[int, int | None, int | None, bool] | None:
    """(value, low, high, approximate) of number tokens, or None (also for a number over MAX_COUNT)."""
    words = [t.lower_ for t in tokens if t.text not in ("-", "–")]
    if not words:
        return None
    # vague amounts: "dozens", "hundreds", "tens of thousands" (the "of thousands" is read by the caller)
    if len(words) == 1 and words[0] in VAGUE:
        v, lo, hi = VAGUE[words[0]]
        return v, lo, hi, True
    if words[-1] in ("dozen",):
        mult = 1
        if len(words) > 1 and words[:-1] not in (["a"], ["an"]):
            inner = _parse_number_words(words[:-1])
            if inner is None:
                return None
            mult = inner
        return (12 * mult, None, None, False) if 12 * mult <= MAX_COUNT else None
    total = _parse_number_words(words)
    if total is None or total > MAX_COUNT:
        return None
    return total, None, None, False


def _parse_number_words(words: list[str]) -> int | None:
    total = 0
    current = 0
    seen = False
    for w in words:
        if w in ("a", "an"):
            current = current or 1
            continue
        if w == "and":
            continue
        if _DIGITS.match(w):
            num = float(w.replace(",", ""))
            current += num
            seen = True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w in TENS:
            current += TENS[w]
            seen = True
        elif "-" in w and all(p in UNITS or p in TENS for p in w.split("-")):
            current += sum(UNITS.get(p, 0) + TENS.get(p, 0) for p in w.split("-"))
            seen = True
        elif w in SCALES:
            scale = SCALES[w]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    if not seen or not math.isfinite(total + current):  # "999...9" (400 digits) is float infinity
        return None
    return int(total + current)


def word_number(word: str) -> int | None:
    """The value of one number word or figure ("seven", "twenty-one", "1,500"), else None."""
    return _parse_number_words([word])


def _is_number_token(t: Token) -> bool:
    low = t.lower_
    if _DIGITS.match(t.text):
        return True
    if low in UNITS or low in TENS or low in SCALES or low == "dozen":
        return True
    if "-" in low and all(p in UNITS or p in TENS for p in low.split("-")):
        return True
    return False


def _is_agent(a: Token) -> bool:
    """The subject of an active verb with an object does it: "one of his sons shot his brother",
    "two gunmen killed five people"."""
    head = a.head
    # "shot and killed a woman": the object may sit on the coordinated verb
    conj = [x for x in head.children if x.dep_ == "conj" and x.pos_ == "VERB" and x.lemma_.lower() not in
            UNDERGO_VERBS and not any(y.dep_ in ("nsubj", "nsubjpass") for y in x.children)]
    objs = [c for v in (head, *conj) for c in v.children if c.dep_ == "dobj"]
    if any(o.lower_ in REFLEXIVES for o in objs):
        return False  # "a boy accidentally shot himself": the one who did it is the victim
    if head.lemma_.lower() in ("take", "turn") and QuantitiesComponent._verb_key(head) == "killed":
        return False  # "took his own life", "turned the gun on himself"
    return a.dep_ == "nsubj" and head.pos_ == "VERB" and bool(objs) \
        and not any(c.dep_ == "auxpass" for c in head.children) and head.lemma_.lower() not in UNDERGO_VERBS


POSSESSIVES = {"his", "her", "their", "my", "our"}
_SINGLE_OPENERS = frozenset({"a", "an", "another", "the", *POSSESSIVES})  # "a man", "his wife": one person
# Verbs whose subject undergoes rather than does: "thousands who fled the fighting", "20 lost their lives"
UNDERGO_VERBS = {"lose", "suffer", "sustain", "receive", "survive", "have", "flee", "escape", "abandon"}
REFLEXIVES = {"himself", "herself", "themselves", "myself", "yourself", "ourselves", "itself"}
# where a self-inflicted shot is often deadly: "shot himself in the head" tells no more than "shot himself"
VITAL_PARTS = {"head", "chest", "heart", "neck", "temple", "mouth", "torso"}


# a sentence that tells of a death ("a boy is dead after he accidentally shot himself")
DEATH_WORDS = {"dead", "death", "fatal", "fatally", "coroner", "autopsy", "funeral", "deadly"}
# "tried to kill", "planned to kill", "missed killing": the casualty verb below them did not happen
UNREALIZED = {"try", "attempt", "plan", "threaten", "want", "intend", "vow", "seek", "mean", "miss", "avoid",
              "escape", "fail", "prepare", "aim", "conspire", "hope", "plot", "wish", "expect"}
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
ORDINAL_VALUES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10}
ORDINAL_WORDS = set(ORDINAL_VALUES) - {"first"}


def dateline_body_start(doc: Doc) -> int:
    """Index of the body's first token after a wire dateline ("RIO DE JANEIRO, March 18 (Reuters) - "),
    or -1.  The dash closes the dateline: the filing date before it is no part of a count after it
    ("June 9 - 12 people" is no range and no score), and the parser, which often reads the dateline
    and the lead as one sentence, may hang the lead's first phrase on the dateline's place."""
    dl = doc._.dateline
    if dl is None:
        return -1
    cached = doc.user_data.get("_ew_body_start")  # read once per number otherwise
    if cached is not None and cached[0] == dl.start_char:
        return cached[1]
    found = -1
    m = DATELINE.match(doc_text(doc), dl.start_char)
    if m is not None and m.end("place") == dl.end_char:
        found = next((t.i for t in doc[dl.end:] if t.idx >= m.end()), -1)
    doc.user_data["_ew_body_start"] = (dl.start_char, found)
    return found


PART_PRONOUNS = {"them", "whom", "those", "these"}
CASUALTY_KEYS = {*VERB_KEYS.values(), *ADJ_KEYS.values(), *NOUN_KEYS.values(), *EVENT_NOUN_KEYS.values()}


def _part_of_whole_told(doc: Doc, start: int) -> bool:
    """The count names some of a whole the sentence counted just before ("21 civilians, among them two
    children", "nine people, including two teenagers", "11 villagers, among whom four women"): a part of
    that toll, not dead or hurt of their own to add to it.  The parse often hangs the part on the verb as a
    second object or subject, so the words before it tell, not its attachment."""
    k = start - 1
    if k >= 1 and doc[k].lower_ in PART_PRONOUNS and doc[k - 1].lower_ in ("among", "including"):
        k -= 1
    elif not (k >= 0 and doc[k].lower_ == "including"):
        return False
    sent_start = doc[start].sent.start
    return k - 1 > sent_start and doc[k - 1].text == "," and any(
        _is_number_token(t) for t in doc[sent_start:k - 1])


def _nationality_breakdown(num: Token) -> bool:
    """"killed three aid workers, two Kenyans and a Briton": a list of nationalities after a counted
    group, whose numbers add up to the group's, tells who the group were, not more dead.  The parser
    hangs the first nationality on the group as a conjunct (or an apposition)."""
    noun = num.head if num.dep_ == "nummod" else None
    if noun is None or noun.i <= 1 or noun.dep_ not in ("conj", "appos"):
        return False
    group = noun.head
    while group.dep_ == "conj" and group.head.i < group.i:
        group = group.head
    if group.i >= noun.i or not _people_noun(group) or not _comma_between(group, noun):
        return False
    whole = _own_count(group)
    if whole is None:
        return False
    listed = sorted({noun, *(c for c in noun.conjuncts if c.i > group.i)}, key=lambda c: c.i)
    total = 0
    for c in listed:
        if not (c.ent_type_ == "NORP" or demonym_country(c.text) or (
                c.tag_ == "NNP" and any(x.lower_ in ("a", "an") for x in c.children))):  # "a Briton"
            return False
        n = [x for x in c.children if x.dep_ == "nummod"]
        if n:
            parsed = _parse_number([n[0]]) if _is_number_token(n[0]) else None
            if parsed is None:
                return False
            total += parsed[0]
        elif any(x.lower_ in ("a", "an") for x in c.children):
            total += 1
        else:
            return False
    return total == whole[0]


def _comma_between(a: Token, b: Token) -> bool:
    return any(t.text == "," for t in a.doc[a.i + 1:b.i])


def _own_count(noun: Token) -> tuple | None:
    """The number a noun carries ("six monks"), parsed; None with no number or more than one."""
    nums = [c for c in noun.children if c.dep_ == "nummod"]
    return _parse_number([nums[0]]) if len(nums) == 1 and _is_number_token(nums[0]) else None


def _one_person(t: Token) -> bool:
    """A singular noun naming one person: "woman", "Deputy", "a 15-year-old", "a fourth", "an eighth-grader"."""
    low = t.lemma_.lower()
    if t.tag_ in ("NN", "NNP") and low in PERSON_SINGULAR:
        return True
    if t.lower_ == "old" and t.i >= 2 and t.doc[t.i - 1].text in ("-", "–") and t.doc[t.i - 2].lower_ in (
            "year", "month", "week", "day"):
        return True  # "a 15-year-old was shot"
    if t.lower_ in ORDINAL_WORDS and t.dep_ in ("nsubj", "nsubjpass"):
        return True  # "three were killed and a fourth was injured"
    if t.lower_ == "other" and t.dep_ in ("nsubj", "nsubjpass") and t.i > 0 and t.doc[t.i - 1].lower_ == "the":
        return True  # "one victim died and the other was treated for injuries"
    if t.tag_ == "NN" and t.i > 0 and t.doc[t.i - 1].text in ("-", "–") and low.endswith("er"):
        return True  # "an eighth-grader", "a first-grader"
    if t.tag_ == "NN" and len(low) > 5 and low.endswith(("man", "woman")) and low not in NOT_PERSON_MAN:
        return True  # English names a person by "-man": "fisherman", "tribesman", "militiaman"
    return False


NOT_PERSON_MAN = frozenset({"ottoman", "talisman", "caiman", "doberman"})
# Verbs whose patient is a living being: "a shepherd was killed", "gunmen murdered a trader".
KILLING_VERBS = frozenset({"kill", "murder", "slay", "assassinate", "behead", "lynch", "execute"})


def _killed_one(t: Token) -> bool:
    """A singular common noun of a nationality that a verb of killing takes as its victim ("a Pakistani
    shepherd was killed", "troops killed an Afghan interpreter"): a people's member is a person, and
    "kill" tells a living being, so one dead, though no list of person nouns holds the noun.  (Without
    the nationality "kill" also ends plans: "the council killed a proposal".)  Not a name, place or time."""
    if t.tag_ != "NN" or t.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "EVENT", "PRODUCT"):
        return False
    if not any(c.dep_ in ("amod", "compound") and (c.ent_type_ == "NORP" or demonym_country(c.text))
               for c in t.children):
        return False
    v = t.head
    killing = v.lemma_.lower() in KILLING_VERBS or (
        v.lemma_.lower() == "shoot" and any(c.lower_ == "dead" for c in v.children))  # "shot dead a porter"
    return v.pos_ == "VERB" and killing and (
        (t.dep_ == "nsubjpass" and v.tag_ == "VBN") or (t.dep_ == "dobj" and v.tag_ != "VBN"))


def _agent_noun(t: Token) -> bool:
    """A singular noun that by its ending names a doer, so likely a person: "hunter", "sergeant", "cyclist"
    (counted only where it dies: "a computer died" is no news of war)."""
    return t.tag_ == "NN" and _agent_noun_word(t.lower_)


def _agent_noun_word(low: str) -> bool:
    return len(low) > 4 and low.endswith(("er", "or", "ist", "ian", "ant")) \
        and low not in ("computer", "motor", "tractor", "trailer", "container", "center", "centre", "border",
                        "order", "number", "river", "water", "power", "paper", "letter", "error", "sector",
                        "corridor", "plant", "restaurant", "warrant", "quarter", "monitor", "generator")


def _people_noun(t: Token) -> bool:
    """A plural noun naming people: "civilians", "clergymen", "herders" (a doer by its ending)."""
    low, lemma = t.lower_, t.lemma_.lower()
    return t.tag_ in ("NNS", "NNPS") and (
        low in PERSON_NOUNS or lemma in PERSON_SINGULAR or (len(low) > 5 and low.endswith("men"))
        or (lemma != low and _agent_noun_word(lemma)))


def _listed_with_people(t: Token) -> bool:
    """A singular common noun listed after a counted group of people as one more of them ("six monks, a
    cook and her son"): a person whatever the noun, as the list's other members are.  The parser hangs it
    on the group as an apposition, its followers as its conjuncts."""
    first = t
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    group = first.head
    return (t.tag_ == "NN" and first.dep_ == "appos" and first.tag_ == "NN" and group.i < first.i
            and _people_group(group, [first, *first.conjuncts]) and not t.ent_type_
            and any(c.dep_ in ("det", "poss") for c in t.children))


def _speakers_after_count(t: Token) -> bool:
    """The noun phrase at ``t`` runs, through nothing but noun-phrase words, into a verb of saying: it
    is that verb's subject, the source told after the fact ("... killed 12 people, a medic and the
    local council said"), which the parser often hangs on the counted victims as an apposition.  A
    speaker is no victim."""
    doc = t.doc
    for k in range(t.i, min(t.sent.end, t.i + 14)):
        w = doc[k]
        if w.pos_ in ("VERB", "AUX"):
            return w.lemma_.lower() in REPORT_VERBS and w.tag_ in ("VBD", "VBZ", "VBP") and k > t.i
        if w.pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "CCONJ", "ADP", "NUM", "PRON", "PART") \
                and w.text not in ("'s", "’s"):
            return False
    return False


# What a death is told to come of when no one dealt it: an illness or an accident.  Such a death is no
# political violence (ACLED codes none), even told beside a riot ("an elderly man died of a heart attack
# during the riot").  A wound ("died of his injuries") or a blast is violence and is not here.
ILLNESS_OR_ACCIDENT = frozenset({
    "accident", "illness", "disease", "cancer", "stroke", "cholera", "malaria", "covid", "covid-19",
    "pneumonia", "tuberculosis", "ebola", "measles", "diabetes", "overdose"})


def _died_of_no_violence(gov: Token) -> bool:
    """"died of a heart attack", "was killed in a road accident", "died from an illness": the death verb's
    own "of"/"from"/"in" names an illness or an accident as its cause."""
    for p in gov.children:
        if p.dep_ != "prep" or p.lower_ not in ("of", "from", "in", "after"):
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            low = o.lemma_.lower()
            mods = {c.lower_ for c in o.children if c.dep_ in ("compound", "amod")}
            if low in ILLNESS_OR_ACCIDENT or (low in ("attack", "arrest", "failure") and mods & {
                    "heart", "cardiac"}) or (low == "cause" and "natural" in mods):
                return True
    return False


def _people_group(group: Token, listed: list[Token]) -> bool:
    """A counted plural of people: by its noun, or by a person the list after it names ("six monks,
    a cook and her son": the son is a person, so the list is of people)."""
    return group.tag_ in ("NNS", "NNPS") and any(c.dep_ == "nummod" for c in group.children) and (
        _people_noun(group) or any(_one_person(x) for x in listed))


def _agent_clause(c: Token) -> bool:
    """A relative or participial clause in which the noun acts on someone: "gunmen who killed five",
    "a man shooting at cars"."""
    if c.pos_ != "VERB" or any(x.dep_ == "auxpass" for x in c.children) or c.lemma_.lower() in UNDERGO_VERBS:
        return False
    # "who shot and killed a thief": the object may sit on the coordinated verb
    verbs = [c, *(x for x in c.children if x.dep_ == "conj" and x.pos_ == "VERB"
                  and not any(y.dep_ in ("nsubj", "nsubjpass") for y in x.children))]
    has_obj = any(x.dep_ in ("dobj", "obj") and x.lower_ not in REFLEXIVES for v in verbs for x in v.children)
    rel_subj = any(x.dep_ == "nsubj" and x.lower_ in ("who", "that", "which") for x in c.children)
    return has_obj and (rel_subj or c.tag_ == "VBG" or c.dep_ == "relcl")


def _toll_reached(t: Token) -> bool:
    """The number is what a toll rose or fell to ("the number of soldiers killed rose to nine", "the toll
    climbed to 12"): syntax says it counts the toll, whatever span NER took it into ("nine after a ...")."""
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ not in ("to", "at") or prep.head.pos_ != "VERB":
        return False
    if revising_toll(prep.head) is not None:
        return True  # "killing four, a number that rose to six overnight"
    return prep.lower_ == "to" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in TOLL_WORDS
                                       for c in prep.head.children)


def _partitive_clause(c: Token) -> bool:
    """"five villagers, two of whom died": the clause tells of a part ("two of whom"), not of all five."""
    return c.dep_ == "relcl" and any(
        s.dep_ in ("nsubj", "nsubjpass") and any(p.dep_ == "prep" and p.lower_ == "of" and any(
            o.lower_ in ("whom", "which", "them") for o in p.children) for p in s.children)
        for s in c.children)


def _ent_at(doc: Doc, i: int) -> Span | None:
    """The entity holding token ``i`` (``doc.ents`` builds every entity's Span on each call; the
    entities are fixed once NER has run, before this component)."""
    index = doc.user_data.get("_ew_ent_at")
    if index is None or index[0] != len(doc):
        at: dict[int, Span] = {}
        for e in extensions.doc_ents(doc):
            for k in range(e.start, e.end):
                at.setdefault(k, e)
        index = doc.user_data["_ew_ent_at"] = (len(doc), at)
    return index[1].get(i)


def _pattern_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside phone numbers, clock times and numeric dates."""
    out: set[int] = set()
    for m in _PATTERN_SKIPS.finditer(doc_text(doc)):
        sp = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if sp is not None:
            out.update(range(sp.start, sp.end))
    return out


def _shot_and_fatal(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Sixteen people were shot -- one fatally", "police shot two men, killing one", "one person is dead
    after seven people were shot": the shooting count includes the dead, so the wounded are the rest (none
    when all of them died: "a man was shot in the chest, killing him")."""
    gone: set[int] = set()
    taken_apart: set[int] = set()  # shooting counts whose dead the parse linked to them
    for sp in spans:
        q = sp._.quantity
        gov = sp._.quantity_governor
        if q is None or q.counted != "wounded" or gov is None or (
                doc[gov].lemma_.lower() not in ("shoot", "stab")
                and doc[gov].lower_ not in ("shooting", "stabbing", "shot", "stabbed")):  # a headline's "4 shot" a noun
            continue
        shoot = doc[gov]
        near = {gov} | {c.i for c in shoot.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")}
        if shoot.pos_ == "NOUN" and shoot.dep_ in ("nsubj", "nsubjpass"):
            near.add(shoot.head.i)  # "a triple shooting left one man dead"
        dead = 0
        below = False
        for other in spans:
            oq = other._.quantity
            og = other._.quantity_governor
            if other is sp or oq is None or oq.counted != "killed" or og is None:
                continue
            # the death hangs below the shooting: "..., killing one", "four others, including one who died"
            g = doc[og]
            linked = og == gov
            for _ in range(5):
                if linked or g.head.i == g.i or g.dep_ not in (
                        "advcl", "conj", "relcl", "npadvmod", "advmod", "acl", "parataxis", "oprd", "ccomp",
                        "xcomp", "acomp", "pobj", "prep", "nsubj", "nsubjpass", "appos"):
                    break
                if g.dep_ in ("nsubj", "nsubjpass") and g.head.i != og:
                    break
                g = g.head
                linked = g.i in near
            # or the shooting hangs below the death: "one person is dead after seven people were shot"
            up = shoot
            for _ in range(2):
                if linked or up.dep_ not in ("advcl", "conj") or up.head.i == up.i:
                    break
                marks = {c.lower_ for c in up.children if c.dep_ == "mark"}
                was_conj = up.dep_ == "conj"
                up = up.head
                targets = {og, doc[og].head.i} if doc[og].dep_ in ("acomp", "attr", "oprd") else {og}
                linked = up.i in targets and (was_conj or "after" in marks)
            # or a headline's tally, the dead listed right after those shot with no verb between: "4 shot,
            # 1 dead", "Five shot, two killed" (the parser makes of it what it can)
            if not linked and shoot.i + 2 == other.start and sp.end == shoot.i and doc[shoot.i + 1].text == ","\
                    and og in (other.end - 1, other.end) and oq.value < q.value:
                linked = True
            if linked:
                dead += oq.value
                below = below or og == gov or up.i == shoot.i
        if dead:
            taken_apart.add(sp.start)
        if 0 < dead < q.value:
            sp._.quantity = Quantity(q.value - dead, "wounded", None if q.low is None else max(q.low - dead, 0),
                                     None if q.high is None else q.high - dead, q.approximate)
        elif below and dead == q.value and q.low is None:
            gone.add(sp.start)  # the death told below the shooting ("..., killing him") is of all those shot
    # a later sentence (or clause) tells how many of those shot died: "Five people were shot ... Two of the
    # victims died"; the partitive names the shot as its whole, so it needs no parse link between the
    # verbs ("three men were shot ...; two of them died" with the shooting parsed as a complement)
    shot = [sp for sp in spans if sp._.quantity is not None and sp._.quantity.counted == "wounded"
            and sp._.quantity_governor is not None
            and doc[sp._.quantity_governor].lemma_.lower() in ("shoot", "stab")]
    for other in spans:
        oq = other._.quantity
        if oq is None or oq.counted != "killed" or other.end >= len(doc) or doc[other.end].lower_ != "of":
            continue
        after = [t.lower_ for t in doc[other.end + 1:other.end + 4]]
        if not ({"victims", "them", "those", "wounded", "injured"} & set(after)):
            continue
        sent_start = other.sent.start
        own = [sp for sp in shot if sp.sent.start == sent_start]
        if own:
            # its own sentence tells the shooting: taken apart above where the parse linked the two
            if any(sp.start in taken_apart for sp in own):
                continue
            before = [sp for sp in own if sp.end <= other.start]
        else:
            before = [sp for sp in shot if sp.end <= sent_start and other.sent.start - sp.sent.end < 120]
        if not before:
            continue
        target = before[-1]
        tq = target._.quantity
        if tq.value > oq.value:
            target._.quantity = Quantity(tq.value - oq.value, "wounded", None if tq.low is None else max(
                tq.low - oq.value, 0), None if tq.high is None else tq.high - oq.value, tq.approximate)
    return [sp for sp in spans if sp.start not in gone]


def _fatal_without_toll(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Police are investigating a fatal shooting": a text that calls one shooting (stabbing) fatal and
    gives no toll anywhere tells of one death at least, so one."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = []
    for t in doc:
        if t.lower_ in ("shooting", "stabbing") and t.tag_ == "NN" and t.i not in taken and any(
                c.dep_ == "amod" and c.lower_ in ("fatal", "deadly") for c in t.children) and any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "the", "this", "that") for c in t.children):
            span = Span(doc, t.i, t.i + 1)
            span._.quantity = Quantity(1, "killed", 1, None, True)
            span._.quantity_governor = t.i
            out.append(span)
    return out


def _victim_key(sp: Span) -> tuple | None:
    """How a single victim is described: head noun and age ("a 17-year-old boy" -> ("boy", "17"))."""
    head = sp.root
    if head.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    age = next((t.text for t in sp if t.like_num), None)
    return head.lemma_.lower(), age


def _same_victim_died(doc: Doc, spans: list[Span]) -> list[Span]:
    """"A 17-year-old boy was shot Sunday ... A 17-year-old boy was shot to death": the one described alike
    is one person, who died; the bare "shot" told of the same one is no wounded."""
    dead_ones = [sp for sp in spans if sp._.quantity.counted == "killed" and sp._.quantity.value == 1]
    dead = {_victim_key(sp) for sp in dead_ones}
    dead.discard(None)
    # "A boy was accidentally shot ... He was pronounced dead": a pronoun that died, of the victim's sex
    pronouns = {doc[sp.start].lower_ for sp in dead_ones if sp.end - sp.start == 1}
    out = []
    for sp in spans:
        q = sp._.quantity
        gov = sp._.quantity_governor
        if q.counted == "wounded" and q.value == 1 and gov is not None and not surely_survived(doc, gov) \
                and (_victim_key(sp) in dead or (pronouns & _pronouns_for(sp.root))):
            continue
        out.append(sp)
    return out


MALE = {"man", "boy", "father", "son", "brother", "husband", "grandfather", "grandson", "uncle", "nephew",
        "boyfriend", "male", "gentleman", "dad", "stepson", "stepfather", "policeman"}
FEMALE = {"woman", "girl", "mother", "daughter", "sister", "wife", "grandmother", "granddaughter", "aunt",
          "niece", "girlfriend", "female", "lady", "mom", "stepdaughter", "stepmother", "policewoman"}


def _pronouns_for(head: Token) -> set[str]:
    """The pronouns that may stand for a victim so named ("a boy": he; "a child": he or she)."""
    low = head.lemma_.lower()
    if low in MALE:
        return {"he"}
    if low in FEMALE:
        return {"she"}
    if head.pos_ == "PROPN":
        return set()
    return {"he", "she"}


def _one_more(doc: Doc, spans: list[Span]) -> None:
    """"One victim is in critical condition and the other suffered minor injuries", "two were hurt and
    another was hospitalized": one more beside the count before it in the sentence, so both hang on the
    same word and add up."""
    for k, sp in enumerate(spans):
        first = doc[sp.start]
        if not (first.lower_ == "another" or (first.lower_ == "the" and sp.end > sp.start + 1
                                              and doc[sp.start + 1].lower_ == "other")):
            continue
        q = sp._.quantity
        prev = [o for o in spans[:k] if o._.quantity.counted == q.counted and o.sent == sp.sent
                and o._.quantity_governor is not None]
        if prev and q.value == 1:
            sp._.quantity_governor = prev[-1]._.quantity_governor


# What a count of an act counts (the dead, the hurt, the taken...), as opposed to a bare noun ("victims").
ACT_KEYS = frozenset({*VERB_KEYS.values(), *ADJ_KEYS.values(), *NOUN_KEYS.values(), "casualties"})
INCREMENT_WORDS = frozenset({"more", "another", "further", "additional"})


def increment(sp: Span) -> bool:
    """The number adds to a count told before ("two more victims", "another three people", "a further
    two", "an additional four"): it says how many were added, not how many there are."""
    doc = sp.doc
    num = next((t for t in sp if _is_number_token(t)), None)
    if num is None:
        return False
    noun = num.head if num.dep_ == "nummod" else num
    mods = [*num.children, *(noun.children if noun.i != num.i else ())]
    if doc[sp.start].lower_ == "another" or (sp.start > 0 and doc[sp.start - 1].lower_ == "another"):
        return True
    return any(m.lower_ in INCREMENT_WORDS and m.dep_ in ("amod", "advmod", "det")
               and not (m.i + 1 < len(doc) and doc[m.i + 1].lower_ == "than") for m in mods)


def _multiple_less_dead(doc: Doc, spans: list[Span]) -> list[Span]:
    """"A boy killed during a triple shooting": the three shot count the dead too, so the wounded are the
    rest ("a triple shooting that left one man dead" is already taken apart by ``_shot_and_fatal``)."""
    out = []
    for sp in spans:
        q = sp._.quantity
        if doc[sp.start].lower_ in MULTIPLES and q.counted == "wounded" and q.value == MULTIPLES[doc[sp.start].lower_]:
            dead = sum(o._.quantity.value for o in spans if o._.quantity.counted == "killed" and o.sent == sp.sent)
            if dead >= q.value:
                continue
            if dead:
                sp._.quantity = Quantity(q.value - dead, "wounded", None, None, False)
        out.append(sp)
    return out


POOLED_EVENTS = {"shootings", "incidents", "attacks", "stabbings", "crashes", "accidents", "homicides",
                 "killings", "murders", "clashes", "explosions", "blasts", "bombings", "raids", "strikes"}


def _pooled(sent: Span) -> bool:
    """A count over several happenings: "in separate incidents", "in two shootings", "so far this year"."""
    return any(t.lower_ in ("separate", "unrelated", "different", "since") or t.lower_ in POOLED_EVENTS
               for t in sent)


def _drop_elaborations(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Four people were shot ... A 26-year-old man was shot in the eye ... A woman was hit in the hip": once
    the text has counted a group of victims, a victim it then names one by one is one of that group, not one
    more (and repeated, those ones would outvote the group's count).  Perpetrators and the shooter's own
    death ("the gunman then killed himself") add to the toll and stay."""
    if not doc.has_annotation("SENT_START"):
        return spans
    out: list[Span] = []
    groups: dict[str, int] = {}  # counted key -> start of the sentence of the first group count
    for sp in spans:
        q = sp._.quantity
        if q is None or q.counted not in ("killed", "wounded"):
            out.append(sp)
            continue
        first = doc[sp.start]
        single = q.value == 1 and (first.lower_ in ("a", "an", "another", "the", "he", "she", *POSSESSIVES)
                                   or first.ent_type_ == "PERSON") \
            and not any(t.lemma_.lower() in PERPETRATORS for t in sp)
        if single and q.counted in groups and groups[q.counted] < sp.sent.start:
            continue
        if q.value > 1 and not (q.approximate and q.low is not None and q.high is not None) \
                and not _pooled(sp.sent):
            groups.setdefault(q.counted, sp.sent.start)
        out.append(sp)
    return out


class QuantitiesComponent:
    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        i = 0
        n = len(doc)
        self._patterned = _pattern_tokens(doc)
        self._body_start = dateline_body_start(doc)
        doc.user_data.pop("_ew_ent_at", None)  # entities as they are now
        # Speed: each token's lower form read once (shared with the trigger finder), the parse checked once.
        lowers = doc_lowers(doc)
        has_dep = doc.has_annotation("DEP")
        while i < n:
            tok = doc[i]
            low = lowers[i]
            res = None
            if low in ("no", "nobody", "none") or (low == "not" and i + 1 < n and lowers[i + 1] in ("a", "one")):
                res = self._zero(doc, i)
            elif _is_number_token(tok) or low in VAGUE or (
                    low in ("a", "an") and i + 1 < n and lowers[i + 1] in ("dozen", "hundred", "thousand")):
                res = self._number(doc, i)
            if res is None and low in _SINGLE_OPENERS and has_dep:
                res = self._single(doc, i)
            if res is None and (low in REFLEXIVES or (low in ("his", "her") and tok.head.lower_ == "life")) \
                    and has_dep:
                res = self._suicide(doc, i)
            if res is None and low in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass"):
                res = self._pronoun(doc, i)
            if res is None and low in ("him", "her") and tok.dep_ == "dobj" and tok.tag_ == "PRP":
                res = self._killed_pronoun(doc, i)
            if res is None and low in MULTIPLES and has_dep:
                res = self._multiple(doc, i)
            if res is None and tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON" and has_dep:
                res = self._named(doc, i)
            if res:
                span, next_i = res
                spans.append(span)
                i = max(next_i, i + 1)
            else:
                i += 1
        if doc.has_annotation("DEP") and not any(sp._.quantity.counted == "killed" for sp in spans):
            spans = sorted([*spans, *_fatal_without_toll(doc, spans)], key=lambda sp: sp.start)
        spans = _same_victim_died(doc, spans)
        _one_more(doc, spans)
        spans = _shot_and_fatal(doc, spans)
        spans = _multiple_less_dead(doc, spans)
        spans = _drop_elaborations(doc, spans)
        # an increment of a bare noun ("two more victims went to hospital") counts no one's act, nor all
        # the victims: never a count of its own (one of an act, "two more people were killed", stays)
        if has_dep:
            spans = [sp for sp in spans if sp._.quantity.counted in ACT_KEYS or not increment(sp)]
        # "a triple shooting that injured two women and killed a man": the sentence's own counts tell it better
        spans = [sp for sp in spans if not (
            doc[sp.start].lower_ in MULTIPLES and sp._.quantity.counted == "wounded" and any(
                o is not sp and o._.quantity.counted == "wounded" and o.sent.start == sp.sent.start
                for o in spans))]
        if has_dep:
            spans = [sp for sp in spans if not (
                sp._.quantity.counted == "killed" and sp._.quantity_governor is not None
                and _died_of_no_violence(doc[sp._.quantity_governor]))]
        doc.spans[GROUP] = spans
        return doc

    def _named(self, doc: Doc, i: int):
        """"John Smith was shot to death", "Ann Lee and her son were killed": named people killed, one
        each (killed only: a named person "shot" often died, which a later sentence tells)."""
        ent = _ent_at(doc, i)
        ent = ent if ent is not None and ent.start == i else None
        if ent is None:
            return None
        head = ent.root
        if head.dep_ not in ("nsubjpass", "nsubj", "dobj", "pobj") or head.tag_ != "NNP":
            return None
        total = 1
        last = head
        for c in head.conjuncts:
            if c.i < head.i or any(x.dep_ == "nummod" for x in c.children):
                return None
            if not (_one_person(c) or (c.ent_type_ == "PERSON" and c.tag_ == "NNP")):
                return None
            total += 1
            last = c
        key, gov = self._role(head)
        # wounded only where the word says they lived ("Ann Lee is in stable condition"): a named person
        # "shot" has often died, which a later sentence tells
        if key != "killed" and not (key == "wounded" and surely_survived(doc, gov)):
            return None
        if gov is not None and any(x.lower_ in REFLEXIVES and x.dep_ in ("dobj", "pobj") for x in doc[gov].subtree
                                   if x.head.i == gov or (x.head.head.i == gov and x.head.dep_ == "prep")):
            return None
        end = max(ent.end, last.i + 1)
        span = Span(doc, i, end)
        span._.quantity = Quantity(total, key, None, None, False)
        span._.quantity_governor = gov
        return span, end

    def _pronoun(self, doc: Doc, i: int):
        """"He was pronounced dead at the scene", "she is in stable condition": one person, dead or hurt
        (hurt only where the word says they lived)."""
        key, gov = self._role(doc[i])
        if key not in ("killed", "wounded") or gov is None or (key == "wounded" and not surely_survived(doc, gov)):
            return None
        if any(x.lower_ in REFLEXIVES and x.dep_ in ("dobj", "pobj") for x in doc[gov].subtree
               if x.head.i == gov or (x.head.head.i == gov and x.head.dep_ == "prep")):
            return None  # "he killed himself": the reflexive counts it
        span = Span(doc, i, i + 1)
        span._.quantity = Quantity(1, key, None, None, False)
        span._.quantity_governor = gov
        return span, i + 1

    def _killed_pronoun(self, doc: Doc, i: int):
        """"The bullet struck him in the chest, killing him": one dead, told by the pronoun the killing takes."""
        verb = doc[i].head
        if verb.pos_ != "VERB" or self._verb_key(verb, active=True) != "killed" or _is_agent(doc[i]):
            return None
        span = Span(doc, i, i + 1)
        span._.quantity = Quantity(1, "killed", None, None, False)
        span._.quantity_governor = verb.i
        return span, i + 1

    def _multiple(self, doc: Doc, i: int):
        """"a double homicide" (2 dead), "a triple shooting" (3 shot, some of whom may have died)."""
        k = i + 1
        if k < len(doc) and doc[k].text in ("-", "–"):
            k += 1
        if k >= len(doc):
            return None
        noun = doc[k]
        low = noun.lower_
        if low in ("homicide", "homicides", "murder", "murders", "killing", "killings", "slaying", "slayings"):
            key = "killed"
        elif low in ("shooting", "stabbing"):
            key = "wounded"  # those hit; _shot_and_fatal takes out the dead
        else:
            return None
        span = Span(doc, i, k + 1)
        span._.quantity = Quantity(MULTIPLES[doc[i].lower_], key, None, None, False)
        span._.quantity_governor = noun.i
        return span, k + 1

    def _suicide(self, doc: Doc, i: int):
        """"... before killing herself", "then turned the gun on himself": the perpetrator's own death
        belongs to the toll (ACLED, GVA).  Governed by the killing it closes when there is one, so that
        ``totals`` adds it to the victims ("killed her two daughters before killing herself" = 3)."""
        t = doc[i]
        verb = t.head if t.dep_ in ("dobj", "pobj") else None
        if verb is not None and t.dep_ == "pobj":
            verb = verb.head  # "turned the gun on himself"
        if t.dep_ == "conj" and t.lower_ != "themselves":
            # "killed three people and then himself" (the parse may join it to the object or the verb)
            verb = t.head.head if t.head.dep_ == "dobj" else t.head if t.head.pos_ == "VERB" else None
        if t.lower_ in ("his", "her") and t.head.lower_ == "life" and t.head.dep_ == "dobj" and any(
                c.lower_ == "own" for c in t.head.children):
            verb = t.head.head  # "before taking his own life"
        if verb is None or verb.pos_ != "VERB":
            return None
        key = self._verb_key(verb)
        if key == "wounded" and t.dep_ == "dobj" and t.lower_ != "themselves" \
                and verb.lemma_.lower() in ("shoot", "stab"):
            # "accidentally shot himself in the foot": hurt, not dead (a bare "shot himself" may be a suicide)
            parts = [w.lower_ for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                     for w in c.children if w.dep_ == "pobj"]
            accidental = any(c.lower_ in ("accidentally", "inadvertently", "unintentionally") for c in verb.children)
            died = any(x.lemma_.lower() in ("die", "kill") or x.lower_ in DEATH_WORDS for x in t.sent)
            if not died and (any(p in LIMBS for p in parts) or (accidental and not any(p in VITAL_PARTS
                                                                                       for p in parts))):
                span = Span(doc, i, i + 1)
                span._.quantity = Quantity(1, "wounded", None, None, False)
                span._.quantity_governor = verb.i
                return span, i + 1
            return None
        if key != "killed":
            return None
        if verb.lemma_.lower() == "shoot" and not any(c.lower_ in ("dead", "fatally") for c in verb.children) \
                and not _then_died(verb):
            return None
        if t.lower_ in ("his", "her") and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None  # "she took her own life": her subject counts that death
        gov = verb
        up = verb
        for _ in range(3):  # "killed three and wounded two before taking his own life": up to the killing
            if up.dep_ in ("advcl", "conj", "pcomp", "pobj", "prep") and up.head.i != up.i:
                up = up.head
                if up.pos_ == "VERB" and self._verb_key(up) == "killed":
                    gov = up
                    break
            else:
                break
        span = Span(doc, i, i + 1)
        span._.quantity = Quantity(1, "killed", None, None, False)
        span._.quantity_governor = gov.i
        return span, i + 1

    def _single(self, doc: Doc, i: int):
        """"a woman was shot and wounded", "another man was hurt", "a man and his son were shot dead":
        victims named one by one without a number (one each, coordinated ones added up)."""
        t = doc[i]
        head = t.head
        if t.lower_ == "another" and t.dep_ in ("nsubj", "nsubjpass", "dobj"):  # "... and wounded another"
            head = t  # "three were killed and another was wounded"
        elif t.lower_ in POSSESSIVES and t.dep_ == "poss" and head.i > i and _one_person(head) \
                and head.lower_ not in ("old",):
            pass  # "killed his wife", "her son was wounded"
        elif t.lower_ == "the" and t.dep_ == "det" and head.i > i and (
                head.lemma_.lower() in PERPETRATORS or _one_person(head)) \
                and (head.tag_ == "NN" or head.lower_ in ("other", "old")):
            pass  # "the suspect was killed", "the man who died": counted only when killed (below)
        elif t.lower_ not in ("a", "an", "another") or t.dep_ != "det" or head.i <= i or not (
                _one_person(head) or _agent_noun(head) or _killed_one(head) or _listed_with_people(head)):
            return None
        if any(c.dep_ == "nummod" for c in head.children) or head.lower_ in TOLL_WORDS:
            return None  # "..., a toll that police later raised to 15": a figure, not a victim
        first = head
        beside = False  # one-by-one victims told after a counted group, added to it
        if head.dep_ == "conj":
            # "three men and a teenager were hurt", "two policemen and their driver": one more beside a
            # counted conjunct
            while first.dep_ == "conj" and first.head.i < first.i:
                first = first.head
            if not any(c.dep_ == "nummod" for c in first.children) or t.lower_ not in ("a", "an", *POSSESSIVES) \
                    or any(c.i > head.i for c in head.conjuncts):
                return None
        elif head.dep_ == "appos" and head.head.i < head.i and head.head.tag_ in ("NNS", "NNPS"):
            # "six monks, a cook and her son were killed": the parser hangs the people told one by one
            # after a counted group on it as an apposition; they are more dead, unless they name the
            # group's members one each ("two people, a man and a woman, were killed": as many as counted)
            group = head.head
            parsed = _own_count(group)
            told = [head, *(c for c in head.conjuncts if c.i > head.i)]
            if parsed is None or not _people_group(group, told) or _speakers_after_count(t):
                return None
            if len(told) == parsed[0] or any(
                    any(x.dep_ == "nummod" for x in c.children) or c.pos_ == "NUM" for c in told):
                return None
            first, beside = group, True
        if first.dep_ == "pobj" and first.head.lower_ in ("with", "like", "than", "by", "as"):
            return None
        victims = [head]
        total = 1
        for c in (head.conjuncts if first.i == head.i or beside else ()):
            if c.i < head.i:
                return None
            nums = [x for x in c.children if x.dep_ == "nummod"]
            if c.pos_ == "NUM" and _is_number_token(c):
                # "a village chief and two of his guards"
                parsed = _parse_number([c])
                if parsed is None:
                    return None
                total += parsed[0]
            elif nums:
                # "a mother and her two sons": the numbered conjunct adds its number
                parsed = _own_count(c)
                if parsed is None or c.tag_ not in ("NNS", "NNPS") or c.lower_ not in PERSON_NOUNS | {
                        "sons", "daughters", "brothers", "sisters", "grandchildren", "kids", "teens", "teenagers",
                        "friends", "relatives", "cousins", "siblings", "neighbors", "neighbours", "sons"}:
                    return None
                total += parsed[0]
            elif _one_person(c) or (c.ent_type_ == "PERSON" and c.tag_ == "NNP") or (beside and _listed_with_people(c)):
                total += 1
            else:
                return None
            victims.append(c)
        key, gov = self._role(first)
        if key is None:
            # "a man who died", or after the last of them: "a man and a woman suffering from gunshot wounds"
            for c in [*first.children, *(victims[-1].children if victims[-1].i != first.i else ())]:
                if c.dep_ in ("acl", "relcl") and c.i > first.i and not _agent_clause(c):
                    key = self._verb_key(c)
                    gov = c.i
                    if key:
                        break
        if key == "wounded" and any(c.dep_ == "amod" and c.lower_ == "dead" for c in head.children):
            key = "killed"  # "a dead woman who had been shot"
        if key != "killed" and head.i != t.i and not _one_person(head) and t.lower_ not in POSSESSIVES:
            return None  # "a hunter died": a doer by its ending is a person where it dies, not elsewhere
        if key not in ("wounded", "killed") or (t.lower_ == "the" and key != "killed"
                                                   and not surely_survived(doc, gov)):
            return None
        if key in ("killed", "wounded") and gov is not None and any(
                x.lower_ in REFLEXIVES and x.dep_ in ("dobj", "pobj") for x in doc[gov].subtree
                if x.head.i == gov or (x.head.head.i == gov and x.head.dep_ == "prep")):
            return None  # "a man killed himself", "a boy shot himself in the foot": the reflexive counts it
        if t.lower_ in POSSESSIVES and key == "wounded" and total == 1 and not surely_survived(doc, gov):
            return None  # "her son was shot": often a victim who died, told from the family's side
        end = max(i, victims[-1].i) + 1  # "A woman", "a man and his son": the span's root is the victim
        span = Span(doc, i, end)
        span._.quantity = Quantity(total, key, None, None, False)
        span._.quantity_governor = gov
        return span, end

    # -- reading the number ------------------------------------------------
    def _number(self, doc: Doc, i: int):
        n = len(doc)
        lowers = doc_lowers(doc)
        j = i
        # collect the number tokens: "two dozen", "1,200", "twenty - five", "2.5 million", "a dozen"
        if lowers[j] in ("a", "an"):
            j += 1
        body = getattr(self, "_body_start", -1)
        if i < body:
            n = body  # a figure of the dateline (its filing date) never runs into the body's count
        while j < n and (_is_number_token(doc[j]) or (doc[j].text in ("-", "–") and j + 1 < n and
                                                       _is_number_token(doc[j + 1]) and j > i
                                                       and not _DIGITS.match(doc[j + 1].text))
                         or (lowers[j] == "and" and j + 1 < n and lowers[j + 1] in UNITS | TENS.keys()
                             and j > i and lowers[j - 1] in ("hundred", "thousand"))):
            j += 1
        if j == i and lowers[i] in VAGUE:
            j = i + 1
        num_tokens = list(doc[i:j])
        if not num_tokens:
            return None
        parsed = _parse_number(num_tokens)
        if parsed is None:
            return None
        value, low, high, approx = parsed
        end = j
        # "tens of thousands", "hundreds of thousands"
        if lowers[i] in VAGUE and end + 1 < n and lowers[end] == "of" and lowers[end + 1] in (
                "thousands", "millions"):
            mult = 1000 if lowers[end + 1] == "thousands" else 1_000_000
            value, low, high = value * mult, (low or value) * mult, ((high or value) + 1) * mult - 1
            end += 2
        # ranges: "10 to 15", "10-15", "between 10 and 15"
        between = i > 0 and lowers[i - 1] == "between"
        if end + 1 < n and (lowers[end] in ("to", "-", "–", "or") or (between and lowers[end] == "and")) \
                and _is_number_token(doc[end + 1]) \
                and lowers[i] not in VAGUE:
            k = end + 1
            while k < n and _is_number_token(doc[k]):
                k += 1
            other = _parse_number(list(doc[end + 1:k]))
            if other and other[0] > value:
                low, high = value, other[0]
                approx = True
                end = k
        start = i
        # hedges before: "at least", "more than", "nearly"
        bound = None
        for h in _HEDGE_TOKENS:
            k = start - len(h)
            if k >= 0 and lowers[k:start] == h:
                bound, happrox = HEDGES[" ".join(h)]
                approx = approx or happrox
                start = k
                break
        if start >= 1 and lowers[start - 1] == "between" and low is not None:
            start -= 1
        if bound == "low" and low is None:
            low = value
        elif bound == "high" and high is None:
            high = value
        # "half a dozen", "a half-dozen"
        if lowers[j - 1] == "dozen" and value == 12 and i >= 1 and (
                lowers[i - 1] == "half" or (i >= 2 and doc[i - 1].text in ("-", "–") and lowers[i - 2] == "half")):
            value = 6
            start = i - 1 if lowers[i - 1] == "half" else i - 2
            if start >= 1 and lowers[start - 1] in ("a", "an"):
                start -= 1
        if self._skip(doc, i, end, start):
            return None
        counted, governor = self._counted(doc, i, j, end)
        if counted is None or (counted in CASUALTY_KEYS and (
                _part_of_whole_told(doc, start) or _nationality_breakdown(doc[j - 1]))):
            return None  # (a part that counts no casualty, "including 27 students", stays a plain count)
        span = Span(doc, start, end)
        span._.quantity = Quantity(int(value), counted, low, high, approx)
        span._.quantity_governor = governor
        return span, end

    def _zero(self, doc: Doc, i: int):
        n = len(doc)
        t = doc[i]
        if t.lower_ == "no":
            if i + 1 < n and doc[i + 1].lower_ == "one":
                anchor_i, end = i + 1, i + 2
            elif i + 1 < n:
                nxt = doc[i + 1]
                key = NOUN_KEYS.get(nxt.lower_)
                if key is None and nxt.lower_ in ADJ_KEYS and i + 2 < n and doc[i + 2].lower_ in (
                        "people", "persons", "civilians"):
                    key = ADJ_KEYS[nxt.lower_]
                if key is None:
                    return None
                if key == "casualties":
                    key = "killed"
                span = Span(doc, i, i + 2)
                span._.quantity = Quantity(0, key, 0, 0, False)
                span._.quantity_governor = nxt.i
                return span, i + 2
            else:
                return None
        elif t.lower_ == "not":
            anchor_i, end = i + 1, i + 2
            if doc[i + 1].lower_ == "a" and i + 2 < n and doc[i + 2].lower_ in ("single", "soul", "one"):
                end = i + 3
                anchor_i = i + 2
        else:
            anchor_i, end = i, i + 1
        a = doc[anchor_i]
        if t.lower_ == "not" and a.dep_ in ("amod", "nummod") and a.head.pos_ in ("NOUN", "PROPN") \
                and 0 < a.head.i - a.i <= 2:
            # "not a single soldier was killed", "not one passenger died": the noun carries the role
            anchor_i, end = a.head.i, a.head.i + 1
        key, gov = self._casualty(doc, doc[anchor_i], doc[anchor_i], end)
        if key is None:
            # "nobody" / "none of the passengers" may hang on a verb through "of"
            return None
        span = Span(doc, i, end)
        span._.quantity = Quantity(0, key, 0, 0, False)
        span._.quantity_governor = gov
        return span, end

    def _skip(self, doc: Doc, i: int, end: int, start: int) -> bool:
        n = len(doc)
        first, last = doc[i], doc[end - 1]
        if any(k in getattr(self, "_patterned", ()) for k in range(i, end)):
            return True  # phone numbers, clock times, numeric dates
        if self._label_or_address(doc, i, end, start):
            return True
        for k in range(i, end):
            if doc[k].ent_type_ in SKIP_ENTS:
                # NER sometimes calls a bare count ("wounded over 80") a DATE: trust the entity only when
                # it holds words beyond the number expression ("two days", "the 1990s", "$5").
                ent = _ent_at(doc, k)
                if ent is None:
                    continue
                extra = [t for t in ent if not (start <= t.i < end)]
                counted_next = end < n and (doc[end].lower_ in PERSON_NOUNS or doc[end].lower_ in ADJ_KEYS or (
                    doc[end].tag_ == "NNS" and doc[end].lower_ not in SKIP_AFTER and doc[end].ent_type_ == ""))
                # "wounded three Saturday night": NER took the count into the date
                after_verb = start > 0 and doc[start - 1].pos_ == "VERB" and ent.start == i \
                    and self._verb_key(doc[start - 1], active=True)
                if extra and not counted_next and not after_verb and not _toll_reached(last):
                    return True
        if re.fullmatch(r"(1[89]|20)\d\d", last.text) and not (end < n and doc[end].lower_ in PERSON_NOUNS):
            return True  # a year
        nxt = doc[end] if end < n else None
        nxt2 = doc[end + 1] if end + 1 < n else None
        if nxt is not None:
            nl = nxt.lower_
            if nl in SKIP_AFTER or nl.startswith("-year") or nl in MONTHS:
                return True
            if nl in ("-", "–") and nxt2 is not None and (nxt2.lower_ in SKIP_AFTER or nxt2.lower_ in
                                                          ("year", "month", "day", "hour", "km", "mile", "meter",
                                                           "metre", "kilometre", "kilometer", "storey", "story")):
                return True
            if nl == "per" and nxt2 is not None and nxt2.lower_ == "cent":
                return True
            if nl in ("years", "year") or (nxt2 is not None and nxt2.lower_ in ("years", "year")
                                            and nl in ("or", "to")):
                return True
            if nl == ":" and nxt2 is not None and nxt2.text.isdigit():
                return True  # 2:30
        prev = doc[start - 1] if start > 0 else None
        if prev is not None:
            pl = prev.lower_
            if pl in SKIP_BEFORE and not (pl == "at" and start == i) and pl not in ("at", "than"):
                return True
            if pl in ("than", "under") and start - 2 >= 0 and doc[start - 2].lower_ in AGE_WORDS:
                return True
            if pl in MONTHS:
                return True  # "August 28"
            if pl == "at" and nxt is not None and nxt.lower_ in ("a.m.", "p.m.", "am", "pm"):
                return True
        if first.text[:1].isdigit() and i > 0 and doc[i - 1].text in ("#", "No", "No."):
            return True
        # ages and time spans: "between 6 and 14 years old", "15 and younger"
        for k in range(end, min(end + 4, n)):
            if doc[k].lower_ in ("years", "year") and k + 1 < n and doc[k + 1].lower_ in ("old", "of"):
                if all(doc[x].lower_ in ("and", "to", "-", "or") or _is_number_token(doc[x]) for x in range(end, k)):
                    return True
        if first.like_num and first.text[:1].isdigit() and first.text.endswith(("st", "nd", "rd", "th")):
            return True
        return False

    @staticmethod
    def _label_or_address(doc: Doc, i: int, end: int, start: int) -> bool:
        """Numbers that name rather than count: "Interstate 24", "Apt. 4", "ABC 15 News", "won 3-1",
        "Thomas, 27,", "ages 13, 17 and 19"."""
        n = len(doc)
        first = doc[i]
        digits = first.text[:1].isdigit()
        prev = doc[start - 1] if start > 0 else None
        if prev is not None:
            pl = prev.lower_.rstrip(".")
            if pl in LABEL_BEFORE or prev.text in ("#", "US", "U.S.", "No", "No."):
                return True
            # a name before a bare figure: "Interstate 24", "Arkansas 35", "Channel 4", "Gate 3"; not a date
            # ("on Sunday 12 people") nor a place before a count ("in Kabul 12 people died")
            if digits and start == i and prev.pos_ == "PROPN" and prev.text[:1].isupper() \
                    and pl not in MONTHS and pl not in WEEKDAYS and prev.ent_type_ not in ("DATE", "TIME") \
                    and (not prev.is_sent_start or prev.ent_type_ in ("FAC", "ORG", "LOC", "GPE")):
                nxt = doc[end] if end < n else None
                counts_people = nxt is not None and (nxt.lower_ in PERSON_NOUNS or nxt.lower_ in ADJ_KEYS
                                                     or nxt.lemma_.lower() in VERB_KEYS)
                if not (counts_people and prev.ent_type_ in ("GPE", "NORP")):
                    return True
        # "1 / 8": a slide counter or a fraction
        if digits and ((i >= 2 and doc[i - 1].text == "/" and doc[i - 2].text.isdigit())
                       or (end + 1 < n and doc[end].text == "/" and doc[end + 1].text.isdigit())):
            return True
        # "Image 2 of 8", "Photo 3 of 12": the last figure of a gallery label
        if digits and start >= 3 and doc[start - 1].lower_ == "of" and doc[start - 2].text.isdigit() \
                and doc[start - 3].lower_.rstrip(".") in LABEL_BEFORE:
            return True
        # street numbers: "817 S. Clay Ave.", "1200 N Main"
        if digits and end + 1 < n and doc[end].text.rstrip(".") in ("N", "S", "E", "W", "NE", "NW", "SE", "SW",
                                                                    "North", "South", "East", "West") \
                and (doc[end + 1].text[:1].isupper() or doc[end + 1].text[:1].isdigit()):
            return True
        # scores and tallies: "won 3-1", "a 2-2 draw", "voted 7-2" (a range rises; a score need not)
        if digits and end + 1 < n and doc[end].text in ("-", "–") and doc[end + 1].text.isdigit() \
                and first.text.isdigit() and int(doc[end + 1].text) <= int(first.text) and len(first.text) <= 3:
            return True
        if digits and i >= 2 and doc[i - 1].text in ("-", "–") and doc[i - 2].text.isdigit() \
                and start != dateline_body_start(doc):
            return True  # the second figure of a score or of a phone number (not the dateline's day)
        # ages listed after "ages"/"aged": "ages 13, 17 and 19"
        k = start - 1
        while k >= 0 and (doc[k].text in (",", "and", "or", "to", "&") or doc[k].like_num):
            k -= 1
        if digits and k >= 0 and k < start - 1 and doc[k].lower_ in ("ages", "aged", "age") \
                and not (end < n and doc[end].tag_ in ("NNS", "NNPS")):
            return True
        # "X and Y, both 16, were ..."
        if digits and prev is not None and prev.lower_ in ("both", "all", "each") and start >= 2 \
                and doc[start - 2].text == "," and end < n and doc[end].text in (",", ")", ";", "."):
            return True
        # ages listed after people: "two males, 30 and 42, were injured", "the victims, 19, 20 and 22"
        if digits and first.text.isdigit() and int(first.text) < 110 and end < n \
                and doc[end].text in (",", ")", ";", ".", "and", "&"):
            k = start - 1
            while k >= 1 and (doc[k].text in ("and", "&") or (doc[k].text.isdigit() and int(doc[k].text) < 110)
                              or (doc[k].text == "," and doc[k - 1].text.isdigit())):
                k -= 1
            if k >= 1 and k < start and doc[k].text == "," and (
                    doc[k - 1].lower_ in PERSON_NOUNS or doc[k - 1].lemma_.lower() in PERSON_SINGULAR
                    or doc[k - 1].lower_ in ("males", "females", "victims", "teens", "teenagers", "brothers",
                                             "sisters", "sons", "daughters", "suspects")):
                return True
        # an age in commas after a name or a person: "Thomas, 27, and ...", "a woman, 34,"
        if digits and prev is not None and prev.text == "," and start == i and end == i + 1 and end < n \
                and doc[end].text in (",", ")", ";", ".", "and") and first.text.isdigit() and int(first.text) < 120 \
                and start >= 2 and (doc[start - 2].pos_ == "PROPN" or doc[start - 2].lemma_.lower() in PERSON_SINGULAR):
            return True
        return False

    # -- what it counts ----------------------------------------------------
    def _counted(self, doc: Doc, i: int, j: int, end: int) -> tuple[str | None, int | None]:
        """(counted key, governor token index) for the number tokens doc[i:j] (expression ends at end)."""
        n = len(doc)
        num = doc[j - 1]
        # the noun phrase that follows: "25 ISIS wounded fighters", "dozens of vehicles", "two bomb attacks"
        k = end
        if k < n and doc[k].lower_ == "of" and (doc[i].lower_ in VAGUE or doc[j - 1].lower_ in
                                                ("dozen", "hundred", "thousand", "million") or
                                                (k + 1 < n and doc[k + 1].lower_ in ("the", "them", "those", "whom", "these", "us",
                                                                                    "their", "its", "his", "her", "our"))):
            k += 1
            while k < n and doc[k].lower_ in ("the", "those", "these", "its", "their", "his", "her", "our"):
                k += 1
        if k < n and doc.has_annotation("DEP"):
            nk = doc[k]
            # "one fatally", "two of them fatally": the dead among those shot
            fat = k
            if nk.lower_ == "of" and k + 1 < n and doc[k + 1].lower_ in ("them", "whom", "those"):
                fat = k + 2
            elif nk.lower_ in ("them", "whom", "those") and doc[k - 1].lower_ == "of":
                fat = k + 1
            elif nk.tag_ == "NN" and k + 1 < n and doc[k + 1].lower_ in FATAL_ADVS:
                fat = k + 1  # "four people were shot, one man fatally"
            if fat < n and doc[fat].lower_ in FATAL_ADVS:
                verb = num
                for _ in range(4):
                    if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                        break
                    verb = verb.head
                return "killed", verb.i
            # headline style "Seven shot on Main Street", "2 shot dead": "shot" read as a noun
            headline = i == 0 or doc[i].is_sent_start or doc[i - 1].text in (":", "—", "–", "-", "|", "\n") \
                or doc[i - 1].is_space
            if nk.lower_ == "shot" and (nk.tag_ in ("VBN", "VBD") or (nk.tag_ in ("NN", "JJ") and headline)):
                nxt = [t.lower_ for t in doc[k + 1:k + 3]]
                fatal = bool(nxt) and (nxt[0] in ("dead", "fatally") or nxt[:2] == ["to", "death"])
                return ("killed" if fatal else "wounded"), nk.i
        # "raising to three the number of dead": the parser takes the figure for the toll word's modifier
        if k < n and doc[k].lower_ == "the" and num.dep_ == "nummod" and num.head.lower_ in TOLL_WORDS \
                and num.head.i > k and doc.has_annotation("DEP"):
            key, gov = self._role(num.head)
            if key:
                return key, gov
        # "killed one and wounded three Saturday night": a bare number right after the casualty verb, the parse
        # may hang it on the date that follows
        b = i - 1
        while b >= 0 and doc[b].lower_ in ("at", "least", "more", "than", "about", "nearly", "some", "almost",
                                           "over", "another", "an", "additional", "other"):
            b -= 1
        if b >= 0 and doc.has_annotation("DEP") and doc[b].pos_ == "VERB" and (k >= n or doc[k].ent_type_ in (
                "DATE", "TIME") or doc[k].lower_ in WEEKDAYS or doc[k].is_punct or doc[k].pos_ in ("ADP", "CCONJ")):
            key = self._verb_key(doc[b], active=True)
            if key:
                return key, doc[b].i
        if not doc.has_annotation("TAG"):
            # no tagger in this pipeline: the next word is the noun, a casualty word after it the key
            if k < n and doc[k].is_alpha and not doc[k].is_stop:
                word = doc[k].lower_
                key = NOUN_KEYS.get(word) or ADJ_KEYS.get(word)
                for t in doc[k + 1:k + 4]:
                    key = key or ADJ_KEYS.get(t.lower_)
                return (key or word), (k if key else None)
            return None, None
        run = []
        while k < n and len(run) < 5:
            t = doc[k]
            if t.pos_ in ("NOUN", "PROPN", "ADJ") or (t.pos_ == "VERB" and t.tag_ in ("VBN", "VBG")
                                                      and t.dep_ in ("amod", "compound")) \
                    or (t.text in ("-", "–") and run) or (t.pos_ == "NUM" and run):
                # a place name right after the number ends the phrase ("7 Kabul Street"), but a
                # nationality the parser tagged as a place ("Two Angolan soldiers") is a modifier
                if t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC", "FAC", "DATE") and not run \
                        and not demonym_country(t.text):
                    break
                run.append(t)
                k += 1
            else:
                break
        # trim the run at the last noun
        nouns = [t for t in run if t.pos_ in ("NOUN", "PROPN") or t.lower_ in NOUN_KEYS]
        noun = None
        if nouns:
            plural = [t for t in nouns if t.tag_ in ("NNS", "NNPS")]
            noun = plural[-1] if plural else nouns[-1]
            # the head noun should not be a modifier of something beyond the run
            run = run[: run.index(noun) + 1]
        if noun is not None and noun.lower_ in SKIP_AFTER:
            return None, None
        # addresses and names: "618 Henson Road", "the 4200 block of", "533 Elm", "ABC 15 News"
        if noun is not None and num.text[:1].isdigit() and (
                noun.lower_.rstrip(".") in ROAD_WORDS
                or (noun.pos_ == "PROPN" and noun.tag_ == "NNP" and noun.text[:1].isupper())):
            return None, None
        # "claimed 14 lives", "the fire took 3 lives"
        if noun is not None and noun.lower_ == "lives" and noun.head.lemma_.lower() in LIFE_VERBS:
            return "killed", noun.head.i
        # casualty adjective or noun inside the phrase
        for t in run:
            if t.lower_ in ADJ_KEYS and t.i != (noun.i if noun is not None else -1):
                return ADJ_KEYS[t.lower_], (noun.i if noun is not None else t.i)
        if noun is not None:
            key = NOUN_KEYS.get(noun.lower_) or NOUN_KEYS.get(noun.lemma_.lower())
            if key:
                return key, noun.i
        anchor = noun if noun is not None else num
        key, gov = self._casualty(doc, anchor, num, (noun.i + 1) if noun is not None else end)
        if key:
            return key, gov
        if noun is None:
            return None, None
        if noun.pos_ == "PROPN" and noun.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "DATE", "EVENT"):
            return None, None
        word = noun.lower_ if noun.tag_ in ("NNS", "NNPS") or noun.lower_ in IRREGULAR_PLURALS else \
            pluralize(noun.lemma_.lower() or noun.lower_)
        if num.lower_ in ("one", "a", "an") and noun.tag_ not in ("NNS", "NNPS") and word not in PERSON_NOUNS:
            return None, None  # "on one side", "one day", "at one point": not a count
        if not re.fullmatch(r"[a-z][a-z\-']*", word):
            return None, None
        return word, None

    def _casualty(self, doc: Doc, anchor: Token, num: Token, after: int) -> tuple[str | None, int | None]:
        """Key and governor index when the counted phrase hangs on a casualty word."""
        # its own modifier first: "at least 10 others wounded", "fighters killed in", "soldiers who were kidnapped"
        for c in anchor.children:
            if c.dep_ in ("acl", "relcl", "amod") and c.i > anchor.i and not _agent_clause(c) \
                    and not (c.dep_ == "acl" and c.i > anchor.i + 3) and not _partitive_clause(c):
                key = self._verb_key(c) or ADJ_KEYS.get(c.lower_)
                if key == "wounded" and c.dep_ in ("acl", "relcl") and anchor.dep_ in ("nsubj", "nsubjpass"):
                    main = self._role(anchor)
                    if main[0] == "killed":
                        return main  # "one man, who had been shot in the back, died": the main verb tells
                if key:
                    return key, c.i
        # a participle after the last conjunct tells of all: "three men and one woman suffering from wounds"
        conj = [c for c in anchor.conjuncts if c.i > anchor.i]
        if conj:
            for c in conj[-1].children:
                if c.dep_ == "acl" and c.i > conj[-1].i and c.tag_ in ("VBG", "VBN") and not _agent_clause(c):
                    key = self._verb_key(c)
                    if key:
                        return key, c.i
        if _in_condition(anchor) and (anchor.lower_ in PERSON_NOUNS or _one_person(anchor) or anchor.pos_ == "NUM"):
            return "wounded", anchor.i  # "four others in serious condition"
        # "two women with gunshot wounds", "a man in critical condition with injuries"
        holders = [anchor] + ([anchor.head] if anchor.dep_ in ("dobj", "nsubjpass") else [])
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ == "with" and c.i > anchor.i and (
                    anchor.pos_ == "NUM" or anchor.lower_ in PERSON_NOUNS or _one_person(anchor)
                    or anchor.lower_ in ("victims", "males", "females", "teens", "teenagers", "adults")):
                for w in c.children:
                    if w.dep_ == "pobj" and w.lower_ in WOUND_NOUNS:
                        fatal = any(x.lower_ in ("fatal", "deadly", "mortal") for x in w.children) or \
                            self._role(anchor)[0] == "killed"  # "four victims were found dead, all with wounds"
                        return ("killed" if fatal else "wounded"), w.i
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "NUM" \
                and any(c.dep_ == "nummod" for c in anchor.children):
            return None, None  # "two of the four victims died": the four is the whole, the two died
        key, gov = self._role(anchor)
        if key:
            return key, gov
        if _is_agent(anchor) or (anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and _is_agent(anchor.head.head)):
            return None, None
        key, gov = self._window(doc, after)
        if key:
            return key, gov
        # coordinated nouns share their first conjunct's role: "30 militants and four soldiers were killed"
        a = anchor
        if a.dep_ == "pobj" and a.head.lower_ == "of" and a.head.head.pos_ == "NUM":
            a = a.head.head  # "a chief and two of his guards": the number is the conjunct
        while a.dep_ == "conj" and a.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and a.head.i < a.i:
            a = a.head
        if a.i != anchor.i:
            return self._role(a)
        return None, None

    def _role(self, a: Token) -> tuple[str | None, int | None]:
        # the parser read the dateline and the lead as one sentence and hung the lead's first phrase on the
        # dateline's place ("RIO DE JANEIRO, March 18 (Reuters) - At least six people ... were killed" with
        # "people" an apposition of the place, the place the verb's subject): the phrase stands where the
        # dateline stands
        body = dateline_body_start(a.doc)
        if 0 < body <= a.i and a.head.i < body and a.dep_ in ("appos", "conj", "npadvmod", "nmod", "dep"):
            top = a.head
            # compare positions: spaCy makes a new Token object on every access, so `is` never holds
            while top.head.i < body and top.head.i != top.i:
                top = top.head
            if top.head.i >= body:
                return self._role(top)
        # "five of their teachers": the number carries the role; not the size of the whole ("two of the
        # four victims died": the four did not all die)
        if a.dep_ == "pobj" and a.head.lower_ == "of" and a.head.head.pos_ == "NUM":
            if any(c.dep_ == "nummod" for c in a.children):
                return None, None
            a = a.head.head
        head = a.head
        # "were killed, along with five teachers": same predicate, same governor
        if a.dep_ == "pobj" and head.lower_ == "with" and head.i > 0 and \
                head.doc[head.i - 1].lower_ in ("along", "together"):
            verb = head.head
            if verb.lower_ in ("along", "together"):
                verb = verb.head
            key = self._verb_key(verb)
            if key:
                return key, verb.i
        # "the abduction of 276 schoolgirls", "the killing of 12 villagers"
        if a.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            key = EVENT_NOUN_KEYS.get(head.head.lemma_.lower()) or EVENT_NOUN_KEYS.get(head.head.lower_)
            if key:
                return key, head.head.i
            # "the fatal shooting of a teen", "the deadly stabbing of two men" (a bare "shooting of" may not kill)
            if head.head.lower_ in ("shooting", "stabbing", "beating") and any(
                    c.lower_ in ("fatal", "deadly", "fatally") for c in head.head.children
                    if c.dep_ in ("amod", "advmod")):
                return "killed", head.head.i
        # "wounded over 80": the number parsed as the object of "over"; "killing between two and four
        # people": the range parsed as a prepositional phrase of the verb
        if a.dep_ == "pobj" and head.lower_ in ("over", "about", "around", "nearly", "almost", "between") \
                and head.head.pos_ == "VERB":
            a, head = head, head.head
            key = self._verb_key(head, active=True)
            if key:
                return key, head.i
        if _is_agent(a):
            return None, None
        # a parse may hang two subjects on one verb ("a father charged with homicide after his daughter was
        # killed"): the one nearest the verb is its subject
        if a.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ in ("acl", "relcl") for c in a.children) and any(
                c.dep_ in ("nsubj", "nsubjpass") and a.i < c.i < head.i for c in head.children):
            return None, None
        # subject of a casualty verb: "seven people were killed", "50 died"
        if a.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX", "ADJ"):
            key = self._verb_key(head)
            if key:
                return key, head.i
            # "20 people lost their lives"
            if head.lemma_ == "lose" and any(c.lemma_ in ("life", "live") for c in head.children):
                return "killed", head.i
            # "four people suffered non-life-threatening injuries", "two sustained gunshot wounds"
            if head.lemma_.lower() in SUFFER_VERBS:
                for c in head.children:
                    if c.dep_ == "dobj" and c.lower_ in WOUND_NOUNS:
                        fatal = any(x.lower_ in ("fatal", "deadly", "mortal", "fatally") for x in c.subtree)
                        return ("killed" if fatal else "wounded"), head.i
            # "the dead numbered 30" handled by toll; "five were reported killed": xcomp
            for c in head.children:
                if c.dep_ in ("xcomp", "oprd", "acomp") and (self._verb_key(c) or c.lower_ in ADJ_KEYS):
                    return self._verb_key(c) or ADJ_KEYS[c.lower_], c.i
        # "crews pronounced the victim dead", "deputies found the man dead"
        if a.dep_ == "dobj" and head.lemma_.lower() in ("pronounce", "declare", "find", "leave") and any(
                c.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "advcl") and c.lower_ == "dead" for c in head.children):
            return "killed", head.i
        # "the battalion lost 7 men"
        if a.dep_ == "dobj" and head.lemma_ == "lose" and (a.lower_ in PERSON_NOUNS or a.lower_ in ("lives",)):
            return "killed", head.i
        # "One man died and four others ... were injured": a parse that hangs the second subject on the
        # first verb as a conjunct; the verb after it that has no subject of its own is its verb
        if a.dep_ == "conj" and head.pos_ == "VERB" and a.pos_ in ("NOUN", "PRON"):
            for v in head.children:
                if v.dep_ == "conj" and v.pos_ in ("VERB", "ADJ") and v.i > a.i and not any(
                        c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
                    key = self._verb_key(v)
                    if key:
                        return key, v.i
        # object of a casualty verb: "killing over 70 people", "kidnapped 42 students"
        if a.dep_ in ("dobj", "obj", "conj", "appos") and head.pos_ in ("VERB",):
            key = self._verb_key(head, active=True)
            if key:
                if key == "released" and a.lower_ not in PERSON_NOUNS and a.pos_ != "NUM":
                    return None, None
                return key, head.i
        # "the death toll rose to 276", "the toll stands at 40", "a death toll of 30"
        if a.dep_ == "pobj" and head.dep_ == "prep":
            verb = head.head
            if head.lower_ == "of" and verb.lower_ in TOLL_WORDS | {"lives"}:
                key = self._toll_key(verb)
                if key:
                    return key, verb.i
            if head.lower_ == "of" and verb.lemma_ == "life":
                return "killed", verb.i
            if head.lower_ in ("to", "at") and verb.lemma_ in ROSE_VERBS:
                for c in verb.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        key = self._toll_key(c)
                        if key:
                            return key, c.i
            # "raising to three the number of dead": the parser hangs the toll on "to" with its figure
            if head.lower_ == "to" and verb.lemma_ in RAISE_VERBS and a.lower_ in TOLL_WORDS and any(
                    c.dep_ == "nummod" and c.i < a.i for c in a.children):
                key = self._toll_key(a)
                if key:
                    return key, a.i
            # "bringing the death toll to three", "which raised the toll to 12": the toll an added death makes
            if head.lower_ == "to" and verb.lemma_ in RAISE_VERBS:
                for c in verb.children:
                    if c.dep_ == "dobj":
                        key = self._toll_key(c)
                        if key:
                            return key, c.i
            # "bringing the number of injured to six": the parser hangs "to six" on the toll word's "of"
            # complement; the figure is what the toll word was taken (or rose) to
            if head.lower_ == "to" and verb.dep_ == "pobj" and verb.head.lower_ == "of" \
                    and verb.head.head.lower_ in TOLL_WORDS:
                toll = verb.head.head
                if (toll.dep_ == "dobj" and toll.head.lemma_ in RAISE_VERBS) or (
                        toll.dep_ in ("nsubj", "nsubjpass") and toll.head.lemma_ in ROSE_VERBS):
                    key = self._toll_key(toll)
                    if key:
                        return key, toll.i
            # "killing four, a number that rose to six", "a figure later revised to seven": the count revised
            if head.lower_ in ("to", "at"):
                toll = revising_toll(verb)
                if toll is not None:
                    key = self._key_revised(toll)
                    if key:
                        return key, toll.i
            # "the lives of 20 people": handled above; "among the 30 dead"
        if a.dep_ in ("attr", "dobj") and head.lemma_ in ROSE_VERBS:
            for c in head.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    key = self._toll_key(c)
                    if key:
                        return key, c.i
        return None, None

    def _window(self, doc: Doc, after: int) -> tuple[str | None, int | None]:
        """A casualty word right after the phrase: "50 were killed and 77 injured", "left five dead"."""
        n = len(doc)
        k = after
        steps = 0
        while k < n and steps < 6:
            t = doc[k]
            low = t.lower_
            if t.tag_ == "VBG" and k == after and low not in ADJ_KEYS:
                return None, None  # "one shooting a month", "two killings": a gerund counted, no victims
            if t.lemma_.lower() in ("turn", "take") and t.pos_ == "VERB":
                return None, None  # "turned the gun on herself" tells of its own subject only
            if low in ADJ_KEYS or self._verb_key(t):
                if any(c.dep_ == "neg" for c in t.children):
                    return None, None
                return (ADJ_KEYS.get(low) or self._verb_key(t)), t.i
            if t.pos_ in ("AUX", "ADV", "PART") or low in ("others", "more", "people", "persons", "also",
                                                           "reportedly", "were", "was", "have", "been",
                                                           "being", "had", "has", "are", "is", "later"):
                k += 1
                steps += 1
                continue
            break
        return None, None

    @staticmethod
    def _verb_key(t: Token, active: bool = False) -> str | None:
        lemma = t.lemma_.lower()
        if t.pos_ not in ("VERB", "ADJ", "AUX") and t.tag_ not in ("VBN", "VBD", "VBG"):
            return None
        if any(c.dep_ == "neg" for c in t.children):
            return None
        if t.dep_ in ("xcomp", "pcomp") and t.head.lemma_.lower() in UNREALIZED:
            return None  # "planned to kill his brother", "barely missed killing a boy": nobody hurt yet
        if lemma in TO_DEATH_VERBS and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(x.lower_ == "death" for x in c.children) for c in t.children):
            return "killed"  # "beat four men to death", "were hacked to death": a killing whatever the manner
        if lemma in ("shoot", "stab"):
            # shot without a death is wounded: "five people were shot", "police shot two men"
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if nxt is not None and nxt.lower_ in ("dead", "fatally") and nxt.dep_ != "conj":
                return "killed"  # "shot dead 5 farmers"
            if any(c.lower_ in ("dead", "fatally", "mortally") or (c.dep_ == "amod" and c.lower_ in ("fatal", "deadly"))
                   for c in t.children) or any(
                    c.dep_ == "prep" and c.lower_ == "to" and any(x.lower_ == "death" for x in c.children)
                    for c in t.children):
                return "killed"
            if any(c.lemma_.lower() in ("kill", "die", "murder") and c.dep_ == "conj" and c.i > 0
                   and c.doc[c.i - 1].lower_ in ("and", "then") and not any(
                    x.dep_ in ("nsubj", "nsubjpass") for x in c.children) for c in t.children) or _then_died(t):
                return "killed"
            passive = any(c.dep_ == "auxpass" for c in t.children)
            for c in t.children:
                # "shot at two men", "the car was shot at": fired at, not hit ("shot at a party" is a place)
                if c.lower_ == "at" and c.i == t.i + 1 and (not passive or not any(
                        x.dep_ == "pobj" for x in c.children)):
                    return None
            if t.dep_ in ("amod", "compound") or t.pos_ not in ("VERB",):
                return None
            return "wounded"
        if lemma == "turn" and any(c.dep_ == "dobj" and c.lower_ in ("gun", "weapon", "rifle", "pistol")
                                   for c in t.children) and any(
                c.dep_ == "prep" and c.lower_ == "on" and any(x.lower_ in REFLEXIVES for x in c.children)
                for c in t.children):
            return "killed"  # "turned the gun on himself"
        if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "life" and any(
                x.lower_ == "own" for x in c.subtree) for c in t.children):
            return "killed"  # "took his own life"
        if lemma in ("strike", "hit", "graze") and any(
                (c.dep_ in ("nsubj", "agent") and (c.lemma_.lower() in BULLET_WORDS or any(
                    x.lemma_.lower() in BULLET_WORDS for x in c.children if x.dep_ == "pobj")))
                for c in t.children):
            if any(c.dep_ == "conj" and c.lemma_.lower() in ("die", "kill") for c in t.children) or any(
                    c.lower_ in ("dead", "fatally", "mortally") for c in t.children):
                return "killed"  # "struck by gunfire and died"
            return "wounded"  # "bullets struck five boys", "two were hit by gunfire"
        if lemma in ("wound", "injure") and (any(c.lower_ in FATAL_ADVS for c in t.children) or _then_died(t)):
            return "killed"  # "fatally wounded", "was wounded and later died"
        if lemma in SUFFER_VERBS and lemma != "have":
            # "suffered gunshot wounds", "suffering from a gunshot wound" ("... and died": killed)
            wounds = [c for c in t.children if c.dep_ == "dobj" and c.lower_ in WOUND_NOUNS] + [
                w for c in t.children if c.dep_ == "prep" and c.lower_ == "from"
                for w in c.children if w.dep_ == "pobj" and w.lower_ in WOUND_NOUNS]
            if wounds:
                fatal = any(x.lower_ in ("fatal", "deadly", "mortal", "fatally") for w in wounds for x in w.subtree)
                return "killed" if fatal or _then_died(t) else "wounded"
        if lemma == "recover" and not any(c.dep_ in ("dobj", "obj") for c in t.children) and t.tag_ == "VBG":
            return "wounded"  # "a boy is recovering (from his wounds)"; "police recovered a gun" is not
        if _in_condition(t) and lemma not in VERB_KEYS:
            return "wounded"  # "two are in critical condition", "left two others in serious condition"
        if lemma in HOSPITAL_VERBS and lemma != "hospitalize":
            hosp = any(c.dep_ == "prep" and c.lower_ in ("to", "into", "in") and any(
                x.lemma_.lower() in ("hospital", "clinic", "infirmary") for x in c.subtree) for c in t.children)
            if hosp:
                # "taken to a hospital, where he died": the death told in the hospital's clause
                if _died_there(t):
                    return "killed"
                return "wounded"
        if lemma == "hospitalize":
            return "wounded"
        if lemma == "treat" and any(c.dep_ == "auxpass" for c in t.children) and not any(
                c.dep_ == "prep" and c.lower_ == "as" for c in t.children):
            return "wounded"
        if lemma in ("take", "hold") and any(c.lower_ in ("hostage", "captive", "hostages") for c in t.children):
            return "abducted"
        if lemma == "seize" or lemma == "capture":
            return None
        return VERB_KEYS.get(lemma) or (ADJ_KEYS.get(t.lower_) if t.pos_ == "ADJ" else None)

    def _key_revised(self, toll: Token) -> str | None:
        """What a bare toll word set after a count revises: the nearest casualty word told before it in the
        sentence ("killing four and wounding 12, a figure later revised to 15": the wounded)."""
        key = self._toll_key(toll)
        if key:
            return key
        start = toll.left_edge.i
        for k in range(start - 1, toll.sent.start - 1, -1):
            t = toll.doc[k]
            key = ADJ_KEYS.get(t.lower_) or self._verb_key(t)
            if key in ("killed", "wounded"):
                return key
        return None

    @staticmethod
    def _toll_key(t: Token) -> str | None:
        low = t.lower_
        mods = {c.lower_ for c in t.subtree}
        if low in ("dead", "deaths", "fatalities"):
            return "killed"
        if low in TOLL_WORDS:
            if mods & {"death", "dead", "deaths", "fatalities", "killed", "fatality"}:
                return "killed"
            if mods & {"injured", "wounded", "injuries", "injury"}:
                return "wounded"
            if mods & {"casualty", "casualties"}:
                return "casualties"
            if low == "toll" and not mods & {"road", "traffic"}:
                return "killed"
        return None


@Language.factory("eventwire_quantities")
def make_quantities(nlp: Language, name: str):
    return QuantitiesComponent()


# --------------------------------------------------------------------------
# Helpers for other components


def doer_death(t: Token) -> bool:
    """The number (its head word) counts the attacker killed, not a victim: "the gunman", "the suspects",
    "himself" (on a verb of killing)."""
    if t.lower_ in REFLEXIVES or t.lemma_.lower() in PERPETRATORS:
        return True
    # "two of the attackers"
    return t.pos_ == "NUM" and any(p.dep_ == "prep" and p.lower_ == "of" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in PERPETRATORS for o in p.children) for p in t.children)


# what a happening was "over"/"after": a death told as its cause came before it ("marched over the death of a
# man in custody", "rioted after a detainee died in a cell"); ACLED counts that death, if at all, as its own event
CAUSE_PREPS = {"over", "after", "following", "against", "since"}
CAUSE_MARKS = {"after", "since", "because", "following", "once"}
PROTEST_VERBS = {"protest", "denounce", "condemn", "mourn", "decry", "commemorate"}


def told_as_cause(gov: Token, head: Token, own: frozenset[int] | set[int] = frozenset()) -> bool:
    """The casualty word ``gov`` sits in a phrase that gives what ``head``'s happening answered: a noun
    after "over"/"after"/"against" ("over the 2021 death of a man"), the object of "protest"/"mourn", or
    a clause after "after"/"because" with a subject of its own ("after a man held for theft died").  A
    gerund or a pronoun subject ("stormed the post after killing two guards", "after they shot two") is
    the same doers' earlier step, and stays the happening's own; so does a death whose path to ``head``
    passes a word of the happening itself (``own``: "fighting for his life after a shooting that left one
    man dead", where the shooting is the happening)."""
    if gov == head or not any(a == head for a in gov.ancestors):
        return False
    x = gov
    while x != head:
        h = x.head
        if x != gov and x.i in own:
            return False
        if x.tag_ == "VBG" and x.dep_ in ("acl", "advcl", "xcomp", "conj") and x.i > 0 and x.doc[x.i - 1].text == ",":
            return False  # "..., killing three people": the trigger's own result, whatever the parse hung it on
        if h.dep_ == "prep" and h.lower_ in CAUSE_PREPS and x.dep_ == "pobj" and x.pos_ in ("NOUN", "PROPN"):
            return True
        if x.dep_ in ("dobj", "pobj") and h.lemma_.lower() in PROTEST_VERBS and h != head and x.pos_ == "NOUN":
            return True
        if x.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CAUSE_MARKS for c in x.children):
            subj = [c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and all(s.pos_ != "PRON" for s in subj):
                return True
        x = h
    return False


def vague_range(q: Quantity, sp: Span | None = None) -> bool:
    """A range with no figure to report: "dozens", "hundreds", "tens of thousands".  A range the text
    spells with two figures ("between 10 and 15", "two or three") is not vague: ACLED codes its lowest
    figure, which is the quantity's value."""
    if q.low is None or q.high is None or q.high <= q.low or not q.approximate:
        return False
    if sp is None:
        return True
    return any(t.lower_ in VAGUE for t in sp)


RISE_VERBS = {"rise", "climb", "increase", "jump", "mount", "surge", "grow", "soar", "reach", "hit", "top"}
UPDATED = {"new", "updated", "revised", "latest", "final", "later"}
# a toll of the whole war, not of one happening: "the death toll of the conflict has risen to 10,000"
WAR_WORDS = {"war", "conflict", "fighting", "violence", "insurgency", "crisis", "campaign", "uprising", "offensive",
             "revolution", "unrest", "pandemic", "epidemic", "outbreak", "year", "month", "week", "siege", "occupation"}


# verbs by which a told figure is corrected to another ("a figure later revised to seven", "put at 10")
REVISE_VERBS = (ROSE_VERBS - {"be", "go", "stand", "pass", "exceed", "top", "hit"}) | RAISE_VERBS | {
    "revise", "put", "update", "correct", "adjust", "lower", "raise", "set", "reduce", "fall", "drop"}


def revising_toll(verb: Token) -> Token | None:
    """The toll word that a revising verb corrects when that toll word stands after the count it revises,
    set off by a comma ("killing four, a number that rose to six", "killed five people, a figure later revised
    to seven", "six civilians, a figure the health office later put at 10"): an apposition or a relative
    clause whatever the parser hung it on.  ACLED keeps the latest figure."""
    if verb.lemma_.lower() not in REVISE_VERBS or any(c.dep_ == "neg" for c in verb.children):
        return None
    cands = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "a figure police later revised to six": the parser may take the toll word for the subject's modifier
    cands += [x for c in cands for x in c.children if x.dep_ == "compound" and x.i == c.i - 1]
    if verb.dep_ in ("relcl", "acl"):
        cands.append(verb.head)
    doc = verb.doc
    if any(t.lower_ in ("since", "total", "year", "years", "month", "so") or t.lemma_.lower() in WAR_WORDS
           for t in verb.subtree):
        return None  # "a number that brings the army's losses this year to 40": a tally over a period
    for toll in cands:
        if toll.lemma_.lower() not in TOLL_WORDS or toll.i > verb.i:
            continue
        edge = toll.left_edge.i
        if toll.i > 0 and doc[toll.i - 1].lower_ in ("a", "an", "the"):
            edge = min(edge, toll.i - 1)
        if edge > toll.sent.start and doc[edge - 1].lower_ in (",", "--", "—", "–") \
                and doc[edge].lower_ in ("a", "an", "the", "which", "that"):
            return toll
    return None


def revised_in_apposition(sp: Span) -> bool:
    """The number is the figure a toll word after the count corrects it to (``revising_toll``)."""
    gov = sp._.quantity_governor
    if gov is None or sp.root.dep_ != "pobj" or sp.root.head.lower_ not in ("to", "at"):
        return False
    toll = sp.doc[gov]
    return revising_toll(sp.root.head.head) == toll


def revised_toll(sp: Span, counted: str = "killed") -> bool:
    """The number is a toll the text revises: the toll word is the subject of a verb of rising ("the death
    toll had risen to 11", "the toll climbed to 40") or is itself "updated" ("the updated toll is 11").
    ACLED codes the most recent credible figure, so this one replaces the first.  Not a toll of a whole
    war or of a period ("the toll of the conflict has risen to 10,000", "since 2019")."""
    q = getattr(sp._, "quantity", None)
    gov = sp._.quantity_governor
    if q is None or q.counted != counted or gov is None:
        return False
    toll = sp.doc[gov]
    if toll.lemma_.lower() not in TOLL_WORDS:
        return False
    verb = toll.head
    rising = toll.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in RISE_VERBS
    # "..., bringing the death toll to three": an added death raised it
    # ("bringing the number of injured to six": the parser may hang "to six" inside the toll's own phrase)
    rising = rising or (toll.dep_ == "dobj" and verb.lemma_.lower() in RAISE_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in [*verb.children, *toll.subtree]))
    if toll.dep_ == "pobj" and verb.lower_ == "to" and verb.head.lemma_.lower() in RAISE_VERBS:
        verb, rising = verb.head, True  # "raising to three the number of dead" (the parse of ``_counted``)
    updated = any(c.dep_ == "amod" and c.lower_ in UPDATED for c in toll.children)
    # "..., a figure later revised to seven": the number is what the apposition corrects the count to
    if not (rising or updated) and revised_in_apposition(sp):
        return True
    if not (rising or updated):
        return False
    for t in [*toll.subtree, *(c for c in verb.children if c.dep_ == "prep")]:
        if t.lower_ == "since" or t.lemma_.lower() in WAR_WORDS:
            return False
    return True


def counts_in(span) -> list[Span]:
    """Quantity spans inside a sentence, clause or any span (or the whole doc)."""
    doc = span.doc if isinstance(span, Span) else span
    start, end = (span.start, span.end) if isinstance(span, Span) else (0, len(doc))
    if GROUP not in doc.spans:
        return []
    return [sp for sp in doc.spans[GROUP] if sp.start >= start and sp.end <= end]


def sum_counted(spans, key: str = "killed") -> int | None:
    """Sum of the values of the quantities counting ``key`` ("30 militants and four soldiers were killed" -> 34).

    Quantities that hang on the same casualty word are added up; quantities
    on different words (two reports of the same toll) give the largest sum.
    """
    groups: dict = {}
    for sp in spans:
        q = sp._.quantity
        if q is None or q.counted != key:
            continue
        gov = sp._.quantity_governor
        groups.setdefault(gov if gov is not None else ("solo", sp.start), []).append(q.value)
    if not groups:
        return None
    return max(sum(v) for v in groups.values())


def totals(spans) -> dict[str, int]:
    """counted key -> best integer for a sentence's quantities (coordinated ones summed)."""
    keys = sorted({sp._.quantity.counted for sp in spans if sp._.quantity is not None})
    return {k: sum_counted(spans, k) for k in keys}


# --------------------------------------------------------------------------- a doer's own claimed toll

# Verbs of a toll someone inflicted ("it had killed 30 soldiers").
INFLICT_VERBS = {"kill", "murder", "slay", "execute", "behead", "assassinate", "massacre", "eliminate", "neutralize",
                 "neutralise", "wound", "injure"}
# Pronouns by which a speaker names itself or is named in reported speech.
SELF_PRONOUNS = {"it", "we"}  # not "he"/"they": "police said he killed his wife" names a third party


def _speaker_of(verb: Token) -> Token | None:
    """The subject of a verb of saying ("the group said ..."); of the clause it hangs on for a participle
    with none ("Al-Shabaab claimed the attack, saying it ...")."""
    v = verb
    for _ in range(3):
        if v.lemma_.lower() not in REPORT_VERBS and v.lemma_.lower() != "claim":
            return None
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        if v.dep_ not in ("advcl", "conj", "xcomp") or v.head.i == v.i:
            return None
        v = v.head
    return None


def doer_claims_toll(sent: Span) -> bool:
    """Whether the sentence's toll is the doer's own claim: a verb of killing whose subject is the one
    who says it ("the group said it had killed 30 soldiers", "the rebels claimed to have killed 12").
    Such a figure is a party's claim, not a count by officials, medics or residents."""
    return any(doer_claims(v) for v in sent)


def doer_claims(v: Token) -> bool:
    """``v`` is a verb of killing whose subject is the one who says it (``doer_claims_toll``)."""
    if v.lemma_.lower() not in INFLICT_VERBS or v.pos_ != "VERB":
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
        return False  # "30 soldiers were killed": the victims' side of the story
    say = v.head if v.dep_ in ("ccomp", "xcomp") else None
    if say is None or say.i == v.i:
        return False
    speaker = _speaker_of(say)
    if speaker is None:
        return False
    doer = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if v.dep_ == "xcomp" and doer is None:
        return True  # "claimed to have killed": the claimant is the doer
    if doer is None:
        return False
    # "the group said its fighters killed 30": the speaker's own side
    own = any(c.dep_ == "poss" and c.lower_ in ("its", "our") for c in doer.children)
    return own or doer.lower_ in SELF_PRONOUNS or doer.lemma_.lower() == speaker.lemma_.lower()
