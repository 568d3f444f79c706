package org.tongban.consultation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.tongban.consultation.Passage;

/**
 * Splits law texts into articles. A file is named "简称(yyyy-MM-dd).txt" (the date of the version); its first line
 * "# 全称" gives the title; "## 第一章 总则" lines open chapters; a line beginning "第N条" opens an article, which runs
 * until the next one, its later paragraphs included.
 */
public final class LawTexts {

  private static final Pattern FILE = Pattern.compile("(.+)\\((\\d{4}-\\d{2}-\\d{2})\\)\\.txt");
  private static final Pattern ARTICLE = Pattern.compile("^第([零〇一二三四五六七八九十百千]+)条\\s*(.*)$");
  private static final Pattern CHAPTER = Pattern.compile("^#{2,}\\s*(第[零〇一二三四五六七八九十百]+[章节].*)$");

  private LawTexts() {}

  /** Every article of every law file in {@code dir}, files in name order; an empty list when there is no folder. */
  public static List<Passage> read(@Nullable Path dir) {
    if (dir == null || !Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      var result = new ArrayList<Passage>();
      for (Path file : files.filter(f -> FILE.matcher(f.getFileName().toString()).matches()).sorted().toList()) {
        result.addAll(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The articles of one file's text. */
  public static List<Passage> parse(String fileName, String text) {
    Matcher name = FILE.matcher(fileName);
    if (!name.matches()) throw new IllegalArgumentException("not a law file: " + fileName);
    String shortName = name.group(1);
    String date = name.group(2);
    String title = shortName;
    String chapter = null;
    var result = new ArrayList<Passage>();
    Integer number = null;
    var body = new StringBuilder();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.startsWith("# ") && result.isEmpty() && number == null) {
        title = line.substring(2).strip();
        continue;
      }
      Matcher c = CHAPTER.matcher(line);
      Matcher a = ARTICLE.matcher(line);
      if (c.matches() || a.matches()) {
        if (number != null) result.add(article(shortName, title, date, number, chapter, body));
        number = null;
        body.setLength(0);
      }
      if (c.matches()) {
        chapter = c.group(1).strip();
      } else if (a.matches()) {
        number = chineseNumber(a.group(1));
        body.append(a.group(2).strip());
      } else if (number != null && !line.isEmpty() && !line.startsWith("<!--")) {
        body.append('\n').append(line);
      }
    }
    if (number != null) result.add(article(shortName, title, date, number, chapter, body));
    return result;
  }

  private static Passage article(String shortName, String title, String date, int number, @Nullable String chapter,
                                 CharSequence body) {
    return new Passage(shortName + "#" + number, Passage.Kind.LAW, title, number, "第" + toChinese(number) + "条",
        chapter, body.toString().strip(), date, null);
  }

  /** 一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103, 一千二百 → 1200. */
  public static int chineseNumber(String text) {
    int total = 0;
    int digit = 0;
    for (char ch : text.toCharArray()) {
      int d = "零一二三四五六七八九".indexOf(ch);
      if (ch == '〇') d = 0;
      if (d >= 0) {
        digit = d;
        continue;
      }
      int unit = switch (ch) {
        case '十' -> 10;
        case '百' -> 100;
        case '千' -> 1000;
        default -> throw new IllegalArgumentException("not a Chinese number: " + text);
      };
      total += (digit == 0 ? 1 : digit) * unit;
      digit = 0;
    }
    return total + digit;
  }

  /** 46 → 四十六, 10 → 十, 103 → 一百零三, 110 → 一百一十. */
  public static String toChinese(int n) {
    if (n <= 0 || n >= 10_000) throw new IllegalArgumentException(String.valueOf(n));
    String digits = "零一二三四五六七八九";
    var out = new StringBuilder();
    int[] units = {1000, 100, 10, 1};
    String[] names = {"千", "百", "十", ""};
    boolean zero = false;
    for (int i = 0; i < units.length; i++) {
      int d = n / units[i] % 10;
      if (d == 0) {
        if (out.length() > 0) zero = true;
        continue;
      }
      if (zero) out.append('零');
      zero = false;
      if (!(d == 1 && units[i] == 10 && out.length() == 0)) out.append(digits.charAt(d));
      out.append(names[i]);
    }
    return out.toString();
  }
}
