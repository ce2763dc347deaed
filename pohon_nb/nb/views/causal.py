"""The views of causal mapping (``02_pemetaan_kausal``): problem tree to performance tree, the
OPD's tree and its logic findings, achievement up the tree, the budget, crosscutting both ways,
the OPD's LKE estimate and what changed since the earlier workbook."""

from __future__ import annotations

from collections import Counter
from functools import partial
from pathlib import Path

import pandas as pd

from ...core.findings import GROUPED
from ...core.formats import number_text, percent
from ...method import achievement, crosscutting, lke, problems, summary
from ...method import budget as budgets
from ...method.changes import PARTS, compare
from ...outputs import diagrams
from ..display import Deferred, Folded, Section, code, md, table
from .context import (
    SCREEN_WIDTH,
    Context,
    findings_table,
    lke_estimates,
    lke_section,
    missing,
    year_gap,
)


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
    external = table_[table_["kandidat_crosscutting"].astype(bool)]
    if len(external):
        ids = md(", ".join(external["id_masalah"]))
        text += (f" {len(external)} penyebab di luar kewenangan OPD ({ids}) "
                 f"tidak menjadi kondisi OPD ini: ajukan sebagai permintaan crosscutting ke OPD yang "
                 f"berwenang (sheet `lintas_opd`).")
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
    by_problem = problems.traced_by_problem(trace, ctx.pemda)
    # The sentence above says what the room acts on; the rows behind it are one click away.
    return [text, Folded(f"Jejak {len(by_problem)} masalah yang dijawab kondisi OPD ini (kondisinya dan "
                         f"akar masalah di belakangnya)", table(by_problem))]


def opd_tree(ctx: Context) -> list:
    if not ctx.opd_nodes():
        return [missing(ctx, "pohon")]
    # 11 inches is about a notebook's width at 100 dpi: wider trees are split, not shrunk.
    plans = diagrams.opd_tree_plans(ctx.pemda, ctx.kode_opd, year=ctx.tahun, scale=ctx.skala,
                                    config=ctx.config, max_width=SCREEN_WIDTH)
    # The first drawing now; the branches when shown (at once in a report, when opened in
    # the interactive panel).
    # A long column of leaves wraps into columns that use the page's width (half as tall).
    plans = [plan.fitted(SCREEN_WIDTH) for plan in plans]
    drawings = [diagrams.render_tree(ctx.pemda, plans[0]),
                *(Deferred(plan.title, partial(diagrams.render_tree, ctx.pemda, plan))
                  for plan in plans[1:])]
    text = (f"Pohon kinerja OPD di bawah sasaran daerah yang dilayaninya; lencana: capaian {ctx.tahun} "
            f"dari indikator kondisi itu sendiri, di bawahnya capaian cabang yang menjelaskannya.")
    gap = year_gap(ctx, ctx.opd_nodes())
    if gap:
        text += " Lencana \"n/a\": " + gap
    if len(drawings) > 1:
        text += (f" Pohon ini terlalu lebar untuk satu halaman: {len(drawings)} gambar (ikhtisar dulu, "
                 f"lalu satu gambar per cabang).")
    return [text, *drawings]


def logic_findings(ctx: Context) -> list:
    own = [f for f in ctx.findings if f.kode_opd == ctx.kode_opd]
    if not own:
        return ["Tidak ada temuan untuk OPD ini."]
    criteria = Counter(f.criterion for f in own if f.criterion)
    text = (f"{len(own)} temuan. Kriteria evaluasi (PermenPANRB 88/2021) yang tersentuh: "
            + ", ".join(f"{c} ({n})" for c, n in sorted(criteria.items())) + ".")
    if any(n >= GROUPED for n in Counter(f.code for f in own).values()):
        text += f" Aturan yang ditemukan {GROUPED} kali atau lebih ditulis satu baris dengan semua letaknya."
    return [text, table(findings_table(own, grouped=True))]


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
    gap = year_gap(ctx, ctx.opd_nodes())
    columns = ["id", "level", "pernyataan", "capaian_sendiri", "predikat", "catatan_capaian", "keterangan",
               "capaian_cabang", "indikator", "indikator_berdata", "cakupan"]
    # The tree above carries the same figures on its badges: the table is opened when wanted, its
    # two less obvious columns explained where it is opened.
    return [*([gap] if gap else []),
            Folded(f"Tabel capaian {ctx.tahun} setiap kondisi ({len(nodes)} baris, angka lencana pohon di "
                   f"atas; Catatan capaian: angka sebelum batas atas dan tanpa target kurang menantang "
                   f"(M07); Cakupan: indikator berdata / semua indikator di cabang)",
                   table(nodes, columns, optional=("catatan_capaian", "keterangan")))]


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
            gap = year_gap(ctx, [top, *ctx.pemda.descendants(top)]) or \
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
        # Where each row sits is the tree's (drawn above) and its parent is "Termasuk dalam": the
        # path is not printed again, and each row stays one line.
        items += [text, table(ranked, ["id", "level", "pernyataan", "capaian_cabang", "bobot",
                                       "kontribusi", "termasuk_dalam"], max_rows=WEAKEST_ROWS,
                            optional=("termasuk_dalam",))]
        if len(ranked) > WEAKEST_ROWS:
            rest = len(ranked) - WEAKEST_ROWS
            most = number_text(round(float(ranked["kontribusi"].iloc[WEAKEST_ROWS:].max()), 1))
            items.append(f"*1 cabang lain menyumbang {most} poin.*" if rest == 1 else
                         f"*{rest} cabang lain menyumbang paling banyak {most} poin masing-masing.*")
    return items


WEAKEST_ROWS = 5
"""The branches a weakest-branch table shows: those that hold the result back most."""


def budget(ctx: Context) -> list:
    """The OPD's budget beside its results: per branch, outputs without a budget line, lines
    on conditions that are not outputs, and the efficiency of each funded condition."""
    if not ctx.opd_nodes():
        return [missing(ctx, "pohon")]
    found = budgets.opd_budget(ctx.pemda, ctx.kode_opd, ctx.tahun, ctx.config)
    if found is None:
        return [missing(ctx, "anggaran", "anggaran")]
    text = (f"Pagu {ctx.tahun} OPD ini Rp {number_text(found.total)} pada {len(found.funded)} kondisi. "
            f"Anggaran per cabang di samping capaiannya: cabang dengan serapan tinggi tetapi capaian "
            f"rendah perlu ditinjau.")
    if found.unfunded_outputs:
        text += (f" {len(found.unfunded_outputs)} output belum punya baris anggaran (sub kegiatan): "
                 f"{md(', '.join(found.unfunded_outputs))}.")
    if found.off_output:
        text += (f" Anggaran tercatat pada kondisi yang bukan output: {md(', '.join(found.off_output))}; "
                 f"anggaran sebaiknya melekat pada output (sub kegiatan).")
    items = [text, table(found.branches)]
    if found.efficiency_known:
        # Per condition, behind its summary: the branch table above is what the room reads.
        items.append(Folded(
            f"Efisiensi setiap kondisi yang dibiayai ({len(found.efficiency)} kondisi; Kemenkeu: E dan "
            f"nilai efisiensi; praktik daerah: sisa pagu saat target tercapai)",
            table(found.efficiency, ["id_pohon", "pagu", "realisasi_anggaran", "serapan", "capaian",
                                     "efisiensi", "nilai_efisiensi", "sisa_anggaran_target_tercapai"])))
    else:
        items.append("Efisiensi belum dapat dihitung: perlu realisasi anggaran dan realisasi "
                     "indikator maks pada kondisi yang dibiayai.")
    return items


def crosscutting_both_ways(ctx: Context) -> list:
    needs, needed_by = crosscutting.dependencies(ctx.pemda, ctx.kode_opd)
    if needs.empty and needed_by.empty:
        return ["OPD ini tidak meminta dan tidak diminta dukungan OPD lain. " +
                missing(ctx, "lintas_opd", "lintas_opd")]
    # Waiting means proposed and not yet answered; a rejected request is settled (M16).
    pending = needs[needs["status"] == "usulan"]
    rejected = needs[needs["status"] == "ditolak"]
    asked = (f"meminta {len(needs)} dukungan dari OPD lain" if len(needs)
             else "tidak meminta dukungan OPD lain")
    asked_of = (f"diminta {len(needed_by)} dukungan oleh OPD lain" if len(needed_by)
                else "tidak diminta dukungan oleh OPD lain")
    text = f"OPD ini {asked} dan {asked_of}."
    if len(pending):
        text += " **Belum disepakati** (menunggu jawaban mitra): " + "; ".join(
            f"{md(r.id_pohon)} ← {md(r.nama_mitra)}" for r in pending.itertuples()) + "."
    if len(rejected):
        text += " **Ditolak mitra** (perlu mitra atau rancangan lain, M16): " + "; ".join(
            f"{md(r.id_pohon)} ← {md(r.nama_mitra)}" for r in rejected.itertuples()) + "."
    columns = ["id_pohon", "pernyataan", "kode_opd_mitra", "nama_mitra", "id_pohon_mitra",
               "peran", "status"]
    items = [text, "**Yang dibutuhkan OPD ini dari OPD lain**"]
    items.append(table(needs, columns) if len(needs) else "Tidak ada.")
    items.append("**Yang dibutuhkan OPD lain dari OPD ini**")
    items.append(table(needed_by, ["nama_opd", "id_pohon", "pernyataan", "id_pohon_mitra", "peran",
                                   "status"]) if len(needed_by) else "Tidak ada.")
    return items


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
    return lke_section(ctx, lke_estimates(ctx, ctx.kode_opd)[ctx.kode_opd], f"Untuk {md(ctx.opd_name)}", note)


NOT_COMPARED = (
    "*Belum ada versi sebelumnya yang dibandingkan. Sejak putaran asistensi kedua di sini tampil "
    "temuan yang selesai, yang baru, dan data yang berubah.*")


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
    text = (f"Sejak versi sebelumnya ({code(Path(ctx.previous.source).name)}): "
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
