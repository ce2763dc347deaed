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
# *Durasi: 30 menit.* *Modul pelatihan pohon-nb, berbasis sampel sintetis Kabupaten Contoh.* Jalankan sel dari atas ke bawah (Shift+Enter). Di sel latihan, tulis jawaban Anda di antara tanda kutip lalu jalankan sel itu: umpan balik muncul di bawahnya. Boleh dicoba berkali-kali.
#
# **Cascading** menurunkan kinerja sampai ke jabatan dan individu (PermenPANRB 6/2022): *langsung* bila indikator atasan dibagi ke bawahan, *tidak langsung* bila bawahan memegang indikator pendukung. **Crosscutting**: kondisi yang dibutuhkan sebuah OPD tetapi diwujudkan OPD lain; dicatat pada kondisi yang membutuhkan, dengan status usulan, disetujui atau ditolak (kriteria 1.b.9).

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
# ## Jejaring crosscutting
#
# Panah dari OPD yang meminta ke OPD mitra; warna menunjukkan status. OPD yang banyak dituju (mis. Dinas PUPR) perlu hadir di asistensi banyak OPD lain.

# %%
display.show(diagrams.crosscutting_figure(pemda))

# %%
display.show(views.crosscutting_both_ways(ctx))

# %% [markdown]
# ## Latihan: temukan mata rantai yang hilang
#
# Di salinan pohon berikut, satu output kehilangan induknya. Pemeriksaan menemukannya sebagai kondisi puncak yang bukan ultimate outcome (M17). Output mana itu, dan kondisi mana yang seharusnya menjadi induknya?

# %%
rusak = training.broken_tree(data=data_path or None)
display.show(training.orphans(rusak, "DINKES"))

# %% [markdown]
# Kondisi outcome Dinas Kesehatan yang bisa menjadi induknya (dan kondisi yang terlepas, di baris terakhir). Pilih berdasarkan isinya: kondisi mana yang membutuhkan kondisi yang terlepas itu?

# %%
display.show(training.candidates(rusak))

# %%
induk = ""  # tulis jawaban Anda di sini
if kunci_jawaban:
    induk = training.answer('05.induk')
training.check_missing_link(induk, data=data_path or None)

# %% [markdown]
# **Rangkuman.** Rantai dari ultimate outcome sampai output (dan rencana aksi individu) harus tersambung tanpa putus (kriteria 1.b.8); ketergantungan antar-OPD dicatat dan disepakati sebelum asistensi.
