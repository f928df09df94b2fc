package org.verbatim.corenlp;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.Clause;
import org.verbatim.text.Token;

/**
 * Narrows the lexical negation scope (the rest of the clause after a cue) to what the cue governs in CoreNLP's
 * basic Universal Dependencies parse. A token stays negated only when it is in the lexical scope of a cue AND in
 * that cue's dependency scope; the cues themselves ({@link Token#negator()}) are unchanged, so both backends agree
 * on which words negate.
 *
 * <h2>The dependency scope of a cue</h2>
 * For each word of the cue whose head lies outside the cue, the scope root is that head ("did not listen": the
 * root is {@code listen}; "no one listened": {@code no} hangs on {@code one}, inside the cue, and {@code one} on
 * {@code listened}); for a cue word that is the root of the sentence, the word itself. Two adjustments:
 * <ul>
 *   <li>a cue that modifies a subject ("No staff member listened": {@code no} is {@code det} of {@code member},
 *       the {@code nsubj} of {@code listened}), or a conjunct of one ("The paramedics and not one nurse
 *       showed any kindness"), scopes over the subject's predicate;
 *   <li>a cue that modifies an adverb which itself modifies something ("not very helpful" when {@code not}
 *       hangs on {@code very}) climbs to what the adverb modifies.
 * </ul>
 * The scope is the root and everything below it except the branches that start a new predication:
 * {@code parataxis}, {@code list}, {@code discourse}, {@code vocative}, {@code reparandum}, {@code advcl} (unless
 * introduced by "like": "don't feel like it helped" keeps "helped"), all with any subtype, and {@code conj} to a
 * conjunct with its own subject, auxiliary or copula, or a finite verb of its own ("did not listen and was rude":
 * {@code rude} is out; "did not listen or care" and "not kind or helpful": {@code care} and {@code helpful} are in).
 *
 * <p>Where the parse cannot be used (no graph for the sentence, a token that maps to no parse node, a cue and a
 * token in different CoreNLP sentences) the lexical scope is kept.
 *
 * <p>Stateless and thread-safe.
 */
final class DependencyNegation {

  private DependencyNegation() {}

  private static final Set<String> NEW_PREDICATION = Set.of(
      "parataxis", "list", "advcl", "discourse", "vocative", "reparandum");
  private static final Set<String> OWN_PREDICATION = Set.of("nsubj", "csubj", "aux", "cop", "expl");
  private static final Set<String> SUBJECT = Set.of("nsubj", "csubj", "expl");
  private static final Set<String> FINITE = Set.of("VBD", "VBZ", "VBP", "MD");
  private static final Set<String> NOMINAL_MODIFIER = Set.of("det", "amod", "nummod", "advmod");

  /** The CoreNLP parse a narrowing works from: node lookup by character offset. */
  interface Parse {

    /** The parse node of the CoreNLP token that contains character {@code offset}, or null. */
    IndexedWord node(int offset);

    /** The dependency graph of the sentence of the CoreNLP token that contains character {@code offset}, or null. */
    SemanticGraph graph(int offset);
  }

  /** {@code lexical} with each token's {@code negated} flag narrowed to the dependency scope of its cues. */
  static AnalyzedText narrow(AnalyzedText lexical, Parse parse) {
    List<Token> tokens = lexical.tokens();
    boolean[] keep = new boolean[tokens.size()];
    boolean changed = false;
    for (Clause c : lexical.clauses()) {
      List<int[]> cues = new ArrayList<>(); // [first, end) token ranges of the cues seen so far in the clause
      List<Set<IndexedWord>> scopes = new ArrayList<>();
      int i = c.firstToken();
      while (i < c.endToken()) {
        if (tokens.get(i).negator()) {
          int end = i + 1;
          while (end < c.endToken() && tokens.get(end).negator()) {
            end++;
          }
          // a negator inside an earlier cue's scope is itself negated: judge it like any other token
          for (int k = i; k < end; k++) {
            keep[k] = tokens.get(k).negated() && covered(tokens, k, cues, scopes, parse);
            changed |= keep[k] != tokens.get(k).negated();
          }
          cues.add(new int[] {i, end});
          scopes.add(scope(tokens, i, end, parse));
          i = end;
          continue;
        }
        Token t = tokens.get(i);
        keep[i] = t.negated() && covered(tokens, i, cues, scopes, parse);
        changed |= keep[i] != t.negated();
        i++;
      }
    }
    if (!changed) {
      return lexical;
    }
    List<Token> out = new ArrayList<>(tokens.size());
    for (int k = 0; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      out.add(keep[k] == t.negated() ? t : new Token(t.text(), t.start(), t.end(), t.norm(), t.pos(), t.lemma(),
          t.sentence(), t.clause(), keep[k], t.negator(), t.contrast()));
    }
    return new AnalyzedText(lexical.text(), out, lexical.sentences(), lexical.clauses(), lexical.profile());
  }

  /** True when some earlier cue of the clause covers token {@code k}, or its coverage cannot be decided. */
  private static boolean covered(List<Token> tokens, int k, List<int[]> cues, List<Set<IndexedWord>> scopes, Parse parse) {
    if (cues.isEmpty()) {
      return true; // cannot happen for a negated token; keep the lexical answer
    }
    IndexedWord node = parse.node(tokens.get(k).start());
    for (int c = 0; c < cues.size(); c++) {
      Set<IndexedWord> scope = scopes.get(c);
      if (scope == null || node == null || scope.contains(node)) {
        return true;
      }
    }
    return false;
  }

  /** The parse nodes a cue governs, or null when the parse cannot tell. */
  static Set<IndexedWord> scope(List<Token> tokens, int first, int end, Parse parse) {
    Set<IndexedWord> cue = new HashSet<>();
    SemanticGraph graph = null;
    for (int k = first; k < end; k++) {
      IndexedWord n = parse.node(tokens.get(k).start());
      if (n == null) {
        return null;
      }
      SemanticGraph g = parse.graph(tokens.get(k).start());
      if (g == null || (graph != null && g != graph) || !g.containsVertex(n)) {
        return null;
      }
      graph = g;
      cue.add(n);
    }
    Set<IndexedWord> roots = new HashSet<>();
    for (IndexedWord n : cue) {
      SemanticGraphEdge up = parentEdge(graph, n);
      if (up == null) {
        roots.add(n);
        continue;
      }
      if (cue.contains(up.getGovernor())) {
        continue;
      }
      roots.add(adjust(graph, up));
    }
    Set<IndexedWord> scope = new HashSet<>();
    for (IndexedWord r : roots) {
      collect(graph, r, scope);
    }
    return scope;
  }

  /** The scope root for a cue word attached by {@code up}: its head, moved up for subjects and adverbs. */
  private static IndexedWord adjust(SemanticGraph g, SemanticGraphEdge up) {
    IndexedWord head = up.getGovernor();
    String rel = relation(up);
    // "not very helpful" with not -> very: climb from a modifying adverb to what it modifies
    int guard = 0;
    while (rel.equals("advmod") && head.tag() != null && head.tag().startsWith("RB") && guard++ < 4) {
      SemanticGraphEdge next = parentEdge(g, head);
      if (next == null || !relation(next).equals("advmod")) {
        break;
      }
      head = next.getGovernor();
      rel = relation(next);
    }
    // "No staff member listened": a cue inside the subject scopes over the predicate, also when it modifies a
    // later conjunct of the subject ("The paramedics and not one nurse showed any kindness")
    if (NOMINAL_MODIFIER.contains(rel)) {
      IndexedWord nominal = head;
      SemanticGraphEdge next = parentEdge(g, nominal);
      guard = 0;
      while (next != null && relation(next).equals("conj") && guard++ < 8) {
        nominal = next.getGovernor();
        next = parentEdge(g, nominal);
      }
      if (next != null && SUBJECT.contains(relation(next))) {
        head = next.getGovernor();
      }
    }
    return head;
  }

  private static void collect(SemanticGraph g, IndexedWord root, Set<IndexedWord> scope) {
    Deque<IndexedWord> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      IndexedWord n = todo.pop();
      if (!scope.add(n)) {
        continue;
      }
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(n)) {
        String rel = relation(e);
        if (NEW_PREDICATION.contains(rel) && !(rel.equals("advcl") && markedByLike(g, e.getDependent()))) {
          continue;
        }
        if (rel.equals("conj") && ownPredication(g, e.getDependent())) {
          continue;
        }
        todo.push(e.getDependent());
      }
    }
  }

  /** True for an adverbial clause introduced by "like" ("don't feel like it helped"), a complement in all but name. */
  private static boolean markedByLike(SemanticGraph g, IndexedWord clause) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(clause)) {
      if (relation(e).equals("mark") && "like".equalsIgnoreCase(e.getDependent().word())) {
        return true;
      }
    }
    return false;
  }

  /** True when a conjunct has its own subject, auxiliary or copula, or is a finite verb. */
  private static boolean ownPredication(SemanticGraph g, IndexedWord conjunct) {
    if (conjunct.tag() != null && FINITE.contains(conjunct.tag())) {
      return true;
    }
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(conjunct)) {
      if (OWN_PREDICATION.contains(relation(e))) {
        return true;
      }
    }
    return false;
  }

  private static SemanticGraphEdge parentEdge(SemanticGraph g, IndexedWord n) {
    for (SemanticGraphEdge e : g.incomingEdgeIterable(n)) {
      return e; // a basic dependency tree: at most one head
    }
    return null;
  }

  /** The relation name without its subtype: {@code nsubj} for {@code nsubj:pass}, {@code conj} for {@code conj:and}. */
  static String relation(SemanticGraphEdge e) {
    String r = e.getRelation().toString();
    int colon = r.indexOf(':');
    return colon < 0 ? r : r.substring(0, colon);
  }
}
