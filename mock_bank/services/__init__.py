"""The bank's rules, one module per check the customer goes through."""
