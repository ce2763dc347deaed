"""The ``pohon-nb`` command line.

Heavy modules (pandas, networkx, openpyxl) are imported inside the commands that need
them, so ``pohon-nb --help`` answers at once.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path

from . import __version__
from .core.errors import PohonError
from .core.formats import number_text, one_decimal
from .core.paths import OUT
from .method.config import DEFAULT_CAP, CheckConfig, default
from .method.scales import BUILT_IN_SCALES, DEFAULT_SCALE
from .reading.schema import DEFAULT_PERIOD
from .run.settings import CELL_TIMEOUT

SCALE_HELP = f"skala predikat: {', '.join(BUILT_IN_SCALES)} (bawaan {DEFAULT_SCALE})"
YEAR_HELP = ("tahun realisasi yang dinilai (bawaan: tahun terakhir yang punya realisasi; tanpa realisasi, "
             "tahun terakhir workbook sampai tahun ini)")
WAIT_HELP = ("bila batch lain sedang menulis ke folder yang sama, tunggu sampai selesai (bawaan: "
             "berhenti dengan kode 3)")
CAP_HELP = (f"batas atas capaian dalam persen (bawaan {number_text(DEFAULT_CAP)}, seperti Kemenkeu; 100 "
            f"atau 110 lazim juga; 0 = tanpa batas)")
OUT_HELP = f"folder keluaran (bawaan: {OUT})"


def _check_limit(parser: argparse.ArgumentParser, flag: str, name: str, what: str) -> None:
    """An option for a limit of :class:`CheckConfig`, its default and help read from there."""
    value = default(CheckConfig, name)
    parser.add_argument(flag, type=int, default=value, metavar="N", help=f"{what} (bawaan {value})")


def _data_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "data", nargs="?", default=None,
        help="workbook .xlsx atau folder berisi .csv per sheet (bawaan: sampel Kabupaten Contoh)",
    )


def _data_path(value: str | None) -> Path:
    from .core.paths import SAMPLE

    return Path(value) if value else SAMPLE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pohon-nb",
        description="Pohon Kinerja SAKIP: periksa workbook, jalankan notebook per OPD.",
    )
    parser.add_argument("--version", action="version", version=f"pohon-nb {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH")
    commands.required = True

    validate = commands.add_parser(
        "validate", help="periksa workbook dan tampilkan temuan per OPD",
        description="Periksa struktur dan kaidah metode workbook. Keluar dengan kode 1 bila "
                    "ada galat, 0 bila tidak.",
    )
    _data_argument(validate)
    validate.add_argument("--json", action="store_true", help="keluaran JSON (satu daftar temuan)")
    _check_limit(validate, "--maks-iku-sasaran", "max_iku_per_sasaran", "batas IKU per sasaran")
    _check_limit(validate, "--maks-iku-opd", "max_iku_per_opd", "batas IKU per OPD")
    _check_limit(validate, "--rantai-tunggal", "single_chain_length",
                 "panjang rantai kondisi beranak tunggal yang diperingatkan")
    validate.add_argument("--tahun", type=int, default=None, metavar="TAHUN",
                          help="tahun yang dinilai oleh aturan realisasi dan target tahunan (bawaan: "
                               "tahun terakhir yang punya realisasi)")
    validate.set_defaults(handler=cmd_validate)

    template = commands.add_parser(
        "template", help="tulis workbook input kosong",
        description="Tulis workbook input kosong (judul kolom, petunjuk, daftar pilihan).",
    )
    template.add_argument("out", help="berkas .xlsx yang ditulis")
    template.add_argument("--tahun-awal", type=int, default=DEFAULT_PERIOD[0],
                          help=f"tahun pertama target (bawaan {DEFAULT_PERIOD[0]})")
    template.add_argument("--tahun-akhir", type=int, default=DEFAULT_PERIOD[1],
                          help=f"tahun terakhir target (bawaan {DEFAULT_PERIOD[1]})")
    template.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    template.set_defaults(handler=cmd_template)

    export = commands.add_parser(
        "export", help="tulis Excel: cascading, crosscutting, manual-iku, findings, akar-bersama atau lke",
        description="Tulis berkas Excel berformat untuk evaluator. Berkas yang sudah ada tidak "
                    "ditimpa kecuali dengan --force.",
    )
    _data_argument(export)
    export.add_argument("--what", required=True,
                        choices=("cascading", "crosscutting", "manual-iku", "findings", "akar-bersama",
                                 "lke"),
                        help="jenis ekspor")
    export.add_argument("--out", required=True, help="berkas .xlsx yang ditulis")
    export.add_argument("--opd", default=None, metavar="KODE", help="hanya satu OPD")
    export.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    export.set_defaults(handler=cmd_export)

    run = commands.add_parser(
        "run", help="jalankan tiga notebook langkah untuk satu OPD",
        description="Jalankan notebook 01-03 untuk satu OPD dengan papermill dan tulis hasilnya "
                    "(ipynb dan HTML tanpa kode) ke OUT/<kode_pemda>/<kode_opd>/.",
    )
    _data_argument(run)
    run.add_argument("--opd", required=True, metavar="KODE", help="kode OPD (seperti di sheet opd)")
    run.add_argument("--out", default=OUT, metavar="DIR", help=OUT_HELP)
    run.add_argument("--tahun", type=int, default=None, help=YEAR_HELP)
    run.add_argument("--skala", default=DEFAULT_SCALE, help=SCALE_HELP)
    run.add_argument("--batas-atas", type=float, default=None, metavar="PERSEN",
                        help=CAP_HELP)
    run.add_argument("--no-html", dest="html", action="store_false", help="tanpa HTML")
    run.add_argument("--tunggu", action="store_true", help=WAIT_HELP)
    run.set_defaults(handler=cmd_run)

    batch = commands.add_parser(
        "batch", help="jalankan notebook semua OPD (paralel, hanya yang berubah)",
        description="Jalankan ikhtisar Pemda dan tiga notebook langkah untuk setiap OPD. Hasil di "
                    "OUT/<kode_pemda>/: notebook, HTML, index.html dan manifest.json. Jalankan lagi "
                    "setelah memperbaiki workbook: hanya yang berubah yang diulang.",
    )
    _data_argument(batch)
    batch.add_argument("--out", default=OUT, metavar="DIR", help=OUT_HELP)
    batch.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="jumlah proses paralel (bawaan: jumlah inti CPU)")
    batch.add_argument("--only", default=None, metavar="KODE,...", help="hanya OPD ini")
    batch.add_argument("--html", dest="html", action="store_true", default=True,
                       help="tulis HTML (bawaan)")
    batch.add_argument("--no-html", dest="html", action="store_false", help="tanpa HTML")
    batch.add_argument("--no-pdf", dest="pdf", action="store_false",
                       help="tanpa ringkasan PDF per OPD (ringkasan.pdf)")
    batch.add_argument("--force", action="store_true", help="ulangi semua, juga yang tidak berubah")
    batch.add_argument("--tunggu", action="store_true", help=WAIT_HELP)
    batch.add_argument("--scheduler", default=None, metavar="ADDRESS",
                       help="alamat scheduler Dask, mis. tcp://10.0.0.5:8786")
    batch.add_argument("--tahun", type=int, default=None, help=YEAR_HELP)
    batch.add_argument("--skala", default=DEFAULT_SCALE, help=SCALE_HELP)
    batch.add_argument("--batas-atas", type=float, default=None, metavar="PERSEN",
                        help=CAP_HELP)
    batch.add_argument("--timeout", type=int, default=CELL_TIMEOUT, metavar="DETIK",
                       help=f"batas waktu per sel (bawaan {CELL_TIMEOUT})")
    batch.add_argument("--templates", default=None, metavar="DIR",
                       help="folder templat notebook sendiri (bawaan: templat bawaan paket)")
    batch.set_defaults(handler=cmd_batch)

    impor = commands.add_parser(
        "impor", help="buat workbook input dari dokumen yang sudah ada (Renstra)",
        description="Buat workbook input dari dokumen perencanaan yang sudah dimiliki OPD.",
    )
    sources = impor.add_subparsers(dest="source", metavar="SUMBER")
    sources.required = True
    renstra = sources.add_parser(
        "renstra", help="tabel Rencana Program, Kegiatan dan Pendanaan (Permendagri 86/2017)",
        description="Baca tabel Renstra satu OPD per berkas (.xlsx) dan tulis workbook input pohon-nb: "
                    "tujuan dan sasaran -> intermediate outcome, program -> immediate outcome, kegiatan "
                    "dan sub kegiatan -> output, indikator dengan target dan satuannya, anggaran per tahun. "
                    "Sel yang tidak terbaca dilaporkan dengan alamat selnya.",
    )
    renstra.add_argument("files", nargs="+", metavar="BERKAS", help="tabel Renstra .xlsx, satu per OPD")
    renstra.add_argument("--out", required=True, metavar="WORKBOOK", help="workbook .xlsx yang ditulis")
    renstra.add_argument("--kode-opd", action="append", default=[], metavar="KODE",
                         help="kode OPD berkas pertama, kedua, ... (ulangi per berkas; bawaan: kode bidang "
                              "urusan program pertamanya)")
    renstra.add_argument("--nama-opd", action="append", default=[], metavar="NAMA",
                         help="nama OPD per berkas, urutannya seperti --kode-opd (bawaan: unit kerja "
                              "penanggung jawab yang paling sering tertulis)")
    renstra.add_argument("--pemda", default=None, metavar="KODE:NAMA",
                         help="baris Pemda, mis. '3211:Kabupaten Sumedang' (tidak perlu dengan --tambah-ke)")
    renstra.add_argument("--periode", default=None, metavar="AWAL-AKHIR",
                         help="periode Renstra, mis. 2019-2023; wajib bila kolom tahunnya 'Tahun-3' dsb.")
    renstra.add_argument("--tambah-ke", default=None, metavar="DATA",
                         help="workbook input yang sudah ada: OPD hasil impor ditambahkan ke salinannya di "
                              "--out (berkas aslinya tidak diubah)")
    renstra.add_argument("--sheet", default=None, help="sheet berisi tabel (bawaan: sheet pertama)")
    renstra.add_argument("--force", action="store_true", help="timpa --out bila sudah ada")
    renstra.set_defaults(handler=cmd_impor_renstra)
    realisasi = sources.add_parser(
        "realisasi", help="realisasi tahunan dari tabel yang diterbitkan Pemda (LKjIP, e-SAKIP, LPPD)",
        description="Baca tabel berisi nama indikator dan satu kolom per tahun ('2019', 'Realisasi "
                    "2019', 'Capaian Tahun 2019'), cocokkan dengan indikator workbook menurut namanya, dan "
                    "tulis realisasi_<tahun> ke SALINAN workbook (workbook asli tidak diubah). Tidak ada "
                    "tebakan: nama ganda, nilai bukan angka dan kemiripan yang tidak tunggal dilaporkan, "
                    "tidak ditulis.",
    )
    realisasi.add_argument("table", metavar="TABEL", help="tabel .xlsx atau .csv")
    realisasi.add_argument("--ke", required=True, metavar="WORKBOOK", help="workbook input .xlsx")
    realisasi.add_argument("--out", required=True, metavar="SALINAN", help="salinan workbook yang ditulis")
    realisasi.add_argument("--tahun", type=int, default=None,
                           help="hanya tahun ini (bawaan: semua kolom tahun)")
    realisasi.add_argument("--sheet", default=None, help="sheet berisi tabel (bawaan: sheet pertama)")
    realisasi.add_argument("--timpa", action="store_true",
                           help="ganti realisasi yang sudah ada di workbook (bawaan: dipertahankan, bedanya "
                                "dilaporkan)")
    realisasi.set_defaults(handler=cmd_impor_realisasi)

    banding = commands.add_parser(
        "banding", help="bandingkan dua versi workbook: temuan selesai/baru/masih, perubahan data",
        description="Bandingkan workbook sebelum dan sesudah asistensi: temuan yang selesai, baru "
                    "dan masih terbuka (dicocokkan menurut aturan dan ID, bukan nomor baris), serta "
                    "kondisi, indikator, crosscutting dan masalah yang berubah, per OPD. Menulis "
                    "halaman HTML (dan --xlsx untuk arsip); kedua workbook tidak diubah.",
    )
    banding.add_argument("lama", help="workbook (atau folder .csv) versi sebelumnya")
    banding.add_argument("baru", help="workbook (atau folder .csv) versi baru")
    banding.add_argument("--out", default="perubahan.html", help="halaman HTML yang ditulis")
    banding.add_argument("--xlsx", default=None, metavar="BERKAS", help="juga tulis workbook arsip")
    banding.add_argument("--opd", default=None, metavar="KODE", help="hanya satu OPD")
    banding.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    banding.set_defaults(handler=cmd_banding)

    kelas = commands.add_parser(
        "kelas", help="layani modul pelatihan ke peramban peserta di jaringan ruangan (tanpa pasang apa pun)",
        description="Jalankan modul pelatihan sekali di laptop ini lalu layani sebagai halaman web ke "
                    "peramban mana pun di jaringan ruangan (ponsel, laptop kantor): narasi, gambar dan "
                    "formulir latihan, tanpa kode. Peserta masuk dengan kode kelas dan nama; setiap "
                    "jawaban tersimpan di FOLDER/kelas.sqlite. Tampilan pelatih di /pelatih (kode "
                    "pelatih). Tanpa internet sama sekali.",
    )
    _data_argument(kelas)
    kelas.add_argument("--opd", default=None, metavar="KODE",
                       help="OPD contoh latihan (bawaan: Dinas Kesehatan sampel, atau OPD pertama workbook)")
    kelas.add_argument("--tahun", type=int, default=0, help=YEAR_HELP)
    kelas.add_argument("--modul", default="1-5", metavar="1-5", help="modul yang dilayani: 1-5, 2-3 atau 1,4")
    kelas.add_argument("--alamat", default=None, metavar="IP",
                       help="alamat yang didengar (bawaan: alamat laptop di jaringan lokal; 0.0.0.0: semua)")
    kelas.add_argument("--port", type=int, default=8866)
    kelas.add_argument("--kode", default=None, metavar="KODE",
                       help="kode kelas yang diketik peserta (bawaan: dibuat sekali, diingat di folder)")
    kelas.add_argument("--kode-pelatih", default=None, metavar="KODE",
                       help="kode tampilan pelatih (bawaan: dibuat sekali dan diingat)")
    kelas.add_argument("--folder", default="kelas", metavar="DIR",
                       help="folder kelas: basis data jawaban, modul yang dijalankan, QR (bawaan: kelas)")
    kelas.add_argument("--ekspor", default=None, metavar="BERKAS.xlsx",
                       help="tulis hasil kelas ke Excel lalu berhenti (tanpa melayani)")
    kelas.set_defaults(handler=cmd_kelas)

    schema_cmd = commands.add_parser(
        "schema", help="tampilkan kontrak workbook input (Markdown)",
        description="Tampilkan daftar sheet dan kolom workbook input sebagai Markdown.",
    )
    schema_cmd.set_defaults(handler=cmd_schema)
    return parser


def cmd_validate(args: argparse.Namespace) -> int:
    from .core.findings import SEVERITY_LABELS, count_by_severity, has_errors, repeated
    from .method.checks import by_opd, validate

    path = _data_path(args.data)
    config = CheckConfig(max_iku_per_sasaran=args.maks_iku_sasaran,
                         max_iku_per_opd=args.maks_iku_opd,
                         single_chain_length=args.rantai_tunggal, tahun=args.tahun)
    pemda, findings = validate(path, config)
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
        return 1 if has_errors(findings) else 0

    info = pemda.info
    title = info.get("nama_pemda") or "(nama Pemda tidak terbaca)"
    print(f"Validasi {title} — {path}")
    for code, group in by_opd(pemda, findings):
        heading = f"{code} {pemda.opd_name(code)}" if code else "Tingkat Pemda / umum"
        print(f"\n== {heading} ({len(group)} temuan) ==")
        for line in repeated(group):
            print(f"  berulang: {line}")
        for finding in group:
            criterion = f" [kriteria {finding.criterion}]" if finding.criterion else ""
            where = finding.location()
            if finding.file == str(path):
                where = where.replace(f"berkas {finding.file}, ", "").replace(
                    f"berkas {finding.file}", "")
            print(f"  {SEVERITY_LABELS[finding.severity]} {finding.code} "
                  f"{finding.title}{criterion}")
            if where:
                print(f"      di {where}")
            print(f"      {finding.message}")
    counts = count_by_severity(findings)
    opds = len({f.kode_opd for f in findings if f.kode_opd})
    print(f"\nRingkasan: {counts['error']} galat, {counts['warning']} peringatan, "
          f"{counts['info']} info; temuan di {opds} OPD.")
    if has_errors(findings):
        print("Perbaiki galat di atas lalu jalankan lagi: galat di baris satu OPD menghentikan "
              "notebook OPD itu, galat pada workbook (sheet wajib, sheet pemda) menghentikan semua.")
        return 1
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from .core.atomic import OutputExists
    from .reading.blank_workbook import write_workbook

    if args.tahun_akhir < args.tahun_awal:
        print("Tahun akhir harus sesudah tahun awal.", file=sys.stderr)
        return 2
    try:
        path = write_workbook(args.out, years=range(args.tahun_awal, args.tahun_akhir + 1),
                              overwrite=args.force)
    except OutputExists:
        print(f"Berkas {args.out} sudah ada; tidak ditimpa. Pakai --force untuk menimpanya.",
              file=sys.stderr)
        return 1
    print(f"Workbook kosong ditulis: {path}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .core.atomic import OutputExists
    from .method.checked import load_checked
    from .outputs import exports

    path = _data_path(args.data)
    out = Path(args.out)
    if out.resolve() == path.resolve() or (path.is_dir() and path.resolve() in out.resolve().parents):
        print(f"Berkas keluaran {out} menunjuk ke data masukan; pilih nama lain.", file=sys.stderr)
        return 2
    checked = load_checked(path)
    pemda, findings = checked.pemda, checked.findings
    if args.opd is not None and args.opd not in pemda.opd_codes():
        print(f"Kode OPD {args.opd!r} tidak ada di sheet opd. Kode yang ada: "
              f"{', '.join(pemda.opd_codes()[:12])}{' ...' if len(pemda.opd_codes()) > 12 else ''}",
              file=sys.stderr)
        return 2
    blocking = checked.blocking
    blocked = (blocking.blocks(args.opd) if args.opd is not None
               else [f for f in findings if f.severity == "error"])
    if blocked and args.what != "findings":
        where = f"OPD {args.opd}" if args.opd is not None else "Workbook"
        others = (f" OPD yang dapat diekspor sendiri-sendiri dengan --opd: "
                  f"{', '.join(c for c in pemda.opd_codes() if not blocking.blocks(c))}."
                  if args.opd is None and not blocking.workbook else "")
        print(f"{where} memiliki {len(blocked)} galat; perbaiki dulu (lihat: pohon-nb validate "
              f"{path}) atau ekspor temuannya dengan --what findings.{others}", file=sys.stderr)
        for finding in blocked[:10]:
            print(f"  {finding.code} {finding.location()}: {finding.message}", file=sys.stderr)
        return 1
    from .core.lock import BUSY_EXIT, FolderBusy, folder_lock

    batch_folder = next((p for p in out.resolve().parents if (p / "manifest.json").exists()), None)
    try:
        with folder_lock(batch_folder, what="export") if batch_folder else contextlib.nullcontext():
            written = _export(args, exports, pemda, findings, out)
    except FolderBusy as exc:
        print(str(exc), file=sys.stderr)
        return BUSY_EXIT
    except OutputExists:
        print(f"Berkas {out} sudah ada; tidak ditimpa. Pakai --force untuk menimpanya, atau pilih "
              f"nama lain.", file=sys.stderr)
        return 1
    print(f"Ditulis: {written}")
    return 0


def _export(args, exports, pemda, findings, out) -> Path:
    """Write the export ``args.what`` asks for; return its path."""
    if args.what == "findings":
        return exports.export_findings(pemda, findings, out, args.opd, overwrite=args.force)
    writer = {"cascading": exports.export_cascading, "crosscutting": exports.export_crosscutting,
              "manual-iku": exports.export_manual_iku, "akar-bersama": exports.export_shared_roots,
              "lke": exports.export_lke}[args.what]
    return writer(pemda, out, args.opd, overwrite=args.force)


def cmd_run(args: argparse.Namespace) -> int:
    from .core.lock import BUSY_EXIT, FolderBusy
    from .method.blocking import blocked_message, workbook_message
    from .method.checked import check
    from .method.checks import CheckConfig
    from .reading.model import load
    from .run.batch import BatchError, run_batch
    from .run.reports import STEPS

    pemda = load(_data_path(args.data))
    blocking = check(pemda, CheckConfig(tahun=args.tahun)).blocking  # the batch reads the same one
    if blocking.workbook:
        print(workbook_message(pemda, blocking.workbook), file=sys.stderr)
        return 1
    if args.opd not in pemda.opd_codes():
        print(f"Kode OPD {args.opd!r} tidak ada di sheet opd.", file=sys.stderr)
        return 1
    if blocking.blocks(args.opd):
        print(blocked_message(args.opd, blocking.blocks(args.opd)), file=sys.stderr)
        return 1
    try:  # one way to run a notebook: a batch of this OPD, without the overview, always rerun
        report = run_batch(pemda, args.out, jobs=1, only=[args.opd], overview=False, force=True,
                           html_pages=args.html, tahun=args.tahun, skala=args.skala,
                           batas_atas=args.batas_atas, progress=False, wait=args.tunggu)
    except BatchError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except FolderBusy as exc:
        print(str(exc), file=sys.stderr)
        return BUSY_EXIT
    for note in report.notes:
        print(note, file=sys.stderr)
    failed = 0
    for step in STEPS:
        entry = report.results[f"{args.opd}/{step}"]
        error = entry.get("error")
        print(f"{step}: {'GAGAL: ' + error if error else 'selesai'}")
        print(f"    {entry['notebook']}" + (f"\n    {entry['html']}" if entry.get("html") else ""))
        failed += error is not None
    from .run.briefs import brief_path

    brief = brief_path(Path(args.out).resolve(), pemda, args.opd)
    if brief.exists():
        print(f"ringkasan: {brief}")
    return 1 if failed else 0


def cmd_batch(args: argparse.Namespace) -> int:
    from .core.lock import BUSY_EXIT, FolderBusy
    from .run.batch import BatchError, run_batch
    from .run.index_page import error_location

    only = [c.strip() for c in args.only.split(",") if c.strip()] if args.only else None
    try:
        report = run_batch(_data_path(args.data), args.out, jobs=args.jobs, only=only,
                           html_pages=args.html, force=args.force, scheduler=args.scheduler,
                           tahun=args.tahun, skala=args.skala, timeout=args.timeout,
                           batas_atas=args.batas_atas, briefs=args.pdf, wait=args.tunggu,
                           **({"templates": args.templates} if args.templates else {}))
    except BatchError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except FolderBusy as exc:
        print(str(exc), file=sys.stderr)
        return BUSY_EXIT
    except KeyboardInterrupt:
        print("\nDihentikan. Jalankan perintah yang sama lagi untuk melanjutkan.", file=sys.stderr)
        return 130
    by_opd: dict[str, list] = {}
    for key, entry in report.results.items():
        by_opd.setdefault(entry.get("kode_opd") or "(Pemda)", []).append((key, entry))
    skipped = set(report.skipped)
    print(f"\n{'OPD':<28} {'status':<9} {'waktu':>8}")
    for code, entries in by_opd.items():
        states = {e["status"] for _, e in entries}
        state = next((s for s in ("diblokir", "gagal") if s in states), "ok")
        if all(key in skipped for key, _ in entries):
            print(f"{code:<28} {'tidak berubah, tidak dijalankan ulang'}")
            continue
        seconds = sum(e.get("duration") or 0 for key, e in entries if key not in skipped)
        print(f"{code:<28} {state:<9} {one_decimal(seconds):>7} detik")
    for note in report.notes:
        print(note, file=sys.stderr)
    print(f"\n{len(report.ran)} notebook dijalankan, {len(report.skipped)} tidak berubah (dilewati); "
          f"{one_decimal(report.seconds)} detik.")
    if report.interrupted:
        print("Dihentikan sebelum selesai; jalankan lagi untuk melanjutkan.", file=sys.stderr)
    print(f"Buka: {report.index}")
    if report.briefs:
        print(f"Ringkasan untuk dicetak: {report.briefs}")
    if report.follow_up:
        print(f"Usulan tindak lanjut (salin yang disepakati ke sheet tindak_lanjut): {report.follow_up}")
    if report.change:
        print(f"Sejak versi {report.change.earlier['tanggal']}: {report.change.comparison.summary()}. "
              f"Lihat {report.change.page}")
    for code, errors in report.blocked.items():
        who = "Ikhtisar Pemda" if code is None else f"OPD {code}"
        source = Path(errors[0]["file"]).name if errors and errors[0].get("file") else ""
        print(f"{who} diblokir (notebook tidak dijalankan), {len(errors)} galat di barisnya"
              f"{f' (berkas {source})' if source else ''}:", file=sys.stderr)
        for error in errors[:10]:
            print(f"  {error['code']} {error_location(error)}: {error['message']}", file=sys.stderr)
        if len(errors) > 10:
            print(f"  (dan {len(errors) - 10} galat lain)", file=sys.stderr)
    failed = [k for k in report.failed if report.results[k]["status"] == "gagal"]
    if failed:
        print(f"{len(failed)} notebook gagal:", file=sys.stderr)
        for key in failed:
            entry = report.results[key]
            print(f"  {key}: {entry.get('error')} (sel {entry.get('failing_cell')})", file=sys.stderr)
    if failed or report.blocked:
        return 1
    return 130 if report.interrupted else 0


def cmd_banding(args: argparse.Namespace) -> int:
    from .core.atomic import OutputExists
    from .method.changes import compare
    from .outputs.changes_report import write_page, write_workbook
    from .reading.model import load

    old_path, new_path = Path(args.lama), Path(args.baru)
    outputs = [Path(args.out), *([Path(args.xlsx)] if args.xlsx else [])]
    for out in outputs:
        if out.resolve() in (old_path.resolve(), new_path.resolve()):
            print(f"Berkas keluaran {out} menunjuk ke data masukan; pilih nama lain.", file=sys.stderr)
            return 2
        if out.exists() and not args.force:
            print(f"Berkas {out} sudah ada; tidak ditimpa. Pakai --force untuk menimpanya, atau pilih "
                  f"nama lain.", file=sys.stderr)
            return 1
    old, new = load(old_path), load(new_path)
    for pemda in (old, new):
        broken = [f for f in pemda.findings if f.code in ("S01", "S02")]
        if broken:
            print(f"{pemda.source}: {broken[0].message}", file=sys.stderr)
            return 1
    if args.opd is not None and args.opd not in new.opd_codes() + old.opd_codes():
        print(f"Kode OPD {args.opd!r} tidak ada di sheet opd kedua versi.", file=sys.stderr)
        return 2
    comparison = compare(old, new)
    try:
        page = write_page(comparison, args.out, args.opd, overwrite=args.force)
        book = write_workbook(comparison, args.xlsx, overwrite=args.force) if args.xlsx else None
    except OutputExists as exc:
        print(f"Berkas {exc} sudah ada; tidak ditimpa.", file=sys.stderr)
        return 1
    name = new.info.get("nama_pemda") or Path(new.source).name
    def moved(code: str) -> bool:
        counts = comparison.counts(code)
        return bool(counts["selesai"] or counts["baru"] or counts["perubahan"])

    codes = [args.opd] if args.opd else [c for c in comparison.opd_codes() if moved(c)]
    print(f"{name}: {comparison.summary(args.opd)}.")
    for code in codes:
        print(f"  {code:<26} {new.opd_short(code):<20} {comparison.summary(code)}")
    unchanged = len(comparison.opd_codes()) - len(codes)
    if not args.opd and unchanged:
        print(f"  ({unchanged} OPD lain tanpa temuan selesai, temuan baru atau perubahan data)")
    print(f"Ditulis: {page}" + (f" dan {book}" if book else ""))
    return 0


def cmd_impor_realisasi(args: argparse.Namespace) -> int:
    from collections import Counter

    from .impor.realisasi import OUTCOMES, import_realisation

    for given in (args.table, args.ke):
        if not Path(given).exists():
            print(f"Berkas tidak ditemukan: {given}", file=sys.stderr)
            return 2
    table, outcomes, missing, path = import_realisation(args.table, args.ke, args.out, year=args.tahun,
                                                        sheet=args.sheet, overwrite_values=args.timpa)
    counted = Counter(o.outcome for o in outcomes)
    years = ", ".join(map(str, table.years))
    print(f"{Path(args.table).name}: {len(table.rows)} baris indikator, tahun {years}.")
    for note in table.notes:
        print(f"  {note}")
    for o in outcomes:
        if o.outcome != "ditulis" or o.note:
            year = f" {o.year}" if o.year else ""
            print(f"  baris {o.row}{year}: {o.outcome}: {o.name!r}"
                  + (f" -> {o.indicator}" if o.indicator else "") + (f"; {o.note}" if o.note else ""))
    print("Ringkasan: " + ", ".join(f"{counted[k]} {k}" for k in OUTCOMES if counted[k])
          + f"; {len(missing)} indikator workbook tidak ada di tabel.")
    print(f"Salinan ditulis: {path} (laporan lengkap di sheet impor_realisasi). Periksa: "
          f"pohon-nb validate {path}")
    return 0


def cmd_impor_renstra(args: argparse.Namespace) -> int:
    from .core.atomic import OutputExists
    from .core.findings import SEVERITY_LABELS, SEVERITY_RANK, count_by_severity, repeated
    from .impor.renstra import OpdSpec, RenstraError, base_tables, import_renstra, write_import

    out = Path(args.out)
    inputs = [Path(f) for f in args.files] + ([Path(args.tambah_ke)] if args.tambah_ke else [])
    if any(out.resolve() == p.resolve() for p in inputs):
        print(f"Berkas keluaran {out} sama dengan berkas masukan; pilih nama lain (masukan tidak pernah "
              f"ditimpa).", file=sys.stderr)
        return 2
    if out.exists() and not args.force:
        print(f"Berkas {out} sudah ada; tidak ditimpa. Pakai --force untuk menimpanya.", file=sys.stderr)
        return 1
    missing = [p for p in inputs if not p.exists()]
    if missing:
        print(f"Berkas tidak ditemukan: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    for option, values in (("--kode-opd", args.kode_opd), ("--nama-opd", args.nama_opd)):
        if len(values) > len(args.files):
            print(f"{option} ditulis {len(values)} kali untuk {len(args.files)} berkas; tulis satu per "
                  f"berkas, urut seperti berkasnya.", file=sys.stderr)
            return 2
    pemda = period = None
    if args.pemda:
        kode, _, nama = args.pemda.partition(":")
        if not kode.strip() or not nama.strip():
            print("--pemda ditulis KODE:NAMA, mis. --pemda '3211:Kabupaten Sumedang'.", file=sys.stderr)
            return 2
        pemda = {"kode_pemda": kode.strip(), "nama_pemda": nama.strip()}
    if args.periode:
        try:
            first, last = (int(part) for part in args.periode.replace("–", "-").split("-"))
        except ValueError:
            first = last = 0
        if not 1990 <= first <= last <= 2100:
            print(f"--periode {args.periode!r} tidak terbaca; tulis AWAL-AKHIR, mis. 2019-2023.",
                  file=sys.stderr)
            return 2
        period = (first, last)
    base = None
    if args.tambah_ke:
        base, base_findings = base_tables(args.tambah_ke)
        if "pemda" not in base or not base.get("pemda"):
            print(f"{args.tambah_ke} tidak terbaca sebagai workbook input pohon-nb (sheet pemda tidak ada); "
                  f"periksa dengan: pohon-nb validate {args.tambah_ke}", file=sys.stderr)
            return 2
    specs = [OpdSpec(args.kode_opd[i] if i < len(args.kode_opd) else None,
                     args.nama_opd[i] if i < len(args.nama_opd) else None) for i in range(len(args.files))]
    try:
        result = import_renstra(args.files, specs, pemda=pemda, period=period, base=base, sheet=args.sheet)
    except RenstraError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    for path, counts in result.counts.items():
        print(f"{Path(path).name}: {counts['tujuan']} tujuan, {counts['sasaran']} sasaran, "
              f"{counts['program']} program, {counts['kegiatan']} kegiatan, {counts['sub_kegiatan']} sub "
              f"kegiatan, {counts['indikator']} indikator, {counts['anggaran']} baris anggaran")
    by_file: dict[str, list] = {}
    for finding in result.findings:
        by_file.setdefault(Path(finding.file).name if finding.file else "(umum)", []).append(finding)
    for name, group in by_file.items():
        print(f"\n== {name} ({len(group)} catatan) ==")
        for line in repeated(group):
            print(f"  berulang: {line}")
        summarised = {line.split(" ")[0] for line in repeated(group)}
        for finding in sorted(group, key=lambda f: (SEVERITY_RANK[f.severity], f.row or 0, f.code)):
            if finding.severity == "info" and finding.code in summarised:
                continue  # listed one by one in the sheet catatan_impor
            print(f"  {SEVERITY_LABELS[finding.severity]} {finding.code} {finding.title}")
            print(f"      {finding.message}")
    counts = count_by_severity(result.findings)
    print(f"\nRingkasan impor: {counts['error']} galat, {counts['warning']} peringatan, "
          f"{counts['info']} info.")
    if result.errors:
        print("Workbook tidak ditulis: perbaiki galat di atas lalu jalankan lagi.", file=sys.stderr)
        return 1
    try:
        written = write_import(result, out, overwrite=args.force)
    except OutputExists:
        print(f"Berkas {out} sudah ada; tidak ditimpa. Pakai --force untuk menimpanya.", file=sys.stderr)
        return 1
    print(f"Ditulis: {written} (catatan impor di sheet catatan_impor).")
    print(f"Berikutnya: pohon-nb validate {written}   lalu   pohon-nb batch {written} --out asistensi")
    return 0


def _module_numbers(text: str) -> list[int]:
    numbers: list[int] = []
    for part in text.replace(" ", "").split(","):
        low, _, high = part.partition("-")
        if not low.isdigit() or (high and not high.isdigit()):
            raise PohonError(f"--modul {text!r}: tulis nomor modul seperti 1-5, 2-3 atau 1,4")
        numbers += range(int(low), int(high or low) + 1)
    if not numbers or min(numbers) < 1 or max(numbers) > 5:
        raise PohonError(f"--modul {text!r}: modul bernomor 1 sampai 5")
    return sorted(set(numbers))


def cmd_kelas(args: argparse.Namespace) -> int:
    from .core.paths import SAMPLE
    from .kelas import address, server
    from .nb.training import BY_KEY

    numbers = _module_numbers(args.modul)
    folder = Path(args.folder)
    data = _data_path(args.data)
    if args.ekspor:
        from .kelas.store import Store, export

        if not (folder / "kelas.sqlite").exists():
            raise PohonError(f"{folder / 'kelas.sqlite'} tidak ada: belum ada kelas di folder ini (--folder)")
        store = Store(folder / "kelas.sqlite")
        keys = [k for k, e in BY_KEY.items() if int(e.module[:2]) in numbers]
        path = export(store, keys, {k: BY_KEY[k].title for k in keys}, args.ekspor)
        print(f"Hasil kelas ({store.participants()} peserta) ditulis ke {path}")
        return 0
    from .method.blocking import blocked_message, workbook_message
    from .method.checked import check
    from .method.checks import CheckConfig
    from .nb.training.guide import SAMPLE_OPD
    from .reading.model import load

    pemda = load(data)  # as `run` does: a workbook the modules cannot read is said before anything runs
    blocking = check(pemda, CheckConfig(tahun=args.tahun or None)).blocking
    if blocking.workbook:
        print(workbook_message(pemda, blocking.workbook), file=sys.stderr)
        return 1
    opd = args.opd or (SAMPLE_OPD if data == SAMPLE else pemda.opd_codes()[0])
    if opd not in pemda.opd_codes():
        print(f"Kode OPD {opd!r} tidak ada di sheet opd (--opd). Pilihan: {', '.join(pemda.opd_codes())}",
              file=sys.stderr)
        return 1
    if blocking.blocks(opd):
        print(blocked_message(opd, blocking.blocks(opd)), file=sys.stderr)
        return 1
    if not args.opd and data != SAMPLE:
        print(f"OPD contoh latihan: {pemda.opd_name(opd)} ({opd}); pilih yang lain dengan --opd")
    print(f"Menyiapkan modul {', '.join(map(str, numbers))} (sekali untuk data ini; berikutnya langsung)...")
    room = server.open_class("" if data == SAMPLE else str(data), opd, args.tahun, numbers, folder,
                             args.kode, args.kode_pelatih)
    host = args.alamat or address.lan_address()
    shown = address.lan_address() if host == "0.0.0.0" else host
    url = f"http://{shown}:{args.port}/"

    qr_text, room.qr = address.qr_code(url, folder / "alamat_kelas.png")
    room.join_url = url

    def ready() -> None:
        print(qr_text)
        print(f"Kelas dibuka. Di layar depan:\n  alamat     {url}\n  kode kelas {room.class_code}\n"
              f"  (QR: {folder / 'alamat_kelas.png'})\n"
              f"Tampilan pelatih: {url}pelatih  (kode pelatih {room.trainer_code})\n"
              f"Jawaban tersimpan di {folder / 'kelas.sqlite'}. Ctrl-C menutup kelas; perintah yang sama "
              f"membukanya lagi tanpa kehilangan jawaban.", flush=True)

    try:
        server.serve(room, host, args.port, ready=ready)
    except OSError as exc:
        raise PohonError(f"Tidak dapat mendengar di {host}:{args.port}: {exc.strerror} (port lain: --port, "
                         f"alamat lain: --alamat)") from None
    finally:
        room.store.close()
    print("Kelas ditutup.")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .reading.schema import schema_markdown

    print(schema_markdown())
    return 0


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped reading: not an error
        sys.stderr.close()
        return 0
    except PohonError as exc:  # the user's to fix: the message says what and where
        print(exc, file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # the machine, not the workbook: say what and where, never a traceback
        message = os_error_message(exc)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 1


def os_error_message(exc: OSError) -> str | None:
    """What a user is told of a full disk or a file another program holds; None for other errors
    (those stay tracebacks: they are bugs)."""
    import errno

    where = exc.filename2 or exc.filename or "?"
    if exc.errno == errno.ENOSPC:
        return (f"Disk penuh saat menulis {where}. pohon-nb berhenti; berkas yang belum selesai tidak "
                f"ditinggalkan (setiap berkas ditulis dengan nama sementara lalu diganti nama). Kosongkan "
                f"ruang disk, lalu jalankan perintah yang sama lagi: yang sudah selesai tidak diulang.")
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"Berkas {where} tidak dapat ditulis atau dibaca: sedang dibuka program lain (mis. Excel "
                f"di Windows), atau folder tanpa izin tulis. Tutup berkasnya atau pilih --out lain, lalu "
                f"jalankan lagi. Berkas yang sudah ada tidak diubah.")
    return None


if __name__ == "__main__":
    sys.exit(main())
