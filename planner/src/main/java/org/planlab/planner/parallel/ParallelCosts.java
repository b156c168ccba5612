package org.planlab.planner.parallel;

/**
 * The parallel constants of a cost model, in its units.
 *
 * @param setup starting a parallel fragment's workers (PostgreSQL's
 *     {@code parallel_setup_cost}, 1000)
 * @param tuple passing one tuple from a worker to another process
 *     (PostgreSQL's {@code parallel_tuple_cost}, 0.1)
 * @param operator one operator evaluation, here a heap comparison of Gather
 *     Merge or a hash of an Exchange (PostgreSQL's {@code cpu_operator_cost},
 *     0.0025)
 * @param minScanPages the smallest table, in 8 kB pages, that is scanned in
 *     parallel (PostgreSQL's {@code min_parallel_table_scan_size}, 8 MB)
 */
public record ParallelCosts(double setup, double tuple, double operator, double minScanPages) {
}
