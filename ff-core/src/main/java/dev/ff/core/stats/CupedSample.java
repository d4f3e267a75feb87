package dev.ff.core.stats;

import java.util.Arrays;

/**
 * The per-unit values of one arm for CUPED: the covariate (the same metric over the pre-exposure
 * window, 0 for a unit without pre-period data) and the outcome, one pair per unit.
 *
 * @param pre covariate values X
 * @param post outcome values Y, same length as {@code pre}
 */
public record CupedSample(double[] pre, double[] post) {

  /** Checks that both arrays are present and have one value per unit. */
  public CupedSample {
    if (pre == null || post == null) {
      throw new IllegalArgumentException(pre == null ? "pre is missing" : "post is missing");
    }
    Checks.sameLength("post", post, "pre", pre);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CupedSample other
        && Arrays.equals(pre, other.pre)
        && Arrays.equals(post, other.post);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(pre) + Arrays.hashCode(post);
  }

  @Override
  public String toString() {
    return "CupedSample[pre=" + Arrays.toString(pre) + ", post=" + Arrays.toString(post) + "]";
  }
}
