"""An estimate of the LKE answers the workbook decides (PermenPANRB 88/2021), per OPD and for
the Pemda. It is an estimate from the workbook, not the evaluator's verdict.

The evaluation worksheet (LKE) grades each criterion AA ... E. For the criteria a performance
tree decides, an **element** is counted per criterion (a condition, an indicator, a request...)
and the share of fulfilled elements gives the answer by the grade table (BB: all; B: more than
75%; CC: more than 50%; C: more than 25%; D: more than 0%; E: none; AA and A need what a workbook
cannot show). Both tables are data (``data/lke_kriteria.csv`` and ``data/lke_jawaban.csv``).

**An element of criterion X is not fulfilled when a finding whose rule the catalogue
(:data:`pohon_nb.core.findings.RULES`) tags with X sits on it** (what "sits on" means is
:class:`pohon_nb.method.checked.Checked`'s: a condition carries its row, its indicators, its
requests and its OPD's row). The criteria table says which element set a criterion counts
(``unsur``) and which extra rule, if any, it adds (``gagal_bila``); it never re-states a rule
that exists as a finding (:attr:`Criterion.rules` lists them from the catalogue). Both tables
are checked as they are read (:class:`LkeTableError`). A criterion without elements here (the
table names none, or the workbook has no data for it) is "dinilai evaluator", with the evidence
the evaluator asks.

Element sets (``unsur``): ``kondisi_opd``: every condition (not an individual's ``aksi``);
``kondisi_outcome``: those at ultimate, intermediate or immediate level; ``sasaran_opd``:
intermediate conditions; ``output_opd``: output conditions; ``indikator_terpilih``: chosen
indicators of conditions; ``iku``: chosen IKU; ``permintaan_crosscutting``: the requests an OPD
makes. Extra rules (``gagal_bila``, ";"-separated): ``skor_smart<N`` (a chosen indicator of the
element scores below N), ``tanpa_iku``, ``tanpa_anggaran``, ``manual_belum_lengkap``,
``capaian_di_bawah_predikat_target`` (the achievement's predicate, on the scale in use, is
below the one 100% gets: "met or on track"; an element without an achievement is not fulfilled
and says why).
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..core.errors import PohonError
from ..core.findings import Finding
from ..core.formats import number_text, percent, quote
from ..core.paths import DATA
from .achievement import TARGET_MET, AchievementConfig, indicator_achievement
from .checked import Checked, rules_of_criterion
from .crosscutting import requests
from .indicators import indicator_scores, manual_iku
from .scales import DEFAULT_SCALE, Scale, get_scale

CRITERIA_FILE = DATA / "lke_kriteria.csv"
GRADES_FILE = DATA / "lke_jawaban.csv"
NOT_DECIDED = "dinilai evaluator"
ESTIMATE_NOTE = ("Perkiraan dari workbook, bukan keputusan evaluator: evaluator menilai bukti "
                 "dokumen, dan jawaban AA/A memerlukan hal yang tidak terlihat dari workbook.")


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

    @property
    def rules(self) -> list[str]:
        """The finding rules the catalogue tags with this criterion (they hold its elements back)."""
        return rules_of_criterion(self.code)


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
    why: str = ""  # for an element not fulfilled: the findings or rules that hold it back
    reasons: int = 0  # how many findings or rules hold it back (the effort of fixing it)
    fixable: bool = True  # False: held back by what cannot change now (a realised year)
    codes: tuple[str, ...] = ()  # the rules of the findings that hold it back, in order


@dataclass
class Estimate:
    """One criterion's estimated answer for one OPD (or the Pemda)."""

    criterion: Criterion
    elements: list[Element] = field(default_factory=list)
    grades: tuple[Grade, ...] = ()
    related: list[Finding] = field(default_factory=list)  # a criterion not decided: its findings

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
        """The fewest elements whose fixing raises the answer one grade (none at BB, none when
        not enough of what holds it back can still change): fixable elements only, the least
        effort first (fewest findings or rules on them), in tree order among equals."""
        if not self.decided or self.answer == "BB":
            return []
        total, done = len(self.elements), sum(e.fulfilled for e in self.elements)
        current = grade_rank(grade_of(self.share, self.grades), self.grades)
        fixable = sorted((e for e in self.held_back if e.fixable), key=lambda e: e.reasons)
        for extra in range(1, len(fixable) + 1):
            if grade_rank(grade_of(100 * (done + extra) / total, self.grades), self.grades) < current:
                return fixable[:extra]
        return []

    @property
    def fixed_by_past(self) -> list[Element]:
        """Elements held back by what cannot change now (a realised year's achievement or target)."""
        return [e for e in self.held_back if not e.fixable]


def grade_rank(grade: Grade, grades: tuple[Grade, ...]) -> int:
    return [g.answer for g in grades].index(grade.answer)


def grade_of(share: float, grades: tuple[Grade, ...]) -> Grade:
    """The answer a share of fulfilled elements (percent) gives."""
    return next(g for g in grades if g.holds(share))


CONDITION_SETS = ("kondisi_opd", "kondisi_outcome", "sasaran_opd", "output_opd")
INDICATOR_SETS = ("indikator_terpilih", "iku")
OUTCOME_LEVELS = ("ultimate", "intermediate", "immediate")

ELEMENT_SETS = (*CONDITION_SETS, *INDICATOR_SETS, "permintaan_crosscutting")
"""The element sets a criterion may count (column ``unsur``)."""
EXTRA_RULES = ("tanpa_iku", "tanpa_anggaran", "manual_belum_lengkap", "capaian_di_bawah_predikat_target")
"""The extra rules a criterion may add (column ``gagal_bila``), besides ``skor_smart<N``."""
CRITERIA_COLUMNS = ("kriteria", "komponen", "bobot_komponen", "subkomponen", "bobot_subkomponen",
                    "bobot_kriteria", "uraian", "unsur", "gagal_bila", "cara_hitung", "bukti_evaluator",
                    "sumber")
GRADES_COLUMNS = ("jawaban", "lebih_dari", "sampai", "nilai", "uraian", "sumber")


class LkeTableError(PohonError):
    """An LKE table that cannot be read as its layout says; the message names file, row, column."""


def _rows(path: str | Path, columns: tuple[str, ...]) -> list[tuple[int, dict]]:
    """(line number, row) of a CSV table, after checking it has ``columns``."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise LkeTableError(f"Tabel LKE {path}: kolom {', '.join(missing)} tidak ada (baris 1).")
            return [(line, row) for line, row in enumerate(reader, start=2)]
    except (OSError, UnicodeDecodeError) as exc:
        raise LkeTableError(f"Tabel LKE {path} tidak dapat dibaca: {exc}") from exc


def _number(path, line: int, row: dict, column: str, low: float, high: float) -> float:
    text = (row.get(column) or "").strip()
    try:
        value = float(text)
    except ValueError:
        raise LkeTableError(f"Tabel LKE {path}, baris {line}, kolom {column}: {quote(text)} bukan "
                            f"angka.") from None
    if not low <= value <= high:
        raise LkeTableError(f"Tabel LKE {path}, baris {line}, kolom {column}: {number_text(value)} di luar "
                            f"rentang {number_text(low)} sampai {number_text(high)}.")
    return value


def _extra_rule(path, line: int, rule: str) -> str:
    if rule in EXTRA_RULES:
        return rule
    if rule.startswith("skor_smart<"):
        limit = rule.split("<", 1)[1].strip()
        try:
            if 0 <= float(limit) <= 100:
                return rule
        except ValueError:
            pass
    raise LkeTableError(f"Tabel LKE {path}, baris {line}, kolom gagal_bila: aturan {quote(rule)} tidak "
                        f"dikenal; yang dikenal: {', '.join(EXTRA_RULES)}, skor_smart<N (N 0-100).")


def read_criteria(path: str | Path = CRITERIA_FILE) -> list[Criterion]:
    """The criteria table (see the module docstring); the bundled PermenPANRB 88/2021 default.

    Checked as it is read: the columns, the weights (numbers 0-100), the element set and the
    extra rules (known ones), one row per criterion; :class:`LkeTableError` names file, row
    and column otherwise."""
    criteria, seen = [], {}
    for line, r in _rows(path, CRITERIA_COLUMNS):
        code = (r["kriteria"] or "").strip()
        if not code:
            raise LkeTableError(f"Tabel LKE {path}, baris {line}, kolom kriteria: kosong.")
        if code in seen:
            raise LkeTableError(f"Tabel LKE {path}, baris {line}, kolom kriteria: {quote(code)} sudah ada di "
                                f"baris {seen[code]}.")
        seen[code] = line
        elements = (r["unsur"] or "").strip()
        if elements and elements not in ELEMENT_SETS:
            raise LkeTableError(f"Tabel LKE {path}, baris {line}, kolom unsur: {quote(elements)} tidak "
                                f"dikenal; yang dikenal: {', '.join(ELEMENT_SETS)}.")
        weights = [_number(path, line, r, c, 0, 100)
                   for c in ("bobot_komponen", "bobot_subkomponen", "bobot_kriteria")]
        fails = tuple(_extra_rule(path, line, rule) for rule in _listed(r["gagal_bila"] or ""))
        criteria.append(Criterion(code, r["komponen"], weights[0], r["subkomponen"], weights[1], weights[2],
                                  r["uraian"], elements, fails, r["cara_hitung"], r["bukti_evaluator"],
                                  r["sumber"]))
    return criteria


def _listed(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(";") if p.strip())


def read_grades(path: str | Path = GRADES_FILE) -> tuple[Grade, ...]:
    """The answer grades, best first (the bundled default: BB, B, CC, C, D, E).

    Checked as they are read: every bound a number, each grade's range below the one before it
    and joined to it (a share falls in exactly one grade), the last reaching 0%;
    :class:`LkeTableError` names file, row and column otherwise."""
    grades: list[Grade] = []
    for line, r in _rows(path, GRADES_COLUMNS):
        above, up_to = (_number(path, line, r, c, -1, 100) for c in ("lebih_dari", "sampai"))
        grade = Grade((r["jawaban"] or "").strip(), above, up_to, _number(path, line, r, "nilai", 0, 100),
                      r["uraian"], r["sumber"])
        if not grade.answer:
            raise LkeTableError(f"Tabel LKE {path}, baris {line}, kolom jawaban: kosong.")
        if above > up_to or (grades and up_to != grades[-1].above and grades[-1].answer != "BB") or (
                grades and grades[-1].answer == "BB" and up_to != 100):
            before = grades[-1] if grades else None
            raise LkeTableError(
                f"Tabel LKE {path}, baris {line}, kolom lebih_dari/sampai: {grade.answer} lebih dari "
                f"{number_text(above)} sampai {number_text(up_to)}"
                + (f" tidak bersambung dengan {before.answer} (lebih dari {number_text(before.above)})"
                   if before else "") + ": setiap persen unsur harus jatuh tepat pada satu jawaban.")
        grades.append(grade)
    if not grades or grades[-1].above >= 0:
        raise LkeTableError(f"Tabel LKE {path}: jawaban terakhir harus mencakup 0% unsur terpenuhi "
                            f"(lebih_dari -1 sampai 0).")
    return tuple(grades)


# --------------------------------------------------------------------------- elements


TARGET_RULES = frozenset({"M06", "M07", "M24", "M25"})
"""Rules about targets: a finding of one is no longer a fix once every year it names is realised
(editing a realised year's target invites lowering it)."""


class _Facts:
    """What the element rules read, computed once per checked model and year."""

    def __init__(self, checked: Checked, year: int | None, config: AchievementConfig | None,
                 scale: Scale, kode_opd: str | None = None):
        pemda = checked.pemda
        self.checked, self.pemda, self.year, self.scale = checked, pemda, year, scale
        scores = indicator_scores(pemda, kode_opd)  # one OPD's only, when only it is estimated
        self.smart = dict(zip(scores["id_indikator"], scores["skor_smart"]))
        self.achievement: dict[str, tuple[float | None, str]] = {}
        if year is not None and year in pemda.years:
            table = indicator_achievement(pemda, year, config, chosen_only=True)
            self.achievement = {r.id_indikator: (None if r.capaian is None or math.isnan(r.capaian)
                                                 else r.capaian, r.keterangan)
                                for r in table.itertuples()}
        self.funded = {r.get("id_pohon") for r in pemda.tables["anggaran"].rows
                       if year is None or r.get("tahun") == year}
        manual = manual_iku(pemda, kode_opd)
        self.kode_opd = kode_opd
        self.manual_gaps = dict(zip(manual["kode"], manual["belum_diisi"]))
        self.requests = requests(pemda)
        self.on_target = scale.labels().index(scale.predicate(TARGET_MET))

    def owner(self, node_id: str) -> str:
        return self.pemda.node(node_id).get("kode_opd") or ""

    def findings_on(self, kind: str, ref: str, owner: str, row: dict) -> list[Finding]:
        """The findings sitting on one element (see :class:`~pohon_nb.method.checked.Checked`)."""
        if kind in CONDITION_SETS:
            return self.checked.on_condition(ref)
        if kind in INDICATOR_SETS:
            return [*self.checked.on_indicator(ref), *self.checked.on_opd_row(owner)]
        return [*self.checked.on_request(row.get("_baris")), *self.checked.on_opd_row(owner)]

    def fixable(self, finding: Finding) -> bool:
        """Whether a finding can still be answered by editing the workbook."""
        if finding.code in TARGET_RULES and finding.tahun and self.year is not None:
            return any(y > self.year for y in finding.tahun)
        return True




def _members(facts: _Facts, kind: str) -> list[tuple[str, str, dict]]:
    """(ref, kode_opd, row) of every element of a set, in tree order."""
    pemda = facts.pemda
    nodes = pemda.tree_order() if facts.kode_opd is None else pemda.owned_by(facts.kode_opd)
    nodes = [n for n in nodes if pemda.level(n) != "aksi"]
    if kind in CONDITION_SETS:
        levels = {"kondisi_outcome": OUTCOME_LEVELS, "kondisi_opd": None, "sasaran_opd": ("intermediate",),
                  "output_opd": ("output",)}[kind]
        return [(n, facts.owner(n), pemda.node(n)) for n in nodes
                if levels is None or pemda.level(n) in levels]
    if kind in INDICATOR_SETS:
        rows = [(r["id"], facts.owner(n), r) for n in nodes for r in pemda.chosen_indicators(n)]
        return [row for row in rows if row[2].get("iku")] if kind == "iku" else rows
    if kind == "permintaan_crosscutting":
        return [(f"{r['id_pohon']} → {pemda.opd_short(r['kode_opd_mitra'])}", r["kode_opd"] or "", r)
                for r in facts.requests.to_dict("records")]
    raise ValueError(f"Himpunan unsur tidak dikenal di tabel kriteria LKE: {kind!r}")


def _why_failed(facts: _Facts, rule: str, kind: str, ref: str, row: dict) -> tuple[str, bool] | None:
    """Why an element fails one extra rule of its criterion and whether that can still be
    fixed, or None when it passes it."""
    pemda = facts.pemda
    if rule.startswith("skor_smart<"):
        limit = float(rule.split("<", 1)[1])
        ids = ([r["id"] for r in pemda.chosen_indicators(ref)] if kind in CONDITION_SETS else [ref])
        low = [(i, facts.smart[i]) for i in ids if facts.smart.get(i) is not None and facts.smart[i] < limit]
        if not low:
            return None
        shown = ", ".join(f"{i} {percent(v)}" for i, v in low[:3])
        return f"skor SMART di bawah {percent(limit)}: {shown}", True
    if rule == "capaian_di_bawah_predikat_target":
        value, why = facts.achievement.get(ref, (None, "tidak ada di tabel capaian"))
        if value is None:
            fill = why == "realisasi belum ada"  # filling in a realisation is a fix; a past figure is not
            return f"capaian {facts.year} tidak dapat dihitung ({why or 'tanpa data'})", fill
        label = facts.scale.predicate(value)
        if facts.scale.labels().index(label) <= facts.on_target:
            return None
        return (f"capaian {facts.year} {percent(value)} ({label}), di bawah predikat capaian 100% "
                f"({facts.scale.predicate(TARGET_MET)})", False)
    if rule == "tanpa_iku":
        has = any(r.get("iku") for r in pemda.chosen_indicators(ref))
        return None if has else ("sasaran tanpa IKU", True)
    if rule == "tanpa_anggaran":
        return None if ref in facts.funded else (f"tanpa baris anggaran {facts.year or ''}".strip(), True)
    if rule == "manual_belum_lengkap":
        gaps = facts.manual_gaps.get(ref)
        return (f"Manual IKU belum diisi: {gaps}", True) if gaps else None
    raise ValueError(f"Aturan unsur tidak dikenal di tabel kriteria LKE: {rule!r}")


def _element(facts: _Facts, criterion: Criterion, ref: str, owner: str, row: dict) -> Element:
    """One element of a criterion: held back by every finding tagged with the criterion that
    sits on it, and by the criterion's extra rules."""
    held: list[tuple[str, bool]] = []
    seen = set()
    for finding in facts.findings_on(criterion.elements, ref, owner, row):
        if finding.criterion == criterion.code and id(finding) not in seen:
            seen.add(id(finding))
            held.append((f"{finding.code}: {finding.message}", facts.fixable(finding)))
    for rule in criterion.fails:
        failed = _why_failed(facts, rule, criterion.elements, ref, row)
        if failed and not (held and rule == "capaian_di_bawah_predikat_target"
                           and facts.achievement.get(ref, (None, ""))[0] is None):
            held.append(failed)  # (a missing figure a finding already names is said once)
    codes = tuple(dict.fromkeys(f.code for f in facts.findings_on(criterion.elements, ref, owner, row)
                                if f.criterion == criterion.code))
    return Element(ref, owner, not held, "; ".join(w for w, _ in held), len(held),
                   all(fix for _, fix in held), codes)


def _available(facts: _Facts, criterion: Criterion) -> bool:
    """Whether the workbook holds the data a criterion's elements are judged on."""
    tables = facts.pemda.tables
    if criterion.elements == "permintaan_crosscutting":
        return tables["lintas_opd"].present and bool(tables["lintas_opd"].rows)
    if criterion.elements == "output_opd" and "tanpa_anggaran" in criterion.fails:
        return tables["anggaran"].present and bool(tables["anggaran"].rows)
    if "capaian_di_bawah_predikat_target" in criterion.fails:
        return facts.year is not None and facts.year in facts.pemda.realised_years()
    return True


def estimate(checked: Checked, year: int | None = None, config: AchievementConfig | None = None,
             criteria: list[Criterion] | None = None, grades: tuple[Grade, ...] | None = None,
             kode_opd: str | None = None,
             scale: str | Scale = DEFAULT_SCALE) -> dict[str | None, list[Estimate]]:
    """The estimate of every criterion for every OPD (key: its code) and the Pemda (key None);
    with ``kode_opd``, for that OPD only (key: its code), which is quicker on a large Pemda.

    ``checked`` is the checked model whose findings hold the elements back; ``year`` the assessed
    year (default: the checked model's). The Pemda's elements are all elements (its own rows and
    every OPD's); an OPD's are those of its own conditions, indicators and requests.
    """
    pemda = checked.pemda
    year = checked.year if year is None else year
    criteria = read_criteria() if criteria is None else criteria
    grades = read_grades() if grades is None else grades
    facts = _Facts(checked, year, config, get_scale(scale), kode_opd)
    codes = pemda.opd_codes() if kode_opd is None else [kode_opd]
    result: dict[str | None, list[Estimate]] = {code: [] for code in ([None, *codes] if kode_opd is None
                                                                      else codes)}
    for criterion in criteria:
        by_opd: dict[str | None, list[Element]] = {code: [] for code in [None, *codes]}
        if criterion.elements and _available(facts, criterion):
            for ref, owner, row in _members(facts, criterion.elements):
                if kode_opd is not None and owner != kode_opd:
                    continue
                element = _element(facts, criterion, ref, owner, row)
                by_opd[None].append(element)
                if owner in by_opd:
                    by_opd[owner].append(element)
        for code in result:
            related = [] if by_opd[code] else [
                f for f in checked.by_criterion(criterion.code) if code is None or f.kode_opd == code]
            result[code].append(Estimate(criterion, by_opd[code], grades, related))
    return result


def answer_counts(estimates: list[Estimate]) -> list[tuple[str, int]]:
    """How many decided criteria got each answer, in the grades' order (BB first); answers no
    criterion got are left out."""
    answers = [e.answer for e in estimates if e.decided]
    return [(g.answer, answers.count(g.answer)) for g in read_grades() if g.answer in answers]


def iku_changes(old, new, kode_opd: str) -> list[str]:
    """How an OPD's IKU set per sasaran changed from an earlier version of the workbook (the
    criterion 1.b.6 point "stays the same across the Renstra period"), one line per sasaran that
    changed. Said, not counted: between two drafts of one asistensi a changed IKU is usually the
    fix; whether the set held across the years is for the evaluator, from the documents."""
    def sets(pemda) -> dict[str, set[str]]:
        return {n: {r["id"] for r in pemda.chosen_indicators(n) if r.get("iku")}
                for n in pemda.owned_by(kode_opd) if pemda.level(n) in ("ultimate", "intermediate")}

    before, after = sets(old), sets(new)
    lines = []
    for node in [*after, *(n for n in before if n not in after)]:
        added, removed = sorted(after.get(node, set()) - before.get(node, set())), sorted(
            before.get(node, set()) - after.get(node, set()))
        if added or removed:
            parts = ([f"ditambah {', '.join(added)}"] if added else []) + (
                [f"dihapus {', '.join(removed)}"] if removed else [])
            lines.append(f"{node}: IKU {'; '.join(parts)}")
    return lines


ESTIMATE_COLUMNS = ["kriteria", "komponen", "subkomponen", "uraian", "jawaban", "persen", "unsur",
                    "terpenuhi", "cara_hitung", "tertahan", "naik_satu_tingkat", "bukti_evaluator"]


def _related(findings: list[Finding], limit: int) -> str:
    """The findings tagged with a criterion the workbook does not decide: material for the
    evaluator, not a grade."""
    if not findings:
        return ""
    shown = "; ".join(f"{f.code} {f.ref}" for f in findings[:limit])
    more = f"; dan {len(findings) - limit} lagi" if len(findings) > limit else ""
    return f"temuan pohon-nb terkait (bahan untuk evaluator): {shown}{more}"


def _cannot_raise(estimate: Estimate) -> str:
    """Why no fix is proposed for a criterion below BB: what holds it back cannot change now."""
    if not estimate.decided or estimate.answer == "BB" or not estimate.fixed_by_past:
        return ""
    return (f"tidak dapat naik dengan mengubah workbook: {len(estimate.fixed_by_past)} unsur tertahan "
            f"oleh capaian atau target tahun yang sudah berjalan (jangan turunkan targetnya; jelaskan "
            f"sebabnya di LKjIP)")


def by_rule(elements: list[Element], limit: int = 8) -> str:
    """Elements named by the rules that hold them back, the finding's text left to the findings
    table: "M23 pada X.1.I1, X.2.I1 dan 7 lagi; M07 pada X.1.I1". Elements no finding holds back
    (a target not met, a Manual IKU field) keep their reason, ``limit`` of them in all."""
    groups: dict[str, list[str]] = {}
    plain: list[Element] = []
    for element in elements:
        if element.codes:
            groups.setdefault(", ".join(element.codes), []).append(element.ref)
        else:
            plain.append(element)
    parts = []
    for key, refs in groups.items():
        more = f" dan {len(refs) - limit} lagi" if len(refs) > limit else ""
        parts.append(f"{key} pada {', '.join(refs[:limit])}{more}")
    parts += [f"{e.ref} ({e.why})" for e in plain[:limit]]
    if len(plain) > limit:
        parts.append(f"dan {len(plain) - limit} unsur lain")
    return "; ".join(parts)


def table(estimates: list[Estimate], limit: int = 8, short: bool = False) -> pd.DataFrame:
    """One row per criterion: the answer, the share, what holds it back and what would raise it
    (each listing at most ``limit`` elements, then "dan N lagi"). ``short``: elements named by
    rule and id (:func:`by_rule`), for a report whose findings table already carries the texts."""
    def listed(elements: list[Element]) -> str:
        if short:
            return by_rule(elements, limit)
        shown = "; ".join(f"{e.ref} ({e.why})" for e in elements[:limit])
        return shown + (f"; dan {len(elements) - limit} lagi" if len(elements) > limit else "")

    records = [{
        "kriteria": e.criterion.code, "komponen": e.criterion.component,
        "subkomponen": e.criterion.subcomponent, "uraian": e.criterion.text, "jawaban": e.answer,
        "persen": e.share, "unsur": len(e.elements), "terpenuhi": sum(x.fulfilled for x in e.elements),
        "cara_hitung": e.criterion.counting,
        "tertahan": listed(e.held_back) if e.decided else _related(e.related, limit),
        "naik_satu_tingkat": listed(e.to_raise()) or _cannot_raise(e),
        "bukti_evaluator": "" if e.decided else (e.criterion.evidence or "bukti dokumen"),
    } for e in estimates]
    return pd.DataFrame(records, columns=ESTIMATE_COLUMNS)


PULL_COLUMNS = ["kriteria", "jawaban", "opd_terendah"]


def pulls(estimates: dict, pemda, limit: int = 3) -> pd.DataFrame:
    """Per criterion the Pemda's answer decides, the OPDs that pull it down most.

    ``estimates`` is :func:`estimate`'s result for the whole Pemda (key None and every OPD).
    ``opd_terendah`` names up to ``limit`` OPDs with the lowest share of fulfilled elements
    below 100%, each with its answer and share, or "semua OPD BB".
    """
    records = []
    for index, pemda_estimate in enumerate(estimates[None]):
        if not pemda_estimate.decided:
            continue
        by_opd = [(estimates[code][index], code) for code in pemda.opd_codes()
                  if estimates[code][index].decided]
        low = sorted(by_opd, key=lambda pair: pair[0].share)[:limit]
        records.append({"kriteria": pemda_estimate.criterion.code, "jawaban": pemda_estimate.answer,
                        "opd_terendah": "; ".join(f"{pemda.opd_short(c)} {e.answer} ({percent(e.share)})"
                                                  for e, c in low if e.share < 100) or "semua OPD BB"})
    return pd.DataFrame(records, columns=PULL_COLUMNS)
