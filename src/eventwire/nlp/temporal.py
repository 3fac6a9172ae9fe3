"""eventwire_temporal: STUB, to be implemented (see extensions.py for what it writes)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401


@Language.factory("eventwire_temporal")
def make_temporal(nlp: Language, name: str):
    return lambda doc: doc


def event_date(doc: Doc, trigger) -> tuple:
    """STUB API: (DateRange for the event whose trigger is ``trigger``, is_background).

    The real version takes the expression that governs the trigger, else the
    publication date with its precision.
    """
    from ..records import DateRange

    pub = doc._.published
    if pub is None:
        return DateRange.unknown(), False
    return DateRange(pub, pub, doc._.published_precision if doc._.published_precision != "unknown" else "day"), False
