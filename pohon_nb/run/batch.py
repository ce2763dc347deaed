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
import hashlib
import html
import json
import os
import signal
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import __version__
from ..core.atomic import atomic_path, write_text
from ..core.fingerprint import digest
from ..core.lock import folder_lock
from ..core.paths import TEMPLATES, opd_folder, pemda_folder
from ..method import lke
from ..method.blocking import blocked_message, workbook_message
from ..method.checked import Checked, check
from ..method.checks import CheckConfig
from ..method.scales import DEFAULT_SCALE
from ..reading.model import Pemda, load
from . import history
from .briefs import ALL_BRIEFS, BRIEF, write_briefs
from .reports import OVERVIEW, STEP_TITLES, STEPS, report_title, write_html

MANIFEST_FORMAT = 1


@dataclass(frozen=True)
class Task:
    """One notebook to run: what, where, with which parameters, and its fingerprint."""

    key: str
    kode_opd: str | None
    template: str
    notebook: str
    parameters: dict
    fingerprint: str
    html: bool = True
    timeout: int | None = 600
    title: str = ""


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


class BatchError(Exception):
    """The batch cannot start (bad workbook, unknown OPD codes); the message says why."""


# --------------------------------------------------------------------------- fingerprints


def _rows(table, column: str | None = None, values: set | None = None) -> list[dict]:
    """A table's rows (without Excel row numbers); only those whose ``column`` is in ``values``."""
    return [{k: v for k, v in row.items() if k != "_baris"} for row in table.rows
            if column is None or row.get(column) in values]


def input_fingerprints(pemda: Pemda) -> dict[str | None, str]:
    """Fingerprint of the rows each OPD's notebooks read; ``None`` is the whole workbook.

    An OPD's notebooks read its own conditions and the conditions above them, their
    indicators, budget and assessments, its problems, the crosscutting requests it makes or
    receives and the partner conditions they name, the pemda and opd sheets, and what its
    shared root problems are read from (:func:`_shared_root_rows`).
    """
    return dict(pemda.memo(("input_fingerprints",), lambda: _input_fingerprints(pemda)))


def _input_fingerprints(pemda: Pemda) -> dict[str | None, str]:
    t = pemda.tables
    common = [_rows(t["pemda"]), _rows(t["opd"])]
    prints: dict[str | None, str] = {None: digest(*[_rows(t[name]) for name in sorted(t)])}
    for code in pemda.opd_codes():
        own = set(pemda.owned_by(code))
        requests = [r for r in _rows(t["lintas_opd"])
                    if r.get("id_pohon") in own or r.get("kode_opd_mitra") == code]
        nodes = own | {a for n in own for a in pemda.ancestors(n)}
        nodes |= {r.get("id_pohon") for r in requests} | {r.get("id_pohon_mitra") for r in requests}
        indicators = _rows(t["indikator"], "id_pohon", nodes)
        prints[code] = digest(
            common, _rows(t["pohon"], "id", nodes), indicators, requests,
            _rows(t["anggaran"], "id_pohon", nodes),
            _rows(t["penilaian_indikator"], "id_indikator", {r.get("id") for r in indicators}),
            _shared_root_rows(pemda, code),
        )
    return prints


def _shared_root_rows(pemda: Pemda, code: str) -> list:
    """The rows an OPD's shared root problems are read from: the problems of every OPD whose
    problems are joined to its own (their core problems decide what is shared), the conditions
    of those OPDs and those converted from the joined problems, and the crosscutting requests
    among those OPDs. For an OPD whose problems join no other OPD's, its own problems."""
    from ..method.shared_roots import involved_problems

    t, graph = pemda.tables, pemda.problems
    involved = involved_problems(pemda, code)
    opds = {code} | {graph.nodes[p].get("kode_opd") for p in involved}
    owner = {n: pemda.node(n).get("kode_opd") for n in pemda.tree}
    return [_rows(t["masalah"], "kode_opd", opds),
            _rows(t["pohon"], "kode_opd", opds - {code}), _rows(t["pohon"], "asal_masalah", involved),
            [r for r in _rows(t["lintas_opd"]) if len(opds) > 1 and (
                r.get("kode_opd_mitra") in opds or owner.get(r.get("id_pohon")) in opds)]]


def _filedigest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:20]


# --------------------------------------------------------------------------- planning


def plan(pemda: Pemda, out: Path, *, only: list[str] | None = None, overview: bool = True,
         tahun: int | None = None, skala: str = DEFAULT_SCALE, html_pages: bool = True,
         timeout: int | None = 600, templates: Path = TEMPLATES,
         batas_atas: float | None = None) -> list[Task]:
    """The notebooks of a batch: the overview first (unless ``overview`` is off), then three per
    OPD (only those in ``only``, when given)."""
    tasks = _all_tasks(pemda, out, tahun=tahun, skala=skala, html_pages=html_pages, timeout=timeout,
                       templates=templates, batas_atas=batas_atas)
    return select(tasks, pemda, only, overview)


def select(tasks: list[Task], pemda: Pemda, only: list[str] | None, overview: bool) -> list[Task]:
    """The tasks of the OPDs in ``only`` (all when None), with the overview or without."""
    if only:
        unknown = [c for c in only if c not in pemda.opd_codes()]
        if unknown:
            raise BatchError(f"Kode OPD tidak ada di sheet opd: {', '.join(unknown)}")
    return [t for t in tasks if (overview if t.kode_opd is None else not only or t.kode_opd in only)]


def _all_tasks(pemda: Pemda, out: Path, *, tahun, skala, html_pages, timeout, templates,
               batas_atas) -> list[Task]:
    codes = pemda.opd_codes()
    base = pemda_folder(out, pemda.info.get("kode_pemda"))
    prints = input_fingerprints(pemda)
    parameters = {"data_path": str(Path(pemda.source).resolve()), "skala": skala,
                  "interaktif": False, "folder_keluaran": str(out)}
    if tahun is not None:
        parameters["tahun"] = int(tahun)
    if batas_atas is not None:
        parameters["batas_atas"] = batas_atas
    paths = {step: Path(templates) / f"{step}.ipynb" for step in (OVERVIEW, *STEPS)}
    missing = [str(p) for p in paths.values() if not p.exists()]
    if missing:
        raise BatchError(f"Templat notebook tidak ada: {', '.join(missing)}")
    digests = {step: _filedigest(path) for step, path in paths.items()}

    def task(step: str, code: str | None) -> Task:
        params = dict(parameters, kode_opd=code or (codes[0] if codes else ""))
        folder = opd_folder(out, pemda.info.get("kode_pemda"), code) if code else base
        fingerprint = digest(prints[code], digests[step], params, __version__, html_pages)
        key = f"{code}/{step}" if code else step
        return Task(key, code, str(paths[step]), str(folder / f"{step}.ipynb"), params,
                    fingerprint, html_pages, timeout, report_title(pemda, step, code, tahun))

    return [task(OVERVIEW, None)] + [task(step, code) for code in codes for step in STEPS]


# --------------------------------------------------------------------------- executing


def execute_task(task: Task) -> TaskResult:
    """Run one notebook on this worker's warm kernel; retry once if the kernel dies."""
    import papermill as pm
    from nbclient.exceptions import DeadKernelError

    from . import engine

    target = Path(task.notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    engine.set_thread_cwd(str(target.parent))
    start = time.perf_counter()
    error, failing_cell, attempts = None, None, 0
    while attempts < 2:
        attempts += 1
        error, failing_cell, retry = None, None, False
        with atomic_path(target, overwrite=True) as tmp:
            try:
                pm.execute_notebook(task.template, str(tmp), parameters=task.parameters,
                                    engine_name=engine.ENGINE_NAME, kernel_name="python3",
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

    from .engine import die_with_parent, warm_kernel, watch_parent

    util.Finalize(None, lambda: warm_kernel().shutdown(), exitpriority=10)
    die_with_parent(signal.SIGKILL)  # Linux: the system ends the worker with the batch...
    watch_parent()  # ...and everywhere the worker watches for it itself


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


# --------------------------------------------------------------------------- manifest


def manifest_path(out: Path, pemda: Pemda) -> Path:
    return pemda_folder(out, pemda.info.get("kode_pemda")) / "manifest.json"


def read_manifest(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if data.get("format") == MANIFEST_FORMAT else {}
    except (OSError, ValueError):
        return {}


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
    notes: list[str] = field(default_factory=list)  # e.g. a stale lock taken over

    @property
    def failed(self) -> list[str]:
        return [k for k, r in self.results.items() if r["status"] != "ok"]


def run_batch(data: str | Path | Pemda | None = None, out: str | Path = "out", *,
              jobs: int | None = None, only: list[str] | None = None, overview: bool = True,
              html_pages: bool = True, force: bool = False, scheduler: str | None = None,
              tahun: int | None = None, skala: str = DEFAULT_SCALE, timeout: int | None = 600,
              progress: bool = True, templates: str | Path = TEMPLATES,
              batas_atas: float | None = None, briefs: bool = True, wait: bool = False) -> BatchReport:
    """Run (or bring up to date) every OPD's notebooks; see the module docstring.

    ``pohon-nb run`` is this with one OPD in ``only``, no overview and ``force``: one way to run
    a notebook. The index page always lists every OPD (those not run yet as "belum"). The Pemda's
    output folder is locked for the whole run (:mod:`pohon_nb.core.lock`): a second batch on it
    raises :class:`~pohon_nb.core.lock.FolderBusy`, or waits its turn with ``wait``.
    """
    pemda = data if isinstance(data, Pemda) else load(data)
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
    if tahun is None:  # the latest year with realisation (a Renstra 2019-2023 is assessed on 2023)
        tahun = pemda.default_year()
    checked = check(pemda, CheckConfig(tahun=tahun))  # the one checked model every page reads
    blocking = checked.blocking
    if blocking.workbook:
        raise BatchError(workbook_message(pemda, blocking.workbook))
    out = Path(out).resolve()
    every = plan(pemda, out, tahun=tahun, skala=skala, html_pages=html_pages,
                 timeout=timeout, templates=Path(templates), batas_atas=batas_atas)
    tasks = select(every, pemda, only, overview)
    mpath = manifest_path(out, pemda)
    manifest = read_manifest(mpath)
    previous = manifest.get("notebooks", {}) if manifest else {}
    runs = manifest.get("riwayat", []) if manifest else []
    kept_briefs = manifest.get("ringkasan", {}) if manifest else {}
    report = BatchReport(manifest=mpath)
    todo, blocked = [], []
    for task in tasks:
        if blocking.blocks(task.kode_opd):
            blocked.append(task)
            continue
        old = previous.get(task.key)
        complete = (old and old.get("status") == "ok" and old.get("fingerprint") == task.fingerprint
                    and Path(task.notebook).exists()
                    and (not task.html or Path(task.notebook).with_suffix(".html").exists()))
        if complete and not force:
            report.skipped.append(task.key)
        else:
            todo.append(task)
    manifest = {
        "format": MANIFEST_FORMAT, "pohon_nb": __version__,
        "source": str(Path(pemda.source).resolve()),
        "source_fingerprint": input_fingerprints(pemda)[None],
        "kode_pemda": pemda.info.get("kode_pemda"),
        "parameters": {"tahun": tahun, "skala": skala, "html": html_pages, "timeout": timeout,
                       "batas_atas": batas_atas},
        "templates": {Path(t.template).name: _filedigest(Path(t.template))
                      for t in every if t.kode_opd in (None, every[-1].kode_opd)},
        "notebooks": {k: v for k, v in previous.items()},
        "riwayat": runs, "ringkasan": kept_briefs,
    }
    history.record(pemda, out, manifest, manifest["source_fingerprint"])
    fingerprints = {t.key: t.fingerprint for t in tasks}
    for key in report.skipped:
        report.results[key] = previous[key]
    for task in blocked:
        errors = blocking.blocks(task.kode_opd)
        entry = asdict(TaskResult(task.key, "diblokir", 0.0, task.notebook, None,
                                  blocked_message(task.kode_opd, errors)))
        entry.update(fingerprint=None, kode_opd=task.kode_opd,
                     errors=[f.as_dict() for f in errors])
        manifest["notebooks"][task.key] = entry
        report.blocked.setdefault(task.kode_opd, entry["errors"])
    _save_manifest(mpath, manifest)
    if todo:
        _run(todo, jobs or os.cpu_count() or 1, scheduler, progress, manifest, mpath, fingerprints,
             tasks, report)
    report.change = history.compare_with_earlier(checked, out, manifest)
    if briefs and not report.interrupted:  # Ctrl-C: stop, the next run writes them
        codes = [c for c in pemda.opd_codes() if any(t.kode_opd == c for t in tasks)]
        blocked_codes = {c for c in codes if blocking.blocks(c)}
        report.briefs = write_briefs(checked, out, manifest, input_fingerprints(pemda), tahun,
                                     skala, batas_atas, report.change, blocked_codes, codes)
        _save_manifest(mpath, manifest)
    report.index = write_index(checked, out, every, manifest["notebooks"], tahun, skala,
                               batas_atas, report.change)
    done = manifest["notebooks"]
    report.results = {t.key: done[t.key] for t in tasks if t.key in done}
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def _run(todo, jobs, scheduler, progress, manifest, mpath, fingerprints, tasks, report) -> None:
    from tqdm.auto import tqdm

    bar = tqdm(total=len(todo), unit="notebook", disable=not progress, desc="pohon-nb")
    executor, client = (None, None)
    if jobs > 1 or scheduler:
        executor, client = make_executor(jobs, scheduler)
    try:
        with _ctrl_c() as asked:
            if executor is None:
                results = (execute_task(t) for t in todo)
                for task, result in zip(todo, results):
                    _record(task, result, manifest, mpath, fingerprints, report, bar)
                    _stop_if(asked)
            else:
                futures = {executor.submit(execute_task, t): t for t in todo}
                for future in cf.as_completed(futures):
                    task = futures[future]
                    try:
                        result = future.result()
                    except Exception as exc:  # the worker itself failed: recorded, others go on
                        result = TaskResult(task.key, "gagal", 0.0, task.notebook, None,
                                            f"{type(exc).__name__}: {exc}")
                    _record(task, result, manifest, mpath, fingerprints, report, bar)
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


def _record(task, result, manifest, mpath, fingerprints, report, bar) -> None:
    entry = asdict(result)
    entry["fingerprint"] = fingerprints[task.key]
    entry["kode_opd"] = task.kode_opd
    manifest["notebooks"][task.key] = entry
    _save_manifest(mpath, manifest)
    report.ran.append(task.key)
    bar.set_postfix_str(task.key[-40:])
    bar.update(1)


def _save_manifest(path: Path, manifest: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, json.dumps(manifest, indent=1, ensure_ascii=False, default=str))


# --------------------------------------------------------------------------- index page


def write_index(checked: Checked, out: Path, tasks: list[Task], entries: dict,
                tahun: int | None, skala: str, batas_atas: float | None = None,
                change: history.Change | None = None) -> Path:
    """``index.html``: every OPD with status, headline figures, links and time; escaped. After
    an earlier, different version of the workbook, a column "Sejak asistensi lalu" with each
    OPD's summary of what changed, linked to its page."""
    from ..core.formats import percent
    from ..method.achievement import config_from_cap, get_scale
    from ..method.shared_roots import shared_roots, touching
    from ..method.summary import opd_headlines, predicate_text

    pemda = checked.pemda
    year = tahun if tahun is not None else checked.year
    config = config_from_cap(batas_atas)
    heads = opd_headlines(checked, year, config, scale=skala).set_index("kode_opd")
    shared = shared_roots(pemda, year, config)
    estimates = lke.estimate(checked, year, config, scale=skala)
    base = pemda_folder(out, pemda.info.get("kode_pemda"))
    esc = html.escape

    def errors_list(entry: dict) -> str:
        items = "".join(
            f"<li><b>{esc(e['code'])}</b> {esc(error_location(e))}: {esc(e['message'])}</li>"
            for e in entry.get("errors", []))
        return f"<ul class='err'>{items}</ul>"

    def link(task: Task) -> str:
        entry = entries.get(task.key, {})
        state = entry.get("status", "belum")
        title = esc(STEP_TITLES.get(Path(task.notebook).stem, task.key))
        if state == "diblokir":
            return f"<span class='fail'>{title}: tidak dijalankan</span>"
        target = Path(task.notebook).with_suffix(".html" if task.html else ".ipynb")
        href = urllib.parse.quote(str(target.relative_to(base)))
        css = {"ok": "ok", "gagal": "fail"}.get(state, "todo")
        extra = ""
        if state == "gagal":
            cell = entry.get("failing_cell")
            where = f" (sel {cell})" if cell is not None else ""
            extra = f"<div class='err'>{esc(str(entry.get('error') or ''))}{esc(where)}</div>"
        return f"<a class='{css}' href='{href}'>{title}</a>{extra}"

    by_opd: dict[str, list[Task]] = {}
    for task in tasks[1:]:
        by_opd.setdefault(task.kode_opd, []).append(task)
    rows = []
    for code, opd_tasks in by_opd.items():
        head = heads.loc[code]
        states = [entries.get(t.key, {}).get("status") for t in opd_tasks]
        state = next((s for s in ("diblokir", "gagal") if s in states),
                     "ok" if all(s == "ok" for s in states) else "belum")
        seconds = sum(entries.get(t.key, {}).get("duration", 0) or 0 for t in opd_tasks)
        notebooks = ('<br>'.join(link(t) for t in opd_tasks) if state != "diblokir" else
                     "Notebook tidak dijalankan karena galat di baris OPD ini:"
                     + errors_list(entries[opd_tasks[0].key]))
        brief = opd_folder(out, pemda.info.get("kode_pemda"), code) / BRIEF
        if state != "diblokir" and brief.exists():
            notebooks += (f"<br><a href='{urllib.parse.quote(str(brief.relative_to(base)))}'>Ringkasan "
                          f"(PDF)</a>")
        rows.append(
            f"<tr class='{'fail' if state in ('gagal', 'diblokir') else ''}'>"
            f"<td><code>{esc(code)}</code></td>"
            f"<td>{esc(str(head['nama_opd']))}</td><td class='st-{state}'>{esc(state)}</td>"
            f"<td class='num'>{esc(percent(head['capaian']))}"
            + (f"<div class='mark' title='{esc(head['catatan_capaian'])}'>⚑ {esc(head['tanda'])}</div>"
               if head["tanda"] else "") + "</td>"
            f"<td>{esc(predicate_text(head['capaian'], head['predikat']))}</td>"
            f"<td class='num'>{esc(percent(head['capaian_cabang']))}</td>"
            f"<td class='num'>{head['galat']}</td><td class='num'>{head['peringatan']}</td>"
            f"<td class='num'>{head['info']}</td><td class='num'>{head['permintaan_tertunda']}</td>"
            f"<td class='num'>{len(touching(pemda, code, shared)) or ''}</td>"
            f"<td>{esc(_lke_counts(estimates[code]))}</td>"
            + (f"<td>{_since_cell(change, code, base)}</td>" if change else "") +
            f"<td>{notebooks}</td>"
            f"<td class='num'>{seconds:.1f} s</td></tr>")
    keys = {t.key for t in tasks}
    failed = [k for k in entries if entries[k].get("status") == "gagal" and k in keys]
    blocked = sorted({str(entries[k].get("kode_opd") or "Ikhtisar Pemda") for k in entries
                      if entries[k].get("status") == "diblokir" and k in keys})
    info = pemda.info
    status = []
    if failed:
        status.append(f'<b style="color:#C62828">{len(failed)} notebook gagal</b>')
    if blocked:
        status.append(f'<b style="color:#C62828">{len(blocked)} diblokir karena galat di barisnya: '
                      f'{esc(", ".join(blocked))}</b>')
    status_line = "; ".join(status) or "semua notebook selesai"
    overview = entries.get(tasks[0].key, {})
    overview_html = link(tasks[0]) + (errors_list(overview) if overview.get("status") == "diblokir"
                                      else "")
    overview_html += "<br>" + _shared_roots_line(shared, tasks[0], base, overview.get("status"))
    if (base / ALL_BRIEFS).exists():
        overview_html += (f"<br><a href='{urllib.parse.quote(ALL_BRIEFS)}'>Ringkasan semua OPD (PDF, "
                          f"satu halaman per OPD untuk ditandatangani)</a>")
    overview_html += (f"<br>Perkiraan jawaban LKE Pemda dari workbook (bukan keputusan evaluator): "
                      f"{esc(_lke_counts(estimates[None]))}; rinciannya di Ikhtisar Pemda dan "
                      f"<code>pohon-nb export --what lke</code>.")
    since_header = ""
    if change is not None:
        since_header = "<th>Sejak asistensi lalu</th>"
        page_href = urllib.parse.quote(str(change.page.relative_to(base)))
        overview_html += (f"<br>Sejak versi {esc(change.earlier['tanggal'])} "
                          f"(<code>{esc(Path(change.earlier.get('sumber', '')).name)}</code>): "
                          f"{esc(change.comparison.summary())}. <a href='{page_href}'>Lihat semua "
                          f"perubahan</a>.")
    page = f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>{esc(str(info.get('nama_pemda', '')))}: hasil pohon-nb</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 6px 8px; text-align: left; vertical-align: top; }}
th {{ background: #1F4E78; color: white; }}
td.num {{ text-align: right; }} tr.fail {{ background: #FFEBEE; }}
.st-ok {{ color: #2E7D32; font-weight: bold; }}
.st-gagal, .st-diblokir, span.fail {{ color: #C62828; font-weight: bold; }}
a {{ white-space: nowrap; }} a.fail {{ color: #C62828; }} a.since {{ white-space: normal; }}
.err {{ color: #C62828; font-size: 12px; }} ul.err {{ margin: 4px 0; padding-left: 1.2em; }}
.summary {{ margin: 1em 0; }}
.mark {{ font-size: 11px; color: #8D4B00; white-space: nowrap; }}
</style></head><body>
<h1>{esc(str(info.get('nama_pemda', '')))}</h1>
<p class="summary">Periode {esc(str(info.get('periode_awal', '')))}-{esc(str(info.get('periode_akhir', '')))}.
Data: <code>{esc(Path(pemda.source).name)}</code>.
Capaian tahun {year} dari indikator kondisi teratas setiap OPD (cabang: rata-rata di bawahnya,
tanpa predikat: angka itu menjelaskan, bukan menilai OPD); ⚑ menandai angka yang memuat target
kurang menantang (M07) atau nilai yang dipotong batas atas (arahkan kursor untuk angkanya);
skala {esc(get_scale(skala).title)}, batas atas {esc(_cap_text(config.cap))}. {len(by_opd)} OPD;
{status_line}.
Dibuat {esc(dt.datetime.now().strftime('%Y-%m-%d %H:%M'))} dengan pohon-nb {esc(__version__)}.</p>
<p>{overview_html}</p>
<table><thead><tr><th>Kode OPD</th><th>OPD</th><th>Status</th><th>Capaian</th><th>Predikat</th><th>Cabang</th>
<th>Galat</th><th>Peringatan</th><th>Info</th><th>Crosscutting tertunda</th>
<th title="akar masalah bersama yang melibatkan OPD ini">Akar bersama</th>
<th title="perkiraan jawaban LKE dari workbook, bukan keputusan evaluator">LKE (perkiraan)</th>
{since_header}<th>Notebook</th>
<th>Waktu</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
</body></html>
"""
    target = base / "index.html"
    write_text(target, page)
    return target


def _since_cell(change: history.Change, code: str, base: Path) -> str:
    """An OPD's summary of what changed since the earlier version, linked to its page."""
    text = html.escape(change.comparison.summary(code))
    page = change.opd_pages.get(code)
    if page is None:
        return text
    return f"<a class='since' href='{urllib.parse.quote(str(page.relative_to(base)))}'>{text}</a>"


def _lke_counts(estimates: list) -> str:
    """The estimated answers of the criteria the workbook decides, counted ("BB 5 · B 1 · E 2")."""
    answers = [e.answer for e in estimates if e.decided]
    order = [g.answer for g in lke.read_grades()]
    return " · ".join(f"{a} {answers.count(a)}" for a in order if a in answers) or "belum dapat diperkirakan"


SHARED_ROOTS_ANCHOR = "4.-Akar-masalah-bersama"
"""The id nbconvert gives the overview's heading "4. Akar masalah bersama" (linked from the index)."""


def _shared_roots_line(shared, overview: Task, base: Path, state: str | None) -> str:
    """The index's line on shared root problems: how many, the first, and a link to the
    overview's section when it was run."""
    esc = html.escape
    if shared.empty:
        return ("Akar masalah bersama: belum ada (isi kolom <code>menyebabkan</code> sheet masalah "
                "dengan ID masalah OPD lain).")
    first = shared.iloc[0]
    text = (f"Akar masalah bersama: <b>{len(shared)}</b>; teratas {esc(str(first['id']))} "
            f"{esc(str(first['pernyataan']))}.")
    if state == "ok" and overview.html:
        target = Path(overview.notebook).with_suffix(".html").relative_to(base)
        text += (f" <a href='{urllib.parse.quote(str(target))}#{SHARED_ROOTS_ANCHOR}'>Lihat peringkat dan "
                 f"gambarnya di ikhtisar</a>.")
    return text


def error_location(error: dict) -> str:
    """A manifest error's location: sheet, row, column (letter) and id."""
    parts = [f"sheet {error['sheet']}" if error.get("sheet") else "",
             f"baris {error['row']}" if error.get("row") is not None else "",
             (f"kolom {error['column']}" + (f" ({error['column_letter']})"
                                            if error.get("column_letter") else ""))
             if error.get("column") else "",
             f"id {error['ref']}" if error.get("ref") else ""]
    return ", ".join(p for p in parts if p)


def _cap_text(cap: float | None) -> str:
    from ..core.formats import number_text

    return "tanpa batas" if cap is None else f"{number_text(cap)}%"
