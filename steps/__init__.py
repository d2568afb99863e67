"""Step definitions, one module per domain concept, loaded as pytest plugins from the root conftest."""
