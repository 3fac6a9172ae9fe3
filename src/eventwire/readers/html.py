"""HTML pages: the article body and metadata by trafilatura, with a plain-text fallback."""
from __future__ import annotations

import re

from ..article import Article, parse_published


# Fewer words than this is navigation or an error page, not an article.
MIN_WORDS = 5


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

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, favor_precision=True)
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
    try:
        d = extract_html(html, url)
    except ImportError as e:  # a broken install (lxml >= 5.2 without lxml_html_clean): name what to add
        pkg = "lxml_html_clean" if "lxml_html_clean" in str(e) else (e.name or "trafilatura").split(".")[0]
        raise error(f"reading HTML needs the package {pkg} (pip install {pkg})") from None
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
