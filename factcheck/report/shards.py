"""What one shard of a sharded run covered, and whether a set of shard reports is whole.

A shard report (``check --shard K/N``) records its number, the number of shards, the
files it was given and a digest of the facts and sources it checked against. ``merge``
refuses shards checked against different facts, the same shard twice, or a set with
shards missing (unless ``--partial``), and names what is wrong.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import TYPE_CHECKING, Any

from factcheck.errors import ClaimFileError, Location

if TYPE_CHECKING:
    from factcheck.claims.load import Catalog

MAX_SHARDS = 1_000_000


def parse_shard(text: str) -> tuple[int, int]:
    """``K/N`` (shard K of N, 1 <= K <= N) as a pair; ValueError with the reason otherwise."""
    number, sep, count = text.partition("/")
    if not sep or not number.strip().isdigit() or not count.strip().isdigit():
        raise ValueError(f"{text!r} is not K/N; write e.g. 3/10 for the third of ten shards")
    k, n = int(number), int(count)
    if not 1 <= k <= n <= MAX_SHARDS:
        raise ValueError(f"{text!r}: K/N needs 1 <= K <= N <= {MAX_SHARDS:,}")
    return k, n


def facts_digest(catalog: Catalog) -> str:
    """A digest of every fact (name, value as written, source, tags) and source known."""
    facts = [[name, known.fact.value, known.fact.source, sorted(known.fact.tags.items())]
             for name, known in sorted(catalog.facts.items())]
    sources = [[sid, _compact(source)] for sid, source in sorted(catalog.sources.items())]
    data = json.dumps([facts, sources], ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(data.encode("utf-8")).hexdigest()


def _compact(entry: Any) -> str:
    """An entry's fields as compact JSON, whether the loader gave a record or a model
    instance (the same text pydantic's ``model_dump_json`` writes for a Source)."""
    fields = {key: value.isoformat() if isinstance(value, dt.date) else value
              for key, value in vars(entry).items()}
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def shard_record(shard: tuple[int, int], files: list[str], catalog: Catalog) -> dict[str, Any]:
    number, count = shard
    return {"number": number, "of": count, "files": sorted(files), "facts": facts_digest(catalog)}


def read_shard(value: Any, origin: str) -> dict[str, Any] | None:
    """A report's ``shard`` block, checked field by field (reports may come from anyone)."""
    if value is None:
        return None
    ok = (isinstance(value, dict)
          and _whole(value.get("of")) and _whole(value.get("number"))
          and 1 <= value["number"] <= value["of"] <= MAX_SHARDS
          and isinstance(value.get("files"), list)
          and all(isinstance(f, str) for f in value["files"])
          and isinstance(value.get("facts"), str) and len(value["facts"]) <= 200)
    if not ok:
        raise ClaimFileError(
            "malformed report: 'shard' is not {number, of, files, facts} with 1 <= number <= of",
            hint="merge unmodified output of `factcheck check --shard K/N --format json`",
            location=Location(origin), code="merge.not-a-report")
    return {"number": value["number"], "of": value["of"], "files": list(value["files"]),
            "facts": value["facts"]}


def _name(origin: str) -> str:
    """A report's path as errors show file names (escaped: no control character, no ``::``)."""
    return str(Location(origin))


def _whole(x: Any) -> bool:
    return x.__class__ is int


def check_shards(shards: list[tuple[str, dict[str, Any] | None]], partial: bool) -> list[str]:
    """Refuse an inconsistent set of shard reports; return notes on what a partial one lacks."""
    recorded = [(origin, s) for origin, s in shards if s is not None]
    if not recorded:
        return []  # reports of whole runs (no --shard): nothing to check against
    bare = [_name(origin) for origin, s in shards if s is None]
    if bare:
        raise _refuse("merge.inconsistent",
                      f"{_names(bare)} record no shard while {_name(recorded[0][0])} "
                      f"is shard "
                      f"{recorded[0][1]['number']} of {recorded[0][1]['of']}",
                      "merge the reports of one sharded run (check --shard K/N) only")
    recorded = [(_name(origin), s) for origin, s in recorded]
    first_origin, first = recorded[0]
    for origin, s in recorded[1:]:
        if s["of"] != first["of"]:
            raise _refuse("merge.inconsistent",
                          f"{first_origin} is one of {first['of']} shards but {origin} is one "
                          f"of {s['of']}", "merge the reports of one sharded run only")
        if s["facts"] != first["facts"]:
            raise _refuse("merge.inconsistent",
                          f"{origin} was checked against other facts than {first_origin} "
                          f"({s['facts'][:19]} vs {first['facts'][:19]})",
                          "give every shard the same fact files, then check them again")
    seen: dict[int, str] = {}
    for origin, s in recorded:
        if s["number"] in seen:
            raise _refuse("merge.duplicate",
                          f"shard {s['number']} of {s['of']} is in both {seen[s['number']]} "
                          f"and {origin}", "merge each shard's report once")
        seen[s["number"]] = origin
    missing = [n for n in range(1, first["of"] + 1) if n not in seen]
    if not missing:
        return []
    what = f"{_numbers(missing)} of {first['of']} missing"
    if not partial:
        raise _refuse("merge.partial", f"the set of shard reports is partial: {what}",
                      "merge every shard's report, or pass --partial to merge only these")
    return [f"partial merge: {what}"]


def _numbers(missing: list[int]) -> str:
    shown = ", ".join(str(n) for n in missing[:20])
    more = f" and {len(missing) - 20} more" if len(missing) > 20 else ""
    return f"shard{'s' if len(missing) > 1 else ''} {shown}{more}"


def _names(origins: list[str]) -> str:
    shown = ", ".join(origins[:3])
    return shown + (f" (and {len(origins) - 3} more)" if len(origins) > 3 else "")


def _refuse(code: str, message: str, hint: str) -> ClaimFileError:
    return ClaimFileError(message, hint=hint, code=code)
