package dev.archforge.write;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What is in the agent folder now: its files and folders as relative paths with forward slashes.
 * Scanning refuses symbolic links anywhere in the folder, so nothing later can follow one.
 */
record AgentTree(SortedSet<String> files, SortedSet<String> dirs) {
  AgentTree {
    files = Collections.unmodifiableSortedSet(new TreeSet<>(files));
    dirs = Collections.unmodifiableSortedSet(new TreeSet<>(dirs));
  }

  static AgentTree scan(Path agent) throws IOException {
    SortedSet<String> files = new TreeSet<>();
    SortedSet<String> dirs = new TreeSet<>();
    if (!Files.exists(agent, LinkOption.NOFOLLOW_LINKS)) {
      return new AgentTree(files, dirs);
    }
    Disk.refuseLink(agent);
    if (!Files.isDirectory(agent, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(agent + " is not a folder");
    }
    Files.walkFileTree(agent, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(agent)) {
          dirs.add(relative(agent, dir));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isSymbolicLink()) {
          Disk.refuseLink(file);
        }
        files.add(relative(agent, file));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        throw e;
      }
    });
    return new AgentTree(files, dirs);
  }

  boolean isFile(String path) {
    return files.contains(path);
  }

  boolean isDir(String path) {
    return dirs.contains(path);
  }

  /** Folders with nothing in them; a person may keep one on purpose. */
  SortedSet<String> emptyDirs() {
    SortedSet<String> empty = new TreeSet<>();
    for (String dir : dirs) {
      String prefix = dir + "/";
      String next = firstAfter(files, prefix);
      String nextDir = firstAfter(dirs, prefix);
      if (!startsWith(next, prefix) && !startsWith(nextDir, prefix)) {
        empty.add(dir);
      }
    }
    return empty;
  }

  private static String firstAfter(SortedSet<String> set, String from) {
    SortedSet<String> tail = set.tailSet(from);
    return tail.isEmpty() ? null : tail.first();
  }

  private static boolean startsWith(String candidate, String prefix) {
    return candidate != null && candidate.startsWith(prefix);
  }

  private static String relative(Path agent, Path path) {
    Path rel = agent.relativize(path);
    StringBuilder out = new StringBuilder();
    for (Path part : rel) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(part);
    }
    return out.toString();
  }
}
