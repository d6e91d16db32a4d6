"""`python -m upperback.runs`: a watch file's figures (its code: upperback.delivery.runs_command)."""
