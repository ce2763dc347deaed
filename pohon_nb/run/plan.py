"""What a batch runs: one task per notebook, each with the fingerprint of what it reads.

The Pemda overview once, then the three step notebooks for every OPD. A task's fingerprint is
the digest of the rows its notebook reads (:func:`input_fingerprints`), the template, the
parameters and the package version: a task whose fingerprint matches a completed run in the
manifest is not run again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..core.errors import PohonError
from ..core.fingerprint import digest
from ..core.paths import TEMPLATES, opd_folder, pemda_folder
from ..method.scales import DEFAULT_SCALE
from ..reading.model import Pemda
from .reports import OVERVIEW, STEPS, report_title
from .settings import CELL_TIMEOUT


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
    timeout: int | None = CELL_TIMEOUT
    title: str = ""


class BatchError(PohonError):
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
    receives and the partner conditions they name, the pemda and opd sheets, what its
    shared root problems are read from (:func:`_shared_root_rows`), and its agreed follow-up
    (:func:`_follow_up_rows`).
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
            _follow_up_rows(pemda, code),
        )
    return prints


def _follow_up_rows(pemda: Pemda, code: str) -> list:
    """The OPD's agreed follow-up (each report opens with it), and today's date while it has agreed
    actions: an action turns overdue with the calendar, not with an edit. No rows: nothing, so an
    OPD without agreed actions is not rerun each day."""
    import datetime as dt

    rows = [r for r in _rows(pemda.tables["tindak_lanjut"]) if r.get("kode_opd") == code] \
        if "tindak_lanjut" in pemda.tables else []
    return [rows, dt.date.today().isoformat()] if rows else []


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


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:20]


COMPARING_STEP = "02_pemetaan_kausal"
"""The notebook whose section "Perubahan sejak versi sebelumnya" reads the earlier version."""


def plan(pemda: Pemda, out: Path, *, only: list[str] | None = None, overview: bool = True,
         tahun: int | None = None, skala: str = DEFAULT_SCALE, html_pages: bool = True,
         timeout: int | None = CELL_TIMEOUT, templates: Path = TEMPLATES,
         batas_atas: float | None = None, previous: Path | None = None) -> list[Task]:
    """The notebooks of a batch: the overview first (unless ``overview`` is off), then three per
    OPD (only those in ``only``, when given). ``previous``: the copy of the last different version
    of the workbook, which the causal-mapping notebook compares with (``data_path_sebelumnya``)."""
    tasks = _all_tasks(pemda, out, tahun=tahun, skala=skala, html_pages=html_pages, timeout=timeout,
                       templates=templates, batas_atas=batas_atas, previous=previous)
    return select(tasks, pemda, only, overview)


def select(tasks: list[Task], pemda: Pemda, only: list[str] | None, overview: bool) -> list[Task]:
    """The tasks of the OPDs in ``only`` (all when None), with the overview or without."""
    if only:
        unknown = [c for c in only if c not in pemda.opd_codes()]
        if unknown:
            raise BatchError(f"Kode OPD tidak ada di sheet opd: {', '.join(unknown)}")
    return [t for t in tasks if (overview if t.kode_opd is None else not only or t.kode_opd in only)]


def _all_tasks(pemda: Pemda, out: Path, *, tahun, skala, html_pages, timeout, templates,
               batas_atas, previous=None) -> list[Task]:
    codes = pemda.opd_codes()
    base = pemda_folder(out, pemda.info.get("kode_pemda"))
    prints = input_fingerprints(pemda)
    parameters = {"data_path": str(Path(pemda.source).resolve()), "skala": skala,
                  "interaktif": False, "folder_keluaran": str(out)}
    tahun = pemda.assessed_year(tahun)  # the year every command assesses when none is given
    parameters["tahun"] = tahun
    if batas_atas is not None:
        parameters["batas_atas"] = batas_atas
    paths = {step: Path(templates) / f"{step}.ipynb" for step in (OVERVIEW, *STEPS)}
    missing = [str(p) for p in paths.values() if not p.exists()]
    if missing:
        raise BatchError(f"Templat notebook tidak ada: {', '.join(missing)}")
    digests = {step: file_digest(path) for step, path in paths.items()}

    def task(step: str, code: str | None) -> Task:
        params = dict(parameters, kode_opd=code or (codes[0] if codes else ""))
        folder = opd_folder(out, pemda.info.get("kode_pemda"), code) if code else base
        # The earlier version is not part of the fingerprint: an OPD whose rows did not change is
        # not rerun because a new round began (its changes are none; the index says so).
        fingerprint = digest(prints[code], digests[step], params, __version__, html_pages)
        if previous is not None and step == COMPARING_STEP:
            params["data_path_sebelumnya"] = str(previous)
        key = f"{code}/{step}" if code else step
        return Task(key, code, str(paths[step]), str(folder / f"{step}.ipynb"), params,
                    fingerprint, html_pages, timeout, report_title(pemda, step, code, tahun))

    return [task(OVERVIEW, None)] + [task(step, code) for code in codes for step in STEPS]
