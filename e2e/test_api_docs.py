"""The read API's interactive docs work in a browser from the site's own files, under its security policy."""


def test_the_api_docs_run_a_request_with_nothing_from_outside_the_site(browser, desk):
    # Unlike the reader tabs, this context enforces the Content-Security-Policy the site sends.
    context = browser.new_context(base_url=desk.base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors, outside = [], []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: request.url.startswith(desk.base_url) or outside.append(request.url))
    try:
        page.goto("/api/v1/docs/", wait_until="load")
        operation = page.locator(
            ".opblock", has=page.locator(".opblock-summary-path", has_text="/api/v1/articles/")
        ).first
        operation.locator(".opblock-summary").click()
        operation.get_by_role("button", name="Try it out").click()
        operation.get_by_role("button", name="Execute").click()
        status = operation.locator(".live-responses-table tr.response .response-col_status").first
        status.wait_for()
        assert status.inner_text().strip() == "200"
        assert '"headline"' in operation.locator(".live-responses-table .microlight").first.inner_text()
    finally:
        context.close()
    assert not outside, f"the docs page fetched from elsewhere: {outside}"
    assert not errors, "console errors on the API docs:\n" + "\n".join(errors)
