package org.planlab.planner.cost;

/**
 * Rows to disk pages the way PostgreSQL sizes a relation
 * ({@code relation_byte_size} and the heap page layout).
 */
public final class Pages {
  private Pages() {
  }

  /** PostgreSQL's default block size, {@code BLCKSZ}: 8 kB. */
  public static final double BLOCK_BYTES = 8192;

  /**
   * Bytes a stored tuple takes beyond its data: a 23-byte heap tuple header
   * aligned to 24, plus a 4-byte line pointer (PostgreSQL's {@code
   * MAXALIGN(SizeofHeapTupleHeader)} and {@code ItemIdData}).
   */
  public static final double TUPLE_OVERHEAD_BYTES = 28;

  /** Bytes of {@code rows} tuples of {@code width} bytes of data each. */
  public static double bytes(double rows, double width) {
    return rows * (width + TUPLE_OVERHEAD_BYTES);
  }

  /** Pages that {@code rows} tuples of {@code width} bytes fill, at least 1. */
  public static double of(double rows, double width) {
    return Math.max(1, Math.ceil(bytes(rows, width) / BLOCK_BYTES));
  }
}
