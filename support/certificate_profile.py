"""The harness's reading of what an issued certificate tells a relying party: where to check it, under which
policy, and what its key may do; then it follows those addresses, as a relying party would.

Restated from the bank's published profile (README) rather than imported from `mock_bank`, like the rest of the
harness's certificate checks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

import httpx
from cryptography import x509
from cryptography.x509.oid import AuthorityInformationAccessOID

from support.certificates import CertificateCheckFailed, load_pem_chain
from support.revocation import CRL_PATH, fetch_crl_at, verify_crl

ISSUER_PATH = "/ca/issuing.der"
OCSP_PATH = "/ca/ocsp"
TEST_POLICY = "1.3.6.1.5.5.7.13.1"  # RFC 7229's id-TEST-certPolicyOne: a test certificate says so
# What a customer's key may do besides digitalSignature and nonRepudiation: nothing.
FORBIDDEN_USAGES = ("key_encipherment", "data_encipherment", "key_agreement", "key_cert_sign", "crl_sign")

ExtensionT = TypeVar("ExtensionT", bound=x509.ExtensionType)


def _extension(certificate: x509.Certificate, kind: type[ExtensionT]) -> x509.Extension[ExtensionT] | None:
    try:
        return certificate.extensions.get_extension_for_class(kind)
    except x509.ExtensionNotFound:
        return None


def crl_urls(certificate: x509.Certificate) -> list[str]:
    points = _extension(certificate, x509.CRLDistributionPoints)
    if points is None:
        return []
    names = [name for point in points.value for name in point.full_name or []]
    return [name.value for name in names if isinstance(name, x509.UniformResourceIdentifier)]


def access_urls(certificate: x509.Certificate, method: x509.ObjectIdentifier) -> list[str]:
    described = _extension(certificate, x509.AuthorityInformationAccess)
    if described is None:
        return []
    return [entry.access_location.value for entry in described.value
            if entry.access_method == method and isinstance(entry.access_location, x509.UniformResourceIdentifier)]


def ocsp_url(certificate: x509.Certificate) -> str:
    """The one OCSP responder the certificate names."""
    urls = access_urls(certificate, AuthorityInformationAccessOID.OCSP)
    if len(urls) != 1:
        raise CertificateCheckFailed(f"expected one OCSP responder in the certificate, found {urls}")
    return urls[0]


def _usage_problems(certificate: x509.Certificate) -> list[str]:
    usage = _extension(certificate, x509.KeyUsage)
    if usage is None:
        return ["no key usage"]
    problems = [] if usage.critical else ["key usage is not critical"]
    if not (usage.value.digital_signature and usage.value.content_commitment):
        problems.append("key usage lacks digitalSignature or nonRepudiation: a signed transfer could be denied")
    problems += [f"key usage allows {name}" for name in FORBIDDEN_USAGES if getattr(usage.value, name)]
    return problems


def profile_problems(certificate: x509.Certificate, bank_url: str) -> list[str]:
    """What the certificate gets wrong against the profile, all at once; empty when it is right."""
    problems = _usage_problems(certificate)
    aia = AuthorityInformationAccessOID
    expected = {"CRL distribution points": ([bank_url + CRL_PATH], crl_urls(certificate)),
                "OCSP responder": ([bank_url + OCSP_PATH], access_urls(certificate, aia.OCSP)),
                "CA issuers": ([bank_url + ISSUER_PATH], access_urls(certificate, aia.CA_ISSUERS))}
    problems += [f"{what} {found}, expected {wanted}" for what, (wanted, found) in expected.items() if found != wanted]
    policies = _extension(certificate, x509.CertificatePolicies)
    named = [policy.policy_identifier.dotted_string for policy in policies.value] if policies else []
    if TEST_POLICY not in named:
        problems.append(f"certificate policies {named} lack the test policy {TEST_POLICY}")
    return problems


def check_relying_party_profile(certificate: x509.Certificate, bank_url: str, issuing_pem: str,
                                now: Callable[[], datetime]) -> None:
    """Raise unless the certificate carries the profile, the CA certificate it names is the issuing CA, and the
    CRL it names is the issuing CA's and current at `now()`, read after the CRL arrived: read before, a CRL made
    in the next second (its times are whole seconds) would look issued in the future."""
    problems = profile_problems(certificate, bank_url)
    if problems:
        raise CertificateCheckFailed("; ".join(problems))
    (issuing,) = load_pem_chain(issuing_pem)
    (issuer_url,) = access_urls(certificate, AuthorityInformationAccessOID.CA_ISSUERS)
    response = httpx.get(issuer_url, timeout=10.0)
    response.raise_for_status()
    if x509.load_der_x509_certificate(response.content) != issuing:
        raise CertificateCheckFailed(f"{issuer_url} is not the issuing CA's certificate")
    (crl_url,) = crl_urls(certificate)
    crl = fetch_crl_at(crl_url)
    verify_crl(crl, issuing_pem, now())
