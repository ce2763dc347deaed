"""The views of indicator selection (``03_pemilihan_indikator``): SMART and CREAM scores and
their reasons, type and polarity, the recommended IKU set and the Manual IKU."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...core.findings import TYPE_AND_TARGET_RULES, repeated
from ...core.formats import number_text
from ...method import indicators
from ..display import Section, md, table
from .context import (
    Context,
    findings_table,
    missing,
    no_indicators,
    opd_folder,
)


def indicator_scores(ctx: Context) -> list:
    scores = indicators.indicator_scores(ctx.pemda, ctx.kode_opd)
    if scores.empty:
        return [no_indicators(ctx) or missing(ctx, "indikator")]
    limit = indicators.LOW_SCORE
    low = scores[(scores["skor_smart"] < limit) | (scores["skor_cream"] < limit)]
    text = (f"{len(scores)} indikator dinilai (0-2 per kriteria; persen dari 10 poin). "
            f"{len(low)} indikator di bawah {limit}% pada SMART atau CREAM.")
    if ctx.pemda.penilaian_indikator.empty:
        text += (" Semua skor otomatis: belum ada penilaian penilai (sheet "
                 "`penilaian_indikator`).")
    disagree = scores[scores["beda_pendapat"] != ""]
    if len(disagree):
        text += " Penilai berbeda pendapat pada: " + ", ".join(
            f"{md(r.id_indikator)} ({md(r.beda_pendapat)})" for r in disagree.itertuples()) + "."
    names = {c: f"{f}-{k}" for c, (f, k, _) in indicators.CRITERIA.items()}
    scores["kriteria_lemah"] = [
        ", ".join(f"{names[c]} ({number_text(row[c])})" for c in indicators.CRITERIA if row[c] < 2)
        for _, row in scores.iterrows()]
    return [text, table(scores, ["id_indikator", "level", "nama", "iku", "skor_smart", "skor_cream",
                                 "kriteria_lemah", "sumber_skor", "beda_pendapat"])]


def score_reasons(ctx: Context) -> list:
    reasons = indicators.score_reasons(ctx.pemda, ctx.kode_opd)
    if reasons.empty:
        return [no_indicators(ctx) or missing(ctx, "indikator")]
    weak = reasons[reasons["skor"] < 2]
    if weak.empty:
        return [f"Semua kriteria SMART dan CREAM dari {reasons['id_indikator'].nunique()} "
                "indikator OPD ini bernilai 2: tidak ada alasan penurunan skor."]
    return Section(text=f"Alasan setiap skor di bawah 2 ({len(weak)} kriteria). Skor penilai, bila "
                        f"ada, menggantikan skor otomatis.",
                   table=table(weak, ["id_indikator", "nama", "kerangka", "kriteria", "skor_otomatis",
                                      "alasan", "skor_penilai", "jumlah_penilai", "skor"]))


def type_and_polarity(ctx: Context) -> list:
    own = [f for f in ctx.findings if f.kode_opd == ctx.kode_opd and f.code in TYPE_AND_TARGET_RULES]
    if not own:
        return ["Tidak ada masalah jenis-vs-level atau polaritas-vs-target pada OPD ini."]
    lines = repeated(own)
    summary_ = (" Berulang: " + "; ".join(md(line) for line in lines) + ".") if lines else ""
    return [f"{len(own)} masalah jenis indikator, polaritas atau target.{summary_}",
            table(findings_table(own))]


def iku_recommendation(ctx: Context) -> list:
    cfg = ctx.check_config
    flagged: dict[str, list[str]] = {}
    for code in ("M06", "M07", "M24", "M25"):  # target findings: no credit for the targets
        for ref in ctx.checked.flagged_indicators(code):
            flagged.setdefault(ref, []).append(code)
    table_ = indicators.recommend_iku(ctx.pemda, ctx.kode_opd, cfg.max_iku_per_sasaran,
                                      cfg.max_iku_per_opd, flagged)
    if table_.empty:
        return [no_indicators(ctx) or missing(ctx, "sasaran")]
    chosen = table_[table_["direkomendasikan"]]
    changes = table_[table_["direkomendasikan"] != table_["iku_sekarang"]]
    text = (f"Usulan {len(chosen)} IKU (batas {cfg.max_iku_per_sasaran} per sasaran, "
            f"{cfg.max_iku_per_opd} per OPD); sekarang {int(table_['iku_sekarang'].sum())} IKU.")
    if len(changes):
        text += f" {len(changes)} perubahan dari penetapan sekarang (lihat kolom IKU sekarang)."
    ties = table_[table_["seri"]]
    if len(ties):
        text += (f" **Seri di batas:** {md(', '.join(ties['id_indikator']))} sama kuat; urutan di antara "
                 f"mereka bukan penilaian, putuskan bersama OPD.")
    return [text, table(table_, ["id_pohon", "id_indikator", "nama", "jenis", "skor", "peringkat", "seri",
                                 "iku_sekarang", "direkomendasikan", "alasan"])]


def manual_iku(ctx: Context) -> list:
    frame = indicators.manual_iku(ctx.pemda, ctx.kode_opd)
    if frame.empty:
        return [no_indicators(ctx) or missing(ctx, "iku")]
    incomplete = frame[frame["belum_diisi"] != ""]
    text = f"Manual IKU untuk {len(frame)} IKU terpilih, satu lembar per IKU."
    if len(incomplete):
        text += (f" {len(incomplete)} masih punya isian kosong: "
                 + "; ".join(f"{md(r.kode)} ({md(r.belum_diisi)})" for r in incomplete.itertuples())
                 + ".")
    sheets: list = []
    # One sheet per IKU (field, content), as a Manual IKU is printed: a page wide enough for
    # every field and every yearly target, however many years the period has.
    fields = [c for c in frame.columns if c not in ("kode_opd", "belum_diisi")]
    for _, row in frame.iterrows():
        sheet = pd.DataFrame({"uraian": [label_of(c) for c in fields],
                              "isi": [_field_text(c, row[c]) for c in fields]})
        sheets += [f"**{md(row['kode'])}** {md(row['nama'] or '')}", table(sheet)]
    return Section(text=text, sheets=sheets)  # sheets: each IKU's title, then its sheet


def label_of(column: str) -> str:
    """A Manual IKU field's label ("Sasaran yang diukur", "Target 2026")."""
    from ..display import label

    return dict(indicators.MANUAL_FIELDS).get(column) or label(column)


def _field_text(column: str, value) -> str:
    from ..display import cell_text

    return cell_text(column, value) or "(belum diisi)"


def manual_iku_export(ctx: Context) -> list:
    from ...outputs.exports import export_manual_iku

    if indicators.manual_iku(ctx.pemda, ctx.kode_opd).empty:
        return ["*Manual IKU tidak ditulis ke Excel: OPD ini belum punya IKU terpilih.*"]
    target = opd_folder(ctx) / "manual_iku.xlsx"

    def write() -> Path:
        return export_manual_iku(ctx.pemda, target, ctx.kode_opd, overwrite=True)

    # Written once per OPD and workbook: a widget change (year, scale) does not change the
    # Manual IKU, so it does not rewrite the file; a file removed since is written again.
    path = ctx.pemda.memo(("manual_iku_file", ctx.kode_opd, str(target)), write)
    if not path.exists():
        path = write()
    # The file's name beside this report, not the path of the machine that made it.
    return [f"Manual IKU ditulis ke `{md(path.name)}` di folder keluaran OPD ini "
            f"({md(ctx.kode_opd)}/)."]
