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
# # Modul 4: Indikator
#
# *Durasi: 40 menit.* *Modul pelatihan pohon-nb, berbasis sampel sintetis Kabupaten Contoh.* Jalankan sel dari atas ke bawah (Shift+Enter). Di sel latihan, tulis jawaban Anda di antara tanda kutip lalu jalankan sel itu: umpan balik muncul di bawahnya. Boleh dicoba berkali-kali.
#
# Indikator yang baik **SMART** (Specific, Measurable, Achievable, Relevant, Time-bound; kriteria evaluasi 1.b.5) dan dapat dinilai juga dengan **CREAM** (Clear, Relevant, Economic, Adequate, Monitorable). Jenisnya harus sesuai level: kondisi outcome tidak boleh hanya diukur dengan indikator output. **Polaritas**: maks (makin tinggi makin baik), min (makin rendah makin baik), stabil (dalam rentang).

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
# ## Skor SMART/CREAM dengan alasan
#
# Skor otomatis membaca isi workbook; alasan setiap skor di bawah 2 ditampilkan.

# %%
display.show(views.score_reasons(ctx).table)

# %% [markdown]
# ## Menghitung capaian
#
# - maks: realisasi / target × 100
# - min: (2 × target − realisasi) / target × 100
#
# **Latihan 1.** Target cakupan imunisasi 80%, realisasi 60%. Berapa capaiannya?

# %%
capaian = None  # tulis jawaban Anda di sini
if kunci_jawaban:
    capaian = training.answer('04.capaian_maks')
training.check_achievement(capaian, target=80, actual=60, polarity="maks")

# %% [markdown]
# **Latihan 2.** Target prevalensi stunting 20%, realisasi 15% (polaritas min). Berapa capaiannya? Perhatikan: lebih rendah berarti lebih baik.

# %%
capaian = None  # tulis jawaban Anda di sini
if kunci_jawaban:
    capaian = training.answer('04.capaian_min')
training.check_achievement(capaian, target=20, actual=15, polarity="min")

# %% [markdown]
# Bandingkan dengan fungsi paket:

# %%
from pohon_nb.method.achievement import achievement
capaian_maks, _ = achievement(80, 60, "maks")
capaian_min, _ = achievement(20, 15, "min")
print(f"maks: {capaian_maks:.1f}%   min: {capaian_min:.1f}%")

# %% [markdown]
# ## Latihan 3: tulis indikator dan entri Manual IKU
#
# Untuk output *'Terselenggaranya pemantauan pertumbuhan balita di posyandu'*, tulis nama indikator, satuan dan formulanya. Manual IKU lengkap juga memuat definisi, alasan, sumber data, frekuensi, penanggung jawab, baseline dan target tahunan.

# %%
indikator = ("", "", "")  # tulis jawaban Anda di sini
if kunci_jawaban:
    indikator = training.answer('04.indikator')
training.check_indicator(*indikator, level="output")

# %%
display.show(views.manual_iku(ctx).sheets[:2])

# %% [markdown]
# **Rangkuman.** Indikator menyebut ukurannya, punya satuan dan formula, jenisnya sesuai level, targetnya searah polaritas dan tidak di bawah capaian terakhir.
