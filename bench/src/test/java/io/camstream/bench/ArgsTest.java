package io.camstream.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgsTest {

    @Test
    void valuesComeSpacedOrAfterAnEqualsSignAndFlagsStandAlone() {
        Args args = Args.parse(List.of("--viewers", "300", "--json", "--warmup=1.5"), Set.of("json"));

        assertThat(args.integer("viewers", 1, 1)).isEqualTo(300);
        assertThat(args.decimal("warmup", 2, 0)).isEqualTo(1.5);
        assertThat(args.flag("json")).isTrue();
        assertThat(args.integer("slow", 0, 0)).isZero();
    }

    @Test
    void badNumberNamesTheOptionTheRuleAndTheValue() {
        Args args = Args.parse(List.of("--viewers", "many"), Set.of());

        assertThatThrownBy(() -> args.integer("viewers", 1, 1))
                .hasMessage("--viewers must be a whole number of at least 1, was 'many'");
    }

    @Test
    void unknownOptionIsRejected() {
        Args args = Args.parse(List.of("--viewers", "3", "--vewers", "4"), Set.of());
        args.integer("viewers", 1, 1);

        assertThatThrownBy(args::rejectUnknown).hasMessage("unknown option --vewers");
    }

    @Test
    void wordThatIsNotAnOptionIsRejected() {
        assertThatThrownBy(() -> Args.parse(List.of("refrence"), Set.of()))
                .hasMessage("expected an option such as --viewers, found 'refrence'");
    }
}
