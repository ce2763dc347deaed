"""Build the bundled sample workbook ``data/kabupaten_contoh.xlsx`` from sample_content.py.

Deterministic: the same content gives the same tables (numbers come from a generator
seeded by each id). Run from the repo root::

    python scripts/make_sample.py [--out data/kabupaten_contoh.xlsx]
"""

from __future__ import annotations

import argparse
import random
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import sample_content as content  # noqa: E402

from pohon_nb.reading.blank_workbook import write_workbook  # noqa: E402

YEARS = range(content.PEMDA["periode_awal"], content.PEMDA["periode_akhir"] + 1)
BASELINE_YEAR = YEARS[0] - 1
REALISED = (YEARS[0], YEARS[1])
COMPONENT = {"ultimate": "sasaran_daerah", "intermediate": "sasaran_strategis",
             "immediate": "sasaran_program", "output": "sasaran_kegiatan"}
COUNT_UNITS_DECIMALS = 2

# Output statement opening -> the activity (sub kegiatan) that produces it.
ACTIVITY = {
    "Tersedianya": "Penyediaan", "Terlaksananya": "Pelaksanaan",
    "Terselenggaranya": "Penyelenggaraan", "Terbangunnya": "Pembangunan",
    "Tersalurkannya": "Penyaluran", "Terpeliharanya": "Pemeliharaan",
    "Tersusunnya": "Penyusunan", "Terfasilitasinya": "Fasilitasi", "Terbinanya": "Pembinaan",
    "Terkelolanya": "Pengelolaan", "Terlayaninya": "Pelayanan",
    "Terverifikasinya": "Verifikasi", "Terpantaunya": "Pemantauan",
    "Terpenuhinya": "Pemenuhan", "Terbentuknya": "Pembentukan", "Terpasangnya": "Pemasangan",
    "Termutakhirkannya": "Pemutakhiran", "Terintegrasinya": "Integrasi",
    "Terlatihnya": "Pelatihan", "Terehabilitasinya": "Rehabilitasi",
    "Tersertifikasinya": "Sertifikasi", "Terpetakannya": "Pemetaan",
    "Terdaftarnya": "Pendaftaran", "Terjalinnya": "Penjalinan",
    "Terselesaikannya": "Penyelesaian", "Terkajinya": "Pengkajian",
    "Terselamatkannya": "Penyelamatan",
}


def rng_for(key: str) -> random.Random:
    return random.Random(zlib.crc32(key.encode("utf-8")))


MEASURED_UNITS = {"%", "indeks", "nilai", "skor", "level", "km", "ha", "ton", "ton/ha", "ton GKG", "menit",
                  "tahun", "miliar rupiah"}
"""Units of a measure that takes fractions; any other unit counts things (orang, unit, desa ...)."""


def _round(value: float, satuan: str) -> float:
    """A value as a region would report it: a count of people or things is whole, a
    percentage at most 100, a measure to two decimals (whole from a thousand up)."""
    value = min(value, 100.0) if satuan == "%" else value
    if satuan not in MEASURED_UNITS and "/" not in satuan and not satuan.startswith("per "):
        return max(round(value), 0)
    return round(value) if abs(value) >= 1000 else round(value, 2)


def indicator_rows(node_id: str, specs, level: str, jabatan: str, opd_name: str) -> list[dict]:
    rows = []
    for k, spec in enumerate(specs, start=1):
        name, satuan, polarity, base, step, jenis = spec[:6]
        extra = spec[6] if len(spec) > 6 else {}
        ind_id = f"{node_id}.I{k}"
        rng = rng_for(ind_id)
        targets = extra.get("targets") or [
            _round(base + step * (i + 1), satuan) for i in range(len(YEARS))
        ]
        row = {
            "id": ind_id, "id_pohon": node_id, "nama": name, "satuan": satuan,
            "polaritas": polarity, "jenis": jenis,
            "iku": extra.get("iku", level in ("ultimate", "intermediate")),
            "dipilih": extra.get("dipilih", True),
            "frekuensi": "tahunan" if level != "output" else "triwulanan",
            "penanggung_jawab": jabatan,
            "sumber_data": (f"BPS {content.PEMDA['nama_pemda']}" if jenis == "dampak"
                            else f"Laporan kinerja {opd_name}"),
            "baseline": _round(base, satuan), "tahun_baseline": BASELINE_YEAR,
        }
        if row["iku"]:
            row["validitas"] = "exact" if jenis in ("dampak", "outcome") else "proksi"
            row["tingkat_kendali"] = "rendah" if level == "ultimate" else "sedang"
            row["konsolidasi"] = "nilai_akhir" if satuan in ("%", "indeks", "nilai") else "jumlah"
            row["jenis_cascading"] = "langsung"
        for field in ("definisi", "alasan", "formula", "sumber_data"):
            if field in extra:
                row[field] = extra[field]
        for year, target in zip(YEARS, targets):
            row[f"target_{year}"] = target
        real = extra.get("real")
        for i, year in enumerate(REALISED):
            if real is not None:
                value = real[i]
            elif i == 1 and (jenis == "dampak" or rng.random() < 0.2):
                value = None  # data for the current year not yet published
            else:
                size = abs(step) or 0.0
                noise = rng.uniform(-0.6, 0.45) * size - extra.get("gap", 0) * size
                sign = 1 if polarity == "maks" else -1
                value = _round(targets[i] + sign * noise, satuan)
            row[f"realisasi_{year}"] = value if value is not None else "n/a"
        rows.append(row)
    return rows


def build() -> dict[str, list[dict]]:
    pemda = [dict(content.PEMDA)]
    opd_rows, pohon, indikator, masalah, anggaran, lintas = [], [], [], [], [], []
    codes = {o["abbr"]: o["code"] for o in content.OPDS}

    for node_id, statement, specs in content.ULTIMATE:
        pohon.append({"id": node_id, "level": "ultimate", "pernyataan": statement,
                      "jabatan": "Bupati", "komponen": "sasaran_daerah",
                      "asal_masalah": content.PEMDA_ORIGINS.get(node_id), **_references(node_id)})
        indikator += indicator_rows(node_id, specs, "ultimate", "Bupati", "Bappeda")

    for o in content.OPDS:
        prefix = o["abbr"].upper()
        opd_rows.append({"kode_opd": o["code"], "nama_opd": o["name"], "singkatan": o["abbr"],
                         "jenis": o["kind"]})
        core = None
        for key, statement, causes, lokus, apkl, usg, role in o["problems"]:
            pid = f"M.{prefix}.{key}"
            passed = apkl == "YYYY"
            scored = passed or role == "usg!"
            masalah.append({
                "id": pid, "kode_opd": o["code"], "pernyataan": statement,
                "inti": role == "inti",
                "menyebabkan": [_problem_id(prefix, c) for c in causes] or None,
                "lokus": lokus,
                **{f"apkl_{c}": flag == "Y" for c, flag in zip("apkl", apkl)},
                **({f"usg_{c}": v for c, v in zip("usg", usg)} if scored else {}),
                "data_dukung": f"Renstra dan LKjIP {o['abbr']} {BASELINE_YEAR}",
            })
            if role == "inti" and core is None:
                core = pid
        program_no = 1
        for n, (statement, specs, children) in enumerate(o["tree"], start=1):
            int_id = f"{prefix}.{n}"
            dpmptsp_planted = o["abbr"] == "DPMPTSP"
            pohon.append({
                "id": int_id, "induk": None if dpmptsp_planted else o["ultimate"],
                "level": "intermediate", "pernyataan": statement, "kode_opd": o["code"],
                "jabatan": o["kepala"], "komponen": "sasaran_strategis",
                "asal_masalah": core if n == 1 else None, **_references(int_id),
            })
            indikator += indicator_rows(int_id, specs, "intermediate", o["kepala"], o["name"])
            for m, child in enumerate(children, start=1):
                child_id = f"{int_id}.{m}"
                if isinstance(child, tuple):  # an output placed straight under the intermediate
                    _, spec, asal = child
                    program_no += 1
                    program = f"{o['code'][:4]}.{program_no:02d}"
                    _add_output(o, prefix, child_id, int_id, spec, asal, program, 1, o["kepala"],
                                pohon, indikator, anggaran)
                    continue
                program_no += 1
                program = f"{o['code'][:4]}.{program_no:02d}"
                _add_immediate(o, prefix, child_id, int_id, child, program, pohon, indikator,
                               anggaran)

    for aksi_no, ((abbr, path), statement, jabatan) in enumerate(content.AKSI, start=1):
        parent = f"{abbr.upper()}.{path}"
        pohon.append({"id": f"{parent}.A{aksi_no}", "induk": parent, "level": "aksi",
                      "pernyataan": statement, "kode_opd": codes[abbr], "jabatan": jabatan})

    for (abbr, path), partner, partner_path, role, status in content.CROSSCUTTING:
        lintas.append({
            "id_pohon": f"{abbr.upper()}.{path}",
            "kode_opd_mitra": codes.get(partner, partner),
            "id_pohon_mitra": f"{partner_path[0].upper()}.{partner_path[1]}" if partner_path else None,
            "peran": role, "status": status,
        })
    penilaian = [
        {"id_indikator": ind, "penilai": who, **dict(zip(("smart_s", "smart_m", "smart_a", "smart_r",
                                                          "smart_t"), smart)),
         **dict(zip(("cream_c", "cream_r", "cream_e", "cream_a", "cream_m"), cream)),
         "catatan": note or None}
        for ind, who, smart, cream, note in content.ASSESSMENTS
    ]
    return {"pemda": pemda, "opd": opd_rows, "pohon": pohon, "indikator": indikator,
            "lintas_opd": lintas, "masalah": masalah, "anggaran": anggaran,
            "penilaian_indikator": penilaian}


def _problem_id(prefix: str, key: str) -> str:
    """A problem's id from its key: "3" is the OPD's own, "Dinkes:2" another OPD's."""
    if ":" in key:
        abbr, key = key.split(":")
        return f"M.{abbr.upper()}.{key}"
    return f"M.{prefix}.{key}"


def _references(node_id: str) -> dict:
    national, province = content.REFERENCES.get(node_id, ("", ""))
    return {"acuan_nasional": national or None, "acuan_provinsi": province or None}


def _jabatan_bidang(bidang: str) -> str:
    if bidang.startswith(("Bagian", "Inspektur")):
        return bidang if bidang.startswith("Inspektur") else f"Kepala {bidang}"
    if bidang.startswith("Sekretariat"):
        return "Sekretaris Inspektorat"
    return f"Kepala Bidang {bidang}"


def _jabatan_seksi(bidang: str) -> str:
    if bidang.startswith("Bagian"):
        return f"Kepala Subbagian pada {bidang}"
    if bidang.startswith(("Inspektur", "Sekretariat")):
        return "Auditor Ahli Muda"
    return f"Kepala Seksi pada Bidang {bidang}"


def _add_immediate(o, prefix, node_id, parent, spec, program, pohon, indikator, anggaran):
    jabatan = _jabatan_bidang(spec["bidang"])
    pohon.append({
        "id": node_id, "induk": parent, "level": "immediate", "pernyataan": spec["statement"],
        "kode_opd": o["code"], "jabatan": jabatan, "komponen": "sasaran_program",
        "kode_program": program,
        "asal_masalah": f"M.{prefix}.{spec['asal']}" if spec["asal"] else None,
    })
    indikator += indicator_rows(node_id, spec["indicators"], "immediate", jabatan, o["name"])
    for j, output in enumerate(spec["outputs"], start=1):
        _add_output(o, prefix, f"{node_id}.{j}", node_id, output, None, program, j,
                    _jabatan_seksi(spec["bidang"]), pohon, indikator, anggaran)
    for j, child in enumerate(spec["children"], start=len(spec["outputs"]) + 1):
        _add_immediate(o, prefix, f"{node_id}.{j}", node_id, child, program, pohon, indikator,
                       anggaran)


def _add_output(o, prefix, node_id, parent, spec, asal, program, number, jabatan, pohon,
                indikator, anggaran):
    kegiatan = f"{program}.2.{number:02d}"
    pohon.append({
        "id": node_id, "induk": parent, "level": "output", "pernyataan": spec["statement"],
        "kode_opd": o["code"], "jabatan": jabatan, "komponen": "sasaran_kegiatan",
        "kode_program": program, "kode_kegiatan": kegiatan,
        "asal_masalah": f"M.{prefix}.{asal}" if asal else None,
    })
    indikator += indicator_rows(node_id, [spec["indicator"]], "output", jabatan, o["name"])
    first, rest = spec["statement"].split(" ", 1)
    activity = f"{ACTIVITY.get(first, first)} {rest}"
    rng = rng_for(node_id)
    pagu = round(rng.uniform(150, 2500)) * 1_000_000  # 150 juta to 2,5 miliar rupiah
    for year in REALISED:
        spent = pagu * rng.uniform(0.82, 0.98)
        anggaran.append({
            "id_pohon": node_id, "kode_sub_kegiatan": f"{kegiatan}.0001",
            "nama_sub_kegiatan": activity, "tahun": year, "pagu": pagu,
            "realisasi": round(spent, -3),
        })


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(HERE.parent / "data" / "kabupaten_contoh.xlsx"))
    args = parser.parse_args(argv)
    tables = build()
    write_workbook(args.out, tables, years=YEARS, overwrite=True, guide=True)
    counts = {name: len(rows) for name, rows in tables.items()}
    print(f"{args.out}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
