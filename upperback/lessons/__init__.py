"""One façade per lesson, named by its key in the registry: what the notebooks import, one call a cell."""
