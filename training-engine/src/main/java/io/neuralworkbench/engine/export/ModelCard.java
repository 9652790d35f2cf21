package io.neuralworkbench.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.bundle.Provenance;
import io.neuralworkbench.engine.data.ColumnType;
import io.neuralworkbench.engine.data.FittedColumn;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.LinearScaling;
import io.neuralworkbench.engine.data.image.ImagePreprocessing;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.eval.AveragedMetrics;
import io.neuralworkbench.engine.eval.ClassMetrics;
import io.neuralworkbench.engine.eval.ClassificationMetrics;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.network.ShapeInference;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.util.Json;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A model's report card as one self-contained HTML file: what it predicts and from what, the network picture,
 * the data and training settings, the learning curves, the test metrics with the confusion matrix, and how it
 * was made. Styles and pictures are inline (CSS, SVG), so the file opens anywhere without a network, and every
 * text from the bundle (column names, class names, file names) is escaped.
 */
public final class ModelCard {
    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em auto;
                   max-width: 980px; padding: 0 1em; color: #1d1d1f; line-height: 1.45; }
            h1 { margin-bottom: .1em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
            .subtitle { color: #666; margin-top: 0; }
            table { border-collapse: collapse; margin: .6em 0; }
            th, td { border: 1px solid #d5d5d5; padding: .25em .6em; text-align: left; vertical-align: top; }
            th { background: #f3f5f8; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .headline { display: flex; gap: 1.2em; flex-wrap: wrap; }
            .headline div { background: #f3f5f8; border-radius: 8px; padding: .6em 1em; }
            .headline b { display: block; font-size: 1.5em; }
            .charts { display: flex; gap: 1em; flex-wrap: wrap; }
            .figure { overflow-x: auto; }
            code { background: #f3f5f8; padding: 0 .25em; border-radius: 3px; word-break: break-all; }
            footer { margin-top: 3em; color: #777; font-size: .9em; }
            """;

    private ModelCard() {
    }

    /**
     * @param title what the card is about, e.g. the bundle's file name without ".zip"
     */
    public static String html(ModelBundle bundle, String title) {
        StringBuilder html = new StringBuilder(32 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape("Model card: " + title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        InputPreprocessing preprocessing = bundle.preprocessing();
        html.append("<h1>").append(Html.escape("Model card: " + title)).append("</h1>\n")
                .append("<p class=\"subtitle\">").append(Html.escape(oneLineSummary(bundle))).append("</p>\n");
        appendHeadline(html, bundle.testMetrics());
        appendNetwork(html, bundle);
        appendData(html, preprocessing, bundle.provenance());
        appendTraining(html, bundle);
        appendCurves(html, bundle.history());
        appendMetrics(html, bundle.testMetrics());
        appendProvenance(html, bundle);
        html.append("<footer>Written by Neural Workbench ").append(Html.escape(bundle.manifest().appVersion()))
                .append(". This file is self-contained: it loads nothing from the network.</footer>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private static String oneLineSummary(ModelBundle bundle) {
        InputPreprocessing preprocessing = bundle.preprocessing();
        String task = switch (preprocessing.task()) {
            case CLASSIFICATION -> "Classifies " + preprocessing.targetName() + " into "
                    + preprocessing.classNames().size() + " classes";
            case REGRESSION -> "Predicts " + preprocessing.targetName();
        };
        return task + " from " + preprocessing.inputShape().describe() + " inputs, with the network \""
                + bundle.network().name() + "\" (" + Html.count(ShapeInference.infer(bundle.network()).totalParameters())
                + " parameters).";
    }

    private static void appendHeadline(StringBuilder html, EvaluationReport metrics) {
        if (metrics == null) {
            html.append("<p>The bundle has no test metrics.</p>\n");
            return;
        }
        html.append("<div class=\"headline\">");
        for (Map.Entry<String, Double> metric : metrics.headline().entrySet()) {
            html.append("<div>").append(Html.escape(metric.getKey().replace('_', ' ')))
                    .append("<b>").append(Html.metric(metric.getValue())).append("</b></div>");
        }
        html.append("<div>test samples<b>").append(Html.count(metrics.samples())).append("</b></div></div>\n");
    }

    private static void appendNetwork(StringBuilder html, ModelBundle bundle) {
        html.append("<h2>Network</h2>\n<div class=\"figure\">").append(NetworkDiagram.svg(bundle.network()))
                .append("</div>\n");
    }

    private static void appendData(StringBuilder html, InputPreprocessing preprocessing, Provenance provenance) {
        html.append("<h2>Data</h2>\n");
        Map<String, String> facts = new LinkedHashMap<>();
        if (provenance != null) {
            facts.put("Dataset", provenance.datasetFile());
            facts.put("Dataset SHA-256", provenance.datasetSha256());
            facts.put("Training / validation / test samples", Html.count(provenance.trainingRows()) + " / "
                    + Html.count(provenance.validationRows()) + " / " + Html.count(provenance.testRows()));
        }
        facts.put("Task", preprocessing.task().name().toLowerCase(java.util.Locale.ROOT));
        facts.put("Predicts", preprocessing.targetName());
        if (!preprocessing.classNames().isEmpty()) {
            facts.put("Classes", String.join(", ", preprocessing.classNames()));
        }
        facts.put("Network input", preprocessing.inputShape().describe());
        if (preprocessing instanceof TextPreprocessing text) {
            facts.put("Text column", text.textColumn());
            facts.put("Encoding", text.encoding().name().toLowerCase(java.util.Locale.ROOT)
                    + (text.maxLength() > 0 ? ", " + text.maxLength() + " tokens per text" : ""));
        } else if (preprocessing instanceof ImagePreprocessing image) {
            facts.put("Images", image.height() + "×" + image.width() + " pixels, " + image.channels()
                    + (image.channels() == 1 ? " channel" : " channels"));
            facts.put("Pixel scaling", image.scaling().name().toLowerCase(java.util.Locale.ROOT));
        } else if (preprocessing instanceof FittedPreprocessing tabular && tabular.targetScaling() != null) {
            facts.put("Target scaling", scalingText(tabular.targetScaling()));
        }
        appendFacts(html, facts);
        if (preprocessing instanceof FittedPreprocessing tabular) {
            html.append("<p>Feature columns, with the statistics fitted on the training split:</p>\n<table>\n")
                    .append("<tr><th>column</th><th>type</th><th>missing values become</th><th>encoding</th></tr>\n");
            for (FittedColumn column : tabular.features()) {
                html.append("<tr><td>").append(Html.escape(column.name())).append("</td><td>")
                        .append(column.type().name().toLowerCase(java.util.Locale.ROOT)).append("</td><td>")
                        .append(Html.escape(column.fillValue())).append("</td><td>")
                        .append(Html.escape(encodingText(column))).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
    }

    private static String encodingText(FittedColumn column) {
        if (column.type() == ColumnType.CATEGORICAL) {
            return "one-hot: " + String.join(", ", column.categories());
        }
        if (column.type() == ColumnType.BOOLEAN) {
            return "true → 1, false → 0";
        }
        return scalingText(column.scaling());
    }

    private static String scalingText(LinearScaling scaling) {
        return scaling.equals(LinearScaling.IDENTITY) ? "as is"
                : "(x − " + Html.number(scaling.offset()) + ") / " + Html.number(scaling.scale());
    }

    private static void appendTraining(StringBuilder html, ModelBundle bundle) {
        html.append("<h2>Training</h2>\n");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("backend", bundle.provenance() != null ? bundle.provenance().backendId()
                : bundle.manifest().backendId());
        // From the configuration's JSON, so a setting added later shows up without a change here.
        flatten("", Json.mapper().valueToTree(bundle.config()), settings);
        if (bundle.provenance() != null) {
            settings.put("epochs trained", Integer.toString(bundle.provenance().epochsTrained()));
        }
        appendFacts(html, settings);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray()) {
            StringBuilder values = new StringBuilder();
            node.forEach(element -> values.append(values.length() == 0 ? "" : ", ").append(element.asText()));
            into.put(prefix, values.toString());
        } else if (!node.isNull()) {
            into.put(prefix, node.isNumber() && !node.isIntegralNumber() ? Html.number(node.asDouble()) : node.asText());
        }
    }

    private static void appendCurves(StringBuilder html, List<EpochEvent> history) {
        html.append("<h2>Learning curves</h2>\n");
        if (history.isEmpty()) {
            html.append("<p>The bundle has no training history.</p>\n");
            return;
        }
        String loss = CurveChart.svg("Loss per epoch", "loss", List.of(
                series("train", "#1f77b4", history, EpochEvent::trainLoss),
                series("validation", "#ff7f0e", history, EpochEvent::validationLoss)));
        String accuracy = CurveChart.svg("Accuracy per epoch", "accuracy", List.of(
                series("train", "#1f77b4", history, EpochEvent::trainAccuracy),
                series("validation", "#ff7f0e", history, EpochEvent::validationAccuracy)));
        html.append("<div class=\"charts\">").append(loss).append(accuracy).append("</div>\n");
    }

    private static CurveChart.Series series(String name, String color, List<EpochEvent> history,
                                            ToDoubleFunction<EpochEvent> value) {
        return new CurveChart.Series(name, color, history.stream().mapToDouble(value).toArray());
    }

    private static void appendMetrics(StringBuilder html, EvaluationReport metrics) {
        html.append("<h2>Test metrics</h2>\n");
        if (metrics == null) {
            html.append("<p>The bundle has no test metrics.</p>\n");
            return;
        }
        html.append("<p>").append(Html.escape(metrics.summary())).append(", measured on the test split, which"
                + " training never saw.</p>\n");
        ClassificationMetrics classification = metrics.classification();
        if (classification == null) {
            Map<String, String> values = new LinkedHashMap<>();
            metrics.regression().toMap().forEach((name, value) -> values.put(name, Html.number(value)));
            appendFacts(html, values);
            return;
        }
        html.append("<table class=\"per-class\">\n<tr><th>class</th><th>precision</th><th>recall</th><th>F1</th>"
                + "<th>support</th></tr>\n");
        for (ClassMetrics row : classification.perClass()) {
            html.append("<tr class=\"class-row\"><td>").append(Html.escape(row.className())).append("</td>")
                    .append(numberCells(row.precision(), row.recall(), row.f1()))
                    .append("<td class=\"num\">").append(row.support()).append("</td></tr>\n");
        }
        appendAverage(html, "macro average", classification.macroAverage());
        appendAverage(html, "weighted average", classification.weightedAverage());
        html.append("</table>\n");
        appendConfusionMatrix(html, classification);
    }

    private static void appendAverage(StringBuilder html, String name, AveragedMetrics average) {
        html.append("<tr><th>").append(name).append("</th>")
                .append(numberCells(average.precision(), average.recall(), average.f1())).append("<td></td></tr>\n");
    }

    private static String numberCells(double... values) {
        StringBuilder cells = new StringBuilder();
        for (double value : values) {
            cells.append("<td class=\"num\">").append(Html.metric(value)).append("</td>");
        }
        return cells.toString();
    }

    private static void appendConfusionMatrix(StringBuilder html, ClassificationMetrics classification) {
        List<List<Integer>> matrix = classification.confusionMatrix();
        int largest = matrix.stream().flatMap(List::stream).mapToInt(Integer::intValue).max().orElse(1);
        html.append("<p>Confusion matrix: rows are the actual classes, columns the predicted ones.</p>\n")
                .append("<table class=\"confusion-matrix\">\n<tr><th>actual \\ predicted</th>");
        classification.classNames().forEach(name -> html.append("<th>").append(Html.escape(name)).append("</th>"));
        html.append("</tr>\n");
        for (int actual = 0; actual < matrix.size(); actual++) {
            html.append("<tr><th>").append(Html.escape(classification.classNames().get(actual))).append("</th>");
            for (int predicted = 0; predicted < matrix.get(actual).size(); predicted++) {
                int count = matrix.get(actual).get(predicted);
                // Shade by count: the diagonal (right answers) blue, mistakes red, so both stand out.
                double strength = largest == 0 ? 0 : (double) count / largest;
                String color = actual == predicted ? "74,111,165" : "200,60,60";
                html.append("<td class=\"num\" style=\"background: rgba(").append(color).append(',')
                        .append(String.format(java.util.Locale.ROOT, "%.2f", 0.08 + 0.5 * strength))
                        .append(")\">").append(count).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void appendProvenance(StringBuilder html, ModelBundle bundle) {
        html.append("<h2>Provenance</h2>\n");
        Provenance provenance = bundle.provenance();
        Map<String, String> facts = new LinkedHashMap<>();
        if (provenance == null) {
            facts.put("App version", bundle.manifest().appVersion());
            appendFacts(html, facts);
            html.append("<p>The bundle records no provenance.</p>\n");
            return;
        }
        facts.put("Created", provenance.createdAt());
        facts.put("App version", provenance.appVersion());
        facts.put("Seed", Long.toString(provenance.seed()));
        facts.put("Dataset", provenance.datasetFile());
        facts.put("Dataset SHA-256", provenance.datasetSha256());
        facts.put("Backend", provenance.backendId());
        facts.put("Java", provenance.javaVersion());
        facts.put("Operating system", provenance.os());
        facts.put("Bundle format", Integer.toString(bundle.manifest().formatVersion()));
        appendFacts(html, facts);
    }

    private static void appendFacts(StringBuilder html, Map<String, String> facts) {
        html.append("<table class=\"facts\">\n");
        facts.forEach((name, value) -> html.append("<tr><th>").append(Html.escape(name)).append("</th><td>")
                .append(Html.escape(value)).append("</td></tr>\n"));
        html.append("</table>\n");
    }
}
