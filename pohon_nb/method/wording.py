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
                   "terintegrasinya", "tertanganinya", "terlayaninya", "mudahnya", "cepatnya",
                   "terkendalinya", "tertekannya", "bertambahnya", "naiknya", "turunnya")
OUTPUT_OPENINGS = ("tersedianya", "terlaksananya", "terselenggaranya", "tersalurkannya",
                   "terbangunnya", "terpeliharanya", "terbentuknya", "terlayaninya")
NEGATIVE_OPENINGS = ("tingginya", "rendahnya", "kurangnya", "lemahnya", "terbatasnya", "sulitnya",
                     "belum", "buruknya", "banyaknya", "lambatnya", "minimnya")

QUALIFIERS = ("masih", "semakin", "makin", "sangat", "cukup", "relatif")
"""Words that may open a statement before its opening word ("Masih tingginya ...")."""


def opening_word(statement: str) -> str:
    """The statement's opening word, lower case, after any qualifier ("Masih tingginya angka
    kematian" opens with "tingginya"); "" for an empty statement."""
    words = [w.lower().strip(".,:;\"'") for w in str(statement).split()]
    while len(words) > 1 and words[0] in QUALIFIERS:
        words = words[1:]
    return words[0] if words else ""


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
    ("Belum meratanya", "Meratanya"),
    ("Tidak meratanya", "Meratanya"),
    ("Mahalnya", "Terjangkaunya"),
    ("Sedikitnya", "Meningkatnya"),
    ("Kecilnya", "Meningkatnya"),
    ("Sempitnya", "Meluasnya"),
    ("Jauhnya", "Dekatnya"),
    ("Rusaknya", "Membaiknya"),
)

SCARCITY = ("Kurangnya", "Minimnya", "Terbatasnya", "Sedikitnya")
"""Openings that say something is scarce. Of a resource (staff, facilities, inputs) the positive
says its availability grows: "Kurangnya tenaga bidan" -> "Meningkatnya ketersediaan tenaga bidan",
not "Meningkatnya tenaga bidan"; of a measure or a capacity ("Kurangnya asupan gizi", "Rendahnya
pemahaman") the opening alone changes."""
RESOURCES = frozenset({
    "tenaga", "sarana", "prasarana", "alat", "peralatan", "pendamping", "petugas", "guru", "bidan",
    "dokter", "perawat", "penyuluh", "personel", "pegawai", "sdm", "sumber", "anggaran", "dana",
    "fasilitas", "obat", "bibit", "benih", "pupuk", "pakan", "lahan", "data", "armada", "kendaraan",
    "infrastruktur", "jaringan", "buku", "ruang", "gedung", "tempat", "lapangan", "modal", "stok",
    "pasokan", "air", "listrik", "bahan", "vaksin", "mesin", "rumah", "sekolah", "puskesmas",
})

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

# --------------------------------------------------------------------------- direction

# Openings that say which way a condition moves what it names. A condition "Menurunnya
# cakupan imunisasi" moves a measure that is to be raised the wrong way (rule M28).
RAISING_OPENINGS = ("meningkatnya", "naiknya", "bertambahnya")
LOWERING_OPENINGS = ("menurunnya", "berkurangnya", "turunnya", "tertekannya")

# Measures by the way the method wants them to go, matched at the start of what a statement
# names, after a generic counting word (longest first). Data: add rows.
MEASURES_TO_LOWER = ("angka kematian", "kematian", "kemiskinan", "penduduk miskin", "pengangguran",
                     "stunting", "gizi buruk", "gizi kurang", "wasting", "kasus", "prevalensi",
                     "insiden", "kesakitan", "putus sekolah", "buta aksara", "kekerasan",
                     "kriminalitas", "kecelakaan", "pelanggaran", "kemacetan", "genangan",
                     "kawasan kumuh", "permukiman kumuh", "timbulan sampah", "pencemaran", "inflasi",
                     "ketimpangan", "rasio gini", "gini ratio", "kerugian", "pengaduan", "keluhan",
                     "waktu tunggu", "kerusakan", "deforestasi")
MEASURES_TO_RAISE = ("cakupan", "partisipasi", "akses", "kepuasan", "harapan hidup", "usia harapan",
                     "pembangunan manusia", "ipm", "lama sekolah", "pertumbuhan", "pendapatan",
                     "produksi", "produktivitas", "ketersediaan", "kualitas", "kapasitas",
                     "kepatuhan", "ketahanan", "kesejahteraan", "kemandirian", "investasi",
                     "literasi", "keterampilan", "kompetensi", "kinerja", "akuntabilitas",
                     "kunjungan", "kelulusan", "imunisasi", "derajat kesehatan")
GENERIC_MEASURE_WORDS = ("angka", "persentase", "jumlah", "tingkat", "rasio", "nilai", "indeks",
                         "rata-rata", "proporsi", "capaian", "laju")


def named_measure(statement: str) -> str:
    """What a condition names after its opening word, lower case ("cakupan imunisasi dasar")."""
    words = statement.lower().split()
    return " ".join(words[1:]).strip(" .,:;")


def measure_named(text: str) -> tuple[str | None, str]:
    """Which way the measure ``text`` starts with should go, and its phrase as matched: "min" (to
    be lowered: kematian, kemiskinan, stunting, kasus ...), "maks" (to be raised: cakupan,
    partisipasi, akses ...), or (None, "") when the words do not say. Only the start counts
    ("cakupan penanganan kasus" is a coverage), after a generic counting word ("angka putus
    sekolah" is a drop-out rate): a word further on may name what is counted, not the measure, so
    it is left out rather than guessed."""
    words = text.lower().split()
    while words and words[0] in GENERIC_MEASURE_WORDS:
        words = words[1:]
    rest = " ".join(words)
    for direction, phrases in (("min", MEASURES_TO_LOWER), ("maks", MEASURES_TO_RAISE)):
        for phrase in phrases:
            if rest == phrase or rest.startswith(phrase + " "):
                return direction, phrase
    return None, ""


def statement_direction(statement: str) -> str | None:
    """Which way a condition's opening word moves what it names: "naik", "turun" or None."""
    first = statement.split()[0].lower().strip(".,:;") if statement.split() else ""
    if first in RAISING_OPENINGS:
        return "naik"
    if first in LOWERING_OPENINGS:
        return "turun"
    return None


def _has(text: str, phrase: str) -> bool:
    return re.search(rf"\b{re.escape(phrase)}\b", text) is not None


# --------------------------------------------------------------------------- measure kinds

# What an indicator's name measures, when the name says it (longest first): an impact or an
# outcome is a change in people's conditions, an output what an activity delivers. Counts of
# outcomes ("Jumlah kematian ibu", "Jumlah kasus gizi buruk") measure outcomes, not outputs.
IMPACT_MEASURES = ("indeks pembangunan manusia", "ipm", "usia harapan hidup", "angka harapan hidup",
                   "uhh", "angka kematian ibu", "aki", "angka kematian bayi", "akb", "tingkat kemiskinan",
                   "persentase penduduk miskin", "tingkat pengangguran terbuka", "tpt",
                   "pertumbuhan ekonomi", "laju pertumbuhan ekonomi", "pdrb", "gini ratio", "rasio gini",
                   "prevalensi stunting")
OUTCOME_MEASURES = ("prevalensi", "kematian", "kasus", "kesakitan", "insiden", "angka partisipasi",
                    "apm", "apk", "rata-rata lama sekolah", "harapan lama sekolah", "kepuasan",
                    "tingkat kepatuhan", "angka kesakitan", "gizi buruk", "gizi kurang")
OUTPUT_MEASURES = ("jumlah dokumen", "jumlah laporan", "jumlah kegiatan", "jumlah peserta",
                   "jumlah sarana", "jumlah unit", "jumlah paket", "jumlah posyandu", "jumlah kader",
                   "jumlah sosialisasi", "jumlah pelatihan", "jumlah bantuan", "jumlah ruang",
                   "dokumen", "laporan", "terlaksananya", "tersedianya")


SERVICE_CLAUSE = re.compile(r"\byang\s+(?:di\w+|ter\w+|mendapat\w*|menerima|mengikuti|memperoleh|"
                            r"mengakses|dilayani|ditangani)\b", re.IGNORECASE)
"""A "yang ..." clause that makes a count of people or cases served ("Jumlah kasus yang
dimediasi", "balita gizi kurang yang mendapat PMT"): what a service delivers, an output."""


def measure_kind(name: str) -> str | None:
    """The kind an indicator's name measures, when it says so: "dampak", "outcome", "output",
    or None. An impact measure anywhere in the name decides; an outcome measure must open the
    name after a counting word ("Jumlah kematian ibu", "Jumlah kasus gizi buruk" count outcomes)
    and not be a count of those served ("Jumlah kasus yang ditangani" is an output)."""
    lowered = name.lower()
    if any(_has(lowered, p) for p in IMPACT_MEASURES):
        return "dampak"
    words = lowered.split()
    while words and words[0] in GENERIC_MEASURE_WORDS:
        words = words[1:]
    rest = " ".join(words)
    if not SERVICE_CLAUSE.search(lowered) and any(rest == p or rest.startswith(p + " ")
                                                  for p in OUTCOME_MEASURES):
        return "outcome"
    if any(_has(lowered, p) for p in OUTPUT_MEASURES) or lowered.startswith("jumlah "):
        return "output"  # a count of anything else is a count of what was delivered
    return None


# --------------------------------------------------------------------------- who signs

# The title of an OPD's head from the OPD's name, when the opd sheet gives none (column
# jabatan_kepala): the office is not the person ("Kepala Sekretariat Daerah" is the Sekretaris
# Daerah). First match wins; the rest of the name follows the title. Data: add rows.
HEAD_TITLES: tuple[tuple[str, str], ...] = (
    ("sekretariat daerah", "Sekretaris Daerah"),
    ("sekretariat dewan perwakilan rakyat daerah", "Sekretaris DPRD"),
    ("sekretariat dprd", "Sekretaris DPRD"),
    ("kecamatan ", "Camat "),
    ("kelurahan ", "Lurah "),
    ("inspektorat", "Inspektur"),
    ("rumah sakit umum daerah", "Direktur Rumah Sakit Umum Daerah"),
    ("rsud", "Direktur RSUD"),
    ("satuan polisi pamong praja", "Kepala Satuan Polisi Pamong Praja"),
)


def head_title(name: str, given: str | None = None) -> str:
    """Who signs for an OPD: the opd sheet's ``jabatan_kepala`` when given, else a title derived
    from the name by :data:`HEAD_TITLES` ("Kecamatan Sukamaju" -> "Camat Sukamaju"), else
    "Kepala <name>" (Dinas, Badan, Kantor)."""
    if given and str(given).strip():
        return " ".join(str(given).split())
    lowered = " ".join(str(name).split()).lower()
    for opening, title in HEAD_TITLES:
        if lowered.startswith(opening):
            rest = " ".join(str(name).split())[len(opening):].strip()
            return f"{title.strip()} {rest}".strip()
    return f"Kepala {' '.join(str(name).split())}"
