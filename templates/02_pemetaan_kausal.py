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
# # Langkah 2: Pemetaan kausal
#
# Pohon masalah diubah menjadi pohon kinerja (kondisi negatif dirumuskan ulang menjadi kondisi positif) di samping pohon kinerja OPD sekarang. Logikanya diperiksa seperti evaluator (PermenPANRB 88/2021), capaian dihitung dari bawah ke atas untuk menemukan cabang yang menahan hasil, dan crosscutting dengan OPD lain ditunjukkan.

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
data_path_sebelumnya: str = ""  # workbook versi asistensi lalu, untuk melihat perubahannya; kosong berarti tidak dibandingkan

# %% [markdown] tags=["hanya-interaktif"]
# Sel berikut membaca workbook dan memeriksanya. Bila workbook masih punya **galat**, notebook berhenti di sini dan menyebutkan letaknya (sheet, baris, kolom); perbaiki lalu jalankan lagi. Baris ringkasan di bawahnya adalah angka utama OPD.

# %% tags=["nbval-check-output"]
from pohon_nb.nb import views
from pohon_nb.nb.session import Session

session = Session(data_path, kode_opd, tahun, skala, interaktif, folder_keluaran, batas_atas=batas_atas, data_path_sebelumnya=data_path_sebelumnya)
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
# ## 1. Dari pohon masalah ke pohon kinerja
#
# Aturan kata: *Tingginya* → *Menurunnya*, *Rendahnya* → *Meningkatnya*, *Belum optimalnya* → *Optimalnya*, dan seterusnya. Level diusulkan dari posisi masalah: akibat → ultimate, masalah inti → intermediate, penyebab → immediate, akar masalah → output. Penyebab eksternal menjadi calon crosscutting.

# %%
session.show(views.conversion)

# %%
session.show(views.traceability)

# %% [markdown]
# ## 2. Pohon kinerja OPD

# %%
session.show(views.opd_tree)

# %% [markdown]
# ## 3. Temuan logika
#
# Setiap temuan menyebutkan letaknya di workbook dan kriteria evaluasi yang disentuhnya (1.b.4 rumusan kondisi, 1.b.5 indikator SMART, 1.b.7 target, 1.b.8 rantai sebab-akibat, 1.b.9 crosscutting).

# %%
session.show(views.logic_findings)

# %% [markdown]
# ## 4. Capaian berjenjang dan cabang terlemah
#
# Capaian sebuah kondisi diukur dengan **indikatornya sendiri**; itulah angka yang dinilai. *Capaian cabang* (rata-rata capaian cabang anak-anaknya, sampai output) adalah angka kedua yang menjelaskannya. Bila keduanya berlawanan (output tercapai, outcome tidak), itu temuan M19. *Kontribusi* menunjukkan berapa poin kekurangan capaian cabang (dari 100%) yang berasal dari setiap cabang: yang teratas adalah kondisi operasional yang paling menahan hasil.

# %%
session.show(views.achievement_rollup)

# %%
session.show(views.weakest_branch)

# %% [markdown]
# ## 5. Anggaran dan capaian
#
# Pagu dan realisasi anggaran setiap cabang OPD di samping capaiannya, output yang belum dibiayai, dan efisiensi kondisi yang dibiayai (kriteria 1.c.1: anggaran mengikuti hasil yang ingin dicapai).

# %%
session.show(views.budget)

# %% [markdown]
# ## 6. Crosscutting dua arah
#
# Siapa yang dibutuhkan OPD ini, dan siapa yang membutuhkannya. Permintaan yang belum disepakati perlu dibawa ke asistensi.

# %%
session.show(views.crosscutting_both_ways)

# %% [markdown]
# ## 7. Perkiraan jawaban LKE
#
# Jawaban yang diperkirakan untuk kriteria LKE (PermenPANRB 88/2021) yang ditentukan isi workbook: persen unsur yang terpenuhi, unsur yang menahannya dengan temuannya, dan perbaikan paling sedikit untuk naik satu tingkat.

# %%
session.show(views.lke_opd)

# %% [markdown]
# ## 8. Perubahan sejak versi sebelumnya
#
# Temuan yang selesai dan yang baru, dan data OPD ini yang berubah, sejak versi workbook terakhir yang berbeda (folder `riwayat` keluaran `pohon-nb batch`).

# %% [markdown] tags=["hanya-interaktif"]
# Di notebook, isi parameter `data_path_sebelumnya` dengan workbook versi lalu; `pohon-nb banding LAMA BARU` membandingkan dua workbook mana pun.

# %%
session.show(views.changes_since)
