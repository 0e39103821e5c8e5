package dev.archforge.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every entry under a folder with its kind, content hash, modification time and inode, so that a
 * test can say "nothing changed" and see the difference when something did.
 */
record TreeSnapshot(SortedMap<String, String> entries) {
  /** @param withTop whether the top folder's own modification time counts */
  static TreeSnapshot of(Path top, boolean withTop) throws IOException {
    SortedMap<String, String> entries = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(top)) {
      for (Path path : paths.toList()) {
        if (path.equals(top) && !withTop) {
          continue;
        }
        BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String what = attrs.isDirectory() ? "dir" : "file " + sha(Files.readAllBytes(path));
        entries.put(top.relativize(path).toString(), what + " mtime=" + attrs.lastModifiedTime() + " key=" + attrs.fileKey());
      }
    }
    return new TreeSnapshot(entries);
  }

  private static String sha(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
