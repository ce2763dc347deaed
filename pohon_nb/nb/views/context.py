"""What every notebook's views share: the :class:`Context` a view reads, the headings the views
are shown under, the sentences a section shows when the workbook has nothing for it, and the
few helpers more than one notebook uses (the OPD's headline, the shared roots, the LKE section)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from ...core.findings import SEVERITY_LABELS, TYPE_AND_TARGET_RULES, Finding, in_groups
from ...core.formats import percent
from ...core.paths import OUT
from ...method import achievement, follow_up, lke, shared_roots, summary
from ...method.checked import Checked, check
from ...method.checks import CheckConfig
from ...method.scales import DEFAULT_SCALE
from ...reading.model import Pemda
from ..display import Section, code, md, table


@dataclass
class Context:
    """Everything a view depends on. Changing a field and calling the view again is all a
    widget does."""

    pemda: Pemda
    kode_opd: str
    tahun: int
    skala: str = DEFAULT_SCALE
    node: str | None = None
    out_dir: Path = Path(OUT)
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
        return self.pemda.top_owned(self.kode_opd)


FIELDS = ("kode_opd", "tahun", "skala", "node", "config", "check_config", "out_dir", "tahun_banding")
"""The fields of a :class:`Context` a control panel changes; a view reads all of them unless it
says otherwise with :func:`reads`."""


def reads(*fields: str):
    """Mark a view as reading only ``fields`` of the context (and the Pemda): a control panel
    leaves the section as it is, neither greyed nor redrawn, when another field changes.
    ``tests/test_interactive.py`` changes every other field and checks the section is the same."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown context fields {sorted(unknown)}; known: {FIELDS}")

    def mark(view):
        view.reads = fields
        return view

    return mark


SCREEN_WIDTH = 11.0  # inches of drawing a notebook page shows at full size


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
    "fix_today": "Perbaiki hari ini",
    "lke_opd": "Perkiraan jawaban LKE", "lke_pemda": "Perkiraan jawaban LKE Pemda",
}


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
    text = MISSING[key].format(kode=code(ctx.kode_opd), tahun=ctx.tahun,
                               tahun_ada=", ".join(map(str, ctx.pemda.years)) or "belum ada")
    if sheet is not None and not ctx.pemda.tables[sheet].present:
        text += f" (Sheet `{sheet}` belum ada di workbook ini.)"
    return f"*{text}*"


def year_gap(ctx: Context, nodes: list[str]) -> str | None:
    """The sentence for why no achievement of ``nodes`` in ``ctx.tahun`` can be computed
    (:func:`achievement.data_gap`), or None when some can."""
    gap = achievement.data_gap(ctx.pemda, nodes, ctx.tahun)
    return missing(ctx, gap) if gap else None


FINDING_COLUMNS = ["severity", "code", "title", "criterion", "sheet", "row", "column", "ref", "message"]

def findings_table(findings: list[Finding], grouped: bool = False) -> pd.DataFrame:
    """One row per finding; ``grouped``: one row per rule found :data:`GROUPED` times or more
    (:func:`in_groups`), its rows, columns and ids listed and one text shown as the example."""
    def row_of(f: Finding) -> dict:
        return {"severity": SEVERITY_LABELS[f.severity], "code": f.code, "title": f.title,
                "criterion": f.criterion, "sheet": f.sheet, "row": f.row, "column": f.column,
                "ref": f.ref, "message": f.message}

    def listed(values, limit: int = 12) -> str:
        distinct = list(dict.fromkeys(str(v) for v in values if v not in (None, "")))
        more = f" dan {len(distinct) - limit} lagi" if len(distinct) > limit else ""
        return ", ".join(distinct[:limit]) + more

    rows = []
    for group in (in_groups(findings) if grouped else [[f] for f in findings]):
        first = group[0]
        if len(group) == 1:
            rows.append(row_of(first))
            continue
        rows.append({**row_of(first), "sheet": listed(f.sheet for f in group),
                     "row": listed(f.row for f in group), "column": listed(f.column for f in group),
                     "ref": listed(f.ref for f in group),
                     "message": f"{len(group)} temuan. Contoh, {first.ref}: {first.message}"})
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def opd_folder(ctx: Context) -> Path:
    """The OPD's output folder: ``<out>/<kode_pemda>/<kode_opd>/``."""
    from ...core.paths import opd_folder as folder

    return folder(ctx.out_dir, ctx.pemda.info.get("kode_pemda"), ctx.kode_opd)


def headline_row(ctx: Context):
    """The OPD's row of :func:`summary.opd_headlines`, computed for this OPD only."""
    return summary.opd_headlines(ctx.checked, ctx.tahun, ctx.config, ctx.skala,
                                 codes=[ctx.kode_opd]).iloc[0]


def headline(ctx: Context) -> str:
    """One line of the OPD's headline figures (plain text; the notebooks check it)."""
    row = headline_row(ctx)
    return (f"{row['nama_opd']} ({ctx.kode_opd}): {row['kondisi']} kondisi, {row['indikator']} "
            f"indikator terpilih, {row['iku']} IKU; capaian {ctx.tahun} {percent(row['capaian'])}"
            f", predikat {summary.predicate_text(row['capaian'], row['predikat'])}"
            + (f" [{row['catatan_capaian']}]" if row["catatan_capaian"] else "") +
            f", cabang {percent(row['capaian_cabang'])}; "
            f"temuan: {row['galat']} galat, "
            f"{row['peringatan']} peringatan, {row['info']} info; "
            f"{summary.waiting_text(row['permintaan_tertunda'], row['diminta_tertunda'])}.")


def shared_or_why(ctx: Context):
    """The ranked shared roots, or the sentence saying why there are none (a list)."""
    if not ctx.pemda.tables["masalah"].rows:
        return [missing(ctx, "masalah_pemda", "masalah")]
    frame = shared_roots.shared_roots(ctx.pemda, ctx.tahun, ctx.config)
    return [NO_SHARED] if frame.empty else frame


NO_SHARED = (
    "*Belum ada akar masalah bersama: tidak ada masalah yang akibatnya sampai ke masalah inti dua "
    "OPD atau ke asal sasaran daerah. Di sheet `masalah`, tulis di kolom `menyebabkan` ID masalah "
    "OPD lain yang diakibatkannya (mis. sanitasi buruk di DPUPR menyebabkan stunting di Dinkes), "
    "dan di sheet `pohon` isi `asal_masalah` sasaran daerah.*")


def opd_list(ctx: Context, codes: str) -> str:
    return ", ".join(ctx.pemda.opd_short(c) for c in codes.split(";") if c)


def candidates_table(ctx: Context, candidates: pd.DataFrame):
    named = candidates.assign(nama_opd=[ctx.pemda.opd_short(c) for c in candidates["kode_opd"]],
                              nama_mitra=[ctx.pemda.opd_short(c) for c in candidates["kode_opd_mitra"]])
    return table(named, ["akar_masalah", "nama_opd", "id_pohon", "nama_mitra", "peran"])


def lke_estimates(ctx: Context, kode_opd: str | None = None) -> dict:
    """The LKE estimate of the whole Pemda, or of one OPD only (quicker on a large Pemda)."""
    key = ("lke", ctx.tahun, ctx.config, ctx.check_config, kode_opd)
    return ctx.pemda.memo(key, lambda: lke.estimate(ctx.checked, ctx.tahun, ctx.config,
                                                    kode_opd=kode_opd))


def lke_section(ctx: Context, estimates: list, who: str, note: str | None = None,
                evaluator: bool = False, findings_where: str = "di bagian Temuan logika") -> Section:
    """The LKE estimate: the criteria the workbook decides, each naming what holds it back by rule and
    id (the findings' texts are in the report's findings table). ``evaluator``: also list the
    criteria the evaluator judges from documents, with the evidence asked (the Pemda overview does;
    an OPD's report names where they are instead of printing the same table again)."""
    frame = lke.table(estimates, short=True)
    decided = frame[frame["jawaban"] != lke.NOT_DECIDED]
    others = frame[frame["jawaban"] == lke.NOT_DECIDED]
    text = (f"**{lke.ESTIMATE_NOTE}** {who}: {len(decided)} kriteria diperkirakan dari workbook ("
            + ", ".join(f"{n} {a}" for a, n in lke.answer_counts(estimates)) + f"); {len(others)} kriteria "
            f"dinilai evaluator dari bukti dokumen."
            # How an answer follows from the share of elements is the same for every OPD: said
            # where the evaluator's criteria are listed (the Pemda overview), named elsewhere.
            + (" Unsur setiap kriteria dan jawabannya mengikuti tabel `data/lke_kriteria.csv` dan "
               "`data/lke_jawaban.csv` (PermenPANRB 88/2021): BB bila seluruh unsur terpenuhi, B lebih "
               "dari 75%, CC lebih dari 50%, C lebih dari 25%, D lebih dari 0%, E tidak ada."
               if evaluator else "")
            + f" Unsur yang menahan disebut dengan kode aturan dan ID; uraian temuannya ada "
              f"{findings_where}.")
    # A criterion at BB has nothing holding it back: named in one sentence, the table is the rest.
    full = decided[decided["jawaban"] == "BB"]
    below = decided[decided["jawaban"] != "BB"]
    if len(full):
        codes = md(", ".join(full["kriteria"]))
        text += (f" BB, semua unsur terpenuhi: {codes}." if len(below) else
                 f" Semua kriteria yang diperkirakan BB, semua unsur terpenuhi: {codes}.")
    # When every element holding a criterion back must be fixed to rise a grade, the list is not
    # printed twice in one row.
    shown = below.assign(
        unsur_terpenuhi=[f"{t} dari {u}" for t, u in zip(below["terpenuhi"], below["unsur"])],
        naik_satu_tingkat=["semua yang menahan" if fix and fix == held else fix
                           for fix, held in zip(below["naik_satu_tingkat"], below["tertahan"])])
    columns = ["kriteria", "uraian", "jawaban", "persen", "unsur_terpenuhi", "tertahan", "naik_satu_tingkat"]
    if not len(others):
        listed = None
    elif evaluator:
        listed = ["**Dinilai evaluator** (bukti yang akan diminta)",
                  table(others, ["kriteria", "uraian", "bukti_evaluator"])]
    else:
        listed = (f"{len(others)} kriteria yang dinilai evaluator sama untuk semua OPD: daftar, bukti yang "
                  f"diminta dan cara menghitung jawaban di ikhtisar Pemda dan `pohon-nb export lke`.")
    return Section(text=text, table=table(shown, columns) if len(shown) else None, note=note,
                   evaluator=listed)


FIX_TODAY = 6
"""How many actions a report's "Perbaiki hari ini" lists (the brief prints as many)."""


def explained_in(code: str, criterion: str) -> str:
    """Where a report explains an action's finding: type and target findings in step 3's
    "Jenis indikator dan polaritas", every other finding in step 2's "Temuan logika", an element
    no finding holds back (a Manual IKU field) where its criterion is shown."""
    if code in TYPE_AND_TARGET_RULES or (not code and criterion.startswith("2.a")):
        return "langkah 3"
    return "langkah 2, Temuan logika" if code else "langkah 2, Perkiraan jawaban LKE"


def fix_today(ctx: Context) -> Section:
    """The short list every step report opens with: the OPD's agreed actions still open, then the
    proposed ones (:func:`follow_up.today`, the list the printed brief carries), each naming its
    finding by rule and id; the finding's text is in the section named."""
    if not ctx.opd_nodes():
        return Section(text=missing(ctx, "pohon"))
    estimates = lke_estimates(ctx, ctx.kode_opd)[ctx.kode_opd]
    actions = follow_up.today(ctx.checked, ctx.kode_opd, ctx.tahun, ctx.config, estimates)
    if actions.empty:
        return Section(text="Tidak ada unsur yang dapat diperbaiki untuk menaikkan perkiraan LKE OPD ini; "
                            "temuan yang tersisa (bila ada) ada di langkah 2, Temuan logika.")
    counted = follow_up.counts(follow_up.review(ctx.checked), ctx.kode_opd)
    agreed = (f"Tindak lanjut yang disepakati (sheet `tindak_lanjut`): {follow_up.counts_text(counted)}. "
              if any(counted.values()) else
              "Usulan pohon-nb, belum disepakati (sheet `tindak_lanjut`): unsur paling sedikit yang "
              "menaikkan perkiraan LKE. ")
    lines = []
    for r in actions.head(FIX_TODAY).itertuples():
        state = (f"**{md(r.id)}** ({md(r.keadaan)}" + (f", tenggat {md(r.tenggat)})" if r.tenggat else ")")
                 if r.id else "usulan")
        rule = ", ".join(x for x in (md(r.kode_aturan), f"menaikkan {md(r.kriteria)}" if r.kriteria else "")
                         if x)
        lines.append(f"- {state}: **{md(r.ref)}** {md(r.tindakan)}" + (f" ({rule})" if rule else "")
                     + f"; lihat {explained_in(r.kode_aturan, r.kriteria)}.")
    rest = len(actions) - FIX_TODAY
    tail = (f"\n\nDan {rest} tindakan lain: daftar lengkap di `tindak_lanjut_usulan.xlsx` (folder Pemda) "
            f"dan di langkah 2, Perkiraan jawaban LKE." if rest > 0 else "")
    shown = actions.head(FIX_TODAY)
    fill = (" Isi penanggung jawab dan tenggatnya di asistensi." if (shown["penanggung_jawab"] == "").any()
            else "")
    return Section(text=agreed.rstrip() + fill + "\n\n" + "\n".join(lines) + tail)
