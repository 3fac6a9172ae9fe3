"""The ECB+ cross-document merge check, on a tiny hand-made corpus in ECB+'s XML layout."""
from datetime import date
from pathlib import Path

from eventwire.evaluation import ecbplus


def _write(path: Path, sentences: list[str]) -> None:
    toks, tid = [], 1
    for k, s in enumerate(sentences):
        for n, w in enumerate(s.split()):
            w = w.replace("&", "&amp;").replace("<", "&lt;")
            toks.append(f'<token t_id="{tid}" sentence="{k}" number="{n}">{w}</token>')
            tid += 1
    path.write_text(f'<Document doc_name="{path.name}">\n' + "\n".join(toks) + "\n</Document>\n")


def _corpus(root: Path) -> Path:
    top = root / "ECB+"
    (top / "3").mkdir(parents=True)
    (top / "40").mkdir(parents=True)
    blast_a = ["Gunmen attacked a police station in the town of Harbortown on Friday , killing four officers , police said ."]
    blast_b = ["Four police officers were killed when gunmen attacked a police station in Harbortown on Friday ."]
    riot = ["http : / / www . example . com / 2011 / 03 / 12 / riot", "Rioters torched cars in Hilltown on Saturday ,",
            "March 12 , 2011", "Rioters set fire to cars and threw stones at police in the town of Hilltown on Saturday ."]
    _write(top / "3" / "3_1ecb.xml", blast_a)
    _write(top / "3" / "3_2ecb.xml", blast_b)
    _write(top / "3" / "3_1ecbplus.xml", riot)
    _write(top / "40" / "40_1ecb.xml", blast_a)
    return root


def test_text_without_the_url_line_and_the_day_the_document_gives(tmp_path):
    root = _corpus(tmp_path)
    f = root / "ECB+" / "3" / "3_1ecbplus.xml"
    text = ecbplus.doc_text(f)
    assert not text.startswith("http") and text.startswith("Rioters torched cars in Hilltown on Saturday,")
    assert ecbplus.doc_date(f) == date(2011, 3, 12)
    assert ecbplus.doc_date(root / "ECB+" / "3" / "3_1ecb.xml") is None


def test_split_keeps_test_topics_apart(tmp_path):
    root = _corpus(tmp_path)
    study = ecbplus.load(root, "study")
    test = ecbplus.load(root, "test")
    assert sorted(g for _a, g, _t in study) == ["3/ecb", "3/ecb", "3/ecbplus"]
    assert [g for _a, g, _t in test] == ["40/ecb"]


def test_merge_bcubed_over_the_halves(tmp_path):
    scores = ecbplus.evaluate(_corpus(tmp_path), "study", all_topics=True)
    assert scores["documents"] == 3 and scores["gold_clusters"] <= 2
    # the riot is never merged with the attack (precision), whatever the attack reports do
    assert scores["merge_bcubed_p"] == 1.0
    assert 0.0 < scores["merge_bcubed_r"] <= 1.0
