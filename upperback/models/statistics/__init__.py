"""The statistics the course computes with, in plain Python (no scipy at run time)."""
