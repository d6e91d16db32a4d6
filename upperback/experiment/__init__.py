"""`python -m upperback.experiment`: your experiment's answer from a CSV of runs (its code: upperback.delivery.experiment_command)."""
