package io.camstream.core.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextWrapTest {

    @Test
    void shortTextStaysOnOneLine() {
        assertThat(TextWrap.wrap("device busy", 20, 3)).containsExactly("device busy");
    }

    @Test
    void breaksAtSpaces() {
        assertThat(TextWrap.wrap("cannot open   /dev/video0: no such device", 16, 5))
                .containsExactly("cannot open", "/dev/video0: no", "such device");
    }

    @Test
    void breaksWordsLongerThanALine() {
        assertThat(TextWrap.wrap("abcdefghij", 4, 5)).containsExactly("abcd", "efgh", "ij");
    }

    @Test
    void endsWithAnEllipsisWhenLinesRunOut() {
        assertThat(TextWrap.wrap("one two three four five six", 9, 2)).containsExactly("one two", "three...");
    }

    @Test
    void veryLongTextIsCutToTheAllowedLines() {
        assertThat(TextWrap.wrap("x".repeat(100_000), 10, 3))
                .containsExactly("xxxxxxxxxx", "xxxxxxxxxx", "xxxxxxx...");
    }

    @Test
    void blankTextHasNoLines() {
        assertThat(TextWrap.wrap("  ", 10, 3)).isEmpty();
    }
}
