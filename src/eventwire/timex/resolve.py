"""Resolution of recognized expressions against the publication date.

Every rule is written as a function of one anchor day.  A publication date
known only to the month (or year) is an interval of possible anchor days: the
rule runs on its first and last day and the value is the union of both answers,
so "on Saturday" in an article of "2019-12" honestly becomes a range over the
month instead of a made-up day.  Without any publication date, only
expressions that need no anchor ("in 2014", "19 August 2017") resolve.

Arithmetic on months and years is python-dateutil's ``relativedelta``.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from dateutil.relativedelta import TH, relativedelta

from .grammar import MONTHS, ORDINALS, WEEKDAYS, Match, number

PAST, FUTURE, PRESENT = "past", "future", "present"
TOD_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
             "overnight": "NI"}
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9), "winter": ("WI", 12)}
UNIT_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
             "weekend": "WE", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q"}
# slack (days) of an approximate offset ("nearly a week after")
SLACK = {"second": 0, "minute": 0, "hour": 0, "day": 1, "night": 1, "week": 3, "weekend": 3,
         "month": 10, "quarter": 30, "year": 120, "decade": 1200, "century": 12000}
APPROX_BELOW = ("nearly", "almost", "less than", "under", "within", "barely", "close to", "up to")
APPROX_ABOVE = ("more than", "over", "at least", "well over")
APPROX_AROUND = ("about", "around", "roughly", "approximately", "some")


def precision_of_range(start: date, end: date) -> str:
    n = (end - start).days + 1
    if n <= 1:
        return "day"
    if n <= 10:
        return "week"
    if n <= 45:
        return "month"
    return "year"


@dataclass(frozen=True)
class Anchor:
    """The publication date as an interval of possible days."""

    start: date | None
    end: date | None
    precision: str  # day | month | year | unknown

    @classmethod
    def of(cls, published: date | None, precision: str | None) -> "Anchor":
        if published is None:
            return cls(None, None, "unknown")
        if precision == "month":
            last = calendar.monthrange(published.year, published.month)[1]
            return cls(published.replace(day=1), published.replace(day=last), "month")
        if precision == "year":
            return cls(date(published.year, 1, 1), date(published.year, 12, 31), "year")
        return cls(published, published, "day")

    @property
    def known(self) -> bool:
        return self.start is not None


@dataclass
class TValue:
    """A resolved expression: the range of days it covers and its TIMEX3 value."""

    start: date | None
    end: date | None
    precision: str
    timex3: str
    ttype: str = "DATE"  # DATE | TIME | DURATION | SET (TimeML)
    kind: str = "date"  # date | duration | set (records.Timex)
    background: bool = False
    ref: bool = False  # PRESENT_REF / PAST_REF / FUTURE_REF: says nothing about an event's day
    # Anaphoric: (offset days or relativedelta, unit, approx) to apply to a reference time
    relative: tuple | None = None
    needs_day: bool = False  # a clock time: takes its day from the sentence

    @property
    def known(self) -> bool:
        return self.start is not None


def unknown(timex3: str = "XXXX-XX-XX", ttype: str = "DATE", kind: str = "date", **kw) -> TValue:
    return TValue(None, None, "unknown", timex3, ttype, kind, **kw)


# ---------------------------------------------------------------- helpers


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_range(d: date) -> tuple[date, date]:
    mon = d - timedelta(days=d.weekday())
    return mon, mon + timedelta(days=6)


def day_value(d: date, tod: str | None = None) -> TValue:
    t = d.isoformat()
    if tod:
        return TValue(d, d, "day", f"{t}T{TOD_CODES.get(tod.lower(), 'XX')}", "TIME")
    return TValue(d, d, "day", t)


def range_value(start: date, end: date, timex3: str, precision: str | None = None, **kw) -> TValue:
    return TValue(start, end, precision or precision_of_range(start, end), timex3, **kw)


def month_value(y: int, m: int, pre: str | None = None) -> TValue:
    s, e = date(y, m, 1), month_end(y, m)
    s, e = _part(s, e, pre)
    return TValue(s, e, "month" if not pre else precision_of_range(s, e), f"{y}-{m:02d}")


def year_value(y: int, pre: str | None = None) -> TValue:
    s, e = _part(date(y, 1, 1), date(y, 12, 31), pre)
    return TValue(s, e, "year", f"{y}")


def _part(s: date, e: date, pre: str | None) -> tuple[date, date]:
    """early / mid / late / the end of ...: a third of the period."""
    if not pre:
        return s, e
    p = " ".join(pre.lower().replace("-", " ").split())
    n = (e - s).days + 1
    third = max(n // 3, 1)
    # a week's ends round up: "late last week" is Friday to Sunday (news tells a Friday that way),
    # not the weekend alone; "early last week" Monday to Wednesday (a month's third is whole days)
    end_part = -(-n // 3) if n <= 10 else third
    if p.startswith(("early", "the beginning", "the start")):
        return s, s + timedelta(days=end_part - 1)
    if p.startswith(("late", "the end")):
        return e - timedelta(days=end_part - 1), e
    if p.startswith(("mid", "the middle")):
        return s + timedelta(days=third), e - timedelta(days=third)
    return s, e


def _timex3_of_range(s: date, e: date, prec: str) -> str:
    if prec == "day":
        return s.isoformat()
    if prec == "week" and iso_week(s) == iso_week(e):
        return iso_week(s)
    if s.year == e.year and s.month == e.month:
        return f"{s.year}-{s.month:02d}"
    if s.year == e.year:
        return f"{s.year}"
    return "XXXX"


def over_anchor(anchor: Anchor, fn) -> TValue:
    """Run ``fn(day) -> TValue`` over the anchor interval (see module doc)."""
    if not anchor.known:
        return unknown()
    a = fn(anchor.start)
    if anchor.precision == "day" or anchor.start == anchor.end:
        return a
    b = fn(anchor.end)
    if not (a.known and b.known):
        return a
    s, e = min(a.start, b.start), max(a.end, b.end)
    prec = precision_of_range(s, e)
    if a.timex3 == b.timex3:
        t3 = a.timex3
    else:
        t3 = _timex3_of_range(s, e, prec)
    return replace(a, start=s, end=e, precision=prec if (s, e) != (a.start, a.end) else a.precision, timex3=t3)


def infer_year(m: int, d: int, anchor_day: date, tense: str) -> date | None:
    """The year of "December 28" told on ``anchor_day`` in a clause of ``tense``."""
    def mk(y):
        try:
            return date(y, m, d)
        except ValueError:
            return None

    y = anchor_day.year
    cand = mk(y)
    if cand is None:
        cand = mk(y - 1) or mk(y + 1)
        return cand
    if tense == PAST:
        if cand > anchor_day + timedelta(days=7):
            return mk(y - 1)
        return cand
    if tense == FUTURE:
        if cand < anchor_day - timedelta(days=7):
            return mk(y + 1)
        return cand
    # cannot tell: the nearest occurrence, a past one preferred up to twice as far
    options = [c for c in (mk(y - 1), cand, mk(y + 1)) if c]
    return min(options, key=lambda c: (c - anchor_day).days * (-0.5 if c <= anchor_day else 1))


def weekday_on(anchor_day: date, wd: int, tense: str, det: str | None) -> date:
    cur = anchor_day.weekday()
    det = (det or "").lower()
    if det == "last" or det == "past":
        back = (cur - wd) % 7 or 7
        return anchor_day - timedelta(days=back)
    if det in ("next", "coming"):
        fwd = (wd - cur) % 7 or 7
        return anchor_day + timedelta(days=fwd)
    if det == "this":
        return anchor_day + timedelta(days=wd - cur)
    back, fwd = (cur - wd) % 7, (wd - cur) % 7
    if tense == FUTURE:
        return anchor_day + timedelta(days=fwd)
    if tense == PRESENT and fwd < back and back > 3:
        return anchor_day + timedelta(days=fwd)  # cannot tell: the nearest one
    return anchor_day - timedelta(days=back)


def month_year(anchor_day: date, m: int, tense: str, det: str | None) -> int:
    y, cur = anchor_day.year, anchor_day.month
    det = (det or "").lower()
    if det in ("last", "past"):
        return y - 1  # "last February": February of last year (TimeML convention)
    if det in ("next", "coming"):
        return y + 1
    if det == "this":
        return y
    if tense == FUTURE:
        return y if m >= cur else y + 1
    if tense == PRESENT:
        # cannot tell: the nearest occurrence, a past one preferred up to twice as far
        return min((y - 1, y, y + 1), key=lambda yy: ((yy * 12 + m) - (y * 12 + cur)) * (
            -0.5 if yy * 12 + m <= y * 12 + cur else 1))
    return y if m <= cur else y - 1


def season_range(y: int, code: str) -> tuple[date, date]:
    if code == "WI":
        return date(y, 12, 1), month_end(y + 1, 2)
    start = {"SP": 3, "SU": 6, "FA": 9}[code]
    return date(y, start, 1), month_end(y, start + 2)


def season_year(anchor_day: date, code: str, tense: str, det: str | None) -> int:
    """Year of the season's first month (winter: its December)."""
    y = anchor_day.year
    det = (det or "").lower()
    # the season that contains the anchor day, as (year)
    s_this, e_this = season_range(y if not (code == "WI" and anchor_day.month <= 2) else y - 1, code)
    this_y = s_this.year
    if det == "this":
        return this_y
    if det in ("last", "past"):
        return this_y - 1  # "last spring": the spring of last year
    if tense == PAST:
        return this_y if s_this <= anchor_day else this_y - 1
    # next / future
    if det in ("next", "coming"):
        return this_y if s_this > anchor_day else this_y + 1
    return this_y if e_this >= anchor_day else this_y + 1


def offset(unit: str, n: float) -> relativedelta:
    u = unit.lower().rstrip("s")
    if u.startswith("centur"):
        u = "century"
    if u in ("day", "night"):
        return relativedelta(days=round(n))
    if u in ("week", "weekend"):
        return relativedelta(days=round(7 * n))
    if u == "month":
        return relativedelta(months=round(n)) if float(n).is_integer() else relativedelta(days=round(30 * n))
    if u == "quarter":
        return relativedelta(months=round(3 * n))
    if u == "year":
        return relativedelta(years=round(n)) if float(n).is_integer() else relativedelta(months=round(12 * n))
    if u == "decade":
        return relativedelta(years=round(10 * n))
    if u == "century":
        return relativedelta(years=round(100 * n))
    if u == "hour":
        return relativedelta(hours=round(n)) if n >= 1 else relativedelta()
    return relativedelta()


def norm_unit(unit: str) -> str:
    u = unit.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


def duration_code(n: float | None, unit: str) -> str:
    u = norm_unit(unit)
    code = UNIT_CODE.get(u, "X")
    if u == "decade" and n is not None:
        n, code = n * 10, "Y"
    if n is not None and not float(n).is_integer() and u in ("year", "hour", "day"):
        whole, frac = int(n), n - int(n)
        sub = {"year": ("Y", 12, "M"), "hour": ("H", 60, "M"), "day": ("D", 24, "H")}[u]
        t = "T" if u == "hour" else ""
        return f"P{t}{whole}{sub[0]}{round(frac * sub[1])}{sub[2]}" if u != "day" else f"P{whole}DT{round(frac * 24)}H"
    if n is None:
        num = "X"
    else:
        num = str(int(n)) if float(n).is_integer() else str(n)
    if u in ("hour", "minute", "second"):
        return f"PT{num}{code}"
    if u == "weekend":
        return f"P{num}WE"
    return f"P{num}{code}"


def value_at_unit(t: date, unit: str) -> TValue:
    """The period of ``unit`` granularity that contains ``t``."""
    u = norm_unit(unit)
    if u in ("second", "minute", "hour", "day", "night"):
        return day_value(t)
    if u in ("week", "weekend"):
        s, e = week_range(t)
        return TValue(s, e, "week", iso_week(t))
    if u == "month":
        return month_value(t.year, t.month)
    if u == "quarter":
        q = (t.month - 1) // 3 + 1
        return TValue(date(t.year, 3 * q - 2, 1), month_end(t.year, 3 * q), "month", f"{t.year}-Q{q}")
    if u == "decade":
        y0 = t.year // 10 * 10
        return TValue(date(y0, 1, 1), date(y0 + 9, 12, 31), "year", f"{t.year // 10}")
    if u == "century":
        y0 = t.year // 100 * 100
        return TValue(date(y0, 1, 1), date(y0 + 99, 12, 31), "year", f"{t.year // 100}")
    return year_value(t.year)


def shifted(ref: TValue, rel: tuple) -> TValue:
    """Apply an anaphoric offset (delta, unit, approx, sign) to a reference value."""
    delta, unit, approx, _sign = rel
    if not ref.known:
        return unknown()
    u = norm_unit(unit)
    if ref.precision == "day":
        if u in ("second", "minute", "hour"):
            return day_value(ref.start)  # hours rarely cross midnight in news
        t = ref.start + delta
        if approx or u in ("week", "weekend") and not approx:
            slack = SLACK.get(u, 0)
            if approx in APPROX_BELOW:
                s, e = (t - timedelta(days=slack), t) if _sign > 0 else (t, t + timedelta(days=slack))
            elif approx in APPROX_ABOVE:
                s, e = (t, t + timedelta(days=slack)) if _sign > 0 else (t - timedelta(days=slack), t)
            else:
                s, e = t - timedelta(days=slack), t + timedelta(days=slack)
            if u in ("day", "night") and not approx:
                return day_value(t)
            v = value_at_unit(t, u)
            return replace(v, start=s, end=e, precision=precision_of_range(s, e))
        if u in ("day", "night"):
            return day_value(t)
        return value_at_unit(t, u)
    qm = re.fullmatch(r"(\d{4})-Q([1-4])", ref.timex3 or "")
    if qm and u == "year" and isinstance(delta, relativedelta):
        y, q = int(qm.group(1)) + delta.years, int(qm.group(2))
        return TValue(date(y, 3 * q - 2, 1), month_end(y, 3 * q), "month", f"{y}-Q{q}")
    # a coarser reference: shift its range and keep its precision
    if u in ("second", "minute", "hour"):
        s, e = ref.start, ref.end
    else:
        s, e = ref.start + delta, ref.end + delta
    return TValue(s, e, precision_of_range(s, e), _timex3_of_range(s, e, precision_of_range(s, e)))


# ---------------------------------------------------------------- rules


def resolve(m: Match, text: str, anchor: Anchor, tense: str) -> TValue:
    """The value of a recognized expression (anaphoric ones carry ``relative``)."""
    g = m.groups
    fn = _RESOLVERS.get(m.rule)
    if fn is None:
        return unknown()
    v = fn(g, anchor, tense, text[m.start:m.end])
    if "_clock" in g:
        hm = _r_clock(g["_clock"], anchor, tense, text).timex3.split("T", 1)[1]
        base = v.timex3.split("T", 1)[0]
        v = replace(v, timex3=f"{base}T{hm}", ttype="TIME")
    return v


def _mon_num(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _wd_num(s: str) -> int:
    return WEEKDAYS[s.lower().rstrip(".")]


def _day_num(s: str) -> int:
    return int("".join(ch for ch in s if ch.isdigit()))


def _r_iso(g, anchor, tense, text):
    try:
        return day_value(date(int(g["y"]), int(g["m"]), int(g["d"])))
    except ValueError:
        return unknown()


def _r_num(g, anchor, tense, text):
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    m, d = (a, b) if a <= 12 else (b, a)
    try:
        return day_value(date(y, m, d))
    except ValueError:
        return unknown()


def _r_md(g, anchor, tense, text):
    v = _r_md_day(g, anchor, tense, text)
    if g.get("day2") and v.known:
        # "Aug. 19-20": the nights and days between
        d2 = _day_num(g["day2"])
        try:
            e = v.end.replace(day=d2)
        except ValueError:
            return v
        if e > v.start:
            return TValue(v.start, e, precision_of_range(v.start, e), _timex3_of_range(v.start, e, "week"))
    return v


def _r_md_day(g, anchor, tense, text):
    m, d = _mon_num(g["mon"]), _day_num(g["day"])
    if g.get("year"):
        try:
            return day_value(date(int(g["year"]), m, d))
        except ValueError:
            return unknown()
    if not anchor.known:
        return unknown(f"XXXX-{m:02d}-{d:02d}")

    def fn(a):
        dd = infer_year(m, d, a, tense)
        return day_value(dd) if dd else unknown()

    return over_anchor(anchor, fn)


def _r_month_year(g, anchor, tense, text):
    return month_value(int(g["year"]), _mon_num(g["mon"]), g.get("pre"))


def _r_month_rel_year(g, anchor, tense, text):
    m = _mon_num(g["mon"])
    step = {"last": -1, "this": 0, "next": 1}[g["det"].lower()]
    if not anchor.known:
        return unknown(f"XXXX-{m:02d}")
    return over_anchor(anchor, lambda a: month_value(a.year + step, m, g.get("pre")))


def _r_month(g, anchor, tense, text):
    m = _mon_num(g["mon"])
    pre = g.get("pre")
    if pre and pre.strip().lower().startswith(("earlier", "later")):
        pre = None
    if not anchor.known:
        return unknown(f"XXXX-{m:02d}")
    return over_anchor(anchor, lambda a: month_value(month_year(a, m, tense, g.get("det")), m, pre))


def _r_weekday(g, anchor, tense, text):
    wd = _wd_num(g["wd"])
    tod = g.get("tod")
    if not anchor.known:
        return unknown(f"XXXX-WXX-{wd + 1}")
    return over_anchor(anchor, lambda a: day_value(weekday_on(a, wd, tense, g.get("det")), tod))


def _r_day_word(g, anchor, tense, text):
    w = g["w"].lower()
    tod = g.get("tod")
    if w == "tonight":
        tod = "night"
    if w == "overnight":
        tod = "night"
    off = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1}[w]
    return over_anchor(anchor, lambda a: day_value(a + timedelta(days=off), tod))


def _r_day_before(g, anchor, tense, text):
    off = -2 if g["dir"].lower().startswith("before") else 2
    return over_anchor(anchor, lambda a: day_value(a + timedelta(days=off)))


def _r_this_tod(g, anchor, tense, text):
    det = " ".join(g["det"].lower().split())
    tod = g["tod"].lower()
    if det in ("that", "the same"):
        return TValue(None, None, "unknown", "XXXX-XX-XX", relative=(relativedelta(), "day", None, 0))
    off = -1 if det == "last" and tod in ("night", "evening") else 0
    if det == "last" and tod in ("morning", "afternoon"):
        off = -1
    return over_anchor(anchor, lambda a: day_value(a + timedelta(days=off), tod))


def _r_anaphoric(g, anchor, tense, text):
    det = (g.get("det") or "same").lower()
    unit = (g.get("unit") or "day").lower()
    sign = {"same": 0, "following": 1, "next": 1, "previous": -1, "preceding": -1}[det]
    if unit in ("morning", "night"):
        unit = "day"
    return TValue(None, None, "unknown", "XXXX-XX-XX", relative=(offset(unit, sign) if sign else relativedelta(),
                                                                  unit, None, sign))


def _r_year_ago_adj(g, anchor, tense, text):
    """"the year-earlier quarter": a year before the period referred to before."""
    if text.lower().replace("the ", "").startswith("corresponding"):
        if "quarter" not in text.lower() and "period" not in text.lower():
            return unknown()
    return TValue(None, None, "unknown", "XXXX", relative=(relativedelta(years=-1), "year", None, -1))


def _r_soon_after(g, anchor, tense, text):
    """"Shortly afterward": the day of the time referred to before."""
    return TValue(None, None, "unknown", "XXXX-XX-XX", relative=(relativedelta(), "day", None, 0))


def _r_deictic(g, anchor, tense, text):
    det = " ".join(g["det"].lower().split())
    unit = g["unit"].lower()
    pre = (g.get("pre") or "").strip().lower().rstrip("-").strip()
    if unit in SEASONS:
        code, _ = SEASONS[unit]
        d = det.replace("the ", "")

        def fns(a):
            y = season_year(a, code, tense, d)
            s, e = _part(*season_range(y, code), pre or None)
            return TValue(s, e, precision_of_range(s, e), f"{y}-{code}")

        return over_anchor(anchor, fns)
    if unit == "weekend" and det == "the" and not pre:
        return _r_weekend(g, anchor, tense, text)
    if det in ("that", "the same") or (det == "the" and not pre):
        # "that year", "the same month": the period of the time referred to before
        return TValue(None, None, "unknown", "XXXX", relative=(relativedelta(), unit, None, 0))
    if det == "the":
        det = "this"  # "the end of the year"
    if det.startswith("the ") and det not in ("the current", "the last"):
        # "the past week": the last seven days, a duration
        d = det[4:]
        if d in ("past", "previous"):
            v = over_anchor(anchor, lambda a: range_value(a - offset(unit, 1), a, duration_code(1, unit),
                                                          ttype="DURATION", kind="duration"))
            # "over the past decade": a long stretch is the background of what happened in it
            return replace(v, background=v.known and (v.end - v.start).days > 31)
        if d in ("coming", "next", "following"):
            return over_anchor(anchor, lambda a: range_value(a, a + offset(unit, 1), duration_code(1, unit),
                                                             ttype="DURATION", kind="duration"))
    step = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1, "the past": -1,
            "the previous": -1, "the last": -1, "next": 1, "coming": 1, "the coming": 1}.get(det, 0)

    def fn(a):
        if unit == "weekend":
            mon, _ = week_range(a)
            sat = mon + timedelta(days=5)
            if step < 0:
                sat = sat - timedelta(days=7) if sat + timedelta(days=1) >= a else sat
            elif step > 0:
                sat = sat + timedelta(days=7) if sat <= a else sat
            y, w, _ = sat.isocalendar()
            return TValue(sat, sat + timedelta(days=1), "week", f"{y}-W{w:02d}-WE")
        t = a + offset(unit, step) if unit != "quarter" else a + relativedelta(months=3 * step)
        v = value_at_unit(t, unit)
        if pre in ("earlier", "later") and step == 0 and v.known:
            if pre == "earlier":
                s, e = v.start, max(v.start, a - timedelta(days=1)) if a > v.start else a
            else:
                s, e = min(v.end, a + timedelta(days=1)) if a < v.end else a, v.end
            return replace(v, start=s, end=e, precision=v.precision if unit == "year" else precision_of_range(s, e))
        if pre and v.known:
            s, e = _part(v.start, v.end, pre)
            return replace(v, start=s, end=e, precision=v.precision if unit == "year" else precision_of_range(s, e))
        return v

    return over_anchor(anchor, fn)


def _r_weekend(g, anchor, tense, text):
    def fn(a):
        mon, _ = week_range(a)
        sat = mon + timedelta(days=5)
        if tense != FUTURE and sat > a:
            sat -= timedelta(days=7)
        elif tense == FUTURE and sat + timedelta(days=1) < a:
            sat += timedelta(days=7)
        y, w, _ = sat.isocalendar()
        return TValue(sat, sat + timedelta(days=1), "week", f"{y}-W{w:02d}-WE")

    return over_anchor(anchor, fn)


def _approx(q: str | None) -> str | None:
    q = " ".join((q or "").lower().split())
    for a in APPROX_BELOW + APPROX_ABOVE + APPROX_AROUND:
        if q.startswith(a):
            return a
    return None


def _r_ago(g, anchor, tense, text):
    unit = g["unit"]
    n = number(g.get("num")) if "num" in g else None
    d = g["dir"].lower()
    approx = _approx(g.get("q"))
    vague = n is None
    if vague:
        n = 3
    u = norm_unit(unit)
    if d in ("ago", "past"):
        sign = -1
    elif d in ("from now", "hence"):
        sign = 1
    else:
        sign = -1 if d in ("earlier", "before", "prior") else 1
    delta = offset(u, n * sign) if sign < 0 else offset(u, n)
    if d in ("ago", "past", "from now", "hence"):
        def fn(a):
            t = a + delta
            if u in ("second", "minute", "hour"):
                t = a if u != "hour" or n < 24 else a + relativedelta(days=round(sign * n / 24))
                return day_value(t)
            if vague or approx:
                slack = SLACK.get(u, 0)
                if vague:
                    s, e = (a + offset(u, -5), a + offset(u, -2)) if sign < 0 else (a + offset(u, 2), a + offset(u, 5))
                elif approx in APPROX_BELOW:
                    s, e = (t, t + timedelta(days=slack)) if sign < 0 else (t - timedelta(days=slack), t)
                elif approx in APPROX_ABOVE:
                    s, e = (t - timedelta(days=slack), t) if sign < 0 else (t, t + timedelta(days=slack))
                else:
                    s, e = t - timedelta(days=slack), t + timedelta(days=slack)
                if sign < 0:
                    e = min(e, a)
                v = value_at_unit(t, u)
                return replace(v, start=s, end=e, precision=precision_of_range(s, e))
            if u in ("day", "night"):
                return day_value(t)
            if u in ("week", "weekend"):
                s, e = t - timedelta(days=3), min(t + timedelta(days=3), a) if sign < 0 else t + timedelta(days=3)
                return TValue(s, e, "week", iso_week(t))
            return value_at_unit(t, u)

        return over_anchor(anchor, fn)
    # anaphoric: relative to an earlier time or to the X of "after X"
    return TValue(None, None, "unknown", duration_code(None if vague else n, unit), "DURATION", "date",
                  relative=(delta, unit, approx, sign))


def _r_span(g, anchor, tense, text):
    det = " ".join(g["det"].lower().split()).replace("the ", "").replace("in ", "")
    unit = g["unit"]
    n = number(g["num"]) if g.get("num") else (None if unit.lower().endswith("s") else 1)
    u = norm_unit(unit)
    code = duration_code(n, unit)
    nn = n if n is not None else 3
    if det in ("next", "coming", "following"):
        def fn(a):
            e = a + offset(u, nn)
            if u == "hour":
                e = a + timedelta(days=max(0, round(nn / 24)))
            return range_value(a, e, code, ttype="DURATION", kind="duration")
    elif det == "first":
        return unknown(code, "DURATION", "duration")
    else:
        def fn(a):
            s = a - offset(u, nn)
            if u == "hour":
                s = a - timedelta(days=max(1, round(nn / 24)))
            return range_value(s, a, code, ttype="DURATION", kind="duration")
    v = over_anchor(anchor, fn)
    if v.known and (v.end - v.start).days > 31:
        v = replace(v, background=True)
    if not anchor.known:
        v = unknown(code, "DURATION", "duration")
    return v


def _r_quarter(g, anchor, tense, text):
    q = ORDINALS[g["q"].lower()]
    if g.get("year") or g.get("y0"):
        y = int(g.get("year") or g["y0"])
        return TValue(date(y, 3 * q - 2, 1), month_end(y, 3 * q), "month", f"{y}-Q{q}")

    def fn(a):
        # the most recent such quarter that has begun: results are reported after it
        y = a.year
        if date(y, 3 * q - 2, 1) > a:
            y -= 1
        return TValue(date(y, 3 * q - 2, 1), month_end(y, 3 * q), "month", f"{y}-Q{q}")

    return over_anchor(anchor, fn)


def _r_half(g, anchor, tense, text):
    h = 1 if g["h"].lower() == "first" else 2

    def mk(y):
        return TValue(date(y, 1 if h == 1 else 7, 1), date(y, 6, 30) if h == 1 else date(y, 12, 31), "year", f"{y}-H{h}")

    if g.get("year"):
        return mk(int(g["year"]))
    step = {"this": 0, "last": -1, "next": 1}[g["det"].lower()]
    return over_anchor(anchor, lambda a: mk(a.year + step))


def _r_season(g, anchor, tense, text):
    code, _ = SEASONS[g["season"].lower()]
    pre = g.get("pre")
    if g.get("year"):
        y = int(g["year"])
        if code == "WI":
            y -= 1
        s, e = _part(*season_range(y, code), pre)
        return TValue(s, e, precision_of_range(s, e), f"{g['year']}-{code}")
    det = (g.get("det") or "").lower()
    if det == "the":
        det = ""

    def fn(a):
        y = season_year(a, code, tense, det)
        s, e = _part(*season_range(y, code), pre)
        return TValue(s, e, precision_of_range(s, e), f"{y}-{code}")

    if not anchor.known:
        return unknown(f"XXXX-{code}")
    return over_anchor(anchor, fn)


def _r_decade(g, anchor, tense, text):
    dec = g["dec"]
    if dec.startswith("'"):
        d2 = int(dec[1:])
        y0 = (1900 if d2 >= 30 else 2000) + d2
    else:
        y0 = int(dec)
    s, e = _part(date(y0, 1, 1), date(y0 + 9, 12, 31), g.get("pre"))
    return TValue(s, e, "year", f"{y0 // 10}")


def _r_century(g, anchor, tense, text):
    c = int(g["c"])
    return TValue(date((c - 1) * 100, 1, 1) if c > 1 else date(1, 1, 1), date(c * 100 - 1, 12, 31), "year", f"{c - 1:02d}")


def _r_year(g, anchor, tense, text):
    v = year_value(int(g["year"]), g.get("pre"))
    return v


def _r_set(g, anchor, tense, text):
    adv = (g.get("adv") or "").lower()
    unit = (g.get("unit") or g.get("unit2") or "").lower()
    code = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
            "yearly": "P1Y", "hourly": "PT1H"}.get(adv)
    if code is None:
        key = unit.rstrip(".")
        if key in WEEKDAYS:
            code = f"XXXX-WXX-{WEEKDAYS[key] + 1}"
        elif key in TOD_CODES:
            code = f"XXXX-XX-XXT{TOD_CODES[key]}"
        elif key in MONTHS:
            code = f"XXXX-{MONTHS[key]:02d}"
        elif key == "season":
            code = "XXXX-XX"
        else:
            n = number(g.get("num")) if g.get("num") else 1
            code = duration_code(n, key) if key else "XXXX"
    return unknown(code, "SET", "set", background=True)


def _r_ref(g, anchor, tense, text):
    r = " ".join(g["ref"].lower().split())
    if r in ("now", "currently", "nowadays", "at present", "these days"):
        v = over_anchor(anchor, lambda a: day_value(a))
        return replace(v, timex3="PRESENT_REF", ref=True)
    if r == "the future":
        return unknown("FUTURE_REF", ref=True)
    return unknown("PAST_REF", ref=True)


def _r_duration(g, anchor, tense, text):
    n = number(g.get("num"))
    code = duration_code(n, g["unit"])
    return unknown(code, "DURATION", "duration")


def _r_bare(g, anchor, tense, text):
    code = duration_code(None, g["unit"])
    u = norm_unit(g["unit"])
    return unknown(code, "DURATION", "duration", background=u in ("month", "year", "decade"))


def _r_clock(g, anchor, tense, text):
    if g.get("hours"):
        hm = "MO"  # "in the early hours": the small hours of the day the story tells, like "at dawn"
    elif g.get("word"):
        w = g["word"].lower()
        hm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00", "dawn": "MO", "daybreak": "MO",
              "dusk": "EV"}[w]
    elif g.get("h24"):
        hm = f"{int(g['h24']):02d}:{g['mi24']}"
    else:
        h = int(g["h"]) % 12
        if g["ap"].lower().startswith("p"):
            h += 12
        hm = f"{h:02d}:{g.get('mi') or '00'}"
    return TValue(None, None, "unknown", f"XXXX-XX-XXT{hm}", "TIME", needs_day=True)


HOLIDAYS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
            "christmas eve": (12, 24), "christmas": (12, 25), "boxing day": (12, 26),
            "valentine's day": (2, 14), "halloween": (10, 31)}


def _thanksgiving(y: int) -> date:
    return date(y, 11, 1) + relativedelta(weekday=TH(4))


def _r_holiday(g, anchor, tense, text):
    if g["hol"].lower().startswith("thanksgiving"):
        def fth(a):
            cands = [_thanksgiving(y) for y in (a.year - 1, a.year, a.year + 1)]
            if tense == FUTURE:
                c = min(c for c in cands if c >= a - timedelta(days=1))
            elif tense == PAST:
                c = max(c for c in cands if c <= a + timedelta(days=1))
            else:
                c = min(cands, key=lambda c: abs((c - a).days))
            return day_value(c)

        return over_anchor(anchor, fth) if anchor.known else unknown("XXXX-11-XX")
    m, d = HOLIDAYS[g["hol"].lower().replace("’", "'")]
    if not anchor.known:
        return unknown(f"XXXX-{m:02d}-{d:02d}")

    def fn(a):
        dd = infer_year(m, d, a, tense)
        return day_value(dd)

    return over_anchor(anchor, fn)


def _r_tod_weekday(g, anchor, tense, text):
    return _r_weekday({"wd": g["wd"], "tod": g["tod"]}, anchor, tense, text)


_RESOLVERS = {
    "iso_date": _r_iso,
    "dotted_date": _r_iso,
    "num_date": _r_num,
    "mdy": _r_md,
    "dmy": _r_md,
    "month_year": _r_month_year,
    "month": _r_month,
    "month_rel_year": _r_month_rel_year,
    "weekday": _r_weekday,
    "tod_weekday": _r_tod_weekday,
    "day_word": _r_day_word,
    "day_before": _r_day_before,
    "this_tod": _r_this_tod,
    "anaphoric_day": _r_anaphoric,
    "deictic": _r_deictic,
    "weekend": _r_weekend,
    "soon_after": _r_soon_after,
    "year_ago_adj": _r_year_ago_adj,
    "ago": _r_ago,
    "unit_ago": _r_ago,
    "span": _r_span,
    "quarter": _r_quarter,
    "half": _r_half,
    "season": _r_season,
    "decade": _r_decade,
    "century": _r_century,
    "year": _r_year,
    "set": _r_set,
    "ref": _r_ref,
    "duration": _r_duration,
    "bare_units": _r_bare,
    "clock": _r_clock,
    "holiday": _r_holiday,
}

__all__ = ["Anchor", "TValue", "resolve", "shifted", "precision_of_range", "PAST", "FUTURE", "PRESENT",
           "field"]
