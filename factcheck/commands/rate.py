"""``factcheck rate FROM TO DATE``: the reference exchange rate of a day, as JSON."""

from __future__ import annotations

import argparse

HELP = "print the reference exchange rate for a pair and a date"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("from_code", metavar="FROM", help="ISO code of the currency sold, e.g. CNY")
    p.add_argument("to_code", metavar="TO", help="ISO code of the currency bought, e.g. KRW")
    p.add_argument("date", metavar="DATE", help="ISO date, e.g. 2017-11-18")
    p.add_argument("--rates", metavar="FILE",
                   help="a rates file (Date,From,To,Rate or the ECB layout) "
                   "instead of the ECB data")


def run(args: argparse.Namespace) -> int:
    import datetime as dt
    import json

    from factcheck.errors import RateError
    from factcheck.rates import provider_for

    try:
        day = dt.date.fromisoformat(args.date)
    except ValueError:
        raise RateError(
            f"date {args.date!r} is not an ISO date", hint="write it like 2017-11-18"
        ) from None
    provider = provider_for(None, None, args.rates)
    rate = provider.rate(args.from_code, args.to_code, day)
    from factcheck.formats.escape import json_document

    print(json_document(json.dumps(rate.to_json(), ensure_ascii=False)))
    return 0
