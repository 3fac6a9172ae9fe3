"""The effect word a number or counted noun depends on is another token than the one asked about: spaCy
makes a new Token object on every access, so tokens are told apart by position, not identity."""
import pytest

from eventwire.nlp.mention_words import _counted_key, _governor


@pytest.mark.parametrize("text", [
    "The bombing left 14 casualties, among them four dead, officials in Herat said.",
    "Three wounded were carried to a clinic in Bossangoa after the raid.",
    "Rescuers counted nine dead and eleven injured in the rubble of the mosque in Maiduguri.",
])
def test_the_governor_of_a_token_is_never_the_token_itself(nlp, text):
    doc = nlp(text)
    asked = [t for t in doc if _counted_key(t)]
    assert asked  # each sentence has a counted word of its own to ask about
    for t in doc:
        g = _governor(t)
        assert g is None or g.i != t.i, (t.text, g.text)
