"""scripts/muc4_actors.py: the true-caser keeps the acronyms news prints in capitals."""
import sys
from pathlib import Path

import pytest

pytest.importorskip("truecase")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))


def test_group_acronyms_stay_upper_case_english_words_do_not():
    from muc4_actors import truecase_text

    out = truecase_text("POLICE SAID THE BOMBING WAS THE WORK OF THE FARC. IN FACT NOBODY SAW THEM.")
    assert "FARC" in out
    assert "In fact" in out


def test_a_blank_or_unidentified_perpetrator_is_an_unknown_doer():
    from muc4_actors import doer_unknown

    assert doer_unknown({"attacker": None})
    assert doer_unknown({"attacker": ["\\"]})
    assert doer_unknown({"attacker": ["GROUP OF UNKNOWN MEN"]})
    assert doer_unknown({"attacker": ["UNIDENTIFIED GUNMEN", "TWO OTHERS"]})
    assert not doer_unknown({"attacker": ["ARMED FORCES"]})
    assert not doer_unknown({"attacker": ["KNOWN CRIMINALS"]})  # a word, not part of one
