"""`python -m upperback.handouts`: every lesson as standalone HTML (its code: upperback.delivery.handouts)."""
