"""What steps, flows, pages and fixtures use while scenarios run (the test-control client, the independent checks,
code readers, masking, evidence), and the harness's settings."""
