"""The rate analysis as a plain-text table (for ``factcheck rates`` and text reports)."""

from __future__ import annotations

from typing import Any

from factcheck.formats.escape import terminal
from factcheck.rates.numbers import report_number, report_percent


def _num(x: Any) -> str:
    return "-" if x is None else terminal(report_number(x))


def _pct(x: Any, signed: bool = True) -> str:
    return "-" if x is None else terminal(report_percent(x, signed=signed))


def rates_table(blocks: list[dict[str, Any]]) -> str:
    """One section per currency pair: reference, then one row per cluster."""
    if not blocks:
        return "no currency conversions\n"
    out: list[str] = []
    for block in blocks:
        pair = f"{_num(block['from'])} -> {_num(block['to'])}"
        unit = f"{_num(block['to'])}/{_num(block['from'])}"
        head = f"{pair} ({unit})"
        if block.get("article"):
            head += f", article {_num(block['article'])}"
        out.append(head)
        ref = block.get("reference")
        if ref:
            out.append(f"  reference {_num(ref['rate'])} on {_num(ref['date'])} "
                       f"({_num(ref['source'])})")
        else:
            out.append("  reference: none available")
        rows = [("rate", "low", "high", "vs ref", "nearest day", "its rate", "claims")]
        for c in block["clusters"]:
            near = c.get("nearest_reference") or {}
            rows.append(
                (
                    _num(c["rate"]),
                    _num(c["low"]),
                    _num(c["high"]),
                    _pct(c["deviation_pct"]),
                    _num(near.get("date", "-")),
                    _num(near.get("rate")),
                    ", ".join(_num(claim) for claim in c["claims"]),
                )
            )
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
        for r in rows:
            cells = [r[i].rjust(widths[i]) if i < 4 or i == 5 else r[i].ljust(widths[i])
                     for i in range(len(widths))]
            out.append("  " + "  ".join(cells) + "  " + r[-1])
        out.append(f"  spread between clusters: {_pct(block['spread_pct'], signed=False)}")
        out.append("")
    return "\n".join(out)
