"""The throughput benchmark splits this process's CPU in the Dask pass by thread: the main thread
(reader, loader, store) and the rest (Dask's event loop), so the 2-worker figure can be read apart."""
import importlib.util
import threading
import time
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "extract_throughput.py"


def _bench():
    spec = importlib.util.spec_from_file_location("extract_throughput_under_test", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _burn(seconds: float) -> None:
    end = time.thread_time() + seconds
    x = 0
    while time.thread_time() < end:
        x += 1


def test_threads_cpu_puts_each_threads_work_on_its_side():
    pytest.importorskip("psutil")
    bench = _bench()
    a = bench._threads_cpu()
    _burn(0.3)
    b = bench._threads_cpu()
    done, release = threading.Event(), threading.Event()

    def helper_work():
        _burn(0.3)
        done.set()
        release.wait(10)  # alive while the main thread reads the threads' times

    helper = threading.Thread(target=helper_work)
    helper.start()
    done.wait(30)
    c = bench._threads_cpu()
    release.set()
    helper.join()
    assert set(a) == {"main", "other"}
    assert b["main"] - a["main"] >= 0.25 and b["other"] - a["other"] < 0.1
    assert c["other"] - b["other"] >= 0.25 and c["main"] - b["main"] < 0.1
