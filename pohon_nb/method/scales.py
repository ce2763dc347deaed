"""Predicate scales: the named bands that turn an achievement percent into a word.

Scales are data: the package ships three (:data:`SCALES`, read-only). A region's own scale is
a :class:`Scale` passed wherever a scale name is accepted (``skala=Scale(...)`` in a notebook's
session, ``scale=`` in the method's functions): nothing global changes, so one notebook's scale
never leaks into the next run on the same kernel. This module imports nothing heavy, so the
command line reads the names for its help.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Scale:
    """A predicate scale: bands as (lower bound in percent, label), highest first.

    A value gets the label of the first band whose lower bound it reaches; below every
    bound it gets ``lowest``.
    """

    name: str
    bands: tuple[tuple[float, str], ...]
    lowest: str
    source: str = ""
    label: str = ""

    @property
    def title(self) -> str:
        """The scale as a reader names it (its label), else its code name."""
        return self.label or self.name

    def predicate(self, value: float | None) -> str | None:
        try:
            if value is None or math.isnan(value):
                return None
        except TypeError:  # pandas' NA
            return None
        for bound, label in self.bands:
            if value >= bound:
                return label
        return self.lowest

    def labels(self) -> list[str]:
        """Labels from best to worst."""
        return [label for _, label in self.bands] + [self.lowest]

    def as_frame(self):
        """The scale as a table (a DataFrame): predikat, batas_bawah (percent, None for the lowest)."""
        import pandas as pd

        rows = [{"predikat": label, "batas_bawah": bound} for bound, label in self.bands]
        rows.append({"predikat": self.lowest, "batas_bawah": None})
        return pd.DataFrame(rows)


_BUILT_IN: dict[str, Scale] = {
    "lima_tingkat": Scale(
        "lima_tingkat",
        ((91, "Sangat Baik"), (76, "Baik"), (66, "Cukup"), (51, "Kurang")),
        "Sangat Kurang",
        "LKjIP Inspektorat Kab. Sampang 2019: 91-100 Sangat Baik, 76-90 Baik, 66-75 Cukup, "
        "51-65 Kurang, <=50 Sangat Kurang (batas yang sama diyakini dari Permendagri 86/2017).",
        "lima tingkat (Sangat Baik sampai Sangat Kurang)",
    ),
    "lima_tingkat_permendagri": Scale(
        "lima_tingkat_permendagri",
        ((91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah")),
        "Sangat Rendah",
        "Batas lima tingkat dengan sebutan Sangat Tinggi ... Sangat Rendah (diyakini Permendagri "
        "86/2017; belum dicocokkan dengan lampirannya).",
        "lima tingkat Permendagri (Sangat Tinggi sampai Sangat Rendah)",
    ),
    "enam_tingkat": Scale(
        "enam_tingkat",
        ((100.01, "Melampaui Target"), (91, "Sangat Baik"), (76, "Baik"), (66, "Cukup"),
         (51, "Kurang")),
        "Sangat Kurang",
        "Enam tingkat seperti praktik LKjIP (mis. Kab. Maluku Tengah 2021) yang memisahkan "
        "capaian di atas target; batasnya belum dicocokkan dengan naskah resmi, sesuaikan bila "
        "daerah Anda memakai batas lain.",
        "enam tingkat (Melampaui Target sampai Sangat Kurang)",
    ),
}
SCALES = MappingProxyType(_BUILT_IN)
"""The named predicate scales the package ships (read-only); a region's own is a :class:`Scale`."""
BUILT_IN_SCALES = tuple(SCALES)
"""The names of the scales the package ships."""
DEFAULT_SCALE = BUILT_IN_SCALES[0]


def get_scale(scale: str | Scale) -> Scale:
    """A scale by name (of :data:`SCALES`), or the scale itself. Raises KeyError listing the
    known names."""
    if isinstance(scale, Scale):
        return scale
    try:
        return SCALES[scale]
    except KeyError:
        raise KeyError(f"Skala {scale!r} tidak dikenal; pilihan: {', '.join(SCALES)}") from None
