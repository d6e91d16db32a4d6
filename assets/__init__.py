"""The course diagrams (SVG), drawn by `make assets`; installed as the package ``upperback.diagrams``."""
