"""Running the step notebooks for one OPD with papermill, and exporting them to HTML.

Outputs go to ``<out>/<kode_pemda>/<kode_opd>/NN_<step>.ipynb`` and ``.html`` (inputs hidden
for readers), folder names made safe from the codes. Every file is written under a
temporary name and renamed when complete, so an interrupted run never leaves a file that
looks finished. A notebook whose cell fails is still written, with the error visible.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .atomic import atomic_path
from .blocking import blocked_message, classify, workbook_message
from .engine import KERNEL_ARGUMENTS
from .model import load
from .paths import TEMPLATES, opd_folder

STEPS = ("01_identifikasi_masalah", "02_pemetaan_kausal", "03_pemilihan_indikator")
OVERVIEW = "00_ikhtisar_pemda"
STEP_TITLES = {OVERVIEW: "Ikhtisar Pemda", "01_identifikasi_masalah": "1 Identifikasi masalah",
               "02_pemetaan_kausal": "2 Pemetaan kausal", "03_pemilihan_indikator": "3 Pemilihan indikator"}


@dataclass
class StepResult:
    """What running one notebook gave: where it is, and the error if a cell failed."""

    step: str
    notebook: Path
    html: Path | None
    error: str | None = None


class RunError(Exception):
    """The run cannot start (bad workbook, unknown OPD); the message says why."""


_EXPORTER = None
INTERACTIVE_TAG = "hanya-interaktif"
"""Cells that only make sense in JupyterLab (how to run, the scorers): left out of reports."""


def html_exporter():
    """One reused HTML exporter: inputs, prompts and JupyterLab-only cells hidden."""
    global _EXPORTER
    if _EXPORTER is None:
        from nbconvert import HTMLExporter
        from nbconvert.preprocessors import TagRemovePreprocessor

        _EXPORTER = HTMLExporter(exclude_input=True, exclude_input_prompt=True,
                                 exclude_output_prompt=True)
        remove = TagRemovePreprocessor(remove_cell_tags={INTERACTIVE_TAG}, enabled=True)
        _EXPORTER.register_preprocessor(remove, enabled=True)
    return _EXPORTER


def write_html(notebook: Path, target: Path, title: str | None = None) -> Path:
    """The executed notebook as a report: ``title`` in the page's title (else the file name)."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    resources = {"metadata": {"name": title or Path(notebook).stem}}
    body, _ = html_exporter().from_notebook_node(nb, resources=resources)
    with atomic_path(target, overwrite=True) as tmp:
        tmp.write_text(body, encoding="utf-8")
    return target


def report_title(pemda, step: str, kode_opd: str | None, tahun: int | None) -> str:
    """The title of a report page: step, OPD, Pemda, year."""
    who = f"{pemda.opd_name(kode_opd)} ({kode_opd})" if kode_opd else None
    parts = [STEP_TITLES.get(step, step), who, pemda.info.get("nama_pemda"),
             f"tahun {tahun or 2025}"]
    return " · ".join(str(p) for p in parts if p)


def run_notebook(template: Path, target: Path, parameters: dict, html: bool = True,
                 cwd: Path | None = None, title: str | None = None) -> StepResult:
    """Execute one template with papermill into ``target`` (atomically) and export it."""
    import papermill as pm

    error = None
    logging.getLogger("papermill").setLevel(logging.WARNING)
    with atomic_path(target, overwrite=True) as tmp:
        try:
            pm.execute_notebook(str(template), str(tmp), parameters=parameters,
                                kernel_name="python3", progress_bar=False,
                                cwd=str(cwd) if cwd else None, extra_arguments=KERNEL_ARGUMENTS)
        except pm.PapermillExecutionError as exc:
            error = f"{exc.ename}: {exc.evalue}"  # the notebook is kept, with the error in it
    page = write_html(target, target.with_suffix(".html"), title) if html else None
    return StepResult(template.stem, target, page, error)


def run_opd(data: str | Path | None, kode_opd: str, out: str | Path = "out", *,
            tahun: int | None = None, skala: str = "lima_tingkat", html: bool = True,
            batas_atas: float | None = None,
            steps: tuple[str, ...] = STEPS) -> list[StepResult]:
    """Run the step notebooks for one OPD; return one result per step.

    Raises
    ------
    RunError
        When the workbook has errors that stop everything or sit on this OPD's rows (see
    :mod:`pohon_nb.blocking`), or the OPD is not in it (nothing is run then).
    """
    pemda = load(data)
    blocking = classify(pemda, pemda.findings)
    if blocking.workbook:
        raise RunError(workbook_message(pemda, blocking.workbook))
    if kode_opd not in pemda.opd_codes():
        raise RunError(f"Kode OPD {kode_opd!r} tidak ada di sheet opd.")
    if blocking.blocks(kode_opd):
        raise RunError(blocked_message(kode_opd, blocking.blocks(kode_opd)))
    out = Path(out).resolve()
    folder = opd_folder(out, pemda.info.get("kode_pemda"), kode_opd)
    folder.mkdir(parents=True, exist_ok=True)
    parameters = {"data_path": str(Path(pemda.source).resolve()), "kode_opd": kode_opd,
                  "skala": skala, "interaktif": False, "folder_keluaran": str(out)}
    if tahun is not None:
        parameters["tahun"] = int(tahun)
    if batas_atas is not None:
        parameters["batas_atas"] = batas_atas
    return [run_notebook(TEMPLATES / f"{step}.ipynb", folder / f"{step}.ipynb", parameters,
                         html=html, cwd=folder, title=report_title(pemda, step, kode_opd, tahun))
            for step in steps]
