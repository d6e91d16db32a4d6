"""Models of the course itself: the lesson registry, the self-checks and their scoring, the plan and
the warning signs."""
