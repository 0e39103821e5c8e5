package dev.archforge.deliverable.grpc;

import com.squareup.wire.schema.CoreLoaderKt;
import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Linker;
import com.squareup.wire.schema.Loader;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.SchemaException;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks proto files with Wire's schema compiler, in process: parses the file and links it with
 * the well-known types Wire ships ({@code google/protobuf/*.proto}), which checks syntax, type
 * references, imports, field numbers and names, enum zero values and options. Each problem
 * becomes a finding at its line; the column is in the message. An import of any other file is a
 * finding: a generated contract stands alone.
 */
public final class ProtoValidator implements Validator {
  /** {@code Syntax error in api/x/x.proto:3:14: expected a word}. */
  private static final Pattern SYNTAX = Pattern.compile("Syntax error in (.+?):(\\d+):(\\d+): (.*)", Pattern.DOTALL);

  @Override
  public String name() {
    return "proto";
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(GrpcDeliverable.KIND);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    String path = artifact.path();
    ProtoFile file;
    try {
      file = ProtoFile.Companion.get(ProtoParser.Companion.parse(Location.get(path), artifact.content()));
    } catch (IllegalStateException e) {
      return List.of(syntaxError(path, String.valueOf(e.getMessage())));
    }
    List<String> missing = new ArrayList<>();
    ErrorCollector errors = new ErrorCollector();
    try {
      new Linker(new OneFileLoader(path, file, missing), errors, false, true).link(List.of(file));
    } catch (SchemaException e) {
      // the messages are in the collector
    } catch (RuntimeException e) {
      return List.of(new Finding(path, 0, "Wire could not link the file: " + e, name()));
    }
    List<Finding> findings = new ArrayList<>();
    for (String m : missing) {
      findings.add(new Finding(path, importLine(artifact.content(), m), "import \"" + m + "\" is neither in this "
          + "file nor a well-known type (google/protobuf/*.proto)", name()));
    }
    for (String error : errors.getErrors()) {
      findings.add(finding(path, error));
    }
    return List.copyOf(findings);
  }

  private Finding syntaxError(String path, String message) {
    Matcher m = SYNTAX.matcher(message);
    if (m.matches()) {
      return new Finding(path, Integer.parseInt(m.group(2)), "syntax error: " + m.group(4) + " (column "
          + m.group(3) + ")", name());
    }
    return new Finding(path, 0, message, name());
  }

  /** A linker message names each place it is about as {@code (path:line:column)}; the first is the finding's. */
  private Finding finding(String path, String error) {
    Matcher m = Pattern.compile("\\(" + Pattern.quote(path) + ":(\\d+):(\\d+)\\)").matcher(error);
    String message = error.replaceAll("\\s*\\n\\s*", "; ");
    if (m.find()) {
      return new Finding(path, Integer.parseInt(m.group(1)), message, name());
    }
    return new Finding(path, 0, message, name());
  }

  private static int importLine(String content, String imported) {
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("\"" + imported + "\"")) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The file under check, and the files Wire ships; any other path is recorded as missing. */
  private static final class OneFileLoader implements Loader {
    private final String path;
    private final ProtoFile file;
    private final List<String> missing;

    OneFileLoader(String path, ProtoFile file, List<String> missing) {
      this.path = path;
      this.file = file;
      this.missing = missing;
    }

    @Override
    public ProtoFile load(String requested) {
      if (requested.equals(path)) {
        return file;
      }
      if (CoreLoaderKt.isWireRuntimeProto(requested)) {
        return wellKnown(requested);
      }
      missing.add(requested);
      return ProtoFile.Companion.get(ProtoParser.Companion.parse(Location.get(requested), ""));
    }

    /**
     * A file Wire ships, read from this class loader. Wire's own {@code CoreLoader} reads it through
     * okio's resource file system, which first indexes every entry of every jar on the class path.
     */
    private static ProtoFile wellKnown(String requested) {
      try (InputStream in = ProtoValidator.class.getClassLoader().getResourceAsStream(requested)) {
        if (in == null) {
          throw new IllegalStateException("Wire's " + requested + " is not on the class path");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return ProtoFile.Companion.get(ProtoParser.Companion.parse(Location.get(requested), text));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Loader withErrors(ErrorCollector errors) {
      return this;
    }
  }
}
