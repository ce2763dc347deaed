"""A papermill engine that runs a notebook's cells in this process's own IPython shell.

A batch's pool worker has nothing else to do than run notebooks, so it need not hand each cell
to a kernel process and read the outputs back over ZeroMQ: measured on the sample
(``python bench/batch.py``), that round trip, the kernel's reset and nbclient's message
handling cost more than the cells themselves. This engine runs the cells in an
:class:`~IPython.core.interactiveshell.InteractiveShell` of the worker and writes the same
outputs a kernel would (streams, displays, results, errors with their traceback), and before
each notebook restores the clean state a warm kernel's reset restores: an empty namespace, the
counter at 1, and the state kept by :mod:`pohon_nb.run.fresh` (matplotlib, the working folder,
``sys.path``, environment variables, random states).

Only where that is safe (:func:`usable`): in a worker process of the batch's pool, in its main
thread (signals for the cell timeout; the shell, ``sys.stdout`` and the working folder are the
process's). A cell that ends the process (``os._exit``, a crash) takes the worker with it: the
batch notices the broken pool and runs what was in flight again on warm kernels, where a dying
kernel is told apart (:func:`pohon_nb.run.batch._run`). A worker whose memory passes
``engine.MAX_RSS_MB`` runs its remaining notebooks on a warm kernel, which is recycled.

Register it with papermill as ``engine_name="pohon_nb_inprocess"`` (done on import).
"""

from __future__ import annotations

import copy
import io
import os
import signal
import sys
import threading

from nbformat import NotebookNode
from papermill.engines import Engine, papermill_engines

from . import fresh

ENGINE_NAME = "pohon_nb_inprocess"

_allowed = False  # set in a pool worker by :func:`allow`
_shell = None

LANGUAGE_INFO = {  # what an ipykernel says of itself (nbconvert reads the lexer from it)
    "name": "python", "version": ".".join(map(str, sys.version_info[:3])),
    "mimetype": "text/x-python", "codemirror_mode": {"name": "ipython", "version": 3},
    "pygments_lexer": "ipython3", "nbconvert_exporter": "python", "file_extension": ".py",
}


def allow() -> None:
    """Let this process run notebooks in itself (a batch pool worker, from its initializer)."""
    global _allowed
    _allowed = True


def usable() -> bool:
    """Whether a notebook may run in this process now (see the module docstring)."""
    from .engine import MAX_RSS_MB, rss_mb

    global _allowed
    if not _allowed or threading.current_thread() is not threading.main_thread():
        return False
    if rss_mb() > MAX_RSS_MB:
        _allowed = False  # from now on warm kernels, which are recycled
    return _allowed


class CellTimeout(TimeoutError):
    """A cell ran past the batch's time limit."""


# --------------------------------------------------------------------------- the outputs


class _Sink:
    """The outputs of the cell now running, in the order they came, as a kernel's client would
    record them (consecutive writes to one stream are one output)."""

    def __init__(self) -> None:
        self.outputs: list = []
        self.execution_count = None
        self._clear_on_next = False
        self._displays: dict[str, list] = {}

    def new_notebook(self) -> None:
        self._displays.clear()  # a display id names an output of this notebook only

    def start(self, outputs: list, execution_count: int) -> None:
        self.outputs, self.execution_count = outputs, execution_count
        self._clear_on_next = False

    def _add(self, output: NotebookNode) -> None:
        if self._clear_on_next:
            self.outputs.clear()
            self._clear_on_next = False
        self.outputs.append(output)

    def stream(self, name: str, text: str) -> None:
        if not text:
            return
        last = self.outputs[-1] if self.outputs and not self._clear_on_next else None
        if last is not None and last.output_type == "stream" and last.name == name:
            last.text += text
        else:
            self._add(NotebookNode(output_type="stream", name=name, text=text))

    def display(self, data: dict, metadata: dict | None, transient: dict | None, update: bool) -> None:
        display_id = (transient or {}).get("display_id")
        if update:
            for output in self._displays.get(display_id, []):
                output.data, output.metadata = NotebookNode(data), NotebookNode(metadata or {})
            return
        output = NotebookNode(output_type="display_data", data=NotebookNode(data),
                              metadata=NotebookNode(metadata or {}))
        self._add(output)
        if display_id:
            self._displays.setdefault(display_id, []).append(output)

    def result(self, data: dict, metadata: dict | None) -> None:
        self._add(NotebookNode(output_type="execute_result", data=NotebookNode(data),
                               metadata=NotebookNode(metadata or {}),
                               execution_count=self.execution_count))

    def error(self, ename: str, evalue: str, traceback: list[str]) -> None:
        self._add(NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=traceback))

    def clear(self, wait: bool) -> None:
        if wait:
            self._clear_on_next = True
        else:
            self.outputs.clear()


class _Stream(io.TextIOBase):
    """``sys.stdout`` or ``sys.stderr`` while a cell runs: what is written becomes an output."""

    def __init__(self, sink: _Sink, name: str) -> None:
        self._sink, self.name = sink, name

    @property
    def encoding(self) -> str:
        return "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._sink.stream(self.name, text)
        return len(text)


def _make_shell():
    """The process's shell: displays, results and tracebacks go to a :class:`_Sink`."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets import Type
    from traitlets.config import Config

    sink = _Sink()

    class Publisher(DisplayPublisher):
        def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
            sink.display(data, metadata, transient, update)

        def clear_output(self, wait=False):
            sink.clear(wait)

    class Hook(DisplayHook):
        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            sink.result(format_dict, md_dict)

        def finish_displayhook(self):
            pass

    class Shell(InteractiveShell):
        displayhook_class = Type(Hook)
        display_pub_class = Type(Publisher)

        def _showtraceback(self, etype, evalue, stb):
            sink.error(etype.__name__, str(evalue), list(stb))

        def enable_gui(self, gui=None):  # no event loop to integrate with
            pass

    config = Config()
    config.HistoryManager.enabled = False
    config.InteractiveShell.colors = "nocolor"
    main = sys.modules.get("__main__")
    shell = Shell.instance(config=config)
    shell.sink = sink
    if main is not None:  # the shell registers its own __main__; the worker keeps its own
        sys.modules["__main__"] = main
    return shell


def _clean(shell, cwd: str) -> None:
    """The state a notebook starts from: an empty namespace, the counter at 1, then
    :func:`pohon_nb.run.fresh.restore` (as a warm kernel's reset does)."""
    shell.reset(new_session=False)
    shell.execution_count = 1
    shell.sink.new_notebook()
    fresh.restore(cwd)


# --------------------------------------------------------------------------- the engine


class InProcessEngine(Engine):
    """papermill engine running a notebook's cells in this process (see the module docstring)."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, execution_timeout=None, **kwargs):
        from .engine import thread_cwd, written_once

        global _shell
        if _shell is None:
            fresh.remember()
            _shell = _make_shell()
        shell = _shell
        _clean(shell, thread_cwd())
        try:
            with written_once(nb_man):
                _run_cells(nb_man, shell, execution_timeout)
        finally:
            os.chdir(fresh.home())
        nb_man.nb.metadata["language_info"] = copy.deepcopy(LANGUAGE_INFO)
        return nb_man.nb


def _run_cells(nb_man, shell, timeout) -> None:
    """The notebook's cells in order, as papermill's client runs them: an empty code cell is not
    run, and a failing cell ends the notebook unless it is tagged ``raises-exception``."""
    for index, cell in enumerate(nb_man.nb.cells):
        nb_man.cell_start(cell, index)
        try:
            if cell.cell_type != "code":
                continue
            cell.outputs = []
            if not cell.source.strip():
                continue
            failed = _run_cell(shell, cell, timeout)
            if failed and "raises-exception" not in cell.metadata.get("tags", []):
                nb_man.cell_exception(cell, cell_index=index, exception=failed)
                break
        finally:
            nb_man.cell_complete(cell, cell_index=index)


def _run_cell(shell, cell, timeout):
    """Run one code cell; its outputs go into ``cell.outputs``. Returns the exception a failing
    cell raised, or None. A Ctrl-C or the time limit ends the notebook as a kernel's would."""
    sink = shell.sink
    sink.start(cell.outputs, shell.execution_count)
    cell.execution_count = shell.execution_count
    streams = sys.stdout, sys.stderr
    main = sys.modules.get("__main__")
    sys.stdout, sys.stderr = _Stream(sink, "stdout"), _Stream(sink, "stderr")
    sys.modules["__main__"] = shell.user_module
    timer = _start_timer(timeout)
    try:
        result = shell.run_cell(cell.source, store_history=True)
    finally:
        _stop_timer(timer)
        sys.stdout, sys.stderr = streams
        if main is not None:
            sys.modules["__main__"] = main
    error = result.error_before_exec or result.error_in_exec
    if isinstance(error, KeyboardInterrupt):
        raise KeyboardInterrupt
    if isinstance(error, CellTimeout):
        raise error
    return error


def _start_timer(timeout):
    if not timeout or not hasattr(signal, "setitimer"):
        return None

    def expired(signum, frame):
        raise CellTimeout(f"sel berjalan lebih dari {timeout} detik")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, float(timeout))
    return previous


def _stop_timer(previous) -> None:
    if previous is None:
        return
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


papermill_engines.register(ENGINE_NAME, InProcessEngine)
