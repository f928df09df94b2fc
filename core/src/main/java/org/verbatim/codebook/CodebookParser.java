package org.verbatim.codebook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.verbatim.Polarity;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns composed YAML nodes into a {@link Codebook}, collecting every problem with its line and field path.
 * One instance per file; not thread-safe.
 */
final class CodebookParser {

  private static final List<String> TOP_KEYS =
      List.of("format", "id", "name", "version", "language", "description", "sources", "themes", "ignore");
  private static final List<String> TOP_REQUIRED = List.of("format", "id", "name", "version", "language", "themes");
  private static final List<String> THEME_KEYS =
      List.of("id", "name", "definition", "includes", "excludes", "sources", "cues", "examples");
  private static final List<String> THEME_REQUIRED = List.of("id", "name", "definition", "cues");
  private static final List<String> SOURCE_KEYS = List.of("id", "citation");
  private static final List<String> CUE_KEYS = List.of("pattern", "polarity", "weight");
  private static final List<String> EXAMPLE_KEYS = List.of("text", "polarity");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final double MAX_WEIGHT = 10.0;

  private final String file;
  private final List<CodebookException.Problem> problems = new ArrayList<>();

  CodebookParser(String file) {
    this.file = file;
  }

  /** A mapping's values by key, with the key nodes for line numbers. */
  private record Fields(Map<String, Node> values, Map<String, Node> keys, int line) {
    Node get(String key) {
      return values.get(key);
    }

    int lineOf(String key) {
      Node k = keys.get(key);
      return k == null ? line : CodebookParser.line(k);
    }
  }

  Codebook parse(Node root) throws CodebookException {
    Codebook result = null;
    if (root == null) {
      problem(1, "", "the file is empty; expected a mapping starting with 'format: " + CodebookLoader.FORMAT + "'");
    } else if (!(root instanceof MappingNode)) {
      problem(line(root), "", "expected a mapping of keys (format, id, name, ...), got " + kind(root));
    } else {
      result = codebook((MappingNode) root);
    }
    if (!problems.isEmpty()) {
      List<CodebookException.Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparingInt(CodebookException.Problem::line));
      throw new CodebookException(sorted);
    }
    return result;
  }

  private Codebook codebook(MappingNode root) {
    Fields f = fields(root, "", TOP_KEYS, TOP_REQUIRED);
    Node format = f.get("format");
    if (format != null) {
      String v = string(format, "format");
      if (v != null && !v.equals(CodebookLoader.FORMAT)) {
        problem(line(format), "format", "unsupported format '" + v + "'; expected exactly '" + CodebookLoader.FORMAT + "'");
      }
    }
    String id = requiredString(f, "id", "id");
    if (id != null && !Theme.ID.matcher(id).matches()) {
      problem(f.lineOf("id"), "id", "codebook id must match " + Theme.ID.pattern() + " (lower case letters, digits, '_', '-'), got '" + id + "'");
    }
    String name = requiredString(f, "name", "name");
    String version = requiredString(f, "version", "version");
    String language = requiredString(f, "language", "language");
    if (language != null && !LANGUAGE.matcher(language).matches()) {
      problem(line(f.get("language")), "language", "expected a two-letter ISO 639-1 code in lower case, e.g. 'en', got '" + language + "'");
    }
    String description = "";
    if (f.get("description") != null) {
      String d = string(f.get("description"), "description");
      description = d == null ? "" : d;
    }
    Map<String, Integer> sourceLines = new LinkedHashMap<>();
    List<Source> sources = new ArrayList<>();
    Node sourcesNode = f.get("sources");
    if (sourcesNode != null) {
      List<Node> items = sequence(sourcesNode, "sources");
      for (int i = 0; items != null && i < items.size(); i++) {
        Source s = source(items.get(i), "sources[" + i + "]", sourceLines);
        if (s != null) {
          sources.add(s);
        }
      }
    }
    List<Theme> themes = new ArrayList<>();
    Node themesNode = f.get("themes");
    if (themesNode != null) {
      List<Node> items = sequence(themesNode, "themes");
      if (items != null && items.isEmpty()) {
        problem(line(themesNode), "themes", "the theme list is empty; expected at least one theme");
      }
      Map<String, Integer> themeLines = new HashMap<>();
      for (int i = 0; items != null && i < items.size(); i++) {
        Theme t = theme(items.get(i), "themes[" + i + "]", themeLines, sourceLines.keySet());
        if (t != null) {
          themes.add(t);
        }
      }
    }
    List<CuePattern> ignore = ignore(f.get("ignore"), "ignore");
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return new Codebook(id, name, version, language, description, themes, sources, ignore);
    } catch (IllegalArgumentException e) {
      problem(line(root), "", e.getMessage());
      return null;
    }
  }

  private Source source(Node node, String path, Map<String, Integer> seen) {
    MappingNode m = mapping(node, path, "a mapping with keys id and citation");
    if (m == null) {
      return null;
    }
    Fields f = fields(m, path, SOURCE_KEYS, SOURCE_KEYS);
    String id = requiredString(f, "id", path + ".id");
    String citation = requiredString(f, "citation", path + ".citation");
    if (id != null) {
      int at = f.lineOf("id");
      if (!Theme.ID.matcher(id).matches()) {
        problem(at, path + ".id", "source id must match " + Theme.ID.pattern() + " (lower case letters, digits, '_', '-'), got '" + id + "'");
      }
      Integer first = seen.putIfAbsent(id, at);
      if (first != null) {
        problem(at, path + ".id", "duplicate source id '" + id + "' (first defined at line " + first + ")");
      }
    }
    return id == null || citation == null ? null : new Source(id, citation);
  }

  private Theme theme(Node node, String path, Map<String, Integer> seen, Set<String> sourceIds) {
    MappingNode m = mapping(node, path, "a mapping with keys " + String.join(", ", THEME_KEYS));
    if (m == null) {
      return null;
    }
    int before = problems.size();
    Fields f = fields(m, path, THEME_KEYS, THEME_REQUIRED);
    String id = requiredString(f, "id", path + ".id");
    if (id != null) {
      int at = f.lineOf("id");
      if (!Theme.ID.matcher(id).matches()) {
        problem(at, path + ".id", "theme id must match " + Theme.ID.pattern() + " (lower case letters, digits, '_', '-'), got '" + id + "'");
      }
      Integer first = seen.putIfAbsent(id, at);
      if (first != null) {
        problem(at, path + ".id", "duplicate theme id '" + id + "' (first defined at line " + first + ")");
      }
    }
    String name = requiredString(f, "name", path + ".name");
    String definition = requiredString(f, "definition", path + ".definition");
    List<String> includes = stringList(f.get("includes"), path + ".includes");
    List<String> excludes = stringList(f.get("excludes"), path + ".excludes");
    List<String> sources = stringList(f.get("sources"), path + ".sources");
    Node sourcesNode = f.get("sources");
    if (sourcesNode instanceof SequenceNode) {
      List<Node> items = ((SequenceNode) sourcesNode).getValue();
      Set<String> cited = new LinkedHashSet<>();
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof ScalarNode) {
          String s = ((ScalarNode) items.get(i)).getValue().strip();
          if (s.isEmpty()) {
            continue;
          }
          if (!sourceIds.contains(s)) {
            problem(line(items.get(i)), path + ".sources[" + i + "]",
                "cites unknown source '" + s + "'; known source ids: " + (sourceIds.isEmpty() ? "(none: add a top-level 'sources' list)" : String.join(", ", sourceIds)));
          } else if (!cited.add(s)) {
            problem(line(items.get(i)), path + ".sources[" + i + "]", "source '" + s + "' is cited twice");
          }
        }
      }
    }
    List<Cue> cues = cues(f.get("cues"), path + ".cues");
    List<Example> examples = examples(f.get("examples"), path + ".examples");
    if (problems.size() > before) {
      return null;
    }
    return new Theme(id, name, definition, includes, excludes, cues, examples, sources);
  }

  private List<Cue> cues(Node node, String path) {
    List<Cue> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    List<Node> items = sequence(node, path);
    if (items == null) {
      return out;
    }
    if (items.isEmpty()) {
      problem(line(node), path, "the cue list is empty; expected at least one cue pattern");
    }
    Map<List<CuePattern.Element>, String> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String at = path + "[" + i + "]";
      Node item = items.get(i);
      Node patternNode;
      String patternPath;
      Polarity polarity = null;
      double weight = 1.0;
      if (item instanceof ScalarNode) {
        patternNode = item;
        patternPath = at;
      } else if (item instanceof MappingNode) {
        Fields f = fields((MappingNode) item, at, CUE_KEYS, List.of("pattern"));
        patternNode = f.get("pattern");
        patternPath = at + ".pattern";
        Node p = f.get("polarity");
        if (p != null) {
          String v = string(p, at + ".polarity");
          if (v != null) {
            if (v.strip().equalsIgnoreCase("positive")) {
              polarity = Polarity.POSITIVE;
            } else if (v.strip().equalsIgnoreCase("negative")) {
              polarity = Polarity.NEGATIVE;
            } else {
              problem(line(p), at + ".polarity",
                  "a cue's polarity must be 'positive' or 'negative' (leave it out to take polarity from context), got '" + v + "'");
            }
          }
        }
        Node w = f.get("weight");
        if (w != null) {
          weight = weight(w, at + ".weight");
        }
        if (patternNode == null) {
          continue;
        }
      } else {
        problem(line(item), at, "expected a cue pattern (text) or a mapping with keys " + String.join(", ", CUE_KEYS) + ", got " + kind(item));
        continue;
      }
      String source = string(patternNode, patternPath);
      if (source == null) {
        continue;
      }
      if (source.isBlank()) {
        problem(line(patternNode), patternPath, "cue pattern is empty");
        continue;
      }
      CuePattern pattern;
      try {
        pattern = CuePattern.parse(source);
      } catch (IllegalArgumentException e) {
        problem(line(patternNode), patternPath, e.getMessage());
        continue;
      }
      String unmatchable = unmatchable(pattern);
      if (unmatchable != null) {
        problem(line(patternNode), patternPath, unmatchable);
        continue;
      }
      String firstAt = seen.putIfAbsent(pattern.elements(), at + " at line " + line(patternNode));
      if (firstAt != null) {
        problem(line(patternNode), patternPath, "duplicate cue pattern '" + source.strip() + "' in this theme (same as " + firstAt + ")");
        continue;
      }
      if (weight > 0) {
        out.add(new Cue(pattern, polarity, weight));
      }
    }
    return out;
  }

  /** The top-level ignore patterns: text patterns checked like cue patterns, no duplicates. */
  private List<CuePattern> ignore(Node node, String path) {
    List<CuePattern> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    List<Node> items = sequence(node, path);
    Map<List<CuePattern.Element>, String> seen = new HashMap<>();
    for (int i = 0; items != null && i < items.size(); i++) {
      String at = path + "[" + i + "]";
      Node item = items.get(i);
      if (!(item instanceof ScalarNode)) {
        problem(line(item), at, "expected a pattern (text), got " + kind(item));
        continue;
      }
      String source = string(item, at);
      if (source == null || source.isBlank()) {
        problem(line(item), at, "ignore pattern is empty");
        continue;
      }
      CuePattern pattern;
      try {
        pattern = CuePattern.parse(source);
      } catch (IllegalArgumentException e) {
        problem(line(item), at, e.getMessage());
        continue;
      }
      String unmatchable = unmatchable(pattern);
      if (unmatchable != null) {
        problem(line(item), at, unmatchable);
        continue;
      }
      String firstAt = seen.putIfAbsent(pattern.elements(), at + " at line " + line(item));
      if (firstAt != null) {
        problem(line(item), at, "duplicate ignore pattern '" + source.strip() + "' (same as " + firstAt + ")");
        continue;
      }
      out.add(pattern);
    }
    return out;
  }

  /**
   * Negated auxiliaries typed without an apostrophe. The pipeline splits them like {@code didn't} (stem plus
   * {@code not}), so a pattern word spelled this way never equals a token.
   */
  private static final Set<String> JOINED_NEGATIONS = Set.of(
      "didnt", "dont", "doesnt", "isnt", "wasnt", "arent", "werent", "cant", "cannot", "wont", "couldnt", "wouldnt",
      "shouldnt", "havent", "hasnt", "hadnt", "aint", "mustnt", "neednt", "shant", "mightnt");

  /**
   * Why a pattern can never match the pipeline's tokens, or null. The pipeline splits negative contractions
   * ({@code didn't} and {@code didnt} become {@code did} + {@code not}) and keeps hyphens as tokens of their own
   * ({@code follow-up} becomes {@code follow - up}), so a pattern word spelled either way equals no token.
   */
  private static String unmatchable(CuePattern pattern) {
    for (CuePattern.Element e : pattern.elements()) {
      String v = e.value();
      if (e.kind() == CuePattern.Kind.WORD && ((v.length() > 3 && v.endsWith("n't")) || JOINED_NEGATIONS.contains(v))) {
        return "'" + v + "' can never match: the pipeline splits contractions, so write it as two words"
            + " ('did not' matches \"didn't\", \"didnt\" and \"did not\")";
      }
      if ((e.kind() == CuePattern.Kind.WORD || e.kind() == CuePattern.Kind.PREFIX) && hasInnerHyphen(v)) {
        return "'" + v + "' can never match: hyphens are tokens of their own, so put spaces around them ('"
            + v.replace("-", " - ") + "'), or use a gap ('" + v.replace("-", " ... ") + "')";
      }
    }
    return null;
  }

  private static boolean hasInnerHyphen(String v) {
    for (int i = 1; i < v.length() - 1; i++) {
      if (v.charAt(i) == '-' && v.charAt(i - 1) != '-' && v.charAt(i + 1) != '-') {
        return true;
      }
    }
    return false;
  }

  /** The weight, or -1 after reporting a problem. */
  private double weight(Node node, String path) {
    if (node instanceof ScalarNode) {
      ScalarNode s = (ScalarNode) node;
      if (Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag())) {
        try {
          double w = Double.parseDouble(s.getValue().replace("_", ""));
          if (w > 0 && w <= MAX_WEIGHT) {
            return w;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        problem(line(node), path, "weight must be a number greater than 0 and at most " + (int) MAX_WEIGHT + " (0.5 weak, 1 normal, 2 strong), got " + s.getValue());
        return -1;
      }
      problem(line(node), path, "weight must be a number greater than 0 and at most " + (int) MAX_WEIGHT + ", got '" + s.getValue() + "'");
      return -1;
    }
    problem(line(node), path, "weight must be a number, got " + kind(node));
    return -1;
  }

  private List<Example> examples(Node node, String path) {
    List<Example> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    List<Node> items = sequence(node, path);
    for (int i = 0; items != null && i < items.size(); i++) {
      String at = path + "[" + i + "]";
      MappingNode m = mapping(items.get(i), at, "a mapping with keys text and polarity");
      if (m == null) {
        continue;
      }
      Fields f = fields(m, at, EXAMPLE_KEYS, EXAMPLE_KEYS);
      String text = requiredString(f, "text", at + ".text");
      Polarity polarity = null;
      Node p = f.get("polarity");
      if (p != null) {
        String v = string(p, at + ".polarity");
        if (v != null) {
          try {
            polarity = Polarity.parse(v);
          } catch (IllegalArgumentException e) {
            problem(line(p), at + ".polarity", "an example's polarity must be one of positive, negative, mixed, neutral, got '" + v + "'");
          }
        }
      }
      if (text != null && polarity != null) {
        out.add(new Example(text, polarity));
      }
    }
    return out;
  }

  // ---- generic node helpers ----

  private Fields fields(MappingNode m, String path, List<String> allowed, List<String> required) {
    Map<String, Node> values = new LinkedHashMap<>();
    Map<String, Node> keys = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      if (!(k instanceof ScalarNode)) {
        problem(line(k), path, "keys must be plain words, got " + kind(k));
        continue;
      }
      String key = ((ScalarNode) k).getValue();
      String at = child(path, key);
      if (keys.containsKey(key)) {
        problem(line(k), at, "duplicate key '" + key + "' (first at line " + line(keys.get(key)) + ")");
        continue;
      }
      keys.put(key, k);
      if (!allowed.contains(key)) {
        String hint = suggest(key, allowed);
        problem(line(k), at, "unknown key '" + key + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)") + "; allowed keys: " + String.join(", ", allowed));
        continue;
      }
      values.put(key, t.getValueNode());
    }
    for (String r : required) {
      if (!keys.containsKey(r)) {
        problem(line(m), child(path, r), "missing required key '" + r + "'" + (path.isEmpty() ? "" : " in " + path));
      }
    }
    return new Fields(values, keys, line(m));
  }

  private String requiredString(Fields f, String key, String path) {
    Node n = f.get(key);
    if (n == null) {
      return null; // missing or unknown: already reported
    }
    String v = string(n, path);
    if (v != null && v.isBlank()) {
      problem(line(n), path, "is empty; expected text");
      return null;
    }
    return v == null ? null : v.strip();
  }

  /** The scalar's text, or null after reporting a type problem. A YAML null gives the empty string. */
  private String string(Node n, String path) {
    if (n instanceof ScalarNode) {
      ScalarNode s = (ScalarNode) n;
      return Tag.NULL.equals(s.getTag()) ? "" : s.getValue();
    }
    problem(line(n), path, "expected text, got " + kind(n));
    return null;
  }

  private List<String> stringList(Node node, String path) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    List<Node> items = sequence(node, path);
    for (int i = 0; items != null && i < items.size(); i++) {
      String at = path + "[" + i + "]";
      String v = string(items.get(i), at);
      if (v == null) {
        continue;
      }
      if (v.isBlank()) {
        problem(line(items.get(i)), at, "is empty; expected text");
        continue;
      }
      out.add(v.strip());
    }
    return out;
  }

  private List<Node> sequence(Node n, String path) {
    if (n instanceof SequenceNode) {
      return ((SequenceNode) n).getValue();
    }
    if (n instanceof ScalarNode && Tag.NULL.equals(n.getTag())) {
      problem(line(n), path, "is empty; expected a list");
      return null;
    }
    problem(line(n), path, "expected a list ('- item' lines or [a, b]), got " + kind(n));
    return null;
  }

  private MappingNode mapping(Node n, String path, String expected) {
    if (n instanceof MappingNode) {
      return (MappingNode) n;
    }
    problem(line(n), path, "expected " + expected + ", got " + kind(n));
    return null;
  }

  private static String kind(Node n) {
    if (n instanceof MappingNode) {
      return "a mapping";
    }
    if (n instanceof SequenceNode) {
      return "a list";
    }
    if (Tag.NULL.equals(n.getTag())) {
      return "nothing";
    }
    return "a single value";
  }

  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static int line(Node n) {
    return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }

  private void problem(int line, String field, String message) {
    problems.add(new CodebookException.Problem(file, line, field, message));
  }

  /** The allowed key closest to {@code key} (edit distance at most 2), or null. */
  static String suggest(String key, List<String> allowed) {
    String best = null;
    int bestDistance = 3;
    for (String a : allowed) {
      int d = distance(key.toLowerCase(Locale.ROOT), a);
      if (d < bestDistance) {
        bestDistance = d;
        best = a;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[b.length()];
  }
}
