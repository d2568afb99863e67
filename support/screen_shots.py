"""Masked screenshots of what the customer sees, and a step's screenshot reused when nothing on screen changed.

Masking: elements the app marks as personal data (phone, account and RRN fields, the ID card's pictures, the keypad
and the pattern grid) are painted black for the screenshot only: brightness(0) blackens text, an input's value, a
video's frame and a canvas alike, and the black background fills the box around them. The stylesheet is the page's
own, switched on for the shot and off after it (a style element's `disabled` is no attribute, so switching it
changes nothing a MutationObserver or the app could see). Playwright's `mask=` resolved the locator and drew
overlays: 33 ms of CPU a shot against 23 ms.

Reuse: 44% of step screenshots were byte for byte the previous step's (a run of 2026-12-07: 292 of 664), mostly
Then steps that only read the screen; each cost about 35 ms of CPU (shot and compaction) and 33 ms of waiting for
a frame. A watcher in the page notes anything that can change a pixel: a change to the document, an event from
input, focus, pointer, keyboard, scrolling, loading or media, and it counts any running animation, video or canvas
as changing all the time. A new document has no watcher yet, so it always counts as changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

PII_SELECTOR = "[data-pii]"
MASK_STYLE = (f"{PII_SELECTOR} {{ filter: brightness(0) !important; background: #000 !important; }} "
              "* { caret-color: transparent !important; }")  # a blinking caret is in some shots and not others
WATCH = "__harnessScreenWatch"
# Events that can change what is painted without changing the document: a typed value, focus rings, :hover and
# :active, scrolling (captured at the window, as scroll events do not bubble), an image or a font arriving, media.
CHANGING_EVENTS = ("input", "change", "focusin", "focusout", "pointerdown", "pointerup", "pointermove",
                   "pointercancel", "keydown", "keyup", "scroll", "resize", "load", "error", "selectionchange",
                   "toggle", "play", "pause", "seeked", "timeupdate", "loadeddata", "animationstart",
                   "animationend", "transitionstart", "transitionend")

# Installs the mask stylesheet (off) and the watcher once per document; answers whether the screen may differ
# from the last shot, and switches the mask on when a shot follows (always, when reuse is not allowed).
_BEGIN_SHOT = """(reuse) => {
  const mask = __MASK__, key = __KEY__, events = __EVENTS__;
  let watch = window[key];
  if (!watch) {
    const style = document.createElement("style");
    style.textContent = mask;
    (document.head || document.documentElement).append(style);
    style.disabled = true;
    let changed = true;
    const mark = () => { changed = true; };
    new MutationObserver(mark).observe(document,
      { subtree: true, childList: true, attributes: true, characterData: true });
    for (const type of events) window.addEventListener(type, mark, { capture: true, passive: true });
    document.fonts?.addEventListener("loadingdone", mark);
    watch = {
      style,
      takeChanged() {
        const moving = document.getAnimations().length > 0 || document.querySelector("video, canvas") !== null;
        const answer = changed || moving;
        changed = false;
        return answer;
      },
    };
    Object.defineProperty(window, key, { value: watch });
  }
  // A page that rewrites its head may have taken the stylesheet out; a detached one would mask nothing.
  if (!watch.style.isConnected) (document.head || document.documentElement).append(watch.style);
  const changed = watch.takeChanged();
  if (changed || !reuse) watch.style.disabled = false;
  return changed;
}"""
# True when the shot was of the masked document it began on; False when a navigation came in between or the
# stylesheet was taken out.
_END_SHOT = """() => {
  const watch = window[__KEY__];
  if (!watch || !watch.style.isConnected || watch.style.disabled) return false;
  watch.style.disabled = true;
  return true;
}"""
# The constants go into the scripts once, here, rather than travelling with every step's call.
_BEGIN_SHOT = (_BEGIN_SHOT.replace("__MASK__", json.dumps(MASK_STYLE)).replace("__KEY__", json.dumps(WATCH))
               .replace("__EVENTS__", json.dumps(CHANGING_EVENTS)))
_END_SHOT = _END_SHOT.replace("__KEY__", json.dumps(WATCH))
ATTEMPTS = 3


class ScreenMoved(Exception):
    """The page kept navigating while a screenshot was taken: no shot is known to be masked."""


def _evaluate(page: Page, script: str, argument: object) -> bool:
    """The script's answer; a navigation destroying the document under it is waited out (the next try runs in the
    new document)."""
    for _ in range(ATTEMPTS - 1):
        try:
            return bool(page.evaluate(script, argument))
        except PlaywrightError as error:
            if "context was destroyed" not in str(error):
                raise
    return bool(page.evaluate(script, argument))


def _begin(page: Page, reuse: bool) -> bool:
    return _evaluate(page, _BEGIN_SHOT, reuse)


def _masked_shot(page: Page) -> bytes:
    """The masked screen in CSS pixels (the device's 2.625 scale made every shot seven times larger), the mask
    already switched on. Caret and animations are left to the stylesheet: Playwright's own hiding would add an
    element to the document. A shot is kept only if the same masked document was there after it: a navigation in
    between could have painted a new, unmasked one."""
    for attempt in range(ATTEMPTS):
        if attempt:
            _begin(page, reuse=False)
        png = page.screenshot(scale="css", caret="initial")
        if _evaluate(page, _END_SHOT, None):
            return png
    raise ScreenMoved(f"the page navigated during each of {ATTEMPTS} screenshots")


def screen_png(page: Page) -> bytes:
    """A masked screenshot now, whatever the last one was."""
    _begin(page, reuse=False)
    return _masked_shot(page)


@dataclass
class StepScreens:
    """One page's step screenshots, encoded: a new one when the screen may have changed, else the last again."""

    page: Page
    encode: Callable[[bytes], bytes]
    last: bytes | None = None
    shots: int = 0
    reused: int = 0

    def screen(self) -> bytes:
        if self.last is not None and not _begin(self.page, reuse=True):
            self.reused += 1
            return self.last
        if self.last is None:
            _begin(self.page, reuse=False)
        self.last = self.encode(_masked_shot(self.page))
        self.shots += 1
        return self.last
