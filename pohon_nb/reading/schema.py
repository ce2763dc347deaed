"""The input workbook contract as data.

One definition serves the loader (what to read and how to check it), the blank
template (headers, help comments, drop-down lists) and the documentation
(``pohon-nb schema``). Sheet and column names are the workbook's own, in Indonesian
snake_case; labels and help texts are what users read, in Bahasa Indonesia.

Column kinds
------------
code    identifier kept as text exactly as typed ("007" stays "007")
text    free text
enum    one of ``allowed`` (case and spaces normalised, aliases accepted)
flag    ya/tidak
int     whole number (a year)
number  number; "n/a", "-" or blank is missing
value   number or a range "10-15" (targets)
codes   several codes separated by ";"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DEFAULT_PERIOD = (2025, 2029)
"""The first and last year of a blank workbook when none is given (a five-year Renstra)."""

LEVELS = ("ultimate", "intermediate", "immediate", "output", "aksi")
"""Tree levels from the top; a level may repeat under itself but never sit under a lower one."""

LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}

LEVEL_LABELS = {
    "ultimate": "Ultimate outcome",
    "intermediate": "Intermediate outcome",
    "immediate": "Immediate outcome",
    "output": "Output",
    "aksi": "Rencana aksi",
}

OUTCOME_LEVELS = ("ultimate", "intermediate", "immediate")

POLARITIES = ("maks", "min", "stabil")
INDICATOR_TYPES = ("dampak", "outcome", "output", "input")
COMPONENTS = (
    "tujuan",
    "sasaran_daerah",
    "sasaran_strategis",
    "sasaran_program",
    "sasaran_kegiatan",
    "sub_kegiatan",
)
CROSSCUTTING_STATUSES = ("usulan", "disetujui", "ditolak")
FOLLOW_UP_STATUSES = ("disepakati", "selesai", "dibatalkan")
LOCI = ("internal", "eksternal")
FREQUENCIES = ("bulanan", "triwulanan", "semesteran", "tahunan")
VALIDITIES = ("exact", "proksi", "aktivitas")
CONTROL_DEGREES = ("tinggi", "sedang", "rendah")
CONSOLIDATIONS = ("jumlah", "nilai_akhir", "rata_rata")
CASCADING_TYPES = ("langsung", "tidak_langsung")

# Spellings seen in real workbooks, mapped to the canonical value. Matching is done
# after lower-casing and folding spaces and hyphens to "_".
ALIASES: dict[str, dict[str, str]] = {
    "level": {
        "ultimate_outcome": "ultimate",
        "uo": "ultimate",
        "intermediate_outcome": "intermediate",
        "int_o": "intermediate",
        "into": "intermediate",
        "immediate_outcome": "immediate",
        "imm_o": "immediate",
        "immo": "immediate",
        "rencana_aksi": "aksi",
    },
    "polaritas": {
        "maksimal": "maks",
        "maksimalkan": "maks",
        "max": "maks",
        "positif": "maks",
        "minimal": "min",
        "minimalkan": "min",
        "negatif": "min",
        "stabilisasi": "stabil",
        "stabil_rentang": "stabil",
    },
    "status": {"diusulkan": "usulan", "setuju": "disetujui", "tolak": "ditolak"},
    "lokus": {"intern": "internal", "ekstern": "eksternal"},
    "frekuensi": {"triwulan": "triwulanan", "semester": "semesteran", "bulan": "bulanan"},
    "validitas": {"proxy": "proksi", "activity": "aktivitas", "eksak": "exact"},
    "tingkat_kendali": {"high": "tinggi", "moderate": "sedang", "low": "rendah"},
    "konsolidasi": {"sum": "jumlah", "last": "nilai_akhir", "average": "rata_rata",
                    "akhir": "nilai_akhir", "rerata": "rata_rata"},
    "jenis_cascading": {"direct": "langsung", "non_direct": "tidak_langsung",
                        "nondirect": "tidak_langsung"},
}

FLAG_TRUE = frozenset({"ya", "y", "yes", "true", "1", "benar", "v", "x"})
FLAG_FALSE = frozenset({"tidak", "t", "no", "n", "false", "0", "salah", "bukan"})
MISSING_TOKENS = frozenset(
    {"", "-", "–", "—", "n/a", "na", "#n/a", "n.a.", "null", "none", "nan", "t.a.d", "tad"}
)

YEAR_COLUMN = re.compile(r"^(target|realisasi)_(\d{4})$")


@dataclass(frozen=True)
class Column:
    """One column of a sheet.

    Parameters
    ----------
    name : header as written in the workbook.
    kind : how a cell is read (see the module docstring).
    label : short Indonesian label.
    help : one sentence of Indonesian help, shown in the template and docs.
    required : the column must be present in the sheet.
    blank : severity of an empty cell ("error", "warning") or None when blank is allowed.
    allowed : the values of an ``enum`` column.
    bounds : inclusive (low, high) for numbers.
    ref : (sheet, column) this column's values must exist in.
    ref_severity : severity of a dangling reference.
    """

    name: str
    kind: str
    label: str
    help: str
    required: bool = False
    blank: str | None = None
    allowed: tuple[str, ...] = ()
    bounds: tuple[float, float] | None = None
    ref: tuple[str, str] | None = None
    ref_severity: str = "error"


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook: its columns, its key and whether it must exist."""

    name: str
    label: str
    help: str
    required: bool
    columns: tuple[Column, ...]
    key: str | None = None
    year_columns: bool = False
    examples: tuple[dict, ...] = field(default=(), compare=False)

    def column(self, name: str) -> Column | None:
        for col in self.columns:
            if col.name == name:
                return col
        return None


def year_column(name: str) -> Column | None:
    """The column definition of a ``target_<year>`` or ``realisasi_<year>`` header."""
    match = YEAR_COLUMN.match(name)
    if not match:
        return None
    what, year = match.groups()
    if what == "target":
        return Column(
            name,
            "value",
            f"Target {year}",
            f"Target tahun {year}: angka, atau rentang seperti 10-15.",
        )
    return Column(
        name,
        "number",
        f"Realisasi {year}",
        f"Realisasi tahun {year}: angka; kosong, '-' atau 'n/a' berarti belum ada data.",
    )


def _c(*args, **kwargs) -> Column:
    return Column(*args, **kwargs)


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "pemda",
        "Pemerintah daerah",
        "Satu baris: identitas Pemda dan periode RPJMD/Renstra.",
        required=True,
        key="kode_pemda",
        columns=(
            _c("kode_pemda", "code", "Kode Pemda", "Kode wilayah Pemda, mis. 3525.",
               required=True, blank="error"),
            _c("nama_pemda", "text", "Nama Pemda", "Nama resmi, mis. Kabupaten Gresik.",
               required=True, blank="error"),
            _c("periode_awal", "int", "Periode awal", "Tahun pertama periode perencanaan.",
               required=True, blank="error", bounds=(1990, 2100)),
            _c("periode_akhir", "int", "Periode akhir", "Tahun terakhir periode perencanaan.",
               required=True, blank="error", bounds=(1990, 2100)),
        ),
    ),
    Sheet(
        "opd",
        "Perangkat daerah",
        "Satu baris per OPD.",
        required=True,
        key="kode_opd",
        columns=(
            _c("kode_opd", "code", "Kode OPD", "Kode OPD, ditulis sebagai teks (mis. 1.02.0.00).",
               required=True, blank="error"),
            _c("nama_opd", "text", "Nama OPD", "Nama lengkap OPD.", required=True, blank="error"),
            _c("singkatan", "text", "Singkatan", "Singkatan, mis. Dinkes."),
            _c("jenis", "text", "Jenis", "Jenis OPD, mis. dinas, badan, inspektorat."),
            _c("jabatan_kepala", "text", "Jabatan kepala",
               "Jabatan pimpinan OPD yang menandatangani, mis. Sekretaris Daerah, Camat Sukamaju; "
               "kosong: diturunkan dari nama OPD (Kepala Dinas ..., Sekretaris Daerah, Camat ...)."),
        ),
    ),
    Sheet(
        "pohon",
        "Pohon kinerja",
        "Satu baris per kondisi (kotak pohon kinerja).",
        required=True,
        key="id",
        columns=(
            _c("id", "code", "ID kondisi", "Kode unik kondisi.", required=True, blank="error"),
            _c("induk", "code", "Induk", "ID kondisi di atasnya; kosong hanya di puncak pohon.",
               ref=("pohon", "id")),
            _c("level", "enum", "Level", "Level kondisi dalam pohon.", required=True,
               blank="error", allowed=LEVELS),
            _c("pernyataan", "text", "Pernyataan kondisi",
               "Kondisi yang ingin dicapai, mis. 'Menurunnya prevalensi stunting'.",
               required=True, blank="error"),
            _c("kode_opd", "code", "OPD pemilik", "Kode OPD pemilik; kosong untuk tingkat Pemda.",
               ref=("opd", "kode_opd")),
            _c("jabatan", "text", "Jabatan", "Jabatan penanggung jawab, mis. Kepala Bidang P2P."),
            _c("komponen", "enum", "Komponen perencanaan", "Komponen perencanaan yang dipetakan.",
               allowed=COMPONENTS),
            _c("kode_program", "code", "Kode program", "Kode program (Kepmendagri 050)."),
            _c("kode_kegiatan", "code", "Kode kegiatan", "Kode kegiatan (Kepmendagri 050)."),
            _c("asal_masalah", "code", "Asal masalah", "ID masalah yang dikonversi menjadi kondisi ini.",
               ref=("masalah", "id")),
            _c("acuan_nasional", "text", "Acuan nasional",
               "Sasaran/indikator RPJMN atau prioritas nasional yang didukung kondisi ini (teks atau "
               "kode; pisahkan beberapa dengan ';'), mis. 'RPJMN: Prevalensi stunting balita'."),
            _c("acuan_provinsi", "text", "Acuan provinsi",
               "Sasaran RPJMD provinsi yang didukung kondisi ini (teks atau kode; pisahkan dengan ';')."),
            _c("keterangan", "text", "Keterangan", "Catatan bebas."),
        ),
    ),
    Sheet(
        "indikator",
        "Indikator",
        "Satu baris per indikator, terpilih maupun kandidat. Tambahkan kolom target_<tahun> "
        "dan realisasi_<tahun> untuk setiap tahun.",
        required=True,
        key="id",
        year_columns=True,
        columns=(
            _c("id", "code", "ID indikator", "Kode unik indikator.", required=True, blank="error"),
            _c("id_pohon", "code", "ID kondisi", "Kondisi yang diukur indikator ini.",
               required=True, blank="error", ref=("pohon", "id")),
            _c("nama", "text", "Nama indikator", "Nama indikator.", required=True, blank="error"),
            _c("satuan", "text", "Satuan", "Satuan ukur, mis. %, per 100.000 KH, indeks.",
               required=True, blank="warning"),
            _c("polaritas", "enum", "Polaritas",
               "maks (makin tinggi makin baik), min (makin rendah makin baik), stabil (rentang).",
               required=True, blank="warning", allowed=POLARITIES),
            _c("jenis", "enum", "Jenis indikator", "dampak, outcome, output atau input.",
               allowed=INDICATOR_TYPES),
            _c("iku", "flag", "IKU", "ya bila indikator kinerja utama."),
            _c("dipilih", "flag", "Dipilih",
               "ya bila dipilih untuk kondisi ini, tidak bila masih kandidat; kosong berarti dipilih."),
            _c("definisi", "text", "Definisi", "Definisi operasional indikator."),
            _c("alasan", "text", "Alasan", "Mengapa indikator ini diukur."),
            _c("formula", "text", "Formula", "Rumus: pembilang / penyebut."),
            _c("sumber_data", "text", "Sumber data", "Asal data realisasi."),
            _c("frekuensi", "enum", "Frekuensi", "Frekuensi pengukuran.", allowed=FREQUENCIES),
            _c("penanggung_jawab", "text", "Penanggung jawab", "Unit penanggung jawab data."),
            _c("validitas", "enum", "Validitas",
               "exact (mengukur langsung), proksi, atau aktivitas.", allowed=VALIDITIES),
            _c("tingkat_kendali", "enum", "Tingkat kendali",
               "Seberapa jauh hasil dikendalikan unit: tinggi, sedang, rendah.",
               allowed=CONTROL_DEGREES),
            _c("konsolidasi", "enum", "Konsolidasi periode",
               "Cara menggabungkan data antarperiode: jumlah, nilai_akhir, rata_rata.",
               allowed=CONSOLIDATIONS),
            _c("jenis_cascading", "enum", "Jenis cascading",
               "langsung (indikator atasan dibagi) atau tidak_langsung (indikator pendukung).",
               allowed=CASCADING_TYPES),
            _c("baseline", "number", "Baseline", "Nilai awal (kondisi dasar)."),
            _c("tahun_baseline", "int", "Tahun baseline", "Tahun nilai baseline.",
               bounds=(1990, 2100)),
        ),
    ),
    Sheet(
        "lintas_opd",
        "Crosscutting",
        "Satu baris per permintaan dukungan ke OPD lain (crosscutting).",
        required=False,
        columns=(
            _c("id_pohon", "code", "ID kondisi", "Kondisi yang membutuhkan dukungan.",
               required=True, blank="error", ref=("pohon", "id")),
            _c("kode_opd_mitra", "code", "OPD mitra", "Kode OPD (atau instansi vertikal) mitra.",
               required=True, blank="error", ref=("opd", "kode_opd"), ref_severity="warning"),
            _c("id_pohon_mitra", "code", "ID kondisi mitra", "Kondisi mitra yang mendukung, bila diketahui.",
               ref=("pohon", "id")),
            _c("peran", "text", "Peran", "Kontribusi yang diminta dari mitra."),
            _c("status", "enum", "Status", "usulan, disetujui atau ditolak (diisi mitra).",
               allowed=CROSSCUTTING_STATUSES),
        ),
    ),
    Sheet(
        "masalah",
        "Pohon masalah",
        "Satu baris per masalah (kondisi negatif) dengan hubungan sebab-akibatnya.",
        required=False,
        key="id",
        columns=(
            _c("id", "code", "ID masalah", "Kode unik masalah.", required=True, blank="error"),
            _c("kode_opd", "code", "OPD", "OPD yang menganalisis masalah ini.", required=True,
               blank="error", ref=("opd", "kode_opd")),
            _c("pernyataan", "text", "Pernyataan masalah",
               "Kondisi negatif, mis. 'Tingginya prevalensi stunting'.", required=True, blank="error"),
            _c("inti", "flag", "Masalah inti", "ya untuk masalah inti (satu per OPD)."),
            _c("menyebabkan", "codes", "Menyebabkan",
               "ID masalah yang diakibatkan masalah ini, dipisah ';'. Boleh masalah OPD lain "
               "(mis. sanitasi buruk di DPUPR menyebabkan stunting di Dinkes): begitulah akar "
               "masalah bersama lintas OPD ditemukan.", ref=("masalah", "id")),
            _c("lokus", "enum", "Lokus", "internal (kewenangan OPD) atau eksternal.", allowed=LOCI),
            _c("apkl_a", "flag", "APKL: Aktual", "ya bila sedang terjadi."),
            _c("apkl_p", "flag", "APKL: Problematik", "ya bila menyimpang dari standar."),
            _c("apkl_k", "flag", "APKL: Kekhalayakan", "ya bila menyangkut banyak orang."),
            _c("apkl_l", "flag", "APKL: Layak", "ya bila dalam kewenangan unit."),
            _c("usg_u", "int", "USG: Urgency", "1-5.", bounds=(1, 5)),
            _c("usg_s", "int", "USG: Seriousness", "1-5.", bounds=(1, 5)),
            _c("usg_g", "int", "USG: Growth", "1-5.", bounds=(1, 5)),
            _c("data_dukung", "text", "Data dukung", "Bukti atau data yang mendukung."),
        ),
    ),
    Sheet(
        "anggaran",
        "Anggaran",
        "Satu baris per sub kegiatan per tahun.",
        required=False,
        columns=(
            _c("id_pohon", "code", "ID kondisi", "Kondisi yang didanai.", required=True,
               blank="error", ref=("pohon", "id")),
            _c("kode_sub_kegiatan", "code", "Kode sub kegiatan", "Kode sub kegiatan."),
            _c("nama_sub_kegiatan", "text", "Nama sub kegiatan", "Nama sub kegiatan."),
            _c("tahun", "int", "Tahun", "Tahun anggaran.", required=True, blank="error",
               bounds=(1990, 2100)),
            _c("pagu", "number", "Pagu", "Pagu anggaran (rupiah).", required=True,
               blank="error", bounds=(0, float("inf"))),
            _c("realisasi", "number", "Realisasi", "Realisasi anggaran (rupiah).",
               bounds=(0, float("inf"))),
        ),
    ),
    Sheet(
        "penilaian_indikator",
        "Penilaian indikator",
        "Satu baris per penilai per indikator; skor SMART dan CREAM 0-2.",
        required=False,
        columns=(
            _c("id_indikator", "code", "ID indikator", "Indikator yang dinilai.", required=True,
               blank="error", ref=("indikator", "id")),
            _c("penilai", "text", "Penilai", "Nama atau kode penilai."),
            *(
                _c(f"smart_{x}", "int", f"SMART {x.upper()}", "0-2.", bounds=(0, 2))
                for x in "smart"
            ),
            *(
                _c(f"cream_{x}", "int", f"CREAM {x.upper()}", "0-2.", bounds=(0, 2))
                for x in "cream"
            ),
            _c("catatan", "text", "Catatan", "Catatan penilai."),
        ),
    ),
    Sheet(
        "tindak_lanjut",
        "Tindak lanjut",
        "Satu baris per tindakan yang disepakati di asistensi. Salin baris dari berkas "
        "tindak_lanjut_usulan.xlsx yang ditulis pohon-nb batch, lalu isi penanggung jawab dan tenggat.",
        required=False,
        key="id",
        columns=(
            _c("id", "code", "ID", "ID tindakan, mis. TL.DINKES.1.", required=True, blank="error"),
            _c("kode_opd", "code", "Kode OPD", "OPD yang melaksanakan.", required=True, blank="error",
               ref=("opd", "kode_opd")),
            _c("tindakan", "text", "Tindakan", "Apa yang diperbaiki.", required=True, blank="error"),
            _c("kode_aturan", "code", "Aturan", "Kode temuan yang dijawab tindakan ini, mis. M19."),
            _c("ref", "code", "ID yang diperbaiki",
               "ID kondisi, indikator atau permintaan tempat temuan itu."),
            _c("kriteria", "code", "Kriteria LKE", "Kriteria LKE yang dinaikkan, mis. 1.b.8."),
            _c("penanggung_jawab", "text", "Penanggung jawab", "Jabatan yang melaksanakan."),
            _c("tenggat", "text", "Tenggat", "Tanggal selesai, mis. 2026-03-31 atau 31-03-2026."),
            _c("status", "enum", "Status", "disepakati (bawaan), selesai atau dibatalkan.",
               allowed=FOLLOW_UP_STATUSES),
            _c("catatan", "text", "Catatan", "Catatan asistensi."),
        ),
    ),
)

SHEETS_BY_NAME = {sheet.name: sheet for sheet in SHEETS}
REQUIRED_SHEETS = tuple(sheet.name for sheet in SHEETS if sheet.required)


def sheet(name: str) -> Sheet:
    """The schema of one sheet by name."""
    return SHEETS_BY_NAME[name]


def normalise_header(header: object) -> str:
    """A header as the schema spells it: lower case, trimmed, spaces and hyphens as "_"."""
    text = "" if header is None else str(header)
    text = text.strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def normalise_enum(column: str, value: str) -> str:
    """An enumeration value in canonical form (lower case, aliases resolved)."""
    key = re.sub(r"[\s\-\.]+", "_", value.strip().lower()).strip("_")
    return ALIASES.get(column, {}).get(key, key)


_KIND_LABELS = {
    "code": "kode (teks)", "text": "teks", "enum": "pilihan", "flag": "ya/tidak",
    "int": "bilangan bulat", "number": "angka", "value": "angka atau rentang",
    "codes": "daftar kode dipisah ;",
}


def kind_label(kind: str) -> str:
    """How a column of this kind is filled in, in Indonesian."""
    return _KIND_LABELS[kind]


def schema_markdown() -> str:
    """The input contract as Markdown: one table per sheet."""
    lines = ["# Workbook input pohon-nb", ""]
    lines.append("Sheet wajib: " + ", ".join(f"`{s}`" for s in REQUIRED_SHEETS) + ". "
                 "Sheet lain boleh tidak ada. Kolom bertanda * wajib ada. Kolom lain di luar "
                 "daftar disimpan tetapi tidak diperiksa.")
    for spec in SHEETS:
        lines += ["", f"## `{spec.name}`: {spec.label}{' (wajib)' if spec.required else ''}",
                  "", spec.help, "", "| kolom | label | isian | keterangan |",
                  "|---|---|---|---|"]
        for col in spec.columns:
            help_text = col.help + (f" Pilihan: {', '.join(col.allowed)}." if col.allowed else "")
            star = "*" if col.required else ""
            lines.append(f"| `{col.name}`{star} | {col.label} | {kind_label(col.kind)} | "
                         f"{help_text} |")
        if spec.year_columns:
            lines.append("| `target_<tahun>` | Target per tahun | angka atau rentang | "
                         "Satu kolom per tahun, mis. target_2025; rentang ditulis 10-15. |")
            lines.append("| `realisasi_<tahun>` | Realisasi per tahun | angka | Kosong, '-' atau "
                         "'n/a' berarti belum ada data (bukan nol). |")
    return "\n".join(lines) + "\n"
