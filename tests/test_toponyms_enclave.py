""""The enclave of X" / "the X enclave" / "the exclave of X" names a division (Cabinda,
Kaliningrad, Nakhichevan), not its namesake town: a town the next sentence names while taking up
the same happening, inside that division, is then the place (issue #11).  Hand-made sentences."""
from place_reading import places as _places


def test_enclave_of_then_the_patrol_near_a_town_in_it():
    ps = _places("MOSCOW - Unknown attackers set fire to a border post in the Baltic enclave of "
                 "Kaliningrad on Saturday, injuring two guards. The post was burned down near the town of "
                 "Sovetsk, the border service said.")
    assert ps
    assert all(name == "Sovetsk" for name, _, _ in ps), ps


def test_name_before_enclave_active_voice_next_sentence():
    ps = _places("LUANDA - Gunmen killed two police officers at a roadblock in the Cabinda enclave on "
                 "Friday. Witnesses said the roadblock stood on the coastal road just outside Cacongo.")
    assert ps
    assert all(name == "Cacongo" for name, _, _ in ps), ps


def test_exclave_with_the_division_and_a_town_in_it():
    ps = _places("BAKU - An Azerbaijani soldier was shot dead when troops fired on a guard post in the "
                 "mountainous exclave of Nakhichevan on Tuesday. The guard post lies near the town of "
                 "Ordubad, the defence ministry said.")
    assert ps
    assert all(name == "Ordubad" for name, _, _ in ps), ps


def test_enclave_alone_is_the_division_not_its_namesake_town():
    ps = _places("LUANDA - Separatist rebels ambushed a supply convoy in the oil-rich enclave of Cabinda "
                 "on Sunday, killing four soldiers, the army said.")
    assert ps
    assert all(precision == "region" or name != "Cabinda" for name, _, precision in ps), ps
