"""Checks any screen must pass, whatever the scenario: accessibility (axe-core) and a layout that fits the phone.

Run on each distinct screen state once per worker (fixtures/screen_checks.py decides when): axe-core from npm
(pinned in package.json) for WCAG 2.1 A/AA and best practices, and the harness's own layout check at the
device's width and at a narrow 360 px phone: no sideways scrolling, no label wrapped one syllable per line,
no Korean word broken in the middle (the stylesheet's `word-break: keep-all` is what prevents it).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_SCRIPT = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = frozenset({"serious", "critical"})
NARROW_PHONE_WIDTH = 360

# What makes two visits the same screen state: the address, the headings, and whether a message is shown.
# Random ids in the path (a transfer's: 12+ characters with a capital, digit or _) name one screen, not many.
SCREEN_STATE_JS = """() => [location.pathname.replace(/\\/(?=[\\w-]*[A-Z0-9_])[\\w-]{12,}(?=\\/|$)/g, '/{id}'),
  ...[...document.querySelectorAll('h1, h2')].map((h) => h.textContent.trim()),
  document.querySelector('[role=alert]')?.textContent.trim() ? 'alert' : '',
  document.querySelector('[role=status]')?.textContent.trim() ? 'status' : ''].join('|')"""

# Every visible text node, character by character: which line each character sits on.
LAYOUT_JS = """() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    problems.push(`화면이 옆으로 스크롤됩니다: 내용 ${root.scrollWidth}px, 화면 ${root.clientWidth}px`);
  }
  const hangul = /[\\uac00-\\ud7a3]/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    const element = node.parentElement;
    if (text.trim().length < 2 || !element || element.getClientRects().length === 0) continue;
    if (getComputedStyle(element).visibility === 'hidden' || element.closest('[hidden], .visually-hidden')) continue;
    const perLine = new Map();
    let previous = null;
    for (let i = 0; i < text.length; i += 1) {
      const character = text[i];
      if (/\\s/.test(character)) { previous = null; continue; }
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box || box.width === 0) continue;
      const line = Math.round(box.top);
      if (previous && line > previous.line + 2 && hangul.test(character) && hangul.test(previous.character)) {
        problems.push(`낱말 중간에서 줄이 바뀝니다: "${text.trim()}"`);
      }
      perLine.set(line, (perLine.get(line) || 0) + 1);
      previous = { line, character };
    }
    if (perLine.size >= 2 && Math.max(...perLine.values()) === 1) {
      problems.push(`한 줄에 한 글자씩 줄이 바뀝니다: "${text.trim()}"`);
    }
  }
  return [...new Set(problems)];
}"""

AXE_RUN_JS = """async (tags) => {
  const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  return results.violations.map((v) => ({ rule: v.id, impact: v.impact || 'minor', help: v.help,
    help_url: v.helpUrl, elements: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}"""


@dataclass(frozen=True)
class AxeViolation:
    rule: str
    impact: str
    help: str
    help_url: str
    elements: tuple[str, ...]

    @property
    def fails(self) -> bool:
        return self.impact in FAILING_IMPACTS

    def describe(self) -> str:
        return f"[{self.impact}] {self.rule}: {self.help} — {', '.join(self.elements)} ({self.help_url})"


@dataclass(frozen=True)
class ScreenReport:
    """What one screen state got from the checks; written to reports/a11y/ for `make a11y`."""

    state: str
    path: str
    violations: tuple[AxeViolation, ...]
    layout: dict[str, list[str]]  # width label -> problems

    @property
    def findings(self) -> list[str]:
        """Everything found, failing or not: what the report attaches."""
        return [violation.describe() for violation in self.violations] + self._layout_lines()

    @property
    def failures(self) -> list[str]:
        return [violation.describe() for violation in self.violations if violation.fails] + self._layout_lines()

    def _layout_lines(self) -> list[str]:
        return [f"{width}: {problem}" for width, problems in self.layout.items() for problem in problems]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


@cache
def axe_source() -> str:
    if not AXE_SCRIPT.is_file():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: `make setup` installs axe-core with npm ci")
    return AXE_SCRIPT.read_text("utf-8")


def screen_state(page: Page) -> str:
    return str(page.evaluate(SCREEN_STATE_JS))


def axe_violations(page: Page) -> tuple[AxeViolation, ...]:
    # evaluate, not a script tag: the bank's Content-Security-Policy refuses inline scripts, as it should.
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(axe_source())
    found: list[dict[str, Any]] = page.evaluate(AXE_RUN_JS, AXE_TAGS)
    return tuple(AxeViolation(item["rule"], item["impact"], item["help"], item["help_url"],
                              tuple(item["elements"])) for item in found)


def layout_problems(page: Page) -> dict[str, list[str]]:
    """At the device's own width, then at 360 px; the viewport is put back as it was."""
    size = page.viewport_size
    found = {f"{size['width'] if size else '?'}px": list(page.evaluate(LAYOUT_JS))}
    if size is not None and size["width"] > NARROW_PHONE_WIDTH:
        page.set_viewport_size({"width": NARROW_PHONE_WIDTH, "height": size["height"]})
        try:
            found[f"{NARROW_PHONE_WIDTH}px"] = list(page.evaluate(LAYOUT_JS))
        finally:
            page.set_viewport_size(size)
    return {width: problems for width, problems in found.items() if problems}


def check_screen(page: Page, state: str) -> ScreenReport:
    return ScreenReport(state, state.split("|")[0], axe_violations(page), layout_problems(page))
