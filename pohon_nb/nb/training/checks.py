"""The training's checks: each takes the answer as the learner typed it and grades it by the
method's own rules (docs/metode.md), so a training verdict and ``pohon-nb validate`` never
disagree.

Every check returns a :class:`~.feedback.Feedback` and never raises: a value of the wrong shape
is read as well as it can be (:mod:`.answers`) or gets a sentence saying how to write it.
"""

from __future__ import annotations

import difflib
import math
import re

from ...core.formats import number_text
from ...method.achievement import AchievementConfig, achievement
from ...method.checks import direction_problem, kind_problem, problem_wording, result_rewrite
from ...method.config import DEFAULT_CAP
from ...method.indicators import _vague, standard_indicator
from ...method.wording import (
    ACTIVITY_WORDS,
    MEASURE_WORDS,
    OUTPUT_OPENINGS,
    RATIO_WORDS,
    RESULT_OPENINGS,
    measure_kind,
    opening_word,
)
from ...reading import schema
from ..display import md
from . import answers
from .answers import Unread
from .feedback import Feedback, almost, empty, right, variant, wrong

LEVEL_CHOICES = schema.LEVELS[:4]
"""The four levels a learner names (the individual's action plan sits below the tree)."""


def _unread(read: Unread) -> Feedback:
    return wrong(read.message)


def _close(word: str, options) -> str | None:
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.8)
    return match[0] if match and match[0] != word else None


def _level(value: str) -> str | None:
    """A level as the learner wrote it ("Immediate Outcome", "imm_o", "output "), or None."""
    key = schema.normalise_enum("level", str(value))
    key = key.removesuffix("_outcome")
    return key if key in schema.LEVELS else None


def _level_list() -> str:
    return ", ".join(LEVEL_CHOICES)


# --------------------------------------------------------------------------- levels


def check_levels_order(jawaban) -> Feedback:
    """The four levels from the top (Modul 1)."""
    if answers.is_blank(jawaban):
        shuffled = ", ".join(sorted(LEVEL_CHOICES))
        return empty(f"Tulis keempat level dari yang tertinggi, dipisah koma: {shuffled} (urutannya "
                     f"masih acak).")
    read = answers.items(jawaban)
    if isinstance(read, Unread):
        return _unread(read)
    levels = [_level(v) for v in read]
    unknown = [v for v, lv in zip(read, levels) if lv is None]
    if unknown:
        guesses = [g for g in (_close(u.lower(), LEVEL_CHOICES) for u in unknown) if g]
        if len(guesses) == len(unknown):
            return almost(f"{md(', '.join(unknown))} sepertinya salah ketik.",
                          hint=f"Maksud Anda '{guesses[0]}'?")
        return wrong(f"{md(', '.join(unknown))} bukan nama level.", hint=f"Pilihan: {_level_list()}.")
    levels = [lv for lv in levels if lv != "aksi"]
    if len(set(levels)) != len(levels):
        twice = sorted({lv for lv in levels if levels.count(lv) > 1})
        return almost(f"{', '.join(twice)} tertulis dua kali; setiap level cukup sekali.",
                      hint=f"Urutan dari atas: {' > '.join(LEVEL_CHOICES)}.")
    missing = [lv for lv in LEVEL_CHOICES if lv not in levels]
    if levels == list(LEVEL_CHOICES):
        return right("Ultimate outcome (dampak, Kepala Daerah) > intermediate outcome (hasil utama "
                     "OPD) > immediate outcome (hasil program) > output (produk kegiatan).")
    if missing:
        return almost(f"Belum ada: {', '.join(missing)}.", hint="Ada empat level; tulis semuanya.")
    if levels == list(reversed(LEVEL_CHOICES)):
        return wrong("Urutannya terbalik: yang diminta dari yang tertinggi (dampak) ke yang terendah "
                     "(produk kegiatan).", hint=f"Urutan dari atas: {' > '.join(LEVEL_CHOICES)}.")
    first_bad = next(i for i, lv in enumerate(levels) if lv != LEVEL_CHOICES[i])
    return wrong(f"{levels[first_bad]} bukan level ke-{first_bad + 1} dari atas; di situ "
                 f"{LEVEL_CHOICES[first_bad]}.",
                 hint="Tanyakan dari atas: hasil apa yang dibutuhkan agar level di atasnya tercapai?")


def check_level(jawaban, parent: str | None = None, expected: str | None = None, why: str = "") -> Feedback:
    """The level of a condition placed directly under a ``parent`` level. The answer is the
    child's level, or the pair (child, parent); when the question fixes the parent, a pair with
    another parent is told so; without ``parent`` the answer is the pair, checked by the level
    rule alone. ``expected`` is the level the method's conversion rule gives
    (:func:`pohon_nb.method.problems.proposed_level`); without it any level the level rule
    allows passes."""
    if answers.is_blank(jawaban):
        return empty(f"Tulis level kondisinya ({_level_list()}), mis. \"immediate\".")
    read = answers.pair(jawaban)
    if isinstance(read, Unread):
        return _unread(read)
    if parent is None:
        if len(read) != 2:
            return almost("Tulis dua level: level anak, lalu level induknya.",
                          hint="Mis. (\"immediate\", \"intermediate\").")
        parent = _level(read[1])
        if parent is None:
            return wrong(f"'{md(read[1])}' bukan level.", hint=f"Pilihan: {_level_list()}.")
    child = _level(read[0])
    if child is None:
        guess = _close(str(read[0]).lower(), LEVEL_CHOICES)
        if guess:
            return almost(f"'{md(read[0])}' sepertinya salah ketik.", hint=f"Maksud Anda '{guess}'?")
        return wrong(f"'{md(read[0])}' bukan level.", hint=f"Pilihan: {_level_list()}.")
    if len(read) == 2:
        given_parent = _level(read[1])
        if given_parent != parent:
            return wrong(f"Induknya sudah ditentukan soal: **{parent}**, bukan "
                         f"'{md(read[1])}'. Yang ditanyakan level anaknya.",
                         hint=f"Tulis level anak saja, mis. \"{expected or 'immediate'}\".")
    gap = schema.LEVEL_RANK[child] - schema.LEVEL_RANK[parent]
    if gap < 0:
        return wrong(f"{child} lebih tinggi dari induknya ({parent}): anak tidak boleh di atas "
                     f"induknya.", hint=f"Urutan dari atas: {' > '.join(LEVEL_CHOICES)}.")
    if gap > 1:
        skipped = schema.LEVELS[schema.LEVEL_RANK[parent] + 1: schema.LEVEL_RANK[child]]
        return wrong(f"Level {', '.join(skipped)} terlewati (aturan M09): {child} tidak langsung "
                     f"di bawah {parent}.", hint=f"Satu level di bawah {parent} adalah "
                     f"{schema.LEVELS[schema.LEVEL_RANK[parent] + 1]}.")
    if expected and child != expected:
        return almost(f"{child} boleh di bawah {parent} menurut aturan level, tetapi menurut aturan "
                      f"konversi kondisi ini menjadi **{expected}**. {why}".strip(),
                      hint=f"Tulis \"{expected}\".")
    nested = "level yang sama boleh bersarang" if gap == 0 else "tepat satu level di bawahnya"
    return right(f"{child} di bawah {parent}: {nested}. {why}".strip())


def check_skipped_level(jawaban, child: str, parent: str) -> Feedback:
    """Which level is skipped when ``child`` sits directly under ``parent`` (rule M09)?"""
    skipped = schema.LEVELS[schema.LEVEL_RANK[parent] + 1: schema.LEVEL_RANK[child]]
    if answers.is_blank(jawaban):
        return empty("Tulis level yang terlewati, mis. \"intermediate\", atau \"tidak ada\".")
    said = answers.text(jawaban)
    if isinstance(said, Unread):
        read = answers.items(jawaban)
        said = ", ".join(read) if not isinstance(read, Unread) else ""
    names = [_level(p) for p in answers.items(said)] if said else []
    if not skipped:
        if said.lower().startswith("tidak"):
            return right(f"{child} langsung di bawah {parent}: tidak ada level yang terlewati.")
        return wrong(f"Tidak ada level yang terlewati: {child} boleh langsung di bawah {parent}.")
    if said.lower().startswith("tidak"):
        return wrong(f"Ada yang terlewati (aturan M09): antara {parent} dan {child} seharusnya ada "
                     f"{', '.join(skipped)}.", hint=f"Tulis \"{skipped[0]}\".")
    if None in names or not names:
        guess = _close(said.lower(), LEVEL_CHOICES)
        if guess:
            return almost(f"'{md(said)}' sepertinya salah ketik.", hint=f"Maksud Anda '{guess}'?")
        return wrong(f"'{md(said)}' bukan nama level.", hint=f"Pilihan: {_level_list()}.")
    if names == list(skipped):
        return right(f"{', '.join(skipped)} terlewati: {child} di bawah {parent} melompati satu "
                     f"jenjang, sehingga hasil program yang menghubungkannya tidak tampak (aturan M09).",
                     "Perbaikannya: sisipkan kondisi level itu di antaranya, atau naikkan anaknya.")
    if set(names) & set(skipped):
        return almost("Sebagian benar: sebutkan tepat level yang terlewati, tidak lebih.",
                      hint=f"Tulis \"{', '.join(skipped)}\".")
    return wrong(f"{', '.join(n for n in names if n)} bukan level di antara {parent} dan {child}.",
                 hint=f"Urutan dari atas: {' > '.join(LEVEL_CHOICES)}; cari yang ada di antara "
                      f"keduanya.")


# --------------------------------------------------------------------------- wording


def _mentions(statement: str, subject: tuple[str, ...]) -> bool:
    lowered = statement.lower()
    return any(re.search(rf"\b{re.escape(s)}", lowered) for s in subject)


def check_condition(jawaban, level: str = "intermediate", subject: tuple[str, ...] = ()) -> Feedback:
    """Is the answer a condition (a result) worded right for ``level``, about ``subject`` (words
    of which one must appear, when the exercise says what the condition is about)?"""
    if answers.is_blank(jawaban):
        return empty("Tulis kondisi sebagai hasil yang ingin dicapai, mis. \"Meningkatnya cakupan "
                     "imunisasi dasar lengkap\".")
    statement = answers.text(jawaban)
    if isinstance(statement, Unread):
        return _unread(statement)
    words = statement.split()
    first = opening_word(statement)
    if first in ACTIVITY_WORDS:
        proposal, advice = result_rewrite(" ".join(statement.split()[_skip(statement):]), level)
        hint = f"Coba \"{md(proposal)}\"." if proposal else md(advice[0].upper() + advice[1:]) + "."
        return wrong(f"'{md(words[_skip(statement)])}' menggambarkan **kegiatan**, bukan kondisi yang "
                     f"ingin dicapai.", hint=hint)
    as_problem = problem_wording(statement)  # rule M32, the sentence validate says
    if as_problem:
        hint = _change_hint(statement, as_problem)
        if "arahnya sudah benar" in as_problem:
            return almost(md(as_problem), hint=hint)
        return wrong(md(as_problem), hint=hint)
    if first not in RESULT_OPENINGS:
        guess = _close(first, RESULT_OPENINGS)
        if guess:
            rest = " ".join(words[_skip(statement) + 1:])
            return almost(f"'{md(words[_skip(statement)])}' sepertinya salah ketik.",
                          hint=f"Maksud Anda \"{guess.capitalize()} {md(rest)}\"?")
        return wrong(f"Kondisi diawali kata hasil seperti 'Meningkatnya', 'Menurunnya' atau "
                     f"'Terwujudnya'; '{md(words[0])}' bukan salah satunya.",
                     hint="Awali dengan kata hasil: Meningkatnya, Menurunnya, Terwujudnya, ...")
    against = direction_problem(statement)  # rule M28, the sentence validate says
    if against:
        return wrong(md(against), hint=_direction_hint(statement))
    if len(words) < 3:
        return almost("Kondisinya terlalu pendek: sebutkan apa yang berubah dan pada siapa/apa.",
                      hint=f"Mis. \"{md(statement)} pada bayi\".",
                      good=[f"'{md(words[0])}' merumuskan hasil, bukan kegiatan."])
    if level in schema.OUTCOME_LEVELS and first in OUTPUT_OPENINGS:
        return wrong(f"'{md(words[0])}' lazim untuk **output** (hasil langsung kegiatan), kurang "
                     f"tepat untuk level {level}: outcome adalah perubahan keadaan.",
                     hint="Untuk outcome: 'Meningkatnya ...', 'Menurunnya ...'.")
    if subject and not _mentions(statement, subject):
        return wrong(f"Rumusannya benar bentuknya, tetapi tidak menyebut {md(subject[0])}: kondisi "
                     f"ini harus menjawab masalah yang ditanyakan.",
                     good=[f"'{md(words[0])}' merumuskan hasil."],
                     hint=f"Sebutkan {md(subject[0])} dalam kondisinya.")
    return right(f"'{md(words[0])}' merumuskan hasil, bukan kegiatan, dan arahnya sesuai ukurannya.",
                 f"Rumusan cocok untuk level {level}.")


def _skip(statement: str) -> int:
    """How many qualifier words ("masih", "semakin") open the statement."""
    words = statement.lower().split()
    first = opening_word(statement)
    return next((i for i, w in enumerate(words) if w.strip(".,:;") == first), 0)


def _change_hint(statement: str, said: str) -> str:
    """The rewording rule M32's sentence proposes ("mis. 'Menurunnya ...'"), as a hint."""
    proposal = re.search(r"mis\. '([^']+)'", said)
    if proposal and "..." not in proposal.group(1):
        return f"Coba \"{md(proposal.group(1))}\"."
    return "Kondisi menyebut perubahan yang ingin dicapai: 'Meningkatnya ...', 'Menurunnya ...'."


def _direction_hint(statement: str) -> str:
    from ...method.wording import statement_direction

    rest = " ".join(statement.split()[1:])
    opening = "Menurunnya" if statement_direction(statement) == "naik" else "Meningkatnya"
    return f"Coba \"{opening} {md(rest)}\"."


# --------------------------------------------------------------------------- achievement


def _same(value: float, figure: float | None, places: int) -> bool:
    return figure is not None and math.isclose(value, round(figure, places), abs_tol=0.5 * 10 ** -places)


def check_achievement(jawaban, target: float, actual: float, polarity: str,
                      cap: float | None = DEFAULT_CAP) -> Feedback:
    """The achievement (percent) of ``actual`` against ``target``: the module's formula
    (uncapped), to one decimal or more; a rounded figure, the capped figure the reports print and
    the T/R formula for a minimised indicator are variants, said as such."""
    if answers.is_blank(jawaban):
        return empty("Hitung capaian dalam persen, mis. 87,5.")
    value = answers.number(jawaban)
    if isinstance(value, Unread):
        return _unread(value)
    expected, _ = achievement(target, actual, polarity, AchievementConfig(cap=None))
    formula = ("realisasi / target × 100" if polarity == "maks"
               else "(2 × target − realisasi) / target × 100")
    shown = number_text(round(expected, 2))
    if any(_same(value, expected, p) for p in (1, 2, 3)) or math.isclose(value, expected, abs_tol=0.005):
        return right(f"Capaian {shown}%: {formula}.")
    if _same(value, expected, 0):
        return variant(f"{number_text(value)}% adalah {shown}% yang dibulatkan.",
                       "Laporan menulis satu atau dua desimal agar capaian yang hampir sama tetap "
                       "terbedakan.")
    if cap and expected > cap and math.isclose(value, cap, abs_tol=0.05):
        capped = number_text(cap)
        return variant(f"{capped}% adalah capaian yang **dibatasi** (batas atas {capped}%, seperti "
                       f"Kemenkeu; laporan pohon-nb memakainya, parameter `batas_atas`).",
                       f"Rumusnya sendiri memberi {shown}%: {formula}. Latihan ini menanyakan "
                       f"angka sebelum dibatasi.")
    if polarity == "min" and actual:
        inverse = target / actual * 100
        if any(_same(value, inverse, p) for p in (0, 1, 2)):
            return variant(
                f"{number_text(value)}% benar menurut rumus **target / realisasi × 100**, varian yang "
                f"dipakai sebagian daerah untuk indikator min.",
                f"Modul ini memakai (2 × target − realisasi) / target × 100 = {shown}%, rumus LKjIP "
                f"dan panduan KemenPANRB: selisih dari target dihitung sama besar ke atas dan ke "
                f"bawah, sedangkan T/R makin lunak bila realisasi jauh lebih buruk. Pakai yang "
                f"ditetapkan daerah Anda, dan konsisten.")
    naive = actual / target * 100 if target else None
    if polarity == "min" and naive is not None and any(_same(value, naive, p) for p in (0, 1, 2)):
        return wrong("Anda memakai rumus **maks** (realisasi / target) untuk indikator **min**: "
                     "makin kecil realisasi, makin baik.",
                     hint=f"Untuk polaritas min: {formula}.")
    if any(_same(value, expected / 100, p) for p in (2, 3, 4)):
        return almost("Hasilnya belum dikali 100: capaian ditulis dalam persen.",
                      good=["Perbandingannya sudah benar."], hint=f"Tulis {shown}.")
    if polarity == "maks" and actual and any(_same(value, target / actual * 100, p) for p in (0, 1, 2)):
        return wrong("Pembilang dan penyebut tertukar.", hint=f"Untuk polaritas maks: {formula}.")
    if math.isclose(value, target) or math.isclose(value, actual):
        which = "targetnya" if math.isclose(value, target) else "realisasinya"
        return wrong(f"{number_text(value)} adalah {which}, bukan capaiannya: capaian membandingkan "
                     f"realisasi dengan target.", hint=f"Rumus untuk polaritas {polarity}: {formula}.")
    return wrong(f"{number_text(value)}% belum tepat.",
                 hint=f"Rumus untuk polaritas {polarity}: {formula}.")


# --------------------------------------------------------------------------- problems


def check_usg_ranking(jawaban, scores: dict[str, tuple], failed: dict[str, str] | None = None) -> Feedback:
    """The issues ordered from the highest USG total; ties in any order. ``failed`` maps an
    issue that failed APKL to the letters it failed (it is not ranked)."""
    failed = failed or {}
    if answers.is_blank(jawaban):
        return empty("Urutkan ID isu dari total U+S+G tertinggi, dipisah koma.")
    read = answers.items(jawaban)
    if isinstance(read, Unread):
        return _unread(read)
    if len(read) == 1 and " " in read[0]:  # "A B C": ids separated by spaces only
        read = read[0].split()
    totals = {k: sum(v) for k, v in scores.items()}
    by_key = {k.lower(): k for k in [*totals, *failed]}
    ids = [by_key.get(a.lower(), a) for a in read]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        return wrong(f"{md(', '.join(twice))} tertulis lebih dari sekali: setiap isu masuk peringkat "
                     f"satu kali.", hint="Tulis setiap ID sekali, dari total tertinggi.")
    screened = [i for i in ids if i in failed]
    if screened:
        said = "; ".join(f"{md(i)} gagal APKL ({_apkl_names(failed[i])})" for i in screened)
        return wrong(f"{said}: isu yang gagal APKL tidak diperingkat USG. Yang gagal *Layak* (di luar "
                     f"kewenangan OPD) dibawa sebagai permintaan **crosscutting** ke OPD yang berwenang.",
                     hint="Hapus isu itu dari urutan; urutkan yang lolos APKL saja.")
    unknown = [a for a in ids if a not in totals]
    if unknown:
        return wrong(f"ID tidak dikenal: {md(', '.join(unknown))}.",
                     hint=f"ID yang lolos APKL: {md(', '.join(totals))}.")
    missing = [k for k in totals if k not in ids]
    values = [totals[a] for a in ids]
    if missing:
        ordered = values == sorted(values, reverse=True)
        return almost(f"Belum diurutkan: {md(', '.join(missing))}; setiap isu yang lolos APKL masuk "
                      f"peringkat.",
                      good=["Yang sudah ditulis urut dari total tertinggi."] if ordered else [],
                      hint="Tambahkan isu itu pada tempatnya menurut totalnya.")
    if values == sorted(values, reverse=True):
        ties = sorted({t for t in values if values.count(t) > 1}, reverse=True)
        good = ["Urutan dari total tertinggi sudah benar."]
        if ties:
            good.append(f"Ada nilai seri (total {', '.join(map(str, ties))}): urutan di antara isu yang "
                        f"seri diputuskan bersama di forum, bukan oleh angka.")
        return right(*good)
    if values == sorted(values) and len(set(values)) > 1:
        return wrong("Urutannya terbalik: peringkat pertama adalah total U + S + G **tertinggi**.",
                     hint="Balik urutannya.")
    bad = [i for i in range(len(values) - 1) if values[i] < values[i + 1]]
    first_bad = bad[0]
    message = (f"{md(ids[first_bad])} (total {values[first_bad]}) ditaruh di atas "
               f"{md(ids[first_bad + 1])} (total {values[first_bad + 1]}).")
    good = [f"{first_bad} isu pertama sudah urut."] if first_bad else []
    swapped = ids[:]
    swapped[first_bad], swapped[first_bad + 1] = swapped[first_bad + 1], swapped[first_bad]
    if [totals[a] for a in swapped] == sorted(values, reverse=True):
        return almost(message, good=good, hint=f"Tukar {md(ids[first_bad])} dan {md(ids[first_bad + 1])}.")
    return wrong(message, good=good, hint="Jumlahkan U + S + G setiap isu, lalu urutkan dari yang terbesar.")


APKL_NAMES = {"A": "Aktual", "P": "Problematik", "K": "Kekhalayakan", "L": "Layak"}


def _apkl_names(letters: str) -> str:
    return ", ".join(APKL_NAMES[c] for c in letters if c in APKL_NAMES)


def _apkl_criterion(word: str) -> str | None:
    """The APKL letter a word names: the letter itself, the criterion's name or its first three
    letters or more ("lay", "Layak", "Aktualitas"), "kelayakan" or "kewenangan" for Layak; None
    for any other word ("layanan" is not "Layak")."""
    for letter, name in APKL_NAMES.items():
        name = name.lower()
        if word == letter.lower() or word.startswith(name) or (len(word) >= 3 and name.startswith(word)):
            return letter
    return "L" if word.startswith(("kelayak", "kewenang")) else None


def check_apkl_failure(jawaban, failed_letters: str, issue: str = "") -> Feedback:
    """Which APKL criterion did ``issue`` fail (letters, e.g. "L")?"""
    if answers.is_blank(jawaban):
        return empty("Tulis huruf kriteria APKL yang tidak dipenuhi (A, P, K atau L) atau namanya.")
    read = answers.items(jawaban)
    if isinstance(read, Unread):
        return _unread(read)
    letters = set()
    for piece in read:
        for word in re.split(r"[\s/]+", piece.strip()):
            hit = _apkl_criterion(word.lower().strip(".,;()\"'"))
            if hit:
                letters.add(hit)
    if not letters:
        return wrong(f"'{md(', '.join(read))}' bukan kriteria APKL.",
                     hint="A = Aktual, P = Problematik, K = Kekhalayakan, L = Layak.")
    key = set(failed_letters)
    if letters == key:
        what = _apkl_names(failed_letters)
        extra = (" Isu yang tidak *Layak* ada di luar kewenangan OPD: ia tidak diperingkat, tetapi "
                 "dibawa sebagai permintaan **crosscutting** ke OPD yang berwenang."
                 if "L" in key else " Isu itu tidak diperingkat USG.")
        return right(f"{md(issue)} gagal {what}.{extra}")
    if letters & key:
        return almost(f"Sebagian: {md(issue)} gagal {_apkl_names(failed_letters)} saja.",
                      hint=f"Tulis \"{''.join(sorted(key))}\".")
    return wrong(f"{md(issue)} memenuhi {_apkl_names(''.join(sorted(letters)))}; yang tidak dipenuhi "
                 f"{_apkl_names(failed_letters)}.",
                 hint="Lihat kolom *gagal* di tabel APKL di atas.")


# --------------------------------------------------------------------------- indicators

INDICATOR_EXAMPLE = ("Persentase balita yang ditimbang di posyandu", "%",
                     "(balita ditimbang / seluruh balita) × 100")
"""An output indicator for a posyandu monitoring output; it passes :func:`check_indicator` at the
output level."""

_FILLER = {"yang", "dan", "di", "ke", "dari", "pada", "untuk", "dengan", "oleh", "dalam", "per",
           "atas", "bagi", "serta", "atau", "setiap", "seluruh", "semua", "balita"}


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-zA-Z]+", text.lower())
    openings = set(RESULT_OPENINGS) | set(ACTIVITY_WORDS)
    return {w[:6] for w in words if len(w) > 3 and w not in _FILLER and w not in openings
            and w not in MEASURE_WORDS}


def _indicator_parts(jawaban):
    if isinstance(jawaban, dict):
        return (str(jawaban.get("nama") or ""), str(jawaban.get("satuan") or ""),
                str(jawaban.get("formula") or "")), None
    if isinstance(jawaban, (list, tuple)):
        parts = [answers.text(v) if not answers.is_blank(v) else "" for v in jawaban]
        if any(isinstance(p, Unread) for p in parts) or len(parts) > 3:
            return None, Unread("Tulis (nama, satuan, formula), mis. (\"Persentase ...\", \"%\", "
                                "\"(a / b) × 100\").")
        parts += [""] * (3 - len(parts))
        return tuple(parts), None
    name = answers.text(jawaban)
    if isinstance(name, Unread):
        return None, name
    return (name, "", ""), None


def check_indicator(jawaban, level: str = "immediate", condition: str = "") -> Feedback:
    """A measurable indicator with a unit (and, for a ratio, a formula) of the kind its level
    needs (rules M03, M29), measuring ``condition`` (it shares a word with it). The answer is
    (name, unit, formula), a list, or the name alone."""
    if answers.is_blank(jawaban):
        return empty("Tulis (nama indikator, satuan, formula), mis. (\"Persentase ...\", \"%\", "
                     "\"(a / b) × 100\").")
    parts, problem = _indicator_parts(jawaban)
    if problem:
        return _unread(problem)
    name, unit, formula = parts
    if not name:
        return wrong("Nama indikator belum diisi.", hint="Tulis namanya lebih dulu.")
    lowered = name.lower()
    example = f"Contoh: (\"{INDICATOR_EXAMPLE[0]}\", \"{INDICATOR_EXAMPLE[1]}\", \"{INDICATOR_EXAMPLE[2]}\")."
    wrong_level = kind_problem({"nama": name}, level)  # rules M03/M29, the sentence validate says
    if wrong_level:
        standard = standard_indicator(name)
        said = [md(wrong_level)]
        if standard:
            said.append(f"Indikator itu memang standar nasional ({standard}), tetapi untuk kondisi "
                        f"outcome, bukan untuk level {level}.")
        return wrong(*said, hint=example if level == "output" else
                     "Ukur perubahan yang dihasilkan: persentase, tingkat atau angka.")
    standard = standard_indicator(name)
    if not standard and not lowered.startswith(MEASURE_WORDS):
        vague = _vague(name)
        said = "Nama indikator belum menyebut ukuran (persentase, jumlah, indeks, rasio, ...)."
        if vague:
            said += f" Kata '{md(vague[0])}' kabur bila tidak diukur."
        return wrong(said, hint=example if level == "output" else
                     "Awali dengan ukurannya: Persentase ..., Angka ..., Indeks ...")
    if condition and not standard and not (_content_words(name) & _content_words(condition)):
        return wrong(f"Indikator '{md(name)}' tidak menyebut apa pun dari kondisinya "
                     f"('{md(condition)}'): indikator mengukur kondisi itu sendiri.",
                     hint=example if level == "output" else "Sebutkan apa yang diukur dari kondisinya.")
    good = [f"Indikator standar nasional: definisi dan cara hitungnya baku ({standard})."
            if standard else "Nama indikator menyebut ukurannya dan sesuai levelnya."]
    if not unit:
        return almost("Satuan belum diisi.", good=good, hint="Tambahkan satuannya, mis. \"%\".")
    good.append(f"Satuan: {md(unit)}.")
    if not formula and lowered.startswith(RATIO_WORDS) and not standard:
        return almost("Indikator rasio perlu formula (pembilang / penyebut × 100).", good=good,
                      hint=f"Mis. formula \"{INDICATOR_EXAMPLE[2]}\".")
    if formula:
        good.append("Formula ada.")
    return right(*good)


KINDS = ("dampak", "outcome", "output")


def check_indicator_kind(jawaban, name: str) -> Feedback:
    """What an indicator named ``name`` measures: dampak, outcome or output
    (:func:`pohon_nb.method.wording.measure_kind`, the reading behind rule M29)."""
    expected = measure_kind(name)
    if answers.is_blank(jawaban):
        return empty("Tulis jenisnya: dampak, outcome atau output.")
    said = answers.text(jawaban)
    if isinstance(said, Unread):
        return _unread(said)
    kind = said.lower().strip(" .")
    kind = {"impact": "dampak", "hasil": "outcome", "keluaran": "output"}.get(kind, kind)
    if kind not in KINDS:
        guess = _close(kind, KINDS)
        return almost(f"'{md(said)}' bukan jenis indikator.", hint=f"Maksud Anda '{guess}'?") if guess \
            else wrong(f"'{md(said)}' bukan jenis indikator.", hint="Pilihan: dampak, outcome, output.")
    why = {"outcome": "menghitung perubahan keadaan orang (kasus, kematian, kesakitan), bukan "
                      "apa yang diserahkan kegiatan; kata 'Jumlah' saja tidak menjadikannya output",
           "output": "menghitung apa yang dihasilkan atau diserahkan kegiatan",
           "dampak": "mengukur perubahan jangka panjang di tingkat daerah"}
    if kind == expected:
        return right(f"'{md(name)}' mengukur **{expected}**: {why[expected]}.")
    if {kind, expected} == {"dampak", "outcome"}:
        return almost(f"Keduanya ukuran hasil; '{md(name)}' lebih tepat disebut {expected}: "
                      f"{why[expected]}.", hint=f"Tulis \"{expected}\".")
    return wrong(f"'{md(name)}' mengukur **{expected}**, bukan {kind}: {why[expected]}.",
                 hint=f"Tulis \"{expected}\".")


# --------------------------------------------------------------------------- choices


def check_choice(jawaban, options: dict[str, str], key: str, explain: dict[str, str],
                 aliases: dict[str, str] | None = None) -> Feedback:
    """A multiple-choice answer: the option's letter ("b"), its number, its text (typed or
    picked from a list) or a usual short form of it (``aliases``: "kabid" for kepala bidang).
    ``explain`` says, per option, why it is right or wrong."""
    letters = list(options)
    if answers.is_blank(jawaban):
        return empty(f"Pilih satu: {', '.join(letters)}.")
    said = answers.text(jawaban)
    if isinstance(said, Unread):
        return _unread(said)
    picked = (aliases or {}).get(_norm(said)) or _pick(said, options)
    if picked is None:
        return wrong(f"'{md(said)}' bukan salah satu pilihan.",
                     hint=f"Tulis hurufnya saja: {', '.join(letters)}.")
    if picked == key:
        return right(explain[key])
    return wrong(explain[picked], hint="Baca lagi pilihan lainnya.")


def _pick(said: str, options: dict[str, str]) -> str | None:
    cleaned = said.strip().strip(".)").lower()
    for letter in options:
        if cleaned == letter.lower():
            return letter
    if cleaned.isdigit() and 1 <= int(cleaned) <= len(options):
        return list(options)[int(cleaned) - 1]
    by_text = {text.lower(): letter for letter, text in options.items()}
    if cleaned in by_text:
        return by_text[cleaned]
    close = difflib.get_close_matches(cleaned, list(by_text), n=1, cutoff=0.75)
    if close:
        return by_text[close[0]]
    starts = [letter for text, letter in by_text.items() if cleaned and cleaned in text]
    return starts[0] if len(starts) == 1 else None


# --------------------------------------------------------------------------- cascading


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w.]+", " ", str(text).lower()).split())


def _node_named(said: str, nodes: dict[str, str]) -> str | None:
    """The condition an answer names: its id in any case, or its statement typed out."""
    by_id = {k.lower(): k for k in nodes}
    key = said.strip().strip(".").lower()
    if key in by_id:
        return by_id[key]
    by_text = {_norm(v): k for k, v in nodes.items() if v}
    if _norm(said) in by_text:
        return by_text[_norm(said)]
    close = difflib.get_close_matches(_norm(said), list(by_text), n=1, cutoff=0.85)
    return by_text[close[0]] if close else None


def check_missing_link(jawaban, lost: str | None = None, parent: str | None = None,
                       nodes: dict[str, str] | None = None, levels: dict[str, str] | None = None) -> Feedback:
    """Which condition should ``lost`` hang under? The answer is the parent's id (any case) or
    its statement; ``nodes`` maps the candidate conditions to their statements. Without them,
    the bundled sample's exercise (Modul 5)."""
    if answers.is_blank(jawaban):
        return empty("Tulis ID kondisi yang seharusnya menjadi induknya (atau pernyataannya).")
    if lost is None:
        from .guide import sample_material

        m = sample_material()
        lost, parent, nodes, levels = m.lost, m.lost_parent, m.candidates, m.levels
    said = answers.text(jawaban)
    if isinstance(said, Unread):
        return _unread(said)
    named = _node_named(said, {**nodes, lost: nodes.get(lost, "")})
    if named == parent:
        return right(f"{md(parent)} adalah induk yang hilang: {md(lost)} ({levels.get(lost)}) "
                     f"kembali di bawah {levels.get(parent)} outcome yang membutuhkannya, dan "
                     f"rantainya tersambung sampai ultimate outcome (kriteria 1.b.8).")
    if named is None:
        return wrong(f"'{md(said)}' bukan kondisi di tabel calon induk.",
                     hint="Tulis ID dari kolom id, mis. seperti yang tertulis di tabel.")
    if named == lost:
        return wrong(f"{md(lost)} adalah kondisi yang terlepas itu sendiri; yang ditanyakan induknya.")
    gap = schema.LEVEL_RANK.get(levels.get(lost), 0) - schema.LEVEL_RANK.get(levels.get(named), 0)
    if gap > 1:
        return wrong(f"{md(named)} level {levels.get(named)}: {levels.get(lost)} langsung di bawahnya "
                     f"melewatkan satu level (aturan M09).",
                     hint=f"Cari kondisi level {schema.LEVELS[schema.LEVEL_RANK[levels.get(lost)] - 1]} "
                          f"yang isinya membutuhkan {md(lost)}.")
    return wrong(f"{md(named)} levelnya cocok, tetapi isinya tidak membutuhkan {md(lost)}: bacalah "
                 f"pernyataan keduanya dengan logika *jika {md(lost)} terwujud, maka ...*.",
                 hint="Pilih kondisi yang tercapai bila kondisi yang terlepas itu terwujud.")


# --------------------------------------------------------------------------- crosscutting


def _opd_named(said: str, opds: dict[str, tuple[str, ...]]) -> str | None:
    """The OPD an answer names: its code, its name or its abbreviation, in any case."""
    key = _norm(said)
    for code, names in opds.items():
        if key == _norm(code) or any(key == _norm(n) for n in names if n):
            return code
    for code, names in opds.items():
        if any(n and key and (key in _norm(n).split() or _norm(n).endswith(key)) for n in names):
            return code
    everything = {_norm(n): code for code, names in opds.items() for n in names if n}
    close = difflib.get_close_matches(key, list(everything), n=1, cutoff=0.8)
    return everything[close[0]] if close else None


def check_request_direction(jawaban, requester: str, partner: str, opds: dict[str, tuple[str, ...]],
                            contribution: str = "") -> Feedback:
    """Who delivers what a crosscutting request asks for? (The partner: the request is recorded
    on the requester's condition, the partner agrees and delivers.)"""
    if answers.is_blank(jawaban):
        return empty("Tulis nama, singkatan atau kode OPD yang harus mewujudkannya.")
    said = answers.text(jawaban)
    if isinstance(said, Unread):
        return _unread(said)
    named = _opd_named(said, opds)
    partner_name = opds.get(partner, (partner,))[0]
    requester_name = opds.get(requester, (requester,))[0]
    if named == partner:
        return right(f"{md(partner_name)} mewujudkan {md(contribution) or 'kontribusi itu'}: permintaan "
                     f"dicatat pada kondisi {md(requester_name)} yang membutuhkannya, dan mitra "
                     f"menetapkan statusnya.")
    if named == requester:
        return wrong(f"{md(requester_name)} adalah OPD yang **meminta**: kondisinya membutuhkan "
                     f"kontribusi itu. Yang mewujudkannya adalah mitra (kolom *kode_opd_mitra*).",
                     hint="Baca arah panah: dari OPD yang meminta ke OPD mitra.")
    if named is None:
        return wrong(f"'{md(said)}' bukan OPD di daftar.", hint="Tulis nama atau singkatan OPD.")
    return wrong(f"{md(opds[named][0])} tidak terlibat dalam permintaan ini.",
                 hint="Lihat kolom mitra pada baris permintaan itu.")


def check_pending(jawaban, pending: list[str], agreed: list[str],
                  opds: dict[str, tuple[str, ...]]) -> Feedback:
    """Which partners have not yet answered the OPD's requests (status usulan; a rejected one is
    settled and needs another partner, rule M16)?"""
    if answers.is_blank(jawaban):
        if not pending:
            return empty("Tulis \"tidak ada\" bila semua permintaan sudah disepakati.")
        return empty("Tulis OPD mitra yang belum menyepakati permintaannya, dipisah koma.")
    said = answers.items(jawaban)
    if isinstance(said, Unread):
        return _unread(said)
    if len(said) == 1 and said[0].lower().startswith("tidak"):
        named: list[str | None] = []
    else:
        named = [_opd_named(s, opds) for s in said]
    unknown = [s for s, n in zip(said, named) if n is None]
    if unknown:
        return wrong(f"{md(', '.join(unknown))} bukan OPD di daftar.", hint="Tulis nama atau singkatan OPD.")
    names = {c: opds.get(c, (c,))[0] for c in [*pending, *agreed]}
    chosen = set(named)
    if chosen == set(pending):
        if not pending:
            return right("Semua permintaan sudah disepakati mitranya.")
        return right(f"Belum disepakati: {md(', '.join(names[c] for c in pending))}. Bawa ke forum "
                     f"asistensi sebelum Renstra ditetapkan: kondisi yang bergantung pada mitra yang "
                     f"belum setuju menahan kriteria 1.b.9 (aturan M11).")
    if not chosen and pending:
        return wrong("Ada permintaan yang belum disepakati: lihat kolom status setiap baris.",
                     hint="Status usulan berarti mitra belum menjawab.")
    also_agreed = chosen & set(agreed)
    if also_agreed:
        return wrong(f"{md(', '.join(names[c] for c in also_agreed))} sudah menjawab: permintaannya "
                     f"**disetujui** (atau ditolak, dan perlu mitra atau rancangan lain).",
                     hint="Pilih yang statusnya masih usulan.")
    if chosen < set(pending):
        rest = [names[c] for c in pending if c not in chosen]
        return almost(f"Masih ada yang belum disepakati: {md(', '.join(rest))}.",
                      hint="Periksa setiap baris yang statusnya masih usulan.")
    return wrong("Itu bukan mitra permintaan OPD ini.", hint="Lihat kolom mitra dan status tabel di atas.")
