"""Crosscutting: requests, matrices, dependencies both ways, hubs, pending, missing partner nodes."""

from __future__ import annotations

import pytest
from conftest import write_csv_folder

from pohon_nb.method.crosscutting import (
    dependencies,
    hubs,
    matrix,
    network,
    pending,
    requests,
    status_matrix,
    without_partner_node,
)
from pohon_nb.reading.model import load


@pytest.fixture
def pemda(clean, tmp_path):
    clean["opd"].append({"kode_opd": "03", "nama_opd": "Bappeda"})
    clean["lintas_opd"] = [
        {"id_pohon": "A01.1", "kode_opd_mitra": "02", "id_pohon_mitra": "A02.1", "status": "disetujui"},
        {"id_pohon": "A01.2", "kode_opd_mitra": "02", "id_pohon_mitra": "", "status": "usulan"},
        {"id_pohon": "A02", "kode_opd_mitra": "01", "id_pohon_mitra": "A01", "status": "ditolak"},
        {"id_pohon": "A02.2", "kode_opd_mitra": "BPS", "status": ""},
    ]
    return load(write_csv_folder(clean, tmp_path / "wb"))


def test_requests_name_both_sides(pemda):
    table = requests(pemda)
    assert list(table["kode_opd"]) == ["01", "01", "02", "02"]
    assert list(table["status"]) == ["disetujui", "usulan", "ditolak", "usulan"]
    assert list(table["mitra_terdaftar"]) == [True, True, True, False]
    assert list(table["simpul_mitra_ada"]) == [True, False, True, False]
    assert table.loc[0, "nama_mitra"] == "Dinas Sosial"
    assert table.loc[0, "pernyataan_mitra"] == "Meningkatnya cakupan layanan 1"


def test_matrix(pemda):
    all_requests = matrix(pemda)
    assert list(all_requests.index) == ["01", "02", "03"]
    assert list(all_requests.columns) == ["01", "02", "03", "BPS"]
    assert all_requests.loc["01", "02"] == 2 and all_requests.loc["02", "01"] == 1
    assert all_requests.loc["02", "BPS"] == 1 and all_requests.loc["03"].sum() == 0
    assert matrix(pemda, "usulan").loc["01", "02"] == 1
    with pytest.raises(ValueError):
        matrix(pemda, "selesai")


def test_status_matrix(pemda):
    table = status_matrix(pemda).set_index(["kode_opd", "kode_opd_mitra"])
    assert table.loc[("01", "02")].to_dict() == {"usulan": 1, "disetujui": 1, "ditolak": 0, "total": 2}


def test_dependencies_both_ways(pemda):
    needs, needed_by = dependencies(pemda, "02")
    assert list(needs["kode_opd_mitra"]) == ["01", "BPS"]
    assert list(needed_by["kode_opd"]) == ["01", "01"]


def test_hubs_network_pending_and_missing_nodes(pemda):
    table = hubs(pemda).set_index("kode_opd")
    assert list(table.index[:2]) == ["02", "01"]
    assert table.loc["02", ["diminta", "meminta", "total"]].tolist() == [2, 2, 4]
    assert table.loc["BPS", "diminta"] == 1 and table.loc["03", "total"] == 0
    assert network(pemda).nodes["BPS"]["terdaftar"] is False
    assert list(pending(pemda)["status"]) == ["usulan", "usulan"]  # a rejected request is settled
    assert list(without_partner_node(pemda)["id_pohon"]) == ["A01.2", "A02.2"]


def test_sample_crosscutting(sample_path):
    pemda = load(sample_path)
    table = hubs(pemda)
    assert table.iloc[0]["kode_opd"] == "1.02.0.00.0.00.01.0000"  # Dinkes: 4 sent, 1 received
    most_needed = table.sort_values("diminta", ascending=False, kind="stable").iloc[0]
    assert most_needed["kode_opd"] == "1.03.0.00.0.00.01.0000"  # Dinas PUPR, asked 4 times
    assert matrix(pemda).to_numpy().sum() == 19


def test_the_causal_view_says_who_waits_and_what_was_rejected(tmp_path):
    from conftest import clean_tables, write_xlsx

    from pohon_nb.nb import views
    from pohon_nb.reading.model import load

    tables = clean_tables()
    base = tables["lintas_opd"][0]
    tables["lintas_opd"] = [{**base, "status": "usulan"},
                            {**base, "id_pohon": "A01.2", "id_pohon_mitra": "A02.2", "status": "ditolak"}]
    ctx = views.Context(load(write_xlsx(tables, tmp_path / "wb.xlsx")), "01", 2025)
    text = views.crosscutting_both_ways(ctx)[0]
    assert text.startswith("OPD ini meminta 2 dukungan dari OPD lain dan tidak diminta dukungan oleh "
                           "OPD lain.")
    assert "**Belum disepakati** (menunggu jawaban mitra): A01.1" in text
    assert "**Ditolak mitra** (perlu mitra atau rancangan lain, M16): A01.2" in text
    other = views.crosscutting_both_ways(views.Context(ctx.pemda, "02", 2025))[0]
    assert other.startswith("OPD ini tidak meminta dukungan OPD lain dan diminta 2 dukungan oleh OPD lain.")
