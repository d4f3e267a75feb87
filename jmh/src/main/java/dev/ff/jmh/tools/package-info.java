/**
 * Command-line tools in the benchmark jar: {@link dev.ff.jmh.tools.SanityMain} checks every peer
 * once before a run, {@link dev.ff.jmh.tools.Report} turns JMH's JSON output into a Markdown table
 * with one column per peer, and {@link dev.ff.jmh.tools.Peers} lists the peers for both.
 */
package dev.ff.jmh.tools;
