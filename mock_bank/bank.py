"""Wires the bank's services to one store, one clock and one CA."""

from __future__ import annotations

from dataclasses import dataclass

from mock_bank.clock import Clock, opening_on
from mock_bank.errors import Reason
from mock_bank.services.account_check import AccountCheck
from mock_bank.services.app_release import AppRelease
from mock_bank.services.ca import CaMaterial, CertificateAuthority
from mock_bank.services.certificate_login import CertificateLogin
from mock_bank.services.certificate_status import Certificates
from mock_bank.services.credentials import Credentials
from mock_bank.services.devices import Devices
from mock_bank.services.faults import Faults
from mock_bank.services.id_check import IdCheck
from mock_bank.services.issuance import Issuance
from mock_bank.services.leaf_profile import Addresses
from mock_bank.services.ocsp import OcspResponder
from mock_bank.services.one_time_codes import CodePolicy, OneTimeCodes
from mock_bank.services.phone_check import PhoneCheck
from mock_bank.services.registry import Registry
from mock_bank.services.renewal import Renewal
from mock_bank.services.revocation import Revocations
from mock_bank.services.sessions import Sessions
from mock_bank.services.signing import Transfers
from mock_bank.services.sms_gateway import SmsGateway
from mock_bank.settings import RuleSettings, ServerSettings
from mock_bank.store import Store


@dataclass(frozen=True)
class Bank:
    rules: RuleSettings
    store: Store
    clock: Clock
    ca: CertificateAuthority
    faults: Faults
    sessions: Sessions
    sms_gateway: SmsGateway
    registry: Registry
    phone_check: PhoneCheck
    account_check: AccountCheck
    id_check: IdCheck
    credentials: Credentials
    issuance: Issuance
    login: CertificateLogin
    app_release: AppRelease
    certificates: Certificates
    devices: Devices
    revocations: Revocations
    ocsp: OcspResponder
    transfers: Transfers
    renewal: Renewal

    def reset(self) -> None:
        """Undo everything a scenario arranged or did; the CA stays, so the root tests trust stays too."""
        self.store.reset()
        self.clock.reset()
        self.faults.reset()
        self.app_release.reset()

    def close(self) -> None:
        self.store.close()


class StartError(Exception):
    """The bank cannot open as asked; the message says what to change."""


def load_ca(store: Store, clock: Clock, addresses: Addresses) -> CertificateAuthority:
    saved = store.ca_material()
    if saved is not None:
        ca = CertificateAuthority.from_material(CaMaterial(**saved), addresses)
        # A CA made on a later day (another --today) would sign certificates no verifier accepts yet; replacing
        # it would orphan the certificates already issued, so the choice is left to whoever started the bank.
        issuing = ca.issuing_certificate  # valid for fewer years than the root, from the same day
        if not issuing.not_valid_before_utc <= clock.now() < issuing.not_valid_after_utc:
            raise StartError(f"the CA saved in this database is valid from {issuing.not_valid_before_utc} to "
                             f"{issuing.not_valid_after_utc}, not at the bank's time {clock.now()}: "
                             "start with another --db (or another --today)")
        return ca
    # Made at the bank's time, so the CA's validity and its certificates' start on the bank's day.
    ca = CertificateAuthority.create(clock.now(), addresses)
    material = ca.material()
    store.save_ca_material({key: getattr(material, key) for key in CaMaterial.__dataclass_fields__})
    return ca


def open_bank(settings: ServerSettings, clock: Clock | None = None) -> Bank:
    """`clock` is for unit tests that need time to stand still; the server's runs from settings.today."""
    rules = settings.rules
    store = Store(settings.database)
    # Before the CA: a new one takes its validity from this clock.
    clock = clock or Clock(start=opening_on(settings.today) if settings.today is not None else None)
    try:
        ca = load_ca(store, clock, Addresses(settings.public_url))
    except StartError:
        store.close()
        raise
    faults = Faults()
    sessions = Sessions(store, clock, rules.issuance_session_lifetime)
    gateway = SmsGateway(store, clock, faults)
    sms_codes = OneTimeCodes(store, clock, CodePolicy(
        "sms", rules.sms_code_digits, rules.sms_code_validity, rules.sms_code_max_wrong,
        Reason.SMS_NOT_REQUESTED, Reason.SMS_CODE_WRONG, Reason.SMS_CODE_EXPIRED, Reason.SMS_CODE_VOID))
    deposit_codes = OneTimeCodes(store, clock, CodePolicy(
        "deposit", rules.deposit_code_digits, rules.deposit_code_validity, rules.deposit_code_max_wrong,
        Reason.DEPOSIT_NOT_REQUESTED, Reason.DEPOSIT_CODE_WRONG, Reason.DEPOSIT_CODE_EXPIRED,
        Reason.DEPOSIT_CODE_VOID))
    certificates = Certificates(store, clock, rules, ca)
    revocations = Revocations(store, clock, rules, ca)
    return Bank(
        rules=rules, store=store, clock=clock, ca=ca, faults=faults, sessions=sessions, sms_gateway=gateway,
        registry=Registry(store, clock),
        phone_check=PhoneCheck(store, clock, rules, sessions, sms_codes, gateway, later_codes=(deposit_codes,)),
        account_check=AccountCheck(store, clock, rules, sessions, deposit_codes),
        id_check=IdCheck(store, sessions),
        credentials=Credentials(rules, sessions, store),
        issuance=Issuance(store, clock, sessions, ca),
        login=CertificateLogin(store, clock, certificates, rules.login_idle_timeout),
        app_release=AppRelease(rules),
        certificates=certificates,
        devices=Devices(store),
        revocations=revocations,
        ocsp=OcspResponder(store, clock, ca, revocations),
        transfers=Transfers(store, clock, rules, certificates),
        renewal=Renewal(store, clock, ca, certificates),
    )
