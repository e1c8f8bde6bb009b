package io.nbci.notebook;

import com.fasterxml.jackson.databind.node.DoubleNode;

/**
 * A JSON float that remembers how it was written (e.g. {@code 1e-05}, {@code 0.10}), so
 * that a notebook written back gives the same bytes. Floats nbci creates itself are
 * written the way Python's {@code repr} writes them.
 */
final class PyFloatNode extends DoubleNode {
    private static final long serialVersionUID = 1L;

    private final String literal;

    PyFloatNode(double value, String literal) {
        super(value);
        this.literal = literal;
    }

    String literal() {
        return literal;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
