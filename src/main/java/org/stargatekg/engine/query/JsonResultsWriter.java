package org.stargatekg.engine.query;

import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kBaseDirection;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kBindings;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kBnode;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kDatatype;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kHead;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kLiteral;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kObject;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kPredicate;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kResults;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kSubject;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kTriple;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kType;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kUri;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kValue;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kVars;
import static org.apache.jena.riot.rowset.rw.JSONResultsKW.kXmlLang;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.logging.Log;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.impl.Util;
import org.apache.jena.riot.out.NodeToLabel;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterFactory;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.rowset.rw.RowSetWriterJSON;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.riot.system.SyntaxLabels;
import org.apache.jena.sparql.util.Context;

/**
 * Writes SPARQL JSON results byte for byte as Jena 5.6's {@code RowSetWriterJSON} does (same layout, spacing, escapes
 * and blank node labels; a test compares the two), without its per-response cost: Jena wraps every response in a
 * 64K-character buffer (128 KB allocated and zeroed per query, more than the whole answer of most queries) and builds
 * a new string buffer for each quoted value. This one keeps a small text buffer and writes through one UTF-8 encoder.
 * {@link #install()} puts it in Jena's writer registry for {@code application/sparql-results+json}.
 */
public final class JsonResultsWriter implements RowSetWriter {

    /** The factory {@link #install()} registers. */
    public static final RowSetWriterFactory FACTORY = lang -> new JsonResultsWriter();

    /** How much text is gathered before it is encoded and passed on. */
    private static final int CHUNK = 4096;

    /** ASK answers are two fixed texts: taken once from Jena's own writer. */
    private static final byte[] TRUE = jenaBoolean(true), FALSE = jenaBoolean(false);

    private JsonResultsWriter() {}

    /** Registers this writer for SPARQL JSON results, in place of Jena's. */
    public static void install() {
        RowSetWriterRegistry.register(ResultSetLang.RS_JSON, FACTORY);
    }

    @Override
    public void write(OutputStream out, RowSet rowSet, Context context) {
        boolean asGiven = context != null && context.isTrue(ARQ.outputGraphBNodeLabels);
        Text text = new Text(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            new Rows(text, asGiven ? SyntaxLabels.createNodeToLabelAsGiven() : SyntaxLabels.createNodeToLabel()).write(rowSet);
        } finally {
            text.flush();
        }
    }

    @Override
    public void write(Writer out, RowSet rowSet, Context context) {
        throw new UnsupportedOperationException("Writing JSON results to a java.io.Writer. Use an OutputStream.");
    }

    @Override
    public void write(OutputStream out, boolean result, Context context) {
        try {
            out.write(result ? TRUE : FALSE);
        } catch (IOException ex) {
            IO.exception(ex);
        } finally {
            IO.flush(out);
        }
    }

    private static byte[] jenaBoolean(boolean b) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON).write(bytes, b, null);
        return bytes.toByteArray();
    }

    /**
     * Indented text as Jena's {@code IndentedWriter} lays it out: before any character of a line, and before ending
     * a line, the line is padded with spaces up to the current indent. No printed string holds a line break (JSON
     * escapes them), so padding is checked once per string.
     */
    private static final class Text {
        private final Writer out;
        private final StringBuilder buf = new StringBuilder(CHUNK + 256);
        private int indent;
        private int column;

        Text(Writer out) {
            this.out = out;
        }

        Text print(String s) {
            if (s.isEmpty())
                return this;
            pad();
            buf.append(s);
            column += s.length();
            if (buf.length() >= CHUNK)
                drain();
            return this;
        }

        Text println(String s) {
            return print(s).newline();
        }

        Text newline() {
            pad();
            buf.append('\n');
            column = 0;
            return this;
        }

        /** A quoted JSON string, escaped as Jena's {@code JsonIO.escape} does. */
        Text quoted(String s) {
            pad();
            int start = buf.length();
            buf.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '"' -> buf.append("\\\"");
                    case '\\' -> buf.append("\\\\");
                    case '/' -> buf.append(i > 0 && s.charAt(i - 1) == '<' ? "\\/" : "/");
                    case '\b' -> buf.append("\\b");
                    case '\f' -> buf.append("\\f");
                    case '\n' -> buf.append("\\n");
                    case '\r' -> buf.append("\\r");
                    case '\t' -> buf.append("\\t");
                    default -> {
                        if (ch < ' ' || (ch >= '\u007F' && ch <= '\u009F') || (ch >= '\u2000' && ch < '\u2100'))
                            buf.append("\\u").append(HEX[(ch >> 12) & 0xF]).append(HEX[(ch >> 8) & 0xF])
                               .append(HEX[(ch >> 4) & 0xF]).append(HEX[ch & 0xF]);
                        else
                            buf.append(ch);
                    }
                }
            }
            buf.append('"');
            column += buf.length() - start;
            if (buf.length() >= CHUNK)
                drain();
            return this;
        }

        void incIndent(int n) {
            indent += n;
        }

        void decIndent(int n) {
            indent -= n;
        }

        private void pad() {
            for (; column < indent; column++)
                buf.append(' ');
        }

        private void drain() {
            try {
                out.append(buf);
            } catch (IOException ex) {
                IO.exception(ex);
            }
            buf.setLength(0);
        }

        void flush() {
            drain();
            IO.flush(out);
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** One result set, written in the order and layout of Jena's {@code ResultSetWriterTableJSON}. */
    private static final class Rows {
        /** Jena's unit indent, and the extra indents of the whole document and of a row's members. */
        private static final int UNIT = 2, OUTER = 2, ROW = 2;

        private final Text out;
        private final NodeToLabel labels;

        Rows(Text out, NodeToLabel labels) {
            this.out = out;
            this.labels = labels;
        }

        void write(RowSet rowSet) {
            List<Var> vars = rowSet.getResultVars();
            out.print("{");
            out.incIndent(OUTER);
            out.quoted(kHead).println(": {");
            out.incIndent(UNIT);
            out.quoted(kVars).print(": [ ");
            out.incIndent(UNIT);
            for (int i = 0; i < vars.size(); i++) {
                // Jena writes variable names in the header unescaped.
                out.print("\"").print(vars.get(i).getVarName()).print("\"");
                if (i + 1 < vars.size())
                    out.print(" , ");
            }
            out.decIndent(UNIT);
            out.println(" ]");
            out.decIndent(UNIT);
            out.print("}");
            out.println(" ,");
            out.quoted(kResults).println(": {");
            out.incIndent(UNIT);
            out.quoted(kBindings).println(": [");
            out.incIndent(UNIT);
            boolean firstRow = true;
            while (rowSet.hasNext()) {
                Binding binding = rowSet.next();
                if (!firstRow)
                    out.println(" ,");
                row(vars, binding);
                firstRow = false;
            }
            out.newline();
            out.decIndent(UNIT);
            out.println("]");
            out.decIndent(UNIT);
            out.println("}");
            out.decIndent(OUTER);
            out.println("}");
        }

        private void row(List<Var> vars, Binding binding) {
            out.print("{ ");
            out.incIndent(ROW);
            boolean first = true;
            for (Var var : vars) {
                Node value = binding.get(var);
                if (value == null)
                    continue;
                if (!first)
                    out.print(" ,");
                out.newline();
                out.quoted(var.getVarName()).print(": ");
                value(value);
                first = false;
            }
            out.newline();
            out.decIndent(ROW);
            out.print("}");
        }

        private void value(Node value) {
            boolean triple = value.isTripleTerm();
            if (triple)
                out.println("{");
            else
                out.print("{ ");
            out.incIndent(UNIT);
            if (value.isLiteral())
                literal(value);
            else if (value.isURI())
                out.quoted(kType).print(": ").quoted(kUri).print(" , ").quoted(kValue).print(": ").quoted(value.getURI());
            else if (value.isBlank())
                out.quoted(kType).print(": ").quoted(kBnode).print(" , ").quoted(kValue).print(": ")
                   .quoted(labels.get(null, value).substring(2));
            else if (triple)
                triple(value.getTriple());
            else if (value.isNodeGraph())
                throw new UnsupportedOperationException("Graph terms");
            else
                Log.warn(JsonResultsWriter.class, "Unknown RDFNode type in result set: " + value.getClass());
            if (triple)
                out.newline();
            else
                out.print(" ");
            out.decIndent(UNIT);
            out.print("}");
        }

        private void literal(Node literal) {
            out.quoted(kType).print(": ").quoted(kLiteral).print(" , ");
            if (Util.isSimpleString(literal) || Util.isLangString(literal) || Util.isDirLangString(literal)) {
                String lang = literal.getLiteralLanguage();
                TextDirection direction = literal.getLiteralBaseDirection();
                if (lang != null && !lang.isEmpty())
                    out.quoted(kXmlLang).print(": ").quoted(lang).print(" , ");
                if (direction != null)
                    out.quoted(kBaseDirection).print(": ").quoted(direction.direction()).print(" , ");
            } else {
                out.quoted(kDatatype).print(": ").quoted(literal.getLiteralDatatypeURI()).print(" , ");
            }
            out.quoted(kValue).print(": ").quoted(literal.getLiteralLexicalForm());
        }

        private void triple(Triple t) {
            out.quoted(kType).print(": ").quoted(kTriple).println(" , ");
            out.quoted(kValue).print(": ");
            out.println("{");
            out.incIndent(UNIT);
            out.quoted(kSubject).print(": ").print(" ");
            value(t.getSubject());
            out.println(" ,");
            out.quoted(kPredicate).print(": ");
            value(t.getPredicate());
            out.println(" ,");
            out.quoted(kObject).print(": ").print("  ");
            value(t.getObject());
            out.decIndent(UNIT);
            out.newline();
            out.print("}");
        }
    }
}
