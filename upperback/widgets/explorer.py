"""An explorer: controls that drive one kept figure, shown as PNG bytes in a Picture beside them.

Updating the artists of one figure and swapping the image avoids both re-plotting (slow) and clearing an
output area (flicker). The pictures of recent settings are kept, so going back, and a Play button's loop
after its first round, draws nothing. A model's ValueError becomes a message under the figure, never a
traceback.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Protocol

import ipywidgets as widgets

from upperback.figures.rendering import Kept
from upperback.widgets.controls import Picture, plain_words
from upperback.widgets.messages import problem_html, reported
from upperback.widgets.static_fallback import StaticFallback, png_img


class LiveFigure(Protocol):
    def update(self, **values) -> str: ...  # redraw for these control values; return a caption (HTML)

    def png(self) -> bytes: ...


class Explorer(StaticFallback, widgets.VBox):
    FRAME_BYTES_KEPT = 2 << 20  # our bound: 2 MiB of recent pictures (20-70 kB each), the newest kept

    def __init__(self, figure: LiveFigure, controls: Mapping[str, widgets.ValueWidget],
                 header: Sequence[widgets.Widget] = ()):
        self.figure = figure
        self.shown = Kept(self.FRAME_BYTES_KEPT, size=lambda frame: len(frame[0]))  # (png, caption) by settings
        self.controls = dict(controls)
        self.picture = Picture()
        self.message = widgets.HTML()
        controls_box = widgets.VBox([*header, *self.controls.values(), self.message])
        controls_box.add_class("upperback-explorer-controls")
        view = widgets.Box([self.picture])
        view.add_class("upperback-explorer-view")
        body = widgets.Box([controls_box, view])  # side by side when there is room (see web/course.css)
        body.add_class("upperback-explorer-body")
        super().__init__([body])
        self.add_class("upperback-explorer")
        for control in self.controls.values():
            control.observe(self.refresh, names="value")
        self.refresh()

    def values(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    @reported("message")
    def refresh(self, _change=None) -> None:
        values = self.values()
        settings = tuple(values.values())
        frame = self.shown.get(settings)
        if frame is None:
            try:
                caption = self.figure.update(**values)
            except ValueError as problem:
                self.message.value = problem_html(str(problem))
                return
            frame = (self.figure.png(), caption)
            self.shown.put(settings, frame)
        self.message.value = ""
        self.picture.show(frame[0], plain_words(frame[1]), frame[1])

    def static_html(self) -> str:
        def shown(control) -> str:  # a selection slider shows its label, other sliders their value
            return str(getattr(control, "label", None) or control.value)

        settings = "; ".join(f"{escape(c.description)}: {escape(shown(c))}" for c in self.controls.values())
        # the picture described by its own caption: what it shows at the starting settings, with the numbers
        alt = escape(self.picture.alt, quote=True)
        return (f"<p><i>Starting settings ({settings}). Open the notebook to move the sliders.</i></p>"
                f"{png_img(self.picture.png, alt)}<p>{self.picture.caption}</p>")
