package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.backend.PersistentStore;
import org.stargatekg.support.QueryForms;
import org.stargatekg.support.RunningServer;
import org.stargatekg.vocab.Namespaces;

/**
 * SELECT, ASK, CONSTRUCT and DESCRIBE, each in every format {@code /sparql} offers, give the same answers in memory
 * and with {@code --store} (TDB2), and the same in every format as in the first; {@code ASK {}} is true.
 * (Through Virtuoso: {@code VirtuosoIT}.)
 */
class QueryFormsTest {

    private static RunningServer memory;
    private static RunningServer stored;

    /** Two full loads, one into a TDB2 store: more than the default two minutes on a busy machine. */
    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void start() throws IOException {
        memory = RunningServer.start();
        Path dir = Files.createTempDirectory(Path.of("target"), "query-forms-tdb2-");
        KnowledgeGraph kg = KnowledgeGraphLoader.shipped(new Namespaces(memory.base())).store(PersistentStore.at(dir)).load();
        StargateServer server = StargateServer.create().port(0).graph(kg).build().start();
        stored = RunningServer.attach(server.port(), memory.base(), server::stop);
    }

    @AfterAll
    static void stop() {
        if (memory != null)
            memory.close();
        if (stored != null)
            stored.close();
    }

    @Test
    void every_query_form_in_every_format_answers_the_same_in_memory_and_with_the_tdb2_store() {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String query : QueryForms.QUERIES) {
            QueryForms.Answer first = null;
            for (String format : QueryForms.formats(query)) {
                QueryForms.Answer here = QueryForms.ask(memory, query, format);
                QueryForms.Answer there = QueryForms.ask(stored, query, format);
                if (here.status() != 200)
                    differences.add(format + " in memory: HTTP " + here.status() + " " + here.body() + "\n    " + query);
                String d = here.differenceFrom(there);
                if (d != null)
                    differences.add(format + ", memory vs --store: " + d + "\n    " + query);
                if (first == null)
                    first = here;
                else if (!format.equals("text/csv") && (d = first.differenceFrom(here)) != null)
                    differences.add(format + " vs " + QueryForms.formats(query).get(0) + " in memory: " + d + "\n    " + query);
                if (here.size() == 0 && !query.contains("absent"))
                    differences.add(format + ": nothing in the answer, so nothing was compared\n    " + query);
                compared++;
            }
        }
        System.out.println("[QueryFormsTest] " + compared + " answers (query and format) compared, memory vs --store");
        assertTrue(differences.isEmpty(), () -> differences.size() + " difference(s):\n" + String.join("\n", differences));
    }

    @Test
    void ask_of_the_empty_pattern_is_true_in_every_format_in_memory_and_with_the_store() {
        for (String format : QueryForms.RESULT_FORMATS) {
            assertEquals(Boolean.TRUE, QueryForms.ask(memory, "ASK {}", format).ask(), format);
            assertEquals(Boolean.TRUE, QueryForms.ask(stored, "ASK {}", format).ask(), format);
        }
    }
}
