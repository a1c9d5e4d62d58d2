"""Hostile and broken input: the suite of bad claim files and the fuzz harness."""
