package org.planlab.tpcds;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Corrections to the dsqgen templates of {@code net.hydromatic:tpcds} where
 * they disagree with the specification, applied to a template's body before
 * its parameters are substituted. Each names what it fixes; none changes
 * what a query asks beyond making it the specification's query.
 * <ul>
 *   <li>Template 30 selects {@code c_last_review_date}, a column the
 *       specification's CUSTOMER table names {@code c_last_review_date_sk}.</li>
 *   <li>Template 48 draws three marital statuses and three education levels
 *       ({@code ulist(..., 3)}) but uses {@code [MS.1]} and {@code [ES.1]} in
 *       all three of its OR branches; the specification's query uses the
 *       first, second and third in turn.</li>
 *   <li>Template 85 writes {@code [STATE.3 ]}, with a space that keeps dsqgen
 *       (and planlab) from substituting it.</li>
 * </ul>
 */
public final class TemplateDefects {
  private TemplateDefects() {
  }

  private static final Pattern MS_ES_FIRST = Pattern.compile("\\[(MS|ES)\\.1\\]");

  /** The body of template {@code template} with its defects corrected. */
  public static String fix(int template, String body) {
    return switch (template) {
      case 30 -> body.replaceAll("\\bc_last_review_date\\b(?!_sk)", "c_last_review_date_sk");
      case 48 -> numberInTurn(body);
      case 85 -> body.replace("[STATE.3 ]", "[STATE.3]");
      default -> body;
    };
  }

  /** The k-th {@code [MS.1]} as {@code [MS.k]}, and likewise for {@code ES}. */
  private static String numberInTurn(String body) {
    int[] seen = new int[2];
    Matcher m = MS_ES_FIRST.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int which = m.group(1).equals("MS") ? 0 : 1;
      m.appendReplacement(out, "[" + m.group(1) + "." + ++seen[which] + "]");
    }
    m.appendTail(out);
    return out.toString();
  }
}
