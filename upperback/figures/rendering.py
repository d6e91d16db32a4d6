"""Turning figures into bytes: fast PNG frames for live widgets, reproducible SVG for the assets, and any
diagram as a data: address for pages that must stand alone (handouts, the app)."""

from __future__ import annotations

import base64
import io
import mimetypes
import struct
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

import matplotlib as mpl
import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text
from zlib_ng import zlib_ng


def data_uri(path: Path) -> str:
    """A file's bytes inside its address, so a page needs nothing beside it."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


LIVE_DPI = 80  # a live PNG only needs screen resolution; a lower DPI keeps each slider step fast
# A narrow picture (style.NARROW_WIDTH_IN) shows about 340 CSS px wide on a phone of 3 device px per CSS px:
# 120 dpi gives it 552 px across, as many pixels in all as a wide frame at 80 dpi, so a step costs the same.
NARROW_DPI = 120


def png_bytes(figure: Figure, dpi: int = LIVE_DPI) -> bytes:
    buffer = io.BytesIO()
    # compress_level 1: about as small as the default for flat diagrams, and several times faster to encode
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None},
                   pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def chart_png(figure: Figure, narrow: bool = False) -> bytes:
    """A chart of the learner's records as PNG: a phone's layout at NARROW_DPI, for a 3x screen."""
    return png_bytes(figure, NARROW_DPI if narrow else LIVE_DPI)


class Kept:
    """The newest things drawn, by key, up to a number of bytes in all; the oldest go first. ``size`` gives
    a thing's bytes."""

    def __init__(self, limit_bytes: int, size):
        self.limit_bytes, self.size = limit_bytes, size
        self.things: OrderedDict = OrderedDict()
        self.bytes = 0

    def get(self, key):
        thing = self.things.get(key)
        if thing is not None:
            self.things.move_to_end(key)
        return thing

    def put(self, key, thing) -> None:
        if key in self.things:
            self.bytes -= self.size(self.things.pop(key))
        self.things[key] = thing
        self.bytes += self.size(thing)
        while self.bytes > self.limit_bytes:
            self.bytes -= self.size(self.things.popitem(last=False)[1])

    def clear(self) -> None:
        self.things.clear()
        self.bytes = 0


class LiveFrames:
    """PNG frames of a figure in which only some artists move.

    Everything else (axes, ticks, grid, fixed labels) is drawn once and kept as a bitmap; each frame pastes
    that bitmap back and draws only the moving artists, and whatever lies on top of them, in stacking
    order. This is matplotlib's blitting, used off-screen: it cuts a slider step to a fraction of a full draw.
    A label that changes (a number, a state) costs 1-6 ms to draw, most of a frame: each drawn label is kept
    as pixels too, and pasted back when it is shown again with the same words in the same place.
    """

    LABEL_BYTES_KEPT = 1 << 20  # our bound: 1 MiB of label pictures (8-37 kB each), the newest kept

    def __init__(self, figure: Figure, moving: Iterable[Artist], narrow: bool = False):
        figure.set_dpi(NARROW_DPI if narrow else LIVE_DPI)
        self.figure = figure
        self.canvas = FigureCanvasAgg(figure)
        self.moving = self._with_everything_above(list(moving))
        for artist in self.moving:
            artist.set_animated(True)  # left out of the background draw
        self.background = None  # the still pixels: pasted back under every frame; a label on them alone is kept
        self.labels = Kept(self.LABEL_BYTES_KEPT, size=lambda kept: kept[1].nbytes)  # (box, pixels) by looks

    def _with_everything_above(self, moving: list[Artist]) -> list[Artist]:
        layered = []
        for ax in self.figure.axes:
            mine = [artist for artist in moving if artist.axes is ax]
            if not mine:
                continue
            lowest = min(artist.get_zorder() for artist in mine)
            # Fixed text stays in the background whatever its z-order: no moving line may cross a label
            # (tests/test_legibility.py), so drawing it under them changes no pixel and saves its redraw,
            # the costliest part of a frame (a multi-line label takes ~12 ms).
            above = [artist for artist in ax.get_children() if artist.get_zorder() > lowest
                     and artist.get_visible() and artist not in mine and not _is_frame(ax, artist)
                     and not isinstance(artist, Text)]
            layered += sorted(mine + above, key=Artist.get_zorder)
        return layered + [artist for artist in moving if artist.axes is None]  # figure-level text, on top

    def redraw_background(self) -> None:
        """Call after changing anything still, such as axis limits: the next frame redraws it."""
        self.background = None
        self.labels.clear()

    def png(self) -> bytes:
        if self.background is None:
            self.canvas.draw()
            self.background = np.asarray(self.canvas.buffer_rgba()).copy()
        pixels = np.asarray(self.canvas.buffer_rgba())  # the canvas's own memory: pasting draws
        pixels[...] = self.background
        for artist in self.moving:
            if type(artist) is Text and artist.get_visible():
                self._draw_label(artist, pixels)
            else:
                self.figure.draw_artist(artist)
        return frame_png(pixels)

    def _draw_label(self, label: Text, pixels: np.ndarray) -> None:
        """Paste the label's kept pixels when the same words sit in the same place on nothing but the still
        background (nothing drawn before it in this frame reaches into its box); otherwise draw it, and keep
        its pixels when it was drawn on the background alone."""
        plain = label.get_bbox_patch() is None and not label.get_path_effects()
        # what places and shapes the words (a label's line spacing is set once, when it is made)
        key = (label.get_text(), tuple(label.get_transform().transform(label.get_unitless_position())),
               to_rgba(label.get_color(), label.get_alpha()), hash(label.get_fontproperties()),
               label.get_rotation(), label.get_horizontalalignment(), label.get_verticalalignment(),
               label.get_wrap())
        kept = self.labels.get(key) if plain else None
        if kept is not None and np.array_equal(pixels[kept[0]], self.background[kept[0]]):
            pixels[kept[0]] = kept[1]
            return
        box = _pixel_box(label.get_window_extent(self.canvas.get_renderer()), pixels.shape) if plain else None
        on_still = box is not None and np.array_equal(pixels[box], self.background[box])
        self.figure.draw_artist(label)
        if on_still:
            self.labels.put(key, (box, pixels[box].copy()))


class LivePicture:
    """What every explorer's figure shares: drawn wide (a laptop, a projector) unless made with narrow=True (a
    phone: style.NARROW_WIDTH_IN wide, its panels stacked), and its PNG made by its ``frames``."""

    frames: LiveFrames

    def narrow(self) -> LivePicture:
        """The same picture laid out for a phone."""
        return type(self)(narrow=True)

    def png(self) -> bytes:
        return self.frames.png()


def _pixel_box(extent, shape: tuple) -> tuple[slice, slice] | None:
    """A display box as (rows, columns) of the canvas's pixels (rows run down), 2 px wider all round for the
    anti-aliased edges of the letters; None when nothing of it is on the canvas."""
    height, width = shape[:2]
    top, bottom = max(0, int(height - extent.y1) - 2), min(height, int(height - extent.y0) + 3)
    left, right = max(0, int(extent.x0) - 2), min(width, int(extent.x1) + 3)
    return (slice(top, bottom), slice(left, right)) if top < bottom and left < right else None


def frame_png(pixels: np.ndarray) -> bytes:
    """An RGBA canvas as a PNG with exactly its pixels, made for speed: rows unfiltered, deflated by zlib-ng
    at level 2. Measured on the explorers' frames (~800×450): ~1 ms and 18-58 kB, against 3-5 ms and 25-66 kB
    for the standard zlib at level 1 and 7-11 ms for Pillow's PNG, which tries five filters on every row; an
    RGB copy of the canvas alone took 2 ms, so the (opaque) alpha channel stays in."""
    height, width = pixels.shape[:2]
    rows = np.empty((height, 1 + 4 * width), np.uint8)
    rows[:, 0] = 0  # each row starts with its filter: none
    rows[:, 1:] = pixels.reshape(height, 4 * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib_ng.compress(rows, 2))
            + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _is_frame(ax, artist) -> bool:
    """The axes' ticks and background patch belong to the still background, and so do the spines of axes
    drawn without them. A shown spine above a moving artist (a bar starting on it) is drawn again over it, as a
    full draw would: it is a single line."""
    return artist is ax.patch or artist in (ax.xaxis, ax.yaxis) or (artist in ax.spines.values() and not ax.axison)


def save_svg(figure: Figure, path: Path) -> None:
    """Write an SVG that is byte-for-byte the same each time: fixed hash salt, no date or creator."""
    with mpl.rc_context({"svg.hashsalt": "upperback"}):
        figure.savefig(path, format="svg", metadata={"Date": None, "Creator": None})
