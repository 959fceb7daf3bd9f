from django.test import SimpleTestCase

from newsdesk.importers.read.credits import split_credit


class SplitCreditTests(SimpleTestCase):
    def test_it_lifts_the_credit_shapes_newsrooms_use(self):
        cases = {
            "Talks in Beijing on trade and security. [Image via Reuters]": (
                "Talks in Beijing on trade and security.",
                "Reuters",
            ),
            "Crowds outside parliament. Photo: AP": ("Crowds outside parliament.", "AP"),
            "The harbour at dawn (Photo by Sam Lee)": ("The harbour at dawn", "Sam Lee"),
            "Flooded streets \u2014 Photo: AFP": ("Flooded streets", "AFP"),
            "Sunset over the Indus \u00a9 Ali Raza": ("Sunset over the Indus", "Ali Raza"),
            "Credit: Getty Images": ("", "Getty Images"),
            "Image: Reuters": ("", "Reuters"),
            "A market street. Courtesy of the city archive": ("A market street.", "the city archive"),
        }
        for caption, expected in cases.items():
            with self.subTest(caption):
                self.assertEqual(split_credit(caption), expected)

    def test_it_leaves_captions_without_a_credit_alone(self):
        for caption in ("A plain caption.", "It was a photo: nothing else", "Talks in Beijing (Reuters)", ""):
            with self.subTest(caption):
                self.assertEqual(split_credit(caption), (caption, ""))
