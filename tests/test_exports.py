"""Exports (ACLED-style CSV, GeoJSON, Parquet), the Python API and `eventwire events`."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from typer.testing import CliRunner

import eventwire
from eventwire import exports
from eventwire.article import Article
from eventwire.cli import app
from eventwire.merge import merge_mentions
from eventwire.records import Actor, DateRange, EventMention, Place, Source

TOWN = Place("Port Amani", "TZ", -6.8, 39.3, admin1="Dar", precision="town")


def _article(n, text, when="2023-05-01", place=TOWN, sub="Armed clash", et="Battles", fatalities=3, prec="day"):
    a = Article(text=text, published=date(2023, 5, 2), published_precision="day", outlet=f"Outlet {n}",
                url=f"https://news.example/{n}", path=f"in/{n}.txt")
    d = date.fromisoformat(when)
    dr = DateRange(d, d, "day") if prec == "day" else DateRange(d, date(d.year, d.month, 28), "month")
    m = EventMention(
        event_type=et, sub_event_type=sub, date=dr,
        source=Source(article_id=a.id, sentence=text, span=(0, len(text))),
        actor1=Actor("Military Forces of Tanzania", "state forces", "TZ"),
        actor2=Actor("River Front", "rebel group"),
        associated_actors=[Actor("Civilians (Tanzania)", "civilians", "TZ")],
        location=place, fatalities=fatalities,
    )
    return a, merge_mentions([m])


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.db"
    s = eventwire.open(path)
    for n, text, kw in [
        (1, "Soldiers fought River Front rebels in Port Amani.", {}),
        (2, "Troops and River Front fighters clashed in Port Amani, three dead.", {"fatalities": 4}),
        (3, "Protesters marched in Lakeside.", {"place": Place("Lakeside", "UG", 0.3, 32.6, precision="town"),
                                              "sub": "Peaceful protest", "et": "Protests", "fatalities": None,
                                              "when": "2023-06-10", "prec": "month"}),
    ]:
        s.add_article(*_article(n, text, **kw))
    s.close()
    return path


def test_api_events_and_tables(db):
    s = eventwire.open(db, readonly=True)
    recs = s.events()
    assert len(recs) == 2
    assert recs[0]["n_sources"] == 2 and recs[0]["fatalities_range"] == [3, 4]
    assert s.events(country="UG")[0]["sub_event_type"] == "Peaceful protest"
    t = s.to_arrow(country="TZ")
    assert t.num_rows == 1 and t.column("fatalities").to_pylist() == [3]
    assert t.column("event_date").to_pylist() == [date(2023, 5, 1)]


def test_api_to_pandas(db):
    pd = pytest.importorskip("pandas")
    s = eventwire.open(db, readonly=True)
    df = s.to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == 2


def test_acled_csv_columns_and_codes(db):
    recs = eventwire.open(db, readonly=True).events()
    rows = list(csv.DictReader(io.StringIO(exports.to_csv(recs))))
    assert list(rows[0])[: len(exports.ACLED_COLUMNS)] == exports.ACLED_COLUMNS
    r = rows[0]
    assert r["event_id_cnty"].startswith("TZA")
    assert (r["event_date"], r["year"], r["time_precision"]) == ("2023-05-01", "2023", "1")
    assert (r["actor1"], r["inter1"], r["actor2"], r["inter2"], r["interaction"]) == (
        "Military Forces of Tanzania", "1", "River Front", "2", "12")
    assert r["assoc_actor_1"] == "Civilians (Tanzania)"
    assert r["country"] == "Tanzania" and r["location"] == "Port Amani" and r["geo_precision"] == "1"
    assert (float(r["latitude"]), float(r["longitude"])) == (-6.8, 39.3)
    assert r["source"] == "Outlet 1; Outlet 2"
    assert r["fatalities"] == "3" and r["notes"]
    protest = rows[1]
    assert protest["time_precision"] == "3" and protest["fatalities"] == "0" and protest["date_precision"] == "month"


def test_geojson_points(db):
    recs = eventwire.open(db, readonly=True).events()
    gj = exports.to_geojson(recs)
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 2
    f = gj["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [39.3, -6.8]}
    assert f["properties"]["event_type"] == "Battles" and f["id"] == recs[0]["event_id"]


def test_events_command_formats(db, tmp_path):
    runner = CliRunner()
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--min-sources", "2"])
    assert r.exit_code == 0, r.output
    lines = [json.loads(l) for l in r.stdout.splitlines()]
    assert len(lines) == 1 and lines[0]["n_sources"] == 2
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "csv", "--country", "UG"])
    assert r.exit_code == 0 and r.stdout.splitlines()[0].startswith("event_id_cnty,event_date,year,time_precision")
    assert len(r.stdout.splitlines()) == 2
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "geojson", "--type", "Protests"])
    assert json.loads(r.stdout)["features"][0]["properties"]["location"] == "Lakeside"
    out = tmp_path / "e.parquet"
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "parquet", "--output", str(out), "--since", "2023-05-01"])
    assert r.exit_code == 0, r.output
    import pyarrow.parquet as pq

    t = pq.read_table(out)
    assert t.num_rows == 2 and "event_id_cnty" in t.column_names
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "parquet"])
    assert r.exit_code != 0  # parquet needs --output
    r = runner.invoke(app, ["events", "--db", str(tmp_path / "missing.db")])
    assert r.exit_code == 2
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "table", "--actor", "river"], env={"COLUMNS": "250"})
    assert r.exit_code == 0 and "Port Amani" in r.stdout
