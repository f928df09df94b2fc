package org.verbatim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version printed by {@code verbatim --version}: from {@code version.properties} (written by the build),
 * else the jar manifest's {@code Implementation-Version}, else {@code unknown}.
 *
 * <pre>{@code
 * VersionProvider.version();   // "0.1.0-SNAPSHOT"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"verbatim " + version(), "Java " + System.getProperty("java.version")};
  }

  /** The Verbatim version. */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isBlank() && !v.contains("${")) {
          return v.strip();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read version.properties from the verbatim jar", e);
    }
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v == null ? "unknown" : v;
  }
}
