"""The CRL: every certificate the bank has retired, signed by the issuing CA and published at /ca/crl.pem.

A certificate is retired (and so revoked) when the customer re-issues, renews or registers another device
(superseded), or when the 5th wrong PIN locks it (held: the bank stops it; it never comes back, since only
re-issue gives the customer a new one). The list is built afresh on each request from the store, with
this_update at the bank's clock and next_update a week later (RuleSettings.crl_validity), so a test that
moves the clock sees a CRL current for that moment. The CRL number is the bank's clock in milliseconds: it
grows as time does.
"""

from __future__ import annotations

from datetime import datetime

from cryptography import x509
from cryptography.x509 import ReasonFlags

from mock_bank.clock import Clock
from mock_bank.records import RevokedRow
from mock_bank.services.ca import CertificateAuthority
from mock_bank.services.certificate_status import Status
from mock_bank.settings import RuleSettings
from mock_bank.store import Store

CRL_REASONS: dict[Status, ReasonFlags] = {
    Status.LOCKED: ReasonFlags.certificate_hold,
    Status.REPLACED: ReasonFlags.superseded,
    Status.RENEWED: ReasonFlags.superseded,
    Status.MOVED: ReasonFlags.superseded,
}


def serial_number(serial: str) -> int:
    """The store writes serials as openssl prints them, upper-case hex (issuance.serial_text)."""
    return int(serial, 16)


class Revocations:
    def __init__(self, store: Store, clock: Clock, rules: RuleSettings, ca: CertificateAuthority) -> None:
        self._store = store
        self._clock = clock
        self._rules = rules
        self._ca = ca

    def entry(self, serial: str) -> RevokedRow | None:
        """The CRL entry the certificate has, if any: the same rows the published list is built from."""
        return next((row for row in self._store.revoked_certificates() if row["serial"] == serial), None)

    def crl(self) -> x509.CertificateRevocationList:
        now = self._clock.now()
        builder = (x509.CertificateRevocationListBuilder()
                   .last_update(now)
                   .next_update(now + self._rules.crl_validity)
                   .add_extension(x509.CRLNumber(int(now.timestamp() * 1000)), critical=False))
        for row in self._store.revoked_certificates():
            revoked = (x509.RevokedCertificateBuilder()
                       .serial_number(serial_number(row["serial"]))
                       .revocation_date(datetime.fromisoformat(row["revoked_at"]))
                       .add_extension(x509.CRLReason(CRL_REASONS[Status(row["status"])]), critical=False)
                       .build())
            builder = builder.add_revoked_certificate(revoked)
        return self._ca.sign_crl(builder)
