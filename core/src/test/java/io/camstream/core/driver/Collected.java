package io.camstream.core.driver;

import java.lang.ref.WeakReference;

/** Asks the JVM to collect garbage until an object is gone, a few times at most. */
final class Collected {

    private Collected() {
    }

    static boolean eventually(WeakReference<?> reference) throws InterruptedException {
        for (int attempt = 0; attempt < 20 && reference.get() != null; attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        return reference.get() == null;
    }
}
