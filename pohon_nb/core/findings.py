"""Findings: what a check found, where, and how serious it is.

Every finding carries a stable code from :data:`RULES`, so a finding can be looked up,
counted, filtered and documented; the rule table says its severity, the evaluation
criterion of PermenPANRB 88/2021 it touches, and a short Indonesian title.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .formats import CONTROL_CHARACTERS, quote

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
SEVERITY_LABELS = {"error": "GALAT", "warning": "PERINGATAN", "info": "INFO"}


@dataclass(frozen=True)
class Rule:
    """One rule of the catalogue: a stable code, its severity, criterion and title."""

    code: str
    severity: str
    title: str
    criterion: str = ""


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        # Structure: the workbook cannot be read as the contract says.
        Rule("S01", "error", "Berkas tidak dapat dibaca sebagai workbook"),
        Rule("S02", "error", "Sheet wajib tidak ada"),
        Rule("S03", "error", "Kolom wajib tidak ada"),
        Rule("S04", "error", "ID ganda"),
        Rule("S05", "error", "Rujukan ke data yang tidak ada"),
        Rule("S06", "error", "Siklus dalam pohon kinerja", "1.b.8"),
        Rule("S07", "error", "Siklus dalam pohon masalah"),
        Rule("S08", "error", "Nilai pilihan tidak dikenal"),
        Rule("S09", "error", "Bukan angka"),
        Rule("S10", "error", "Angka di luar rentang"),
        Rule("S11", "error", "Level anak di atas level induknya", "1.b.8"),
        Rule("S12", "error", "Nilai wajib kosong"),
        Rule("S13", "error", "Sheet pemda harus berisi satu baris"),
        Rule("S14", "error", "Periode tidak valid"),
        Rule("S15", "warning", "Kolom ganda"),
        Rule("S16", "warning", "Nilai yang sebaiknya diisi masih kosong"),
        Rule("S17", "error", "Rumus tanpa nilai tersimpan"),
        Rule("S18", "error", "Berkas mengembang melebihi batas saat dibuka"),
        # Method: the tree can be read, but evaluators would mark it down.
        Rule("M01", "warning", "Rumusan kegiatan pada level outcome", "1.b.4"),
        Rule("M02", "warning", "Kondisi tanpa indikator terpilih", "1.b.5"),
        Rule("M03", "warning", "Outcome hanya diukur indikator output/input", "1.b.5"),
        Rule("M04", "warning", "IKU per sasaran melebihi batas", "1.b.6"),
        Rule("M05", "warning", "IKU per OPD melebihi batas", "1.b.6"),
        Rule("M06", "warning", "Target bergerak berlawanan dengan polaritas", "1.b.7"),
        Rule("M07", "warning", "Target kurang menantang dibanding capaian sebelumnya", "1.b.7"),
        Rule("M08", "warning", "Rantai kondisi beranak tunggal", "1.b.8"),
        Rule("M09", "warning", "Level terlewati", "1.b.8"),
        Rule("M10", "warning", "OPD tanpa intermediate outcome yang terhubung ke outcome Pemda",
             "1.b.8"),
        Rule("M11", "warning", "Crosscutting belum disepakati", "1.b.9"),
        # A vertical agency is a lawful partner: M12 is a data note, not a 1.b.9 shortfall.
        Rule("M12", "warning", "Mitra crosscutting bukan OPD dalam daftar"),
        Rule("M13", "warning", "Masalah inti tidak ada", ""),
        Rule("M14", "warning", "Masalah inti lebih dari satu", ""),
        Rule("M15", "warning", "Masalah tidak lolos APKL tetapi diberi skor USG", ""),
        Rule("M16", "info", "Crosscutting ditolak mitra", "1.b.9"),
        Rule("M17", "warning", "Kondisi puncak bukan ultimate outcome", "1.b.8"),
        Rule("M18", "warning", "Indikator terpilih tanpa target", "1.b.7"),
        Rule("M19", "warning", "Capaian outcome dan capaian outputnya berlawanan", "1.b.8"),
        Rule("M20", "warning", "Masalah inti belum dijawab kondisi di pohon kinerja", "1.b.3"),
        Rule("M21", "warning", "Rumusan kondisi berasal dari masalah lain daripada asal_masalah", "1.b.8"),
        Rule("M22", "warning", "Sasaran daerah tanpa acuan nasional", "1.b.8"),
        Rule("M23", "warning", "Indikator terpilih tanpa realisasi tahun yang dinilai", "1.c.3"),
        Rule("M24", "warning", "Target tahun yang dinilai kosong", "1.b.7"),
        Rule("M25", "warning", "Target 0 pada indikator polaritas min", "1.b.7"),
        Rule("M26", "warning", "Outcome memburuk dari baseline padahal outputnya tercapai", "1.b.8"),
        Rule("M27", "warning", "Kondisi hasil konversi masalah tanpa asal_masalah", "1.b.3"),
        Rule("M28", "warning", "Arah rumusan kondisi berlawanan dengan yang diukurnya", "1.b.4"),
        Rule("M29", "warning", "Jenis indikator tidak sesuai level kondisinya", "1.b.5"),
        Rule("M30", "warning", "Kondisi output dirumuskan sebagai nama kegiatan", "1.b.4"),
        Rule("M31", "warning", "IKU bukan ukuran hasil sasarannya", "1.b.6"),
        Rule("M32", "warning", "Kondisi dirumuskan sebagai masalah atau keadaan, bukan perubahan", "1.b.4"),
        Rule("M33", "warning", "Crosscutting ditujukan ke OPD pemilik kondisi itu sendiri", "1.b.9"),
        # Import: reading a Renstra table (pohon-nb impor renstra); the location is the
        # table's own file, sheet and cell.
        Rule("R01", "error", "Tabel Renstra tidak dapat dibaca"),
        Rule("R02", "error", "Tahun kolom target tidak dapat ditentukan"),
        Rule("R03", "info", "Baris bergeser, dibaca ulang di bawah judul kolomnya"),
        Rule("R04", "warning", "Sel tidak terbaca"),
        Rule("R05", "warning", "Target atau capaian awal bukan satu angka"),
        Rule("R06", "warning", "Satuan berbeda dari satuan indikator"),
        Rule("R07", "info", "Kode dilengkapi dari baris di atasnya"),
        Rule("R08", "warning", "Kode tidak terbaca atau tidak sesuai induknya"),
        Rule("R09", "info", "Pernyataan kondisi diusulkan dari nama program/kegiatan", "1.b.4"),
        Rule("R10", "warning", "Anggaran tidak sama dengan jumlah rinciannya", "1.c.1"),
        Rule("R11", "info", "Nilai yang tidak tertulis di tabel ditentukan saat impor"),
    )
}

TYPE_AND_TARGET_RULES = frozenset({"M03", "M06", "M07", "M18", "M24", "M25", "M29", "M31", "S16"})
"""The rules step 3 shows under "type and polarity": indicator kind, direction, targets, blanks."""

@dataclass(frozen=True)
class Finding:
    """What a check found, where.

    ``row`` is the row number as Excel shows it (the header is row 1); ``column`` the
    header name and ``column_letter`` its Excel letter; ``ref`` the node, indicator or
    problem id concerned; ``kode_opd`` the OPD it belongs to, when known.
    """

    code: str
    message: str
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""
    column_letter: str = ""
    ref: str = ""
    kode_opd: str = ""
    severity: str = field(default="")
    criterion: str = field(default="")
    tahun: tuple[int, ...] = ()  # the years a finding is about (a target's), when it names some

    def __post_init__(self) -> None:
        # Text from a workbook may carry terminal escapes; no finding passes them on.
        for name in ("message", "ref", "column"):
            object.__setattr__(self, name, CONTROL_CHARACTERS.sub("?", getattr(self, name)))
        rule = RULES[self.code]
        if not self.severity:
            object.__setattr__(self, "severity", rule.severity)
        if not self.criterion:
            object.__setattr__(self, "criterion", rule.criterion)

    @property
    def title(self) -> str:
        return RULES[self.code].title

    def location(self) -> str:
        """Where, in words: file, sheet, row, column and id."""
        parts = []
        if self.file:
            parts.append(f"berkas {self.file}")
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"baris {self.row}")
        if self.column:
            letter = f" ({self.column_letter})" if self.column_letter else ""
            parts.append(f"kolom {self.column}{letter}")
        if self.ref:
            parts.append(f"id {quote(self.ref, 40)}")
        return ", ".join(parts)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["title"] = self.title
        return data

    def sort_key(self) -> tuple:
        return (
            SEVERITY_RANK[self.severity],
            self.sheet,
            self.row if self.row is not None else 0,
            self.column,
            self.code,
            self.ref,
        )


def has_errors(findings) -> bool:
    """Whether any finding is an error."""
    return any(f.severity == "error" for f in findings)


def count_by_severity(findings) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


GROUPED = 3
"""A rule found this many times or more in one list (an OPD's brief, a report's findings table) is
shown once, listing where: each finding's text is read once."""


def in_groups(findings, threshold: int = GROUPED) -> list[list]:
    """The findings in order, each a group of one, but a rule found ``threshold`` times or more one
    group in the place of its first."""
    by_code: dict[str, list] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    groups, done = [], set()
    for finding in findings:
        same = by_code[finding.code]
        if len(same) < threshold:
            groups.append([finding])
        elif finding.code not in done:
            done.add(finding.code)
            groups.append(same)
    return groups


def repeated(findings, threshold: int = 5) -> list[str]:
    """One summary line per rule that a group of findings repeats ``threshold`` times or more.

    For a tree with no targets, 119 "indicator without target" warnings read as one line:
    "M18 × 119: Indikator terpilih tanpa target (sheet indikator, baris 2–120)".
    """
    groups: dict[str, list] = {}
    for finding in findings:
        groups.setdefault(finding.code, []).append(finding)
    lines = []
    for code, group in sorted(groups.items()):
        if len(group) < threshold:
            continue
        rows = sorted(f.row for f in group if f.row is not None)
        sheets = sorted({f.sheet for f in group if f.sheet})
        where = ", ".join(f"sheet {s}" for s in sheets)
        if rows:
            where += f", baris {rows[0]}–{rows[-1]}" if rows[0] != rows[-1] else f", baris {rows[0]}"
        lines.append(f"{code} × {len(group)}: {RULES[code].title}" + (f" ({where})" if where else ""))
    return lines
