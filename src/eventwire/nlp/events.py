"""eventwire_events: STUB, to be implemented (see extensions.py for what it writes)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401


@Language.factory("eventwire_events")
def make_events(nlp: Language, name: str):
    return lambda doc: doc
