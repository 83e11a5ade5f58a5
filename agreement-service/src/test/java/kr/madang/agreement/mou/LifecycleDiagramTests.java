package kr.madang.agreement.mou;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's state diagram is rendered from the transition table: when they differ, the README is rewritten and the
 * test fails, so a change of the table cannot be committed with an outdated diagram.
 */
class LifecycleDiagramTests {

    private static final Path README = Path.of("README.md");
    private static final String START = "<!-- state-diagram:start -->\n";
    private static final String END = "<!-- state-diagram:end -->";

    @Test
    void theReadmeShowsTheDiagramOfTheTransitionTable() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README has the diagram's markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String rendered = "```mermaid\n" + Transitions.mermaid() + "```\n";
        String current = readme.substring(start + START.length(), end);
        if (!current.equals(rendered)) {
            Files.writeString(README, readme.substring(0, start + START.length()) + rendered + readme.substring(end),
                    StandardCharsets.UTF_8);
        }
        assertThat(current).as("the README's diagram (now rewritten from the table: commit it)").isEqualTo(rendered);
    }

    @Test
    void everyStateButTheFinalOnesHasAWayOn() {
        for (AgreementState state : AgreementState.values()) {
            boolean leaves = Transitions.TABLE.stream()
                    .anyMatch(t -> t.from().contains(state) && !t.targets(state).equals(java.util.Set.of(state)));
            assertThat(leaves).as(state.name()).isEqualTo(!state.finished());
        }
    }
}
