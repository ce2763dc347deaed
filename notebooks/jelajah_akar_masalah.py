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
# # Jelajah akar masalah
#
# Pilih kondisi mana pun di pohon kinerja Pemda untuk melihat cabangnya, capaiannya, cabang terlemah sampai ke akar masalahnya, dan crosscutting di sepanjang jalan.
#
# **Cara memakai.** Ubah nilai di sel parameter di bawah bila perlu (misalnya `kondisi` atau `data_path`), lalu jalankan semua sel: menu *Run ▸ Run All Cells*. Dengan `interaktif = True` Anda dapat mengganti OPD, kondisi, tahun, tahun pembanding dan skala predikat lewat pilihan di bawah (kotak *Cari* menemukan kondisi dari kata di pernyataan, id atau nama indikatornya); semua tabel dan gambar ikut berubah, dan tombol *Simpan tampilan* menyimpan tabelnya ke satu berkas Excel dan gambarnya ke PNG di folder keluaran OPD. Workbook asli tidak pernah diubah oleh notebook ini.

# %% tags=["parameters"]
data_path: str = ""  # workbook .xlsx atau folder .csv; kosong berarti sampel Kabupaten Contoh
kondisi: str = "DINKES.1"  # ID kondisi yang dijelajahi
tahun: int = 0  # tahun realisasi yang dinilai (0: tahun terakhir yang punya realisasi)
tahun_banding: int = 0  # tahun pembanding capaian; 0 berarti tahun berdata sebelum tahun
skala: str = "lima_tingkat"  # skala predikat
interaktif: bool = True  # True: pilihan kondisi/tahun/skala; False: statis
folder_keluaran: str = "out"  # folder keluaran
batas_atas: int = 120  # batas atas capaian (%); 0 berarti tanpa batas

# %% [markdown] tags=["hanya-interaktif"]
# Sel berikut membaca workbook dan memeriksanya. Bila workbook masih punya **galat**, notebook berhenti di sini dan menyebutkan letaknya (sheet, baris, kolom); perbaiki lalu jalankan lagi. Baris ringkasan di bawahnya adalah angka utama OPD.

# %% tags=["nbval-check-output"]
from pohon_nb.nb import views
from pohon_nb.nb.session import Session

session = Session(data_path, tahun=tahun, skala=skala, interaktif=interaktif, folder_keluaran=folder_keluaran, kondisi=kondisi, semua_kondisi=True, batas_atas=batas_atas, tahun_banding=tahun_banding)
session.headline()

# %% [markdown]
# Pilih kondisi (daftar berurut pohon; titik menunjukkan kedalaman).

# %%
session.controls(node=True)

# %% [markdown]
# ## Titik masuk: cabang terlemah se-Pemda

# %%
session.show(views.pemda_weakest)

# %% [markdown]
# ## Akar masalah bersama dan outcome yang ditahannya

# %%
session.show(views.shared_roots_outcomes)

# %% [markdown]
# ## Cabang kondisi

# %%
session.show(views.node_subtree)

# %% [markdown]
# ## Capaian di cabang ini

# %%
session.show(views.node_achievement)

# %% [markdown]
# ## Dari cabang terlemah ke akar masalah

# %%
session.show(views.node_root_causes)

# %% [markdown]
# ## Perubahan capaian antartahun

# %%
session.show(views.node_year_change)

# %% [markdown]
# ## Crosscutting di sepanjang cabang

# %%
session.show(views.node_crosscutting)
