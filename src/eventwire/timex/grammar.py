"""Recognition of temporal expressions in English news text.

A small set of regular expressions over the raw text, each naming a rule; the
resolver (``resolve.py``) turns a match into a value.  Extents follow TimeML:
prepositions ("on", "in", "since") are not part of the expression, modifiers
("early", "late", "last", "nearly") are.

Month and weekday names are matched case-sensitively (news capitalizes them;
"may" and "march" in lower case are not months); everything else ignores case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "half an": 0.5,
}
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "dozens of", "the",
                 "recent", "coming", "next", "past", "last")
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4, "last": 4}

_MONTH_ALT = (r"January|February|March|April|May|June|July|August|September|October|November|December"
              r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?")
_WD_ALT = (r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
           r"|Mon\.|Tue\.|Tues\.|Wed\.|Thu\.|Thur\.|Thurs\.|Fri\.|Sat\.|Sun\.")
_SMALL = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
          r"fifteen|sixteen|seventeen|eighteen|nineteen")
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM = (rf"(?:\d+\s+1/2|\d+(?:\.\d+)?(?:\s+and\s+a\s+half)?|(?:{_TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|{_SMALL}"
       r"|a couple of|a couple|a dozen|half an?|an?|a few|few|several|some|many|a number of|dozens of|hundreds of"
       r"|(?:one|a) hundred)")
QMOD = (r"(?:(?:nearly|almost|about|around|roughly|approximately|some|more than|over|less than|under|"
        r"at least|at most|barely|just|only|fully|a mere|a full|well over|up to|within|close to|"
        r"another|the first|the last|the past|the next|the)\s+)?")
UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|centur(?:y|ies)|quarters?)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
TOD = r"(?:morning|afternoon|evening|night)"
PRE = r"(?:(?:early|late|mid|earlier|later|the end of|the beginning of|the start of|the middle of)(?:\s+on)?[\s-]+)"


def _mon(name: str) -> str:
    return rf"(?-i:(?P<{name}>{_MONTH_ALT}))"


def _wd(name: str = "wd") -> str:
    return rf"(?-i:(?P<{name}>{_WD_ALT}))"


# before a date ("Fri Oct 04, 2019") a weekday abbreviation needs no period
_WD_PREFIX = rf"(?-i:(?P<wd>{_WD_ALT}|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun))"


# (rule name, pattern).  Order is priority among matches of the same extent.
_RULES: list[tuple[str, str]] = [
    ("iso_date", r"\b(?P<y>(?:19|20)\d\d)([-/.])(?P<m>0?[1-9]|1[0-2])\2(?P<d>[0-3]?\d)\b"),
    ("dotted_date", r"\b(?P<d>[0-3]?\d)\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>(?:19|20)\d\d)\b"),
    ("num_date", r"\b(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)\b"),
    ("mdy", rf"(?:{_WD_PREFIX},?\s+)?(?:{PRE})?{_mon('mon')}\s+(?P<day>{DAY})\b(?:\s*[-–]\s*(?P<day2>{DAY})\b)?"
            rf"(?!\s*(?:%|percent|[,.]?\d))(?:,?\s+(?P<year>{YEAR})\b)?"),
    ("dmy", rf"(?:{_WD_PREFIX},?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+{_mon('mon')}(?:,?\s+(?P<year>{YEAR})\b)?"),
    ("month_year", rf"(?P<pre>{PRE})?{_mon('mon')},?\s+(?:of\s+)?(?P<year>{YEAR})\b"),
    ("month_rel_year", rf"(?P<pre>{PRE})?{_mon('mon')}\s+(?:of\s+)?(?P<det>last|this|next)\s+year\b"),
    ("month", rf"(?P<pre>{PRE})?(?:(?P<det>last|next|this|past|coming)\s+)?{_mon('mon')}(?!\s*\d)"),
    ("weekday", rf"(?:(?P<pre>early|late|earlier|later)\s+(?:on\s+)?)?(?:(?P<det>last|next|this|past|coming)\s+)?"
                rf"{_wd()}(?:\s+(?P<tod>{TOD}))?"),
    ("tod_weekday", rf"(?P<tod>{TOD})\s+of\s+{_wd()}"),
    ("day_word", rf"(?:(?P<pre>early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|overnight)"
                 rf"(?:\s+(?P<tod>{TOD}))?"),
    ("day_before", r"the\s+day\s+(?P<dir>before\s+yesterday|after\s+tomorrow)"),
    ("this_tod", rf"(?:(?P<pre>early|late|earlier|later)\s+)?(?P<det>this|last|that|the same)\s+(?P<tod>{TOD})"),
    ("anaphoric_day", r"(?:the|that)\s+(?P<det>same|following|next|previous|preceding)\s+(?P<unit>day|night|morning|week|month|year)"
                      r"|(?P<that>that|the same)\s+day"),
    ("deictic", rf"(?P<pre>(?:early|late|mid|earlier|later|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
                r"(?P<det>this|last|next|past|coming|previous|current|the\s+past|the\s+previous|the\s+coming|the\s+current|the\s+last|the\s+same|that|the)"
                r"\s+(?P<fiscal>fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)\b"),
    ("weekend", r"(?:the|this|that)\s+weekend\b"),
    ("soon_after", r"(?:(?:shortly|soon|immediately|just|not\s+long|moments|minutes)\s+)?(?:afterwards?|thereafter)\b"
                   r"|(?:shortly|soon|moments|not\s+long)\s+later\b"),
    ("ago", rf"(?P<q>{QMOD})(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|past|from now|hence|on|afterwards?|prior)\b"),
    ("unit_ago", rf"(?P<q>{QMOD})(?P<unit>(?:hours|days|weeks|months|years|decades))\s+(?P<dir>ago|earlier|later|before|after)\b"),
    ("span", rf"(?P<det>the\s+past|the\s+last|the\s+previous|the\s+next|the\s+coming|the\s+following|the\s+first|"
             rf"past|last|previous|next|coming|recent|the\s+recent|in\s+recent)\s+(?P<q>{QMOD})(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})\b"),
    ("quarter", rf"(?:the\s+)?(?:(?P<y0>{YEAR})\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+quarter\b"
                rf"(?:\s+of\s+(?P<year>{YEAR}))?"),
    ("year_ago_adj", r"(?:the\s+)?(?:year[- ](?:earlier|ago)|corresponding)(?:\s+(?:quarter|period))?\b"),
    ("half", rf"(?:the\s+)?(?P<h>first|second|latter)\s+half\s+of\s+(?:(?P<year>{YEAR})|(?P<det>this|last|next)\s+year)"),
    ("season", rf"(?P<pre>{PRE})?(?:(?P<det>last|next|this|past|coming|the)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
               rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b"),
    ("decade", rf"(?:the\s+)?(?P<pre>(?:early|late|mid)[\s-]+)?(?P<dec>(?:1[6-9]|20)\d0|'\d0)s\b"),
    ("century", r"(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b"),
    ("year", rf"(?P<pre>(?:early|late|mid|the end of|the beginning of|the start of|the middle of)[\s-]+)?(?P<fy>fiscal\s+)?\b(?P<year>{YEAR})\b(?!\s*(?:%|percent)|\.\d|,\d)"),
    ("set", rf"(?:(?:every|each)\s+(?:other\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}|{TOD}|season|{_WD_ALT}|{_MONTH_ALT})"
            rf"|(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly)"
            rf"|(?:once|twice|(?:three|four|five|several|many) times)\s+(?:a|an|per|each)\s+(?P<unit2>day|week|month|year))\b"),
    ("ref", r"\b(?P<ref>now|currently|nowadays|at present|recently|lately|these days|the\s+past|the\s+future|"
            r"the\s+time|at\s+the\s+time)\b"),
    ("duration", rf"(?P<q>{QMOD})(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})\b(?![\s-]+old\b)(?P<poss>'|’)?"),
    ("bare_units", rf"(?P<q>(?:for|over|in|within|after)\s+(?:many\s+|several\s+|a\s+few\s+)?)(?P<unit>hours|days|weeks|months|years|decades)\b"),
    ("clock", r"(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m|am\b|pm\b|AM\b|PM\b)"
              r"|(?P<h24>[01]\d|2[0-3]):(?P<mi24>[0-5]\d)(?=\s*(?:GMT|UTC|local|hours|hrs|h\b))|(?P<word>noon|midday|midnight|dawn|dusk|daybreak)"
              r"|(?P<hours>the\s+(?:early|small|wee)\s+(?:morning\s+)?hours))"
              r"(?:\s+(?:local\s+time|GMT|UTC|[ECMP][SD]T))?"),
    ("holiday", r"(?-i:(?P<hol>New Year's Day|New Year’s Day|New Year's Eve|New Year’s Eve|Christmas Day|Christmas Eve|Christmas|Boxing Day|Valentine's Day|Halloween|Thanksgiving Day|Thanksgiving))"),
]

RULES = [(name, re.compile(pat, re.I)) for name, pat in _RULES]
PRIORITY = {name: i for i, (name, _pat) in enumerate(_RULES)}

# Speed: a rule whose pattern opens with optional words is run only in windows
# around a word it cannot match without (the unit, the month, the weekday).
_UNIT_KEY = re.compile(rf"\b{UNIT}\b", re.I)
_PERIOD_KEY = re.compile(r"\b(?:week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)\b", re.I)
_MONTH_KEY = re.compile(rf"\b(?:{_MONTH_ALT})")
_WD_KEY = re.compile(rf"\b(?:{_WD_ALT}|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b")
_YEAR_KEY = re.compile(rf"{YEAR}|'\d0s")
_DAYWORD_KEY = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|overnight)\b", re.I)
_TOD_KEY = re.compile(rf"\b{TOD}\b", re.I)
_SOON_KEY = re.compile(r"\b(?:afterwards?|thereafter|later)\b", re.I)
_SET_KEY = re.compile(r"\b(?:every|each|daily|weekly|monthly|annually|yearly|nightly|hourly|once|twice|times)\b", re.I)
_CLOCK_KEY = re.compile(r"(?:[ap]\.?m\b|\d:\d\d|\b(?:noon|midday|midnight|dawn|dusk|daybreak|hours)\b)", re.I)
_QUARTER_KEY = re.compile(r"\b(?:quarter|half)\b", re.I)
_HOLIDAY_KEY = re.compile(r"(?:Christmas|New Year|Boxing|Valentine|Halloween|Thanksgiving)")
_YEARAGO_KEY = re.compile(r"\b(?:year[- ](?:earlier|ago)|corresponding)\b", re.I)
_DAY_KEY = re.compile(r"\b(?:day|night|morning|week|month|year)\b", re.I)
# rule -> (key, characters before the key word, characters after it)
_KEYS = {
    "ago": (_UNIT_KEY, 50, 30), "unit_ago": (_UNIT_KEY, 50, 30), "span": (_UNIT_KEY, 60, 10),
    "duration": (_UNIT_KEY, 50, 10), "bare_units": (_UNIT_KEY, 30, 10),
    "deictic": (_PERIOD_KEY, 50, 10), "season": (_PERIOD_KEY, 50, 30), "weekend": (_PERIOD_KEY, 10, 10),
    "month_rel_year": (_MONTH_KEY, 40, 30), "month_year": (_MONTH_KEY, 40, 30), "month": (_MONTH_KEY, 40, 10),
    "mdy": (_MONTH_KEY, 40, 30), "dmy": (_MONTH_KEY, 40, 30), "weekday": (_WD_KEY, 30, 20),
    "tod_weekday": (_WD_KEY, 20, 5), "year": (_YEAR_KEY, 40, 10), "decade": (_YEAR_KEY, 20, 10),
    "day_word": (_DAYWORD_KEY, 20, 20), "day_before": (_DAYWORD_KEY, 30, 5), "this_tod": (_TOD_KEY, 30, 5),
    "soon_after": (_SOON_KEY, 30, 5), "set": (_SET_KEY, 5, 60), "clock": (_CLOCK_KEY, 25, 20),
    "quarter": (_QUARTER_KEY, 40, 20), "half": (_QUARTER_KEY, 20, 40), "holiday": (_HOLIDAY_KEY, 5, 20),
    "year_ago_adj": (_YEARAGO_KEY, 10, 20), "anaphoric_day": (_DAY_KEY, 30, 5),
}


def _iter_rule(name: str, rx: re.Pattern, text: str, key_cache: dict):
    spec = _KEYS.get(name)
    if spec is None:
        yield from rx.finditer(text)
        return
    key, before, after = spec
    ck = (id(key), before, after)
    wins = key_cache.get(ck)
    if wins is None:
        hits = key_cache.get(id(key))
        if hits is None:
            hits = key_cache[id(key)] = [(h.start(), h.end()) for h in key.finditer(text)]
        merged: list[list[int]] = []
        for hs, he in hits:
            lo, hi = max(0, hs - before), min(len(text), he + after)
            # start at a word boundary so that no match begins mid-word
            while lo > 0 and text[lo - 1].isalnum():
                lo -= 1
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        wins = key_cache[ck] = merged
    for lo, hi in wins:
        yield from rx.finditer(text, lo, hi)


@dataclass
class Match:
    rule: str
    start: int
    end: int
    groups: dict

    @property
    def length(self) -> int:
        return self.end - self.start


def _strip(m: re.Match, text: str) -> tuple[int, int]:
    s, e = m.start(), m.end()
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    return s, e


def find(text: str, keep=None) -> list[Match]:
    """All non-overlapping candidate expressions, longest first at each place.

    ``keep(match) -> bool`` may veto a candidate (context checks); a shorter
    candidate at the same place then gets its chance."""
    cands: list[Match] = []
    key_cache: dict = {}
    seen: set = set()
    for name, rx in RULES:
        for m in _iter_rule(name, rx, text, key_cache):
            if (name, m.start(), m.end()) in seen:
                continue
            seen.add((name, m.start(), m.end()))
            s, e = _strip(m, text)
            if e <= s:
                continue
            # Word boundary at both ends (the patterns may start with a group).
            if s > 0 and text[s - 1].isalnum():
                continue
            if e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
                continue
            cands.append(Match(name, s, e, {k: v for k, v in m.groupdict().items() if v is not None}))
    cands.sort(key=lambda c: (-c.length, PRIORITY[c.rule], c.start))
    taken: list[Match] = []
    for c in cands:
        if any(c.start < t.end and t.start < c.end for t in taken):
            continue
        if keep is not None and not keep(c):
            continue
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return _merge_clock(taken, text)


_DAYISH = {"weekday", "mdy", "dmy", "day_word", "iso_date", "dotted_date", "num_date", "holiday"}


def _merge_clock(ms: list[Match], text: str) -> list[Match]:
    """"10 p.m. Wednesday", "5 p.m. EST Nov. 9": one expression, the day's value at that time."""
    out: list[Match] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        if m.rule == "clock" and i + 1 < len(ms) and ms[i + 1].rule in _DAYISH:
            gap = text[m.end: ms[i + 1].start]
            if re.fullmatch(r"\s*(?:on\s+)?", gap):
                nxt = ms[i + 1]
                g = dict(nxt.groups)
                g["_clock"] = m.groups
                out.append(Match(nxt.rule, m.start, nxt.end, g))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def number(text: str | None) -> float | None:
    """The value of a number phrase ("three", "24", "twenty-four", "a"), None when vague."""
    if text is None:
        return 1
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return 1
    fm = re.fullmatch(r"(\d+) 1/2|(\d+) and a half", t)
    if fm:
        return int(fm.group(1) or fm.group(2)) + 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        v = float(t)
        return int(v) if v.is_integer() else v
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    parts = t.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None
