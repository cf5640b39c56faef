package io.rustydb.core.config;

/** The buffer pool's page replacement policy (option {@code replacement}). */
public enum ReplacementPolicy {
    /** Adaptive Replacement Cache (Megiddo and Modha, 2003) with ghost lists; the default. Option value {@code arc}. */
    ARC("arc"),
    /** CLOCK (second chance). Option value {@code clock}. */
    CLOCK("clock"),
    /** Least recently used. Option value {@code lru}. */
    LRU("lru"),
    /** 2Q (Johnson and Shasha, 1994). Option value {@code 2q}. */
    TWO_Q("2q"),
    /** LRU-K with K = 2 (O'Neil, O'Neil and Weikum, 1993). Option value {@code lru-k}. */
    LRU_K("lru-k");

    private final String optionValue;

    ReplacementPolicy(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The spelling used in configuration options. */
    public String optionValue() {
        return optionValue;
    }
}
