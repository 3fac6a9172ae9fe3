"""Deaths told after the toll that count on from it: some of the told wounded who died ("two of the
injured later died") and an ordinal victim with no noun ("a third died overnight") raise the toll
(ACLED keeps the latest credible figure); the wounded who died are wounded no more (hand-written text)."""
import pytest

from eventwire import extract

PUB = "2024-05-20"
VIOLENT = ("Battles", "Violence against civilians", "Explosions/Remote violence")


def _violent(text):
    return [e for e in extract(text, published=PUB) if e.event_type in VIOLENT]


@pytest.mark.parametrize("text,toll", [
    # a number of the injured, "later died" and a place
    ("Militants opened fire on a checkpoint outside Bannu on Friday, killing two policemen and wounding five "
     "others. Two of the injured later died at a military hospital.", 4),
    # one of the wounded, "succumbed", a speaker after it
    ("A bomb went off in a crowded market in Baidoa on Sunday, killing three people and injuring six. One of the "
     "wounded succumbed on Monday, a doctor said.", 4),
    # a figure of those hurt, the toll told in the passive
    ("Four farmers were killed and nine were wounded when herders attacked a village near Lafia on Tuesday. "
     "Three of the wounded died overnight, a local leader said.", 7),
])
def test_some_of_the_told_wounded_who_died_raise_the_toll(text, toll):
    evs = _violent(text)
    assert len(evs) == 1
    assert evs[0].fatalities == toll


@pytest.mark.parametrize("text,toll", [
    # "a third" after two told dead: the relative clause tells the wound, no hospital named
    ("Two herders were killed when gunmen raided a cattle camp near Rumbek on Sunday. A third, who had been "
     "shot in the leg, died overnight, a nurse said.", 3),
    # "a fifth" after four, a speaker first
    ("Unknown attackers killed four traders on the road to Beni on Thursday. A fifth died on Friday morning, "
     "a local official said.", 5),
    # the verb first in the clause order of the toll: passive, "a second"
    ("A soldier was killed when insurgents ambushed a patrol near Palma on Saturday. A second died the next "
     "day, the army said.", 2),
])
def test_an_ordinal_counting_on_from_the_toll_is_one_more_death(text, toll):
    evs = _violent(text)
    assert len(evs) == 1
    assert evs[0].fatalities == toll


@pytest.mark.parametrize("text,toll", [
    # the wounded in hospital, not dead
    ("Gunmen attacked a bus near Zaria on Monday, killing two passengers and wounding six. Two of the injured "
     "remain in critical condition.", 2),
    # an ordinal that does not count on from the toll ("a fifth" after two) is no later death of these
    ("Gunmen killed two guards at a mine near Kalemie on Sunday. A fifth died last year in a similar raid.", 2),
    # "two of the attackers" are no wounded
    ("Soldiers repelled an attack on a base near Menaka on Friday, killing six militants. Two of the soldiers "
     "were decorated on Monday.", 6),
])
def test_deaths_that_do_not_count_on_leave_the_toll(text, toll):
    evs = _violent(text)
    assert evs and evs[0].fatalities == toll


def test_the_wounded_who_died_are_wounded_no_more():
    evs = _violent("Militants opened fire on a checkpoint outside Bannu on Friday, killing two policemen and "
                   "wounding five others. Two of the injured later died at a military hospital.")
    assert evs[0].fatalities == 4
    assert evs[0].counts.get("wounded") == 3


@pytest.mark.parametrize("text,toll", [
    # a toll word whose victims the happening's verb names, "has risen to", an ordinal victim inside
    ("The number of marchers killed by soldiers in Thursday's crackdown in Mandalay has risen to six after a "
     "sixth man died in hospital. Five demonstrators were shot dead on the day.", 6),
    # "climbed to" with a time word right after the figure (NER may take "eleven overnight" for a time)
    ("Gunmen stormed a village near Djenne on Sunday. The death toll climbed to eleven overnight as rescuers "
     "searched the burned huts. Villagers had first counted eight dead.", 11),
    # the lead's revised toll, an earlier and lower figure after it in the past perfect
    ("The number of soldiers killed in Tuesday's ambush near Tessalit rose to nine after a ninth body was found "
     "in a riverbed. Eight soldiers had been killed in the first hours of the attack, the army said.", 9),
])
def test_the_toll_a_count_rose_to_is_the_happenings_latest_figure(text, toll):
    evs = _violent(text) or extract(text, published=PUB)
    assert evs and evs[0].fatalities == toll


def test_a_toll_of_a_war_named_by_the_verb_is_not_the_happenings():
    evs = _violent("Gunmen killed two farmers near Gao on Monday. The number of civilians killed in the war "
                   "since 2012 has risen to 4,000, a rights group said.")
    assert evs and evs[0].fatalities == 2


@pytest.mark.parametrize("text,toll,wounded", [
    # the first report told as such ("initially"), the news in a "but" clause
    ("Initially, police said one guard had been killed and four wounded in the raid on a bank in Kano, but "
     "one of the wounded died in hospital early Tuesday.", 2, 3),
    # active voice, a semicolon, a figure of the injured
    ("Gunmen shot dead two traders and wounded five others at a market in Gao on Sunday; three of the injured "
     "later died, a medic said.", 5, 2),
    # "first reported", no wounded count told
    ("The army first reported that three soldiers were killed in the ambush near Diffa on Friday, but two of "
     "the wounded died overnight.", 5, None),
    # one clause joined by "and"
    ("A bomb killed one person and injured seven at a bus stop in Quetta on Monday, and one of the injured "
     "later died.", 2, 6),
])
def test_the_wounded_who_died_add_to_the_dead_told_in_the_same_sentence(text, toll, wounded):
    evs = _violent(text)
    assert evs and evs[-1].fatalities == toll
    if wounded is not None:
        assert evs[-1].counts.get("wounded") == wounded


def test_a_first_report_replaced_by_a_new_count_keeps_the_new_one():
    """"initially" still marks a first figure the text replaces: no adding there."""
    evs = _violent("Initially, officials said two miners were killed when gunmen raided a gold site near "
                   "Kidal on Sunday. The toll has since risen to six.")
    assert evs and evs[0].fatalities == 6


@pytest.mark.parametrize("text,toll", [
    ("The toll from the air strike on a fuel depot near Kutum on Sunday has risen to nine, a medic said. "
     "Two of the wounded died overnight at the clinic.", 9),
    ("The death toll in Saturday's bombing of a bus in Kismayo climbed to seven on Monday. One of the injured "
     "succumbed in hospital in Mogadishu, relatives said.", 7),
    # the count hangs on "dead", the toll word is what rose
    ("The toll from the shelling of a camp near El Fasher on Friday has risen to at least eight dead, aid "
     "workers said on Sunday. Three of the wounded died at a field hospital.", 8),
    ("Officials raised the toll from the attack on a church near Beni to 14. A fourteenth victim, a girl of "
     "nine, died of her burns on Tuesday.", 14),
])
def test_deaths_of_the_wounded_after_a_risen_toll_are_inside_it(text, toll):
    """A toll told as risen is the latest figure: the deaths told after it explain the rise."""
    evs = _violent(text)
    assert evs and evs[0].fatalities == toll


@pytest.mark.parametrize("text,toll", [
    ("Four people were shot outside a bar in Dayton early Saturday. One of the wounded has died, police said.", 1),
    ("Gunmen fired on a wedding party near Kandahar on Friday, wounding six guests. Two of the injured later "
     "died in hospital, relatives said.", 2),
    ("Three men were stabbed in a brawl in a market in Lagos on Monday. One of the wounded died on the way to "
     "hospital.", 1),
])
def test_the_wounded_who_died_told_as_the_only_toll_count_once(text, toll):
    """With no dead told before, "one of the wounded has died" is the toll itself, not one more."""
    evs = extract(text, published=PUB)
    assert evs and evs[0].fatalities == toll
