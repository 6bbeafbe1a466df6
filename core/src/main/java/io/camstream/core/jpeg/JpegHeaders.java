package io.camstream.core.jpeg;

import java.util.List;

/**
 * What a JPEG's marker segments say, besides its entropy-coded data.
 *
 * @param frame           the frame header
 * @param quantTables     the quantisation tables 0 to 3 in natural order, {@code null} where not defined
 * @param dcTables        for each component, the DC Huffman table its last scan used
 * @param acTables        for each component, the AC Huffman table its last scan used
 * @param restartInterval MCUs between restart markers, 0 for none
 * @param colourSpace     what the components hold
 * @param segments        the APPn and COM segments in file order
 */
public record JpegHeaders(JpegFrame frame,
                          int[][] quantTables,
                          HuffmanSpec[] dcTables,
                          HuffmanSpec[] acTables,
                          int restartInterval,
                          ColourSpace colourSpace,
                          List<Segment> segments) {

    /**
     * The quantisation table of a component.
     *
     * @param component the component's index in the frame
     * @return its 64 quantisers in natural order
     */
    public int[] quantTable(int component) {
        return quantTables[frame.components().get(component).quantTable()];
    }
}
