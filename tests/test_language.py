"""Language: articles not in English are left alone, visibly."""
from __future__ import annotations

from eventwire.article import Article
from eventwire.extract import extract_articles
from eventwire.language import detect_language, is_english

SPANISH = ("Hombres armados atacaron el lunes una comisaría en el norte del país y mataron a tres policías, "
           "según fuentes de seguridad. Los atacantes huyeron hacia la frontera después de incendiar dos vehículos.")
ENGLISH = ("Gunmen attacked a police station in the north of the country on Monday and killed three officers, "
           "security sources said. The attackers fled toward the border after setting two vehicles on fire.")


def test_detects_the_language_of_news_prose():
    assert detect_language(SPANISH)[0] == "es"
    assert is_english(SPANISH) == (False, "es")
    assert is_english(ENGLISH) == (True, None)
    # too short to tell: extracted as English rather than dropped
    assert detect_language("Ataque en Kidal")[0] is None and is_english("Ataque en Kidal")[0]


def test_an_article_in_another_language_comes_back_without_events_and_says_why():
    es = Article(text=SPANISH, path="es.txt")
    en = Article(text=ENGLISH, path="en.txt")
    out = {a.path: (a, evs) for a, evs in extract_articles([es, en])}
    a, evs = out["es.txt"]
    assert evs == [] and a.lang == "es" and "es" in a.meta["not_extracted"]
    a, evs = out["en.txt"]
    assert a.lang == "en" and "not_extracted" not in a.meta and evs
