package org.verbatim.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.CodecStreams;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.text.TextFileFormat;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * Writes CSV part files ({@code .csv}) from rows of one binary column, each the UTF-8 bytes of one finished CSV
 * record without its line end ({@link org.verbatim.io.Csv.RecordBuilder}): every file starts with the header record
 * given as the {@value #HEADER} option, then one record per row, each ended by {@code \n}. Used by
 * {@link ClassifyJob} for CSV output, where Spark's own CSV writer converts every field through a slow generic path
 * (in Spark 4.2, 28% of a {@code local[1]} run's task time on a million rows; benchmarks/README.md, section 13). A
 * file format of Spark's data source API ({@code df.write().format(CsvRecordsFormat.class.getName())}), so Spark's
 * commit protocol, compression option and output committers apply unchanged; reading goes through Spark's text
 * format (not used).
 */
public final class CsvRecordsFormat extends TextFileFormat {

  private static final long serialVersionUID = 1L;

  /** The option holding the header record, without its line end. */
  public static final String HEADER = "verbatimcsvheader";

  @Override
  public String shortName() {
    return "verbatim-csv-records";
  }

  @Override
  public boolean supportDataType(DataType dataType) {
    return dataType instanceof BinaryType;
  }

  @Override
  public OutputWriterFactory prepareWrite(SparkSession session, Job job,
      scala.collection.immutable.Map<String, String> options, StructType dataSchema) {
    if (dataSchema.size() != 1 || !(dataSchema.fields()[0].dataType() instanceof BinaryType)) {
      throw new IllegalArgumentException("CsvRecordsFormat writes one binary column of CSV records, not "
          + dataSchema.simpleString());
    }
    scala.Option<String> header = options.get(HEADER);
    return new Factory(header.isDefined() ? header.get() : null);
  }

  /** Opens one {@link Writer} per part file. */
  private static final class Factory extends OutputWriterFactory {
    private static final long serialVersionUID = 1L;
    private final String header;

    Factory(String header) {
      this.header = header;
    }

    @Override
    public String getFileExtension(TaskAttemptContext context) {
      return ".csv" + CodecStreams.getCompressionExtension(context);
    }

    @Override
    public OutputWriter newInstance(String path, StructType dataSchema, TaskAttemptContext context) {
      return new Writer(path, header, context);
    }
  }

  /** One part file: the header record, then the rows' bytes, each followed by a line end. */
  private static final class Writer extends OutputWriter {
    private final String path;
    private final OutputStream out;

    Writer(String path, String header, TaskAttemptContext context) {
      this.path = path;
      this.out = new BufferedOutputStream(CodecStreams.createOutputStream(context, new Path(path)), 64 * 1024);
      if (header != null) {
        try {
          out.write(header.getBytes(StandardCharsets.UTF_8));
          out.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
      }
    }

    @Override
    public void write(InternalRow row) {
      try {
        out.write(row.getBinary(0));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(path + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(path + ": " + e.getMessage(), e);
      }
    }

    @Override
    public String path() {
      return path;
    }
  }
}
