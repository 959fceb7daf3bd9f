"""axe-core (WCAG 2.2 A/AA and best practices) on every kind of reader page, and on the admin screens editors use."""

import json

import pytest

from e2e.checks import describe_violations, run_axe

SERIOUS = {"serious", "critical"}


def _reader_pages(facts) -> list[tuple[str, str]]:
    pages = [("home", "/")]
    pages += [(f"section-{s['url'].strip('/')}", s["url"]) for s in facts["sections"]]
    pages += [(f"article-{kind}", url) for kind, url in sorted(facts["articles_by_kind"].items())]
    pages += [
        ("article-long", facts["long_article"]),
        ("author", facts["authors"][0]["url"]),
        ("tag", facts["tags"][0]["url"]),
    ]
    word = facts["articles"][0]["title"].split()[0]
    pages += [
        ("search", f"/search/?q={word}"),
        ("search-empty", "/search/?q=zzzqqqnothing"),
        ("search-facets", f"/search/?q={word}&section={facts['sections'][0]['url'].strip('/')}&sort=newest"),
        ("not-found", "/no-such-page/"),
    ]
    return pages


def _save(artifacts, name, result):
    folder = artifacts / "axe"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(result["violations"], indent=1))


def test_every_reader_page_has_no_axe_violations(desk, open_tab, artifacts):
    failures = []
    for width in (360, 1280):
        tab = open_tab(width)
        for name, path in _reader_pages(desk.facts):
            tab.goto(path, status=404 if name == "not-found" else 200)
            result = run_axe(tab.page)
            _save(artifacts, f"{name}-{width}", result)
            if result["violations"]:
                failures.append(
                    f"{path} at {width}px ({result['testEngine']['version']}):\n{describe_violations(result['violations'])}"
                )
    assert not failures, "axe violations:\n" + "\n".join(failures)


@pytest.mark.parametrize("screen", ["dashboard", "article-edit", "article-add"])
def test_admin_screens_have_no_serious_axe_violations(desk, editor_tab, artifacts, screen):
    facts = desk.facts
    path = {
        "dashboard": "/admin/",
        "article-edit": f"/admin/pages/{facts['long_article_id']}/edit/",
        "article-add": f"/admin/pages/add/articles/articlepage/{facts['sections'][0]['id']}/",
    }[screen]
    response = editor_tab.goto(path)
    assert response.status == 200
    result = run_axe(editor_tab)
    _save(artifacts, f"admin-{screen}", result)
    serious = [v for v in result["violations"] if v["impact"] in SERIOUS]
    assert not serious, f"serious or critical axe violations on {path}:\n{describe_violations(serious)}"
