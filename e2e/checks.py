"""What the browser tests look at, in one place: reader tabs that watch the console, axe-core, and layout probes."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "e2e" / "artifacts"
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = (360, 768, 1280)


class ReaderTab:
    """One browser tab at a given viewport width that remembers every console error and uncaught exception."""

    def __init__(self, browser, base_url: str, width: int, height: int):
        # bypass_csp lets axe-core be injected whatever Content-Security-Policy the site sends.
        self.context = browser.new_context(
            base_url=base_url, viewport={"width": width, "height": height}, bypass_csp=True
        )
        self.page = self.context.new_page()
        self.errors: list[tuple[str, str, str]] = []
        self.allowed_resources: list[str] = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.errors.append(("exception", str(error), self.page.url)))

    def _on_console(self, message):
        if message.type == "error":
            self.errors.append(("console", message.text, message.location.get("url", "") or self.page.url))

    def goto(self, path: str, status: int = 200):
        if status != 200:
            # Chromium reports the error status of the document itself as a console error; that one is expected.
            self.allow_failed_resource(path)
        response = self.page.goto(path, wait_until="load")
        assert response is not None, f"no response for {path}"
        assert response.status == status, f"{path} answered {response.status}, expected {status}"
        return response

    def allow_failed_resource(self, url_part: str):
        """A resource the test breaks on purpose (a missing image) may fail to load; nothing else may."""
        self.allowed_resources.append(url_part)

    def unexpected_console_errors(self) -> list[str]:
        return [
            f"{kind} on {where}: {text}"
            for kind, text, where in self.errors
            if not (kind == "console" and any(part in where for part in self.allowed_resources))
        ]

    def close(self):
        self.context.close()


def run_axe(page) -> dict:
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
    )


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']} -> {targets}")
    return "\n".join(lines)


# Text that sticks out of the viewport (or is clipped by an overflow:hidden body) is what a reader can't see.
# Text inside a container that scrolls sideways on purpose (a wide table) is reachable, so it is left out.
OFFSCREEN_TEXT_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const scrollsSideways = el => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const x = getComputedStyle(e).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const path = el => { const parts = []; for (let e = el; e && e !== document.body; e = e.parentElement) parts.unshift(name(e)); return parts.join(' > '); };
  // Text for screen readers only sits in a clipped 1 px box: nobody sees it, so it cannot stick out.
  const hiddenFromEyes = el => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const r = e.getBoundingClientRect(), style = getComputedStyle(e);
      if (r.width <= 1 || r.height <= 1 || style.clip !== 'auto' || style.clipPath !== 'none') return true;
    }
    return false;
  };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || scrollsSideways(node.parentElement) || hiddenFromEyes(node.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width && (rect.right > width + 1 || rect.left < -1)) {
        found.push(`${path(node.parentElement)} (text "${node.textContent.trim().slice(0, 40)}", ${Math.round(rect.left)}..${Math.round(rect.right)} px)`);
        break;
      }
    }
  }
  const boxes = [];
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.width > 1 && rect.right > width + 1 && !scrollsSideways(el.parentElement) && !hiddenFromEyes(el)) boxes.push(`${path(el)} (right edge ${Math.round(rect.right)} px)`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width, text: found.slice(0, 10), boxes: boxes.slice(0, 10)};
}
"""


def horizontal_overflow(page) -> list[str]:
    """Why the page is wider than the viewport, if it is: a list of the elements and text that stick out."""
    probe = page.evaluate(OFFSCREEN_TEXT_JS)
    problems = []
    if probe["scrollWidth"] > probe["clientWidth"]:
        problems.append(f"page scrolls sideways: scrollWidth {probe['scrollWidth']} > viewport {probe['clientWidth']}")
        problems += [f"  wider than the viewport: {box}" for box in probe["boxes"]]
    problems += [f"text off screen: {text}" for text in probe["text"]]
    return problems


SMALL_TEXT_JS = """
([selector, minimum, exclude]) => {
  const small = [];
  for (const el of document.querySelectorAll(selector)) {
    const own = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    const rect = el.getBoundingClientRect();
    // Text for screen readers only (a 1 px clipped box) is not read by eye.
    if (!own || rect.width <= 1 || rect.height <= 1) continue;
    if (exclude && el.closest(exclude)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < minimum) small.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" at ${size}px`);
  }
  return small;
}
"""


def text_smaller_than(page, selector: str, minimum: float, exclude: str = "") -> list[str]:
    """Elements matching `selector` whose own text is set smaller than `minimum` px (outside `exclude`)."""
    return page.evaluate(SMALL_TEXT_JS, [selector, minimum, exclude])


def fonts_used(page, selector: str) -> dict[str, int]:
    """The fonts Chromium drew an element's text with, and how many glyphs each: a missing script shows up as
    its letters drawn (as empty boxes) in the same Latin font as the text around them."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        cdp.send("CSS.enable")
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    return {font["familyName"]: font["glyphCount"] for font in fonts}
