"""Which language an article is written in (py3langid, a maintained fork of langid.py).

The pipeline is English only.  An article in another language is still stored,
with its language, and counted as not extracted: an analyst sees that it came
in and was left alone, instead of finding it silently missing.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Shorter texts are too little evidence: they keep the language they came with.
MIN_LETTERS = 40
# Below this normalized probability the detector is unsure: treat the text as English and extract it.
MIN_CONFIDENCE = 0.8
SAMPLE_CHARS = 3000


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of ``text``; (None, 0.0) when it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None, 0.0
    code, prob = _identifier().classify(sample)
    return code, float(prob)


# Words that make up a large share of any English prose and little of other languages' text.
# Prose where they are this common is English without loading the model (a second of start-up).
_ENGLISH_WORDS = frozenset("the of and to was were is are said that with for by from his her has have had".split())
_ENGLISH_SHARE = 0.12


def _plainly_english(sample: str) -> bool:
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if len(words) < 30:
        return False
    return sum(w in _ENGLISH_WORDS for w in words) / len(words) >= _ENGLISH_SHARE


def is_english(text: str) -> tuple[bool, str | None]:
    """(whether to extract, the language detected when it is surely another)."""
    if _plainly_english(text[:SAMPLE_CHARS]):
        return True, None
    code, prob = detect_language(text)
    if code is None or code == "en" or prob < MIN_CONFIDENCE:
        return True, None
    return False, code
