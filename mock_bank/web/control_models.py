"""The bodies test control accepts, each field bounded so that a tester's typo is a 422, not a surprise."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, Field, field_validator

from mock_bank.clock import EARLIEST, LATEST
from mock_bank.services.faults import Until

ONE_DAY = 24 * 3600


class AccountIn(BaseModel):
    bank: str = Field(description="은행 이름, 예: KB국민")
    number: str = Field(max_length=40, description="계좌번호, 하이픈 있어도 없어도 됨")
    status: str = Field("open", pattern="^(open|closed)$")


class IdCardIn(BaseModel):
    kind: str = Field(pattern="^(resident|driver)$")
    name: str = Field(max_length=20)
    rrn: str = Field(pattern=r"^\d{13}$")
    issued_on: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    office: str | None = Field(None, max_length=60)
    licence_number: str | None = Field(None, max_length=20)
    serial: str | None = Field(None, max_length=12)


class CustomerIn(BaseModel):
    name: str = Field(max_length=20)
    rrn: str = Field(pattern=r"^\d{13}$")
    phone: str = Field(pattern=r"^010-\d{4}-\d{4}$")
    carrier: str
    accounts: list[AccountIn] = Field(default_factory=list, max_length=10)
    id_cards: list[IdCardIn] = Field(default_factory=list, max_length=10)


class ClockIn(BaseModel):
    now: AwareDatetime = Field(description="an aware time between 2000-01-01 and 2100-01-01")

    @field_validator("now")
    @classmethod
    def within_range(cls, value: datetime) -> datetime:
        if not EARLIEST <= value < LATEST:
            raise ValueError("the clock can be set between 2000-01-01 and 2100-01-01 only")
        return value


class AdvanceIn(BaseModel):
    seconds: float = Field(ge=0, le=20 * 365 * ONE_DAY)


class BlockIn(BaseModel):
    blocked: bool


class DelayIn(BaseModel):
    seconds: float = Field(ge=0, le=ONE_DAY, description="0 removes the delay")


class ScreenFaultIn(BaseModel):
    until: Until = Field(default=Until.RESTART, description="'restart': cleared when the customer starts issuance "
                                                    "again (POST /issue/start); 'cleared': only by DELETE or reset")


class IdReaderFaultIn(BaseModel):
    failures: int = Field(default=1, ge=0, le=100, description="how many of the next photos fail; 0 removes the fault")


class AppVersionIn(BaseModel):
    latest: str = Field(pattern=r"^\d{1,4}\.\d{1,4}\.\d{1,4}$", description="the app the bank serves, e.g. 7.3.0")
    minimum: str = Field(pattern=r"^\d{1,4}\.\d{1,4}\.\d{1,4}$",
                         description="older apps cannot log in or sign; not newer than latest")


class AccountStatusIn(BaseModel):
    status: str = Field(pattern="^(open|closed)$")
