package org.verbatim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The core module exports its API packages (every package of core has public API), nothing else. */
class ModuleDescriptorTest {

  @Test
  void coreExportsItsApiPackagesAndUsesPipelineProviders() throws Exception {
    Path info = Path.of("target/classes/module-info.class");
    assertTrue(Files.exists(info), "module-info compiled");
    ModuleDescriptor d;
    try (InputStream in = Files.newInputStream(info)) {
      d = ModuleDescriptor.read(in);
    }
    assertEquals("org.verbatim.core", d.name());
    Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Set.of("org.verbatim", "org.verbatim.classify", "org.verbatim.codebook", "org.verbatim.eval",
        "org.verbatim.features", "org.verbatim.io", "org.verbatim.model", "org.verbatim.qda", "org.verbatim.text",
        "org.verbatim.train")), exported);
    assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified), "no qualified exports");
    assertEquals(Set.of("org.verbatim.text.TextPipelineProvider"), d.uses());
    assertEquals(d.packages().size(), exported.size(), "a package added to core must be exported or kept internal on purpose");
  }
}
