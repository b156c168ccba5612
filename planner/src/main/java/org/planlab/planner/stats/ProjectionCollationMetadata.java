package org.planlab.planner.stats;

import com.google.common.collect.ImmutableList;

import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.planlab.rules.ProjectionCollations;

/**
 * The collations of Projects and Calcs as {@link ProjectionCollations}
 * derives them, for the rules and operators that ask metadata (a Calc's
 * own claim is derived from its input's metadata, so one wrong answer here
 * would reach the operators above). Other operators are Calcite's.
 */
public final class ProjectionCollationMetadata
    implements MetadataHandler<BuiltInMetadata.Collation> {

  @Override
  public MetadataDef<BuiltInMetadata.Collation> getDef() {
    return BuiltInMetadata.Collation.DEF;
  }

  public ImmutableList<RelCollation> collations(Project project, RelMetadataQuery mq) {
    return ImmutableList.copyOf(
        ProjectionCollations.of(mq, project.getInput(), project.getProjects()));
  }

  public ImmutableList<RelCollation> collations(Calc calc, RelMetadataQuery mq) {
    return ImmutableList.copyOf(ProjectionCollations.of(mq, calc.getInput(),
        ProjectionCollations.projects(calc.getProgram())));
  }
}
