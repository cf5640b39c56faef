package io.rustydb.storage.buffer;

/** Conformance of {@link TwoQReplacer}. */
class TwoQReplacerTest extends ReplacerConformanceTest {
    @Override
    Replacer create(int capacity) {
        return new TwoQReplacer(capacity);
    }
}
