package io.neuralworkbench.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DL4J drags in slf4j-api 1.7, which silently ignores SLF4J 2 bindings such as Logback 1.5: if the pin on
 * slf4j-api 2.x is lost, logging falls back to a no-op and this test fails. It also checks the quiet default.
 */
class LoggingConfigurationTest {

    @Test
    void slf4jIsBoundToLogbackWithTheQuietDefaultConfiguration() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(LoggerContext.class);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertThat(context.getLogger("org.nd4j").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.deeplearning4j.nn.graph").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.neuralworkbench.engine").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("io.neuralworkbench.engine").isEnabledFor(Level.WARN)).isTrue();
    }
}
