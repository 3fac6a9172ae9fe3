"""A wire dateline with the filing day ("Malabo, May 20 (EFE).- ", "Quito, March 3 (Xinhua) -- ",
"Ankara, Oct. 14 (AA) - ") dates the report, never the happening: a weekday at the end of a long
sentence dates its main clause. Spanish agencies close the bracket with a full stop before the dash.
Hand-made sentences."""
from datetime import date

import pytest

from eventwire.extract import extract
from eventwire.nlp.dateline import find_dateline


@pytest.mark.parametrize("text, published, day", [
    ("Malabo, May 20 (EFE).- Two people died and a dozen were injured after security forces fired live "
     "ammunition to disperse a protest by motorcycle taxi drivers against a ban on their trade in the mainland "
     "city of Bata on Monday, opposition sources told EFE.", date(2026, 5, 20), date(2026, 5, 18)),
    ("Quito, March 3 (Xinhua) -- At least three people were wounded when police fired rubber bullets at "
     "indigenous demonstrators who were blocking access roads to the southern city of Cuenca in protest at a "
     "mining concession on Sunday, local media reported.", date(2026, 3, 3), date(2026, 3, 1)),
    ("Caracas, Sept. 9 (EFE).- Three students were killed when National Guard troops opened fire on a march "
     "against rising bus fares in the western city of Barquisimeto on Saturday, rights groups said.",
     date(2026, 9, 9), date(2026, 9, 5)),
])
def test_the_filing_day_is_not_the_happenings_day(text, published, day):
    evs = extract(text, published=published)
    assert evs
    assert all(e.date.start == day for e in evs), [(e.event_type, e.date) for e in evs]


@pytest.mark.parametrize("text, place", [
    ("Malabo, May 20 (EFE).- Police broke up a march in Bata on Monday.", "Malabo"),
    ("Lima, 4 June (EFE).- Miners blocked a highway in Arequipa on Wednesday.", "Lima"),
    ("Managua, Jan. 7 (ACAN-EFE).- Students marched in Leon on Tuesday.", "Managua"),
])
def test_a_full_stop_after_the_agency_still_ends_a_dateline(text, place):
    span = find_dateline(text)
    assert span is not None and text[span[0]:span[1]] == place
