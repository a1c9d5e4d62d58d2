"""Article texts drafted in memory and loaded as claim files, with no YAML written.

``check TEXT --published DATE`` and ``rates TEXT ...`` run the rate audit and the
article's own arithmetic on them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from factcheck.claims.load import Catalog


def drafted_catalog(paths: list[str], published: str, language: str | None) -> Catalog:
    """Every text of ``paths`` drafted and loaded as the claim file ``TEXT.draft.yaml`` would
    be (``factcheck draft TEXT -o TEXT.draft.yaml`` writes that very file)."""
    from factcheck.claims.load import Catalog, load_text
    from factcheck.commands.draft import draft_file
    from factcheck.report.runner import problem_from

    catalog = Catalog()
    for path in paths:
        virtual = f"{path}.draft.yaml"
        try:
            text, _, _, _ = draft_file(path, published, language=language,
                                       claim_file=virtual, in_memory=True)
        except FactcheckError as exc:
            if exc.code == "draft.published":
                raise
            catalog.problems.append(problem_from(exc, path))
            continue
        loaded = load_text(text, virtual)
        catalog.articles.extend(loaded.articles)
        catalog.problems.extend(loaded.problems)
        catalog.files.append(virtual)
    return catalog
