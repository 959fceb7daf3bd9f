"""Saved pages arrive without HTTP headers: their text is decoded from the bytes alone."""

import codecs

from django.test import SimpleTestCase

from newsdesk.importers.read.charset import declared_encoding, decode_page

RUSSIAN = "Фермеры Поволжья начали готовить технику к севу почти на две недели раньше обычного. " * 4
KOREAN = "부산항의 컨테이너 물동량이 석 달 연속 증가세를 이어갔다. 환적 화물이 늘었기 때문이다. " * 4
ARABIC = "افتتحت السلطات يوم الأحد محطة جديدة لتحلية مياه البحر على الساحل الشرقي. " * 4


def page(text: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"


class DecodePageTests(SimpleTestCase):
    def test_a_byte_order_mark_wins(self):
        for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")):
            with self.subTest(codec=codec):
                text, used = decode_page(bom + page(KOREAN).encode(codec))
                self.assertIn(KOREAN.strip(), text)
                self.assertEqual(used, codec)

    def test_a_declaration_after_a_long_head_is_found(self):
        padding = "<style>" + "p{margin:0}" * 400 + "</style>"
        for declaration in (
            '<meta charset="windows-1251">',
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        ):
            with self.subTest(declaration=declaration):
                data = page(RUSSIAN, padding + declaration).encode("cp1251")
                self.assertGreater(data.index(b"charset"), 1024)
                self.assertEqual(declared_encoding(data), "cp1251")
                self.assertIn(RUSSIAN.strip(), decode_page(data)[0])

    def test_euc_kr_is_read_as_the_wider_windows_949_as_browsers_do(self):
        text, used = decode_page(page(KOREAN + "똠방각하", '<meta charset="euc-kr">').encode("cp949"))
        self.assertEqual(used, "cp949")
        self.assertIn("똠방각하", text)

    def test_pages_without_a_declaration_are_detected(self):
        for text, codec in ((RUSSIAN, "cp1251"), (KOREAN, "euc-kr"), (ARABIC, "cp1256"), (KOREAN, "utf-8")):
            with self.subTest(codec=codec):
                self.assertIn(text.strip(), decode_page(page(text).encode(codec))[0])

    def test_valid_utf8_wins_over_a_wrong_label_and_a_wrong_utf8_label_is_not_trusted(self):
        self.assertIn(RUSSIAN.strip(), decode_page(page(RUSSIAN, '<meta charset="iso-8859-1">').encode("utf-8"))[0])
        self.assertIn(RUSSIAN.strip(), decode_page(page(RUSSIAN, '<meta charset="utf-8">').encode("cp1251"))[0])

    def test_a_meta_in_the_body_is_not_a_declaration(self):
        data = b"<html><head><title>t</title></head><body><meta charset='koi8-r'><p>plain</p></body></html>"
        self.assertIsNone(declared_encoding(data))
