"""Report formats, anchoring, coverage and `factcheck new` tests."""
