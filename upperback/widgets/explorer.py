"""An explorer: controls that drive one kept figure, shown as PNG bytes in a Picture beside them.

Updating the artists of one figure and swapping the image avoids both re-plotting (slow) and clearing an
output area (flicker). The pictures of recent settings are kept, so going back, and a Play button's loop
after its first round, draws nothing. The pictures where the hand is likely to go next (the next three steps
the same way, or one step either way from a slider just focused) are drawn once the move is answered and
sent ahead: the browser shows one the moment the slider gets there, without the way to the kernel and back.
Moving on, only the third step's picture is new each time. A model's ValueError becomes a message under the
figure, never a traceback.

On a phone the picture is drawn for the width it gets: the browser says when the picture is shown narrower
than style.NARROW_BELOW_PX (web/picture.js), and from then on every picture is drawn in the figure's narrow
layout (made on first need), kept and sent under its own key, so the two layouts never mix and a step
draws one picture, not two.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Protocol

import ipywidgets as widgets

from upperback.figures.rendering import Kept
from upperback.figures.style import NARROW_BELOW_PX
from upperback.widgets.controls import Picture, plain_words
from upperback.widgets.messages import problem_html, reported
from upperback.widgets.static_fallback import StaticFallback, png_img


class LiveFigure(Protocol):
    """What an explorer drives. ``update`` must be pure: what it draws and says depends on its arguments alone,
    never on the settings before, because pictures are drawn ahead of the hand and kept by their settings
    (tests/test_rendering.py checks that going back gives the same frame pixel for pixel)."""

    def update(self, **values) -> str: ...  # redraw for these control values; return a caption (HTML)

    def png(self) -> bytes: ...  # the picture as last updated

    def narrow(self) -> LiveFigure: ...  # the same picture laid out for a phone (a new figure)


class Explorer(StaticFallback, widgets.VBox):
    FRAME_BYTES_KEPT = 2 << 20  # our bound: 2 MiB of recent pictures (20-70 kB each), the newest kept
    PICTURES_KEPT_IN_BROWSER = 48  # our bound: pictures of other settings a view keeps (20-70 kB each), sent once
    PICTURES_IN_BROWSER = PICTURES_KEPT_IN_BROWSER - 8  # the settings counted on as held: a margin for any the
    # browser dropped first (it drops the oldest it was given, and the kernel's count can lag by a few)
    SMALL_PICKER = 8  # our bound: a single picker with this few positions has all its pictures drawn at the start
    # Steps drawn ahead of a moving hand: keys pressed faster than the way to the kernel and back (100 ms to a
    # distant server, keys 60 ms apart: benchmarks/slow_link.py) still find their pictures there.
    STEPS_AHEAD = 3

    def __init__(self, figure: LiveFigure, controls: Mapping[str, widgets.ValueWidget],
                 header: Sequence[widgets.Widget] = ()):
        self.figure = figure
        self.figures = {False: figure}  # by narrowness; the narrow one is made when a phone first asks
        self.shown = Kept(self.FRAME_BYTES_KEPT, size=lambda frame: len(frame[0]))  # (png, caption) by layout, settings
        self.in_browser = Kept(self.PICTURES_IN_BROWSER, size=lambda _: 1)  # browser settings already sent
        self.controls = dict(controls)
        # only the course's sliders say where the hand goes next and announce their positions in the browser
        self.draws_ahead = all(hasattr(control, "when_next_move_known") for control in self.controls.values())
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
        if self.draws_ahead:
            self.picture.group = self.model_id
            self.picture.kept_pictures = self.PICTURES_KEPT_IN_BROWSER
            self.picture.on_msg(self._picture_view_made)
            for slot, (name, control) in enumerate(self.controls.items()):
                control.ahead_group, control.ahead_slot = self.model_id, slot
                control.when_next_move_known(lambda _slider, directions, name=name: self.draw_ahead(name, directions))
            if hasattr(figure, "narrow"):  # the browser measures the picture (it needs the group to tell us)
                self.picture.narrow_below_px = NARROW_BELOW_PX
                self.picture.observe(self._narrowness_changed, names="narrow")
        self.refresh()
        self._draw_a_small_picker_ahead()

    def _draw_a_small_picker_ahead(self) -> None:
        """An explorer with one picker of a few positions (the upper back's five parts) draws them all now, so
        even a first visit to each shows at once; they are kept in ``shown`` like any other picture."""
        (name, control), *others = self.controls.items()
        positions = getattr(control, "_values", ())
        if others or not 0 < len(positions) <= self.SMALL_PICKER:
            return
        for value in positions:
            self.frame({name: value}, self.picture.narrow)  # update is pure: the figure left at the last changes nothing

    def values(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    def browser_settings(self, values: Mapping, narrow: bool = False) -> str:
        """The sliders' positions at these values as the browser writes them, after "narrow|" for the narrow
        layout: how it finds a kept picture (web/picture.js, ``key``)."""
        if not self.picture.group:
            return ""
        positions = "|".join(control.browser_position(values[name]) for name, control in self.controls.items())
        return "narrow|" + positions if narrow else positions

    def _figure(self, narrow: bool) -> LiveFigure:
        if narrow not in self.figures:
            self.figures[narrow] = self.figure.narrow()
        return self.figures[narrow]

    def frame(self, values: Mapping, narrow: bool = False) -> tuple[bytes, str]:
        """(PNG, caption) for these values in this layout: kept, or drawn and kept. A model's ValueError goes
        through."""
        settings = (narrow, *values.values())
        frame = self.shown.get(settings)
        if frame is None:
            figure = self._figure(narrow)
            caption = figure.update(**values)
            frame = (figure.png(), caption)
            self.shown.put(settings, frame)
        return frame

    def _narrowness_changed(self, _change) -> None:
        """The picture crossed NARROW_BELOW_PX in the browser: show this setting in the layout for that width."""
        self.refresh()
        self._draw_a_small_picker_ahead()

    @reported("message")
    def refresh(self, _change=None) -> None:
        values, narrow = self.values(), self.picture.narrow
        try:
            png, caption = self.frame(values, narrow)
        except ValueError as problem:
            self.message.value = problem_html(str(problem))
            return
        self.message.value = ""
        settings = self.browser_settings(values, narrow)
        self.picture.show(png, plain_words(caption), caption, settings)
        self.in_browser.put(settings, True)

    def _picture_view_made(self, _picture, content, _buffers) -> None:
        """A new view of the picture (the page reloaded, the output shown again) holds the shown picture only."""
        if isinstance(content, dict) and content.get("view_made"):
            self.in_browser.clear()
            self.in_browser.put(self.picture.settings, True)

    @reported("message")
    def draw_ahead(self, name: str, directions) -> None:
        """Send the browser the pictures along ``directions`` from here for slider ``name``: the next
        STEPS_AHEAD the way it moves, or one step either way (two directions: the slider was focused)."""
        if not self.draws_ahead:
            return
        depth = self.STEPS_AHEAD if len(directions) == 1 else 1
        narrow = self.picture.narrow
        for steps in (direction * step for direction in directions for step in range(1, depth + 1)):
            value = self.controls[name].neighbour(steps)
            if value is None:
                continue
            values = {**self.values(), name: value}
            settings = self.browser_settings(values, narrow)
            if self.in_browser.get(settings):
                continue
            try:
                png, caption = self.frame(values, narrow)
            except ValueError:  # impossible settings: if the learner goes there, refresh says why
                continue
            self.picture.send_ahead(png, plain_words(caption), caption, settings)
            self.in_browser.put(settings, True)

    def static_html(self) -> str:
        def shown(control) -> str:  # a selection slider shows its label, other sliders their value
            return str(getattr(control, "label", None) or control.value)

        settings = "; ".join(f"{escape(c.description)}: {escape(shown(c))}" for c in self.controls.values())
        # the picture described by its own caption: what it shows at the starting settings, with the numbers
        alt = escape(self.picture.alt, quote=True)
        return (f"<p><i>Starting settings ({settings}). Open the notebook to move the sliders.</i></p>"
                f"{png_img(self.picture.png, alt)}<p>{self.picture.caption}</p>")
