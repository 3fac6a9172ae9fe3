"""eventwire_dateline: the place a report was filed from ("Ras Baalbek - ...", "KANO, Nigeria: ...").

Runs before the statistical NER so the dateline is one place entity instead of
being glued to the first words of the story ("Ras Baalbek - Islamic State" as a
PERSON).  The dateline is a location hint, never an event by itself.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from . import extensions  # noqa: F401  (registers the attributes)

# A short capitalised place at the very start of the body, optionally with a
# country or state after a comma, then a dash or colon:
#   "Ras Baalbek - ", "MOGADISHU, Somalia — ", "KANO, Nigeria: ", "KADUNA — "
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,2}))?"
    r"(?:\s*\([A-Za-z ]{2,20}\))?"  # agency tag: "(Reuters)"
    r"\s*(?:[-–—:]|--)\s+"
)


def find_dateline(text: str) -> tuple[int, int] | None:
    m = DATELINE.match(text)
    if not m:
        return None
    return m.start("place"), m.end("place")


@Language.factory("eventwire_dateline")
def make_dateline(nlp: Language, name: str):
    return DatelineComponent()


class DatelineComponent:
    def __call__(self, doc: Doc) -> Doc:
        found = find_dateline(doc.text)
        if found is None:
            return doc
        span = doc.char_span(found[0], found[1], label="GPE", alignment_mode="expand")
        if span is None:
            return doc
        doc._.dateline = span
        # Preset the entity so the statistical NER predicts around it.
        doc.set_ents(filter_spans([span, *doc.ents]))
        return doc
