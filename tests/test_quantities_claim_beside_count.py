"""The doer's own claim beside another party's count in one sentence, each naming the victims its own way
("claimed to have killed 25 police officers; officials said six policemen were killed"): two accounts of
one toll, and ACLED keeps the conservative figure.  Hand-written text."""
import pytest

from eventwire import extract

PUB = "2024-03-11"


@pytest.mark.parametrize("text,toll", [
    # the claimant as the doer of an xcomp ("claimed to have killed")
    ("The Taliban claimed to have killed 25 police officers in an assault in Ghazni on Sunday; officials said "
     "six policemen were killed.", 6),
    # the speaker's own fighters, another party's count after "while"
    ("Al-Shabaab said its fighters killed 30 soldiers in a raid on a base near Baidoa on Monday, while the army "
     "said four troops died.", 4),
    # "it killed", residents' count after a semicolon
    ("The Islamic State group claimed it killed 40 Nigerian troops in an attack on a base in Marte on Friday; "
     "residents said seven soldiers died.", 7),
])
def test_the_doers_claim_gives_way_to_the_other_count(text, toll):
    evs = extract(text, published=PUB)
    assert evs and all(e.fatalities == toll for e in evs)


def test_two_counts_of_different_victims_still_add_or_compare_as_before():
    # no claim: police's count of soldiers and of civilians are no competing accounts of one toll
    evs = extract("Gunmen attacked a checkpoint near Gao on Monday, killing three soldiers and two civilians, "
                  "police said.", published=PUB)
    assert evs and evs[0].fatalities == 5
