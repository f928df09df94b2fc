package org.verbatim.text;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link TextPipeline} built on Apache OpenNLP: sentences, tokens with exact character offsets, normalised
 * forms, contractions, negation scope, contrast markers and clauses, plus POS tags and lemmas in the
 * {@link Profile#FULL} profile.
 *
 * <pre>{@code
 * TextPipeline pipeline = OpenNlpPipeline.create(Profile.FAST);
 * AnalyzedText a = pipeline.analyze("She never once listened, but she was polite.");
 * a.tokens().get(3).negated();   // true: "listened" is in the scope of "never"
 * a.tokens().get(8).negated();   // false: "polite" is in the next clause, introduced by "but"
 * }</pre>
 *
 * <h2>Profiles</h2>
 * <ul>
 *   <li>{@link Profile#FAST}: OpenNLP's rule-based {@code SimpleTokenizer} with a repair pass (contractions,
 *       numbers, abbreviations, initialisms, URLs, e-mail addresses, emoji) and a rule-based sentence splitter.
 *       No statistical model is loaded; POS tags and lemmas are {@code null}. Chosen over the maxent sentence
 *       detector and tokenizer because it is many times faster with the same offsets and contraction handling
 *       (figures in the benchmarks module's {@code PipelineThroughput}).
 *   <li>{@link Profile#FULL}: OpenNLP's maxent sentence detector, tokenizer, POS tagger and lemmatizer with the
 *       English UD EWT models ({@code opennlp-models-*-en} 1.3.0). POS tags are Universal Dependencies UPOS tags
 *       ({@code NOUN}, {@code VERB}, {@code AUX}, {@code PART}, ...), the tag set the model was trained on.
 *       Lemmas are lower case; where the lemmatizer has none, the lower-cased token is used.
 * </ul>
 * Both profiles treat a line break as a sentence end, keep hyphens as separate tokens ({@code follow - up}), and
 * drop tokens made only of control or format characters or unpaired surrogates.
 *
 * <h2>Tokens and norms</h2>
 * {@code token.text().equals(text.substring(token.start(), token.end()))} always holds; tokens are non-empty, in
 * order and do not overlap. The norm is the lower-cased ({@code Locale.ROOT}) token with {@code ’ ‘ ʼ ´ `} folded
 * to {@code '} and {@code “ ” „} to {@code "}. Contractions are split in two tokens:
 * {@code didn't} → {@code did} + {@code n't} (norm {@code not}), {@code can't} → {@code ca} ({@code can}) +
 * {@code n't}, {@code won't} → {@code wo} ({@code will}) + {@code n't}, {@code I'm} → {@code I} + {@code 'm}
 * ({@code am}); likewise {@code 're} ({@code are}), {@code 've} ({@code have}), {@code 'll} ({@code will}),
 * {@code 'd} ({@code would}) and {@code 's} (kept as {@code 's}). Apostrophe-less negations typed in feedback are
 * split too: {@code didnt} → {@code did} + {@code nt} (norm {@code not}); likewise {@code dont doesnt isnt wasnt
 * arent werent cant wont couldnt wouldnt shouldnt havent hasnt hadnt aint mustnt neednt shant mightnt} (so the
 * rare nouns "cant" and "wont" read as negations). {@code cannot} → {@code can} + {@code not}.
 *
 * <h2>Negation</h2>
 * Cues (matched on norms after contractions are split; every token of a cue gets {@code negator = true}):
 * {@code not} (and so {@code n't}, {@code nt}, {@code cannot}), {@code no}, {@code never}, {@code nobody},
 * {@code no one}, {@code no-one}, {@code noone}, {@code nothing}, {@code none}, {@code nowhere}, {@code neither},
 * {@code nor}, {@code nope}, {@code without}, {@code hardly}, {@code barely}, {@code scarcely}, {@code rarely},
 * {@code seldom}, {@code lack}/{@code lacks}/{@code lacked}/{@code lacking}, {@code lack of}, {@code absence of},
 * {@code anything but}, {@code fail}/{@code fails}/{@code failed}/{@code failing to}, {@code unable to},
 * {@code refuse}/{@code refuses}/{@code refused}/{@code refusing to}, {@code neglected to}.
 * The scope is every non-punctuation token after the cue up to the end of its clause; tokens before the cue are
 * never marked. Idioms:
 * <ul>
 *   <li>no negation at all: {@code not only}, {@code not just}, {@code not merely}, {@code not to mention},
 *       {@code whether or not}, {@code no wonder}, {@code no matter}, {@code nothing but},
 *       {@code last but not least}; double negatives {@code never fail(s/ed/ing) to}, {@code not fail to};
 *       praise formulas {@code can't/couldn't (find) fault}, {@code can't wait},
 *       {@code nothing (was/is/seemed/ever) too much}, {@code couldn't have been / couldn't be / couldn't ask
 *       for} + a comparative ({@code better}, {@code more}, {@code worse}), and {@code can't/couldn't thank /
 *       praise / recommend / say / speak} when {@code enough} follows in the clause;
 *   <li>scope limited to the idiom: {@code no doubt}, {@code without (a) doubt}, {@code no problem(s)},
 *       {@code no issue(s)}, {@code no complaint(s)}, {@code no worries}, {@code no bother}, {@code no trouble}
 *       ("no problem with the staff": only "problem" is negated).
 * </ul>
 *
 * <h2>Contrast and clauses</h2>
 * Contrast markers ({@code contrast = true}): {@code but}, {@code although}, {@code though}, {@code even though},
 * {@code however}, {@code yet}, {@code whereas}, {@code while}, {@code whilst}, {@code despite},
 * {@code in spite of}, {@code except (for)}, {@code apart from}, {@code other than}, {@code on the other hand},
 * {@code nevertheless}, {@code nonetheless}, {@code albeit}, {@code having said that}, {@code on the contrary},
 * {@code even so}. A marker must be followed by a word (or a comma and a word) in its sentence. Exceptions:
 * {@code but also}, {@code all/nothing/anything/last but} are not contrast; {@code yet} only sentence-initially
 * or after {@code , ; and but}; {@code while}/{@code whilst} only after a comma or semicolon (otherwise they are
 * usually temporal); not {@code as though}; not {@code however long/much/...}.
 *
 * <p>Clauses split each sentence after {@code , ; :}, closing brackets, dashes ({@code – — --}, or {@code -} with a
 * space on either side) and sentence-final punctuation, before an opening bracket and before a contrast marker.
 * Closing punctuation, and any punctuation right after it, belongs to the clause it closes; a contrast marker starts the clause it introduces, which gets
 * {@code afterContrast = true}. A clause always holds at least one word unless its sentence has none: a comma right
 * after a leading marker ("However, the wait was long") does not end the clause.
 *
 * <h2>Threads, nulls, errors</h2>
 * Instances are immutable, thread-safe and cached per profile. The OpenNLP models are loaded once, lazily and
 * shared; the OpenNLP {@code *ME} classes are not thread-safe, so each thread uses its own through
 * {@link ThreadLocal}s (a thread that analysed with {@code FULL} keeps four small objects referencing the shared
 * models). {@link #analyze(String)} never throws for any non-null string: empty, white space, controls, emoji,
 * unpaired surrogates, very long texts, texts without letters. Do not call {@code
 * opennlp.tools.tokenize.SimpleTokenizer.INSTANCE.setKeepNewLines(true)} elsewhere: it is a global switch (the
 * offsets stay correct, but line-break handling would not).
 */
public final class OpenNlpPipeline implements TextPipeline {

  private static final Map<Profile, OpenNlpPipeline> CACHE = new ConcurrentHashMap<>();

  private final Profile profile;

  private OpenNlpPipeline(Profile profile) {
    this.profile = profile;
  }

  /**
   * The pipeline for a profile, created once and shared. For {@link Profile#FULL} the OpenNLP models are loaded
   * here, so a missing model fails now rather than on the first comment.
   *
   * @throws NullPointerException if {@code profile} is null
   * @throws IllegalStateException if a model jar needed by {@code FULL} is not on the class path
   * @throws java.io.UncheckedIOException if a model cannot be read
   */
  public static OpenNlpPipeline create(Profile profile) {
    Objects.requireNonNull(profile, "profile");
    if (profile == Profile.FULL) {
      OpenNlpModels.ensureLoaded();
    }
    return CACHE.computeIfAbsent(profile, OpenNlpPipeline::new);
  }

  @Override
  public AnalyzedText analyze(String text) {
    Objects.requireNonNull(text, "text");
    Analysis a = SCRATCH.get();
    analyze(text, Vocabulary.base(), a);
    return a.toAnalyzedText();
  }

  @Override
  public void analyze(String text, Vocabulary vocabulary, Analysis into) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(vocabulary, "vocabulary");
    char[] chars = text.toCharArray();
    SpanList spans = profile == Profile.FULL ? MaxentSegmenter.segment(text, true) : RuleSegmenter.segment(text, chars, into);
    into.annotate(text, chars, spans, profile, vocabulary);
  }

  /** Per-thread working storage of {@link #analyze(String)}. */
  private static final ThreadLocal<Analysis> SCRATCH = ThreadLocal.withInitial(Analysis::new);

  @Override
  public Profile profile() {
    return profile;
  }

  @Override
  public String toString() {
    return "OpenNlpPipeline[" + profile + "]";
  }
}
