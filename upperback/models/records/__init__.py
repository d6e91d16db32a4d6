"""Models of the runner's own records: the check-in log and its CSV form, watch files, and a personal
experiment's schedule and answer."""
