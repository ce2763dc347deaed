"""The facilitator guide's table of typical answers, written from :data:`.exercises.EXERCISES`
(the same rows the tests run), so the guide cannot drift from what participants see."""

from __future__ import annotations

from pathlib import Path

from ...reading.model import load
from .exercises import EXERCISES, MODULES
from .material import Material

START, END = "<!-- jawaban-lazim:mulai -->", "<!-- jawaban-lazim:selesai -->"
SAMPLE_OPD = "1.02.0.00.0.00.01.0000"
GRADE_WORDS = {"tepat": "tepat", "varian": "benar, cara lain", "hampir": "hampir", "salah": "belum tepat",
               "kosong": "kosong", "tanpa_data": "data tidak ada"}


def sample_material() -> Material:
    pemda = load(None)
    return Material(pemda, SAMPLE_OPD, pemda.assessed_year(0))


def answer_text(value) -> str:
    """An answer as the learner typed it, for the table."""
    if value is None:
        return "(kosong)"
    if isinstance(value, str):
        return f"\"{value}\"" if value.strip() else "(kosong)"
    return repr(value)


def typical_answers_markdown(material: Material | None = None) -> str:
    """Per module, a table of each exercise's typical answers, the verdict and the feedback."""
    material = material or sample_material()
    parts = []
    for module in MODULES:
        parts.append(f"#### {module}\n")
        rows = ["| latihan | jawaban peserta | penilaian | umpan balik (ringkas) |", "|---|---|---|---|"]
        for exercise in (e for e in EXERCISES if e.module == module):
            for answer, _, _ in exercise.typical:
                fb = exercise.run(answer, material)
                said = fb.text if fb.grade not in ("kosong", "tanpa_data") else fb.hint
                said = said if len(said) <= 240 else said[:237].rsplit(" ", 1)[0] + " ..."
                cells = [f"{exercise.key} {exercise.title}", answer_text(answer), GRADE_WORDS[fb.grade],
                         said]
                rows.append("| " + " | ".join(c.replace("|", "/").replace("\n", " ") for c in cells) + " |")
        parts.append("\n".join(rows) + "\n")
    return "\n".join(parts).rstrip("\n")


def write_guide(path: Path) -> bool:
    """Rewrite the table between the markers in the guide; True when it changed."""
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    new = f"{head}{START}\n{typical_answers_markdown()}\n{END}{tail}"
    if new != text:
        from ...core.atomic import write_text

        write_text(path, new)
        return True
    return False
