package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Arithmetic;
import io.rustydb.core.type.ArithmeticOp;
import io.rustydb.core.type.Binary;
import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.core.type.TypeRules;
import io.rustydb.sql.expr.ArithmeticExpr;
import io.rustydb.sql.expr.CastExpr;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.CompareOp;
import io.rustydb.sql.expr.ComparisonExpr;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.InListExpr;
import io.rustydb.sql.expr.IsNullExpr;
import io.rustydb.sql.expr.LikeExpr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.LogicalExpr;
import io.rustydb.sql.expr.NegateExpr;
import io.rustydb.sql.expr.NotExpr;
import io.rustydb.sql.expr.ParameterRef;
import io.rustydb.sql.expr.SubqueryExpr;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * Turns a JSqlParser expression into a typed {@link Expr}: resolves column names in a {@link Scope}, types
 * literals, infers parameter types from their context, inserts implicit casts and rejects type errors
 * (42804, 42883) and misplaced aggregates (42803).
 */
final class ExpressionBinder {
    private final Scope scope;
    private final io.rustydb.sql.catalog.Catalog catalog;
    private final ParameterTypes parameters;
    private final AggregationScope aggregation;
    private final WindowScope windows;
    private final String clause;

    /**
     * @param aggregation where aggregates go, or {@code null} where aggregates are not allowed
     * @param clause      the clause being bound, for error messages ("WHERE", "VALUES", ...)
     */
    ExpressionBinder(Scope scope, ParameterTypes parameters, AggregationScope aggregation, String clause) {
        this(null, scope, parameters, aggregation, clause);
    }

    /** With {@code catalog}, subqueries can be bound too. */
    ExpressionBinder(io.rustydb.sql.catalog.Catalog catalog, Scope scope, ParameterTypes parameters,
                     AggregationScope aggregation, String clause) {
        this(catalog, scope, parameters, aggregation, null, clause);
    }

    /** With {@code windows}, window function calls are allowed and go there (the select list and ORDER BY). */
    ExpressionBinder(io.rustydb.sql.catalog.Catalog catalog, Scope scope, ParameterTypes parameters,
                     AggregationScope aggregation, WindowScope windows, String clause) {
        this.catalog = catalog;
        this.scope = scope;
        this.parameters = parameters;
        this.aggregation = aggregation;
        this.windows = windows;
        this.clause = clause;
    }

    /** Binds an expression that must be a condition (BOOLEAN, or NULL). */
    Expr bindCondition(Expression expression) {
        return requireBoolean(bind(expression), clause);
    }

    Expr bind(Expression e) {
        if (aggregation != null && !aggregation.isProbe() && !(e instanceof Column)) {
            Expr key = aggregation.matchKey(e, null);
            if (key != null) {
                return key;
            }
        }
        if (e instanceof net.sf.jsqlparser.expression.AnalyticExpression window
                && window.getType() == net.sf.jsqlparser.expression.AnalyticType.OVER) {
            if (windows == null) {
                throw WindowBinder.notAllowed(clause);
            }
            ExpressionBinder arguments = new ExpressionBinder(catalog, scope, parameters, aggregation, null,
                    WindowBinder.NESTED);
            return new WindowBinder(windows, arguments, parameters).bind(window);
        }
        if (e instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect sub) {
            return subquery(SubqueryExpr.Kind.SCALAR, sub.getSelect(), null, CompareOp.EQ);
        }
        if (e instanceof net.sf.jsqlparser.expression.operators.relational.ExistsExpression exists) {
            Expr x = subquery(SubqueryExpr.Kind.EXISTS, selectOf(exists.getRightExpression()), null, CompareOp.EQ);
            return exists.isNot() ? new NotExpr(x) : x;
        }
        if (e instanceof ParenthesedExpressionList<?> list) {
            if (list.size() != 1) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "row values");
            }
            return bind(list.get(0));
        }
        if (e instanceof Column column) {
            if (column.getArrayConstructor() != null) { // a[i], a[i:j]
                Column plain = new Column(column.getTable(), column.getColumnName());
                return subscript(bind(plain), column.getArrayConstructor().getExpressions());
            }
            return bindColumn(column);
        }
        if (e instanceof net.sf.jsqlparser.expression.ArrayExpression a) {
            return subscript(bind(a.getObjExpression()), List.of(a.getIndexExpression()));
        }
        if (e instanceof net.sf.jsqlparser.expression.ArrayConstructor a) {
            List<Expr> elements = new ArrayList<>();
            for (Expression element : a.getExpressions()) {
                elements.add(bind(element));
            }
            return arrays().construct(elements);
        }
        if (e instanceof LongValue v) {
            return integerLiteral(new BigInteger(v.getStringValue()));
        }
        if (e instanceof DoubleValue v) {
            return decimalLiteral(v.toString());
        }
        if (e instanceof StringValue v) {
            return new Literal(v.getNotExcapedValue(), DataType.VARCHAR);
        }
        if (e instanceof NullValue) {
            return new Literal(null, DataType.NULL);
        }
        if (e instanceof BooleanValue v) {
            return new Literal(v.getValue(), DataType.BOOLEAN);
        }
        if (e instanceof HexValue v) {
            return new Literal(Binary.of(hexBytes(v)), DataType.VARBINARY);
        }
        if (e instanceof DateTimeLiteralExpression v) {
            return dateTimeLiteral(v);
        }
        if (e instanceof net.sf.jsqlparser.expression.IntervalExpression v) {
            return IntervalLiterals.bind(v);
        }
        if (e instanceof JdbcParameter p) {
            int index = ParameterTypes.toIndex(p.getIndex());
            return new ParameterRef(index, parameters.register(index));
        }
        if (e instanceof SignedExpression s) {
            Expr operand = bind(s.getExpression());
            if (operand.type().id() == TypeId.INTERVAL) { // -interval, +interval
                return s.getSign() == '+' ? operand : operand instanceof Literal lit
                        ? new Literal(io.rustydb.core.type.Arithmetic.negate(lit.value()), lit.type())
                        : new NegateExpr(operand);
            }
            if (s.getSign() == '+') {
                return requireNumeric(operand, "+");
            }
            if (operand instanceof Literal lit && lit.value() != null && lit.type().id().isNumeric()) {
                return negateLiteral(lit);
            }
            return new NegateExpr(requireNumeric(operand, "-"));
        }
        if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication
                || e instanceof Division || e instanceof Modulo) {
            return bindArithmetic((BinaryExpression) e);
        }
        if (e instanceof AndExpression a) {
            return new LogicalExpr(true, requireBoolean(bind(a.getLeftExpression()), "AND"),
                    requireBoolean(bind(a.getRightExpression()), "AND"));
        }
        if (e instanceof OrExpression o) {
            return new LogicalExpr(false, requireBoolean(bind(o.getLeftExpression()), "OR"),
                    requireBoolean(bind(o.getRightExpression()), "OR"));
        }
        if (e instanceof NotExpression n) {
            return new NotExpr(requireBoolean(bind(n.getExpression()), "NOT"));
        }
        CompareOp op = compareOp(e);
        if (op != null) {
            BinaryExpression b = (BinaryExpression) e;
            if (b.getRightExpression() instanceof net.sf.jsqlparser.expression.AnyComparisonExpression any) {
                SubqueryExpr.Kind kind = any.getAnyType() == net.sf.jsqlparser.expression.AnyType.ALL
                        ? SubqueryExpr.Kind.ALL : SubqueryExpr.Kind.ANY;
                return subquery(kind, any.getSelect(), bind(b.getLeftExpression()), op);
            }
            if (b.getRightExpression() instanceof Function f && f.getParameters() != null && f.getParameters().size() == 1
                    && ANY_ALL.contains(f.getName().toUpperCase(Locale.ROOT))) { // x op ANY (array)
                return arrays().anyAll(op, bind(b.getLeftExpression()), bind((Expression) f.getParameters().get(0)),
                        f.getName().equalsIgnoreCase("ALL"));
            }
            return comparison(op, bind(b.getLeftExpression()), bind(b.getRightExpression()));
        }
        if (e instanceof IsNullExpression n) {
            return new IsNullExpr(bind(n.getLeftExpression()), n.isNot());
        }
        if (e instanceof net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression d) {
            return isDistinct(bind(d.getLeftExpression()), bind(d.getRightExpression()), d.isNot());
        }
        if (e instanceof net.sf.jsqlparser.expression.DateUnitExpression unit) {
            // a column named day, month, year... which JSqlParser reads as a date unit keyword
            return bind(new Column(unit.toString()));
        }
        if (e instanceof Between b) {
            Expr value = bind(b.getLeftExpression());
            Expr low = comparison(CompareOp.GE, value, bind(b.getBetweenExpressionStart()));
            Expr high = comparison(CompareOp.LE, value, bind(b.getBetweenExpressionEnd()));
            Expr both = new LogicalExpr(true, low, high);
            return b.isNot() ? new NotExpr(both) : both;
        }
        if (e instanceof InExpression in) {
            return bindIn(in);
        }
        if (e instanceof net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator regex) {
            var type = regex.getOperatorType();
            boolean caseInsensitive = type.name().endsWith("CASEINSENSITIVE");
            return RegexFunctions.matchOperator(adaptTo(bind(regex.getLeftExpression()), DataType.VARCHAR),
                    adaptTo(bind(regex.getRightExpression()), DataType.VARCHAR), caseInsensitive,
                    type.name().startsWith("NOT_"));
        }
        if (e instanceof LikeExpression like) {
            return bindLike(like);
        }
        if (e instanceof CastExpression cast) {
            DataType target = TypeNames.toDataType(cast.getColDataType());
            Expr operand = bind(cast.getLeftExpression());
            if (operand instanceof Literal lit) {
                return new Literal(Casts.cast(lit.value(), target), target);
            }
            if (operand instanceof ParameterRef p && p.type().equals(DataType.NULL)) {
                parameters.infer(p.index(), target);
                return new ParameterRef(p.index(), target);
            }
            return new CastExpr(operand, target);
        }
        if (e instanceof Function f) {
            return bindFunction(f);
        }
        if (e instanceof net.sf.jsqlparser.expression.AnalyticExpression a && AggregateCallBinder.handles(a)) {
            return new AggregateCallBinder(catalog, scope, parameters, aggregation, clause).bind(a);
        }
        if (e instanceof net.sf.jsqlparser.expression.NextValExpression next) {
            return SequenceFunctions.nextValueFor(next.getNameList(), catalog);
        }
        if (e instanceof net.sf.jsqlparser.expression.CaseExpression c) {
            return bindCase(c);
        }
        if (e instanceof net.sf.jsqlparser.expression.operators.arithmetic.Concat c) {
            Expr left = bind(c.getLeftExpression());
            Expr right = bind(c.getRightExpression());
            if (left.type().id() == TypeId.ARRAY || right.type().id() == TypeId.ARRAY) {
                return arrays().concat(left, right);
            }
            Expr json = JsonFunctions.concat(left, right, parameters);
            return json != null ? json : ScalarFunctions.concatOperator(left, right);
        }
        if (e instanceof net.sf.jsqlparser.expression.TimeKeyExpression t) {
            String key = t.getStringValue().toLowerCase(Locale.ROOT).replace("()", "");
            return ScalarFunctions.resolve(key, List.of());
        }
        if (e instanceof net.sf.jsqlparser.expression.ExtractExpression x) {
            return DateTimeFunctions.extract(x.getName(), bind(x.getExpression()));
        }
        if (e instanceof net.sf.jsqlparser.expression.TrimFunction t) {
            if (t.getTrimSpecification() != null || t.getFromExpression() != null) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "TRIM with LEADING/TRAILING/BOTH or FROM");
            }
            return ScalarFunctions.resolve("trim", List.of(bind(t.getExpression())));
        }
        throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "expression " + e + " (" + e.getClass().getSimpleName() + ")");
    }

    private static final java.util.Set<String> ANY_ALL = java.util.Set.of("ANY", "SOME", "ALL");

    private ArrayFunctions arrays() {
        return new ArrayFunctions(this::convert);
    }

    /** {@code base[i]} or {@code base[i:j]} (JSqlParser reads {@code i:j} as a JSON path {@code i : j}). */
    private Expr subscript(Expr base, List<? extends Expression> index) {
        if (index.size() != 1) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "multidimensional array subscripts");
        }
        Expression i = index.get(0);
        if (i instanceof SignedExpression signed
                && signed.getExpression() instanceof net.sf.jsqlparser.expression.JsonExpression slice
                && slice.getIdentList().size() == 1 && ":".equals(slice.getOperators().get(0))) {
            // a[-1:2] parses as -(1 : 2)
            Expression lower = new SignedExpression(signed.getSign(), slice.getExpression());
            return arrays().slice(base, bind(lower), bind(slice.getIdents().get(0)));
        }
        if (i instanceof net.sf.jsqlparser.expression.JsonExpression slice && slice.getIdentList().size() == 1
                && ":".equals(slice.getOperators().get(0))) {
            return arrays().slice(base, bind(slice.getExpression()), bind(slice.getIdents().get(0)));
        }
        if (i instanceof net.sf.jsqlparser.expression.JsonExpression
                || i instanceof net.sf.jsqlparser.expression.NumericBind) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "array slice " + i + " (give both bounds)");
        }
        return arrays().subscript(base, bind(i));
    }

    private Expr bindColumn(Column column) {
        String qualifier = column.getTable() == null || column.getTable().getName() == null
                ? null : Identifiers.normalize(column.getTable().getName());
        String name = Identifiers.normalize(column.getColumnName());
        if (qualifier == null && (name.equals("true") || name.equals("false")) && !column.getColumnName().startsWith("\"")) {
            return new Literal(name.equals("true"), DataType.BOOLEAN);
        }
        if (qualifier == null && name.equals("localtimestamp") && !column.getColumnName().startsWith("\"")) {
            // A reserved word in PostgreSQL, so never a column when unquoted; JSqlParser hands it over as a name.
            return ScalarFunctions.resolve(name, List.of());
        }
        String schema = column.getTable() == null ? null : column.getTable().getSchemaName();
        io.rustydb.sql.catalog.QualifiedName oracle = SequenceFunctions.oracleCall(schema,
                column.getTable() == null ? null : column.getTable().getName(), name, catalog);
        if (oracle != null && (schema != null || !scope.qualifiers().contains(qualifier))) {
            return SequenceFunctions.named(oracle, name.equals("nextval"), catalog); // s.NEXTVAL, s.CURRVAL
        }
        if (schema != null && catalog != null) {
            Names.checkColumnQualifier(catalog, schema, qualifier); // s.t.c: t must be s.t
        }
        if (aggregation != null && !aggregation.isProbe()) {
            Expr resolved = scope.resolve(qualifier, name);
            Expr key = aggregation.matchKey(column, resolved);
            if (key == null) {
                throw AggregationScope.ungrouped(name);
            }
            return key;
        }
        return scope.resolve(qualifier, name);
    }

    private Expr bindFunction(Function f) {
        String name = f.getName().toLowerCase(Locale.ROOT);
        if (name.equals("array") && f.getParameters() != null && f.getParameters().size() == 1
                && f.getParameters().get(0) instanceof net.sf.jsqlparser.statement.select.Select sub) {
            return subquery(SubqueryExpr.Kind.ARRAY, sub, null, CompareOp.EQ); // ARRAY(SELECT ...)
        }
        if (TableFunctionBinder.handles(name)) {
            throw TableFunctionBinder.notInExpression(name);
        }
        if (AggregateCallBinder.handles(name)) {
            return new AggregateCallBinder(catalog, scope, parameters, aggregation, clause).bind(f);
        }
        List<Expr> args = new ArrayList<>();
        if (f.getParameters() != null) {
            for (Object p : f.getParameters()) {
                args.add(bind((Expression) p));
            }
        }
        if (f.getParameters() == null && f.getNamedParameters() != null) { // SUBSTRING(s FROM a FOR b), ...
            for (Object p : f.getNamedParameters()) {
                args.add(bind((Expression) p));
            }
            return KeywordCalls.bind(name, f.getNamedParameters().getNames(), args);
        }
        if (f.isDistinct() || f.isAllColumns()) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + " with DISTINCT or *");
        }
        if (WindowBinder.withoutOver(name) != null) {
            throw WindowBinder.withoutOver(name);
        }
        if (SequenceFunctions.handles(name)) {
            return SequenceFunctions.bind(name, args, catalog, parameters);
        }
        if (SessionFunctions.handles(name)) {
            return SessionFunctions.bind(name, args);
        }
        if (DateTimeFunctions.handles(name)) {
            return DateTimeFunctions.resolve(name, args);
        }
        if (StringFunctions.handles(name)) {
            return StringFunctions.resolve(name, args);
        }
        if (RegexFunctions.handles(name)) {
            return RegexFunctions.resolve(name, args);
        }
        if (IntervalFunctions.handles(name)) {
            return IntervalFunctions.resolve(name, args);
        }
        if (FormattingFunctions.handles(name)) {
            return FormattingFunctions.resolve(name, args);
        }
        if (JsonFunctions.handles(name)) {
            return JsonFunctions.resolve(name, args, parameters);
        }
        if (ArrayFunctions.handles(name)) {
            return arrays().resolve(name, args);
        }
        return ScalarFunctions.resolve(name, args);
    }

    private Expr bindCase(net.sf.jsqlparser.expression.CaseExpression c) {
        Expr switchValue = c.getSwitchExpression() == null ? null : bind(c.getSwitchExpression());
        List<Expr> conditions = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        for (net.sf.jsqlparser.expression.WhenClause when : c.getWhenClauses()) {
            Expr condition = bind(when.getWhenExpression());
            conditions.add(switchValue == null ? requireBoolean(condition, "CASE WHEN")
                    : comparison(CompareOp.EQ, switchValue, condition));
            results.add(bind(when.getThenExpression()));
        }
        Expr otherwise = c.getElseExpression() == null ? null : bind(c.getElseExpression());
        DataType type = DataType.NULL;
        for (Expr r : results) {
            type = io.rustydb.core.type.TypeRules.commonType(type, r.type());
        }
        if (otherwise != null) {
            type = io.rustydb.core.type.TypeRules.commonType(type, otherwise.type());
        }
        if (type.equals(DataType.NULL)) {
            type = DataType.VARCHAR;
        }
        List<Expr> converted = new ArrayList<>();
        for (Expr r : results) {
            converted.add(convert(r, type));
        }
        return new io.rustydb.sql.expr.CaseExpr(conditions, converted, otherwise == null ? null : convert(otherwise, type), type);
    }

    /** {@code e} as a value of {@code type} (a result of CASE and the like). */
    Expr convert(Expr e, DataType type) {
        if (e.type().equals(type)) {
            return e;
        }
        if (e instanceof Literal lit) {
            return new Literal(Casts.cast(lit.value(), type), type);
        }
        if (e instanceof ParameterRef p && p.type().equals(DataType.NULL)) {
            parameters.infer(p.index(), type);
            return new ParameterRef(p.index(), type);
        }
        return new CastExpr(e, type);
    }

    private static net.sf.jsqlparser.statement.select.Select selectOf(Object e) {
        if (e instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect p) {
            return p.getSelect();
        }
        if (e instanceof net.sf.jsqlparser.statement.select.Select s) {
            return s;
        }
        throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "subquery form " + e);
    }

    /**
     * Binds a subquery. It sees this query's columns (a correlated subquery) unless this is the select list of an
     * aggregation, whose rows are groups. IN/ANY/ALL subqueries must return one column, comparable with the
     * operand; a scalar subquery's type is its column's.
     */
    private Expr subquery(SubqueryExpr.Kind kind, net.sf.jsqlparser.statement.select.Select select, Expr operand,
                          CompareOp op) {
        if (select instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect p) {
            select = p.getSelect();
        }
        if (catalog == null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "a subquery in " + clause);
        }
        Scope outer = aggregation == null || aggregation.isProbe() ? scope : null;
        io.rustydb.sql.plan.BoundStatement.Query query = new SelectBinder(catalog, parameters, outer).bind(select);
        java.util.List<DataType> types = query.plan().outputTypes();
        if (kind != SubqueryExpr.Kind.EXISTS && types.size() != 1) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "subquery must return only one column");
        }
        int outerDepth = SubqueryExpr.outerDepth(query.plan());
        io.rustydb.sql.exec.PhysicalOperator plan = io.rustydb.sql.exec.PhysicalPlanner.plan(query.plan(),
                io.rustydb.sql.exec.TableStatistics.of(catalog), false);
        if (kind == SubqueryExpr.Kind.SCALAR) {
            return new SubqueryExpr(kind, plan, outerDepth, null, op, types.get(0)).withLogicalPlan(query.plan());
        }
        if (kind == SubqueryExpr.Kind.ARRAY) {
            DataType element = types.get(0).id() == TypeId.NULL ? DataType.TEXT : types.get(0);
            return new SubqueryExpr(kind, plan, outerDepth, null, op, DataType.array(element))
                    .withLogicalPlan(query.plan());
        }
        if (kind == SubqueryExpr.Kind.EXISTS) {
            return new SubqueryExpr(kind, plan, outerDepth, null, op, DataType.BOOLEAN).withLogicalPlan(query.plan());
        }
        operand = adaptTo(operand, types.get(0));
        if (!TypeRules.isComparable(operand.type(), types.get(0))) {
            throw new DbException(ErrorCode.UNDEFINED_OPERATOR,
                    operand.type().sqlName() + " " + op.symbol() + " " + types.get(0).sqlName());
        }
        return new SubqueryExpr(kind, plan, outerDepth, operand, op, DataType.BOOLEAN).withLogicalPlan(query.plan());
    }

    private Expr bindArithmetic(BinaryExpression b) {
        ArithmeticOp op;
        if (b instanceof Addition) {
            op = ArithmeticOp.ADD;
        } else if (b instanceof Subtraction) {
            op = ArithmeticOp.SUBTRACT;
        } else if (b instanceof Multiplication) {
            op = ArithmeticOp.MULTIPLY;
        } else if (b instanceof Division) {
            op = ArithmeticOp.DIVIDE;
        } else {
            op = ArithmeticOp.MODULO;
        }
        Expr left = bind(b.getLeftExpression());
        Expr right = bind(b.getRightExpression());
        Expr json = op == ArithmeticOp.SUBTRACT ? JsonFunctions.minus(left, right, parameters) : null;
        if (json != null) {
            return json;
        }
        DataType leftUntyped = IntervalLiterals.untypedOperandType(op, left, right.type());
        DataType rightUntyped = IntervalLiterals.untypedOperandType(op, right, left.type());
        left = leftUntyped == null ? left : adaptTo(left, leftUntyped);
        right = rightUntyped == null ? right : adaptTo(right, rightUntyped);
        left = adaptTo(left, right.type());
        right = adaptTo(right, left.type());
        DataType type = Arithmetic.resultType(op, left.type(), right.type());
        if (left instanceof Literal l && right instanceof Literal r) {
            Object value = l.value() == null || r.value() == null ? null : Arithmetic.apply(op, l.value(), r.value(), type);
            return new Literal(value, type);
        }
        return new ArithmeticExpr(op, left, right, type);
    }

    /**
     * {@code left IS [NOT] DISTINCT FROM right}: a comparison in which NULL equals NULL and differs from every
     * value, so the result is never NULL.
     */
    private Expr isDistinct(Expr left, Expr right, boolean not) {
        Expr differs = comparison(not ? CompareOp.EQ : CompareOp.NE, left, right);
        Expr leftNull = new IsNullExpr(left, false);
        Expr rightNull = new IsNullExpr(right, false);
        // both NULL: not distinct; one NULL: distinct; else the comparison
        Expr bothNull = new LogicalExpr(true, leftNull, rightNull);
        Expr oneNull = new LogicalExpr(false, leftNull, rightNull);
        return new io.rustydb.sql.expr.CaseExpr(List.of(bothNull, oneNull),
                List.of(new Literal(not, DataType.BOOLEAN), new Literal(!not, DataType.BOOLEAN)), differs,
                DataType.BOOLEAN);
    }

    private Expr comparison(CompareOp op, Expr left, Expr right) {
        left = adaptTo(left, right.type());
        right = adaptTo(right, left.type());
        if (left.type().id() == TypeId.JSON || right.type().id() == TypeId.JSON) {
            throw new DbException(ErrorCode.UNDEFINED_OPERATOR, left.type().sqlName() + " " + op.symbol() + " "
                    + right.type().sqlName() + " (json has no equality or ordering; use jsonb)");
        }
        if (!TypeRules.isComparable(left.type(), right.type())) {
            throw new DbException(ErrorCode.UNDEFINED_OPERATOR,
                    left.type().sqlName() + " " + op.symbol() + " " + right.type().sqlName());
        }
        if (left.type().id() == TypeId.CHAR || right.type().id() == TypeId.CHAR) {
            // CHAR(n) compares without its padding: 'ab' = 'ab   ' (the SQL standard's PAD SPACE, as PostgreSQL)
            return new ComparisonExpr(op, trimTrailingSpaces(left), trimTrailingSpaces(right));
        }
        return new ComparisonExpr(op, unifyApproximate(left, right.type()), unifyApproximate(right, left.type()));
    }

    private static Expr trimTrailingSpaces(Expr e) {
        if (!e.type().id().isString()) {
            return e;
        }
        if (e instanceof Literal lit) {
            return lit.value() == null ? lit : new Literal(stripTrailingBlanks((String) lit.value()), DataType.VARCHAR);
        }
        return new io.rustydb.sql.expr.TrimTrailingBlanksExpr(e);
    }

    private static String stripTrailingBlanks(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Values compare by exact value across numeric classes, so {@code REAL 0.1} and {@code DOUBLE 0.1} differ; as
     * in PostgreSQL, a comparison involving an approximate number first converts both sides to the common type.
     */
    private static Expr unifyApproximate(Expr operand, DataType other) {
        DataType type = operand.type();
        if (type.equals(other) || !type.id().isNumeric() || !other.id().isNumeric()
                || !(type.id().isApproximateNumeric() || other.id().isApproximateNumeric())) {
            return operand;
        }
        DataType common = TypeRules.commonType(type, other);
        if (common.equals(type)) {
            return operand;
        }
        if (operand instanceof Literal lit) {
            return new Literal(Casts.cast(lit.value(), common), common);
        }
        return new CastExpr(operand, common);
    }

    private Expr bindIn(InExpression in) {
        if (in.getRightExpression() instanceof net.sf.jsqlparser.statement.select.Select sub) {
            Expr x = subquery(SubqueryExpr.Kind.IN, selectOf(sub), bind(in.getLeftExpression()), CompareOp.EQ);
            return in.isNot() ? new NotExpr(x) : x;
        }
        if (!(in.getRightExpression() instanceof ExpressionList<?> list)) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "IN with " + in.getRightExpression());
        }
        Expr operand = bind(in.getLeftExpression());
        List<Expr> elements = new ArrayList<>();
        for (Expression element : list) {
            Expr bound = adaptTo(bind(element), operand.type());
            operand = adaptTo(operand, bound.type());
            if (!TypeRules.isComparable(operand.type(), bound.type())) {
                throw new DbException(ErrorCode.UNDEFINED_OPERATOR,
                        operand.type().sqlName() + " = " + bound.type().sqlName());
            }
            elements.add(bound);
        }
        boolean padded = operand.type().id() == TypeId.CHAR
                || elements.stream().anyMatch(x -> x.type().id() == TypeId.CHAR);
        if (padded) { // as in comparison(): CHAR(n) compares without its padding
            operand = trimTrailingSpaces(operand);
            elements.replaceAll(ExpressionBinder::trimTrailingSpaces);
        }
        return new InListExpr(operand, elements, in.isNot());
    }

    private Expr bindLike(LikeExpression like) {
        String keyword = like.getLikeKeyWord() == null ? "LIKE" : like.getLikeKeyWord().name();
        if (keyword.equals("SIMILAR_TO")) {
            Expr escape = like.getEscape() == null ? null : bind(like.getEscape());
            return RegexFunctions.similarTo(adaptTo(bind(like.getLeftExpression()), DataType.VARCHAR),
                    adaptTo(bind(like.getRightExpression()), DataType.VARCHAR),
                    escape == null ? null : adaptTo(escape, DataType.VARCHAR), like.isNot());
        }
        boolean ilike = keyword.equals("ILIKE");
        if (!ilike && !keyword.equals("LIKE")) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, keyword);
        }
        Expr operand = requireString(adaptTo(bind(like.getLeftExpression()), DataType.VARCHAR), keyword);
        Expr pattern = requireString(adaptTo(bind(like.getRightExpression()), DataType.VARCHAR), keyword);
        if (operand.type().id() == TypeId.CHAR) { // matched as text, without its padding (PostgreSQL)
            operand = trimTrailingSpaces(operand);
        }
        Expr escape = null;
        if (like.getEscape() != null) {
            escape = requireString(adaptTo(bind(like.getEscape()), DataType.VARCHAR), keyword + " ... ESCAPE");
        }
        return new LikeExpr(operand, pattern, escape, like.isNot(), ilike);
    }

    /**
     * Gives an untyped operand the type its counterpart expects: an unset parameter takes {@code expected}; a
     * string literal next to a non-string value is read as that type (PostgreSQL's rule for quoted literals).
     */
    private Expr adaptTo(Expr operand, DataType expected) {
        if (expected.equals(DataType.NULL)) {
            return operand;
        }
        if (operand instanceof ParameterRef p && p.type().equals(DataType.NULL)) {
            // A value compared with (or computed with) a bounded column keeps its full length or precision.
            DataType unbounded = unbounded(expected);
            parameters.infer(p.index(), unbounded);
            return new ParameterRef(p.index(), unbounded);
        }
        if (operand instanceof Literal lit && lit.value() instanceof String && !expected.id().isString()) {
            return new Literal(Casts.cast(lit.value(), expected), expected);
        }
        return operand;
    }

    /** The unbounded type of the same family: VARCHAR for CHAR(n)/VARCHAR(n), unconstrained DECIMAL, ... */
    static DataType unbounded(DataType type) {
        switch (type.id()) {
            case CHAR:
            case VARCHAR:
                return DataType.VARCHAR;
            case VARBINARY:
                return DataType.VARBINARY;
            case DECIMAL:
                return DataType.DECIMAL;
            default:
                return type;
        }
    }

    private Expr requireBoolean(Expr e, String where) {
        e = adaptTo(e, DataType.BOOLEAN);
        if (e.type().id() != TypeId.BOOLEAN && e.type().id() != TypeId.NULL) {
            throw new DbException(ErrorCode.DATATYPE_MISMATCH,
                    "argument of " + where + " must be type BOOLEAN, not type " + e.type().sqlName());
        }
        return e;
    }

    private static Expr requireNumeric(Expr e, String operator) {
        if (!e.type().id().isNumeric() && e.type().id() != TypeId.NULL) {
            throw new DbException(ErrorCode.UNDEFINED_OPERATOR, operator + e.type().sqlName());
        }
        return e;
    }

    private static Expr requireString(Expr e, String operator) {
        if (!e.type().id().isString() && e.type().id() != TypeId.NULL) {
            throw new DbException(ErrorCode.UNDEFINED_OPERATOR, e.type().sqlName() + " " + operator);
        }
        return e;
    }

    private static CompareOp compareOp(Expression e) {
        if (e instanceof EqualsTo) {
            return CompareOp.EQ;
        }
        if (e instanceof NotEqualsTo) {
            return CompareOp.NE;
        }
        if (e instanceof GreaterThan) {
            return CompareOp.GT;
        }
        if (e instanceof GreaterThanEquals) {
            return CompareOp.GE;
        }
        if (e instanceof MinorThan) {
            return CompareOp.LT;
        }
        if (e instanceof MinorThanEquals) {
            return CompareOp.LE;
        }
        return null;
    }

    private static Literal integerLiteral(BigInteger value) {
        if (value.bitLength() < 32) {
            return new Literal(value.intValue(), DataType.INTEGER);
        }
        if (value.bitLength() < 64) {
            return new Literal(value.longValue(), DataType.BIGINT);
        }
        return new Literal(new BigDecimal(value), DataType.DECIMAL);
    }

    private static Literal decimalLiteral(String text) {
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return new Literal(Double.parseDouble(text), DataType.DOUBLE);
        }
        BigDecimal value = new BigDecimal(text);
        return new Literal(value, DataType.DECIMAL);
    }

    private static Literal negateLiteral(Literal lit) {
        Object v = lit.value();
        if (v instanceof Long l && l == -(long) Integer.MIN_VALUE) {
            return new Literal(Integer.MIN_VALUE, DataType.INTEGER);
        }
        if (v instanceof BigDecimal d && lit.type().equals(DataType.DECIMAL) && d.scale() == 0
                && d.negate().compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) == 0) {
            return new Literal(Long.MIN_VALUE, DataType.BIGINT);
        }
        return new Literal(io.rustydb.core.type.Arithmetic.negate(v), lit.type());
    }

    /**
     * The bytes of {@code X'3031'} or {@code 0x3031}, read from the literal's text (JSqlParser's own digit
     * extraction keeps a trailing quote when whitespace follows the literal); bad digits are 22P02.
     */
    private static byte[] hexBytes(HexValue v) {
        String text = v.getValue().trim();
        String digits = text.startsWith("0x") || text.startsWith("0X")
                ? text.substring(2)
                : text.substring(2, text.length() - 1); // x'...'
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "bytea", text);
        }
    }

    private static Literal dateTimeLiteral(DateTimeLiteralExpression v) {
        String text = v.getValue();
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            text = text.substring(1, text.length() - 1);
        }
        DataType type;
        switch (v.getType()) {
            case DATE:
                type = DataType.DATE;
                break;
            case TIME:
                type = DataType.TIME;
                break;
            case TIMESTAMPTZ:
                type = DataType.TIMESTAMP_TZ;
                break;
            default:
                type = DataType.TIMESTAMP;
                break;
        }
        return new Literal(Casts.cast(text, type), type);
    }
}
