package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verbatim.io.AtomicOutput;
import org.verbatim.qda.QdaCode;
import org.verbatim.qda.QdaFormatException;
import org.verbatim.qda.QdcCodebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verbatim import-codebook}: a REFI-QDA codebook ({@code .qdc}, or a project's) as a Verbatim codebook skeleton. */
@Command(
    name = "import-codebook",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:an input or output file cannot be used (message: verbatim: error: ...)",
      "2:the command line is wrong or incomplete"
    },
    sortOptions = false,
    description = {
      "Turns a REFI-QDA codebook (.qdc, exported by NVivo, ATLAS.ti, MAXQDA, QDA Miner or QualCoder; or the codebook",
      "of a .qdpx project) into a Verbatim codebook skeleton (YAML): one theme per codable code with its name and",
      "description. The cue lists are left empty for you to write; the codebook loads once every theme has a cue."
    })
final class ImportCodebookCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "The .qdc codebook (or a project.qde).")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The codebook YAML to write.")
  Path output;

  @Option(names = "--id", paramLabel = "ID", description = "The codebook id (default: from the output file name).")
  String id;

  @Option(names = "--name", paramLabel = "TEXT", description = "The codebook name (default: the id).")
  String name;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!Files.isRegularFile(input)) {
        throw new CommandFailure(Main.DATA_ERROR, input + ": no such file");
      }
      String codebookId = id != null ? id : output.getFileName().toString().replaceFirst("\\.[^.]*$", "")
          .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^[-_]+", "");
      if (codebookId.isEmpty()) {
        codebookId = "imported";
      }
      List<QdaCode> codes = QdcCodebook.read(input);
      String yaml = QdcCodebook.skeleton(codes, codebookId, name != null ? name : codebookId);
      AtomicOutput.write(output, yaml.getBytes(StandardCharsets.UTF_8));
      long themes = codes.stream().filter(QdaCode::codable).count();
      spec.commandLine().getOut().printf(Locale.ROOT, "%d codes, %d themes -> %s (add cues to each theme before use)%n",
          codes.size(), themes, output);
      return 0;
    } catch (CommandFailure | QdaFormatException | IllegalArgumentException | IOException e) {
      return CommandFailure.report(err, e);
    }
  }
}
