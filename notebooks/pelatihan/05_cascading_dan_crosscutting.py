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
# # Modul 5: Cascading dan crosscutting
#
# *Durasi: 35 menit.*

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
# ## Cascading
#
# Setiap kondisi diturunkan ke jabatan yang memilikinya: intermediate outcome ke kepala OPD, immediate outcome ke kepala bidang, output ke kepala seksi, lalu ke rencana aksi staf. Rantai dari ultimate outcome sampai output harus tersambung tanpa putus (kriteria 1.b.8), tanpa level yang terlewati (M09), dan sebuah outcome biasanya dihasilkan beberapa kondisi di bawahnya (rantai beranak tunggal: M08).

# %% [markdown]
# ## Latihan 5.1: pemilik setiap level

# %%
kelas.question("5.1")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("5.1")
kelas.check("5.1", jawaban)

# %% [markdown]
# ## Latihan 5.2: level yang terlewati

# %%
kelas.question("5.2")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("5.2")
kelas.check("5.2", jawaban)

# %% [markdown]
# ## Latihan 5.3: rantai beranak tunggal

# %%
kelas.question("5.3")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("5.3")
kelas.check("5.3", jawaban)

# %% [markdown]
# ## Mata rantai yang hilang
#
# Di salinan pohon OPD contoh berikut, satu output kehilangan induknya. Pemeriksaan menemukannya sebagai kondisi puncak yang bukan ultimate outcome (M17).

# %%
kelas.broken_tree()

# %% [markdown]
# ## Latihan 5.4: temukan induknya

# %%
kelas.question("5.4")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("5.4")
kelas.check("5.4", jawaban)

# %% [markdown]
# ## Crosscutting
#
# Kondisi yang dibutuhkan sebuah OPD tetapi diwujudkan OPD lain dicatat sebagai **permintaan crosscutting** pada kondisi yang membutuhkannya: mitra, kondisi mitra, peran, dan status yang ditetapkan mitra (*usulan*, *disetujui*, *ditolak*). Akar masalah yang gagal APKL *Layak* (Modul 2) biasanya berakhir di sini.

# %% [markdown]
# ## Latihan 5.5: mitra untuk akar masalah eksternal

# %%
kelas.question("5.5")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("5.5")
kelas.check("5.5", jawaban)

# %% [markdown]
# Jejaring crosscutting Pemda: panah dari OPD yang meminta ke OPD mitra; warna menunjukkan status. OPD yang banyak dituju perlu hadir di asistensi banyak OPD lain. Di bawahnya, permintaan OPD contoh dua arah.

# %%
kelas.show(views.crosscutting_network)
kelas.requests()

# %% [markdown]
# ## Latihan 5.6: arah permintaan

# %%
kelas.question("5.6")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("5.6")
kelas.check("5.6", jawaban)

# %% [markdown]
# ## Latihan 5.7: status permintaan

# %%
kelas.question("5.7")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("5.7")
kelas.check("5.7", jawaban)

# %% [markdown]
# **Rangkuman.** Rantai dari ultimate outcome sampai output (dan rencana aksi individu) tersambung tanpa putus dan tanpa level terlewati; setiap level punya pemilik jabatan; ketergantungan antar-OPD dicatat pada kondisi yang membutuhkannya dan disepakati mitranya sebelum asistensi.
