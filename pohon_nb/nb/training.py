"""Check functions for the training notebooks: specific, friendly feedback in Bahasa Indonesia.

Every check returns a :class:`Feedback` that says what is right, what is wrong and gives a
hint, never just "salah". An empty answer is not an error: the learner is told what to
write. :data:`ANSWERS` holds the answer key the trainer's edition fills in
(``kunci_jawaban = True``).
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field

from ..core.formats import number_text
from ..method.achievement import AchievementConfig, achievement
from ..method.checks import direction_problem, kind_problem, problem_wording, result_rewrite
from ..method.wording import ACTIVITY_WORDS, OUTPUT_OPENINGS, RESULT_OPENINGS
from ..reading import schema
from .display import md


@dataclass
class Feedback:
    """The result of a check: whether it passed, and what to tell the learner."""

    ok: bool
    good: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    hint: str = ""
    empty: bool = False

    def _repr_markdown_(self) -> str:
        if self.empty:
            return f"✏️ **Belum ada jawaban.** {self.hint}"
        head = "✅ **Tepat!**" if self.ok else "🔎 **Hampir; periksa lagi.**"
        lines = [head]
        lines += [f"- ✔ {g}" for g in self.good]
        lines += [f"- ✘ {w}" for w in self.wrong]
        if self.hint:
            lines.append(f"\n💡 *Petunjuk:* {self.hint}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self._repr_markdown_()


def _blank(answer) -> bool:
    return answer is None or (isinstance(answer, str) and not answer.strip()) or (
        isinstance(answer, (list, tuple, dict)) and not answer)


def _first_word(text: str) -> str:
    words = str(text).split()
    return words[0].lower().strip(".,:;") if words else ""


def _close(word: str, options) -> str | None:
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.8)
    return match[0] if match and match[0] != word else None


# --------------------------------------------------------------------------- wording and level


def check_condition(statement: str, level: str = "intermediate") -> Feedback:
    """Is ``statement`` a condition (a result) worded right for ``level``?"""
    if _blank(statement):
        return Feedback(False, empty=True, hint="Tulis kondisi sebagai hasil yang ingin dicapai, "
                        "mis. 'Meningkatnya cakupan imunisasi dasar lengkap'.")
    first = _first_word(statement)
    fb = Feedback(True)
    words = statement.split()
    if first in ACTIVITY_WORDS:
        proposal, advice = result_rewrite(statement, level)
        fb.ok = False
        fb.wrong.append(f"'{md(words[0])}' menggambarkan **kegiatan**, bukan kondisi yang ingin dicapai.")
        fb.hint = (f"Coba '{md(proposal)}'." if proposal else md(advice[0].upper() + advice[1:]) + ".")
        return fb
    as_problem = problem_wording(statement)  # rule M32, the sentence validate says
    if as_problem:
        fb.ok = False
        fb.wrong.append(md(as_problem))
        fb.hint = "Kondisi menyebut perubahan yang ingin dicapai: 'Meningkatnya ...', 'Menurunnya ...'."
        return fb
    if first not in RESULT_OPENINGS:
        guess = _close(first, RESULT_OPENINGS)
        fb.ok = False
        if guess:
            fb.wrong.append(f"'{md(words[0])}' sepertinya salah ketik.")
            fb.hint = f"Maksud Anda '{guess.capitalize()}'?"
        else:
            fb.wrong.append(f"Kondisi biasanya diawali kata hasil seperti 'Meningkatnya', "
                            f"'Menurunnya' atau 'Terwujudnya'; '{md(words[0])}' bukan salah satunya.")
            fb.hint = "Awali dengan kata benda hasil: Meningkatnya, Menurunnya, Terwujudnya, ..."
        return fb
    fb.good.append(f"'{md(words[0])}' merumuskan hasil, bukan kegiatan.")
    if len(words) < 3:
        fb.ok = False
        fb.wrong.append("Kondisinya terlalu pendek: sebutkan apa yang berubah dan pada siapa/apa.")
        fb.hint = "Mis. 'Meningkatnya cakupan imunisasi dasar lengkap pada bayi'."
        return fb
    against = direction_problem(statement)  # rule M28, the sentence validate says
    if against:
        fb.ok = False
        fb.good.clear()
        fb.wrong.append(md(against))
        fb.hint = "Arah kondisi mengikuti ukurannya: cakupan naik, kematian atau stunting turun."
        return fb
    if level in schema.OUTCOME_LEVELS and first in OUTPUT_OPENINGS:
        fb.ok = False
        fb.wrong.append(f"'{md(words[0])}' lazim untuk **output** (hasil langsung kegiatan), "
                        f"kurang tepat untuk level {level}.")
        fb.hint = "Untuk outcome, gunakan perubahan keadaan: 'Meningkatnya ...', 'Menurunnya ...'."
        return fb
    fb.good.append(f"Rumusan cocok untuk level {level}.")
    return fb


def check_level(child: str, parent: str) -> Feedback:
    """May a ``child`` level sit directly under a ``parent`` level?"""
    if _blank(child) or _blank(parent):
        return Feedback(False, empty=True, hint="Isi level anak dan level induknya (ultimate, "
                        "intermediate, immediate, output).")
    child, parent = schema.normalise_enum("level", child), schema.normalise_enum("level", parent)
    for value in (child, parent):
        if value not in schema.LEVELS:
            return Feedback(False, wrong=[f"'{md(value)}' bukan level."],
                            hint=f"Pilihan: {', '.join(schema.LEVELS)}.")
    gap = schema.LEVEL_RANK[child] - schema.LEVEL_RANK[parent]
    if gap < 0:
        return Feedback(False, wrong=[f"{child} lebih tinggi dari induknya {parent}."],
                        hint=f"Urutan dari atas: {' > '.join(schema.LEVELS)}.")
    if gap > 1:
        missing = schema.LEVELS[schema.LEVEL_RANK[parent] + 1: schema.LEVEL_RANK[child]]
        return Feedback(False, good=["Arah turunnya benar."],
                        wrong=[f"Level {', '.join(missing)} terlewati."],
                        hint="Tambahkan kondisi antara, atau naikkan level anaknya.")
    why = "level yang sama boleh bersarang" if gap == 0 else "satu level di bawahnya"
    return Feedback(True, good=[f"{child} di bawah {parent}: {why}."])


# --------------------------------------------------------------------------- achievement


def check_achievement(answer: float | None, target: float, actual: float, polarity: str) -> Feedback:
    """Is ``answer`` the achievement (percent) of ``actual`` against ``target``?"""
    if _blank(answer):
        return Feedback(False, empty=True, hint="Hitung capaian dalam persen, mis. 87.5.")
    # The exercise is the formula itself: no cap (a report applies one, 120 by default).
    expected, _ = achievement(target, actual, polarity, AchievementConfig(cap=None))
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return Feedback(False, wrong=[f"'{md(answer)}' bukan angka."], hint="Tulis angkanya saja.")
    if math.isclose(value, expected, abs_tol=0.15):
        return Feedback(True, good=[f"Capaian {number_text(round(expected, 1))}% benar."])
    variant, _ = achievement(target, actual, polarity, AchievementConfig(minimise="t/r", cap=None))
    if polarity == "min" and variant is not None and math.isclose(value, variant, abs_tol=0.15):
        return Feedback(True, good=[
            f"{number_text(round(variant, 2))}% benar menurut rumus **target / realisasi × 100**, "
            f"varian yang dipakai sebagian daerah untuk indikator min.",
            f"Modul ini memakai (2 × target − realisasi) / target × 100 = "
            f"{number_text(round(expected, 2))}%, rumus LKjIP dan panduan KemenPANRB: selisih dari "
            f"target dihitung sama besar ke atas dan ke bawah, sedangkan T/R makin lunak bila "
            f"realisasi jauh lebih buruk. Pakai yang ditetapkan daerah Anda, dan konsisten."])
    naive = actual / target * 100 if target else None
    if polarity == "min" and naive is not None and math.isclose(value, naive, abs_tol=0.15):
        return Feedback(False, wrong=["Anda memakai rumus **maks** (realisasi / target) untuk "
                                      "indikator **min**: makin kecil realisasi, makin baik."],
                        hint="Untuk polaritas min: (2 × target − realisasi) / target × 100.")
    if math.isclose(value, expected / 100, abs_tol=0.002):
        return Feedback(False, good=["Perbandingannya sudah benar."],
                        wrong=["Hasilnya belum dikali 100."], hint="Capaian ditulis dalam persen.")
    if polarity == "maks" and naive and math.isclose(value, target / actual * 100, abs_tol=0.15):
        return Feedback(False, wrong=["Pembilang dan penyebut tertukar."],
                        hint="Untuk polaritas maks: realisasi / target × 100.")
    formula = ("realisasi / target × 100" if polarity == "maks"
               else "(2 × target − realisasi) / target × 100")
    return Feedback(False, wrong=[f"{number_text(value)} belum tepat."],
                    hint=f"Rumus untuk polaritas {polarity}: {formula}.")


# --------------------------------------------------------------------------- USG


def check_usg_ranking(answer: list[str], scores: dict[str, tuple[int, int, int]]) -> Feedback:
    """Is ``answer`` the issues ordered from the highest USG total (ties in any order)?"""
    if _blank(answer):
        return Feedback(False, empty=True, hint="Urutkan ID isu dari total U+S+G tertinggi.")
    totals = {k: sum(v) for k, v in scores.items()}
    answer = [str(a).strip() for a in answer]
    unknown = [a for a in answer if a not in totals]
    if unknown:
        return Feedback(False, wrong=[f"ID tidak dikenal: {md(', '.join(unknown))}."],
                        hint=f"ID yang ada: {md(', '.join(totals))}.")
    missing = [k for k in totals if k not in answer]
    if missing:
        return Feedback(False, wrong=[f"Belum diurutkan: {md(', '.join(missing))}."],
                        hint="Setiap isu yang lolos APKL masuk peringkat.")
    values = [totals[a] for a in answer]
    if values == sorted(values, reverse=True):
        ties = sorted({t for t in values if values.count(t) > 1}, reverse=True)
        good = ["Urutan dari total tertinggi sudah benar."]
        if ties:
            good.append(f"Ada nilai seri (total {', '.join(map(str, ties))}): urutan di antara "
                        f"mereka diputuskan bersama, bukan oleh angka.")
        return Feedback(True, good=good)
    first_bad = next(i for i in range(len(values) - 1) if values[i] < values[i + 1])
    return Feedback(False, good=[f"{first_bad} isu pertama sudah urut."] if first_bad else [],
                    wrong=[f"{md(answer[first_bad])} (total {values[first_bad]}) ditaruh di atas "
                           f"{md(answer[first_bad + 1])} (total {values[first_bad + 1]})."],
                    hint="Jumlahkan U + S + G setiap isu, lalu urutkan dari yang terbesar.")


# --------------------------------------------------------------------------- indicators


INDICATOR_EXAMPLE = ("Persentase balita yang ditimbang di posyandu", "%",
                     "(balita ditimbang / seluruh balita) × 100")
"""The example a wrong indicator answer is shown; it passes :func:`check_indicator` at every level."""


def check_indicator(name: str, unit: str, formula: str = "", level: str = "immediate") -> Feedback:
    """Is this a measurable indicator with a unit (and, for a ratio, a formula) for its level?

    Reads the same knowledge as the method's scoring (:mod:`pohon_nb.method.indicators`): standard
    national indicators (UHH, AKI, IPM, ...) are valid measures whose formula is fixed
    nationally, and only ratios need a numerator/denominator formula.
    """
    if _blank(name):
        return Feedback(False, empty=True, hint="Tulis nama indikator, satuan dan formulanya.")
    from ..method.indicators import _vague, standard_indicator
    from ..method.wording import MEASURE_WORDS, RATIO_WORDS

    fb = Feedback(True)
    lowered = name.strip().lower()
    standard = standard_indicator(name)
    # The key point first: the indicator must measure its condition's level (rules M03, M29).
    wrong_level = kind_problem({"nama": name}, level)
    if wrong_level:
        fb.ok = False
        fb.wrong.append(md(wrong_level))
        standard = None  # a national standard measure is still the wrong measure here
    if wrong_level and level in schema.OUTCOME_LEVELS and lowered.startswith("jumlah"):
        fb.wrong.append(f"'Jumlah ...' menghitung apa yang dihasilkan kegiatan: itu indikator "
                        f"**output**, sedangkan kondisi ini level **{level}** (outcome). Ukur "
                        f"perubahan yang dihasilkannya, biasanya persentase atau tingkat.")
    if standard:
        fb.good.append(f"Indikator standar nasional: definisi dan cara hitungnya baku ({standard}).")
    elif lowered.startswith(MEASURE_WORDS):
        fb.good.append("Nama indikator menyebut ukurannya.")
    else:
        fb.ok = False
        fb.wrong.append("Nama indikator belum menyebut ukuran (persentase, jumlah, indeks, rasio, ...).")
    vague = _vague(name)
    if vague and not lowered.startswith(MEASURE_WORDS) and not standard:
        fb.ok = False
        fb.wrong.append(f"Kata '{md(vague[0])}' kabur bila tidak diukur.")
    if _blank(unit):
        fb.ok = False
        fb.wrong.append("Satuan belum diisi.")
    else:
        fb.good.append(f"Satuan: {md(unit)}.")
    if not _blank(formula):
        fb.good.append("Formula ada.")
    elif lowered.startswith(RATIO_WORDS) and not standard:
        fb.ok = False
        fb.wrong.append("Indikator rasio perlu formula (pembilang / penyebut).")
    if not fb.ok:
        example, example_unit, example_formula = INDICATOR_EXAMPLE
        fb.hint = f"Contoh: '{example}', satuan {example_unit}, formula {example_formula}."
    return fb


# --------------------------------------------------------------------------- cascading


def check_missing_link(answer: str, node: str = "DINKES.1.3.2", data=None) -> Feedback:
    """Did the learner find the parent that ``node`` lost in :func:`broken_tree`?"""
    if _blank(answer):
        return Feedback(False, empty=True, hint="Tulis ID kondisi yang seharusnya menjadi induknya.")
    from ..reading.model import load

    expected = load(data).parent(node)
    answer = str(answer).strip()
    if answer == expected:
        top = load(data).ancestors(node)[-1]
        return Feedback(True, good=[f"Benar: {md(expected)} adalah induk yang hilang; rantai dari "
                                    f"{md(top)} sampai {md(node)} kini tersambung."])
    return Feedback(False, wrong=[f"{md(answer)} bukan induk yang tepat."],
                    hint="Cari kondisi yang levelnya tepat satu tingkat di atas kondisi yatim itu "
                         "dan isinya menjadi alasan kondisi itu dibutuhkan.")


# The answers participants typically give, exercise by exercise, with a fragment of the
# feedback each must get. The tests run every row; the facilitator guide shows the table
# (:func:`typical_answers_markdown`), so a trainer knows what participants will see.
TYPICAL_ANSWERS: tuple[tuple[str, str, tuple, bool, str], ...] = (
    ("03 rumusan kondisi (intermediate)", "check_condition", ("Pelaksanaan posyandu", "intermediate"),
     False, "hasil yang dirasakan penerima manfaatnya"),
    ("03 rumusan kondisi (immediate)", "check_condition", ("Peningkatan cakupan imunisasi", "immediate"),
     False, "Coba 'Meningkatnya cakupan imunisasi'"),
    ("03 rumusan kondisi (intermediate)", "check_condition",
     ("Tingginya prevalensi stunting", "intermediate"), False, "kondisi positif"),
    ("03 rumusan kondisi (output)", "check_condition", ("Pelaksanaan imunisasi dasar", "output"),
     False, "Coba 'Terlaksananya imunisasi dasar'"),
    ("03 rumusan kondisi (intermediate)", "check_condition",
     ("Menurunnya cakupan imunisasi dasar lengkap", "intermediate"), False, "seharusnya naik"),
    ("03 rumusan kondisi (intermediate)", "check_condition",
     ("Meningkatnya prevalensi stunting pada balita", "intermediate"), False, "seharusnya turun"),
    ("03 rumusan kondisi (intermediate)", "check_condition",
     ("Rendahnya prevalensi stunting pada balita", "intermediate"), False, "arahnya sudah benar"),
    ("04 capaian, polaritas min (T 20, R 19)", "check_achievement", (105.26, 20, 19, "min"),
     True, "target / realisasi × 100"),
    ("04 capaian, polaritas min (T 20, R 15)", "check_achievement", (75, 20, 15, "min"),
     False, "rumus **maks**"),
    ("04 capaian, polaritas maks (T 80, R 60)", "check_achievement", (0.75, 80, 60, "maks"),
     False, "belum dikali 100"),
    ("04 indikator (immediate)", "check_indicator",
     ("Jumlah posyandu yang dibina", "posyandu", "", "immediate"), False, "indikator **output**"),
    ("04 indikator (intermediate)", "check_indicator", ("Usia Harapan Hidup", "tahun", "", "intermediate"),
     True, "standar nasional"),
    ("04 indikator (output posyandu)", "check_indicator",
     ("Prevalensi stunting", "%", "", "output"), False, "kondisinya level output"),
    ("04 indikator (immediate)", "check_indicator",
     ("Pelayanan yang optimal", "", "", "immediate"), False, "Satuan belum diisi"),
    ("02 peringkat USG", "check_usg_ranking",
     (["C", "A", "B"], {"A": (5, 4, 4), "B": (4, 5, 4), "C": (3, 3, 3)}), False,
     "C (total 9) ditaruh di atas A (total 13)"),
)


def typical_answers_markdown() -> str:
    """The table of :data:`TYPICAL_ANSWERS` and the feedback each gets, for the guide."""
    rows = ["| latihan | jawaban peserta | umpan balik (ringkas) |", "|---|---|---|"]
    for exercise, function, args, _, _ in TYPICAL_ANSWERS:
        fb = globals()[function](*args)
        said = "; ".join([*fb.wrong, *fb.good][:2]) + (f" Petunjuk: {fb.hint}" if fb.hint else "")
        head = "tepat" if fb.ok else "belum tepat"
        answer_text = _answer_text(function, args)
        cell = f"**{head}**: {said}".replace("|", "/").replace("\n", " ")
        rows.append(f"| {exercise} | {answer_text.replace('|', '/')} | {cell} |")
    return "\n".join(rows)


def _answer_text(function: str, args: tuple) -> str:
    if function == "check_achievement":
        return number_text(args[0])
    if function == "check_indicator":
        return f"{args[0]}; satuan {args[1] or '(kosong)'}"
    if function == "check_usg_ranking":
        return " > ".join(args[0])
    return str(args[0])


ANSWERS = {
    "02.usg": ["M.DINKES.2", "M.DINKES.1", "M.DINKES.3", "M.DINKES.5"],
    "03.kondisi": "Menurunnya prevalensi stunting pada balita",
    "03.level": ("immediate", "intermediate"),
    "04.capaian_maks": 75.0,
    "04.capaian_min": 125.0,
    "04.indikator": ("Persentase balita yang ditimbang di posyandu", "%",
                     "(Jumlah balita ditimbang / jumlah seluruh balita) × 100"),
    "05.induk": "DINKES.1.3",
}
"""The answer key: what the trainer's edition fills in."""


def answer(key: str):
    """The answer-key value of an exercise."""
    return ANSWERS[key]


def orphans(pemda, prefix: str = "") -> object:
    """The conditions left at the top of the tree without being ultimate outcomes (M17), as a
    table, for the missing-link exercise."""
    from ..method.checked import check
    from .display import table
    from .views import findings_table

    found = [f for f in check(pemda).by_rule("M17") if f.ref.startswith(prefix)]
    return table(findings_table(found), ["code", "title", "sheet", "row", "column", "ref"])


def candidates(pemda, kode_opd: str = "1.02.0.00.0.00.01.0000", node: str = "DINKES.1.3.2"):
    """The OPD's outcome conditions a lost condition could hang under, and the lost one."""
    import pandas as pd

    from .display import table

    rows = [{"id": n, "level": pemda.level(n), "pernyataan": pemda.node(n).get("pernyataan")}
            for n in pemda.owned_by(kode_opd)
            if pemda.level(n) in ("intermediate", "immediate") or n == node]
    return table(pd.DataFrame(rows, columns=["id", "level", "pernyataan"]))


def broken_tree(node: str = "DINKES.1.3.2", data=None):
    """The sample with one condition cut loose from its parent, for the missing-link exercise.

    Returns the loaded model (structure findings included) of a copy whose ``node`` has an
    empty ``induk``; the workbook on disk is not touched.
    """
    import copy

    from ..core.paths import SAMPLE
    from ..reading.model import link
    from ..reading.workbook import parse, read_raw

    source = str(data or SAMPLE)
    raw, findings = read_raw(source)
    raw = copy.deepcopy(raw)
    sheet = raw["pohon"]
    headers = [schema.normalise_header(h) for h in sheet.headers]
    id_col, parent_col = headers.index("id"), headers.index("induk")
    for _, values in sheet.rows:
        if id_col < len(values) and str(values[id_col]).strip() == node:
            values[parent_col] = None
    tables, more = parse(raw, source)
    return link(tables, source, findings + more)
