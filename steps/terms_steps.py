"""약관 동의 (guide step 2): '약관 전체 동의', and the required terms that cannot be skipped."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from pages.terms_screen import TermsScreen


@when("약관에 전체 동의한다")
def agree_to_all_terms(terms_screen: TermsScreen) -> None:
    terms_screen.agree_to_all()
    terms_screen.proceed()


@when(parsers.parse('"{title}" 약관에만 동의하고 다음으로 넘어가려 한다'))
def agree_to_one_term(terms_screen: TermsScreen, title: str) -> None:
    terms_screen.agree_to(title)
    terms_screen.proceed()


@when(parsers.parse('"{title}" 약관만 빼고 모두 동의하고 다음으로 넘어가려 한다'))
def agree_to_all_but(terms_screen: TermsScreen, title: str) -> None:
    terms_screen.agree_to_all_but(title)
    terms_screen.proceed()


@when("약관 전체 동의를 누른다")
def press_agree_all(terms_screen: TermsScreen) -> None:
    terms_screen.agree_to_all()


@then("모든 약관이 선택된다")
def all_terms_ticked(terms_screen: TermsScreen) -> None:
    expect(terms_screen.unticked_terms).to_have_count(0)
