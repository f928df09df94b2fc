package org.verbatim.corenlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.logging.RedwoodConfiguration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.ejml.simple.SimpleMatrix;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.AnalyzedTextBuilder;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.TextPipelines;
import org.verbatim.text.Profile;
import org.verbatim.text.TextPipeline;
import org.verbatim.text.Token;

/**
 * A {@link TextPipeline} on Stanford CoreNLP 4.5.10: CoreNLP's tokenizer, sentence splitter, POS tagger and
 * lemmatizer, with negation scope narrowed by its neural dependency parser and, optionally, its sentence
 * sentiment. Norms, contractions, negation cues, contrast markers and clauses follow exactly the rules of
 * {@link RulePipeline} (through {@link AnalyzedTextBuilder}), so both backends agree on what a negator is.
 *
 * <pre>{@code
 * CoreNlpPipeline p = CoreNlpPipeline.create(Profile.FULL);     // dependency negation, no sentiment
 * AnalyzedText a = p.analyze("She did not listen to us and was rude.");
 * // "listen", "to", "us" are negated; "rude" is not: it has its own copula, outside the scope of "not"
 * ThemeClassifier c = CodebookClassifier.create(DefaultCodebooks.socialCare(), p);
 * }</pre>
 *
 * <h2>What CoreNLP adds</h2>
 * <ul>
 *   <li>{@link Options#dependencyNegation()}: a token stays negated only when it is both after the cue in its
 *       clause (the lexical rule) and governed by the cue in the basic Universal Dependencies parse (see
 *       {@link DependencyNegation}): "did not listen to us and was rude" leaves "rude" positive; "not always on
 *       time" and "no one listened" are negated as by the lexical rule.
 *   <li>{@link Options#sentiment()}: CoreNLP's recursive neural sentiment model gives each sentence a label from
 *       very negative to very positive ({@link #analyzeWithSentiment(String)}); it needs the PCFG constituency
 *       parser and is many times slower (figures in {@code docs/corenlp.md}). Sentences longer than
 *       {@value #MAX_PARSE_TOKENS} tokens (under 1% in NHS Friends and Family Test comments) are not parsed, the
 *       parser's cost growing with the cube of the length, and get no sentiment.
 *   <li>POS tags are CoreNLP's Penn Treebank tags mapped to Universal Dependencies UPOS tags (the tag set of
 *       {@link Token#pos()}), using the dependency relation where there is one; lemmas are CoreNLP's, lower-cased.
 * </ul>
 *
 * <h2>Tokens and offsets</h2>
 * Offsets come from CoreNLP's character offsets; {@link Token#text()} is always the slice of the original text
 * ({@code text.substring(start, end)}), never CoreNLP's normalised word (CoreNLP turns {@code "} into {@code ``}
 * and {@code (} into {@code -LRB-} in some settings). Line breaks end sentences, as in {@link RulePipeline}.
 * On plain sentences the tokens are those of {@link org.verbatim.opennlp.OpenNlpPipeline} ({@link Profile#FULL}); known differences:
 * CoreNLP keeps {@code 1/2} whole, splits {@code gonna} ({@code gon} + {@code na}), a number from its unit
 * ({@code 2} + {@code hrs}) and {@code N/A} at the slash. Two sentences run together without a space
 * ({@code attentive.very}) are split at the punctuation, as the {@link Profile#FAST} OpenNLP profile does.
 *
 * <h2>Bad input</h2>
 * CoreNLP sees a copy of the text, of the same length, in which unpaired surrogates and control characters other
 * than white space are replaced by spaces; characters its tokenizer cannot handle are dropped without a log line.
 * If CoreNLP still throws on a comment (a bug it has had on rare parses), the comment is analysed by
 * {@link RulePipeline} with the same profile instead (no sentiment) and {@link #fallbacks()} counts it; no
 * comment text is logged. So {@link #analyze(String)} never throws for a non-null string.
 *
 * <h2>Threads, memory, logging</h2>
 * Instances are immutable, thread-safe and cached per profile and options. The CoreNLP pipeline is built lazily,
 * once, on the first analysis (or on {@link #load()}) and shared by all threads: {@code StanfordCoreNLP.annotate}
 * is safe to call concurrently once built (CoreNLP's own {@code threads} mode and its server share one pipeline
 * across threads; the tests compare concurrent and sequential runs). Loading takes 5 to 15 seconds; the models keep
 * about 370 MB of heap with the default options (440 MB with sentiment; 100 MB with neither option). CoreNLP
 * logs through its Redwood logger; building a pipeline silences Redwood for the whole JVM
 * ({@code RedwoodConfiguration.current().clear().apply()}), because CoreNLP's warnings can quote the sentence.
 * Its models are Java-serialised files read from the {@code stanford-corenlp} models jar on the class path,
 * never from a user-supplied path.
 */
public final class CoreNlpPipeline implements TextPipeline {

  /**
   * What CoreNLP computes beyond tokens, POS tags and lemmas. Every combination is valid.
   *
   * <pre>{@code
   * CoreNlpPipeline.create(Profile.FULL, new CoreNlpPipeline.Options(true, true));   // both
   * }</pre>
   *
   * @param dependencyNegation narrow negation scope with the dependency parser (the {@code depparse} annotator)
   * @param sentiment compute sentence sentiment (the {@code parse} and {@code sentiment} annotators; slow)
   */
  public record Options(boolean dependencyNegation, boolean sentiment) {

    /** Dependency negation on, sentiment off. */
    public static final Options DEFAULT = new Options(true, false);
  }

  private record Key(Profile profile, Options options) {}

  private static final Map<Key, CoreNlpPipeline> CACHE = new ConcurrentHashMap<>();

  static final String TAGGER_MODEL = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
  static final String DEPPARSE_MODEL = "edu/stanford/nlp/models/parser/nndep/english_UD.gz";
  static final String PCFG_MODEL = "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz";
  static final String SENTIMENT_MODEL = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";

  /** Longest sentence, in tokens, given to the PCFG parser for sentiment; longer ones get no sentiment. */
  static final int MAX_PARSE_TOKENS = 50;

  private final Profile profile;
  private final Options options;
  private final String annotators;
  private final Object lock = new Object();
  private volatile StanfordCoreNLP nlp;
  private final LongAdder fallbacks = new LongAdder();

  private CoreNlpPipeline(Profile profile, Options options) {
    this.profile = profile;
    this.options = options;
    this.annotators = annotators(profile, options);
  }

  /**
   * The pipeline for a profile with {@link Options#DEFAULT} (dependency negation, no sentiment).
   *
   * @see #create(Profile, Options)
   */
  public static CoreNlpPipeline create(Profile profile) {
    return create(profile, Options.DEFAULT);
  }

  /**
   * The pipeline for a profile and options, created once and shared. Cheap: the CoreNLP models load on the first
   * analysis or on {@link #load()}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if a CoreNLP model these options need is not on the class path (add
   *     {@code edu.stanford.nlp:stanford-corenlp:4.5.10:jar:models})
   */
  public static CoreNlpPipeline create(Profile profile, Options options) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(options, "options");
    for (String model : models(profile, options)) {
      if (CoreNlpPipeline.class.getClassLoader().getResource(model) == null) {
        throw new IllegalStateException("CoreNLP model '" + model + "' is not on the class path; add the jar"
            + " edu.stanford.nlp:stanford-corenlp:4.5.10:jar:models (stanford-corenlp-4.5.10-models.jar)");
      }
    }
    return CACHE.computeIfAbsent(new Key(profile, options), k -> new CoreNlpPipeline(k.profile(), k.options()));
  }

  /** True when the CoreNLP models jar is on the class path (every option can be used). */
  public static boolean modelsAvailable() {
    for (String model : List.of(TAGGER_MODEL, DEPPARSE_MODEL, PCFG_MODEL, SENTIMENT_MODEL)) {
      if (CoreNlpPipeline.class.getClassLoader().getResource(model) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Builds the CoreNLP pipeline now if it is not built yet (otherwise the first analysis does), and returns this.
   *
   * @throws IllegalStateException if a model cannot be loaded
   */
  public CoreNlpPipeline load() {
    nlp();
    return this;
  }

  @Override
  public AnalyzedText analyze(String text) {
    return analyzeWithSentiment(text).text();
  }

  /**
   * Analyses one comment and returns its sentence sentiment too (an empty list unless {@link Options#sentiment()}).
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalStateException if the CoreNLP models cannot be loaded (on the first call)
   */
  public CoreNlpAnalysis analyzeWithSentiment(String text) {
    Objects.requireNonNull(text, "text");
    StanfordCoreNLP pipeline = nlp();
    try {
      return analyze(pipeline, text);
    } catch (RuntimeException | StackOverflowError e) {
      // CoreNLP failed on this comment; its message may quote the text, so it is neither logged nor kept
      fallbacks.increment();
      return new CoreNlpAnalysis(TextPipelines.of(profile).analyze(text), List.of());
    }
  }

  @Override
  public Profile profile() {
    return profile;
  }

  /** The options of this pipeline. */
  public Options options() {
    return options;
  }

  /** How many comments CoreNLP failed on and {@link RulePipeline} analysed instead, since this pipeline was created. */
  public long fallbacks() {
    return fallbacks.sum();
  }

  /** The CoreNLP annotators this pipeline runs, e.g. {@code tokenize,ssplit,pos,lemma,depparse}. */
  public String annotators() {
    return annotators;
  }

  @Override
  public String toString() {
    return "CoreNlpPipeline[" + profile + ", " + annotators + "]";
  }

  private StanfordCoreNLP nlp() {
    StanfordCoreNLP p = nlp;
    if (p == null) {
      synchronized (lock) {
        p = nlp;
        if (p == null) {
          RedwoodConfiguration.current().clear().apply();
          try {
            p = new StanfordCoreNLP(properties());
          } catch (RuntimeException e) {
            throw new IllegalStateException("cannot build the CoreNLP pipeline " + annotators, e);
          }
          nlp = p;
        }
      }
    }
    return p;
  }

  private Properties properties() {
    Properties props = new Properties();
    props.setProperty("annotators", annotators);
    props.setProperty("tokenize.language", "en");
    props.setProperty("tokenize.options", "untokenizable=noneDelete");
    props.setProperty("ssplit.newlineIsSentenceBreak", "always");
    if (options.sentiment()) {
      props.setProperty("parse.maxlen", Integer.toString(MAX_PARSE_TOKENS));
      props.setProperty("parse.buildgraphs", "false"); // the dependency graphs come from depparse
    }
    return props;
  }

  static String annotators(Profile profile, Options options) {
    List<String> a = new ArrayList<>(List.of("tokenize", "ssplit"));
    if (profile == Profile.FULL || options.dependencyNegation() || options.sentiment()) {
      a.add("pos");
    }
    if (profile == Profile.FULL) {
      a.add("lemma");
    }
    if (options.sentiment()) {
      a.add("parse");
      a.add("sentiment");
    }
    if (options.dependencyNegation()) {
      a.add("depparse");
    }
    return String.join(",", a);
  }

  private static List<String> models(Profile profile, Options options) {
    List<String> m = new ArrayList<>();
    if (profile == Profile.FULL || options.dependencyNegation() || options.sentiment()) {
      m.add(TAGGER_MODEL);
    }
    if (options.dependencyNegation()) {
      m.add(DEPPARSE_MODEL);
    }
    if (options.sentiment()) {
      m.add(PCFG_MODEL);
      m.add(SENTIMENT_MODEL);
    }
    return m;
  }

  private CoreNlpAnalysis analyze(StanfordCoreNLP pipeline, String text) {
    Annotation document = new Annotation(sanitize(text));
    pipeline.annotate(document);
    List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
    if (sentences == null) {
      sentences = List.of();
    }
    ParseIndex parse = new ParseIndex(sentences.size());
    AnalyzedTextBuilder builder = AnalyzedTextBuilder.create(text, profile);
    int lastEnd = 0;
    for (int s = 0; s < sentences.size(); s++) {
      CoreMap sentence = sentences.get(s);
      List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
      SemanticGraph graph = options.dependencyNegation()
          ? sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class) : null;
      parse.graphs.add(graph);
      if (labels == null) {
        continue;
      }
      String[] relations = graph == null ? null : relations(graph, labels.size());
      for (int k = 0; k < labels.size(); k++) {
        CoreLabel t = labels.get(k);
        int a = Math.max(Math.max(0, t.beginPosition()), lastEnd);
        int b = Math.min(text.length(), t.endPosition());
        if (b <= a) {
          continue;
        }
        lastEnd = b;
        IndexedWord node = graph == null ? null : graph.getNodeByIndexSafe(t.index());
        parse.add(a, b, s, node);
        int p = runTogether(text, a, b);
        if (p > 0) {
          // "attentive.very": two sentences typed without a space; split as RulePipeline does (untagged words)
          int q = p;
          while (isTerminal(text.charAt(q))) {
            q++;
          }
          builder.token(a, p, s, "X", null).token(p, q, s, "PUNCT", null).token(q, b, s, "X", null);
          continue;
        }
        if (profile == Profile.FULL) {
          String relation = relations == null || t.index() < 1 || t.index() >= relations.length ? null : relations[t.index()];
          builder.token(a, b, s, UposTags.of(t.tag(), t.lemma(), relation), t.lemma());
        } else {
          builder.token(a, b, s);
        }
      }
    }
    AnalyzedText analysed = builder.build();
    if (options.dependencyNegation()) {
      analysed = DependencyNegation.narrow(analysed, parse);
    }
    List<SentenceSentiment> sentiments = options.sentiment() ? sentiments(sentences, analysed) : List.of();
    return new CoreNlpAnalysis(analysed, sentiments);
  }

  /** The relation of each token (by 1-based index) to its head in a basic dependency graph; {@code root} for the root. */
  private static String[] relations(SemanticGraph graph, int size) {
    String[] rel = new String[size + 1];
    for (SemanticGraphEdge e : graph.edgeIterable()) {
      int i = e.getDependent().index();
      if (i >= 1 && i <= size) {
        rel[i] = DependencyNegation.relation(e);
      }
    }
    for (IndexedWord root : graph.getRoots()) {
      if (root.index() >= 1 && root.index() <= size) {
        rel[root.index()] = "root";
      }
    }
    return rel;
  }

  private static List<SentenceSentiment> sentiments(List<CoreMap> sentences, AnalyzedText analysed) {
    List<SentenceSentiment> out = new ArrayList<>();
    List<Token> tokens = analysed.tokens();
    int next = 0; // first analysed token not yet assigned to a CoreNLP sentence
    int lastSentence = -1;
    for (CoreMap sentence : sentences) {
      Integer end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      int first = next;
      while (next < tokens.size() && end != null && tokens.get(next).start() < end) {
        next++;
      }
      Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
      if (first == next || tree == null || labels == null || labels.size() > MAX_PARSE_TOKENS) {
        continue; // no token left after clean-up, or no parse (a sentence too long gets a flat stand-in tree)
      }
      int index = tokens.get(first).sentence();
      SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(tree);
      int label = RNNCoreAnnotations.getPredictedClass(tree);
      if (index == lastSentence || predictions == null || predictions.getNumElements() != SentenceSentiment.CLASSES
          || label < 0 || label >= SentenceSentiment.CLASSES) {
        continue;
      }
      List<Double> p = new ArrayList<>(SentenceSentiment.CLASSES);
      for (int i = 0; i < SentenceSentiment.CLASSES; i++) {
        p.add(Math.max(0, Math.min(1, predictions.get(i))));
      }
      out.add(new SentenceSentiment(index, label, p));
      lastSentence = index;
    }
    return out;
  }

  /**
   * Where to split a token made of two words joined by sentence-final punctuation ({@code attentive.very},
   * {@code poorly.The}, {@code quickly!They}): the offset of the punctuation, or -1. The first word must have at
   * least two letters, so initialisms ({@code e.g}, {@code a.m}) stay whole.
   */
  static int runTogether(String text, int a, int b) {
    int p = a;
    while (p < b && Character.isLetter(text.charAt(p))) {
      p++;
    }
    if (p - a < 2 || p >= b || !isTerminal(text.charAt(p))) {
      return -1;
    }
    int q = p;
    while (q < b && isTerminal(text.charAt(q))) {
      q++;
    }
    if (q == b) {
      return -1;
    }
    for (int k = q; k < b; k++) {
      if (!Character.isLetter(text.charAt(k))) {
        return -1;
      }
    }
    return p;
  }

  private static boolean isTerminal(char c) {
    return c == '.' || c == '!' || c == '?';
  }

  /**
   * A copy of {@code text} of the same length in which unpaired surrogates and control characters other than
   * white space are spaces, so CoreNLP's offsets are offsets into {@code text}.
   */
  static String sanitize(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean bad;
      if (Character.isHighSurrogate(c)) {
        bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        if (!bad) {
          i++;
          continue;
        }
      } else if (Character.isLowSurrogate(c)) {
        bad = true;
      } else {
        bad = Character.getType(c) == Character.CONTROL && !Character.isWhitespace(c) && c != '\u0085';
      }
      if (bad) {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = ' ';
      }
    }
    return chars == null ? text : new String(chars);
  }

  /** CoreNLP tokens by character offset, with their parse nodes. */
  private static final class ParseIndex implements DependencyNegation.Parse {
    private int size;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int[] sentenceOf = new int[32];
    private IndexedWord[] nodes = new IndexedWord[32];
    final List<SemanticGraph> graphs;

    ParseIndex(int sentences) {
      graphs = new ArrayList<>(sentences);
    }

    void add(int start, int end, int sentence, IndexedWord node) {
      if (size == starts.length) {
        int c = size * 2;
        starts = Arrays.copyOf(starts, c);
        ends = Arrays.copyOf(ends, c);
        sentenceOf = Arrays.copyOf(sentenceOf, c);
        nodes = Arrays.copyOf(nodes, c);
      }
      starts[size] = start;
      ends[size] = end;
      sentenceOf[size] = sentence;
      nodes[size] = node;
      size++;
    }

    private int find(int offset) {
      int i = Arrays.binarySearch(starts, 0, size, offset);
      if (i < 0) {
        i = -i - 2; // the last token starting before offset
      }
      return i >= 0 && offset < ends[i] ? i : -1;
    }

    @Override
    public IndexedWord node(int offset) {
      int i = find(offset);
      return i < 0 ? null : nodes[i];
    }

    @Override
    public SemanticGraph graph(int offset) {
      int i = find(offset);
      return i < 0 ? null : graphs.get(sentenceOf[i]);
    }
  }
}
