"""Method checks: what evaluators would mark down in a tree that reads correctly.

Each check is a function registered under a rule code of
:data:`pohon_nb.core.findings.RULES` (``M01`` ...); :data:`CHECKS` is the table of them and
:func:`run_checks` runs the table. The limits that differ between regions are fields of
:class:`CheckConfig`. :func:`validate` loads a workbook and returns every finding,
structure and method, most severe first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..core.findings import SEVERITY_RANK, Finding
from ..core.formats import number_text, one_decimal, quote
from ..reading import schema
from ..reading.model import Pemda, is_chosen
from ..reading.workbook import Range
from .alignment import pemda_goals_without_reference
from .config import CheckConfig  # noqa: F401 - read as checks.CheckConfig too
from .indicators import indicator_kind
from .wording import (
    ACTIVITY_WORDS,
    OUTCOME_WORDS,
    PROGRAM_NAMED,
    measure_named,
    named_measure,
    opening_word,
    statement_direction,
)

YEAR_RULES = frozenset({"M23", "M24", "M26"})
"""Rules that read the assessed year (``CheckConfig.tahun``); the others read every year."""


CheckFunction = Callable[[Pemda, CheckConfig], Iterable[Finding]]
CHECKS: dict[str, CheckFunction] = {}


def check(code: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function under a rule code."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[code] = function
        return function

    return register


# --------------------------------------------------------------------------- locating


def at_row(pemda: Pemda, sheet: str, row: dict, code: str, message: str, *,
           column: str = "", ref: str = "", kode_opd: str = "") -> Finding:
    """A finding located at one row of a sheet."""
    table = pemda.tables[sheet]
    return Finding(code, message, file=table.file, sheet=sheet, row=row.get("_baris"),
                   column=column, column_letter=table.letter(column) if column else "",
                   ref=ref, kode_opd=kode_opd)


def at_node(pemda: Pemda, node_id: str, code: str, message: str, column: str = "") -> Finding:
    node = pemda.node(node_id)
    return at_row(pemda, "pohon", node, code, message, column=column, ref=node_id,
                  kode_opd=node.get("kode_opd") or "")


def at_indicator(pemda: Pemda, row: dict, code: str, message: str, column: str = "",
                 years: Iterable[int] = ()) -> Finding:
    owner = pemda.node(row["id_pohon"]).get("kode_opd") if row.get("id_pohon") in pemda.tree else ""
    finding = at_row(pemda, "indikator", row, code, message, column=column, ref=row.get("id") or "",
                     kode_opd=owner or "")
    return replace(finding, tahun=tuple(sorted(set(years)))) if years else finding


def _nodes(pemda: Pemda, levels: Iterable[str] | None = None) -> Iterator[tuple[str, dict]]:
    wanted = set(levels) if levels is not None else None
    for node_id, node in pemda.tree.nodes(data=True):
        if wanted is None or node.get("level") in wanted:
            yield node_id, node


def _indicators(pemda: Pemda) -> Iterator[dict]:
    for row in pemda.tables["indikator"].rows:
        if row.get("id") and not row.get("_ganda"):
            yield row


# --------------------------------------------------------------------------- checks


# Activity words whose state form is itself a change that an outcome can name.


def result_rewrite(statement: str, level: str | None) -> tuple[str | None, str]:
    """A result wording for an activity-worded condition at ``level``, and the advice.

    Returns ``(proposal, advice)``; ``proposal`` is None when no wording can be derived from
    the words alone. An outcome is never offered an output wording ("Terlaksananya ..."):
    the advice then says what the condition should describe instead.
    """
    words = statement.split()
    first = words[0].lower().strip(".,:;") if words else ""
    rest = " ".join(words[1:])
    outcome = level in schema.OUTCOME_LEVELS
    better = OUTCOME_WORDS.get(first) if outcome else ACTIVITY_WORDS.get(first)
    if better:
        return f"{better} {rest}", f"mis. '{better} {rest}'"
    if outcome:
        return None, (f"sebutkan hasil yang dirasakan penerima manfaatnya, bukan kegiatannya: apa "
                      f"yang membaik bagi masyarakat atau pemerintah daerah bila {rest or 'kegiatan itu'} "
                      f"berjalan baik? Mis. 'Meningkatnya kualitas ...', 'Meningkatnya cakupan ...' "
                      f"atau 'Menurunnya ...'; 'Terlaksananya ...' masih rumusan output")
    return None, "mis. 'Tersedianya ...' atau 'Terlaksananya ...' (apa yang dihasilkan kegiatan itu)"




@check("M01")
def activity_wording(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    for node_id, node in _nodes(pemda, schema.OUTCOME_LEVELS):
        statement = node.get("pernyataan") or ""
        words = statement.split()
        first = words[0].lower().strip(".,:;") if words else ""
        if PROGRAM_NAMED.match(statement):
            measured = [i["nama"] for i in pemda.indicators_of(node_id) if i.get("nama")]
            hint = (f"indikatornya {quote(measured[0])} mengukur kondisi apa yang membaik?" if measured
                    else "mis. indikator 'Persentase ASN yang berkinerja baik' mengukur kondisi "
                         "'Meningkatnya kinerja ASN'")
            msg = (f"Kondisi level {node['level']} menyebut program, bukan hasilnya ({quote(statement)}). "
                   f"Rumuskan kondisi yang ingin dicapai program itu: {hint}")
            yield at_node(pemda, node_id, "M01", msg, "pernyataan")
            continue
        if first not in ACTIVITY_WORDS:
            continue
        _, advice = result_rewrite(statement, node.get("level"))
        msg = (f"Kondisi level {node['level']} dirumuskan sebagai kegiatan "
               f"({quote(statement)}). Rumuskan sebagai kondisi yang ingin dicapai: {advice}.")
        yield at_node(pemda, node_id, "M01", msg, "pernyataan")


@check("M02")
def condition_without_indicator(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    for node_id, node in _nodes(pemda):
        if node.get("level") == "aksi":
            continue
        rows = pemda.indicators_of(node_id)
        if not rows:
            msg = f"Kondisi {quote(node.get('pernyataan') or node_id)} belum punya indikator."
        elif not any(is_chosen(r) for r in rows):
            msg = (f"Kondisi {quote(node.get('pernyataan') or node_id)} punya {len(rows)} "
                   f"indikator kandidat tetapi belum ada yang dipilih (dipilih = ya).")
        else:
            continue
        yield at_node(pemda, node_id, "M02", msg)


@check("M03")
def outcome_measured_by_outputs(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    for node_id, node in _nodes(pemda, schema.OUTCOME_LEVELS):
        kinds = [indicator_kind(r) for r in pemda.chosen_indicators(node_id)]
        kinds = [k for k in kinds if k]
        if kinds and all(k in ("output", "input") for k in kinds):
            msg = (f"Kondisi level {node['level']} hanya diukur dengan indikator "
                   f"{'/'.join(sorted(set(kinds)))}. Tambahkan indikator outcome yang mengukur "
                   f"hasilnya, bukan keluaran kegiatannya.")
            yield at_node(pemda, node_id, "M03", msg)


@check("M04")
def too_many_iku_per_sasaran(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    for node_id, _node in _nodes(pemda):
        iku = [r for r in pemda.indicators_of(node_id) if r.get("iku")]
        if len(iku) > config.max_iku_per_sasaran:
            msg = (f"{len(iku)} IKU pada satu sasaran; batasnya {config.max_iku_per_sasaran}. "
                   f"Pilih yang paling menggambarkan hasil utama.")
            yield at_node(pemda, node_id, "M04", msg)


@check("M05")
def too_many_iku_per_opd(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    counts: Counter[str] = Counter()
    for row in _indicators(pemda):
        if row.get("iku") and row.get("id_pohon") in pemda.tree:
            owner = pemda.node(row["id_pohon"]).get("kode_opd")
            if owner:
                counts[owner] += 1
    for row in pemda.tables["opd"].rows:
        code = row.get("kode_opd")
        if code and counts[code] > config.max_iku_per_opd:
            msg = (f"OPD {quote(code)} punya {counts[code]} IKU; batasnya "
                   f"{config.max_iku_per_opd}.")
            yield at_row(pemda, "opd", row, "M05", msg, ref=code, kode_opd=code)


def _targets(pemda: Pemda, row: dict) -> list[tuple[int, float | Range]]:
    return [(y, row[f"target_{y}"]) for y in pemda.years if row.get(f"target_{y}") is not None]


def _mid(value: float | Range) -> float:
    return value.mid if isinstance(value, Range) else value


def _fmt(value: float | Range) -> str:
    return str(value) if isinstance(value, Range) else number_text(value)


@check("M06")
def targets_against_polarity(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    for row in _indicators(pemda):
        polarity = row.get("polaritas")
        if polarity not in ("maks", "min"):
            continue
        targets = _targets(pemda, row)
        moves, first_year, years = [], None, []
        for (y0, t0), (y1, t1) in zip(targets, targets[1:]):
            step = _mid(t1) - _mid(t0)
            if (polarity == "maks" and step < 0) or (polarity == "min" and step > 0):
                moves.append(f"{_fmt(t0)} ({y0}) → {_fmt(t1)} ({y1})")
                first_year = first_year or y1
                years.append(y1)
        if moves:
            way = "turun" if polarity == "maks" else "naik"
            msg = (f"Polaritas {polarity} tetapi target {way}: {'; '.join(moves)}. Target "
                   f"harus {'tidak turun' if polarity == 'maks' else 'tidak naik'} dari tahun "
                   f"ke tahun.")
            yield at_indicator(pemda, row, "M06", msg, f"target_{first_year}", years)


@check("M07")
def targets_below_achieved(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    for row in _indicators(pemda):
        polarity = row.get("polaritas")
        if polarity not in ("maks", "min"):
            continue
        known: list[tuple[int, float, str]] = []  # (year, value, what)
        if row.get("baseline") is not None:
            known.append((row.get("tahun_baseline") or 0, row["baseline"], "baseline"))
        for year in pemda.years:
            if row.get(f"realisasi_{year}") is not None:
                known.append((year, row[f"realisasi_{year}"], "realisasi"))
        weak, years = [], []
        for year, target in _targets(pemda, row):
            before = [k for k in known if k[0] < year]
            if not before:
                continue
            ref_year, ref, what = max(before, key=lambda k: k[0])
            best = (target.high if polarity == "maks" else target.low) if isinstance(
                target, Range) else target
            if (polarity == "maks" and best < ref) or (polarity == "min" and best > ref):
                when = f" {ref_year}" if ref_year else ""
                # In words, the direction the polarity asks: for min a target above what was reached.
                side = "di bawah" if polarity == "maks" else "di atas"
                weak.append(f"target {year} {_fmt(target)} {side} {what}{when} {_fmt(ref)}")
                years.append(year)
        if weak:
            easier, better = (("lebih rendah dari", "tinggi") if polarity == "maks"
                              else ("lebih tinggi dari", "rendah"))
            msg = (f"Target kurang menantang (polaritas {polarity}, makin {better} makin baik): "
                   f"{'; '.join(weak)}. Target yang {easier} capaian terakhir bernilai 0 pada "
                   f"kriteria 1.b.7.")
            yield at_indicator(pemda, row, "M07", msg, f"target_{years[0]}", years)


@check("M18")
def indicator_without_target(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    period = pemda.info.get("periode_awal"), pemda.info.get("periode_akhir")
    for row in _indicators(pemda):
        node = pemda.tree.nodes.get(row.get("id_pohon"), {})
        if not is_chosen(row) or node.get("level") == "aksi" or _targets(pemda, row):
            continue
        span = f" {period[0]}-{period[1]}" if None not in period else ""
        msg = (f"Indikator {quote(row.get('nama') or row['id'])} belum punya target tahunan. "
               f"Isi kolom target_<tahun> untuk setiap tahun periode{span}.")
        yield at_indicator(pemda, row, "M18", msg)


def _condition_children(pemda: Pemda, node_id: str) -> list[str]:
    return [c for c in pemda.children(node_id) if pemda.level(c) != "aksi"]


@check("M08")
def single_child_chains(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    for node_id, _node in _nodes(pemda):
        parent = pemda.parent(node_id)
        if parent is not None and len(_condition_children(pemda, parent)) == 1:
            continue  # not the top of a chain
        chain = [node_id]
        children = _condition_children(pemda, node_id)
        while len(children) == 1 and children[0] not in chain:
            chain.append(children[0])
            children = _condition_children(pemda, children[0])
        if len(chain) - 1 >= config.single_chain_length:
            ids = " → ".join(quote(n, 30) for n in chain)
            msg = (f"Rantai {len(chain) - 1} kondisi beranak tunggal: {ids}. Sebuah outcome "
                   f"biasanya dihasilkan beberapa kondisi bersama; periksa apakah ada kondisi "
                   f"pendukung yang terlewat.")
            yield at_node(pemda, node_id, "M08", msg)


@check("M09")
def skipped_level(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    for parent, child in pemda.tree.edges:
        p_level, c_level = pemda.level(parent), pemda.level(child)
        if not p_level or not c_level:
            continue
        gap = schema.LEVEL_RANK[c_level] - schema.LEVEL_RANK[p_level]
        if gap > 1:
            missing = schema.LEVELS[schema.LEVEL_RANK[p_level] + 1: schema.LEVEL_RANK[c_level]]
            msg = (f"Kondisi {quote(child)} ({c_level}) langsung di bawah {quote(parent)} "
                   f"({p_level}); level {', '.join(missing)} terlewati.")
            yield at_node(pemda, child, "M09", msg, "induk")


@check("M10")
def opd_not_tied_to_pemda(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    # An OPD (or a unit) is tied when any condition it owns reaches an ultimate outcome: a
    # unit owning only immediate outcomes under another's intermediate outcome is tied too.
    tied: set[str] = set()
    for node_id in pemda.tree_order():
        owner = pemda.node(node_id).get("kode_opd")
        if owner and owner not in tied and any(pemda.level(a) == "ultimate"
                                               for a in pemda.ancestors(node_id)):
            tied.add(owner)
    for row in pemda.tables["opd"].rows:
        code = row.get("kode_opd")
        if code and code not in tied:
            msg = (f"OPD {quote(row.get('nama_opd') or code)} tidak punya kondisi di bawah "
                   f"ultimate outcome Pemda; kinerjanya tidak tersambung ke sasaran daerah.")
            yield at_row(pemda, "opd", row, "M10", msg, ref=code, kode_opd=code)


@check("M11")
def crosscutting_pending(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    yield from _crosscutting_with_status(pemda, ("usulan", None), "M11")


@check("M16")
def crosscutting_rejected(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    yield from _crosscutting_with_status(pemda, ("ditolak",), "M16")


def _crosscutting_with_status(pemda: Pemda, statuses, code: str) -> Iterator[Finding]:
    for row in pemda.tables["lintas_opd"].rows:
        status = row.get("status")
        if status not in statuses:
            continue
        partner = row.get("kode_opd_mitra") or "?"
        name = pemda.opd_name(partner)
        state = {"usulan": "masih berstatus usulan", None: "belum berstatus",
                 "ditolak": "ditolak"}[status]
        advice = ("Sepakati dengan mitra sebelum asistensi." if code == "M11"
                  else "Cari mitra lain atau ubah rancangan kondisi ini.")
        msg = f"Dukungan dari {quote(name)} untuk kondisi ini {state}. {advice}"
        node = row.get("id_pohon") or ""
        owner = pemda.node(node).get("kode_opd") if node in pemda.tree else ""
        yield at_row(pemda, "lintas_opd", row, code, msg, column="status", ref=node,
                     kode_opd=owner or "")


@check("M33")
def crosscutting_to_itself(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    """A request whose partner is the OPD that owns the condition: not crosscutting (often a row
    copied from another request with its partner left unchanged)."""
    for row in pemda.tables["lintas_opd"].rows:
        node, partner = row.get("id_pohon") or "", row.get("kode_opd_mitra")
        owner = pemda.node(node).get("kode_opd") if node in pemda.tree else None
        if partner and partner == owner:
            msg = (f"Kondisi {quote(node)} meminta dukungan {quote(pemda.opd_name(partner))}, OPD pemiliknya "
                   f"sendiri: crosscutting adalah dukungan OPD lain. Isi kode_opd_mitra dengan OPD yang "
                   f"mewujudkan kondisi pendukungnya, atau hapus baris ini.")
            yield at_row(pemda, "lintas_opd", row, "M33", msg, column="kode_opd_mitra", ref=node,
                         kode_opd=owner)


@check("M13")
def core_problem_missing(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    if not pemda.tables["masalah"].present:
        return
    by_opd: dict[str, list[dict]] = {}
    for row in pemda.tables["masalah"].rows:
        if row.get("kode_opd"):
            by_opd.setdefault(row["kode_opd"], []).append(row)
    for row in pemda.tables["opd"].rows:
        code = row.get("kode_opd")
        if not code:
            continue
        problems = by_opd.get(code, [])
        if not problems:
            msg = f"OPD {quote(row.get('nama_opd') or code)} belum punya pohon masalah."
            yield at_row(pemda, "opd", row, "M13", msg, ref=code, kode_opd=code)
        elif not any(p.get("inti") for p in problems):
            msg = (f"Pohon masalah OPD {quote(code)} belum menandai masalah inti (inti = ya); "
                   f"pilih masalah dengan skor USG tertinggi.")
            yield at_row(pemda, "masalah", problems[0], "M13", msg, column="inti",
                         ref=problems[0].get("id") or "", kode_opd=code)


@check("M14")
def several_core_problems(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    first: dict[str, dict] = {}
    for row in pemda.tables["masalah"].rows:
        code = row.get("kode_opd")
        if not code or not row.get("inti"):
            continue
        if code not in first:
            first[code] = row
            continue
        msg = (f"Masalah inti kedua untuk OPD {quote(code)} (yang pertama di baris "
               f"{first[code]['_baris']}). Satu OPD satu masalah inti.")
        yield at_row(pemda, "masalah", row, "M14", msg, column="inti", ref=row.get("id") or "",
                     kode_opd=code)


@check("M15")
def usg_after_failed_apkl(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    for row in pemda.tables["masalah"].rows:
        failed = [c[-1].upper() for c in ("apkl_a", "apkl_p", "apkl_k", "apkl_l")
                  if row.get(c) is False]
        scored = any(row.get(c) is not None for c in ("usg_u", "usg_s", "usg_g"))
        if failed and scored:
            msg = (f"Masalah tidak lolos APKL (gagal: {', '.join(failed)}) tetapi diberi skor "
                   f"USG. Hanya isu yang lolos APKL yang diperingkat dengan USG.")
            yield at_row(pemda, "masalah", row, "M15", msg, ref=row.get("id") or "",
                         kode_opd=row.get("kode_opd") or "")


@check("M17")
def root_not_ultimate(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    for node_id in pemda.roots():
        level = pemda.level(node_id)
        if level and level != "ultimate":
            induk = pemda.node(node_id).get("induk")
            why = (f"induknya {quote(induk)} tidak ditemukan" if induk
                   else "kolom induk kosong")
            msg = (f"Kondisi level {level} berada di puncak pohon ({why}); hanya ultimate "
                   f"outcome yang boleh tanpa induk, agar rantai sampai ke sasaran daerah.")
            yield at_node(pemda, node_id, "M17", msg, "induk")


@check("M22")
def pemda_goal_without_national_reference(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    for node_id in pemda_goals_without_reference(pemda):
        msg = (f"Sasaran daerah {quote(node_id)} belum menyebut acuan nasional yang didukungnya, "
               f"padahal kondisi lain sudah: isi kolom acuan_nasional (sasaran/indikator RPJMN atau "
               f"prioritas nasional) agar keselarasan dari nasional sampai unit kerja terlihat.")
        yield at_node(pemda, node_id, "M22", msg, "acuan_nasional")


# --------------------------------------------------------------------------- running


def run_checks(pemda: Pemda, config: CheckConfig | None = None,
               codes: Iterable[str] | None = None) -> list[Finding]:
    """Run the method checks (all, or those in ``codes``) over a loaded Pemda.

    Consumers read the findings through :func:`pohon_nb.method.checked.check`, which runs this
    once per model and configuration."""
    config = config or CheckConfig()
    selected = CHECKS if codes is None else {c: CHECKS[c] for c in codes}
    findings: list[Finding] = []
    for function in selected.values():
        findings.extend(function(pemda, config))
    return findings


def assessed_year(pemda: Pemda, config: CheckConfig) -> int | None:
    return config.tahun if config.tahun is not None else pemda.default_year()


def validate(path: str | Path | None = None,
             config: CheckConfig | None = None) -> tuple[Pemda, list[Finding]]:
    """Load a workbook (default: the bundled sample) and return it with every finding.

    The findings are the structure findings of loading plus the method checks, sorted by
    severity, sheet and row: those of :func:`pohon_nb.method.checked.load_checked`.
    """
    from .checked import load_checked

    checked = load_checked(path, config)
    return checked.pemda, list(checked.findings)


def by_opd(pemda: Pemda, findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by OPD: Pemda-wide first, then the OPDs in workbook order."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.kode_opd, []).append(finding)
    order = {code: i for i, code in enumerate(pemda.opd_codes())}
    keys = sorted(groups, key=lambda k: (k != "", order.get(k, len(order)), k))
    return [(k, sorted(groups[k], key=lambda f: (SEVERITY_RANK[f.severity], f.sort_key())))
            for k in keys]


@check("M19")
def outcome_and_outputs_disagree(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    """A condition measured below target while its branch is on target, or the reverse
    (latest year with both figures): the logic an evaluator asks about."""
    from .achievement import contradictions

    latest: dict[str, dict] = {}
    for year in pemda.years:
        for row in contradictions(pemda, year).to_dict("records"):
            latest[row["id"]] = row
    for node_id in pemda.tree_order():
        row = latest.get(node_id)
        if row is None:
            continue
        own, branch = one_decimal(row["capaian_sendiri"]), one_decimal(row["capaian_cabang"])
        if row["arah"] == "output_tercapai":
            msg = (f"Capaian {row['tahun']} indikator kondisi ini {own}% (di bawah target), padahal "
                   f"capaian cabang di bawahnya {branch}%: output tercapai, outcome tidak. "
                   f"Periksa apakah output itu memang menyebabkan outcome ini.")
        else:
            msg = (f"Capaian {row['tahun']} indikator kondisi ini {own}%, padahal capaian cabang di "
                   f"bawahnya {branch}% (di bawah target): outcome tercapai tanpa outputnya. "
                   f"Periksa apakah output yang dipilih memang yang menentukan.")
        yield at_node(pemda, node_id, "M19", msg, "id")


@check("M20")
def core_problem_not_answered(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    """A core problem that no condition of the performance tree comes from."""
    answered = {pemda.node(n).get("asal_masalah") for n in pemda.tree}
    for row in pemda.tables["masalah"].rows:
        if row.get("inti") and row.get("id") and not row.get("_ganda") and row["id"] not in answered:
            msg = (f"Masalah inti {quote(row['id'])} belum dijawab kondisi mana pun di pohon "
                   f"kinerja: tidak ada baris sheet pohon yang kolom asal_masalah-nya "
                   f"{quote(row['id'])}. Tautkan kondisi yang mengatasinya (biasanya intermediate "
                   f"outcome OPD).")
            yield at_row(pemda, "masalah", row, "M20", msg, column="inti", ref=row["id"],
                         kode_opd=row.get("kode_opd") or "")


def _conversions(pemda: Pemda) -> dict[tuple[str, str], str]:
    """(kode_opd, the positive wording of a problem, normalised) -> the problem's id."""
    from .problems import positive_phrase

    def compute() -> dict[tuple[str, str], str]:
        converted: dict[tuple[str, str], str] = {}
        for row in pemda.tables["masalah"].rows:
            phrase, _ = positive_phrase(row.get("pernyataan") or "")
            if phrase and row.get("id") and not row.get("_ganda"):
                converted.setdefault((row.get("kode_opd") or "", _words(phrase)), row["id"])
        return converted

    return pemda.memo(("conversions",), compute)


def conversion_source(pemda: Pemda, node_id: str) -> str | None:
    """The problem whose conversion a condition's statement is, word for word (same OPD)."""
    node = pemda.node(node_id)
    return _conversions(pemda).get((node.get("kode_opd") or "", _words(node.get("pernyataan") or "")))


@check("M21")
def wording_from_another_problem(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    """A condition worded as the conversion of one problem while ``asal_masalah`` names another."""
    for node_id in pemda.tree_order():
        link = pemda.node(node_id).get("asal_masalah")
        source = conversion_source(pemda, node_id)
        if link and source and source != link:
            msg = (f"Rumusan kondisi ini adalah konversi masalah {quote(source)}, tetapi kolom "
                   f"asal_masalah menunjuk {quote(link)}. Samakan salah satunya.")
            yield at_node(pemda, node_id, "M21", msg, "asal_masalah")


@check("M27")
def conversion_without_link(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    """A condition worded as the conversion of a problem while ``asal_masalah`` is empty."""
    for node_id in pemda.tree_order():
        if pemda.node(node_id).get("asal_masalah"):
            continue
        source = conversion_source(pemda, node_id)
        if source:
            problem = pemda.problems.nodes[source].get("pernyataan") if source in pemda.problems else ""
            msg = (f"Rumusan kondisi ini adalah konversi masalah {quote(source)} ({quote(problem or '')}), "
                   f"tetapi kolom asal_masalah kosong. Isi asal_masalah = {quote(source)} agar "
                   f"keterlacakan dari pohon masalah terlihat.")
            yield at_node(pemda, node_id, "M27", msg, "asal_masalah")


def _words(text: str) -> str:
    return " ".join(text.lower().split())


# --------------------------------------------------------------------------- the assessed year


def _in_period(pemda: Pemda, year: int) -> bool:
    start, end = pemda.info.get("periode_awal"), pemda.info.get("periode_akhir")
    return (start is None or year >= start) and (end is None or year <= end)


def _measured_rows(pemda: Pemda) -> Iterator[dict]:
    """Chosen indicators of conditions (an individual's ``aksi`` rows are not measured here)."""
    for row in _indicators(pemda):
        node = pemda.tree.nodes.get(row.get("id_pohon"), {})
        if is_chosen(row) and node and node.get("level") != "aksi":
            yield row


@check("M23")
def no_realisation_in_year(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    year = assessed_year(pemda, config)
    if year is None or year not in pemda.realised_years():
        return  # nothing is realised that year yet: the sections say so once
    for row in _measured_rows(pemda):
        if row.get(f"target_{year}") is None and not row.get("iku"):
            continue
        if row.get(f"realisasi_{year}") is None:
            kind = "IKU" if row.get("iku") else "Indikator terpilih"
            msg = (f"{kind} {quote(row.get('nama') or row['id'])} belum punya realisasi {year}, tahun "
                   f"yang dinilai: capaiannya tidak dapat dihitung dan tidak ikut capaian kondisinya. "
                   f"Isi kolom realisasi_{year} bila datanya sudah ada; selama belum, unsur ini tidak "
                   f"terpenuhi pada kriteria 1.c.3.")
            yield at_indicator(pemda, row, "M23", msg, f"realisasi_{year}", [year])


@check("M24")
def target_missing_in_year(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    year = assessed_year(pemda, config)
    if year is None or year not in pemda.years or not _in_period(pemda, year):
        return
    unreadable = {(f.row, f.column) for f in pemda.findings if f.sheet == "indikator" and f.code == "S09"}
    for row in _measured_rows(pemda):
        targets = _targets(pemda, row)
        column = f"target_{year}"
        if targets and row.get(column) is None and (row.get("_baris"), column) not in unreadable:
            others = ", ".join(str(y) for y, _ in targets)
            msg = (f"Indikator {quote(row.get('nama') or row['id'])} punya target {others} tetapi "
                   f"tidak untuk {year}, tahun yang dinilai: tanpa target ia keluar dari capaian "
                   f"tahun itu tanpa terlihat. Isi kolom target_{year}.")
            yield at_indicator(pemda, row, "M24", msg, f"target_{year}", [year])


@check("M25")
def zero_target_minimise(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    for row in _indicators(pemda):
        if row.get("polaritas") != "min":
            continue
        zero = [y for y, t in _targets(pemda, row) if not isinstance(t, Range) and t == 0]
        if zero:
            msg = (f"Target 0 pada indikator polaritas min {quote(row.get('nama') or row['id'])} "
                   f"({', '.join(str(y) for y in zero)}): rumus capaian (2T-R)/T tidak terdefinisi "
                   f"bila realisasi bukan 0. Tulis target sebagai rentang (mis. '0-0,5'), atau ukur "
                   f"kebalikannya dengan polaritas maks (mis. persentase desa bebas kasus).")
            yield at_indicator(pemda, row, "M25", msg, f"target_{zero[0]}", zero)


def _worse_than_baseline(row: dict, year: int) -> bool:
    actual, base, polarity = row.get(f"realisasi_{year}"), row.get("baseline"), row.get("polaritas")
    if actual is None or base is None or polarity not in ("maks", "min"):
        return False
    return actual < base if polarity == "maks" else actual > base


@check("M26")
def outcome_below_baseline(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    """An outcome whose own indicators fell below their baseline while every output below it
    with data met its target: the outputs did not bring the change (own achievement first)."""
    from .achievement import TARGET_MET, own_achievement

    year = assessed_year(pemda, config)
    if year is None or year not in pemda.realised_years():
        return
    own, _ = own_achievement(pemda, year, None)
    for node_id in pemda.tree_order():
        if pemda.level(node_id) not in schema.OUTCOME_LEVELS:
            continue
        worse = [r for r in pemda.chosen_indicators(node_id) if _worse_than_baseline(r, year)]
        outputs = [n for n in pemda.descendants(node_id) if pemda.level(n) == "output" and n in own]
        if not worse or not outputs or any(own[n] < TARGET_MET for n in outputs):
            continue
        names = "; ".join(f"{quote(r.get('nama') or r['id'])}: {_fmt(r['realisasi_' + str(year)])} "
                          f"(baseline {_fmt(r['baseline'])})" for r in worse[:3])
        msg = (f"Indikator kondisi ini memburuk dari baseline-nya pada {year} ({names}), padahal "
               f"{len(outputs)} output di bawahnya mencapai targetnya. Periksa apakah output itu "
               f"memang menyebabkan perubahan ini, atau kondisi apa yang belum ada di pohon.")
        yield at_node(pemda, node_id, "M26", msg, "id")


# --------------------------------------------------------------------------- wording and kind


@check("M28")
def direction_against_measure(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    """A statement that moves what it measures the wrong way ("Menurunnya cakupan ...")."""
    for node_id in pemda.tree_order():
        msg = direction_problem(pemda.node(node_id).get("pernyataan") or "", pemda, node_id)
        if msg:
            yield at_node(pemda, node_id, "M28", msg, "pernyataan")


def direction_problem(statement: str, pemda: Pemda | None = None, node_id: str | None = None) -> str | None:
    """What rule M28 says of a statement that moves what it names the wrong way, else None (the
    training's check reads the same sentence)."""
    moves = statement_direction(statement)
    if moves is None:
        return None
    wanted, why = measure_polarity(pemda, node_id, statement)
    if wanted is None or (moves == "naik") == (wanted == "maks"):
        return None
    opening = "Meningkatnya" if wanted == "maks" else "Menurunnya"
    better = f"{opening} {' '.join(statement.split()[1:])}"
    return (f"Kondisi {quote(statement)} {'menaikkan' if moves == 'naik' else 'menurunkan'} "
            f"ukuran yang seharusnya {'naik' if wanted == 'maks' else 'turun'} ({why}). Rumuskan "
            f"arah yang dituju, mis. {quote(better)}.")


def measure_polarity(pemda: Pemda | None, node_id: str | None, statement: str) -> tuple[str | None, str]:
    """Which way what a statement names should go ("maks"/"min"), and why: from a chosen
    indicator of the condition measuring the same thing (its polarity), else from the words.
    (None, "") when neither says."""
    named = named_measure(statement)
    if pemda is not None and node_id is not None and named:
        head = " ".join(named.split()[:2])
        for row in pemda.chosen_indicators(node_id):
            polarity = row.get("polaritas")
            if head and head in (row.get("nama") or "").lower() and polarity in ("maks", "min"):
                return polarity, f"indikatornya {quote(row.get('nama'))} berpolaritas {polarity}"
    direction, phrase = measure_named(named)
    if direction is None:
        return None, ""
    verb = "dinaikkan" if direction == "maks" else "diturunkan"
    return direction, f"{phrase} adalah ukuran yang {verb}"


@check("M32")
def worded_as_problem(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    """A condition worded as a problem ("Tingginya ...") or as a state ("Rendahnya stunting")."""
    for node_id in pemda.tree_order():
        msg = problem_wording(pemda.node(node_id).get("pernyataan") or "")
        if msg:
            yield at_node(pemda, node_id, "M32", msg, "pernyataan")


STATE_OPENINGS = {"tingginya": "maks", "banyaknya": "maks", "rendahnya": "min", "kurangnya": "min",
                  "minimnya": "min", "terbatasnya": "min"}
"""Negative openings that name a level: with a measure to be raised (or lowered) they state the
aim as a state ("Rendahnya prevalensi stunting" is the aim, not yet a change)."""


def problem_wording(statement: str) -> str | None:
    """What rule M32 says of a statement opening as a problem or a state, else None (the
    training's check reads the same sentence)."""
    from .problems import positive_phrase
    from .wording import NEGATIVE_OPENINGS

    first = opening_word(statement)
    if first not in NEGATIVE_OPENINGS:
        return None
    words = statement.split()
    words = words[[w.lower().strip(".,:;") for w in words].index(first):]
    wanted, _ = measure_named(named_measure(statement))
    if wanted is not None and STATE_OPENINGS.get(first) == wanted:
        opening = "Meningkatnya" if wanted == "maks" else "Menurunnya"
        change = f"{opening} {' '.join(words[1:])}"
        return (f"{quote(statement)} menyebut keadaan yang dituju (arahnya sudah benar), bukan "
                f"perubahannya. Rumuskan sebagai perubahan, mis. {quote(change)}.")
    proposal, _ = positive_phrase(statement)
    hint = f"mis. {quote(proposal)}" if proposal else "mis. 'Tingginya ...' → 'Menurunnya ...'"
    return (f"{quote(statement)} adalah rumusan masalah (kondisi negatif), bukan kondisi yang ingin "
            f"dicapai. Konversikan menjadi kondisi positif: {hint}.")


@check("M29")
def kind_against_level(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    """An output measured by an impact or outcome indicator (M03 is the other direction)."""
    for row in _measured_rows(pemda):
        level = pemda.level(row["id_pohon"])
        msg = kind_problem(row, level) if level == "output" else None  # outcomes: rule M03
        if msg:
            yield at_indicator(pemda, row, "M29", msg, "jenis")


def kind_problem(row: dict, level: str | None) -> str | None:
    """What rule M29 says of an indicator (a row with ``nama``, maybe ``jenis``) of a condition
    at ``level``, else None (the training's check reads the same sentence)."""
    kind = indicator_kind(row)
    if level in schema.OUTCOME_LEVELS and kind in ("output", "input"):
        return (f"Indikator {quote(row.get('nama') or row.get('id') or '')} mengukur {kind}: kondisi "
                f"level {level} diukur dengan indikator outcome yang mengukur hasilnya, bukan keluaran "
                f"kegiatannya (aturan M03 bila semua indikatornya begitu).")
    if level != "output" or kind not in ("dampak", "outcome"):
        return None
    said = "" if row.get("jenis") == kind else " (menurut namanya)"
    return (f"Indikator {quote(row.get('nama') or row.get('id') or '')} mengukur {kind}{said}, padahal "
            f"kondisinya level output: ukur apa yang dihasilkan kegiatan itu (mis. jumlah atau "
            f"persentase layanan/sasaran yang tertangani), dan letakkan ukuran {kind} pada "
            f"kondisi outcome di atasnya.")


@check("M30")
def output_named_as_activity(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    """An output condition worded as the name of a kegiatan ("Penyediaan Prasarana ...")."""
    for node_id, node in _nodes(pemda, ("output",)):
        statement = node.get("pernyataan") or ""
        first = statement.split()[0].lower().strip(".,:;") if statement.split() else ""
        if first not in ACTIVITY_WORDS:
            continue
        _, advice = result_rewrite(statement, "output")
        msg = (f"Kondisi output dirumuskan sebagai nama kegiatan ({quote(statement)}). Rumuskan apa "
               f"yang dihasilkan kegiatan itu: {advice}.")
        yield at_node(pemda, node_id, "M30", msg, "pernyataan")


@check("M31")
def iku_not_a_result(pemda: Pemda, config: CheckConfig) -> Iterator[Finding]:
    """An IKU of a sasaran that measures an output or input, not the sasaran's main result."""
    for row in _measured_rows(pemda):
        if not row.get("iku") or pemda.level(row["id_pohon"]) not in ("ultimate", "intermediate"):
            continue
        kind = indicator_kind(row)
        if kind in ("output", "input"):
            msg = (f"IKU {quote(row.get('nama') or row['id'])} mengukur {kind}, bukan hasil utama "
                   f"sasarannya: IKU adalah ukuran outcome (kriteria 1.b.6). Pilih indikator outcome "
                   f"sasaran ini sebagai IKU.")
            yield at_indicator(pemda, row, "M31", msg, "iku")


def indicator_notes(pemda: Pemda, findings: Iterable[Finding] | None = None) -> dict[str, str]:
    """Indicator id -> the method findings on its row ("M07 Target kurang menantang ..."), to
    show beside its achievement so a figure never reads "Sangat Baik" with its flag hidden."""
    if findings is None:
        from .checked import check

        findings = check(pemda).findings
    notes: dict[str, list[str]] = {}
    for finding in findings:
        if finding.sheet == "indikator" and finding.code.startswith("M") and finding.ref:
            text = f"{finding.code} {finding.title}"
            if text not in notes.setdefault(finding.ref, []):
                notes[finding.ref].append(text)
    return {ref: "; ".join(texts) for ref, texts in notes.items()}
