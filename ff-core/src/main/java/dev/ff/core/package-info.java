/**
 * The ff core library: rule DSL, validation, compiler, evaluator, bucketing, config documents and
 * experiment statistics. Free of server code: depends on Jackson, RE2J and commons-math3 only.
 */
package dev.ff.core;
