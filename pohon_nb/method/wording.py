"""The method's vocabulary, as data: the words the checks, the problem conversion, the
indicator scoring, the training feedback and the Renstra import read.

A word list is knowledge about how conditions and indicators are written in Indonesian
planning documents; it lives here once, so a word added for one use is known to all.
Add rows; the code that reads them does not change.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- conditions

# Opening words that name an activity rather than a state, with the result wording
# evaluators expect instead (None where no single word fits).
ACTIVITY_WORDS: dict[str, str | None] = {
    "pelaksanaan": "Terlaksananya",
    "penyelenggaraan": "Terselenggaranya",
    "penyediaan": "Tersedianya",
    "koordinasi": None,
    "fasilitasi": None,
    "peningkatan": "Meningkatnya",
    "penurunan": "Menurunnya",
    "pengembangan": "Berkembangnya",
    "penguatan": "Menguatnya",
    "pengelolaan": "Terkelolanya",
    "pembinaan": None,
    "penyusunan": "Tersusunnya",
    "pengadaan": None,
    "pembangunan": "Terbangunnya",
    "pemberian": None,
    "penanganan": "Tertanganinya",
    "pemeliharaan": "Terpeliharanya",
    "sosialisasi": None,
    "pendampingan": None,
    "optimalisasi": "Optimalnya",
}

OUTCOME_WORDS = {"peningkatan": "Meningkatnya", "penurunan": "Menurunnya",
                 "pengembangan": "Berkembangnya", "penguatan": "Menguatnya",
                 "optimalisasi": "Optimalnya"}

PROGRAM_NAMED = re.compile(r"^(?:program\b|(?:tercapainya|terlaksananya)\s+(?:sasaran\s+)?program\b)",
                           re.IGNORECASE)
"""An outcome that names a program ("Program X", "Tercapainya sasaran program X", as the Renstra
import proposes from a program's name) instead of the result the program should bring."""

RESULT_OPENINGS = ("meningkatnya", "menurunnya", "terwujudnya", "tersedianya", "terpenuhinya",
                   "optimalnya", "menguatnya", "berkurangnya", "terlaksananya", "terselenggaranya",
                   "tersalurkannya", "terbangunnya", "terpeliharanya", "terkelolanya",
                   "terbentuknya", "terlindunginya", "dimanfaatkannya", "membaiknya", "tercapainya",
                   "terintegrasinya", "tertanganinya", "terlayaninya", "mudahnya", "cepatnya")
OUTPUT_OPENINGS = ("tersedianya", "terlaksananya", "terselenggaranya", "tersalurkannya",
                   "terbangunnya", "terpeliharanya", "terbentuknya", "terlayaninya")
NEGATIVE_OPENINGS = ("tingginya", "rendahnya", "kurangnya", "lemahnya", "terbatasnya", "sulitnya",
                     "belum", "buruknya", "banyaknya", "lambatnya", "minimnya")

# --------------------------------------------------------------------------- problems

# Negative opening -> positive opening, longest match first. A rule is data: add rows here.
PHRASE_RULES: tuple[tuple[str, str], ...] = (
    ("Belum optimalnya", "Optimalnya"),
    ("Tidak optimalnya", "Optimalnya"),
    ("Kurang optimalnya", "Optimalnya"),
    ("Belum terintegrasinya", "Terintegrasinya"),
    ("Belum mutakhirnya", "Mutakhirnya"),
    ("Belum tepatnya", "Tepatnya"),
    ("Belum tersedianya", "Tersedianya"),
    ("Tidak tersedianya", "Tersedianya"),
    ("Belum adanya", "Tersedianya"),
    ("Tidak adanya", "Tersedianya"),
    ("Masih banyaknya", "Berkurangnya"),
    ("Masih tingginya", "Menurunnya"),
    ("Masih rendahnya", "Meningkatnya"),
    ("Tingginya", "Menurunnya"),
    ("Rendahnya", "Meningkatnya"),
    ("Kurangnya", "Meningkatnya"),
    ("Minimnya", "Meningkatnya"),
    ("Terbatasnya", "Meningkatnya"),
    ("Lemahnya", "Menguatnya"),
    ("Sulitnya", "Mudahnya"),
    ("Lambatnya", "Cepatnya"),
    ("Lamanya", "Menurunnya"),
    ("Buruknya", "Membaiknya"),
    ("Banyaknya", "Berkurangnya"),
    ("Luasnya", "Berkurangnya"),
    ("Maraknya", "Menurunnya"),
    ("Menurunnya", "Meningkatnya"),
    ("Meningkatnya", "Menurunnya"),
)

# --------------------------------------------------------------------------- indicators

VAGUE_WORDS = ("optimal", "baik", "berkualitas", "maksimal", "efektif", "memadai", "prima",
               "handal", "andal", "kondusif", "layak")
MEASURE_WORDS = ("persentase", "jumlah", "indeks", "rasio", "angka", "nilai", "tingkat",
                 "rata-rata", "prevalensi", "cakupan", "skor", "laju", "produksi",
                 "produktivitas", "luas", "panjang", "proporsi", "opini", "populasi",
                 "realisasi", "koefisien", "kontribusi", "net", "level", "kapabilitas")
# Standard indicators whose definition and method are fixed nationally (BPS, the ministries):
# their name is their measure, their definition and formula come with them.
STANDARD_INDICATORS: dict[str, str] = {
    "usia harapan hidup": "BPS", "angka harapan hidup": "BPS",
    "angka kematian ibu": "Kementerian Kesehatan", "angka kematian bayi": "Kementerian Kesehatan",
    "angka kematian balita": "Kementerian Kesehatan", "prevalensi stunting": "SSGI/SKI Kemenkes",
    "indeks pembangunan manusia": "BPS", "ipm": "BPS", "tingkat kemiskinan": "BPS",
    "persentase penduduk miskin": "BPS", "tingkat pengangguran terbuka": "BPS", "tpt": "BPS",
    "rata-rata lama sekolah": "BPS", "harapan lama sekolah": "BPS", "gini ratio": "BPS",
    "rasio gini": "BPS", "laju pertumbuhan ekonomi": "BPS", "pertumbuhan ekonomi": "BPS",
    "pdrb per kapita": "BPS", "inflasi": "BPS", "angka partisipasi murni": "Kemendikdasmen/BPS",
    "angka partisipasi kasar": "Kemendikdasmen/BPS", "apm": "Kemendikdasmen/BPS",
    "apk": "Kemendikdasmen/BPS", "indeks reformasi birokrasi": "KemenPANRB",
    "nilai sakip": "KemenPANRB", "nilai akip": "KemenPANRB", "opini bpk": "BPK",
    "indeks kepuasan masyarakat": "KemenPANRB", "ikm": "KemenPANRB", "indeks spbe": "KemenPANRB",
    "maturitas spip": "BPKP", "tingkat maturitas spip": "BPKP", "indeks kualitas lingkungan hidup": "KLH",
    "nilai tukar petani": "BPS", "indeks ketahanan pangan": "Badan Pangan Nasional",
}
RATIO_WORDS = ("persentase", "rasio", "proporsi", "prevalensi", "cakupan", "angka", "tingkat",
               "rata-rata", "laju")
"""Names of indicators computed as a ratio: they need a numerator/denominator formula."""
