"""The batch's follow-up workbook: ``tindak_lanjut_usulan.xlsx`` in the Pemda's output folder,
the actions proposed for every OPD run and the agreed ones as this version leaves them
(:mod:`pohon_nb.method.follow_up`). The user's workbook is never written."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.paths import pemda_folder
from ..method.achievement import AchievementConfig
from ..method.checked import Checked
from ..method.follow_up import COLUMNS, propose, review
from ..method.lke import estimate
from ..outputs.exports import export_follow_up

FOLLOW_UP = "tindak_lanjut_usulan.xlsx"


def write_follow_up(checked: Checked, out: Path, year: int, config: AchievementConfig | None,
                    codes: list[str]) -> Path:
    """Write the follow-up workbook for the OPDs in ``codes``; return its path."""
    estimates = estimate(checked, year, config)
    proposed = [propose(checked, code, year, config, estimates.get(code, [])) for code in codes]
    frame = pd.concat(proposed, ignore_index=True) if proposed else pd.DataFrame(columns=COLUMNS)
    reviewed = review(checked)
    path = pemda_folder(out, checked.pemda.info.get("kode_pemda")) / FOLLOW_UP
    return export_follow_up(checked.pemda, frame, reviewed, path)
