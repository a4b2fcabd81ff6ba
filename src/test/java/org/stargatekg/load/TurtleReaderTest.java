package org.stargatekg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stargatekg.vocab.Namespaces;

/**
 * The files of one folder share their IRI resolution ({@link TurtleReader#iris}) and give what each file read on its
 * own gives: the same triples, every complaint about an IRI at each place it is used, and a file's own @base honoured.
 */
class TurtleReaderTest {

    private static final String BASE = Namespaces.STANDARD;

    @TempDir
    Path dir;

    /** Issue 23, finding 7: a file saved with a UTF-8 byte order mark failed with "Out of place: [KEYWORD:\uFEFF]". */
    @Test
    void a_byte_order_mark_is_read_past() throws IOException {
        Path file = dir.resolve("bom.ttl");
        byte[] turtle = "@prefix ex: <http://example.org/> .\nex:s ex:p \"caf\u00e9\" .\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withMark = new byte[turtle.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(turtle, 0, withMark, 3, turtle.length);
        Files.write(file, withMark);
        assertEquals(1, TurtleReader.read(file, BASE).size());
        assertEquals("caf\u00e9", TurtleReader.triples(file, BASE).get(0).getObject().getLiteralLexicalForm());
    }

    @Test
    void a_bad_iri_is_reported_in_every_file_that_uses_it() throws IOException {
        TurtleReader.Iris iris = TurtleReader.iris(BASE);
        Path good = write("a.ttl", "<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n");
        Path bad1 = write("b.ttl", "<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n"
                                   + "<http://example.org/s> <http://example.org/p> <http://example.org/o\\u0020x> .\n");
        Path bad2 = write("c.ttl", "\n<http://example.org/s> <http://example.org/q> <http://example.org/o\\u0020x> .\n");
        assertEquals(1, TurtleReader.triples(good, iris, null, null).size());
        LoadException first = assertThrows(LoadException.class, () -> TurtleReader.triples(bad1, iris, null, null));
        LoadException second = assertThrows(LoadException.class, () -> TurtleReader.triples(bad2, iris, null, null));
        assertTrue(first.getMessage().contains("line 2"), first::getMessage);
        assertTrue(second.getMessage().contains("line 2"), second::getMessage);
        // The same complaints as each file read with a resolution of its own.
        assertEquals(message(bad1), first.getMessage());
        assertEquals(message(bad2), second.getMessage());
    }

    @Test
    void shared_resolution_gives_the_triples_each_file_gives_alone_and_a_files_own_base_counts() throws IOException {
        Path plain = write("a.ttl", "<x> <p> <y> . <http://example.org/z> <p> <x> .\n");
        Path based = write("b.ttl", "@base <http://other.example/> .\n<x> <p> <y> .\n");
        Path after = write("c.ttl", "<x> <p> <y> .\n");
        TurtleReader.Iris iris = TurtleReader.iris(BASE);
        for (Path f : List.of(plain, based, after))
            assertEquals(TurtleReader.triples(f, TurtleReader.iris(BASE), null, null), TurtleReader.triples(f, iris, null, null), f.toString());
        Triple inBased = TurtleReader.triples(based, iris, null, null).get(0);
        assertEquals(NodeFactory.createURI("http://other.example/x"), inBased.getSubject());
        Node inAfter = TurtleReader.triples(after, iris, null, null).get(0).getSubject();
        assertEquals(NodeFactory.createURI(BASE + "x"), inAfter);
    }

    @Test
    void a_thread_keeps_its_resolution_for_one_base_only() {
        TurtleReader.Iris kept = TurtleReader.irisOfThisThread(BASE);
        assertTrue(kept == TurtleReader.irisOfThisThread(BASE), "the thread's resolution is kept for its next folder");
        TurtleReader.Iris other = TurtleReader.irisOfThisThread("http://other.example/");
        assertEquals("http://other.example/", other.base());
        assertTrue(other != kept, "another base gets a resolution of its own");
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_and_a_written_replacement_character_is_kept() throws IOException {
        Path latin1 = dir.resolve("latin1.ttl");
        Files.write(latin1, "<http://example.org/s> <http://example.org/p> \"caf\u00E9\" .\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        LoadException ex = assertThrows(LoadException.class, () -> TurtleReader.triples(latin1, BASE));
        assertTrue(ex.getMessage().contains("not valid UTF-8") && ex.getMessage().contains("0xE9"), ex::getMessage);
        Path replacement = write("fffd.ttl", "<http://example.org/s> <http://example.org/p> \"a\uFFFDb \u00E9\" .\n");
        assertEquals("a\uFFFDb \u00E9", TurtleReader.triples(replacement, BASE).get(0).getObject().getLiteralLexicalForm());
        Path accented = write("accented.ttl", "<http://example.org/s> <http://example.org/p> \"caf\u00E9 \u201Cq\u201D\" .\n");
        assertEquals("caf\u00E9 \u201Cq\u201D", TurtleReader.triples(accented, BASE).get(0).getObject().getLiteralLexicalForm());
    }

    private String message(Path file) {
        return assertThrows(LoadException.class, () -> TurtleReader.triples(file, TurtleReader.iris(BASE), null, null)).getMessage();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
