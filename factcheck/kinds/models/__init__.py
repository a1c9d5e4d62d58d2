"""Each kind's ``Claim`` pydantic model, one module per kind: for the schema and error messages.

A kind module reads valid claims with its ``FIELDS`` spec (``factcheck.claims.fields``)
and imports its model from here only when a claim is not plainly valid or when the
schema is built; ``kind_module(kind).Claim`` still names the model.
"""
