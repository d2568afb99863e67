"""`make load`: N customers issue their KB국민인증서 at once over HTTP against a fresh mock bank (locust).

Each simulated customer is a fresh generated identity on a locust user: it walks every issuance step the way
the app does (the screens' form posts, the ID photo, then the JSON calls for the PIN, the pattern and a
P-256 key whose challenge it signs), reading its SMS and 1원 codes through test control as the harness does.
At the end each customer checks that nothing of anyone else reached it: the certificate names this
customer, the bank holds exactly one certificate for them, and its key is the one this customer made.

Prints throughput, latency percentiles per step, errors and crossed customers; exits 1 on any error or
crossing. Loopback only, bounded by the number of customers. Measures, never asserts a speed.
"""

from __future__ import annotations

# locust patches the standard library for gevent when imported: it comes first, before anything opens sockets.
from locust import HttpUser, events, task  # isort: skip
from locust.env import Environment  # isort: skip
from locust.exception import StopUser  # isort: skip

import argparse
import base64
import itertools
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gevent
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from flows.issuance_shortcut import ALL_TERMS, deposit_form, phone_form
from identities import seeded_faker
from identities.certificate_secrets import make_secrets
from identities.id_card_image import card_png
from support.control_client import ControlClient
from support.one_time_codes import latest_deposit_code, latest_sms_code
from support.ports import free_port
from support.settings import KST

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Outcome:
    issued: int = 0
    errors: list[str] = field(default_factory=list)
    crossings: list[str] = field(default_factory=list)


OUTCOME = Outcome()
SEEDS = itertools.count(int(os.environ.get("LOAD_SEED", "20261202")))


class Refused(Exception):
    pass


def p1363_signature(key: ec.EllipticCurvePrivateKey, data: bytes) -> str:
    """ECDSA P-256/SHA-256 as WebCrypto writes it (r||s), base64."""
    r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
    return base64.b64encode(r.to_bytes(32, "big") + s.to_bytes(32, "big")).decode()


class IssuingCustomer(HttpUser):
    """One customer, one issuance, then the user stops."""

    def on_start(self) -> None:
        seed = next(SEEDS)
        assert self.host is not None, "locust gives every user the bank's URL"
        self.control = ControlClient(self.host)
        # Aged on the bank's day, which a bank started with --today does not share with this machine.
        self.person = seeded_faker(seed, self.control.now().astimezone(KST).date()).customer()
        self.secrets = make_secrets(random.Random(seed), self.person.birth_date)
        self.customer_id = self.control.register(dict(self.person.to_registration()))

    @task
    def issue(self) -> None:
        try:
            self._issue()
            OUTCOME.issued += 1
        except Refused as error:
            OUTCOME.errors.append(str(error))
        finally:
            self.control.close()
        raise StopUser()

    def _post(self, name: str, path: str, expect: int, **kwargs: Any) -> Any:
        with self.client.post(path, name=name, allow_redirects=False, catch_response=True, **kwargs) as response:
            if response.status_code != expect:
                response.failure(f"{response.status_code}")
                raise Refused(f"{name}: {response.status_code} {response.text[:200]}")
            return response

    def _issue(self) -> None:
        person = self.person
        self._post("start", "/issue/start", 303, data={"purpose": "new"})
        self._post("terms", "/issue/terms", 303, data=[("terms", term) for term in ALL_TERMS])
        self._post("sms request", "/issue/phone/code-request", 303,
                   data=phone_form(person.carrier, person.name, person.rrn, person.phone))
        code = latest_sms_code(self.control.sms_inbox(person.phone))
        self._post("sms code", "/issue/phone/code", 303, data={"code": code})
        account = person.account
        self._post("deposit", "/issue/account/deposit", 303, data=deposit_form(account))
        code = latest_deposit_code(self.control.deposits(account.bank, account.digits))
        self._post("deposit code", "/issue/account/code", 303, data={"code": code})
        card = person.resident_card or person.driver_licence
        assert card is not None
        self._post("id photo", "/issue/id/photo", 303, files={"id_photo": ("id.png", card_png(card), "image/png")})
        self._post("id confirm", "/issue/id/confirm", 303)
        pin, pattern = self.secrets.pin, list(self.secrets.pattern)
        self._post("pin", "/api/issuance/pin", 200, json={"pin": pin, "confirmation": pin})
        self._post("pattern", "/api/issuance/pattern", 200, json={"pattern": pattern, "confirmation": pattern})
        challenge = self._post("challenge", "/api/issuance/challenge", 200).json()
        key = ec.generate_private_key(ec.SECP256R1())
        spki = key.public_key().public_bytes(serialization.Encoding.DER,
                                             serialization.PublicFormat.SubjectPublicKeyInfo)
        issued = self._post("certificate", "/api/issuance/certificate", 201, json={
            "challenge_id": challenge["challenge_id"], "public_key": base64.b64encode(spki).decode(),
            "signature": p1363_signature(key, base64.b64decode(challenge["nonce"]))}).json()
        self._check_nothing_crossed(issued, spki)

    def _check_nothing_crossed(self, issued: dict[str, str], spki: bytes) -> None:
        certificate = x509.load_pem_x509_certificate(issued["pem"].encode())
        names = [attribute.value for attribute in certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)]
        own_key = certificate.public_key().public_bytes(serialization.Encoding.DER,
                                                        serialization.PublicFormat.SubjectPublicKeyInfo)
        held = [row["serial"] for row in self.control.certificates(self.customer_id)]
        if names != [self.person.name] or own_key != spki or held != [issued["serial"]]:
            OUTCOME.crossings.append(f"customer {self.customer_id}: names {len(names)}, key mine "
                                     f"{own_key == spki}, certificates held {len(held)}")


def start_bank(database: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    bank = subprocess.Popen([sys.executable, "-m", "mock_bank", "--port", str(port), "--db", str(database),
                             "--test-control"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return bank, url
        except OSError:
            gevent.sleep(0.1)  # waiting for the server process to bind, not for a rule: no condition to poll
    bank.kill()
    raise SystemExit("the mock bank did not start")


def report(environment: Environment, customers: int, seconds: float) -> None:
    print(f"{customers} customers issuing at once: {OUTCOME.issued} certificates in {seconds:.1f} s "
          f"({OUTCOME.issued / seconds:.2f} issuances/s)")
    total = environment.stats.total
    print(f"requests {total.num_requests} ({total.total_rps:.1f}/s), failed {total.num_failures}")
    print(f"{'step':<14}{'n':>6}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for entry in sorted(environment.stats.entries.values(), key=lambda e: e.name):
        print(f"{entry.name:<14}{entry.num_requests:>6}{entry.get_response_time_percentile(0.5):>9.0f}"
              f"{entry.get_response_time_percentile(0.9):>9.0f}{entry.get_response_time_percentile(0.99):>9.0f}"
              f"{entry.max_response_time:>9.0f}")
    print(f"errors {len(OUTCOME.errors)}, crossed customers {len(OUTCOME.crossings)}")
    for line in OUTCOME.errors[:10] + OUTCOME.crossings[:10]:
        print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=50)
    parser.add_argument("--bank-url", help="a running mock bank with --test-control (default: start one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kb-load-") as folder:
        bank, url = (None, args.bank_url) if args.bank_url else start_bank(Path(folder) / "bank.sqlite3")
        try:
            environment = Environment(user_classes=[IssuingCustomer], host=url, events=events)
            runner = environment.create_local_runner()
            started = time.monotonic()
            runner.start(args.customers, spawn_rate=args.customers)
            if runner.spawning_greenlet is not None:
                runner.spawning_greenlet.join()
            while runner.user_count > 0:
                gevent.sleep(0.05)  # polling locust's own count of running users
            seconds = time.monotonic() - started
            runner.quit()
            report(environment, args.customers, seconds)
        finally:
            if bank is not None:
                bank.terminate()
                bank.wait(timeout=10)
    failed = OUTCOME.errors or OUTCOME.crossings or OUTCOME.issued != args.customers
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
