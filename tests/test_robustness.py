"""Real pages are long, noisy and sometimes not news at all: extraction must stay fast and sane."""
import random
import time

from eventwire import extract


def _noise(seed: int, n_words: int) -> str:
    rng = random.Random(seed)
    vocab = ("Home News World Sport Share Tweet Email Subscribe Menu Login 2019 12:45 | > » © "
             "Click here to read more Advertisement Privacy Cookies Contact Us About").split()
    lines = []
    for _ in range(n_words // 8):
        lines.append(" ".join(rng.choice(vocab) for _ in range(8)))
    return "\n".join(lines)


def test_long_noisy_page_finishes_quickly():
    story = ("Militants attacked an army post near the border on Monday, killing four soldiers, "
             "the military said. The attackers fled after a gun battle that lasted two hours.")
    text = _noise(1, 6000) + "\n\n" + story + "\n\n" + _noise(2, 6000)
    t = time.perf_counter()
    events = extract(text, published="2021-05-12")
    assert time.perf_counter() - t < 60
    assert any(e.event_type == "Battles" or e.fatalities == 4 for e in events)


def test_text_without_events_gives_none():
    text = ("The central bank kept interest rates unchanged on Tuesday. Shares rose 2 percent "
            "and the currency strengthened against the dollar, traders said.")
    assert extract(text, published="2020-02-04") == []


def test_odd_inputs_do_not_crash():
    for text in ("!!!", "12 34 56 78", "ATTACK ATTACK ATTACK", "Los militares atacaron la ciudad el lunes.", "a\n\n\n\nb"):
        assert isinstance(extract(text, published="2020-01-01"), list)
