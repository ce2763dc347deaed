"""Where the bundled files are, whether installed from a wheel or run from the repo.

A wheel carries ``data/`` and ``templates/`` inside the package (``_data``,
``_templates``); a checkout or an editable install finds them at the repo's top level.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def _bundled(installed: str, repo: str) -> Path:
    inside = PACKAGE / installed
    return inside if inside.is_dir() else PACKAGE.parent / repo


DATA = _bundled("_data", "data")
TEMPLATES = _bundled("_templates", "templates")
TRAINING = _bundled("_pelatihan", "notebooks/pelatihan")
"""The training modules' notebooks (``pohon-nb kelas`` serves them)."""
SAMPLE = DATA / "kabupaten_contoh.xlsx"
"""The bundled synthetic sample kabupaten, the default input of every command."""
BLANK_TEMPLATE = TEMPLATES / "templat_input.xlsx"
"""The blank input workbook, generated from :mod:`pohon_nb.reading.schema`."""
OUT = "out"
"""The output folder when none is given: the batch, the notebooks and the command line write
``<out>/<kode_pemda>/...`` there."""


def safe_name(code: str) -> str:
    """A folder or file name made from a code typed in a workbook.

    Only letters, digits, ``.``, ``-`` and ``_`` are kept (others become ``_``); a name made
    only of dots, or empty, becomes ``_``. No name can climb out of its folder (``..``) or
    be absolute.
    """
    import re

    name = re.sub(r"[^A-Za-z0-9._-]", "_", str(code).strip())[:120]
    return "_" if not name.strip(".") else name


def pemda_folder(out: str | Path, kode_pemda: object) -> Path:
    """A Pemda's output folder: ``<out>/<kode_pemda>/`` (``pemda`` when the code is blank)."""
    return Path(out) / safe_name(str(kode_pemda or "pemda"))


def opd_folder(out: str | Path, kode_pemda: object, kode_opd: str) -> Path:
    """An OPD's output folder: ``<out>/<kode_pemda>/<kode_opd>/``."""
    return pemda_folder(out, kode_pemda) / safe_name(kode_opd)
