"""The attributes eventwire's components write on spaCy objects.

Every component reads and writes only these, so each can be tested alone and a
user can add any of them to their own pipeline.

Doc._.article              Article the doc was made from (None for plain text)
Doc._.published            datetime.date or None: the anchor of relative times
Doc._.published_precision  day | month | year | unknown
Doc._.dateline             Span of the dateline place ("Tal Afar" in "Tal Afar - ...") or None
Doc._.dateline_place       records.Place the dateline resolved to, or None
Doc._.mentions             list[records.EventMention] (set by eventwire_mentions)
Doc._.furniture            list of (start_char, end_char, reason): lines that are not the story
                           (other stories' headlines, captions, share boxes; eventwire_furniture)

Span groups (doc.spans[...]) and the Span attribute each span carries:
  "ew_timex"         Span._.timex         records.Timex
  "ew_toponyms"      Span._.place         records.Place (the chosen GeoNames place)
  "ew_actors"        Span._.actor         records.Actor
  "ew_quantities"    Span._.quantity      records.Quantity
  "ew_attributions"  Span._.source_name   str: who the text says reported it; the span is the
                                          name in the text, Span._.scope the (start_char, end_char)
                                          of the sentence or clause it covers
  "ew_triggers"      Span._.event_type    (event_type, sub_event_type) of the ACLED taxonomy
                     Span._.event_confidence float, Span._.event_rule str (why)
                     Span._.modality      asserted | planned | denied | hypothetical
                     Span._.background    True when the clause is background, not an event
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_ATTRS = {
    "article": None,
    "published": None,
    "published_precision": "unknown",
    "dateline": None,
    "dateline_place": None,
    "mentions": None,
    "furniture": None,
}
SPAN_ATTRS = {
    "timex": None,
    "place": None,
    "actor": None,
    "quantity": None,
    "source_name": None,
    "scope": None,
    "event_type": None,
    "event_confidence": None,
    "event_rule": None,
    "modality": None,
    "background": False,
}

GROUPS = ("ew_timex", "ew_toponyms", "ew_actors", "ew_quantities", "ew_attributions", "ew_triggers")


def register() -> None:
    for name, default in DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()
