"""Not a screen of the app: the Allure 3 HTML report, as a reader sees it in Chromium (tree, steps, graphs, categories).

Only this module knows the report's markup (Allure 3.18's single-file UI and its `data-testid` attributes); a new
Allure version that moves them fails tests/test_html_report.py here first. The report is opened from disk, as a
CI artifact would be, or from an address (tests/test_html_report.py serves it slowly to check how it loads).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

# The trend chart's title, as allurerc.mjs names it (Allure's own is English whatever the report's language).
TREND_CHART = "실행별 결과 추이"
# The chart's x-axis: one label per run, the date of each earlier run and '최신' for this one.
AXIS_LABEL = "svg text[transform*='rotate(45)']"
# A tree group's arrow carries this class only while the group is open.
CLOSED_ARROW = "[data-testid=tree-arrow] svg:not([class*='arrow-button-icon--opened'])"
# A scenario's own steps are direct children of the steps panel; a failed step's error is drawn as a step inside it.
TOP_LEVEL_STEP = "xpath=./*[@data-testid='test-result-step']"
MAX_OPENED_GROUPS = 200
# The whole suite's report is one file of some 60 MB: it takes seconds to open.
DEFAULT_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class ReportStep:
    title: str
    attachments: list[str]


class AllureReport:
    def __init__(self, page: Page, report: Path | str, timeout_ms: float = DEFAULT_TIMEOUT_MS) -> None:
        """`report`: the report's index.html on disk, or an address it is served from."""
        self._page = page
        self._url = report.resolve().as_uri() if isinstance(report, Path) else report
        self._timeout_ms = timeout_ms
        page.set_default_timeout(timeout_ms)
        self._group_titles = page.get_by_test_id("tree-section-title")
        self._groups = page.get_by_test_id("tree-section")
        self._closed_groups = self._groups.filter(has=page.locator(CLOSED_ARROW))
        self._failed_leaves = page.get_by_test_id("tree-leaf").filter(
            has=page.get_by_test_id("tree-leaf-status-failed"))
        self._failed_filter = page.get_by_test_id("tab-failed")
        self._failed_status = page.get_by_test_id("test-result-status-failed")
        self._steps = page.get_by_test_id("test-result-steps-root").locator(TOP_LEVEL_STEP)
        self._history_tab = page.get_by_test_id("test-result-tab-history")
        self._history_entries = page.get_by_test_id("test-result-history-item")
        self._categories_tab = page.get_by_test_id("nav-tab-categories")
        self._trend_chart = page.locator("[data-drop-shadow]").filter(has=page.get_by_text(TREND_CHART, exact=True))

    def _visible(self, locator: Locator) -> None:
        expect(locator).to_be_visible(timeout=self._timeout_ms)

    # The results tab: the tree
    def open_results(self) -> None:
        # From '#charts', going to the bare address only drops the fragment and the report stays blank:
        # leave the report first so it loads afresh.
        self._page.goto("about:blank")
        self._page.goto(self._url)
        # Groups start open in a small report and closed in a large one: wait for the tree, whichever it shows.
        self._visible(self._group_titles.first)

    def tree_groups(self) -> list[str]:
        return self._group_titles.all_inner_texts()

    def scenarios_in(self, group: str) -> list[str]:
        title = self._group_titles.get_by_text(group, exact=True)
        # The group's header and its leaves share one parent element.
        return self._groups.filter(has=title).locator("xpath=..").get_by_test_id("tree-leaf-title").all_inner_texts()

    def failed_scenarios(self) -> list[str]:
        """The failed scenarios, shown through the tree's '실패' filter; none when every scenario passed."""
        if not self._failed_filter.count():
            return []
        self._failed_filter.click()
        self._open_every_group()
        return self._failed_leaves.get_by_test_id("tree-leaf-title").all_inner_texts()

    def _open_every_group(self) -> None:
        # Opening a group shows the levels under it, some already open. A click on an open group would close it,
        # so only closed ones are clicked, until none is left.
        for _ in range(MAX_OPENED_GROUPS):
            if not self._closed_groups.count():
                return
            self._closed_groups.first.get_by_test_id("tree-section-title").click()

    # A scenario's page
    def open_failed_scenario(self, name: str) -> None:
        self._failed_leaves.filter(has_text=name).first.click()
        self._visible(self._failed_status)

    def _failed_steps(self) -> list[Locator]:
        self._visible(self._steps.first)
        return [step for step in self._steps.all()
                if step.get_by_test_id("test-result-step-header").first.get_by_test_id(
                    "tree-leaf-status-failed").count()]

    def failed_steps(self) -> list[ReportStep]:
        """The scenario's failed Gherkin steps with the names of their attachments (failed steps open by default)."""
        steps: list[ReportStep] = []
        for step in self._failed_steps():
            title = step.get_by_test_id("test-result-step-header").first.get_by_test_id(
                "test-result-step-title").inner_text()
            # An attachment's header reads '<n>\n<name>\n<type>\n<size>'.
            names = [text.splitlines()[1] for text in
                     step.get_by_test_id("test-result-attachment-header").all_inner_texts() if "\n" in text]
            steps.append(ReportStep(title, names))
        return steps

    def earlier_runs_of_scenario(self) -> int:
        """Entries in the scenario's history tab: one per earlier run kept in the history file."""
        self._history_tab.click()
        self._visible(self._history_entries.first)
        return self._history_entries.count()

    # Graphs and categories
    def open_graphs(self) -> None:
        self._page.goto(f"{self._url}#charts")
        self._visible(self._trend_chart)

    def runs_in_trend(self) -> Locator:
        """One x-axis label per run the trend chart shows; none while there is only this run."""
        return self._trend_chart.locator(AXIS_LABEL)

    def open_categories(self) -> list[str]:
        """Every category with what is under it, all opened: category, grouping label, cause, error, scenario.

        Allure shows the '카테고리' tab only when some scenario failed; without it there is nothing to list."""
        self.open_results()
        if not self._categories_tab.count():
            return []
        self._categories_tab.click()
        self._visible(self._groups.first)
        self._open_every_group()
        return self._page.locator("body").inner_text().splitlines()

    # Evidence for people
    def screenshot(self, path: Path, height: int | None = None) -> Path:
        """What the window shows; `height` makes the window that tall first, since the report scrolls inside
        its own panel and a full-page shot would not reach further down."""
        path.parent.mkdir(parents=True, exist_ok=True)
        size = self._page.viewport_size
        if height is not None and size is not None:
            self._page.set_viewport_size({"width": size["width"], "height": height})
        self._page.screenshot(path=path, full_page=True)
        if height is not None and size is not None:
            self._page.set_viewport_size(size)
        return path

    def screenshot_failed_step(self, path: Path, opened: str) -> Path:
        """The first failed step's attachments, the one named `opened` unfolded. The traceback above them is long
        and the report scrolls inside its own panel, so the attachments are scrolled to and the view is taken."""
        attachment = self._failed_steps()[0].get_by_test_id("test-result-attachment-header").filter(has_text=opened)
        attachment.click()
        attachment.scroll_into_view_if_needed()
        return self.screenshot(path)
