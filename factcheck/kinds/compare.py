"""The ``compare`` kind: an expression over facts and quantities with one comparison.

The verdict is three-valued: holds when every value the facts allow satisfies the
comparison, contradicted when none does, undetermined otherwise. The message shows
both sides with their intervals, their difference and the facts and sources used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.claims.fields import REQUIRED, claim_spec, optional_tolerance, text
from factcheck.errors import FactcheckError
from factcheck.expr.decide import ORDERS, decide, parse_tolerance, redecide
from factcheck.expr.display import format_interval, format_number
from factcheck.expr.evaluate import UnknownValue
from factcheck.expr.jsonify import interval_json, unit_json
from factcheck.expr.logic import combine
from factcheck.expr.nodes import (
    Call,
    Chain,
    Comparison,
    Convert,
    Literal,
    Logic,
    Name,
    Negate,
    Stated,
    literals,
    names,
)
from factcheck.expr.syntax import parse_statement
from factcheck.kinds import lazy_model
from factcheck.kinds.base import Context, Outcome, Reading, Verdict, source_ref
from factcheck.kinds.evidence import (
    conversion_json,
    conversion_text,
    later_sources,
    rate_ref,
    rates_for,
)
from factcheck.quantity import units
from factcheck.quantity.decimals import exact_string
from factcheck.quantity.interval import Interval, Truth
from factcheck.quantity.readable import language_of, percent_text, readable, readable_value

if TYPE_CHECKING:
    from collections.abc import Collection

    from factcheck.expr.decide import Decision
    from factcheck.expr.evaluate import Rates
    from factcheck.kinds.models.compare import Claim
    from factcheck.quantity.quantity import Quantity
    from factcheck.quantity.tolerance import Tolerance
    from factcheck.rates.implied import ImpliedRate

KIND = "compare"
ERROR_FIELD = "expr"  # where an error that names no field points
# The model's rules (factcheck.kinds.models.compare) for reading valid claims without it.
FIELDS = claim_spec(KIND, {"expr": (text(1), REQUIRED), "tolerance": optional_tolerance(200)})
__getattr__ = lazy_model(KIND)
# Bounds on the "which fact would have made it hold" search, so that a long expression
# over many facts stays well under a second: tries, and tries times expression length.
MAX_SUBSTITUTIONS = 2_000
MAX_SUBSTITUTION_CHARS = 200_000


def evaluate(claim: Claim, context: Context) -> Outcome:
    quantities = _quantities(context.facts)
    tree = parse_statement(claim.expr, _names(quantities, context.unknown))
    tolerance = None
    if claim.tolerance:
        try:
            tolerance = parse_tolerance(claim.tolerance)
        except FactcheckError as exc:
            exc.field = "tolerance"  # type: ignore[attr-defined]
            raise
    rates = rates_for(context)
    if isinstance(tree, Logic):
        return _joined(claim, tree, quantities, context, tolerance, rates)
    try:
        decision = decide(tree, quantities, claim.expr, tolerance,
                          unknown=context.unknown, rates=rates)
    except UnknownValue as unknown:
        return _unknown_outcome(claim.expr, tree, unknown.name, context)
    verdict = _VERDICTS[decision.truth.value]
    warnings = _warnings(claim, decision, context, verdict)
    warnings.extend(_open_literal_warnings(claim.expr, tree, verdict))
    warnings.extend(later_sources(decision.facts, context))
    suggestion = None
    if verdict == "contradicted":
        suggestion = _substitute(tree, decision, quantities, claim.expr, tolerance, rates)
    difference = _difference(decision)
    details = _details(claim.expr, decision, context, suggestion, difference)
    conversion = _written_conversion(claim.id, tree)
    if conversion is not None:
        from factcheck.rates.implied import implied_json

        # The article's rate analysis counts it with the convert claims.
        details.update({"from": conversion.from_code, "to": conversion.to_code,
                        "implied_rate": implied_json(conversion)})
    return Outcome(
        verdict=verdict,
        message=_message(claim.expr, decision, verdict, context, suggestion, difference),
        warnings=warnings,
        details=details,
        reading=_reading(claim.expr, claim.quote, decision, context,
                         difference if verdict != "holds" else None),
    )


def implied(claim: Claim) -> ImpliedRate | None:
    """The rate a claim writes when it converts one written amount into another
    (``1000억 위안 in KRW ≈ 약 16조4천780억 원``), for ``factcheck rates``; None for any
    other claim."""
    try:
        tree = parse_statement(claim.expr, ())
    except FactcheckError:
        return None
    return _written_conversion(claim.id, tree)


def _written_conversion(claim_id: str, tree: Any) -> ImpliedRate | None:
    """A comparison of equality between a written amount converted ``in CUR`` (at the
    day of publication) and a written amount in CUR: the conversion the article prints.
    A fact, a sum or a dated conversion is the data's, not the article's, so it is none."""
    if not isinstance(tree, Comparison) or tree.op not in ("==", "≈"):
        return None
    for converted, written in ((tree.left, tree.right), (tree.right, tree.left)):
        if (isinstance(converted, Convert) and converted.day is None
                and isinstance(converted.operand, Literal) and isinstance(written, Literal)):
            from factcheck.rates.implied import currency_of, implied_rate

            try:
                if currency_of(written.quantity, "stated amount") != converted.currency:
                    return None
                return implied_rate(claim_id, converted.operand.quantity, written.quantity)
            except FactcheckError:
                return None  # the claim's own verdict says what is wrong with it
    return None


def _reading(text: str, quote: str, decision: Decision, context: Context,
             difference: tuple[Any, Any] | None) -> Reading:
    """The stated side as written, the computed side and the gap in the article's notation.

    When the stated side is itself worked out from facts (``a > max(b, c)``), what the
    article says is its quote, and what the data says is each side's value."""
    lang = language_of(context.article.language)
    unit = decision.stated.unit
    node = decision.stated_node
    counter = decision.stated.counter
    gap, pct = "", ""
    if difference is not None and difference[0] != 0:
        absolute, relative = difference
        more = "more" if absolute > 0 else "less"
        gap = f"{readable_value(abs(absolute), unit, lang, counter)} {more}"
        pct = "" if relative is None else percent_text(relative)
    seen: list[str] = []
    for name in decision.facts:
        known = context.facts.get(name)
        if known is not None and known.fact.source not in seen:
            seen.append(known.fact.source)
    rates = tuple(dict.fromkeys(rate_ref(rate) for rate in decision.conversions))
    said = text[node.start : node.end].strip()
    data_says = readable(decision.computed.interval, unit, lang, counter)
    if names(node):
        sides = ((decision.computed_node, decision.computed), (node, decision.stated))
        said = quote
        data_says = "; ".join(
            f"{text[side.start : side.end].strip()}: {readable(q.interval, unit, lang, counter)}"
            for side, q in sides)
    return Reading(
        said=said,
        data_says=data_says,
        difference=gap,
        difference_pct=pct,
        sources=tuple(source_ref(sid, context) for sid in seen) + rates,
    )


def _unknown_reading(text: str, tree: Comparison, name: str, context: Context) -> Reading:
    """What the article said against a fact no source gives."""
    known = context.unknown.get(name)
    sources = (source_ref(known.fact.source, context),) if known is not None else ()
    return Reading(said=text[tree.right.start : tree.right.end].strip(),
                   data_says=f"unknown: no source gives {name}", sources=sources)


def _names(quantities: dict[str, Quantity], unknown: dict[str, Any]) -> Collection[str]:
    """Every fact name the parser must know, known values or not (the union is built
    once per run, not per claim: an archive has thousands of facts)."""
    if not unknown:
        return quantities.keys()
    if _NAMES[0] is not quantities or _NAMES[1] is not unknown or _NAMES[3] != (
            len(quantities), len(unknown)):
        _NAMES[:] = [quantities, unknown, quantities.keys() | unknown.keys(),
                     (len(quantities), len(unknown))]
    return _NAMES[2]  # type: ignore[no-any-return]


_NAMES: list[Any] = [None, None, None, None]


def _unknown_message(name: str, context: Context) -> str:
    known = context.unknown.get(name)
    source = f" [{known.fact.source}]" if known is not None else ""
    return f"rests on {name}, whose value no source gives (value: unknown{source})"


def _unknown_outcome(text: str, tree: Comparison, name: str, context: Context) -> Outcome:
    used = names(tree)
    return Outcome(
        verdict="undetermined",
        message=f"{text}: {_unknown_message(name, context)}, so the data cannot decide",
        warnings=later_sources(used, context),
        details={"expr": text, "unknown": name, "facts": _facts_json(used, context)},
        reading=_unknown_reading(text, tree, name, context),
    )


def _joined(claim: Claim, tree: Logic, quantities: dict[str, Quantity], context: Context,
            tolerance: Tolerance | None, rates: Rates) -> Outcome:
    """Comparisons joined by and/or: each decided alone, combined by Kleene's tables."""
    text = claim.expr
    parts: list[dict[str, Any]] = []
    warnings: list[str] = []
    readings: dict[str, Reading] = {}

    def part(node: Comparison) -> tuple[Truth, str]:
        snippet = text[node.start : node.end]
        try:
            decision = decide(node, quantities, text, tolerance,
                              unknown=context.unknown, rates=rates)
        except UnknownValue as unknown:
            truth = Truth.UNKNOWN
            message = _unknown_message(unknown.name, context)
            details: dict[str, Any] = {"unknown": unknown.name}
            readings[snippet] = _unknown_reading(text, node, unknown.name, context)
        else:
            truth = decision.truth
            verdict = _VERDICTS[truth.value]
            difference = _difference(decision)
            message = _message(text, decision, verdict, context, None, difference)
            details = _details(text, decision, context, None, difference)
            warnings.extend(_warnings(claim, decision, context, verdict))
            readings[snippet] = _reading(text, claim.quote, decision, context,
                                         difference if verdict != "holds" else None)
        parts.append({"expr": snippet, "verdict": _VERDICTS[truth.value],
                      "message": message, "details": details})
        return truth, snippet

    truth, deciders = combine(tree, part)
    verdict = _VERDICTS[truth.value]
    warnings.extend(_open_literal_warnings(text, tree, verdict))
    warnings.extend(later_sources(names(tree), context))
    decided_by = [snippet for _, _, snippet in deciders]
    shown = ", ".join(repr(s) for s in decided_by)
    lines = "; ".join(f"{p['expr']!r} {p['verdict']}: {p['message']}" for p in parts)
    message = f"{_PHRASES[verdict]}, decided by {shown}; the parts: {lines}"
    return Outcome(
        verdict=verdict,
        message=message,
        warnings=list(dict.fromkeys(warnings)),
        details={"expr": text, "logic": tree.op, "decided_by": decided_by, "parts": parts},
        # People read the part that decided (the first, when every part agreed).
        reading=readings[decided_by[0]],
    )


# (facts dict, its name -> quantity view, candidate order per replaced fact): every
# claim of a run shares one facts dict, so the view is built once, not per claim.
_SHARED: list[Any] = [None, {}, {}]


def _quantities(facts: dict[str, Any]) -> dict[str, Quantity]:
    if _SHARED[0] is not facts or len(_SHARED[1]) != len(facts):
        _SHARED[:] = [facts, {name: known.quantity for name, known in facts.items()}, {}]
    return _SHARED[1]  # type: ignore[no-any-return]


def _candidates(old: str, quantities: dict[str, Quantity]) -> list[str]:
    """Facts of ``old``'s dimension, likeliest first (cached while the facts are the same).

    Likeliest: facts about the same thing (``wuhan.core`` -> ``wuhan.related``), since
    the dotted prefix names the entity; the more of it shared, the likelier the
    intended figure. Ties go by name, for determinism.
    """
    cache = _SHARED[2] if _SHARED[1] is quantities else {}
    found = cache.get(old)
    if found is None:
        # Facts grouped by dimension once, in name order; each group is then ordered
        # for ``old`` by kinship alone (a stable sort keeps name order among equals),
        # which is the order of sorting all facts by kinship, then keeping the dimension.
        groups = cache.get(_GROUPS)
        if groups is None:
            groups = cache[_GROUPS] = {}
            for name in sorted(quantities):
                dimension = quantities[name].unit.dimensionality
                groups.setdefault(dimension, []).append((name, name.split(".")[:-1]))
        prefix = old.split(".")[:-1]
        group = groups[quantities[old].unit.dimensionality]
        found = [name for name, _ in sorted(group, key=lambda item: -_shared(prefix, item[1]))]
        # Each list is as long as the facts of a dimension: kept for a few hundred
        # replaced facts, not for every fact of a base of ten thousand.
        orders = cache.setdefault(_ORDERS_KEPT, [])
        if len(orders) >= MAX_KEPT_ORDERS:
            for name in orders:
                cache.pop(name, None)
            orders.clear()
        orders.append(old)
        cache[old] = found
    return found  # type: ignore[no-any-return]


_GROUPS = ("facts by dimension",)  # keys no fact name can be
_ORDERS_KEPT = ("replaced facts with a kept order",)
MAX_KEPT_ORDERS = 512


def _shared(a: list[str], b: list[str]) -> int:
    """How many leading entity segments two dotted fact names share."""
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared


_VERDICTS: dict[str, Verdict] = {
    "true": "holds",
    "false": "contradicted",
    "unknown": "undetermined",
}
_PHRASES = {
    "holds": "true for every value the data allows",
    "contradicted": "false for every value the data allows",
    "undetermined": "the data allows values that make it true and values that make it false",
}


def _side(text: str, node: Any, quantity: Quantity) -> str:
    return f"{text[node.start : node.end]} = {format_interval(quantity.interval, quantity.unit)}"


def _message(
    text: str,
    decision: Decision,
    verdict: str,
    context: Context,
    suggestion: tuple[str, str] | None,
    difference: tuple[Any, Any] | None,
) -> str:
    parts: list[str] = []
    computed = _side(text, decision.computed_node, decision.computed)
    stated = _side(text, decision.stated_node, decision.stated)
    if decision.target is not None:
        within = format_interval(decision.target, decision.stated.unit)
        how = []
        if decision.rounded:
            how.append("to its last written digit")
        if decision.tolerance is not None:
            how.append(f"by the tolerance {decision.tolerance.text}")
        elif decision.op == "≈":
            how.append("by the default tolerance 1% of ≈")
        widened = f" widened {' and '.join(how)}" if how else ""
        relation = "must lie outside" if decision.op == "!=" else "must lie within"
        parts.append(f"{computed} {relation} {within} ({stated}{widened})")
    else:
        parts.append(f"{computed} {decision.op} {stated}")
    parts[-1] += f": {_PHRASES[verdict]}"
    if difference is not None:
        parts.append(_difference_text(*difference, decision.stated.unit))
    if decision.facts:
        parts.append("facts: " + ", ".join(_fact_line(n, context) for n in decision.facts))
    for rate in dict.fromkeys(decision.conversions):
        parts.append(conversion_text(rate))
    if suggestion is not None:
        old, new = suggestion
        parts.append(f"it would hold with {_fact_line(new, context)} in place of {old}")
    return "; ".join(parts)


def _difference_text(absolute: Any, relative: Any, unit: Any) -> str:
    """``difference +2 CNY (+1.96% relative)``; percent amounts differ in points (pp)."""
    sign = "+" if absolute > 0 else ""
    if unit_json(unit) == "percent":
        amount = f"{format_number(absolute)} pp"
    else:
        amount = format_interval(Interval.point(absolute), unit)
    text = f"difference {sign}{amount}"
    if relative is not None:
        text += f" ({'+' if relative > 0 else ''}{format_number(relative, 3)}% relative)"
    return text


def _fact_line(name: str, context: Context) -> str:
    known = context.facts.get(name)
    if known is None:
        return name
    return f"{name} = {known.fact.value} [{known.fact.source}]"


def _difference(decision: Decision) -> tuple[Any, Any] | None:
    """Midpoint of the computed side minus midpoint of the stated side, and relative %."""
    a = decision.computed.interval.midpoint
    b = decision.stated.interval.midpoint
    if a is None or b is None:
        return None
    absolute = a - b
    relative = None if b == 0 else absolute / abs(b) * 100
    return absolute, relative


def _warnings(claim: Claim, decision: Decision, context: Context, verdict: str) -> list[str]:
    out: list[str] = []
    if claim.tolerance and decision.target is None:
        out.append(
            f"tolerance {claim.tolerance!r} is used only by ==, != and ≈; "
            f"it is ignored for {decision.op!r}"
        )
    out.extend(_tag_warnings(decision.facts, context))
    exact = _only_stated(decision)
    for name in decision.facts:
        if name in exact:
            continue  # stated(x) drops the bound: the verdict does not rest on it
        known = context.facts.get(name)
        if known is None:
            continue
        interval = known.quantity.interval
        if not (interval.lo_open or interval.hi_open):
            continue
        shown = format_interval(interval, known.quantity.unit)
        out.append(
            f"{name} is only known as {known.fact.value!r} = {shown}, "
            f"an open bound, {_consequence(verdict)}"
        )
    return out


def _only_stated(decision: Decision) -> set[str]:
    """Facts the comparison uses only inside stated(...)."""
    inside: set[str] = set()
    outside: set[str] = set()
    for side in (decision.computed_node, decision.stated_node):
        stack: list[tuple[Any, bool]] = [(side, False)]
        while stack:
            node, within = stack.pop()
            if isinstance(node, Name):
                (inside if within else outside).add(node.name)
            for child in _children(node):
                stack.append((child, within or isinstance(node, Stated)))
    return inside - outside


def _children(node: Any) -> list[Any]:
    if isinstance(node, (Stated, Convert, Negate)):
        return [node.operand]
    if isinstance(node, Chain):
        return [node.first, *(n for _, n in node.rest)]
    if isinstance(node, Call):
        return list(node.args)
    return []


def _consequence(verdict: str) -> str:
    if verdict == "undetermined":
        return "which leaves the verdict open"
    return "and the verdict rests on that bound"


def _open_literal_warnings(text: str, tree: Any, verdict: str) -> list[str]:
    out = []
    for node in literals(tree):
        interval = node.quantity.interval
        if interval.lo_open or interval.hi_open:
            shown = format_interval(interval, node.quantity.unit)
            out.append(
                f"{text[node.start : node.end]!r} at column {node.start + 1} = {shown} "
                f"is an open bound, {_consequence(verdict)}"
            )
    return out


def _tag_warnings(used: tuple[str, ...], context: Context) -> list[str]:
    """One warning per tag key whose values differ among the facts used."""
    by_key: dict[str, dict[str, list[str]]] = {}
    for name in used:
        known = context.facts.get(name)
        if known is None:
            continue
        for key, value in known.fact.tags.items():
            by_key.setdefault(key, {}).setdefault(value, []).append(name)
    out = []
    for key in sorted(by_key):
        groups = by_key[key]
        if len(groups) < 2:
            continue
        listed = "; ".join(
            f"{key}: {value} ({', '.join(groups[value])})" for value in sorted(groups)
        )
        out.append(f"the expression mixes facts with different {key!r} tags: {listed}")
    return out


def _substitute(
    tree: Any,
    decision: Decision,
    quantities: dict[str, Quantity],
    text: str,
    tolerance: Any,
    rates: Rates | None = None,
) -> tuple[str, str] | None:
    """The first (used fact, unused fact of the same dimension) swap that makes it hold.

    Facts already in the expression are skipped: ``a == b`` trivially holds as ``b == b``.
    """

    stated_facts = set(names(decision.stated_node))
    tries = 0
    allowed = min(MAX_SUBSTITUTIONS, MAX_SUBSTITUTION_CHARS // max(len(text), 1))
    swapped: dict[str, Quantity] | None = None
    for old in decision.facts:
        candidates = _candidates(old, quantities)
        if old not in stated_facts and not _may_hold(old, decision, candidates, quantities):
            # No candidate can make it hold: count the tries the loop would make.
            tries += sum(1 for new in candidates if new not in decision.facts)
            if tries > allowed:
                return None
            continue
        node = decision.computed_node
        # "old >= x": what redecide() would do for each candidate, with the candidate's
        # interval in the stated unit cached across claims (a contradicted claim may try
        # a hundred facts before one makes it hold).
        lone = (isinstance(node, Name) and node.name == old and decision.op in ORDERS
                and old not in stated_facts)
        for new in candidates:
            if new in decision.facts:
                continue
            tries += 1
            if tries > allowed:
                return None
            if lone:
                try:
                    interval = _converted(new, decision.stated.unit, quantities)
                except FactcheckError:  # as redecide's failures are skipped below
                    continue
                if ORDERS[decision.op](interval, decision.stated.interval) is Truth.TRUE:
                    return old, new
                continue
            if swapped is None:
                # One copy, one entry swapped at a time: copying every fact per try was
                # most of the search's cost once a fact base has hundreds of facts.
                swapped = dict(quantities)
            swapped[old] = quantities[new]
            try:
                if old in stated_facts:
                    truth = decide(tree, swapped, text, tolerance, rates=rates).truth
                else:
                    truth = redecide(tree, decision, swapped, text, rates)
                if truth is Truth.TRUE:
                    return old, new
            except FactcheckError:
                continue
            finally:
                swapped[old] = quantities[old]
    return None


def _converted(name: str, unit: Any, quantities: dict[str, Quantity]) -> Interval:
    """The fact's interval in ``unit`` (cached while the facts are the same)."""
    cache = _SHARED[2] if _SHARED[1] is quantities else {}
    key = ("in", name, unit)
    found = cache.get(key)
    if found is None:
        found = cache[key] = quantities[name].to(unit).interval
    return found  # type: ignore[no-any-return]


def _may_hold(
    old: str, decision: Decision, candidates: list[str], quantities: dict[str, Quantity]
) -> bool:
    """False only when no candidate in place of ``old`` can make the comparison hold.

    Decidable cheaply when the computed side is ``old`` alone and the operator is an
    order: ``old >= x`` holds only for a fact whose lower bound reaches x's upper
    bound, so the largest lower bound among the candidates settles it for all of
    them (``<``/``<=`` likewise with the smallest upper bound). Most overstatements
    have no such fact, and the search then costs one comparison instead of one
    evaluation per fact of the same dimension.
    """

    node = decision.computed_node
    if not isinstance(node, Name) or node.name != old or decision.op not in ORDERS:
        return True
    upward = decision.op in (">", ">=")
    stated = decision.stated.interval
    bound = stated.hi if upward else stated.lo
    if bound is None:
        return False  # holding needs a finite bound on the stated side
    best = _extreme(old, upward, candidates, quantities)
    if best is None:
        return False  # no candidate has a finite end on the needed side
    try:
        best = best * units.conversion_factor(quantities[old].unit, decision.stated.unit)
    except Exception:  # noqa: BLE001 - undecidable here: let the search decide
        return True
    return best >= bound if upward else best <= bound


def _extreme(old: str, upward: bool, candidates: list[str],
             quantities: dict[str, Quantity]) -> Any:
    """The largest lower (``upward``) or smallest upper bound of the candidates, in
    ``old``'s unit; None when none has one. Cached with the candidates' order."""

    cache = _SHARED[2] if _SHARED[1] is quantities else {}
    key = (old, upward)
    if key not in cache:
        unit = quantities[old].unit
        ends = []
        for name in candidates:
            q = quantities[name]
            end = q.interval.lo if upward else q.interval.hi
            if end is not None:
                ends.append(end * units.conversion_factor(q.unit, unit))
        cache[key] = (max(ends) if upward else min(ends)) if ends else None
    return cache[key]


def _details(
    text: str,
    decision: Decision,
    context: Context,
    suggestion: tuple[str, str] | None,
    difference: tuple[Any, Any] | None,
) -> dict[str, Any]:
    facts = _facts_json(decision.facts, context)
    source_ids = list(dict.fromkeys(f["source"] for f in facts))
    sources = []
    for sid in source_ids:
        source = context.sources.get(sid)
        sources.append(
            {
                "id": sid,
                "title": None if source is None else source.title,
                "url": None if source is None else source.url,
            }
        )
    stated_left = decision.stated_node.start < decision.computed_node.start
    left_q, right_q = (
        (decision.stated, decision.computed)
        if stated_left
        else (decision.computed, decision.stated)
    )
    return {
        "expr": text,
        "left": interval_json(left_q.interval, left_q.unit),
        "right": interval_json(right_q.interval, right_q.unit),
        "stated": "left" if stated_left else "right",
        "operator": decision.op,
        "target": None
        if decision.target is None
        else interval_json(decision.target, decision.stated.unit),
        "tolerance": None if decision.tolerance is None else decision.tolerance.text,
        "difference": None
        if difference is None
        else {
            "absolute": exact_string(difference[0]),
            "relative_pct": None if difference[1] is None else exact_string(difference[1]),
        },
        "facts": facts,
        "sources": sources,
        "would_hold_with": None
        if suggestion is None
        else {"replace": suggestion[0], "with": suggestion[1]},
        **({"conversions": [conversion_json(r) for r in dict.fromkeys(decision.conversions)]}
           if decision.conversions else {}),
    }


def _facts_json(used: Any, context: Context) -> list[dict[str, Any]]:
    """The facts used, each with its written value and source (unknown ones too)."""
    out = []
    for name in used:
        known = context.facts.get(name) or context.unknown.get(name)
        if known is not None:
            out.append({"name": name, "value": known.fact.value, "source": known.fact.source})
    return out
