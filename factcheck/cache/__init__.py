"""The result cache of ``factcheck check``: per claim file, keyed by what results depend on."""
