"""Truecasing for text written all in capitals (wire and radio transcripts, telexes, some archives).

spaCy's English pipelines are trained on mixed-case text: on "GUERRILLAS ATTACKED THE TOWN OF
SAN ISIDRO" they find few names and many wrong ones.  ``truecase(text)`` gives the text its
likely casing ("Guerrillas attacked the town of San Isidro") with the statistical truecaser of the
``truecase`` package (MIT; its English model ships inside the package, nothing is downloaded), and
keeps every character where it was: only letters change case, so offsets into the result are
offsets into the original.

Text that is not mostly upper case is returned unchanged.  Words the model does not know are
written as names ("Usulutan"), except short ones without a vowel, which stay acronyms ("FMLN").

Install with ``pip install "eventwire[truecase]"``; use it with ``eventwire extract --truecase``
or ``Article(text=truecase(text), ...)``.
"""
from __future__ import annotations

import re

_caser = None

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]")
_SENT_END = {".", "!", "?"}
_VOWEL = re.compile(r"[AEIOUYaeiouy]")


def mostly_upper(text: str, share: float = 0.8) -> bool:
    """At least ``share`` of the letters are capitals (and there are some letters)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return False
    return sum(c.isupper() for c in letters) >= share * len(letters)


def load_caser():
    """The `truecase` package's English model, loaded once, with fixed tie-breaking."""
    global _caser
    if _caser is None:
        try:
            from truecase.TrueCaser import TrueCaser
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError('truecasing needs the "truecase" package: pip install "eventwire[truecase]"') from exc
        caser = TrueCaser()
        # The model keeps each word's casings as a set and takes the first best score: on a tie
        # ("miraflores" / "Miraflores", "battalion" / "Battalion") the winner followed the set's
        # order, which changes with PYTHONHASHSEED, so two runs (or two Dask workers) cased the
        # same text differently. Sorted lists make the choice fixed: on a tie the capitalised form
        # (capitals sort first), the casing of the names that tie most.
        caser.word_casing_lookup = {k: sorted(v) for k, v in caser.word_casing_lookup.items()}
        _caser = caser
    return _caser


def _apply(src: str, cased: str) -> str:
    """``cased`` is ``src`` in another casing; keep ``src`` where the lengths differ (ß, ligatures)."""
    return cased if len(cased) == len(src) and cased.lower() == src.lower() else src


def truecase(text: str, caser=None) -> str:
    """``text`` with its likely casing when it is mostly upper case; else ``text`` itself.

    ``caser``: anything with ``get_true_case_from_tokens(tokens, oov)`` (the ``truecase``
    package's TrueCaser by default).
    """
    if not mostly_upper(text):
        return text
    caser = caser or load_caser()
    out = list(text)
    tokens = list(_TOKEN.finditer(text))
    # sentences: split after . ! ? and at blank lines
    sents: list[list[re.Match]] = [[]]
    for k, m in enumerate(tokens):
        sents[-1].append(m)
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if m.group() in _SENT_END or (nxt is not None and "\n\n" in text[m.end():nxt.start()]):
            sents.append([])
    lookup = getattr(caser, "word_casing_lookup", {})
    for sent in sents:
        words = [m.group() for m in sent]
        if not words:
            continue
        cased = caser.get_true_case_from_tokens(words, "title")
        first = True
        for m, w, c in zip(sent, words, cased):
            if not any(ch.isalpha() for ch in w):
                continue
            low = w.lower()
            if low not in lookup or c.lower() != low:
                # out of the model's vocabulary: a name, or an acronym when it has no vowel
                c = w if (len(w) <= 5 and not _VOWEL.search(w)) else w.title()
            if first:
                c = c[:1].upper() + c[1:]
                first = False
            c = _apply(w, c)
            out[m.start():m.end()] = list(c)
    return "".join(out)
