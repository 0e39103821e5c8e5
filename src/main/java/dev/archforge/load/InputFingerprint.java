package dev.archforge.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * SHA-256 of everything a {@code generate} run's output depends on: archforge's own build, the
 * requirements file (its bytes and where it is), the working folder and the {@code --blueprint}
 * option (relative references resolve against them), the {@code --templates} folders and the
 * blueprint folders, each file by file. Equal fingerprints mean equal output; the run cache relies
 * on it. Every field is framed with its length, so no two different inputs hash alike by concatenation.
 */
public final class InputFingerprint {
  private static final int FORMAT = 1;

  private InputFingerprint() {}

  /** A blueprint folder a run read, with its {@link #tree} hash taken before the loader read it. */
  public record Folder(Path dir, String sha256) {
    /** The folder as it is now. */
    public static Folder now(Path dir) throws IOException {
      return new Folder(dir, tree(dir));
    }
  }

  /**
   * The part known before loading: build, requirements file, working folder, options, --templates
   * folders. Only for a requirements file that is a regular file: a pipe (`<(...)`, `/dev/stdin`)
   * can be read once, by the loader, and is no input a later run could be compared with.
   *
   * @throws IOException also when the input is not a regular file
   */
  public static String start(Path input, Optional<String> blueprintOption, List<Path> templates) throws IOException {
    MessageDigest digest = sha256();
    field(digest, "format", Integer.toString(FORMAT));
    field(digest, "build", BuildIdentity.current());
    Path file = input.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file) || Files.size(file) > InputBytes.MAX_REQUIREMENTS) {
      throw new IOException(file + " is not a regular file of a readable size: no run cache for it");
    }
    field(digest, "input", file.toString());
    field(digest, "input-bytes", Files.readAllBytes(file));
    field(digest, "cwd", Path.of("").toAbsolutePath().toString());
    field(digest, "blueprint-option", blueprintOption.map(o -> "=" + o).orElse("none"));
    for (Path dir : templates) {
      Path folder = dir.toAbsolutePath().normalize();
      field(digest, "templates", folder.toString());
      field(digest, "tree", tree(folder));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The whole fingerprint: the {@link #start} part and the blueprint folders the run read. */
  public static String of(String start, List<Folder> folders) {
    MessageDigest digest = sha256();
    field(digest, "start", start);
    for (Folder folder : folders) {
      field(digest, "blueprint", folder.dir().toString());
      field(digest, "tree", folder.sha256());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** SHA-256 of a folder: every file below it (links followed), by relative path, with its bytes. */
  public static String tree(Path dir) throws IOException {
    MessageDigest digest = sha256();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      field(digest, "file", dir.relativize(file).toString().replace('\\', '/'));
      field(digest, "bytes", Files.readAllBytes(file));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void field(MessageDigest digest, String name, String value) {
    field(digest, name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void field(MessageDigest digest, String name, byte[] value) {
    digest.update(name.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    long length = value.length;
    for (int shift = 56; shift >= 0; shift -= 8) {
      digest.update((byte) (length >>> shift));
    }
    digest.update(value);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
