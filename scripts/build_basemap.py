#!/usr/bin/env python3
"""Build the offline basemap that ``eventwire serve`` draws under its markers.

Source: the npm package ``world-atlas`` (Mike Bostock's TopoJSON of Natural
Earth's 1:110m countries; Natural Earth is public domain, the package ISC).
This script decodes the TopoJSON (quantized, delta-encoded arcs) into GeoJSON
in plain Python, rounds coordinates to 0.01 degree and writes
``src/eventwire/serve/static/world-110m.geojson``.

    python scripts/build_basemap.py                  # runs `npm pack world-atlas@2.0.2` in a temp dir
    python scripts/build_basemap.py world-atlas-2.0.2.tgz
    python scripts/build_basemap.py path/to/countries-110m.json
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-110m.json"
OUT = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "serve" / "static" / "world-110m.geojson"
DIGITS = 2  # 0.01 degree: about 1 km, far below what 1:110m data resolves


def load_topology(src: str | None) -> dict:
    if src and src.endswith(".json"):
        return json.loads(Path(src).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        if not src:
            r = subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit(f"build_basemap: npm pack {PACKAGE} failed: {r.stderr.strip().splitlines()[-1:]}")
            src = str(Path(tmp) / r.stdout.strip().splitlines()[-1])
        with tarfile.open(src) as tar:
            f = tar.extractfile(MEMBER)
            if f is None:
                sys.exit(f"build_basemap: {src}: no {MEMBER}")
            return json.loads(f.read().decode("utf-8"))


def decode_arcs(topo: dict) -> list[list[list[float]]]:
    """Absolute lon/lat positions of every arc (TopoJSON spec: delta-encoded when quantized)."""
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if tr:
            (kx, ky), (dx, dy) = tr["scale"], tr["translate"]
            x = y = 0
            pts = []
            for px, py in arc:
                x += px
                y += py
                pts.append([x * kx + dx, y * ky + dy])
        else:
            pts = [list(p[:2]) for p in arc]
        arcs.append(pts)
    return arcs


def ring(indexes: list[int], arcs: list) -> list[list[float]]:
    """Stitch arcs into a ring: a negative index ~i is arc i reversed; shared end points are not repeated."""
    out: list[list[float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def _round_ring(pts: list[list[float]]) -> list[list[float]]:
    out = []
    for x, y in pts:
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def geometry(g: dict, arcs: list) -> dict | None:
    t = g.get("type")
    if t == "Polygon":
        polys = [g["arcs"]]
    elif t == "MultiPolygon":
        polys = g["arcs"]
    else:
        return None
    out = []
    for poly in polys:
        rings = [_round_ring(ring(r, arcs)) for r in poly]
        rings = [r for r in rings if len(r) >= 4]
        if rings:
            out.append(rings)
    if not out:
        return None
    return {"type": "Polygon", "coordinates": out[0]} if len(out) == 1 else {"type": "MultiPolygon", "coordinates": out}


def to_geojson(topo: dict, name: str = "countries") -> dict:
    arcs = decode_arcs(topo)
    feats = []
    for g in topo["objects"][name]["geometries"]:
        geom = geometry(g, arcs)
        if geom is None:
            continue
        feats.append({"type": "Feature", "id": g.get("id"), "properties": {"name": (g.get("properties") or {}).get("name")}, "geometry": geom})
    return {
        "type": "FeatureCollection",
        "attribution": "Natural Earth 1:110m countries (public domain) via the world-atlas npm package",
        "features": feats,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?", help="world-atlas .tgz or countries-110m.json (default: npm pack)")
    ap.add_argument("--output", "-o", default=str(OUT))
    args = ap.parse_args(argv)
    gj = to_geojson(load_topology(args.source))
    text = json.dumps(gj, separators=(",", ":"), ensure_ascii=False)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(text + "\n", encoding="utf-8")
    print(f"{len(gj['features'])} countries -> {args.output} ({len(text) / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
