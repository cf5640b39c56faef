package io.rustydb.storage.buffer;

/** Conformance of {@link ClockReplacer}. */
class ClockReplacerTest extends ReplacerConformanceTest {
    @Override
    Replacer create(int capacity) {
        return new ClockReplacer(capacity);
    }
}
