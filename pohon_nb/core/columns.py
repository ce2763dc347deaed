"""Every column pohon-nb shows a reader, declared once: its header and the kind of value it holds.

The notebooks' tables (:func:`pohon_nb.nb.display.table`), the Excel exports
(:class:`pohon_nb.outputs.exports.Col`), the saved views and the number formats
(:func:`pohon_nb.core.formats.number`) read a column's header and kind from here, so a column
reads the same on every surface. An export may still name a column differently where its sheet
needs it (``Kondisi (sasaran)`` in the cascading table), and says so where it does.

Kinds: ``code`` (an identifier, kept as typed: never a number in Excel), ``year``, ``fraction``
(a share kept as 0-1, shown as a percentage), ``percent`` (one decimal), ``count`` (whole),
``number`` (a measured value: targets, realisations, budgets, up to two decimals) and
``value`` (anything else: text as typed, a number with up to two decimals).
"""

from __future__ import annotations

import re

LABELS = {
    "id": "ID", "id_pohon": "ID kondisi", "id_indikator": "ID indikator", "id_masalah": "ID masalah",
    "induk": "Induk", "level": "Level", "pernyataan": "Pernyataan", "kode_opd": "Kode OPD",
    "nama_opd": "OPD", "nama": "Nama", "satuan": "Satuan", "polaritas": "Polaritas",
    "tahun": "Tahun", "target": "Target", "target_min": "Target min", "target_maks": "Target maks",
    "realisasi": "Realisasi", "capaian": "Capaian (%)", "predikat": "Predikat",
    "keterangan": "Keterangan", "capaian_sendiri": "Capaian sendiri (%)",
    "catatan_capaian": "Catatan capaian", "termasuk_dalam": "Termasuk dalam", "tanda": "Tanda",
    "capaian_tanpa_batas": "Capaian sebelum batas atas (%)",
    "capaian_cabang": "Capaian cabang (%)", "indikator": "Indikator", "indikator_berdata":
    "Indikator berdata", "cakupan": "Cakupan data", "kedalaman": "Kedalaman", "bobot": "Bobot",
    "kontribusi": "Kontribusi pada kekurangan (poin)", "jalur": "Jalur", "kesenjangan": "Kesenjangan",
    "tren": "Tren", "realisasi_sebelumnya": "Realisasi sebelumnya", "peran": "Peran", "lokus": "Lokus",
    "menyebabkan": "Menyebabkan", "disebabkan": "Disebabkan", "apkl_a": "A", "apkl_p": "P",
    "apkl_k": "K", "apkl_l": "L", "lolos": "Lolos APKL", "gagal": "Gagal", "usg_u": "U",
    "usg_s": "S", "usg_g": "G", "total": "Total", "peringkat": "Peringkat", "seri": "Seri",
    "pernyataan_masalah": "Masalah", "usulan_kondisi": "Usulan kondisi", "aturan": "Aturan",
    "usulan_level": "Usulan level", "kandidat_crosscutting": "Kandidat crosscutting",
    "kondisi_terkait": "Kondisi terkait", "asal_masalah": "Asal masalah",
    "jejak_masalah": "Jejak masalah", "akar_masalah": "Akar masalah", "terlacak": "Terlacak",
    "kode_opd_mitra": "Kode mitra", "nama_mitra": "OPD mitra", "id_pohon_mitra": "Kondisi mitra",
    "pernyataan_mitra": "Pernyataan kondisi mitra", "peran_mitra": "Peran mitra", "status": "Status",
    "skor_smart": "SMART (%)", "skor_cream": "CREAM (%)", "sumber_skor": "Sumber skor",
    "smart_s": "SMART: spesifik", "smart_m": "SMART: terukur", "smart_a": "SMART: dapat dicapai",
    "smart_r": "SMART: relevan", "smart_t": "SMART: berbatas waktu", "cream_c": "CREAM: jelas",
    "cream_r": "CREAM: relevan", "cream_e": "CREAM: ekonomis", "cream_a": "CREAM: memadai",
    "cream_m": "CREAM: dapat dipantau",
    "beda_pendapat": "Beda pendapat", "kerangka": "Kerangka", "kriteria": "Kriteria",
    "skor_otomatis": "Skor otomatis", "alasan": "Alasan", "skor_penilai": "Skor penilai",
    "jumlah_penilai": "Penilai", "skor": "Skor", "direkomendasikan": "Direkomendasikan",
    "iku_sekarang": "IKU sekarang", "jenis": "Jenis", "severity": "Tingkat", "code": "Kode",
    "title": "Temuan", "criterion": "Kriteria", "sheet": "Sheet", "row": "Baris", "column": "Kolom",
    "ref": "ID", "message": "Keterangan", "diminta": "Diminta", "meminta": "Meminta",
    "usulan": "Usulan", "disetujui": "Disetujui", "ditolak": "Ditolak", "sentralitas": "Sentralitas",
    "pagu": "Pagu (Rp)", "realisasi_anggaran": "Realisasi anggaran (Rp)", "serapan": "Serapan (%)",
    "efisiensi": "Efisiensi E (%)", "nilai_efisiensi": "Nilai efisiensi",
    "sisa_anggaran_target_tercapai": "Sisa pagu saat target tercapai (%)", "baseline": "Baseline",
    "iku": "IKU", "dipilih": "Dipilih", "ditandai_inti": "Ditandai inti",
    "peringkat_usg": "Peringkat USG", "total_usg": "Total USG", "usg_teratas": "Teratas USG",
    "nilai": "Nilai", "uraian": "Uraian", "jumlah": "Jumlah", "opd": "OPD", "galat": "Galat",
    "peringatan": "Peringatan", "info": "Info", "kondisi": "Kondisi",
    "permintaan_tertunda": "Crosscutting diminta OPD ini, tertunda",
    "diminta_tertunda": "Crosscutting diminta dari OPD ini, tertunda", "mitra_terdaftar": "Mitra terdaftar",
    "simpul_mitra_ada": "Kondisi mitra ada", "kriteria_lemah": "Kriteria di bawah 2 (skor)",
    "kode": "Kode", "sasaran": "Sasaran", "definisi": "Definisi", "formula": "Formula",
    "validitas": "Validitas", "tingkat_kendali": "Tingkat kendali", "frekuensi": "Frekuensi",
    "konsolidasi": "Konsolidasi", "sumber_data": "Sumber data",
    "penanggung_jawab": "Penanggung jawab", "tahun_baseline": "Tahun baseline",
    "jenis_cascading": "Jenis cascading", "belum_diisi": "Belum diisi", "temuan": "Temuan", "isi": "Isi",
    "predikat_cabang": "Predikat cabang", "perubahan": "Perubahan (poin)",
    "sasaran_daerah": "Sasaran daerah", "titik_terlemah": "Titik terlemah",
    "pernyataan_titik": "Pernyataan titik terlemah", "opd_akar_masalah": "OPD pemilik akar masalah",
    "opd_inti": "OPD yang masalah intinya dicapai", "jumlah_opd_inti": "Jumlah OPD",
    "masalah_inti": "Masalah inti yang dicapai", "kondisi_pemda": "Sasaran daerah yang dicapai",
    "jumlah_kondisi_pemda": "Jumlah sasaran daerah", "kekurangan": "Kekurangan capaian (poin)",
    "kondisi_tertahan": "Kondisi yang ditahan", "opd_akibat": "OPD yang menanggung akibat",
    "crosscutting_ada": "Crosscutting yang sudah ada", "crosscutting_kurang": "Belum meminta dukungan",
    "acuan_nasional": "Acuan nasional", "acuan_provinsi": "Acuan provinsi",
    "jumlah_kondisi": "Jumlah kondisi", "jumlah_opd": "Jumlah OPD",
    "bagian": "Bagian", "jenis_perubahan": "Perubahan", "jawaban": "Jawaban (perkiraan)",
    "persen": "Unsur terpenuhi (%)", "unsur_terpenuhi": "Unsur terpenuhi", "tertahan": "Yang menahan",
    "naik_satu_tingkat": "Perbaiki ini untuk naik satu tingkat", "bukti_evaluator": "Bukti yang diminta",
    "opd_terendah": "OPD terendah", "uraian_kriteria": "Kriteria", "lama": "Sebelumnya", "baru": "Sekarang",
    "jabatan": "Jabatan", "komponen": "Komponen", "subkomponen": "Subkomponen", "catatan": "Catatan",
    "rekomendasi": "Rekomendasi", "file": "Berkas", "letak": "Letak", "ringkasan": "Ringkasan",
    "selesai": "Temuan selesai", "masih": "Masih terbuka",
    "jumlah_indikator": "Jumlah indikator", "daftar_indikator": "Indikator",
}

CODES = {"id", "id_pohon", "id_indikator", "id_masalah", "kode_opd", "kode_opd_mitra", "id_pohon_mitra",
         "induk", "kode", "ref", "asal_masalah", "jejak_masalah", "kriteria", "criterion"}
MEASURES = {"baseline", "target", "realisasi", "target_min", "target_maks", "pagu", "realisasi_anggaran",
            "nilai_efisiensi", "realisasi_sebelumnya"}
YEARS = {"tahun", "tahun_baseline", "periode_awal", "periode_akhir"}
FRACTIONS = {"cakupan", "bobot"}
PERCENTS = {"capaian", "capaian_sendiri", "capaian_cabang", "serapan", "efisiensi",
            "skor_smart", "skor_cream", "sisa_anggaran_target_tercapai", "kesenjangan",
            "kontribusi", "perubahan", "kekurangan", "persen"}
COUNTS = {"kondisi", "indikator", "indikator_berdata", "iku", "galat", "peringatan", "info",
          "permintaan_tertunda", "diminta_tertunda", "jumlah", "peringkat", "peringkat_usg", "diminta",
          "meminta",
          "usulan", "disetujui", "ditolak", "kedalaman", "usg_u", "usg_s", "usg_g", "total",
          "total_usg", "jumlah_penilai", "row", "jumlah_opd_inti",
          "jumlah_kondisi_pemda", "jumlah_kondisi", "jumlah_opd", "selesai", "masih", "jumlah_indikator"}
_YEARLY = re.compile(r"^(target|realisasi|capaian|predikat)_(\d{4})$")
_YEARLY_KINDS = {"target": "number", "realisasi": "number", "capaian": "percent", "predikat": "value"}


def label(column: str) -> str:
    """The header a reader sees for a column name (``target_2025`` -> "Target 2025")."""
    if column in LABELS:
        return LABELS[column]
    match = _YEARLY.match(column)
    return f"{match.group(1).capitalize()} {match.group(2)}" if match else column


def kind(column: str) -> str:
    """The kind of a column: code, year, fraction, percent, count, number or value."""
    for kinds, name in ((CODES, "code"), (YEARS, "year"), (FRACTIONS, "fraction"),
                        (PERCENTS, "percent"), (COUNTS, "count"), (MEASURES, "number")):
        if column in kinds:
            return name
    match = _YEARLY.match(column)
    return _YEARLY_KINDS[match.group(1)] if match else "value"
