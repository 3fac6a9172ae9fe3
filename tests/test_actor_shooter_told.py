"""US local news: a shooter, gunman or attacker told anywhere in the story of the same shooting, in
any role ("the shooter fled", "police are searching for the gunman"), is its doer, ACLED's
unidentified armed actor (hand-written sentences)."""


from actor_reading import actor1s

UAG = "Unidentified Armed Group (United States)"


def test_the_shooter_who_fled_is_the_doer(annotate):
    got = actor1s(annotate, "Two teenagers were shot near a gas station in Memphis, Tennessee, on Friday. "
                            "Witnesses said the shooter fled in a silver sedan.")
    assert got and got[0] == UAG


def test_the_gunman_searched_for_is_the_doer(annotate):
    got = actor1s(annotate, "One person died and four were hurt in a shooting outside a bar in Akron, Ohio, on "
                            "Saturday. Officers are still searching for the gunman, who ran from the scene.")
    assert got and got[0] == UAG


def test_the_attacker_at_large_is_the_doer(annotate):
    got = actor1s(annotate, "A woman was shot dead in a parking lot in Baton Rouge, Louisiana, on Monday evening. "
                            "The suspected attacker remains at large, according to the sheriff's office.")
    assert got and got[0] == UAG


def test_a_shooting_with_no_doer_told_is_acleds_unidentified_armed_group(annotate):
    # (was None: ACLED codes a shooting with no doer told to the country's unidentified armed group)
    got = actor1s(annotate, "A woman was shot dead in a parking lot in Baton Rouge, Louisiana, on Monday evening. "
                            "Her family asked for privacy, according to the sheriff's office.")
    assert got and got[0] == UAG


def test_the_assailants_after_a_named_raid_are_that_group(annotate):
    got = actor1s(annotate, "Al-Shabaab militants stormed a police post in Mandera county, Kenya, on Sunday, the police "
                            "said. Two officers were shot dead in the raid, and the assailants later escaped towards the "
                            "Somali border.")
    assert got and all(a == "Al Shabaab" for a in got)


def test_the_attackers_after_named_fighters_are_that_group(annotate):
    got = actor1s(annotate, "Boko Haram fighters raided the village of Konduga in Borno state overnight, residents said. "
                            "Three farmers were killed, and the attackers burned a clinic before withdrawing.")
    assert got and all(a == "Boko Haram" for a in got)


def test_rebels_told_of_in_the_background_are_not_the_doers(annotate):
    got = actor1s(annotate, "A school bus was burned out in a market town in Saada province, Yemen, on Thursday. "
                            "The war began when northern Houthi rebels seized the capital four years ago.")
    assert not got or got[0] is None or not got[0].startswith(("Houthi", "Unidentified"))
