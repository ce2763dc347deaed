"""Property: whatever is done to the sample, validation never raises and locates what it reports."""

from __future__ import annotations

import copy
import csv

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pohon_nb.core.findings import RULES, SEVERITIES
from pohon_nb.core.paths import SAMPLE
from pohon_nb.method.checks import run_checks, validate
from pohon_nb.reading import schema
from pohon_nb.reading.model import link
from pohon_nb.reading.workbook import parse, read_raw

RAW, _ = read_raw(SAMPLE)
SHEETS = [s.name for s in schema.SHEETS if s.name in RAW]
HOSTILE = ["<script>alert(1)</script>", "../../etc/passwd", "$x_1$ {b} 100%", "abc", "", "-1",
           "ya", "n/a", "1e308", "9" * 40, "‮kanan ke kiri", "DINKES.1", "2025.0", "10-5"]

operation = st.tuples(
    st.sampled_from(["drop_column", "blank", "text", "duplicate", "shuffle_ids", "reparent",
                     "drop_sheet", "truncate"]),
    st.integers(0, 10_000), st.integers(0, 10_000), st.integers(0, 10_000),
)


def corrupt(raw, operations):
    raw = copy.deepcopy(raw)
    for op, a, b, c in operations:
        names = [n for n in SHEETS if n in raw]
        if not names:
            break
        sheet = raw[names[a % len(names)]]
        width = max(len(sheet.headers), 1)
        rows = sheet.rows
        if op == "drop_column" and sheet.headers:
            index = b % len(sheet.headers)
            sheet.headers.pop(index)
            for _, values in rows:
                if index < len(values):
                    values.pop(index)
        elif op == "drop_sheet":
            raw.pop(sheet.name)
        elif not rows:
            continue
        elif op == "blank":
            values = rows[b % len(rows)][1]
            if values:
                values[c % len(values)] = None
        elif op == "text":
            values = rows[b % len(rows)][1]
            if values:
                values[c % len(values)] = HOSTILE[(a + b) % len(HOSTILE)]
        elif op == "duplicate":
            number, values = rows[b % len(rows)]
            rows.append((rows[-1][0] + 1, list(values)))
        elif op == "shuffle_ids":
            column = b % width
            column_values = [v[column] if column < len(v) else None for _, v in rows]
            shift = c % len(rows)
            column_values = column_values[shift:] + column_values[:shift]
            for (_, values), value in zip(rows, column_values):
                if column < len(values):
                    values[column] = value
        elif op == "reparent" and "pohon" in raw:
            pohon = raw["pohon"]
            if pohon.rows and "induk" in pohon.headers:
                i = pohon.headers.index("induk")
                victim = pohon.rows[b % len(pohon.rows)][1]
                target = pohon.rows[c % len(pohon.rows)][1]
                if i < len(victim) and target:
                    victim[i] = target[0]
        elif op == "truncate":
            del rows[b % len(rows):]
    return raw


def assert_located(findings, raw):
    for finding in findings:
        assert finding.code in RULES and finding.severity in SEVERITIES
        assert finding.message and finding.file
        if finding.code == "S01":
            continue
        assert finding.sheet in {s.name for s in schema.SHEETS}, finding
        sheet = raw.get(finding.sheet)
        if finding.row is not None:
            assert sheet is not None
            last = max([n for n, _ in sheet.rows] + [1])
            assert 1 <= finding.row <= last, finding
        if finding.column_letter:
            assert finding.column and finding.row is not None
        if finding.code not in ("S02", "S13"):
            assert finding.row is not None, finding


@pytest.mark.lambat
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, min_size=1, max_size=6))
def test_corrupted_sample_never_raises_and_every_finding_is_located(operations):
    raw = corrupt(RAW, operations)
    tables, findings = parse(raw, str(SAMPLE))
    pemda = link(tables, str(SAMPLE), findings)
    everything = pemda.findings + run_checks(pemda)
    assert_located(everything, raw)


@pytest.mark.lambat
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(operation, min_size=1, max_size=4))
def test_corrupted_csv_folder_through_the_file_reader(tmp_path_factory, operations):
    raw = corrupt(RAW, operations)
    folder = tmp_path_factory.mktemp("csv")
    for name, sheet in raw.items():
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["" if h is None else h for h in sheet.headers])
            for _, values in sheet.rows:
                writer.writerow(["" if v is None else v for v in values])
    _, findings = validate(folder)
    reread, _ = read_raw(folder)
    assert_located(findings, reread)
