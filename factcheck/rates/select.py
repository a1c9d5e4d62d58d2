"""Which rates an article is checked against: --rates, else its own file, else the ECB."""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from factcheck.rates.reference import RateProvider, ecb_provider

if TYPE_CHECKING:
    from factcheck.claims.model import Article


@functools.cache
def _file_provider(path: str, display: str) -> RateProvider:
    from factcheck.rates.ratesfile import load_rates_file

    return load_rates_file(path, display)


def rates_file_provider(path: str) -> RateProvider:
    """A user rates file, read once per process; the report names it as given."""
    if not path:
        from factcheck.errors import RateError

        # Not the current folder, which is what an empty path would resolve to.
        raise RateError("the rates file path is empty", hint="give the path of a rates file",
                        code="rates.file")
    return _file_provider(os.path.abspath(path), path)


def provider_for(
    article: Article | None, article_file: str | None, override: str | None = None,
    roots: tuple[str, ...] | None = None,
) -> RateProvider:
    """``override`` (``--rates FILE``) wins because it is the run's explicit choice;
    then the article's ``rates:`` path (relative to its claim file, inside ``roots``:
    see :func:`factcheck.fileio.claim_relative_path`); then the ECB."""
    if override:
        return rates_file_provider(override)
    if article is not None and article.rates:
        from factcheck.fileio import claim_relative_path

        return rates_file_provider(claim_relative_path(article_file or "", article.rates, roots))
    return ecb_provider()
