"""Counts as ACLED codes them: the lowest figure of a spelled range, the most recent toll when the text
revises it, and no revision taken from the toll of a whole war."""
import pytest

from eventwire.nlp.quantities import revised_toll, vague_range


def killed_mentions(doc):
    return [m.fatalities for m in doc._.mentions if m.fatalities is not None]


# -- ranges: the lowest figure --------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("Soldiers opened fire on protesters in Dalvik on Monday, killing between three and six people, witnesses said.", 3),
    ("Militiamen raided the hamlet on Friday and killed 8 to 12 herders.", 8),
    ("Between 20 and 30 villagers were killed when the gunmen stormed the market.", 20),
    ("A car bomb exploded outside the depot, killing four or five guards.", 4),
])
def test_a_spelled_range_gives_its_lowest_figure(annotate, sentence, expected):
    doc = annotate(sentence)
    assert killed_mentions(doc) == [expected]


def test_between_parsed_as_a_preposition_still_counts_the_dead(annotate):
    doc = annotate("Troops opened fire at the checkpoint, killing between two and five drivers.")
    (sp,) = [sp for sp in doc.spans["ew_quantities"] if sp._.quantity.value == 2]
    assert sp._.quantity.counted == "killed"
    assert not vague_range(sp._.quantity, sp)


def test_a_vague_amount_is_still_no_figure(annotate):
    doc = annotate("A bomb exploded in the crowded market of Tarsa on Monday, killing dozens of shoppers.")
    assert killed_mentions(doc) == []
    (sp,) = [sp for sp in doc.spans["ew_quantities"] if sp.text == "dozens"]
    assert vague_range(sp._.quantity, sp)


# -- revised tolls: the most recent figure --------------------------------------------------------------

def test_a_later_sentence_that_raises_the_toll_replaces_the_first_figure(annotate):
    doc = annotate("A drone attack on the fuel depot in Marsana killed at least five workers on Tuesday, "
                   "a hospital official said. The fire spread to nearby warehouses overnight. "
                   "The local health office later said the death toll had climbed to nine.")
    assert killed_mentions(doc) == [9]


def test_an_updated_toll_replaces_the_first_figure(annotate):
    doc = annotate("Gunmen attacked a bus near Kolda on Sunday, killing six passengers, police said. "
                   "The updated toll is 14, according to the regional governor.")
    assert killed_mentions(doc) == [14]


def test_the_toll_of_the_whole_war_revises_nothing(annotate):
    doc = annotate("Rebels shelled the market in Orvik on Monday, killing seven civilians, officials said. "
                   "The death toll of the conflict has risen to 12,000, according to a monitoring group.")
    assert killed_mentions(doc) == [7]


def test_a_toll_since_a_year_revises_nothing(annotate):
    doc = annotate("Soldiers killed three fishermen near the border post on Friday, residents said. "
                   "The toll has risen to 900 since 2019, the rights group said.")
    assert killed_mentions(doc) == [3]


def test_a_toll_that_falls_is_not_taken_as_a_rise(annotate):
    doc = annotate("A suicide bomber killed 30 people at a wedding in Haldo on Saturday, police said. "
                   "The toll has reached 25, a doctor said.")
    assert killed_mentions(doc) == [30]


def test_the_revision_belongs_to_the_nearest_happening_with_dead(annotate):
    doc = annotate("Gunmen killed four farmers in Bensa on Monday, police said. "
                   "In a separate attack, a roadside bomb killed two soldiers near Kuro on Tuesday. "
                   "The death toll from the bombing has risen to five, the army said.")
    got = killed_mentions(doc)
    assert 4 in got and 5 in got and 2 not in got  # the farmers keep their four; the bombing's two is now five


def test_revised_toll_reads_the_subject_and_its_verb(annotate):
    doc = annotate("The death toll rose to 40 on Friday. The toll stands at 40.")
    found = {sp.sent.start: revised_toll(sp) for sp in doc.spans["ew_quantities"] if sp._.quantity.value == 40}
    assert list(found.values()) == [True, False]


# -- both sides' dead: the attacker killed joins the victims --------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("Three shot dead at a warehouse in Pelham, then the gunman killed himself.", 4),
    ("Two guards were fatally shot at the bank on Friday before police killed the robber.", 3),
    ("Gunmen killed six villagers in Dorra on Sunday and troops killed two of the attackers.", 8),
])
def test_the_attackers_killed_add_to_the_victims(annotate, sentence, expected):
    doc = annotate(sentence)
    assert max(killed_mentions(doc)) == expected


def test_the_attacker_alone_killed_is_the_toll(annotate):
    doc = annotate("Police shot and killed a gunman who opened fire at a mall in Varden on Saturday.")
    assert killed_mentions(doc) == [1]


# -- killed, wounded as their own counts ----------------------------------------------------------------

def test_a_second_subject_hung_on_the_first_verb_takes_the_verb_after_it(annotate):
    doc = annotate("One man died and three others, including a teenager, were wounded in the shooting, police said.")
    got = {(sp._.quantity.value, sp._.quantity.counted) for sp in doc.spans["ew_quantities"]}
    assert (3, "wounded") in got and (3, "killed") not in got
    assert [m.fatalities for m in doc._.mentions] == [1]


@pytest.mark.parametrize("sentence,expected", [
    ("Rights groups condemned the assassination of four local councillors in Marel on Monday.", 4),
    ("Police are investigating the slaying of two brothers in Dunmore on Saturday.", 2),
])
def test_a_killing_noun_counts_its_dead(annotate, sentence, expected):
    doc = annotate(sentence)
    assert [(sp._.quantity.value, sp._.quantity.counted) for sp in doc.spans["ew_quantities"]] == [(expected, "killed")]


@pytest.mark.parametrize("sentence,expected", [
    ("Gunmen shot five villagers in Korro on Sunday, two of whom died in hospital.", {"killed": 2, "wounded": 3}),
    ("He shot two people at the motel, one of whom died.", {"killed": 1, "wounded": 1}),
    ("Militants abducted 20 students, three of whom were later freed.", {"abducted": 20, "released": 3}),
])
def test_of_whom_tells_of_a_part_not_the_whole(annotate, sentence, expected):
    doc = annotate(sentence)
    assert {sp._.quantity.counted: sp._.quantity.value for sp in doc.spans["ew_quantities"]} == expected
