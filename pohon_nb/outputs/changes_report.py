"""The comparison of two workbook versions as people read it: an HTML page (the whole Pemda, or
one OPD) and a workbook for the record. Text from the workbooks is escaped; files are written
atomically and never replace an existing one unless asked to."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pandas as pd

from .. import __version__
from ..core.atomic import write_text
from ..method.changes import PARTS, Comparison
from .exports import Col, export_tables

STATUS_TITLES = {"selesai": "Temuan selesai", "baru": "Temuan baru", "masih": "Temuan masih terbuka"}

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; max-width: 1200px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 0.5em 0 1em; }
th, td { border-bottom: 1px solid #ddd; padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #1F4E78; color: white; }
td.num { text-align: right; }
.lama { color: #6D4C41; } .baru { color: #1B5E20; }
h2 { border-top: 2px solid #1F4E78; padding-top: 0.6em; margin-top: 1.6em; }
.ket { color: #555; font-size: 13px; }
"""


def opd_label(comparison: Comparison, kode_opd: str) -> str:
    pemda = comparison.new if kode_opd in comparison.new.opd_codes() else comparison.old
    return f"{pemda.opd_name(kode_opd)} ({kode_opd})" if kode_opd else "Pemda (baris tanpa OPD)"


def page(comparison: Comparison, kode_opd: str | None = None) -> str:
    """The HTML page: the Pemda's summary and every OPD, or one OPD's section."""
    esc = html.escape
    new, old = comparison.new, comparison.old
    name = new.info.get("nama_pemda") or ""
    codes = [kode_opd] if kode_opd is not None else sorted(
        [*comparison.opd_codes(), ""], key=lambda c: -_moved(comparison, c))  # changed OPDs first
    title = f"Perubahan sejak versi sebelumnya: {name}" + (f", {opd_label(comparison, kode_opd)}"
                                                            if kode_opd is not None else "")
    parts = [f"<h1>{esc(title)}</h1>",
             f"<p class='ket'>Versi sebelumnya: <code>{esc(Path(old.source).name)}</code>; versi baru: "
             f"<code>{esc(Path(new.source).name)}</code>. Temuan dicocokkan menurut aturan dan ID (bukan "
             f"nomor baris), kondisi, indikator dan masalah menurut ID: baris yang hanya berpindah tempat "
             f"tidak dihitung sebagai perubahan. Dibuat {esc(dt.datetime.now().strftime('%Y-%m-%d %H:%M'))} "
             f"dengan pohon-nb {esc(__version__)}.</p>"]
    if kode_opd is None:
        parts.append(f"<p><b>{esc(name)}: {esc(comparison.summary())}.</b></p>")
        rows = "".join(
            f"<tr><td><a href='#{esc(code or 'pemda')}'>{esc(opd_label(comparison, code))}</a></td>"
            f"<td>{esc(comparison.summary(code))}</td></tr>"
            for code in codes if any(comparison.counts(code).values()))
        parts.append(f"<table><tr><th>OPD</th><th>Sejak versi sebelumnya</th></tr>{rows}</table>")
    for code in codes:
        if kode_opd is None and not any(comparison.counts(code).values()):
            continue
        parts.append(_section(comparison, code, heading=kode_opd is None))
    return (f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>{esc(title)}</title>"
            f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>\n")


def _moved(comparison: Comparison, code: str) -> int:
    """How much happened in an OPD: findings resolved or new, and changes (what orders the page)."""
    counts = comparison.counts(code)
    return counts["selesai"] + counts["baru"] + counts["perubahan"]


def _section(comparison: Comparison, code: str, heading: bool) -> str:
    esc = html.escape
    findings = comparison.findings[comparison.findings["kode_opd"] == code]
    changes = comparison.changes[comparison.changes["kode_opd"] == code]
    out = []
    if heading:
        out.append(f"<h2 id='{esc(code or 'pemda')}'>{esc(opd_label(comparison, code))}</h2>")
    out.append(f"<p><b>{esc(comparison.summary(code))}.</b></p>")
    for status in ("selesai", "baru", "masih"):
        rows = findings[findings["status"] == status]
        if rows.empty:
            continue
        body = "".join(f"<tr><td>{esc(r.code)}</td><td>{esc(r.criterion)}</td><td>{esc(r.ref)}</td>"
                       f"<td>{esc(r.letak)}</td><td>{esc(r.message)}</td></tr>" for r in rows.itertuples())
        version = "sebelumnya" if status == "selesai" else "baru"
        out.append(f"<h3>{STATUS_TITLES[status]} ({len(rows)})</h3><table><tr><th>Aturan</th>"
                   f"<th>Kriteria</th><th>ID</th><th>Letak (versi {version})</th><th>Keterangan</th>"
                   f"</tr>{body}</table>")
    if changes.empty:
        out.append("<p class='ket'>Tidak ada kondisi, indikator, crosscutting atau masalah yang berubah.</p>")
    else:
        body = "".join(f"<tr><td>{esc(PARTS[r.bagian])}</td><td>{esc(r.id)}</td><td>{esc(r.perubahan)}</td>"
                       f"<td class='lama'>{esc(r.lama)}</td><td class='baru'>{esc(r.baru)}</td></tr>"
                       for r in changes.itertuples())
        out.append(f"<h3>Perubahan data ({len(changes)})</h3><table><tr><th>Bagian</th><th>ID</th>"
                   f"<th>Perubahan</th><th>Sebelumnya</th><th>Sekarang</th></tr>{body}</table>")
    return "".join(out)


def write_page(comparison: Comparison, path: str | Path, kode_opd: str | None = None, *,
               overwrite: bool = False) -> Path:
    return write_text(path, page(comparison, kode_opd), overwrite=overwrite)


def write_workbook(comparison: Comparison, path: str | Path, *, overwrite: bool = False) -> Path:
    """The comparison for the record: a summary per OPD, every finding with its status, every
    change, and the info sheet naming both versions."""
    codes = [*comparison.opd_codes(), ""]
    summary = pd.DataFrame([{"kode_opd": c, "opd": opd_label(comparison, c), **comparison.counts(c),
                             "ringkasan": comparison.summary(c)} for c in codes])
    findings, changes = comparison.findings, comparison.changes
    findings = findings.assign(opd=[opd_label(comparison, c) for c in findings["kode_opd"]])
    changes = changes.assign(opd=[opd_label(comparison, c) for c in changes["kode_opd"]],
                             bagian=[PARTS[b] for b in changes["bagian"]])
    tables = [
        ("ringkasan", summary, [Col("kode_opd", "Kode OPD", "code", 22), Col("opd", "OPD", width=40),
                                Col("selesai", "Temuan selesai", "int", 10),
                                Col("baru", "Temuan baru", "int", 10),
                                Col("masih", "Masih terbuka", "int", 10),
                                Col("perubahan", "Perubahan data", "int", 10),
                                Col("ringkasan", "Ringkasan", width=50)]),
        ("temuan", findings, [Col("opd", "OPD", width=34), Col("status", "Status", width=10),
                              Col("code", "Aturan", width=8), Col("criterion", "Kriteria", width=9),
                              Col("ref", "ID", "code", 18), Col("letak", "Letak", width=30),
                              Col("message", "Keterangan", width=60)]),
        ("perubahan", changes, [Col("opd", "OPD", width=34), Col("bagian", "Bagian", width=12),
                                Col("id", "ID", "code", 24), Col("perubahan", "Perubahan", width=18),
                                Col("lama", "Sebelumnya", width=45), Col("baru", "Sekarang", width=45)]),
    ]
    notes = [("Versi sebelumnya", comparison.old.source), ("Versi baru", comparison.new.source),
             ("Ringkasan Pemda", comparison.summary()),
             ("Pencocokan", "Temuan menurut aturan dan ID; kondisi, indikator dan masalah menurut ID; "
                            "crosscutting menurut kondisi, mitra dan kondisi mitra. Baris yang berpindah "
                            "tempat bukan perubahan.")]
    book = export_tables(comparison.new, path, tables, notes, what="Perubahan sejak versi sebelumnya",
                         overwrite=overwrite)
    return book
