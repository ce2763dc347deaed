"""The model of one Pemda: its tables, the performance tree and the problem graph.

:func:`load` reads a workbook (or a folder of CSV files) and returns a :class:`Pemda`
whose ``findings`` hold everything the structure checks found: references that lead
nowhere, cycles, levels out of order. The model is built from whatever could be read,
so that the method checks of :mod:`pohon_nb.method.checks` can still run on a flawed workbook.

Graphs
------
``tree``      networkx DiGraph, edges parent -> child, node attributes from ``pohon``.
``problems``  networkx DiGraph, edges cause -> effect, node attributes from ``masalah``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import networkx as nx
import pandas as pd

from ..core.findings import Finding
from ..core.formats import quote
from . import schema
from .workbook import Range, Table, parse, read_raw


def is_chosen(row: dict) -> bool:
    """An indicator is chosen for its condition unless ``dipilih`` says tidak (blank: chosen)."""
    return row.get("dipilih") is not False


@dataclass
class Pemda:
    """One Pemda's workbook, read and linked.

    Attributes
    ----------
    source : the file or folder it was read from.
    tables : the parsed :class:`~pohon_nb.reading.workbook.Table` of every schema sheet.
    tree : the performance tree (parent -> child), acyclic once loaded.
    problems : the problem graph (cause -> effect), acyclic once loaded.
    years : the years that have a target or realisation column, ascending.
    findings : what reading and linking found (structure checks).
    """

    source: str
    tables: dict[str, Table]
    tree: nx.DiGraph
    problems: nx.DiGraph
    years: list[int]
    findings: list[Finding] = field(default_factory=list)
    _frames: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    # -- tables as DataFrames, for notebooks and computations
    def frame(self, sheet: str) -> pd.DataFrame:
        """A sheet as a DataFrame: schema columns first, then year columns, extras, ``_baris``.

        Rows that duplicate an earlier id are left out.
        """
        if sheet not in self._frames:
            table = self.tables[sheet]
            spec = schema.sheet(sheet)
            columns = [c.name for c in spec.columns]
            columns += [c for c in table.columns if c not in columns]
            rows = [r for r in table.rows if not r.get("_ganda")]
            frame = pd.DataFrame(rows, columns=[*columns, "_baris"])
            frame = frame.astype(object).where(frame.notna(), None)
            self._frames[sheet] = frame
        return self._frames[sheet]

    @property
    def info(self) -> dict:
        """The ``pemda`` row (kode_pemda, nama_pemda, periode_awal, periode_akhir)."""
        rows = self.tables["pemda"].rows
        return dict(rows[0]) if rows else {}

    @property
    def opd(self) -> pd.DataFrame:
        return self.frame("opd")

    @property
    def pohon(self) -> pd.DataFrame:
        return self.frame("pohon")

    @property
    def indikator(self) -> pd.DataFrame:
        return self.frame("indikator")

    @property
    def lintas_opd(self) -> pd.DataFrame:
        return self.frame("lintas_opd")

    @property
    def masalah(self) -> pd.DataFrame:
        return self.frame("masalah")

    @property
    def anggaran(self) -> pd.DataFrame:
        return self.frame("anggaran")

    @property
    def penilaian_indikator(self) -> pd.DataFrame:
        return self.frame("penilaian_indikator")

    @property
    def tindak_lanjut(self) -> pd.DataFrame:
        return self.frame("tindak_lanjut")

    # -- the tree
    def node(self, node_id: str) -> dict:
        """Attributes of one condition (a row of ``pohon``)."""
        return self.tree.nodes[node_id]

    def level(self, node_id: str) -> str | None:
        return self.tree.nodes[node_id].get("level")

    def children(self, node_id: str) -> list[str]:
        """Direct children in workbook order."""
        return list(self.tree.successors(node_id))

    def parent(self, node_id: str) -> str | None:
        parents = list(self.tree.predecessors(node_id))
        return parents[0] if parents else None

    def roots(self) -> list[str]:
        return [n for n in self.tree.nodes if self.tree.in_degree(n) == 0]

    def memo(self, key: tuple, compute):
        """A computation remembered on this model (which is not changed after loading)."""
        cache = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def tree_order(self) -> list[str]:
        """Every condition depth-first from the roots, children in workbook order."""
        return list(self.memo(("tree_order",), self._tree_order))

    def _tree_order(self) -> tuple[str, ...]:
        order: list[str] = []
        for root in sorted(self.roots(), key=lambda n: self.tree.nodes[n]["_baris"]):
            order += [root, *self.descendants(root)]
        return tuple(order)

    def realised_years(self) -> list[int]:
        """The years for which some indicator has a realisation, ascending."""
        return list(self.memo(("realised_years",), lambda: tuple(
            y for y in self.years if any(row.get(f"realisasi_{y}") is not None
                                         for row in self.tables["indikator"].rows))))

    def default_year(self, this_year: int | None = None) -> int | None:
        """The year a run assesses when none is given: the latest with any realisation, else
        the latest of the workbook's years up to ``this_year`` (default: today's), else its
        first; None when the workbook has no year columns."""
        if not self.years:
            return None
        actual = self.realised_years()
        if actual:
            return max(actual)
        import datetime as dt

        limit = this_year or dt.date.today().year
        past = [y for y in self.years if y <= limit]
        return max(past) if past else self.years[0]

    def assessed_year(self, tahun: int | None = None) -> int:
        """The year a run assesses: ``tahun`` when given (not 0), else :meth:`default_year`, else
        (a workbook without year columns) this year. Every command and notebook asks this."""
        import datetime as dt

        return int(tahun) if tahun else (self.default_year() or dt.date.today().year)

    def subtree_size(self, node_id: str) -> int:
        """How many conditions a branch holds, its own top included."""
        def compute() -> dict[str, int]:
            sizes: dict[str, int] = {}
            for node in reversed(self.tree_order()):
                sizes[node] = 1 + sum(sizes[c] for c in self.tree.successors(node))
            return sizes

        return self.memo(("subtree_size",), compute)[node_id]

    def owned_by(self, kode_opd: str) -> list[str]:
        """The conditions an OPD owns, in tree order."""
        def compute() -> dict[str, tuple[str, ...]]:
            owners: dict[str, list[str]] = {}
            for node in self.tree_order():
                owners.setdefault(self.tree.nodes[node].get("kode_opd"), []).append(node)
            return {code: tuple(nodes) for code, nodes in owners.items()}

        return list(self.memo(("owned_by",), compute).get(kode_opd, ()))

    def top_owned(self, kode_opd: str) -> list[str]:
        """The OPD's highest conditions: those whose parent another owner holds."""
        own = self.owned_by(kode_opd)
        mine = set(own)
        return [n for n in own if self.parent(n) not in mine]

    def descendants(self, node_id: str) -> list[str]:
        """Every condition below ``node_id``, depth-first in workbook order."""
        order: list[str] = []
        stack = list(reversed(self.children(node_id)))
        while stack:
            current = stack.pop()
            order.append(current)
            stack.extend(reversed(self.children(current)))
        return order

    def ancestors(self, node_id: str) -> list[str]:
        """Parent, grandparent, ... up to the root."""
        chain = []
        current = self.parent(node_id)
        while current is not None:
            chain.append(current)
            current = self.parent(current)
        return chain

    def opd_codes(self) -> list[str]:
        return [r["kode_opd"] for r in self.tables["opd"].rows
                if r.get("kode_opd") and not r.get("_ganda")]

    def _opd_row(self, kode_opd: str) -> dict:
        return next((r for r in self.tables["opd"].rows if r.get("kode_opd") == kode_opd), {})

    def opd_name(self, kode_opd: str) -> str:
        """The OPD's name, else the code (a partner outside the opd sheet keeps its code)."""
        return self._opd_row(kode_opd).get("nama_opd") or kode_opd

    def opd_short(self, kode_opd: str) -> str:
        """The OPD's abbreviation (singkatan), else its name; a code the opd sheet does not
        list is said to be one ("9.99 (bukan OPD)": a vertical agency or a typo)."""
        row = self._opd_row(kode_opd)
        if not row:
            return f"{kode_opd} (bukan OPD)" if kode_opd else ""
        return row.get("singkatan") or row.get("nama_opd") or kode_opd

    def indicators_of(self, node_id: str) -> list[dict]:
        """Indicator rows measuring one condition, chosen and candidates."""
        return self._indicators_by_node().get(node_id, [])

    def chosen_indicators(self, node_id: str) -> list[dict]:
        """The indicators chosen for one condition (see :func:`is_chosen`)."""
        return [row for row in self.indicators_of(node_id) if is_chosen(row)]

    def _indicators_by_node(self) -> dict[str, list[dict]]:
        if "_by_node" not in self.__dict__:
            by_node: dict[str, list[dict]] = {}
            for row in self.tables["indikator"].rows:
                if row.get("id_pohon") and not row.get("_ganda"):
                    by_node.setdefault(row["id_pohon"], []).append(row)
            self.__dict__["_by_node"] = by_node
        return self.__dict__["_by_node"]

    def values(self) -> pd.DataFrame:
        """Targets and realisations in long form, one row per indicator and year.

        Columns: ``id_indikator``, ``tahun``, ``target`` (a number, the midpoint of a
        range), ``target_min``, ``target_maks``, ``realisasi`` (None when missing).
        """
        records = []
        for row in self.tables["indikator"].rows:
            if not row.get("id") or row.get("_ganda"):
                continue
            for year in self.years:
                target = row.get(f"target_{year}")
                actual = row.get(f"realisasi_{year}")
                if target is None and actual is None:
                    continue
                low = high = mid = None
                if isinstance(target, Range):
                    low, high, mid = target.low, target.high, target.mid
                elif target is not None:
                    low = high = mid = target
                records.append({
                    "id_indikator": row["id"], "tahun": year, "target": mid,
                    "target_min": low, "target_maks": high, "realisasi": actual,
                })
        columns = ["id_indikator", "tahun", "target", "target_min", "target_maks", "realisasi"]
        return pd.DataFrame(records, columns=columns)


def load(path: str | Path | None = None) -> Pemda:
    """Read and link a Pemda workbook (``.xlsx``) or a folder of CSV files.

    Without ``path``, the bundled sample (Kabupaten Contoh). Never raises for anything the
    file can contain: every problem is a finding in ``Pemda.findings``.
    """
    if path is None:
        from ..core.paths import SAMPLE

        path = SAMPLE
    source = str(path)
    raw, read_findings = read_raw(path)
    findings = list(read_findings)  # the remembered read is shared: never add to its list
    if raw or not findings:
        tables, parse_findings = parse(raw, source)
        findings += parse_findings
    else:  # the file itself could not be read: one finding says so, not one per sheet
        tables = {sheet.name: Table(sheet.name, source) for sheet in schema.SHEETS}
    return link(tables, source, findings)


_SHARED: dict[tuple, Pemda] = {}
SHARED_MODELS = 2
"""How many workbooks a process keeps loaded for :func:`load_shared`: this version and the one
before it, which a round-2 report compares with."""


def load_shared(path: str | Path | None = None) -> Pemda:
    """:func:`load`, remembered for the process while the file keeps its size and modification
    time: a batch worker runs notebook after notebook on the same workbook, and each then reuses
    the model and what was computed on it (:meth:`Pemda.memo`: the checks, the achievement, the
    LKE estimates of every OPD) instead of reading and computing them again.

    For static runs only (reports, papermill): the model is shared, so nothing may change it, as
    nothing in the package does. A folder of CSV files is loaded anew each time.
    """
    if path is None:
        from ..core.paths import SAMPLE

        path = SAMPLE
    file = Path(path)
    if not file.is_file():
        return load(path)
    stat = file.stat()
    key = (str(file.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _SHARED:
        while len(_SHARED) >= SHARED_MODELS:
            _SHARED.pop(next(iter(_SHARED)))  # the oldest
        _SHARED[key] = load(path)
    return _SHARED[key]


def link(tables: dict[str, Table], source: str, findings: list[Finding] | None = None) -> Pemda:
    """Build the graphs over parsed tables and add the structure findings."""
    findings = list(findings or [])
    findings += _check_pemda_row(tables["pemda"])
    findings += _check_references(tables)
    tree = _build_tree(tables["pohon"], findings)
    problems = _build_problem_graph(tables["masalah"], findings)
    findings = _assign_opd(findings, tables)
    years = sorted({
        int(m.group(2))
        for m in (schema.YEAR_COLUMN.match(c) for c in tables["indikator"].columns)
        if m
    })
    return Pemda(source, tables, tree, problems, years, findings)


def _check_pemda_row(table: Table) -> list[Finding]:
    if not table.present:
        return []
    where = {"file": table.file, "sheet": table.name}
    if not table.rows:
        return [Finding("S13", "Sheet pemda kosong: isi satu baris identitas Pemda.", **where)]
    findings = []
    if len(table.rows) > 1:
        extra = table.rows[1]["_baris"]
        msg = (f"Sheet pemda berisi {len(table.rows)} baris; satu workbook untuk satu Pemda. "
               f"Baris {extra} dan seterusnya diabaikan.")
        findings.append(Finding("S13", msg, row=extra, **where))
    first = table.rows[0]
    start, end = first.get("periode_awal"), first.get("periode_akhir")
    if start is not None and end is not None and start > end:
        msg = f"Periode awal {start} sesudah periode akhir {end}."
        findings.append(Finding("S14", msg, row=first["_baris"], column="periode_awal",
                                column_letter=table.letter("periode_awal"), **where))
    return findings


def _check_references(tables: dict[str, Table]) -> list[Finding]:
    """Every column with a ``ref`` in the schema must point at an existing key."""
    findings = []
    keys = {
        (sheet.name, sheet.key): {r[sheet.key] for r in tables[sheet.name].rows if r.get(sheet.key)}
        for sheet in schema.SHEETS
        if sheet.key
    }
    for sheet in schema.SHEETS:
        table = tables[sheet.name]
        for column in sheet.columns:
            if column.ref is None or column.name not in table.columns:
                continue
            target_sheet, target_column = column.ref
            known = keys[(target_sheet, target_column)]
            target_present = tables[target_sheet].present
            for row in table.rows:
                values = row.get(column.name)
                if values is None:
                    continue
                for value in values if isinstance(values, tuple) else (values,):
                    if value in known:
                        continue
                    where = (f"sheet '{target_sheet}' tidak ada" if not target_present
                             else f"tidak ada di kolom {target_column} sheet '{target_sheet}'")
                    code = "S05" if column.ref_severity == "error" else "M12"
                    hint = (" Bila mitra instansi vertikal, ini boleh; bila OPD, tambahkan ke "
                            "sheet opd." if code == "M12" else "")
                    findings.append(Finding(
                        code, f"{column.label} {quote(value)} {where}.{hint}",
                        file=table.file, sheet=sheet.name, row=row["_baris"],
                        column=column.name, column_letter=table.letter(column.name),
                        ref=str(row.get(sheet.key) or row.get("id_pohon") or value),
                    ))
    return findings


def _assign_opd(findings: list[Finding], tables: dict[str, Table]) -> list[Finding]:
    """Give each row finding the OPD its row belongs to: its kode_opd, or its node's owner."""
    owners = {r["id"]: r.get("kode_opd") for r in tables["pohon"].rows if r.get("id")}
    indicator_nodes = {r["id"]: r.get("id_pohon") for r in tables["indikator"].rows if r.get("id")}
    rows = {(name, r["_baris"]): r for name, t in tables.items() for r in t.rows}
    assigned = []
    for finding in findings:
        row = rows.get((finding.sheet, finding.row))
        if finding.kode_opd or row is None:
            assigned.append(finding)
            continue
        node = row.get("id_pohon") or indicator_nodes.get(row.get("id_indikator"))
        owner = row.get("kode_opd") or owners.get(node) or ""
        assigned.append(replace(finding, kode_opd=owner) if owner else finding)
    return assigned


def _build_tree(table: Table, findings: list[Finding]) -> nx.DiGraph:
    tree = nx.DiGraph()
    where = {"file": table.file, "sheet": table.name}
    for row in table.rows:
        if row.get("id") and not row.get("_ganda"):
            tree.add_node(row["id"], **row)
    rows_by_id = {n: tree.nodes[n] for n in tree.nodes}
    for node_id, row in rows_by_id.items():
        parent = row.get("induk")
        if parent in rows_by_id:
            if parent == node_id:
                msg = f"Kondisi {quote(node_id)} menjadi induk dirinya sendiri."
                findings.append(Finding("S06", msg, row=row["_baris"], column="induk",
                                        column_letter=table.letter("induk"), ref=node_id, **where))
                continue
            tree.add_edge(parent, node_id)
    # Each node has one parent, so every cycle is a simple loop; remove one edge of each
    # so that the rest of the tree can still be checked.
    for cycle in list(nx.simple_cycles(tree)):
        first = min(cycle, key=lambda n: tree.nodes[n]["_baris"])
        ring = " → ".join(quote(n, 30) for n in [*cycle, cycle[0]])
        row = tree.nodes[first]
        msg = (f"Siklus induk-anak: {ring}. Pohon harus bercabang ke bawah tanpa kembali ke "
               f"atas; perbaiki kolom induk salah satunya.")
        findings.append(Finding("S06", msg, row=row["_baris"], column="induk",
                                column_letter=table.letter("induk"), ref=first, **where))
        parent = row.get("induk")
        if tree.has_edge(parent, first):
            tree.remove_edge(parent, first)
    for parent, child in tree.edges:
        p_level, c_level = tree.nodes[parent].get("level"), tree.nodes[child].get("level")
        if p_level and c_level and schema.LEVEL_RANK[c_level] < schema.LEVEL_RANK[p_level]:
            row = tree.nodes[child]
            msg = (f"Kondisi {quote(child)} berlevel {c_level} tetapi induknya {quote(parent)} "
                   f"berlevel {p_level}: anak tidak boleh lebih tinggi dari induknya "
                   f"(urutan: {' > '.join(schema.LEVELS)}).")
            findings.append(Finding("S11", msg, row=row["_baris"], column="level",
                                    column_letter=table.letter("level"), ref=child, **where))
    return tree


def _build_problem_graph(table: Table, findings: list[Finding]) -> nx.DiGraph:
    graph = nx.DiGraph()
    where = {"file": table.file, "sheet": table.name}
    for row in table.rows:
        if row.get("id") and not row.get("_ganda"):
            graph.add_node(row["id"], **row)
    for node_id in list(graph.nodes):
        for effect in graph.nodes[node_id].get("menyebabkan") or ():
            if effect in graph and effect != node_id:
                graph.add_edge(node_id, effect)
            elif effect == node_id:
                row = graph.nodes[node_id]
                findings.append(Finding(
                    "S07", f"Masalah {quote(node_id)} disebut menyebabkan dirinya sendiri.",
                    row=row["_baris"], column="menyebabkan",
                    column_letter=table.letter("menyebabkan"), ref=node_id, **where,
                ))
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        cycle = [u for u, _ in nx.find_cycle(graph.subgraph(component))]
        first = min(cycle, key=lambda n: graph.nodes[n]["_baris"])
        ring = " → ".join(quote(n, 30) for n in [*cycle, cycle[0]])
        row = graph.nodes[first]
        msg = (f"Siklus sebab-akibat: {ring}. Sebab harus mengarah ke akibat tanpa kembali; "
               f"perbaiki kolom menyebabkan.")
        findings.append(Finding("S07", msg, row=row["_baris"], column="menyebabkan",
                                column_letter=table.letter("menyebabkan"), ref=first, **where))
        for u, v in list(graph.subgraph(component).edges):
            graph.remove_edge(u, v)
    return graph
