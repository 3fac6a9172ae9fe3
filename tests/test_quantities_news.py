"""eventwire_quantities on everyday news wording: labels and addresses are no counts, shootings split into
killed and wounded, single victims, tolls."""
import pytest

from eventwire.nlp.quantities import totals


def spans(doc):
    return [(sp.text, sp._.quantity.value, sp._.quantity.counted) for sp in doc.spans["ew_quantities"]]


def values(doc):
    return [sp._.quantity.value for sp in doc.spans["ew_quantities"]]


# -- numbers that name rather than count ---------------------------------------------------------------

@pytest.mark.parametrize("sentence,bad", [
    ("The crash happened in the 3400 block of Willow Lane late Friday.", 3400),
    ("Traffic was stopped on Interstate 75 for two hours.", 75),
    ("The truck overturned on Highway 41 near the bridge.", 41),
    ("Residents of Route 12 heard the blast.", 12),
    ("Police went to Apt. 6 after neighbors called.", 6),
    ("The fire started in Building 9 at the depot.", 9),
    ("Fans waited outside Gate 7 for hours.", 7),
    ("Families in Section 3 were told to stay indoors.", 3),
    ("He told Channel 8 reporters that the road was closed.", 8),
    ("Officers were called to 452 Larch Street on Sunday.", 452),
    ("The suspect, of 918 N. Birch Ave., was arrested.", 918),
    ("Anyone with information should call 555-201-3344 or text the tip line.", 555),
    ("Anyone with information should call 555-201-3344 or text the tip line.", 3344),
    ("In the clip, at 4:12, two officers can be seen running.", 4),
    ("The home side won 4-2 on Saturday, and 3 fans were hurt.", 2),
    ("Jones, 34, and two other men were detained.", 34),
    ("The children, ages 6, 9 and 11, were unharmed.", 9),
    ("A 19-year-old man and a 7-year-old girl were wounded.", 19),
    ("The 16 yr old was taken into custody.", 16),
])
def test_labels_addresses_and_ages_are_not_counts(annotate, sentence, bad):
    doc = annotate(sentence)
    assert bad not in values(doc)


def test_counts_survive_next_to_labels(annotate):
    doc = annotate("Near Route 12, the blast killed 4 people; on Sunday 6 soldiers were wounded.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 4, "wounded": 6}


def test_score_keeps_other_counts(annotate):
    doc = annotate("The home side won 4-2 on Saturday, and 3 fans were hurt.")
    assert totals(doc.spans["ew_quantities"]) == {"wounded": 3}


def test_age_list_does_not_swallow_a_spelled_count(annotate):
    doc = annotate("Four men, ages 18, 20 and 25, and two women were shot outside the bar.")
    assert totals(doc.spans["ew_quantities"]) == {"wounded": 6}


# -- shootings: shot is wounded unless it kills ------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("Six people were shot outside a nightclub early Sunday.", {"wounded": 6}),
    ("Eleven people were shot -- two fatally -- at a block party.", {"wounded": 9, "killed": 2}),
    ("Five people were shot, one woman fatally, near the park.", {"wounded": 4, "killed": 1}),
    ("Officers shot three suspects, killing one.", {"wounded": 2, "killed": 1}),
    ("Eight people were shot, leaving two dead.", {"wounded": 6, "killed": 2}),
    ("Two people are dead after nine people were shot at a party.", {"killed": 2, "wounded": 7}),
    ("Three teenagers were shot to death behind the school.", {"killed": 3}),
    ("Two brothers were shot and killed on their porch.", {"killed": 2}),
    ("Four men were shot dead at the checkpoint.", {"killed": 4}),
    ("Twelve shot, 3 dead in weekend violence", {"wounded": 9, "killed": 3}),  # the dead are among the shot
    ("Gunmen shot at two police cars but nobody was hurt.", {"cars": 2, "wounded": 0}),
    ("A guard stabbed two inmates, one of them fatally.", {"wounded": 1, "killed": 1}),
])
def test_shootings(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_headline_shot(annotate):
    doc = annotate("Nine shot on crowded street")
    assert spans(doc) == [("Nine", 9, "wounded")]
    doc = annotate("Witnesses said it was just one shot, fired from a car.")
    assert "wounded" not in totals(doc.spans["ew_quantities"])


def test_half_a_dozen(annotate):
    doc = annotate("A half-dozen people were injured and half a dozen homes burned.")
    assert totals(doc.spans["ew_quantities"]) == {"wounded": 6, "homes": 6}


def test_shooter_is_no_victim(annotate):
    doc = annotate("One of the guards shot his colleague, and two gunmen who killed a driver were arrested.")
    got = spans(doc)
    assert ("One", 1, "wounded") not in got
    assert ("two", 2, "killed") not in got
    assert ("two", 2, "arrested") in got


# -- other ways of saying wounded ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("Four people suffered non-life threatening injuries in the crash.", {"wounded": 4}),
    ("Two officers sustained gunshot wounds during the raid.", {"wounded": 2}),
    ("Police found three men with gunshot wounds inside the house.", {"wounded": 3}),
    ("Seven people were taken to the hospital after the explosion.", {"wounded": 7}),
    ("The blast sent 14 people to hospital, officials said.", {"wounded": 14}),
    ("Five students were hospitalized after the stampede.", {"wounded": 5}),
    ("Two victims were treated and released at the scene.", {"wounded": 2}),
    ("Three people were killed and one was wounded in the ambush.", {"killed": 3, "wounded": 1}),
    ("Two were killed and another was wounded by the mine.", {"killed": 2, "wounded": 1}),
])
def test_wounded_wordings(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


# -- single victims without a number ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("A woman was shot and wounded outside her home on Tuesday.", {"wounded": 1}),
    ("An elderly man was injured when the roof collapsed.", {"wounded": 1}),
    ("A man and his daughter were shot dead in their car.", {"killed": 2}),
    ("A teenager died after the boat capsized.", {"killed": 1}),
])
def test_single_victims(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_single_person_doing_it_or_mentioned_is_no_victim(annotate):
    doc = annotate("A man who stabbed two neighbors was arrested. A witness said she saw a man with a gun.")
    got = spans(doc)
    assert not any(text.lower() == "a" for text, _v, _c in got)
    assert ("two", 2, "wounded") in got


# -- deaths and tolls --------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("The storm claimed 23 lives across the region.", {"killed": 23}),
    ("Rescuers said 8 bodies were recovered from the river.", {"killed": 8}),
    ("The toll rose to 41 on Tuesday.", {"killed": 41}),
    ("Fighting left 17 dead and dozens injured.", {"killed": 17, "wounded": 24}),
    ("At least 30 people died and 12 lost their lives later in hospital.", {"killed": 30}),
    ("The raid caused 9 casualties among the guards.", {"casualties": 9}),
    ("Militants attacked the base, killing at least 15.", {"killed": 15}),
    ("Three killed in overnight clash", {"killed": 3}),
    ("Four people succumbed to their injuries on Monday.", {"killed": 4}),
    ("3 dead, 5 injured in highway crash", {"killed": 3, "wounded": 5}),
    ("Five people were killed and two were shot in a separate attack.", {"killed": 5, "wounded": 2}),
])
def test_deaths_and_tolls(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_saved_lives_are_not_deaths(annotate):
    doc = annotate("Doctors saved 40 lives during the outbreak.")
    assert "killed" not in totals(doc.spans["ew_quantities"])


@pytest.mark.parametrize("sentence,expected", [
    ("The blast injured a mother and her two teenage sons.", {"wounded": 3}),
    ("He killed his wife and three neighbors before fleeing.", {"killed": 4}),
    ("A 12-year-old boy accidentally shot himself in the hand.", {"wounded": 1}),
    ("A prisoner took his own life in the cell on Monday.", {"killed": 1}),
    ("An 8-year-old was wounded by a stray bullet.", {"wounded": 1}),
    ("Two soldiers were killed and a third was wounded.", {"killed": 2, "wounded": 1}),
])
def test_victims_named_one_by_one(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_ages_after_both_are_not_counts(annotate):
    doc = annotate("Lee and Park, both 19, were arrested after the fight.")
    assert 19 not in values(doc)


def test_perpetrator_death_counts(annotate):
    doc = annotate("The suspect was killed in an exchange of fire with officers.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 1}
    doc = annotate("The suspect was arrested and the victim was shot.")
    assert totals(doc.spans["ew_quantities"]) == {}
    # a word that says the victim lived counts "the victim" too
    doc = annotate("The suspect was arrested and the victim was wounded.")
    assert totals(doc.spans["ew_quantities"]) == {"wounded": 1}


def test_the_and_possessives_only_where_they_add_up(annotate):
    doc = annotate("The victim was shot near a store. Her son was shot near a store.")
    assert totals(doc.spans["ew_quantities"]) == {}
    doc = annotate("The mother of the man who died spoke to reporters.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 1}


def test_counted_gerund_is_no_victim(annotate):
    doc = annotate("Before the truce, the town averaged about one shooting a week.")
    assert "wounded" not in totals(doc.spans["ew_quantities"])


@pytest.mark.parametrize("sentence,expected", [
    ("Bandits shot dead 6 farmers near the river.", {"killed": 6}),
    ("Gunmen shot dead a district chief and three of his bodyguards.", {"killed": 4}),
    ("Soldiers shot two protesters during the march.", {"wounded": 2}),
    ("Two gunmen shot a policeman at the checkpoint.", {"wounded": 1, "gunmen": 2}),
])
def test_conflict_shootings(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_numbered_and_single_conjuncts_add_up(annotate):
    doc = annotate("Two women and a child were injured when the wall fell.")
    assert totals(doc.spans["ew_quantities"]) == {"wounded": 3}
    doc = annotate("Militants killed four soldiers and a civilian near the base.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 5}


def test_later_sentence_tells_how_many_of_those_shot_died(annotate):
    doc = annotate("Six people were shot outside a bar on Friday. Two of the victims died at the hospital.")
    assert [sp._.quantity.value for sp in doc.spans["ew_quantities"]] == [4, 2]
    doc = annotate("Six people were shot outside a bar on Friday. Two people died in a crash nearby.")
    assert [sp._.quantity.value for sp in doc.spans["ew_quantities"]] == [6, 2]


def test_ages_listed_after_people(annotate):
    doc = annotate("A woman, 49, and two men, 31 and 44, were injured in the shooting.")
    assert 44 not in values(doc) and 31 not in values(doc)
    doc = annotate("Police were called to 2210 NW 41 Street after the shooting.")
    assert 2210 not in values(doc)


def test_count_after_a_comma_is_still_a_count(annotate):
    doc = annotate("Of the victims, 12 were killed and 30 were wounded.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 12, "wounded": 30}


def test_quake_and_flight_wordings(annotate):
    doc = annotate("The earthquake killed one person and left two others missing.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 1, "missing": 2}
    doc = annotate("Thousands of people who have fled the fighting crossed the border.")
    assert [sp._.quantity.counted for sp in doc.spans["ew_quantities"]] == ["displaced"]
    doc = annotate("He led a three-on-two fast break that finished with his jump shot in the lane.")
    assert "wounded" not in totals(doc.spans["ew_quantities"])


def test_those_who_leave_the_dead_are_not_dead(annotate):
    doc = annotate("Two gunmen left five people dead at the market.")
    assert totals(doc.spans["ew_quantities"]) == {"gunmen": 2, "killed": 5}


def test_shooter_of_shot_and_killed_is_no_victim(annotate):
    doc = annotate("A clerk who was fired last week shot and killed a manager and wounded two guards.")
    got = spans(doc)
    assert ("A clerk", 1, "killed") not in got
    assert totals(doc.spans["ew_quantities"]) == {"killed": 1, "wounded": 2}


def test_perpetrator_suicide_joins_the_toll(annotate):
    doc = annotate("A man shot and killed his three sons before killing himself.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 4}
    # a shot in the leg or an accident one lives through: hurt, not dead; a bare "shot himself" tells neither
    doc = annotate("He accidentally shot himself in the leg.")
    assert totals(doc.spans["ew_quantities"]) == {"wounded": 1}
    doc = annotate("A boy accidentally shot himself in the hand while cleaning a rifle.")
    assert totals(doc.spans["ew_quantities"]) == {"wounded": 1}
    doc = annotate("The gunman then shot himself.")
    assert totals(doc.spans["ew_quantities"]) == {}
    doc = annotate("He accidentally shot himself and died at the scene.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 1}


@pytest.mark.parametrize("sentence", ["A man killed himself in his cell.", "A guard turned the gun on himself."])
def test_one_suicide_counts_once(annotate, sentence):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == {"killed": 1}


@pytest.mark.parametrize("sentence,expected", [
    ("Stray bullets struck three children playing outside.", {"wounded": 3}),
    ("Two bystanders were hit by gunfire during the robbery.", {"wounded": 2}),
    ("The storm hit 40 villages along the coast.", {"villages": 40}),
])
def test_struck_by_bullets(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_struck_and_died(annotate):
    doc = annotate("Two men were struck by gunfire and died at the scene.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 2}


@pytest.mark.parametrize("sentence,expected", [
    ("John Carter was shot to death on Sunday.", {"killed": 1}),
    ("Maria Lopez and her brother were killed in the blast.", {"killed": 2}),
    ("John Carter was shot on Sunday.", {}),  # may have died, told later
    ("John Carter was shot in the arm on Sunday.", {"wounded": 1}),  # a wound one lives through
    ("Ann Lee and Tom Reyes are in stable condition.", {"wounded": 2}),
    ("John Carter killed two guards before fleeing.", {"killed": 2}),
])
def test_named_victims(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


# -- alive and hurt, dead after all ----------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    # "in critical condition" tells of someone hurt and alive
    ("Two men are dead and three are in critical condition after the crash.", {"killed": 2, "wounded": 3}),
    ("The blast left one guard dead and four others in serious condition.", {"killed": 1, "wounded": 4}),
    ("Two hikers remain in stable condition at the county hospital.", {"wounded": 2}),
    ("A cyclist is in fair condition after a truck hit him.", {"wounded": 1}),
    # suffering from wounds, recovering
    ("A teenager is suffering from a stab wound after the fight.", {"wounded": 1}),
    ("Deputies found a man and a woman suffering from gunshot wounds.", {"wounded": 2}),
    ("Officers found two men and one woman suffering from burns.", {"wounded": 3}),
    ("A girl is recovering after being struck by a stray bullet.", {"wounded": 1}),
    # ... and died: killed, not wounded
    ("Two farmers suffered gunshot wounds and were pronounced dead at the scene.", {"killed": 2}),
    ("A driver was shot and pronounced dead at the hospital.", {"killed": 1}),
    ("One woman, who had been stabbed in the neck, died on Friday.", {"killed": 1}),
    ("A guard was shot and taken to a clinic, where he died hours later.", {"killed": 1}),
])
def test_alive_and_hurt_or_dead_after_all(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Police recovered two rifles and a pistol.", {"rifles": 2}),  # recovered a thing: nobody hurt
    ("No one was hurt in the fire.", {"wounded": 0}),
    ("The old bridge is in poor condition, engineers said.", {}),
    ("Police shot dead a suspect at the checkpoint.", {"killed": 1}),
])
def test_alive_and_hurt_negatives(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_the_victim_counts_when_the_word_says_they_lived(annotate):
    doc = annotate("The boy was wounded in the arm.")
    assert totals(doc.spans["ew_quantities"]) == {"wounded": 1}
    doc = annotate("The victim was shot in the thigh.")
    assert totals(doc.spans["ew_quantities"]) == {"wounded": 1}
    doc = annotate("Her daughter was taken to a hospital in critical condition.")
    assert totals(doc.spans["ew_quantities"]) == {"wounded": 1}
    doc = annotate("The victim was shot in the head.")  # may have died: no count from this alone
    assert totals(doc.spans["ew_quantities"]) == {}


# -- deaths told without a number ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("A stray bullet hit the man in the back, killing him.", {"killed": 1}),
    ("Soldiers opened fire on her car, killing her.", {"killed": 1}),
    ("A woman was stabbed in the chest, killing her.", {"killed": 1}),  # not also wounded
    ("Police charged a neighbor in the fatal shooting of a 9-year-old boy.", {"killed": 1}),
    ("Detectives are investigating the deadly stabbing of Maria Lopez.", {"killed": 1}),
    ("Police are investigating a double homicide on the east side.", {"killed": 2}),
    ("A quadruple shooting left one man dead early Sunday.", {"wounded": 3, "killed": 1}),
    ("Police are looking for suspects in a triple shooting.", {"wounded": 3}),
])
def test_deaths_without_a_number(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_shooting_of_alone_is_no_death(annotate):
    doc = annotate("Police are investigating the shooting of a teenager near the park.")
    assert "killed" not in totals(doc.spans["ew_quantities"])
    doc = annotate("He told her to leave the house.")
    assert totals(doc.spans["ew_quantities"]) == {}


# -- a group counted, then its members one by one ----------------------------------------------------------

def test_victims_told_one_by_one_after_their_count_are_not_more(annotate):
    doc = annotate("Four people were shot outside a bar on Sunday. A 26-year-old man was shot in the arm. "
                   "Another man was hit in the foot. The gunman later shot himself dead.")
    assert spans(doc) == [("Four", 4, "wounded"), ("himself", 1, "killed")]


def test_a_count_over_several_incidents_does_not_swallow_a_victim(annotate):
    doc = annotate("Two teenagers died in separate incidents on Thursday. A boy was shot and killed near a school.")
    assert ("A boy", 1, "killed") in spans(doc)


def test_gallery_labels_are_no_counts(annotate):
    doc = annotate("Image 3 of 8 A boy who shot himself dies 1 / 8 Back to Gallery")
    assert 8 not in values(doc)


# -- what a mention takes --------------------------------------------------------------------------------

def test_mention_adds_numbers_on_one_casualty_word(annotate):
    doc = annotate("Three men and one woman were shot outside a bar on Sunday.")
    assert [m.counts.get("wounded") for m in doc._.mentions] == [4]
    doc = annotate("A man shot and killed his three sons before killing himself.")
    assert [m.fatalities for m in doc._.mentions] == [4]


def test_a_toll_pooled_over_several_attacks_stays_pooled_when_repeated(annotate):
    doc = annotate("The death toll from two bomb attacks in the capital has risen to 140. "
                   "A truck bomb exploded near the ministry, killing 140 people, officials said.")
    assert all(m.fatalities != 140 for m in doc._.mentions)


@pytest.mark.parametrize("sentence,expected", [
    ("He told police he had planned to kill his neighbor.", {}),
    ("The gunman barely missed killing a toddler asleep in her crib.", {}),
    ("Rebels tried to kill two officers but missed.", {"officers": 2}),
    ("Rebels killed two officers near the border.", {"killed": 2}),
])
def test_what_was_only_meant_kills_nobody(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_the_subject_of_a_side_clause_is_no_victim(annotate):
    doc = annotate("A father charged with manslaughter after his 6-year-old son was shot and killed at home "
                   "told police he had dropped the gun.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 1}
    doc = annotate("He barely missed killing a boy.")
    assert [m.fatalities for m in doc._.mentions] in ([], [None])


@pytest.mark.parametrize("sentence,expected", [
    ("A boy is dead after he accidentally shot himself in the leg.", {"killed": 1}),
    ("Police found a dead man who had been shot in the back.", {"killed": 1}),
    ("The gunman killed a guard and wounded another before fleeing.", {"killed": 1, "wounded": 1}),
    ("It was revenge for a triple shooting that wounded two men and killed a woman.", {"wounded": 2, "killed": 1}),
])
def test_more_single_victims(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("He was pronounced dead at the scene.", {"killed": 1}),
    ("She died at the hospital on Sunday.", {"killed": 1}),
    ("She was taken to a hospital in stable condition.", {"wounded": 1}),
    ("He was shot on Friday.", {}),  # may have died: no count from this alone
    ("He shot two men before police arrested him.", {"wounded": 2}),  # the one who shoots is no victim
    ("Paramedics pronounced the driver dead at the scene.", {"killed": 1}),
])
def test_one_person_told_by_a_pronoun(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_things_with_wounds_and_places_before_a_suicide_are_no_victims(annotate):
    doc = annotate("Deputies found a man lying between two sheds with a gunshot wound.")
    assert 2 not in [v for _t, v, c in spans(doc) if c == "wounded"]
    doc = annotate("She shot relatives at three separate homes then turned the gun on herself.")
    assert ("three", 3, "killed") not in spans(doc)


@pytest.mark.parametrize("sentence,expected", [
    ("One victim is in critical condition and the other suffered minor injuries.", {"wounded": 2}),
    ("Two people were hurt and another was hospitalized.", {"wounded": 3}),
    ("A teen was killed during a triple shooting on Friday.", {"killed": 1, "wounded": 2}),
    ("The guard who shot and killed a robber was not charged.", {"killed": 1}),
])
def test_one_more_and_the_rest(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("A gunman killed a clerk and wounded three Saturday night, police said.", {"killed": 1, "wounded": 3}),
    ("One man died and three more people are at a hospital with gunshot wounds.", {"killed": 1, "wounded": 3}),
    ("The 4-year-old was listed in serious condition.", {"wounded": 1}),
    ("He was killed two days later.", {"killed": 1}),
    ("Officers are at the scene, police said.", {}),
])
def test_bare_counts_and_hospital_states(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("A seventh-grader died after being shot at a bus stop.", {"killed": 1}),
    ("A hunter was killed in the woods on Sunday.", {"killed": 1}),
    ("A trailer was damaged in the blast.", {}),
    ("A computer was hit by a stray bullet.", {}),
])
def test_doers_by_their_ending_count_where_they_die(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_a_fatal_shooting_without_a_toll_is_one_death(annotate):
    doc = annotate("Police are investigating a fatal shooting on Elm Street. No arrests have been made.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 1, "arrested": 0}
    doc = annotate("Police are investigating a fatal shooting on Elm Street. Two men were killed.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 2}
    doc = annotate("Police are investigating a shooting on Elm Street.")
    assert totals(doc.spans["ew_quantities"]) == {}


def test_the_one_shot_and_the_one_shot_dead_alike_are_one(annotate):
    doc = annotate("Police came to the corner where a 17-year-old boy was shot. "
                   "A 17-year-old boy was shot to death on Sunday night.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 1}
    doc = annotate("A 20-year-old man was shot on Sunday. A 31-year-old man was shot and killed on Monday.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 1, "wounded": 1}


def test_the_sentences_after_a_happening_tell_its_dead_and_wounded(annotate):
    doc = annotate("A girl was shot on Sunday near her home in Dayton. "
                   "She was taken to a hospital in stable condition.")
    ms = doc._.mentions
    assert ms and ms[0].counts.get("wounded") == 1
    doc = annotate("A man was shot on Oak Street in Dayton on Sunday night. "
                   "He was pronounced dead at the scene.")
    ms = doc._.mentions
    assert ms and ms[0].fatalities == 1 and "wounded" not in ms[0].counts


def test_a_sentence_with_its_own_happening_keeps_its_counts(annotate):
    doc = annotate("A girl was shot on Sunday near her home in Dayton. "
                   "Separately, a bomb killed five soldiers in Kandahar.")
    ms = doc._.mentions
    assert ms[0].fatalities is None and ms[0].counts.get("wounded") == 1


def test_found_dead_with_wounds_is_dead(annotate):
    doc = annotate("Deputies found four victims dead inside the home, all with gunshot wounds.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 4}


def test_a_pronoun_that_died_is_the_one_shot(annotate):
    doc = annotate("A boy was accidentally shot on Thursday morning. He was pronounced dead at a hospital.")
    assert totals(doc.spans["ew_quantities"]) == {"killed": 1}
    # of the other sex: someone else
    doc = annotate("A woman was shot in the back on Elm Street. Later he was pronounced dead at a hospital.")
    assert ("A woman", 1, "wounded") in spans(doc)


def test_the_whole_of_a_partitive_did_not_all_die(annotate):
    doc = annotate("Police said that two of the four shooting victims had died.")
    assert totals(doc.spans["ew_quantities"]).get("killed") == 2
    doc = annotate("Four teenagers were shot in Newark, and one of them has died, police said.")
    assert totals(doc.spans["ew_quantities"]) == {"wounded": 3, "killed": 1}
    doc = annotate("Four teenagers were shot in Newark. Police said one of them has died. "
                   "Four teenagers were shot in Newark, and one of them has died.")
    assert [v for _t, v, c in spans(doc) if c == "wounded"] == [3, 3]


@pytest.mark.parametrize("sentence,expected", [
    ("The gunman killed three people and then himself in a motel.", {"killed": 4}),
    ("The shooter killed two guards and wounded a nurse before taking his own life.", {"killed": 3, "wounded": 1}),
    ("She took her own life on Sunday.", {"killed": 1}),
])
def test_the_shooters_own_death_joins_the_toll(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected
