"""Test customers for the harness: Korean identities, their accounts and ID cards, built with Faker."""

from __future__ import annotations

from identities.customer import Customer
from identities.provider import KoreanIdentityProvider, seed_for, seeded_faker

__all__ = ["Customer", "KoreanIdentityProvider", "seed_for", "seeded_faker"]
