package org.verbatim.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses and writes {@code ;}-joined label strings exactly as the peer scorer {@code metrics.py} does.
 *
 * <p>Parsing splits on {@code ;}, strips each name of surrounding white space (Python's definition of white
 * space, which includes U+00A0 and U+0085, unlike {@link String#strip()}), drops empty names and collapses
 * duplicates. Names are case-sensitive. Writing sorts the names by Unicode code point (Python's
 * {@code sorted} order) and joins them with {@code ;}.
 *
 * <pre>{@code
 * Set<String> s = LabelSets.parse(" respect ;listening;;respect ");   // [listening, respect]
 * LabelSets.join(s);                                                  // "listening;respect"
 * LabelSets.parse(null);                                              // []
 * // Do not split on ',' or lower-case: "Respect" and "respect" are two different labels.
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class LabelSets {

  /**
   * Orders strings by Unicode code point, as Python's {@code sorted} does for {@code str}. It differs from
   * {@link String#compareTo} only for characters outside the Basic Multilingual Plane.
   */
  public static final Comparator<String> CODE_POINT_ORDER = LabelSets::compareCodePoints;

  private LabelSets() {}

  /**
   * Parses one {@code labels} field.
   *
   * @param field the {@code ;}-joined names; {@code null} is read as an empty field
   * @return an unmodifiable set, iterated in code-point order
   */
  public static Set<String> parse(String field) {
    TreeSet<String> out = new TreeSet<>(CODE_POINT_ORDER);
    if (field == null) {
      return Collections.unmodifiableSet(out);
    }
    int from = 0;
    while (true) {
      int semi = field.indexOf(';', from);
      String part = pythonStrip(semi < 0 ? field.substring(from) : field.substring(from, semi));
      if (!part.isEmpty()) {
        out.add(part);
      }
      if (semi < 0) {
        break;
      }
      from = semi + 1;
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * Joins label names with {@code ;} in code-point order, like {@code metrics.join_labels}. No name is
   * checked or stripped; a name containing {@code ;} would not survive a round trip.
   *
   * @throws NullPointerException if {@code labels} or one of its names is null
   */
  public static String join(Collection<String> labels) {
    Objects.requireNonNull(labels, "labels");
    List<String> sorted = new ArrayList<>(labels.size());
    for (String l : labels) {
      sorted.add(Objects.requireNonNull(l, "label"));
    }
    sorted.sort(CODE_POINT_ORDER);
    return String.join(";", sorted);
  }

  /**
   * Removes leading and trailing white space as Python's {@code str.strip()} does: the characters for which
   * Python's {@code str.isspace()} is true (checked against CPython 3.11).
   *
   * @throws NullPointerException if {@code s} is null
   */
  public static String pythonStrip(String s) {
    Objects.requireNonNull(s, "s");
    int start = 0;
    int end = s.length();
    while (start < end && isPythonSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isPythonSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Python's {@code str.isspace()} for one character; every such character is in the BMP. */
  static boolean isPythonSpace(char c) {
    return (c >= 0x09 && c <= 0x0D)
        || (c >= 0x1C && c <= 0x20)
        || c == 0x85
        || c == 0xA0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000;
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
