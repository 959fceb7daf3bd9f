"""Write the article-import corpus: saved news pages of many shapes, languages and encodings.

    python newsdesk/importers/tests/corpus/generate.py

Each page `NAME.html` gets `NAME.expected.txt` (the article body, one block a line) and an entry in
manifest.json (headline, byline, language, encoding and how the encoding is declared). The texts
are in texts.py; the shapes below wrap them the way common CMS themes and news sites do, with the
traps that broke our importer: wrappers whose classes contain "sidebar" or "widget", page-wide
forms, text placed directly in the article container, teasers that come first, late or missing
charset declarations, entities and site names in headlines.
"""

import html
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from texts import ARTICLES, FURNITURE  # noqa: E402  (run as a script)

BY_SLUG = {article["slug"]: article for article in ARTICLES}
SEPARATORS = [" | ", " - ", " \u2014 ", " \u2013 "]
# A head long enough that a charset declared after it is past the 1,024 bytes browsers pre-scan.
PADDING = "<style>" + "".join(f".c{n}{{margin:{n % 7}px;padding:{n % 5}px}}" for n in range(260)) + "</style>\n"

# (shape, article, codec, how the charset is declared)
PAGES = [
    ("wp-classic", "harbour-dredging", "utf-8", "meta"),
    ("wp-classic", "tram-timetable", "cp1251", "late-meta"),
    ("wp-classic", "desalination", "cp1256", "none"),
    ("wp-classic", "karachi-roads", "utf-8", "none"),
    ("wp-elementor", "rural-clinics", "utf-8", "meta"),
    ("wp-elementor", "early-sowing", "utf-8", "none"),
    ("wp-elementor", "busan-port", "utf-8", "meta"),
    ("wp-elementor", "cricket-academy", "utf-8", "bom"),
    ("wp-layout-sidebar", "river-level", "utf-8", "meta"),
    ("wp-layout-sidebar", "night-library-ko", "euc-kr", "late-http-equiv"),
    ("wp-layout-sidebar", "olive-harvest", "utf-8", "meta"),
    ("wp-layout-sidebar", "tram-timetable", "cp1251", "none"),
    ("drupal", "night-library", "utf-8", "meta"),
    ("drupal", "early-sowing", "cp1251", "late-http-equiv"),
    ("drupal", "desalination", "utf-8", "meta"),
    ("drupal", "karachi-roads", "utf-8", "late-meta"),
    ("ghost", "harbour-dredging", "utf-8", "meta"),
    ("ghost", "busan-port", "euc-kr", "none"),
    ("ghost", "cricket-academy", "utf-8", "none"),
    ("medium-like", "rural-clinics", "utf-8", "meta"),
    ("medium-like", "river-level", "utf-8", "none"),
    ("medium-like", "night-library-ko", "utf-8", "meta"),
    ("medium-like", "olive-harvest", "cp1256", "late-http-equiv"),
    ("amp", "night-library", "utf-8", "meta"),
    ("amp", "tram-timetable", "utf-8", "meta"),
    ("amp", "desalination", "cp1256", "late-meta"),
    ("microdata", "harbour-dredging", "utf-8", "none"),
    ("microdata", "early-sowing", "cp1251", "meta"),
    ("microdata", "busan-port", "euc-kr", "late-meta"),
    ("microdata", "karachi-roads", "utf-8", "meta"),
    ("jsonld-only", "rural-clinics", "utf-8", "meta"),
    ("jsonld-only", "night-library-ko", "euc-kr", "none"),
    ("jsonld-only", "olive-harvest", "utf-8", "none"),
    ("jsonld-only", "cricket-academy", "utf-8", "meta"),
    ("opengraph-only", "river-level", "utf-8", "meta"),
    ("opengraph-only", "tram-timetable", "utf-8", "none"),
    ("opengraph-only", "desalination", "utf-8", "bom"),
    ("opengraph-only", "karachi-roads", "utf-8", "none"),
    ("aspnet-form", "night-library", "utf-8", "meta"),
    ("aspnet-form", "early-sowing", "cp1251", "late-meta"),
    ("aspnet-form", "busan-port", "utf-8", "meta"),
    ("aspnet-form", "cricket-academy", "utf-8", "none"),
    ("direct-text", "harbour-dredging", "utf-8", "meta"),
    ("direct-text", "tram-timetable", "cp1251", "none"),
    ("direct-text", "night-library-ko", "euc-kr", "late-meta"),
    ("direct-text", "olive-harvest", "utf-8", "meta"),
    ("teaser-first", "rural-clinics", "utf-8", "meta"),
    ("teaser-first", "early-sowing", "utf-8", "meta"),
    ("teaser-first", "desalination", "utf-8", "none"),
    ("teaser-first", "karachi-roads", "utf-8", "meta"),
    ("portal-inline", "river-level", "utf-8", "meta"),
    ("portal-inline", "busan-port", "euc-kr", "meta"),
    ("portal-inline", "olive-harvest", "cp1256", "none"),
    ("portal-inline", "cricket-academy", "utf-8", "meta"),
]
CHARSET_LABEL = {"utf-8": "utf-8", "cp1251": "windows-1251", "cp1256": "windows-1256", "euc-kr": "euc-kr"}


def e(text: str) -> str:
    return html.escape(text, quote=True)


# -- the article itself ----------------------------------------------------------------------


def block_html(kind, value, p_class="") -> str:
    attr = f' class="{p_class}"' if p_class else ""
    if kind == "p":
        return f"<p{attr}>{_with_markup(value)}</p>"
    if kind == "h2":
        return f"<h2>{e(value)}</h2>"
    if kind == "quote":
        return f"<blockquote><p>{e(value)}</p></blockquote>"
    return "<ul>" + "".join(f"<li>{e(item)}</li>" for item in value) + "</ul>"


def _with_markup(text: str) -> str:
    """Some inline markup, as real bodies have: the first words in bold, a link in the middle."""
    words = text.split(" ")
    if len(words) < 12:
        return e(text)
    return (
        f"<strong>{e(' '.join(words[:2]))}</strong> {e(' '.join(words[2:6]))} "
        f'<a href="https://example.org/source">{e(" ".join(words[6:9]))}</a> {e(" ".join(words[9:]))}'
    )


def body_html(article, p_class="", wrap=None) -> str:
    parts = [block_html(kind, value, p_class) for kind, value in article["body"]]
    if wrap:
        parts = [wrap(part) for part in parts]
    return "\n".join(parts)


def expected_text(article) -> str:
    lines = []
    for kind, value in article["body"]:
        lines.extend(value if kind == "list" else [value])
    return "\n".join(lines) + "\n"


def hero(article, tag="img") -> str:
    alt = e(article["headline"][:40])
    return (
        f'<figure class="wp-block-image"><{tag} src="/uploads/{article["slug"]}.jpg" alt="{alt}" width="800" height="450">'
        f"{'</amp-img>' if tag == 'amp-img' else ''}<figcaption>{e(article['standfirst'][:60])} Photo: Agency</figcaption></figure>"
    )


# -- furniture -----------------------------------------------------------------------------------


def others(article, n=4):
    same = [a for a in ARTICLES if a["lang"] == article["lang"] and a is not article]
    rest = [a for a in ARTICLES if a["lang"] != article["lang"]]
    return (same + rest)[:n]


def nav(f, cls="main-navigation") -> str:
    links = "".join(f'<li><a href="/{n}/">{e(item)}</a></li>' for n, item in enumerate(f["nav"]))
    return f'<nav class="{cls}"><ul class="menu">{links}</ul></nav>'


def link_list(article, title, cls, item_cls="") -> str:
    items = "".join(
        f'<li class="{item_cls}"><a href="/{o["slug"]}/">{e(o["headline"])}</a></li>' for o in others(article)
    )
    return f'<section class="{cls}"><h2 class="widget-title">{e(title)}</h2><ul>{items}</ul></section>'


def text_widget(f, cls="widget widget_text") -> str:
    return f'<section class="{cls}"><h2 class="widget-title">About</h2><div class="textwidget"><p>{e(f["about"])}</p></div></section>'


def comments(f, cls="comments-area") -> str:
    entries = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Reader {n}</b></footer>'
        f'<div class="comment-content"><p>{e(text)}</p></div></article></li>'
        for n, text in enumerate(f["comment_texts"], 1)
    )
    return f'<div id="comments" class="{cls}"><h2 class="comments-title">{e(f["comments"])}</h2><ol class="comment-list">{entries}</ol></div>'


def newsletter(f, cls="newsletter-box") -> str:
    return (
        f'<div class="{cls}"><p>{e(f["newsletter"])}</p><form action="/subscribe" method="post">'
        '<input type="email" name="email"><button type="submit">OK</button></form></div>'
    )


def share(f, cls="share-buttons") -> str:
    return f'<div class="{cls}"><span>{e(f["share"])}</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></div>'


def site_footer(f) -> str:
    return (
        f'<footer id="colophon" class="site-footer"><p>{e(f["footer"])}</p><p>\u00a9 2025 {e(f["site"])}</p></footer>'
    )


def byline(article, f) -> str:
    return (
        f'<div class="entry-meta"><span class="byline">{e(f["by"])} <span class="author vcard"><a class="url fn n" rel="author" '
        f'href="/author/">{e(article["author"])}</a></span></span> <time class="entry-date published" '
        f'datetime="{article["date"]}">{article["date"][:10]}</time></div>'
    )


# -- heads ------------------------------------------------------------------------------------


def wp_entities(text: str) -> str:
    """How WordPress writes a title into JSON-LD and og:title: HTML entities for & and ’."""
    return text.replace("&", "&amp;").replace("\u2019", "&#8217;")


def json_ld(article, f, headline=None) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline if headline is not None else article["headline"],
        "description": article["standfirst"],
        "datePublished": article["date"],
        "author": {"@type": "Person", "name": article["author"]},
        "publisher": {"@type": "Organization", "name": f["site"]},
        "inLanguage": article["lang"],
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>\n'


def open_graph(article, f, title=None, site=True) -> str:
    tags = [
        ("og:type", "article"),
        ("og:title", title if title is not None else article["headline"]),
        ("og:description", article["standfirst"]),
        ("og:image", f"https://cdn.example.net/{article['slug']}.jpg"),
        ("article:published_time", article["date"]),
    ]
    if site:
        tags.append(("og:site_name", f["site"]))
    # og:title may arrive already entity-encoded (WordPress): write it without escaping its "&".
    return "".join(
        f'<meta property="{name}" content="{value if name == "og:title" and "&#" in value else e(value)}">\n'
        for name, value in tags
    )


def head(article, f, codec, mode, separator, extra="") -> str:
    label = CHARSET_LABEL[codec]
    declaration = {
        "meta": f'<meta charset="{label}">',
        "late-meta": f'<meta charset="{label}">',
        "late-http-equiv": f'<meta http-equiv="Content-Type" content="text/html; charset={label}">',
    }.get(mode, "")
    early, late = (declaration, "") if mode == "meta" else ("", declaration)
    title = f"<title>{e(article['headline'] + separator + f['site'])}</title>"
    viewport = '<meta name="viewport" content="width=device-width, initial-scale=1">'
    padding = PADDING if late else ""
    return f"<head>\n{early}\n{viewport}\n{title}\n{padding}{late}\n{extra}</head>"


def page(article, codec, mode, separator, head_extra, body, html_attrs="") -> str:
    f = FURNITURE[article["lang"]]
    direction = ' dir="rtl"' if article["lang"] in ("ar", "ur") else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{article["lang"]}"{direction}{html_attrs}>\n'
        f"{head(article, f, codec, mode, separator, head_extra)}\n{body}\n</html>\n"
    )


# -- shapes -------------------------------------------------------------------------------------


def wp_classic(a, f):
    head_extra = open_graph(a, f, title=wp_entities(a["headline"])) + json_ld(a, f, headline=wp_entities(a["headline"]))
    body = f"""<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/">{e(f["site"])}</a></p>{nav(f)}</header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-12" class="post-12 post type-post status-publish format-standard has-post-thumbnail hentry">
<header class="entry-header"><h1 class="entry-title">{e(a["headline"])}</h1>{byline(a, f)}</header>
<div class="post-thumbnail">{hero(a)}</div>
<div class="entry-content">
{body_html(a)}
{share(f, "sharedaddy sd-sharing-enabled")}
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/news/">News</a></span></footer>
</article>
<nav class="navigation post-navigation"><a href="/prev/">Previous: {e(others(a)[0]["headline"])}</a></nav>
{comments(f)}
</main></div>
<aside id="secondary" class="widget-area">{link_list(a, f["recent"], "widget widget_recent_entries")}{text_widget(f)}</aside>
</div>
{site_footer(f)}
</body>"""
    return " | ", head_extra, body


def wp_elementor(a, f):
    head_extra = open_graph(a, f)

    def wrap(part):
        return f'<div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">{part}</div></div>'

    body = f"""<body class="post-template elementor-default elementor-kit-5 elementor-page-210">
<div data-elementor-type="header" class="elementor elementor-location-header">{nav(f, "elementor-nav-menu--main elementor-nav-menu__container")}</div>
<div data-elementor-type="single-post" class="elementor elementor-location-single post-88 post type-post">
<section class="elementor-section elementor-top-section"><div class="elementor-container">
<div class="elementor-column elementor-col-66 elementor-top-column"><div class="elementor-widget-wrap">
<div class="elementor-element elementor-widget elementor-widget-theme-post-title"><div class="elementor-widget-container"><h1 class="elementor-heading-title">{e(a["headline"])}</h1></div></div>
<div class="elementor-element elementor-widget elementor-widget-post-info"><div class="elementor-widget-container"><span class="elementor-post-info__item--type-author">{e(a["author"])}</span> <time>{a["date"][:10]}</time></div></div>
<div class="elementor-element elementor-widget elementor-widget-theme-post-content"><div class="elementor-widget-container">
{body_html(a, wrap=wrap)}
</div></div>
<div class="elementor-element elementor-widget elementor-widget-share-buttons"><div class="elementor-widget-container">{share(f, "elementor-share-buttons")}</div></div>
</div></div>
<div class="elementor-column elementor-col-33 elementor-top-column"><div class="elementor-widget-wrap">
<div class="elementor-element elementor-widget elementor-widget-sidebar"><div class="elementor-widget-container">{link_list(a, f["popular"], "widget widget_popular")}{text_widget(f)}</div></div>
</div></div>
</div></section></div>
<div data-elementor-type="footer" class="elementor elementor-location-footer">{site_footer(f)}</div>
</body>"""
    return " \u2013 ", head_extra, body


def wp_layout_sidebar(a, f):
    head_extra = open_graph(a, f) + json_ld(a, f)
    body = f"""<body class="single has-sidebar">
<header class="site-header">{nav(f)}</header>
<div class="l-page has-sidebar"><div class="l-sidebar-fixed l-main-column"><div class="non-ad-column">
<article class="post single-post">
<h1 class="entry-title">{e(a["headline"])}</h1>{byline(a, f)}
{hero(a)}
<div class="entry-content">
{body_html(a)}
</div>
<div class="widget-area-after-content">{newsletter(f)}</div>
</article>
</div></div>
<div class="l-sidebar sidebar-primary">{link_list(a, f["recent"], "widget widget_recent_entries")}{text_widget(f)}</div>
<div class="ad-column"><div class="ad-slot">Advertisement</div></div>
</div>
{site_footer(f)}
</body>"""
    return " - ", head_extra, body


def drupal(a, f):
    head_extra = open_graph(a, f) + '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">\n'
    body = f"""<body class="path-node page-node-type-article">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas"><div class="layout-container">
<header role="banner"><div class="region region-header">{nav(f, "menu--main block block-menu")}</div></header>
<main role="main"><a id="main-content" tabindex="-1"></a>
<div class="layout-content"><div class="region region-content">
<article role="article" class="node node--type-article node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title field--type-string">{e(a["headline"])}</span></h1>
<div class="node__meta"><span class="field field--name-uid"><span>{e(a["author"])}</span></span> <span class="field--name-created">{a["date"][:10]}</span></div>
<div class="node__content">
<div class="field field--name-field-image field--type-image">{hero(a)}</div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
{body_html(a)}
</div>
<div class="field field--name-field-tags field--type-entity-reference"><div class="field__label">Tags</div><div class="field__items"><a href="/t/1">news</a></div></div>
</div>
</article>
</div></div>
<aside class="layout-sidebar-second" role="complementary"><div class="region region-sidebar-second">
<div class="views-element-container block block-views block-views-blockcontent-recent-block-1">{link_list(a, f["recent"], "view view-content-recent")}</div>
</div></aside>
</main>
{site_footer(f)}
</div></div>
</body>"""
    return " | ", head_extra, body


def ghost(a, f):
    head_extra = open_graph(a, f) + json_ld(a, f) + '<meta name="generator" content="Ghost 5.80">\n'
    body = f"""<body class="post-template">
<div class="viewport"><header id="gh-head" class="gh-head outer"><div class="gh-head-inner">{nav(f, "gh-head-menu")}</div></header>
<div class="site-content"><main id="site-main" class="site-main">
<article class="article post tag-news">
<header class="article-header gh-canvas"><h1 class="article-title">{e(a["headline"])}</h1>
<p class="article-excerpt">{e(a["standfirst"])}</p>
<div class="article-byline"><h4 class="author-name"><a href="/author/">{e(a["author"])}</a></h4><time class="byline-meta-date" datetime="{a["date"][:10]}">{a["date"][:10]}</time></div>
{hero(a)}</header>
<section class="gh-content gh-canvas">
{body_html(a)}
</section>
<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">{e(f["newsletter"])}</h2>
<form data-members-form="signup" class="footer-cta-button"><input data-members-email type="email"></form></div></section>
</article>
</main>
<aside class="read-more-wrap outer"><div class="read-more inner">{link_list(a, f["related"], "post-card-list")}</div></aside>
</div>
{site_footer(f)}
</div>
</body>"""
    return " - ", head_extra, body


def medium_like(a, f):
    head_extra = open_graph(a, f, site=False) + '<meta property="al:android:app_name" content="Medium-like">\n'
    body = f"""<body>
<div id="root"><div class="a b c"><div class="l d"><div class="m n o">{nav(f, "p q")}</div></div>
<div class="ab ac ae af"><article><div class="l"><div class="l"><section><div><div class="ft fu fv fw fx">
<div class="ab cb"><div class="ci bh fz ga gb gc">
<div><h1 class="pw-post-title gi gj gk bf gl gm gn go">{e(a["headline"])}</h1></div>
<div class="speechify-ignore ab cp"><div class="ab"><a href="/@author"><p class="be b bf z jx">{e(a["author"])}</p></a><span class="be b bf z dx">6 min read \u00b7 {a["date"][:10]}</span></div></div>
<div class="speechify-ignore ab"><div class="pw-multi-vote-icon ed">58</div><div class="pw-responses-count">4</div></div>
{body_html(a, p_class="pw-post-body-paragraph lz ma fr mb b go mc md me mf mg mh")}
</div></div></div></div></section></div></div></article></div>
<div class="ab cb ka"><div class="ci bh"><h2 class="be lo">More from the author</h2>
{"".join(f'<div class="ab ck"><a href="/{o["slug"]}"><h2 class="be b">{e(o["headline"])}</h2><p class="be b dx">{e(o["standfirst"])}</p></a></div>' for o in others(a, 3))}
</div></div>
</div>
</body>"""
    return " | ", head_extra, body


def amp(a, f):
    head_extra = (
        '<link rel="canonical" href="https://example.org/story/">\n'
        '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
        + json_ld(a, f)
        + "<style amp-boilerplate>body{visibility:hidden}</style>\n"
    )
    body = f"""<body class="amp-wp-template">
<amp-sidebar id="menu" layout="nodisplay" side="left">{nav(f, "amp-menu")}</amp-sidebar>
<header id="top" class="amp-wp-header"><div><a href="/">{e(f["site"])}</a></div></header>
<article class="amp-wp-article">
<header class="amp-wp-article-header"><h1 class="amp-wp-title">{e(a["headline"])}</h1>
<div class="amp-wp-meta amp-wp-byline"><span class="amp-wp-author author vcard">{e(a["author"])}</span></div></header>
{hero(a, "amp-img")}
<div class="amp-wp-article-content">
{body_html(a)}
</div>
<footer class="amp-wp-article-footer"><div class="amp-wp-meta amp-wp-tax-category">Categories: News</div>
<amp-social-share type="twitter"></amp-social-share></footer>
</article>
<div class="amp-related-posts">{link_list(a, f["related"], "amp-related")}</div>
<footer class="amp-wp-footer"><p>{e(f["footer"])}</p></footer>
</body>"""
    return " \u2014 ", head_extra, body, ' amp=""'


def microdata(a, f):
    body = f"""<body>
<div id="page">{nav(f, "topnav")}
<div class="main-wrap"><div class="story" itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{e(a["headline"])}</h1>
<p class="dek" itemprop="description">{e(a["standfirst"])}</p>
<p class="byline">{e(f["by"])} <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{e(a["author"])}</span></span>
<time itemprop="datePublished" datetime="{a["date"]}">{a["date"][:10]}</time></p>
{hero(a)}
<div itemprop="articleBody" class="story-text">
{body_html(a)}
</div>
<div class="related-box"><h3>{e(f["related"])}</h3>{link_list(a, f["related"], "related-list")}</div>
</div>
<div class="rail">{link_list(a, f["popular"], "popular-list")}{text_widget(f, "about-box")}</div>
</div>
{site_footer(f)}</div>
</body>"""
    return " - ", "", body


def jsonld_only(a, f):
    head_extra = json_ld(a, f, headline=wp_entities(a["headline"]) + " | " + f["site"])
    body = f"""<body>
<div id="wrapper"><div id="top">{nav(f, "top-links")}</div>
<div id="content"><div class="col-left">
<div class="headline-area"><h1>{e(a["headline"])}</h1><div class="info">{e(a["author"])} \u00b7 {a["date"][:10]}</div></div>
<div id="story"><div class="txt">
{body_html(a)}
</div></div>
{comments(f, "discussion")}
</div>
<div class="col-right">{link_list(a, f["popular"], "box-popular")}{text_widget(f, "box-about")}{newsletter(f, "box-signup")}</div>
</div>
{site_footer(f)}
</div>
</body>"""
    return " | ", head_extra, body


def opengraph_only(a, f):
    head_extra = (
        open_graph(a, f, title=a["headline"] + " | " + f["site"]) + f'<meta name="author" content="{e(a["author"])}">\n'
    )
    body = f"""<body>
<div class="page"><div class="header">{nav(f, "header-links")}</div>
<div class="content-main">
<h1 class="title">{e(a["headline"])}</h1>
<div class="meta">{e(a["author"])}, {a["date"][:10]}</div>
<div class="text">
{body_html(a)}
</div>
<div class="tags">Tags: <a href="/t/news">news</a></div>
</div>
<div class="content-aside">{link_list(a, f["recent"], "list-recent")}{text_widget(f, "about-us")}</div>
{comments(f, "user-comments")}
{site_footer(f)}</div>
</body>"""
    return " | ", head_extra, body


def aspnet_form(a, f):
    head_extra = open_graph(a, f)
    body = f"""<body>
<form name="aspnetForm" method="post" action="./story.aspx?id=4471" id="aspnetForm">
<div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwULLTE2MTY2ODcyMjlkZA=="></div>
<div id="header">{nav(f, "menu-top")}</div>
<div id="main"><div class="article-page">
<h1 id="ctl00_lblTitle">{e(a["headline"])}</h1>
<div class="author-line"><span id="ctl00_lblAuthor">{e(a["author"])}</span> <span id="ctl00_lblDate">{a["date"][:10]}</span></div>
<div class="article-body" id="ctl00_divBody">
{body_html(a)}
</div>
{newsletter(f, "newsletter")}
</div>
<div id="sidebar">{link_list(a, f["popular"], "most-read")}</div></div>
<div id="footer">{site_footer(f)}</div>
</form>
</body>"""
    return " - ", head_extra, body


def direct_text(a, f):
    head_extra = open_graph(a, f) + json_ld(a, f)
    blocks = a["body"]
    # The first two paragraphs sit directly in the container, separated by line breaks.
    loose = [value for kind, value in blocks[:2] if kind == "p"]
    rest = blocks[len(loose) :]
    inner = "\n".join(e(text) + "<br><br>" for text in loose) + "\n" + "\n".join(block_html(k, v) for k, v in rest)
    body = f"""<body class="single">
<div id="page">{nav(f)}
<div id="main"><article class="post">
<h1 class="entry-title">{e(a["headline"])}</h1>{byline(a, f)}
<div class="entry-content">
{inner}
</div>
</article>
<div id="sidebar" class="sidebar">{link_list(a, f["recent"], "widget")}{text_widget(f)}</div></div>
{site_footer(f)}</div>
</body>"""
    return " | ", head_extra, body


def teaser_first(a, f):
    head_extra = open_graph(a, f) + json_ld(a, f)
    other = others(a)[0]
    teaser = " ".join(other["body"][0][1].split(" ")[:18])
    body = f"""<body>
<div id="page">{nav(f)}
<div class="breaking-bar"><article class="teaser"><div class="post-content"><p><a href="/{other["slug"]}/">{e(teaser)}\u2026</a></p></div></article></div>
<div id="main">
<article class="post full">
<h1 class="entry-title">{e(a["headline"])}</h1>{byline(a, f)}
<div class="post-content">
{body_html(a)}
</div>
</article>
<div class="column-right">{link_list(a, f["popular"], "popular-box")}</div></div>
{site_footer(f)}</div>
</body>"""
    return " \u2014 ", head_extra, body


def portal_inline(a, f):
    head_extra = open_graph(a, f) + json_ld(a, f)
    parts = [block_html(kind, value) for kind, value in a["body"]]
    also = f'<div class="also-read"><b>{e(f["related"])}:</b> <a href="/{others(a)[0]["slug"]}/">{e(others(a)[0]["headline"])}</a></div>'
    ad = '<div class="ad-slot ad-inarticle"><span>Advertisement</span></div>'
    parts.insert(2, also)
    parts.insert(5, ad)
    body = f"""<body>
<div class="wrap">{nav(f, "gnb")}
<div class="container"><div class="article-wrap">
<div class="article-head"><h1 class="article-title">{e(a["headline"])}</h1><p class="article-info">{e(a["author"])} {e(f["by"])} \u00b7 {a["date"][:10]}</p></div>
{share(f, "share-top")}
<div class="article-content" id="articleBody">
{hero(a)}
{chr(10).join(parts)}
</div>
{link_list(a, f["related"], "inline-related related-news")}
</div>
<div class="aside-wrap">{link_list(a, f["popular"], "trending-list")}</div></div>
{site_footer(f)}</div>
</body>"""
    return " \u2014 ", head_extra, body


SHAPES = {
    "wp-classic": wp_classic,
    "wp-elementor": wp_elementor,
    "wp-layout-sidebar": wp_layout_sidebar,
    "drupal": drupal,
    "ghost": ghost,
    "medium-like": medium_like,
    "amp": amp,
    "microdata": microdata,
    "jsonld-only": jsonld_only,
    "opengraph-only": opengraph_only,
    "aspnet-form": aspnet_form,
    "direct-text": direct_text,
    "teaser-first": teaser_first,
    "portal-inline": portal_inline,
}


def render(shape, slug, codec, mode) -> bytes:
    article = BY_SLUG[slug]
    separator, head_extra, body, *attrs = SHAPES[shape](article, FURNITURE[article["lang"]])
    text = page(article, codec, mode, separator, head_extra, body, *attrs)
    data = text.encode(codec, "xmlcharrefreplace")
    return (b"\xef\xbb\xbf" + data) if mode == "bom" else data


def main():
    manifest = {}
    for shape, slug, codec, mode in PAGES:
        name = f"{shape}--{slug}--{codec}-{mode}"
        article = BY_SLUG[slug]
        (HERE / f"{name}.html").write_bytes(render(shape, slug, codec, mode))
        (HERE / f"{name}.expected.txt").write_text(expected_text(article), encoding="utf-8")
        manifest[name] = {
            "shape": shape,
            "language": article["lang"],
            "encoding": codec,
            "charset_declared": mode,
            "headline": article["headline"],
            "author": article["author"],
        }
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(manifest)} pages written to {HERE}")


if __name__ == "__main__":
    main()
