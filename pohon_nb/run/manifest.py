"""The record of a Pemda's batch runs: ``<out>/<kode_pemda>/manifest.json``.

It holds what the last run was given (workbook, its fingerprint, parameters, templates), every
notebook's last result with the fingerprint it was made from (a task whose fingerprint matches a
completed run is not run again), every different workbook version kept (``riwayat``,
:mod:`pohon_nb.run.history`) and what each OPD's brief was made from (``ringkasan``). It is
written atomically after every result, so an interrupted run loses nothing that was finished.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..core.atomic import write_text
from ..core.paths import pemda_folder

FORMAT = 1
"""The layout of the file; a manifest of another layout is read as none (every notebook runs)."""
NAME = "manifest.json"


def manifest_path(out: Path, kode_pemda: str | None) -> Path:
    return pemda_folder(out, kode_pemda) / NAME


@dataclass
class Manifest:
    """The manifest's content; :meth:`read` and :meth:`write` keep the file's key names."""

    source: str = ""  # the workbook's absolute path
    source_fingerprint: str = ""  # of the whole workbook
    kode_pemda: str | None = None
    parameters: dict = field(default_factory=dict)  # tahun, skala, html, timeout, batas_atas
    templates: dict[str, str] = field(default_factory=dict)  # template file -> its digest
    notebooks: dict[str, dict] = field(default_factory=dict)  # task key -> its last result
    runs: list[dict] = field(default_factory=list)  # "riwayat": each different workbook version
    briefs: dict[str, str] = field(default_factory=dict)  # "ringkasan": OPD -> what its brief read
    version: str = __version__  # of pohon-nb that wrote it

    @classmethod
    def read(cls, path: Path) -> Manifest:
        """The manifest at ``path``; an empty one when it is missing, unreadable or of another
        format (then every notebook runs again, which is always safe)."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return cls()
        return cls(source=data.get("source", ""), source_fingerprint=data.get("source_fingerprint", ""),
                   kode_pemda=data.get("kode_pemda"), parameters=data.get("parameters", {}),
                   templates=data.get("templates", {}), notebooks=data.get("notebooks", {}),
                   runs=data.get("riwayat", []), briefs=data.get("ringkasan", {}),
                   version=data.get("pohon_nb", ""))

    def as_json(self) -> dict:
        return {"format": FORMAT, "pohon_nb": self.version, "source": self.source,
                "source_fingerprint": self.source_fingerprint, "kode_pemda": self.kode_pemda,
                "parameters": self.parameters, "templates": self.templates, "notebooks": self.notebooks,
                "riwayat": self.runs, "ringkasan": self.briefs}

    def write(self, path: Path) -> Path:
        """Write atomically (a reader never sees half a manifest)."""
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return write_text(path, json.dumps(self.as_json(), indent=1, ensure_ascii=False, default=str),
                          overwrite=True)
