"""One article's count of the hurt: its lead tells the total ("five men were wounded"), its later sentences
parts of it ("two of them were hit in the legs"), which do not outvote the lead however often they repeat;
figures of two different speakers still go to the general vote (hand-written text)."""
import pytest

from eventwire import extract

PUB = "2024-05-20"


def _one(text):
    evs = [e for e in extract(text, published=PUB) if e.event_type == "Violence against civilians"]
    assert len(evs) == 1
    return evs[0]


@pytest.mark.parametrize("text,hurt", [
    # passive lead, the parts as ages
    ("Five men were wounded in a shooting outside a bar in Dayton late on Saturday, police said. The men were "
     "standing on the sidewalk when a car pulled up. Two of them were hit in the legs. The 31-year-old and the "
     "27-year-old were shot in the arm.", 5),
    # a participle lead, a part told by a speaker
    ("A gunman opened fire on a birthday party in Macon on Friday night, injuring six people. Police said two "
     "of the victims were shot in the back. The two victims, both teenagers, were taken to a hospital.", 6),
    # "shot and wounded", the parts named one by one
    ("Four teenagers were shot and wounded near a basketball court in Tulsa on Sunday evening. A 16-year-old "
     "boy and a 17-year-old girl were shot in the hand. Two boys were shot in the leg.", 4),
])
def test_the_lead_count_stands_against_its_parts(text, hurt):
    assert _one(text).counts.get("wounded") == hurt


def test_one_figure_per_article_is_unchanged():
    ev = _one("Gunmen shot three villagers near Kaduna on Sunday, police said. The three were taken to a "
              "hospital in Zaria.")
    assert ev.counts.get("wounded") == 3
