/**
 * JavaFX chart components for the Train and Evaluate views: live training curves fed through a
 * {@link io.neuralworkbench.charts.TrainingEventBuffer} and drawn once per frame, learning rate, confusion
 * matrix, ROC and precision-recall curves, regression scatter and residuals, and decision boundaries. Every
 * component honours presentation mode ({@link io.neuralworkbench.charts.ChartComponent#PRESENTATION_STYLE_CLASS}).
 * {@link io.neuralworkbench.charts.ChartsPreview} shows them all on real training runs
 * (docs/charts-preview.png).
 */
package io.neuralworkbench.charts;
