"""eventwire_temporal: temporal expressions resolved against the publication date,
and the dating of events.

The component writes ``doc.spans["ew_timex"]``; each span carries
``Span._.timex`` (records.Timex: text, DateRange value, kind, background) and,
for evaluation and debugging, ``Span._.timex3`` (the TIMEX3 value string, e.g.
``2017-08-21``, ``2017-W33``, ``P3D``, ``PRESENT_REF``) and ``Span._.timex_type``
(DATE | TIME | DURATION | SET).

Resolution (``eventwire.timex.resolve``) depends on the tense of the clause the
expression belongs to: "on Monday" in a past clause is the most recent Monday on
or before publication, in a future clause ("will meet on Monday") the next one.
Anaphoric expressions ("two hours later", "the next day", "a week after the
attack") are resolved in a second pass against the time they refer to: the
expression inside X for "after X", else the last date mentioned before them,
else the publication date.

``event_date(doc, trigger)`` dates an event: the expression syntactically tied
to its trigger (attached to the trigger, to the verb that governs it within its
clause, or inside the trigger's clause), else the nearest date expression in
its sentence, else the story's own day (the first past day-precision date of the
article, within two weeks before publication: news states the day of its main
event once, often after the lede), else the publication date with its precision.

The time of a report or of the aftermath ("police said Monday", "was charged
Friday", "appeared in court Tuesday") dates neither the happening nor the story:
with nothing else dated, the happening gets the two days up to the report. A
follow-up story with no recent day takes the happening's day told further back
(within the year), and "the attack last month" narrows to the one day the story
tells within that month.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import DateRange, Timex
from ..timex import grammar
from ..timex.resolve import FUTURE, PAST, PRESENT, Anchor, TValue, day_value, precision_of_range, resolve, shifted
from . import extensions  # noqa: F401
from .extensions import doc_text

for _name, _default in (("timex3", None), ("timex_type", None), ("timex_ref", False), ("timex_x", None)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)

GROUP = "ew_timex"
VERB_POS = ("VERB", "AUX")
FUTURE_AUX = {"will", "'ll", "shall", "wo", "’ll"}
PRESENT_AUX = {"is", "are", "am", "'s", "'re", "’s", "’re"}
PAST_AUX = {"was", "were", "had", "did", "has", "have", "'d", "’d"}
MODAL_AUX = {"would", "could", "might", "may", "should", "must", "can"}
FUTURE_HEADS = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "prepare", "go", "hope", "want",
                "vow", "pledge", "promise", "threaten", "slate", "poise", "likely"}
FUTURE_ADJ = {"due", "set", "scheduled", "expected", "slated", "poised", "likely", "set"}
YEAR_PREPS = {"in", "since", "of", "by", "until", "till", "during", "from", "to", "before", "after", "between",
              "and", "through", "throughout", "early", "late", "mid", "around", "circa", "the", "'s", "of", "for",
              "as", "than", "summer", "spring", "winter", "autumn", "fall"}
AMBIGUOUS_MONTHS = {"may", "march", "mar.", "jun.", "jul.", "sep.", "sept", "sept.", "oct", "nov", "dec", "jan", "feb",
                    "aug", "apr"}
MONTH_CONTEXT = {"in", "since", "by", "until", "till", "of", "during", "from", "through", "to", "before", "after",
                 "last", "next", "this", "early", "late", "mid", "between", "and", "or", "on", "'s"}
BACKGROUND_SIGNALS = {"since"}
CALENDAR_RULES = {"mdy", "dmy", "month", "holiday", "season", "quarter"}
PLAN_VERBS = {"plan", "schedule"}
REPORTING = {"say", "tell", "report", "claim", "confirm", "announce", "state", "add", "note", "insist", "deny"}
POSTPONE = {"postpone", "delay", "adjourn", "defer", "push", "move", "reschedule", "extend", "give", "grant",
            "allow", "set"}
# Nouns of a happening that a past clause puts in the past, with the date that modifies them.
HAPPENING_NOUNS = frozenset("""shooting killing slaying murder homicide attack bombing explosion blast stabbing
    assault robbery raid clash ambush massacre rampage shootout kidnapping abduction carjacking crash death
    incident fight riot protest strike airstrike""".split())
# Verbs whose ongoing action looks back on a happening: "police are investigating ... Saturday".
RETROSPECTIVE = frozenset("""investigate probe search seek hunt mourn recover examine review question interview
    grieve""".split())
# a date that modifies a noun inside a clause ("the 2023 death") dates that noun, not the clause's verb
NOUN_MODIFIER_DEPS = {"nummod", "compound", "amod", "nmod", "poss"}
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "xcomp", "pcomp"}


# ---------------------------------------------------------------- tense


def governing_verb(tok: Token) -> Token | None:
    t = tok
    for _ in range(40):
        if t.pos_ in VERB_POS and t.dep_ != "aux" and t.dep_ != "auxpass":
            return t
        if t.head == t:
            return None
        t = t.head
    return None


def clause_tense(tok: Token) -> str:
    """past | future | present for the clause that ``tok`` belongs to.

    ``present`` also stands for "cannot tell" (no verb, a bare infinitive): the
    resolver then takes the occurrence nearest to the publication date.
    """
    v = governing_verb(tok)
    if v is None:
        return PRESENT
    # "is recovering after a shooting Saturday": the day belongs to the noun's happening,
    # which the progressive of the main verb does not put in the future.
    h = tok.head.head if tok.head.dep_ == "prep" else tok.head
    on_noun = h != tok and h.pos_ in ("NOUN", "PROPN") and h != v
    for _ in range(5):
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        low = {a.lower_ for a in auxes}
        perfect_past = "had" in low or "'d" in low
        if low & FUTURE_AUX:
            return FUTURE
        if low & MODAL_AUX:
            # "could come as early as Tuesday" / "could not be located Wednesday": cannot tell
            return PAST if "have" in low else PRESENT
        if v.lemma_ in PLAN_VERBS and not perfect_past:
            return FUTURE  # "planned a rally on Saturday", "has scheduled a news conference Thursday"
        if any(c.dep_ == "acomp" and c.lower_ in FUTURE_ADJ for c in v.children) and v.lemma_ == "be":
            return PAST if (low & PAST_AUX or v.tag_ == "VBD") else FUTURE
        if v.tag_ == "VBN" and low & PRESENT_AUX and v.lemma_ in FUTURE_HEADS:
            return FUTURE  # "is scheduled for Monday"
        if v.tag_ == "VBN" and not low and v.dep_ in ("acl", "amod") and v.lemma_ in FUTURE_HEADS:
            return FUTURE  # "a summit set for April"
        if v.tag_ == "VBG" and low & PRESENT_AUX:
            # "are meeting on Thursday"; but what one investigates or mourns has happened
            return PAST if (on_noun or v.lemma_.lower() in RETROSPECTIVE) else FUTURE
        if v.dep_ == "xcomp" and v.head.pos_ == "ADJ" and v.head.lower_ in FUTURE_ADJ:
            cop = v.head.head
            cl = {c.lower_ for c in cop.children if c.dep_ in ("aux", "auxpass")}
            return PAST if (cop.tag_ == "VBD" or cl & PAST_AUX) else FUTURE  # "is due to be published"
        if v.dep_ == "xcomp" and v.head.pos_ in VERB_POS + ("ADJ",):
            h = v.head
            if h.lemma_ in FUTURE_HEADS or h.lower_ in FUTURE_ADJ:
                hl = {c.lower_ for c in h.children if c.dep_ in ("aux", "auxpass")}
                return PAST if ("had" in hl or "'d" in hl) else FUTURE  # "set to resume Monday"
            v = h
            continue
        if v.lemma_ in POSTPONE and any(c.lower_ in ("until", "till", "to") and tok.head.i == c.i
                                        for c in v.children):
            # "postponed until Saturday": the day is where the thing was put off to, the object of
            # "until"; not "set fire to houses on Sunday" (or "to a home late Monday", the day parsed
            # inside the phrase), where "to" takes the thing burnt and the day dates the deed
            return FUTURE
        if low & PAST_AUX or v.tag_ in ("VBD", "VBN"):
            return PAST
        if v.tag_ in ("VBZ", "VBP"):
            return PAST if v.lemma_ in REPORTING else PRESENT
        if v.tag_ == "VBG" and v.dep_ in ("advcl", "acl", "xcomp", "conj", "pcomp") and v.head != v:
            v = v.head
            continue
        return PRESENT
    return PRESENT


# ---------------------------------------------------------------- recognition filters


def _tok_at(doc: Doc, char: int) -> int | None:
    lo, hi = 0, len(doc) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        t = doc[mid]
        if t.idx <= char < t.idx + len(t.text) + len(t.whitespace_) or (t.idx <= char and mid == len(doc) - 1):
            return mid
        if char < t.idx:
            hi = mid - 1
        else:
            lo = mid + 1
    return None


def _keep(doc: Doc, m: grammar.Match, span: Span) -> bool:
    g = m.groups
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    pl = prev.lower_ if prev is not None else ""
    if m.rule == "year":
        if g.get("pre") or g.get("fy"):
            return True
        if pl in ("$", "£", "€", "no.", "number", "resolution", "flight", "route", "article", "about", "nearly",
                  "some", "over", "least", "than", "almost", "around", "approximately", "roughly", "up"):
            return pl in YEAR_PREPS
        if nxt is not None and nxt.tag_ in ("NNS", "NNPS") and pl not in YEAR_PREPS:
            return False
        if nxt is not None and nxt.lower_ in ("people", "troops", "soldiers", "fighters", "km", "kilometres",
                                                "kilometers", "miles", "metres", "meters", "feet", "tonnes",
                                                "tons", "dollars", "euros", "block", "blocks"):
            return False  # "the 1900 block of West 11th Street" is an address, not a year
        if prev is not None and prev.like_num:
            return False
        return True
    if m.rule == "month":
        mon = g["mon"].lower()
        if len(mon) <= 4 and not mon.endswith(".") and mon not in ("may", "june", "july"):
            return False  # "Jan" without a day or year is a name more often than a month
        if mon in AMBIGUOUS_MONTHS or mon.rstrip(".") in ("may", "march"):
            if g.get("pre") or g.get("det"):
                return True
            return pl in MONTH_CONTEXT
        return True
    if m.rule == "weekday" and g["wd"].endswith(".") and not g.get("det") and not g.get("pre") and prev is not None \
            and (prev.pos_ == "PROPN" or pl == "the"):
        return False  # "The Baltimore Sun.": a name's last word, not an abbreviated weekday
    if m.rule == "season":
        s = g["season"].lower()
        if g.get("year") or g.get("pre") or (g.get("det") or "").lower() in ("last", "next", "this", "past", "coming"):
            return True
        if nxt is not None and nxt.lower_ == "of":
            return False
        if s in ("fall", "spring"):
            return (g.get("det") or "").lower() == "the" and pl in ("in", "during", "by", "until", "since", "through")
        return pl in ("in", "during", "by", "until", "since", "through", "this", "last", "next", "the", "all") or \
            (g.get("det") or "").lower() == "the"
    if m.rule == "deictic":
        if (g.get("det") or "").lower() == "the" and not g.get("pre") and g["unit"].lower() != "weekend":
            return False
        return True
    if m.rule == "duration":
        num = (g.get("num") or "").lower()
        if num in ("some", "many", "the", "a number of"):
            return False
        unit = g["unit"].lower()
        # "one day" as a narrative opener, "a second" as an ordinal: keep durations with a clear number or unit
        if unit.startswith("second") and num in ("a", "an"):
            return False
        if unit.startswith("quarter") and num in ("a", "an", "one"):
            return False
        return True
    return True


# ---------------------------------------------------------------- the component


def _span_for(doc: Doc, s: int, e: int) -> Span | None:
    return doc.char_span(s, e, alignment_mode="expand")


_THAN = re.compile(r"\s+than\b", re.I)
_PUNCT_AFTER = re.compile(r"\s*(?:[,.;:)]|$)")


def _comparative(m: grammar.Match, text: str) -> bool:
    """"a month earlier than usual", "60 years on from": a length of time, not a date."""
    d = (m.groups.get("dir") or "").lower()
    if m.rule not in ("ago", "unit_ago"):
        return False
    if d in ("earlier", "later") and _THAN.match(text, m.end):
        return True
    return d == "on" and not _PUNCT_AFTER.match(text, m.end)


def _signal_after(doc: Doc, m: grammar.Match, text: str) -> tuple[int, Token | None]:
    """For "a week after X": trim "after"/"before" off the extent; return (new end, signal token)."""
    d = (m.groups.get("dir") or "").lower()
    if m.rule in ("ago", "unit_ago") and d in ("after", "before", "prior"):
        cut = text.lower().rfind(d, m.start, m.end)
        if cut > m.start:
            i = _tok_at(doc, cut)
            tok = doc[i] if i is not None else None
            end = cut
            while end > m.start and text[end - 1].isspace():
                end -= 1
            return end, tok
    return m.end, None


def _main_of_x(signal: Token) -> Token | None:
    """The verb of the clause that "after X" modifies."""
    if signal.dep_ == "mark":
        h = signal.head  # X's verb
        return h.head if h.head != h else None
    return signal.head if signal.head != signal else None


def _x_range(tok: Token) -> tuple[int, int, bool] | None:
    """The character range of X in "after X" and whether X is a clause."""
    sub = [t for t in tok.subtree if t.i > tok.i]
    clause = False
    if not sub:
        if tok.dep_ == "mark" or tok.head.i > tok.i:
            h = tok.head
            sub = [t for t in h.subtree if t.i > tok.i]
            clause = h.pos_ in VERB_POS
    if not sub:
        return None
    if any(t.pos_ in VERB_POS and t.dep_ not in ("aux", "auxpass", "amod", "acl") for t in sub if t.dep_ in ("pcomp", "advcl", "ROOT") or t.head.i == tok.i and t.pos_ == "VERB"):
        clause = True
    return sub[0].idx, sub[-1].idx + len(sub[-1].text), clause


def annotate_doc(doc: Doc) -> Doc:
    anchor = Anchor.of(doc._.published, doc._.published_precision)
    text = doc_text(doc)
    found: list[tuple[Span, grammar.Match, TValue, Token | None]] = []
    taken_tokens: set[int] = set()
    def keep(m: grammar.Match) -> bool:
        span = _span_for(doc, m.start, m.end)
        return span is not None and len(span) > 0 and _keep(doc, m, span)

    for m in grammar.find(text, keep):
        end, signal = _signal_after(doc, m, text)
        if _comparative(m, text):
            d = m.groups["dir"]
            cut = text.lower().rfind(d.lower(), m.start, m.end)
            g = dict(m.groups)
            g.pop("dir", None)
            m = grammar.Match("duration", m.start, len(text[:cut].rstrip()), g)
            end, signal = m.end, None
        span = _span_for(doc, m.start, end)
        if span is None or len(span) == 0:
            continue
        if any(i in taken_tokens for i in range(span.start, span.end)):
            continue
        tense = clause_tense(span.root)
        if m.rule in CALENDAR_RULES and tense == PAST and _attach(span).pos_ not in VERB_POS and \
                _attach(span).lemma_.lower() not in HAPPENING_NOUNS:
            # "payable Dec. 15", "a cutback in September": the clause's verb does not date the noun;
            # but "the Oct. 13 shooting led to ..." told in the past happened in the past
            tense = PRESENT
        if span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s") and m.rule in ("weekday", "day_word"):
            tense = PAST  # "Sunday's attack"
        try:
            val = resolve(m, text, anchor, tense)
        except (ValueError, KeyError, OverflowError):
            continue
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in ("after", "past") and val.known and val.precision == "day" and \
                ((m.groups.get("_clock") or {}).get("word") or "").lower() == "midnight" and \
                ((m.groups.get("tod") or "").lower() == "night" or (m.groups.get("w") or "").lower() in ("tonight", "overnight")):
            # "after midnight on Wednesday night": the midnight that ends the night named, so what follows is the
            # next day's ("shortly after midnight on Tuesday" is Tuesday's first hour: left alone)
            nxt = val.start + timedelta(days=1)
            val = replace(val, start=nxt, end=nxt, timex3=nxt.isoformat() + val.timex3[10:])
        if prev is not None and prev.lower_ in BACKGROUND_SIGNALS:
            val = replace(val, background=True)
            if val.known and anchor.known and val.end < anchor.end:
                s, e = val.start, anchor.end
                val = replace(val, end=e, precision=precision_of_range(s, e))
        if _is_dateline(text, span.start_char, span.end_char) and val.kind == "date":
            val = replace(val, ref=True)  # "October 15, 2017" alone on a line, "August 10, 2018 - ...": the report's date
        taken_tokens.update(range(span.start, span.end))
        found.append((span, m, val, signal))

    # Second pass: anaphoric expressions and clock times.
    resolved: list[TValue] = [v for _s, _m, v, _sig in found]
    story = _story_value(found, anchor)
    x_info: dict[int, tuple] = {}
    for k, (span, m, val, signal) in enumerate(found):
        if val.relative is not None:
            ref = None
            if signal is not None:
                xr = _x_range(signal)
                if xr is not None:
                    xs, xe, is_clause = xr
                    for j, (sp2, _m2, v2, _sg2) in enumerate(found):
                        if is_clause and sp2.root.dep_ in NOUN_MODIFIER_DEPS and sp2.root.head.pos_ in ("NOUN", "PROPN") \
                                and sp2.root.head.dep_ not in ("nsubj", "nsubjpass"):  # ("after the May 3 offensive began")
                            continue  # "hours after a jury acquitted him in the 2023 death of a man": the death's year
                        if xs <= sp2.start_char and sp2.end_char <= xe and resolved[j].known and \
                                resolved[j].relative is None and not resolved[j].ref and resolved[j].kind == "date":
                            ref = resolved[j]
                            break
                    if ref is None and is_clause:
                        # "A came a week after X happened": X is dated from A (see event_date)
                        main = _main_of_x(signal)
                        if main is not None:
                            x_info[k] = (xs, xe, val.relative, main.i)
                        resolved[k] = replace(val, relative=None)
                        continue
            if ref is None:
                fine = grammar_unit_fine(val.relative[1])
                latest = anchor.end if (anchor.known and clause_tense(span.root) != FUTURE) else None
                ref = _previous_date(found, resolved, k, need_day=fine, latest=latest) or story or \
                    _anchor_value(anchor)
            nv = shifted(ref, val.relative) if ref is not None else val
            if nv.known:
                # "a day after X": the expression is the duration "a day"; "a year earlier": a date
                as_duration = val.ttype == "DURATION" and signal is not None
                t3 = val.timex3 if as_duration else nv.timex3
                resolved[k] = replace(nv, timex3=t3, ttype="DURATION" if as_duration else nv.ttype,
                                      background=val.background)
            else:
                resolved[k] = replace(val, relative=None)
        elif val.needs_day:
            day = _same_sentence_day(found, resolved, k, span) or _previous_date(found, resolved, k, True) or story or \
                _bare_clock_day(val, anchor) or _anchor_value(anchor)
            if day is not None and day.known:
                t3 = val.timex3.replace("XXXX-XX-XX", day.timex3[:10] if day.precision == "day" else "XXXX-XX-XX")
                resolved[k] = replace(day, timex3=t3, ttype="TIME", needs_day=False)
        elif m.rule == "day_word" and m.groups.get("w", "").lower() == "overnight":
            # "overnight raids ... on Thursday": a night the sentence names by its calendar day, not the
            # night before the report ("overnight and last night" are two nights)
            day = _same_sentence_day(found, resolved, k, span, rules=_CALENDAR_DAY)
            if day is not None and day.known:
                resolved[k] = replace(day, timex3=day.timex3[:10] + "TNI", ttype="TIME", background=val.background)

    # A time of day on a dateline's line ("Update, 12:44 p.m., Jan. 24:") is the report's, too.
    ref_lines = {text.rfind("\n", 0, sp.start_char): v for (sp, _m, _v, _sig), v in zip(found, resolved)
                 if v.ref and v.known and v.precision == "day"}
    for k, (span, m, val, _sig) in enumerate(found):
        line = text.rfind("\n", 0, span.start_char)
        if m.rule == "weekday" and k + 1 < len(found) and resolved[k + 1].ref and \
                re.fullmatch(r",?\s*", text[span.end_char: found[k + 1][0].start_char]):
            resolved[k] = replace(resolved[k], ref=True)  # "Published: Sunday, 2/22/2015"
        day = ref_lines.get(line) if m.rule == "clock" else None
        if day is not None:
            t3 = (val.timex3 or "").replace("XXXX-XX-XX", day.timex3[:10])
            resolved[k] = replace(day, timex3=t3, ttype="TIME", needs_day=False, ref=True)

    # Business news: "a year ago" / "last year" after a quarter means that quarter a year before.
    for k, (span, m, val, _sig) in enumerate(found):
        v = resolved[k]
        if m.rule in ("ago", "deictic") and re.fullmatch(r"\d{4}", v.timex3 or "") and v.known and \
                (m.groups.get("num") or "a").lower() in ("a", "one", "1") and \
                (m.groups.get("unit") or "").lower() == "year" and (m.groups.get("det") or "last").lower() in ("last", "past"):
            prev = _previous_date(found, resolved, k)
            if prev is not None and re.fullmatch(r"\d{4}-Q[1-4]", prev.timex3 or ""):
                resolved[k] = replace(shifted(prev, (relativedelta(years=-1), "year", None, -1)),
                                      background=v.background)

    spans = []
    for k, ((span, _m, _v, _sig), val) in enumerate(zip(found, resolved)):
        rng = DateRange(val.start, val.end, val.precision) if val.known else DateRange.unknown()
        span._.timex = Timex(span.text, rng, val.kind, val.background)
        span._.timex3 = val.timex3
        span._.timex_type = val.ttype
        span._.timex_ref = val.ref
        span._.timex_x = x_info.get(k)
        spans.append(span)
    doc.spans[GROUP] = spans
    return doc


def _anchor_value(anchor: Anchor) -> TValue | None:
    """The time of an event the article does not date (see ``undated_range``)."""
    if not anchor.known:
        return None
    if anchor.precision == "day":
        return TValue(anchor.start - timedelta(days=1), anchor.start, "week", day_value(anchor.start).timex3)
    return TValue(anchor.start, anchor.end, anchor.precision,
                  anchor.start.strftime("%Y-%m") if anchor.precision == "month" else str(anchor.start.year))


_CLOCK_HOUR = re.compile(r"T(\d\d)")


def _bare_clock_day(val: TValue, anchor: Anchor) -> TValue | None:
    """A time of day in a story that names no day at all ("At 4:58 p.m., officers found ..."):
    a same-day report's, the publication day, unless it is evening or night, which as often
    belongs to the day before a morning edition."""
    if not anchor.known or anchor.precision != "day":
        return None
    h = _CLOCK_HOUR.search(val.timex3 or "")
    if h is None or int(h.group(1)) >= 18:
        return None
    return day_value(anchor.start)


def _usable(v: TValue) -> bool:
    return v.known and v.kind == "date" and not v.ref and not v.background and v.relative is None


def grammar_unit_fine(unit: str) -> bool:
    """Offsets in hours, days or weeks need a reference known to the day."""
    return unit.lower().rstrip("s") in ("second", "minute", "hour", "day", "night", "week", "morning", "weekend")


def _previous_date(found, resolved, k, need_day: bool = False, latest=None) -> TValue | None:
    """The last date mentioned before expression ``k`` (known to the day when ``need_day``;
    not after ``latest``, the publication date, for a past clause)."""
    for j in range(k - 1, -1, -1):
        if _usable(resolved[j]) and found[j][1].rule not in ("clock",):
            if need_day and resolved[j].precision != "day":
                continue
            if latest is not None and resolved[j].start > latest:
                continue
            return resolved[j]
    return None


# after the date: a time of day ("February 4, 2013 11:14 AM"), then the line's end or a dash
_DATELINE_END = re.compile(r"[ \t]*\)?[ \t]*(?:,?[ \t]*\d{1,2}:\d\d(?::\d\d)?[ \t]*(?:[AaPp]\.?[Mm]\.?)?(?:[ \t]+[A-Z]{2,4})?[ \t]*)?"
                           r"(?:$|\n|[-–—|:@]\s|(?i:updated|posted|published)\b)")
# "JAY COUNTY, Ind. (Nov. 18, 2015)— A boy ...": a bracketed date before the story's dash
_BRACKET_DATELINE_END = re.compile(r"\)\s*[-–—]")
# what may open a dateline's line before its date: a bracket, a page's "Updated:" / "Posted on"
_DATELINE_START = re.compile(r"\s*(?:\(|(?:last\s+)?(?:updated|posted|published|modified)(?:\s+on)?\s*:?)?\s*$"
                             r"|.*\b(?:updated|posted|published|modified|date)\s*:\s*(?:[A-Z][a-z]+day,?\s*)?$"
                             # "Update, 12:44 p.m., Jan. 24:", "Original story, 1:12 a.m., Jan 23:"
                             r"|\s*(?:update[ds]?|original\s+story|posted|published)\b(?:[\s,:;@-]|\d{1,2}:\d\d|[ap]\.?m\.?)*$",
                             re.I)


_BRACKET_STAMP = re.compile(r"\((?:published|updated|posted)(?:\s+on)?:?\s*$", re.I)
# A wire dateline opens the story with its place, then the filing date, then the agency and a dash
# ("NIAMEY, March 21 (Reuters) - ...", "Imphal, June 10: ..."): the date is the report's, not the
# happening's.  The place: one to four capitalised words (a city, maybe its country or state).
_WIRE_DATELINE_START = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s*){1,4}(?:,\s*(?:[A-Z][\w.'’-]*\s*){1,3})?,\s*$")
# (Spanish agencies close the agency's bracket with a full stop before the dash: "Malabo, May 20 (EFE).- ")
_WIRE_DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,40}\)\.?\s*)?(?:[-–—:]|--)\s")
WIRE_DATELINE_ZONE = 400  # characters from the text's start: a dateline opens the story
_NOT_A_PLACE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:On|Since|By|Until|From|In)\b")
_SIGNATURE = re.compile(r"\(@\w+\)\s*$")


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A date that opens its line and stands alone or before a dash: a byline or dateline."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if _SIGNATURE.search(before):
        return True  # an embedded post: "— Name (@handle) October 16, 2017"
    if _BRACKET_STAMP.search(before):
        return True  # a caption's or page's stamp: "... (Published Wednesday, June 17, 2015)"
    if before.rstrip().endswith("(") and _BRACKET_DATELINE_END.match(text, end):
        return True
    if line_start < WIRE_DATELINE_ZONE and _WIRE_DATELINE_START.fullmatch(before) \
            and not _NOT_A_PLACE.search(before) and _WIRE_DATELINE_END.match(text, end):
        return True  # "NIAMEY, March 21 (Reuters) - "
    if not _DATELINE_START.fullmatch(before):
        return False
    return bool(_DATELINE_END.match(text, end))


_CALENDAR_DAY = frozenset({"weekday", "tod_weekday", "mdy", "dmy", "iso_date", "dotted_date", "num_date", "holiday"})


def _same_sentence_day(found, resolved, k, span, rules=None) -> TValue | None:
    sent = span.sent if span.doc.has_annotation("SENT_START") else None
    best, dist = None, 10 ** 9
    for j, (sp2, m2, _v2, _s2) in enumerate(found):
        if j == k or not _usable(resolved[j]) or resolved[j].precision != "day" or resolved[j].needs_day:
            continue
        if rules is not None and m2.rule not in rules:
            continue
        if sent is not None and not (sent.start <= sp2.start < sent.end):
            continue
        d = abs(sp2.start - span.start)
        if d < dist:
            best, dist = resolved[j], d
    return best


def _story_value(found, anchor: Anchor) -> TValue | None:
    if not anchor.known:
        return None
    for span, m, v, _s in found:
        if _usable(v) and v.precision == "day" and anchor.start - timedelta(days=14) <= v.start <= anchor.end:
            return v
    return None


@Language.factory("eventwire_temporal")
def make_temporal(nlp: Language, name: str):
    return annotate_doc


# ---------------------------------------------------------------- event dating


def _attach(span: Span) -> Token:
    """The token an expression modifies: the head of its preposition, or its own head."""
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ in ("prep", "agent") and root.head.head != root.head:
        return root.head.head
    if root.dep_ == "pobj":
        return root.head
    if root.head == root:
        return root
    # The head may be a token of the expression itself ("late on Friday": late <- Friday)
    h = root.head
    while span.start <= h.i < span.end and h.head != h:
        h = h.head
    return h


def _clause_head(tok: Token) -> Token:
    """The verb of ``tok``'s clause (the token itself when it is a verb)."""
    t = tok
    for _ in range(40):
        if t.pos_ in VERB_POS and t.dep_ not in ("aux", "auxpass"):
            return t
        if t.head == t:
            return t
        t = t.head
    return t


# Verbs of reaction and report whose time is the speaker's, not that of the event they name.
REACTION_VERBS = frozenset(
    """condemn denounce deplore decry criticise criticize mourn investigate probe blame claim report confirm
    deny acknowledge announce welcome praise protest recall remember commemorate mark discuss describe
    say tell""".split()
) | frozenset(
    # the legal and official aftermath: "charged with murder Friday", "identified Monday as"
    """charge arrest indict arraign sentence convict plead acquit identify release name bury appear""".split()
)

# Verbs whose time is that of a report or of the aftermath, not of the happening the story tells:
# "a man was shot, police said Monday", "charged Friday with the killing", "identified Tuesday".
AFTERMATH_VERBS = frozenset(
    """say tell report confirm announce state add note release identify name charge arrest indict arraign
    sentence convict plead acquit testify speak update appear book deny condemn denounce deplore decry criticise criticize
    mourn blame welcome praise commemorate surrender""".split()
)

# Verbs of a reporter getting hold of a source: "a source contacted by AFP on Friday", "quoted on Monday".
CONTACT_VERBS = frozenset("contact interview quote cite".split())

# The subject or object of a court's or a mourning's doing: "a judge on Thursday accepted his plea".
LEGAL_NOUNS = frozenset("""judge jury court plea verdict trial hearing sentence sentencing arraignment prosecutor
    prosecution indictment bond bail funeral vigil memorial appearance warrant""".split())
# Nouns of a count told of a happening: their telling is a report ("the toll was given on Tuesday").
TOLL_NOUNS = frozenset({"toll", "tally"})
# Nouns of the occasion of a report or of the aftermath: "said during a news conference Thursday".
REPORT_NOUNS = frozenset("""conference briefing statement interview hearing court release update appearance
    arraignment session meeting post""".split())


def _told_object_of(trig: Token, verb: Token) -> bool:
    """``trig`` is a definite noun ("the attack", "its abduction") that ``verb`` (a verb of reaction)
    takes as its object, directly or through "for"/"over" ("blamed the group for the abduction")."""
    if trig.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any((c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
               for c in trig.children):
        return False
    if trig.dep_ == "dobj" and trig.head.i == verb.i:
        return True
    return trig.dep_ == "pobj" and trig.head.lower_ in ("for", "over") and trig.head.head.i == verb.i


def _speaker_verb_of(sp: Span) -> Token | None:
    """The verb an expression dates directly ("said Monday"), or through the noun of its occasion
    ("said during a news conference Monday"); not a verb reached through the nouns of a happening
    ("charged in the shooting of a teenager Saturday night": Saturday night is the shooting's)."""
    a = _attach(sp)
    if a.pos_ in VERB_POS:
        return a
    if a.pos_ == "NOUN" and a.lemma_.lower() in REPORT_NOUNS:
        h = _clause_head(a)
        return h if h.pos_ in VERB_POS else None
    return None


def _after_publication(doc: Doc, sp: Span) -> bool:
    anchor = Anchor.of(doc._.published, doc._.published_precision)
    v = sp._.timex.value if sp._.timex is not None else None
    return bool(anchor.known and v is not None and v.known and v.start > anchor.end)


def _report_time(sp: Span) -> bool:
    """The expression dates a report or the aftermath: its clause's verb says so, and the expression
    follows that verb or comes right before it ("police said Monday", "police on Monday identified").

    A date parsed as the verb's subject, or parted from it by punctuation ("... just before midnight
    Sunday, police said"), is the parser's misreading of the happening's own date."""
    head = _speaker_verb_of(sp)
    if head is None or not _aftermath_verb(head):
        return False
    if sp.root.dep_ in ("nsubj", "nsubjpass"):
        return False
    inner = [c for c in head.children if c.dep_ in ("ccomp", "parataxis") and head.i < c.left_edge.i < sp.start]
    if inner:
        # "told police he was firing at the house July 18": the end of the reported clause, whose
        # own verb decides ("officials said the boy was arrested March 20" is the aftermath's)
        return inner[0].pos_ in VERB_POS and _aftermath_verb(inner[0])
    if sp.start > head.i:
        # "the sheriff says around midnight on Monday, the man went ...": fronted in the reported clause
        nxt = sp.doc[sp.end] if sp.end < len(sp.doc) else None
        return not (nxt is not None and nxt.text == "," and any(
            c.dep_ in ("ccomp", "parataxis") and c.left_edge.i >= sp.end for c in head.children))
    if _attach(sp).i != head.i:
        return True  # "In a Facebook post on Monday, she said ...": the occasion's noun says it
    return not any(t.is_punct for t in sp.doc[sp.end: head.i])


REPORT_SPEECH = frozenset({"say", "tell", "announce", "state", "claim", "report", "confirm", "add"})


def _statement_date(sp: Span, trig: Token) -> bool:
    """The expression stands right after a verb of speech, before the subject of the clause that verb
    reports, with no "that" or comma between: "said on Wednesday it had detained five men" dates the
    saying, whatever word the parser hangs it on ("said that on Wednesday it had detained" and "said it
    had detained them on Wednesday" date the detention)."""
    v = trig if trig.pos_ in VERB_POS else trig.head
    for _ in range(3):
        if v.dep_ != "conj" or v.head.i == v.i:
            break
        v = v.head
    if v.dep_ != "ccomp" or v.head.lemma_.lower() not in REPORT_SPEECH or not v.head.i < sp.start:
        return False
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or sp.end > subj.left_edge.i:
        return False
    return not any(t.lower_ == "that" or t.is_punct for t in sp.doc[v.head.i + 1: sp.start])


def _aftermath_verb(v: Token) -> bool:
    lemma = v.lemma_.lower()
    if lemma == "report" and any(c.dep_ == "auxpass" for c in v.children):
        return False  # "the shooting was reported at 12:03 a.m.": the call to the police, at the happening
    if lemma == "turn" and any(c.dep_ == "prt" and c.lower_ == "in" for c in v.children):
        return True  # "turned himself in to police Wednesday"
    if lemma in AFTERMATH_VERBS or lemma in CONTACT_VERBS:
        return True
    if lemma == "reach" and v.tag_ == "VBN" and v.dep_ in ("acl", "relcl"):
        return True  # "a source reached by our team on Saturday": the reporter's call, not the happening
    # "a judge on Thursday accepted his plea", "the trial began Monday": the court's time
    # "the toll was given on Tuesday", "officials raised the tally Monday": a revised account's time
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in LEGAL_NOUNS | TOLL_NOUNS
               for c in v.children)


def _governors(tok: Token) -> list[Token]:
    """``tok`` and its ancestors up to its clause's verb (through xcomp / conj chains of verbs)."""
    out = [tok]
    t = tok
    for _ in range(40):
        if t.head == t:
            break
        if t.pos_ in VERB_POS and t.dep_ not in ("aux", "auxpass"):
            # climb only through chains that share the clause's time
            if t.dep_ in ("xcomp", "conj") and t.head.pos_ in VERB_POS:
                t = t.head
                out.append(t)
                continue
            break
        t = t.head
        out.append(t)
    return out


def _in_subtree(tok: Token, root: Token, stop_clauses: bool = True) -> bool:
    """``tok`` is in ``root``'s subtree without crossing into another clause."""
    t = tok
    for _ in range(60):
        if t is root or t.i == root.i:
            return True
        if t.head == t:
            return False
        if stop_clauses and t.dep_ in CLAUSE_DEPS and t.pos_ in VERB_POS and t.i != root.i:
            # entering a subordinate clause below root
            if t.head.i == root.i and t.dep_ in ("xcomp", "conj"):
                t = t.head
                continue
            return False
        t = t.head
    return False


def _span_value(span: Span) -> DateRange | None:
    tx = span._.timex
    if tx is None:
        return None
    return tx.value


def _ok(span: Span) -> bool:
    tx = span._.timex
    # dates, and anchored stretches ("in the past three days"); a set never dates one event
    if tx is None or tx.kind == "set" or not tx.value.known:
        return False
    if span._.timex_ref or span._.timex3 in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return False
    return True


_PREC_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}


ONGOING_DAYS = 14


def _recent_start(doc: Doc, rng: DateRange) -> bool:
    """A "since" range that began within the two weeks before the report: a happening still going on,
    told from its first day ("since Saturday"), not a state of affairs ("since 2013")."""
    anchor = Anchor.of(doc._.published, doc._.published_precision)
    return bool(anchor.known and rng.known and anchor.precision == "day"
                and anchor.start - timedelta(days=ONGOING_DAYS) <= rng.start <= anchor.end)


def since_recent_day(doc: Doc, since: Token) -> bool:
    """``since`` opens a recent day ("killed in fighting since Saturday"): the happening's first day."""
    idx = {t.i for t in since.subtree}
    return any(sp.start in idx and sp._.timex is not None and sp._.timex.background
               and _recent_start(doc, sp._.timex.value) for sp in doc.spans.get(GROUP, []))


def _best(cands: list[tuple[int, Span]]) -> Span:
    return min(cands, key=lambda c: (c[0], _PREC_RANK.get(c[1]._.timex.value.precision, 5)))[1]


def _with_conjuncts(best: Span, others: list[Span]) -> DateRange:
    """"on Saturday and Sunday": the range both days cover."""
    rng = _span_value(best)
    r = best.root
    for sp in others:
        o = sp.root
        if sp is best or o.i == r.i:
            continue
        if (o.dep_ == "conj" and o.head.i == r.i) or (r.dep_ == "conj" and r.head.i == o.i):
            v = _span_value(sp)
            if v is not None and v.known and rng.known:
                s, e = min(rng.start, v.start), max(rng.end, v.end)
                rng = DateRange(s, e, precision_of_range(s, e))
    return rng


def story_date(doc: Doc) -> DateRange | None:
    """The day of the article's main event: its first past day-precision date within two weeks before
    publication that dates neither a report nor the aftermath ("police said Monday", "was charged Friday").

    With only such dates, the two days up to the first of them (precision ``week``): the happening
    came before its report, most often that day or the day before."""
    anchor = Anchor.of(doc._.published, doc._.published_precision)
    if not anchor.known:
        return None
    report = None
    trigger_roots = {t.root.i for t in extensions.span_group(doc, "ew_triggers")}
    for sp in extensions.span_group(doc, GROUP):
        tx = sp._.timex
        if not _ok(sp) or tx.background or tx.value.precision != "day":
            continue
        if anchor.start - timedelta(days=14) <= tx.value.start <= anchor.end:
            if clause_tense(sp.root) == FUTURE:
                continue
            if sp.root.dep_ == "compound" and sp.root.head.i not in trigger_roots:
                continue  # "a Halloween party": names the occasion, often of the night before
            if _report_time(sp):
                report = report or tx.value
                continue
            if _ANAPHORIC.search(sp.text):
                continue  # "20 minutes later" is counted from a day told before, maybe a report's
            return tx.value
    # A follow-up (a trial, a funeral, an arrest weeks later): the day of the happening it follows up,
    # told further back, within the year before publication.
    older = [d for d in _happening_days(doc) if anchor.start - timedelta(days=366) <= d.start < anchor.start - timedelta(days=14)]
    if older:
        return older[0]
    if report is not None:
        return DateRange(report.start - timedelta(days=1), report.end, "week")
    return None


# counted from another date ("two days later", "the next day"), not from publication ("earlier this evening")
_ANAPHORIC = re.compile(r"^(?!.*\b(?:this|today|tonight|yesterday|tomorrow)\b).*"
                        r"\b(?:later|earlier|after|before|afterwards?|following|next|previous|preceding|same)\b", re.I)


def _happening_days(doc: Doc) -> list[DateRange]:
    """Day-precision dates, in story order, of sentences that tell a happening (a trigger that is
    not itself a report or the aftermath); not a report's, the future's, or background."""
    sents = {t.root.sent.start for t in doc.spans.get("ew_triggers", [])
             if t.root.lemma_.lower() not in AFTERMATH_VERBS}
    anchor = Anchor.of(doc._.published, doc._.published_precision)
    out = []
    for sp in doc.spans.get(GROUP, []):
        tx = sp._.timex
        if not _ok(sp) or tx.background or tx.value.precision != "day" or sp.sent.start not in sents:
            continue
        if anchor.known and tx.value.start > anchor.end:
            continue
        if clause_tense(sp.root) == FUTURE or _report_time(sp) or _ANAPHORIC.search(sp.text):
            continue  # "two days later" is counted from a day told already
        out.append(tx.value)
    return out


_PART_OF_PERIOD = re.compile(r"^(?:early|late|mid|the end of|the beginning of|the start of|the middle of)\b", re.I)


def _day_within(doc: Doc, rng: DateRange, sp: Span | None = None) -> DateRange:
    """"the attack last month" in a story that tells the day elsewhere ("on March 6 ..."): that day,
    when the story tells a single happening's day within the period; else the period.

    A part of a period ("late last week") is the writer's own narrowing: it tells as much as they know,
    and a day told within it ("On Sunday, the insurgents set up a base") is another happening's."""
    if not rng.known or rng.precision not in ("week", "month") or rng.start == rng.end:
        return rng
    if sp is not None and _PART_OF_PERIOD.match(sp.text):
        return rng
    days = {(d.start, d.end) for d in _happening_days(doc) if rng.start <= d.start and d.end <= rng.end}
    if len(days) == 1:
        s, e = days.pop()
        return DateRange(s, e, "day")
    return rng


def publication_range(doc: Doc) -> DateRange:
    anchor = Anchor.of(doc._.published, doc._.published_precision)
    if not anchor.known:
        return DateRange.unknown()
    return DateRange(anchor.start, anchor.end, anchor.precision if anchor.precision != "unknown" else "day")


def undated_range(doc: Doc) -> DateRange:
    """An event nothing in the article dates: reported on or the day after it happened.

    With a publication day that is the two days up to it (precision ``week``: not a
    made-up day); with a publication month or year, that period."""
    pub = publication_range(doc)
    if pub.known and pub.precision == "day":
        return DateRange(pub.start - timedelta(days=1), pub.end, "week")
    return pub


def _owned_by_other_event(doc: Doc, sp: Span, trig: Token) -> bool:
    """The expression dates another event of the sentence: its clause's verb is another trigger
    ("the deal ... to free soldiers who were kidnapped in 2014": 2014 is the kidnapping's)."""
    if "ew_triggers" not in doc.spans:
        return False
    head = _clause_head(_attach(sp))
    if head.i == trig.i or head.i == _clause_head(trig).i:
        return False
    return any(t.root.i == head.i for t in doc.spans["ew_triggers"])


def _in_other_happening_phrase(doc: Doc, a: Token, trig: Token) -> bool:
    """``a`` (where an expression attaches) lies in the phrase of another happening noun of the
    sentence that does not hold ``trig`` (itself a noun): that happening's date."""
    if "ew_triggers" not in doc.spans or trig.pos_ not in ("NOUN", "PROPN"):
        return False  # (a verb's own phrase holds the happening it is part of: "killed in clashes Sunday")
    for t in doc.spans["ew_triggers"]:
        r = t.root
        if r.i == trig.i or r.pos_ not in ("NOUN", "PROPN") or not (r.sent.start <= a.i < r.sent.end):
            continue
        if _in_subtree(a, r) and not _in_subtree(trig, r, stop_clauses=False):
            return True
    return False


def _describes_a_participant(sp: Span, trig: Token) -> bool:
    """The expression sits in a relative clause about someone or something that does not hold the
    trigger ("President X, who took office last month, condemned the attack"): it dates that
    description, not the happening."""
    head = _clause_head(_attach(sp))
    if head.dep_ != "relcl" or _in_subtree(trig, head, stop_clauses=False):
        return False
    # "the attack, which took place on Sunday", "the man who was shot Sunday": the clause tells the
    # happening itself or its victim; only a named one's own story: a person's ("X, who took office
    # last month"), a group's or a place's ("Vesna, whose founder won a prize in 2022", "the Union,
    # which was founded in 1998"): a background line about a name, not the happening's day
    described = head.head
    return described.i != trig.i and (described.ent_type_ in _NAMED or described.pos_ == "PROPN")


_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT"})


def event_date(doc: Doc, trigger, _depth: int = 0) -> tuple[DateRange, bool]:
    """(DateRange of the event whose trigger is ``trigger``, whether its clause is background)."""
    rng, background, _how = dated_by(doc, trigger, _depth)
    return rng, background


def dated_by(doc: Doc, trigger, _depth: int = 0) -> tuple[DateRange, bool, str]:
    """``event_date`` and where the date came from: ``"own"`` (an expression of the trigger's clause or
    phrase), ``"relative"`` ("a week after X"), ``"sentence"`` (the nearest expression of its sentence),
    ``"story"`` (the story's main day) or ``"undated"`` (publication).  A recap or a reference back
    ("the offensive", "the deal follows a campaign") with no date of its own is dated by the story: its
    happening's earlier mention gives the date (``merge.merge_mentions``)."""
    if isinstance(trigger, Token):
        trigger = doc[trigger.i: trigger.i + 1]
    if GROUP not in doc.spans:
        annotate_doc(doc)
    spans = list(extensions.span_group(doc, GROUP))  # (Spans built once per doc)
    trig = trigger.root
    # The trigger is X in "A came nearly a week after X": date X from A.
    if _depth < 2:
        for sp in spans:
            xi = sp._.timex_x
            if xi and xi[0] <= trig.idx < xi[1]:
                main_rng, _bg = event_date(doc, doc[xi[3]: xi[3] + 1], _depth + 1)
                if main_rng.known:
                    delta, unit, approx, sign = xi[2]
                    ref = TValue(main_rng.start, main_rng.end, main_rng.precision, "")
                    v = shifted(ref, (-delta, unit, approx, -sign))
                    if v.known:
                        return DateRange(v.start, v.end, v.precision), False, "relative"
    sent = trig.sent if doc.has_annotation("SENT_START") else doc[:]
    in_sent = [sp for sp in spans if sent.start <= sp.start < sent.end and not (
        sp.start <= trig.i < sp.end)]
    govs = _governors(trig)
    clause = _clause_head(trig)
    def speaks(v: Token) -> bool:
        return v.lemma_.lower() in REACTION_VERBS and not (
            v.lemma_.lower() == "report" and any(c.dep_ == "auxpass" for c in v.children))  # "was reported"
    speaker_verb = clause if speaks(clause) else next(
        (g for g in govs if g.pos_ in VERB_POS and speaks(g)), None)
    if trig.pos_ in ("NOUN", "PROPN") and speaker_verb is not None:
        # "X condemned the airstrike on Friday": Friday is when X spoke, not when the strike was;
        # "appeared in court Tuesday to answer charges over the shooting": the hearing's day.
        govs = [g for g in govs if g.i != speaker_verb.i]
        clause = trig
        in_sent = [sp for sp in in_sent if getattr(_speaker_verb_of(sp), "i", None) != speaker_verb.i]
        if _told_object_of(trig, speaker_verb):
            # "the group claimed the attack in a statement on Tuesday": the parser hangs the date on
            # the noun, but a happening already told ("the attack") is not dated again after its
            # noun; the date is the claim's ("Friday's attack", "the March 3 attack" stay the noun's)
            in_sent = [sp for sp in in_sent if not (sp.start > trig.i and _attach(sp).i == trig.i)]
    tied: list[tuple[int, Span]] = []
    ongoing: list[tuple[int, Span]] = []
    said: list[tuple[int, Span]] = []
    background = False
    past = clause_tense(trig) == PAST
    for sp in in_sent:
        a = _attach(sp)
        tx = sp._.timex
        level = None
        if a.i == trig.i:
            level = 0
        elif trig.pos_ in ("NOUN", "PROPN") and sp.end <= trig.i and _in_subtree(a, trig):
            level = 0  # "on Friday's officer-involved shooting": inside the trigger's own phrase
        elif any(a.i == g.i for g in govs):
            level = 1
        elif _in_subtree(a, clause) or _in_subtree(a, trig):
            level = 2
        if level is None:
            continue
        if tx is not None and tx.background:
            if _recent_start(doc, tx.value):
                # "12 killed in fighting since Saturday", "clans have battled since Thursday": a happening
                # going on since a recent day began that day (ACLED codes its start), no background
                ongoing.append((level, sp))
                continue
            # "has been fighting since 2013" marks the clause; "the worst attack since 2014" does not
            if level <= 1:
                background = True
            continue
        if level > 0 and _report_time(sp):
            continue  # "a press conference Tuesday on the shooting": the report's day
        if level <= 1 and _statement_date(sp, trig):
            said.append((level, sp))  # "the FSB said on Wednesday it had detained five men"
            continue
        if level == 2 and _in_other_happening_phrase(doc, a, trig):
            continue  # "the demonstration followed fighting on Sunday": Sunday is the fighting's
        if past and _after_publication(doc, sp):
            continue  # "were shot during a Halloween party" published the day before Halloween
        if _ok(sp):
            tied.append((level, sp))
    if tied:
        best = _best(tied)
        return _day_within(doc, _with_conjuncts(best, [sp for _l, sp in tied]), best), background, "own"
    if ongoing and not background:
        return _span_value(_best(ongoing)), False, "own"
    if said and not background:
        # the day the source spoke: the happening was then or before; another report of it with a
        # day of its own dates it ("... were detained on Tuesday"), and the merge lets that day win
        return _span_value(_best(said)), False, "statement"
    if background:
        for sp in in_sent:
            a = _attach(sp)
            if sp._.timex is not None and sp._.timex.background and sp._.timex.value.known and (
                    a.i == trig.i or any(a.i == g.i for g in govs)):
                return sp._.timex.value, True, "own"
        return publication_range(doc) if doc._.published else DateRange.unknown(), True, "undated"
    # Nearest date expression in the sentence (not background, not inside another event's "since" clause).
    near = [sp for sp in in_sent if _ok(sp) and not sp._.timex.background and not _owned_by_other_event(doc, sp, trig)
            and not _describes_a_participant(sp, trig) and not _in_other_happening_phrase(doc, _attach(sp), trig)
            and not _report_time(sp) and not (past and _after_publication(doc, sp))]
    if near:
        sp = min(near, key=lambda s: (min(abs(s.start - trig.i), abs(s.end - 1 - trig.i)),
                                      _PREC_RANK.get(s._.timex.value.precision, 5)))
        return _day_within(doc, _span_value(sp), sp), False, "sentence"
    sd = story_date(doc)
    if sd is not None:
        return sd, False, "story"
    return undated_range(doc), False, "undated"
