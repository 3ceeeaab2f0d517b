"""`flask content check-links`: is every source URL of the catalog still reachable?

Polite by design: a few requests at a time, a timeout, a User-Agent that says who asks and why,
HEAD first (GET only when a server refuses HEAD), each URL once. It records redirects and never
writes anything: a page that answers is not a page somebody read, so no `checked` date moves.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
from dataclasses import dataclass, field

import httpx

from .model import Catalog

USER_AGENT = ("Lockstep-link-check/1 (a maintainer checking that the sources cited by Lockstep, "
              "a guide to end-to-end encryption in messaging apps, are still online; one request per page)")


@dataclass(frozen=True)
class Result:
    url: str  # as the catalog cites it
    status: int | None = None  # of the final response; None when there was none
    redirects: tuple[tuple[int, str], ...] = ()  # (status, URL it came from), in order
    final_url: str = ""
    error: str = ""  # "timeout", "connection error: ...", ...
    head_status: int | None = None  # set when HEAD failed and the answer is GET's

    @property
    def dead(self) -> bool:
        return self.status is None or self.status >= 400


@dataclass
class Rewrites:
    """URL prefixes fetched from elsewhere (a local mirror, a test server); reports keep the cited URL."""

    pairs: list[tuple[str, str]] = field(default_factory=list)

    def there(self, url: str) -> str:
        for prefix, replacement in self.pairs:
            if url.startswith(prefix):
                return replacement + url[len(prefix):]
        return url

    def back(self, url: str) -> str:
        for prefix, replacement in self.pairs:
            if url.startswith(replacement):
                return prefix + url[len(replacement):]
        return url


def source_urls(catalog: Catalog) -> list[str]:
    """Every distinct source URL, in the order the catalog first cites it."""
    urls: dict[str, None] = {}
    for app in catalog:
        urls.update(dict.fromkeys(s.url for s in app.sources))
    topics = catalog.topics
    for item in (*topics.rumors, *topics.retired, *topics.explainers.values()):
        urls.update(dict.fromkeys(s.url for s in item.sources))
    return list(urls)


async def _fetch(client: httpx.AsyncClient, url: str, rewrites: Rewrites) -> Result:
    target = rewrites.there(url)
    head_status = None
    try:
        response = await client.head(target)
        if response.status_code >= 400:  # many servers refuse or mishandle HEAD; ask as a browser would
            head_status = response.status_code
            async with client.stream("GET", target) as response:  # the status is enough: no body is read
                pass
    except httpx.TimeoutException:
        return Result(url, error="timeout", head_status=head_status)
    except httpx.TooManyRedirects:
        return Result(url, error="too many redirects", head_status=head_status)
    except httpx.HTTPError as exc:
        return Result(url, error=f"connection error ({type(exc).__name__})", head_status=head_status)
    return Result(url, status=response.status_code, head_status=head_status,
                  redirects=tuple((r.status_code, rewrites.back(str(r.url))) for r in response.history),
                  final_url=rewrites.back(str(response.url)))


async def _check(urls: list[str], concurrency: int, timeout: float, rewrites: Rewrites) -> list[Result]:
    limit = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(headers={"User-Agent": USER_AGENT}, timeout=timeout, limits=limits,
                                 follow_redirects=True) as client:
        async def one(url: str) -> Result:
            async with limit:
                return await _fetch(client, url, rewrites)

        return list(await asyncio.gather(*(one(url) for url in urls)))


def check_links(urls: list[str], *, concurrency: int = 4, timeout: float = 10,
                rewrites: Rewrites | None = None) -> list[Result]:
    """Fetch each URL (at most `concurrency` at a time); results in the order of `urls`."""
    # A fresh event loop in its own thread: the caller may already be running one (a click
    # command inside another tool, or a test session that drives a browser).
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _check(urls, concurrency, timeout, rewrites or Rewrites())).result()


def describe(result: Result) -> str:
    """One line: state, status (or error), the URL, and where its redirects led."""
    if result.status is None:
        return f"dead   {result.error}  {result.url}" + (
            f"  (HEAD answered {result.head_status}; GET then failed)" if result.head_status else "")
    state = "dead  " if result.dead else ("moved " if result.redirects else "ok    ")
    line = f"{state} {result.status}  {result.url}"
    if result.redirects:
        chain = " -> ".join(f"{url} ({status})" for status, url in result.redirects)
        line += f"  redirected: {chain} -> {result.final_url} ({result.status})"
    if result.head_status:
        line += f"  (HEAD answered {result.head_status}; this is GET's answer)"
    return line
