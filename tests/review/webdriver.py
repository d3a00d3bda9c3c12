"""A minimal W3C WebDriver client over chromedriver, standard library only (urllib + json).

Enough for the review page tests: open a page, find elements, click (element clicks and pointer actions at a
position), run a script, take a screenshot.  Chromium runs headless with a fresh profile and no network features.
"""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C web element identifier
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1400,1000", "--hide-scrollbars",
]
# Debian's /usr/bin/chromium is a shell launcher; chromedriver can drive the real binary directly.
CHROMIUM_BINARIES = ("/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome")


class WebDriverError(RuntimeError):
    pass


def find_browser() -> tuple[str, str] | None:
    """(chromium binary, chromedriver) when both are installed, else None."""
    driver = shutil.which("chromedriver")
    binary = next((found for name in CHROMIUM_BINARIES if (found := shutil.which(name))), None)
    return (binary, driver) if driver and binary else None


class Browser:
    """One chromedriver process and one browser session; use as a context manager."""

    def __init__(self, binary: str, driver: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="review-chromium-")
        self.port = _free_port()
        self.process = subprocess.Popen(
            [driver, f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.base = f"http://127.0.0.1:{self.port}"
        self._wait_ready()
        options = {"binary": binary, "args": [*CHROMIUM_ARGS, f"--user-data-dir={self.profile}"]}
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}}
        self.session = self._call("POST", "/session", caps)["sessionId"]

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.quit()

    def quit(self) -> None:
        try:
            self._call("DELETE", f"/session/{self.session}")
        except (WebDriverError, OSError):
            pass
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            shutil.rmtree(self.profile, ignore_errors=True)

    # -- commands -------------------------------------------------------------------------------------------------
    def get(self, url: str) -> None:
        self._cmd("POST", "url", {"url": url})

    def find(self, css: str) -> str:
        return _element_id(self._cmd("POST", "element", {"using": "css selector", "value": css}))

    def find_all(self, css: str) -> list[str]:
        return [_element_id(e) for e in self._cmd("POST", "elements", {"using": "css selector", "value": css})]

    def click(self, element: str) -> None:
        self._cmd("POST", f"element/{element}/click", {})

    def attribute(self, element: str, name: str) -> str | None:
        return self._cmd("GET", f"element/{element}/attribute/{name}")

    def rect(self, element: str) -> dict[str, float]:
        """The element's x, y, width and height in CSS pixels."""
        return self._cmd("GET", f"element/{element}/rect")

    def execute(self, script: str, *args: Any) -> Any:
        return self._cmd("POST", "execute/sync", {"script": script, "args": list(args)})

    def click_at(self, x: float, y: float) -> None:
        """A real pointer click at (x, y) CSS pixels of the viewport."""
        pointer = {"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": [
            {"type": "pointerMove", "duration": 0, "origin": "viewport", "x": round(x), "y": round(y)},
            {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0},
        ]}
        self._cmd("POST", "actions", {"actions": [pointer]})

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(self._cmd("GET", "screenshot")))

    def wait_for(self, script: str, timeout: float = 10.0) -> Any:
        """Poll ``script`` (a JS expression body returning a value) until it is truthy."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.execute(script)
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.05)

    # -- transport ------------------------------------------------------------------------------------------------
    def _cmd(self, method: str, command: str, body: dict | None = None) -> Any:
        return self._call(method, f"/session/{self.session}/{command}", body)

    def _call(self, method: str, path: str, body: dict | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response).get("value")
        except urllib.error.HTTPError as exc:
            detail = json.load(exc).get("value", {})
            raise WebDriverError(f"{method} {path}: {detail.get('error')}: {detail.get('message', '')[:300]}") from None

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/status", timeout=2) as response:
                    if json.load(response)["value"].get("ready"):
                        return
            except (OSError, ValueError):
                time.sleep(0.1)
        self.quit_driver_only()
        raise WebDriverError("chromedriver did not become ready")

    def quit_driver_only(self) -> None:
        self.process.terminate()
        shutil.rmtree(self.profile, ignore_errors=True)


def _element_id(value: dict) -> str:
    return value[ELEMENT]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
