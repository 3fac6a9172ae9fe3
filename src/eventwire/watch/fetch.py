"""A polite HTTP client for following news feeds (httpx).

Polite: one request at a time per host with a pause between them (longer if
robots.txt asks for a Crawl-delay), robots.txt honoured, a User-Agent that
says who is asking, conditional requests (ETag / Last-Modified) so an
unchanged feed costs the publisher a 304.  Safe: only http(s), no private,
loopback or link-local address unless allowed (a feed must not make eventwire
probe the user's own network), a cap on the body size and on the total time
of a request, redirects followed by hand so each hop is checked and loops end.
Every failure is a ``FetchError`` with a one-line reason.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from .. import __version__

USER_AGENT = f"eventwire/{__version__} (+https://pypi.org/project/eventwire/; news event extraction)"
REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A request that gave no usable answer; ``str()`` is the one-line reason."""

    def __init__(self, reason: str, retry: bool = True):
        super().__init__(reason)
        self.retry = retry  # False: asking again will not help (robots.txt, a refused address)


@dataclass
class Response:
    url: str  # after redirects
    status: int
    body: bytes = b""
    headers: dict = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    def text(self) -> str:
        ctype = self.headers.get("content-type", "")
        charset = None
        if "charset=" in ctype:
            charset = ctype.split("charset=", 1)[1].split(";")[0].strip().strip('"') or None
        for enc in (charset, "utf-8"):
            if enc:
                try:
                    return self.body.decode(enc)
                except (LookupError, UnicodeDecodeError):
                    pass
        from charset_normalizer import from_bytes

        best = from_bytes(self.body).best()
        return str(best) if best is not None else self.body.decode("utf-8", "replace")


def _is_public(host: str) -> tuple[bool, str]:
    """Whether every address ``host`` resolves to is a public one; the reason when not."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as e:
        raise FetchError(f"cannot resolve {host} ({e.strerror or e})") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified:
            return False, f"{host} is a private or loopback address ({ip}); use --allow-private to fetch it"
    return True, ""


class Fetcher:
    def __init__(
        self,
        user_agent: str = USER_AGENT,
        timeout: float = 20.0,
        total_timeout: float = 60.0,
        max_bytes: int = 10_000_000,
        delay: float = 1.0,
        allow_private: bool = False,
        max_redirects: int = 5,
        robots: bool = True,
    ):
        import httpx

        self.user_agent = user_agent
        self.total_timeout = total_timeout
        self.max_bytes = max_bytes
        self.delay = delay
        self.allow_private = allow_private
        self.max_redirects = max_redirects
        self.robots = robots
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        self._last: dict[str, float] = {}  # host -> monotonic time of the last request
        self._robots: dict[str, tuple[float, RobotFileParser | None, float]] = {}  # origin -> (expiry, parser, delay)

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------------ politeness

    def _check_url(self, url: str) -> tuple[str, str]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) URL: {url[:200]}", retry=False)
        if not self.allow_private:
            ok, why = _is_public(parts.hostname)
            if not ok:
                raise FetchError(why, retry=False)
        return parts.hostname, f"{parts.scheme}://{parts.netloc}"

    def _wait_turn(self, host: str, extra_delay: float = 0.0) -> None:
        gap = max(self.delay, extra_delay)
        last = self._last.get(host)
        if last is not None:
            wait = last + gap - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        self._last[host] = time.monotonic()

    def _robots_for(self, origin: str, host: str) -> tuple[RobotFileParser | None, float]:
        """The origin's robots.txt rules (None: all allowed) and its Crawl-delay."""
        now = time.monotonic()
        hit = self._robots.get(origin)
        if hit and hit[0] > now:
            return hit[1], hit[2]
        parser: RobotFileParser | None
        ttl = 3600.0
        try:
            r = self._request(origin + "/robots.txt", host, {}, self.max_bytes // 10 or 100_000)
        except FetchError:
            # RFC 9309: an unreachable robots.txt means "disallow all" for now; ask again soon.
            parser, ttl = RobotFileParser(), 300.0
            parser.parse(["User-agent: *", "Disallow: /"])
        else:
            if r.status == 200:
                parser = RobotFileParser()
                parser.parse(r.text().splitlines())
            elif 400 <= r.status < 500:
                parser = None  # no robots.txt: everything is allowed
            else:
                parser, ttl = RobotFileParser(), 300.0
                parser.parse(["User-agent: *", "Disallow: /"])
        delay = 0.0
        if parser is not None:
            d = parser.crawl_delay(self.user_agent)
            delay = float(d) if d else 0.0
        self._robots[origin] = (now + ttl, parser, min(delay, 60.0))
        return parser, min(delay, 60.0)

    # ------------------------------------------------------------------ requests

    def _request(self, url: str, host: str, headers: dict, max_bytes: int, extra_delay: float = 0.0) -> Response:
        import httpx

        self._wait_turn(host, extra_delay)
        deadline = time.monotonic() + self.total_timeout
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                length = r.headers.get("content-length")
                if length and length.isdigit() and int(length) > max_bytes:
                    raise FetchError(f"body of {int(length):,} bytes is over the {max_bytes:,}-byte cap", retry=False)
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"body over the {max_bytes:,}-byte cap", retry=False)
                    if time.monotonic() > deadline:
                        raise FetchError(f"took longer than {self.total_timeout:.0f} s")
                    chunks.append(chunk)
                return Response(str(r.url), r.status_code, b"".join(chunks), {k.lower(): v for k, v in r.headers.items()})
        except FetchError:
            raise
        except httpx.TimeoutException:
            raise FetchError("timed out") from None
        except httpx.HTTPError as e:
            raise FetchError(f"{type(e).__name__}: {str(e)[:200] or 'request failed'}") from None

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` politely; a 2xx or 304 answer, else FetchError."""
        seen: set[str] = set()
        for _hop in range(self.max_redirects + 1):
            if url in seen:
                raise FetchError(f"redirect loop at {url[:200]}")
            seen.add(url)
            host, origin = self._check_url(url)
            extra = 0.0
            if self.robots:
                rules, extra = self._robots_for(origin, host)
                if rules is not None and not rules.can_fetch(self.user_agent, url):
                    raise FetchError("disallowed by robots.txt", retry=False)
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            r = self._request(url, host, headers, self.max_bytes, extra)
            if r.status in REDIRECTS:
                loc = r.headers.get("location")
                if not loc:
                    raise FetchError(f"HTTP {r.status} without a Location")
                url = urljoin(url, loc)
                continue
            if r.status == 304 or 200 <= r.status < 300:
                return r
            raise FetchError(f"HTTP {r.status}", retry=r.status >= 500 or r.status in (408, 429))
        raise FetchError(f"more than {self.max_redirects} redirects")
