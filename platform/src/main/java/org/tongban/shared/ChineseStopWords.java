package org.tongban.shared;

import java.util.List;

/**
 * Words of spoken Chinese that carry no subject in a question or a search — particles, pronouns, question words,
 * auxiliaries ("我想办社保卡了" is about 办 社保 卡). Left in, they match nearly every article and item and push the
 * right ones down; both the service search and the 12333 knowledge base drop them.
 */
public final class ChineseStopWords {

  private ChineseStopWords() {}

  public static final List<String> WORDS = List.of("的", "了", "吗", "呢", "吧", "啊", "呀", "哦", "嘛", "么", "是", "在",
      "有", "和", "与", "及", "或", "就", "都", "也", "还", "又", "才", "要", "会", "能", "可以", "可", "我", "我们", "你",
      "你们", "他", "她", "它", "他们", "自己", "这", "那", "这个", "那个", "什么", "怎么", "怎么办", "怎样", "如何", "为什么",
      "多少", "几", "哪", "哪里", "哪儿", "谁", "请问", "想", "问", "问问", "一下", "一个", "个", "让", "被", "把", "给",
      "对", "从", "到", "跟", "没", "没有", "不", "啥", "咋", "咋办", "咱", "俺", "该", "应该", "现在", "已经", "时候",
      "还是", "但是", "因为", "所以", "如果", "就是", "其", "之", "者", "等", "将", "应当", "以及", "或者", "并", "由");
}
