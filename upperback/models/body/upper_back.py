"""The muscles and bones where a runner's mid-upper-back ache usually sits, in plain words.

Anatomy as in standard texts (e.g. Gray's Anatomy; Kendall, Muscles: Testing and Function). Our own words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Structure:
    key: str
    name: str
    where: str
    what_it_does: str
    why_runners_feel_it: str


STRUCTURES = (
    Structure(
        key="trapezius",
        name="trapezius",
        where="a wide, flat muscle from the base of the skull and the spine out to both shoulders, "
        "down to the middle of the back",
        what_it_does="its upper part lifts and shrugs the shoulders; its middle and lower parts hold "
        "the shoulder blades back and down",
        why_runners_feel_it="shoulders creeping up towards the ears, or a rounded upper back, keep it "
        "working for the whole run",
    ),
    Structure(
        key="levator_scapulae",
        name="levator scapulae",
        where="a strap from the side of the neck down to the top inner corner of each shoulder blade",
        what_it_does="lifts the shoulder blade and helps turn and bend the neck",
        why_runners_feel_it="a shrug or a head pushed forward keeps it short and busy",
    ),
    Structure(
        key="rhomboids",
        name="rhomboids",
        where="between the spine and the inner edge of each shoulder blade, under the trapezius",
        what_it_does="pull the shoulder blades towards the spine and steady them while the arms swing",
        why_runners_feel_it="they sit right where the between-the-shoulder-blades ache is felt, and "
        "are held long and loaded when the upper back rounds",
    ),
    Structure(
        key="thoracic_spine",
        name="upper and middle spine (thoracic)",
        where="the twelve vertebrae that carry the ribs, from the base of the neck to the bottom of "
        "the rib cage",
        what_it_does="lets the upper body twist a little with every stride and carries the ribs as "
        "you breathe",
        why_runners_feel_it="holding it still in one bent position for a long time leaves the muscles "
        "beside it stiff",
    ),
)


def structure(key: str) -> Structure:
    for found in STRUCTURES:
        if found.key == key:
            return found
    names = ", ".join(s.key for s in STRUCTURES)
    raise ValueError(f"There is no part of the upper back called {key!r}; choose one of: {names}")
