"""selenium's explicit wait, polling every 50 ms instead of every 500 ms.

A reader's drawer slides in within 150–300 ms and a filter answers within a frame; polled every
half second, each wait for such a change took half a second longer than the change, and the
browser tests spent much of their time waiting for the next look. The condition and the timeout
of every wait stay what each test says.
"""

from __future__ import annotations

from selenium.webdriver.support.ui import Select  # noqa: F401  (one import line for tests)
from selenium.webdriver.support.ui import WebDriverWait as _SeleniumWait

POLL_SECONDS = 0.05


class WebDriverWait(_SeleniumWait):
    def __init__(self, driver, timeout: float, poll_frequency: float = POLL_SECONDS, ignored_exceptions=None):
        super().__init__(driver, timeout, poll_frequency=poll_frequency, ignored_exceptions=ignored_exceptions)
