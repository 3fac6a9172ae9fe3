"""A town the next sentence names while taking up the same happening ("an army patrol ... The
patrol came under fire outside the town of Y"), inside the lead's division, beats the division
(issue #11).  Hand-made sentences."""
from place_reading import places as _places


def test_next_sentence_takes_up_the_convoy_in_a_town_of_the_province():
    ps = _places("ISLAMABAD - Militants ambushed a paramilitary convoy in Balochistan province on Friday, "
                 "killing four soldiers. The convoy was attacked near the town of Turbat, officials said.")
    assert ps
    assert all(name == "Turbat" for name, _, _ in ps), ps


def test_north_kivu_written_in_english_is_the_division_and_its_town_wins():
    ps = _places("KINSHASA - Rebels ambushed an army patrol in the province of North Kivu on Friday, "
                 "killing three soldiers. The patrol came under fire on a road outside the town of Beni, "
                 "officials said.")
    assert ps
    assert all(name == "Beni" for name, _, _ in ps), ps


def test_active_voice_restatement_with_the_object_taken_up():
    ps = _places("BAGHDAD - Gunmen attacked a checkpoint in Diyala province on Sunday, killing two policemen. "
                 "Witnesses said the checkpoint stood on the main road near the town of Baqubah.")
    assert ps
    assert all(name == "Baqubah" for name, _, _ in ps), ps


def test_a_town_in_an_unrelated_next_sentence_leaves_the_province():
    ps = _places("ISLAMABAD - Militants ambushed a paramilitary convoy in Balochistan province on Friday, "
                 "killing four soldiers. Separately, two traders were robbed near the town of Turbat.")
    assert ps
    assert all(name != "Turbat" for name, _, _ in ps), ps
