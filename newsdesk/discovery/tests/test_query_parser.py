from django.test import SimpleTestCase

from newsdesk.discovery.engine import parse_query


class QueryParserTests(SimpleTestCase):
    def test_it_reads_words_phrases_exclusions_and_the_word_being_typed(self):
        parsed = parse_query('gwadar "new airport" -cargo open')
        self.assertEqual(parsed.terms, ("gwadar",))
        self.assertEqual(parsed.phrases, (("new", "airport"),))
        self.assertEqual(parsed.excluded, ("cargo",))
        self.assertEqual(parsed.prefix, "open")

    def test_two_korean_or_chinese_characters_are_enough_to_complete(self):
        self.assertEqual(parse_query("경제").prefix, "경제")
        self.assertEqual(parse_query("北京").prefix, "北京")
        self.assertEqual((parse_query("ab").prefix, parse_query("ab").terms), ("", ("ab",)))
        self.assertEqual((parse_query("경").prefix, parse_query("경").terms), ("", ("경",)))

    def test_a_trailing_space_ends_the_word_being_typed(self):
        parsed = parse_query("gwadar airport ")
        self.assertEqual((parsed.terms, parsed.prefix), (("gwadar", "airport"), ""))

    def test_a_quoted_phrase_at_the_end_is_not_a_prefix(self):
        parsed = parse_query('port "karakoram highway"')
        self.assertEqual((parsed.terms, parsed.prefix), (("port",), ""))
        self.assertEqual(parsed.phrases, (("karakoram", "highway"),))

    def test_an_unbalanced_quote_closes_at_the_end(self):
        self.assertEqual(parse_query('"karakoram highway').phrases, (("karakoram", "highway"),))

    def test_excluded_phrases_are_kept_whole(self):
        self.assertEqual(parse_query('trade -"free trade" ').excluded, ("free trade",))

    def test_query_syntax_of_any_engine_is_read_as_plain_words(self):
        parsed = parse_query("a:b OR (x* NEAR y) ^z {c} ")
        self.assertEqual(parsed.terms, ("or", "x", "near", "y", "z", "c"))
        self.assertEqual(parsed.phrases, (("a", "b"),))

    def test_joined_words_read_as_a_phrase_of_their_parts(self):
        self.assertEqual(parse_query("ML-1 line").phrases, (("ml", "1"),))

    def test_exclusions_alone_ask_for_nothing(self):
        self.assertTrue(parse_query("-cargo -port").is_empty)
        self.assertTrue(parse_query(" - \" ' ").is_empty)

    def test_a_one_letter_last_word_is_a_word_not_a_prefix(self):
        self.assertEqual(parse_query("vitamin d").terms, ("vitamin", "d"))

    def test_words_are_lowercased_and_repeats_dropped(self):
        self.assertEqual(parse_query("Gwadar GWADAR port ").terms, ("gwadar", "port"))

    def test_long_input_is_cut(self):
        parsed = parse_query("word " * 500)
        self.assertEqual(parsed.terms, ("word",))
        self.assertLessEqual(len(parsed.text), 200)
