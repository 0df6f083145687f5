package io.colorinbox.repeats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.colorinbox.api.ColorResult;
import org.junit.jupiter.api.Test;

class FileAnswersTest {

    private static KeptAnswer answer(String key, int padding) {
        return KeptAnswer.of(key, ColorResult.answered(0, key, 200, 1, 1,
                JsonNodeFactory.instance.objectNode().put("pad", "x".repeat(padding))), padding + 10);
    }

    @Test
    void oneRowLeadsTheOthersWaitAndTheAnswerIsThenAHit() {
        FileAnswers answers = new FileAnswers(1 << 20);
        FileAnswers.Turn first = answers.join("k", new Waiter(null, null, 0));
        assertThat(first).isInstanceOf(FileAnswers.Lead.class);
        Waiter second = new Waiter(null, null, 1);
        assertThat(answers.join("k", second)).isInstanceOf(FileAnswers.Wait.class);

        KeptAnswer kept = answer("k", 10);
        assertThat(answers.settle("k", ((FileAnswers.Lead) first).flight(), kept)).containsExactly(second);
        assertThat(answers.join("k", new Waiter(null, null, 2))).isEqualTo(new FileAnswers.Hit(kept));
    }

    @Test
    void aFailedCallLeavesNoAnswerSoTheNextRowLeadsAgain() {
        FileAnswers answers = new FileAnswers(1 << 20);
        FileAnswers.Lead lead = (FileAnswers.Lead) answers.join("k", new Waiter(null, null, 0));
        assertThat(answers.settle("k", lead.flight(), null)).isEmpty();
        assertThat(answers.join("k", new Waiter(null, null, 1))).isInstanceOf(FileAnswers.Lead.class);
    }

    @Test
    void theAnswersKeptStayWithinTheBoundInBytes() {
        long bound = 64 * 1024;
        FileAnswers answers = new FileAnswers(bound);
        for (int i = 0; i < 5_000; i++) {
            String key = "GET item-" + i + "?\n";
            FileAnswers.Lead lead = (FileAnswers.Lead) answers.join(key, new Waiter(null, null, i));
            answers.settle(key, lead.flight(), answer(key, 200));
        }
        assertThat(answers.keptBytes()).isPositive().isLessThanOrEqualTo(bound);
    }
}
