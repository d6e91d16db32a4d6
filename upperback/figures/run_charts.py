"""Lesson 05's pictures: one run minute by minute, and the ache against the runs it came with."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from upperback.figures import style
from upperback.figures.rendering import chart_png

PANELS = (  # field, axis label, colour (cadence in the arms' colour: it sets the arm swing)
    ("pace_min_per_km", "pace\n(min per km)", style.INK),
    ("cadence_spm", "cadence\n(steps/min)", style.CAUSE_COLOURS["arms"]),
    ("heart_rate_bpm", "heart rate\n(beats/min)", style.TENSE),
)


def run_chart_png(minutes: list[dict], narrow: bool = False) -> bytes:
    return chart_png(run_chart_figure(minutes, narrow), narrow)


def run_chart_figure(minutes: list[dict], narrow: bool = False) -> Figure:
    """Pace, cadence and heart rate through one run; a panel the file has no figures for says so."""
    with style.series_style(narrow=narrow):
        figure = style.narrow_figure(6.4) if narrow else style.new_figure(10, 6.4)
        axes = figure.subplots(len(PANELS), 1, sharex=True)
        for ax, (key, label, colour) in zip(axes, PANELS, strict=True):
            points = [(row["minute"], row[key]) for row in minutes if row.get(key) is not None]
            ax.set_ylabel(label)
            ax.grid(alpha=0.3)
            if points:  # a single minute is a point (a line of one point draws nothing)
                ax.plot(*zip(*points, strict=True), color=colour, lw=2.5, marker="o" if len(points) == 1 else None)
            else:
                ax.text(0.5, 0.5, "not in this file", transform=ax.transAxes, ha="center", va="center")
                ax.set_yticks([])
        axes[0].invert_yaxis()  # a faster pace is a smaller number: drawn higher, as runners read it
        axes[-1].set_xlabel("minutes into the run")
        # whole minutes (a 2-minute run had ticks at 0.25); a one-minute run's minute in the middle of its axis,
        # not an axis of -0.04 to 0.04
        axes[-1].xaxis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 5, 10], integer=True))
        shown = {row["minute"] for row in minutes}
        if len(shown) == 1:
            (only,) = shown
            axes[-1].set_xlim(only - 0.5, only + 0.5)
            axes[-1].set_xticks([only])
    return figure


def ache_against_runs_png(pairs: list[dict], narrow: bool = False) -> bytes:
    return chart_png(ache_against_runs_figure(pairs, narrow), narrow)


def ache_against_runs_figure(pairs: list[dict], narrow: bool = False) -> Figure:
    """Each run that has a check-in on the same day: its ache against its pace, distance and length, side by
    side (one under the other on a phone, each with its ache axis named)."""
    with style.series_style(narrow=narrow):
        figure = style.narrow_figure(style.NARROW_TALLEST_IN) if narrow else style.new_figure(11, 4.2)
        by_pace, by_distance, by_time = figure.subplots(3 if narrow else 1, 1 if narrow else 3, sharey=True)
        for ax, key, label in ((by_pace, "pace_min_per_km", "pace (min per km)"),
                               (by_distance, "distance_km", "distance (km)"),
                               (by_time, "minutes", "time running (min)")):
            for warned, marker, colour in ((False, "o", style.ACHE), (True, "X", style.TENSE)):
                points = [(pair[key], pair["ache"]) for pair in pairs
                          if pair.get(key) is not None and bool(pair.get("warning")) == warned]
                if points:
                    ax.plot(*zip(*points, strict=True), marker, color=colour, ms=10 + 4 * warned,
                            markeredgecolor=style.INK, linestyle="none",
                            label="came with a warning sign" if warned else None)
            ax.set_xlabel(label)
            ax.grid(alpha=0.3)
            if narrow:
                ax.set_ylabel("ache\n(0 to 10)")
        if any(pair.get("warning") for pair in pairs):
            by_pace.legend(loc="upper left", frameon=True)
        by_pace.set_ylim(-0.5, 10.5)
        if not narrow:
            by_pace.set_ylabel("ache (0 to 10)")
        if not pairs:
            by_pace.text(0.5, 0.5, "no run with a check-in yet", transform=by_pace.transAxes, ha="center")
    return figure
