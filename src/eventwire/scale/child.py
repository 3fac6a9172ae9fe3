"""A Dask worker's extraction process: one thread, the pipeline loaded once, partitions in turn.

A Dask worker process always runs several threads (the event loop, the task
thread, comms), and once a process has ever run a second thread spaCy's NER
and parser stay slower in it (glibc's multi-thread malloc path: about 15-20%
more CPU per article, measured in stop 27).  So the worker's plugin starts
this module as a fresh interpreter (``subprocess``, not ``multiprocessing``: a
Dask worker may be a daemonic process, which may not have multiprocessing
children) and the task thread hands it each partition and waits:

    worker task thread --(part, rows, out_dir, model)--> child: extract_partition here
                       <--("ok", summary) or ("error", exception)--

The child writes the two Parquet files itself (the out_dir the worker was
given), so only the rows go over the pipe, and it never starts a thread.  It
exits when the worker closes the pipe (the plugin's teardown, or the worker
dying: the read end then sees EOF).  Nothing here changes what a partition
holds: it is the same ``extract_partition``, run in another process.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from multiprocessing.connection import Connection


class ChildDied(RuntimeError):
    """The extraction process ended before answering (killed, out of memory): the task fails and Dask
    retries it; the plugin starts a new process for the next partition."""


class ExtractionProcess:
    """The worker's side: starts the child, sends it partitions, one at a time."""

    def __init__(self, model: str | None, env: dict | None = None):
        self.model = model
        self._lock = threading.Lock()  # a worker with several threads: one partition in the child at a time
        r_req, w_req = os.pipe()  # worker -> child
        r_res, w_res = os.pipe()  # child -> worker
        cmd = [sys.executable, "-m", "eventwire.scale.child", str(r_req), str(w_res), model or ""]
        try:
            self.proc = subprocess.Popen(cmd, pass_fds=(r_req, w_res), env=env if env is not None else _child_env(),
                                         stdin=subprocess.DEVNULL, close_fds=True)
        finally:
            os.close(r_req)
            os.close(w_res)
        self._send = Connection(w_req, readable=False)
        self._recv = Connection(r_res, writable=False)
        try:
            ready = self._recv.recv()  # the child loads and warms the pipeline first
        except EOFError:
            self.close()
            raise ChildDied(f"the extraction process exited while loading the pipeline "
                            f"(exit code {self.proc.wait()})") from None
        if ready[0] != "ready":
            self.close()
            raise ChildDied(f"the extraction process could not load the pipeline: {ready[1]}")
        self.pid = self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None and not self._send.closed

    def extract_partition(self, part: int, rows, out_dir: str, model: str | None) -> dict:
        with self._lock:
            try:
                self._send.send((part, list(rows), out_dir, model))
                kind, value = self._recv.recv()
            except (EOFError, OSError) as e:
                self.close()
                raise ChildDied(f"the extraction process ended during partition {part} ({type(e).__name__}; "
                                f"exit code {self.proc.poll()})") from None
        if kind == "error":
            raise value
        return value

    def close(self) -> None:
        for conn in (self._send, self._recv):
            try:
                conn.close()
            except OSError:
                pass
        try:
            self.proc.wait(timeout=10)  # EOF on its pipe: it exits after the partition it is on
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _child_env() -> dict:
    env = dict(os.environ)
    # pyarrow's jemalloc starts a background thread when pyarrow is imported (the Parquet writer):
    # that alone puts the process in glibc's multi-thread mode.  Off unless the user configured it.
    env.setdefault("JE_ARROW_MALLOC_CONF", "background_thread:false")
    env.setdefault("OPENBLAS_NUM_THREADS", "1")  # as eventwire's import does, before numpy loads
    # The child must import this very eventwire (a worker started with PYTHONPATH, or from a checkout).
    here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    if here not in paths:
        env["PYTHONPATH"] = os.pathsep.join([here] + paths)
    return env


def _portable(exc: BaseException) -> BaseException:
    """The exception itself if it pickles (and unpickles), else a RuntimeError with its text."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any exception may be unpicklable
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def main(argv: list[str]) -> int:
    r_fd, w_fd, model = int(argv[0]), int(argv[1]), argv[2] or None
    recv = Connection(r_fd, writable=False)
    send = Connection(w_fd, readable=False)
    from . import partition

    try:
        partition.use_pipeline(partition._load(model), model)
    except Exception as e:  # noqa: BLE001 - reported to the worker, which fails its set-up
        send.send(("failed", f"{type(e).__name__}: {e}"))
        return 1
    send.send(("ready", os.getpid()))
    while True:
        try:
            part, rows, out_dir, part_model = recv.recv()
        except EOFError:  # the worker closed the pipe or died
            return 0
        try:
            res = ("ok", partition.extract_partition_here(part, rows, out_dir, part_model))
        except Exception as e:  # noqa: BLE001 - the task fails on the worker with this exception
            res = ("error", _portable(e))
        try:
            send.send(res)
        except (BrokenPipeError, OSError):
            return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
