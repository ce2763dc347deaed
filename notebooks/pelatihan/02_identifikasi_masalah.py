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
# *Durasi: 30 menit.* *Modul pelatihan pohon-nb, berbasis sampel sintetis Kabupaten Contoh.* Jalankan sel dari atas ke bawah (Shift+Enter). Di sel latihan, tulis jawaban Anda di antara tanda kutip lalu jalankan sel itu: umpan balik muncul di bawahnya. Boleh dicoba berkali-kali.
#
# Sebelum menyusun pohon kinerja, temukan masalah yang paling penting. Tiga alat: **data kesenjangan** (realisasi dibanding target), saringan **APKL**, dan peringkat **USG**.

# %% tags=["parameters"]
data_path: str = ""  # workbook .xlsx atau folder .csv; kosong berarti sampel Kabupaten Contoh
kunci_jawaban: bool = False  # True: jawaban latihan terisi (edisi fasilitator)

# %%
import pohon_nb as pn
from pohon_nb.method import checks, problems
from pohon_nb.nb import display, training, views
from pohon_nb.outputs import diagrams

pemda = pn.load(data_path or None)
print(pemda.info['nama_pemda'], '|', len(pemda.opd_codes()), 'OPD |', len(pemda.tree), 'kondisi')
ctx = views.Context(pemda, "1.02.0.00.0.00.01.0000", 2025)

# %% [markdown]
# ## Data kesenjangan
#
# Indikator Dinas Kesehatan tahun 2025, kesenjangan terbesar di atas. Capaian di bawah 100% menunjukkan target belum tercapai.

# %%
display.show(views.indicator_gaps(ctx).only("text", "table"))

# %% [markdown]
# ## APKL
#
# Setiap isu diuji: **A**ktual (sedang terjadi?), **P**roblematik (menyimpang dari standar?), **K**ekhalayakan (menyangkut banyak orang?), **L**ayak (dalam kewenangan OPD?). Isu yang gagal salah satunya tidak diperingkat; isu yang gagal *Layak* biasanya menjadi permintaan **crosscutting** ke OPD yang berwenang.

# %%
display.show(views.apkl(ctx).table)

# %% [markdown]
# ## USG
#
# Urgency, Seriousness, Growth: masing-masing 1-5. Total tertinggi menjadi calon masalah inti. Berikut skor isu Dinas Kesehatan yang lolos APKL:

# %%
isu = problems.usg_ranking(pemda, "1.02.0.00.0.00.01.0000").sort_values("id")
skor = {r.id: (r.usg_u, r.usg_s, r.usg_g) for r in isu.itertuples()}
display.show(display.table(isu, ["id", "pernyataan", "usg_u", "usg_s", "usg_g"]))

# %% [markdown]
# ## Latihan 1: urutkan isu
#
# Jumlahkan U + S + G setiap isu di tabel di atas, lalu tulis ID-nya dari total tertinggi, mis. `["M.DINKES.3", ...]`. (Tabel di atas diurutkan menurut ID dan sengaja belum menampilkan totalnya.)

# %%
urutan = []  # tulis jawaban Anda di sini
if kunci_jawaban:
    urutan = training.answer('02.usg')
training.check_usg_ranking(urutan, skor)

# %% [markdown]
# ## Latihan 2: nilai seri
#
# Tiga isu dengan skor berikut. Urutkan; perhatikan apa kata umpan balik tentang nilai yang sama. USG tidak memutuskan seri: forum yang memutuskan.

# %%
skor_seri = {"A": (5, 4, 4), "B": (4, 5, 4), "C": (3, 3, 3)}
urutan = []  # tulis jawaban Anda di sini
if kunci_jawaban:
    urutan = ["B", "A", "C"]
training.check_usg_ranking(urutan, skor_seri)

# %% [markdown]
# **Rangkuman.** Data kesenjangan menunjukkan *di mana* kinerja tertinggal; APKL menyaring isu yang layak ditangani; USG memeringkatnya, dan nilai seri diputuskan bersama. Isu teratas menjadi **masalah inti**.
