"""Every Korean message the customer can see for a refusal, in one place."""

from __future__ import annotations

from collections.abc import Mapping

from mock_bank.errors import Reason
from mock_bank.settings import RuleSettings

MESSAGES: dict[Reason, str] = {
    Reason.TERMS_REQUIRED: "필수 약관에 모두 동의해 주세요.",
    Reason.PHONE_MISMATCH: (
        "입력하신 정보가 통신사 가입 정보와 일치하지 않습니다. 통신사와 휴대폰 정보를 정확히 확인해 주세요."),
    Reason.SMS_NOT_REQUESTED: "먼저 인증번호를 요청해 주세요.",
    Reason.SMS_CODE_WRONG: "인증번호가 일치하지 않습니다. SMS 내용을 확인해 주세요.",
    Reason.SMS_CODE_EXPIRED: "인증번호 입력 시간이 지났습니다. 인증번호를 다시 요청해 주세요.",
    Reason.SMS_CODE_VOID: "인증번호를 {sms_code_max_wrong}회 잘못 입력했습니다. 인증번호를 다시 요청해 주세요.",
    Reason.SMS_RATE_LIMITED: "인증번호 요청 횟수를 초과했습니다. {sms_request_window_minutes}분 후 다시 시도해 주세요.",
    Reason.SMS_COOLDOWN: "잠시 후 인증번호를 다시 요청해 주세요.",
    Reason.UNSUPPORTED_BANK: "인증할 수 없는 은행입니다. 은행을 다시 선택해 주세요.",
    Reason.ACCOUNT_WRONG_LENGTH: "계좌번호 자릿수가 맞지 않습니다. 정확한 계좌번호를 입력해 주세요.",
    Reason.ACCOUNT_NOT_OWNED: "본인 명의의 계좌가 아닙니다. 정확한 계좌번호를 입력해 주세요.",
    Reason.ACCOUNT_CLOSED: "해지된 계좌입니다. 사용 중인 본인 계좌를 입력해 주세요.",
    Reason.DEPOSIT_NOT_REQUESTED: "먼저 1원 입금을 요청해 주세요.",
    Reason.DEPOSIT_CODE_WRONG: "입금자명의 인증번호가 일치하지 않습니다.",
    Reason.DEPOSIT_CODE_EXPIRED: "입금 인증 시간이 지났습니다. 1원 입금을 다시 요청해 주세요.",
    Reason.DEPOSIT_CODE_VOID: "인증번호를 {deposit_code_max_wrong}회 잘못 입력했습니다. 1원 입금을 다시 요청해 주세요.",
    Reason.PHOTO_TOO_LARGE: "사진이 너무 큽니다. {max_upload_megabytes}MB, 5천만 화소 이하의 사진을 올려 주세요.",
    Reason.CROSS_SITE_REQUEST: "다른 사이트에서 보낸 요청은 처리할 수 없습니다. KB스타뱅킹 앱에서 다시 시도해 주세요.",
    Reason.NOT_FOUND: "요청한 화면이나 기능을 찾을 수 없습니다.",
    Reason.METHOD_NOT_ALLOWED: "이 주소에서는 받을 수 없는 요청입니다.",
    Reason.REQUEST_REFUSED: "요청을 처리할 수 없습니다. 잠시 후 다시 시도해 주세요.",
    Reason.DEPOSIT_RATE_LIMITED: (
        "1원 입금 요청 횟수를 초과했습니다. {deposit_request_window_minutes}분 후 다시 시도해 주세요."),
    Reason.ID_UNREADABLE: "신분증을 인식하지 못했습니다. 조명이 좋고 배경이 단순한 곳에서 다시 촬영해 주세요.",
    Reason.ID_MISMATCH: "신분증 정보가 일치하지 않습니다. 정확한 정보를 입력해 주세요.",
    Reason.ID_OUTDATED: "최근 발급된 신분증이 아닙니다. 가장 최근에 발급받은 신분증으로 다시 촬영해 주세요.",
    Reason.PIN_FORMAT: "비밀번호는 숫자 {pin_digits}자리로 입력해 주세요.",
    Reason.PIN_ALL_SAME: "같은 숫자로만 된 비밀번호는 사용할 수 없습니다. 다른 비밀번호를 입력해 주세요.",
    Reason.PIN_STRAIGHT: "연속된 숫자(예: 123456, 987654)는 비밀번호로 사용할 수 없습니다.",
    Reason.PIN_EQUAL_RUN: (
        "같은 숫자를 {pin_equal_run}번 이상 연속으로 사용할 수 없습니다. 다른 비밀번호를 입력해 주세요."),
    Reason.PIN_BIRTH_DATE: "생년월일은 비밀번호로 사용할 수 없습니다. 다른 비밀번호를 입력해 주세요.",
    Reason.PIN_MISMATCH: "비밀번호가 일치하지 않습니다. 확인을 위해 같은 비밀번호를 다시 입력해 주세요.",
    Reason.PATTERN_TOO_SHORT: "패턴은 {pattern_min_points}개 이상의 점을 연결해 주세요.",
    Reason.PATTERN_MISMATCH: "패턴이 일치하지 않습니다. 같은 패턴을 다시 그려 주세요.",
    Reason.KEY_REJECTED: "인증서 발급 요청을 처리할 수 없습니다. 앱을 다시 시작한 후 시도해 주세요.",
    Reason.CERTIFICATE_UNKNOWN: "등록된 인증서가 없습니다. 인증센터에서 인증서를 발급해 주세요.",
    Reason.CERTIFICATE_NOT_ON_DEVICE: "이 기기에 저장된 인증서가 아닙니다. 인증서를 발급받은 기기에서 이용해 주세요.",
    Reason.CERTIFICATE_INVALID: "인증서를 사용할 수 없습니다. 유효기간을 확인해 주세요.",
    Reason.LOGIN_SIGNATURE_BAD: "인증서 로그인에 실패했습니다. 비밀번호를 확인해 주세요.",
    Reason.CHALLENGE_UNKNOWN: "요청 시간이 지났습니다. 다시 시도해 주세요.",
    Reason.STEP_OUT_OF_ORDER: "이전 단계를 먼저 완료해 주세요.",
    Reason.INVALID_INPUT: "입력값을 확인해 주세요.",
    Reason.APP_UNAVAILABLE: "일시적인 오류가 발생했습니다. 앱을 다시 시작한 후 시도해 주세요.",
    Reason.PIN_WRONG: "인증서 비밀번호가 일치하지 않습니다. 비밀번호를 확인해 주세요. (남은 입력 횟수 {left}회)",
    Reason.PIN_SAME_AS_OLD: "지금 쓰는 비밀번호와 다른 비밀번호를 입력해 주세요.",
    Reason.CERTIFICATE_LOCKED: (
        "인증서 비밀번호를 {login_max_wrong_pins}회 잘못 입력해 인증서가 잠겼습니다. 인증서를 재발급해 주세요."),
    Reason.CERTIFICATE_EXPIRED: "인증서 유효기간이 지났습니다. 인증서를 재발급해 주세요.",
    Reason.CERTIFICATE_REPLACED: "재발급 또는 갱신되어 더 이상 쓸 수 없는 인증서입니다. 인증서를 재발급해 주세요.",
    Reason.CERTIFICATE_MOVED: (
        "인증서가 다른 기기로 이동되어 이 기기에서는 쓸 수 없습니다. 이 기기에서 쓰려면 기기 등록을 해 주세요."),
    Reason.CERTIFICATE_NOT_PORTABLE: (
        "KB국민인증서는 다른 기기로 옮기거나 가져올 수 없습니다. 이 기기에서 쓰려면 기기 등록을 해 주세요."),
    Reason.ID_CARD_CHANGED: "신분증 정보가 변경되었습니다. 새 신분증으로 인증서를 재발급해 주세요.",
    Reason.RENEWAL_TOO_EARLY: "인증서 갱신은 유효기간 만료 {renewal_window_days}일 전부터 할 수 있습니다.",
    Reason.APP_OUTDATED: "앱을 최신 버전으로 업데이트해 주세요. 지금 버전으로는 로그인과 거래를 할 수 없습니다.",
    Reason.LOGIN_REQUIRED: "먼저 인증서로 로그인해 주세요.",
    Reason.LOGIN_EXPIRED: "{minutes}분 동안 이용하지 않아 로그아웃되었습니다. 인증서로 다시 로그인해 주세요.",
    Reason.SESSION_EXPIRED: "인증서 발급을 시작한 지 {minutes}분이 지났습니다. 처음부터 다시 진행해 주세요.",
    Reason.TRANSFER_ACCOUNT_UNKNOWN: "받는 분 계좌를 찾을 수 없습니다. 은행과 계좌번호를 확인해 주세요.",
    Reason.TRANSFER_LIMIT: "1회 이체 한도는 {transfer_max_krw}원입니다. 금액을 확인해 주세요.",
    Reason.TRANSFER_DONE: "이미 처리된 이체입니다. 새로 이체해 주세요.",
    Reason.TRANSFER_UNKNOWN: "이체 정보를 찾을 수 없습니다. 처음부터 다시 이체해 주세요.",
    Reason.SIGNATURE_BAD: "전자서명을 확인할 수 없습니다. 인증서 비밀번호를 확인하고 다시 시도해 주세요.",
}

# What the app offers next to a refusal: a button that is the way out, as the guide's 회피 팁 says.
# 'reissue' and 'device' start issuance again (재발급, 기기 등록); 'update' installs the latest app.
REMEDIES: dict[Reason, str] = {
    Reason.CERTIFICATE_LOCKED: "reissue",
    Reason.CERTIFICATE_EXPIRED: "reissue",
    Reason.CERTIFICATE_REPLACED: "reissue",
    Reason.ID_CARD_CHANGED: "reissue",
    Reason.CERTIFICATE_MOVED: "device",
    Reason.CERTIFICATE_NOT_PORTABLE: "device",
    Reason.APP_OUTDATED: "update",
}


def message_for(reason: Reason) -> str:
    return MESSAGES[reason]


# A malformed field gets words about that field; a field not listed here gets INVALID_INPUT's words.
FIELD_MESSAGES: dict[str, str] = {
    "name": "이름을 한글로 정확히 입력해 주세요.",
    "rrn_birth": "주민등록번호 앞 6자리(생년월일)와 뒷자리 첫 번째 숫자를 정확히 입력해 주세요.",
    "rrn_gender": "주민등록번호 앞 6자리(생년월일)와 뒷자리 첫 번째 숫자를 정확히 입력해 주세요.",
    "phone": "휴대폰 번호를 010으로 시작하는 11자리 숫자로 입력해 주세요.",
    "carrier": "통신사를 선택해 주세요.",
    "code": "인증번호를 숫자로 정확히 입력해 주세요.",
    "bank": "은행을 선택해 주세요.",
    "account_number": "계좌번호는 숫자와 '-'만 입력해 주세요.",
    "id_photo": "신분증 사진을 선택해 주세요.",
    "pin": "비밀번호는 숫자 {pin_digits}자리로 입력해 주세요.",
    "current_pin": "비밀번호는 숫자 {pin_digits}자리로 입력해 주세요.",
    "new_pin": "비밀번호는 숫자 {pin_digits}자리로 입력해 주세요.",
    "amount": "이체 금액을 숫자로 정확히 입력해 주세요.",
    "pattern": "패턴을 다시 그려 주세요.",
}


def rule_words(rules: RuleSettings) -> dict[str, object]:
    """The numbers of the bank's rules as its messages write them: a changed limit changes the words too."""
    return {
        "sms_code_max_wrong": rules.sms_code_max_wrong,
        "sms_request_window_minutes": int(rules.sms_request_window.total_seconds() // 60),
        "deposit_code_max_wrong": rules.deposit_code_max_wrong,
        "deposit_request_window_minutes": int(rules.deposit_request_window.total_seconds() // 60),
        "pin_digits": rules.pin_digits,
        "pin_equal_run": rules.pin_equal_run,
        "pattern_min_points": rules.pattern_min_points,
        "max_upload_megabytes": rules.max_upload_bytes // (1024 * 1024),
        "login_max_wrong_pins": rules.login_max_wrong_pins,
        "renewal_window_days": rules.renewal_window.days,
        "transfer_max_krw": f"{rules.transfer_max_krw:,}",
    }


def explain(reason: Reason, field: str | None, params: Mapping[str, int] | None = None, *,
            rules: RuleSettings) -> str:
    """The message for a refusal, worded with the bank's own rules; a malformed field gets its field's message."""
    words = {**rule_words(rules), **(params or {})}
    if reason is Reason.INVALID_INPUT and field in FIELD_MESSAGES:
        return FIELD_MESSAGES[field].format(**words)
    return MESSAGES[reason].format(**words)
