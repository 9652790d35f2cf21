/** JavaFX chart components (live curves, confusion matrix, ROC). Filled in by the app issue. */
package io.neuralworkbench.charts;
