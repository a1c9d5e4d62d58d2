"""Quantities as newspapers write them: exact intervals, units, parsing and formatting."""
