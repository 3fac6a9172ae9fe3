"""Page furniture: lines of a page that are not the story (hand-written pages)."""
from eventwire.nlp.furniture import classify, furniture_spans

STORY = (
    "Rebels shell army base in the north\n\n"
    "By Jane Roe\n"
    "Posted: March 4, 2020 10:15 AM\n\n"
    "Rebels shelled an army base near the town of Kidal on Tuesday, wounding four soldiers, the army said.\n\n"
    "The shelling lasted about an hour before troops returned fire, a local official told reporters.\n\n"
)


def _flagged(text: str) -> dict[str, str]:
    return {text[s:e]: why for s, e, why in furniture_spans(text)}


def test_a_list_of_other_stories_after_a_marker_is_furniture_and_the_story_is_not():
    text = STORY + (
        "ALSO READ\n"
        "Rocket fired from the hills hits a market in a border town\n"
        "Gunmen abduct 12 farmers in central region, officials say\n"
        "Protesters clash with police over fuel prices\n"
    )
    flagged = _flagged(text)
    assert flagged["ALSO READ"] == "list of other stories"
    for line in ("Rocket fired from the hills hits a market in a border town",
                 "Gunmen abduct 12 farmers in central region, officials say",
                 "Protesters clash with police over fuel prices"):
        assert flagged[line] == "headline in a list of other stories"
    assert not any("shelled an army base" in k or "returned fire" in k for k in flagged)
    # the story's own headline stands before its first paragraph and is kept
    assert "Rebels shell army base in the north" not in flagged


def test_inline_markers_captions_boxes_and_bylines():
    text = STORY + (
        "Related: Militants attack a convoy on the main road\n"
        "Soldiers stand guard at a checkpoint in the north. (Photo: AFP)\n"
        "File photo of a burned truck on a highway\n"
        "Image caption Villagers flee fighting near the river\n"
        "Share this article\n"
        "Sign up for our newsletter and get the news in your inbox every morning.\n"
        "We use cookies to improve your experience on our website.\n"
    )
    flagged = _flagged(text)
    assert flagged["Related: Militants attack a convoy on the main road"] == "headline of another story"
    for line in ("Soldiers stand guard at a checkpoint in the north. (Photo: AFP)",
                 "File photo of a burned truck on a highway",
                 "Image caption Villagers flee fighting near the river"):
        assert flagged[line] == "photo caption or credit"
    for line in ("Share this article", "We use cookies to improve your experience on our website."):
        assert flagged[line].startswith("share, newsletter")
    assert flagged["By Jane Roe"] == "byline or time stamp"
    assert flagged["Posted: March 4, 2020 10:15 AM"] == "byline or time stamp"


def test_a_run_of_short_headline_lines_after_the_story_is_furniture_without_a_marker():
    text = STORY + (
        "Flood waters rise in the delta as rains continue\n\n"
        "Army chief visits troops on the front line\n\n"
        "Bomb blast kills three at bus station\n"
    )
    kinds = {ln.text: ln.reason for ln in classify(text) if ln.text}
    assert kinds["Bomb blast kills three at bus station"] == "run of short headline-like lines"
    assert kinds["Army chief visits troops on the front line"] == "run of short headline-like lines"
    # one subheading between paragraphs is not a run
    single = STORY + "A town under fire\n\nResidents said the shells fell on the market and a school.\n"
    assert "A town under fire" not in _flagged(single)


def test_hard_wrapped_paragraphs_are_not_headlines():
    text = (
        "Gunmen who were thought to be part of a\n"
        "criminal gang seized 20 travellers on a road in\n"
        "the west of the state on Sunday, police said.\n"
        "Officers found the burned bus near a river and\n"
        "began a search of the forest, a spokesman said.\n"
        "The attackers demanded a ransom for the\n"
        "release of the travellers, relatives told reporters.\n"
    )
    assert furniture_spans(text) == []


def test_no_event_is_read_from_furniture_lines():
    from eventwire import extract

    text = (
        "ADDIS ABABA, May 6 - Gunmen attacked a bus near the town of Gondar on Sunday, killing three passengers, "
        "police said.\n\n"
        "Police said the attackers fled into the forest.\n\n"
        "More from Africa\n"
        "Rocket strike hits fuel depot in port city\n"
        "Militants storm prison and free inmates\n"
        "Soldiers ambush rebel convoy near capital\n\n"
        "A soldier fires a rocket launcher during an exercise. (Photo: Reuters)\n"
    )
    events = extract(text, published="2019-05-07")
    sentences = [s.sentence for ev in events for s in ev.sources]
    assert any("attacked a bus" in s for s in sentences)
    assert not any(w in s for s in sentences for w in ("Rocket strike", "storm prison", "ambush rebel", "rocket launcher"))


PAGE = """<html><head><title>Militants attack army post</title></head><body><article>
<h1>Militants attack army post near the border</h1>
<p>Militants attacked an army post near the town of Kidal on Tuesday, killing three soldiers, the army said.</p>
<p class="credit">A file photo of soldiers firing rockets during an exercise in the desert.</p>
<p>The attackers fled on motorcycles after an hour of fighting, a local official said on Wednesday.</p>
<div class="also-read"><p>Rocket strike hits fuel depot in port city, killing two workers and wounding six.</p>
<p>Gunmen storm prison and free dozens of inmates in the north of the country.</p></div>
<p>Residents said the army sent reinforcements to the area and closed the main road to the town.</p>
</article></body></html>"""


def test_html_extraction_leaves_out_boxes_the_site_names_as_furniture():
    from eventwire.readers.html import extract_html

    text = extract_html(PAGE)["text"]
    assert "attacked an army post" in text and "closed the main road" in text
    assert "Rocket strike" not in text and "storm prison" not in text and "file photo" not in text


def test_a_colon_header_over_bulleted_headlines_is_a_list_whatever_its_words():
    lead = "Rebels shelled an army base near the town of Kidal on Tuesday, wounding four soldiers, the army said.\n\n"
    text = lead + (
        "Elsewhere on this site:\n"
        "- Bandits raid a cattle market in the west, killing six herders\n"
        "• Students march against tuition fees in the capital\n"
    )
    flagged = _flagged(text)
    assert flagged["Elsewhere on this site:"] == "header of a list of headlines"
    assert flagged["- Bandits raid a cattle market in the west, killing six herders"] == "headline in a list of other stories"
    assert "• Students march against tuition fees in the capital" in flagged
    assert not any("shelled an army base" in k for k in flagged)
    # a colon over the story's own sentences (they end with a stop) heads no list
    quoted = lead + "The statement said:\n- The attackers fled north.\n- Two soldiers are missing.\n"
    assert "The statement said:" not in _flagged(quoted)
