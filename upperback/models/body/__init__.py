"""Models of the body: segment sizes, the arm as a pendulum, breathing, the head on its lever."""
