"""Writing output files so that an interrupted run never leaves one that looks complete."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from .errors import PohonError


class OutputExists(PohonError, FileExistsError):
    """The output file exists and the caller did not ask to replace it."""


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike, *, overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` on success.

    The temporary file lives in the same folder, so the final rename is atomic. On any
    exception the temporary file is removed and ``target`` is left as it was.

    Raises
    ------
    OutputExists
        When ``target`` exists and ``overwrite`` is false.
    """
    target = Path(target)
    if target.exists() and not overwrite:
        raise OutputExists(str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    # The name is chosen before the file exists, so an interrupt (Ctrl-C) at any moment, even
    # while the file is being created, leaves nothing behind: ``finally`` knows what to remove.
    tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp{target.suffix}"
    try:
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        yield tmp
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_text(target: str | os.PathLike, text: str, *, overwrite: bool = True) -> Path:
    """Write ``text`` to ``target`` atomically (UTF-8)."""
    with atomic_path(target, overwrite=overwrite) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(target)
