package org.tongban.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tongban.consultation.internal.LawTexts;

/** The law files split by article: numbers both ways, paragraphs kept with their article, chapters named. */
class LawTextsTests {

  @Test
  void chineseNumeralsBothWays() {
    for (int n = 1; n <= 400; n++) assertThat(LawTexts.chineseNumber(LawTexts.toChinese(n))).as("%d", n).isEqualTo(n);
    assertThat(LawTexts.toChinese(10)).isEqualTo("十");
    assertThat(LawTexts.toChinese(46)).isEqualTo("四十六");
    assertThat(LawTexts.toChinese(103)).isEqualTo("一百零三");
    assertThat(LawTexts.toChinese(110)).isEqualTo("一百一十");
    assertThat(LawTexts.chineseNumber("一百零七")).isEqualTo(107);
  }

  @Test
  void anArticleRunsToTheNextWithItsParagraphsAndItsChapter() {
    var text = """
        # 中华人民共和国示例法

        2010年10月28日 通过

        <!-- INFO END -->

        ## 第一章 总则

        第一条 为了示例，制定本法。

        第二条 第一款。

        第二款。

        ## 第二章 待遇

        第十二条 待遇条款。
        """;
    var articles = LawTexts.parse("示例法(2018-12-29).txt", text);
    assertThat(articles).extracting(Passage::label).containsExactly("第一条", "第二条", "第十二条");
    assertThat(articles.get(1).text()).isEqualTo("第一款。\n第二款。");
    assertThat(articles.get(1).chapter()).isEqualTo("第一章 总则");
    assertThat(articles.get(2).chapter()).isEqualTo("第二章 待遇");
    assertThat(articles.get(2).source()).isEqualTo("中华人民共和国示例法");
    assertThat(articles.get(2).date()).isEqualTo("2018-12-29");
    assertThat(articles.get(2).id()).isEqualTo("示例法#12");
  }

  @Test
  void theSharedLawsGiveTheirThirteenHundredAndSeventyEightArticles() {
    var laws = LawTexts.read(Path.of("../../shared/data/policy_texts/laws"));
    assertThat(laws).hasSize(1378);
    assertThat(laws).filteredOn(p -> p.id().equals("社会保险法#46")).singleElement()
        .satisfies(p -> {
          assertThat(p.source()).isEqualTo("中华人民共和国社会保险法");
          assertThat(p.text()).startsWith("失业人员失业前用人单位和本人累计缴费满一年不足五年的");
        });
    assertThat(LawTexts.read(Path.of("no-such-folder"))).isEmpty();
  }
}
