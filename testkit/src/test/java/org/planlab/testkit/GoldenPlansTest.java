package org.planlab.testkit;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden plans: every TPC-H and TPC-DS query under {@code two-phase} and
 * {@code calcite-default} at SF 1 and SF 100, batched by query range. A
 * change to a rule, a cost or the gate that moves a plan fails here with a
 * diff; {@code -Dplanlab.rewrite=true} accepts it, for review in
 * {@code git diff}.
 */
class GoldenPlansTest {

  @TestFactory
  Stream<DynamicNode> goldenPlans() {
    return PlanFiles.tests(Path.of("src/test/resources/golden"));
  }
}
