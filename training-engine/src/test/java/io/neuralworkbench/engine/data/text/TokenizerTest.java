package io.neuralworkbench.engine.data.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    @Test
    void lowerCasesAndSplitsOnPunctuationAndSpaces() {
        assertThat(Tokenizer.tokenize("Go until jurong point, crazy.. Available ONLY!"))
                .containsExactly("go", "until", "jurong", "point", "crazy", "available", "only");
    }

    @Test
    void keepsNumbersAsTheirOwnTokensAndDropsCurrencySigns() {
        assertThat(Tokenizer.tokenize("Win £1000 cash! Call 08452810075over18's by 21st May"))
                .containsExactly("win", "1000", "cash", "call", "08452810075", "over", "18", "s", "by", "21", "st",
                        "may");
    }

    @Test
    void unicodeLettersBelongToTheirWord() {
        assertThat(Tokenizer.tokenize("Grüße aus Köln, ÜBER café")).containsExactly("grüße", "aus", "köln", "über",
                "café");
    }

    @Test
    void aDecomposedUmlautIsTheSameWordAsAComposedOne() {
        assertThat(Tokenizer.tokenize("Mu\u0308ller")).containsExactly("müller");
    }

    @Test
    void apostrophesAndHyphensSeparateWords() {
        assertThat(Tokenizer.tokenize("don't e-mail T&C's")).containsExactly("don", "t", "e", "mail", "t", "c", "s");
    }

    @Test
    void textWithoutLettersOrDigitsHasNoTokens() {
        assertThat(Tokenizer.tokenize("... :-) !!!")).isEmpty();
        assertThat(Tokenizer.tokenize("")).isEmpty();
        assertThat(Tokenizer.tokenize(null)).isEmpty();
    }

    @Test
    void lettersOutsideTheBasicPlaneStayOneWord() {
        // U+1D49C MATHEMATICAL SCRIPT CAPITAL A is a letter stored as two chars.
        assertThat(Tokenizer.tokenize("x\uD835\uDC9Cy 7")).containsExactly("x\uD835\uDC9Cy", "7");
    }
}
