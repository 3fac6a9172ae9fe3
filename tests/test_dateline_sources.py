"""Wire and broadcast datelines whose station or agency tag, after the filing date, has a hyphen or a
longer name, and a sentence-cased "city" in the place (issue #11). Made-up lines."""
import pytest

from eventwire.nlp.dateline import find_dateline


@pytest.mark.parametrize("text,place", [
    ("QUITO, 14 MAR 91 (ACAN-EFE) -- [TEXT] Police said a bomb went off outside a bank.", "QUITO"),
    ("LA PAZ, 2 FEB 91 (RADIO NACIONAL DE BOLIVIA NETWORK) -- [REPORT] Miners clashed with troops.", "LA PAZ"),
    ("Tegucigalpa, 7 Jun 90 (Voz de Honduras) -- [text] unknown men shot a union leader.", "Tegucigalpa"),
    ("Panama city, 3 Sep 90 (Acan-Efe) -- [text] a grenade was thrown at a police post.", "Panama city"),
])
def test_broadcast_datelines_are_found(text, place):
    span = find_dateline(text)
    assert span is not None and text[span[0]:span[1]] == place


@pytest.mark.parametrize("text", [
    # a source that hides where it broadcasts from, or names no town
    "CLANDESTINE, 4 APR 90 (RADIO LIBERTAD) -- [COMMUNIQUE] Our forces attacked a garrison.",
    "NO CITY (ECUADOR), 5 MAY 90 -- [SPEECH] [TEXT] The president spoke of the strike.",
    # a long bracketed phrase with no filing date before it is no source tag
    "Soldiers (some of them from the 4th Brigade and the Presidential Guard) -- witnesses said -- fired.",
])
def test_no_place_datelines(text):
    assert find_dateline(text) is None
