package io.neuralworkbench.engine.eval;

/** Precision, recall and F1 averaged over classes (macro: every class counts the same; weighted: by support). */
public record AveragedMetrics(double precision, double recall, double f1) {
}
