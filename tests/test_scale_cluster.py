"""The local Dask cluster's workers: started without Dask's statistical profiler and without
the fixed malloc trim threshold Dask's nanny sets (spaCy's arrays would each be a fresh mmap), and
with their housekeeping (system monitor, event-loop check, memory monitor) at a local run's pace."""
import os

import pytest

distributed = pytest.importorskip("distributed")


def test_local_workers_run_without_the_profiler_and_with_glibc_s_own_malloc_thresholds(monkeypatch):
    from eventwire import scale

    # A cluster started elsewhere with Dask's defaults leaves the variable in this environment.
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with scale.cluster_client(workers=1) as client:
        seen = client.run(lambda dask_worker: (sorted(dask_worker.periodic_callbacks),
                                               os.environ.get("MALLOC_TRIM_THRESHOLD_"),
                                               {k: v.callback_time for k, v in dask_worker.periodic_callbacks.items()},
                                               dask_worker.memory_manager.memory_monitor_interval))
        (names, trim, every_ms, memory_s), = seen.values()
        scheduler_ms = client.run_on_scheduler(
            lambda dask_scheduler: {k: v.callback_time for k, v in dask_scheduler.periodic_callbacks.items()})
    assert "profile" not in names and "profile-cycle" not in names
    assert "heartbeat" in names  # the worker's other periodic work is still there
    assert trim is None
    # Each of these ran 2 to 50 times a second: ~13 CPU ms per second per idle worker, now ~2.5.
    assert every_ms["monitor"] >= 5000 and every_ms["tick"] >= 1000 and memory_s >= 1
    assert every_ms.get("memory_monitor", 1000) >= 1000
    assert scheduler_ms["monitor"] >= 5000 and scheduler_ms["tick"] >= 1000
    assert "MALLOC_TRIM_THRESHOLD_" not in os.environ  # nor set here by the nanny
