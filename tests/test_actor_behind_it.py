"""A named armed group said to be behind, or responsible for, the happening told again ("it was behind
the shelling", "the group was responsible for the blast") is the doer of an act first told with no
agent; "it"/"the group" is the party whose report it is.  A denial, a negation, an open question or
an indefinite happening names no one (hand-written sentences)."""


from actor_reading import actor1s


def test_a_group_saying_it_was_behind_the_shelling(annotate):
    got = actor1s(annotate, "Three mortar rounds hit the port of Kismayo on Thursday, wounding a guard. The militant group "
                            "al-Shabaab said on Friday it was behind the shelling.")
    assert got and got[0] == "Al Shabaab"


def test_a_group_saying_it_was_responsible_for_the_blast(annotate):
    got = actor1s(annotate, "An explosive device went off at a motor park in Gombe on Monday, killing four traders. "
                            "Boko Haram said in a video on Tuesday that it was responsible for the blast.")
    assert got and got[0] == "Boko Haram"


def test_the_group_its_spokesman_says_was_behind_the_massacre(annotate):
    got = actor1s(annotate, "Unknown assailants killed eleven villagers near Oicha overnight. A spokesman for the "
                            "ADF told a local radio station that the group was behind the massacre.")
    assert got and got[0].startswith("ADF")


def test_a_group_the_story_holds_responsible_in_the_present(annotate):
    got = actor1s(annotate, "A roadside device struck an army truck outside Kandahar on Sunday, killing two soldiers. "
                            "The Taliban are responsible for the bombing, one of their commanders told reporters.")
    assert got and got[0] == "Taliban"


def test_a_wing_saying_it_fired_the_rockets_sentence_first(annotate):
    # the sentence-initial "Rockets" the small parser tags as a name is still the happening's word
    got = actor1s(annotate, "Rockets were launched at the city of Ashkelon on Wednesday, wounding a woman. The armed "
                            "wing of Islamic Jihad said it had fired the rockets.")
    assert got and got[0] == "Islamic Jihad"


def test_a_denial_names_no_doer(annotate):
    got = actor1s(annotate, "An explosive device went off at a motor park in Gombe on Monday, killing four traders. "
                            "Boko Haram denied that it was behind the blast.")
    assert got and got[0] != "Boko Haram"


def test_a_negated_claim_names_no_doer(annotate):
    got = actor1s(annotate, "Three mortar rounds hit the port of Kismayo on Thursday, wounding a guard. Al-Shabaab said it "
                            "was not responsible for the shelling.")
    assert got and got[0] != "Al Shabaab"


def test_an_open_question_names_no_doer(annotate):
    got = actor1s(annotate, "An explosive device went off at a motor park in Gombe on Monday, killing four traders. "
                            "It was not clear who was behind the blast.")
    assert got and (got[0] is None or got[0].startswith("Unidentified"))


def test_behind_other_attacks_names_no_doer(annotate):
    got = actor1s(annotate, "An explosive device went off at a motor park in Gombe on Monday, killing four traders. "
                            "Officials said Boko Haram was behind a string of attacks last year.")
    assert got and got[0] != "Boko Haram"
