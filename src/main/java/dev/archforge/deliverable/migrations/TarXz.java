package dev.archforge.deliverable.migrations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Unpacks a {@code .tar.xz} into a folder named after its SHA-256, once: later calls reuse it. */
final class TarXz {
  private static final String DONE = ".unpacked";

  private TarXz() {}

  static Path unpackOnce(byte[] archive, Path parent, String prefix) throws IOException {
    Path target = parent.resolve(prefix + sha256(archive).substring(0, 16));
    if (Files.exists(target.resolve(DONE))) {
      return target;
    }
    Path staging = Files.createTempDirectory(parent, prefix + "staging-");
    try {
      Files.setPosixFilePermissions(staging, PosixFilePermissions.ALL_READ);
      unpack(archive, staging);
      Files.writeString(staging.resolve(DONE), "", StandardCharsets.UTF_8);
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
        if (!Files.exists(target.resolve(DONE))) {
          throw new IOException("cannot unpack PostgreSQL into " + target + ": " + e.getMessage(), e);
        }
      }
      return target;
    } finally {
      ThrowawayPostgres.delete(staging);
    }
  }

  private static void unpack(byte[] archive, Path into) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
        new ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = into.resolve(entry.getName()).normalize();
        if (!path.startsWith(into)) {
          throw new IOException("archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createDirectories(path.getParent());
          Files.createLink(path, into.resolve(entry.getLinkName()).normalize());
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path);
          Files.setPosixFilePermissions(path, PosixFilePermissions.of(entry.getMode()));
        }
      }
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Unix modes as permission sets; everything stays readable by others (the server may run as nobody). */
  static final class PosixFilePermissions {
    static final Set<PosixFilePermission> ALL_READ = java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x");

    private PosixFilePermissions() {}

    static Set<PosixFilePermission> of(int mode) {
      Set<PosixFilePermission> set = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
      if ((mode & 0111) != 0) {
        set.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_EXECUTE));
      }
      return set;
    }
  }
}
