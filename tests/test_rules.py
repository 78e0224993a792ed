"""Tier texts to rule objects: canonical text, round trip, equality, errors."""

from __future__ import annotations

import pickle
import re

import attrs
import pytest

import kpi
from cases import EQUAL_SPELLINGS, INVALID_TIERS, LABELLED_TIERS, VALID_TIERS
from kpi.direction import Direction
from kpi.text.band_names import same_band


@pytest.mark.parametrize(("text", "canonical"), VALID_TIERS)
def test_tier_text_reads_to_its_canonical_form(text: str, canonical: str) -> None:
    rule = kpi.parse_rule(text)
    assert str(rule) == canonical
    assert rule.text == text


@pytest.mark.parametrize(("text", "canonical"), VALID_TIERS)
def test_canonical_text_parses_back_to_an_equal_rule(text: str, canonical: str) -> None:
    rule = kpi.parse_rule(text)
    again = kpi.parse_rule(str(rule))
    assert again == rule
    assert hash(again) == hash(rule)
    assert str(again) == canonical


@pytest.mark.parametrize(("text", "label", "canonical", "own"), LABELLED_TIERS)
def test_a_tier_that_names_its_band_reads_without_the_name(text: str, label: str, canonical: str, own: str) -> None:
    rule = kpi.parse_rule(text, label=label)
    assert (str(rule), rule.label) == (canonical, own)
    assert kpi.parse_rule(str(rule)) == rule


@pytest.mark.parametrize(
    ("text", "canonical", "metric", "base"),
    [
        # 土地增值税暂行条例 第七条: 增值额 as a share of 扣除项目金额 (the 的 is optional)
        ("增值额未超过扣除项目金额50%的部分，税率为30%", "增值额不超过扣除项目金额的50%", "增值额", "扣除项目金额"),
        (
            "增值额超过扣除项目金额50%、未超过扣除项目金额100%的部分，税率为40%",
            "增值额超过扣除项目金额的50%且不超过扣除项目金额的100%",
            "增值额",
            "扣除项目金额",
        ),
        ("增值额超过扣除项目金额200%", "增值额超过扣除项目金额的200%", "增值额", "扣除项目金额"),
        # a second bound with a word that cannot begin a name alone continues the share, too
        (
            "增值额超过扣除项目金额50%且低于扣除项目金额100%",
            "增值额超过扣除项目金额的50%且低于扣除项目金额的100%",
            "增值额",
            "扣除项目金额",
        ),
        # 各 (every item at least) and 任何一项 (some item below): the lowest item's share decides
        ("各一級評審項目得分不低于應得分的80%", "一级评审项目得分不低于应得分的80%", "一级评审项目得分", "应得分"),
        ("任何一項一級評審項目得分低于應得分的60%", "一级评审项目得分低于应得分的60%", "一级评审项目得分", "应得分"),
        (
            "評審得分90分以上(含),且各一級評審項目得分不低于應得分的80%",
            "评审得分≥90分且一级评审项目得分不低于应得分的80%",
            "一级评审项目得分",
            "应得分",
        ),
    ],
)
def test_a_value_after_a_comparator_and_a_base_is_a_share_of_the_base(
    text: str, canonical: str, metric: str, base: str
) -> None:
    rule = kpi.parse_rule(text)
    assert str(rule) == canonical
    assert kpi.parse_rule(canonical) == rule
    assert {(leaf.metric, getattr(leaf, "base", None)) for leaf in rule.condition.leaves()} >= {(metric, base)}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # a value in another unit than % is no share: 超过…5万元 may say by how much
        ("增值额超过扣除项目金额5万元", "inside, before a bare value"),
        # a bound on a share that names no metric, and follows none
        ("未超过扣除项目金额100%", "inside, before a bare value"),
        # 各 with an upper bound, 任一项 with a lower one: the highest item would decide
        ("各一级评审项目得分不超过应得分的80%", "the highest of the items"),
        ("任一项得分高于应得分的90%", "the highest of the items"),
        # a name that would not read back: 未 and the canonical 超过 of 高于 make 未超过
        ("X未高于B的50%", "inside, before a bare value"),
        # one metric as a share and as itself in one tier
        ("增值额超过扣除项目金额50%且增值额≤100%", "as a share of 扣除项目金额 and otherwise"),
        # a rate without 的: by 2 points, or 2% of it? (…增幅的2% is a share)
        ("实际增幅超过本省增幅2%", "inside, before a bare value"),
        ("增长率超过上年增长率10%", "inside, before a bare value"),
    ],
)
def test_a_share_that_cannot_be_read_is_refused(text: str, message: str) -> None:
    with pytest.raises(kpi.KpiSyntaxError, match=message):
        kpi.parse_rule(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # 后10名 counts from a last place no tier states
        ("后10名", "“后10名” counts from the last place, which the tiers do not state"),
        ("排名后3", "“排名后3名” counts from the last place"),
        ("排名前10%", "a rank is a place, counted in 名, not %"),
        ("第0名", "a rank is a whole number from 1, not 0"),
        ("前1-5名", "“前” takes one number, not a range"),
    ],
)
def test_a_rank_that_names_no_place_is_refused(text: str, message: str) -> None:
    with pytest.raises(kpi.KpiSyntaxError, match=re.escape(message)) as raised:
        kpi.parse_rule(text)
    assert raised.value.says("zh")


@pytest.mark.parametrize(
    ("text", "set_aside"),
    [
        ("第1-5名,奖励资金3520万元", ("奖励资金3520万元",)),
        (
            "考核位列前10名的光泽、德化、连城、大田、宁化、柘荣、长汀、武平、永春、寿宁,每县获得2950万元",
            ("每县获得2950万元",),
        ),
        ("其余13个实施县各获得1500万元。", ("13个实施县各获得1500万元",)),
        ("1-3名,7分", ()),
    ],
)
def test_the_award_a_band_earns_is_set_aside(text: str, set_aside: tuple[str, ...]) -> None:
    assert kpi.parse_rule(text).set_aside == set_aside


@pytest.mark.parametrize(
    "text",
    [
        # a verdict after no figure
        "得分属于优秀",
        # 造成 before a number in no unit: 一定 is no count
        "造成一定经济损失",
    ],
)
def test_a_consequence_or_verdict_is_cut_only_after_the_whole_condition(text: str) -> None:
    with pytest.raises(kpi.KpiSyntaxError):
        kpi.parse_rule(text)


@pytest.mark.parametrize(
    "text",
    [
        # a 、 joins the words of a name, never begins or ends one
        "、转移人员5万人以上",
        "疏散、5万人以上",
        "疏散、、转移人员5万人以上",
        # names a value holds for each of: several metrics, one value written
        "甲、乙两项指标均≥90%",
        "甲、乙均达到90%",
        "甲、乙分别不低于90%",
        # after a semicolon, only consequences with no figure, the first led by a causative, are set aside
        "得分90分以上;无重大失误",
        "死亡30人以上;造成10人重伤",
        "死亡30人以上;造成十人重伤的",
        "死亡30人以上;造成严重后果;得分90分以上",
        # a currency sign only before an amount in 元; 由 needs the range it starts
        "由$15,001至30,000",
        "$5",
        "由15001元",
        # a threat is the event only before what it calls for (需)
        "受地质灾害威胁,搬迁转移人数在1000人以上",
        # no clause is taken as met beside an alternative (或者…), nor one that refers to other text (前款),
        # nor when no clause of the condition has a figure (c-grsds-1, c-zhapian-2, c-xingfa-3)
        "在中国境内有住所，或者无住所而一个纳税年度内在中国境内居住累计满一百八十三天的个人，为居民个人",
        "实施前款规定行为，数量达到前款第（一）、（二）项规定标准十倍以上的",
        "法定最高刑为无期徒刑、死刑的，经过二十年",
        "达到90%以上的,但发生重大安全事故的,不得评为优秀",
        # before a clause that begins with its value, a clause without a figure may name the metric or the band
        "考核得分,90分以上的,为优秀",
        "A级,不低于90分的,加10分",
    ],
)
def test_near_misses_of_legal_prose_stay_refused(text: str) -> None:
    with pytest.raises(kpi.KpiSyntaxError):
        kpi.parse_rule(text)


@pytest.mark.parametrize(
    "text",
    [
        # words after a comparison's number that state a condition or name a metric are no band's name to drop
        "得分≥90没有扣分",
        "得分≥90无扣分",
        "得分≥90未扣分",
        "得分≥90无违纪",
        "得分≥90除外",
        "得分≥90合格率",
        # what follows …的为 is cut only when it is an amount, never another condition
        "得分90分以上的为优秀且扣分不超过5分",
        "满意度90%以上者为投诉率低于5%",
        "工作年限5年以上的为工龄10年以下",
        "工龄5年以上的为5年以上",
        # a clause after …的 that begins with 且 or 或 is another condition, no consequence to set aside
        "工作年限10年以上的，且年龄不满50岁",
        "工作年限10年以上的，或年龄不满50岁",
        "工龄5年以上的为三个月,且考核合格",
        # a rank's name comes before it and neither compares nor negates the place: 低于第10名 read rank 10
        "低于第10名",
        "排名低于第10名",
        "排名不低于第10名",
        "排名优于第10名",
        "未进入前10名",
        "不在前10名",
        "前10名以后",
        "第10名及以后",
        "前10名之外",
        "前10名除外",
        # a negated verdict says what the band is not: never its label, a verdict, or the thing described
        "得分60分以下的不评为优秀",
        "得分60分以下的不属于优秀",
        "得分90分以上的且合格",
        "得分90分以上的没有扣分",
        # 半 is a figure (过半: more than half): a clause with it is never taken as met
        "得分90分以上,合格率过半的",
        "过半数同意,得分90分以上的",
        # after a rank, 的 names who holds the places, never a negation, an exception or another condition
        "前10名的除外",
        "前10名的不予奖励",
        "前10名的且得分高",
        "前10名的没有扣分",
        "得分90分以上的除外",
        # a negation of having begins no name: 无扣分超过5分 is no metric 无扣分 above 5 (8分 earned the first band)
        "没有扣分超过5分",
        "无扣分超过5分",
        "未扣分超过5分",
        # words after 的 that name a metric are no thing the clause describes: two metrics, or the metric named
        # after its value (…90分以上的合格率 read 得分≥90分, 前10名的合格率 rank ≤ 10)
        "得分90分以上的合格率",
        "90%以上的合格率",
        "第1-5名的扣分",
        "前10名的合格率",
        "每分鐘大于100次的心率",
        # a word after the value is dropped as a verdict only when it is a band's name: 很少 may be a condition
        "空气污染指数≤50很少",
        "空气污染指数≤50较多",
        # a rank's opening before a value that is no place is no metric's name (前10% read a metric 前 ≤ 10%)
        "前10%",
        "后10%",
        "得分前10%",
        "第3",
        # a clause of its own between the condition and its verdict is never read through (…,且无扣分的为优秀
        # read 得分≥90分; …,扣分的为良好 read ≥90分)
        "90分以上,但扣分的为良好",
        "90分以上,扣分的为良好",
        "90分以上,合格率高的为优秀",
        # a bracket that makes an exception or a condition is no note to drop (90分以上(扣分者除外) read ≥90分)
        "90分以上(扣分者除外)",
        "90分以上为优秀(扣分者除外)",
        "90分以上(有扣分的降一档)",
        "90分以上(不含扣分)",
        "90分以上(但须无投诉)",
        # what is done to the band after 的 is no thing the clause describes (…的降为良好 read ≥90分且扣分>5分)
        "90分以上,扣分超过5分的降为良好",
        "90分以上,扣分超过5分的降一档",
        "90分以上,扣分超过5分的扣10分",
    ],
)
def test_words_after_a_condition_that_hold_another_are_never_dropped(text: str) -> None:
    with pytest.raises(kpi.KpiSyntaxError):
        kpi.parse_rule(text)


@pytest.mark.parametrize("verb", ["不得评为", "不评为", "不能评为", "不予评为", "不定为"])
def test_a_negated_verdict_never_names_the_band(verb: str) -> None:
    # 得分90分以上,扣分者不得评为A级 was read as naming A级, its exception dropped without a note
    with pytest.raises(kpi.KpiSyntaxError):
        kpi.Criteria.parse(
            [f"得分90分以上,扣分者{verb}A级", "得分70-89分", "得分70分以下"], labels=["A级", "B级", "C级"]
        )


@pytest.mark.parametrize(
    ("own", "given", "same"),
    [
        ("优等", "優等", True),
        ("A级", "A级信用", True),
        ("優(yōu)秀", "优秀", True),
        ("优", "优良", False),
        ("良", "优", False),
    ],
)
def test_a_clause_names_the_callers_band_in_its_own_spelling(own: str, given: str, same: bool) -> None:
    assert same_band(own, given) is same


@pytest.mark.parametrize(
    "text",
    [
        "正常值不得超出5%",  # a negation before the comparator: never read through
        "正常值约低于5.2",  # about: a hedge that moves the bound
        "正常值接近5.2",
        "正常值应当5.2左右",
        "“三公经费”不得超出5%",  # a negation after a quoted name is still a negation
        "响应≤30分钟",  # a word that ends in a hedge (响应, 所需) is no hedge
        "响应不超过30分钟",
        "所需≤3天",
        "处理时限无需超过5天",  # need not: no condition
        "处理时限无须超过5天",
        "收缩压不持续超过140",  # 持续 is a hedge only after no negation
        "没有满分",  # only a deduction's absence (没有扣分, 无扣分) is a figure
        "没有完成",
        "无违纪行为",
    ],
)
def test_a_negation_or_an_approximation_before_the_comparator_is_refused(text: str) -> None:
    with pytest.raises(kpi.KpiSyntaxError):
        kpi.parse_rule(text)


@pytest.mark.parametrize(
    "tiers",
    [
        # they share 压 alone before the 水平 or 值 both end in: two metrics
        ["收缩压水平≥140", "舒张压水平≥90", "其余"],
        ["收缩压值≥140", "舒张压值≥90", "其余"],
    ],
)
def test_names_that_differ_beyond_a_trailing_value_word_are_two_metrics(tiers: list[str]) -> None:
    criteria = kpi.Criteria.parse(tiers)
    assert len(criteria.metrics) == 2
    with pytest.raises(kpi.OutcomeError):
        criteria.grade(8)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # names joined before 均, 都 or 皆 are each bound alike: no metric 甲和乙均
        ("合格率和及时率均≥90%", "合格率≥90%且及时率≥90%"),
        ("收缩压与舒张压均不低于100", "收缩压≥100且舒张压≥100"),
        ("甲和乙都达到90%以上", "甲≥90%且乙≥90%"),
        ("甲及乙皆低于5人", "甲<5人且乙<5人"),
        ("甲和乙均90%以上且丙≥3", "甲≥90%且乙≥90%且丙≥3"),
        # 及 joins only as a word of its own, not as the first character of 及时 or 及格
        ("合格率及及时率均≥90%", "合格率≥90%且及时率≥90%"),
        ("合格率或及时率均≥90%", "合格率或及时率均≥90%"),
        # the count may stand between; 平均 and 人均 bind nothing; one of them (其中一项, 任一) is no bound on each
        ("甲和乙两项均≥90%", "甲≥90%且乙≥90%"),
        ("甲和乙平均≥90%", "甲和乙平均≥90%"),
        ("甲和乙其中一项均≥90%", "甲和乙其中一项均≥90%"),
        ("甲与乙中任一均≥90%", "甲与乙中任一均≥90%"),
        # without a joining word, 均 is part of the name
        ("人均≥5万元", "人均≥5万元"),
        ("平均值≥80分", "平均值≥80分"),
        ("合格率均≥90%", "合格率均≥90%"),
    ],
)
def test_names_joined_before_jun_bind_each_of_them(text: str, canonical: str) -> None:
    rule = kpi.parse_rule(text)
    assert str(rule) == canonical and kpi.parse_rule(str(rule)) == rule


def test_names_joined_before_jun_need_a_figure_each() -> None:
    criteria = kpi.Criteria.parse(["合格率和及时率均≥90%", "合格率和及时率均≥80%", "其余"])
    assert criteria.grade({"合格率": "95%", "及时率": "85%"}).label == "第2档"
    with pytest.raises(kpi.OutcomeError, match="several metrics"):
        criteria.grade("95%")  # a bare figure was graded as the metric 合格率和及时率均


def test_a_typo_of_a_comparator_word_before_the_value_is_noted() -> None:
    assert kpi.parse_rule("小于在5.18mmol/L").corrections == ("小于在5.18mmol/L → 小于5.18mmol/L",)


def test_a_one_character_label_joins_its_condition_only_by_a_joining_word() -> None:
    # 中 and 指数: no joiner 指 after a band's name unless 通常 or 一般 comes with it.
    assert str(kpi.parse_rule("中指数≥90", label="中")) == "中指数≥90"
    assert str(kpi.parse_rule("中通常指得分在60-79之间", label="中")) == "得分60-79"


@pytest.mark.parametrize("label", [None, "未完成", "生态保护目标"])
def test_a_long_verdict_names_the_band_only_when_it_is_the_callers_label(label: str | None) -> None:
    with pytest.raises(kpi.KpiSyntaxError):
        kpi.parse_rule("分数低于100分,视为未完成生态保护目标", label=label)


def test_a_label_that_only_ends_a_word_is_no_label() -> None:
    # 基本合格 is not the band 合格 named after the condition: two metric names, refused.
    with pytest.raises(kpi.KpiSyntaxError, match="two metric names"):
        kpi.parse_rule("合格率≥90%基本合格", label="合格")
    # A band word running on into a name is the name (a grade, A级得分…, runs on into its score only).
    assert (
        str(kpi.parse_rule("优秀得分90分以上", label="优秀")),
        kpi.parse_rule("A级得分率≥90%", label="A级").label,
    ) == (
        "优秀得分≥90分",
        None,
    )


@pytest.mark.parametrize("spellings", EQUAL_SPELLINGS, ids=lambda spellings: spellings[0])
def test_spellings_of_one_condition_are_equal_rules(spellings: tuple[str, ...]) -> None:
    rules = [kpi.parse_rule(text) for text in spellings]
    assert len({str(rule) for rule in rules}) == 1
    assert len(set(rules)) == 1
    assert [rule.text for rule in rules] == list(spellings)


@pytest.mark.parametrize(("text", "message"), INVALID_TIERS)
def test_error_message_shows_text_position_and_caret(text: str, message: str) -> None:
    with pytest.raises(kpi.KpiSyntaxError) as caught:
        kpi.parse_rule(text)
    assert str(caught.value) == message
    assert caught.value.text == text
    assert isinstance(caught.value, ValueError)
    # No Lark exception leaks, not even as the cause shown in a traceback.
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None or caught.value.__suppress_context__


def test_error_caret_counts_wide_characters_twice() -> None:
    with pytest.raises(kpi.KpiSyntaxError) as caught:
        kpi.parse_rule("按期结案率９０％以上为")
    error = caught.value
    assert error.position == 10
    lines = str(error).splitlines()
    assert lines[2].index("^") - 4 == kpi.errors.display_width("按期结案率９０％以上")


def test_error_for_overlong_text_names_the_limit() -> None:
    with pytest.raises(kpi.KpiSyntaxError, match="longer than 500 characters"):
        kpi.parse_rule("9" * 501 + "%")


def test_error_survives_pickling() -> None:
    with pytest.raises(kpi.KpiSyntaxError) as caught:
        kpi.parse_rule("≥")
    clone = pickle.loads(pickle.dumps(caught.value))
    assert str(clone) == str(caught.value)


def test_error_for_non_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        kpi.parse_rule(95)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "inclusive", "value", "matches"),
    [
        ("60%以下", None, "60%", True),
        ("60%以下", {"以下": False}, "60%", False),
        ("60%以下", {"以下": False}, "59.9%", True),
        ("90%以上", {"以上": False}, "90%", False),
        ("低于60%", {"低于": True}, "60%", True),
        ("60%以下(含)", {"以下": False}, "60%", True),
    ],
)
def test_inclusivity_of_a_word_can_be_overridden(text, inclusive, value, matches) -> None:
    assert kpi.parse_rule(text, inclusive=inclusive).matches(value) is matches


def test_error_for_overriding_an_unknown_word() -> None:
    with pytest.raises(ValueError, match="'左右' is not a comparator word kpi knows"):
        kpi.parse_rule("60%以下", inclusive={"左右": True})


@pytest.mark.parametrize(
    ("text", "value", "matches"),
    [
        ("设备完好率<90%且≥80%", "85%", True),
        ("设备完好率<90%且≥80%", "90%", False),
        ("设备完好率<90%且≥80%", 80, True),
        ("≤24小时", "1天", True),
        ("≤24小时", "1.5天", False),
        ("≥3万人", "3万人", True),
        ("≥3万人", 29999, False),
        ("负增长", "-0.5", True),
        ("负增长", "0%", False),
        ("负增长", 0, False),
        ("其余", 12345, True),
        ("低于10%或高于90%", 95, True),
        ("低于10%或高于90%", 50, False),
        ("95%", 96, True),
        ("95%", 94, False),
    ],
)
def test_rule_matches_outcomes(text: str, value: object, matches: bool) -> None:
    rule = kpi.parse_rule(text)
    assert rule.matches(value) is matches
    assert (value in rule) is matches


@pytest.mark.parametrize(
    ("outcome", "matches"),
    [
        ({"死亡": "35人"}, True),  # one alternative holds: yes, whatever the other
        ({"死亡": "5人", "重伤": "3人"}, False),
        ({"死亡": "5人", "重伤": "120人"}, True),
    ],
)
def test_an_alternative_rule_answers_when_its_figures_settle_it(outcome: dict[str, str], matches: bool) -> None:
    assert kpi.parse_rule("造成30人以上死亡，或者100人以上重伤").matches(outcome) is matches


def test_an_alternative_rule_refuses_a_no_it_cannot_know() -> None:
    """死亡 5人 alone fails one alternative; 重伤 may meet the other: "no" would be a guess."""
    with pytest.raises(kpi.OutcomeError, match="no outcome for metric 重伤"):
        kpi.parse_rule("造成30人以上死亡，或者100人以上重伤").matches({"死亡": "5人"})


def test_bare_value_follows_the_direction_it_is_read_in() -> None:
    rule = kpi.parse_rule("0%")
    assert rule.matches(3)
    assert not rule.matches(3, direction=Direction.LOWER_IS_BETTER)
    assert rule.matches(0, direction=Direction.NON_MONOTONE)


def test_rule_with_several_metrics_needs_a_mapping() -> None:
    rule = kpi.parse_rule("非法访问系统数量为0，病毒木马感染率为0")
    assert rule.metrics == ("非法访问系统数量", "病毒木马感染率")
    assert rule.matches({"非法访问系统数量": 0, "病毒木马感染率": "0%"})
    assert not rule.matches({"非法访问系统数量": 1, "病毒木马感染率": "0%"})
    with pytest.raises(kpi.OutcomeError, match="give a mapping"):
        rule.matches(0)
    with pytest.raises(kpi.OutcomeError, match="no outcome for metric 病毒木马感染率"):
        rule.matches({"非法访问系统数量": 0})


def test_rule_is_a_frozen_slotted_value_with_an_unambiguous_repr() -> None:
    rule = kpi.parse_rule("设备完好率<90%且≥80%")
    assert repr(rule) == "<Rule('设备完好率≥80%且<90%')>"
    assert attrs.has(type(rule)) and attrs.has(type(rule.condition))
    assert not hasattr(rule, "__dict__") and not hasattr(rule.condition, "__dict__")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rule.text = "x"  # type: ignore[misc]


def test_metric_names_that_would_split_are_quoted() -> None:
    comparison = kpi.Comparison(kpi.parse_rule("≤3").condition.interval, None, "负增长率")  # type: ignore[attr-defined]
    rule = kpi.Rule(comparison)
    assert str(rule) == "“负增长率”≤3"
    assert kpi.parse_rule(str(rule)) == rule
