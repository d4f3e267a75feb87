/** JMH benchmarks of the ff evaluator (beside peer SDKs) and of the statistics engine. */
package dev.ff.jmh;
