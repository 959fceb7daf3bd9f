from django.test import SimpleTestCase

from newsdesk.importers.read.markup import autop, convert, sanitise_paragraphs, trim_words


class ConvertTests(SimpleTestCase):
    def test_classic_paragraphs_follow_blank_lines_and_keep_line_breaks(self):
        blocks = convert("First line\nsecond line.\n\nA new paragraph.").blocks
        self.assertEqual(
            [b["value"] for b in blocks], ["<p>First line<br>\nsecond line.</p>", "<p>A new paragraph.</p>"]
        )

    def test_a_bare_provider_url_on_its_own_line_becomes_an_embed(self):
        blocks = convert(
            "Intro.\n\nhttps://www.youtube.com/watch?v=aqz-KE-bpKQ\n\nhttps://example.org/not-a-provider"
        ).blocks
        self.assertEqual([b["type"] for b in blocks], ["paragraph", "embed", "paragraph"])

    def test_player_iframes_become_embeds_and_unknown_iframes_are_reported(self):
        result = convert(
            '<iframe src="https://www.youtube.com/embed/aqz-KE-bpKQ"></iframe><iframe src="https://tracker.example/x"></iframe>'
        )
        self.assertEqual(
            result.blocks,
            [{"type": "embed", "value": {"embed": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "caption": ""}}],
        )
        self.assertIn("iframe from an unknown provider dropped: https://tracker.example/x", result.notes)

    def test_blank_lines_made_of_line_breaks_separate_paragraphs(self):
        blocks = convert("<div>First paragraph.<br><br>\nSecond <b>one</b>.<br>Same paragraph.<br></div>").blocks
        self.assertEqual(
            [b["value"] for b in blocks], ["<p>First paragraph.</p>", "<p>Second <b>one</b>.<br>Same paragraph.</p>"]
        )

    def test_a_dynamic_block_is_named_after_blocks_with_attributes(self):
        # A block with attributes before it once lent the note its own name ("paragraph").
        result = convert(
            '<!-- wp:paragraph {"align":"left"} --><p>Harbour news.</p><!-- /wp:paragraph -->'
            '<!-- wp:latest-posts {"postsToShow":3} /--><!-- wp:more /-->'
        )
        self.assertEqual([b["value"] for b in result.blocks], ["<p>Harbour news.</p>"])
        self.assertEqual(
            result.notes, ["dynamic blocks that list the old site's content were not carried over: latest-posts"]
        )

    def test_headings_map_to_two_levels(self):
        blocks = convert("<h1>One</h1><h2>Two</h2><h4>Four</h4>").blocks
        self.assertEqual([b["value"]["level"] for b in blocks], ["h2", "h2", "h3"])

    def test_a_long_pull_quote_becomes_a_quote(self):
        text = "word " * 80
        blocks = convert(f'<figure class="wp-block-pullquote"><blockquote><p>{text}</p></blockquote></figure>').blocks
        self.assertEqual(blocks[0]["type"], "quote")

    def test_a_closing_dash_line_is_the_quote_attribution(self):
        [block] = convert("<blockquote><p>We will rebuild.</p><p>\u2014 The mayor</p></blockquote>").blocks
        self.assertEqual((block["value"]["text"], block["value"]["attribution"]), ("We will rebuild.", "The mayor"))

    def test_escaped_shortcodes_stay_literal_and_are_not_reported(self):
        result = convert("Type [[gallery]] to show a gallery.")
        self.assertEqual(result.blocks[0]["value"], "<p>Type [gallery] to show a gallery.</p>")
        self.assertEqual(result.unknown_shortcodes, [])

    def test_styles_and_event_handlers_never_survive(self):
        result = convert(
            '<p style="color:red" onmouseover="x()">Hi <span onclick="y()">there</span><style>p{}</style></p>'
        )
        self.assertEqual(result.blocks[0]["value"], "<p>Hi there</p>")
        self.assertIn("removed unsafe markup: <style>", result.notes)
        self.assertIn("removed event-handler attributes (on…)", result.notes)

    def test_what_was_removed_is_noted_once_each_and_clean_markup_notes_nothing(self):
        result = convert(
            '<p>A <a href=" JavaScript:alert(1)">link</a><script>x()</script></p>'
            '<div><object data="a.swf"></object><img src="a.jpg" ONLOAD="z()"></div>'
            '<p><a href="data:text/html,hi">b</a> <a href="https://example.org/on">c</a></p>'
        )
        self.assertEqual(
            result.notes,
            [
                "removed unsafe markup: <object>, <script>",
                "removed event-handler attributes (on…)",
                "removed javascript: links",
            ],
        )
        clean = convert('<p>An <a href="https://example.org/onward" title="on">ordinary</a> one.</p><p>Two</p>')
        self.assertEqual(clean.notes, [])

    def test_paragraphs_are_cleaned_by_the_rules_saving_applies_and_say_so(self):
        conversion = convert("<p>Bell\x07 rang at noon.</p><h2>After\x07noon</h2><p>Ships <u>left</u>.</p>")
        self.assertEqual(conversion.blocks[0]["value"], "<p>Bell\x07 rang at noon.</p>")  # the conversion keeps it
        self.assertEqual(conversion.sanitised_paragraphs(), [])  # not cleaned yet: nothing to take as it is
        sanitise_paragraphs(conversion)
        self.assertTrue(conversion.sanitised)
        self.assertEqual(conversion.sanitised_paragraphs(), ["<p>Bell rang at noon.</p>", "<p>Ships left.</p>"])
        # Other blocks are cleaned where the page is saved, as before.
        self.assertEqual(conversion.blocks[1]["type"], "heading")

    def test_autop_leaves_block_markup_alone(self):
        self.assertEqual(autop("<h2>Title</h2>\n\nText"), "<h2>Title</h2>\n<p>Text</p>")


class TrimWordsTests(SimpleTestCase):
    def test_it_cuts_at_a_word_boundary_with_an_ellipsis(self):
        self.assertEqual(trim_words("one two three four", 12), "one two\u2026")
        self.assertEqual(trim_words("short", 12), "short")
        self.assertLessEqual(len(trim_words("x" * 400, 300)), 300)
