"""A victim of a told happening who dies of the wounds later raises its toll (ACLED keeps the latest
figure), and no new event is told for the death (hand-written text)."""
import pytest

from eventwire import extract

PUB = "2024-03-11"


def _violent(text):
    return [e for e in extract(text, published=PUB) if e.event_type in ("Battles", "Violence against civilians",
                                                                        "Explosions/Remote violence")]


@pytest.mark.parametrize("text,toll", [
    # a named soldier treated for wounds, on a later day
    ("Rebels attacked an army base near Beni on Sunday, killing three soldiers. Sergeant Paul Kasongo, 31, "
     "died on Monday at the Goma hospital, where he had been treated for bullet wounds.", 4),
    # an ordinal victim who succumbed, the verb first
    ("Gunmen opened fire on a checkpoint outside Maiduguri on Saturday, killing two policemen. A third officer, "
     "Inspector Musa Bello, succumbed to his injuries in hospital on Sunday night.", 3),
    # "later died of his wounds", a title and a name
    ("Insurgents attacked a police post near Kismayo on Wednesday, killing four officers. Constable Ali Hassan "
     "later died of his wounds at a hospital in Mogadishu.", 5),
])
def test_a_later_death_of_wounds_adds_one_to_the_told_toll(text, toll):
    evs = _violent(text)
    assert len(evs) == 1
    assert evs[0].fatalities == toll


@pytest.mark.parametrize("text,toll", [
    # the told victim named again: no new death
    ("Gunmen shot dead a trader in Kano on Sunday. The trader died at the hospital.", 1),
    # a death with a cause of its own is no later death of these wounds
    ("Rebels attacked an army base near Beni on Sunday, killing three soldiers. Its commander died in a car "
     "crash last year.", 3),
    # the one told dead, named: the same man, not another
    ("A policeman was killed when gunmen attacked a checkpoint near Jos on Sunday. Corporal Danjuma Audu, "
     "28, died at the scene, police said.", 1),
])
def test_a_death_that_is_no_new_victim_leaves_the_toll(text, toll):
    evs = _violent(text)
    assert evs and evs[0].fatalities == toll


@pytest.mark.parametrize("text,toll", [
    ("Soldiers clashed with militants near Palma on Friday. Three soldiers were killed, the army said, while "
     "the militants claimed on their channels that 12 soldiers had died.", 3),
    ("Police exchanged fire with gang members in Port-au-Prince on Sunday. Two officers were killed, police "
     "said; the gang claimed it had killed nine officers.", 2),
    ("Rebels attacked a garrison town near Kalemie on Monday. The rebels said they killed 40 soldiers, but "
     "the governor said six soldiers died in the assault.", 6),
])
def test_of_two_speakers_counts_of_the_same_dead_the_lower_is_the_toll(text, toll):
    """ACLED takes the most conservative of competing counts: two speakers' figures for the same
    victims in one sentence are accounts, not parts to add or a larger one to prefer."""
    evs = _violent(text)
    assert evs and evs[0].fatalities == toll


def test_two_speakers_counting_different_victims_are_not_competing():
    text = ("Gunmen attacked a village near Bunia on Friday. The army said two soldiers were killed and "
            "residents said five civilians also died.")
    evs = _violent(text)
    assert evs and evs[0].fatalities in (5, 7)


@pytest.mark.parametrize("text,toll", [
    ("A journalist and his two brothers were gunned down near Tumaco on Saturday.", 3),
    ("Unknown gunmen gunned down a village chief and his three nephews in Zamfara on Sunday.", 4),
    ("Armed men killed a farmer and his wife near Bangui on Monday.", 2),
])
def test_victims_told_singly_or_by_kinship_each_count(text, toll):
    evs = _violent(text)
    assert evs and evs[0].fatalities == toll
