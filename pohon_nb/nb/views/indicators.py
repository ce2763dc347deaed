"""The views of indicator selection (``03_pemilihan_indikator``): SMART and CREAM scores and
their reasons, type and polarity, the recommended IKU set and the Manual IKU."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...core.findings import TYPE_AND_TARGET_RULES
from ...method import indicators
from ..display import Folded, Section, code, md, table
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
    # Which criteria fall short, and why, is the next table's: one line per reason. In full view
    # what the room discusses (a low score, a disagreement, an IKU); the others one click below.
    columns = ["id_indikator", "level", "nama", "iku", "skor_smart", "skor_cream", "sumber_skor",
               "beda_pendapat"]
    focus = scores.index.isin(low.index) | scores.index.isin(disagree.index) | scores["iku"].astype(bool)
    if focus.all() or not focus.any():
        return Section(text=text, table=table(scores, columns, optional=("beda_pendapat",)))
    return Section(text=text, table=table(scores[focus], columns, optional=("beda_pendapat",)),
                   rest=Folded(f"{int((~focus).sum())} indikator lain (bukan IKU, SMART dan CREAM "
                               f"{limit}% atau lebih, penilai sepakat)",
                               table(scores[~focus], columns, optional=("beda_pendapat",))))


def score_reasons(ctx: Context) -> list:
    reasons = indicators.score_reasons(ctx.pemda, ctx.kode_opd)
    if reasons.empty:
        return [no_indicators(ctx) or missing(ctx, "indikator")]
    weak = reasons[reasons["skor"] < 2]
    if weak.empty:
        return [f"Semua kriteria SMART dan CREAM dari {reasons['id_indikator'].nunique()} "
                "indikator OPD ini bernilai 2: tidak ada alasan penurunan skor."]
    # One line per reason, with the indicators it applies to: "definisi dan formula belum diisi" once,
    # not indicator by indicator. The assessors' columns only where an assessor scored.
    assessed = bool(weak["jumlah_penilai"].gt(0).any())
    # Without an assessor the score is the automatic one: one column, not two equal ones.
    keys = (["kerangka", "kriteria", "skor_otomatis", "alasan", "skor_penilai", "jumlah_penilai", "skor"]
            if assessed else ["kerangka", "kriteria", "skor", "alasan"])
    given = weak["skor_penilai"].astype(object).where(weak["jumlah_penilai"] > 0, "")
    keyed = weak.assign(skor_penilai=given)
    grouped = (keyed.groupby(keys, sort=False, dropna=False)["id_indikator"]
               .agg(jumlah_indikator="size", daftar_indikator=lambda ids: ", ".join(ids)).reset_index())
    if assessed:
        grouped["skor_penilai"] = grouped["skor_penilai"].replace("", None)
        grouped["jumlah_penilai"] = grouped["jumlah_penilai"].where(grouped["jumlah_penilai"] > 0, None)
    text = (f"Alasan setiap skor di bawah 2 ({len(weak)} kriteria dari {weak['id_indikator'].nunique()} "
            f"indikator), satu baris per alasan dengan indikator yang dikenainya.")
    text += (" Skor penilai (sheet `penilaian_indikator`), bila ada, menggantikan skor otomatis." if assessed
             else " Semua skor otomatis: belum ada penilai untuk kriteria ini.")
    return Section(text=text, table=table(grouped, [*keys, "jumlah_indikator", "daftar_indikator"]))


def type_and_polarity(ctx: Context) -> list:
    own = [f for f in ctx.findings if f.kode_opd == ctx.kode_opd and f.code in TYPE_AND_TARGET_RULES]
    if not own:
        return ["Tidak ada masalah jenis-vs-level atau polaritas-vs-target pada OPD ini."]
    return [f"{len(own)} masalah jenis indikator, polaritas atau target.",
            table(findings_table(own, grouped=True))]


def iku_recommendation(ctx: Context) -> list:
    cfg = ctx.check_config
    flagged: dict[str, list[str]] = {}
    for rule in ("M06", "M07", "M24", "M25"):  # target findings: no credit for the targets
        for ref in ctx.checked.flagged_indicators(rule):
            flagged.setdefault(ref, []).append(rule)
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
    text = f"Manual IKU untuk {len(frame)} IKU terpilih, berdampingan (satu kolom per IKU)."
    if len(incomplete):
        text += (f" {len(incomplete)} masih punya isian kosong: "
                 + "; ".join(f"{md(r.kode)} ({md(r.belum_diisi)})" for r in incomplete.itertuples())
                 + ".")
    sheets: list = []
    # Side by side, IKU_PER_TABLE to a table: the fields (every yearly target of the period) are
    # the rows, each IKU a column, so the page stays as wide as a report; manual_iku.xlsx has
    # one printed sheet per IKU.
    fields = [c for c in frame.columns if c not in ("kode_opd", "belum_diisi", "kode")]
    rows = list(frame.iterrows())
    for start in range(0, len(rows), IKU_PER_TABLE):
        chunk = rows[start:start + IKU_PER_TABLE]
        columns = {str(row["kode"]): [_field_text(c, row[c]) for c in fields] for _, row in chunk}
        sheet = pd.DataFrame({"uraian": [label_of(c) for c in fields], **columns})
        codes = [str(row["kode"]) for _, row in chunk]
        blank = [str(row["kode"]) for _, row in chunk if row["belum_diisi"]]
        # The blanks are named above; the manual itself is one click below (and in the Excel).
        state = f"isian kosong: {', '.join(blank)}" if blank else "lengkap"
        sheets.append(Folded(f"Manual IKU {', '.join(codes)} ({state})", table(sheet)))
    return Section(text=text, sheets=sheets)  # sheets: up to IKU_PER_TABLE IKU each


IKU_PER_TABLE = 3


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
    return [f"Manual IKU ditulis ke {code(path.name)} di folder keluaran OPD ini "
            f"({md(ctx.kode_opd)}/), satu lembar per IKU untuk dicetak."]
