package org.verbatim.text;

import java.util.Objects;

/**
 * The default {@link TextPipeline} ({@link Profile#FAST}), rule-based and without a statistical model: sentences,
 * tokens with exact character offsets, normalised forms, contractions, negation scope, contrast markers and
 * clauses. Its token boundaries are those of Apache OpenNLP's {@code SimpleTokenizer} (computed here without
 * OpenNLP) with a repair pass (contractions, numbers, abbreviations, initialisms, URLs, e-mail addresses, emoji),
 * and a rule-based sentence splitter; POS tags and lemmas are {@code null}. For POS tags and lemmas
 * ({@link Profile#FULL}, needed by {@code lemma:} cue patterns) use {@code org.verbatim.opennlp.OpenNlpPipeline}
 * from the {@code verbatim-opennlp} module, which applies the same rules after OpenNLP's maxent models
 * ({@link TextPipelines#full()}).
 *
 * <pre>{@code
 * TextPipeline pipeline = RulePipeline.create();
 * AnalyzedText a = pipeline.analyze("She never once listened, but she was polite.");
 * a.tokens().get(3).negated();   // true: "listened" is in the scope of "never"
 * a.tokens().get(8).negated();   // false: "polite" is in the next clause, introduced by "but"
 * }</pre>
 *
 * A line break ends a sentence; hyphens stay separate tokens ({@code follow - up}); tokens made only of control
 * or format characters or unpaired surrogates are dropped.
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
 * The one instance is immutable and thread-safe. {@link #analyze(String)} never throws for any non-null string:
 * empty, white space, controls, emoji, unpaired surrogates, very long texts, texts without letters. The
 * allocation-free form {@link #analyze(String, Vocabulary, Analysis)} fills a caller's {@link Analysis}.
 */
public final class RulePipeline implements TextPipeline {

  /** The id under which model files record this pipeline (kept from when it was OpenNLP's FAST profile). */
  public static final String ID = "opennlp-fast";

  private static final RulePipeline INSTANCE = new RulePipeline();

  /** Per-thread working storage of {@link #analyze(String)}. */
  private static final ThreadLocal<Analysis> SCRATCH = ThreadLocal.withInitial(Analysis::new);

  private RulePipeline() {}

  /** The pipeline (one shared instance). */
  public static RulePipeline create() {
    return INSTANCE;
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
    into.annotate(text, chars, RuleSegmenter.segment(text, chars, into), Profile.FAST, vocabulary);
  }

  @Override
  public Profile profile() {
    return Profile.FAST;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String toString() {
    return "RulePipeline[FAST]";
  }
}
