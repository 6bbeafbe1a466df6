package io.camstream.core.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrintableTest {

    @Test
    void terminalEscapesAndLineBreaksBecomeVisibleEscapes() {
        assertThat(Printable.escape("upstream said \u001b[2J\u001b[31mOK\r\n2026-12-01 INFO forged"))
                .isEqualTo("upstream said \\x1b[2J\\x1b[31mOK\\r\\n2026-12-01 INFO forged");
    }

    @Test
    void c1ControlsDeleteAndTabsAreEscaped() {
        assertThat(Printable.escape("a\u0085b\u009bc\u007fd\te\u0000")).isEqualTo("a\\x85b\\x9bc\\x7fd\\te\\x00");
    }

    @Test
    void bidiOverridesZeroWidthAndUnicodeLineSeparatorsAreEscaped() {
        assertThat(Printable.escape("file\u202Egnp.exe\u200B\u2028\u2029"))
                .isEqualTo("file\\u202egnp.exe\\u200b\\u2028\\u2029");
    }

    @Test
    void printableTextOfAnyScriptIsKeptAsItIs() {
        String text = "Caméra « cour » — 東京 \\x41 /cameras/desk?fps=5";
        assertThat(Printable.escape(text)).isSameAs(text);
    }

    @Test
    void nullIsShownAsNull() {
        assertThat(Printable.escape(null)).isEqualTo("null");
    }
}
