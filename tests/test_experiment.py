"""Lesson 06, your experiment: Student's t without scipy (scipy is the reference here and only here)."""

import numpy as np
import pytest
from scipy import stats

from upperback.models.student_t import student_t_cdf, student_t_quantile

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
