"""Your experiment (lesson 06): does a change lower your ache? Randomised pairs of runs, and an honest answer.

The design is a personal (n-of-1) trial in randomised pairs [Kravitz2014]: in each pair of consecutive runs a
fair draw decides which run uses the change, so nothing you plan, feel or expect can line the change up with
easy runs. The analysis is fixed before the first run and simple enough to read [Kravitz2014], and the answer
reports what CENT asks for [Vohra2015]: pairs planned and used, adherence (the change done as drawn), the
effect with its interval. As in PREEMPT's Trialist [Kravitz2018] it gives the effect, an interval and the
probability of a worthwhile improvement, and like StudyU [Konigorski2022] a verdict at a level set in advance.

- The effect: the mean over complete pairs of d = ache with the change - ache without (points out of 10;
  negative means less ache with the change).
- The 90 % interval: mean ± t(0.95, k - 1) · s / √k, the t-interval on the k differences. With a flat prior
  on the effect (and on the log of the spread) it is also the central 90 % of the effect's posterior, a
  location-scale t with k - 1 degrees of freedom [Gelman2013] §3.2; that posterior gives the probability that
  the change helps by at least 1 point, P(effect <= -1). The tests show by simulation that the interval covers
  the true effect 90 % of the time on whole-number aches clipped to 0-10.
- The verdict ("the change helped"): the whole 90 % interval lies below 0, which is a one-sided test at 5 %.
  The power figures use the same rule.
- The exact randomisation test: under "the change does nothing", each of the 2^k ways the draws could have
  fallen was equally likely and would only flip the signs of the differences; the p-value counts them. It is
  two-sided and defined exactly as scipy.stats.permutation_test(..., permutation_type='samples') defines it,
  and needs no assumption about how your ache varies. With k pairs it cannot go below 2 / 2^k.

Pure functions and frozen dataclasses; no files, no widgets. The command-line tool is upperback.experiment.
"""

from __future__ import annotations

import itertools
import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from upperback.models.course.warning_signs import ACTIONS, TIERS, DoctorCheck, most_serious
from upperback.models.records.checkin_log import CHANGES, CheckIn
from upperback.models.statistics.student_t import student_t_cdf, student_t_quantile

WITH, WITHOUT = "with", "without"

# The plan. Our choice (issue #27): 6 pairs is two or three weeks of running; fewer than 4 cannot tell
# the change from run-to-run swings, and more than 10 asks a runner to keep the plan for over a month.
PAIRS_DEFAULT = 6
PAIRS_FEWEST, PAIRS_MOST = 4, 10

# The answer. Our choice: a 90 % interval, whose halves are the one-sided 5 % tests; 1 point out of 10 as the
# smallest change worth having (the issue's); the usual 1 in 20 for "unlikely to be chance".
INTERVAL_LEVEL = 0.90
WORTHWHILE_POINTS = 1.0
CHANCE_LEVEL = 0.05
NOW_AND_THEN = 0.2  # our choice: a gap chance gives 1 time in 5 or more is "often"
FEWEST_PAIRS_FOR_AN_ANSWER = 2  # our choice: one difference has no spread to judge it by

# Safety. Our choice (issue #27): a strong ache on two runs pauses the experiment until it is looked at.
PAUSE_ACHE = 7
PAUSE_RUNS = 2

# Watch figures. Our choice: "most runs" is three in four, and at least 4 runs, so the usual run is known; a
# run "differs a lot" when its distance is over 1.5 times or under two thirds of your usual (median)
# distance, or its pace over 1.25 times or under 0.8 of your usual pace (an easy 6:00 per km against a
# 4:48 tempo run): a different kind of run, not the same run with or without the change.
MOST_RUNS_SHARE = 0.75
FEWEST_RUNS_FOR_USUAL = 4
ODD_DISTANCE_RATIO = 1.5
ODD_PACE_RATIO = 1.25
# Distance held level. Our choice: a line through the k differences has k - 2 degrees of freedom, so 5 pairs
# leave 3; distances within 0.1 km are the same run as far as a watch can tell.
FEWEST_PAIRS_FOR_DISTANCE = 5
SAME_DISTANCE_KM = 0.1

# Power. Assumption: ache swings by about 1.5 points (one standard deviation) from run to run around a usual
# level of 5 out of 10, as whole numbers clipped to 0-10 (the figure). Our choice: the seed.
RUN_TO_RUN_SD_POINTS = 1.5
USUAL_ACHE_POINTS = 5.0
POWER_SEED = 2026_12_03
POWER_EXPERIMENTS = 20_000  # our choice: a standard error of at most 0.004 for each quoted share
# The shares the lesson quotes: how often the verdict "the change helped" comes out, by effect (points lower
# with the change) and number of pairs. From power_table() with the seed above, rounded to 2 decimals (a
# test reruns it with another seed). Assumption: the run-to-run swing above.
POWER_QUOTED = {
    (2, 4): 0.42, (2, 6): 0.62, (2, 8): 0.76, (2, 10): 0.85,
    (1, 4): 0.18, (1, 6): 0.24, (1, 8): 0.32, (1, 10): 0.39,
}

METHOD = (
    "Randomised pairs: in each pair of runs a fair draw chose the run with the change. Effect: the mean of the "
    "pair differences (ache with the change minus ache without). 90 % interval: the t-interval on the "
    "differences, which is also the central 90 % of the effect's posterior under a flat prior; probability of "
    "helping by at least 1 point: that posterior's P(effect <= -1). Verdict: the change helped when the whole "
    "90 % interval is below 0 (one-sided 5 %). p-value: exact randomisation test over all 2^k sign flips of "
    "the differences, two-sided, as scipy.stats.permutation_test defines it."
)
CANNOT_TELL = (
    "You knew which runs had the change (no blinding), and expecting less ache can bring less ache.",
    "It is about you alone: another runner may gain more, less or nothing.",
    ("It sees only what shows within a pair of runs: an effect that builds up over weeks, or a habit you learned "
     "on the runs with the change and kept on the runs without it, makes the gap look smaller than it is."),
)


# --------------------------------------------------------------------------------------------------------
# The schedule


@dataclass(frozen=True)
class PlannedRun:
    run_number: int  # 1 to 2k, in the order you run them
    pair_number: int  # 1 to k
    with_change: bool


@dataclass(frozen=True)
class Schedule:
    """Which run of each pair uses the change: ("with", "without", "without", "with", ...), one per run."""

    arms: tuple[str, ...]

    def __post_init__(self):
        arms = tuple(self.arms)
        object.__setattr__(self, "arms", arms)
        if len(arms) % 2 or not PAIRS_FEWEST <= len(arms) // 2 <= PAIRS_MOST:
            raise ValueError(f"a schedule has two runs for each of {PAIRS_FEWEST} to {PAIRS_MOST} pairs, "
                             f"not {len(arms)} runs")
        for pair in range(len(arms) // 2):
            if arms[2 * pair:2 * pair + 2] not in ((WITH, WITHOUT), (WITHOUT, WITH)):
                raise ValueError(f"pair {pair + 1} of the schedule must have one run 'with' and one 'without' "
                                 "the change")

    @property
    def pairs(self) -> int:
        return len(self.arms) // 2

    @property
    def runs(self) -> int:
        return len(self.arms)

    def run(self, run_number: int) -> PlannedRun:
        """What run ``run_number`` (1 to 2k) of the plan is: its pair, and whether it uses the change."""
        if isinstance(run_number, bool) or not isinstance(run_number, int) or not 1 <= run_number <= self.runs:
            raise ValueError(f"your experiment has runs 1 to {self.runs}; there is no run {run_number!r}")
        return PlannedRun(run_number, (run_number + 1) // 2, self.arms[run_number - 1] == WITH)

    def as_list(self) -> list[str]:
        """The schedule to store (JSON-ready); ``Schedule.from_list`` reads it back."""
        return list(self.arms)

    @classmethod
    def from_list(cls, arms: Sequence[str]) -> Schedule:
        if isinstance(arms, str) or not all(isinstance(arm, str) for arm in arms):
            raise ValueError("a stored schedule is a list of 'with' and 'without', one for each run")
        return cls(tuple(arms))


def make_schedule(pairs: int = PAIRS_DEFAULT, seed: int | str | None = None,
                  random_source: random.Random | None = None) -> Schedule:
    """A fresh schedule of ``pairs`` randomised pairs: a fair draw (a coin toss) per pair decides which of
    its two runs uses the change. The same ``seed`` gives the same schedule; ``random_source`` lets a caller
    (or a test) supply the draws. Without either, the draws are unpredictable."""
    if isinstance(pairs, bool) or not isinstance(pairs, int) or not PAIRS_FEWEST <= pairs <= PAIRS_MOST:
        raise ValueError(f"an experiment has {PAIRS_FEWEST} to {PAIRS_MOST} pairs of runs; {pairs!r} pairs "
                         "cannot be planned")
    if random_source is not None and seed is not None:
        raise ValueError("give a seed or a random source, not both")
    draws = random.Random(seed) if random_source is None else random_source
    arms: list[str] = []
    for _ in range(pairs):
        arms += [WITH, WITHOUT] if draws.random() < 0.5 else [WITHOUT, WITH]
    return Schedule(tuple(arms))


# --------------------------------------------------------------------------------------------------------
# The runs as logged


@dataclass(frozen=True)
class LoggedRun:
    """One run of the experiment as you logged it."""

    run_date: date
    ache: int | None  # 0 (none) to 10 (worst); None when no ache was logged
    change_done: bool  # you used the change on this run
    km: float | None = None
    minutes: float | None = None
    warning_tier: str | None = None  # a warning sign came with this run (a tier of warning_signs), still open

    def __post_init__(self):
        if not isinstance(self.run_date, date):
            raise ValueError(f"a run's date must be a date, not {self.run_date!r}")  # noqa: TRY004 (STYLE.md)
        if self.ache is not None and (isinstance(self.ache, bool) or not isinstance(self.ache, int)
                                      or not 0 <= self.ache <= 10):
            raise ValueError(f"the ache must be a whole number from 0 to 10, not {self.ache!r}")
        for name in ("km", "minutes"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)
                                      or not 0 < value < math.inf):
                raise ValueError(f"a run's {name} must be a number above 0, not {value!r}")
        if self.warning_tier is not None and self.warning_tier not in TIERS:
            raise ValueError(f"{self.warning_tier!r} is not a warning tier ({', '.join(TIERS)})")

    @property
    def pace_min_per_km(self) -> float | None:
        return self.minutes / self.km if self.km and self.minutes else None


def logged_run_from_check_in(entry: CheckIn, change: str, doctor_check: DoctorCheck | None = None) -> LoggedRun:
    """A check-in of the run log as a run of the experiment testing ``change`` (a key of CHANGES): the change
    counts as done when the check-in says it was. A warning sign counts unless a doctor's check covers it."""
    if change not in CHANGES:
        raise ValueError(f"{change!r} is not one of the changes to try ({', '.join(CHANGES)})")
    return LoggedRun(date.fromisoformat(entry.run_date), entry.ache, change in entry.changed, entry.km,
                     entry.minutes, entry.warning_tier if entry.warning_open(doctor_check) else None)


@dataclass(frozen=True)
class RunPair:
    pair_number: int  # 1 to k
    with_run: LoggedRun | None  # the run the draw gave the change; None when not logged
    without_run: LoggedRun | None


def pair_up(schedule: Schedule, runs: Sequence[LoggedRun | None]) -> list[RunPair]:
    """The logged runs in the schedule's pairs. ``runs[i]`` is run i + 1 of the plan (None: missed); a list
    shorter than the plan is an experiment still going."""
    if len(runs) > schedule.runs:
        raise ValueError(f"{len(runs)} runs are logged but your experiment has {schedule.runs}")
    padded = list(runs) + [None] * (schedule.runs - len(runs))
    pairs = []
    for number in range(1, schedule.pairs + 1):
        first, second = padded[2 * number - 2], padded[2 * number - 1]
        with_first = schedule.run(2 * number - 1).with_change
        pairs.append(RunPair(number, first if with_first else second, second if with_first else first))
    return pairs


# --------------------------------------------------------------------------------------------------------
# The statistics (vectorised: a row per experiment, so the simulations use the very same code)


def _as_rows(differences) -> np.ndarray:
    rows = np.asarray(differences, dtype=float)
    return rows[np.newaxis, :] if rows.ndim == 1 else rows


FLIPS_PER_BATCH = 2_000_000  # our bound: about 16 MB of flipped differences at a time


def randomisation_p_values(differences) -> tuple[np.ndarray, np.ndarray]:
    """The exact randomisation test over all 2^k sign flips of the k pair differences (one row per experiment).

    Returns (two-sided p, one-sided p in the helpful direction: a mean this low or lower). Equal to
    scipy.stats.permutation_test on (with, without) with permutation_type='samples', n_resamples=inf and
    statistic = mean difference, including its relative tolerance for ties (100 machine epsilons)."""
    rows = _as_rows(differences)
    k = rows.shape[1]
    if k == 0:
        raise ValueError("the randomisation test needs at least one pair")
    signs = np.array(list(itertools.product((1.0, -1.0), repeat=k)))  # the draws as they fell come first
    at_most, at_least = np.empty(len(rows)), np.empty(len(rows))
    batch = max(1, FLIPS_PER_BATCH // (len(signs) * k))
    for start in range(0, len(rows), batch):
        null = (rows[start:start + batch, np.newaxis, :] * signs).mean(axis=-1)
        observed = null[:, :1]
        tolerance = np.abs(observed) * np.finfo(float).eps * 100
        at_most[start:start + batch] = np.count_nonzero(null <= observed + tolerance, axis=1) / len(signs)
        at_least[start:start + batch] = np.count_nonzero(null >= observed - tolerance, axis=1) / len(signs)
    return np.clip(2 * np.minimum(at_most, at_least), 0.0, 1.0), at_most


def _t_summary(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    k = rows.shape[1]
    mean = rows.mean(axis=1)
    spread = rows.std(axis=1, ddof=1) if k >= 2 else np.zeros(len(rows))
    spread = np.where(np.ptp(rows, axis=1) == 0, 0.0, spread)  # all equal: exactly no spread
    return mean, spread / math.sqrt(k), k - 1


def intervals_90(differences) -> tuple[np.ndarray, np.ndarray]:
    """The 90 % t-interval on the mean difference for each row; NaN where there is no spread to judge by
    (fewer than 2 pairs, or every difference the same): no interval beats a false one of zero width."""
    rows = _as_rows(differences)
    mean, standard_error, degrees = _t_summary(rows)
    if degrees < 1:
        nan = np.full(len(rows), np.nan)
        return nan, nan
    half = student_t_quantile(0.5 + INTERVAL_LEVEL / 2, degrees) * standard_error
    half = np.where(standard_error > 0, half, np.nan)
    return mean - half, mean + half


def helped(differences) -> np.ndarray:
    """The verdict for each row: the whole 90 % interval is below 0 (one-sided 5 %). The lesson, the answer
    and the power figures all use this rule."""
    _, upper = intervals_90(differences)
    return np.nan_to_num(upper, nan=np.inf) < 0


def probability_helps(differences, by_points: float = WORTHWHILE_POINTS) -> float | None:
    """P(effect <= -by_points) under a flat prior: the posterior of the effect is a t with k - 1 degrees of
    freedom, centred on the mean difference, scaled by its standard error [Gelman2013] §3.2. None where
    there is no spread to judge by."""
    rows = _as_rows(differences)
    if len(rows) != 1:
        raise ValueError("give the differences of one experiment")
    mean, standard_error, degrees = _t_summary(rows)
    if degrees < 1 or standard_error[0] == 0:
        return None
    return student_t_cdf((-by_points - mean[0]) / standard_error[0], degrees)


def simulated_differences(pairs: int, effect_points: float, experiments: int, rng: np.random.Generator,
                          usual_ache_points: float = USUAL_ACHE_POINTS,
                          run_to_run_sd_points: float = RUN_TO_RUN_SD_POINTS) -> np.ndarray:
    """Pair differences of simulated experiments (one row each): each run's ache is the usual level, lowered
    by ``effect_points`` on the run with the change, plus a normal swing, rounded to a whole number and kept
    within 0-10 as a runner would log it."""
    def aches(level: float) -> np.ndarray:
        swing = rng.normal(0.0, run_to_run_sd_points, (experiments, pairs))
        return np.clip(np.rint(level + swing), 0, 10)
    return aches(usual_ache_points - effect_points) - aches(usual_ache_points)


def power_table(effects_points: Sequence[float] = (1, 2), pair_counts: Sequence[int] = (4, 6, 8, 10),
                experiments: int = POWER_EXPERIMENTS, seed: int = POWER_SEED,
                run_to_run_sd_points: float = RUN_TO_RUN_SD_POINTS) -> dict[tuple[float, int], float]:
    """How often the verdict "the change helped" comes out when the change lowers the ache by each effect, for
    each number of pairs: {(effect_points, pairs): share of simulated experiments}."""
    rng = np.random.default_rng(seed)
    return {(effect, pairs): float(helped(simulated_differences(
        pairs, effect, experiments, rng, run_to_run_sd_points=run_to_run_sd_points)).mean())
        for effect in effects_points for pairs in pair_counts}


# --------------------------------------------------------------------------------------------------------
# The answer


@dataclass(frozen=True)
class SkippedPair:
    pair_number: int
    reason: str  # in plain words


@dataclass(frozen=True)
class DistanceLevel:
    """The effect with distance held level: a line through the pair differences against the difference in
    km within each pair; where the line crosses equal distance is the effect at equal distance."""

    effect_points: float | None
    interval_90_points: tuple[float, float] | None
    pairs: int  # the pairs with both distances
    sentence: str


@dataclass(frozen=True)
class ExperimentAnswer:
    """What the experiment shows, in numbers and in words. Numbers are None where they would mislead."""

    status: str  # "finished", "going", "stopped_by_you", "paused_strong_ache", "stopped_warning_sign"
    pairs_planned: int
    pairs_used: tuple[int, ...]  # pair numbers
    pairs_skipped: tuple[SkippedPair, ...]
    differences_points: tuple[int | float, ...]  # ache with minus without, for each pair used
    effect_points: float | None  # the mean difference: negative is less ache with the change
    interval_90_points: tuple[float, float] | None
    probability_helps_1_point: float | None
    p_value: float | None  # exact randomisation test, two-sided
    p_value_helps: float | None  # the same test, one-sided: a mean this low or lower
    helped: bool  # the verdict: the whole 90 % interval below 0
    distance_level: DistanceLevel | None
    answer: tuple[str, ...]  # the plain-words answer, most important first
    cannot_tell: tuple[str, ...]
    method: str = METHOD

    @property
    def smallest_possible_p(self) -> float | None:
        return 2 / 2 ** len(self.pairs_used) if self.pairs_used else None

    def as_dict(self) -> dict:
        """The answer as JSON-ready data (the command line's --json)."""
        def rounded(value):
            return None if value is None else round(float(value), 4)
        distance = self.distance_level
        return {
            "status": self.status,
            "pairs_planned": self.pairs_planned,
            "pairs_used": list(self.pairs_used),
            "pairs_skipped": [{"pair": s.pair_number, "reason": s.reason} for s in self.pairs_skipped],
            "differences": list(self.differences_points),
            "effect": rounded(self.effect_points),
            "interval_90": None if self.interval_90_points is None else [rounded(v) for v in self.interval_90_points],
            "p_value": self.p_value,
            "p_value_helps": self.p_value_helps,
            "smallest_possible_p": self.smallest_possible_p,
            "probability_helps_1_point": rounded(self.probability_helps_1_point),
            "helped": self.helped,
            "effect_distance_level": None if distance is None else rounded(distance.effect_points),
            "interval_90_distance_level": (None if distance is None or distance.interval_90_points is None
                                           else [rounded(v) for v in distance.interval_90_points]),
            "distance_level": None if distance is None else distance.sentence,
            "answer": list(self.answer),
            "cannot_tell": list(self.cannot_tell),
            "method": self.method,
        }


def _points(value: float) -> str:
    text = f"{abs(value):.1f}"
    return f"{text} point" if text == "1.0" else f"{text} points"


def _lower_or_higher(value: float) -> str:
    """-1.5 -> '1.5 lower', 0.5 -> '0.5 higher', about 0 -> 'about the same'."""
    if abs(value) < 0.05:
        return "about the same"
    return f"{abs(value):.1f} {'lower' if value < 0 else 'higher'}"


WIDEST_DIFFERENCE_POINTS = 10  # our bound: the ache scale's own width, no gap between two runs is bigger


def _range_words(low: float, high: float) -> str:
    if low < -WIDEST_DIFFERENCE_POINTS and high > WIDEST_DIFFERENCE_POINTS:  # a range wider than the scale itself
        return "anywhere on the 0 to 10 scale: too few pairs to narrow it down"
    if high < -0.05 or low > 0.05:  # both ends on one side
        word = "lower" if high < 0 else "higher"
        near, far = sorted((abs(low), abs(high)))
        return f"between {near:.1f} and {far:.1f} {word}"
    return f"between {_lower_or_higher(low)} and {_lower_or_higher(high)}"


def _in_ten(probability: float) -> str:
    if probability < 0.05:
        return "less than 1 in 20"
    if probability > 0.95:
        return "more than 19 in 20"
    return f"about {round(probability * 10)} in 10"


def _effect_sentence(effect: float) -> str:
    if abs(effect) < 0.05:
        return "Your ache was about the same on runs with and without the change"
    return f"Your ache was {_points(effect)} {'lower' if effect < 0 else 'higher'} on runs with the change"


def _chance_sentences(p_value: float, pairs: int) -> list[str]:
    ways = 2 ** pairs
    as_big = min(ways, round(p_value * ways))
    how_often = ("rarely, so it is unlikely to be chance" if p_value < CHANCE_LEVEL else
                 "now and then, so chance cannot be ruled out" if p_value < NOW_AND_THEN else
                 "often, so it could well be chance")
    sentences = [(
        f"If the change did nothing, the draws alone would give a gap at least this big, either way, in "
        f"{'all' if as_big == ways else as_big} of the {ways} ways they could have fallen (p = {p_value:.3g}): "
        f"{how_often}.")]
    if 2 / ways >= CHANCE_LEVEL:
        sentences.append(f"With {pairs} pairs even the clearest result turns up by chance in 2 of {ways} ways "
                         f"(p = {2 / ways:.3g}), so this test cannot say 'unlikely to be chance'; 6 pairs can.")
    return sentences


def _usual(values: list[float]) -> float:
    return statistics.median(values)


def _odd_run_reason(run: LoggedRun | None, usual_km: float | None, usual_pace: float | None) -> str | None:
    if run is None:
        return None
    if usual_km and run.km and not 1 / ODD_DISTANCE_RATIO <= run.km / usual_km <= ODD_DISTANCE_RATIO:
        return (f"the run on {run.run_date.isoformat()} was {run.km:.1f} km, far from your usual "
                f"{usual_km:.1f} km (our line: more than {ODD_DISTANCE_RATIO:g} times or less than "
                f"{1 / ODD_DISTANCE_RATIO:.2g} of it)")
    pace = run.pace_min_per_km
    if usual_pace and pace and not 1 / ODD_PACE_RATIO <= pace / usual_pace <= ODD_PACE_RATIO:
        return (f"the run on {run.run_date.isoformat()} was at {_pace_words(pace)} per km, far from your usual "
                f"{_pace_words(usual_pace)} (our line: more than {ODD_PACE_RATIO:g} times or less than "
                f"{1 / ODD_PACE_RATIO:g} of it)")
    return None


def _pace_words(min_per_km: float) -> str:
    seconds = round(min_per_km * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


def _most(runs: list[LoggedRun], has) -> list[LoggedRun]:
    """The runs that have a figure, if most runs have it (else none)."""
    having = [run for run in runs if has(run)]
    return having if len(having) >= max(FEWEST_RUNS_FOR_USUAL, MOST_RUNS_SHARE * len(runs)) else []


def _skip_reason(pair: RunPair, usual_km: float | None, usual_pace: float | None) -> str | None:
    with_run, without_run = pair.with_run, pair.without_run
    if with_run is None and without_run is None:
        return "neither run was logged"
    for run, name in ((with_run, "with"), (without_run, "without")):
        if run is None:
            return f"the run {name} the change was not logged"
        if run.ache is None:
            return f"no ache was logged for the run on {run.run_date.isoformat()}"
    if with_run.change_done and without_run.change_done:
        return "the change was used on both runs"
    if not with_run.change_done and not without_run.change_done:
        return "the change was used on neither run"
    if not with_run.change_done:
        return "the change was used on the run drawn without it, not on the run drawn with it"
    for run in (with_run, without_run):
        reason = _odd_run_reason(run, usual_km, usual_pace)
        if reason:
            return reason
    return None


def _distance_level(used: list[RunPair], differences: list[float]) -> DistanceLevel:
    both = [(pair, d) for pair, d in zip(used, differences) if pair.with_run.km and pair.without_run.km]
    if len(both) < FEWEST_PAIRS_FOR_DISTANCE:
        return DistanceLevel(None, None, len(both), (
            f"Holding distance level needs at least {FEWEST_PAIRS_FOR_DISTANCE} complete pairs with both "
            f"distances; you have {len(both)}."))
    km_gap = np.array([pair.with_run.km - pair.without_run.km for pair, _ in both])
    gaps = np.array([d for _, d in both], dtype=float)
    if np.all(np.abs(km_gap) < SAME_DISTANCE_KM):
        return DistanceLevel(None, None, len(both), (
            "The two runs of each pair were the same distance, so the answer above is already at equal distance."))
    if np.ptp(km_gap) < SAME_DISTANCE_KM:
        return DistanceLevel(None, None, len(both), (
            "The runs with the change were longer or shorter by the same distance in every pair, so distance and "
            "the change cannot be told apart."))
    design = np.column_stack([np.ones(len(both)), km_gap])
    coefficients = np.linalg.lstsq(design, gaps, rcond=None)[0]
    intercept, residuals = float(coefficients[0]), gaps - design @ coefficients
    degrees = len(both) - 2
    residual_variance = float(residuals @ residuals) / degrees
    if residual_variance < 1e-12:  # our bound: a float's rounding, not a spread
        return DistanceLevel(intercept, None, len(both), (
            "With distance held level the pairs line up exactly, which leaves no spread to say how sure to be."))
    standard_error = math.sqrt(residual_variance * np.linalg.inv(design.T @ design)[0, 0])
    half = student_t_quantile(0.5 + INTERVAL_LEVEL / 2, degrees) * standard_error
    low, high = intercept - half, intercept + half
    return DistanceLevel(intercept, (float(low), float(high)), len(both), (
        f"With distance held level (as if both runs of each pair were the same length): "
        f"{_effect_sentence(intercept).lower()} (most likely {_range_words(low, high)}), from the {len(both)} "
        "pairs with both distances."))


def analyse_pairs(pairs: Sequence[RunPair], planned_pairs: int | None = None,
                  stopped_by_runner: bool = False) -> ExperimentAnswer:
    """The answer from the pairs of an experiment (see ``analyse_experiment``). ``planned_pairs`` defaults to
    the number of pairs given."""
    planned = len(pairs) if planned_pairs is None else planned_pairs
    if planned > PAIRS_MOST or len(pairs) > planned:
        raise ValueError(f"an experiment has at most {PAIRS_MOST} pairs of runs; this one has {len(pairs)}")
    runs = [run for pair in pairs for run in (pair.with_run, pair.without_run) if run is not None]
    runs.sort(key=lambda run: run.run_date)

    warned = [run for run in runs if run.warning_tier]
    if warned:  # a warning wins: stopped at once, and no number that could read as a benefit
        dates = ", ".join(sorted({run.run_date.isoformat() for run in warned}))
        words = ((f"A warning sign came with your run on {dates}. The experiment stopped there and shows no "
                  "result: an ache that eases on some runs can be the warning sign itself, not the change working."),
                 *(ACTIONS[tier] for tier in most_serious(run.warning_tier for run in warned)))
        return _withheld("stopped_warning_sign", planned, pairs, "the experiment stopped at a warning sign", words)
    strong = [run for run in runs if run.ache is not None and run.ache >= PAUSE_ACHE]
    if len(strong) >= PAUSE_RUNS:
        dates = ", ".join(run.run_date.isoformat() for run in strong)
        words = ((f"Your ache was {PAUSE_ACHE} or more out of 10 on {len(strong)} runs ({dates}). The experiment "
                  "is paused: get the ache looked at by a doctor or a physiotherapist before you go on."),
                 "Its numbers wait until then: an experiment is no reason to run through a strong ache.")
        return _withheld("paused_strong_ache", planned, pairs, "the experiment is paused for a strong ache", words)

    last_logged = max((pair.pair_number for pair in pairs if pair.with_run or pair.without_run), default=0)
    usual_km_runs = _most(runs, lambda run: run.km)
    usual_km = _usual([run.km for run in usual_km_runs]) if usual_km_runs else None
    pace_runs = _most(runs, lambda run: run.pace_min_per_km)
    usual_pace = _usual([run.pace_min_per_km for run in pace_runs]) if pace_runs else None
    used, skipped, to_come = [], [], 0
    for pair in pairs:
        if pair.pair_number > last_logged:
            if stopped_by_runner:
                skipped.append(SkippedPair(pair.pair_number, "not run: you stopped the experiment"))
            else:
                to_come += 1
            continue
        reason = _skip_reason(pair, usual_km, usual_pace)
        if reason:
            skipped.append(SkippedPair(pair.pair_number, reason))
        else:
            used.append(pair)
    differences = [pair.with_run.ache - pair.without_run.ache for pair in used]
    status = "stopped_by_you" if stopped_by_runner else "going" if to_come else "finished"
    progress = {
        "stopped_by_you": f"You stopped after {last_logged} of {planned} pairs; the answer uses the pairs you "
                          "finished.",
        "going": f"{last_logged} of {planned} pairs run so far: the answer may still change.",
        "finished": "",
    }[status]
    words: list[str] = []
    k = len(differences)
    effect = interval = probability = p_value = p_helps = distance = None
    verdict = False
    if k == 0:
        words.append("No complete pairs yet. A pair counts when both runs have an ache and the change was used on "
                     "the run drawn for it and not on the other.")
    elif k < FEWEST_PAIRS_FOR_AN_ANSWER:
        pair = used[0]
        words.append(f"One complete pair so far: ache {pair.with_run.ache} with the change and "
                     f"{pair.without_run.ache} without. One pair cannot tell the change from the ordinary swing "
                     f"from run to run; the answer starts at {FEWEST_PAIRS_FOR_AN_ANSWER} complete pairs.")
    else:
        effect = statistics.fmean(differences)
        two_sided, one_sided = randomisation_p_values(differences)
        p_value, p_helps = float(two_sided[0]), float(one_sided[0])
        low, high = (float(v[0]) for v in intervals_90(differences))
        if len(set(differences)) == 1:
            same = ("the same" if effect == 0 else
                    f"{_points(effect)} {'lower' if effect < 0 else 'higher'} with the change")
            words.append(f"All {k} pairs gave the same difference: your ache was {same} every time. With no "
                         "spread at all the numbers cannot say how sure to be (a range of zero width would be "
                         "false certainty); a few more pairs will show how much your ache swings from run to run.")
        else:
            interval = (low, high)
            probability = probability_helps(differences)
            verdict = bool(helped(differences)[0])
            words.append(f"{_effect_sentence(effect)} (most likely {_range_words(low, high)}).")
            if verdict:
                words.append("The whole likely range is below zero: the change helped.")
            elif low > 0:
                words.append("The whole likely range is above zero: your ache was higher with the change.")
            else:
                words.append("The likely range includes no difference, so this experiment has not shown "
                             "whether the change helps.")
            words.append(f"How likely the change helps by at least {WORTHWHILE_POINTS:g} point: "
                         f"{_in_ten(probability)}.")
        words += _chance_sentences(p_value, k)
        if verdict and p_value >= CHANCE_LEVEL:
            words.append("The exact test asks more than the range does: it looks for a gap either way, and it "
                         "assumes nothing about how your ache swings.")
        if _most(runs, lambda run: run.km):
            distance = _distance_level(used, differences)
            words.append(distance.sentence)
    if progress:
        words.append(progress)
    return ExperimentAnswer(status, planned, tuple(pair.pair_number for pair in used), tuple(skipped),
                            tuple(differences), effect, interval, probability, p_value, p_helps, verdict, distance,
                            tuple(words), CANNOT_TELL)


def _withheld(status: str, planned: int, pairs: Sequence[RunPair], reason: str, words) -> ExperimentAnswer:
    skipped = tuple(SkippedPair(pair.pair_number, reason) for pair in pairs)
    return ExperimentAnswer(status, planned, (), skipped, (), None, None, None, None, None, False, None,
                            tuple(words), ())


def analyse_experiment(schedule: Schedule, runs: Sequence[LoggedRun | None],
                       stopped_by_runner: bool = False) -> ExperimentAnswer:
    """The answer to your experiment so far.

    ``runs[i]`` is run i + 1 of the schedule as logged (None where it was missed); a shorter list is an
    experiment still going. A pair is used when both runs have an ache, the change was used on the run drawn
    with it and not on the other, and (when most runs have watch figures) neither run's distance or pace
    differs a lot from your usual. A warning sign at any run stops the experiment and withholds every number;
    an ache of 7 or more on two runs pauses it with advice to get it looked at."""
    return analyse_pairs(pair_up(schedule, runs), schedule.pairs, stopped_by_runner)
