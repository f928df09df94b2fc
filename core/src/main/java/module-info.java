/**
 * Verbatim's core: the API values, the text pipeline, codebooks, every classifier, training, evaluation, file
 * formats and the model file. The FULL (POS and lemma) pipeline is in {@code org.verbatim.opennlp}, found through
 * {@link org.verbatim.text.TextPipelineProvider}.
 */
module org.verbatim.core {
  requires com.fasterxml.jackson.annotation;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires java.xml;
  requires org.apache.commons.csv;
  requires org.dhatim.fastexcel;
  requires org.dhatim.fastexcel.reader;
  requires org.yaml.snakeyaml;
  requires smile.core;

  exports org.verbatim;
  exports org.verbatim.classify;
  exports org.verbatim.codebook;
  exports org.verbatim.eval;
  exports org.verbatim.features;
  exports org.verbatim.io;
  exports org.verbatim.model;
  exports org.verbatim.qda;
  exports org.verbatim.text;
  exports org.verbatim.train;

  // evaluation records are written by Jackson's data binding
  opens org.verbatim.eval to com.fasterxml.jackson.databind;

  uses org.verbatim.text.TextPipelineProvider;
}
