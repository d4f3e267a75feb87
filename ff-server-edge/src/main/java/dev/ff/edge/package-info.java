/**
 * The edge evaluator: {@link dev.ff.edge.EdgeServer} and its settings {@link
 * dev.ff.edge.EdgeConfig}.
 */
package dev.ff.edge;
