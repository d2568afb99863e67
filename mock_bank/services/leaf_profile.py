"""What a customer's certificate tells a relying party beyond its name: where to check it, and under what policy.

Like a real Korean bank's certificate, it points to the CA's own CRL (CRL distribution points), to the issuing
CA's certificate and the OCSP responder (authority information access), all under the bank's public URL, and
names the certificate policy it was issued under.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography import x509
from cryptography.x509.oid import AuthorityInformationAccessOID

# The paths the bank serves them at (web/public_ca.py); DER, as RFC 5280 asks of HTTP URIs in both.
CRL_PATH = "/ca/crl.der"
ISSUER_PATH = "/ca/issuing.der"
OCSP_PATH = "/ca/ocsp"
# RFC 7229's id-TEST-certPolicyOne, reserved for test certificates: a real bank names its CA's own arc
# (1.2.410...), which a mock must not borrow, or its certificates could pass for that bank's.
TEST_POLICY = x509.ObjectIdentifier("1.3.6.1.5.5.7.13.1")


@dataclass(frozen=True)
class Addresses:
    """The bank's public URL, where the CA's files and responder are reached (ServerSettings.public_url)."""

    public_url: str

    @property
    def crl(self) -> str:
        return self.public_url + CRL_PATH

    @property
    def issuer(self) -> str:
        return self.public_url + ISSUER_PATH

    @property
    def ocsp(self) -> str:
        return self.public_url + OCSP_PATH


def with_relying_party_extensions(builder: x509.CertificateBuilder, addresses: Addresses) -> x509.CertificateBuilder:
    uri = x509.UniformResourceIdentifier
    full_crl = x509.DistributionPoint(full_name=[uri(addresses.crl)], relative_name=None, reasons=None,
                                      crl_issuer=None)
    access = [x509.AccessDescription(AuthorityInformationAccessOID.OCSP, uri(addresses.ocsp)),
              x509.AccessDescription(AuthorityInformationAccessOID.CA_ISSUERS, uri(addresses.issuer))]
    return (builder
            .add_extension(x509.CRLDistributionPoints([full_crl]), critical=False)
            .add_extension(x509.AuthorityInformationAccess(access), critical=False)
            .add_extension(x509.CertificatePolicies([x509.PolicyInformation(TEST_POLICY, None)]), critical=False))
