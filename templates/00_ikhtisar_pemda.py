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
# # Ikhtisar Pemda
#
# Angka utama setiap OPD, sasaran daerah dan OPD yang mengampunya, serta jejaring crosscutting antar-OPD: bahan pembuka asistensi.

# %% [markdown] tags=["hanya-interaktif"]
# **Cara memakai.** Ubah nilai di sel parameter di bawah bila perlu (misalnya `tahun`), lalu jalankan semua sel: menu *Run ▸ Run All Cells*. Dengan `interaktif = True` Anda dapat mengganti tahun dan skala predikat lewat pilihan di bawah; semua tabel dan gambar ikut berubah, dan tombol *Simpan tampilan* menyimpan tabelnya ke satu berkas Excel dan gambarnya ke PNG di folder keluaran Pemda. Workbook asli tidak pernah diubah oleh notebook ini.

# %% tags=["parameters"]
data_path: str = ""  # workbook .xlsx atau folder .csv; kosong berarti sampel Kabupaten Contoh
kode_opd: str = "1.02.0.00.0.00.01.0000"  # tidak mengubah ikhtisar (diisi batch seperti notebook lain)
tahun: int = 0  # tahun realisasi yang dinilai (0: tahun terakhir yang punya realisasi)
skala: str = "lima_tingkat"  # skala predikat: lima_tingkat, lima_tingkat_permendagri, enam_tingkat
interaktif: bool = True  # True: pilihan tahun/skala di notebook; False: tabel dan gambar statis
folder_keluaran: str = "out"  # folder untuk berkas yang ditulis notebook
batas_atas: int = 120  # batas atas capaian (%) seperti Kemenkeu; 100 atau 110 lazim; 0 tanpa batas

# %% [markdown] tags=["hanya-interaktif"]
# Sel berikut membaca workbook dan memeriksanya. Bila workbook masih punya **galat**, notebook berhenti di sini dan menyebutkan letaknya (sheet, baris, kolom); perbaiki lalu jalankan lagi. Baris ringkasan di bawahnya adalah angka utama Pemda.

# %% tags=["nbval-check-output"]
from pohon_nb.nb import views
from pohon_nb.nb.session import Session

session = Session(data_path, kode_opd, tahun, skala, interaktif, folder_keluaran, batas_atas=batas_atas, ikhtisar=True)
session.pemda_headline()

# %% [markdown] tags=["hanya-interaktif"]
# Pilihan tahun dan skala predikat untuk seluruh Pemda; angka utama Pemda di bawahnya ikut berubah.

# %%
session.controls()

# %% [markdown]
# ## 1. Angka utama setiap OPD
#
# Capaian = rata-rata capaian kondisi teratas OPD menurut indikatornya sendiri (sasaran strategis); *cabang* = rata-rata capaian cabang di bawahnya, sebagai penjelas; temuan dihitung per tingkat.

# %%
session.show(views.pemda_headlines)

# %% [markdown]
# ## 2. Sasaran daerah dan OPD pengampu

# %%
session.show(views.pemda_outcomes)

# %% [markdown]
# ## 3. Jejaring crosscutting

# %%
session.show(views.crosscutting_network)

# %% [markdown]
# ## 4. Akar masalah bersama
#
# Masalah yang dapat diselesaikan bersama oleh beberapa OPD: akar dari pohon masalah gabungan semua OPD. Di ruang asistensi, mulailah dari peringkat teratas: OPD pemilik akar dan OPD yang menanggung akibatnya duduk bersama, lalu sepakati permintaan crosscutting yang belum ada.

# %%
session.show(views.shared_roots_pemda)

# %% [markdown]
# ## 5. Keselarasan dengan acuan nasional
#
# Sasaran daerah dan sasaran OPD yang menyebut acuan RPJMN/prioritas nasional dan RPJMD provinsi yang didukungnya (kolom `acuan_nasional` dan `acuan_provinsi` sheet `pohon`), dan OPD yang mendukung setiap acuan.

# %%
session.show(views.national_alignment)

# %% [markdown]
# ## 6. Perkiraan jawaban LKE Pemda
#
# Perkiraan jawaban LKE (PermenPANRB 88/2021) seluruh Pemda untuk kriteria yang ditentukan isi workbook, dan OPD yang paling menurunkan setiap kriteria. Ini perkiraan dari workbook, bukan keputusan evaluator; tabelnya untuk inspektorat: `pohon-nb export --what lke`.

# %%
session.show(views.lke_pemda)
