"""The batch's printed briefs: ``ringkasan.pdf`` beside each OPD's notebooks and one PDF of all
OPDs for the Pemda (``ringkasan_semua_opd.pdf``).

A brief is redone only when what it shows may have changed: the rows its OPD reads, the year,
scale and cap, the earlier version it is compared with, the OPD's agreed follow-up and the day,
or pohon-nb itself (its fingerprint is kept in the manifest, as the notebooks' are). An OPD whose
rows have errors gets no brief.

Each brief is a :class:`BriefTask` the batch runs in the same worker pool as the notebooks, as
soon as its OPD's notebooks are done (:func:`draw_brief`): a worker reads and checks the
workbook once and draws every brief it is given from that model.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..core.fingerprint import digest
from ..core.paths import opd_folder, pemda_folder
from ..method.achievement import config_from_cap
from ..method.changes import Comparison, change_sentence, finding_sentence
from ..method.checked import Checked, check
from ..method.checks import CheckConfig
from ..outputs.brief import brief_pages, merge, write_brief
from ..reading.model import Pemda, load
from .history import Change, compared_with
from .manifest import Manifest

BRIEF = "ringkasan.pdf"
ALL_BRIEFS = "ringkasan_semua_opd.pdf"


def brief_path(out: Path, pemda: Pemda, code: str) -> Path:
    return opd_folder(out, pemda.info.get("kode_pemda"), code) / BRIEF


@dataclass(frozen=True)
class BriefTask:
    """One OPD's brief to draw: everything a worker needs, by value (it may be another process)."""

    kode_opd: str
    source: str  # the workbook (a file or a folder of CSV files)
    target: str
    tahun: int
    skala: str
    batas_atas: float | None
    fingerprint: str  # what the brief is made from, kept in the manifest
    earlier_copy: str | None = None  # the kept version it is compared with
    earlier_date: str | None = None

    @property
    def key(self) -> str:
        return f"{self.kode_opd}/{BRIEF}"


@dataclass
class BriefResult:
    kode_opd: str
    fingerprint: str
    seconds: float
    error: str | None = None


def brief_tasks(checked: Checked, out: Path, manifest: Manifest, prints: dict, tahun: int, skala: str,
                batas_atas: float | None, change: Change | None, blocked: set[str],
                codes: list[str]) -> list[BriefTask]:
    """The briefs of the OPDs in ``codes`` that are not up to date (an OPD with errors gets none,
    and loses the one on record)."""
    pemda = checked.pemda
    kept = manifest.briefs
    earlier = change.earlier["sidik"] if change else None
    base = pemda_folder(out, pemda.info.get("kode_pemda"))
    copy = str(base / change.earlier["salinan"]) if change else None
    tasks = []
    for code in codes:
        path = brief_path(out, pemda, code)
        if code in blocked:
            kept.pop(code, None)
            continue
        # The agreed follow-up and the day (a deadline passes) change what the brief says too.
        follow = [r for r in pemda.tindak_lanjut.to_dict("records") if r.get("kode_opd") == code]
        made_from = digest(prints[code], tahun, skala, batas_atas, earlier, __version__,
                           [{k: str(v) for k, v in r.items()} for r in follow], dt.date.today().isoformat())
        if kept.get(code) == made_from and path.exists():
            continue
        tasks.append(BriefTask(code, str(Path(pemda.source).resolve()), str(path), tahun, skala, batas_atas,
                               made_from, copy, change.earlier["tanggal"] if change else None))
    return tasks


_MODELS: dict[tuple, tuple[Checked, Comparison | None]] = {}
"""This process's checked model (and comparison) per workbook, year and earlier copy: a worker
reads and checks the workbook once for every brief it draws."""


def remember(checked: Checked, task_or_none: BriefTask | None, comparison: Comparison | None) -> None:
    """Give this process the model the batch already checked (a forked worker inherits it)."""
    _MODELS.clear()
    if task_or_none is not None:
        _MODELS[_model_key(task_or_none)] = (checked, comparison)


def forget() -> None:
    """Let the checked model go once the batch is done with it."""
    _MODELS.clear()


def _model_key(task: BriefTask) -> tuple:
    return (task.source, task.tahun, task.earlier_copy)


def _model(task: BriefTask) -> tuple[Checked, Comparison | None]:
    key = _model_key(task)
    if key not in _MODELS:
        _MODELS.clear()  # one workbook at a time: a long-lived worker does not keep old ones
        checked = check(load(task.source), CheckConfig(tahun=task.tahun))
        comparison = compared_with(checked, Path(task.earlier_copy)) if task.earlier_copy else None
        _MODELS[key] = (checked, comparison)
        gc.freeze()  # the model outlives every brief this worker draws: not scanned by each collection
    return _MODELS[key]


def draw_brief(task: BriefTask) -> BriefResult:
    """Draw and write one OPD's brief (in a worker of the batch's pool, or in the batch itself)."""
    start = time.perf_counter()
    try:
        checked, comparison = _model(task)
        changes = _changes(comparison, task.earlier_date, task.kode_opd) if comparison is not None else None
        pages = brief_pages(checked, task.kode_opd, task.tahun, config_from_cap(task.batas_atas), task.skala,
                            changes)
        write_brief(pages, task.target)
        error = None
    except Exception as exc:  # one OPD's brief failing does not stop the others
        error = f"{type(exc).__name__}: {exc}"
    return BriefResult(task.kode_opd, task.fingerprint, round(time.perf_counter() - start, 2), error)


def combine(pemda: Pemda, out: Path, manifest: Manifest, blocked: set[str], redone: bool) -> Path | None:
    """The Pemda's PDF of every OPD's brief on record, merged again when one was redone; None when
    no OPD has a brief."""
    kept = manifest.briefs
    briefs = [brief_path(out, pemda, c) for c in pemda.opd_codes() if c not in blocked and c in kept]
    briefs = [p for p in briefs if p.exists()]
    if not briefs:
        return None
    combined = pemda_folder(out, pemda.info.get("kode_pemda")) / ALL_BRIEFS
    if redone or not combined.exists():
        merge(briefs, combined)
    return combined


def _changes(comparison: Comparison, date: str | None, code: str) -> tuple[str, list[str]]:
    """What a brief says under "Sejak asistensi lalu": the summary, resolved findings, changes."""
    findings = comparison.findings[(comparison.findings["kode_opd"] == code)
                                   & (comparison.findings["status"] != "masih")]
    lines = [finding_sentence(r) for r in findings.itertuples()]
    changes = comparison.changes[comparison.changes["kode_opd"] == code]
    lines += [change_sentence(r) for r in changes.itertuples()]
    return f"Sejak versi {date}: {comparison.summary(code)}.", lines
