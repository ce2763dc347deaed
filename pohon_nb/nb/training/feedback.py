"""What a check tells the learner: a grade, the key point first, then what is right and a hint.

Four grades and the empty answer:

- ``tepat``: the answer the module teaches;
- ``varian``: also right, another way (a region's T/R formula, a capped or rounded figure):
  the feedback says which the module uses and why they differ;
- ``hampir``: one thing off (a typo, a missing unit, a level one step away);
- ``salah``: the method says otherwise; the key point comes first;
- ``kosong``: nothing typed yet: what to write;
- ``tanpa_data``: the module's workbook lacks what the exercise reads: what to fill in, where.
"""

from __future__ import annotations

from dataclasses import dataclass, field

GRADES = ("tepat", "varian", "hampir", "salah", "kosong", "tanpa_data")

HEADS = {
    "tepat": "✅ **Tepat!**",
    "varian": "✅ **Benar, dengan cara lain.**",
    "hampir": "🔎 **Hampir: satu hal lagi.**",
    "salah": "❌ **Belum tepat.**",
    "kosong": "✏️ **Belum ada jawaban.**",
    "tanpa_data": "ℹ️ **Latihan ini belum bisa dikerjakan dengan data ini.**",
}


@dataclass
class Feedback:
    """The verdict on one answer and what to tell the learner (Markdown, Bahasa Indonesia).

    ``wrong`` holds what is off, the key point first; ``good`` what is already right; ``hint``
    the next step, which passes the same check when followed as written."""

    grade: str
    wrong: list[str] = field(default_factory=list)
    good: list[str] = field(default_factory=list)
    hint: str = ""

    def __post_init__(self):
        if self.grade not in GRADES:
            raise ValueError(f"unknown grade {self.grade!r}")

    @property
    def ok(self) -> bool:
        """Right: the module's answer or a valid variant."""
        return self.grade in ("tepat", "varian")

    @property
    def empty(self) -> bool:
        return self.grade == "kosong"

    @property
    def unavailable(self) -> bool:
        return self.grade == "tanpa_data"

    @property
    def text(self) -> str:
        """Everything the learner reads, as one plain line (for tables and tests)."""
        parts = [*self.wrong, *self.good] + ([f"Petunjuk: {self.hint}"] if self.hint else [])
        return " ".join(parts)

    def _repr_markdown_(self) -> str:
        lines = [HEADS[self.grade]]
        if self.grade in ("kosong", "tanpa_data"):
            return f"{lines[0]} {self.hint}"
        lines += [f"- ✘ {w}" for w in self.wrong]
        lines += [f"- ✔ {g}" for g in self.good]
        if self.hint:
            lines.append(f"\n💡 *Petunjuk:* {self.hint}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self._repr_markdown_()


def right(*good: str) -> Feedback:
    return Feedback("tepat", good=list(good))


def variant(*good: str) -> Feedback:
    return Feedback("varian", good=list(good))


def almost(wrong: str, hint: str = "", good: list[str] | None = None) -> Feedback:
    return Feedback("hampir", wrong=[wrong], good=list(good or []), hint=hint)


def wrong(*wrong_: str, hint: str = "", good: list[str] | None = None) -> Feedback:
    return Feedback("salah", wrong=list(wrong_), good=list(good or []), hint=hint)


def empty(hint: str) -> Feedback:
    return Feedback("kosong", hint=hint)


def unavailable(why: str) -> Feedback:
    return Feedback("tanpa_data", hint=why)
