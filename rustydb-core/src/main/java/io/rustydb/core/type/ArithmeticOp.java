package io.rustydb.core.type;

/** The binary arithmetic operators {@link Arithmetic} evaluates. */
public enum ArithmeticOp {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    MODULO("%");

    private final String symbol;

    ArithmeticOp(String symbol) {
        this.symbol = symbol;
    }

    /** The SQL operator symbol, e.g. {@code +}. */
    public String symbol() {
        return symbol;
    }
}
