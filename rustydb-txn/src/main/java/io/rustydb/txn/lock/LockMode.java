package io.rustydb.txn.lock;

/**
 * The five lock modes of multiple-granularity locking (Gray et al.), weakest first.
 *
 * <p>Compatibility (symmetric; "+" = may be held at once by two different transactions):
 *
 * <pre>
 *            IS   IX   S    SIX  X
 *      IS    +    +    +    +    -
 *      IX    +    +    -    -    -
 *      S     +    -    +    -    -
 *      SIX   +    -    -    -    -
 *      X     -    -    -    -    -
 * </pre>
 *
 * <p>Strength ("covers": holding the row mode makes a request for the column mode a no-op):
 *
 * <pre>
 *                 X
 *                 |
 *                SIX
 *               /   \
 *              S     IX
 *               \   /
 *                IS
 * </pre>
 *
 * A transaction that holds one mode and asks for another gets their {@link #join least upper bound}: S + IX = SIX,
 * IS + S = S, anything + X = X.
 */
public enum LockMode {
    /** Intention shared: the holder will take S locks below this node (a table's rows). */
    IS,
    /** Intention exclusive: the holder will take X (or S) locks below this node. */
    IX,
    /** Shared: read the whole node; no one else may change it. */
    S,
    /** Shared + intention exclusive: read the whole node and change some of what is below it. */
    SIX,
    /** Exclusive: only the holder may touch the node. */
    X;

    private static final LockMode[] MODES = values();

    /** {@code COMPATIBLE[a][b]}: rows and columns in declaration order. */
    private static final boolean[][] COMPATIBLE = {
        //     IS     IX     S      SIX    X
        {true, true, true, true, false},     // IS
        {true, true, false, false, false},   // IX
        {true, false, true, false, false},   // S
        {true, false, false, false, false},  // SIX
        {false, false, false, false, false}, // X
    };

    /** {@code COVERS[a][b]}: holding a makes a request for b a no-op. */
    private static final boolean[][] COVERS = {
        //     IS     IX     S      SIX    X
        {true, false, false, false, false},  // IS
        {true, true, false, false, false},   // IX
        {true, false, true, false, false},   // S
        {true, true, true, true, false},     // SIX
        {true, true, true, true, true},      // X
    };

    /** {@code JOIN[a][b]}: the weakest mode covering both, computed from {@link #COVERS}. */
    private static final LockMode[][] JOIN = new LockMode[MODES.length][MODES.length];

    static {
        for (LockMode a : MODES) {
            for (LockMode b : MODES) {
                // declaration order is a linear extension of "covers", so the first mode covering both is the least
                for (LockMode c : MODES) {
                    if (COVERS[c.ordinal()][a.ordinal()] && COVERS[c.ordinal()][b.ordinal()]) {
                        JOIN[a.ordinal()][b.ordinal()] = c;
                        break;
                    }
                }
            }
        }
    }

    /** Whether two different transactions may hold this mode and {@code other} on one key at once. */
    public boolean compatibleWith(LockMode other) {
        return COMPATIBLE[ordinal()][other.ordinal()];
    }

    /** Whether holding this mode grants everything {@code other} grants (so a request for it is re-entrant). */
    public boolean covers(LockMode other) {
        return COVERS[ordinal()][other.ordinal()];
    }

    /** The weakest mode that covers both this mode and {@code other}: the result of an upgrade. */
    public LockMode join(LockMode other) {
        return JOIN[ordinal()][other.ordinal()];
    }
}
