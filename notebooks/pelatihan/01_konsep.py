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
# *Durasi: 25 menit.* *Modul pelatihan pohon-nb, berbasis sampel sintetis Kabupaten Contoh.* Jalankan sel dari atas ke bawah (Shift+Enter). Di sel latihan, tulis jawaban Anda di antara tanda kutip lalu jalankan sel itu: umpan balik muncul di bawahnya. Boleh dicoba berkali-kali.
#
# **SAKIP** (Perpres 29/2014) meminta setiap Pemda merencanakan, mengukur, melaporkan dan dievaluasi berdasarkan **hasil**. **Pohon kinerja** (PermenPANRB 89/2021) memecah hasil yang diinginkan Pemda menjadi **kondisi-kondisi** yang harus terwujud agar hasil itu tercapai, masing-masing dengan indikator dan pemiliknya, dari kepala daerah sampai unit terkecil.

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
# ## Membaca pohon
#
# Berikut pohon Dinas Kesehatan Kabupaten Contoh di bawah sasaran daerah yang dilayaninya. Bacalah dari bawah ke atas dengan logika *jika-maka*: **jika** output-output terwujud, **maka** immediate outcome di atasnya tercapai, dan seterusnya. Dari atas ke bawah, tanyakan: *apa yang harus terjadi agar kondisi ini tercapai?*

# %%
display.show(diagrams.opd_tree_figures(pemda, "1.02.0.00.0.00.01.0000", year=2025,
                                          max_width=11))

# %% [markdown]
# Perhatikan: satu outcome biasanya dihasilkan **beberapa** kondisi bersama. Rantai panjang berisi satu anak saja adalah tanda logika yang belum lengkap.

# %% [markdown]
# ## Latihan 1: level
#
# Sebuah OPD menaruh kondisi **output** langsung di bawah **intermediate outcome**. Isi level anak dan induk seperti pada pohon itu, lalu baca umpan baliknya. Setelah itu coba `('immediate', 'intermediate')`.

# %%
jawaban = ("", "")  # tulis jawaban Anda di sini
if kunci_jawaban:
    jawaban = training.answer('03.level')
training.check_level(*jawaban)

# %% [markdown]
# ## Latihan 2: kondisi atau kegiatan?
#
# Rumuskan ulang *'Pelaksanaan imunisasi dasar lengkap'* sebagai kondisi level immediate outcome.

# %%
jawaban = ""  # tulis jawaban Anda di sini
if kunci_jawaban:
    jawaban = "Meningkatnya cakupan imunisasi dasar lengkap pada bayi"
training.check_condition(jawaban, "immediate")

# %% [markdown]
# **Rangkuman.** Pohon kinerja = kondisi berjenjang dengan logika sebab-akibat; kondisi ditulis sebagai hasil; level berurutan ultimate → intermediate → immediate → output. Modul berikutnya: menemukan masalah yang menjadi akar pohon.
