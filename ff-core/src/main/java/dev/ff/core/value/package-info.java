/**
 * Value parsers shared by the validator and the evaluator: {@link dev.ff.core.value.SemVer} for the
 * {@code semver_*} operators and {@link dev.ff.core.value.Timestamps} for {@code before}/{@code
 * after}. Both follow the precise rules of the evaluation contract and never throw on bad input.
 */
package dev.ff.core.value;
