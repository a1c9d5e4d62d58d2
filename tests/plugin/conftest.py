"""The plugin is tested in throw-away pytest runs (pytester, enabled in tests/conftest.py)."""
