"""eventwire_actors: who does what to whom, normalized to canonical ACLED-style actors.

Writes ``doc.spans["ew_actors"]``: one span per actor mention, with
``Span._.actor = records.Actor(name, kind, country)``.

What it recognizes (data in ``eventwire/data/actors.yaml``, versioned):

- named armed groups and their aliases and transliterations ("IS", "ISIS",
  "Daesh", "Hizballah", "al-Shabab"), extended over the member noun that
  follows ("Hezbollah fighters", "Islamic State-linked militants") or tied to
  a generic noun by "of"/"from"/"loyal to" ("militants from al-Shabaab");
- a demonym or country name with a force noun: "Lebanese soldiers", "the
  Syrian army", "Nigeria's military", "Hong Kong police" -> "Military Forces
  of X" / "Police Forces of X" / "Government of X";
- bare force nouns ("the army", "troops", "security forces", "police") ->
  state forces of the article's main country (most-mentioned country or
  demonym, with the dateline and resolved toponyms as votes); generic when
  none can be inferred;
- group nouns: civilians/students/villagers -> "Civilians (X)",
  protesters -> "Protesters (X)", rioters -> "Rioters (X)", gunmen/militants
  -> "Unidentified Armed Group (X)";
- NER ORG spans that fuzzy-match an alias, or look like an armed group
  ("... Liberation Front"), and NORP + armed noun ("Tigrayan militiamen") as
  an identity militia.

``lookup_actor(text, country_hint=None)`` gives the same normalization for a
string, for other components.  ``main_country(doc)`` and
``main_armed_group(doc)`` expose the doc-level context.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..records import Actor
from . import extensions  # noqa: F401

GROUP = "ew_actors"

BRANCH_PREFIX = {"military": "Military Forces of", "police": "Police Forces of", "government": "Government of"}

# Modifiers allowed between a demonym and its force noun: "Somali national army",
# "Syrian government troops", "the Lebanese regular army".
_FORCE_MODIFIERS = {
    "national", "federal", "regular", "special", "elite", "security", "state", "government",
    "regime", "interim", "transitional", "central", "armed", "local", "provincial", "regional",
    "anti", "riot", "counter", "terrorism", "counterterrorism", "-", "'s", "’s", "s", "army",
    "military", "navy", "naval", "air", "ground", "border", "defence", "defense", "paramilitary",
    "new", "former", "allied", "backed", "led", "pro", "royal", "republican", "mobile", "police",
}
# A bare force noun preceded by one of these is not the state's: "rebel forces",
# "opposition troops", "Hezbollah forces" (the group match takes that one).
_NOT_STATE = {
    "rebel", "rebels", "opposition", "militia", "separatist", "insurgent", "islamist", "jihadist",
    "kurdish", "foreign", "coalition", "peacekeeping", "allied", "enemy", "private", "tribal",
    "clan", "ethnic", "militant", "terrorist", "extremist", "mercenary", "irregular", "volunteer",
    "resistance", "u.n.", "un", "international", "western", "multinational", "african",
}
# The head words of a state's armed force's own name ("... Defence Force", "... National Army").
_STATE_FORCE_HEADS = {"force", "forces", "army"}
# "Group-linked fighters": a hyphenated word after a group that keeps the phrase the group's.
_LINK_WORDS = {"linked", "affiliated", "allied", "aligned", "backed", "loyal", "inspired", "led", "run",
               "controlled", "supported", "sponsored"}
# Words that tie members to a group they are an affiliate of, not always the group itself.
_AFFILIATE_WORDS = {"linked", "affiliated", "allied", "aligned", "inspired"}
# "militants from al-Shabaab", "fighters loyal to the Taliban", "members of Boko Haram".
_TIE_WORDS = {"of", "from", "loyal", "belonging", "linked", "affiliated", "allied", "aligned", "to", "with",
              "the", "suspected", "believed", "be", "allegedly", "belong"}
_ARMED_ORG_WORDS = {
    "army", "front", "brigade", "brigades", "movement", "militia", "militias", "battalion", "liberation",
    "mujahideen", "mujahedeen", "jihad", "martyrs", "resistance", "rebels", "guerrillas", "insurgents",
    "fighters", "legion", "jamaat", "ansar", "harakat", "jabhat", "kataib",
}
_NOT_ARMED_ORG_WORDS = {"police", "ministry", "council", "party", "university", "bank", "news", "agency",
                        "tv", "television", "radio", "committee", "commission", "company", "red", "crescent",
                        "cross", "hospital", "school", "club", "league", "union", "association", "centre", "center"}
_RELIGIOUS_NORP = {"islamist", "islamists", "muslim", "muslims", "christian", "christians", "jihadist", "sunni",
                   "shia", "shiite", "shi'ite", "jewish", "catholic", "islamic", "arab", "arabs"}
_DETS = {"the", "a", "an", "some", "several", "many"}
# ACLED's generic identity-militia names, which take the country they act in: "Fulani Ethnic Militia (Mali)".
_PER_COUNTRY_MILITIA = re.compile(r"\b(Ethnic|Communal|Clan) Militia$")


def normalize(text: str) -> str:
    """Lowercase key: curly quotes straightened, hyphens as spaces, no leading "the"."""
    t = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-").lower()
    t = re.sub(r"[-‐]", " ", t)
    t = re.sub(r"[^\w' ./()]", " ", t)
    t = re.sub(r"\s+", " ", t).strip(" .,'")
    t = re.sub(r"^(the|a|an) ", "", t)
    return t


def _plural_key(text: str) -> str:
    return normalize(text)


@dataclass
class CountryInfo:
    code: str
    name: str  # short name for labels: "Syria", "Hong Kong"
    forces_name: str  # X in "Military Forces of X": "Syria", "China (Hong Kong)"
    demonyms: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


@dataclass
class ActorTable:
    version: str
    countries: dict[str, CountryInfo]
    groups: list[Actor]
    alias_to_group: dict[str, int]  # normalized alias -> index into groups
    acronym_to_group: dict[str, int]  # exact-case acronym -> index
    # normalized alias -> the groups it names only in their own country's news (and `local_in`'s): "occupation
    # forces" are Israel's in Palestinian news and Russia's in Ukrainian news
    local_alias_to_group: dict[str, list[int]]
    demonym_to_cc: dict[str, str]  # normalized demonym -> cc
    # normalized demonym -> every country it may name, when more than one: a demonym listed by two
    # countries ("Congolese") or the tail of another's ("Sudanese" of "South Sudanese", "Guinean" of
    # "Bissau-Guinean"); the story's country picks among them (shared_demonym)
    demonym_ccs: dict[str, tuple[str, ...]]
    name_to_cc: dict[str, str]  # normalized country name/alias -> cc
    acronym_country: dict[str, str]  # exact-case "US", "DRC" -> cc
    force_nouns: dict[str, str]  # normalized noun -> branch
    bare_force_nouns: dict[str, str]
    civilian_nouns: set[str]
    protester_nouns: set[str]
    rioter_nouns: set[str]
    armed_nouns: set[str]
    member_nouns: set[str]
    canonical: dict[str, Actor] = field(default_factory=dict)  # normalized canonical name -> Actor
    affiliates: dict[int, list[int]] = field(default_factory=dict)  # parent group -> its branches/affiliates
    operates_in: dict[int, set[str]] = field(default_factory=dict)  # affiliate -> countries where it is the branch
    splinters: dict[int, int] = field(default_factory=dict)  # parent group -> the faction that broke from it
    # group -> the countries whose news its local aliases name it in: its own, and those listed in
    # `local_in` (a force's local name where it acts: "occupation forces" in Palestinian news)
    local_in: dict[int, set[str]] = field(default_factory=dict)
    # _fuzzy_group's answers: (number of aliases when filled, the aliases as a list, key -> group or None)
    fuzzy_memo: list = field(default_factory=list, repr=False, compare=False)

    def state_forces(self, cc: str, branch: str = "military") -> Actor:
        info = self.countries.get(cc)
        x = info.forces_name if info else cc
        return Actor(f"{BRANCH_PREFIX[branch]} {x}", "state forces", cc)

    def label(self, cc: str | None) -> str | None:
        if not cc:
            return None
        info = self.countries.get(cc)
        return info.name if info else cc


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) or "." in s) and len(s.replace(".", "")) <= 6


def ov_shared(ov: dict | None) -> list[str]:
    """A country's demonyms that another country lists first ("Congolese": the Democratic Republic's
    by default, the Republic of Congo's in its own news)."""
    return list((ov or {}).get("shared_demonyms") or [])


def shared_demonym(table: ActorTable, demonym: str, cc: str, story_cc: str | None) -> str:
    """The country a demonym names: its default ``cc`` unless the demonym is shared and the story
    is in another country that shares it ("Congolese troops" in a Brazzaville story)."""
    ccs = table.demonym_ccs.get(normalize(demonym))
    if ccs and story_cc in ccs:
        return story_cc
    return cc


@lru_cache(maxsize=1)
def load_table() -> ActorTable:
    import pycountry

    raw = yaml.safe_load(resources.files("eventwire.data").joinpath("actors.yaml").read_text(encoding="utf-8"))
    overrides = raw.get("countries") or {}
    countries: dict[str, CountryInfo] = {}
    for c in pycountry.countries:
        ov = overrides.get(c.alpha_2) or {}
        short = ov.get("name") or getattr(c, "common_name", None) or c.name
        if "," in short:
            short = short.split(",")[0]
        names = {short, c.name, getattr(c, "common_name", "") or ""}
        names |= set(ov.get("aliases") or [])
        countries[c.alpha_2] = CountryInfo(
            c.alpha_2, short, ov.get("forces_name") or short, list(ov.get("demonyms") or []),
            sorted(n for n in names if n and "," not in n),
        )
    for cc, ov in overrides.items():  # codes pycountry lacks (XK)
        if cc not in countries:
            countries[cc] = CountryInfo(cc, ov["name"], ov.get("forces_name") or ov["name"],
                                        list(ov.get("demonyms") or []), [ov["name"], *(ov.get("aliases") or [])])

    demonym_to_cc: dict[str, str] = {}
    name_to_cc: dict[str, str] = {}
    acronym_country: dict[str, str] = {}
    dem_ccs: dict[str, list[str]] = {}
    for cc, info in countries.items():
        for d in info.demonyms:
            if _is_acronym(d):
                acronym_country[d] = cc
            else:
                demonym_to_cc.setdefault(normalize(d), cc)
                dem_ccs.setdefault(normalize(d), []).append(cc)
        for d in ov_shared(overrides.get(cc)):
            dem_ccs.setdefault(normalize(d), []).append(cc)
        for n in info.names:
            if _is_acronym(n):
                acronym_country[n] = cc
            else:
                name_to_cc.setdefault(normalize(n), cc)

    demonym_ccs: dict[str, tuple[str, ...]] = {}
    for d, ccs in dem_ccs.items():
        longer = [c for d2, cs in dem_ccs.items() if d2.endswith(" " + d) for c in cs]
        all_ccs = tuple(dict.fromkeys([demonym_to_cc.get(d, ccs[0]), *ccs, *longer]))
        if len(all_ccs) > 1 and d in demonym_to_cc:
            demonym_ccs[d] = all_ccs

    groups: list[Actor] = []
    alias_to_group: dict[str, int] = {}
    acronym_to_group: dict[str, int] = {}
    local_alias_to_group: dict[str, list[int]] = {}
    for g in raw.get("groups") or []:
        idx = len(groups)
        groups.append(Actor(g["name"], g["kind"], g.get("country")))
        for a in [g["name"], *(g.get("aliases") or [])]:
            if _is_acronym(a) and " " not in a:
                acronym_to_group.setdefault(a, idx)
            else:
                alias_to_group.setdefault(normalize(a), idx)
        for a in g.get("acronyms") or []:
            acronym_to_group.setdefault(a, idx)
        for a in g.get("local_aliases") or []:
            if not g.get("country"):
                raise ValueError(f"actors.yaml: group {g['name']!r} has local_aliases but no country")
            local_alias_to_group.setdefault(normalize(a), []).append(idx)

    def nounmap(section: dict) -> dict[str, str]:
        out = {}
        for branch, nouns in section.items():
            for n in nouns:
                out.setdefault(normalize(n), branch)
        return out

    table = ActorTable(
        version=str(raw.get("version")),
        countries=countries,
        groups=groups,
        alias_to_group=alias_to_group,
        acronym_to_group=acronym_to_group,
        local_alias_to_group=local_alias_to_group,
        demonym_to_cc=demonym_to_cc,
        demonym_ccs=demonym_ccs,
        name_to_cc=name_to_cc,
        acronym_country=acronym_country,
        force_nouns=nounmap(raw["state_force_nouns"]),
        bare_force_nouns=nounmap(raw["bare_state_force_nouns"]),
        civilian_nouns={normalize(n) for n in raw["civilian_nouns"]},
        protester_nouns={normalize(n) for n in raw["protester_nouns"]},
        rioter_nouns={normalize(n) for n in raw["rioter_nouns"]},
        armed_nouns={normalize(n) for n in raw["armed_nouns"]},
        member_nouns={normalize(n) for n in raw["member_nouns"]},
    )
    for g in groups:
        table.canonical[normalize(g.name)] = g
    by_name = {g.name: i for i, g in enumerate(groups)}
    for i, g in enumerate(raw.get("groups") or []):
        if g.get("affiliate_of"):
            table.affiliates.setdefault(by_name[g["affiliate_of"]], []).append(i)
            table.operates_in[i] = set(g.get("operates_in") or [])
        if g.get("splinter_of"):
            table.splinters[by_name[g["splinter_of"]]] = i
        if g.get("local_aliases"):
            table.local_in[i] = {g["country"], *(g.get("local_in") or [])}
    for cc in countries:
        for branch in BRANCH_PREFIX:
            a = table.state_forces(cc, branch)
            table.canonical.setdefault(normalize(a.name), a)
            table.canonical.setdefault(normalize(a.name.replace(" of the ", " of ")), a)
    return table


def data_version() -> str:
    return load_table().version


# --------------------------------------------------------------------------
# String lookup


def branch_in(a: Actor | None, cc: str | None) -> Actor | None:
    """The branch that acts for parent group ``a`` in country ``cc``: ACLED codes the Islamic State's
    attacks in Congo to its Central Africa Province and al Qaeda's in Yemen to AQAP, so the parent's
    name in a story of a happening there is that branch (``operates_in`` in actors.yaml; where two
    operate, the one the table lists first).  Any other actor, or a country no branch operates in
    (the parent's own ground), is kept."""
    if a is None or not cc or a.country is not None:
        return a
    t = load_table()
    g_i = next((i for i, g in enumerate(t.groups) if g == a), None)
    here = [b for b in t.affiliates.get(g_i, ()) if cc in t.operates_in.get(b, ())] if g_i is not None else []
    return t.groups[min(here)] if here else a


def _label_actor(label: str, kind: str, cc: str | None, table: ActorTable) -> Actor:
    name = table.label(cc)
    return Actor(f"{label} ({name})" if name else label, kind, cc)


def _noun_actor(key: str, cc: str | None, table: ActorTable, bare: bool, surface: str = "") -> Actor | None:
    """Actor for a (demonym-less or demonym-resolved) group noun key."""
    forces = table.bare_force_nouns if bare else table.force_nouns
    if key in forces:
        if cc:
            return table.state_forces(cc, forces[key])
        return Actor(surface or key, "state forces", None)
    if key in table.civilian_nouns:
        return _label_actor("Civilians", "civilians", cc, table)
    if key in table.protester_nouns:
        return _label_actor("Protesters", "protesters", cc, table)
    if key in table.rioter_nouns:
        return _label_actor("Rioters", "rioters", cc, table)
    if key in table.armed_nouns:
        return _label_actor("Unidentified Armed Group", "political militia", cc, table)
    return None


def _split_country_prefix(key: str, table: ActorTable) -> tuple[str | None, str]:
    """("lebanese", "army") from "lebanese army"; longest country prefix wins."""
    words = key.split(" ")
    for n in range(min(4, len(words) - 1), 0, -1):
        head = " ".join(words[:n])
        rest = words[n:]
        cc = table.demonym_to_cc.get(head) or table.name_to_cc.get(head)
        if cc is None and head.endswith("'s"):
            cc = table.name_to_cc.get(head[:-2])
        if cc is None and rest and rest[0] in ("'s", "s"):
            cc = table.name_to_cc.get(head)
            rest = rest[1:] if cc else rest
        if cc:
            return cc, " ".join(rest)
    return None, key


def _fuzzy_group(key: str, table: ActorTable) -> int | None:
    if len(key) < 5:
        return None
    from rapidfuzz import fuzz, process

    # Speed: the alias list is built once and each key scored once per table (thousands of aliases);
    # refilled when the table's aliases change.
    memo = table.fuzzy_memo
    if not memo or memo[0] != len(table.alias_to_group):
        memo[:] = [len(table.alias_to_group), list(table.alias_to_group), {}]
    answers = memo[2]
    if key not in answers:
        if len(answers) >= 50_000:  # bounded for long runs (watch, ingest)
            answers.clear()
        hit = process.extractOne(key, memo[1], scorer=fuzz.ratio, score_cutoff=90)
        answers[key] = table.alias_to_group[hit[0]] if hit else None
    return answers[key]


def lookup_actor(text: str, country_hint: str | None = None) -> Actor | None:
    """Canonical actor for a name or noun phrase, or None.

    "ISIS" -> Islamic State; "Hizballah" -> Hezbollah; "Lebanese soldiers" ->
    Military Forces of Lebanon; "troops" with country_hint "SY" -> Military
    Forces of Syria; "villagers" -> Civilians (country_hint's name).
    """
    if not text or not text.strip():
        return None
    table = load_table()
    stripped = text.strip()
    if stripped in table.acronym_to_group:
        return table.groups[table.acronym_to_group[stripped]]
    key = normalize(stripped)
    if not key:
        return None
    for g_i in table.local_alias_to_group.get(key, ()):  # "Maoists" are the CPI (Maoist) in Indian news only
        if country_hint in table.local_in.get(g_i, ()):  # (before the global names: "al-Shabaab" in Mozambique)
            return table.groups[g_i]
    if key in table.alias_to_group:
        return table.groups[table.alias_to_group[key]]
    if key in table.canonical:
        return table.canonical[key]
    # ACLED's period suffix: "Military Forces of Somalia (2017-2022)"
    no_years = re.sub(r"\s*\(\d{4}[\s-]*(\d{4})?\s*\)$", "", key)
    if no_years != key:
        return lookup_actor(no_years, country_hint)
    # "Civilians (Somalia)"-style labels.
    m = re.match(r"^(civilians|protesters|rioters|unidentified armed group) \((.+)\)$", key)
    if m:
        cc = table.name_to_cc.get(normalize(m.group(2)))
        kind = {"civilians": "civilians", "protesters": "protesters", "rioters": "rioters"}.get(
            m.group(1), "political militia")
        label = {"unidentified armed group": "Unidentified Armed Group"}.get(m.group(1), m.group(1).capitalize())
        return _label_actor(label, kind, cc, table)
    # "Islamic State (Syria)", "Islamic State (ISIS)", "Al Shabaab (Somalia)": the group, whatever the suffix
    m = re.match(r"^(.+?) \((.+)\)$", key)
    if m and not m.group(1).startswith(("military forces of", "police forces of", "government of")):
        inner = m.group(1)
        if inner in table.alias_to_group:
            return table.groups[table.alias_to_group[inner]]
    # Group alias + member noun: "isis fighters", "hezbollah militia members".
    words = key.split(" ")
    for n in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:n]), words[n:]
        if head in table.alias_to_group and all(w in table.member_nouns or w in _LINK_WORDS for w in rest):
            return table.groups[table.alias_to_group[head]]
    first = stripped.split()[0]
    if first in table.acronym_to_group and all(
            w in table.member_nouns or w in _LINK_WORDS for w in key.split(" ")[1:]):
        return table.groups[table.acronym_to_group[first]]
    # Demonym / country + noun.
    first_acr = stripped.split()[0].rstrip("'s").rstrip("’")
    cc, rest = _split_country_prefix(key, table)
    if cc is None and first_acr in table.acronym_country:
        cc, rest = table.acronym_country[first_acr], " ".join(key.split(" ")[1:])
    if cc:
        rest_words = [w for w in rest.split(" ") if w]
        # drop modifiers: "somali national army" -> "army"
        for i in range(len(rest_words)):
            sub = " ".join(rest_words[i:])
            actor = _noun_actor(sub, cc, table, bare=False)
            if actor:
                return actor
            if rest_words[i] not in _FORCE_MODIFIERS:
                break
        if not rest_words:
            return None
    actor = _noun_actor(key, country_hint, table, bare=True, surface=key)
    if actor:
        return actor
    actor = _noun_actor(key, country_hint, table, bare=False, surface=key)
    if actor and actor.kind != "state forces":
        return actor
    idx = _fuzzy_group(key, table)
    if idx is not None:
        return table.groups[idx]
    return None


# --------------------------------------------------------------------------
# The component


def _variants(text: str) -> set[str]:
    t = text.replace("’", "'")
    out = {t, t.replace("-", " "), t.replace("'", "’")}
    if "-" in t:
        out.add(t.replace("-", ""))
    if t.lower().startswith("al-") or " al-" in t.lower():
        out.add(re.sub(r"\b([Aa]l)-", r"\1 ", t))
    return {o for o in out if o.strip()}


class ActorsComponent:
    def __init__(self, nlp: Language):
        self.table = load_table()
        t = self.table
        vocab = nlp.vocab
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        tok = nlp.tokenizer

        def add(matcher, label, phrases):
            phrases = sorted({v for p in phrases for v in _variants(p)})
            if phrases:
                matcher.add(label, list(tok.pipe(phrases)))

        raw = yaml.safe_load(resources.files("eventwire.data").joinpath("actors.yaml").read_text(encoding="utf-8"))
        group_phrases: dict[int, list[str]] = {}
        for g_i, g in enumerate(raw.get("groups") or []):
            group_phrases[g_i] = [a for a in [g["name"], *(g.get("aliases") or [])]
                                  if not (_is_acronym(a) and " " not in a)]
        for g_i, phrases in group_phrases.items():
            add(self.lower, f"G{g_i}", phrases)
        for g_i, g in enumerate(raw.get("groups") or []):
            add(self.lower, f"L{g_i}", g.get("local_aliases") or [])
        for acr, g_i in t.acronym_to_group.items():
            self.exact.add(f"G{g_i}", [tok(acr)])
        by_cc_dem: dict[str, list[str]] = {}
        by_cc_name: dict[str, list[str]] = {}
        for cc, info in t.countries.items():
            by_cc_dem[cc] = [d for d in info.demonyms if not _is_acronym(d)]
            by_cc_name[cc] = [n for n in info.names if not _is_acronym(n)]
        for cc, ds in by_cc_dem.items():
            add(self.lower, f"D{cc}", ds)
        for cc, ns in by_cc_name.items():
            add(self.lower, f"C{cc}", ns)
        for acr, cc in t.acronym_country.items():
            self.exact.add(f"C{cc}", [tok(acr)])
        for cc, ds in by_cc_dem.items():  # "Palestinians", "Somalis": the people
            plurals = [d + "s" for d in ds if re.search(r"(an|i|ni|ite|ot)$", d) and " " not in d]
            add(self.lower, f"P{cc}", plurals)
        for branch in BRANCH_PREFIX:
            add(self.lower, f"F{branch}", [n for n, b in t.force_nouns.items() if b == branch])
        add(self.lower, "NCIV", t.civilian_nouns)
        add(self.lower, "NPROT", t.protester_nouns)
        add(self.lower, "NRIOT", t.rioter_nouns)
        add(self.lower, "NARMED", t.armed_nouns)
        add(self.lower, "NMEMBER", t.member_nouns)
        self.strings = vocab.strings

    # -- matches -----------------------------------------------------------
    def _matches(self, doc: Doc):
        out = []
        for mid, s, e in list(self.lower(doc)) + list(self.exact(doc)):
            label = self.strings[mid]
            out.append((label, s, e))
        return out

    def __call__(self, doc: Doc) -> Doc:
        t = self.table
        matches = self._matches(doc)
        groups: list[tuple[int, int, int]] = []  # (start, end, group index)
        countries: list[tuple[int, int, str, str]] = []  # (start, end, cc, D|C)
        nouns: dict[int, list[tuple[int, str]]] = {}  # start -> [(end, label)]
        people: list[tuple[int, int, str]] = []  # plural demonyms: "Palestinians"
        local: list[tuple[int, int, int]] = []  # local aliases, kept once the main country is known
        for label, s, e in matches:
            kind = label[0]
            if kind == "L":
                local.append((s, e, int(label[1:])))
            elif kind == "G":
                if label and self._acronym_ok(doc, s, e) and not self._inside_longer_name(doc, s, e):
                    groups.append((s, e, int(label[1:])))
            elif kind == "P":
                tok_ = doc[e - 1]
                if tok_.text[:1].isupper() and tok_.tag_ in ("NNS", "NNPS") and not (
                        tok_.dep_ in ("compound", "amod") and tok_.head.i > tok_.i):
                    people.append((s, e, label[1:]))
            elif kind in "DC":
                first = doc[s]
                if kind == "C" and e < len(doc) and doc[e].lower_ in _SUBNATIONAL:
                    continue  # "Niger state", "Congo river": not the country
                if first.text[:1].isupper() or first.is_upper:
                    countries.append((s, e, label[1:], kind))
            else:
                nouns.setdefault(s, []).append((e, label))
        # Longest group match first, no overlaps.
        groups = _longest(groups)
        group_tokens = {i for s, e, _ in groups for i in range(s, e)}
        countries = [c for c in _longest(countries) if c[0] not in group_tokens]
        # a demonym two countries share votes for neither; the story's country then picks its own
        shared = {c for c in countries if c[3] == "D" and normalize(doc[c[0]:c[1]].text) in t.demonym_ccs}
        main = self._main_country(doc, [c for c in countries if c not in shared])
        if main is None and shared:
            main = self._main_country(doc, countries)
        countries = [(s, e, shared_demonym(t, doc[s:e].text, cc, main), k) if (s, e, cc, k) in shared
                     else (s, e, cc, k) for s, e, cc, k in countries]
        doc.user_data["ew_main_country"] = main
        local = [x for x in local if main in t.local_in.get(x[2], ()) and not self._inside_longer_name(doc, x[0], x[1])]
        if local:
            # a local name beats a far group of the same name: "al-Shabaab" in a Mozambique story is
            # the insurgency there, not the Somali group (nor "al-Shabaab militants", its longer alias)
            far = {x for x in groups if any(x[0] <= s and e <= x[1] for s, e, _ in local)
                   and main != t.groups[x[2]].country and main not in t.operates_in.get(x[2], ())}
            groups = _longest([x for x in groups if x not in far] + local)
            group_tokens = {i for s, e, _ in groups for i in range(s, e)}
            countries = [c for c in countries if c[0] not in group_tokens]

        found: list[tuple[Span, Actor]] = []
        taken: set[int] = set()

        def take(s: int, e: int, actor: Actor):
            if any(i in taken for i in range(s, e)):
                return
            taken.update(range(s, e))
            found.append((Span(doc, s, e), actor))

        # 0. a faction named through its group: "dissidents of the former FARC", "the Islamic State's
        # regional branch": the splinter or the branch, not the group itself.
        for s, e, g_i in groups:
            res = self._faction(doc, s, e, g_i, main, groups)
            if res:
                take(*res)
        # 1. named groups, extended over member nouns.
        deferred: list[tuple[int, int]] = []
        for s, e, g_i in groups:
            actor = t.groups[g_i]
            if actor.kind == "identity militia" and _PER_COUNTRY_MILITIA.search(actor.name) and (main or actor.country):
                # "Fulani Ethnic Militia (Mali)": ACLED names a community's militia per country; a militia
                # with a name of its own ("Fano Militia", "Dan Na Ambassagou") keeps it bare
                cc_m = main or actor.country
                actor = Actor(f"{actor.name} ({t.label(cc_m)})", actor.kind, cc_m)
            s2 = s
            if s > 0 and (doc[s - 1].ent_type_ == "NORP" or normalize(doc[s - 1].text) in t.demonym_to_cc) \
                    and doc[s - 1].text[:1].isupper() and actor.country \
                    and t.demonym_to_cc.get(normalize(doc[s - 1].text)) == actor.country:
                s2 = s - 1  # "Lebanese Hezbollah"
            home = self._other_states_force(doc, s, e, actor)
            if home is not None:
                take(s - 1, e, home)  # "the Tanzania People's Defence Force": Tanzania's army, not Myanmar's PDF
                continue
            e2 = self._extend_member(doc, e, nouns)
            last = doc[e2 - 1]
            if e2 > e and last.lower_ in _GROUP_WORDS and any(w.lower_ in _LINK_WORDS for w in doc[s:e2]):
                # "an al Qaeda-allied group": the phrase describes another group
                nxt = next(((gs, ge, gi) for gs, ge, gi in groups if gs == e2), None)
                if nxt is not None:  # "Al Qaeda-linked group al Shabaab"
                    take(s2, nxt[1], t.groups[nxt[2]])
                    continue
                other = self._apposed_group(last, groups, (s, e))
                if other is not None:  # "al Shabaab, an al Qaeda-allied group"
                    actor = t.groups[other]
                elif s2 > 0 and doc[s2 - 1].lower_ == "the":  # "the al Qaeda-allied group": the story's group
                    deferred.append((s2, e2))
                    continue
            linked = e2 > e and (doc[e].lower_ in _AFFILIATE_WORDS or (
                doc[e].text in ("-", "–") and e + 1 < e2 and doc[e + 1].lower_ in _AFFILIATE_WORDS))
            if linked and actor == t.groups[g_i]:
                actor = t.groups[self._affiliate(g_i, main, groups)]  # "al Qaeda-linked fighters"
            take(s2, e2, actor)
        # 2. demonym/country + force or group noun.
        country_starts = {c[0]: c for c in countries}
        ends = {c[1] for c in countries}
        for s, e, cc, _k in countries:
            if s in ends:
                continue  # "Bosnian Serb forces", "Kosovo Serb police": a people of the first country, not the second's state
            res = self._country_phrase(doc, e, nouns, cc, main)
            if res:
                end, actor = res
                take(s, end, actor)
        # 2b. plural demonyms as the people of a country: "three Palestinians were killed"
        for s, e, cc in people:
            take(s, e, _label_actor("Civilians", "civilians", cc, t))
        # 3. generic nouns tied to a named group: "militants from al-Shabaab".
        group_at = {s: (s, e, g_i) for s, e, g_i in groups}
        for s in sorted(nouns):
            for e, label in sorted(nouns[s], reverse=True):
                if label not in ("NARMED", "NMEMBER") or any(i in taken for i in range(s, e)):
                    continue
                tie = self._tie(doc, e, group_at)
                if tie:
                    ge, g_i = tie
                    # the group's own span may already be taken: replace it by the whole phrase
                    found[:] = [(sp, a) for sp, a in found if not (sp.start >= e and sp.end <= ge)]
                    for i in range(e, ge):
                        taken.discard(i)
                    if doc[e].lower_ in _AFFILIATE_WORDS:  # "militants linked to al Qaeda"
                        g_i = self._affiliate(g_i, main, groups)
                    take(s, ge, t.groups[g_i])
                    break
        # 3b. "the group", "the militant group": the story's main named armed group, when there is one.
        main_group = _dominant_group([(sp, a) for sp, a in found])
        if main_group is not None:
            for s, e in deferred:
                take(s, e, main_group)
            for tok in doc:
                if tok.lower_ not in _GROUP_WORDS or tok.i in taken or tok.tag_ not in ("NN", "NNP"):
                    continue
                if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
                    continue  # "the group Boko Haram": the name is tagged already
                k = tok.i - 1
                while k >= 0 and k >= tok.i - 3 and doc[k].lower_ in _GROUP_ADJS:
                    k -= 1
                if k >= 0 and doc[k].lower_ == "the" and tok.dep_ not in ("compound", "amod"):
                    take(k + 1, tok.i + 1, main_group)
        # 3c. clans by name: "the Yambu and Kopa clans" -> "Yambu Clan Militia (Papua New Guinea)" each
        # (ACLED names a clan's fighters per country; the names are the proper nouns before "clan").
        for i, w in enumerate(extensions.doc_lowers(doc)):
            if w not in ("clan", "clans"):
                continue  # (a Token only for the clan words)
            tok = doc[i]
            if tok.pos_ in ("NOUN", "PROPN"):
                named = _clan_names(tok)
                for s, e, name in named:
                    lab = t.label(main)
                    take(s, e, Actor(f"{name} Clan Militia ({lab})" if lab else f"{name} Clan Militia",
                                     "identity militia", main))
                if not named and _clan_fighters(tok):
                    # "rival clans clashed", "clan militiamen", "clan fighting": ACLED's unidentified clan militia
                    lab = t.label(main)
                    # "clan militiamen" is one party; in "clan fighting" the clan alone is
                    end = tok.head.i + 1 if tok.head.i == tok.i + 1 and tok.head.lower_ in _CLAN_MEMBERS else tok.i + 1
                    take(tok.i, end, Actor(f"Unidentified Clan Militia ({lab})" if lab else
                                                 "Unidentified Clan Militia", "identity militia", main))
        # 4. NER NORP (not a country's people) + armed noun: "Tigrayan militiamen".
        for ent in extensions.doc_ents(doc):
            if ent.label_ not in ("NORP", "ORG") or len(ent) > 2 or ent.end >= len(doc) \
                    or any(i in taken for i in range(ent.start, ent.end)):
                continue
            key = normalize(ent.text)
            if key in t.demonym_to_cc or set(key.split(" ")) & _RELIGIOUS_NORP or key in t.name_to_cc:
                continue
            if ent.label_ == "ORG" and not re.search(r"(an|i|ese|ish)$", key):
                continue  # an ORG before "fighters" is a group name, left to step 6
            for e, label in sorted(nouns.get(ent.end, []), reverse=True):
                if (label in ("NARMED", "NMEMBER") or label == "Fmilitary") and \
                        normalize(doc[ent.end:e].text) not in ("coalition", "alliance", "group", "movement"):
                    lab = t.label(main)
                    name = ent.text.strip()
                    actor = Actor(f"{name} Ethnic Militia ({lab})" if lab else f"{name} Ethnic Militia",
                                  "identity militia", main)
                    take(ent.start, e, actor)
                    break
        # 5. bare nouns.
        for s in sorted(nouns):
            for e, label in sorted(nouns[s], reverse=True):
                if any(i in taken for i in range(s, e)):
                    break
                actor = self._bare(doc, s, e, label, main)
                if actor:
                    take(s, e, actor)
                    break
        # 6. NER: ORG that fuzzy-matches an alias or looks like an armed group.
        for ent in extensions.doc_ents(doc):
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            if ent.label_ == "ORG":
                actor = self._org_actor(ent, main)
                if actor:
                    s = ent.start + (1 if ent[0].lower_ == "the" else 0)
                    take(s, ent.end, actor)
        found.sort(key=lambda x: (x[0].start, x[0].end))
        spans = []
        for sp, actor in found:
            sp._.actor = actor
            spans.append(sp)
        doc.spans[GROUP] = spans
        return doc

    # -- helpers -----------------------------------------------------------
    def _affiliate(self, g_i: int, main: str | None, groups) -> int:
        """The group meant by a phrase that ties members to ``g_i`` ("al Qaeda-linked militants",
        "jihadists affiliated with the Islamic State"): an affiliate of it the story names, else
        its one affiliate in the story's country, else ``g_i`` itself."""
        t = self.table
        subs = t.affiliates.get(g_i)
        if not subs:
            return g_i
        named = [gi for _s, _e, gi in groups if gi in subs]
        if named:
            return named[0]
        # several branches in one country (ISCAP and the ADF in Congo): the one the table lists first
        here = [a for a in subs if main in t.operates_in.get(a, ())]
        return min(here) if here else g_i

    def _faction(self, doc: Doc, s: int, e: int, g_i: int, main: str | None, groups):
        """(start, end, actor) for a splinter or a branch named through group ``g_i``: "dissident
        members of the FARC", "a Boko Haram splinter faction" are the group that broke away (ACLED
        codes it as its own actor); "the Islamic State's regional branch", "the Afghan affiliate
        of IS" are the affiliate where the story is (or where the demonym says)."""
        t = self.table
        start = end = None
        word = cc = None
        # before: "<splinter/branch noun> [members] of|from [the] [former] GROUP [rebel group]"
        k = s - 1
        while k >= 0 and doc[k].lower_ in ("the", "former", "ex", "-", "defunct", "now"):
            k -= 1
        if k >= 1 and doc[k].lower_ in ("of", "from"):
            for j in range(k - 1, max(-1, k - 4), -1):
                w = doc[j]
                if w.lower_ in _SPLINTER_WORDS or w.lower_ in _BRANCH_WORDS:
                    start, word = j, w.lower_
                    break
                if w.pos_ not in ("NOUN", "ADJ", "PROPN") and w.lower_ not in ("-",):
                    break
            if start is not None:
                cc = next((t.demonym_to_cc.get(normalize(doc[j].text)) for j in range(max(0, start - 2), start)
                           if t.demonym_to_cc.get(normalize(doc[j].text))), None)
                end = e
                while end < len(doc) and end - e < 3 and doc[end].lower_ in _GROUP_TAIL:
                    end += 1
        if start is None and k >= 0 and k < s and doc[k].lower_ in _SPLINTER_WORDS:
            # before, as a modifier: "dissident FARC guerrillas", "breakaway ELN fighters"
            start, word, end = k, doc[k].lower_, e
            while end < len(doc) and end - e < 3 and (doc[end].lower_ in _GROUP_TAIL or doc[end].lower_ in _FACTION_HEADS):
                end += 1
        if start is None:
            # after: "GROUP['s] [modifiers] <splinter/branch noun> [group|faction|members]"
            i = e
            if i < len(doc) and doc[i].text in ("'s", "’s", "'"):
                i += 1
            for j in range(i, min(i + 3, len(doc))):
                w = doc[j]
                if w.lower_ in _SPLINTER_WORDS or w.lower_ in _BRANCH_WORDS:
                    start, word, end = s, w.lower_, j + 1
                    while end < len(doc) and end - j <= 2 and doc[end].lower_ in _FACTION_HEADS:
                        end += 1
                    break
                dem = t.demonym_to_cc.get(normalize(w.text))
                if dem:
                    cc = dem
                elif w.pos_ != "ADJ":
                    break
        if start is None:
            return None
        if word in _SPLINTER_WORDS:
            sp = t.splinters.get(g_i)
            if sp is not None:
                return start, end, t.groups[sp]
            parent = t.groups[g_i]
            if parent.kind not in ("rebel group", "political militia", "identity militia"):
                return None
            return start, end, _label_actor("Unidentified Armed Group", "political militia",
                                            main or parent.country, t)
        return start, end, t.groups[self._affiliate(g_i, cc or main, groups)]

    def _other_states_force(self, doc: Doc, s: int, e: int, actor: Actor) -> Actor | None:
        """A force's name ("People's Defence Force", "National Army") after the name of a country other
        than its group's home is that country's own force: "the Tanzania People's Defence Force", "the
        Uganda People's Defence Force" are their states' armies (the group's data says where it is from)."""
        if s == 0 or not actor.country or actor.kind == "state forces" or doc[e - 1].lower_ not in _STATE_FORCE_HEADS:
            return None
        prev = doc[s - 1]
        key = normalize(prev.text).removesuffix("'s")
        cc = self.table.name_to_cc.get(key)
        if not cc or cc == actor.country or not prev.text[:1].isupper():
            return None
        return self.table.state_forces(cc, "military")

    @staticmethod
    def _acronym_ok(doc: Doc, s: int, e: int) -> bool:
        """Exact-case acronyms in an all-caps line are words ("IS" in a shouted headline)."""
        tok = doc[s]
        if not tok.is_upper or len(tok.text) > 3:
            return True
        sent = tok.sent if doc.has_annotation("SENT_START") else doc[max(0, s - 5): e + 5]
        words = [w for w in sent if w.is_alpha]
        upper = sum(1 for w in words if w.is_upper)
        return upper < max(3, len(words) * 0.6)

    def _inside_longer_name(self, doc: Doc, s: int, e: int) -> bool:
        """A multi-word alias that is the tail of a longer capitalised name is another group's:
        "National Liberation Army" inside "Ta'ang National Liberation Army"."""
        if e - s < 2 or s == 0 or not doc[s].text[:1].isupper():
            return False
        prev = doc[s - 1]
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper() or prev.is_upper:
            return False
        if prev.lower_ in _ATTRIBUTIVE:  # "Suspected Boko Haram militants" opening a sentence
            return False
        if prev.ent_type_ in ("GPE", "NORP", "DATE", "TIME", "PERSON", "LOC"):
            return False
        key = normalize(prev.text)
        t = self.table
        return not (key in t.demonym_to_cc or key in t.name_to_cc or key.rstrip("'s") in t.name_to_cc)

    def _main_country(self, doc: Doc, countries) -> str | None:
        votes: Counter = Counter()
        first: dict[str, int] = {}
        for s, _e, cc, _k in countries:
            if _names_a_source(doc, s, _e):
                continue
            votes[cc] += 1
            first.setdefault(cc, s)
        for sp in doc.spans.get("ew_toponyms", []) if "ew_toponyms" in doc.spans else []:
            place = sp._.place
            if place is not None and place.country and not _names_a_source(doc, sp.start, sp.end):
                votes[place.country] += 1
                first.setdefault(place.country, sp.start)
        dl = doc._.dateline_place
        if dl is not None and getattr(dl, "country", None):
            votes[dl.country] += 1.5
            first.setdefault(dl.country, -1)
        if not votes:
            return None
        return max(votes, key=lambda c: (votes[c], -first.get(c, 0)))

    @staticmethod
    def _apposed_group(tok, groups, own) -> int | None:
        """Index of the named group that ``tok`` is in apposition to (either direction)."""
        cands = []
        if tok.dep_ == "appos":
            cands.append(tok.head.i)
        cands.extend(c.i for c in tok.children if c.dep_ == "appos")
        # the parser often misses the apposition: the nearest group before a comma right before the phrase
        for s, e, g_i in groups:
            if (s, e) == own:
                continue
            if any(s <= c < e for c in cands):
                return g_i
        left = tok.left_edge.i
        doc = tok.doc
        for s, e, g_i in groups:
            if (s, e) != own and e <= left and left - e <= 3 and any(doc[k].text == "," for k in range(e, left + 1)):
                return g_i
        return None

    def _extend_member(self, doc: Doc, e: int, nouns) -> int:
        """End of "GROUP[-linked] [adj] member-noun" starting at e."""
        i = e
        if i < len(doc) - 1 and doc[i].text in ("-", "–") and doc[i + 1].lower_ in _LINK_WORDS:
            i += 2
        elif i < len(doc) and doc[i].lower_ in _LINK_WORDS and doc[i].idx == doc[i - 1].idx + len(doc[i - 1].text):
            i += 1
        for skip in (0, 1):
            j = i + skip
            # one adjective or participle between: "Hezbollah armed fighters"; not a finite verb
            # ("the United Nations said fighters ...": the fighters are not the UN's)
            if skip and (j - 1 >= len(doc) or doc[j - 1].tag_ not in ("JJ", "VBN", "VBG")):
                break
            for end, label in sorted(nouns.get(j, []), reverse=True):
                if label in ("NMEMBER", "NARMED") or label == "Fmilitary":
                    # and on over a run of such nouns: "jihadist group", "militia fighters"
                    while True:
                        more = [e2 for e2, l2 in nouns.get(end, []) if l2 in ("NMEMBER", "NARMED")]
                        if not more:
                            break
                        end = max(more)
                    return end
        return e

    def _country_phrase(self, doc: Doc, e: int, nouns, cc: str, main: str | None = None):
        """(end, actor) for "<country/demonym> [modifiers] noun" starting after e."""
        t = self.table
        i = e
        if i < len(doc) and doc[i].text in ("'s", "’s", "'"):
            i += 1
        # "Turkish-backed fighters", "Iranian-allied militias": the country is the sponsor, not the actor
        if i + 1 < len(doc) and doc[i].text in ("-", "–") and doc[i + 1].lower_ in _SPONSOR_WORDS:
            for j in range(i + 2, min(i + 5, len(doc))):
                for end, label in sorted(nouns.get(j, []), reverse=True):
                    if label in ("NARMED", "NMEMBER") or label.startswith("Fmilitary"):
                        return end, _label_actor("Unidentified Armed Group", "political militia",
                                                 main if main != cc else None, t)
                if doc[j].pos_ not in ("ADJ", "NOUN"):
                    break
            return None
        best = None
        for j in range(i, min(i + 5, len(doc))):
            for end, label in sorted(nouns.get(j, []), reverse=True):
                last = doc[end - 1]
                if last.dep_ in ("compound", "amod", "nmod") and last.head.i >= end and last.head.pos_ in (
                        "NOUN", "PROPN") and normalize(last.head.text) not in t.force_nouns:
                    continue  # "Lebanese army base", "Somali government officials' offices"
                key = normalize(doc[j:end].text)
                if label.startswith("F"):
                    best = (end, t.state_forces(cc, label[1:]))
                    break
                if label in ("NCIV", "NPROT", "NRIOT", "NARMED") and best is None:
                    return end, _noun_actor(key, cc, t, bare=False)
            tok = doc[j]
            # keep going over modifiers: "Saudi Arabian-led military coalition", "Lebanese army soldiers"
            if not (tok.lower_ in _FORCE_MODIFIERS or (tok.pos_ in ("ADJ",) and tok.ent_type_ not in ("NORP", "GPE"))):
                break
        return best

    def _tie(self, doc: Doc, e: int, group_at):
        """(end, group) when a group follows through "of/from/loyal to" within a few tokens."""
        j = e
        steps = 0
        while j < len(doc) and steps < 5 and doc[j].lower_ in _TIE_WORDS and not (steps and j in group_at):
            j += 1  # (a group matched with its article, "the Islamic State", starts at "the")
            steps += 1
        if not steps:
            return None
        crossed = {w.lower_ for w in doc[e:j]}
        # "militants suspected to be from Boko Haram", "gunmen believed to belong to X"
        suspected = doc[e].lower_ in ("suspected", "believed", "allegedly") and crossed & {"of", "from", "to"}
        if steps and j in group_at and (suspected or doc[e].lower_ in ("of", "from", "loyal", "belonging", "linked",
                                                                        "affiliated", "allied", "aligned")):
            _s, ge, g_i = group_at[j]
            return ge, g_i
        return None

    def _bare(self, doc: Doc, s: int, e: int, label: str, main: str | None) -> Actor | None:
        t = self.table
        last = doc[e - 1]
        key = normalize(doc[s:e].text)
        # A modifier of another noun is not an actor: "police station", "civilian areas".
        if last.dep_ in ("compound", "amod", "nmod", "poss") and last.head.i >= e and last.head.pos_ in ("NOUN", "PROPN"):
            return None
        if last.pos_ not in ("NOUN", "PROPN", "PRON") and not (last.pos_ == "ADJ" and key in t.civilian_nouns):
            if not last.tag_.startswith("NN"):
                return None
        # "rebel-held", "militant-controlled": an adjective, not an actor
        if e + 1 < len(doc) and doc[e].text in ("-", "–") and doc[e + 1].tag_ in ("VBN", "VBD", "JJ"):
            return None
        # What stands right before: "rebel forces", "Hezbollah forces" are not the state's.
        prev = doc[s - 1] if s > 0 else None
        mods = {normalize(c.text) for c in last.children if c.dep_ in ("amod", "compound", "nmod") and c.i < s}
        if prev is not None:
            mods.add(normalize(prev.text))
        if label.startswith("F"):
            if key not in t.bare_force_nouns:
                # "artillery fired from across the Eritrean border", "tanks firing from Rwandan territory": a
                # state's weapon told by where it fired from is that state's, as "Eritrean artillery" is
                cc = self._origin_country(last) if t.force_nouns.get(key) == "military" else None
                return t.state_forces(cc, "military") if cc else None
            if mods & _NOT_STATE:
                return None
            if prev is not None and (prev.ent_type_ in ("NORP", "ORG", "PERSON") or prev.pos_ == "PROPN"):
                return None
            branch = t.bare_force_nouns[key]
            if main:
                return t.state_forces(main, branch)
            surface = doc[s:e].text.lower()
            return Actor(surface, "state forces", None)
        if label == "NMEMBER":
            return None
        if key == "people" or key == "persons" or key == "men":
            # "people" only as the victims or participants of a clause, not "the Somali people" etc.
            if last.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
                return None
        if label == "NARMED" and mods & {"pro", "government", "state"}:
            return None
        return _noun_actor(key, main, t, bare=False)

    def _origin_country(self, noun: Token) -> str | None:
        """The country a weapon fired from: "from [across] the X border / X territory / X" tied to the
        noun or to the firing verb it is the subject of or described by."""
        t = self.table
        verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
            verbs.append(noun.head)
        froms = [c for x in (noun, *verbs) for c in x.children if c.dep_ == "prep" and c.lower_ == "from"]
        for f in froms:
            places = [g for g in f.children if g.dep_ == "pobj"]
            # "from across the border", "from inside X"
            places += [g for c in f.children if c.dep_ in ("prep", "pcomp") for g in c.children if g.dep_ == "pobj"]
            for g in places:
                for w in (g, *(c for c in g.children if c.dep_ in ("amod", "compound", "poss"))):
                    k = normalize(w.text)
                    cc = t.demonym_to_cc.get(k) or (t.name_to_cc.get(k) if w.pos_ == "PROPN" else None)
                    if cc:
                        return cc
        return None

    def _org_actor(self, ent: Span, main: str | None) -> Actor | None:
        t = self.table
        key = normalize(ent.text)
        if key in t.alias_to_group:
            return t.groups[t.alias_to_group[key]]
        words = key.split(" ")
        if words[-1] in _UNIT_WORDS and any(re.fullmatch(r"\d+(st|nd|rd|th)?", w) or w in _ORDINALS for w in words):
            # "the 7th Brigade", "Fifth Division": a numbered formation is a state's army unit
            return t.state_forces(main) if main else None
        words = set(key.split(" "))
        idx = _fuzzy_group(key, t)
        if idx is not None:
            return t.groups[idx]
        if words & _ARMED_ORG_WORDS and not words & _NOT_ARMED_ORG_WORDS and len(ent) >= 2:
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            kind = "rebel group" if words & {"liberation", "army", "front", "rebels", "guerrillas", "insurgents",
                                             "mujahideen", "jihad"} else "political militia"
            return Actor(name.strip(), kind, main)
        return None


_UNIT_WORDS = {"brigade", "division", "battalion", "regiment", "corps", "squadron", "infantry"}
_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
             "twelfth"}
_SPONSOR_WORDS = {"backed", "supported", "sponsored", "allied", "aligned", "linked", "funded", "armed", "trained"}
_SUBNATIONAL = {"state", "province", "region", "district", "county", "river", "delta", "basin", "valley", "city",
                "governorate", "prefecture"}
# A faction that broke from a group is its own actor ("FARC dissidents"); a branch is the affiliate.
# Words that open a sentence before a group's name without being part of it.
_ATTRIBUTIVE = {"suspected", "alleged", "presumed", "armed", "heavily", "rival", "former", "local", "pro", "anti",
                "rebel", "militant", "jihadist", "islamist"}
_SPLINTER_WORDS = {"dissident", "dissidents", "splinter", "breakaway", "renegade", "renegades", "offshoot"}
_BRANCH_WORDS = {"branch", "affiliate", "franchise", "chapter"}
_FACTION_HEADS = {"group", "groups", "faction", "factions", "cell", "cells", "members", "fighters", "militants",
                  "commanders", "units", "movement"}
_GROUP_TAIL = {"rebel", "rebels", "guerrilla", "guerrillas", "group", "movement", "militia", "insurgency",
               "insurgents", "militant", "jihadist", "armed", "organisation", "organization"}
_GROUP_WORDS = {"group", "movement", "organisation", "organization", "outfit", "insurgency"}
_GROUP_ADJS = {"militant", "jihadist", "extremist", "islamist", "insurgent", "rebel", "armed", "terror",
               "terrorist", "radical", "-", "linked", "allied", "sunni", "shia", "shiite", "islamic", "al",
               "qaeda", "qaida", "somali", "nigerian", "extremists", "jihadi", "militia"}


def _names_a_source(doc: Doc, s: int, e: int) -> bool:
    """A country told only as the maker, seller or broker of a thing, not as where anything happens:
    the first half of a participle compound ("US-brokered deal", "Russian-made rifles", "French-backed
    project"), or the "from"/"by" of a participle that tells of a thing ("weapons smuggled in from the
    United States", "a truce brokered by Qatar").  It gives the story no country."""
    if e + 1 < len(doc) and doc[e].text in ("-", "–") and doc[e + 1].tag_ == "VBN" \
            and doc[e].idx == doc[e - 1].idx + len(doc[e - 1].text):
        return True
    head = doc[e - 1]
    while head.dep_ in ("compound", "det", "amod") and head.head.i != head.i and s <= head.head.i < e:
        head = head.head
    prep = head.head if head.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("from", "by"):
        return False
    verb = prep.head
    if verb.lower_ in ("in", "out", "over") and verb.dep_ in ("prep", "prt", "advmod"):  # "smuggled in from"
        verb = verb.head
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.pos_ == "NOUN"


def _dominant_group(found, skip_kinds=("state forces", "civilians", "protesters", "rioters", "external/other")) -> Actor | None:
    """The named armed group mentioned most among (span, actor) pairs; first mention breaks ties."""
    counts: Counter = Counter()
    first: dict[Actor, int] = {}
    for sp, a in found:
        if a is None or a.kind in skip_kinds:
            continue
        if a.name.startswith("Unidentified Armed Group"):
            continue
        counts[a] += 1
        first.setdefault(a, sp.start)
    if not counts:
        return None
    return max(counts, key=lambda a: (counts[a], -first[a]))


def _longest(items):
    """Non-overlapping, longest first, then leftmost; two groups on one span: the one listed first
    in actors.yaml (the whole tuple breaks the tie, not the arbitrary order of a set)."""
    items = sorted(set(items), key=lambda x: (-(x[1] - x[0]), x[0], x))
    used: set[int] = set()
    out = []
    for it in items:
        rng = range(it[0], it[1])
        if any(i in used for i in rng):
            continue
        used.update(rng)
        out.append(it)
    return sorted(out)


@Language.factory("eventwire_actors")
def make_actors(nlp: Language, name: str):
    return ActorsComponent(nlp)


def main_country(doc: Doc) -> str | None:
    """ISO code of the article's main country as the actors component inferred it."""
    return doc.user_data.get("ew_main_country")


def main_armed_group(doc: Doc) -> Actor | None:
    """The named non-state group mentioned most in the doc (first mention breaks ties), if any.

    Useful to resolve "the militants" / "the jihadists" when one group dominates a story.
    """
    spans = doc.spans[GROUP] if GROUP in doc.spans else []
    return _dominant_group(((sp, sp._.actor) for sp in spans), skip_kinds=("state forces", "civilians", "protesters", "rioters"))


def actors_in(span) -> list[Span]:
    """Actor spans inside a sentence or span."""
    doc = span.doc
    if GROUP not in doc.spans:
        return []
    return [sp for sp in doc.spans[GROUP] if sp.start >= span.start and sp.end <= span.end]


def _clan_names(clan: Token) -> list[tuple[int, int, str]]:
    """The named clans a "clan(s)" noun heads: its proper-noun modifiers and their conjuncts
    ("the Yambu and Kopa clans", "the Hawiye clan"); the last name's span takes the noun too."""
    mods = [c for c in clan.lefts if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"]
    out = []
    for m in mods:
        for x in (m, *m.conjuncts):
            if x.pos_ == "PROPN" and x.i < clan.i:
                out.append(x)
    out = sorted(set(out), key=lambda x: x.i)
    spans = []
    for k, x in enumerate(out):
        end = clan.i + 1 if k == len(out) - 1 and x.i == clan.i - 1 else x.i + 1
        spans.append((x.i, end, x.text))
    return spans


# What a bare clan noun must head or modify to be the clan's fighters, not its elders or members.
_CLAN_MEMBERS = {"militia", "militias", "militiaman", "militiamen", "fighter", "fighters", "gunmen"}
_CLAN_ARMED = _CLAN_MEMBERS | {"fighting", "clash", "clashes", "violence", "war", "warfare"}


def _clan_fighters(clan: Token) -> bool:
    """"rival clans clashed" (the clans as the subject of a verb), "clan militiamen", "clan fighting"."""
    if clan.dep_ in ("compound", "amod", "nmod"):
        return clan.head.lower_ in _CLAN_ARMED
    return clan.lower_ == "clans" and clan.dep_ == "nsubj"
