"""eventwire_toponyms: STUB, to be implemented (see extensions.py for what it writes)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401


@Language.factory("eventwire_toponyms")
def make_toponyms(nlp: Language, name: str):
    return lambda doc: doc


def event_location(doc: Doc, trigger) -> tuple:
    """STUB API: (location Place or None, destination Place or None) for the event at ``trigger``."""
    return doc._.dateline_place, None
