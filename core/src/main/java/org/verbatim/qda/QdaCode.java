package org.verbatim.qda;

import java.util.List;
import java.util.Objects;

/**
 * One code of a REFI-QDA codebook, flattened out of its hierarchy.
 *
 * <pre>{@code
 * for (QdaCode c : QdcCodebook.read(Path.of("codes.qdc"))) {
 *   c.path();          // [Relationships, Respect]: the names from the top of the tree to this code
 *   c.themeId();       // "respect" when the file was written by Verbatim, else ""
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param guid the code's GUID
 * @param name the code's name
 * @param description its description ("" when it has none), without Verbatim's theme-id line
 * @param codable whether segments can be coded with it ({@code isCodable}); a category is not
 * @param path the names of its ancestors and itself, top first
 * @param themeId the Verbatim theme id recorded in the description by {@link QdcCodebook#write}, or ""
 */
public record QdaCode(String guid, String name, String description, boolean codable, List<String> path,
    String themeId) {

  /** @throws NullPointerException if an argument is null */
  public QdaCode {
    Objects.requireNonNull(guid, "guid");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    path = List.copyOf(path);
    Objects.requireNonNull(themeId, "themeId");
  }
}
