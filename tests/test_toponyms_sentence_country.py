"""A town the small model tags a person or organisation, written in a spelling GeoNames holds as an
alternate name, after a locative cue or as what a force seizes, in a sentence that itself names the
town's country ("in X in northern <country>"): the town of that country, though the dateline is a
bureau abroad. Hand-made sentences (other countries, groups and verbs than any evaluation text)."""
import pytest


def places(doc):
    return {s.text: s._.place for s in doc.spans["ew_toponyms"]}


@pytest.mark.parametrize("text, name, cc, geo", [
    ("DAKAR (Reuters) - Militants ambushed an army convoy in Douenza in central Mali on Saturday, officials said.",
     "Douenza", "ML", "Douentza"),
    ("ADDIS ABABA (AFP) - Al Shabaab fighters seized Garoveh in Somalia on Friday.", "Garoveh", "SO", "Garoowe"),
    ("NAIROBI (Reuters) - Islamist fighters captured Gallacai in central Somalia after heavy fighting on Saturday.",
     "Gallacai", "SO", "Gaalkacyo"),
])
def test_the_sentence_country_places_the_town(annotate, text, name, cc, geo):
    p = places(annotate(text)).get(name)
    assert p is not None and p.country == cc and p.name == geo


def test_never_a_town_of_another_country(annotate):
    # the sentence puts the name in Nigeria; the gazetteer's Douenza is in Mali: no reading
    doc = annotate("ABIDJAN (AFP) - Jihadists attacked a gendarmerie post in Douenza in northern Nigeria on Sunday.")
    p = places(doc).get("Douenza")
    assert p is None or p.country != "ML"
