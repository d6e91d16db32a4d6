"""Lesson 02's charts: lung volume over time for two patterns, useful versus dead-space air, and a
breathing pacer that locks breaths to footfalls."""

from __future__ import annotations

import math

import numpy as np

from upperback.figures import style
from upperback.figures.rendering import LiveFrames, LivePicture
from upperback.models.body.breathing_rhythm import breathing_rhythm
from upperback.models.body.ventilation import (
    Ventilation,
    dead_space_ml,
    same_total_other_pattern,
    ventilation,
)

BREATHING = style.CAUSE_COLOURS["breathing"]
WINDOW_S = 12.0
TIMES = np.linspace(0, WINDOW_S, 600)


def volume_trace(breathing: Ventilation) -> np.ndarray:
    """Litres above the breathed-out level: a smooth in-and-out for every breath."""
    period = 60 / breathing.breaths_per_min
    return breathing.tidal_volume_ml / 1000 * (1 - np.cos(2 * np.pi * TIMES / period)) / 2


def _label(breathing: Ventilation) -> str:
    return (f"{breathing.breaths_per_min:.0f} breaths/min × {breathing.tidal_volume_ml / 1000:.2f} L: "
            f"{breathing.total_l_per_min:.1f} L/min moved, {breathing.useful_l_per_min:.1f} L/min useful")


def lung_volume_figure(narrow: bool = False):
    """Static chart: the same 30 L/min breathed deep-and-slow or shallow-and-quick. Narrow (a phone): the
    words in short lines above the chart, which is taller to hold them."""
    dead_space = 150.0  # [West2020]: an adult's dead space
    deep, shallow = ventilation(20, 1500, dead_space), ventilation(40, 750, dead_space)
    with style.series_style(projector=False):
        figure = style.narrow_figure(5.6) if narrow else style.new_figure(11, 5.5)
        ax = figure.add_subplot()
        ax.plot(TIMES, volume_trace(deep), color=BREATHING, lw=3.5)
        ax.plot(TIMES, volume_trace(shallow), color=style.TENSE, lw=2.5)
        ax.fill_between(TIMES, 0, dead_space / 1000, color=style.QUIET, zorder=0)
        ax.set_xlim(0, WINDOW_S)
        if narrow:
            ax.text(0.2, 3.45, "deep and slow:\n" + _label(deep).replace(": ", ":\n", 1), color="#005A8C",
                    fontsize=12, va="top")
            ax.text(0.2, 2.85, "shallow and quick:\n" + _label(shallow).replace(": ", ":\n", 1),
                    color=style.text_colour(style.TENSE), fontsize=12, va="top")
            ax.text(0.2, 2.25, "grey band: the dead space, 150 mL\nof every breath that never reaches\n"
                    "the air sacs", fontsize=12, va="top")
            ax.set_ylim(0, 3.5)
        else:
            ax.text(0.2, 2.0, "deep and slow: " + _label(deep), color="#005A8C", fontsize=13)
            ax.text(0.2, 1.86, "shallow and quick: " + _label(shallow), color=style.text_colour(style.TENSE),
                    fontsize=13)
            ax.text(0.2, 1.72, "grey band: the dead space, 150 mL of every breath that never reaches the air sacs",
                    fontsize=12)
            ax.set_ylim(0, 2.15)
        ax.set_xlabel("time (seconds)")
        ax.set_ylabel("air breathed in (litres)")
    return figure


class VentilationLiveFigure(LivePicture):
    """Your breathing against the same total breathed the other way: volumes over time and useful air.
    Narrow (a phone): the bars under the time line."""

    def __init__(self, narrow: bool = False):
        with style.series_style(narrow=narrow):
            if narrow:
                self.figure = style.narrow_figure(6.2, live=True)
                self.trace_ax = self.figure.add_axes((0.17, 0.6, 0.79, 0.34))
                self.bar_ax = self.figure.add_axes((0.2, 0.09, 0.76, 0.33))
            else:
                self.figure = style.new_figure(11, 5.6, live=True)
                self.trace_ax = self.figure.add_axes((0.08, 0.14, 0.5, 0.78))
                self.bar_ax = self.figure.add_axes((0.66, 0.14, 0.32, 0.78))
            ax = self.trace_ax
            ax.set_xlim(0, WINDOW_S)
            ax.set_ylim(0, 3.2)
            ax.set_xlabel("time (seconds)")
            ax.set_ylabel("air breathed in (litres)")
            ax.set_title("one breath after another", fontsize=style.series_rc()["font.size"])
            (self.yours,) = ax.plot([], [], color=BREATHING, lw=3.5)
            (self.other,) = ax.plot([], [], color=style.INK, lw=2, ls="--")
            self.dead_band = ax.axhspan(0, 0.15, color=style.QUIET, zorder=0)
            bars = self.bar_ax
            bars.set_xlim(0, 100)
            bars.set_ylim(-0.6, 1.6)
            bars.set_yticks([0, 1], ["other\nway", "yours"])
            bars.set_xlabel("litres per minute")
            bars.set_title("useful and wasted air", fontsize=style.series_rc()["font.size"])
            self.useful_bars = bars.barh([0, 1], [0, 0], color=[style.QUIET, BREATHING], height=0.6)
            self.dead_bars = bars.barh([0, 1], [0, 0], left=[0, 0], color="white", edgecolor=style.INK,
                                       hatch="//", height=0.6)
            self.bar_labels = [bars.text(0, y, "", va="center", fontsize=style.series_rc()["font.size"] - 2)
                               for y in (0, 1)]
        moving = [self.yours, self.other, self.dead_band, *self.useful_bars, *self.dead_bars, *self.bar_labels]
        self.frames = LiveFrames(self.figure, moving, narrow)

    def update(self, breaths_per_min: float = 30, tidal_volume_ml: float = 1000, body_mass_kg: float = 70) -> str:
        yours = ventilation(breaths_per_min, tidal_volume_ml, dead_space_ml(body_mass_kg))
        other = same_total_other_pattern(yours)
        self.yours.set_data(TIMES, volume_trace(yours))
        self.other.set_data(TIMES, volume_trace(other))
        band = yours.dead_space_ml / 1000
        self.dead_band.set_height(band)
        for index, breathing in enumerate((other, yours)):
            self.useful_bars[index].set_width(breathing.useful_l_per_min)
            self.dead_bars[index].set_x(breathing.useful_l_per_min)
            self.dead_bars[index].set_width(breathing.total_l_per_min - breathing.useful_l_per_min)
            label = self.bar_labels[index]
            label.set_text(f"{breathing.useful_l_per_min:.0f} useful + "
                           f"{breathing.total_l_per_min - breathing.useful_l_per_min:.0f} wasted")
            label.set_position((0, index + 0.45))
        scale = 60 * math.ceil(yours.total_l_per_min * 1.15 / 60)  # 60, 120 or 180 L/min: few redraws
        if self.bar_ax.get_xlim()[1] != scale:
            self.bar_ax.set_xlim(0, scale)
            self.frames.redraw_background()  # the axis ticks are part of the kept background
        return ventilation_caption(yours, other)


def ventilation_caption(yours: Ventilation, other: Ventilation) -> str:
    way = "shallower and quicker" if other.tidal_volume_ml < yours.tidal_volume_ml else "deeper and slower"
    return (
        f"You move <b>{yours.total_l_per_min:.1f} L</b> of air a minute; the first "
        f"{yours.dead_space_ml:.0f} mL of each breath (grey band) only fills the airways, so "
        f"<b>{yours.dead_space_share:.0%}</b> of it is wasted and {yours.useful_l_per_min:.1f} L/min reaches "
        f"the air sacs. Breathing the same total {way} (dashed: {other.breaths_per_min:.0f} breaths of "
        f"{other.tidal_volume_ml:.0f} mL) would give {other.useful_l_per_min:.1f} L/min of useful air."
    )


class PacerLiveFigure(LivePicture):
    """Footfalls and breaths on one time line: a cadence and a steps-in:steps-out pattern. Narrow (a phone):
    the same time line, shorter, with smaller footprints."""

    def __init__(self, narrow: bool = False):
        with style.series_style(narrow=narrow):
            self.figure = style.narrow_figure(3.4, live=True) if narrow else style.new_figure(11, 4.2, live=True)
            ax = self.ax = self.figure.add_axes((0.04, 0.25, 0.92, 0.62) if narrow else (0.07, 0.2, 0.9, 0.7))
            ax.set_xlim(0, 8)
            ax.set_ylim(-0.45, 1.25)
            ax.set_yticks([])
            ax.spines["left"].set_visible(False)
            ax.set_xlabel("time (seconds)")
            (self.breath,) = ax.plot([], [], color=BREATHING, lw=3.5)
            foot = 7 if narrow else 11  # narrow: 23 steps in 8 s still apart
            (self.left_feet,) = ax.plot([], [], "v", color=style.INK, ms=foot)
            (self.right_feet,) = ax.plot([], [], "v", color=style.INK, ms=foot, markerfacecolor="white")
            self.cursor = ax.axvline(0, color=style.ACHE_LINE, lw=3)
            self.phase_text = ax.text(0, 1.12, "", ha="center", fontweight="bold")
            key, small = "▼ left foot   ▽ right foot", style.series_rc()["font.size"] - 2
            if narrow:  # under the time axis: inside, the moment's line would cross it on the short time line
                self.figure.text(0.96, 0.02, key, ha="right", va="bottom", fontsize=small)
            else:
                ax.text(0.05, -0.3, key, fontsize=small)
        self.frames = LiveFrames(self.figure, [self.breath, self.left_feet, self.right_feet, self.cursor,
                                               self.phase_text], narrow)

    def update(self, cadence: float = 170, pattern: str = "3:3", moment_percent: float = 0) -> str:
        rhythm = breathing_rhythm(cadence, pattern)
        step_s = 60 / cadence
        steps = np.arange(0, 8 / step_s + 1)
        feet = steps * step_s
        self.left_feet.set_data(feet[::2], np.full(len(feet[::2]), -0.1))
        self.right_feet.set_data(feet[1::2], np.full(len(feet[1::2]), -0.1))
        times = np.linspace(0, 8, 800)
        inhale_s, exhale_s = rhythm.inhale_steps * step_s, rhythm.exhale_steps * step_s
        within = np.mod(times, rhythm.breath_seconds)
        volume = np.where(within < inhale_s, (1 - np.cos(np.pi * within / inhale_s)) / 2,
                          (1 + np.cos(np.pi * (within - inhale_s) / exhale_s)) / 2)
        self.breath.set_data(times, 0.05 + 0.9 * volume)
        now = 8 * moment_percent / 100
        self.cursor.set_xdata([now, now])
        breathing_in = np.mod(now, rhythm.breath_seconds) < inhale_s
        beside = 0.12 if now < 4 else -0.12  # beside the cursor, on the side with room, so it never crosses
        self.phase_text.set_position((now + beside, 1.12))
        self.phase_text.set_horizontalalignment("left" if beside > 0 else "right")
        self.phase_text.set_text("breathe in" if breathing_in else "breathe out")
        self.phase_text.set_color("#005A8C" if breathing_in else style.INK)
        return pacer_caption(rhythm)


def pacer_caption(rhythm) -> str:
    strides = rhythm.strides_per_breath  # a stride is two steps
    per_breath = (f"{strides:g} strides (a stride is two steps) per breath" if strides == int(strides)
                  else f"{strides * 2:g} strides per 2 breaths")
    return (
        f"At {rhythm.cadence:.0f} steps a minute, breathing in for {rhythm.inhale_steps} steps and out for "
        f"{rhythm.exhale_steps} gives <b>{rhythm.breaths_per_min:.0f} breaths a minute</b>, one every "
        f"{rhythm.breath_seconds:.1f} s, or {per_breath}. Fewer steps per breath means quicker breathing. "
        "(The pattern you choose counts steps in : steps out; research on runners counts strides per breath.)"
    )
