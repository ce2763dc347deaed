"""Mermaid flowchart text of a tree, which JupyterLab's markdown and GitHub render.

Labels are escaped with Mermaid's entity codes, so a statement is shown as typed whatever
it holds (quotes, ``<b>``, ``#``, ``;``, backticks); node ids are generated, never taken
from the workbook.
"""

from __future__ import annotations

import textwrap

from ..method.problems import problem_tree
from ..reading import schema
from ..reading.model import Pemda
from .diagrams import LEVEL_COLORS

_ENTITIES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;",
             ";": "#59;", "|": "#124;", "\\": "#92;"}


def escape(text: str, width: int = 34) -> str:
    """A label: every character Mermaid would read as syntax replaced by its entity code,
    lines wrapped at ``width`` characters with ``<br/>``."""
    lines = textwrap.wrap(" ".join(str(text).split()), width) or [""]
    return "<br/>".join("".join(_ENTITIES.get(ch, ch) for ch in line) for line in lines)


def as_markdown(chart: str) -> str:
    """The chart in a fenced ``mermaid`` block, for a markdown cell or ``IPython.display.Markdown``."""
    return f"```mermaid\n{chart}\n```\n"


def mermaid_tree(pemda: Pemda, roots: list[str], levels: tuple[str, ...] | None = None) -> str:
    """A top-down flowchart of the subtrees under ``roots``, coloured by level."""
    lines = ["flowchart TD"]
    names: dict[str, str] = {}
    classes: dict[str, list[str]] = {}
    stack = list(reversed(roots))
    edges = []
    while stack:
        node_id = stack.pop()
        name = names.setdefault(node_id, f"n{len(names)}")
        node = pemda.node(node_id)
        level = node.get("level") or "output"
        label = escape(f"{node_id} · {schema.LEVEL_LABELS.get(level, level)}", 60)
        lines.append(f'    {name}["{label}<br/><b>{escape(node.get("pernyataan") or "")}</b>"]')
        classes.setdefault(level, []).append(name)
        kids = [c for c in pemda.children(node_id) if levels is None or pemda.level(c) in levels]
        for child in kids:
            edges.append((node_id, child))
        stack.extend(reversed(kids))
    for parent, child in edges:
        lines.append(f"    {names[parent]} --> {names[child]}")
    for level, members in classes.items():
        fill, border = LEVEL_COLORS.get(level, ("#FFFFFF", "#000000"))
        lines.append(f"    classDef {level} fill:{fill},stroke:{border},color:#000")
        lines.append(f"    class {','.join(members)} {level}")
    return "\n".join(lines)


def mermaid_problem_tree(pemda: Pemda, kode_opd: str) -> str:
    """A bottom-up flowchart of the OPD's problem tree: arrows run cause -> effect."""
    table = problem_tree(pemda, kode_opd)
    table = table[table["peran"] != "lepas"]
    names = {pid: f"p{i}" for i, pid in enumerate(table["id"])}
    lines = ["flowchart BT"]
    for _, row in table.iterrows():
        role = {"inti": "MASALAH INTI", "akibat": "akibat", "penyebab": "penyebab",
                "akar": "AKAR MASALAH"}[row["peran"]]
        lines.append(f'    {names[row["id"]]}["{escape(row["id"] + " · " + role, 60)}<br/>'
                     f'{escape(row["pernyataan"] or "")}"]')
    for cause, effect in pemda.problems.subgraph(list(names)).edges:
        lines.append(f"    {names[cause]} --> {names[effect]}")
    styles = {"inti": "fill:#FFCDD2,stroke:#B71C1C,stroke-width:3px",
              "akar": "fill:#FFE0B2,stroke:#B71C1C,stroke-width:3px",
              "penyebab": "fill:#FFF3E0,stroke:#5D4037", "akibat": "fill:#F5F5F5,stroke:#5D4037"}
    for role, style in styles.items():
        members = [names[p] for p, r in zip(table["id"], table["peran"]) if r == role]
        if members:
            lines.append(f"    classDef {role} {style},color:#000")
            lines.append(f"    class {','.join(members)} {role}")
    return "\n".join(lines)
