package org.planlab.planner.workload;

/**
 * One named query of a workload.
 *
 * @param id the query's id within its workload, e.g. {@code q5}
 * @param source where the text came from, for error messages, e.g. {@code tpch/q05.sql}
 * @param sql the query text
 */
public record WorkloadQuery(String id, String source, String sql) {
}
