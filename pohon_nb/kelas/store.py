"""The class's participants and every answer, in one SQLite file, committed answer by answer.

A server restart loses nothing: the participants, their tokens (a browser's cookie) and every
answer are on disk before the feedback goes back. The class's secret for signing cookies is
kept here too, so a participant who reconnects after a restart is still signed in.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3
import threading
from collections import Counter
from pathlib import Path

import pandas as pd

SCHEMA = """
CREATE TABLE IF NOT EXISTS kelas (kunci TEXT PRIMARY KEY, nilai TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS peserta (
    id INTEGER PRIMARY KEY, nama TEXT NOT NULL UNIQUE, token TEXT NOT NULL UNIQUE,
    bergabung TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jawaban (
    id INTEGER PRIMARY KEY, peserta INTEGER NOT NULL REFERENCES peserta(id), modul TEXT NOT NULL,
    latihan TEXT NOT NULL, jawaban TEXT NOT NULL, isian TEXT NOT NULL, nilai TEXT NOT NULL,
    umpan_balik TEXT NOT NULL, waktu TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS jawaban_latihan ON jawaban (latihan, peserta);
"""

RIGHT = ("tepat", "varian")
"""Grades that count as right (the module's answer, or a valid variant)."""

NAME_LENGTH = 40


class Store:
    """The class database at ``path`` (created when missing). Safe to share between threads."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # an answer acknowledged is on disk
        self._db.executescript(SCHEMA)
        self._lock = threading.Lock()

    def close(self) -> None:
        self._db.close()

    def secret(self) -> str:
        """The class's cookie-signing secret, made once and kept."""
        with self._lock:
            row = self._db.execute("SELECT nilai FROM kelas WHERE kunci = 'rahasia'").fetchone()
            if row:
                return row[0]
            value = secrets.token_hex(32)
            self._db.execute("INSERT INTO kelas VALUES ('rahasia', ?)", (value,))
            return value

    def code(self, name: str, given: str | None, length: int) -> str:
        """The class's ``name`` code: ``given`` when given (kept for the next start), else the
        one kept from an earlier start, else a new one easy to read aloud (no 0/O, 1/I)."""
        with self._lock:
            if given:
                self._db.execute("INSERT OR REPLACE INTO kelas VALUES (?, ?)", (name, given))
                return given
            row = self._db.execute("SELECT nilai FROM kelas WHERE kunci = ?", (name,)).fetchone()
            if row:
                return row[0]
            value = "".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(length))
            self._db.execute("INSERT INTO kelas VALUES (?, ?)", (name, value))
            return value

    def join(self, name: str) -> tuple[int, str, str]:
        """A new participant: (id, the name as shown, token). A name already taken gets a
        number ("Ani (2)"): a name alone never signs in as someone else."""
        base = " ".join(str(name).split())[:NAME_LENGTH]
        token = secrets.token_urlsafe(24)
        with self._lock:
            shown, n = base, 1
            while self._db.execute("SELECT 1 FROM peserta WHERE nama = ?", (shown,)).fetchone():
                n += 1
                shown = f"{base} ({n})"
            cursor = self._db.execute("INSERT INTO peserta (nama, token, bergabung) VALUES (?, ?, ?)",
                                      (shown, token, _now()))
            return cursor.lastrowid, shown, token

    def participant(self, token: str | None) -> tuple[int, str] | None:
        """(id, name) of the participant holding ``token``, or None."""
        if not token:
            return None
        row = self._db.execute("SELECT id, nama FROM peserta WHERE token = ?", (token,)).fetchone()
        return (row[0], row[1]) if row else None

    def record(self, participant: int, module: str, key: str, answer: str, raw, grade: str,
               feedback: str) -> None:
        """One answer (``answer`` as read, ``raw`` as the form sent it), on disk when this
        returns. ``feedback`` is the Markdown the participant got."""
        with self._lock:
            self._db.execute("INSERT INTO jawaban (peserta, modul, latihan, jawaban, isian, nilai, "
                             "umpan_balik, waktu) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             (participant, module, key, answer, json.dumps(raw, ensure_ascii=False),
                              grade, feedback, _now()))

    def last_answers(self, participant: int) -> dict[str, dict]:
        """The participant's latest answer per exercise: key -> {isian, nilai, umpan_balik}."""
        rows = self._db.execute(
            "SELECT latihan, isian, nilai, umpan_balik FROM jawaban WHERE id IN "
            "(SELECT MAX(id) FROM jawaban WHERE peserta = ? GROUP BY latihan)", (participant,))
        return {key: {"isian": json.loads(raw), "nilai": grade, "umpan_balik": feedback}
                for key, raw, grade, feedback in rows}

    def answers(self) -> pd.DataFrame:
        """Every answer, oldest first, with the participant's name."""
        return pd.read_sql_query(
            "SELECT j.id, p.nama AS peserta, j.modul, j.latihan, j.jawaban, j.nilai, j.umpan_balik, "
            "j.waktu FROM jawaban j JOIN peserta p ON p.id = j.peserta ORDER BY j.id", self._db)

    def participants(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM peserta").fetchone()[0]

    def summary(self, keys: list[str], common: int = 3) -> list[dict]:
        """Per exercise, from each participant's latest answer: how many answered, how many
        right / valid variant / almost / wrong, and the most common wrong answers (as typed,
        spaces and case aside) with the feedback they got."""
        latest = self._db.execute(
            "SELECT latihan, jawaban, nilai, umpan_balik FROM jawaban WHERE id IN "
            "(SELECT MAX(id) FROM jawaban WHERE nilai NOT IN ('kosong', 'tanpa_data') "
            "GROUP BY peserta, latihan)").fetchall()
        rows = []
        for key in keys:
            mine = [r for r in latest if r[0] == key]
            grades = Counter(r[2] for r in mine)
            wrong = Counter(" ".join(r[1].split()).casefold() for r in mine if r[2] in ("hampir", "salah"))
            feedback = {" ".join(r[1].split()).casefold(): (r[1], r[3]) for r in mine}
            rows.append({"latihan": key, "menjawab": len(mine), "tepat": grades["tepat"],
                         "varian": grades["varian"], "hampir": grades["hampir"], "salah": grades["salah"],
                         "keliru_terbanyak": [{"jawaban": feedback[a][0], "jumlah": n,
                                               "umpan_balik": feedback[a][1]}
                                              for a, n in wrong.most_common(common)]})
        return rows


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def export(store: Store, keys: list[str], titles: dict[str, str], path: str | Path) -> Path:
    """The class's results to Excel: one row per exercise (counts from each participant's last
    answer) and every answer as given; written atomically, every text cell stored as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from ..core.cells import save_book
    from ..nb.display import plain

    book = Workbook()
    sheet = book.active
    sheet.title = "ringkasan"
    sheet.append(["Latihan", "Judul", "Menjawab", "Tepat", "Cara lain", "Hampir", "Belum tepat",
                  "Jawaban keliru terbanyak"])
    for row in store.summary(keys):
        sheet.append([row["latihan"], titles.get(row["latihan"], ""), row["menjawab"], row["tepat"],
                      row["varian"], row["hampir"], row["salah"],
                      "; ".join(f"{w['jumlah']} × {w['jawaban']}" for w in row["keliru_terbanyak"])])
    answers = book.create_sheet("jawaban")
    answers.append(["No", "Peserta", "Modul", "Latihan", "Jawaban", "Nilai", "Umpan balik", "Waktu"])
    for r in store.answers().itertuples():
        answers.append([r.id, r.peserta, r.modul, r.latihan, r.jawaban, r.nilai, plain(r.umpan_balik),
                        r.waktu])
    for ws in book.worksheets:
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    return save_book(book, path, overwrite=True)
