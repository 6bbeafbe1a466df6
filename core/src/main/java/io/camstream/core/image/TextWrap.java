package io.camstream.core.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines of at most a given number of characters, at spaces where it can, and ends the last line
 * with "..." when the text needs more lines than allowed.
 */
final class TextWrap {

    private static final String ELLIPSIS = "...";

    private TextWrap() {
    }

    /**
     * Wraps text.
     *
     * @param text     the text; runs of white space count as one space
     * @param columns  the most characters on a line, at least 1
     * @param maxLines the most lines, at least 1
     * @return between 0 (blank text) and {@code maxLines} lines, none longer than {@code columns}
     */
    static List<String> wrap(String text, int columns, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() <= columns) {
                line.append(' ').append(word);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (rest.length() > columns) {
                lines.add(rest.substring(0, columns));
                rest = rest.substring(columns);
            }
            line.append(rest);
            if (lines.size() > maxLines) {
                break;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines.size() <= maxLines ? lines : truncated(lines, columns, maxLines);
    }

    private static List<String> truncated(List<String> lines, int columns, int maxLines) {
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.get(maxLines - 1);
        int room = Math.max(0, columns - ELLIPSIS.length());
        String ending = last.substring(0, Math.min(last.length(), room)).stripTrailing();
        kept.set(maxLines - 1, (ending + ELLIPSIS).substring(0, Math.min(columns, ending.length() + ELLIPSIS.length())));
        return kept;
    }
}
