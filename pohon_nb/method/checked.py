"""One checked model: a loaded Pemda with every finding of its rules, indexed.

Every judgment a user sees (a line of ``validate``, an LKE element held back, a mark beside a
headline figure, an IKU recommendation, a sentence of advice, a line of the brief, a training
verdict) reads the findings of one :class:`Checked`. :func:`check` makes it once per model and
configuration and remembers it on the model, so a notebook, the batch and the CLI never run the
rules twice or each their own part of them.

What a finding "sits on" is defined here once (:meth:`Checked.on_condition`,
:meth:`Checked.on_indicator`, :meth:`Checked.on_request`): a condition carries the findings on
its own row, on its indicators' rows and on its crosscutting requests, and those on its OPD's row
in the ``opd`` sheet (an OPD-wide rule holds back each of its conditions).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from ..core.findings import RULES, Finding
from ..reading.model import Pemda, load
from .blocking import Blocking, classify
from .checks import CHECKS, YEAR_RULES, CheckConfig, run_checks


@dataclass(eq=False)
class Checked:
    """A Pemda with the findings of loading and of every method rule, most severe first.

    Attributes
    ----------
    pemda : the loaded model.
    findings : structure findings of loading plus the method findings, sorted.
    config : the check configuration used (limits and the assessed year).
    year : the assessed year the year-dependent rules read (None: the workbook has no years).
    """

    pemda: Pemda
    findings: list[Finding]
    config: CheckConfig
    year: int | None
    _index: dict = field(default_factory=dict, repr=False)

    # -- indexes
    def _group(self, name: str, key) -> dict:
        if name not in self._index:
            groups: dict = defaultdict(list)
            for finding in self.findings:
                for k in key(finding):
                    groups[k].append(finding)
            self._index[name] = dict(groups)
        return self._index[name]

    def by_rule(self, code: str) -> list[Finding]:
        return self._group("rule", lambda f: [f.code]).get(code, [])

    def by_criterion(self, criterion: str) -> list[Finding]:
        return self._group("criterion", lambda f: [f.criterion] if f.criterion else []).get(criterion, [])

    def of_opd(self, kode_opd: str) -> list[Finding]:
        """The findings of one OPD's rows ("" for Pemda-wide ones)."""
        return self._group("opd", lambda f: [f.kode_opd]).get(kode_opd, [])

    def at_row(self, sheet: str, row: int | None) -> list[Finding]:
        return self._group("row", lambda f: [(f.sheet, f.row)]).get((sheet, row), [])

    def on_indicator(self, indicator_id: str) -> list[Finding]:
        """Findings on one indicator's row (sheet ``indikator``)."""
        return self._group("indikator", lambda f: [f.ref] if f.sheet == "indikator" else []).get(
            indicator_id, [])

    def on_request(self, row: int | None) -> list[Finding]:
        """Findings on one crosscutting request (its row of sheet ``lintas_opd``)."""
        return self.at_row("lintas_opd", row)

    def on_opd_row(self, kode_opd: str) -> list[Finding]:
        """Findings on the OPD's own row of sheet ``opd`` (rules about the OPD as a whole)."""
        return self._group("opd_row", lambda f: [f.ref] if f.sheet == "opd" else []).get(kode_opd, [])

    def on_condition(self, node_id: str) -> list[Finding]:
        """Findings on a condition: its row, its indicators, its requests and its OPD's row."""
        found = list(self._group("pohon", lambda f: [f.ref] if f.sheet == "pohon" else []).get(node_id, []))
        for row in self.pemda.indicators_of(node_id):
            found += self.on_indicator(row.get("id") or "")
        found += self._group("lintas", lambda f: [f.ref] if f.sheet == "lintas_opd" else []).get(node_id, [])
        if node_id in self.pemda.tree:
            owner = self.pemda.node(node_id).get("kode_opd")
            if owner:
                found += self.on_opd_row(owner)
        return found

    # -- judgments read from the findings
    @cached_property
    def blocking(self) -> Blocking:
        """The errors sorted by what they stop (the workbook, the overview, one OPD)."""
        return classify(self.pemda, self.findings)

    def flagged_indicators(self, code: str) -> set[str]:
        """Ids of the indicators a rule flags (e.g. M07: targets not challenging)."""
        return self.memo(("flagged", code), lambda: {f.ref for f in self.by_rule(code)
                                                     if f.sheet == "indikator" and f.ref})

    def memo(self, key: tuple, compute):
        """A judgment computed from these findings, remembered with them."""
        if key not in self._index:
            self._index[key] = compute()
        return self._index[key]


def check(pemda: Pemda, config: CheckConfig | None = None) -> Checked:
    """The checked model of ``pemda`` under ``config`` (remembered on the model).

    ``config.tahun`` is the assessed year of the year-dependent rules; None means the year a run
    assesses by default (:meth:`Pemda.default_year`).
    """
    config = config or CheckConfig()
    if config.tahun is None:
        config = replace(config, tahun=pemda.default_year())

    def every_year() -> list[Finding]:  # the same for every assessed year: run once
        return run_checks(pemda, config, [c for c in CHECKS if c not in YEAR_RULES])

    def compute() -> Checked:
        findings = [*pemda.findings, *pemda.memo(("checks", replace(config, tahun=None)), every_year),
                    *run_checks(pemda, config, sorted(YEAR_RULES))]
        return Checked(pemda, sorted(findings, key=lambda f: f.sort_key()), config, config.tahun)

    return pemda.memo(("checked", config), compute)


def load_checked(path: str | Path | None = None, config: CheckConfig | None = None) -> Checked:
    """Load a workbook (default: the bundled sample) and check it: the one entry point."""
    return check(load(path), config)


def rules_of_criterion(criterion: str) -> list[str]:
    """The rule codes the catalogue tags with an LKE criterion that can sit on a model's element
    (structure and method rules; the import's R-rules are notes on a Renstra table)."""
    return [code for code, rule in RULES.items() if rule.criterion == criterion and code[0] in "SM"]
