"""Lesson 06, your experiment: the schedule of randomised pairs, the exact randomisation test (against scipy),
the 90 % interval and the probability of helping (proved by simulation), the power figures the lesson quotes,
every edge case in plain words, and the command-line tool. scipy is the reference here and only here."""

from __future__ import annotations

import ast
import itertools
import json
import math
import os
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from upperback.delivery.experiment_command import runs_from_csv
from upperback.models.course.warning_signs import ACTIONS, EFFORT, EMERGENCY, DoctorCheck
from upperback.models.records import experiment as ex
from upperback.models.records.checkin_log import validate_check_in
from upperback.models.statistics.student_t import student_t_cdf, student_t_quantile

ROOT = Path(__file__).resolve().parents[1]
FIRST_RUN = date(2026, 11, 2)
SD = 1.5  # the run-to-run swing, points


def runs_for(schedule, with_aches, without_aches, km=None, minutes=None, warning_at=None, done=None):
    """The schedule's runs as logged: the aches of each pair's run with and without the change."""
    runs = []
    for index, arm in enumerate(schedule.arms):
        pair = index // 2
        if pair >= len(with_aches):
            break
        uses = arm == ex.WITH
        runs.append(ex.LoggedRun(
            FIRST_RUN + timedelta(days=2 * index), (with_aches if uses else without_aches)[pair],
            uses if done is None else done[index], None if km is None else km[index],
            None if minutes is None else minutes[index], EMERGENCY if warning_at == index else None))
    return runs


SIX = ex.make_schedule(6, seed=1)
HELPS = ([3, 2, 4, 3, 2, 3], [5, 4, 4, 5, 3, 5])  # differences -2 -2 0 -2 -1 -2: 1.5 points lower


# ------------------------------------------------------------------------------------------------------
# Student's t without scipy


@pytest.mark.parametrize("degrees", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 1000, 0.5, 2.5])
def test_the_t_distribution_without_scipy_matches_scipy_to_one_in_a_billion(degrees):
    rng = np.random.default_rng(int(degrees * 10))
    for t in [*rng.normal(0, 4, 60), 0.0, 1e-9, -1e-9, 40.0, -40.0, 1e6]:
        assert student_t_cdf(float(t), degrees) == pytest.approx(stats.t.cdf(t, degrees), abs=1e-9)
    for p in [*rng.uniform(0, 1, 60), 0.05, 0.95, 0.5, 1e-6, 1 - 1e-6]:
        expected = stats.t.ppf(p, degrees)
        assert student_t_quantile(float(p), degrees) == pytest.approx(expected, abs=1e-9 * max(1, abs(expected)))


def test_the_t_functions_refuse_impossible_input_in_plain_words():
    with pytest.raises(ValueError, match="between 0 and 1"):
        student_t_quantile(1.0, 5)
    with pytest.raises(ValueError, match="degrees of freedom"):
        student_t_cdf(1.0, 0)


# ------------------------------------------------------------------------------------------------------
# The schedule


def test_a_schedule_has_six_pairs_by_default_each_with_one_run_using_the_change():
    schedule = ex.make_schedule(seed=7)
    assert schedule.pairs == 6 and schedule.runs == 12
    for pair in range(6):
        assert sorted(schedule.arms[2 * pair:2 * pair + 2]) == ["with", "without"]


def test_the_same_seed_gives_the_same_schedule_and_a_stored_schedule_reads_back():
    schedule = ex.make_schedule(8, seed="runner-42")
    assert schedule == ex.make_schedule(8, seed="runner-42")
    stored = json.loads(json.dumps(schedule.as_list()))
    assert ex.Schedule.from_list(stored) == schedule
    assert len({tuple(ex.make_schedule(8, seed=seed).arms) for seed in range(20)}) > 10


def test_an_injected_random_source_makes_the_draws():
    class Draws(random.Random):
        def __init__(self, values):
            super().__init__(0)
            self.values = iter(values)

        def random(self):
            return next(self.values)

    schedule = ex.make_schedule(4, random_source=Draws([0.1, 0.9, 0.49, 0.5]))
    assert schedule.as_list() == ["with", "without", "without", "with", "with", "without", "without", "with"]


def test_each_pair_is_a_fair_draw():
    firsts = [ex.make_schedule(10, seed=seed).arms[0::2].count("with") for seed in range(400)]
    share = sum(firsts) / (400 * 10)
    assert abs(share - 0.5) < 4 * math.sqrt(0.25 / 4000)


def test_run_n_tells_its_pair_and_whether_it_uses_the_change():
    schedule = ex.Schedule.from_list(["without", "with", "with", "without", "with", "without", "without", "with"])
    assert schedule.run(1) == ex.PlannedRun(1, 1, False)
    assert schedule.run(2) == ex.PlannedRun(2, 1, True)
    assert schedule.run(7) == ex.PlannedRun(7, 4, False)
    with pytest.raises(ValueError, match="runs 1 to 8; there is no run 9"):
        schedule.run(9)


@pytest.mark.parametrize("pairs", [3, 11, 0, -6, "6", 6.0, True])
def test_fewer_than_four_or_more_than_ten_pairs_are_refused_in_plain_words(pairs):
    with pytest.raises(ValueError, match="an experiment has 4 to 10 pairs of runs"):
        ex.make_schedule(pairs)


@pytest.mark.parametrize("arms", [["with", "with"] * 4, ["with", "without"] * 3, ["with", "without", "maybe",
                                                                                   "without"] * 2, "withwithout"])
def test_a_stored_schedule_that_is_not_pairs_of_with_and_without_is_refused(arms):
    with pytest.raises(ValueError, match="schedule"):
        ex.Schedule.from_list(arms)


# ------------------------------------------------------------------------------------------------------
# The exact randomisation test, against scipy


def scipy_p(with_aches, without_aches, alternative="two-sided"):
    def mean_difference(x, y, axis):
        return np.mean(x - y, axis=axis)
    return stats.permutation_test((np.asarray(with_aches, float), np.asarray(without_aches, float)),
                                  mean_difference, permutation_type="samples", alternative=alternative,
                                  n_resamples=np.inf, vectorized=True).pvalue


def data_sets():
    rng = np.random.default_rng(27)
    sets = [([5] * 6, [5] * 6), ([3] * 6, [5] * 6), ([0, 10, 3, 3], [0, 10, 3, 3]), ([4, 5], [5, 4]),
            ([2, 3, 2, 3, 2], [3, 2, 3, 2, 3]), ([1, 1, 1, 1, 1, 1, 1, 2], [2] * 8),
            ([0.5, 1.25, 3.0], [1.25, 0.5, 3.0]), ([0.1, 0.2, 0.3, 0.4], [0.2, 0.4, 0.6, 0.8]),
            ([0.7, -0.6, -0.8, 0.7, -0.9], [0.0] * 5)]  # tenths: flips that tie only within float rounding
    for k in range(2, 11):  # scipy needs two pairs or more
        for _ in range(4):
            sets.append((list(rng.integers(0, 11, k)), list(rng.integers(0, 11, k))))
        level = rng.integers(2, 8)
        sets.append((list(level + rng.integers(-1, 2, k)), [level] * k))  # many ties and zeros
        sets.append((list(rng.normal(3, 2, k)), list(rng.normal(4, 2, k))))
    return sets


@pytest.mark.parametrize(("with_aches", "without_aches"), data_sets())
def test_the_randomisation_p_value_is_exactly_scipys_permutation_test(with_aches, without_aches):
    differences = np.asarray(with_aches, float) - np.asarray(without_aches, float)
    two_sided, helps = ex.randomisation_p_values(differences)
    assert two_sided[0] == scipy_p(with_aches, without_aches)
    assert helps[0] == scipy_p(with_aches, without_aches, alternative="less")


def test_one_pair_alone_can_never_look_unlike_chance():
    assert [p[0] for p in ex.randomisation_p_values([-3.0])] == [1.0, 0.5]


def test_the_answer_carries_scipys_p_value_for_the_aches_as_logged():
    answer = ex.analyse_experiment(SIX, runs_for(SIX, *HELPS))
    assert answer.p_value == scipy_p(*HELPS) == 0.0625 and answer.p_value_helps == scipy_p(*HELPS, "less")


def test_many_experiments_at_once_get_the_same_p_values_as_one_at_a_time():
    rows = np.random.default_rng(3).integers(-4, 5, (50, 7)).astype(float)
    together = ex.randomisation_p_values(rows)
    for index, row in enumerate(rows):
        assert (together[0][index], together[1][index]) == tuple(p[0] for p in ex.randomisation_p_values(row))


@pytest.mark.parametrize(("pairs", "smallest"), [(4, 0.125), (5, 0.0625), (6, 0.03125), (8, 2 / 256), (10, 2 / 1024)])
def test_the_smallest_two_sided_p_with_k_pairs_is_two_in_two_to_the_k(pairs, smallest):
    strongest = -np.arange(1, pairs + 1, dtype=float)  # every pair lower with the change
    assert ex.randomisation_p_values(strongest)[0][0] == smallest == scipy_p(np.zeros(pairs), -strongest)


def test_with_six_pairs_the_smallest_two_sided_p_is_one_in_thirty_two():
    answer = ex.analyse_experiment(SIX, runs_for(SIX, [2, 1, 3, 2, 1, 0], [5, 5, 6, 4, 6, 3]))
    assert answer.p_value == answer.smallest_possible_p == 1 / 32
    assert "in 2 of the 64 ways" in " ".join(answer.answer) and "unlikely to be chance" in " ".join(answer.answer)


def test_with_five_pairs_the_exact_test_can_never_say_unlikely_to_be_chance_and_the_answer_says_so():
    schedule = ex.make_schedule(5, seed=2)
    answer = ex.analyse_experiment(schedule, runs_for(schedule, [1, 1, 2, 0, 1], [5, 6, 7, 5, 6]))
    assert answer.p_value == 0.0625
    assert "With 5 pairs even the clearest result turns up by chance in 2 of 32 ways" in " ".join(answer.answer)


# ------------------------------------------------------------------------------------------------------
# The interval and the probability: matching scipy, and proved by simulation


def test_the_interval_and_the_probability_are_scipys_t_interval_and_t_posterior():
    differences = np.array(HELPS[0]) - np.array(HELPS[1])
    mean, scale = differences.mean(), stats.sem(differences)
    low, high = ex.intervals_90(differences)
    assert (low[0], high[0]) == pytest.approx(stats.t.interval(0.9, 5, loc=mean, scale=scale), abs=1e-9)
    assert ex.probability_helps(differences) == pytest.approx(stats.t.cdf(-1, 5, loc=mean, scale=scale), abs=1e-9)


def test_the_interval_ends_are_the_five_and_ninety_five_percent_points_of_the_same_posterior():
    differences = np.array([-3, -1, 0, -2, 1, -2, -1])
    low, high = (v[0] for v in ex.intervals_90(differences))
    assert ex.probability_helps(differences, by_points=-high) == pytest.approx(0.95, abs=1e-9)
    assert ex.probability_helps(differences, by_points=-low) == pytest.approx(0.05, abs=1e-9)


def expected_logged_ache(level):
    """The mean ache a runner logs when the ache swings normally about ``level``, rounded and kept in 0-10."""
    def below(x):
        return 0.5 * (1 + math.erf((x - level) / (SD * math.sqrt(2))))
    return sum(v * ((below(v + 0.5) if v < 10 else 1.0) - (below(v - 0.5) if v > 0 else 0.0)) for v in range(11))


def simulate(rng, pairs, usual, effect, experiments):
    """Independent of the model's simulator: aches as logged, with and without the change, per pair."""
    def logged(level):
        return np.clip(np.rint(level + rng.normal(0, SD, (experiments, pairs))), 0, 10)
    return logged(usual - effect) - logged(usual)


LEVELS, EFFECTS = (2, 5, 8), (0, 1, 2)  # usual aches (2 and 8 clip often) and effects, points


@pytest.mark.parametrize("pairs", [4, 6, 8, 10])
def test_the_90_percent_interval_covers_the_true_effect_nine_times_in_ten(pairs):
    """The true effect is the change in the mean ache as logged (whole numbers, 0-10), which clipping makes
    smaller than the change in the ache felt; no spread counts as a miss."""
    rng = np.random.default_rng(pairs)
    covered, total = 0, 0
    for usual, effect in itertools.product(LEVELS, EFFECTS):
        truth = expected_logged_ache(usual - effect) - expected_logged_ache(usual)
        low, high = ex.intervals_90(simulate(rng, pairs, usual, effect, 400))
        hits = (low <= truth) & (truth <= high)
        assert abs(hits.mean() - 0.9) < 0.05, (usual, effect)  # each condition alone: about ±3.5 SE
        covered, total = covered + hits.sum(), total + len(hits)
    assert total >= 2000 and abs(covered / total - 0.9) <= 0.02


@pytest.mark.parametrize("pairs", [4, 5, 6, 8, 10])
def test_with_no_effect_the_exact_test_says_unlikely_to_be_chance_at_most_one_time_in_twenty(pairs):
    rng = np.random.default_rng(100 + pairs)
    differences = np.vstack([simulate(rng, pairs, usual, 0, 800) for usual in LEVELS])
    two_sided, helps = ex.randomisation_p_values(differences)
    assert len(differences) >= 2000
    assert (two_sided < ex.CHANCE_LEVEL).mean() <= ex.CHANCE_LEVEL
    assert (helps < ex.CHANCE_LEVEL).mean() <= ex.CHANCE_LEVEL


@pytest.mark.parametrize("pairs", [4, 6, 8, 10])
def test_with_no_effect_the_verdict_the_change_helped_comes_out_about_one_time_in_twenty(pairs):
    rng = np.random.default_rng(200 + pairs)
    differences = np.vstack([simulate(rng, pairs, usual, 0, 1000) for usual in LEVELS])
    assert ex.helped(differences).mean() <= 0.05 + 2.5 * math.sqrt(0.05 * 0.95 / len(differences))


# ------------------------------------------------------------------------------------------------------
# Power


def test_the_power_figures_the_lesson_quotes_match_a_fresh_simulation():
    experiments = 5000
    fresh = ex.power_table(experiments=experiments, seed=31)
    assert fresh.keys() == ex.POWER_QUOTED.keys()
    for key, quoted in ex.POWER_QUOTED.items():
        error = math.sqrt(quoted * (1 - quoted) / experiments) + math.sqrt(quoted * (1 - quoted) / ex.POWER_EXPERIMENTS)
        assert abs(fresh[key] - quoted) <= 3.5 * error + 0.005, (key, fresh[key], quoted)


def test_a_two_point_effect_is_found_about_six_in_ten_times_with_six_pairs_and_more_often_with_more():
    quoted = ex.POWER_QUOTED
    assert quoted[2, 6] == pytest.approx(0.6, abs=0.03) and quoted[2, 10] == pytest.approx(0.86, abs=0.03)
    for effect in (1, 2):
        assert [quoted[effect, k] for k in (4, 6, 8, 10)] == sorted(quoted[effect, k] for k in (4, 6, 8, 10))
        assert all(quoted[1, k] < quoted[2, k] for k in (4, 6, 8, 10))


def test_power_uses_the_same_verdict_as_the_answer():
    rng = np.random.default_rng(5)
    with_aches, without_aches = rng.integers(1, 7, (60, 6)), rng.integers(3, 7, (60, 6))  # below the pause
    verdicts = ex.helped(with_aches - without_aches)
    assert 10 < verdicts.sum() < 50
    for with_row, without_row, verdict in zip(with_aches.tolist(), without_aches.tolist(), verdicts):
        assert ex.analyse_experiment(SIX, runs_for(SIX, with_row, without_row)).helped == verdict


# ------------------------------------------------------------------------------------------------------
# The answer in plain words, and its edge cases


def words(answer):
    return " ".join(answer.answer)


def test_a_six_pair_experiment_reads_as_plain_words():
    answer = ex.analyse_experiment(SIX, runs_for(SIX, *HELPS))
    assert answer.status == "finished" and answer.pairs_used == (1, 2, 3, 4, 5, 6) and answer.pairs_skipped == ()
    assert answer.effect_points == -1.5 and answer.helped
    assert answer.answer[0] == "Your ache was 1.5 points lower on runs with the change (most likely between 0.8 and 2.2 lower)."
    assert "How likely the change helps by at least 1 point: about 9 in 10." in answer.answer
    assert "in 4 of the 64 ways" in words(answer) and "chance cannot be ruled out" in words(answer)
    assert any("no blinding" in s for s in answer.cannot_tell) and any("you alone" in s for s in answer.cannot_tell)
    assert any("builds up over weeks" in s and "habit" in s for s in answer.cannot_tell)


def test_no_complete_pairs_says_so_without_a_number():
    answer = ex.analyse_experiment(SIX, [])
    assert answer.status == "going" and answer.effect_points is None and answer.p_value is None
    assert answer.answer[0].startswith("No complete pairs yet")


def test_one_complete_pair_gives_no_effect_and_says_why():
    answer = ex.analyse_experiment(SIX, runs_for(SIX, [2], [5]))
    assert answer.pairs_used == (1,) and answer.effect_points is None and answer.interval_90_points is None
    assert "One complete pair so far: ache 2 with the change and 5 without" in words(answer)
    assert "1 of 6 pairs run so far" in words(answer)


def test_all_differences_equal_shows_no_interval_of_zero_width():
    answer = ex.analyse_experiment(SIX, runs_for(SIX, [3] * 6, [4] * 6))
    assert answer.effect_points == -1 and answer.interval_90_points is None
    assert answer.probability_helps_1_point is None and not answer.helped
    assert "All 6 pairs gave the same difference: your ache was 1.0 point lower" in words(answer)
    assert "zero width" in words(answer) and answer.p_value == 1 / 32


def test_all_aches_the_same_says_no_difference_and_chance_in_every_way():
    answer = ex.analyse_experiment(SIX, runs_for(SIX, [4] * 6, [4] * 6))
    assert answer.effect_points == 0 and answer.p_value == 1.0 and answer.interval_90_points is None
    assert "your ache was the same every time" in words(answer) and "in all of the 64 ways" in words(answer)


def test_ties_within_pairs_are_counted_as_no_difference_not_dropped():
    answer = ex.analyse_experiment(SIX, runs_for(SIX, [4, 4, 3, 5, 2, 4], [4, 4, 4, 5, 3, 4]))
    assert answer.pairs_used == (1, 2, 3, 4, 5, 6) and answer.differences_points == (0, 0, -1, 0, -1, 0)
    assert answer.p_value == scipy_p([4, 4, 3, 5, 2, 4], [4, 4, 4, 5, 3, 4])


def test_a_missed_run_leaves_its_pair_out_with_the_reason():
    runs = runs_for(SIX, *HELPS)
    runs[2] = None
    runs[5] = ex.LoggedRun(runs[5].run_date, None, runs[5].change_done)
    answer = ex.analyse_experiment(SIX, runs)
    assert answer.pairs_used == (1, 4, 5, 6)
    reasons = {s.pair_number: s.reason for s in answer.pairs_skipped}
    assert reasons[2] == f"the run {SIX.arms[2]} the change was not logged"
    assert reasons[3] == f"no ache was logged for the run on {runs[5].run_date.isoformat()}"


def test_a_change_not_done_as_drawn_leaves_its_pair_out_with_the_reason():
    done = [arm == "with" for arm in SIX.arms]
    done[0] = done[1] = True  # pair 1: both runs
    done[2] = done[3] = False  # pair 2: neither
    done[4], done[5] = not done[4], not done[5]  # pair 3: swapped
    answer = ex.analyse_experiment(SIX, runs_for(SIX, *HELPS, done=done))
    reasons = {s.pair_number: s.reason for s in answer.pairs_skipped}
    assert reasons == {1: "the change was used on both runs", 2: "the change was used on neither run",
                       3: "the change was used on the run drawn without it, not on the run drawn with it"}
    assert answer.pairs_used == (4, 5, 6)


def test_a_run_of_a_very_different_distance_or_pace_is_left_out_when_most_runs_have_watch_figures():
    km = [5.0] * 12
    minutes = [30.0] * 12
    km[3] = 12.0  # pair 2: a long run
    minutes[6] = 22.0  # pair 4: a fast run (4:24 per km against 6:00)
    answer = ex.analyse_experiment(SIX, runs_for(SIX, *HELPS, km=km, minutes=minutes))
    reasons = {s.pair_number: s.reason for s in answer.pairs_skipped}
    assert set(reasons) == {2, 4}
    assert "was 12.0 km, far from your usual 5.0 km (our line" in reasons[2]
    assert "was at 4:24 per km, far from your usual 6:00 (our line" in reasons[4]
    few = [None] * 12
    few[3] = 12.0  # one run with a distance: no usual distance to compare with
    assert ex.analyse_experiment(SIX, runs_for(SIX, *HELPS, km=few)).pairs_skipped == ()


def test_a_warning_sign_stops_the_experiment_and_never_shows_a_benefit():
    strong_benefit = ([0, 0, 1, 0, 0, 1], [6, 5, 6, 6, 5, 6])
    answer = ex.analyse_experiment(SIX, runs_for(SIX, *strong_benefit, warning_at=9))
    assert answer.status == "stopped_warning_sign" and not answer.helped
    assert (answer.effect_points, answer.interval_90_points, answer.probability_helps_1_point, answer.p_value,
            answer.distance_level) == (None, None, None, None, None)
    assert answer.pairs_used == () and answer.differences_points == ()
    assert ACTIONS[EMERGENCY] in answer.answer
    text = words(answer).lower()
    for benefit in ("lower", "helped", "helps", "less ache", "chance", "effect"):
        assert benefit not in text, benefit
    data = answer.as_dict()
    assert data["effect"] is None and data["interval_90"] is None and data["p_value"] is None


def test_a_warning_sign_stops_the_experiment_even_before_any_pair_is_complete():
    answer = ex.analyse_experiment(SIX, runs_for(SIX, [3], [5], warning_at=0))
    assert answer.status == "stopped_warning_sign" and answer.answer[0].startswith("A warning sign came")


def test_a_strong_ache_on_two_runs_pauses_the_experiment_with_advice_to_get_it_looked_at():
    answer = ex.analyse_experiment(SIX, runs_for(SIX, [3, 7, 2], [5, 4, 8]))
    assert answer.status == "paused_strong_ache" and answer.effect_points is None
    assert "7 or more out of 10 on 2 runs" in words(answer) and "doctor or a physiotherapist" in words(answer)
    assert ex.analyse_experiment(SIX, runs_for(SIX, [3, 7, 2], [5, 4, 6])).status == "going"  # one run: not yet


def test_stopping_early_uses_the_finished_pairs_and_says_so():
    answer = ex.analyse_experiment(SIX, runs_for(SIX, [3, 2, 4], [5, 4, 4]), stopped_by_runner=True)
    assert answer.status == "stopped_by_you" and answer.pairs_used == (1, 2, 3)
    assert [s.reason for s in answer.pairs_skipped] == ["not run: you stopped the experiment"] * 3
    assert "You stopped after 3 of 6 pairs" in words(answer) and answer.effect_points == pytest.approx(-4 / 3)


def test_an_experiment_still_going_says_the_answer_may_change():
    answer = ex.analyse_experiment(SIX, runs_for(SIX, [3, 2, 4, 3], [5, 4, 4, 5]))
    assert answer.status == "going" and "4 of 6 pairs run so far: the answer may still change." in answer.answer


def test_with_watch_distances_the_effect_is_also_given_at_equal_distance():
    km = [5.0, 5.4, 4.8, 5.6, 5.2, 5.0, 4.6, 5.3, 5.5, 5.1, 4.9, 5.0]
    answer = ex.analyse_experiment(SIX, runs_for(SIX, *HELPS, km=km))
    pairs = range(6)
    km_gap = [km[2 * p] - km[2 * p + 1] if SIX.arms[2 * p] == "with" else km[2 * p + 1] - km[2 * p] for p in pairs]
    line = stats.linregress(km_gap, answer.differences_points)
    half = stats.t.ppf(0.95, 4) * line.intercept_stderr
    distance = answer.distance_level
    assert distance.pairs == 6 and distance.effect_points == pytest.approx(line.intercept, abs=1e-9)
    assert distance.interval_90_points == pytest.approx((line.intercept - half, line.intercept + half), abs=1e-9)
    assert "With distance held level" in distance.sentence and distance.sentence in answer.answer


@pytest.mark.parametrize(("km", "why"), [
    ([5.0] * 12, "already at equal distance"),
    ([5.5 if arm == "with" else 5.0 for arm in SIX.arms], "cannot be told apart"),
])
def test_distance_held_level_says_why_not_when_the_distances_cannot_tell(km, why):
    distance = ex.analyse_experiment(SIX, runs_for(SIX, *HELPS, km=km)).distance_level
    assert distance.effect_points is None and why in distance.sentence


def test_distance_held_level_needs_five_pairs_and_most_runs_with_a_distance():
    four = runs_for(SIX, HELPS[0][:4], HELPS[1][:4], km=[5.0, 5.2, 4.9, 5.1, 5.3, 5.0, 4.8, 5.1])
    assert "at least 5 complete pairs with both distances; you have 4" in ex.analyse_experiment(SIX, four).distance_level.sentence
    assert ex.analyse_experiment(SIX, runs_for(SIX, *HELPS)).distance_level is None  # no watch figures


def test_a_check_in_becomes_a_run_of_the_experiment_and_its_open_warning_comes_with_it():
    raw = {"run_date": "2026-11-20", "minutes": "30", "km": "5", "ache": 3, "regions": ["between_blades"],
           "started": "tired", "noticed": [], "changed": ["arms_beside"], "helped": "a_little", "warning": EFFORT}
    entry = validate_check_in(raw, today=date(2026, 11, 24))
    run = ex.logged_run_from_check_in(entry, "arms_beside")
    assert run == ex.LoggedRun(date(2026, 11, 20), 3, True, 5.0, 30.0, EFFORT)
    assert not ex.logged_run_from_check_in(entry, "run_tall").change_done
    checked = DoctorCheck(date(2026, 11, 22), (EFFORT,))
    assert ex.logged_run_from_check_in(entry, "arms_beside", checked).warning_tier is None
    with pytest.raises(ValueError, match="not one of the changes"):
        ex.logged_run_from_check_in(entry, "cold_shower")


@pytest.mark.parametrize(("fields", "words_"), [
    ({"ache": 11}, "whole number from 0 to 10"), ({"ache": 2.5}, "whole number from 0 to 10"),
    ({"km": -1.0}, "km must be a number above 0"), ({"run_date": "2026-11-20"}, "must be a date"),
    ({"warning_tier": "bad"}, "not a warning tier"),
])
def test_an_impossible_run_is_refused_in_plain_words(fields, words_):
    with pytest.raises(ValueError, match=words_):
        ex.LoggedRun(**{"run_date": FIRST_RUN, "ache": 3, "change_done": True, **fields})


def test_more_runs_than_the_schedule_has_are_refused():
    with pytest.raises(ValueError, match="13 runs are logged but your experiment has 12"):
        ex.analyse_experiment(SIX, runs_for(SIX, *HELPS) + [None])


# ------------------------------------------------------------------------------------------------------
# No scipy at run time


def test_the_experiment_needs_only_the_standard_library_and_numpy_at_run_time():
    allowed = set(sys.stdlib_module_names) | {"numpy", "upperback"}
    for path in [ROOT / "upperback/models/records/experiment.py", ROOT / "upperback/models/statistics/student_t.py",
                 ROOT / "upperback/delivery/experiment_command.py", *sorted((ROOT / "upperback/experiment").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import) else
                     [node.module] if isinstance(node, ast.ImportFrom) else [])
            assert all(name.split(".")[0] in allowed for name in names), (path.name, names)


# ------------------------------------------------------------------------------------------------------
# The command line: python -m upperback.experiment


GOOD_CSV = """date,with_change,ache,km
2026-11-02,yes,3,5.0
2026-11-04,no,5,5.2
2026-11-06,no,4,5.1
2026-11-08,yes,2,4.9
2026-11-10,yes,4,5.0
2026-11-12,no,4,5.3
2026-11-14,no,5,5.0
2026-11-16,yes,3,5.1
2026-11-18,yes,2,5.0
2026-11-20,no,3,4.8
2026-11-22,no,5,5.2
2026-11-24,yes,3,5.0
"""


def command(*arguments):
    return subprocess.Popen([sys.executable, "-m", "upperback.experiment", *map(str, arguments)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def finished(process):
    out, err = process.communicate(timeout=60)
    return process.returncode, out, err


def test_the_command_line_prints_the_answer_as_json(tmp_path):
    (tmp_path / "runs.csv").write_text(GOOD_CSV)
    code, out, err = finished(command("--json", tmp_path / "runs.csv"))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert {"pairs_used", "pairs_skipped", "effect", "interval_90", "p_value", "probability_helps_1_point",
            "method"} <= data.keys()
    assert data["pairs_used"] == [1, 2, 3, 4, 5, 6] and data["effect"] == -1.5
    assert data["p_value"] == scipy_p([3, 2, 4, 3, 2, 3], [5, 4, 4, 5, 3, 5])
    expected = ex.analyse_pairs(runs_from_csv(GOOD_CSV))
    assert data["interval_90"] == [round(v, 4) for v in expected.interval_90_points]
    assert data["effect_distance_level"] is not None


def test_the_command_line_prints_the_answer_in_words(tmp_path):
    (tmp_path / "runs.csv").write_text(GOOD_CSV.replace(",", ";").replace("5.0", "5,0"))  # a European export
    code, out, err = finished(command(tmp_path / "runs.csv"))
    assert (code, err) == (0, "")
    assert out.startswith("Your ache was 1.5 points lower on runs with the change (most likely between 0.8 and 2.2")
    assert "What it cannot tell:" in out and "{" not in out


def test_without_a_pair_column_runs_pair_up_in_date_order_and_a_pair_column_is_followed():
    shuffled = GOOD_CSV.splitlines()
    by_date = runs_from_csv("\n".join([shuffled[0], *reversed(shuffled[1:12])]))  # 11 runs, any order
    assert [(p.pair_number, p.with_run.ache, p.without_run.ache) for p in by_date[:5]] == [
        (1, 3, 5), (2, 2, 4), (3, 4, 4), (4, 3, 5), (5, 2, 3)]
    assert by_date[5].with_run is None and by_date[5].without_run.ache == 5  # the 12th run is missing
    paired = runs_from_csv("date,with_change,ache,pair\n2026-11-02,yes,3,2\n2026-11-09,no,5,2\n2026-11-03,no,6,1\n")
    assert [(p.pair_number, p.with_run, p.without_run.ache) for p in paired] == [(1, None, 6), (2, paired[1].with_run, 5)]
    answer = ex.analyse_pairs(paired)
    assert [s.reason for s in answer.pairs_skipped] == ["the run with the change was not logged"]


BAD_FILES = {  # each through the command line, as a runner would meet it
    "missing": (None, "there is no such file"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not a CSV text file"),
    "no ache column": ("date,with_change\n2026-11-02,yes\n", "the column ache is missing"),
    "ache 11": ("date,with_change,ache\n2026-11-02,yes,11\n", "row 2: the ache must be from 0 to 10, not 11"),
    "bad date": ("date,with_change,ache\n2026-11-02,yes,3\n02/11/2026,no,4\n", "row 3: the date must look like"),
    "bad yes/no": ("date,with_change,ache\n2026-11-02,maybe,3\n", "row 2: with_change must be yes or no"),
}
MORE_BAD_FILES = {  # the same main() in this process: quicker than a new Python for each
    "empty": ("", "the file is empty"),
    "ache words": ("date,with_change,ache\n2026-11-02,yes,bad\n", "row 2: the ache must be a whole number"),
    "negative ache": ("date,with_change,ache\n2026-11-02,yes,-1\n", "row 2: the ache must be a whole number"),
    "three in a pair": ("date,with_change,ache,pair\n" + "2026-11-02,yes,3,1\n" * 3, "pair 1 has 3 runs"),
    "pair 11": ("date,with_change,ache,pair\n2026-11-02,yes,3,11\n", "pair must be a whole number from 1 to 10"),
    "ragged row": ("date,with_change,ache\n2026-11-02,yes\n", "row 2 has 2 cells but the header has 3"),
    "km words": ("date,with_change,ache,km\n2026-11-02,yes,3,far\n", "row 2: km must be a number"),
    "bad warning": ("date,with_change,ache,warning\n2026-11-02,yes,3,maybe\n", "warning must be none or one of"),
    "too many runs": ("date,with_change,ache\n" + "2026-11-02,yes,3\n" * 21, "at most 10 pairs"),
    "open quote": ('date,with_change,ache\n"2026-11-02,yes,3\n', "not a readable CSV file"),
}


def write(path, content):
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    return path


@pytest.fixture(scope="module")
def bad_file_runs(tmp_path_factory):
    """Every bad file through the command line at once (one starts while another imports)."""
    folder = tmp_path_factory.mktemp("bad")
    processes = {name: command("--json", write(folder / f"{index}.csv", content))
                 for index, (name, (content, _)) in enumerate(BAD_FILES.items())}
    return {name: finished(process) for name, process in processes.items()}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_gives_one_line_on_stderr_saying_why_and_exit_code_2(bad_file_runs, name):
    code, out, err = bad_file_runs[name]
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("python -m upperback.experiment: ")
    assert BAD_FILES[name][1] in err and "Traceback" not in err


@pytest.mark.parametrize("name", MORE_BAD_FILES)
def test_every_other_bad_file_gives_one_line_saying_why_too(tmp_path, capsys, name):
    from upperback.delivery.experiment_command import main

    content, why = MORE_BAD_FILES[name]
    assert main([str(write(tmp_path / "runs.csv", content))]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and why in err


def test_a_warning_in_the_file_stops_the_answer_there_too(tmp_path):
    warned = GOOD_CSV.replace("date,with_change,ache,km", "date,with_change,ache,km,warning").replace("\n", ",\n")
    warned = warned.replace("date,with_change,ache,km,warning,", "date,with_change,ache,km,warning")
    warned = warned.replace("2026-11-20,no,3,4.8,", "2026-11-20,no,3,4.8,effort")
    answer = ex.analyse_pairs(runs_from_csv(warned))
    assert answer.status == "stopped_warning_sign" and ACTIONS[EFFORT] in answer.answer
