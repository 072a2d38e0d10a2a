package org.tashil.schema;

import java.io.Serializable;
import java.util.List;

/**
 * A rule that compares the typed values of one row (children in school against children, the dates
 * of a demand against its status). It only sees values that parsed; a column whose own rules failed
 * is null.
 */
@FunctionalInterface
public interface RowRule extends Serializable {

  void check(TypedRow row, List<Problem> problems);
}
