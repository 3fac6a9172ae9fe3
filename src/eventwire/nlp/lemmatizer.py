"""spaCy's rule lemmatizer with its per-token Python loop replaced by one array read and one write.

spaCy's ``Lemmatizer.__call__`` builds a ``Token`` for every token, computes its
cache key (text, POS, morphology) and sets ``token.lemma_`` one by one: about
0.8 CPU ms on a 250-word article with a warm cache, 1.7 cold.  The rule lemma
is a function of that key alone (``rule_lemmatize`` and English
``is_base_form`` read only the text, POS and morphology), so
``FastRuleLemmatizer`` reads ORTH, POS, MORPH and LEMMA for the whole doc with
``Doc.to_array``, asks spaCy's own ``lemmatize`` once per key not seen before,
and writes the lemma ids back with ``Doc.from_array``.  Tokens that already
have a lemma (the attribute ruler's exceptions) keep it, as in spaCy, unless
the lemmatizer overwrites.  Only the rule mode of spaCy's English lemmatizer is
changed; any other lemmatizer is left as it is.
"""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer

_READ = [ORTH, POS, MORPH, LEMMA]


class FastRuleLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` in rule mode, same lemmas, fewer Python steps per token."""

    def __call__(self, doc):
        if self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        memo = self.__dict__.setdefault("_ew_lemma_ids", {})  # (orth, pos, morph) -> lemma id
        rows = doc.to_array(_READ)
        lemmas = rows[:, 3].copy()
        changed = False
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            lid = memo.get(key)
            if lid is None:
                lid = memo[key] = strings.add(self.lemmatize(doc[i])[0])
            if lid != lemma:
                lemmas[i] = lid
                changed = True
        if changed:
            doc.from_array([LEMMA], lemmas)
        return doc


def speed_up(nlp) -> bool:
    """Give the pipeline's English rule lemmatizer the array path; True if done."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lem = nlp.get_pipe("lemmatizer")
    if type(lem) is not EnglishLemmatizer or lem.mode != "rule":
        return False
    lem.__class__ = FastRuleLemmatizer
    return True
