"""The customer's certificates as the bank recorded them, oldest first; read through test control.

Not a step module: steps about the certificate's life call it to name 'the first' and 'the current' one.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography import x509

from identities.registered_customer import RegisteredCustomer
from support.control_client import ControlClient


@dataclass(frozen=True)
class Recorded:
    serial: str
    pem: str
    status: str

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.pem.encode("ascii"))


def recorded(bank: ControlClient, customer: RegisteredCustomer) -> list[Recorded]:
    found = [Recorded(row["serial"], row["pem"], row["status"]) for row in bank.certificates(customer.customer_id)]
    assert found, "the bank holds no certificate for this customer"
    return found


def first_certificate(bank: ControlClient, customer: RegisteredCustomer) -> Recorded:
    return recorded(bank, customer)[0]


def latest_certificate(bank: ControlClient, customer: RegisteredCustomer) -> Recorded:
    return recorded(bank, customer)[-1]
