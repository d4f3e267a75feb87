/**
 * Validation of config documents and flags against the evaluation contract.
 *
 * <p>{@link dev.ff.core.validate.ConfigValidator} works on the JSON tree and returns every problem
 * as a {@link dev.ff.core.validate.Diagnostic} whose path is an RFC 6901 JSON Pointer into the
 * input, in document order. It never throws, whatever the input. A document it accepts can be read
 * into the model and compiled.
 */
package dev.ff.core.validate;
