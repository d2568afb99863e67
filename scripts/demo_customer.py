"""Register a generated customer on a running mock bank, for exploring issuance by hand in a browser.

Prints what the customer would type (this is the one place the harness shows a full account number:
you need it to type it) and saves their 주민등록증 image for the '신분증 사진' upload.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from identities import seeded_faker
from identities.certificate_secrets import make_secrets
from identities.id_card_image import card_png
from support.control_client import ControlClient
from support.settings import KST


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bank-url", default="http://127.0.0.1:8765", help="a mock bank run with --test-control")
    parser.add_argument("--seed", type=int, default=None, help="the same seed gives the same customer")
    parser.add_argument("--card", type=Path, default=Path("reports/demo-id-card.png"))
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**31)
    control = ControlClient(args.bank_url.rstrip("/"))
    # Aged on the bank's day (a bank started with --today keeps its own), so the bank takes their cards as valid.
    today = control.now().astimezone(KST).date()
    person = seeded_faker(seed, today).customer()
    secrets = make_secrets(random.Random(seed), person.birth_date)
    control.register(dict(person.to_registration()))
    assert person.resident_card is not None
    args.card.parent.mkdir(parents=True, exist_ok=True)
    args.card.write_bytes(card_png(person.resident_card))
    print(f"seed {seed}, bank's day {today}: registered at {args.bank_url}")
    print(f"  통신사 {person.carrier} · 이름 {person.name} · 주민등록번호 앞 7자리 {person.rrn[:7]}")
    print(f"  휴대폰 {person.phone} · 계좌 {person.account.bank} {person.account.number}")
    print(f"  신분증 사진: {args.card}")
    print(f"  a PIN the bank accepts: {secrets.pin} · a pattern: {'-'.join(map(str, secrets.pattern))}")
    print(f"  SMS inbox:  {args.bank_url}/_test/phones/{person.phone}/sms")
    print(f"  deposits:   {args.bank_url}/_test/accounts/{person.account.bank}/{person.account.digits}/deposits")


if __name__ == "__main__":
    main()
