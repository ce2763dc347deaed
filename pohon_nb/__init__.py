"""pohon-nb: Jupyter workbooks for the Pohon Kinerja method of SAKIP.

The package reads a Pemda's workbook into a model (:func:`load`), checks it
(:func:`validate`) and gives the notebooks their computations.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["CheckConfig", "Finding", "Pemda", "load", "validate", "__version__"]


def __getattr__(name: str):
    # Lazy, so that `pohon-nb --help` does not pay for pandas and networkx.
    if name in ("load", "Pemda"):
        from .reading import model

        return getattr(model, name)
    if name in ("validate", "CheckConfig"):
        from .method import checks

        return getattr(checks, name)
    if name == "Finding":
        from .core.findings import Finding

        return Finding
    raise AttributeError(name)
