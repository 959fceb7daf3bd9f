"""Production settings: the embedded defaults plus HTTPS-only cookies, HSTS and SSL redirect.

Use with DJANGO_SETTINGS_MODULE=newsdesk.settings_production behind a TLS-terminating proxy that
sets X-Forwarded-Proto. `newsdesk check --deploy` is clean with these settings.
"""

from newsdesk.core import env
from newsdesk.settings import *  # noqa: F403

DEBUG = False
SECURE_SSL_REDIRECT = env.env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env.env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
# Behind the TLS-terminating proxy, lock-outs must count the client's address, not the proxy's.
NEWSDESK_PROXY_COUNT = env.env_int("NEWSDESK_PROXY_COUNT", 1, minimum=0)
