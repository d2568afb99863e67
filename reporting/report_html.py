"""Mend two things in the single-file HTML report Allure 3.18 writes, so it opens the same way every time, offline.

1. A race that leaves the report blank about one time in thirty. The report's data sits in a script at the very
   end of the file, after the 3.5 MB application script. The application decides how to load its data by asking
   whether `window.allureReportData` exists yet; when the browser runs it before parsing reaches the end, the
   answer is no, and it fetches `widgets/*.json` beside the page instead, which browsers refuse on file:// and which
   does not exist anyway. Declaring the object before the application runs makes it wait for the embedded data
   (it polls `allureReportDataReady`, which the data script sets once everything is in place). Upstream:
   allure-framework/allure3 issues 348 and 477 describe the same blank report.
2. Google Analytics. Allure writes a Google Tag Manager script into every report (its `analyticsEnable` is fixed to
   true), so opening a CI artifact would tell Google about a bank's test run; offline it only logs a console error.
"""

from __future__ import annotations

import re

# The empty script Allure places just before the application script.
ALLURE_GLOBAL = "window.allure = window.allure || {};"
DATA_DECLARED_EARLY = ALLURE_GLOBAL + "\n      window.allureReportData = window.allureReportData || {};"
# The analytics loader and its configuration script, as Allure 3.18's template writes them.
ANALYTICS = re.compile(
    r"\s*<script async src=\"https://www\.googletagmanager\.com/gtag/js\?id=[^\"]*\"></script>"
    r"\s*<script>\s*window\.dataLayer = window\.dataLayer \|\| \[\];.*?</script>",
    re.DOTALL)
# Where the application script starts: the first script loaded from a data: address.
APPLICATION_SCRIPT = '<script   src="data:text/javascript'
# Where the embedded data starts, at the end of the file: everything before it is the application.
EMBEDDED_DATA = "window.allureReportDataReady = false;"


class UnexpectedReportMarkup(ValueError):
    """The HTML is not what Allure 3.18 writes; a new Allure version needs this module read again."""


def mend_single_file_report(html: str) -> str:
    """The report with its data declared before the application runs and without the analytics scripts."""
    if DATA_DECLARED_EARLY in html:
        return html  # already mended
    declaration = html.find(ALLURE_GLOBAL)
    application = html.find(APPLICATION_SCRIPT)
    if declaration < 0 or application < 0 or declaration > application:
        raise UnexpectedReportMarkup(
            f"no '{ALLURE_GLOBAL}' script before the application script: the report's data may load too late")
    mended = html[:declaration] + DATA_DECLARED_EARLY + html[declaration + len(ALLURE_GLOBAL):]
    # Only the part before the embedded data is searched: that part is small, the data can be 60 MB.
    data_starts = mended.find(EMBEDDED_DATA)
    head, data = (mended[:data_starts], mended[data_starts:]) if data_starts >= 0 else (mended, "")
    return ANALYTICS.sub("", head, count=1) + data
