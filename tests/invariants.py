"""What every event record must satisfy: the JSON Schema in the package, plus what a schema cannot say."""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(resources.files("eventwire").joinpath("data/event.schema.json").read_text())


@lru_cache(maxsize=1)
def validator():
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(rec: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '<record>'}: {e.message}" for e in validator().iter_errors(rec)]


def record_problems(rec: dict, texts: dict[str, str] | None = None) -> list[str]:
    """Everything wrong with one record; ``texts`` maps article id -> body text for the span checks."""
    out = schema_errors(rec)
    if out:
        return out
    if rec["date"] is not None:
        lo, hi = (date.fromisoformat(d) for d in rec["date_range"])
        if rec["date"] != rec["date_range"][0] or lo > hi:
            out.append(f"date {rec['date']} not the start of an ordered range {rec['date_range']}")
        if rec["date_precision"] == "day" and lo != hi:
            out.append(f"day precision with a range of several days {rec['date_range']}")
    fr = rec.get("fatalities_range")
    if fr is not None and rec["fatalities"] is not None and not fr[0] <= rec["fatalities"] <= fr[1]:
        out.append(f"fatalities {rec['fatalities']} outside fatalities_range {fr}")
    for k, (lo, hi) in (rec.get("count_ranges") or {}).items():
        if lo > hi or (k in rec["counts"] and not lo <= rec["counts"][k] <= hi):
            out.append(f"count {k}={rec['counts'].get(k)} outside its range [{lo}, {hi}]")
    for s in rec["sources"]:
        a, b = s["span"]
        if not a < b:
            out.append(f"empty or reversed span {s['span']}")
        if texts is not None:
            text = texts.get(s["article_id"])
            if text is None:
                out.append(f"source of an unknown article {s['article_id']}")
            elif b > len(text):
                out.append(f"span {s['span']} beyond the article's {len(text)} characters")
            elif text[a:b] != s["sentence"]:
                out.append(f"span {s['span']} reads {text[a:b][:60]!r}, not the evidence {s['sentence'][:60]!r}")
    return out
