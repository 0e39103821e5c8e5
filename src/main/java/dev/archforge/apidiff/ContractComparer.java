package dev.archforge.apidiff;

import java.util.List;

/** Compares two versions of one kind of contract, as clients of the previous one see the change. */
interface ContractComparer {
  /** The changes from {@code before} to {@code after}, breaking or not, each once; may throw on a contract it cannot read. */
  List<Difference> compare(String before, String after);
}
