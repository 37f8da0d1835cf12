"""Bad input never breaks the build: every seed is listed with a status, problems are
warnings that name the file and say what to do, and readable articles still appear.

The corpus is generated here, in tmp_path, and built once for the whole module.
"""

from __future__ import annotations

import codecs
import html
import json
import re
import struct
import zipfile
import zlib
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import jsonschema
import pytest

from helpers import ROOT, build_site, load_digest, write_config

pytestmark = pytest.mark.slow

SCHEMA = json.loads((ROOT / "generator" / "schema" / "digest.schema.json").read_text("utf-8"))
MAX_FILE_BYTES = 2_000_000  # settings.max_file_bytes in mkdocs.yml


# --------------------------------------------------------------------------- page texts

def _page(kicker: str, title: str, subtitle: str, byline: str, caption: str, sections: list[tuple[str, list[str]]]) -> str:
    """A newspaper page laid out like the extracted seed texts: blank lines between blocks."""
    blocks = ["", ""]
    if kicker:
        blocks.append(kicker)
    blocks += [title, "——" + subtitle, byline, "", caption]
    for heading, paragraphs in sections:
        if heading:
            blocks.append(heading)
        blocks += paragraphs
    return "\n\n".join(blocks) + "\n"


PIDU = _page(
    "", "蓉西川西林盘里的乡村振兴新路径",
    "成都市郫都区推进农商文旅体融合发展纪实",
    "本报记者 罗晓琴 通讯员 何家明",
    "郫都区三道堰镇青杠树村的川西林盘。何家明 摄",
    [(None, [
        "初冬时节，走进成都市郫都区三道堰镇青杠树村，白墙青瓦掩映在竹林之间，游客沿着柏条河骑行，村民在院坝里晒着豆瓣。这是郫都区以川西林盘保护修复带动乡村振兴的一个缩影。",
        "近年来，郫都区坚持把川西林盘作为乡村振兴的重要载体，累计保护修复林盘院落86处，带动周边村集体经济收入平均增长23%。",
     ]),
     ("豆瓣飘香，老字号焕发新活力", [
        "郫县豆瓣是郫都区最响亮的名片。全区现有豆瓣生产企业97家，2024年郫县豆瓣产业实现产值156.8亿元，带动3.2万名农民就近就业。",
        "在安德街道的中国川菜产业化园区，一条条智能化生产线正在满负荷运转。园区负责人介绍，今年以来新引进食品企业14家，川菜调味品出口额同比增长18.6%。",
        "郫都区还依托菁蓉镇创新创业基地，引导大学生团队参与乡村运营，孵化农文旅项目41个，让古老的林盘焕发出年轻的气息。",
     ])],
)

ANJI = _page(
    "绿水青山看浙江", "一片叶子富了一方百姓",
    "湖州市安吉县以白茶产业带动共同富裕工作纪实",
    "本报记者 沈丽华 通讯员 吴志刚",
    "安吉县溪龙乡黄杜村的白茶园。吴志刚 摄",
    [(None, [
        "清明前后，湖州市安吉县溪龙乡黄杜村的茶山上，采茶工手指翻飞，新芽带着露水被收进竹篓。二十多年前，这里还是一片荒山，如今已是远近闻名的白茶之乡。",
        "安吉县把白茶作为富民强县的主导产业，全县白茶种植面积达到20.5万亩，2024年白茶产业总产值达到32.6亿元，茶农人均来自白茶的收入超过1.3万元。",
     ]),
     ("从一杯茶到一条产业链", [
        "安吉县推动白茶由卖原料向卖品牌转变，全县注册白茶企业和合作社达到350余家，开发白茶饮品、茶食品等深加工产品60多个。",
        "在递铺街道的白茶数字化交易中心，茶商通过手机就能完成竞价交易。去年，交易中心线上成交额达到4.8亿元，比上年增长27%。",
     ])],
)

MEITAN = _page(
    "", "茶海深处的乡村新画卷",
    "遵义市湄潭县建设现代山地特色高效农业纪实",
    "本报记者 杨春燕 通讯员 龙云飞",
    "湄潭县兴隆镇的万亩茶海。龙云飞 摄",
    [(None, [
        "从高处俯瞰遵义市湄潭县兴隆镇，茶垄如同绿色的波浪一直铺到天边。湄潭县是贵州省茶叶第一县，茶产业是这里群众增收的当家产业。",
        "湄潭县坚持生态优先、绿色发展，全县茶园面积稳定在60万亩，2024年茶叶综合产值达到185亿元，全县涉茶人口超过35万人。",
     ]),
     ("茶旅融合，留住远方客人", [
        "依托田家沟、七彩部落等茶旅一体化景区，湄潭县全年接待游客1280万人次，实现旅游综合收入96.7亿元。",
        "湄潭县还建成茶叶加工企业和加工作坊700余家，培育国家级农业产业化龙头企业3家，让一片茶叶串起了种植、加工、销售和文旅的全链条。",
     ])],
)

JINJIANG = _page(
    "", "晋江经验在新时代续写新篇",
    "泉州市晋江市推动民营经济高质量发展纪实",
    "本报记者 陈志远 通讯员 许雅婷",
    "晋江市陈埭镇的鞋服产业园区。许雅婷 摄",
    [(None, [
        "泉州市晋江市是全国县域经济的排头兵。走进陈埭镇的鞋服产业园，一双运动鞋从设计打样到下线出厂只需要七天，智能化车间里机器人正在精准地涂胶和缝制。",
        "晋江市坚持以实体经济为本，2024年全市地区生产总值达到3480亿元，规模以上工业企业数量超过2800家，民营经济贡献了全市95%以上的税收。",
     ]),
     ("老产业长出新动能", [
        "晋江市每年安排专项资金支持企业技术改造，近三年累计实施技改项目612个，带动工业投资增长12.4%。",
        "在晋江市的纺织服装产业集群，企业研发的新型面料已经应用到专业赛事服装中，全市拥有国家级专精特新小巨人企业27家。",
     ])],
)

SHOUGUANG = _page(
    "", "蔬菜之乡的智慧大棚",
    "潍坊市寿光市推进设施农业提档升级纪实",
    "本报记者 孙立新 通讯员 王雪梅",
    "寿光市洛城街道的智能温室大棚。王雪梅 摄",
    [(None, [
        "在潍坊市寿光市洛城街道的一座智能温室里，番茄沿着吊蔓一直长到三米高，水肥一体化设备按照传感器的数据定时滴灌。种植户说，现在种菜靠手机，一个人能管好几个大棚。",
        "寿光市是全国闻名的蔬菜之乡，全市蔬菜种植面积稳定在60万亩左右，2024年蔬菜产量达到450万吨，设施蔬菜智能化改造覆盖率达到38%。",
     ]),
     ("种业创新，把芯片握在自己手里", [
        "寿光市建设蔬菜种业创新创业基地，自主研发蔬菜新品种178个，国产蔬菜种子市场占有率由过去的54%提高到70%以上。",
        "寿光市农产品物流园日均交易蔬菜1.5万吨，带动周边县市农民增收。全市农村居民人均可支配收入达到2.9万元。",
     ])],
)

LANKAO = _page(
    "", "沙丘上的泡桐与琴声",
    "开封市兰考县弘扬焦裕禄精神推动县域发展纪实",
    "本报记者 赵红霞 通讯员 刘建国",
    "兰考县堌阳镇的民族乐器生产车间。刘建国 摄",
    [(None, [
        "六十年前，焦裕禄带领开封市兰考县群众种下泡桐防风固沙。如今，当年的泡桐木被做成了古筝和琵琶，兰考县堌阳镇成为全国重要的民族乐器生产基地。",
        "兰考县现有民族乐器生产企业和作坊210余家，年产各类民族乐器70万台，产值达到32亿元，从业人员1.5万人。",
     ]),
     ("家居产业撑起县域经济", [
        "兰考县围绕品牌家居产业招大引强，先后引进龙头企业12家，配套企业160余家，2024年家居产业产值突破300亿元。",
        "兰考县坚持把群众满意作为发展的出发点，全县累计改造农村公路860公里，新建改建乡镇卫生院11所。",
     ])],
)

KUNSHAN = _page(
    "", "小县城里的大产业集群",
    "苏州市昆山市打造电子信息世界级产业集群纪实",
    "本报记者 顾晓峰 通讯员 朱丽娟",
    "昆山市周庄镇的古镇水巷。朱丽娟 摄",
    [(None, [
        "苏州市昆山市地处上海和苏州之间，是全国县域经济的领跑者。在昆山开发区，一条条笔记本电脑生产线日夜不停，全球每三台笔记本电脑就有一台产自这里。",
        "昆山市连续多年位居全国百强县首位，2024年全市地区生产总值达到5140亿元，规模以上工业总产值突破1.1万亿元。",
     ]),
     ("从制造到智造", [
        "昆山市每年遴选一批重点企业实施智能化改造，全市累计建成省级智能制造示范工厂23家，智能车间300多个。",
        "在周庄镇和锦溪镇，古镇保护与文旅融合并进，全市全年接待游客超过3000万人次。",
     ])],
)

TENGCHONG = _page(
    "", "火山热海边的边城新貌",
    "保山市腾冲市建设世界一流旅游目的地纪实",
    "本报记者 李春梅 通讯员 段永华",
    "腾冲市和顺古镇的荷花池。段永华 摄",
    [(None, [
        "保山市腾冲市的和顺古镇，清晨的薄雾笼罩着荷花池和百年侨乡建筑，游客沿着石板路走进古老的图书馆。这座边城正以文旅融合为抓手，奋力建设世界一流旅游目的地。",
        "腾冲市2024年接待游客2150万人次，实现旅游总收入289亿元，全市旅游从业人员超过6万人。",
     ]),
     ("守护火山地热资源", [
        "腾冲市依托火山热海资源，规划建设温泉康养项目18个，完成投资42.6亿元。",
        "腾冲市还大力发展高黎贡山生态茶和中药材产业，全市农村居民人均可支配收入达到2.1万元。",
     ])],
)

# No place name at all: a page about a small shop, nothing a gazetteer could match.
NO_REGION = _page(
    "", "一家小面馆的二十年",
    "记一位坚持用老手艺煮面的店主",
    "本报记者 钱晓东",
    "店主正在揉面。钱晓东 摄",
    [(None, [
        "清晨五点半，老周的面馆就亮起了灯。揉面、擀面、切面，他一做就是二十年，店里的招牌牛肉面始终是十二块钱一碗。",
        "老顾客们说，这碗面的味道一直没变。老周说，面要现擀，汤要熬足六个小时，少一道工序都不行。",
        "如今，老周的儿子从外地回来接手了面馆，还开通了外卖，每天能多卖出一百多碗面。父子俩商量着，明年再开一家分店。",
    ])],
)

# Only photo captions and credits, as when a page is all pictures.
CAPTIONS_ONLY = "\n\n".join([
    "", "图为滨河公园新建成的健身步道。李卫东 摄",
    "市民在新开放的城市书房里阅读。王晓燕 摄",
    "航拍改造后的老旧小区。城建局供图",
    "孩子们在社区托育中心做游戏。张红 摄",
    "",
])

# The 5 MB page: readable text, far over the size limit.
HUGE_UNIT = ("天水市麦积区的花牛苹果红遍山野，果农们忙着采摘装箱。全区苹果种植面积达到35万亩，"
             "年产量超过50万吨，产值突破30亿元。\n\n")


def _png() -> bytes:
    """A real PNG (8x8 grey) followed by some trailing data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(range(0, 256, 32)) for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"") + bytes(range(256)) * 4)


def _docx() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<?xml version='1.0'?><Types/>")
        z.writestr("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>稿件</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def _pdf() -> bytes:
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Length 44 /Filter /FlateDecode >>\nstream\n" + zlib.compress(b"BT /F1 12 Tf (x) Tj ET")
            + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def _broken_utf8() -> tuple[bytes, int]:
    """PIDU in UTF-8 with two invalid bytes inside a paragraph; returns (bytes, 1-based line)."""
    damaged = "郫县豆瓣是郫都区最响亮的名片。"
    head, tail = PIDU.split(damaged)
    data = head.encode() + "郫县豆瓣是".encode() + b"\xff\xfe" + "郫都区最响亮的名片。".encode() + tail.encode()
    return data, head.count("\n") + 1


BROKEN, BROKEN_LINE = _broken_utf8()
SPACED_NAME = "昆山 产业集群 第3版.txt"

# file name -> bytes
CORPUS: dict[str, bytes] = {
    "empty.txt": b"",
    "whitespace.txt": " \n\t\n\u3000\u3000\n   \r\n".encode("utf-8"),
    "page_scan.txt": _png(),
    "broken_utf8.txt": BROKEN,
    "anji_gb18030.txt": ANJI.encode("gb18030"),
    "meitan_utf16le.txt": codecs.BOM_UTF16_LE + MEITAN.encode("utf-16-le"),
    "jinjiang_utf16be.txt": codecs.BOM_UTF16_BE + JINJIANG.encode("utf-16-be"),
    "shouguang_bom.txt": codecs.BOM_UTF8 + SHOUGUANG.encode("utf-8"),
    "lankao_crlf.txt": LANKAO.replace("\n", "\r\n").encode("utf-8"),
    "huge.txt": (HUGE_UNIT * (5_000_000 // len(HUGE_UNIT.encode()) + 1)).encode("utf-8"),
    "no_region.txt": NO_REGION.encode("utf-8"),
    "captions_only.txt": CAPTIONS_ONLY.encode("utf-8"),
    "tengchong_a.txt": TENGCHONG.encode("utf-8"),
    "tengchong_b.txt": TENGCHONG.encode("utf-8"),
    "report.pdf": _pdf(),
    "notes.docx": _docx(),
    SPACED_NAME: KUNSHAN.encode("utf-8"),
}

# Readable files: (text, expected region name, expected encoding prefix).
READABLE = {
    "broken_utf8.txt": (PIDU, "郫都区", "utf-8"),
    "anji_gb18030.txt": (ANJI, "安吉县", "gb18030"),
    "meitan_utf16le.txt": (MEITAN, "湄潭县", "utf-16"),
    "jinjiang_utf16be.txt": (JINJIANG, "晋江市", "utf-16"),
    "shouguang_bom.txt": (SHOUGUANG, "寿光市", "utf-8"),
    "lankao_crlf.txt": (LANKAO, "兰考县", "utf-8"),
    "no_region.txt": (NO_REGION, None, "utf-8"),
    "tengchong_a.txt": (TENGCHONG, "腾冲市", "utf-8"),
    SPACED_NAME: (KUNSHAN, "昆山市", "utf-8"),
}

EXPECTED_STATUS = {
    "empty.txt": "empty",
    "whitespace.txt": "empty",
    "page_scan.txt": "binary",
    "broken_utf8.txt": "repaired",
    "anji_gb18030.txt": "ok",
    "meitan_utf16le.txt": "ok",
    "jinjiang_utf16be.txt": "ok",
    "shouguang_bom.txt": "ok",
    "lankao_crlf.txt": "ok",
    "huge.txt": "too_large",
    "no_region.txt": "ok",
    "captions_only.txt": "ok",
    "tengchong_a.txt": "ok",
    "tengchong_b.txt": "duplicate",
    "report.pdf": "binary",
    "notes.docx": "binary",
    SPACED_NAME: "ok",
}

# Files that must carry a warning naming them and saying what to do.
PROBLEM_FILES = ["empty.txt", "whitespace.txt", "page_scan.txt", "broken_utf8.txt", "huge.txt",
                 "no_region.txt", "captions_only.txt",
                 "tengchong_b.txt", "report.pdf", "notes.docx"]

# Words of the advice part of a warning: it must tell the maintainer an action.
ACTIONS = re.compile(r"\b(remove|delete|re-?export|re-?save|split|raise|add|fill|replace|check|set|write|"
                     r"rename|convert|move|put|save|use|fix|give|drop|keep|edit)\b", re.I)


def _lines(text: str) -> list[str]:
    """The paragraph-sized lines of a page text (what must survive into article pages)."""
    return [line.strip() for line in text.splitlines() if len(line.strip()) > 30]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text("utf-8"))
    return re.sub(r"\s+", "", "".join(parser.parts))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --------------------------------------------------------------------------- the build

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("bad_input")
    seeds = work / "seeds"
    seeds.mkdir()
    for name, data in CORPUS.items():
        (seeds / name).write_bytes(data)
    assert (seeds / "huge.txt").stat().st_size > 5_000_000 > MAX_FILE_BYTES
    config = write_config(work, seeds)
    site = work / "site"
    proc = build_site(config, site, env={"SOURCE_DATE_EPOCH": "1764028800"})
    digest = load_digest(site)
    return {"site": site, "digest": digest, "log": proc.stdout + proc.stderr,
            "sources": {s["file"]: s for s in digest["sources"]}}


def test_build_finishes(built):
    assert (built["site"] / "index.html").is_file()
    assert (built["site"] / "data" / "figures.csv").is_file()


def test_digest_validates_against_schema(built):
    jsonschema.validate(built["digest"], SCHEMA)


def test_sizes_and_hashes_are_of_the_file_on_disk(built):
    import hashlib

    for name, data in CORPUS.items():
        source = built["sources"][name]
        assert source["size"] == len(data), name
        assert source["sha256"] == hashlib.sha256(data).hexdigest(), name


@pytest.mark.parametrize("name", PROBLEM_FILES)
def test_problem_file_has_a_warning_that_names_it_and_says_what_to_do(built, name):
    warnings = built["sources"][name]["warnings"]
    assert warnings, f"{name}: no warning in sources[].warnings"
    naming = [w for w in warnings if name in w]
    assert naming, f"{name}: no warning names the file: {warnings}"
    assert any(ACTIONS.search(w) for w in naming), f"{name}: no warning says what to do: {naming}"
    # The same problem is printed during the build, so a maintainer sees it without opening JSON.
    assert name in built["log"], f"{name} not mentioned in the build output"


@pytest.mark.parametrize("name", ["no_region.txt", "captions_only.txt"])
def test_stage_warnings_name_the_file_and_say_what_to_do(built, name):
    """Problems found after decoding are also in the top-level warnings."""
    naming = [w for w in built["digest"]["warnings"] if w.startswith(name)]
    assert naming and any(ACTIONS.search(w) for w in naming), built["digest"]["warnings"]
    assert name in built["log"]


def test_too_large_warning_gives_size_and_limit(built):
    (warning,) = [w for w in built["sources"]["huge.txt"]["warnings"] if "huge.txt" in w]
    assert str(MAX_FILE_BYTES) in warning.replace(",", "").replace("_", "")
    assert built["sources"]["huge.txt"]["articles"] == []


def test_repaired_file_warning_points_at_the_damaged_line(built):
    warnings = built["sources"]["broken_utf8.txt"]["warnings"]
    assert any(f"broken_utf8.txt:{BROKEN_LINE}" in w for w in warnings), (BROKEN_LINE, warnings)


def test_duplicate_names_the_first_copy(built):
    (warning,) = built["sources"]["tengchong_b.txt"]["warnings"]
    assert "tengchong_a.txt" in warning
    assert built["sources"]["tengchong_b.txt"]["articles"] == []
    assert built["sources"]["tengchong_a.txt"]["articles"]


@pytest.mark.parametrize("name", sorted(EXPECTED_STATUS))
def test_unreadable_files_give_no_articles(built, name):
    if EXPECTED_STATUS[name] in ("empty", "binary", "too_large", "duplicate"):
        assert built["sources"][name]["articles"] == []


def test_captions_only_page_gives_no_article(built):
    assert built["sources"]["captions_only.txt"]["articles"] == []
    captions = [line.split("。")[0] for line in CAPTIONS_ONLY.split("\n\n") if line]
    for article in built["digest"]["articles"]:
        for paragraph in article["paragraphs"]:
            assert not any(c in paragraph for c in captions), (article["source"], paragraph)


@pytest.mark.parametrize("name", sorted(READABLE))
def test_readable_articles_appear_on_their_article_pages(built, name):
    text, _, _ = READABLE[name]
    source = built["sources"][name]
    assert source["articles"], f"{name}: no article"
    articles = {a["id"]: a for a in built["digest"]["articles"]}
    pages = "".join(page_text(built["site"] / articles[i]["url"] / "index.html") for i in source["articles"])
    missing = []
    for line in _lines(text):
        if name == "broken_utf8.txt" and "郫县豆瓣是" in line:
            # The damaged paragraph keeps both halves around the replacement character.
            assert _squash("郫县豆瓣是") in pages and _squash("郫都区最响亮的名片") in pages
            continue
        if _squash(line) not in pages:
            missing.append(line)
    assert not missing, f"{name}: text not on any of its article pages: {missing}"


@pytest.mark.parametrize("name", sorted(READABLE))
def test_readable_files_keep_their_encoding_and_no_stray_characters(built, name):
    _, _, encoding = READABLE[name]
    source = built["sources"][name]
    assert (source["encoding"] or "").lower().replace("_", "-").startswith(encoding), source["encoding"]
    for article in built["digest"]["articles"]:
        if article["source"] != name:
            continue
        for text in [article["title"], *article["paragraphs"], *article["captions"], *article["headings"]]:
            assert "\ufeff" not in text and "\r" not in text and "\x00" not in text, (name, text)


@pytest.mark.parametrize("name", sorted(READABLE))
def test_readable_articles_are_located(built, name):
    _, region, _ = READABLE[name]
    found = {a["region"] for a in built["digest"]["articles"] if a["source"] == name}
    assert found == {region or "未识别地区"}, found


def test_title_is_the_page_title(built):
    by_source = {}
    for article in built["digest"]["articles"]:
        by_source.setdefault(article["source"], []).append(article["title"])
    assert by_source["anji_gb18030.txt"][0] == "一片叶子富了一方百姓"
    assert by_source["meitan_utf16le.txt"][0] == "茶海深处的乡村新画卷"
    assert by_source[SPACED_NAME][0] == "小县城里的大产业集群"


def test_file_name_with_spaces_and_chinese_is_shown_escaped(built):
    (article_id, *_) = built["sources"][SPACED_NAME]["articles"]
    article = next(a for a in built["digest"]["articles"] if a["id"] == article_id)
    assert re.fullmatch(r"articles/[0-9a-f]{10}(-\d+)?/", article["url"]), article["url"]
    body = (built["site"] / article["url"] / "index.html").read_text("utf-8")
    assert html.escape(SPACED_NAME) in body


def test_no_page_or_data_file_for_a_broken_file_name(built):
    # Nothing in the site is named after a seed file (names are content-derived ids).
    names = {p.name for p in built["site"].rglob("*")}
    for name in CORPUS:
        assert name not in names
