package dev.ff.control.domain;

/**
 * One arm of an experiment.
 *
 * @param variation the flag variation key
 * @param weight basis points; the weights of an experiment sum to 10000
 */
public record WeightedVariation(String variation, int weight) {}
