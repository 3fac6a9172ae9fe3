"""A group that names itself ("a group calling itself X", "an outfit that styles itself X", "a militia
known as X") is X, even when the actor table does not know X, and its claim names the doer of the
act it claims. Hand-made sentences."""
from datetime import date

from eventwire.extract import extract


def _actor1(text):
    return [e.actor1.name if e.actor1 else None for e in extract(text, published=date(2026, 5, 3))]


def test_group_calling_itself_said_it_carried_out_the_attack():
    a = _actor1("Peshawar - Gunmen killed four policemen at a checkpoint near Peshawar on Sunday. A little-known "
                "group calling itself Jaish al-Ghazab said it carried out the attack.")
    assert a and a[0] == "Jaish al-Ghazab"


def test_outfit_that_calls_itself_claimed_responsibility():
    a = _actor1("Bamako - A roadside bomb hit a convoy near Gao on Sunday, killing three soldiers. An outfit that "
                "calls itself the Sahel Liberation Front claimed responsibility for the blast.")
    assert a and a[0] == "Sahel Liberation Front"


def test_militia_known_as_claimed_the_ambush():
    a = _actor1("Gunmen ambushed a bus near Maiduguri on Sunday, killing nine passengers. A militia known as "
                "the Desert Hawks later claimed responsibility for the ambush.")
    assert a and a[0] == "Desert Hawks"


def test_a_self_named_group_does_not_replace_the_forces_that_acted():
    a = _actor1("Bamako - Malian soldiers killed four fighters near Gao on Sunday. A group calling itself the "
                "Sahel Liberation Front said its camp had been attacked.")
    assert a and a[0] == "Military Forces of Mali"
