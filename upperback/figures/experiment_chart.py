"""Lesson 06's picture: your ache on each run of the experiment, with and without the change, pair by pair,
and what the pairs add up to: the effect with its 90 % interval."""

from __future__ import annotations

from matplotlib.figure import Figure

from upperback.figures import style
from upperback.figures.rendering import chart_png
from upperback.models.records.experiment import ExperimentAnswer, RunPair

JOIN = style.darkened(style.QUIET, 3)  # the line joining a pair's two runs: 3:1 against white, as lines need
WITH_STYLE = {"marker": "o", "color": style.RELAXED, "markersize": 12, "markeredgecolor": style.INK}
WITHOUT_STYLE = {"marker": "s", "color": "white", "markersize": 11, "markeredgecolor": style.INK,
                 "markeredgewidth": 2}


def experiment_chart_alt(pairs: list[RunPair], answer: ExperimentAnswer) -> str:
    logged = sum(run is not None for pair in pairs for run in (pair.with_run, pair.without_run))
    return (f"Chart of your ache on the {logged} run{'s' if logged != 1 else ''} logged so far, pair by pair: a "
            "filled circle for the run with the change, an open square for the run as usual, joined for each "
            "pair; beside it the difference they add up to. " + (answer.answer[0] if answer.answer else ""))


def experiment_chart_png(pairs: list[RunPair], answer: ExperimentAnswer, narrow: bool = False) -> bytes:
    return chart_png(experiment_chart_figure(pairs, answer, narrow), narrow)


def experiment_chart_figure(pairs: list[RunPair], answer: ExperimentAnswer, narrow: bool = False) -> Figure:
    """The pairs beside the answer; on a phone, the answer under the pairs."""
    with style.series_style(narrow=narrow):
        figure = style.narrow_figure(style.NARROW_TALLEST_IN) if narrow else style.new_figure(10, 4.6)
        figure.get_layout_engine().set(h_pad=0.15)  # room above the right-hand title (a browser's glyphs are wider)
        if narrow:
            runs_ax, effect_ax = figure.subplots(2, 1, gridspec_kw={"height_ratios": [3, 2.4]})
        else:
            runs_ax, effect_ax = figure.subplots(1, 2, gridspec_kw={"width_ratios": [3, 1.3]})
        for pair in pairs:
            points = [(pair.pair_number - 0.12, pair.with_run), (pair.pair_number + 0.12, pair.without_run)]
            known = [(x, run.ache) for x, run in points if run is not None and run.ache is not None]
            if len(known) == 2:
                runs_ax.plot(*zip(*known, strict=True), color=JOIN, lw=2, zorder=1)
            if pair.with_run is not None and pair.with_run.ache is not None:
                runs_ax.plot([points[0][0]], [pair.with_run.ache], linestyle="none", zorder=3, **WITH_STYLE)
            if pair.without_run is not None and pair.without_run.ache is not None:
                runs_ax.plot([points[1][0]], [pair.without_run.ache], linestyle="none", zorder=3, **WITHOUT_STYLE)
        runs_ax.plot([], [], linestyle="none", label="with the change", **WITH_STYLE)
        runs_ax.plot([], [], linestyle="none", label="as usual", **WITHOUT_STYLE)
        runs_ax.legend(loc="upper right", frameon=True, fontsize=style.series_rc()["font.size"] - 1)
        runs_ax.set_xlim(0.4, max(len(pairs), 1) + 0.6)
        runs_ax.set_xticks(range(1, len(pairs) + 1))
        runs_ax.set_xlabel("pair of runs")
        runs_ax.set_ylim(-0.5, 11.5)
        runs_ax.set_yticks(range(0, 11, 2))
        runs_ax.set_ylabel("ache (0 to 10)")
        runs_ax.grid(alpha=0.3)
        _draw_effect(effect_ax, answer, narrow)
    return figure


def _draw_effect(ax, answer: ExperimentAnswer, narrow: bool = False) -> None:
    """The mean difference (with minus without) and its 90 % interval; below 0 is less ache with the change."""
    small = style.series_rc()["font.size"] - (1 if narrow else 2)  # on a phone, a chart may show under 335 px
    ax.axhline(0, color=style.INK, lw=1.5, ls="--")
    ax.set_ylim(-6, 4)
    ax.set_xlim(-1, 1)
    ax.set_xticks([])
    ax.set_ylabel("difference in ache" + ("\n" if narrow else " ") + "(points)")
    ax.grid(alpha=0.3, axis="y")
    ax.text(0.98, 0.02, "less ache\nwith the change", transform=ax.transAxes, ha="right", va="bottom",
            fontsize=small)
    if answer.effect_points is None or answer.interval_90_points is None:
        ax.text(0, 1.2, "no estimate\nyet", ha="center", va="center")
        return
    low, high = answer.interval_90_points
    ax.axhline(-1, color=style.RELAXED, lw=1.5, ls=":")
    ax.text(-0.95, -1.1, "1 point less", va="top", color=style.text_colour(style.RELAXED),
            fontsize=small)
    ax.errorbar([0.3], [answer.effect_points], yerr=[[answer.effect_points - low], [high - answer.effect_points]],
                fmt="D", color=style.INK, markerfacecolor=style.RELAXED, markersize=11, elinewidth=3, capsize=10,
                capthick=3)
    ax.set_title("your answer:\nmean and 90 % range", fontsize=style.series_rc()["font.size"] - 1)
