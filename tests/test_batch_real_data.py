"""The real notebooks, through the batch, on workbooks unlike the sample: every notebook ok.

The real BSSN 2025-2029 tree (no targets, no problems; from ../shared/real/ when present),
a tree at the start of its period (only the four required sheets, no realisation) and a
realistic kabupaten with other codes and shapes. Each section with nothing to show says so
in the executed notebook.
"""

from __future__ import annotations

import nbformat
import pytest
from conftest import write_xlsx
from workbooks import BSSN, SHARED, bssn_tables, kabupaten_lain_tables, required_only_tables

from pohon_nb.run.batch import run_batch

pytestmark = pytest.mark.lambat  # batches over real and generated Pemda


def _outputs(path) -> tuple[str, list[str]]:
    """The text and the error names of an executed notebook's outputs."""
    nb = nbformat.read(path, as_version=4)
    text, errors = [], []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                errors.append(output.get("ename"))
            text.append(output.get("text", ""))
            text += [str(v) for k, v in output.get("data", {}).items() if k.startswith("text/")]
    return "\n".join(text), errors


def _run_all_ok(tables, tmp_path, html=False):
    data = write_xlsx(tables, tmp_path / "data.xlsx")
    report = run_batch(data, tmp_path / "out", jobs=2, html_pages=html, progress=False)
    states = {key: entry["status"] for key, entry in report.results.items()}
    assert set(states.values()) == {"ok"}, {k: report.results[k].get("error") for k in states
                                            if states[k] != "ok"}
    assert len(states) == 1 + 3 * len(tables["opd"])
    for entry in report.results.values():
        assert _outputs(entry["notebook"])[1] == []
    return report


@pytest.mark.skipif(not BSSN.exists(), reason=f"{BSSN} tidak ada (shared/ tidak tersedia)")
def test_batch_on_the_real_bssn_tree(tmp_path, capfd):
    report = _run_all_ok(bssn_tables(), tmp_path, html=True)
    assert "IPKernelApp" not in capfd.readouterr().err  # no kernel chatter in the terminal
    from pohon_nb.reading.model import load

    step1 = report.results["BSSN/01_identifikasi_masalah"]
    text, _ = _outputs(step1["notebook"])
    # The year every command assesses: BSSN's tree has no yearly columns, so this year.
    year = load(tmp_path / "data.xlsx").assessed_year()
    assert "OPD ini belum punya data masalah" in text and f"Tahun {year} tidak ada di workbook" in text
    page = (tmp_path / "out" / "BSSN" / "BSSN" / "01_identifikasi_masalah.html").read_text()
    assert "belum punya data masalah" in page and "Traceback" not in page
    # A report for an OPD head: a real title, no JupyterLab instructions.
    assert ("<title>1 Identifikasi masalah · Badan Siber dan Sandi Negara (BSSN) · Badan Siber dan "
            f"Sandi Negara · tahun {year}</title>") in page
    assert "Cara memakai" not in page and "Run All Cells" not in page
    assert "penggeser" not in page and "Buka notebook ini di JupyterLab" not in page


def test_batch_on_a_tree_with_only_the_required_sheets(tmp_path):
    from pohon_nb.reading.model import load

    report = _run_all_ok(required_only_tables(), tmp_path)
    text, _ = _outputs(report.results["01/02_pemetaan_kausal"]["notebook"])
    year = load(tmp_path / "data.xlsx").default_year()  # no realisation: the latest year so far
    assert f"Belum ada realisasi {year}" in text and "sheet `lintas_opd`" in text


def test_batch_on_a_realistic_kabupaten_unlike_the_sample(tmp_path):
    report = _run_all_ok(kabupaten_lain_tables(), tmp_path)
    text, _ = _outputs(report.results["BPBD/03_pemilihan_indikator"]["notebook"])
    assert "belum punya indikator" in text
    assert (tmp_path / "out" / "0107" / "007" / "manual_iku.xlsx").exists()
    assert not (tmp_path / "out" / "0107" / "KEC-01" / "manual_iku.xlsx").exists()


RENSTRA = [SHARED / "real" / f"renstra_sumedang_{opd}.xlsx" for opd in ("diskominfo", "bkpsdm")]


@pytest.mark.skipif(not all(p.exists() for p in RENSTRA), reason="tabel Renstra nyata tidak ada (shared/)")
def test_batch_on_a_pemda_imported_from_two_real_renstra_tables(tmp_path):
    from pohon_nb.impor.renstra import import_renstra, write_import

    result = import_renstra(RENSTRA, pemda={"kode_pemda": "3211", "nama_pemda": "Kabupaten Sumedang"},
                            period=(2019, 2023))
    data = write_import(result, tmp_path / "sumedang.xlsx")
    # No --tahun: a Renstra 2019-2023 without realisation is assessed on 2023, not on 2025.
    report = run_batch(data, tmp_path / "out", jobs=2, html_pages=False, progress=False)
    states = {key: entry["status"] for key, entry in report.results.items()}
    assert set(states.values()) == {"ok"}, {k: report.results[k].get("error") for k in states}
    assert len(states) == 1 + 3 * 2
    for entry in report.results.values():
        assert _outputs(entry["notebook"])[1] == []
    text, _ = _outputs(report.results["5.03/01_identifikasi_masalah"]["notebook"])
    assert "OPD ini belum punya data masalah" in text and "Belum ada realisasi 2023" in text


def test_without_tahun_the_batch_assesses_the_latest_year_with_data(tmp_path):
    from pohon_nb.reading.model import load

    tables = kabupaten_lain_tables()
    pemda = load(write_xlsx(tables, tmp_path / "data.xlsx"))
    with_data = [y for y in pemda.years if any(r.get(f"realisasi_{y}") is not None
                                               for r in pemda.tables["indikator"].rows)]
    assert pemda.default_year() == max(with_data)
    no_realisation = load(write_xlsx(required_only_tables(), tmp_path / "awal.xlsx"))
    assert no_realisation.default_year(this_year=no_realisation.years[-1] + 5) == no_realisation.years[-1]
    assert no_realisation.default_year(this_year=no_realisation.years[0] - 1) == no_realisation.years[0]
