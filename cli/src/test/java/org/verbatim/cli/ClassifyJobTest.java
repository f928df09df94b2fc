package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassifyJobTest {

  @Test
  void failureNamesTheExceptionButNeverQuotesTheComment() {
    String text = "My worker Jane Smith never called back";
    assertEquals("IllegalStateException: bad state at token 3",
        ClassifyJob.failure(new IllegalStateException("bad state at token 3"), text));
    assertEquals("IllegalArgumentException",
        ClassifyJob.failure(new IllegalArgumentException("cannot parse '" + text + "'"), text));
    assertEquals("IllegalArgumentException",
        ClassifyJob.failure(new IllegalArgumentException("cannot parse 'My worker Jane Smith never'"), text));
    assertEquals("NullPointerException", ClassifyJob.failure(new NullPointerException(), text));
  }
}
