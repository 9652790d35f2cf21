package io.neuralworkbench.engine.export;

import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.bundle.Provenance;
import io.neuralworkbench.engine.eval.ClassMetrics;
import io.neuralworkbench.engine.eval.ClassificationMetrics;
import io.neuralworkbench.engine.eval.EvaluationReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCardTest {

    @Test
    void theCardShowsTheRunsMetricsPerClassRowsAndConfusionCounts() {
        ModelBundle bundle = TrainedIris.get().bundle;
        ClassificationMetrics metrics = bundle.testMetrics().classification();

        String html = ModelCard.html(bundle, "iris-model");

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Model card: iris-model</title>")
                .contains(String.format(Locale.ROOT, "accuracy<b>%.4f</b>", metrics.accuracy()));
        for (ClassMetrics row : metrics.perClass()) {
            assertThat(html).contains(String.format(Locale.ROOT,
                    "<tr class=\"class-row\"><td>%s</td><td class=\"num\">%.4f</td><td class=\"num\">%.4f</td>"
                            + "<td class=\"num\">%.4f</td><td class=\"num\">%d</td></tr>",
                    row.className(), row.precision(), row.recall(), row.f1(), row.support()));
        }
        String matrixTable = html.substring(html.indexOf("<table class=\"confusion-matrix\">"));
        matrixTable = matrixTable.substring(0, matrixTable.indexOf("</table>"));
        List<Integer> countsInCard = Pattern.compile(">(\\d+)</td>").matcher(matrixTable).results()
                .map(m -> Integer.parseInt(m.group(1))).toList();
        assertThat(countsInCard).isEqualTo(metrics.confusionMatrix().stream().flatMap(List::stream).toList());
        assertThat(countsInCard.stream().mapToInt(Integer::intValue).sum()).isEqualTo(bundle.testMetrics().samples());
    }

    @Test
    void theCardDrawsTheNetworkAndCurvesAndRecordsProvenance() {
        ModelBundle bundle = TrainedIris.get().bundle;
        Provenance provenance = bundle.provenance();

        String html = ModelCard.html(bundle, "iris-model");

        assertThat(Pattern.compile("<g class=\"layer\">").matcher(html).results().count())
                .isEqualTo(bundle.network().nodes().size());
        assertThat(Pattern.compile("<line class=\"edge\"").matcher(html).results().count())
                .isEqualTo(bundle.network().edges().size());
        // Two charts (loss and accuracy), each with a train and a validation line.
        assertThat(Pattern.compile("<polyline class=\"series\"").matcher(html).results().count()).isEqualTo(4);
        assertThat(html).contains("<td>" + provenance.datasetSha256() + "</td>", "<td>" + provenance.seed() + "</td>",
                "<td>" + provenance.createdAt() + "</td>", "<td>" + provenance.appVersion() + "</td>",
                "<td>iris.csv</td>", "sepal_length");
    }

    @Test
    void theCardLoadsNothingFromTheNetwork() {
        String html = ModelCard.html(TrainedIris.get().bundle, "iris-model");

        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "@import", "url(http");
        Matcher references = Pattern.compile("(?i)\\b(src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        while (references.find()) {
            assertThat(references.group(2)).as(references.group()).startsWith("data:");
        }
    }

    @Test
    void textFromTheBundleIsEscaped() {
        ModelBundle trained = TrainedIris.get().bundle;
        List<String> hostileClasses = List.of("<script>alert(1)</script>", "a & b", "\"quoted\"");
        EvaluationReport metrics = new EvaluationReport(3, ClassificationMetrics.compute(new int[] {0, 1, 2},
                new int[] {0, 1, 1}, hostileClasses), null);
        Provenance provenance = new Provenance("1.0", "dl4j-graph", 7, "<img src=x onerror=alert(1)>.csv", "abc",
                1, 1, 1, 1, "17", "Linux", "2025-01-01T00:00:00Z");
        ModelBundle hostile = new ModelBundle(trained.manifest(), trained.network(), trained.config(),
                trained.preprocessing(), metrics, provenance, trained.history(), trained.model());

        String html = ModelCard.html(hostile, "<b>name</b>");

        assertThat(html).doesNotContain("<script>", "<img", "<b>name</b>", "a & b")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "a &amp; b", "&quot;quoted&quot;",
                        "&lt;img src=x onerror=alert(1)&gt;.csv", "Model card: &lt;b&gt;name&lt;/b&gt;");
    }
}
