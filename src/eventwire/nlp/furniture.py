"""eventwire_furniture: the lines of a page that are not the story.

A stored web page carries the site around the article: lists of other stories'
headlines ("ALSO READ", "Related", "More from ..."), photo captions and credits,
share and newsletter boxes, bylines, cookie notices, video links.  A rocket
launch in a related-headline list is another story; a file photo's caption is
an older one.  This component reads the text line by line (before the parser;
the line's words, case and punctuation are enough) and writes
``Doc._.furniture``: a list of ``(start_char, end_char, reason)`` for each line
that is furniture.  It also starts a sentence at each furniture line and right
after it, so a headline in a list never glues to a sentence of the story.
``eventwire_mentions`` reads no happening from these lines.

Each line is one of:

- a marker of a list of other stories ("Related stories", "More from X",
  "ALSO READ: ..." with the headline on the same line);
- a caption or credit ("(Photo: AFP)", "Image caption", "File photo",
  "REUTERS/Name");
- a share, newsletter, sign-in, comment, cookie or video box;
- a byline or a time stamp ("By Jane Doe", "Posted: ...", "Reporting by ...");
- headline-like: short, starting with a capital, with no sentence-final stop
  (a headline has no full stop; a sentence of the story has one), and not a
  hard-wrapped line of a paragraph (the line ends where a sentence may end and
  the next line starts with a capital);
- a body line: anything else (a paragraph of the story, or part of one).

Headline-like lines are furniture when a list marker introduces them (up to the
next body line), or when they stand in a run of three or more short lines with
no body line between them after the story has begun: two of its paragraphs (the
story's own headline, subtitle and byline stand before its first paragraph, and
a summary of highlights may follow the lead; both are kept).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401
from .extensions import doc_text

_SEP = r"\s*[:|»>›\-–—]+"
# Markers of a list of other stories (the whole line, or the line's start before a separator).
_LIST_WORDS = (
    r"also\s+read|read\s+also|read\s+more|read\s+next|more\s+from(?:\s+[\w'’.&-]+){0,5}|"
    r"more\s+(?:top\s+|latest\s+|related\s+)?(?:news|stories|articles|coverage|videos?|headlines|on\s+this(?:\s+story)?)|"
    r"related(?:\s+(?:stories|story|articles?|news|content|coverage|posts?|links?|topics|videos?|reading|items?))?|"
    r"recommended(?:\s+(?:for\s+you|stories|articles|reading|videos?))?|"
    r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|see\s+also|"
    r"trending(?:\s+(?:now|stories|news))?|most\s+(?:read|popular|viewed|shared|watched)(?:\s+(?:stories|articles|news))?|"
    r"(?:latest|recent|more|other)\s+posts(?:\s+(?:by|from)\b.*)?|popular\s+(?:stories|now|news)|top\s+(?:stories|news|headlines)|latest\s+(?:news|stories|headlines|videos?)|"
    r"editor'?’?s\s+picks?|(?:from\s+)?around\s+the\s+web|further\s+reading|what\s+to\s+read\s+next|more\s+like\s+this|"
    r"don'?’?t\s+miss|must\s+reads?|promoted\s+stories|sponsored\s+(?:stories|content|links)|"
    r"(?:watch|listen)(?:\s+(?:more|now|live|the\s+video))?|(?:more\s+|latest\s+)?videos?|tags?|topics?|filed\s+under|keywords?"
)
LIST_MARKER = re.compile(rf"^\W*(?:{_LIST_WORDS})(?:{_SEP})?\s*$", re.I)
# "ALSO READ: <headline>", "Related | <headline>", "WATCH - <headline>": a separator after the marker.
INLINE_MARKER = re.compile(
    r"^\W*(?:also\s+read|read\s+also|read\s+more|read\s+next|related(?:\s+(?:story|stories|articles?|news|coverage))?|"
    r"more(?:\s+(?:news|stories|coverage))?|see\s+also|recommended|trending|watch|listen|video|tags?|topics|filed\s+under)"
    r"\s*[:|»>›]\s*\S",
    re.I,
)
CAPTION = re.compile(
    r"(?i:\((?:[^()]{0,40}\b)?(?:photo|photograph|picture|pic|image|file|video|credit)s?\b[^()]{0,80}\))|"
    r"(?i:^\W*(?:photo|photograph|picture|image|file\s+photo|caption|credit|illustration|graphic)s?(?:\s+credit)?\s*[:|/©])|"
    r"(?i:\b(?:image|media|photo)\s+(?:caption|copyright|credit)\b|\bfile\s+(?:photo|picture|image)\b)|"
    r"\b(?:AP|AFP|EPA|UPI|Reuters|REUTERS|Getty|Xinhua|Anadolu)\s*(?:Photo|PHOTO|Images|IMAGES|Agency)?\s*/\s*[A-Z]|"
    r"\bGetty\s+Images\b|(?i:\b(?:photo|picture|image)s?\s+(?:by|courtesy\s+of)\b)|©",
)
BOX = re.compile(
    r"^\W*(?:share(?:\s+(?:this|on|via|the\s+story|article))?|tweet|email|e-mail|print|whatsapp|facebook|twitter|linkedin|"
    r"pinterest|reddit|telegram|copy\s+link|comments?|\d+\s+comments?|leave\s+a\s+(?:comment|reply)|reply|"
    r"sign\s+(?:up|in)|log\s*in|register|subscribe|newsletter|advertisement|advertising|sponsored|ad|skip\s+ad|"
    r"go\s+to\s+video|play\s+video|watch\s+video|click\s+here|follow\s+us|join\s+the\s+conversation|back\s+to\s+top|"
    r"home|menu|search|close|next|previous|loading|powered\s+by)\b",
    re.I,
)
BOX_ANYWHERE = re.compile(
    r"\bwe\s+use\s+cookies\b|\bcookie\s+(?:policy|settings|notice|preferences)\b|\baccept\s+(?:all\s+)?cookies\b|"
    r"\bby\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+this\s+(?:site|website)\b|\ball\s+rights\s+reserved\b|"
    r"\bprivacy\s+policy\b|\bterms\s+of\s+(?:use|service)\b|\bsign\s+up\s+for\s+(?:our|the)\b[^.]{0,40}\bnewsletter|"
    r"\bsubscribe\s+to\s+(?:our|the)\b|\bnewsletter\b.{0,60}\binbox\b|\bfollow\s+(?:us|\w+)\s+on\s+(?:twitter|facebook|instagram)\b|"
    r"\bjoin\s+the\s+conversation\b|\bshare\s+(?:this|your)\s+(?:story|article|voice)\b|\bthis\s+is\s+a\s+developing\s+story\b|"
    r"\bcheck\s+back\s+(?:later\s+)?for\s+updates\b",
    re.I,
)
BYLINE = re.compile(
    r"^\W*(?:by|written\s+by|posted\s+by|story\s+by|words\s+by|reporting\s+by|editing\s+by|additional\s+reporting\s+by|"
    r"compiled\s+by|(?:posted|published|updated|last\s+updated|first\s+published)(?:\s+(?:on|at))?\s*:?)\s+\S",
    re.I,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
STAMP = re.compile(
    rf"^\W*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*(?:\d{{4}})?|"
    rf"\d{{1,2}}\s+{_MONTH},?\s*(?:\d{{4}})?|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}})"
    r"(?:\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\W*$|"
    r"^\W*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\W*$|^\W*\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?)\s+ago\W*$",
    re.I,
)
_END_STOP = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# A line ending on one of these words (or a comma) goes on in the next line: a hard wrap.
from .paragraphs import CONTINUES  # noqa: E402

MAX_HEADLINE_WORDS = 24
MIN_BODY_WORDS = 8
RUN_MIN = 3


@dataclass
class Line:
    start: int
    end: int
    text: str
    kind: str = "body"  # blank | marker | furniture | headline | short | body
    reason: str = ""


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def _lines(text: str) -> list[Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        out.append(Line(start + lead, start + lead + len(body), body, "blank" if not body else "body"))
    return out


def _next_text(lines: list[Line], i: int) -> str | None:
    for ln in lines[i + 1:]:
        if ln.kind != "blank":
            return ln.text
    return None


def _headline_like(lines: list[Line], i: int) -> bool:
    """Short, starts with a capital, no sentence-final stop, and not a hard-wrapped part of a paragraph."""
    ln = lines[i]
    words = _words(ln.text)
    if not words or len(words) > MAX_HEADLINE_WORDS or _END_STOP.search(ln.text):
        return False
    first = ln.text.lstrip("\"“'‘-–—•*·▪► ")
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    if ln.text.rstrip().endswith((",", ";", ":", "(", "-", "–", "—")) or words[-1].lower() in CONTINUES:
        return False  # goes on in the next line, or introduces a list of its own ("In other shootings:")
    nxt = _next_text(lines, i)
    blank_after = i + 1 < len(lines) and lines[i + 1].kind == "blank"
    if nxt is not None and not blank_after:
        lead = nxt.lstrip("\"“'‘-–—•*·▪► ")
        if lead and lead[0].islower():
            return False  # "Gunmen believed to belong to a\ncriminal gang ...": a wrapped sentence
    return True


def _title_shaped(text: str) -> bool:
    """Short, from a capital, no sentence-final stop (a headline in a list, "..., officials say" too)."""
    words = _words(text)
    first = text.lstrip("\"“'‘-–—•*·▪► ")
    return bool(words) and len(words) <= MAX_HEADLINE_WORDS and not _END_STOP.search(text) and \
        bool(first) and (first[0].isupper() or first[0].isdigit()) and not text.rstrip().endswith((",", ";", ":"))


BULLET = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,2}[.)])\s+\S")
HEADER_MAX_WORDS = 8


def _heads_a_list(lines: list[Line], i: int) -> bool:
    """A short line ending in a colon ("Also on our site:", "Elsewhere in the region:") over two or more
    bulleted, title-shaped lines: whatever its words, the form of a list of other stories' headlines
    (a story's own sentences end with a stop)."""
    t = lines[i].text
    if not t.rstrip().endswith(":") or len(_words(t)) > HEADER_MAX_WORDS:
        return False
    items = 0
    for ln in lines[i + 1:]:
        if ln.kind == "blank":
            continue
        if not (BULLET.match(ln.text) and _title_shaped(ln.text)):
            break
        items += 1
    return items >= 2


def classify(text: str) -> list[Line]:
    """The lines of ``text`` with their kind and, for furniture, the reason."""
    lines = _lines(text)
    for i, ln in enumerate(lines):
        if ln.kind == "blank":
            continue
        t = ln.text
        n = len(_words(t))
        if LIST_MARKER.match(t):
            ln.kind, ln.reason = "marker", "list of other stories"
        elif INLINE_MARKER.match(t) and n <= MAX_HEADLINE_WORDS + 4:
            ln.kind, ln.reason = "furniture", "headline of another story"
        elif CAPTION.search(t) and n <= 60:
            ln.kind, ln.reason = "furniture", "photo caption or credit"
        elif BOX_ANYWHERE.search(t) or (BOX.match(t) and n <= 8 and not _END_STOP.search(t)):
            ln.kind, ln.reason = "furniture", "share, newsletter, sign-in, cookie or video box"
        elif BYLINE.match(t) and n <= 14 and not _END_STOP.search(t):
            ln.kind, ln.reason = "furniture", "byline or time stamp"
        elif STAMP.match(t):
            ln.kind, ln.reason = "furniture", "byline or time stamp"
        elif _heads_a_list(lines, i):
            ln.kind, ln.reason = "marker", "header of a list of headlines"
        elif n <= 3 and not _END_STOP.search(t):
            ln.kind = "short"
        elif _headline_like(lines, i):
            ln.kind = "headline"
        elif n < MIN_BODY_WORDS and not _END_STOP.search(t):
            ln.kind = "short"
    # Headlines after a list marker, up to the story's next body line.
    listing = False
    for ln in lines:
        if ln.kind == "marker":
            listing = True
        elif ln.kind == "body" and not _title_shaped(ln.text):
            listing = False
        elif listing and (ln.kind in ("headline", "short") or _title_shaped(ln.text)):
            ln.kind, ln.reason = "furniture", "headline in a list of other stories"
    # Runs of short lines once the story has begun: three or more with no body line between.
    body_lines = 0  # the story has begun after two paragraphs (the lead's highlights may follow the first)
    run: list[Line] = []

    def close_run() -> None:
        members = [x for x in run if x.kind != "blank"]
        if len(members) >= RUN_MIN and any(x.kind == "headline" for x in members):
            for x in members:
                if x.kind in ("headline", "short"):
                    x.kind, x.reason = "furniture", "run of short headline-like lines"
        run.clear()

    for ln in lines:
        if ln.kind == "body":
            close_run()
            if len(_words(ln.text)) >= MIN_BODY_WORDS:
                body_lines += 1
        elif body_lines >= 2:
            run.append(ln)
    close_run()
    return lines


def furniture_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start_char, end_char, reason)`` of each furniture line of ``text``."""
    return [(ln.start, ln.end, ln.reason) for ln in classify(text) if ln.kind in ("marker", "furniture")]


def in_furniture(doc: Doc, start_char: int, end_char: int) -> str:
    """The reason when the character range lies in a furniture line of ``doc``; else ""."""
    for s, e, why in doc._.furniture or ():
        if s <= start_char and end_char <= e:
            return why
    return ""


@Language.factory("eventwire_furniture")
def make_furniture(nlp: Language, name: str):
    return mark_furniture


def mark_furniture(doc: Doc) -> Doc:
    spans = furniture_spans(doc_text(doc))  # built once, read again by the later components
    doc._.furniture = spans
    if not spans or doc.has_annotation("DEP"):
        return doc  # sentence starts can be set only before the parser
    for s, e, _why in spans:
        first = doc.char_span(s, e, alignment_mode="expand")
        if first is None or len(first) == 0:
            continue
        doc[first.start].is_sent_start = True
        if first.end < len(doc):
            nxt = first.end
            while nxt < len(doc) and doc[nxt].is_space:
                nxt += 1
            if nxt < len(doc):
                doc[nxt].is_sent_start = True
    return doc
