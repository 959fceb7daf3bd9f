vcl 4.1;
# Varnish in front of Newsdesk's app servers (granian). Newsdesk decides what is cacheable: only
# responses it marks `Cache-Control: public` are kept, for their s-maxage/max-age. Editors (session
# or CSRF cookie) always reach the app. Publishing purges through wagtail.contrib.frontend_cache
# (NEWSDESK_VARNISH_URL): PURGE of a path, or BAN with X-Ban-Paths (a batch), drops every
# query-string variant of each path; BAN with X-Ban-Tags drops every object tagged so (article
# pages); BAN with X-Ban-Everything drops all.
# While the app is down, objects are served stale for up to 24 hours (grace).
#
# The backend address is the app server's (NEWSDESK_PORT); deploy/topology_test.py rewrites it.

import std;

backend newsdesk {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/robots.txt";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

# Who may purge: the app servers and the task workers, which run on this machine. Add the
# addresses of other app machines here when scaling out.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed."));
        }
        if (req.method == "PURGE") {
            ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
            return (synth(200, "Purged."));
        }
        if (req.http.X-Ban-Paths) {
            # A batch of exact paths (regex-escaped, joined with |), each with any query string.
            ban("obj.http.x-path ~ ^(" + req.http.X-Ban-Paths + ")$");
            return (synth(200, "Banned paths."));
        }
        if (req.http.X-Ban-Everything) {
            ban("obj.status != 0");
            return (synth(200, "Banned everything."));
        }
        if (req.http.X-Ban-Tags) {
            ban("obj.http.x-cache-tags ~ (^|\s)(" + regsuball(req.http.X-Ban-Tags, "\s+", "|") + ")(\s|$)");
            return (synth(200, "Banned tags."));
        }
        return (synth(400, "BAN needs X-Ban-Paths, X-Ban-Tags or X-Ban-Everything."));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors and anyone mid-form: straight to the app, never cached.
    if (req.url ~ "^/(admin|_util|documents|search)(/|$)" || req.http.Authorization
        || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    # Every other cookie (analytics and the like) means nothing to Newsdesk: drop it so readers share objects.
    unset req.http.Cookie;
    # Full grace only while the app is sick; a healthy app refreshes anything more than 10 s stale first.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    # What PURGE matches on (kept on the object so the ban lurker can work in the background).
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-path;
    unset resp.http.x-cache-tags;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
