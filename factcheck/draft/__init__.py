"""Drafting claims from an article's own words: conversions, lists, arithmetic, dates, todos."""
