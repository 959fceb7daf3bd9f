"""Two editors, each in a browser of their own, edit one article: the second save is refused naming the first,
and the refused editor's automatic saves never put their text over the first editor's."""

from playwright.sync_api import expect

# The admin notices edits from two seconds after the page loads, then saves in the background half a second
# after each change: waiting this long covers several automatic saves.
WATCH_DELAY_MS = 2_500
AUTOSAVE_WAIT_MS = 6_000


def _record_automatic_saves(page, edit_path: str) -> list[int]:
    """The status of every background save (a JSON POST to the edit view) the page makes."""
    statuses = []

    def on_response(response):
        request = response.request
        if (
            request.method == "POST"
            and response.url.endswith(edit_path)
            and "application/json" in (request.headers.get("accept") or "")
        ):
            statuses.append(response.status)

    page.on("response", on_response)
    return statuses


def test_the_second_save_is_refused_naming_the_first_editor_and_autosave_keeps_their_work(
    desk, editor_tab, second_editor_tab
):
    edit_path = f"/admin/pages/{desk.bench['shared_draft_id']}/edit/"
    first, second = editor_tab, second_editor_tab
    first_name = desk.editor["username"]  # this account has no full name: the admin names it by username
    second_name = f"{desk.second_editor['first_name']} {desk.second_editor['last_name']}"
    first_headline = "Ferry strike ends after night of talks"
    second_headline = "Ferry strike over, unions say"

    # Both open the article, as it stands.
    first.goto(edit_path)
    second.goto(edit_path)
    second_autosaves = _record_automatic_saves(second, edit_path)
    first.wait_for_timeout(WATCH_DELAY_MS)
    second.wait_for_timeout(WATCH_DELAY_MS)

    # The first editor changes the headline and saves.
    first.fill("#id_title", first_headline)
    first.get_by_role("button", name="Save draft").click()
    expect(first.locator(".messages")).to_contain_text("has been updated", timeout=30_000)

    # The second, who opened the same version, changes it too and saves: refused, naming the first editor.
    second.fill("#id_title", second_headline)
    second.get_by_role("button", name="Save draft").click()
    messages = second.locator(".messages")
    expect(messages).to_contain_text(f"{first_name} saved a newer version of this article", timeout=30_000)
    assert second_name not in messages.inner_text()
    expect(second.locator("#id_title")).to_have_value(second_headline)

    # The refused editor goes on typing; the background saves that follow must not carry the text over.
    second.wait_for_timeout(WATCH_DELAY_MS)
    second.fill("#id_title", second_headline + ", and ferries sail again")
    second.wait_for_timeout(AUTOSAVE_WAIT_MS)
    assert second_autosaves, "the admin made no background save: the test did not exercise autosave"
    assert set(second_autosaves) == {400}, f"background saves answered {second_autosaves}"

    # The latest version, the one the next Publish puts live, is still the first editor's.
    first.goto(edit_path)
    expect(first.locator("#id_title")).to_have_value(first_headline)
