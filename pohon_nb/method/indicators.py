"""Indicator quality: SMART and CREAM scores with reasons, IKU selection, the Manual IKU.

Each criterion is scored 0-2. The automatic pre-score reads what the workbook says
(:data:`CRITERIA` holds one rule per criterion: what earns 2, 1 and 0); assessors' scores
in ``penilaian_indikator`` override it criterion by criterion (their mean), and a spread of
2 points between assessors is flagged as disagreement.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..core.columns import label
from ..reading import schema
from ..reading.model import Pemda, is_chosen
from ..reading.workbook import Range
from .wording import MEASURE_WORDS, RATIO_WORDS, STANDARD_INDICATORS, VAGUE_WORDS, measure_kind


def standard_indicator(name: str) -> str | None:
    """The body that defines a standard national indicator named ``name`` (else None)."""
    lowered = " ".join(re.findall(r"[a-z0-9-]+", name.lower()))
    for key, body in STANDARD_INDICATORS.items():
        if lowered == key or lowered.startswith(key + " ") or f"({key})" in name.lower():
            return body
    return None


def indicator_kind(row: dict) -> str | None:
    """What an indicator measures: its name when the name is an impact or outcome measure
    ("Jumlah kematian ibu" counts an outcome, whatever ``jenis`` says), else ``jenis``, else
    what the name says (:func:`~pohon_nb.method.wording.measure_kind`), else None."""
    named = measure_kind(row.get("nama") or "")
    if named in ("dampak", "outcome"):
        return named
    return row.get("jenis") or named


TYPE_FOR_LEVEL = {"ultimate": ("dampak", "outcome"), "intermediate": ("outcome", "dampak"),
                  "immediate": ("outcome",), "output": ("output",), "aksi": ("output", "input")}


@dataclass(frozen=True)
class Context:
    """What the scoring rules read about one indicator."""

    row: dict
    level: str | None
    targets: list[tuple[int, float | Range]]
    period: list[int]
    realised: list[int]


Rule = Callable[[Context], tuple[int, str]]


def _name(ctx: Context) -> str:
    return (ctx.row.get("nama") or "").strip()


def _vague(name: str) -> list[str]:
    words = re.findall(r"[a-z]+", name.lower())
    return [w for w in VAGUE_WORDS if w in words]


def _measured(name: str) -> bool:
    return name.lower().startswith(MEASURE_WORDS)


def specific(ctx: Context) -> tuple[int, str]:
    name = _name(ctx)
    if not name:
        return 0, "nama indikator kosong"
    body = standard_indicator(name)
    if body:
        return 2, f"indikator standar nasional (definisi baku: {body})"
    vague = _vague(name)
    if vague and not _measured(name):
        return 0, f"kata kabur tanpa ukuran: {', '.join(vague)}"
    if vague:
        return 1, f"memuat kata kabur ({', '.join(vague)}); pastikan definisinya terukur"
    if not _measured(name):
        return 1, "nama tidak diawali ukuran (persentase, jumlah, indeks, ...)"
    return 2, "nama menyebut ukuran yang jelas"


def measurable(ctx: Context) -> tuple[int, str]:
    unit, formula, name = ctx.row.get("satuan"), ctx.row.get("formula"), _name(ctx)
    if not unit:
        return 0, "satuan belum diisi"
    if formula:
        return 2, "satuan dan formula ada"
    body = standard_indicator(name)
    if body:
        return 2, f"satuan ada; cara hitungnya baku ({body})"
    if not name.lower().startswith(RATIO_WORDS):
        return 2, "satuan ada; bukan rasio, jadi tidak perlu rumus pembilang/penyebut"
    return 1, "satuan ada; indikator rasio tanpa formula (pembilang/penyebut) belum diisi"


def achievable(ctx: Context) -> tuple[int, str]:
    if not ctx.targets:
        return 0, "belum ada target"
    polarity, baseline = ctx.row.get("polaritas"), ctx.row.get("baseline")
    if polarity == "stabil":  # a clear polarity (as the IKU ranking credits it): a band to keep
        if baseline is None:
            return 1, "polaritas stabil; baseline belum diisi: rentang target tidak dapat dibandingkan"
        return 2, "polaritas stabil: target rentang yang dijaga, dibandingkan dengan baseline"
    if polarity not in ("maks", "min"):
        return 1, "polaritas belum diisi: ambisi target tidak dapat dinilai"
    sign = 1 if polarity == "maks" else -1
    mids = [t.mid if isinstance(t, Range) else t for _, t in ctx.targets]
    against = any(sign * (b - a) < 0 for a, b in zip(mids, mids[1:]))
    weaker = baseline is not None and sign * (mids[0] - baseline) < 0
    if against and weaker:
        return 0, "target bergerak berlawanan polaritas dan di bawah baseline"
    if against:
        return 1, "target bergerak berlawanan dengan polaritas"
    if weaker:
        return 1, "target pertama kurang menantang dibanding baseline"
    if baseline is None:
        return 1, "baseline belum diisi: ambisi target tidak dapat dinilai"
    return 2, "target searah polaritas dan lebih baik dari baseline"


def relevant(ctx: Context) -> tuple[int, str]:
    kind, level = ctx.row.get("jenis"), ctx.level
    if not level:
        return 1, "kondisi yang diukur tidak ditemukan"
    if not kind:
        return 1, "jenis indikator belum diisi"
    if kind in TYPE_FOR_LEVEL.get(level, ()):
        return 2, f"jenis {kind} sesuai level {level}"
    if level in schema.OUTCOME_LEVELS and kind in ("output", "input"):
        return 0, f"indikator {kind} untuk kondisi level {level}"
    return 1, f"jenis {kind} kurang lazim untuk level {level}"


def time_bound(ctx: Context) -> tuple[int, str]:
    years = {y for y, _ in ctx.targets}
    if not years:
        return 0, "belum ada target tahunan"
    missing = [y for y in ctx.period if y not in years]
    if missing:
        return 1, f"target belum ada untuk tahun {', '.join(map(str, missing))}"
    return 2, "target ada untuk setiap tahun periode"


def clear(ctx: Context) -> tuple[int, str]:
    score, reason = specific(ctx)
    if ctx.row.get("definisi") or standard_indicator(_name(ctx)):
        return min(2, score + (score > 0)), f"{reason}; definisi ada"
    return min(score, 1), f"{reason}; definisi belum diisi"


def economic(ctx: Context) -> tuple[int, str]:
    source = ctx.row.get("sumber_data")
    if source:
        return 2, f"sumber data tersedia: {source}"
    return 1, "sumber data belum disebut: biaya pengumpulan data tidak dapat dinilai"


def adequate(ctx: Context) -> tuple[int, str]:
    formula, definition = ctx.row.get("formula"), ctx.row.get("definisi")
    body = standard_indicator(_name(ctx))
    if body:
        return 2, f"definisi dan cara hitung baku ({body})"
    if formula and definition:
        return 2, "definisi dan formula cukup sebagai dasar penilaian kinerja"
    if formula or definition:
        return 1, "baru " + ("formula" if formula else "definisi") + " yang diisi"
    return 0, "definisi dan formula belum diisi"


def monitorable(ctx: Context) -> tuple[int, str]:
    source = bool(ctx.row.get("sumber_data"))
    tracked = bool(ctx.row.get("frekuensi")) or bool(ctx.realised)
    if source and tracked:
        return 2, "sumber data dan frekuensi/realisasi tercatat"
    if source or tracked:
        return 1, "sumber data belum disebut" if not source else "frekuensi dan realisasi belum ada"
    return 0, "sumber data, frekuensi dan realisasi belum ada"


LOW_SCORE = 70
"""SMART or CREAM score (percent of the ten points) below which an indicator is called weak."""
CRITERIA: dict[str, tuple[str, str, Rule]] = {
    "smart_s": ("SMART", "Specific", specific),
    "smart_m": ("SMART", "Measurable", measurable),
    "smart_a": ("SMART", "Achievable", achievable),
    "smart_r": ("SMART", "Relevant", relevant),
    "smart_t": ("SMART", "Time-bound", time_bound),
    "cream_c": ("CREAM", "Clear", clear),
    "cream_r": ("CREAM", "Relevant", relevant),
    "cream_e": ("CREAM", "Economic", economic),
    "cream_a": ("CREAM", "Adequate", adequate),
    "cream_m": ("CREAM", "Monitorable", monitorable),
}
"""Criterion column -> (framework, criterion, automatic rule)."""


def _contexts(pemda: Pemda, kode_opd: str | None):
    start, end = pemda.info.get("periode_awal"), pemda.info.get("periode_akhir")
    period = list(range(start, end + 1)) if start and end and start <= end else list(pemda.years)
    for row in pemda.tables["indikator"].rows:
        if not row.get("id") or row.get("_ganda"):
            continue
        node = pemda.tree.nodes.get(row.get("id_pohon"), {})
        if kode_opd is not None and node.get("kode_opd") != kode_opd:
            continue
        targets = [(y, row[f"target_{y}"]) for y in pemda.years if row.get(f"target_{y}") is not None]
        realised = [y for y in pemda.years if row.get(f"realisasi_{y}") is not None]
        yield Context(row, node.get("level"), targets, period, realised)


def _assessments(pemda: Pemda) -> dict[str, dict[str, list[int]]]:
    scores: dict[str, dict[str, list[int]]] = {}
    for row in pemda.tables["penilaian_indikator"].rows:
        ind = row.get("id_indikator")
        if not ind:
            continue
        for column in CRITERIA:
            if row.get(column) is not None:
                scores.setdefault(ind, {}).setdefault(column, []).append(row[column])
    return scores


REASON_COLUMNS = ["id_indikator", "id_pohon", "nama", "kerangka", "kriteria", "kolom",
                  "skor_otomatis", "alasan", "skor_penilai", "jumlah_penilai", "beda_pendapat",
                  "skor"]


def score_reasons(pemda: Pemda, kode_opd: str | None = None) -> pd.DataFrame:
    """Every criterion of every indicator: the automatic score and why, the assessors' mean.

    Columns: ``id_indikator, id_pohon, nama, kerangka`` (SMART/CREAM), ``kriteria, kolom``
    (e.g. smart_s), ``skor_otomatis`` (0-2), ``alasan``, ``skor_penilai`` (mean, or None),
    ``jumlah_penilai``, ``beda_pendapat`` (assessors 2 points apart), ``skor`` (the
    assessors' mean when any, else the automatic score).
    """
    assessed = _assessments(pemda)
    records = []
    for ctx in _contexts(pemda, kode_opd):
        ind_scores = assessed.get(ctx.row["id"], {})
        for column, (framework, criterion, rule) in CRITERIA.items():
            auto, reason = rule(ctx)
            given = ind_scores.get(column, [])
            mean = sum(given) / len(given) if given else None
            records.append({
                "id_indikator": ctx.row["id"], "id_pohon": ctx.row.get("id_pohon"),
                "nama": ctx.row.get("nama"), "kerangka": framework, "kriteria": criterion,
                "kolom": column, "skor_otomatis": auto, "alasan": reason,
                "skor_penilai": mean, "jumlah_penilai": len(given),
                "beda_pendapat": bool(given) and max(given) - min(given) >= 2,
                "skor": mean if mean is not None else auto,
            })
    return pd.DataFrame(records, columns=REASON_COLUMNS)


SCORE_COLUMNS = ["id_indikator", "id_pohon", "kode_opd", "level", "nama", "iku", "dipilih",
                 *CRITERIA, "skor_smart", "skor_cream", "sumber_skor", "beda_pendapat"]


def indicator_scores(pemda: Pemda, kode_opd: str | None = None) -> pd.DataFrame:
    """SMART and CREAM per indicator, one row each.

    Columns: ``id_indikator, id_pohon, kode_opd, level, nama, iku, dipilih``, the ten
    criterion columns (``smart_s`` ... ``cream_m``, 0-2), ``skor_smart`` and ``skor_cream``
    (percent of the 10 points), ``sumber_skor`` (otomatis, penilai or campuran) and
    ``beda_pendapat`` (the criteria where assessors disagree, named as
    readers say them: "SMART: relevan, CREAM: jelas").
    """
    return pemda.memo(("indicator_scores", kode_opd), lambda: _indicator_scores(pemda, kode_opd)).copy()


def _indicator_scores(pemda: Pemda, kode_opd: str | None) -> pd.DataFrame:
    reasons = score_reasons(pemda, kode_opd)
    records = []
    for ind_id, group in reasons.groupby("id_indikator", sort=False):
        scores = dict(zip(group["kolom"], group["skor"]))
        assessed = group["jumlah_penilai"] > 0
        node_id = group["id_pohon"].iloc[0]
        node = pemda.tree.nodes.get(node_id, {})
        source = ("penilai" if assessed.all() else "campuran" if assessed.any() else "otomatis")
        records.append({
            "id_indikator": ind_id, "id_pohon": node_id, "kode_opd": node.get("kode_opd"),
            "level": node.get("level"), "nama": group["nama"].iloc[0],
            **scores,
            "skor_smart": sum(scores[c] for c in CRITERIA if c.startswith("smart")) * 10,
            "skor_cream": sum(scores[c] for c in CRITERIA if c.startswith("cream")) * 10,
            "sumber_skor": source,
            "beda_pendapat": ", ".join(label(c) for c in group.loc[group["beda_pendapat"], "kolom"]),
        })
    table = pd.DataFrame(records, columns=[c for c in SCORE_COLUMNS if c not in ("iku", "dipilih")])
    flags = {r["id"]: (r.get("iku"), is_chosen(r)) for r in pemda.tables["indikator"].rows
             if r.get("id")}
    table.insert(5, "iku", [flags[i][0] for i in table["id_indikator"]])
    table.insert(6, "dipilih", [flags[i][1] for i in table["id_indikator"]])
    return table


# --------------------------------------------------------------------------- IKU selection

RECOMMEND_COLUMNS = ["id_pohon", "pernyataan", "kode_opd", "id_indikator", "nama", "jenis",
                     "iku_sekarang", "skor", "peringkat", "seri", "direkomendasikan", "alasan"]

TARGET_MERIT = "target setiap tahun periode"
"""The merit a target finding (e.g. M07: not challenging) takes away: a flagged target set is not
a defensible one, whatever its years."""


IKU_MERIT: tuple[tuple[int, str, Callable[[Context], bool]], ...] = (
    (3, "ukuran hasil yang jelas", lambda ctx: specific(ctx)[0] == 2),
    (2, "sumber data disebut", lambda ctx: bool(ctx.row.get("sumber_data"))),
    (2, "polaritas jelas", lambda ctx: ctx.row.get("polaritas") in schema.POLARITIES),
    (2, TARGET_MERIT, lambda ctx: time_bound(ctx)[0] == 2),
    (1, "baseline ada", lambda ctx: ctx.row.get("baseline") is not None),
)
"""What makes an IKU defensible under criteria 1.b.5 and 1.b.6, with its points (10 in all):
a clear measure of the result (a standard national indicator counts), its data source, its
polarity, a target for every year, a baseline. Filled-in prose fields earn nothing here."""


def iku_merit(ctx: Context) -> tuple[int, str]:
    """An indicator's IKU merit (0-100) and the reasons, point by point."""
    earned = [(points, what) for points, what, test in IKU_MERIT if test(ctx)]
    missing = [what for points, what, test in IKU_MERIT if not test(ctx)]
    score = 10 * sum(points for points, _ in earned)
    why = ", ".join(f"{what} (+{points})" for points, what in earned) or "belum ada"
    return score, why + (f"; kurang: {', '.join(missing)}" if missing else "")


def recommend_iku(pemda: Pemda, kode_opd: str | None = None, max_per_sasaran: int = 3,
                  max_per_opd: int = 20, flagged: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """A recommended IKU set per sasaran (intermediate and ultimate conditions).

    Candidates on a sasaran must be measures of its level (an output or input indicator is
    never recommended as IKU of an outcome); they are ranked by :func:`iku_merit` (see
    :data:`IKU_MERIT`), then by whether they are IKU now. The top ``max_per_sasaran`` are
    recommended; when an OPD's total exceeds ``max_per_opd`` the lowest-scored are dropped.
    ``flagged`` maps an indicator id to the target findings on it (the checked model's M06, M07,
    M24, M25): such an indicator earns nothing for its targets. Candidates equal in fit and score
    across the cut-off are ``seri`` (as USG ties are) and say so: the order among them is the
    workbook's, not a judgment, and the OPD decides. ``alasan`` gives the rank and
    the points behind the score.
    """
    flagged = flagged or {}
    contexts = {ctx.row["id"]: ctx for ctx in _contexts(pemda, kode_opd)}
    records = []
    for node_id in pemda.tree_order():
        node = pemda.node(node_id)
        level = node.get("level")
        if level not in ("ultimate", "intermediate"):
            continue
        if kode_opd is not None and node.get("kode_opd") != kode_opd:
            continue
        ranked = []
        for row in pemda.indicators_of(node_id):
            if row["id"] not in contexts:
                continue
            fit = row.get("jenis") in TYPE_FOR_LEVEL[level] or row.get("jenis") is None
            merit, points = iku_merit(contexts[row["id"]])
            codes = flagged.get(row["id"])
            if codes and f"{TARGET_MERIT} (+2)" in points:
                merit -= 20
                points = points.replace(f"{TARGET_MERIT} (+2)", f"target ditandai {', '.join(codes)} (+0)")
            ranked.append((not fit, -merit, not row.get("iku"), row, merit, fit, points))
        ranked.sort(key=lambda item: item[:3])
        cut = ranked[max_per_sasaran - 1][:2] if len(ranked) > max_per_sasaran else None
        tied_at_cut = cut is not None and ranked[max_per_sasaran][:2] == cut and not cut[0]
        for rank, (unfit, score, _, row, mean, fit, points) in enumerate(ranked, start=1):
            tie = tied_at_cut and (unfit, score) == cut
            chosen = fit and rank <= max_per_sasaran
            why = (f"jenis {row.get('jenis')} bukan ukuran level {level}" if not fit else
                   f"peringkat {rank} dari {len(ranked)}" + (
                       f"; SERI di batas {max_per_sasaran} (skor {mean} sama dengan calon "
                       f"{'di luar' if chosen else 'di dalam'} batas): putuskan bersama OPD mana "
                       f"yang dipakai" if tie else "" if chosen else f"; melebihi batas {max_per_sasaran}"))
            why += f"; {points}"
            records.append({
                "id_pohon": node_id, "pernyataan": node.get("pernyataan"),
                "kode_opd": node.get("kode_opd"), "id_indikator": row["id"],
                "nama": row.get("nama"), "jenis": row.get("jenis"), "iku_sekarang": bool(row.get("iku")),
                "skor": mean, "peringkat": rank, "seri": tie, "direkomendasikan": chosen, "alasan": why,
            })
    table = pd.DataFrame(records, columns=RECOMMEND_COLUMNS)
    table = table.astype({"iku_sekarang": bool, "seri": bool, "direkomendasikan": bool})
    for _, group in table[table["direkomendasikan"]].groupby("kode_opd"):
        extra = len(group) - max_per_opd
        if extra > 0:
            drop = group.sort_values("skor", kind="stable").index[:extra]
            table.loc[drop, "direkomendasikan"] = False
            table.loc[drop, "alasan"] += f"; dikeluarkan: OPD melebihi {max_per_opd} IKU"
    return table


# --------------------------------------------------------------------------- Manual IKU

MANUAL_FIELDS = [
    ("kode", "Kode"), ("nama", "Nama indikator"), ("sasaran", "Sasaran yang diukur"),
    ("definisi", "Definisi"), ("alasan", "Alasan pemilihan"), ("formula", "Formula"),
    ("satuan", "Satuan"), ("jenis", "Jenis indikator"), ("polaritas", "Polaritas"),
    ("validitas", "Validitas"), ("tingkat_kendali", "Tingkat kendali"),
    ("frekuensi", "Frekuensi pengukuran"), ("konsolidasi", "Konsolidasi periode"),
    ("sumber_data", "Sumber data"), ("penanggung_jawab", "Penanggung jawab"),
    ("baseline", "Baseline"), ("tahun_baseline", "Tahun baseline"),
    ("jenis_cascading", "Jenis cascading"),
]
"""Manual IKU fields (``docs/metode.md``, "Indikator") and their Indonesian labels; yearly targets follow."""


def manual_iku(pemda: Pemda, kode_opd: str | None = None) -> pd.DataFrame:
    """The Manual IKU of the chosen IKU indicators, one row each, in tree order.

    Columns: ``kode_opd`` and the fields of :data:`MANUAL_FIELDS`, then ``target_<year>``
    for every year (a range is shown as text "10–15"), then ``belum_diisi`` (the fields
    still empty).
    """
    records = []
    for node_id in pemda.tree_order():
        node = pemda.node(node_id)
        if kode_opd is not None and node.get("kode_opd") != kode_opd:
            continue
        for row in pemda.chosen_indicators(node_id):
            if not row.get("iku"):
                continue
            record = {"kode_opd": node.get("kode_opd"), "kode": row["id"],
                      "sasaran": node.get("pernyataan")}
            for field, _ in MANUAL_FIELDS:
                record.setdefault(field, row.get(field))
            for year in pemda.years:
                target = row.get(f"target_{year}")
                record[f"target_{year}"] = str(target) if isinstance(target, Range) else target
            record["belum_diisi"] = ", ".join(
                label for field, label in MANUAL_FIELDS if record.get(field) in (None, ""))
            records.append(record)
    columns = ["kode_opd", *(f for f, _ in MANUAL_FIELDS),
               *(f"target_{y}" for y in pemda.years), "belum_diisi"]
    return pd.DataFrame(records, columns=columns)
