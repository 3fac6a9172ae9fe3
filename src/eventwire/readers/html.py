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


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_TAG = re.compile(r"<[^>]*>")


def _tidy(text: str) -> str:
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n\n", text)).strip()


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment (feeds carry HTML summaries): no scripts, styles,
    navigation, headers, footers, forms or asides."""
    from lxml import html as lxml_html

    html = _XML_DECL.sub("", html)  # lxml refuses str input that declares an encoding
    if "<" not in html:
        return _tidy(html)
    try:
        root = lxml_html.fromstring(html)
    except Exception:  # noqa: BLE001 - not parseable as HTML: the text without its tags
        return _tidy(_TAG.sub(" ", html))
    if root.tag in ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form"):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template|//nav|//header|//footer|//aside|//form|//select|//button"):
        if bad.getparent() is not None:
            bad.drop_tree()
    return _tidy(root.text_content())


def extract_html(html: str, url: str | None = None) -> dict | None:
    """{'text', 'title', 'date', 'url', 'sitename'} of a page, or None when no article text is found."""
    import trafilatura

    # What a reader sees, less scripts, styles and navigation: too little of it, no article
    # (trafilatura keeps a menu's links as text on a page that has nothing else).
    text = html_to_text(html)
    if len(text.split()) < MIN_WORDS:
        return None
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, favor_precision=True,
                                      prune_xpath=PRUNE_XPATH)
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        if len((d.get("text") or "").split()) >= MIN_WORDS:
            return d
    # Fallback for pages trafilatura rejects (very short news items): the visible text.
    return {"text": text, "title": None, "date": None, "url": url, "sitename": None}


def article_from_html(path: str, html: str, error, url: str | None = None, published=None) -> Article:
    try:
        d = extract_html(html, url)
    except ImportError as e:  # a broken install (lxml >= 5.2 without lxml_html_clean): name what to add
        pkg = "lxml_html_clean" if "lxml_html_clean" in str(e) else (e.name or "trafilatura").split(".")[0]
        raise error(f"reading HTML needs the package {pkg} (pip install {pkg})") from None
    if d is None:
        raise error(f"no article text found in the HTML (fewer than {MIN_WORDS} words outside scripts, styles and navigation)")
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
