"""The course's own controls, built for every learner: a slider, a picker slider, a question's radio group
and a picture with words. Each is a native HTML control (anywidget), so it has a visible label and an
accessible name, says its value in words with units, keeps its keys away from the notebook's shortcuts and
the slides, and shows a focus ring (styles in web/course.css, one place for all of them).

ipywidgets 8's own sliders and radio buttons have no accessible name, read out raw numbers, and let the
arrow keys move the notebook's cell selection: that is why these exist.
"""

from __future__ import annotations

import copy
import re
from html import unescape
from pathlib import Path

import anywidget
import traitlets

from upperback.figures.style import NARROW_BELOW_PX, projector_mode

WEB = Path(__file__).parent / "web"
STYLES = WEB / "course.css"
UNIT_IN_LABEL = re.compile(r"\(([^()]+)\)\s*$")  # "Elbow bend (°)" -> "°": the label already names the unit


class _LatestMoveWins(traitlets.HasTraits):
    """A slider the browser moves: once a move has been handled (every observer has drawn its picture), the
    browser is told, and it keeps at most one move on its way, sending only the latest of those made meanwhile.
    So keys pressed faster than pictures are drawn never queue stale pictures (web/slider.js).

    It also says where the hand is likely to go next, so a picture can be drawn before it is asked for: after
    a move, further the same way; when the slider gets the keyboard's focus, one step either way.
    The browser announces each position to the picture of its ``ahead_group`` (web/picture.js), which shows
    a picture it already holds at once, without waiting for the kernel."""

    ahead_group = traitlets.Unicode().tag(sync=True)  # the explorer whose picture this slider moves
    ahead_slot = traitlets.Int(-1).tag(sync=True)  # its place among that explorer's controls

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._next_moves = []
        self.on_msg(self._focused)

    def when_next_move_known(self, callback) -> None:
        """``callback(slider, directions)`` once the next move is guessed: (+1,) or (-1,), or both ways."""
        self._next_moves.append(callback)

    def set_state(self, sync_data):
        was = self.position()
        try:
            super().set_state(sync_data)
        finally:  # even when drawing failed: the browser must not wait for ever
            self.send({"moved": True})
        went = self.position() - was
        if went:
            self._guess((1,) if went > 0 else (-1,))

    def _focused(self, _widget, content, _buffers) -> None:
        if isinstance(content, dict) and content.get("focused"):
            self._guess((1, -1))

    def _guess(self, directions) -> None:
        for callback in self._next_moves:
            callback(self, directions)

    def position(self) -> float:  # where the handle is: its value, or a picker's index
        raise NotImplementedError

    def neighbour(self, steps: int):
        """The value ``steps`` steps along (negative: down), or None past either end."""
        raise NotImplementedError

    def step_of(self, value) -> int:
        """The handle's position at ``value``: whole steps from its start (a picker's index)."""
        raise NotImplementedError

    def positions(self) -> list:
        """Every value the handle can take, from its start to its end."""
        raise NotImplementedError

    def browser_position(self, value) -> str:
        """The key an explorer's picture is kept under in the browser: the whole steps from the start, which the
        browser counts the same way from the range input's own value (web/slider.js, ``at``). Whole numbers,
        so no decimal formatting has to agree between Python and JavaScript."""
        return str(self.step_of(value))


class Slider(_LatestMoveWins, anywidget.AnyWidget):
    """A number slider; ``value`` is kept on the step grid, inside [min, max], an int when all are whole."""

    _esm = WEB / "slider.js"
    _css = STYLES
    value = traitlets.Any(0).tag(sync=True)
    min = traitlets.Float(0).tag(sync=True)
    max = traitlets.Float(1).tag(sync=True)
    step = traitlets.Float(1).tag(sync=True)
    decimals = traitlets.Int(0).tag(sync=True)
    description = traitlets.Unicode().tag(sync=True)
    unit = traitlets.Unicode().tag(sync=True)
    tooltip = traitlets.Unicode().tag(sync=True)
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)  # always empty: see PickerSlider
    play_ms = traitlets.Int(0).tag(sync=True)  # > 0: a Play button steps the slider round at this pace
    play_hint = traitlets.Unicode().tag(sync=True)

    @traitlets.validate("value")
    def _on_the_grid(self, proposal):
        number = proposal["value"]
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise traitlets.TraitError(f"{self.description}: a slider takes a number, not {number!r}")
        return self._grid_point(round((min(max(number, self.min), self.max) - self.min) / self.step))

    def _grid_point(self, steps: int):
        """The value ``steps`` steps above ``min``: an int when all are whole, else rounded to its decimals."""
        on_grid = round(self.min + steps * self.step, self.decimals)
        return int(on_grid) if self.decimals == 0 else on_grid

    def position(self) -> float:
        return self.value

    def neighbour(self, steps: int):
        steps += round((self.value - self.min) / self.step)
        if not 0 <= steps * self.step <= self.max - self.min + self.step / 2:
            return None
        return self._grid_point(steps)

    def step_of(self, value) -> int:
        return round((value - self.min) / self.step)

    def positions(self) -> list:
        return [self._grid_point(steps) for steps in range(self.step_of(self.max) + 1)]


def slider(description: str, low: float, high: float, step: float, value: float, tooltip: str,
           play_ms: int = 0, play_hint: str = "") -> Slider:
    """A continuous slider (the picture follows the hand); the unit comes from the label's "(…)"."""
    decimals = 0 if float(step).is_integer() else len(repr(float(step)).split(".")[1])
    unit = UNIT_IN_LABEL.search(description)
    return Slider(min=low, max=high, step=step, decimals=decimals, value=value, description=description,
                  unit=unit[1] if unit else "", tooltip=tooltip, play_ms=play_ms, play_hint=play_hint)


class _OneOfOptions(traitlets.HasTraits):
    """A choice among (label, value) options: the browser moves ``index``; Python reads and sets ``value``."""

    index = traitlets.Int(-1).tag(sync=True)  # -1: nothing chosen yet
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    value = traitlets.Any(None)

    def __init__(self, options, value=None, **kwargs):
        self._values = [option_value for _, option_value in options]
        super().__init__(labels=[label for label, _ in options], **kwargs)
        self.value = value

    @property
    def options(self) -> list[tuple[str, object]]:
        return list(zip(self.labels, self._values))

    @property
    def label(self) -> str | None:
        return self.labels[self.index] if self.index >= 0 else None

    @traitlets.validate("value")
    def _one_of_the_options(self, proposal):
        if proposal["value"] is not None and proposal["value"] not in self._values:
            raise traitlets.TraitError(f"{proposal['value']!r} is not one of {self._values}")
        return proposal["value"]

    @traitlets.observe("value")
    def _move_to_value(self, change):
        self.index = -1 if change["new"] is None else self._values.index(change["new"])

    @traitlets.observe("index")
    def _take_value(self, change):
        self.value = None if change["new"] < 0 else self._values[change["new"]]


class PickerSlider(_LatestMoveWins, _OneOfOptions, anywidget.AnyWidget):
    """A slider that moves through words (the parts of the back, two ways of breathing)."""

    _esm = WEB / "slider.js"
    _css = STYLES
    description = traitlets.Unicode().tag(sync=True)
    tooltip = traitlets.Unicode().tag(sync=True)
    play_ms = traitlets.Int(0).tag(sync=True)
    play_hint = traitlets.Unicode().tag(sync=True)

    def position(self) -> float:
        return self.index

    def neighbour(self, steps: int):
        index = self.index + steps
        return self._values[index] if 0 <= self.index and 0 <= index < len(self._values) else None

    def step_of(self, value) -> int:
        return self._values.index(value)

    def positions(self) -> list:
        return list(self._values)


def picker(description: str, options, value, tooltip: str, play_ms: int = 0, play_hint: str = "") -> PickerSlider:
    """A slider through ``options``: (label, value) pairs, or plain values that are their own labels."""
    pairs = [option if isinstance(option, tuple) else (str(option), option) for option in options]
    return PickerSlider(pairs, value=value, description=description, tooltip=tooltip,
                        play_ms=play_ms, play_hint=play_hint)


class Choices(_OneOfOptions, anywidget.AnyWidget):
    """A question's options as one radio group, named by its legend (the question)."""

    _esm = WEB / "choices.js"
    _css = STYLES
    legend = traitlets.Unicode().tag(sync=True)


class Picture(anywidget.AnyWidget):
    """A PNG with alt text that follows it and an optional caption (HTML) read out politely when it changes.

    An explorer's picture also keeps, in the browser, the pictures it was sent for other settings of its
    sliders (its ``group``): when a slider moves to one of those, it is shown at once (web/picture.js).
    Given ``narrow_below_px``, the browser measures the picture's width and sets ``narrow`` while it is shown
    narrower than that (a phone), so its pictures can be drawn for that width: ``chart`` does this for a
    chart of the learner's records."""

    _esm = WEB / "picture.js"
    _css = STYLES
    png = traitlets.Bytes(b"").tag(sync=True)
    alt = traitlets.Unicode().tag(sync=True)
    caption = traitlets.Unicode().tag(sync=True)
    group = traitlets.Unicode().tag(sync=True)  # the sliders that move it: their ahead_group
    kept_pictures = traitlets.Int(0).tag(sync=True)  # how many pictures of other settings the browser keeps
    settings = traitlets.Unicode().tag(sync=True)  # their positions for this picture, as the browser writes them
    narrow_below_px = traitlets.Int(0).tag(sync=True)  # 0: the browser does not measure
    narrow = traitlets.Bool(False).tag(sync=True)  # set by the browser: shown narrower than narrow_below_px

    _chart_drawn = None  # what the chart's PNG shown was drawn from: (draw, inputs, narrow, projector mode)

    def show(self, png: bytes, alt: str, caption: str = "", settings: str = "") -> None:
        """One message to the browser for the image and its words, so they never disagree on screen."""
        self._chart_drawn = None
        self._show(png, alt, caption, settings)

    def _show(self, png: bytes, alt: str, caption: str = "", settings: str = "") -> None:
        with self.hold_sync():
            self.png, self.alt, self.caption, self.settings = png, alt, caption, settings

    def chart(self, draw, inputs: tuple, alt: str) -> None:
        """Show ``draw(*inputs, narrow)``, the chart's PNG for a phone or not, and draw it again, with the same alt
        text, each time the browser says the picture crossed NARROW_BELOW_PX: the one place a chart follows its
        width. Inputs equal to those of the chart shown are not drawn again, only its words follow: a save
        anywhere tells every view, and a chart takes ~0.2 s to draw (a third of the charts a learner's saves
        asked for were the very picture on screen)."""
        self._chart = (draw, copy.deepcopy(inputs), alt)  # a copy: the inputs compared next time are those drawn
        if not self.narrow_below_px:
            self.narrow_below_px = NARROW_BELOW_PX
            self.observe(lambda _change: self._draw_chart(), names="narrow")
        self._draw_chart()

    def _draw_chart(self) -> None:
        draw, inputs, alt = self._chart
        wanted = (draw, inputs, self.narrow, projector_mode())
        png = self.png if _equal(wanted, self._chart_drawn) else draw(*inputs, self.narrow)
        self._chart_drawn = wanted
        self._show(png, alt)

    def send_ahead(self, png: bytes, alt: str, caption: str, settings: str) -> None:
        """A picture for settings the sliders are not at yet, kept by the browser until they are."""
        self.send({"ahead": settings, "alt": alt, "caption": caption}, buffers=[png])


def _equal(a, b) -> bool:
    """Equal values, to the last number; False where equality has no single answer (an array inside)."""
    try:
        return bool(a == b)
    except (ValueError, TypeError):
        return False


class Feedback(anywidget.AnyWidget):
    """What a button's press came to, as HTML in ``value``: a live region (role=status) brought into view when
    it changes (web/feedback.js), since it appears below the button, often out of sight on a phone.

    ipywidgets' HTML can be neither: its element takes no role, and nothing of it runs in the page."""

    _esm = WEB / "feedback.js"
    _css = STYLES
    value = traitlets.Unicode().tag(sync=True)


class Upload(anywidget.AnyWidget):
    """A labelled file chooser. A file over ``max_bytes`` is refused in the page, in the ``too_big`` words
    (``{name}`` and ``{megabytes}`` filled in), before anything is sent; any other file comes to the kernel
    in one message, the file as a binary buffer, and goes to each ``on_file`` callback (web/upload.js).

    ipywidgets' FileUpload sends any file, however big: a message over the server's websocket limit is
    dropped with no word to anyone, and the learner waits for ever."""

    _esm = WEB / "upload.js"
    _css = STYLES
    description = traitlets.Unicode().tag(sync=True)
    accept = traitlets.Unicode().tag(sync=True)  # the file chooser's filter, e.g. ".fit,.tcx,.gpx"
    tooltip = traitlets.Unicode().tag(sync=True)
    max_bytes = traitlets.Int().tag(sync=True)
    too_big = traitlets.Unicode().tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._callbacks = []
        self.on_msg(self._received)

    def on_file(self, callback) -> None:
        """``callback(data: bytes, name: str)`` for each file the browser sends."""
        self._callbacks.append(callback)

    def _received(self, _widget, content, buffers) -> None:
        if not isinstance(content, dict) or "file" not in content:
            return
        try:
            for callback in self._callbacks:
                callback(bytes(buffers[0]) if buffers else b"", str(content["file"]))
        finally:  # the browser stops saying "Sending…" and takes the next file
            self.send({"received": str(content["file"])})


def plain_words(html: str) -> str:
    """A caption's words without its markup: for alt text."""
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))).strip()


class Download(anywidget.AnyWidget):
    """A named link that saves a file the course made (a printable page, the log as CSV) to the learner's own
    computer, with what to do next beside it. The file's bytes live in the page: a click saves them through a
    blob: address with the ``download`` attribute (web/download.js), so nothing is written beside the lessons
    (in a class, that folder is the pulled repository), and no server route is needed: it works the same in
    JupyterLab, the app, Binder and a hub, offline too. Hidden while it holds no file."""

    _esm = WEB / "download.js"
    _css = STYLES
    description = traitlets.Unicode().tag(sync=True)  # the link's words: "Download your printable plan"
    hint = traitlets.Unicode().tag(sync=True)  # what to do with the file: "then open it and print it"
    filename = traitlets.Unicode().tag(sync=True)
    mime = traitlets.Unicode("application/octet-stream").tag(sync=True)
    content = traitlets.Bytes(b"").tag(sync=True)

    def hold(self, content: bytes, filename: str, mime: str) -> None:
        """The file to save, in one message to the browser, so its name and bytes never disagree."""
        with self.hold_sync():
            self.content, self.filename, self.mime = content, filename, mime

    def clear(self) -> None:
        self.content = b""
