"""Mobile carriers a Korean phone line can be registered with, as the carrier-check screens list them."""

from __future__ import annotations

CARRIERS = ("SKT", "KT", "LG U+", "알뜰폰(SKT)", "알뜰폰(KT)", "알뜰폰(LG U+)")

# Rough subscriber shares, so generated customers are spread the way a bank's really are.
CARRIER_WEIGHTS = (40, 23, 20, 7, 6, 4)
