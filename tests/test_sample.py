"""The bundled sample: what the contract promises about it, and exactly the planted weaknesses."""

from __future__ import annotations

from collections import Counter

from pohon_nb import load, validate

PLANTED = {
    ("M07", "DINKES.1.I1"), ("M07", "DISHUB.1.1.I1"), ("M06", "DISHUB.1.1.I1"),
    ("M04", "DISDIKBUD.1"), ("M03", "DISTANPANGAN.1.1"), ("M01", "DISDUKCAPIL.1.1"),
    ("M02", "DLH.1.2.2"), ("M08", "BPBD.1"), ("M09", "DISKOMINFO.1.3"),
    ("M10", "2.18.0.00.0.00.01.0000"), ("M17", "DPMPTSP.1"), ("M12", "BAPPERIDA.1.2"),
    ("M14", "M.DINSOS.3"), ("M15", "M.DPUPR.4"),
    ("M19", "DINSOS.1"), ("M19", "BPKAD.1.1"), ("M19", "DINKES.1"), ("M21", "BPBD.1.1.1"),
    ("M11", "DINKES.1"), ("M11", "DINKES.1.3"), ("M11", "DISTANPANGAN.1.1"), ("M11", "DLH.1.1"),
    ("M11", "DISHUB.1.1"), ("M11", "DISKOMINFO.1.1"), ("M16", "DISDIKBUD.1.3"), ("M16", "DINSOS.1.3"),
    ("M27", "DISKOMINFO.1.1.1"),
}


def test_sample_has_no_errors_and_exactly_the_planted_weaknesses(sample_path):
    pemda, findings = validate(sample_path)
    assert not [f for f in findings if f.severity == "error"]
    assert {(f.code, f.ref) for f in findings if f.code != "M23"} == PLANTED
    # 2026, the assessed year, is partly published: every chosen indicator with a 2026 target and
    # no 2026 realisation is reported (M23, criterion 1.c.3), and nothing else.
    unpublished = {r["id"] for r in pemda.tables["indikator"].rows
                   if r.get("target_2026") is not None and r.get("realisasi_2026") is None}
    assert {f.ref for f in findings if f.code == "M23"} == unpublished
    assert len(unpublished) == 95


def test_planted_weaknesses_are_documented(sample_path):
    text = (sample_path.parent / "README.md").read_text(encoding="utf-8")
    for code, ref in PLANTED - {(c, r) for c, r in PLANTED if c in ("M11", "M16")}:
        assert code in text
        assert ref in text or ref == "2.18.0.00.0.00.01.0000"
    assert "sintetis" in text


def test_sample_size_and_shape(sample_path):
    pemda = load(sample_path)
    assert pemda.info["nama_pemda"] == "Kabupaten Contoh"
    assert len(pemda.opd_codes()) >= 10
    levels = Counter(pemda.level(n) for n in pemda.tree)
    assert sum(levels[x] for x in ("ultimate", "intermediate", "immediate", "output")) >= 300
    assert 3 <= levels["ultimate"] <= 5 and all(levels[x] for x in levels)
    ind = pemda.indikator
    assert ind["baseline"].notna().all()
    targets = [f"target_{y}" for y in range(2025, 2030)]
    assert ind[targets].notna().all().all()
    assert ind[["realisasi_2025"]].notna().all().all()
    assert ind["realisasi_2026"].notna().sum() > len(ind) / 2
    assert set(pemda.lintas_opd["status"]) == {"usulan", "disetujui", "ditolak"}
    problems = pemda.masalah
    assert set(problems["kode_opd"]) == set(pemda.opd_codes())
    assert problems[["apkl_a", "apkl_p", "apkl_k", "apkl_l"]].notna().all().all()
    assert problems["usg_u"].notna().sum() > len(problems) * 0.7
    assert len(pemda.anggaran) > 100
    kinds = set(pemda.opd["jenis"])
    assert {"dinas", "badan", "inspektorat"} <= kinds


def test_sample_regenerates_identically(tmp_path, sample_path):
    import subprocess
    import sys

    from conftest import REPO, read_xlsx_rows

    out = tmp_path / "ulang.xlsx"
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_sample.py"), "--out", str(out)],
                   check=True, capture_output=True)
    assert read_xlsx_rows(out) == read_xlsx_rows(sample_path)


def test_xlsx_and_csv_folder_give_identical_findings(sample_path, sample_csv):
    def key(findings):
        return [(f.code, f.severity, f.sheet, f.row, f.column, f.column_letter, f.ref, f.kode_opd,
                 f.message) for f in findings]

    _, from_xlsx = validate(sample_path)
    _, from_csv = validate(sample_csv)
    assert key(from_csv) == key(from_xlsx)
    assert {f.file for f in from_csv} <= {str(sample_csv / f"{s}.csv") for s in ("indikator", "lintas_opd",
                                                                                   "masalah", "opd", "pohon")}
