package io.neuralworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import io.neuralworkbench.engine.UserInputException;

/** Asserting that bad input is reported to the user, as a {@link UserInputException} with a one-line message. */
public final class UserInputErrors {
    private UserInputErrors() {
    }

    public static AbstractThrowableAssert<?, ? extends Throwable> assertThatUserInputError(ThrowingCallable call) {
        return assertThatThrownBy(call)
                .isInstanceOf(UserInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
