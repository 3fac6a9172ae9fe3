"""eventwire_mentions: STUB, to be implemented: assembles Doc._.mentions from the annotations."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401


@Language.factory("eventwire_mentions")
def make_mentions(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.mentions = []
        return doc

    return component
