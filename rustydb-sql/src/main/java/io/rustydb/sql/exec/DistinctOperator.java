package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes each distinct row once (first occurrence), remembering the rows seen in a hash set: DISTINCT ON all
 * columns ({@link DistinctOnOperator#firstOfEachKey}).
 */
public final class DistinctOperator implements PhysicalOperator {
    private final PhysicalOperator input;

    public DistinctOperator(PhysicalOperator input) {
        this.input = input;
    }

    @Override
    public List<DataType> outputTypes() {
        return input.outputTypes();
    }

    @Override
    public OperatorState open(ExecContext context) {
        List<Integer> allColumns = new ArrayList<>();
        for (int c = 0; c < input.outputTypes().size(); c++) {
            allColumns.add(c);
        }
        return DistinctOnOperator.firstOfEachKey(input.open(context), allColumns);
    }

    @Override
    public String describe() {
        return "HashDistinct";
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
