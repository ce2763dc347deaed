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
# # Langkah 3: Pemilihan indikator
#
# Setiap indikator dinilai dengan **SMART** (diperiksa evaluator, kriteria 1.b.5) dan **CREAM** (Clear, Relevant, Economic, Adequate, Monitorable), 0-2 per kriteria, dengan alasan; skor penilai di sheet `penilaian_indikator` menggantikan skor otomatis dari workbook. Lalu: jenis dan polaritas, usulan set IKU, dan Manual IKU.

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
maks_iku_sasaran: int = 3  # batas IKU per sasaran
maks_iku_opd: int = 20  # batas IKU per OPD

# %% [markdown] tags=["hanya-interaktif"]
# Sel berikut membaca workbook dan memeriksanya. Bila workbook masih punya **galat**, notebook berhenti di sini dan menyebutkan letaknya (sheet, baris, kolom); perbaiki lalu jalankan lagi. Baris ringkasan di bawahnya adalah angka utama OPD.

# %% tags=["nbval-check-output"]
from pohon_nb.nb import views
from pohon_nb.nb.session import Session

session = Session(data_path, kode_opd, tahun, skala, interaktif, folder_keluaran, batas_atas=batas_atas, maks_iku_sasaran=maks_iku_sasaran, maks_iku_opd=maks_iku_opd)
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
# ## 1. Skor SMART dan CREAM

# %%
session.show(views.indicator_scores)

# %%
session.show(views.score_reasons)

# %% [markdown] tags=["hanya-interaktif"]
# Nilai indikator sendiri: pilih indikator, geser skor (sudah terisi skor otomatis), tambahkan penilaian, lalu simpan. Penilaian ditulis ke **berkas baru** (sheet `penilaian_indikator`); workbook asli tidak diubah.

# %% tags=["hanya-interaktif"]
session.indicator_scorer()

# %% [markdown]
# ## 2. Jenis indikator dan polaritas
#
# Kondisi level outcome tidak boleh hanya diukur indikator output; target harus searah polaritas dan tidak di bawah capaian terakhir (kriteria 1.b.7).

# %%
session.show(views.type_and_polarity)

# %% [markdown]
# ## 3. Usulan set IKU

# %%
session.show(views.iku_recommendation)

# %% [markdown]
# ## 4. Manual IKU
#
# Lembar definisi setiap IKU terpilih, dengan isian yang masih kosong.

# %%
session.show(views.manual_iku)

# %%
session.show(views.manual_iku_export)
