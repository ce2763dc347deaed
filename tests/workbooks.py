"""Workbooks unlike the bundled sample, as row dicts: the cases users bring.

Each builder returns ``{sheet: [row dict, ...]}`` (write it with ``conftest.write_xlsx`` or
``write_csv_folder``). :func:`random_tables` builds a random *valid* workbook from a
``random.Random`` (the generative test drives it with hypothesis): from the four required
sheets only up to every optional sheet filled, with nested intermediate outcomes, OPDs
that own only outputs, codes such as "007", vertical-agency partners, range targets and
years without realisation.
"""

from __future__ import annotations

import json
import random

from conftest import SHARED, clean_tables

BSSN = SHARED / "real" / "bssn_pohon_kinerja_2025_2029.json"
BSSN_LEVELS = {"UO": "ultimate", "IntO_L1": "intermediate", "IntO_L2": "intermediate",
               "ImmO_L3": "immediate"}
OPTIONAL = ("lintas_opd", "masalah", "anggaran", "penilaian_indikator")
OPTIONAL_HEADERS = {
    "lintas_opd": ["id_pohon", "kode_opd_mitra", "id_pohon_mitra", "peran", "status"],
    "masalah": ["id", "kode_opd", "pernyataan", "inti", "menyebabkan", "lokus", "apkl_a",
                "apkl_p", "apkl_k", "apkl_l", "usg_u", "usg_s", "usg_g"],
    "anggaran": ["id_pohon", "kode_sub_kegiatan", "nama_sub_kegiatan", "tahun", "pagu",
                 "realisasi"],
    "penilaian_indikator": ["id_indikator", "penilai", "smart_s", "smart_m", "smart_a", "smart_r",
                            "smart_t", "cream_c", "cream_r", "cream_e", "cream_a", "cream_m"],
}


def bssn_tables() -> dict[str, list[dict]]:
    """The real BSSN 2025-2029 tree in the workbook form: no targets, no problems, one OPD."""
    nodes = json.loads(BSSN.read_text(encoding="utf-8"))["nodes"]
    pohon, indikator = [], []
    for node in nodes:
        level = BSSN_LEVELS[node["level_type"]]
        pohon.append({
            "id": node["code"], "induk": node["parent_code"], "level": level,
            "pernyataan": node["title"], "kode_opd": None if level == "ultimate" else "BSSN",
            "keterangan": node["source_page"],
        })
        for k, ind in enumerate(node["indicators"], start=1):
            indikator.append({
                "id": f"{node['code']}/{ind['code'] or k}", "id_pohon": node["code"],
                "nama": ind["name"], "satuan": ind["satuan"], "polaritas": None,
                "penanggung_jawab": ind["unit_owner"],
            })
    return {
        "pemda": [{"kode_pemda": "BSSN", "nama_pemda": "Badan Siber dan Sandi Negara",
                   "periode_awal": 2025, "periode_akhir": 2029}],
        "opd": [{"kode_opd": "BSSN", "nama_opd": "Badan Siber dan Sandi Negara"}],
        "pohon": pohon,
        "indikator": indikator,
    }


def required_only_tables() -> dict[str, list[dict]]:
    """A tree at the start of a period: the four required sheets, targets, no realisation."""
    tables = clean_tables()
    for name in OPTIONAL:
        tables.pop(name)
    for row in tables["indikator"]:
        for key in [k for k in row if k.startswith("realisasi_")]:
            row.pop(key)
    for row in tables["pohon"]:
        row.pop("asal_masalah", None)  # no masalah sheet to point at
    return tables


def _indicator(node: str, k: int, name: str, unit: str, polarity: str, kind: str, base: float,
               targets: dict, actual: dict, iku: bool = False) -> dict:
    row = {"id": f"{node}-{k}", "id_pohon": node, "nama": name, "satuan": unit,
           "polaritas": polarity, "jenis": kind, "iku": "ya" if iku else "tidak", "dipilih": "ya",
           "baseline": base, "tahun_baseline": 2023, "sumber_data": "BPS",
           "penanggung_jawab": "Sekretariat", "frekuensi": "tahunan"}
    row.update({f"target_{y}": v for y, v in targets.items()})
    row.update({f"realisasi_{y}": v for y, v in actual.items()})
    return row


def kabupaten_lain_tables() -> dict[str, list[dict]]:
    """A realistic kabupaten unlike the sample: six OPDs with other codes and sizes.

    Kode Pemda "0107" and OPD codes "007", "012", "1.03.0.00.0.00.01.0000", "SETDA",
    "KEC-01", "BPBD"; intermediate outcomes nested three deep (Bappeda); an OPD owning only
    outputs (the kecamatan); an OPD with conditions but no indicators (BPBD); OPDs without
    problems, assessments or budget; a crosscutting partner that is a vertical agency (BPS);
    range targets; 2024 realised, 2025 targeted only.
    """
    years = (2024, 2025, 2026)

    def tg(*values):
        return dict(zip(years, values))

    pohon = [
        {"id": "T1", "level": "ultimate", "pernyataan": "Meningkatnya kesejahteraan masyarakat"},
        {"id": "T2", "level": "ultimate", "pernyataan": "Meningkatnya tata kelola pemerintahan"},
        # Dinas Kesehatan, code "007"
        {"id": "K1", "induk": "T1", "level": "intermediate", "kode_opd": "007",
         "pernyataan": "Meningkatnya derajat kesehatan masyarakat", "asal_masalah": "KM1"},
        {"id": "K1.1", "induk": "K1", "level": "immediate", "kode_opd": "007",
         "pernyataan": "Meningkatnya cakupan imunisasi dasar", "asal_masalah": "KM2"},
        {"id": "K1.1.1", "induk": "K1.1", "level": "output", "kode_opd": "007",
         "pernyataan": "Tersedianya vaksin di puskesmas"},
        {"id": "K1.1.2", "induk": "K1.1", "level": "output", "kode_opd": "007",
         "pernyataan": "Terlatihnya kader posyandu"},
        {"id": "K1.2", "induk": "K1", "level": "immediate", "kode_opd": "007",
         "pernyataan": "Menurunnya prevalensi stunting"},
        {"id": "K1.2.1", "induk": "K1.2", "level": "output", "kode_opd": "007",
         "pernyataan": "Terlaksananya pemberian makanan tambahan"},
        # Dinas Pendidikan "012": no problems, no assessments
        {"id": "P1", "induk": "T1", "level": "intermediate", "kode_opd": "012",
         "pernyataan": "Meningkatnya mutu pendidikan dasar"},
        {"id": "P1.1", "induk": "P1", "level": "immediate", "kode_opd": "012",
         "pernyataan": "Meningkatnya angka partisipasi murni SD"},
        {"id": "P1.1.1", "induk": "P1.1", "level": "output", "kode_opd": "012",
         "pernyataan": "Tersedianya ruang kelas baru"},
        # Bappeda "1.03...": intermediate nested three deep
        {"id": "B1", "induk": "T2", "level": "intermediate", "kode_opd": "1.03.0.00.0.00.01.0000",
         "pernyataan": "Meningkatnya kualitas perencanaan pembangunan"},
        {"id": "B1.1", "induk": "B1", "level": "intermediate", "kode_opd": "1.03.0.00.0.00.01.0000",
         "pernyataan": "Meningkatnya keselarasan dokumen perencanaan"},
        {"id": "B1.1.1", "induk": "B1.1", "level": "intermediate",
         "kode_opd": "1.03.0.00.0.00.01.0000",
         "pernyataan": "Meningkatnya kualitas data perencanaan"},
        {"id": "B1.1.1.1", "induk": "B1.1.1", "level": "immediate",
         "kode_opd": "1.03.0.00.0.00.01.0000", "pernyataan": "Meningkatnya pemanfaatan data"},
        {"id": "B1.1.1.1.1", "induk": "B1.1.1.1", "level": "output",
         "kode_opd": "1.03.0.00.0.00.01.0000", "pernyataan": "Tersusunnya satu data daerah"},
        # Setda "SETDA"
        {"id": "S1", "induk": "T2", "level": "intermediate", "kode_opd": "SETDA",
         "pernyataan": "Meningkatnya akuntabilitas kinerja"},
        {"id": "S1.1", "induk": "S1", "level": "immediate", "kode_opd": "SETDA",
         "pernyataan": "Meningkatnya kualitas laporan kinerja"},
        # Kecamatan "KEC-01": only outputs, under Dinkes' immediate outcome
        {"id": "C1", "induk": "K1.2", "level": "output", "kode_opd": "KEC-01",
         "pernyataan": "Terlaksananya rembuk stunting kecamatan"},
        {"id": "C2", "induk": "K1.2", "level": "output", "kode_opd": "KEC-01",
         "pernyataan": "Terdatanya balita berisiko stunting"},
        # BPBD: conditions, no indicators, no targets
        {"id": "D1", "induk": "T1", "level": "intermediate", "kode_opd": "BPBD",
         "pernyataan": "Menurunnya risiko bencana daerah"},
        {"id": "D1.1", "induk": "D1", "level": "immediate", "kode_opd": "BPBD",
         "pernyataan": "Meningkatnya kesiapsiagaan desa"},
    ]
    indikator = [
        _indicator("T1", 1, "Indeks Pembangunan Manusia", "indeks", "maks", "dampak", 68.1,
                   tg(68.5, 69.0, 69.5), {2024: 68.7}, iku=True),
        _indicator("T2", 1, "Nilai SAKIP", "nilai", "maks", "dampak", 62, tg(65, 70, 72),
                   {2024: 66}, iku=True),
        _indicator("K1", 1, "Angka kematian bayi", "per 1.000 kelahiran hidup", "min", "outcome",
                   14, tg(13, 12, 11), {2024: 13.5}, iku=True),
        _indicator("K1.1", 1, "Persentase bayi diimunisasi dasar lengkap", "%", "maks", "outcome",
                   85, tg(88, 90, 92), {2024: 86}),
        _indicator("K1.1.1", 1, "Jumlah puskesmas dengan stok vaksin cukup", "puskesmas", "maks",
                   "output", 20, tg(22, 24, 25), {2024: 24}),
        _indicator("K1.1.2", 1, "Jumlah kader terlatih", "orang", "maks", "output", 100,
                   tg(150, 200, 250), {2024: "n/a"}),
        _indicator("K1.2", 1, "Prevalensi stunting", "%", "min", "outcome", 24,
                   tg("20-22", "18-20", 16), {2024: 23}),
        _indicator("K1.2.1", 1, "Jumlah balita menerima PMT", "balita", "maks", "output", 500,
                   tg(600, 700, 800), {}),
        _indicator("P1", 1, "Rata-rata nilai asesmen nasional", "nilai", "maks", "outcome", 60,
                   tg(62, 64, 66), {}, iku=True),
        _indicator("P1.1", 1, "APM SD", "%", "maks", "outcome", 95, tg(96, 97, 98), {}),
        _indicator("P1.1.1", 1, "Jumlah ruang kelas baru", "ruang", "maks", "output", 0,
                   tg(10, 10, 10), {}),
        _indicator("B1", 1, "Persentase program RPJMD yang diacu Renstra", "%", "maks", "outcome",
                   80, tg(85, 90, 95), {2024: 88}, iku=True),
        _indicator("B1.1.1.1.1", 1, "Jumlah dataset terbit", "dataset", "maks", "output", 40,
                   tg(60, 80, 100), {2024: 61}),
        _indicator("S1", 1, "Nilai AKIP", "nilai", "stabil", "outcome", 60, tg("60-70", "65-75", 70),
                   {2024: 72}, iku=True),
        _indicator("C1", 1, "Jumlah rembuk stunting", "kali", "maks", "output", 1, tg(2, 2, 2),
                   {2024: 1}),
        _indicator("C2", 1, "Persentase balita terdata", "%", "maks", "output", 70, {}, {}),
    ]
    masalah = [
        {"id": "KM1", "kode_opd": "007", "pernyataan": "Tingginya angka kematian bayi", "inti": "ya",
         "lokus": "internal", "apkl_a": "ya", "apkl_p": "ya", "apkl_k": "ya", "apkl_l": "ya",
         "usg_u": 5, "usg_s": 5, "usg_g": 4},
        {"id": "KM2", "kode_opd": "007", "pernyataan": "Rendahnya cakupan imunisasi",
         "menyebabkan": "KM1", "lokus": "internal", "apkl_a": "ya", "apkl_p": "ya",
         "apkl_k": "ya", "apkl_l": "ya", "usg_u": 4, "usg_s": 4, "usg_g": 3},
        {"id": "KM3", "kode_opd": "007", "pernyataan": "Buruknya sanitasi rumah tangga",
         "menyebabkan": "KM1", "lokus": "eksternal", "apkl_a": "ya", "apkl_p": "ya",
         "apkl_k": "ya", "apkl_l": "tidak"},
        # Bappeda: problems but no core problem marked, a tie in USG
        {"id": "BM1", "kode_opd": "1.03.0.00.0.00.01.0000",
         "pernyataan": "Belum optimalnya keselarasan dokumen", "usg_u": 3, "usg_s": 3, "usg_g": 3},
        {"id": "BM2", "kode_opd": "1.03.0.00.0.00.01.0000",
         "pernyataan": "Kurangnya data yang andal", "usg_u": 4, "usg_s": 3, "usg_g": 2},
    ]
    return {
        "pemda": [{"kode_pemda": "0107", "nama_pemda": "Kabupaten Lembah Hijau",
                   "periode_awal": 2024, "periode_akhir": 2026}],
        "opd": [
            {"kode_opd": "007", "nama_opd": "Dinas Kesehatan", "singkatan": "Dinkes"},
            {"kode_opd": "012", "nama_opd": "Dinas Pendidikan"},
            {"kode_opd": "1.03.0.00.0.00.01.0000", "nama_opd": "Bappeda", "singkatan": "Bappeda"},
            {"kode_opd": "SETDA", "nama_opd": "Sekretariat Daerah"},
            {"kode_opd": "KEC-01", "nama_opd": "Kecamatan Sukamaju"},
            {"kode_opd": "BPBD", "nama_opd": "Badan Penanggulangan Bencana Daerah"},
        ],
        "pohon": pohon,
        "indikator": indikator,
        "lintas_opd": [
            {"id_pohon": "K1.2", "kode_opd_mitra": "KEC-01", "id_pohon_mitra": "C1",
             "peran": "Rembuk stunting", "status": "disetujui"},
            {"id_pohon": "K1.2", "kode_opd_mitra": "BPS", "peran": "Data prevalensi stunting",
             "status": "usulan"},
            {"id_pohon": "B1.1.1", "kode_opd_mitra": "007", "peran": "Data kesehatan",
             "status": "ditolak"},
        ],
        "masalah": masalah,
        "anggaran": [
            {"id_pohon": "K1.1.1", "kode_sub_kegiatan": "1.02.02.2.01.0001", "tahun": 2024,
             "pagu": 500_000_000, "realisasi": 450_000_000},
            {"id_pohon": "B1.1.1.1.1", "tahun": 2024, "pagu": 200_000_000, "realisasi": 150_000_000},
        ],
        "penilaian_indikator": [
            {"id_indikator": "K1-1", "penilai": "Inspektorat", "smart_s": 2, "smart_m": 2,
             "smart_a": 1, "smart_r": 2, "smart_t": 2},
        ],
    }


# --------------------------------------------------------------------------- random workbooks

CODES = ["007", "010", "1.02.0.00.0.00.01.0000", "DINKES", "KEC-01", "A", "2.16.2.20.2.21.01.0000"]
VERBS = ["Meningkatnya", "Menurunnya", "Terwujudnya", "Tersedianya", "Optimalnya", "Pelaksanaan"]
NOUNS = ["kualitas layanan", "cakupan imunisasi", "angka kemiskinan", "produksi padi",
         "akuntabilitas kinerja", "data <b>statistik</b>", "=SUM(A1:A9)", "indeks $x_1$ *tebal*"]
PROBLEMS = ["Tingginya angka kesakitan", "Rendahnya cakupan layanan", "Kurangnya tenaga",
            "Belum optimalnya koordinasi", "Buruknya sanitasi", "+62 masalah lain"]


def random_tables(rng: random.Random) -> dict[str, list[dict]]:
    """A random valid workbook (no errors), from required sheets only to every sheet filled.

    Optional sheets are each absent, present with headers only, or filled; every OPD may
    lack problems, indicators, targets, realisation, budget, assessments or crosscutting.
    """
    years = sorted(rng.sample(range(2021, 2031), rng.randint(0, 3)))
    n_opd = rng.randint(1, 4)
    codes = rng.sample(CODES, n_opd)
    pohon: list[dict] = []
    indikator: list[dict] = []

    def add(node_id, parent, level, owner):
        pohon.append({"id": node_id, "induk": parent, "level": level, "kode_opd": owner,
                      "pernyataan": f"{rng.choice(VERBS)} {rng.choice(NOUNS)} {node_id}"})
        for k in range(rng.choice([0, 1, 1, 2])):
            indikator.append(_random_indicator(rng, node_id, k, years, level))

    roots = [f"U{i}" for i in range(rng.randint(1, 2))]
    for root in roots:
        add(root, None, "ultimate", None)
    for code in codes:
        shape = rng.choice(["full", "nested", "outputs_only", "single", "none"])
        if shape == "none":
            continue  # an OPD in the opd sheet with no condition at all
        top = rng.choice(roots)
        if shape == "outputs_only":
            parents = [p["id"] for p in pohon if p["level"] in ("immediate", "ultimate")]
            for j in range(rng.randint(1, 3)):
                add(f"{code}.o{j}", rng.choice(parents), "output", code)
            continue
        depth = {"full": 1, "nested": rng.randint(2, 3), "single": 1}[shape]
        parent = top
        for d in range(depth):
            node = f"{code}.i{d}"
            add(node, parent, "intermediate", code)
            parent = node
        if shape == "single":
            continue
        for i in range(rng.randint(1, 2)):
            imm = f"{code}.m{i}"
            add(imm, parent, "immediate", code)
            for j in range(rng.randint(0, 2)):
                out = f"{imm}.o{j}"
                add(out, imm, "output", code)
                if rng.random() < 0.3:
                    add(f"{out}.a", out, "aksi", code)
    tables = {
        "pemda": [{"kode_pemda": rng.choice(["0107", "3599", "BSSN"]), "nama_pemda": "Kabupaten Acak",
                   "periode_awal": 2021, "periode_akhir": 2030}],
        "opd": [{"kode_opd": c, "nama_opd": f"OPD {c}", "singkatan": rng.choice([None, f"S{c}"])}
                for c in codes],
        "pohon": pohon,
        "indikator": indikator,
    }
    owned = [p for p in pohon if p.get("kode_opd")]
    indicator_ids = [r["id"] for r in indikator]
    for name in OPTIONAL:
        state = rng.choice(["absent", "headers", "filled"])
        if state == "absent":
            continue
        if state == "headers":
            tables[name] = []
            continue
        if name == "lintas_opd":
            rows = []
            for _ in range(rng.randint(0, 4)):
                if not owned:
                    break
                node = rng.choice(owned)
                partner = rng.choice([*codes, "BPS", "KEMENKES"])
                partner_nodes = [p["id"] for p in owned if p["kode_opd"] == partner]
                rows.append({"id_pohon": node["id"], "kode_opd_mitra": partner,
                             "id_pohon_mitra": rng.choice([None, *partner_nodes]),
                             "peran": "Dukungan data", "status": rng.choice(
                                 [None, "usulan", "disetujui", "ditolak"])})
        elif name == "masalah":
            rows = []
            for code in codes:
                ids = []
                for k in range(rng.choice([0, 0, 1, 3, 5])):
                    pid = f"M.{code}.{k}"
                    # a problem causes only problems listed before it: never a cycle
                    causes = rng.sample(ids, min(len(ids), rng.randint(0, 2)))
                    row = {"id": pid, "kode_opd": code, "pernyataan": rng.choice(PROBLEMS),
                           "inti": rng.choice([None, "ya", "tidak"]) if k == 0 or rng.random() < 0.2
                           else None,
                           "menyebabkan": ";".join(causes) or None,
                           "lokus": rng.choice([None, "internal", "eksternal"])}
                    if rng.random() < 0.7:
                        row.update({c: rng.choice(["ya", "ya", "tidak"]) for c in
                                    ("apkl_a", "apkl_p", "apkl_k", "apkl_l")})
                    if rng.random() < 0.7:
                        row.update({c: rng.randint(1, 5) for c in ("usg_u", "usg_s", "usg_g")})
                    rows.append(row)
                    ids.append(pid)
            if rows and rng.random() < 0.5:
                target = rng.choice(rows)
                if target["id"] != rows[0]["id"]:
                    pohon_row = rng.choice(owned) if owned else None
                    if pohon_row is not None and pohon_row["kode_opd"] == target["kode_opd"]:
                        pohon_row["asal_masalah"] = target["id"]
        elif name == "anggaran":
            rows = [{"id_pohon": rng.choice(owned)["id"], "tahun": rng.choice(years or [2025]),
                     "pagu": rng.randint(1, 9) * 1e8, "realisasi": rng.choice([None, 5e7, 1e8])}
                    for _ in range(rng.randint(0, 4)) if owned]
        else:
            rows = [{"id_indikator": rng.choice(indicator_ids), "penilai": rng.choice(["A", "B"]),
                     **{c: rng.randint(0, 2) for c in OPTIONAL_HEADERS[name][2:]
                        if rng.random() < 0.8}}
                    for _ in range(rng.randint(0, 4)) if indicator_ids]
        tables[name] = rows
    return tables


def _random_indicator(rng: random.Random, node: str, k: int, years: list[int], level: str) -> dict:
    polarity = rng.choice(["maks", "min", "stabil"])
    kind = {"ultimate": "dampak", "intermediate": "outcome", "immediate": "outcome",
            "output": "output", "aksi": "output"}[level]
    row = {"id": f"{node}/I{k}", "id_pohon": node, "nama": f"Persentase {rng.choice(NOUNS)}",
           "satuan": rng.choice(["%", "orang", "indeks"]), "polaritas": polarity,
           "jenis": rng.choice([kind, "output", "input"]),
           "iku": rng.choice([None, "ya", "tidak"]), "dipilih": rng.choice([None, "ya", "ya", "tidak"]),
           "baseline": rng.choice([None, 50.0]), "tahun_baseline": rng.choice([None, 2020])}
    has_targets = rng.random() < 0.7
    has_actuals = rng.random() < 0.6
    for year in years:
        if has_targets:
            row[f"target_{year}"] = rng.choice([40, 55.5, 60, "50-70", None])
        if has_actuals:
            row[f"realisasi_{year}"] = rng.choice([None, "n/a", 0, 45, 58.25, 80])
    return row
