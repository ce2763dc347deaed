"""The views of the Pemda overview (``00_ikhtisar_pemda``): every OPD's headline, the Pemda's
outcomes, crosscutting, shared roots, national alignment and the Pemda's LKE estimate."""

from __future__ import annotations

import pandas as pd

from ...core.findings import count_by_severity
from ...method import alignment, crosscutting, lke, shared_roots, summary
from ...outputs import diagrams
from ..display import Folded, Section, md, table
from .context import (
    Context,
    candidates_table,
    lke_estimates,
    lke_section,
    missing,
    opd_list,
    reads,
    shared_or_why,
)


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


@reads("tahun", "skala", "config", "check_config")
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


@reads("tahun", "skala", "config")
def pemda_outcomes(ctx: Context) -> list:
    carriers = summary.outcome_carriers(ctx.pemda, ctx.tahun, ctx.config, ctx.skala)
    if carriers.empty:
        return [missing(ctx, "ultimate")]
    return [diagrams.pemda_tree_figure(ctx.pemda, year=ctx.tahun, scale=ctx.skala, config=ctx.config),
            table(carriers)]


@reads()
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


SHARED_RULE = (
    "Akar masalah bersama: masalah tanpa penyebab di pohon masalah gabungan semua OPD (kolom "
    "`menyebabkan` boleh menunjuk masalah OPD lain) yang akibatnya sampai ke masalah inti dua OPD "
    "atau lebih, atau ke masalah asal sasaran daerah. Peringkat menurut, berurutan: jumlah OPD yang "
    "masalah intinya dicapai (satu OPD dihitung sekali), jumlah sasaran daerah yang dicapai, dan "
    "kekurangan capaian {tahun} yang ditahannya (jumlah 100% dikurangi capaian cabang setiap kondisi "
    "yang berasal dari masalah di jalurnya, poin); sama pada ketiganya berarti peringkat seri.")


@reads("tahun", "config")
def shared_roots_pemda(ctx: Context) -> list:
    """The Pemda's shared root problems, ranked, drawn, with the crosscutting they call for."""
    frame = shared_or_why(ctx)
    if isinstance(frame, list):
        return frame
    shown = frame.assign(opd=[ctx.pemda.opd_short(c) for c in frame["kode_opd"]],
                         opd_inti=[opd_list(ctx, c) for c in frame["opd_inti"]],
                         opd_akibat=[opd_list(ctx, c) for c in frame["opd_akibat"]],
                         crosscutting_kurang=[opd_list(ctx, c) for c in frame["crosscutting_kurang"]],
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
                    candidates_table(ctx, candidates)]
    return Section(text=text, table=table(shown, [
        "peringkat", "seri", "id", "pernyataan", "opd", "opd_inti", "kondisi_pemda", "kekurangan",
        "kondisi_tertahan", "crosscutting_ada", "crosscutting_kurang"]),
        figure=diagrams.shared_roots_figure(ctx.pemda, frame), candidates=proposal)


@reads()
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
    support = support.assign(opd=[opd_list(ctx, c) for c in support["opd"]])
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
                   table=Folded(f"Acuan setiap sasaran ({len(frame)} baris, {len(frame) - len(carried)} "
                                f"tanpa acuan nasional)",
                                table(frame, ["id", "level", "opd", "pernyataan", "acuan_nasional",
                                              "acuan_provinsi"])))


@reads("tahun", "skala", "config", "check_config")
def lke_pemda(ctx: Context) -> list:
    """The Pemda's estimated LKE answers and the OPDs that pull each criterion down most."""
    estimates = lke_estimates(ctx)
    section = lke_section(ctx, estimates[None], "Untuk seluruh Pemda (semua unsur semua OPD)",
                          evaluator=True, findings_where="di laporan langkah 2 setiap OPD (Temuan logika)")
    pulls = lke.pulls(estimates, ctx.pemda)
    parts = dict(section.parts)
    parts["pulls"] = ["**OPD yang paling menurunkan setiap kriteria** (persen unsur terpenuhi terendah)",
                      table(pulls)]
    return Section(**parts)
