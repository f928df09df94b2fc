package org.verbatim.model;

/**
 * The library version recorded in models: the jar's {@code Implementation-Version}, or the build's default.
 *
 * <pre>{@code
 * String v = LibraryVersion.get();   // e.g. "0.1.0-SNAPSHOT"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class LibraryVersion {

  /** Used when the classes are not loaded from a jar with a manifest version (tests, IDE). */
  public static final String DEFAULT = "0.1.0-SNAPSHOT";

  private LibraryVersion() {}

  /** The version string, never null. */
  public static String get() {
    String v = LibraryVersion.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? DEFAULT : v;
  }
}
