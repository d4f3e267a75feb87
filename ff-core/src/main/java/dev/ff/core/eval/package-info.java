/**
 * The evaluator. {@link dev.ff.core.eval.Compiler} turns a {@code ConfigDocument} into an immutable
 * {@link dev.ff.core.eval.CompiledConfig} plan (attribute paths split, regexes compiled, operands
 * parsed, segments and prerequisites resolved, every success result built in advance); evaluation
 * against that plan never throws and allocates nothing on the success path.
 */
package dev.ff.core.eval;
