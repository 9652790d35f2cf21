package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.ClassWeights;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.SharedDatasets;
import io.neuralworkbench.engine.data.text.TextDatasets;
import io.neuralworkbench.engine.data.text.TextEncoding;
import io.neuralworkbench.engine.data.text.TextOptions;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.eval.ClassificationMetrics;
import io.neuralworkbench.engine.eval.Evaluator;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.TrainingSession;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The accuracy bars of the text templates on the real SMS spam collection, with fixed seeds and short runs. */
@Tag("slow")
class TextClassifierTrainingTest {

    private static ClassificationMetrics trainAndTest(PreparedInputs data, NetworkDescription network,
                                                      TrainingConfig config) {
        TrainingBackend backend = new Dl4jGraphBackend();
        // One thread: on 2 cores DL4J's small dense layers run faster without OpenBLAS/OpenMP threads.
        backend.useThreads(1);
        TrainingResult result = TrainingSession.create(backend, network, config, (ArrayDataset) data.train(),
                (ArrayDataset) data.validation(), null).run();
        assertThat(result.state()).isEqualTo(SessionState.COMPLETED);
        try (var model = result.model()) {
            return Evaluator.evaluate(model, (ArrayDataset) data.test(), data.preprocessing()).classification();
        }
    }

    @Test
    void theTextClassifierTemplateFindsSpamWithBalancedClassWeights() {
        long start = System.nanoTime();
        PreparedInputs data = TextDatasets.fromTable(SharedDatasets.SMS_SPAM, "SMS", "Label", TextOptions.defaults());
        TextPreprocessing text = (TextPreprocessing) data.preprocessing();
        NetworkDescription network = Templates.textClassifier(text.vocabulary().size(), text.maxLength(), 2);
        TrainingConfig config = TrainingConfig.defaults().withEpochs(5).withLearningRate(0.005)
                .withClassWeights(ClassWeights.balanced((ArrayDataset) data.train()));

        ClassificationMetrics metrics = trainAndTest(data, network, config);

        System.out.printf("text classifier on sms-spam: accuracy %.4f, spam recall %.4f, %.1f s%n", metrics.accuracy(),
                metrics.perClass().get(1).recall(), (System.nanoTime() - start) / 1e9);
        assertThat(metrics.accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(metrics.perClass().get(1).className()).isEqualTo("spam");
        assertThat(metrics.perClass().get(1).recall()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void tfIdfVectorsTrainAPlainMlp() {
        long start = System.nanoTime();
        PreparedInputs data = TextDatasets.fromTable(SharedDatasets.SMS_SPAM, "SMS", "Label",
                TextOptions.defaults().withEncoding(TextEncoding.TF_IDF).withVocabulary(2000, 2));
        NetworkDescription network = Templates.mlpClassifier(data.preprocessing().featureCount(), 2);
        TrainingConfig config = TrainingConfig.defaults().withEpochs(3).withLearningRate(0.001);

        ClassificationMetrics metrics = trainAndTest(data, network, config);

        System.out.printf("TF-IDF MLP on sms-spam: accuracy %.4f, spam recall %.4f, %.1f s%n", metrics.accuracy(),
                metrics.perClass().get(1).recall(), (System.nanoTime() - start) / 1e9);
        assertThat(metrics.accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(metrics.perClass().get(1).recall()).isGreaterThanOrEqualTo(0.80);
    }
}
