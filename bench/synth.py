"""Synthesise a seed-like corpus of N articles for benchmarks (deterministic for a given seed).

Paragraphs are taken from the real pages in seeds/; every mention of a unit of the
seeds' province (湖南) is replaced by a county-level unit drawn at random from the
project's gazetteer (any province), consistently within an article (county, its city, its
province, full name or short name as written), and the numbers are varied. Titles,
headings, bylines and captions are recombined from phrase lists in the seeds' style.
Several articles share one page file; some pages are written in GB18030.

    python bench/synth.py --articles 1000 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_SEED = 20251125
SEED_PROVINCE = "湖南省"

TITLE_PHRASES = [
    "书写有温度的民生答卷", "奋楫立潮头 五年谱新篇", "潮涌正当时 扬帆再出发", "再踏层峰辟新天",
    "让科技之花结出产业之果", "党建引领激发多元共治新活力", "在高质量发展中勇当先锋", "绘就城乡融合新画卷",
    "一座县城的产业突围", "老城区焕发新活力", "绿水青山间的共富路", "小切口撬动大民生",
    "以实干作答 用实绩交卷", "擦亮幸福底色", "激活发展新引擎", "筑牢基层治理底座",
    "乡村振兴的新样本", "项目为王 拼出发展加速度", "答好时代考卷", "跑出县域经济新速度",
]
SUBTITLE_PHRASES = [
    "扎实推进高质量发展工作纪实", "推进乡村全面振兴纪实", "办好民生实事工作纪实", "“十四五”发展成就综述",
    "打造营商环境新高地纪实", "以党建引领基层治理的探索实践", "推动产业转型升级纪实", "建设宜居宜业和美乡村纪实",
]
HEADINGS = [
    "聚力提效能：夯实发展根基，激发区域活力", "聚力惠民生：回应群众期盼，打造幸福样本", "强基固本，从严治党向基层全面推进",
    "筑巢引凤，营造一流的干事创业环境", "产业能级之变：挺起“硬核”脊梁", "治理效能之变：改革创新“活”区",
    "织密红色网格，治理精准到人", "物业有了“主心骨”，老社区焕发新生机", "创新动能持续奔涌",
    "强基固本——党建引领提升治理新效能", "幸福加码——民生实事擦亮温暖底色", "唤醒沉睡资产 筑牢保障底线",
    "项目建设跑出加速度", "城乡面貌焕然一新", "生态底色更加鲜亮", "民生福祉持续增进", "文旅融合激活消费",
    "招商引资量质齐升", "科技创新赋能产业", "营商环境持续优化",
]
KICKERS = ["非凡“十四五”{alias}“新答卷”·{topic}篇", "善治{alias}{n}", "高质量发展看{alias}", "{province_alias}“十四五”发展图景·{alias}"]
TOPICS = ["科技", "民生", "产业", "生态", "治理", "文旅"]
SCENES = ["城区航拍图", "新建成的城市公园", "夜色中的商业街", "产业园区一角", "改造后的老旧小区", "美丽乡村一景", "湿地公园风光"]
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红晓雪梅文斌慧琳睿曦青")

NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")


@dataclass
class SynthArticle:
    title: str
    subtitle: str
    kicker: str
    byline: str
    caption: str
    region: str  # full name of the county-level unit the article is about
    city: str
    province: str
    sections: list[tuple[str | None, list[str]]] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [p for _, ps in self.sections for p in ps]


@dataclass
class SynthPage:
    file: str
    encoding: str
    articles: list[SynthArticle]


# --------------------------------------------------------------------------- gazetteer

def _alias(node: dict, full: str) -> str:
    alias = node.get("_alias") or full
    if isinstance(alias, list):
        alias = alias[0] if alias else full
    return alias if len(alias) >= 2 else full


def load_units() -> tuple[list[dict], dict[str, str]]:
    """(county-level targets across all provinces, names of the seeds' province -> level)."""
    from generator.lexicon.gazetteer_data import read_tree

    tree = read_tree()
    targets: list[dict] = []
    seed_names: dict[str, str] = {}
    for prov_name in sorted(tree):
        prov = tree[prov_name]
        if prov_name.startswith("_") or not isinstance(prov, dict):
            continue
        p_full = prov.get("_full_name", prov_name)
        p_alias = _alias(prov, p_full)
        if p_full == SEED_PROVINCE:
            seed_names[p_full], seed_names[p_alias] = "province", "province_alias"
        for city_name in sorted(prov):
            city = prov[city_name]
            if city_name.startswith("_") or not isinstance(city, dict):
                continue
            c_full = city.get("_full_name", city_name)
            c_alias = _alias(city, c_full)
            if p_full == SEED_PROVINCE:
                seed_names[c_full], seed_names[c_alias] = "city", "city_alias"
            for county_name in sorted(city):
                county = city[county_name]
                if county_name.startswith("_") or not isinstance(county, dict):
                    continue
                code = county.get("_admin_code", "")
                full = county.get("_full_name", county_name)
                alias = _alias(county, full)
                if p_full == SEED_PROVINCE:
                    seed_names.setdefault(full, "county")
                    seed_names.setdefault(alias, "county_alias")
                    continue  # targets come from other provinces
                if "直辖" in c_full or "直辖" in full or re.fullmatch(r"\d{4}7\d", code) or full.endswith(("新区", "开发区")):
                    continue
                if len(alias) < 2 or alias == full and len(full) < 3:
                    continue
                targets.append({"county": full, "county_alias": alias, "city": c_full, "city_alias": c_alias,
                                "province": p_full, "province_alias": p_alias, "code": code})
    return targets, seed_names


# --------------------------------------------------------------------------- material

def seed_paragraphs(seeds_dir: Path = SEEDS) -> list[str]:
    """Whole paragraphs of the real pages (column fragments and captions left out)."""
    found: list[str] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text("utf-8", errors="replace")
        for block in re.split(r"\n\s*\n", text):
            block = block.strip()
            if "\n" in block or len(block) < 45 or not block.endswith(("。", "！", "？", "”", "……")):
                continue
            if re.search(r"摄$|供图|记者|通讯员|\ufffd", block):
                continue
            found.append(block)
    return found


class Recombiner:
    def __init__(self, rng: random.Random, seeds_dir: Path = SEEDS):
        self.rng = rng
        self.paragraphs = seed_paragraphs(seeds_dir)
        self.targets, seed_names = load_units()
        # Longest first, so 蒸湘区 is replaced before 蒸湘.
        names = sorted(seed_names, key=len, reverse=True)
        self.seed_names = seed_names
        self.pattern = re.compile("|".join(re.escape(n) for n in names))

    def localise(self, text: str, unit: dict) -> str:
        return self.pattern.sub(lambda m: unit[self.seed_names[m.group(0)]], text)

    def vary_numbers(self, text: str) -> str:
        def repl(m: re.Match) -> str:
            raw = m.group(1)
            after = text[m.end():m.end() + 1]
            value = float(raw)
            if after == "年" and 1949 <= value <= 2035:
                return raw  # a year
            if value == 0:
                return raw
            new = value * self.rng.uniform(0.55, 1.8)
            if after == "%" and value <= 100:
                new = min(new, 99.9)
            if "." in raw:
                return f"{new:.{len(raw.split('.')[1])}f}"
            return str(max(1, round(new)))
        return NUMBER.sub(repl, text)

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2))))

    def article(self, index: int) -> SynthArticle:
        rng = self.rng
        unit = rng.choice(self.targets)
        alias = unit["county_alias"]
        kicker = ""
        if rng.random() < 0.3:
            kicker = rng.choice(KICKERS).format(alias=alias, topic=rng.choice(TOPICS), n="①②③④⑤"[index % 5],
                                                province_alias=unit["province_alias"])
        title = f"{alias}：{rng.choice(TITLE_PHRASES)}"
        subtitle = f"{unit['city']}{unit['county']}{rng.choice(SUBTITLE_PHRASES)}"
        byline = f"本报记者 {self.name()} 通讯员 {self.name()} {self.name()}"
        caption = f"{unit['county']}{rng.choice(SCENES)}。{self.name()} 摄"
        sections: list[tuple[str | None, list[str]]] = []
        picked = rng.sample(self.paragraphs, k=min(len(self.paragraphs), rng.randint(6, 12)))
        paras = [self.vary_numbers(self.localise(p, unit)) for p in picked]
        lead, rest = paras[:2], paras[2:]
        sections.append((None, lead))
        headings = rng.sample(HEADINGS, k=rng.randint(1, 3))
        size = max(1, len(rest) // len(headings))
        for i, heading in enumerate(headings):
            chunk = rest[i * size:] if i == len(headings) - 1 else rest[i * size:(i + 1) * size]
            if chunk:
                sections.append((heading, chunk))
        return SynthArticle(title=title, subtitle=subtitle, kicker=kicker, byline=byline, caption=caption,
                            region=unit["county"], city=unit["city"], province=unit["province"], sections=sections)


def page_text(articles: list[SynthArticle]) -> str:
    """Lay the articles out like an extracted newspaper page (blank lines between blocks)."""
    blocks: list[str] = [""]
    for article in articles:
        blocks += ["", ""]
        if article.kicker:
            blocks.append(article.kicker)
        blocks += [article.title, "——" + article.subtitle, article.byline, "", article.caption]
        for heading, paragraphs in article.sections:
            if heading:
                blocks.append(heading)
            blocks += paragraphs
    return "\n\n".join(blocks) + "\n"


def synthesize(n_articles: int, out_dir: Path, seed: int = DEFAULT_SEED, gb18030_share: float = 0.2,
               max_per_page: int = 4, seeds_dir: Path = SEEDS) -> list[SynthPage]:
    """Write pages holding n_articles articles in total into out_dir (emptied first)."""
    rng = random.Random(seed)
    maker = Recombiner(rng, seeds_dir)
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    pages: list[SynthPage] = []
    made = 0
    while made < n_articles:
        count = min(rng.randint(1, max_per_page), n_articles - made)
        articles = [maker.article(made + i) for i in range(count)]
        made += count
        encoding = "gb18030" if rng.random() < gb18030_share else "utf-8"
        name = f"page_{len(pages):05d}.txt"
        (out_dir / name).write_bytes(page_text(articles).encode(encoding))
        pages.append(SynthPage(file=name, encoding=encoding, articles=articles))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    pages = synthesize(args.articles, args.out, seed=args.seed)
    size = sum(p.stat().st_size for p in args.out.iterdir())
    print(f"{len(pages)} pages, {sum(len(p.articles) for p in pages)} articles, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
