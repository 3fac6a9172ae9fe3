"""A later sentence that takes the count of the wounded to a new figure ("bringing the number of injured to
six") revises the happening's wounded count as a risen toll revises its dead (ACLED: the latest figure); a
number told as an increment ("two more victims", "another three people", "a further two") adds to a count
told before and is never itself the count of victims.  Hand-written text."""
import pytest

from eventwire import extract

PUB = "2024-06-03"
VIOLENT = ("Battles", "Violence against civilians", "Explosions/Remote violence")


def _violent(text):
    return [e for e in extract(text, published=PUB) if e.event_type in VIOLENT]


@pytest.mark.parametrize("text,dead,wounded", [
    # the count of the hurt taken up by a gerund, the figure hung by the parser on "injured"
    ("Two people are dead and four others were hurt after a gunman opened fire at a cookout in Dayton early "
     "Saturday, police said. The suspect fled on foot. Police first said three people had been wounded, but "
     "two more victims later went to a hospital on their own, bringing the number of injured to six.", 2, 6),
    # another raising verb, "wounded" as the noun, an increment as subject
    ("Three men were killed and four people were wounded when a gunman opened fire outside a bar in Memphis "
     "on Friday night, police said. Officers found the victims in the parking lot. Another two people were "
     "later treated at a hospital for gunshot wounds, raising the number of wounded to six.", 3, 6),
    # the count itself rises (subject of a verb of rising), another country's naming, a speaker after it
    ("Gunmen shot dead a trader and injured three passengers at a checkpoint near Kaduna on Monday, police "
     "said. The attackers escaped into the forest. By evening the number of people injured had climbed to "
     "five, a hospital spokesman said.", 1, 5),
])
def test_a_later_sentence_revises_the_wounded_count(text, dead, wounded):
    evs = _violent(text)
    assert evs
    assert evs[0].fatalities == dead
    assert evs[0].counts.get("wounded") == wounded
    assert "victims" not in evs[0].counts  # "two more victims", "another two people": increments


@pytest.mark.parametrize("text,wounded", [
    # a lower figure is no revision upward of the hurt told first: the lead's count stands
    ("Militants stormed a police post near Quetta on Tuesday, wounding seven officers. Officials later "
     "said the number of injured who remained in hospital had fallen to two.", 7),
])
def test_a_count_of_those_still_in_hospital_is_no_revision(text, wounded):
    evs = _violent(text)
    assert evs and evs[0].counts.get("wounded") == wounded


@pytest.mark.parametrize("text", [
    ("A woman was killed and two men were injured in a shooting in Tulsa on Sunday, authorities said. "
     "A further two victims arrived at a hospital by private car, police said later."),
    ("Rebels ambushed a convoy near Beni on Monday, wounding six soldiers, the army said. A further two victims "
     "reached the hospital in Butembo on Tuesday after soldiers were injured in the ambush."),
    ("Police said five people were hurt in a shooting at a park in Fresno on Sunday, and an additional two "
     "victims arrived at a hospital later in the evening."),
    ("A man was shot dead outside a shop in Durban on Thursday, police said. Two more victims were shot "
     "nearby minutes later and taken to hospital."),
])
def test_an_increment_is_never_the_count_of_victims(text):
    evs = _violent(text)
    assert evs
    assert all("victims" not in e.counts for e in evs)


@pytest.mark.parametrize("text,wounded", [
    # an increment after the happening's sentence, a speaker after it
    ("Police said a gunman shot and wounded three men outside a mosque in Christchurch on Friday. Two more "
     "worshippers were injured as they ran from the gunfire, officials said.", 5),
    # "an additional", a participle lead
    ("Militiamen attacked a market near Bunia on Saturday, wounding eight traders. An additional three people "
     "were hurt as shoppers fled, the local administrator said.", 11),
    # "another", passive, the doctors as speaker
    ("Six people were injured when a grenade exploded at a bus station in Kampala on Monday, police said. "
     "Doctors said another four victims had been wounded by shrapnel and were treated later.", 10),
    # the happening's own sentence counts only the increment: it adds to the lead's count
    ("Two people are dead and five others were hurt after shots were fired at a birthday party in Dayton "
     "early Saturday, police said. The gunman fled before officers arrived. Two more victims were later "
     "wounded by gunfire at a nearby house, police said.", 7),
])
def test_an_increment_of_the_wounded_adds_to_the_count_told_before(text, wounded):
    evs = _violent(text)
    assert evs and max(e.counts.get("wounded", 0) for e in evs) == wounded


def test_an_increment_in_a_sentence_of_another_act_stays_with_it():
    text = ("Four people were wounded in a shooting outside a nightclub in Tampa on Sunday, police said. Hours "
            "later, a bomb exploded at a bus stop across town and injured another two people.")
    evs = _violent(text)
    assert evs and evs[0].counts.get("wounded") == 4
