"""The views of problem identification (``01_identifikasi_masalah``): the OPD at a glance, the
indicator gaps, the APKL screen and USG ranking, the core problem and the problem tree."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ...core.formats import number_text, percent
from ...method import achievement, problems, shared_roots, summary
from ...method.checks import indicator_notes
from ...outputs import diagrams
from ...reading.schema import LEVEL_LABELS
from ..display import Folded, Line, Section, md, table
from .context import (
    Context,
    candidates_table,
    headline_row,
    missing,
    no_indicators,
    opd_list,
    year_gap,
)


def opd_glance(ctx: Context) -> list:
    """The OPD at a glance: its conditions by level and its headline figures."""
    levels = Counter(ctx.pemda.level(n) for n in ctx.opd_nodes())
    rows = [{"uraian": f"Kondisi level {lv}", "nilai": levels[lv]}
            for lv in ("intermediate", "immediate", "output", "aksi") if levels[lv]]
    head = headline_row(ctx)
    rows += [
        {"uraian": "Indikator terpilih", "nilai": head["indikator"]},
        {"uraian": "IKU", "nilai": head["iku"]},
        {"uraian": f"Capaian {ctx.tahun} (indikator kondisi teratas OPD)",
         "nilai": percent(head["capaian"])},
        {"uraian": "Predikat", "nilai": summary.predicate_text(head["capaian"], head["predikat"])},
        *([{"uraian": "Catatan capaian", "nilai": head["catatan_capaian"]}]
          if head["catatan_capaian"] else []),
        {"uraian": f"Capaian cabang {ctx.tahun} (rata-rata cabang di bawahnya, penjelas)",
         "nilai": percent(head["capaian_cabang"])},
        {"uraian": "Temuan: galat / peringatan / info",
         "nilai": f"{head['galat']} / {head['peringatan']} / {head['info']}"},
        {"uraian": "Crosscutting diminta OPD ini, belum disepakati mitranya",
         "nilai": head["permintaan_tertunda"]},
        {"uraian": "Crosscutting diminta dari OPD ini, belum dijawab OPD ini",
         "nilai": head["diminta_tertunda"]},
    ]
    frame = pd.DataFrame(rows).astype({"nilai": str})
    # The headline above says these figures in a sentence: what it does not say (the conditions
    # by level) is the line, and the figures as a table are folded beneath it.
    by_level = ", ".join(f"{levels[lv]} {LEVEL_LABELS[lv].lower()}"
                         for lv in ("intermediate", "immediate", "output", "aksi") if levels[lv])
    items = [Line(f"{ctx.opd_name} ({ctx.kode_opd}): "
                  + (f"kondisi per level: {by_level}." if by_level else "belum punya kondisi."),
                  strong=ctx.opd_name),
             Folded("Angka utama OPD dalam satu tabel",
                    table(frame))]
    gap = missing(ctx, "pohon") if not ctx.opd_nodes() else year_gap(ctx, ctx.opd_nodes())
    return items + ([gap] if gap else [])


def indicator_gaps(ctx: Context) -> list:
    """Realisation against target in the year, the worst gaps first, with the trend."""
    gaps = achievement.indicator_gaps(ctx.pemda, ctx.kode_opd, ctx.tahun, ctx.config, ctx.skala)
    if gaps.empty:
        return [no_indicators(ctx) or missing(ctx, "indikator")]
    with_data = gaps.dropna(subset=["capaian"])
    below = with_data[with_data["capaian"] < achievement.TARGET_MET]
    text = (f"{len(with_data)} dari {len(gaps)} indikator punya realisasi {ctx.tahun}; "
            f"{len(below)} di bawah target.")
    if len(below):
        worst = below.iloc[0]
        text += (f" Kesenjangan terbesar: **{md(worst['nama'])}** (capaian {percent(worst['capaian'])}, "
                 f"tren {worst['tren'] or 'belum diketahui'}).")
    gap = year_gap(ctx, ctx.opd_nodes())
    notes = indicator_notes(ctx.pemda, ctx.findings)
    gaps["temuan"] = [notes.get(i) for i in gaps["id_indikator"]]
    flagged = gaps[gaps["temuan"].notna() & gaps["capaian"].notna()]
    if len(flagged):
        text += (f" {len(flagged)} capaian punya catatan temuan (kolom Temuan), mis. target yang "
                 f"kurang menantang: predikatnya perlu dibaca bersama catatan itu.")
    # A range target reads as its range, as in the cascading export; a capped figure says so.
    gaps["target"] = [f"{number_text(lo)}-{number_text(hi)}" if lo is not None and hi is not None and lo != hi
                      else (number_text(t) if t is not None and t == t else None)
                      for t, lo, hi in zip(gaps["target"], gaps["target_min"], gaps["target_maks"])]
    gaps["catatan_capaian"] = [summary.capped_note(v, u)
                               for v, u in zip(gaps["capaian"], gaps["capaian_tanpa_batas"])]
    gaps["predikat"] = [summary.predicate_text(v, p) if isinstance(p, str) else p
                        for v, p in zip(gaps["capaian"], gaps["predikat"])]
    columns = ["id_indikator", "level", "nama", "satuan", "polaritas", "target", "realisasi",
               "capaian", "catatan_capaian", "predikat", "temuan", "realisasi_sebelumnya", "tren",
               "keterangan"]
    # Indicators without a realisation this year have no gap to rank: one sentence names them.
    without = gaps[gaps["capaian"].isna()]
    if len(without) and len(with_data):
        named = "; ".join(f"{md(r.id_indikator)} {md(r.nama)}" + (
            f" ({md(r.keterangan)})" if r.keterangan and r.keterangan != "realisasi belum ada" else "")
            for r in without.itertuples())
        gap = ((gap + " ") if gap else "") + (
            f"Belum punya capaian {ctx.tahun} ({len(without)}; isi `realisasi_{ctx.tahun}` di sheet "
            f"`indikator`): {named}.")
        gaps = gaps[gaps["capaian"].notna()]
    worst_ids = list(below["id_indikator"][:diagrams.TREND_PANELS])
    figure = (diagrams.trend_figure(ctx.pemda, worst_ids, title=f"Tren indikator dengan kesenjangan "
                                                               f"terbesar ({ctx.opd_name})")
              if worst_ids else None)
    # What the room works on in full view (below target, a finding beside the figure, no figure
    # yet); the indicators that met their target without a note one click below.
    settled = gaps["capaian"].ge(achievement.TARGET_MET) & gaps["temuan"].isna()
    optional = ("catatan_capaian", "temuan", "keterangan")
    met = None
    if settled.any() and not settled.all():
        met = Folded(f"{int(settled.sum())} indikator lain mencapai target tanpa catatan temuan",
                     table(gaps[settled], columns, optional=optional))
        gaps = gaps[~settled]
    return Section(text=text, gap=gap or None, table=table(gaps, columns, optional=optional), met=met,
                   figure=figure)


def apkl(ctx: Context) -> list:
    screen = problems.apkl_screen(ctx.pemda, ctx.kode_opd)
    if screen.empty:
        return [missing(ctx, "masalah", "masalah")]
    failed = screen[screen["lolos"] == False]  # noqa: E712 (a column of True/False/None)
    text = (f"{len(screen)} isu disaring; {int((screen['lolos'] == True).sum())} lolos "  # noqa: E712
            f"APKL, {len(failed)} gagal.")
    if len(failed):
        text += " Isu yang gagal tidak diperingkat dengan USG: " + ", ".join(
            f"{md(r.id)} (gagal {r.gagal})" for r in failed.itertuples()) + "."
    incomplete = int(screen["lolos"].isna().sum())
    if incomplete:
        text += (f" {incomplete} isu belum lengkap APKL-nya: isi kolom `apkl_a`, `apkl_p`, "
                 f"`apkl_k`, `apkl_l` (ya/tidak) di sheet `masalah`.")
    rows = table(screen, ["id", "pernyataan", "apkl_a", "apkl_p", "apkl_k", "apkl_l", "lolos", "gagal"])
    if not len(failed) and not incomplete:  # every answer ya: the sentence says it, the rows fold
        return Section(text=text, table=Folded(f"Jawaban APKL {len(screen)} isu (semuanya ya)", rows))
    return Section(text=text, table=rows)


def usg(ctx: Context) -> list:
    if problems.apkl_screen(ctx.pemda, ctx.kode_opd).empty:
        return [missing(ctx, "masalah", "masalah")]
    ranking = problems.usg_ranking(ctx.pemda, ctx.kode_opd)
    if ranking.empty:
        return [missing(ctx, "usg")]
    ties = ranking[ranking["seri"]]
    rows = table(ranking, ["peringkat", "id", "pernyataan", "usg_u", "usg_s", "usg_g", "total", "seri"])
    if ties.empty:  # how the rank is made is the section's opening; the table is the answer
        return [rows]
    text = "Peringkat USG (total U + S + G; nilai sama mendapat peringkat sama)."
    for total, group in ties.groupby("total", sort=False):
        text += (f" **Seri** pada total {number_text(total)}: {md(', '.join(group['id']))}: "
                 f"putuskan dengan diskusi.")
    return [text, rows]


def core_problem(ctx: Context) -> list:
    if problems.apkl_screen(ctx.pemda, ctx.kode_opd).empty:
        return [missing(ctx, "masalah", "masalah")]
    core = problems.core_problem(ctx.pemda, ctx.kode_opd)
    if core.empty:
        return [missing(ctx, "inti")]
    marked = core[core["ditandai_inti"]]
    top = core[core["usg_teratas"]]
    if marked.empty:
        text = ("Belum ada masalah yang ditandai inti (kolom `inti` di sheet `masalah`). Calon dari "
                "USG: " + md(", ".join(top["id"])) + ".")
    elif len(marked) > 1:
        text = f"{len(marked)} masalah ditandai inti ({md(', '.join(marked['id']))}); pilih satu."
    elif bool(marked.iloc[0]["usg_teratas"]):
        text = f"Masalah inti **{md(marked.iloc[0]['pernyataan'])}** juga teratas menurut USG"
        tied = [p for p in top["id"] if p != marked.iloc[0]["id"]]
        text += (f", **seri** dengan {md(', '.join(tied))}: jelaskan mengapa yang ini dipilih."
                 if tied else ".")
        if not tied:  # workbook and USG agree: the sentence says it all, the row is one click away
            return [text, Folded("Baris masalah inti dan peringkat USG-nya", table(core))]
    elif top.empty:
        text = (f"Masalah inti **{md(marked.iloc[0]['pernyataan'])}**; belum ada peringkat USG "
                f"untuk membandingkannya (isi `usg_u`, `usg_s`, `usg_g` di sheet `masalah`).")
    else:
        text = (f"Masalah inti **{md(marked.iloc[0]['pernyataan'])}** bukan yang teratas menurut USG "
                f"({md(', '.join(top['id']))}); jelaskan alasannya atau tinjau ulang.")
    return [text, table(core)]


def problem_tree(ctx: Context) -> list:
    tree = problems.problem_tree(ctx.pemda, ctx.kode_opd)
    if tree.empty:
        return [missing(ctx, "masalah", "masalah")]
    figure = diagrams.problem_tree_figure(ctx.pemda, ctx.kode_opd)
    rows = Folded(f"Peran, kedalaman dan lokus {len(tree)} masalah (yang digambar di atas)", table(tree))
    if not (tree["peran"] == "inti").any():
        return [missing(ctx, "inti"), figure, rows]
    return [figure, rows]


def shared_roots_opd(ctx: Context) -> list:
    """The shared root problems this OPD takes part in, and the crosscutting they call for."""
    if not ctx.pemda.tables["masalah"].rows:
        return [missing(ctx, "masalah", "masalah")]
    everything = shared_roots.shared_roots(ctx.pemda, ctx.tahun, ctx.config)
    frame = shared_roots.touching(ctx.pemda, ctx.kode_opd, everything)
    if frame.empty:
        return [f"*{md(ctx.opd_name)} belum terlibat dalam akar masalah bersama: bila ada, tulis ID "
                f"masalah OPD lain itu di kolom `menyebabkan` sheet `masalah`.*"]
    mine = frame[frame["kode_opd"] == ctx.kode_opd]
    text = (f"{md(ctx.opd_name)} terlibat dalam {len(frame)} akar masalah bersama (peringkat "
            f"semuanya di Ikhtisar Pemda): {len(mine)} dianalisis OPD ini, "
            f"{len(frame) - len(mine)} dari OPD lain yang akibatnya sampai ke masalah OPD ini. "
            f"Akar masalah seperti ini diselesaikan bersama: pastikan ada permintaan "
            f"crosscutting di antara OPD-nya.")
    candidates = shared_roots.crosscutting_candidates(ctx.pemda, frame)
    candidates = candidates[(candidates["kode_opd"] == ctx.kode_opd)
                            | (candidates["kode_opd_mitra"] == ctx.kode_opd)]
    shown = frame.assign(opd=[ctx.pemda.opd_short(c) for c in frame["kode_opd"]],
                         opd_inti=[opd_list(ctx, c) for c in frame["opd_inti"]],
                         masalah_inti=frame["masalah_inti"].str.replace(";", "; "))
    parts = Section(text=text, table=table(shown, ["id", "pernyataan", "opd", "opd_inti", "masalah_inti",
                                                   "crosscutting_ada"]))
    if len(candidates):
        parts = Section(text=text, table=parts.table, candidates=[
            "**Kandidat crosscutting** yang belum ada di workbook (usulan, tidak ditulis ke workbook):",
            candidates_table(ctx, candidates)])
    return parts


def next_steps_identification(ctx: Context) -> list:
    """What the analyst should do next, from what step 1 found."""
    steps = []
    core = problems.core_problem(ctx.pemda, ctx.kode_opd)
    marked = core[core["ditandai_inti"]]
    if core.empty:
        steps.append(missing(ctx, "masalah"))
    elif marked.empty:
        steps.append("Tetapkan satu masalah inti (kolom `inti` = ya di sheet masalah).")
    elif len(marked) > 1:
        steps.append("Sisakan satu masalah inti; yang lain jadikan penyebab atau akibat.")
    ranking = problems.usg_ranking(ctx.pemda, ctx.kode_opd)
    if ranking["seri"].any():
        steps.append("Putuskan isu yang seri dalam USG bersama pimpinan OPD.")
    for f in ctx.findings:
        if f.kode_opd == ctx.kode_opd and f.code == "M15":
            steps.append(f"Hapus skor USG isu {md(f.ref)} yang gagal APKL (sheet masalah baris {f.row}).")
    tree = problems.problem_tree(ctx.pemda, ctx.kode_opd)
    external = tree[(tree["lokus"] == "eksternal") & tree["peran"].isin(["penyebab", "akar"])]
    for row in external.itertuples():
        steps.append(f"Penyebab eksternal {md(row.id)} (*{md(row.pernyataan)}*): siapkan permintaan "
                     f"crosscutting ke OPD yang berwenang.")
    top_tied = set(ranking[(ranking["peringkat"] == 1) & ranking["seri"]]["id"])
    for pid in sorted(top_tied & set(tree[tree["peran"] == "lepas"]["id"])):
        steps.append(f"{md(pid)} seri di peringkat 1 USG: bila dipilih sebagai masalah inti, pohon "
                     f"masalahnya disusun di sekitarnya; jangan keluarkan sebelum diputuskan.")
    loose = tree[(tree["peran"] == "lepas") & ~tree["id"].isin(top_tied)]
    if len(loose):
        steps.append(f"Hubungkan {len(loose)} masalah yang belum tersambung ke masalah inti "
                     f"({md(', '.join(loose['id']))}), atau keluarkan dari pohon masalah.")
    gaps = achievement.indicator_gaps(ctx.pemda, ctx.kode_opd, ctx.tahun, ctx.config, ctx.skala)
    worst = gaps[gaps["capaian"] < achievement.LOW_ACHIEVEMENT]
    for row in worst.head(3).itertuples():
        steps.append(f"Telusuri penyebab capaian rendah **{md(row.nama)}** ({percent(row.capaian)}) "
                     f"dengan 'mengapa?' berulang, lalu tambahkan ke pohon masalah.")
    if not steps:
        return ["Tidak ada yang perlu dibenahi di identifikasi masalah OPD ini; berikutnya pemetaan "
                "kausal (langkah 2): pohon masalah diubah menjadi pohon kinerja."]
    return ["\n".join(f"{i}. {s}" for i, s in enumerate(steps, start=1))]
