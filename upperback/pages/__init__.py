"""Pages to print: standalone HTML with nothing fetched, built from the course's models."""
