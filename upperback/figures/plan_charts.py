"""Lesson 04's charts: which causes your self-checks point to, and your ache over the runs you logged."""

from __future__ import annotations

from datetime import date, timedelta

from matplotlib.dates import DAILY, AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from upperback.figures import style
from upperback.figures.rendering import chart_png
from upperback.models.course.lessons import CAUSE_NAMES, CAUSES
from upperback.models.course.plan import Plan
from upperback.models.records.checkin_log import CHANGES, CheckIn


def cause_chart_alt(plan: Plan) -> str:
    """The bar chart in words, for a screen reader: each cause's share, or that its check is not done."""
    shares = [f"{CAUSE_NAMES[c]} {plan.shares[c]:.0%}" if plan.shares[c] is not None
              else f"{CAUSE_NAMES[c]} not checked yet" for c in CAUSES]
    return "Bar chart of the share of the points each cause could get: " + "; ".join(shares) + "."


def cause_chart_png(plan: Plan, narrow: bool = False) -> bytes:
    return chart_png(cause_chart_figure(plan, narrow), narrow)


def cause_chart_figure(plan: Plan, narrow: bool = False) -> Figure:
    """Horizontal bars: the share of its possible points each cause got, labelled beside the bars (above them
    on a phone, where a bar and its words side by side would not fit)."""
    with style.series_style(narrow=narrow):
        figure = style.narrow_figure(3.9) if narrow else style.new_figure(9, 3.4)
        ax = figure.add_subplot()
        for row, cause in enumerate(reversed(CAUSES)):
            share = plan.shares[cause]
            colour = style.CAUSE_COLOURS[cause]
            if share is None:
                ax.text(0.01, row, f"{CAUSE_NAMES[cause]}:" + ("\n" if narrow else " ") + "self-check not done yet",
                        va="center", color=style.INK)
                continue
            weight = "bold" if cause in plan.likely_causes else "normal"
            if narrow:
                ax.barh(row - 0.18, share, color=colour, height=0.34)
                ax.text(0, row + 0.04, f"{CAUSE_NAMES[cause]}: {share:.0%}", va="bottom", fontweight=weight)
                continue
            ax.barh(row, share, color=colour, height=0.6)
            ax.text(share + 0.01, row, f"{CAUSE_NAMES[cause]}: {share:.0%}", va="center", fontweight=weight)
        ax.set_xlim(0, 1.05 if narrow else 1.45)
        ax.set_ylim(-0.6, len(CAUSES) - 0.4)
        ax.set_yticks([])
        ax.set_xticks([0, 0.5, 1], ["0 %", "50 %", "100 %"])
        ax.set_xlabel("share of the points each cause could" + ("\n" if narrow else " ")
                      + "get from the self-checks you did")
        ax.spines["left"].set_visible(False)
    return figure


CHANGE_MARKERS = dict(zip(CHANGES, ("o", "s", "^", "v", "D", "P")))


def ache_chart_png(entries: list[CheckIn], narrow: bool = False) -> bytes:
    return chart_png(ache_chart_figure(entries, narrow), narrow)


def ache_chart_figure(entries: list[CheckIn], narrow: bool = False) -> Figure:
    """Ache (0–10) run by run, and below it, in a lane of its own, a marker for each change tried.

    The changes get their own lane so that no marker can be read as an ache value. On a phone their key goes
    under the chart instead of beside it."""
    with style.series_style(narrow=narrow):
        figure = style.narrow_figure(style.NARROW_TALLEST_IN) if narrow else style.new_figure(10, 5.6)
        ax, lane = figure.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1.3]})
        ax.set_ylim(-0.5, 10.5)
        ax.set_ylabel("ache (0 to 10)")
        ax.grid(alpha=0.3)
        lane.set_ylim(len(CHANGES) - 0.4, -0.6)  # first change on top
        lane.set_yticks([])
        lane.set_ylabel("changes\ntried")
        if not entries:
            ax.text(0.5, 0.5, "No runs logged yet", transform=ax.transAxes, ha="center", va="center")
            lane.set_xticks([])
            return figure
        ordered = sorted(entries, key=lambda e: e.run_date)
        days = [date.fromisoformat(e.run_date) for e in ordered]
        ax.plot(days, [e.ache for e in ordered], color=style.ACHE_LINE, lw=3, marker="o", ms=9, zorder=3)
        warned = [(day, entry.ache) for day, entry in zip(days, ordered) if entry.warning_tier]
        if warned:  # a shape and words of its own: never read as one more point of progress
            ax.plot(*zip(*warned, strict=True), "X", color=style.TENSE, ms=16, markeredgecolor=style.INK,
                    linestyle="none", zorder=4, label="came with a warning sign")
            if narrow:  # above the chart: a long log's line fills the narrow chart's corners
                ax.legend(loc="lower left", bbox_to_anchor=(0, 1), frameon=True)
            else:
                ax.legend(loc="upper left", frameon=True)
        for row, (change, label) in enumerate(CHANGES.items()):
            tried = [day for day, entry in zip(days, ordered) if change in entry.changed]
            if tried:  # one call per kind of change, not per run: a long log still charts quickly
                lane.plot(tried, [row] * len(tried), CHANGE_MARKERS[change], color=style.RELAXED, ms=10,
                          label=label, linestyle="none")
        if lane.lines:
            figure.legend(handles=lane.lines, title="what you changed", frameon=False,
                          loc="outside lower left" if narrow else "outside right upper")
        # room for a whole marker at each end, however long the log: one run still gets a sane axis
        margin = max(timedelta(days=2), (days[-1] - days[0]) * 0.04)
        ax.set_xlim(days[0] - margin, days[-1] + margin)
        # at most six dates (four on a phone), on whole days, with the year shown wherever it changes (a log
        # may span years)
        locator = AutoDateLocator(minticks=3, maxticks=4 if narrow else 6, interval_multiples=True)
        locator.intervald[DAILY] = [1, 2, 3, 7, 14]
        lane.xaxis.set_major_locator(locator)
        lane.xaxis.set_major_formatter(ConciseDateFormatter(locator, show_offset=True))
    return figure
