"""The claim expression language: a safe grammar of facts, quantities and one comparison.

``syntax`` reads text into an AST (``nodes``), ``evaluate`` computes it with exact
intervals, ``jsonify`` turns exact results into JSON-ready values. Nothing here uses
``eval``: only the grammar decides what an expression may do.
"""

from __future__ import annotations
