"""An estimate of the LKE answers the workbook decides (PermenPANRB 88/2021), per OPD and for
the Pemda. It is an estimate from the workbook, not the evaluator's verdict.

The evaluation worksheet (LKE) grades each criterion AA ... E. For the criteria a performance
tree decides, an **element** is counted per criterion (a condition, an indicator, a request...)
and is fulfilled or not by a rule the same checks already apply; the share of fulfilled
elements gives the answer by the grade table (BB: all; B: more than 75%; CC: more than 50%; C:
more than 25%; D: more than 0%; E: none; AA and A need what a workbook cannot show). Both
tables are data (``data/lke_kriteria.csv`` and ``data/lke_jawaban.csv``): a Pemda following a
newer regulation or its inspectorate's reading edits a copy and passes it, without code
changes. A criterion without elements here (the table names none, or the workbook has no data
for it) is "dinilai evaluator", with the evidence the evaluator will ask for.

Element sets (``unsur``) and failing rules (``gagal_bila``, ";"-separated, any one fails):

* ``kondisi_outcome``: conditions at ultimate, intermediate or immediate level;
  ``kondisi_opd``: every condition; ``sasaran_opd``: intermediate conditions; ``output_opd``:
  output conditions; ``indikator_terpilih``: chosen indicators; ``indikator_berdata``: chosen
  indicators with an achievement in the year; ``iku``: chosen IKU indicators;
  ``permintaan_crosscutting``: the requests an OPD makes.
* ``temuan:CODE`` (a finding of that rule on the element), ``skor_smart<N``, ``tanpa_iku``,
  ``status_belum_disetujui``, ``tanpa_anggaran``, ``capaian<N``, ``manual_belum_lengkap``.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..core.findings import Finding
from ..core.formats import percent
from ..core.paths import DATA
from ..reading.model import Pemda
from .achievement import AchievementConfig, indicator_achievement
from .crosscutting import requests
from .indicators import indicator_scores, manual_iku

CRITERIA_FILE = DATA / "lke_kriteria.csv"
GRADES_FILE = DATA / "lke_jawaban.csv"
NOT_DECIDED = "dinilai evaluator"
ESTIMATE_NOTE = ("Perkiraan dari workbook, bukan keputusan evaluator: evaluator menilai bukti "
                 "dokumen, dan jawaban AA/A memerlukan hal yang tidak terlihat dari workbook.")

OUTCOME_LEVELS = ("ultimate", "intermediate", "immediate")


@dataclass(frozen=True)
class Criterion:
    code: str
    component: str
    component_weight: float
    subcomponent: str
    subcomponent_weight: float
    weight: float
    text: str
    elements: str
    fails: tuple[str, ...]
    counting: str
    evidence: str
    source: str


@dataclass(frozen=True)
class Grade:
    answer: str
    above: float  # the share must be more than this (percent) ...
    up_to: float  # ... and at most this
    value: float
    text: str
    source: str

    def holds(self, share: float) -> bool:
        return self.above < share <= self.up_to if self.answer != "BB" else share >= 100


@dataclass
class Element:
    ref: str  # the id of the condition, indicator or request
    kode_opd: str
    fulfilled: bool
    why: str = ""  # for an element not fulfilled: the finding or rule that holds it back


@dataclass
class Estimate:
    """One criterion's estimated answer for one OPD (or the Pemda)."""

    criterion: Criterion
    elements: list[Element] = field(default_factory=list)
    grades: tuple[Grade, ...] = ()

    @property
    def decided(self) -> bool:
        return bool(self.elements)

    @property
    def share(self) -> float | None:
        if not self.elements:
            return None
        return 100 * sum(e.fulfilled for e in self.elements) / len(self.elements)

    @property
    def answer(self) -> str:
        return grade_of(self.share, self.grades).answer if self.decided else NOT_DECIDED

    @property
    def held_back(self) -> list[Element]:
        return [e for e in self.elements if not e.fulfilled]

    def to_raise(self) -> list[Element]:
        """The fewest elements whose fixing raises the answer one grade (none at BB)."""
        if not self.decided or self.answer == "BB":
            return []
        total, done = len(self.elements), sum(e.fulfilled for e in self.elements)
        current = grade_rank(grade_of(self.share, self.grades), self.grades)
        for extra in range(1, total - done + 1):
            if grade_rank(grade_of(100 * (done + extra) / total, self.grades), self.grades) < current:
                return self.held_back[:extra]
        return self.held_back


def grade_rank(grade: Grade, grades: tuple[Grade, ...]) -> int:
    return [g.answer for g in grades].index(grade.answer)


def grade_of(share: float, grades: tuple[Grade, ...]) -> Grade:
    """The answer a share of fulfilled elements (percent) gives."""
    return next(g for g in grades if g.holds(share))


def read_criteria(path: str | Path = CRITERIA_FILE) -> list[Criterion]:
    """The criteria table (see the module docstring); the bundled PermenPANRB 88/2021 default."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [Criterion(r["kriteria"], r["komponen"], float(r["bobot_komponen"]), r["subkomponen"],
                      float(r["bobot_subkomponen"]), float(r["bobot_kriteria"]), r["uraian"],
                      r["unsur"].strip(), tuple(p.strip() for p in r["gagal_bila"].split(";") if p.strip()),
                      r["cara_hitung"], r["bukti_evaluator"], r["sumber"]) for r in rows]


def read_grades(path: str | Path = GRADES_FILE) -> tuple[Grade, ...]:
    """The answer grades, best first (the bundled default: BB, B, CC, C, D, E)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return tuple(Grade(r["jawaban"], float(r["lebih_dari"]), float(r["sampai"]), float(r["nilai"]),
                           r["uraian"], r["sumber"]) for r in csv.DictReader(handle))


# --------------------------------------------------------------------------- elements


class _Facts:
    """What the element rules read, computed once per Pemda and year."""

    def __init__(self, pemda: Pemda, findings: list[Finding], year: int | None,
                 config: AchievementConfig | None, kode_opd: str | None = None):
        self.pemda, self.year = pemda, year
        self.by_ref: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            self.by_ref[finding.ref].append(finding)
        self.opd_findings: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            if finding.sheet == "opd":
                self.opd_findings[finding.ref].append(finding)
        scores = indicator_scores(pemda, kode_opd)  # one OPD's only, when only it is estimated
        self.smart = dict(zip(scores["id_indikator"], scores["skor_smart"]))
        self.achievement: dict[str, float] = {}
        if year is not None and year in pemda.years:
            table = indicator_achievement(pemda, year, config, chosen_only=True)
            self.achievement = {r.id_indikator: r.capaian for r in table.itertuples()
                                if r.capaian is not None and not math.isnan(r.capaian)}
        self.funded = {r.get("id_pohon") for r in pemda.tables["anggaran"].rows
                       if year is None or r.get("tahun") == year}
        manual = manual_iku(pemda, kode_opd)
        self.kode_opd = kode_opd
        self.manual_gaps = dict(zip(manual["kode"], manual["belum_diisi"]))
        self.requests = requests(pemda)

    def owner(self, node_id: str) -> str:
        return self.pemda.node(node_id).get("kode_opd") or ""


def _members(facts: _Facts, kind: str) -> list[tuple[str, str, dict]]:
    """(ref, kode_opd, row) of every element of a set, in tree order."""
    pemda = facts.pemda
    nodes = pemda.tree_order() if facts.kode_opd is None else pemda.owned_by(facts.kode_opd)
    if kind in ("kondisi_outcome", "kondisi_opd", "sasaran_opd", "output_opd"):
        levels = {"kondisi_outcome": OUTCOME_LEVELS, "kondisi_opd": None, "sasaran_opd": ("intermediate",),
                  "output_opd": ("output",)}[kind]
        return [(n, facts.owner(n), pemda.node(n)) for n in nodes
                if levels is None or pemda.level(n) in levels]
    if kind in ("indikator_terpilih", "indikator_berdata", "iku"):
        rows = [(r["id"], facts.owner(n), r) for n in nodes for r in pemda.chosen_indicators(n)]
        if kind == "indikator_berdata":
            rows = [row for row in rows if row[0] in facts.achievement]
        if kind == "iku":
            rows = [row for row in rows if row[2].get("iku")]
        return rows
    if kind == "permintaan_crosscutting":
        return [(f"{r.id_pohon} → {pemda.opd_short(r.kode_opd_mitra)}", r.kode_opd or "", r._asdict())
                for r in facts.requests.itertuples()]
    raise ValueError(f"Himpunan unsur tidak dikenal di tabel kriteria LKE: {kind!r}")


def _why_failed(facts: _Facts, rule: str, ref: str, owner: str, row: dict) -> str | None:
    """Why an element fails one rule, or None when it passes it."""
    if rule.startswith("temuan:"):
        code = rule.split(":", 1)[1]
        found = [f for f in facts.by_ref.get(ref, []) if f.code == code]
        if code in ("M05", "M10"):  # rules located at the OPD's row
            found += [f for f in facts.opd_findings.get(owner, []) if f.code == code]
        return f"{found[0].code}: {found[0].message}" if found else None
    if rule.startswith("skor_smart<"):
        limit = float(rule.split("<", 1)[1])
        score = facts.smart.get(ref)
        low = score is not None and score < limit
        return f"skor SMART {percent(score)}, di bawah {percent(limit)}" if low else None
    if rule.startswith("capaian<"):
        limit = float(rule.split("<", 1)[1])
        value = facts.achievement.get(ref)
        return (f"capaian {facts.year} {percent(value)}, di bawah {percent(limit)}"
                if value is not None and value < limit else None)
    if rule == "tanpa_iku":
        has = any(r.get("iku") for r in facts.pemda.chosen_indicators(ref))
        return None if has else "sasaran tanpa IKU"
    if rule == "status_belum_disetujui":
        status = row.get("status") or "usulan"
        return None if status == "disetujui" else f"status {status}"
    if rule == "tanpa_anggaran":
        return None if ref in facts.funded else f"tanpa baris anggaran {facts.year or ''}".strip()
    if rule == "manual_belum_lengkap":
        gaps = facts.manual_gaps.get(ref)
        return f"Manual IKU belum diisi: {gaps}" if gaps else None
    raise ValueError(f"Aturan unsur tidak dikenal di tabel kriteria LKE: {rule!r}")


def _available(facts: _Facts, criterion: Criterion) -> bool:
    """Whether the workbook holds the data a criterion's elements are judged on."""
    tables = facts.pemda.tables
    if criterion.elements == "permintaan_crosscutting":
        return tables["lintas_opd"].present and bool(tables["lintas_opd"].rows)
    if criterion.elements == "output_opd":
        return tables["anggaran"].present and bool(tables["anggaran"].rows)
    return True


def estimate(pemda: Pemda, findings: list[Finding], year: int | None = None,
             config: AchievementConfig | None = None, criteria: list[Criterion] | None = None,
             grades: tuple[Grade, ...] | None = None,
             kode_opd: str | None = None) -> dict[str | None, list[Estimate]]:
    """The estimate of every criterion for every OPD (key: its code) and the Pemda (key None);
    with ``kode_opd``, for that OPD only (key: its code), which is quicker on a large Pemda.

    The Pemda's elements are all elements (its own rows and every OPD's); an OPD's are those of
    its own conditions, indicators and requests.
    """
    criteria = read_criteria() if criteria is None else criteria
    grades = read_grades() if grades is None else grades
    facts = _Facts(pemda, findings, year, config, kode_opd)
    codes = pemda.opd_codes() if kode_opd is None else [kode_opd]
    result: dict[str | None, list[Estimate]] = {code: [] for code in ([None, *codes] if kode_opd is None
                                                                      else codes)}
    for criterion in criteria:
        by_opd: dict[str | None, list[Element]] = {code: [] for code in [None, *codes]}
        if criterion.elements and _available(facts, criterion):
            for ref, owner, row in _members(facts, criterion.elements):
                if kode_opd is not None and owner != kode_opd:
                    continue
                why = next((w for rule in criterion.fails
                            if (w := _why_failed(facts, rule, ref, owner, row))), None)
                element = Element(ref, owner, why is None, why or "")
                by_opd[None].append(element)
                if owner in by_opd:
                    by_opd[owner].append(element)
        for code in result:
            result[code].append(Estimate(criterion, by_opd[code], grades))
    return result


ESTIMATE_COLUMNS = ["kriteria", "komponen", "subkomponen", "uraian", "jawaban", "persen", "unsur",
                    "terpenuhi", "cara_hitung", "tertahan", "naik_satu_tingkat", "bukti_evaluator"]


def table(estimates: list[Estimate], limit: int = 8) -> pd.DataFrame:
    """One row per criterion: the answer, the share, what holds it back and what would raise it
    (each listing at most ``limit`` elements, then "dan N lagi")."""
    def listed(elements: list[Element]) -> str:
        shown = "; ".join(f"{e.ref} ({e.why})" for e in elements[:limit])
        return shown + (f"; dan {len(elements) - limit} lagi" if len(elements) > limit else "")

    records = [{
        "kriteria": e.criterion.code, "komponen": e.criterion.component,
        "subkomponen": e.criterion.subcomponent, "uraian": e.criterion.text, "jawaban": e.answer,
        "persen": e.share, "unsur": len(e.elements), "terpenuhi": sum(x.fulfilled for x in e.elements),
        "cara_hitung": e.criterion.counting, "tertahan": listed(e.held_back),
        "naik_satu_tingkat": listed(e.to_raise()),
        "bukti_evaluator": "" if e.decided else (e.criterion.evidence or "bukti dokumen"),
    } for e in estimates]
    return pd.DataFrame(records, columns=ESTIMATE_COLUMNS)
