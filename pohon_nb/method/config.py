"""The settings where regions differ, each declared once with its default.

:class:`AchievementConfig` (how achievement is computed) and :class:`CheckConfig` (the limits of
the method checks). The command line (its defaults and its help), the notebooks' ``Session``
and the batch read their defaults from these classes; the notebooks' parameter cells repeat
them as literals a user edits, and a test keeps those equal to these. This module imports
nothing heavy, so ``pohon-nb --help`` reads it at once.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

DEFAULT_CAP = 120.0
"""Kemenkeu's cap on achievement (percent); regions may choose 100, 110 or none."""


@dataclass(frozen=True)
class AchievementConfig:
    """How achievement is computed where regions differ.

    Parameters
    ----------
    minimise : "2t-r" (default) or "t/r".
    cap : upper limit in percent; :data:`DEFAULT_CAP` by default, as Kemenkeu's performance
        evaluation caps achievement with a floor of 0 (``docs/metode.md``, "Capaian"). None for
        no cap; 100 and 110 are also common in regional practice.
    floor : lower limit in percent (None for none; Kemenkeu uses 0).
    """

    minimise: str = "2t-r"
    cap: float | None = DEFAULT_CAP
    floor: float | None = 0.0

    def __post_init__(self) -> None:
        if self.minimise not in ("2t-r", "t/r"):
            raise ValueError(f"minimise must be '2t-r' or 't/r', not {self.minimise!r}")


def config_from_cap(batas_atas: float | None = None, minimise: str = "2t-r") -> AchievementConfig:
    """The config for a notebook or command-line ``batas_atas``: None is the default cap
    (:data:`DEFAULT_CAP`), 0 means no cap."""
    cap = DEFAULT_CAP if batas_atas is None else (float(batas_atas) or None)
    return AchievementConfig(minimise=minimise, cap=cap)


@dataclass(frozen=True)
class CheckConfig:
    """Limits of the method checks that differ between regions.

    Parameters
    ----------
    max_iku_per_sasaran : most IKU on one condition (sasaran) before a warning.
    max_iku_per_opd : most IKU of one OPD before a warning.
    single_chain_length : how many single-child links in a row make a warning.
    tahun : the assessed year of the rules in :data:`pohon_nb.method.checks.YEAR_RULES` (None:
        the workbook's default year, :meth:`~pohon_nb.reading.model.Pemda.default_year`).
    """

    max_iku_per_sasaran: int = 3
    max_iku_per_opd: int = 20
    single_chain_length: int = 3
    tahun: int | None = None


def default(config: type, name: str):
    """The default of field ``name`` of a settings class (what a command's help says)."""
    return next(f.default for f in fields(config) if f.name == name)
