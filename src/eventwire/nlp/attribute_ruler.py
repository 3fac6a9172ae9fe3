"""The same matches as spaCy's attribute ruler, found by table look-up instead of its Matcher.

spaCy's ``attribute_ruler`` (the tag map: fine tag -> POS and morphology, plus a
few dozen word exceptions) runs a general ``Matcher`` over every token with all
of its ~180 patterns: about 6 CPU ms on a 250-word article, more than the tagger,
the lemmatizer and eventwire's largest component.  Its patterns are one or two
tokens long, without operators, and test only TAG, LOWER, DEP and IS_SPACE for
equality, IN, NOT_IN or REGEX; for such patterns a match is just "each token
satisfies its constraints", so ``FastMatch`` indexes every pattern by one of its
first token's exact values and checks only the patterns whose indexed value the
token has.  It returns the list ``AttributeRuler.match`` returns (same tuples,
same order), so ``set_annotations`` - spaCy's own code - writes the same POS,
morphology and lemmas.  A ruler with any other kind of pattern keeps its Matcher,
and so does one whose patterns changed after the look-up was built.
"""
from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

# Columns of doc.to_array(_ARRAY_ATTRS): the attributes a supported pattern may test.
_NAMES = ("TAG", "LOWER", "DEP", "IS_SPACE")
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
_FIRST_CACHE_MAX = 200_000


class Unsupported(ValueError):
    """A pattern the look-up does not cover (the ruler keeps spaCy's Matcher)."""


def _constraint(name: str, value, strings):
    """(kind, column, data) for one ``{NAME: value}`` of a pattern token."""
    if name not in _NAMES:
        raise Unsupported(name)
    col = _NAMES.index(name)
    if name == "IS_SPACE":
        if isinstance(value, bool):
            return ("eq", col, int(value))
        raise Unsupported(f"IS_SPACE {value!r}")
    if isinstance(value, str):
        return ("eq", col, strings.add(value))  # the id the Matcher compares (a symbol id or a hash)
    if isinstance(value, dict) and len(value) == 1:
        op, arg = next(iter(value.items()))
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            return ("in" if op == "IN" else "not_in", col, frozenset(strings.add(v) for v in arg))
        if op == "REGEX" and isinstance(arg, str):
            return ("regex", col, re.compile(arg))
    raise Unsupported(f"{name} {value!r}")


class FastMatch:
    """Drop-in for ``AttributeRuler.match`` (see the module docstring)."""

    def __init__(self, ruler):
        self.ruler = ruler
        strings = ruler.vocab.strings
        self.strings = strings
        self._fallback = type(ruler).match.__get__(ruler)  # spaCy's own, for a ruler changed later
        self._n_rules = len(ruler.attrs)
        self._n_keys = len(ruler.matcher)
        # index[col][value] -> patterns whose first token needs that value in that column
        self.index: list[dict[int, list]] = [{} for _ in _NAMES]
        self.generic: list = []  # patterns with no exact value to index (REGEX, NOT_IN only)
        for attr_id in range(self._n_rules):
            key = str(attr_id)
            m_id = strings.add(key)
            for pattern in ruler.matcher.get(key)[1]:
                if not pattern or len(pattern) > 2:
                    raise Unsupported("length")
                toks = []
                for tok in pattern:
                    if not tok or any(k in ("OP", "_") for k in tok):
                        raise Unsupported("operator")
                    toks.append(tuple(_constraint(k, v, strings) for k, v in tok.items()))
                entry = (attr_id, m_id, tuple(toks))
                first = next((c for c in toks[0] if c[0] in ("eq", "in")), None)
                if first is None:
                    self.generic.append(entry)
                elif first[0] == "eq":
                    self.index[first[1]].setdefault(first[2], []).append(entry)
                else:
                    for v in first[2]:
                        self.index[first[1]].setdefault(v, []).append(entry)
        self._regex_cache: dict = {}
        # (TAG, LOWER, DEP, IS_SPACE) of a token -> the patterns whose first token it satisfies: the
        # same few hundred rows come back in every article ("the" DT det, "said" VBD ROOT...).
        self._first_cache: dict[tuple, tuple] = {}

    def _ok(self, cons, row) -> bool:
        for kind, col, data in cons:
            v = row[col]
            if kind == "eq":
                if v != data:
                    return False
            elif kind == "in":
                if v not in data:
                    return False
            elif kind == "not_in":
                if v in data:
                    return False
            else:  # regex: searched in the attribute's string, as the Matcher does
                hit = self._regex_cache.get((data, v))
                if hit is None:
                    hit = self._regex_cache[(data, v)] = bool(data.search(self.strings[v]))
                if not hit:
                    return False
        return True

    def __call__(self, doc):
        if len(self.ruler.attrs) != self._n_rules or len(self.ruler.matcher) != self._n_keys:
            return self._fallback(doc)
        n = len(doc)
        if not n:
            return []
        rows = [tuple(r) for r in doc.to_array(_ARRAY_ATTRS).tolist()]
        ok, first_of = self._ok, self._first
        found = set()  # the Matcher reports a (rule, start, end) once
        for i, row in enumerate(rows):
            for attr_id, m_id, toks in first_of(row):
                end = i + len(toks)
                if end > n:
                    continue
                if len(toks) == 2 and not ok(toks[1], rows[i + 1]):
                    continue
                found.add((attr_id, m_id, i, end))
        return sorted(found)

    def _first(self, row: tuple) -> tuple:
        """The patterns whose first token ``row`` satisfies (cached per row)."""
        got = self._first_cache.get(row)
        if got is None:
            cands = self.generic
            for col, table in enumerate(self.index):
                hit = table.get(row[col])
                if hit:
                    cands = cands + hit if cands else hit
            got = tuple(c for c in cands if self._ok(c[2][0], row))
            if len(self._first_cache) >= _FIRST_CACHE_MAX:  # a long-running worker meets new words forever
                self._first_cache.clear()
            self._first_cache[row] = got
        return got


def speed_up(nlp) -> bool:
    """Give the pipeline's attribute ruler the look-up match where its patterns allow; True if done."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        fast = FastMatch(ruler)
    except (Unsupported, KeyError, TypeError):
        return False
    ruler.match = fast
    return True
