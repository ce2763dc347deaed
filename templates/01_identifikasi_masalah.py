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
# # Langkah 1: Identifikasi masalah
#
# Sebelum menyusun pohon kinerja, OPD perlu tahu **masalah apa yang paling penting**. Langkah ini menunjukkan kesenjangan antara target dan realisasi indikator, menyaring isu dengan APKL, memeringkatnya dengan USG, lalu menunjukkan masalah inti dan pohon masalahnya.

# %% [markdown] tags=["hanya-interaktif"]
# **Cara memakai.** Ubah nilai di sel parameter di bawah bila perlu (misalnya `kode_opd`), lalu jalankan semua sel: menu *Run ▸ Run All Cells*. Dengan `interaktif = True` Anda dapat mengganti OPD, tahun dan skala predikat lewat pilihan di bawah; semua tabel dan gambar ikut berubah, dan tombol *Simpan tampilan* menyimpan tabelnya ke satu berkas Excel dan gambarnya ke PNG di folder keluaran OPD. Workbook asli tidak pernah diubah oleh notebook ini.

# %% tags=["parameters"]
data_path: str = ""  # workbook .xlsx atau folder .csv; kosong berarti sampel Kabupaten Contoh
kode_opd: str = "1.02.0.00.0.00.01.0000"  # kode OPD (teks, persis seperti di sheet opd)
tahun: int = 0  # tahun realisasi yang dinilai (0: tahun terakhir yang punya realisasi)
skala: str = "lima_tingkat"  # skala predikat: lima_tingkat, lima_tingkat_permendagri, enam_tingkat
interaktif: bool = True  # True: pilihan OPD/tahun/skala di notebook; False: tabel dan gambar statis
folder_keluaran: str = "out"  # folder untuk berkas yang ditulis notebook
batas_atas: int = 120  # batas atas capaian (%) seperti Kemenkeu; 100 atau 110 lazim; 0 tanpa batas

# %% [markdown] tags=["hanya-interaktif"]
# Sel berikut membaca workbook dan memeriksanya. Bila workbook masih punya **galat**, notebook berhenti di sini dan menyebutkan letaknya (sheet, baris, kolom); perbaiki lalu jalankan lagi. Baris ringkasan di bawahnya adalah angka utama OPD.

# %% tags=["nbval-check-output"]
from pohon_nb.nb import views
from pohon_nb.nb.session import Session

session = Session(data_path, kode_opd, tahun, skala, interaktif, folder_keluaran, batas_atas=batas_atas)
session.headline()

# %% [markdown] tags=["hanya-interaktif"]
# Pilihan OPD, tahun dan skala. Dalam mode statis (hasil `pohon-nb run`) sel ini hanya menyebutkan pilihan yang dipakai.

# %%
session.controls()

# %% [markdown]
# ## Perbaiki hari ini

# %%
session.show(views.fix_today)

# %% [markdown]
# ## 1. OPD sekilas

# %%
session.show(views.opd_glance)

# %% [markdown]
# ## 2. Kesenjangan indikator
#
# Capaian = realisasi / target × 100 untuk indikator **maks** (makin tinggi makin baik), (2 × target − realisasi) / target × 100 untuk **min** (makin rendah makin baik). Realisasi yang belum ada kosong, bukan nol. Urut dari kesenjangan terbesar; *tren*: dibanding tahun sebelumnya (atau baseline) menurut polaritas.

# %%
session.show(views.indicator_gaps)

# %% [markdown]
# ## 3. Saringan APKL
#
# Setiap isu diuji empat pertanyaan: **A**ktual (sedang terjadi?), **P**roblematik (menyimpang dari standar?), **K**ekhalayakan (menyangkut banyak orang?), **L**ayak (dalam kewenangan OPD?). Hanya isu yang lolos keempatnya yang diperingkat.

# %%
session.show(views.apkl)

# %% [markdown]
# ## 4. Peringkat USG
#
# **U**rgency, **S**eriousness, **G**rowth, masing-masing 1-5. Total tertinggi menjadi calon masalah inti. Nilai yang sama (seri) ditandai, tidak diputuskan diam-diam: putuskan bersama.

# %%
session.show(views.usg)

# %% [markdown] tags=["hanya-interaktif"]
# Beri skor USG sendiri dengan penggeser di bawah; peringkatnya langsung berubah. Tombol **Simpan** menulis skor ke **berkas baru** di samping workbook (untuk sampel: di folder keluaran); workbook asli tidak diubah.

# %% tags=["hanya-interaktif"]
session.usg_scorer()

# %% [markdown]
# ## 5. Masalah inti
#
# Masalah yang ditandai inti di workbook, dibandingkan dengan hasil USG.

# %%
session.show(views.core_problem)

# %% [markdown]
# ## 6. Pohon masalah
#
# Panah berjalan dari sebab ke akibat. Kotak bergaris tebal merah adalah masalah inti dan akar masalah; garis putus-putus menandai penyebab **eksternal** (di luar kewenangan OPD): calon permintaan crosscutting.

# %%
session.show(views.problem_tree)

# %% [markdown]
# ## 7. Akar masalah bersama lintas OPD
#
# Masalah OPD ini yang disebabkan masalah OPD lain, atau yang menyebabkan masalah inti OPD lain (kolom `menyebabkan` sheet `masalah` boleh menunjuk masalah OPD lain). Ikhtisar Pemda memuat peringkat dan gambar semuanya.

# %%
session.show(views.shared_roots_opd)

# %% [markdown]
# ## 8. Langkah berikutnya

# %%
session.show(views.next_steps_identification)
