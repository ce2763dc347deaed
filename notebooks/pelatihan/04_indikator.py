# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Modul 4: Indikator
#
# *Durasi: 40 menit.*

# %% [markdown] tags=["hanya-interaktif"]
# *Modul pelatihan pohon-nb, berbasis sampel sintetis Kabupaten Contoh (angka dikarang); `data_path` dan `kode_opd` memakai data daerah Anda.* Jalankan sel dari atas ke bawah (Shift+Enter). Setiap latihan punya **formulir** (di JupyterLab): isi jawabannya, klik *Periksa*, dan umpan balik muncul di bawahnya. Tanpa formulir (misalnya di berkas HTML), tulis jawabannya di sel berikutnya, di antara tanda kutip, lalu jalankan sel itu. Boleh dicoba berkali-kali; umpan balik menyebut dulu hal terpenting yang keliru.

# %% tags=["parameters"]
data_path: str = ""  # workbook .xlsx atau folder .csv; kosong berarti sampel Kabupaten Contoh
kode_opd: str = "1.02.0.00.0.00.01.0000"  # OPD contoh latihan (teks, persis seperti di sheet opd)
tahun: int = 0  # tahun realisasi yang dinilai (0: tahun terakhir yang punya realisasi)
kunci_jawaban: bool = False  # True: jawaban latihan terisi (edisi fasilitator)
interaktif: bool = True  # True: formulir jawaban di JupyterLab; False: hanya sel jawaban

# %%
from pohon_nb.nb import training, views

kelas = training.Workshop(data_path, kode_opd, tahun, kunci_jawaban, interaktif)
kelas.info()

# %% [markdown]
# ## Skor SMART/CREAM dengan alasan
#
# Skor otomatis membaca isi workbook; alasan setiap skor di bawah 2 ditampilkan.

# %%
kelas.show(views.score_reasons, "table")

# %% [markdown]
# ## Menghitung capaian
#
# - maks: realisasi / target × 100
# - min: (2 × target − realisasi) / target × 100
#
# Laporan pohon-nb membatasi capaian di 120% (parameter `batas_atas`, seperti Kemenkeu), supaya satu indikator yang melampaui jauh tidak menutupi yang tertinggal; latihan di bawah menanyakan angka rumusnya, sebelum dibatasi.

# %% [markdown]
# ## Latihan 4.1: capaian polaritas maks

# %%
kelas.question("4.1")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("4.1")
kelas.check("4.1", jawaban)

# %% [markdown]
# ## Latihan 4.2: capaian polaritas min

# %%
kelas.question("4.2")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("4.2")
kelas.check("4.2", jawaban)

# %% [markdown]
# Angka paket untuk kedua kasus itu, dan yang ditulis laporan:

# %%
kelas.achievement(80, 60, "maks")
kelas.achievement(20, 15, "min")

# %% [markdown]
# ## Latihan 4.3: tulis indikator sebuah output
#
# Manual IKU lengkap juga memuat definisi, alasan, sumber data, frekuensi, penanggung jawab, baseline dan target tahunan (contoh di bawah latihan).

# %%
kelas.question("4.3")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("4.3")
kelas.check("4.3", jawaban)

# %%
kelas.show(views.manual_iku, "sheets", limit=2)

# %% [markdown]
# ## Latihan 4.4: jenis indikator

# %%
kelas.question("4.4")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("4.4")
kelas.check("4.4", jawaban)

# %% [markdown]
# **Rangkuman.** Indikator menyebut ukurannya, punya satuan dan formula, jenisnya sesuai level (kata 'Jumlah' tidak otomatis output), targetnya searah polaritas dan tidak di bawah capaian terakhir.
