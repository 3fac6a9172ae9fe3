"""One mention per happening per article: references back, recaps and background (hand-written text)."""
import pytest
from datetime import date
from dataclasses import replace

from eventwire import extract
from eventwire.merge import merge_mentions
from eventwire.records import Actor, DateRange, EventMention, Place, Source

PUB = "2019-03-11"
PLACE = Place(name="Kadugli", country="SD", lat=11.01, lon=29.72, precision="town", admin1="South Kordofan")


def _m(sub, start, sentence, when, refers_back="", etype="Battles", prec="day", place=PLACE, actor=None):
    return EventMention(etype, sub, DateRange(when, when, prec), Source(article_id="a1", sentence=sentence,
                        span=(start, start + len(sentence)), published=PUB), location=place, actor1=actor,
                        refers_back=refers_back)


def test_a_reference_back_joins_the_earlier_mention_as_an_extra_source_with_its_date():
    lead = _m("Armed clash", 0, "The army launched an offensive on Saturday.", date(2019, 3, 9))
    back = _m("Armed clash", 100, "The offensive forced thousands to flee.", date(2019, 3, 11),
              refers_back="definite generic: The offensive")
    events = merge_mentions([lead, back])
    assert len(events) == 1
    ev = events[0]
    assert ev.date.start == date(2019, 3, 9)
    assert len(ev.mentions) == 1 and [s.span[0] for s in ev.sources] == [0, 100]


def test_a_generic_reference_may_name_a_happening_of_another_violent_type():
    blast = _m("Remote explosive/landmine/IED", 0, "A car bomb exploded near the market on Friday.",
               date(2019, 3, 8), etype="Explosions/Remote violence")
    back = _m("Armed clash", 80, "Nobody claimed the attack.", date(2019, 3, 11), refers_back="definite generic: the attack")
    assert len(merge_mentions([blast, back])) == 1
    # a specific noun of another kind is not a reference to it
    protest = _m("Peaceful protest", 80, "The march ended at noon.", date(2019, 3, 11), etype="Protests",
                 refers_back="definite: The march")
    assert len(merge_mentions([blast, protest])) == 2


def test_background_with_an_older_date_of_its_own_stays_apart():
    lead = _m("Armed clash", 0, "Rebels attacked the town on Saturday.", date(2019, 3, 9))
    old = _m("Armed clash", 90, "In 2014 rebels attacked the same town.", date(2014, 1, 1), prec="year")
    events = merge_mentions([lead, old])
    assert len(events) == 2 and events[1].date.start.year == 2014


def test_a_reference_prefers_the_happening_of_the_story_time_over_a_recalled_older_one():
    lead = _m("Armed clash", 0, "Rebels attacked the town on Saturday.", date(2019, 3, 9))
    old = _m("Armed clash", 90, "In 2014 rebels attacked the same town.", date(2014, 1, 1), prec="year")
    back = _m("Armed clash", 200, "The assault lasted two hours.", date(2019, 3, 9), refers_back="definite generic: The assault")
    events = merge_mentions([lead, old, back])
    assert len(events) == 2
    assert [s.span[0] for s in events[0].sources] == [0, 200]


def test_a_reference_with_a_conflicting_actor_or_another_country_is_not_folded():
    lead = _m("Armed clash", 0, "The army attacked rebels on Saturday.", date(2019, 3, 9),
              actor=Actor("Military Forces of Sudan", "state forces", "SD"))
    other = _m("Armed clash", 90, "The group's offensive went on.", date(2019, 3, 11), refers_back="definite generic: offensive",
               actor=Actor("Lord's Resistance Army", "rebel group"))
    assert len(merge_mentions([lead, other])) == 2
    far = Place(name="Juba", country="SS", lat=4.85, lon=31.58, precision="town", admin1="Central Equatoria")
    away = _m("Armed clash", 90, "The offensive went on in Juba.", date(2019, 3, 11), refers_back="definite generic: offensive",
              place=far)
    assert len(merge_mentions([lead, away])) == 2


def test_a_reference_that_only_anchors_another_happening_adds_no_source():
    lead = _m("Remote explosive/landmine/IED", 0, "A bomb went off at the checkpoint on Friday.", date(2019, 3, 8),
              etype="Explosions/Remote violence")
    s = "A firefight broke out after the blast."
    fight = _m("Armed clash", 60, s, date(2019, 3, 8))
    anchor = _m("Remote explosive/landmine/IED", 60, s, date(2019, 3, 8), etype="Explosions/Remote violence",
                refers_back="definite anchor: the blast")
    events = merge_mentions([lead, fight, anchor])
    assert [len(e.sources) for e in events] == [1, 1]
    # the subject of its sentence is a reference that tells something: it joins as a source
    told = _m("Remote explosive/landmine/IED", 60, s, date(2019, 3, 8), etype="Explosions/Remote violence",
              refers_back="definite: the blast")
    assert [len(e.sources) for e in merge_mentions([lead, fight, told])] == [2, 1]


def test_pipeline_lead_reference_and_recap_make_one_event_and_background_its_own():
    text = (
        "KADUGLI, March 9 - The Sudanese army launched an offensive against rebels in the hills near Kadugli on "
        "Saturday, a military spokesman said.\n\n"
        "The offensive has forced thousands of villagers to flee toward the town, aid workers said.\n\n"
        "The ceasefire talks in the capital follow a military campaign to push the insurgents out of the area.\n\n"
        "In 2014, rebels attacked the same town, killing 20 soldiers.\n"
    )
    clashes = [e for e in extract(text, published=PUB) if e.sub_event_type == "Armed clash"]
    assert len(clashes) == 2
    recent, old = sorted(clashes, key=lambda e: e.date.start, reverse=True)
    assert recent.date.start == date(2019, 3, 9)
    said = " ".join(s.sentence for s in recent.sources)
    assert "forced thousands" in said and "military campaign" in said
    assert old.date.start.year == 2014 and "2014" in old.sources[0].sentence


def test_refers_back_reads_definiteness_and_novelty():
    from eventwire.nlp.mention_coref import refers_back
    from eventwire.nlp.pipeline import load_pipeline

    nlp = load_pipeline()

    def why(sentence: str, word: str) -> str:
        doc = nlp(sentence)
        tok = next(t for t in doc if t.text == word)
        return refers_back(doc, doc[tok.i: tok.i + 1], tok)

    assert why("Witnesses said the assault lasted two hours.", "assault").startswith("definite generic")
    assert why("Its offensive has displaced thousands.", "offensive").startswith("definite generic")
    assert why("The talks follow a campaign to drive out the militants.", "campaign").startswith("recap")
    assert "anchor" in why("A firefight broke out after the blast.", "blast")
    assert why("Another attack hit the village later.", "attack") == ""
    assert why("The rebels launched their own offensive in the east.", "offensive") == ""
    assert why("The first explosion destroyed several shops.", "explosion") == ""


def test_a_day_the_text_tells_is_no_publication_fallback_a_happening_of_the_day_before_stays_apart():
    # the protest is told "on Monday", the publication day; the fighting it followed "on Sunday"
    protest = _m("Protest with intervention", 0, "Police dispersed a protest in the town on Monday.",
                 date(2019, 3, 11), etype="Protests")
    protest.date_how = "own"
    fight = _m("Violent demonstration", 80, "The protest followed riots in the town on Sunday.",
               date(2019, 3, 10), etype="Riots")
    fight.date_how = "own"
    assert len(merge_mentions([protest, fight])) == 2
    # a day the text does not tell (the publication day as a fallback) may be a day off
    protest.date_how = "undated"
    assert len(merge_mentions([protest, fight])) == 1


def test_a_clause_about_participants_already_told_refers_back():
    from eventwire.nlp.mention_coref import refers_back
    from eventwire.nlp.pipeline import load_pipeline

    nlp = load_pipeline()

    def why(sentence: str, word: str) -> str:
        doc = nlp(sentence)
        tok = next(t for t in doc if t.text == word)
        return refers_back(doc, doc[tok.i: tok.i + 1], tok)

    # a definite or pronoun subject: the participants were told before
    assert why("Officers said the farmer had already been killed.", "killed").startswith("given generic")
    assert why("The group said it had killed 12 policemen.", "killed").startswith("given generic")
    # the means of a violent act of given participants
    assert why("The gunmen attacked the convoy with a roadside bomb.", "bomb").startswith("given generic")
    # a kind of act of its own (an abduction in a raid) is given but not generic
    assert why("During the raid the gunmen abducted four teachers.", "abducted") == "given: gunmen abducted"
    # new participants introduce a new happening
    assert why("Gunmen killed three farmers.", "killed") == ""
    assert why("Another gunman killed a guard.", "killed") == ""
    assert why("Two villagers were killed.", "killed") == ""


def test_a_reference_whose_sentence_names_no_place_takes_the_antecedents_place():
    lead = _m("Armed clash", 0, "Rebels attacked the army near Kadugli on Saturday.", date(2019, 3, 9))
    capital = Place(name="Khartoum", country="SD", lat=15.5, lon=32.56, precision="town", admin1="Khartoum")
    # the dateline's city, not a place the sentence tells: no veto
    back = _m("Armed clash", 90, "The group said it had killed 12 soldiers.", date(2019, 3, 11), place=capital,
              refers_back="given generic: it killed")
    assert len(merge_mentions([lead, back])) == 1
    # a town the sentence tells, far from the antecedent's: another happening
    told = _m("Armed clash", 90, "The group said it had killed 12 soldiers in Khartoum.", date(2019, 3, 11),
              place=capital, refers_back="given generic: it killed")
    assert len(merge_mentions([lead, told])) == 2


def test_a_definite_thing_an_earlier_happening_introduced_is_no_new_happening():
    lead = _m("Armed clash", 0, "Rebels stormed an army outpost near Kadugli on Saturday.", date(2019, 3, 9))
    outpost = _m("Headquarters or base established", 70, "The rebels shelled the outpost for an hour.",
                 date(2019, 3, 9), etype="Strategic developments", refers_back="definite: the outpost")
    events = merge_mentions([lead, outpost])
    assert len(events) == 1 and [s.span[0] for s in events[0].sources] == [0, 70]
    # a thing no earlier sentence told is not a reference to any happening
    depot = _m("Headquarters or base established", 70, "The depot opened in the town.", date(2019, 3, 9),
               etype="Strategic developments", refers_back="definite: The depot")
    assert len(merge_mentions([lead, depot])) == 2


def test_a_killing_of_a_given_victim_is_part_of_the_mob_violence_told_before():
    mob = _m("Mob violence", 0, "A mob beat a thief in the market on Friday.", date(2019, 3, 8), etype="Riots")
    back = _m("Attack", 60, "Police said the man had already been killed.", date(2019, 3, 8),
              etype="Violence against civilians", refers_back="given generic: man killed")
    back.fatalities = 1
    events = merge_mentions([mob, back])
    assert len(events) == 1 and events[0].fatalities == 1 and events[0].sub_event_type == "Mob violence"


def test_an_older_war_recalled_by_month_or_year_is_context_not_an_event():
    # published 2019-03-11: the war's start (a year before) and a campaign "since" last year are context;
    # the day's shelling is the story.
    text = (
        "KADUGLI, March 9 - Government artillery shelled rebel positions in the hills near Kadugli on "
        "Saturday, a military spokesman said.\n\n"
        "The rebels launched their insurgency against the government in June 2017.\n\n"
        "The army has intensified operations against the insurgents since it ended a truce in October.\n"
    )
    evs = extract(text, published=PUB)
    said = " ".join(s.sentence for e in evs for s in e.sources)
    assert "insurgency" not in said and "truce in October" not in said
    assert any(e.date.start == date(2019, 3, 9) and "shelled" in e.sources[0].sentence for e in evs)


def test_an_older_happening_with_its_own_town_or_toll_stays_with_its_older_date():
    text = (
        "KADUGLI, March 9 - Government artillery shelled rebel positions in the hills near Kadugli on "
        "Saturday, a military spokesman said.\n\n"
        "Rebels attacked Talodi in 2016 and took dozens of policemen captive.\n\n"
        "In 2015, insurgents ambushed an army convoy in the area, killing 31 soldiers.\n"
    )
    evs = extract(text, published=PUB)
    years = sorted(e.date.start.year for e in evs)
    assert years.count(2016) == 1 and years.count(2015) == 1, [(e.sub_event_type, e.date) for e in evs]


def test_raids_that_are_only_the_setting_of_arrests_are_the_arrests():
    evs = extract("Police arrested 12 opposition activists in dawn raids across the capital on Tuesday.", published=PUB)
    assert [e.sub_event_type for e in evs] == ["Arrests"]
    evs = extract("Soldiers seized a weapons cache during an operation in the hills near Kadugli on Saturday.", published=PUB)
    assert [e.sub_event_type for e in evs] == ["Disrupted weapons use"]
    # raids with a toll of their own (a clause on the raid) stay a happening beside the arrests
    evs = extract("Police arrested 12 opposition activists in raids that killed two bystanders in the capital on Tuesday.",
                  published=PUB)
    assert sorted(e.sub_event_type for e in evs) == ["Arrests", "Attack"]
    # "arrested in the shooting of ...": the shooting is the crime, a happening of its own
    evs = extract("Police arrested two militia members in the shooting of a soldier in the capital on Tuesday.",
                  published=PUB)
    assert "Arrests" in [e.sub_event_type for e in evs] and len(evs) == 2


def test_a_protest_that_followed_fighting_is_the_protest_told_and_the_fighting_its_own_event():
    # "on Sunday" dates the fighting (its phrase), not the demonstration that refers back to the march
    text = ("KHARTOUM, March 12 - Thousands of people marched through the town of Kadugli on Monday to protest "
            "against the war.\n\n"
            "The demonstration followed fresh fighting between the army and rebels near Kadugli on Sunday that "
            "killed 12 people.\n")
    evs = extract(text, published="2019-03-12")
    protests = [e for e in evs if e.event_type == "Protests"]
    clashes = [e for e in evs if e.sub_event_type == "Armed clash"]
    assert len(protests) == 1 and protests[0].date.start == date(2019, 3, 11), [(e.sub_event_type, e.date) for e in evs]
    assert len(clashes) == 1 and clashes[0].date.start == date(2019, 3, 10)


def test_an_older_happening_of_a_named_person_or_at_a_home_is_no_war_background():
    text = ("KADUGLI, March 9 - Government artillery shelled rebel positions in the hills near Kadugli on "
            "Saturday, a military spokesman said.\n\n"
            "Amina Osman's brother was shot dead by soldiers in 2015.\n\n"
            "Gunmen attacked their family home last July.\n")
    evs = extract(text, published=PUB)
    years = sorted(e.date.start.year for e in evs)
    assert 2015 in years and 2018 in years, [(e.sub_event_type, e.date) for e in evs]


def test_a_wire_datelines_date_is_the_reports_so_the_story_day_is_the_leads():
    from eventwire.nlp.temporal import _is_dateline

    text = "MALAKAL, April 6 (Reuters) - Armed herders killed 11 villagers near Malakal on Sunday."
    s = text.index("April")
    assert _is_dateline(text, s, s + len("April 6"))
    local = "Wau, April 6: Police fired on a crowd."
    assert _is_dateline(local, local.index("April"), local.index("April") + 7)
    # a date inside the sentence, or after a weekday, is no dateline
    inner = "Officials said on Tuesday, April 6 - the day after - that the camp was empty."
    assert not _is_dateline(inner, inner.index("April"), inner.index("April") + 7)
    story = (text + "\n\nThe raiders drove off hundreds of cattle and burned a grain store as they left, "
             "a local official said.\n")
    events = extract(story, published="2021-04-06")
    assert events and all(e.date.start == date(2021, 4, 4) for e in events)


def test_a_clause_of_the_told_doers_is_the_same_happening_whatever_its_clause_dates():
    from eventwire.nlp.mention_coref import _told_doers
    from eventwire.nlp.pipeline import load_pipeline

    nlp = load_pipeline()

    def why(sentence: str, word: str) -> str:
        doc = nlp(sentence)
        return _told_doers(next(t for t in doc if t.text == word))

    assert why("Relatives said the kidnappers had not called them as of Thursday evening.", "kidnappers") \
        .startswith("given doer")
    assert why("The attackers torched a clinic and two shops late Friday.", "torched").startswith("given dated")
    # new doers, or doers with a name or a number, tell a happening of their own
    assert why("Attackers torched a clinic late Friday.", "torched") == ""
    assert why("Two other gunmen torched a clinic late Friday.", "torched") == ""


def test_a_statement_of_a_state_of_affairs_is_context_not_an_event():
    from eventwire.nlp.mention_coref import _context_statement
    from eventwire.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    undated = DateRange(date(2019, 3, 11), date(2019, 3, 11), "day")

    def context(sentence: str, word: str, how: str = "story", when: DateRange = undated) -> bool:
        doc = nlp(sentence)
        tok = next(t for t in doc if t.text == word)
        return _context_statement(doc, tok.sent, tok, when, how)

    assert context("The north is also plagued by fighting between the army and bandits.", "fighting")
    assert context("A regional force is helping the police fight the militias.", "fight")
    year = DateRange(date(2021, 1, 1), date(2021, 12, 31), "year")
    assert context("The militia has stepped up its attacks on herders since 2021.", "attacks", "sentence", year)
    # a fresh happening in the perfect, a past one, a headline, a quote: events
    assert not context("Gunmen have abducted dozens of travellers on the highway.", "abducted")
    assert not context("Gunmen abducted dozens of travellers on the highway.", "abducted")
    assert not context("Gunmen abduct dozens of travellers on highway", "abduct")
    assert not context('"They are attacking us every night," a farmer said.', "attacking")
    # a live report in the present, and a state that follows on a happening, are the happening's
    assert not context("Protesters are blocking the main road to the airport.", "blocking")
    assert not context("A man is in critical condition after a shooting near the market.", "shooting")


def test_pipeline_background_about_another_conflict_makes_no_event():
    text = (
        "Gunmen killed seven farmers in an attack on a village near Kadugli on Saturday, a local official said.\n\n"
        "The state is also racked by fighting between the army and rebel factions farther east.\n"
    )
    events = extract(text, published=PUB)
    assert [e.sub_event_type for e in events] == ["Attack"]


def test_a_revised_toll_told_on_a_later_day_is_the_same_happening():
    text = (
        "Gunmen killed fourteen villagers in a raid on a hamlet near Kadugli on Saturday, a local chief said.\n\n"
        "The toll was given on Sunday by the county commissioner, who said the victims were killed with machetes.\n"
    )
    events = extract(text, published=PUB)
    assert len(events) == 1 and events[0].date.start == date(2019, 3, 9)
    assert len(events[0].sources) == 2


def test_a_claim_of_the_attack_dated_by_the_statement_is_the_attack_told():
    text = (
        "Jihadist fighters killed nine policemen in an attack on a police station near Kadugli on Saturday, "
        "a security source said.\n\n"
        "The movement claimed the attack in a statement on Monday, saying its fighters had killed 25 officers "
        "and seized rifles.\n"
    )
    events = extract(text, published=PUB)
    assert len(events) == 1
    ev = events[0]
    assert ev.date.start == date(2019, 3, 9) and ev.fatalities == 9  # the attack's day; the lower toll
    assert len(ev.sources) == 2


def test_the_date_after_a_claimed_or_condemned_happening_is_the_speakers():
    from eventwire.nlp.pipeline import annotate
    from eventwire.article import Article
    from eventwire.nlp import temporal

    def dated(text, word):
        doc = annotate(Article(text, published=date(2019, 3, 11), published_precision="day"))
        tok = next(t for t in doc if t.text == word)
        return temporal.dated_by(doc, tok)

    rng, _bg, how = dated("The movement claimed the ambush in a video on Monday.", "ambush")
    assert how in ("story", "undated")
    # (the parser hangs "on Monday" on the noun here)
    rng, _bg, how = dated("The movement claimed the attack in a statement on Monday, saying its fighters had "
                          "killed 25 officers and seized rifles.", "attack")
    assert how in ("story", "undated")
    rng, _bg, how = dated("The governor blamed the movement for the ambush in a statement on Monday.", "ambush")
    assert how in ("story", "undated")
    # the noun's own date, before it, stays its own
    rng, _bg, how = dated("The movement claimed Saturday's ambush in a video.", "ambush")
    assert how == "own" and rng.start == date(2019, 3, 9)
    # an indefinite noun is a happening told here with its day
    rng, _bg, how = dated("Gunmen staged an ambush on Saturday near the river.", "ambush")
    assert how == "own" and rng.start == date(2019, 3, 9)


def test_a_later_death_of_a_victim_is_the_toll_of_the_happening_told():
    text = (
        "Gunmen shot and killed a trader outside a shop in Kadugli on Saturday evening, police said.\n\n"
        "A 19-year-old student who was also shot died Sunday morning at the hospital, police said.\n"
    )
    events = extract(text, published=PUB)
    assert len(events) == 1
    assert events[0].date.start == date(2019, 3, 9) and events[0].fatalities == 2
    # the victim already told dying later is not a second death
    text = (
        "A mob beat a suspected thief in the central market of Kadugli on Friday night, witnesses said.\n\n"
        "The man died on Saturday, police said.\n"
    )
    events = extract(text, published=PUB)
    assert len(events) == 1 and events[0].fatalities == 1 and events[0].date.start == date(2019, 3, 8)


def test_a_death_with_a_cause_of_its_own_or_before_the_happening_stays_apart():
    from eventwire.records import EventMention as EM  # noqa: F401
    lead = _m("Attack", 0, "Gunmen shot a trader in Kadugli on Saturday.", date(2019, 3, 9), etype="Violence against civilians")
    before = _m("Attack", 90, "A woman died on Thursday at the hospital.", date(2019, 3, 7),
                etype="Violence against civilians", refers_back="died new: woman died")
    assert len(merge_mentions([lead, before])) == 2
    text = (
        "Gunmen shot and killed a trader outside a shop in Kadugli on Saturday evening, police said.\n\n"
        "A soldier died in an air strike on a base near Dilling on Sunday, the army said.\n"
    )
    assert len(extract(text, published=PUB)) == 2


def test_victims_abducted_by_the_told_attackers_are_that_attack():
    text = (
        "Gunmen killed eleven villagers in an attack on the hamlet of Tora near Kadugli on Saturday, a local chief said.\n\n"
        "He said four girls had been abducted by the attackers.\n"
    )
    events = extract(text, published=PUB)
    assert [e.sub_event_type for e in events] == ["Attack"] and len(events[0].sources) == 2
    # abducted by doers not told before: a happening of its own
    text = (
        "Gunmen killed eleven villagers in an attack on the hamlet of Tora near Kadugli on Saturday, a local chief said.\n\n"
        "On Sunday four girls were abducted by bandits on the road to Dilling.\n"
    )
    assert len(extract(text, published=PUB)) == 2


def test_the_told_doers_named_in_their_own_clause_do_not_conflict_with_the_happening():
    lead = _m("Attack", 0, "Rebels killed 12 farmers near Kadugli on Saturday.", date(2019, 3, 9),
              etype="Violence against civilians", actor=Actor("Sudan Revolutionary Front", "rebel group"))
    burn = _m("Looting/property destruction", 90, "The attackers, from the Sudan People's Movement, burned huts.",
              date(2019, 3, 9), etype="Strategic developments", refers_back="given dated: attackers burned",
              actor=Actor("Sudan People's Movement", "rebel group"))
    events = merge_mentions([lead, burn])
    assert len(events) == 1 and events[0].actor1.name == "Sudan Revolutionary Front"
    # a plain reference with a named actor of its own still conflicts
    other = _m("Attack", 90, "The Sudan People's Movement's offensive went on.", date(2019, 3, 9),
               etype="Violence against civilians", refers_back="definite generic: offensive",
               actor=Actor("Sudan People's Movement", "rebel group"))
    assert len(merge_mentions([lead, other])) == 2


def test_a_death_told_in_the_sentence_of_its_shooting_is_not_a_second_victim():
    text = (
        "A man who was shot in the chest outside a bar in Kadugli on Friday night died from the wound.\n\n"
        "Police arrested a suspect on Saturday.\n"
    )
    events = [e for e in extract(text, published=PUB) if e.event_type == "Violence against civilians"]
    assert len(events) == 1 and events[0].fatalities == 1


def test_what_a_claimant_says_its_fighters_did_is_the_claimed_attack_only_for_a_told_happening():
    from eventwire.nlp.pipeline import annotate
    from eventwire.article import Article
    from eventwire.nlp.mention_coref import _claim_content

    def why(text, word):
        doc = annotate(Article(text, published=date(2019, 3, 11), published_precision="day"))
        return _claim_content(next(t for t in doc if t.text == word))

    assert why("The movement claimed the raid on Monday, saying its men had burned the depot.", "burned")
    # a claim of no told happening, or a plain statement, is not a reference back
    assert not why("The movement said on Monday that its men had burned the depot.", "burned")
    assert not why("The movement claimed a raid on Monday, saying its men had burned the depot.", "burned")


def test_another_partys_toll_with_no_doer_of_its_own_is_the_happening_told():
    # the dateline's city gives the account a place of its own that is not the strike's: only the
    # typing's tie of the deaths to the strike told before folds it (with the lead's figure)
    text = (
        "NAIROBI, March 11 (Reuters) - A drone strike by the army on a cattle market in the town of Kadugli killed "
        "at least six civilians on Monday, two local officials said.\n\n"
        "The Sudan Liberation Movement said in a statement on social media that 19 civilians, including children, "
        "had been killed and accused the army of targeting civilians.\n"
    )
    events = extract(text, published=PUB)
    assert len(events) == 1 and len(events[0].sources) == 2 and events[0].fatalities == 6
    # deaths with doers, a place and a day of their own are another happening
    text = (
        "A drone strike by the army on a cattle market in Kadugli killed at least six civilians on Monday, two local "
        "officials said.\n\n"
        "The Sudan Liberation Movement said that 19 soldiers were killed by its fighters in Dilling on Tuesday.\n"
    )
    assert len(extract(text, published=PUB)) == 2


def test_what_a_definite_happening_noun_did_is_that_happening():
    # "The strike, which X said targeted ..., struck ...": the parser makes "strike" the root and hangs
    # "struck" under the relative clause; the verb still tells what the strike did
    text = (
        "The toll from the drone strike that hit a cattle market in Kadugli on Monday has risen to nine, a health "
        "worker said.\n\n"
        "The strike, which the army said targeted \"rebels\", struck the livestock market of the district, in the "
        "county of Dilling, in the middle of the day.\n"
    )
    events = extract(text, published=PUB)
    assert len(events) == 1 and len(events[0].sources) == 2 and events[0].fatalities == 9


def test_a_participle_clause_shares_the_subject_of_its_verb():
    from eventwire.nlp.pipeline import annotate
    from eventwire.article import Article
    from eventwire.nlp.mention_coref import _subject_of

    doc = annotate(Article("The attackers stormed homes early on Saturday, shooting residents and stealing cattle.",
                           published=date(2019, 3, 11), published_precision="day"))
    assert _subject_of(next(t for t in doc if t.text == "shooting")).text == "attackers"
    # and so a clause of the told attackers, dated by its own day, is their attack: one event, the toll
    # of the dateline lead
    text = (
        "NAIROBI, March 11 (AFP) - The death toll from an attack by armed youths on the village of Tora near "
        "Kadugli has risen to 9, a local official said on Monday.\n\n"
        "The attackers stormed homes early on Saturday, shooting residents and stealing cattle, the official said.\n"
    )
    events = extract(text, published=PUB)
    assert len(events) == 1 and events[0].fatalities == 9 and events[0].actor1 is not None


def test_a_blame_dated_by_its_statement_is_about_the_happening_told():
    text = (
        "Gunmen abducted 14 passengers from a minibus near the town of Kadugli late last week, relatives of the "
        "victims said.\n\n"
        "The state government blamed the rebels for the abduction in a statement broadcast by state radio on Monday.\n"
    )
    events = [e for e in extract(text, published=PUB) if e.event_type == "Violence against civilians"]
    assert len(events) == 1 and len(events[0].sources) == 2
    from eventwire.nlp.pipeline import annotate
    from eventwire.article import Article
    from eventwire.nlp.mention_coref import _talked_about

    doc = annotate(Article("The governor condemned the raid on Monday. Police arrested a man for the raid on Monday.",
                           published=date(2019, 3, 11), published_precision="day"))
    first, second = [t for t in doc if t.text == "raid"]
    assert _talked_about(first) and not _talked_about(second)


def test_a_definite_description_by_the_act_presupposes_the_act_told():
    # "the person who shot him" is identified by the shooting told before; the reporter's city is no
    # place of its own
    text = (
        "A man was shot in the chest at the Riverside Apartments in Kadugli on Friday afternoon, police said.\n\n"
        "The person who shot him is still at large, a police spokesman in Khartoum said.\n"
    )
    events = extract(text, published=PUB)
    assert len(events) == 1 and len(events[0].sources) == 2
    # an indefinite one brings in someone new, with a happening of its own
    text = (
        "A man was shot in the chest at the Riverside Apartments in Kadugli on Friday afternoon, police said.\n\n"
        "In Dilling on Saturday, a gunman who shot two guards at a bank fled.\n"
    )
    assert len(extract(text, published=PUB)) == 2


def test_a_body_found_of_a_told_victim_is_a_death_of_the_happening_told():
    # the body of one of the abducted: the abduction, with one death (not a discovery of its own)
    text = (
        "Armed men kidnapped five teachers from a school in Kadugli on Wednesday, police said.\n\n"
        "The body of one of the teachers was found on Saturday beside a road outside the town.\n"
    )
    events = extract(text, published=PUB)
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]
    assert events[0].fatalities == 1 and len(events[0].sources) == 2
    # bodies the story does not date: the dead of the fighting told, its toll where it gave none
    text = (
        "Fighting between two communities near Kadugli left many dead on Thursday, residents said.\n\n"
        "A police commander said his men had recovered 11 bodies from the bush.\n"
    )
    events = extract(text, published=PUB)
    assert len(events) == 1 and events[0].fatalities == 11


def test_a_body_found_on_a_day_of_its_own_or_elsewhere_stays_a_discovery():
    text = (
        "Armed men kidnapped five teachers from a school in Kadugli on Wednesday, police said.\n\n"
        "On Sunday, farmers found two bodies in a dry riverbed near Dilling.\n"
    )
    events = extract(text, published=PUB)
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance", "Other"]
    assert events[0].fatalities is None
    # and with no violent happening told, a body found is its own report
    text = "Farmers found the bodies of two men in a dry riverbed near Kadugli on Sunday, police said.\n"
    assert [e.sub_event_type for e in extract(text, published=PUB)] == ["Other"]


def test_found_body_reference_unit():
    from eventwire.nlp.pipeline import annotate
    from eventwire.article import Article
    from eventwire.nlp.mention_coref import _found_body, _body_count

    doc = annotate(Article("The body of one of the hostages was found. Police found the man's body. "
                           "Police found the body of a fisherman. They recovered 4 bodies.",
                           published=date(2019, 3, 11), published_precision="day"))
    b1, b2, b3, b4 = [t for t in doc if t.lemma_.lower() == "body"]
    assert _found_body(b1, "own").startswith("body given")
    assert _found_body(b2, "own").startswith("body given")
    assert _found_body(b3, "story") == ""  # someone new
    assert _found_body(b4, "story") == "body: bodies" and _found_body(b4, "own") == ""
    assert _body_count(b4) == 4 and _body_count(b1) == 1


def test_a_present_description_of_the_told_fighting_is_that_fighting_whatever_its_clauses_date():
    text = (
        "Fighting between two communities near Kadugli left six dead on Thursday, residents said.\n\n"
        "The fighting pits the Kuku and Lotuko clans, who have been feuding since a killing last year, police said.\n"
    )
    events = extract(text, published=PUB)
    assert len(events) == 1 and len(events[0].sources) == 2 and events[0].date.start == date(2019, 3, 7)
    from eventwire.nlp.pipeline import annotate
    from eventwire.article import Article
    from eventwire.nlp.mention_coref import _described_now

    doc = annotate(Article("The fighting pits two clans. The fighting was fierce. Fighting pits two clans.",
                           published=date(2019, 3, 11), published_precision="day"))
    f1, f2, f3 = [t for t in doc if t.lower_ == "fighting"]
    assert _described_now(f1) and not _described_now(f2)


def test_what_a_party_says_its_own_fighters_inflicted_is_its_claim_not_the_toll():
    # the claimant's figure gives way to the toll that others give of the same clash
    text = (
        "The Sudan Liberation Movement says its fighters attacked an army checkpoint near Kadugli on Saturday "
        "night, killing twelve soldiers.\n\n"
        "Local sources told reporters that three soldiers were killed in the clash.\n"
    )
    events = extract(text, published=PUB)
    assert len(events) == 1 and events[0].fatalities == 3
    from eventwire.nlp.pipeline import annotate
    from eventwire.article import Article
    from eventwire.nlp.mentions import _own_fighters_claim

    doc = annotate(Article("The movement says its fighters attacked a checkpoint, killing twelve soldiers. "
                           "Residents say gunmen attacked a checkpoint, killing twelve soldiers.",
                           published=date(2019, 3, 11), published_precision="day"))
    s1, s2 = list(doc.sents)
    assert _own_fighters_claim(s1) and not _own_fighters_claim(s2)


def test_another_partys_count_of_the_dead_at_the_told_place_is_the_happening_told():
    text = (
        "Police shot dead three protesters in Kadugli on Saturday, a police spokesman said.\n\n"
        "An aid group said six people had died in Kadugli, a number the police did not confirm.\n"
    )
    events = extract(text, published=PUB)
    assert len(events) == 1 and len(events[0].sources) == 2 and events[0].fatalities == 3
    # deaths told at another town are not the shooting's
    text = (
        "Police shot dead three protesters in Kadugli on Saturday, a police spokesman said.\n\n"
        "An aid group said six people had died in Port Sudan, a number the police did not confirm.\n"
    )
    assert len(extract(text, published=PUB)) == 2


def test_victims_defined_by_a_told_happening_die_in_it_not_where_they_died():
    # the death at a hospital in another town is the raid's toll; the raid's revised figure stands
    text = ("MOPTI - The toll of the assault on the army camp in the district of Djenne has risen to "
            "seven soldiers killed, an officer said on Sunday.\n\n"
            "Three soldiers who were badly injured in Thursday's assault died of their wounds at the "
            "Mopti hospital, where they had been flown, the officer said.")
    events = extract(text, published="2025-03-09")
    assert len(events) == 1
    assert events[0].fatalities == 7
    assert len(events[0].sources) == 2
    # victims of a happening the article never told are a happening of their own
    text = ("Three soldiers who were badly injured in Thursday's ambush near Djenne died at a hospital "
            "on Saturday, an officer said.")
    events = extract(text, published="2025-03-09")
    assert len(events) == 1


def test_a_claim_of_responsibility_with_its_own_toll_is_the_claimed_attack():
    text = ("MOPTI - The toll of the attack on the army camp in the commune of Djenne has risen to nine soldiers "
            "killed, a security source said on Saturday.\n\n"
            "The Islamic State Sahel Province had claimed responsibility for the attack and put the number of "
            "soldiers killed at 40.")
    events = extract(text, published="2025-03-09")
    assert len(events) == 1
    assert events[0].fatalities == 9  # ACLED keeps the conservative figure
    # a claim of an attack the article never told is not folded into another happening
    text = ("MOPTI - Gunmen attacked an army camp near Djenne on Thursday, killing six soldiers, an officer said.\n\n"
            "The group claimed responsibility for an ambush near Gao and said it killed 40 soldiers there.")
    assert len(extract(text, published="2025-03-09")) == 2


def test_victims_flown_to_a_far_hospital_still_die_in_the_told_assault():
    text = ("BAMAKO - The toll of the assault on the army camp in the district of Djenne has risen to "
            "seven soldiers killed, an officer said on Sunday.\n\n"
            "Three soldiers who were badly injured in Thursday's assault died of their wounds at the "
            "military hospital in Bamako, where they had been flown, the officer said.")
    events = extract(text, published="2025-03-09")
    assert len(events) == 1
    assert events[0].location.name == "Djenne" and events[0].fatalities == 7


def test_a_protester_who_dies_later_is_one_more_death_of_the_force_on_the_protest():
    text = ("NAIROBI, Kenya (AP) - Kenyan police fired live rounds to disperse protesters in the town of Eldoret "
            "on Monday, killing two people, witnesses said.\n\n"
            "A third protester who was shot in the chest died in hospital overnight, a doctor at the Eldoret "
            "county hospital said Tuesday.")
    events = extract(text, published="2025-03-11")
    assert len(events) == 1
    assert events[0].fatalities == 3


# --- round 7: a retelling placed only by the dateline, a told victim's body, an anchor's actors, a crowd's acts


def test_a_retelling_placed_only_by_the_dateline_joins_the_happening_told():
    # the wire is filed from Istanbul, the strike was in the south-east; the later sentence names no
    # place: it is the strike told, not a second strike in Istanbul (passive, active, another verb;
    # other districts)
    leads = [
        "Turkish drones killed three Kurdish militants in a rural area of Van province's Baskale district near "
        "the border with Iran, the defence ministry said on Saturday.",
        "Turkish armed drones killed four Kurdish militants in a rural area of Hakkari province's Semdinli "
        "district near the border with Iraq, the defence ministry said on Saturday.",
    ]
    seconds = [
        "The ministry said the militants had been \"neutralised\" in an air strike on Friday after being "
        "spotted by surveillance aircraft.",
        "In a statement, the ministry said its jets carried out an air strike on Friday that eliminated the "
        "militants.",
        "Warplanes bombed the militants' hideout on Friday, the ministry added in a post on social media.",
    ]
    for lead in leads:
        for second in seconds:
            text = "ISTANBUL (Reuters) - " + lead + "\n\n" + second + "\n"
            events = extract(text, published="2025-03-08")
            assert len(events) == 1, second
            assert events[0].location.name != "Istanbul", second


def test_a_happening_in_the_dateline_town_that_its_sentence_names_stays_its_own():
    # the sentence names the capital: a place of its own, another happening
    text = ("ADDIS ABABA (Reuters) - Government drones killed five rebel fighters near the town of Gondar on "
            "Friday, the defence ministry said on Saturday.\n\n"
            "Separately, police in Addis Ababa shot dead two robbers on Friday.\n")
    assert len(extract(text, published="2025-03-08")) == 2


def test_the_dateline_note_marks_only_a_place_taken_from_the_dateline():
    from eventwire.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    doc = nlp("ISTANBUL (Reuters) - Turkish drones killed three Kurdish militants in a rural area of Van "
              "province's Baskale district, the defence ministry said on Saturday.\n\n"
              "The ministry said the militants had been neutralised in an air strike on Friday.\n\n"
              "In Istanbul, police shot dead two armed robbers during a raid on Saturday.")
    notes = {m.trigger: "[place: dateline]" in m.rule for m in doc._.mentions}
    assert notes.get("killed") is False  # Baskale, its own
    assert notes.get("air strike") is True  # no place in its sentence: the dateline's
    assert notes.get("shot dead") is False  # Istanbul named in its own sentence


def test_the_body_of_a_told_victim_found_elsewhere_is_that_happenings_death():
    # where the body lay is not where the victims were taken; three wordings of the find
    variants = [
        "The body of one of the engineers, a 41-year-old man from Lagos, was found on Monday near a stream, "
        "police said.",
        "Police recovered the body of the abducted driver on a highway outside Abuja on Monday.",
        "On Monday, herders near Lokoja discovered the foreman's body in a ditch, a police spokesman said.",
    ]
    for second in variants:
        text = ("Gunmen abducted three engineers, their foreman and their driver from a site in Kafanchan on "
                "Saturday, police said.\n\n" + second + "\n")
        events = extract(text, published="2025-03-11")
        assert len(events) == 1, second
        assert events[0].location.name == "Kafanchan" and events[0].fatalities == 1, second


def test_a_noun_that_only_dates_an_arrest_wave_is_no_second_clash():
    # "following the clash" recalls the clash; the police who arrest are not its actors
    variants = [
        "Following the clash, the Pakistani army carried out a wave of arrests in the area.",
        "After the fighting, Pakistani troops swept through nearby villages, witnesses said.",
        "In the wake of the ambush, the Pakistani army conducted raids in which it detained 20 suspects.",
    ]
    for second in variants:
        text = ("Fighters of the Baloch Liberation Army clashed with police at a checkpoint near Turbat on "
                "Tuesday night, killing four officers, officials said.\n\n" + second + "\n")
        events = extract(text, published="2025-03-12")
        assert sum(e.event_type == "Battles" for e in events) == 1, second


def test_what_the_told_crowd_did_next_is_part_of_its_riot():
    # a crowd's burning told after its riot is that riot (ACLED: property a rioting crowd destroys is the
    # riot); three wordings, the verb of the burning in a sequence, in a coordination, and alone
    variants = [
        "The crowd smashed the windows, pulled an officer outside and kicked him, then torched the post and "
        "two vehicles.",
        "The rioters dragged a constable into the street and beat him, then set fire to a patrol car.",
        "The crowd also burned a patrol car parked outside.",
    ]
    for second in variants:
        text = ("Angry residents beat two police officers and set fire to the police post in Kisii on Sunday "
                "night after a detainee died in a cell, police said on Monday.\n\n" + second + "\n")
        events = extract(text, published="2025-03-10")
        assert not [e for e in events if e.sub_event_type == "Looting/property destruction"], second
        assert sum(e.event_type == "Riots" for e in events) == 1, second


def test_a_told_crowd_is_the_doer_and_a_verb_after_then_shares_its_subject():
    from eventwire.nlp.mention_coref import refers_back
    from eventwire.nlp.pipeline import load_pipeline

    nlp = load_pipeline()

    def why(sentence: str, word: str) -> str:
        doc = nlp(sentence)
        t = next(t for t in doc if t.text == word)
        return refers_back(doc, doc[t.i: t.i + 1], t)

    assert why("The crowd forced the door, beat a guard, then torched the station.", "torched").startswith("given doer")
    assert why("The protesters burned three shops.", "burned").startswith("given doer")
    # participants told before who are no crowd: a clause of theirs, not the doers'
    assert why("The villagers burned three shops.", "burned").startswith("given:")
    assert why("The gunmen burned three shops.", "burned").startswith("given:")
    # a new crowd tells a happening of its own
    assert why("A crowd burned three shops.", "burned") == ""


@pytest.mark.parametrize("text,toll", [
    ("NAIROBI, June 9 (Reuters) - At least seven people, including a soldier, were killed on Friday when troops raided a "
     "militant camp near Garissa.\n\nThe army said four suspects were killed and weapons seized.\n", 7),
    ("KAMPALA, June 9 (Reuters) - Police stormed a hideout in Kasese on Monday in an operation that left nine people dead.\n\n"
     "Five militants were killed, a police spokesman said.\n", 9),
    ("MOMBASA, June 9 (Reuters) - Twelve people, among them two policemen, died when officers raided a drug den in Mombasa "
     "on Wednesday.\n\nAccording to the police, seven gang members were shot dead.\n", 12),
])
def test_a_count_of_one_kind_of_victim_is_part_of_the_toll_of_people_told_before(text, toll):
    # the suspects' dead are among the people's: the happening keeps the inclusive toll
    events = [e for e in extract(text, published="2026-06-10") if e.event_type != "Strategic developments"]
    assert [e.fatalities for e in events] == [toll]


def test_a_count_with_its_own_day_and_place_is_another_happenings_toll():
    text = ("NAIROBI, June 9 - Seven people were killed in a raid on a camp near Garissa on Friday.\n\n"
            "On Saturday, four soldiers were killed in an ambush near Mandera.\n")
    assert sorted(e.fatalities for e in extract(text, published="2026-06-10")) == [4, 7]


@pytest.mark.parametrize("text", [
    ("NAIROBI, June 9 (Reuters) - Police arrested three men suspected of planning an attack in Mombasa on Friday.\n\n"
     "Officers seized a pistol, ammunition and components for making a bomb, a police spokesman said.\n"),
    ("LAHORE, June 9 (Reuters) - Counter-terrorism police detained four suspected militants in a raid in Lahore "
     "on Thursday.\n\nGuns, grenades and explosive material were confiscated from the house, a police official said.\n"),
])
def test_weapons_seized_in_the_course_of_an_arrest_are_part_of_the_arrest(text):
    events = extract(text, published="2026-06-10")
    assert [e.sub_event_type for e in events] == ["Arrests"]
    assert len(events[0].sources) == 2


def test_a_seizure_on_a_day_of_its_own_stays_its_own_event():
    text = ("NAIROBI, June 9 (Reuters) - Police arrested three men in Mombasa on Friday.\n\n"
            "On Sunday, officers seized a cache of rifles in Malindi, police said.\n")
    seizures = [e for e in extract(text, published="2026-06-10") if e.sub_event_type == "Disrupted weapons use"]
    assert [e.date.start for e in seizures] == [date(2026, 6, 7)]


@pytest.mark.parametrize("text", [
    ("LIMA (AP) - Rebels ambushed an army patrol near the town of Pichari on Monday, killing two soldiers, the armed "
     "forces said.\n\nIn a video posted online on Tuesday, a man who said he was a commander of the group claimed "
     "that nine soldiers had died.\n"),
    ("BAMAKO (AFP) - Jihadists attacked a gendarmerie post in the town of Niono on Monday, killing three gendarmes, "
     "officials said.\n\nThe group claimed on Tuesday in a statement that 15 gendarmes had died.\n"),
    ("MAIDUGURI, Nigeria (Reuters) - Insurgents stormed a military base in the town of Monguno on Monday, killing four "
     "soldiers, the army said.\n\nOn Wednesday, a fighter of the group told a local radio station that 30 soldiers "
     "died.\n"),
])
def test_a_claimed_toll_dated_by_its_statement_is_the_told_happenings(text):
    # the sentence's day is the statement's: the deaths in the claim are the told happening's, and
    # the lower toll of the first report stands
    events = extract(text, published="2026-05-14")
    assert len(events) == 1
    assert events[0].fatalities in (2, 3, 4)


@pytest.mark.parametrize("text", [
    ("ABUJA (Reuters) - Nigeria's army said on Wednesday it had killed 20 militants in the town of Dikwa.\n\n"
     "The militants were killed on Tuesday in an ambush, the army said.\n"),
    ("KABUL (AFP) - The interior ministry announced on Wednesday its forces had killed 12 fighters in the district "
     "of Nerkh.\n\nThe fighters were killed on Tuesday during an operation, a ministry spokesman said.\n"),
    ("MOGADISHU (Reuters) - Somalia's army said on Wednesday its troops had killed 30 al Shabaab fighters near "
     "the town of Jowhar.\n\nThe fighters were killed on Tuesday in an assault on their base, officials said.\n"),
])
def test_the_day_a_source_spoke_yields_to_the_happenings_own_day(text):
    # "said on Wednesday it had killed": Wednesday is the statement's; the body's "on Tuesday" is the
    # happening's, and the two sentences tell one happening
    events = extract(text, published="2026-09-10")
    assert len(events) == 1
    assert events[0].date.start == date(2026, 9, 8)


def test_a_day_inside_the_reported_clause_is_the_happenings():
    text = "ABUJA (Reuters) - The army said on Monday that on Saturday its troops killed 20 militants in the town of Dikwa.\n"
    assert [e.date.start for e in extract(text, published="2026-09-10")] == [date(2026, 9, 5)]


@pytest.mark.parametrize("text", [
    ("KADUGLI (Reuters) - Rebels ambushed an army convoy near the town of Talodi on Saturday, the army said.\n\n"
     "Private Ali Musa and Private Omar Idris died in the ambush, while three other soldiers are being treated "
     "in Khartoum.\n"),
    ("MAIDUGURI, Nigeria (AFP) - Gunmen stormed a police station in the town of Mubi on Monday, police said.\n\n"
     "Constable John Bello was killed during the attack and two of his colleagues were flown to Abuja for "
     "treatment.\n"),
    ("NIAMEY (AP) - Jihadists raided the village of Tera in western Niger on Tuesday, officials said.\n\n"
     "Six villagers lost their lives in the raid; the wounded were later taken to hospitals in Niamey.\n"),
])
def test_victims_who_died_in_the_told_happening_tell_no_new_one(text):
    # "X died in the ambush": the clause tells the told happening's victims; its subject is no doer,
    # and a place it names for the survivors ("treated in Khartoum") is not the happening's
    events = extract(text, published="2026-05-14")
    assert len(events) == 1, [(e.sub_event_type, [s.sentence for s in e.sources]) for e in events]
    assert len(events[0].sources) == 2


def test_the_told_doers_leaving_a_fight_end_it_and_transfer_no_territory():
    # "Non-violent transfer of territory" is, by ACLED's definition, one without fighting: the doers
    # of a battle told withdrawing after it are that battle's end
    fight = _m("Armed clash", 0, "Rebels attacked an army post near Kadugli on Saturday.", date(2019, 3, 9),
               actor=Actor("SPLM-N", "rebel group", "SD"))
    for k, (s, why) in enumerate([
            ("Troops fought back for an hour before the rebels pulled out of the area.", "given dated: rebels pulled"),
            ("The assailants later withdrew towards the mountains.", "given doer: assailants withdrew"),
            ("After two hours the attackers retreated, leaving the post to the army.", "given dated: attackers retreated")]):
        leave = _m("Non-violent transfer of territory", 100 + k, s, date(2019, 3, 9), refers_back=why,
                   etype="Strategic developments", actor=Actor("SPLM-N", "rebel group", "SD"))
        events = merge_mentions([fight, leave])
        assert len(events) == 1 and events[0].sub_event_type == "Armed clash"
    # a withdrawal told by no reference to the fight's doers stays its own development
    other = _m("Non-violent transfer of territory", 100, "The army handed the town of Talodi to the police.",
               date(2019, 3, 9), etype="Strategic developments", actor=Actor("Military Forces of Sudan", "state forces", "SD"))
    assert len(merge_mentions([fight, other])) == 2


def test_a_generic_reference_may_name_a_burning_by_armed_men():
    burn = _m("Looting/property destruction", 0, "Masked men set fire to six lorries near Kadugli on Saturday.",
              date(2019, 3, 9), etype="Strategic developments", actor=Actor("Unidentified Armed Group (Sudan)", "political militia", "SD"))
    for k, (s, why) in enumerate([
            ("Police found leaflets at the scene referring to the attack.", "definite generic: the attack"),
            ("No group has claimed the assault.", "definite generic: the assault"),
            ("Residents said the raid lasted half an hour.", "definite generic: the raid")]):
        back = _m("Attack", 100 + k, s, date(2019, 3, 11), etype="Violence against civilians", refers_back=why)
        assert len(merge_mentions([burn, back])) == 1, s
    # a rioting crowd's looting is no "attack" told: the reference looks for a violent happening
    loot = replace(burn, actor1=Actor("Rioters (Sudan)", "rioters", "SD"))
    back = _m("Attack", 100, "Nobody claimed the attack.", date(2019, 3, 11), etype="Violence against civilians",
              refers_back="definite generic: the attack")
    assert len(merge_mentions([loot, back])) == 2
    # a specific noun is no generic reference
    back = _m("Abduction/forced disappearance", 100, "The kidnapping shocked the town.", date(2019, 3, 11),
              etype="Violence against civilians", refers_back="definite: The kidnapping")
    assert len(merge_mentions([burn, back])) == 2


@pytest.mark.parametrize("sentences", [
    ("Police opened fire on demonstrators in Kadugli on Saturday.", "Two marchers were shot dead on Saturday in Kadugli."),
    ("Soldiers fired live rounds at a crowd protesting in Kadugli on Saturday.", "Gunfire killed a student in Kadugli on Saturday."),
    ("Officers used force to break up the rally in Kadugli on Saturday.", "Security forces shot three youths in Kadugli on Saturday."),
])
def test_a_shooting_of_demonstrators_told_as_an_attack_is_the_force_against_them(sentences):
    force_s, shot_s = sentences
    force = _m("Excessive force against protesters", 0, force_s, date(2019, 3, 9), etype="Protests")
    shot = _m("Attack", 100, shot_s, date(2019, 3, 9), etype="Violence against civilians")
    assert len(merge_mentions([force, shot])) == 1
    # another day, or another town, is another happening
    later = replace(shot, date=DateRange(date(2019, 3, 10), date(2019, 3, 10), "day"))
    assert len(merge_mentions([force, later])) == 2
    far = Place(name="Juba", country="SS", lat=4.85, lon=31.58, precision="town", admin1="Central Equatoria")
    assert len(merge_mentions([force, replace(shot, location=far)])) == 2


@pytest.mark.parametrize("text", [
    "Youths rioted in Mwanza on Saturday after two traders died in police custody. "
    "Their two cousins were found dead in the cells, a relative said.",
    "Residents torched the police station in Kasese on Monday after three fishermen held by marine police died. "
    "The fishermen's families said his three crewmen had been beaten to death.",
    "Students rioted in Kumasi on Tuesday after two classmates died in a police cell. "
    "The school said its two pupils had been found dead in the cell.",
])
def test_the_answered_dead_told_again_with_a_possessive_are_no_toll(annotate, text):
    # "its two members", like "the two members", names the dead the riot answered, told already
    doc = annotate(text, published="2025-05-12")
    own = [m for m in doc._.mentions if m.sub_event_type in ("Violent demonstration", "Mob violence")]
    assert own, [(m.sub_event_type, m.trigger) for m in doc._.mentions]
    assert all(m.fatalities is None for m in own), [(m.trigger, m.fatalities) for m in own]


@pytest.mark.parametrize("sub2, etype2, a1, a2", [
    ("Excessive force against protesters", "Protests", "Military Forces of Sudan", "Police Forces of Sudan"),
    ("Excessive force against protesters", "Protests", "Police Forces of Sudan", "Military Forces of Sudan (2019-)"),
    ("Armed clash", "Battles", "Police Forces of Sudan", "Military Forces of Sudan"),
])
def test_one_countrys_army_and_police_as_readers_of_one_shooting_do_not_conflict(sub2, etype2, a1, a2):
    # "security forces" are read as the army by one sentence and the police by another: on the same
    # day in the same town, two readings of one shooting
    shot = _m("Attack", 0, "Security forces shot dead two men in Kadugli on Saturday.", date(2019, 3, 9),
              etype="Violence against civilians", actor=Actor(a1, "state forces", "SD"))
    other = _m(sub2, 100, "Witnesses said officers fired live rounds in Kadugli on Saturday.", date(2019, 3, 9),
               etype=etype2, actor=Actor(a2, "state forces", "SD"))
    assert len(merge_mentions([shot, other])) == 1
    # another country's forces, or another day, stay apart
    foreign = replace(other, actor1=Actor("Police Forces of Chad", "state forces", "TD"))
    assert len(merge_mentions([shot, foreign])) == 2
    later = replace(other, date=DateRange(date(2019, 3, 10), date(2019, 3, 10), "day"))
    assert len(merge_mentions([shot, later])) == 2


@pytest.mark.parametrize("text", [
    "Rioters torched shops and stoned police in Nairobi on Tuesday after a disputed vote. Police said officers "
    "had acted lawfully and that 37 people had been arrested for rioting.",
    "Protesters burned tyres and clashed with police in Lusaka on Friday. Police said 20 rioters were arrested "
    "and eight officers were hurt.",
    "Angry youths threw stones at police and set cars alight in Kisumu on Sunday. Officers detained 14 of them, "
    "a police spokesman said.",
])
def test_arrests_made_at_a_riot_told_before_are_part_of_it(annotate, text):
    doc = annotate(text, published="2024-05-10")
    evs = merge_mentions(doc._.mentions)
    assert not any(e.sub_event_type == "Arrests" for e in evs), [(e.sub_event_type, len(e.sources)) for e in evs]
    assert any(e.event_type == "Riots" for e in evs)


@pytest.mark.parametrize("text", [
    "Militants attacked an army post near Djibo on Sunday, killing four soldiers and seizing weapons and "
    "ammunition, the army said.",
    "Three Malian soldiers were killed on Sunday when jihadists ambushed a patrol near Douentza, the army said. "
    "The group said in a statement that its fighters had killed 15 soldiers and seized their weapons.",
    "Gunmen ambushed a police convoy outside Mandera on Friday and stole two rifles after shooting dead an officer.",
])
def test_property_taken_in_the_clause_of_a_fight_is_part_of_it(annotate, text):
    # the taxonomy's Looting is property seized "without a clash": taken by the fighters in the clause
    # of their act, it is that act
    doc = annotate(text, published="2024-05-10")
    evs = merge_mentions(doc._.mentions)
    assert [e.sub_event_type for e in evs if e.sub_event_type == "Looting/property destruction"] == [], \
        [(m.sub_event_type, m.trigger, m.refers_back) for m in doc._.mentions]
    assert len(evs) == 1


def test_houses_burned_by_fighters_are_no_taking_in_the_fight(annotate):
    # burning after a battle is ACLED's own event; only property taken folds into the fight
    doc = annotate("Rebels attacked an army base near Beni on Sunday, killing four soldiers, and burned "
                   "dozens of homes in the village.", published="2024-05-10")
    burned = [m for m in doc._.mentions if m.sub_event_type == "Looting/property destruction"]
    assert all(not m.refers_back.startswith("taken in fight") for m in burned)



@pytest.mark.parametrize("text,etype", [
    ("Demonstrators smashed windows and burned cars in central Santiago on Saturday. Police said 12 officers "
     "were wounded and 60 people were detained.", "Riots"),
    ("Angry youths torched a tax office and stoned police vans in Mombasa on Tuesday. Seven policemen were "
     "hurt in the unrest and 30 people were arrested, a police commander said.", "Riots"),
    ("Rioters looted shops and set tyres ablaze in Blantyre on Friday, according to police. Nine officers were "
     "injured and 41 people were taken into custody.", "Riots"),
    ("Jihadists attacked an army post near Menaka on Sunday, killing three soldiers. Five soldiers were "
     "wounded and flown to the military hospital in Bamako, the statement said.", "Battles"),
])
def test_the_wounded_of_a_told_happening_are_told_as_part_of_it(text, etype):
    """A passive harm clause with no doer, day or place of its own after a told happening counts its
    victims: no second event (an Armed clash with no actor, or a Protest with intervention)."""
    evs = extract(text, published="2024-03-11")
    assert [e.event_type for e in evs] == [etype]


def test_wounded_told_with_a_doer_or_day_of_their_own_stay_a_happening():
    text = ("Rioters burned cars in Blantyre on Friday. On Sunday, soldiers shot and wounded four villagers "
            "near Zomba.")
    evs = extract(text, published="2024-03-11")
    assert len(evs) == 2


@pytest.mark.parametrize("text", [
    # the town of the hospital the wounded were taken to, the dateline elsewhere
    "DAKAR (Reuters) - Gunmen attacked a gendarmerie post near Kedougou on Saturday, killing two gendarmes. "
    "Four gendarmes were wounded and taken to the regional hospital in Tambacounda, the army said.",
    # other verbs, another order: the care first, the wound in a participle
    "NAIROBI (AFP) - Al Shabaab fighters ambushed a police patrol outside Mandera on Monday, killing three "
    "officers. Two injured policemen were airlifted to Garissa for treatment, a police official said.",
    # the statement's town, the dateline's own
    "MONROVIA - Hundreds of angry youths rioted in Gbarnga on Friday, stoning police and burning a "
    "checkpoint after a motorcyclist was run over. Three officers were hurt and 25 people were arrested, the "
    "police said in a statement in Monrovia.",
])
def test_a_sentence_whose_only_own_place_is_a_hospital_or_the_statements_is_placed_by_the_dateline(text):
    """Its place is still the dateline's (the place step passed over the hospital's town; a statement's
    town is where it was said): the wounded fold into the happening told, not a second event."""
    evs = extract(text, published="2024-03-11")
    assert len(evs) == 1, [(e.sub_event_type, e.location.name if e.location else None) for e in evs]


def test_a_happening_of_its_own_in_another_town_than_the_datelines_stays_apart():
    text = ("DAKAR (Reuters) - Gunmen attacked a gendarmerie post near Kedougou on Saturday, killing two "
            "gendarmes. On Sunday, soldiers clashed with rebels near Ziguinchor, killing five of them.")
    evs = extract(text, published="2024-03-11")
    assert len(evs) == 2


@pytest.mark.parametrize("text", [
    "KHARTOUM (Reuters) - Gunmen attacked a police station near Kadugli on Friday, killing two officers, police "
    "said. Corporal Ahmed Musa died of his wounds at the military hospital in El Obeid on Sunday, police said.",
    "LAGOS (Reuters) - Boko Haram fighters stormed the village of Kauri in Borno state on Saturday, killing five "
    "residents, police said. Fatima Ali, 40, died of gunshot wounds in a Maiduguri hospital on Monday, a "
    "relative said.",
    "KHARTOUM (Reuters) - Gunmen attacked a police station near Kadugli on Friday, killing two officers. "
    "Sergeant Ali Yusuf, 28, succumbed to his injuries on Sunday at a hospital in El Obeid.",
])
def test_a_named_person_dying_of_wounds_is_a_victim_of_the_told_happening(text):
    evs = extract(text, published="2026-04-14")
    assert len(evs) == 1, [(e.sub_event_type, e.location.name if e.location else None) for e in evs]


def test_a_named_person_killed_by_a_doer_of_their_own_is_no_later_death(annotate):
    doc = annotate("Gunmen attacked a police station near Kadugli on Friday, killing two officers. Ahmed Musa "
                   "died in hospital on Sunday when soldiers opened fire on a crowd in El Obeid.",
                   published="2026-04-14")
    assert not any(m.refers_back.startswith("died") for m in doc._.mentions)


@pytest.mark.parametrize("text", [
    "Gunmen attacked an army outpost near Diffa on Sunday, killing three soldiers, the defence ministry said. "
    "\"We fought them off until reinforcements arrived from Maine-Soroa,\" an officer said.",
    "Jihadists ambushed a military convoy near Kidal on Monday, killing six soldiers. The army said it had sent "
    "more troops to the area and that the attackers had fled north.",
    "Bandits stormed the village of Gidan Kare in Zamfara state on Friday, killing 12 people. Police said they "
    "had deployed extra officers to the village, where residents were burying the dead.",
])
def test_forces_sent_to_a_told_fight_are_its_course_not_a_change_of_group(text):
    evs = extract(text, published="2026-04-14")
    assert [e.sub_event_type for e in evs if e.sub_event_type == "Change to group/activity"] == []
    assert len(evs) == 1


def test_forces_moved_with_no_violence_told_before_stay_a_change_of_group(annotate):
    doc = annotate("The army deployed two battalions to the northern border on Monday, the defence ministry "
                   "said. Reinforcements arrived in the border town of Kidal, it said.", published="2026-04-14")
    assert not any(m.refers_back.startswith("course") for m in doc._.mentions)


@pytest.mark.parametrize("host_actor, toll_actor", [
    (Actor("Military Forces of Morocco", "state forces", country="MA"), Actor("Polisario Front", "rebel group")),
    (Actor("Military Forces of Israel", "state forces", country="IL"), Actor("Hezbollah", "political militia")),
    (Actor("Rapid Support Forces", "rebel group"), Actor("Military Forces of Sudan", "state forces", country="SD")),
])
def test_a_toll_with_no_doer_of_its_own_folds_whatever_actor_it_was_guessed(host_actor, toll_actor):
    """"Two fighters of X were killed" after "a strike by Y killed three": the toll clause names no doer;
    the actor its mention got (often the victims' side) says nothing against the happening it counts."""
    strike = _m("Air/drone strike", 0, "A drone strike killed three people near Kadugli on Sunday.",
                date(2019, 3, 10), etype="Explosions/Remote violence", actor=host_actor)
    toll = _m("Air/drone strike", 90, "Two fighters and a shepherd were killed, it said.", date(2019, 3, 10),
              etype="Explosions/Remote violence", actor=toll_actor, refers_back="effect: killed")
    evs = merge_mentions([strike, toll])
    assert len(evs) == 1 and evs[0].actor1 == host_actor


@pytest.mark.parametrize("text", [
    "KHARTOUM (Reuters) - Gunmen killed three farmers near Kadugli on Sunday. Abdelaziz al-Hilu, who fought "
    "government forces in 1998-99 and 2016-17, denied his fighters were involved.",
    "JUBA (Reuters) - Gunmen ambushed a bus near Yei on Tuesday, killing four passengers. Riek Machar's SPLM-IO, "
    "whose forces battled the army from 2013 to 2018, denied responsibility.",
    "ADDIS ABABA (Reuters) - Militiamen attacked a village near Gimbi on Friday, killing nine people. The OLA, a "
    "group that fought the government in the 1990s, said it was not involved.",
])
def test_a_relative_clause_with_old_years_describes_a_party_and_tells_no_happening(text):
    evs = extract(text, published="2026-04-14")
    assert len(evs) == 1 and evs[0].date.start.year == 2026, [(e.sub_event_type, e.date.start) for e in evs]


def test_a_relative_clause_with_a_recent_day_still_tells_a_happening(annotate):
    doc = annotate("Police said on Monday they had arrested a man who attacked a bank guard in Kadugli on "
                   "Saturday.", published="2026-04-14")
    assert any(m.event_type in ("Battles", "Violence against civilians") for m in doc._.mentions)


@pytest.mark.parametrize("text", [
    "RABAT (Reuters) - Moroccan troops clashed with smugglers near Figuig on Sunday, killing four of them, the "
    "army said. Troops seized 9 rifles and 500 kg of cannabis, the army said.",
    "BAMAKO (Reuters) - Malian soldiers fought jihadists near Mopti on Friday, killing eight, the army said. "
    "The army seized motorbikes, weapons and ammunition after the fighting.",
    "ALGIERS (Reuters) - Algerian soldiers killed three gunmen in a firefight near Tebessa on Saturday. Soldiers "
    "confiscated two rifles and a grenade at the scene, the defence ministry said.",
])
def test_weapons_seized_after_a_fight_are_part_of_it_not_disrupted_weapons_use(text):
    evs = extract(text, published="2026-04-14")
    assert [e.sub_event_type for e in evs] == ["Armed clash"], [e.sub_event_type for e in evs]


@pytest.mark.parametrize("text", [
    "BAMAKO (Reuters) - Jihadists attacked an army post near Mopti on Friday, killing six soldiers. Villagers "
    "discovered the bodies of two more soldiers in a nearby forest on Saturday.",
    "ABUJA (Reuters) - Bandits attacked the village of Gidan Kare in Zamfara state on Friday, killing 12 people. "
    "Rescuers recovered three more bodies from the bush on Sunday, police said.",
    "RABAT (Reuters) - Moroccan troops clashed with smugglers near Figuig on Sunday, killing four of them. A "
    "patrol found the body of a fifth smuggler on Monday, the army said.",
])
def test_a_body_added_to_a_told_count_is_that_happenings_victim(text):
    evs = extract(text, published="2026-04-14")
    assert [e.sub_event_type for e in evs if e.sub_event_type == "Other"] == [] and len(evs) == 1, \
        [(e.sub_event_type, e.date.start) for e in evs]


def test_a_body_found_with_no_told_count_to_add_to_stays_a_discovery(annotate):
    doc = annotate("Police found the body of a young woman in a forest near Mopti on Saturday.", published="2026-04-14")
    assert any(m.sub_event_type == "Other" and not m.refers_back for m in doc._.mentions)


def test_a_seizure_folds_into_a_told_fight_but_not_into_a_told_protest():
    clash = _m("Armed clash", 0, "Troops clashed with smugglers near Kadugli on Sunday.", date(2019, 3, 10))
    seized = _m("Disrupted weapons use", 90, "Soldiers seized rifles and ammunition.", date(2019, 3, 10),
                etype="Strategic developments", refers_back="seized: seized")
    assert len(merge_mentions([clash, seized])) == 1
    march = _m("Peaceful protest", 0, "Farmers marched in Kadugli on Sunday.", date(2019, 3, 10), etype="Protests")
    assert len(merge_mentions([march, seized])) == 2


# A follow-up (a victim of an earlier happening died later) retells that happening with no day of its
# own: its clause is dated only by the story's later day or a bare clock time, not the happening's day.
@pytest.mark.parametrize("text", [
    "GAO - A fifth policeman has died of wounds sustained in Saturday's attack on the Ansongo checkpoint, a "
    "security source said on Monday. Four of his colleagues were killed instantly when about twenty gunmen on "
    "pick-ups raided the checkpoint at around 3 a.m.",
    "MAIDUGURI - A second vigilante died on Tuesday in hospital from injuries suffered in Sunday's raid on "
    "Konduga, officials said. Militants had shot dead his brother and a neighbour at their compound when they "
    "stormed the village shortly after midnight.",
    "KIDAL - The death toll from Friday's ambush near Aguelhok rose to three on Sunday after a wounded soldier "
    "died. Two soldiers were killed when armed men opened fire on their convoy, which was bringing fuel to a "
    "camp near the border.",
])
def test_a_follow_up_retelling_with_no_day_of_its_own_is_the_told_happening(text):
    evs = extract(text, published="2026-05-12")
    violent = [e for e in evs if e.event_type in ("Battles", "Violence against civilians", "Explosions/Remote violence")]
    assert len(violent) == 1, [(e.sub_event_type, e.date.start, e.sources[0].sentence[:50]) for e in evs]


@pytest.mark.parametrize("text", [
    # a new happening on the story's day, told with a day of its own, stays apart
    "GAO - A fifth policeman has died of wounds sustained in Saturday's attack on the Ansongo checkpoint, a "
    "security source said on Monday. On Monday gunmen also killed two herders near Menaka.",
    # another place the clause names, far from the happening's
    "KIDAL - The death toll from Friday's ambush near Aguelhok rose to three on Sunday after a wounded soldier "
    "died. Elsewhere, two soldiers were killed when armed men opened fire on a patrol near Koutiala.",
])
def test_a_follow_up_keeps_a_new_happening_of_its_own_apart(text):
    evs = extract(text, published="2026-05-12")
    violent = [e for e in evs if e.event_type in ("Battles", "Violence against civilians", "Explosions/Remote violence")]
    assert len(violent) == 2, [(e.sub_event_type, e.date.start, e.sources[0].sentence[:50]) for e in evs]


@pytest.mark.parametrize("text", [
    "AMMAN - The number of smugglers killed in Saturday night's clash near Mafraq rose to four after a fourth "
    "body was recovered, the army said on Tuesday. An army source said the body was found by soldiers on Monday "
    "morning about 2km from the border.",
    "BAMAKO (Reuters) - Gunmen killed three traders near Mopti on Friday, the governor said. Herders discovered "
    "the bodies on Saturday in a dry riverbed, he said.",
    "ABUJA (Reuters) - Bandits shot dead a farmer in Gusau on Thursday, police said. The corpse was recovered "
    "from a farm by relatives on Friday afternoon.",
])
def test_a_definite_body_found_on_a_day_of_its_own_is_the_told_happenings_victim(text):
    evs = extract(text, published="2026-05-12")
    assert [e.sub_event_type for e in evs if e.sub_event_type == "Other"] == [], \
        [(e.sub_event_type, e.date.start) for e in evs]


@pytest.mark.parametrize("text", [
    # the told doers, named by a relative clause, also take and burn: one attack (ACLED codes the looting in it)
    "GUSAU (Reuters) - Bandits stormed a farming village in Zamfara state on Saturday, killing nine farmers, "
    "residents said. The bandits, who rode in on motorcycles, also drove off 200 cows and set fire to granaries.",
    # another doer noun, burning first and taking after
    "JOS (AP) - Armed men attacked a settlement in Plateau state on Monday night, killing 14 people, police "
    "said. The attackers burned dozens of houses and carted away food before fleeing.",
    # passive, coordinated verbs sharing the agent
    "BUNIA (AFP) - Militiamen raided a camp for displaced people in Ituri province on Thursday, killing 22 "
    "civilians, local officials said. Several homes were looted and burned by the assailants.",
])
def test_looting_and_burning_by_the_told_attackers_is_part_of_their_attack(text):
    evs = extract(text, published="2025-03-10")
    assert [e.sub_event_type for e in evs] == ["Attack"], [(e.sub_event_type, e.sources[0].sentence[:50]) for e in evs]
    assert len(evs[0].sources) == 2


def test_looting_by_other_doers_or_on_a_day_of_its_own_stays_apart():
    # not the told doers ("soldiers"), a day of its own: a looting of its own
    evs = extract("GUSAU (Reuters) - Bandits stormed a farming village in Zamfara state on Saturday, killing nine "
                  "farmers, residents said. On Tuesday, looters ransacked a warehouse in Gusau.", published="2025-03-12")
    assert len(evs) == 2 and len(evs[0].sources) == 1, [(e.sub_event_type, e.sources[0].sentence[:50]) for e in evs]


@pytest.mark.parametrize("text", [
    "NIAMEY (Reuters) - Jihadists have seized more than 40 villages in the Tillaberi region this year, according "
    "to local officials.",
    "KINSHASA (AFP) - The army has regained control of several districts in the north this month, the defence "
    "ministry said.",
    "PORT-AU-PRINCE (AP) - So far this year, gangs have taken over large parts of the Artibonite region, a UN "
    "report said.",
])
def test_a_perfect_tally_over_the_year_or_month_so_far_is_no_event(text):
    assert extract(text, published="2025-03-10") == []


def test_a_fresh_happening_in_the_perfect_or_dated_this_year_by_its_day_stays():
    evs = extract("KADUNA (Reuters) - Gunmen have kidnapped 31 people from a village in Kaduna state, police said "
                  "on Sunday.", published="2025-03-10")
    assert [e.sub_event_type for e in evs] == ["Abduction/forced disappearance"]
    # a simple past over the month is a happening told (its date the month's): no tally of the perfect
    evs = extract("NIAMEY (Reuters) - Jihadists seized the village of Bankilare this month, local officials said.",
                  published="2025-03-10")
    assert [e.sub_event_type for e in evs] == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize("text", [
    "LUSAKA (Reuters) - Floods swept away dozens of homes in Zambia's Southern Province on Thursday, officials "
    "said. Rescuers recovered the bodies of four children on Saturday.",
    "KATHMANDU (AFP) - An earthquake flattened villages in western Nepal on Monday. Soldiers dug the remains of "
    "seven people out of the rubble on Tuesday, officials said.",
    "DHAKA (AP) - A cyclone tore through coastal districts on Friday. The bodies of 12 fishermen were found on "
    "a beach in Bhola two days later, officials said.",
])
def test_bodies_found_after_a_natural_disaster_are_its_dead_no_event(text):
    assert extract(text, published="2025-03-12") == []


def test_bodies_found_where_armed_men_are_told_stay_an_event():
    evs = extract("GAO (Reuters) - Heavy rains flooded several villages near Gao on Monday, officials said. "
                  "Separately, soldiers found the bodies of five herders killed by jihadists near Menaka on Tuesday.",
                  published="2025-03-12")
    assert evs, "a killing by jihadists is no flood's"
    evs = extract("MEXICO CITY (Reuters) - Police found the bodies of six men dumped beside a highway near Celaya on "
                  "Tuesday, prosecutors said.", published="2025-03-12")
    assert len(evs) == 1


# A definite happening noun that is the subject of a verb of no act ("the raid began at dawn", "the attack
# took place around 11 p.m.", "the clash was sparked by a land row") tells when or why the told happening
# ran: the clause's time of day, or a date that belongs to another clause, is no day of its own.
@pytest.mark.parametrize("text", [
    "MAIDUGURI (Reuters) - Insurgents attacked an army base near Monguno on Friday, killing six soldiers, "
    "the military said. The assault began at dawn and lasted until the afternoon, a resident said.",
    "KUMASI (AP) - Gunmen opened fire on a minibus near Techiman on Saturday, killing four passengers. "
    "The attack took place shortly after 11 p.m. on the main highway, police said in a statement on Sunday.",
    "GOMA (AFP) - Militiamen and soldiers fought for hours near Rutshuru on Thursday, leaving nine dead, "
    "local officials said. The clash was sparked by a land dispute between two villages that flared up "
    "after the harvest festival, officials believe.",
    "SAN PEDRO SULA (AP) - A gunman shot dead three men outside a bar in Choloma on Saturday night, police "
    "said. Detectives think the shooting followed a quarrel among customers who had met after New Year's Eve "
    "celebrations.",
])
def test_a_told_happening_as_subject_of_a_verb_of_no_act_is_no_second_event(text):
    evs = extract(text, published="2025-03-10")
    assert len(evs) == 1, [(e.sub_event_type, e.date, [s.sentence[:50] for s in e.sources]) for e in evs]
    assert len(evs[0].sources) == 2


def test_a_further_happening_or_one_of_another_kind_stays_apart():
    # "another" attack is a further one, whatever verb tells it
    evs = extract("KUMASI (AP) - Gunmen opened fire on a minibus near Techiman on Saturday, killing four passengers, "
                  "police said. Another attack took place near Wenchi on Sunday, killing two farmers.",
                  published="2025-03-10")
    assert len(evs) == 2, [(e.sub_event_type, e.date) for e in evs]
    # a march told after a bombing is no reference to it
    evs = extract("BAMAKO (Reuters) - A bomb exploded at a market in Gao on Friday, killing three people, police said. "
                  "In Bamako, the march of the teachers' union began at noon, organisers said.", published="2025-03-10")
    assert len(evs) == 2, [(e.sub_event_type, e.date) for e in evs]


# A count of happenings over a stretch of a month or more ("recorded more than 450 murders in 2024", "the
# 2023 total of 48 kidnappings") is a tally: ACLED codes each happening on its day, none is told here.
@pytest.mark.parametrize("tail", [
    "The country recorded more than 450 murders in 2024, most of them with handguns, police figures show.",
    "Last year the province registered 310 killings, according to the interior ministry.",
    "The 2024 total of 48 kidnappings was the highest in a decade, the ministry said.",
    "Police counted some 120 armed robberies in the capital in January alone.",
])
def test_a_tally_of_happenings_over_a_year_or_month_is_no_event(tail):
    evs = extract("KINGSTON (AP) - Gunmen shot dead two men outside a shop in Spanish Town on Saturday, police said. "
                  + tail, published="2025-03-10")
    assert len(evs) == 1, [(e.sub_event_type, e.date, e.sources[0].sentence[:50]) for e in evs]
    assert evs[0].date.precision == "day"


def test_happenings_told_on_their_day_or_uncounted_stay():
    # a count of happenings told on their own day is those happenings
    evs = extract("KABUL (Reuters) - Two bomb attacks killed 12 people in Kabul on Tuesday, police said.",
                  published="2025-03-12")
    assert len(evs) >= 1
    evs = extract("NIAMEY (Reuters) - Jihadists seized the village of Bankilare this month, local officials said.",
                  published="2025-03-10")
    assert [e.sub_event_type for e in evs] == ["Non-state actor overtakes territory"]


# A happening that a recap measures by its stretch ("followed a week of immigration raids", "came after
# months of fighting") is recalled as the time before the told one, like "followed the raids": no event.
@pytest.mark.parametrize("text", [
    "KHARTOUM (Reuters) - Thousands of people rallied peacefully in Khartoum on Friday to call for a ceasefire. "
    "The rally came after months of fighting between the army and the RSF in Darfur.",
    "NAIROBI (Reuters) - Students staged a peaceful sit-in outside parliament in Nairobi on Tuesday, after weeks "
    "of clashes between police and protesters in several towns.",
])
def test_a_happening_measured_by_its_stretch_in_a_recap_is_no_event(text):
    evs = extract(text, published="2025-03-12")
    assert [e.sub_event_type for e in evs] == ["Peaceful protest"], [(e.sub_event_type, e.sources[0].sentence[:50]) for e in evs]


KORDOFAN = Place(name="South Kordofan", country="SD", lat=11.2, lon=29.9, precision="region", admin1="South Kordofan")
DILLING = Place(name="Dilling", country="SD", lat=12.05, lon=29.65, precision="town", admin1="South Kordofan")
RABAK = Place(name="Rabak", country="SD", lat=13.18, lon=32.74, precision="town", admin1="White Nile")


@pytest.mark.parametrize("town", [DILLING])
def test_a_reference_naming_a_town_inside_the_happenings_region_gives_the_event_that_town(town):
    lead = _m("Remote explosive/landmine/IED", 0, "A roadside bomb killed two soldiers in South Kordofan on Monday.",
              date(2019, 3, 11), etype="Explosions/Remote violence", place=KORDOFAN)
    back = _m("Remote explosive/landmine/IED", 90, "The bomb, hidden beside a road near Dilling, was set off by phone.",
              date(2019, 3, 11), etype="Explosions/Remote violence", place=town,
              refers_back="definite generic: The bomb")
    events = merge_mentions([lead, back])
    assert len(events) == 1 and events[0].location.name == "Dilling"


def test_a_reference_keeps_the_happenings_town_or_its_region_against_another_region():
    lead = _m("Armed clash", 0, "Rebels attacked Kadugli on Saturday.", date(2019, 3, 9))
    back = _m("Armed clash", 90, "The assault on Dilling lasted two hours.", date(2019, 3, 9), place=DILLING,
              refers_back="definite generic: The assault")
    assert merge_mentions([lead, back])[0].location.name == "Kadugli"  # a town is not made another town
    lead = _m("Armed clash", 0, "Rebels attacked army posts in South Kordofan on Saturday.", date(2019, 3, 9),
              place=KORDOFAN)
    back = _m("Armed clash", 90, "The assault began near Rabak at dawn.", date(2019, 3, 9), place=RABAK,
              refers_back="definite generic: The assault")
    host = next(e for e in merge_mentions([lead, back]) if e.sources[0].span[0] == 0)
    assert host.location.name == "South Kordofan"  # a town of another region is no part of it
    # a country-wide host is not placed by a town its reference names (where the dead were taken)
    sudan = Place(name="Sudan", country="SD", lat=15.0, lon=30.0, precision="country")
    lead = _m("Air/drone strike", 0, "An air strike hit a bus in Sudan on Saturday.", date(2019, 3, 9),
              etype="Explosions/Remote violence", place=sudan)
    back = _m("Air/drone strike", 90, "A hospital in Dilling received 30 bodies from the attack.", date(2019, 3, 9),
              etype="Explosions/Remote violence", place=DILLING, refers_back="definite generic: the attack")
    assert merge_mentions([lead, back])[0].location.name == "Sudan"


# A place in a series counted over a stretch ("the third councillor killed in the district this year", "the
# second such attack on the town this month") ranks the told happening among others: a tally, no event.
@pytest.mark.parametrize("tail", [
    "Dlamini is the third councillor killed in the district this year, the party said.",
    "It was the second such attack on the town this month, residents said.",
    "The priest was the fifth clergyman abducted in the state since January, the diocese said.",
])
def test_a_rank_in_a_series_over_a_stretch_is_no_event(tail):
    evs = extract("DURBAN (Reuters) - Gunmen shot dead local councillor Sipho Dlamini and abducted a priest outside "
                  "his home in Nquthu on Friday, police said. " + tail, published="2025-03-10")
    assert all(e.date.precision == "day" for e in evs), [(e.sub_event_type, e.date, e.sources[0].sentence[:50]) for e in evs]


def test_a_ranked_happening_told_with_its_day_stays():
    evs = extract("DURBAN (Reuters) - Gunmen shot dead a second councillor in the Nquthu district on Sunday, police "
                  "said.", published="2025-03-10")
    assert len(evs) == 1 and evs[0].date.precision == "day"


def test_a_told_happening_given_a_day_of_its_own_through_a_light_verb_stays_apart():
    # "took place on 12 June 2019": the phrase hangs from "place", still the clause's own day
    evs = extract("SAN SALVADOR (Reuters) - Gunmen shot dead a judge in San Salvador on Sunday, police said. "
                  "The court heard that the assassination of the archbishop took place on 12 June 2019 in Santa Ana.",
                  published="2025-03-12")
    assert len(evs) == 2, [(e.sub_event_type, e.date, e.sources[0].sentence[:50]) for e in evs]


def test_a_reference_with_a_day_gives_it_to_a_happening_the_story_only_dated():
    lead = _m("Abduction/forced disappearance", 0, "A businessman was kidnapped by the group.", date(2019, 3, 11),
              etype="Violence against civilians")
    lead = replace(lead, date_how="story")
    back = replace(_m("Abduction/forced disappearance", 60, "The kidnapping was carried out on 7 March.",
                      date(2019, 3, 7), etype="Violence against civilians",
                      refers_back="definite generic: The kidnapping"), date_how="own")
    ev = merge_mentions([lead, back])
    assert len(ev) == 1 and ev[0].date.start == date(2019, 3, 7)
    # a host with a day of its own keeps it
    own = replace(lead, date_how="own")
    assert merge_mentions([own, back])[0].date.start == date(2019, 3, 11)


def test_pipeline_a_shootout_told_in_a_province_and_retold_in_its_town_is_one_event():
    text = (
        "Tegucigalpa - Three suspected gang members were killed in a shootout with soldiers in a rural area of "
        "Olancho on Tuesday.\n\n"
        "The army said a patrol came under fire on Tuesday from armed men in the village of Catacamas and "
        "responded, killing two.\n"
    )
    evs = extract(text, published="2026-03-11")
    assert len(evs) == 1
    assert evs[0].fatalities == 3 and evs[0].location.name == "Catacamas"


@pytest.mark.parametrize("text", [
    "Several hundred students rallied in Kisumu on Monday and dispersed without incident.",
    "After two hours of speeches outside the ministry in Mombasa on Monday, the crowd of striking teachers dispersed peacefully.",
    "Meanwhile, about 2,000 opposition supporters marched through the centre of Eldoret on Monday before dispersing quietly.",
])
def test_a_crowd_dispersing_of_itself_is_a_peaceful_protest_not_an_intervention(text):
    evs = [e for e in extract(text, published="2026-03-10") if e.event_type == "Protests"]
    assert evs and all(e.sub_event_type == "Peaceful protest" for e in evs)


@pytest.mark.parametrize("text", [
    "Police dispersed hundreds of protesting traders in Nakuru on Monday.",
    "Striking nurses who marched in Nyeri on Monday were dispersed by police.",
    "Riot police moved in and dispersed the demonstrators outside parliament in Nairobi on Monday.",
])
def test_forces_dispersing_a_crowd_remain_an_intervention(text):
    evs = [e for e in extract(text, published="2026-03-10") if e.event_type == "Protests"]
    assert evs and all(e.sub_event_type == "Protest with intervention" for e in evs)


def test_pipeline_vehicles_a_crowd_burns_while_stoning_police_are_part_of_the_riot():
    text = ("Hundreds of youths gathered outside the police station in Gulu on Monday, hurling stones at officers "
            "and setting fire to two police vehicles.\n")
    evs = extract(text, published="2026-03-10")
    assert [e.event_type for e in evs] == ["Riots"]


@pytest.mark.parametrize("text", [
    ("MAIDUGURI, Nigeria (AFP) - Gunmen stormed a cattle market in the town of Mubi on Monday, killing four "
     "traders, police said.\n\nTwo wounded traders died in hospital on Tuesday, a police spokesman said.\n"),
    ("BEIRUT (Reuters) - An air strike hit a school in the town of Saraqeb on Friday, killing three children, "
     "rescuers said.\n\nThe number of children killed in the strike has risen to five after two injured pupils died in "
     "hospital, the rescuers said on Saturday.\n"),
    ("GOMA, Congo (Reuters) - Militiamen attacked an army post in the town of Rutshuru on Wednesday, killing six "
     "soldiers, the army said.\n\nTwo injured soldiers died of their injuries on Thursday, an army spokesman said.\n"),
])
def test_victims_told_as_already_hurt_dying_later_tell_no_new_happening(text):
    # "two injured residents died": the participle presupposes the hurt, told before; their deaths are
    # the told happening's toll, not a happening (a riot, a killing) of their own
    events = extract(text, published="2026-05-14")
    assert len(events) == 1, [(e.sub_event_type, [s.sentence for s in e.sources]) for e in events]
    assert len(events[0].sources) == 2


def test_a_hurt_victim_with_a_cause_of_death_of_its_own_is_no_later_death(annotate):
    from eventwire.nlp.mention_coref import _later_death
    doc = annotate("Two injured soldiers died when gunmen opened fire on their ambulance near Gao.")
    died = next(t for t in doc if t.lemma_ == "die")
    assert _later_death(died) == ""
    doc = annotate("Two injured soldiers died in hospital.")
    died = next(t for t in doc if t.lemma_ == "die")
    assert _later_death(died).startswith("died given")


@pytest.mark.parametrize("text", [
    "Paramilitary fighters shelled a market in Nyala on Sunday, killing six civilians, in the latest attack despite "
    "a truce agreed in January.\n",
    "Gunmen stormed a police post near Mopti on Saturday and killed three officers, despite the peace accord signed "
    "last year.\n",
    "Rebel forces attacked an army base outside Goma on Friday in spite of the ceasefire reached in February, "
    "killing two soldiers.\n",
])
def test_a_deal_the_happening_went_ahead_despite_is_no_agreement_reached(text):
    events = extract(text, published=PUB)
    assert events and all(e.sub_event_type != "Agreement" for e in events)
    assert len(events) == 1


@pytest.mark.parametrize("text", [
    "Government troops raided two villages near Menaka on Saturday and killed five herders.\n\n"
    "The rebel coalition says the raids breach the accord signed in Algiers.\n",
    "Israeli aircraft struck a house in the town of Bint Jbeil on Friday, killing two men.\n\n"
    "Officials in Beirut said such strikes violate the ceasefire agreement.\n",
    "Militiamen attacked a camp for displaced people near Bunia on Saturday, killing seven people.\n\n"
    "Aid groups in Kinshasa say these attacks undermine the peace deal.\n",
])
def test_happenings_only_judged_against_a_deal_are_no_new_event(text):
    events = extract(text, published=PUB)
    assert len(events) == 1, [(e.sub_event_type, e.location) for e in events]
    assert events[0].sub_event_type != "Agreement"
