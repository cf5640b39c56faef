package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.plan.AggregateFunction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * VAR_SAMP, VAR_POP, STDDEV_SAMP and STDDEV_POP by Welford's online method: a running mean and sum of squared
 * deviations {@code m2}, updated per value as {@code delta = x - mean; mean += delta / n; m2 += delta * (x - mean)},
 * which does not lose the variance to cancellation the way {@code sum(x²) - sum(x)²/n} does when values are large
 * and close together. REAL/DOUBLE inputs are computed in doubles and give a DOUBLE; exact inputs are computed in
 * 34-digit decimals and give a DECIMAL with {@link Accumulator#AVG_SCALE} digits after the point (more if the
 * input has more), as PostgreSQL gives NUMERIC. Sample statistics of fewer than two rows are NULL; population
 * statistics of one row are 0.
 */
final class VarianceAccumulator extends Accumulator {
    private static final MathContext CONTEXT = MathContext.DECIMAL128;

    private final AggregateFunction function;
    private final boolean approximate;
    private long count;
    private double mean;
    private double m2;
    private BigDecimal decimalMean = BigDecimal.ZERO;
    private BigDecimal decimalM2 = BigDecimal.ZERO;
    private int maxScale;

    VarianceAccumulator(boolean distinct, AggregateFunction function, TypeId resultType) {
        super(distinct);
        this.function = function;
        this.approximate = resultType == TypeId.DOUBLE;
    }

    @Override
    void accept(Object value) {
        count++;
        if (approximate) {
            double x = ((Number) value).doubleValue();
            double delta = x - mean;
            mean += delta / count;
            m2 += delta * (x - mean);
            return;
        }
        BigDecimal x = toDecimal(value);
        maxScale = Math.max(maxScale, x.scale());
        BigDecimal delta = x.subtract(decimalMean, CONTEXT);
        decimalMean = decimalMean.add(delta.divide(BigDecimal.valueOf(count), CONTEXT), CONTEXT);
        decimalM2 = decimalM2.add(delta.multiply(x.subtract(decimalMean, CONTEXT), CONTEXT), CONTEXT);
    }

    @Override
    Object result() {
        boolean sample = function == AggregateFunction.VAR_SAMP || function == AggregateFunction.STDDEV_SAMP;
        boolean root = function == AggregateFunction.STDDEV_SAMP || function == AggregateFunction.STDDEV_POP;
        long divisor = sample ? count - 1 : count;
        if (divisor <= 0) {
            return null;
        }
        if (approximate) {
            double variance = Math.max(0.0, m2 / divisor);
            double result = root ? Math.sqrt(variance) : variance;
            if (Double.isInfinite(result)) {
                throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
            }
            return result;
        }
        BigDecimal variance = decimalM2.max(BigDecimal.ZERO).divide(BigDecimal.valueOf(divisor), CONTEXT);
        BigDecimal result = root ? variance.sqrt(CONTEXT) : variance;
        return result.setScale(Math.max(AVG_SCALE, maxScale), RoundingMode.HALF_UP);
    }
}
