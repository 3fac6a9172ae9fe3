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

Annotated docs serialise (``Doc.to_bytes``, pickling, ``nlp.pipe(n_process=N)``):
the values above are eventwire's own records (dataclasses) and dates, which
spaCy's msgpack cannot encode; ``register()`` adds an encoder that stores them
as an allow-listed pickle (only eventwire's classes, dates and sets come back),
``Doc._.dateline`` is kept as character offsets, and the last component
(``eventwire_drop_caches``) removes the components' private caches, so no
Span sits in ``user_data``.  A plain tuple value (``Span._.event_type``) comes
back as a list, as msgpack has it.
"""
from __future__ import annotations

import io
import pickle

import srsly
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

DOC_ATTRS = {
    "article": None,
    "published": None,
    "published_precision": "unknown",
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


_DATELINE_KEY = "_ew_dateline"  # doc.user_data[...] = (start_char, end_char, label) or None


def _get_dateline(doc: Doc) -> Span | None:
    v = doc.user_data.get(_DATELINE_KEY)
    if not v:
        return None
    # the Span is made once per stored value (the mention rules ask for it many times per trigger)
    kept = doc.user_data.get("_ew_dateline_span")
    if kept is None or kept[0] != v or kept[1] != len(doc):
        kept = doc.user_data["_ew_dateline_span"] = (v, len(doc), doc.char_span(v[0], v[1], label=v[2] or ""))
    return kept[2]


def _set_dateline(doc: Doc, span: Span | None) -> None:
    doc.user_data[_DATELINE_KEY] = None if span is None else (span.start_char, span.end_char, span.label_)


_TEXT_KEY = "_ew_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy joins every token's text on each ``doc.text``
    (several times per doc across the components, the largest single cost of eventwire's own)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text`` cut from the doc's text (spaCy joins the span's tokens on each call)."""
    return doc_text(span.doc)[span.start_char:span.end_char] if len(span) else ""


def _per_token(doc: Doc, key: str, attr: int, lower: bool = False) -> list[str]:
    """Every token's string attribute ``attr`` (spaCy's ORTH, LOWER, LEMMA ids), read once per doc
    from one ``Doc.to_array`` and kept under ``doc.user_data[key]`` (``doc[i]`` and iterating the doc
    build a new Token object per word; the list is rebuilt if the doc changed length)."""
    values = doc.user_data.get(key)
    if values is None or len(values) != len(doc):
        strings = doc.vocab.strings
        ids = doc.to_array(attr).tolist() if len(doc) else []
        values = [strings[i] for i in ids]
        if lower:
            values = [v.lower() for v in values]
        doc.user_data[key] = values
    return values


def doc_lowers(doc: Doc) -> list[str]:
    """Every token's ``lower_``, read once per doc."""
    return _per_token(doc, "_ew_lowers", LOWER)


def doc_texts(doc: Doc) -> list[str]:
    """Every token's ``text``, read once per doc."""
    return _per_token(doc, "_ew_texts", ORTH)


def doc_lemmas(doc: Doc) -> list[str]:
    """Every token's ``lemma_.lower()``, read once per doc (for components after the lemmatizer)."""
    return _per_token(doc, "_ew_lemmas", LEMMA, lower=True)


def doc_deps(doc: Doc) -> list[str]:
    """Every token's ``dep_``, read once per doc (one array read, no Token objects)."""
    return _per_token(doc, "_ew_deps", DEP)


def doc_heads(doc: Doc) -> list[int]:
    """Every token's ``head.i``, read once per doc (spaCy keeps heads as offsets from the token)."""
    values = doc.user_data.get("_ew_heads")
    if values is None or len(values) != len(doc):
        offsets = doc.to_array(HEAD).astype("int64").tolist() if len(doc) else []
        values = doc.user_data["_ew_heads"] = [i + o for i, o in enumerate(offsets)]
    return values


def doc_attr(doc: Doc, attr: int) -> list[int]:
    """Every token's integer attribute ``attr`` (spaCy's IS_ALPHA, LENGTH, ENT_TYPE ... ids), read
    once per doc with one ``Doc.to_array`` (a scan of a sentence's flags then builds no Token).
    For attributes no later component changes: the lexical flags, and the entity type after the NER."""
    key = f"_ew_attr_{attr}"
    values = doc.user_data.get(key)
    if values is None or len(values) != len(doc):
        values = doc.user_data[key] = doc.to_array(attr).tolist() if len(doc) else []
    return values


_ENTS_KEY = "_ew_ents"


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per doc: spaCy makes a new Span for every entity on each
    ``doc.ents`` (about 30 times per article across the components).  For components after the
    NER: nothing after it sets entities (the dateline, before it, drops this cache when it does)."""
    v = doc.user_data.get(_ENTS_KEY)
    if v is None or v[0] != len(doc):
        v = doc.user_data[_ENTS_KEY] = (len(doc), doc.ents)
    return v[1]


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` from the doc's entities built once (``doc_ents``), in spaCy's way: the
    entities from the span's start on, up to the first that ends past the span."""
    out = []
    start, end = span.start, span.end
    for ent in doc_ents(span.doc):
        if ent.start >= start:
            if ent.end <= end:
                out.append(ent)
            else:
                break
    return out


def span_group(doc: Doc, name: str) -> tuple[Span, ...]:
    """The spans of ``doc.spans[name]`` (empty when the doc has no such group), built once per
    group: iterating a SpanGroup makes a new Span for every member on each pass, and the mention
    rules pass over the triggers and counts once per trigger and sentence.  A group that is set
    anew (``doc.spans[name] = ...``) or grows is read again; the Spans' ``._`` values live in the
    doc, so a value set after the read (``Span._.background``) shows through the kept Spans."""
    group = doc.spans.get(name)
    if group is None:
        return ()
    key = "_ew_group_" + name
    v = doc.user_data.get(key)
    if v is None or v[0] is not group or v[1] != len(group):
        v = doc.user_data[key] = (group, len(group), tuple(group))
    return v[2]


def drop_caches(doc: Doc) -> Doc:
    """Remove the components' private per-doc caches (``doc.user_data`` keys ``_ew_...``; some hold
    Spans, which cannot be serialised alone).  Each cache is rebuilt when a function needs it again."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("_ew_") and k != _DATELINE_KEY]:
        del doc.user_data[key]
    return doc


@Language.component("eventwire_drop_caches")
def _drop_caches_component(doc: Doc) -> Doc:
    """The last component of eventwire's pipeline: leaves a doc that serialises."""
    return drop_caches(doc)


# ---------------------------------------------------------------- msgpack encoding of eventwire values

_TAG = "__eventwire_pickle__"
_SAFE_BUILTINS = frozenset({"set", "frozenset", "tuple", "list", "dict"})


_SAFE_MODULES = ("eventwire", "datetime", "dateutil")  # eventwire's records, dates, relativedelta


def _safe_module(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in _SAFE_MODULES)


class _RestrictedUnpickler(pickle.Unpickler):
    """Rebuilds only eventwire's records and dates: bytes of a Doc never run other code."""

    def find_class(self, module: str, name: str):
        if _safe_module(module):
            return super().find_class(module, name)
        if module == "builtins" and name in _SAFE_BUILTINS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"eventwire doc data may not hold {module}.{name}")


def _is_ours(obj) -> bool:
    if isinstance(obj, (set, frozenset)):
        return True
    return _safe_module(type(obj).__module__ or "")


def encode_value(obj, chain=None):
    if _is_ours(obj):
        return {_TAG: pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)}
    return obj if chain is None else chain(obj)


def decode_value(obj, chain=None):
    if isinstance(obj, dict) and _TAG in obj and len(obj) == 1:
        return _RestrictedUnpickler(io.BytesIO(obj[_TAG])).load()
    return obj if chain is None else chain(obj)


def register() -> None:
    for name, default in DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("dateline"):
        Doc.set_extension("dateline", getter=_get_dateline, setter=_set_dateline)
    srsly.msgpack_encoders.register("eventwire", func=encode_value)
    srsly.msgpack_decoders.register("eventwire", func=decode_value)
    for name, default in SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()
