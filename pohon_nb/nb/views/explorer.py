"""The views of the root-cause explorer (``jelajah_akar_masalah``): where to start in the
Pemda, one condition's branch, its achievement, its root causes, its change between years and
the crosscutting along it."""

from __future__ import annotations

import pandas as pd

from ...core.formats import number_text
from ...method import achievement, crosscutting, problems, shared_roots, summary
from ...outputs import diagrams
from ..display import Deferred, Section, md, table
from .context import (
    Context,
    reads,
    shared_or_why,
    year_gap,
)

NODE = ("kode_opd", "node")  # what a condition's sections follow (the OPD follows the condition)


def focus_node(ctx: Context) -> str | None:
    """The condition the explorer looks at: the chosen one, else the OPD's first top condition,
    else the first condition of the tree."""
    if ctx.node in ctx.pemda.tree:
        return ctx.node
    tops = ctx.top_nodes() or ctx.pemda.tree_order()
    return tops[0] if tops else None


def _no_node(ctx: Context) -> list:
    return ["*Pohon kinerja masih kosong: isi sheet `pohon` dulu.*"]


ENTRY_ROWS = 15


@reads("tahun", "config")
def pemda_weakest(ctx: Context) -> list:
    """Where to start: the OPD branches holding the Pemda's outcomes back most, down to the
    weakest point and its root problems, with their owners."""
    if not ctx.pemda.tree:
        return _no_node(ctx)
    frame = summary.weakest_across_pemda(ctx.pemda, ctx.tahun, ctx.config)
    if frame.empty:
        gap = year_gap(ctx, ctx.pemda.tree_order())
        return [gap or _nothing_holds_back(ctx)]
    frame = frame.assign(opd=[ctx.pemda.opd_short(c) for c in frame["kode_opd"]])
    shown = frame.head(ENTRY_ROWS)
    text = (f"Cabang OPD yang paling menahan capaian sasaran daerah {ctx.tahun}, diurutkan menurut "
            f"kontribusinya pada kekurangan sasaran daerah (poin); tiap cabang diikuti turun ke "
            f"titik terlemahnya dan akar masalah di belakangnya, dengan OPD pemiliknya. Ketik ID "
            f"di kotak *Cari* untuk menjelajahinya.")
    if len(frame) > len(shown):
        text += f" {len(shown)} dari {len(frame)} cabang yang menahan capaian ditampilkan."
    unlinked = shown.loc[shown["jejak_masalah"].isna(), "titik_terlemah"].tolist()
    if len(unlinked) == len(shown):
        text += (" Belum ada cabang ini yang merujuk masalah: isi kolom `asal_masalah` di sheet "
                 "`pohon` agar akar masalahnya terlihat.")
    elif unlinked:
        text += (f" Titik terlemah {', '.join(md(n) for n in unlinked)} belum merujuk masalah (kolom "
                 "`asal_masalah` di sheet `pohon`, pada kondisi itu atau outcome yang dilayaninya): "
                 "akar masalahnya dikosongkan, bukan diambil dari outcome yang lebih tinggi.")
    return Section(text=text, table=table(shown, [
        "opd", "id", "pernyataan", "sasaran_daerah", "capaian_cabang", "kontribusi",
        "titik_terlemah", "pernyataan_titik", "akar_masalah", "opd_akar_masalah"]))


def _nothing_holds_back(ctx: Context) -> str:
    """Why the entry table has no row although the year has data."""
    limit = number_text(achievement.HOLDS_BACK)
    text = (f"*Tidak ada cabang OPD yang dapat diurutkan untuk {ctx.tahun}: tidak ada yang mengurangi "
            f"capaian sasaran daerah {limit} poin atau lebih (setiap cabang OPD yang berdata mencapai "
            f"targetnya, atau hampir).*")
    tops = [n for n in ctx.pemda.tree_order() if ctx.pemda.parent(n) is None]
    bare = [n for n in tops if not ctx.pemda.indicators_of(n)]
    if bare:
        text += (f" {len(bare)} dari {len(tops)} sasaran daerah belum punya indikator sendiri (sheet "
                 f"`indikator`, mis. {md(bare[0])}): capaiannya hanya dihitung dari cabang di bawahnya.")
    return text


@reads("kode_opd", "tahun", "skala", "config")
def shared_roots_outcomes(ctx: Context) -> list:
    """Each shared root and the conditions (OPD outcomes) it holds back, with their achievement."""
    frame = shared_or_why(ctx)
    if isinstance(frame, list):
        return frame
    def held(roots: pd.DataFrame):
        return table(shared_roots.held_conditions(ctx.pemda, roots, ctx.tahun, ctx.config, ctx.skala))

    mine = frame[shared_roots.involving(frame, ctx.kode_opd)]
    everyone = Deferred(f"Semua OPD: {len(frame)} akar masalah bersama dan kondisi yang ditahannya",
                        lambda: held(frame))
    opd = md(ctx.pemda.opd_short(ctx.kode_opd))
    if mine.empty:
        return Section(text=f"Tidak ada akar masalah bersama yang melibatkan **{opd}** (akar yang "
                            f"dianalisisnya, yang sampai ke masalah intinya, atau yang akibatnya ada di "
                            f"masalahnya); {len(frame)} akar masalah bersama Pemda ada di bawah.",
                       everyone=everyone)
    text = (f"**{len(mine)} dari {len(frame)} akar masalah bersama melibatkan {opd}** (dianalisis OPD "
            f"ini, sampai ke masalah intinya, atau akibatnya ada di masalahnya): setiap akar dengan "
            f"kondisi (outcome OPD dan sasaran daerah) yang berasal dari masalah di jalur akibatnya, "
            f"capaian cabang {ctx.tahun}. Ketik ID akar (mis. {md(mine['id'].iloc[0])}) di kotak *Cari* "
            f"untuk memilih kondisi yang ditahannya.")
    return Section(text=text, table=held(mine), everyone=everyone if len(mine) < len(frame) else None)


@reads(*NODE, "tahun", "skala", "config")
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
    gap = year_gap(ctx, [node, *ctx.pemda.descendants(node)])
    if gap:  # the badges read "n/a": say why, and where to fill it
        text += " Lencana \"n/a\": " + gap
    return Section(text=text, figure=drawing)


CHANGE_ROWS = 10
"""The largest drops a wide branch's year-to-year table shows beside the condition's children."""

ACHIEVEMENT_ROWS = 40
"""A branch of more conditions shows the condition and the level below it; the whole branch is
one click away (and in the workbook *Simpan tampilan* writes)."""


@reads(*NODE, "tahun", "skala", "config")
def node_achievement(ctx: Context) -> list:
    node = focus_node(ctx)
    if node is None:
        return _no_node(ctx)
    scope = [node, *ctx.pemda.descendants(node)]
    table_ = achievement.node_achievement(ctx.pemda, ctx.tahun, ctx.config, ctx.skala)
    table_ = table_.set_index("id").loc[scope].reset_index()
    table_ = table_.assign(opd=[ctx.pemda.opd_short(c) if isinstance(c, str) and c else "Pemda"
                                for c in table_["kode_opd"]])
    columns = ["id", "level", "pernyataan", "opd", "capaian_sendiri", "predikat", "keterangan",
               "capaian_cabang", "cakupan"]
    gap = year_gap(ctx, scope)
    if len(scope) <= ACHIEVEMENT_ROWS:
        return [*([gap] if gap else []), table(table_, columns)]
    near = [node, *ctx.pemda.children(node)]
    text = (f"Kondisi ini dan {len(near) - 1} kondisi tepat di bawahnya; seluruh {len(scope)} kondisi "
            f"cabang ini ada di tabel yang dibuka di bawah (dan ikut tersimpan lewat *Simpan tampilan*).")
    whole = table_
    return [*([gap] if gap else []), text, table(table_.set_index("id").loc[near].reset_index(), columns),
            Deferred(f"Semua {len(scope)} kondisi di cabang {node}", lambda: table(whole, columns))]


@reads(*NODE, "tahun", "config")
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
        gap = year_gap(ctx, ctx.pemda.descendants(node))
        return [f"Cabang di bawah **{md(node)}** belum berdata capaian {ctx.tahun}. "
                + (gap or "")]
    # Only a branch that takes points off holds the outcome back; the others are named, not listed.
    holding = ranked[ranked["kontribusi"] >= achievement.HOLDS_BACK]
    culprits, clear = holding.head(8), len(ranked) - len(holding)
    if culprits.empty:
        return [f"Tidak ada cabang di bawah **{md(node)}** yang menahan capaian {ctx.tahun}: "
                f"{clear} cabang berdata tidak mengurangi nilainya {number_text(achievement.HOLDS_BACK)} "
                f"poin atau lebih."]
    culprits = problems.with_root_causes(ctx.pemda, culprits)
    unlinked = culprits.loc[culprits["jejak_masalah"].isna(), "id"].tolist()
    text = ("Cabang yang paling menahan capaian (mengurangi nilainya), pemiliknya (OPD dan jabatan), "
            "dan akar masalah di belakangnya dengan OPD yang menganalisisnya: akar dari masalah yang "
            "dirujuk `asal_masalah` di cabang itu sendiri (output memakai masalah outcome yang "
            "dilayaninya).")
    if clear:
        text += f" {clear} cabang lain berdata dan tidak mengurangi nilai: tidak dicantumkan."
    if len(unlinked) == len(culprits):
        text += (" Belum ada cabang ini yang merujuk masalah: isi kolom `asal_masalah` di sheet "
                 "`pohon` (dan sheet `masalah`) agar akar masalahnya terlihat.")
    elif unlinked:
        text += (f" {', '.join(md(n) for n in unlinked)} belum merujuk masalah sendiri (kolom "
                 "`asal_masalah` di sheet `pohon`): akar masalahnya dikosongkan, bukan diambil dari "
                 "outcome di atasnya.")
    return Section(text=text, table=table(culprits, [
        "id", "opd", "jabatan", "level", "pernyataan", "capaian_cabang", "kontribusi", "jejak_masalah",
        "akar_masalah"], optional=("jabatan",)))


@reads(*NODE)
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


@reads(*NODE, "tahun", "tahun_banding", "skala", "config")
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
    text = (f"Capaian cabang {last} dibanding {first} (poin persentase; negatif berarti turun). "
            f"{len(changed)} dari {len(frame)} kondisi berdata di kedua tahun.")
    if ctx.tahun_banding == ctx.tahun:
        text = (f"Tahun banding sama dengan tahun yang dinilai ({ctx.tahun}): dibandingkan dengan tahun "
                f"berdata sebelumnya, {other}. ") + text
    if len(down):
        text += " Turun paling banyak: " + ", ".join(
            f"**{md(r.id)}** ({number_text(round(r.perubahan, 1))} poin)" for r in down.itertuples()) + "."
    else:
        text += " Tidak ada kondisi yang capaiannya turun."
    frame = frame.assign(opd=[ctx.pemda.opd_short(c) if pd.notna(c) and c else "Pemda"
                                for c in frame["kode_opd"]])
    columns = ["id", "opd", "level", "pernyataan", f"capaian_{first}", f"predikat_{first}",
               f"capaian_{last}", f"predikat_{last}", "perubahan"]
    if len(frame) <= ACHIEVEMENT_ROWS:
        return Section(text=text, table=table(frame, columns))
    # A wide branch: the condition, the level below it and the largest drops; the rest one click away.
    drops = changed[changed["perubahan"] < 0].nsmallest(CHANGE_ROWS, "perubahan")
    near = {node, *ctx.pemda.children(node), *drops["id"]}
    text += (f" Tabel: kondisi ini, kondisi tepat di bawahnya dan {len(drops)} penurunan terbesar; "
             f"seluruh {len(frame)} kondisi cabang ini ada di tabel yang dibuka di bawahnya.")
    return Section(text=text, table=table(frame[frame["id"].isin(near)], columns),
                   everything=Deferred(f"Semua {len(frame)} kondisi di cabang {node}: perubahan {first} ke "
                                       f"{last}", lambda: table(frame, columns)))
