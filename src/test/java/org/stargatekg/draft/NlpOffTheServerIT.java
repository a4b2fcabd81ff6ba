package org.stargatekg.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * After {@code package}: the server's jar holds nothing of CoreNLP, its manifest names the two CoreNLP jars of
 * {@code nlp/} on its Class-Path (for the draft command only), and the package phase put them there.
 */
class NlpOffTheServerIT {

    private static final Path JAR = Path.of("target/stargate-kg.jar");

    @Test
    void the_shaded_jar_holds_no_corenlp_class_and_names_target_nlp_on_its_class_path() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> stanford = jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("edu/stanford/")).limit(5).toList();
            assertEquals(List.of(), stanford, "CoreNLP entries in " + JAR);
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            assertTrue(classPath != null && classPath.contains("nlp/stanford-corenlp-") && classPath.contains("-models.jar"),
                       "Class-Path: " + classPath);
            for (String entry : classPath.trim().split("\\s+"))
                assertTrue(Files.isRegularFile(JAR.resolveSibling(entry)), entry + " is not beside the jar");
        }
    }
}
