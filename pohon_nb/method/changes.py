"""What changed between two versions of a Pemda's workbook: the asistensi loop made visible.

Between two asistensi meetings an OPD fixes its workbook; the facilitator has to show what
changed. Everything is matched by identity, never by row number (rows move): findings by rule,
id and column; conditions, indicators and problems by their ``id``; crosscutting requests by
(condition, partner, partner's condition). A row moved to another place in its sheet is not a
change.

Per OPD (``kode_opd``; "" for the Pemda's own rows):

* findings ``selesai`` (in the old version only), ``baru`` (new only), ``masih`` (both);
* conditions ``ditambah``, ``dihapus``, ``dipindah`` (another parent), ``dirumuskan ulang``
  (another statement), ``level diubah``;
* indicators ``ditambah``, ``dihapus``, ``dipilih``, ``tidak dipilih lagi``, ``target diubah``,
  ``realisasi diisi``, ``realisasi diubah``;
* crosscutting requests ``ditambah``, ``dihapus``, ``status diubah``;
* problems ``ditambah``, ``dihapus``, ``skor USG diubah`` (the problem re-scored), ``peringkat USG
  bergeser`` (moved by another's change, named), ``masalah inti bukan lagi peringkat USG 1``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from ..core.findings import RULES, Finding
from ..core.formats import number_text, quote
from ..reading.model import Pemda, is_chosen
from ..reading.workbook import Range
from .problems import USG, usg_ranking

CHANGE_COLUMNS = ["kode_opd", "bagian", "id", "perubahan", "lama", "baru"]
FINDING_COLUMNS = ["kode_opd", "status", "code", "ref", "column", "severity", "criterion", "message",
                   "letak"]
PARTS = {"kondisi": "Kondisi", "indikator": "Indikator", "crosscutting": "Crosscutting",
         "masalah": "Masalah"}


@dataclass
class Comparison:
    """Two versions of a workbook compared: ``findings`` (one row per finding with its status)
    and ``changes`` (one row per change of a condition, indicator, request or problem)."""

    old: Pemda
    new: Pemda
    findings: pd.DataFrame
    changes: pd.DataFrame

    def opd_codes(self) -> list[str]:
        """Every OPD of either version, the new version's order first."""
        return list(dict.fromkeys([*self.new.opd_codes(), *self.old.opd_codes()]))

    def counts(self, kode_opd: str | None = None) -> dict[str, int]:
        """Findings resolved, new and still open, and other changes (one OPD, or all)."""
        findings, changes = self.findings, self.changes
        if kode_opd is not None:
            findings = findings[findings["kode_opd"] == kode_opd]
            changes = changes[changes["kode_opd"] == kode_opd]
        status = Counter(findings["status"])
        return {"selesai": status["selesai"], "baru": status["baru"], "masih": status["masih"],
                "perubahan": len(changes)}

    def summary(self, kode_opd: str | None = None) -> str:
        """One line: "7 temuan selesai, 2 baru, 3 masih terbuka; 5 perubahan data"."""
        c = self.counts(kode_opd)
        return (f"{c['selesai']} temuan selesai, {c['baru']} baru, {c['masih']} masih terbuka; "
                f"{c['perubahan']} perubahan data")


def compare(old: Pemda, new: Pemda, old_findings: list[Finding] | None = None,
            new_findings: list[Finding] | None = None, config=None) -> Comparison:
    """Compare two loaded versions (findings: the load's and the method checks', unless given).

    ``config`` (a :class:`~pohon_nb.method.checks.CheckConfig`) checks both versions alike, the
    assessed year included, so a year-dependent finding never reads as resolved or new only
    because the two versions' default years differ."""
    from .checked import check

    if config is None and old_findings is None and new_findings is None:
        from .checks import CheckConfig

        config = CheckConfig(tahun=new.default_year())
    old_findings = check(old, config).findings if old_findings is None else old_findings
    new_findings = check(new, config).findings if new_findings is None else new_findings
    changes = [*_conditions(old, new), *_indicators(old, new), *_requests(old, new), *_problems(old, new)]
    return Comparison(old, new, _findings(old_findings, new_findings),
                      pd.DataFrame(changes, columns=CHANGE_COLUMNS))


# --------------------------------------------------------------------------- findings


def _key(finding: Finding) -> tuple:
    return finding.code, finding.ref, finding.column, finding.sheet


def _findings(old: list[Finding], new: list[Finding]) -> pd.DataFrame:
    """Each finding once with its status; a key found k times before and m times now gives
    min(k, m) still open and the difference resolved or new."""
    old_by, new_by = _group(old), _group(new)
    records = []
    for key in dict.fromkeys([*new_by, *old_by]):
        before, now = old_by.get(key, []), new_by.get(key, [])
        kept = min(len(before), len(now))
        records += [_finding_row(f, "masih") for f in now[:kept]]
        records += [_finding_row(f, "baru") for f in now[kept:]]
        records += [_finding_row(f, "selesai") for f in before[kept:]]
    return pd.DataFrame(records, columns=FINDING_COLUMNS)


def _group(findings: list[Finding]) -> dict[tuple, list[Finding]]:
    grouped: dict[tuple, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(_key(finding), []).append(finding)
    return grouped


def _finding_row(finding: Finding, status: str) -> dict:
    return {"kode_opd": finding.kode_opd or "", "status": status, "code": finding.code,
            "ref": finding.ref, "column": finding.column, "severity": finding.severity,
            "criterion": finding.criterion, "message": finding.message, "letak": finding.location()}


# --------------------------------------------------------------------------- rows


def _change(kode_opd, part: str, item: str, what: str, old="", new="") -> dict:
    return {"kode_opd": kode_opd or "", "bagian": part, "id": item, "perubahan": what,
            "lama": _text(old), "baru": _text(new)}


def _text(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, Range):
        return str(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number_text(value)
    return str(value)


def _conditions(old: Pemda, new: Pemda) -> list[dict]:
    records = []
    for node_id in new.tree_order():
        node = new.node(node_id)
        owner = node.get("kode_opd")
        if node_id not in old.tree:
            records.append(_change(owner, "kondisi", node_id, "ditambah", "", node.get("pernyataan")))
            continue
        before = old.node(node_id)
        if old.parent(node_id) != new.parent(node_id):
            records.append(_change(owner, "kondisi", node_id, "dipindah", old.parent(node_id) or "(puncak)",
                                   new.parent(node_id) or "(puncak)"))
        if (before.get("pernyataan") or "") != (node.get("pernyataan") or ""):
            records.append(_change(owner, "kondisi", node_id, "dirumuskan ulang", before.get("pernyataan"),
                                   node.get("pernyataan")))
        if before.get("level") != node.get("level"):
            records.append(_change(owner, "kondisi", node_id, "level diubah", before.get("level"),
                                   node.get("level")))
        if (before.get("kode_opd") or "") != (owner or ""):
            records.append(_change(owner, "kondisi", node_id, "OPD diubah", before.get("kode_opd"), owner))
    for node_id in old.tree_order():
        if node_id not in new.tree:
            node = old.node(node_id)
            records.append(_change(node.get("kode_opd"), "kondisi", node_id, "dihapus",
                                   node.get("pernyataan")))
    return records


def _indicator_rows(pemda: Pemda) -> dict[str, dict]:
    return {r["id"]: r for r in pemda.tables["indikator"].rows if r.get("id") and not r.get("_ganda")}


def _owner(pemda: Pemda, row: dict) -> str:
    node = row.get("id_pohon")
    return (pemda.node(node).get("kode_opd") or "") if node in pemda.tree else ""


def _indicators(old: Pemda, new: Pemda) -> list[dict]:
    before, now = _indicator_rows(old), _indicator_rows(new)
    years = sorted(set(old.years) | set(new.years))
    records = []
    for item, row in now.items():
        owner = _owner(new, row)
        if item not in before:
            records.append(_change(owner, "indikator", item, "ditambah", "",
                                   f"{row.get('nama')} (kondisi {row.get('id_pohon')})"))
            continue
        was = before[item]
        if is_chosen(was) != is_chosen(row):
            records.append(_change(owner, "indikator", item,
                                   "dipilih" if is_chosen(row) else "tidak dipilih lagi",
                                   "ya" if is_chosen(was) else "tidak", "ya" if is_chosen(row) else "tidak"))
        if was.get("id_pohon") != row.get("id_pohon"):
            records.append(_change(owner, "indikator", item, "kondisi diubah", was.get("id_pohon"),
                                   row.get("id_pohon")))
        moved = [(y, was.get(f"target_{y}"), row.get(f"target_{y}")) for y in years
                 if _text(was.get(f"target_{y}")) != _text(row.get(f"target_{y}"))]
        if moved:
            records.append(_change(owner, "indikator", item, "target diubah",
                                   "; ".join(f"{y}: {_text(a) or '-'}" for y, a, _ in moved),
                                   "; ".join(f"{y}: {_text(b) or '-'}" for y, _, b in moved)))
        # A realisation filled in or corrected changes the achievement and may close a finding (M23).
        realised = [(y, was.get(f"realisasi_{y}"), row.get(f"realisasi_{y}")) for y in years
                    if _text(was.get(f"realisasi_{y}")) != _text(row.get(f"realisasi_{y}"))]
        if realised:
            kind = "realisasi diisi" if all(not _text(a) for _, a, _ in realised) else "realisasi diubah"
            records.append(_change(owner, "indikator", item, kind,
                                   "; ".join(f"{y}: {_text(a) or '-'}" for y, a, _ in realised),
                                   "; ".join(f"{y}: {_text(b) or '-'}" for y, _, b in realised)))
    for item, row in before.items():
        if item not in now:
            records.append(_change(_owner(old, row), "indikator", item, "dihapus",
                                   f"{row.get('nama')} (kondisi {row.get('id_pohon')})"))
    return records


def _request_rows(pemda: Pemda) -> dict[tuple, dict]:
    rows = {}
    for row in pemda.tables["lintas_opd"].rows:
        key = (row.get("id_pohon"), row.get("kode_opd_mitra"), row.get("id_pohon_mitra") or "")
        rows.setdefault(key, row)
    return rows


def _requests(old: Pemda, new: Pemda) -> list[dict]:
    before, now = _request_rows(old), _request_rows(new)
    records = []
    for key, row in now.items():
        label = f"{key[0]} → {new.opd_short(key[1])}" + (f" ({key[2]})" if key[2] else "")
        owner = _owner(new, row)
        status = row.get("status") or "usulan"
        if key not in before:
            records.append(_change(owner, "crosscutting", label, "ditambah", "", status))
        elif (before[key].get("status") or "usulan") != status:
            records.append(_change(owner, "crosscutting", label, "status diubah",
                                   before[key].get("status") or "usulan", status))
    for key, row in before.items():
        if key not in now:
            label = f"{key[0]} → {old.opd_short(key[1])}" + (f" ({key[2]})" if key[2] else "")
            records.append(_change(_owner(old, row), "crosscutting", label, "dihapus",
                                   row.get("status") or "usulan"))
    return records


def _scores(data: dict) -> str:
    """A problem's USG scores as read: "U5 S4 G4 = 13", or "belum dinilai"."""
    values = [data.get(c) for c in USG]
    if any(v is None for v in values):
        return "belum dinilai"
    return f"U{number_text(values[0])} S{number_text(values[1])} G{number_text(values[2])} = " \
           f"{number_text(sum(values))}"


def _problems(old: Pemda, new: Pemda) -> list[dict]:
    """Problems added and removed; a re-scored problem named as re-scored (its scores and rank
    before and after); a problem whose own scores did not change but whose rank moved, with the
    problems of its OPD that moved it; and a core problem (``inti``) no longer first by USG."""
    records = []
    old_rank = dict(zip(*[usg_ranking(old)[c] for c in ("id", "peringkat")]))
    new_rank = dict(zip(*[usg_ranking(new)[c] for c in ("id", "peringkat")]))
    movers: dict[str, list[str]] = {}  # OPD -> problems added, removed or re-scored
    for pid, data in new.problems.nodes(data=True):
        if pid not in old.problems or _scores(old.problems.nodes[pid]) != _scores(data):
            movers.setdefault(data.get("kode_opd"), []).append(pid)
    for pid, data in old.problems.nodes(data=True):
        if pid not in new.problems:
            movers.setdefault(data.get("kode_opd"), []).append(pid)

    def ranked(rank) -> str:
        return f"peringkat {rank}" if rank else "tidak diperingkat"

    for pid, data in new.problems.nodes(data=True):
        owner = data.get("kode_opd")
        if pid not in old.problems:
            records.append(_change(owner, "masalah", pid, "ditambah", "", data.get("pernyataan")))
            continue
        before, after = _scores(old.problems.nodes[pid]), _scores(data)
        if before != after:
            records.append(_change(owner, "masalah", pid, "skor USG diubah",
                                   f"{before} ({ranked(old_rank.get(pid))})",
                                   f"{after} ({ranked(new_rank.get(pid))})"))
        elif old_rank.get(pid) != new_rank.get(pid):
            by = [m for m in movers.get(owner, []) if m != pid]
            moved = f"{new_rank.get(pid) or '-'}" + (f" (karena {', '.join(by)})" if by else "")
            records.append(_change(owner, "masalah", pid, "peringkat USG bergeser",
                                   str(old_rank.get(pid) or "-"), moved))
        if data.get("inti") and old_rank.get(pid) == 1 and new_rank.get(pid) != 1:
            records.append(_change(owner, "masalah", pid, "masalah inti bukan lagi peringkat USG 1",
                                   "1", f"{new_rank.get(pid) or '-'}; periksa skornya atau tinjau ulang "
                                        f"masalah intinya"))
    for pid, data in old.problems.nodes(data=True):
        if pid not in new.problems:
            records.append(_change(data.get("kode_opd"), "masalah", pid, "dihapus", data.get("pernyataan")))
    return records


# --------------------------------------------------------------------------- in words

STATUS_WORDS = {"baru": "Temuan baru", "selesai": "Temuan selesai", "masih": "Temuan masih ada"}


def finding_sentence(row) -> str:
    """One finding of a comparison in words: "Temuan baru M06 (Target bergerak berlawanan dengan
    polaritas) pada IK1b"."""
    rule = RULES.get(row.code)
    title = f" ({rule.title})" if rule else ""
    where = f" pada {row.ref}" if row.ref else ""
    return f"{STATUS_WORDS.get(row.status, row.status)} {row.code}{title}{where}"


def change_sentence(row) -> str:
    """One change of a comparison in words: "Kondisi I1 dirumuskan ulang: 'lama' menjadi 'baru'",
    "Kondisi K3 dipindah dari bawah K1 ke bawah K2"."""
    head = f"{PARTS[row.bagian]} {row.id} {row.perubahan}"
    if row.perubahan == "dipindah":
        return f"{head} dari bawah {row.lama} ke bawah {row.baru}"
    if row.perubahan == "skor USG diubah":
        return f"{head}: {row.lama} menjadi {row.baru}"
    if row.perubahan == "peringkat USG bergeser":
        return f"{head} dari peringkat {row.lama} ke {row.baru}"
    if row.perubahan.startswith("masalah inti"):
        return f"{PARTS[row.bagian]} {row.id}: {row.perubahan}, sekarang peringkat {row.baru}"
    if row.lama and row.baru:
        return f"{head}: {quote(row.lama)} menjadi {quote(row.baru)}"
    if row.baru:
        return f"{head}: {quote(row.baru)}"
    if row.lama:
        return f"{head} ({quote(row.lama)})"
    return head
