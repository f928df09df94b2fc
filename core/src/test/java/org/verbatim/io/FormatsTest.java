package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FormatsTest {

  private static String reference(double v) {
    DecimalFormat f = new DecimalFormat("0.00#", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }

  /** Scores read exactly as DecimalFormat("0.00#", half up) writes them, ties and near-ties included. */
  @Property(tries = 5000, seed = "20261205")
  void scoreIsDecimalFormatsText(@ForAll("scores") double v) {
    assertEquals(reference(v), new Formats().score(v));
  }

  @Provide
  Arbitrary<Double> scores() {
    Arbitrary<Double> unit = Arbitraries.doubles().between(0, 1);
    Arbitrary<Double> ties = Arbitraries.integers().between(0, 2000)
        .map(k -> (k + 0.5) / 1000)
        .flatMap(t -> Arbitraries.integers().between(-3, 3).map(ulps -> t + ulps * Math.ulp(t)));
    Arbitrary<Double> wide = Arbitraries.doubles().between(-10, 2e6);
    return Arbitraries.oneOf(unit, ties, wide);
  }

  @Test
  void specialValuesFollowTheFormat() {
    Formats f = new Formats();
    for (double v : new double[] {0, -0.0, 1, 0.5, 0.83, 0.835, 0.8345, 0.9995, 1e7, -0.0004, Double.NaN}) {
      assertEquals(reference(v), f.score(v), "value " + v);
    }
  }
}
