"""The serve query cache keeps counts (facets, the filtered table count) that take a few ms, not quick row queries."""
import asyncio
import time

from eventwire.serve.cache import QueryCache


def test_count_of_a_few_ms_is_cached_row_query_is_not():
    calls = []
    for sql in ("select country as value, count(*) as count from events where country = :p0 group by value",
                "select id from events where country = :p0 limit 51"):
        c = QueryCache(min_ms=15, count_min_ms=2)

        class Db:
            is_memory = True
            n = 0

            async def execute(self, sql, params=None, **kw):
                Db.n += 1
                time.sleep(0.005)

                class R:
                    rows = [1]
                return R()
        db = c.wrap(Db())

        async def go():
            for _ in range(3):
                await db.execute(sql, {"p0": "SY"})
        asyncio.run(go())
        calls.append(Db.n)
    assert calls == [1, 3]
