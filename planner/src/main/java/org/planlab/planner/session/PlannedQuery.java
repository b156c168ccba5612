package org.planlab.planner.session;

import org.apache.calcite.rel.RelNode;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.result.QueryResult;

/**
 * A planned query: the serializable result, and the Calcite plan it was taken
 * from for callers that go on working with it (execution, tests).
 */
public record PlannedQuery(QueryResult result, @Nullable RelNode logical,
    @Nullable RelNode plan) {
}
