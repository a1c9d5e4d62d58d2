"""pytest plugin tests (pytester)."""
