"""The exercises of the five training modules, each with its check, its answer key and the
answers participants typically give (the tests run every one; the facilitator guide shows them).

An exercise asks one thing. Case exercises carry their case in the question; data exercises
read the module's workbook through :class:`~.material.Material`, so their key comes from the
method's computation on the trainer's own data, and their typical answers below are those of
the bundled sample (Dinas Kesehatan, Kabupaten Contoh).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...method.problems import proposed_level
from ...reading import schema
from ..display import md
from . import checks
from .feedback import Feedback, unavailable
from .material import Material

PICK = "— pilih —"
"""The empty choice of a form's list of options (JupyterLab's dropdown and the class page's)."""

HINTS = {"teks": "tulis jawaban Anda", "angka": "mis. 87,5", "opd": "nama, singkatan atau kode OPD"}
"""The grey hint in a form's text box, by the form's input."""

INDICATOR_FIELDS = (("Nama", "mis. Persentase ..."), ("Satuan", "mis. %"), ("Formula", "mis. (a / b) × 100"))
"""An indicator answer's three boxes: label and hint."""


@dataclass(frozen=True)
class Exercise:
    """One exercise: what it asks, how the answer is typed, how it is checked, its key."""

    key: str
    module: str
    title: str
    form: str
    """The form's input: teks, angka, level, urutan, pilihan, indikator, opd, opd_banyak."""
    check: Callable[[Any, Material], Feedback]
    answer: Callable[[Material], Any]
    question: Callable[[Material], str]
    typical: tuple[tuple[Any, str, str], ...] = ()
    """(answer as typed, grade, a fragment of the feedback) on the bundled sample."""
    options: Callable[[Material], list] | None = None
    needs: Callable[[Material], str | None] = lambda m: None
    """What the data lacks for this exercise, as a sentence, or None."""

    def run(self, jawaban, material: Material) -> Feedback:
        missing = self.needs(material)
        if missing:
            return unavailable(missing)
        return self.check(jawaban, material)


def _const(value):
    """The same value whatever the data (a case exercise's key, options or question)."""
    return lambda m: value


LEVEL_OWNERS = {"a": "Kepala daerah", "b": "Kepala OPD", "c": "Kepala bidang", "d": "Kepala seksi"}
OWNER_ALIASES = {"kabid": "c", "kepala bidang p2p": "c", "administrator": "c", "eselon iii": "c",
                 "kadis": "b", "kepala dinas": "b", "kaban": "b", "kepala badan": "b", "jpt pratama": "b",
                 "kasi": "d", "kasubag": "d", "pengawas": "d", "bupati": "a", "wali kota": "a",
                 "walikota": "a", "gubernur": "a"}
SINGLE_CHILD = {
    "a": "Tidak ada yang kurang: setiap kondisi punya anak.",
    "b": "Satu output jarang cukup mewujudkan sebuah immediate outcome: cari output lain yang juga "
         "dibutuhkan, atau gabungkan kedua level itu.",
    "c": "Output itu harus dinaikkan menjadi immediate outcome.",
    "d": "Intermediate outcome itu harus dihapus.",
}
PARTNERS = {"a": "Dinas Kesehatan sendiri", "b": "Dinas Pekerjaan Umum dan Penataan Ruang",
            "c": "Dinas Pendidikan", "d": "Dinas Sosial"}
PARTNER_ALIASES = {"pupr": "b", "dpupr": "b", "dinas pupr": "b", "dinas pu": "b", "pu": "b",
                   "dinkes": "a", "disdik": "c", "dindik": "c", "dinsos": "d"}
EXTERNAL_ROOT = "Rendahnya akses rumah tangga terhadap sanitasi layak"

MIN_CASE = dict(target=20, actual=15, polarity="min")
MAX_CASE = dict(target=80, actual=60, polarity="maks")
POSYANDU_OUTPUT = "Terselenggaranya pemantauan pertumbuhan balita di posyandu"
COUNTED_OUTCOME = "Jumlah kasus gizi buruk pada balita"


def _usg_needs(m: Material) -> str | None:
    if len(m.usg_scores) < 2:
        return (f"Latihan ini butuh dua isu atau lebih yang lolos APKL dan diberi skor USG untuk OPD "
                f"{m.kode_opd}: isi kolom apkl_a ... usg_g di sheet masalah.")
    return None


def _failed_needs(m: Material) -> str | None:
    if not m.failed_issue:
        return (f"Tidak ada isu OPD {m.kode_opd} yang gagal APKL di sheet masalah: latihan ini "
                f"dilewati untuk data ini.")
    return None


def _lost_needs(m: Material) -> str | None:
    if not m.lost:
        return (f"OPD {m.kode_opd} belum punya output di bawah immediate outcome beranak dua atau lebih "
                f"di sheet pohon: latihan ini butuh pohon seperti itu.")
    return None


def _request_needs(m: Material) -> str | None:
    if m.request is None:
        return (f"Sheet lintas_opd belum berisi permintaan crosscutting dari atau untuk OPD {m.kode_opd}.")
    return None


def _outgoing_needs(m: Material) -> str | None:
    if not len(m.requests[0]):
        return f"Sheet lintas_opd belum berisi permintaan crosscutting dari OPD {m.kode_opd}."
    return None


EXERCISES: tuple[Exercise, ...] = (
    # ------------------------------------------------------------------ Modul 1
    Exercise(
        "1.1", "01_konsep", "urutan empat level", "urutan",
        check=lambda a, m: checks.check_levels_order(a),
        answer=_const(["ultimate", "intermediate", "immediate", "output"]),
        options=_const(["output", "immediate", "ultimate", "intermediate"]),
        question=_const("Urutkan keempat level pohon kinerja dari yang **tertinggi**: output, "
                       "immediate, ultimate, intermediate."),
        typical=(
            (["ultimate", "intermediate", "immediate", "output"], "tepat", "Ultimate outcome"),
            ("ultimate, intermediate, immediate, output", "tepat", "produk kegiatan"),
            ("Ultimate Outcome > Intermediate Outcome > Immediate Outcome > Output", "tepat",
             "hasil program"),
            (["output", "immediate", "intermediate", "ultimate"], "salah", "terbalik"),
            (["ultimate", "immediate", "intermediate", "output"], "salah", "bukan level ke-2"),
            (["ultimate", "intermediate", "output"], "hampir", "Belum ada: immediate"),
            (["ultimate", "intermediat", "immediate", "output"], "hampir", "Maksud Anda 'intermediate'"),
            (["ultimate", "ultimate", "immediate", "output"], "hampir", "dua kali"),
            ("", "kosong", "keempat level"),
            (None, "kosong", "keempat level"),
        )),
    Exercise(
        "1.2", "01_konsep", "kondisi atau kegiatan", "teks",
        check=lambda a, m: checks.check_condition(a, "immediate", subject=("imunisasi",)),
        answer=_const("Meningkatnya cakupan imunisasi dasar lengkap pada bayi"),
        question=_const("Rumuskan ulang kegiatan *'Pelaksanaan imunisasi dasar lengkap'* sebagai "
                       "**kondisi** level immediate outcome: hasil yang ingin dicapai."),
        typical=(
            ("Meningkatnya cakupan imunisasi dasar lengkap pada bayi", "tepat", "merumuskan hasil"),
            ("meningkatnya cakupan imunisasi dasar lengkap", "tepat", "immediate"),
            ("Pelaksanaan imunisasi dasar lengkap", "salah", "**kegiatan**"),
            ("Peningkatan cakupan imunisasi", "salah", "Coba \"Meningkatnya cakupan imunisasi\""),
            ("Menurunnya cakupan imunisasi dasar lengkap", "salah", "seharusnya naik"),
            ("Terlaksananya imunisasi dasar lengkap", "salah", "lazim untuk **output**"),
            ("Meningkatnya imunisasi", "hampir", "terlalu pendek"),
            ("Menigkatnya cakupan imunisasi dasar", "hampir", "salah ketik"),
            ("Rendahnya cakupan imunisasi dasar lengkap", "salah", "rumusan masalah"),
            ("Meningkatnya kualitas pelayanan puskesmas", "salah", "tidak menyebut imunisasi"),
            (("Meningkatnya cakupan imunisasi dasar lengkap",), "tepat", "merumuskan hasil"),
            (42, "salah", "diawali kata hasil"),
            ("  ", "kosong", "Tulis kondisi"),
        )),
    # ------------------------------------------------------------------ Modul 2
    Exercise(
        "2.1", "02_identifikasi_masalah", "gagal APKL", "teks",
        check=lambda a, m: checks.check_apkl_failure(a, m.apkl_failed[m.failed_issue], m.failed_issue),
        answer=lambda m: m.apkl_failed[m.failed_issue],
        needs=_failed_needs,
        question=lambda m: (f"Isu **{md(m.failed_issue)}** (*{md(m.statement(m.failed_issue))}*) tidak "
                            f"masuk peringkat USG. Kriteria APKL mana yang tidak dipenuhinya? Tulis "
                            f"hurufnya (A, P, K, L) atau namanya."),
        typical=(
            ("L", "tepat", "crosscutting"),
            ("Layak", "tepat", "di luar kewenangan"),
            ("l", "tepat", "crosscutting"),
            ("kelayakan", "tepat", "crosscutting"),
            ("A", "salah", "memenuhi Aktual"),
            ("K, L", "hampir", "Sebagian"),
            ("Problematik", "salah", "memenuhi Problematik"),
            ("X", "salah", "bukan kriteria APKL"),
            (None, "kosong", "huruf kriteria"),
        )),
    Exercise(
        "2.2", "02_identifikasi_masalah", "peringkat USG", "urutan",
        check=lambda a, m: checks.check_usg_ranking(a, m.usg_scores, m.apkl_failed),
        answer=lambda m: m.usg_order,
        options=lambda m: sorted(m.usg_scores),
        needs=_usg_needs,
        question=lambda m: ("Jumlahkan U + S + G setiap isu di tabel di atas (yang lolos APKL), lalu "
                            "urutkan ID-nya dari total **tertinggi**. Tabel diurutkan menurut ID dan "
                            "sengaja belum menampilkan totalnya."),
        typical=(
            (["M.DINKES.2", "M.DINKES.1", "M.DINKES.3", "M.DINKES.5"], "tepat", "sudah benar"),
            ("M.DINKES.2, M.DINKES.1, M.DINKES.3, M.DINKES.5", "tepat", "sudah benar"),
            ("m.dinkes.2; m.dinkes.1; m.dinkes.3; m.dinkes.5", "tepat", "sudah benar"),
            (["M.DINKES.1", "M.DINKES.2", "M.DINKES.3", "M.DINKES.5"], "hampir", "Tukar"),
            (["M.DINKES.5", "M.DINKES.3", "M.DINKES.1", "M.DINKES.2"], "salah", "terbalik"),
            (["M.DINKES.3", "M.DINKES.2", "M.DINKES.5", "M.DINKES.1"], "salah", "ditaruh di atas"),
            (["M.DINKES.2", "M.DINKES.2", "M.DINKES.3", "M.DINKES.5"], "salah", "lebih dari sekali"),
            (["M.DINKES.2", "M.DINKES.1", "M.DINKES.3"], "hampir", "Belum diurutkan: M.DINKES.5"),
            (["M.DINKES.2", "M.DINKES.1", "M.DINKES.4", "M.DINKES.3", "M.DINKES.5"], "salah",
             "gagal APKL (Layak)"),
            (["M.DINKES.2", "M.DINKES.1", "M.DINKES.3", "M.DINKES.9"], "salah", "ID tidak dikenal"),
            ({"M.DINKES.2": 15}, "salah", "bukan pasangan"),
            ([], "kosong", "Urutkan"),
        )),
    Exercise(
        "2.3", "02_identifikasi_masalah", "nilai seri", "urutan",
        check=lambda a, m: checks.check_usg_ranking(a, {"A": (5, 4, 4), "B": (4, 5, 4), "C": (3, 3, 3)}),
        answer=_const(["B", "A", "C"]),
        options=_const(["A", "B", "C"]),
        question=_const("Tiga isu dengan skor U, S, G: **A** (5, 4, 4), **B** (4, 5, 4), **C** (3, 3, 3). "
                       "Urutkan dari total tertinggi, lalu baca apa kata umpan balik tentang nilai yang "
                       "sama."),
        typical=(
            (["A", "B", "C"], "tepat", "nilai seri"),
            (["B", "A", "C"], "tepat", "diputuskan bersama"),
            ("a, b, c", "tepat", "nilai seri"),
            (["C", "A", "B"], "salah", "terbalik"),
            (["B", "C", "A"], "hampir", "C (total 9) ditaruh di atas A (total 13)"),
            (["C", "B", "A"], "salah", "terbalik"),
            (["A", "C", "B"], "hampir", "Tukar C dan B"),
            (["A", "B"], "hampir", "Belum diurutkan: C"),
            (["A", "A", "C"], "salah", "lebih dari sekali"),
            ("A B C", "tepat", "nilai seri"),
            ("A, B, D", "salah", "ID tidak dikenal"),
            ("", "kosong", "Urutkan"),
        )),
    # ------------------------------------------------------------------ Modul 3
    Exercise(
        "3.1", "03_pohon_masalah_ke_pohon_kinerja", "masalah inti menjadi kondisi", "teks",
        check=lambda a, m: checks.check_condition(a, "intermediate", subject=("stunting",)),
        answer=_const("Menurunnya prevalensi stunting pada balita"),
        question=_const("Ubah masalah inti *'Tingginya prevalensi stunting pada balita'* menjadi kondisi "
                       "level **intermediate outcome**."),
        typical=(
            ("Menurunnya prevalensi stunting pada balita", "tepat", "arahnya sesuai"),
            ("Menurunnya prevalensi stunting", "tepat", "intermediate"),
            ("Berkurangnya prevalensi stunting pada balita", "tepat", "merumuskan hasil"),
            ("Terkendalinya prevalensi stunting pada balita", "tepat", "merumuskan hasil"),
            ("Tingginya prevalensi stunting pada balita", "salah", "rumusan masalah"),
            ("Masih tingginya prevalensi stunting pada balita", "salah", "rumusan masalah"),
            ("Meningkatnya prevalensi stunting pada balita", "salah", "seharusnya turun"),
            ("Rendahnya prevalensi stunting pada balita", "hampir", "arahnya sudah benar"),
            ("Penurunan prevalensi stunting pada balita", "salah", "Coba \"Menurunnya prevalensi"),
            ("Pelaksanaan intervensi stunting", "salah", "**kegiatan**"),
            ("Tersedianya layanan gizi balita", "salah", "lazim untuk **output**"),
            ("Menurunnya angka kemiskinan daerah", "salah", "tidak menyebut stunting"),
            ("Menurunya prevalensi stunting pada balita", "hampir", "salah ketik"),
            (["Menurunnya prevalensi stunting", "intermediate"], "salah", "satu teks"),
            ("", "kosong", "Tulis kondisi"),
        )),
    Exercise(
        "3.2", "03_pohon_masalah_ke_pohon_kinerja", "level akar masalah di bawah masalah inti", "level",
        check=lambda a, m: checks.check_level(
            a, parent=proposed_level("inti", 0), expected=proposed_level("akar", 1),
            why="Akar masalah yang langsung di bawah masalah inti menjadi immediate outcome: output di situ "
                "akan melewatkan level immediate (aturan M09)."),
        answer=_const(proposed_level("akar", 1)),
        options=_const(list(schema.LEVELS[:4])),
        question=_const("Akar masalah *'Terbatasnya tenaga kesehatan di puskesmas'* langsung menyebabkan "
                       "masalah inti (yang menjadi **intermediate outcome**). Menjadi kondisi level apa "
                       "akar masalah itu?"),
        typical=(
            ("immediate", "tepat", "tepat satu level di bawahnya"),
            ("Immediate Outcome", "tepat", "tepat satu level"),
            (("immediate", "intermediate"), "tepat", "tepat satu level"),
            ("immediate, intermediate", "tepat", "tepat satu level"),
            (("immediate"), "tepat", "tepat satu level"),
            ("output", "salah", "Level immediate terlewati"),
            (("output", "immediate"), "salah", "Induknya sudah ditentukan"),
            ("intermediate", "hampir", "aturan konversi"),
            ("ultimate", "salah", "lebih tinggi dari induknya"),
            ("imediate", "hampir", "Maksud Anda 'immediate'"),
            (("immediate", "intermediate", "ultimate"), "salah", "3 bagian"),
            ("", "kosong", "Tulis level"),
        )),
    # ------------------------------------------------------------------ Modul 4
    Exercise(
        "4.1", "04_indikator", "capaian polaritas maks", "angka",
        check=lambda a, m: checks.check_achievement(a, **MAX_CASE),
        answer=_const(75.0),
        question=_const("Target cakupan imunisasi 80%, realisasi 60% (polaritas **maks**: makin tinggi "
                       "makin baik). Berapa persen capaiannya?"),
        typical=(
            (75, "tepat", "realisasi / target"),
            ("75", "tepat", "realisasi / target"),
            ("75,0", "tepat", "realisasi / target"),
            ("75%", "tepat", "realisasi / target"),
            (" 75,00 % ", "tepat", "realisasi / target"),
            (0.75, "hampir", "belum dikali 100"),
            ("0,75", "hampir", "belum dikali 100"),
            (133.33, "salah", "tertukar"),
            ("133,3", "salah", "tertukar"),
            (80, "salah", "adalah targetnya"),
            (60, "salah", "adalah realisasinya"),
            (70, "salah", "belum tepat"),
            ("60/80*100", "salah", "belum terbaca sebagai angka"),
            ("tujuh puluh lima", "salah", "belum terbaca sebagai angka"),
            ([75], "tepat", "realisasi / target"),
            (None, "kosong", "Hitung capaian"),
        )),
    Exercise(
        "4.2", "04_indikator", "capaian polaritas min", "angka",
        check=lambda a, m: checks.check_achievement(a, **MIN_CASE),
        answer=_const(125.0),
        question=_const("Target prevalensi stunting 20%, realisasi 15% (polaritas **min**: lebih rendah "
                       "lebih baik). Berapa persen capaiannya, sebelum dibatasi?"),
        typical=(
            (125, "tepat", "(2 × target − realisasi) / target"),
            ("125,0", "tepat", "(2 × target − realisasi)"),
            ("125", "tepat", "(2 × target − realisasi)"),
            (120, "varian", "**dibatasi**"),
            ("120,0", "varian", "**dibatasi**"),
            (133.3, "varian", "target / realisasi × 100"),
            ("133,33", "varian", "target / realisasi × 100"),
            (133, "varian", "target / realisasi × 100"),
            (75, "salah", "rumus **maks**"),
            ("75,0", "salah", "rumus **maks**"),
            (1.25, "hampir", "belum dikali 100"),
            (25, "salah", "belum tepat"),
            ("125%", "tepat", "(2 × target"),
            ("", "kosong", "Hitung capaian"),
        )),
    Exercise(
        "4.3", "04_indikator", "indikator sebuah output", "indikator",
        check=lambda a, m: checks.check_indicator(a, "output", condition=POSYANDU_OUTPUT),
        answer=_const(("Persentase balita yang ditimbang di posyandu", "%",
                       "(Jumlah balita ditimbang / jumlah seluruh balita) × 100")),
        question=_const(f"Untuk output *'{POSYANDU_OUTPUT}'*, tulis indikatornya: nama, satuan dan "
                       f"formula."),
        typical=(
            (("Persentase balita yang ditimbang di posyandu", "%",
              "(balita ditimbang / seluruh balita) × 100"), "tepat", "Formula ada"),
            (["Jumlah posyandu yang melaksanakan pemantauan pertumbuhan", "posyandu", ""], "tepat",
             "sesuai levelnya"),
            (("Persentase posyandu aktif melakukan penimbangan", "%", "posyandu aktif / seluruh posyandu"),
             "tepat", "Satuan: %"),
            (("Persentase balita yang ditimbang di posyandu", "", ""), "hampir", "Satuan belum diisi"),
            ("Persentase balita yang ditimbang di posyandu", "hampir", "Satuan belum diisi"),
            (("Persentase balita yang ditimbang di posyandu", "%", ""), "hampir", "perlu formula"),
            (("Prevalensi stunting", "%", ""), "salah", "kondisinya level output"),
            (("Indeks Pembangunan Manusia", "poin", ""), "salah", "standar nasional"),
            (("Angka Kematian Ibu", "per 100.000 KH", ""), "salah", "kondisinya level output"),
            (("Usia Harapan Hidup", "tahun", ""), "salah", "bukan untuk level output"),
            (("Pemantauan yang optimal", "", ""), "salah", "belum menyebut ukuran"),
            (("Jumlah jalan desa yang diperbaiki", "km", ""), "salah", "tidak menyebut apa pun"),
            (("Jumlah kasus gizi buruk", "kasus", ""), "salah", "mengukur outcome"),
            ({"nama": "Persentase balita yang ditimbang di posyandu", "satuan": "%",
              "formula": "a/b x 100"}, "tepat", "Formula ada"),
            (("", "", ""), "kosong", "nama indikator"),
        )),
    Exercise(
        "4.4", "04_indikator", "jenis indikator", "pilihan",
        check=lambda a, m: checks.check_indicator_kind(a, COUNTED_OUTCOME),
        answer=_const("outcome"),
        options=_const(list(checks.KINDS)),
        question=_const(f"Indikator *'{COUNTED_OUTCOME}'* diawali kata 'Jumlah'. Apa jenisnya: dampak, "
                       f"outcome atau output?"),
        typical=(
            ("outcome", "tepat", "kata 'Jumlah' saja tidak menjadikannya output"),
            ("Outcome", "tepat", "perubahan keadaan"),
            ("hasil", "tepat", "perubahan keadaan"),
            ("output", "salah", "bukan output"),
            ("keluaran", "salah", "bukan output"),
            ("dampak", "hampir", "Keduanya ukuran hasil"),
            ("outcom", "hampir", "Maksud Anda 'outcome'"),
            ("input", "salah", "bukan jenis indikator"),
            ("", "kosong", "dampak, outcome atau output"),
        )),
    # ------------------------------------------------------------------ Modul 5
    Exercise(
        "5.1", "05_cascading_dan_crosscutting", "pemilik setiap level", "pilihan",
        check=lambda a, m: checks.check_choice(a, LEVEL_OWNERS, "c", {
            "a": "Kepala daerah memiliki ultimate outcome (tujuan/sasaran RPJMD).",
            "b": "Kepala OPD memiliki intermediate outcome (sasaran strategis dan IKU OPD).",
            "c": "Immediate outcome adalah sasaran program: pemiliknya kepala bidang (administrator), "
                 "dan indikatornya masuk perjanjian kinerjanya.",
            "d": "Kepala seksi/subbagian memiliki output (sasaran kegiatan)."},
            aliases=OWNER_ALIASES),
        answer=_const("c"),
        options=_const(list(LEVEL_OWNERS.values())),
        question=_const("Dalam cascading ke jabatan, siapa pemilik kondisi level **immediate outcome**?\n\n"
                       + "\n".join(f"- **{k}**. {v}" for k, v in LEVEL_OWNERS.items())),
        typical=(
            ("c", "tepat", "kepala bidang"),
            ("Kepala bidang", "tepat", "administrator"),
            ("kepala bidang", "tepat", "administrator"),
            ("kabid", "tepat", "kepala bidang"),
            ("Kabid", "tepat", "kepala bidang"),
            ("kepala dinas", "salah", "intermediate outcome"),
            ("b", "salah", "intermediate outcome"),
            ("Kepala seksi", "salah", "memiliki output"),
            ("a", "salah", "ultimate outcome"),
            ("3", "tepat", "kepala bidang"),
            ("", "kosong", "Pilih satu"),
        )),
    Exercise(
        "5.2", "05_cascading_dan_crosscutting", "level yang terlewati", "level",
        check=lambda a, m: checks.check_skipped_level(a, child="output", parent="intermediate"),
        answer=_const("immediate"),
        options=_const([*schema.LEVELS[:4], "tidak ada"]),
        question=_const("Sebuah OPD menaruh kondisi **output** langsung di bawah **intermediate outcome**. "
                       "Level apa yang terlewati?"),
        typical=(
            ("immediate", "tepat", "aturan M09"),
            ("Immediate outcome", "tepat", "terlewati"),
            ("tidak ada", "salah", "Ada yang terlewati"),
            ("output", "salah", "bukan level di antara"),
            ("ultimate", "salah", "bukan level di antara"),
            ("immediate, output", "hampir", "Sebagian benar"),
            ("imediat", "hampir", "Maksud Anda 'immediate'"),
            ("tengah", "salah", "bukan nama level"),
            (("immediate",), "tepat", "terlewati"),
            ("", "kosong", "level yang terlewati"),
        )),
    Exercise(
        "5.3", "05_cascading_dan_crosscutting", "rantai beranak tunggal", "pilihan",
        check=lambda a, m: checks.check_choice(a, SINGLE_CHILD, "b", {
            "a": "Setiap kondisi memang punya anak, tetapi immediate outcome yang hanya dihasilkan satu "
                 "output adalah rantai linear (aturan M08): outcome jarang tercapai oleh satu hal saja.",
            "b": "Immediate outcome yang hanya dihasilkan satu output menandakan logika linear (aturan "
                 "M08): cari output lain yang juga dibutuhkan, atau bila memang satu, kondisi itu "
                 "barangkali output juga.",
            "c": "Menaikkan output tidak menambah apa pun yang dibutuhkan outcome; persoalannya hanya "
                 "satu hal yang mewujudkannya (aturan M08).",
            "d": "Intermediate outcome itu hasil utama OPD: yang kurang ada di bawahnya, bukan di "
                 "atasnya."}),
        answer=_const("b"),
        options=_const(list(SINGLE_CHILD.values())),
        question=_const("Rantai sebuah OPD: intermediate *'Meningkatnya derajat kesehatan masyarakat'* ← "
                       "immediate *'Meningkatnya cakupan imunisasi dasar lengkap'* ← **satu-satunya** "
                       "output *'Tersedianya vaksin di puskesmas'*. Apa yang perlu diperbaiki?\n\n"
                       + "\n".join(f"- **{k}**. {v}" for k, v in SINGLE_CHILD.items())),
        typical=(
            ("b", "tepat", "aturan M08"),
            ("B", "tepat", "logika linear"),
            ("b.", "tepat", "logika linear"),
            ("2", "tepat", "logika linear"),
            (SINGLE_CHILD["b"], "tepat", "logika linear"),
            ("a", "salah", "rantai linear"),
            ("c", "salah", "tidak menambah"),
            ("d", "salah", "hasil utama OPD"),
            ("e", "salah", "bukan salah satu pilihan"),
            ("", "kosong", "Pilih satu"),
        )),
    Exercise(
        "5.4", "05_cascading_dan_crosscutting", "mata rantai yang hilang", "pilihan",
        check=lambda a, m: checks.check_missing_link(a, m.lost, m.lost_parent, m.candidates, m.levels),
        answer=lambda m: m.lost_parent,
        options=lambda m: list(m.candidates),
        needs=_lost_needs,
        question=lambda m: (f"Di salinan pohon di atas, output **{md(m.lost)}** "
                            f"(*{md(m.pemda.node(m.lost).get('pernyataan') or '')}*) kehilangan "
                            f"induknya. Kondisi mana yang seharusnya menjadi induknya? Tulis ID-nya."),
        typical=(
            ("DINKES.1.1", "tepat", "induk yang hilang"),
            ("dinkes.1.1", "tepat", "induk yang hilang"),
            (" DINKES.1.1 ", "tepat", "induk yang hilang"),
            ("Meningkatnya kesehatan keluarga dan perbaikan gizi masyarakat", "tepat", "induk yang hilang"),
            ("DINKES.1", "salah", "melewatkan satu level"),
            ("DINKES.1.3", "salah", "isinya tidak membutuhkan"),
            ("DINKES.2.1", "salah", "isinya tidak membutuhkan"),
            ("DINKES.1.1.1", "salah", "terlepas itu sendiri"),
            ("DINKES.9", "salah", "bukan kondisi di tabel"),
            (["DINKES.1.1"], "tepat", "induk yang hilang"),
            ("", "kosong", "ID kondisi"),
        )),
    Exercise(
        "5.5", "05_cascading_dan_crosscutting", "mitra untuk akar masalah eksternal", "pilihan",
        check=lambda a, m: checks.check_choice(a, PARTNERS, "b", {
            "a": "Akar masalah itu di luar kewenangan Dinas Kesehatan (gagal APKL *Layak*): ia tidak "
                 "menjadi kondisi Dinkes sendiri, dan permintaan ke OPD pemilik kondisi itu sendiri "
                 "ditandai aturan M33.",
            "b": "Sanitasi layak (air limbah, jamban komunal) urusan pekerjaan umum: Dinkes mencatat "
                 "permintaan crosscutting ke Dinas PUPR pada kondisinya, dan PUPR menetapkan statusnya.",
            "c": "Dinas Pendidikan tidak berwenang atas sanitasi rumah tangga.",
            "d": "Dinas Sosial tidak berwenang atas prasarana sanitasi."},
            aliases=PARTNER_ALIASES),
        answer=_const("b"),
        options=_const(list(PARTNERS.values())),
        question=_const(f"Akar masalah Dinas Kesehatan *'{EXTERNAL_ROOT}'* berlokus **eksternal**. Ke OPD "
                       f"mana permintaan crosscutting-nya ditujukan?\n\n"
                       + "\n".join(f"- **{k}**. {v}" for k, v in PARTNERS.items())),
        typical=(
            ("b", "tepat", "Dinas PUPR"),
            ("Dinas Pekerjaan Umum dan Penataan Ruang", "tepat", "crosscutting"),
            ("dinas pekerjaan umum dan penataan ruang", "tepat", "crosscutting"),
            ("PUPR", "tepat", "Dinas PUPR"),
            ("Dinas PUPR", "tepat", "Dinas PUPR"),
            ("a", "salah", "aturan M33"),
            ("Dinas Kesehatan sendiri", "salah", "di luar kewenangan"),
            ("c", "salah", "tidak berwenang"),
            ("d", "salah", "tidak berwenang"),
            ("z", "salah", "bukan salah satu pilihan"),
            (None, "kosong", "Pilih satu"),
        )),
    Exercise(
        "5.6", "05_cascading_dan_crosscutting", "arah permintaan crosscutting", "opd",
        check=lambda a, m: checks.check_request_direction(
            a, m.request["requester"], m.request["partner"], m.opds, m.request["contribution"]),
        answer=lambda m: m.opds[m.request["partner"]][1],
        options=lambda m: [names[1] for names in m.opds.values()],
        needs=_request_needs,
        question=lambda m: (f"Permintaan crosscutting: kondisi *'{md(m.request['condition'])}'* milik "
                            f"**{md(m.opds.get(m.request['requester'], (m.request['requester'],))[0])}** "
                            f"membutuhkan "
                            f"*'{md(m.request['contribution'])}'*. OPD mana yang harus **mewujudkan** "
                            f"kontribusi itu?"),
        typical=(
            ("Dinkes", "tepat", "mewujudkan"),
            ("Dinas Kesehatan", "tepat", "mewujudkan"),
            ("1.02.0.00.0.00.01.0000", "tepat", "mewujudkan"),
            ("dinkes", "tepat", "mewujudkan"),
            ("DP3AP2KB", "salah", "**meminta**"),
            ("Dinas Sosial", "salah", "tidak terlibat"),
            ("Dinas Kebersihan", "salah", "bukan OPD di daftar"),
            ("", "kosong", "Tulis nama"),
        )),
    Exercise(
        "5.7", "05_cascading_dan_crosscutting", "status permintaan", "opd_banyak",
        check=lambda a, m: checks.check_pending(a, m.pending, m.agreed, m.opds),
        answer=lambda m: [m.opds[c][1] for c in m.pending] or "tidak ada",
        options=lambda m: [m.opds.get(c, (c, c))[1] for c in dict.fromkeys(m.requests[0]["kode_opd_mitra"])],
        needs=_outgoing_needs,
        question=lambda m: ("Dari tabel permintaan OPD ini ke OPD lain di atas: permintaan ke mitra mana "
                            "yang **belum disepakati** (status *usulan*: mitra belum menjawab) dan harus "
                            "dibawa ke forum? Tulis nama atau singkatan mitranya."),
        typical=(
            ("DPUPR, BKPSDM", "tepat", "Belum disepakati"),
            (["BKPSDM", "DPUPR"], "tepat", "Bawa ke forum"),
            ("PUPR; BKPSDM", "tepat", "aturan M11"),
            ("Dinas Pekerjaan Umum dan Penataan Ruang, Badan Kepegawaian dan Pengembangan Sumber Daya "
             "Manusia", "tepat", "Belum disepakati"),
            ("DPUPR", "hampir", "Masih ada"),
            ("DPUPR, BKPSDM, DP3AP2KB", "salah", "sudah menjawab"),
            ("Distanpangan", "salah", "sudah menjawab"),
            ("tidak ada", "salah", "Ada permintaan yang belum disepakati"),
            ("Dinas Kebersihan", "salah", "bukan OPD di daftar"),
            ("", "kosong", "belum menyepakati"),
        )),
)

BY_KEY = {e.key: e for e in EXERCISES}
MODULES = tuple(dict.fromkeys(e.module for e in EXERCISES))
