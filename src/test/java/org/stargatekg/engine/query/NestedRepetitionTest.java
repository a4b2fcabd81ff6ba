package org.stargatekg.engine.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which regular expressions are refused for repeating a group that can match nothing. */
class NestedRepetitionTest {

    @ParameterizedTest
    @ValueSource(strings = {"((((a*)*)*)*)*!", "(a*)*", "(a?)+", "(a|)*", "(|a)+", "((a)*)*", "(?:a*)*", "(a{0,3})*",
                            "((a*))*", "(x|(a*)){2,}", "(?<n>a*)*"})
    void repeated_group_that_can_be_empty_is_refused(String pattern) {
        assertTrue(NestedRepetition.nested(pattern), pattern + " was let through");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(.*a){30}$", "(ab*)*", "(a+)+b", "^a.c$", "(?i)abc", "[(*]*", "\\(a*\\)*", "a*?b+?",
                            "(\\w+\\s)*", "\\Q(a*)*\\E", "(a|b)*", "[)]*", "(a{2,3})*", "x(?=a*)"})
    void ordinary_pattern_is_kept(String pattern) {
        assertFalse(NestedRepetition.nested(pattern), pattern + " was refused");
    }
}
