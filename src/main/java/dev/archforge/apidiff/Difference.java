package dev.archforge.apidiff;

/**
 * One change a comparer found in a contract.
 *
 * @param service the service it concerns, or null for the contract's own service
 * @param what what changed and what it means for clients
 * @param breaking whether a client of the previous contract may fail
 */
record Difference(String service, String what, boolean breaking) {
  static Difference breaking(String what) {
    return new Difference(null, what, true);
  }

  static Difference compatible(String what) {
    return new Difference(null, what, false);
  }
}
