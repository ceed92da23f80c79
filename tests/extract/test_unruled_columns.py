"""The columns of a table printed without rules come from the white space between its body's words;
an amount ends its column even where the next column's name is printed closer than a column gap
(the reference's 01 scanned with its rules painted out: 3356.28 2.9 points before 一、一般公共服务)."""
from __future__ import annotations

from assets.extract.unruled import Word, body_columns

GAP = 3.6  # the column gap of 8-point print


def test_an_amount_ends_its_column_before_a_name_printed_close_after_it():
    words = [Word("一、一般公共预算", 34.6, 146, 105.5, 154), Word("3356.28", 264.2, 146, 296.3, 154),
             Word("一、一般公共服务", 299.2, 146, 370.4, 154), Word("三、国防", 299.2, 163, 330.0, 171)]
    assert body_columns(words, GAP) == [(34.6, 105.5), (264.2, 296.3), (299.2, 370.4)]


def test_words_closer_than_a_column_gap_are_one_column_unless_an_amount_ends_it():
    words = [Word("2023", 100.0, 10, 116.0, 18), Word("接待经费", 118.0, 10, 150.0, 18),  # a year is no amount
             Word("12.30", 200.0, 10, 220.0, 18), Word("13.40", 221.0, 30, 241.0, 38)]  # nor 1 point of white
    assert body_columns(words, GAP) == [(100.0, 150.0), (200.0, 241.0)]
