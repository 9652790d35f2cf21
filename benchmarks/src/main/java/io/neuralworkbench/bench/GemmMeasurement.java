package io.neuralworkbench.bench;

/** The best float matrix-multiply speed of one child, in floating-point operations per second. */
record GemmMeasurement(int size, String threads, double bestFlopsPerSecond) {
}
