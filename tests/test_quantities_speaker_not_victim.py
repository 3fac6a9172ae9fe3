"""The source named after a toll ("... killed at least 12 people, a medic and the rebel group said") is
no victim: the parser often hangs it on the counted people as an apposition, which once added the
speakers to the dead.  The lead's conservative toll stands against a party's higher figure told later;
a range's lowest figure is no higher.  Also: a lone death told again ("a 26-year-old man died at the
scene") is the same death, and a mine strike's dead reach its event (hand-written text)."""
import pytest

from eventwire import extract
from eventwire.nlp.pipeline import load_pipeline

PUB = "2024-05-20"


@pytest.mark.parametrize("text,killed", [
    ("An army air strike on a market in Kutkai killed at least 12 people, a rescue worker and the rebel group "
     "said on Friday. \"We have collected between 12 and 20 bodies,\" the rescue worker said. The rebel group "
     "said in a statement that 19 civilians had been killed.", 12),
    ("A government air raid on a village in Idlib province killed at least nine people, a medic and the "
     "opposition council said on Tuesday. \"We have pulled between nine and 15 bodies from the rubble,\" the "
     "medic said. The opposition council said in a statement that 14 civilians died in the raid.", 9),
    ("Military jets bombed a fuel depot near Kordofan on Sunday, killing at least 20 people, a local doctor and "
     "the rebel movement said. \"So far we have counted between 20 and 31 dead,\" the doctor told reporters. "
     "The rebel movement said 27 civilians were killed in the bombing.", 20),
])
def test_the_speakers_after_a_toll_are_not_dead_and_the_lead_stands(text, killed):
    evs = [e for e in extract(text, published=PUB) if e.fatalities is not None]
    assert len(evs) == 1
    assert evs[0].fatalities == killed


def test_a_speaker_list_is_not_counted_but_people_listed_after_a_count_are():
    nlp = load_pipeline()

    def killed(text):
        doc = nlp(text)
        return sum(sp._.quantity.value for sp in doc.spans["ew_quantities"]
                   if sp._.quantity is not None and sp._.quantity.counted == "killed")

    assert killed("Shelling killed 12 people, a nurse and the regional council said on Monday.") == 12
    # people told one by one beside a counted group are more dead, a source after the comma is not
    assert killed("The attack killed three farmers, a teacher and his wife, police said on Monday.") == 5


@pytest.mark.parametrize("text,killed,wounded", [
    ("One man was killed and three other people were wounded in a shooting outside a bar in Tulsa early "
     "Saturday, police said. A 26-year-old man died at the scene. Two men and a woman were taken to hospital "
     "with gunshot wounds.", 1, 3),
    ("A teenager was killed and two others were hurt when gunfire broke out at a party in Memphis late Friday, "
     "officers said. The 17-year-old boy was pronounced dead at the scene. A man and a woman were taken to a "
     "hospital.", 1, 2),
    ("One woman died and four people were injured in a shooting at a gas station in Omaha on Sunday night, "
     "police said. A 31-year-old woman died at the scene. Three men and a girl were treated at a hospital.",
     1, 4),
])
def test_a_lone_death_told_again_is_the_same_death(text, killed, wounded):
    evs = [e for e in extract(text, published=PUB) if e.fatalities is not None]
    assert len(evs) == 1
    assert evs[0].fatalities == killed
    assert evs[0].counts == {"killed": killed, "wounded": wounded}


@pytest.mark.parametrize("text,killed", [
    ("Two soldiers were killed and three injured when their vehicle struck a landmine in Michoacan on Tuesday, "
     "the army said.", 2),
    ("A landmine blast killed two militiamen and wounded five others as their pickup drove over it in Tigray on "
     "Sunday, a local official said.", 2),
    ("Four policemen were killed and one was injured when an improvised explosive device hit their patrol car "
     "near Gao on Monday, officials said.", 4),
])
def test_a_mine_strikes_dead_reach_its_event(text, killed):
    evs = [e for e in extract(text, published=PUB) if e.event_type == "Explosions/Remote violence"]
    assert len(evs) == 1
    assert evs[0].fatalities == killed
