"""A Faker provider of Korean test customers, reproducible from a scenario's seed and the run's today."""

from __future__ import annotations

import dataclasses
import hashlib
import random
import string
from datetime import date, timedelta
from typing import Any

from faker import Faker
from faker.providers import BaseProvider

from identities import licence
from identities import rrn as rrns
from identities.banks import BANKS, format_account, make_account_digits
from identities.carriers import CARRIER_WEIGHTS, CARRIERS
from identities.customer import BankAccount, Customer, DriverLicence, ResidentCard
from identities.flaws import CARD_KIND_OF, CardKind, Flaw, Presented, honest, spoil

# 주민등록증 are signed by the 시장, 군수 or 구청장 of the office that issued them.
OFFICES = tuple(office.strip() for office in """
서울특별시 종로구청장 | 서울특별시 중구청장 | 서울특별시 용산구청장 | 서울특별시 마포구청장
서울특별시 강남구청장 | 서울특별시 송파구청장 | 서울특별시 관악구청장 | 서울특별시 노원구청장
서울특별시 은평구청장 | 서울특별시 서초구청장 | 부산광역시 해운대구청장
부산광역시 부산진구청장 | 부산광역시 동래구청장 | 대구광역시 수성구청장
대구광역시 달서구청장 | 인천광역시 남동구청장 | 인천광역시 연수구청장 | 광주광역시 북구청장
대전광역시 유성구청장 | 대전광역시 서구청장 | 울산광역시 남구청장 | 세종특별자치시장
경기도 수원시 장안구청장 | 경기도 수원시 영통구청장 | 경기도 성남시 분당구청장
경기도 고양시 일산동구청장 | 경기도 용인시 수지구청장 | 경기도 부천시장 | 경기도 화성시장
경기도 남양주시장 | 강원특별자치도 춘천시장 | 강원특별자치도 평창군수
충청북도 청주시 상당구청장 | 충청남도 천안시 동남구청장 | 전북특별자치도 전주시 완산구청장
전라남도 여수시장 | 경상북도 포항시 남구청장 | 경상남도 창원시 성산구청장
경상남도 김해시장 | 제주특별자치도 제주시장 | 제주특별자치도 서귀포시장
""".strip().replace("\n", "|").split("|"))

# Heavier where more people live, so most licences come from 서울 and 경기.
_REGION_WEIGHTS = {"11": 18, "12": 6, "13": 20, "14": 3, "15": 3, "16": 4, "17": 3, "18": 3, "19": 5,
                   "20": 6, "21": 1, "22": 5, "23": 6, "24": 3, "25": 3, "26": 2, "28": 7}

# Cards of the current design date from the 1999 general reissue; older ones are no longer valid.
_FIRST_CURRENT_CARDS = date(1999, 5, 1)

# Adults by default; a minor on request. The mock bank has no age rule of its own (KB issues from 14): what
# stops a minor is the ID step, since a 주민등록증 is issued at 17 and a 운전면허증 at 18, so a customer of
# 14-16 holds no card the bank can check.
ADULT_AGES = (19, 80)
MINOR_AGES = (14, 18)


def seed_for(run_seed: int, scenario_id: str) -> int:
    """A scenario's own seed: stable across processes, unlike hash(), so a failure replays from the report."""
    digest = hashlib.sha256(f"{run_seed}\x1f{scenario_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def seeded_faker(seed: int, today: date) -> Faker:
    """A ko_KR Faker whose customers are `seed`'s, aged on `today`: the same on any machine, on any real day."""
    fake = Faker("ko_KR")
    fake.add_provider(KoreanIdentityProvider(fake, today))
    fake.seed_instance(seed)
    return fake


class KoreanIdentityProvider(BaseProvider):
    """Use with Faker("ko_KR"); every draw comes from the generator's random, so seed_instance replays it.

    There is no default day: ages, birth dates and card dates count from the `today` given here or to each
    call, never from the machine's date, so a seed replays the same people on any day (seeded_faker does both).
    """

    def __init__(self, generator: Any, today: date | None = None) -> None:
        super().__init__(generator)
        self._today = today

    def _on(self, today: date | None) -> date:
        chosen = today or self._today
        if chosen is None:
            raise ValueError("no today to age people from: use seeded_faker(seed, today) or pass today=")
        return chosen

    @property
    def _rng(self) -> random.Random:
        # Read at every call: Faker swaps in a fresh Random on the first seed_instance.
        rng: random.Random = self.generator.random
        return rng

    def korean_rrn(self, birth: date | None = None, male: bool | None = None, random_tail: bool = False,
                   today: date | None = None) -> str:
        if male is None:
            male = self._rng.random() < 0.5
        if birth is None:
            birth = self._birth_date(self._rng.randint(*ADULT_AGES), self._on(today))
        return rrns.make_rrn(birth, male, self._rng, random_tail)

    def korean_mobile(self) -> str:
        rng = self._rng
        return f"010-{rng.randint(2, 9)}{rng.randrange(1000):03d}-{rng.randrange(10000):04d}"

    def korean_carrier(self) -> str:
        return self._rng.choices(CARRIERS, weights=CARRIER_WEIGHTS)[0]

    def bank_account(self, bank: str | None = None) -> BankAccount:
        chosen = bank if bank is not None else self._rng.choice(tuple(BANKS))
        return BankAccount(chosen, format_account(chosen, make_account_digits(chosen, self._rng)))

    def resident_card(self, name: str | None = None, rrn: str | None = None,
                      today: date | None = None) -> ResidentCard:
        today = self._on(today)
        rrn = rrn or self.korean_rrn(today=today)
        name = name or self._name(rrns.is_male(rrn))
        # Issued after the 17th birthday (or the 1999 reissue), often again later after a loss or a move.
        first = max(_anniversary(rrns.birth_date(rrn), 17), _FIRST_CURRENT_CARDS - timedelta(days=1))
        if first >= today - timedelta(days=1):
            raise ValueError("a resident card is issued after the 17th birthday")
        if self._rng.random() < 0.6:
            issued = self._day_between(first + timedelta(days=1), min(first + timedelta(days=730),
                                                                         today - timedelta(days=1)))
        else:
            issued = self._day_between(first + timedelta(days=1), today - timedelta(days=1))
        return ResidentCard(name, rrn, issued, self._rng.choice(OFFICES))

    def driver_licence(self, name: str | None = None, rrn: str | None = None,
                       today: date | None = None) -> DriverLicence:
        today = self._on(today)
        rrn = rrn or self.korean_rrn(today=today)
        name = name or self._name(rrns.is_male(rrn))
        eighteenth = _anniversary(rrns.birth_date(rrn), 18)
        last_day = today - timedelta(days=1)
        if eighteenth > last_day:
            raise ValueError("a driving licence is first issued at 18")
        young = min(_anniversary(eighteenth, 7), last_day)
        first = self._day_between(eighteenth, young if self._rng.random() < 0.7 else last_day)
        # The card in the wallet is the latest one: renewed every ten years, sometimes reissued after a loss.
        renewals = 0
        while _anniversary(first, 10 * (renewals + 1)) <= last_day:
            renewals += 1
        issued = _anniversary(first, 10 * renewals)
        reissues = self._rng.choices((0, 1, 2), weights=(85, 10, 5))[0]
        if reissues:
            issued = self._day_between(issued, last_day)
        region = self._rng.choices(tuple(_REGION_WEIGHTS), weights=tuple(_REGION_WEIGHTS.values()))[0]
        number = licence.format_number(region, first.year, self._rng.randrange(1_000_000), reissues)
        serial = "".join(self._rng.choices(string.ascii_uppercase + string.digits, k=6))
        return DriverLicence(name, rrn, number, issued, serial, licence.LICENCE_REGIONS[region])

    def customer(self, adult: bool = True, minor: bool = False, with_licence: bool = False,
                 bank: str = "KB국민", extra_accounts: int = 0, male: bool | None = None,
                 age: int | None = None, random_tail: bool = False, reissued_card: bool = False,
                 today: date | None = None) -> Customer:
        """A customer with a KB국민 account by default; `minor` wins over `adult`, and `age` over both.

        `random_tail` gives the RRN form issued since October 2020, whose last six digits are random (the
        mock bank compares RRNs as registered, so it accepts either form); `reissued_card` makes the
        주민등록증 a replacement, the earlier card kept in `earlier_cards` for the ID registry.
        """
        today = self._on(today)
        if age is None:
            low, high = MINOR_AGES if minor else ADULT_AGES if adult else (MINOR_AGES[0], ADULT_AGES[1])
            # A licence is first issued at 18, so asking for one narrows the ages drawn.
            age = self._rng.randint(max(low, 18) if with_licence else low, high)
        if with_licence and age < 18:
            raise ValueError("a driving licence needs a customer of 18 or over")
        if male is None:
            male = self._rng.random() < 0.5
        # A licence needs a day between the 18th birthday and today, so that birthday cannot be today.
        rrn = self.korean_rrn(self._birth_date(age, today, not_today=with_licence), male, random_tail)
        name = self._name(male)
        accounts = (self.bank_account(bank), *(self.bank_account() for _ in range(extra_accounts)))
        phone, carrier = self.korean_mobile(), self.korean_carrier()
        try:
            card: ResidentCard | None = self.resident_card(name, rrn, today)
        except ValueError:  # too young for a card yet
            card = None
        driving = self.driver_licence(name, rrn, today) if with_licence else None
        earlier: tuple[ResidentCard, ...] = ()
        if reissued_card:
            if card is None:
                raise ValueError("a reissued 주민등록증 needs a customer of 17 or over")
            earlier, card = self._reissue(card, today)
        return Customer(name, rrn, phone, carrier, accounts, card, driving, earlier)

    def presented(self, customer: Customer, flaw: Flaw | None = None,
                  card_kind: CardKind = "resident") -> Presented:
        """What the customer enters and shows: all of it right, or with exactly the one thing `flaw` names."""
        if flaw is None:
            return honest(customer, card_kind)
        return spoil(customer, flaw, self._rng, self._name, card_kind)

    def invalid_variant(self, flaw: Flaw, **options: Any) -> tuple[Customer, Presented]:
        """A customer the flaw can apply to (options as for customer()), and their flawed presentation."""
        needs = CARD_KIND_OF.get(flaw)
        if needs == "driver":
            options["with_licence"] = True
        if flaw is Flaw.OUTDATED_ID_CARD:
            options["reissued_card"] = True
        customer = self.customer(**options)
        kind: CardKind = needs or ("driver" if customer.driver_licence is not None else "resident")
        return customer, self.presented(customer, flaw, kind)

    def _reissue(self, card: ResidentCard, today: date) -> tuple[tuple[ResidentCard], ResidentCard]:
        """The card and its later replacement, often from another office after a move."""
        first = max(_anniversary(rrns.birth_date(card.rrn), 17), _FIRST_CURRENT_CARDS - timedelta(days=1))
        first, last = first + timedelta(days=1), today - timedelta(days=1)
        if card.issued_on < last:
            replaced_on = self._day_between(card.issued_on + timedelta(days=1), last)
        elif first < card.issued_on:  # issued yesterday: that one is the replacement of an older card
            card, replaced_on = dataclasses.replace(
                card, issued_on=self._day_between(first, card.issued_on - timedelta(days=1))), card.issued_on
        else:
            raise ValueError("a 주민등록증 issued for the first time yesterday cannot have been replaced")
        return (card,), ResidentCard(card.name, card.rrn, replaced_on, self._rng.choice(OFFICES))

    def _name(self, male: bool) -> str:
        # Faker's ko_KR names are gendered, so the name agrees with the RRN's gender digit.
        name: str = self.generator.format("name_male" if male else "name_female")
        return name

    def _birth_date(self, age: int, today: date, not_today: bool = False) -> date:
        """A birth date that makes the customer exactly `age` on `today`, a birthday unless `not_today`."""
        latest = _years_before(today, age)
        while not_today and _anniversary(latest, age) >= today:  # a day or two back, for 29 February
            latest -= timedelta(days=1)
        earliest = _years_before(today, age + 1) + timedelta(days=1)
        return self._day_between(earliest, latest)

    def _day_between(self, first: date, last: date) -> date:
        # One random() per day drawn, however long the span: randint's rejection sampling takes more draws for
        # some spans, so a span one day longer on another today (a 29 February) would shift every later draw,
        # and the same seed would make someone else.
        if last < first:
            raise ValueError(f"no day between {first} and {last}")
        return first + timedelta(days=int(self._rng.random() * ((last - first).days + 1)))


def _anniversary(day: date, years: int) -> date:
    """The same day `years` later; 29 February falls on 1 March, when Korean law counts the year complete."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, 2, 28)
