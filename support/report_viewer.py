"""The Allure 3 HTML report as a reader sees it in Chromium: the tree, a scenario's steps, the graphs, the categories.

A page object for the report (Allure 3.18's single-file UI): only this module knows its markup, the
`data-testid` attributes its UI sets. The report is opened from disk, as a CI artifact would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

# Allure 3 draws its trend chart under this English title whatever the report's language.
TREND_CHART = "Status dynamics"
# The chart's x-axis: one label per run, the date of each earlier run and '최신' for this one.
AXIS_LABEL = "svg text[transform*='rotate(45)']"
# A tree group's arrow carries this class only while the group is open.
CLOSED_ARROW = "[data-testid=tree-arrow] svg:not([class*='arrow-button-icon--opened'])"
MAX_OPENED_GROUPS = 200


@dataclass(frozen=True)
class Step:
    title: str
    attachments: list[str]


class ReportViewer:
    def __init__(self, page: Page, index_html: Path, timeout_ms: float = 30_000) -> None:
        # The whole suite's report is one file of some 60 MB: it takes seconds to open.
        self.page = page
        self.url = index_html.resolve().as_uri()
        self.timeout_ms = timeout_ms
        page.set_default_timeout(timeout_ms)

    # The results tab: the tree
    def open_results(self) -> None:
        # From '#charts', going to the bare address only drops the fragment and the report stays blank:
        # leave the report first so it loads afresh.
        self.page.goto("about:blank")
        self.page.goto(self.url)
        # Groups start open in a small report and closed in a large one: wait for the tree, whichever it shows.
        expect(self.page.get_by_test_id("tree-section-title").first).to_be_visible(timeout=self.timeout_ms)

    def tree_groups(self) -> list[str]:
        return self.page.get_by_test_id("tree-section-title").all_inner_texts()

    def _group(self, name: str) -> Locator:
        title = self.page.get_by_test_id("tree-section-title").get_by_text(name, exact=True)
        # The group's header and its leaves share one parent element.
        return self.page.get_by_test_id("tree-section").filter(has=title).locator("xpath=..")

    def scenarios_in(self, group: str) -> list[str]:
        return self._group(group).get_by_test_id("tree-leaf-title").all_inner_texts()

    # A scenario's page
    def failed_scenarios(self) -> list[str]:
        """The failed scenarios, shown through the tree's '실패' filter; none when every scenario passed."""
        failed_tab = self.page.get_by_test_id("tab-failed")
        if not failed_tab.count():
            return []
        failed_tab.click()
        self._open_every_group()
        return self._failed_leaves().get_by_test_id("tree-leaf-title").all_inner_texts()

    def _open_every_group(self) -> None:
        # Opening a group shows the levels under it, some already open. A click on an open group would close it,
        # so only closed ones are clicked, until none is left.
        closed = self.page.get_by_test_id("tree-section").filter(has=self.page.locator(CLOSED_ARROW))
        for _ in range(MAX_OPENED_GROUPS):
            if not closed.count():
                return
            closed.first.get_by_test_id("tree-section-title").click()

    def _failed_leaves(self) -> Locator:
        return self.page.get_by_test_id("tree-leaf").filter(has=self.page.get_by_test_id("tree-leaf-status-failed"))

    def open_failed_scenario(self, name: str) -> None:
        self._failed_leaves().filter(has_text=name).first.click()
        expect(self.page.get_by_test_id("test-result-status-failed")).to_be_visible(timeout=self.timeout_ms)

    def _failed_steps(self) -> list[Locator]:
        # Only the scenario's own steps: a failed step's error is drawn as a step inside it.
        top_level = self.page.get_by_test_id("test-result-steps-root").locator(
            "xpath=./*[@data-testid='test-result-step']")
        expect(top_level.first).to_be_visible(timeout=self.timeout_ms)
        return [step for step in top_level.all()
                if step.get_by_test_id("test-result-step-header").first.get_by_test_id(
                    "tree-leaf-status-failed").count()]

    def failed_steps(self) -> list[Step]:
        """The scenario's failed Gherkin steps with the names of their attachments (failed steps open by default)."""
        steps: list[Step] = []
        for step in self._failed_steps():
            title = step.get_by_test_id("test-result-step-header").first.get_by_test_id(
                "test-result-step-title").inner_text()
            # An attachment's header reads '<n>\n<name>\n<type>\n<size>'.
            names = [text.splitlines()[1] for text in
                     step.get_by_test_id("test-result-attachment-header").all_inner_texts() if "\n" in text]
            steps.append(Step(title, names))
        return steps

    def screenshot_failed_step(self, path: Path, opened: str) -> Path:
        """The first failed step's attachments, the one named `opened` unfolded. The traceback above them is long
        and the report scrolls inside its own panel, so the attachments are scrolled to and the view is taken."""
        attachment = self._failed_steps()[0].get_by_test_id("test-result-attachment-header").filter(has_text=opened)
        attachment.click()
        attachment.scroll_into_view_if_needed()
        return self.screenshot(path)

    def earlier_runs_of_scenario(self) -> int:
        """Entries in the scenario's history tab: one per earlier run kept in the history file."""
        self.page.get_by_test_id("test-result-tab-history").click()
        entries = self.page.get_by_test_id("test-result-history-item")
        expect(entries.first).to_be_visible(timeout=self.timeout_ms)
        return entries.count()

    # Graphs and categories
    def open_graphs(self) -> None:
        self.page.goto(f"{self.url}#charts")
        expect(self._trend_chart()).to_be_visible(timeout=self.timeout_ms)

    def _trend_chart(self) -> Locator:
        return self.page.locator("[data-drop-shadow]").filter(has=self.page.get_by_text(TREND_CHART, exact=True))

    def runs_in_trend(self) -> Locator:
        """One x-axis label per run the trend chart shows; none while there is only this run."""
        return self._trend_chart().locator(AXIS_LABEL)

    def open_categories(self) -> list[str]:
        """Every category with what is under it, all opened: category, grouping label, cause, error, scenario.

        Allure shows the '카테고리' tab only when some scenario failed; without it there is nothing to list."""
        self.open_results()
        tab = self.page.get_by_test_id("nav-tab-categories")
        if not tab.count():
            return []
        tab.click()
        expect(self.page.get_by_test_id("tree-section").first).to_be_visible(timeout=self.timeout_ms)
        self._open_every_group()
        return self.page.locator("body").inner_text().splitlines()

    def screenshot(self, path: Path, height: int | None = None) -> Path:
        """What the window shows; `height` makes the window that tall first, since the report scrolls inside
        its own panel and a full-page shot would not reach further down."""
        path.parent.mkdir(parents=True, exist_ok=True)
        size = self.page.viewport_size
        if height is not None and size is not None:
            self.page.set_viewport_size({"width": size["width"], "height": height})
        self.page.screenshot(path=path, full_page=True)
        if height is not None and size is not None:
            self.page.set_viewport_size(size)
        return path
