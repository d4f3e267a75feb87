/**
 * Reading the rule DSL from a Jackson tree into {@code dev.ff.core.model} records. The reader
 * expects a document the validator accepted; it ignores unknown members (forward compatibility) and
 * rejects anything it cannot read with an {@link java.lang.IllegalArgumentException}.
 */
package dev.ff.core.json;
