"""The facilitator's main job: every OPD's notebooks, fast, incremental and fault-tolerant.

``run_batch`` plans one task per notebook (the Pemda overview once, the three steps for every
OPD), skips the tasks whose fingerprint (the rows they read, the template, the parameters,
the package version) matches a completed run in ``manifest.json``, and runs the rest on an
executor: a pool of worker processes, each with a warm kernel (:mod:`pohon_nb.run.engine`), or a
Dask cluster through the same ``concurrent.futures`` interface. Every result is written
atomically and recorded in the manifest as soon as it arrives, so an interrupted run loses
nothing that was finished; a failing notebook is kept with its error and does not stop the
others. ``index.html`` lists every OPD with its status, headline figures and links.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import gc
import html
import os
import signal
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..core.atomic import atomic_path
from ..core.lock import folder_lock
from ..core.paths import OUT, TEMPLATES, pemda_folder
from ..method.achievement import config_from_cap
from ..method.blocking import blocked_message, workbook_message
from ..method.checked import check
from ..method.checks import CheckConfig
from ..method.scales import DEFAULT_SCALE
from ..reading.model import Pemda, load_shared
from . import briefs as brief_files
from . import history
from .follow_ups import write_follow_up
from .index_page import write_index
from .manifest import Manifest, manifest_path
from .plan import BatchError, Task, file_digest, input_fingerprints, plan, select
from .reports import write_html
from .settings import CELL_TIMEOUT

__all__ = ["BatchError", "BatchReport", "TaskResult", "execute_task", "run_batch"]


@dataclass
class TaskResult:
    key: str
    status: str  # "ok", "gagal", or "diblokir" (not run: errors in the rows it reads)
    duration: float
    notebook: str
    html: str | None = None
    error: str | None = None
    failing_cell: int | None = None
    attempts: int = 1
    finished: str = ""


# --------------------------------------------------------------------------- executing


def execute_task(task: Task, after_crash: bool = False) -> TaskResult:
    """Run one notebook: in this process when it is a pool worker (:mod:`pohon_nb.run.inprocess`),
    else on this thread's warm kernel, retried once if the kernel dies. ``after_crash``: the
    worker that ran it in process died (a cell ended the process, or it crashed): that was the
    first attempt, and the second runs on a warm kernel, where a dying kernel is told apart."""
    import papermill as pm
    from nbclient.exceptions import DeadKernelError

    from . import engine, inprocess

    target = Path(task.notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    engine.set_thread_cwd(str(target.parent))
    start = time.perf_counter()
    error, failing_cell, attempts = None, None, 1 if after_crash else 0
    while attempts < 2:
        attempts += 1
        error, failing_cell, retry = None, None, False
        with atomic_path(target, overwrite=True) as tmp:
            try:
                here = not after_crash and inprocess.usable()
                pm.execute_notebook(task.template, str(tmp), parameters=task.parameters,
                                    engine_name=inprocess.ENGINE_NAME if here else engine.ENGINE_NAME,
                                    kernel_name="python3",
                                    progress_bar=False, execution_timeout=task.timeout)
            except pm.PapermillExecutionError as exc:
                failing_cell = exc.cell_index
                error = explain_failure(tmp, exc.ename, exc.evalue)
            except (DeadKernelError, RuntimeError) as exc:  # died, or would not start
                engine.warm_kernel().shutdown()
                error, retry = f"kernel mati atau tidak dapat dimulai: {exc}", True
            except TimeoutError as exc:
                engine.warm_kernel().shutdown()
                error = f"waktu habis (lebih dari {task.timeout} detik per sel): {exc}"
            if not tmp.exists() or tmp.stat().st_size == 0:
                _write_placeholder(tmp, task, error or "notebook tidak tertulis")
        if not retry:
            break
    page = None
    if task.html:
        page = str(write_html(target, target.with_suffix(".html"), task.title))
    return TaskResult(task.key, "gagal" if error else "ok", round(time.perf_counter() - start, 2),
                      str(target), page, error, failing_cell, attempts,
                      dt.datetime.now().isoformat(timespec="seconds"))


PAPERMILL_ERROR_TAGS = ("papermill-error-cell-tag",)


def explain_failure(path: Path, ename: str, evalue: str) -> str:
    """Say in Bahasa Indonesia which section of the notebook at ``path`` failed, there and in
    the returned message (papermill's own English banner is replaced)."""
    import nbformat

    where = "notebook"
    try:
        nb = nbformat.read(path, as_version=4)
    except (OSError, ValueError):
        nb = None
    if nb is not None:
        # The failing cell is the one holding the error output (papermill's banner cells
        # shift the indices of the notebook it writes).
        position = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code" and any(
            o.get("output_type") == "error" for o in c.get("outputs", []))), len(nb.cells))
        heading = next((c.source.splitlines()[0].lstrip("# ").strip()
                        for c in reversed(nb.cells[:position])
                        if c.cell_type == "markdown" and c.source.startswith("#")), None)
        where = f"bagian «{heading}»" if heading else "notebook"
        banner = (f"**Bagian ini gagal dijalankan** ({where}): {html.escape(ename)}: "
                  f"{html.escape(str(evalue))[:300]}. Bagian lain tetap ditampilkan bila sudah "
                  f"selesai; laporkan galat ini bersama workbook-nya.")
        for cell in nb.cells:
            tags = cell.metadata.get("tags", [])
            if any(t in tags for t in PAPERMILL_ERROR_TAGS) and cell.cell_type == "markdown":
                cell.source = banner
        nbformat.write(nb, path)
    return f"{where} gagal: {ename}: {evalue}"


def _write_placeholder(path: Path, task: Task, error: str) -> None:
    """A notebook that says what went wrong, when the run left none."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        f"# Gagal dijalankan\n\n{html.escape(error)}")])
    nbformat.write(nb, path)


def _worker_init() -> None:
    """In a pool worker: shut the warm kernel down when the worker exits, and end the worker and
    its kernel when the batch process is gone (a closed terminal, a SIGKILL), on every platform."""
    import signal
    from multiprocessing import util

    from . import inprocess
    from .engine import die_with_parent, warm_kernel, watch_parent

    util.Finalize(None, lambda: warm_kernel().shutdown(), exitpriority=10)
    die_with_parent(signal.SIGKILL)  # Linux: the system ends the worker with the batch...
    watch_parent()  # ...and everywhere the worker watches for it itself
    gc.freeze()  # what the worker inherits (a forked one: the batch's model) is not scanned again
    inprocess.allow()  # its notebooks run in it, not in a kernel (pohon_nb.run.inprocess)


def make_executor(jobs: int, scheduler: str | None):
    """A concurrent.futures executor: a process pool, or a Dask cluster's executor."""
    if scheduler:
        try:
            from distributed import Client
        except ImportError as exc:
            raise BatchError("--scheduler memerlukan paket distributed: pip install "
                             "'pohon-nb[dask]'") from exc
        client = Client(scheduler, timeout="20s")
        return client.get_executor(pure=False), client
    return cf.ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init), None


@dataclass
class BatchReport:
    """What a batch did: every task's result (run now or kept from before) and the paths."""

    results: dict[str, dict] = field(default_factory=dict)
    ran: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    blocked: dict[str | None, list[dict]] = field(default_factory=dict)
    index: Path | None = None
    manifest: Path | None = None
    interrupted: bool = False
    seconds: float = 0.0
    change: history.Change | None = None  # what changed since the last different workbook
    briefs: Path | None = None  # the PDF of every OPD's brief
    briefs_drawn: list[str] = field(default_factory=list)  # the OPDs whose brief this run drew
    follow_up: Path | None = None  # the proposed and reviewed follow-up (tindak_lanjut_usulan.xlsx)
    notes: list[str] = field(default_factory=list)  # e.g. a stale lock taken over

    @property
    def failed(self) -> list[str]:
        return [k for k, r in self.results.items() if r["status"] != "ok"]


def run_batch(data: str | Path | Pemda | None = None, out: str | Path = OUT, *,
              jobs: int | None = None, only: list[str] | None = None, overview: bool = True,
              html_pages: bool = True, force: bool = False, scheduler: str | None = None,
              tahun: int | None = None, skala: str = DEFAULT_SCALE, timeout: int | None = CELL_TIMEOUT,
              progress: bool = True, templates: str | Path = TEMPLATES,
              batas_atas: float | None = None, briefs: bool = True, wait: bool = False) -> BatchReport:
    """Run (or bring up to date) every OPD's notebooks; see the module docstring.

    ``pohon-nb run`` is this with one OPD in ``only``, no overview and ``force``: one way to run
    a notebook. The index page always lists every OPD (those not run yet as "belum"). The Pemda's
    output folder is locked for the whole run (:mod:`pohon_nb.core.lock`): a second batch on it
    raises :class:`~pohon_nb.core.lock.FolderBusy`, or waits its turn with ``wait``.
    """
    # Shared: a forked pool worker inherits the model and what the batch computed on it (the
    # checks), and its notebooks find them there (pohon_nb.reading.model.load_shared).
    pemda = data if isinstance(data, Pemda) else load_shared(data)
    folder = pemda_folder(Path(out).resolve(), pemda.info.get("kode_pemda"))
    with folder_lock(folder, wait=wait) as notes:
        report = _run_batch(pemda, out, jobs=jobs, only=only, overview=overview, html_pages=html_pages,
                            force=force, scheduler=scheduler, tahun=tahun, skala=skala, timeout=timeout,
                            progress=progress, templates=templates, batas_atas=batas_atas, briefs=briefs)
    report.notes = notes + report.notes
    return report


def _run_batch(pemda: Pemda, out, *, jobs, only, overview, html_pages, force, scheduler, tahun, skala,
               timeout, progress, templates, batas_atas, briefs) -> BatchReport:
    started = time.perf_counter()
    # The latest year with realisation (a Renstra 2019-2023 is assessed on 2023), as every command.
    tahun = pemda.assessed_year(tahun)
    checked = check(pemda, CheckConfig(tahun=tahun))  # the one checked model every page reads
    blocking = checked.blocking
    if blocking.workbook:
        raise BatchError(workbook_message(pemda, blocking.workbook))
    out = Path(out).resolve()
    mpath = manifest_path(out, pemda.info.get("kode_pemda"))
    earlier = Manifest.read(mpath)
    # Round 2 and after: the causal-mapping notebook shows what changed since the last version.
    previous = history.earlier_copy(out, pemda.info.get("kode_pemda"), earlier,
                                    input_fingerprints(pemda)[None])
    every = plan(pemda, out, tahun=tahun, skala=skala, html_pages=html_pages,
                 timeout=timeout, templates=Path(templates), batas_atas=batas_atas, previous=previous)
    tasks = select(every, pemda, only, overview)
    report = BatchReport(manifest=mpath)
    todo, blocked = [], []
    for task in tasks:
        if blocking.blocks(task.kode_opd):
            blocked.append(task)
            continue
        old = earlier.notebooks.get(task.key)
        complete = (old and old.get("status") == "ok" and old.get("fingerprint") == task.fingerprint
                    and Path(task.notebook).exists()
                    and (not task.html or Path(task.notebook).with_suffix(".html").exists()))
        if complete and not force:
            report.skipped.append(task.key)
        else:
            todo.append(task)
    manifest = Manifest(
        source=str(Path(pemda.source).resolve()), source_fingerprint=input_fingerprints(pemda)[None],
        kode_pemda=pemda.info.get("kode_pemda"),
        parameters={"tahun": tahun, "skala": skala, "html": html_pages, "timeout": timeout,
                    "batas_atas": batas_atas},
        templates={Path(t.template).name: file_digest(Path(t.template))
                   for t in every if t.kode_opd in (None, every[-1].kode_opd)},
        notebooks=dict(earlier.notebooks), runs=earlier.runs, briefs=earlier.briefs)
    history.record(pemda, out, manifest, manifest.source_fingerprint)
    fingerprints = {t.key: t.fingerprint for t in tasks}
    for key in report.skipped:
        report.results[key] = earlier.notebooks[key]
    for task in blocked:
        errors = blocking.blocks(task.kode_opd)
        entry = asdict(TaskResult(task.key, "diblokir", 0.0, task.notebook, None,
                                  blocked_message(task.kode_opd, errors)))
        entry.update(fingerprint=None, kode_opd=task.kode_opd,
                     errors=[f.as_dict() for f in errors])
        manifest.notebooks[task.key] = entry
        report.blocked.setdefault(task.kode_opd, entry["errors"])
    manifest.write(mpath)
    # The comparison with the last different version is known before anything runs: the briefs,
    # drawn in the pool as each OPD's notebooks finish, say what changed.
    report.change = history.compare_with_earlier(checked, out, manifest)
    drawn: list[brief_files.BriefTask] = []
    blocked_codes: set[str] = set()
    if briefs:
        codes = [c for c in pemda.opd_codes() if any(t.kode_opd == c for t in tasks)]
        blocked_codes = {c for c in codes if blocking.blocks(c)}
        drawn = brief_files.brief_tasks(checked, out, manifest, input_fingerprints(pemda), tahun, skala,
                                        batas_atas, report.change, blocked_codes, codes)
        brief_files.remember(checked, drawn[0] if drawn else None,
                             report.change.comparison if report.change else None)
    if todo or drawn:
        try:
            _run(todo, drawn, jobs or os.cpu_count() or 1, scheduler, progress, manifest, mpath,
                 fingerprints, report)
        finally:
            brief_files.forget()
    if briefs and not report.interrupted:  # Ctrl-C: stop, the next run writes them
        report.briefs = brief_files.combine(pemda, out, manifest, blocked_codes,
                                            redone=any(b.kode_opd in report.briefs_drawn for b in drawn))
        manifest.write(mpath)
    if not report.interrupted:
        runnable = [c for c in pemda.opd_codes() if any(t.kode_opd == c for t in tasks)
                    and not blocking.blocks(c)]
        report.follow_up = write_follow_up(checked, out, tahun, config_from_cap(batas_atas), runnable)
    report.index = write_index(checked, out, every, manifest.notebooks, tahun, skala,
                               batas_atas, report.change, frozenset(report.skipped))
    done = manifest.notebooks
    report.results = {t.key: done[t.key] for t in tasks if t.key in done}
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def _run(todo, drawn, jobs, scheduler, progress, manifest, mpath, fingerprints, report) -> None:
    """Run the notebooks ``todo`` and draw the briefs ``drawn`` on one executor: each OPD's brief
    as soon as that OPD's notebooks are done (ahead of the notebooks still waiting), so the
    briefs are drawn while other OPDs' notebooks run, not one after another at the end."""
    from collections import Counter, deque
    from concurrent.futures.process import BrokenProcessPool

    from tqdm.auto import tqdm

    bar = tqdm(total=len(todo) + len(drawn), unit="berkas", disable=not progress, desc="pohon-nb")
    waiting_for = Counter(t.kode_opd for t in todo if t.kode_opd)  # notebooks before a brief
    held = {b.kode_opd: b for b in drawn}
    ready = deque(b for b in drawn if not waiting_for[b.kode_opd])
    for b in ready:
        held.pop(b.kode_opd)
    pending = deque(todo)

    def finished(task) -> None:
        if task.kode_opd in held:
            waiting_for[task.kode_opd] -= 1
            if not waiting_for[task.kode_opd]:
                ready.append(held.pop(task.kode_opd))

    executor, client = (None, None)
    if jobs > 1 or scheduler:
        executor, client = make_executor(jobs, scheduler)
    try:
        with _ctrl_c() as asked:
            if executor is None:
                while pending or ready:
                    if ready:
                        _record_brief(brief_files.draw_brief(ready.popleft()), manifest, mpath, report, bar)
                    else:
                        task = pending.popleft()
                        _record(task, execute_task(task), manifest, mpath, fingerprints, report, bar)
                        finished(task)
                    _stop_if(asked)
            else:
                # A pool runs ``jobs`` at a time: keep that many in flight, so a brief that becomes
                # ready goes next. A cluster takes everything at once.
                room = 10**6 if scheduler else jobs
                flying: dict = {}
                crashed: set[str] = set()  # the keys in flight when a worker died: run again once

                def settle(item, future) -> None:
                    """Record what ``future`` gave for ``item`` (None: its worker died twice)."""
                    brief = isinstance(item, brief_files.BriefTask)
                    why = DIED if future is None else None
                    if future is not None:
                        try:
                            result = future.result()
                        except Exception as exc:  # the worker itself failed: recorded, others go on
                            why = f"{type(exc).__name__}: {exc}"
                    if why and brief:
                        result = brief_files.BriefResult(item.kode_opd, item.fingerprint, 0.0, why)
                    elif why:
                        result = TaskResult(item.key, "gagal", 0.0, item.notebook, None, why,
                                            attempts=2 if future is None else 1)
                    if brief:
                        _record_brief(result, manifest, mpath, report, bar)
                    else:
                        _record(item, result, manifest, mpath, fingerprints, report, bar)
                        finished(item)

                while pending or ready or flying:
                    refused = False  # the pool broke before it took the next item
                    while len(flying) < room and (ready or pending):
                        queue = ready if ready else pending
                        item = queue.popleft()
                        try:
                            if queue is ready:
                                future = executor.submit(brief_files.draw_brief, item)
                            else:
                                future = executor.submit(execute_task, item, item.key in crashed)
                        except BrokenProcessPool:
                            queue.appendleft(item)
                            refused = True
                            break
                        flying[future] = item
                    done, _ = cf.wait(list(flying), return_when=cf.FIRST_COMPLETED)
                    if refused or any(_broke(f) for f in done):
                        # A worker died (a cell ended its process, or it crashed), and the pool
                        # with everything in flight. That runs again on a new pool, the notebooks
                        # on warm kernels; what was in flight at two deaths is reported.
                        cf.wait(list(flying))
                        again = [flying.pop(f) for f in list(flying) if _broke(f)]
                        done = {f for f in done if f in flying}
                        for item, blamed in _blame(again, crashed):
                            if blamed and item.key in crashed:
                                settle(item, None)
                                continue
                            if blamed:
                                crashed.add(item.key)
                            is_brief = isinstance(item, brief_files.BriefTask)
                            (ready if is_brief else pending).appendleft(item)
                        executor.shutdown(wait=True)
                        executor, client = make_executor(jobs, scheduler)
                    for future in done:
                        settle(flying.pop(future), future)
                    _stop_if(asked)
    except KeyboardInterrupt:
        report.interrupted = True
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
            executor = None
    finally:
        bar.close()
        if executor is not None:
            executor.shutdown(wait=True)
        if client is not None:
            client.close()
        if executor is None and not scheduler and jobs <= 1:
            from .engine import warm_kernel

            warm_kernel().shutdown()


DIED = "proses pekerja berhenti dua kali saat menjalankan ini (sel mengakhiri prosesnya atau proses mogok)"


def _blame(lost: list, crashed: set[str]) -> list[tuple[object, bool]]:
    """Which of the items ``lost`` when a worker died could have ended it: what ran in a worker's
    own process (a brief, or a notebook's first try). A notebook run again after a crash runs on a
    warm kernel, where a cell that ends its process ends only the kernel: it was standing by, and
    runs again without counting as a death of its own. When nothing lost could have ended the
    worker (it died of something else), every item counts the death."""
    suspects = {item.key for item in lost
                if isinstance(item, brief_files.BriefTask) or item.key not in crashed}
    return [(item, not suspects or item.key in suspects) for item in lost]


def _broke(future) -> bool:
    """Whether ``future`` ended because its pool lost a worker."""
    from concurrent.futures.process import BrokenProcessPool

    return future.done() and not future.cancelled() and isinstance(future.exception(), BrokenProcessPool)


@contextlib.contextmanager
def _ctrl_c():
    """Remember a Ctrl-C (SIGINT) as well as raising it: a library running a notebook may catch
    the KeyboardInterrupt (its event loop turns it into a cancellation), and the batch must
    still stop after the notebook it was running. Only in the main thread, where signals are
    delivered."""
    asked = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield asked
        return
    previous = signal.getsignal(signal.SIGINT)

    def handler(number, frame):
        asked.set()
        if callable(previous):
            previous(number, frame)
        else:
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, handler)
    try:
        yield asked
    finally:
        signal.signal(signal.SIGINT, previous)


def _stop_if(asked: threading.Event) -> None:
    if asked.is_set():
        raise KeyboardInterrupt


def _record_brief(result, manifest, mpath, report, bar) -> None:
    """A brief drawn: on record in the manifest; one that failed is a note naming the OPD."""
    if result.error:
        manifest.briefs.pop(result.kode_opd, None)
        report.notes.append(f"Ringkasan PDF {result.kode_opd} gagal dibuat: {result.error}")
    else:
        manifest.briefs[result.kode_opd] = result.fingerprint
        report.briefs_drawn.append(result.kode_opd)
    manifest.write(mpath)
    bar.set_postfix_str(f"{result.kode_opd}/ringkasan"[-40:])
    bar.update(1)


def _record(task, result, manifest, mpath, fingerprints, report, bar) -> None:
    entry = asdict(result)
    entry["fingerprint"] = fingerprints[task.key]
    entry["kode_opd"] = task.kode_opd
    manifest.notebooks[task.key] = entry
    manifest.write(mpath)
    report.ran.append(task.key)
    bar.set_postfix_str(task.key[-40:])
    bar.update(1)


