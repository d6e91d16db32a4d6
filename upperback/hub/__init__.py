"""`python -m upperback.hub`: the class links (its code: upperback.delivery.class_links)."""
