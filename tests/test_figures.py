"""figures.extract_figures on sentences written for these tests (none is from the seeds)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from generator.catalogue import load_catalogue, load_units
from generator.figures import extract_figures, parse_number
from generator.records import Article, ArticleDraft, Region, Section
from generator.settings import Settings

REGION = Region("青山县", "云岭市", "某某省", "999901", "county", "qingshan-xian")


@pytest.fixture(scope="module")
def extract():
    catalogue = load_catalogue(Settings().catalogue)
    units = load_units(Settings().units)

    def run(*paragraphs: str, year: int | None = 2023, gazetteer=None):
        draft = ArticleDraft(source="t.txt", title="测试", sections=[Section(None, list(paragraphs))])
        article = Article(id="art1", draft=draft, region=REGION, year=year, url="articles/art1/")
        return extract_figures(article, catalogue, units, gazetteer=gazetteer)

    return run


def values(figures) -> list[float]:
    return [f.value_normalized for f in figures]


def one(figures, value: float):
    found = [f for f in figures if f.value_normalized == pytest.approx(value)]
    assert len(found) == 1, [(f.value, f.unit, f.metric) for f in figures]
    return found[0]


def test_level_and_growth_with_canonical_metric(extract):
    figs = extract("2022年，全县实现地区生产总值325.6亿元，同比增长6.1%。")
    gdp = one(figs, 325.6e8)
    assert (gdp.unit, gdp.unit_normalized, gdp.kind) == ("亿元", "元", "level")
    assert gdp.canonical == "gdp" and gdp.comparable and gdp.period == "2022"
    growth = one(figs, 6.1)
    assert growth.kind == "growth" and growth.canonical == "gdp" and "地区生产总值" in growth.metric
    assert growth.unit_normalized == "%"


def test_growth_is_not_a_level_and_share_is_not_growth(extract):
    figs = extract("全县固定资产投资增长8.2%，森林覆盖率达62.5%。")
    assert one(figs, 8.2).kind == "growth"
    cover = one(figs, 62.5)
    assert cover.kind == "share" and cover.canonical == "forest_cover" and cover.comparable


def test_hotlines_phones_and_dates_are_not_figures(extract):
    figs = extract(
        "12月3日，市民可拨打12345热线或0731-88886666反映问题。",
        "2023年7月18日，12345热线群众满意率达96.5%。",
    )
    assert values(figs) == [96.5]
    assert "满意率" in figs[0].metric and figs[0].canonical == "hotline_satisfaction"


def test_long_digit_strings_are_codes(extract):
    assert extract("统一社会信用代码91430400123456789元，手机13812345678个。") == []


def test_codes_slogans_and_5g_are_not_figures(extract):
    figs = extract("推进806项目和“135”工程，落实“1+2+N”模式与“三高四新”战略，建成5G基站120个。")
    assert values(figs) == [120]
    assert figs[0].unit == "个"


def test_ordinals_are_not_values_but_ranks_are(extract):
    figs = extract("县第二人民医院扩建完成，第一产业稳步发展。", "该县综合实力位列全省第三，营商环境考核获全市第1名。")
    ranks = sorted((f.value_normalized, f.kind) for f in figs)
    assert ranks == [(1, "rank"), (3, "rank")]
    third = one(figs, 3)
    assert third.value == "三" and third.unit_normalized == "位次" and "全省" in third.metric


def test_from_to_gives_both_figures_and_previous(extract):
    figs = extract("全县规上工业企业从98家增至156家。")
    first, last = one(figs, 98), one(figs, 156)
    assert last.previous == 98 and first.previous is None
    assert last.canonical == first.canonical == "industrial_enterprises_above_size"


def test_from_to_with_years_takes_each_period(extract):
    figs = extract("全县一般公共预算收入从2019年的8.6亿元增长到2022年的12.05亿元。")
    assert one(figs, 8.6e8).period == "2019"
    later = one(figs, 12.05e8)
    assert later.period == "2022" and later.canonical == "budget_revenue" and later.previous == 8.6e8


def test_relative_periods_use_the_article_year(extract):
    figs = extract("今年以来，全县新增城镇就业5200人。", "去年实现旅游总收入12亿元。", "目前全县共有网格员830名。", year=2023)
    assert one(figs, 5200).period == "2023" and one(figs, 5200).canonical == "new_urban_jobs"
    assert one(figs, 12e8).period == "2022"
    staff = one(figs, 830)
    assert staff.period == "2023" and staff.unit_normalized == "人"


def test_no_year_leaves_relative_period_empty(extract):
    figs = extract("今年以来，全县新增城镇就业5200人。", year=None)
    assert one(figs, 5200).period == ""


def test_five_year_plans_and_month_ranges(extract):
    figs = extract(
        "“十四五”期间，全县累计改造老旧小区86个。",
        "高新技术企业由“十三五”末的15家增加到48家。",
        "1至10月，全县外贸进出口总额达45.3亿元。",
        "2021—2023年，粮食产量年均增长2.1%。",
        year=2024,
    )
    old = one(figs, 86)
    assert old.period == "2021-2025" and old.canonical == "old_communities"
    assert one(figs, 15).period == "2020"
    trade = one(figs, 45.3e8)
    assert trade.period == "2024-01/2024-10" and trade.canonical == "foreign_trade"
    assert one(figs, 2.1).period == "2021-2023"


def test_chinese_numerals_and_shares(extract):
    figs = extract("新建两座污水处理厂、十二个村级服务站，打造一个中心，农产品网销占比达三成。")
    assert one(figs, 2).value == "两" and one(figs, 2).unit == "座"
    assert one(figs, 12).value == "十二"
    share = one(figs, 30)
    assert share.unit == "成" and share.unit_normalized == "%" and share.kind == "share"
    assert 1 not in values(figs)  # 一个中心 is an idiom, not a count


def test_parse_number_uses_chinese_numerals():
    assert parse_number("一百二十") == 120
    assert parse_number("两") == 2
    assert parse_number("1,250.5") == 1250.5
    assert parse_number("十四五") is None or parse_number("十四五") != 14  # a slogan, never a value


def test_qualifiers_and_scaled_units(extract):
    figs = extract("带动就业3000余人，吸引游客超200万人次，发展油茶近5000亩，经营主体达4.9万户，发放补贴2000余万元。")
    assert one(figs, 3000).qualifier == "余"
    tourists = one(figs, 2e6)
    assert (tourists.qualifier, tourists.unit_normalized, tourists.canonical) == ("超", "人次", "tourists")
    assert one(figs, 5000).qualifier == "近"
    assert one(figs, 49000).unit == "万户"
    subsidy = one(figs, 2e7)
    assert subsidy.unit == "万元" and subsidy.qualifier == "余"


def test_enumeration_with_shared_noun_splits_metrics(extract):
    figs = extract("全县城镇居民、农村居民人均可支配收入分别达到38650元和19870元。")
    assert one(figs, 38650).canonical == "urban_income"
    assert one(figs, 19870).canonical == "rural_income"


def test_respectively_inherits_metrics_in_order(extract):
    figs = extract("2022年，高新技术企业52家、科技型中小企业85家，较上年分别增加6家、20家。")
    six, twenty = one(figs, 6), one(figs, 20)
    assert six.kind == twenty.kind == "change"
    assert six.canonical == "hightech_enterprises" and twenty.canonical == "tech_smes"
    assert six.period == "2021-2022"


def test_change_against_a_base_year(extract):
    figs = extract("目前全县市场主体达2.3万户，较2020年增加6100户。", year=2023)
    change = one(figs, 6100)
    assert change.kind == "change" and change.canonical == "market_entities" and change.period == "2020-2023"


def test_threshold_inside_a_name_is_not_a_figure(extract):
    figs = extract("全年新签约5000万元以上项目32个。")
    assert values(figs) == [32]


def test_number_first_label_takes_the_noun(extract):
    figs = extract("建成6个社区长者食堂和14个零工驿站。")
    assert one(figs, 6).canonical == "elderly_canteens"
    assert one(figs, 14).canonical == "gig_stations"


def test_same_value_twice_in_a_clause_gives_two_figures(extract):
    figs = extract("全县已建成4个物流中心、4个商贸综合体。")
    assert len(figs) == 2 and figs[0].id != figs[1].id


def test_repeated_paragraph_does_not_duplicate(extract):
    text = "全县新增城镇就业5200人。"
    figs = extract(text, "另一段。", text)
    assert len(figs) == 1 and figs[0].paragraph == 1


def test_ratio_gives_one_figure_per_part(extract):
    figs = extract("全县三次产业结构调整为8.1:35.6:56.3。")
    assert sorted(values(figs)) == [8.1, 35.6, 56.3]
    assert all(f.canonical == "industry_structure" for f in figs)


def test_quoted_names_and_durations(extract):
    figs = extract("“100兆瓦光伏”项目开工，10年来变化巨大，一棵树龄超500年的古樟得到保护，审批用时缩短至15天。")
    assert sorted(values(figs)) == [15, 500]
    assert one(figs, 500).unit == "年"


def test_quote_is_literal_clause_and_paragraph_is_one_based(extract):
    paras = ["第一段没有数字。", "全县森林覆盖率达62.5%，空气质量优良天数比例为93.2%。"]
    figs = extract(*paras)
    for f in figs:
        assert f.quote in paras[f.paragraph - 1]
        assert "，" not in f.quote
        assert f.paragraph == 2
    assert one(figs, 93.2).quote == "空气质量优良天数比例为93.2%"


def test_ids_are_stable(extract):
    a = extract("全县新增城镇就业5200人。")
    b = extract("全县新增城镇就业5200人。")
    assert a[0].id == b[0].id and len(a[0].id) == 10


def test_subject_is_a_village_not_the_region(extract):
    figs = extract("石门镇青竹村集体经济年收入达52万元。")
    f = one(figs, 520000)
    assert f.subject.endswith("青竹村") and f.region == "青山县"
    assert f.canonical == "village_collective_income"


@dataclass
class _Mention:
    start: int
    end: int
    full: bool
    weak: bool
    unit: Region


class _FakeGazetteer:
    """Only the scan() a figure needs: full-name mentions of one other county."""

    other = Region("白水县", "云岭市", "某某省", "999902", "county", "baishui-xian")

    def scan(self, text):
        at = text.find("白水县")
        return [_Mention(at, at + 3, True, False, self.other)] if at >= 0 else []


def test_figures_of_another_county_named_in_the_sentence(extract):
    figs = extract("白水县加快县域商业建设。全县已建成8个乡镇商贸中心。青山县新建5个冷链中心。", gazetteer=_FakeGazetteer())
    assert one(figs, 8).region == "白水县"
    assert one(figs, 5).region == "青山县"


def test_average_growth_after_a_from_to_takes_that_metric(extract):
    figures = extract("全县城镇居民人均可支配收入从2019年的31250元增长到2023年的40310元，年均增长6.6%。")
    growth = one(figures, 6.6)
    assert growth.kind == "growth"
    assert growth.metric.startswith("城镇居民人均可支配收入")


def test_named_examples_ending_in_deng_take_the_category_after_the_number(extract):
    figures = extract("南湖里街区吸引了老街咖啡、云上书店等12家品牌首店入驻，整合8个部门的120项高频事项。")
    assert one(figures, 12).metric == "品牌首店"
    assert not one(figures, 8).metric.endswith("的")
