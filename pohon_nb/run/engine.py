"""A papermill engine that keeps one kernel warm per worker thread and resets it between
notebooks.

Measured on our machines (``python bench/batch.py``), a cold papermill run spends most of its time starting a
kernel, importing pandas and matplotlib and shutting the kernel down. This engine starts a
kernel once, runs notebook after notebook on it, and before each one restores a clean
state: the user namespace and output cache are emptied (``%reset -f``), the execution
counter goes back to 1, and the state :mod:`pohon_nb.run.fresh` remembered when the kernel
started is put back (matplotlib, the working directory, ``sys.path``, environment variables,
random states). The kernel is recycled after
``RECYCLE_AFTER`` notebooks, when its memory passes ``MAX_RSS_MB``, and after it dies.

Register it with papermill as ``engine_name="pohon_nb_warm"`` (done on import).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import weakref
from pathlib import Path

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import Engine, papermill_engines

ENGINE_NAME = "pohon_nb_warm"
RECYCLE_AFTER = 40
MAX_RSS_MB = 700

_SNAPSHOT = "import pohon_nb.run.fresh as _f\n_f.remember()\ndel _f\n"

_RESET = r'''
get_ipython().run_line_magic("reset", "-f")
import pohon_nb.run.fresh as _f
_f.restore(__CWD__)
get_ipython().execution_count = 1
del _f
'''
"""Run in the kernel before each notebook: the namespace emptied, then the state of
:mod:`pohon_nb.run.fresh` put back."""


# The kernel's own start-up chatter ("[IPKernelApp] WARNING | Kernel is running over TCP
# without encryption": a local kernel on loopback) is not for a facilitator's terminal.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]


def die_with_parent(signal_number: int | None = None) -> None:
    """On Linux, ask the system to signal this process when its parent ends (PR_SET_PDEATHSIG);
    elsewhere nothing (the worker's watchdog, :func:`watch_parent`, covers macOS and Windows)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal_number or signal.SIGKILL)  # PR_SET_PDEATHSIG


KERNELS: weakref.WeakSet = weakref.WeakSet()
"""Every warm kernel of this process, so a worker whose parent is gone can stop them."""


def kill_kernels() -> None:
    """Stop every kernel of this process at once (its whole process group, where there is one)."""
    import signal

    for kernel in list(KERNELS):
        with contextlib.suppress(Exception):
            process = kernel.km.provisioner.process
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()


def watch_parent() -> None:
    """In a pool worker: when the batch process is gone, however it ended (a closed terminal,
    SIGKILL), stop this worker's kernels and exit, on every platform."""
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def wait() -> None:
        parent.join()  # returns when the parent's sentinel closes: the parent has ended
        kill_kernels()
        os._exit(1)

    threading.Thread(target=wait, name="pohon-nb-parent-watch", daemon=True).start()


class WarmKernel:
    """One kernel kept alive across notebooks (one per thread that uses the engine)."""

    def __init__(self) -> None:
        self.km = None
        self.kc = None
        self.used = 0
        KERNELS.add(self)

    def attach(self, client: PapermillNotebookClient, cwd: str) -> None:
        """Give ``client`` this kernel (starting it if needed) in a clean state."""
        if self.km is not None and (self.used >= RECYCLE_AFTER or not self._alive()
                                    or self._rss_mb() > MAX_RSS_MB):
            self.shutdown()
        if self.km is None:
            client.km = client.create_kernel_manager()
            # On Linux the kernel also ends with its worker, even when the worker is killed.
            # (The signal follows the starting thread: only a main thread's kernel asks for it.)
            extra = ({"preexec_fn": die_with_parent} if sys.platform.startswith("linux")
                     and threading.current_thread() is threading.main_thread() else {})
            client.start_new_kernel(cwd=cwd, **extra)
            client.start_new_kernel_client()
            self.km, self.kc = client.km, client.kc
            self._run(_SNAPSHOT)
        else:
            client.km, client.kc = self.km, self.kc
        self._run(_RESET.replace("__CWD__", repr(cwd)))
        self.used += 1

    def _run(self, code: str, timeout: float = 60) -> None:
        from jupyter_client.utils import run_sync

        kc = self.kc
        msg_id = kc.execute(code, silent=False, store_history=False)
        reply = run_sync(kc.get_shell_msg)(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = run_sync(kc.get_shell_msg)(timeout=timeout)
        if reply["content"]["status"] != "ok":
            content = reply["content"]
            raise RuntimeError(f"reset failed: {content.get('ename')}: {content.get('evalue')}")

    def _alive(self) -> bool:
        from jupyter_client.utils import run_sync

        try:
            return bool(run_sync(self.km.is_alive)())
        except Exception:
            return False

    def _rss_mb(self) -> float:
        try:
            return rss_mb(self.km.provisioner.process.pid)
        except Exception:  # no process: never recycle for memory
            return 0.0

    def shutdown(self) -> None:
        from jupyter_client.utils import run_sync

        if self.kc is not None:
            with contextlib.suppress(Exception):
                self.kc.stop_channels()
        if self.km is not None:
            with contextlib.suppress(Exception):
                run_sync(self.km.shutdown_kernel)(now=True)
        self.km = self.kc = None
        self.used = 0


def rss_mb(pid: int | str = "self") -> float:
    """The resident memory of process ``pid`` (default: this one) in MB; 0 where the system does
    not say (not Linux), so nothing is ever recycled for memory there."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


_local = threading.local()


def set_thread_cwd(cwd: str | None) -> None:
    """The folder the next notebook on this thread runs in."""
    _local.cwd = cwd


def thread_cwd() -> str:
    """The folder set for this thread's next notebook, else the process's working directory.
    (papermill's own cwd= changes the whole process's folder, which threads share.)"""
    return getattr(_local, "cwd", None) or os.getcwd()


def warm_kernel() -> WarmKernel:
    """This thread's warm kernel."""
    if not hasattr(_local, "kernel"):
        _local.kernel = WarmKernel()
    return _local.kernel


class WarmEngine(Engine):
    """papermill engine running every notebook of a thread on that thread's warm kernel."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                 stderr_file=None, start_timeout=60, execution_timeout=None,
                                 **kwargs):
        client = PapermillNotebookClient(
            nb_man, km=None, kernel_name=kernel_name, timeout=execution_timeout,
            startup_timeout=start_timeout, log=logging.getLogger("papermill"),
            log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file,
            extra_arguments=KERNEL_ARGUMENTS,
        )
        client.owns_km = False  # the kernel outlives this notebook
        # papermill's own cwd= changes the whole process's folder, which threads share:
        # the batch sets the notebook's folder per thread instead.
        warm_kernel().attach(client, thread_cwd())
        with written_once(nb_man):
            return client.execute(cleanup_kc=False)


@contextlib.contextmanager
def written_once(nb_man):
    """papermill writes the whole notebook before and after every cell (for watching a long
    run); with images in the outputs that is most of a batch's file writing. A batch's engine
    runs the notebook inside this, and papermill writes it once, when it is complete."""
    save, nb_man.save = nb_man.save, lambda **kwargs: None
    try:
        yield
    finally:
        nb_man.save = save


papermill_engines.register(ENGINE_NAME, WarmEngine)
