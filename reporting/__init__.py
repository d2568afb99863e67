"""Building the report from the results: categories, the single-file HTML mended, shards merged, retries marked, and
the report read back in Chromium."""
