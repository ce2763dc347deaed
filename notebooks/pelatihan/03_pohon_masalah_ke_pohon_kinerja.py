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
# # Modul 3: Dari pohon masalah ke pohon kinerja
#
# *Durasi: 40 menit.* *Modul pelatihan pohon-nb, berbasis sampel sintetis Kabupaten Contoh.* Jalankan sel dari atas ke bawah (Shift+Enter). Di sel latihan, tulis jawaban Anda di antara tanda kutip lalu jalankan sel itu: umpan balik muncul di bawahnya. Boleh dicoba berkali-kali.
#
# **Pohon masalah**: masalah inti di tengah, penyebabnya di bawah (ditemukan dengan bertanya *mengapa?* berulang kali, teknik *lima mengapa*), akibatnya di atas. Panah berjalan dari sebab ke akibat.

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
# ## Pohon masalah Dinas Kesehatan
#
# Mengapa prevalensi stunting tinggi? Karena cakupan layanan ibu hamil dan balita rendah. Mengapa cakupan rendah? Karena tenaga dan sarana puskesmas terbatas: itulah **akar masalah**. Penyebab bergaris putus-putus berada di luar kewenangan Dinas Kesehatan.

# %%
display.show(diagrams.problem_tree_figure(pemda, "1.02.0.00.0.00.01.0000"))

# %% [markdown]
# ## Konversi
#
# Setiap kondisi negatif diubah menjadi kondisi positif yang ingin dicapai: *Tingginya* → *Menurunnya*, *Rendahnya* → *Meningkatnya*, *Belum optimalnya* → *Optimalnya*. Masalah inti menjadi intermediate outcome, penyebab menjadi immediate outcome, akar masalah menjadi output, dan penyebab eksternal menjadi permintaan crosscutting.

# %% [markdown]
# ## Latihan 1: rumuskan kondisi
#
# Ubah masalah inti *'Tingginya prevalensi stunting pada balita'* menjadi kondisi level **intermediate outcome**.

# %%
kondisi = ""  # tulis jawaban Anda di sini
if kunci_jawaban:
    kondisi = training.answer('03.kondisi')
training.check_condition(kondisi, "intermediate")

# %% [markdown]
# Bandingkan jawaban Anda dengan usulan otomatis untuk semua masalah Dinas Kesehatan. *Kondisi terkait* adalah kondisi di pohon kinerja yang sudah merujuk masalah itu.

# %%
display.show(views.conversion(views.Context(pemda, "1.02.0.00.0.00.01.0000", 2025)).table)

# %% [markdown]
# ## Latihan 2: level dari posisi
#
# Penyebab langsung masalah inti menjadi kondisi di bawah intermediate outcome. Tulis pasangan *(level anak, level induk)*.

# %%
jawaban = ("", "")  # tulis jawaban Anda di sini
if kunci_jawaban:
    jawaban = training.answer('03.level')
training.check_level(*jawaban)

# %% [markdown]
# **Rangkuman.** Pohon masalah memberi logika sebab-akibat; konversi menjaga ketertelusuran: setiap kondisi di pohon kinerja menyimpan ID masalah asalnya (kolom `asal_masalah`), sehingga evaluator dapat melihat mengapa kondisi itu ada.
