package org.verbatim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesMarkupAndQuotes() {
    assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;A &amp; B&lt;/a&gt;",
        Html.escape("<a href=\"x\" title='y'>A & B</a>"));
  }

  @Test
  void keepsWhitespaceAndReplacesOtherControlsAndLoneSurrogates() {
    assertEquals("a\tb\nc\r", Html.escape("a\tb\nc\r"));
    assertEquals("a\uFFFDb\uFFFD", Html.escape("a\u0000b\u0085"));
    assertEquals("\uFFFDx\uFFFD", Html.escape("\uD83Dx\uDE00"));
    assertEquals("\uD83D\uDE00", Html.escape("\uD83D\uDE00"));
  }

  @Test
  void directionControlsAreShownNotObeyed() {
    // "gnp.exe" spoofing: U+202E would display "exe.png" reversed
    assertEquals("invoice[U+202E]gnp.exe", Html.escape("invoice\u202Egnp.exe"));
    assertEquals("[U+2066]a[U+2069] [U+200F]b[U+61C]", Html.escape("\u2066a\u2069 \u200Fb\u061C"));
    // right-to-left letters themselves are kept
    assertEquals("שלום", Html.escape("שלום"));
  }

  @Test
  void rejectsNull() {
    assertThrows(NullPointerException.class, () -> Html.escape(null));
  }
}
