"""figures.periods: time words read into periods, against a reference year."""

from __future__ import annotations

import pytest

from generator.read.figures.periods import TimeReader, after_reference, baseline_before, governing, streak_span


def read(text: str, ref: int = 2024):
    return [(t.period.start, t.period.end, t.baseline) for t in TimeReader(ref).find(text)]


@pytest.mark.parametrize("text, expected", [
    ("今年以来", ("2024", "2024")),
    ("去年", ("2023", "2023")),
    ("明年", ("2025", "2025")),
    ("上半年", ("2024-01", "2024-06")),
    ("一季度", ("2024-01", "2024-03")),
    ("前三季度", ("2024-01", "2024-09")),
    ("1—10月", ("2024-01", "2024-10")),
    ("2023年1至8月", ("2023-01", "2023-08")),
    ("截至10月底", ("2024-01", "2024-10")),
    ("“十三五”期间", ("2016", "2020")),
    ("十四五以来", ("2021", "2025")),
    ("“十三五”末", ("2020", "2020")),
    ("五年来", ("2020", "2024")),
    ("2019年以来", ("2019", "2024")),
    ("近年来", (None, "2024")),
    ("连续3年", ("2022", "2024")),
    ("2021—2023年", ("2021", "2023")),
    ("2022年末", ("2022-12", "2022-12")),
    ("8月以来", ("2024-08", "2024")),
    ("五一假期", ("2024-05", "2024-05")),
])
def test_time_words(text, expected):
    found = read(text)
    assert found and found[0][:2] == expected, found


def test_a_bare_month_opening_a_clause_is_that_month_of_the_reference_year():
    assert read("6月，某博览会上，签约项目5个") == [("2024-06", "2024-06", False)]
    assert read("投资6月底到位") == []  # inside a clause it dates nothing on its own
    assert read("今年，8月上旬某镇项目完工")[-1] == ("2024-08", "2024-08", False)
    assert read("1至6月，全县") == [("2024-01", "2024-06", False)]


def test_dates_and_decades_are_not_periods():
    assert read("80年代") == []
    assert read("2023年3月5日") == [("2023-03", "2023-03", False)]  # an event on a day: its month


def test_relative_words_without_a_reference_year_give_nothing():
    assert TimeReader(None).find("今年以来全县新增") == []


def test_a_comparison_reference_is_a_baseline_not_the_period():
    reader = TimeReader(2024)
    text = "2023年全县市场主体较2020年增加6100户"
    times = reader.find(text)
    at = text.index("6100")
    own = governing(times, at)
    ref = baseline_before(times, 0, at)
    assert own.period.end == "2023" and ref.period.end == "2020"
    assert (after_reference(own.period, ref).start, after_reference(own.period, ref).end) == ("2021", "2023")


def test_against_the_same_quarter_of_an_earlier_year_starts_the_month_after():
    reader = TimeReader(2021)
    text = "一季度地区生产总值比2019年同期增长15%"
    times = reader.find(text)
    at = text.index("15")
    period = after_reference(governing(times, at).period, baseline_before(times, 0, at))
    assert (period.start, period.end) == ("2020-01", "2021-03")


def test_a_streak_ends_in_the_reported_period():
    reader = TimeReader(2025)
    years = reader.find("连续14年位居榜首")[0]
    assert years.streak == (14, "年")
    assert (streak_span(years, "2024").start, streak_span(years, "2024").end) == ("2011", "2024")
    quarters = reader.find("连续七个季度居全省前2位")[0]
    assert (streak_span(quarters, "2023-09").start, streak_span(quarters, "2023-09").end) == ("2022-01", "2023-09")


def test_until_a_month_without_end_word_is_a_stock_at_that_month():
    times = TimeReader(2025).find("截至2024年12月，全市共辖6个街道")
    assert times[0].stock_end and (times[0].period.start, times[0].period.end) == ("2024-01", "2024-12")


def test_an_approximate_streak_spans_only_its_anchor():
    t = TimeReader(2020).find("已连续十余年位居榜首")[0]
    assert (streak_span(t, "2020").start, streak_span(t, "2020").end) == ("2020", "2020")
    exact = TimeReader(2020).find("连续十年位居榜首")[0]
    assert streak_span(exact, "2020").start == "2011"


@pytest.mark.parametrize("text, expected", [
    ("今年8月，全县入选百强", ("2024-08", "2024-08")),
    ("去年12月份", ("2023-12", "2023-12")),
    ("2022年3月，全县", ("2022-03", "2022-03")),
    ("截至今年8月底", ("2024-01", "2024-08")),
])
def test_a_month_without_a_day_is_the_period(text, expected):
    assert read(text)[0][:2] == expected


def test_a_month_opening_a_range_or_since_is_read_by_those_rules():
    assert read("今年8月以来")[0][:2] == ("2024-08", "2024")
    assert read("今年1—8月")[0][:2] == ("2024-01", "2024-08")


def test_a_bare_year_naming_an_edition_is_a_period_but_an_amount_is_not():
    assert read("发布2023全国百强区榜单") == [("2023", "2023", False)]
    assert read("发放2000余万元消费券") == []
    assert read("建成2024个网点") == []


def test_an_editions_year_does_not_displace_a_month_of_the_same_year_before_it():
    text = "今年8月，全区入选“2024全国百强区”，排名第9位"
    times = TimeReader(2024).find(text)
    assert governing(times, text.index("第9位")).period.end == "2024-08"


def test_a_time_after_zhi_closing_one_after_zi_is_one_span():
    text = "工程自2022年3月开工，至2024年5月20日建成12个泵站"
    found = [(t.period.start, t.period.end) for t in TimeReader(2024).find(text)]
    assert found[-1] == ("2022-03", "2024-05")
    # a from-to of values keeps each end dated on its own
    assert read("从2012年的146亿元增至2021年的300亿元") == [("2012", "2012", False), ("2021", "2021", False)]


def test_a_duration_is_no_period():
    assert read("历时两年完成改造") == []


def test_a_sentence_read_again_gives_equal_but_new_times():
    # The figure loop tells times apart by identity: reading a sentence twice must not hand back the same objects.
    reader = TimeReader(2024)
    first, again = reader.find("2023年全县新建公园5个，今年上半年又建成3个。"), reader.find("2023年全县新建公园5个，今年上半年又建成3个。")
    assert first == again and len(first) == 2
    assert all(a is not b for a, b in zip(first, again))


def test_each_reading_of_a_sentence_gives_new_times_with_the_same_fields():
    reader = TimeReader(2024)
    first, again = reader.find("2023年全市增长5%，较2022年提高1个百分点"), reader.find("2023年全市增长5%，较2022年提高1个百分点")
    assert len(first) == 2 and first == again  # the same fields (read once, remembered)
    assert all(a is not b and type(a) is type(b) and vars(a) == vars(b) for a, b in zip(first, again))


def test_a_reader_remembers_sentences_within_a_bound_and_returns_fresh_times(monkeypatch):
    monkeypatch.setattr(TimeReader, "READ", 2)  # a small bound for the test
    reader = TimeReader(2024)
    first = reader.find("今年以来全县新增企业12家")
    again = reader.find("今年以来全县新增企业12家")
    assert again == first and all(a is not b for a, b in zip(again, first))  # (the loop tells times apart by identity)
    for text in ("2023年全县新增", "去年全县新增", "前年全县新增"):
        reader.find(text)
    assert len(reader.read) <= 2 and reader.find("去年全县新增") == TimeReader(2024).find("去年全县新增")


def test_articles_of_one_reference_year_share_a_reader():
    from generator.lexicon.catalogue import load_units
    from generator.read.figures import extract_figures, load_cues
    from generator.records import Article, ArticleDraft, Region, Section
    from generator.settings import Settings

    units, cues = load_units(Settings().units), load_cues()
    region = Region("青山县", "云岭市", "某某省", "999901", "county", "qingshan-xian")
    for i, text in enumerate(["今年全县新增企业12家。", "今年全县新增农户15户。"]):
        draft = ArticleDraft(source="t.txt", title="测试", sections=[Section(None, [text])])
        figures = extract_figures(Article(id=f"a{i}", draft=draft, region=region, year=2022, url=f"a{i}/"),
                                  None, units, cues=cues)
        assert [f.period.end for f in figures] == ["2022"]
    reader = cues.built[("time reader", 2022)]
    assert {(2022, "今年全县新增企业12家。"), (2022, "今年全县新增农户15户。")} <= set(reader.read)
    assert reader.read is cues.built["time memo"]  # one memo for the readers of every year



def test_the_readers_of_different_years_share_one_memo_and_keep_their_own_answers():
    from generator.lexicon.memo import Memo

    read = Memo(8)
    now, before = TimeReader(2024, read), TimeReader(2020, read)
    assert [t.period.start for t in now.find("今年全县新增")] == ["2024"]
    assert [t.period.start for t in before.find("今年全县新增")] == ["2020"]  # not 2024's, remembered
    assert len(read) == 2
    for i in range(30):
        now.find(f"今年全县新增{i}家")
        assert len(read) <= 8
