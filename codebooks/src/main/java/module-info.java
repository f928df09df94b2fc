/** The codebooks bundled with Verbatim: the default social-care codebook. */
module org.verbatim.codebooks {
  requires transitive org.verbatim.core;

  exports org.verbatim.codebooks;
}
