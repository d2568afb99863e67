"""The mock bank's HTTP face: server-rendered screens, the device API and the test-control API."""
