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
