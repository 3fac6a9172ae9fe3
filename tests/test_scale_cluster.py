"""The local Dask cluster's workers: started without Dask's statistical profiler and without
the fixed malloc trim threshold Dask's nanny sets (spaCy's arrays would each be a fresh mmap)."""
import os

import pytest

distributed = pytest.importorskip("distributed")


def test_local_workers_run_without_the_profiler_and_with_glibc_s_own_malloc_thresholds(monkeypatch):
    from eventwire import scale

    # A cluster started elsewhere with Dask's defaults leaves the variable in this environment.
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with scale.cluster_client(workers=1) as client:
        seen = client.run(lambda dask_worker: (sorted(dask_worker.periodic_callbacks),
                                               os.environ.get("MALLOC_TRIM_THRESHOLD_")))
        (names, trim), = seen.values()
    assert "profile" not in names and "profile-cycle" not in names
    assert "heartbeat" in names  # the worker's other periodic work is still there
    assert trim is None
    assert "MALLOC_TRIM_THRESHOLD_" not in os.environ  # nor set here by the nanny
