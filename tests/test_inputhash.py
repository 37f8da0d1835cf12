"""Page-input hashes (generator/site/inputhash.py): a record's hash follows every field,
nested records and enums included, and not how its objects happen to be shared."""

from dataclasses import dataclass, fields, replace

from generator.records import Article, ArticleDraft, Aspect, Figure, Modality, Period, Region, Section
from generator.site.inputhash import InputHasher


def _figure(**changes) -> Figure:
    figure = Figure(id="f1", article="a1", region="安吉县", measure="地区生产总值", value="300.5", unit="亿元",
                    value_normalized=3.005e10, unit_normalized="元", quote="地区生产总值达到300.5亿元",
                    paragraph=1, period=Period("2024年", "2024", "2024"), indicator="地区生产总值")
    return replace(figure, **changes)


def test_equal_records_hash_equal_whatever_their_objects():
    base = InputHasher().record(_figure())
    copies = _figure(measure="".join(["地区", "生产总值"]), period=Period("2024年", "20" + "24", "2024"))
    assert InputHasher().record(copies) == base
    hasher = InputHasher()
    assert hasher.record(_figure()) == base and hasher.records([_figure(), _figure()]) == [base, base]


def test_a_change_in_any_field_changes_the_hash():
    base = InputHasher().record(_figure())
    changes = {"id": "f2", "article": "a2", "region": "武侯区", "measure": "财政收入", "value": "300.6",
               "unit": "万元", "value_normalized": 3.0e10, "unit_normalized": "人", "quote": "另一句",
               "paragraph": 2, "aspect": Aspect.GROWTH, "indicator": None, "base": "全省", "scope": "某村",
               "modality": Modality.TARGET, "period": Period("2024年", None, "2024"), "qualifier": "余",
               "start_value": True, "doubt": "x"}
    assert set(changes) == {f.name for f in fields(Figure)}  # every field is tried
    for name, value in changes.items():
        assert InputHasher().record(_figure(**{name: value})) != base, name
    assert InputHasher().record(_figure(period=None)) != base


def test_an_enum_is_not_its_value_and_records_of_two_classes_differ():
    hasher = InputHasher()
    assert hasher.record(_figure(indicator=Aspect.GROWTH.value)) != hasher.record(_figure(indicator=Aspect.GROWTH))
    region = Region("安吉县", "湖州市", "浙江省", "330523", "county", "anji-xian")
    assert hasher.record(region) != hasher.record(Period(*region.__getstate__()[:3]))
    assert hasher.record(Period("2024年", "2024", "2024")) != hasher.record(Period("2024年", "2024", "2025"))


@dataclass(frozen=True, slots=True)
class _One:
    value: object


def test_records_of_one_field_and_records_in_lists_are_hashed_by_their_data():
    hasher = InputHasher()
    assert hasher.record(_One("a")) == InputHasher().record(_One("a")) != hasher.record(_One("b"))
    assert hasher.record(_One(Aspect.GROWTH)) != hasher.record(_One(Aspect.LEVEL))
    region = Region("安吉县", "湖州市", "浙江省", "330523", "county", "anji-xian")
    draft = ArticleDraft(source="a.txt", title="标题", sections=[Section(None, ["第一段", "第二段"])])
    article = Article(id="a1", draft=draft, region=region)
    changed = replace(article, draft=replace(draft, sections=[Section(None, ["第一段", "第二段。"])]))
    assert hasher.record(article) != hasher.record(changed)
    assert hasher.record(article) == InputHasher().record(replace(article))


def test_forgotten_records_are_let_go_and_hash_the_same_again():
    import sys

    hasher, figure = InputHasher(), _figure()
    held = sys.getrefcount(figure)
    first = hasher.record(figure)
    assert sys.getrefcount(figure) == held + 1  # held while its hash is known
    hasher.forget()
    assert sys.getrefcount(figure) == held
    assert hasher.record(figure) == first
