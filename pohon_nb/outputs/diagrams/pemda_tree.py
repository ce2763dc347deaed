"""The Pemda's upper tree: its outcomes and the OPDs' intermediate outcomes under them.
"""

from __future__ import annotations

from ...method.achievement import AchievementConfig
from ...method.scales import DEFAULT_SCALE
from ...reading.model import Pemda
from .canvas import (
    Drawing,
)
from .performance_tree import (
    draw_tree,
)


def pemda_tree_figure(pemda: Pemda, *, year: int | None = None, scale: str = DEFAULT_SCALE,
                      config: AchievementConfig | None = None) -> Drawing:
    """The Pemda's upper tree: its outcomes and the OPDs' intermediate outcomes under them."""
    roots = [n for n in pemda.roots() if pemda.level(n) == "ultimate"] or pemda.roots()
    title = f"Pohon kinerja {pemda.info.get('nama_pemda', '')}: sasaran daerah dan OPD pengampu"
    return draw_tree(pemda, roots, levels=("ultimate", "intermediate"), indicators=False,
                     year=year, scale=scale, title=title, config=config)
