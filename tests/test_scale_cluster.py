"""The local Dask cluster's workers: started without Dask's statistical profiler."""
import pytest

distributed = pytest.importorskip("distributed")


def test_local_workers_run_without_the_statistical_profiler():
    from eventwire import scale

    # No pipeline is needed to look at the workers: skip the plugin's model load.
    with scale.cluster_client(workers=1) as client:
        callbacks = client.run(lambda dask_worker: sorted(dask_worker.periodic_callbacks))
    (names,) = callbacks.values()
    assert "profile" not in names and "profile-cycle" not in names
    assert "heartbeat" in names  # the worker's other periodic work is still there
