/**
 * The rule DSL as immutable records: a {@link dev.ff.core.model.ConfigDocument} holds {@link
 * dev.ff.core.model.Flag}s and {@link dev.ff.core.model.Segment}s; flags carry {@link
 * dev.ff.core.model.Rule}s made of a {@link dev.ff.core.model.Condition} and an {@link
 * dev.ff.core.model.Outcome}. Records are built by {@code dev.ff.core.json.ModelReader} from a
 * validated JSON document and compiled by {@code dev.ff.core.eval.Compiler}.
 */
package dev.ff.core.model;
