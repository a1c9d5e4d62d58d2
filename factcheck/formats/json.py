"""The JSON report: the contract that CI and other tools read (and ``merge`` joins)."""

from __future__ import annotations

import json as _json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Report


def render(report: Report, options: RenderOptions) -> str:
    return _json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
