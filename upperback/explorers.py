"""Every interactive explorer in the series, by name: the benchmark times each one's update."""

from upperback import arms, breathing, posture, start_here

EXPLORERS = {
    "00 upper back": start_here.explore_upper_back,
    "01 arm swing": arms.explore_arm_swing,
    "01 arm pendulum": arms.explore_pendulum,
    "02 breath": breathing.explore_breath,
    "02 ventilation": breathing.explore_ventilation,
    "02 pacer": breathing.explore_pacer,
    "03 head load": posture.explore_head_load,
}
