"""A runner's check-in as the form gives it: the log's tests, its bad-input replay and the safety net start
from the same complete entry and change what they test."""

from __future__ import annotations


def check_in_fields(**changes) -> dict:
    """The fields of a complete check-in (40 minutes, an ache of 3 between the shoulder blades that came as the
    runner tired, running tall helped a little), with ``changes``."""
    return {"run_date": "2026-11-20", "minutes": "40", "km": "", "ache": 3, "regions": ["between_blades"],
            "started": "tired", "noticed": ["posture"], "changed": ["run_tall"], "helped": "a_little", "note": "",
            **changes}


def fill_in_a_run_without_ache(form) -> None:
    """The fewest answers a check-in form saves: 30 minutes, no ache, nothing changed, no warning sign."""
    form.minutes.value, form.started.value, form.helped.value = "30", "no_ache", "no_change"
    form.warning.value = "none"
