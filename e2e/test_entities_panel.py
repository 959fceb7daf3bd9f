"""The entities panel on the article edit screen: actions apply at once and never disturb the article form."""

from playwright.sync_api import expect


def test_an_editor_adds_and_rejects_an_entity_without_losing_unsaved_edits(desk, editor_tab):
    page = editor_tab
    page.goto(f"/admin/pages/{desk.facts['long_article_id']}/edit/")
    panel = page.locator("#entities-panel")
    expect(panel).to_contain_text("Readers see the confirmed ones")
    unsaved = page.locator("#id_standfirst").input_value() + " An edit not saved yet."
    page.fill("#id_standfirst", unsaved)

    panel.locator("#entities-name").fill("Gwadar Port")
    panel.get_by_role("button", name="Add", exact=True).click()
    expect(panel.locator("[role=status]")).to_have_text("Gwadar Port: added and confirmed.")
    row = panel.locator("tr[data-entities-row]").filter(has=page.locator(".entities-name", has_text="Gwadar Port"))
    expect(row).to_have_attribute("data-status", "confirmed")

    row.get_by_role("button", name="Reject").click()
    expect(panel.locator("[role=status]")).to_contain_text("Gwadar Port: rejected")
    expect(row).to_have_attribute("data-status", "rejected")

    # The article form was never submitted: same address, and the unsaved edit is still in the field.
    assert page.url.endswith(f"/admin/pages/{desk.facts['long_article_id']}/edit/")
    assert page.locator("#id_standfirst").input_value() == unsaved
