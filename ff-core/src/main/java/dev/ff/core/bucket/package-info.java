/**
 * Deterministic bucketing of units into 10,000 buckets: the first eight bytes of SHA-256 over
 * {@code salt:seed:unit}, read as an unsigned big-endian integer modulo 10,000. Used by rollouts
 * and exclusion groups; the same function runs in every SDK so a unit lands in the same bucket
 * everywhere.
 */
package dev.ff.core.bucket;
