"""The harness's OCSP check: openssl's own OCSP client asks the responder the certificate names.

A client other than the bank's `cryptography`, on purpose: openssl checks the answer's signature up to the
root and that it carries the nonce it sent, and the harness reads the status line it prints. openssl judges
the answer's thisUpdate by this machine's clock, while the bank answers on its own (a run's --today opens it at
10:00 KST, which can be hours ahead of the machine; scenarios move it years): so openssl is allowed exactly the
difference between the two clocks (`-validity_period`), plus its own default five minutes, and no more.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509

from support.certificate_profile import ocsp_url
from support.certificates import CertificateCheckFailed

OPENSSL_SECONDS = 30
OPENSSL_DEFAULT_SKEW_SECONDS = 300  # what `openssl ocsp` allows without -validity_period
STATUS_LINE = re.compile(r"^leaf\.pem: (good|revoked|unknown)$", re.MULTILINE)
REASON_LINE = re.compile(r"^\s*Reason: (\S+)$", re.MULTILINE)


def clock_difference(bank_time: datetime) -> int:
    """Whole seconds between the bank's clock and this machine's, rounded up."""
    return math.ceil(abs((bank_time - datetime.now(UTC)).total_seconds()))


@dataclass(frozen=True)
class OcspStatus:
    status: str  # good, revoked or unknown
    reason: str | None  # as RFC 5280 spells it: superseded, certificateHold, ...
    text: str  # the response as openssl prints it (-resp_text), for the report


def ask_responder(leaf_pem: str, issuing_pem: str, root_pem: str, bank_time: datetime) -> OcspStatus:
    """The status openssl reads from the OCSP responder in the certificate, once it verified the answer;
    `bank_time` is the bank's clock now, which the answer's times follow."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise CertificateCheckFailed("openssl is not on PATH: the harness asks OCSP with `openssl ocsp`")
    url = ocsp_url(x509.load_pem_x509_certificate(leaf_pem.encode("ascii")))
    with tempfile.TemporaryDirectory(prefix="kb-ocsp-") as folder:
        for name, pem in (("leaf", leaf_pem), ("issuing", issuing_pem), ("root", root_pem)):
            (Path(folder) / f"{name}.pem").write_text(pem, encoding="ascii")
        command = [openssl, "ocsp", "-issuer", "issuing.pem", "-cert", "leaf.pem", "-url", url, "-CAfile", "root.pem",
                   "-resp_text", "-timeout", str(OPENSSL_SECONDS),
                   "-validity_period", str(clock_difference(bank_time) + OPENSSL_DEFAULT_SKEW_SECONDS)]
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False,
                                timeout=OPENSSL_SECONDS + 5)
    if result.returncode != 0 or "Response verify OK" not in result.stderr:
        raise CertificateCheckFailed(f"openssl ocsp at {url} failed ({result.returncode}): {result.stderr.strip()}")
    status = STATUS_LINE.search(result.stdout)
    if status is None:
        raise CertificateCheckFailed(f"openssl ocsp printed no status:\n{result.stdout}")
    reason = REASON_LINE.search(result.stdout)
    return OcspStatus(status.group(1), reason.group(1) if reason else None, result.stdout)
