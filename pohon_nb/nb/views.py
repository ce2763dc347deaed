"""What each section of the notebooks shows, as functions of one :class:`Context`.

A view takes the context (the Pemda, the OPD, the year, the predicate scale, the node) and
returns a list of displayable items: tables (DataFrames or Stylers), drawings, Markdown
text. The same view is shown statically (``interaktif = False``) or inside a widget whose
controls change the context and show it again (:mod:`pohon_nb.nb.widgets`), so the batch and
the analyst see the same content.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import pandas as pd

from ..core.findings import SEVERITY_LABELS, TYPE_AND_TARGET_RULES, Finding, count_by_severity, repeated
from ..core.formats import number_text, percent
from ..method import achievement, alignment, crosscutting, indicators, lke, problems, shared_roots, summary
from ..method.changes import PARTS, compare
from ..method.checked import Checked, check
from ..method.checks import CheckConfig, indicator_notes
from ..method.scales import DEFAULT_SCALE
from ..outputs import diagrams
from ..reading.model import Pemda
from .display import Deferred, Section, md, table


@dataclass
class Context:
    """Everything a view depends on. Changing a field and calling the view again is all a
    widget does."""

    pemda: Pemda
    kode_opd: str
    tahun: int
    skala: str = DEFAULT_SCALE
    node: str | None = None
    out_dir: Path = Path("out")
    tahun_banding: int | None = None  # the year the explorer compares with; None: the one before
    previous: Pemda | None = None  # an earlier version of the workbook, to show what changed
    config: achievement.AchievementConfig = field(default_factory=achievement.AchievementConfig)
    check_config: CheckConfig = field(default_factory=CheckConfig)

    @property
    def checked(self) -> Checked:
        """The checked model for this year (remembered on the Pemda): every judgment reads it."""
        return check(self.pemda, replace(self.check_config, tahun=self.tahun))

    @property
    def findings(self) -> list[Finding]:
        return self.checked.findings

    @property
    def opd_name(self) -> str:
        return self.pemda.opd_name(self.kode_opd)

    def opd_nodes(self) -> list[str]:
        return self.pemda.owned_by(self.kode_opd)

    def top_nodes(self) -> list[str]:
        """The OPD's highest conditions (those whose parent another owner holds)."""
        own = set(self.opd_nodes())
        return [n for n in self.opd_nodes() if self.pemda.parent(n) not in own]


SCREEN_WIDTH = 11.0  # inches of drawing a notebook page shows at full size

# The heading each view is shown under in the notebooks (a second view under the same heading
# adds what it shows); a saved view names its sheets and figures by it. tests/test_notebook_sources
# checks them against the notebooks' headings.
TITLES = {
    "pemda_headlines": "Angka utama setiap OPD", "pemda_outcomes": "Sasaran daerah dan OPD pengampu",
    "crosscutting_network": "Jejaring crosscutting", "opd_glance": "OPD sekilas",
    "indicator_gaps": "Kesenjangan indikator", "apkl": "Saringan APKL", "usg": "Peringkat USG",
    "core_problem": "Masalah inti", "problem_tree": "Pohon masalah",
    "next_steps_identification": "Langkah berikutnya",
    "conversion": "Dari pohon masalah ke pohon kinerja",
    "traceability": "Dari pohon masalah ke pohon kinerja: keterlacakan",
    "opd_tree": "Pohon kinerja OPD", "logic_findings": "Temuan logika",
    "achievement_rollup": "Capaian berjenjang dan cabang terlemah",
    "weakest_branch": "Capaian berjenjang dan cabang terlemah: cabang terlemah",
    "budget": "Anggaran dan capaian", "crosscutting_both_ways": "Crosscutting dua arah",
    "indicator_scores": "Skor SMART dan CREAM", "score_reasons": "Skor SMART dan CREAM: alasan",
    "type_and_polarity": "Jenis indikator dan polaritas", "iku_recommendation": "Usulan set IKU",
    "manual_iku": "Manual IKU", "manual_iku_export": "Manual IKU: berkas",
    "pemda_weakest": "Titik masuk: cabang terlemah se-Pemda", "node_subtree": "Cabang kondisi",
    "node_achievement": "Capaian di cabang ini", "node_root_causes": "Dari cabang terlemah ke akar masalah",
    "node_year_change": "Perubahan capaian antartahun",
    "node_crosscutting": "Crosscutting di sepanjang cabang",
    "shared_roots_pemda": "Akar masalah bersama", "national_alignment": "Keselarasan dengan acuan nasional",
    "shared_roots_opd": "Akar masalah bersama lintas OPD",
    "shared_roots_outcomes": "Akar masalah bersama dan outcome yang ditahannya",
    "changes_since": "Perubahan sejak versi sebelumnya",
    "lke_opd": "Perkiraan jawaban LKE", "lke_pemda": "Perkiraan jawaban LKE Pemda",
}


# What a section says when the workbook has nothing for it: what is missing and where to
# fill it. Keys name the gap; ``{kode}``, ``{tahun}`` and ``{tahun_ada}`` are filled in.
MISSING = {
    "pohon": "OPD ini belum punya kondisi di pohon kinerja: isi sheet `pohon` dengan baris yang "
             "kolom `kode_opd`-nya {kode}.",
    "indikator": "Kondisi OPD ini belum punya indikator: isi sheet `indikator` (satu baris per "
                 "indikator, kolom `id_pohon` = ID kondisi OPD ini).",
    "tahun": "Tahun {tahun} tidak ada di workbook: sheet `indikator` tidak punya kolom "
             "`target_{tahun}` atau `realisasi_{tahun}` (tahun yang ada: {tahun_ada}).",
    "target": "Indikator OPD ini belum punya target {tahun}: isi kolom `target_{tahun}` di sheet "
              "`indikator`.",
    "realisasi": "Belum ada realisasi {tahun} untuk indikator OPD ini, jadi capaian belum dapat "
                 "dihitung: isi kolom `realisasi_{tahun}` di sheet `indikator` bila datanya sudah ada.",
    "masalah": "OPD ini belum punya data masalah: isi sheet `masalah` (satu baris per masalah, "
               "kolom `kode_opd` = {kode}) dengan masalah, skor APKL dan USG, dan kolom "
               "`menyebabkan` untuk pohon masalah.",
    "masalah_pemda": "Workbook ini belum punya data masalah, jadi akar masalah bersama belum dapat "
                     "dicari: isi sheet `masalah` (satu baris per masalah dengan `kode_opd` OPD yang "
                     "menganalisisnya) dan kolom `menyebabkan`, yang boleh menunjuk masalah OPD lain.",
    "usg": "Belum ada isu dengan skor USG lengkap: isi kolom `usg_u`, `usg_s` dan `usg_g` (1-5) "
           "di sheet `masalah` untuk isu yang lolos APKL.",
    "inti": "Masalah inti belum ditentukan, jadi pohon masalah belum punya pusat (masalah "
            "digambar menurut tautannya saja): tandai satu masalah dengan `inti` = ya di sheet "
            "`masalah`, atau lengkapi skor USG agar satu isu teratas.",
    "iku": "Belum ada IKU terpilih pada OPD ini: tandai kolom `iku` = ya pada indikator kondisi "
           "level intermediate di sheet `indikator`.",
    "sasaran": "OPD ini belum punya indikator pada sasaran (kondisi level intermediate atau "
               "ultimate): IKU dipilih dari indikator itu; isi sheet `indikator` untuk kondisi "
               "tersebut.",
    "lintas_opd": "Belum ada permintaan crosscutting: isi sheet `lintas_opd` (kolom `id_pohon`, "
                  "`kode_opd_mitra`, `peran`, `status`) untuk kondisi yang membutuhkan OPD lain.",
    "anggaran": "OPD ini belum punya baris anggaran tahun {tahun}: isi sheet `anggaran` (kolom "
                "`id_pohon` = ID output, `kode_sub_kegiatan`, `tahun`, `pagu`, `realisasi`) agar "
                "anggaran dapat dibandingkan dengan capaian.",
    "ultimate": "Workbook belum punya kondisi level `ultimate` (sasaran daerah): isi sheet `pohon` "
                "dengan kondisi teratas tanpa `kode_opd`.",
}


def no_indicators(ctx: Context) -> str | None:
    """The sentence for an OPD without conditions or without indicators, else None."""
    if not ctx.opd_nodes():
        return missing(ctx, "pohon")
    if not any(ctx.pemda.indicators_of(n) for n in ctx.opd_nodes()):
        return missing(ctx, "indikator")
    return None


def missing(ctx: Context, key: str, sheet: str | None = None) -> str:
    """The sentence a section shows instead of an empty table or figure.

    When ``sheet`` is given and the workbook has no such sheet at all, the sentence says so.
    """
    text = MISSING[key].format(kode=f"`{md(ctx.kode_opd)}`", tahun=ctx.tahun,
                               tahun_ada=", ".join(map(str, ctx.pemda.years)) or "belum ada")
    if sheet is not None and not ctx.pemda.tables[sheet].present:
        text += f" (Sheet `{sheet}` belum ada di workbook ini.)"
    return f"*{text}*"


def _year_gap(ctx: Context, nodes: list[str]) -> str | None:
    """The sentence for why no achievement of ``nodes`` in ``ctx.tahun`` can be computed
    (:func:`achievement.data_gap`), or None when some can."""
    gap = achievement.data_gap(ctx.pemda, nodes, ctx.tahun)
    return missing(ctx, gap) if gap else None


# --------------------------------------------------------------------------- headline


def _headline_row(ctx: Context):
    """The OPD's row of :func:`summary.opd_headlines`, computed for this OPD only."""
    return summary.opd_headlines(ctx.checked, ctx.tahun, ctx.config, ctx.skala,
                                 codes=[ctx.kode_opd]).iloc[0]


def headline(ctx: Context) -> str:
    """One line of the OPD's headline figures (plain text; the notebooks check it)."""
    row = _headline_row(ctx)
    return (f"{row['nama_opd']} ({ctx.kode_opd}): {row['kondisi']} kondisi, {row['indikator']} "
            f"indikator terpilih, {row['iku']} IKU; capaian {ctx.tahun} {percent(row['capaian'])}"
            f", predikat {summary.predicate_text(row['capaian'], row['predikat'])}"
            + (f" [{row['catatan_capaian']}]" if row["catatan_capaian"] else "") +
            f", cabang {percent(row['capaian_cabang'])}; "
            f"temuan: {row['galat']} galat, "
            f"{row['peringatan']} peringatan, {row['info']} info; "
            f"{row['permintaan_tertunda']} crosscutting belum disepakati.")


def opd_glance(ctx: Context) -> list:
    """The OPD at a glance: its conditions by level and its headline figures."""
    levels = Counter(ctx.pemda.level(n) for n in ctx.opd_nodes())
    rows = [{"uraian": f"Kondisi level {lv}", "nilai": levels[lv]}
            for lv in ("intermediate", "immediate", "output", "aksi") if levels[lv]]
    head = _headline_row(ctx)
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
        {"uraian": "Crosscutting yang diajukan dan belum disepakati",
         "nilai": head["permintaan_tertunda"]},
    ]
    frame = pd.DataFrame(rows).astype({"nilai": str})
    items = [f"**{md(ctx.opd_name)}** ({md(ctx.kode_opd)})", table(frame)]
    gap = missing(ctx, "pohon") if not ctx.opd_nodes() else _year_gap(ctx, ctx.opd_nodes())
    return items + ([gap] if gap else [])


# --------------------------------------------------------------------------- step 1


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
    gap = _year_gap(ctx, ctx.opd_nodes())
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
    worst_ids = list(below["id_indikator"][:6])
    figure = (diagrams.trend_figure(ctx.pemda, worst_ids, title=f"Tren indikator dengan kesenjangan "
                                                               f"terbesar ({ctx.opd_name})")
              if worst_ids else None)
    return Section(text=text, gap=gap or None, table=table(gaps, columns), figure=figure)


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
    return Section(text=text, table=table(screen, ["id", "pernyataan", "apkl_a", "apkl_p", "apkl_k",
                                                   "apkl_l", "lolos", "gagal"]))


def usg(ctx: Context) -> list:
    if problems.apkl_screen(ctx.pemda, ctx.kode_opd).empty:
        return [missing(ctx, "masalah", "masalah")]
    ranking = problems.usg_ranking(ctx.pemda, ctx.kode_opd)
    if ranking.empty:
        return [missing(ctx, "usg")]
    ties = ranking[ranking["seri"]]
    text = "Peringkat USG (total U + S + G; nilai sama mendapat peringkat sama)."
    for total, group in ties.groupby("total", sort=False):
        text += (f" **Seri** pada total {number_text(total)}: {md(', '.join(group['id']))}: "
                 f"putuskan dengan diskusi.")
    return [text, table(ranking, ["peringkat", "id", "pernyataan", "usg_u", "usg_s", "usg_g",
                                  "total", "seri"])]


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
    if not (tree["peran"] == "inti").any():
        return [missing(ctx, "inti"), figure, table(tree)]
    return [figure, table(tree)]


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
    steps.append("Lanjutkan ke notebook 02_pemetaan_kausal untuk mengubah pohon masalah menjadi "
                 "pohon kinerja.")
    return ["\n".join(f"{i}. {s}" for i, s in enumerate(steps, start=1))]


# --------------------------------------------------------------------------- step 2


def conversion(ctx: Context) -> list:
    table_ = problems.convert(ctx.pemda, ctx.kode_opd)
    if table_.empty:
        return [missing(ctx, "masalah", "masalah")]
    unmatched = table_[table_["usulan_kondisi"].isna() & (table_["peran"] != "lepas")]
    text = ("Setiap masalah diubah menjadi kondisi positif (kolom *Usulan kondisi*), dengan level "
            "yang diusulkan dari posisinya. *Kondisi terkait* menunjukkan kondisi di pohon kinerja "
            "yang sudah merujuk masalah itu (kolom `asal_masalah`).")
    if len(unmatched):
        text += f" {len(unmatched)} masalah perlu dirumuskan manual (tidak ada aturan kata yang cocok)."
    return Section(text=text, table=table(table_, ["id_masalah", "peran", "pernyataan_masalah",
                                                   "usulan_kondisi", "usulan_level",
                                                   "kandidat_crosscutting", "kondisi_terkait"]))


def traceability(ctx: Context) -> list:
    trace = problems.traceability(ctx.pemda, ctx.kode_opd)
    if trace.empty:
        return [missing(ctx, "pohon")]
    outputs = trace[trace["level"] == "output"]
    untraced = outputs[~outputs["terlacak"].astype(bool)]
    if problems.apkl_screen(ctx.pemda, ctx.kode_opd).empty:
        return [f"{len(trace)} kondisi OPD ini belum dapat ditelusuri ke masalah. "
                + missing(ctx, "masalah", "masalah")]
    text = (f"{int(trace['terlacak'].sum())} dari {len(trace)} kondisi tersambung ke pohon masalah "
            f"(langsung atau lewat induknya).")
    if not trace["asal_masalah"].notna().any():
        text += (" Belum ada kondisi yang merujuk masalah: isi kolom `asal_masalah` di sheet "
                 "`pohon` dengan ID masalah asal kondisi itu.")
    if len(untraced):
        text += (f" {len(untraced)} output tidak tertelusur ke akar masalah mana pun: "
                 f"{md(', '.join(untraced['id']))}. Periksa apakah output itu memang dibutuhkan.")
    return [text, table(trace, ["id", "level", "pernyataan", "asal_masalah", "jejak_masalah",
                                "akar_masalah", "terlacak"])]


def opd_tree(ctx: Context) -> list:
    if not ctx.opd_nodes():
        return [missing(ctx, "pohon")]
    # 11 inches is about a notebook's width at 100 dpi: wider trees are split, not shrunk.
    plans = diagrams.opd_tree_plans(ctx.pemda, ctx.kode_opd, year=ctx.tahun, scale=ctx.skala,
                                    config=ctx.config, max_width=SCREEN_WIDTH)
    # The first drawing now; the branches when shown (at once in a report, when opened in
    # the interactive panel).
    drawings = [diagrams.render_tree(ctx.pemda, plans[0]),
                *(Deferred(plan.title, partial(diagrams.render_tree, ctx.pemda, plan))
                  for plan in plans[1:])]
    text = ("Pohon kinerja OPD di bawah sasaran daerah yang dilayaninya. Warna kotak menunjukkan "
            "level; lencana menunjukkan capaian tahun " f"{ctx.tahun} dari indikator kondisi itu "
            "sendiri, dan di bawahnya capaian cabang yang menjelaskannya.")
    gap = _year_gap(ctx, ctx.opd_nodes())
    if gap:
        text += " Lencana \"n/a\": " + gap
    if len(drawings) > 1:
        text += (f" Pohon ini terlalu lebar untuk satu halaman: {len(drawings)} gambar (ikhtisar dulu, "
                 f"lalu satu gambar per cabang).")
    return [text, *drawings]


def findings_table(findings: list[Finding]) -> pd.DataFrame:
    rows = [{"severity": SEVERITY_LABELS[f.severity], "code": f.code, "title": f.title,
             "criterion": f.criterion, "sheet": f.sheet, "row": f.row, "column": f.column,
             "ref": f.ref, "message": f.message} for f in findings]
    return pd.DataFrame(rows, columns=["severity", "code", "title", "criterion", "sheet", "row",
                                       "column", "ref", "message"])


def logic_findings(ctx: Context) -> list:
    own = [f for f in ctx.findings if f.kode_opd == ctx.kode_opd]
    if not own:
        return ["Tidak ada temuan untuk OPD ini."]
    criteria = Counter(f.criterion for f in own if f.criterion)
    text = (f"{len(own)} temuan. Kriteria evaluasi (PermenPANRB 88/2021) yang tersentuh: "
            + ", ".join(f"{c} ({n})" for c, n in sorted(criteria.items())) + ".")
    lines = repeated(own)
    if lines:
        text += " Berulang: " + "; ".join(md(line) for line in lines) + "."
    return [text, table(findings_table(own))]


def achievement_rollup(ctx: Context) -> list:
    if not ctx.opd_nodes():
        return [missing(ctx, "pohon")]
    nodes = achievement.node_achievement(ctx.pemda, ctx.tahun, ctx.config, ctx.skala)
    nodes = nodes[nodes["id"].isin(ctx.opd_nodes())]
    notes = summary.node_notes(ctx.checked, ctx.tahun, ctx.config)
    nodes = nodes.assign(
        predikat=[summary.predicate_text(v, p) if isinstance(p, str) else None
                  for v, p in zip(nodes["capaian_sendiri"], nodes["predikat"])],
        catatan_capaian=["; ".join(notes[n].notes()) if n in notes else "" for n in nodes["id"]])
    gap = _year_gap(ctx, ctx.opd_nodes())
    return [f"Capaian {ctx.tahun} setiap kondisi diukur dengan **indikatornya sendiri** (dengan "
            "predikatnya); *capaian cabang*, rata-rata anak-anaknya sampai output, adalah angka "
            "kedua yang menjelaskannya, tanpa predikat. *Catatan capaian* menyebut angka sebelum "
            "batas atas dan angka tanpa indikator bertarget kurang menantang (M07). *Cakupan* = "
            "indikator berdata / semua indikator di cabang.",
            *([gap] if gap else []),
            table(nodes, ["id", "level", "pernyataan", "capaian_sendiri", "predikat", "catatan_capaian",
                          "keterangan", "capaian_cabang", "indikator", "indikator_berdata", "cakupan"])]


def weakest_branch(ctx: Context) -> list:
    targets = [ctx.node] if ctx.node else ctx.top_nodes()
    if not targets:
        return [missing(ctx, "pohon")]
    items = []
    nodes = achievement.node_achievement(ctx.pemda, ctx.tahun, ctx.config).set_index("id")
    disagree = achievement.contradictions(ctx.pemda, ctx.tahun, ctx.config).set_index("id")
    for top in targets:
        value = nodes.loc[top, "capaian_cabang"]
        if pd.isna(value):
            gap = _year_gap(ctx, [top, *ctx.pemda.descendants(top)]) or \
                f"belum ada data capaian {ctx.tahun}."
            items.append(f"**{md(top)}**: {gap}")
            continue
        ranked = achievement.weakest_branch(ctx.pemda, top, ctx.tahun, ctx.config)
        own = nodes.loc[top, "capaian_sendiri"]
        own_text = (percent(own) if pd.notna(own) else f"n/a ({nodes.loc[top, 'keterangan']})")
        text = (f"**{md(top)}** {md(ctx.pemda.node(top).get('pernyataan'))}: capaian dari "
                f"indikatornya sendiri {own_text}; capaian cabang {percent(value)}.")
        if top in disagree.index:
            text += (" **Output tercapai, outcome tidak**: cabangnya mencapai target tetapi "
                     "indikator kondisi ini tidak (temuan M19)." if disagree.loc[top, "arah"] ==
                     "output_tercapai" else " **Outcome tercapai, outputnya tidak**: periksa "
                     "apakah output yang dipilih memang menentukan outcome ini (temuan M19).")
        ranked = ranked[ranked["kontribusi"].notna()]
        leaves = ranked[(ranked["kontribusi"] > achievement.MATERIAL_SHORTFALL)
                        & (ranked["capaian_cabang"] < achievement.TARGET_MET)]
        if len(leaves):
            first = leaves.iloc[0]
            text += (f" Yang paling menahan: **{md(first['id'])}** *{md(first['pernyataan'])}* "
                     f"(capaian cabang {percent(first['capaian_cabang'])}, menyumbang "
                     f"{number_text(round(first['kontribusi'], 1))} poin kekurangan).")
        elif value < achievement.TARGET_MET:
            text += " Tidak ada satu cabang yang menahannya secara berarti."
        # Nested rows repeat their parent's points: say which listed row each is part of, so
        # the column is not read as adding up.
        listed = set(ranked["id"])
        ranked = ranked.assign(termasuk_dalam=[
            next((p for p in reversed(path.split(" > ")[:-1]) if p in listed), "")
            for path in ranked["jalur"]])
        if ranked.empty:
            text += " Capaian ini dari indikatornya sendiri; cabang di bawahnya belum berdata."
            items.append(text)
            continue
        text += (" Kolom *Termasuk dalam* menandai baris yang poinnya sudah dihitung di baris "
                 "induknya: jumlahkan hanya baris tanpa tanda itu.")
        items += [text, table(ranked, ["id", "level", "pernyataan", "capaian_cabang", "bobot",
                                       "kontribusi", "termasuk_dalam", "jalur"], max_rows=10)]
    return items


def budget(ctx: Context) -> list:
    """The OPD's budget beside its results: per branch, outputs without a budget line, lines
    on conditions that are not outputs, and the efficiency of each funded condition."""
    if not ctx.opd_nodes():
        return [missing(ctx, "pohon")]
    own = set(ctx.opd_nodes())
    lines = ctx.pemda.anggaran
    lines = lines[lines["id_pohon"].isin(own) & (lines["tahun"] == ctx.tahun)] if len(lines) else lines
    if lines.empty:
        return [missing(ctx, "anggaran", "anggaran")]
    funded = set(lines["id_pohon"])
    outputs = [n for n in ctx.opd_nodes() if ctx.pemda.level(n) == "output"]
    unfunded = [n for n in outputs if n not in funded and not any(
        d in funded for d in ctx.pemda.descendants(n))]
    off_output = sorted({n for n in funded if ctx.pemda.level(n) not in ("output", "aksi")})
    nodes = achievement.node_achievement(ctx.pemda, ctx.tahun, ctx.config).set_index("id")
    records = []
    for top in ctx.top_nodes():
        branch = {top, *ctx.pemda.descendants(top)}
        part = lines[lines["id_pohon"].isin(branch)]
        ceiling = float(part["pagu"].dropna().sum())
        spent = part["realisasi"].dropna()
        records.append({"id": top, "pernyataan": ctx.pemda.node(top).get("pernyataan"),
                        "pagu": ceiling,
                        "realisasi_anggaran": float(spent.sum()) if len(spent) else None,
                        "serapan": float(spent.sum()) / ceiling * 100 if len(spent) and ceiling else None,
                        "capaian_sendiri": nodes.loc[top, "capaian_sendiri"],
                        "capaian_cabang": nodes.loc[top, "capaian_cabang"]})
    total = float(lines["pagu"].dropna().sum())
    text = (f"Pagu {ctx.tahun} OPD ini Rp {number_text(total)} pada {len(funded)} kondisi. "
            f"Anggaran per cabang di samping capaiannya: cabang dengan serapan tinggi tetapi capaian "
            f"rendah perlu ditinjau.")
    if unfunded:
        text += (f" {len(unfunded)} output belum punya baris anggaran (sub kegiatan): "
                 f"{md(', '.join(unfunded))}.")
    if off_output:
        text += (f" Anggaran tercatat pada kondisi yang bukan output: {md(', '.join(off_output))}; "
                 f"anggaran sebaiknya melekat pada output (sub kegiatan).")
    items = [text, table(pd.DataFrame(records), ["id", "pernyataan", "pagu", "realisasi_anggaran",
                                                 "serapan", "capaian_sendiri", "capaian_cabang"])]
    eff = achievement.efficiency(ctx.pemda, ctx.tahun, ctx.config)
    eff = eff[eff["id_pohon"].isin(own)]
    if eff["efisiensi"].notna().any() or eff["sisa_anggaran_target_tercapai"].notna().any():
        items += ["Efisiensi per kondisi yang dibiayai (Kemenkeu: E dan nilai efisiensi; praktik "
                  "daerah: sisa pagu saat target tercapai).",
                  table(eff, ["id_pohon", "pagu", "realisasi_anggaran", "serapan", "capaian",
                              "efisiensi", "nilai_efisiensi", "sisa_anggaran_target_tercapai"])]
    else:
        items.append("Efisiensi belum dapat dihitung: perlu realisasi anggaran dan realisasi "
                     "indikator maks pada kondisi yang dibiayai.")
    return items


def crosscutting_both_ways(ctx: Context) -> list:
    needs, needed_by = crosscutting.dependencies(ctx.pemda, ctx.kode_opd)
    if needs.empty and needed_by.empty:
        return ["OPD ini tidak meminta dan tidak diminta dukungan OPD lain. " +
                missing(ctx, "lintas_opd", "lintas_opd")]
    pending = needs[needs["status"] != "disetujui"]
    text = (f"OPD ini membutuhkan {len(needs)} dukungan dari OPD lain dan dibutuhkan dalam "
            f"{len(needed_by)} permintaan.")
    if len(pending):
        text += " **Belum disepakati**: " + "; ".join(
            f"{md(r.id_pohon)} ← {md(r.nama_mitra)} ({md(r.status or 'tanpa status')})"
            for r in pending.itertuples()) + "."
    columns = ["id_pohon", "pernyataan", "kode_opd_mitra", "nama_mitra", "id_pohon_mitra",
               "peran", "status"]
    items = [text, "**Yang dibutuhkan OPD ini dari OPD lain**"]
    items.append(table(needs, columns) if len(needs) else "Tidak ada.")
    items.append("**Yang dibutuhkan OPD lain dari OPD ini**")
    items.append(table(needed_by, ["nama_opd", "id_pohon", "pernyataan", "id_pohon_mitra", "peran",
                                   "status"]) if len(needed_by) else "Tidak ada.")
    return items


# --------------------------------------------------------------------------- step 3


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
    from .display import label

    return dict(indicators.MANUAL_FIELDS).get(column) or label(column)


def _field_text(column: str, value) -> str:
    from .display import cell_text

    return cell_text(column, value) or "(belum diisi)"


def manual_iku_export(ctx: Context) -> list:
    from ..outputs.exports import export_manual_iku

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
    return [f"Manual IKU ditulis ke {md(path)}."]


def opd_folder(ctx: Context) -> Path:
    """The OPD's output folder: ``<out>/<kode_pemda>/<kode_opd>/``."""
    from ..core.paths import opd_folder as folder

    return folder(ctx.out_dir, ctx.pemda.info.get("kode_pemda"), ctx.kode_opd)


# --------------------------------------------------------------------------- Pemda overview


def pemda_headline(ctx: Context) -> str:
    """One line of the Pemda's headline figures (plain text; the overview notebook checks it)."""
    head = summary.opd_headlines(ctx.checked, ctx.tahun, ctx.config, ctx.skala)
    outcomes = summary.outcome_carriers(ctx.pemda, ctx.tahun, ctx.config, ctx.skala)
    info = ctx.pemda.info
    return (f"{info.get('nama_pemda')} ({info.get('kode_pemda')}), periode "
            f"{info.get('periode_awal')}-{info.get('periode_akhir')}: {len(outcomes)} sasaran daerah, "
            f"{len(head)} OPD, {int(head['kondisi'].sum())} kondisi OPD, "
            f"{int(head['indikator'].sum())} indikator terpilih; temuan: {int(head['galat'].sum())} "
            f"galat, {int(head['peringatan'].sum())} peringatan, {int(head['info'].sum())} info.")


def pemda_headlines(ctx: Context) -> list:
    head = summary.opd_headlines(ctx.checked, ctx.tahun, ctx.config, ctx.skala)
    counts = count_by_severity(ctx.findings)  # the same count as validate: Pemda rows included
    pemda_wide = count_by_severity(ctx.checked.of_opd(""))
    text = (f"{len(head)} OPD, {int(head['kondisi'].sum())} kondisi, "
            f"{int(head['indikator'].sum())} indikator terpilih; "
            f"{counts['error']} galat dan {counts['warning']} peringatan"
            + (f" ({pemda_wide['error']} galat dan {pemda_wide['warning']} peringatan di baris tingkat "
               f"Pemda, di luar tabel OPD)" if pemda_wide["error"] or pemda_wide["warning"] else "")
            + ". ⚑ di kolom tanda: capaian yang memuat target kurang menantang (M07) atau nilai yang "
              "dipotong batas atas; catatan capaian menyebut angkanya.")
    return [text, table(head)]


def pemda_outcomes(ctx: Context) -> list:
    carriers = summary.outcome_carriers(ctx.pemda, ctx.tahun, ctx.config, ctx.skala)
    if carriers.empty:
        return [missing(ctx, "ultimate")]
    return [diagrams.pemda_tree_figure(ctx.pemda, year=ctx.tahun, scale=ctx.skala, config=ctx.config),
            table(carriers)]


def crosscutting_network(ctx: Context) -> list:
    all_requests = crosscutting.requests(ctx.pemda)
    if all_requests.empty:
        return [missing(ctx, "lintas_opd", "lintas_opd")]
    hubs = crosscutting.hubs(ctx.pemda)
    hubs = hubs[(hubs["diminta"] > 0) | (hubs["meminta"] > 0)]
    pending = crosscutting.pending(ctx.pemda)
    rejected = int((all_requests["status"] == "ditolak").sum())
    text = (f"{len(all_requests)} permintaan crosscutting; {len(pending)} "
            f"masih usulan (belum disepakati), {rejected} ditolak mitra. OPD paling banyak dibutuhkan: "
            + ", ".join(f"{md(r.nama_opd)} ({r.diminta})" for r in
                        hubs.sort_values("diminta", ascending=False).head(3).itertuples()) + ".")
    return [text, diagrams.crosscutting_figure(ctx.pemda),
            table(hubs, ["kode_opd", "nama_opd", "diminta", "meminta", "usulan", "disetujui",
                         "ditolak"]),
            "**Belum disepakati**",
            table(pending, ["kode_opd", "nama_opd", "id_pohon", "nama_mitra", "peran", "status"])
            if len(pending) else "Semua permintaan sudah disepakati atau ditolak mitra."]


# --------------------------------------------------------------------------- explorer


def focus_node(ctx: Context) -> str | None:
    """The condition the explorer looks at: the chosen one, else the OPD's first top condition,
    else the first condition of the tree."""
    if ctx.node in ctx.pemda.tree:
        return ctx.node
    tops = ctx.top_nodes() or ctx.pemda.tree_order()
    return tops[0] if tops else None


def _no_node(ctx: Context) -> list:
    return ["*Pohon kinerja masih kosong: isi sheet `pohon` dulu.*"]


def node_subtree(ctx: Context) -> list:
    node = focus_node(ctx)
    if node is None:
        return _no_node(ctx)
    size = ctx.pemda.subtree_size(node)
    drawing = diagrams.focus_tree(ctx.pemda, node, year=ctx.tahun, scale=ctx.skala, config=ctx.config)
    drawn = len(drawing.layout.boxes)
    text = f"**{md(node)}** {md(ctx.pemda.node(node).get('pernyataan'))}: {size} kondisi di cabang ini."
    if ctx.pemda.parent(node) is not None:
        text += " Di atasnya jalur sampai outcome teratasnya."
    if size > drawn - len(ctx.pemda.ancestors(node)):
        text += (" Cabang yang tidak digambar seluruhnya ditandai ▸ dengan jumlah kondisinya: pilih "
                 "kondisi itu di daftar untuk membukanya.")
    gap = _year_gap(ctx, [node, *ctx.pemda.descendants(node)])
    if gap:  # the badges read "n/a": say why, and where to fill it
        text += " Lencana \"n/a\": " + gap
    return Section(text=text, figure=drawing)


def node_achievement(ctx: Context) -> list:
    node = focus_node(ctx)
    if node is None:
        return _no_node(ctx)
    scope = [node, *ctx.pemda.descendants(node)]
    table_ = achievement.node_achievement(ctx.pemda, ctx.tahun, ctx.config, ctx.skala)
    table_ = table_.set_index("id").loc[scope].reset_index()
    gap = _year_gap(ctx, scope)
    return [*([gap] if gap else []),
            table(table_, ["id", "level", "pernyataan", "kode_opd", "capaian_sendiri", "predikat",
                           "keterangan", "capaian_cabang", "cakupan"])]


def node_root_causes(ctx: Context) -> list:
    """The weakest descendants of the node and the root problems behind them."""
    node = focus_node(ctx)
    if node is None:
        return _no_node(ctx)
    if not ctx.pemda.children(node):
        return [f"**{md(node)}** tidak punya cabang di bawahnya: pilih kondisi yang lebih tinggi."]
    ranked = achievement.weakest_branch(ctx.pemda, node, ctx.tahun, ctx.config)
    ranked = ranked[ranked["kontribusi"].notna()]
    if ranked.empty:
        gap = _year_gap(ctx, ctx.pemda.descendants(node))
        return [f"Cabang di bawah **{md(node)}** belum berdata capaian {ctx.tahun}. "
                + (gap or "")]
    # Only a branch that takes points off holds the outcome back; the others are named, not listed.
    culprits = ranked[ranked["kontribusi"] > 0].head(8)
    clear = len(ranked) - len(ranked[ranked["kontribusi"] > 0])
    if culprits.empty:
        return [f"Tidak ada cabang di bawah **{md(node)}** yang menahan capaian {ctx.tahun}: "
                f"{clear} cabang berdata tidak mengurangi nilainya."]
    pemda = ctx.pemda
    roots, linked, owners = [], [], []
    for item in culprits.itertuples():
        trail, upstream = problems.problem_trail(pemda, item.id)
        linked.append(trail)
        roots.append("; ".join(f"{p} {pemda.problems.nodes[p].get('pernyataan')} "
                               f"({pemda.opd_short(pemda.problems.nodes[p].get('kode_opd') or '')})"
                               for p in upstream))
        owner = pemda.node(item.id).get("kode_opd")
        owners.append(pemda.opd_short(owner) if owner else "Pemda")
    culprits = culprits.assign(opd=owners, jejak_masalah=linked, akar_masalah=roots)
    text = ("Cabang yang paling menahan capaian (mengurangi nilainya), OPD pemiliknya, dan akar "
            "masalah di belakangnya dengan OPD yang menganalisisnya (lewat `asal_masalah` kondisi "
            "itu atau induknya).")
    if clear:
        text += f" {clear} cabang lain berdata dan tidak mengurangi nilai: tidak dicantumkan."
    if not any(linked):
        text += (" Belum ada cabang ini yang merujuk masalah: isi kolom `asal_masalah` di sheet "
                 "`pohon` (dan sheet `masalah`) agar akar masalahnya terlihat.")
    return Section(text=text, table=table(culprits, ["id", "opd", "level", "pernyataan", "capaian_cabang",
                                                     "kontribusi", "jejak_masalah", "akar_masalah"]))


def node_crosscutting(ctx: Context) -> list:
    node = focus_node(ctx)
    if node is None:
        return _no_node(ctx)
    scope = {node, *ctx.pemda.descendants(node), *ctx.pemda.ancestors(node)}
    requests_ = crosscutting.requests(ctx.pemda)
    here = requests_[requests_["id_pohon"].isin(scope) | requests_["id_pohon_mitra"].isin(scope)]
    if here.empty:
        return ["Tidak ada crosscutting di sepanjang cabang ini."]
    return [f"{len(here)} permintaan crosscutting di sepanjang cabang ini (ke atas dan ke bawah).",
            table(here, ["id_pohon", "nama_opd", "nama_mitra", "id_pohon_mitra", "peran", "status"])]




def compared_year(ctx: Context) -> int | None:
    """The year the explorer compares ``ctx.tahun`` with: the chosen one, else the latest year
    before it with realisation."""
    if ctx.tahun_banding and ctx.tahun_banding != ctx.tahun:
        return ctx.tahun_banding
    return achievement.earlier_year(ctx.pemda, ctx.tahun)


def node_year_change(ctx: Context) -> list:
    """The branch achievement of the condition and its branch in two years, and the change."""
    node = focus_node(ctx)
    if node is None:
        return _no_node(ctx)
    other = compared_year(ctx)
    if other is None:
        realised = ctx.pemda.realised_years()
        return [f"*Tidak ada tahun sebelum {ctx.tahun} yang berdata realisasi (tahun berdata: "
                f"{', '.join(map(str, realised)) or 'belum ada'}): pilih tahun pembanding di "
                f"pilihan Banding, atau isi kolom `realisasi_<tahun>` di sheet `indikator`.*"]
    first, last = sorted((ctx.tahun, other))
    scope = [node, *ctx.pemda.descendants(node)]
    frame = achievement.compare_years(ctx.pemda, scope, last, first, ctx.config, ctx.skala)
    changed = frame.dropna(subset=["perubahan"])
    if changed.empty:
        empty = [y for y in (first, last) if frame[f"capaian_{y}"].isna().all()]
        why = ("belum ada realisasi " + " dan ".join(map(str, empty)) if empty
               else "tidak ada kondisi yang berdata di keduanya")
        return [f"*Perubahan capaian cabang ini dari {first} ke {last} belum dapat dihitung: {why}. "
                f"Isi kolom `realisasi_<tahun>` di sheet `indikator`, atau pilih tahun lain.*"]
    down = changed.nsmallest(3, "perubahan")
    down = down[down["perubahan"] < 0]
    text = (f"Capaian cabang {first} dibanding {last} (poin persentase; negatif berarti turun). "
            f"{len(changed)} dari {len(frame)} kondisi berdata di kedua tahun.")
    if len(down):
        text += " Turun paling banyak: " + ", ".join(
            f"**{md(r.id)}** ({number_text(round(r.perubahan, 1))} poin)" for r in down.itertuples()) + "."
    else:
        text += " Tidak ada kondisi yang capaiannya turun."
    frame = frame.assign(opd=[ctx.pemda.opd_short(c) if pd.notna(c) and c else "Pemda"
                                for c in frame["kode_opd"]])
    return Section(text=text, table=table(frame, [
        "id", "opd", "level", "pernyataan", f"capaian_{first}", f"predikat_{first}",
        f"capaian_{last}", f"predikat_{last}", "perubahan"]))


ENTRY_ROWS = 15


def pemda_weakest(ctx: Context) -> list:
    """Where to start: the OPD branches holding the Pemda's outcomes back most, down to the
    weakest point and its root problems, with their owners."""
    if not ctx.pemda.tree:
        return _no_node(ctx)
    frame = summary.weakest_across_pemda(ctx.pemda, ctx.tahun, ctx.config)
    if frame.empty:
        gap = _year_gap(ctx, ctx.pemda.tree_order())
        return [gap or f"*Tidak ada cabang OPD yang menahan capaian sasaran daerah {ctx.tahun}.*"]
    frame = frame.assign(opd=[ctx.pemda.opd_short(c) for c in frame["kode_opd"]])
    shown = frame.head(ENTRY_ROWS)
    text = (f"Cabang OPD yang paling menahan capaian sasaran daerah {ctx.tahun}, diurutkan menurut "
            f"kontribusinya pada kekurangan sasaran daerah (poin); tiap cabang diikuti turun ke "
            f"titik terlemahnya dan akar masalah di belakangnya, dengan OPD pemiliknya. Ketik ID "
            f"di kotak *Cari* untuk menjelajahinya.")
    if len(frame) > len(shown):
        text += f" {len(shown)} dari {len(frame)} cabang yang menahan capaian ditampilkan."
    if not shown["jejak_masalah"].notna().any():
        text += (" Belum ada cabang ini yang merujuk masalah: isi kolom `asal_masalah` di sheet "
                 "`pohon` agar akar masalahnya terlihat.")
    return Section(text=text, table=table(shown, [
        "opd", "id", "pernyataan", "sasaran_daerah", "capaian_cabang", "kontribusi",
        "titik_terlemah", "pernyataan_titik", "akar_masalah", "opd_akar_masalah"]))


# --------------------------------------------------------------------------- shared roots

SHARED_RULE = (
    "Akar masalah bersama: masalah tanpa penyebab di pohon masalah gabungan semua OPD (kolom "
    "`menyebabkan` boleh menunjuk masalah OPD lain) yang akibatnya sampai ke masalah inti dua OPD "
    "atau lebih, atau ke masalah asal sasaran daerah. Peringkat menurut, berurutan: jumlah OPD yang "
    "masalah intinya dicapai (satu OPD dihitung sekali), jumlah sasaran daerah yang dicapai, dan "
    "kekurangan capaian {tahun} yang ditahannya (jumlah 100% dikurangi capaian cabang setiap kondisi "
    "yang berasal dari masalah di jalurnya, poin); sama pada ketiganya berarti peringkat seri.")

NO_SHARED = (
    "*Belum ada akar masalah bersama: tidak ada masalah yang akibatnya sampai ke masalah inti dua "
    "OPD atau ke asal sasaran daerah. Di sheet `masalah`, tulis di kolom `menyebabkan` ID masalah "
    "OPD lain yang diakibatkannya (mis. sanitasi buruk di DPUPR menyebabkan stunting di Dinkes), "
    "dan di sheet `pohon` isi `asal_masalah` sasaran daerah.*")


def _shared_or_why(ctx: Context):
    """The ranked shared roots, or the sentence saying why there are none (a list)."""
    if not ctx.pemda.tables["masalah"].rows:
        return [missing(ctx, "masalah_pemda", "masalah")]
    frame = shared_roots.shared_roots(ctx.pemda, ctx.tahun, ctx.config)
    return [NO_SHARED] if frame.empty else frame


def _opd_list(ctx: Context, codes: str) -> str:
    return ", ".join(ctx.pemda.opd_short(c) for c in codes.split(";") if c)


def shared_roots_pemda(ctx: Context) -> list:
    """The Pemda's shared root problems, ranked, drawn, with the crosscutting they call for."""
    frame = _shared_or_why(ctx)
    if isinstance(frame, list):
        return frame
    shown = frame.assign(opd=[ctx.pemda.opd_short(c) for c in frame["kode_opd"]],
                         opd_inti=[_opd_list(ctx, c) for c in frame["opd_inti"]],
                         opd_akibat=[_opd_list(ctx, c) for c in frame["opd_akibat"]],
                         crosscutting_kurang=[_opd_list(ctx, c) for c in frame["crosscutting_kurang"]],
                         kondisi_tertahan=frame["kondisi_tertahan"].str.replace(";", "; "),
                         masalah_inti=frame["masalah_inti"].str.replace(";", "; "))
    ties = shown[shown["seri"]]
    text = (f"{len(frame)} akar masalah bersama. " + SHARED_RULE.format(tahun=ctx.tahun)
            + (f" Seri: {', '.join(md(i) for i in ties['id'])}." if len(ties) else ""))
    candidates = shared_roots.crosscutting_candidates(ctx.pemda, frame)
    if candidates.empty:
        proposal = ("Semua OPD yang menanggung akibat akar masalah bersama sudah punya permintaan "
                    "crosscutting ke OPD pemilik akarnya.")
    else:
        proposal = [f"**Kandidat crosscutting** ({len(candidates)}): OPD yang menanggung akibat akar "
                    f"masalah bersama tetapi belum meminta dukungan OPD pemilik akarnya. Usulan saja, tidak "
                    f"ditulis ke workbook: salin ke sheet `lintas_opd` bila disepakati.",
                    _candidates_table(ctx, candidates)]
    return Section(text=text, table=table(shown, [
        "peringkat", "seri", "id", "pernyataan", "opd", "opd_inti", "kondisi_pemda", "kekurangan",
        "kondisi_tertahan", "crosscutting_ada", "crosscutting_kurang"]),
        figure=diagrams.shared_roots_figure(ctx.pemda, frame), candidates=proposal)


def shared_roots_opd(ctx: Context) -> list:
    """The shared root problems this OPD takes part in, and the crosscutting they call for."""
    if not ctx.pemda.tables["masalah"].rows:
        return [missing(ctx, "masalah", "masalah")]
    everything = shared_roots.shared_roots(ctx.pemda, ctx.tahun, ctx.config)
    frame = shared_roots.touching(ctx.pemda, ctx.kode_opd, everything)
    if frame.empty:
        return [f"*{md(ctx.opd_name)} belum terlibat dalam akar masalah bersama: tidak ada "
                f"masalahnya yang disebabkan masalah OPD lain atau menyebabkan masalah inti OPD "
                f"lain. Bila ada, tulis ID masalah OPD lain itu di kolom `menyebabkan` sheet "
                f"`masalah`.*"]
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
                         opd_inti=[_opd_list(ctx, c) for c in frame["opd_inti"]],
                         masalah_inti=frame["masalah_inti"].str.replace(";", "; "))
    parts = Section(text=text, table=table(shown, ["id", "pernyataan", "opd", "opd_inti", "masalah_inti",
                                                   "crosscutting_ada"]))
    if len(candidates):
        parts = Section(text=text, table=parts.table, candidates=[
            "**Kandidat crosscutting** yang belum ada di workbook (usulan, tidak ditulis ke workbook):",
            _candidates_table(ctx, candidates)])
    return parts


def _candidates_table(ctx: Context, candidates: pd.DataFrame):
    named = candidates.assign(nama_opd=[ctx.pemda.opd_short(c) for c in candidates["kode_opd"]],
                              nama_mitra=[ctx.pemda.opd_short(c) for c in candidates["kode_opd_mitra"]])
    return table(named, ["akar_masalah", "nama_opd", "id_pohon", "nama_mitra", "peran"])


def shared_roots_outcomes(ctx: Context) -> list:
    """Each shared root and the conditions (OPD outcomes) it holds back, with their achievement."""
    frame = _shared_or_why(ctx)
    if isinstance(frame, list):
        return frame
    branch = achievement.node_achievement(ctx.pemda, ctx.tahun, ctx.config, ctx.skala).set_index("id")
    records = []
    for row in frame.itertuples():
        for node in filter(None, row.kondisi_tertahan.split(";")):
            owner = ctx.pemda.node(node).get("kode_opd")
            records.append({"peringkat": row.peringkat, "akar_masalah": row.id,
                            "id": node, "opd": ctx.pemda.opd_short(owner) if owner else "Pemda",
                            "level": ctx.pemda.level(node),
                            "pernyataan": ctx.pemda.node(node).get("pernyataan"),
                            "capaian_cabang": branch.at[node, "capaian_cabang"],
                            "predikat_cabang": branch.at[node, "predikat_cabang"]})
    held = pd.DataFrame(records, columns=["peringkat", "akar_masalah", "id", "opd", "level", "pernyataan",
                                          "capaian_cabang", "predikat_cabang"])
    text = (f"Mulai dari akar masalah bersama: setiap akar dengan kondisi (outcome OPD dan sasaran "
            f"daerah) yang berasal dari masalah di jalur akibatnya, capaian cabang {ctx.tahun}. Ketik ID "
            f"akar (mis. {md(frame['id'].iloc[0])}) di kotak *Cari* untuk memilih kondisi yang ditahannya.")
    return Section(text=text, table=table(held))


def national_alignment(ctx: Context) -> list:
    """Which goals carry a national or provincial reference, and which references the Pemda
    supports through which OPDs."""
    frame = alignment.alignment(ctx.pemda)
    if frame.empty:
        return [missing(ctx, "ultimate")]
    if not alignment.references_used(ctx.pemda):
        return ["*Belum ada acuan nasional: isi kolom `acuan_nasional` (sasaran atau indikator RPJMN, "
                "prioritas nasional) dan `acuan_provinsi` (sasaran RPJMD provinsi) di sheet `pohon` untuk "
                "sasaran daerah dan sasaran OPD, agar keselarasan dari nasional sampai unit kerja "
                "terlihat (kriteria 1.b.8).*"]
    support = alignment.national_support(ctx.pemda)
    support = support.assign(opd=[_opd_list(ctx, c) for c in support["opd"]])
    lacking = alignment.pemda_goals_without_reference(ctx.pemda)
    carried = frame[frame["acuan_nasional"] != ""]
    text = (f"{len(carried)} dari {len(frame)} sasaran (ultimate dan intermediate) menyebut acuan "
            f"nasional; Pemda mendukung {len(support)} acuan nasional.")
    if lacking:
        text += (" Sasaran daerah tanpa acuan nasional (temuan M22): "
                 + ", ".join(f"**{md(n)}**" for n in lacking) + ".")
    frame = frame.assign(opd=[ctx.pemda.opd_short(c) if pd.notna(c) and c else "Pemda"
                              for c in frame["kode_opd"]])
    return Section(text=text, support=table(support, ["acuan_nasional", "kondisi", "opd", "jumlah_opd"]),
                   table=table(frame, ["id", "level", "opd", "pernyataan", "acuan_nasional",
                                       "acuan_provinsi"]))


# --------------------------------------------------------------------------- asistensi loop

NOT_COMPARED = (
    "*Belum dibandingkan dengan versi sebelumnya: isi parameter `data_path_sebelumnya` dengan "
    "workbook versi asistensi lalu (batch menyimpan setiap versi di folder `riwayat` keluarannya) "
    "untuk melihat temuan yang selesai, yang baru, dan data yang berubah. Batch juga menulis "
    "perbandingan ini di `perubahan.html` OPD, dan `pohon-nb banding LAMA BARU` membandingkan "
    "dua workbook mana pun.*")


def changes_since(ctx: Context) -> list:
    """The OPD's findings resolved, new and still open since the earlier workbook, and what
    changed in its conditions, indicators, crosscutting and problems."""
    if ctx.previous is None:
        return [NOT_COMPARED]
    broken = [f for f in ctx.previous.findings if f.code in ("S01", "S02")]
    if broken:
        return [f"*Versi sebelumnya tidak dapat dibaca: {md(broken[0].message)}*"]
    comparison = ctx.pemda.memo(("changes_since", id(ctx.previous), ctx.checked.config),
                                lambda: compare(ctx.previous, ctx.pemda, config=ctx.checked.config))
    findings = comparison.findings[comparison.findings["kode_opd"] == ctx.kode_opd]
    changes = comparison.changes[comparison.changes["kode_opd"] == ctx.kode_opd]
    text = (f"Sejak versi sebelumnya (`{md(Path(ctx.previous.source).name)}`): "
            f"{md(comparison.summary(ctx.kode_opd))}. Temuan dicocokkan menurut aturan dan ID, bukan "
            f"nomor baris: baris yang hanya berpindah tempat bukan perubahan.")
    columns = ["code", "criterion", "ref", "message"]
    parts = {}
    for status, title in (("selesai", "Temuan selesai"), ("baru", "Temuan baru")):
        rows = findings[findings["status"] == status]
        parts[status] = [f"**{title}** ({len(rows)})", table(rows, columns)] if len(rows) else None
    parts["perubahan"] = ([f"**Data yang berubah** ({len(changes)})",
                           table(changes.assign(bagian=[PARTS[b] for b in changes["bagian"]],
                                                jenis_perubahan=changes["perubahan"]),
                                 ["bagian", "id", "jenis_perubahan", "lama", "baru"])]
                          if len(changes) else "Tidak ada kondisi, indikator, crosscutting atau masalah "
                                               "OPD ini yang berubah.")
    return Section(text=text, resolved=parts["selesai"], new=parts["baru"], changes=parts["perubahan"])


# --------------------------------------------------------------------------- LKE estimate


def _lke(ctx: Context, kode_opd: str | None = None) -> dict:
    """The LKE estimate of the whole Pemda, or of one OPD only (quicker on a large Pemda)."""
    key = ("lke", ctx.tahun, ctx.config, ctx.check_config, kode_opd)
    return ctx.pemda.memo(key, lambda: lke.estimate(ctx.checked, ctx.tahun, ctx.config,
                                                    kode_opd=kode_opd))


def _lke_section(ctx: Context, estimates: list, who: str, note: str | None = None) -> Section:
    frame = lke.table(estimates)
    decided = frame[frame["jawaban"] != lke.NOT_DECIDED]
    others = frame[frame["jawaban"] == lke.NOT_DECIDED]
    counts = decided["jawaban"].value_counts()
    order = [g.answer for g in lke.read_grades()]
    text = (f"**{lke.ESTIMATE_NOTE}** {who}: {len(decided)} kriteria diperkirakan dari workbook ("
            + ", ".join(f"{counts[a]} {a}" for a in order if a in counts) + f"); {len(others)} kriteria "
            f"dinilai evaluator dari bukti dokumen. Unsur setiap kriteria dan jawabannya mengikuti tabel "
            f"`data/lke_kriteria.csv` dan `data/lke_jawaban.csv` (PermenPANRB 88/2021): BB bila seluruh "
            f"unsur terpenuhi, B lebih dari 75%, CC lebih dari 50%, C lebih dari 25%, D lebih dari 0%, E "
            f"tidak ada.")
    shown = decided.assign(unsur_terpenuhi=[f"{t} dari {u}" for t, u in zip(decided["terpenuhi"],
                                                                           decided["unsur"])])
    columns = ["kriteria", "uraian", "jawaban", "persen", "unsur_terpenuhi", "tertahan", "naik_satu_tingkat"]
    evaluator = (["**Dinilai evaluator** (bukti yang akan diminta)",
                  table(others, ["kriteria", "uraian", "bukti_evaluator"])] if len(others) else None)
    return Section(text=text, table=table(shown, columns), note=note, evaluator=evaluator)


def lke_opd(ctx: Context) -> list:
    """The OPD's estimated LKE answers: share of elements, what holds each back, what raises it."""
    if not ctx.opd_nodes():
        return [missing(ctx, "pohon")]
    note = None
    if ctx.previous is not None:
        changed = lke.iku_changes(ctx.previous, ctx.pemda, ctx.kode_opd)
        note = ("**Keberlanjutan IKU (1.b.6)** dibanding versi sebelumnya: "
                + ("; ".join(md(c) for c in changed) if changed else "set IKU setiap sasaran tidak berubah")
                + ". Ini disebut, tidak dihitung: di antara dua draf asistensi IKU yang berubah biasanya "
                  "perbaikannya; keberlanjutan antartahun dinilai evaluator dari dokumen.")
    return _lke_section(ctx, _lke(ctx, ctx.kode_opd)[ctx.kode_opd], f"Untuk {md(ctx.opd_name)}", note)


def lke_pemda(ctx: Context) -> list:
    """The Pemda's estimated LKE answers and the OPDs that pull each criterion down most."""
    estimates = _lke(ctx)
    section = _lke_section(ctx, estimates[None], "Untuk seluruh Pemda (semua unsur semua OPD)")
    records = []
    for index, pemda_estimate in enumerate(estimates[None]):
        if not pemda_estimate.decided:
            continue
        by_opd = [(estimates[code][index], code) for code in ctx.pemda.opd_codes()
                  if estimates[code][index].decided]
        low = sorted(by_opd, key=lambda pair: pair[0].share)[:3]
        records.append({"kriteria": pemda_estimate.criterion.code, "jawaban": pemda_estimate.answer,
                        "opd_terendah": "; ".join(f"{ctx.pemda.opd_short(c)} {e.answer} "
                                                  f"({percent(e.share)})" for e, c in low
                                                  if e.share < 100) or "semua OPD BB"})
    pulls = pd.DataFrame(records, columns=["kriteria", "jawaban", "opd_terendah"])
    parts = dict(section.parts)
    parts["pulls"] = ["**OPD yang paling menurunkan setiap kriteria** (persen unsur terpenuhi terendah)",
                      table(pulls)]
    return Section(**parts)
