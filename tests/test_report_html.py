"""Mending Allure's single-file report: refused on markup it does not know, harmless when run twice.

How the mended report loads is tested in a browser in tests/test_html_report.py."""

from __future__ import annotations

import pytest

from reporting.report_html import UnexpectedReportMarkup, mend_single_file_report

ALLURE_LIKE = """<body><div id="app"></div>
    <script>
      window.allure = window.allure || {};
    </script>
    <script   src="data:text/javascript;base64,AAAA"></script>
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-X"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('config', 'G-X', {});
    </script>
    <script async>
      window.allureReportDataReady = false;
      window.allureReportData = window.allureReportData || {};
    </script>
</body>"""


def test_the_data_is_declared_before_the_application_and_the_analytics_are_gone() -> None:
    mended = mend_single_file_report(ALLURE_LIKE)
    assert mended.index("window.allureReportData =") < mended.index("data:text/javascript")
    assert "googletagmanager" not in mended and "gtag(" not in mended
    assert mended.endswith(ALLURE_LIKE[ALLURE_LIKE.index("    <script async>"):])


def test_mending_twice_changes_nothing_more() -> None:
    once = mend_single_file_report(ALLURE_LIKE)
    assert mend_single_file_report(once) == once


def test_markup_from_another_allure_version_is_refused() -> None:
    with pytest.raises(UnexpectedReportMarkup):
        mend_single_file_report(ALLURE_LIKE.replace("window.allure = window.allure || {};", ""))
