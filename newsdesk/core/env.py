"""Typed readers for settings that come from the environment.

Each helper fails loudly with ImproperlyConfigured and says how to fix the value,
so a typo in a deployment never turns into a silent default.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}
# Long enough for an import batch to commit; short enough that a stuck writer still shows as an error.
SQLITE_BUSY_TIMEOUT_SECONDS = 20


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use one of 1/0, true/false, yes/no, on/off.")


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} is too small: use {minimum} or more.")
    return value


def env_fraction(name: str, default: float | None = None) -> float | None:
    """A number from 0 to 1 (a confidence, a share), or `default` when unset or empty."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a number: use a fraction such as 0.9.") from None
    if not 0 <= value <= 1:
        raise ImproperlyConfigured(f"{name}={raw!r} is out of range: use a number from 0 to 1.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_path(name: str, default: Path) -> Path:
    raw = os.environ.get(name)
    return Path(raw).expanduser().resolve() if raw else default


def secret_key(data_dir: Path) -> str:
    """SECRET_KEY from the environment, else one generated once and kept in the data folder."""
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def database(url: str, data_dir: Path) -> dict:
    """DATABASE_URL parsed by dj-database-url; SQLite in the data folder when unset."""
    if not url:
        data_dir.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{data_dir / 'newsdesk.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL={url!r} cannot be read: {exc}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers go on while the worker, an import or an editor writes. A write (a reader's
        # first view making an image rendition) waits up to SQLITE_BUSY_TIMEOUT_SECONDS for another
        # writer to commit instead of failing at once with "database is locked".
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
        }
    elif config["ENGINE"] == "django.db.backends.postgresql":
        config["CONN_HEALTH_CHECKS"] = True  # a connection kept across requests is tried before it is reused
        options = config.setdefault("OPTIONS", {})
        if "jit=" not in options.get("options", ""):
            # PostgreSQL compiles a query to machine code when its estimated cost is high (jit_above_cost).
            # For a site's short queries the compiling is the cost: 0.3-1 s each on a listing or a search,
            # measured, against milliseconds without. ?options=-c%20jit%3Don in DATABASE_URL turns it back on.
            options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return config


def cache(url: str) -> dict:
    """CACHE_URL: redis://…, locmem:// (default) or file:///path."""
    if not url or url.startswith("locmem://"):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "newsdesk"}
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url.startswith("file://"):
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": url[len("file://") :]}
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(f"CACHE_URL={url!r}: use redis://host:port/db, locmem://, file:///path or dummy://.")


def fragment_cache(url: str, prefix: str) -> dict:
    """Where rendered page fragments go: the same Redis when there is one, else a bounded per-process map.

    In Redis under the page cache's prefix: fragment keys carry that cache's generation, so two sites
    sharing a Redis must not share fragments either.
    """
    if url and url.startswith(("redis://", "rediss://")):
        return {**cache(url), "KEY_PREFIX": f"{prefix}:fragments"}
    # A crawler walking the archive leaves one body per article: the bound keeps a worker's memory flat.
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "newsdesk-fragments",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    }


def frontend_caches() -> dict:
    """WAGTAILFRONTENDCACHE from the environment: Varnish, Cloudflare and/or CloudFront, each when set."""
    caches = {}
    varnish = env_str("NEWSDESK_VARNISH_URL")
    if varnish:
        if not varnish.startswith(("http://", "https://")):
            raise ImproperlyConfigured(
                f"NEWSDESK_VARNISH_URL={varnish!r}: use the address Varnish listens on, e.g. http://127.0.0.1:6081."
            )
        caches["varnish"] = {"BACKEND": "newsdesk.core.pagecache.varnish.VarnishBackend", "LOCATION": varnish}
    zone = env_str("NEWSDESK_CLOUDFLARE_ZONE_ID")
    if zone:
        token = env_str("NEWSDESK_CLOUDFLARE_TOKEN")
        if not token:
            raise ImproperlyConfigured(
                "NEWSDESK_CLOUDFLARE_ZONE_ID is set without NEWSDESK_CLOUDFLARE_TOKEN (an API token with Cache Purge)."
            )
        caches["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": token,
        }
    distribution = env_str("NEWSDESK_CLOUDFRONT_DISTRIBUTION_ID")
    if distribution:
        # Credentials come from boto3's usual places (AWS_* variables, instance role).
        caches["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    return caches


# Wagtail's (modelsearch's) backend modules for the search engines a desk may outgrow its database into.
SEARCH_ENGINES = {
    "opensearch": ("OPENSEARCH_URL", "wagtail.search.backends.opensearch2"),
    "opensearch3": ("OPENSEARCH_URL", "wagtail.search.backends.opensearch3"),
    "elasticsearch": ("ELASTICSEARCH_URL", "wagtail.search.backends.elasticsearch8"),
    "elasticsearch9": ("ELASTICSEARCH_URL", "wagtail.search.backends.elasticsearch9"),
}


def search_backends() -> tuple[str, dict]:
    """(NEWSDESK_SEARCH_BACKEND, WAGTAILSEARCH_BACKENDS) from the environment.

    Unset or "database": the site search uses the database's own full-text engine (SQLite FTS5 or
    PostgreSQL), and Wagtail's admin search its database backend. "opensearch" or "elasticsearch":
    both go through Wagtail's backend for that engine, at OPENSEARCH_URL / ELASTICSEARCH_URL.
    """
    chosen = env_str("NEWSDESK_SEARCH_BACKEND").strip().lower()
    if chosen in ("", "database"):
        return "", {"default": {"BACKEND": "newsdesk.discovery.wagtail_backend"}}
    if chosen not in SEARCH_ENGINES:
        raise ImproperlyConfigured(
            f"NEWSDESK_SEARCH_BACKEND={chosen!r}: use database (the default), {', '.join(SEARCH_ENGINES)}."
        )
    url_name, module = SEARCH_ENGINES[chosen]
    urls = env_list(url_name, [])
    if not urls or not all(url.startswith(("http://", "https://")) for url in urls):
        raise ImproperlyConfigured(
            f"NEWSDESK_SEARCH_BACKEND={chosen} needs {url_name}: the engine's address(es), comma-separated, "
            "e.g. https://user:password@search.internal:9200."
        )
    backend = {
        "BACKEND": module,
        "URLS": urls,
        "INDEX_PREFIX": env_str("NEWSDESK_SEARCH_INDEX_PREFIX", "newsdesk_"),
        "TIMEOUT": env_int("NEWSDESK_SEARCH_TIMEOUT", 5, minimum=1),
        # Build a new index and swap the alias, so a rebuild never empties the live one.
        "ATOMIC_REBUILD": True,
    }
    return "opensearch", {"default": backend}
