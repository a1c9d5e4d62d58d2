"""Declaring: the claim-file format (pydantic models) and the safe YAML loader."""
