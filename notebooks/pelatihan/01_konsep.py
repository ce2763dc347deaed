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
# # Modul 1: Konsep pohon kinerja
#
# *Durasi: 25 menit.*

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
# **SAKIP** (Perpres 29/2014) meminta setiap Pemda merencanakan, mengukur, melaporkan dan dievaluasi berdasarkan **hasil**. **Pohon kinerja** (PermenPANRB 89/2021) memecah hasil yang diinginkan Pemda menjadi **kondisi-kondisi** yang harus terwujud agar hasil itu tercapai, masing-masing dengan indikator dan pemiliknya, dari kepala daerah sampai unit terkecil.

# %% [markdown]
# ## Empat level
#
# | level | artinya | komponen | pemilik |
# |---|---|---|---|
# | ultimate outcome | dampak yang diinginkan Pemda | tujuan/sasaran RPJMD | Kepala Daerah |
# | intermediate outcome | hasil utama OPD | sasaran strategis OPD (IKU) | Kepala OPD |
# | immediate outcome | hasil sebuah program | sasaran program | Kepala Bidang |
# | output | produk sebuah kegiatan | sasaran kegiatan | Kepala Seksi |
#
# Setiap kotak adalah **kondisi**: keadaan yang harus ada, ditulis sebagai hasil ('Meningkatnya ...', 'Menurunnya ...'), bukan sebagai kegiatan ('Pelaksanaan ...'). Level yang sama boleh bersarang (intermediate di bawah intermediate), tetapi anak tidak boleh lebih tinggi dari induknya.

# %% [markdown]
# ## Latihan 1.1: urutan level
#
# Tanpa melihat tabel di atas: urutkan keempat level. Di formulir, pindahkan dengan ▲ dan ▼; di sel jawaban, tulis dipisah koma.

# %%
kelas.question("1.1")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("1.1")
kelas.check("1.1", jawaban)

# %% [markdown]
# ## Membaca pohon
#
# Berikut pohon OPD contoh di bawah sasaran daerah yang dilayaninya. Bacalah dari bawah ke atas dengan logika *jika-maka*: **jika** output-output terwujud, **maka** immediate outcome di atasnya tercapai, dan seterusnya. Dari atas ke bawah, tanyakan: *apa yang harus terjadi agar kondisi ini tercapai?*

# %%
kelas.show(views.opd_tree, limit=1)

# %% [markdown]
# Perhatikan: satu outcome biasanya dihasilkan **beberapa** kondisi bersama. Rantai panjang berisi satu anak saja adalah tanda logika yang belum lengkap (Modul 5).

# %% [markdown]
# ## Latihan 1.2: kondisi atau kegiatan?

# %%
kelas.question("1.2")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("1.2")
kelas.check("1.2", jawaban)

# %% [markdown]
# **Rangkuman.** Pohon kinerja = kondisi berjenjang dengan logika sebab-akibat; kondisi ditulis sebagai hasil; level berurutan ultimate → intermediate → immediate → output. Modul berikutnya: menemukan masalah yang menjadi akar pohon.
