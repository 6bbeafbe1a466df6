package io.camstream.core.text;

/**
 * Text from outside (a request's path or header, an upstream camera's error, a driver's message) made safe to show:
 * every control character is written as an escape, so it cannot end a log line, move a terminal's cursor, recolour
 * it, or reorder what follows. Line feed, carriage return and tab become {@code \n}, {@code \r} and {@code \t};
 * other C0 and C1 controls and DEL become {@code \xHH}; Unicode format characters (bidirectional overrides,
 * zero-width characters) and the line and paragraph separators become <code>&#92;uHHHH</code>. Everything
 * else, backslashes included, is kept as it is.
 */
public final class Printable {

    private Printable() {
    }

    /**
     * The text with its control characters escaped.
     *
     * @param text any text, or {@code null}
     * @return the escaped text, the same instance when there was nothing to escape; {@code "null"} for {@code null}
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int first = firstToEscape(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x100) {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static int firstToEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (needsEscape(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean needsEscape(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
