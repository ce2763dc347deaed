"""Write the template notebooks and the explorer from one readable definition.

Every notebook gets exactly one ``parameters`` cell right after its title, a kernelspec (so
JupyterLab opens it without asking), no outputs, and one headline cell tagged
``nbval-check-output`` whose output is recorded by running the notebook once, so nbval
catches a changed headline number. Run from the repo root after editing::

    python scripts/make_notebooks.py
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]

COMMON_PARAMETERS = [
    'data_path: str = ""  # workbook .xlsx atau folder .csv; kosong berarti sampel Kabupaten Contoh',
    'kode_opd: str = "1.02.0.00.0.00.01.0000"  # kode OPD (teks, persis seperti di sheet opd)',
    "tahun: int = 2025  # tahun realisasi yang dinilai",
    'skala: str = "lima_tingkat"  # skala predikat: lima_tingkat, lima_tingkat_permendagri, enam_tingkat',
    "interaktif: bool = True  # True: pilihan OPD/tahun/skala di notebook; False: tabel dan gambar statis",
    'folder_keluaran: str = "out"  # folder untuk berkas yang ditulis notebook',
    "batas_atas: int = 120  # batas atas capaian (%) seperti Kemenkeu; 100 atau 110 lazim; 0 tanpa batas",
]

HOW_TO = (
    "**Cara memakai.** Ubah nilai di sel parameter di bawah bila perlu (misalnya `kode_opd`), lalu "
    "jalankan semua sel: menu *Run ▸ Run All Cells*. Dengan `interaktif = True` Anda dapat "
    "mengganti OPD, tahun dan skala predikat lewat pilihan di bawah; semua tabel dan gambar ikut "
    "berubah. Workbook asli tidak pernah diubah oleh notebook ini."
)

SESSION = (
    "Sel berikut membaca workbook dan memeriksanya. Bila workbook masih punya **galat**, notebook "
    "berhenti di sini dan menyebutkan letaknya (sheet, baris, kolom); perbaiki lalu jalankan lagi. "
    "Baris ringkasan di bawahnya adalah angka utama OPD."
)

CONTROLS = (
    "Pilihan OPD, tahun dan skala. Dalam mode statis (hasil `pohon-nb run`) sel ini hanya "
    "menyebutkan pilihan yang dipakai."
)


def _session_call(extra: str = "") -> str:
    return ("from pohon_nb.nb import views\nfrom pohon_nb.nb.session import Session\n\n"
            "session = Session(data_path, kode_opd, tahun, skala, interaktif, "
            f"folder_keluaran, batas_atas=batas_atas{extra})\n")


NOTEBOOKS = {
    "templates/01_identifikasi_masalah.ipynb": [
        ("md", "# Langkah 1: Identifikasi masalah\n\n"
               "Sebelum menyusun pohon kinerja, OPD perlu tahu **masalah apa yang paling penting**. "
               "Notebook ini menunjukkan kesenjangan antara target dan realisasi indikator, "
               "menyaring isu dengan APKL, memeringkatnya dengan USG, menunjukkan masalah inti dan "
               "menggambar pohon masalah: akibat di atas, masalah inti di tengah, penyebab dan akar "
               "masalah di bawah.\n\n" + HOW_TO),
        ("params", COMMON_PARAMETERS),
        ("md", SESSION),
        ("headline", _session_call() + "session.headline()"),
        ("md", "## 1. OPD sekilas\n\n" + CONTROLS),
        ("code", "session.controls()"),
        ("code", "session.show(views.opd_glance)"),
        ("md", "## 2. Kesenjangan indikator\n\n"
               "Capaian = realisasi dibanding target tahun terpilih. Untuk indikator **maks** "
               "(makin tinggi makin baik) capaian = realisasi / target × 100; untuk **min** "
               "(makin rendah makin baik) capaian = (2 × target − realisasi) / target × 100. "
               "Realisasi yang belum ada ditulis kosong, bukan nol. Tabel diurutkan dari "
               "kesenjangan terbesar; *tren* membandingkan dengan realisasi tahun sebelumnya "
               "(atau baseline) menurut arah polaritas."),
        ("code", "session.show(views.indicator_gaps)"),
        ("md", "## 3. Saringan APKL\n\n"
               "Setiap isu diuji empat pertanyaan: **A**ktual (sedang terjadi?), **P**roblematik "
               "(menyimpang dari standar?), **K**ekhalayakan (menyangkut banyak orang?), **L**ayak "
               "(dalam kewenangan OPD?). Hanya isu yang lolos keempatnya yang diperingkat."),
        ("code", "session.show(views.apkl)"),
        ("md", "## 4. Peringkat USG\n\n"
               "**U**rgency, **S**eriousness, **G**rowth, masing-masing 1-5. Total tertinggi "
               "menjadi calon masalah inti. Nilai yang sama (seri) ditandai, tidak diputuskan "
               "diam-diam: putuskan bersama."),
        ("code", "session.show(views.usg)"),
        ("md-interaktif", "Beri skor USG sendiri dengan penggeser di bawah; peringkatnya langsung berubah. "
               "Tombol **Simpan** menulis skor ke **berkas baru** di samping workbook (untuk "
               "sampel: di folder keluaran); workbook asli tidak diubah."),
        ("code-interaktif", "session.usg_scorer()"),
        ("md", "## 5. Masalah inti\n\nMasalah yang ditandai inti di workbook, dibandingkan dengan "
               "hasil USG."),
        ("code", "session.show(views.core_problem)"),
        ("md", "## 6. Pohon masalah\n\nPanah berjalan dari sebab ke akibat. Kotak bergaris tebal "
               "merah adalah masalah inti dan akar masalah; garis putus-putus menandai penyebab "
               "**eksternal** (di luar kewenangan OPD): calon permintaan crosscutting."),
        ("code", "session.show(views.problem_tree)"),
        ("md", "## 7. Langkah berikutnya"),
        ("code", "session.show(views.next_steps_identification)"),
    ],
    "templates/02_pemetaan_kausal.ipynb": [
        ("md", "# Langkah 2: Pemetaan kausal\n\n"
               "Pohon masalah diubah menjadi pohon kinerja: setiap kondisi negatif dirumuskan "
               "ulang menjadi kondisi positif yang ingin dicapai. Notebook ini menunjukkan usulan "
               "itu di samping pohon kinerja OPD yang sekarang, memeriksa logikanya seperti "
               "evaluator (kriteria PermenPANRB 88/2021), menghitung capaian dari bawah ke atas "
               "untuk menemukan cabang yang menahan hasil, dan menunjukkan ketergantungan dengan "
               "OPD lain (crosscutting).\n\n" + HOW_TO),
        ("params", COMMON_PARAMETERS),
        ("md", SESSION),
        ("headline", _session_call() + "session.headline()"),
        ("md", CONTROLS),
        ("code", "session.controls()"),
        ("md", "## 1. Dari pohon masalah ke pohon kinerja\n\n"
               "Aturan kata: *Tingginya* → *Menurunnya*, *Rendahnya* → *Meningkatnya*, *Belum "
               "optimalnya* → *Optimalnya*, dan seterusnya. Level diusulkan dari posisi masalah: "
               "akibat → ultimate, masalah inti → intermediate, penyebab → immediate, akar masalah "
               "→ output. Penyebab eksternal menjadi calon crosscutting."),
        ("code", "session.show(views.conversion)"),
        ("md", "Kondisi mana yang berasal dari masalah, dan output mana yang tidak tertelusur ke "
               "akar masalah mana pun."),
        ("code", "session.show(views.traceability)"),
        ("md", "## 2. Pohon kinerja OPD"),
        ("code", "session.show(views.opd_tree)"),
        ("md", "## 3. Temuan logika\n\nSetiap temuan menyebutkan letaknya di workbook dan kriteria "
               "evaluasi yang disentuhnya (1.b.4 rumusan kondisi, 1.b.5 indikator SMART, 1.b.7 "
               "target, 1.b.8 rantai sebab-akibat, 1.b.9 crosscutting)."),
        ("code", "session.show(views.logic_findings)"),
        ("md", "## 4. Capaian berjenjang dan cabang terlemah\n\nCapaian sebuah kondisi diukur "
               "dengan **indikatornya sendiri**; itulah angka yang dinilai. *Capaian cabang* "
               "(rata-rata capaian cabang anak-anaknya, sampai output) adalah angka kedua yang "
               "menjelaskannya. Bila keduanya berlawanan (output tercapai, outcome tidak), itu "
               "temuan M19. *Kontribusi* menunjukkan berapa poin kekurangan capaian cabang (dari "
               "100%) yang berasal dari setiap cabang: yang teratas adalah kondisi operasional "
               "yang paling menahan hasil."),
        ("code", "session.show(views.achievement_rollup)"),
        ("code", "session.show(views.weakest_branch)"),
        ("md", "## 5. Anggaran dan capaian\n\nPagu dan realisasi anggaran setiap cabang OPD di "
               "samping capaiannya, output yang belum dibiayai, dan efisiensi kondisi yang "
               "dibiayai (kriteria 1.c.1: anggaran mengikuti hasil yang ingin dicapai)."),
        ("code", "session.show(views.budget)"),
        ("md", "## 6. Crosscutting dua arah\n\nSiapa yang dibutuhkan OPD ini, dan siapa yang "
               "membutuhkannya. Permintaan yang belum disepakati perlu dibawa ke asistensi."),
        ("code", "session.show(views.crosscutting_both_ways)"),
    ],
    "templates/03_pemilihan_indikator.ipynb": [
        ("md", "# Langkah 3: Pemilihan indikator\n\n"
               "Setiap indikator dinilai dengan **SMART** (yang diperiksa evaluator, kriteria "
               "1.b.5) dan **CREAM** (Clear, Relevant, Economic, Adequate, Monitorable), 0-2 per "
               "kriteria, dengan alasan yang dapat diperiksa. Skor otomatis dibaca dari isi "
               "workbook; skor penilai di sheet `penilaian_indikator` menggantikannya. Lalu: "
               "masalah jenis dan polaritas, usulan set IKU sesuai batas, dan Manual IKU.\n\n"
               + HOW_TO),
        ("params", COMMON_PARAMETERS + [
            "maks_iku_sasaran: int = 3  # batas IKU per sasaran",
            "maks_iku_opd: int = 20  # batas IKU per OPD",
        ]),
        ("md", SESSION),
        ("headline", _session_call(", maks_iku_sasaran=maks_iku_sasaran, maks_iku_opd=maks_iku_opd")
         + "session.headline()"),
        ("md", CONTROLS),
        ("code", "session.controls()"),
        ("md", "## 1. Skor SMART dan CREAM"),
        ("code", "session.show(views.indicator_scores)"),
        ("md", "Mengapa sebuah kriteria tidak mendapat nilai penuh:"),
        ("code", "session.show(views.score_reasons)"),
        ("md-interaktif", "Nilai indikator sendiri: pilih indikator, geser skor (sudah terisi skor "
               "otomatis), tambahkan penilaian, lalu simpan. Penilaian ditulis ke **berkas baru** (sheet "
               "`penilaian_indikator`); workbook asli tidak diubah."),
        ("code-interaktif", "session.indicator_scorer()"),
        ("md", "## 2. Jenis indikator dan polaritas\n\nKondisi level outcome tidak boleh hanya diukur "
               "indikator output; target harus searah polaritas dan tidak di bawah capaian "
               "terakhir (kriteria 1.b.7)."),
        ("code", "session.show(views.type_and_polarity)"),
        ("md", "## 3. Usulan set IKU"),
        ("code", "session.show(views.iku_recommendation)"),
        ("md", "## 4. Manual IKU\n\nLembar definisi setiap IKU terpilih; kolom terakhir menyebutkan "
               "isian yang masih kosong. Versi Excel ditulis ke folder keluaran."),
        ("code", "session.show(views.manual_iku)"),
        ("code", "session.show(views.manual_iku_export)"),
    ],
    "templates/00_ikhtisar_pemda.ipynb": [
        ("md", "# Ikhtisar Pemda\n\nAngka utama setiap OPD, sasaran daerah dan OPD yang "
               "mengampunya, serta jejaring crosscutting antar-OPD: bahan pembuka asistensi.\n\n"
               + HOW_TO),
        ("params", COMMON_PARAMETERS),
        ("md", SESSION),
        ("headline", _session_call(", ikhtisar=True") + "session.pemda_headline()"),
        ("md", "Pilihan tahun dan skala (pilihan OPD tidak mengubah ikhtisar)."),
        ("code", "session.controls()"),
        ("md", "## 1. Angka utama setiap OPD\n\nCapaian = rata-rata capaian kondisi teratas OPD "
               "menurut indikatornya sendiri (sasaran strategis); *cabang* = rata-rata capaian "
               "cabang di bawahnya, sebagai penjelas; temuan dihitung per tingkat."),
        ("code", "session.show(views.pemda_headlines)"),
        ("md", "## 2. Sasaran daerah dan OPD pengampu"),
        ("code", "session.show(views.pemda_outcomes)"),
        ("md", "## 3. Jejaring crosscutting"),
        ("code", "session.show(views.crosscutting_network)"),
    ],
    "notebooks/jelajah_akar_masalah.ipynb": [
        ("md", "# Jelajah akar masalah\n\nPilih kondisi mana pun di pohon kinerja Pemda untuk "
               "melihat cabangnya, capaiannya, cabang terlemah sampai ke akar masalahnya, dan "
               "crosscutting di sepanjang jalan.\n\n" + HOW_TO.replace(
                   "OPD, tahun dan skala", "kondisi, tahun dan skala")),
        ("params", [
            'data_path: str = ""  # workbook .xlsx atau folder .csv; kosong berarti sampel Kabupaten Contoh',
            'kondisi: str = "DINKES.1"  # ID kondisi yang dijelajahi',
            "tahun: int = 2025  # tahun realisasi yang dinilai",
            'skala: str = "lima_tingkat"  # skala predikat',
            "interaktif: bool = True  # True: pilihan kondisi/tahun/skala; False: statis",
            'folder_keluaran: str = "out"  # folder keluaran',
            "batas_atas: int = 120  # batas atas capaian (%); 0 berarti tanpa batas",
        ]),
        ("md", SESSION),
        ("headline", "from pohon_nb.nb import views\nfrom pohon_nb.nb.session import Session\n\n"
                     "session = Session(data_path, tahun=tahun, skala=skala, "
                     "interaktif=interaktif, folder_keluaran=folder_keluaran, kondisi=kondisi, "
                     "semua_kondisi=True, batas_atas=batas_atas)\nsession.headline()"),
        ("md", "Pilih kondisi (daftar berurut pohon; titik menunjukkan kedalaman)."),
        ("code", "session.controls(node=True)"),
        ("md", "## Cabang kondisi"),
        ("code", "session.show(views.node_subtree)"),
        ("md", "## Capaian di cabang ini"),
        ("code", "session.show(views.node_achievement)"),
        ("md", "## Dari cabang terlemah ke akar masalah"),
        ("code", "session.show(views.node_root_causes)"),
        ("md", "## Crosscutting di sepanjang cabang"),
        ("code", "session.show(views.node_crosscutting)"),
    ],
}


TRAINING_PARAMETERS = [
    'data_path: str = ""  # workbook .xlsx atau folder .csv; kosong berarti sampel Kabupaten Contoh',
    "kunci_jawaban: bool = False  # True: jawaban latihan terisi (edisi fasilitator)",
]
TRAINING_SETUP = (
    "import pohon_nb as pn\n"
    "from pohon_nb.method import checks, problems\n"
    "from pohon_nb.nb import display, training, views\n"
    "from pohon_nb.outputs import diagrams\n\n"
    "pemda = pn.load(data_path or None)\n"
    "print(pemda.info['nama_pemda'], '|', len(pemda.opd_codes()), 'OPD |', len(pemda.tree), 'kondisi')"
)
HOW_TRAIN = ("*Modul pelatihan pohon-nb, berbasis sampel sintetis Kabupaten Contoh.* Jalankan sel dari "
             "atas ke bawah (Shift+Enter). Di sel latihan, tulis jawaban Anda di antara tanda kutip "
             "lalu jalankan sel itu: umpan balik muncul di bawahnya. Boleh dicoba berkali-kali.")


def exercise(variable: str, placeholder: str, key: str, call: str) -> str:
    return (f"{variable} = {placeholder}  # tulis jawaban Anda di sini\n"
            f"if kunci_jawaban:\n    {variable} = training.answer({key!r})\n{call}")


NOTEBOOKS.update({
    "notebooks/pelatihan/01_konsep.ipynb": [
        ("md", "# Modul 1: Konsep pohon kinerja\n\n*Durasi: 25 menit.* " + HOW_TRAIN + "\n\n"
               "**SAKIP** (Perpres 29/2014) meminta setiap Pemda merencanakan, mengukur, melaporkan "
               "dan dievaluasi berdasarkan **hasil**. **Pohon kinerja** (PermenPANRB 89/2021) "
               "memecah hasil yang diinginkan Pemda menjadi **kondisi-kondisi** yang harus terwujud "
               "agar hasil itu tercapai, masing-masing dengan indikator dan pemiliknya, dari kepala "
               "daerah sampai unit terkecil."),
        ("params", TRAINING_PARAMETERS),
        ("code", TRAINING_SETUP),
        ("md", "## Empat level\n\n"
               "| level | artinya | komponen | pemilik |\n|---|---|---|---|\n"
               "| ultimate outcome | dampak yang diinginkan Pemda | tujuan/sasaran RPJMD | Kepala Daerah |\n"
               "| intermediate outcome | hasil utama OPD | sasaran strategis OPD (IKU) | Kepala OPD |\n"
               "| immediate outcome | hasil sebuah program | sasaran program | Kepala Bidang |\n"
               "| output | produk sebuah kegiatan | sasaran kegiatan | Kepala Seksi |\n\n"
               "Setiap kotak adalah **kondisi**: keadaan yang harus ada, ditulis sebagai hasil "
               "('Meningkatnya ...', 'Menurunnya ...'), bukan sebagai kegiatan ('Pelaksanaan ...'). "
               "Level yang sama boleh bersarang (intermediate di bawah intermediate), tetapi anak "
               "tidak boleh lebih tinggi dari induknya."),
        ("md", "## Membaca pohon\n\nBerikut pohon Dinas Kesehatan Kabupaten Contoh di bawah "
               "sasaran daerah yang dilayaninya. Bacalah dari bawah ke atas dengan logika "
               "*jika-maka*: **jika** output-output terwujud, **maka** immediate outcome di atasnya "
               "tercapai, dan seterusnya. Dari atas ke bawah, tanyakan: *apa yang harus terjadi "
               "agar kondisi ini tercapai?*"),
        ("code", 'display.show(diagrams.opd_tree_figures(pemda, "1.02.0.00.0.00.01.0000", year=2025,\n'
                 '                                          max_width=11))'),
        ("md", "Perhatikan: satu outcome biasanya dihasilkan **beberapa** kondisi bersama. Rantai "
               "panjang berisi satu anak saja adalah tanda logika yang belum lengkap."),
        ("md", "## Latihan 1: level\n\nSebuah OPD menaruh kondisi **output** langsung di bawah "
               "**intermediate outcome**. Isi level anak dan induk seperti pada pohon itu, lalu "
               "baca umpan baliknya. Setelah itu coba `('immediate', 'intermediate')`."),
        ("code", exercise("jawaban", '("", "")', "03.level", "training.check_level(*jawaban)")),
        ("md", "## Latihan 2: kondisi atau kegiatan?\n\nRumuskan ulang *'Pelaksanaan imunisasi "
               "dasar lengkap'* sebagai kondisi level immediate outcome."),
        ("code", "jawaban = \"\"  # tulis jawaban Anda di sini\n"
                 "if kunci_jawaban:\n"
                 "    jawaban = \"Meningkatnya cakupan imunisasi dasar lengkap pada bayi\"\n"
                 'training.check_condition(jawaban, "immediate")'),
        ("md", "**Rangkuman.** Pohon kinerja = kondisi berjenjang dengan logika sebab-akibat; "
               "kondisi ditulis sebagai hasil; level berurutan ultimate → intermediate → immediate "
               "→ output. Modul berikutnya: menemukan masalah yang menjadi akar pohon."),
    ],
    "notebooks/pelatihan/02_identifikasi_masalah.ipynb": [
        ("md", "# Modul 2: Identifikasi masalah\n\n*Durasi: 30 menit.* " + HOW_TRAIN + "\n\n"
               "Sebelum menyusun pohon kinerja, temukan masalah yang paling penting. Tiga alat: "
               "**data kesenjangan** (realisasi dibanding target), saringan **APKL**, dan "
               "peringkat **USG**."),
        ("params", TRAINING_PARAMETERS),
        ("code", TRAINING_SETUP + '\nctx = views.Context(pemda, "1.02.0.00.0.00.01.0000", 2025)'),
        ("md", "## Data kesenjangan\n\nIndikator Dinas Kesehatan tahun 2025, kesenjangan terbesar "
               "di atas. Capaian di bawah 100% menunjukkan target belum tercapai."),
        ("code", "display.show(views.indicator_gaps(ctx)[:2])"),
        ("md", "## APKL\n\nSetiap isu diuji: **A**ktual (sedang terjadi?), **P**roblematik "
               "(menyimpang dari standar?), **K**ekhalayakan (menyangkut banyak orang?), **L**ayak "
               "(dalam kewenangan OPD?). Isu yang gagal salah satunya tidak diperingkat; isu yang "
               "gagal *Layak* biasanya menjadi permintaan **crosscutting** ke OPD yang berwenang."),
        ("code", "display.show(views.apkl(ctx)[1])"),
        ("md", "## USG\n\nUrgency, Seriousness, Growth: masing-masing 1-5. Total tertinggi menjadi "
               "calon masalah inti. Berikut skor isu Dinas Kesehatan yang lolos APKL:"),
        ("code", 'isu = problems.usg_ranking(pemda, "1.02.0.00.0.00.01.0000").sort_values("id")\n'
                 "skor = {r.id: (r.usg_u, r.usg_s, r.usg_g) for r in isu.itertuples()}\n"
                 'display.show(display.table(isu, ["id", "pernyataan", "usg_u", "usg_s", "usg_g"]))'),
        ("md", "## Latihan 1: urutkan isu\n\nJumlahkan U + S + G setiap isu di tabel di atas, lalu "
               "tulis ID-nya dari total tertinggi, mis. `[\"M.DINKES.3\", ...]`. (Tabel di atas "
               "diurutkan menurut ID dan sengaja belum menampilkan totalnya.)"),
        ("code", exercise("urutan", "[]", "02.usg", "training.check_usg_ranking(urutan, skor)")),
        ("md", "## Latihan 2: nilai seri\n\nTiga isu dengan skor berikut. Urutkan; perhatikan apa "
               "kata umpan balik tentang nilai yang sama. USG tidak memutuskan seri: forum yang "
               "memutuskan."),
        ("code", "skor_seri = {\"A\": (5, 4, 4), \"B\": (4, 5, 4), \"C\": (3, 3, 3)}\n"
                 "urutan = []  # tulis jawaban Anda di sini\n"
                 "if kunci_jawaban:\n    urutan = [\"B\", \"A\", \"C\"]\n"
                 "training.check_usg_ranking(urutan, skor_seri)"),
        ("md", "**Rangkuman.** Data kesenjangan menunjukkan *di mana* kinerja tertinggal; APKL "
               "menyaring isu yang layak ditangani; USG memeringkatnya, dan nilai seri diputuskan "
               "bersama. Isu teratas menjadi **masalah inti**."),
    ],
    "notebooks/pelatihan/03_pohon_masalah_ke_pohon_kinerja.ipynb": [
        ("md", "# Modul 3: Dari pohon masalah ke pohon kinerja\n\n*Durasi: 40 menit.* " + HOW_TRAIN
               + "\n\n**Pohon masalah**: masalah inti di tengah, penyebabnya di bawah (ditemukan "
               "dengan bertanya *mengapa?* berulang kali, teknik *lima mengapa*), akibatnya di atas. "
               "Panah berjalan dari sebab ke akibat."),
        ("params", TRAINING_PARAMETERS),
        ("code", TRAINING_SETUP),
        ("md", "## Pohon masalah Dinas Kesehatan\n\nMengapa prevalensi stunting tinggi? Karena "
               "cakupan layanan ibu hamil dan balita rendah. Mengapa cakupan rendah? Karena tenaga "
               "dan sarana puskesmas terbatas: itulah **akar masalah**. Penyebab bergaris "
               "putus-putus berada di luar kewenangan Dinas Kesehatan."),
        ("code", 'display.show(diagrams.problem_tree_figure(pemda, "1.02.0.00.0.00.01.0000"))'),
        ("md", "## Konversi\n\nSetiap kondisi negatif diubah menjadi kondisi positif yang ingin "
               "dicapai: *Tingginya* → *Menurunnya*, *Rendahnya* → *Meningkatnya*, *Belum "
               "optimalnya* → *Optimalnya*. Masalah inti menjadi intermediate outcome, penyebab "
               "menjadi immediate outcome, akar masalah menjadi output, dan penyebab eksternal "
               "menjadi permintaan crosscutting."),
        ("md", "## Latihan 1: rumuskan kondisi\n\nUbah masalah inti *'Tingginya prevalensi "
               "stunting pada balita'* menjadi kondisi level **intermediate outcome**."),
        ("code", exercise("kondisi", '""', "03.kondisi",
                          'training.check_condition(kondisi, "intermediate")')),
        ("md", "Bandingkan jawaban Anda dengan usulan otomatis untuk semua masalah Dinas "
               "Kesehatan. *Kondisi terkait* adalah kondisi di pohon kinerja yang sudah merujuk "
               "masalah itu."),
        ("code", 'display.show(views.conversion(views.Context(pemda, "1.02.0.00.0.00.01.0000", 2025))[1])'),
        ("md", "## Latihan 2: level dari posisi\n\nPenyebab langsung masalah inti menjadi "
               "kondisi di bawah intermediate outcome. Tulis pasangan *(level anak, level induk)*."),
        ("code", exercise("jawaban", '("", "")', "03.level", "training.check_level(*jawaban)")),
        ("md", "**Rangkuman.** Pohon masalah memberi logika sebab-akibat; konversi menjaga "
               "ketertelusuran: setiap kondisi di pohon kinerja menyimpan ID masalah asalnya "
               "(kolom `asal_masalah`), sehingga evaluator dapat melihat mengapa kondisi itu ada."),
    ],
    "notebooks/pelatihan/04_indikator.ipynb": [
        ("md", "# Modul 4: Indikator\n\n*Durasi: 40 menit.* " + HOW_TRAIN + "\n\n"
               "Indikator yang baik **SMART** (Specific, Measurable, Achievable, Relevant, "
               "Time-bound; kriteria evaluasi 1.b.5) dan dapat dinilai juga dengan **CREAM** (Clear, "
               "Relevant, Economic, Adequate, Monitorable). Jenisnya harus sesuai level: kondisi "
               "outcome tidak boleh hanya diukur dengan indikator output. **Polaritas**: maks "
               "(makin tinggi makin baik), min (makin rendah makin baik), stabil (dalam rentang)."),
        ("params", TRAINING_PARAMETERS),
        ("code", TRAINING_SETUP + '\nctx = views.Context(pemda, "1.02.0.00.0.00.01.0000", 2025)'),
        ("md", "## Skor SMART/CREAM dengan alasan\n\nSkor otomatis membaca isi workbook; alasan "
               "setiap skor di bawah 2 ditampilkan."),
        ("code", "display.show(views.score_reasons(ctx)[1])"),
        ("md", "## Menghitung capaian\n\n- maks: realisasi / target × 100\n"
               "- min: (2 × target − realisasi) / target × 100\n\n"
               "**Latihan 1.** Target cakupan imunisasi 80%, realisasi 60%. Berapa capaiannya?"),
        ("code", exercise("capaian", "None", "04.capaian_maks",
                          'training.check_achievement(capaian, target=80, actual=60, polarity="maks")')),
        ("md", "**Latihan 2.** Target prevalensi stunting 20%, realisasi 15% (polaritas min). "
               "Berapa capaiannya? Perhatikan: lebih rendah berarti lebih baik."),
        ("code", exercise("capaian", "None", "04.capaian_min",
                          'training.check_achievement(capaian, target=20, actual=15, polarity="min")')),
        ("md", "Bandingkan dengan fungsi paket:"),
        ("code", "from pohon_nb.method.achievement import achievement\n"
                 'capaian_maks, _ = achievement(80, 60, "maks")\n'
                 'capaian_min, _ = achievement(20, 15, "min")\n'
                 'print(f"maks: {capaian_maks:.1f}%   min: {capaian_min:.1f}%")'),
        ("md", "## Latihan 3: tulis indikator dan entri Manual IKU\n\nUntuk output *'Terselenggaranya "
               "pemantauan pertumbuhan balita di posyandu'*, tulis nama indikator, satuan dan "
               "formulanya. Manual IKU lengkap juga memuat definisi, alasan, sumber data, "
               "frekuensi, penanggung jawab, baseline dan target tahunan."),
        ("code", exercise("indikator", '("", "", "")', "04.indikator",
                          'training.check_indicator(*indikator, level="output")')),
        ("code", 'display.show(views.manual_iku(ctx)[1:3])'),
        ("md", "**Rangkuman.** Indikator menyebut ukurannya, punya satuan dan formula, jenisnya "
               "sesuai level, targetnya searah polaritas dan tidak di bawah capaian terakhir."),
    ],
    "notebooks/pelatihan/05_cascading_dan_crosscutting.ipynb": [
        ("md", "# Modul 5: Cascading dan crosscutting\n\n*Durasi: 30 menit.* " + HOW_TRAIN + "\n\n"
               "**Cascading** menurunkan kinerja sampai ke jabatan dan individu (PermenPANRB "
               "6/2022): *langsung* bila indikator atasan dibagi ke bawahan, *tidak langsung* bila "
               "bawahan memegang indikator pendukung. **Crosscutting**: kondisi yang dibutuhkan "
               "sebuah OPD tetapi diwujudkan OPD lain; dicatat pada kondisi yang membutuhkan, "
               "dengan status usulan, disetujui atau ditolak (kriteria 1.b.9)."),
        ("params", TRAINING_PARAMETERS),
        ("code", TRAINING_SETUP + '\nctx = views.Context(pemda, "1.02.0.00.0.00.01.0000", 2025)'),
        ("md", "## Jejaring crosscutting\n\nPanah dari OPD yang meminta ke OPD mitra; warna "
               "menunjukkan status. OPD yang banyak dituju (mis. Dinas PUPR) perlu hadir di "
               "asistensi banyak OPD lain."),
        ("code", "display.show(diagrams.crosscutting_figure(pemda))"),
        ("code", "display.show(views.crosscutting_both_ways(ctx))"),
        ("md", "## Latihan: temukan mata rantai yang hilang\n\nDi salinan pohon berikut, satu "
               "output kehilangan induknya. Pemeriksaan menemukannya sebagai kondisi puncak yang "
               "bukan ultimate outcome (M17). Output mana itu, dan kondisi mana yang seharusnya "
               "menjadi induknya?"),
        ("code", "rusak = training.broken_tree()\ndisplay.show(training.orphans(rusak, \"DINKES\"))"),
        ("md", "Kondisi outcome Dinas Kesehatan yang bisa menjadi induknya (dan kondisi yang "
               "terlepas, di baris terakhir). Pilih berdasarkan isinya: kondisi mana yang "
               "membutuhkan kondisi yang terlepas itu?"),
        ("code", "display.show(training.candidates(rusak))"),
        ("code", exercise("induk", '""', "05.induk", "training.check_missing_link(induk)")),
        ("md", "**Rangkuman.** Rantai dari ultimate outcome sampai output (dan rencana aksi "
               "individu) harus tersambung tanpa putus (kriteria 1.b.8); ketergantungan antar-OPD "
               "dicatat dan disepakati sebelum asistensi."),
    ],
})


# Text that only makes sense in JupyterLab: its own cells, tagged, left out of static reports.
INTERACTIVE_ONLY = (HOW_TO, SESSION, CONTROLS)
INTERACTIVE_TAG = "hanya-interaktif"


def _markdown_cells(content: str) -> list:
    """A markdown spec entry as cells: JupyterLab instructions split off and tagged."""
    cells = []
    for text in INTERACTIVE_ONLY:
        if text in content and content != text:
            before, after = content.split(text, 1)
            return [*_markdown_cells(before.rstrip()), *_markdown_cells(text),
                    *(_markdown_cells(after.strip()) if after.strip() else [])]
    cell = nbformat.v4.new_markdown_cell(content)
    if content in INTERACTIVE_ONLY:
        cell.metadata["tags"] = [INTERACTIVE_TAG]
    cells.append(cell)
    return cells


def build(path: str, spec) -> nbformat.NotebookNode:
    cells = []
    for kind, content in spec:
        if kind == "md":
            cells += _markdown_cells(content)
        elif kind in ("md-interaktif", "code-interaktif"):
            cell = (nbformat.v4.new_markdown_cell(content) if kind == "md-interaktif"
                    else nbformat.v4.new_code_cell(content))
            cell.metadata["tags"] = [INTERACTIVE_TAG]
            cells.append(cell)
        elif kind == "params":
            cell = nbformat.v4.new_code_cell("\n".join(content))
            cell.metadata["tags"] = ["parameters"]
            cells.append(cell)
        elif kind == "headline":
            cell = nbformat.v4.new_code_cell(content)
            cell.metadata["tags"] = ["nbval-check-output"]
            cells.append(cell)
        else:
            cells.append(nbformat.v4.new_code_cell(content))
    for index, cell in enumerate(cells):  # stable ids: regenerating changes only what changed
        cell.id = hashlib.sha1(f"{path}:{index}".encode()).hexdigest()[:8]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def record_checked_outputs(nb: nbformat.NotebookNode, path: Path) -> None:
    """Run the notebook once; keep outputs only on the cells nbval checks."""
    executed = nbformat.from_dict(nb)
    NotebookClient(executed, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    for original, ran in zip(nb.cells, executed.cells):
        if original.cell_type != "code":
            continue
        if "nbval-check-output" in original.metadata.get("tags", []):
            original.outputs = ran.outputs  # nbval compares with these
            original.execution_count = 1  # and takes a cell without a count as never run
        else:
            original.outputs, original.execution_count = [], None


GUIDE = ROOT / "notebooks" / "pelatihan" / "PANDUAN_FASILITATOR.md"


def write_guide_table() -> None:
    """Put the typical answers and their feedback into the facilitator guide."""
    from pohon_nb.nb.training import typical_answers_markdown

    start, end = "<!-- jawaban-lazim:mulai -->", "<!-- jawaban-lazim:selesai -->"
    text = GUIDE.read_text(encoding="utf-8")
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    GUIDE.write_text(f"{before}{start}\n{typical_answers_markdown()}\n{end}{after}", encoding="utf-8")
    print(f"ditulis: {GUIDE.relative_to(ROOT)}")


def main() -> int:
    write_guide_table()
    for relative, spec in NOTEBOOKS.items():
        path = ROOT / relative
        nb = build(relative, spec)
        record_checked_outputs(nb, path)
        nbformat.validate(nb)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
        print(f"ditulis: {relative}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
