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
from ..core.columns import LABELS, label  # noqa: F401 - read as display.label and display.LABELS too
from ..reading.schema import LEVEL_LABELS


def table(frame: pd.DataFrame, columns: list[str] | None = None, *,
          max_rows: int | None = None, optional: tuple[str, ...] = ()):
    """A DataFrame as a reader sees it: chosen columns, Indonesian headers, numbers as
    :mod:`pohon_nb.core.formats` writes them ("93,65", "2024", "80%", "1.234").

    Returns a :class:`Table` (HTML in notebooks, text in a terminal). Booleans show as
    ya/tidak, levels by their names ("Immediate outcome"), missing values as blank; an
    ``optional`` column blank on every row is left out.
    """
    frame = frame if columns is None else frame[columns]
    # An optional column blank on every row says nothing: it is left out (the page stays narrow
    # and its rows short). A column the reader always looks for is never optional.
    blank = [c for c in optional if c in frame.columns
             and frame[c].map(lambda v: _missing(v) or (isinstance(v, str) and not v.strip())).all()]
    frame = frame.drop(columns=blank)
    if max_rows is not None:
        frame = frame.head(max_rows)
    frame = frame.copy()
    for column in frame.columns:
        values = frame[column].dropna()
        if len(values) and (frame[column].dtype == bool or _is_flags(values)):
            frame[column] = frame[column].map({True: "ya", False: "tidak"})
    for column in ("level", "usulan_level"):  # levels as people say them: "Intermediate outcome"
        if column in frame.columns:
            frame[column] = frame[column].map(lambda v: LEVEL_LABELS.get(v, v) if isinstance(v, str) else v)
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


def code(text) -> str:
    """Text from a workbook (a file's name, a code) as a Markdown code span: shown as typed, no
    escape inside it (a backslash there would print), fenced by more backticks than it holds."""
    text = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


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


class Folded:
    """A long table behind a one-line summary the reader opens (``<details>``): for a table that
    repeats what a figure above already shows, or rows the room does not work on. The summary
    says what is folded; "klik untuk membuka" is added here. Its text form is the summary, then
    the table."""

    OPEN = ": klik untuk membuka"

    def __init__(self, summary: str, item):
        self.summary, self.item = summary + self.OPEN, item

    def __getattr__(self, name: str):
        if name in ("summary", "item"):
            raise AttributeError(name)
        return getattr(self.item, name)  # a folded Table is still read as one (``.data``)

    def __repr__(self) -> str:
        return f"{self.summary}\n{self.item!r}"

    def _repr_html_(self) -> str:
        import html

        return (f'<details class="pohon-lipat"><summary>{html.escape(self.summary)}</summary>'
                f"{self.item._repr_html_()}</details>")


class Line:
    """One line of text shown as a paragraph (Markdown) in notebooks and reports, its plain text
    the same words (what a terminal prints and what nbval compares)."""

    def __init__(self, text: str, strong: str = "", emphasis: bool = False):
        self.text, self.strong, self.emphasis = text, strong, emphasis

    def __repr__(self) -> str:
        return self.text

    def _repr_markdown_(self) -> str:
        if self.strong and self.text.startswith(self.strong):
            body = f"**{md(self.strong)}**{md(self.text[len(self.strong):])}"
        else:
            body = md(self.text)
        return f"*{body}*" if self.emphasis else body


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
