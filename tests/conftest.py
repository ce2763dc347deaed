"""Shared fixtures: the bundled sample, a small clean workbook built in code, writers."""

from __future__ import annotations

import copy
import csv
import os
import shutil
from pathlib import Path

import nbformat
import openpyxl
import pytest

from pohon_nb.core.paths import SAMPLE
from pohon_nb.reading import schema

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

YEARS = (2025, 2026, 2027)


def _ind(node: str, k: int, name: str, pol: str = "maks", jenis: str = "outcome",
         base: float = 50, step: float = 5, iku: str = "tidak", real: tuple = (52, "n/a")):
    row = {"id": f"{node}.I{k}", "id_pohon": node, "nama": name, "satuan": "%",
           "polaritas": pol, "jenis": jenis, "iku": iku, "dipilih": "ya", "baseline": base,
           "tahun_baseline": 2024}
    sign = 1 if pol == "maks" else -1
    for i, year in enumerate(YEARS):
        row[f"target_{year}"] = base + sign * step * (i + 1)
    row["realisasi_2025"], row["realisasi_2026"] = real if pol == "maks" else (48, "n/a")
    return row


def clean_tables() -> dict[str, list[dict]]:
    """A small Pemda with no finding at all: two OPDs, a full chain each, problems, budget."""
    pohon = [{"id": "U1", "induk": "", "level": "ultimate",
              "pernyataan": "Meningkatnya kualitas sumber daya manusia"}]
    indikator = [_ind("U1", 1, "Indeks Pembangunan Manusia", jenis="dampak", iku="ya")]
    masalah = []
    for opd in ("01", "02"):
        root = f"A{opd}"
        pohon.append({"id": root, "induk": "U1", "level": "intermediate", "kode_opd": opd,
                      "pernyataan": f"Meningkatnya derajat kesehatan wilayah {opd}",
                      "asal_masalah": f"M{opd}.1"})
        indikator.append(_ind(root, 1, "Angka harapan hidup", iku="ya"))
        for i in (1, 2):
            imm = f"{root}.{i}"
            pohon.append({"id": imm, "induk": root, "level": "immediate", "kode_opd": opd,
                          "pernyataan": f"Meningkatnya cakupan layanan {i}"})
            indikator.append(_ind(imm, 1, f"Cakupan layanan {i}"))
            for j in (1, 2):
                out = f"{imm}.{j}"
                pohon.append({"id": out, "induk": imm, "level": "output", "kode_opd": opd,
                              "pernyataan": f"Tersedianya layanan {i}.{j}"})
                indikator.append(_ind(out, 1, f"Jumlah layanan {i}.{j}", jenis="output"))
        masalah += [
            {"id": f"M{opd}.1", "kode_opd": opd, "pernyataan": "Tingginya angka kesakitan",
             "inti": "ya", "lokus": "internal", "apkl_a": "ya", "apkl_p": "ya", "apkl_k": "ya",
             "apkl_l": "ya", "usg_u": 5, "usg_s": 4, "usg_g": 4},
            {"id": f"M{opd}.2", "kode_opd": opd, "pernyataan": "Rendahnya cakupan layanan",
             "menyebabkan": f"M{opd}.1", "lokus": "internal", "apkl_a": "ya", "apkl_p": "ya",
             "apkl_k": "ya", "apkl_l": "ya", "usg_u": 4, "usg_s": 3, "usg_g": 3},
        ]
    return {
        "pemda": [{"kode_pemda": "9901", "nama_pemda": "Kabupaten Uji", "periode_awal": 2025,
                   "periode_akhir": 2029}],
        "opd": [{"kode_opd": "01", "nama_opd": "Dinas Kesehatan"},
                {"kode_opd": "02", "nama_opd": "Dinas Sosial"}],
        "pohon": pohon,
        "indikator": indikator,
        "lintas_opd": [{"id_pohon": "A01.1", "kode_opd_mitra": "02", "id_pohon_mitra": "A02.1",
                        "peran": "Data keluarga miskin", "status": "disetujui"}],
        "masalah": masalah,
        "anggaran": [{"id_pohon": "A01.1.1", "tahun": 2025, "pagu": 1000000,
                      "realisasi": 900000}],
        "penilaian_indikator": [{"id_indikator": "A01.I1", "penilai": "P1", "smart_s": 2}],
    }


def headers_of(rows: list[dict], sheet: str | None = None) -> list[str]:
    """The header line for ``rows``: every key in order; for no rows, the sheet's schema columns."""
    if not rows and sheet in schema.SHEETS_BY_NAME:
        return [c.name for c in schema.sheet(sheet).columns]
    headers: list[str] = []
    for row in rows:
        headers += [k for k in row if k not in headers]
    return headers


def write_csv_folder(tables: dict[str, list[dict]], folder: Path,
                     headers: dict[str, list[str]] | None = None) -> Path:
    """One CSV per sheet; a sheet given with no rows still gets its header line."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        cols = (headers or {}).get(name) or headers_of(rows, name)
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(cols)
            for row in rows:
                writer.writerow(["" if row.get(c) is None else row.get(c) for c in cols])
    return folder


def write_xlsx(tables: dict[str, list[dict]], path: Path) -> Path:
    """A plain workbook (no styling), cells as given in the row dicts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in tables.items():
        ws = book.create_sheet(name)
        cols = headers_of(rows, name)
        ws.append(cols)
        for row in rows:
            ws.append([row.get(c) for c in cols])
    book.save(path)
    return path


def read_xlsx_rows(path: Path) -> dict[str, list[list]]:
    """Every sheet of a workbook as lists of cell values (header first)."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)]
                for ws in book.worksheets}
    finally:
        book.close()


@pytest.fixture
def clean() -> dict[str, list[dict]]:
    return copy.deepcopy(clean_tables())


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_rows() -> dict[str, list[list]]:
    return read_xlsx_rows(SAMPLE)


@pytest.fixture
def sample_csv(tmp_path, sample_rows) -> Path:
    """The bundled sample as a folder of CSV files (same sheets)."""
    folder = tmp_path / "sampel_csv"
    folder.mkdir()
    for name, rows in sample_rows.items():
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            for row in rows:
                writer.writerow(["" if v is None else v for v in row])
    return folder


# --------------------------------------------------------------------------- batch fixtures
# Small fixture templates (fast, and able to fail on purpose for chosen OPD codes).

PARAMS = [
    'data_path: str = ""  # workbook',
    'kode_opd: str = ""  # OPD',
    "tahun: int = 2025  # tahun",
    'skala: str = "lima_tingkat"  # skala',
    "interaktif: bool = True  # widget",
    'folder_keluaran: str = "out"  # keluaran',
]
FIXTURE_CELLS = {
    "00_ikhtisar_pemda": ['print("ikhtisar", kode_opd)'],
    "01_identifikasi_masalah": [
        'import time\nif kode_opd == "LAMBAT":\n    time.sleep(4)',
        "## 2. Bagian yang gagal",  # a markdown heading: the failure names its section
        'if kode_opd == "GAGAL":\n    raise ValueError("sengaja gagal untuk uji")',
        'print("langkah 1", kode_opd)',
    ],
    "02_pemetaan_kausal": [
        "import os, pathlib\n"
        'marker = pathlib.Path(folder_keluaran) / f"mati-{kode_opd}"\n'
        'if kode_opd == "MATI1" and not marker.exists():\n'
        "    marker.touch()\n"
        "    os._exit(1)\n"
        'if kode_opd == "MATI2":\n'
        "    os._exit(1)",
        'print("langkah 2", kode_opd)',
    ],
    "03_pemilihan_indikator": [
        # What earlier notebooks on this kernel could have left behind...
        "import os, matplotlib\nfrom pohon_nb.method import achievement\n"
        "print(json_state := {'bocor': 'rahasia' in globals(), 'cwd': os.getcwd(),\n"
        "      'skala': sorted(achievement.SCALES), 'dpi': matplotlib.rcParams['figure.dpi'],\n"
        "      'env': os.environ.get('POHON_UJI'), 'pid': os.getpid()})",
        # ... and leaving it behind on purpose.
        "rahasia = 42\ntry:\n    achievement.SCALES['bocor'] = achievement.Scale('bocor', ((50, 'x'),), 'y')\n"  # noqa: E501
        "except TypeError:\n    pass  # read-only: a notebook's own scale is passed, never registered\n"
        "matplotlib.rcParams['figure.dpi'] = 33\nos.environ['POHON_UJI'] = 'bocor'\nos.chdir('/')",
    ],
}


@pytest.fixture
def fixture_templates(tmp_path) -> Path:
    folder = tmp_path / "templat"
    folder.mkdir()
    for name, cells in FIXTURE_CELLS.items():
        params = nbformat.v4.new_code_cell("\n".join(PARAMS))
        params.metadata["tags"] = ["parameters"]
        nb = nbformat.v4.new_notebook(cells=[params, *(
            nbformat.v4.new_markdown_cell(c) if c.startswith("#") else nbformat.v4.new_code_cell(c)
            for c in cells)])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                     "language": "python"}
        nbformat.write(nb, folder / f"{name}.ipynb")
    return folder


def pytest_collection_modifyitems(items):
    """Every notebook cell nbval collects runs in a kernel: part of the slow tier."""
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.lambat)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def browser_unavailable() -> str | None:
    """Why headless Chromium cannot be driven here (Debian's ``chromium`` and the playwright
    package are both needed), or None."""
    if CHROMIUM is None:
        return "Chromium tidak terpasang (Debian: apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "paket playwright tidak terpasang (pip install playwright)"
    return None


def need_browser() -> None:
    """Skip with the reason when the browser is missing; under ``CI`` fail instead, so CI cannot
    pass without the browser tests."""
    reason = browser_unavailable()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"uji peramban wajib berjalan di CI: {reason}")
        pytest.skip(reason)
