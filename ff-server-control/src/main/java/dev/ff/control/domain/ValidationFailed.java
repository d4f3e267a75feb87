package dev.ff.control.domain;

import java.util.List;

/** The input breaks the contract; carries every problem found. HTTP 422. */
public final class ValidationFailed extends DomainException {
  private static final long serialVersionUID = 1L;

  /** Every problem, in input order. */
  private final transient List<Problem> problems;

  /**
   * A refusal with its problems.
   *
   * @param problems every problem found, at least one
   */
  public ValidationFailed(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * A refusal with a single problem.
   *
   * @param path the JSON Pointer of the offending value
   * @param message the description
   * @return the exception
   */
  public static ValidationFailed of(String path, String message) {
    return new ValidationFailed(List.of(new Problem(path, message)));
  }

  /**
   * Every problem found.
   *
   * @return the problems, in input order
   */
  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one problem");
    }
    Problem first = problems.get(0);
    String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
    return "invalid input at '" + first.path() + "': " + first.message() + more;
  }
}
