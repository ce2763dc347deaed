"""How much `pohon-nb validate` costs beside merely reading the workbook with pandas.

Builds synthetic Pemda workbooks (40 OPDs and ~3,400 conditions, then larger), and prints,
measured in this one run (best of --repeat):

* `pohon-nb validate FILE` as a command, over `python -c "pandas.read_excel(FILE, sheet_name=None)"`
  (both pay interpreter start and imports). Goal: at most 2.0.
* the same in-process: load + checks over `pandas.read_excel` alone.
* growth: in-process validate time per node at each size, over the smallest size's.
  Linear growth keeps this near 1.0 up to 30,000 nodes.

    python bench/validate.py [--sizes 3400,10000,30000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pohon_nb.reading.blank_workbook import write_workbook

YEARS = range(2025, 2030)


def synthetic_tables(n_nodes: int, n_opd: int = 40, linked: bool = False) -> dict[str, list[dict]]:
    """A Pemda of ``n_opd`` OPDs whose trees together hold about ``n_nodes`` conditions.

    ``linked`` makes it read like an analyst's Pemda: two realised years with values that vary
    (some branches below target), conditions converted from the OPD's problems (``asal_masalah``),
    and every fifth OPD's root problem causing its neighbours' core problems (shared roots)."""
    per_opd = max((n_nodes - 4) // n_opd, 8)
    n_imm = max(per_opd // 14, 1)
    n_out = max(round((per_opd - 1 - n_imm) / n_imm), 1)
    pohon, indikator, masalah, anggaran, lintas = [], [], [], [], []

    def indicator(node: str, level: str, k: int = 1) -> dict:
        row = {"id": f"{node}.I{k}", "id_pohon": node, "nama": f"Persentase capaian {node}",
               "satuan": "%", "polaritas": "maks", "jenis": "output" if level == "output" else "outcome",
               "iku": "ya" if level in ("ultimate", "intermediate") else "tidak", "dipilih": "ya",
               "baseline": 50.0, "tahun_baseline": 2024}
        for i, year in enumerate(YEARS):
            row[f"target_{year}"] = 52.0 + 2 * i
        row["realisasi_2025"], row["realisasi_2026"] = 51.5, "n/a"
        if linked:  # a spread of achievements in 2025 and 2026, some below target
            spread = sum(map(ord, node)) % 13
            row["realisasi_2025"] = 40.0 + spread
            row["realisasi_2026"] = 44.0 + (spread * 7) % 13
        return row

    for u in range(1, 5):
        pohon.append({"id": f"SD.{u}", "level": "ultimate",
                      "pernyataan": f"Meningkatnya kesejahteraan masyarakat bidang {u}"})
        indikator.append(indicator(f"SD.{u}", "ultimate"))
    opd = []
    for o in range(1, n_opd + 1):
        code = f"9.{o:02d}.0.00.0.00.01.0000"
        opd.append({"kode_opd": code, "nama_opd": f"Dinas Sintetis {o}", "jenis": "dinas"})
        root = f"OPD{o}.1"
        pohon.append({"id": root, "induk": f"SD.{o % 4 + 1}", "level": "intermediate",
                      "kode_opd": code, "pernyataan": f"Meningkatnya kinerja urusan {o}",
                      **({"asal_masalah": f"M{o}.1"} if linked else {})})
        indikator.append(indicator(root, "intermediate"))
        for i in range(1, n_imm + 1):
            imm = f"{root}.{i}"
            pohon.append({"id": imm, "induk": root, "level": "immediate", "kode_opd": code,
                          "pernyataan": f"Meningkatnya layanan program {i}",
                          **({"asal_masalah": f"M{o}.{i % 4 + 2}"} if linked else {})})
            indikator.append(indicator(imm, "immediate"))
            for j in range(1, n_out + 1):
                out = f"{imm}.{j}"
                pohon.append({"id": out, "induk": imm, "level": "output", "kode_opd": code,
                              "pernyataan": f"Tersedianya layanan kegiatan {i}.{j}"})
                indikator.append(indicator(out, "output"))
                anggaran.append({"id_pohon": out, "tahun": 2025, "pagu": 500_000_000,
                                 "realisasi": 450_000_000})
        for p in range(1, 6):
            masalah.append({"id": f"M{o}.{p}", "kode_opd": code, "pernyataan": f"Rendahnya layanan {p}",
                            "inti": "ya" if p == 1 else "tidak",
                            "menyebabkan": _causes(o, p, n_opd, linked), "lokus": "internal",
                            "apkl_a": "ya", "apkl_p": "ya", "apkl_k": "ya", "apkl_l": "ya",
                            "usg_u": 5 - p % 3, "usg_s": 4, "usg_g": 3})
        partner = f"9.{o % n_opd + 1:02d}.0.00.0.00.01.0000"
        lintas.append({"id_pohon": root, "kode_opd_mitra": partner, "status": "disetujui"})
    return {
        "pemda": [{"kode_pemda": "9999", "nama_pemda": "Kabupaten Sintetis", "periode_awal": 2025,
                   "periode_akhir": 2029}],
        "opd": opd, "pohon": pohon, "indikator": indikator, "lintas_opd": lintas,
        "masalah": masalah, "anggaran": anggaran, "penilaian_indikator": [],
    }


def _causes(o: int, p: int, n_opd: int, linked: bool) -> str | None:
    """What problem ``p`` of OPD ``o`` causes: the OPD's core problem; with ``linked``, every fifth
    OPD's fifth problem also causes the core problems of the next two OPDs."""
    if p == 1:
        return None
    if linked and p == 5 and o % 5 == 0:
        return ";".join(f"M{k}.1" for k in (o, o % n_opd + 1, (o + 1) % n_opd + 1))
    return f"M{o}.1"


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def command_time(args: list[str], repeat: int) -> float:
    def run():
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    return best_of(repeat, run)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3400,10000,30000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    import pandas as pd

    from pohon_nb.method.checks import validate

    work = Path(tempfile.mkdtemp(prefix="pohon-bench-"))
    print(f"workbooks in {work}")
    per_node = {}
    for size in sizes:
        path = work / f"pemda_{size}.xlsx"
        tables = synthetic_tables(size)
        write_workbook(path, tables, years=YEARS, overwrite=True, guide=False)
        nodes = len(tables["pohon"])
        _, findings = validate(path)
        t_read = best_of(args.repeat, lambda p=path: pd.read_excel(p, sheet_name=None))
        t_check = best_of(args.repeat, lambda p=path: validate(p))
        per_node[nodes] = t_check / nodes
        print(f"\n{nodes} kondisi, {len(tables['indikator'])} indikator, {len(findings)} temuan")
        print(f"  in-process: validate {t_check:.3f} s, pandas.read_excel {t_read:.3f} s, "
              f"ratio {t_check / t_read:.2f}")
        if size == sizes[0]:
            cli = [sys.executable, "-m", "pohon_nb.cli", "validate", str(path)]
            read = [sys.executable, "-c",
                    f"import pandas as pd; pd.read_excel({str(path)!r}, sheet_name=None)"]
            t_cli = command_time(cli, args.repeat)
            t_pd = command_time(read, args.repeat)
            print(f"  command:    pohon-nb validate {t_cli:.3f} s, python -c read_excel {t_pd:.3f} s, "
                  f"ratio {t_cli / t_pd:.2f}  (goal <= 2.0)")
    smallest = min(per_node)
    print("\ngrowth (time per node over the smallest size's; linear stays near 1.0):")
    for nodes, cost in sorted(per_node.items()):
        print(f"  {nodes:>6} kondisi: {cost / per_node[smallest]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
