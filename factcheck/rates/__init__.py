"""Exchange rates: reference rates (ECB or a user file), implied rates, clusters.

Nothing heavy is imported here; the ECB data is read only when a rate is asked for.
"""

from __future__ import annotations

from factcheck.rates.reference import ECB_SOURCE, RateProvider, ReferenceRate, ecb_provider
from factcheck.rates.select import provider_for

__all__ = ["ECB_SOURCE", "RateProvider", "ReferenceRate", "ecb_provider", "provider_for"]
