"""What each section of the notebooks shows, as functions of one :class:`Context`.

A view takes the context (the Pemda, the OPD, the year, the predicate scale, the node) and
returns a list of displayable items: tables (DataFrames or Stylers), drawings, Markdown
text. The same view is shown statically (``interaktif = False``) or inside a widget whose
controls change the context and show it again (:mod:`pohon_nb.widgets`), so the batch and
the analyst see the same content.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import achievement, crosscutting, diagrams, indicators, problems, summary
from .checks import CheckConfig, run_checks
from .display import md, table
from .findings import SEVERITY_LABELS, Finding, number_text
from .model import Pemda


@dataclass
class Context:
    """Everything a view depends on. Changing a field and calling the view again is all a
    widget does."""

    pemda: Pemda
    kode_opd: str
    tahun: int
    skala: str = "lima_tingkat"
    node: str | None = None
    out_dir: Path = Path("out")
    config: achievement.AchievementConfig = field(default_factory=achievement.AchievementConfig)
    check_config: CheckConfig = field(default_factory=CheckConfig)
    _findings: list[Finding] | None = field(default=None, repr=False)

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = self.pemda.findings + run_checks(self.pemda, self.check_config)
        return self._findings

    @property
    def opd_name(self) -> str:
        return self.pemda.opd_name(self.kode_opd)

    def opd_nodes(self) -> list[str]:
        return [n for n in self.pemda.tree_order()
                if self.pemda.node(n).get("kode_opd") == self.kode_opd]

    def top_nodes(self) -> list[str]:
        """The OPD's highest conditions (those whose parent another owner holds)."""
        own = set(self.opd_nodes())
        return [n for n in self.opd_nodes() if self.pemda.parent(n) not in own]


SCREEN_WIDTH = 11.0  # inches of drawing a notebook page shows at full size


def _pct(value) -> str:
    return "n/a" if value is None or pd.isna(value) else f"{number_text(round(float(value), 1))}%"


# --------------------------------------------------------------------------- headline


def headline(ctx: Context) -> str:
    """One line of the OPD's headline figures (plain text; the notebooks check it)."""
    row = summary.opd_headlines(ctx.pemda, ctx.findings, ctx.tahun, ctx.config, ctx.skala)
    row = row[row["kode_opd"] == ctx.kode_opd].iloc[0]
    return (f"{row['nama_opd']} ({ctx.kode_opd}): {row['kondisi']} kondisi, {row['indikator']} "
            f"indikator terpilih, {row['iku']} IKU; capaian {ctx.tahun} {_pct(row['capaian'])}"
            f" ({row['predikat'] or 'belum ada data'}); temuan: {row['galat']} galat, "
            f"{row['peringatan']} peringatan, {row['info']} info; "
            f"{row['permintaan_tertunda']} crosscutting belum disepakati.")


def opd_glance(ctx: Context) -> list:
    """The OPD at a glance: its conditions by level and its headline figures."""
    levels = Counter(ctx.pemda.level(n) for n in ctx.opd_nodes())
    rows = [{"uraian": f"Kondisi level {lv}", "nilai": levels[lv]}
            for lv in ("intermediate", "immediate", "output", "aksi") if levels[lv]]
    head = summary.opd_headlines(ctx.pemda, ctx.findings, ctx.tahun, ctx.config, ctx.skala)
    head = head[head["kode_opd"] == ctx.kode_opd].iloc[0]
    rows += [
        {"uraian": "Indikator terpilih", "nilai": head["indikator"]},
        {"uraian": "IKU", "nilai": head["iku"]},
        {"uraian": f"Capaian {ctx.tahun} (rata-rata cabang teratas)", "nilai": _pct(head["capaian"])},
        {"uraian": "Predikat", "nilai": head["predikat"] or "belum ada data"},
        {"uraian": "Temuan: galat / peringatan / info",
         "nilai": f"{head['galat']} / {head['peringatan']} / {head['info']}"},
        {"uraian": "Crosscutting yang diajukan dan belum disepakati",
         "nilai": head["permintaan_tertunda"]},
    ]
    frame = pd.DataFrame(rows).astype({"nilai": str})
    return [f"**{md(ctx.opd_name)}** ({md(ctx.kode_opd)})", table(frame)]


# --------------------------------------------------------------------------- step 1


def indicator_gaps(ctx: Context) -> list:
    """Realisation against target in the year, the worst gaps first, with the trend."""
    gaps = achievement.indicator_gaps(ctx.pemda, ctx.kode_opd, ctx.tahun, ctx.config, ctx.skala)
    with_data = gaps.dropna(subset=["capaian"])
    below = with_data[with_data["capaian"] < 100]
    text = (f"{len(with_data)} dari {len(gaps)} indikator punya realisasi {ctx.tahun}; "
            f"{len(below)} di bawah target.")
    if len(below):
        worst = below.iloc[0]
        text += (f" Kesenjangan terbesar: **{md(worst['nama'])}** (capaian {_pct(worst['capaian'])}, "
                 f"tren {worst['tren'] or 'belum diketahui'}).")
    columns = ["id_indikator", "level", "nama", "satuan", "polaritas", "target", "realisasi",
               "capaian", "predikat", "realisasi_sebelumnya", "tren", "keterangan"]
    items = [text, table(gaps, columns)]
    worst_ids = list(below["id_indikator"][:6])
    if worst_ids:
        items.append(diagrams.trend_figure(ctx.pemda, worst_ids,
                                           title=f"Tren indikator dengan kesenjangan terbesar "
                                                 f"({ctx.opd_name})"))
    return items


def apkl(ctx: Context) -> list:
    screen = problems.apkl_screen(ctx.pemda, ctx.kode_opd)
    failed = screen[screen["lolos"] == False]  # noqa: E712 (a column of True/False/None)
    text = (f"{len(screen)} isu disaring; {int((screen['lolos'] == True).sum())} lolos "  # noqa: E712
            f"APKL, {len(failed)} gagal.")
    if len(failed):
        text += " Isu yang gagal tidak diperingkat dengan USG: " + ", ".join(
            f"{md(r.id)} (gagal {r.gagal})" for r in failed.itertuples()) + "."
    return [text, table(screen, ["id", "pernyataan", "apkl_a", "apkl_p", "apkl_k", "apkl_l",
                                 "lolos", "gagal"])]


def usg(ctx: Context) -> list:
    ranking = problems.usg_ranking(ctx.pemda, ctx.kode_opd)
    if ranking.empty:
        return ["Belum ada isu dengan skor USG lengkap."]
    ties = ranking[ranking["seri"]]
    text = "Peringkat USG (total U + S + G; nilai sama mendapat peringkat sama)."
    for total, group in ties.groupby("total", sort=False):
        text += f" **Seri** pada total {total}: {md(', '.join(group['id']))}: putuskan dengan diskusi."
    return [text, table(ranking, ["peringkat", "id", "pernyataan", "usg_u", "usg_s", "usg_g",
                                  "total", "seri"])]


def core_problem(ctx: Context) -> list:
    core = problems.core_problem(ctx.pemda, ctx.kode_opd)
    marked = core[core["ditandai_inti"]]
    top = core[core["usg_teratas"]]
    if marked.empty:
        text = "Belum ada masalah yang ditandai inti. Calon dari USG: " + (
            ", ".join(top["id"]) or "tidak ada") + "."
    elif len(marked) > 1:
        text = f"{len(marked)} masalah ditandai inti ({md(', '.join(marked['id']))}); pilih satu."
    elif bool(marked.iloc[0]["usg_teratas"]):
        text = f"Masalah inti **{md(marked.iloc[0]['pernyataan'])}** juga teratas menurut USG."
    else:
        text = (f"Masalah inti **{md(marked.iloc[0]['pernyataan'])}** bukan yang teratas menurut USG "
                f"({md(', '.join(top['id']))}); jelaskan alasannya atau tinjau ulang.")
    return [text, table(core)]


def problem_tree(ctx: Context) -> list:
    return [diagrams.problem_tree_figure(ctx.pemda, ctx.kode_opd),
            table(problems.problem_tree(ctx.pemda, ctx.kode_opd))]


def next_steps_identification(ctx: Context) -> list:
    """What the analyst should do next, from what step 1 found."""
    steps = []
    core = problems.core_problem(ctx.pemda, ctx.kode_opd)
    marked = core[core["ditandai_inti"]]
    if marked.empty:
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
    loose = tree[tree["peran"] == "lepas"]
    if len(loose):
        steps.append(f"Hubungkan {len(loose)} masalah yang belum tersambung ke masalah inti "
                     f"({md(', '.join(loose['id']))}), atau keluarkan dari pohon masalah.")
    gaps = achievement.indicator_gaps(ctx.pemda, ctx.kode_opd, ctx.tahun, ctx.config, ctx.skala)
    worst = gaps[gaps["capaian"] < 90]
    for row in worst.head(3).itertuples():
        steps.append(f"Telusuri penyebab capaian rendah **{md(row.nama)}** ({_pct(row.capaian)}) "
                     f"dengan 'mengapa?' berulang, lalu tambahkan ke pohon masalah.")
    steps.append("Lanjutkan ke notebook 02_pemetaan_kausal untuk mengubah pohon masalah menjadi "
                 "pohon kinerja.")
    return ["\n".join(f"{i}. {s}" for i, s in enumerate(steps, start=1))]


# --------------------------------------------------------------------------- step 2


def conversion(ctx: Context) -> list:
    table_ = problems.convert(ctx.pemda, ctx.kode_opd)
    unmatched = table_[table_["usulan_kondisi"].isna() & (table_["peran"] != "lepas")]
    text = ("Setiap masalah diubah menjadi kondisi positif (kolom *Usulan kondisi*), dengan level "
            "yang diusulkan dari posisinya. *Kondisi terkait* menunjukkan kondisi di pohon kinerja "
            "yang sudah merujuk masalah itu (kolom `asal_masalah`).")
    if len(unmatched):
        text += f" {len(unmatched)} masalah perlu dirumuskan manual (tidak ada aturan kata yang cocok)."
    return [text, table(table_, ["id_masalah", "peran", "pernyataan_masalah", "usulan_kondisi",
                                 "usulan_level", "kandidat_crosscutting", "kondisi_terkait"])]


def traceability(ctx: Context) -> list:
    trace = problems.traceability(ctx.pemda, ctx.kode_opd)
    outputs = trace[trace["level"] == "output"]
    untraced = outputs[~outputs["terlacak"]]
    text = (f"{int(trace['terlacak'].sum())} dari {len(trace)} kondisi tersambung ke pohon masalah "
            f"(langsung atau lewat induknya).")
    if len(untraced):
        text += (f" {len(untraced)} output tidak tertelusur ke akar masalah mana pun: "
                 f"{md(', '.join(untraced['id']))}. Periksa apakah output itu memang dibutuhkan.")
    return [text, table(trace, ["id", "level", "pernyataan", "asal_masalah", "jejak_masalah",
                                "akar_masalah", "terlacak"])]


def opd_tree(ctx: Context) -> list:
    # 11 inches is about a notebook's width at 100 dpi: wider trees are split, not shrunk.
    drawings = diagrams.opd_tree_figures(ctx.pemda, ctx.kode_opd, year=ctx.tahun, scale=ctx.skala,
                                         config=ctx.config, max_width=SCREEN_WIDTH)
    text = ("Pohon kinerja OPD di bawah sasaran daerah yang dilayaninya. Warna kotak menunjukkan "
            "level; lencana menunjukkan capaian cabang tahun " f"{ctx.tahun}.")
    if len(drawings) > 1:
        text += f" Pohon ini terlalu lebar untuk satu halaman: {len(drawings)} gambar (ikhtisar dulu)."
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
    return [text, table(findings_table(own))]


def achievement_rollup(ctx: Context) -> list:
    nodes = achievement.node_achievement(ctx.pemda, ctx.tahun, ctx.config, ctx.skala)
    nodes = nodes[nodes["id"].isin(ctx.opd_nodes())]
    return [f"Capaian {ctx.tahun}: *sendiri* dari indikator kondisi itu, *cabang* dari "
            "rata-rata anak-anaknya (sampai output). *Cakupan* = indikator berdata / semua "
            "indikator di cabang.",
            table(nodes, ["id", "level", "pernyataan", "capaian_sendiri", "capaian_cabang",
                          "predikat", "indikator", "indikator_berdata", "cakupan"])]


def weakest_branch(ctx: Context) -> list:
    items = []
    targets = [ctx.node] if ctx.node else ctx.top_nodes()
    for top in targets:
        ranked = achievement.weakest_branch(ctx.pemda, top, ctx.tahun, ctx.config)
        nodes = achievement.node_achievement(ctx.pemda, ctx.tahun, ctx.config).set_index("id")
        value = nodes.loc[top, "capaian_cabang"]
        if pd.isna(value):
            items.append(f"**{md(top)}**: belum ada data capaian {ctx.tahun}.")
            continue
        leaves = ranked[ranked["kontribusi"].notna() & (ranked["kontribusi"] > 0.5)]
        text = (f"**{md(top)}** {md(ctx.pemda.node(top).get('pernyataan'))}: capaian cabang "
                f"{_pct(value)}.")
        if len(leaves):
            first = leaves.iloc[0]
            text += (f" Yang paling menahan: **{md(first['id'])}** *{md(first['pernyataan'])}* "
                     f"(capaian {_pct(first['capaian_cabang'])}, menyumbang "
                     f"{number_text(round(first['kontribusi'], 1))} poin kekurangan).")
        items += [text, table(ranked, ["id", "level", "pernyataan", "capaian_cabang", "bobot",
                                       "kontribusi", "jalur"], max_rows=10)]
    return items


def crosscutting_both_ways(ctx: Context) -> list:
    needs, needed_by = crosscutting.dependencies(ctx.pemda, ctx.kode_opd)
    pending = needs[needs["status"] != "disetujui"]
    text = (f"OPD ini membutuhkan {len(needs)} dukungan dari OPD lain dan dibutuhkan dalam "
            f"{len(needed_by)} permintaan.")
    if len(pending):
        text += " **Belum disepakati**: " + "; ".join(
            f"{md(r.id_pohon)} ← {md(r.nama_mitra)} ({r.status})" for r in pending.itertuples()) + "."
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
    low = scores[(scores["skor_smart"] < 70) | (scores["skor_cream"] < 70)]
    text = (f"{len(scores)} indikator dinilai (0-2 per kriteria; persen dari 10 poin). "
            f"{len(low)} indikator di bawah 70% pada SMART atau CREAM.")
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
    weak = reasons[reasons["skor"] < 2]
    return [f"Alasan setiap skor di bawah 2 ({len(weak)} kriteria). Skor penilai, bila ada, "
            "menggantikan skor otomatis.",
            table(weak, ["id_indikator", "nama", "kerangka", "kriteria", "skor_otomatis", "alasan",
                         "skor_penilai", "jumlah_penilai", "skor"])]


def type_and_polarity(ctx: Context) -> list:
    codes = {"M03", "M06", "M07", "M18", "S16"}
    own = [f for f in ctx.findings if f.kode_opd == ctx.kode_opd and f.code in codes]
    if not own:
        return ["Tidak ada masalah jenis-vs-level atau polaritas-vs-target pada OPD ini."]
    return [f"{len(own)} masalah jenis indikator, polaritas atau target:", table(findings_table(own))]


def iku_recommendation(ctx: Context) -> list:
    cfg = ctx.check_config
    table_ = indicators.recommend_iku(ctx.pemda, ctx.kode_opd, cfg.max_iku_per_sasaran,
                                      cfg.max_iku_per_opd)
    chosen = table_[table_["direkomendasikan"]]
    changes = table_[table_["direkomendasikan"] != table_["iku_sekarang"]]
    text = (f"Usulan {len(chosen)} IKU (batas {cfg.max_iku_per_sasaran} per sasaran, "
            f"{cfg.max_iku_per_opd} per OPD); sekarang {int(table_['iku_sekarang'].sum())} IKU.")
    if len(changes):
        text += f" {len(changes)} perubahan dari penetapan sekarang (lihat kolom IKU sekarang)."
    return [text, table(table_, ["id_pohon", "id_indikator", "nama", "jenis", "skor", "peringkat",
                                 "iku_sekarang", "direkomendasikan", "alasan"])]


def manual_iku(ctx: Context) -> list:
    frame = indicators.manual_iku(ctx.pemda, ctx.kode_opd)
    incomplete = frame[frame["belum_diisi"] != ""]
    text = f"Manual IKU untuk {len(frame)} IKU terpilih."
    if len(incomplete):
        text += f" {len(incomplete)} masih punya isian kosong (kolom terakhir)."
    shown = [c for c in frame.columns if c != "kode_opd"]
    return [text, table(frame, shown)]


def manual_iku_export(ctx: Context) -> list:
    from .exports import export_manual_iku
    from .paths import safe_name

    folder = Path(ctx.out_dir) / safe_name(str(ctx.pemda.info.get("kode_pemda") or "pemda")) / \
        safe_name(ctx.kode_opd)
    path = export_manual_iku(ctx.pemda, folder / "manual_iku.xlsx", ctx.kode_opd, overwrite=True)
    return [f"Manual IKU ditulis ke {md(path)}."]


# --------------------------------------------------------------------------- Pemda overview


def pemda_headline(ctx: Context) -> str:
    """One line of the Pemda's headline figures (plain text; the overview notebook checks it)."""
    head = summary.opd_headlines(ctx.pemda, ctx.findings, ctx.tahun, ctx.config, ctx.skala)
    outcomes = summary.outcome_carriers(ctx.pemda, ctx.tahun, ctx.config, ctx.skala)
    info = ctx.pemda.info
    return (f"{info.get('nama_pemda')} ({info.get('kode_pemda')}), periode "
            f"{info.get('periode_awal')}-{info.get('periode_akhir')}: {len(outcomes)} sasaran daerah, "
            f"{len(head)} OPD, {int(head['kondisi'].sum())} kondisi OPD, "
            f"{int(head['indikator'].sum())} indikator terpilih; temuan: {int(head['galat'].sum())} "
            f"galat, {int(head['peringatan'].sum())} peringatan, {int(head['info'].sum())} info.")


def pemda_headlines(ctx: Context) -> list:
    head = summary.opd_headlines(ctx.pemda, ctx.findings, ctx.tahun, ctx.config, ctx.skala)
    errors = int(head["galat"].sum())
    text = (f"{len(head)} OPD, {int(head['kondisi'].sum())} kondisi, "
            f"{int(head['indikator'].sum())} indikator terpilih; "
            f"{errors} galat dan {int(head['peringatan'].sum())} peringatan.")
    return [text, table(head)]


def pemda_outcomes(ctx: Context) -> list:
    return [diagrams.pemda_tree_figure(ctx.pemda, year=ctx.tahun, scale=ctx.skala, config=ctx.config),
            table(summary.outcome_carriers(ctx.pemda, ctx.tahun, ctx.config, ctx.skala))]


def crosscutting_network(ctx: Context) -> list:
    hubs = crosscutting.hubs(ctx.pemda)
    pending = crosscutting.pending(ctx.pemda)
    text = (f"{len(crosscutting.requests(ctx.pemda))} permintaan crosscutting; {len(pending)} "
            f"belum disepakati. OPD paling banyak dibutuhkan: "
            + ", ".join(f"{md(r.nama_opd)} ({r.diminta})" for r in
                        hubs.sort_values("diminta", ascending=False).head(3).itertuples()) + ".")
    return [text, diagrams.crosscutting_figure(ctx.pemda),
            table(hubs, ["kode_opd", "nama_opd", "diminta", "meminta", "usulan", "disetujui",
                         "ditolak"]),
            "**Belum disepakati**",
            table(pending, ["kode_opd", "nama_opd", "id_pohon", "nama_mitra", "peran", "status"])]


# --------------------------------------------------------------------------- explorer


def node_subtree(ctx: Context) -> list:
    node = ctx.node or ctx.top_nodes()[0]
    size = 1 + len(ctx.pemda.descendants(node))
    drawing = diagrams.draw_tree(ctx.pemda, [node], year=ctx.tahun, scale=ctx.skala,
                                 indicators=size <= 40, config=ctx.config,
                                 title=f"{node} dan cabangnya")
    return [f"**{md(node)}** {md(ctx.pemda.node(node).get('pernyataan'))}: {size} kondisi di cabang ini.",
            drawing]


def node_achievement(ctx: Context) -> list:
    node = ctx.node or ctx.top_nodes()[0]
    scope = [node, *ctx.pemda.descendants(node)]
    table_ = achievement.node_achievement(ctx.pemda, ctx.tahun, ctx.config, ctx.skala)
    table_ = table_.set_index("id").loc[scope].reset_index()
    return [table(table_, ["id", "level", "pernyataan", "kode_opd", "capaian_sendiri",
                           "capaian_cabang", "predikat", "cakupan"])]


def node_root_causes(ctx: Context) -> list:
    """The weakest descendants of the node and the root problems behind them."""
    node = ctx.node or ctx.top_nodes()[0]
    ranked = achievement.weakest_branch(ctx.pemda, node, ctx.tahun, ctx.config)
    ranked = ranked[ranked["kontribusi"].notna()].head(8)
    roots, linked = [], []
    for item in ranked.itertuples():
        trail, upstream = problems.problem_trail(ctx.pemda, item.id)
        linked.append(trail)
        roots.append("; ".join(f"{p} {ctx.pemda.problems.nodes[p].get('pernyataan')}"
                               for p in upstream))
    ranked = ranked.assign(jejak_masalah=linked, akar_masalah=roots)
    return ["Cabang yang paling menahan capaian, dan akar masalah di belakangnya (lewat "
            "`asal_masalah` kondisi itu atau induknya).",
            table(ranked, ["id", "level", "pernyataan", "capaian_cabang", "kontribusi",
                           "jejak_masalah", "akar_masalah"])]


def node_crosscutting(ctx: Context) -> list:
    node = ctx.node or ctx.top_nodes()[0]
    scope = {node, *ctx.pemda.descendants(node), *ctx.pemda.ancestors(node)}
    requests_ = crosscutting.requests(ctx.pemda)
    here = requests_[requests_["id_pohon"].isin(scope) | requests_["id_pohon_mitra"].isin(scope)]
    if here.empty:
        return ["Tidak ada crosscutting di sepanjang cabang ini."]
    return [f"{len(here)} permintaan crosscutting di sepanjang cabang ini (ke atas dan ke bawah).",
            table(here, ["id_pohon", "nama_opd", "nama_mitra", "id_pohon_mitra", "peran", "status"])]
