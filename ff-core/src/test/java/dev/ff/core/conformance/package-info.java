/**
 * Runners for the language-neutral conformance data in {@code spec/} at the repository root: bucket
 * vectors, evaluation cases with full expected results, and invalid/valid configuration inputs with
 * the exact set of diagnostic paths. The folder comes from the system property {@code ff.spec.dir};
 * every runner fails loudly when its data is missing or empty.
 */
package dev.ff.core.conformance;
