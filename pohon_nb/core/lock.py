"""One writer per output folder: two batches on one Pemda folder never run side by side.

The lock is an operating-system file lock (the ``filelock`` library): the system releases it when
its process ends, however it ends, so a killed run never leaves the folder locked. Beside it a
small record says who holds it (process, host, since when): a second run reads it to say who is
busy, and a record left by a run that was killed (its lock already released) is recognised as
stale and taken over, with a note.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from .atomic import write_text
from .errors import PohonError

LOCK_NAME = ".pohon-nb.lock"
RECORD_NAME = ".pohon-nb.lock.json"
BUSY_EXIT = 3
"""The exit code of a command refused because another run holds its output folder."""


class FolderBusy(PohonError):
    """Another run writes into the folder; the message says who, since when, and what to do."""

    exit_code = BUSY_EXIT


def _record(folder: Path) -> dict:
    try:
        return json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@contextmanager
def folder_lock(folder: str | Path, *, wait: bool = False, what: str = "batch") -> Iterator[list[str]]:
    """Hold the folder's lock while the block runs; yields notes (a stale record taken over).

    Raises :class:`FolderBusy` when another process holds it, unless ``wait`` (then it waits).
    """
    folder = Path(folder)
    created = [p for p in [folder, *folder.parents] if not p.exists()]  # to tidy if left empty
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(folder / LOCK_NAME), timeout=-1 if wait else 0)
    try:
        lock.acquire()
    except Timeout:
        holder = _record(folder)
        who = (f"proses {holder.get('pid')} di {holder.get('host')}, {holder.get('perintah', 'pohon-nb')}"
               if holder else "proses lain")
        since = f" sejak {holder['sejak']}" if holder.get("sejak") else ""
        raise FolderBusy(
            f"Folder {folder} sedang dipakai pohon-nb lain ({who}){since}. Dua batch pada satu folder "
            f"akan saling menimpa berkas dan manifest.json-nya, jadi yang ini tidak dijalankan. Tunggu "
            f"sampai selesai, jalankan dengan --tunggu agar menunggu giliran, atau pilih --out lain."
        ) from None
    notes = []
    try:
        old = _record(folder)
        if old and old.get("pid") != os.getpid():
            notes.append(f"Kunci lama di {folder} dari proses {old.get('pid')} (sejak {old.get('sejak')}) "
                         f"sudah tidak berjalan (dihentikan paksa?); diambil alih.")
        write_text(folder / RECORD_NAME, json.dumps({
            "pid": os.getpid(), "host": socket.gethostname(), "perintah": what,
            "sejak": dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"), "argv": sys.argv[1:],
        }, ensure_ascii=False))
        yield notes
    finally:
        try:
            (folder / RECORD_NAME).unlink(missing_ok=True)
        finally:
            lock.release()
            _tidy(folder, created)


def _tidy(folder: Path, created: list[Path]) -> None:
    """Remove the folders this lock created when the run left nothing in them (a refused batch
    leaves no empty output folder behind)."""
    if not created or any(p.name != LOCK_NAME for p in folder.iterdir()):
        return
    try:
        (folder / LOCK_NAME).unlink(missing_ok=True)
        for path in created:  # deepest first
            path.rmdir()
    except OSError:
        pass  # another run has started writing there: leave it
