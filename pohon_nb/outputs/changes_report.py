"""The comparison of two workbook versions as people read it: an HTML page (the whole Pemda, or
one OPD) and a workbook for the record. Text from the workbooks is escaped; files are written
atomically and never replace an existing one unless asked to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from .. import __version__
from ..core.atomic import write_text
from ..method.changes import PARTS, Comparison
from .exports import Col, export_tables
from .pages import render

STATUS_TITLES = {"selesai": "Temuan selesai", "baru": "Temuan baru", "masih": "Temuan masih terbuka"}

def opd_label(comparison: Comparison, kode_opd: str) -> str:
    pemda = comparison.new if kode_opd in comparison.new.opd_codes() else comparison.old
    return f"{pemda.opd_name(kode_opd)} ({kode_opd})" if kode_opd else "Pemda (baris tanpa OPD)"


def page(comparison: Comparison, kode_opd: str | None = None) -> str:
    """The HTML page: the Pemda's summary and every OPD, or one OPD's section."""
    new, old = comparison.new, comparison.old
    name = new.info.get("nama_pemda") or ""
    codes = [kode_opd] if kode_opd is not None else sorted(
        [*comparison.opd_codes(), ""], key=lambda c: -_moved(comparison, c))  # changed OPDs first
    if kode_opd is None:  # the Pemda's page lists only the OPDs where something happened
        codes = [c for c in codes if any(comparison.counts(c).values())]
    title = f"Perubahan sejak versi sebelumnya: {name}" + (f", {opd_label(comparison, kode_opd)}"
                                                            if kode_opd is not None else "")
    return render("changes.html.j2", title=title, narrow=True, old_name=Path(old.source).name,
                  new_name=Path(new.source).name, made=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
                  version=__version__, pemda_name=name,
                  pemda_summary=comparison.summary() if kode_opd is None else None,
                  opd_rows=[{"anchor": code or "pemda", "label": opd_label(comparison, code),
                             "summary": comparison.summary(code)} for code in codes],
                  sections=[_section(comparison, code, heading=kode_opd is None) for code in codes])


def _moved(comparison: Comparison, code: str) -> int:
    """How much happened in an OPD: findings resolved or new, and changes (what orders the page)."""
    counts = comparison.counts(code)
    return counts["selesai"] + counts["baru"] + counts["perubahan"]


def _section(comparison: Comparison, code: str, heading: bool) -> dict:
    findings = comparison.findings[comparison.findings["kode_opd"] == code]
    changes = comparison.changes[comparison.changes["kode_opd"] == code]
    groups = []
    for status in ("selesai", "baru", "masih"):
        rows = findings[findings["status"] == status]
        if len(rows):
            groups.append({"title": STATUS_TITLES[status], "rows": rows.to_dict("records"),
                           "version": "sebelumnya" if status == "selesai" else "baru"})
    return {"heading": heading, "anchor": code or "pemda", "label": opd_label(comparison, code),
            "summary": comparison.summary(code), "findings": groups,
            "changes": changes.assign(bagian=[PARTS[b] for b in changes["bagian"]]).to_dict("records")}


def write_page(comparison: Comparison, path: str | Path, kode_opd: str | None = None, *,
               overwrite: bool = False) -> Path:
    return write_text(path, page(comparison, kode_opd), overwrite=overwrite)


def write_workbook(comparison: Comparison, path: str | Path, *, overwrite: bool = False) -> Path:
    """The comparison for the record: a summary per OPD, every finding with its status, every
    change, and the info sheet naming both versions."""
    codes = [*comparison.opd_codes(), ""]
    summary = pd.DataFrame([{"kode_opd": c, "opd": opd_label(comparison, c), **comparison.counts(c),
                             "ringkasan": comparison.summary(c)} for c in codes])
    # Grouped by OPD, in the workbook's order of OPDs (the Pemda's own rows last), each OPD's rows
    # together, so one OPD's page of the record reads on its own.
    order = {code: rank for rank, code in enumerate(codes)}

    def by_opd(frame: pd.DataFrame) -> pd.DataFrame:
        rank = frame["kode_opd"].map(lambda c: order.get(c or "", len(order)))
        return frame.assign(_urutan=rank).sort_values("_urutan", kind="stable").drop(columns="_urutan")

    findings, changes = by_opd(comparison.findings), by_opd(comparison.changes)
    findings = findings.assign(opd=[opd_label(comparison, c) for c in findings["kode_opd"]])
    changes = changes.assign(opd=[opd_label(comparison, c) for c in changes["kode_opd"]],
                             bagian=[PARTS[b] for b in changes["bagian"]])
    tables = [
        ("ringkasan", summary, [Col("kode_opd", width=22), Col("opd", width=40),
                                Col("selesai", width=10),
                                Col("baru", "Temuan baru", "int", width=10),
                                Col("masih", width=10),
                                Col("perubahan", "Perubahan data", "int", width=10),
                                Col("ringkasan", width=50)]),
        ("temuan", findings, [Col("opd", width=34), Col("status", width=10),
                              Col("code", "Aturan", width=8), Col("criterion", width=9),
                              Col("ref", width=18), Col("letak", width=30),
                              Col("message", width=60)]),
        ("perubahan", changes, [Col("opd", width=34), Col("bagian", width=12),
                                Col("id", width=24), Col("perubahan", "Perubahan", "text", width=18),
                                Col("lama", width=45), Col("baru", width=45)]),
    ]
    notes = [("Versi sebelumnya", comparison.old.source), ("Versi baru", comparison.new.source),
             ("Ringkasan Pemda", comparison.summary()),
             ("Pencocokan", "Temuan menurut aturan dan ID; kondisi, indikator dan masalah menurut ID; "
                            "crosscutting menurut kondisi, mitra dan kondisi mitra. Baris yang berpindah "
                            "tempat bukan perubahan.")]
    book = export_tables(comparison.new, path, tables, notes, what="Perubahan sejak versi sebelumnya",
                         overwrite=overwrite)
    return book
