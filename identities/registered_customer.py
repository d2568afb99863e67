"""A generated customer once the mock bank knows them: identity, chosen secrets and the bank's id for them."""

from __future__ import annotations

from dataclasses import dataclass

from identities.certificate_secrets import CertificateSecrets
from identities.customer import Customer


@dataclass(frozen=True)
class RegisteredCustomer:
    """A generated identity, the PIN and pattern they will choose, and the id the mock bank gave them."""

    identity: Customer
    secrets: CertificateSecrets
    customer_id: str
