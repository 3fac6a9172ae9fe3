"""How many: the fatalities and counts of one happening (part of ``eventwire_mentions``).

The quantities of the sentence that belong to the happening (a "killed" number
governed by one of its words; conjoined victims add up), the dead and wounded
the sentences after it tell without a happening of their own, revised tolls
(the latest credible figure), and tolls the text pools over several attacks,
which are none's.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..records import Quantity
from . import events as ev
from . import extensions  # noqa: F401
from .quantities import (
    INFLICT_VERBS,
    ORDINAL_VALUES,
    RISE_VERBS,
    TOLL_WORDS,
    UNREALIZED,
    WAR_WORDS,
    doer_claims,
    doer_death,
    increment,
    revised_in_apposition,
    revised_toll,
    surely_survived,
    told_as_cause,
    vague_range,
    word_number,
)
from .mention_words import (
    ADDED_WORDS,
    DEATH_VERBS,
    DEFINITE_DETS,
    FOLLOW_UP_SENTENCES,
    GENERIC_HAPPENINGS,
    MIN_CONFIDENCE,
    NOT_COUNTED,
    PARTIAL_COUNT,
    WOUND_WORDS,
    _TRIG_SENTS_KEY,
    _counted_key,
    _given,
    _governor,
    _num_value,
    _sent_at,
    _sentences,
    own_quantities,
)
from .mention_actors import REFLEXIVES, _negated, _report_verb_above
from .mention_coref import _later_death


FIRST_TOLD = ("earlier", "initially", "previously", "originally")


def _sentences_after(doc: Doc, sent: Span):
    """The sentences that follow ``sent``, at most FOLLOW_UP_SENTENCES of them (where a toll's
    follow-ups are looked for)."""
    nxt = sent.end
    for _ in range(FOLLOW_UP_SENTENCES):
        if nxt >= len(doc):
            return
        s2 = _sent_at(doc, nxt)
        nxt = s2.end
        yield s2


def _pooled_toll_above(cur: Token) -> bool:
    """Above a conjunct clause, only a toll word pooling several happenings still holds its count."""
    for _ in range(6):
        if cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() == "toll":
            return _superseded_or_pooled(cur)
    return False


def _told_at_first(root: Token) -> bool:
    """The count is the first report's, told as such ("initially police said one man was killed")."""
    cur = root
    for _ in range(6):
        if any(c.dep_ == "advmod" and c.lower_ in FIRST_TOLD for c in cur.children):
            return True
        if cur.head == cur or (cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX")):
            return False
        cur = cur.head
    return False


def _superseded_or_pooled(root: Token) -> bool:
    """A toll for several happenings ("the toll from two attacks", "blasts death toll") or a
    figure the text says was superseded ("had earlier been reported as 61")."""
    cur = root
    for _ in range(6):
        if any(c.dep_ == "advmod" and c.lower_ in FIRST_TOLD for c in cur.children):
            return True
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
            # "initially police said one was killed, but one of the wounded died": the conjunct clause
            # is news of its own, not under the first report's "initially"
            return _pooled_toll_above(cur)
        if cur.lemma_.lower() == "toll":
            for c in cur.children:
                src = [c] if c.dep_ in ("compound", "nmod") else [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("from", "of", "in") else []
                for x in src:
                    if x.tag_ in ("NNS", "NNPS") or (x.lower_.endswith("s") and x.lower_ != x.lemma_.lower()):
                        return True
                    if any(n.dep_ == "nummod" and (_num_value(n) or 0) > 1 for n in x.children):
                        return True
        if cur.head == cur:
            break
        cur = cur.head
    return False


def _toll_subject_pooled(root: Token) -> bool:
    v = root
    for _ in range(4):
        if v.pos_ in ("VERB", "AUX"):
            break
        v = v.head
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() == "toll":
            return _superseded_or_pooled(c)
    return False


def _pooled_tolls(doc: Doc) -> set[int]:
    """Tolls the text gives for several happenings at once ("the death toll from two bomb attacks has
    risen to 276"): the same figure repeated elsewhere ("Mogadishu death toll now at 276") is that pooled
    toll too, not one attack's.  Found once per doc (the quantities do not change after their component)."""
    cached = doc.user_data.get("_ew_pooled_tolls")
    if cached is None:
        cached = doc.user_data["_ew_pooled_tolls"] = _find_pooled_tolls(doc)
    return cached


def _find_pooled_tolls(doc: Doc) -> set[int]:
    out = set()
    for sp in doc.spans["ew_quantities"] if "ew_quantities" in doc.spans else []:
        q = getattr(sp._, "quantity", None)
        if q is not None and q.counted == "killed" and q.value > 1 and (
                _superseded_or_pooled(sp.root) or _toll_subject_pooled(sp.root)):
            out.add(q.value)
    return out


def _partial_or_open(sp: Span, raised: bool = False) -> bool:
    """"more than 20", "over 70" (an open bound) or "counted 13 dead" (a witness's part).  With ``raised``,
    a toll the sentence raises ("bringing the toll to four") is the whole, not what one place brought in."""
    doc = sp.doc
    if _superseded_or_pooled(sp.root) or _toll_subject_pooled(sp.root):
        return True
    before = {doc[i].lower_ for i in range(max(sp.sent.start, sp.start - 2), sp.start)} | {t.lower_ for t in sp}
    if ({"than", "over"} & before) and "least" not in before:
        return True
    if raised and _toll_raised_here(sp):
        return False
    cur = sp.root
    if cur.dep_ == "nummod":
        cur = cur.head
    for _ in range(4):
        if cur.lemma_.lower() in PARTIAL_COUNT:
            return True
        if cur.head == cur:
            break
        cur = cur.head
    return False


PERSON_NOUNS = {
    "man", "woman", "boy", "girl", "teen", "teenager", "child", "person", "victim", "soldier", "officer",
    "civilian", "student", "resident", "journalist", "farmer", "worker", "policeman", "policewoman", "driver",
    "commander", "leader", "fighter", "militant", "rebel", "guard", "villager", "teacher", "priest", "imam",
    "doctor", "nurse", "official", "activist", "protester", "demonstrator", "passenger", "pilot", "trooper",
    "gendarme", "soldier", "infant", "baby", "toddler", "youth", "security guard", "chief", "mayor", "judge",
    "lawmaker", "politician", "candidate", "businessman", "shopkeeper", "trader", "herder", "pupil",
}
# Victims told by kinship ("his father, his aunt and his cousin were gunned down"): one person each.
KIN_NOUNS = {"father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "uncle", "aunt",
             "cousin", "nephew", "niece", "grandfather", "grandmother", "grandson", "granddaughter", "relative",
             "child", "parent", "sibling", "stepfather", "stepmother", "in-law"}
FATAL_VERBS = {"kill", "murder", "slay", "execute", "behead", "assassinate", "lynch", "massacre"}


def _single_victims(sent: Span, members: set[int]) -> list[tuple[Token, int]]:
    """"a soldier was killed", "X and his son were shot dead": one death per named or
    singular victim when the text gives no number; with a singular victim, a counted group joined
    to it ("a journalist and his two brothers were gunned down") adds its number."""
    out: list[tuple[Token, int]] = []
    for i in members:
        if not (sent.start <= i < sent.end):
            continue
        v = sent.doc[i]
        l = v.lemma_.lower()
        fatal = l in FATAL_VERBS or (l in ("shoot", "stab", "gun") and any(c.lower_ in ("dead", "fatally", "death") for c in v.children)) \
            or (l == "gun" and any(c.dep_ == "prt" and c.lower_ == "down" for c in v.children))  # "gunned down": shot dead
        fatal = fatal or any(c.lemma_.lower() in FATAL_VERBS for c in v.conjuncts if c.tag_ == "VBN")
        if not fatal or v.pos_ != "VERB":
            continue
        if v.dep_ in ("xcomp", "pcomp") and v.head.lemma_.lower() in UNREALIZED:
            continue  # "planned to kill", "missed killing": nobody died
        if any(c.dep_ == "neg" for c in v.children):
            continue
        if _before_the_happening(sent.doc, v.i, members):
            continue
        vict = [c for c in v.children if c.dep_ == "nsubjpass"] or [c for c in v.children if c.dep_ == "dobj"]
        if not vict and v.dep_ == "conj":
            vict = [c for c in v.head.children if c.dep_ == "nsubjpass"]
        for p in vict:
            group = [p, *p.conjuncts]
            for a in [c for c in p.children if c.dep_ == "appos" and c.lemma_.lower() in KIN_NOUNS]:
                group += [a, *a.conjuncts]  # "his father, his aunt and his cousin": a list parsed as apposition
            singles = [x for x in group if x.ent_type_ == "PERSON" or (
                x.lemma_.lower() in PERSON_NOUNS and x.tag_ not in ("NNS", "NNPS"))]
            for x in group:
                nums = [c for c in x.children if c.dep_ == "nummod"]
                if singles and x.tag_ in ("NNS", "NNPS") and len(nums) == 1 and _num_value(nums[0]) \
                        and x.lemma_.lower() in PERSON_NOUNS | KIN_NOUNS:
                    out.append((x, _num_value(nums[0])))  # "and his two brothers", by a victim told singly
                    continue
                if x.tag_ in ("NNS", "NNPS") or nums or x.lower_ in ("no", "none", "nobody"):
                    return []  # a plural or a number: the quantities decide
                if any(c.dep_ == "det" and c.lower_ == "no" for c in x.children):
                    return []
                if x.ent_type_ == "PERSON" or x.lemma_.lower() in PERSON_NOUNS:
                    out.append((x, 1))
        if out:
            return out
    return out


ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr"}


def _toll_of_the_act(doc: Doc, sent: Span, head: int) -> bool:
    """The sentence's dead are counted by a comma-set result participle ("..., killing two people",
    "..., leaving five dead") that hangs on an act of its own, not on the happening's word: "police fired
    on protesters, killing two, as demonstrations spread".  That act is one happening whatever the number
    of the noun the trigger found (a plural "demonstrations" or "rallies"), unless the noun is what the
    act did ("carried out attacks on three villages, killing 20": several happenings' pooled dead)."""
    if "ew_quantities" not in doc.spans:
        return False
    found = False
    for sp in doc.spans["ew_quantities"]:
        q = getattr(sp._, "quantity", None)
        if q is None or q.counted != "killed" or not (sent.start <= sp.start and sp.end <= sent.end):
            continue
        g = sp._.quantity_governor
        if g is None:
            continue
        part = doc[g]
        if not (part.tag_ == "VBG" and part.dep_ in ("advcl", "xcomp", "conj") and part.i > 0 and doc[part.i - 1].text == ","):
            return False
        act = part.head
        if head in (part.i, act.i) or act.pos_ not in ("VERB", "AUX") or any(
                c.i == head for c in act.children if c.dep_ in ARG_DEPS) or any(
                o.i == head for c in act.children if c.dep_ in ("prep", "dative") for o in c.children if o.dep_ == "pobj"):
            return False
        found = True
    return found


TARGET_PREPS = {"on", "against", "at", "into", "onto", "upon"}
SEVERAL_WORDS = {"several", "multiple", "repeated", "numerous", "many", "dozens", "series", "wave", "string", "spate"}


def _one_target(head: Token) -> bool:
    """A plural happening noun aimed at one target ("air strikes on a rebel camp", "raids against an
    insurgent base"): ACLED codes several strikes on one place on one day as one event, so the toll the
    sentence gives is that event's.  The target is the object of "on"/"against"/"at" hung on the noun or
    on the verb that carried it out; one target is a singular noun with no conjunct and no number above
    one, and the noun is not told as several ("attacks on three villages", "repeated attacks on the town"
    stay several happenings)."""
    if head.pos_ not in ("NOUN", "PROPN") or any(
            c.lower_ in SEVERAL_WORDS or (c.dep_ == "nummod" and (_num_value(c) or 0) > 1) for c in head.children):
        return False
    if head.head.lower_ in ("series", "wave", "string", "spate") or any(
            c.lower_ in SEVERAL_WORDS for c in head.head.children if head.dep_ == "pobj"):
        return False
    holders = [head] + ([head.head] if head.dep_ in ("dobj", "nsubjpass", "nsubj") and head.head.pos_ == "VERB" else [])
    targets = [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
               for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]
    if head.dep_ == "nsubj" and head.head.pos_ == "VERB":
        # the noun is what hit ("rockets slammed into a market", "missiles struck a hospital"): the
        # verb's object is the target as much as a preposition's
        targets += [c for c in head.head.children if c.dep_ == "dobj"]
    if not targets:
        # "riots in Koidu", "protests in Bouake": ACLED codes one event per place and day, so plural
        # happenings told at one town (the gazetteer's, not a region's) are one event
        targets = [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
                   for o in c.children if o.dep_ == "pobj" and _town_at(o)]
    if len(targets) != 1:
        return False
    t = targets[0]
    return (t.tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in t.children)
            and not any(c.dep_ == "nummod" and (_num_value(c) or 0) > 1 for c in t.children))


def _town_at(t: Token) -> bool:
    """Is the token inside a place name the gazetteer resolved to a town?"""
    for sp in extensions.span_group(t.doc, "ew_toponyms"):
        if sp.start <= t.i < sp.end:
            pl = getattr(sp._, "place", None)
            return pl is not None and pl.precision == "town"
    return False


def _before_the_happening(doc: Doc, gov: int | None, members: set[int]) -> bool:
    """The casualty word is told as what one of the happening's words answered (``told_as_cause``); the
    word may be among the happening's own ("death" of "marched over the death of a man") all the same."""
    if gov is None:
        return False
    return any(told_as_cause(doc[gov], doc[m], members) for m in members if m != gov and 0 <= m < len(doc))


def _quantities(doc: Doc, sent: Span, members: set[int], alone: bool) -> tuple[int | None, dict]:
    """Fatalities and counts of the happening whose words are ``members``: its sentence's, and for the
    dead and wounded it leaves untold, those of the sentences after it that tell no happening of their own
    ("A girl was shot on Sunday. She is in stable condition.")."""
    fatalities, counts = _sentence_quantities(doc, sent, members, alone)
    nth = _ordinal_victim(doc, sent) if fatalities == 1 else None
    if nth:
        # "a fifth soldier has died of his wounds": five dead, the deaths told after it among them
        fatalities = counts["killed"] = nth
    followed = False
    for key, value in _follow_up_casualties(doc, sent, _cause_deaths(doc, sent, members)).items():
        if key == "killed" and fatalities is None:
            fatalities = counts["killed"] = value
            followed = True
            if value == 1 and counts.get("wounded") == 1 and (_shot_one(doc, sent) or _the_wounded_one_died(doc, sent)):
                del counts["wounded"]  # "A man was shot on Oak Street. He died at the scene.": the same one
        elif key == "wounded" and "wounded" not in counts:
            counts["wounded"] = value
    revision = _toll_revision(doc, sent, fatalities)
    if revision is not None:
        revised, rev_end = revision
        # the wounded who died raised the toll: they are wounded no more (at most the rise)
        died = min(_wounded_who_died(doc, sent.end, rev_end), revised - fatalities)
        if died and counts.get("wounded", 0) >= died:
            counts["wounded"] -= died
        fatalities = counts["killed"] = revised
    elif fatalities and not nth and not _toll_already_revised(doc, sent):
        later, of_wounded = _later_deaths_of_wounds(doc, sent, fatalities, parts=not followed)
        if later:
            fatalities = counts["killed"] = fatalities + later
        if of_wounded and counts.get("wounded", 0) >= of_wounded:
            counts["wounded"] -= of_wounded  # the wounded who died are counted among the dead now
    wounded = _wounded_increments(doc, sent, counts.get("wounded"))
    if wounded is not None:
        counts["wounded"] = wounded
    wounded = _wounded_revision(doc, sent, counts.get("wounded"))
    if wounded is not None:
        counts["wounded"] = wounded
    if fatalities is not None and _part_of_told_total(doc, sent, fatalities):
        fatalities = None  # a count of some of the dead told before is no toll of its own
        counts.pop("killed", None)
    return fatalities, counts


# Words that set an ordinal victim in a tally beyond the happening ("the third journalist killed this year").
TALLY_WORDS = frozenset({"year", "month", "since", "decade", "week"})


def _ordinal_victim(doc: Doc, sent: Span) -> int | None:
    """The sentence's one dead is told by an ordinal ("a fifth soldier died of his wounds", "a third
    policeman has succumbed"): the text counts that death as the Nth of the happening, so its toll is N.
    Only an indefinite victim noun that is the subject of "die"/"succumb": a death of wounds counted on
    from the happening's dead ("a fourth protester was shot dead" may be a fourth killing of its own, and
    an ordinal of a definite noun or of a tally over a period names a rank, not a toll)."""
    for sp in extensions.span_group(doc, "ew_quantities"):
        q = getattr(sp._, "quantity", None)
        if q is None or q.counted != "killed" or q.value != 1 or not (sent.start <= sp.start and sp.end <= sent.end):
            continue
        noun = sp.root
        if noun.pos_ != "NOUN" or noun.dep_ != "nsubj" or noun.head.lemma_.lower() not in DEATH_VERBS or not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
            continue
        if any(t.lemma_.lower() in TALLY_WORDS for t in sent):
            continue
        nth = [ORDINAL_VALUES.get(c.lower_) for c in noun.children if c.dep_ == "amod" and c.ent_type_ == "ORDINAL"]
        if len(nth) == 1 and nth[0] and nth[0] > 1:
            if any(_later_death(v).startswith("died new") for v in doc[sent.end:]):
                return None  # the text tells the later death itself, and the merge adds it to the told toll
            return nth[0]
    return None


# Nouns that count the dead whoever they were: a toll of "people" takes in every side's dead.
INCLUSIVE_VICTIMS = {"people", "person", "individual", "life"}


def _victim_noun(doc: Doc, sp: Span) -> Token | None:
    root = sp.root
    return root.head if root.dep_ == "nummod" and root.head.pos_ in ("NOUN", "PROPN") else None


def _toll_already_revised(doc: Doc, sent: Span) -> bool:
    """The sentence's toll is itself the latest figure ("the toll has risen to 11"): deaths of the wounded
    told after it ("three of the wounded died during the night") are what raised it, not more."""
    own = [sp for sp in extensions.span_group(doc, "ew_quantities") if sent.start <= sp.start
           and sp.end <= sent.end and getattr(sp._, "quantity", None) is not None and sp._.quantity.counted == "killed"]
    if any(revised_toll(sp) for sp in own):
        return True
    # "the toll ... has risen to at least 11 dead": the count hangs on "dead", the toll word still rose
    for t in sent:
        if t.lemma_.lower() in TOLL_WORDS and t.dep_ in ("nsubj", "nsubjpass") \
                and t.head.lemma_.lower() in RISE_VERBS:
            verb = t.head
            if any(verb.is_ancestor(sp.root) for sp in own):
                return True
    return False


def _part_of_told_total(doc: Doc, sent: Span, value: int) -> bool:
    """The sentence's dead are a part of a toll told before: a smaller count of one kind of victim
    ("four suspects were killed") after a count of the dead of every kind ("at least seven people,
    including a soldier, were killed"), told in a clause with no doer, place or day of its own.  The
    kind's dead are among the people's, so the happening's toll is the larger, inclusive one (ACLED
    counts every side's dead), not a competing lower figure."""
    if "ew_quantities" not in doc.spans or any(e.label_ in ("GPE", "LOC", "FAC", "DATE") for e in extensions.span_ents(sent)):
        return False
    spans = [sp for sp in doc.spans["ew_quantities"] if getattr(sp._, "quantity", None) is not None
             and sp._.quantity.counted == "killed"]
    own = [sp for sp in spans if sent.start <= sp.start and sp.end <= sent.end and sp._.quantity.value == value]
    if len(own) != 1:
        return False
    noun = _victim_noun(doc, own[0])
    if noun is None or noun.lemma_.lower() in INCLUSIVE_VICTIMS or not _dead_of_no_new_doer(noun):
        return False
    for sp in spans:
        if sp.end > sent.start:
            continue
        n = _victim_noun(doc, sp)
        if n is not None and n.lemma_.lower() in INCLUSIVE_VICTIMS and sp._.quantity.value > value:
            return True
    return False
PART_DOER_DETS = {"the", "its", "their", "his", "her", "our", "these", "those"}


def _dead_of_no_new_doer(noun: Token) -> bool:
    """The victims' clause brings no doer of its own: "four suspects were killed" (no agent), "three
    officers died in the violence" (an intransitive death), or "officers shot dead five suspects", "it
    killed six militants" (a doer already told: a pronoun, a definite or possessive phrase, or a bare
    common plural, not a name nor "a"/"some" new party).  Nor does it add ("also", "in a separate attack")."""
    verb = noun.head
    if any(w.lower_ in ADDED_WORDS for w in verb.subtree if w.dep_ in ("advmod", "amod", "det")):
        return False
    doc = noun.doc
    triggers = {t.i for sp in doc.spans["ew_triggers"] for t in sp} if "ew_triggers" in doc.spans else set()
    for p in verb.children:
        if p.dep_ == "prep" and any(g.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in ("a", "an")
                                                             for d in g.children)
                                    and (g.i in triggers or g.lemma_.lower() in GENERIC_HAPPENINGS)
                                    for g in p.children):
            return False  # "killed in an ambush": a happening of its own, told anew
    if noun.dep_ == "nsubjpass":
        return not any(c.dep_ in ("agent", "nsubj") for c in verb.children)
    if noun.dep_ == "nsubj":
        return verb.lemma_.lower() in ("die", "perish", "succumb")
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in INFLICT_VERBS | {"shoot"}:
        return False
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is None or doer.pos_ == "PRON":
        return True
    if doer.ent_type_ or doer.pos_ == "PROPN":
        return False
    dets = [c for c in doer.children if c.dep_ in ("det", "poss")]
    if dets:
        return all(d.lower_ in PART_DOER_DETS or d.dep_ == "poss" for d in dets)
    return doer.tag_ == "NNS" and not any(c.dep_ in ("amod", "compound") for c in doer.children)


def _revised_toll_after(doc: Doc, sent: Span, fatalities: int | None) -> int | None:
    """A later sentence that revises this happening's toll upward ("the death toll had risen to 11"):
    ACLED keeps the most recent figure.  Only a toll the happening already has is revised, and only by
    the text's next toll: a sentence in between that tells a happening with its own dead ends the search."""
    found = _toll_revision(doc, sent, fatalities)
    return found[0] if found else None


def _toll_revision(doc: Doc, sent: Span, fatalities: int | None) -> tuple[int, int] | None:
    """``_revised_toll_after``'s figure and the end of the sentence that gives it."""
    if fatalities is None or "ew_quantities" not in doc.spans:
        return None
    trig_sents = _trigger_sentences(doc)
    pooled = _pooled_tolls(doc)
    later: dict[int, list] = {}
    for sp in doc.spans["ew_quantities"]:
        q = getattr(sp._, "quantity", None)
        if sp.start >= sent.end and q is not None and q.counted == "killed":
            later.setdefault(_sent_at(doc, sp.start).start, []).append(sp)
    for start in sorted(later):
        spans = later[start]
        revisions = [sp for sp in spans if revised_toll(sp) and sp._.quantity.value not in pooled
                     and not _superseded_or_pooled(sp.root) and not (start in trig_sents and _raised_by(sp))]
        if revisions:
            value = max(sp._.quantity.value for sp in revisions)
            return (value, _sent_at(doc, start).end) if value > fatalities else None
        if start in trig_sents:
            return None  # another happening's dead come first
    return None


# Words of the hurt itself: a trigger on one of them tells the wounds of the story's victims, no new act.
HURT_LEMMAS = frozenset({"wound", "injure", "hurt", "injury"})


def _tells_other_act(doc: Doc, s2: Span) -> bool:
    """The sentence has a trigger that is not the hurt of the story's victims (a word of the hurt, or
    the wounds of those it counts as wounded, ``_only_wounds_told``)."""
    trigs = [t for t in extensions.span_group(doc, "ew_triggers") if s2.start <= t.start and t.end <= s2.end]
    return bool(trigs) and not _only_wounds_told(doc, s2) and not all(
        t.root.lemma_.lower() in HURT_LEMMAS for t in trigs)


def _wounded_revision(doc: Doc, sent: Span, wounded: int | None) -> int | None:
    """A later sentence that takes the count of the wounded up ("..., bringing the number of injured to
    six", "the number of people injured had climbed to five"): ACLED keeps the latest figure, as for a
    risen toll (``_toll_revision``).  Only a count the happening already has, only upward, and only before
    a sentence that tells another act (one whose triggers are all words of the hurt, "two more victims had
    been wounded", tells none)."""
    if wounded is None or "ew_quantities" not in doc.spans:
        return None
    trig_sents = _trigger_sentences(doc)
    later: dict[int, list] = {}
    for sp in doc.spans["ew_quantities"]:
        q = getattr(sp._, "quantity", None)
        if sp.start >= sent.end and q is not None and q.counted == "wounded":
            later.setdefault(_sent_at(doc, sp.start).start, []).append(sp)
    for start in sorted(later):
        s2 = _sent_at(doc, start)
        revisions = [sp for sp in later[start] if revised_toll(sp, "wounded") and not _partial_or_open(sp)]
        other_act = start in trig_sents and _tells_other_act(doc, s2)
        if revisions and not other_act:
            value = max(sp._.quantity.value for sp in revisions)
            return value if value > wounded else None
        if start in trig_sents:
            return None
    return None


def _wounded_spans(doc: Doc, s: Span) -> list[Span]:
    return [sp for sp in extensions.span_group(doc, "ew_quantities") if s.start <= sp.start and sp.end <= s.end
            and getattr(sp._, "quantity", None) is not None and sp._.quantity.counted == "wounded"
            and not vague_range(sp._.quantity, sp) and not _partial_or_open(sp)]


def _wounded_increments(doc: Doc, sent: Span, wounded: int | None) -> int | None:
    """The wounded count once increments are added ("another two people were injured", "two more victims
    were hurt"): an increment adds to the count told before it, it is never the count itself.  The
    happening's own sentence counting only an increment adds it to the nearest count before it; a sentence
    after it that counts only increments (and tells no other act) adds them to the happening's."""
    if "ew_quantities" not in doc.spans:
        return None
    starts, sents = _sentences(doc)
    k = starts.index(sent.start) if sent.start in starts else -1
    if k < 0:
        return None
    own = _wounded_spans(doc, sent)
    changed = False
    trig_sents = _trigger_sentences(doc)
    if own and wounded is not None and all(increment(sp) for sp in own):
        told = next((s for s in reversed(sents[:k])
                     if _wounded_spans(doc, s) and not any(increment(sp) for sp in _wounded_spans(doc, s))), None)
        before = _wounded_spans(doc, told) if told is not None else []
        # the same happening: the count before it tells no act of its own (a lead), or this sentence only
        # the hurt ("two more people were wounded"); "a bomb then injured another two" is an act of its own
        if before and (told.start not in trig_sents or not _tells_other_act(doc, sent)):
            wounded = max(sp._.quantity.value for sp in before) + sum(sp._.quantity.value for sp in own)
            changed = True
    if wounded is None:
        return None
    for s2 in sents[k + 1:k + 1 + FOLLOW_UP_SENTENCES]:
        if s2.start in trig_sents and _tells_other_act(doc, s2):
            break
        spans = _wounded_spans(doc, s2)
        if spans and all(increment(sp) for sp in spans):
            wounded += sum(sp._.quantity.value for sp in spans)
            changed = True
        elif spans:
            break  # a count of its own: the revision (or the lead-count vote) decides
    return wounded if changed else None


def _wounded_who_died(doc: Doc, start: int, end: int) -> int:
    """How many of the told wounded the text says died between ``start`` and ``end`` ("one of the
    injured died in hospital", "two of the wounded later succumbed"): a death verb whose subject is a
    part of the definite wounded (``_part_of_the_wounded``)."""
    died = 0
    for v in doc[start:end]:
        if v.lemma_.lower() not in DEATH_VERBS or _negated(v):
            continue
        died += sum(_part_of_the_wounded(c) for c in v.children if c.dep_ == "nsubj")
    return died

# Signs that a death came of wounds, after the happening: treated, in hospital, later.
LATER_DEATH_SIGNS = frozenset({"hospital", "wound", "injury", "treat", "later", "succumb", "clinic"})


def _new_single_victim(doc: Doc, subj: Token, toll: int) -> bool:
    """Is the subject of a death clause one person beyond the told dead?  "a third officer", "another
    soldier" (counted on from them), or a person named
    for the first time where the told dead are several (one told dead, named now, is that one)."""
    if subj.tag_ not in ("NN", "NNP") or any(c.dep_ == "nummod" for c in subj.children):
        return False
    if any(c.ent_type_ == "ORDINAL" or c.lower_ == "another" for c in subj.children):
        return True
    person = [t for t in subj.subtree if t.ent_type_ == "PERSON"]
    if not person or toll < 2:
        return False
    before = doc[:subj.sent.start].text.lower()
    return not any(t.lower_ in before for t in person if t.pos_ == "PROPN")


# The told wounded named as a whole: "of the wounded", "of the injured", "of those hurt".
WOUNDED_WHOLE = frozenset({"wounded", "injured", "injure", "wound", "hurt"})


def _part_of_the_wounded(subj: Token) -> int:
    """How many of the happening's told wounded a death clause's subject counts ("two of the injured",
    "one of the wounded", "three of those hurt"): a number with a partitive "of" the definite wounded.
    They were counted as wounded, so each is a death beyond the told toll."""
    value = word_number(subj.lower_)
    if not value or subj.tag_ not in ("CD", "NN", "PRP"):
        return 0
    for p in subj.children:
        if p.dep_ != "prep" or p.lower_ != "of":
            continue
        for g in p.children:
            words = [g, *(c for c in g.children if c.dep_ in ("acl", "amod"))]
            if g.dep_ == "pobj" and any(w.lower_ in WOUNDED_WHOLE or w.lemma_.lower() in WOUNDED_WHOLE
                                        for w in words) \
                    and any(c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in g.children):
                return value
    return 0


def _counted_on(subj: Token, toll: int) -> bool:
    """The death clause's subject is an ordinal with no noun of its own that counts on from the told
    dead ("a third" after two killed): one more victim of the same happening, whatever the sign."""
    if subj.ent_type_ != "ORDINAL" or any(c.dep_ in ("compound", "amod", "nummod") for c in subj.children):
        return False
    ordinal = ORDINAL_VALUES.get(subj.lower_)
    return ordinal is not None and ordinal == toll + 1


def _later_deaths_of_wounds(doc: Doc, sent: Span, toll: int, parts: bool = True) -> tuple[int, int]:
    """How many victims of the happening told in ``sent`` died of their wounds in the sentences after
    it that tell no other happening ("Sergeant A, 31, died on Monday at the hospital, where he had been
    treated"): each raises the told toll by one (ACLED: the latest figure).  A death with a doer or a
    cause of its own ("died in a crash", "was killed when ...") is not one; nor a victim already told."""
    trig_sents = _trigger_sentences(doc)
    confident = {_sent_at(doc, t.start).start for t in extensions.span_group(doc, "ew_triggers")
                 if not t._.background and (t._.event_confidence or 0) >= MIN_CONFIDENCE}
    added = of_wounded = 0
    for s2 in _sentences_after(doc, sent):
        if s2.start in confident:
            break  # a happening of its own (a death it tells is its mention's, folded by the merge)
        for v in s2:
            if v.pos_ != "VERB" or v.lemma_.lower() not in DEATH_VERBS or _negated(v):
                continue
            if any(c.dep_ in ("advcl", "agent") for c in v.children):
                continue
            objs = [g for p in v.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            if any((g.lemma_.lower() in GENERIC_HAPPENINGS or ev.kind_of(doc, g) is not None)
                   and g.lower_ not in WOUND_WORDS for g in objs):
                continue  # "died in a car crash", "died in the ambush" (no later death)
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            # (not when the toll is itself a follow-up's "one of the wounded has died": counted once)
            part = _part_of_the_wounded(subj) if subj is not None and parts else 0
            if part:
                added += part
                of_wounded += part  # "two of the injured later died": the told wounded are the sign themselves
                continue
            if subj is not None and _counted_on(subj, toll + added):
                added += 1  # "a third died overnight" after two dead: counted on from the told toll
                continue
            if not any(t.lemma_.lower() in LATER_DEATH_SIGNS for t in v.subtree):
                continue
            if subj is not None and not _given(subj) and _new_single_victim(doc, subj, toll):
                added += 1
        if s2.start in trig_sents and not added:
            break
    return added, of_wounded


def _raised_by(sp: Span) -> bool:
    """The toll is the object of what raised it ("..., bringing the toll to three"): in a sentence that
    tells a happening of its own (a later death, a second attack), that happening adds its own dead, so
    the figure is no revision of the earlier toll (the merge adds a later death to it)."""
    gov = sp._.quantity_governor
    return gov is not None and sp.doc[gov].dep_ == "dobj"


def _shot_one(doc: Doc, sent: Span) -> bool:
    """The sentence's wounded is one person told as "shot" only, who may yet have died."""
    wounded = [sp for sp in doc.spans["ew_quantities"] if sent.start <= sp.start and sp.end <= sent.end
               and sp._.quantity is not None and sp._.quantity.counted == "wounded"]
    return bool(wounded) and all(sp._.quantity.value == 1 and not surely_survived(doc, sp._.quantity_governor)
                                 for sp in wounded)


REFLEXIVE_PRONOUNS = frozenset({"himself", "herself"})


def _referent_words(t: Token) -> set[str]:
    """The words that name one victim: its noun's lemma and the names set beside it ("the victim,
    Devane Carter"); a reflexive ("shot himself") names its clause's subject."""
    if t.lower_ in REFLEXIVE_PRONOUNS:
        subj = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return set()
        t = subj
    if t.pos_ == "PRON":
        return set()
    words = {t.lemma_.lower()} if t.pos_ == "NOUN" else set()
    return words | {w.lower_ for w in t.subtree if w.ent_type_ == "PERSON" and w.pos_ == "PROPN"}


def _the_wounded_one_died(doc: Doc, sent: Span) -> bool:
    """The sentence's one wounded victim is the one a sentence after it tells dead, named again ("Gunmen
    shot a village chief in the leg. The chief, Paul Nji, died of blood loss", "the victim, Roy Adams, had
    shot himself in the thigh. Adams died during surgery", "A woman was shot in the arm. She died in
    hospital"): one person, dead, whatever the first sentence told of the wound, not one wounded and one
    dead.  The dead are named by a definite noun of the same word, a name given with the victim, or a
    personal pronoun; "another man died" is someone else."""
    wounded = [sp for sp in extensions.span_group(doc, "ew_quantities") if sent.start <= sp.start and sp.end <= sent.end
               and getattr(sp._, "quantity", None) is not None and sp._.quantity.counted == "wounded"]
    if len(wounded) != 1 or wounded[0]._.quantity.value != 1:
        return False
    victim = _referent_words(wounded[0].root)
    if not victim:
        return False
    for s2 in _sentences_after(doc, sent):
        for sp in extensions.span_group(doc, "ew_quantities"):
            q = getattr(sp._, "quantity", None)
            if q is None or q.counted != "killed" or not (s2.start <= sp.start and sp.end <= s2.end):
                continue
            if q.value != 1:
                return False
            root = sp.root
            if root.tag_ == "PRP" and root.lower_ in ("he", "she"):
                return True
            named = _referent_words(root)
            if named & victim and (_told_again(sp) or root.ent_type_ == "PERSON"):
                return True
            return False
    return False


def _trigger_sentences(doc: Doc) -> set[int]:
    """Starts of the sentences with a confident or background trigger; found once per doc and
    forgotten whenever a trigger is set aside as background (``_set_background``)."""
    cached = doc.user_data.get(_TRIG_SENTS_KEY)
    if cached is None:
        cached = doc.user_data[_TRIG_SENTS_KEY] = {
            _sent_at(doc, t.start).start for t in extensions.span_group(doc, "ew_triggers")
            if t._.background or (t._.event_confidence or 0) >= MIN_CONFIDENCE}
    return cached


def _cause_deaths(doc: Doc, sent: Span, members: set[int]) -> int:
    """How many dead the happening's sentence tells as what it answered ("rioted after a detainee died")."""
    if "ew_quantities" not in doc.spans:
        return 0
    return sum(sp._.quantity.value for sp in doc.spans["ew_quantities"]
               if sent.start <= sp.start and sp.end <= sent.end and getattr(sp._, "quantity", None) is not None
               and sp._.quantity.counted == "killed" and _before_the_happening(doc, sp._.quantity_governor, members))


def _told_again(sp: Span) -> bool:
    """The dead are named as someone already told: "the 22-year-old", "the man", "he", "its two
    soldiers" (a possessive is as definite as "the")."""
    first = sp[0]
    return first.lower_ in DEFINITE_DETS or first.pos_ == "PRON" or (
        first.dep_ == "nummod" and any((c.dep_ == "det" and c.lower_ in DEFINITE_DETS) or c.dep_ == "poss"
                                       for c in first.head.children))


def _follow_up_casualties(doc: Doc, sent: Span, cause_dead: int = 0) -> dict[str, int]:
    """Dead and wounded counted in the sentences right after ``sent`` that hold no trigger (a confident
    one or one set aside as background): the same story going on; for the text's first happening, the
    lead sentences before it too.  The first sentence to count a key gives it; a sentence with a trigger
    of its own ends the run.  Not the dead the happening answered (``cause_dead`` of them in its sentence)
    named again ("... after a detainee died. ... when news spread that the 22-year-old had died")."""
    if "ew_quantities" not in doc.spans or "ew_triggers" not in doc.spans:
        return {}
    trig_sents = _trigger_sentences(doc)
    pooled = _pooled_tolls(doc)
    out: dict[str, int] = {}
    # before the first happening the text tells, its lead sentences ("A man is dead after a shooting."); a
    # sentence before whose only triggers are set aside and are the victims' hurt ("found several people
    # suffering from gunshot wounds") tells no happening of its own, so the lead is still this one's
    lead = [] if any(st < sent.start and _tells_happening_before(doc, _sent_at(doc, st)) for st in trig_sents) \
        else [s for s in _sentences(doc)[1] if s.end <= sent.start]
    after = []
    nxt = sent.end
    for _ in range(FOLLOW_UP_SENTENCES):
        if nxt >= len(doc) or (_sent_at(doc, nxt).start in trig_sents and not _only_wounds_told(doc, _sent_at(doc, nxt))):
            break
        after.append(_sent_at(doc, nxt))
        nxt = _sent_at(doc, nxt).end
    for s2 in [*lead[:FOLLOW_UP_SENTENCES], *after]:
        found: dict[str, dict] = {}
        for sp in extensions.span_group(doc, "ew_quantities"):
            q = getattr(sp._, "quantity", None)
            if q is None or q.counted not in ("killed", "wounded") or not (s2.start <= sp.start and sp.end <= s2.end):
                continue
            if vague_range(q, sp) or _partial_or_open(sp) \
                    or (q.counted == "killed" and q.value in pooled):
                continue
            gov = sp._.quantity_governor
            if q.counted == "killed" and cause_dead and q.value <= cause_dead and _told_again(sp):
                continue
            by_gov = found.setdefault(q.counted, {})
            g = gov if gov is not None else ("solo", sp.start)
            by_gov[g] = by_gov.get(g, 0) + q.value  # numbers on one word add up
        for key, groups in found.items():
            out.setdefault(key, max(groups.values()))
    return out


def _tells_happening_before(doc: Doc, s2: Span) -> bool:
    """Does a sentence before the happening's tell one of its own?  One with a confident trigger does; one
    whose triggers are all set aside (background, or below the confidence a mention needs) and are words
    of the hurt (``_tells_other_act``) tells only the wounds of the story's victims."""
    trigs = [t for t in extensions.span_group(doc, "ew_triggers") if s2.start <= t.start and t.end <= s2.end]
    if any(not t._.background and (t._.event_confidence or 0) >= MIN_CONFIDENCE for t in trigs):
        return True
    return _tells_other_act(doc, s2)


# Nouns for the hurt a person carries ("taken to hospital with gunshot wounds"), not for what hurt them.
HURT_NOUNS = frozenset({"wound", "injury"})


def _only_wounds_told(doc: Doc, s2: Span) -> bool:
    """Every trigger of the sentence is the wound of the people it counts as wounded ("two others were
    taken to hospital with gunshot wounds", "a woman was treated for a wound to the leg"): the hurt of
    the story's victims, which tells no happening of its own."""
    govs = [doc[sp._.quantity_governor] for sp in extensions.span_group(doc, "ew_quantities")
            if s2.start <= sp.start and sp.end <= s2.end and getattr(sp._, "quantity", None) is not None
            and sp._.quantity.counted == "wounded" and sp._.quantity_governor is not None]
    trigs = [t for t in extensions.span_group(doc, "ew_triggers") if s2.start <= t.start and t.end <= s2.end]
    return bool(govs) and bool(trigs) and all(
        t.root.pos_ == "NOUN" and t.root.lemma_.lower() in HURT_NOUNS and any(g.is_ancestor(t.root) for g in govs)
        for t in trigs)


def _competing_accounts(doc: Doc, killed: list[tuple[Token, int, int | None]]) -> int | None:
    """The lowest of the tolls that different speakers in one sentence give for the same kind of dead
    ("three soldiers were killed, the army said, while the militants claimed 12 soldiers had died"):
    accounts of one toll, not parts of it, and ACLED keeps the most conservative figure.  None unless
    every count hangs on a verb of speech, at least two of them differ, and all count one victim noun
    (or "people", which takes in any)."""
    by_verb: dict[int, int] = {}
    nouns: set[str] = set()
    # the doer's own claim beside another party's count ("the group claimed to have killed 25 police officers;
    # officials said six policemen died"): two accounts of one toll however each names the victims
    claims = {gov for _t, _v, gov in killed if gov is not None and doer_claims(doc[gov])}
    for t, v, gov in killed:
        verb = _report_verb_above(doc[gov] if gov is not None else t)
        if verb is None:
            return None
        noun = t.head if t.dep_ == "nummod" else t
        if noun.pos_ != "NOUN":
            return None
        if noun.lemma_.lower() not in INCLUSIVE_VICTIMS:
            nouns.add(noun.lemma_.lower())
        by_verb[verb.i] = max(by_verb.get(verb.i, 0), v)
    if len(by_verb) < 2 or (len(nouns) > 1 and not (claims and len(claims) < len(killed))):
        return None
    return min(by_verb.values())


def _toll_of_members(gov: Token, members: set[int]) -> bool:
    """The count is a toll whose victims are named by the happening's own word ("the number of protesters
    killed in the crackdown has risen to five", "the toll of those shot"): that toll is the happening's,
    unless it spans a war or a period ("the number killed since 2019")."""
    if gov.lemma_.lower() not in TOLL_WORDS:
        return False
    sub = list(gov.subtree)
    return any(t.i in members for t in sub) and not any(
        t.lower_ == "since" or t.lemma_.lower() in WAR_WORDS for t in sub)


# A city's tally of separate killings ("bringing the number of homicides this weekend to 30").
CITY_TALLY = frozenset({"weekend", "homicide", "murder", "shooting", "so", "total"})


def _toll_raised_here(sp: Span) -> bool:
    """The happening's sentence raises a toll ("a guard wounded in Friday's raid died on Sunday, bringing the
    number of dead to four"): ACLED keeps the latest figure, and a toll the sentence raises counts the dead
    of the happening it tells, not of a war or a period (``revised_toll``) nor a city's tally of killings."""
    if not revised_toll(sp):
        return False
    if any(_later_death(v).startswith("died new") for v in sp.sent):
        return False  # a new victim's death: the merge adds it to the told toll, whatever the sentence's figure
    toll = sp.doc[sp._.quantity_governor]
    return not any(t.lemma_.lower() in CITY_TALLY for t in [*toll.subtree, *toll.head.subtree])


def _sentence_quantities(doc: Doc, sent: Span, members: set[int], alone: bool) -> tuple[int | None, dict]:
    """Fatalities and counts the happening's own sentence gives."""
    items: list[tuple[Token, int, str]] = []  # (number head token, value, key)
    first_told: list[int] = []
    corrected: dict[str, int] = {}  # figures a toll word after the count corrects it to, by what they count
    group = [s for s in extensions.span_group(doc, "ew_quantities") if s.start >= sent.start and s.end <= sent.end]
    if group:
        pooled = _pooled_tolls(doc)
        for sp in group:
            q: Quantity | None = getattr(sp._, "quantity", None)
            if q is None:
                continue
            if vague_range(q, sp):
                continue  # "dozens": no number to report ("between 10 and 15": 10, the lowest)
            if q.counted == "killed" and _told_at_first(sp.root):
                first_told.append(q.value)  # kept aside: a later "one of the wounded died" adds to it
            if _partial_or_open(sp, raised=True) or (q.counted == "killed" and q.value in pooled):
                continue
            gov = _governor(sp.root) or (sp.root if _counted_key(sp.root) else None)
            qg = sp._.quantity_governor
            if gov is None and q.counted == "killed" and qg is not None and (
                    _toll_of_members(doc[qg], members) or _toll_raised_here(sp)):
                gov = doc[qg]  # "the number of protesters killed ... has risen to five": the toll word governs
            if gov is not None and gov.i not in members and not alone and not (
                    q.counted == "killed" and (sp.root.lower_ in REFLEXIVES or _toll_of_members(gov, members)
                                               or _toll_raised_here(sp))):
                continue  # (the attacker's suicide, "then the gunman killed himself", is no happening of its own)
            if gov is None and not alone:
                continue
            if q.counted in ("killed", "wounded") and _before_the_happening(doc, sp._.quantity_governor, members):
                continue  # the death the protest was over: background, not this happening's toll
            items.append((sp.root, q.value, q.counted, sp._.quantity_governor))
            if revised_in_apposition(sp):
                corrected[q.counted] = q.value  # "killed nine, a figure later revised to six": the latest
    elif "ew_quantities" not in doc.spans:
        # Only without the quantities component: when it ran and found nothing, the numbers
        # here are addresses, roads, ages or times it rejected ("on Route 35").
        for t, v, key, gov in own_quantities(sent):
            if gov.i not in members and not (alone and gov.pos_ in ("VERB", "ADJ", "NOUN")):
                continue
            if _superseded_or_pooled(t) or _toll_subject_pooled(t):
                continue
            items.append((t, v, key, None))
    if not any(k == "killed" for _, _, k, _ in items):
        items.extend((t, n, "killed", None) for t, n in _single_victims(sent, members))
    fatalities = None
    # the attacker's own death is told apart from the victims' ("four shot to death, then the gunman killed
    # himself"): ACLED sums the dead of both sides, so it is added below, not compared with the victims
    doers = [(t, v, gov) for t, v, k, gov in items if k == "killed" and doer_death(t)]
    items = [it for it in items if not (it[2] == "killed" and doer_death(it[0]))]
    killed = [(t, v) for t, v, k, _ in items if k == "killed"]
    if killed:
        heads = [t.head if t.dep_ == "nummod" else t for t, _ in killed]
        def related(h, h2):
            if h2.dep_ == "appos" and h2.head == h or h.dep_ == "appos" and h.head == h2:
                return True  # "his father, his aunt and his cousin": a list parsed as apposition
            return h2 in h.conjuncts or any(a.lower_ in ("along", "with", "plus") for a in h2.ancestors if h.i < a.i < h2.i)

        coordinated = len(killed) > 1 and all(
            any(related(h, h2) or related(h2, h) for j, h2 in enumerate(heads) if j != k) for k, h in enumerate(heads)
        )
        values = [v for _, v in killed]
        fatalities = sum(values) if coordinated else max(values)
        # deaths on one casualty word add up too: "killed his three sons before killing himself" = 4
        by_gov: dict[int, int] = {}
        for _t, v, k, gov in items:
            if k == "killed" and gov is not None:
                by_gov[gov] = by_gov.get(gov, 0) + v
        fatalities = max([fatalities, *by_gov.values()])
        if not coordinated:
            told = _competing_accounts(doc, [(t, v, gov) for t, v, k, gov in items if k == "killed"])
            if told is not None:
                fatalities = told
    # the told wounded who died ("one of the wounded died") are dead beyond the others told, not a
    # competing figure for them: they add to the sentence's other dead, or to the first report's
    parts = [v for t, v, k, _ in items if k == "killed" and _part_of_the_wounded(t)]
    if parts:
        others = [v for t, v, k, _ in items if k == "killed" and not _part_of_the_wounded(t)
                  and not doer_death(t)] or first_told
        if others:
            fatalities = max(others) + sum(parts)
    if doers:
        # a doer's death on the same word as the victims' ("killed four people and then herself") adds up
        # there too; counted once either way
        fatalities = (fatalities or 0) + sum(v for _, v, _ in doers)
    # numbers on one casualty word add up ("three men and one woman were shot" = 4), else the largest
    groups: dict[tuple, int] = {}
    for t, v, k, gov in items:
        if k == "killed" or k in NOT_COUNTED:
            continue
        key = (k, gov) if gov is not None else (k, "conj", t.head.i) if t.dep_ == "conj" else (k, "solo", t.i)
        groups[key] = groups.get(key, 0) + v
    counts: dict[str, int] = {}
    for (k, *_), v in groups.items():
        counts[k] = max(counts.get(k, 0), v)
    if parts and counts.get("wounded", 0) >= sum(parts):
        counts["wounded"] -= sum(parts)  # now among the dead
    # ACLED keeps the latest figure: one corrected in the sentence itself replaces the count it corrects,
    # lower or higher
    if "killed" in corrected and fatalities is not None and not parts and not doers:
        fatalities = corrected["killed"]
    if corrected.get("wounded") is not None and "wounded" in counts:
        counts["wounded"] = corrected["wounded"]
    if fatalities is not None:
        counts["killed"] = fatalities
    return fatalities, counts
