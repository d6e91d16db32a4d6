"""Student's t distribution in pure Python: its CDF and its quantile, so the course needs no scipy at run time.

The CDF comes from the regularised incomplete beta function, P(|T| > t) = I_x(df/2, 1/2) with
x = df / (df + t²), evaluated by its continued fraction with the modified Lentz method [Press2007] §5.2 and
§6.4. The quantile inverts the CDF by Newton's method kept inside a bracket (a bisection step whenever
Newton would leave it). Both work on the tail nearer the value asked for, so tail probabilities keep their
relative accuracy. The tests hold both to scipy.stats.t within 1e-9.
"""

from __future__ import annotations

import math

CONVERGED = 1e-15  # our choice: a few units of the last place of a float
TINY = 1e-300  # our choice: keeps the continued fraction off an exact zero (as [Press2007] §5.2 does)
MAX_TERMS = 10_000  # our bound: the fraction converges in tens of terms for the degrees of freedom used here
MAX_STEPS = 400  # our bound: Newton ends in under ten steps, bisection alone in under 1 100


def _check_degrees_of_freedom(degrees_of_freedom: float) -> None:
    if isinstance(degrees_of_freedom, bool) or not degrees_of_freedom > 0 or math.isinf(degrees_of_freedom):
        raise ValueError(f"the degrees of freedom must be a number above 0, not {degrees_of_freedom!r}")


def _beta_continued_fraction(x: float, a: float, b: float) -> float:
    """The continued fraction of I_x(a, b), for x below (a + 1) / (a + b + 2) where it converges fast."""
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > TINY else TINY)
    fraction = d
    for m in range(1, MAX_TERMS + 1):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > TINY else TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > TINY else TINY
            step = c * d
            fraction *= step
        if abs(step - 1.0) < CONVERGED:
            return fraction
    raise ArithmeticError("the incomplete beta function did not converge")  # never met for a, b >= 1/2


def regularised_incomplete_beta(x: float, a: float, b: float, one_minus_x: float | None = None) -> float:
    """I_x(a, b) for 0 <= x <= 1 and a, b > 0. ``one_minus_x`` may carry 1 - x when it is known more
    accurately than the subtraction gives (near x = 1)."""
    y = 1.0 - x if one_minus_x is None else one_minus_x
    if not (0.0 <= x <= 1.0 and a > 0 and b > 0):
        raise ValueError("the incomplete beta function needs 0 <= x <= 1 and a, b above 0")
    if x == 0.0:  # (y may round to 1 while x is still above 0: x decides)
        return 0.0
    if y == 0.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(y)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_continued_fraction(x, a, b) / a
    return 1.0 - math.exp(log_front) * _beta_continued_fraction(y, b, a) / b


def _tail_beyond(t: float, degrees_of_freedom: float) -> float:
    """P(T > |t|): the one tail beyond |t|, computed directly so that it stays accurate when small."""
    t_squared = t * t
    if math.isinf(t_squared):
        return 0.0
    x = degrees_of_freedom / (degrees_of_freedom + t_squared)
    return 0.5 * regularised_incomplete_beta(x, degrees_of_freedom / 2.0, 0.5,
                                             one_minus_x=t_squared / (degrees_of_freedom + t_squared))


def student_t_cdf(t: float, degrees_of_freedom: float) -> float:
    """P(T <= t) for Student's t with the given degrees of freedom."""
    _check_degrees_of_freedom(degrees_of_freedom)
    if math.isnan(t):
        raise ValueError("the t value is not a number")
    tail = _tail_beyond(t, degrees_of_freedom)
    return tail if t < 0 else 1.0 - tail


def student_t_density(t: float, degrees_of_freedom: float) -> float:
    """The probability density of Student's t at t."""
    _check_degrees_of_freedom(degrees_of_freedom)
    nu = degrees_of_freedom
    log_scale = math.lgamma((nu + 1.0) / 2.0) - math.lgamma(nu / 2.0) - 0.5 * math.log(nu * math.pi)
    return math.exp(log_scale - (nu + 1.0) / 2.0 * math.log1p(t * t / nu))


def student_t_quantile(probability: float, degrees_of_freedom: float) -> float:
    """The t with P(T <= t) = probability, for 0 < probability < 1."""
    _check_degrees_of_freedom(degrees_of_freedom)
    if not 0.0 < probability < 1.0:
        raise ValueError(f"a probability for the t quantile must be between 0 and 1, not {probability!r}")
    if probability == 0.5:
        return 0.0
    sign, tail = (-1.0, probability) if probability < 0.5 else (1.0, 1.0 - probability)
    # Solve P(T > t) = tail for t > 0: bracket it, then Newton inside the bracket.
    low, high = 0.0, 1.0
    while _tail_beyond(high, degrees_of_freedom) > tail:
        low, high = high, high * 2.0
    t = (low + high) / 2.0
    for _ in range(MAX_STEPS):
        excess = _tail_beyond(t, degrees_of_freedom) - tail  # falls as t grows
        if excess == 0.0:
            break
        if excess > 0.0:
            low = t
        else:
            high = t
        newton = t + excess / student_t_density(t, degrees_of_freedom)
        step_to = newton if low < newton < high else (low + high) / 2.0
        if abs(step_to - t) <= CONVERGED * max(1.0, t):
            t = step_to
            break
        t = step_to
    return sign * t
