"""A wire dateline's dash ends the dateline: the count after it is the lead's, whatever the parser glued
together (hand-made sentences)."""
import pytest

from eventwire.nlp.quantities import dateline_body_start


def killed(doc):
    return [(sp._.quantity.value, doc[sp._.quantity_governor].lemma_ if sp._.quantity_governor is not None else None)
            for sp in doc.spans["ew_quantities"] if sp._.quantity.counted == "killed"]


@pytest.mark.parametrize("text,value,verb", [
    # a digit right after the dash was read as the second figure of a score "9 - 12"
    ("NAIROBI, June 9 - 12 people were killed when gunmen attacked a bus near Mandera on Monday.", 12, "kill"),
    ("KABUL, May 2 - 15 soldiers died in a Taliban ambush in Helmand on Sunday.", 15, "die"),
    # the parser hung the lead's subject on the dateline's place
    ("SANTO DOMINGO, March 18 (Reuters) - At least six people, including a guard, were killed on Tuesday "
     "when police raided a warehouse.", 6, "kill"),
    ("KINSHASA, July 4 (Reuters) - At least 30 people, including 12 women, died when rebels attacked a camp "
     "in Ituri.", 30, "die"),
    ("BAMAKO, Mali, Aug 12 - Twenty-one civilians, among them two children, were killed by jihadists in a "
     "village near Mopti.", 21, "kill"),
])
def test_the_count_after_a_dateline_dash_is_the_leads(annotate, text, value, verb):
    doc = annotate(text, published="2026-06-10")
    assert dateline_body_start(doc) > 0
    assert killed(doc) == [(value, verb)]


def test_the_dateline_day_is_still_no_count(annotate):
    doc = annotate("LAGOS, June 9 - Police arrested 40 protesters in Lagos on Sunday.", published="2026-06-10")
    assert all(sp._.quantity.value != 9 for sp in doc.spans["ew_quantities"])
    assert dateline_body_start(annotate("No dateline here: 12 people were killed.")) == -1


def test_a_second_toll_after_a_comma_still_counts(annotate):
    # no "including"/"among": two groups of dead add up as before
    doc = annotate("Three soldiers and two civilians were killed in the attack.")
    assert sorted(v for v, _ in killed(doc)) == [2, 3]


@pytest.mark.parametrize("text", [
    # the parser made the dateline's place the root and hung the lead's count on it: climbing to the root
    # once never ended (spaCy makes a new Token on each access, so `head is not top` was always true)
    "NAIROBI (AFP) - Several hundred teachers protested in Kampala, Uganda on Thursday.",
    "DAKAR (AFP) - Several hundred nurses marched in Bamako, Mali on Friday.",
    "LIMA (Reuters) - Several thousand miners protested in Arequipa, Peru on Monday.",
])
def test_a_lead_hung_on_the_dateline_root_ends(annotate, text):
    import signal

    def too_long(*_):
        raise TimeoutError("quantities did not finish")

    old = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(20)
    try:
        doc = annotate(text, published="2026-06-10")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert dateline_body_start(doc) > 0
