"""Importing an OPD's Renstra table into the input workbook: the on-ramp for a Pemda's own data.

Every OPD's Renstra carries the table "Rencana Program, Kegiatan dan Pendanaan"
(Permendagri 86/2017 layout). :func:`import_renstra` reads one or more of them
(:mod:`pohon_nb.impor.renstra_grid` finds the header and each row's cells) and builds the
contract's tables, mapping the table's rows onto the tree as :data:`MAPPING` says:

- Tujuan and Sasaran become intermediate outcomes of the OPD, the Program an immediate
  outcome, the Kegiatan an output, the Sub kegiatan an output under its kegiatan.
- A program's or kegiatan's *name* is not a condition: the statement is a proposal built
  from the name, marked as one, with the name kept in ``keterangan`` (finding R09).
- Every indicator cell becomes an ``indikator`` row (labels such as "Indikator Program
  (Outcome) :" stripped, several indicators in one cell split); targets and the baseline
  are read as a number and a unit ("3 Laporan" -> 3, laporan), never guessed: "A" or
  "2900 orang 10 kali" are kept as text in ``catatan_impor`` and reported.
- The Rp columns become ``anggaran`` lines per year, at the lowest level that has them;
  the totals the table gives (program, sasaran, urusan, end of period) are checked against
  the lines they sum.

Every non-empty cell of the table is either mapped (:attr:`ImportResult.trace` says where to)
or reported as a finding with its file, sheet and cell address.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import PohonError
from ..core.findings import Finding
from ..core.formats import number_text, quote
from ..method.wording import ACTIVITY_WORDS
from ..reading import schema
from .renstra_grid import Cell, Grid, Row, read_grid

MAPPING = (
    # (Renstra column or row, where it goes in the workbook)
    ("Tujuan", "pohon: level intermediate, komponen tujuan"),
    ("Sasaran", "pohon: level intermediate (di bawah tujuannya), komponen sasaran_strategis"),
    ("Indikator sasaran", "indikator dari kondisi sasaran itu, jenis outcome"),
    ("Kode (satu kolom atau dipecah beberapa kolom)",
     "kode_program / kode_kegiatan; baris yang kodenya hanya urusan/bidang menjadi total anggaran"),
    ("Program", "pohon: level immediate, komponen sasaran_program; pernyataan diusulkan dari nama, "
                "nama asli di keterangan"),
    ("Kegiatan", "pohon: level output, komponen sasaran_kegiatan; pernyataan diusulkan dari nama"),
    ("Sub kegiatan", "pohon: level output di bawah kegiatannya, komponen sub_kegiatan"),
    ("Indikator program/kegiatan/sub kegiatan",
     "indikator dari kondisi di barisnya (program: outcome, kegiatan dan sub kegiatan: output); "
     "indikator di baris-baris bawahnya milik kondisi yang sama"),
    ("Data capaian pada tahun awal perencanaan", "indikator.baseline (angka) dan satuan"),
    ("Target per tahun (\"2021\", \"Tahun 2019\", \"Tahun-3\")", "indikator.target_<tahun> dan satuan"),
    ("Rp per tahun", "anggaran: satu baris per kegiatan (atau sub kegiatan) per tahun; total program, "
                     "sasaran dan urusan diperiksa terhadap jumlah rinciannya"),
    ("Kondisi kinerja akhir periode: target / Rp", "indikator.kondisi_akhir; Rp diperiksa terhadap "
                                                  "jumlah per tahun"),
    ("Unit kerja penanggung jawab", "indikator.penanggung_jawab dan pohon.unit_kerja"),
    ("Lokasi", "pohon.lokasi"),
)

INDICATOR_LABEL = re.compile(
    r"^\s*(?:indikator|ik)\b[^:]{0,70}:\s*", re.IGNORECASE)
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-•*])\s+", re.IGNORECASE)
_MEASURE = re.compile(r"^([+-]?\d[\d.,]*)\s*(.*)$", re.DOTALL)
_PERCENT_NAMES = ("persentase", "presentase", "prosentase")
_MISSING = schema.MISSING_TOKENS


class RenstraError(PohonError, ValueError):
    """A request that cannot be carried out (bad arguments); the message is for the user."""


@dataclass(frozen=True)
class Measure:
    """A target or baseline cell read: a number and a unit, or why not."""

    number: float | None
    unit: str | None
    kind: str  # "number", "missing", "unit" (a unit alone), "text", "unclear"


def normalise_unit(text: str) -> str | None:
    unit = re.sub(r"\s+", " ", text).strip(" .:;").lower()
    if unit in ("%", "persen", "prosen", "percent"):
        return "%"
    return unit or None


def read_number(text: str, thousands: str) -> float | None:
    """A number written with the table's thousands separator (the other one is the decimal)."""
    text = text.strip().rstrip(".,")
    decimal = "." if thousands == "," else ","
    if thousands in text and decimal in text:
        text = text.replace(thousands, "").replace(decimal, ".")
    elif thousands in text:
        grouped = re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+", text)
        text = text.replace(thousands, "") if grouped else text.replace(thousands, ".")
    else:
        text = text.replace(decimal, ".")
    try:
        return float(text)
    except ValueError:
        return None


def parse_measure(text: str, thousands: str = ".") -> Measure:
    """Read a target or baseline cell: "3 Laporan" -> 3, laporan; "100 %" -> 100, %."""
    clean = re.sub(r"\s+", " ", text).strip()
    if clean.lower() in _MISSING:
        return Measure(None, None, "missing")
    match = _MEASURE.match(clean)
    if not match:
        unit = normalise_unit(clean)
        if unit == "%":
            return Measure(None, "%", "unit")
        return Measure(None, None, "text")
    number = read_number(match.group(1), thousands)
    unit = normalise_unit(match.group(2))
    if number is None or (unit and re.search(r"\d", unit)):
        return Measure(None, None, "unclear")
    return Measure(number, unit, "number")


def read_amount(text: str, thousands: str) -> float | None:
    """Rupiah from "1,775,000,000", "Rp 1.775.000.000" or "350,000,000.00"; None when not money."""
    clean = re.sub(r"^rp\.?\s*", "", text.strip().lower()).replace(" ", "")
    if not re.fullmatch(r"\d[\d.,]*", clean):
        return None
    return read_number(clean, thousands)


def split_indicators(text: str, stacked: int = 0) -> list[str]:
    """The indicators in one cell, label stripped. A cell is several indicators only when the
    table says so: numbered or bulleted items, items separated by "; ", or as many lines as the
    values stacked in the same row's target cells (``stacked``). A line break alone is a name
    wrapped in its cell, not a second indicator: the lines are one name."""
    text = _DEBRIS.sub("", text)
    lines = [line for line in re.split(r"[\r\n]+", text) if line.strip()]
    marked = len(lines) > 1 and all(_LIST_MARK.match(INDICATOR_LABEL.sub("", line)) for line in lines)
    if not (marked or len(lines) == stacked):
        lines = [" ".join(lines)]
    names = []
    for piece in (part for line in lines for part in re.split(r";\s+", line)):
        piece = _LIST_MARK.sub("", INDICATOR_LABEL.sub("", piece)).strip(" :;-")
        if piece:
            names.append(re.sub(r"\s+", " ", piece))
    return names


def line_count(text: str) -> int:
    """How many non-empty lines a cell holds."""
    return len([line for line in re.split(r"[\r\n]+", text) if line.strip()])


_DEBRIS = re.compile(r"_x[0-9A-Fa-f]{4}_")
"""Excel's escape of a control character ("_x0002_"), left in a name by a conversion from HTML."""


def proposed_statement(name: str, level: str) -> str:
    """A neutral condition proposed from a program's or kegiatan's name, to be rewritten.

    A program's name says what the OPD runs, not what improves; the proposal says only that
    the program's own target is reached, which is true of any program and so shows
    plainly that the condition is still to be formulated. A kegiatan's output takes the
    result form of its activity noun ("Pengelolaan X" -> "Terkelolanya X").
    """
    words = re.sub(r"\s+", " ", name).strip().split(" ")
    if name.isupper():
        words = [w.lower() for w in words]
    else:  # Title Case to sentence case; acronyms (ASN, OPD, SPBE) stay as written
        words = [w.lower() if w[:1].isupper() and not w[1:].isupper() else w for w in words]
    if words and words[0].lower() == "program":
        words = words[1:]
    rest = " ".join(words)
    if level == "immediate":
        return f"Tercapainya sasaran program {rest}".strip()
    result = ACTIVITY_WORDS.get(words[0].lower().strip(",.")) if words else None
    if result:
        return f"{result} {' '.join(words[1:])}".strip()
    return f"Terlaksananya {rest}".strip()


# --------------------------------------------------------------------------- the result


@dataclass
class OpdSpec:
    """What the command line says about one table's OPD (None: read or derived from the table)."""

    kode_opd: str | None = None
    nama_opd: str | None = None


@dataclass
class ImportResult:
    """The tables built, what was found, and where every cell of the source went."""

    tables: dict[str, list[dict]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    trace: dict[tuple[str, str, str], str] = field(default_factory=dict)
    counts: dict[str, Counter] = field(default_factory=dict)
    years: list[int] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    def reported(self) -> set[tuple[str, str, str]]:
        """The cells the findings name, as (file, sheet, address)."""
        cells = set()
        for finding in self.findings:
            for address in re.findall(r"\b[Ss]el ([A-Z]{1,3}\d+)", finding.message):
                cells.add((finding.file, finding.sheet, address))
        return cells


@dataclass
class _Node:
    id: str
    level: str
    komponen: str
    pernyataan: str
    parent: str | None
    source: Cell
    code: str = ""
    name: str = ""
    keterangan: str = ""
    unit: str = ""
    lokasi: str = ""
    budget: dict[int, tuple[float, Cell]] = field(default_factory=dict)
    total: tuple[float, Cell] | None = None  # the end-of-period Rp
    children: list[str] = field(default_factory=list)


@dataclass
class _Indicator:
    id: str
    node: str
    name: str
    jenis: str
    source: Cell
    values: list[tuple[str, Cell, Measure]] = field(default_factory=list)  # (slot, cell, measure)
    unit_owner: str = ""


@dataclass
class _Group:
    """A row that only totals others (urusan rows, the Rp of a sasaran row)."""

    label: str
    tokens: list[str]
    budget: dict[int, tuple[float, Cell]] = field(default_factory=dict)
    total: tuple[float, Cell] | None = None
    programs: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- one table


class _Table:
    """Builds one OPD's nodes, indicators and budget lines from one Renstra grid."""

    def __init__(self, grid: Grid, kode_opd: str, period: tuple[int, int] | None):
        self.grid = grid
        self.file_name = Path(grid.file).name
        self.kode_opd = kode_opd
        self.period = period
        self.findings: list[Finding] = []
        self.trace: dict[str, str] = {}
        self.nodes: dict[str, _Node] = {}
        self.indicators: list[_Indicator] = []
        self.groups: list[_Group] = []
        self.counts: Counter = Counter()
        self.thousands = _thousands(grid)
        self.tujuan: _Node | None = None
        self.sasaran: _Node | None = None
        self.urusan: _Group | None = None
        self.sasaran_group: _Group | None = None
        self.program: _Node | None = None
        self.kegiatan: _Node | None = None
        self.item: _Node | _Group | None = None  # the last program, kegiatan, sub kegiatan or urusan row
        self.units: Counter = Counter()

    # ---------------------------------------------------------------- findings and trace

    def report(self, code: str, message: str, cell: Cell | None = None, ref: str = "") -> None:
        self.findings.append(Finding(
            code, message, file=self.grid.file, sheet=self.grid.sheet,
            row=cell.row if cell else None,
            column=cell.column.title if cell else "",
            column_letter=re.sub(r"\d", "", cell.address) if cell else "",
            ref=ref, kode_opd=self.kode_opd,
        ))

    def mapped(self, cell: Cell, where: str) -> None:
        self.trace[cell.address] = where

    # ---------------------------------------------------------------- rows

    def run(self) -> None:
        for address in self.grid.header_cells:
            self.trace[address] = "judul kolom"
        for address, message in self.grid.problems:
            if address:
                self.findings.append(Finding("R04", f"Sel {address}: {message}.", file=self.grid.file,
                                             sheet=self.grid.sheet, row=int(re.sub(r"\D", "", address)),
                                             column_letter=re.sub(r"\d", "", address),
                                             kode_opd=self.kode_opd))
        for row in self.grid.rows:
            if row.shifted:
                self._report_shift(row)
            self._row(row)
        self.settled = {i.id: self._settle(i) for i in self.indicators}
        self._check_totals()
        self._report_unmapped()

    def _report_shift(self, row: Row) -> None:
        moved = [f"{c.address}→{c.column.title}" for c in row.cells]
        first = row.cells[0]
        self.report("R03", (
            f"Sel di baris {row.number} tidak berada di bawah judul kolomnya (sel gabungan di baris "
            f"atasnya menggesernya, lazim pada tabel hasil salinan dari HTML); dibaca sebagai: "
            f"{', '.join(moved[:8])}{' ...' if len(moved) > 8 else ''}. Periksa, lalu rapikan baris "
            f"itu di Renstra."), first)

    def _row(self, row: Row) -> None:
        for cell in row.of("lain"):
            self.report("R04", f"Sel {cell.address} ({quote(cell.text)}) berada di kolom yang judulnya tidak "
                               f"dikenal ({quote(cell.column.label)}); tidak diimpor.", cell)
        tujuan = [c for c in row.of("tujuan") if self._statement(c, "tujuan")]
        sasaran = [c for c in row.of("sasaran") if self._statement(c, "sasaran")]
        if tujuan:
            self._tujuan(tujuan[0])
        if sasaran:
            self._sasaran(sasaran[0])
        measures = row.of("indikator")
        item = self._item(row) if row.of("kode") or row.of("nama") else None
        for_sasaran = self._sasaran_indicators(row)
        if isinstance(item, _Node):
            owner = item
        elif row.of("kode") or row.of("nama") or isinstance(self.item, _Group):
            owner = None  # an urusan row (or an unreadable one): its indicators have no node
        elif tujuan or sasaran or self.item is None:
            owner = self.sasaran  # one indicator column for every level: a sasaran row's is the sasaran's
        else:
            owner = self.item  # indicators stacked in the rows below their program or kegiatan
        indicators: list[_Indicator] = []
        if owner is not None:
            indicators = self._indicators(measures, owner, row)
        else:
            for cell in measures:
                self.report("R04", f"Sel {cell.address}: indikator di baris tanpa program, kegiatan atau "
                                   f"sasaran ({quote(cell.text)}); tidak diimpor.", cell)
        indicators = indicators or for_sasaran
        self._values(row, indicators)
        self._money(row, item)
        self._unit_and_place(row, item, indicators)

    # ---------------------------------------------------------------- tree nodes

    def _new_id(self, base: str) -> str:
        node_id, n = base, 2
        while node_id in self.nodes:
            node_id, n = f"{base}-{n}", n + 1
        return node_id

    def _statement(self, cell: Cell, what: str) -> bool:
        """Whether a Tujuan or Sasaran cell holds a statement: a number, a dash or a lone code (a
        stray value under a merged cell, "0") cannot be one; it is reported and left out, and the
        tujuan or sasaran above goes on."""
        text = _DEBRIS.sub("", cell.text).strip()
        if re.search(r"[A-Za-z]{3}", text):
            return True
        self.report("R04", (f"Sel {cell.address} ({quote(cell.text)}): bukan rumusan {what} (tidak ada "
                            f"kata); tidak diimpor, baris ini tetap di bawah {what} di atasnya."), cell)
        return False

    def _tujuan(self, cell: Cell) -> None:
        if self.tujuan is not None and self.tujuan.pernyataan == cell.text:
            self.mapped(cell, f"pohon {self.tujuan.id} (tujuan, sama dengan di atasnya)")
            return
        self.counts["tujuan"] += 1
        node = _Node(self._new_id(f"{self.kode_opd}-T{self.counts['tujuan']}"), "intermediate", "tujuan",
                     cell.text, None, cell)
        self.nodes[node.id] = node
        self.tujuan, self.sasaran, self.program, self.kegiatan, self.item = node, None, None, None, None
        self.sasaran_group = None
        self.mapped(cell, f"pohon {node.id} pernyataan (tujuan)")

    def _sasaran(self, cell: Cell) -> None:
        if self.sasaran is not None and self.sasaran.pernyataan == cell.text:
            self.mapped(cell, f"pohon {self.sasaran.id} (sasaran, sama dengan di atasnya)")
            return
        self.counts["sasaran"] += 1
        parent = self.tujuan.id if self.tujuan else None
        node = _Node(self._new_id(f"{self.kode_opd}-S{self.counts['sasaran']}"), "intermediate",
                     "sasaran_strategis", cell.text, parent, cell)
        self._attach(node)
        self.sasaran, self.program, self.kegiatan, self.item = node, None, None, None
        self.sasaran_group = _Group(f"sasaran {node.id}", [])
        self.groups.append(self.sasaran_group)
        self.mapped(cell, f"pohon {node.id} pernyataan (sasaran)")

    def _attach(self, node: _Node) -> None:
        self.nodes[node.id] = node
        if node.parent:
            self.nodes[node.parent].children.append(node.id)

    def _item(self, row: Row) -> _Node | _Group | None:
        names = row.of("nama")
        name_cell = names[0] if names else None
        name = name_cell.text if name_cell else ""
        tokens, code_cells = self._code(row)
        level = _level(tokens, name, [c.text for c in code_cells])
        if level == "urusan":
            group = _Group(name or ".".join(tokens), tokens)
            self.groups.append(group)
            self.urusan = group
            self.item = group
            for cell in code_cells + ([name_cell] if name_cell else []):
                self.mapped(cell, f"baris urusan/bidang {'.'.join(tokens)} (total anggaran)")
            return group
        if level is None:
            anchor = name_cell or code_cells[0]
            self.report("R04", f"Sel {anchor.address}: baris {row.number} ({quote(name or anchor.text)}) "
                               f"tidak dapat dibaca sebagai urusan, program, kegiatan atau sub kegiatan; "
                               f"tidak diimpor.", anchor)
            return None
        context = {"program": self.urusan.tokens if self.urusan else [],
                   "kegiatan": _tokens(self.program.code) if self.program else [],
                   "sub_kegiatan": _tokens(self.kegiatan.code) if self.kegiatan else []}[level]
        tokens = self._complete(tokens, context, level, code_cells, row)
        code = ".".join(tokens)
        parent = self._parent(level, tokens, code_cells or [name_cell], row)
        tree_level = "immediate" if level == "program" else "output"
        komponen = {"program": "sasaran_program", "kegiatan": "sasaran_kegiatan",
                    "sub_kegiatan": "sub_kegiatan"}[level]
        anchor = name_cell or code_cells[0]
        node = _Node(self._new_id(f"{self.kode_opd}-{code or level}"), tree_level, komponen, "",
                     parent.id if parent else None, anchor, code=code, name=name)
        if node.id != f"{self.kode_opd}-{code or level}":
            self.report("R08", f"Sel {anchor.address}: kode {quote(code)} sudah dipakai di baris lain "
                               f"tabel ini; kondisi baris {row.number} diberi id {quote(node.id)}.",
                        anchor, node.id)
        label = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}[level]
        where = f"{self.file_name}, sheet {self.grid.sheet}, sel {anchor.address}"
        if name:
            node.pernyataan = proposed_statement(name, tree_level)
            node.keterangan = (f"Usulan pohon-nb dari nama {label} {quote(name, 200)} ({where}); "
                               f"rumuskan kondisi yang diukur indikatornya.")
            self.report("R09", (f"Sel {anchor.address}: nama {label} {quote(name)} bukan kondisi; "
                                f"pernyataan diusulkan {quote(node.pernyataan)} dan nama aslinya di "
                                f"keterangan. Rumuskan kondisi yang diukur indikatornya."), anchor, node.id)
            self.mapped(name_cell, f"pohon {node.id} keterangan (nama {label}), pernyataan diusulkan")
        else:
            node.pernyataan = f"Tercapainya sasaran {label} {code}"
            node.keterangan = f"Tanpa nama {label} di Renstra ({where})."
            self.report("R04", f"Sel {anchor.address}: {label} {code} tanpa nama; pernyataan diisi "
                               f"{quote(node.pernyataan)}.", anchor, node.id)
        for cell in code_cells:
            if cell.address not in self.trace:
                self.mapped(cell, f"pohon {node.id} kode")
        self._attach(node)
        self.counts[level] += 1
        if level == "program":
            self.program, self.kegiatan = node, None
            if self.urusan is not None:
                self.urusan.programs.append(node.id)
            if self.sasaran_group is not None:
                self.sasaran_group.programs.append(node.id)
        elif level == "kegiatan":
            self.kegiatan = node
        self.item = node
        return node

    def _code(self, row: Row) -> tuple[list[str], list[Cell]]:
        """The row's code tokens, bad pieces replaced from the code above and reported."""
        tokens: list[str] = []
        cells = row.of("kode")
        for cell in cells:
            text = cell.text.replace(",", ".").strip(". ")
            if re.fullmatch(r"\d+(?:\.\d+)*", text):
                tokens.extend(text.split("."))
                continue
            context = (_tokens(self.program.code) if self.program
                       else self.urusan.tokens if self.urusan else [])
            position = len(tokens)
            if position < len(context):
                tokens.append(context[position])
                self.report("R08", (f"Sel {cell.address} ({quote(cell.text)}) bukan bagian kode; diganti "
                                    f"{quote(context[position])} dari kode di atasnya "
                                    f"({'.'.join(context)}). Perbaiki sel itu di Renstra."), cell)
                self.mapped(cell, "kode (diganti dari baris di atasnya)")
            else:
                self.report("R08", f"Sel {cell.address} ({quote(cell.text)}) bukan bagian kode; diabaikan.",
                            cell)
        return tokens, cells

    def _complete(self, tokens: list[str], context: list[str], level: str, cells: list[Cell],
                  row: Row) -> list[str]:
        expected = {"program": 3, "kegiatan": 5, "sub_kegiatan": 6}[level]
        if len(tokens) >= expected or not context:
            return tokens
        for overlap in range(min(len(context), len(tokens)), -1, -1):
            if context[len(context) - overlap:] == tokens[:overlap] and \
                    len(context) - overlap + len(tokens) == expected:
                full = context[:len(context) - overlap] + tokens
                if overlap and cells:
                    self.report("R07", (f"Sel {cells[0].address}: kode {quote('.'.join(tokens))} di baris "
                                        f"{row.number} tidak lengkap; dibaca {quote('.'.join(full))} "
                                        f"dengan awalan dari baris di atasnya ({'.'.join(context)})."),
                                cells[0])
                return full
        return tokens

    def _parent(self, level: str, tokens: list[str], cells: list[Cell], row: Row) -> _Node | None:
        wanted = {"program": None, "kegiatan": self.program, "sub_kegiatan": self.kegiatan}[level]
        if level == "program":
            return self.sasaran or self.tujuan
        if wanted is None:
            above = (self.program if level == "sub_kegiatan" and self.program
                     else self.sasaran or self.tujuan)
            missing = "kegiatan" if level == "sub_kegiatan" else "program"
            if cells and cells[0] is not None:
                self.report("R08", (f"Sel {cells[0].address}: {level.replace('_', ' ')} di baris "
                                    f"{row.number} tidak punya {missing} di atasnya; ditempatkan di bawah "
                                    f"{above.id if above else 'puncak pohon'}."), cells[0])
            return above
        prefix = _tokens(wanted.code)
        if tokens[:len(prefix)] != prefix and cells and cells[0] is not None:
            self.report("R08", (f"Sel {cells[0].address}: kode {quote('.'.join(tokens))} tidak diawali kode "
                                f"induknya di baris atasnya ({wanted.code}); tetap ditempatkan di bawahnya "
                                f"menurut urutan baris. Periksa kodenya."), cells[0])
        return wanted

    # ---------------------------------------------------------------- indicators

    def _names(self, cell: Cell, row: Row) -> list[str]:
        """The indicators a cell holds (:func:`split_indicators`), with a note where its lines were
        read as one name (the row's targets are not stacked) or debris was taken out."""
        stacked = max((line_count(c.raw_text) for c in row.cells
                       if c.column.role in ("baseline", "target", "akhir_target")), default=0)
        names = split_indicators(cell.raw_text, stacked)
        lines = line_count(_DEBRIS.sub("", cell.raw_text))
        if lines > 1 and len(names) == 1:
            self.report("R11", (f"Sel {cell.address}: isinya {lines} baris, dibaca sebagai satu indikator "
                                f"{quote(names[0], 90)} karena target di barisnya tidak bertumpuk "
                                f"{lines} nilai; pisahkan di Renstra bila memang {lines} indikator."), cell)
        debris = _DEBRIS.search(cell.raw_text)
        if debris:
            self.report("R11", (f"Sel {cell.address}: sisa konversi HTML ({quote(debris[0])}) dibuang dari "
                                f"nama indikator."), cell)
        return names

    def _indicators(self, cells: list[Cell], node: _Node, row: Row) -> list[_Indicator]:
        jenis = "outcome" if node.level in schema.OUTCOME_LEVELS else "output"
        made = []
        for cell in cells:
            for name in self._names(cell, row):
                made.append(self._indicator(node, name, jenis, cell))
        return made

    def _sasaran_indicators(self, row: Row) -> list[_Indicator]:
        made = []
        for cell in row.of("indikator_sasaran"):
            if self.sasaran is None:
                self.report("R04", f"Sel {cell.address}: indikator sasaran tanpa sasaran "
                                   f"({quote(cell.text)}); tidak diimpor.", cell)
                continue
            for name in self._names(cell, row):
                same = [i for i in self.indicators if i.node == self.sasaran.id and i.name == name]
                if same:
                    self.mapped(cell, f"indikator {same[0].id} (sama dengan di atasnya)")
                    continue
                made.append(self._indicator(self.sasaran, name, "outcome", cell))
        return made

    def _indicator(self, node: _Node, name: str, jenis: str, cell: Cell) -> _Indicator:
        number = sum(1 for i in self.indicators if i.node == node.id) + 1
        indicator = _Indicator(f"{node.id}-I{number}", node.id, name, jenis, cell)
        self.indicators.append(indicator)
        self.counts["indikator"] += 1
        previous = self.trace.get(cell.address)
        self.mapped(cell, (f"{previous}; " if previous else "") + f"indikator {indicator.id} nama")
        return indicator

    def _values(self, row: Row, indicators: list[_Indicator]) -> None:
        cells = [c for c in row.cells if c.column.role in ("baseline", "target", "akhir_target")]
        if not cells:
            return
        if not indicators:
            for cell in cells:
                if parse_measure(cell.text, self.thousands).kind == "missing":
                    self.mapped(cell, "kosong (tanda tidak ada data)")
                    continue
                self.report("R04", (f"Sel {cell.address} ({quote(cell.text)}): {cell.column.title} di baris "
                                    f"tanpa indikator; tidak diimpor."), cell)
            return
        for cell in cells:
            slot = _slot(cell)
            lines = [line for line in re.split(r"[\r\n]+", cell.raw_text) if line.strip()]
            if len(indicators) > 1 and len(lines) == len(indicators):
                for indicator, line in zip(indicators, lines):
                    indicator.values.append((slot, cell, parse_measure(line, self.thousands)))
                continue
            indicators[0].values.append((slot, cell, parse_measure(cell.text, self.thousands)))

    # ---------------------------------------------------------------- money

    def _money(self, row: Row, item: _Node | _Group | None) -> None:
        for cell in row.cells:
            if cell.column.role not in ("rp", "akhir_rp"):
                continue
            lowered = cell.text.lower()
            if lowered in _MISSING:
                self.mapped(cell, "kosong (tanda tidak ada anggaran)")
                continue
            amount = read_amount(cell.text, self.thousands)
            if amount is None:
                self.report("R04", f"Sel {cell.address} ({quote(cell.text)}): {cell.column.title} bukan "
                                   f"jumlah rupiah; tidak diimpor.", cell)
                continue
            target = item if item is not None else (
                self.sasaran_group if row.of("sasaran") or row.of("indikator_sasaran") else None)
            if target is None:
                if amount == 0:
                    self.mapped(cell, "nol di baris indikator (diabaikan)")
                else:
                    self.report("R04", (f"Sel {cell.address} ({quote(cell.text)}): {cell.column.title} di "
                                        f"baris tanpa program atau kegiatan; tidak diimpor."), cell)
                continue
            if cell.column.role == "akhir_rp":
                target.total = (amount, cell)
                self.mapped(cell, "total akhir periode (diperiksa terhadap jumlah per tahun)")
            elif cell.column.year is None:
                self.report("R04", f"Sel {cell.address}: kolom Rp tanpa tahun; tidak diimpor.", cell)
            else:
                target.budget[cell.column.year] = (amount, cell)
                self.mapped(cell, f"anggaran {cell.column.year}" if isinstance(target, _Node)
                            else f"total {target.label} {cell.column.year} (diperiksa)")

    def _unit_and_place(self, row: Row, item, indicators: list[_Indicator]) -> None:
        node = item if isinstance(item, _Node) else (self.sasaran if row.of("sasaran") or
                                                     row.of("indikator_sasaran") else None)
        for cell in row.of("unit"):
            self.units[cell.text] += 1
            for indicator in indicators:
                indicator.unit_owner = cell.text
            if node is not None and not node.unit:
                node.unit = cell.text
            if indicators or node is not None:
                self.mapped(cell, "unit kerja penanggung jawab")
            else:
                self.report("R04", f"Sel {cell.address} ({quote(cell.text)}): unit kerja di baris tanpa "
                                   f"kondisi atau indikator; tidak diimpor.", cell)
        for cell in row.of("lokasi"):
            if node is not None:
                node.lokasi = node.lokasi or cell.text
                self.mapped(cell, f"pohon {node.id} lokasi")
            else:
                self.report("R04", f"Sel {cell.address} ({quote(cell.text)}): lokasi di baris tanpa kondisi; "
                                   f"tidak diimpor.", cell)

    def _check_totals(self) -> None:
        """The table's own totals against the lines they sum (R10), year by year."""
        for node in self.nodes.values():
            kids = [self.nodes[k] for k in node.children if self.nodes[k].level == "output"]
            if node.budget and kids and any(self._amounts(k) for k in kids):
                self._compare(f"{node.code} {node.name}".strip(), node.budget, self._sum(kids))
            if node.total:
                self._compare_total(node.total, node.budget)
        for group in self.groups:
            programs = [self.nodes[p] for p in group.programs]
            if group.budget and programs:
                self._compare(group.label, group.budget, self._sum(programs))
            if group.total:
                self._compare_total(group.total, group.budget)

    def _amounts(self, node: _Node) -> dict[int, float]:
        """A row's Rp per year as the table states it, else the sum of the rows below it."""
        if node.budget:
            return {y: a for y, (a, _) in node.budget.items()}
        return self._sum([self.nodes[k] for k in node.children])

    def _sum(self, nodes: list[_Node]) -> dict[int, float]:
        totals: dict[int, float] = {}
        for node in nodes:
            for year, amount in self._amounts(node).items():
                totals[year] = totals.get(year, 0) + amount
        return totals

    def _compare(self, label: str, given: dict[int, tuple[float, Cell]], summed: dict[int, float]) -> None:
        for year, (amount, cell) in sorted(given.items()):
            if abs(amount - summed.get(year, 0)) >= 1:
                self.report("R10", (f"Sel {cell.address}: anggaran {year} {quote(label)} tertulis "
                                    f"Rp{number_text(amount)}, sedangkan jumlah rinciannya di bawahnya "
                                    f"Rp{number_text(summed.get(year, 0))} (selisih "
                                    f"Rp{number_text(amount - summed.get(year, 0))})."), cell)

    def _compare_total(self, total: tuple[float, Cell], budget: dict[int, tuple[float, Cell]]) -> None:
        amount, cell = total
        summed = sum(a for a, _ in budget.values())
        if budget and abs(amount - summed) >= 1:
            self.report("R10", (f"Sel {cell.address}: Rp akhir periode tertulis Rp{number_text(amount)}, "
                                f"sedangkan jumlah Rp per tahun di barisnya Rp{number_text(summed)}."), cell)

    def _report_unmapped(self) -> None:
        reported = {a for f in self.findings for a in re.findall(r"\bSel ([A-Z]{1,3}\d+)", f.message)}
        for row in self.grid.rows:
            for cell in row.cells:
                if cell.address not in self.trace and cell.address not in reported:
                    self.report("R04", f"Sel {cell.address} ({quote(cell.text)}) di kolom "
                                       f"{cell.column.title} tidak terbaca di baris ini; tidak diimpor.",
                                cell)

    # ---------------------------------------------------------------- rows of the workbook

    def indicator_rows(self, years: list[int]) -> list[dict]:
        rows = []
        before_period: list[str] = []  # cells of targets in years before the period starts
        baseline_year = None
        if self.period and any(slot == "baseline" for i in self.indicators for slot, _, m in i.values
                               if m.kind == "number"):
            # "Data capaian pada tahun awal perencanaan": the year the planning starts from.
            baseline_year = self.period[0]
            first = next(c for i in self.indicators for slot, c, _ in i.values if slot == "baseline")
            self.report("R11", (f"Kolom {quote(first.column.title)} tidak menyebut tahunnya: tahun_baseline "
                                f"diisi {baseline_year}, tahun awal periode Renstra ({self.period[0]}-"
                                f"{self.period[1]}). Ubah di sheet indikator bila capaian awal itu tahun "
                                f"lain."), first)
        for indicator in self.indicators:
            unit, notes = self.settled[indicator.id]
            row = {"id": indicator.id, "id_pohon": indicator.node, "nama": indicator.name,
                   "satuan": unit, "jenis": indicator.jenis, "dipilih": True,
                   "penanggung_jawab": indicator.unit_owner or None,
                   "sumber_impor": f"{self.file_name}!{self.grid.sheet}!{indicator.source.address}"}
            for slot, _cell, measure in indicator.values:
                if measure.kind != "number" or (measure.unit and measure.unit != unit):
                    continue
                if slot == "baseline":
                    row["baseline"] = measure.number
                    if baseline_year:
                        row["tahun_baseline"] = baseline_year
                elif isinstance(slot, int) and self.period and slot < self.period[0]:
                    before_period.append(_cell.address)  # not a target of this period
                    self.mapped(_cell, f"indikator {indicator.id} target {slot}: sebelum periode, "
                                       f"tidak ditulis")
                    continue
                elif slot == "akhir":
                    row["kondisi_akhir"] = measure.number
                    if self.period and self.period[1] not in years:
                        row[f"target_{self.period[1]}"] = measure.number
                else:
                    row[f"target_{slot}"] = measure.number
            if notes:
                row["catatan_impor"] = "; ".join(notes)
            rows.append(row)
        if before_period:
            self.report("R11", (f"{len(before_period)} sel target berada di tahun sebelum periode "
                                f"{self.period[0]}-{self.period[1]} ({', '.join(before_period[:6])}"
                                f"{' ...' if len(before_period) > 6 else ''}): bukan target periode ini, "
                                f"tidak ditulis."))
        return rows

    def _settle(self, indicator: _Indicator) -> tuple[str | None, list[str]]:
        """The indicator's unit, its values' cells mapped or reported, and notes of what was not."""
        yearly = [(slot, m.unit) for slot, _, m in indicator.values if isinstance(slot, int) and m.unit]
        others = [m.unit for slot, _, m in indicator.values if not isinstance(slot, int) and m.unit]
        units = Counter(u for _, u in yearly) or Counter(others)
        latest = {u: slot for slot, u in sorted(yearly)}  # the yearly targets' unit, latest year first
        unit = max(units, key=lambda u: (units[u], latest.get(u, 0))) if units else None
        if unit is None and indicator.name.lower().startswith(_PERCENT_NAMES):
            unit = "%"
            self.report("R11", (f"Sel {indicator.source.address}: satuan indikator {quote(indicator.name)} "
                                f"tidak tertulis di target; diisi '%' dari namanya (Persentase ...)."),
                        indicator.source, indicator.id)
        notes = []
        for slot, cell, measure in indicator.values:
            what = {"baseline": "capaian awal", "akhir": "kondisi akhir periode"}.get(slot, f"target {slot}")
            if measure.kind == "missing":
                self.mapped(cell, f"indikator {indicator.id} {what}: tidak ada data")
            elif measure.kind == "unit":
                self.mapped(cell, f"indikator {indicator.id} satuan")
                self.report("R05", (f"Sel {cell.address}: {what} indikator {quote(indicator.name)} hanya "
                                    f"berisi satuan {quote(cell.text)} tanpa angka; targetnya kosong."),
                            cell, indicator.id)
            elif measure.kind in ("text", "unclear"):
                notes.append(f"{what}: {cell.text}")
                why = ("bukan angka" if measure.kind == "text"
                       else "tidak dapat dibaca sebagai satu angka dengan satuannya")
                self.report("R05", (f"Sel {cell.address}: {what} indikator {quote(indicator.name)} "
                                    f"{quote(cell.text)} {why}; tidak ditulis sebagai angka (teksnya di "
                                    f"kolom catatan_impor). Tulis sebagai angka, mis. nilai SAKIP 80 untuk "
                                    f"predikat A."), cell, indicator.id)
            elif measure.unit and unit and measure.unit != unit:
                notes.append(f"{what}: {cell.text}")
                self.report("R06", (f"Sel {cell.address}: {what} indikator {quote(indicator.name)} ditulis "
                                    f"{quote(cell.text)}, satuannya {quote(measure.unit)}, sedangkan satuan "
                                    f"indikator ini {quote(unit)}; tidak ditulis (teksnya di kolom "
                                    f"catatan_impor)."), cell, indicator.id)
            else:
                self.mapped(cell, f"indikator {indicator.id} {what}")
        return unit, notes

    def node_rows(self) -> list[dict]:
        rows = []
        for node in self.nodes.values():
            code = _tokens(node.code)
            rows.append({
                "id": node.id, "induk": node.parent, "level": node.level, "pernyataan": node.pernyataan,
                "kode_opd": self.kode_opd, "komponen": node.komponen,
                "kode_program": ".".join(code[:3]) if len(code) >= 3 else None,
                "kode_kegiatan": ".".join(code[:5]) if len(code) >= 5 else None,
                "keterangan": node.keterangan or None,
                "unit_kerja": node.unit or None, "lokasi": node.lokasi or None,
                "sumber_impor": f"{self.file_name}!{self.grid.sheet}!{node.source.address}",
            })
        return rows

    def budget_rows(self) -> list[dict]:
        rows = []
        for node in self.nodes.values():
            if not node.budget or node.level not in ("output", "immediate"):
                continue
            children = [self.nodes[k] for k in node.children]
            if any(child.budget for child in children):
                continue  # the lines are the children's; this row's Rp is their total
            for year, (amount, _) in sorted(node.budget.items()):
                rows.append({"id_pohon": node.id, "kode_sub_kegiatan": node.code or None,
                             "nama_sub_kegiatan": node.name or None, "tahun": year, "pagu": amount})
        return rows


def _slot(cell: Cell):
    if cell.column.role == "baseline":
        return "baseline"
    if cell.column.role == "akhir_target":
        return "akhir"
    return cell.column.year if cell.column.year else "akhir"


def _tokens(code: str) -> list[str]:
    return [t for t in code.split(".") if t] if code else []


def _level(tokens: list[str], name: str, pieces: list[str]) -> str | None:
    """urusan, program, kegiatan or sub_kegiatan, from the code's shape and the name."""
    lowered = name.lower()
    if any(re.fullmatch(r"\d{4}", t) for t in tokens[3:]) or any(
            re.fullmatch(r"\d[.,]\d{2}[.,]\d{4}", p) for p in pieces):
        return "sub_kegiatan"
    if any(re.fullmatch(r"\d[.,]\d{2}", p) for p in pieces) or len(tokens) == 5:
        return "kegiatan"
    if lowered.startswith("program") or len(tokens) == 3:
        return "program"
    if lowered.startswith("sub kegiatan"):
        return "sub_kegiatan"
    if lowered.startswith("kegiatan"):
        return "kegiatan"
    if 0 < len(tokens) <= 2:
        return "urusan"
    return None


def _thousands(grid: Grid) -> str:
    """The table's thousands separator, from how its Rp columns are written ('.' by default)."""
    votes = Counter()
    for row in grid.rows:
        for cell in row.cells:
            if cell.column.role in ("rp", "akhir_rp"):
                if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", cell.text):
                    votes[","] += 1
                elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", cell.text):
                    votes["."] += 1
    return "," if votes[","] > votes["."] else "."


# --------------------------------------------------------------------------- the import


def import_renstra(paths: list[str | Path], specs: list[OpdSpec] | None = None, *,
                   pemda: dict | None = None, period: tuple[int, int] | None = None,
                   base: dict[str, list[dict]] | None = None, sheet: str | None = None) -> ImportResult:
    """Read Renstra tables into the input workbook's tables.

    Parameters
    ----------
    paths : the Renstra ``.xlsx`` files, one OPD each.
    specs : per file, the OPD's code and name when the table does not say.
    pemda : the Pemda row (``kode_pemda``, ``nama_pemda``), unless ``base`` has one.
    period : (first, last) year of the Renstra period; needed for "Tahun-3" headers.
    base : tables of an existing workbook to add the OPDs to (from :func:`base_tables`).
    sheet : the sheet holding the table (default: the first).
    """
    specs = list(specs or [])
    result = ImportResult()
    tables = {name: [dict(r) for r in rows] for name, rows in (base or {}).items()}
    for name in ("pemda", "opd", "pohon", "indikator", "anggaran"):
        tables.setdefault(name, [])
    if not tables["pemda"]:
        if pemda is None:
            raise RenstraError("Baris Pemda belum ada: tulis --pemda KODE:NAMA (mis. --pemda "
                               "'3211:Kabupaten Sumedang') atau --tambah-ke WORKBOOK yang sudah ada.")
        tables["pemda"] = [dict(pemda)]
    if period is None and tables["pemda"][0].get("periode_awal"):
        period = (int(tables["pemda"][0]["periode_awal"]), int(tables["pemda"][0]["periode_akhir"]))
    known = {str(r["kode_opd"]) for r in tables["opd"]}
    years: set[int] = set()
    built: list[_Table] = []
    for index, path in enumerate(paths):
        spec = specs[index] if index < len(specs) else OpdSpec()
        grid = read_grid(path, sheet, period_start=period[0] if period else None)
        name = Path(path).name
        if not grid.columns:
            message = grid.problems[0][1] if grid.problems else "tabel tidak ditemukan"
            result.findings.append(Finding("R01", f"{name}: {message}.", file=str(path), sheet=grid.sheet))
            continue
        if grid.period_needed:
            result.findings.append(Finding("R02", (
                f"{name}: kolom {', '.join(quote(h) for h in grid.period_needed)} menyebut tahun ke-n "
                f"periode Renstra; tulis periodenya, mis. --periode 2019-2023."), file=str(path),
                sheet=grid.sheet, row=1))
            continue
        kode_opd = spec.kode_opd or _default_code(grid, result, path)
        if kode_opd in known:
            raise RenstraError(f"Kode OPD {quote(kode_opd)} ({name}) sudah ada di workbook; pakai --kode-opd "
                               f"lain untuk berkas ini.")
        known.add(kode_opd)
        table = _Table(grid, kode_opd, period)
        table.run()
        nama_opd = spec.nama_opd or _default_name(table, result, path)
        tables["opd"].append({"kode_opd": kode_opd, "nama_opd": nama_opd})
        years |= set(grid.years())
        built.append(table)
        result.counts[str(path)] = table.counts
    if period is not None:
        years.add(period[1])
    existing = {int(m.group(2)) for r in tables["indikator"] for k in r
                if (m := schema.YEAR_COLUMN.match(k))}
    result.years = sorted(years | existing)
    for table in built:
        tables["pohon"] += table.node_rows()
        tables["indikator"] += table.indicator_rows(sorted(years))
        lines = table.budget_rows()
        tables["anggaran"] += lines
        table.counts["anggaran"] = len(lines)
        result.findings.extend(table.findings)
        result.trace.update({(table.grid.file, table.grid.sheet, a): w for a, w in table.trace.items()})
    if period is None and not result.errors:
        if not result.years:
            raise RenstraError("Tahun periode tidak dapat ditentukan dari tabel; tulis --periode AWAL-AKHIR.")
        period = (min(result.years), max(result.years))
        result.findings.append(Finding("R11", (
            f"Periode Renstra tidak diberikan; dipakai tahun kolom target {period[0]}-{period[1]}. "
            f"Tulis --periode bila periodenya lain (mis. 2019-2023).")))
    if period is not None:
        tables["pemda"][0].setdefault("periode_awal", period[0])
        tables["pemda"][0].setdefault("periode_akhir", period[1])
    result.tables = tables
    return result


def _default_code(grid: Grid, result: ImportResult, path) -> str:
    """The first urusan/bidang code of the table's programs (e.g. "2.16"), as the OPD's code."""
    for row in grid.rows:
        pieces = [c.text.replace(",", ".") for c in row.of("kode")]
        tokens = [t for p in pieces for t in p.split(".") if t.isdigit()]
        if len(tokens) >= 2:
            code = ".".join(tokens[:2])
            result.findings.append(Finding("R11", (
                f"{Path(path).name}: kode OPD tidak diberikan; dipakai kode bidang urusan program "
                f"pertamanya {quote(code)}. Tulis --kode-opd dengan kode OPD yang dipakai Pemda."),
                file=str(path), sheet=grid.sheet, kode_opd=code))
            return code
    return Path(path).stem


def _default_name(table: _Table, result: ImportResult, path) -> str:
    """The unit most rows name as responsible, else the file's name."""
    name = table.units.most_common(1)[0][0] if table.units else Path(path).stem
    result.findings.append(Finding("R11", (
        f"{Path(path).name}: nama OPD tidak diberikan; dipakai {quote(name, 90)} (unit kerja penanggung "
        f"jawab yang paling sering tertulis). Tulis --nama-opd bila lain."),
        file=str(path), sheet=table.grid.sheet, kode_opd=table.kode_opd))
    return name


def base_tables(path: str | Path) -> tuple[dict[str, list[dict]], list[Finding]]:
    """The tables of an existing input workbook, as rows to write again (read, never changed)."""
    from ..reading.workbook import Range, parse, read_raw

    raw, findings = read_raw(path)
    parsed, more = parse(raw, str(path))
    tables = {}
    for name, table in parsed.items():
        if not table.present:
            continue
        rows = []
        for row in table.rows:
            rows.append({k: (str(v) if isinstance(v, Range) else v) for k, v in row.items()
                         if not k.startswith("_")})
        tables[name] = rows
    return tables, findings + more


def write_import(result: ImportResult, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write the imported workbook, with the import's findings in a sheet ``catatan_impor``."""
    from ..core.cells import save_book
    from ..reading.blank_workbook import build_workbook

    book = build_workbook(result.tables, years=result.years)
    ws = book.create_sheet("catatan_impor")
    ws.append(["kode", "tingkat", "judul", "berkas", "sheet", "baris", "kolom", "pesan"])
    for finding in result.findings:
        source = Path(finding.file).name if finding.file else ""
        ws.append([finding.code, finding.severity, finding.title, source, finding.sheet, finding.row,
                   finding.column_letter or finding.column, finding.message])
    ws.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGH", (7, 10, 40, 30, 12, 7, 8, 110)):
        ws.column_dimensions[letter].width = width
    return save_book(book, path, overwrite=overwrite)
