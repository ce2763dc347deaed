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
# # Modul 2: Identifikasi masalah
#
# *Durasi: 30 menit.*

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
# ## Data kesenjangan
#
# Indikator OPD contoh pada tahun yang dinilai, kesenjangan terbesar di atas. Capaian di bawah 100% menunjukkan target belum tercapai.

# %%
kelas.show(views.indicator_gaps, "text", "table")

# %% [markdown]
# ## APKL
#
# Setiap isu diuji: **A**ktual (sedang terjadi?), **P**roblematik (menyimpang dari standar?), **K**ekhalayakan (menyangkut banyak orang?), **L**ayak (dalam kewenangan OPD?). Isu yang gagal salah satunya tidak diperingkat; isu yang gagal *Layak* menjadi permintaan **crosscutting** ke OPD yang berwenang (Modul 5).

# %%
kelas.show(views.apkl, "table")

# %% [markdown]
# ## Latihan 2.1: isu yang tidak diperingkat

# %%
kelas.question("2.1")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("2.1")
kelas.check("2.1", jawaban)

# %% [markdown]
# ## USG
#
# Urgency, Seriousness, Growth: masing-masing 1-5. Total tertinggi menjadi calon masalah inti. Berikut skor isu OPD contoh yang lolos APKL:

# %%
kelas.usg_scores()

# %% [markdown]
# ## Latihan 2.2: urutkan isu

# %%
kelas.question("2.2")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("2.2")
kelas.check("2.2", jawaban)

# %% [markdown]
# ## Latihan 2.3: nilai seri
#
# USG tidak memutuskan seri: forum yang memutuskan.

# %%
kelas.question("2.3")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("2.3")
kelas.check("2.3", jawaban)

# %% [markdown]
# **Rangkuman.** Data kesenjangan menunjukkan *di mana* kinerja tertinggal; APKL menyaring isu yang layak ditangani (yang tidak *Layak* menjadi crosscutting); USG memeringkatnya, dan nilai seri diputuskan bersama. Isu teratas menjadi **masalah inti**.
