"""eventwire_dateline: the place a report was filed from ("Tal Afar - ...", "GAO, Mali: ...").

Runs before the statistical NER so the dateline is one place entity instead of
being glued to the first words of the story ("Tal Afar - Islamic State" as a
PERSON).  The dateline is a location hint, never an event by itself.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from . import extensions  # noqa: F401  (registers the attributes)
from .extensions import doc_text

# A short capitalised place, optionally with a country or state after a comma,
# then a dash or colon:
#   "Tal Afar - ", "BAMAKO, Mali — ", "GAO, Mali: ", "JUBA — "
# The filing date wires put after the place: "BEIRUT, Aug 28 (Reuters) -", "SAN SALVADOR, 3 JAN 90 --",
# "NAIROBI, August 28, 2017 -".
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|"
          r"August|September|October|November|December)\.?")
_FILED = (rf"(?:,\s*(?i:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{2,4}})?))")
# The source tag after the date: an agency ("(Reuters)"), or a station or paper with a hyphen or a
# longer name ("(ACAN-EFE)", "(RADIO REBELDE NETWORK)", "(INRAVISION TELEVISION CADENA 1)"), but only
# after a filing date, where nothing else can stand in brackets.
_SOURCE_TAG = r"(?:\s*\([A-Za-z ]{2,20}\))"
_FILED_SOURCE_TAG = r"(?:\s*\([A-Za-z][A-Za-z0-9 .&'’-]{1,44}\))"
DATELINE = re.compile(
    # "Guatemala city": a truecased or sentence-cased "city" ends the name
    r"(?P<place>[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3}(?:\s+city)?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,2})(?=[\s,(:–—-]))?"
    rf"(?:{_FILED}{_FILED_SOURCE_TAG}|{_FILED}?{_SOURCE_TAG}?)"
    # Spanish agencies put a full stop after the agency's bracket: "Malabo, May 20 (EFE).- "
    r"(?:(?<=\))\.)?\s*(?:[-–—:]|--)\s+"
)
# Line-initial labels that look like datelines but are not places.
NOT_PLACES = {
    "breaking", "update", "updated", "watch", "exclusive", "report", "analysis", "opinion", "video",
    "photos", "live", "editorial", "comment", "read", "note", "warning", "related", "advertisement",
    # a source that hides where it broadcasts from, or says it names no town
    "clandestine", "no city",
}
# Web pages put a title or site furniture first: look this far for the dateline.
SEARCH_LINES = 12
SEARCH_CHARS = 2000


def find_dateline(text: str) -> tuple[int, int] | None:
    """Character span of the dateline place, or None.

    At the very start of the body a title-case place is accepted ("Tal Afar - ");
    further down, at the start of a line, only the wire-service capitals
    ("SANAA, Yemen — ") are, so headlines with a colon are not taken for datelines.
    """
    offset = 0
    for n, line in enumerate(text[:SEARCH_CHARS].split("\n")):
        if n >= SEARCH_LINES:
            break
        lead = len(line) - len(line.lstrip())
        m = DATELINE.match(line, lead)
        if m:
            place = m.group("place")
            first_line = text[:offset].strip() == ""
            if place.lower() not in NOT_PLACES and (first_line or place.isupper()) and len(place) > 2:
                return offset + m.start("place"), offset + m.end("place")
        offset += len(line) + 1
    # Pages flattened to one line put the wire dateline after the title or site furniture:
    # "Madison will dump assessors . DANIELSVILLE - Madison County ...", "watch this video  MILFORD -- ".
    for m in INLINE_DATELINE.finditer(text[:SEARCH_CHARS]):
        place = m.group("place")
        if place.isupper() and len(place) > 2 and place.lower() not in NOT_PLACES:
            return m.start("place"), m.end("place")
    return None


def _region(text: str, place: tuple[int, int]) -> tuple[int, int] | None:
    """Character span of the country or state written after the dateline place ("GAO, Mali -")."""
    m = DATELINE.match(text, place[0])
    if m is None or m.end("place") != place[1] or m.group("region") is None:
        return None
    return m.start("region"), m.end("region")


INLINE_DATELINE = re.compile(
    r"(?:[.!?]\s+|\s{2,})"
    r"(?P<place>[A-Z][A-Z'’.\-]*(?:\s+[A-Z][A-Z'’.\-]*){0,3})"
    r"(?:,\s*[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,2}(?=[\s,(:–—-]))?"
    rf"{_FILED}?"
    r"(?:\s*\([A-Za-z ]{2,20}\))?"
    r"\s*(?:[–—]|--?)\s+"
)


@Language.factory("eventwire_dateline")
def make_dateline(nlp: Language, name: str):
    return DatelineComponent()


class DatelineComponent:
    def __call__(self, doc: Doc) -> Doc:
        found = find_dateline(doc_text(doc))
        if found is None:
            return doc
        span = doc.char_span(found[0], found[1], label="GPE", alignment_mode="expand")
        if span is None:
            return doc
        doc._.dateline = span
        # Preset the entity so the statistical NER predicts around it; the country or state after
        # the comma too, or the NER glues it to the story's first words ("Papua New Guinea - Fighting").
        ents = [span]
        region = _region(doc_text(doc), found)
        if region is not None:
            rs = doc.char_span(region[0], region[1], label="GPE", alignment_mode="expand")
            if rs is not None and rs.start >= span.end:
                ents.append(rs)
        doc.set_ents(filter_spans([*ents, *doc.ents]))
        doc.user_data.pop(extensions._ENTS_KEY, None)  # entities built before are stale now
        return doc
