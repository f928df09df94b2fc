/**
 * The FULL text pipeline (POS tags and lemmas) on Apache OpenNLP's maxent models; provides the pipeline id
 * {@code opennlp-full} to {@link org.verbatim.text.TextPipelines}. The English model jars are read as class-path
 * resources.
 */
module org.verbatim.opennlp {
  requires transitive org.verbatim.core;
  requires org.apache.opennlp.tools;

  exports org.verbatim.opennlp;

  provides org.verbatim.text.TextPipelineProvider with org.verbatim.opennlp.OpenNlpPipelineProvider;
}
