"""Every interactive explorer in the series, by name: the benchmark times each one's update."""

from upperback import start_here

EXPLORERS = {
    "00 upper back": start_here.explore_upper_back,
}
