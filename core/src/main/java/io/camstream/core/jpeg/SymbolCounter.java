package io.camstream.core.jpeg;

/** Counts how often each table codes each symbol, for {@link HuffmanOptimizer}. */
final class SymbolCounter implements EntropyOut {

    final long[][] frequencies;

    SymbolCounter(int tables) {
        frequencies = new long[tables][256];
    }

    @Override
    public boolean symbol(int table, int symbol, int extra, int extraLength) {
        frequencies[table][symbol]++;
        return true;
    }

    @Override
    public void interval(int restartMarker) {
    }
}
