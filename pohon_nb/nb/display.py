"""Showing results in a notebook: tables with Indonesian headers and numbers, figures as images.

Everything here turns a result into something IPython can display, the same way in a
live notebook, in a widget's output area and in an HTML export.
"""

from __future__ import annotations

import hashlib
import io
import re

import pandas as pd

from ..core import formats

# Column names used by the package -> the header a reader sees.
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
    "permintaan_tertunda": "Crosscutting tertunda", "mitra_terdaftar": "Mitra terdaftar",
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
}


def label(column: str) -> str:
    """The header a reader sees for a column name (``target_2025`` -> "Target 2025")."""
    if column in LABELS:
        return LABELS[column]
    match = re.match(r"^(target|realisasi|capaian|predikat)_(\d{4})$", column)
    return f"{match.group(1).capitalize()} {match.group(2)}" if match else column


def table(frame: pd.DataFrame, columns: list[str] | None = None, *,
          max_rows: int | None = None):
    """A DataFrame as a reader sees it: chosen columns, Indonesian headers, numbers as
    :mod:`pohon_nb.core.formats` writes them ("93,65", "2024", "80%", "1.234").

    Returns a :class:`Table` (HTML in notebooks, text in a terminal). Booleans show as
    ya/tidak, missing values as blank.
    """
    frame = frame if columns is None else frame[columns]
    if max_rows is not None:
        frame = frame.head(max_rows)
    frame = frame.copy()
    for column in frame.columns:
        values = frame[column].dropna()
        if len(values) and (frame[column].dtype == bool or _is_flags(values)):
            frame[column] = frame[column].map({True: "ya", False: "tidak"})
    kinds = {label(c): c for c in frame.columns}
    frame = frame.rename(columns=label)
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
               and not pd.api.types.is_bool_dtype(frame[c])]
    text = [c for c in frame.columns if c not in numeric]

    def formatter(column: str):
        return lambda value: cell_text(column, value)

    # Workbook text is shown as typed: escaped for HTML, never interpreted.
    styler = frame.style.format(na_rep="", escape="html")
    for shown, column in kinds.items():
        styler = styler.format(formatter(column), subset=[shown], na_rep="", escape="html")
    shown_text = frame.assign(**{shown: [formatter(column)(v) if not _missing(v) else ""
                                         for v in frame[shown]] for shown, column in kinds.items()})
    # A stable id (not pandas' random one), so the same table renders the same bytes.
    styler = styler.set_uuid(hashlib.sha1(frame.to_json().encode()).hexdigest()[:10])
    styler = styler.set_properties(subset=text, **{"text-align": "left"})
    styler = styler.set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
    return Table(styler.hide(axis="index"), frame, shown_text, names=kinds)


class Table:
    """A formatted table: HTML for notebooks and reports, plain text elsewhere.

    Its text form is the table itself (not an object address), so an executed notebook's
    outputs are the same from run to run.
    """

    def __init__(self, styler, frame: pd.DataFrame, text: pd.DataFrame | None = None,
                 names: dict[str, str] | None = None):
        self.styler, self.data = styler, frame
        self.text = frame if text is None else text  # as shown: numbers formatted
        self.names = names or {c: c for c in frame.columns}  # header -> the package's column name

    def _repr_html_(self) -> str:
        return self.styler.to_html()

    def __repr__(self) -> str:
        return self.text.to_string(index=False)


def cell_text(column: str, value) -> str:
    """One value of ``column`` as a reader sees it: numbers by :mod:`pohon_nb.core.formats`,
    missing as ""."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return formats.number(column, value)
    return "" if value is None else str(value)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _is_flags(values: pd.Series) -> bool:
    try:
        return all(isinstance(v, (bool,)) or type(v).__name__ == "bool_" for v in values)
    except TypeError:
        return False


def image(figure, dpi: int = 100):
    """A matplotlib Figure as a PNG image for display (no pyplot backend needed)."""
    from IPython.display import Image

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return Image(data=buffer.getvalue(), format="png")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|$~])")


def md(text) -> str:
    """Text from a workbook made safe to put inside Markdown: HTML escaped, and Markdown and
    math characters (``*``, ``_``, ``$``, ...) shown as typed."""
    import html

    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


_MD_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+!|$~])")


def plain(text: str) -> str:
    """A view's Markdown sentence as plain text (for a spreadsheet cell): emphasis and code marks
    dropped, escapes undone."""
    import html

    text = re.sub(r"(?<!\\)(\*\*|\*|`)", "", text)
    return html.unescape(_MD_ESCAPED.sub(r"\1", text)).strip()


def markdown(text: str):
    from IPython.display import Markdown

    return Markdown(text)


class Deferred:
    """A part of a section drawn only when shown: a tree branch a reader may never open.

    Static output (reports, papermill) shows it at once; the interactive panel puts it
    behind its title and draws it when the analyst opens it.
    """

    def __init__(self, title: str, make):
        self.title, self._make, self._value = title, make, None

    def resolve(self):
        if self._value is None:
            self._value = self._make()
        return self._value


class Section(list):
    """What a view shows, in order, with its parts also reachable by name.

    ``views.apkl(ctx).table`` is the APKL table whatever precedes it; a part the section
    does not have is None (a section with nothing to show holds only its ``text``).
    """

    def __init__(self, **parts):
        super().__init__(item for value in parts.values() if value is not None
                         for item in (value if isinstance(value, list) else [value]))
        self.parts = parts

    def __getattr__(self, name: str):
        if name == "parts":
            raise AttributeError(name)
        return self.parts.get(name)

    def only(self, *names: str) -> list:
        """The named parts, in the order given, leaving out those the section lacks."""
        return [self.parts[n] for n in names if self.parts.get(n) is not None]


def displayable(item):
    """Whatever a view returns, made displayable: figures become images, str markdown."""
    from matplotlib.figure import Figure

    from ..outputs.diagrams import Drawing

    if isinstance(item, Deferred):
        return displayable(item.resolve())
    if isinstance(item, Drawing):
        return image(item.figure)
    if isinstance(item, Figure):
        return image(item)
    if isinstance(item, str):
        return markdown(item)
    if isinstance(item, pd.DataFrame):
        return table(item)
    return item


def show(*items) -> None:
    """Display each item (or each item of a list) as :func:`displayable` makes it."""
    from IPython.display import display

    for item in items:
        for one in item if isinstance(item, (list, tuple)) else [item]:
            display(displayable(one))
