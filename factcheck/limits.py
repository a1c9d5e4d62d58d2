"""Documented safety limits on untrusted input: one place, one constant each.

Claim files may come from anyone (a pull request), so every input is bounded before
it can cost time or memory. Exceeding a limit is an error with code ``input.limit``
(a :class:`factcheck.errors.LimitError` or a located report problem) naming the
limit and its value; nothing is truncated silently.

========================  ==========  ===================================================
constant                  default     what it bounds
========================  ==========  ===================================================
MAX_FILE_BYTES            2 MiB       size of one claim file, read before parsing
MAX_TEXT_BYTES            32 MiB      an article text or rates file named in a claim
                                      file (devices and pipes are refused there)
MAX_RUN_TEXT_CHARS        64 Mi       characters of all distinct article texts of one run
MAX_TEXT_QUANTITIES       10,000      quantities found in one article text (coverage)
MAX_RUN_CLAIMS            150,000     claims of one run, over all files (memory grows
                                      with them: about 6 KB a claim)
MAX_RUN_BYTES             64 MiB      bytes of all claim files of one run
MAX_CLAIMS_PER_FILE       10,000      entries of the ``claims`` list of one file
MAX_TREE_DEPTH            100         folders nested below a claim path (deeper ones are
                                      reported, not read)
MAX_YAML_DEPTH            20          nesting of mappings and lists in a claim file
MAX_SCALAR_CHARS          10,000      characters of one YAML value or key
MAX_EXPR_CHARS            2,000       characters of one claim expression
MAX_EXPR_DEPTH            50          nesting of parentheses and calls in an expression
MAX_NUMBER_MAGNITUDE      10**30      absolute value of a written quantity (``1e999999``)
MAX_REPORT_BYTES          512 MiB     one JSON report read by ``merge`` or ``pytest --claims``
                                      (a run of MAX_RUN_CLAIMS claims writes about 250 MB)
========================  ==========  ===================================================

The defaults are far above what a real article needs (the seed article's files have
tens of claims, nesting 4, expressions under 200 characters, amounts under 10**15).
Who enforces what: the claim loader (factcheck.claims) the first four (the runner
and the rates file reader MAX_TEXT_BYTES), the expression
parser (factcheck.expr) the next two, the quantity grammar (factcheck.quantity.grammar,
its ``MAX_MAGNITUDE``) the last. The digits of a written number are bounded only by
the value and expression lengths above.
"""

from __future__ import annotations

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TEXT_BYTES = 32 * 1024 * 1024
MAX_RUN_TEXT_CHARS = 64 * 1024 * 1024
MAX_TEXT_QUANTITIES = 10_000
MAX_RUN_CLAIMS = 150_000
MAX_RUN_BYTES = 64 * 1024 * 1024
MAX_CLAIMS_PER_FILE = 10_000
MAX_TREE_DEPTH = 100
MAX_YAML_DEPTH = 20
MAX_SCALAR_CHARS = 10_000
MAX_EXPR_CHARS = 2_000
MAX_EXPR_DEPTH = 50
MAX_NUMBER_MAGNITUDE = 10**30
MAX_REPORT_BYTES = 512 * 1024 * 1024

# The run limits (and the size of a report read back) bound memory, not any one file:
# the operator of a run (never a claim file) may raise them for an archive, as
# FACTCHECK_MAX_RUN_CLAIMS=400000 in the environment; a value that is not a whole
# number from 1 to 10**12 is a usage error.
OPERATOR_LIMITS = ("MAX_RUN_CLAIMS", "MAX_RUN_BYTES", "MAX_REPORT_BYTES")
ENV_PROBLEMS: list[str] = []


def _from_environment() -> None:
    import os

    for name in OPERATOR_LIMITS:
        given = os.environ.get("FACTCHECK_" + name)
        if given is None:
            continue
        if given.isascii() and given.isdigit() and 1 <= int(given) <= 10**12:
            globals()[name] = int(given)
        else:
            ENV_PROBLEMS.append(f"FACTCHECK_{name}={given!r} is not a whole number from 1 to "
                                f"10**12; unset it or give the limit the run needs")


_from_environment()

LIMITS: dict[str, tuple[int, str]] = {
    "MAX_FILE_BYTES": (MAX_FILE_BYTES, "bytes in one claim file"),
    "MAX_TEXT_BYTES": (MAX_TEXT_BYTES, "bytes in an article text or rates file"),
    "MAX_RUN_TEXT_CHARS": (MAX_RUN_TEXT_CHARS, "characters in all article texts of one run"),
    "MAX_TEXT_QUANTITIES": (MAX_TEXT_QUANTITIES, "quantities in one article text"),
    "MAX_RUN_CLAIMS": (MAX_RUN_CLAIMS, "claims in one run"),
    "MAX_RUN_BYTES": (MAX_RUN_BYTES, "bytes of claim files in one run"),
    "MAX_CLAIMS_PER_FILE": (MAX_CLAIMS_PER_FILE, "claims in one file"),
    "MAX_TREE_DEPTH": (MAX_TREE_DEPTH, "levels of folders below a claim path"),
    "MAX_YAML_DEPTH": (MAX_YAML_DEPTH, "levels of nested mappings and lists"),
    "MAX_SCALAR_CHARS": (MAX_SCALAR_CHARS, "characters in one YAML value or key"),
    "MAX_EXPR_CHARS": (MAX_EXPR_CHARS, "characters in one expression"),
    "MAX_EXPR_DEPTH": (MAX_EXPR_DEPTH, "levels of nesting in one expression"),
    "MAX_NUMBER_MAGNITUDE": (MAX_NUMBER_MAGNITUDE, "absolute value of a written quantity"),
    "MAX_REPORT_BYTES": (MAX_REPORT_BYTES, "bytes in one JSON report read back"),
}
