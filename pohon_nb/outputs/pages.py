"""The HTML pages pohon-nb writes itself (nbconvert writes the notebooks' reports): the batch's
``index.html`` and the comparison pages ``perubahan.html``.

Each page is a Jinja2 template in ``outputs/html/`` extending ``base.html.j2``, which inlines the
one stylesheet ``style.css`` (a page stays readable when copied alone, opened from a USB stick or
mailed). Autoescaping is on: text from a workbook is data on every page, never markup. Code
builds plain values (text, numbers, relative links); the templates only lay them out.
"""

from __future__ import annotations

import functools
import urllib.parse
from pathlib import Path

HTML = Path(__file__).parent / "html"


@functools.cache
def environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HTML), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters["url"] = lambda path: urllib.parse.quote(str(path))
    return env


def render(template: str, **values) -> str:
    """The page ``template`` with ``values`` (every name the template reads must be given)."""
    return environment().get_template(template).render(**values)
