package org.verbatim.text;

import org.verbatim.testing.PipelineRulesContract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RulePipelineTest extends PipelineRulesContract {

  @Override
  protected TextPipeline pipeline() {
    return RulePipeline.create();
  }












  @Test
  void fastSentenceAndTokenRules() {
    String text = "Arrived quickly.They were kind. Dr J. Smith saw me at A&E, e.g. at 10.30 today. 1. Nothing more… thanks";
    AnalyzedText a = analyze(text);
    List<String> sentences = a.sentences().stream()
        .map(s -> text.substring(a.tokens().get(s.firstToken()).start(), a.tokens().get(s.endToken() - 1).end()))
        .collect(Collectors.toList());
    assertEquals(List.of("Arrived quickly.", "They were kind.", "Dr J. Smith saw me at A&E, e.g. at 10.30 today.",
        "1. Nothing more… thanks"), sentences);
    assertTrue(texts(a).containsAll(List.of("A&E", "e.g.", "10.30")), () -> texts(a).toString());
  }


  @Test
  void oneSharedInstanceThatRejectsNull() {
    assertSame(RulePipeline.create(), RulePipeline.create());
    assertEquals(Profile.FAST, RulePipeline.create().profile());
    assertEquals("opennlp-fast", RulePipeline.create().id());
    assertThrows(NullPointerException.class, () -> RulePipeline.create().analyze(null));
  }

  @Test
  void fastHasNoPosOrLemmas() {
    AnalyzedText fast = analyze("The nurses listened to me.");
    assertNull(token(fast, "listened").lemma());
    assertNull(token(fast, "listened").pos());
  }

}
