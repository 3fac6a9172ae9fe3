"""eventwire_toponyms: find place names, resolve them to GeoNames places, place events.

Writes ``doc.spans["ew_toponyms"]`` (each span's ``_.place`` is a
``records.Place``) and ``doc._.dateline_place``.  Public helpers:

- ``event_location(doc, trigger) -> (location, destination)``
- ``demonym_country("Lebanese") -> "LB"``

Recognition: spaCy's GPE/LOC/FAC entities, the dateline, and gazetteer phrase
matching over capitalised words ("in Boukamal", "the town of X", "X
province"), which finds the places the small model misses.  Demonyms are not
places of events ("Lebanese army" is an actor of LB) but count as evidence of
the article's countries.

Not places: streets and addresses ("Green Street", "500 block of Washington",
"Jones and Ellis Streets"), the parts of a city ("the South Side"); and, unless
a locative cue, a place noun or a division after it says otherwise ("in
Mobile", "Trinity, Texas"), capitalised common words ("Date:", "Metro"), the
surnames of people the article names and whoever speaks ("Keenum said").

Resolution (one sense per name per article) scores each gazetteer candidate
by population, feature class (country, division, town), whether the text
names it by its main name, the countries of the article (other places,
demonyms, the dateline, institutions only one country has: "the county
sheriff's office"), the divisions it names ("Tenn.", "CONWAY, SC", the state of
an unambiguous town) and the distance to the other places resolved.  A small
place abroad in an article whose places all lie in one other country is
dropped, as is a far-away reading of "the X neighborhood".
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from unidecode import unidecode
from spacy.tokens import Doc, Span, Token

from .. import gazetteer as gz
from ..records import Place
from . import extensions  # noqa: F401
from .extensions import doc_lowers, doc_text, doc_texts

# --------------------------------------------------------------------- demonyms

_DEMONYM_FILE = Path(gz.DATA) / "demonyms.tsv"


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    with open(_DEMONYM_FILE, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            word, cc = line.rstrip("\n").split("\t")[:2]
            out[gz.fold(word)] = cc
            out[gz.fold(word) + "s"] = cc  # plural nationality nouns: "Syrians", "Somalis"
    return out


def demonym_country(word: str) -> str | None:
    """ISO 3166-1 alpha-2 code of the country a demonym names: "Lebanese" -> "LB", else None."""
    if not word:
        return None
    key = gz.fold(word.strip())
    if key.endswith(" s"):  # "Syria's" folded
        key = key[:-2]
    return _demonyms().get(key)


# ------------------------------------------------------------------ recognition

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Words that, before a name, make it a place: "in X", "town of X".
LOC_PREPS = {"in", "near", "at", "outside", "inside", "around", "from", "to", "toward", "towards", "into",
             "across", "along", "through", "throughout", "within", "between", "via", "off", "nearby",
             "northeast", "northwest", "southeast", "southwest", "north", "south", "east", "west",
             "onto", "past", "beyond", "outskirts"}
PLACE_NOUNS = {"town", "city", "village", "villages", "towns", "province", "district", "region", "area",
               "capital", "state", "governorate", "county", "municipality", "suburb", "neighbourhood",
               "neighborhood", "settlement", "camp", "port", "hamlet", "commune", "locality", "outskirts",
               "countryside", "enclave", "border", "oblast", "department", "prefecture"}
ADMIN_WORDS = {"province", "state", "governorate", "region", "oblast", "prefecture", "department",
               "territory", "division", "emirate"}
# "the enclave of Cabinda", "the Nakhichevan exclave": a territory cut off from its country is governed
# as a division of its own, so the name is the division, not the division's namesake seat
ENCLAVE_WORDS = {"enclave", "exclave"}
DISTRICT_WORDS = {"district", "districts", "neighbourhood", "neighborhood", "quarter", "suburb", "area"}
# A name followed by one of these is a facility or feature, not the place itself ("Royal Street").
FACILITY_WORDS = {"market", "junction", "intersection", "camp", "checkpoint", "base", "airport", "bridge",
                  "mosque", "hotel", "square", "road", "street", "highway", "crossing", "valley", "mountains",
                  "hills", "airbase", "prison", "school", "hospital", "university", "church", "border", "river",
                  "lake", "park", "avenue", "boulevard", "station", "stadium", "college", "palace", "beach",
                  "island", "islands", "mountain", "mount", "canal", "cathedral", "center", "centre", "mall",
                  "field", "fields", "county", "parish", "township", "borough"}
# A name followed by one of these is a street or road: its name says nothing of the town it runs
# through ("Victoria Street" in Nairobi, "500 block of Washington Street"), so it is no place at all.
STREET_WORDS = {"street", "streets", "st", "st.", "sts", "sts.", "avenue", "avenues", "ave", "ave.", "av.", "road",
                "roads", "rd", "rd.", "drive", "dr", "dr.", "boulevard", "blvd", "blvd.", "lane", "ln", "ln.",
                "way", "place", "pl.", "terrace", "parkway", "pkwy", "pkwy.", "highway", "hwy", "hwy.",
                "interstate", "expressway", "freeway", "turnpike", "circle", "trail", "pike", "alley", "crescent",
                "close", "row", "plaza", "square", "sq.", "mews", "walk"}
# Road words of a state's or country's own network: "Ohio Turnpike", "Kenya Highway" lie in that state.
HIGHWAY_WORDS = {"highway", "hwy", "hwy.", "interstate", "expressway", "freeway", "turnpike", "pike", "parkway",
                 "pkwy", "pkwy."}
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
           "north-west", "south-east", "south-west", "northern", "southern", "eastern", "western", "central",
           "downtown", "midtown", "uptown", "greater", "inner", "outer"}
# Capitalised common words that the gazetteer also knows as some town ("Date", "Metro", "Trinity"): a place
# only with a locative cue ("in Mobile") or a division after it ("Mobile, Ala.").
COMMON_WORDS = {w.lower() for w in """
Date Time Day Week Year Metro Metropolitan Trinity Cash Parkway Ridge Sunset Sunrise Mission Liberty Victory
Progress Independence Unity Justice Hope Prosperity Commerce Enterprise Industry Opportunity Friendship
Harmony Paradise Eden Reading Mobile Orange Bend Hazard Gas Lead Ware Man Wells Bay Beach Park Spring Springs
Forest Plains Chance Sale Deal Split Male Bar Goes Lane Street Road Avenue Boulevard Highway Side Town City
County Village Center Centre Square Valley Hill Hills Lake River Creek Falls Point Rock Stone Mountain Grove
Garden Gardens Heights Manor Station Post Office Mall Market Bank Church Temple Chapel School College
Academy Hospital Clinic Court Hall Home House Lodge Inn Hotel Motel Club Store Shop Cafe Restaurant Diner
Pub Arena Stadium Field Fields Camp Fort Harbor Harbour Port Airport Bridge Tower Towers Plaza Junction
Crossing Cross Corner Corners Gate Gates Green Commons Common Meadow Meadows Woods Wood Pines Oaks Oak Elm
Maple Cedar Pine Ash Birch Willow Cherry Apple Peach Olive Rose Lily Ivy Holly Laurel Magnolia Violet Iris
Hazel Pearl Ruby Crystal Diamond Gold Golden Silver Iron Copper Coal Salt Sugar Honey Rice Cotton Corn
Wheat Clay Sand Sandy Marsh Moss Fern Glen Dale Vale Dell Hollow Cove Haven Rest Ease Pleasant Fair Fairview
Bellevue Grand Royal Union Federal Liberty Freedom Patriot Pilot Ranger Marshal Sheriff Deputy Trooper
Officer Captain Major Colonel Judge Bishop Dean Mayor Governor Chief Warden Constable Police Guard Fire
Rescue Medical Emergency Health Metro Transit Subway Rail Bus Taxi Jet Star Sun Moon Sky Rain Snow Storm
Winter Summer Spring Autumn Fall Christmas Easter March May August Friday Sunday Monday Tuesday Wednesday
Thursday Saturday Today Tonight Update Updated Posted Published Photo Video Watch Live Breaking Offense
Crime Murder Homicide Shooting Victim Suspect Charges Arrest Source Sources Reporter Editor Staff News Press
Herald Tribune Times Post Journal Gazette Chronicle Courier Observer Record Sentinel Dispatch Register
Bulletin Examiner Inquirer Advocate Review Leader Standard Mirror Express Sun Globe Daily Weekly Morning
Evening Night Midnight Noon Northwest Northeast Southwest Southeast Midwest Central Trinity Hope Faith
Grace Joy Charity Patience Mercy Prudence Constance Angel Angels Saint Saints Christian Nation Republic
Kingdom Empire Colony Liberty Concord Accord Alliance Harmony Amity Enterprise Commerce
""".split()}
HARM_VERBS = {"kill", "shoot", "stab", "wound", "murder", "injure", "hurt", "beat", "strangle", "rob", "kidnap",
              "abduct", "arrest", "charge", "identify", "interview", "question", "contact"}
SAY_VERBS = {"say", "tell", "add", "report", "confirm", "announce", "state", "explain", "note", "claim", "ask",
             "write", "testify", "recall", "describe", "identify", "arrest", "charge", "shoot", "kill"}
# US postal abbreviations, as TV station datelines write them after a town ("CONWAY, SC (WBTW) -").
US_POSTAL = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
}
AGENCY_WORDS = {"police", "sheriff", "sheriff's", "sheriff’s", "pd", "firefighters", "deputies", "detectives",
                "constabulary", "gendarmerie", "residents", "native", "man", "woman", "men", "women", "boy", "girl",
                "teen", "teenager", "resident"}
TOWN_WORDS = {"town", "city", "village", "hamlet", "settlement", "locality", "commune", "port"}
# Capitalised words that are never (part of) a toponym on their own.
STOP = {w.lower() for w in """
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow
The A An This That These Those It He She They We I You His Her Their Our My Its There Here
Mr Mrs Ms Dr President Minister Prime General Gen Col Capt Lt Sgt King Queen Prince Sheikh
Police Army Government Ministry Council Court Parliament Senate Congress Party Islamic State
God Allah Christian Muslim Sunni Shiite Shia Catholic Jewish Reuters AFP AP BBC CNN News
North South East West Northern Southern Eastern Western Central Upper Lower Middle New Old Great
Said Says According However Meanwhile Also But And Or If When While After Before Since During
Nearly About Some Many Several More Most All No Not One Two Three Four Five Six Seven Eight Nine Ten
Breaking Update Video Photo Read Share Home Page Click Copyright Rights Reserved Subscribe
Man Woman People Officials Troops Forces Militants Rebels Soldiers Security Health Public Human
Union United Nations Red Cross Crescent International National Federal Republic Democratic
Is Was Are Be Can May Will Would Should Could Did Do Does Has Had Have Just Only Even Still Yet
Who What Where Which Why How Because So Then Than Now Once Again Last Next First Second Third
Easter Christmas Ramadan Eid Thanksgiving Halloween Hanukkah Passover Diwali Lent Advent Sabbath
Secretary Justice Chief Director Governor Senator Mayor Commissioner Chairman Spokesman Spokeswoman
""".split()}
CONNECTORS = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "ed", "de", "du", "la", "le",
              "of", "and", "-", "'", "’", "bin", "ibn", "abu", "bani", "beni", "umm", "um", "dar", "ras", "tal",
              "tall", "jabal", "jebel", "wadi", "ain", "deir", "dayr", "kafr", "bir", "sidi", "ben", "van", "von",
              "del", "dos", "das", "do", "da", "di", "san", "santa", "sao", "st", "st."}
MAX_TOKENS = 5
GENERIC_NAME_WORDS = {"state", "national", "international", "federal", "central", "city", "memorial", "regional",
                      "general", "community", "public", "high", "elementary", "middle", "medical", "university",
                      "institute", "academy", "district", "court", "county"}
# Capitalised words before a place that do not make it part of a longer name ("Northern Kaduna").
STOP_TITLES = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
               "greater", "upper", "lower", "rural", "downtown", "metropolitan", "in", "near", "from", "at"}
BAD_LABELS = {"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT",
              "LANGUAGE", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}


@dataclass
class Mention:
    start: int  # token offsets
    end: int
    text: str  # the name as looked up (generic words stripped)
    source: str  # ent | dateline | gaz
    hint: str | None = None  # admin | town | district
    cue: bool = False  # a locative word before it or a place noun around it
    label: str | None = None
    candidates: list = field(default_factory=list)  # [(Entry, prior, fuzzy_score)]
    entry: gz.Entry | None = None
    place: Place | None = None
    local: bool = False  # the article writes of the town's own institutions ("the Athens City Council")
    qualified_by: "Mention | None" = None  # the dateline's country or state: "TRIPOLI, Lebanon -"
    within: list = field(default_factory=list)  # what the text says contains it: "Lere in Mali's Timbuktu region"


def _is_cap(tok: Token) -> bool:
    return _cap_text(tok.text)


def _cap_text(t: str) -> bool:
    return bool(t) and (t[0].isupper() or (len(t) > 1 and t[0] in "'’" and t[1].isupper())) and any(
        c.isalpha() for c in t)


def _line_break(tok: Token) -> bool:
    """A wrapped line's break inside a sentence (wire copy at a fixed width), not a blank line."""
    return tok.is_space and tok.text.count("\n") <= 1


def _doc_caps(doc: Doc) -> list[bool]:
    """``_is_cap`` of every token, computed once per doc."""
    caps = doc.user_data.get("_ew_caps")
    if caps is None or len(caps) != len(doc):
        caps = doc.user_data["_ew_caps"] = [_cap_text(t) for t in doc_texts(doc)]
    return caps


# parts of a town that only a town has: "of" after them introduces the town ("the heart of X")
TOWN_PART_NOUNS = {"centre", "center", "heart", "street", "suburb", "downtown"}


def _cue_before(doc: Doc, start: int, _depth: int = 0) -> bool:
    i = start - 1
    while i >= 0 and _line_break(doc[i]):
        i -= 1  # "kidnapped on 15 February in\nCali"
    if _depth < 3 and i >= 1 and doc[i].lower_ in ("and", "or") and _is_cap(doc[i - 1]):
        # "between Boni and Douentza", "in X, Y or Z": a name conjoined with a cued name shares its cue
        j = i - 1
        while j > 0 and _is_cap(doc[j - 1]) and i - j < 4:
            j -= 1
        if _cue_before(doc, j, _depth + 1):
            return True
        if j >= 2 and doc[j - 1].text == "," and _is_cap(doc[j - 2]):
            k = j - 2
            while k > 0 and _is_cap(doc[k - 1]) and j - k < 6:
                k -= 1
            if _cue_before(doc, k, _depth + 1):
                return True
    # skip determiners/adjectives: "in the northern town of X", "near the ISIS-held X"
    steps = 0
    while i >= 0 and steps < 4:
        t = doc[i]
        low = t.lower_
        if low in LOC_PREPS and t.pos_ in ("ADP", "SCONJ", "ADV", "ADJ", "NOUN"):
            return True
        if low == "of" and i > 0 and (doc[i - 1].lemma_.lower() in PLACE_NOUNS | TOWN_PART_NOUNS
                                      or doc[i - 1].lower_ in LOC_PREPS):
            return True  # "districts of Homs", "north of Homs", "the centre of Nis", "the streets of Cluj"
        if low == "," and i > 0 and doc[i - 1].lemma_.lower() in PLACE_NOUNS:
            return True  # "its third city, Kismayo"
        if low in ("'s", "’s") and i > 0 and doc[i - 1].lower_ in ADMIN_WORDS | {"district", "county"}:
            return True  # "Borno state's Gwoza": a place of the division just named
        if low in PLACE_NOUNS and t.pos_ != "VERB":  # "records state Roberts gave ..." is no cue
            return True
        if t.pos_ in ("DET", "ADJ", "PUNCT", "NUM") or t.dep_ in ("amod", "compound") or "-" in t.text:
            i -= 1
            steps += 1
            continue
        return False
    return False


def _is_street_word(tok: Token) -> bool:
    """A street-type word written as part of a name: "Street", "St.", "Ave", "Blvd." (not "the street")."""
    low = tok.lower_
    if low not in STREET_WORDS:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if low in ("st", "st.") and nxt is not None and _is_cap(nxt) and not nxt.is_sent_start:
        return False  # "St. Louis", "Port St. Lucie": Saint
    return tok.is_title or tok.is_upper or low.endswith(".") or (
        tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ".")


def _street_after(doc: Doc, end: int) -> bool:
    """The name is (part of) a street's: "Green Street", "Cedar Avenue Southwest", "Jones and Ellis Streets"."""
    if end >= len(doc):
        return False
    if _is_street_word(doc[end]):
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        # "Florida Highway Patrol", "Turnpike Authority", "Street Superintendent": an organisation's name
        return not (nxt is not None and _is_cap(nxt) and nxt.lower_ not in COMPASS and not nxt.is_sent_start
                    and not nxt.like_num)
    # "Jones and Ellis Streets", "Sherman and Center streets"
    if doc[end].lower_ in ("and", "&", "or") and end + 2 < len(doc) and _is_cap(doc[end + 1]):
        k = end + 2
        while k < len(doc) and k < end + 4 and _is_cap(doc[k]) and not _is_street_word(doc[k]):
            k += 1
        if k < len(doc) and doc[k].lower_ in ("streets", "avenues", "roads", "sts.", "sts", "drives", "boulevards",
                                             "lanes", "roads"):
            return True
    return False


def _street_before(doc: Doc, start: int) -> bool:
    """An address: "500 block of Washington", "1215 Ivy Street", "at 11290 Fondren"."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in ("block", "blocks"):
        return True
    if start >= 3 and doc[start - 1].lower_ in COMPASS and doc[start - 2].lower_ == "of" and doc[start - 3].lower_ in (
            "block", "blocks"):
        return True  # "the 8000 block of South Marquette"
    if start >= 1:
        prev = doc[start - 1]
        if prev.like_num and prev.text.isdigit() and len(prev.text) >= 3 and not (
                len(prev.text) == 4 and 1800 <= int(prev.text) <= 2099) and not (
                start >= 2 and doc[start - 2].lower_ in ("in", "since", "of")):
            return True  # a house number ("in 2017 Kano" is rare; "since 1990" is not an address)
        # "the 2700 block of Hinson", "near 5th and Main"
        if prev.lower_ in ("and", "&") and start >= 2 and doc[start - 2].text[:1].isdigit() and any(
                c.isalpha() for c in doc[start - 2].text):
            return True
    return False


ROAD_WORDS = HIGHWAY_WORDS | {"road", "roads", "railway", "railroad", "corridor", "route", "pipeline"}


def _between_places(doc: Doc, end: int) -> bool:
    """A name ending at ``end`` is one end of a road between two places ("the Nairobi-Nakuru highway",
    "the Kabul–Jalalabad road"): the road runs between them and lies in neither."""
    road = ROAD_WORDS
    if doc[end].text in ("-", "–") and end + 2 < len(doc) and _is_cap(doc[end + 1]):
        k = end + 1
        while k < len(doc) and k < end + 4 and _is_cap(doc[k]):
            k += 1
        return k < len(doc) and doc[k].lower_ in road
    if doc[end].lower_ in road:
        k = end - 1
        while k > 0 and _is_cap(doc[k]):
            k -= 1
        return k < end - 1 and doc[k].text in ("-", "–") and k > 0 and _is_cap(doc[k - 1])
    return False


def _hint_after(doc: Doc, end: int) -> str | None:
    while end < len(doc) - 1 and _line_break(doc[end]):
        end += 1  # "San Vicente\nDepartment"
    if end < len(doc):
        if _between_places(doc, end):
            return "street"
        if _street_after(doc, end):
            return "highway" if doc[end].lower_ in HIGHWAY_WORDS else "street"
        low = doc[end].lower_
        if low in AGENCY_WORDS:
            if low.startswith("sheriff"):
                return "sheriff"  # "the Pasco Sheriff's Office": a US sheriff serves a county
            return "agency"  # "Lubbock police said", "Chicago Police Superintendent": that place's force
        if low in ADMIN_WORDS | ENCLAVE_WORDS:
            return "admin"
        if low in ("neighborhood", "neighbourhood"):
            return "neighbourhood"
        if low in DISTRICT_WORDS:
            return "district"
        if low in TOWN_WORDS:
            return "town"
        if low in FACILITY_WORDS and doc[end].is_title:
            return "facility"
        if low in FACILITY_WORDS:
            return "district"
        if _town_apposition(doc, end):
            return "town"
    return None


# "X, the district centre", "X, a small town": an apposition that says X is a town
APPOSITION_HEADS = TOWN_WORDS | {"capital", "centre", "center", "headquarters", "seat"}
APPOSITION_MODIFIERS = {"district", "provincial", "regional", "county", "small", "remote", "border", "main",
                        "nearby", "market", "mining", "farming", "fishing", "frontier", "garrison", "trading"}


def _town_apposition(doc: Doc, end: int) -> bool:
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("the", "a", "an"):
        return False
    k = end + 2
    while k < len(doc) and k < end + 4 and doc[k].lower_ in APPOSITION_MODIFIERS:
        k += 1
    if k >= len(doc) or doc[k].lower_ not in APPOSITION_HEADS:
        return False
    # "X, the town's mayor", "X, the capital's governor": the apposition is a person
    return k + 1 >= len(doc) or doc[k + 1].text not in ("'s", "’s", "'", "’")


ROAD_LINKS = {"linking", "connecting", "joining", "between", "from"}


def _road_end(doc: Doc, start: int) -> bool:
    """The name at ``start`` is an end of a road the text names by its ends ("the highway linking A
    and B", "the road between A and B", "the route from A to B"): the road runs from it, not in it."""
    k = start - 1
    if k >= 1 and doc[k].lower_ in ("and", "to"):
        k -= 1  # B: back over A's name
        n = 0
        while k >= 1 and _is_cap(doc[k]) and n < 4:
            k, n = k - 1, n + 1
        if n == 0:
            return False
    if k < 1 or doc[k].lower_ not in ROAD_LINKS:
        return False
    return doc[k - 1].lower_ in ROAD_WORDS


def _hint_before(doc: Doc, start: int) -> str | None:
    if _street_before(doc, start):
        return "street"
    while start > 0 and _line_break(doc[start - 1]):
        start -= 1  # "the town of\nX"
    # "the town of X", "the province of X"
    if start >= 2 and doc[start - 1].lower_ == "of":
        low = doc[start - 2].lower_
        if low in TOWN_WORDS:
            return "town"
        if low in ADMIN_WORDS | ENCLAVE_WORDS:
            return "admin"
    return None


# "the commercial hub Manzini", "the port city Calabar", "the rebel-held town Kidal": a noun that says
# what kind of place the name after it is, the two in apposition
DESCRIPTOR_HEADS = TOWN_WORDS | {"hub", "capital", "stronghold", "outpost", "enclave"}


def _descriptor_before(doc: Doc, start: int) -> bool:
    """True when "the [modifiers] <town noun>" stands right before the name: the name is a town,
    whatever the tagger took it for."""
    k = start - 1
    if k < 1 or doc[k].lower_ not in DESCRIPTOR_HEADS or not doc[k].is_lower:
        return False
    k -= 1
    for _ in range(3):
        if k < 0:
            return False
        t = doc[k]
        if t.lower_ in ("the", "a", "an") or t.text in ("'s", "’s"):
            return True
        if not t.is_lower or t.is_punct and t.text != "-" or t.pos_ in ("VERB", "ADP", "AUX"):
            return False
        k -= 1
    return False


def _inside_longer_name(doc: Doc, start: int) -> bool:
    """True when capitalised words run on before ``start``: "Islamic State West Africa Province", "Route 9 Junction"."""
    if start == 0:
        return False
    prev = doc[start - 1]
    if prev.is_punct or prev.is_space or prev.is_stop or prev.lower_ in LOC_PREPS or prev.lower_ in STOP_TITLES:
        return False
    if prev.text in ("'s", "’s") or prev.ent_type_ in PLACE_LABELS:
        return False
    return _is_cap(prev) or (prev.text[:1].isdigit() and any(c.isalpha() for c in prev.text))


# A building the town itself runs or is named for by its office ("the Batumi City Hall", "Kano
# Municipal Stadium", "the Mombasa Town Council offices", "Herat airport"): it stands in that town, unlike
# a hospital or school named after a saint or a far-away place ("Mount Sinai Hospital").
CIVIC_MODIFIERS = {"city", "town", "municipal", "municipality", "metropolitan"}
CIVIC_HEADS = {"hall", "council", "stadium", "hospital", "market", "court", "prison", "library", "square",
               "offices", "office", "building", "assembly", "police", "cemetery", "park", "theatre", "theater"}
AIRPORT_WORDS = {"airport", "airfield", "airstrip"}
# a public hospital is named by its town and its rank in the health system ("Mzuzu Central Hospital",
# "Tamale Teaching Hospital", "Kaduna General Hospital"); a saint's or donor's name has no such word
HOSPITAL_KINDS = {"central", "general", "teaching", "referral", "regional", "district", "provincial"}


def _civic_facility_start(doc: Doc, start: int, end: int) -> int | None:
    """The end of the town's name in "<Town> City Hall" / "<Town> Municipal Stadium" / "<Town>
    (International) Airport", or None."""
    words = [doc[k].lower_ for k in range(start, end)]
    k = len(words)
    if k >= 2 and words[-1] in AIRPORT_WORDS:
        k -= 1
        if k >= 2 and words[k - 1] in ("international", "regional", "domestic"):
            k -= 1
        return start + k if k >= 1 and doc[start + k - 1].is_title else None
    if k >= 3 and words[-1] in CIVIC_HEADS | FACILITY_WORDS and words[-2] in CIVIC_MODIFIERS:
        return start + k - 2 if doc[start + k - 3].is_title else None
    if k >= 3 and words[-1] == "hospital" and words[-2] in HOSPITAL_KINDS:
        return start + k - 2 if doc[start + k - 3].is_title else None
    return None


def _strip_span(doc: Doc, start: int, end: int, gaz: gz.Gazetteer | None = None) -> tuple[int, int, str | None]:
    """Drop leading determiners, trailing possessives and generic words: "the Niger State" -> Niger, admin.

    A name the gazetteer knows whole keeps its generic word ("Cape Town").
    """
    hint = None
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space):
        start += 1
    # a line break the model took into the name ("La\n" of a hard-wrapped "La\nTiendita") is no part of it
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    if gaz is not None and end - start > 1 and gaz.has(doc[start:end].text):
        return start, end, None
    if gaz is not None and end - start > 1 and doc[start].lower_ in COMPASS and gaz.has(doc[start + 1:end].text):
        return start + 1, end, None  # "South Los Angeles", "Southwest Baltimore": the city
    if end - start > 1 and any(_is_street_word(doc[k]) for k in range(start + 1, end)):
        return start, end, "highway" if doc[end - 1].lower_ in HIGHWAY_WORDS else "street"
    civic = _civic_facility_start(doc, start, end)
    if civic is not None:
        return start, civic, "town"
    while end - start > 1:
        low = doc[end - 1].lower_
        if low in FACILITY_WORDS:
            return start, end, "facility"
        if low in ADMIN_WORDS | ENCLAVE_WORDS:
            hint = "admin"
        elif low in DISTRICT_WORDS:
            hint = "neighbourhood" if low in ("neighborhood", "neighbourhood") else "district"
        elif low in TOWN_WORDS:
            hint = "town"
        else:
            break
        end -= 1
    return start, end, hint


PERSON_NOUNS = {"mother", "father", "son", "daughter", "wife", "husband", "brother", "sister", "uncle", "aunt",
                "cousin", "grandmother", "grandfather", "friend", "neighbor", "neighbour", "boyfriend",
                "girlfriend", "fiance", "fiancee", "victim", "suspect", "officer", "deputy", "man", "woman",
                "boy", "girl", "teen", "teenager", "child", "spokesman", "spokeswoman", "spokesperson"}


def _surnames(doc: Doc, gaz: gz.Gazetteer) -> set[str]:
    """Words that name a person in this article: the last word of multi-word PERSON entities
    ("Officer Tyler Sandoval" -> "Sandoval"), unless the whole entity is a place the gazetteer knows."""
    out = set()
    for ent in extensions.doc_ents(doc):
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        words = [t for t in ent if not t.is_punct and t.text not in ("'s", "’s")]
        if len(words) < 2 or any(t.lower_ in CONNECTORS for t in words) or gaz.has(ent.text):
            continue
        out.add(words[-1].text)
        if words[-1].text.isupper():
            out.add(words[-1].text.title())
    # A name spaCy takes for a person more often than for a place ("Perry was arrested", "Rollins, a
    # 16-year-old"), and one set beside a kinship or role noun ("Her mother, Isabel, says"): a person.
    as_person: Counter = Counter()
    as_place: Counter = Counter()
    for ent in extensions.doc_ents(doc):
        if len(ent) == 1 and _is_cap(ent[0]):
            if ent.label_ == "PERSON":
                as_person[ent.text] += 1
            elif ent.label_ in PLACE_LABELS:
                as_place[ent.text] += 1
    for name, k in as_person.items():
        # twice at least, and never a big town: the small model also reads foreign towns as people
        if (k >= 2 and 3 * as_place[name] <= k
                and not any(e.is_country or e.is_admin1 or e.population >= 100_000 for e, _ in gaz.lookup(name))):
            out.add(name)
    # "Marcus Edwards ... in Edwards' black SUV": a name the article also gives with a first name before
    # it (whatever label spaCy gives the pair) is that person's, unless the pair is a place itself.
    texts = doc_texts(doc)
    titled = [w.istitle() and w.isalpha() for w in texts]  # Token.is_title and .is_alpha, without the Tokens
    for k in range(len(doc) - 1):
        if not (titled[k] and titled[k + 1]) or texts[k + 1] in out:
            continue
        t1, t2 = doc[k], doc[k + 1]
        if t1.ent_type_ in PLACE_LABELS and t2.ent_type_ in PLACE_LABELS and t1.ent_iob_ == "B" and t2.ent_iob_ == "B":
            continue  # two places side by side
        low1 = t1.lower_
        if (low1 in STOP or low1 in STOP_TITLES or low1 in COMPASS or low1 in CONNECTORS or low1 in COMMON_WORDS
                or gaz.has(f"{t1.text} {t2.text}")):
            continue
        if k + 2 < len(doc) and titled[k + 2]:
            continue  # a longer name ("New York Police Department"): not a first name and a surname
        if any(main and (e.population >= 10_000 or e.is_country or e.is_admin1) for e, main in gaz.lookup(t1.text)):
            continue
        if any(e.is_country or e.is_admin1 or e.population >= 100_000 for e, _ in gaz.lookup(t2.text)):
            continue
        out.add(t2.text)
    for tok in doc:
        if (tok.dep_ == "appos" and tok.head.lemma_.lower() in PERSON_NOUNS and _is_cap(tok)
                and not any(e.is_country for e, _ in gaz.lookup(tok.text))):
            out.add(tok.text)
    # "Edwards told investigators", "Walker said": whoever speaks is a person, wherever else the name is.
    for tok in doc:
        if (tok.dep_ == "nsubj" and tok.head.lemma_ in ("say", "tell", "add", "testify", "recall", "explain")
                and _is_cap(tok) and not tok.is_stop and tok.ent_type_ not in PLACE_LABELS | {"ORG", "NORP"}
                and (tok.i == 0 or not _is_cap(doc[tok.i - 1]) or doc[tok.i - 1].is_sent_start)):
            if not any(e.is_country or e.is_admin1 for e, _ in gaz.lookup(tok.text)):
                out.add(tok.text)
    return out


STRONG_PREPS = {"in", "near", "outside", "inside", "around", "across", "throughout", "within", "into", "nearby",
                "outskirts"}
# "north of X", "30 km from X": a bearing or a distance is measured from a place, never from a person
BEARINGS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
            "north-west", "south-east", "south-west"}
DISTANCE_UNITS = {"km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile"}


def _strong_cue_before(doc: Doc, start: int) -> bool:
    """"in X", "near the town of X": a cue a person's name does not take ("shot at X", "said to X")."""
    i = start - 1
    while i >= 0 and start - i <= 4 and (doc[i].pos_ in ("DET", "ADJ", "NUM") or doc[i].lower_ in PLACE_NOUNS
                                         or doc[i].lower_ == "of"):
        if doc[i].lower_ in PLACE_NOUNS:
            return True
        i -= 1
    if i < 0:
        return False
    if doc[i].lower_ in BEARINGS and i + 1 < start and doc[i + 1].lower_ == "of":
        return True  # "30 kilometres north of X", "just south of X"
    if doc[i].lower_ in DISTANCE_UNITS and i + 1 < start and doc[i + 1].lower_ == "of":
        return True  # "within 10 miles of X"
    if doc[i].lower_ == "from" and i > 0 and doc[i - 1].lower_ in DISTANCE_UNITS:
        return True  # "40 km from X"
    return doc[i].lower_ in STRONG_PREPS


def _division_after(doc: Doc, end: int, gaz: gz.Gazetteer) -> bool:
    """", Texas", ", Ala.", ", Nigeria", ", SC" after a name: it is a place in that division or country."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    nxt = doc[end + 1]
    if not _is_cap(nxt):
        return False
    if nxt.text in US_POSTAL:
        return True
    for k in (2, 1):
        if end + 1 + k <= len(doc):
            span = doc[end + 1:end + 1 + k]
            if all(_is_cap(t) or t.text == "." for t in span) and any(
                    e.is_country or e.is_admin1 for e, _ in gaz.lookup(span.text)):
                return True
    return False


def _needs_cue(doc: Doc, s: int, e: int, gaz: gz.Gazetteer, surnames: set[str], lower_words: set[str],
               source: str, hint: str | None) -> bool:
    """True when a name is more likely a person or a common word than a place and nothing says otherwise.

    Weak: a single capitalised common word ("Date", "Metro", "Trinity"; a stop word; a word the article also
    writes in lower case), the surname of a person the article names ("Sandoval" after "Officer Tyler
    Sandoval"), the subject of a speech verb ("Keenum said").  Such a name is still a place with a locative
    cue before it ("in Trinity"), a place noun around it ("Mobile County") or a division after it
    ("Trinity, Texas").
    """
    if e - s != 1:
        return False
    tok = doc[s]
    low = tok.lower_.rstrip(".")
    entries = None
    weak = False
    if low in COMMON_WORDS or (tok.is_stop and not tok.is_upper) or low in lower_words:
        weak = True
    elif tok.text in surnames:
        weak = True
    elif (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in SAY_VERBS) or (
            tok.dep_ == "dobj" and tok.head.lemma_ in HARM_VERBS):  # "shot and killed Copeland"
        entries = gaz.lookup(tok.text)
        weak = not any(x.is_country or x.is_admin1 for x, _ in entries)
    if not weak:
        return False
    if tok.text in surnames and source != "dateline":
        # "in Edwards' black SUV", "in the Morgan family": a person's, whatever the preposition
        owned = e < len(doc) and (doc[e].text in ("'s", "’s", "'", "’") or doc[e].lower_ in ("family", "home", "house", "residence"))
        return not (hint in ("admin", "town", "district", "neighbourhood") or _division_after(doc, e, gaz)
                    or (_strong_cue_before(doc, s) and not owned))
    if source == "dateline":
        # "TRINITY, Texas —" and wire-style capitals are datelines; "Date: ..." is page furniture.
        return not (tok.is_upper or (e < len(doc) and doc[e].text == ","))
    if hint in ("admin", "town", "district", "neighbourhood"):
        return False
    if _division_after(doc, e, gaz):
        return False
    return not _cue_before(doc, s)


def _wrapped_line_break(doc: Doc, k: int) -> bool:
    """``doc[k]`` is a single line break between two capitalised words: wire copy wrapped at a fixed
    width breaks names across lines ("San\nVicente"); a blank line (a new paragraph) does not."""
    t = doc[k]
    return (t.is_space and t.text.count("\n") == 1 and k + 1 < len(doc) and k > 0
            and _is_cap(doc[k - 1]) and _is_cap(doc[k + 1]))


def _hyphen_compound_end(doc: Doc, start: int, end: int, gaz: gz.Gazetteer) -> int:
    """The end of the hyphenated compound ``doc[start:end]`` begins, when the gazetteer knows it.

    Persian and Arabic names join their parts with a connector written between hyphens
    ("Mazar-i-Sharif", "Mazar-e-Sharif"), which the tokenizer splits into separate tokens; the
    compound runs on while no space separates the tokens. Kept only when the whole is a known name
    (or a transliteration of one) and the part alone is not already a name of its own.
    """
    n = len(doc)
    j = end
    while (j + 1 < n and not doc[j - 1].whitespace_ and doc[j].text in ("-", "‐")
           and not doc[j].whitespace_ and doc[j + 1].is_alpha and j + 2 - start <= MAX_TOKENS + 2):
        j += 2
    if j == end:
        return end
    text = doc[start:j].text
    if gaz.has(text) or (not gaz.has(doc[start:end].text) and gaz.fuzzy(text, 90)):
        return j
    return end


# Kin and armed groups: a name right before one of these names the group ("the Hamar clan", "Afar
# militiamen"), as the ACLED taxonomy names communal and clan militias after their people, not a place
GROUP_NOUNS = {"clan", "clans", "subclan", "subclans", "clansman", "clansmen", "tribe", "tribes", "tribesman",
               "tribesmen", "militia", "militias", "militiaman", "militiamen"}


def _group_after(doc: Doc, end: int) -> bool:
    if end >= len(doc):
        return False
    if doc[end].lower_ == "sub" and end + 2 < len(doc) and doc[end + 1].text in ("-", "‐"):
        end += 2  # "sub-clan"
    return doc[end].lower_ in GROUP_NOUNS


# verbs whose object is a place taken or struck by force: the taxonomy's attacks on and seizures of
# territory ("raided X", "overran X", "X was shelled")
ASSAULT_LEMMAS = {"raid", "storm", "overrun", "overran", "seize", "capture", "shell", "bomb", "besiege", "retake",
                  "recapture", "invade", "occupy", "loot", "pound", "torch", "sack", "encircle", "bombard",
                  "attack"}


def _assault_object(doc: Doc, start: int, end: int) -> str | None:
    """The lemma of the verb of force whose object (or passive subject) the name ``doc[start:end]``
    is ("gunmen stormed X", "X was shelled"); None otherwise."""
    root = doc[start:end].root
    if root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ == "VERB" and root.head.lemma_ in ASSAULT_LEMMAS:
        return root.head.lemma_
    return None


def _sentence_countries(doc: Doc, i: int, gaz: gz.Gazetteer) -> set[str]:
    """Countries the sentence of token ``i`` names by their main name: as a place entity, or after a
    preposition or adjective ("in central Mali", which the small model may tag a person)."""
    sent = doc[i].sent
    out = set()
    for ent in extensions.doc_ents(doc):
        if not sent.start <= ent.start < sent.end or ent.start <= i < ent.end:
            continue
        if ent.label_ in ("GPE", "LOC") or (ent.start > 0 and doc[ent.start - 1].pos_ in ("ADP", "ADJ")):
            text = ent.text[:-2] if ent.text.endswith(("'s", "’s")) else ent.text
            for e, main in gaz.lookup(text):
                if main and e.is_country:
                    out.add(e.cc)
    return out


def _find_mentions(doc: Doc, gaz: gz.Gazetteer) -> list[Mention]:
    found: list[Mention] = []
    taken = [False] * len(doc)
    blocked = [None] * len(doc)  # entity label of non-place entities
    blocked_span: dict[int, tuple[int, int]] = {}
    for ent in extensions.doc_ents(doc):
        if ent.label_ not in PLACE_LABELS:
            for i in range(ent.start, ent.end):
                blocked[i] = ent.label_
                blocked_span[i] = (ent.start, ent.end)

    surnames = _surnames(doc, gaz)
    lower_words = {w for w in doc_texts(doc) if w.islower()}

    def add(start, end, source, label=None, hint=None):
        s, e, h = _strip_span(doc, start, end, gaz)
        if e <= s or any(taken[s:e]):
            return None
        if (e < len(doc) and doc[e].lower_ == "side" and doc[e - 1].lower_ in COMPASS) or (
                e - s >= 2 and doc[e - 1].lower_ == "side" and doc[e - 2].lower_ in COMPASS):
            for i in range(s, e):  # "the South Side", "the city's West and Northwest side": part of a city
                taken[i] = True
            return None
        if source != "dateline" and _group_after(doc, e):
            for i in range(s, e):  # "the Hamar clan", "Afar militiamen": the name is the group's
                taken[i] = True
            return None
        if _needs_cue(doc, s, e, gaz, surnames, lower_words, source, hint or h):
            return None
        if source != "dateline" and _inside_longer_name(doc, s):
            return None
        if e - s == 1 and doc[s].is_stop and not doc[s].is_upper and source != "dateline":
            return None
        if e - s == 1 and doc[s].lower_ in CONNECTORS and source != "dateline":
            nxt = next((t for t in doc[e:e + 3] if not t.is_space), None)
            if nxt is not None and _is_cap(nxt) and not nxt.is_punct:
                return None  # "La" of "La Tiendita", "Al" of "Al Qaa": the article of a longer name
        text = doc[s:e].text
        if len(text) < 2 or text.lower() in STOP:
            return None
        hint = hint or h or _hint_after(doc, e) or _hint_before(doc, s)
        m = Mention(s, e, text, source, hint=hint, cue=_cue_before(doc, s) or hint is not None, label=label)
        for i in range(s, e):
            taken[i] = True
        if h == "town":
            for i in range(e, end):  # "City Hall" of "Batumi City Hall": no place of its own
                taken[i] = True
        found.append(m)
        return m

    dl = doc._.dateline
    # the dateline's country: a town of it the tagger took for a person or group, but written after a
    # locative cue ("on the outskirts of X"), is that town even under a transliterated name
    dl_cc = None
    if dl is not None:
        add(dl.start, dl.end, "dateline", "GPE")
        dl_entries = [e for e, main in gaz.lookup(dl.text) if main]
        if dl_entries:
            dl_cc = max(dl_entries, key=lambda e: e.population).cc
    for ent in extensions.doc_ents(doc):
        if ent.label_ in PLACE_LABELS:
            # a FAC/GPE glued to the next words ("Tal Afar - Islamic State"): keep the part before a dash
            end = ent.end
            for i in range(ent.start, ent.end):
                if doc[i].text in ("-", "–", "—") and doc[i].whitespace_ and i > ent.start:
                    end = i
                    break
            if end == ent.end:
                # the tokenizer split a hyphenated name and the model kept its first part ("Mazar" of
                # "Mazar-i-Sharif", "Mazar-e-Sharif"): the whole compound when the gazetteer knows it
                end = _hyphen_compound_end(doc, ent.start, end, gaz)
            if end == ent.end and not gaz.has(ent.text):
                # the model cut a name short ("Cape" of "Cape Coral"): take the longer name the gazetteer knows
                for k in (2, 1):
                    if end + k <= len(doc) and all(_is_cap(t) and not t.ent_type_ for t in doc[end:end + k]) \
                            and gaz.has(doc[ent.start:end + k].text):
                        end += k
                        break
            add(ent.start, end, "ent", ent.label_)

    # "CONWAY, SC", "Dayton, OH": a US state by its postal code, after a capitalised town and a comma.
    for k, word in enumerate(doc_texts(doc)):
        if word not in US_POSTAL:
            continue
        tok = doc[k]
        if (tok.text in US_POSTAL and not taken[k] and k >= 2 and doc[k - 1].text == ","
                and _is_cap(doc[k - 2]) and not doc[k - 2].like_num
                and (k + 1 == len(doc) or not _is_cap(doc[k + 1]) or doc[k + 1].text.startswith("("))):
            name = US_POSTAL[tok.text]
            if any(e.is_admin1 and e.cc == "US" for e, _ in gaz.lookup(name)):
                found.append(Mention(k, k + 1, name, "gaz", hint="admin", cue=True))
                taken[k] = True

    # Gazetteer phrase matching over runs of capitalised words.
    weak: list[tuple[int, int]] = []
    n = len(doc)
    # Speed: the scan reads each token's capitalisation, lower form and text from per-doc lists.
    caps, lowers, texts = _doc_caps(doc), doc_lowers(doc), doc_texts(doc)
    i = 0
    while i < n:
        if taken[i] or not caps[i]:
            i += 1
            continue
        tok = doc[i]
        if tok.like_num:
            i += 1
            continue
        hit = None
        j_max = i
        while j_max < n and j_max - i < MAX_TOKENS and not taken[j_max] and (
                caps[j_max] or (j_max > i and lowers[j_max] in CONNECTORS)
                or (j_max > i and texts[j_max] in ("-",) and not doc[j_max - 1].whitespace_)
                # a wire's hard line break inside a name ("San\nVicente Department")
                or (j_max > i and _wrapped_line_break(doc, j_max))
                # the connector of a hyphenated compound ("Mazar-i-Sharif")
                or (j_max > i + 1 and texts[j_max - 1] == "-" and not doc[j_max - 1].whitespace_
                    and not doc[j_max - 2].whitespace_ and doc[j_max].is_alpha)):
            j_max += 1
        for j in range(j_max, i, -1):
            if not caps[j - 1]:
                continue
            text = doc[i:j].text
            if text.lower() in STOP or (j == i + 1 and tok.lower_ in STOP):
                continue
            if j == i + 1 and tok.lower_ in CONNECTORS and any(
                    _is_cap(t) and not t.is_punct for t in doc[j:j + 2] if not t.is_space):
                continue  # "Al" of "Al Qaa": the article of a longer name, not a town in Norway
            if gaz.has(text):
                hit = j
                break
        cue = _cue_before(doc, i)
        if hit is None and cue and j_max > i:
            # Transliteration variants after a locative cue: "toward Boukamal".
            j = j_max
            while j > i and not caps[j - 1]:
                j -= 1
            # a place noun after the name overrides the tagger's person or group, as for a name the
            # gazetteer holds as written ("in Kasy district", "near Kasy town")
            if j > i and (not any(blocked[k] in ("PERSON", "ORG", "NORP") for k in range(i, j))
                          or _hint_after(doc, j) in ("town", "district", "admin")):
                text = doc[i:j].text
                if len(text) >= 4 and text.lower() not in STOP and not demonym_country(text) and gaz.fuzzy(text, 80):
                    hit = j
        if hit is None and cue and j_max > i + 1 and tok.lower_ in GENERIC_HEADS:
            # "in Jroud Arsal", "near Wadi Khaled": a named feature we lack, placed by its known tail
            # (see _place_by_tail), whatever the tagger took it for
            j = j_max
            while j > i and not caps[j - 1]:
                j -= 1
            if j > i + 1 and add(i, j, "gaz", None, None) is not None:
                i = j
                continue
        if hit is None and j_max > i and _hint_before(doc, i) in ("town", "admin"):
            # "the village of Al Qaa": a place the gazetteer lacks, whatever the tagger took it for;
            # kept unresolved, so nothing else stands in for it (see event_location)
            j = j_max
            while j > i and not caps[j - 1]:
                j -= 1
            text = doc[i:j].text
            if j > i and text.lower() not in STOP and not demonym_country(text):
                add(i, j, "gaz", None, _hint_before(doc, i))
        if hit is None and j_max > i and cue:
            # "on the outskirts of Pibor town", "near Banu, the district centre": after a locative cue,
            # a name the text calls a town is one we lack, kept unresolved like "the village of X"
            j = j_max
            while j > i and not caps[j - 1]:
                j -= 1
            text = doc[i:j].text
            if (j > i and _hint_after(doc, j) == "town" and text.lower() not in STOP
                    and not demonym_country(text)):
                add(i, j, "gaz", None, "town")
        if hit is None:
            i += 1
            continue
        labels = {blocked[k] for k in range(i, hit)} - {None}
        hint = _hint_after(doc, hit) or _hint_before(doc, i) or ("town" if _descriptor_before(doc, i) else None)
        if hint is None and _civic_facility_start(doc, i, j_max) == hit:
            hint = "town"  # "Mzuzu Central Hospital", tagged as an organisation: its town's building
        text = doc[i:hit].text
        short_caps = text.isupper() and len(text.replace(".", "")) <= 3
        entries = gaz.lookup(text)
        if short_caps and not any(e.is_country or e.is_admin1 for e, _ in entries):
            i = hit
            continue
        assault = _assault_object(doc, i, hit)
        ok = cue or hint is not None or (assault and not labels)
        strong = any(e.is_country or (main and (e.is_admin1 or e.population >= 100_000)) for e, main in entries)
        if labels & BAD_LABELS:
            # spaCy took it for something else (the small model often tags places PERSON, ORG or NORP).
            # A place noun after it ("Niger state") overrides that; so does a locative cue before a
            # name the entity is exactly, when the gazetteer knows a country, division or town by it.
            # ("The attack in Damboa", "40 km from Damboa": the small model calls a town it does not
            # know a PRODUCT too; the cue and the gazetteer decide as for a person's name)
            same = blocked_span.get(i) == (i, hit) and labels <= {"PERSON", "ORG", "NORP", "PRODUCT"}
            # a city is known under many romanizations: "Al-Fashir" is El Fasher's and no other
            # place's name ("Boni" is also Bonn's, and two towns'; no evidence of either)
            known = any(e.is_country or e.is_admin1 or (main and e.fclass == "P" and e.population >= 1000)
                        or (len(entries) == 1 and e.fclass == "P" and e.population >= 100_000)
                        for e, main in entries) or ((cue or assault) and dl_cc is not None and any(
                            e.fclass == "P" and e.cc == dl_cc for e, _ in entries)) or (
                # "attacked a base in X in northern Burkina Faso": the sentence itself puts the name in
                # a country, and the gazetteer holds a town of that country by it (as an alternate
                # spelling too): the country the sentence names stands for the dateline's
                (cue or assault) and any(e.fclass == "P" and e.cc in _sentence_countries(doc, i, gaz)
                                         for e, _ in entries))
            # what a force raids, storms or seizes is a place ("insurgents overran X"), when it is the
            # name of a town of the dateline's country or a known town; "attacked X" may be a person,
            # so it needs the dateline's country
            seized = assault and (assault != "attack" or dl_cc is not None and any(
                e.fclass == "P" and e.cc == dl_cc for e, _ in entries))
            ok = (hint is not None and hint not in ("facility", "street", "highway")) or (same and known and (
                cue or seized or any(e.is_country for e, _ in entries)))
        elif not ok and not tok.is_sent_start and strong and doc[i:hit].text not in surnames:
            ok = True
        if not demonym_country(text):
            if ok:
                add(i, hit, "gaz", None, hint)
            elif not labels and not tok.is_sent_start and any(main and e.fclass == "P" for e, main in entries):
                weak.append((i, hit))
        i = hit
    found.sort(key=lambda m: m.start)
    weak = [(i, j) for i, j in weak
            if not _needs_cue(doc, i, j, gaz, surnames, lower_words, "gaz", None)]
    return found, weak


# ------------------------------------------------------------------- resolution

# Institutions and address styles only one country's news uses: evidence of the article's country
# when it names no country ("Birmingham" in a report quoting the county sheriff's office).
COUNTRY_CUES = {
    "US": [re.compile(p, re.I) for p in (
        r"\bsheriff['’]s (?:office|department|deputies|deputy)\b", r"\bcounty sheriff\b",
        r"\b\d{2,5}\s+block of\b", r"\bhighway patrol\b", r"\bdistrict attorney['’]?s? office\b",
        r"\bcounty (?:prosecutor|coroner|medical examiner)\b",
        r"\b(?:city council|county commission(?:ers)?|board of (?:education|supervisors)|school board)\b.{0,200}"
        r"\b(?:police department|high school|elementary school)\b")] + [
        # a dateline with a broadcaster's call sign: "COLUMBUS (WCMH)", "CONWAY, SC (WBTW)"
        re.compile(r"^[A-Z][A-Z .'-]+(?:, [A-Z][A-Za-z.]+)? \((?:W|K)[A-Z]{2,3}(?:-TV)?\)", re.M)],
}


def article_country_cues(doc: Doc) -> Counter:
    """Country cues of the whole article: names in the text, and demonyms NER tagged (half weight)."""
    cues: Counter = country_cues(doc_text(doc))
    for ent in extensions.doc_ents(doc):
        if ent.label_ == "NORP":
            cc = demonym_country(ent.text)
            if cc:
                cues[cc] += 0.5
        elif ent.label_ == "ORG":
            # "the Palestinian health ministry", "the Afghan army": a national body names its country
            word = next((t for t in ent[:3] if t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper()), None)
            cc = demonym_country(word.text) if word is not None else None
            if cc:
                cues[cc] += 0.5
    return cues


def country_cues(text: str) -> Counter:
    """Weak country evidence from institutions named in the text: one per kind of cue, two at most."""
    out: Counter = Counter()
    for cc, pats in COUNTRY_CUES.items():
        n = sum(1 for p in pats if p.search(text))
        if n:
            out[cc] = min(2.0, float(n))
    return out


REGION_DEMONYMS = {"european": "Europe", "europeans": "Europe", "african": "Africa", "africans": "Africa",
                   "north american": "North America", "south american": "South America",
                   "central american": "Central America", "kurdish": "Kurdistan", "kurds": "Kurdistan",
                   "asian": "Asia", "asians": "Asia", "middle eastern": "Middle East", "arab": "Middle East",
                   "latin american": "Latin America", "caribbean": "Caribbean", "balkan": "Balkans",
                   "scandinavian": "Scandinavia", "mediterranean": "Mediterranean", "arctic": "Arctic"}

def _candidates(gaz: gz.Gazetteer, text: str, hint: str | None, allow_fuzzy: bool):
    """[(entry, main_name, fuzzy_score)] for a name."""
    if hint == "street":
        # a street's name says nothing of its town, and city streets are named after far-away states
        # ("California Avenue" in Chicago); a state's highway is still in it ("Ohio Turnpike")
        return []
    if hint == "highway":
        return [(e, main, 100.0) for e, main in gaz.lookup(text) if (e.is_admin1 or e.is_country) and main]
    if hint == "facility":
        # "Colorado State University", "Orange County": a feature we do not have; the place its name
        # starts with is a guess (weighed like a transliteration guess: it needs the article's countries).
        words = text.split()
        while len(words) > 1 and words[-1].lower() in FACILITY_WORDS:
            words.pop()
        while len(words) > 1 and words[-1].lower() in FACILITY_WORDS | GENERIC_NAME_WORDS:
            words.pop()
        for k in range(len(words), 0, -1):
            core = " ".join(words[:k])
            if core.lower() in STOP:
                continue
            hits = [(e, main, 95.0) for e, main in gaz.lookup(core)
                    if e.is_country or e.is_admin1 or e.fclass == "P"]
            if hits:
                return hits
        return []
    if text.lower() in STOP:
        return []
    if hint == "sheriff" and not text.lower().endswith((" county", " parish")):
        counties = [(e, True, 100.0) for e, main in gaz.lookup(text + " County") if e.fcode == "ADM2"]
        if counties:
            return counties
    cc = demonym_country(text)
    if cc:
        c = gaz.country(cc)
        return [(c, True, 100.0)] if c else []
    area = REGION_DEMONYMS.get(gz.fold(text))
    if area:
        return [(e, True, 100.0) for e, main in gaz.lookup(area) if e.is_area][:1]
    out = [(e, main, 100.0) for e, main in gaz.lookup(text)]
    if any(e.is_country and main for e, main, _ in out):
        # a country's own name is the country, not a town that carries it only as an alternate name
        # ("Kosovo police" is not Kosovo Polje, whatever word follows the name)
        out = [x for x in out if x[1] or x[0].fclass != "P"]
    # a hand-kept conflict area that bears the name of a first-level division of its own country is
    # that division ("Tigray", "Rakhine", "Cabo Delgado"): the division has the codes and the centre
    # the rest reads (its towns, its seat), the area only a rough point
    a1_cc = {e.cc for e, _, _ in out if e.is_admin1 and e.cc}
    out = [x for x in out if not (x[0].fcode == "RGN" and x[0].cc in a1_cc)]
    if hint == "admin" and not any(e.is_admin1 for e, _, _ in out):
        out += _seat_regions(gaz, out)
    first, _, rest = text.partition(" ")
    if rest and first.lower() in COMPASS:
        # "west Charlotte": the city's west side, though some hamlet is called "West Charlotte"
        out += [(e, main, 100.0) for e, main in gaz.lookup(rest) if e.fclass == "P" and main]
    if not out and allow_fuzzy:
        out = [(e, False, s) for e, s in gaz.fuzzy(text, 80)]
    return out


def _seat_regions(gaz: gz.Gazetteer, found: list) -> list:
    """The divisions named after a town under another spelling of its name: "the Timbuktu region"
    is GeoNames' division "Tombouctou", whose seat Timbuktu bears "Tombouctou" as an alternate name.
    The division's name must find the very town, so a division merely containing a namesake is not
    taken."""
    out, seen = [], set()
    for e, main, fz in found:
        if e.fclass != "P" or not main or fz < 100:
            continue
        a1 = gaz.admin1(e.cc, e.admin1)
        if a1 is None or a1.gid in seen:
            continue
        if any(x.gid == e.gid for x, _ in gaz.lookup(a1.name)):
            seen.add(a1.gid)
            out.append((a1, True, 100.0))
    return out


def _prior(e: gz.Entry, main: bool, fuzzy: float, hint: str | None) -> float:
    s = math.log10(e.population + 10)
    if main:
        s += 1.5
    if e.is_country:
        s += 2.0
        if hint in ("admin", "district", "town", "neighbourhood"):
            s -= 6.0
    elif e.is_area:
        s += 8.0 if e.fcode == "CONT" else 7.0
    elif e.is_admin1:
        # a bare name shared by a division and its seat is the town first ("Homs", "Kidal")
        s += 0.0 if hint in (None, "agency", "sheriff") else (6.0 if hint == "admin" else -3.0)
    elif e.fcode == "ADM2" and e.gid <= gz.COUNTY_ID_BASE:
        # US counties carry their namesake town's population, which says nothing of the county:
        # same-named counties weigh alike, and the article's state decides ("Mason County, Wash.")
        s = 0.3 * math.log10(e.population + 10) + (1.5 if main else 0.0)
    elif e.fclass == "P":
        if e.fcode == "PPLC":
            s += 1.5  # capitals are named far more than their size says ("Washington", "Kabul")
        if hint == "admin":
            s -= 1.0
        elif hint == "town":
            s += 1.0
    if fuzzy < 100:
        s -= 2.0 + (100 - fuzzy) / 5
    return s


def resolve_mentions(mentions: list[Mention], gaz: gz.Gazetteer, extra_countries: Counter | None = None,
                     outlet: list[gz.Entry] | None = None) -> None:
    """Choose an entry for each mention (one sense per name), weighing the article's evidence.

    ``outlet``: places the publisher's name gives (see ``outlet_places``): weak evidence of the
    article's country and state, and of its town's surroundings.
    """
    outlet = outlet or []
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        # a street mention does not make the same name elsewhere a street ("Lebanon Street" and "Lebanon")
        groups.setdefault(gz.fold(m.text) + ("#street" if m.hint in ("street", "highway") else ""), []).append(m)
    cands: dict[str, list] = {}
    hints: dict[str, str | None] = {}
    alt_only: dict[str, set] = {}
    alt_names: dict[str, set] = {}
    article_dropped: dict[str, set] = {}
    for key, ms in groups.items():
        hint = next((m.hint for m in ms if m.hint and m.hint not in ("agency", "sheriff")), None) or next(
            (m.hint for m in ms if m.hint), None)
        if hint in ("district", "facility") and any(m.source == "dateline" for m in ms):
            # the dateline names a town: "the X market", "the X hospital" are that town's, not a
            # district or building named after a far-away X
            hint = None
        hints[key] = hint
        allow_fuzzy = any(m.cue or m.source in ("ent", "dateline") for m in ms)
        found = _candidates(gaz, ms[0].text, hint, allow_fuzzy)
        # a town known by this name only as an alternate ("Maryville" is an old name of Beeville, Texas)
        # where another town of the country bears it as its own name: the named one first
        main_ccs = {e.cc for e, main, fz in found if main}
        alt_only[key] = {e.gid for e, main, fz in found if not main and e.cc in main_ccs}
        alt_names[key] = {e.gid for e, main, fz in found if not main}
        seats = {(e.cc, e.admin1) for e, main, fz in found if e.fclass == "P"}
        # "Beni" written bare where a town bears that very name: "El Beni" (a Bolivian department)
        # matches only once fold drops its article, a weaker reading than the name as written
        art = {e.gid for e, main, fz in found if main and fz == 100 and gz.article_only(ms[0].text, e.name)}
        if art and any(main and fz == 100 and e.gid not in art and not e.is_country for e, main, fz in found):
            article_dropped[key] = art
        # a bare name shared by a division and a town in it is the town first ("Homs", "Kidal")
        cands[key] = [(e, _prior(e, main, fz, hint) - (2.5 if e.is_admin1 and hint in (None, "agency", "sheriff") and (e.cc, e.admin1) in seats
                                                       else 0.0)
                       - (1.5 if e.gid in article_dropped.get(key, ()) else 0.0), fz) for e, main, fz in found]

    # "TRIPOLI, Lebanon -": the dateline's qualifier says which namesake the dateline is (not
    # Libya's capital, however much bigger); a qualifier we cannot read leaves the readings as they are
    for key, ms in groups.items():
        q = next((m.qualified_by for m in ms if m.source == "dateline" and m.qualified_by is not None), None)
        if q is None or not cands.get(key):
            continue
        qk = gz.fold(q.text)
        areas = {(e.cc, e.admin1 if e.is_admin1 else None) for e, prior, fz in cands.get(qk, ())
                 if fz == 100 and (e.is_country or e.is_admin1)}
        inside = [c for c in cands[key] if any(c[0].cc == cc and (a1 is None or c[0].admin1 == a1) for cc, a1 in areas)]
        if inside:
            cands[key] = inside
        # and the other way: "PORT OF SPAIN, Trinidad -" where the city has one country, the qualifier
        # is a part of that country (an island, a region); a namesake abroad (a Trinidad in Colorado)
        # is no reading of it, here or anywhere else in the story
        city_ccs = {c[0].cc for c in cands[key]}
        if len(city_ccs) == 1 and cands.get(qk):
            cands[qk] = [c for c in cands[qk] if c[0].cc in city_ccs]

    # "Lere in Mali's Timbuktu region": the country or division the text puts a place in decides among
    # its namesakes; where none lies there, it is a place we lack there, and a namesake abroad is no
    # reading of it unless a city known the world over ("refugees from Aleppo in Lebanon")
    for key, ms in groups.items():
        outer = [q for m in ms for q in m.within]
        if not outer or not cands.get(key) or any(c[0].is_country or c[0].is_area for c in cands[key]):
            continue
        areas = set()
        for q in outer:
            qc = cands.get(gz.fold(q.text), ())
            if q.hint == "admin" and any(e.is_admin1 and fz == 100 for e, _, fz in qc):
                # "in Niger state": the Nigerian state, not the country
                areas |= {(e.cc, e.admin1) for e, _, fz in qc if e.is_admin1 and fz == 100}
            elif any(e.is_country and fz == 100 for e, _, fz in qc):
                areas |= {(e.cc, None) for e, _, fz in qc if e.is_country and fz == 100}
        told = {cc for cc, a1 in areas if a1 is not None}
        if told:
            # "Congo's Likouala region": the division says which of the countries so named is meant
            areas = {(cc, a1) for cc, a1 in areas if cc in told}
        if not areas or len({cc for cc, _ in areas}) > 1:
            continue
        inside = [c for c in cands[key] if any(c[0].cc == cc for cc, _ in areas)]
        if inside:
            same = [c for c in inside if (c[0].cc, c[0].admin1) in areas]
            if not same and any(a1 is not None for _, a1 in areas):
                # "X in the Y region" where the country's only X lies in another division: a
                # namesake there, hundreds of km off, is no reading; X is a place we lack in Y, and
                # the division places it (``_place_by_container``)
                cands[key] = []
                continue
            cands[key] = same or inside
        else:
            cands[key] = [c for c in cands[key] if c[0].fcode == "PPLC" or c[0].population >= 1_000_000]

    # Evidence of the article's countries: unambiguous countries, demonyms, the dateline.
    countries: Counter = Counter(extra_countries or {})
    own: dict[str, tuple[str, float]] = {}  # what each name itself added (not evidence for itself)
    dateline_ccs: set = set()  # the country a dateline's clear reading puts the report in
    for key, cs in cands.items():
        if not cs:
            continue
        top = max(cs, key=lambda c: c[1])
        dl = any(m.source == "dateline" for m in groups[key])
        if dl and top[2] == 100 and top[0].cc and all(c[1] <= top[1] - 2.0 for c in cs if c[0].cc != top[0].cc):
            # a dateline's clear reading ("BEIRUT -", though a Polish town has it as an alternate name)
            countries[top[0].cc] += 1.5
            own[key] = (top[0].cc, 1.5)
            dateline_ccs.add(top[0].cc)
        elif (top[2] == 100 and top[0].cc and (top[0].is_country or len({c[0].cc for c in cs}) == 1)
              and top[0].gid not in alt_names.get(key, ())):
            # a country named counts fully; a town found in one country only is weaker evidence. A
            # town's alternate name is not ("Taliban" is an old name of a Turkish village)
            w = len(groups[key]) * (1.0 if top[0].is_country or top[0].is_admin1 else 0.5)
            if any(m.source == "dateline" for m in groups[key]):
                w += 1.5  # the dateline says where the report comes from
                dateline_ccs.add(top[0].cc)
            countries[top[0].cc] += w
            own[key] = (top[0].cc, w)

    for e in outlet:
        if e.cc:
            countries[e.cc] += 0.5
    outlet_divisions = {(e.cc, e.admin1) for e in outlet if e.admin1 and not e.is_country}
    outlet_towns = [e for e in outlet if e.fclass == "P"]
    top_support = max(countries.values(), default=0)
    # how many of the text's own clues (names, demonyms) support each country, and how many names
    # have a reading there at all
    clues: Counter = Counter(cc for cc, _ in own.values())
    for cc, v in (extra_countries or {}).items():
        if v > 0:
            clues[cc] += 1
    readings: Counter = Counter(cc for cs in cands.values() for cc in {c[0].cc for c in cs} if cc)
    # the text's own evidence, before the first round's guesses add theirs: a namesake guessed
    # abroad (a person's name read as a Uruguayan province) is no evidence for another namesake there
    evidence = Counter(countries)
    divisions: set = set()
    # names whose candidates all lie in one division: their division is evidence for the others'
    sure = {key for key, cs in cands.items() if cs and len({(e.cc, e.admin1) for e, _, _ in cs}) == 1}
    uncued = {key for key, ms in groups.items() if not any(m.cue for m in ms)}
    local = {key for key, ms in groups.items() if any(m.local for m in ms)}
    us_local = bool((extra_countries or {}).get("US"))  # US institutions named (sheriff's office, "block of")
    # "the Austin neighborhood": a part of the article's town when the name has readings elsewhere
    neighbourhoods = {key for key, ms in groups.items() if len(cands.get(key) or ()) > 1
                      and any(m.hint == "neighbourhood" for m in ms)}
    # names of a division or country themselves ("New Mexico", "California"): no town of that name
    # steals them for lying in the division of another of the article's places
    division_names = {key for key, cs in cands.items()
                      if any((e.is_admin1 or e.is_country) and fz == 100 for e, _, fz in cs)}

    def others_of(key) -> set:
        """Countries with support from names other than ``key``."""
        return {cc for cc, v in evidence.items() if v - (own[key][1] if key in own and own[key][0] == cc else 0) > 0}

    def score(key, c, anchors) -> float:
        e, prior, fz = c
        s = prior
        n = countries.get(e.cc, 0)
        if key in own and own[key][0] == e.cc:
            n -= own[key][1]
        if n > 0:
            s += 1.0 + min(2.0, 0.5 * n)
        if not (e.is_country or e.is_admin1):
            if (e.cc, e.admin1) in divisions:
                # inside a division the article names ("Paris, Texas"); less for a mere alternate name
                s += 0.5 if e.gid in alt_only.get(key, ()) else 2.5
            elif key in division_names:
                pass
            elif e.admin1 and any(k != key and k in sure and (a.cc, a.admin1) == (e.cc, e.admin1) for k, a in anchors):
                s += 1.0  # in the same division as another place the article names unambiguously
            elif (e.cc, e.admin1) in outlet_divisions:
                s += 1.5  # in the publisher's state ("Belgrade" in a paper from Bozeman, Montana)
            if outlet_towns and min(gz.haversine(e.lat, e.lon, o.lat, o.lon) for o in outlet_towns) < 150:
                s += 1.0  # near the publisher's town: local news is mostly about its surroundings
        d = 1e9
        if anchors and not e.is_country:
            d = min((gz.haversine(e.lat, e.lon, a.lat, a.lon) for k, a in anchors if k != key and not a.is_admin1),
                    default=1e9)
            if d < 50:
                s += 3.0
            elif d < 150:
                s += 2.0
            elif d < 400:
                s += 1.0
        if key in local and n <= 0 and top_support >= 1 and not (e.is_country or e.is_area):
            # the Athens City Council in an American paper: not Greece's capital. A council or "the
            # city of X" says X is a town, so the division named after it is no better a reading
            # ("the city of Kindia" filed from Dakar is Guinea's town, not its Kindia region)
            s -= 6.0
        if key in local and e.is_country and n <= 0 and us_local and e.cc != "US":
            s -= 6.0  # "Lebanon Police" next to a county sheriff's office: a town in Indiana, not the country
        if hints.get(key) == "facility" and 300 < d < 1e9:
            s -= 10.0  # "Mount Sinai Hospital" in a report from Chicago: named after a far town, not in it
        if hints.get(key) == "neighbourhood" and 200 < d < 1e9 and not (e.is_country or e.is_admin1):
            s -= 15.0  # "the South Deering neighborhood" in a Chicago report: a part of that town
        elif key in neighbourhoods and d > 200 and d < 1e9 and not (e.is_country or e.is_admin1):
            s -= 15.0  # "the Austin neighborhood" in a report from elsewhere: a part of that town
        if fz < 100 and not n and (fz < 96 or fz == gz.TRANSLIT_SCORE):
            # a transliteration guess needs the article's countries behind it; so does a documented
            # variant: a namesake in a country the story never names is another place
            s -= 10.0
        if (n <= 0 and top_support >= 1 and e.gid in alt_names.get(key, ()) and fz == 100
                and not (e.is_country or e.is_area or e.is_admin1)):
            s -= 6.0  # "Al Zuwayrat" in a Lebanese story: another spelling of a far town, not the place
        if n <= 0 and top_support >= 1 and e.gid in article_dropped.get(key, ()):
            # a division or town that matches only by a dropped article, in a country the story never
            # names, while a place bears the name as written: a far namesake, divisions included
            s -= 4.0
        if n <= 0 and top_support >= 2 and not (e.is_country or e.is_area) and e.population < 50_000:
            s -= 4.0  # a small place abroad in an article about elsewhere: more likely a name we lack
        if (n <= 0 and top_support >= 2 and len(others_of(key)) == 1
                and not (e.is_country or e.is_area or e.is_admin1)):
            # a town abroad where everything else is in one other country: a namesake of a place we
            # lack there ("San Ramon" in a Salvadoran story is no Californian city), unless it is a
            # city known the world over
            if e.population < 50_000:
                s -= 4.0
            elif e.population < 1_000_000 and e.fcode != "PPLC":
                s -= 8.0
        if (n <= 0 and top_support >= 2 and key in uncued and not (e.is_country or e.is_area or e.is_admin1)
                and e.fcode != "PPLC" and e.population < 1_000_000):
            s -= 8.0  # named abroad with no cue, in an article whose places are elsewhere: a person, a word
        if hints.get(key) in ("district", "neighbourhood") and not n:
            s -= 10.0  # "X district" abroad: a neighbourhood of a town we do not know, not a far-away X
        elif hints.get(key) == "admin" and e.fclass == "P" and n <= 0 and others_of(key):
            # "the X region" in a story told elsewhere: a division or area we lack there, not a
            # far-away town that merely bears the name (a division's seat comes in as the division)
            s -= 10.0
        # the text's evidence for the candidate's country besides the name itself: a name found in one
        # country only counts for that country, but is no evidence that it lies there; nor does any
        # other name have a reading there
        others = evidence.get(e.cc, 0) - (own[key][1] if key in own and own[key][0] == e.cc else 0)
        if readings[e.cc] > 1:
            others = max(others, 0.5)
        if (top_support >= 2 and evidence.get(e.cc, 0) <= 0 and not (e.is_country or e.is_area)
                and e.fcode != "PPLC" and e.population < 1_000_000):
            # a country the text never names (no name, demonym, dateline or place of its own): a
            # namesake there is no reading, whatever the first round guessed, unless a city known the
            # world over; the name is a place we lack in the story's countries, or no place at all
            s = min(s, -1.0)
        elif (others <= 0 and e.population < 50_000 and not (e.is_country or e.is_area or e.is_admin1)
              and any(cc != e.cc and v >= 1.0 and clues[cc] >= 2 for cc, v in evidence.items())):
            # a small town that only its own name puts in its country, in a text whose clues agree on
            # another ("a police post in Rusk ... Iranian media ... officials in Zahedan"): a namesake
            # of a place we lack there, not a Texan town
            s = min(s, -1.0)
        elif (top_support >= 2 and evidence.get(e.cc, 0) < 1.0 and e.population < 50_000
              and not (e.is_country or e.is_area or e.is_admin1)):
            # nor a village in a country the text names by one demonym at most ("bulletins in French")
            s = min(s, -1.0)
        elif (len(dateline_ccs) == 1 and e.cc not in dateline_ccs and others <= 0 and e.population < 50_000
              and not (e.is_country or e.is_area or e.is_admin1)):
            # "CHAGUANAS - ... died at a hospital in Mount Hope": a small town abroad that nothing but
            # its own name puts in its country, in a report the dateline places in another one, is a
            # place we lack there (a suburb, a village), not a namesake thousands of km away
            s = min(s, -1.0)
        return s

    chosen: dict[str, gz.Entry] = {}
    for rnd in range(3):
        anchors = [(k, e) for k, e in chosen.items() if not e.is_country]
        divisions = {(e.cc, e.admin1) for k, e in chosen.items() if e.is_admin1}
        new: dict[str, gz.Entry] = {}
        for key, cs in cands.items():
            if not cs:
                continue
            best = max(cs, key=lambda c: (score(key, c, anchors), c[0].population, -abs(c[0].gid)))
            if score(key, best, anchors) > 0.0:
                new[key] = best[0]
        chosen = new
        if rnd == 0:
            # Later rounds: countries of first-round choices add support.
            for key, e in chosen.items():
                if key not in own:
                    countries[e.cc] += 0.5 * len(groups[key])
                    own[key] = (e.cc, 0.5 * len(groups[key]))
    for key, ms in groups.items():
        e = chosen.get(key)
        for m in ms:
            m.entry = e
            m.candidates = cands.get(key, [])
            m.place = to_place(e, gaz) if e is not None else None


def to_place(e: gz.Entry, gaz: gz.Gazetteer, name: str | None = None) -> Place:
    return Place(
        name=name or unidecode(e.name),
        country=e.cc,
        lat=round(e.lat, 5),
        lon=round(e.lon, 5),
        geonameid=e.gid if e.gid > 0 else None,
        admin1=gaz.admin1_name(e),
        precision=e.precision,
        population=e.population,
    )


# -------------------------------------------------------------------- component

_CREDIT_LINE = re.compile(r"^\W*(?:additional |further )?(?:reporting|writing|editing|compiled|reported|"
                          r"research|production) by\b", re.I)


def _credit_tokens(doc: Doc) -> set[int]:
    """Tokens of a wire story's credit line ("(Reporting by X in Bamako; Editing by Y)"): the
    places there say where the reporters work, not where the story is."""
    def compute():
        out: set[int] = set()
        if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            return out
        for sent in doc.sents:
            if _CREDIT_LINE.match(sent.text):
                out.update(range(sent.start, sent.end))
        return out
    return _per_doc(doc, "_ew_credit_tokens", None, compute)


def _propagate(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """One sense per discourse: other occurrences of a resolved name are the same place,
    whatever spaCy labelled them ("to recapture Kismayo" tagged PERSON, "Kismayo" a place elsewhere)."""
    resolved: dict[tuple[str, ...], Mention] = {}
    for m in mentions:
        if m.place is not None and m.source != "dateline":
            resolved.setdefault(tuple(t.text for t in doc[m.start:m.end]), m)
    if not resolved:
        return mentions
    taken = set(_credit_tokens(doc))
    for m in mentions:
        taken.update(range(m.start, m.end))
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in resolved:
        by_first.setdefault(key[0], []).append(key)
    extra = []
    in_name = set()  # tokens of multi-word people, organisations, works: "Kobe Bryant"
    for ent in extensions.doc_ents(doc):
        if ent.label_ not in PLACE_LABELS and len(ent) > 1:
            in_name.update(range(ent.start, ent.end))
    for tok in doc:
        keys = by_first.get(tok.text)
        if not keys or tok.i in taken or tok.i in in_name:
            continue
        for key in sorted(keys, key=len, reverse=True):
            end = tok.i + len(key)
            if end <= len(doc) and tuple(t.text for t in doc[tok.i:end]) == key and not any(
                    i in taken for i in range(tok.i, end)):
                if _inside_longer_name(doc, tok.i) or (end < len(doc) and _is_cap(doc[end]) and not doc[end].is_sent_start
                                                        and doc[end].lower_ not in STOP):
                    break
                src = resolved[key]
                m = Mention(tok.i, end, src.text, "same", hint=src.hint, entry=src.entry, place=src.place)
                extra.append(m)
                taken.update(range(tok.i, end))
                break
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


# words before a name that say it is the town: "the capital Djibouti", "the city of Djibouti"
CITY_CUE_WORDS = {"capital", "city", "town"}


def _capital_cue(doc: Doc, m: Mention) -> bool:
    """The text names the town, not the country: a dateline, "Djibouti city", "the city of
    Djibouti", "the capital Djibouti", "Djibouti, the capital"."""
    if m.source == "dateline" or m.hint == "town":
        return True
    k = m.start - 1
    if k >= 1 and doc[k].lower_ == "of":
        k -= 1
    return k >= 0 and doc[k].lower_ in CITY_CUE_WORDS


def _split_capital_homonyms(doc: Doc, mentions: list[Mention], gaz: gz.Gazetteer) -> None:
    """A country whose capital bears its name (GeoNames: Djibouti, Kuwait, Singapore, Luxembourg):
    one sense per name does not hold across its mentions. A dateline or a name the text calls a
    city or the capital is the capital; otherwise ("clashes in northern Djibouti", "across Kuwait",
    "Djibouti's army") the country, which such a bare name means far more often, however near the
    story's other towns lie to the capital."""
    for m in mentions:
        if m.place is None or not (m.place.precision in ("town", "country")):
            continue
        found = gaz.lookup(m.text)
        country = next((e for e, main in found if e.is_country and main), None)
        if country is None:
            continue
        capital = next((e for e, main in found if e.fcode == "PPLC" and e.cc == country.cc), None)
        if capital is None:
            continue
        e = capital if _capital_cue(doc, m) else country
        if m.entry is None or m.entry.gid != e.gid:
            m.entry = e
            m.place = to_place(e, gaz)


USER_KEY = "ew_toponym_mentions"
GAZ_KEY = "ew_gazetteer_path"


def _gaz_of(doc: Doc) -> gz.Gazetteer:
    return gz.load(doc.user_data.get(GAZ_KEY))


_TITLE_SEP = re.compile(r"\s+[|\-–—:]\s+|\s*\|\s*")
# Broadcasters' call signs and the words around them ("WBTV Charlotte", "KSL.com", "WSMV Channel 4").
_OUTLET_NOISE = re.compile(r"\b(?:[KW][A-Z]{2,3}(?:-(?:TV|DT|FM|AM))?|Channel \d+|\w+\.(?:com|net|org|co\.uk))\b")


def outlet_places(title: str | None, gaz: gz.Gazetteer) -> list[gz.Entry]:
    """Places named by the publisher in a page title's trailing parts: "Belgrade boy dead - KBZK.com |
    Continuous News | Bozeman, Montana" gives Bozeman and Montana; "... | WBTV Charlotte" gives Charlotte.

    The headline (the first part) is left to the article's text. Only well-known readings are taken
    (countries, states, towns of 10,000 or more), and a town named with its state is taken there.
    """
    if not title:
        return []
    parts = [p.strip() for p in _TITLE_SEP.split(title) if p.strip()]
    out: list[gz.Entry] = []
    for part in parts[1:4]:
        part = _OUTLET_NOISE.sub(" ", part)
        pieces = [x.strip(" .") for x in part.split(",") if x.strip(" .")]
        if not pieces or len(pieces) > 3:
            continue
        found: list[gz.Entry] = []
        quals: list[gz.Entry] = []
        for j, piece in enumerate(pieces):
            words = [w for w in piece.split() if w[:1].isupper()]
            # the longest run of capitalised words the gazetteer knows ("Bozeman", "New Orleans")
            best: list[gz.Entry] = []
            for n in range(min(3, len(words)), 0, -1):
                for k in range(len(words) - n + 1):
                    name = " ".join(words[k:k + n])
                    if name.lower() in STOP or name.lower() in COMMON_WORDS:
                        continue
                    hits = [e for e, main in gaz.lookup(name) if main and (
                        e.is_country or e.is_admin1 or (e.fclass == "P" and e.population >= 10_000))]
                    if hits:
                        best = hits
                        break
                if best:
                    break
            if j == 0:
                found.extend(best)
            else:  # "Bozeman, Montana", "Birmingham, AL": what follows the comma is the state or country
                state = US_POSTAL.get(piece.replace(".", "").upper()) if len(piece.replace(".", "")) == 2 else None
                if state:
                    best = [e for e, main in gaz.lookup(state) if e.is_admin1 and e.cc == "US"]
                quals.extend(e for e in best if e.is_admin1 or e.is_country)
        towns = [e for e in found if e.fclass == "P"]
        areas = [e for e in found if e.is_admin1 or e.is_country]
        if quals:
            inside = [t for t in towns if any(t.cc == q.cc and (q.is_country or t.admin1 == q.admin1) for q in quals)]
            if inside:
                towns = inside
                quals = [q for q in quals if any(t.cc == q.cc and (q.is_country or t.admin1 == q.admin1) for t in inside)]
            areas += quals
        if len(pieces) > 1 and not quals:
            continue  # "Birmingham, XY": a qualifier we cannot read leaves the town ambiguous
        if towns and not (areas and not quals):  # a name that is a state or country is that, not a town
            out.append(max(towns, key=lambda e: e.population))
        out.extend(areas)
    return out


_LOCAL_AFTER = (r"Police Department|Police Chief|City Council|City Commission|City Manager|Mayor|High School|"
                r"Middle School|Elementary|residents|Parks and Recreation|Public Library|Public Schools|"
                r"Fire Department|City Hall|Board of Education|School Board|Chamber of Commerce")


_CAPS = r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
_LOCAL_RE = re.compile(rf"{_CAPS}(?:['’]s)?\s+(?:{_LOCAL_AFTER})\b|\b[Cc]ity of {_CAPS}")
# hospitals only: they are named after saints, benefactors and Bible places more than after their
# town, while a school or park named like a town is mostly in that town ("Paris High School")
_HOSPITAL_RE = re.compile(rf"{_CAPS}\s+(?:Hospital|Medical|Clinic|Health)\b")


def _names_before(pattern: re.Pattern, text: str) -> set[str]:
    """Every run of capitalised words a pattern captures, and each of its tails ("the Marion County
    Sheriff" gives "Marion County" and "County")."""
    out = set()
    for m in pattern.finditer(text):
        run = next((g for g in m.groups() if g), None)
        if run:
            words = run.split()
            out.update(" ".join(words[k:]) for k in range(len(words)))
    return out


def _mark_local_names(doc: Doc, mentions: list[Mention]) -> None:
    """A town whose council, mayor, police department or schools the article writes of is a local
    paper's own town: a far-away namesake (Paris, Athens, Dublin) needs other evidence."""
    if mentions:
        local = _names_before(_LOCAL_RE, doc_text(doc))
        for m in mentions:
            m.local = m.text in local


def _mark_facility_names(doc: Doc, mentions: list[Mention]) -> None:
    """A bare name the article also writes as a hospital's ("Mount Sinai Hospital" ... "stabilized at
    Mount Sinai") is that hospital: resolution then wants it near the article's other places."""
    bare = [m for m in mentions if m.hint is None and m.source != "dateline"]
    if bare:
        named = _names_before(_HOSPITAL_RE, doc_text(doc))
        for m in bare:
            if m.text in named:
                m.hint = "facility"


# Generic head words of place names in the Arab world, the Levant and beyond: "Ras Baalbek" (the
# head of Baalbek's valley), "Jroud Arsal" (Arsal's barrens), "Tel Abyad", "Wadi Khaled".
GENERIC_HEADS = {"ras", "jroud", "jurd", "joroud", "tel", "tell", "tal", "wadi", "jabal", "jebel", "jbel", "deir",
                 "kafr", "kfar", "beit", "bayt", "ain", "ayn", "bir", "khan", "qasr", "sahl", "marj"}


# words that may stand between "in" and the names of what contains a place: "in Mali's Timbuktu
# region", "in the Timbuktu region of central Mali", "in northern Afghanistan"
CONTAINER_WORDS = ADMIN_WORDS | COMPASS | {"the", "'s", "’s", "of", "central", "northern", "southern", "eastern",
                                           "western", "northeastern", "northwestern", "southeastern",
                                           "southwestern", "north-eastern", "north-western", "south-eastern",
                                           "south-western", "far", "district", "county"}


LOCATED_VERBS = {"lie", "sit", "locate", "situate", "be"}


def _located_verb_end(doc: Doc, j: int) -> int:
    """Past a predicate that says where a place is ("lies", "is located", ", which sits"), the
    index of the word after it; ``j`` itself when none follows."""
    k = j
    if k < len(doc) and doc[k].text == ",":
        k += 1
        if k < len(doc) and doc[k].lower_ in ("which", "that"):
            k += 1
    start = k
    while k < len(doc) and k < start + 3 and doc[k].lemma_ in LOCATED_VERBS and not doc[k].is_sent_start:
        k += 1
    if k == start or doc[k - 1].lemma_ == "be" and k - start == 1 and k > j and doc[j].text == ",":
        return j  # nothing that says where; ", is in" is no predicate of the name
    return k


def _container_after(doc: Doc, end: int, starts: dict, predicate_only: bool = False) -> list:
    """The mentions that a place ending at ``end`` is said to lie in: "X in Y", "X, the district
    centre, in Y", "X lies in Y" (Y, "Y's Z region")."""
    j = end
    if _town_apposition(doc, j):  # "near Banu, the district centre, in northern Afghanistan"
        j += 2  # past ", the": the head may follow at once ("Azare, a village in Borno state")
        while j < len(doc) and doc[j].lower_ not in APPOSITION_HEADS:
            j += 1
        j += 2 if j + 1 < len(doc) and doc[j + 1].text == "," else 1
    elif j + 1 < len(doc) and doc[j].lower_ in TOWN_WORDS and doc[j + 1].lower_ == "in":
        j += 1  # "Pibor town in eastern South Sudan"
    k = _located_verb_end(doc, j)  # "Lere lies in the Timbuktu region", "X, located in Y"
    if (predicate_only and k == j) or k >= len(doc) or doc[k].lower_ != "in":
        return []
    j = k
    k, inner = j + 1, []
    while k < len(doc) and k < j + 10 and not (k > j + 1 and doc[k].is_sent_start):
        if k in starts:
            inner.append(starts[k])
            k = starts[k].end
        elif doc[k].lower_ in CONTAINER_WORDS:
            k += 1
        else:
            break
    return inner


def _mark_containers(doc: Doc, mentions: list[Mention]) -> None:
    """"X in Y": the names right after a place's "in" (Y, "Y's Z region") say what contains it.
    "X lies in Y" says so wherever X is written, also where nothing tagged that X a place."""
    starts = {m.start: m for m in mentions}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    texts = doc_texts(doc)
    at: dict[str, list[int]] = {}  # where each word is written, for the other occurrences of a name
    for i, w in enumerate(texts):
        at.setdefault(w, []).append(i)
    for m in mentions:
        if m.source == "dateline":
            continue
        m.within = _container_after(doc, m.end, starts)
        if m.within:
            continue
        words = texts[m.start:m.end]
        n = len(words)
        for i in at.get(words[0], ()):
            if i not in taken and texts[i:i + n] == words:
                inner = _container_after(doc, i + n, starts, predicate_only=True)
                if inner:
                    m.within = inner
                    break


def _region_place(e: gz.Entry, gaz: gz.Gazetteer) -> Place | None:
    """The first-level division a town lies in, as a region-precision place."""
    a1 = gaz.admin1(e.cc, e.admin1) if e.admin1 else None
    return to_place(a1, gaz) if a1 is not None else None


def _place_by_container(mentions: list[Mention]) -> None:
    """A place we lack that the text puts in a first-level division ("Lere lies in the Timbuktu
    region", "near Gumuruk town in Jonglei state"): the event is somewhere in that division, so it is
    placed there at precision "region" (ACLED's nearest known admin), not at a namesake abroad or a
    far dateline. Other mentions of the name are the same place."""
    inside: dict[str, Place] = {}
    for m in mentions:
        if m.place is not None or m.source == "dateline" or m.hint in ("street", "highway", "facility"):
            continue
        # a division only: a country alone is left to the story's own division ("in eastern South
        # Sudan" in a story that names the state: that state)
        outs = [q.place for q in m.within if q.place is not None and q.place.precision == "region"]
        if outs:
            inside.setdefault(gz.fold(m.text), outs[-1])
    for m in mentions:
        if m.place is None and m.source != "dateline" and m.hint not in ("street", "highway", "facility"):
            m.place = inside.get(gz.fold(m.text), None)


def _place_by_tail(doc: Doc, mentions: list[Mention], gaz: gz.Gazetteer, cues: Counter | None = None) -> None:
    """A name the gazetteer lacks whose last words name a town of the story's countries ("Ras
    Baalbek" filed from near Baalbek, "the Jroud Arsal"): the event is near that town, but not in it,
    so it is placed at the town's division (precision "region"), never at the town itself.

    Only the dateline, or a name led by a generic head word ("Ras", "Wadi", "Upper"), is read so.
    """
    countries = Counter(m.place.country for m in mentions if m.place is not None and m.place.country)
    countries.update({cc: v for cc, v in (cues or {}).items() if v > 0})
    if not countries:
        return
    for m in mentions:
        if m.place is not None or m.hint in ("street", "highway", "facility"):
            continue
        words = m.text.split()
        if len(words) < 2 or not (m.source == "dateline" or words[0].lower() in GENERIC_HEADS):
            continue
        for k in range(1, len(words)):
            tail = " ".join(words[k:])
            if tail.lower() in STOP or len(tail) < 3:
                continue
            towns = [(e, main) for e, main in gaz.lookup(tail) if e.fclass == "P" and countries.get(e.cc)]
            others = [o.place for o in mentions if o is not m and o.place is not None and o.place.precision == "town"]
            if len(towns) > 1 or (towns and any(o.country == towns[0][0].cc for o in others) and not any(
                    gz.haversine(o.lat, o.lon, towns[0][0].lat, towns[0][0].lon) < 150 for o in others
                    if o.country == towns[0][0].cc)):
                break  # "Ras Morgan": a tail shared by several towns, or far from the story's own towns
            if towns:
                e = max(towns, key=lambda x: (countries[x[0].cc], x[1], x[0].population))[0]
                region = _region_place(e, gaz)
                if region is not None:
                    m.place = region
                break


# The last word of a name that makes it a park, square, street or building ("Albert Park", "Victoria
# Square", "Independence Avenue", "Freedom Stadium"): many towns abroad share such a name, but every
# capital has its own park or square named after a king or a virtue
FACILITY_HEADS = {"park", "square", "avenue", "road", "street", "boulevard", "plaza", "gardens", "garden",
                  "stadium", "hospital", "station", "bridge", "market", "mall", "palace", "circle", "grounds"}


def _drop_facility_namesakes(doc: Doc, mentions: list[Mention]) -> None:
    """A name ending in a facility noun, read as a town of a country where none of the story's other
    towns and divisions lie ("walked from Albert Park to parliament" in a story of Suva, Fiji, and
    GeoNames' Albert Park of Melbourne), is the park or square of the story's own town, not a town
    abroad: it keeps no place. A text that puts it in a town or division of its country keeps it."""
    for m in mentions:
        if m.place is None or m.source == "dateline" or m.place.precision != "town" or m.within:
            continue
        if m.end - m.start < 2 or doc[m.end - 1].lower_ not in FACILITY_HEADS:
            continue
        # the story's towns and divisions; the dateline's (a bureau, often abroad) only when the body names none
        others = {o.place.country for o in mentions
                  if o is not m and o.place is not None and o.place.precision in ("town", "region")
                  and o.place.country and o.text != m.text and o.source != "dateline"} or {
            o.place.country for o in mentions if o.source == "dateline" and o.place is not None}
        if others and m.place.country not in others:
            m.place = None
            m.entry = None
            m.hint = "facility"


@Language.factory("eventwire_toponyms", default_config={"gazetteer_path": None})
def make_toponyms(nlp: Language, name: str, gazetteer_path: str | None = None):
    return ToponymComponent(gazetteer_path)


class ToponymComponent:
    def __init__(self, gazetteer_path: str | None = None):
        self.gazetteer_path = gazetteer_path
        self._gaz: gz.Gazetteer | None = None

    def __getstate__(self):  # picklable for multiprocessing: the gazetteer reopens lazily
        return {"gazetteer_path": self.gazetteer_path, "_gaz": None}

    @property
    def gaz(self) -> gz.Gazetteer:
        if self._gaz is None:
            self._gaz = gz.load(self.gazetteer_path)
        return self._gaz

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gaz
        mentions, weak = _find_mentions(doc, gaz)
        credits = _credit_tokens(doc)
        if credits:
            # "(Reporting by X in Bamako and Y in Dakar)": where the reporters sat, not the story
            mentions = [m for m in mentions if m.start not in credits]
            weak = [(i, j) for i, j in weak if i not in credits]
        dl = next((m for m in mentions if m.source == "dateline"), None)
        if dl is not None and dl.end + 1 < len(doc) and doc[dl.end].text == ",":
            dl.qualified_by = next((m for m in mentions if m.start == dl.end + 1), None)
        _mark_facility_names(doc, mentions)
        _mark_local_names(doc, mentions)
        _mark_containers(doc, mentions)
        demonyms = article_country_cues(doc)
        article = doc._.article if doc.has_extension("article") else None
        outlet = outlet_places(getattr(article, "title", None), gaz)
        resolve_mentions(mentions, gaz, demonyms, outlet)
        if weak:
            # A capitalised name with no cue is taken when the gazetteer's place of that (main)
            # name lies in a country the article already talks about ("to recapture Kismayo").
            countries = Counter(m.place.country for m in mentions if m.place is not None)
            if countries:
                top = {cc for cc, k in countries.items() if k >= 2}
                extra = []
                for i, j in weak:
                    text = doc[i:j].text
                    hits = [e for e, main in gaz.lookup(text) if main and e.fclass == "P" and e.cc in top]
                    if hits:
                        extra.append(Mention(i, j, text, "gaz", cue=False))
                if extra:
                    mentions = sorted(mentions + extra, key=lambda m: m.start)
                    # what the text puts the added names in ("raided X in Y state") counts for them too
                    _mark_containers(doc, mentions)
                    resolve_mentions(mentions, gaz, demonyms, outlet)
        _place_by_tail(doc, mentions, gaz, demonyms)
        _place_by_container(mentions)
        _drop_facility_namesakes(doc, mentions)
        mentions = _propagate(doc, mentions)
        _split_capital_homonyms(doc, mentions, gaz)
        dl = next((m for m in mentions if m.source == "dateline"), None)
        doc._.dateline_place = dl.place if dl is not None else None
        spans = []
        for m in mentions:
            if m.place is None:
                continue
            span = Span(doc, m.start, m.end, label=m.place.precision.upper())
            span._.place = m.place
            spans.append(span)
        doc.spans["ew_toponyms"] = spans
        doc.user_data[GAZ_KEY] = self.gazetteer_path
        doc.user_data[USER_KEY] = [(m.start, m.end, m.text, m.hint, m.place) for m in mentions]
        return doc


# ---------------------------------------------------------------- event location

PLACELESS_TAKES_LAST = True
ORIGIN_PREPS = {"from", "out"}
DEST_PREPS = {"to", "toward", "towards", "into", "for", "onto"}
ANAPHORA = {"town", "city", "village", "area", "locality", "district", "there", "market", "region"}
PLACE_PREPS = {"in", "near", "at", "outside", "inside", "around", "across", "along", "within", "throughout",
               "between", "on", "off", "by", "through", "beyond", "of", "nearby", "over", "under", "among"}


BORDER_WORDS = {"border", "borders", "frontier", "frontiers", "boundary", "boundaries", "side", "sides"}
MODIFIER_PARTICIPLES = {"backed", "led", "based", "allied", "funded", "trained", "made", "supported", "brokered",
                        "sponsored", "armed", "aligned", "controlled", "held", "run", "owned", "born", "mediated"}


def modifier_name(doc: Doc, start: int, end: int, country: bool = False) -> bool:
    """The name qualifies something else and does not say where a thing happened: "the border with
    Syria", "the Syria-Lebanon border", "U.S.-backed forces", "the Islamic State of Iraq and the
    Levant" (part of a group's name), "Iran's ally"."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("with", "of") and head.head.lower_ in BORDER_WORDS:
        return True  # "its border with Syria", "the Syrian side of the border" is the demonym's job
    h = root
    while h.dep_ in ("compound", "nmod", "amod") and h.head.i != h.i:
        h = h.head
    if h.i != root.i and h.lower_ in BORDER_WORDS:
        return True  # "the Syria-Lebanon border"
    if (country and root.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN" and head.i > root.i
            and head.lower_ not in PLACE_NOUNS | TERRAIN_WORDS):
        return True  # "a U.S. priest", "the Iraq war": a country as an adjective
    if end < len(doc) and doc[end].text in ("-", "–") and end + 1 < len(doc) and (
            doc[end + 1].lower_ in MODIFIER_PARTICIPLES or doc[end + 1].ent_iob_ == "I" and doc[end + 1].ent_type_
            not in ("GPE", "LOC", "")):
        return True  # "U.S.-backed", "Iraq-based"; "Syria-Lebanon" is the border's compound above
    if root.dep_ == "poss" and root.head.pos_ in ("NOUN", "PROPN") and root.head.lower_ not in BORDER_WORDS and \
            root.head.lower_ not in PLACE_NOUNS and not _part_of_place(doc, root.head):
        return True  # "Iran's ally", "Lebanon's army": an owner, not a site ("Syria's north" keeps it)
    ent_types = {doc[i].ent_type_ for i in range(start, end)}
    if ent_types & {"ORG", "NORP", "PERSON", "WORK_OF_ART", "EVENT", "LAW"}:
        # inside a longer name of a group or a thing: "the Islamic State of Iraq and the Levant"
        for ent in extensions.doc_ents(doc):
            if ent.start <= start and end <= ent.end and (ent.end - ent.start) > (end - start) and \
                    ent.label_ in ("ORG", "NORP", "PERSON", "WORK_OF_ART", "EVENT", "LAW") and \
                    not _town_building(doc, ent, start, end):
                return True
    return False


def _town_building(doc: Doc, ent: Span, start: int, end: int) -> bool:
    """The entity is the town's own building, named by the town and its office ("the Kutaisi City
    Hall", which the tagger reads as an organisation): the town is where the building stands."""
    s = ent.start
    while s < start and doc[s].lower_ in ("the", "a", "an"):
        s += 1
    return s == start and _civic_facility_start(doc, start, ent.end) == end


# nouns for a part of a country or division: what a name owns by them is a site within it
# a building or ground stands where its owner is ("Kumasi's city hall", "Gaza's main hospital"),
# unlike a body or force the owner has ("Kenya's police", "Russia's base in Syria")
SITE_NOUNS = {"hall", "stadium", "hospital", "market", "library", "square", "cemetery", "park", "theatre",
              "theater", "airport", "university", "mosque", "church", "cathedral", "station", "bridge"}
PART_NOUNS = {"zone", "zones", "woreda", "subdivision", "sector", "commune", "parish", "borough", "interior",
              "hinterland"}


def _part_of_place(doc: Doc, head: Token) -> bool:
    """The noun a name owns is a part of that place, not a thing of it: "Tigray's Eastern Zone",
    "Borno's Gwoza local government area", "Sindh's interior" (the name is then where the site lies), unlike
    "Lebanon's army" or "Iran's ally"."""
    parts = PART_NOUNS | PLACE_NOUNS | ADMIN_WORDS | DISTRICT_WORDS | COMPASS | TERRAIN_WORDS
    if head.lower_ in parts or head.lower_ in SITE_NOUNS:
        return True
    # a named part: the possessed name is a place the text names ("Amhara's North Wollo zone")
    if head.pos_ == "PROPN" and any(t.lower_ in parts for t in head.children if t.dep_ == "compound"):
        return True
    return head.pos_ == "PROPN" and head.ent_type_ in PLACE_LABELS


def _mentions(doc: Doc) -> list[tuple[int, int, str, str | None, Place | None]]:
    ms = doc.user_data.get(USER_KEY)
    if ms is None:
        ms = [(s.start, s.end, s.text, None, s._.place) for s in doc.spans.get("ew_toponyms", [])]
    return ms


GOAL_NOUNS = {"home", "house", "houses", "front", "frontline", "scene", "hospital", "hospitals", "clinic", "morgue"}


def _goal_noun(pobj: Token, target: Token) -> bool:
    """The object of "to"/"for" is somewhere one can go (a name, a place or facility noun), not an
    act or a state ("a truce", "talks") that the place under it qualifies."""
    return (pobj.i == target.i or pobj.pos_ == "PROPN" or pobj.ent_type_ in PLACE_LABELS
            or pobj.lower_ in PLACE_NOUNS | FACILITY_WORDS | TERRAIN_WORDS | ANAPHORA | GOAL_NOUNS)


def _path_role(trigger: Token, target: Token) -> tuple[int, str | None]:
    """(edges between trigger and target in the parse, the preposition governing the target's side)."""
    up_t = [trigger]
    while up_t[-1].head.i != up_t[-1].i and len(up_t) < 200:
        up_t.append(up_t[-1].head)
    pos_t = {t.i: k for k, t in enumerate(up_t)}
    prep = None
    k = 0
    cur = target
    below = target
    while cur.i not in pos_t:
        if cur.dep_ == "prep" or (cur.dep_ in ("advmod", "agent") and cur.lower_ in ORIGIN_PREPS | DEST_PREPS | PLACE_PREPS):
            if cur.lower_ in DEST_PREPS and not _goal_noun(below, target):
                pass  # "agreed to a truce in X", "called for talks in X": X is where the truce/talks are
            elif prep is None or cur.lower_ in DEST_PREPS and prep in PLACE_PREPS:
                # "toward Boukamal in eastern Syria": where they went, however it is qualified
                prep = cur.lower_
        if cur.head.i == cur.i or k > 200:
            return 99, prep
        below = cur
        cur = cur.head
        k += 1
    return k + pos_t[cur.i], prep


# words that subordinate one happening to another in time ("a day after X", "following X")
TIME_SUBORDINATORS = {"after", "following", "before", "since", "until", "prior"}


def _subordinate_happening(trigger: Token, target: Token) -> bool:
    """``target`` sits inside a happening told as the main clause's time reference ("a day after a
    grenade killed three in Y", "following an ambush in Y", "after officers shot a man in Y"): the
    path from it up to the trigger's chain crosses a temporal subordinator (a preposition, or the
    marker of an adverbial clause) above a verb or a happening noun of its own."""
    chain = {trigger.i}
    t = trigger
    while t.head.i != t.i and len(chain) < 200:
        t = t.head
        chain.add(t.i)
    cur, seen_event, steps = target, False, 0
    while cur.i not in chain and steps < 40:
        if cur.i != target.i and (cur.pos_ == "VERB" or cur.pos_ == "NOUN" and cur.lower_ in HAPPENING_NOUNS):
            seen_event = True
        if seen_event:
            if cur.dep_ in ("prep", "advcl", "pcomp") and cur.lower_ in TIME_SUBORDINATORS:
                return True
            if cur.pos_ == "VERB" and any(c.dep_ == "mark" and c.lower_ in TIME_SUBORDINATORS
                                          for c in cur.children):
                return True
        if cur.head.i == cur.i:
            break
        cur, steps = cur.head, steps + 1
    return False


def _capital_named(doc: Doc, sent, trigger: Token, gaz: gz.Gazetteer, ccs: list) -> tuple[Place, int] | None:
    """"in the capital", "across the Somali capital", "outside Haiti's capital": a "capital" with no
    name of its own, tied to the trigger by a place preposition, is the capital (GeoNames PPLC) of
    the country its modifier names, else of the first of ``ccs`` (the story's country). A
    "provincial"/"state" capital, or one with "of X" or a name beside it, is no country's capital."""
    for t in sent:
        if t.lower_ != "capital" or t.pos_ != "NOUN":
            continue
        if any(c.dep_ in ("prep", "appos", "nmod") for c in t.children) or t.dep_ == "compound":
            continue
        named = None
        ok = True
        for c in t.children:
            if c.dep_ == "det":
                if c.lower_ != "the":
                    ok = False
            elif c.dep_ in ("amod", "compound"):
                named = demonym_country(c.text) or named
                if demonym_country(c.text) is None:
                    ok = False  # "the provincial capital", "the regional capital"
            elif c.dep_ == "poss":
                if c.lower_ in ("country", "nation") or any(
                        g.lower_ in ("country", "nation") for g in c.subtree if g.i != c.i):
                    continue  # "the country's capital": the story's country
                cs = [e for e, _ in gaz.lookup(c.text) if e.is_country] if c.pos_ == "PROPN" else []
                named = cs[0].cc if cs else demonym_country(c.text)
                if named is None:
                    ok = False
            elif c.dep_ not in ("punct", "case"):
                ok = False
        if not ok:
            continue
        dist, prep = _path_role(trigger, t)
        if prep not in PLACE_PREPS or prep == "of":
            continue
        for cc in ([named] if named else ccs):
            e = gaz.capital(cc) if cc else None
            if e is not None:
                return to_place(e, gaz), dist
        return None
    return None


def _rank(p: Place | None) -> int:
    if p is None:
        return -1
    return {"town": 2, "region": 1, "country": 0}.get(p.precision, 0)


def _contained(inner: Place, outer: Place) -> bool:
    if outer.precision == "country":
        return inner.country == outer.country
    if outer.precision == "region" and outer.admin1:
        return inner.country == outer.country and inner.admin1 == outer.admin1
    return False


def _region_seat(p: Place, gaz: gz.Gazetteer) -> Place:
    """A division's seat (its same-named town), as coders place a province-level event; else itself."""
    if p.precision != "region":
        return p
    for e, main in gaz.lookup(p.name):
        if e.fclass == "P" and e.cc == p.country and gaz.admin1_name(e) == p.admin1:
            return Place(name=p.name, country=p.country, lat=round(e.lat, 5), lon=round(e.lon, 5),
                         geonameid=p.geonameid, admin1=p.admin1, precision="region", population=p.population)
    return p


def main_country(doc: Doc) -> str | None:
    """The country the article mentions most (its places' countries, demonyms, the dateline)."""
    c: Counter = Counter()
    for s, e, text, hint, p in _mentions(doc):
        if p is not None and p.country and not modifier_name(doc, s, e, p.precision == "country"):
            c[p.country] += 1
    dp = doc._.dateline_place
    if dp is not None and dp.country:
        c[dp.country] += 1
    if not c:
        for ent in extensions.doc_ents(doc):
            if ent.label_ == "NORP":
                cc = demonym_country(ent.text)
                if cc:
                    c[cc] += 1
    if not c:
        return None
    top = max(c.values())
    # ties: the first mentioned
    for s, e, text, hint, p in _mentions(doc):
        if p is not None and c.get(p.country) == top:
            return p.country
    return max(sorted(c), key=lambda k: c[k])


def _is_destination(doc: Doc, start: int, end: int) -> bool:
    """The name is the object of "to", "toward", "into": where someone went, not where things happened."""
    root = doc[start:end].root
    return root.dep_ == "pobj" and root.head.lower_ in DEST_PREPS


def _most_named(places: list[Place], min_count: int = 1) -> Place | None:
    """The place named most often (ties: the first named), if named at least ``min_count`` times."""
    counts = Counter((p.name, p.lat, p.lon) for p in places)
    if not counts or max(counts.values()) < min_count:
        return None
    top = max(counts.values())
    return next(p for p in places if counts[(p.name, p.lat, p.lon)] == top)


def _focus_town(doc: Doc, cc: str | None, min_count: int = 1) -> Place | None:
    """The article's focal town in country ``cc``: the most named, destinations ("toward X") not
    counted (ties: the first)."""
    towns = [p for s, e, text, hint, p in _mentions(doc)
             if p is not None and p.precision == "town" and (cc is None or p.country == cc)
             # "Mount Sinai Hospital", "taken to X": not where the article is
             and not (_is_destination(doc, s, e) or hint in ("facility", "street", "highway"))
             and not _in_dateline(doc, s)]  # the dateline counts once, below
    dp = doc._.dateline_place
    if dp is not None and dp.precision == "town" and (cc is None or dp.country == cc):
        towns.append(dp)
    return _most_named(towns, min_count)


def _focus_region(doc: Doc, cc: str | None) -> Place | None:
    """The division the article names most in country ``cc`` (ties: the first named), for a story
    that names no town ("ALLEN COUNTY, Ind. -- ..."): closer than the whole country."""
    return _most_named([p for s, e, text, hint, p in _mentions(doc)
                        if p is not None and p.precision == "region" and p.admin1
                        and (cc is None or p.country == cc)
                        and not (_is_destination(doc, s, e) or hint in ("street", "highway"))])


TERRAIN_WORDS = {"mountains", "mountain", "hills", "hill", "valley", "range", "plain", "plains", "desert", "heights",
                 "outskirts", "countryside", "highlands", "forest", "jungle", "border", "region", "area"}


def _is_capital(p: Place | None, gaz: gz.Gazetteer) -> bool:
    if p is None or p.precision != "town" or not p.geonameid:
        return False
    e = gaz.get(p.geonameid)
    return e is not None and e.fcode == "PPLC"


def _unknown_tied(doc: Doc, m) -> bool:
    """An unresolved name the text marks as a place: "the village of X", "X district", "the X
    mountains", "the outskirts of X" (a place we lack, not a person)."""
    s, e, text, hint, place = m
    if place is not None or hint in ("street", "highway", "facility"):
        return hint == "facility" and place is None and e < len(doc) and doc[e].lower_ in TERRAIN_WORDS
    if hint in ("admin", "district", "town", "neighbourhood"):
        return True
    if e < len(doc) and doc[e].lower_ in TERRAIN_WORDS:
        return True
    return s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in TERRAIN_WORDS | PLACE_NOUNS


# words that may stand between a place and the place it lies in or near ("X, near Y", "X in Y's
# north", "the X neighbourhood of Y", "X, Y district")
TIE_WORDS = CONTAINER_WORDS | PLACE_NOUNS | DISTRICT_WORDS | TOWN_WORDS | {
    ",", "in", "near", "outside", "nearby", "close", "to", "on", "outskirts", "a", "an", "just", "-"}


def _stands_in(gaz: gz.Gazetteer, m) -> bool:
    """The mention's place is a division standing in for a name the gazetteer lacks there ("the town
    of X in the Y region" where no X lies in Y): the name reads as no place of that division itself."""
    s, e, text, hint, p = m
    if p is None or p.precision != "region":
        return False
    return not any(x.cc == p.country and gaz.admin1_name(x) == p.admin1 for x, _ in gaz.lookup(text))


def _tied_names(doc: Doc, a, b) -> bool:
    """Whether mention ``b`` is where mention ``a`` lies: one holds the other in the parse, or only
    containment words stand between them ("Rask, in Sarbaz county", "Hodan district of Mogadishu")."""
    ra, rb = doc[a[0]:a[1]].root, doc[b[0]:b[1]].root
    for x, y in ((ra, rb), (rb, ra)):
        k, cur = 0, y
        while cur.head.i != cur.i and k < 3:  # y hangs off x by a short chain of prepositions, appositions
            cur = cur.head
            k += 1
            if cur == x:
                return True
            if cur.pos_ != "ADP" and cur.lower_ not in TIE_WORDS:
                break  # through a person or an act ("X, a commander in Y") it is no longer where X is
    lo, hi = (a, b) if a[0] < b[0] else (b, a)
    gap = doc[lo[1]:hi[0]]
    return len(gap) <= 5 and all(t.lower_ in TIE_WORDS or t.is_space for t in gap)


# How far from its town a district or neighbourhood of it may lie (a city's suburbs included)
DISTRICT_KM = 20.0
CITY_WORDS = {"city", "town", "capital"}


def _district_city(doc: Doc, m) -> Place | None:
    """The town a district or neighbourhood mention is said to be part of: "the X neighbourhood of
    Y", "Y's X district", "the city's X district" (the town last named before it, else the
    dateline's), or None when the mention is no part of a town the text names."""
    s, e, text, hint, p = m
    if hint not in ("district", "neighbourhood"):
        return None
    towns = [x for x in _mentions(doc) if x[4] is not None and x[4].precision == "town" and x[0] != s]
    if s >= 2 and doc[s - 1].lower_ in ("'s", "’s"):
        if doc[s - 2].lower_ in CITY_WORDS:  # "the city's X district"
            before = [x for x in towns if x[1] <= s - 2]
            if before:
                return before[-1][4]
            dl = doc._.dateline_place
            return dl if dl is not None and dl.precision == "town" else None
        own = [x for x in towns if x[1] == s - 1]  # "Y's X district"
        return own[0][4] if own else None
    # "the X neighbourhood of Y", "the X district in Y": Y right after the part word and a preposition
    k = e
    while k < len(doc) and k < e + 2 and doc[k].lower_ in DISTRICT_WORDS | {"districts"}:
        k += 1
    if k > e and k + 1 < len(doc) and doc[k].lower_ in ("of", "in"):
        after = [x for x in towns if x[0] == k + 1]
        return after[0][4] if after else None
    return None


def _qualifies_town(doc: Doc, town, division) -> bool:
    """The division mention says where the town mention just before it lies: tied in the parse, or
    only a comma, prepositions, determiners, adjectives and place nouns between them ("X, in the
    western state of Y")."""
    if _tied_names(doc, town, division):
        return True
    gap = doc[town[1]:division[0]]
    return 0 < len(gap) <= 8 and gap[0].text == "," and all(
        t.pos_ in ("ADP", "DET", "ADJ", "PUNCT") or t.lower_ in TIE_WORDS for t in gap)


def _lacked_place(doc: Doc, m) -> bool:
    """An unresolved name that stands for a place of its own (a village, a district), not a street,
    road, building or force that lies in a town the text names ("the Kisumu-Kakamega highway")."""
    if m[4] is not None or m[3] in ("street", "highway", "facility", "agency", "sheriff") or _in_dateline(doc, m[0]):
        return False
    # Only where the text says the name is a settlement or division of its own ("the village of X",
    # "X district", "X, a small town"). A bare "in X" we lack is as often a part of a town (a US
    # city's neighbourhood, a truck stop) as a village, and the town named is then the place; nor is a
    # name that qualifies another noun ("a Taliban checkpoint") or a party ("M23 rebels") a place.
    words = TOWN_WORDS | ADMIN_WORDS | {"district", "districts", "municipality", "villages", "towns"}
    return m[3] in ("town", "admin", "district") and (
        m[1] < len(doc) and doc[m[1]].lower_ in words
        or m[0] >= 2 and doc[m[0] - 1].lower_ == "of" and doc[m[0] - 2].lower_ in words
        or _town_apposition(doc, m[1]))


def _division_of(p: Place, gaz: gz.Gazetteer) -> Place | None:
    """The first-level division a town lies in, as a place (precision region)."""
    e = gaz.get(p.geonameid) if p.geonameid else None
    a = gaz.admin1(e.cc, e.admin1) if e is not None and e.admin1 else None
    return to_place(a, gaz) if a is not None else None


def _lacks_a_town(doc: Doc) -> bool:
    """The story names, as a town or village, a place the gazetteer lacks ("the town of Baraawe")."""
    return any(p is None and hint == "town" and not _in_dateline(doc, s)
               for s, e, text, hint, p in _mentions(doc))


def _focus_division(doc: Doc, cc: str | None, gaz: gz.Gazetteer) -> Place | None:
    """For an event at a place we lack: the division the story names most in ``cc``, else the
    division of its focal town (precision region); never a town, which would be another place."""
    region = _focus_region(doc, cc)
    if region is not None:
        return region
    town = _story_focus(doc, cc)
    e = gaz.get(town.geonameid) if town is not None and town.geonameid else None
    a = gaz.admin1(e.cc, e.admin1) if e is not None else None
    return to_place(a, gaz) if a is not None else None


# a compass part of a country: the signs of (latitude, longitude) from its centre
COMPASS_PARTS = {"northern": (1, 0), "southern": (-1, 0), "eastern": (0, 1), "western": (0, -1),
                 "northeastern": (1, 1), "north-eastern": (1, 1), "northwestern": (1, -1), "north-western": (1, -1),
                 "southeastern": (-1, 1), "south-eastern": (-1, 1), "southwestern": (-1, -1),
                 "south-western": (-1, -1), "northeast": (1, 1), "northwest": (1, -1), "southeast": (-1, 1),
                 "southwest": (-1, -1), "north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1)}


def _named_part(doc: Doc, m) -> tuple[int, int] | None:
    """The compass part of its country that the mention ``m`` names, as (dlat, dlon) signs, in any of
    the ways English says it: "in northern Mali", "in Mali's north", "in the north of Mali"; None
    when it names the whole country."""
    s = m[0]
    if s >= 1 and doc[s - 1].lower_ in COMPASS_PARTS:
        return COMPASS_PARTS[doc[s - 1].lower_]
    root = doc[m[0]:m[1]].root
    if root.dep_ == "poss" and root.head.lower_ in COMPASS_PARTS and root.head.i > root.i:
        return COMPASS_PARTS[root.head.lower_]  # "Myanmar's northwest"
    if (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in COMPASS_PARTS
            and root.head.head.i < root.i):
        return COMPASS_PARTS[root.head.head.lower_]  # "the northwest of Myanmar"
    return None


def _town_in_named_part(doc: Doc, m, country: Place, gaz: gz.Gazetteer) -> Place | None:
    """A lead that places the happening only in a compass part of a country ("in southern
    Madagascar"), filed from a bureau found remote: the story's one town of that country, outside
    the dateline, that lies in that part by the gazetteer's coordinates ("residents of Betroka, in
    the Anosy region"). The bureau is where the story was filed, not one of its towns."""
    part = _named_part(doc, m)
    if part is None:
        return None
    towns = {(p.name, p.lat, p.lon): p for _, p in _story_towns(doc, country.country)}
    if len(towns) != 1:
        return None
    town = next(iter(towns.values()))
    c = gaz.country(country.country)
    if c is None:
        return None
    if not _in_part(town, c, part):
        return None  # the town lies in another part of the country: another place
    return town


def _story_towns(doc: Doc, cc: str):
    """(start, place) of each town of country ``cc`` the story names where something may happen: not
    in the dateline, not as a destination or a modifier, not a facility, street or highway."""
    for s, e, _, hint, p in _mentions(doc):
        if (p is not None and p.precision == "town" and p.country == cc and not _in_dateline(doc, s)
                and not _is_destination(doc, s, e) and not modifier_name(doc, s, e)
                and hint not in ("facility", "street", "highway")):
            yield s, p


def _in_part(p: Place, country, part: tuple[int, int]) -> bool:
    """``p`` lies in the compass ``part`` (``_named_part``'s signs) of ``country``, by coordinates."""
    dlat, dlon = part
    return not (dlat and (p.lat - country.lat) * dlat <= 0 or dlon and (p.lon - country.lon) * dlon <= 0)


def _outside_named_part(doc: Doc, m, p: Place, gaz: gz.Gazetteer) -> bool:
    """The mention ``m`` names a compass part of its country ("in northern Mali") and the place ``p``
    lies in another part by the gazetteer's coordinates (Bamako, in the south-west): a bureau there
    is not where the happening was."""
    part = _named_part(doc, m)
    if part is None or m[4] is None or m[4].precision != "country":
        return False
    c = gaz.country(m[4].country)
    return c is not None and not _in_part(p, c, part)


def _dateline_end(doc: Doc) -> int:
    """Where the dateline ends, its qualifier included: "NAIROBI, Kenya (AP) -" names Kenya to say
    which Nairobi, not where the story is, so the body's places are counted without it (else a
    story from a bureau abroad seems to name the bureau's country, and the bureau places it)."""
    dl_span = doc._.dateline
    if dl_span is None:
        return -1
    return _per_doc(doc, "_ew_dateline_end", (dl_span.start, dl_span.end), lambda: _dateline_end_uncached(doc, dl_span))


def _dateline_end_uncached(doc: Doc, dl_span) -> int:
    end = dl_span.end
    starts = {s: e for s, e, text, hint, p in _mentions(doc)}
    while end + 1 < len(doc) and doc[end].text == "," and end + 1 in starts:
        end = starts[end + 1]
    return end


def _in_dateline(doc: Doc, s: int) -> bool:
    dl_span = doc._.dateline
    return dl_span is not None and dl_span.start <= s < _dateline_end(doc)


def _lede_town(doc: Doc, dateline: Place) -> Place | None:
    """The town the story's first sentence places it in, when that is not the dateline's town: in
    the dateline's first-level division, more than 50 km from it, named after a locative cue, and
    the body never names the dateline town. None otherwise."""
    return _per_doc(doc, "_ew_lede_town", (dateline.name, dateline.lat, dateline.lon),
                    lambda: _lede_town_uncached(doc, dateline))


def _lede_town_uncached(doc: Doc, dateline: Place) -> Place | None:
    dl_span = doc._.dateline
    body = [m for m in _mentions(doc) if not _in_dateline(doc, m[0])]
    if not body or any(p is not None and (p.name, p.lat, p.lon) == (dateline.name, dateline.lat, dateline.lon)
                       for s, e, text, hint, p in body):
        return None
    k = _dateline_end(doc) if dl_span is not None else 0
    while k < len(doc) and (doc[k].is_space or doc[k].is_punct):
        k += 1
    if k >= len(doc):
        return None
    lede = doc[k].sent
    for s, e, text, hint, p in body:
        if s < k or s >= lede.end:
            continue
        if (p is not None and p.precision == "town" and p.country == dateline.country and p.geonameid
                # the bureau's own province ("MAIDUGURI - ... Monguno", both Borno): a far town of
                # another state is more often a neighbourhood named after it ("CHICAGO - ... in Austin"),
                # unless the gazetteer holds that name for no other place ("LAGOS - ... in Damaturu")
                and (p.admin1 == dateline.admin1 or _sole_namesake(_gaz_of(doc), text, p))
                and hint not in ("facility", "street", "highway") and _cue_before(doc, s)
                # the name itself, not a spelling guess ("Frayser", a part of Memphis, is no "Fraser")
                and any(e.gid == p.geonameid for e, _ in _gaz_of(doc).lookup(text))
                and not _is_destination(doc, s, e) and not modifier_name(doc, s, e)
                and gz.haversine(p.lat, p.lon, dateline.lat, dateline.lon) > 50):
            return p
    return None


def _sole_namesake(gaz: gz.Gazetteer, text: str, p: Place) -> bool:
    """The gazetteer holds the name ``text`` for one populated place only, ``p`` (by any of its
    names): no namesake town, so no neighbourhood named after it either."""
    towns = {e.gid for e, _ in gaz.lookup(text) if e.fclass == "P"}
    return towns == {p.geonameid}


# nouns a story uses to refer back to its happening: "The attack in Damboa was the third this month"
HAPPENING_NOUNS = {"attack", "attacks", "raid", "ambush", "bombing", "blast", "explosion", "shelling", "clash",
                   "clashes", "fighting", "assault", "shooting", "killing", "killings", "massacre", "kidnapping",
                   "abduction", "airstrike", "strike", "violence", "unrest", "protest", "riot", "incident"}


def _happening_place(doc: Doc, dateline: Place | None) -> Place | None:
    """The town a definite reference to the story's happening names elsewhere in the story ("the
    attack in Damboa", "the raid on Gwoza", "the ambush took place outside Gwoza"), for an event
    whose own sentence names no town: that town, not the bureau's, is where it happened. None when
    the story names none so."""
    key = (dateline.name, dateline.lat, dateline.lon) if dateline is not None else None
    return _per_doc(doc, "_ew_happening_place", key, lambda: _happening_place_uncached(doc, dateline))


def _happening_place_uncached(doc: Doc, dateline: Place | None) -> Place | None:
    for s, e, text, hint, p in _mentions(doc):
        if (p is None or p.precision != "town" or _in_dateline(doc, s)
                or dateline is not None and (p.name, p.lat, p.lon) == (dateline.name, dateline.lat, dateline.lon)
                or hint in ("facility", "street", "highway")):
            continue
        root = doc[s:e].root
        prep = root.head
        if root.dep_ != "pobj":
            continue
        if prep.lower_ in ("in", "near", "at", "outside", "on") and _told_happening(prep.head) or _occurs_there(root):
            return p
    return None


def _told_happening(t: Token) -> bool:
    """``t`` refers back to a happening the story has told: a happening noun with a definite
    determiner ("the attack", "this raid"); an indefinite one ("a similar attack") is another."""
    return (t.pos_ == "NOUN" and t.lower_ in HAPPENING_NOUNS
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children))


# verbs that say where and when a happening occurred, not what was said or done about it
OCCUR_LEMMAS = {"happen", "occur", "unfold", "begin", "start", "erupt", "break", "take"}


def _occurs_there(root: Token) -> bool:
    """The place phrase holding ``root`` belongs (through nested place phrases: "on a road outside
    X", "in a neighbourhood on the outskirts of X") to a verb of occurring whose subject is the told
    happening or "it": "the ambush took place ... outside X", "it occurred near the market in X"."""
    cur, steps = root, 0
    while cur.dep_ in ("pobj", "prep") and steps < 8:
        cur, steps = cur.head, steps + 1
        if cur.pos_ in ("VERB", "AUX"):
            break
        if cur.pos_ not in ("ADP", "NOUN", "PROPN"):
            return False
    else:
        return False
    if cur.pos_ not in ("VERB", "AUX") or cur.lemma_ not in OCCUR_LEMMAS:
        return False
    if cur.lemma_ == "take" and not any(c.dep_ == "dobj" and c.lower_ == "place" for c in cur.children):
        return False
    subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (_told_happening(subj) or subj.lower_ == "it" and subj.dep_ == "nsubj")


# words that open a sentence telling a happening apart from the one before it
SEPARATE_OPENERS = {"meanwhile", "elsewhere", "separately", "also", "in another", "in a separate"}


def _another_happening(doc: Doc, sent, own: Span) -> bool:
    """``sent``, after the trigger's sentence ``own``, tells a happening of its own: it holds an event
    trigger that is no definite reference back ("the attack"), and it opens apart ("Meanwhile",
    "Elsewhere") or is dated otherwise ("on Tuesday" after "on Monday")."""
    if sent.start < own.end:
        return False
    trigs = [t for t in doc.spans.get("ew_triggers", []) if sent.start <= t.start < sent.end
             and not t._.background]
    if not trigs or any(_told_happening(t.root) for t in trigs):
        return False
    first = doc[sent.start:min(sent.start + 3, sent.end)].text.lower()
    if any(first == w or first.startswith(w + " ") or first.startswith(w + ",") for w in SEPARATE_OPENERS):
        return True
    dates = {e.text.lower() for e in extensions.span_ents(sent) if e.label_ == "DATE"}
    own_dates = {e.text.lower() for e in extensions.span_ents(own) if e.label_ == "DATE"}
    return bool(dates and own_dates and not dates & own_dates)


def _dateline_remote(doc: Doc, dateline: Place | None, gaz: gz.Gazetteer, sent_ms: list,
                     own: Span | None = None) -> bool:
    """The dateline is a capital bureau, not where this happened: the story (or the event's own
    clause) names a place of that country away from the capital, or a place we lack. A town of a
    later sentence telling another happening of its own is that happening's, no sign about ``own``'s."""
    if not _is_capital(dateline, gaz):
        return False
    if any(_unknown_tied(doc, m) for m in sent_ms):
        return True
    for s, e, text, hint, p in _mentions(doc):
        if _in_dateline(doc, s) or p is None or p.country != dateline.country:
            continue
        if own is not None and not sent_ms and _another_happening(doc, doc[s].sent, own):
            continue
        if p.precision == "country" or modifier_name(doc, s, e) or _is_destination(doc, s, e):
            continue
        if p.precision == "region" and p.admin1 == dateline.admin1:
            continue
        if gz.haversine(p.lat, p.lon, dateline.lat, dateline.lon) > 50:
            return True
    return False


def _per_doc(doc: Doc, cache: str, key, compute):
    """One answer per article for what every trigger asks (the story's country, its focus): kept
    under a private ``_ew_`` key, which the last component drops so the doc serialises lean."""
    memo = doc.user_data.setdefault(cache, {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _names_in(doc: Doc, p: Place, span) -> bool:
    """Whether ``span`` names the place ``p``."""
    return any(q is not None and (q.name, q.lat, q.lon) == (p.name, p.lat, p.lon) and span.start <= s and e <= span.end
               for s, e, text, hint, q in _mentions(doc))


def _story_country(doc: Doc, dateline: Place | None) -> str | None:
    """The country the story itself is set in when the dateline lies in another one: the body names
    places (not as qualifiers, not as destinations) and none of them in the dateline's country
    ("NAIROBI (AP) - ... a base in southern Somalia"). None when the dateline's country is named."""
    if dateline is None or not dateline.country:
        return None
    return _per_doc(doc, "_ew_story_country", (dateline.name, dateline.country), lambda: _story_country_uncached(doc, dateline))


def _story_country_uncached(doc: Doc, dateline: Place) -> str | None:
    c: Counter = Counter()
    for s, e, text, hint, p in _mentions(doc):
        if (p is None or not p.country or _in_dateline(doc, s)
                or modifier_name(doc, s, e, p.precision == "country") or _is_destination(doc, s, e)):
            continue
        c[p.country] += 1
    if not c or dateline.country in c:
        return None
    top = max(c.values())
    # a story set abroad names that country's places again and again; one passing name (a consul
    # "in Costa Rica", a visit to Caracas) does not move a story away from its dateline. The body
    # never names the dateline's country, so a country named at least twice and more than any other
    # is the story's, though passing names of others add up ("NAIROBI - ... Obock ... Djibouti ...
    # drones bought from Turkey ... the Afar")
    if top < 2 or list(c.values()).count(top) > 1:
        return None
    return next(p.country for s, e, text, hint, p in _mentions(doc) if p is not None and c.get(p.country) == top)


def _story_focus(doc: Doc, cc: str | None) -> Place | None:
    """The story's own focal place in ``cc`` (the dateline left out): its most named town, else its
    most named division. One answer per article and country (asked for every trigger)."""
    return _per_doc(doc, "_ew_story_focus", cc, lambda: _story_focus_uncached(doc, cc))


def _story_focus_uncached(doc: Doc, cc: str | None) -> Place | None:
    towns = [p for s, e, text, hint, p in _mentions(doc)
             if p is not None and p.precision == "town" and (cc is None or p.country == cc)
             and not _in_dateline(doc, s)
             and not (_is_destination(doc, s, e) or modifier_name(doc, s, e)
                      or hint in ("facility", "street", "highway"))]
    return _most_named(towns) or _focus_region(doc, cc)


APPROX_WORDS = {"about", "some", "around", "nearly", "roughly", "approximately", "almost", "just", "over", "only",
                "less", "more", "than", "within", "up", "to", "the"}


def _measured_from(doc: Doc, start: int) -> int | None:
    """Where the bearing or distance that measures from the name at ``start`` begins ("30 km north
    of X", "about 20 kilometers (12 miles) south of X", "east of X", "40 km from X", "480 km to the
    northeast of X"), or None when the name is not measured from."""
    i = start - 1
    # "north of the town of X", "north of the capital Mogadishu", "south of the provincial capital,
    # X": a noun that says what X is, between the bearing and X, measures from X as well
    j = i - 1 if i >= 1 and doc[i].text == "," else i
    if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in APPOSITION_HEADS:
        j -= 1
    if j >= 1 and doc[j].lower_ in APPOSITION_HEADS:
        i = j - 1
        while i >= 0 and (doc[i].pos_ in ("DET", "ADJ") or doc[i].lower_ in APPOSITION_MODIFIERS
                          or doc[i].lower_ in ("state", "national")):
            i -= 1
    elif i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in ("of", "from"):
        return None
    j = i - 1
    bearing = doc[j].lower_ in BEARINGS
    if bearing:
        j -= 1
        while j >= 0 and doc[j].lower_ in ("the", "to"):
            j -= 1
    if j >= 0 and doc[j].text == ")":  # "20 kilometers (12 miles) south of X"
        k = j
        while k >= 0 and doc[k].text != "(" and j - k < 6:
            k -= 1
        if k >= 0 and doc[k].text == "(":
            j = k - 1
    distance = j >= 0 and doc[j].lower_ in DISTANCE_UNITS
    if distance:
        j -= 1
        while j >= 0 and (doc[j].like_num or doc[j].lower_ in APPROX_WORDS or doc[j].text == "-"):
            j -= 1
    if not (bearing or distance) or (doc[i].lower_ == "from" and not distance):
        return None  # "from X" alone is an origin; "north from X" is a direction of travel
    return j + 1


# the compass bearing each word gives, in degrees clockwise from north
BEARING_DEGREES = {"north": 0, "northeast": 45, "north-east": 45, "east": 90, "southeast": 135, "south-east": 135,
                   "south": 180, "southwest": 225, "south-west": 225, "west": 270, "northwest": 315,
                   "north-west": 315}


def _bearing_deg(a: Place, b: Place) -> float:
    """The initial compass bearing from ``a`` to ``b``, in degrees."""
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    y = math.sin(dl) * math.cos(la2)
    x = math.cos(la1) * math.sin(la2) - math.sin(la1) * math.cos(la2) * math.cos(dl)
    return math.degrees(math.atan2(y, x)) % 360


def _town_that_way(doc: Doc, start: int, origin: Place) -> Place | None:
    """For an event told only as a bearing from ``origin`` ("north of X", "20 km west of X"): the one
    town of ``origin``'s country that the story names elsewhere (not in the dateline, not as a
    destination) lying that way from it, within 100 km, by the gazetteer's coordinates. The bearing
    and the map, not a phrase, tie the town to the happening. None when no town or several do."""
    k = _measured_from(doc, start)
    words = [t.lower_ for t in doc[k:start]] if k is not None else []
    deg = next((BEARING_DEGREES[w] for w in words if w in BEARING_DEGREES), None)
    if deg is None:
        return None
    found: dict[tuple, Place] = {}
    for s, p in _story_towns(doc, origin.country):
        if s == start:
            continue
        d = gz.haversine(origin.lat, origin.lon, p.lat, p.lon)
        if not 5 < d <= 100:
            continue
        off = abs((_bearing_deg(origin, p) - deg + 180) % 360 - 180)
        if off <= 45:
            found[(p.name, p.lat, p.lon)] = p
    return next(iter(found.values())) if len(found) == 1 else None


MILE_KM = 1.609344


def _stated_offset(doc: Doc, start: int) -> tuple[float, float] | None:
    """(km, bearing in degrees) that "about 40 km (25 miles) south of X" states from the name at
    ``start``; None unless both a number with its unit and a compass bearing measure from it. The
    first figure counts (a bracketed conversion repeats it); a range ("30-40 km") takes its end."""
    k = _measured_from(doc, start)
    if k is None:
        return None
    words = doc[k:start]
    deg = next((BEARING_DEGREES[t.lower_] for t in words if t.lower_ in BEARING_DEGREES), None)
    if deg is None:
        return None
    for a, b in zip(words, words[1:]):
        if b.lower_ in DISTANCE_UNITS:
            try:
                n = float(a.text.replace(",", ""))
            except ValueError:
                return None
            return n * (MILE_KM if b.lower_.startswith("mile") else 1.0), float(deg)
    return None


def _offset_point(p: Place, km: float, deg: float) -> Place:
    """The point ``km`` from ``p`` along bearing ``deg`` on the sphere: the place a story measures
    from ``p``. It keeps ``p``'s name and division (ACLED's "near X") but not its GeoNames id, which
    is the town's own point."""
    r, b = km / 6371.0, math.radians(deg)
    p1, l1 = math.radians(p.lat), math.radians(p.lon)
    p2 = math.asin(math.sin(p1) * math.cos(r) + math.cos(p1) * math.sin(r) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(r) * math.cos(p1), math.cos(r) - math.sin(p1) * math.sin(p2))
    lon = (math.degrees(l2) + 540) % 360 - 180
    return replace(p, lat=round(math.degrees(p2), 5), lon=round(lon, 5), geonameid=None, precision="region")


REPORT_LEMMAS = {"say", "tell", "report", "announce", "confirm", "add", "state", "claim", "quote", "accord"}


def _source_place(doc: Doc, root: Token, trigger: Token) -> bool:
    """The name hangs off a reporting verb, or off its speaker, on a branch that does not hold the
    event's trigger: "police in X said", "officials in X told", "told AFP in X", "according to
    police in X"."""
    cur, steps = root, 0
    while cur.head.i != cur.i and steps < 8:
        h = cur.head
        if h.pos_ in ("VERB", "AUX") or h.lower_ == "according":
            if h.pos_ == "VERB" and h.dep_ == "acl" and h.lemma_ not in REPORT_LEMMAS:
                cur, steps = h, steps + 1  # "officials based in X said": the participle describes them
                continue
            return h.lemma_ in REPORT_LEMMAS and trigger.i not in {t.i for t in cur.subtree} and trigger.i != h.i
        cur, steps = h, steps + 1
    return False


# what is done to the victims after a happening, and where: they are treated, recover, are buried
# (where they are moved to is a destination already; "operate", "evacuate" also say where forces act)
AFTERMATH_LEMMAS = {"treat", "recover", "recuperate", "hospitalize", "hospitalise", "admit", "bury", "inter",
                    "cremate", "mourn", "discharge"}
CARE_NOUNS = {"hospital", "hospitals", "clinic", "clinics", "morgue", "mortuary", "funeral", "funerals", "burial",
              "cemetery", "graveyard", "treatment", "care", "ward"}
STATE_LEMMAS = {"be", "remain", "stay", "lie"}


def _aftermath_place(doc: Doc, root: Token, trigger: Token) -> bool:
    """The name says where victims are treated, recover or are buried, on a branch of its own clause
    that does not hold the event's trigger ("two died in the attack, while four others are recovering
    in X", "the bodies were buried in X", "the wounded remain in hospital in X"): that is not where the
    happening was."""
    cur, steps, care = root, 0, False
    while cur.head.i != cur.i and steps < 8:
        h = cur.head
        if h.i == trigger.i:
            return False
        if h.pos_ == "NOUN" and h.lower_ in CARE_NOUNS:
            care = True
        if h.pos_ in ("VERB", "AUX"):
            if cur.dep_ == "prep" and cur.lower_ in ORIGIN_PREPS:
                return False  # "evacuated from X": where they were, as likely the happening's place
            # "remain in hospital in X": the care noun is the verb's other place phrase
            care = care or any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in CARE_NOUNS
                                                         for g in c.children) for c in h.children)
            return ((h.lemma_ in AFTERMATH_LEMMAS or care and h.lemma_ in STATE_LEMMAS)
                    and trigger.i not in {t.i for t in cur.subtree})
        cur, steps = h, steps + 1
    return False


# nouns a next sentence names with "the" without going on about the same happening
GENERIC_NOUNS = {"people", "person", "official", "officials", "government", "day", "week", "year", "time",
                 "country", "area", "region", "province", "state", "city", "town", "village", "statement"}


def _retold_next(doc: Doc, sent, town: Place) -> bool:
    """The sentence after ``sent`` names ``town`` and goes on about the same happening: it takes up a
    noun of ``sent`` with a definite determiner ("ambushed an army patrol in X province. The patrol
    came under fire outside the town of Y")."""
    if sent.end >= len(doc):
        return False
    nxt = doc[sent.end].sent
    if not _names_in(doc, town, nxt):
        return False
    nouns = {t.lemma_.lower() for t in sent if t.pos_ == "NOUN"} - GENERIC_NOUNS
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in nouns
               and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
               for t in nxt)


def _country_anaphor(doc: Doc, sent) -> Place | None:
    """The country "the country" in ``sent`` refers back to: the last country named before it in the
    same sentence ("Djibouti's army struck rebels in the country's north"). None when the sentence
    has no such phrase or names no country before it: a country named in an earlier sentence is as
    often a foreign one the story passes by, and the dateline's country is meant."""
    ref = next((t for t in sent if t.lower_ in ("country", "nation") and t.i > 0
                and doc[t.i - 1].lower_ in ("the", "this") and (t.dep_ == "poss" or t.head.pos_ == "ADP")), None)
    if ref is None:
        return None
    last = None
    for s, e, text, hint, p in _mentions(doc):
        if s >= ref.i:
            break
        if s >= sent.start and p is not None and p.precision == "country" and not _in_dateline(doc, s):
            last = p
    return last


def event_location(doc: Doc, trigger) -> tuple[Place | None, Place | None]:
    """(location, destination) of the event whose trigger is ``trigger`` (a Token or Span).

    The place tied to the trigger in the parse ("in X", "near X", "at X market in
    Y province"; "from X toward Y": X is the location, Y the destination); else
    the nearest place in the sentence; else the dateline; else the article's
    focal town in its main country; else that country (precision "country").
    A sentence that names only countries ("a border area between Lebanon and
    Syria") takes the dateline when it lies in one of them.
    """
    if isinstance(trigger, Span):
        tok = trigger.root
    elif isinstance(trigger, Token):
        tok = trigger
    else:
        tok = doc[int(trigger)]
    sent = tok.sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else doc[:]
    gaz = _gaz_of(doc)
    ms = [m for m in _mentions(doc) if m[0] >= sent.start and m[1] <= sent.end]
    dateline = doc._.dateline_place
    dl_span = doc._.dateline
    if dl_span is not None:
        ms = [m for m in ms if not (m[0] >= dl_span.start and m[1] <= _dateline_end(doc))]
    # "along its border with Syria", "U.S.-backed forces": names that qualify, not places of the event
    ms = [m for m in ms if not modifier_name(doc, m[0], m[1], m[4] is not None and m[4].precision == "country")]
    foreign = _story_country(doc, dateline)
    if foreign is not None:
        # "NAIROBI (AP) - ... in southern Somalia": a bureau abroad places nothing; the story's own
        # focus, region or country do
        cc = foreign
        dateline = None
    elif _dateline_remote(doc, dateline, gaz, ms, sent):
        # "BAGHDAD - ... in the Hamrin mountains": the bureau's city places nothing; the story's
        # focus, its region or its country do
        cc = dateline.country
        dateline = None
    else:
        cc = None

    # "the town of Deir Hafer east of Aleppo": a bearing or distance from a town that follows
    # another town locates that town, not the event, so the town measured from is no candidate; after
    # a region ("in Hiiraan, 20 km south of X"), a place we lack, or nothing, it is where the event is
    # near (ACLED's "near X": precision region)
    near: set[int] = set()
    kept = []
    for m in ms:
        k = _measured_from(doc, m[0])
        if k is not None:
            b = k - 1
            # "Apopa, a town some 12 km north of X": the apposition describes the town before it
            while b >= 0 and (doc[b].text in (",", "-", "–", "—") or doc[b].pos_ in ("DET", "ADJ")
                              or doc[b].lower_ in TOWN_WORDS | PLACE_NOUNS):
                b -= 1
            if any(o is not m and o[1] == b + 1 and o[4] is not None and o[4].precision == "town" for o in ms):
                continue
            near.add(m[0])
        kept.append(m)
    ms = kept
    # "police in Maiduguri said", "a doctor told AFP in Dakar": where the source speaks, not where it
    # happened; such a place yields to any other place the sentence names (a name we lack included)
    # "while four others are recovering in Lima", "were buried in X": where the victims were cared
    # for or laid to rest, never where it happened
    ms = [m for m in ms if not _aftermath_place(doc, doc[m[0]:m[1]].root, tok)]
    src = [m for m in ms if _source_place(doc, doc[m[0]:m[1]].root, tok)]
    if src and any(m not in src and (m[4] is not None or _unknown_tied(doc, m)) for m in ms):
        ms = [m for m in ms if m not in src]

    # "blocked the highway linking A and B at the town of C": the ends of the road are not where it
    # happened when the sentence names a place on it (a name we lack included); alone they stay
    ends = [m for m in ms if _road_end(doc, m[0])]
    end_roots: set[int] = set()
    if ends and any(m not in ends and (m[4] is not None and m[4].precision != "country" or _unknown_tied(doc, m))
                    for m in ms):
        end_roots = {doc[m[0]:m[1]].root.i for m in ends}
        ms = [m for m in ms if m not in ends]

    scored = []
    for m in ms:
        s, e, text, hint, place = m
        root = doc[s:e].root
        dist, prep = _path_role(tok, root)
        if prep in ORIGIN_PREPS:
            role = "origin"
        elif prep in DEST_PREPS and not end_roots & {a.i for a in root.ancestors}:
            role = "dest"  # (not "the road from A to B at C": the "to" is the road's)
        elif prep in PLACE_PREPS or prep in DEST_PREPS or prep is None:
            role = "loc"
        else:
            role = "other"
        tokdist = min(abs(tok.i - s), abs(tok.i - (e - 1)))
        scored.append((dist, tokdist, role, m))
    # "defused a bomb in A on Friday, a day after a grenade killed three in B": B is the place of the
    # happening the time phrase tells; A, tied to the trigger itself, is this one's (B stays when the
    # main clause names nothing else)
    sub = [x for x in scored if x[2] == "loc" and x[3][4] is not None
           and _subordinate_happening(tok, doc[x[3][0]:x[3][1]].root)]
    if sub and any(x not in sub and x[2] == "loc" and x[3][4] is not None and x[3][4].precision != "country"
                   for x in scored):
        scored = [(x[0], x[1], "other", x[3]) if x in sub else x for x in scored]

    location: Place | None = None
    destination: Place | None = None

    dests = sorted((x for x in scored if x[2] == "dest"), key=lambda x: (x[0], x[1]))
    for x in dests:
        if x[3][4] is not None:
            destination = x[3][4]
            # "toward Boukamal in eastern Syria": what contains the destination right after it qualifies it
            d_end = x[3][1]
            scored = [y for y in scored if not (y[2] != "dest" and y[3][4] is not None and d_end <= y[3][0] <= d_end + 4
                                                and _contained(destination, y[3][4]))]
            break

    picked: list = []  # the mention whose place ``pick`` returned as it stands
    unknown_tied: list = []  # a tied name the gazetteer lacks, where the sentence gave no place for it
    fell_back: list = []  # the division (or measured point) given for a tied name we lack
    offset_points: list = []  # points a stated distance and bearing gave: no division's seat moves them

    def pick(cands):
        cands = sorted(cands, key=lambda x: (x[0], x[1]))
        if not cands:
            return None
        best_dist = cands[0][0]
        close = [x for x in cands if x[0] <= best_dist + 2]
        # The tied name itself; if it is not in the gazetteer (a village), the place it is said to be in.
        resolved = [x for x in close if x[3][4] is not None]
        if not resolved:
            resolved = [x for x in cands if x[3][4] is not None]
            if not resolved:
                if cands[0][2] == "loc" and _lacked_place(doc, cands[0][3]):
                    unknown_tied.append(cands[0][3])
                return None
            top = resolved[0]
        else:
            top = max(resolved, key=lambda x: (_rank(x[3][4]), -x[0], -x[1]))
        p = top[3][4]
        if cands[0][3][4] is None:
            # the tied name is unknown: the town the text puts it in or near ("X, near Y", "the X
            # neighbourhood of Y") is as near as we get; another town of the sentence ("police in Y
            # said") is another place, so its division, honestly
            off = _stated_offset(doc, top[3][0]) if top[3][0] in near and p.precision != "country" else None
            if off is not None:
                # "the village of K, about 40 km south of Y": K lies that far that way from Y
                # (kept there: no town of Y's division is K)
                fell_back.append(_offset_point(_region_seat(p, gaz) if p.precision == "region" else p, *off))
                offset_points.append(fell_back[-1])
                return fell_back[-1]
            if p.precision == "town" and _lacked_place(doc, cands[0][3]) and not _tied_names(doc, cands[0][3], top[3]):
                a = _division_of(p, gaz)
                if a is not None:
                    fell_back.append(a)
                    return a
            return _region_seat(p, gaz) if p.precision == "region" else p
        city = _district_city(doc, top[3]) if p.precision == "town" else None
        if city is not None and gz.haversine(p.lat, p.lon, city.lat, city.lon) > DISTRICT_KM:
            # "the X district of Y" read as a namesake far from Y: the X that lies in Y, else Y itself
            near_x = [(gz.haversine(x.lat, x.lon, city.lat, city.lon), x) for x, _ in gaz.lookup(top[3][2])
                      if not (x.is_country or x.is_admin1)]
            near_x = [d_x for d_x in near_x if d_x[0] <= DISTRICT_KM]
            return to_place(min(near_x, key=lambda d_x: d_x[0])[1], gaz) if near_x else city
        picked.append(top[3])
        if _stands_in(gaz, top[3]):
            fell_back.append(p)  # a division given for a name we lack there: no town of it is that place
        return p

    loc_cands = [x for x in scored if x[2] in ("loc", "other")]
    origin = [x for x in scored if x[2] == "origin"]
    location = pick([x for x in loc_cands if x[2] == "loc"]) or pick(origin) or pick(loc_cands)
    if location is None:
        # nearest place in the sentence that is not the destination
        rest = sorted((x for x in scored if x[2] != "dest" and x[3][4] is not None), key=lambda x: x[1])
        if rest:
            location = rest[0][3][4]
    # "in the capital", "in the Somali capital": the country's capital, not the next town named; it
    # also beats a town tied to the trigger less closely ("in Fiji's capital ... after crowds gathered at X")
    cap = _capital_named(doc, sent, tok, gaz, [location.country if location is not None else None, cc,
                                               doc._.dateline_place.country if doc._.dateline_place else None,
                                               main_country(doc)])
    if cap is not None:
        if location is None or location.precision == "country" and cap[0].country == location.country:
            location = cap[0]
        elif picked and picked[-1][4] is location and any(
                x[3] is picked[-1] and x[0] > cap[1] for x in scored):
            location = cap[0]
    if location is None:
        # "in the country's north", "across the country": the country last named before it (the
        # dateline left out: a bureau's country is no antecedent), then refined as a named country is
        location = _country_anaphor(doc, sent)
    if location is not None and location.precision == "country":
        countries = {x[3][4].country for x in scored if x[3][4] is not None}
        finer = [x for x in scored if x[2] != "dest" and x[3][4] is not None and _rank(x[3][4]) > 0
                 and _contained(x[3][4], location)]
        focus = None
        if not finer:
            body: Counter = Counter()
            first: dict[tuple, Place] = {}
            for s_, e_, _, _, p in _mentions(doc):
                if (p is not None and p.precision == "town" and p.country == location.country
                        and not _in_dateline(doc, s_)
                        and not _is_destination(doc, s_, e_)):
                    body[(p.name, p.lat, p.lon)] += 1
                    first.setdefault((p.name, p.lat, p.lon), p)
            if body:
                top_key, top_n = max(body.items(), key=lambda kv: kv[1])
                dl_n = body.get((dateline.name, dateline.lat, dateline.lon), 0) if dateline is not None else 0
                if top_n >= 2 and top_n > dl_n and list(body.values()).count(top_n) == 1:
                    focus = first[top_key]
        if finer:
            location = min(finer, key=lambda x: (x[0], x[1]))[3][4]
        elif focus is not None:
            # "in a market in northern Yemen" filed from the capital, in an article that keeps naming
            # one town there: that town, not the dateline
            location = focus
        elif dateline is not None and dateline.precision != "country" and (
                dateline.country in countries or dateline.country == location.country) and not (
                picked and picked[-1][4] is location and _outside_named_part(doc, picked[-1], dateline, gaz)):
            # the bureau's town, unless the story refers back to the happening in another town there
            h = _happening_place(doc, dateline) if dateline.precision == "town" else None
            location = h if h is not None and h.country == location.country else dateline
    if location is not None and location.precision != "town" and not (fell_back and fell_back[-1] is location):
        # "in the western state of X" and later "the kidnapping took place on the outskirts of T": the
        # told happening's own town inside the division or country is where it happened
        told = _happening_place(doc, None)
        if told is not None and _contained(told, location):
            location = told
    if location is not None and location.precision != "town" and not (fell_back and fell_back[-1] is location):
        # A region or country whose only town the article names is that town (not where the
        # division stands for a place we lack: that town is another place).
        towns = {(p.name, p.lat, p.lon): p for s_, e_, _, _, p in _mentions(doc)
                 if p is not None and p.precision == "town" and _contained(p, location)
                 and not _is_destination(doc, s_, e_)
                 # "in northern Mali" filed from Bamako: a town in another part of it is another place
                 and not (picked and picked[-1][4] is location and _outside_named_part(doc, picked[-1], p, gaz))}
        only = next(iter(towns.values())) if len(towns) == 1 else None
        if only is None and location.precision == "country" and dateline is None and picked:
            only = _town_in_named_part(doc, picked[-1], location, gaz)
        if only is not None and location.precision == "country" and _lacks_a_town(doc):
            # the story also names a town we lack ("the coastal town of Baraawe"): the one town we
            # know is not the only one, so not the place; its division is as near as the text goes
            only = None
            location = _focus_division(doc, location.country, gaz) or location
        if only is not None and (location.precision == "country" or location.name != location.admin1
                                 or _names_in(doc, only, sent)
                                 or _retold_next(doc, sent, only)
                                 or _focus_town(doc, only.country, min_count=2) == only):
            # a first-level division the clause names stays the place unless its one town is named
            # here or is the story's focus ("a truce in Kachin state ... not to march on Bhamo"); a
            # county is small enough that its one named town is the place
            location = only
        elif towns and location.precision == "country":
            # "in northern Yemen" in an article about one town there: that town, when it is
            # clearly the article's focus (named at least twice, not as a destination)
            focus = _focus_town(doc, location.country, min_count=2)
            if focus is not None and dateline is None and focus == doc._.dateline_place:
                # a capital bureau found remote above ("JUBA - ... the outskirts of Pibor town") is no
                # focus for being the dateline too: the division the story supports, else the country
                focus = _focus_division(doc, location.country, gaz) if _lacks_a_town(doc) else None
            if focus is not None:
                location = focus
    if location is None and any(t.lower_ in ANAPHORA and (t.lower_ == "there" and t.dep_ != "expl"
                                                          or t.i > 0 and doc[t.i - 1].lower_ in ("the", "this", "that"))
                                for t in sent):
        # "seized the town", "a base there" (not "there were"): the last place named before this
        # sentence, where something happened (not where someone went, nor a name's qualifier)
        # (the dateline is not a place the story named: it places the sentence below, when nothing nearer does)
        prev = [m for m in _mentions(doc) if m[4] is not None and m[1] <= sent.start and m[4].precision != "country"
                and not _in_dateline(doc, m[0])
                and not _is_destination(doc, m[0], m[1]) and not modifier_name(doc, m[0], m[1])]
        # "in the municipality of X, in the state of Y": the division that says where the town lies
        # only qualifies it; the area referred back to is the town's
        while len(prev) >= 2 and prev[-1][4].precision == "region" and _contained(prev[-2][4], prev[-1][4]) \
                and prev[-2][4].precision == "town" and _qualifies_town(doc, prev[-2], prev[-1]):
            prev.pop()
        if prev:
            location = prev[-1][4]
    if location is None and dateline is not None and dateline.precision != "country" and PLACELESS_TAKES_LAST:
        # a sentence with no place goes on about the town the sentence before it named (near the dateline)
        before = doc[sent.start - 1].sent if sent.start > 0 else None
        prev = [p for s_, e_, _, _, p in _mentions(doc) if p is not None and e_ <= sent.start
                and before is not None and s_ >= before.start
                and p.precision == "town" and p.country == dateline.country
                and not _in_dateline(doc, s_)
                and not _is_destination(doc, s_, e_)
                and gz.haversine(p.lat, p.lon, dateline.lat, dateline.lon) < 300]
        if prev:
            location = prev[-1]
    if location is None and dateline is not None and dateline.precision == "town":
        # the dateline places a sentence with no place only when the story gives nothing nearer: a
        # lede that sets the story in another town of the country, far from a dateline the body
        # never names again ("MAIDUGURI - ... attacked the town of Monguno"), is the story's place
        location = _lede_town(doc, dateline) or _happening_place(doc, dateline)
    if location is None and dateline is not None and dateline.precision != "country":
        location = dateline
    if location is None and cc is not None:
        # an event at a place we lack goes to the division the story supports, never to another town
        location = (_focus_division(doc, cc, gaz) if any(_unknown_tied(doc, m) for m in ms)
                    else _story_focus(doc, cc))
        if location is None:
            c = gaz.country(cc)
            location = to_place(c, gaz) if c is not None else None
    if location is None and unknown_tied:
        # the happening's place is a name we lack: the division the story supports, never another town
        location = _focus_division(doc, main_country(doc), gaz)
        if location is not None:
            fell_back.append(location)
    if location is None:
        cc = main_country(doc)
        location = _focus_town(doc, cc) or _focus_region(doc, cc)
        if location is None and cc:
            c = gaz.country(cc)
            if c is not None:
                location = to_place(c, gaz)
    if (location is not None and location.precision == "region" and dateline is not None
            and not any(location is o for o in offset_points)
            and dateline.precision == "town" and location.admin1
            and (dateline.country, dateline.admin1) == (location.country, location.admin1)):
        # "ZEPHYRHILLS, Fla. - The Pasco Sheriff's Office responded to a shooting", "a home in west
        # Alabama" filed from a town there: the reporter's town is the closer answer
        location = dateline
    measured = location is not None and bool(picked) and picked[-1][4] is location and picked[-1][0] in near
    if location is not None and location.precision == "region" and not any(location is o for o in offset_points):
        # a province-level event sits at the province's seat, as coders place it
        location = _region_seat(location, gaz)
    if measured and location.precision == "region":
        # "60 km north of X" where X resolved as the county it is the seat of: measured from the seat
        off = _stated_offset(doc, picked[-1][0])
        if off is not None:
            location = _offset_point(location, *off)
    elif measured and location.precision == "town":
        # "30 km north of X": the event is near X, not in it; a town the story names that lies that
        # way from X is where ("north of the capital ... near the town of T")
        town = _town_that_way(doc, picked[-1][0], location)
        if town is not None:
            location = town
        else:
            # "a village about 40 km south of X" that the story names nowhere we know: the point the
            # distance and bearing give, for placing it in X errs by the whole distance
            off = _stated_offset(doc, picked[-1][0])
            location = (_offset_point(location, *off) if off is not None
                        else replace(location, precision="region"))
    if destination is not None and location is not None and destination == location:
        destination = None
    return location, destination


def resolve_given(doc: Doc, char_spans: list[tuple[int, int]], gaz: gz.Gazetteer | None = None,
                  fallback: bool = False) -> list[Place | None]:
    """Resolve given character spans (e.g. gold toponyms) with the article's own places as context.

    ``doc`` must have run through eventwire_toponyms (its mentions are the context).
    ``fallback``: a span with no gazetteer match takes the nearest place named in its sentence,
    else the article's focal town (as ``event_location`` does for an unknown village).
    """
    gaz = gaz or _gaz_of(doc)
    own = doc.user_data.get(USER_KEY) or []
    given: list[Mention | None] = []
    full = doc_text(doc)
    for s, e in char_spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not full[s:e].strip():
            given.append(None)
            continue
        a, b, hint = _strip_span(doc, span.start, span.end, gaz)
        if b <= a:
            a, b = span.start, span.end
        text = doc[a:b].text
        m = Mention(a, b, text, "given", hint=hint or _hint_after(doc, b) or _hint_before(doc, a),
                    cue=True)
        given.append(m)
    covered = {i for m in given if m is not None for i in range(m.start, m.end)}
    context = [Mention(s, e, text, "ent", hint=hint) for s, e, text, hint, _ in own
               if not any(i in covered for i in range(s, e))]
    allm = [m for m in given if m is not None] + context
    _mark_facility_names(doc, allm)
    _mark_local_names(doc, allm)
    demonyms = article_country_cues(doc)
    article = doc._.article if doc.has_extension("article") else None
    resolve_mentions(allm, gaz, demonyms, outlet_places(getattr(article, "title", None), gaz))
    out = [m.place if m is not None else None for m in given]
    if fallback:
        # A name we cannot place (a street, a building, a village we lack) is in all likelihood in
        # the town named nearest it in its sentence, else in the article's focal town.
        resolved = sorted((m for m in allm if m.place is not None and m.place.precision != "country"
                           and m.place.country is not None), key=lambda m: m.start)
        focus = _focus_town(doc, None)
        for k, m in enumerate(given):
            if m is None or out[k] is not None:
                continue
            sent = doc[m.start].sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else doc[:]
            near = [r for r in resolved if sent.start <= r.start < sent.end and r is not m]
            if near:
                out[k] = min(near, key=lambda r: abs(r.start - m.start)).place
            elif focus is not None:
                out[k] = focus
    return out
