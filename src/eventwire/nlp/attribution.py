"""eventwire_attribution: who the text says reported what.

Writes ``doc.spans["ew_attributions"]``: the span is the source's name in the
text ("Iraqi Al-Sumaria TV", "the Health Ministry", "officials and
witnesses"); ``Span._.source_name`` the cleaned name ("Al-Sumaria TV");
``Span._.scope`` the (start_char, end_char) of the sentence, or of the
clause when a sentence holds clauses with different sources.

Reads:
- "X said / says / reported / told AFP / announced / confirmed ..." (the
  subject of a reporting verb, before or after it: "..., said Abdi Nur, a
  police spokesman", where the apposition is dropped from the name);
- "according to X", "X's statement said", "citing X", "quoting X";
- "he said" / "she told reporters": resolved to the last PERSON named before
  (else left out); "it said" to the last ORG.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import extensions  # noqa: F401
from .extensions import doc_lemmas, doc_lowers

GROUP = "ew_attributions"

REPORT_VERBS = {
    "say", "report", "tell", "state", "announce", "confirm", "add", "note", "explain", "claim", "quote",
    "cite", "tweet", "post", "warn", "insist", "allege", "acknowledge", "declare", "disclose", "reveal",
    "estimate", "indicate", "write", "describe", "recount", "recall", "deny", "assert", "affirm",
    "publish", "broadcast", "relay", "inform", "brief", "testify", "count", "tally", "record",
}
# Verbs that are attribution only with a clausal complement or a sentence-final position.
WEAK_VERBS = {"declare", "add", "note", "explain", "warn", "insist", "describe", "recall", "write", "post", "count",
              "record", "publish", "estimate", "tally", "deny", "indicate", "claim"}
TITLES = {"captain", "capt", "col", "colonel", "gen", "general", "maj", "major", "lt", "lieutenant", "sgt",
          "sergeant", "dr", "doctor", "sheikh", "mr", "mrs", "ms", "brig", "brigadier", "cmdr", "commander",
          "gov", "governor", "president", "minister", "mayor", "senator", "sen", "rep", "prof", "professor",
          "chief", "inspector", "superintendent", "imam", "bishop", "father", "rev", "admiral", "adm"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which", "that"}
_DROP_DEPS = {"appos", "relcl", "acl", "punct", "advcl", "prep_on_condition"}
_LEAD_STRIP_DEPS = {"advmod", "cc", "punct", "preconj"}
_MEDIA_WORDS = {"tv", "television", "radio", "news", "agency", "channel", "media", "outlet", "newspaper",
                "daily", "times", "post", "broadcaster"}


def _demonym_set() -> set[str]:
    try:
        from .actors import load_table

        return set(load_table().demonym_to_cc)
    except Exception:  # pragma: no cover - the actors data is optional here
        return set()


class AttributionComponent:
    def __init__(self):
        self.demonyms = _demonym_set()

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[int, int, str, tuple[int, int], int]] = []  # (start, end, name, scope, verb i)
        if not doc.has_annotation("DEP"):
            doc.spans[GROUP] = []  # needs a parser
            return doc
        lemmas, lowers = doc_lemmas(doc), doc_lowers(doc)
        for sent in doc.sents:
            items = []
            for i in range(sent.start, sent.end):
                # array reads first: a Token only for the few words that can report
                if lemmas[i] not in REPORT_VERBS and lowers[i] not in ("according", "citing", "quoting"):
                    continue
                tok = doc[i]
                src = None
                if tok.lemma_.lower() in REPORT_VERBS and tok.pos_ in ("VERB", "AUX"):
                    src = self._verb_source(doc, tok)
                elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                    src = self._according(doc, tok)
                elif tok.lower_ in ("citing", "quoting") and tok.dep_ in ("advcl", "xcomp", "prep", "acl", "pcomp"):
                    src = self._object_source(tok)
                if src is None:
                    continue
                s, e = src
                if doc[s:e].root.pos_ == "NUM" or doc[s:e].root.lower_ in ("one", "some", "many", "none", "all",
                                                                           "this", "that", "these", "those"):
                    continue
                name = self._clean(doc, s, e)
                if not name:
                    continue
                if name.lower() in PRONOUNS or doc[s:e].root.lower_ in PRONOUNS:
                    pron = doc[s:e].root if doc[s:e].root.lower_ in PRONOUNS else doc[e - 1]
                    resolved = self._resolve_pronoun(doc, pron)
                    if resolved is None:
                        continue
                    name = resolved
                items.append((s, e, name, tok))
            if not items:
                continue
            # one source: the whole sentence; several: the clause of each reporting verb
            distinct = {name for _s, _e, name, _t in items}
            for s, e, name, tok in items:
                scope = (sent.start_char, sent.end_char)
                if len(distinct) > 1:
                    others = [t for _s, _e, n2, t in items if t != tok and n2 != name]
                    scope = self._clause(sent, tok, s, e, others)
                if any(f[0] == s and f[1] == e for f in found):
                    continue
                found.append((s, e, name, scope, tok.i))
        spans = []
        for s, e, name, scope, _v in sorted(found):
            sp = Span(doc, s, e)
            sp._.source_name = name
            sp._.scope = scope
            spans.append(sp)
        doc.spans[GROUP] = spans
        return doc

    # -- finding the source ------------------------------------------------
    def _verb_source(self, doc: Doc, verb: Token) -> tuple[int, int] | None:
        lemma = verb.lemma_.lower()
        # passive "it was reported", "was quoted as saying" -> the subject of the passive is not a source
        if any(c.dep_ == "auxpass" for c in verb.children) and lemma != "quote":
            return None
        # "the army said ..." is attribution; "they said goodbye" is not
        clause = any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) or verb.dep_ == "parataxis"
        if lemma in WEAK_VERBS and not clause and not self._final_position(verb):
            return None
        if not clause and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children) \
                and lemma not in ("report", "confirm", "announce", "tell", "quote", "cite", "state", "inform",
                                  "brief", "count", "record", "tally", "estimate"):
            return None  # "declared cease-fires", "said a prayer": an act, not a report
        tail = self._tail_np(doc, verb)
        if tail is not None:
            return tail
        subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
        if subj is None and lemma == "quote":  # "the ministry was quoted as saying"
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is None and verb.dep_ == "conj":
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        if subj.dep_ == "nsubj" and subj.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            subj = verb.head
        return self._np(subj)

    @staticmethod
    def _tail_np(doc: Doc, verb: Token) -> tuple[int, int] | None:
        """", officials and witnesses said." -- the words between the last comma and a closing verb.

        The parser often hangs these on the main clause; the surface pattern is reliable.
        """
        sent = verb.sent
        # the verb closes the sentence (allowing "on Sunday", "in a statement" after it)
        if any(c.dep_ in ("dobj", "attr", "acomp") for c in verb.children):
            return None  # "declared allegiance to ISIS": the verb has its own object
        rest = [t for t in sent if t.i > verb.i and not t.is_punct and not t.is_space]
        if len(rest) > 5 or any(t.pos_ == "VERB" for t in rest):
            return None
        if rest and rest[0].pos_ not in ("ADP", "ADV", "NOUN", "PROPN"):
            return None
        j = verb.i - 1
        while j >= sent.start and doc[j].pos_ in ("AUX", "ADV") and doc[j].lower_ not in ("also",):
            j -= 1
        if j < sent.start:
            return None
        end = j + 1
        k = j
        def boundary(t: Token) -> bool:
            if t.text in ("-", "–"):
                return bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)  # a spaced dash
            return t.text in (",", '"', "”", "''", "—", ";", "(")

        while k >= sent.start and not boundary(doc[k]) and end - k <= 9:
            t = doc[k]
            if not (t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "CCONJ", "PART", "NUM", "ADP")
                    or t.text in ("'s", "’s", "-", ".")):
                return None
            k -= 1
        if k < sent.start or not boundary(doc[k]) or k + 1 >= end:
            return None
        start = k + 1
        while end > start and doc[end - 1].pos_ == "CCONJ":
            end -= 1
        if doc[start].pos_ in ("ADP", "CCONJ") or not any(t.pos_ in ("NOUN", "PROPN") for t in doc[start:end]):
            return None
        return start, end

    @staticmethod
    def _quotes_or_content(verb: Token) -> bool:
        return any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) or verb.dep_ == "parataxis"

    @staticmethod
    def _final_position(verb: Token) -> bool:
        """", officials said." / ", said Abdi Nur, a spokesman." -- the verb closes the sentence or follows a comma."""
        sent = verb.sent
        before = [t for t in sent if t.i < verb.i]
        if verb.dep_ in ("parataxis",) or (verb.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < verb.i
                                                                          for c in verb.children)):
            return True
        # a comma or closing quote within the few tokens before the subject+verb
        window = before[-6:]
        return any(t.text in (",", "”", '"', "''", "—", "-") for t in window) and any(
            c.dep_ == "nsubj" for c in verb.children)

    def _according(self, doc: Doc, tok: Token) -> tuple[int, int] | None:
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            # parser sometimes hangs the object on "according"
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None and to.i + 1 < len(doc):
            nxt = doc[to.i + 1]
            cand = nxt
            while cand.head.i > cand.i and cand.head.i < nxt.i + 6 and cand.dep_ in ("det", "amod", "compound", "poss"):
                cand = cand.head
            pobj = cand if cand.pos_ in ("NOUN", "PROPN", "PRON") else None
        if pobj is None:
            return None
        return self._np(pobj, keep_conj=True)

    def _object_source(self, tok: Token) -> tuple[int, int] | None:
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
        return self._np(obj) if obj is not None else None

    def _np(self, head: Token, keep_conj: bool = True) -> tuple[int, int] | None:
        """Token range of the noun phrase headed by ``head``, without appositions or relative clauses."""
        if head.pos_ not in ("NOUN", "PROPN", "PRON", "X", "NUM", "ADJ"):
            return None
        keep = {head.i}

        def walk(t: Token):
            for c in t.children:
                if c.dep_ == "punct" and c.text in ("-", "–", "’s", "'s", "&", "/"):
                    pass  # "Saudi-led coalition", "AT&T"
                elif c.dep_ in _DROP_DEPS or (c.dep_ == "prep" and c.lower_ not in ("of", "for", "at", "in", "from")):
                    continue
                elif c.dep_ == "prep" and head.ent_type_ == "PERSON":
                    continue  # "Captain Abdi Farah of the police" -> the person
                if c.dep_ in ("conj", "cc") and not keep_conj:
                    continue
                if c.dep_ == "prep" and c.i > head.i + 6:
                    continue
                keep.add(c.i)
                walk(c)

        walk(head)
        # contiguous block around the head
        s = e = head.i
        while s - 1 in keep:
            s -= 1
        while e + 1 in keep:
            e += 1
        doc = head.doc
        while s < e and (doc[s].dep_ in _LEAD_STRIP_DEPS or doc[s].is_punct):
            s += 1
        while e > s and (doc[e].is_punct or doc[e].dep_ == "cc" or doc[e].pos_ == "CCONJ" or doc[e].is_space):
            e -= 1
        if e - s > 12:
            return None
        return s, e + 1

    def _clean(self, doc: Doc, s: int, e: int) -> str:
        """Source name: no leading demonym before a proper name ("Iraqi Al-Sumaria TV" -> "Al-Sumaria TV")."""
        toks = list(doc[s:e])
        # text glued to a quote or comma ("the town,“he"): keep what follows the last one
        cut = [k for k, t in enumerate(toks) if any(q in t.text for q in ('"', "“", "”", ","))]
        if cut:
            toks = toks[cut[-1] + 1:]
            if not toks:
                return ""
        # "55-year-old Sabdow Ali", "aged 40": age before a name
        while len(toks) > 1 and (toks[0].like_num or toks[0].text in ("-", "–") or
                                 toks[0].lower_ in ("year", "years", "old", "aged", "-year-old")):
            toks = toks[1:]
        if len(toks) >= 2 and toks[0].lower_ in self.demonyms and toks[1].pos_ == "PROPN" and (
                toks[0].ent_type_ == "NORP" or toks[0].pos_ in ("ADJ", "PROPN")) and toks[1].lower_ != "and":
            toks = toks[1:]
        # "presidential spokesman Garba Shehu" -> "Garba Shehu"; a rank stays: "Captain Nur Ali"
        if toks:
            last = toks[-1]
            ent = next((en for en in extensions.doc_ents(doc) if en.label_ == "PERSON" and en.end == last.i + 1
                        and en.start > toks[0].i), None)
            if ent is not None and any(t.pos_ != "PROPN" for t in toks if t.i < ent.start):
                k = ent.start
                while k - 1 >= toks[0].i and doc[k - 1].lower_.rstrip(".") in TITLES:
                    k -= 1
                toks = list(doc[k:ent.end])
        text = doc[toks[0].i:toks[-1].i + 1].text if toks else ""
        text = " ".join(text.split()).strip(" ,;:\"'“”")
        if text.startswith("The "):
            text = "the " + text[4:]
        return text

    @staticmethod
    def _resolve_pronoun(doc: Doc, pron: Token) -> str | None:
        low = pron.lower_
        if low in ("he", "she"):
            want = ("PERSON",)
        elif low == "it":
            want = ("ORG",)
        else:
            return None
        best = None
        from .actors import load_table, normalize

        groups = load_table().alias_to_group
        for ent in extensions.doc_ents(doc):
            if ent.end > pron.i:
                break
            if ent.label_ in want and ent.start >= max(0, pron.sent.start - 80):
                if low in ("he", "she") and (normalize(ent.text) in groups or len(ent.text) < 3):
                    continue  # a group the NER took for a person
                best = ent
        if best is None:
            return None
        text = best.text
        return text[4:] if text.lower().startswith("the ") and low == "he" else text

    @staticmethod
    def _clause(sent: Span, verb: Token, s: int, e: int, others: list[Token]) -> tuple[int, int]:
        """Char range of the reporting verb's clause: its subtree, less the clauses of other sources."""
        top = verb
        if verb.lower_ == "according":
            top = verb.head
            while top.dep_ not in ("ROOT", "conj", "ccomp", "parataxis", "advcl") and top.head.i != top.i:
                top = top.head
        own = {t.i for t in top.subtree} | set(range(s, e))
        for o in others:
            # the other source's clause: its verb's subtree, climbing to the clause it reports on
            o_top = o
            if o.lower_ == "according":
                o_top = o.head
            o_sub = {t.i for t in o_top.subtree}
            if top.i in o_sub:
                continue  # we are inside the other one: keep our own subtree
            own -= o_sub
            # a marker ("while", ",") left between the clauses
        own = sorted(own)
        # the contiguous block that holds the verb
        left = right = top.i
        while left - 1 in own:
            left -= 1
        while right + 1 in own:
            right += 1
        left, right = min(left, s), max(right + 1, e)
        doc = sent.doc
        while right - 1 > left and doc[right - 1].is_punct and doc[right - 1].text in (",", ";"):
            right -= 1
        return doc[left].idx, doc[right - 1].idx + len(doc[right - 1].text)


@Language.factory("eventwire_attribution")
def make_attribution(nlp: Language, name: str):
    return AttributionComponent()


def attribution_for(span) -> Span | None:
    """The attribution span whose scope covers ``span`` (a trigger, a sentence), nearest first."""
    doc = span.doc
    if GROUP not in doc.spans:
        return None
    start, end = span.start_char, span.end_char
    best = None
    for sp in doc.spans[GROUP]:
        scope = sp._.scope
        if scope and scope[0] <= start and end <= scope[1]:
            if best is None or (scope[1] - scope[0]) < (best._.scope[1] - best._.scope[0]):
                best = sp
    return best
