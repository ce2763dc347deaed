"""An exercise as a small form in JupyterLab: the learner answers without Python syntax.

Text boxes for wording and indicators, a number box that takes "95,5", a dropdown of levels
or options, a list to order with ▲/▼ for rankings, checkboxes for several OPDs; "Periksa" shows
the same :class:`~.feedback.Feedback` the answer cell gives (:meth:`Exercise.run`).
"""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import Markdown, display

from .exercises import HINTS, INDICATOR_FIELDS, PICK, Exercise
from .material import Material


class OrderList(widgets.VBox):
    """Items to put in order, each row with ▲ and ▼."""

    def __init__(self, items: list[str]):
        super().__init__()
        self.items = list(items)
        self._draw()

    def _draw(self) -> None:
        rows = []
        for i, item in enumerate(self.items):
            up = widgets.Button(description="▲", layout=widgets.Layout(width="36px"),
                                tooltip=f"naikkan {item}", disabled=i == 0)
            down = widgets.Button(description="▼", layout=widgets.Layout(width="36px"),
                                  tooltip=f"turunkan {item}", disabled=i == len(self.items) - 1)
            up.on_click(lambda _, i=i: self.move(i, -1))
            down.on_click(lambda _, i=i: self.move(i, +1))
            label = widgets.Label(f"{i + 1}. {item}")
            label.add_class("pohon-urutan-item")
            rows.append(widgets.HBox([up, down, label]))
        self.children = rows

    def move(self, index: int, step: int) -> None:
        other = index + step
        if 0 <= other < len(self.items):
            self.items[index], self.items[other] = self.items[other], self.items[index]
            self._draw()

    @property
    def value(self) -> list[str]:
        return list(self.items)


def _inputs(exercise: Exercise, material: Material):
    """The input widgets and a function reading the answer from them."""
    options = exercise.options(material) if exercise.options else []
    wide = widgets.Layout(width="640px")
    if exercise.form == "urutan":
        order = OrderList(options)
        return [order], lambda: order.value
    if exercise.form in ("level", "pilihan"):
        box = widgets.Dropdown(options=[PICK, *options], value=PICK, layout=wide)
        return [box], lambda: "" if box.value == PICK else box.value
    if exercise.form == "indikator":
        boxes = [widgets.Text(placeholder=p, description=d, layout=wide) for d, p in INDICATOR_FIELDS]
        return boxes, lambda: tuple(b.value for b in boxes)
    if exercise.form == "opd":
        box = widgets.Combobox(options=options, placeholder=HINTS["opd"],
                               ensure_option=False, layout=wide)
        return [box], lambda: box.value
    if exercise.form == "opd_banyak":
        ticks = [widgets.Checkbox(description=o, value=False, indent=False) for o in options]
        none = widgets.Checkbox(description="tidak ada", value=False, indent=False)
        return [*ticks, none], lambda: ("tidak ada" if none.value and not any(t.value for t in ticks)
                                        else [t.description for t in ticks if t.value])
    box = widgets.Text(placeholder=HINTS.get(exercise.form, HINTS["teks"]), layout=wide)
    return [box], lambda: box.value


class ExerciseForm(widgets.VBox):
    """One exercise's form; ``feedback`` holds the last verdict."""

    def __init__(self, exercise: Exercise, material: Material):
        super().__init__()
        self.exercise, self.material = exercise, material
        self.inputs, self.read = _inputs(exercise, material)
        self.button = widgets.Button(description="Periksa", button_style="primary", icon="check")
        self.button.on_click(lambda _: self.submit())
        self.output = widgets.Output()
        self.feedback = None
        self.add_class("pohon-latihan")
        self.children = [*self.inputs, self.button, self.output]

    def submit(self):
        self.feedback = self.exercise.run(self.read(), self.material)
        self.output.clear_output()
        with self.output:
            display(Markdown(self.feedback._repr_markdown_()))
        return self.feedback


def form(exercise: Exercise, material: Material) -> ExerciseForm:
    return ExerciseForm(exercise, material)
