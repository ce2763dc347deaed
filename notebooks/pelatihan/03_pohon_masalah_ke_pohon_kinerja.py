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
# *Durasi: 40 menit.*

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
# ## Pohon masalah
#
# Mengapa prevalensi stunting tinggi? Karena cakupan layanan ibu hamil dan balita rendah. Mengapa cakupan rendah? Karena tenaga dan sarana puskesmas terbatas: itulah **akar masalah**. Penyebab bergaris putus-putus berada di luar kewenangan OPD.

# %%
kelas.show(views.problem_tree, limit=2)

# %% [markdown]
# ## Konversi
#
# Setiap kondisi negatif diubah menjadi kondisi positif yang ingin dicapai: *Tingginya* → *Menurunnya*, *Rendahnya* → *Meningkatnya*, *Belum optimalnya* → *Optimalnya*. Levelnya dari posisi: masalah inti menjadi **intermediate outcome**, penyebabnya **immediate outcome**, akar masalah **output**; akar masalah yang langsung di bawah masalah inti menjadi **immediate** (output di situ melewatkan satu level).
#
# Penyebab di luar kewenangan OPD (lokus eksternal) **tidak** menjadi kondisi OPD itu: ia menjadi **permintaan crosscutting** ke OPD atau instansi yang berwenang, dicatat di sheet `lintas_opd` pada kondisi yang membutuhkannya (Modul 5).

# %% [markdown]
# ## Latihan 3.1: rumuskan kondisi

# %%
kelas.question("3.1")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("3.1")
kelas.check("3.1", jawaban)

# %% [markdown]
# Bandingkan jawaban Anda dengan usulan otomatis untuk semua masalah OPD contoh. *Kondisi terkait* adalah kondisi di pohon kinerja yang sudah merujuk masalah itu.

# %%
kelas.show(views.conversion)

# %% [markdown]
# ## Latihan 3.2: level dari posisi

# %%
kelas.question("3.2")

# %%
jawaban = ""  # tulis jawaban Anda di sini (bila tidak memakai formulir), lalu jalankan sel ini
if kunci_jawaban:
    jawaban = kelas.answer("3.2")
kelas.check("3.2", jawaban)

# %% [markdown]
# **Rangkuman.** Pohon masalah memberi logika sebab-akibat; konversi menjaga ketertelusuran: setiap kondisi di pohon kinerja menyimpan ID masalah asalnya (kolom `asal_masalah`), sehingga evaluator dapat melihat mengapa kondisi itu ada. Penyebab eksternal menjadi crosscutting, bukan kondisi OPD sendiri.
