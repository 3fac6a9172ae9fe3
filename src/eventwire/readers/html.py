"""HTML pages: the article body and metadata by trafilatura, with a plain-text fallback."""
from __future__ import annotations

import re

from ..article import Article, parse_published


# Fewer words than this is navigation or an error page, not an article.
MIN_WORDS = 5

# Page furniture trafilatura is told to leave out: captions, asides, and the boxes a site names by class
# or id (related stories, share and newsletter boxes, bylines, cookie notices).  Whole class tokens only,
# so a wrapper such as class="article has-related" keeps the story.
_FURNITURE_TOKENS = (
    "related", "related-articles", "related-stories", "related-posts", "related-content", "related-links",
    "more-stories", "more-from", "read-more", "also-read", "recommended", "recommendations", "trending",
    "most-read", "most-popular", "newsletter", "newsletter-signup", "subscribe", "share", "share-buttons",
    "sharing", "social-share", "social-links", "caption", "wp-caption-text", "image-caption", "photo-credit",
    "credit", "byline", "author-bio", "cookie", "cookie-banner", "cookie-notice", "cookie-consent",
)


def _class_or_id(tokens) -> str:
    tests = [f"contains(concat(' ', normalize-space(@{attr}), ' '), ' {t} ')" for t in tokens for attr in ("class", "id")]
    return "//*[not(self::body or self::html or self::main or self::article)][" + " or ".join(tests) + "]"


PRUNE_XPATH = ["//figcaption", "//aside", _class_or_id(_FURNITURE_TOKENS)]


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment (feeds carry HTML summaries)."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except Exception:  # noqa: BLE001 - not HTML after all: keep the text
        return html.strip()
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    text = root.text_content()
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n\n", text)).strip()


def extract_html(html: str, url: str | None = None) -> dict | None:
    """{'text', 'title', 'date', 'url', 'sitename'} of a page, or None when no article text is found."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, favor_precision=True,
                                      prune_xpath=PRUNE_XPATH)
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        if len((d.get("text") or "").split()) >= MIN_WORDS:
            return d
    # Fallback for pages trafilatura rejects (very short news items): the visible text.
    text = html_to_text(html)
    if len(text.split()) < MIN_WORDS:
        return None
    return {"text": text, "title": None, "date": None, "url": url, "sitename": None}


def article_from_html(path: str, html: str, error, url: str | None = None, published=None) -> Article:
    d = extract_html(html, url)
    if d is None:
        raise error("no article text found in the HTML")
    try:
        pub, prec = parse_published(d.get("date"))
    except ValueError:
        pub, prec = None, "unknown"
    if pub is None and published is not None:
        pub, prec = published, "day"
    return Article(
        text=d["text"].strip(),
        published=pub,
        published_precision=prec,
        title=d.get("title"),
        url=d.get("url") or url,
        outlet=d.get("sitename"),
        path=path,
    )
